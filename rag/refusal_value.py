"""Is the value a question asks for in the evidence, in the form and of the kind asked?

Unanswerable questions on real minutes are mostly near misses: the evidence is about what was
asked but lacks the value asked for. Each check here reads, from the question's wording alone,
the form or kind of value asked for and looks for it in the evidence: a phone number, a time
of day, a calendar day, a sum of money ("how much will X receive"); a count rather than an item
label; a sum of the kind asked (what something cost, not the quotations received or the money
raised); the kind of vote counted; the number the question names its subject by; someone the
question does not already name; a name for "which bank / venue / supplier"; things named rather
than counted vaguely ("several districts"). rag/topic_cover.py applies them to the evidence the
engine's refusal rests on. None is fitted (hand-written general wording); each is measured by
eval/ablate.py and tests/test_refusal_checks.py.
"""
from __future__ import annotations

import re

# --- the form of the value ----------------------------------------------------------------------
# "what is the phone number of the nurse line" -> "New nurse health advice line is available 6
# hours per week"; "on which dates will the council meet" -> "To agree a schedule of meetings"

_PHONE_Q = re.compile(r"\b(?:tele)?phone\b|\bcontact number\b|\bhelp ?line number\b", re.I)
_PHONE = re.compile(r"(?<![\d£$€.,])\+?\(?\d{2,5}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?![\d.,]*\d)")
_EMAIL_Q = re.compile(r"\be-?mail address\b", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b|\[at\]|\(at\)")
_TIME_Q = re.compile(r"\bwhat time\b|\bat what hour\b", re.I)
_CLOCK = re.compile(r"\b(?:[01]?\d|2[0-3])[.:][0-5]\d\b|\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.?|p\.m\.?)(?![a-z])|"
                    r"\b(?:noon|midday|midnight|o['’]clock)\b|\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs|hours|h)\b|"
                    r"\b(?:at|from|until|till|by)\s+(?:[01]\d|2[0-3])[0-5]\d\b", re.I)
# "on what date", "which dates": a calendar day, not a month or a year
_DAY_Q = re.compile(r"\b(?:what|which)\s+(?:exact\s+|specific\s+)?(?:dates?|days?)\b", re.I)
_M = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DAY = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}|\b{_M}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
                  r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|"
                  r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|\b(?:first|second|third|fourth|last)\s+\w+day\b", re.I)
# "how much will X receive": a sum of money, unless the question measures something else
_HOW_MUCH = re.compile(r"\bhow much\b(?!\s+(?:of|time|land|space|water|longer|more|less|lower|higher|greater|bigger|"
                       r"smaller|fewer|faster|notice|weight|progress|work|interest|support|detail|rain|waste|traffic|"
                       r"energy|electricity|power|capacity|area)\b)", re.I)
# a share, a change or a number of things is measured in other units than money
_SHARE_Q = re.compile(r"\bpercent|\bper ?cent\b|\bproportion\b|\bshare\b|\bfraction\b|%|\bnumber of\b|"
                      r"\b(?:rise|rose|risen|increas|decreas|fall|fell|fallen|grow|grew|grown|drop|reduc|chang)\w*", re.I)
_MONEY = re.compile(r"[£$€¥]\s?\d|\d\s?(?:[£$€]|eur\b|euros?\b|pounds?\b|dollars?\b|pence\b|cents?\b|p\b|k\b|m\b|"
                    r"million\b|bn\b|billion\b)|\b(?:GBP|USD|EUR|CAD|AUD|NZD|SGD)\s?\d|\bfree of charge\b|"
                    r"\b[a-z]+\s+(?:dollars?|pounds?|euros?|pence|cents?)\b|\d\s?%|\bper ?cent\b|"
                    r"\b(?:at )?no (?:cost|charge)\b|\bnil\b", re.I)

# "what tax ratio": a ratio is written as a decimal, "1:8", "3 to 1" or a share, not a list number
_RATIO_Q = re.compile(r"\bratios?\b", re.I)
_RATIO = re.compile(r"\d+\.\d+|\b\d+\s?:\s?\d+\b|\d\s?%|\bper ?cent\b|\b\w+\s+to\s+(?:one|\d+)\b|\btimes\b|\bfold\b",
                    re.I)


