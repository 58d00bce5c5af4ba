"""Decisions in layouts first met on real6 (session 6): numbered resolutions under a decisions
heading closed by the mover's and seconder's initials, chat-style motions in the present tense
("X moves ..., Y seconds.", "the motion carries"), a speaker moving in the first person, an adverb
between the proposer and the verb, a resolution announced and then set out, an onward step after
a committee's decision, a member's question about an outcome, a proposal line pointing back to
the resolution, and a certified copy appended after the signature. Fixtures are small excerpts
laid out as the real minutes print them (names and bodies changed); every test asserts what the
extractor returns."""
from __future__ import annotations

from ingest.decision_outcome import outcome_of
from ingest.decisions import extract_decisions, extract_meeting_decisions
from ingest.model import AgendaItem, Meeting


def found(text: str) -> list[dict]:
    out = extract_decisions(text)
    for d in out:
        assert d["text"] in text  # always a verbatim slice
    return out


# --- a list of resolutions under a heading, each closed by mover and seconder ------------------

AGM = """#### Attendees

Kim Lee (KL), Ana Ruiz (AR), Tom Hart (TH), Priya

#### Resolutions

1. The minutes read from the 2023 Annual General Meeting were true and accurate. KL, AR.
2. Priya's membership of the Association was accepted. TH, Priya.
3. Received and accepted the treasurer's report for 2023. AR, KL.
4. With one nomination Ana Ruiz was declared president of the Association. Priya, TH.

**Meeting closed at 8:44pm**
"""


def test_each_listed_resolution_is_a_decision_with_its_trailing_pair():
    ds = found(AGM)
    assert len(ds) == 4
    assert [(d["mover"], d["seconder"]) for d in ds] == [("KL", "AR"), ("TH", "Priya"), ("AR", "KL"), ("Priya", "TH")]
    # the pair names who moved; it is not part of what was decided
    assert ds[0]["text"].endswith("were true and accurate.")
    assert ds[2]["text"] == "Received and accepted the treasurer's report for 2023."
    assert ds[3]["outcome"] == "other"  # an election (as earlier sets' elections)
    assert "Attendees" not in " ".join(d["text"] for d in ds) and "closed" not in ds[-1]["text"]


def test_other_decision_headings_and_bullets():
    text = ("Decisions made:\n\n"
            "- The hall hire fee for 2025 will be 40 pounds per session. Cr Dunne, Cr Abara.\n"
            "- Membership fees remain unchanged for next year.\n\n"
            "Any other business\n\nThe chair thanked the volunteers.\n")
    ds = found(text)
    assert [d["text"] for d in ds] == ["The hall hire fee for 2025 will be 40 pounds per session.",
                                       "Membership fees remain unchanged for next year."]
    assert (ds[0]["mover"], ds[0]["seconder"]) == ("Cr Dunne", "Cr Abara")
    assert ds[1]["mover"] is None and "outcome" in ds[1]["inferred"]  # nothing invented


def test_a_bare_motions_heading_does_not_make_an_unrecorded_motion_a_decision():
    text = ("## Motions\n"
            "1. Accept Agenda / Ola Berg / Mark Petit / Unanimous / Passed\n"
            "1. Approve the Principles document\n\n"
            "## Action Items\n1. Set up the bot / Ola Berg\n")
    texts = [d["text"] for d in found(text)]
    assert not any(t.startswith("Approve the Principles") for t in texts)


# --- chat-style motions: present tense, result in the next paragraph, first-person mover -----------

CHAT = """3. The meeting agenda was reviewed

Dana moves to approve the agenda, Felix seconds.

Maria: Unanimous consent, the motion carries, agenda approved unchanged as published.

8. Repository maintainers

Maria: Three members have volunteered to maintain the repository.

Harvey: I move to approve Kai Moss and Lena Ortiz as the repository maintainers. Dana seconds it.

Maria: Unanimous consent, the motion carries, maintainers approved.

12. Adjourn

Dana moves to adjourn. Omar seconds.
"""


def test_present_tense_motion_with_result_in_the_next_paragraph():
    ds = found(CHAT)
    agenda = ds[0]
    assert agenda["text"].startswith("Dana moves to approve the agenda") and "the motion carries" in agenda["text"]
    assert (agenda["mover"], agenda["seconder"], agenda["outcome"]) == ("Dana", "Felix", "carried")


def test_speaker_moving_in_the_first_person_is_the_mover():
    ds = found(CHAT)
    m = next(d for d in ds if "maintainers" in d["text"] and "I move" in d["text"])
    assert m["text"].startswith("Harvey: I move to approve")
    assert (m["mover"], m["seconder"], m["outcome"]) == ("Harvey", "Dana", "carried")
    assert not any(d["text"].startswith("Dana seconds") for d in ds)


def test_present_tense_seconding_of_a_motion_without_result():
    ds = found(CHAT)
    adj = ds[-1]
    assert adj["text"] == "Dana moves to adjourn. Omar seconds."
    assert (adj["mover"], adj["seconder"]) == ("Dana", "Omar")


def test_the_motion_carries_is_the_printed_result():
    assert outcome_of("Unanimous consent, the motion carries, minutes approved unchanged as published.") == "carried"
    assert outcome_of("The minutes were approved unchanged.") == "approved"


def test_everyone_on_the_call_agreed():
    ds = found("Maria: Everyone on the call agreed that the format should migrate from XML to a data model.\n")
    assert len(ds) == 1 and ds[0]["outcome"] == "approved"


# --- a proposer with an adverb, a seconding in the next sentence, an onward step ----------------

