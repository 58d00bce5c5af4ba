"""Segmentation by evidence: layouts seen across real councils, each in a small document written
for the test (the real ones are in the development corpus, scored by tests/test_structure_eval.py)."""
from __future__ import annotations

from ingest.parse import parse_file, parse_text


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


def test_dotted_number_that_lost_its_dot_fills_its_gap():
    """"21." printed between 2.0 and 2.2 is 2.1 with the dot lost in conversion: its digits are
    exactly the missing step, so it is the item (cited as printed)."""
    text = """Minutes of the Monthly Meeting held on 9 February 2026


1.0 Confirmation of Minutes

The minutes of the January meeting were confirmed.


2.0  Business prescribed by Statute

21.  Approval of Audit Committee Annual Report 2025
The chair of the Audit Committee presented the report.

2.2  Approval of Audit Committee Charter 2026
The charter was approved.

3.0 Correspondence
None.
"""
    m = parse_text(text, "dots.txt")
    assert [(it.number, it.title) for it in m.items] == [
        ("1.0", "Confirmation of Minutes"), ("2.0", "Business prescribed by Statute"),
        ("21", "Approval of Audit Committee Annual Report 2025"),
        ("2.2", "Approval of Audit Committee Charter 2026"), ("3.0", "Correspondence"),
    ]


def test_numbered_paragraphs_under_numbered_items_are_not_sub_items():
    """Minutes that number every paragraph (6.1, 6.2 ...) have a few that read like titles; when
    most of the sub-numbers are sentences, none of them is an item."""
    text = """Minutes of the Trustees meeting of 26th January 2016

1 Apologies
1.1 Apologies were received from David and Andrew.

2 Minutes of the last meeting
2.1 The minutes were amended and then accepted as a true record.

3 Matters Arising
3.1 TI tabled a form requesting volunteers for the Town Park.
3.2 Regarding storage for the chairs, Ali had spoken to the property manager.

4 Finance Update
4.1 Our bank balance currently stands at £11k with no outstanding invoices.
4.2 We have had a request to pay for our share of the wi-fi.

5 Budget Cut
5.1 Much discussion took place on the proposed cut to the library budget
5.2 Subsequent to our meeting the Chief Executive issued a statement

6 Events Group
6.1 SF informed that the Christmas event was an amazing success.
6.2 Trustees expressed their thanks to SF for her continued work.

7 Date of next meeting
7.1 The next meeting will be held on 8th March.
"""
    m = parse_text(text, "paras.txt")
    assert [it.number for it in m.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert "Much discussion took place" in m.item("5").text


def test_missing_step_printed_inside_a_paragraph():
    """I4: re-flowed text lost the line break before "145/19": the exact next number of the run,
    after a sentence ends, starts the item; the paragraph before it stays with the item before."""
    text = """Minutes of the Parish Council, 5 June 2019

144/19 To Discuss Neighbourhood Plan and Working Group

Cllr McNeill advised that a new working group was being set up. Funding would be investigated by the working group. 145/19 To Discuss: Request to Site a Clothing Bin

The school already had a clothing bank, so the council declined.

146/19 To Discuss Application for Comment

No objections were raised.
"""
    m = parse_text(text, "mid.md")
    assert [(it.number, it.title) for it in m.items] == [
        ("144/19", "To Discuss Neighbourhood Plan and Working Group"),
        ("145/19", "To Discuss: Request to Site a Clothing Bin"),
        ("146/19", "To Discuss Application for Comment"),
    ]
    assert m.item("144/19").text.endswith("investigated by the working group.")
    assert "clothing bank" in m.item("145/19").text
    # a number that is not the run's next step stays in the text
    other = parse_text(text.replace("145/19 To Discuss", "150/19 To Discuss"), "mid2.md")
    assert [it.number for it in other.items] == ["144/19", "146/19"]


def test_markdown_heading_tree_parents_with_their_own_body_are_items(tmp_path):
    """I5: "## Director Reports" over "### President's Report": an explicit heading tree; the
    parent level is an item too, not only the level with more headings."""
    doc = tmp_path / "board.md"
    doc.write_text("""## Time and Location

The board met at the space on 10 April 2018 at 7 pm.

## Director Reports

### President's Report

Nothing to report.

### Treasurer's Report

Income is down to $700 a month.

### Secretary's Report

The member list was updated.

## Agenda

### Draft Code of Conduct

A draft was circulated for comment.

### Space Cleanup

A cleanup day is set for May.

## Adjournment

The meeting adjourned at 9 pm.
""", encoding="utf-8")
    m = parse_file(doc)
    assert [it.title for it in m.items] == [
        "Time and Location", "Director Reports", "President's Report", "Treasurer's Report",
        "Secretary's Report", "Agenda", "Draft Code of Conduct", "Space Cleanup", "Adjournment"]


def test_a_number_repeated_under_the_same_heading_markup_is_an_item(tmp_path):
    """I7: "3. Member meeting" and again "3. Contrib forms", both set as section titles of the
    same level: the markup says they are siblings, so the repeated number heads an item."""
    doc = tmp_path / "board.rst"
    doc.write_text("""Minutes of the Board of Directors
=================================

1. Attendance
-------------

All directors attended.

2. Minutes approved
-------------------

The minutes were approved.

3. Member meeting
-----------------

The annual member meeting will be held in March.

3. Contrib forms
----------------

A policy on small contributions will be drafted.

4. Adjournment
--------------

The meeting adjourned.
""", encoding="utf-8")
    m = parse_file(doc)
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Attendance"), ("2", "Minutes approved"), ("3", "Member meeting"), ("3", "Contrib forms"),
        ("4", "Adjournment")]


