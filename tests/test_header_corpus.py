"""Meeting details on the development corpus (40 real documents), through the product path.

Skips cleanly where the corpus is absent. The gate is what issue #11 asks of meeting details:
no invented council, committee or date (a value where the document states none), and dates
right on at least 95% of documents.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.header_eval import DEFAULT_CORPUS, evaluate, names_match, people_match, summarise

CORPUS = DEFAULT_CORPUS


@pytest.fixture(scope="module")
def scores():
    if not (CORPUS / "structure.json").exists():
        pytest.skip(f"development corpus not found at {CORPUS}")
    return evaluate(CORPUS, "parse_file")


def test_no_invented_meeting_details(scores):
    invented = [(s.doc, s.invented) for s in scores if s.invented]
    assert invented == []


def test_dates_committees_and_councils(scores):
    overall = summarise(scores)["all"]
    assert overall["date"] >= 0.95
    assert overall["committee"] >= 0.85
    assert overall["council"] >= 0.85


def test_stated_values_carry_their_source():
    if not (CORPUS / "structure.json").exists():
        pytest.skip(f"development corpus not found at {CORPUS}")
    from ingest.parse import parse_file

    gold = json.loads((CORPUS / "structure.json").read_text(encoding="utf-8"))
    for doc in sorted(gold)[::8]:  # a spread of formats and countries
        m = parse_file(CORPUS / "docs" / doc)
        for name in ("council", "committee", "date"):
            if getattr(m, name):
                assert m.details_source.get(name), (doc, name)


def test_matching_rules_used_by_the_evaluation():
    # names: normalised token overlap, acronyms, place names with or without "City Council"
    assert names_match("Rivergrove City Council", "Rivergrove")
    assert names_match("WLUG", "Waikato Linux Users Group")
    assert names_match("Board of Lights and Water", "BOARD OF LIGHTS AND WATER")
    assert not names_match("2016-01-28 draft Open Board", "Board")
    assert not names_match("Meeting", "Monthly Meeting")
    assert names_match(None, None) and not names_match("Council", None)
    # people: surname and first initial, titles and roles ignored
    assert people_match(["Cllr. Liam Quinn", "P Moran"], ["Liam Quinn (Cathaoirleach)", "Pat Moran", "Ann Other"]) == (2, 2, 3)
    assert people_match(["J Smith"], ["Kate Smith"]) == (0, 1, 1)
