"""Does the evidence record the act, choice or meeting a question presupposes?

"Who seconded the motion to adjourn the meeting of March 16?", "which bank did they decide to
move to?", "what did the board decide about the buses?", "who did the members elect to
replace X?": such questions presuppose an event. Evidence from another meeting, about another
motion, saying the choice is still to be made, recording no outcome, or recording no such act
does not answer them, however close in meaning. rag/topic_cover.py applies these checks to the
evidence the engine's refusal rests on. None is fitted; each is measured by eval/ablate.py and
tests/test_refusal_checks.py.
"""
from __future__ import annotations

import re
from datetime import date as _date
from typing import TYPE_CHECKING

from .question import rule

if TYPE_CHECKING:
    from .question import Question

# --- the meeting the question dates ------------------------------------------------------------

def meeting_gap(question: Question, evidence_date: str | None, meetings: list | None) -> str | None:
    """A question that dates its meeting to a day ("the special meeting of March 16, 2020") is
    not answered from another stored meeting, even one whose minutes mention that date (they
    approve its minutes or quote its declaration), when the dated meeting is itself stored."""
    ref = question.meeting
    if not (ref.meeting_on and ref.day and len(ref.months) == 1 and len(ref.years) == 1) or not meetings:
        return None
    try:
        asked = _date(ref.years[0], ref.months[0], ref.day).isoformat()
    except ValueError:
        return None
    if not any(getattr(m, "date", None) == asked for m in meetings) or evidence_date in (None, asked):
        return None
    return f"is from the meeting of {evidence_date}, not the one of {asked}"


# --- what was decided, not what was still to be decided ----------------------------------------

_PAST_CHOICE_Q = re.compile(r"^\s*(?:what|which)\s+(?:[\w'’-]+\s+){1,3}?did\b[^?]*\b(?:decide|choose|select|pick|make|"
                            r"allocate|award|agree|appoint|settle|opt)\b", re.I)
_UNDECIDED = re.compile(r"\bto (?:decide|be decided|be considered|be agreed|choose|be chosen|select)\b|"
                        r"\bsee (?:which|whether|if)\b|\b(?:not yet|yet to be|at a later (?:date|meeting)|"
                        r"further consideration)\b", re.I)
_SETTLED = re.compile(r"\b(?:agreed|resolved|decided|carried|approved|passed|adopted|accepted|rejected|refused|chose|chosen|"
                      r"selected|allocated|awarded|appointed|granted|endorsed|made|opted|voted)\b", re.I)


def undecided_gap(question: str, sentence: str) -> str | None:
    """"Which bank did they decide to move to?", "What allocations did the committee make?":
    evidence saying the choice is still to be made ("would talk to both banks and see which",
    "a special meeting will be held to decide on allocations") and recording no settled outcome
    does not answer a question presupposing it was made."""
    if not _PAST_CHOICE_Q.search(question) or not _UNDECIDED.search(sentence) or _SETTLED.search(sentence):
        return None
    return "the choice is still to be made there"


# --- evidence that records the act asked about ---------------------------------------------------

def _context(sentence: str, item: str, before: int = 300, after: int = 600) -> tuple[str, str]:
    """The item's text just before and just after the evidence (what a short line continues,
    what the discussion came to)."""
    at = item.find(sentence) if item else -1
    if at < 0:
        return "", ""
    return item[max(0, at - before): at], item[at + len(sentence): at + len(sentence) + after]


_MOTION_Q = re.compile(r"^\s*who\b[^?]*\b(?:second|move|moved|propos|made)\w*\b[^?]*?\b(?:motion|proposal|resolution)\s+"
                       r"(?:to|that the \w+)\s+([a-z]+)", re.I)


# "how many members voted to approve the Terms of Reference": the vote on that, not another
_VOTED_TO_Q = re.compile(r"\bvot(?:e|ed|es|ing)\s+(?:in favou?r of\s+|against\s+)?to\s+([a-z]{3,})", re.I)
# past forms a verb's stem does not share ("to hold the vote" / "a vote be held")
_IRREGULAR = {"hold": "held", "make": "made", "take": "took", "give": "gave", "pay": "paid", "sell": "sold",
              "buy": "bought", "meet": "met", "leave": "left", "keep": "kept", "bring": "brought", "send": "sent",
              "spend": "spent", "lend": "lent", "write": "wrote", "choose": "chose", "begin": "began", "build": "built"}


