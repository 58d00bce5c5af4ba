"""Hybrid retrieval over the store: dense (Chroma) + BM25, fused by llama-index's QueryFusionRetriever (weighted relative scores), then
grouped so that top-k means k distinct agenda items.

Filters (committee, council, meeting, date range, kind) are applied inside both retrievers
— Chroma's `where` and BM25's weight mask — so a filter never empties a top-k that was
truncated before filtering.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

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
    # Any of these meetings (None: no restriction; empty: none). One search over the meetings
    # a question names costs what one unfiltered search costs; a search per meeting does not.
    meeting_ids: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.meeting_ids is not None:
            self.meeting_ids = tuple(self.meeting_ids)
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value:
                try:
                    setattr(self, name, date.fromisoformat(str(value)).isoformat())
                except ValueError:
                    raise MinutesError(f"{name.replace('_', ' ')} '{value}' is not a date in YYYY-MM-DD form") from None

    def is_empty(self) -> bool:
        return self.meeting_ids is None and not any(v for k, v in vars(self).items() if k != "meeting_ids")

    def matches(self, meeting: Meeting) -> bool:
        """Whether a stored meeting passes these filters (committee/council by name part)."""
        if self.meeting_id and meeting.id != self.meeting_id:
            return False
        if self.meeting_ids is not None and meeting.id not in self.meeting_ids:
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
    answer "no meetings match" without searching. (Kept for callers outside the Retriever,
    which resolves filters to meeting ids instead: see `Retriever.scope`.)
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
    if f.meeting_ids is not None:
        if not f.meeting_ids:
            return False
        conds.append(MetadataFilter(key="meeting_id", value=list(f.meeting_ids), operator=FilterOperator.IN))
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


def matching_meetings(meetings: list[Meeting], f: Filters) -> list[str] | None:
    """Ids of the meetings the filters allow (committee/council resolved as `metadata_filters`
    does: an exact name, else every name containing it); None when no meeting-level filter is set.

    Why ids: a committee or date filter selects whole meetings, and the manifest already
    knows each meeting's committee and date. Resolving the filter here once, in Python over
    a few thousand meetings, lets Chroma filter on one indexed string field (`meeting_id $in`)
    and BM25 on a precomputed mask, instead of evaluating range conditions per passage.
    """
    if not (f.committee or f.council or f.meeting_id or f.date_from or f.date_to) and f.meeting_ids is None:
        return None
    allowed = meetings
    if f.meeting_id:  # first: one meeting left makes the rest cheap (a timeline searches per meeting)
        allowed = [m for m in allowed if m.id == f.meeting_id]
    if f.meeting_ids is not None:
        wanted = set(f.meeting_ids)
        allowed = [m for m in allowed if m.id in wanted]
    for key, wanted in (("committee", f.committee), ("council", f.council)):
        if not wanted:  # the stored names are only listed for a name to resolve
            continue
        names = _resolve_names(wanted, sorted({getattr(m, key) for m in meetings if getattr(m, key)}))
        if names is not None:
            keep = set(names)
            allowed = [m for m in allowed if getattr(m, key) in keep]
    if f.date_from or f.date_to:
        allowed = [m for m in allowed if m.date and (not f.date_from or m.date >= f.date_from)
                   and (not f.date_to or m.date <= f.date_to)]
    return [m.id for m in allowed]


# Score fusion of (dense, BM25): llama-index's relative-score fusion (each retriever's scores
# min-max scaled, then weighted). The dense weight is fitted leave-one-body-out by
# `python -m eval.retrieval_cv` (figures in the README); `rag/retrieval.json` holds the value
# fitted on all bodies, FUSION_WEIGHTS is the fallback when that file is absent.
FUSION_MODE = "relative_score"
FUSION_WEIGHTS = (0.35, 0.65)
RETRIEVAL_PARAMS = Path(__file__).with_name("retrieval.json")


@lru_cache(maxsize=1)
def fitted_params() -> tuple[tuple[float, float], bool]:
    """((dense, BM25) weights, search questions by `retrieval_query`) from rag/retrieval.json;
    FUSION_WEIGHTS and True when the file is absent or unreadable."""
    try:
        found = json.loads(RETRIEVAL_PARAMS.read_text(encoding="utf-8"))
        dense = float(found["dense_weight"])
        question_query = bool(found.get("question_query", True))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return FUSION_WEIGHTS, True
    return ((dense, 1.0 - dense) if 0.0 <= dense <= 1.0 else FUSION_WEIGHTS), question_query


# --- the query -------------------------------------------------------------------------

_EDGE = "\"'’“”‘()[],.;:?!"


def _meeting_words(m: Meeting) -> set[str]:
    """The words that locate a meeting rather than say what was discussed: its body's names
    (council, committee, heading, file name and their initials) and its date's year and day."""
    from .meeting_match import meeting_names

    words = set(meeting_names(m))
    if m.date:
        y, _, d = m.date.split("-")
        words |= {y, str(int(d))}
    return words


