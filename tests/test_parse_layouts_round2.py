"""Layouts from the second held-out run, each in a small document written for the test:
lazily numbered Markdown lists, PDF page numbers on lines of their own, and item codes printed
after the title."""
from __future__ import annotations

from ingest.parse import parse_file


def items(meeting):
    return [(it.number, it.title) for it in meeting.items]


def test_lazy_markdown_list_with_tucked_sub_bullets_counts_up(tmp_path):
    # every entry written "1." with sub-bullets indented less than the entry's text: CommonMark
    # closes the list at each bullet, but the writer meant one list numbered 1, 2, 3
    doc = tmp_path / "lazy.md"
    doc.write_text(
        "# Steering Group Minutes\n\nDate: 3 March 2024\n\n## Agenda Items\n"
        "1.\tBudget update – Ann Lee\n  -\tSpending is on track for the year\n"
        "1.\tWebsite redesign – Raj Patel\n  -\tThe new design goes live in May\n  -\tVolunteers wanted for testing\n"
        "1.\tAny other business\n  -\tNone raised\n",
        encoding="utf-8")
    m = parse_file(doc)
    assert [(n, t) for n, t in items(m) if n] == [
        ("1", "Budget update – Ann Lee"), ("2", "Website redesign – Raj Patel"), ("3", "Any other business")]
    assert "goes live in May" in m.item("2").text and "Volunteers wanted" in m.item("2").text
    assert "Spending is on track" in m.item("1").text


def test_lazy_list_does_not_continue_across_a_heading(tmp_path):
    doc = tmp_path / "two-lists.md"
    doc.write_text("# Minutes\n\n## Items\n1. First\n  - note\n1. Second\n\n## Actions\n1. Call the bank\n",
                   encoding="utf-8")
    from ingest.read_markdown import markdown_blocks

    labels = [(b.list_label, b.text) for b in markdown_blocks(doc.read_text()) if b.list_label]
    assert labels == [("1.", "First"), ("2.", "Second"), ("1.", "Call the bank")]


def test_pdf_page_numbers_on_their_own_line_are_not_items(tmp_path):
    # a PDF text layer: the page number "2", "3", "4" stands alone at each page break and clashes
    # with the minutes' own "Item 2:", "Item 3:"
    para = "The committee discussed the matter at length and members raised several points about it.\n"
    doc = tmp_path / "pages.txt"
    doc.write_text(
        "1 \n\nTransport Committee\nMinutes of the meeting held on 4 June 2024\n\n"
        "Item 1: Minutes\nThe minutes of the previous meeting were agreed.\n" + para * 3
        + "\n2 \n\nItem 2: Cycle lanes update\n" + para * 4
        + "\n3 \n\nCllr Byrne stated that more cycle parking is needed in the town centre and near schools.\n"
        + para * 2 + "Item 3: Bus shelters\n" + para * 3
        + "\n4 \n\nCllr Walsh said that the shelters in the north of the county need repair before winter.\n",
        encoding="utf-8")
    m = parse_file(doc)
    assert items(m) == [("1", "Minutes"), ("2", "Cycle lanes update"), ("3", "Bus shelters")]
    assert "more cycle parking" in m.item("2").text
    assert "shelters in the north" in m.item("3").text


def test_numbered_items_on_their_own_line_after_an_agenda_stay_items(tmp_path):
    # bare numbers that repeat the agenda's titles are the items, not page numbers
    doc = tmp_path / "bare.txt"
    doc.write_text(
        "Parish Council Minutes, 4 June 2024\n\nAgenda\n1. Apologies\n2. Finance\n3. Planning\n\n"
        "1\nApologies\nApologies were received from Cllr Smith.\n\n"
        "2\nFinance\nThe accounts were approved.\n\n"
        "3\nPlanning\nNo applications had been received.\n",
        encoding="utf-8")
    m = parse_file(doc)
    assert [n for n, _ in items(m)] == ["1", "2", "3"]
    assert "Cllr Smith" in m.item("1").text and "No applications" in m.item("3").text


def test_item_codes_printed_after_the_title_are_the_numbers(tmp_path):
    doc = tmp_path / "codes.md"
    doc.write_text(
        "# Board of Education Minutes\n\nMarch 5, 2024\n\n"
        "**Call to Order (A)**  \nThe president called the meeting to order at 6:00 p.m.\n\n"
        "**Closed Session (B)**  \nThe board met in closed session.\n\n"
        "**Minutes Approved (C)**  \nThe minutes of February 20 were approved.\n\n"
        "**Recognition: Teacher of the Year (D-1a)**  \nThe board recognised the teachers.\n\n"
        "Consent Calendar Approved (E-1/E-2)  \nThe consent calendar was approved 5-0.\n\n"
        "Personnel (E-1)  \n– approved as submitted.\n\n"
        "Gifts (E-2)  \n– approved as submitted.\n\n"
        "## Adjournment (G)\nThe meeting adjourned at 8:10 p.m.\n",
        encoding="utf-8")
    m = parse_file(doc)
    assert items(m) == [
        ("A", "Call to Order"), ("B", "Closed Session"), ("C", "Minutes Approved"),
        ("D-1a", "Recognition: Teacher of the Year"), ("E-1/E-2", "Consent Calendar Approved"),
        ("E-1", "Personnel"), ("E-2", "Gifts"), ("G", "Adjournment")]
    assert "closed session" in m.item("B").text


