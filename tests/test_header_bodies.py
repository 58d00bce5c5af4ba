"""Meeting details from layouts the second development set (`eval/heldout/real2/`) showed:
a plenary named as the kind of meeting, a municipal district meeting as a local authority, and
the organisation named only by a web page's banner logo.

Each case is a small synthetic document read through the real readers and `parse_file`; the
last test runs the same checks on the real documents, skipping when the set is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.header_names import split_title
from ingest.parse import parse_file

REAL2 = Path(__file__).resolve().parents[1] / "eval" / "heldout" / "real2" / "docs"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- a plenary is a kind of meeting ------------------------------------------------------------

@pytest.mark.parametrize("title, kind", [
    ("Plenum 2019-01-16 Agenda/Minutes", "Plenum"),
    ("– Publishing CG plenary –", "Publishing CG plenary"),
    ("Minutes of the Plenary Meeting of the Assembly", "Plenary Meeting"),
])
def test_a_plenary_names_the_kind_of_meeting(title, kind):
    assert split_title(title).mtype == kind


def test_a_plenum_heading_is_the_committee_and_no_organisation_is_invented(tmp_path):
    path = write(tmp_path, "plenum.md", """## Plenum 2019-01-16 Agenda/Minutes

## 20:00 Open

## Credentials

Present: Valentine, Dyana, Bob

## Finances

Update on finances, accounts, and cashflow.
""")
    m = parse_file(path)
    assert (m.committee, m.date, m.council) == ("Plenum", "2019-01-16", None)


# --- a municipal district that met is the local authority --------------------------------------

def test_a_meeting_of_a_municipal_district_is_the_district_s_own(tmp_path):
    path = write(tmp_path, "district.txt", """Minutes of the Special Meeting of the Municipal District of Athenry held on 31 March 2026
MUNICIPAL DISTRICT OF ATHENRY
PRESENT:
Cllr. M. Regan, Cllr. G. Donohue
1. To consider the roads works programme
The programme was adopted.
""")
    m = parse_file(path)
    assert (m.council, m.committee, m.date) == ("Municipal District of Athenry", "Special Meeting", "2026-03-31")


def test_a_committee_of_a_municipal_district_stays_the_committee(tmp_path):
    # no "Meeting of the Municipal District": the district heads the page, its committee met
    path = write(tmp_path, "district-committee.txt", """Municipal District of Edenmore
