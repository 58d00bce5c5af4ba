"""The evaluation harness: fixture validity, scorer behaviour, and the CI gate on the sample store."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from ingest.errors import MinutesError
from ingest.model import AgendaItem, Answer, Citation, Meeting
from eval.scorer import (
    FixtureError,
    Gold,
    Fixture,
    gold_item_matches,
    norm_number,
    answer_correct,
    answer_metrics,
    citation_valid,
    hit_rank,
    llm_judge,
    load_fixtures,
    recall_at,
    retrieval_metrics,
    score_answer,
    token_recall,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "eval" / "fixtures"
SAMPLE_JSONL = FIXTURES / "sample.jsonl"
SAMPLES = ROOT / "data" / "minutes"

# --- CI gate thresholds ----------------------------------------------------------------------
# Sample gate: the five sample documents and eval/fixtures/sample.jsonl (128 questions: 107
# answerable, 21 to refuse), extractive engine, as `evaluate` runs it. Measured (2026-11-26,
# `python -m eval.calibrate --store S --fixtures eval/fixtures --store C --fixtures
# ../shared/corpus/questions.jsonl`): hit@5 0.953, correct 0.897, refusals 0.714 in-sample
# (0.897 / 0.667 leave-one-body-out). The refusal parameters are fitted jointly on these and
# the development corpus, which lowers the threshold (0.46 fitted on the samples alone gave
# 0.95 refusals here, and 0.63 on the corpus).
MIN_HIT5 = 0.90
MIN_CORRECT = 0.85
MIN_REFUSAL = 0.65
MIN_VALIDITY = 0.98
# Corpus gate (leave-one-body-out on ../shared/corpus, 328 questions, 40 documents): measured
# correct 0.739, refusals 0.760, engine hit@5 0.905 (hit@1 0.851); 0.625 / 0.640 / 0.763 before.
MIN_CORPUS_CORRECT = 0.70
MIN_CORPUS_REFUSAL = 0.70
MIN_CORPUS_HIT5 = 0.70


# --- fixtures --------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _parsed(name: str):
    from ingest.parse import parse_file

    return parse_file(SAMPLES / name)


def test_fixtures_load_and_are_well_formed():
    qs = load_fixtures(FIXTURES)
    assert len(qs) >= 70
    assert len({q.id for q in qs}) == len(qs)
    assert sum(not q.answerable for q in qs) >= 14


def test_every_evidence_is_an_exact_quote_of_its_document():
    for q in load_fixtures(SAMPLE_JSONL):
        if not q.answerable:
            continue
        text = (SAMPLES / q.source).read_text(encoding="utf-8")
        assert q.evidence in text, f"{q.id}: evidence not in {q.source}: {q.evidence[:80]!r}"


def test_every_gold_item_exists_in_the_parsed_meeting():
    for q in load_fixtures(SAMPLE_JSONL):
        for source, number in q.gold:
            meeting = _parsed(source)
            if number is None:  # answerable from the header: the meeting must state attendance
                assert meeting.attendees or meeting.apologies or meeting.preamble, q.id
                continue
            item = meeting.item(number)
            assert item is not None, f"{q.id}: {source} has no item {number}"
            if (source, number) == (q.source, q.item):
                # q054's evidence is the agenda's description of item 592, kept in `blurb`
                flat = " ".join(f"{item.full_text} {' '.join(item.resolutions)} {item.blurb}".split())
                assert " ".join(q.evidence.split()) in flat, f"{q.id}: evidence not in parsed item {number}"


def test_load_fixtures_names_the_bad_line(tmp_path):
    good = SAMPLE_JSONL.read_text(encoding="utf-8").splitlines()[0]
    f = tmp_path / "bad.jsonl"
    f.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(FixtureError, match=r"bad\.jsonl:2: invalid JSON"):
        load_fixtures(f)
    rec = json.loads(good)
    del rec["evidence"]
    f.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    with pytest.raises(FixtureError, match=r"bad\.jsonl:1: missing key\(s\) evidence"):
        load_fixtures(f)
    rec = json.loads(good)
    rec["answer"] = None
    f.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    with pytest.raises(FixtureError, match=r"bad\.jsonl:1 \(q001\): an unanswerable row"):
        load_fixtures(f)
    f.write_text(good + "\n" + good + "\n", encoding="utf-8")
    with pytest.raises(FixtureError, match="duplicate id q001"):
        load_fixtures(f)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FixtureError, match="no \\*.jsonl"):
        load_fixtures(empty)
    with pytest.raises(FixtureError, match="not found"):
        load_fixtures(tmp_path / "missing.jsonl")


# --- scorer on hand-made answers ----------------------------------------------------------------

MEETING = Meeting(
    council="Staffordshire County Council", committee="Safe and Strong Communities Select Committee",
    date="2021-03-01", source="data/minutes/staffordshire-safe-strong-communities-2021-03-01.txt",
    items=[
        AgendaItem(number="3", title="Children & Families Transformation", position=0,
                   text="Loosing staff resulted in agency social worker staff numbers rising to 18% and an increase "
                        "in case load numbers to an average of 30 cases per social worker.",
                   resolutions=["That the report be noted."]),
        AgendaItem(number="4", title="Work Programme", position=1, text="The work programme was agreed."),
    ],
)
GOLD = Gold([MEETING])
Q = Fixture(id="t1", type="number", question="What did caseloads rise to?", answer="30 cases per social worker",
             source="staffordshire-safe-strong-communities-2021-03-01.txt", item="3",
             evidence="an increase in case load numbers to an average of 30 cases per social worker.")
Q_NONE = Fixture(id="t2", type="unanswerable", question="What did the committee decide in 2030?", answer=None,
                  source=None, item=None, evidence=None)


def _cite(number: str, quote: str, meeting: Meeting = MEETING) -> Citation:
    it = meeting.item(number)
    return Citation(meeting.id, meeting.council, meeting.committee, meeting.date, number, it.title if it else "", quote)


def test_paraphrase_is_accepted():
    assert answer_correct("30 cases per social worker", None, "Caseloads rose to an average of 30 cases for each social worker.").correct
    assert answer_correct("Chairman would discuss with Officers", None,
                          "The Chairman agreed to discuss it with officers.").correct
    assert answer_correct("Star Hobson and Arthur Labinjo-Hughes", None,
                          "the deaths of Arthur Labinjo Hughes and Star Hobson").correct
    assert answer_correct("60%", None, "Sixty percent... in fact 60 per cent of their time").correct
    assert answer_correct("£5,000", None, "a grant of £5000").correct


def test_wrong_number_is_rejected():
    res = answer_correct("30 cases per social worker", None, "an average of 18 cases per social worker")
    assert not res.correct and not res.numbers_ok
    assert not answer_correct("12 January", None, "It was due to be published on 14 January.").correct
    assert not answer_correct("60%", None, "40% of their time").correct


def test_evidence_in_a_citation_quote_counts_as_correct():
    quote = "Loosing staff resulted in agency social worker staff numbers rising to 18% and an increase in case load numbers to an average of 30 cases per social worker."
    assert answer_correct("thirty cases", Q.evidence, "See the quote.", [quote]).correct


def test_token_recall_weights_numbers_and_names():
    # "30" weighs 3, the other content words 1 each ("per" is a stopword)
    assert token_recall("30 cases per social worker", "cases social worker") == pytest.approx(3 / 6)
    assert token_recall("30 cases per social worker", "30") == pytest.approx(3 / 6)


def test_score_answer_correct_with_valid_relevant_citation():
    quote = "an increase in case load numbers to an average of 30 cases per social worker."
    ans = Answer(Q.question, f"{quote} [1]", False, [_cite("3", quote)])
    r = score_answer(Q, ans, GOLD, 12.0)
    assert r.correct and not r.refused
    assert r.citations_valid == 1 and r.citations_relevant == 1
    assert r.gold_item == "staffordshire-safe-strong-communities-2021-03-01.txt#3"


def test_citation_validity_is_exact_and_item_bound():
    assert citation_valid(_cite("3", "That the report be noted."), GOLD)  # a resolution
    assert citation_valid(_cite("3", "Children & Families Transformation\n\nLoosing staff"), GOLD)  # title + text
    assert not citation_valid(_cite("3", "an average of 31 cases"), GOLD)  # altered
    assert not citation_valid(_cite("4", "an average of 30 cases per social worker"), GOLD)  # wrong item
    assert not citation_valid(_cite("9", "anything"), GOLD)  # no such item


def test_refusal_scoring():
    refused = Answer(Q_NONE.question, "The minutes don't say.", True, [])
    answered = Answer(Q_NONE.question, "The work programme was agreed.", False, [_cite("4", "The work programme was agreed.")])
    assert score_answer(Q_NONE, refused, GOLD, 1.0).correct
    assert not score_answer(Q_NONE, answered, GOLD, 1.0).correct
    false_refusal = score_answer(Q, Answer(Q.question, "The minutes don't say.", True, []), GOLD, 1.0)
    assert not false_refusal.correct
    wrong_cite = score_answer(Q, Answer(Q.question, "The work programme was agreed.", False,
                                        [_cite("4", "The work programme was agreed.")]), GOLD, 1.0)
    assert not wrong_cite.correct and wrong_cite.citations_relevant == 0 and wrong_cite.citations_valid == 1
    m = answer_metrics([Q, Q_NONE], [false_refusal, score_answer(Q_NONE, refused, GOLD, 3.0)])
    assert m["refusal_accuracy"] == 1.0 and m["false_refusal_rate"] == 1.0 and m["correct"] == 0.0


CORPUS = ROOT.parent / "shared" / "corpus"


def test_corpus_rows_load_with_their_body_format_and_every_meeting(tmp_path):
    """The development corpus's format (doc, item as printed or 'header', evidence lists,
    comma-separated docs/items across meetings) loads beside the project's own."""
    rows = [
        {"doc": "a_b_c_2020-01-01.html", "question": "Q1?", "answer": "$5", "item": "ROAD", "evidence": "five dollars",
         "type": "amount"},
        {"doc": "a_b_c_2020-01-01.html", "question": "Q2?", "answer": None, "item": "header", "evidence": None, "type": "date"},
        {"doc": "a_b_c_2020-01-01.html,a_b_c_2020-02-01.md", "question": "Q3?", "answer": "x then y",
         "item": "6,Roads, bridges and paths", "evidence": ["the fence was mended", "the gate was painted"], "type": "timeline"},
    ]
    f = tmp_path / "questions.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (tmp_path / "sources.jsonl").write_text(json.dumps({"doc": "a_b_c_2020-01-01.html", "council": "Town of A",
                                                        "format": "html"}) + "\n", encoding="utf-8")
    qs = load_fixtures(f)
    assert [q.id for q in qs] == ["questions:1", "questions:2", "questions:3"]
    assert qs[0].group == "Town of A" and qs[0].format == "html" and qs[0].item == "ROAD"
    assert not qs[1].answerable and qs[1].item == "header"
    assert qs[2].also == [("a_b_c_2020-02-01.md", "Roads, bridges and paths")] and len(qs[2].evidences) == 2
    both = ["In January the fence was mended.", "By March the gate was painted."]
    assert answer_correct("zz", qs[2].evidences, "see quotes", both).correct  # every span quoted
    assert not answer_correct("zz", qs[2].evidences, "see quotes", both[:1]).correct
    if (CORPUS / "questions.jsonl").exists():
        real = load_fixtures(CORPUS / "questions.jsonl")
        assert len(real) >= 300 and len({q.group for q in real}) >= 30


