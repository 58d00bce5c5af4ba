"""Meeting details in layouts seen on minutes from bodies outside the development corpus:
CMS front matter, an opening sentence instead of a title, a parent body's block above the
title, metadata dates and a kind of meeting as the only heading, a site's chrome around an
HTML page, and an organisation the minutes call by its shorthand.

Each case is a small synthetic document in that layout, read through the real readers and
`parse_file`; the last tests run the same checks on the second development set
(`eval/heldout/real/`), skipping when it is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.header import parse_header
from ingest.header_names import split_title
from ingest.parse import parse_file
from ingest.readers import format_name, read_blocks, read_document

REAL = Path(__file__).resolve().parents[1] / "eval" / "heldout" / "real"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def header(text: str):
    lines = text.strip("\n").split("\n")
    return parse_header(lines, "\n".join(lines))


# --- H1: CMS front matter ------------------------------------------------------------------

def test_yaml_title_date_beats_the_publication_date(tmp_path):
    # a WordPress export: the meeting is in the title, the front matter's date is when it was posted
    path = write(tmp_path, "posted.md", """---
title: "ELMTREE PARISH COUNCIL  Draft Minutes of the Ordinary Meeting held on   Wednesday 5th June 2019 at 7.00pm in Elmtree Village Hall"
date: "2019-08-26"
categories:
  - "parish-councils"
---

Present: Cllr Ann Ash (Chair), Cllr Bob Birch

101/19 Apologies for Absence. None were received.

102/19 Minutes of the meeting held on 15th May 2019 were approved.
""")
    m = parse_file(path)
    assert (m.council, m.date, m.time) == ("Elmtree Parish Council", "2019-06-05", "7.00pm")
    assert m.committee == "Ordinary Meeting"  # a kind of meeting, like "Special Meeting"
    assert m.details_source["date"].startswith("front matter title:")


def test_yaml_date_alone_is_still_read_when_nothing_else_dates_the_meeting(tmp_path):
    path = write(tmp_path, "notes.md", "---\ndate: 2025-01-06\n---\n\n## Agenda\n\n1. Introductions\n2. Votes\n")
    assert parse_file(path).date == "2025-01-06"


def test_toml_front_matter_is_read_as_the_page_title(tmp_path):
    path = write(tmp_path, "board.md", """+++
title = "Board meeting: 2024-02-03"
date = 2024-02-03
authors = ["A. Writer"]
+++

## Attendees

- Rob Swain
- James Liu

## Adopt Bylaws

Proposed by: Rob

Unanimously approved.
""")
    blocks = read_blocks(path)
    assert [(b.text, b.source) for b in blocks[:2]] == [("title: Board meeting: 2024-02-03", "front-matter"),
                                                        ("date: 2024-02-03", "front-matter")]
    assert "+++" not in read_document(path)
    m = parse_file(path)
    assert (m.committee, m.date) == ("Board", "2024-02-03")


def test_publication_timestamps_are_not_meeting_dates_but_midnight_dates_are():
    assert header("date: 2023-11-15T17:56:45Z\n\nAGENDA").date is None
    h = header("Date: 2016-04-10T00:00:00\n\n# MEETING FOR WORSHIP FOR BUSINESS\n\nMinutes")
    assert h.date == "2016-04-10"


# --- H4: a kind of meeting as the only heading; ISO datetime label ---------------------------

def test_bare_kind_of_meeting_heading_is_the_body(tmp_path):
    path = write(tmp_path, "worship.md", """Date: 2016-04-10T00:00:00

# MEETING FOR WORSHIP FOR BUSINESS

10th Day of Fourth Month

Minutes

Present were: Ann Grant, Ellen Cooney, John Robey.

1. The Meeting opened with silence.