MINUTES
Main Committee
Date: 11 February 2026
1. Minutes of previous meeting
Adopted.
""")
    m = parse_file(path)
    # (the county council owning the district is not named, so no organisation is invented)
    assert (m.council, m.committee, m.date) == (None, "Main Committee", "2026-02-11")


# --- a page's banner logo names the organisation, weakest of all -------------------------------

_SCRIBE = """<!DOCTYPE html><html><head><title>Widgets CG plenary</title></head><body>
<header>
<p><a href="https://example.org/">{logo}</a></p>
<h1>– Widgets CG plenary –</h1>
<h2>29 January 2026</h2>
</header>
<div id=attendees><h2>Attendees</h2>
<dl><dt>Present</dt><dd>Ann Hale, Bob Roe, Cy Tan</dd><dt>Chair</dt><dd>Gautier</dd></dl></div>
<main><h2>Meeting minutes</h2>
<section><h3>Widget formats</h3><p><cite>Gautier:</cite> we want input from the industry.</p></section>
</main></body></html>"""


def test_the_banner_logo_names_the_organisation_when_the_minutes_do_not(tmp_path):
    path = write(tmp_path, "scribe.html", _SCRIBE.format(logo='<img src="logo.svg" alt="Example Org logo">'))
    m = parse_file(path)
    assert (m.council, m.committee, m.date, m.chair) == ("Example Org", "Widgets CG plenary", "2026-01-29", "Gautier")
    assert m.details_source["council"] == "page banner logo: Example Org"
    assert any("banner logo" in w for w in m.warnings)  # the user is told where it came from


def test_an_image_that_names_nobody_or_stands_outside_the_banner_is_not_an_organisation(tmp_path):
    for logo in ('<img src="h.png" alt="home">', '<img src="l.png" alt="logo">', '<img src="x.png" alt="">'):
        m = parse_file(write(tmp_path, "scribe.html", _SCRIBE.format(logo=logo)))
        assert m.council is None, logo
    outside = _SCRIBE.format(logo="").replace("<main>", '<main><a href="/"><img src="p.png" alt="Partner Trust"></a>')
    assert parse_file(write(tmp_path, "scribe.html", outside)).council is None


def test_a_council_the_minutes_name_beats_the_banner_logo(tmp_path):
    page = _SCRIBE.format(logo='<img src="logo.png" alt="Hosting Service">').replace(
        "<h1>– Widgets CG plenary –</h1>", "<h1>Minutes of the Planning Committee of Northvale Borough Council</h1>")
    m = parse_file(write(tmp_path, "council.html", page))
    assert (m.council, m.committee) == ("Northvale Borough Council", "Planning Committee")


# --- the real documents these layouts come from ------------------------------------------------

@pytest.mark.skipif(not REAL2.exists(), reason="second development set not present")
@pytest.mark.parametrize("doc, council, committee", [
    ("w3c-publishing-cg_2026-01-29.html", "W3C", "Publishing CG plenary"),
    ("hackerspacesg-plenum_2019-01-16.md", None, "Plenum"),
    ("loughrea-municipal-district_2026-03-31.txt", "Municipal District of Loughrea", "Special Meeting"),
])
def test_real2_bodies(doc, council, committee):
    m = parse_file(REAL2 / doc)
    assert (m.council, m.committee) == (council, committee)


# --- a body named only in the minutes' opening sentence ----------------------------------------

_OPENING_REST = ("\nPresent: Ann Hale, Bob Roe\n1. Approval of the agenda\nThe agenda was approved.\n"
                 "2. Budget\nChair Smith called the meeting of the Parks Board to order in 2019, the report said.\n")


@pytest.mark.parametrize("opening, council, committee", [
    ("Chair Smith called the regular meeting of the Planning Commission to order at 7:00 p.m. on May 3, 2023.",
     None, "Planning Commission"),
    ("A meeting of the Finance Committee took place on 3 May 2023 at the Town Hall.", None, "Finance Committee"),
    ("Mayor Jones called the meeting of the Eastvale City Council to order at 6:00 p.m. on May 3, 2023.",
     "Eastvale City Council", None),  # the council itself met: no committee is invented
])
def test_a_body_named_only_in_the_opening_sentence(tmp_path, opening, council, committee):
    m = parse_file(write(tmp_path, "opening.txt", opening + _OPENING_REST))
    assert (m.council, m.committee, m.date) == (council, committee, "2023-05-03")


def test_a_meeting_called_to_order_further_down_is_a_passing_mention(tmp_path):
    # the same sentence inside an item names another body's meeting, not this one's
    m = parse_file(write(tmp_path, "mention.txt", "Notes taken on May 3, 2023." + _OPENING_REST))
    assert m.committee is None and m.date == "2023-05-03"


# --- details stated in a section of their own, and roll calls past a masthead ------------------

def test_the_date_in_a_date_time_and_location_section_is_the_meeting_s(tmp_path):
    path = write(tmp_path, "sections.md", """# Minutes of the 4th meeting of the Example Center, Q1 2017

## Summary

The agenda was distributed to attendees. The previous meeting was held on 1 December 2016.

## Date, Time and Location

The meeting took place virtually at 6:00pm on Tuesday, February 28, 2017.

## Attendees

- Ann Hale
- Bob Roe
""")
    m = parse_file(path)
    assert (m.date, m.time) == ("2017-02-28", "6:00pm")
    assert "Date, Time and Location" in m.details_source["date"]


def test_a_year_less_title_date_is_not_completed_from_a_details_section(tmp_path):
    path = write(tmp_path, "partial.txt", """Minutes of the meeting of the Travel Committee held on 22nd April at 2:15 p.m.
