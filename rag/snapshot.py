"""The query path's snapshot of the store: search without importing Chroma or llama-index.

Why: a cold `minutes ask` spent most of its time importing llama-index (~3-9 s on the busy
2-core machine) and chromadb (~2-5 s), although a question only needs the passages, their
vectors and the BM25 index. Every write already rebuilds the BM25 index (`bm25/`: a bm25s
index whose corpus holds each committed passage's node JSON, one row per passage) and stamps
it with the store generation. Beside it the writer now saves `bm25/vectors.npy`: each row's
unit vector, fetched from Chroma (the system of record) in row order, so the directory is
one consistent snapshot swapped in whole.

A reader uses the snapshot only when it vouches for the store as it is now: the vectors file
has one row per corpus row, its stamp and the BM25 generation equal the store's generation,
the Chroma database is there, and the store is not served by a Chroma server (`MINUTES_CHROMA_URL`).
Otherwise the Retriever searches Chroma through llama-index as before.

The results are the slow path's: dense scores are llama-index's Chroma scores
(exp(-cosine distance)) computed exactly over every row (Chroma's HNSW index approximates
the same ranking); BM25 runs the same bm25s call llama-index's BM25Retriever makes (same
tokenizer pattern, stemmer, top-k and weight mask); the fusion is QueryFusionRetriever's
relative-score arithmetic, de-duplicating by the same node hash. tests/test_snapshot.py
checks both paths give the same passages on a real store.
"""
from __future__ import annotations

import json
import math
import threading
import weakref
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

import numpy as np

VECTORS = "vectors.npy"
STAMP = "vectors.json"  # {"rows", "dim", "generation"}: read on every query, so kept small
IDS = "vector_ids.json"  # the node id of each row, checked once per loaded index
TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # llama-index BM25Retriever's default
_GET_CHUNK = 5_000
FAST_FUSIONS = ("relative_score", "dist_based_score")


# --- writing (at ingest, beside the BM25 index) -------------------------------------------


def write_vectors(directory: Path, node_ids: list[str], collection, previous: Path | None, generation: int) -> None:
    """Save each BM25 row's unit vector (row order = `node_ids`) into `directory`.

    Vectors of rows already in the previous snapshot are reused (passage ids are content
    addressed, so an id's vector never changes); only new rows are fetched from Chroma."""
    if not node_ids:
        return  # an empty store has nothing to search (and doctor reads stray *.npy as a damaged index)
    old: dict[str, np.ndarray] = {}
    if previous is not None:
        prev = _load(previous)
        if prev is not None:
            vecs, ids = prev
            old = {pid: vecs[i] for i, pid in enumerate(ids)}
    missing = [pid for pid in node_ids if pid not in old]
    got: dict[str, np.ndarray] = {}
    for start in range(0, len(missing), _GET_CHUNK):
        res = collection.get(ids=missing[start:start + _GET_CHUNK], include=["embeddings"])
        for pid, emb in zip(res["ids"], res["embeddings"]):
            got[pid] = np.asarray(emb, dtype=np.float32)
    if any(pid not in got for pid in missing):
        return  # Chroma lacks a vector: no snapshot, readers use Chroma (doctor reports it)
    dim = next(iter(got.values())).shape[0] if got else (next(iter(old.values())).shape[0] if old else 0)
    arr = np.zeros((len(node_ids), dim), dtype=np.float32)
    for i, pid in enumerate(node_ids):
        arr[i] = got[pid] if pid in got else old[pid]
    if len(arr):
        arr /= np.maximum(np.linalg.norm(arr, axis=1, keepdims=True), 1e-12)  # Chroma's cosine normalises
    np.save(directory / VECTORS, arr)
    (directory / IDS).write_text(json.dumps(node_ids), encoding="utf-8")
    (directory / STAMP).write_text(json.dumps({"rows": len(node_ids), "dim": dim, "generation": generation}),
                                   encoding="utf-8")


def _load(directory: Path) -> tuple[np.ndarray, list[str]] | None:
    """(vectors, row ids) of a snapshot directory, or None when absent or inconsistent."""
    try:
        ids = json.loads((directory / IDS).read_text(encoding="utf-8"))
        vecs = np.load(directory / VECTORS)
    except (OSError, ValueError):
        return None
    if not isinstance(ids, list) or vecs.ndim != 2 or len(ids) != vecs.shape[0]:
        return None
    return vecs, ids


