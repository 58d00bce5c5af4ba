"""Calibrate the extractive engine's refusal (threshold and topic coverage), leave one body out.

    python -m eval.calibrate --store DIR --fixtures FILE_OR_DIR [--store DIR2 --fixtures F2 ...]
                             [--cache DIR] [--write]

Each (--store, --fixtures) pair is a store and the questions about it (the sample minutes
and eval/fixtures; the development corpus and its questions.jsonl). Every question is
answered once with refusal switched off, keeping the best evidence's score and topic
coverage, whether the answer is correct by the evaluation scorer, and the rank of the
first gold item among the engine's retrieved items. Those rows are cached (one JSON line
per question, keyed by the engine's code and the store's contents) so re-fitting is free.

Refusal rests on the evidence checks (rag/question.py: no candidate of the asked-for type
means no answer) and one fitted parameter: the least share of the question's topic words
(idf-weighted) the evidence must hold, chosen to maximise questions handled correctly
(answerable ones answered correctly, unanswerable ones refused); on ties the higher cover
(a refusal where the figures cannot tell is the safer error for minutes nobody here has read,
and it keeps every fold on one value: with the lowest on ties, folds flipped between 0.15 and
0.25 on a plateau one question wide and the out-of-fold refusals fell from 0.92 to 0.85 while
the fit on all questions stayed at 0.25).
`--with-score` also fits a threshold on the raw evidence score (the earlier rule): on the
corpus and the samples it handled 8 fewer questions correctly out-of-fold, and on
eval/heldout/real it refused answerable questions whose gold item ranked first. Figures are printed twice:

  * out-of-fold: for each body (group = `council` in sources.jsonl; the sample fixtures are
    one group per sample document), the parameters are fitted on every other body and
    applied to that body's questions - the estimate for minutes nobody tuned on;
  * in-sample: fitted on all questions and scored on the same ones;

and, for each `--score-store/--score-fixtures` pair (a held-out set), with the parameters
fitted on all the other sets (that set is in no fit).

both overall, per document format and per question type. `--write` stores the parameters
fitted on all rows in rag/calibration.json (what rag/answer.py uses).
"""
from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALIBRATION = ROOT / "rag" / "calibration.json"
THRESHOLDS = [round(x * 0.01, 2) for x in range(10, 81)]
NO_THRESHOLD = float("-inf")  # refusal on the evidence checks and topic cover alone (the default fit)
COVERS = [round(x * 0.05, 2) for x in range(0, 13)]
ENGINE_FILES = ("rag/answer.py", "rag/question.py", "rag/meeting_match.py", "rag/sentences.py", "rag/cite.py",
                "rag/retrieve.py", "rag/topic_cover.py", "rag/refusal_value.py", "rag/refusal_act.py", "rag/timeline.py",
                "rag/timeline_thread.py", "rag/timeline_attendance.py", "eval/scorer.py")


@dataclass
class Row:
    """One question answered with refusal off."""

    id: str
    group: str
    format: str
    type: str
    answerable: bool
    score: float | None  # best valid evidence score (None: no valid evidence at all)
    cover: float  # its topic coverage
    correct: bool  # the answer given is correct (answerable questions)
    rank: int | None  # rank of the first gold item among the engine's retrieved items (1-based)
    answer: str = ""


def decide(row: Row, threshold: float, cover: float) -> bool:
    """Does the engine answer (rather than refuse) under these parameters?"""
    return row.score is not None and row.score >= threshold and row.cover >= cover


def tally(rows: list[Row], params: dict[str, tuple[float, float]] | tuple[float, float]) -> dict:
    """Answer figures for rows, each decided with its own fold's parameters (or one pair)."""
    ans = [r for r in rows if r.answerable]
    una = [r for r in rows if not r.answerable]

    def p(r: Row) -> tuple[float, float]:
        return params if isinstance(params, tuple) else params[r.group]

    correct = sum(1 for r in ans if decide(r, *p(r)) and r.correct)
    false_ref = sum(1 for r in ans if not decide(r, *p(r)))
    refused = sum(1 for r in una if not decide(r, *p(r)))
    ranked = [r for r in ans if r.type != "timeline"]
    return {
        "n": len(rows), "answerable": len(ans), "unanswerable": len(una),
        "correct": correct / len(ans) if ans else None,
        "refusal": refused / len(una) if una else None,
        "false_refusal": false_ref / len(ans) if ans else None,
        "hit@1": sum(1 for r in ranked if r.rank == 1) / len(ranked) if ranked else None,
        "hit@5": sum(1 for r in ranked if r.rank is not None and r.rank <= 5) / len(ranked) if ranked else None,
    }