2. Minutes for the third month were approved.
""")
    m = parse_file(path)
    assert (m.committee, m.date, m.council) == ("Meeting for Worship for Business", "2016-04-10", None)
    assert split_title("Meeting of the City Council").body == "City Council"  # a body, not a kind


# --- H2: the body named in an opening sentence --------------------------------------------------

@pytest.mark.parametrize("sentence, council, committee", [
    ('A regular meeting of the Python Software Foundation (the "PSF") Board of Directors was held over '
     'Internet Relay Chat at 17:00 GMT.', "Python Software Foundation", "Python Software Foundation Board of Directors"),
    ("The regular meeting of the Board of Directors of the Acme Widgets Association was held on March 3, 2021.",
     "Acme Widgets Association", "Board of Directors"),
    ("A special meeting of the Planning Commission was called to order at 7 pm on May 5, 2020.", None,
     "Planning Commission"),
])
def test_body_named_only_in_the_opening_sentence(sentence, council, committee):
    h = header(f"June 14, 2005\n{sentence}")
    assert (h.council, h.committee) == (council, committee)


@pytest.mark.parametrize("sentence, council, committee", [
    ("The Board of Directors of the Harbour Trust met on 3 May 2021 at the harbour office.", "Harbour Trust",
     "Board of Directors"),
    ("The Planning Committee met remotely on May 5, 2020.", None, "Planning Committee"),
    ("The Parish Council met on 3 May 2021.", None, None),  # the council itself: no committee
    ("Councillors met on 3 May 2021 to discuss parking.", None, None),
])
def test_body_that_met_as_the_subject_of_the_opening_sentence(sentence, council, committee):
    h = header(sentence)
    assert (h.council, h.committee, h.date is not None) == (council, committee, True)


def test_a_sentence_about_another_meeting_names_nothing():
    h = header("The previous meeting of the Finance Committee was held on 3 May 2020.")
    assert (h.council, h.committee, h.date) == (None, None, None)


# --- H3: a parent body's block above the title ------------------------------------------------

def test_sub_body_under_its_parents_letterhead(tmp_path):
    path = write(tmp_path, "tac.md", """Draft Meeting Minutes: September 21, 2017

<div class="headered">
Elections Commission<br>
City and County of San Francisco<br>
Don Chan, Secretary<br>
</div>

<div class="headered">
MEETING MINUTES (DRAFT)<br>
Open Source Voting System Technical Advisory Committee<br>
of the San Francisco Elections Commission<br>
Thursday, September 21, 2017<br>
</div>

**1\\. Call to Order & Roll Call**

Chair Smith called the meeting to order at 6:02 p.m.

**2\\. General Public Comment**

None.
""")
    m = parse_file(path)
    assert m.committee == "Open Source Voting System Technical Advisory Committee"
    assert (m.council, m.date) == ("City and County of San Francisco", "2017-09-21")


@pytest.mark.parametrize("title, body", [
    ("Executive Committee of the Board of Directors", "Executive Committee"),
    ("Board of Directors", "Board of Directors"),  # one body's name: not split
    ("Committee of the Whole", "Committee of the Whole"),
])
def test_named_sub_body_is_the_one_that_met(title, body):
    assert split_title(title).body == body


# --- I8: HTML site chrome -------------------------------------------------------------------------

CHROME = """<html><head><title>Site</title></head><body>
<div class="navbar"><ul class="nav">
  <li><a href="/">Home</a></li><li><a href="/about">About</a></li><li><a href="/news">News</a></li>
  <li><a href="/learn">Learn</a></li><li><a href="/jobs">Jobs</a></li></ul></div>
