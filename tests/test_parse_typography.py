"""Segmentation from PDF typography: font size and weight say what the text alone does not.
Each test prints a small PDF with fpdf2 and reads it with the real PDF reader (pdfplumber)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parse import parse_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _pdf(path: Path, lines: list[tuple]) -> Path:
    """Lines of (text, size, bold) or (bold text, plain text, size) for a run-in heading."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for line in lines:
        if len(line) == 3 and isinstance(line[1], str):
            head, tail, size = line
            pdf.set_font("Helvetica", "B", size)
            pdf.cell(pdf.get_string_width(head + " "), 7, head + " ")
            pdf.set_font("Helvetica", "", size)
            pdf.cell(0, 7, tail, new_x="LMARGIN", new_y="NEXT")
            continue
        text, size, bold = line
        pdf.set_font("Helvetica", "B" if bold else "", size)
        pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_unnumbered_headings_in_the_type_of_the_numbered_ones_are_items(tmp_path):
    """Ceremony before the numbered business ("CALL TO ORDER:") and department sub-headings
    inside a numbered section are set in the same larger bold type as "I. MINUTES:": items too.
    Bold lines in body type (signatures, "Reported") and the larger masthead are not."""
    body, head = 11, 13
    path = _pdf(tmp_path / "typeset.pdf", [
        ("Board of Water and Light", 17, True),
        ("Meeting Minutes - Monday, March 6, 2023", 11, True),
        ("Present: Chair Lee, Members Ortiz and Banks", body, False),
        ("CALL TO ORDER:", head, True),
        ("The Chair called the meeting to order at 12:02 p.m.", body, False),
        ("PLEDGE OF ALLEGIANCE:", head, True),
        ("All stood for the Pledge of Allegiance.", body, False),
        ("I. MINUTES:", head, True),
        ("The minutes of the February meeting were approved 3-0.", body, False),
        ("II. OPERATING DEPARTMENTS:", head, True),
        ("Customer Care:", head, True),
        ("Call volumes fell by ten percent in February.", body, False),
        ("Reported", body, True),
        ("Water & Sewer:", head, True),
        ("The tank replacement is on schedule.", body, False),
        ("Reported", body, True),
        ("III. OTHER BUSINESS:", head, True),
        ("There was no other business.", body, False),
        ("ADJOURNMENT", head, True),
        ("The meeting was adjourned at 1:16 p.m.", body, False),
        ("Stephanie Guy, Board Clerk", body, True),
    ])
    m = parse_file(path)
    assert [(it.number, it.title) for it in m.items] == [
        (None, "CALL TO ORDER"), (None, "PLEDGE OF ALLEGIANCE"), ("I", "MINUTES"),
        ("II", "OPERATING DEPARTMENTS"), (None, "Customer Care"), (None, "Water & Sewer"),
        ("III", "OTHER BUSINESS"), (None, "ADJOURNMENT"),
    ]
    assert "ten percent" in m.items[4].text


def test_same_size_plain_lines_do_not_become_items(tmp_path):
    """Size alone is not enough: an appendix title in the numbered headings' size but not their
    weight stays text."""
    path = _pdf(tmp_path / "plain.pdf", [
        ("1. Call to order", 13, True),
        ("The meeting opened at 10 a.m.", 11, False),
        ("2. Treasurer's report", 13, True),
        ("The balance is $1,200.", 11, False),
        ("3. Adjournment", 13, True),
        ("The meeting closed at 11 a.m.", 11, False),
        ("Membership List (External Use)", 13, False),
        ("Ann Lee, Bob Ortiz", 11, False),
    ])
    m = parse_file(path)
    assert [it.title for it in m.items] == ["Call to order", "Treasurer's report", "Adjournment"]


