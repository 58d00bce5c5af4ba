"""Meeting details read from the header and roll call, in many bodies' wording.

Each case is a header as a council, board, society or club prints it; the expected values
are what that header states (and None where it states nothing).
"""
from __future__ import annotations

import pytest

from ingest.header import header_lines, parse_date, parse_header
from ingest.header_dates import find_dates, numeric_order
from ingest.parse import parse_text


def header(text: str, body: str = ""):
    """parse_header on a header block, with an optional document body after it."""
    lines = text.strip("\n").split("\n")
    return parse_header(lines, "\n".join(lines) + "\n" + body)


# --- dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, iso", [
    ("March 5, 2024", "2024-03-05"),
    ("Dec. 14, 2017", "2017-12-14"),
    ("5th March 2024", "2024-03-05"),
    ("2024-03-05", "2024-03-05"),
    ("Monday, the 28th day of April, 2025", "2025-04-28"),
    ("Thursday the 28 of July 2020", "2020-07-28"),
    ("ON FRIDAY, 3RD NOVEMBER, 2025 AT 3.00 P.M.", "2025-11-03"),
    ("General Meeting 17:00 15-Sep-2018", "2018-09-15"),
    ("Newbiggin Parish Council   -  3  rd   September 2019", "2019-09-03"),
    ("Tuesday 4th November 2025.", "2025-11-04"),
    ("March 5th, 2024", "2024-03-05"),
    ("Sept. 5, 2024 at 7 pm", "2024-09-05"),
    ("the 4th of June, 2019", "2019-06-04"),
    ("2024/03/05", "2024-03-05"),
    ("Meeting date: 28-07-2020", "2020-07-28"),
])
def test_dates_in_every_common_form(text, iso):
    assert parse_date(text) == iso


def test_numeric_dates_follow_the_documents_country():
    uk_doc = "Councillor Smith welcomed everyone. The Parish Council agreed the programme. Cllr Jones, £200."
    us_doc = "Councilmember Smith moved. The Township board approved the program; $200 was paid. Seconded by Councilmember Lee."
    assert numeric_order(uk_doc) == "dmy"
    assert numeric_order(us_doc) == "mdy"
    assert parse_date("Date: 03/05/2024", numeric_order(uk_doc)) == "2024-05-03"
    assert parse_date("Date: 03/05/2024", numeric_order(us_doc)) == "2024-03-05"
    # unambiguous numeric dates need no clue; ambiguous ones without a clue are not guessed
    assert parse_date("28/07/2020") == "2020-07-28"
    assert parse_date("03/05/2024") is None


def test_minute_numbers_and_ocr_damage():
    # "19.09.01" is a minute number, not 19 September 2001
    assert find_dates("19.09.01  Apologies") == []
    # an OCR'd day is repaired only when the printed weekday confirms it
    assert parse_date("Wednesday, Ilh February 2026") == "2026-02-11"
    assert parse_date("Thursday, Ilh February 2026") is None


# --- committee, council, date from the title ------------------------------------------------

def test_us_city_council_regular_meeting():
    h = header("""Minutes of the Regular Meeting of the City
Council
City of Santa Ana,
California
March 5, 2024
CLOSED SESSION MEETING - 4:00 P.M.""")
    assert (h.council, h.committee, h.date) == ("City of Santa Ana", "City Council", "2024-03-05")
    assert h.sources["committee"].startswith("line 1:")


def test_us_board_under_city_letterhead():
    h = header("""205 Lawrence Street
Marietta, Georgia 30061
City of Marietta
Meeting Minutes
BOARD OF LIGHTS AND WATER
Steve Tumlin, Chairperson
12:00 PM City Council Chambers Monday, February 6, 2023
Presiding: R. Steve Tumlin
Present: Terry G. Lee, Bruce Coyle and Andy Morris
Absent: Alice Summerour""")
    assert h.council == "City of Marietta"  # "City Council Chambers" is a room, not a council
    assert h.committee == "Board of Lights and Water"
    assert h.date == "2023-02-06" and h.time == "12:00 PM"
    assert h.chair == "R. Steve Tumlin"
    assert h.attendees[:3] == ["R. Steve Tumlin", "Terry G. Lee", "Bruce Coyle"] and "Andy Morris" in h.attendees
    assert h.absent == ["Alice Summerour"]


