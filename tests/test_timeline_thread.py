"""A story across meetings follows its thread: a meeting's part is read beside the lines its
neighbouring meeting gave (the matter is renamed from meeting to meeting), and a second line
that dates a step is preferred. Real store, real embedding model, real files."""
from __future__ import annotations

import pytest

import rag.question as question_rules
from rag.answer import _engine_for, ask
from rag.question import parse_question
from rag.timeline import dates_a_step, span_meetings

JAN = """Minutes of the Ashby Parish Council meeting held on 16 January 2024

1. Apologies
Apologies were received from Councillor Webb.

2. Clerk vacancy
The chairman reported that the advertisement for a new clerk had closed. Two people had shown interest in
the clerk position and the chairman will arrange interviews before the next meeting.

3. Village hall
The village hall roof has been inspected and no repairs are needed this year.
"""

FEB = """Minutes of the Ashby Parish Council meeting held on 20 February 2024

1. Apologies
None.

2. Clerk vacancy
The chairman and vice-chairman interviewed both candidates. It was resolved to offer the post to Mary Hollis
at £14 per hour, to start learning the work alongside Tom Burns.

3. Footpaths
The footpath by the mill is flooded again and the county council has been told.
"""

# the matter, renamed: no "clerk", no "new", under "Welcome"; the items that hold the
# question's words are about other things
MAR = """Minutes of the Ashby Parish Council meeting held on 19 March 2024

1. Welcome
The chairman welcomed Mary Hollis to her first meeting; she will take over the post completely on 1 May 2024
when Tom Burns retires.

2. Apologies
Apologies were received from Councillor Hart.

3. Village hall
The boiler at the village hall has failed. The clerk will ask three firms for a quote and report to the next meeting.

4. Playground
The swings have been installed and the invoice has been paid.
"""

# a meeting that did not take the matter up
APR = """Minutes of the Ashby Parish Council meeting held on 16 April 2024

1. Apologies
None.

2. Village hall
Three quotes for a replacement boiler were received and the cheapest was accepted.

3. Litter
Volunteers collected forty bags of litter on the spring clean day.
"""

QUESTION = "How did Ashby Parish Council's search for a new clerk progress from January to April 2024?"


@pytest.fixture(scope="module")
def ashby(retriever_over):
    return retriever_over(("ashby-parish-council-2024-01-16.txt", JAN), ("ashby-parish-council-2024-02-20.txt", FEB),
                          ("ashby-parish-council-2024-03-19.txt", MAR), ("ashby-parish-council-2024-04-16.txt", APR))


def _entries(text: str) -> dict[str, str]:
    """An answer's meeting entries by their date, each with its continuation lines joined on."""
    entries: dict[str, str] = {}
    last = None
    for line in text.split("\n\n")[0].splitlines():
        if line.startswith("- "):
            last, _, rest = line[2:].partition(": ")
            entries[last] = rest
        elif last:
            entries[last] += " " + line.strip()
    return entries


def test_a_span_over_a_store_of_one_bodys_meetings_takes_in_each_of_them(ashby):
    """The store holds only Ashby's four meetings, so the body and the months pick every stored
    meeting ("no meeting in particular" to the meeting resolver): the span is still all four,
    oldest first, not "no span"."""
    meetings = span_meetings(_engine_for(ashby), parse_question(QUESTION), None)
    assert [m.date for m in meetings or []] == ["2024-01-16", "2024-02-20", "2024-03-19", "2024-04-16"]


def test_a_renamed_step_is_found_by_the_thread_of_the_meeting_before(ashby):
    """March's step names neither "clerk" nor "new": "welcomed Mary Hollis ... when Tom Burns
    retires" continues February's "offer the post to Mary Hollis ... alongside Tom Burns"."""
    a = ask(ashby, QUESTION)
    assert not a.refused, a.text
    entries = _entries(a.text)
    assert "interest in the clerk position" in entries["16 January 2024"], a.text
    assert "offer the post to Mary Hollis" in entries["20 February 2024"], a.text
    assert "welcomed Mary Hollis" in entries.get("19 March 2024", ""), a.text
    assert "swings" not in a.text and "boiler" not in entries.get("19 March 2024", ""), a.text
    # every line is a verbatim quote of its meeting, cited, oldest first
    assert [c.date for c in a.citations] == sorted(c.date for c in a.citations)
    for c in a.citations:
        item = ashby.store.get_meeting(c.meeting_id).item(c.item_number)
        assert item is not None and " ".join(c.quote.split()) in " ".join(item.full_text.split())


