"""The outcome a decision's text records (approved, adopted, carried, lost, refused, granted,
deferred, noted, referred, withdrawn, other): ordered rules, most specific first.
"""
from __future__ import annotations

import re

from .votes import _ROLL_NOTATION

# Outcome: the first rule that applies, most specific first.
_OUTCOME_RULES: list[tuple[str, re.Pattern]] = [
    ("withdrawn", re.compile(r"(?i)\bwithdr[ae]wn?\b|\bremoved\s+(?:[\w.]+\s+){0,3}from\s+the\s+agenda\b")),
    ("lost", re.compile(r"(?i)\b(?:motion|amendment|it|proposal)\b[^.]{0,80}?\b(?:failed|fails|defeated|lost|fell|not\s+carried|was\s+not\s+agreed)\b"
                        r"|^\s*(?:LOST|Lost|FAILED|Failed|DEFEATED|Defeated|REJECTED|Rejected)\b|(?-i:\b(?:REJECTED|Rejected)\s*\.?\s*$)|\bRESULT\s*:\s*(?:FAILED|DEFEATED|LOST)\b|\bwas\s+rejected\b|\bfailed\s+to\s+(?:gain|gather|carry|pass|receive)\b")),
    ("deferred", re.compile(r"(?i)\b(?:kiv|keep\s+in\s+view|defer(?:red|ral)?|postpone[d]?|adjourned\s+to\s+a\s+later|continue[d]?\s+(?:this\s+item\s+)?(?:to|until)\s+(?:the\s+)?(?:next|a\s+future|a\s+later)|"
                            r"tabled\s+(?:until|to|pending)|(?:to\s+)?table\s+(?:[\w’']+\s+){0,4}?(?:until|till)\b|leave\s+a\s+decision\s+until|(?:leave|keep|left|kept|remains?|stays?)\s+on\s+(?:the\s+)?agenda|(?:put\s+off|held\s+over|carried\s+(?:forward|over)|seasoned)\s+(?:until|till|to)|"
                            r"further\s+consideration\b[^.]{0,60}\b(?:next|later|future)|"
                            r"(?:will|to|would|shall)\s+be\s+(?:re)?(?:considered|discussed|revisited|reviewed)\s+(?:again\s+|further\s+)?(?:at|in)\s+(?:the\s+|a\s+)?(?:next|future|later|following)|(?:no\s+decision|nothing)\s+(?:could|would|can|will)\s+be\s+(?:decided|made|taken|agreed)(?:\s+upon)?\s+until|come\s*back\s+to|park\s+this|(?:decision|decide)\s+(?:at\s+)?(?:the\s+)?(?:next|september|october|later))\b")),
    ("referred", re.compile(r"(?i)\brefer(?:red|ral)?\s+(?:[\w,]+\s+){0,3}?(?:back\s+)?to\b|\b(?:task|matter)\s+to\s+be\s+considered\s+by\b")),
    ("refused", re.compile(r"(?i)\b(?:refused|refusal|to\s+refuse|den(?:y|ied|ial)|declined|not\s+to\s+(?:accept|support|approve|grant|proceed|join)|"
                           r"resolved\s+not\s+to|not\s+in\s+a\s+position\s+to|reject(?:ed)?\s+the\s+application)\b")),
    # the body content with what was put to it: "All Councillors noted they were content."
    ("approved", re.compile(r"(?i)\b(?:were|was)\s+(?:all\s+)?(?:content|happy|satisfied)\s*(?:with\b|\.|$)")),
    ("noted", re.compile(r"(?i)\b(?:noted|placed\s+on\s+file|receive[d]?\s+(?:,\s*|and\s+)?(?:and\s+)?file[d]?|received\s+for\s+information|received\s+and\s+noted|notes?\s+the|"
                         r"(?:received|reviewed)\s+the\s+(?:\w+\s+){0,3}(?:report|reports|update|information|presentation))\b")),
    ("granted", re.compile(r"(?i)\bgranted\b")),
    # the result as the officer announced it, whatever the motion's verb: "Mr X said the vote was carried"
    ("carried", re.compile(r"(?i)\b(?:said|declared|announced|confirmed)\s+(?:that\s+)?the\s+(?:vote|motion|proposal)\s+(?:was\s+|had\s+been\s+)?carried\b"
                           # the chair's result in the present tense, as chat-style minutes write it:
                           # "Unanimous consent, the motion carries, agenda approved": the result word wins
                           r"|\bthe\s+(?:motion|proposal|resolution)\s+carries\b")),
    # a policy, constitution, budget or by-law approved is adopted: "agreed to accept this revised policy"
    ("adopted", re.compile(r"(?i)\badopt(?:ed|ion|s)?\b|\bin\s+favou?r\s+of\s+adopting\b|\bhenceforth\b|\b(?:accept|approv|agree|in\s+agreement)\w*\s+(?:to\s+accept\s+|with\s+)?(?:the\s+|this\s+|these\s+)?"
                           r"(?:[\w\-’']+\s+){0,3}?(?:policy|policies|constitution|budget|by-?laws?|standing\s+orders|terms\s+of\s+reference)\b|\b(?:ordinance|by-?laws?|resolution)\b[^.]{0,100}\b(?:do\s+now\s+pass|hereby\s+passed|be\s+passed|passed)\b"
                           # a resolution making or fixing a financial instrument (a scheme, the rates, a precept,
                           # a levy) is adopted as a budget is: "That the Council makes a scheme for the waiver of rates"
                           r"|\b(?:makes?|made|apply|applies|fix(?:es)?|strikes?|levies)\s+(?:[\w’'\-]+\s+){0,5}?(?:schemes?|precepts?|levy|(?:tax\s+|annual\s+)?rates)\b"
                           r"|\b(?:rates|precept|levy|budget)\b[^.]{0,150}\bbe\s+(?:determined|fixed|struck|levied|set)\b")),
    ("approved", re.compile(r"(?i)\bbe\s+approved\b")),
    # a register row's result column reads like "carried": "MOTION: Accept X | Passed - 8 in favour"
    # "carried" as a result, not "a job evaluation is carried out" / "carried forward"
    ("carried", re.compile(r"(?i)\bcarried\b(?!\s+(?:out|forward|over|through)\b)|\|\s*passed\b")),
    ("approved", re.compile(r"(?i)\b(?:so\s+ordered|approv\w*|voted\s+(?:unanimously\s+)?to\s+(?!defer|postpone|table|refer|reject|deny|not\b)|votes?\s+in\s+favou?r\s+of|resolved\W+by\s+(?:an?\s+)?(?:unanimous\s+)?(?:ordinary|special|majority|unanimous)\b|agree[ds]?|agreement|accept(?:ed|s)?|confirm(?:ed)?|ratif\w+|endorse[d]?|resolved\s+to|"
                            r"(?:correct|true|accurate)\s+(?:record|account)|as\s+(?:correct|true)|\b(?:were|was)\s+(?:a\s+)?(?:correct|accurate|true)\b|true\s+and\s+correct|support\s+was\s+given|"
                            r"granted|consensus|general\s+consent|selected|instructed)")),
    ("carried", re.compile(r"(?i)\b(?:passed|passes|moved\s+\d|motion|vote|in\s+favou?r|unanimous(?:ly)?)\b")),
]


