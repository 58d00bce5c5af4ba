"""Decisions as minutes from bodies in no development set record them (session 6): the
moved/seconded shorthand ("M/S/C (Smith/Jones) ..."), a resolution labelled by its number,
agreement reached without a vote, a body named by its abbreviation voting, telegraphic results
("Minutes from last meeting: approved."), "N of M yes" counts — and what is not a decision: a
result word opening prose ("Lost going on this week"), a paper "referred to" in passing, a
clarification of what could happen, two named people taking on a task. Every test asserts what
the real extractor returns."""
from __future__ import annotations

import pytest

from ingest.decisions import extract_decisions
from ingest.votes import parse_vote


def found(text: str) -> list[dict]:
    out = extract_decisions(text)
    for d in out:
        assert d["text"] in text  # always a verbatim slice
    return out


@pytest.mark.parametrize("text, mover, seconder", [
    ("M/S/C (Smith/Jones) to approve the agenda as presented.", "Smith", "Jones"),
    ("MSC: Smith/Jones to approve the minutes of March 3.", "Smith", "Jones"),
])
def test_moved_seconded_carried_shorthand(text, mover, seconder):
    out = found(text)
    assert len(out) == 1 and (out[0]["mover"], out[0]["seconder"]) == (mover, seconder)
    assert out[0]["outcome"] == "approved"


@pytest.mark.parametrize("text, outcome", [
    ("Resolution 2023-14: RESOLVED that the Council adopt the budget.", "adopted"),
    ("Consensus was reached to move forward with option B.", "approved"),
    ("Lazy consensus reached on the new release schedule.", "approved"),
    ("There was agreement to postpone the vote until the next meeting.", "deferred"),
    ("The TSC voted to accept the project into incubation.", "approved"),
    ("Agreed: the clerk will write to the council.", "approved"),
    ("Unanimous approval of the agenda.", "approved"),
    ("Minutes from last meeting: approved.", "approved"),
    ("Treasurer's report accepted.", "approved"),
    ("Proposal accepted by all members present.", "approved"),
    ("Approved without objection.", "approved"),
    ("Barbecues: have them every 2 weeks: passed.", "carried"),
])
def test_decision_forms(text, outcome):
    out = found(text)
    assert [d["outcome"] for d in out] == [outcome]


@pytest.mark.parametrize("text", [
    "Lost going on this week",
    "Dignity at Work and Codes of Conduct were referred to with respect requested from all staff.",
    "It was confirmed following clarification that the orders will be available for inspection.",
    "It was confirmed that new addresses could be advertised in a local newspaper.",
    "Both Mr. Gunreben and Mr. Williams agreed to have an update before the next meeting.",
    "Jane Smith and Bob Jones agreed to draft the letter.",
])
def test_not_decisions(text):
    assert found(text) == []


def test_a_referral_is_still_a_decision():
    assert [d["outcome"] for d in found("The matter was referred to the Planning Committee.")] == ["referred"]


def test_n_of_m_yes_counts_the_first_figure():
    vote, _ = parse_vote("VOTE: 9 of 10 yes. Approved.")
    assert vote.for_ == 9
    vote, _ = parse_vote("7 out of 9 members voted in favour.")
    assert vote.for_ == 7


@pytest.mark.parametrize("text, outcome", [
    ("It was moved by VE7KFR to table those minutes until next meeting. Seconded by VE7LOC", "deferred"),
    ("Treasurers Report; Was not available as the treasurer was unable to attend. Deferred till next meeting.", "deferred"),
    ("The secretary nominated Donna Hewitt and Mike Callander as publications officers (passed)", "carried"),
    ("We decided to publish the refereed submissions in the journal as a special issue.", "other"),
])
def test_informal_club_minutes(text, outcome):
    assert [d["outcome"] for d in found(text)] == [outcome]


def test_a_participle_proposed_by_is_not_a_motion():
    assert found("Inventory User Stories\nDiscuss the User stories proposed by Elie") == []
    # a motion keeps its mover
    out = found("Proposed by Elie, seconded by Sara, that the stories be adopted. Carried.")
    assert [(d["mover"], d["seconder"]) for d in out] == [("Elie", "Sara")]


def test_a_late_seconder_and_result_join_the_motion_they_second():
    out = found("Seth KC0ODE moved for $300 for the committee to purchase three antennas for the trailer. "
                "Kent KA0LDG suggested the dedicated funds be used for this purchase. Seth amended his motion.\n"
                "Mark KC0SHM seconded. Motion carried unanimously.")
    assert [(d["mover"], d["seconder"], d["outcome"]) for d in out] == [("Seth KC0ODE", "Mark KC0SHM", "carried")]


@pytest.mark.parametrize("text, outcomes", [
    ("Tabled pending the outcome of the bylaw change.", ["deferred"]),
    ("Seth KC0ODE deferred to Mark KC0SHM who presented the working changes.", []),
    ("Due to Jake K0RQ being elected as President at the June meeting, a vacancy at Secretary was created.", []),
])
def test_deferrals_and_what_only_looks_like_one(text, outcomes):
    assert [d["outcome"] for d in found(text)] == outcomes