def test_bold_heading_with_a_time_beside_it_is_a_heading(tmp_path):
    """"Call to Order (5:30 p.m.)": bold title, plain time. It is set like the fully bold
    headings, not like a run-in paragraph ("Treasurer: the balance ...")."""
    path = _pdf(tmp_path / "times.pdf", [
        ("Minutes of the Town Council", 11, True),
        ("Held in the Council Chambers, Town Hall on", 11, True),
        ("Monday, March 31, 2014 at 5:30 p.m.", 10, True),
        ("Call to Order", "(5:30 p.m.)", 11),
        ("The Mayor called the meeting to order.", 11, False),
        ("Disclosure of Pecuniary Interest", 11, True),
        ("There were no disclosures.", 11, False),
        ("Closed Meeting", "(5:31 p.m.)", 11),
        ("Council moved into closed session.", 11, False),
        ("Presentations", 11, True),
        ("The Chief Administrative Officer gave a quarterly update.", 11, False),
        ("Adjournment", "(9:02 p.m.)", 11),
        ("The meeting was adjourned.", 11, False),
    ])
    m = parse_file(path)
    # the three-line title block (its middle line runs on with "on") is the masthead, not an item
    assert [it.title for it in m.items] == [
        "Call to Order", "Disclosure of Pecuniary Interest", "Closed Meeting", "Presentations", "Adjournment"]


def test_second_line_of_a_wrapped_bold_title_is_not_a_heading(tmp_path):
    """A bold numbered title that wraps ("... Development, Tree" / "Cutting, and Appeal") continues
    on the next bold line; a complete bold heading after a long bold line is still a heading."""
    path = _pdf(tmp_path / "wrapped.pdf", [
        ("City Council Meeting Minutes, December 10, 2018", 11, True),
        ("UNFINISHED BUSINESS", 11, True),
        ("1. Review of Notice of Decision for a development permit application", 11, True),
        ("The council reviewed the notice of decision.", 11, False),
        ("2. Resolution 259-2018: Fee Schedule and Agreement to Meet Costs of Development, Tree", 11, True),
        ("Cutting, and Appeal", 11, True),
        ("The City Attorney explained the revised fee schedule.", 11, False),
        ("NEW BUSINESS", 11, True),
        ("1. Approval of the Elliott to Operate as the City's Municipal Home", 11, True),
        ("Balance of Council Consent Items", 11, True),
        ("The balance of the consent agenda was adopted.", 11, False),
        ("ADJOURNMENT", 11, True),
        ("The meeting adjourned at 9 p.m.", 11, False),
    ])
    titles = [it.title for it in parse_file(path).items]
    assert "Cutting, and Appeal" not in titles
    assert "Balance of Council Consent Items" in titles


@pytest.mark.skipif(not (CORPUS / "structure.json").exists(), reason="development corpus not present")
def test_corpus_legistar_pdf_ceremony_and_department_headings():
    """A Legistar-style PDF in the corpus: unnumbered ceremony and department headings, set in
    the roman-numbered headings' type, are all found."""
    doc = next((CORPUS / "docs").glob("na-08_*.pdf"), None)
    if doc is None:
        pytest.skip("document not in this corpus copy")
    titles = [it.title for it in parse_file(doc).items]
    for t in ("CALL TO ORDER", "PLEDGE OF ALLEGIANCE", "Customer Care", "Water & Sewer", "ADJOURNMENT"):
        assert t in titles


@pytest.mark.skipif(not (CORPUS / "structure.json").exists(), reason="development corpus not present")
def test_corpus_bold_headings_with_times_and_year_coded_reports():
    """A Canadian council PDF: bold headings with the time beside them, and report codes of two
    families ("C.2014. 14", "CAFE-2014.5") under unnumbered headings."""
    doc = next((CORPUS / "docs").glob("na-09_*.pdf"), None)
    if doc is None:
        pytest.skip("document not in this corpus copy")
    m = parse_file(doc)
    titles = [it.title for it in m.items]
    for t in ("Call to Order", "Closed Meeting", "Rise from Closed Meeting", "Open Meeting"):
        assert t in titles
    numbers = {it.number.split(" (")[0] for it in m.items if it.number}
    assert {"C.2014. 14", "C.2014.15", "C.2014.16", "CAFE-2014.5", "GMHI-2014.2"} <= numbers
    assert not any(t.startswith("Held in") for t in titles)