<div class="row"><div class="span8">
<p>June 14, 2005</p>
<p>A regular meeting of the Harbour Users Association Board of Directors was held at the harbour office at 17:00.</p>
<h1>1. Attendance</h1><p>The following directors were present: Ann Ash, Bob Birch.</p>
<h1>2. Budget</h1><p>The budget was approved 5-0-1.</p>
</div>
<div class="span4"><h3>Using boats for</h3><ul><li><a href="/a">Fishing</a></li><li><a href="/b">Sailing</a></li>
<li><a href="/c">Rowing</a></li><li><a href="/d">More</a></li></ul></div></div>
<footer class="footer"><p>Copyright 2012, Harbour Users Association</p></footer>
</body></html>"""


def test_html_chrome_is_neither_items_nor_header(tmp_path):
    path = write(tmp_path, "page.html", CHROME)
    text = read_document(path)
    for chrome in ("Home", "Jobs", "Using boats for", "Fishing", "Copyright"):
        assert chrome not in text
    m = parse_file(path)
    assert [(it.number, it.title) for it in m.items] == [("1", "Attendance"), ("2", "Budget")]
    assert (m.council, m.date) == ("Harbour Users Association", "2005-06-14")
    assert m.committee and "Board of Directors" in m.committee


def test_html_main_element_is_the_content(tmp_path):
    page = ("<html><body><header class='navbar'><a href='/'>Home</a></header>"
            "<aside><p>Sidebar words that are not minutes at all.</p></aside>"
            "<main><h1>Minutes of the Parks Committee, 5 March 2024</h1><p>Present: Cllrs Ash and Birch.</p>"
            "<h2>1. Apologies</h2><p>None were received from anyone today.</p></main>"
            "<div class='cookie'>We use cookies to make this site work better for you.</div></body></html>")
    text = read_document(write(tmp_path, "main.html", page))
    assert "Minutes of the Parks Committee" in text and "cookies" not in text and "Sidebar" not in text


def test_html_furniture_named_by_id_or_class_is_dropped(tmp_path):
    page = ("<html><head><title>Minutes – Finance Committee – 3 February 2024 – Anytown Town Council</title></head>"
            "<body><div id='menu'><a href='/'>Home</a> <a href='/m'>Meetings</a></div>"
            "<div id='page'><h1>Finance Committee</h1>"
            "<p>Minutes of the meeting held on Monday 3 February 2024 at 7pm in the Town Hall.</p>"
            "<h2>1. Apologies</h2><p>None.</p><h2>2. Budget</h2><p>Agreed.</p></div>"
            "<div class='site-footer'>© Anytown Town Council | <a href='/p'>Privacy</a> | <a href='/c'>Cookies</a></div>"
            "</body></html>")
    path = write(tmp_path, "named.html", page)
    text = read_document(path)
    assert "Privacy" not in text and "Home" not in text and "Agreed." in text
    m = parse_file(path)
    assert (m.council, m.committee, m.date) == ("Anytown Town Council", "Finance Committee", "2024-02-03")
    assert [(it.number, it.title) for it in m.items] == [("1", "Apologies"), ("2", "Budget")]


def test_minutes_colon_title():
    assert split_title("Minutes: Technical Steering Committee, 3 February 2024").body == "Technical Steering Committee"


def test_html_link_lists_inside_content_pages_without_chrome_are_kept(tmp_path):
    # a bare fragment (no site around it): a short list of links is part of the minutes
    page = ("<h1>Minutes of the Parks Committee, 5 March 2024</h1><p>Papers:</p>"
            "<ul><li><a href='a.pdf'>Budget report</a> (item 2)</li><li><a href='b.pdf'>Play areas</a> (item 3)</li></ul>")
    assert "Budget report" in read_document(write(tmp_path, "frag.html", page))


def test_html_page_title_and_server_side_include_title(tmp_path):
    page = ('<!--#set var="title" value="HRCF Meeting Minutes - 28/07/2020" -->\n'
            '<!--#include virtual="../inc/header.html" -->\n'
            "<p>Minutes of the meeting held on Tuesday the 28 of July 2020 to settle the question.</p>"
            "<h2>Meeting details</h2><ul><li>Date: 28/07/2020</li><li>Venue: online</li></ul>"
            "<h2>Items</h2><p>1. The role was clarified.</p>")
    m = parse_file(write(tmp_path, "ssi.html", page))
    assert (m.council, m.date) == ("HRCF", "2020-07-28")
    assert m.details_source["council"].startswith("front matter title:")
    assert split_title("REGULAR MEETING MINUTES").org is None  # a capitalised word is not an acronym


# --- the organisation the minutes call by its shorthand -------------------------------------------

def test_organisation_named_by_its_initials_or_as_the_foundation():
    body = ("## Report\n\nAnn Ash presented the state of the Riverside Rowing Association.\n"
            "The RRA has no bank account. The RRA trustees met twice. The RRA will hold its regatta in May.\n")
    h = parse_header(["## General Meeting 17:00 15-Sep-2018"], "## General Meeting 17:00 15-Sep-2018\n" + body)
    assert (h.council, h.committee) == ("Riverside Rowing Association", "General Meeting")
    assert any("not in the header" in n for n in h.notes)
    body2 = ("The Harbour Foundation should accept the gift. The Foundation will open an account. "
             "Cart will act for the Foundation. The Foundation thanks its members.\n")
    assert parse_header(["Board meeting: 2024-02-03"], "Board meeting: 2024-02-03\n" + body2).council == "The Harbour Foundation"


def test_organisations_mentioned_in_passing_are_not_taken():
    body = ("The Film Company asked to film in the village. The Film Company will pay a fee. "
            "The Film Company was thanked.\n")
    assert parse_header(["Minutes of a meeting held on 26 October 2020"], body).council is None


def test_a_body_acting_in_the_text_is_offered_not_taken():
    body = "The committee recognizes the problem. The committee notes the change. The committee will vote.\n"
    h = parse_header(["Minutes of the meeting held on Thursday 28 July 2020"], body)
    assert h.committee is None
    assert any("'the Committee'" in n for n in h.notes)


# --- one name per format ---------------------------------------------------------------------------

@pytest.mark.parametrize("label, name", [("md", "markdown"), (".markdown", "markdown"), ("txt", "text"),
                                         ("htm", "html"), ("PDF", "pdf"), ("rst", "rst"), (None, "unknown")])
def test_format_names(label, name):
    assert format_name(label) == name


# --- the second development set ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_scores():
    if not (REAL / "structure.json").exists():
        pytest.skip("eval/heldout/real is absent")
    from eval.header_eval import evaluate

    return evaluate(REAL, "parse_file")


def test_second_development_set_details(real_scores):
    from eval.header_eval import summarise

    assert [(s.doc, s.invented) for s in real_scores if s.invented] == []
    overall = summarise(real_scores)["all"]
    assert overall["date"] >= 0.95 and overall["committee"] >= 0.8 and overall["council"] >= 0.8


def test_second_development_set_html_chrome_gone():
    page = REAL / "docs" / "psf-board_2005-06-14.html"
    if not page.exists():
        pytest.skip("eval/heldout/real is absent")
    m = parse_file(page)
    titles = [it.title for it in m.items]
    assert "Using python for" not in titles and "python.org" not in titles
    assert not any("Copyright" in it.text for it in m.items)
    gold = json.loads((REAL / "structure.json").read_text(encoding="utf-8"))[page.name]
    assert m.date == gold["date"]


# --- attendance in narrated and wrapped forms --------------------------------------------------------

def test_narrated_roll_call_wrapped_over_lines(tmp_path):
    path = write(tmp_path, "board.rst", """Minutes of Regular Meeting of the Board of Directors
