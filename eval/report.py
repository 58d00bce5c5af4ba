"""Printing an EvalReport (terminal table, Markdown) and the CI gate's thresholds.

`run_eval_command` is the body of `minutes eval`; the click command in ui/cli.py only
declares its options.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from ingest.errors import MinutesError

from .run import DEFAULT_FIXTURES, EvalReport

# flag name -> (metric in EvalReport.flat_metrics(), description)
THRESHOLDS = {
    "min_hit5": ("hybrid.hit@5", "retrieval hit@5 (hybrid)"),
    "min_correct": ("answers.correct", "answer correctness"),
    "min_refusal": ("answers.refusal_accuracy", "refusal accuracy"),
    "min_validity": ("answers.citation_validity", "citation validity"),
}


def check_thresholds(report: EvalReport, **minimums: float | None) -> list[str]:
    """One message per metric below its minimum (or missing because it was not evaluated)."""
    flat = report.flat_metrics()
    failures = []
    for flag, minimum in minimums.items():
        if minimum is None:
            continue
        key, what = THRESHOLDS[flag]
        if key not in flat:
            failures.append(f"{what} ({key}) was not evaluated, so --{flag.replace('_', '-')} {minimum} cannot pass"
                            + (" (rag/answer.py is missing)" if key.startswith("answers.") else ""))
        elif flat[key] < minimum:
            failures.append(f"{what} ({key}) is {flat[key]:.3f}, below the minimum {minimum:.3f}")
    return failures


def _f(v) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def _ms(v) -> str:
    return f"{v:.0f}"


def _retrieval_rows(report: EvalReport) -> list[list[str]]:
    rows = []
    for mode in report.config.get("modes", []):
        m = report.metrics.get(mode, {})
        if m:
            rows.append([mode, _f(m["hit@1"]), _f(m["hit@5"]), _f(m["mrr"]), _f(m.get("recall@5_multi", "-")),
                         _ms(m["latency_p50_ms"]), _ms(m["latency_p95_ms"])])
    if report.baseline:
        b = report.baseline["metrics"]
        rows.append(["baseline (chunks, vector)", _f(b["hit@1"]), _f(b["hit@5"]), _f(b["mrr"]), "-",
                     _ms(b["retrieval_p50_ms"]), _ms(b["retrieval_p95_ms"])])
    return rows


RETRIEVAL_HEAD = ["mode", "hit@1", "hit@5", "MRR", "recall@5 multi", "p50 ms", "p95 ms"]


def engine_breakdown(report: EvalReport, mode: str = "engine") -> list[str]:
    """hit@1 / hit@5 of the retrieval the answer engine reads, per document format and per
    question type: where retrieval is weak shows there, not in the overall figure."""
    from .scorer import format_name

    ranked = [r for r in report.results if mode in r.retrieval]
    if not ranked:
        return []

    def cell(rows) -> str:
        ranks = [r.retrieval[mode] for r in rows]
        return (f"{sum(1 for x in ranks if x == 1) / len(ranks):.2f}/"
                f"{sum(1 for x in ranks if x is not None and x <= 5) / len(ranks):.2f}")

    out = []
    for label, key in (("format", lambda r: format_name(r.format)), ("type", lambda r: r.type)):
        groups: dict[str, list] = {}
        for r in ranked:
            groups.setdefault(key(r) or "-", []).append(r)
        out.append(f"{mode} hit@1/hit@5 by {label}: " + ", ".join(f"{g} {cell(rows)}" for g, rows in sorted(groups.items())))
    return out
ANSWER_KEYS = [
    ("correct", "correct (answerable)"),
    ("correct_when_answered", "correct when answered"),
    ("refusal_accuracy", "refusal accuracy (unanswerable)"),
    ("false_refusal_rate", "false refusals (answerable)"),
    ("citation_precision", "citation precision"),
    ("citation_validity", "citation validity (exact quotes)"),
    ("mean_answer_words", "mean answer words"),
    ("latency_p50_ms", "ask latency p50 ms"),
    ("latency_p95_ms", "ask latency p95 ms"),
    ("judge_mean_score", "LLM judge mean score (1-5)"),
    ("judge_passing", "LLM judge passing"),
]


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return [fmt(head), fmt(["-" * w for w in widths]), *[fmt(r) for r in rows]]


def _answer_rows(report: EvalReport) -> list[list[str]]:
    a = report.metrics.get("answers", {})
    b = report.baseline["metrics"] if report.baseline else None
    rows = []
    for key, label in ANSWER_KEYS:
        if key not in a:
            continue
        if key == "citation_precision" and b is not None:
            label += " (baseline: document level)"
        row = [label, _f(a[key]) if "ms" not in key else _ms(a[key])]
        if b is not None:
            bv = b.get(key)
            row.append("-" if bv is None else (_f(bv) if "ms" not in key else _ms(bv)))
        rows.append(row)
    if b is not None:
        rows.append(["correct, top chunk as the answer", "-", _f(b["correct_top_chunk"])])
    return rows


def text_report(report: EvalReport, per_question: bool = True) -> str:
    out: list[str] = []
    cfg = report.config
    if per_question:
        rows = []
        for r in report.results:
            verdict = "refused" if r.refused else ("ok" if r.correct else "wrong")
            if r.gold_answer is None:
                verdict = "ok (refused)" if r.refused else "answered!"
            elif not r.answer and not r.refused:
                verdict = "-"
            snippet = " ".join(r.answer.split())
            rows.append([r.id, r.type, "-" if r.hit_rank is None else str(r.hit_rank), verdict,
                         _ms(r.latency_ms), snippet[:70] + ("…" if len(snippet) > 70 else "")])
        out += _table(["id", "type", "rank", "answer", "ms", "text"], rows)
        out.append("")
    scored = report.metrics.get(cfg.get("modes", ["hybrid"])[0], {}).get("n", 0)
    out.append(f"Retrieval: {scored} answerable questions, rank of the first gold agenda item in the top "
               f"{cfg.get('retrieval_depth', 10)} ({cfg.get('meetings')} meetings, {cfg.get('passages')} passages)")
    out += ["  " + line for line in _table(RETRIEVAL_HEAD, _retrieval_rows(report))]
    for line in engine_breakdown(report):
        out.append("  " + line)
    a = report.metrics.get("answers", {})
    out.append("")
    if "skipped" in a:
        out.append(f"Answers: skipped ({a['skipped']})")
    else:
        out.append(f"Answers: {a['questions']} questions ({a['answerable']} answerable, {a['unanswerable']} must refuse)")
        head = ["metric", "minutes"] + (["baseline"] if report.baseline else [])
        out += ["  " + line for line in _table(head, _answer_rows(report))]
        if a.get("correct_by_type"):
            out.append("  correct by type: " + ", ".join(f"{t} {v:.2f}" for t, v in a["correct_by_type"].items()))
        if a.get("correct_by_format"):
            out.append("  correct by format: " + ", ".join(f"{t} {v:.2f}" for t, v in a["correct_by_format"].items()))
            out.append("  refusal by format: " + ", ".join(f"{t} {v:.2f}" for t, v in a.get("refusal_by_format", {}).items()))
        out.append("  (the refusal parameters in rag/calibration.json were fitted on the sample fixtures and the development "
                   "corpus, so on those these figures are in-sample; `python -m eval.calibrate` prints leave-one-body-out ones)")
    for p in report.problems:
        out.append(f"warning: {p}")
    return "\n".join(out)


def markdown_report(report: EvalReport) -> str:
    def md(head, rows):
        return [f"| {' | '.join(head)} |", f"|{'|'.join('---' for _ in head)}|", *[f"| {' | '.join(map(str, r))} |" for r in rows]]

    cfg = report.config
    lines = ["# Minutes evaluation", "",
             f"{cfg.get('questions')} questions; store `{cfg.get('store')}` ({cfg.get('meetings')} meetings, "
             f"{cfg.get('passages')} passages); answer engine: {cfg.get('llm') or 'configured default'}.", "",
             "## Retrieval", "",
             f"Rank of the first gold agenda item in the top {cfg.get('retrieval_depth', 10)} (baseline: first chunk "
             "containing the gold evidence).", ""]
    lines += md(RETRIEVAL_HEAD, _retrieval_rows(report))
    a = report.metrics.get("answers", {})
    lines += ["", "## Answers", ""]
    if "skipped" in a:
        lines.append(f"Skipped: {a['skipped']}.")
    else:
        head = ["metric", "minutes"] + (["baseline"] if report.baseline else [])
        lines += md(head, _answer_rows(report))
        if a.get("correct_by_type"):
            lines += ["", "Correct by question type: " + ", ".join(f"{t} {v:.2f}" for t, v in a["correct_by_type"].items())]
        wrong = [r for r in report.results if (r.gold_answer is not None and not r.correct) or
                 (r.gold_answer is None and not r.refused)]
        if wrong:
            lines += ["", "## Misses", ""]
            rows = []
            for r in wrong:
                ans = " ".join(r.answer.split())[:120].replace("|", "\\|")
                rows.append([r.id, r.type, r.question.replace("|", "\\|"), (r.gold_answer or "(refuse)").replace("|", "\\|"),
                             "-" if r.hit_rank is None else r.hit_rank, "refused" if r.refused else ans])
            lines += md(["id", "type", "question", "gold", "rank", "answer"], rows)
    for p in report.problems:
        lines.append(f"- warning: {p}")
    return "\n".join(lines) + "\n"


def _temp_store(corpus: Path, tmp: str, quiet: bool):
    from rag.front import Minutes

    store = Minutes.open(store=Path(tmp) / "store", create=True)
    rep = store.ingest([corpus])
    for path, why in rep.failed:
        print(f"warning: not ingested: {path}: {why}", file=sys.stderr)
    if not rep.ok:
        raise MinutesError(f"nothing in {corpus} could be ingested")
    if not quiet:
        print(f"Ingested {len(rep.meetings)} meeting(s) from {corpus} into a temporary store.", file=sys.stderr)
    return store, [Path(f) for f in rep.files]


def judge_llm(spec: str | None):
    """A llama-index LLM object for the CorrectnessEvaluator, built by the project's LLM module."""
    if not spec or spec.strip() == "extractive":
        raise MinutesError("--judge needs --llm naming a model (the extractive engine cannot judge)")
    try:
        from rag import llm_answer
    except ImportError:
        raise MinutesError("--judge needs rag/llm_answer.py (LLM support), which is not installed") from None
    for name in ("make_llm", "get_llm", "build_llm", "load_llm"):
        fn = getattr(llm_answer, name, None)
        if callable(fn):
            return fn(spec)
    raise MinutesError("--judge: rag/llm_answer.py offers no LLM constructor (make_llm/get_llm)")


