"""Who attended one meeting but not the other: attendance compared across two meetings.

"Which members attended the meeting of 20 June but not the one of 13 June?" is answered by
neither meeting's minutes alone: each lists who was present, and the answer is the names one
list has and the other lacks. The header parser (ingest/header*.py) reads each meeting's
attendance into `Meeting.attendees`; here the two lists are compared by name, and each name
the answer gives is quoted from the attended meeting's own text (its attendance item or its
header), so every name is a checkable citation. Nothing here is fitted.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.model import HEADER_ITEM, Answer, Citation, Meeting, SearchHit

from .answer import citation_for
from .question import Question, rule

if TYPE_CHECKING:
    from .answer import ExtractiveEngine

# "attended X but not Y", "were present at X and not at Y", "at X but not the one of Y"
_ATTEND_Q = re.compile(r"\b(?:attend\w*|present|absent|missed)\b", re.I)
_BUT_NOT = re.compile(r"\b(?:but|and) not\b|\bnot (?:at |in )?the (?:one|meeting|other)\b", re.I)
_TITLES = re.compile(r"\b(?:Councill?ors?|Cllrs?|Mayor|Mr|Mrs|Ms|Miss|Dr|Prof|Trustees?|Directors?|Commissioners?|"
                     r"Members?|Chair\w*|Vice|Deputy|President|Secretary|Treasurer)\b\.?", re.I)


def name_key(entry: str) -> str:
    """One person's name as a comparison key: handles (@addaleax), parentheses (roles,
    affiliations) and titles dropped, case and spacing ignored ("Anna Henningsen @addaleax
    (TSC)" == "Anna Henningsen")."""
    text = re.sub(r"@\S+|\([^)]*\)|\[[^\]]*\]", " ", entry)
    text = _TITLES.sub(" ", text)
    return " ".join(re.findall(r"[^\W\d_]+", text.lower()))


def asks_attendance_difference(q: Question) -> bool:
    return bool(_ATTEND_Q.search(q.text) and _BUT_NOT.search(q.text))


def _quoted(m: Meeting, entry: str) -> tuple[str, SearchHit] | None:
    """(quote, hit) for an attendance entry as written in the meeting: in an item (a
    "Present" section) or in the header."""
    for it in m.items:
        if entry in it.text:
            return entry, SearchHit(m.id, it.label, it.title, m.committee, m.council, m.date, 1.0, entry, "text",
                                    it.truncated)
    if entry in m.preamble:
        head = m.header_item()
        return entry, SearchHit(m.id, HEADER_ITEM, head.title, m.committee, m.council, m.date, 1.0, entry, "text")
    return None


def attendance_difference(engine: "ExtractiveEngine", q: Question, meetings: list[Meeting],
                          order: list[Meeting]) -> Answer | None:
    """The people listed as attending the first meeting the question names (`order[0]`) and
    not the second (`order[1]`), each quoted from the first meeting. None when the question
    does not ask this, names other than two meetings, or either meeting has no parsed
    attendance (the ordinary cross-meeting answer then serves)."""
    if not rule("timeline_attendance_diff") or len(meetings) != 2 or len(order) != 2 or not asks_attendance_difference(q):
        return None
    there, away = order
    if not there.attendees or not away.attendees:
        return None
    others = {name_key(e) for e in away.attendees}
    only = [e for e in there.attendees if name_key(e) and name_key(e) not in others]
    citations: list[Citation] = []
    lines = []
    for entry in only:
        found = _quoted(there, entry)
        if found is None:
            continue
        citations.append(citation_for(there, found[1], found[0]))
        lines.append(f"- {entry} [{len(citations)}]")
    from .timeline import _when

    if not lines:
        return None  # nobody to quote: the ordinary answer (or its refusal) serves
    engine.last_evidence = {"score": 1.0, "cover": 1.0}
    head = f"Listed as attending the meeting of {_when(there)} but not that of {_when(away)}:"
    return Answer(q.text, head + "\n" + "\n".join(lines), False, citations, "extractive")
