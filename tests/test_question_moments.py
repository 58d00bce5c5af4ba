""""When did the meeting end / adjourn": the evidence must say when it ended (rag/question.py
`moment_gap`). A span of clock times gives the end ("7:00 – 8:30 pm"); the parts of a date
("2019-11-27", "12/01/2024") are not a span of times, so a header's date-and-start line does not
answer when the meeting ended."""
from __future__ import annotations

import pytest

from rag.question import moment_gap

Q = "At what time was the working group meeting of 27 November 2019 adjourned?"


@pytest.mark.parametrize("evidence, answers", [
    ("Date & Time: 2019-11-27 14:00 UTC", False),
    ("Meeting held 12/01/2024 in the Council Chamber", False),
    ("The meeting was adjourned at 14:56 UTC.", True),
    ("The meeting ran 7:00 – 8:30 pm.", True),
    ("2017-10-25 19:00 to 20:00 CEST", True),
    ("Closed 9.15pm", True),
])
def test_a_date_is_not_a_span_of_times(evidence, answers):
    assert (moment_gap(Q, evidence) is None) is answers, moment_gap(Q, evidence)
