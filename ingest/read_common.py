"""What every format reader shares: a time budget, a block-count limit and inline-text cleanup.

Readers run inside a batch ingest, so one pathological file must not stall or crash the
batch: each reader checks a `Budget` as it goes and stops with an `IngestError` that says
which limit was hit and how to get past it.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError

DEFAULT_READ_SECONDS = float(os.environ.get("MINUTES_READ_SECONDS", "60"))
# Minutes of even a very long meeting run to tens of thousands of lines; a million blocks means
# the file is not minutes (or is a generated bomb), and holding them would exhaust memory.
MAX_BLOCKS = 1_000_000


@dataclass
class Budget:
    """Wall-clock and size limits for reading one file; `check()` raises once exceeded."""

    path: Path
    seconds: float = DEFAULT_READ_SECONDS
    start: float = field(default_factory=time.monotonic)

    def check(self, blocks: int = 0) -> None:
        if time.monotonic() - self.start > self.seconds:
            raise IngestError(
                self.path,
                f"took longer than {self.seconds:.0f} s to read",
                "split it into smaller files, or raise MINUTES_READ_SECONDS",
            )
        if blocks > MAX_BLOCKS:
            raise IngestError(self.path, f"has more than {MAX_BLOCKS:,} lines/paragraphs", "split it into smaller files")


# Characters that look like spaces (or nothing) in every viewer but are not ASCII spaces.
_ODD_SPACES = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
                             "\u3000": " ", "\t": " ", "\u200b": None, "\ufeff": None, "\xad": None,
                             "\u200e": None, "\u200f": None})
_SPACES = re.compile(r"\s+")


def clean_inline(text: str) -> str:
    """Inline text as a reader sees it: odd spaces unified, runs of whitespace collapsed."""
    return _SPACES.sub(" ", text.translate(_ODD_SPACES)).strip()


def strip_label(label: str) -> str:
    """A list label without its surrounding punctuation: "3." -> "3", "(iv)" -> "iv", "a)" -> "a"."""
    return label.strip().strip("()[].:").strip() or label.strip()


_LABEL_TOKEN = re.compile(r"^\s*[(\[]?(?:\d{1,4}|[A-Za-z]|[ivxlcIVXLC]{1,6})(?:\.\d{1,3})*[.):\]]?\s*$")


def bold_facts(pieces: list[tuple[str, bool]]) -> tuple[bool, str | None]:
    """(whole text bold, bold run-in prefix) from (text, bold) runs in order.

    A printed label before a bold title ("a) **Cleansing**", "3. <b>Budget</b>") still counts as a
    bold line: the title is what the typography marks.
    """
    visible = [(t, b) for t, b in pieces if t.strip()]
    if not visible:
        return False, None
    if all(b for _, b in visible):
        return True, None
    if len(visible) > 1 and not visible[0][1] and _LABEL_TOKEN.match(visible[0][0]) and all(b for _, b in visible[1:]):
        return True, None
    if visible[0][1]:
        lead: list[str] = []
        for t, b in visible:
            if not b:
                break
            lead.append(t)
        return False, clean_inline("".join(lead)) or None
    return False, None
