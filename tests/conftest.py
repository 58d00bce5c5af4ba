"""Shared fixtures. The embedding model and the sample store are built once per session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "minutes"
sys.path.insert(0, str(ROOT))

from rag.config import offline_environment  # noqa: E402

offline_environment()


@pytest.fixture(scope="session")
def retriever_over(tmp_path_factory, embed_model):
    """A builder: `retriever_over((file name, text), ...)` writes the documents to a temp dir,
    ingests them into a real store there (Chroma, BM25, the real model) and returns a Retriever
    over it. Answer tests set up small minutes this way; the file name carries the date and body."""
    def build(*docs: tuple[str, str]):
        from rag.config import Settings
        from rag.indexing import ingest_paths
        from rag.retrieve import Retriever
        from rag.store import MinutesStore

        root = tmp_path_factory.mktemp("docs")
        for name, text in docs:
            (root / name).write_text(text, encoding="utf-8")
        store = MinutesStore.open(Settings.from_options(store=root / "store"))
        assert ingest_paths(store, [root / name for name, _ in docs]).ok
        return Retriever(store)

    return build


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def embed_model():
    """The real all-MiniLM-L6-v2, loaded once per test session."""
    from rag.embed import get_embed_model

    return get_embed_model()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, embed_model):
    """A real store (Chroma + BM25 + docstore) of the five sample documents, built once.

    Tests must not write to it; tests that change a store build their own.
    """
    from rag.config import Settings
    from rag.indexing import ingest_paths
    from rag.store import MinutesStore

    root = tmp_path_factory.mktemp("sample-store")
    store = MinutesStore.open(Settings.from_options(store=root))
    report = ingest_paths(store, [SAMPLES])
    assert len(report.meetings) == 5 and not report.failed
    return store


@pytest.fixture(scope="session")
def retriever(sample_store):
    from rag.retrieve import Retriever

    return Retriever(sample_store)
