"""Decision layouts first met on minutes from bodies outside the development corpus: action
minutes' dispositions, present-tense board statements, vote totals in common notations,
elections (nominations, vote, declaration), roll calls announced after the motion, planning
lists one field per line, and the sentences that look like decisions but are not."""
from __future__ import annotations

from ingest.decision_outcome import outcome_of
from ingest.decisions import extract_decisions
from ingest.elections import election_vote, elected, nominee
from ingest.votes import parse_vote


def found(text: str) -> list[dict]:
    out = extract_decisions(text)
    for d in out:
        assert d["text"] in text  # always a verbatim slice
    return out


def tally(d: dict) -> tuple | None:
    v = d["vote"]
    return (v.for_, v.against, v.abstain) if v else None


# --- vote notations ---------------------------------------------------------------------------

def test_vote_totals_yes_no_abstain():
    v, _ = parse_vote("with the following vote totals: 5 yes, 0 no, 0 abstain.")
    assert (v.for_, v.against, v.abstain) == (5, 0, 0)


def test_roll_call_notation_y_n():
    v, _ = parse_vote("Amend contract with Triad Technology Group (Ordinance) (Y-4; N-1) 184350")
    assert (v.for_, v.against) == (4, 1)
    v, _ = parse_vote("Item Nos. 47 and 51 were pulled and on a Y-5 roll call, the balance of the Consent Agenda was adopted.")
    assert (v.for_, v.against) == (5, 0)


def test_labelled_counts_with_dashes():
    v, _ = parse_vote("Result: For - 27, Against – 0, Abstain – 0, Absent – 13.")
    assert (v.for_, v.against, v.abstain) == (27, 0, 0)


def test_a_body_voting_is_not_a_member_named_directors():
    v, _ = parse_vote("The Board of Directors votes in favour of adopting the Policy with the following vote totals: "
                      "5 yes, 0 no, 0 abstain.")
    assert v.yes == [] and (v.for_, v.against, v.abstain) == (5, 0, 0)


# --- present-tense board statements ----------------------------------------------------------

def test_board_accepts_and_votes_in_favour():
    text = ("## Membership applications\n\n"
            "The Board of Directors accepts Jane Roe's application to become a Member of the Association "
            "with the following vote totals: 5 yes, 0 no, 0 abstain.\n\n"
            "The Board of Directors accepts John Doe's application to become a Member of the Association "
            "with the following vote totals: 4 yes, 1 no, 0 abstain.\n\n"
            "## By-law amendment\n\n"
            "The Board of Directors votes in favour of the following amendment to section 3 of the by-laws:\n\n"
            "Before amendment: Contracts may be signed by any two (2) of its officers or directors.\n\n"
            "After amendment: Contracts may be signed by any one (1) of its officers or directors.\n\n"
            "The vote totals on this amendment were: 5 yes, 0 no, 0 abstain.\n")
    ds = found(text)
    assert len(ds) == 3
    assert [tally(d) for d in ds] == [(5, 0, 0), (4, 1, 0), (5, 0, 0)]
    assert [d["outcome"] for d in ds] == ["approved", "approved", "approved"]
    assert "vote totals on this amendment" in ds[2]["text"]


def test_a_condition_in_the_present_tense_is_not_a_decision():
    assert found("We need to ascertain if the council accepts that there is a speeding issue.") == []


# --- action minutes: entries closed by their disposition ---------------------------------------

ACTION = ("Disposition: COMMUNICATIONS 38 Request of Jane Roe to address Council regarding fair wages (Communication) "
          "PLACED ON FILE 41 Appoint Ann Lee to the Community Involvement Committee (Report) (Y-5) CONFIRMED "
          "*42 Accept a grant in the amount of $94,710 for five volunteers (Ordinance) (Y-5) 184349 "
          "45 Adopt a Waste Reduction Program (Ordinance) PASSED TO SECOND READING JANUARY 19, 2011 AT 9:30 AM "
          "Bureau of Transportation *47 Authorize an Intergovernmental Agreement with the transit agency (Ordinance) "
          "REFERRED TO COMMISSIONER OF FINANCE AND ADMINISTRATION 48 Call for bids for the Burgard Road Project "
          "(Second Reading Agenda 12) (Y-4; N-1) 184353 At 10:31 a.m. Council adjourned.")


