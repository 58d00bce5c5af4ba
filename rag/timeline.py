"""A topic across meetings: every meeting/item that discussed it, in date order, one cited
line each — what a user asks when following an issue over time (the timeline page), and the
answer to a question across meetings ("how did X progress"): a dated, cited line per meeting."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as _date

from ingest.model import Answer, Citation, Meeting, display_date

from .answer import REFUSAL_TEXT, Candidate, ExtractiveEngine, _engine_for, citation_for, truncation_notices
from .meeting_match import _date_parts, date_fits, resolve_meetings
from .question import MeetingRef, Question, keywords, rule
from .retrieve import Filters, Retriever, check_query
from .sentences import is_label, split_sentences
from .timeline_thread import THREAD_WEIGHT, follow_thread, mark_thread, on_thread, thread_query

# A timeline line per meeting needs the topic's words, not a fact of a kind: half of them
# (idf-weighted) will do. A design choice, not fitted (12 timeline questions are too few).
TIMELINE_COVER = 0.5
TIMELINE_SECOND = 0.08  # a second line per meeting within this score of its best (a design choice, not fitted)
# A timeline reads each meeting it covers. When a question names more meetings than this (a body's
# every meeting in a large store), one search over all of them picks the ones on the topic
# (SPEED: 285 per-meeting searches took 20 s at 100,000 passages; the corpus names at most 3).
TIMELINE_MAX_MEETINGS = 12
TIMELINE_ITEMS = 3  # items read per meeting (a design choice, not fitted)
# An item this short (characters, about a hundred words) is quoted whole as its meeting's part
# of a story (`_whole_item`; a design choice, not fitted).
TIMELINE_WHOLE_ITEM = 600


@dataclass
class TimelineEntry:
    citation: Citation
    score: float

    def to_dict(self) -> dict:
        return {**self.citation.to_dict(), "score": round(self.score, 4)}


def timeline(retriever: Retriever, topic: str, filters: Filters | None = None, max_items: int = 20,
             min_score: float | None = None) -> list[TimelineEntry]:
    """Items on the topic, oldest first (undated meetings last).

    An item is on the topic when its best sentence passes the bar for answering a question
    (the engine's refusal parameters) and covers at least half of the topic's words (as a
    timeline answer's line must), or scores `min_score` when one is given.
    """
    topic = check_query(topic)
    engine: ExtractiveEngine = _engine_for(retriever)
    bar = engine.threshold if min_score is None else min_score
    hits = retriever.search(topic, filters, top_k=max_items)
    cands = engine.candidates(hits, "general", topic)
    engine.score(topic, cands, "general")
    best: dict[tuple[str, str], object] = {}
    for c in sorted(cands, key=lambda c: c.score, reverse=True):
        key = (c.hit.meeting_id, c.hit.item_number)
        on_topic = c.score >= bar and (min_score is not None or c.features.get("cover", 0.0) >= max(engine.min_cover, TIMELINE_COVER))
        if key not in best and not c.is_title and c.valid and on_topic:
            best[key] = c
    entries = [
        TimelineEntry(citation_for(retriever.store.get_meeting(c.hit.meeting_id), c.hit, c.text), c.score)
        for c in best.values()
    ]
    entries.sort(key=lambda e: (e.citation.date is None, e.citation.date or "", e.citation.committee or "", e.citation.item_number))
    return entries


def across_meetings(engine: ExtractiveEngine, q: Question, meetings: list[Meeting] | None,
                    filters: Filters | None) -> list[Meeting] | None:
    """The meetings a question asks about one by one, oldest first; None when it asks about
    one meeting (or none in particular) and the ordinary answer serves.

    Three ways a question spans meetings: a span of months ("from May to July": every meeting
    between, `span_meetings`); a list of meeting dates ("at its October 2022 and April 2024
    meetings", "the special meetings of March 16 and March 23": `listed_meetings`), whatever
    it asks of each; or a story over the meetings it names ("how did X progress over its
    May, June and July meetings"). Why here, before the single-meeting path: a span whose
    named ends resolve to one stored meeting, or dates whose first day narrows the question
    to one meeting, never reached the per-meeting answer."""
    several = (span_meetings(engine, q, filters) or listed_meetings(engine, q, filters)) if rule("timeline_span") else None
    if several:
        return several
    if q.answer_type == "timeline" and meetings and len(meetings) > 1:
        return meetings
    return None


# What each meeting's part of a cross-meeting answer is: a fact of the asked type found by
# the ordinary answer restricted to that meeting ("who was president at its October and April
# meetings": a person beside the office, in each), or for a story, a question of what
# happened and anything else, the meeting's lines on the topic (`_meeting_lines`).
TYPED_PART = ("person", "date", "amount", "count", "vote", "list", "why")


def part_question(q: Question, m: Meeting | None = None) -> Question:
    """The question one meeting's part answers: the question with the dates that pick the
    meetings replaced by that meeting's own ("At what time did the Council's special meetings
    of March 16 and March 23, 2020 adjourn?" -> "... meetings of 23 March 2020 adjourn?"),
    parsed anew, so its type is what is asked of each meeting rather than "timeline", and the
    meeting's own date is a date the question gives (the evidence check for "when" then wants
    another: the time it adjourned, not the heading's date)."""
    from .question import parse_question

    if not rule("timeline_typed"):
        return q
    found = list(_DATES.finditer(q.text))
    if not found:
        return parse_question(q.text)
    parts = _date_parts(m) if m is not None else None
    own = ""
    if parts:
        d = _date(*parts)
        own = f"{d.day} {d:%B %Y}" if any(x.group("d1") or x.group("d2") for x in found) else f"{d:%B %Y}"
    text = q.text[: found[0].start()] + own + q.text[found[-1].end():]
    return parse_question(" ".join(text.split()))


def timeline_answer(self: ExtractiveEngine, q: Question, meetings: list[Meeting], filters: Filters | None) -> Answer:
    """"How did X progress over the May, June and July meetings": for each meeting, oldest
    first, its part (a fact of the asked type, `_typed_part`, or its lines on the topic,
    `_meeting_lines`), dated and cited. A quote's own line breaks are kept, indented under its
    meeting's entry (a roll call's lines stay lines; the list stays a list)."""
    if rule("timeline_attendance_diff"):
        # "who attended the meeting of 20 June but not the one of 13 June": the two attendance lists compared
        from .timeline_attendance import attendance_difference

        diff = attendance_difference(self, q, meetings, _in_question_order(q, meetings))
        if diff is not None:
            return diff
    parts: list[tuple[Meeting, list[tuple[str, Citation, float]]]] = []
    best_score = None
    about = _story_topic(q.topic)
    topic = replace(q, text=about, kind="general", answer_type="other", across_meetings=False,
                    words=tuple(dict.fromkeys(keywords(about))), predicate=None, entities=())
    if len(meetings) > TIMELINE_MAX_MEETINGS:
        meetings = _timeline_meetings(self, topic, meetings, filters)
    typed = part_question(q).answer_type in TYPED_PART and rule("timeline_typed")
    story: dict[str, list[Candidate]] = {}  # a story meeting's lines, by meeting id
    told: list[Meeting] = []  # the meetings read for the story's lines (not for a fact of a type)
    kept: dict[str, list[tuple[str, Citation, float]]] = {}
    for m in meetings:
        part = _typed_part(self, part_question(q, m), m, filters) if typed else None
        if part is None:
            told.append(m)
            lines = _story_lines(self, m, topic, about, filters)
            # a meeting's line must be on the topic: evidence enough, or most of the topic's words
            if not lines or not (self.passes(lines[0]) or lines[0].features.get("cover", 0) >= TIMELINE_COVER):
                continue
            story[m.id] = lines
            part = _story_part(self, m, lines)
        kept[m.id] = part
    if story and len(told) > 1 and rule("timeline_thread"):
        # each meeting's part read again beside its neighbour's (rag/timeline_thread.py)
        lines_of = follow_thread(self, told, story,
                                 lambda m, thread, alone: _story_lines(self, m, topic, about, filters, thread, alone))
        kept.update((m.id, _story_part(self, m, lines_of[m.id])) for m in told if m.id in lines_of)
    parts = [(m, kept[m.id]) for m in meetings if m.id in kept]
    for m, part in parts:
        best_score = max(best_score or -1e9, part[0][2])
    if not parts:
        return Answer(q.text, REFUSAL_TEXT, True, [], "extractive", confidence=best_score)
    citations: list[Citation] = []
    lines_out = []
    for m, part in parts:
        shown = []
        for text, cite, _ in part:
            citations.append(cite)
            shown.append(f"{_indented(text)} [{len(citations)}]")
        lines_out.append(f"- {_when(m)}: " + " ".join(shown))
    text = "\n".join(lines_out)
    notices = truncation_notices(citations)
    if notices:
        text += "\n\n" + " ".join(notices)
    return Answer(q.text, text, False, citations, "extractive", confidence=round(best_score, 4))


def _story_lines(self: ExtractiveEngine, m: Meeting, topic: Question, about: str, filters: Filters | None,
                 thread: list[str] | None = None, thread_only: bool = False) -> list[Candidate]:
    """One meeting's lines on the story's topic (`_meeting_lines`) from the items a search for
    the topic finds in it, and, given the thread (the lines a neighbouring meeting gave the
    story), the items a search for the thread finds too: the matter is named from meeting to
    meeting much as it was last time ("offer the job to Carrie Landman" -> "welcomed Carrie
    Landman who will be learning about the clerk job"), often under an item the topic's words
    do not reach."""
    hits, _ = self.retrieve(topic, filters, [m], top_k=TIMELINE_ITEMS)
    if thread:
        have = {h.item_number for h in hits}
        more, _ = self.retrieve(thread_query(thread), filters, [m], top_k=TIMELINE_ITEMS)
        hits = hits + [h for h in more if h.item_number not in have]
    self.last_hits += hits
    return _meeting_lines(self, topic, about, hits, thread, thread_only)


def _story_part(self: ExtractiveEngine, m: Meeting, lines: list[Candidate]) -> list[tuple[str, Citation, float]]:
    """A story meeting's part of the answer: its short item whole, else its lines; each cited."""
    whole = _whole_item(self, lines[0])
    part = [(whole[0], citation_for(m, whole[1], whole[0]), lines[0].score)] if whole else \
        [(c.text, citation_for(m, c.hit, c.text), c.score) for c in lines]
    if whole and rule("timeline_whole_keeps"):
        # the short item quoted whole stands for its own lines, not for a line of another item
        # ("welcomed Carrie Landman who will be learning about the clerk job" under "Call to order"
        # beside a short fire department item that names her)
        part += [(c.text, citation_for(m, c.hit, c.text), c.score) for c in lines[1:] if not _same_item(c, lines[0])]
    ev = self.last_evidence or {"score": -1e9, "cover": 0.0}
    self.last_evidence = {"score": max(ev["score"], max(c.score for c in lines)),
                          "cover": max(ev["cover"], max(c.features.get("cover", 0.0) for c in lines))}
    return part


def _in_question_order(q: Question, meetings: list[Meeting]) -> list[Meeting]:
    """The meetings in the order the question names their dates ("attended the meeting of 20
    June but not the one of 13 June": 20 June first); those it does not date at the end."""
    order: list[Meeting] = []
    for year, month, day in named_dates(q.text, q.meeting.years):
        for m in meetings:
            parts = _date_parts(m)
            if parts and m not in order and (year is None or parts[0] == year) and parts[1] == month \
                    and (day is None or parts[2] == day):
                order.append(m)
    return order + [m for m in meetings if m not in order]


def _whole_item(self: ExtractiveEngine, lead: Candidate) -> tuple[str, object] | None:
    """(text, hit) of the short item holding the meeting's lead line, quoted whole as that
    meeting's part of the story. Why: a story's step is told across an item's few sentences
    ("Motion ... to offer the job to Carrie Landman" after "the supervisors got together with
    Carrie Landman") and often in words the question does not use, so one or two sentences
    chosen by the topic's words left out the step the summary rests on. None for a long item
    (a management report of fifty sentences): there the chosen lines stay. (Quoting the item
    the search ranks first instead of the lead line's item was tried: it won one corpus
    meeting and lost another, so the line-level choice of item stays.)"""
    if not rule("timeline_whole_item"):
        return None
    item = self._item(lead.hit)
    if item is None or not item.text.strip() or len(item.text) > TIMELINE_WHOLE_ITEM:
        return None
    if " ".join(lead.text.split()) not in " ".join(item.text.split()):
        return None  # an item number the meeting uses twice (numbering restarts): not this item
    return item.text.strip(), lead.hit


def _typed_part(self: ExtractiveEngine, each: Question, m: Meeting, filters: Filters | None
                ) -> list[tuple[str, Citation, float]] | None:
    """One meeting's answer to `each` by the ordinary engine (its evidence checks for the
    asked type), as (quote, citation, score); None when it refuses there."""
    saved_evidence, saved_hits = self.last_evidence, self.last_hits
    try:
        found = self.answer(each, replace(filters or Filters(), meeting_id=m.id))
        evidence, hits = self.last_evidence, self.last_hits
    finally:
        self.last_evidence, self.last_hits = saved_evidence, saved_hits
    self.last_hits = (self.last_hits or []) + list(hits or [])
    if found.refused or not found.citations:
        return _best_passing(self, each, m, filters)
    if evidence:
        ev = self.last_evidence or {"score": -1e9, "cover": 0.0}
        self.last_evidence = {"score": max(ev["score"], evidence["score"]), "cover": max(ev["cover"], evidence["cover"])}
    score = found.confidence if found.confidence is not None else (evidence or {}).get("score", 0.0)
    return [(c.quote, c, score) for c in found.citations]


def _best_passing(self: ExtractiveEngine, each: Question, m: Meeting, filters: Filters | None
                  ) -> list[tuple[str, Citation, float]] | None:
    """The best line of the meeting that passes the evidence checks and holds some of the
    topic's words, where the ordinary answer refused: its best-scored line lacked the topic
    cover (a heading close in meaning, "Special Town Council Meeting, Monday, March 23",
    out-scoring "adjourned the meeting at 9:03 p.m."), or the fact's line holds only part of a
    question written for several meetings ("the special meetings of ... adjourn": "special
    meetings" name them, "time" is the type asked). Within one meeting of several the question
    lists, the meeting is settled and the check for the asked type (a time of day) has passed,
    so one of the topic's words will do."""
    if not rule("timeline_passing"):
        return None
    hits, _ = self.retrieve(each, replace(filters or Filters(), meeting_id=m.id), [m])
    cands = self.candidates(hits, each.kind, each.text)
    self.score(each, cands)
    ok = sorted((c for c in cands if c.valid and not c.is_title and c.score >= self.threshold
                 and c.features.get("cover", 0.0) > 0), key=lambda c: c.score, reverse=True)
    if not ok:
        return None
    best = ok[0]
    ev = self.last_evidence or {"score": -1e9, "cover": 0.0}
    self.last_evidence = {"score": max(ev["score"], best.score), "cover": max(ev["cover"], best.features.get("cover", 0.0))}
    return [(best.text, citation_for(m, best.hit, best.text), best.score)]


def _indented(text: str) -> str:
    """A quote for a timeline entry: its lines kept, each after the first indented (so in
    Markdown and on a terminal they continue the entry rather than break the list)."""
    rows = [row.strip() for row in text.strip().splitlines()]
    return "\n  ".join(row for row in rows if row)


_STORY_FRAME = re.compile(r"\b(?:across|over|through(?:out)?|during)\s+(?:[\w’'-]+\s+){0,6}?(?:meetings?|minutes)\b"
                          r"|\s+\b(?:across|between|from|over|of|to)\s*$", re.I)


def _story_topic(topic: str) -> str:
    """The question's topic without framing the question parser left in it ("the library
    reopening across Govan Community Council's meetings", "... position of"): a word like
    "across" is in no sentence, so it would count against every line's topic cover alike."""
    cleaned = _STORY_FRAME.sub(" ", topic)
    cleaned = _STORY_FRAME.sub(" ", cleaned)
    return " ".join(cleaned.split()) or topic


def _meeting_lines(self: ExtractiveEngine, topic: Question, topic_text: str, hits: list,
                   thread: list[str] | None = None, thread_only: bool = False) -> list[Candidate]:
    """One meeting's part of the story: its lines on the topic, the one that leads first.

    A line must hold some of the topic's words (a sentence close in meaning but about
    something else, "This is a credit to the staff", tells no part of the story), and lines
    rank by score plus topic cover, so the sentence about the topic beats a passing mention
    ("... hold our AGM in the Library if available"). A decision the register records on
    the topic comes first (what was done), then the best sentence when it says something
    else (where things stand). Design choices, not fitted (12 corpus questions are too few);
    "the line from the search's first item" was tried too and lost a question.

    Given the thread (the lines the neighbouring meeting gave the story), a line's closeness to
    it counts beside its score and topic cover, and a line close to it is on the topic though it
    shares none of the question's words; `thread_only` (the topic's words found nothing here)
    ranks and admits lines by the thread alone.
    """
    cands = self.candidates(hits, "general", topic_text)
    self.score(topic, cands)
    valid = sorted((c for c in cands if c.valid and not c.is_title), key=lambda c: c.score, reverse=True)
    if not valid:
        return []
    if thread:
        mark_thread(self, valid, thread)
    if rule("timeline_cover_rank") or thread:
        valid.sort(key=_rank, reverse=True)
    if thread and thread_only:  # the topic's words found no line here: the thread alone ranks and admits them
        valid.sort(key=lambda c: c.features.get("thread", 0.0), reverse=True)
        valid = [c for c in valid if on_thread(c)] or valid[:1]
    if rule("timeline_on_topic"):
        valid = [c for c in valid if c.features.get("cover", 0.0) > 0 or on_thread(c)] or valid
    best = valid[0]
    lines = [best]
    if rule("timeline_decision_first"):
        decided = [c for c in valid if _rank(c) >= _rank(best) - TIMELINE_SECOND and _records_decision(self, c)]
        if decided and decided[0] is not best:
            lines = [decided[0]] + ([] if _overlaps(best.text, decided[0].text) else [best])
    if len(lines) == 1 and rule("timeline_second"):
        # a meeting's part of the story often takes two sentences: add the next best on
        # the topic when it is nearly as good and says something else; where the two run
        # into each other in the item they become one quote
        second = [c for c in valid[1:8] if c.text not in best.text and (
            c.score >= best.score - TIMELINE_SECOND or (rule("timeline_full_cover") and _same_item(c, best)
                                                       and c.features.get("cover", 0.0) >= best.features.get("cover", 0.0)))]
        if rule("timeline_second_develops"):
            # of the lines fit to be second, one that dates a step over one that only says
            # where things stand
            second.sort(key=lambda c: not dates_a_step(c.text, c.hit.date))
        if second:
            joined = _joined(self, best, second[0])
            lines = [joined] if joined is not None else lines + ([] if _overlaps(best.text, second[0].text) else second[:1])
    if rule("timeline_label_body"):
        # a line that only names the matter ("process: add allowedEnvironmentNodeFlags property
        # #19335", an agenda issue's title) tells nothing of what happened: the notes under it do
        lines = [_with_body(self, c) for c in lines]
    if rule("timeline_step"):
        # what was done about it in the item the story is told in ("It was AGREED that we should
        # publicise our local campaign"): a decision the register records there, on the topic,
        # is a step of the story however far its wording is from the question's
        taken = " ".join(c.text for c in lines)
        done = [c for c in valid if _same_item(c, best) and c.features.get("cover", 0.0) > 0
                and not _overlaps(taken, c.text) and _records_decision(self, c)]
        if done:
            lines = lines + done[:1]
    return lines


_NEXT_MEETING = re.compile(r"\b(?:next|following|future|upcoming)\s+(?:\w+\s+)?(?:meeting|session)s?\b|\bmeet again\b",
                           re.I)


def dates_a_step(text: str, meeting_date: str | None) -> bool:
    """The line dates a step of the story: it names a calendar date other than the meeting's
    own (a letter sent "on 23 May", an article "of 12 June", an away day "on 21st April"),
    which is how minutes of any body record when something was done or is to be; the next
    meeting's date is the body's calendar, not a step. (A sum or a decision the register
    records as the mark was tried too: a line with a sum or a decision on another matter of
    the same item came second, and a corpus question was lost.)"""
    text = " ".join(s for s in split_sentences(" ".join(text.split())) if not _NEXT_MEETING.search(s))
    return any(not meeting_date or not _same_day(found.group(0), meeting_date) for found in _CALENDAR.finditer(text))


def _same_day(written: str, iso: str) -> bool:
    """A written date ("October 19", "19th October") is the ISO date's day and month."""
    try:
        d = _date.fromisoformat(iso[:10])
    except ValueError:
        return False
    words = written.lower().replace(",", " ").replace(".", " ").split()
    days = {re.sub(r"(?:st|nd|rd|th)$", "", w) for w in words}
    return _MONTHS[d.month - 1] in words and str(d.day) in days


def _title_line(line: str) -> bool:
    """A short line that names a matter rather than records one: a verbless label, or an
    unpunctuated line naming an issue ("process: add allowedEnvironmentNodeFlags property
    #19335", "Proposal: add all new core modules under a scope? (too late for http2) #389")."""
    line = line.strip()
    return bool(line) and "\n" not in line and len(line.split()) <= 16 and not line.endswith((".", "!", ";", ",")) \
        and (len(line.split()) <= 3 or is_label(line) or line.endswith(("?", ")"))
             or bool(re.search(r"#\d+$|^[^\s:]{2,30}:\s", line)))


def _with_body(self: ExtractiveEngine, c: Candidate, max_chars: int = 600, max_paragraphs: int = 3) -> Candidate:
    """A quote that opens with a title line standing as its own paragraph, with the paragraphs
    under it up to the next title line (at most three, 600 characters), as one verbatim quote;
    anything else as it is. The title names the matter; the notes under it say what happened."""
    if not _title_line(c.text.strip().split("\n")[0]):
        return c
    item = self._item(c.hit)
    text = item.text if item is not None else ""
    start = text.find(c.text)
    if start < 0 or (start > 0 and text[start - 1] != "\n"):
        return c
    end = start + len(c.text)
    line_end = text.find("\n", end)
    end = len(text) if line_end < 0 else line_end  # the rest of the quote's last line
    stop = end
    # the notes stand in the paragraphs under it
    for k, para in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[end:]) if text[end: end + 2] == "\n\n" else ()):
        if k >= max_paragraphs or _title_line(para.group(0)) or end + para.end() - start > max_chars:
            break
        stop = end + para.end()
    return c if stop == start + len(c.text) else replace(c, text=text[start:stop])


def _same_item(a: Candidate, b: Candidate) -> bool:
    return (a.hit.meeting_id, a.hit.item_number) == (b.hit.meeting_id, b.hit.item_number)


def _joined(self: ExtractiveEngine, a: Candidate, b: Candidate) -> Candidate | None:
    """Two lines of one item that overlap or stand side by side, as one verbatim quote from
    the start of the first to the end of the last (None when they stand apart)."""
    if (a.hit.meeting_id, a.hit.item_number) != (b.hit.meeting_id, b.hit.item_number):
        return None
    item = self._item(a.hit)
    text = item.text if item is not None else ""
    i, j = text.find(a.text), text.find(b.text)
    if i < 0 or j < 0:
        return None
    (s0, e0), (s1, e1) = sorted([(i, i + len(a.text)), (j, j + len(b.text))])
    if s1 > e0 and text[e0:s1].strip():
        return None
    return replace(a, text=text[s0:max(e0, e1)])


def _rank(c: Candidate) -> float:
    """A line's standing in its meeting: its score plus its topic cover, plus how close it is to
    the story's thread (`rag/timeline_thread.py`; 0 when there is none)."""
    return c.score + (c.features.get("cover", 0.0) if rule("timeline_cover_rank") else 0.0) \
        + THREAD_WEIGHT * c.features.get("thread", 0.0)


def _records_decision(self: ExtractiveEngine, c: Candidate) -> bool:
    """The line is (or holds, or lies within) a decision the register records for its item.
    (A decision that is also a sentence of the item's text is a candidate once, as a sentence.)"""
    if c.is_resolution:
        return True
    item = self._item(c.hit)
    if item is None:
        return False
    line = " ".join(c.text.split())
    for d in self._decisions(c.hit.meeting_id, item):
        d = " ".join(d.split())
        if len(d) >= 25 and (d in line or (len(line) >= 25 and line in d)):
            return True
    return False


def _overlaps(a: str, b: str) -> bool:
    """Two lines share a sentence, or one holds the other (whitespace aside: hard-wrapped
    lines split into sentences differently where a window starts mid-paragraph)."""
    na, nb = " ".join(a.split()), " ".join(b.split())
    if na in nb or nb in na:
        return True
    return any(len(s) >= 25 and " ".join(s.split()) in other
               for x, other in ((a, nb), (b, na)) for s in split_sentences(x))


def _timeline_meetings(self: ExtractiveEngine, topic: Question, meetings: list[Meeting], filters: Filters | None) -> list[Meeting]:
    """The meetings, of too many named, whose items one search over all of them finds on
    the topic (the best items' meetings, up to TIMELINE_MAX_MEETINGS), in their order."""
    scoped = replace(filters or Filters(), meeting_ids=tuple(m.id for m in meetings))
    hits = self.retriever.search(topic, scoped, top_k=TIMELINE_MAX_MEETINGS * 2)
    keep = set(list(dict.fromkeys(h.meeting_id for h in hits))[:TIMELINE_MAX_MEETINGS])
    return [m for m in meetings if m.id in keep]


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"(?:19|20)\d{2}"
# a calendar date in a line ("on 23 May", "12 June", "21st April 2016", "February 1, 2021", "March 2024";
# not "Meeting #11 October 25", where the date is October 25)
_CALENDAR = re.compile(
    rf"(?<![#\w])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?!\.?\s+\d{{1,2}}\b)"
    rf"|\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\d)|\b{_MONTH}\s+(?:19|20)\d{{2}}\b")
# "from May to July 2024", "between January and May 2016", "the August to October 2020 meetings",
# "June–August": a span of months, which takes in every meeting between them, not only the two named
_SPAN = re.compile(
    rf"\b(?:from|between)\s+(?:(?:its|the|their)\s+)?(?P<a>{_MONTH})(?:\s+(?P<ya>{_YEAR}))?\s+(?:to|and|until|till|through)\s+"
    rf"(?:(?:its|the|their)\s+)?(?P<b>{_MONTH})(?:\s+(?P<yb>{_YEAR}))?\b"
    rf"|\b(?P<c>{_MONTH})(?:\s+(?P<yc>{_YEAR}))?\s*(?:\bto\b|\buntil\b|\bthrough\b|[–—-])\s*(?P<d>{_MONTH})(?:\s+(?P<yd>{_YEAR}))?\b")


def month_span(question: str, years: tuple[int, ...] = ()) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (year, month) a question's span of months starts and ends at ("between January and
    May 2016" -> (2016, 1), (2016, 5)); None when it names no span. A span's year is its own,
    else the other end's, else the question's only year; a start month after the end month
    (with one year given) is in the year before ("from November to February 2024")."""
    found = _SPAN.search(question or "")
    if not found:
        return None
    a, ya, b, yb = (found.group("a"), found.group("ya"), found.group("b"), found.group("yb")) if found.group("a") else \
        (found.group("c"), found.group("yc"), found.group("d"), found.group("yd"))
    ma, mb = _MONTHS.index(a.lower()) + 1, _MONTHS.index(b.lower()) + 1
    end_year = int(yb) if yb else (int(ya) if ya else (years[-1] if len(years) == 1 else None))
    if end_year is None:
        return None
    start_year = int(ya) if ya else (end_year - 1 if ma > mb else end_year)
    if (start_year, ma) > (end_year, mb):
        return None
    return (start_year, ma), (end_year, mb)


# a date in a question: "March 16", "16 March", "October 2022", "June" (a day or a year beside a month)
_DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d)(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\b(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|\b(?P<m3>{_MONTH})\b(?:,?\s+(?P<y3>{_YEAR}))?")
_DATES = re.compile(rf"{_DATE.pattern}|\b{_YEAR}\b")


_ORD = r"(?:st|nd|rd|th)?"
_DAY_LIST = re.compile(rf"\b(?P<days>\d{{1,2}}{_ORD}(?:\s*,\s*\d{{1,2}}{_ORD})*)\s*,?\s*(?:and|&)\s+(?P<last>\d{{1,2}}){_ORD}"
                       rf"\s+(?:of\s+)?(?P<m>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?")
_MONTH_DAYS = re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<days>\d{{1,2}}{_ORD}(?:\s*,\s*\d{{1,2}}{_ORD})*)\s*,?\s*(?:and|&)\s+"
                         rf"(?P<last>\d{{1,2}}){_ORD}\b(?![\d\s]*{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?")
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")


def named_dates(question: str, years: tuple[int, ...] = ()) -> list[tuple[int | None, int, int | None]]:
    """The meeting dates a question lists, in its order, as (year, month, day): "the special
    meetings of March 16 and March 23, 2020" -> (2020, 3, 16), (2020, 3, 23); "its October 2022
    and April 2024 meetings" -> (2022, 10, None), (2024, 4, None). A date without its own year
    takes the one written after the list ("March 16 and March 23, 2020"), else the question's
    only year. ("May" starting a question is the verb.)"""
    placed: list[tuple[int, list]] = []
    for hit in _DATE.finditer(question or ""):
        month = hit.group("m1") or hit.group("m2") or hit.group("m3")
        if month == "May" and not question[: hit.start()].strip():
            continue
        day = hit.group("d1") or hit.group("d2")
        year = hit.group("y1") or hit.group("y2") or hit.group("y3")
        placed.append((hit.start(), [int(year) if year else None, _MONTHS.index(month.lower()) + 1, int(day) if day else None]))
    if rule("timeline_day_lists"):
        # "the TSC meetings of 13 and 20 June 2018", "June 13 and 20, 2018": days sharing one month;
        # "2018-06-13 and 2018-06-20": ISO dates
        for hit in list(_DAY_LIST.finditer(question or "")) + list(_MONTH_DAYS.finditer(question or "")):
            month = _MONTHS.index(hit.group("m").lower()) + 1
            year = int(hit.group("y")) if hit.group("y") else None
            for k, d in enumerate(re.findall(r"\d{1,2}", hit.group("days")) + [hit.group("last")]):
                placed.append((hit.start() + k, [year, month, int(d)]))
        for hit in _ISO_DATE.finditer(question or ""):
            placed.append((hit.start(), [int(hit.group(1)), int(hit.group(2)), int(hit.group(3))]))
    found = [entry for _, entry in sorted(placed, key=lambda pe: pe[0])]
    later = None
    for entry in reversed(found):  # "March 16 and March 23, 2020": the year after the list is every date's
        later = entry[0] or later
        entry[0] = entry[0] or later or (years[0] if len(years) == 1 else None)
    return list(dict.fromkeys(tuple(e) for e in found))  # type: ignore[misc]


def _resolved(ref: MeetingRef, stored: list[Meeting]) -> list[Meeting]:
    """The stored meetings a reference picks; all of them when it picks every one (where
    `resolve_meetings` says None, "no meeting in particular": a store holding only the one
    body's meetings of those months, as a user's own store often does, named no span at all)."""
    found = resolve_meetings(ref, stored)
    if found is None and rule("timeline_whole_store"):
        return sorted(stored, key=lambda m: (m.date or "9999", m.id))
    return found or []


def listed_meetings(engine: ExtractiveEngine, q: Question, filters: Filters | None) -> list[Meeting] | None:
    """The meetings a question lists by date ("at its October 2022 and April 2024 meetings",
    "the meetings of March 16 and March 23, 2020"), each date resolved on its own among the
    body's meetings, oldest first; None unless two or more dates each find a stored meeting.
    Why: `MeetingRef` keeps one day, so "March 16 and March 23" named only the 16th."""
    dates = named_dates(q.text, q.meeting.years) if rule("timeline_listed") else []
    if len(dates) < 2:
        return None
    base = filters or Filters()
    stored = [m for m in engine.retriever.store.meetings() if base.matches(m)]
    chosen: dict[str, Meeting] = {}
    hits = 0
    for year, month, day in dates:
        ref = replace(q.meeting, years=(year,) if year else q.meeting.years, months=(month,), day=day, relative=None)
        found = [m for m in _resolved(ref, stored) if date_fits(m, ref)]
        if found:
            hits += 1
            chosen.update((m.id, m) for m in found)
    if hits < 2 or len(chosen) < 2:
        return None
    return sorted(chosen.values(), key=lambda m: (m.date or "9999", m.id))


def span_meetings(engine: ExtractiveEngine, q: Question, filters: Filters | None) -> list[Meeting] | None:
    """The meetings a question's span of months takes in ("how did X progress from May to July
    2024": May, June and July, though June is not named), of the body the question names,
    oldest first; None when the question names no span. Why: `resolve_meetings` reads the
    months a question lists, and a span lists only its two ends."""
    span = month_span(q.text, q.meeting.years) if rule("timeline_span") else None
    if span is None:
        return None
    (y0, m0), (y1, m1) = span
    months = tuple(range(1, 13)) if y1 > y0 else tuple(range(m0, m1 + 1))
    ref = replace(q.meeting, years=tuple(range(y0, y1 + 1)), months=months, day=None)
    base = filters or Filters()
    stored = [m for m in engine.retriever.store.meetings() if base.matches(m)]
    found = _resolved(ref, stored)
    inside = [m for m in found if (parts := _date_parts(m)) and (y0, m0) <= parts[:2] <= (y1, m1)]
    return inside if len(inside) > 1 else None


def _when(m: Meeting) -> str:
    """A meeting's date for a timeline line, its month in full ("17 August 2020": a story over
    months is read by its months); undated minutes are dated by their file name."""
    found = _date_parts(m)
    if not found:
        return "date unknown"
    d = _date(*found)
    return f"{d.day} {d:%B %Y}" if rule("timeline_month_names") else display_date(d.isoformat())