SPC = """Homeless Procedure
The team introduced the draft procedures. Following a discussion members raised several issues.

Cllr Rory Devlin then proposed the adoption of the document.  This was seconded by Cllr Una Keane.
Members complimented the work of the team.

Accommodation Plan
Following a discussion, Joan Platt proposed the adoption of the plan.  This was seconded by Cllr
Liam Boyle.  The plan will now be brought to the full council for final approval.

Dates and Times for meetings 2026
Proposed dates and times for meetings in 2026 were agreed as follows:
10th June 2026 – 11am-1pm
9th September 2026 – 11am-1pm

Any Other Business
"""


def test_adverb_between_proposer_and_verb():
    ds = found(SPC)
    doc = next(d for d in ds if "adoption of the document" in d["text"])
    assert (doc["mover"], doc["seconder"], doc["outcome"]) == ("Cllr Rory Devlin", "Cllr Una Keane", "adopted")


def test_onward_step_belongs_to_the_decision_and_keeps_its_outcome():
    plan = next(d for d in found(SPC) if "adoption of the plan" in d["text"])
    assert plan["text"].endswith("The plan will now be brought to the full council for final approval.")
    assert (plan["mover"], plan["outcome"]) == ("Joan Platt", "adopted")


def test_decision_announcing_a_list_takes_the_list():
    dates = next(d for d in found(SPC) if "as follows" in d["text"])
    assert dates["text"].endswith("9th September 2026 – 11am-1pm")
    assert "Any Other Business" not in dates["text"]


def test_vote_announced_as_follows_does_not_take_table_cells():
    text = ("A roll call vote took place to accept the recommendation for Submission No. 1.\n"
            "The result of the vote was as follows:\nNo.\n1\n2\n3\n")
    ds = found(text)
    assert ds and all(not d["text"].endswith("3") for d in ds)


# --- a resolution announced and set out; questions; proposal pointing back; certified copy ---------

SPECIAL = """1. Section 12 of the Local Government Act

A. Byrne, Chief Executive, outlined that the council's solicitors have advised that the following
resolution is approved by the members;

In accordance with Section 12 of the Act, we the elected members hereby authorise the Chief
Executive to defend the proceedings brought against the council.

Cllr. Walsh enquired if resolution wasn't approved if the case would fail.

Cllr. Dowd noted the position of the meeting is to support the resolution.

The resolution as presented was proposed by Cllr. Nolan and seconded by Cllr. P. Quinn.  A roll call
vote was requested and agreed on.

This concluded the business of the meeting.

Signed: ______________

CERTIFIED RESOLUTION OF THE Council as
proposed Cllr. Nolan, seconded by Cllr. P.Quinn and agreed by all.
"""


def _meeting(text: str) -> Meeting:
    it = AgendaItem(number="1", title="Section 12 of the Local Government Act", text=text.split("\n", 2)[2], position=0)
    return Meeting(council="A Council", committee="Special Meeting", date="2026-01-01", source="special.txt", items=[it])


def test_announced_resolution_is_one_decision_with_the_proposal_pointing_back_and_no_certified_copy():
    rows = extract_meeting_decisions(_meeting(SPECIAL))
    assert len(rows) == 1
    d = rows[0]
    assert "we the elected members hereby authorise" in d.text
    assert (d.mover, d.seconder) == ("Cllr. Nolan", "Cllr. P. Quinn")


def test_a_members_question_about_an_outcome_is_not_a_decision_unless_answered():
    assert not found("Cllr. Walsh enquired if the resolution wasn't approved if the case would fail.\n")
    ds = found("The Commissioner asked if this review could be shared with colleagues and this was agreed.\n")
    assert len(ds) == 1 and ds[0]["outcome"] == "approved"


# --- issue-tracker minutes -------------------------------------------------------------------------

def test_issue_closed_with_a_pull_request_is_a_decision_but_a_bare_status_is_not():
    # (as the readers give a reST/Markdown issue section: the heading a paragraph of its own)
    ds = found("#512\n\nClosed with pull request #88\n\n#530: Token lifetime\n\nPending an email from Ravi.\n")
    assert [d["text"] for d in ds if "Closed" in d["text"]] and all(d["mover"] is None for d in ds)
    closed = next(d for d in ds if "Closed with pull request #88" in d["text"])
    assert closed["outcome"] == "other"
    assert not found("Previous actions\n\nAction 3: update the wiki. Closed.\n")


# --- a roll-call table flattened row by row ---------------------------------------------------------

ROWS = """The motion as presented was proposed by Cllr. Hynes and seconded by Cllr. Rowe.  A roll call vote was
requested and agreed on.

Name:
In Favour
Against
Abstain
Absent
Ann Blake (Ind)
√

Brian Cole (FG)
√

Carl Doyle (SF)

√
Dara Egan (Lab)
√

Total
3
"""


def test_row_by_row_roll_call_counts_the_marks_its_total_confirms():
    d = found(ROWS)[0]
    assert d["vote"] is not None and d["vote"].for_ == 3
    assert d["vote"].yes == ["Ann Blake (Ind)", "Brian Cole (FG)", "Dara Egan (Lab)"]
    assert d["vote"].against is None  # the mark after an empty cell is in an unknown column: not read
    assert "vote tally" in d["inferred"]


def test_row_by_row_roll_call_without_a_confirming_total_is_not_read():
    d = found(ROWS.replace("Total\n3\n", "Total\n4\n"))[0]
    assert d["vote"] is None or d["vote"].for_ is None