def fit(rows: list[Row], thresholds: list[float] | None = None) -> tuple[float, float]:
    """(threshold, cover) maximising questions handled correctly; the higher cover and the
    lower threshold on ties.
    `thresholds`: the score thresholds to try; by default none (only the topic cover is
    fitted), see `main`'s --with-score."""
    thresholds = [NO_THRESHOLD] if thresholds is None else thresholds
    best, best_key = (thresholds[0], COVERS[0]), None
    for c in COVERS:
        for t in thresholds:
            ok = sum(1 for r in rows if (decide(r, t, c) and r.correct) if r.answerable) + \
                sum(1 for r in rows if not r.answerable and not decide(r, t, c))
            key = (ok, c, -t)
            if best_key is None or key > best_key:
                best, best_key = (t, c), key
    return best


def out_of_fold(rows: list[Row], thresholds: list[float] | None = None) -> dict[str, tuple[float, float]]:
    """Leave one group (body) out: parameters for each group fitted on all the others."""
    groups = sorted({r.group for r in rows})
    return {g: fit([r for r in rows if r.group != g], thresholds) for g in groups}


def _code_version() -> str:
    h = hashlib.sha256()
    for f in ENGINE_FILES:
        p = ROOT / f
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


CODE_VERSION = _code_version()  # at import: the code this process runs, even if the files change meanwhile


def _store_version(store) -> str:
    h = hashlib.sha256()
    for m in sorted(store.meetings(), key=lambda m: m.id):
        h.update(f"{m.id}:{m.text_hash}:{len(m.items)}".encode())
    return h.hexdigest()[:12]


def collect(store, fixtures, cache: Path | None = None, progress=None, engine=None) -> list[Row]:
    """Answer every fixture question with refusal off (cached per engine code and store contents).
    `engine`: an ExtractiveEngine to reuse (eval/ablate.py keeps its caches across runs)."""
    from eval.scorer import Gold, answer_correct, hit_rank
    from rag.answer import ExtractiveEngine
    from rag.retrieve import Retriever

    try:
        from rag.embed import set_sentence_cache_dir

        set_sentence_cache_dir(store.root)
    except ImportError:
        pass
    key = f"{CODE_VERSION}-{_store_version(store)}"
    done: dict[str, Row] = {}
    path = None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        path = cache / f"rows-{key}.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    done[rec["id"]] = Row(**rec)
    engine = engine or ExtractiveEngine(Retriever(store), threshold=-1e9, min_cover=0.0)
    gold = Gold(store.meetings())
    rows = []
    for n, fx in enumerate(fixtures, 1):
        if fx.id in done:
            rows.append(done[fx.id])
            continue
        ans = engine.answer(fx.question)
        ev = engine.last_evidence or {}
        good = fx.answerable and not ans.refused and answer_correct(
            fx.answer, fx.evidences or fx.evidence, ans.text, [c.quote for c in ans.citations]).correct
        keys = gold.keys(fx)
        rank = hit_rank(keys, [(h.meeting_id, h.item_number) for h in engine.last_hits]) if keys else None
        row = Row(id=fx.id, group=fx.group, format=fx.format, type=fx.type, answerable=fx.answerable,
                  score=None if ans.refused else ev.get("score"), cover=float(ev.get("cover", 0.0)),
                  correct=bool(good), rank=rank, answer=" ".join(ans.text.split())[:300])
        rows.append(row)
        if path is not None:
            with path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
        if progress:
            progress(n, len(fixtures))
    return rows


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}"


