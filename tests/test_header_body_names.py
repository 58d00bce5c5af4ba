"""How bodies name themselves, read by general rules rather than one layout (session 6):

- a body's kind abbreviated ("FAPI WG", "CSAF TC", "Node.js TSC") is the body, never the
  organisation; time zones ("14:00 UTC") are never an organisation either;
- a group named for what it does ("Steering Group", "Working Group", "Task Force") or a council
  named for its function ("Executive Council", "Cross Project Council") is a body of the
  organisation named before it, not a local authority;
- initials heading a body's name of several words stand for its owner ("OASIS Common Security
  Advisory Framework (CSAF) TC");
- how a meeting met ("Video/Phone meeting", "Zoom Meeting") is not a kind of meeting;
- a roll-call row ("John Mertic, Linux Foundation", "Council: Carol, JP, Mark") never names the
  organisation, and an agenda line after the opening prose is not a title.

Each case is a small synthetic document read through the real readers and `parse_file`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.header_dates import find_dates
from ingest.header_names import split_title
from ingest.parse import parse_file


def parse(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


@pytest.mark.parametrize("title, org, body", [
    ("FAPI WG Meeting Notes (2019-11-27)", None, "FAPI WG"),
    ("CSAF TC MEETING MINUTES", None, "CSAF TC"),
    ("Node.js TSC Meeting 2018-06-13", None, "Node.js TSC"),
    ("Reactive Foundation TOC", "Reactive Foundation", "TOC"),
    ("OASIS Common Security Advisory Framework (CSAF) TC Meeting #10", "OASIS",
     "OASIS Common Security Advisory Framework (CSAF) TC"),
    ("ICAT Steering Group Meeting #3", "ICAT", "ICAT Steering Group"),
    ("Minutes of the Harbour Trust Advisory Group", "Harbour Trust", "Harbour Trust Advisory Group"),
    ("OpenJS Foundation Cross Project Council Meeting 2020-06-16", "OpenJS Foundation",
     "OpenJS Foundation Cross Project Council"),
])
def test_body_abbreviations_and_owned_bodies(title, org, body):
    parts = split_title(title)
    assert (parts.org, parts.body, parts.body_is_council) == (org, body, False)


@pytest.mark.parametrize("line", ["Date & Time: 2019-11:27 14:00 UTC", "From 2017-09-27 17:04 UTC until 17:33 UTC"])
def test_a_time_zone_is_never_an_organisation(line):
    assert split_title(line).org is None


@pytest.mark.parametrize("line", ["Video/Phone meeting (Bluejeans)", "Zoom Meeting", "Online meeting"])
def test_how_a_meeting_met_is_not_its_kind(line):
    assert split_title(line).mtype is None


def test_a_parish_council_is_still_the_council_itself():
    parts = split_title("Souldern Parish Council")
    assert parts.org == "Souldern Parish Council" and parts.body_is_council


def test_year_month_day_dates_are_read():
    assert [f.iso for f in find_dates("2020-April-09 ESLint TSC Meeting Notes")] == ["2020-04-09"]


def test_working_group_notes_name_the_group_and_invent_no_council(tmp_path):
    m = parse(tmp_path, "wg.rst", """============================================
FAPI WG Meeting Notes (2019-11-27)
============================================
Date & Time: 2019-11-27 14:00 UTC

The meeting was called to order at 14:05 UTC.

Roll Call
===========
* Dave
* Nat

1. Adoption of the agenda
===========================
Adopted.
""")
    assert (m.council, m.committee, m.date) == (None, "FAPI WG", "2019-11-27")


def test_a_roll_call_labelled_council_is_not_the_organisation(tmp_path):
    m = parse(tmp_path, "lc.md", """# 2024-02-16

## Attendance

Council: Carol, JP, Mark, Mara, Eric Holk
Observers: Santiago, Ryan

## Notes

- Announcements
""")
    assert m.council is None


def test_an_affiliation_and_an_agenda_line_name_nothing(tmp_path):
    m = parse(tmp_path, "tsc.md", """Open Mainframe Project

John Mertic, Linux Foundation

Phil Tully, ADP *

Dale Hoffman, IBM *

Mr. Mertic opened the meeting at 1:05pm. Mr. Mertic presented the following agenda for the meeting:

\\- Internship Review

\\- TSC Projects review

Mr. Hoffman asked for a vote on the projects to include today.
""")
    assert m.council is None and m.committee is None


def test_a_function_council_of_an_organisation(tmp_path):
    m = parse(tmp_path, "cpc.md", """# OpenJS Foundation Cross Project Council Meeting 2020-06-16

## Present

* Kris Borchers
* Joe Sepi

## Agenda

* Announcements
""")
    assert m.council == "OpenJS Foundation"
    assert m.committee == "OpenJS Foundation Cross Project Council"
    assert m.date == "2020-06-16"


def test_the_body_after_the_council_in_a_slashed_title(tmp_path):
    m = parse(tmp_path, "pc.md", """ASHFORD TOWN COUNCIL / PLANNING COMMITTEE / MINUTES

Meeting held on Tuesday 4 May 2021

Present: Cllr A Smith, Cllr B Jones

1. Apologies
None.
""")
    assert (m.council, m.committee, m.date) == ("Ashford Town Council", "Planning Committee", "2021-05-04")
    # the council alone in the same layout is still the council itself meeting
    assert split_title("GOVAN COMMUNITY COUNCIL / GENERAL MEETING").body_is_council


def test_a_governing_body_is_a_body():
    assert split_title("Governing Body Meeting").body == "Governing Body"


def test_australian_spelling_and_places_order_a_numeric_date(tmp_path):
    m = parse(tmp_path, "agm.md", """# Annual General Meeting of the Example Computer Music Association 2023

**Date**: 11/10/2023

**Location**: Parramatta, NSW, Australia.

## Present

- Mark Oliveiro

## Apologies

Vicki Hallett

## Minutes

- Acknowledgement of Country
- President moved to accept the minutes of the 2022 AGM. Passed.
""")
    assert m.date == "2023-10-11"
    assert m.council == "Example Computer Music Association"


def test_a_disclaimer_over_the_title_does_not_end_the_title_block():
    from ingest.header import parse_header
    h = parse_header("""Logo
These minutes are a draft and remain subject to approval at the next meeting of the council.
GOVAN COMMUNITY COUNCIL
GENERAL MEETING MONDAY 13 MAY 2024
Present: A Smith, B Jones""".split("\n"), "")
    assert (h.council, h.committee, h.date) == ("Govan Community Council", "General Meeting", "2024-05-13")


def test_a_roll_of_members_with_their_organisations_and_no_heading(tmp_path):
    m = parse(tmp_path, "roll.md", """Open Example Project

John Mertic, Linux Foundation

Phil Tully, ADP *

Dale Hoffman, IBM *

Marcel Mitran, IBM

Mr. Mertic opened the meeting at 1:05pm and presented the agenda for the meeting.

1. Internship review
The members discussed the programme.
""")
    assert m.attendees == ["John Mertic", "Phil Tully", "Dale Hoffman", "Marcel Mitran"]


def test_a_letterhead_roster_above_the_title_is_not_the_roll_call():
    from ingest.header import parse_header
    h = parse_header("""Example Transit District
Julien Bouquet, District G
Bob Broom, District F
Vince Buzek, District J
MINUTES
Finance Committee
Tuesday, October 3, 2023""".split("\n"), "")
    assert h.attendees == []