Date and Venue
The last meeting was held on 17 February 2025 in the Council Chamber.
1. Apologies
None.
""")
    assert parse_file(path).date is None


def test_a_roll_call_below_masthead_items_is_read_and_presented_by_is_no_roll_call(tmp_path):
    path = write(tmp_path, "masthead.txt", """Minutes of the Regular Meeting of the Town Council
March 5, 2024
CLOSED SESSION MEETING
4:00 P.M.
TOWN HALL CHAMBER
22 Civic Center Plaza
CALL TO ORDER
Mayor Amezcua called the meeting to order at 4:08 P.M. and welcomed everyone present tonight.
ATTENDANCE Council Members Phil Bacerra
Jessie Lopez
Mayor Pro Tem Thai Viet Phan
--- PAGE 2 ---
PRESENTATIONS
Presented by Doug MacLeod, Chief Financial Officer, and Robert McNown of the business school.
""")
    m = parse_file(path)
    assert m.attendees == ["Phil Bacerra", "Jessie Lopez", "Thai Viet Phan"]


def test_a_roll_call_wrapped_into_prose_and_people_recorded_as_joining(tmp_path):
    path = write(tmp_path, "narrated.txt", """Eastvale City Council Meeting Minutes
December 10, 2018
CALL TO ORDER AND ROLL CALL
The meeting was called to order at the Elementary School at 7:01 p.m.
Present: Mayor Heather Kibbey, Council President Arne Nyberg, and Councilors Carolyn Bahrman,
Brenda Ruble, and Bill Tuttle were present. City Attorney Bill Kabeiseman was also present.
Ann Other joined the meeting at 7:20 p.m. Kurt Kaiser also attended the meeting.
1. Budget
The budget was adopted.
""")
    m = parse_file(path)
    assert {"Heather Kibbey", "Arne Nyberg", "Carolyn Bahrman", "Brenda Ruble", "Bill Tuttle", "Bill Kabeiseman",
            "Ann Other", "Kurt Kaiser"} == set(m.attendees)


def test_initials_the_roll_call_uses_name_the_organisation_the_text_spells_out(tmp_path):
    path = write(tmp_path, "club.md", """title: Minutes of the Special Meeting on August 3rd, 2024

The meeting was held at the diner in Stittsville.

The following people were present:

| Name | Position | ECARC | RAC |
|---|---|---|---|
| Ann Hale | Secretary | Yes | Yes |
| Bob Roe | President | Yes | No |

## Opening

The meeting was opened by the President at 8:12 am.

## Bylaws

The document is titled "Draft Bylaws of East Carleton Amateur Radio Club - Last updated July 15, 2024."
""")
    m = parse_file(path)
    assert (m.council, m.committee, m.date) == ("East Carleton Amateur Radio Club", "Special Meeting", "2024-08-03")
    assert "in the header" in m.details_source["council"]


def test_initials_used_only_in_the_body_once_name_no_organisation(tmp_path):
    path = write(tmp_path, "club.md", """title: Minutes of the Special Meeting on August 3rd, 2024

Present: Ann Hale, Bob Roe

## 1. Opening

The meeting was opened by the President at 8:12 am.

## 2. Bylaws

The ECARC draft is titled "Draft Bylaws of East Carleton Amateur Radio Club".

## 3. Adjournment

The meeting closed at 9:40 am.
""")
    assert parse_file(path).council is None


def test_lower_case_chat_handles_in_a_long_roll_call_are_people_and_prose_words_are_not():
    from ingest.header_people import split_names

    assert split_names("CharlesL, Hadrien, ivan, sueneu, Wolfgang Dale, Pedro, Vladimir, Christian") == [
        "CharlesL", "Hadrien", "ivan", "sueneu", "Wolfgang Dale", "Pedro", "Vladimir", "Christian"]
    # a short list, or one word of a sentence, is no handle
    assert split_names("Ann Hale, Bob Roe, staff") == ["Ann Hale", "Bob Roe"]
    assert split_names("Smith, Jones, Brown, Green, White, Black, and others") == [
        "Smith", "Jones", "Brown", "Green", "White", "Black"]
    assert "were" not in split_names("were Trustee Elton, Trustee Piacentini, Trustee Albrecht, and Supervisor Liccar. "
                                     "Clerk Buiter was also present.")