_READING = re.compile(r"(?i)\b(?:first|second|third|1st|2nd|3rd)\s+reading\b|\bread\s+(?:a|for\s+the)\s+(?:first|second|third)\s+time\b")
_UNDERTAKING = re.compile(
    r"^\W*(?!(?:The|This|It|All|Members|Councill?ors|Councilors|Council|Board|Committee|Trustees|Directors|Commissioners|"
    r"We|They|Everyone|Those|Meeting)\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:has\s+|had\s+)?(?:kindly\s+)?agreed\s+to\s+(?!the\b|this\b|that\b|these\b)[a-z]")


_AGREED_TO = re.compile(r"(?i)\b(?:agreed|resolved|decided)\s+(?:unanimously\s+)?(?:to|that)\b")


def outcome_of(text: str) -> str:
    """The outcome the decision's text records (see OUTCOMES), 'other' when none applies."""
    flat = re.sub(r"\s+", " ", text)
    if re.search(r"(?i)\b(?:was|were|is|are|be|been|duly)\s+(?:\w+\s+)?(?:elected|re-elected|nominated)\b|\belected\s+(?:unopposed|as|on)\b", flat) \
            and not re.search(r"(?i)\bmotion\b|\bapprov|^\W*(?:resolved|that)\b|\band\s+agreed\b|\bagreed\s+by\b", flat):
        return "other"
    # a member filling a seat (co-opted to a casual vacancy, elected to an office) after the body
    # agreed: "On the proposal of X, seconded by Y, and agreed by all, Z was co-opted to fill ..."
    if re.search(r"(?i)\bagreed\b[^.]{0,40},\s+(?:(?:Cllr|Councill?or|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][^.]{0,60}?\b(?:was|were)\s+(?:duly\s+|unanimously\s+)?"
                 r"(?:co-?opted|elected|re-elected)\b", flat) and not re.search(r"(?i)\bmotion\b|^\W*(?:resolved|that)\b", flat):
        return "other"
    if _READING.search(flat) and not _ROLL_NOTATION.search(flat) and not re.search(r"(?i)\b(?:failed|defeated|lost|withdrawn|deferred)\b", flat):
        return "other"  # an ordinance read a first/second/third time: a step in its passage, not its outcome
    if _UNDERTAKING.match(flat):
        return "other"  # "Willie agreed to phone the supplier": one person's undertaking, not the body's decision
    rn = _ROLL_NOTATION.search(flat)
    if rn and rn.group(1) and not re.search(r"\b(?:REFERRED|PLACED\s+ON\s+FILE|WITHDRAWN|CONTINUED)\b", flat):
        # "(Y-5) 184349", "(Y-5) CONFIRMED": action minutes' roll call; the majority decides
        return "approved" if int(rn.group(1) or rn.group(3)) > int(rn.group(2) or rn.group(4) or 0) else "lost"
    vm = re.search(r"\bVOTED\b(?:\s+(?i:unanimously|by\s+(?:a\s+)?(?:roll\s+call|majority|voice\s+vote)(?:\s+vote)?|\d+\s*[-–]\s*\d+)){0,3}\s+to\s+(?P<verb>[a-z]+)", flat)
    if vm and not re.match(r"(?i)adopt|refer|defer|postpone|deny|reject|table|continue|withdraw|receive|note", vm.group("verb")):
        return "approved"  # "VOTED Unanimously by roll call to grant the exceptions ...": the body's vote, recorded in capitals
    for name, pat in _OUTCOME_RULES:
        if pat.search(flat):
            if name == "noted" and _AGREED_TO.search(flat):
                return "approved"  # "noted the update and agreed that ...": agreeing to act is more than noting
            return name
    if re.match(r"(?i)^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:it\s+was\s+)?(?:resolved|decided)\b", flat):
        return "approved"  # "RESOLVED: That the Committee supports ..." puts its text into effect
    return "other"
