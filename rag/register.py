"""The decisions register and the member view: queries over the decisions stored with each
meeting (`Meeting.decisions`, extracted at ingest by `ingest/decisions.py`).

One module answers for the CLI (`minutes decisions`, `minutes member`), the app's register
and member pages, briefings and the answer engine, so a decision is found, filtered and
cited the same way everywhere. Everything returned is data (`Decision`, `MemberRecord`)
with a `Citation` whose quote is a verbatim slice of the item, so it can be checked.

For ANSWERS:

- `find_decisions(meetings, "play area budget", outcome="deferred", member="Cllr Smith")`
  ranks decisions by how many of the topic words they (or their item title) contain: "what
  was decided about X", "who moved/seconded X" (read `.mover`/`.seconder`), "how did the vote
  go" (`.vote`), "what was deferred at ..." (`outcome="deferred"`).
- `member_record(meetings, "Cllr Y")` lists Y's attendance and every recorded move, second
  and named vote; `how_member_voted(decision, "Cllr Y")` says how Y voted on one decision
  ("for", "against", "abstained", "absent", "moved", "seconded") or None when not recorded.

Members are matched by `ingest.decisions.same_member` (titles stripped; a surname matches a
fuller form with the same surname), because minutes print the same person as "Cllr. P.
Harries", "Councillor Harries" and "Harries" in one document.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from ingest.decisions import item_decisions, same_member
from ingest.model import HEADER_ITEM, OUTCOMES, Citation, Decision, Meeting

# --------------------------------------------------------------------------------------------
# Reading decisions from meetings
# --------------------------------------------------------------------------------------------


def _meetings(source) -> list[Meeting]:
    """Meetings from a store (anything with `.meetings()`) or an iterable of Meetings."""
    if hasattr(source, "meetings") and callable(source.meetings):
        return list(source.meetings())
    return list(source)


def decisions_of(meeting: Meeting) -> list[Decision]:
    """The meeting's decisions; meetings stored before decisions were extracted at ingest
    get them extracted now (from the stored item texts, without changing the meeting)."""
    if meeting.decisions:
        return list(meeting.decisions)
    out: list[Decision] = []
    if meeting.preamble:
        out += item_decisions(meeting, meeting.header_item())
    for it in meeting.items:
        out += item_decisions(meeting, it)
    return out


def citation(d: Decision, meeting: Meeting | None = None) -> Citation:
    """Where the decision stands: its meeting and item, quoting its verbatim text."""
    truncated = False
    if meeting is not None:
        it = meeting.item(d.item_number)
        truncated = bool(it and it.truncated)
    return Citation(d.meeting_id, d.council, d.committee, d.date, d.item_number, d.item_title, d.text, truncated)


_PROCEDURAL_TEXT = re.compile(
    r"\b(?:confirmed|approved|agreed|accepted|adopted|signed)\b[^.]{0,60}\b(?:correct|true|accurate)\s+(?:record|account)\b|"
    r"\bminutes\b[^.]{0,80}\b(?:be\s+|were\s+|are\s+)?(?:confirmed|approved|signed|agreed|accepted|adopted)\b|"
    r"\b(?:approve|adopt|accept)\s+the\s+(?:\w+\s+){0,3}minutes\b|\bto\s+adjourn\b|\bbe\s+adjourned\b|"
    r"\b(?:apologies|declarations?\s+of\s+interest|pecuniary\s+interests?)\b|\bapprov\w*\s+(?:of\s+)?the\s+agenda\b",
    re.I,
)


def is_procedural(d: Decision) -> bool:
    """Housekeeping rather than business: minutes confirmed, agenda approved, adjournment,
    apologies or interests noted. The register can hide these on request."""
    return bool(_PROCEDURAL_TEXT.search(d.text))


# --------------------------------------------------------------------------------------------
# Filters
# --------------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9£$€%]+", (text or "").lower())


def involves(d: Decision, member: str) -> bool:
    """Did the member move, second, or have a recorded vote on this decision?"""
    return how_member_voted(d, member) is not None


def how_member_voted(d: Decision, member: str) -> str | None:
    """'moved', 'seconded', 'for', 'against', 'abstained' or 'absent' for this member on this
    decision, as the minutes record it; None when they do not name the member."""
    if d.mover and same_member(d.mover, member):
        return "moved"
    if d.seconder and same_member(d.seconder, member):
        return "seconded"
    v = d.vote
    if v is not None:
        for label, names in (("for", v.yes), ("against", v.no), ("abstained", v.abstained), ("absent", v.absent)):
            if any(same_member(n, member) for n in names):
                return label
    return None


def filter_decisions(rows: Iterable[Decision], committee: str | None = None, date_from: str | None = None,
                     date_to: str | None = None, outcome: str | None = None, member: str | None = None,
                     text: str | None = None, council: str | None = None, meeting_id: str | None = None) -> list[Decision]:
    """Rows matching every given filter.

    committee/council: words of it appear in the name (case-insensitive, "safeguarding"
    matches "Safeguarding Overview and Scrutiny Committee"); date_from/date_to: ISO dates,
    inclusive (undated meetings are left out when a date filter is given); outcome: one of
    OUTCOMES; member: moved, seconded or has a recorded vote; text: every word appears in
    the decision or its item title.
    """
    if outcome and outcome not in OUTCOMES:
        from ingest.errors import MinutesError

        raise MinutesError(f"unknown outcome '{outcome}' (one of: {', '.join(OUTCOMES)})")
    for label, value in (("from", date_from), ("to", date_to)):
        if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            from ingest.errors import MinutesError

            raise MinutesError(f"--{label} date '{value}' is not a date in YYYY-MM-DD form")
    want = _words(text) if text else []
    out = []
    for d in rows:
        if committee and not all(w in _words(d.committee or "") for w in _words(committee)):
            continue
        if council and not all(w in _words(d.council or "") for w in _words(council)):
            continue
        if meeting_id and d.meeting_id != meeting_id:
            continue
        if (date_from or date_to) and not d.date:
            continue
        if date_from and d.date < date_from:
            continue
        if date_to and d.date > date_to:
            continue
        if outcome and d.outcome != outcome:
            continue
        if member and not involves(d, member):
            continue
        if want:
            have = set(_words(f"{d.text} {d.item_title}"))
            if not all(w in have for w in want):
                continue
        out.append(d)
    return out


def decisions(source, committee: str | None = None, date_from: str | None = None, date_to: str | None = None,
              outcome: str | None = None, member: str | None = None, text: str | None = None,
              council: str | None = None, meeting_id: str | None = None) -> list[Decision]:
    """The register: every decision of the stored meetings (a store or a list of meetings),
    oldest meeting first and in document order within a meeting, filtered as
    `filter_decisions` describes."""
    rows: list[Decision] = []
    for m in sorted(_meetings(source), key=lambda m: (m.date or "9999", m.committee or "", m.id)):
        rows += decisions_of(m)
    return filter_decisions(rows, committee, date_from, date_to, outcome, member, text, council, meeting_id)


_STOP = set("a an the of to and or in on for at by with was were is are be been what which who whom how did do does "
            "decided decision decisions about regarding any it that this these those meeting committee council "
            "moved seconded vote voted".split())


def find_decisions(meetings, topic_words: str | Iterable[str], outcome: str | None = None, member: str | None = None,
                   committee: str | None = None, date_from: str | None = None, date_to: str | None = None,
                   limit: int | None = None) -> list[Decision]:
    """Decisions about a topic, best first: for "what was decided about X", "who moved X",
    "how did Cllr Y vote on X", "what was deferred at ...".

    `topic_words`: a phrase or words; question words and generic words ("decided",
    "committee", ...) are ignored. A decision scores the share of the remaining words found
    in its text or item title (a word counts when a decision word starts with it, so
    "defer" finds "deferred"); decisions sharing none are left out. With no topic words left,
    every decision passing the filters is returned in register order. Ties keep register
    order (oldest first).
    """
    words = _words(topic_words if isinstance(topic_words, str) else " ".join(topic_words))
    words = [w for w in words if w not in _STOP and len(w) > 1]
    rows = decisions(meetings, committee, date_from, date_to, outcome, member)
    if not words:
        return rows[:limit] if limit else rows
    scored = []
    for i, d in enumerate(rows):
        have = _words(f"{d.text} {d.item_title}")
        hits = sum(1 for w in set(words) if any(h == w or (len(w) >= 4 and h.startswith(w)) for h in have))
        if hits:
            scored.append((-hits / len(set(words)), i, d))
    ranked = [d for _, _, d in sorted(scored, key=lambda t: (t[0], t[1]))]
    return ranked[:limit] if limit else ranked


# --------------------------------------------------------------------------------------------
# The member view
# --------------------------------------------------------------------------------------------


@dataclass
class AttendanceEntry:
    meeting_id: str
    date: str | None
    committee: str | None
    title: str
    status: str  # present | apologies | absent
    name_as_printed: str
    citation: Citation


@dataclass
class MemberAction:
    meeting_id: str
    date: str | None
    committee: str | None
    item_number: str
    item_title: str
    text: str
    outcome: str
    how: str  # moved | seconded | for | against | abstained | absent
    citation: Citation


@dataclass
class MemberRecord:
    name: str
    attendance: list[AttendanceEntry] = field(default_factory=list)
    votes: list[MemberAction] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def summary(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for a in self.attendance:
            out[a.status] = out.get(a.status, 0) + 1
        for v in self.votes:
            out[v.how] = out.get(v.how, 0) + 1
        return out


def _header_citation(m: Meeting, quote: str) -> Citation:
    return Citation(m.id, m.council, m.committee, m.date, HEADER_ITEM, "Attendance and meeting details", quote)


def member_record(meetings, name: str) -> MemberRecord:
    """Attendance (present / apologies / absent, from each meeting's attendance lists) and
    every recorded move, second and named vote of one member across the stored meetings,
    oldest first, each cited: attendance to the meeting's attendance details (quoting the
    name as printed where the preamble prints it), votes to the decision's item."""
    rec = MemberRecord(name)
    for m in sorted(_meetings(meetings), key=lambda m: (m.date or "9999", m.committee or "", m.id)):
        for status, names in (("present", m.attendees), ("apologies", m.apologies), ("absent", m.absent)):
            hit = next((n for n in names if same_member(n, name)), None)
            if hit:
                quote = hit if hit in (m.preamble or "") else m.title
                rec.attendance.append(AttendanceEntry(m.id, m.date, m.committee, m.title, status, hit,
                                                      _header_citation(m, quote)))
                break
        for d in decisions_of(m):
            how = how_member_voted(d, name)
            if how:
                rec.votes.append(MemberAction(m.id, m.date, m.committee, d.item_number, d.item_title, d.text,
                                              d.outcome, how, citation(d, m)))
    return rec


def vote_summary(d: Decision) -> str:
    """'5 for, 1 against, 1 abstained' (counts, or list lengths where only names are given)."""
    v = d.vote
    if v is None:
        return ""
    n_for = v.for_ if v.for_ is not None else (len(v.yes) if v.yes else None)
    n_against = v.against if v.against is not None else (len(v.no) if (v.no or v.yes) else None)
    n_abs = v.abstain if v.abstain is not None else (len(v.abstained) if v.abstained else None)
    parts = []
    if n_for is not None:
        parts.append(f"{n_for} for")
    if n_against is not None:
        parts.append(f"{n_against} against")
    if n_abs:
        parts.append(f"{n_abs} abstained")
    if v.absent:
        parts.append(f"absent: {', '.join(v.absent)}")
    return ", ".join(parts)
