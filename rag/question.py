"""What a question asks for, and whether a sentence can supply it.

Scoring (rag/answer.py) finds sentences on the question's topic; these checks decide
whether a sentence can answer it at all. Minutes are full of sentences that are on topic
but lack the fact asked for: "two neighbouring authorities were offering £50 per hour"
names no authority, "the Independent Chairman introduced the report" names no one, "two
further bids were being considered" does not say whether they succeeded. Such a sentence
must not be offered as the answer, however close in meaning, or the engine would never
say "the minutes don't say". Each check is about the kind of answer (a count, a share, a
sum of money, a named person next to the role asked about, a vote, the labelled part of a
resolution), never about particular councils or documents.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_STOP = set("""a an the of to in on at for by with from and or but is are was were be been being do does did
what which who whom whose when where why how many much was were has have had it its this that these those there
their they them he she his her we our you your i me my any all some about into over under than then as so if not
no yes can could would should will shall may might must meeting meetings minutes committee panel council county
tell give say said says item items agenda please off up out roughly approximately around about""".split())

# Words that mean the same thing in minutes, mapped to one stem: "approved" is what
# "confirmed and signed as a correct record" says.
_SYNONYMS = {
    "approv": "approv", "approval": "approv", "confirm": "approv", "adopt": "approv", "endors": "approv",
    "ratifi": "approv", "ratify": "approv", "sign": "approv",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chairmen": "chair",
    "led": "lead", "leads": "lead", "dwelling": "home", "hous": "home", "house": "home", "told": "inform", "inform": "inform", "advis": "inform",
}

_MONTH_WORDS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|"
    rf"(?:{_MONTH_WORDS})|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"\d{1,2}[.:]\d{2}\s?(?:am|pm)|\d{1,2}\s?(?:am|pm)|(?:19|20)\d{2}(?:\s?[/-]\s?\d{2}\b)?|Q[1-4](?:[-\s](?:19|20)\d{2})?)\b",
    re.I,
)
# A quantity: optional currency, a number, optional unit. Dates are excluded by the caller.
_QUANTITY = re.compile(
    r"(?P<cur>[£$€])?\s?(?P<num>\d+(?:[.,]\d+)*)\s?(?P<unit>%|per\s?cent\b|percent\b|m\b|million\b|bn\b|billion\b|k\b)?",
    re.I,
)
_NUMBER_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|"
    r"half|a third|a quarter)\b", re.I)
_SHARE_WORDS = re.compile(r"\b(?:half|a third|two thirds|a quarter|three quarters|one in \w+|majority|minority)\b", re.I)
_ROLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Cllr|Councillors?|Chair(?:man|woman)?|Vice-Chair\w*|Director|Cabinet Members?|Chief Executive|"
    r"Officer|Leader|Commissioner|Manager|Head of|Advisor|Adviser|Lead|Scrutineer|Executive Member|Speaker)\b"
)
# Official roles whose holder a question can ask for ("who is the Independent Chair").
_OFFICE = re.compile(
    r"\b(?:vice[- ])?chair(?:man|woman|person|ed|s)?\b|\bdirector\b|\bchief executive\b|\bleader\b|\bmayor\b|"
    r"\bcommissioner\b|\bclerk\b|\b(?:executive|cabinet) member\b|\bportfolio holder\b|\bscrutineer\b|"
    r"\bhead of \w+|\bmonitoring officer\b|\bsection 151 officer\b",
    re.I,
)
_NAME_WORD = r"[A-Z][A-Za-z’'\-]*[a-z]"
_CAPS_RUN = re.compile(rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD})+\b|\b[A-Z]\.?\s{_NAME_WORD}\b")
# A title makes the next capitalised word a name even where the meeting uses it in lower case.
_TITLED = re.compile(rf"\b(?:Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Professor|Prof\.?|Sir|Dame|Lord|Lady)\s+"
                     rf"(?:[A-Z]\.?\s)?{_NAME_WORD}(?:\s+{_NAME_WORD})?")
_DECISION = re.compile(r"\b(?:resolved|agreed|approved|decided|noted|supported|endorsed|confirmed|refused|granted|carried)\b", re.I)
_VOTE_EVIDENCE = re.compile(
    r"\bunanim|\bvot(?:e|ed|es|ing)\b|\bin favour\b|\bagainst\b|\babstain|\babstention|\bcarried\b|\blost\b|"
    r"\bnem\.?\s?con\b|\bshow of hands\b|\bmajority\b|\b(?:for|ayes?|noes?|yes|no)\s*[:\-]?\s*\d{1,3}\b|"
    r"(?<![\d/])\b\d{1,3}\s?[-–:]\s?\d{1,3}\b(?![\d/])(?!\s*(?:am|pm))",
    re.I,
)
_MULTI = re.compile(r"\b(?:which|what|how many|list|all)\s+(?:\w+\s+){0,2}(?:meetings|committees|panels|items|times)\b|"
                    r"\bacross (?:the )?meetings\b|\bover time\b|\bhow often\b", re.I)
_MEETING_DECISIONS = re.compile(
    r"\b(?:main|key|all(?: the)?|principal)\s+(?:decisions|resolutions|outcomes)\b|"
    r"\bwhat (?:was|were) (?:decided|resolved|agreed) (?:at|by) (?:the|its|their)\b[^?]*\bmeeting\b|"
    r"\bwhat did (?:the|it|they)\b[^?]{0,80}\b(?:decide|resolve|agree) at (?:the|its|their)\b[^?]*\bmeeting\b",
    re.I,
)
_ENTITY_HEAD = re.compile(
    r"\bwhich (?:\w+\s){0,2}?(councils?|authorit(?:y|ies)|organisations?|bodies|body|agencies|schools?|areas?|"
    r"districts?|places?|companies|providers?|wards?|towns?|villages?|parish(?:es)?|partners?|sites?|roads?|streets?|"
    r"charities|trusts?|contractors?|developers?|businesses|premises|groups?)\b|"
    r"\bwhich (?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:\w+\s)?(\w+s)\b", re.I)
# Labelled parts a question can point at: "part b) of the resolution", "recommendation 4".
_REFERENCE = re.compile(
    r"\b(part|paragraph|para|recommendation|section|option|appendix|annex|phase|pillar|stage|point)\s+"
    r"\(?([a-z]|\d{1,3}[a-z]?|[ivx]{1,4})\)?(?=[\s,.;:?!]|$)", re.I)
_FIGURE_WORDS = r"(?:percentage|proportion|share|number|amount|rate|figure|costs?|sum|price|budget|total|overspend|underspend|deficit|surplus|savings?|spend)"
_NUMBER_QUESTION = re.compile(
    rf"\bhow (?:many|much)\b|\bhow (?:big|large|high|low)\b|\bwhat (?:[\w'’]+\s){{0,2}}?{_FIGURE_WORDS}\b|"
    rf"\bwhat (?:is|was|are|were|will be) (?:the )?(?:[\w'’/-]+\s){{0,4}}?{_FIGURE_WORDS}\b|"
    r"\b(?:rise|rose|risen|fall|fell|fallen|increase|decrease|drop|grow|grew|grown)\w*\s+(?:to|by)\b(?!\s+(?:the|a|an)\b)")
_LOCATOR = re.compile(
    r"\b([A-Z][A-Za-z-]+)(?:['’]s\b|(?=\s+(?:[A-Za-z'’&-]+\s+){0,3}?(?i:panel|committee|council|board|cabinet|"
    r"scrutiny|select)\b))")
_COPULAR = re.compile(r"^\s*(?:was|were|is|are)\b", re.I)
_PREDICATE_WORD = re.compile(
    r"(?:ed|en|ful|ive|able|ible|ous|ent|ant|ary|ic|al)$|^(?:made|done|held|given|taken|met|set|won|lost|paid|sent|"
    r"kept|told|heard|shown|agreed|approved|unanimous)$")
_ASKS_HOLDER = re.compile(
    r"\bwho\s+(?:is|was|are|were)\s+(?:the|in the)\b|\bwho\s+(?:chairs|chaired|heads|headed)\b|\bnames? of the\b|\bwhich\b",
    re.I)
_TRAILING_LOCATOR = re.compile(
    rf"\s+(?:at|in|on|during|by|for)\s+(?:the|its|their|a)?\s*[^?]*?(?:meeting|panel|committee|board|cabinet|\d{{4}}|{_MONTH_WORDS})\s*$",
    re.I)

_GENERIC_CAPS = set("""What Which Who Whom Whose When Where Why How Did Does Do Was Were Is Are Has Have Had Can Could
Would Should Will The A An In On At For Of And Or To From By With It Its This That These Those There Their They
Council County City Borough District Committee Panel Board Meeting Meetings Minutes Members Member Councillor
Councillors Cabinet Chair Chairman Item Items Agenda Scrutiny Overview Select January February March April May June
July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
# Capitalised role and body words: "Independent Chairman", "Partnership Board" name no one.
_NOT_NAME_WORDS = set("""independent chair chairman chairwoman chairperson vice deputy director directors officer officers
member members executive chief cabinet council councils committee panel board partnership report annual head lead
service services team department authority county city borough district government trust group forum programme
scrutiny overview safeguarding children adult adults families family care social health education""".split())
_CALENDAR_WORDS = set(_MONTH_WORDS.lower().split("|")) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@dataclass(frozen=True)
class QuestionProfile:
    """What kind of answer a question needs; built once per question by `profile`."""

    text: str
    kind: str  # meeting_decisions | multi | number | date | name | who | entity | decision | general
    number_kind: str | None = None  # count | percent | money (number questions)
    offices: tuple[str, ...] = ()  # roles whose holder is asked for: the answer must name someone beside one
    entity_head: str | None = None  # "authorities" in "which two neighbouring authorities"
    references: tuple[tuple[str, str], ...] = ()  # ("part", "b"), ("recommendation", "4")
    vote: bool = False  # "how did councillors vote": needs a vote, not just a resolution
    predicate: str | None = None  # "successful" in "were the bids successful?"
    entities: tuple[str, ...] = ()  # names in the question the evidence's meeting must mention
    words: tuple[str, ...] = ()  # the question's keywords, stemmed
    locators: tuple[str, ...] = ()  # names that place the meeting: "Middlesbrough's", "the Worcestershire panel"