def load_vectors(directory: Path, node_ids: list[str]) -> np.ndarray | None:
    """The snapshot's vectors when its rows are exactly `node_ids` (the loaded BM25 corpus)."""
    got = _load(directory)
    if got is None or got[1] != node_ids:
        return None
    return got[0]


def snapshot_stamp(directory: Path) -> dict | None:
    """The stamp of the snapshot in `directory` (rows, generation), or None."""
    try:
        stamp = json.loads((directory / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


# --- reading -------------------------------------------------------------------------------


class LightNode:
    """The parts of a llama-index TextNode the readers use, parsed from a BM25 corpus row."""

    __slots__ = ("node_id", "text", "metadata", "_hash")

    def __init__(self, node_id: str, text: str, metadata: dict) -> None:
        self.node_id, self.text, self.metadata, self._hash = node_id, text, metadata, None

    @property
    def id_(self) -> str:
        return self.node_id

    def get_content(self, metadata_mode=None) -> str:  # noqa: ARG002  (text only, as MetadataMode.NONE)
        return self.text

    @property
    def hash(self) -> str:
        """TextNode.hash: what QueryFusionRetriever de-duplicates by."""
        if self._hash is None:
            self._hash = sha256((str(self.text) + str(self.metadata)).encode("utf-8", "surrogatepass")).hexdigest()
        return self._hash


class Scored:
    """A NodeWithScore stand-in: `.node`, `.score`."""

    __slots__ = ("node", "score")

    def __init__(self, node: LightNode, score: float) -> None:
        self.node, self.score = node, score

    def get_content(self, metadata_mode=None) -> str:  # noqa: ARG002
        return self.node.text

    @property
    def node_id(self) -> str:
        return self.node.node_id


def _parse_row(data: dict) -> LightNode:
    """A BM25 corpus row (llama-index's node_to_metadata_dict) as a LightNode."""
    content = json.loads(data["_node_content"])
    text = content.get("text")
    if text is None:
        text = (content.get("text_resource") or {}).get("text") or ""
    return LightNode(content.get("id_") or data.get("node_id"), text, content.get("metadata") or {})


class Snapshot:
    """Row-aligned BM25 index, vectors and nodes of one store generation."""

    def __init__(self, bm25, vectors: np.ndarray) -> None:
        self.bm25 = bm25
        self.vectors = vectors
        self.corpus = bm25.corpus or []
        self._nodes: dict[int, LightNode] = {}
        self._by_id: dict[str, LightNode] = {}
        self._lock = threading.Lock()

    def node(self, row: int) -> LightNode:
        found = self._nodes.get(row)
        if found is None:
            found = _parse_row(self.corpus[row])
            with self._lock:
                self._nodes[row] = found
        return found

    def dense(self, query_vec, rows: np.ndarray | None, k: int) -> list[tuple[LightNode, float]]:
        """Exact cosine top-k over `rows` (None: all), scored exp(-(1 - cos)) like Chroma's."""
        q = np.asarray(query_vec, dtype=np.float32)
        q /= max(float(np.linalg.norm(q)), 1e-12)
        if rows is None:
            sims = self.vectors @ q
            pos = np.arange(len(sims))
        else:
            if not len(rows):
                return []
            sims = self.vectors[rows] @ q
            pos = rows
        kk = min(k, len(sims))
        if kk <= 0:
            return []
        top = np.sort(np.argpartition(-sims, kk - 1)[:kk]) if kk < len(sims) else np.arange(len(sims))
        top = top[np.argsort(-sims[top], kind="stable")]  # ties in row order, as rag/scoped_dense.py
        return [(self.node(int(pos[j])), math.exp(-(1.0 - float(sims[j])))) for j in top]

    def lexical(self, query: str, mask: np.ndarray | None, k: int) -> list[tuple[LightNode, float]]:
        """llama-index BM25Retriever._retrieve over this index, without llama-index."""
        import bm25s

        n_docs = self.bm25.scores.get("num_docs")
        if n_docs is not None and int(n_docs) < k:
            k = int(n_docs)
        if k <= 0:
            return []
        tokens = bm25s.tokenize(query, stemmer=_stemmer(), token_pattern=TOKEN_PATTERN, show_progress=False)
        idx, scores = self.bm25.retrieve(tokens, k=k, show_progress=False,
                                         weight_mask=mask.astype(int) if mask is not None else None)
        out = []
        for i, s in zip(idx[0], scores[0]):
            # bm25s returns the corpus row itself when the index holds its corpus
            node = self._row_node(i) if isinstance(i, dict) else self.node(int(i))
            out.append((node, float(s)))
        return out

    def _row_node(self, data: dict) -> LightNode:
        """The node of a corpus row bm25s returned as its dict (cached by node id)."""
        key = data.get("node_id")
        found = self._by_id.get(key)
        if found is None:
            found = self._by_id[key] = _parse_row(data)
        return found


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


_by_index: "weakref.WeakKeyDictionary[object, Snapshot]" = weakref.WeakKeyDictionary()


def snapshot_for(store, bm25) -> Snapshot | None:
    """The Snapshot of a loaded BM25 index when the store vouches for it now, else None."""
    vouch = getattr(store, "snapshot_vectors", None)
    if vouch is None or bm25 is None:
        return None
    found = _by_index.get(bm25)
    if found is not None:
        return found if vouch(bm25, check_only=True) else None
    vecs = vouch(bm25)
    if vecs is None:
        return None
    found = _by_index[bm25] = Snapshot(bm25, vecs)
    return found


def snapshot_lists(retriever, query: str, scope, k: int, mode: str) -> list[list] | None:
    """The (dense, BM25) lists `Retriever._lists` would fetch, from the snapshot; None when
    the snapshot cannot vouch for the store or the fusion is one this module does not do."""
    if retriever.fusion not in FAST_FUSIONS:
        return None
    cols = retriever._bm25_columns()
    if cols is None:
        return None
    from .retrieve import scope_keep

    bm25, rows = cols[0], cols[1]
    snap = snapshot_for(retriever.store, bm25)
    if snap is None or len(snap.vectors) != len(rows):
        return None
    keep = scope_keep(cols, scope)
    lists = []
    if mode in ("hybrid", "vector"):
        from .embed import embed_query

        chosen = None if keep is None else np.flatnonzero(keep)
        lists.append(snap.dense(embed_query(query), chosen, k))
    if mode in ("hybrid", "bm25") and (keep is None or keep.any()) and int(snap.bm25.scores.get("num_docs") or 0) > 0:
        lists.append(snap.lexical(query, keep, k))
    if scope.unfiltered:
        return lists
    ids = set(scope.meeting_ids) if scope.meeting_ids is not None else None
    return [[(n, s) for n, s in pairs if (ids is None or n.metadata.get("meeting_id") in ids)
             and (not scope.kind or n.metadata.get("kind") == scope.kind)] for pairs in lists]


def is_light(lists: list[list]) -> bool:
    """Lists from the snapshot (no lists, or empty ones, fuse to nothing either way)."""
    return all(isinstance(n, LightNode) for pairs in lists for n, _ in pairs)


def as_text_nodes(pairs: list) -> list:
    """(LightNode, score) pairs as llama-index TextNodes, for the fusions done by llama-index."""
    from llama_index.core.schema import TextNode

    return [(TextNode(id_=n.node_id, text=n.text, metadata=n.metadata) if isinstance(n, LightNode) else n, s)
            for n, s in pairs]


def fuse_light(lists: list[list], fusion: str, weights: tuple[float, float] | None, k: int) -> list[Scored]:
    """QueryFusionRetriever's relative-score fusion (one query), over (node, score) lists."""
    if len(lists) == 1:
        return [Scored(node, score) for node, score in lists[0][:k]]
    ws = list(weights) if weights else [1.0 / len(lists)] * len(lists)
    total = sum(ws)
    ws = [w / total for w in ws]
    scored: list[list[Scored]] = []
    for i, pairs in enumerate(lists):
        items = [Scored(node, score) for node, score in pairs]
        if items:
            values = [s.score or 0.0 for s in items]
            if fusion == "dist_based_score":
                mean = sum(values) / len(values)
                std = (sum((x - mean) ** 2 for x in values) / len(values)) ** 0.5
                lo, hi = mean - 3 * std, mean + 3 * std
            else:
                lo, hi = min(values), max(values)
            for s in items:
                s.score = (1.0 if hi > 0 else 0.0) if hi == lo else (s.score - lo) / (hi - lo)
                s.score = (s.score or 0.0) * ws[i]
                s.score /= 1  # num_queries
        scored.append(items)
    merged: dict[str, Scored] = {}
    for items in scored:
        for s in items:
            key = s.node.hash
            if key in merged:
                merged[key].score = (merged[key].score or 0.0) + (s.score or 0.0)
            else:
                merged[key] = s
    return sorted(merged.values(), key=lambda s: s.score or 0.0, reverse=True)[:k]
