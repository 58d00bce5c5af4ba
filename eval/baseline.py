"""The naive pipeline `minutes eval --baseline` compares against: llama-index defaults.

Each document's whole text (as read from disk, no agenda-item parsing) is cut by a default
SentenceSplitter (1024 tokens, 200 overlap) into an in-memory VectorStoreIndex with the same
embedding model; retrieval is vector-only top-5; the citation is the chosen chunk's document
(it has no notion of items). Two answers are scored:
  * "answer": rag.answer.ask (extractive) given the top-5 chunks as its search hits instead
    of the top-5 agenda items (documents stand in for meetings, with no metadata), so the
    comparison isolates chunking + retrieval; falls back to the top chunk if that fails;
  * "top_chunk": the top chunk's whole text, never refusing (llama-index's plainest answer).

Scoring, side by side with the real pipeline:
  * retrieval: rank of the first retrieved chunk that contains the gold evidence
    (whitespace-normalised) -> hit@1, hit@5, MRR over the top 10;
  * answers: the same `answer_correct` measure (a whole chunk makes token recall easy, so
    `mean_answer_words` is reported next to `correct_top_chunk`);
  * citation precision: the cited document is the gold document (or one in `also`);
    citation validity: the chunk text occurs in its document (whitespace-normalised).
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from .scorer import Question, _norm_ws, answer_correct, percentile, retrieval_metrics

TOP_K = 5
DEPTH = 10


def build_index(paths: Iterable[str | Path]):
    """An in-memory VectorStoreIndex of SentenceSplitter chunks of each document's whole text."""
    from llama_index.core import Document, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter

    from ingest.readers import read_document
    from rag.config import offline_environment
    from rag.embed import get_embed_model

    offline_environment()
    docs = []
    for p in paths:
        p = Path(p)
        docs.append(Document(text=read_document(p), metadata={"source": p.name}))
    nodes = SentenceSplitter().get_nodes_from_documents(docs)
    index = VectorStoreIndex(nodes, embed_model=get_embed_model(), show_progress=False)
    return index, {d.metadata["source"]: d.text for d in docs}, len(nodes)


class _ChunkStore:
    """Just enough of MinutesStore for rag.answer: each document is a 'meeting' with no metadata
    and one item holding its whole text (used only for the engine's entity checks)."""

    def __init__(self, doc_texts: dict[str, str]) -> None:
        from ingest.model import AgendaItem, Meeting
        from rag.config import Settings

        self.settings = Settings()
        self.settings.llm = "extractive"
        self._meetings = {
            name: Meeting(council=None, committee=None, date=None, source=name, id=name,
                          items=[AgendaItem(number=None, title="", text=text)])
            for name, text in doc_texts.items()
        }

    def meetings(self):
        return list(self._meetings.values())

    def get_meeting(self, meeting_id: str):
        from ingest.errors import MinutesError

        if meeting_id not in self._meetings:
            raise MinutesError(f"no meeting with id '{meeting_id}'")
        return self._meetings[meeting_id]

    def passage_count(self) -> int:
        return 1


class _ChunkRetriever:
    """A Retriever stand-in whose search returns the baseline's top chunks as hits."""

    def __init__(self, doc_texts: dict[str, str]) -> None:
        self.store = _ChunkStore(doc_texts)
        self.hits: list = []

    def search(self, query, filters=None, top_k: int = 5, mode: str = "hybrid", per_item: int = 3):
        return self.hits[:top_k]


def _chunk_hits(nodes, k: int):
    from ingest.model import SearchHit

    hits = []
    for r, nws in enumerate(nodes[:k]):
        text = nws.node.get_content()
        hits.append(SearchHit(meeting_id=nws.node.metadata.get("source", "?"), item_number=f"chunk{r + 1}",
                              item_title="", committee=None, council=None, date=None,
                              score=float(nws.score or 0.0), text=text, passages=[text]))
    return hits


