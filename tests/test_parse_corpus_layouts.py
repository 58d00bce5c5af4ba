"""Layout mechanisms on the real documents that showed them (development corpus; skipped when
the corpus is absent). Each case names the mechanism; the synthetic behaviour tests are in
tests/test_parse_structure.py and tests/test_parse_typography.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parse import parse_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

CASES = [
    # numbers stacked in a column above their titles
    ("uk-14_*", [("6", "Notice of Motion"), ("7", "Written Questions"), ("8", "Correspondence")], []),
    # a bare page number above the title is not item 1
    ("uk-11_*", [("1", "Service Division A: Housing & Building")], ["MIONTUAIRISC"]),
    # a dotted number that lost its dot fills its gap
    ("uk-10_*", [("21", "Approval of Audit Committee Annual Report 2025")], []),
    # paragraph numbering is not a sub-level
    ("ot-04_*", [], ["Much discussion took place"]),
    # lettered sub-items counting up under an item the sub-level missed
    ("na-10_*", [("(B) (17)", None), ("(C) (17)", None)], []),
    # Word "C." after "A.", "B." is a letter
    ("na-14_*", [(None, "Review of Findings for Design – Build Bids"), (None, "Second Annual Newsletter")], []),
]


@pytest.mark.skipif(not (CORPUS / "docs").exists(), reason="development corpus not present")
@pytest.mark.parametrize("pattern,present,absent", CASES, ids=[c[0].rstrip("_*") for c in CASES])
def test_corpus_layout_mechanism(pattern, present, absent):
    doc = next((CORPUS / "docs").glob(pattern), None)
    if doc is None:
        pytest.skip("document not in this corpus copy")
    items = [(it.number, it.title) for it in parse_file(doc).items]
    for number, title in present:
        assert any((number is None or n == number) and (title is None or t == title) for n, t in items), \
            (number, title, items)
    for text in absent:
        assert not any(t.startswith(text) for _, t in items)