def test_gold_items_match_by_printed_number_or_fuzzy_title():
    assert norm_number("Min. 84.") == "84" and norm_number("b)") == "b"
    assert gold_item_matches("84", AgendaItem(number="84.", title="Apologies"))
    assert gold_item_matches("b) (2)", AgendaItem(number="b", title="Library"))  # section added in brackets
    assert gold_item_matches("WEB PAGE", AgendaItem(number=None, title="Web page"))
    assert not gold_item_matches("WEB PAGE", AgendaItem(number=None, title="Road maintenance"))
    assert not gold_item_matches("7", AgendaItem(number="17", title="Budget"))
    m = Meeting(council=None, committee="Board", date="2020-01-01", source="x/board.html",
                items=[AgendaItem(number=None, title="ROAD", position=0), AgendaItem(number=None, title="FIRE", position=1)])
    gold = Gold([m])
    q = Fixture(id="g", type="amount", question="?", answer="5", source="board.html", item="Road", evidence="x")
    keys = gold.keys(q)
    assert hit_rank(keys, [(m.id, "#2"), (m.id, "#1")]) == 2


def test_header_gold_and_multi_meeting_ranks():
    other = Meeting(council=None, committee="Other Panel", date="2022-01-01", source="x/other.txt",
                    items=[AgendaItem(number="7", title="Budget", text="...")])
    gold = Gold([MEETING, other])
    header_q = Fixture(id="h", type="attendance", question="Who attended?", answer="Cllr A",
                        source=Path(MEETING.source).name, item=None, evidence="Cllr A")
    keys = gold.keys(header_q)
    assert hit_rank(keys, [(other.id, "7"), (MEETING.id, "4")]) == 2  # any item of the meeting counts
    multi = Fixture(id="m", type="multi_meeting", question="Which meetings?", answer="both", source=Path(MEETING.source).name,
                     item="3", evidence="x", also=[("other.txt", "7")])
    keys = gold.keys(multi)
    ranked = [(MEETING.id, "4"), (other.id, "7"), (MEETING.id, "3")]
    assert hit_rank(keys, ranked) == 2
    assert recall_at(keys, ranked, 2) == 0.5 and recall_at(keys, ranked, 3) == 1.0
    m = retrieval_metrics([1, 2, None, 7])
    assert m["hit@1"] == 0.25 and m["hit@5"] == 0.5 and m["mrr"] == pytest.approx((1 + 0.5 + 1 / 7) / 4)