def value_gap(question: str, sentence: str) -> str | None:
    """Why `sentence` lacks the form of value the question asks for: a phone number, an
    e-mail address, a time of day ("at what time did the meeting end"), a calendar day ("on
    which dates"), a sum of money ("how much will X receive"), a ratio ("what tax ratio"). None
    when it has it or the question asks for none of these."""
    if _PHONE_Q.search(question) and re.search(r"\bnumber\b", question, re.I) and not _PHONE.search(sentence):
        return "gives no phone number"
    if _EMAIL_Q.search(question) and not _EMAIL.search(sentence):
        return "gives no e-mail address"
    if _TIME_Q.search(question) and not _CLOCK.search(sentence):
        return "gives no time of day"
    if _DAY_Q.search(question) and not _DAY.search(sentence):
        return "gives no date"
    if _HOW_MUCH.search(question) and not _SHARE_Q.search(question) and not _MONEY.search(sentence):
        return "gives no sum of money"
    if _RATIO_Q.search(question) and not _RATIO.search(sentence):
        return "gives no ratio"
    return None


# --- someone not already named in the question ------------------------------------------------

_HONORIFIC = re.compile(r"^(?:Councill?or|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Council ?[Mm]ember|"
                        r"Board [Mm]ember|Member|Director|Commissioner|Trustee|Supervisor|Alderman|Mayor|Deputy|"
                        r"Treasurer|Secretary|Clerk|Chair\w*|Vice|President)\.?$")


_HONORIFIC_ONLY = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Cllr|Miss)\.?$")


