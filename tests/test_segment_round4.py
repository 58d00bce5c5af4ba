"""Layouts of minutes from bodies in neither development set (the real3/real4 held-out runs):
item labels in any case, flattened roll-call tables, item numbers built from the meeting date,
minutes run together in a paragraph or on a few long lines, run-in lettered paragraphs and
payment lists that are text, headings typed with a colon, and a few number/title layouts. Each
mechanism on a short document written like the real ones; every word is still stored."""
from __future__ import annotations

from pathlib import Path

from eval.coverage import coverage
from ingest.blocks import text_blocks
from ingest.parse import parse_file, parse_read, parse_text


def items(meeting):
    return [(it.number, it.title) for it in meeting.items]


def numbers(meeting):
    return [it.number for it in meeting.items]


def keeps_every_word(text: str, name: str = "x.txt") -> None:
    blocks = text_blocks(text)
    assert coverage(blocks, parse_read(blocks, name)).lost == 0


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- item labels --------------------------------------------------------------------------

CMS_PAGE = """Minutes of 2025 Annual General Meeting of the County Council
Skip to main content
Held in the Council Chamber on Friday 27th June 2025 at 3:00 p.m.
Present
Councillors P. Daly, M. Howard, P. Murphy.
Item 1: Election of Cathaoirleach of the Council for the coming year.
The outgoing Cathaoirleach called for nominations for the post of Cathaoirleach.
Cllr. P. Murphy was declared elected.
Item 2: Election of Leas Cathaoirleach of Council for coming year.
Cllr. C. Molloy was declared elected as Leas Cathaoirleach.
Item 3: Schedule of Ordinary Meetings for next twelve months.
The Schedule of Meetings was circulated with the agenda and agreed.
Conclusion
The meeting then concluded.
"""


def test_item_label_makes_a_sentence_title_an_item():
    # "Item 1:" says outright that this is an item, though its title ends like a sentence
    m = parse_text(CMS_PAGE, "agm.txt")
    assert items(m) == [
        ("1", "Election of Cathaoirleach of the Council for the coming year."),
        ("2", "Election of Leas Cathaoirleach of Council for coming year."),
        ("3", "Schedule of Ordinary Meetings for next twelve months."),
        (None, "Conclusion"),
    ]
    keeps_every_word(CMS_PAGE)


CAPS_LABELS = """WICKLOW COUNTY COUNCIL
MINUTES OF THE ANNUAL MEETING HELD ON 16TH JUNE 2025
PRESENT: COUNCILLORS D. ALVEY, P. FITZGERALD, T.
FITZGERALD, T. FORTUNE, P. GLENNON, P. KENNEDY, S. LANGRELL,
WINSTANLEY (32)

IN ATTENDANCE:
MR. M. NICHOLSON, DEPUTY CHIEF EXECUTIVE
MS. H. PURCELL, A/DIRECTOR OF SERVICES
MR. B. GLEESON, DIRECTOR OF SERVICES


ITEM NO. 1

Election of the Cathaoirleach (Section 36 of the Local Government Act 2001, as amended)

Cllr. M. Corrigan was proposed by Cllr. J. Behan. The votes were:
CLLR. M.
CORRIGAN (22)
CLLRS. J. BEHAN, M. DUDDY, O. FINN, T. FORTUNE, P. LEONARD, I.
NEARY, D. O'BRIEN, G. O'NEILL, W. O'TOOLE AND J. SNELL
2

ITEM NO. 2

Election of Leas-Cathaoirleach

Cllr. C. Winstanley was elected.

ITEM NO. 3

To agree a schedule of Ordinary/Special meetings for the coming year

It was agreed by all.
THIS CONCLUDED THE BUSINESS OF THE MEETING
CATHAOIRLEACH
"""


def test_capital_item_labels_and_name_lists_in_capitals():
    # "ITEM NO. 1" alone, its title two lines later; capitals lines listing people (initials,
    # "MR."/"CLLR.", a candidate with the votes cast) are not headings, "MR." is not item MR
    m = parse_text(CAPS_LABELS, "annual.txt")
    assert items(m) == [
        ("1", "Election of the Cathaoirleach (Section 36 of the Local Government Act 2001, as amended)"),
        ("2", "Election of Leas-Cathaoirleach"),
        ("3", "To agree a schedule of Ordinary/Special meetings for the coming year"),
    ]
    keeps_every_word(CAPS_LABELS)


