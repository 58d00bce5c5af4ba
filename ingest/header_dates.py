"""Dates as minutes print them, in every common form, with where each was found.

"5th March 2024", "Monday, the 28th day of April, 2025", "March 5, 2024", "Dec. 14, 2017",
"2024-03-05", "15-Sep-2018", "28/07/2020" (day/month order decided by the document's
country clues, never guessed when both readings are possible and there is no clue), and OCR
damage to the day ("Wednesday, Ilh February 2026") — the last accepted only when the printed
weekday confirms the repaired date, because a wrong date is worse than none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {m[:3]: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}  # looked up by the first three letters
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
_SEP = r"[\s,]+"
DATE_DMY = re.compile(
    rf"\b(?P<wd>{_WEEKDAY})?(?:the\s+)?(?P<d>\d{{1,2}})(?:\s*(?:st|nd|rd|th))?(?:\s+day)?\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})\b",
    re.I,
)
DATE_MDY = re.compile(
    rf"\b(?P<wd>{_WEEKDAY})?(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I
)
DATE_ISO = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/.-])")
DATE_D_MON_Y = re.compile(rf"\b(?P<d>\d{{1,2}})[-/ ](?P<m>{_MONTH})[-/ ](?P<y>\d{{4}})\b", re.I)
# "2020-April-09", "2019-Nov-27": year first with the month named
DATE_Y_MON_D = re.compile(rf"(?<![\d/.-])(?P<y>(?:19|20)\d{{2}})[-/ ](?P<m>{_MONTH})[-/ ](?P<d>\d{{1,2}})(?![\d/.-])", re.I)
DATE_NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.-])")
# OCR: a day printed as "Ilh", "l5th", "2Ist" — only with a weekday in front to check it against.
DATE_OCR_DAY = re.compile(
    rf"\b(?P<wd>{_WEEKDAY})(?:the\s+)?(?P<d>[\dIl|!]{{1,2}})(?:st|nd|rd|th|h|t)?\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})\b",
    re.I,
)
TIME_RE = re.compile(r"\b(\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)|\d{1,2}[:.]\d{2}(?!\d))", re.I)


@dataclass
class FoundDate:
    iso: str
    start: int
    end: int
    text: str
    form: str  # dmy, mdy, iso, numeric-dmy, numeric-mdy, ocr


def _weekday_ok(wd: str | None, d: date) -> bool:
    """True when no weekday is printed or the printed weekday is the date's weekday."""
    if not wd:
        return True
    return wd.strip(" ,.").lower()[:3] == _WEEKDAY_NAMES[d.weekday()]


def _make(y: int, m: int, d: int) -> date | None:
    try:
        if y < 100:
            y += 2000 if y < 70 else 1900
        if not 1900 <= y <= 2100:
            return None
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, numeric_order: str | None = None) -> list[FoundDate]:
    """Every full date in text, in reading order, overlapping matches removed.

    numeric_order: 'dmy' or 'mdy' for "03/05/2024"-style dates (see `numeric_order`);
    None accepts a numeric date only when just one reading is a valid date.
    """
    found: list[FoundDate] = []
    for rx, form in ((DATE_DMY, "dmy"), (DATE_MDY, "mdy"), (DATE_ISO, "iso"), (DATE_D_MON_Y, "dmy"), (DATE_Y_MON_D, "ymd")):
        for m in rx.finditer(text):
            mon = MONTHS.get(m.group("m").lower()[:3]) if form != "iso" else int(m.group("m"))
            d = _make(int(m.group("y")), mon or 0, int(m.group("d")))
            if d:  # a printed weekday that disagrees is a typo in the minutes, not a reason to drop the date
                found.append(FoundDate(d.isoformat(), m.start(), m.end(), m.group(0), form))
    for m in DATE_NUMERIC.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if len(m.group("y")) == 2 and m.group("sep") != "/":
            continue  # "19.09.01", "09-23-01" are minute numbers, not dates
        dmy, mdy = _make(y, b, a), _make(y, a, b)
        if dmy and mdy and dmy != mdy:
            pick = dmy if numeric_order == "dmy" else mdy if numeric_order == "mdy" else None
        else:
            pick = dmy or mdy
        if pick:
            form = "numeric-dmy" if pick == dmy else "numeric-mdy"
            found.append(FoundDate(pick.isoformat(), m.start(), m.end(), m.group(0), form))
    for m in DATE_OCR_DAY.finditer(text):
        raw = m.group("d")
        if raw.isdigit():
            continue
        day = int(re.sub(r"[Il|!]", "1", raw))
        d = _make(int(m.group("y")), MONTHS.get(m.group("m").lower()[:3], 0), day)
        if d and m.group("wd") and _weekday_ok(m.group("wd"), d):
            found.append(FoundDate(d.isoformat(), m.start(), m.end(), m.group(0), "ocr"))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[FoundDate] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def parse_date(text: str, numeric_order: str | None = None) -> str | None:
    """The first full date in text, as ISO, or None."""
    found = find_dates(text, numeric_order)
    return found[0].iso if found else None