def test_llm_judge_argument_handling():
    with pytest.raises(MinutesError, match="needs a configured LLM"):
        llm_judge(None, "q", "a", "ref")
    with pytest.raises(MinutesError, match="needs a configured LLM"):
        llm_judge("extractive", "q", "a", "ref")
    from eval.report import judge_llm

    with pytest.raises(MinutesError, match="--judge needs --llm"):
        judge_llm(None)
    with pytest.raises(MinutesError, match="--judge needs --llm"):
        judge_llm("extractive")


def test_llm_judge_wiring_with_a_scripted_llm():
    """Only the plumbing into CorrectnessEvaluator: the 'LLM' is a script, not a judgement."""
    from llama_index.core.llms import CompletionResponse, CustomLLM, LLMMetadata
    from llama_index.core.llms.callbacks import llm_completion_callback

    class Scripted(CustomLLM):
        @property
        def metadata(self) -> LLMMetadata:
            return LLMMetadata()

        @llm_completion_callback()
        def complete(self, prompt: str, formatted: bool = False, **kw) -> CompletionResponse:
            return CompletionResponse(text="4.5\nMatches the reference.")

        @llm_completion_callback()
        def stream_complete(self, prompt: str, formatted: bool = False, **kw):
            yield self.complete(prompt)

    out = llm_judge(Scripted(), "What did caseloads rise to?", "30 cases each", "30 cases per social worker")
    assert out["score"] == 4.5 and out["passing"] is True
    assert llm_judge(Scripted(), "unanswerable?", "x", None) == {}


