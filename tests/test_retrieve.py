"""Retrieval inside the meeting a question points at: the query built from the question's topic
(not the words that locate its meeting), initials that name only the body that writes them,
fusion over lists fetched once, and the fitted parameters. Real store (Chroma + BM25 in a tmp
dir), real embedding model, real parsed minutes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.model import AgendaItem, Meeting
from rag.meeting_match import resolve_meetings
from rag.question import parse_question
from rag.retrieve import Filters, Retriever, retrieval_query

MARCH = """ASHCOMBE PARISH COUNCIL
Minutes of the meeting of Ashcombe Parish Council held on 14 March 2023 at 7.30pm in the Village Hall

Present: Cllr A Jones (Chair), Cllr B Smith, Cllr C Patel
Apologies: Cllr D Evans

1. Apologies for absence
Apologies were received from Cllr D Evans.

2. Minutes of the previous meeting
The minutes of the meeting held on 14 February 2023 were approved as a correct record.

3. Playground
The clerk reported that the quote from Northern Play Surfaces for resurfacing the playground
was £4,200. Resolved to accept the quote and to close the playground for two days.

4. Footpaths
Cllr Smith reported that the stile on footpath 12 was broken. The clerk will write to the landowner.

5. Finance
The bank balance stood at £12,345. Payments totalling £860 were approved.

6. Date of next meeting
The next meeting will be held on 11 April 2023.
"""

APRIL = """ASHCOMBE PARISH COUNCIL
Minutes of the meeting of Ashcombe Parish Council held on 11 April 2023 at 7.30pm in the Village Hall

Present: Cllr A Jones (Chair), Cllr B Smith, Cllr D Evans

1. Apologies for absence
Apologies were received from Cllr C Patel.

2. Playground
The resurfacing of the playground was completed on 3 April 2023 at a final cost of £4,350.

3. Allotments
The waiting list for allotments now has 14 names. The clerk will look for more land.

