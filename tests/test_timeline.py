"""Questions across meetings ("how did X progress from January to March"): which meetings a
span of months takes in, and which line each meeting gives, on a real store with the real
embedding model."""
from __future__ import annotations

import pytest

from rag.answer import ask
from rag.timeline import _story_topic, month_span

JAN = """Minutes of the Brampton Parish Council meeting held on 9 January 2024

1. Apologies
Apologies were received from Councillor Reed.

2. Churchyard wall
The clerk reported that part of the churchyard wall had collapsed after the storm and
the rubble had been fenced off. The clerk was asked to obtain quotes for rebuilding it.

3. Bus shelter
The bus shelter on Mill Road has been cleaned.
"""

FEB = """Minutes of the Brampton Parish Council meeting held on 13 February 2024

1. Apologies
None.

2. Churchyard wall
Three quotes for rebuilding the churchyard wall were received. The quote from Stone & Sons
was the lowest at £6,300.
It was RESOLVED to accept the quote from Stone & Sons for rebuilding the churchyard wall.

3. Footpaths
The footpath officer walked the bridleway and found it clear.
"""

MAR = """Minutes of the Brampton Parish Council meeting held on 12 March 2024

1. Apologies
Apologies were received from Councillor Hale.

2. Churchyard wall
The clerk reported that Stone & Sons had finished rebuilding the churchyard wall and the
fencing had been removed.

3. Defibrillator
The defibrillator pads were replaced.
"""

OTHER = """Minutes of the Kirby Town Council meeting held on 15 February 2024

1. Apologies
None.

2. Cemetery wall
The council agreed to repaint the cemetery railings.
"""


@pytest.fixture(scope="module")
def brampton(retriever_over):
    return retriever_over(*(("brampton-parish-council-2024-01-09.txt", JAN), ("brampton-parish-council-2024-02-13.txt", FEB),
            ("brampton-parish-council-2024-03-12.txt", MAR), ("kirby-town-council-2024-02-15.txt", OTHER)))


def _entries(text: str) -> list[str]:
    """An answer's meeting entries, each with its indented continuation lines joined on."""
    entries: list[str] = []
    for line in text.split("\n\n")[0].splitlines():
        if line.startswith("- "):
            entries.append(line)
        elif entries:
            entries[-1] += " " + line.strip()
    return entries


def _exact(store, c) -> bool:
    item = store.get_meeting(c.meeting_id).item(c.item_number)
    return item is not None and (c.quote in item.full_text or c.quote in item.resolutions)


@pytest.mark.parametrize("question, span", [
    ("How did X progress from May to July 2024?", ((2024, 5), (2024, 7))),
    ("How did X change between January and May 2016?", ((2016, 1), (2016, 5))),
    ("What happened with X across the Board's August to October 2020 meetings?", ((2020, 8), (2020, 10))),
    ("How did X develop from November to February 2024?", ((2023, 11), (2024, 2))),
    ("How did X progress from May 2019 to March 2020?", ((2019, 5), (2020, 3))),
    # months listed, not a span: only those meetings
    ("Who was president at its October 2022 and April 2024 meetings?", None),
    ("How did X progress over its May, June and July 2024 meetings?", None),
])
def test_a_span_of_months_is_read_with_its_ends_and_years(question, span):
    assert month_span(question, (2024,) if "2024" in question else ()) == span


def test_the_framing_left_in_a_topic_is_not_topic():
    assert _story_topic("the Elder Park Library reopening across Govan Community Council's meetings") == \
        "the Elder Park Library reopening"
    assert _story_topic("Suffolk Libraries' 2015/16 year-end financial position of") == \
        "Suffolk Libraries' 2015/16 year-end financial position"


def test_a_span_takes_in_the_meeting_between_its_ends(brampton):
    """"From January to March" names two months; the February meeting, between them, is
    part of the story (it is where the quote was accepted)."""
    a = ask(brampton, "How did the rebuilding of the churchyard wall progress from January to March 2024 "
                      "according to Brampton Parish Council's minutes?")
    assert not a.refused, a.text
    lines = _entries(a.text)
    assert [line.split(":")[0] for line in lines] == ["- 9 January 2024", "- 13 February 2024", "- 12 March 2024"], a.text
    assert "collapsed" in lines[0] or "quotes" in lines[0]
    assert "finished rebuilding" in lines[2]
    assert all(c.committee is None or "Kirby" not in c.committee for c in a.citations)
    assert [c.date for c in a.citations] == sorted(c.date for c in a.citations)
    assert all(_exact(brampton.store, c) for c in a.citations)


def test_a_short_item_is_its_meetings_whole_part_decision_included(brampton):
    """A short item on the topic is quoted whole as its meeting's part of the story: what was
    reported and what was decided ("Three quotes ... the lowest at £6,300. It was RESOLVED to
    accept ..."), not only the line with most of the question's words; a quote's own line
    breaks continue its entry, indented."""
    a = ask(brampton, "How did the churchyard wall rebuilding develop over Brampton Parish Council's "
                      "January, February and March 2024 meetings?")
    assert not a.refused, a.text
    feb = next(line for line in _entries(a.text) if line.startswith("- 13 February 2024"))
    assert "£6,300" in feb and "It was RESOLVED to accept the quote from Stone & Sons" in feb, a.text
    assert all(line.startswith(("- ", "  ")) for line in a.text.split("\n\n")[0].splitlines()), a.text
    assert all(_exact(brampton.store, c) for c in a.citations)