def test_thresholds_name_the_metric():
    from eval.report import check_thresholds
    from eval.run import EvalReport

    rep = EvalReport(metrics={"hybrid": {"hit@5": 0.8}, "answers": {"skipped": "no engine"}}, results=[])
    fails = check_thresholds(rep, min_hit5=0.9, min_correct=0.5, min_refusal=None, min_validity=None)
    assert len(fails) == 2
    assert "hit@5" in fails[0] and "0.800" in fails[0] and "0.900" in fails[0]
    assert "answer correctness" in fails[1] and "not evaluated" in fails[1]
    assert check_thresholds(rep, min_hit5=0.8) == []


# --- the CI gate: one evaluation of the sample store per session ---------------------------------


@pytest.fixture(scope="session")
def eval_report(sample_store):
    from eval.run import evaluate

    return evaluate(sample_store, FIXTURES)


def test_gate_retrieval(eval_report):
    m = eval_report.metrics
    assert not eval_report.problems, eval_report.problems
    assert m["hybrid"]["n"] >= 100
    assert m["hybrid"]["hit@5"] >= MIN_HIT5, m["hybrid"]
    for mode in ("vector", "bm25", "hybrid+qf"):
        assert 0.0 < m[mode]["mrr"] <= 1.0
    assert m["hybrid"]["recall@5_multi"] >= 0.8


