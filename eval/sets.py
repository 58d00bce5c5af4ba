"""One table of every labelled set: items, meeting details, decisions and answers, set by set.

    python -m eval.sets                      # the development corpus and eval/heldout/real*
    python -m eval.sets eval/heldout/real6 /path/to/new_set [--no-answers] [--json]

Why: the README's "where it stands" table and every held-out first run need the same four
evaluations per set (`minutes eval --structure`, `--decisions`, `eval.header_eval`, and the
answers run); before this they were a shell loop kept outside the repository, so nobody else
could reproduce a row. A set is any folder laid out like the corpus: `docs/`, `structure.json`
(gold items, details and decisions) and, for answers, `questions.jsonl`.

Each evaluation runs as its own `minutes eval ... --json` process, exactly the command a reader
would type, so a figure here is the figure that command prints. The answers run ingests the set
into a temporary store and uses the shipped refusal calibration: on the corpus that is in-sample
(`eval.calibrate` prints the leave-one-body-out figures); on a set no fit has seen it is the
held-out figure.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (ROOT / ".." / "shared" / "corpus").resolve()


def default_sets() -> list[Path]:
    """The development corpus (if present) and every eval/heldout/real* set, in order."""
    found = sorted((p for p in (ROOT / "eval" / "heldout").glob("real*") if (p / "structure.json").exists()),
                   key=lambda p: (len(p.name), p.name))
    return ([CORPUS] if (CORPUS / "structure.json").exists() else []) + found


@dataclass
class SetFigures:
    """The headline figures of one set (None where the evaluation did not run or failed)."""

    name: str
    docs: int | None = None
    item_f1: float | None = None
    council: float | None = None
    committee: float | None = None
    date: float | None = None
    invented: int | None = None
    decision_recall: float | None = None
    decision_precision: float | None = None
    correct: float | None = None
    refusals: float | None = None
    false_refusals: float | None = None
    hit1: float | None = None
    hit5: float | None = None
    failed: str | None = None


def _json_of(args: list[str]) -> dict:
    """Run one evaluation command and return the JSON object it prints (from its first "{": progress lines come before)."""
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    text = out.stdout.strip()
    start = text.find("{")
    if out.returncode not in (0, 1) or start < 0:  # 1 = a gate failed, the figures are still printed
        raise RuntimeError(f"{' '.join(args[:4])} ... exited {out.returncode}: {out.stderr.strip()[-300:]}")
    return json.loads(text[start:])


def measure(set_dir: Path, answers: bool = True) -> SetFigures:
    """Run the evaluations on one set folder."""
    docs, gold, questions = set_dir / "docs", set_dir / "structure.json", set_dir / "questions.jsonl"
    fig = SetFigures(set_dir.name)
    try:
        st = _json_of(["-m", "ui.cli", "eval", "--json", "--structure", "--corpus", str(docs), "--gold", str(gold)])
        overall = st["metrics"]["in_sample"]["overall"]
        fig.docs, fig.item_f1 = overall["docs"], overall["f1"]
        hd = _json_of(["-m", "eval.header_eval", "--json", "--corpus", str(set_dir), "--path", "parse_file"])
        h = hd["parse_file"]["all"]
        fig.council, fig.committee, fig.date = h["council"], h["committee"], h["date"]
        fig.invented = h["council_invented"] + h["committee_invented"] + h["date_invented"]
        dc = _json_of(["-m", "ui.cli", "eval", "--json", "--decisions", "--corpus", str(docs), "--gold", str(gold)])
        d = dc["parse"]["overall"]
        fig.decision_recall, fig.decision_precision = d["recall"], d["precision"]
        if answers and questions.exists():
            an = _json_of(["-m", "ui.cli", "eval", "--json", "--corpus", str(docs), "--fixtures", str(questions)])
            a, e = an["metrics"]["answers"], an["metrics"]["engine"]
            fig.correct, fig.refusals, fig.false_refusals = a["correct"], a["refusal_accuracy"], a["false_refusal_rate"]
            fig.hit1, fig.hit5 = e["hit@1"], e["hit@5"]
    except (RuntimeError, KeyError, json.JSONDecodeError) as exc:
        fig.failed = str(exc)
    return fig


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def markdown(rows: list[SetFigures]) -> str:
    """The rows as the README's table."""
    out = ["| set | docs | item F1 | council / committee / date, invented | decisions R / P "
           "| answers correct / refusals / false refusals | engine hit@1 / hit@5 |",
           "|---|---|---|---|---|---|---|"]
    for r in rows:
        if r.failed:
            out.append(f"| {r.name} | failed: {r.failed[:120]} | | | | | |")
            continue
        out.append(f"| {r.name} | {r.docs} | {_f(r.item_f1)} | {_f(r.council)} / {_f(r.committee)} / {_f(r.date)}, "
                   f"{r.invented} | {_f(r.decision_recall)} / {_f(r.decision_precision)} | {_f(r.correct)} / "
                   f"{_f(r.refusals)} / {_f(r.false_refusals)} | {_f(r.hit1)} / {_f(r.hit5)} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", type=Path, help="Set folders (default: the corpus and eval/heldout/real*).")
    ap.add_argument("--no-answers", action="store_true", help="Skip the (slow) answers run.")
    ap.add_argument("--json", action="store_true", help="Print JSON rows instead of a Markdown table.")
    args = ap.parse_args(argv)
    sets = [p.resolve() for p in args.sets] or default_sets()
    missing = [str(p) for p in sets if not (p / "structure.json").exists() or not (p / "docs").is_dir()]
    if missing:
        print(f"not a set folder (needs docs/ and structure.json): {', '.join(missing)}", file=sys.stderr)
        return 2
    rows = []
    for p in sets:
        print(f"measuring {p.name} ...", file=sys.stderr)
        rows.append(measure(p, answers=not args.no_answers))
    print(json.dumps([asdict(r) for r in rows], indent=1) if args.json else markdown(rows))
    return 1 if any(r.failed for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