# --- flattened roll-call tables and OCR'd minute numbers ----------------------------------------

def _roll_call(n: int) -> str:
    names = ["Marianne Butler", "James Byrne", "Kevin Callan", "Emma Coffey", "Bernie Conlon", "Eric Donovan"]
    rows = "\n".join(str(k) for k in range(1, n + 1))
    return ("The results of the roll-call vote were as follows:\nNo.\n" + rows + "\nCouncillor\n"
            + "\n".join(names[:n]) + "\nFor\n" + "\n".join("1" for _ in range(n)) + "\nAgainst\nTOTAL\n")


ROLL_CALLS = (
    "Minutes of Special Meeting of the County Council\n"
    "Minute No. 51/25\n"
    "The Cathaoirleach opened the meeting and invited the Ethics Registrar to address the meeting.\n"
    + _roll_call(6) + "And Resolved.\n6\n"
    "Minute No. 52125\n"
    "1\n"
    "Submission No. 1: Environmental Protection Agency (EPA)\n"
    "Ms. Kelly provided an overview of the key issues in Submission No. 1.\n"
    + _roll_call(6) +
    "Minute No. 53/25\n"
    "6\n"
    "And resolved\n"
    "Submission No. 2: Transport Infrastructure Ireland (TII)\n"
    "Ms. Kelly provided an overview of the key issues in Submission No. 2.\n"
    + _roll_call(6) + "And Resolved.\n"
)


def test_flattened_roll_call_rows_are_not_items_and_labelled_minutes_are():
    # six numbered rows per table outnumber three minutes: the rows counting up in a column of
    # bare numbers are table cells; "Minute No." finds its title past cells and "And resolved";
    # "52125" is 52/25 with its slash read as a 1, the run's missing step
    m = parse_text(ROLL_CALLS, "lap.txt")
    assert numbers(m) == ["51/25", "52125", "53/25"]
    assert m.items[1].title == "Submission No. 1: Environmental Protection Agency (EPA)"
    assert m.items[2].title == "Submission No. 2: Transport Infrastructure Ireland (TII)"
    keeps_every_word(ROLL_CALLS)


# --- numbers built from the meeting date ------------------------------------------------------

DATE_NUMBERS = """Minutes of Special Meeting of the County Council held on 21 July 2025

21.07.2025.01 Confirmation of the Minutes of the Special Meeting held on 23 May 2025.

On the proposal of Cllr. Grady the minutes were confirmed.

21.07.2025.02 To consider the Chief Executive's Report on submissions received.

2.1.2
Submission KE-1: ENVIRONMENTAL PROTECTION AGENCY
Cllr. Ferris seconded the recommendation.

2.1.3
Submission KE-2: DEPT. OF EDUCATION
Cllr. Ferris seconded the recommendation.

2.1.4
Submission KE-3: TRANSPORT INFRASTRUCTURE IRELAND
Cllr. Daly seconded the recommendation.

2.1.5
Submission KE-4: OFFICE OF PUBLIC WORKS
Cllr. Daly seconded the recommendation.

2.2
Material Alteration Submissions
2.2.1
Material Alteration 45
The recommendation was noted.

2.3
Submission that does not relate to the Material Alterations
The submission was noted.

21.07.2025.03 To consider the adoption of the Variation.

The Variation was adopted.
"""


def test_a_run_inside_one_item_of_another_run_is_its_sub_level():
    # the report's sections 2.1.2-2.1.5 outnumber the meeting's three items, but all sit inside
    # item 21.07.2025.02: they are its sub-items, not the agenda, and the outline numbers
    # beside them ("2.2", "2.2.1", "2.3") are part of the same hierarchy
    m = parse_text(DATE_NUMBERS, "special.txt")
    assert numbers(m) == ["21.07.2025.01", "21.07.2025.02", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2", "2.2.1", "2.3",
                          "21.07.2025.03"]
    assert [it.section for it in m.items[2:9]] == ["21.07.2025.02"] * 7
    assert m.items[-1].section is None


# --- minutes run together ---------------------------------------------------------------------

