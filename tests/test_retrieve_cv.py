"""The retrieval cross-validation (eval/retrieval_cv.py) and the gold-item matching it scores with:
a body's questions never choose the parameters they are scored with, and a gold item printed as
"E (Recommended Action)" is the sub-item E of that section, not the section's heading."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.retrieval_cv import GRID, Case, figures, fit, out_of_fold
from eval.scorer import Gold
from ingest.model import AgendaItem, Meeting

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _case(group: str, good: int, cause: str = "") -> Case:
    """A question ranked 1 under GRID setting `good` and missed under every other one."""
    return Case(id=f"{group}-{good}-{cause}", set="s", group=group, format="pdf", type="amount", cause=cause,
                ranks=[1 if i == good else None for i in range(len(GRID))])


def test_each_body_is_scored_with_parameters_fitted_on_the_others():
    cases = [_case("A", 3)] * 3 + [_case("B", 7)] * 2 + [_case("C", 7)] * 2
    assert fit(cases) == 7  # four questions prefer 7, three prefer 3
    folds = out_of_fold(cases)
    assert folds["A"] == 7  # A's own preference never chooses A's setting
    assert folds["B"] == 3 and folds["C"] == 3  # left out, B's (and C's) questions cannot outvote A's
    oof = figures(cases, lambda c: folds[c.group])
    whole = figures(cases, lambda c: 7)
    assert oof["hit@1"] == 0.0 and whole["hit@1"] == pytest.approx(4 / 7)


def test_misses_are_counted_by_cause():
    cases = [_case("A", 0), _case("A", 1, cause="a"), _case("A", 1, cause="b"), _case("A", 1, cause="b-none"),
             _case("A", 1), _case("A", 1, cause="d")]
    found = figures(cases, lambda c: 0)
    assert found["miss@1"] == {"a": 1, "b": 1, "b-none": 1, "c": 1, "d": 1}
    assert found["hit@1"] == pytest.approx(1 / 6)


def test_ties_keep_the_first_setting_of_the_grid():
    cases = [_case("A", 2), _case("B", 5)]
    assert fit(cases) == 2


def _meeting() -> Meeting:
    items = [
        AgendaItem(number="XVI", title="Unanimous Consent", text="", position=0),
        AgendaItem(number="A (XVI)", title="Fare Study Contract", text="increase the contract", position=1,
                   section="XVI"),
        AgendaItem(number="XVII", title="Recommended Action", text="", position=2),
        AgendaItem(number="E (XVII)", title="Paratransit Service Contracts", text="approve the contracts",
                   position=3, section="XVII"),
    ]
    return Meeting(council="A Transit District", committee="Board", date="2023-03-28", source="board.md", items=items)


def test_a_gold_sub_item_given_with_its_section_title_is_the_sub_item():
    m = _meeting()
    assert Gold.labels(m, "E (Recommended Action)") == ("E (XVII)",)
    assert Gold.labels(m, "A (Unanimous Consent)") == ("A (XVI)",)
    assert Gold.labels(m, "XVII") == ("XVII",)  # the section itself is still its own item
    assert Gold.labels(m, "E (Something Else)") == ()  # no such section: a miss, not a free pass


def test_the_corpus_gold_sub_items_resolve_to_parsed_sub_items():
    """On the development corpus every gold item printed "X (Section)" whose section the parser
    made a parent resolves to a sub-item, never to the section heading alone."""
    if not (CORPUS / "questions.jsonl").exists():
        pytest.skip("development corpus not present")
    import json

    from ingest.parse import parse_file

    rows = [json.loads(line) for line in (CORPUS / "questions.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    docs = {r["doc"] for r in rows if r.get("item") and "(" in r["item"] and "," not in r["doc"]}
    checked = 0
    for doc in sorted(docs)[:3]:
        m = parse_file(CORPUS / "docs" / doc)
        for r in rows:
            if r["doc"] != doc or not r.get("item") or "(" not in r["item"]:
                continue
            labels = Gold.labels(m, r["item"])
            parents = {it.section for it in m.items if it.section}
            assert not (labels and all(label in parents for label in labels)), (doc, r["item"], labels)
            checked += 1
    assert checked


def test_the_eval_report_breaks_engine_retrieval_down_by_format_and_type():
    from eval.report import engine_breakdown
    from eval.run import EvalReport
    from eval.scorer import QuestionResult

    def result(qid, fmt, qtype, rank):
        return QuestionResult(id=qid, type=qtype, question="?", gold_answer="x", gold_item="1", answer="",
                              refused=False, citations=[], hit_rank=rank, correct=False, latency_ms=0.0,
                              retrieval={"engine": rank}, format=fmt)

    report = EvalReport(metrics={}, results=[result("1", "pdf", "amount", 1), result("2", "pdf", "amount", 3),
                                             result("3", "md", "date", None),
                                             QuestionResult(id="4", type="date", question="?", gold_answer=None,
                                                            gold_item=None, answer="", refused=True, citations=[],
                                                            hit_rank=None, correct=False, latency_ms=0.0)])
    lines = engine_breakdown(report)
    assert lines[0] == "engine hit@1/hit@5 by format: markdown 0.00/0.00, pdf 0.50/1.00"
    assert lines[1] == "engine hit@1/hit@5 by type: amount 0.50/1.00, date 0.00/0.00"
    assert engine_breakdown(EvalReport(metrics={}, results=[])) == []
