"""Printed item numbers: their shapes, sort keys and steps, and which line starts with one.

Split out of `ingest/segment.py` (the segmenter's overview is there); numbers of any shape
("12.", "LA 17/27", "09.23.04", "C/151/25", "IV.", "(a)") are read, compared and counted here.
"""
from __future__ import annotations

import re


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# The word that labels a number as an item's ("Minute No. 51/25", "ITEM NO. 1", "Item 1:"), in any case.
# "#" and "No." stand for the word number ("Agenda Item #3", "No. 2 Police report"); alone, only
# before a short number.
_PREFIX = (r"(?i:Min(?:ute)?s?\.?\s*(?:Nos?\.?\s*|#\s*)?|Items?\s+(?:Nos?\.?\s*|#\s*)?|Agenda\s+items?\s+(?:Nos?\.?\s*|#\s*)?"
           r"|No\.\s*(?=\d{1,3}\b)|#\s?(?=\d{1,3}\b))")  # (not "#20242", an issue or file number)
# How much an item label before the number adds: the author says outright that this is an item.
PREFIX_BONUS = 0.6
# One printed item number. Order matters: the first alternative that fits wins.
_NUMBER = (
    r"(?P<num>"
    r"[A-Z]{1,5}(?:[ ./-]\s?)?\d{1,4}(?:\s?[./-]\s?\d{1,4}){0,2}[a-z]?"  # LA 17/27, C/151/25, CAFE-2014.5
    r"|\d{1,4}(?:\.\d{1,4}){1,3}(?![\d/])"  # 18.11.1, 2.3, 1.0, 09.23.04
    r"|\d{1,4}/\d{2,6}[A-Z]{1,4}\d{0,3}(?![\w/])"  # 01/0925SM2: minute / month-year + meeting code
    r"|\d{1,4}/\d{1,4}(?:/\d{1,4})?"  # 21/47, 2024/25/123
    r"|\d{1,3}(?:[A-Za-z](?![A-Za-z])|\([a-z]\)|\s?[a-z]\))"  # 5a, 2A, 5(b), 5 b)
    r"|\d{1,8}"  # 3, 2962, 20230065
    r"|\((?:\d{1,2}|[A-Za-z]{1,2}|[ivx]{1,5})\)"  # (1), (A), (a), (iv)
    r"|[IVXLC]{1,7}(?=[.):]|\s*$|\s+[A-Z])"  # IV. / IV / IV NEW BUSINESS
    r"|[A-Z]{1,2}(?=[.)])|[a-z](?=[.)]|\s*$)|[ivx]{1,5}(?=[.)])"  # A. AB. a) iv), "a" alone on its line
    r")"
)
NUMBER_LINE = re.compile(
    rf"^(?P<prefix>{_PREFIX})?{_NUMBER}[`'’]?(?P<sep>\.\)?|\)|:|\s+[-–—]\s*|\s+|$)\s*(?P<title>.*)$"
)
# A leading reference code before the agenda number: roll-call/resolution numbers ("99-464 12. ...").
_LEAD_CODE = re.compile(r"^\d{2,4}-\d{2,5}\s+(?=\S)")
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
_NOT_TITLE_START = re.compile(
    rf"^(?:{_MONTH}(?:\s|,|$)|(?:st|nd|rd|th)\b|%|(?:a\.?m|p\.?m)\b|\d{{2}}\s*(?:a\.?m|p\.?m)\b|\d{{1,2}}\s*(?:,\s*)?\d{{4}}\b|"
    r"(?:million|thousand|bn|m|k)\b)",
    re.I,
)
# A street address after a house number: the street type follows a name ("53 Huntington Ave."),
# so "12. Street Lighting Maintenance" is an item.
_STREET = re.compile(
    r"^(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.-]*\s+){1,3}(?:(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Lane|Ln|"
    r"Dr|Ct|Pl|Hwy|Highway|Parkway|Pkwy|Sq)\b\.?(?:\s|,|$)|(?:Drive|Way|Court|Place|Terrace|Square|Close|Crescent)\b\.?,)"
)
# A report/file code with a year inside it: committee letters, year, serial ("CAFE-2014.5").
_YEAR_CODE = re.compile(r"[A-Z]{1,5}[-./]?\s?(?:19|20)\d\d[-./]\s?\d{1,4}")


# --- numbers -------------------------------------------------------------------------------

def roman_value(s: str) -> int | None:
    s = s.upper()
    if not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", s) or not s:
        return None
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _letters_value(s: str) -> int:
    v = 0
    for ch in s.upper():
        v = v * 26 + (ord(ch) - 64)
    return v


def number_key(num: str) -> tuple:
    """Sort key for item numbers: "21/47" -> (21, 47), "2A" -> (2, 1), "IV" -> (4,), "b)" -> (2,)."""
    s = num.strip()
    s = re.sub(r"\s+\([^()]*\)\s*$", "", s) if re.search(r"\S\s+\(", s) else s  # "3 (Consent Agenda)"
    core = s.strip("()").rstrip(".):").strip()
    if re.fullmatch(r"[IVXLC]+", core) and roman_value(core):
        return (roman_value(core),)
    if (re.fullmatch(r"[ivx]{2,5}", core) or s == "(i)") and roman_value(core):
        return (roman_value(core),)  # "(i)" is read as roman, as `number_shape` reads it
    if re.fullmatch(r"[A-Za-z]{1,2}", core):
        return (_letters_value(core),)
    digits = [int(d) for d in re.findall(r"\d+", core)]
    m = re.search(r"\d\s*\(?([A-Za-z])\)?$", core)
    return (*digits, ord(m.group(1).upper()) - 64) if m else tuple(digits)