def question_type(q: str) -> str:
    ql = q.lower()
    if _MEETING_DECISIONS.search(q):
        return "meeting_decisions"
    if _MULTI.search(q):
        return "multi"
    if _NUMBER_QUESTION.search(ql):
        return "number"
    if re.search(r"\bwhen\b|\bwhat (?:date|day|time|month|year)\b|\bnext meeting\b|\bdate of\b", ql):
        return "date"
    if re.search(r"\b(?:what (?:is|was|are|were) the names? of|names? of the)\b", ql):
        return "name"
    if re.search(r"\bwho\b|\bwhose\b|\bwhich (?:councillors?|members?|officers?|person|people|executive member)\b|\bapologies\b|\battend|\bin the chair\b", ql):
        return "who"
    if _ENTITY_HEAD.search(q):
        return "entity"
    if re.search(r"\b(?:decid|decision|resolv|resolution|agree|approv|outcome|vote|recommend)|\bdo (?:with|about)\b", ql):
        return "decision"
    return "general"


def profile(question: str) -> QuestionProfile:
    kind = question_type(question)
    ql = question.lower()
    number_kind = None
    if kind == "number":
        if re.search(r"\b(?:percentage|proportion|share|fraction)\b|\bhow much of\b|\bper ?cent\b", ql):
            number_kind = "percent"
        elif re.search(r"\bhow many\b|\bwhat number\b", ql):
            number_kind = "count"
        elif re.search(r"£|\bcost|\bspen[dt]|\boverspen|\bunderspen|\bbudget|\binvest|\bfund|\bdeficit|\bsavings?\b|"
                       r"\bgrant\b|\bfees?\b|\bprice|\bpaid\b|\bpay\b|\bmoney\b|\bamount\b", ql):
            number_kind = "money"
    offices: tuple[str, ...] = ()
    if kind in ("who", "name") and _ASKS_HOLDER.search(question):
        offices = tuple(dict.fromkeys(_office_stem(m.group(0)) for m in _OFFICE.finditer(question)))
    head = None
    if kind == "entity":
        m = _ENTITY_HEAD.search(question)
        head = (m.group(1) or m.group(2)).lower() if m else None
    predicate = None
    if _COPULAR.match(question):
        # "Were the bids successful?", "Was the report noted by Cabinet?": the participle or
        # adjective near the end is what the evidence must state (or deny).
        core = re.findall(r"[A-Za-z]+", _TRAILING_LOCATOR.sub("", question.rstrip(" ?")))
        for w in reversed(core[2:][-4:]):
            if _PREDICATE_WORD.search(w.lower()) and w.lower() not in _STOP:
                predicate = w.lower()
                break
    return QuestionProfile(
        text=question, kind=kind, number_kind=number_kind, offices=offices, entity_head=head,
        references=tuple((k.lower(), v.lower()) for k, v in _REFERENCE.findall(question)),
        vote=bool(re.search(r"\bvot(?:e|ed|es|ing)\b", ql)), predicate=predicate,
        entities=tuple(question_entities(question)), words=tuple(dict.fromkeys(keywords(question))),
        locators=tuple(dict.fromkeys(m.group(1) for m in _LOCATOR.finditer(question))),
    )