def test_gate_answers(eval_report):
    a = eval_report.metrics["answers"]
    if "skipped" in a:
        pytest.skip(f"answers not evaluated: {a['skipped']}")
    assert a["errors"] == 0
    assert a["correct"] >= MIN_CORRECT, a
    assert a["refusal_accuracy"] >= MIN_REFUSAL, a
    assert a["citation_validity"] >= MIN_VALIDITY, a
    # every result carries the fields the JSON output promises
    row = eval_report.to_dict()["results"][0]
    for key in ("question", "gold_answer", "gold_item", "answer", "refused", "citations", "hit_rank", "correct", "latency_ms"):
        assert key in row


# --- CLI and bench, cheaply (in-process, on the session store) -----------------------------------


def test_cli_eval_json_and_gate(sample_store, tmp_path):
    from click.testing import CliRunner

    from ui.cli import main

    lines = SAMPLE_JSONL.read_text(encoding="utf-8").splitlines()
    small = tmp_path / "small.jsonl"
    small.write_text("\n".join([lines[0], lines[3]]) + "\n", encoding="utf-8")  # q001 answerable, q004 unanswerable
    runner = CliRunner()
    res = runner.invoke(main, ["eval", "--fixtures", str(small), "--store", str(sample_store.root), "--json",
                               "--report", str(tmp_path / "r.md")])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert set(out) == {"metrics", "results"} and len(out["results"]) == 2
    assert {"hybrid", "vector", "bm25"} <= set(out["metrics"])
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Minutes evaluation")
    res = runner.invoke(main, ["eval", "--fixtures", str(small), "--store", str(sample_store.root), "--min-hit5", "1.01"])
    assert res.exit_code == 1
    assert "hit@5" in res.stderr and "below the minimum" in res.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    res = runner.invoke(main, ["eval", "--fixtures", str(bad), "--store", str(sample_store.root)])
    assert res.exit_code == 1 and "bad.jsonl:1" in res.stderr


# --- the corpus gate: the development corpus, out-of-fold (skips when the corpus is absent) ------------

CORPUS_DOCS = CORPUS / "docs"
# Leave-one-body-out figures measured with `python -m eval.calibrate` (see README, "Measured");
# the gate sits a little under them.
CORPUS_MIN = {"correct": MIN_CORPUS_CORRECT, "refusal": MIN_CORPUS_REFUSAL, "hit@5": MIN_CORPUS_HIT5}


@pytest.fixture(scope="session")
def corpus_rows(tmp_path_factory, embed_model):
    if not (CORPUS / "questions.jsonl").exists() or not CORPUS_DOCS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    from eval.calibrate import collect
    from rag.config import Settings
    from rag.indexing import ingest_paths
    from rag.store import MinutesStore

    root = tmp_path_factory.mktemp("corpus-store")
    store = MinutesStore.open(Settings.from_options(store=root / "store"))
    assert ingest_paths(store, [CORPUS_DOCS]).ok
    return collect(store, load_fixtures(CORPUS / "questions.jsonl"), root / "cache")


def test_corpus_gate_out_of_fold(corpus_rows):
    from eval.calibrate import out_of_fold, tally

    oof = tally(corpus_rows, out_of_fold(corpus_rows))
    assert oof["correct"] >= CORPUS_MIN["correct"], oof
    assert oof["refusal"] >= CORPUS_MIN["refusal"], oof
    assert oof["hit@5"] >= CORPUS_MIN["hit@5"], oof