def test_action_minutes_each_entry_is_a_decision():
    ds = found(ACTION)
    assert len(ds) == 6, [d["text"] for d in ds]
    assert [d["outcome"] for d in ds] == ["noted", "approved", "approved", "other", "referred", "approved"]
    assert [tally(d) for d in ds] == [None, (5, 0, None), (5, 0, None), None, None, (4, 1, None)]
    assert ds[1]["text"].endswith("(Y-5) CONFIRMED") and ds[2]["text"].startswith("*42 Accept a grant")


def test_substitute_motion_with_disposition_keeps_its_mover():
    ds = found("57 Accept the Report on the Federal Legislative Agenda (Report) 15 minutes requested "
               "Motion to accept substitute report: Moved by Mayor Adams and seconded by Commissioner Fish. "
               "(Y-5) ACCEPTED AS AMENDED *58 Award a five year contract for garage management (Ordinance) (Y-5) 184360")
    assert len(ds) == 2
    assert (ds[0]["mover"], ds[0]["seconder"], ds[0]["outcome"]) == ("Mayor Adams", "Commissioner Fish", "approved")
    assert ds[1]["mover"] is None


def test_transcript_that_sentences_are_not_resolutions():
    assert found("Adams: That takes us to the regular agenda.\n\nThat search is underway.\n\n"
                 "That gets us to the end of our agenda for the week.") == []


# --- elections -------------------------------------------------------------------------------

def test_election_takes_the_winning_nomination_and_the_margin():
    text = ("ELECTION OF CATHAOIRLEACH\n\n"
            "1. Cllr. M. Corrigan was proposed by Cllr. S. Bourke and seconded by Cllr. L. Scott.\n"
            "2. Cllr. J. Snell was proposed by Cllr. G. O’Neill and seconded by Cllr. J. Behan.\n\n"
            "Following a roll call Cllr. M. Corrigan was elected as Cathaoirleach of the County Council by a margin "
            "of 22 votes for Cllr. M. Corrigan and 10 votes for Cllr. J. Snell.\n")
    ds = found(text)
    assert len(ds) == 1
    d = ds[0]
    assert d["text"].startswith("Following a roll call")
    assert (d["mover"], d["seconder"]) == ("Cllr. S. Bourke", "Cllr. L. Scott")
    assert tally(d) == (22, 10, 0)


def test_election_declared_after_per_candidate_counts():
    text = ("The Mayor then asked for nominations for the election of the Mayor.\n\n"
            "It was proposed by Councillor J. Guerin, seconded by Councillor J. Newman:\n\n"
            "“That Councillor Tony Murphy be elected Mayor.”\n\n"
            "It was then proposed by Councillor J. Walsh, seconded by Councillor D. Healy:\n\n"
            "“That Councillor Joan Hopkins be elected Mayor.”\n\n"
            "The Mayor then instructed that a roll call vote be taken and on a division the voting resulted as follows:\n\n"
            "Councillor Murphy:                      21       TWENTY-ONE\n\n"
            "Councillor Hopkins:                       13     THIRTEEN\n\n"
            "Abstain:                                              1        ONE\n\n"
            "The Mayor then DECLARED Councillor Tony Murphy elected Mayor.\n")
    ds = found(text)
    assert len(ds) == 1
    d = ds[0]
    assert d["text"] == "The Mayor then DECLARED Councillor Tony Murphy elected Mayor."
    assert (d["mover"], d["seconder"]) == ("Councillor J. Guerin", "Councillor J. Newman")
    assert tally(d) == (21, 13, 1) and d["outcome"] == "other"


