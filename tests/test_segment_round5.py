"""Layouts of minutes from the real5 set (bodies no earlier set had) and what any reader takes as
item starts when the numbered schemes find little: coded minute numbers alone on a line, a log
of clock times, a heading inside a Quarto callout, lower-case Markdown headings, numbered
resolutions with their mover and seconder before the motion, run-in labels between them, an
OCR'd title cell wrapped over lines, signature blocks, plain title lines over paragraphs, and
the document's "Minutes of the ... meeting" title. Each on a short document written like the
real ones (real files' layouts, real components); every word is still stored."""
from __future__ import annotations

from pathlib import Path

from eval.coverage import coverage
from ingest.parse import parse_file, parse_read, read_for_parse


def items(meeting):
    return [(it.number, it.title) for it in meeting.items]


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def parsed(tmp_path: Path, name: str, text: str):
    """The meeting, after checking that it keeps every word of the document."""
    path = _file(tmp_path, name, text)
    blocks = read_for_parse(path)
    meeting = parse_read(blocks, path)
    assert coverage(blocks, meeting).lost == 0
    return meeting


# --- coded minute numbers alone on their line (Irish special meetings) ---------------------------

CODED = """Minutes of Special Meeting of Full Council held at 2:00 p.m.
Monday 22 September 2025 in the Council Chamber

Members Present: Councillors C. Kelly (Cathaoirleach), P. Balfe, V. Behan.

The Cathaoirleach welcomed everyone to the Special Meeting.


01/0925SM2
Declaration of Interests
The Cathaoirleach sought from the members any declarations of conflicts of interest.
There were no declarations.



Minutes of County Council Special Meeting 22.09.2025        Page 2 of 2


02/0925SM2
Minutes of Special Meeting
Resolved on the proposal of Councillor Peggy Byrne, seconded by Councillor
Seamie Moore that the draft minutes be adopted.

     03/0925SM2
Nomination of a Candidate
The proposer was not in attendance and the item was removed from the agenda.

There being no further matters the meeting ended.
"""


def test_coded_minute_numbers_alone_on_a_line_head_items(tmp_path):
    m = parsed(tmp_path, "special.txt", CODED)
    assert items(m) == [("01/0925SM2", "Declaration of Interests"), ("02/0925SM2", "Minutes of Special Meeting"),
                        ("03/0925SM2", "Nomination of a Candidate")]
    assert "seconded by Councillor" in m.items[1].text


# --- a log of clock times (a civic club's Jekyll post) ---------------------------------------------

TIMES_MD = """### Monday, February 8, 2021

Number of Attendees: 6

Meeting Start Time: 7:06
Meeting End Time: 7:45

7:06 - Start

7:07 - Reading of minutes

7:11 - Presentation by a local farm project

- web address www.example.org
- Started with a grant from the city

7:33 - Members voted to continue working with the farm project

7:39 - Discussion of various constructions around neighborhood

- stalled apartment complex on Memorial Drive

7:45 - End
"""


def test_time_stamped_lines_are_items_titled_after_the_time(tmp_path):
    m = parsed(tmp_path, "club.md", TIMES_MD)
    assert [t for _, t in items(m)] == [
        "Start", "Reading of minutes", "Presentation by a local farm project",
        "Members voted to continue working with the farm project",
        "Discussion of various constructions around neighborhood", "End"]
    assert all(n is None for n, _ in items(m))
    # the logged line is the minute: it opens the item's text, time and all
    assert m.items[2].text.startswith("7:11 - Presentation by a local farm project")
    assert "Started with a grant" in m.items[2].text
    assert "stalled apartment complex" in m.items[4].text


TIMES_TXT = """Board meeting minutes, 5 June 2023

7:00 PM Call to order by the President.
7:05 PM Approval of the agenda. Approved unanimously.
7:10 PM Treasurer's report. The balance is $1,200.
8:00 PM Adjournment
"""


def test_time_stamps_with_am_pm_and_no_dash_title_by_first_sentence(tmp_path):
    m = parsed(tmp_path, "board.txt", TIMES_TXT)
    assert [t for _, t in items(m)][1:] == ["Approval of the agenda", "Treasurer's report", "Adjournment"]
    assert "Approved unanimously" in m.items[1].text