def _question_words(question: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z’'\-]*", question)} | \
        {re.sub(r"[’']s$", "", w.lower()) for w in re.findall(r"[A-Za-z][A-Za-z’'\-]*", question)}


def _is_new_name(name: str, qwords: set[str]) -> bool:
    """A name holding a word the question does not ("Mr Rincones Rodriguez" is not new for a
    question about Victor Rincones Rodriguez; "Higginstown Granard" not for one about Higginstown)."""
    words = [re.sub(r"[’']s$", "", w) for w in re.findall(r"[A-Za-z][A-Za-z’'\-]*", name)]
    words = [w for w in words if not _HONORIFIC.match(w) and len(w) > 1]
    return any(w.lower() not in qwords for w in words)


_WHO_Q = re.compile(r"^\s*who(?:m)?\b|\bby whom\b|\bwho (?:is|was|were|will|did)\b", re.I)


def new_name_gap(question: str, kind: str, sentence: str, common: set[str]) -> str | None:
    """A "who" question is answered by someone the question does not already name: evidence whose
    only names are the question's own people or places (the person being replaced, thanked or
    quoted; the property's address) names no one new. Roles are left to the engine's own check."""
    from .question import _NOT_NAME_WORDS, _OFFICE, _OFFICE_LABEL, _ROLE, _person_name_matches, _subject_names, stem

    if kind not in ("who", "name") or not _WHO_Q.search(question):
        return None
    qwords = _question_words(question)
    found = list(_person_name_matches(sentence, common))
    # "Chair’s Updates", "Panels’ Reports" are headings, not names: a role word in the possessive
    names = [m.group(0) for m in found
             if not any(re.sub(r"s?[’']s?$", "", w).lower() in _NOT_NAME_WORDS for w in m.group(0).split()
                        if re.search(r"[’']s?$", w))]
    names += [m.group(1) for m in _subject_names(sentence, question, common)]
    if any(_is_new_name(n, qwords) for n in names):
        return None
    # a role counts unless it is the question's own or the title of a name already read ("Mr X")
    qstems = {stem(w) for w in qwords}
    roles = [m.group(0) for rx in (_ROLE, _OFFICE) for m in rx.finditer(sentence)
             if m.group(0).lower() not in qwords and stem(m.group(0).lower()) not in qstems
             and not _HONORIFIC_ONLY.match(m.group(0))]
    if roles or _OFFICE_LABEL.search(sentence):
        return None
    from .question import _initials_cell, rule

    if rule("initials_cell") and _initials_cell(sentence, question):
        return None  # an action table's owner cell ("... | SR | Not done") names them by initials
    return "names no one the question does not already name"


# --- a named thing for "which bank / venue / supplier" ----------------------------------------

_NAMED_THING_Q = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(venues?|banks?|insurers?|insurance compan\w+|"
                            r"compan(?:y|ies)|firms?|suppliers?|contractors?|consultan(?:ts?|cy|cies)|providers?|"
                            r"hotels?|locations?|premises|buildings?|halls?|architects?|solicitors?|auditors?|"
                            r"accountants?|developers?|operators?|vendors?)\s+"
                            r"(?=(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|should|in|on|at|for|"
                            r"of|from|to)\b)", re.I)


def named_thing_gap(question: str, sentence: str, common: set[str]) -> str | None:
    """"Which bank / venue / training providers": the evidence must name one (a capitalised name
    the question does not hold and the meeting does not write in lower case), not describe it
    again ("held in Bangalore ... at Bangalore", "presented the Training Panel")."""
    from .question import _NOT_NAME_WORDS

    if not _NAMED_THING_Q.search(question):
        return None
    qwords = _question_words(question)
    # the question's bodies by their initials ("CC" for Govan Community Council)
    initials = "".join(w[0] for w in re.findall(r"\b[A-Z][A-Za-z]+", question))
    # not the first word of a line or sentence, which any word may start with a capital; not a
    # body or role word ("the City Council" names no venue)
    for m in re.finditer(r"(?<=[A-Za-z0-9,;:)’']\s)[A-Z][A-Za-z’'&\-]*[A-Za-z]", sentence):
        w = re.sub(r"[’']s$", "", m.group(0)).lower()
        if m.group(0).isupper() and len(m.group(0)) <= 4 and m.group(0) in initials:
            continue
        if w not in qwords and w not in common and w not in _CALENDAR and w not in _NOT_NAME_WORDS:
            return None
    return f"names no {_NAMED_THING_Q.search(question).group(1).lower()}"


_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


# --- the sum of what was asked ------------------------------------------------------------------

# What a sum of money is, in the question and in the words just before each sum in the evidence:
# what something cost, a quotation for it, money raised, funding granted or applied for.
_SUM_ROLES = (
    ("quotation", re.compile(r"\bquot\w*|\bestimat\w*|\btenders?\b|\bbids?\b", re.I)),
    ("money raised", re.compile(r"\brais(?:e|ed|es|ing)\b|\bincome\b|\bdonat\w*|\bproceeds\b|\btakings\b|\bprofits?\b|"
                                r"\bearn\w*", re.I)),
    ("funding", re.compile(r"\bgrants?\b|\bfunding\b|\bapplications?\b|\ballocat\w*|\bawards?\b|\bcontribut\w*|"
                           r"\bsponsor\w*", re.I)),
    ("cost", re.compile(r"\bcost\w*|\bprice\w*|\bspen[dt]\w*|\bpa(?:y|id|ying|yment)\b|\bcharg\w*|\bpurchas\w*|"
                        r"\bbought\b|\binvoice\w*|\bexpenditure\b|\bfees?\b", re.I)),
)
_SUM = re.compile(r"[£$€]\s?\d[\d,.]*|\d[\d,.]*\s?(?:euros?|pounds?|dollars?)\b", re.I)


def _sum_role(words: str) -> str | None:
    found = [name for name, rx in _SUM_ROLES if rx.search(words)]
    return found[0] if len(found) == 1 else None


def sum_role_gap(question: str, sentence: str) -> str | None:
    """"How much did X cost" / "how much did the yard sale raise": a sum the evidence gives as
    something else - quotations received, money raised, a funding application, a payment - is
    not the sum asked for (a budget is left out: minutes give it as expenditure). The question's
    kind of sum is read from its words (only when they name one kind), each sum's from the
    eight words before it; the check fails only when no sum reads as the kind asked and some
    reads as another kind."""
    if not re.search(r"\bhow much\b|\bwhat (?:was|is|were|will) the\b", question, re.I):
        return None
    # from the question's own words, not a name it gives ("the Group Income Protection scheme")
    asked = _sum_role(re.sub(r"\b[A-Z][\w'’-]*", " ", question[1:]))
    if asked is None:
        return None
    kinds = []
    for m in _SUM.finditer(sentence):
        before = " ".join(re.findall(r"\S+", sentence[: m.start()])[-8:])
        kinds.append(_sum_role(before))
    if not kinds or asked in kinds or not any(kinds):
        return None
    other = next(k for k in kinds if k)
    return f"gives a {other}, not the {asked} asked for"


# --- a count, not a label ----------------------------------------------------------------------

_LABEL_NUMBER = re.compile(r"(?:^|\n)\s*\(?\d{1,3}(?:\.\d{1,3})*[.)]?(?:[a-z][.)])?(?=\s|$)", re.I)


def count_gap(question: str, sentence: str) -> str | None:
    """"How many interview questions": the numbers that label a line ("7.d.", "3)", "4.2") or
    sit in the question count nothing; evidence left with no other number, number word or
    list gives no count."""
    from .question import quantities

    if not re.search(r"\bhow many\b", question, re.I):
        return None
    from .sentences import listed_entries

    if len(listed_entries(sentence)) >= 2:
        return None  # a list answers "how many" by its entries (rag/answer.py counts them)
    labels = [m.span() for m in _LABEL_NUMBER.finditer(sentence)]
    found = [q for q in quantities(sentence, question) if not any(a <= q[2][0] < b for a, b in labels)]
    return None if found else "gives no count"


_WHICH_HEAD = re.compile(r"^\s*(?:[Ww]hich|[Ww]hat)\s+(?:[A-Z][\w'’-]*\s+){0,3}?([a-z]+s)\b", re.M)
_VAGUE = r"(?:several|some|various|a number of|many|numerous|a few|certain|other|two|three|four|five)"


def vague_gap(question: str, sentence: str) -> str | None:
    """"Which districts have vacancies?" is not answered by "several districts have vacancies":
    the evidence speaks of the asked things by a vague number and names none after it."""
    m = _WHICH_HEAD.search(question)
    if not m:
        return None
    head = m.group(1).lower()
    v = re.search(rf"\b{_VAGUE}\s+(?:[a-z-]+\s+)?{re.escape(head[:-1])}\w*\b", sentence, re.I)
    if not v or re.search(r"\b[A-Z][a-z]+|:", sentence[v.end():]):
        return None
    return f"speaks of {v.group(0).lower()} without naming them"


_VOTE_KINDS = {
    "abstain": (re.compile(r"\babstain|\babstention", re.I), re.compile(r"\babstain|\babstention", re.I)),
    "against": (re.compile(r"\b(?:against|opposed|nays?|noes)\b|\bvoted no\b", re.I),
                re.compile(r"\b(?:against|opposed|nays?|noes|no)\b|\bdissent", re.I)),
}


def vote_kind_gap(question: str, sentence: str) -> str | None:
    """"How many abstentions were recorded?": a tally of the votes for and against says nothing
    of abstentions - the kind of vote counted must be in the evidence."""
    if not re.search(r"\bhow many\b", question, re.I):
        return None
    for kind, (asked, said) in _VOTE_KINDS.items():
        if asked.search(question) and not said.search(sentence):
            return f"records no {kind} votes"
    return None


_MEETING_NUMBER = re.compile(r"\b(?:meeting|session|sitting)\s*(?:#|no\.?|number)\s*(\d+)\b", re.I)


def number_gap(question: str, sentence: str, item: str = "", label: str = "", title: str = "") -> str | None:
    """A number of two or more digits the question names its subject by ("Resolution 259-2018",
    "the 40-unit scheme", "item 18") - not a year, a date or an ordinal - is in the evidence's
    item (its text, heading or number); evidence from an item without it is about another
    resolution or scheme."""
    from .question import _DATE, rule

    dates = [m.span() for m in _DATE.finditer(question)]
    if rule("meeting_number"):
        # "the CSAF TC meeting #10", "Meeting No. 12": the number names the meeting (which the
        # meeting match finds), not the subject the evidence must mention
        dates += [m.span(1) for m in _MEETING_NUMBER.finditer(question)]
    nums = [m.group(0) for m in re.finditer(r"(?<![\w.,/£$€-])\d[\d,./-]*\d(?![\w£$€%])", question)
            if not any(a <= m.start() < b for a, b in dates) and not re.fullmatch(r"(?:19|20)\d{2}", m.group(0))]
    if not nums:
        return None
    text = f"{label} {title} {item} {sentence}"
    missing = [n for n in nums if not re.search(rf"(?<!\d){re.escape(n)}(?!\d)", text)]
    return f"does not mention {missing[0]}" if missing else None