def test_nomination_agreed_by_all_is_the_decision():
    text = ("Cllr. J. Crowe proposed Cllr. P. Murphy for the position of Cathaoirleach of the County Council for the "
            "year 2025-2026, this proposal was seconded by Cllr. C. Colleran Molloy and agreed by all present. As "
            "there were no other nominations, Cllr. P. Murphy was declared elected as Cathaoirleach for the coming year.")
    ds = found(text)
    assert len(ds) == 1
    assert (ds[0]["mover"], ds[0]["seconder"], ds[0]["outcome"]) == ("Cllr. J. Crowe", "Cllr. C. Colleran Molloy", "approved")


def test_election_helpers():
    assert nominee("2. Cllr. J. Snell was proposed by Cllr. G. O’Neill and seconded by Cllr. J. Behan.") == "Cllr. J. Snell"
    assert nominee("“That Councillor Joan Hopkins be elected Mayor.” proposed by X") == "Councillor Joan Hopkins"
    assert elected("The Mayor DECLARED Councillor Tom O’Leary to be elected as Area Cathaoirleach") == "Councillor Tom O’Leary"
    v = election_vote("Councillor Murphy: 21\nCouncillor Hopkins: 13\nAbstain: 1\n", "Councillor Tony Murphy",
                      ["Councillor Tony Murphy", "Councillor Joan Hopkins"])
    assert (v.for_, v.against, v.abstain) == (21, 13, 1)


def test_attendance_roll_call_is_not_a_vote():
    assert found("At the commencement of the meeting a roll call was taken.") == []


# --- votes recorded apart from their motion ----------------------------------------------------

def test_roll_call_announced_after_the_proposal_is_its_vote():
    text = ("On the proposal of Cllr Deirdre Ferris and Seconded by Sam Locke it was agreed to consider the adoption "
            "of Variation No 1.\n\nOne vote was taken on the proposal as follows\n\n"
            "For: Cllrs. (3) Angie Baily, Brendan Cronin, Paul Daly\n\nAgainst: (0)\n"
            "Absent:(1) Tom Barry,\nMr P. Corkery A/Director of Service said the vote was carried.\n")
    ds = found(text)
    assert len(ds) == 1
    d = ds[0]
    assert d["mover"] == "Cllr Deirdre Ferris" and d["outcome"] == "carried"
    assert len(d["vote"].yes) == 3 and d["vote"].absent[0] == "Tom Barry" and tally(d) == (3, 0, 0)


def test_motion_introduced_voted_then_stated_is_one_decision():
    text = ("1.0 I am calling on the County Council to review its procurement policy.\n\n"
            "Councillor Alan Lawes introduced the motion.\n\n"
            "A roll call vote was taken with the following result:\n\n"
            "Result: For - 27, Against – 0, Abstain – 0, Absent – 13.\n\n"
            "The motion, proposed by Councillor Alan Lawes and seconded by Councillor Eddie Fennessy, was approved "
            "after the minimum requirement of 14 members in agreement was met.\n")
    ds = found(text)
    assert len(ds) == 1
    d = ds[0]
    assert d["outcome"] == "approved" and tally(d) == (27, 0, 0)
    assert d["seconder"] == "Councillor Eddie Fennessy"


# --- planning lists and headings --------------------------------------------------------------

def test_planning_entry_one_field_per_paragraph():
    text = ("## 7. PLANNING\n\nThe following observations were agreed:\n\nE/40723\n\nConversion of Building to "
            "Residential Dwelling\n\nMaesygroes\n\nCapel Isaac\n\nS George\n\nNO OBJECTIONS\n\nE/40754\n\n"
            "Agricultural Storage Building\n\nMaescastell\n\nMr and Mrs Davies\n\nNO OBSERVATIONS\n")
    ds = found(text)
    assert [d["text"].split()[0] for d in ds] == ["E/40723", "E/40754"]
    assert ds[0]["text"].endswith("NO OBJECTIONS")


# --- outcome words ----------------------------------------------------------------------------

