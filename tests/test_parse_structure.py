"""Segmentation by evidence: layouts seen across real councils, each in a small document written
for the test (the real ones are in the development corpus, scored by tests/test_structure_eval.py)."""
from __future__ import annotations

from ingest.parse import parse_text


def items(m):
    return [(it.number, it.title) for it in m.items]


def test_sections_with_restarting_numbers_and_addresses():
    text = """CITY OF LAKEVIEW
LICENSING BOARD MINUTES
March 4, 2024

CALL TO ORDER
The Chair called the meeting to order at 10:00 a.m.

TRANSACTIONAL HEARING
1. Sunrise Cafe LLC
53 Huntington Ave.
Application for a new common victualler license. Granted 3-0.

2. Harbor Bistro Inc.
911 Boylston St.
Transfer of license. Granted 3-0.

LICENSED PREMISE INSPECTION HEARING
1. The Blue Note
12 Main Street
Inspection report reviewed. Warning issued.

2. Corner Pub
Inspection report reviewed. No action.

ADJOURNMENT
The meeting adjourned at 11:15 a.m.
"""
    m = parse_text(text, "lakeview.txt")
    assert items(m) == [
        (None, "CALL TO ORDER"),
        (None, "TRANSACTIONAL HEARING"),
        ("1 (TRANSACTIONAL HEARING)", "Sunrise Cafe LLC"),
        ("2 (TRANSACTIONAL HEARING)", "Harbor Bistro Inc."),
        (None, "LICENSED PREMISE INSPECTION HEARING"),
        ("1 (LICENSED PREMISE INSPECTION HEARING)", "The Blue Note"),
        ("2 (LICENSED PREMISE INSPECTION HEARING)", "Corner Pub"),
        (None, "ADJOURNMENT"),
    ]
    # the street address stays in the item's text; it is never an item number
    assert "53 Huntington Ave." in m.items[2].text
    assert m.items[2].section == "TRANSACTIONAL HEARING"


def test_four_digit_running_minute_numbers():
    text = "\n\n".join(f"{n}.{title}: {body}" for n, title, body in [
        (2962, "Police Report", "Attached. Two matters were raised."),
        (2963, "Apologies for absence", "Cllr Hoskins."),
        (2964, "Declarations of interest", "None."),
        (2965, "Accounts for payment", "Tintern News - £300.00 approved."),
    ])
    m = parse_text("Minutes of a meeting of the Council held on Monday 26th October 2020.\n\n" + text, "t.txt")
    assert items(m) == [("2962", "Police Report"), ("2963", "Apologies for absence"),
                        ("2964", "Declarations of interest"), ("2965", "Accounts for payment")]
    assert "£300.00" in m.item("2965").text


def test_dotted_month_coded_numbers_and_amounts():
    text = """Minutes of the Parish Council meeting held on 6th November 2018

18.11.1  Apologies
A Armstrong.

18.11.2  Register of Interests
None

18.11.3  Finance
The following were approved:
1,250.00 to the grass cutting contractor
12.50 for stamps

18.11.4  Any Other Business
None
"""
    m = parse_text(text, "p.txt")
    assert [it.number for it in m.items] == ["18.11.1", "18.11.2", "18.11.3", "18.11.4"]
    assert "12.50 for stamps" in m.item("18.11.3").text


def test_coded_minute_numbers_alone_on_their_line():
    text = """MINUTES OF SPECIAL MEETING OF THE COUNTY COUNCIL

C/151/25
MEMBERS PRESENT
Cllrs A, B and C.

C/152/25
APOLOGIES
Apologies were received from Cllr D.

C/153/25
TO APPROVE THE CARRYING OUT OF WORKS WITH REGARD
TO THE CONSTRUCTION OF 40 SOCIAL HOUSING UNITS
On the proposal of Cllr A, seconded by Cllr B, it was resolved to approve the works.
"""
    m = parse_text(text, "c.txt")
    assert [it.number for it in m.items] == ["C/151/25", "C/152/25", "C/153/25"]
    assert m.items[2].title.startswith("TO APPROVE THE CARRYING OUT OF WORKS")


def test_lettered_sub_items_restart_under_each_parent():
    """Sub-items are cited with their parent ("a (2)"), as they restart under each parent."""
    text = """Minutes of the General Meeting held on 3 June 2024

1. MINUTES OF THE MAY MEETING
Approved.

2. MATTERS ARISING
a) Cleansing and litter
Still a problem.
b) Closure of the bank
Noted.

3. ANY OTHER BUSINESS
a) Survey of the hall
Members will respond.

4. NEXT MEETING
Monday 8 July.
"""
    m = parse_text(text, "g.txt")
    assert items(m) == [
        ("1", "MINUTES OF THE MAY MEETING"), ("2", "MATTERS ARISING"),
        ("a (2)", "Cleansing and litter"), ("b (2)", "Closure of the bank"),
        ("3", "ANY OTHER BUSINESS"), ("a (3)", "Survey of the hall"), ("4", "NEXT MEETING"),
    ]