def retrieval_query(question, meetings: list[Meeting] | None) -> str:
    """What to search with for a parsed `Question` inside the meetings in scope.

    Why: inside the meeting a question points at, the words that point at it ("the North
    Star Town Board", "August 2020", "26 January 2016") say nothing about which item holds the
    answer, yet they are exactly the words of the meeting's heading, so the header passage
    out-ranked the answer in about a quarter of the questions. So the query is the question's
    topic (`Question.topic`: without its framing and meeting months) less every word that
    every meeting in scope is named or dated by. Without a scope (the question names no
    meeting) the whole question is the query: there its names find the meeting.
    """
    from .meeting_match import phrase_initials

    if not meetings:
        return question.text
    shared = None
    for m in meetings:
        words = _meeting_words(m)
        shared = words if shared is None else shared & words
    # a name phrase whose initials every meeting in scope is known by goes whole ("Waikato
    # Linux Users Group" where the minutes only ever write "WLUG")
    for phrase in question.meeting.names:
        if any(i in shared for i in phrase_initials(phrase)):
            shared = shared | {w.lower() for w in re.findall(r"[\w’'-]+", phrase)}
    kept = []
    for token in question.topic.split():
        word = re.sub(r"[’']s$", "", token.strip(_EDGE)).lower()
        ordinal = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
        if word in shared or (ordinal and ordinal.group(1) in shared):
            continue
        kept.append(token)
    query = " ".join(kept).strip(_EDGE + " ")
    return query if re.search(r"[^\W\d_]{2}", query) else question.text


@dataclass
class Scope:
    """A filter resolved against the store: which meetings (None = all) and which passage kind."""

    meeting_ids: list[str] | None
    kind: str | None

    @property
    def empty(self) -> bool:
        return self.meeting_ids is not None and not self.meeting_ids

    @property
    def unfiltered(self) -> bool:
        return self.meeting_ids is None and not self.kind

    def keep(self, nodes: list) -> list:
        """Only passages inside the scope: BM25 pads a masked top-k with zero-score passages
        from outside the mask when fewer than k match."""
        if self.unfiltered:
            return nodes
        ids = set(self.meeting_ids) if self.meeting_ids is not None else None
        return [n for n in nodes if (ids is None or n.node.metadata.get("meeting_id") in ids)
                and (not self.kind or n.node.metadata.get("kind") == self.kind)]

    def chroma_filters(self):
        """MetadataFilters on indexed string fields only (meeting_id, kind)."""
        from llama_index.core.vector_stores import FilterCondition, FilterOperator, MetadataFilter, MetadataFilters

        conds = []
        if self.meeting_ids is not None:
            if len(self.meeting_ids) == 1:
                conds.append(MetadataFilter(key="meeting_id", value=self.meeting_ids[0], operator=FilterOperator.EQ))
            else:
                conds.append(MetadataFilter(key="meeting_id", value=list(self.meeting_ids), operator=FilterOperator.IN))
        if self.kind:
            conds.append(MetadataFilter(key="kind", value=self.kind, operator=FilterOperator.EQ))
        return MetadataFilters(filters=conds, condition=FilterCondition.AND) if conds else None