def test_us_place_name_above_commission():
    h = header("""EAST PALO ALTO
PLANNING COMMISSION
REGULAR MEETING MINUTES
January 27, 2020, 7:00 p.m.
EPA Government Center""")
    assert (h.council, h.committee, h.date, h.time) == ("East Palo Alto", "Planning Commission", "2020-01-27", "7:00 p.m.")


def test_township_header_names_the_town_in_the_title():
    h = header("""State of Illinois
County of Will
Town of Crete
CRETE TOWNSHIP SPECIAL BOARD OF TRUSTEES MEETING JANUARY 11, 2023""")
    assert h.council in {"Town of Crete", "Crete Township"}  # the title names Crete, not Will County
    assert h.committee == "Crete Township Special Board of Trustees"
    assert h.date == "2023-01-11"


def test_irish_county_council_monthly_meeting():
    h = header("""Minutes of February Meeting of Carlow County Council held in the
Council Chamber, County Offices, Athy Road, Carlow
on Monday 9th February 2026 at 2.00 p.m.
Present:
Councillor K. Murnane, Cathaoirleach
Councillor F. Browne
Councillor J. Cassin
In attendance:
Mr. C. O'Reilly, Chief Executive
Ms. P. O'Brien, Director of Service""")
    assert (h.council, h.committee, h.date, h.time) == ("Carlow County Council", "February Meeting", "2026-02-09", "2.00 p.m.")
    assert h.venue == "Council Chamber, County Offices, Athy Road, Carlow"
    assert h.attendees == ["K. Murnane", "F. Browne", "J. Cassin", "Mr. C. O'Reilly", "Ms. P. O'Brien"]


def test_irish_pack_with_notice_first_reads_the_minutes_own_title():
    text = """DONEGAL COUNTY COUNCIL
Office of Meetings Administrator
22nd April, 2025
TO EACH MEMBER OF DONEGAL COUNTY COUNCIL
NOTICE OF MEETING
Dear Councillor,
A Special Meeting of Donegal County Council will be held on Monday 28th April,
2025 at 10.00am in the County House, Lifford. The agenda for the meeting is attached.
AGENDA
1. Housing Capital Update.
2. Homeless Update.
MINUTES OF SPECIAL MEETING OF DONEGAL COUNTY COUNCIL HELD IN
THE COUNTY HOUSE, LIFFORD ON THE 28th APRIL 2025
C/151/25
MEMBERS PRESENT
""" + "\n".join(f"Discussion line {i} about housing." for i in range(40))
    h = parse_header([], text)
    assert (h.council, h.committee, h.date) == ("Donegal County Council", "Special Meeting", "2025-04-28")
    assert "MINUTES OF SPECIAL MEETING" in h.sources["date"]  # not the notice's 22 April


def test_irish_label_value_header_and_apologies():
    h = header("""MEETING MINUTES
Cork City Local Community Safety Partnership
Date:
Tuesday 4th November 2025.
Time:
4.30pm.
Venue:
Cork City Council Chambers.
Apologies:
Dr Kara Hosford, Denis Leamy, Patrick Mulley, Brenda Cahill and Breda
O Donoghue.""")
    assert h.committee == "Cork City Local Community Safety Partnership"
    assert (h.date, h.time, h.venue) == ("2025-11-04", "4.30pm", "Cork City Council Chambers")
    assert h.apologies == ["Dr Kara Hosford", "Denis Leamy", "Patrick Mulley", "Brenda Cahill", "Breda O Donoghue"]