def test_a_few_parenthesised_letters_are_not_an_item_scheme(tmp_path):
    doc = tmp_path / "letters.md"
    doc.write_text(
        "# Minutes\n\n## 1. Reports\nSee the treasurer's report (A)\n\n## 2. Planning\nSee the map (B)\n\n"
        "## 3. Close\nThe meeting closed.\n",
        encoding="utf-8")
    m = parse_file(doc)
    assert [n for n, _ in items(m)] == ["1", "2", "3"]


def test_wrapped_capitals_title_under_a_bare_number_keeps_all_its_lines(tmp_path):
    doc = tmp_path / "wrapped.txt"
    doc.write_text(
        "Minutes of the Special Meeting of the District held on 3 March 2024\n\n"
        "1.\nTO CONSIDER AND ADOPT THE ANNUAL SCHEDULE OF PROPOSED WORKS OF\nMAINTENANCE AND REPAIR IN THE DISTRICT\n"
        "REF2474\nThe Director presented the schedule of works for the year.\n\n"
        "2.\nANY OTHER BUSINESS\nThere was no other business.\n",
        encoding="utf-8")
    m = parse_file(doc)
    assert items(m)[0] == (
        "1", "TO CONSIDER AND ADOPT THE ANNUAL SCHEDULE OF PROPOSED WORKS OF MAINTENANCE AND REPAIR IN THE DISTRICT")
    assert "REF2474" in m.item("1").text  # a reference after the title is text, not title


def test_numbered_capitals_titles_running_into_their_text_are_all_items(tmp_path):
    # long numbered paragraphs whose capitals title runs straight into the first sentence
    long = ("It was noted that a number of residents had raised concerns about the matter over the past "
            "months; members discussed options, costs, timescales and the views of the community at length. ") * 3
    doc = tmp_path / "runin.md"
    doc.write_text(
        "Parish Council – Meeting Wednesday 19th July 2017\n\n"
        "1\\. ACCEPTANCE OF APOLOGIES FOR ABSENCE Apologies were received from Cllr Smith.\n\n"
        "2\\. TO DISCUSS THE VILLAGE HALL ROOF AND RESOLVE ON REPAIRS This was discussed. " + long + "\n\n"
        "3\\. TO DISCUSS COSTS OF BIN HOUSING AND RESOLVE ON PURCHASE A selection of bins was discussed. "
        + long + "\n\n"
        "4\\. TO REVIEW REQUEST FOR A BENCH AND RESOLVE ON RESPONSE A bench as requested was approved.\n",
        encoding="utf-8")
    m = parse_file(doc)
    assert items(m) == [
        ("1", "ACCEPTANCE OF APOLOGIES FOR ABSENCE"),
        ("2", "TO DISCUSS THE VILLAGE HALL ROOF AND RESOLVE ON REPAIRS"),
        ("3", "TO DISCUSS COSTS OF BIN HOUSING AND RESOLVE ON PURCHASE"),
        ("4", "TO REVIEW REQUEST FOR A BENCH AND RESOLVE ON RESPONSE")]
    assert m.item("3").text.startswith("A selection of bins")


def test_headings_stacked_under_the_title_are_the_title_block(tmp_path):
    doc = tmp_path / "titleblock.md"
    doc.write_text(
        "# Harbour Rowing Club\n## Management committee meeting\n## Minutes\n\n"
        "* Date: 13/12/2018\n* Place: Video conference\n* Attendees: Ann Lee, Raj Patel, Tom Ward, Sue Kim\n\n"
        "## 1. Previous minutes\n\nThe previous minutes were agreed.\n\n"
        "## 2. Finances\n\nThe club finished the year in surplus.\n\n"
        "## 3. New business\n\nA new boat shed was discussed.\n",
        encoding="utf-8")
    m = parse_file(doc)
    assert items(m) == [("1", "Previous minutes"), ("2", "Finances"), ("3", "New business")]


def test_heading_starting_with_a_year_is_an_item_among_its_siblings(tmp_path):
    doc = tmp_path / "year.md"
    doc.write_text(
        "## Plenum 2019-01-16 Minutes\n\n### Finances\nThe balance is healthy.\n\n"
        "### Website Revamp\nVolunteers will redo the site.\n\n"
        "### 2019 Events Calendar\nThe calendar will be published in February.\n\n"
        "### Any Other Business\nNone.\n",
        encoding="utf-8")
    m = parse_file(doc)
    assert [t for _, t in items(m)] == ["Finances", "Website Revamp", "2019 Events Calendar", "Any Other Business"]
    assert "published in February" in m.items[2].text