def test_times_out_of_order_are_a_schedule_not_items(tmp_path):
    text = TIMES_TXT.replace("7:05 PM", "9:05 PM")
    m = parsed(tmp_path, "board.txt", text)
    assert not any(t == "Adjournment" for _, t in items(m))


# --- a heading inside a Quarto callout, the narrative after it --------------------------------------

QUARTO = """---
title: "Minutes 2023-03-03"
date: 2023-03-03
---

::: {.callout-tip collapse="true"}
## View Attendee List

- Ben Straub (GSK)
- Paul Schuette (FDA)
:::

The meeting was recorded and the video is available.

Paul emphasized that it is very important to distinguish between exploratory analysis and inference.

Eric announced the resolution to the parameter problem and the group agreed that we have a path forward.
"""


def test_single_heading_inside_a_fenced_div_is_the_item(tmp_path):
    m = parsed(tmp_path, "wg.md", QUARTO)
    assert items(m) == [(None, "View Attendee List")]
    assert "the group agreed that we have a path forward" in m.items[0].text


# --- lower-case Markdown headings (GitHub organisation/repository names) ----------------------------

GITHUB_MD = """# Technical Steering Committee (TSC) Meeting 2018-06-13

## Links

* **GitHub Issue**: https://github.com/example/TSC/issues/1

## Present

* Anna (TSC)
* Ben (TSC)

## Agenda

### Announcements

*Extracted from tsc-agenda labeled issues prior to the meeting.

### nodejs/node

* Add a code of conduct for collaborators [#1](https://github.com/example/node/pull/1)
  * Agreed to land once more people have reviewed.

### nodejs/TSC

* Strategic initiatives review [#3](https://github.com/example/TSC/issues/3)
  * Leave on the agenda.

### nodejs/admin

* Onboarding of the new working group [#2](https://github.com/example/admin/issues/2)

## Q&A, Other

None.

## Upcoming Meetings

* Click the calendar link to add it to your own calendar.
"""


def test_lower_case_markdown_headings_are_items(tmp_path):
    m = parsed(tmp_path, "tsc.md", GITHUB_MD)
    titles = [t for _, t in items(m)]
    assert titles == ["Links", "Present", "Agenda", "Announcements", "nodejs/node", "nodejs/TSC", "nodejs/admin",
                      "Q&A, Other", "Upcoming Meetings"]
    assert "Agreed to land" in m.items[4].text


# --- Ontario resolutions: number, mover and seconder, motion; run-in labels between -----------------

ONTARIO_HTML = """<html><head><title>Minutes – April 17, 2018 – Township</title></head><body><article>
<p>MINUTES</p>
<p>TOWNSHIP OF EXAMPLE</p>
<p>Tuesday, April 17, 2018</p>
<p>A regular meeting of the Township Council was held on Tuesday, April 17, 2018.</p>
<p>Present: Mayor Tom Piper, Councillors Linda Andersen and Liz Smith.</p>
<p>Regrets: Councillors Tom Butler and Tom Marchant</p>
<p>Staff and visitors present: Wendy Billingsley, Dave Yemm</p>
<p>The meeting was called to order at 6:30 p.m.</p>
<p>Disclosure of pecuniary interest: None.</p>
<p>Staff Reports: Dave Yemm, Operations Superintendent – written report.</p>
<p>R2018-077 L. Smith, L. Andersen: That we approve the 2018 Library Budget as presented. Carried.</p>
<p>R2018-078 L. Andersen, L. Smith: That the minutes of the meeting held April 3, 2018 be adopted as published. Carried.</p>
<p>Committee Reports:</p>
<p>Linda Andersen – Township Museum Board</p>
<p>R2018-079 L. Smith, L. Andersen: That we accept the correspondence as presented. Carried.</p>
<p>R2018-080 L. Andersen, L. Smith: That the meeting be adjourned. Time: 8:38 p.m.</p>
<p>Mayor:</p>
<p>CAO-Clerk:</p>
</article></body></html>
"""


