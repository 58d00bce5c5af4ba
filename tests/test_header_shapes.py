"""Meeting details and attendance in the shapes the third and fourth held-out sets showed
(minutes from bodies none of the rules were written on): a PDF text layer that runs the title
and roll call into one line, an officer's signature and "THERE WAS NO MEETING" below it, front
matter that records the meeting, "Kind Meeting - Organisation" titles, a site's owner in the
page metadata, a committee name broken over letterhead lines, and roll calls laid out as an
HTML heading over a paragraph, a column of labels over a column of lists, one label a line,
bilingual labels over a multi-column table, surname-first lists, run-in apologies and
multi-column member rows.

Each case is a short document in that layout (names invented), read through the real readers
and `parse_file`/`parse_text`; the last test runs the held-out sets themselves when present.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.header import parse_header
from ingest.header_names import _clean_org, split_title
from ingest.parse import parse_file, parse_text

HELDOUT = Path(__file__).resolve().parents[1] / "eval" / "heldout"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def header(text: str):
    lines = text.strip("\n").split("\n")
    return parse_header(lines, "\n".join(lines))


def surnames(names: list[str]) -> set[str]:
    bare = [re.sub(r"\s*\([^)]*\)?", "", n) for n in names]
    return {n.split()[-1].strip(",.") for n in bare if n.split()}


# --- council and committee from the right line ---------------------------------------------

FLATTENED = (
    " CITY OF  RIVERTON, OREGON    OFFICIAL MINUTES  A REGULAR MEETING OF THE COUNCIL OF THE CITY OF RIVERTON, "
    "OREGON WAS HELD THIS 12TH DAY OF JANUARY, 2011 AT 9:30 A.M.  THOSE PRESENT WERE:  Mayor Hale, Presiding; "
    "Commissioners Ames, Bright, \nCole and Dunn, 5. \n \nCommissioner Cole arrived at 9:36 a.m. \n \n"
    "OFFICERS IN ATTENDANCE:  Jane Roe, Clerk of the Council; Sam Poe, Chief Deputy City Attorney; and Lee Moe, "
    "Sergeant at Arms. \n \nThe balance of the Consent Agenda was adopted on a Y-5 roll call. \n"
    "Jane Roe \n Clerk of the Council  \n \n"
    "January 12, 2011  5 of 18   WEDNESDAY, 2:00 PM, JANUARY 12, 2011  DUE TO LACK OF AN AGENDA THERE WAS NO MEETING \n")


def test_flattened_title_line_gives_the_council_and_the_roll_call():
    m = parse_text(FLATTENED, "riverton.txt")
    assert m.council == "City of Riverton"
    assert m.date == "2011-01-12"
    # the council itself met: no committee is invented, and neither the officer's signature
    # nor "THERE WAS NO MEETING" is taken for one
    assert m.committee is None
    assert {"Hale", "Ames", "Bright", "Cole", "Dunn"} <= surnames(m.attendees)
    assert "Sergeant at Arms" not in m.attendees and "Presiding" not in m.attendees


def test_an_officers_title_is_not_an_organisation():
    assert _clean_org("Clerk of the Council") is None
    assert _clean_org("Clerk of Carlow County Council") == "Carlow County Council"
    assert _clean_org("Local Authority") is None  # a kind of organisation, no name in it
    assert split_title("Clerk of the Council").body is None
    assert split_title("DUE TO LACK OF AN AGENDA THERE WAS NO MEETING").mtype is None


def test_a_label_broken_over_lines_is_not_the_council():
    h = header("""Minutes of Meeting of Dunmore Joint Policing Committee,
held at 10.00am on Monday, 16 January 2023

Presiding

:
Cllr Pat Hill, Chairman

Local Authority
Members
:
Cllrs, Michael Doyle Andrew Dunne, John Dolan, Tom
Farrell and Emily Walsh.

Apologies:

Ms Joan Furlong, Bill Collins, Ken Glynn.
""")
    assert h.committee == "Dunmore Joint Policing Committee"
    assert h.council != "Local Authority"
    assert h.chair == "Pat Hill"
    assert {"Doyle", "Dunne", "Dolan", "Farrell", "Walsh"} <= surnames(h.attendees)
    assert {"Furlong", "Collins", "Glynn"} == surnames(h.apologies)


def test_the_first_half_of_a_committee_name_is_not_a_place():
    h = header("""Dunmore Local Community
Development Committee
Minutes of the Meeting of
Dunmore Local Community Development Committee (LCDC),
held on Friday 20th February 2026 at 10am
""")
    assert h.committee == "Dunmore Local Community Development Committee (LCDC)"
    assert h.council is None


def test_a_council_named_in_the_attendance_tables_cells():
    # the letterhead is OCR noise and the council appears only in the "Agency" column
    m = parse_text("""LCDé••
Dunmore Local Communitg
Development Committee
Minutes of the Meeting of
Dunmore Local Community Development Committee (LCDC),
held on Friday 20th February 2026 at 10am
Sector
Agency
Dunmore County Council Elected Member
Dunmore County Council Elected Member
Dunmore County Council, Community Development
Dept of Social Protection
1. ATTENDANCE / QUORUM
The chair welcomed the members and a quorum was confirmed.
2. Election of Chairperson
Ann Drury was elected as Chairperson.
""", "lcdc.txt")
    assert m.committee == "Dunmore Local Community Development Committee (LCDC)"
    assert m.council == "Dunmore County Council"


def test_front_matter_that_records_the_meeting(tmp_path):
    path = write(tmp_path, "members.md", """---
layout: meeting
body: Members
title: Minutes of general meeting
date: 2019-02-09 07:00
location: online via IRC
members:
- Ann Ferris
- Bob Jamdar
- Cal Mackie
chair: Ann Ferris
---

## Voting procedures

The Chair confirmed that all members of the Company were present.

**The Members resolved** that the members of QWXY CIC amend Article 14.1 of the Articles of Association.

The resignation of Bob Jamdar had been received by the Company.

The Members thanked him for his work since the Company's founding.
""")
    m = parse_file(path)
    assert m.date == "2019-02-09" and m.time == "07:00"  # a time to the minute: the meeting's start
    assert m.committee == "General Meeting"  # a title typed in lower case
    assert m.council == "QWXY CIC"  # named once in full, then "the Company"
    assert {"Ferris", "Jamdar", "Mackie"} <= surnames(m.attendees)


def test_a_publishing_timestamp_is_still_not_the_meeting_date(tmp_path):
    path = write(tmp_path, "posted.md", """---
title: Committee Meeting
date: 2023-11-15T17:56:45.831Z
---

## Attendees

- Ann Ferris
""")
    assert parse_file(path).date is None


def test_kind_of_meeting_dash_organisation():
    parts = split_title("Directors' Meeting - Speedcubing Canada")
    assert parts.org == "Speedcubing Canada"
    assert split_title("Randy Marx - Board President").org is None  # a person and an office
    assert split_title("Special Meeting - Budget Workshop").org is None  # what the meeting was about
    assert split_title("Board Meeting - Acme Rowing Club").org == "Acme Rowing Club"


def test_title_initials_spelled_out_by_the_site_owner(tmp_path):
    path = write(tmp_path, "hoa.html", """<html><head><title>Ridge Creek Ranch | Current Events</title>
