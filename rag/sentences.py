"""Sentences as exact substrings of an item's text, so every quote can be checked."""
from __future__ import annotations

import re

# A sentence ends at . ! ? followed by space and a capital/quote/bullet, or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?;])[\"”’)]?\s+(?=[A-Z0-9“\"‘(•·▪\-–])|\n+")
_BULLET = re.compile(r"^[•·▪\-–*]\s*|^\(?[a-z0-9]{1,3}[.)]\s+")


def split_sentences(text: str, min_chars: int = 12) -> list[str]:
    """Sentences of `text`, each an exact substring; bullets and list markers stripped."""
    return [text[a:b] for a, b in sentence_spans(text, min_chars)]


def sentence_windows(text: str, size: int = 2, min_chars: int = 12) -> list[str]:
    """Runs of `size` consecutive sentences of one paragraph, as exact substrings (an answer
    often follows the sentence that matches the question: "... members left early. This would
    be audited")."""
    spans = sentence_spans(text, min_chars)
    # a window stays inside one paragraph or bullet: the next bullet is another point
    return [text[spans[i][0] : spans[i + size - 1][1]] for i in range(len(spans) - size + 1)
            if not any("\n" in text[spans[j][1]: spans[j + 1][0]] for j in range(i, i + size - 1))]


_WRAP_MIN = 45  # a line at least this long that stops mid-sentence was wrapped, not ended


def _wrapped(text: str, boundary: re.Match) -> bool:
    """Is this single line break a hard wrap inside a sentence (PDF text, fixed-width minutes)?
    The line before is long and does not end a sentence, and the next line does not start a
    bullet or a numbered point: "... has a quote for\nbrushing on East and West ..."."""
    gap = boundary.group(0)
    if gap.count("\n") != 1 or gap.strip(" \t\n"):
        return False
    line_start = text.rfind("\n", 0, boundary.start()) + 1
    line = text[line_start: boundary.start()].rstrip()
    if len(line) < _WRAP_MIN or line[-1:] in ".!?:;" or line.isupper():
        return False
    nxt = text[boundary.end(): boundary.end() + 6]
    return bool(nxt) and not _BULLET.match(nxt) and not nxt[:1] in "•·▪-–*"


def sentence_spans(text: str, min_chars: int = 12) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in [b for b in _BOUNDARY.finditer(text) if not _wrapped(text, b)] + [None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        if m and m.group(0)[:1] in "\"”’)":
            # keep a closing quote/bracket with its sentence
            close = len(m.group(0)) - len(m.group(0).lstrip("\"”’)"))
            piece = text[start : end + close]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        bullet = _BULLET.match(piece)
        skip = bullet.end() if bullet else 0
        stripped = piece[skip:].strip()
        if len(stripped) >= min_chars:
            a = start + lead + skip + (len(piece[skip:]) - len(piece[skip:].lstrip()))
            out.append((a, a + len(stripped)))
        start = m.end() if m else len(text)
    return out
