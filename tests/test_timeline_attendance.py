"""Two meetings of one body named by a day list ("the TSC meetings of 13 and 20 June 2018"):
the days pick both meetings; "who attended one but not the other" compares the two attendance
lists; and a story's step told as notes under an issue's title line quotes the notes, not the
title alone. Real store, real embedding model, real files (GitHub-style Markdown minutes)."""
from __future__ import annotations

import pytest

from rag.answer import ask
from rag.timeline import named_dates
from rag.timeline_attendance import name_key

WEEK1 = """# Fernbank Project Technical Steering Committee (TSC) Meeting 2019-03-06

## Present

* Ines Marlow @imarlow (TSC)
* Pavel Drozd @pdrozd (TSC)
* Quentin Abara @qabara (TSC)
* Rosa Lindqvist @rlindqvist (TSC)

## Agenda

### fernbank/core

* loader: add strictImportChecks option #4412
  * Had a first look, will pick it up again when more members have reviewed.
  * Needs a champion on the committee to push it forward.

* Tracking issue for the release calendar #388
  * Nothing to add since last week.
"""

WEEK2 = """# Fernbank Project Technical Steering Committee (TSC) Meeting 2019-03-13

## Present

* Ines Marlow @imarlow (TSC)
* Pavel Drozd @pdrozd (TSC)
* Soren Tamm @stamm (TSC)
* Tala Quispe @tquispe (TSC)

## Agenda

### fernbank/core

* loader: add strictImportChecks option #4412
  * Work continues in the GitHub issue, leave on the agenda until next week.

* Tracking issue for the release calendar #388
  * The calendar for the spring release was published.
"""


@pytest.fixture(scope="module")
def tsc(retriever_over):
    return retriever_over(*(("fernbank-tsc_2019-03-06.md", WEEK1), ("fernbank-tsc_2019-03-13.md", WEEK2)))


def test_a_day_list_names_each_meeting():
    assert named_dates("between the TSC meetings of 6 and 13 March 2019") == [(2019, 3, 6), (2019, 3, 13)]
    assert named_dates("at the meetings of March 6 and 13, 2019") == [(2019, 3, 6), (2019, 3, 13)]
    assert named_dates("the 3rd, 10th and 17th of May 2021 meetings") == [(2021, 5, 3), (2021, 5, 10), (2021, 5, 17)]
    assert named_dates("the meetings of 2019-03-06 and 2019-03-13") == [(2019, 3, 6), (2019, 3, 13)]


def test_name_keys_ignore_handles_roles_and_titles():
    assert name_key("Ines Marlow @imarlow (TSC)") == name_key("Ines  Marlow") == "ines marlow"
    assert name_key("Councillor T. Dunne") == name_key("Cllr T. Dunne")


def test_who_attended_one_meeting_but_not_the_other(tsc):
    a = ask(tsc, "Which TSC members attended the Fernbank TSC meeting of 13 March 2019 but not the one of 6 March 2019?")
    assert not a.refused, a.text
    assert "Soren Tamm" in a.text and "Tala Quispe" in a.text, a.text
    # those at both meetings, and those only at the other one, are not in the answer
    for name in ("Ines Marlow", "Pavel Drozd", "Quentin Abara", "Rosa Lindqvist"):
        assert name not in a.text, a.text
    assert {c.date for c in a.citations} == {"2019-03-13"}
    for c in a.citations:
        item = tsc.store.get_meeting(c.meeting_id).item(c.item_number)
        text = item.text if item is not None else tsc.store.get_meeting(c.meeting_id).preamble
        assert c.quote in text


def test_a_story_step_told_under_an_issue_title_quotes_the_notes(tsc):
    a = ask(tsc, "What happened to the pull request 'loader: add strictImportChecks option' (#4412) at the "
                 "Fernbank TSC meetings of 6 and 13 March 2019?")
    assert not a.refused, a.text
    assert "6 March 2019" in a.text and "13 March 2019" in a.text, a.text
    assert "Needs a champion" in a.text or "will pick it up again" in a.text, a.text
    assert "leave on the agenda until next week" in a.text, a.text