def scope_keep(cols, scope: Scope):
    """The BM25 rows a scope keeps, as a boolean array over `Retriever._bm25_columns()` rows
    (None when the scope is unfiltered). One mask serves the BM25 pre-filter and the read
    snapshot's dense and lexical lists, so the two paths cannot disagree on what is in scope."""
    import numpy as np

    if scope.unfiltered:
        return None
    _, rows, codes, kinds = cols
    keep = np.ones(len(rows), dtype=bool)
    if scope.meeting_ids is not None:
        allowed = np.zeros(len(codes) + 1, dtype=bool)
        allowed[[codes[m] for m in scope.meeting_ids if m in codes]] = True
        keep &= allowed[rows]
    if scope.kind:
        keep &= kinds == scope.kind
    return keep


class Retriever:
    """Holds the loaded store, the vector index and the BM25 index; one per process (the app
    keeps it in `rag.front.Minutes`). Everything derived from the store is cached against the
    store's generation, so a write (here or in another process) is picked up."""

    def __init__(self, store: MinutesStore, fusion: str = FUSION_MODE,
                 weights: tuple[float, float] | None = None, question_query: bool | None = None) -> None:
        self.store = store
        self.fusion = fusion
        fitted_weights, fitted_query = fitted_params()
        self.weights = weights if weights is not None else fitted_weights
        # search a parsed Question with `retrieval_query` (False: its whole text)
        self.question_query = fitted_query if question_query is None else question_query
        # (query, scope, k, mode) -> retrieved (node, score) lists; None = off. Only the
        # cross-validation turns it on, to refit the fusion without searching again.
        self.list_cache: dict | None = None
        self._index = None
        self._gen: int | None = None
        self._complete: set[str] = set()
        self._committed: dict[str, set[str]] = {}
        self._passages = 0
        self._meetings: list[Meeting] = []
        self._bm25_key: object = None
        self._bm25_cols: tuple = ()

    def invalidate(self) -> None:
        """Forget everything derived from the store (after a write)."""
        self._gen = None
        self._bm25_key = None
        self._bm25_cols = ()

    def _fresh(self) -> None:
        gen = self.store.generation
        if gen != self._gen:
            if self._gen is not None:  # written since we last looked, maybe by another process
                self.store._meetings = None
            self._meetings = self.store.meetings()
            self._complete = {m.id for m in self._meetings}
            self._committed = self.store.committed_passages_by_meeting()
            self._passages = self.store.passage_count()
            self._gen = gen

    def warm(self) -> None:
        """Open Chroma, load BM25 and the model now rather than on the first question."""
        self._fresh()
        self._vector_index()
        self._bm25_columns()

    def scope(self, filters: Filters | None) -> Scope:
        f = filters or Filters()
        self._fresh()
        return Scope(matching_meetings(self._meetings, f), f.kind)

    def _vector_index(self):
        if self._index is None:
            from llama_index.core import VectorStoreIndex

            from .embed import get_embed_model

            self._index = VectorStoreIndex.from_vector_store(self.store.vector_store, embed_model=get_embed_model())
        return self._index

    def _vector(self, scope: Scope, k: int):
        return self._vector_index().as_retriever(similarity_top_k=k, filters=scope.chroma_filters())

    def _bm25_columns(self):
        """(bm25s index, meeting code per corpus row, {meeting id: code}, kind per row), built
        once per BM25 index so a filter becomes an integer lookup over the rows, not a
        per-passage loop (np.isin over 100k strings alone costs ~0.5 s)."""
        import numpy as np

        bm25 = self.store.bm25()
        if bm25 is None:
            return None
        if self._bm25_key is not bm25:
            corpus = bm25.corpus or []
            codes: dict[str, int] = {}
            rows = np.fromiter((codes.setdefault(row.get("meeting_id", ""), len(codes)) for row in corpus),
                               dtype=np.int64, count=len(corpus))
            kinds = np.array([row.get("kind", "") for row in corpus])
            self._bm25_cols = (bm25, rows, codes, kinds)
            self._bm25_key = bm25
        return self._bm25_cols

    def _bm25(self, scope: Scope, k: int):
        from llama_index.retrievers.bm25 import BM25Retriever

        cols = self._bm25_columns()
        if cols is None:
            return None
        keep = scope_keep(cols, scope)
        if keep is not None and not keep.any():
            return None
        mask = None if keep is None else keep.astype(int).tolist()
        try:
            return BM25Retriever(existing_bm25=cols[0], similarity_top_k=k, corpus_weight_mask=mask,
                                 stemmer=_stemmer(), skip_stemming=False)
        except ValueError:  # an empty index
            return None

    def query_text(self, query, filters: Filters | None = None, scope: Scope | None = None) -> str:
        """The text to search with: a string as given; a parsed `Question` as
        `retrieval_query` makes it for the meetings the filters leave in scope."""
        if isinstance(query, str):
            return check_query(query)
        text = check_query(query.text)
        if not self.question_query:
            return text
        scope = scope or self.scope(filters)
        if scope.meeting_ids is None or scope.empty:
            return text
        ids = set(scope.meeting_ids)
        return check_query(retrieval_query(query, [m for m in self._meetings if m.id in ids]))

    def _lists(self, query: str, scope: Scope, k: int, mode: str) -> list[list]:
        """The dense and BM25 passage lists for a query, as (node, score) pairs, each kept to the scope."""
        key = (query, tuple(scope.meeting_ids) if scope.meeting_ids is not None else None, scope.kind, k, mode)
        if self.list_cache is not None and key in self.list_cache:
            return self.list_cache[key]
        from .snapshot import snapshot_lists

        # the store's query snapshot (rag/snapshot.py): the same lists without Chroma or llama-index
        lists = snapshot_lists(self, query, scope, k, mode)
        if lists is not None:
            if self.list_cache is not None:
                self.list_cache[key] = lists
            return lists
        retrievers = []
        if mode in ("hybrid", "vector"):
            from .scoped_dense import scoped_dense_retriever

            # a filtered scope: exact scores over its passages' vectors in memory (Chroma's
            # `where` costs ~0.2 s at 100k passages); Chroma's filtered query when unsure
            retrievers.append(scoped_dense_retriever(self, scope, k, self._vector(scope, k)))
        if mode in ("hybrid", "bm25"):
            bm = self._bm25(scope, k)
            if bm is not None:
                retrievers.append(bm)
        lists = [[(n.node, n.score) for n in scope.keep(r.retrieve(query))] for r in retrievers]
        if self.list_cache is not None:
            self.list_cache[key] = lists
        return lists

    def passages(self, query, filters: Filters | None = None, k: int = 20, mode: str = "hybrid"):
        """Ranked NodeWithScore passages (`query`: a string, or a parsed Question)."""
        scope = self.scope(filters)  # refreshes the per-generation caches
        query = self.query_text(query, filters, scope)
        if self._passages == 0:  # an empty count is never trusted from the cache: a writer may be mid-ingest
            self._passages = self.store.passage_count()
            if self._passages == 0:
                return []
        if scope.empty:
            return []
        lists = self._lists(query, scope, k, mode)
        return fuse(lists, self.fusion, self.weights, k)

    def search(self, query, filters: Filters | None = None, top_k: int = 5, mode: str = "hybrid",
               per_item: int = 3) -> list[SearchHit]:
        """Top-k distinct agenda items for a query (a string, or a parsed Question), each with
        its best passages; an item ranks by its best passage."""
        nodes = self.passages(query, filters, k=max(top_k * 6, 20), mode=mode)
        # A meeting whose ingest was interrupted keeps its passages until the next write rolls
        # it back; readers only ever see complete meetings.
        self._fresh()
        complete = self._complete
        hits: dict[tuple[str, str], SearchHit] = {}
        for nws in nodes:
            md = nws.node.metadata
            if md["meeting_id"] not in complete:
                continue
            listed = self._committed.get(md["meeting_id"])
            if listed and nws.node.node_id not in listed:
                continue  # the next version of this meeting, written but not committed yet
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