def _office_stem(role: str) -> str:
    role = role.lower()
    return "chair" if "chair" in role else role


def question_entities(question: str) -> list[str]:
    """Names in the question (places, bodies, people) that the evidence's meeting must mention.
    The first word is skipped: a capital there marks the sentence start, not a name."""
    out = []
    for m in re.finditer(r"\b[A-Z][A-Za-z]+(?:[-'’][A-Za-z]+)*", question):
        if not question[: m.start()].strip():
            continue
        base = re.sub(r"[’']s$", "", m.group(0))
        if base in _GENERIC_CAPS or len(base) < 3:
            continue
        out.append(base)
    return out


# --- words -----------------------------------------------------------------------------


def initialisms(text: str) -> dict[str, str]:
    """Initials of the multi-word names in `text`: "Worcestershire Children First" -> WCF, so a
    question that spells a body out still meets minutes that only use its initials."""
    out = {}
    for m in re.finditer(r"\b[A-Z][a-z]+(?:\s+(?:and\s+|of\s+|for\s+|&\s+)?[A-Z][a-z]+)+", text):
        words = m.group(0).split()
        full = "".join(w[0] for w in words if w not in ("&",)).upper()
        short = "".join(w[0] for w in words if w[0].isupper())
        for abbr in {full, short}:
            if len(abbr) >= 2:
                out[abbr] = m.group(0)
    return out