def test_numbered_resolutions_with_movers_and_runin_labels(tmp_path):
    m = parsed(tmp_path, "township.html", ONTARIO_HTML)
    assert items(m) == [
        (None, "Disclosure of pecuniary interest"),
        (None, "Staff Reports"),
        ("R2018-077", "That we approve the 2018 Library Budget as presented"),
        ("R2018-078", "That the minutes of the meeting held April 3, 2018 be adopted as published"),
        (None, "Committee Reports"),
        ("R2018-079", "That we accept the correspondence as presented"),
        ("R2018-080", "That the meeting be adjourned"),
    ]
    # the mover and seconder open the resolution's text, with the motion and its outcome
    assert m.items[0].text == "Disclosure of pecuniary interest: None."  # the labelled paragraph is the minute
    assert m.items[2].text.startswith("L. Smith, L. Andersen: That we approve")
    assert "Carried" in m.items[2].text


# --- an OCR'd table: "Item 1." over a title wrapped onto two lines; a signature block --------------

OCR_TABLE = """Tipperary County Council
MINUTES OF PROCEEDINGS OF ANNUAL MEETING OF THE MUNICIPAL
DISTRICT HELD IN THE CHAMBER AT 11.30 AM ON 25th JUNE 2026
Present in
chamber
Item 1.
Election of
Cathaoirleach
Cllr's Fiona Bonfield, Seamus Morris, Phyll Bugler.
Cllr. Bugler thanked the elected members and staff for their work and support over the
last year. It was proposed by Cllr. Bugler and seconded by Cllr. Quirke and unanimously
agreed that Cllr O'Meara be elected Cathaoirleach.
Item 2.
Election of Leas-
Chathaoirleach
It was proposed by Cllr. Hannigan, seconded by Cllr. Bugler and agreed that Cllr. Morris
be elected Leas-Chathaoirleach.
This concluded the business of the meeting, a true copy of which we hereby certify:-
Signed:
Irleach
a
Cllr. J.P. O'Meara
Signed:
s. Rosemary Joy
District Administrator
"""


def test_item_label_with_title_wrapped_over_lines_and_ocr_signatures(tmp_path):
    m = parsed(tmp_path, "annual.txt", OCR_TABLE)
    assert items(m) == [("1", "Election of Cathaoirleach"), ("2", "Election of Leas- Chathaoirleach")]


SIGNED_CAPS = """MINUTES OF THE ANNUAL GENERAL MEETING OF THE MUNICIPAL DISTRICT

Present: Councillors A. Byrne, B. Cole.

1.
ELECTION OF CATHAOIRLEACH
Councillor Byrne was elected Cathaoirleach on the proposal of Councillor Cole.

2.
ELECTION OF LEAS-CATHAOIRLEACH
Councillor Cole was elected Leas-Cathaoirleach on the proposal of Councillor Byrne.

3.
AGREE SCHEDULE OF MEETINGS
The Members unanimously agreed the schedule of meetings.


SIGNED:    ___________________


CERTIFIED: _______________________

      CATHAOIRLEACH

                        DIRECTOR OF CORPORATE

AFFAIRS
"""


def test_signatories_offices_in_capitals_are_not_items(tmp_path):
    m = parsed(tmp_path, "agm.txt", SIGNED_CAPS)
    assert items(m) == [("1", "ELECTION OF CATHAOIRLEACH"), ("2", "ELECTION OF LEAS-CATHAOIRLEACH"),
                        ("3", "AGREE SCHEDULE OF MEETINGS")]


def test_a_signature_line_between_items_does_not_end_them(tmp_path):
    """Minutes signed page by page: a numbered item after a "Signed ......" line is still an item."""
    text = SIGNED_CAPS.replace("3.\nAGREE", "Signed ........................ Chairman\n\n3.\nAGREE").split("\n\nSIGNED:")[0] + "\n"
    m = parsed(tmp_path, "agm.txt", text)
    assert [n for n, _ in items(m)] == ["1", "2", "3"]


# --- plain title lines over paragraphs; the document's title ----------------------------------------

TITLE_LINES = """Riverside Allotment Society
Minutes of the committee meeting held on 3 March 2024

Present: J. Smith (chair), K. Jones, L. Brown

Welcome and apologies
The chair welcomed members. Apologies were received from P. Green.

Water supply
The committee discussed the broken standpipe on plot 12. It was agreed to repair it before April.

Plot inspections
Inspections will take place in May. Members were reminded to keep paths clear.

Any other business
There was no other business and the meeting closed at 9pm.
"""