def test_year_coded_report_numbers_of_two_families_are_one_scheme():
    """Report codes with a year inside ("C.2024.3", "CAFE-2024.5") are one family whatever the
    letters and separators: both sets head items under their sections."""
    from ingest.segment import number_shape

    assert number_shape("C.2014. 14") == number_shape("CAFE-2014.5") == number_shape("GMHI-2014.2")
    text = """Minutes of the City Council, 31 March 2024

CLOSED MEETING
The following matters were considered:
C.2024.3 Staff Performance Appraisal
C.2024.4 Proposed Acquisition of Land

CONSENT REPORT
The following items were adopted:
CAFE-2024.5 Property Tax Policy
That the report be received.
CAFE-2024.6 Year End Surplus Allocation Policy
That the policy be approved.

ADJOURNMENT
The meeting adjourned at 9 p.m.
"""
    m = parse_text(text, "codes.txt")
    numbers = [it.number for it in m.items if it.number]
    assert [n.split(" (")[0] for n in numbers] == ["C.2024.3", "C.2024.4", "CAFE-2024.5", "CAFE-2024.6"]


def test_item_numbers_stacked_in_a_column_take_their_titles_in_order():
    """Text extraction of a two-column layout prints the numbers together ("6." "7." "8.") and
    the titles after them, each followed by its text: the numbers take the titles in order."""
    text = """Minutes of the Municipal District Meeting, 10 February 2026

5. Roads Update
The District Engineer gave an update on the roads programme.
Members raised the condition of the footpaths in the town.
6.
7.
8.
Notice of Motion
None at this time.
Written Questions
None at this time.
Correspondence
The Cathaoirleach read a thank-you card from the retired Chief Executive.
9. Any Other Business
None at this time.
"""
    m = parse_text(text, "columns.txt")
    assert [(it.number, it.title) for it in m.items] == [
        ("5", "Roads Update"), ("6", "Notice of Motion"), ("7", "Written Questions"),
        ("8", "Correspondence"), ("9", "Any Other Business")]
    assert "thank-you card" in m.item("8").text


def test_word_letter_list_c_after_a_and_b_is_a_letter_not_roman():
    """Word numbering "A." "B." "C." under a roman-numbered agenda: "C." is the third sub-item,
    though it also reads as roman 100."""
    from ingest.blocks import Block
    from ingest.segment import split_blocks

    def li(label, text):
        return Block(text=text, kind="list", list_number=label, list_label=label, bold=True)

    def para(text):
        return Block(text=text, kind="para")

    blocks = [
        para("Port Commission Regular Meeting, June 28, 2018"),
        li("I.", "CALL TO ORDER"), para("The President called the meeting to order at 2:00."),
        li("II.", "OLD BUSINESS"),
        li("A.", "Appointments to the Review Committee"), para("Three places were filled."),
        li("B.", "Food Carts"), para("The first food cart has opened."),
        li("C.", "Review of Findings for Bids"), para("The attorney reviewed the bid findings."),
        li("III.", "NEW BUSINESS"),
        li("A.", "Website"), para("The website is being updated."),
        li("B.", "Newsletter"), para("The newsletter goes out in September."),
        li("C.", "Boat Launch"), para("The permit was received."),
        li("IV.", "ADJOURNMENT"), para("The meeting adjourned at 4:25."),
    ]
    _pre, raw = split_blocks(blocks)
    titles = [r.title for r in raw]
    assert titles == ["CALL TO ORDER", "OLD BUSINESS", "Appointments to the Review Committee", "Food Carts",
                      "Review of Findings for Bids", "NEW BUSINESS", "Website", "Newsletter", "Boat Launch",
                      "ADJOURNMENT"]