def _says_verb(verb: str, text: str) -> bool:
    """Is `verb` (as the question writes it) in `text` in some form?"""
    from .question import evidence_words, stem

    words = evidence_words(text)
    forms = {stem(verb), stem(_IRREGULAR.get(verb, verb))}
    return bool(forms & words) or any(w.startswith(f[:4]) for f in forms if len(f) >= 4 for w in words)


def motion_gap(question: str, sentence: str, item: str = "") -> str | None:
    """"Who seconded the motion to raise the hourly pay / to adjourn", "how many voted to approve
    the Terms of Reference": the evidence (with the lines before it, which a "second by X" line
    continues) must be the motion to do that - its verb said there in some form - not another
    motion or vote of the same meeting."""
    m = _MOTION_Q.search(question) or _VOTED_TO_Q.search(question)
    if not m:
        return None
    before, _ = _context(sentence, item)
    if _says_verb(m.group(1).lower(), f"{before} {sentence}"):
        return None
    return f"is another motion than the one to {m.group(1).lower()}"


_DECIDED_Q = re.compile(r"\b(?:what|which)\b[^?]*\b(?:decid|resolv|agree|adopt)\w*|^\s*(?:did|was|were)\b[^?]*\b(?:decid|resolv|"
                        r"agree|adopt)\w*", re.I)
_NOT_DECISION_Q = re.compile(r"\bvot(?:e|es|ed|ing)\b|\bhow\b|\bwhy\b|\bwho\b|\bwhen\b", re.I)
_RECORDED = re.compile(r"\b(?:noted|supported|adopted|approv\w*|consensus|unanim\w*|so ordered|motion|moved|defer\w*)\b", re.I)


def decision_gap(question: str, sentence: str, item: str = "", title: str = "") -> str | None:
    """"What did the board decide about the electric buses?": evidence recording no outcome at
    all - not in itself, the rest of its paragraph or its item's heading (a member's report of
    a bus tour, an agenda line announcing an executive session) - records no decision. (The
    outcome may follow the discussion: the engine then quotes it, rag/answer.py _outcome_after.)"""
    from .answer import _OUTCOME

    if not _DECIDED_Q.search(question) or _NOT_DECISION_Q.search(question):
        return None
    from .sentences import split_sentences

    _, after = _context(sentence, item)
    text = f"{title}\n{sentence}\n{after}"
    if not (_OUTCOME.search(text) or _RECORDED.search(text)):
        return "records no decision"
    if rule("cover_procedural") and not _ASKS_PROCEDURE.search(question):
        outcomes = [s for s in split_sentences(f"{sentence}\n{after}") if _OUTCOME.search(s) or _RECORDED.search(s)]
        if outcomes and all(_is_procedural(s) for s in outcomes):
            return "records only a motion on the meeting's procedure"
    return None


# Motions on how the meeting proceeds, not on the matter: going into executive or closed session
# or into committee, suspending standing orders, adjourning
_PROCEDURE = re.compile(r"adjourn\w*|\b(?:executive|closed|private) session\b|\bin committee\b|\bin camera\b|"
                        r"\bstanding orders?\b|\brecess\w*|\bexclu\w+ (?:the )?(?:press|public)\b", re.I)
# a question about the procedure itself ("did they adjourn", "why were standing orders suspended")
_ASKS_PROCEDURE = re.compile(r"\badjourn|\brecess|\bsuspen|\bstanding orders?\b|\b(?:go|went|gone|move|moved|enter\w*) into\b",
                             re.I)
# the words a motion's passage is recorded in ("The motion passed unanimously by acclamation.")
_VOTE_WORDS = set("""motion motions passed pass carried carry unanimously unanimous acclamation vote voted votes voting
seconded second moved move made approved approve adopted adopt by the a an and was were it with of on to in at for
all members present aye ayes nay nays yes no none against abstain abstained abstention abstentions roll call result
favour favor show hands""".split())


def _is_procedural(sentence: str) -> bool:
    """An outcome sentence about the meeting's procedure, or one recording only a motion's
    passage in vote words and names (which follows the procedural motion it passes)."""
    if _PROCEDURE.search(sentence):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence) if not w[0].isupper() or w.lower() in _VOTE_WORDS]
    return bool(words) and all(w.lower() in _VOTE_WORDS for w in words)


_ASK_TO_Q = re.compile(r"^\s*what did\b[^?]*\b(?:ask|request|urge|call(?:ed)? on|want|invite|encourage|press)\w*\b[^?]*?"
                       r"\bto\s+([a-z]{3,})", re.I)
_VAGUE_VERBS = {"do", "be", "have", "make", "take", "get", "give", "consider", "look", "act", "help", "see"}


