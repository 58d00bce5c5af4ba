"""Dense search inside a filter's meetings: exact scores over passage vectors held in memory.

Why: a committee, date or named-meeting filter selects whole meetings, and Chroma 1.5
evaluates a `where` filter at a cost that grows with the store, not with the scope: at
100,000 passages a query restricted to one meeting took 125-280 ms against 16 ms for an
unfiltered one (eval/bench.py, `chroma` line). Here the scope's passages are found in the
BM25 index's corpus (already in memory, one row per committed passage with its meeting,
kind and node), their vectors are fetched from Chroma once by id and kept, and a filtered
query is one matrix-vector product over the scope's rows: exact cosine top-k, scored as
llama-index's Chroma store scores (exp(-cosine distance)), nodes built from the same
metadata. Unfiltered searches stay on Chroma's HNSW index.

Chroma keeps answering whenever this cannot be sure to match it: no BM25 index, a meeting
in scope the index does not hold, index rows that are not the meeting's committed passages,
a vector Chroma does not return, or more than MAX_FETCH vectors to fetch for one query.
"""
from __future__ import annotations

import math
import threading
import weakref

import numpy as np

MAX_FETCH = 20_000  # vectors fetched for one query; beyond it Chroma's own filter answers
_GET_CHUNK = 5_000

_by_index: "weakref.WeakKeyDictionary[object, ScopedVectors]" = weakref.WeakKeyDictionary()


class ScopedVectors:
    """Vectors of the BM25 corpus's rows, fetched from Chroma on first use, row-aligned."""

    def __init__(self, collection, corpus: list[dict]) -> None:
        self.collection = collection
        self.corpus = corpus
        self.node_ids = [row.get("node_id") for row in corpus]  # None: Chroma answers (see vectors)
        self.vecs: np.ndarray | None = None  # (rows, dim) float32, unit length, allocated lazily
        self.have = np.zeros(len(corpus), dtype=bool)
        self._nodes: dict[int, object] = {}
        self._lock = threading.Lock()  # the app reads from several threads; fetches must not interleave

    def node(self, row: int):
        """The row's TextNode, built once (parsing its stored JSON costs ~0.1 ms, and a search
        over several meetings returns hundreds)."""
        found = self._nodes.get(row)
        if found is None:
            from llama_index.core.vector_stores.utils import metadata_dict_to_node

            found = self._nodes[row] = metadata_dict_to_node(self.corpus[row])
        return found

    def vectors(self, rows: np.ndarray) -> np.ndarray | None:
        """Unit vectors of these corpus rows; None when Chroma cannot supply them all."""
        with self._lock:
            return self._vectors(rows)

    def _vectors(self, rows: np.ndarray) -> np.ndarray | None:
        missing = rows[~self.have[rows]]
        if len(missing) > MAX_FETCH:
            return None
        if len(missing):
            ids = [self.node_ids[i] for i in missing]
            if any(i is None for i in ids):
                return None
            got: dict[str, np.ndarray] = {}
            for start in range(0, len(ids), _GET_CHUNK):
                res = self.collection.get(ids=ids[start:start + _GET_CHUNK], include=["embeddings"])
                got.update(zip(res["ids"], res["embeddings"]))
            if any(i not in got for i in ids):
                return None
            arr = np.asarray([got[i] for i in ids], dtype=np.float32)
            arr /= np.maximum(np.linalg.norm(arr, axis=1, keepdims=True), 1e-12)  # Chroma's cosine normalises
            if self.vecs is None:
                self.vecs = np.zeros((len(self.corpus), arr.shape[1]), dtype=np.float32)
            self.vecs[missing] = arr
            self.have[missing] = True
        return self.vecs[rows] if self.vecs is not None else np.zeros((0, 0), dtype=np.float32)


def scoped_vectors(bm25, collection) -> ScopedVectors:
    """One ScopedVectors per loaded BM25 index (a write loads a new one, so it starts afresh)."""
    found = _by_index.get(bm25)
    if found is None or found.collection is not collection:
        found = _by_index[bm25] = ScopedVectors(collection, bm25.corpus or [])
    return found


def scope_rows(retriever, scope) -> np.ndarray | None:
    """BM25 corpus rows of the scope's passages; None when the index cannot vouch for them."""
    if scope.meeting_ids is None:
        return None
    cols = retriever._bm25_columns()
    if cols is None:
        return None
    bm25, rows, codes, kinds = cols
    wanted = [codes.get(m) for m in scope.meeting_ids]
    if any(c is None for c in wanted):
        return None  # a meeting the index does not hold (a write not yet indexed)
    allowed = np.zeros(len(codes) + 1, dtype=bool)
    allowed[wanted] = True
    keep = allowed[rows]
    if scope.kind:
        keep &= kinds == scope.kind
    found = np.flatnonzero(keep)
    committed = retriever._committed
    if committed:
        corpus = bm25.corpus
        for i in found:
            row = corpus[i]
            listed = committed.get(row.get("meeting_id"))
            if listed and row.get("node_id") not in listed:
                return None  # the index holds another version of the meeting than the record
    return found


def scoped_dense_retriever(retriever, scope, k: int, fallback):
    """A llama-index retriever giving the dense top-k inside `scope`, exactly, from memory;
    `fallback` (Chroma's filtered retriever) answers when the scope cannot be served here."""
    if scope.meeting_ids is None:
        return fallback
    rows = scope_rows(retriever, scope)
    if rows is None:
        return fallback
    bm25 = retriever._bm25_columns()[0]
    return _retriever_class()(scoped_vectors(bm25, retriever.store.collection), rows, k, fallback)


_CLASS = None


def _retriever_class():
    """Built on first use: importing llama-index is not free."""
    global _CLASS
    if _CLASS is not None:
        return _CLASS
    from llama_index.core.retrievers import BaseRetriever
    from llama_index.core.schema import NodeWithScore

    from .embed import get_embed_model

    class ScopedDenseRetriever(BaseRetriever):
        def __init__(self, sv: ScopedVectors, rows: np.ndarray, k: int, fallback) -> None:
            super().__init__()
            self._sv, self._rows, self._k, self._fallback = sv, rows, k, fallback

        def _retrieve(self, query_bundle) -> list:
            if not len(self._rows):
                return []
            vecs = self._sv.vectors(self._rows)
            if vecs is None:
                return self._fallback.retrieve(query_bundle)
            q = np.asarray(query_bundle.embedding or get_embed_model().get_query_embedding(query_bundle.query_str),
                           dtype=np.float32)
            q /= max(float(np.linalg.norm(q)), 1e-12)
            sims = vecs @ q
            order = np.argsort(-sims, kind="stable")[: self._k]
            out = []
            for j in order:
                node = self._sv.node(int(self._rows[j]))
                # as llama-index's Chroma store scores: exp(-distance), cosine distance 1 - cos
                out.append(NodeWithScore(node=node, score=math.exp(-(1.0 - float(sims[j])))))
            return out

    _CLASS = ScopedDenseRetriever
    return _CLASS