@lru_cache(maxsize=1)
def _retrieved_class():
    """A llama-index retriever that returns passages already retrieved, so llama-index's
    fusion can weigh lists fetched once (the cross-validation refits the weights without
    searching again). Built on first use: importing llama-index is not free."""
    from llama_index.core.retrievers import BaseRetriever
    from llama_index.core.schema import NodeWithScore

    class Retrieved(BaseRetriever):
        def __init__(self, pairs: list) -> None:
            super().__init__()
            self._pairs = pairs

        def _retrieve(self, query_bundle) -> list:
            return [NodeWithScore(node=node, score=score) for node, score in self._pairs]

    return Retrieved


def fuse(lists: list[list], fusion: str = FUSION_MODE, weights: tuple[float, float] | None = FUSION_WEIGHTS,
         k: int = 20) -> list:
    """Passages of the (dense, BM25) lists fused by llama-index's QueryFusionRetriever (`fusion`
    mode, `weights`), best first; a single list is returned as it ranks."""
    from .snapshot import FAST_FUSIONS, as_text_nodes, fuse_light, is_light

    if is_light([p for p in lists if p is not None]):  # snapshot lists: same arithmetic
        if fusion in FAST_FUSIONS:
            return fuse_light([p for p in lists if p is not None], fusion, weights, k)
        lists = [as_text_nodes(p) for p in lists if p is not None]  # another fusion: llama-index's
    from llama_index.core.llms import MockLLM
    from llama_index.core.retrievers import QueryFusionRetriever
    from llama_index.core.schema import NodeWithScore

    lists = [pairs for pairs in lists if pairs is not None]
    if not lists:
        return []
    if len(lists) == 1:
        return [NodeWithScore(node=node, score=score) for node, score in lists[0][:k]]
    retrieved = _retrieved_class()
    fusion_retriever = QueryFusionRetriever(
        [retrieved(pairs) for pairs in lists],
        llm=MockLLM(),  # num_queries=1: no query rewriting, so no LLM is ever called
        mode=fusion,
        retriever_weights=list(weights) if weights else None,
        num_queries=1,
        similarity_top_k=k,
        use_async=False,
    )
    return fusion_retriever.retrieve("fused")


@lru_cache(maxsize=1)
def _stemmer():
    """PyStemmer's English stemmer, built once (BM25Retriever would build one per query)."""
    import Stemmer

    return Stemmer.Stemmer("english")


# --- question metadata -------------------------------------------------------------------


def filters_from_question(question, store: MinutesStore, base: Filters | None = None) -> Filters:
    """Filters for the meeting(s) a question points at (`rag.meeting_match.resolve_meetings`
    on the parsed `rag.question.Question`): that meeting's id when it names exactly one, the
    span of their dates when it names several, else the user's filters unchanged. Filters
    the user set always stand.
    """
    from .meeting_match import resolve_meetings
    from .question import profile

    q = profile(question)
    f = replace(base) if base else Filters()
    if f.meeting_id:
        return f
    meetings = resolve_meetings(q.meeting, [m for m in store.meetings() if f.matches(m)])
    if not meetings:
        return f
    if len(meetings) == 1:
        f.meeting_id = meetings[0].id
    elif not (f.date_from or f.date_to) and all(m.date for m in meetings):
        f.date_from, f.date_to = min(m.date for m in meetings), max(m.date for m in meetings)
    return f