====================================================

March 8, 2005

1. Attendance
#############

The following members of the Board of Directors were present at the
meeting: Martin v. Lowis, Stephan Deibel, Steve Holden, and Tim Peters.
David Ascher joined the meeting at 18:20.

2. Budget
#########

The budget was approved.
""")
    m = parse_file(path)
    assert m.attendees[:4] == ["Martin v. Lowis", "Stephan Deibel", "Steve Holden", "Tim Peters"]


def test_apologies_accepted_for_and_received_from_in_one_item():
    from ingest.header_people import apologies_from_items

    text = ("Apologies were accepted for Cllr Sue Ash, Cllr Don Birch and Cllr Mandy Cedar (all personal reasons)\n"
            "Apologies were also received from Cllr Martin Dale, Norfolk County Council.")
    names = apologies_from_items([text])
    assert [n.split(" (")[0] for n in names] == ["Sue Ash", "Don Birch", "Mandy Cedar", "Martin Dale"]
    assert apologies_from_items(["Apologies for absence received from Cllr. Mack, Councillor Cann and Ann Storey."]) == [
        "Mack", "Cann", "Ann Storey"]


def test_a_role_in_brackets_stays_with_its_name():
    from ingest.header_people import split_names

    assert split_names("Cllr Gail Reeve, Helen Ray (Parish Clerk and Financial Officer)") == [
        "Gail Reeve", "Helen Ray (Parish Clerk and Financial Officer)"]


# --- round 2: dates without a year, bare date headings, attendance labels ------------------------

def test_a_meeting_date_without_a_year_is_not_completed_from_another_date(tmp_path):
    # the title dates the meeting without a year; item 1 adopts the previous meeting's minutes,
    # whose full date must not become this meeting's
    path = write(tmp_path, "spc.txt", """Minutes of the Meeting of Westshire County Council's Roads Strategic Policy
Committee held on 22nd April at 2:15 p.m. in the Council Chamber, Riverside.

Members Present: Cllr Ann Ash, Cllr Bob Birch

Item 1: Minutes:
The Minutes of the Meeting of the Roads Strategic Policy Committee held on
the 17th of February 2025 were proposed by Cllr Ann Ash and adopted.

Item 2: Speed limits
The report was noted.
""")
    m = parse_file(path)
    assert m.date is None
    assert any("without a year" in w for w in m.warnings)
    assert m.time == "2:15 p.m."


def test_a_year_the_same_header_states_completes_the_date():
    h = header("""Minutes of the Meeting of the Roads Committee held on 22nd April at 2:15 p.m.
