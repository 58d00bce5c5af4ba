"""How a vote went, as minutes record it: tallies ("5-0", "121 in favour, none against"), roll-call
lists ("AYES: A, B  NOES: None"), label columns extracted as runs of lines, names followed by
"yea"/"nay". `parse_vote` returns a `Vote` and what it inferred (a tally counted from a roll call).
"""
from __future__ import annotations

import re

from .decision_names import _TITLE_STRIP, _name, clean_name, normalise_name
from .model import Vote

_COLUMN_LABEL = re.compile(r"^(RESULT|MOVER|MOVED\s+BY|SECONDER|SECONDED\s+BY|SECOND|AYES|YEAS|NAYS|NOES|ABSENT|ABSTAIN|RECUSED)\s*:\s*$", re.I)


def label_columns(text: str) -> dict[str, str]:
    """Labels printed in one column and their values in the next, extracted as text runs
    ("RESULT:\nMOVER:\nSECONDER:\nAYES:\n\nPASSED\nJane Doe, Director\n..."): label -> value."""
    lines = [ln.strip() for ln in text.split("\n")]
    i = 0
    while i < len(lines):
        if _COLUMN_LABEL.match(lines[i]):
            labels = []
            while i < len(lines) and (_COLUMN_LABEL.match(lines[i]) or (not lines[i] and labels and i + 1 < len(lines)
                                                                         and _COLUMN_LABEL.match(lines[i + 1]))):
                if lines[i]:
                    labels.append(_COLUMN_LABEL.match(lines[i]).group(1).upper())
                i += 1
            values = []
            while i < len(lines) and len(values) < len(labels):
                if lines[i]:
                    values.append(lines[i])
                elif values:
                    break
                i += 1
            if len(labels) >= 2 and len(values) == len(labels):
                return dict(zip(labels, values))
        i += 1
    return {}


