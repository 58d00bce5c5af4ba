"""Shared fixtures. The embedding model and the sample store are built once per session."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "minutes"
sys.path.insert(0, str(ROOT))

from rag.config import offline_environment  # noqa: E402

offline_environment()


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))
