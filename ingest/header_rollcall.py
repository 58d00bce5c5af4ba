"""Roll-call layouts put back into "label, then its list" lines before the roll call is read.

PDF text layers and flattened tables print a roll call in shapes `header_people.parse_attendance`
cannot read line by line: a column of labels over a column of lists (a table read column-wise),
a label's colon on a line of its own, labelled lists run together in one paragraph, an
officials' table whose cells each begin with a title, and members printed surname first. Each
function here reshapes one of those into the ordinary form, without deciding who attended.
"""
from __future__ import annotations

import re

from .header_dates import find_dates
from .header_people import _ITEM_LINE, _NAME_ROLE_LINE, _PRESENT, _ROLE_WORD, _STOP, _prose


def reshape(lines: list[str]) -> list[str]:
    """The roll-call lines with run-in labels split, lone colons joined and column-wise labels
    put back over their lists."""
    return relabel_columns(join_lone_colons(split_run_in_labels(list(lines))))


_SURNAME_FIRST = re.compile(r"^((?:(?:O|Mc|Mac)[’']\s?)?[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?),\s*([A-Z][\w’'-]*(?:\s[A-Z][\w’'-]+)?)\s*;?$")


def surname_first_lines(block: list[str]) -> bool:
    """Five or more lines, nearly all 'Surname, Forename' ("O’Brien, Eoghan", "Onwumereh, JK"),
    none of them a role: a members' list printed surname first, each line one person."""
    if len(block) < 5:
        return False
    hits = sum(1 for ln in block if _SURNAME_FIRST.match(ln.strip()) and not _ROLE_WORD.search(ln))
    return hits >= 0.8 * len(block)


def forename_first(block: list[str]) -> list[str]:
    """'Boland, Cathal' -> 'Cathal Boland;' (one person a line); other lines as they were."""
    return [(f"{m.group(2)} {m.group(1)};" if m else ln) for ln in block for m in [_SURNAME_FIRST.match(ln.strip())]]


# labels a roll call prints in a column of their own, each over the list it names
_COLUMN_LABEL = re.compile(r"^(?P<label>in\s+attendance|attendance|present|presiding|chair(?:man|person)?|members|councill?ors|"
                           r"apologies|absent|officials|officers|staff)\s*:\s*$", re.I)
_STARTS_GROUP = re.compile(r"^(?:councill?ors?|cllrs?\.?|members?|officials|officers)\s*[:,]\s*", re.I)


# "... and Claire Williams (CW). Parish Clerk: Peter King In attendance: four members of the public.":
# labelled lists run together on one line; each label starts a line of its own
_RUN_IN_LABEL = re.compile(r"(?<=[.;])\s+(?=(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+\s*:\s)"
                           r"|\s+(?=(?i:in\s+attendance|also\s+present|apologies|absent)\s*:\s)")


def split_run_in_labels(lines: list[str]) -> list[str]:
    """A line with a roll-call label whose text runs on into other labelled lists, split at each label."""
    out: list[str] = []
    for ln in lines:
        if ":" in ln and _PRESENT.match(ln.strip().lstrip("#*-•> ")):
            out.extend(p for p in _RUN_IN_LABEL.split(ln) if p.strip())
        else:
            out.append(ln)
    return out


def join_lone_colons(lines: list[str]) -> list[str]:
    """'Presiding' / ':' / 'Cllr Paddy Hill': a label whose colon a PDF put on a line of its own;
    'MEETINGS' / 'ADMINISTRATOR:   Ms. Lorraine McKee': a capitals label broken over two lines."""
    out: list[str] = []
    for ln in lines:
        if ln.strip() == ":" and out:
            out[-1] = out[-1].rstrip() + ":"
        elif out and re.fullmatch(r"[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)?", out[-1].strip()) \
                and re.match(r"^[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)?\s*:", ln.strip()):
            out[-1] = out[-1].strip() + " " + ln.strip()
        else:
            out.append(ln)
    return out