def test_a_meeting_that_did_not_take_the_matter_up_gets_no_part(ashby):
    """April's items are close in meaning to nothing of the story and name none of its people."""
    a = ask(ashby, QUESTION)
    assert "16 April 2024" not in _entries(a.text), a.text


def test_without_the_thread_the_renamed_step_is_lost(ashby, monkeypatch):
    """The same question with the thread switched off (as eval/ablate.py does): March's part
    is missing, so the test above measures the thread, not the fixture."""
    monkeypatch.setattr(question_rules, "ABLATE", {"timeline_thread"})
    a = ask(ashby, QUESTION)
    assert "welcomed Mary Hollis" not in a.text, a.text


@pytest.mark.parametrize("line, meeting_date, dated", [
    ("A letter to the Financial Conduct Authority had been sent on 23 May describing the lack of access", "2024-06-03", True),
    ("Esme and Gordon were congratulated on the article which appeared in the Evening Times on 12 June.", "2024-07-08", True),
    ("An Away Day has been arranged for 21st April 2016 to discuss the 17/18 contract", "2016-03-31", True),
    ("she will take over completely on February 1, 2021 when Linda Britton retires", "2020-10-19", True),
    # the meeting's own date, the next meeting's date, a meeting number before a date: no step
    ("Chair Janet Keough called the meeting to order at 6:30 pm on October 19, 2020 via teleconference.", "2020-10-19", False),
    ("The next meeting will be November 16, at 6:30 pm via teleconference.", "2020-10-19", False),
    ("title: OASIS CSAF TC Meeting #11 October 25, 2017", "2017-10-25", False),
    ("He reports nine have used it so far and we need to encourage residents to use the site.", "2020-09-21", False),
])
def test_a_line_dates_a_step_when_it_names_another_day(line, meeting_date, dated):
    assert dates_a_step(line, meeting_date) is dated


KELBY_JUNE = """Minutes of the Kelby Parish Council meeting held on 11 June 2024

1. Welcome
The chairman welcomed Anna Price to her first meeting and thanked the retiring clerk, Joan Lee, for twelve years of service.

2. Finance
The new clerk, Anna Price, will be added as a signatory on the council's bank account.

3. Grass cutting
The verges were cut again.
"""


@pytest.fixture(scope="module")
def kelby(retriever_over):
    return retriever_over(("kelby-parish-council-2024-06-11.txt", KELBY_JUNE))


def _lines_of(retriever, wanted: list[str]):
    """The engine's candidate lines holding each wanted text, from a real search of the meeting."""
    from rag.retrieve import Filters

    engine = _engine_for(retriever)
    m = retriever.store.meetings()[0]
    hits = retriever.search("Anna Price clerk", Filters(meeting_id=m.id), top_k=5)
    cands = engine.candidates(hits, "general", "Anna Price clerk")
    return engine, m, [next(c for c in cands if c.text.startswith(w) and not c.is_title) for w in wanted]


def test_a_short_item_quoted_whole_keeps_the_line_of_another_item(kelby, monkeypatch):
    """The lead line's short item is quoted whole; the meeting's other line, from another item
    ("welcomed Anna Price" under "Welcome"), stays beside it, each cited to its own item."""
    from rag.timeline import _story_part

    engine, m, (lead, other) = _lines_of(kelby, ["The new clerk, Anna Price", "The chairman welcomed Anna Price"])
    part = _story_part(engine, m, [lead, other])
    assert [cite.item_number for _, cite, _ in part] == [lead.hit.item_number, other.hit.item_number]
    assert "welcomed Anna Price" in part[1][0] and "signatory" in part[0][0]
    monkeypatch.setattr(question_rules, "ABLATE", {"timeline_whole_keeps"})
    assert len(_story_part(engine, m, [lead, other])) == 1
