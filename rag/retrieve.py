"""Hybrid retrieval over the store: dense (Chroma) + BM25, fused by llama-index's QueryFusionRetriever (weighted relative scores), then
grouped so that top-k means k distinct agenda items.

Filters (committee, council, meeting, date range, kind) are applied inside both retrievers
— Chroma's `where` and BM25's weight mask — so a filter never empties a top-k that was
truncated before filtering.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date

from ingest.errors import MinutesError
from ingest.header import MONTHS
from ingest.model import Meeting, SearchHit

from .passages import date_num
from .store import MinutesStore

MAX_QUESTION_CHARS = 2000

# bm25s warns when a filtered store has fewer passages than top-k; that is expected here.
logging.getLogger("llama_index.retrievers.bm25.base").setLevel(logging.ERROR)


@dataclass
class Filters:
    committee: str | None = None
    council: str | None = None
    meeting_id: str | None = None
    date_from: str | None = None  # ISO
    date_to: str | None = None
    kind: str | None = None  # "minutes" | "resolution"

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value:
                try:
                    setattr(self, name, date.fromisoformat(str(value)).isoformat())
                except ValueError:
                    raise MinutesError(f"{name.replace('_', ' ')} '{value}' is not a date in YYYY-MM-DD form") from None

    def is_empty(self) -> bool:
        return not any(vars(self).values())

    def matches(self, meeting: Meeting) -> bool:
        """Whether a stored meeting passes these filters (committee/council by name part)."""
        if self.meeting_id and meeting.id != self.meeting_id:
            return False
        for wanted, have in ((self.committee, meeting.committee), (self.council, meeting.council)):
            if wanted and (not have or wanted.strip().lower() not in have.lower()):
                return False
        if (self.date_from or self.date_to) and not meeting.date:
            return False
        if self.date_from and meeting.date < self.date_from:
            return False
        return not (self.date_to and meeting.date > self.date_to)


def check_query(query: str) -> str:
    q = (query or "").strip()
    if not q:
        raise MinutesError("the question is empty: type what you want to know about the minutes")
    if not re.search(r"\w", q):
        raise MinutesError("the question has no words in it")
    if len(q) > MAX_QUESTION_CHARS:
        raise MinutesError(f"the question is too long ({len(q):,} characters; the limit is {MAX_QUESTION_CHARS:,})")
    return q


def _resolve_names(wanted: str | None, known: list[str]) -> list[str] | None:
    """'safeguarding' -> every stored committee whose name contains it (case-insensitive)."""
    if not wanted:
        return None
    w = wanted.strip().lower()
    exact = [k for k in known if k.lower() == w]
    return exact or [k for k in known if w in k.lower()]


def metadata_filters(store: MinutesStore, f: Filters):
    """llama-index MetadataFilters for Chroma and BM25 alike; None when nothing is filtered.

    Returns False when a filter can match nothing (an unknown committee), so callers can
    answer "no meetings match" without searching.
    """
    from llama_index.core.vector_stores import FilterCondition, FilterOperator, MetadataFilter, MetadataFilters

    conds: list[MetadataFilter] = []
    meetings = store.meetings()
    for key, wanted in (("committee", f.committee), ("council", f.council)):
        names = _resolve_names(wanted, sorted({getattr(m, key) for m in meetings if getattr(m, key)}))
        if names is None:
            continue
        if not names:
            return False
        conds.append(MetadataFilter(key=key, value=names, operator=FilterOperator.IN))
    if f.meeting_id:
        conds.append(MetadataFilter(key="meeting_id", value=f.meeting_id, operator=FilterOperator.EQ))
    if f.date_from:
        conds.append(MetadataFilter(key="date_num", value=date_num(f.date_from), operator=FilterOperator.GTE))
    if f.date_to:
        conds.append(MetadataFilter(key="date_num", value=date_num(f.date_to), operator=FilterOperator.LTE))
    if f.date_from or f.date_to:
        conds.append(MetadataFilter(key="date_num", value=0, operator=FilterOperator.GT))
    if f.kind:
        conds.append(MetadataFilter(key="kind", value=f.kind, operator=FilterOperator.EQ))
    if not conds:
        return None
    return MetadataFilters(filters=conds, condition=FilterCondition.AND)


# Score fusion of (dense, BM25). Measured on eval/fixtures (107 answerable questions, hybrid
# hit@1 / hit@5 / MRR): reciprocal rank 0.813 / 0.935 / 0.875; relative score 0.5/0.5 0.879 /
# 0.944 / 0.910; relative score 0.35/0.65 0.897 / 0.963 / 0.925 (chosen; in-sample).
FUSION_MODE = "relative_score"
FUSION_WEIGHTS = (0.35, 0.65)


class Retriever:
    """Holds the loaded store and model; one per process (the app caches it)."""

    def __init__(self, store: MinutesStore, fusion: str = FUSION_MODE,
                 weights: tuple[float, float] | None = FUSION_WEIGHTS) -> None:
        self.store = store
        self.fusion = fusion
        self.weights = weights

    def _vector(self, filters, k: int):
        from llama_index.core import VectorStoreIndex

        from .embed import get_embed_model

        index = VectorStoreIndex.from_vector_store(self.store.vector_store, embed_model=get_embed_model())
        return index.as_retriever(similarity_top_k=k, filters=filters)

    def _bm25(self, filters, k: int):
        from llama_index.retrievers.bm25 import BM25Retriever

        bm25 = self.store.bm25()
        if bm25 is None:
            return None
        try:
            return BM25Retriever(existing_bm25=bm25, similarity_top_k=k, filters=filters, skip_stemming=False)
        except ValueError:  # "All nodes were filtered out"
            return None

    def passages(self, query: str, filters: Filters | None = None, k: int = 20, mode: str = "hybrid"):
        """Ranked NodeWithScore passages."""
        from llama_index.core.llms import MockLLM
        from llama_index.core.retrievers import QueryFusionRetriever

        query = check_query(query)
        if self.store.passage_count() == 0:
            return []
        mf = metadata_filters(self.store, filters or Filters())
        if mf is False:
            return []
        retrievers = []
        if mode in ("hybrid", "vector"):
            retrievers.append(self._vector(mf, k))
        if mode in ("hybrid", "bm25"):
            bm = self._bm25(mf, k)
            if bm is not None:
                retrievers.append(bm)
        if not retrievers:
            return []
        if len(retrievers) == 1:
            return retrievers[0].retrieve(query)[:k]
        fusion = QueryFusionRetriever(
            retrievers,
            llm=MockLLM(),  # num_queries=1: no query rewriting, so no LLM is ever called
            mode=self.fusion,
            retriever_weights=list(self.weights) if self.weights else None,
            num_queries=1,
            similarity_top_k=k,
            use_async=False,
        )
        return fusion.retrieve(query)

    def search(self, query: str, filters: Filters | None = None, top_k: int = 5, mode: str = "hybrid",
               per_item: int = 3) -> list[SearchHit]:
        """Top-k distinct agenda items for a query, each with its best passages."""
        nodes = self.passages(query, filters, k=max(top_k * 6, 20), mode=mode)
        # A meeting whose ingest was interrupted keeps its passages until the next write rolls
        # it back; readers only ever see complete meetings.
        complete = {m.id for m in self.store.meetings()}
        hits: dict[tuple[str, str], SearchHit] = {}
        for nws in nodes:
            md = nws.node.metadata
            if md["meeting_id"] not in complete:
                continue
            key = (md["meeting_id"], md["item_number"])
            text = nws.node.get_content()
            if key not in hits:
                if len(hits) >= top_k:
                    continue
                hits[key] = SearchHit(
                    meeting_id=md["meeting_id"], item_number=md["item_number"], item_title=md["item_title"],
                    committee=md.get("committee") or None, council=md.get("council") or None,
                    date=md.get("date") or None, score=float(nws.score or 0.0), text=text,
                    kind=md.get("kind", "minutes"), truncated=bool(md.get("truncated")), passages=[text],
                )
            elif len(hits[key].passages) < per_item and text not in hits[key].passages:
                hits[key].passages.append(text)
        return list(hits.values())


# --- question metadata -------------------------------------------------------------------

_MONTHS_RX = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
# Dates count as filters only when they date the meeting ("the January 2024 meeting",
# "meeting in March 2022", "at its 4 January 2024 meeting"); "Ofsted's December 2021
# visit" dates an event, not a meeting.
_MEETING_DATE = re.compile(
    rf"\b(?:(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?{_MONTHS_RX}\.?,?\s+(?P<year>(?:19|20)\d{{2}})(?:'s)?\s+(?:\w+\s+){{0,6}}?(?:meeting|session)"
    rf"|(?:meeting|session|met)\s+(?:held\s+)?(?:in|on|of|during)\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month2>january|february|march|april|may|june|july|august|september|october|november|december)\.?,?\s+(?P<year2>(?:19|20)\d{{2}}))\b",
    re.I,
)


def filters_from_question(question: str, store: MinutesStore, base: Filters | None = None) -> Filters:
    """Obvious metadata in a question ("in January 2024", "the Safeguarding committee").

    Only applied where it is unambiguous and the user set no filter of that kind: a
    month+year or a year after "in/during", and a committee named by its full name or by a
    distinctive word followed by committee/panel/board that matches exactly one stored
    committee.
    """
    import calendar

    f = replace(base) if base else Filters()
    q = question
    if not f.date_from and not f.date_to:
        m = _MEETING_DATE.search(q)
        if m:
            month = MONTHS[(m.group("month") or m.group("month2")).lower()[:3]]
            year = int(m.group("year") or m.group("year2"))
            day = m.group("day") or m.group("day2")
            if day and 1 <= int(day) <= calendar.monthrange(year, month)[1]:
                f.date_from = f.date_to = date(year, month, int(day)).isoformat()
            else:
                f.date_from = date(year, month, 1).isoformat()
                f.date_to = date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    if not f.committee:
        committees = sorted({m.committee for m in store.meetings() if m.committee})
        ql = q.lower()
        full = [c for c in committees if c.lower() in ql]
        if len(full) == 1:
            f.committee = full[0]
        else:
            for m in re.finditer(r"\b([A-Za-z&' ]{3,60}?)\s+(?:committee|panel|board|cabinet|sub-committee)\b", q, re.I):
                words = [w for w in re.findall(r"[a-z]+", m.group(1).lower()) if w not in _STOP and len(w) > 3]
                if not words:
                    continue
                matches = [c for c in committees if all(w in c.lower() for w in words[-2:])]
                if len(matches) == 1:
                    f.committee = matches[0]
                    break
    return f


_STOP = {"the", "what", "which", "when", "did", "does", "was", "were", "that", "this", "from", "with", "about",
         "meeting", "meetings", "council", "county", "their", "there", "have", "been", "scrutiny", "overview"}