<meta name='description' content='Official Website for the Ridge Creek Ranch Homeowners Association' /></head>
<body><div id='content'>
<h3>RCR HOA Annual Meeting Minutes</h3>
<h3>Saturday May 7th, 2016</h3>
<p>Opening: Meeting was called to order at 9:02 am by Interim Board President Tom Kesler.</p>
<h3>Board Members Present</h3>
<table><tr><td>Tom Kesler</td><td>Sharon Fleming</td><td>Jennifer Kesler</td><td>Cheryl Silva</td></tr></table>
<h3>Proxies received</h3>
<p>Thirteen proxies were received.</p>
</div></body></html>""")
    m = parse_file(path)
    assert m.council == "Ridge Creek Ranch Homeowners Association"
    assert m.committee and "Annual Meeting" in m.committee
    assert m.date == "2016-05-07"
    assert {"Kesler", "Fleming", "Silva"} <= surnames(m.attendees) and len(m.attendees) == 4


# --- attendance in unfamiliar shapes -------------------------------------------------------

def test_html_heading_present_over_a_paragraph_of_names(tmp_path):
    path = write(tmp_path, "cc.html", """<div class="minutes">
<time datetime="2020-06-10">10 June 2020</time>
<p>Glanmor Community Council held their meeting remotely via Zoom at 7.30pm on the 10th June 2020.</p>
<h4>PRESENT</h4>
<p>Councillors Alun Price, Arwel Price, Gwen Evans, Peter Harris, Will Lloyd, Andrew Thomas, Owen Wynne and County Councillor Joe Price.</p>
<ol>
<li><h4>WELCOME AND APOLOGIES</h4><p>Apologies received from Cllrs. Kim Price and Hugh Gwyn.</p></li>
<li><h4>DECLARATIONS OF INTEREST</h4><p>None.</p></li>
</ol></div>""")
    m = parse_file(path)
    assert len(m.attendees) == 8 and "Joe Price" in m.attendees
    assert surnames(m.apologies) == {"Price", "Gwyn"}


def test_labels_printed_before_their_lists():
    h = header("""Minutes of the Special Meeting of Dunmore County Council, hosted in the Council
Chamber, on Friday 28th February 2025, at
In Attendance:
Presiding:
Members:
Apologies:
Officials:
2.30pm
Councillor, Kevin Cole — Cathaoirleach
Councillors: Mary Butt, James Byrne (28th only), Emma Coffey, Ciaran Fisher, Rachel Kerr (28th
only), Sean McCann, Andrea McKee, Shane
McGuire, Robert Nash
Councillors: Eric Dolan, Anne Ford, Paddy
McQuill, Declan Power
David Conway, Chief Executive
Joanna Kelly, Senior Planner
Finbar Gethin, Ethics Registrar
""")
    assert h.chair == "Kevin Cole"
    assert {"Butt", "Byrne", "Kerr", "McGuire", "Nash", "Conway", "Gethin"} <= surnames(h.attendees)
    assert surnames(h.apologies) == {"Dolan", "Ford", "McQuill", "Power"}
    assert not any("Registrar" in a or a.startswith("only") for a in h.attendees)


def test_one_label_a_line_and_a_heading_that_is_not_a_chair():
    m = parse_text("""Minutes of 2025 Annual General Meeting of Dunmore County Council
Held in the Council Chamber on Friday 27th June 2025 at 3:00 p.m.
Present
Councillors
Councillors P. Daly, M. Howard, P. Murphy, A. Baker, T. Guilfoyle, C. Molloy, T. O’Keeffe, P. Hayes, A. O’Connor, P. Burke, T. Walsh, C. Ryan, R. Hartigan, J. Crowe
Officials
Gordon Daly, Chief Executive.
Mary McMahon, A/Meetings Administrator.
Present via MS Teams:
Cllrs. D. Griffin, J. Ryan, S. Talty
Presiding
The outgoing Cathaoirleach, Cllr. A. O’Connor addressed the meeting and thanked the members for their support during the year.
Item 1: Election of Cathaoirleach
Cllr. J. Crowe proposed Cllr. P. Murphy and this was agreed.
""", "agm.txt")
    assert {"Daly", "Howard", "Crowe", "Griffin", "Talty"} <= surnames(m.attendees)
    assert len([a for a in m.attendees if a.startswith(("P. Daly", "J. Crowe"))]) == 2
    assert m.chair is None or "addressed" not in m.chair


def test_bilingual_labels_over_a_multi_column_table():
    h = header("""MINUTES OF THE SPECIAL MEETING OF DUNMORE COUNTY COUNCIL HELD
