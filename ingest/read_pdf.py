"""PDF to blocks: one `line` block per printed line, with its typography and page.

Printed minutes mark item headings by typography more often than by anything else: a bold
or larger line, a number hanging in the left margin. pdfplumber (pdfminer.six) gives every
character's font name, size and position, so each line block carries `bold` (most of its
characters set in a Bold/Black/Heavy/Semibold face), `bold_prefix` (a bold run-in heading),
`underline` (a drawn rule under most of the line's width),
`size` (the line's dominant font size in points), `indent` (left edge in points) and
`page`. Where a line has wide horizontal gaps (a table row or a number column), `cells`
holds its segments left to right; the block stays a `line`.

Running headers and footers (the same text in the top or bottom margin of most pages,
digits aside) and page numbers are removed; a running header is kept once, on the first
page, because it often names the meeting.

Encrypted PDFs open when only an owner password is set (the common "no editing" lock;
pdfminer decrypts RC4 and AES with `cryptography`). A PDF that needs a password to open is
refused with a clear message. Damaged files that pdfminer cannot parse are retried with
pypdf (text without typography) before being refused.

Glyphs the fonts map to no character ("(cid:120)", Symbol-font codes in the Private Use Area)
are cleaned from every line (`clean_glyphs`): a leading one is the list bullet, a Symbol sign
is mapped, the rest is dropped, so no placeholder reaches a passage or an answer.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from pathlib import Path

from .blocks import Block
from .errors import IngestError
from .furniture import BARE_PAGE_NUMBER, PAGE_NUMBER
from .read_common import Budget, clean_inline

MAX_PAGES = 3000
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demibold|demi|extrabold|ultrabold|[-,]bd\b|[-,]b$|Bd$", re.I)
_DIGITS = re.compile(r"\d+")
_PAGE_IN_LINE = re.compile(r"\bpage\s+\d+\b", re.I)
_ZONE = 3  # lines at the top and bottom of a page that may be running headers/footers
_MARGIN = 0.15  # ... if they also lie in the top or bottom 15% of the page
_PASSWORD_HINT = "remove the password (save an unprotected copy) and ingest that"


def _is_bold(fontname: str) -> bool:
    # Subset fonts are named "ABCDEF+Arial-BoldMT"; the part after "+" is the face.
    return bool(_BOLD_FONT.search(fontname.split("+", 1)[-1]))


def _rules(page) -> list[tuple[float, float, float]]:
    """Horizontal rules drawn on the page (thin lines and rectangles) as (x0, x1, y)."""
    out = []
    for ln in page.lines:
        if abs(float(ln["top"]) - float(ln["bottom"])) < 1.5:
            out.append((float(ln["x0"]), float(ln["x1"]), (float(ln["top"]) + float(ln["bottom"])) / 2))
    for r in page.rects:
        if float(r["height"]) < 2.0 and float(r["width"]) > 3:
            out.append((float(r["x0"]), float(r["x1"]), (float(r["top"]) + float(r["bottom"])) / 2))
    # Rules repeating the same extent at several heights are a table's grid, not underlines.
    extents = Counter((round(a / 2), round(b / 2)) for a, b, _ in out)
    return [(a, b, y) for a, b, y in out if extents[(round(a / 2), round(b / 2))] == 1]


def _underlined(line: dict, rules: list[tuple[float, float, float]]) -> bool:
    """Rules just under the text cover most of its width and do not run far past it (a table
    border under a cell's text spans the cell, an underline spans the words)."""
    x0, x1, bottom = float(line["x0"]), float(line["x1"]), float(line["bottom"])
    width = x1 - x0
    under = [(a, b) for a, b, y in rules if bottom - 4 <= y <= bottom + 3 and b > x0 and a < x1]
    if not under or width <= 0:
        return False
    if min(a for a, _ in under) < x0 - 0.2 * width - 10 or max(b for _, b in under) > x1 + 0.2 * width + 10:
        return False
    covered = sum(min(b, x1) - max(a, x0) for a, b in under)
    return covered >= 0.8 * width


def _line_block(line: dict, page_no: int, height: float, rules=()) -> tuple[Block, float | None] | None:
    chars = [c for c in line.get("chars", []) if c.get("text", "").strip()]
    text = clean_inline(line.get("text", ""))
    if not text or not chars:
        return None
    bold_flags = [_is_bold(c.get("fontname", "")) for c in chars]
    bold = sum(bold_flags) >= 0.8 * len(bold_flags)
    sizes = Counter(round(float(c.get("size", 0)), 1) for c in chars)
    size = sizes.most_common(1)[0][0] if sizes else None
    prefix = None
    if not bold and bold_flags[0]:
        n = next((k for k, f in enumerate(bold_flags) if not f), len(bold_flags))
        prefix = _prefix_with_chars(text, n)
    block = Block(text=text, kind="line", bold=bold, bold_prefix=prefix, size=size,
                  indent=round(float(line.get("x0", chars[0].get("x0", 0.0))), 1), page=page_no,
                  cells=_segments(chars), source="pdf", underline=bool(rules) and _underlined(line, rules))
    middle = (float(line.get("top", 0)) + float(line.get("bottom", 0))) / 2
    return block, (middle / height if height else None)


def _prefix_with_chars(text: str, n: int) -> str | None:
    """The start of `text` holding its first `n` non-space characters."""
    seen = 0
    for k, ch in enumerate(text):
        if not ch.isspace():
            seen += 1
            if seen == n:
                return text[: k + 1].strip() or None
    return None


def _segments(chars: list[dict]) -> list[str]:
    """The line split at wide horizontal gaps (more than ~3 character widths), if it has any."""
    if len(chars) < 2:
        return []
    widths = sorted(float(c["x1"]) - float(c["x0"]) for c in chars)
    gap_limit = max(3 * widths[len(widths) // 2], 12.0)
    segments: list[list[dict]] = [[chars[0]]]
    for prev, ch in zip(chars, chars[1:]):
        if float(ch["x0"]) - float(prev["x1"]) > gap_limit:
            segments.append([])
        segments[-1].append(ch)
    if len(segments) < 2:
        return []
    out = []
    for seg in segments:
        words, last = [], None
        for ch in seg:
            if last is not None and float(ch["x0"]) - float(last["x1"]) > 0.15 * (float(ch["x1"]) - float(ch["x0"]) + 1):
                words.append(" ")
            words.append(ch["text"])
            last = ch
        out.append(clean_inline("".join(words)))
    return out


def _open_error(path: Path, exc: Exception) -> IngestError:
    name = type(exc).__name__
    if "Password" in name or "password" in str(exc).lower():
        return IngestError(path, "PDF is password-protected (it needs a password to open)", _PASSWORD_HINT)
    return IngestError(path, f"PDF is damaged or truncated ({name})", "re-download or re-export it")


def pdf_blocks(path: Path, data: bytes, budget: Budget | None = None) -> list[Block]:
    """Blocks of a PDF (see the module docstring); `IngestError` for anything unreadable."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise IngestError(path, "is not a PDF (no PDF header)", "check the file extension")
    try:
        pages = _plumber_pages(path, data, budget)
    except IngestError:
        raise
    except Exception as exc:  # pdfminer raises many types for damaged files
        if "Password" in type(exc).__name__:
            raise _open_error(path, exc) from None
        pages = _pypdf_pages(path, data, exc)
    else:
        if _unmapped_share(pages) > 0.2:
            # Fonts without a Unicode map come out of pdfminer as "(cid:72)"; pypdf sometimes
            # recovers them from the font's own encoding.
            try:
                other = _pypdf_pages(path, data, RuntimeError("unmapped glyphs"))
            except IngestError:
                other = []
            if other and _unmapped_share(other) < _unmapped_share(pages):
                pages = other
    pages = [[(b, y) for b, y in page if clean_glyph_block(b)] for page in pages]
    if not any(pages):
        raise IngestError(path, "PDF has no text layer (a scanned image?)",
                          "run OCR on it first, or paste the text into a .txt file")
    return strip_running_lines(pages)


def _plumber_pages(path: Path, data: bytes, budget: Budget | None) -> list[list[tuple[Block, float | None]]]:
    """Each page's line blocks with the line's vertical position (0 top .. 1 bottom)."""
    import pdfplumber

    pages: list[list[tuple[Block, float | None]]] = []
    with pdfplumber.open(io.BytesIO(data), password="") as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise IngestError(path, f"PDF has {len(pdf.pages):,} pages (limit {MAX_PAGES:,})", "split it into smaller files")
        for number, page in enumerate(pdf.pages, start=1):
            if budget is not None:
                budget.check()
            _straighten(page.chars)
            if _has_duplicate_chars(page.chars):
                page = page.dedupe_chars()  # text printed twice, offset, to fake bold
            # Word gaps relative to the font size: a fixed 3 pt glues tightly set words together.
            lines = page.extract_text_lines(return_chars=True, strip=True, x_tolerance_ratio=0.15)
            rules = _rules(page)
            pages.append([x for x in (_line_block(ln, number, float(page.height), rules) for ln in lines) if x is not None])
            getattr(page, "close", lambda: None)()  # frees the page's caches: memory stays flat on long documents
    return pages


def _straighten(chars: list[dict]) -> None:
    """Mark characters upright whose text matrix is upright up to rounding noise. pdfminer
    calls a char upright only if b*c <= 0 exactly, so a matrix like (1.4, -1e-9, -1e-9, 1.38)
    makes a horizontal caption read as vertical text, one letter per line."""
    for c in chars:
        if c.get("upright", True):
            continue
        a, b, cc, d = (float(x) for x in c.get("matrix", (1, 0, 0, 1))[:4])
        if a * d > 0 and abs(b) < 0.01 * abs(a) and abs(cc) < 0.01 * abs(d):
            c["upright"] = True


_CID = re.compile(r"\(cid:\d+\)")


def _unmapped_share(pages: list[list[tuple[Block, float | None]]]) -> float:
    """The share of text that is pdfminer's "(cid:N)" placeholder for unmapped glyphs."""
    total = unmapped = 0
    for page in pages:
        for b, _ in page:
            total += len(b.text)
            unmapped += sum(len(m) for m in _CID.findall(b.text))
    return unmapped / total if total else 0.0


# Glyphs a PDF's font gives no Unicode for: pdfminer's "(cid:120)", a Symbol/Wingdings code in
# the Private Use Area (Word writes its bullet as U+F0B7), other Private Use code points, and
# the replacement character. Control characters are debris too;
# pypdf, reading the same font, gives the raw code as a C1 control character ("\x81").
_JUNK_GLYPH = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LEADING_JUNK = re.compile(r"^(?:\s*(?:\(cid:\d+\)|[\ue000-\uf8ff\ufffd\x80-\x9f]))+(?=\s)")
# Symbol-font codes (U+F000 + the code) that are signs rather than bullets, where they stand
# inside a line: the sign itself. Any other code inside a line is dropped.
_SYMBOL_SIGNS = {0xB1: "±", 0xB3: "≥", 0xA3: "≤", 0xB4: "×", 0xB8: "÷", 0xB0: "°", 0xAE: "→", 0xAC: "←", 0xB9: "≠",
                 0xBB: "≈", 0xA5: "∞", 0xD7: "·", 0xB7: "•", 0x2D: "−", 0x3D: "=", 0x2B: "+", 0x25: "%"}


def clean_glyphs(text: str) -> str:
    """A line without unmapped-glyph debris, its words kept.

    A glyph the font maps to no character is, at the start of a line before a space, the list
    bullet a word processor set in a symbol font (Symbol, Wingdings), so it becomes "•" and the
    line stays a list entry; a Symbol-font sign inside a line ("\uf0b3" for ≥) becomes the sign;
    anything else is dropped, because a placeholder like "(cid:120)" is no text a reader could
    quote, search or match. Nothing else in the line changes."""
    if not _JUNK_GLYPH.search(text):
        return text
    lead = _LEADING_JUNK.match(text)
    rest = text[lead.end():] if lead else text

    def sign(m: re.Match) -> str:
        g = m.group(0)
        return _SYMBOL_SIGNS.get(ord(g) - 0xF000, "") if len(g) == 1 and 0xF000 <= ord(g) <= 0xF0FF else ""

    rest = re.sub(r"[ \t]{2,}", " ", _JUNK_GLYPH.sub(sign, rest))
    return (("•" + rest) if lead else rest).strip()


def clean_glyph_block(block: Block) -> bool:
    """`clean_glyphs` on a line block's text, bold run-in and table cells; False when nothing
    but debris was on the line (the block is then dropped)."""
    if not _JUNK_GLYPH.search(block.text):
        return True
    block.text = clean_glyphs(block.text)
    if block.bold_prefix:
        block.bold_prefix = clean_glyphs(block.bold_prefix) or None
    if block.cells:
        block.cells = [c for c in (clean_glyphs(c) for c in block.cells) if c]
    return bool(block.text.strip(" •"))


def _has_duplicate_chars(chars: list[dict]) -> bool:
    seen: set[tuple] = set()
    dupes = 0
    for c in chars:
        key = (c.get("text"), round(float(c.get("x0", 0))), round(float(c.get("top", 0))))
        if key in seen:
            dupes += 1
        seen.add(key)
    return dupes > 0.05 * max(len(chars), 1)


def _pypdf_pages(path: Path, data: bytes, first_error: Exception) -> list[list[tuple[Block, float | None]]]:
    """Text lines without typography, for PDFs pdfminer cannot parse."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # pypdf raises several types for unsupported ciphers
                ok = 0
            if not ok:
                raise IngestError(path, "PDF is password-protected (it needs a password to open)", _PASSWORD_HINT)
        if len(reader.pages) > MAX_PAGES:
            raise IngestError(path, f"PDF has {len(reader.pages):,} pages (limit {MAX_PAGES:,})", "split it into smaller files")
        texts = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception:
        raise _open_error(path, first_error) from None
    return [[(Block(text=clean_inline(ln), kind="line", page=n, source="pdf"), None)
             for ln in text.splitlines() if clean_inline(ln)] for n, text in enumerate(texts, start=1)]


def strip_running_lines(pages: list[list[tuple[Block, float | None]]]) -> list[Block]:
    """Drop page numbers and headers/footers repeated on most pages of printed minutes.

    Only the first or last `_ZONE` lines of a page that also lie in its top or bottom margin
    band (where known) are candidates, so body text that happens to repeat ("Noted.",
    "RESOLVED:") is never removed; digits are ignored when comparing, so "Minutes 12 March -
    Page 3" matches across pages.
    """
    def edges(page: list[tuple[Block, float | None]]) -> tuple[set[int], set[int]]:
        top = {id(b) for b, y in page[:_ZONE] if y is None or y < _MARGIN}
        bottom = {id(b) for b, y in page[-_ZONE:] if y is None or y > 1 - _MARGIN}
        return top, bottom

    counts: Counter[str] = Counter()
    for page in pages:
        top, bottom = edges(page)
        counts.update({_DIGITS.sub("#", b.text) for b, _ in page if id(b) in top | bottom})
    n = len(pages)
    repeated = {t for t, c in counts.items() if n >= 2 and c >= max(2, 0.6 * n)}
    kept: list[Block] = []
    for index, page in enumerate(pages):
        top, bottom = edges(page)
        for b, _ in page:
            if id(b) in top or id(b) in bottom:
                if (PAGE_NUMBER.match(b.text) or BARE_PAGE_NUMBER.match(b.text)) and not b.text.endswith("."):
                    continue
                # first page: a running header stays (it often names the meeting), a footer or
                # a header carrying the page number goes
                if _DIGITS.sub("#", b.text) in repeated and (
                        index > 0 or id(b) not in top or _PAGE_IN_LINE.search(b.text)):
                    continue
            kept.append(b)
    return kept
