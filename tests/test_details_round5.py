"""Meeting details and decisions in layouts first met on real5 (session 5): mover/seconder pairs
printed before the motion, results a few paragraphs after it, names with run-together initials,
co-options, outcomes said informally, and attendance blocks under labels and headings other
sets did not use. Fixtures are small excerpts laid out as the real minutes print them (the names
changed); every test asserts what the extractor returns."""
from __future__ import annotations

from ingest.decision_outcome import outcome_of
from ingest.decisions import extract_decisions
from ingest.header_people import parse_attendance, split_names
from ingest.model import AgendaItem, Meeting
from ingest.decisions import extract_meeting_decisions


def found(text: str) -> list[dict]:
    out = extract_decisions(text)
    for d in out:
        assert d["text"] in text  # always a verbatim slice
    return out


# --- mover and seconder before the motion ------------------------------------------------------

ONTARIO = """Presentation by the library board regarding the proposed budget.

R2018-077 L. Smith, L. Andersen: That we approve the 2018 Library Budget as presented. Carried.

R2018-078 L. Andersen, L. Smith: That the minutes of the meeting held April 3, 2018 be adopted as published. Carried.

R2018-079 L. Smith, L. Andersen: That we pass By-Law Number 2018-22 being a By-law to Amend Zoning By-law 2012-12, as amended.

Read a first, second and third time and passed this 17th day of April, 2018. Carried.

R2018-081 L. Andersen, L. Smith: That we set the 2018 tax rates for Landfill Properties as:

Education Rate 0.00783128 and Municipal Rate 0.00637270. Carried.

The Final Draft of the April newsletter was presented to Council.
"""


def test_leading_pair_is_mover_then_seconder_and_not_part_of_the_text():
    ds = found(ONTARIO)
    first = ds[0]
    assert first["text"].startswith("That we approve the 2018 Library Budget")
    assert (first["mover"], first["seconder"]) == ("L. Smith", "L. Andersen")
    # the printed "Carried." is the result, whatever verb the motion uses ("be adopted")
    assert ds[1]["outcome"] == "carried" and ds[1]["mover"] == "L. Andersen"


def test_result_paragraphs_after_a_pair_motion_belong_to_it():
    ds = found(ONTARIO)
    bylaw = next(d for d in ds if "2018-22" in d["text"])
    assert bylaw["text"].startswith("That we pass By-Law Number 2018-22")
    assert bylaw["text"].endswith("Carried.")
    assert (bylaw["mover"], bylaw["seconder"], bylaw["outcome"]) == ("L. Smith", "L. Andersen", "carried")
    rates = next(d for d in ds if "tax rates" in d["text"])
    assert "Education Rate" in rates["text"] and rates["mover"] == "L. Andersen"
    assert not any(d["text"].startswith(("Read a first", "Education Rate")) for d in ds)


def test_pair_alone_on_the_line_above_the_motion():
    text = "Smith / Jones:\nTHAT the report of the Treasurer be received. CARRIED.\n"
    (d,) = found(text)
    assert (d["mover"], d["seconder"]) == ("Smith", "Jones")


def test_pair_in_other_printed_forms():
    # a labelled resolution number and a bracketed slash pair; a pair with particles alone on its
    # line; the bare verbs "Moved X, seconded Y"
    (d,) = found("Resolution 2024-15 (Smith / Jones): That the tender be awarded to Acme Ltd. Carried.\n")
    assert (d["mover"], d["seconder"], d["outcome"]) == ("Smith", "Jones", "carried")
    assert d["text"].startswith("That the tender")
    (d,) = found("Cr. van der Berg / Cr. O'Hara\nThat Council adopt the policy.\nCARRIED\n")
    assert (d["mover"], d["seconder"]) == ("Cr. van der Berg", "Cr. O'Hara")
    (d,) = found("Moved Cr. Smith, seconded Cr. Jones that the minutes be confirmed. CARRIED\n")
    assert (d["mover"], d["seconder"]) == ("Cr. Smith", "Cr. Jones")


def test_a_comma_list_of_people_before_prose_is_no_mover():
    text = "John Smith, Mary Jones: presented the annual report. The report was received and noted.\n"
    for d in found(text):
        assert d["mover"] is None


def test_title_repeating_the_text_is_not_read_twice():
    # a segmenter that titles a resolution by its first sentence leaves the whole line in the text
    item = AgendaItem(number="R2018-082", title="That we accept the correspondence as presented",
                      text="L. Smith, L. Andersen: That we accept the correspondence as presented. Carried.")
    m = Meeting(council="Township", committee=None, date="2018-04-17", source="x.html", items=[item], id="m")
    (d,) = extract_meeting_decisions(m)
    assert (d.mover, d.seconder, d.outcome) == ("L. Smith", "L. Andersen", "carried")
    assert d.text.startswith("That we accept")


# --- names with initials; co-options ------------------------------------------------------------

def test_initials_run_together_stay_in_the_name_and_co_option_is_other():
    text = ("On the proposal of Cllr. T. Forde, seconded by Cllr. A.R. O’Brien, and agreed by all, Craig Doyle\n"
            "was co-opted to fill the casual vacancy created by the member’s election to Dáil Éireann.\n")
    (d,) = found(text)
    assert d["mover"] == "Cllr. T. Forde"
    assert d["seconder"] == "Cllr. A.R. O’Brien"
    assert d["outcome"] == "other"