def test_a_repeated_number_that_is_the_runs_next_step_is_an_item_too():
    """"11.", "12. AOCB: ...", "12. NEXT MEETING": the number is printed twice; the first 12 is
    exactly the step after 11, so both are items. A capitals heading keeps its colon part."""
    text = """Minutes of the Community Council, 8 July 2024

10. TREASURER'S REPORT
The balance stands at £1,240.

11. COUNCILLORS' REPORTS
There were no reports this month.

12. AOCB: POLICE ACTION AT THE PROTEST
A member raised the policing of the protest.

12. NEXT MEETING MONDAY 2 SEPTEMBER at 7 p.m.
"""
    m = parse_text(text, "dup.txt")
    assert [(it.number, it.title) for it in m.items] == [
        ("10", "TREASURER'S REPORT"), ("11", "COUNCILLORS' REPORTS"),
        ("12", "AOCB: POLICE ACTION AT THE PROTEST"), ("12", "NEXT MEETING MONDAY 2 SEPTEMBER at 7 p.m.")]


def test_capitals_title_ends_where_a_legal_qualifier_begins():
    """US closed-session agendas run a capitals title on with its legal basis ("LIABILITY CLAIM
    pursuant to Government Code ..."): the title is the capitals; the qualifier stays in the text.
    A time or place after a capitals title ("... at 7 p.m.") is part of the title."""
    text = """CITY COUNCIL MINUTES, MARCH 5, 2024

CLOSED SESSION ITEMS
1. LIABILITY CLAIM pursuant to Government Code Section 54956.95:
Claimant: A. Ochoa
2. CONFERENCE WITH LABOR NEGOTIATOR pursuant to Government Code Section 54957.6
Agency negotiator: City Manager

OPEN SESSION
1. NEXT MEETING MONDAY 8 APRIL at 7 p.m.
"""
    m = parse_text(text, "closed.txt")
    titles = [it.title for it in m.items]
    assert "LIABILITY CLAIM" in titles and "CONFERENCE WITH LABOR NEGOTIATOR" in titles
    assert "NEXT MEETING MONDAY 8 APRIL at 7 p.m." in titles
    assert "Government Code Section 54956.95" in next(it.text for it in m.items if it.title == "LIABILITY CLAIM")


def test_sub_items_counting_from_the_first_under_a_parent_with_no_other_sub_level():
    """Once lettered sub-items are established in the document, "(A)", "(B)", "(C)" counting up
    under another item are its sub-items even when their long contract titles read like
    sentences; a lone "(B)" that does not start a count is not."""
    text = """CITY COUNCIL MEETING, FEBRUARY 22, 1999

16. Resolution ordering construction of the following:
(A) Sanitary Sewer Cleaning on Elm Street
Moved to adopt. Motion Carried 7-0.
(B) Ballfield Drainage Improvements
Moved to adopt. Motion Carried 7-0.

17. Approving contract and bond for the following:
(A) Laurel Hill Cemetery Gate with Lakeview Industries, Inc., (Steve Sonnenburg, Pres.,
WDM) for the gate. Moved to adopt. Motion Carried 7-0.
(B) Burke Park Shelter with Buchanan Builders, Inc. (Todd Buchanan, Pres., Urbandale.
for renovation of the shelter. Moved to adopt. Motion Carried 7-0.
(C) E. University Avenue Widening at E. 9th Street with Eco-Tech Contractors, Inc.
(Ralph Gillotti, Pres.) for pavement. Moved by Coleman to adopt. Motion Carried 7-0.

18. Approving the claims list.
(B) was not considered.
Moved to adopt. Motion Carried 7-0.

19. MOTION TO ADJOURN.
"""
    m = parse_text(text, "sub.txt")
    numbers = [it.number for it in m.items]
    assert numbers[:8] == ["16", "(A) (16)", "(B) (16)", "17", "(A) (17)", "(B) (17)", "(C) (17)", "18"]
    assert "(B) (18)" not in numbers


def test_a_bare_number_above_everything_is_the_first_pages_number():
    """Text taken from a PDF often starts with the first page's number ("1") above the title;
    it is not item 1, so the real "1." further down is."""
    text = """1


MINUTES OF STATUTORY BUDGET MEETING HELD ON FRIDAY, 3RD NOVEMBER, 2025

The Chief Executive presented the budget.

1.
Service Division A: Housing & Building
Total expenditure €36.9m.

2.
Service Division B: Road Transportation
Total expenditure €28.1m.
"""
    m = parse_text(text, "budget.txt")
    assert [(it.number, it.title) for it in m.items] == [
        ("1", "Service Division A: Housing & Building"), ("2", "Service Division B: Road Transportation")]