RUN_IN = """# Parish Council

DRAFT MINUTES OF THE PARISH COUNCIL MEETING HELD ON THURSDAY 1 JUNE 2017

70/17 Apologies for absence Apologies had been received from Tom Foy. 71/17 Declaration of Interest on agenda items No declarations were made. 72/17 Minutes of the Parish Council meeting held on 3 May 2017 were approved.

Minute 66/17 First sentence should read: the Parish Council is mindful of the centenary.

73/17 Matters Arising from the Minutes

CC confirmed these were covered by reports.

74/17 Chairman's Report

a) Farm Tenancy Agreement – CC noted that the Farm Tenancy would be available from October 2017 and an advert would be placed.

b) Vehicle Operators licencing – CC reported that there continued to be no further news from the Traffic Commissioner.

c) Goalpost Design – CC asked the Parish Clerk to chase the supplier for a design and a quote.

75/17 Police Report – PK reported that an incident had occurred during the last evening. 76/17 Village Hall Report – PK reported that a funding application had been submitted.
"""


def test_minute_numbers_run_in_mid_paragraph(tmp_path):
    # 71/17, 72/17 and 76/17 start sentences inside paragraphs; "Minute 66/17 ... should read"
    # refers back to an old minute; titles end where the report starts ("– PK reported");
    # lettered paragraphs that run their text on after a short title are the item's text
    m = parse_file(_file(tmp_path, "pc.md", RUN_IN))
    assert numbers(m) == ["70/17", "71/17", "72/17", "73/17", "74/17", "75/17", "76/17"]
    assert m.items[1].title.startswith("Declaration of Interest on agenda items")
    assert "were made" in m.items[1].title + m.items[1].text
    assert m.items[5].title == "Police Report"
    assert m.items[6].title == "Village Hall Report"
    assert "Farm Tenancy Agreement" in m.items[4].text and "66/17" in m.items[2].text
    assert "incident had occurred" in m.items[5].text and "funding application" not in m.items[5].text


def test_lettered_sub_items_that_stand_as_titles_stay_sub_items(tmp_path):
    m = parse_file(_file(tmp_path, "lcdc.md", """# Committee Minutes

1. Minutes

The minutes were approved.

2. SICAP

a) Training panel

Frank presented the Training Panel for 2026.

b) Annual Report 2025

Frank provided an update on the Annual Report.

c) Annual Plan 2026

The Annual Plan was circulated in advance.

3. Correspondence

None.
"""))
    assert [n for n in numbers(m) if n and n[0] in "abc"] == ["a (2)", "b (2)", "c (2)"]


ACTION_MINUTES = (
    "A REGULAR MEETING OF THE COUNCIL WAS HELD THIS 12TH DAY OF JANUARY, 2011 AT 9:30 A.M.\n\n"
    "Consent Agenda was adopted.  Disposition: COMMUNICATIONS   38 Request of Joe Rastatter to address Council "
    "regarding fair wages  (Communication)  PLACED ON FILE  39 Request of Dixie Johnston to address Council "
    "regarding the Portland Plan  (Communication)  PLACED ON FILE  CONSENT AGENDA    40 Appoint Alison Stoll to "
    "the Community Involvement Committee  (Report)  (Y-5) CONFIRMED *41 Accept a grant for five volunteers  "
    "(Ordinance)  (Y-5) 184349\n"
    "January 12, 2011  2 of 18 *42 Authorize a grant agreement with Janus Youth Programs to fund shelter beds  \n"
    "(Ordinance)  (Y-5) 184350  43 Adopt a Waste Reduction Program and authorize an Intergovernmental Agreement "
    "with Metro  (Ordinance)  PASSED TO SECOND READING\n"
)


def test_action_minutes_run_together_on_long_lines():
    # number, title, "(Ordinance)" and disposition of each item run together, columns apart by
    # two spaces; ordinance numbers ("184349") and page headers ("2 of 18") are not items
    m = parse_text(ACTION_MINUTES, "action.txt")
    assert numbers(m) == ["38", "39", "40", "*41", "*42", "43"]
    assert m.items[0].title == "Request of Joe Rastatter to address Council regarding fair wages"
    assert "PLACED ON FILE" in m.items[0].text
    assert "Consent Agenda was adopted" in m.preamble
    keeps_every_word(ACTION_MINUTES)


# --- sub-lists that are not items ---------------------------------------------------------------