def test_scottish_community_council_general_meeting():
    h = header("""GOVAN COMMUNITY COUNCIL
GENERAL MEETING MONDAY 3 JUNE 2024
Held in the Board Room, Elderpark Workspace at 7 p.m.
Present: Esme Clark, Danny O'Neill, Hannah Salome, Cllr Imran Alam
Apologies:, Marie Davidson, Betty Ross, Humza Yusaf MSP (who has not attended since November 2016)
Minute taker: John Foster""")
    assert (h.council, h.committee, h.date) == ("Govan Community Council", "General Meeting", "2024-06-03")
    assert (h.venue, h.time) == ("Board Room, Elderpark Workspace", "7 p.m.")
    assert h.attendees == ["Esme Clark", "Danny O'Neill", "Hannah Salome", "Imran Alam"]
    assert h.apologies[:2] == ["Marie Davidson", "Betty Ross"] and "John Foster" not in h.apologies


def test_scottish_attendance_table_with_initials():
    h = header("""Ayton Community Council
Minutes of a Meeting held on Tuesday 4 June 2019
at 7.00 pm in Ayton Community Hall
Present: Kenny Combe  KC  Catherine Chisholm  CC
Graham Dolan  GD  Jim Fullarton (SBC)  JF""")
    assert h.council == "Ayton Community Council" and h.date == "2019-06-04"
    assert h.committee is None  # the council itself met: no committee is named
    assert h.attendees == ["Kenny Combe", "Catherine Chisholm", "Graham Dolan", "Jim Fullarton (SBC)"]


def test_canadian_council_minutes_with_two_column_attendance():
    h = header("""Minutes of Guelph City Council
Held in the Council Chambers, Guelph City Hall on
Monday, March 31, 2014 at 5:30 p.m.
Attendance
Council: Mayor Farbridge   Councillor G. Kovach (arrived at 5:35 p.m.)
Councillor B. Bell   Councillor Laidlaw
Absent:   Councillor L. Burcher""")
    assert (h.council, h.date, h.time) == ("Guelph City Council", "2014-03-31", "5:30 p.m.")
    assert h.committee is None
    assert h.venue == "Council Chambers, Guelph City Hall"
    assert h.attendees[:2] == ["Farbridge", "G. Kovach (arrived at 5:35 p.m.)"]
    assert "Laidlaw" in h.attendees and h.absent == ["L. Burcher"]


def test_english_parish_council_dash_date():
    h = header("""Milburn Parish Council    -   6th November 2018
Present
Councillors D Richardson (Chair) R Healey, N Cresswell and P Moran
Clerk J Connelly""")
    assert (h.council, h.committee, h.date) == ("Milburn Parish Council", None, "2018-11-06")
    assert h.chair == "D Richardson"
    assert h.attendees[:4] == ["D Richardson (Chair)", "R Healey", "N Cresswell", "P Moran"]


def test_charity_board_label_table():
    h = header("""Suffolk's Libraries IPS
The Industrial & Provident Society Limited enabling county-wide library services supported by Suffolk County Council
OPEN BOARD MEETING MINUTES
Title of Meeting Suffolk Libraries IPS - Board Meeting
Date 28th January 2016
Place Bury Library
Time 11.15am – 12.45pm
Attendees Tony Brown (Chair), Sylvia Knights (Vice Chair), Anne Mallalieu, Alison
Wheeler (Chief Executive), Sue Buck
Invited Nikki Sturmey (Governance Manager)""")
    # the county council the strap line mentions is not the body's owner
    assert h.council == "Suffolk Libraries IPS"
    assert (h.committee, h.date, h.venue) == ("Board", "2016-01-28", "Bury Library")
    assert h.chair == "Tony Brown"
    assert h.attendees == ["Tony Brown (Chair)", "Sylvia Knights (Vice Chair)", "Anne Mallalieu",
                           "Alison Wheeler (Chief Executive)", "Sue Buck"]


def test_nz_society_agm():
    h = header("""## Minutes of WLUG AGM 2019 - 25 November 2019
## Present:
Rod Aldridge
Tom Butz
## Apologies:
Chris O'Halloran""")
    assert (h.council, h.committee, h.date) == ("WLUG", "AGM", "2019-11-25")
    assert h.attendees == ["Rod Aldridge", "Tom Butz"] and h.apologies == ["Chris O'Halloran"]


