"""The five real sample documents: every item with the right number and title."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from ingest.parse import MeetingOverrides, parse_file

EXPECTED = {
    "staffordshire-safeguarding-oss-2023-09-14.txt": [
        ("12", "Declarations of Interest"),
        ("13", "Minutes of the meeting held on 27 July 2023"),
        ("14", "Impact of Cabinet Investment in Children's Services"),
        ("15", "Children in Care Programme Update"),
        ("16", "Work Programme"),
    ],
    "staffordshire-safeguarding-oss-2024-01-04.txt": [
        ("26", "Declarations of Interest"),
        ("27", "Minutes of the meeting held on 23 November 2023"),
        ("28", "Homes for Children in Our Care"),
        ("29", "Family Help Model"),
        ("30", "Staffordshire Safeguarding Children's Board (SSCB) Annual Report 2022-2023"),
        ("31", "Staffordshire and Stoke-on-Trent Adult Safeguarding Partnership Board (SSASPB) Annual Report 2022/2023"),
        ("32", "Work Programme"),
    ],
    "middlesbrough-cyp-social-care-panel-2022-03-21.txt": [
        ("21/47", "Declarations of Interest"),
        ("21/48", "Minutes of the Previous Meeting of the Children & Young People's Social Care & Services Scrutiny Panel held on 21 February 2022"),
        ("21/49", "Developing a Council-wide approach to Children's Services - Guest Speaker"),
        ("21/50", "Update - Children's Services Improvement Programme"),
        ("21/51", "Overview and Scrutiny Board Update"),
        ("21/52", "Date and Time of Next Meeting - Tuesday, 26 April 2022 at 4.00pm"),
    ],
    "staffordshire-safe-strong-communities-2021-03-01.txt": [
        ("1", "Declarations of Interest"),
        ("2", "Minutes of the meeting held on 6 January 2021"),
        ("3", "Children & Families Transformation Phase 2 Update & Learning from the Serious Case Review"),
        ("4", "Work Programme"),
    ],
    "worcestershire-children-families-panel-2023-07.txt": [
        ("590", "Apologies and Welcome"),
        ("591", "Declaration of Interest and of any Party Whip"),
        ("592", "Public Participation"),
        ("593", "Worcestershire Safeguarding Children Partnership Annual Report 2021-2022"),
        ("594", "Worcestershire Children First and the Independent Care Review"),
        ("595", "Performance and 2022/23 Year End Budget Monitoring"),
        ("596", "Work Programme"),
    ],
}
TRUNCATED = {
    "staffordshire-safeguarding-oss-2023-09-14.txt": {"14", "15"},
    "staffordshire-safeguarding-oss-2024-01-04.txt": {"28", "29", "30", "31"},
    "middlesbrough-cyp-social-care-panel-2022-03-21.txt": {"21/49", "21/50"},
    "staffordshire-safe-strong-communities-2021-03-01.txt": set(),
    "worcestershire-children-families-panel-2023-07.txt": {"593", "594", "595"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_items_numbers_and_titles(samples, name):
    meeting = parse_file(samples / name)
    assert [(it.number, it.title) for it in meeting.items] == EXPECTED[name]
    assert {it.number for it in meeting.items if it.truncated} == TRUNCATED[name]
    assert [it.position for it in meeting.items] == list(range(len(EXPECTED[name])))


def test_twenty_nine_items_in_all(sample_files):
    assert sum(len(parse_file(f).items) for f in sample_files) == 29


def test_numbers_lost_in_copying_are_inferred_and_marked(samples):
    meeting = parse_file(samples / "staffordshire-safeguarding-oss-2024-01-04.txt")
    assert all(it.number_inferred for it in meeting.items)
    assert any("inferred" in w for w in meeting.warnings)
    # the truncation note itself is not part of the stored text
    homes = meeting.item("28")
    assert "view the full minutes text" not in homes.text
    assert homes.text.endswith("...")
    assert homes.blurb == "Report of the Cabinet Member for Children and Young People"
    assert homes.resolutions[0].startswith("Resolved: That the Overview and Scrutiny Committee supports")
    assert "a)   open six in-house local authority run children’s homes;" in homes.resolutions[0]


def test_printed_numbers_are_not_marked_inferred(samples):
    meeting = parse_file(samples / "staffordshire-safeguarding-oss-2023-09-14.txt")
    assert not any(it.number_inferred for it in meeting.items)


def test_moderngov_metadata(samples):
    m = parse_file(samples / "staffordshire-safeguarding-oss-2023-09-14.txt")
    assert (m.committee, m.date, m.time) == ("Safeguarding Overview and Scrutiny Committee", "2023-09-14", "10:00am")
    assert m.venue == "Oak Room, County Buildings, Stafford"
    assert m.council is None and any(w.startswith("council not stated") for w in m.warnings)
    assert m.item("14").text.startswith("The Cabinet Member for Children and Young People introduced")
    assert m.item("16").resolutions == ["Resolved: That the amendments to the work programme be agreed."]


def test_council_read_from_text_not_from_sentence_starts(samples):
    assert parse_file(samples / "staffordshire-safeguarding-oss-2024-01-04.txt").council == "Staffordshire County Council"
    assert parse_file(samples / "worcestershire-children-families-panel-2023-07.txt").council == "Worcestershire County Council"
    # "Can the Council offer ..." and "All County Council staff" name no council
    assert parse_file(samples / "middlesbrough-cyp-social-care-panel-2022-03-21.txt").council is None
    assert parse_file(samples / "staffordshire-safe-strong-communities-2021-03-01.txt").council is None


def test_agenda_blurb_kept_apart_from_minutes(samples):
    m = parse_file(samples / "middlesbrough-cyp-social-care-panel-2022-03-21.txt")
    item = m.item("21/50")
    assert item.blurb.startswith("The Executive Director of Children’s Services will provide the Panel")
    assert item.text.startswith("The Executive Director of Children’s Services provided the Panel")
    assert m.time == "4.00 pm" and m.venue == "Virtual" and m.date == "2022-03-21"
    assert m.item("21/51").resolutions == ["NOTED"]


def test_plain_minutes_attendance_and_resolutions(samples):
    m = parse_file(samples / "staffordshire-safe-strong-communities-2021-03-01.txt")
    assert m.committee == "Safe and Strong Communities Select Committee"
    assert m.date == "2021-03-01"
    assert m.chair == "Bob Spencer"
    assert m.apologies == ["John Francis", "Mike Worthington"]
    for name in ("Ann Beech", "Ron Clarke", "Ann Edgeller", "Bryan Jones", "Jason Jones", "Paul Snape",
                 "Charlotte Atkins", "Mark Sutton"):
        assert name in m.attendees
    assert m.item("3").resolutions == [
        "RESOLVED: That the learning from the SCR and its use to develop services and inform training and best practice be supported."
    ]
    assert m.item("4").resolutions == ["RESOLVED: That the work programme be noted."]


def test_missing_committee_and_date_are_left_empty_with_warnings(samples):
    m = parse_file(samples / "worcestershire-children-families-panel-2023-07.txt")
    assert m.committee is None and m.date is None
    assert any(w.startswith("committee not stated") for w in m.warnings)
    date_warning = next(w for w in m.warnings if w.startswith("date not stated"))
    assert "2023-07" in date_warning  # offered from the file name, not assumed
    assert m.apologies[:2] == ["Nathan Desmond", "Tony Muir"]
    assert m.venue == "County Hall, Worcester"


def test_user_supplies_metadata_by_flag_and_sidecar(tmp_path, samples):
    src = samples / "worcestershire-children-families-panel-2023-07.txt"
    doc = tmp_path / src.name
    doc.write_bytes(src.read_bytes())
    (tmp_path / (doc.stem + ".meta.json")).write_text('{"committee": "Children and Families Panel", "date": "2023-07-07"}')
    m = parse_file(doc)
    assert (m.committee, m.date) == ("Children and Families Panel", "2023-07-07")
    assert not any(w.startswith(("committee not", "date not")) for w in m.warnings)
    # flags beat the sidecar
    m2 = parse_file(doc, MeetingOverrides(committee="Another Panel"))
    assert (m2.committee, m2.date) == ("Another Panel", "2023-07-07")


def test_ids_are_stable_across_parses(sample_files):
    first = [parse_file(f).id for f in sample_files]
    assert first == [parse_file(f).id for f in sample_files]
    assert len(set(first)) == len(first)


def test_parse_cli_json_shape(samples):
    out = subprocess.run(
        [sys.executable, "-m", "ui.cli", "parse", str(samples / "staffordshire-safeguarding-oss-2024-01-04.txt"), "--json"],
        capture_output=True, text=True, check=True,
    )
    data = json.loads(out.stdout)
    assert set(data) == {"meeting", "warnings"}
    meeting = data["meeting"]
    for key in ("id", "council", "committee", "date", "time", "venue", "source", "attendees", "apologies", "items"):
        assert key in meeting
    item = meeting["items"][2]
    assert (item["number"], item["number_inferred"], item["truncated"]) == ("28", True, True)
    assert {"number", "number_inferred", "title", "text", "resolutions", "truncated"} <= set(item)


def test_parse_cli_overrides(samples):
    out = subprocess.run(
        [sys.executable, "-m", "ui.cli", "parse", str(samples / "worcestershire-children-families-panel-2023-07.txt"),
         "--json", "--committee", "Children and Families Panel", "--date", "2023-07-07", "--council", "Worcestershire County Council"],
        capture_output=True, text=True, check=True,
    )
    m = json.loads(out.stdout)["meeting"]
    assert (m["committee"], m["date"], m["council"]) == ("Children and Families Panel", "2023-07-07", "Worcestershire County Council")


def test_parse_cli_rejects_bad_date(samples):
    out = subprocess.run(
        [sys.executable, "-m", "ui.cli", "parse", str(samples / "worcestershire-children-families-panel-2023-07.txt"), "--date", "July 2023"],
        capture_output=True, text=True,
    )
    assert out.returncode != 0
    assert "YYYY-MM-DD" in out.stderr and "Traceback" not in out.stderr