ONLINE AND IN THE COUNCIL CHAMBER, ON
Monday 21 July 2025

PRESENT/I LÁTHAIR
Councillors/Comhairleoirí:
Angie Bailey                            Tommy Cahill                  Brendan Cronin

Paul Daly                              Charlie Farrell                 Deirdre Ferris
Breandán Fitz                     Michael Foley (Cath)                  Podge Foley

Absent
Cllr. Tom Barry                         Robert Brosnan

IN ATTENDANCE/I LÁTHAIR
Mr. F. Reid, Chief Executive
Mr. P. Corkery A/Dir Corporate Servi             Ms N.  O’ Sullivan Dir Eco & Com Dev
Mr. J. Nolan Dir Plan, Envir, Emer Plan      Mr. F. Hart Dir Roads & Transp
""")
    assert {"Bailey", "Cahill", "Cronin", "Daly", "Farrell", "Ferris", "Fitz", "Foley"} <= surnames(h.attendees)
    assert surnames(h.absent) == {"Barry", "Brosnan"}
    assert {"Mr. P. Corkery", "Ms N. O’ Sullivan", "Mr. J. Nolan", "Mr. F. Hart"} <= set(h.attendees)
    assert not {"Envir", "Emer Plan", "Com Dev"} & set(h.attendees)


def test_surname_first_list_and_an_apologies_sentence():
    h = header("""Minutes of the Annual County Council Meeting held on Friday, 12th June, 2026 in
the Council Chamber, at 4.00 pm

MEMBERS PRESENT

Councillors:
Boland, Cathal
Boland, Mark
Burke, John
Butler, Darragh
O’Brien, Eoghan
Onwumere, JK
Apologies for inability to attend were received for Councillors  Tania Doyle,
Corina Johns, Brian McDonagh and Helen Redmond.

OFFICIALS PRESENT
Ann Farrell (Chief Executive); Oliver Hunt (Director of Finance); David
Storey (Director of Services/Environment, Climate Action, Active Travel & Sports);
Roisin Burke (County Architect).

F/302/26
Address of Outgoing Mayor
""")
    assert {"Cathal Boland", "Mark Boland", "Eoghan O’Brien", "JK Onwumere"} <= set(h.attendees)
    assert surnames(h.apologies) == {"Doyle", "Johns", "McDonagh", "Redmond"}
    assert any(a.startswith("David Storey") for a in h.attendees)
    assert not any("Address" in a for a in h.attendees)


def test_apologies_inside_a_run_in_minute():
    m = parse_text("""DRAFT MINUTES OF THE LOWTHORPE PARISH COUNCIL MEETING HELD AT THE VILLAGE HALL AT 7.00 pm ON THURSDAY 1 JUNE 2017

PRESENT (six Councillors): - Pam Bell (PB), Claire Carr (CC) – Chair, Paula Kell (PK), and Claire Wills (CW). Parish Clerk: Peter Kingsley In attendance: four members of the public.

70/17 Apologies for absence Apologies had been received from Tom Fry (TF) who was unavoidably detained at work. 71/17 Declaration of Interest No declarations were made.

72/17 Minutes of the Parish Council meeting held on 3 May 2017

The minutes were signed as a true record.
""", "lowthorpe.txt")
    assert m.council == "Lowthorpe Parish Council" and m.date == "2017-06-01"
    assert {"Bell", "Carr", "Kell", "Wills", "Kingsley"} <= surnames(m.attendees)
    assert surnames(m.apologies) == {"Fry"}


def test_officials_under_office_labels_and_a_label_broken_over_lines():
    h = header("""Minutes of the Special Meeting of Dunmore County Council held on 9 September 2025
