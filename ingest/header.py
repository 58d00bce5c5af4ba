"""Meeting metadata from the text before the first item: committee, date, time, venue,
council, chair and attendance.

Only what the document states is taken; anything missing stays None and the parser adds a
warning, because a citation with an invented committee or date is worse than none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS = {m[:3]: i for m, i in MONTHS.items()}  # looked up by the first three letters
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
DATE_DMY = re.compile(rf"\b{_WEEKDAY}?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}})\b", re.I)
DATE_MDY = re.compile(rf"\b{_WEEKDAY}?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
TIME_RE = re.compile(r"\b(\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)|\d{1,2}[:.]\d{2}(?!\d))", re.I)
_BODY_WORDS = r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Council|Commission|Forum|Authority|Group|Partnership|Assembly|Executive)"
COUNCIL_RE = re.compile(
    r"\b((?:[A-Z][\w'’&.-]+\s(?:(?:and|upon|on|under|in|of|the)\s)?){1,4}"
    r"(?:County\s|City\s|Borough\s|District\s|Town\s|Parish\s|Metropolitan\sBorough\s|Unitary\s)?Council)\b"
)
_NOT_COUNCIL_START = {"The", "This", "That", "County", "City", "Borough", "District", "Town", "Parish", "Full",
                      "Whole", "Each", "Every", "A", "An", "Our", "Their", "Its", "Metropolitan", "Unitary",
                      "Children", "Young", "Schools", "Scrutiny", "Youth", "Members", "Executive", "Social",
                      "Safeguarding", "Overview", "Lead", "Previous", "Last", "Next", "Whole-Council"}


@dataclass
class Header:
    committee: str | None = None
    date: str | None = None
    time: str | None = None
    venue: str | None = None
    council: str | None = None
    chair: str | None = None
    attendees: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)


def parse_date(text: str) -> str | None:
    """The first full date in text, as ISO, or None."""
    best: tuple[int, str] | None = None
    for rx, order in ((DATE_DMY, "dmy"), (DATE_MDY, "mdy"), (DATE_ISO, "iso")):
        m = rx.search(text)
        if not m:
            continue
        try:
            if order == "dmy":
                d = date(int(m.group(3)), MONTHS[m.group(2).lower()[:3]], int(m.group(1)))
            elif order == "mdy":
                d = date(int(m.group(3)), MONTHS[m.group(1).lower()[:3]], int(m.group(2)))
            else:
                d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except (ValueError, KeyError):
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), d.isoformat())
    return best[1] if best else None


def smart_title(s: str) -> str:
    """'PLANNING COMMITTEE' -> 'Planning Committee'; mixed-case text is left alone."""
    if not s.isupper():
        return s
    small = {"and", "of", "the", "for", "on", "in", "to", "a", "at", "by"}
    words = s.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _strip_furniture(s: str) -> str:
    return re.sub(r"\s*View directions\s*$", "", s, flags=re.I).strip(" .,;")


def parse_header(preamble: list[str], full_text: str) -> Header:
    h = Header()
    lines = [ln.strip().lstrip("#").strip() for ln in preamble]
    nonempty = [ln for ln in lines if ln]
    head = "\n".join(nonempty[:40])

    for ln in nonempty[:25]:
        # ModernGov: "Safeguarding Overview and Scrutiny Committee - Thursday 14th September 2023 10:00am"
        m = re.match(rf"^(?P<c>.+?)\s+[-–—]\s+(?P<when>{_WEEKDAY}?.*\d{{4}}.*)$", ln)
        if m and parse_date(m.group("when")) and not h.committee:
            h.committee = m.group("c").strip()
            h.date = parse_date(m.group("when"))
            t = TIME_RE.search(m.group("when").split(str(date.fromisoformat(h.date).year), 1)[-1])
            h.time = t.group(1).strip() if t else None
            continue
        # "Minutes of the X Meeting held on 1 March 2021", "MINUTES OF A MEETING OF THE PLANNING COMMITTEE HELD ON ..."
        m = re.match(r"^minutes\s+of\s+(?:an?\s+|the\s+)?(?:(?:extraordinary|special|ordinary|annual|regular|virtual)\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(?P<c>.+?)(?:\s+meeting)?\s+(?:held|which took place)\s+(?:on|at|in)\s+(?P<rest>.*)$", ln, re.I)
        if m and not h.committee:
            h.committee = smart_title(m.group("c").strip(" ,"))
            h.date = h.date or parse_date(m.group("rest"))
            t = TIME_RE.search(m.group("rest"))
            h.time = h.time or (t.group(1) if t else None)
            # "... held in Committee Room 2, Eastmoor Town Hall, on Thursday ...", "... at 6.30 pm in the Council Chamber"
            where = re.search(r"(?:^|\s)(?:in|at)\s+(?:the\s+)?(?P<v>[A-Z][^,]*(?:,\s*[A-Z][^,]*)*?)(?:,?\s+on\s+|\.?$)",
                              ln[m.start("rest") - 3:])
            h.venue = h.venue or (where.group("v").strip() if where else None)
            continue
        m = re.match(r"^(?:venue|location|place)\s*:\s*(?P<v>.+)$", ln, re.I)
        if m and not h.venue:
            h.venue = _strip_furniture(m.group("v"))
            continue
        m = re.match(r"^(?:date)\s*:\s*(?P<v>.+)$", ln, re.I)
        if m and not h.date:
            h.date = parse_date(m.group("v"))
            t = TIME_RE.search(m.group("v"))
            h.time = h.time or (t.group(1) if t else None)
            continue
        m = re.match(r"^(?:time)\s*:\s*(?P<v>.+)$", ln, re.I)
        if m and not h.time:
            h.time = m.group("v").strip()
            continue
        m = re.match(r"^(?:committee|meeting|body)\s*:\s*(?P<v>.+)$", ln, re.I)
        if m and not h.committee:
            h.committee = m.group("v").strip()

    if not h.committee:
        # A short line naming a body, near the top ("PLANNING COMMITTEE", "City Council Regular Meeting").
        for ln in nonempty[:8]:
            if re.search(_BODY_WORDS, ln, re.I) and len(ln) < 120 and not re.match(r"^(agenda|contact|venue)", ln, re.I):
                c = re.sub(r"\s+(?:meeting|minutes)\b.*$", "", DATE_DMY.sub("", DATE_MDY.sub("", ln)), flags=re.I)
                c = re.sub(r"^(?:minutes\s+of\s+(?:the\s+)?)", "", c, flags=re.I).strip(" ,-–—")
                if c and re.search(_BODY_WORDS, c, re.I):
                    h.committee = smart_title(c)
                    break
    if not h.date:
        h.date = parse_date(head)
    if not h.time and h.date:
        for ln in nonempty[:12]:
            if parse_date(ln):
                t = TIME_RE.search(ln)
                if t:
                    h.time = t.group(1)
                    break

    capitalised = "\n".join(smart_title(ln) for ln in nonempty[:12] if ln.isupper())
    h.council = find_council(head) or find_council(capitalised) or find_council(full_text)
    if h.committee and h.council is None and find_council(h.committee) == h.committee:
        # "Wessex County Council - Cabinet - 12 September 2023": the council is not the committee
        rest = [p for p in re.split(r"\s+[-–—]\s+", _first_line_with(nonempty, h.committee)) if p.strip()]
        if len(rest) >= 3:
            h.council, h.committee = h.committee, rest[1].strip()
    parse_attendance(nonempty, h)
    return h


def _first_line_with(lines: list[str], text: str) -> str:
    return next((ln for ln in lines if text in ln), text)


def find_council(text: str) -> str | None:
    """The council named in the text: 'Staffordshire County Council', never 'the County Council'.

    A capitalised word that starts a sentence proves nothing ("All County Council staff",
    "Can the Council offer"), so a match must begin mid-sentence or on a line of its own.
    """
    for m in COUNCIL_RE.finditer(text):
        name = m.group(1)
        words = name.split()
        if words[0] in _NOT_COUNCIL_START or len(words) == 1:
            continue
        before = text[: m.start()].rstrip(" \t")
        line_alone = (not before or before.endswith("\n")) and text[m.end():].split("\n", 1)[0].strip() == ""
        sentence_start = not before or before[-1] in ".?!:\n•·-"
        if sentence_start and not line_alone:
            continue
        return name
    return None


_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\n|\s{2,})\s*")
_HONORIFIC = re.compile(
    r"^(?:County\s+|Borough\s+|District\s+|City\s+|Town\s+|Parish\s+)?"
    r"(?:Councillors?|Cllrs?\.?|Mayor|Deputy\s+Mayor|Aldermen|Alderman|Council\s*Members?|Commissioners?|"
    r"Trustees?|Supervisors?|Selectm[ae]n|Board\s+Members?|Members?)\s+",
    re.I,
)


def split_names(s: str) -> list[str]:
    """'Councillors A Smith, B Jones and C Brown' -> ['A Smith', 'B Jones', 'C Brown'].

    Parenthesised roles stay with their name. A run of capitalised words with no
    separators ("Ann Beech Ron Clarke Ann Edgeller", as attendance tables copy) is split
    into first-name/surname pairs when it has an even number of words.
    """
    s = re.sub(r"^(?:(?:were\s+)?received\s+from|from)\s+", "", s.strip(), flags=re.I)
    parts: list[str] = []
    depth, buf = 0, ""
    for ch in s:  # don't split inside parentheses
        depth += ch == "("
        depth -= ch == ")"
        buf += "\x00" if depth and ch in ",;&" else ch
    for piece in _NAME_SPLIT.split(buf):
        piece = _HONORIFIC.sub("", piece.replace("\x00", ",").strip(" .:"))
        if not piece or piece.lower() in {"none", "nil", "n/a"}:
            continue
        words = piece.split()
        if "(" not in piece and len(words) >= 4 and len(words) % 2 == 0 and all(w[:1].isupper() for w in words):
            parts.extend(" ".join(words[i : i + 2]) for i in range(0, len(words), 2))
        else:
            parts.append(piece)
    return parts


def parse_attendance(lines: list[str], h: Header) -> None:
    """Attendance blocks: 'Present:', 'Attendance', 'Also in attendance:', 'Apologies:',
    'Absent:', roll calls. Used on the preamble and on items such as 'ROLL CALL'."""
    mode = None
    for ln in lines:
        m = re.match(r"^(?:(?:members\s+)?present|attendance|attending|members|roll\s+call|councillors\s+present)\s*:?\s*(?P<rest>.*)$", ln, re.I)
        if m:
            mode = "attendees"
            if m.group("rest"):
                _add_people(h, "attendees", m.group("rest"))
            continue
        m = re.match(r"^also\s+(?:in\s+attendance|present)\s*:?\s*(?P<rest>.*)$", ln, re.I)
        if m:
            mode = "attendees"
            _add_people(h, "attendees", m.group("rest"))
            continue
        m = re.match(r"^apologies(?:\s+for\s+absence)?(?:\s+were\s+received)?\s*(?:from)?\s*:?\s*(?P<rest>.*)$", ln, re.I)
        if m:
            mode = "apologies"
            _add_people(h, "apologies", m.group("rest"))
            continue
        m = re.match(r"^absent\s*:?\s*(?P<rest>.*)$", ln, re.I)
        if m:
            mode = "absent"
            _add_people(h, "absent", m.group("rest"))
            continue
        m = re.match(r"^(?:chair(?:man|woman|person)?|presiding)\s*:\s*(?P<rest>.+)$", ln, re.I)
        if m:
            h.chair = h.chair or _HONORIFIC.sub("", m.group("rest").strip())
            continue
        if mode and (len(ln) > 200 or ln.endswith(":") or re.match(r"^(part|officers|in attendance)\b", ln, re.I)):
            mode = None
        elif mode and not parse_date(ln):
            _add_people(h, mode, ln)
    if not h.chair:
        for name in h.attendees:
            if re.search(r"\((?:[^)]*\bin the chair|chair(?:man|woman|person)?)\)", name, re.I):
                h.chair = re.sub(r"\s*\(.*$", "", name)
                break


def _add_people(h: Header, field_name: str, text: str) -> None:
    target = getattr(h, field_name)
    for name in split_names(text):
        if len(name) <= 80 and name not in target:
            target.append(name)


def apologies_from_items(texts: list[str]) -> list[str]:
    """Apologies stated inside an 'Apologies' item ("Apologies were received from ...")."""
    out: list[str] = []
    for t in texts:
        m = re.search(r"apologies(?:\s+for\s+absence)?\s+(?:were\s+)?(?:received|submitted|given)\s+(?:on behalf of|from)\s+(?P<names>(?:[^.]|(?<=\b[A-Z])\.)+(?:\([^)]*\)[^.]*)?)\.", t, re.I)
        if m:
            out.extend(split_names(m.group("names")))
    return out