def asked_to_gap(question: str, sentence: str, item: str = "") -> str | None:
    """"What did the presentation ask the council to fund?": evidence that does not say the
    thing asked for - the verb after "to", in some form, there or in what follows it - only
    says the presentation was given."""
    m = _ASK_TO_Q.search(question)
    if not m or m.group(1).lower() in _VAGUE_VERBS:
        return None
    _, after = _context(sentence, item)
    if _says_verb(m.group(1).lower(), f"{sentence} {after[:300]}"):
        return None
    return f"does not say what was asked to be {m.group(1).lower()}ed"


# Acts minutes record in set words, and the words they are recorded in: "who did the members
# elect to replace X" is answered by an election, not by thanks to X; "who is buying the
# property" by a sale, not by the motion approving the disposal.
_ACTS = (
    (re.compile(r"\belect|\bappoint|\bnominat|\bco-?opt|\bchos|\bchoose", re.I),
     re.compile(r"\belect|\bappoint|\bnominat|\bco-?opt|\bvot(?:e|ed|es|ing)\b|\bchose|\breturned\b|\bproposed\b", re.I)),
    (re.compile(r"\bbuy|\bbought|\bpurchas|\bacquir", re.I),
     re.compile(r"\bbuy|\bbought|\bpurchas|\bacquir|\bsale\b|\bsold\b|\bsell|\btransfer|\bdispos", re.I)),
    (re.compile(r"\breplac|\bsucceed|\btake over\b", re.I),
     re.compile(r"\breplac|\bsucceed|\btake over\b|\btook over\b|\btaking over\b|\belect|\bappoint|\bco-?opt|\bnew\b", re.I)),
)
_WHO_ACT_Q = re.compile(r"^\s*who(?:m)?\b(.*)$", re.I | re.S)


_ELECTED_Q = re.compile(r"\b(?:was|were|is|are|be|being|been)\s+(?:re-?)?(?:elected|appointed|co-?opted)\b", re.I)
_ELECTED = re.compile(r"\belect|\bappoint|\bco-?opt|\breturned\b|\bchosen\b", re.I)


def elected_gap(question: str, sentence: str, item: str = "") -> str | None:
    """"What was the vote count when X was elected Vice President?": evidence (with the lines
    before it) recording no election or appointment is about another vote - the confirmation
    of the minutes X proposed."""
    if _WHO_ACT_Q.match(question) or not _ELECTED_Q.search(question):
        return None
    before, _ = _context(sentence, item)
    return None if _ELECTED.search(f"{before} {sentence}") else "records no election"


def act_gap(question: str, sentence: str, item: str = "") -> str | None:
    """"Who did the members elect ...", "who is buying ...": evidence (with the lines before it)
    that records no such act in any of its usual words names someone for something else."""
    m = _WHO_ACT_Q.match(question)
    if not m:
        return None
    words = re.findall(r"[A-Za-z-]+", m.group(1))
    while words and words[0].lower() in ("is", "was", "were", "are", "will", "would", "has", "had", "have", "be", "been",
                                          "being", "to"):
        words = words[1:]
    if not words:
        return None
    # the act is the verb after "who" ("who seconded the nomination" asks who seconded), or with
    # "who did the members elect" any verb of the rest
    asked_in = " ".join(words[1:]) if words[0].lower() == "did" else words[0]
    before, _ = _context(sentence, item)
    for asked, said in _ACTS:
        if asked.search(asked_in) and not said.search(f"{before} {sentence}"):
            return "records no such act"
    return None


_FINDINGS_Q = re.compile(r"\bwhat (?:did|does|do|will|would|has|had)\b[^?]*?\b(?:say|conclude|find|found|recommend|report|"
                         r"show|reveal|state)\b", re.I)
_PENDING = re.compile(r"\bdue to be (?:published|released|received|presented|considered|reported|issued)\b|"
                      r"\b(?:was|is|are|were) (?:still )?awaited\b|\bnot yet (?:been )?(?:published|released|received|"
                      r"available|reported|issued)\b|\bwould be (?:published|presented|reported|brought) (?:to|at|in)\b|"
                      r"\bto be (?:included|considered|presented|brought) (?:on|at|to)\b", re.I)


def pending_gap(question: str, sentence: str) -> str | None:
    """"What did the inspection conclude?": evidence that the report is still to come ("was due
    to be published on 12 January", "to be included on the agenda for 15 February") says when
    it will be heard, not what it found."""
    if not _FINDINGS_Q.search(question) or not _PENDING.search(sentence):
        return None
    return "says the report is still to come, not what it found"