Date: 22/04/2025
Present: Cllr Ann Ash""")
    assert h.date == "2025-04-22"
    # a full date with another day or month in the header dates something else
    h = header("""Minutes of the Meeting of the Roads Committee held on Tuesday, April 22 at 7 p.m.
Present: Cllr Ann Ash, Cllr Bob Birch
The minutes of March 18, 2025 were approved as circulated.""")
    assert h.date is None


def test_a_bare_date_heading_under_the_title_outside_main_is_the_meeting_date(tmp_path):
    # a scribe tool's page: title, date and attendance in the page's <header>, the discussion in <main>
    path = write(tmp_path, "plenary.html", """<!DOCTYPE html><html><head><title>Widgets CG plenary:</title></head>
<body><header><h1>Widgets CG plenary</h1><h2>29 January 2026</h2>
<nav><a href="/irc">IRC log</a></nav></header>
<div id=prelims><h2>Attendees</h2><dl><dt>Present</dt>
<dd>Alice Ames, Bob Bell, Carol Cole, Dan Dorn, Erin Eyre, Fay Ford, Gus Gale, Hal Hart, Ivy Ing, Jon Jay, Kim Kerr, Lee Lowe</dd>
<dt>Regrets</dt><dd>-</dd><dt>Chair</dt><dd>Alice Ames</dd><dt>Scribe</dt><dd>Bob Bell</dd></dl></div>
<main><h2>Meeting minutes</h2><section><h3>Widget format</h3>
<p>Alice: we want input from the industry on the widget format and how it is used today in many products.</p>
<p>Bob: the draft defines how a collection of widgets is treated as one coherent thing with its own identity.</p>
<p>Carol: implementers asked for a test suite before the next draft, and for clearer examples of reading order.</p>
<p>Dan: the group will collect use cases over the coming month and report back at the next plenary call.</p>
</section></main></body></html>""")
    m = parse_file(path)
    assert m.date == "2026-01-29"
    assert m.attendees[:12] == ["Alice Ames", "Bob Bell", "Carol Cole", "Dan Dorn", "Erin Eyre", "Fay Ford", "Gus Gale",
                                "Hal Hart", "Ivy Ing", "Jon Jay", "Kim Kerr", "Lee Lowe"]
    assert m.chair == "Alice Ames" and m.apologies == []


@pytest.mark.parametrize("label", ["Members’ Present:", "Members' Present:", "District Attendees",
                                   "Board members and officers present:"])
def test_attendance_labels_naming_a_group(label):
    h = header(f"""Minutes of the Meeting of the Harbour Board held on 5 May 2024
{label}
Ann Ash - Board President
Bob Birch - Board Member
Carl Cobb - General Manager

Other Attendees
Dee Dale - Visitor""")
    assert h.attendees == ["Ann Ash", "Bob Birch", "Carl Cobb"]


def test_a_status_row_is_not_an_attendance_label():
    h = header("""PLANNING COMMISSION
Minutes of the Regular Meeting held on 27 January 2020
Attendee Name Title Status
Andrei Garcia Commissioner Present
Robert Allen Fisk Commissioner Present
Uriel Hernandez Commissioner Absent""")
    assert h.attendees == ["Andrei Garcia", "Robert Allen Fisk"] and h.absent == ["Uriel Hernandez"]


def test_one_name_and_affiliation_a_line():
    h = header("""Minutes of the Advisory Board meeting held on 28 February 2017
Board members and officers present:
- James Belsey, Morgan Stanley
- Stu Hood, Twitter
- Lars Hupel, community/Typelevel
- Dag Liodden, Tapad""")
    assert h.attendees == ["James Belsey", "Stu Hood", "Lars Hupel", "Dag Liodden"]


def test_apologies_of_absence_provided_for_including_a_sentence_begun_in_the_title():
    from ingest.header_people import apologies_from_items

    assert apologies_from_items(["Apologies of absence were provided for Cllr A Muir, Cllr S Leet and Cllr C Sharp. "
                                 "These were accepted by all."]) == ["A Muir", "S Leet", "C Sharp"]
    # the item's heading took "Apologies of absence"; its text goes on "were provided for ..."
    assert apologies_from_items(["were provided for Cllr A Muir, Cllr S Leet and Cllr C Sharp These were accepted by all."
                                 ]) == ["A Muir", "S Leet", "C Sharp"]


def test_possessive_owner_is_the_council_and_the_owned_body_the_committee():
    h = header("""Minutes of the Meeting of Westshire County Council’s Roads and Transport
