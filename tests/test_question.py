"""What a question asks for, and whether a sentence supplies it (rag/question.py).

The sentences here are written in the style of other councils' minutes, not taken from the
sample corpus: these checks must hold for minutes nobody has tuned them on.
"""
from __future__ import annotations

import pytest

from rag.question import evidence_gap, initialisms, profile, question_type
from rag.sentences import sentence_windows

# Words a meeting uses in lower case: tells names ("Ashby") from ordinary words ("homes").
COMMON = {"the", "homes", "affordable", "application", "objections", "members", "report", "introduced", "parishes",
          "scheme", "objected", "chief", "executive", "had", "been", "received", "period", "outturn"}


def gap(question: str, sentence: str) -> str | None:
    return evidence_gap(profile(question), sentence, COMMON)


@pytest.mark.parametrize("question, sentence, fits", [
    # how many: a count of the thing asked about, not money, a share or a period number
    ("How many objections were received?", "A total of 14 objections had been received.", True),
    ("How many objections were received?", "The outturn for period 12 was reported.", False),
    ("How many homes will be built?", "The developer would pay £5,000 per plot.", False),
    ("How many homes will be built?", "The scheme comprised 42 homes, 30% of them affordable.", True),
    ("How many homes will be built?", "The scheme comprised twelve homes.", True),
    # what percentage / proportion: a share
    ("What percentage of the homes will be affordable?", "The scheme comprised 42 homes, 30% of them affordable.", True),
    ("What proportion of the homes will be affordable?", "Twelve affordable homes were proposed.", False),
    # how much (money): a sum
    ("How much will the developer contribute towards education?", "A contribution of £120,000 towards education was agreed.", True),
    ("How much will the developer contribute towards education?", "An education contribution was agreed with the county.", False),
    ("What are the estimated running costs of the new depot?", "Running costs were discussed at length.", False),
    # dates: a date the question does not already give
    ("When will the consultation close?", "The consultation would close on 3 March.", True),
    ("When will the consultation close?", "The consultation had attracted wide interest.", False),
])
def test_figures_and_dates(question, sentence, fits):
    assert (gap(question, sentence) is None) is fits, gap(question, sentence)


@pytest.mark.parametrize("question, sentence, fits", [
    # asking for the holder of a role: a name beside that role, not the role alone
    ("Who is the Chief Executive of the trust?", "The Chief Executive introduced the report.", False),
    ("Who is the Chief Executive of the trust?", "Mr Paul Jennings, Chief Executive, introduced the report.", True),
    ("What is the name of the Independent Chair of the partnership?", "The Independent Chair presented the annual report.", False),
    ("Who chaired the meeting?", "Present: Councillor R Patel (Chairman), Councillors Ashby and Moore.", True),
    ("Who chaired the meeting?", "The Chairman thanked officers for the report.", False),
    ("Which Cabinet Member introduced the budget?", "Councillor Hughes, Cabinet Member for Finance, introduced the budget.", True),
    # other who-questions: a person or a role will do
    ("Who introduced the report?", "The Head of Planning introduced the report.", True),
    # which X: names, not the same description again
    ("Which two parishes objected to the scheme?", "Two parishes had objected to the scheme.", False),
    ("Which two parishes objected to the scheme?", "Two parishes, Ashby and Thornton, had objected to the scheme.", True),
    ("Which council leads the framework contract?", "The contract was led by Coventry on behalf of the region.", True),
])
def test_people_and_bodies(question, sentence, fits):
    assert (gap(question, sentence) is None) is fits, gap(question, sentence)


@pytest.mark.parametrize("question, sentence, fits", [
    # a vote needs a recorded vote, not just the resolution
    ("How did members vote on the application?", "RESOLVED: That planning permission be granted.", False),
    ("How did members vote on the application?", "RESOLVED: That planning permission be granted (For 6, Against 2).", True),
    ("How did members vote on the application?", "The motion was carried unanimously.", True),
    # a labelled part must be there and say something
    ("What did part c) of the resolution say?", "b) that the report be noted;", False),
    ("What did part b) of the resolution say?", "b)  ...  view the full minutes text for item 28.", False),
    ("What did part b) of the resolution say?", "b) that a site visit be arranged;", True),
    ("What did recommendation 3 of the review propose?", "Recommendation 3 proposed a single front door.", True),
    # yes/no: the property asked about, stated or denied
    ("Were the bids successful?", "Two further bids were being considered.", False),
    ("Were the bids successful?", "Both bids had been unsuccessful.", True),
    ("Was the application approved at the March meeting?", "The application was deferred for a site visit.", False),
    ("Were the minutes of the last meeting approved?", "The minutes were confirmed and signed as a correct record.", True),
])
def test_votes_parts_and_yes_no(question, sentence, fits):
    assert (gap(question, sentence) is None) is fits, gap(question, sentence)


@pytest.mark.parametrize("question, kind", [
    ("What are the estimated annual running costs of the depot?", "number"),
    ("What was the council's net overspend for 2022/23?", "number"),
    ("What did caseloads rise to?", "number"),
    ("What did the panel do with the verbal update?", "decision"),
    ("Which two parishes objected?", "entity"),
    ("What is the name of the clerk?", "name"),
    ("Who chaired the meeting?", "who"),
    ("Which meetings discussed flooding?", "multi"),
])
def test_question_kinds(question, kind):
    assert question_type(question) == kind


def test_a_date_of_the_same_year_range_is_not_a_count():
    p = profile("How many children were in care?")
    assert evidence_gap(p, "The budget for 2022/23 was monitored closely for children in care.", COMMON) is not None


def test_initialisms_join_a_spelled_out_name_to_its_letters():
    assert initialisms("By how much was Worcestershire Children First overspent?") == {"WCF": "Worcestershire Children First"}
    assert "SSC" in initialisms("the Safe and Strong Communities committee")


def test_sentence_windows_stay_inside_a_bullet():
    text = "• The budget was overspent by £2m. Reserves would cover it.\n• The grant was £5m. It was ring-fenced."
    windows = sentence_windows(text)
    assert "The budget was overspent by £2m. Reserves would cover it." in windows
    assert not any("\n" in w for w in windows)
    assert all(w in text for w in windows)


@pytest.mark.parametrize("question, sentence, fits", [
    ("How many homes were proposed?", "Erection of 85 dwellings with associated access.", True),  # counted, other word
    ("How did members vote on the application?", "The site was allocated under the Local Plan 2019-2036.", False),  # a year range
    ("How did members vote on the application?", "RESOLVED that permission be granted. (For 5, Against 2, Abstain 1)", True),
])
def test_counts_and_votes_in_other_councils_words(question, sentence, fits):
    assert (gap(question, sentence) is None) is fits, gap(question, sentence)