PAYMENTS = """<html><body><h2>Minutes of the Community Council</h2>
<ol class="minute-matters">
<li><h4>PLANNING</h4>
<ul class="planning-applications">
<li><dl><dt>E/40480</dt><dd>Agricultural Storage Building</dd><dd><strong>NO OBJECTIONS</strong></dd></dl></li>
<li><dl><dt>E/40554</dt><dd>Alterations and Storey Extension</dd><dd><strong>NO OBJECTIONS</strong></dd></dl></li>
</ul></li>
<li><h4>ACCOUNTS FOR PAYMENT</h4>
<p>The following payments were approved:</p>
<ol class="roman">
<li>C.C.C., footway lighting and maintenance, Chq No 1361 £4,400.64</li>
<li>Information Commissioner's Office, annual data protection fee, Chq No 1362 £40.00</li>
<li>Zurich Municipal, Council Insurance, Chq No 1369 £277.10</li>
</ol></li>
<li><h4>ANY OTHER BUSINESS</h4><p>The Clerk reported on the flyers.</p></li>
</ol></body></html>"""


def test_payment_lists_and_reference_codes_are_not_sub_items(tmp_path):
    m = parse_file(_file(tmp_path, "cc.html", PAYMENTS))
    assert items(m) == [("1", "PLANNING"), ("2", "ACCOUNTS FOR PAYMENT"), ("3", "ANY OTHER BUSINESS")]
    assert "£277.10" in m.items[1].text and "E/40554" in m.items[0].text


HOA = """<html><body>
<h3>HOA Annual Meeting Minutes</h3><h3>Saturday May 7th, 2016</h3>
<p><strong>Opening:</strong> The meeting was opened at 10 am.</p>
<h3>Board Members Present</h3><p>Perry, Bob, Mike.</p>
<h3>Proxies and Summary of Proxies received</h3>
<table><tr><td>Lot</td><td>Votes</td></tr><tr><td>48</td><td>1</td></tr><tr><td>65</td><td>1</td></tr>
<tr><td>87</td><td>1</td></tr></table>
<h3>Chairman's Report</h3><p>The chairman reported on the roads.</p>
<h3>New Business</h3><p>Dues were raised by 3%.</p>
</body></html>"""


def test_table_rows_of_figures_are_not_items(tmp_path):
    # "48 | 1" (a lot and its votes) has no title; the headings are the items, and the date
    # heading over the opening lines is the title block
    m = parse_file(_file(tmp_path, "hoa.html", HOA))
    assert [it.title for it in m.items] == ["Board Members Present", "Proxies and Summary of Proxies received",
                                            "Chairman's Report", "New Business"]


# --- headings typed with a colon ----------------------------------------------------------------

COLON = """Minutes of Meeting of the Joint Policing Committee,
held at 10.00am on Monday, 16 January 2023

Garda Officers:
Chief Superintendent John Dollard, Superintendent Michelle Baker

Apologies:

Ms Joyce Furlong, Bill Collentine.

Introduction:
The Chairman welcomed all the Members, Press and all logged in.

Matters Arising:
None

January 2023:
Monday, 16 January 2023, at 10am.

PPN Report:
Mr Bawle presented the PPN Report to the Members.

Correspondence:
• Webinar Session on the Community Safety Partnership, circulated previously.

Date of next meeting
The next meeting is scheduled for Monday, 17 April 2023 at 10.00am.

AOB: None
"""


def test_headings_ending_in_a_colon_when_nothing_is_numbered():
    # labels over names or dates and attendance labels are not headings; the closing business
    # ("Date of next meeting", "AOB: None") closes the agenda as after numbered headings
    m = parse_text(COLON, "jpc.txt")
    assert [it.title for it in m.items] == ["Introduction", "Matters Arising", "PPN Report", "Correspondence",
                                            "Date of next meeting", "AOB"]
    keeps_every_word(COLON)


def test_a_numbered_list_under_one_colon_heading_does_not_displace_them():
    text = COLON.replace("Mr Bawle presented the PPN Report to the Members.\n",
                         "Mr Bawle presented the PPN Report to the Members:\n1. Grants were paid.\n"
                         "2. Training was held.\n3. A survey was issued.\n")
    m = parse_text(text, "jpc.txt")
    assert [it.title for it in m.items if it.section is None] == [
        "Introduction", "Matters Arising", "PPN Report", "Correspondence", "Date of next meeting", "AOB"]
    assert {it.section for it in m.items if it.section} <= {"PPN Report"}


