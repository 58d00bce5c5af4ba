"""Calibrate the extractive engine's refusal threshold on the evaluation fixtures.

    python -m eval.calibrate [--store DIR] [--fixtures FILE_OR_DIR] [--write]

Answers every fixture question with refusal disabled, keeping each answer's confidence
(the best evidence sentence's score) and whether the answer is correct by the evaluation
scorer. The threshold chosen maximises the number of questions handled correctly —
answerable ones answered correctly and unanswerable ones refused — with the lower
threshold winning ties. `--write` stores it in rag/calibration.json, which rag/answer.py
reads. Run it again whenever the fixtures or the scoring change. It also prints a 5-fold
cross-validated figure (each fold answered with a threshold chosen on the other four), a
fairer estimate than the in-sample one.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

CALIBRATION = Path(__file__).resolve().parents[1] / "rag" / "calibration.json"


def sweep(rows: list[tuple[bool, float | None, bool]]) -> list[tuple[float, float, float, float]]:
    """rows: (answerable, confidence or None, correct-when-answered) ->
    [(threshold, overall accuracy, answer accuracy, refusal accuracy)]."""
    answerable = [r for r in rows if r[0]]
    unanswerable = [r for r in rows if not r[0]]
    out = []
    for t in [round(x * 0.01, 2) for x in range(20, 81)]:
        ok_a = sum(1 for _, c, good in answerable if c is not None and c >= t and good)
        ok_u = sum(1 for _, c, _ in unanswerable if c is None or c < t)
        out.append((t, (ok_a + ok_u) / max(1, len(rows)), ok_a / max(1, len(answerable)), ok_u / max(1, len(unanswerable))))
    return out


def choose(table: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    best = max(r[1] for r in table)
    return min((r for r in table if r[1] == best), key=lambda r: r[0])


def cross_validate(rows: list[tuple[bool, float | None, bool]], folds: int = 5) -> tuple[float, float]:
    """Answer and refusal accuracy when each fold's threshold is chosen on the other folds:
    an estimate of how the calibrated threshold does on questions it was not chosen on."""
    ok_a = ok_u = n_a = n_u = 0
    for k in range(folds):
        train = [r for i, r in enumerate(rows) if i % folds != k]
        test = [r for i, r in enumerate(rows) if i % folds == k]
        t = choose(sweep(train))[0]
        for answerable, conf, good in test:
            answered = conf is not None and conf >= t
            if answerable:
                n_a += 1
                ok_a += answered and good
            else:
                n_u += 1
                ok_u += not answered
    return ok_a / max(1, n_a), ok_u / max(1, n_u)


def main(argv: list[str] | None = None) -> None:
    from eval.scorer import answer_correct, load_fixtures
    from rag.answer import ExtractiveEngine
    from rag.config import Settings
    from rag.retrieve import Retriever
    from rag.store import MinutesStore

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=None)
    ap.add_argument("--fixtures", default=str(Path(__file__).with_name("fixtures")))
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    store = MinutesStore.open(Settings.from_options(store=args.store), create=False)
    engine = ExtractiveEngine(Retriever(store), threshold=-1e9)
    rows = []
    for fx in load_fixtures(args.fixtures):
        ans = engine.answer(fx.question)
        good = fx.answerable and not ans.refused and answer_correct(
            fx.answer, fx.evidence, ans.text, [c.quote for c in ans.citations]).correct
        rows.append((fx.answer is not None, None if ans.refused else ans.confidence, good))
    table = sweep(rows)
    t, overall, acc, ref = choose(table)
    for row in table[::5]:
        print("threshold %.2f  overall %.3f  answers correct %.3f  refusals correct %.3f" % row)
    print(f"chosen threshold {t:.2f}: overall {overall:.3f}, answers correct {acc:.3f}, refusals correct {ref:.3f}")
    cv_acc, cv_ref = cross_validate(rows)
    print(f"5-fold cross-validated (threshold chosen without the fold): answers correct {cv_acc:.3f}, refusals correct {cv_ref:.3f}")
    if args.write:
        CALIBRATION.write_text(json.dumps({"refusal_threshold": t, "overall": round(overall, 3),
                                           "answer_accuracy": round(acc, 3), "refusal_accuracy": round(ref, 3),
                                           "questions": len(rows)}, indent=2) + "\n")
        print(f"wrote {CALIBRATION}")


if __name__ == "__main__":
    main()