def test_unnumbered_closing_headings_after_a_numbered_agenda():
    text = """MINUTES OF THE COMMUNITY COUNCIL

1. WELCOME
The chair welcomed everyone.

2. POLICE REPORT
No crimes reported.

3. PLANNING
No applications.

AOB
None.

DATE OF NEXT MEETING
14 May.
"""
    m = parse_text(text, "cc.txt")
    assert items(m) == [("1", "WELCOME"), ("2", "POLICE REPORT"), ("3", "PLANNING"),
                        (None, "AOB"), (None, "DATE OF NEXT MEETING")]


def test_a_table_of_contents_is_not_a_second_set_of_items():
    text = """## Contents
## Call to Order
## Treasurer's Report
## Adjournment

## Call to Order
The meeting opened at 7 pm.

## Treasurer's Report
The balance is $1,200.

## Adjournment
Closed at 8 pm.
"""
    m = parse_text(text, "toc.md")
    assert [it.title for it in m.items] == ["Call to Order", "Treasurer's Report", "Adjournment"]
    assert "$1,200" in m.items[1].text


def test_unbroken_minute_run_claims_paragraphs_that_read_as_sentences():
    """I1: "88/24 Fire Drill Notice was read out by the Chair." is a sentence, but 88/24 sits
    exactly between 87/24 and 89/24, so the run wins; the title stops at the verb or full stop."""
    text = """Minutes of the Parish Council meeting held on 4 March 2024

87/24 Welcome and introductions - The Chair opened the meeting.

88/24 Fire Drill Notice was read out by the Chair to all those attending.

89/24 Absences. Absences were noted for Cllr Reid and Cllr Patel, both on holiday.

90/24 Declarations of Interest

None were declared.

91/24 Highways

The pothole on Mill Lane has been reported.
"""
    m = parse_text(text, "run.md")
    assert [it.number for it in m.items] == ["87/24", "88/24", "89/24", "90/24", "91/24"]
    assert m.item("88/24").title == "Fire Drill Notice"
    assert m.item("89/24").title == "Absences"
    assert "Cllr Reid and Cllr Patel" in m.item("89/24").text


def test_a_sentence_numbered_in_body_text_outside_a_run_stays_text():
    """I1, the other side: a sentence-like numbered paragraph is not a gap in any run (the run
    ends at 2 and this is 7), so it is never an item on its own."""
    text = """Minutes of the Board, 2 May 2024

1. Opening

The chair opened the meeting.

2. Treasurer

7. Members were reminded that subscriptions are due in June and will be chased.
"""
    m = parse_text(text, "n.md")
    assert [it.number for it in m.items] == ["1", "2"]


def test_list_item_scored_on_its_head_not_the_whole_line():
    """I2: a list item whose line runs on with a comma is still headed by "Treasurer's Report"."""
    text = """Minutes of the Friends Meeting, 8 May 2022

1. Opening silence was held.

2. Treasurer's Report:  Rent is now $900.00 per month, the insurance premium fell by $50,

the appeal raised $1,200. Report accepted.

3. Garden Committee Report:  New beds were planted. Report accepted.

4. Announcements:  The picnic is on 20 June.
"""
    m = parse_text(text, "friends.md")
    titles = {it.number: it.title for it in m.items}
    assert titles.get("2") == "Treasurer's Report"
    assert titles.get("3") == "Garden Committee Report"


def test_agenda_verb_prefix_is_part_of_the_title():
    """I3: "To Note:" / "To Approve:" is the agenda's wording, not a run-in label to cut at."""
    text = """Minutes of the Village Council, 12 June 2023

21/23 To Note: Library Opening Hours Extended

The county confirmed Saturday opening from July.

22/23 To Approve: Grass Cutting Contract

The contract was approved for two years.

23/23 Date of Next Meeting

10 July 2023.
"""
    m = parse_text(text, "v.md")
    assert [(it.number, it.title) for it in m.items][:2] == [
        ("21/23", "To Note: Library Opening Hours Extended"),
        ("22/23", "To Approve: Grass Cutting Contract"),
    ]


def test_heading_markup_overrides_the_motion_line_rule():
    """I6: "## Motion to close" is a heading its author set as one; only an unmarked line
    starting "Motion to" is taken for a motion."""
    text = """# Board meeting 3 March 2024

## Attendees

Ana, Ben, Chris.

## Budget

The budget was adopted.

## Motion to close

Ana moved to close the meeting; Ben seconded. Carried.
"""
    m = parse_text(text, "b.md")
    assert [it.title for it in m.items][-1] == "Motion to close"


def test_item_title_starting_with_a_street_word_is_not_an_address():
    """An address has a name before the street type ("53 Huntington Ave."); "3. Street Lighting"
    has none, so it is item 3 (the first test keeps real addresses in the text)."""
    text = """Minutes of the Parish Council, 1 April 2024

1. Apologies

None.

2. Finance

Accounts approved.

3. Street Lighting Repairs

Two lamps on the green are out and will be reported.
"""
    m = parse_text(text, "s.md")
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Apologies"), ("2", "Finance"), ("3", "Street Lighting Repairs")]