def test_outcome_words():
    assert outcome_of("A roll call vote took place to accept the recommendation. The results were as follows: Rejected.") == "lost"
    assert outcome_of("Request of Jane Roe to address Council (Communication) PLACED ON FILE") == "noted"
    assert outcome_of("Mr P. Corkery said the vote was carried.") == "carried"
    assert outcome_of("The Board of Directors votes in favour of adopting the Reimbursement Policy") == "adopted"


# --- not decisions ----------------------------------------------------------------------------

def test_corrections_history_and_certificates_are_not_decisions():
    assert found("Minute 64/17c should read: Cemetery fees – suggested fee increases were displayed. "
                 "These were unanimously agreed.") == []
    assert found("Ms. Kelly provided an account of the process since 18th November 2024 when Members resolved to "
                 "alter the Local Area Plan.") == []
    assert found("The Minutes were confirmed at a meeting of the Council held on\nDate •\nCathaoirleach:") == []
    assert found("It was acknowledged that meetings were carried out in a fair manner.") == []


def test_flattened_roll_call_table_after_the_motion():
    cells = "\n".join(["No.", "1", "2", "3", "4", "Councillor", "Ann Lee", "Bob Roe", "Cara Ní Bhriain", "Dan Moe",
                       "For", "1", "6", "Against", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "11",
                       "Abstain", "1", "1", "Absent", "1", "1", "Rejected.", "Reason", "•"])
    text = ("A roll call vote took place to accept the Chief Executive's recommendation in respect of Submission No. 3.\n"
            "The results of the roll call vote were as follows:\n" + cells.replace("1\n6", "1\n1\n1\n1\n1\n1\n6") + "\n")
    ds = found(text)
    assert len(ds) == 1
    assert tally(ds[0]) == (6, 11, 2) and ds[0]["outcome"] == "lost"


def test_table_tally_needs_its_printed_total():
    from ingest.votes import table_tally
    assert table_tally("For\n1\n1\n1\n3\nAgainst\n1\n1\nAbstain\nAbsent\n") .for_ == 3
    assert table_tally("For\n1\n1\n1\n5\nAgainst\n1\n") is None  # marks lost: the count is not trusted
    assert table_tally("Members present: 12\nApologies: 2\n") is None


def test_label_value_ends_with_its_line():
    from ingest.decisions import movers
    assert movers("Proposer: Councillor Maeve Yore\nSeconder: Councillor Kevin Callan\nHaving considered the report") \
        == ("Councillor Maeve Yore", "Councillor Kevin Callan")


def test_informal_motions_and_results():
    ds = found("Annual Meeting Minutes Approval: Bob P. motion to accept minutes, Mike K. seconded the motion. No Nays.\n\n"
               "Roads: new road signs will be put up in the next few months.\n\n"
               "Board requested a 3% increase in dues, member body approved, no dissent.\n")
    assert len(ds) == 2
    assert (ds[0]["mover"], ds[0]["seconder"]) == ("Bob P.", "Mike K.")
    assert "no dissent" in ds[1]["text"]


def test_member_opinion_and_consent_boilerplate_are_not_decisions():
    assert found("Councilor Schoen agreed that the number of questions should be pared down.") == []
    assert found("Consent Agenda: The following items were selected because they were considered to be routine and it "
                 "was reasonable to expect they would pass with no controversy.") == []


def test_contentment_of_the_councillors_is_agreement():
    ds = found("CC asked the Councillors present if they were content with the payments. All Councillors noted they "
               "were content.")
    assert len(ds) == 1 and ds[0]["text"].startswith("CC asked")


def test_voted_in_capitals_is_approval():
    assert outcome_of("MOTION: President Roe moved, second by Councilor Lee to grant the exceptions requested by the Town "
                      "Manager. VOTED Unanimously by roll call to grant the exceptions requested for the proposed adopted "
                      "budgets.") == "approved"
    assert outcome_of("VOTED unanimously to refer the matter to the Finance Committee.") != "approved"


def test_a_person_noting_amendments_is_not_a_decision():
    assert found("CC noted the following amendments:") == []
