"""Read a file of any supported format into blocks (`read_blocks`) or text (`read_document`).

`read_blocks(path) -> list[Block]` is the entry point for segmentation: each format reader
keeps the document's own structure (see `ingest.blocks.Block`):

| format | reader | what the blocks carry |
|---|---|---|
| .pdf | `read_pdf` (pdfplumber; pypdf fallback) | one `line` block per printed line: `size`, `bold`/`bold_prefix`, `underline`, `indent` (x in points), `page`, column segments in `cells`; running headers/footers and page numbers removed; unmapped glyphs ("(cid:120)", Symbol-font Private Use codes) become a leading "•" bullet or a mapped sign, else are dropped |
| .docx | `read_docx` (python-docx + numbering.xml) | paragraphs with style heading `level`, Word automatic numbering as `list_label`/`list_number`, `bold`/`bold_prefix`/`underline`/`size` from runs, bookmarks as `anchor`, text boxes; tables as `table_row` blocks in document order (layout tables read as paragraphs) |
| .html, .htm | `read_html` (lxml, one linear walk; tag-stream reader past 2,048 levels) | h1-h6 `heading`s, `<ol>` numbering (start/type/value/reversed), `table_row`s, bold run-ins (`bold_prefix`), `underline`, ids as `anchor`; ModernGov item tables; read from the page's main content (`<main>`, role=main, one `<article>`, ModernGov containers; else menus, link-only boxes and the page footer dropped); navigation and hidden elements dropped; `<title>` and the banner logo's alt text (`publisher:`) as `front-matter` blocks; a `<dl>` of details ("Chair" / "Gautier") as one "Chair: Gautier" line |
| .md, .markdown | `read_markdown` (markdown-it-py) | headings, ordered-list numbers (with start), tables, entities decoded; YAML and TOML (`+++`) front matter as `source="front-matter"` `line` blocks, YAML roll-call lists (`members:`, `other_attendees:`) as "Present: ..." lines |
| .rst | `read_rst` (docutils) | section titles as headings (level by nesting), enumerated lists, tables |
| .txt, .text | `read_text` | one `line` block per line, exactly as before |

`read_document(path) -> str` is `render_text(read_blocks(path))` normalised: the flat text
the text segmenter reads (headings marked "## ", list items with their labels). Plain text
files come back exactly as before.

Every reader converts its library's failures into `IngestError`s with a reason a clerk can
act on, and is bounded in size (`MINUTES_MAX_FILE_MB`) and time (`MINUTES_READ_SECONDS`):
nothing but `IngestError` leaves `read_blocks`.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from .blocks import Block, render_text
from .errors import IngestError
from .read_common import Budget
from .read_text import decode_text, looks_like_html, normalise, reject_binary, text_file_blocks

__all__ = ["read_blocks", "read_document", "supported", "SUPPORTED", "DEFAULT_MAX_MB", "decode_text", "normalise",
           "html_to_text", "format_of", "format_name"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
RST_SUFFIXES = {".rst"}
SUPPORTED = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | MARKDOWN_SUFFIXES | RST_SUFFIXES | {".pdf", ".docx"})
DEFAULT_MAX_MB = float(os.environ.get("MINUTES_MAX_FILE_MB", "25"))
# The pure-Python parsers cannot be interrupted mid-parse, so very long sources are read by
# the linear fallbacks instead (docutils takes ~20 s per MB; markdown-it ~3 s per MB). Real
# minutes are far shorter than either limit.
MAX_RST_CHARS = 1_000_000
MAX_MARKDOWN_CHARS = 8_000_000

log = logging.getLogger(__name__)


def supported(path: Path) -> bool:
    return Path(path).suffix.lower() in SUPPORTED


def format_of(path: str | Path) -> str:
    """The format name a file is read as: pdf, docx, html, markdown, rst or text."""
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in RST_SUFFIXES:
        return "rst"
    if suffix in (".pdf", ".docx"):
        return suffix[1:]
    return "text"


_FORMAT_NAMES = {"md": "markdown", "markdown": "markdown", "txt": "text", "text": "text", "htm": "html", "html": "html",
                 "pdf": "pdf", "docx": "docx", "rst": "rst"}


def format_name(label: str | None) -> str:
    """One name per format for any label or suffix ("md", ".markdown", "txt", "htm", "PDF"):
    pdf, docx, html, markdown, rst or text ("unknown" when empty). Sources list formats in
    several spellings; per-format figures must not split one format into two rows."""
    key = (label or "").strip().lower().lstrip(".")
    return _FORMAT_NAMES.get(key, key or "unknown")


def _check_file(path: Path, max_mb: float) -> None:
    if not path.exists():
        raise IngestError(path, "file not found")
    if path.is_dir():
        raise IngestError(path, "is a directory", "pass the files inside it, or the folder to `minutes ingest`")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(
            path,
            f"unsupported format '{suffix or '(no extension)'}'",
            f"supported: {', '.join(SUPPORTED)}",
        )
    size = path.stat().st_size
    if size == 0:
        raise IngestError(path, "file is empty")
    if size > max_mb * 1024 * 1024:
        raise IngestError(
            path,
            f"file is too large ({size / 1024 / 1024:.0f} MB, limit {max_mb:.0f} MB)",
            "split it, or raise MINUTES_MAX_FILE_MB",
        )


def read_blocks(path: str | Path, max_mb: float = DEFAULT_MAX_MB, seconds: float | None = None) -> list[Block]:
    """Read any supported document into structure-keeping blocks, or raise `IngestError`.

    See the module docstring for what each format's blocks carry. The list is never empty:
    a document without visible text is an `IngestError` ("contains no text").
    """
    path = Path(path)
    _check_file(path, max_mb)
    budget = Budget(path) if seconds is None else Budget(path, seconds)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"could not be read ({exc.strerror or exc})") from None
    try:
        blocks = _dispatch(path, data, budget)
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(path, "is nested too deeply to read", "save it again from its application") from None
    except MemoryError:
        raise IngestError(path, "needs more memory to read than is available", "split it into smaller files") from None
    except Exception as exc:  # a library failure must not escape the reader's boundary
        log.debug("reader failed on %s", path, exc_info=True)
        raise IngestError(path, f"could not be read ({type(exc).__name__}: {exc})",
                          "open and re-save it, or save it as text") from None
    if not any(b.text.strip() for b in blocks):
        raise IngestError(path, "contains no text", "is it blank or whitespace only?")
    return blocks


def _dispatch(path: Path, data: bytes, budget: Budget) -> list[Block]:
    fmt = format_of(path)
    if fmt == "pdf":
        from .read_pdf import pdf_blocks

        return pdf_blocks(path, data, budget)
    if fmt == "docx":
        from .read_docx import docx_blocks

        return docx_blocks(path, data, budget)
    reject_binary(path, data)
    raw = decode_text(data)
    if fmt == "html" or looks_like_html(raw):
        from .read_html import html_blocks

        return html_blocks(raw, path, budget)
    if fmt == "markdown":
        if len(raw) > MAX_MARKDOWN_CHARS:
            log.warning("%s: too long to parse as Markdown in time; read line by line", path)
            return text_file_blocks(raw)
        from .read_markdown import markdown_blocks

        return markdown_blocks(raw, path, budget)
    if fmt == "rst":
        from .read_rst import rst_blocks, underline_blocks

        if len(raw) > MAX_RST_CHARS:
            log.warning("%s: too long for docutils in time; headings read from underlines only", path)
            return underline_blocks(raw)
        return rst_blocks(raw, path, budget)
    return text_file_blocks(raw)


def read_document(path: str | Path, max_mb: float = DEFAULT_MAX_MB) -> str:
    """Read any supported document into text, or raise `IngestError` saying why not."""
    return normalise(render_text(read_blocks(path, max_mb)))


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block per line, headings marked "## " (kept for callers
    of the old flat reader)."""
    from .read_html import html_blocks

    return render_text(html_blocks(html))
