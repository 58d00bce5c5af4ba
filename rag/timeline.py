"""A topic across meetings: every meeting/item that discussed it, in date order, one cited
line each — what a user asks when following an issue over time (the timeline page), and the
answer to a question across meetings ("how did X progress"): a dated, cited line per meeting."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date as _date

from ingest.model import Answer, Citation, Meeting, display_date

from .answer import REFUSAL_TEXT, Candidate, ExtractiveEngine, _engine_for, citation_for, truncation_notices
from .question import Question, keywords, rule
from .retrieve import Filters, Retriever, check_query
from .sentences import split_sentences

# A timeline line per meeting needs the topic's words, not a fact of a kind: half of them
# (idf-weighted) will do. A design choice, not fitted (12 timeline questions are too few).
TIMELINE_COVER = 0.5
TIMELINE_SECOND = 0.08  # a second line per meeting within this score of its best (a design choice, not fitted)
# A timeline reads each meeting it covers. When a question names more meetings than this (a body's
# every meeting in a large store), one search over all of them picks the ones on the topic
# (SPEED: 285 per-meeting searches took 20 s at 100,000 passages; the corpus names at most 3).
TIMELINE_MAX_MEETINGS = 12


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


def timeline_answer(self: ExtractiveEngine, q: Question, meetings: list[Meeting], filters: Filters | None) -> Answer:
    """"How did X progress over the May, June and July meetings": for each meeting, oldest
    first, the best evidence on the topic from that meeting, dated and cited."""
    chosen: list[Candidate] = []
    best_score = None
    topic = replace(q, text=q.topic, kind="general", answer_type="other", across_meetings=False,
                    words=tuple(dict.fromkeys(keywords(q.topic))), predicate=None, entities=())
    if len(meetings) > TIMELINE_MAX_MEETINGS:
        meetings = _timeline_meetings(self, topic, meetings, filters)
    for m in meetings:
        hits, _ = self.retrieve(topic, filters, [m], top_k=3)
        cands = self.candidates(hits, "general", q.topic)
        self.score(topic, cands)
        valid = sorted((c for c in cands if c.valid and not c.is_title), key=lambda c: c.score, reverse=True)
        # a meeting's line must be on the topic: evidence enough, or most of the topic's words
        self.last_hits += hits
        if valid and (self.passes(valid[0]) or valid[0].features.get("cover", 0) >= TIMELINE_COVER):
            chosen.append(valid[0])
            # a meeting's part of the story often takes two sentences: add the next best on
            # the topic when it is nearly as good and says something else
            taken = set(split_sentences(valid[0].text))
            second = [c for c in valid[1:8] if c.score >= valid[0].score - TIMELINE_SECOND
                      and not taken & set(split_sentences(c.text)) and c.text not in valid[0].text
                      and valid[0].text not in c.text]
            if second and rule("timeline_second"):
                chosen.append(second[0])
            best_score = max(best_score or -1e9, valid[0].score)
            ev = self.last_evidence or {"score": -1e9, "cover": 0.0}
            self.last_evidence = {"score": max(ev["score"], valid[0].score),
                                  "cover": max(ev["cover"], valid[0].features.get("cover", 0.0))}
    if not chosen:
        return Answer(q.text, REFUSAL_TEXT, True, [], "extractive", confidence=best_score)
    citations: list[Citation] = []
    lines = []
    for c in chosen:
        meeting = self.retriever.store.get_meeting(c.hit.meeting_id)
        citations.append(citation_for(meeting, c.hit, c.text))
        if lines and citations[-2].meeting_id == c.hit.meeting_id:
            lines[-1] += f" {c.text} [{len(citations)}]"
        else:
            lines.append(f"- {_when(meeting)}: {c.text} [{len(citations)}]")
    text = "\n".join(lines)
    notices = truncation_notices(citations)
    if notices:
        text += "\n\n" + " ".join(notices)
    return Answer(q.text, text, False, citations, "extractive", confidence=round(max(c.score for c in chosen), 4))

def _timeline_meetings(self: ExtractiveEngine, topic: Question, meetings: list[Meeting], filters: Filters | None) -> list[Meeting]:
    """The meetings, of too many named, whose items one search over all of them finds on
    the topic (the best items' meetings, up to TIMELINE_MAX_MEETINGS), in their order."""
    scoped = replace(filters or Filters(), meeting_ids=tuple(m.id for m in meetings))
    hits = self.retriever.search(topic, scoped, top_k=TIMELINE_MAX_MEETINGS * 2)
    keep = set(list(dict.fromkeys(h.meeting_id for h in hits))[:TIMELINE_MAX_MEETINGS])
    return [m for m in meetings if m.id in keep]


def _when(m: Meeting) -> str:
    """A meeting's date for a timeline line; undated minutes are dated by their file name."""
    if m.date:
        return display_date(m.date)
    from .meeting_match import _file_date

    found = _file_date(m)
    return display_date(_date(*found).isoformat()) if found else "date unknown"