Presiding:
An Cathaoirleach, Councillor Wayne Harding
Councillors Present:
Councillors Fionn Blake, Joe Bonner, Padraig Coffey
Apologies:
Councillors Dave Boyne, Peter Caffrey
Officials in attendance:
Chief Executive: Kieran Kehoe
Directors of Service: Des Foley, Martin Murray
MEETINGS
ADMINISTRATOR:                     Ms. Lorraine McKee
""")
    assert h.chair == "Wayne Harding"
    assert {"Harding", "Blake", "Kehoe", "Foley", "Murray", "McKee"} <= surnames(h.attendees)
    assert "An" not in h.attendees
    assert surnames(h.apologies) == {"Boyne", "Caffrey"}  # not "MEETINGS"


def test_a_short_list_in_the_same_name_organisation_shape():
    from ingest.header import Header, parse_attendance

    h = Header()
    parse_attendance(["Attendees", "Stu Hood, Twitter", "Ann Lee, Lightbend", "Jon Pratt, Propensive",
                      "Not present:", "Roland Trent, Nitro", "Proceedings"], h)
    assert h.attendees == ["Stu Hood", "Ann Lee", "Jon Pratt"]
    assert h.apologies == ["Roland Trent"]  # not "Nitro", not the next heading


def test_an_attendance_log_after_the_signature():
    m = parse_text("""MEETING MINUTES
Dunmore Local Community Safety Partnership
Date:
Tuesday 4th November 2025.
Attendance
5/6
Apologies:
Denis Lee.
1. Declaration of Interest - No declarations.
2. Terms of Reference
The Terms of Reference were approved, proposed by Cllr Joe Kane, seconded by Cllr Mary Dunne.
Chairperson Signature
MEMBERSHIP ATTENDANCE LOG
NAME SURNAME
Representative Body
In Attendance Yes/No
Cliona Barr
Dunmore Business Association
Y
Cllr Joe Kane
Dunmore City Council
Y
Denis Lee
Education and Training Board
N
Cllr Mary Dunne
Dunmore City Council
Y
Grace Dolan
Youth Project
N
Total Attendance
4 of 5
""", "lcsp.txt")
    assert m.attendees == ["Cliona Barr", "Joe Kane", "Mary Dunne"]
    assert m.apologies == ["Denis Lee"]
    assert m.absent == ["Grace Dolan"]  # "N" without apologies


def test_those_present_were_with_the_presiding_officer():
    h = header("""A REGULAR MEETING OF THE BOARD OF COMMISSIONERS OF THE PORT OF ALDER WAS HELD ON MARCH 3, 2020.
THOSE PRESENT WERE: Chair Ames, Presiding; Commissioners Bright, Cole and Dunn.
""")
    assert surnames(h.attendees) == {"Ames", "Bright", "Cole", "Dunn"}


def test_a_surname_that_is_a_venue_word_and_seats_that_are_not_people():
    h = header("""Minutes of the Meeting of the Dunmore Community Development Committee held on 20 February 2026
Present: Cllr Tom Farrell, Michelle Hall, Dept of Social Protection, PPN Community & Voluntary, Vacant position
Apologies: Village Hall
""")
    assert h.attendees == ["Tom Farrell", "Michelle Hall"]
    assert h.apologies == []


# --- the held-out sets themselves ----------------------------------------------------------

@pytest.mark.parametrize("name", ["real3", "real4"])
def test_heldout_sets_details_and_attendance(name):
    root = HELDOUT / name
    if not (root / "structure.json").exists():
        pytest.skip(f"{root} is absent")
    from eval.header_eval import evaluate, summarise

    overall = summarise(evaluate(root, "parse_file"))["all"]
    assert overall["council_invented"] == overall["committee_invented"] == overall["date_invented"] == 0
    assert overall["council"] >= 0.85 and overall["date"] == 1.0
    assert overall["present_recall"] >= 0.8 and overall["apologies_recall"] >= 0.7
