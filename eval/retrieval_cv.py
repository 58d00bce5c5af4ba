"""Refit the retrieval parameters leave-one-body-out and say where the remaining misses come from.

    python -m eval.retrieval_cv --store S_CORPUS --fixtures ../shared/corpus/questions.jsonl \
                                --store S_SAMPLES --fixtures eval/fixtures [--json OUT] [--write]

What is scored is what the answer engine reads: `ExtractiveEngine.retrieve` (the meeting(s)
the question points at, then hybrid search inside them), 10 items deep, on every answerable
question whose gold meeting is stored - the "engine" mode of `minutes eval`. hit@k is the
share with a gold agenda item in the top k.

The fitted parameters are the dense weight of the fusion (BM25 gets the rest) and whether a
parsed question is searched by `rag.retrieve.retrieval_query` (its topic without the words
that locate its meeting) or by its whole text. Each parameter setting is scored on every
question once (the dense and BM25 lists are fetched once per question and query text and
cached on the retriever, so a new weight costs only the fusion). The objective is hit@1 +
hit@5, then MRR; ties keep the earlier setting of the grid.

  * out-of-fold: for each body (group = `council` in sources.jsonl; each sample document
    its own group) the setting is fitted on every other body and applied to that body;
  * in-sample: fitted on all questions and scored on the same ones.

Both are printed overall, per document format and per question type, with the misses of the
out-of-fold run split by cause:

  (a) the gold item is not a parsed item (segmentation: no ranking can find it);
  (b) the question's meeting is resolved wrongly (`rag.meeting_match`), or not at all;
  (c) the right meeting is searched and the gold item ranks below k (ranking);
  (d) the question's gold spans several meetings (timeline / cross-meeting).

`--write` stores the setting fitted on all questions in rag/retrieval.json, which
`rag.retrieve.Retriever` reads.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPTH = 10
DENSE_WEIGHTS = tuple(round(x * 0.05, 2) for x in range(21))
QUERY_MODES = (True, False)  # retrieval_query for parsed questions; the whole question text


@dataclass(frozen=True)
class Setting:
    dense_weight: float
    question_query: bool

    def label(self) -> str:
        return f"dense {self.dense_weight:.2f} / BM25 {1 - self.dense_weight:.2f}, " + \
            ("topic query" if self.question_query else "whole question")


GRID = tuple(Setting(w, q) for q in QUERY_MODES for w in DENSE_WEIGHTS)


@dataclass
class Case:
    """One scored question: who it is about, why it could miss, and its rank under every setting."""

    id: str
    set: str
    group: str
    format: str
    type: str
    cause: str  # "a" | "b" | "b-none" | "d" | "" (the right meeting is searched)
    ranks: list[int | None]  # per GRID setting


def _cause(fx, keys, gold, engine, q) -> str:
    """Why this question could miss, before any ranking: see the module docstring."""
    meetings = {mid for mid, _ in keys}
    if len(meetings) > 1 or fx.type == "timeline":
        return "d"
    if gold.missing(fx):
        return "a"
    resolved = engine.meetings_for(q, None)
    if resolved is None:
        return "b-none"
    if not meetings & {m.id for m in resolved}:
        return "b"
    return ""


def collect(store, fixtures, name: str, progress=None) -> list[Case]:
    """Rank every scored question under every GRID setting."""
    from eval.scorer import Gold, format_name, hit_rank
    from rag.answer import ExtractiveEngine
    from rag.question import profile
    from rag.retrieve import Retriever

    retriever = Retriever(store)
    retriever.list_cache = {}
    engine = ExtractiveEngine(retriever)
    gold = Gold(store.meetings())
    scored = [fx for fx in fixtures if fx.answerable and gold.keys(fx)]
    cases = []
    for n, fx in enumerate(scored, 1):
        keys = gold.keys(fx)
        q = profile(fx.question)
        ranks = []
        for s in GRID:
            retriever.weights = (s.dense_weight, 1.0 - s.dense_weight)
            retriever.question_query = s.question_query
            hits, _ = engine.retrieve(q, None, top_k=DEPTH)
            ranks.append(hit_rank(keys, [(h.meeting_id, h.item_number) for h in hits]))
        cases.append(Case(fx.id, name, fx.group, format_name(fx.format), fx.type,
                          _cause(fx, keys, gold, engine, q), ranks))
        retriever.list_cache.clear()  # lists are reused across settings, never across questions
        if progress:
            progress(n, len(scored))
    return cases


def _objective(cases: list[Case], i: int) -> tuple[int, float]:
    r = [c.ranks[i] for c in cases]
    return (sum(1 for x in r if x == 1) + sum(1 for x in r if x is not None and x <= 5),
            sum(1 / x for x in r if x is not None))


def fit(cases: list[Case]) -> int:
    """Index of the GRID setting maximising hit@1 + hit@5, then MRR; the first on ties."""
    best, best_key = 0, None
    for i in range(len(GRID)):
        key = _objective(cases, i)
        if best_key is None or key > best_key:
            best, best_key = i, key
    return best


def out_of_fold(cases: list[Case]) -> dict[str, int]:
    """Leave one group (body) out: the setting for each group fitted on all the others."""
    return {g: fit([c for c in cases if c.group != g]) for g in sorted({c.group for c in cases})}


def figures(cases: list[Case], pick) -> dict:
    """hit@1, hit@5, MRR and the misses by cause, each case ranked under `pick(case)`."""
    ranks = [(c, c.ranks[pick(c)]) for c in cases]
    n = len(ranks)
    miss1 = Counter(c.cause or "c" for c, r in ranks if r != 1)
    miss5 = Counter(c.cause or "c" for c, r in ranks if r is None or r > 5)
    return {
        "n": n,
        "hit@1": sum(1 for _, r in ranks if r == 1) / n if n else None,
        "hit@5": sum(1 for _, r in ranks if r is not None and r <= 5) / n if n else None,
        "mrr": sum(1 / r for _, r in ranks if r is not None) / n if n else None,
        "miss@1": dict(sorted(miss1.items())),
        "miss@5": dict(sorted(miss5.items())),
    }


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}"


def report(cases: list[Case], folds: dict[str, int], whole: int) -> str:
    """Out-of-fold beside in-sample, overall, per format and per question type."""
    out = [f"{'':22} {'n':>4}  {'hit@1 oof':>9} {'in':>6}  {'hit@5 oof':>9} {'in':>6}  {'MRR oof':>7}  "
           f"misses@1 oof (a/b/c/d)  misses@5 oof"]

    def line(label: str, subset: list[Case]) -> None:
        if not subset:
            return
        o = figures(subset, lambda c: folds[c.group])
        i = figures(subset, lambda c: whole)

        def causes(m: dict) -> str:
            b = m.get("b", 0) + m.get("b-none", 0)
            return f"{m.get('a', 0)}/{b}/{m.get('c', 0)}/{m.get('d', 0)}"

        out.append(f"{label[:22]:22} {o['n']:>4}  {_fmt(o['hit@1']):>9} {_fmt(i['hit@1']):>6}  "
                   f"{_fmt(o['hit@5']):>9} {_fmt(i['hit@5']):>6}  {_fmt(o['mrr']):>7}  "
                   f"{causes(o['miss@1']):>22}  {causes(o['miss@5']):>12}")

    line("all", cases)
    for fmt in sorted({c.format for c in cases}):
        line(f"format {fmt}", [c for c in cases if c.format == fmt])
    for t in sorted({c.type for c in cases}):
        line(f"type {t}", [c for c in cases if c.type == t])
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    from eval.scorer import load_fixtures
    from rag.config import Settings, offline_environment
    from rag.retrieve import RETRIEVAL_PARAMS
    from rag.store import MinutesStore

    offline_environment()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", action="append", default=None, help="A store (repeat, one per --fixtures).")
    ap.add_argument("--fixtures", action="append", default=None, help="Questions about that store (repeat).")
    ap.add_argument("--json", default=None, help="Write every case's ranks and the figures here.")
    ap.add_argument("--write", action="store_true", help="Write the setting fitted on all questions to rag/retrieval.json.")
    args = ap.parse_args(argv)
    stores = args.store or [None]
    fixtures = args.fixtures or [str(ROOT / "eval" / "fixtures")]
    if len(stores) != len(fixtures):
        ap.error("give one --fixtures per --store")
    sets: list[tuple[str, list[Case]]] = []
    for store_dir, fx_path in zip(stores, fixtures):
        store = MinutesStore.open(Settings.from_options(store=store_dir), create=False)
        cases = collect(store, load_fixtures(fx_path), fx_path,
                        progress=(lambda n, t: print(f"\r{fx_path}: {n}/{t}", end="", flush=True)) if sys.stdout.isatty() else None)
        print()
        sets.append((fx_path, cases))
    everything = [c for _, cases in sets for c in cases]
    folds = out_of_fold(everything)
    whole = fit(everything)
    chosen = Counter(GRID[i].label() for i in folds.values())
    print(f"fitted on all {len(everything)} questions: {GRID[whole].label()}")
    print(f"leave-one-body-out, {len(folds)} groups: " + "; ".join(f"{k} ({v})" for k, v in chosen.most_common()))
    for name, cases in sets:
        print(f"\n== {name} ({len(cases)} questions) ==")
        print(report(cases, folds, whole))
    if len(sets) > 1:
        print(f"\n== all ({len(everything)} questions) ==")
        print(report(everything, folds, whole))
    summary = {name: {"out_of_fold": figures(cases, lambda c: folds[c.group]),
                      "in_sample": figures(cases, lambda c: whole)} for name, cases in sets}
    if args.json:
        Path(args.json).write_text(json.dumps({
            "grid": [asdict(s) for s in GRID], "whole": asdict(GRID[whole]),
            "folds": {g: asdict(GRID[i]) for g, i in folds.items()}, "figures": summary,
            "cases": [asdict(c) for c in everything]}, indent=1) + "\n", encoding="utf-8")
    if args.write:
        RETRIEVAL_PARAMS.write_text(json.dumps({
            "dense_weight": GRID[whole].dense_weight, "question_query": GRID[whole].question_query,
            "fitted_on": [name for name, _ in sets], "questions": len(everything),
            "figures": {name: {k: {m: (round(v, 3) if isinstance(v, float) else v) for m, v in f.items()}
                               for k, f in fig.items()} for name, fig in summary.items()},
        }, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RETRIEVAL_PARAMS}")


if __name__ == "__main__":
    main()