def test_colon_lines_give_way_to_a_numbered_agenda():
    text = ("MINUTES\n\n1. Call to order\nThe meeting opened.\n\nReleases:\nNone this month.\n\n"
            "2. Reports\nThe reports were received.\n\nProposal:\nTo fund the hackathon.\n\n3. Adjournment\nClosed.\n")
    assert [it.title for it in parse_text(text, "board.txt").items] == ["Call to order", "Reports", "Adjournment"]


# --- number / title layouts ---------------------------------------------------------------------

FINGAL = """Minutes of the Annual Meeting of the County Council

F/302/26
   (Agenda Item No )
Address of Outgoing Mayor

The Mayor thanked the Chief Executive.

F/303/26
   (Agenda Item No 1)
Election of Area Committee Chairpersons

a
Election of Cathaoirleach of Balbriggan Area
Committee

Councillor Smith was elected.

b
Election of Cathaoirleach of Howth Area Committee

Councillor Jones was elected.
"""


def test_a_bracketed_reference_between_number_and_title_and_letters_alone():
    m = parse_text(FINGAL, "annual.txt")
    assert items(m) == [
        ("F/302/26", "Address of Outgoing Mayor"),
        ("F/303/26", "Election of Area Committee Chairpersons"),
        ("a (F/303/26)", "Election of Cathaoirleach of Balbriggan Area"),
        ("b (F/303/26)", "Election of Cathaoirleach of Howth Area Committee"),
    ]
    keeps_every_word(FINGAL)


def test_roman_i_in_brackets_counts_before_ii():
    text = ("Minutes of Meeting of the County Council\n\n1. ECONOMIC DEVELOPMENT\n\nSection 183 was approved.\n\n"
            "2. SOCIAL DEVELOPMENT\n(i)\nSection 183 – Higginstown Granard\nIt was approved.\n\n"
            "(ii)\nSection 183 – Main Street\nIt was approved.\n")
    assert numbers(parse_text(text, "cc.txt")) == ["1", "2", "(i) (2)", "(ii) (2)"]


def test_a_single_motion_is_the_one_item():
    text = ("Minutes of the Special Meeting of the County Council\nheld on 9 September 2025\n\n"
            "1.0 I am calling on the County Council to consider all lawful sanctions it can take against the state "
            "of Atlantis in order to put pressure on them.\n\nCouncillor Lawes introduced the motion. It was carried.\n")
    m = parse_text(text, "special.txt")
    assert numbers(m) == ["1.0"] and m.items[0].title.startswith("I am calling on the County Council")


def test_conclusion_and_closure_close_a_numbered_agenda(tmp_path):
    # "Conclusion" alone, or "Closure." running into its sentence, after the last numbered item
    text = CMS_PAGE
    assert parse_text(text, "agm.txt").items[-1].title == "Conclusion"
    m = parse_file(_file(tmp_path, "pc.md", RUN_IN + "\nClosure. The Chairman thanked everyone for attending.\n"))
    assert m.items[-1].title == "Closure." and "thanked everyone" in m.items[-1].text


def test_run_in_minute_titles_end_where_the_sentence_starts():
    # "Finance The accounts ...": a Title-Case phrase, then a sentence's usual first word
    m = parse_text("Minutes of the Town Council\n\n23/045 Apologies for absence. 23/046 Finance The accounts were "
                   "approved. 23/047 Planning No objections were raised.\n", "tc.txt")
    assert items(m)[1:] == [("23/046", "Finance"), ("23/047", "Planning")]
    assert "accounts were approved" in m.items[1].text


def test_a_closing_title_under_its_number_is_not_read_twice():
    m = parse_text("MINUTES\n\nItem 1.\nWelcome and apologies\nThe chair welcomed all.\n\nItem 2.\n"
                   "Minutes of the previous meeting\nApproved.\n\nItem 3.\nAny other business\nNone.\n", "m.txt")
    assert items(m) == [("1", "Welcome and apologies"), ("2", "Minutes of the previous meeting"),
                        ("3", "Any other business")]


def test_three_part_minute_numbers_but_not_dates():
    m = parse_text("MINUTES\n\n2024/25/123 Apologies\nNone.\n\n3/14/23 Minutes were approved as read.\n\n"
                   "2024/25/124 Minutes\nApproved.\n\n2024/25/125 Finance\nAccounts approved.\n", "x.txt")
    assert items(m) == [("2024/25/123", "Apologies"), ("2024/25/124", "Minutes"), ("2024/25/125", "Finance")]
