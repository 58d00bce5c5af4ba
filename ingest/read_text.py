"""Plain text (.txt, .text): bytes to text, one `line` block per line.

Text files carry no markup, so the only structure is the lines themselves; the segmenter
reads numbers and capitals from them. Decoding is the hard part: council websites still
serve Windows-1252 and UTF-16 exports.
"""
from __future__ import annotations

from pathlib import Path

from .blocks import Block
from .errors import IngestError
from .furniture import furniture_lines

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (DOCX/XLSX?)",
    b"\xd0\xcf\x11\xe0": "an old-style Office document (.doc/.xls)",
    b"\x7fELF": "a program binary",
}


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


def reject_binary(path: Path, data: bytes) -> None:
    """Refuse a binary file named like text, saying what it looks like."""
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


def normalise(text: str) -> str:
    """Unify line ends and odd spaces so every reader's output looks alike."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\xa0", " ").replace("\u200b", "").replace("\t", "  ")
    lines = [ln.rstrip() for ln in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def looks_like_html(text: str) -> bool:
    start = text.lstrip()[:500].lower()
    return start.startswith("<!doctype html") or start.startswith("<html")


def text_file_blocks(text: str) -> list[Block]:
    """Normalised text as one `line` block per line (blank lines kept as empty blocks), less
    its page furniture: a text file exported from a PDF keeps the page numbers ("Page 2 of 3",
    "1 | Page") and running headers the PDF reader would have dropped (`ingest.furniture`), so
    `render_text` gives back the normalised text without them."""
    lines = normalise(text).rstrip("\n").split("\n")
    drop = furniture_lines(lines)
    return [Block(text=ln, kind="line") for i, ln in enumerate(lines) if i not in drop]
