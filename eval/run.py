"""Run the evaluation: retrieval in three modes and (when rag/answer.py is present) answers.

    from eval.run import evaluate
    report = evaluate(store, "eval/fixtures")        # -> EvalReport
    report.metrics["hybrid"]["hit@5"], report.metrics["answers"]["correct"]

Retrieval is scored on every answerable question: the rank of the first gold agenda item in
`Retriever.search(question, top_k=10, mode=...)` for mode in hybrid, vector and bm25 (all in
the same run, no filters), plus "hybrid+qf": hybrid with `filters_from_question` applied, and
"engine": the items the extractive engine itself reads (the meeting(s) the question points
at, `ExtractiveEngine.retrieve`) - the figure the answers rest on. hit@k = share of questions with a gold item in
the top k; MRR = mean 1/rank (0 when not in the top 10); multi_meeting questions also report
the recall of their whole gold set in the top 5. Answers are scored by eval/scorer.py.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import MinutesError
from ingest.model import Answer

from .scorer import (
    Gold,
    Fixture,
    QuestionResult,
    answer_metrics,
    hit_rank,
    llm_judge,
    load_fixtures,
    percentile,
    recall_at,
    retrieval_metrics,
    score_answer,
)

MODES = ("hybrid", "vector", "bm25", "hybrid+qf", "engine")
RETRIEVAL_DEPTH = 10
DEFAULT_FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class EvalReport:
    """metrics: {"hybrid": {...}, "vector": {...}, "bm25": {...}, "answers": {...}, ...};
    results: one QuestionResult per question (answers empty when no answer engine ran)."""

    metrics: dict
    results: list[QuestionResult]
    config: dict = field(default_factory=dict)
    baseline: dict | None = None
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = {"metrics": self.metrics, "results": [r.to_dict() for r in self.results]}
        if self.baseline is not None:
            out["baseline"] = self.baseline
        return out

    def flat_metrics(self) -> dict[str, float]:
        """'hybrid.hit@5' -> value, for thresholds and tables."""
        flat = {}
        for group, values in self.metrics.items():
            if isinstance(values, dict):
                for k, v in values.items():
                    if isinstance(v, (int, float)) and not isinstance(v, bool):
                        flat[f"{group}.{k}"] = float(v)
        return flat


def get_ask() -> Callable | None:
    """rag.answer.ask if the answer engine is installed, else None (retrieval-only evaluation)."""
    try:
        from rag.answer import ask
    except ImportError:
        return None
    return ask


def _ranked(hits) -> list[tuple[str, str]]:
    return [(h.meeting_id, h.item_number) for h in hits]


def evaluate_retrieval(store, questions: list[Fixture], modes=MODES, retriever=None, progress: Callable[[str, int, int], None] | None = None):
    """{mode: metrics} and {question id: {mode: rank}} over the answerable questions with gold items."""
    from rag.retrieve import Retriever, filters_from_question

    retriever = retriever or Retriever(store)
    engine = None
    if "engine" in modes:
        from rag.answer import ExtractiveEngine

        engine = ExtractiveEngine(retriever)
    gold = Gold(store.meetings())
    scored = [q for q in questions if q.answerable and gold.keys(q)]
    ranks: dict[str, dict[str, int | None]] = {q.id: {} for q in scored}
    metrics: dict[str, dict] = {}
    for mode in modes:
        mode_ranks, multi_recall, lat = [], [], []
        for n, q in enumerate(scored, 1):
            keys = gold.keys(q)
            base, _, extra = mode.partition("+")
            f = filters_from_question(q.question, store) if extra == "qf" else None
            t0 = time.perf_counter()
            if mode == "engine":  # what the answer engine reads: the question's own meeting(s), then hybrid
                hits, _ = engine.retrieve(q.question, None, top_k=RETRIEVAL_DEPTH)
            else:
                hits = retriever.search(q.question, f, top_k=RETRIEVAL_DEPTH, mode=base)
            lat.append((time.perf_counter() - t0) * 1000)
            ranked = _ranked(hits)
            r = hit_rank(keys, ranked)
            ranks[q.id][mode] = r
            mode_ranks.append(r)
            if len(keys) > 1:
                multi_recall.append(recall_at(keys, ranked, 5))
            if progress:
                progress(mode, n, len(scored))
        m = retrieval_metrics(mode_ranks, multi_recall)
        m["latency_p50_ms"] = percentile(lat, 50)
        m["latency_p95_ms"] = percentile(lat, 95)
        metrics[mode] = m
    return metrics, ranks


def _as_questions(fixtures) -> list[Fixture]:
    if isinstance(fixtures, (str, Path)):
        return load_fixtures(fixtures)
    return list(fixtures)


def evaluate(store, fixtures=DEFAULT_FIXTURES, llm: str | None = None, *, modes=MODES, answers: bool = True,
             judge=None, baseline=False, progress: Callable[[str, int, int], None] | None = None) -> EvalReport:
    """Evaluate the store against the fixtures.

    llm: passed to `ask` (None = the configured default). judge: a llama-index LLM object for
    the optional CorrectnessEvaluator (None = no LLM judge). baseline: also run the naive
    llama-index pipeline (eval/baseline.py); True = over the stored meetings' source files,
    or a list of document paths.
    """
    from rag.front import Minutes

    minutes = Minutes.of(store)  # a MinutesStore or a Minutes: one retriever, engine and caches
    store = minutes.store
    questions = _as_questions(fixtures)
    meetings = store.meetings()
    if not meetings:
        raise MinutesError(f"the store {store.root} has no meetings: ingest the corpus first (or pass --corpus)")
    gold = Gold(meetings)
    problems = [f"{q.id}: gold {m} not in the store" for q in questions for m in gold.missing(q)]
    retriever = minutes.retriever

    metrics, ranks = evaluate_retrieval(store, questions, modes, retriever, progress)
    results: list[QuestionResult] = []
    ask = get_ask() if answers else None
    if ask is None:
        metrics["answers"] = {"skipped": "rag/answer.py is not available" if answers else "not requested"}
        for q in questions:
            results.append(QuestionResult(
                id=q.id, type=q.type, question=q.question, gold_answer=q.answer, gold_item=q.gold_label,
                answer="", refused=False, citations=[], hit_rank=ranks.get(q.id, {}).get("hybrid"),
                correct=False, latency_ms=0.0, retrieval=ranks.get(q.id, {}),
            ))
    else:
        for n, q in enumerate(questions, 1):
            t0 = time.perf_counter()
            error = None
            try:
                ans = ask(retriever, q.question, None, llm=llm)
            except MinutesError as exc:  # a clean refusal-by-error still counts as a refusal
                ans = Answer(question=q.question, text=str(exc), refused=True, engine="error")
                error = str(exc)
            ms = (time.perf_counter() - t0) * 1000
            r = score_answer(q, ans, gold, ms)
            r.error = error
            r.retrieval = ranks.get(q.id, {})
            r.hit_rank = r.retrieval.get("hybrid")
            if judge is not None and q.answerable and not ans.refused:
                r.judge = llm_judge(judge, q.question, ans.text, q.answer)
            results.append(r)
            if progress:
                progress("answers", n, len(questions))
        metrics["answers"] = answer_metrics(questions, results)
        metrics["answers"]["engines"] = dict(Counter(r.engine for r in results))
        if judge is not None:
            judged = [r.judge for r in results if r.judge]
            metrics["answers"]["judge_mean_score"] = (
                sum(j["score"] or 0 for j in judged) / len(judged) if judged else 0.0)
            metrics["answers"]["judge_passing"] = (
                sum(j["passing"] for j in judged) / len(judged) if judged else 0.0)
    report = EvalReport(
        metrics=metrics, results=results, problems=problems,
        config={"questions": len(questions), "modes": list(modes), "retrieval_depth": RETRIEVAL_DEPTH,
                "llm": llm, "store": str(store.root),
                "meetings": len(meetings), "passages": store.passage_count()},
    )
    if baseline:
        from .baseline import evaluate_baseline

        paths = [m.source for m in meetings] if baseline is True else list(baseline)
        report.baseline = evaluate_baseline(paths, questions)
    return report


def main() -> int:
    """python -m eval.run [FIXTURES]: evaluate the default store (same as `minutes eval`)."""
    import sys

    from ui.cli import main as cli

    sys.argv = ["minutes", "eval", *(["--fixtures", sys.argv[1]] if len(sys.argv) > 1 else [])]
    return cli()


if __name__ == "__main__":
    main()