def run_eval_command(fixtures: Path | None, corpus: Path | None, store: Path | None, llm: str | None,
                     judge: bool, baseline: bool, as_json: bool, report_path: Path | None,
                     thresholds: dict[str, float | None]) -> int:
    """`minutes eval`: returns the exit code (1 when a threshold fails)."""
    import click

    from .run import evaluate
    from .scorer import load_fixtures

    questions = load_fixtures(fixtures or DEFAULT_FIXTURES)  # fail fast, before loading any model
    judge_obj = judge_llm(llm) if judge else None
    quiet = as_json or not sys.stderr.isatty()
    with tempfile.TemporaryDirectory(prefix="minutes-eval-") as tmp:
        if corpus is not None:
            s, files = _temp_store(corpus, tmp, quiet)
        else:
            from rag.front import Minutes

            s, files = Minutes.open(store=store), None
        bars: dict = {}

        def progress(stage, n, total):
            if quiet:
                return
            if stage not in bars:
                for b in bars.values():
                    b.__exit__(None, None, None)
                bars.clear()
                bars[stage] = click.progressbar(length=total, label=f"{stage:>9}", file=sys.stderr)
                bars[stage].__enter__()
            bars[stage].update(1)

        try:
            rep = evaluate(s, questions, llm=llm, judge=judge_obj, baseline=(files or True) if baseline else False,
                           progress=progress)
        finally:
            for b in bars.values():
                b.__exit__(None, None, None)
    if as_json:
        print(json.dumps(rep.to_dict(), ensure_ascii=False))
    else:
        print(text_report(rep))
    if report_path:
        report_path.write_text(markdown_report(rep), encoding="utf-8")
        if not as_json:
            print(f"\nReport written to {report_path}")
    failures = check_thresholds(rep, **thresholds)
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failures else 0
