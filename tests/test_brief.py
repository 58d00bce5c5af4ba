"""Briefings of every sample meeting: every decision present with its outcome, verbatim and cited."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest


def _one(mapping_or_ids, prefix: str):
    """The meeting id that starts with `prefix` (ids end in a content hash)."""
    found = [k for k in mapping_or_ids if k == prefix or k.startswith(prefix + "-")]
    assert len(found) == 1, (prefix, sorted(mapping_or_ids))
    return found[0]


@pytest.fixture(scope="module")
def briefings(sample_store):
    from rag.brief import briefing

    return {m.id: briefing(m) for m in sample_store.meetings()}


def test_every_resolution_is_in_its_briefing_and_cited(sample_store, briefings):
    assert len(briefings) == 5
    for m in sample_store.meetings():
        b = briefings[m.id]
        expected = [(d.item_number, d.text) for d in m.decisions]
        assert m.decisions and [(c.item_number, c.quote) for c in b.decisions] == expected
        # every resolution an item lists (what passages index) is one of the briefing's decisions
        assert {(it.label, r) for it in m.items for r in it.resolutions} <= set(expected)
        md = b.to_markdown()
        for c, d in zip(b.decisions, b.outcomes):
            assert c.quote in md and c.label in md and d.outcome.upper() in md
            item = m.item(c.item_number)
            assert c.item_number == "header" or c.quote in item.resolutions
            assert " ".join(c.quote.split()) in " ".join(item.full_text.split())


def test_every_point_is_an_exact_quote_of_its_item(sample_store, briefings):
    for mid, b in briefings.items():
        meeting = sample_store.get_meeting(mid)
        for it in b.items:
            item = meeting.item(it.number)
            for c in it.points:
                assert c.quote in item.full_text or c.quote in item.resolutions
            if not it.procedural:
                assert 1 <= len(it.points) <= 4, (mid, it.number)
        for c in b.actions:
            assert c.quote in meeting.item(c.item_number).text


def test_briefing_header_actions_and_truncation_warning(briefings):
    b = briefings[_one(briefings, "safeguarding-overview-and-scrutiny-committee-2023-09-14")]
    md = b.to_markdown()
    assert "Oak Room, County Buildings, Stafford" in md
    assert "item(s) 14, 15 was truncated" in md
    assert any("24 October" in c.quote for c in b.actions)
    assert any("15 November" in c.quote for c in b.actions)
    procedural = {it.number: it.procedural for it in b.items}
    assert procedural["12"] and not procedural["14"]


def test_plain_minutes_briefing_has_attendance(briefings):
    md = briefings[_one(briefings, "safe-and-strong-communities-select-committee-2021-03-01")].to_markdown()
    assert "**Chair:** Bob Spencer" in md and "**Apologies:** John Francis, Mike Worthington" in md


def test_docx_briefing_opens_in_python_docx(briefings):
    import docx

    data = briefings[_one(briefings, "safeguarding-overview-and-scrutiny-committee-2024-01-04")].to_docx_bytes()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Decisions" in text and "open six in-house local authority run children’s homes" in text


def test_summarise_cli(sample_store, tmp_path):
    mid = _one([m.id for m in sample_store.meetings()], "safeguarding-overview-and-scrutiny-committee-2024-01-04")
    out = subprocess.run([sys.executable, "-m", "ui.cli", "summarise", mid, "--store", str(sample_store.root),
                          "--format", "json"], capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    stored = sample_store.get_meeting(mid)
    assert data["meeting"]["id"] == mid and data["truncated_items"] == ["28", "29", "30", "31"]
    assert [d["quote"] for d in data["decisions"]] == [d.text for d in stored.decisions]
    assert all(d["outcome"] for d in data["decisions"])
    homes = next(d for d in data["decisions"] if "open six in-house" in d["quote"])
    assert homes["item_number"] == "28" and homes["outcome"] == "approved"
    target = tmp_path / "b.docx"
    subprocess.run([sys.executable, "-m", "ui.cli", "summarise", mid, "--store", str(sample_store.root),
                    "--format", "docx", "-o", str(target)], capture_output=True, text=True, check=True)
    assert target.stat().st_size > 5000
    bad = subprocess.run([sys.executable, "-m", "ui.cli", "summarise", "no-such-meeting", "--store", str(sample_store.root)],
                         capture_output=True, text=True)
    assert bad.returncode != 0 and "no meeting with id 'no-such-meeting'" in bad.stderr and "Traceback" not in bad.stderr


def test_decisions_csv_neutralises_spreadsheet_formulas():
    import csv
    import io

    from ingest.model import Decision
    from rag.indexing import decisions_csv

    rows = [Decision("m", "=cmd|' /C calc'!A0", None, "2024-01-01", "1", "+SUM(A1)", "@risk: resolved")]
    parsed = list(csv.reader(io.StringIO(decisions_csv(rows))))
    assert parsed[1][1] == "'=cmd|' /C calc'!A0" and parsed[1][5] == "'+SUM(A1)" and parsed[1][6] == "'@risk: resolved"


def test_decisions_cli_csv(sample_store):
    import csv

    out = subprocess.run([sys.executable, "-m", "ui.cli", "decisions", "--store", str(sample_store.root), "--csv",
                          "--committee", "safeguarding"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("\ufeff")  # UTF-8 BOM so spreadsheets read accents
    rows = list(csv.DictReader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    assert rows and {"date", "committee", "decision", "outcome", "mover", "seconder", "source"} <= set(rows[0])
    assert all("safeguarding" in r["committee"].lower() and r["source"].endswith(".txt") for r in rows)
    assert all(r["outcome"] for r in rows)


def test_key_points_choose_what_the_exact_arithmetic_chooses(sample_store):
    """key_points runs in numpy over the cached sentence vectors; it picks the sentences the
    same maximal-marginal-relevance rule picks in plain float arithmetic."""
    from rag.brief import _SALIENT, key_points
    from rag.embed import embed_texts_cached
    from rag.sentences import split_sentences

    def exact(item, k=4):
        sents = [s for s in split_sentences(item.text) if len(s) >= 40 and not s.endswith(":")]
        if len(sents) <= 2:
            return sents or split_sentences(item.text)[:1]
        vecs = embed_texts_cached(sents)
        centroid = [sum(v[i] for v in vecs) / len(vecs) for i in range(len(vecs[0]))]

        def cos(a, b):
            return sum(x * y for x, y in zip(a, b))

        base = [cos(v, centroid) + (0.05 if _SALIENT.search(s) else 0.0) + (0.04 if i == 0 else 0.0)
                for i, (s, v) in enumerate(zip(sents, vecs))]
        chosen: list[int] = []
        while len(chosen) < min(k, max(2, len(sents) // 3)):
            chosen.append(max((i for i in range(len(sents)) if i not in chosen),
                              key=lambda i: base[i] - 0.6 * max((cos(vecs[i], vecs[j]) for j in chosen), default=0.0)))
        return [sents[i] for i in sorted(chosen)]

    checked = 0
    for m in sample_store.meetings():
        for it in m.items:
            got = key_points(it)
            assert sorted(got) == sorted(exact(it)), (m.id, it.label)  # (a repeated sentence may be either copy)
            checked += len(split_sentences(it.text)) > 6
    assert checked >= 10  # items long enough for the choice to matter


def test_a_briefing_is_stored_with_the_store_and_read_back_unchanged(sample_store, briefings, tmp_path, monkeypatch):
    """A new process reads a briefing computed earlier (keyed by the meeting's content and
    the briefing code) instead of computing it again, and gets the same briefing."""
    import shutil

    import rag.brief
    from rag.front import Minutes

    root = tmp_path / "store"
    shutil.copytree(sample_store.root, root)
    first = Minutes.open(store=root)
    for m in first.meetings():
        assert first.briefing(m.id).to_dict() == briefings[m.id].to_dict()
    assert len(list((root / "briefings").glob("*.json"))) == 5

    def no_computing(*a, **k):
        raise AssertionError("the stored briefing should have been read")

    monkeypatch.setattr(rag.brief, "briefing", no_computing)
    fresh = Minutes.open(store=root)
    for m in fresh.meetings():
        b = fresh.briefing(m.id)
        assert b.to_dict() == briefings[m.id].to_dict()
        assert b.to_markdown() == briefings[m.id].to_markdown()
    # another engine is another briefing: not served from the extractive one's file
    with pytest.raises(AssertionError, match="should have been read"):
        fresh.briefing(fresh.meetings()[0].id, llm="ollama:none")
