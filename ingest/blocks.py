"""The block model: what every format reader hands to the segmenter.

Readers used to flatten every document to plain text, so the segmenter had to guess item
boundaries from line shapes alone. A `Block` keeps what the document itself says about
structure — heading level, list numbering, typography, table cells, page — so segmentation
can weigh that evidence instead of guessing. Plain text readers produce one `para` block per
line with no typography, which is exactly what the old segmenter saw.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "para", "list_item", "table_row", "line"]


@dataclass
class Block:
    """One visual unit of a document: a line (PDF/text), paragraph, heading, list item or table row."""

    text: str
    kind: BlockKind = "para"
    # Heading level 1..6 where the format says so (HTML h1-h6, DOCX "Heading N", Markdown #),
    # else 0. A bold, larger or all-caps line in a PDF stays level 0 with its typography set.
    level: int = 0
    # The number the document renders for this list item ("3", "5(b)", "iv"), from <ol>/<li>
    # (with start=), Word automatic numbering (w:numPr) or a Markdown ordered list. Printed
    # numbers that are part of `text` stay in `text`.
    list_number: str | None = None
    list_depth: int = 0
    bold: bool = False
    italic: bool = False
    # Font size in points (PDF, DOCX run size) or None where unknown.
    size: float | None = None
    # Left edge: x position in points (PDF) or indentation level (DOCX/HTML nesting).
    indent: float = 0.0
    # Table rows: the cell texts, in order; `text` is the cells joined with " | ".
    cells: list[str] = field(default_factory=list)
    table: int | None = None  # which table of the document the row belongs to
    page: int | None = None  # 1-based PDF page
    anchor: str | None = None  # HTML id / DOCX bookmark a citation can link to

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


def text_blocks(text: str) -> list[Block]:
    """Plain text as blocks: one `line` block per line, blank lines kept as empty blocks."""
    return [Block(text=ln, kind="line") for ln in text.split("\n")]


def blocks_text(blocks: list[Block]) -> str:
    """The flat text rendering of blocks (one block per line), used for hashing and quoting."""
    return "\n".join(b.text for b in blocks)