def stem(w: str) -> str:
    if w in _SYNONYMS:
        return _SYNONYMS[w]
    for suf in ("ing", "ers", "ies", "ied", "es", "ed", "er", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            w = w[: -len(suf)]
            break
    return _SYNONYMS.get(w, w)


def keywords(text: str) -> list[str]:
    """Content words, stemmed."""
    return [stem(w) for w in re.findall(r"[a-z0-9£%]+", text.lower()) if w not in _STOP and len(w) > 1]


def evidence_words(text: str) -> set[str]:
    """A sentence's keywords plus adjacent word pairs joined ("case load" also gives
    "caseload"), so a question's compound still meets the minutes' two words."""
    words = re.findall(r"[a-z0-9£%]+", text.lower())
    joined = [stem(a + b) for a, b in zip(words, words[1:]) if a.isalpha() and b.isalpha() and len(a) > 2 and len(b) > 2]
    return set(keywords(text)) | set(joined)


def person_names(text: str, common: set[str]) -> list[str]:
    """Runs of capitalised words none of which the meeting also uses in lower case:
    'John Francis' is a name, 'Safe and Strong Communities' is not."""
    return [m.group(0) for m in _person_name_matches(text, common)]


def _person_name_matches(text: str, common: set[str]) -> list[re.Match]:
    out = list(_TITLED.finditer(text))
    for m in _CAPS_RUN.finditer(text):
        if any(t.start() <= m.start() < t.end() for t in out):
            continue
        words = re.findall(r"[A-Za-z’'\-]+", m.group(0))
        if any(w.lower() in _NOT_NAME_WORDS for w in words):
            continue
        if all(w.lower() not in common for w in words if len(w) > 1):
            out.append(m)
    return out


def _proper_words(text: str, question: str, common: set[str]) -> list[re.Match]:
    """Capitalised words inside a sentence (not its first word) that name something new:
    not in the question, not words the meeting uses in lower case, not months or days."""
    ql = question.lower()
    out = []
    for m in re.finditer(r"(?<=[a-z,;:]\s)[A-Z][A-Za-z’'\-]+", text):
        w = m.group(0).lower()
        if w not in ql and w not in common and w not in _CALENDAR_WORDS:
            out.append(m)
    return out


def _near(text: str, anchors: list[tuple[int, int]], targets: list[tuple[int, int]], before: int = 6, after: int = 8) -> bool:
    """Is some target span within `before` words before or `after` words after an anchor span?"""
    starts = [m.start() for m in re.finditer(r"\S+", text)]

    def word_index(pos: int) -> int:
        return max(bisect_right(starts, pos) - 1, 0)

    for a0, a1 in anchors:
        ai, aj = word_index(a0), word_index(max(a0, a1 - 1))
        for t0, t1 in targets:
            ti, tj = word_index(t0), word_index(max(t0, t1 - 1))
            if ai - before <= tj and ti <= aj + after:
                return True
    return False


# --- checks ----------------------------------------------------------------------------


def _date_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DATE.finditer(text)]