def relabel_columns(lines: list[str]) -> list[str]:
    """A roll-call table read column by column prints its labels first and their lists after
    ("In Attendance:" / "Presiding:" / "Members:" / "Apologies:" / "Officials:", then "Councillor,
    Kevin Callan — Cathaoirleach" / "Councillors: A, B, ..." / "Councillors: C, D" / "David
    Conway, Chief Executive" / ...). The labels are put back in front of their lists: each list
    but the last starts a new group ("Councillors: ..." or a "Name, Role" line after a comma list)
    and runs on while it wraps; the last label takes the lines that remain. A heading over the
    others ("In Attendance") names no list of its own."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _COLUMN_LABEL.match(lines[j].strip()):
            j += 1
        if j - i < 3:
            i = max(j, i + 1)
            continue
        labels = [lines[k].strip() for k in range(i, j)]
        if re.match(r"(?i)(?:in\s+)?attendance", labels[0]) and len(labels) > 3:
            labels = labels[1:]
        groups: list[list[int]] = []
        k = j
        while k < len(lines):
            ln = lines[k].strip()
            if not ln or find_dates(ln) or _TIME_ONLY.search(ln) and len(groups) == 0 and not _STARTS_GROUP.match(ln):
                k += 1
                continue  # the title's wrapped last line ("2.30pm and Thursday 6th March 2025 at 4.00pm")
            if _ITEM_LINE.match(ln) or _STOP.match(ln) or _prose(ln):
                break
            prev = lines[k - 1].strip() if groups else ""
            wraps = bool(groups) and k == groups[-1][-1] + 1 and not _STARTS_GROUP.match(ln) and (
                prev.endswith((",", "&", " and")) or ln[:1].islower() or ln.startswith("(")
                or ("," in prev and not prev.endswith((".", ";")) and not _is_name_role(ln)))
            if wraps:
                groups[-1].append(k)
            elif len(groups) == len(labels) - 1:
                break  # the last label's list begins here
            else:
                groups.append([k])
            k += 1
        if len(groups) < len(labels) - 1:
            i = j
            continue
        out = lines[:i]
        last = groups[-1][-1] + 1 if groups else j
        for label, group in zip(labels, groups):
            out.append(label)
            out.extend(_STARTS_GROUP.sub("", lines[g].strip()) for g in group)
        out.append(labels[-1])
        out.extend(lines[last:])
        return out
    return lines


_TIME_ONLY = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)", re.I)


def _is_name_role(ln: str) -> bool:
    """'David Conway, Chief Executive': one person and their office."""
    m = _NAME_ROLE_LINE.match(ln)
    return bool(m and _ROLE_WORD.search(m.group("role")) and "," not in m.group("role"))


_TITLED_NAME = re.compile(r"^(?P<name>(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+(?:[A-Z]\.?\s*){0,3}(?:(?:O|Mc|Mac)[’']\s?)?[A-Z][\w’'-]+"
                          r"(?:\s+(?!(?:Dir|Director|Head|Chief|Senior|Assistant|Administrator|Officer|Manager|Meetings)\b)[A-Z][a-z][\w’'-]+)?)")


def titled_cells(ln: str) -> list[str]:
    """The people in a line of an officials' table whose cells each begin with a title ("Mr. P.
    Corkery A/Dir Corporate Servi     Ms N.  O’ Sullivan Dir Eco & Com Dev"): the title and the
    name, not the office abbreviated after it (whose "&" and "," would split it into 'names')."""
    cells = [c.strip(" .,;") for c in re.split(r"\s{3,}|\t", ln) if c.strip(" .,;")]
    if len(cells) < 2:
        return []  # one cell ("Mr. F. Reidy, Chief Executive", "Cllr Iain Shonny Paterson Ward Councillor") is read as a line
    names = []
    for c in cells:
        m = _TITLED_NAME.match(c)
        if not m:
            return []
        names.append(re.sub(r"\s+", " ", m.group("name")))
    return names


# "MEMBERSHIP ATTENDANCE LOG", "Attendance Register", "Record of Attendance", or the column head
# "In Attendance Yes/No": a table of the members, one row each, ending in whether they came
_LOG_HEADING = re.compile(r"^(?:(?:membership|members['’]?|councillors['’]?)\s+)?(?:attendance\s+(?:log|register|record|sheet)|"
                          r"record\s+of\s+attendance)\b|\bin\s+attendance\s+(?:yes\s*/\s*no|y\s*/\s*n)\s*$", re.I)
_LOG_STATUS = {"y": "attendees", "yes": "attendees", "present": "attendees", "attended": "attendees", "in person": "attendees",
               "online": "attendees", "remote": "attendees", "n": "absent", "no": "absent", "absent": "absent",
               "apologies": "apologies", "apology": "apologies", "excused": "apologies"}
_LOG_HEADS = re.compile(r"(?i)\b(?:name|surname|representative|body|organisation|agency|sector|attendance|yes\s*/\s*no)\b")
_LOG_NAME = re.compile(r"^(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Supt|Insp|Sgt)\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}$")


def attendance_log(full_text: str) -> list[tuple[str, str]]:
    """(field, name) for each row of an attendance log printed as a table read row by row
    ("Cliona Barnes" / "Cork Business Association" / "Y"): the row's first line is the member,
    its last cell says whether they came (Y/Yes/Present → present, N/No/Absent → absent,
    Apologies → apologies). The log is the minutes' own roll call wherever it is printed (often
    after the signature); the table ends at its totals or at the first line that fits no row."""
    lines = [ln.strip() for ln in full_text.split("\n")]
    start = next((i for i, ln in enumerate(lines) if _LOG_HEADING.search(ln)), None)
    if start is None:
        return []
    out: list[tuple[str, str]] = []
    name: str | None = None
    cells = 0
    for ln in lines[start + 1:]:
        if not ln:
            continue
        status = _LOG_STATUS.get(ln.lower().strip(" .|"))
        if not out and name is None and _LOG_HEADS.search(ln):
            continue  # the table's column heads ("NAME SURNAME", "Representative Body", "In Attendance Yes/No")
        if status and name:
            out.append((status, name))
            name, cells = None, 0
        elif re.match(r"(?i)total|%", ln):
            break
        elif name is None and _LOG_NAME.match(ln):
            name, cells = ln, 0
        elif name is not None and cells < 3:
            cells += 1  # the member's body, role or seat
        elif out:
            break
        else:
            return []
    return out if len(out) >= 3 else []