def _answer_all(retriever, texts: dict[str, str], norm_docs: dict[str, str], questions: list[Question], ask):
    """Retrieve and answer every question; the 4th value is the answer engine's error, if any."""
    fake = _ChunkRetriever(texts)
    engine_error = None
    results, ranks, lat, rlat = [], [], [], []
    for q in questions:
        t0 = time.perf_counter()
        nodes = retriever.retrieve(q.question)
        rlat.append((time.perf_counter() - t0) * 1000)
        top = nodes[0].node if nodes else None
        chunk = top.get_content() if top is not None else ""
        ans = None
        if ask is not None and engine_error is None:
            fake.hits = _chunk_hits(nodes, TOP_K)
            try:
                ans = ask(fake, q.question, None, llm="extractive")
            except Exception as exc:  # the adapter is not the product: fall back, and say so
                return results, ranks, (lat, rlat), f"{type(exc).__name__}: {exc}"
        if ans is not None:
            answer, refused = ans.text, ans.refused
            cited = [c.meeting_id for c in ans.citations]
            quotes = [c.quote for c in ans.citations]
        else:
            answer, refused = chunk, False
            cited = [top.metadata.get("source")] if top is not None else []
            quotes = [chunk] if chunk else []
        ms = (time.perf_counter() - t0) * 1000
        lat.append(ms)
        rank = None
        if q.answerable:
            ev = _norm_ws(q.evidence)
            for r, nws in enumerate(nodes, 1):
                if ev in _norm_ws(nws.node.get_content()):
                    rank = r
                    break
            ranks.append(rank)
        gold_docs = {s for s, _ in q.gold}
        if q.answerable:
            correct = not refused and answer_correct(q.answer, q.evidence, answer, quotes).correct
            correct_chunk = answer_correct(q.answer, q.evidence, chunk).correct
        else:
            correct, correct_chunk = refused, False
        results.append({
            "id": q.id, "type": q.type, "question": q.question, "gold_answer": q.answer, "gold_item": q.gold_label,
            "answer": answer, "refused": refused,
            "citations": [{"source": d, "quote": qt} for d, qt in zip(cited, quotes)],
            "hit_rank": rank, "correct": correct, "correct_top_chunk": correct_chunk, "latency_ms": round(ms, 1),
            "citations_relevant": sum(1 for d in cited if d in gold_docs),
            "citations_valid": sum(1 for d, qt in zip(cited, quotes) if _norm_ws(qt) in norm_docs.get(d, "")),
            "top_chunk_words": len(chunk.split()),
        })

    return results, ranks, (lat, rlat), engine_error


def evaluate_baseline(paths: Iterable[str | Path], questions: list[Question]) -> dict:
    """{"metrics": {...}, "results": [...]} for the naive pipeline over these documents."""
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        from ingest.errors import MinutesError

        raise MinutesError(f"the baseline re-reads the source documents, and these are gone: {', '.join(missing)} "
                           "(use --corpus DIR)")
    t0 = time.perf_counter()
    index, texts, n_chunks = build_index(paths)
    build_s = time.perf_counter() - t0
    retriever = index.as_retriever(similarity_top_k=DEPTH)
    norm_docs = {name: _norm_ws(t) for name, t in texts.items()}
    try:
        from rag.answer import ask
    except ImportError:
        ask = None
    results, ranks, (lat, rlat), engine_error = _answer_all(retriever, texts, norm_docs, questions, ask)
    if engine_error:  # don't mix two answer methods in one score: redo with the top chunk
        results, ranks, (lat, rlat), _ = _answer_all(retriever, texts, norm_docs, questions, None)

    ans = [r for r in results if r["gold_answer"] is not None]
    answered = [r for r in ans if not r["refused"]]
    unans = [r for r in results if r["gold_answer"] is None]
    n_cit = sum(len(r["citations"]) for r in answered)
    n_cit_all = sum(len(r["citations"]) for r in results)
    metrics = {
        **retrieval_metrics(ranks),
        "answer_engine": "top chunk" if ask is None or engine_error else "rag.answer.ask over the top-5 chunks",
        "answer_engine_error": engine_error,
        "correct": sum(r["correct"] for r in ans) / len(ans) if ans else 0.0,
        "correct_when_answered": sum(r["correct"] for r in answered) / len(answered) if answered else 0.0,
        "correct_top_chunk": sum(r["correct_top_chunk"] for r in ans) / len(ans) if ans else 0.0,
        "refusal_accuracy": sum(r["refused"] for r in unans) / len(unans) if unans else 0.0,
        "false_refusal_rate": sum(r["refused"] for r in ans) / len(ans) if ans else 0.0,
        "citation_precision": sum(r["citations_relevant"] for r in answered) / n_cit if n_cit else 0.0,
        "citation_validity": sum(r["citations_valid"] for r in results) / n_cit_all if n_cit_all else 1.0,
        "citation_granularity": "document",
        "mean_answer_words": sum(len(r["answer"].split()) for r in answered) / len(answered) if answered else 0.0,
        "mean_top_chunk_words": sum(r["top_chunk_words"] for r in ans) / len(ans) if ans else 0.0,
        "latency_p50_ms": percentile(lat, 50),
        "latency_p95_ms": percentile(lat, 95),
        "retrieval_p50_ms": percentile(rlat, 50),
        "retrieval_p95_ms": percentile(rlat, 95),
        "chunks": n_chunks,
        "build_s": round(build_s, 2),
    }
    return {"metrics": metrics, "results": results}