def report(rows: list[Row], folds: dict[str, tuple[float, float]], whole: tuple[float, float]) -> str:
    """Out-of-fold beside in-sample, overall, per format and per question type, per row set."""
    out = []
    head = f"{'':28} {'n':>4}  {'correct':>15}  {'refusal':>15}  {'false ref':>15}  {'hit@1':>6} {'hit@5':>6}"
    out.append(head)
    out.append(f"{'':28} {'':>4}  {'oof':>7} {'in':>7}  {'oof':>7} {'in':>7}  {'oof':>7} {'in':>7}")

    def line(label: str, subset: list[Row]) -> None:
        o, i = tally(subset, folds), tally(subset, whole)
        out.append(f"{label[:28]:28} {len(subset):>4}  {_fmt(o['correct']):>7} {_fmt(i['correct']):>7}  "
                   f"{_fmt(o['refusal']):>7} {_fmt(i['refusal']):>7}  {_fmt(o['false_refusal']):>7} "
                   f"{_fmt(i['false_refusal']):>7}  {_fmt(o['hit@1']):>6} {_fmt(o['hit@5']):>6}")

    from eval.scorer import format_name

    line("all", rows)
    for fmt in sorted({format_name(r.format) for r in rows}):
        line(f"format {fmt}", [r for r in rows if format_name(r.format) == fmt])
    for t in sorted({r.type for r in rows}):
        line(f"type {t}", [r for r in rows if r.type == t])
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    from eval.scorer import load_fixtures
    from rag.config import Settings
    from rag.store import MinutesStore

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", action="append", default=None, help="A store (repeat, one per --fixtures).")
    ap.add_argument("--fixtures", action="append", default=None, help="Questions about that store (repeat).")
    ap.add_argument("--cache", default="/tmp/minutes-calibrate", help="Where answered rows are cached.")
    ap.add_argument("--write", action="store_true", help="Write the parameters fitted on all rows to rag/calibration.json.")
    ap.add_argument("--with-score", action="store_true",
                    help="Also fit a threshold on the evidence score (the earlier rule; it held up worse out-of-fold).")
    ap.add_argument("--score-store", action="append", default=[],
                    help="A store only scored, never fitted on (a held-out set; repeat, one per --score-fixtures).")
    ap.add_argument("--score-fixtures", action="append", default=[], help="Questions about that store (repeat).")
    args = ap.parse_args(argv)
    if len(args.score_store) != len(args.score_fixtures):
        ap.error("give one --score-fixtures per --score-store")
    stores = args.store or [None]
    fixtures = args.fixtures or [str(Path(__file__).with_name("fixtures"))]
    if len(stores) != len(fixtures):
        ap.error("give one --fixtures per --store")
    sets: list[tuple[str, list[Row]]] = []
    for store_dir, fx_path in zip(stores, fixtures):
        store = MinutesStore.open(Settings.from_options(store=store_dir), create=False)
        fx = load_fixtures(fx_path)
        rows = collect(store, fx, Path(args.cache),
                       progress=lambda n, t: print(f"\r{fx_path}: {n}/{t}", end="", flush=True))
        print()
        sets.append((fx_path, rows))
    everything = [r for _, rows in sets for r in rows]
    thresholds = THRESHOLDS if args.with_score else None
    folds = out_of_fold(everything, thresholds)
    whole = fit(everything, thresholds)
    print(f"fitted on all {len(everything)} questions: threshold {whole[0]:.2f}, topic cover {whole[1]:.2f}")
    print(f"leave-one-body-out: {len(folds)} groups; thresholds {min(f[0] for f in folds.values()):.2f}-"
          f"{max(f[0] for f in folds.values()):.2f}, covers {min(f[1] for f in folds.values()):.2f}-"
          f"{max(f[1] for f in folds.values()):.2f}")
    for name, rows in sets:
        print(f"\n== {name} ({len(rows)} questions) ==")
        print(report(rows, folds, whole))
    if len(sets) > 1:
        print(f"\n== all ({len(everything)} questions) ==")
        print(report(everything, folds, whole))
    for store_dir, fx_path in zip(args.score_store, args.score_fixtures):
        # held out of every fit: the parameters fitted on all the sets above (both columns alike)
        store = MinutesStore.open(Settings.from_options(store=store_dir), create=False)
        rows = collect(store, load_fixtures(fx_path), Path(args.cache))
        print(f"\n== {fx_path} ({len(rows)} questions, scored only: fitted on none) ==")
        print(report(rows, {r.group: whole for r in rows}, whole))
    if args.write:
        ti = tally(everything, whole)
        to = tally(everything, folds)
        CALIBRATION.write_text(json.dumps({
            "refusal_threshold": None if whole[0] == NO_THRESHOLD else whole[0], "min_cover": whole[1],
            "refuses_on": "evidence checks and topic cover" + (" and evidence score" if args.with_score else ""),
            "questions": len(everything),
            "fitted_on": [name for name, _ in sets],
            "in_sample": {k: (round(v, 3) if isinstance(v, float) else v) for k, v in ti.items()},
            "out_of_fold": {k: (round(v, 3) if isinstance(v, float) else v) for k, v in to.items()},
        }, indent=2) + "\n")
        print(f"wrote {CALIBRATION}")


if __name__ == "__main__":
    main()