_UK_CLUES = re.compile(
    r"\b(?:(?i:councillors?|cllrs?|organis\w+|favour|honour|labour|centre|programme|cathaoirleach|"
    r"parish|borough|apologies|minute\s+taker|colour|neighbour|behaviour|cheque|licence|defence|whilst|amongst|travelled|"
    r"cancelled|labelled|catalogue|acknowledgement\s+of\s+country|australian?|australasian|new\s+zealand|aotearoa)|"
    r"NSW|QLD|[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2})\b|£|€",
)
_US_CLUES = re.compile(
    r"\b(?:(?i:councilmembers?|council\s+members?|township|favor|honor|center|program|aldermen|selectm[ae]n)|"
    r"(?:AL|AK|AZ|CA|CO|CT|FL|GA|IL|IN|IA|KS|KY|MA|MD|MI|MN|MO|NC|NJ|NY|OH|OK|OR|PA|TX|VA|WA|WI)\s+\d{5})\b|\$",
)


def numeric_order(text: str) -> str | None:
    """'dmy' or 'mdy' for numeric dates, from how the document writes its other dates
    ("5 March 2024" vs "March 5, 2024") and, failing that, from spelling and currency
    clues (UK/Irish/Australian vs US). None when the evidence is even or absent."""
    dmy = len(DATE_DMY.findall(text))
    mdy = len(DATE_MDY.findall(text))
    if dmy != mdy and max(dmy, mdy) >= 2 and min(dmy, mdy) * 3 <= max(dmy, mdy):
        return "dmy" if dmy > mdy else "mdy"
    uk, us = len(_UK_CLUES.findall(text)), len(_US_CLUES.findall(text))
    if uk != us and max(uk, us) >= 3 and min(uk, us) * 3 <= max(uk, us):
        return "dmy" if uk > us else "mdy"
    return None


def find_time(text: str) -> str | None:
    m = TIME_RE.search(text)
    return m.group(1).strip() if m else None


# "held on 22nd April at 2:15 p.m.", "on Tuesday, April 22": a meeting date printed without its
# year. Read only after "on", where a title or held-sentence states when the meeting was.
_PARTIAL_DMY = re.compile(
    rf"\bon\s+(?:the\s+)?{_WEEKDAY}?(?:the\s+)?(?P<d>\d{{1,2}})(?:\s*(?:st|nd|rd|th))?(?:\s+day)?\s+(?:of\s+)?(?P<m>{_MONTH})"
    rf"(?![\w.]|,?\s+\d{{4}}|\s+\d{{2}}\b)", re.I)
_PARTIAL_MDY = re.compile(
    rf"\bon\s+(?:the\s+)?{_WEEKDAY}?(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|,?\s+\d{{4}}|/)", re.I)


def find_partial_date(text: str) -> tuple[int, int, str] | None:
    """(month, day, the printed words) of a meeting date stated without a year, when `text` has
    no full date: the year is then unknown, and must not be borrowed from a date that dates
    something else (the previous meeting's minutes, an item)."""
    if find_dates(text):
        return None
    for rx in (_PARTIAL_DMY, _PARTIAL_MDY):
        m = rx.search(text)
        if m:
            mon, day = MONTHS.get(m.group("m").lower()[:3], 0), int(m.group("d"))
            if 1 <= day <= 31 and mon:
                return mon, day, m.group(0)
    return None
