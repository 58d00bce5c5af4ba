"""Layouts the samples don't show, each from a small document written for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parse import parse_file

DOCS = Path(__file__).parent / "docs"


def items(meeting):
    return [(it.number, it.title) for it in meeting.items]


def test_number_and_capitalised_title_on_one_line():
    m = parse_file(DOCS / "caps-one-line.txt")
    assert items(m) == [
        ("12", "APOLOGIES FOR ABSENCE"),
        ("13", "DECLARATIONS OF INTEREST"),
        ("14", "MINUTES"),
        ("15", "PLANNING APPLICATION 23/01234/FUL - LAND AT MILL LANE"),
    ]
    # a numbered list inside an item is not mistaken for items
    assert "2. The loss of 12 mature trees." in m.item("15").text
    assert m.item("15").resolutions == ["RESOLVED that planning permission be granted subject to the conditions in the report."]
    assert m.committee == "Planning Committee" and m.date == "2024-03-05"
    assert m.council == "NORTH WESSEX DISTRICT COUNCIL" or m.council == "North Wessex District Council"
    assert m.chair == "A Smith"
    assert {"B Jones", "C Brown", "D Green"} <= set(m.attendees)


@pytest.mark.parametrize(
    "doc, expected",
    [
        ("coded-la.txt", [("LA 17/27", "Apologies for Absence"), ("LA 17/28", "Declarations of Interest"),
                          ("LA 17/29", "Application for a Premises Licence - The Crown, High Street")]),
        ("coded-pla.txt", [("PLA146/14", "Minutes of the previous meeting"), ("PLA147/14", "Land off Station Road (14/00321/OUT)"),
                           ("PLA148/14", "Appeals Update")]),
        ("coded-slash.txt", [("22/17", "Apologies"), ("23/17", "Internal Audit Plan 2017/18"), ("24/17", "Risk Register")]),
        ("coded-min.txt", [("84", "Apologies for Absence"), ("85", "Household Support Fund"), ("86", "Date of Next Meeting")]),
    ],
)
def test_prefixed_and_coded_numbers(doc, expected):
    assert items(parse_file(DOCS / doc)) == expected


def test_coded_number_resolution_styles():
    assert parse_file(DOCS / "coded-la.txt").item("LA 17/29").resolutions == [
        "RESOLVED – That the premises licence be granted with a terminal hour of 23:00 on Fridays and Saturdays."]
    assert parse_file(DOCS / "coded-pla.txt").item("PLA147/14").resolutions == [
        "RESOLVED THAT: the application be refused for the reasons set out in the report."]
    assert parse_file(DOCS / "coded-slash.txt").item("23/17").resolutions == [
        "Resolved that the Internal Audit Plan 2017/18 be approved."]


def test_lettered_sub_items():
    m = parse_file(DOCS / "lettered-subitems.txt")
    assert items(m) == [
        ("1", "Apologies"),
        ("2", "Planning Applications"),
        ("2A", "24/0101/FUL - 3 Church Street"),
        ("2B", "24/0145/HOU - 18 Park Road"),
        ("3", "Enforcement Update"),
    ]
    assert m.item("2B").resolutions == ["RESOLVED: That permission be refused."]
    assert m.time == "2.00 pm"


def test_unnumbered_capitalised_headings():
    m = parse_file(DOCS / "unnumbered.txt")
    assert [it.title for it in m.items] == ["APOLOGIES", "MINUTES OF THE LAST MEETING", "FINANCE", "PLAY AREA"]
    assert all(it.number is None for it in m.items)
    assert [it.label for it in m.items] == ["#1", "#2", "#3", "#4"]
    assert m.council == "Little Barford Parish Council"
    assert m.date == "2024-06-12"
    assert m.apologies == ["Dawson"] or m.apologies == ["Cllr Dawson"]
    assert m.item("#3").resolutions == [
        "The clerk reported a bank balance of £14,200. It was agreed to pay the grass-cutting invoice of £640."
    ] or "£640" in m.item("#3").text


def test_us_style_minutes_roll_call_and_motions():
    m = parse_file(DOCS / "us-style.txt")
    assert items(m) == [
        ("I", "CALL TO ORDER"), ("II", "ROLL CALL"), ("III", "APPROVAL OF MINUTES"),
        ("IV", "NEW BUSINESS"), ("V", "ADJOURNMENT"),
    ]
    assert m.date == "2024-01-09"
    assert m.item("III").resolutions == [
        "Motion by Flanders, seconded by Lovejoy, to approve the minutes of December 12, 2023. Motion carried 5-0."]
    assert "Motion carried 4-1" in m.item("IV").resolutions[0]
    assert "Flanders" in m.attendees and "Szyslak" in m.attendees
    assert m.absent == ["Council Member Burns"] or m.absent == ["Burns"]


def test_printed_minutes_pdf_keeps_minute_and_agenda_numbers(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    body = [
        ("84. Apologies (Item 1)", "Apologies were received from Councillor Khan."),
        ("85. Minutes of the last meeting (Item 2)", "RESOLVED: That the minutes of 4 July 2023 be approved."),
        ("86. Library Service Review (Item 3)", "The Cabinet Member presented the review of 14 branch libraries. " * 8
         + "\nRESOLVED: That the consultation be launched on 1 October 2023."),
    ]
    for k, (heading, text) in enumerate(body):
        pdf.add_page()
        pdf.cell(0, 8, "Wessex County Council - Cabinet - 12 September 2023", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, text)
        pdf.set_y(-20)
        pdf.cell(0, 8, f"Page {k + 1}")
    path = tmp_path / "printed.pdf"
    pdf.output(str(path))
    m = parse_file(path)
    assert [(it.number, it.agenda_number, it.title) for it in m.items] == [
        ("84", "1", "Apologies"),
        ("85", "2", "Minutes of the last meeting"),
        ("86", "3", "Library Service Review"),
    ]
    assert m.item("86").resolutions == ["RESOLVED: That the consultation be launched on 1 October 2023."]
    assert "Page 3" not in m.item("86").text  # page furniture dropped
    assert m.council == "Wessex County Council" and m.date == "2023-09-12"


def test_docx_heading_styles_become_items(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Minutes of the Harbour Board meeting held on 3 May 2024")
    d.add_heading("Apologies", level=2)
    d.add_paragraph("Apologies were received from Captain Reed.")
    d.add_heading("Dredging Contract", level=2)
    d.add_paragraph("The Board considered tenders for maintenance dredging.")
    d.add_paragraph("RESOLVED: That the contract be awarded to Tidewater Ltd for £212,000.")
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Tender"
    table.rows[0].cells[1].text = "£212,000"
    path = tmp_path / "harbour.docx"
    d.save(str(path))
    m = parse_file(path)
    assert [it.title for it in m.items] == ["Apologies", "Dredging Contract"]
    assert m.item("#2").resolutions == ["RESOLVED: That the contract be awarded to Tidewater Ltd for £212,000."]
    assert "£212,000" in m.item("#2").text
    assert (m.committee, m.date) == ("Harbour Board", "2024-05-03")


def test_moderngov_html_page(tmp_path):
    rows = [
        ("12.", "Declarations of Interest", "", "There were none on this occasion."),
        ("13.", "Minutes of the meeting held on 27 July 2023", "",
         "Resolved: That the minutes be confirmed and signed by the Chairman."),
        ("14.", "Impact of Cabinet Investment in Children's Services", "Report of the Cabinet Member",
         "The Cabinet Member introduced a presentation. ...  view the full minutes text for item 14."),
    ]
    tr = "".join(
        f'<tr><td class="mgItemNumberCell"><p>{n}</p></td><td>'
        f'<p class="mgAiTitleTxt"><a href="#">{t}</a> <span>pdf icon</span> PDF 172 KB</p>'
        + (f'<p>{blurb}</p>' if blurb else "")
        + f'<p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara"><p>{txt}</p></div></td></tr>'
        for n, t, blurb, txt in rows
    )
    html = (
        "<html><head><title>Agenda for Safeguarding Overview and Scrutiny Committee</title>"
        "<script>alert('x')</script></head><body><div id='nav'>Home</div><div id='modgov'>"
        "<h2 class='mgMainTitleTxt'>Agenda and minutes</h2>"
        "<h2>Safeguarding Overview and Scrutiny Committee - Thursday 14th September 2023 10:00am</h2>"
        "<p>Venue: Oak Room, County Buildings, Stafford. <a>View directions</a></p>"
        f"<table class='mgItemTable'><tr><th>No.</th><th>Item</th></tr>{tr}</table>"
        "<p>Unclosed <b>paragraph"
        "</div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    m = parse_file(path)
    assert items(m) == [("12", "Declarations of Interest"), ("13", "Minutes of the meeting held on 27 July 2023"),
                        ("14", "Impact of Cabinet Investment in Children's Services")]
    assert (m.committee, m.date, m.venue) == ("Safeguarding Overview and Scrutiny Committee", "2023-09-14",
                                              "Oak Room, County Buildings, Stafford")
    assert m.item("14").truncated and m.item("14").blurb == "Report of the Cabinet Member"
    assert m.item("13").resolutions == ["Resolved: That the minutes be confirmed and signed by the Chairman."]
    assert "alert" not in " ".join(it.text for it in m.items)


def test_no_recognisable_items_keeps_whole_text(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("A short note about the meeting.\nNothing here looks like an agenda item.\n")
    m = parse_file(path)
    assert len(m.items) == 1 and "Nothing here looks like an agenda item." in m.items[0].text
    assert any("no agenda items recognised" in w for w in m.warnings)


def test_apologies_with_initials_inside_an_item():
    from ingest.parse import parse_text

    m = parse_text("1. Apologies\nApologies were received from Cllr C. Brown and Cllr D. Evans.\n\n2. Minutes\nNoted.\n", "x.txt")
    assert m.apologies == ["C. Brown", "D. Evans"]