def test_australian_club_agm_from_markdown_with_front_matter():
    h = header("""title: AGM Minutes 2018
date: 2018-03-13
# Perth Linux Users Group – Annual General Meeting 2018 – Minutes
The Perth Linux Users Group Annual General Meeting held at Spacecubed.com at 45 St Georges Terrace, Perth CBD on Tuesday 13th March 2018 at 7:20 PM.""")
    assert (h.council, h.committee, h.date) == ("Perth Linux Users Group", "Annual General Meeting", "2018-03-13")


def test_front_matter_publishing_date_loses_to_the_printed_date():
    h = header("""title: 2023-03-11
date: 2023-11-15T17:56:45.831Z
## Committee Meeting - 2023-03-11
Previous meeting: 2023-02-04
Next meeting: 2023-04-01""")
    assert (h.committee, h.date) == ("Committee", "2023-03-11")
    # a wrong year in the page title does not beat the minutes' own heading
    h = header("""title: "General Meeting 13th May 2023"
GOVAN COMMUNITY COUNCIL
GENERAL MEETING MONDAY 13 MAY 2024""")
    assert h.date == "2024-05-13"


def test_foundation_board_of_directors():
    h = header("""                    The Apache Software Foundation
                  Board of Directors Meeting Minutes
                            January 21, 2015""")
    assert (h.council, h.committee, h.date) == ("The Apache Software Foundation", "Board of Directors", "2015-01-21")


def test_uk_select_committee_minutes_line():
    h = header("""Minutes of the Safe and Strong Communities Select Committee Meeting held on 1 March 2021
Attendance
Present: Bob Spencer (Vice-Chairman, in the Chair)
Apologies: John Francis and Mike Worthington""")
    assert (h.committee, h.date) == ("Safe and Strong Communities Select Committee", "2021-03-01")
    assert h.chair == "Bob Spencer" and h.apologies == ["John Francis", "Mike Worthington"]


# --- negatives: what must not be taken -------------------------------------------------------

def test_minutes_of_the_meeting_held_on_does_not_make_committee_meeting():
    h = header("""Minutes of the meeting held on 10 March 2021
Present: A Smith, B Jones""")
    assert h.date == "2021-03-10"
    assert h.committee is None


def test_present_in_the_chair_is_not_a_committee():
    h = header("""Minutes of a meeting of the above Council held on Monday 26th October 2020 at 7.00pm by telephone conferencing.
PRESENT IN THE CHAIR: Councillor J Bloggs
Present:  Chairman Cllr Shewell, Cllrs Hayward, Hillard & the Clerk.""")
    assert h.committee is None and h.council is None  # "the above Council" names nothing
    assert h.date == "2020-10-26"
    assert h.chair == "J Bloggs"


def test_community_council_held_their_is_not_a_committee():
    h = header("""Lochside Community Council held their monthly meeting on 5 May 2022 in the village hall.
Present: Ann Reid, Tom Gray""")
    assert (h.council, h.committee, h.date) == ("Lochside Community Council", "Monthly Meeting", "2022-05-05")
    assert h.attendees == ["Ann Reid", "Tom Gray"]


# --- roll calls in the minutes' first items ---------------------------------------------------

def test_narrated_roll_call_in_call_to_order():
    m = parse_text("Town of Northfield\nMonthly Meeting\nAugust 17, 2020\n\nCALL TO ORDER\n"
                   "Chair Jane Keel called the monthly meeting to order at 6:30 pm. Board members present were "
                   "supervisors Jane Keel, Dick Dill, and Gary Mant, treasurer Ray Barr, and clerk Lin Britt. "
                   "Also present were guests Rory Blaze and Mike Sie.\n\nMINUTES\nMotion by Dick Dill to approve. "
                   "Motion carried.\n", "northfield.txt")
    assert (m.council, m.committee, m.date) == ("Town of Northfield", "Monthly Meeting", "2020-08-17")
    assert m.attendees == ["Jane Keel", "Dick Dill", "Gary Mant", "Ray Barr", "Lin Britt"]  # guests are not members