def quantities(text: str, question: str = "") -> list[tuple[str, str, tuple[int, int]]]:
    """(kind, text) of each number in `text` that is not part of a date and not already in the
    question: kind is money (£5,000, £8.9m), percent (20%, 60 per cent) or count (16, two)."""
    ql = question.lower()
    dates = _date_spans(text)
    out = []
    for m in _QUANTITY.finditer(text):
        if not m.group("num") or any(a <= m.start("num") < b for a, b in dates):
            continue
        whole = m.group(0).strip()
        if whole.lower() in ql or re.search(rf"(?<![\d.,]){re.escape(m.group('num'))}(?![\d.,]?\d)", ql):
            continue
        unit = (m.group("unit") or "").lower().replace(" ", "")
        if m.group("cur") or unit in ("m", "million", "bn", "billion", "k"):
            kind = "money"
        elif unit in ("%", "percent"):
            kind = "percent"
        else:
            kind = "count"
        out.append((kind, whole, (m.start(), m.end("unit") if m.group("unit") else m.end("num"))))
    for rx in (_NUMBER_WORDS, _SHARE_WORDS):
        for m in rx.finditer(text):
            if m.group(0).lower() not in ql:
                out.append(("percent" if _SHARE_WORDS.fullmatch(m.group(0)) else "count", m.group(0), m.span()))
    return out


def _word_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the words of `text` whose stem is one of `words`."""
    wanted = set(words)
    return [m.span() for m in re.finditer(r"[A-Za-z0-9£%]+", text) if stem(m.group(0).lower()) in wanted]


def _new_matches(rx: re.Pattern, text: str, question: str) -> list[str]:
    """Matches of rx in text that the question does not already contain."""
    ql = question.lower()
    return [m.group(0) for m in rx.finditer(text) if m.group(0).strip().lower() not in ql]


def evidence_gap(p: QuestionProfile, text: str, common: set[str]) -> str | None:
    """Why `text` cannot answer the question (None when it can). `common` holds the words
    the meeting uses in lower case, which tells names from ordinary capitalised words."""
    question = p.text
    if p.kind == "number":
        found = quantities(text, question)
        if not found:
            return "no new figure"
        if p.number_kind and not any(k == p.number_kind for k, _, _ in found):
            return f"no {p.number_kind} figure"
        if p.number_kind == "count" and not any(_near(text, [span], _word_spans(text, p.words), before=6, after=6)
                                                for k, _, span in found if k == "count"):
            # "how many children": a count says what it counts ("900 children", "16 young people")
            return "no count of what is asked"
    elif p.kind == "date":
        if not _new_matches(_DATE, text, question):
            return "no new date"
    elif p.kind in ("who", "name"):
        ql = question.lower()
        names = [m for m in _person_name_matches(text, common) if m.group(0).lower() not in ql]
        if p.offices:
            anchors = [m.span() for m in _OFFICE.finditer(text) if _office_stem(m.group(0)) in p.offices]
            if not anchors or not _near(text, anchors, [m.span() for m in names]):
                return f"names no one as {', '.join(p.offices)}"
        elif p.kind == "name" and not names:
            return "no personal name"
        elif not names and not _new_matches(_ROLE, text, question):
            return "no person or role"
    elif p.kind == "entity":
        proper = _proper_words(text, question, common)
        if not proper:
            return "names nothing new"
        if p.entity_head:
            head = re.compile(rf"\b{re.escape(stem(p.entity_head)[:6])}\w*", re.I)
            anchors = [m.span() for m in head.finditer(text)]
            if anchors and not _near(text, anchors, [m.span() for m in proper]):
                return f"mentions the {p.entity_head} without naming them"
    if p.vote and not _VOTE_EVIDENCE.search(text):
        return "records no vote"
    for kind, label in p.references:
        if not _has_reference(text, kind, label):
            return f"no {kind} {label}"
    if p.predicate:
        words = evidence_words(text)
        pred = stem(p.predicate)
        if pred not in words and not any(w.endswith(pred) and len(pred) > 4 for w in words):
            return f"does not say whether {p.predicate}"
    return None


def _has_reference(text: str, kind: str, label: str) -> bool:
    if re.search(rf"\b{kind}\w*\s+\(?{re.escape(label)}\b", text, re.I):
        return True
    # a lettered part is written "b)" or "(b)" in the resolution itself, and must say something
    # ("b) ... view the full minutes text" does not)
    if not (len(label) == 1 and label.isalpha()):
        return False
    for m in re.finditer(rf"(?:^|[\s(]){re.escape(label)}\)([^\n]*)", text, re.I):
        rest = m.group(1).strip()
        if rest and not rest.startswith(("...", "…")) and re.search(r"[A-Za-z]{3,}", rest):
            return True
    return False
