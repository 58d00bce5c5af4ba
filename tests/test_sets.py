"""`python -m eval.sets`: one row per labelled set, each figure the one its own command prints."""
from __future__ import annotations

from pathlib import Path

from eval import sets
from eval.structure import aggregate, evaluate, load_corpus, read_all

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "eval" / "heldout" / "real"


def test_a_set_row_carries_the_structure_evaluators_figures():
    """The table's item F1 is the in-process structure evaluation's, and the other columns are filled."""
    row = sets.measure(REAL, answers=False)
    assert row.failed is None
    docs = load_corpus(REAL / "docs", REAL / "structure.json")
    expected = aggregate(evaluate(docs, read_all(docs)))
    assert row.docs == len(docs)
    assert row.item_f1 == expected["f1"]
    assert 0.0 <= row.decision_recall <= 1.0 and 0.0 <= row.committee <= 1.0
    assert row.correct is None  # answers skipped
    table = sets.markdown([row])
    assert f"| real | {len(docs)} | {row.item_f1:.3f} |" in table


def test_the_default_sets_are_every_labelled_heldout_set_in_order():
    names = [p.name for p in sets.default_sets()]
    heldout = [n for n in names if n.startswith("real")]
    assert heldout[:3] == ["real", "real2", "real3"]
    assert all((ROOT / "eval" / "heldout" / n / "structure.json").exists() for n in heldout)


def test_a_folder_that_is_not_a_set_is_refused_with_the_reason(tmp_path, capsys):
    assert sets.main([str(tmp_path)]) == 2
    assert "needs docs/ and structure.json" in capsys.readouterr().err