def test_short_title_lines_over_paragraphs_when_nothing_is_numbered(tmp_path):
    m = parsed(tmp_path, "allotments.txt", TITLE_LINES)
    assert items(m) == [(None, "Welcome and apologies"), (None, "Water supply"), (None, "Plot inspections"),
                        (None, "Any other business")]
    assert "repair it before April" in m.items[1].text


CAPS_DOC = """MINUTES OF THE MONTHLY MEETING OF THE TOWN COUNCIL

PRESENT: Mayor A. Byrne, Cllrs B. Cole, D. Egan

CALL TO ORDER
The Mayor called the meeting to order at 7 pm.

PUBLIC FORUM
Two residents spoke about parking on Main Street.

FINANCE REPORT
The clerk presented the accounts. The accounts were approved.

ADJOURNMENT
The meeting adjourned at 8.15 pm.

______________________
MAYOR

______________________
TOWN CLERK
"""


def test_minutes_of_the_meeting_title_and_signatories_are_not_items(tmp_path):
    m = parsed(tmp_path, "town.txt", CAPS_DOC)
    assert [t for _, t in items(m)] == ["CALL TO ORDER", "PUBLIC FORUM", "FINANCE REPORT", "ADJOURNMENT"]


def test_numbered_agenda_is_not_replaced_by_time_stamps(tmp_path):
    """The fallbacks never override a numbered agenda the schemes found."""
    text = """Minutes of the Board

1. Call to order
The meeting opened. 7:00 PM Members arrived.

2. Budget
7:10 PM Budget discussed at length by members.
7:20 PM Vote taken on the budget.
7:30 PM Budget approved by the board.

3. Adjournment
The meeting closed.
"""
    m = parsed(tmp_path, "board.txt", text)
    assert [n for n, _ in items(m)] == ["1", "2", "3"]


# --- more reader cues: a table of business, a definition list, item labels "#" and "No.", roll calls --

TABLE_MD = """# Residents' Association Committee Minutes

Date: 14 March 2023. Present: A. Khan (Chair), B. Lee, C. Osei.

| Item | Discussion | Action |
|---|---|---|
| Welcome and apologies | The chair welcomed all. Apologies from D. Park. | None |
| Minutes of last meeting | Agreed as a true record. | Chair to sign |
| Treasurer's report | Balance is £1,240 after the hall hire. | BL to pay invoice |
| Any other business | None. | |
"""


def test_rows_of_a_table_of_business_are_items(tmp_path):
    m = parsed(tmp_path, "residents.md", TABLE_MD)
    assert [t for _, t in items(m)] == ["Welcome and apologies", "Minutes of last meeting", "Treasurer's report",
                                        "Any other business"]
    assert "£1,240" in m.items[2].text and "BL to pay invoice" in m.items[2].text


DL_HTML = """<html><body><h2>Library Board Minutes - June 3, 2020</h2>
<dl>
<dt>Call to Order</dt><dd>The meeting was called to order at 6:02 p.m. by President Ames.</dd>
<dt>Approval of Agenda</dt><dd>Moved by Bell, seconded by Cruz, to approve the agenda. Carried.</dd>
<dt>Director's Report</dt><dd>Circulation rose 4% over May. Curbside pickup continues.</dd>
<dt>Adjournment</dt><dd>The meeting adjourned at 7:15 p.m.</dd>
</dl></body></html>
"""


def test_terms_over_their_definitions_complete_a_partial_reading(tmp_path):
    """The schemes read two of the terms as run-in heads; the title-line reading has those two
    and the other two, so it is taken whole."""
    m = parsed(tmp_path, "library.html", DL_HTML)
    assert [t for _, t in items(m)] == ["Call to Order", "Approval of Agenda", "Director's Report", "Adjournment"]


def test_hash_and_no_as_item_labels(tmp_path):
    m = parsed(tmp_path, "harbour.txt", """Harbour Commission - Minutes of Meeting, 2 February 2022

Agenda Item #1 - Opening
The chair opened the meeting at 10:00.

Agenda Item #2 - Mooring fees
Fees for 2022 were set at $45 per metre. Motion carried.

Agenda Item #3 - Close
The meeting closed at 11:30.
""")
    assert items(m) == [("1", "Opening"), ("2", "Mooring fees"), ("3", "Close")]
    m = parsed(tmp_path, "cc.txt", """COMMUNITY COUNCIL
Minutes of meeting held 6 November 2023

No. 1 Apologies
Apologies from Mrs Grant.

No. 2 Police report
There were four incidents reported in the area.

No. 3 AOCB
None.
""")
    assert items(m) == [("1", "Apologies"), ("2", "Police report"), ("3", "AOCB")]


