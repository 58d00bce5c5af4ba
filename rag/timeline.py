"""A topic across meetings: every meeting/item that discussed it, in date order, one cited
line each — what a user asks when following an issue over time."""
from __future__ import annotations

from dataclasses import dataclass

from ingest.model import Citation

from .answer import ExtractiveEngine, _engine_for, citation_for
from .retrieve import Filters, Retriever, check_query


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
    from .answer import TIMELINE_COVER

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
