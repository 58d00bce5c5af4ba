"""CI gate: decision extraction on the development corpus stays at (a little under) what was
measured. Figures and the matching rule: eval/decisions_eval.py; reproduce with
`minutes eval --decisions --corpus ../shared/corpus/docs --gold ../shared/corpus/structure.json`."""
from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

needs_corpus = pytest.mark.skipif(not (CORPUS / "structure.json").exists(), reason="development corpus not present")

# measured 2026-11-26 14:19 UTC (text / parse): recall 0.958 / 0.953, precision 0.946 / 0.948, outcome 0.970 /
# 0.970, mover 0.995 / 0.994, seconder 0.995 / 0.994, tally 0.987 / 0.987 (before this session's second round:
# recall 0.934 / 0.921, precision 0.915 / 0.898, outcome 0.935 / 0.934). The parse run also depends on the
# readers and the segmenter (both changing), so it gets a little more room.
GATES = {
    "text": {"recall": 0.945, "precision": 0.92, "outcome": 0.955, "mover": 0.98, "seconder": 0.98, "tally": 0.975},
    "parse": {"recall": 0.935, "precision": 0.91, "outcome": 0.95, "mover": 0.975, "seconder": 0.975, "tally": 0.965},
}
HELDOUT = Path(__file__).resolve().parents[1] / "eval" / "heldout" / "real"


@pytest.fixture(scope="module")
def result():
    from eval.decisions_eval import evaluate

    return evaluate(CORPUS / "docs", CORPUS / "structure.json", ("text", "parse"))


@needs_corpus
@pytest.mark.parametrize("mode", ["text", "parse"])
def test_decision_figures_hold(result, mode):
    fig = result[mode]["overall"]
    assert fig["gold"] == sum(len(d.get("decisions") or []) for d in _gold().values())
    low = {k: fig[k] for k, floor in GATES[mode].items() if fig[k] is None or fig[k] < floor}
    assert not low, (mode, low, fig)


@needs_corpus
def test_every_format_finds_most_decisions(result):
    for fmt, fig in result["text"]["formats"].items():
        assert fig["recall"] is not None and fig["recall"] >= 0.6, (fmt, fig)


@pytest.mark.skipif(not (HELDOUT / "structure.json").exists(), reason="second dev set not present")
def test_second_dev_set_from_other_bodies_holds():
    """Nine minutes from eight bodies outside the corpus (eval/heldout/real): measured 2026-11-26 14:10 UTC
    text / parse recall 0.978 / 0.957, precision 0.957 / 0.957, outcome 0.978 / 0.955."""
    from eval.decisions_eval import evaluate

    res = evaluate(HELDOUT / "docs", HELDOUT / "structure.json", ("text", "parse"))
    for mode in ("text", "parse"):
        fig = res[mode]["overall"]
        assert fig["recall"] >= 0.9 and fig["precision"] >= 0.9 and fig["outcome"] >= 0.9, (mode, fig)


def test_matching_rule_is_one_to_one():
    from eval.decisions_eval import match, quote_share

    gold = [{"text": "That the minutes be approved as a correct record."},
            {"text": "That the budget be referred to Cabinet."}]
    merged = [{"text": "That the minutes be approved as a correct record. That the budget be referred to Cabinet."}]
    assert quote_share(gold[0]["text"], merged[0]["text"]) == 1.0
    assert len(match(gold, merged)) == 1  # one found decision cannot stand for two


def _gold() -> dict:
    import json

    return json.loads((CORPUS / "structure.json").read_text(encoding="utf-8"))