_NUM_WORDS = {"none": 0, "no": 0, "nil": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_N = r"(\d+|none|no|nil|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.lower()
    return int(s) if s.isdigit() else _NUM_WORDS.get(s)


_LIST_LABELS = {
    "yes": r"ayes?|yeas?|yes|for|in\s+favou?r|voting\s+(?:yes|aye|for)",
    "no": r"nays?|noes|no|against|opposed|voting\s+(?:no|nay|against)",
    "abstained": r"abstain(?:ed|ing|s|ers|ions?)?|pass|recused|not\s+voting",
    "absent": r"absent|excused",
}


_PARTICLES = ("van", "von", "de", "der", "den", "du", "da", "la", "le", "del", "di", "dos", "ter", "mac")


def _name_list(raw: str) -> list[str]:
    raw = re.split(r"(?i)\b(?:status|motion|result|the\s+motion|carried|lost|defeated|passed|failed)\b", raw)[0]
    raw = re.sub(r"\(\s*\d+\s*\)", " ", raw).strip(" .;:[](){}")
    if not raw or re.fullmatch(r"(?i)none|nil|n/?a|-+|—|0", raw):
        return []
    parts = re.split(r"\s*(?:,|;|\band\b|&|\|)\s*", raw)
    out = []
    for p in parts:
        p = clean_name(_TITLE_STRIP.sub("", p.strip()))
        words = (p or "").split()
        cut = next((k for k, w in enumerate(words) if k and (w[:1] in "*[(" or (re.match(r"[a-z]{2,}$", w) and w not in _PARTICLES))), None)
        if cut is not None and len(words) - cut >= 2:
            p = " ".join(words[:cut])  # the list ran into a sentence ("McPherson *Council considered items ...")
        if p and not re.fullmatch(r"(?i)none|nil|and", p) and re.search(r"[A-Za-z]", p):
            out.append(p)
    return out


_ROLL_NOTATION = re.compile(r"\(Y-(\d{1,2})(?:[;,]?\s*N-(\d{1,2}))?\)|\bY-(\d{1,2})(?:[;,]?\s*N-(\d{1,2}))?\s+roll[\s-]call\b")


def parse_vote(text: str) -> tuple[Vote | None, list[str]]:
    """The vote a decision records (tally and/or per-member lists), and what was inferred."""
    flat = re.sub(r"\s+", " ", text)
    v = Vote()
    inferred: list[str] = []
    found = False
    # labelled roll-call lists: "AYES: A, B  NOES: None  ABSENT: C" / "Nays: Belken. Pass: McPherson."
    label_re = re.compile(rf"(?i)\b(?:(?:voting|voted|votes?)\s+)?({'|'.join(_LIST_LABELS.values())})\s*:\s*")
    marks = list(label_re.finditer(flat))
    cols = label_columns(text)
    col_keys = {"AYES": "yes", "YEAS": "yes", "NAYS": "no", "NOES": "no", "ABSENT": "absent", "ABSTAIN": "abstained",
                "RECUSED": "abstained"}
    if any(k in cols for k in col_keys):
        marks = []  # labels in one column, values in the next: read them as pairs
        for k, key in col_keys.items():
            if k in cols:
                getattr(v, key).extend(_name_list(cols[k]))
                found = True
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(flat)
        body = flat[m.end():end]
        body = re.split(r"(?<=[a-z])\.\s+(?=[A-Z][a-z]+\s+[a-z])", body)[0]
        label = m.group(1).lower()
        key = next(k2 for k2, pat in _LIST_LABELS.items() if re.fullmatch(pat, label))
        names = _name_list(body)
        getattr(v, key).extend(names)
        found = True
    # "Janet Keough yea, Dick Dillon yea, and Gary Mantay nay"
    for m in re.finditer(rf"{_name('who')}[ \t]*[–\-]?[ \t]*(?i:(yea|aye|yes|nay|no|abstain(?:ed)?|absent))(?=\s*(?:[,.;)\]]|and\b|$)|[ \t]*\n)", text):
        who = clean_name(_TITLE_STRIP.sub("", m.group("who")))
        if not who or who.lower() in ("vote", "the vote", "voice vote"):
            continue
        kind = m.group(m.lastindex).lower()
        if kind == "no" and re.match(r"\.?\s*[A-Za-z]{0,3}[\s\-–]*\d", text[m.end():]):
            continue  # "Agreement No. A-2024-051", "Resolution No 12": a number, not a vote
        key = "yes" if kind in ("yea", "aye", "yes") else "no" if kind in ("nay", "no") else \
            "abstained" if kind.startswith("abstain") else "absent"
        if who not in getattr(v, key):
            getattr(v, key).append(who)
            found = True
    # "14 in favor (A, B, ...) and 4 against (C, D)"
    for m in re.finditer(rf"(?i)\b{_N}\s+(?:votes?\s+)?(in\s+favou?r|for|against|opposed|abstentions?|abstaining|abstained)\s*,?\s*\(([^)]*)\)", flat):
        key = "yes" if m.group(2).lower().startswith(("in", "for")) else "no" if m.group(2).lower().startswith(("again", "oppos")) else "abstained"
        names = _name_list(m.group(3))
        if names and not getattr(v, key):
            getattr(v, key).extend(names)
    # "Director Ruscha was absent", "Councilor Ruble abstained"
    for m in re.finditer(rf"{_name('who')}[ \t]+(?i:(?:was|were)\s+(absent)|(abstained)|(?:voted|votes)\s+(against|no|in\s+favou?r|for))\b", text):
        who = clean_name(_TITLE_STRIP.sub("", m.group("who")))
        if not who or normalise_name(who) in ("motion", "the motion") or not _TITLE_STRIP.sub("", who + " ").strip():
            # ("The Board of Directors votes in favour": a body, not a member, voted)
            continue
        kind = (m.group(m.lastindex) or "").lower()
        key = "absent" if kind == "absent" else "abstained" if kind == "abstained" else "no" if kind in ("against", "no") else "yes"
        if who not in getattr(v, key):
            getattr(v, key).append(who)
            found = True
    # action minutes' roll-call notation: "(Y-5)", "(Y-4; N-1)", "on a Y-5 roll call"
    rn = _ROLL_NOTATION.search(flat)
    if rn:
        v.for_ = int(rn.group(1) or rn.group(3))
        v.against = int(rn.group(2) or rn.group(4) or 0)
        found = True
    # tallies: "5-0", "6-0-1", "7 -- 0", "(4-2-1-1)"
    sep = r"\s*(?:-{1,2}|–|—)\s*"
    m = re.search(r"(?i)(?:carried|passed|approved|failed|defeated|lost|moved|vote[sd]?|result\w*|status|adopted|motion|it\s+passed)\b"
                  r"(?:[^0-9.;]|\.(?=\S)){0,30}?"
                  rf"\(?(?<![\d#/])(\d{{1,3}})(?:{sep}|(?:\s+votes?)?\s+to\s+)(\d{{1,3}})(?!\d)(?:{sep}(\d{{1,3}})(?!\d))?(?:{sep}(\d{{1,3}})(?!\d))?\)?", flat)
    if rn:
        pass
    elif m and not re.match(r"\s*[-/]\s*\d", flat[m.end():]) and not re.search(r"(?i)\b(?:19|20)\d\d\b", m.group(0)[-12:]):
        n = [int(x) if x else None for x in m.groups()]
        v.for_, v.against = n[0], n[1]
        v.abstain = n[2]
        if v.abstain is None:
            # "Carried by 12 votes to 4 with 2 abstentions": the abstentions said after the tally
            bm = re.search(rf"(?i)\b(?:with|and)\s+{_N}\s+(?:abstentions?|abstaining|abstained)\b", flat[m.end():m.end() + 40])
            v.abstain = _num(bm.group(1)) if bm else None
        found = True
    else:
        who = r"(?:(?:votes?|members|people|persons|councill?ors)\s+)?"
        # "9 of 10 yes", "7 out of 9 members voted in favour": the first figure is the count
        fm = re.search(rf"(?i)(?<![\d\-/#])\b{_N}\s+(?:out\s+)?of\s+(?:the\s+)?\d{{1,3}}\s+{who}(?:present\s+)?(?:in\s+favou?r|for|yes|ayes?|yeas?|"
                       r"(?:said|voted)\s+(?:yes|aye|for|in\s+favou?r))\b", flat) or re.search(rf"(?i)(?<![\d\-/#])(?<!\bof\s)\b{_N}\s+{who}(?:in\s+favou?r|for|yes|ayes?|yeas?|(?:said|voted)\s+(?:yes|aye|for|in\s+favou?r))\b"
                       rf"(?=\s*[,;)(]|\s+(?:and|against|with|to)\b|\s*$|\s*\.|\s+\d)", flat)
        am = re.search(rf"(?i)\b{_N}\s+{who}(?:against|opposed|(?:said|voted)\s+(?:no|nay|against))\b", flat) \
            or (re.search(r"(?i)(?<![\d\-/#])\b(\d+)\s+(?:no|nays?|noes)\b(?=\s*[,;.)]|\s+(?:and|\d)|\s*$)", flat) if fm else None)
        # ("5 yes, 0 no, 0 abstain": a bare "no" counts only beside a "yes" count)
        bm = re.search(rf"(?i)\b{_N}\s+{who}(?:abstentions?|abstaining|abstained|abstain)\b", flat)
        if fm and _num(fm.group(1)):
            v.for_ = _num(fm.group(1))
            v.against = _num(am.group(1)) if am else None
            v.abstain = _num(bm.group(1)) if bm else None
            found = True
        for lab, attr in ((r"(?:for|in\s+favou?r|yes|ayes?|yeas?)", "for_"), (r"(?:against|opposed|no|nays?|noes)", "against"),
                          ("abstain(?:ed|ing|s|ions?)?", "abstain")):
            lm = re.search(rf"(?i)\b{lab}\s*(?:[:=]|\s[-–—]|(?<=\w)[-–—](?=\s))\s*(\d+)\b(?![-/.]\d)", flat)  # "For: 5", "For - 27"
            if lm and attr == "against" and v.for_ is None and re.match(r"(?i)no\b", lm.group(0)):
                lm = None  # "Resolution No: 12": a number; a bare "No" counts only beside a "Yes" count
            if lm:
                setattr(v, attr, int(lm.group(1)))
                found = True
        pair = re.search(r"(?i)\b(?:for|in\s+favou?r)\s+(\d{1,3})\s*[,;]?\s*(?:and\s+)?against\s+(\d{1,3})\b", flat)
        if pair and v.for_ is None:
            v.for_, v.against = int(pair.group(1)), int(pair.group(2))  # "For 10, Against 3"
            found = True
        if v.for_ is not None and v.against is None and re.search(r"(?i)\bunanimous(?:ly)?\b", flat):
            v.against = 0  # "14 votes yes (unanimous)"
        if not fm:
            against_none = re.search(r"(?i)\b(?:none|no\s+(?:votes?|one))\s+against\b", flat)
            if against_none and v.for_ is not None:
                v.against = 0
    if not found:
        return None, inferred
    # Reconcile lists with the tally: "6-1. Pass: Flagg." means one pass, not one against.
    if v.for_ is not None and v.against and not v.no and (v.abstained or v.absent):
        others = len(v.abstained) + len(v.absent)
        if others == v.against + (v.abstain or 0):
            v.abstain = len(v.abstained) or None if v.abstained else v.abstain
            v.against = 0
            if v.abstained and v.abstain is None:
                v.abstain = len(v.abstained)
    if v.abstain and not v.abstained and v.absent and len(v.absent) == v.abstain \
            and (not v.yes or len(v.yes) == v.for_):
        # "CARRIED 4-0-1 [AYES: ...; NOES: None; ABSENT: Hernandez]": the third figure counts the
        # members the roll call names absent, not abstentions (no one is named abstaining)
        v.abstain = 0
    if v.abstain is None and v.abstained and not v.no and not v.yes:
        v.abstain = len(v.abstained)  # "The payments were agreed, Cllr X abstained.": one abstention recorded
    if v.for_ is None and v.yes:
        v.for_, v.against = len(v.yes), len(v.no)
        v.abstain = len(v.abstained)
        inferred.append("vote tally")
    return v, inferred


# A roll-call table flattened by the page extraction: the column labels and each member's mark
# ("1", a tick) come out one per line, with a column total after the marks where the table has a
# TOTAL row ("For / 1 / 1 / ... / 6 / Against / 1 / ... / 11 / Abstain / 1 / 1 / Absent / ...").
_COLUMN = {"for": "for_", "in favour": "for_", "in favor": "for_", "yes": "for_", "against": "against", "no": "against",
           "abstain": "abstain", "abstained": "abstain", "abstentions": "abstain", "absent": None, "not present": None}
_MARK = re.compile(r"^(?:1|√|✓|✔|x|X)$")


def table_tally(region: str) -> Vote | None:
    """The counts of a flattened roll-call table in `region` (None unless its "For" and "Against"
    columns are both there): marks under each label are counted; a total printed after the
    marks is taken when it agrees or when there are no marks to count."""
    lines = [ln.strip() for ln in region.split("\n") if ln.strip()]
    labels = [k for k, ln in enumerate(lines) if ln.lower() in _COLUMN]
    names = {lines[k].lower() for k in labels}
    if not ({"for", "in favour", "in favor", "yes"} & names and {"against", "no"} & names):
        return None
    v = Vote()
    seen = set()
    for k in labels:
        attr = _COLUMN[lines[k].lower()]
        if attr is None or attr in seen:
            continue
        seen.add(attr)
        j, marks = k + 1, 0
        while j < len(lines) and _MARK.match(lines[j]):
            marks += 1
            j += 1
        total = int(lines[j]) if j < len(lines) and re.fullmatch(r"\d{1,3}", lines[j]) else None
        if attr == "for_" and total != marks:
            return None  # marks lost or shuffled by the extraction: only a count its printed total confirms
        setattr(v, attr, total if total is not None and (total == marks or marks == 0) else marks)
    return v if v.for_ else None


# The same table flattened row by row: a "Name" header and the column labels one per line, then each
# member's name followed by their row's cells ("Name: / In Favour / Against / Abstain / Absent /
# Jo Bloggs (Ind) / √ / ... / Total / 30"). Empty cells do not survive the extraction, so only a mark
# straight after the name is placed (in the first column); the count stands only when the printed
# total of that column confirms it.
_ROW_HEADER = re.compile(r"(?im)^[ \t]*(?:name|member|councill?or)s?[ \t]*:?[ \t]*$")
_FAVOUR = {"for", "in favour", "in favor", "yes"}


def row_table_tally(region: str) -> Vote | None:
    """The first column's count and names of a roll-call table flattened row by row (see above),
    None unless its first column is the "for" column and its printed total confirms the count."""
    h = _ROW_HEADER.search(region)
    if h is None:
        return None
    raw = region[h.end():].split("\n")
    lines = [ln.strip() for ln in raw]
    k = 0
    while k < len(lines) and not lines[k]:
        k += 1
    labels = []
    while k < len(lines) and lines[k].lower() in _COLUMN:
        labels.append(lines[k].lower())
        k += 1
    if len(labels) < 2 or labels[0] not in _FAVOUR:
        return None
    yes: list[str] = []
    total = None
    while k < len(lines):
        ln = lines[k]
        if re.fullmatch(r"(?i)totals?:?", ln):
            j = k + 1
            while j < len(lines) and not lines[j]:
                j += 1
            total = int(lines[j]) if j < len(lines) and re.fullmatch(r"\d{1,3}", lines[j]) else None
            break
        if ln and not _MARK.match(ln) and re.search(r"[A-Za-z]{2,}", ln):
            if k + 1 < len(lines) and _MARK.match(lines[k + 1]):
                yes.append(ln)
        k += 1
    if total is None or total != len(yes) or not yes:
        return None
    return Vote(for_=total, yes=yes)