def number_shape(num: str) -> str:
    """Numbers of one scheme share a shape whatever their values: "d", "d.d", "LA d/d", "R", "(A)"."""
    s = num.strip()
    if re.fullmatch(r"[IVXLC]+", s):
        return "R"
    if re.fullmatch(r"\([ivx]{2,5}\)|\(i\)", s):
        return "(r)"
    if _YEAR_CODE.fullmatch(s):
        return "A-Y-d"  # report codes "CAFE-2014.5", "C.2014.14": one family whatever the separators
    wrap = "()" if s.startswith("(") else ""
    core = s.strip("()").rstrip(".):")  # "1." (Word's rendering) and "1" (typed) are one scheme
    if re.fullmatch(r"[A-Z]{1,2}", core):
        return wrap + "A"
    if re.fullmatch(r"[a-z]", core):
        return wrap + "a"
    if re.fullmatch(r"\d{5,8}", core):
        return wrap + "D"
    core = re.sub(r"\d+", "d", core)
    core = re.sub(r"(?<=d)\s*\(?[A-Za-z]\)?$", "+a", core)
    core = re.sub(r"[A-Z]{1,5}", "A", core)
    return wrap + core.replace(" ", "")


def _is_first(key: tuple) -> bool:
    """The first number of a run: 1, A, a, I, 0, or x.1 / x.0 / 5a."""
    return not key or key[-1] <= 1


def _consecutive(a: tuple, b: tuple) -> bool:
    """b is the number right after a: 3 -> 4, 2.3 -> 2.4, 2.9 -> 3.0/3.1, C/151/25 -> C/152/25.

    The first component that differs goes up by one; later ones stay (a constant year suffix)
    or start again (the first sub-number of the next parent)."""
    if len(a) != len(b) or a == b:
        return False
    k = next(i for i in range(len(a)) if a[i] != b[i])
    return b[k] == a[k] + 1 and all(b[i] == a[i] or b[i] <= 1 for i in range(k + 1, len(b)))


def _parse_number(s: str):
    """(number, title, separator) if the text starts with a printed item number, else None."""
    s = _LEAD_CODE.sub("", s, count=1) if re.match(r"^\d{2,4}-\d{2,5}\s+(?:\d|\()", s) else s
    m = NUMBER_LINE.match(s)
    if not m:
        return None
    num, sep, title = m.group("num"), m.group("sep"), m.group("title").strip()
    bare = num.strip("()")
    if (re.fullmatch(r"[a-z]|[ivx]{1,5}", bare) and not (sep.startswith(")") or sep.startswith(".") or num.startswith("("))
            and not (re.fullmatch(r"[a-z]", bare) and s.strip() == num)):
        return None  # (a letter alone on its line, its title below, is a sub-item's label: "a" / "Election of ...")
    if re.fullmatch(r"[A-Z]{1,2}", bare) and not num.startswith("(") and not sep.strip() and title:
        return None  # "A Pledge of Allegiance was given" is a sentence, not item A
    if re.fullmatch(r"MRS?|MS|DR|ST|JR|SR|CLLR", bare, re.I) and sep.startswith(".") and title:
        return None  # "MR. M. NICHOLSON", "Dr. Smith": a title before a name, not item "MR"
    if re.fullmatch(r"[A-Z]", bare) and sep.startswith(".") and re.match(r"[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?,|[A-Z]\b", title):
        return None  # "M. Brennan, Director of Service", "U.S trips": initials, not item M or U
    if re.fullmatch(r"[IVXLC]+", bare) and roman_value(bare) is None:
        return None
    if sep == ":" and re.match(r"\d", title):
        return None  # 10:34 is a time
    if title and _NOT_TITLE_START.match(title) and (re.match(r"\d", bare) or not re.match(rf"(?i){_MONTH}\s", title)):
        return None  # "15 May 2023" is a date; "C. May 2023 Service Change" is item C
    d3 = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d\d|\d{4})", num)
    if d3 and int(d3.group(1)) <= 31 and int(d3.group(2)) <= 31:
        return None  # "3/14/23", "14/03/2023": a date, not a three-part minute number
    if re.fullmatch(r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d", num) or re.fullmatch(r"\d{1,4}(?:\.\d+)+", num) and re.match(r"\d{2,4}\b", title):
        return None  # 18.11.2018 - a date split oddly
    if re.fullmatch(r"\d+", bare) and title and _STREET.match(title):
        return None  # 53 Huntington Ave.
    if re.fullmatch(r"[a-z]", num) and s.strip() != num and not sep.strip():
        return None  # "Minutes": a word, not the label "Minute" and item "s"
    return num, title, sep


def _labelled(text: str) -> bool:
    """The number carries an item label before it ("Minute No.", "Item", "Agenda item")."""
    m = NUMBER_LINE.match(text)
    return bool(m and m.group("prefix"))


def _bare(label: str) -> str:
    """"a)", "(a)" and "a" are one printed number when counting repeats."""
    return re.sub(r"[^\w]", "", label).casefold()
