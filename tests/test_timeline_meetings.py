"""Questions over several meetings that are not stories: which meetings a list of dates picks
("the special meetings of March 16 and March 23"), what each meeting's part answers (a time,
a person, not the lines nearest the topic), and a single date picking one of two meetings in
a month. Real store, real embedding model, real files."""
from __future__ import annotations

import pytest

from rag.answer import ExtractiveEngine, ask
from rag.question import evidence_gap, parse_question
from rag.timeline import named_dates, part_question

FIRST = """Town of Elmbury
Special Town Council Meeting
Monday, March 16, 2020
Minutes approved by Council on March 23, 2020

1. Call to order
President Hale called the meeting to order at 6:30 p.m. Councilors present: Hale, Ruiz, Tan.

2. Emergency declaration
The Town Manager stated that he made a State of Emergency Declaration at 4:00 p.m. today.

3. Saturday library opening
Residents have long asked for longer opening hours, and the petition handed in last autumn
carried more than four hundred names from across the town and the outlying villages.
The council noted that longer hours would need staff cover, heating for a further day each
week and changes to the cleaning contract, all of which would have to be costed first.
Members discussed whether volunteers could support paid staff and agreed that the service
should be asked for its view before any commitment is made to residents.
The Librarian reported on the Saturday library opening since the last meeting
i) A survey of Saturday users had been sent out on 2 March
ii) Two volunteers had offered to help on Saturday mornings
iii) The cleaning contractor had quoted for an extra visit each week

4. Adjournment
President Hale thanked everyone for their participation and adjourned the meeting at 7:14 p.m.
"""

SECOND = """Town of Elmbury
Special Town Council Meeting
Monday, March 23, 2020
Minutes approved by Council on March 30, 2020
The minutes of the March 16, 2020 meeting were approved.

1. Call to order
President Hale called the meeting to order at 6:37 p.m. Councilors present: Hale, Ruiz, Tan.

2. Emergency declaration
MOTION: Councilor Ruiz moved, second by Councilor Tan, to ratify the Town Manager's March 16, 2020
State of Emergency Declaration. VOTED Unanimously by roll call to ratify the declaration.

3. Saturday library opening
It was agreed that the library will open on Saturdays from April.

4. Adjournment
President Hale adjourned the meeting at 9:03 p.m.
"""


@pytest.fixture(scope="module")
def elmbury(retriever_over):
    return retriever_over(*(("elmbury-town-council-special_2020-03-16.txt", FIRST), ("elmbury-town-council-special_2020-03-23.txt", SECOND)))


def _entries(text: str) -> list[str]:
    entries: list[str] = []
    for line in text.split("\n\n")[0].splitlines():
        if line.startswith("- "):
            entries.append(line)
        elif entries:
            entries[-1] += " " + line.strip()
    return entries


@pytest.mark.parametrize("question, dates", [
    ("At what time did the special meetings of March 16 and March 23, 2020 adjourn?",
     [(2020, 3, 16), (2020, 3, 23)]),
    ("Who was president at its October 2022 and April 2024 meetings?", [(2022, 10, None), (2024, 4, None)]),
    ("Which councillors sent apologies to both the June and the July 2020 meetings?",
     [(2020, 6, None), (2020, 7, None)]),
    ("What did the council decide on 16th March 2020?", [(2020, 3, 16)]),
    ("May the clerk sign cheques in June?", [(None, 6, None)]),  # "May" opening a question is the verb
])
def test_the_dates_a_question_lists_are_read_in_order_with_their_years(question, dates):
    assert named_dates(question) == dates


def test_each_meetings_part_is_asked_with_that_meetings_date():
    """The part question keeps what is asked ("what time ... adjourn") and puts the one
    meeting's own date where the list of dates was, so its type is a time, not a timeline."""
    q = parse_question("At what time did the Elmbury Town Council's special meetings of March 16 and March 23, 2020 adjourn?")
    each = part_question(q)
    assert each.answer_type == "date" and "March 23" not in each.text


def test_a_time_question_wants_a_time_of_day_not_the_headings_date():
    q = parse_question("At what time did the meeting of 23 March 2020 adjourn?")
    assert evidence_gap(q, "President Hale adjourned the meeting at 9:03 p.m.", set()) is None
    assert evidence_gap(q, "Minutes approved by Council on March 30, 2020", set()) == "no time of day"
    assert evidence_gap(parse_question("When was the meeting adjourned?"), "The meeting was adjourned on 30 March 2020.", set()) is None


def test_one_day_picks_one_of_two_meetings_in_a_month(elmbury):
    """The 23 March minutes name "the March 16, 2020 meeting" near their heading; a question
    about the 16 March meeting still means that one meeting only."""
    engine = ExtractiveEngine(elmbury)
    q = parse_question("What did the Town Manager report at the Elmbury Town Council meeting of March 16, 2020?")
    found = engine.meetings_for(q, None)
    assert found is not None and [m.date for m in found] == ["2020-03-16"]


def test_a_day_no_meeting_was_held_on_dates_an_event_not_a_meeting(elmbury):
    """"the declaration that takes effect on March 18, 2020": no meeting was held that day, so
    the day dates an event and the month's meetings stand (not none of them)."""
    engine = ExtractiveEngine(elmbury)
    q = parse_question("What did the Elmbury Town Council say about the declaration taking effect on March 18, 2020?")
    found = engine.meetings_for(q, None)
    assert found is None or [m.date for m in found] == ["2020-03-16", "2020-03-23"]


def test_a_typed_fact_is_answered_for_each_listed_meeting(elmbury):
    """"At what time did the meetings of March 16 and March 23 adjourn": one dated entry per
    meeting, oldest first, each quoting the line with the time (not a heading's date)."""
    a = ask(elmbury, "At what time did the Elmbury Town Council's special meetings of March 16 and March 23, 2020 adjourn?")
    assert not a.refused, a.text
    entries = _entries(a.text)
    assert [e.split(":")[0] for e in entries] == ["- 16 March 2020", "- 23 March 2020"], a.text
    assert "7:14 p.m." in entries[0] and "9:03 p.m." in entries[1], a.text
    assert [c.date for c in a.citations] == sorted(c.date for c in a.citations)
    for c in a.citations:
        item = elmbury.store.get_meeting(c.meeting_id).item(c.item_number)
        assert item is not None and c.quote in item.full_text


def test_what_happened_at_listed_meetings_is_told_meeting_by_meeting(elmbury):
    a = ask(elmbury, "What happened to the Town Manager's State of Emergency Declaration at the Elmbury Town "
                     "Council meetings of March 16 and March 23, 2020?")
    assert not a.refused, a.text
    entries = _entries(a.text)
    assert [e.split(":")[0] for e in entries] == ["- 16 March 2020", "- 23 March 2020"], a.text
    assert "4:00 p.m." in entries[0] and "ratify" in entries[1], a.text