Strategic Policy Committee held on 3 May 2024 at 2 p.m. in the Council Chamber.
Present: Cllr Ann Ash""")
    assert (h.council, h.committee, h.date) == ("Westshire County Council", "Roads and Transport Strategic Policy Committee",
                                               "2024-05-03")


def test_members_in_a_markdown_table_and_a_table_row_is_not_a_title(tmp_path):
    path = write(tmp_path, "club.md", """---
title: Minutes of the Special Meeting on August 3rd, 2024
---
The meeting was held at the Lakeside Diner.
The following people were present:

| Name          | Call Sign | Position  | Member |
| ------------- | --------- | --------- | ------ |
| Ann Ash       | VE2AAA    | Secretary | Yes    |
| Bob Birch     | VA3BBB    | President | Yes    |
| Carl Cobb     | VE3CCC    | Member    | Yes    |

### Opening

- The meeting was opened by the President at 8:12 am.
""")
    m = parse_file(path)
    assert m.attendees == ["Ann Ash", "Bob Birch", "Carl Cobb"]
    assert m.council != "VE2AAA" and m.date == "2024-08-03"


def test_a_bare_name_heading_above_the_body_is_its_organisation(tmp_path):
    path = write(tmp_path, "society.md", """# Pens and Pixels
## Management committee meeting
## Minutes

* Date: 13/12/2018
* Attendees: Dan Ames, Sue Ross

## 1. Previous minutes

The previous minutes were correct.
""")
    m = parse_file(path)
    assert (m.council, m.committee, m.date) == ("Pens and Pixels", "Management committee", "2018-12-13")


def test_the_minutes_own_title_line_beats_the_page_title_even_with_date_time_and_venue(tmp_path):
    # the front-matter title shortens the body's name; the minutes' own line, long only because
    # it carries the date, time and venue, names it in full
    path = write(tmp_path, "extra.md", """---
title: "Elmford Parish Council, Extraordinary Meeting July 2017"
date: "2017-09-05"
---

Elmford and Ashby Parish Council – Extraordinary Meeting Wednesday 19th July 2017, 7.30pm Elmford Village Hall

PRESENT: Cllr R. Crisp (Chairman), Cllr C. Anderson

1\\. APOLOGIES FOR ABSENCE Apologies of absence were provided for Cllr A Muir and Cllr S Leet These were accepted by all.

2\\. PLANNING The application was supported.
""")
    m = parse_file(path)
    assert (m.council, m.committee, m.date) == ("Elmford and Ashby Parish Council", "Extraordinary Meeting", "2017-07-19")
    assert m.apologies == ["A Muir", "S Leet"]


def test_an_acronym_after_the_organisation_names_its_body():
    h = header("""# Meeting Minutes - Reactive Widgets Foundation TOC

Date: November 12th 2020
## Attendance
- Ann Ash""")
    assert (h.council, h.committee, h.date) == ("Reactive Widgets Foundation", "TOC", "2020-11-12")


def test_minutes_of_the_nth_meeting_of_a_named_organisation():
    h = header("""# Minutes of the 4th meeting of the Widget Center, Q1 2017

The meeting took place on Tuesday, February 28, 2017.""")
    assert h.council == "Widget Center" and h.committee is None  # "Q1" is a quarter, not a body
    # a kind of meeting "of" a one-word group names no organisation
    assert header("Minutes of the meeting of the Members\nDate: 3 May 2024").council is None


def test_irish_attendance_labels_and_how_members_attended():
    h = header("""Minutes of Special Meeting of the Municipal District of Ardmore
held in the Council Chamber, County Hall on 31st March 2026
I LATHAIR:
Leas- Chathaoirleach:
Cllr. M. Regan
Baill:
Cllrs. G. Donohue (online), L. Harney, G.
Finnerty (online), D. Kelly
Oifigigh:
Mr. U. Finn Director of Services
AS LATHAIR:
Cllr. P. Killilea""")
    assert h.chair == "M. Regan"
    assert h.attendees == ["M. Regan", "G. Donohue (online)", "L. Harney", "G. Finnerty (online)", "D. Kelly"]
    assert h.absent == ["P. Killilea"]


def test_a_district_name_of_four_words_keeps_its_first_word():
    from ingest.header_names import find_org

    assert find_org("San Marco Unified School District Board of Education") == "San Marco Unified School District"
    assert find_org("Fair Elms Water District") == "Fair Elms Water District"
