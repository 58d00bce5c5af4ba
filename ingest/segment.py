"""Find the agenda items in minutes text.

Minutes come in many layouts, so item headings are found in three ways and the most
consistent reading wins:

1. numbered headings, the number alone on a line (ModernGov copy: "12." then the title)
   or with the title on the same line ("1. Declarations of Interest", "12 APOLOGIES",
   "LA 17/27 Apologies", "Min. 84", "2A.", "IV. NEW BUSINESS"). Body text is full of
   numbered lists too, so candidates are scored for how title-like they are and the
   best-scoring run of *increasing* numbers is kept (a weighted longest increasing
   subsequence);
2. ModernGov markers ("Additional documents:", "Minutes:") that survive copying even when
   the item numbers do not: the title is the line before them;
3. headings without numbers: "## " lines from DOCX/HTML heading styles, or short
   CAPITALISED lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Page furniture that ModernGov and PDF exports add to titles and lines.
_FURNITURE_SUFFIX = re.compile(
    r"\s*(?:pdf icon\s*)?PDF\s+[\d.,]+\s*[KMG]B\s*$|\s*View (?:the )?(?:directions|reasons why the item is restricted|the declarations of interest)\s*$",
    re.I,
)
_FURNITURE_LINE = re.compile(
    r"^(?:media|items|no\.?\s+item|view directions|additional documents:?|pdf icon.*|"
    r"view the declarations of interest.*|supporting documents:?|printed minutes.*|"
    r"agendas?, meetings and minutes.*|agenda and minutes|webcast.*|watch the webcast.*)$",
    re.I,
)
MARKER_RE = re.compile(r"^(additional documents|minutes|decision|supporting documents)\s*:?\s*$", re.I)

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUM = r"(?:[A-Z]{1,4}(?:\s|/|\.|-)?)?\d{1,4}(?:/\d{1,4})?[A-Za-z]?"
_PREFIX = r"(?i:Min(?:ute)?s?\.?\s*(?:No\.?\s*)?|Item\s+|Agenda\s+item\s+)"
NUMBER_ALONE = re.compile(rf"^(?P<prefix>{_PREFIX})?(?P<num>{_NUM})\.?$")
NUMBER_INLINE = re.compile(
    rf"^(?P<prefix>{_PREFIX})?(?P<num>{_NUM}|[IVXLC]{{1,6}}(?=\.))(?:[.):]\s*|\s+[-–—]\s+|\s+)(?P<title>\S.*)$"
)
AGENDA_REF = re.compile(r"\s*\((?:agenda\s+)?item\s+(?P<n>[\w./]+)\)\s*$", re.I)
MD_HEADING = re.compile(r"^#{1,6}\s+(?P<title>\S.*)$")
TRUNCATION = re.compile(
    r"\s*(?P<dots>\.\.\.|…)?\s*view the full (?:minutes|decision) text for item\s+(?P<n>[\w/-]+(?:\.\d+)?)", re.I
)


@dataclass
class Heading:
    line: int  # index of the title line (or the number line for "number alone")
    end: int  # index of the last line belonging to the heading
    number: str | None
    title: str
    weight: float
    style: str
    agenda_number: str | None = None
    body_start: int = 0


@dataclass
class RawItem:
    number: str | None
    title: str
    lines: list[str] = field(default_factory=list)
    agenda_number: str | None = None


def clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip()
    prev = None
    while prev != title:
        prev = title
        title = _FURNITURE_SUFFIX.sub("", title).strip()
    return title.rstrip(" :–—-").strip()


def number_key(num: str) -> tuple:
    """Sort key for item numbers: "21/47" -> (21, 47, 0), "2A" -> (2, 1), "IV" -> (4, 0)."""
    s = num.strip().upper()
    if re.fullmatch(r"[IVXLC]+", s):
        total, prev = 0, 0
        for ch in reversed(s):
            v = _ROMAN[ch]
            total = total - v if v < prev else total + v
            prev = max(prev, v)
        return (total, 0)
    digits = [int(d) for d in re.findall(r"\d+", s)]
    m = re.search(r"\d([A-Z])$", s)
    return (*digits, (ord(m.group(1)) - 64) if m else 0)


def number_shape(num: str) -> str:
    """Numbers of one scheme share a shape ("LA d/d", "d", "d/d") whatever their values."""
    s = re.sub(r"\d+", "d", num.strip().upper())
    s = re.sub(r"(?<=d)[A-Z]$", "", s)  # sub-items 2A/2B belong with 2, 3
    return "R" if re.fullmatch(r"[IVXLC]+", s) else s.replace(" ", "")


def title_score(title: str) -> float:
    """How much a line looks like an item title rather than a sentence or list entry."""
    t = title.strip()
    if not t or len(t) > 220:
        return 0.0
    if not (t[0].isupper() or t[0].isdigit() or t[0] in "'\"‘“("):
        return 0.0
    words = t.split()
    score = 1.0
    if len(words) > 18:
        score -= 0.5
    if t.endswith((";", ",")):
        score -= 0.6
    if t.endswith(".") and len(words) > 6:
        score -= 0.4
    if re.search(r"\b(was|were|had|has|been|would|will be|that the)\b", t) and len(words) > 8:
        score -= 0.3
    if t.isupper() and len(words) <= 12:
        score += 0.3
    if _FURNITURE_SUFFIX.search(t):
        score += 0.5
    return max(score, 0.0)


def _next_nonempty(lines: list[str], i: int, limit: int = 3) -> int | None:
    j, seen = i + 1, 0
    while j < len(lines) and seen <= limit:
        if lines[j].strip():
            return j
        j += 1
        seen += 1
    return None


def find_numbered(lines: list[str]) -> list[Heading]:
    cands: list[Heading] = []
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s or len(s) > 240:
            continue
        m = NUMBER_ALONE.match(s)
        if m and not re.fullmatch(r"\d{4}", m.group("num")):
            j = _next_nonempty(lines, i)
            if j is not None:
                title = lines[j].strip()
                if not MARKER_RE.match(title) and not NUMBER_ALONE.match(title):
                    w = title_score(clean_title(title) or title) + 0.6
                    if w > 0.6:
                        cands.append(Heading(i, j, m.group("num"), title, w, "alone"))
            continue
        m = NUMBER_INLINE.match(s)
        if m:
            num, title = m.group("num"), m.group("title")
            if re.fullmatch(r"\d{4}", num) or re.fullmatch(r"[\d.,]+%?|[a-z].*", title) or _is_date_line(s):
                continue
            if re.fullmatch(r"[IVXLC]+", num) and not title.isupper():
                continue
            w = title_score(title)
            if m.group("prefix"):
                w += 0.3
            if w > 0:
                cands.append(Heading(i, i, num, title, w, "inline"))
    if not cands:
        return []
    best: list[Heading] = []
    best_score = 0.0
    for shape in {number_shape(c.number or "") for c in cands}:
        for style in ("alone", "inline"):
            group = [c for c in cands if number_shape(c.number or "") == shape and c.style == style]
            run = _weighted_lis(group)
            score = sum(c.weight for c in run)
            if len(run) >= 2 and score > best_score:
                best, best_score = run, score
    return best


def _is_date_line(s: str) -> bool:
    """'15 November 2022' starts with a number but is a date, not an item."""
    from .header import DATE_DMY

    m = DATE_DMY.match(s)
    return bool(m) and len(s) - m.end() < 25


def _weighted_lis(cands: list[Heading]) -> list[Heading]:
    """The strictly increasing (by number) run of candidates with the greatest total weight."""
    n = len(cands)
    if n == 0:
        return []
    keys = [number_key(c.number or "") for c in cands]
    score = [c.weight for c in cands]
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if keys[j] < keys[i] and score[j] + cands[i].weight > score[i]:
                # A big jump in numbering is less likely to be the next item than a list entry.
                score[i] = score[j] + cands[i].weight
                prev[i] = j
    i = max(range(n), key=lambda k: score[k])
    run = []
    while i != -1:
        run.append(cands[i])
        i = prev[i]
    return run[::-1]


def find_marker_headings(lines: list[str]) -> list[Heading]:
    """ModernGov pages whose numbers were lost: the title sits just before the markers."""
    out: list[Heading] = []
    last_end = -1
    i = 0
    while i < len(lines):
        if MARKER_RE.match(lines[i].strip()) and i > last_end:
            # Walk back over at most 3 non-empty lines to the title: prefer one with PDF furniture.
            back = [j for j in range(i - 1, max(last_end, i - 12), -1) if lines[j].strip()][:3]
            back = [j for j in back if not MARKER_RE.match(lines[j].strip())]
            if back:
                title_line = next((j for j in back if _FURNITURE_SUFFIX.search(lines[j])), back[0])
                if title_score(clean_title(lines[title_line])) > 0:
                    out.append(Heading(title_line, title_line, None, lines[title_line].strip(), 1.0, "marker"))
            # consume the run of markers belonging to this heading
            k = i
            while True:
                n = _next_nonempty(lines, k, limit=6)
                if n is not None and MARKER_RE.match(lines[n].strip()):
                    k = n
                else:
                    break
            last_end = k
            i = k + 1
            continue
        i += 1
    return out


def find_unnumbered(lines: list[str]) -> list[Heading]:
    """'## ' heading lines, else short CAPITALISED lines standing alone."""
    md = []
    for i, raw in enumerate(lines):
        m = MD_HEADING.match(raw.strip())
        if m and title_score(m.group("title")) > 0:
            md.append(Heading(i, i, None, m.group("title"), 1.0, "md"))
    if len(md) >= 2:
        return md
    caps = []
    for i, raw in enumerate(lines):
        s = raw.strip()
        words = s.split()
        if (
            2 <= len(s) <= 90
            and 1 <= len(words) <= 12
            and s.isupper()
            and sum(ch.isalpha() for ch in s) >= 4
            and (i == 0 or not lines[i - 1].strip())
        ):
            caps.append(Heading(i, i, None, s, 1.0, "caps"))
    return caps if len(caps) >= 2 else []


def find_headings(lines: list[str]) -> list[Heading]:
    numbered = find_numbered(lines)
    markers = find_marker_headings(lines)
    if len(numbered) >= 2 and len(numbered) >= len(markers) * 0.6:
        return numbered
    if len(markers) >= 2:
        return markers
    if len(numbered) >= 2:
        return numbered
    return find_unnumbered(lines)


def split_items(text: str) -> tuple[list[str], list[RawItem]]:
    """Split text into (preamble lines, raw items)."""
    lines = text.split("\n")
    headings = find_headings(lines)
    if not headings:
        return lines, []
    items: list[RawItem] = []
    for k, h in enumerate(headings):
        stop = headings[k + 1].line if k + 1 < len(headings) else len(lines)
        title = clean_title(re.sub(r"^#+\s*", "", h.title))
        agenda = None
        m = AGENDA_REF.search(title)
        if m:
            agenda = m.group("n").rstrip(".")
            title = title[: m.start()].strip()
        number = (h.number or "").strip() or None
        if number:
            number = re.sub(r"\s+", " ", number).rstrip(".")
        items.append(RawItem(number, title, lines[h.end + 1 : stop], agenda))
    return lines[: headings[0].line], items