def test_roll_call_table_read_cell_by_cell():
    h = header("""Finance Committee
Tuesday, October 3, 2023
Attendee Name
Title
Status
Peggy Cat
Director, District N
Remote
Bobby Dish
Director, District D
Absent
Doug Tis
Director, District H
Present""")
    assert h.attendees == ["Peggy Cat", "Doug Tis"] and h.absent == ["Bobby Dish"]


def test_members_sending_apologies_are_not_counted_present():
    m = parse_text("Board Meeting\nDate 31st March 2016\nAttendees Tony Brown (Chair), Sylvia Knights, Anne Mall\n"
                   "1. Welcome and Apologies\nApologies were received from Tony Brown and Krystal\nVittles.\n"
                   "2. Finance\nThe accounts were noted.\n", "board.txt")
    assert m.apologies == ["Tony Brown", "Krystal Vittles"]
    assert m.attendees == ["Sylvia Knights", "Anne Mall"]


def test_neighbouring_council_in_body_text_is_not_the_council():
    body = "\n".join([
        "1. Planning",
        "The clerk reported that Eden District Council had consulted on its plan.",
        "Members noted the letter from Eden District Council about the consultation.",
        "2. Highways",
        "Cumbria County Council will resurface the lane.",
    ])
    h = header("""Newbiggin Parish Council   -  3  rd   September 2019
Present
Councillors D Thompson (Chair), N Armstrong""", body)
    assert h.council == "Newbiggin Parish Council"
    h = header("""Minutes of the meeting held on 3 September 2019
Present: D Thompson""", body)
    assert h.council is None or h.council != "Cumbria County Council"


def test_strap_line_mention_is_not_the_council():
    h = header("""Friends of Anytown Library
A charity supported by Westshire County Council
Minutes of Trustees of The Friends of Anytown Library
Meeting of 26th January 2016""")
    assert h.council == "The Friends of Anytown Library"
    assert h.committee == "Trustees"


def test_previous_and_next_meeting_dates_are_not_the_meeting_date():
    h = header("""Planning Committee
Minutes of the previous meeting of 26th November 2015 were agreed
Date of next meeting: 14th January 2016""")
    assert h.date is None


def test_an_item_approving_other_minutes_is_not_the_title():
    text = ("1. Apologies\nNone.\n2. MINUTES OF THE PLANNING COMMITTEE HELD ON 5 MARCH 2024\n"
            "The minutes were approved as a correct record.\n3. Planning\nThe committee noted the plans.\n")
    m = parse_text(text, "notes.txt")
    assert (m.committee, m.date) == (None, None)


def test_nothing_stated_stays_missing_with_warnings():
    m = parse_text("1. Apologies\nNone.\n2. Planning\nThe committee noted the plans.\n", "notes.txt")
    assert (m.council, m.committee, m.date) == (None, None, None)
    assert any(w.startswith("committee not stated") for w in m.warnings)
    assert any(w.startswith("date not stated") for w in m.warnings)


def test_every_value_says_where_it_came_from():
    m = parse_text("Milburn Parish Council - 6th November 2018\nPresent\nCouncillors D Richardson (Chair), R Healey\n"
                   "18.11.1 Apologies\nA Armstrong\n18.11.2 Minutes\nAgreed.\n", "milburn.txt")
    assert m.date == "2018-11-06"
    assert m.details_source["date"] == "line 1: Milburn Parish Council - 6th November 2018"
    assert m.details_source["council"].startswith("line 1:")
    assert "attendees" in m.details_source


def test_header_region_reaches_past_a_title_taken_for_an_item():
    doc = "City of Marietta\nMeeting Minutes\nBOARD OF LIGHTS AND WATER\nMonday, February 6, 2023\n" \
          "Chairman Tumlin called the meeting to order at 12:03 p.m. and welcomed the members present."
    lines = header_lines(["City of Marietta", "Meeting Minutes"], doc)
    assert "BOARD OF LIGHTS AND WATER" in lines and not any("called the meeting" in ln for ln in lines)
