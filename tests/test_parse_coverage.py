"""No text is lost: every word of a document's body is stored in the parsed meeting (its
preamble or an item's number, title, blurb or text), because answers can only quote what is
stored. Titles are cut from their paragraphs in many ways; the rest of each paragraph must go
into the item's text, and paragraphs keep their own line breaks.

The invariant runs over every real document we have (development corpus when present, the
second dev set, the samples); the behaviours behind it are checked on small documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.coverage import coverage, document_coverage, documents, tokens
from ingest.parse import parse_file, parse_read, parse_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
DIRS = [CORPUS, ROOT / "eval" / "heldout" / "real" / "docs", ROOT / "data" / "minutes"]
# Measured: 0 words of 99,384 lost over the three sets (329 lost, 0.33%, before the fix;
# 13% of one Markdown document). A document may lose at most 0.5% of its words.
MIN_RATIO = 0.995


def test_every_word_of_every_document_is_stored():
    paths = documents(DIRS)
    assert paths, "no documents to check"
    rows = [document_coverage(p) for p in paths]
    worst = [(r.doc, round(r.ratio, 4), r.lost_sample) for r in rows if r.ratio < MIN_RATIO]
    assert not worst, worst
    assert sum(r.lost for r in rows) <= 0.001 * sum(r.words for r in rows)


def test_answerable_questions_name_items_the_parser_produces():
    """Answers cite items: a corpus question whose gold item is not a parsed item cannot be
    cited right however good retrieval is. Measured: 1 of 253 (a minute printed "10" between
    "09.23.10" and the next); the held-out real3/real4 sets went from 20/45 and 21/39 to 2 and 3."""
    from eval.coverage import question_items

    if not CORPUS.exists():
        pytest.skip("development corpus not present")
    n, missing = question_items([CORPUS], CORPUS.parent / "questions.jsonl")
    assert n >= 200 and len(missing) <= 0.01 * n, missing


def test_the_check_sees_a_lost_paragraph():
    """The measure itself: an item whose text is cut short is counted as lost words."""
    from ingest.blocks import text_blocks

    text = "MINUTES\n\n1. Apologies\nNone received.\n\n2. Finance\nThe accounts were approved unanimously.\n"
    blocks = text_blocks(text)
    m = parse_read(blocks, "x.txt")
    assert coverage(blocks, m).lost == 0
    m.items[-1].text = ""
    cov = coverage(blocks, m)
    assert cov.lost == len(tokens("The accounts were approved unanimously."))
    assert "accounts" in cov.lost_sample


def _md(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "minutes.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_numbered_paragraphs_titled_by_their_first_sentence_keep_the_rest(tmp_path):
    """A list item titled by its first sentence (or by its run-in head "Elections:") keeps the
    rest of its paragraph as the item's text."""
    m = parse_file(_md(tmp_path, """# Annual General Meeting

Minutes of the first AGM held on 26 September 2010.

1. Noufal Ibrahim, secretary presented the annual report for the year 2009-2010. As the society was only formed in February, there was little activity. The annual report was unanimously accepted.
2. The treasurer presented the accounts and answered questions from members about the bank charges.
3. Elections: Kenneth Gonsalves was unanimously elected to a second term as President.
4. The proceedings came to an end with a vote of thanks.
"""))
    texts = {it.number: it.text for it in m.items}
    assert "The annual report was unanimously accepted." in texts["1"]
    assert texts["3"].startswith("Kenneth Gonsalves was unanimously elected")
    assert [it.title for it in m.items][2] == "Elections"


def test_soft_wrapped_paragraphs_stay_one_paragraph(tmp_path):
    """Markdown lines of one paragraph are joined by a line break, not a blank line; a blank
    line between paragraphs stays."""
    m = parse_file(_md(tmp_path, """# Parish Council Minutes

## 1. Planning

The Council considered the application for a new
garage at 3 Mill Lane and raised no objection.

The Council certified that it meets the exemption
criteria for the external audit.

## 2. Any other business

None.
"""))
    text = m.items[0].text
    assert text == ("The Council considered the application for a new\ngarage at 3 Mill Lane and raised no objection."
                    "\n\nThe Council certified that it meets the exemption\ncriteria for the external audit.")


def test_text_after_a_run_in_heading_and_a_lead_code_are_kept():
    """"Finance: The accounts ..." keeps its text; a roll-call number printed before the item
    number ("99-464 1. ROLL CALL") is kept in the item."""
    m = parse_text("""CITY COUNCIL MINUTES
February 22, 1999

99-464 1. ROLL CALL: Present: Daniels, Coleman and Flagg.
99-465 2. APPROVING AGENDA: Moved by Coleman to adopt. Motion Carried 7-0.
99-466 3. APPROVING CONSENT AGENDA: Moved by Flagg to adopt. Motion Carried 7-0.
""", "council.txt")
    assert [it.title for it in m.items] == ["ROLL CALL", "APPROVING AGENDA", "APPROVING CONSENT AGENDA"]
    assert m.items[0].text.startswith("Present: Daniels, Coleman and Flagg.")
    assert "99-464" in m.items[0].text
    assert "Motion Carried 7-0." in m.items[1].text


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not present")
def test_list_items_under_a_heading_keep_their_paragraphs():
    doc = next(CORPUS.glob("ot-11_*"), None)
    if doc is None:
        pytest.skip("document not in this corpus copy")
    m = parse_file(doc)
    text = "\n".join(f"{it.title}\n{it.text}" for it in m.items)
    assert "The annual report was unanimously accepted." in text
    assert "Kenneth Gonsalves was unanimously elected" in text