4. Date of next meeting
The next meeting will be held on 9 May 2023.
"""


@pytest.fixture(scope="module")
def parish_store(tmp_path_factory, embed_model):
    """A real store of two meetings of one invented parish council."""
    from rag.config import Settings
    from rag.indexing import ingest_paths
    from rag.store import MinutesStore

    docs = tmp_path_factory.mktemp("parish-docs")
    (docs / "ashcombe-2023-03-14.txt").write_text(MARCH, encoding="utf-8")
    (docs / "ashcombe-2023-04-11.txt").write_text(APRIL, encoding="utf-8")
    store = MinutesStore.open(Settings.from_options(store=tmp_path_factory.mktemp("parish-store")), create=True)
    report = ingest_paths(store, [docs])
    assert len(report.meetings) == 2 and not report.failed
    return store


def _engine(store, **kw):
    from rag.answer import ExtractiveEngine

    return ExtractiveEngine(Retriever(store, **kw))


def _item_titles(hits):
    return [h.item_title for h in hits]


def test_a_question_naming_its_meeting_finds_the_item_not_the_meeting_header(parish_store):
    question = parse_question("What was the quote for resurfacing the playground at Ashcombe Parish Council's "
                              "meeting of 14 March 2023?")
    hits, used = _engine(parish_store).retrieve(question, None, top_k=5)
    march = [m for m in parish_store.meetings() if m.date == "2023-03-14"][0]
    assert used.meeting_id == march.id
    assert hits[0].item_title == "Playground" and hits[0].meeting_id == march.id
    assert "£4,200" in hits[0].text


def test_the_query_keeps_the_topic_and_drops_what_locates_the_meeting(parish_store):
    retriever = Retriever(parish_store)
    question = parse_question("How many names were on the allotments waiting list, per the Ashcombe Parish "
                              "Council minutes of 11 April 2023?")
    april = [m for m in parish_store.meetings() if m.date == "2023-04-11"][0]
    query = retriever.query_text(question, Filters(meeting_id=april.id)).lower()
    for word in ("allotments", "waiting", "list", "names"):
        assert word in query
    for word in ("ashcombe", "parish", "council", "2023", "11", "april"):
        assert word not in query.split()
    # unscoped, the question's names are what finds the meeting: the whole question is searched
    assert retriever.query_text(question, None) == question.text
    # a plain string (the `search` command) is searched as typed
    assert retriever.query_text("Ashcombe playground", Filters(meeting_id=april.id)) == "Ashcombe playground"


def test_whole_question_search_is_still_available_and_ranks_by_the_same_fusion(parish_store):
    question = parse_question("What was the bank balance at the Ashcombe Parish Council meeting of 14 March 2023?")
    topic = _engine(parish_store, question_query=True).retrieve(question, None, top_k=5)[0]
    whole = _engine(parish_store, question_query=False).retrieve(question, None, top_k=5)[0]
    assert topic[0].item_title == "Finance"
    assert {h.item_title for h in whole} >= {"Finance"}  # same items, possibly in another order


def test_cached_lists_give_exactly_the_live_ranking_for_any_weight(parish_store):
    question = parse_question("When will the next meeting of Ashcombe Parish Council after March 2023 be held?")
    live = Retriever(parish_store)
    cached = Retriever(parish_store)
    cached.list_cache = {}
    march = [m for m in parish_store.meetings() if m.date == "2023-03-14"][0]
    f = Filters(meeting_id=march.id)
    for dense in (0.0, 0.2, 0.5, 1.0):
        live.weights = cached.weights = (dense, 1.0 - dense)
        a = [(h.item_number, round(h.score, 6)) for h in live.search(question, f, top_k=6)]
        b = [(h.item_number, round(h.score, 6)) for h in cached.search(question, f, top_k=6)]
        assert a == b and a
    assert len(cached.list_cache) == 1  # one fetch served every weight


def test_dense_only_and_bm25_only_rankings_differ_from_the_fusion_only_in_weight(parish_store):
    question = parse_question("Which stile was broken, according to the Ashcombe minutes of March 2023?")
    march = [m for m in parish_store.meetings() if m.date == "2023-03-14"][0]
    f = Filters(meeting_id=march.id)
    for weights in ((1.0, 0.0), (0.0, 1.0), (0.2, 0.8)):
        hits = Retriever(parish_store, weights=weights).search(question, f, top_k=3)
        assert hits[0].item_title == "Footpaths"
        assert all(h.meeting_id == march.id for h in hits)


# --- the query, without a store -------------------------------------------------------------


def _meeting(council, committee, date, source, preamble=""):
    return Meeting(council=council, committee=committee, date=date, source=source, preamble=preamble,
                   items=[AgendaItem(number="1", title="Apologies", text="None.")])


def test_only_words_every_meeting_in_scope_is_named_by_are_dropped():
    a = _meeting("Ashcombe Parish Council", "Parish Council", "2023-03-14", "a.txt")
    b = _meeting("Brinsley Town Council", "Town Council", "2023-03-20", "b.txt")
    q = parse_question("How much did Ashcombe and Brinsley councils spend on the playground in March 2023?")
    both = retrieval_query(q, [a, b]).lower().split()
    assert "ashcombe" in both and "brinsley" in both and "playground" in both
    one = retrieval_query(q, [a]).lower().split()
    assert "ashcombe" not in one and "playground" in one and "brinsley" in one
    assert retrieval_query(q, []) == q.text


def test_a_query_left_without_words_falls_back_to_the_question():
    a = _meeting("Ashcombe Parish Council", "Parish Council", "2023-03-14", "a.txt")
    q = parse_question("Ashcombe Parish Council 14 March 2023?")
    assert retrieval_query(q, [a]) == q.text


def test_initials_name_only_the_body_that_writes_them():
    """"Harbury Valley Council" abbreviates to HVC, like "Holt Village Committee"; only a body
    whose own minutes write "HVC" is known by the initials alone."""
    harbury = _meeting("Harbury Valley Council", "Full Council", "2022-05-10", "harbury.pdf")
    holt = _meeting("Holt Village Committee", "Committee", "2022-06-01", "holt.pdf")
    initials_only = _meeting(None, None, "2022-07-01", "hvc_agm_2022-07-01.md", preamble="Minutes of the HVC AGM 2022")
    q = parse_question("How much did Harbury Valley Council spend on the footpath?")
    found = resolve_meetings(q.meeting, [harbury, holt])
    assert found is not None and [m.source for m in found] == ["harbury.pdf"]
    found = resolve_meetings(q.meeting, [holt, initials_only])
    assert found is not None and [m.source for m in found] == ["hvc_agm_2022-07-01.md"]
    # the kind of meeting is not part of the body's initials ...
    agm = parse_question("When will the Harbury Valley Council AGM for 2023 be held?")
    found = resolve_meetings(agm.meeting, [holt, initials_only])
    assert found is not None and [m.source for m in found] == ["hvc_agm_2022-07-01.md"]
    # ... but a body's initials are all of them: "HVC" is not the Harbury Valley Cycling Society
    society = _meeting("Harbury Valley Cycling Society", "Committee", "2022-08-01", "cycling.pdf")
    club = parse_question("What did the Harbury Valley Cycling Society spend on helmets?")
    found = resolve_meetings(club.meeting, [society, initials_only])
    assert found is not None and [m.source for m in found] == ["cycling.pdf"]


def test_fitted_parameters_are_read_from_the_retrieval_file(tmp_path, monkeypatch):
    import rag.retrieve as retrieve

    path = tmp_path / "retrieval.json"
    path.write_text(json.dumps({"dense_weight": 0.3, "question_query": False}), encoding="utf-8")
    monkeypatch.setattr(retrieve, "RETRIEVAL_PARAMS", path)
    retrieve.fitted_params.cache_clear()
    try:
        assert retrieve.fitted_params() == ((0.3, 0.7), False)
        path.write_text("not json", encoding="utf-8")
        retrieve.fitted_params.cache_clear()
        assert retrieve.fitted_params() == (retrieve.FUSION_WEIGHTS, True)
    finally:
        monkeypatch.undo()
        retrieve.fitted_params.cache_clear()


def test_the_shipped_parameters_were_fitted_by_the_cross_validation():
    path = Path(__file__).resolve().parents[1] / "rag" / "retrieval.json"
    if not path.exists():
        pytest.skip("rag/retrieval.json not written yet (python -m eval.retrieval_cv --write)")
    found = json.loads(path.read_text(encoding="utf-8"))
    assert 0.0 <= found["dense_weight"] <= 1.0
    assert found["figures"] and found["fitted_on"]
    for figures in found["figures"].values():
        assert set(figures) == {"out_of_fold", "in_sample"}


def test_a_body_named_in_web_addresses_is_still_a_name_not_an_ordinary_word():
    """"wiki.brambleforge.org" is lower case, but it does not make "BrambleForge" an ordinary
    word: the question names the body, and its February dates an event, not the meeting."""
    forge = Meeting(council=None, committee="Board", date="2018-04-10", source="brambleforge-board_2018-04-10.md",
                    items=[AgendaItem(number="1", title="Treasurer's report",
                                      text="Rent rose in February. See <https://wiki.brambleforge.org/index.php/Rent> "
                                           "and https://wiki.brambleforge.org/Budget for the budget.")])
    other = _meeting("Lindow Foundation", "Board", "2024-02-03", "lindow-board_2024-02-03.md")
    q = parse_question("How much is BrambleForge's monthly rent after the February increase?")
    found = resolve_meetings(q.meeting, [forge, other])
    assert found is not None and [m.source for m in found] == ["brambleforge-board_2018-04-10.md"]
