"""Turn a file of any supported format into plain text for the segmenter.

Each reader uses a maintained library (BeautifulSoup, pypdf, python-docx) and converts its
library's failures into `IngestError`s with a reason a clerk can act on. HTML and DOCX
headings are marked with a leading "## " so the segmenter can use the document's own
structure where it has one.
"""
from __future__ import annotations

import io
import logging
import os
import re
import zipfile
from collections import Counter
from pathlib import Path

from .errors import IngestError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"})
DEFAULT_MAX_MB = float(os.environ.get("MINUTES_MAX_FILE_MB", "25"))

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (DOCX/XLSX?)",
    b"\xd0\xcf\x11\xe0": "an old-style Office document (.doc/.xls)",
    b"\x7fELF": "a program binary",
}


def supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED


def read_document(path: str | Path, max_mb: float = DEFAULT_MAX_MB) -> str:
    """Read any supported document into text, or raise `IngestError` saying why not."""
    path = Path(path)
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
    data = path.read_bytes()
    if suffix == ".pdf":
        text = _read_pdf(path, data)
    elif suffix == ".docx":
        text = _read_docx(path, data)
    else:
        _reject_binary(path, data)
        raw = decode_text(data)
        text = html_to_text(raw) if suffix in HTML_SUFFIXES or _looks_like_html(raw) else raw
    if not text.strip():
        raise IngestError(path, "contains no text", "is it blank or whitespace only?")
    return normalise(text)


def normalise(text: str) -> str:
    """Unify line ends and odd spaces so every reader's output looks alike."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\xa0", " ").replace("\u200b", "").replace("\t", "  ")
    lines = [ln.rstrip() for ln in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def decode_text(data: bytes) -> str:
    """UTF-8 first (with or without BOM), UTF-16 by BOM or NUL pattern, else cp1252.

    Council websites still serve Windows-1252 pages, where '£' is byte 0xA3; reading them
    as Latin-1 or dropping bytes would corrupt amounts.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    head = data[:4000]
    if head and head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        even_nuls = head[0::2].count(0)
        return data.decode("utf-16-be" if even_nuls > len(head) // 4 else "utf-16-le", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _reject_binary(path: Path, data: bytes) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise IngestError(path, f"looks like {what}, not text", "check the file extension")
    head = data[:8000]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (head and head.count(b"\x00") > len(head) // 4):
        return  # UTF-16 text
    if b"\x00" in head:
        raise IngestError(path, "is a binary file, not text", "check the file extension")
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and control / len(head) > 0.05:
        raise IngestError(path, "is a binary file, not text", "check the file extension")


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:500].lower()
    return start.startswith("<!doctype html") or start.startswith("<html")


# --- HTML -----------------------------------------------------------------------------

_BLOCK_TAGS = [
    "p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "section", "article", "header", "footer", "td", "th", "dd", "dt", "blockquote", "pre",
]


_END_OF_ITEMS = "\x00end-of-items\x00"


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block per line.

    ModernGov "Agenda and minutes" pages keep items in `table.mgItemTable`; their rows are
    rendered in the same shape as text copied from the page (number line, title line,
    "Minutes:" label, minutes), so one segmenter serves both. Other pages keep their
    headings, marked "## ".
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "iframe", "object", "svg", "head"]):
        tag.decompose()
    root = soup.select_one("#modgov") or soup.select_one("div.mgContent") or soup.body or soup
    tables = root.select("table.mgItemTable")
    for k, table in enumerate(tables):
        end = _END_OF_ITEMS if k == len(tables) - 1 else ""
        table.replace_with(soup.new_string("\n" + _moderngov_items_text(table) + "\n" + end))
    for tag in root.find_all(_BLOCK_TAGS):
        # Unclosed tags nest a block inside the inline text before it ("None <b>received<div>2.
        # Budget"), so a break only after each block glued "received2. Budget" together; break
        # before it too. Headings get their "\n## " marker below.
        if tag.name not in ("h1", "h2", "h3", "h4"):
            tag.insert_before(soup.new_string("\n"))
    for level in range(1, 5):
        for h in root.find_all(f"h{level}"):
            h.insert_before(soup.new_string("\n## "))
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_after(soup.new_string("\n"))
    text = root.get_text().split(_END_OF_ITEMS, 1)[0]  # page footer after the items is not minutes
    return re.sub(r"\n[ \t]*(?=\n)", "\n", text)


def _moderngov_items_text(table) -> str:
    out: list[str] = []
    for row in table.find_all("tr"):
        num = row.select_one("td.mgItemNumberCell")
        if num is None:
            continue
        out.append(num.get_text(" ", strip=True))
        body = num.find_next_sibling("td") or row
        for block in body.find_all(["p", "div", "li"], recursive=True):
            if block.find(["p", "div", "li"]):
                continue  # only leaf blocks, so nothing is emitted twice
            text = block.get_text(" ", strip=True)
            if text:
                out.append(text)
        out.append("")
    return "\n\n".join(out)


# --- PDF ------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-|\d{1,3})\s*$", re.I)


def _read_pdf(path: Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.startswith(b"%PDF"):
        raise IngestError(path, "is not a PDF (no PDF header)", "check the file extension")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # pypdf raises several types for unsupported ciphers
                ok = 0
            if not ok:
                raise IngestError(path, "PDF is password-protected", "save an unprotected copy and ingest that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise IngestError(path, f"PDF is damaged or truncated ({type(exc).__name__})", "re-download or re-export it") from None
    if not "".join(pages).strip():
        raise IngestError(path, "PDF has no text layer (a scanned image?)", "run OCR on it first, or paste the text into a .txt file")
    return _strip_running_lines(pages)


def _strip_running_lines(pages: list[str]) -> str:
    """Drop page numbers and headers/footers repeated on most pages of printed minutes."""
    counts: Counter[str] = Counter()
    for page in pages:
        for line in set(ln.strip() for ln in page.splitlines() if ln.strip()):
            counts[line] += 1
    repeated = {ln for ln, n in counts.items() if len(pages) >= 3 and n >= max(3, len(pages) * 0.6)}
    kept: list[str] = []
    for number, page in enumerate(pages):
        for line in page.splitlines():
            s = line.strip()
            # A running header is kept once, on the first page: it often names the meeting.
            if (s in repeated and number > 0) or _PAGE_NUMBER.match(s) and not s.endswith("."):
                continue
            kept.append(line)
        kept.append("")
    return "\n".join(kept)


# --- DOCX -----------------------------------------------------------------------------


def _read_docx(path: Path, data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        # KeyError: a ZIP without the package parts (e.g. a .zip renamed .docx); say so in words.
        why = {"BadZipFile": "not a ZIP package", "KeyError": "a ZIP archive without Word's document parts"}.get(
            type(exc).__name__, type(exc).__name__)
        raise IngestError(path, f"not a valid DOCX document ({why})", "open and re-save it in Word") from None
    except Exception as exc:  # python-docx surfaces lxml and package errors of many types
        raise IngestError(path, f"DOCX could not be read ({type(exc).__name__}: {exc})", "open and re-save it in Word") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            style = (block.style.name if block.style is not None else "") or ""
            if text and (style.startswith("Heading") or style == "Title"):
                lines.append(f"## {text}")
            else:
                lines.append(text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and (not cells or cells[-1] != t):  # merged cells repeat
                        cells.append(t)
                lines.append("  ".join(cells))
        lines.append("")
    return "\n".join(lines)