ROLL_TXT = """TOWN OF EXAMPLE
REGULAR MEETING OF THE BOARD OF SELECTMEN
MARCH 4, 2019

PRESENT:
JOHN SMITH
MARY O'BRIEN

ABSENT:
ANNE WHITE

CALL TO ORDER
Chairman Smith called the meeting to order at 7:00 PM.

APPROVAL OF MINUTES
Motion by Smith, second by O'Brien, to approve the minutes of February 18. Carried 2-0.

ADJOURNMENT
Motion to adjourn at 8:10 PM. Carried.

Respectfully submitted,
JANE DOE
TOWN CLERK
"""


def test_roll_call_names_meeting_name_and_submitter_are_not_items(tmp_path):
    m = parsed(tmp_path, "selectmen.txt", ROLL_TXT)
    assert [t for _, t in items(m)] == ["CALL TO ORDER", "APPROVAL OF MINUTES", "ADJOURNMENT"]


def test_attendance_runin_with_names_is_not_an_item(tmp_path):
    m = parsed(tmp_path, "board.md", """# Board Meeting — 2021-05-04

**Attendees:** Alice Smith, Bob Jones, Carol White

- **Treasurer's report:** Balance $2,300. Approved.
- **Website:** Bob will migrate the site to the new host by June.
- **Fundraiser:** The spring fundraiser raised $800.
""")
    assert [t for _, t in items(m)] == ["Treasurer's report", "Website", "Fundraiser"]


def test_numbered_list_with_bold_heads_keeps_the_list_numbers(tmp_path):
    m = parsed(tmp_path, "garden.md", """# Minutes of the Garden Club, 3 April 2024

1. **Welcome** — The president welcomed 12 members.
2. **Treasurer's report** — The balance is $540.
3. **Plant sale** — Agreed to hold the sale on 18 May.
""")
    assert items(m) == [("1", "Welcome"), ("2", "Treasurer's report"), ("3", "Plant sale")]
    assert "$540" in m.items[1].text


def test_capitals_labels_with_a_colon_when_nothing_else_heads_items(tmp_path):
    m = parsed(tmp_path, "village.txt", """VILLAGE BOARD MINUTES - JULY 8, 2019

Chief Executive: Kieran Kehoe
FINANCE: The treasurer reported a balance of $12,400 in the general fund.
ROADS: The highway superintendent reported that paving on Elm St. is complete.
PARKS: The pavilion roof will be replaced in August.
PUBLIC COMMENT: None.
""")
    assert [t for _, t in items(m)] == ["FINANCE", "ROADS", "PARKS", "PUBLIC COMMENT"]
    assert m.items[0].text.startswith("FINANCE: The treasurer reported")


def test_speaker_turns_are_not_labels(tmp_path):
    """Labels that recur turn after turn are a transcript's speakers: no items from them."""
    m = parsed(tmp_path, "call.txt", """Community call notes

Gautier: I think we should publish the draft this month for review.
Hadrien: We need one more pass on the accessibility section first.
Gautier: Fine, then publish next month after that pass is done.
Dale: I can take the accessibility pass this week if that helps.
""")
    assert not any(t in ("Gautier", "Hadrien", "Dale") for _, t in items(m))


# --- the real5 files, where present ------------------------------------------------------------------

REAL5 = Path(__file__).resolve().parents[1] / "eval" / "heldout" / "real5" / "docs"


def test_real5_layouts_on_the_real_files():
    import pytest
    if not REAL5.exists():
        pytest.skip("eval/heldout/real5 is absent")
    park = parse_file(REAL5 / "parkview-civic-club_2021-02-08.md")
    assert len(park.items) == 9 and park.items[0].title == "Start"
    kildare = parse_file(REAL5 / "kildare-county-council-special_2025-09-22.txt")
    assert [it.number for it in kildare.items] == ["01/0925SM2", "02/0925SM2", "03/0925SM2"]
    laois = parse_file(REAL5 / "laois-borris-mountmellick-md-agm_2025-06-09.txt")
    assert [it.number for it in laois.items] == ["1", "2", "3"]
