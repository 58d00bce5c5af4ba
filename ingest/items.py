"""Turn an item's raw lines into minutes text, agenda blurb, resolutions and flags."""
from __future__ import annotations

import re

from .model import AgendaItem
from .segment import _FURNITURE_LINE, MARKER_RE, TRUNCATION, RawItem

# "RESOLVED:", "Resolved: That", "RESOLVED THAT:", "RESOLVED –", "It was resolved that",
# "AGREED", "DECIDED", and US-style motions ("Motion carried 5-0").
_RESOLVED_START = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:(?i:it\s+was|members)\s+(?:unanimously\s+)?(?:resolved|agreed|decided)\b|the\s+\w+\s+resolved\b|"
    r"(?:RESOLVED|Resolved|AGREED|Agreed that|DECIDED|Decided|RECOMMENDED|Recommended to Council)\b)"
)
_CORRECT_RECORD = re.compile(r"\b(?:approved|agreed|confirmed|accepted|signed)\s+as\s+an?\s+(?:correct|true|accurate)\s+record\b", re.I)
_BARE_OUTCOME = re.compile(r"^(?:NOTED|AGREED|APPROVED|RESOLVED)\.?$")
_MOTION = re.compile(
    r"\b(?:motion|amendment)\b[^.]*?\b(?:carried|passed|approved|adopted|failed|defeated|lost)\b"
    r"|\b(?:carried|passed|approved)\s+(?:unanimously|\(?\d+\s*[-–:]\s*\d+\)?)"
    r"|\bvote\b[^.]*\b\d+\s*[-–]\s*\d+\b",
    re.I,
)
_LIST_MARKER = re.compile(r"^(?:\(?[a-z]{1,2}\)|\(?[ivx]{1,4}\)|[a-z][.)]|\(?\d{1,2}[.)]|[•·▪\-–*])\s*", re.I)


def build_item(raw: RawItem, position: int) -> tuple[AgendaItem, str | None]:
    """The item, and the number a truncation note states for it ("... for item 28"), if any."""
    blurb_lines, text_lines = _split_blurb(raw.lines)
    text = _join_paragraphs(text_lines)
    truncated, stated = False, None
    m = TRUNCATION.search(text)
    if m:
        truncated, stated = True, m.group("n").rstrip(".")
        text = text[: m.start()].rstrip() + " ..."  # whatever followed the note is page furniture
    return AgendaItem(
        number=raw.number,
        title=raw.title,
        text=text,
        resolutions=extract_resolutions(text),
        truncated=truncated,
        position=position,
        agenda_number=raw.agenda_number,
        blurb=_join_paragraphs(blurb_lines),
        section=raw.section,
        page=raw.page,
        anchor=raw.anchor,
    ), stated


def _split_blurb(lines: list[str]) -> tuple[list[str], list[str]]:
    """ModernGov puts the agenda's description before the "Minutes:" label; keep them apart."""
    markers = [i for i, ln in enumerate(lines) if MARKER_RE.match(ln.strip())]
    if not markers:
        return [], [ln for ln in lines if not _FURNITURE_LINE.match(ln.strip())]
    minutes_at = next((i for i in markers if lines[i].strip().lower().startswith(("minutes", "decision"))), None)
    split_at = minutes_at if minutes_at is not None else markers[0]
    blurb = [ln for i, ln in enumerate(lines[:split_at]) if i not in markers and not _FURNITURE_LINE.match(ln.strip())]
    body = [ln for i, ln in enumerate(lines[split_at + 1 :], start=split_at + 1) if i not in markers]
    return blurb, [ln for ln in body if not _FURNITURE_LINE.match(ln.strip())]


def _join_paragraphs(lines: list[str]) -> str:
    """Paragraphs separated by one blank line; a paragraph's lines keep their breaks."""
    paras: list[list[str]] = [[]]
    for ln in lines:
        s = ln.strip()
        if s:
            paras[-1].append(s)
        elif paras[-1]:
            paras.append([])
    return "\n\n".join("\n".join(p) for p in paras if p).strip()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def extract_resolutions(text: str) -> list[str]:
    """Resolution paragraphs, verbatim, each with the lettered sub-points that follow it.

    A resolution may start a paragraph or a line within one ("...objected on grounds of
    noise.\nRESOLVED – That ..."), or sit mid-sentence ("... and it was RESOLVED that ...").
    """
    paras = paragraphs(text)
    out: list[str] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        lines = p.split("\n")
        start = next((k for k, ln in enumerate(lines) if _RESOLVED_START.match(ln) or _BARE_OUTCOME.match(ln)), None)
        if start is None and (_MOTION.search(p) or _CORRECT_RECORD.search(p)):
            start = 0
        if start is not None:
            block = ["\n".join(lines[start:])]
            j = i + 1
            while j < len(paras) and (_LIST_MARKER.match(paras[j]) or paras[j][:1].islower() or paras[j].startswith("...")):
                block.append(paras[j])
                j += 1
            out.append("\n\n".join(block))
            i = j
            continue
        m = re.search(r"\b(?:it\s+was\s+(?:unanimously\s+)?)?RESOLVED\b", p)
        if m and m.start() > 0:
            out.append(p[m.start():].strip())
        i += 1
    return out
