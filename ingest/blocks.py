"""The block model: what every format reader hands to the segmenter.

Readers used to flatten every document to plain text, so the segmenter had to guess item
boundaries from line shapes alone. A `Block` keeps what the document itself says about
structure — heading level, list numbering, typography, table cells, page — so segmentation
can weigh that evidence instead of guessing. Plain text readers produce one `line` block per
line with no typography, which is exactly what the old segmenter saw. `ingest.readers`
documents what each format's reader fills in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# "line": one line of a text file or PDF page, or a further line of a paragraph (Markdown soft
# break, DOCX line break) whose first line is a `para`/`list_item`/`heading` block.
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
    list_depth: int = 0  # nesting of the list item: 0 top level, 1 a list inside a list item, ...
    bold: bool = False
    italic: bool = False
    underline: bool = False  # the whole text underlined (PDF rule under the line, DOCX w:u, HTML <u>)
    # Font size in points (PDF, DOCX run size) or None where unknown.
    size: float | None = None
    # Left edge: x position in points (PDF), the paragraph's left indent in points (DOCX), or
    # the list/quote nesting level (HTML, Markdown, reStructuredText).
    indent: float = 0.0
    # Table rows: the cell texts, in order (a cell's paragraphs separated by "\n"); `text` is the
    # non-empty cells joined with " | " on one line. A PDF `line` with wide gaps (a table row or
    # a number column) also lists its segments here, left to right; it stays a `line`.
    cells: list[str] = field(default_factory=list)
    table: int | None = None  # which table of the document the row belongs to
    page: int | None = None  # 1-based PDF page
    anchor: str | None = None  # HTML id / DOCX bookmark a citation can link to
    # The list label exactly as rendered ("3.", "a)", "(iv)", "2.3"); `list_number` is the same
    # label without its surrounding punctuation ("3", "a", "iv", "2.3").
    list_label: str | None = None
    # A bold run-in heading: the bold text a block opens with when the rest is not bold
    # ("Apologies:" in "<b>Apologies:</b> None received"). `bold` means the whole text is bold.
    bold_prefix: str | None = None
    # Where the block came from in its format, for diagnostics and rules that need the markup:
    # HTML tag (with a ModernGov class: "p.mgAiTitleTxt", "td.mgItemNumberCell"), "tr"/"th";
    # DOCX paragraph style name ("Heading 2", "List Paragraph"), "table", "text box"; Markdown
    # "h2", "p", "li", "blockquote", "code", "front-matter"; docutils node name; "pdf".
    source: str = ""

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


def text_blocks(text: str) -> list[Block]:
    """Plain text as blocks: one `line` block per line, blank lines kept as empty blocks."""
    return [Block(text=ln, kind="line") for ln in text.split("\n")]


def blocks_text(blocks: list[Block]) -> str:
    """The flat text rendering of blocks (one block per line), used for hashing and quoting."""
    return "\n".join(b.text for b in blocks)


def render_line(block: Block) -> str:
    """One block as a reader of the printed page would copy it: headings marked "## " (the
    convention the text segmenter reads), list items with the label the document shows."""
    if block.kind == "heading" and block.text:
        return "## " + (f"{block.list_label} " if block.list_label else "") + block.text
    if block.list_label and block.text:
        return f"{block.list_label} {block.text}"
    if block.kind == "table_row" and block.cells:
        return " | ".join(c for c in block.cells if c)  # a cell's own paragraphs stay on their lines
    return block.text


def render_text(blocks: list[Block]) -> str:
    """The text `read_document` returns: blocks in order, each on its own line; a blank line
    before every block except a `line` block on the same page as the block before it (the
    next line of a text file, of a PDF page, of a Markdown or DOCX paragraph).

    Text files therefore render back to exactly their own (normalised) text, and structured
    formats to the shape the text segmenter was written for.
    """
    out: list[str] = []
    prev: Block | None = None
    for b in blocks:
        if prev is not None:
            same_run = b.kind == "line" and prev.page == b.page
            out.append("\n" if same_run else "\n\n")
        out.append(render_line(b))
        prev = b
    return "".join(out)
