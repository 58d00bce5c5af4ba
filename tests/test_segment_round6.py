"""Session 6 segmenter mechanisms, read from minutes of bodies in no dev set (the /tmp/pool7 pool):
the title block typeset as a stack of headings, bold field labels inside sections the markup draws,
page furniture in text files exported from PDFs, two numbers that are a coincidence, and a
numbered roll call of names."""
from __future__ import annotations

from ingest.furniture import furniture_lines, is_page_number
from ingest.parse import parse_file, parse_text


def titles(m) -> list[str]:
    return [it.title for it in m.items]


def test_stacked_title_headings_are_the_title_block_and_the_sections_under_them_are_items(tmp_path):
    doc = tmp_path / "agm.md"
    doc.write_text(
        "---\ntitle: 2022 AGM Minutes\n---\n\n## Minutes\n\n## Riverside Users Group Inc\n\n## Annual General Meeting\n\n"
        "### 27th April 2022 at 8:20PM Held at the Town Hall\n\n#### Attendees\n\nAnn Hale (AH), Bob Roe (BR)\n\n"
        "#### Apologies\n\nCy Tan\n\n#### Resolutions\n\n1. The minutes of the 2021 AGM were accepted. AH, BR\n"
        "2. The annual report was received. BR, AH.\n\n**Meeting closed at 8:35pm**\n", encoding="utf-8")
    m = parse_file(doc)
    assert titles(m) == ["Attendees", "Apologies", "Resolutions"]


def test_a_title_heading_level_used_again_below_is_not_dropped(tmp_path):
    # "## Attendance" is set like "## Notes" further down: a section, not part of the title
    doc = tmp_path / "tsc.md"
    doc.write_text("# Project TSC Meeting - February 8, 2018\n\n## Attendance\n\n### Attendees:\n\n* Ann Hale\n* Bob Roe\n\n"
                   "## Notes\n\nThe chair opened the meeting at 1:06pm.\n\n### Internship updates\n\nThere were 47 applicants.\n\n"
                   "### Adjournment\n\nThe chair closed the meeting at 1:44pm.\n", encoding="utf-8")
    assert "Attendance" in titles(parse_file(doc))


def test_bold_field_labels_inside_marked_up_sections_are_not_the_agenda(tmp_path):
    doc = tmp_path / "ec.md"
    doc.write_text(
        "## Minutes from the Executive Council Special Meeting, 16 September 2022\n\n#### Present\n\n"
        "**From the Council:** Ann Hale, Bob Roe, Cy Tan\n\n**From the Staff:** Dee Ure\n\n"
        "### Agenda item 22/23: Appointment of Eve Vane to the Council\n\n"
        "* The director recommended Eve Vane as a replacement for a departing member\n\n"
        "**Voting: I move to approve adding Eve Vane to the Council**\n\n**Maker:** Chair Ann Hale\n\n"
        "**Second:** Treasurer Bob Roe\n\n**Motion passes** with: 6 yes, 0 no, 0 abstained\n", encoding="utf-8")
    got = titles(parse_file(doc))
    assert not {"Maker", "Second", "Motion passes", "Voting"} & set(got)
    assert any(t.startswith("Agenda item 22/23") for t in got)


def test_page_numbers_shapes_are_recognised_and_text_is_not():
    for line in ["Page 1 of 3", "Page | 1", "1 | P a g e", "1 IP age", "21 Page", "--- PAGE 4 ---", "- 3 -"]:
        assert is_page_number(line), line
    for line in ["3", "1. Page Street", "Pages 3", "Item 3 page", "Page 3 of 9."]:
        assert not is_page_number(line), line


def test_running_header_beside_page_numbers_goes_but_repeated_minutes_text_stays():
    lines = ["Special Council Meeting 16.12.24", "", "Page 1 of 2", "", "1. Budget", "Members noted the report.",
             "Special Council Meeting 16.12.24", "", "Page 2 of 2", "", "2. Housing", "Members noted the report."]
    drop = furniture_lines(lines)
    assert drop == {2, 6, 8}  # both page numbers and the second header; the first names the meeting


def test_text_file_page_footers_are_not_items(tmp_path):
    doc = tmp_path / "special.txt"
    doc.write_text("Minutes of the Special Meeting of Riverside Town Council\nheld on Monday 14th October, 2019\n\n"
                   "1. Parking permits\nThe members discussed the parking permits at length and agreed the report.\n"
                   "1 IP age\n2. Bye-laws review\nThe chief executive agreed to review the bye-laws in 2020.\n"
                   "3. Any other business\nThere was no other business.\n21 Page\n", encoding="utf-8")
    m = parse_file(doc)
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Parking permits"), ("2", "Bye-laws review"), ("3", "Any other business")]
    assert "IP age" not in m.items[0].text


def test_two_stray_letters_in_a_list_of_officials_are_not_an_agenda():
    text = ("Minutes of Special Meeting of Riverside City Council\nIn Attendance:\nB. McGrath, Chief Executive\n"
            "R. McNally, Director of Services\nThe Mayor welcomed members and the meeting discussed parking permits.\n"
            "The meeting concluded at 1.07pm.\n")
    m = parse_text(text, "special.txt")
    assert not any(it.number in ("B", "R") for it in m.items)


def test_a_numbered_roll_call_of_names_is_not_items(tmp_path):
    doc = tmp_path / "wg.rst"
    doc.write_text("WG Meeting Notes (2019-11-27)\n=============================\n\nRoll Call\n=========\n\nAttending:\n"
                   "----------\n\n#. Dave\n#. Nat\n#. Brian\n#. Pedram Hosseyni\n\nAdoption of the Agenda\n"
                   "======================\n\n* Adding #153\n\nIssues\n======\n\n* Discussed the open issues.\n\n"
                   "AOB\n===\n\nNone.\n", encoding="utf-8")
    got = titles(parse_file(doc))
    assert not {"Dave", "Nat", "Brian", "Pedram Hosseyni"} & set(got)
    assert "Issues" in got