# --- outcomes said informally ------------------------------------------------------------------

def test_informal_outcomes():
    assert outcome_of("Members voted to continue working with the farm market") == "approved"
    assert outcome_of("Members voted to defer the item") == "deferred"
    assert outcome_of("Let’s leave on the agenda.") == "deferred"
    assert outcome_of("Discussion ongoing in the issue, leave on agenda until next week.") == "deferred"


def test_leave_on_agenda_bullet_is_a_decision_and_a_question_topic_is_not():
    text = ("* Proposal: add all new core modules under a scope? #389\n\n"
            "  * Anna: may make sense to ask for more engagement.\n"
            "  * Leave on agenda for next week.\n")
    ds = found(text)
    assert [d["outcome"] for d in ds] == ["deferred"]
    assert "Leave on agenda" in ds[0]["text"]


def test_item_removed_from_agenda_is_withdrawn_with_its_reason():
    text = ("Councillor Ryan (Proposer) was not in attendance. Consequently, the Cathaoirleach removed agenda "
            "item 3 from the agenda in line with Standing Orders.\n")
    (d,) = found(text)
    assert d["outcome"] == "withdrawn"
    assert d["text"].startswith("Councillor Ryan (Proposer) was not in attendance")


def test_meeting_declared_a_public_meeting_is_no_decision():
    text = ("The meeting was declared a public meeting pursuant to the provisions of Section 34 (12) of the "
            "Planning Act to discuss an application for a change to the Zoning By-Law.\n")
    assert found(text) == []


# --- attendance ---------------------------------------------------------------------------------

class _H:
    def __init__(self):
        self.attendees, self.apologies, self.absent, self.chair, self.sources = [], [], [], None, {}


def test_comma_list_wrapped_before_an_initial_goes_on():
    h = _H()
    parse_attendance(["Members Present: Councillors C. Kelly (Cathaoirleach), P. Balfe, V. Behan,",
                      "A. Breen, A. Breslin, F. Brett,", "T. O’Dwyer and B. Wyse.",
                      "Apologies:", "Councillors B. Caldwell, G. Dunne, T. McDonnell, P. McEvoy,",
                      "B. O’Loughlin and C. Pender."], h)
    assert {"A. Breen", "A. Breslin", "F. Brett", "T. O’Dwyer", "B. Wyse"} <= set(h.attendees)
    assert h.apologies[-2:] == ["B. O’Loughlin", "C. Pender"]


def test_staff_and_visitors_present_are_attendees():
    h = _H()
    parse_attendance(["Regrets", "Councillors Tom Butler and Tom Marchant",
                      "Staff and visitors present: Wendy Billingsley, Rick Miller and Charles Barton."], h)
    assert h.apologies == ["Tom Butler", "Tom Marchant"]
    assert h.attendees == ["Wendy Billingsley", "Rick Miller", "Charles Barton"]


def test_attendee_list_heading_and_handles():
    h = _H()
    parse_attendance(["View Attendee List", "- Ben Straub (GSK)", "- Renping Zhang (Johnson & Johnson)"], h)
    assert h.attendees == ["Ben Straub (GSK)", "Renping Zhang (Johnson & Johnson)"]
    # an account handle and its group beside the name are not the name; any script is a name
    assert split_names("Anna Henningsen @addaleax (TSC)") == ["Anna Henningsen"]
    assert split_names("Сковорода Никита Андреевич @ChALkeR (TSC)") == ["Сковорода Никита Андреевич"]


def test_attendance_labels_of_any_wording():
    h = _H()
    parse_attendance(["Present (remotely): Ann Lee", "Present in person: Bob Kim",
                      "Absent with notice: Councillor E. Frank", "Absent without notice: Councillor G. Hill",
                      "Apologies received from: C. White and D. Black"], h)
    assert h.attendees == ["Ann Lee", "Bob Kim"]
    assert h.apologies == ["E. Frank", "C. White", "D. Black"]
    assert h.absent == ["G. Hill"]
    h = _H()
    parse_attendance(["Participants: Ann Lee, Bob Kim", "Excused: Mary Major", "Not in attendance: Carl Diaz"], h)
    assert h.attendees == ["Ann Lee", "Bob Kim"] and h.apologies == ["Mary Major", "Carl Diaz"]


# --- tallies ------------------------------------------------------------------------------------

def test_tallies_in_more_notations():
    from ingest.votes import parse_vote

    def t(s):
        v, _ = parse_vote(s)
        return v and (v.for_, v.against, v.abstain)
    assert t("In favour: 7; Against: 2; Abstained: 1") == (7, 2, 1)
    assert t("For 10, Against 3") == (10, 3, None)
    assert t("Carried by 12 votes to 4 with 2 abstentions") == (12, 4, 2)
    assert t("Yes – 6, No – 0, Abstain – 1") == (6, 0, 1)
    assert t("Motion passed, 7 yeas 0 nays") == (7, 0, None)
    assert t("Resolution No: 12 was carried") in (None, (None, None, None))  # a number, not a count
