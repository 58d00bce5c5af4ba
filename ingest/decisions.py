"""Find every decision an item records, in whatever wording the body uses, with who moved,
seconded and how the vote went.

Minutes record decisions in a handful of recurring shapes, whatever the country:

- a formal resolution: "RESOLVED that ...", "It was resolved/agreed/decided that ...",
  an Irish/UK quoted resolution after "Proposed by Cllr. X, Seconded by Cllr. Y ... agreed:-";
- a motion narrative: "Motion by X, second by Y to ... Motion carried.", "X moved to approve
  ... Y seconded. The motion passed 5-0.", "It was proposed by X, seconded by Y and agreed that";
- a results block: "RESULT: APPROVED  MOTION BY: X  SECOND: Y  AYES: ...  NAYS: ...";
- a statement of outcome: "The minutes were agreed as a true record", "The Board agreed ...",
  "... was deferred to the next meeting", "referred to Cabinet", "Using funds was rejected";
- a bare outcome word closing an entry or a table row: "AGREED", "Noted.", "Granted".

The text is cut into sentences (with character offsets, so every decision's text is a
verbatim slice of the item), each sentence is tagged with what it does (moves, seconds,
reports a result, lists votes, states an outcome, quotes a resolution), and adjacent tagged
sentences are grouped into one decision: a motion absorbs its seconding, result and roll
call; a bare "Proposed by X, seconded by Y" joins the proposal it follows or the quoted
resolution it introduces. Anything the minutes do not say outright (an outcome read from the
verb of the motion, a tally counted from a roll call) is listed in `Decision.inferred`.

Only general patterns of how minutes are written live here: no rule for one body's document.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .model import HEADER_ITEM, AgendaItem, Decision, Meeting, Vote

# --------------------------------------------------------------------------------------------
# Names and titles
# --------------------------------------------------------------------------------------------

# Titles a member's name may carry in minutes; stripped when names are compared.
TITLE_WORDS = (
    r"Cllrs?|Councill?ors?|Councilmembers?|Council\s+Members?|Board\s+[Mm]embers?|Members?|Directors?|Trustees?|"
    r"Commissioners?|Aldermen|Alderman|Alderperson|Supervisor|Selectman|Selectwoman|Mayor\s+Pro\s+Te[mr]n?|Mayor|"
    r"Deputy\s+Mayor|Vice[-\s]Chair(?:man|person|woman)?|Chair(?:man|person|woman)?|Cathaoirleach|Leas-Chathaoirleach|"
    r"President|Vice[-\s]President|Treasurer|Secretary|Clerk|Sir|Dame|Lord|Lady|Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Rev|Hon|Judge"
)
_TITLE = rf"(?:(?:{TITLE_WORDS})\.?\s+)"
# Words that start sentences or name bodies, never a member.
_NOT_NAME = (
    r"(?!(?:The|This|That|These|Those|It|Its|Motion|Council|Board|Committee|Commission|Meeting|Staff|Item|Items|All|"
    r"Upon|After|Following|On|In|At|By|For|With|And|Agreed|Resolved|Seconded|Second|Proposed|Moved|Carried|Approved|"
    r"Vote|Votes|An|There|Then|He|She|They|We|Our|Their|His|Her|Roll|Call|Result|Status|Yeas?|Nays?|Ayes?|Noes|"
    r"Absent|Abstain\w*|Public|City|County|Town|Village|Parish|Township|Minutes|Report|Recommended|Action)\b(?!\.)|A\s+(?=[a-z]))"
)
_NAME_WORD = r"(?:[a-z]?[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|(?:van|von|de|der|den|du|da|la|le|del|di|dos|ter|Mc|Mac|O['’])(?=\s))"


# A qualifier printed after a member's name, part of how the minutes name them: a call sign,
# a ward, a party ("Norman (VE3NPP) moved ...", "Cllr Roe (Lab) seconded").
_QUALIFIER = r"(?:[ \t]*\([A-Z][\w\-/ .]{0,24}\))?"


def _name(group: str) -> str:
    return rf"(?P<{group}>{_TITLE}{{0,2}}{_NOT_NAME}{_NAME_WORD}(?:(?:(?<![a-z][a-z]\.)[ \t]+|(?<![a-z][a-z]\.)[ \t]*\n[ \t]*(?![\w /]{{1,25}}:)(?![A-Z]{{2,}}\b)|(?<=\b[A-Z]\.)(?=[A-Z][a-z'’])){_NOT_NAME}{_NAME_WORD}){{0,3}}{_QUALIFIER})"


_TITLE_STRIP = re.compile(rf"^(?:(?:{TITLE_WORDS})\.?\s+)+", re.I)


def clean_name(name: str | None) -> str | None:
    """A captured name tidied for storage: whitespace collapsed, trailing punctuation off."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip(" ,;:-")
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
        name = name[:-1]
    return name or None


def normalise_name(name: str | None) -> str:
    """Compare-form of a member's name: no titles, no punctuation, lower case, accents kept.

    "Cllr. P. Harries", "Councillor P Harries" and "p harries" compare equal.
    """
    if not name:
        return ""
    n = unicodedata.normalize("NFKC", name)
    n = re.sub(r"\s*\([^()]*\)", " ", n)  # "Norman (VE3NPP)" is Norman: the qualifier is not the name
    prev = None
    while prev != n:
        prev = n
        n = _TITLE_STRIP.sub("", n.strip())
    n = re.sub(r"[^\w\s]", " ", n)
    return re.sub(r"\s+", " ", n).strip().lower()


def same_member(a: str | None, b: str | None) -> bool:
    """True when two printed names plausibly name the same member.

    Equal once titles are stripped, or one is a shorter form of the other with the same
    surname ("Director Catlin" and "Peggy Catlin", "Cllr Canning" and "Cllr J. Canning").
    """
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return na == nb
    if na == nb:
        return True
    ta, tb = na.split(), nb.split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if short[-1] != long_[-1]:
        return False
    return all(any(w == x or (len(w) == 1 and x.startswith(w)) for x in long_) for w in short)


# --------------------------------------------------------------------------------------------
# Sentences with offsets
# --------------------------------------------------------------------------------------------

@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int
    line_start: bool  # begins a line of the source
    tags: set[str] = field(default_factory=set)


_ABBREV = re.compile(
    r"(?:\b(?:Cllrs?|Mr|Mrs|Ms|Dr|St|Nos?|Co|Inc|Ltd|Corp|Pres|Jr|Sr|vs|approx|Rev|Hon|Prof|Cttee|Mt|Ave|Rd|Dept|"
    r"Est|Govt|Messrs|Fr|Gen|Capt|Sgt|Lt|Col|Ref|Tel|ext|cf|al|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Ch|Cl|Para|Sec|Fig|Vol|Pt)|\b[A-Z]|\b(?:e\.g|i\.e|a\.m|p\.m))\.$",
    re.I,
)
_LABEL_LINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z/&' ]{0,28}|[A-Z][A-Z/&' ]{1,30}):\s*(?:\S|$)"
)
# bullets: typographic ones and the symbol-font glyphs PDFs extract (arrows, ticks, private-use code points)
_LIST_LINE = re.compile(r"^\s*(?:[•·▪●◦○■□◆♦➢➤►▶✓✔√\ue000-\uf8ff\-–*>]\s+|\(?[a-z]\)\s+|\(?[ivx]{1,4}\)\s+|\d{1,3}[.)]\s+[A-Z]|\d{1,3}(?:\.\d{1,3})+\.?\s+[A-Z])")
# (a run-in lower-case list marker starts a sentence too: "... No objections raised. ii. 17/0134/F ...")
_SENT_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[*]?[A-Z0-9]|(?:[ivx]{1,4}|[a-h])[.)]\s+[\"“(]?[A-Z0-9])")
# "... 99-468 5. Git N Go": an item number after a record code is not a sentence end.
_MARKER_END = re.compile(r"(?:^|\n|\d[-/]\d{2,4}\s+)\(?[\dA-Za-z]{1,3}[.)]$")
_NUMBERING_ONLY = re.compile(r"^[\w\-/().]{1,12}(?:\s+[\w\-/().]{1,6})?\.$")


_OPEN_END = re.compile(r"(?:[,;&/\-–(]|\b(?:and|or|of|to|by|the|a|an|for|with|from|in|on|at|that|as|be|was|were|is|"
                       r"Cllrs?|Councill?ors?|Mr|Mrs|Ms|Dr|Commissioner|Councilmember|Member|Director|Trustee))\s*$", re.I)


# A decision clause finishing its line in minutes written as unpunctuated notes: the clause is
# short and ends the line ("Councillors resolved to pay", "the Councillors resolved not to support").
_DECISION_CLOSES_LINE = re.compile(
    r"(?i)\b(?:resolved|agreed|decided)\s+(?:not\s+)?to\s+[a-z]+(?:\s+(?:£|\$|€)?[\w.,]+){0,2}$")


def _line_closed(prev_line: str, line: str, width: int) -> bool:
    """Does `prev_line` end its sentence although it has no full stop?

    A short labelled field ("ABSENT: Hernandez", "Seconded: Cllr Roe") is one line: the next
    line starting afresh (a capital or a digit) is not more of its value, unless the field
    ends mid-phrase (a comma, "and", "by", a title) or is a long wrapped value
    ("Recommended Action: Approve the purchase order to The\nMachine Works ...").
    (A plain line stopping short of the wrap width is not taken as an end: label/value
    columns extracted as runs of short lines look the same.)"""
    prev = prev_line.strip()
    if not prev or not re.match(r"\s*[A-Z0-9“\"(]", line) or _OPEN_END.search(prev):
        return False
    if prev.endswith((".", "!", "?", ":", ":-", "|", ")", "”", '"')):
        return False  # already a break (or joined deliberately by the rules above)
    if _DECISION_CLOSES_LINE.search(prev) and re.match(r"\s*[A-Z][a-z]*\s+(?:[a-z]|\d)", line):
        # unpunctuated notes: "... Councillors resolved to donate £65" / "Invoice received from ...": the
        # next line opens a sentence (one capital, then lower case), not the clause's object ("Standing Order 8")
        return True
    return bool(_LABEL_LINE.match(prev_line)) and not re.match(r"^[A-Z][A-Za-z/&' ]{0,28}:\s*$", prev) \
        and len(prev.split()) <= 6 and len(prev_line.rstrip()) < 0.75 * max(width, 1)


def sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, each with its offsets; a table row is one unit.

    Lines of a paragraph are joined (minutes are hard-wrapped) except where a line begins
    with a label ("AYES:", "MOTION BY:"), a list marker or follows a line ending in ':'.
    """
    out: list[Sentence] = []
    for pi, pm in enumerate(re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text)):
        # units: runs of lines that belong together
        units: list[tuple[int, int, bool]] = []
        pos = pm.start()
        cur_start = None
        prev_line = ""
        para_lines = pm.group(0).split("\n")
        width = max(len(x.rstrip()) for x in para_lines)
        for line in para_lines:
            ls, le = pos, pos + len(line)
            pos = le + 1
            if not line.strip():
                continue
            ended = prev_line.rstrip().endswith((".", "!", "?", ":", ":-", ":–", "|", ")", "”", '"'))
            continued = prev_line.rstrip().endswith(("-", ",", "–")) and re.match(r"\s*\d", line)
            breaks = (cur_start is None or _LABEL_LINE.match(line) or (_LIST_LINE.match(line) and not continued)
                      or _MOTION_INTRO.match(line.strip()) or _FORMAL_RESOLVED.match(line.strip())
                      or prev_line.rstrip().endswith((":", ":-", ":–", "|")) or _BARE.match(prev_line.strip())
                      or (_BARE.match(line.strip()) and (ended or line.strip().isupper()))
                      or _line_closed(prev_line, line, width))
            if breaks:
                if cur_start is not None:
                    units.append((cur_start, cur_end, True))
                cur_start = ls + (len(line) - len(line.lstrip()))
            cur_end = le
            prev_line = line
        if cur_start is not None:
            units.append((cur_start, cur_end, True))
        for us, ue, _ in units:
            cs, ce = us, ue  # a table row stays one unit: its cells are read together
            first = True
            s0 = cs
            for m in _SENT_END.finditer(text, cs, ce):
                frag = text[s0:m.start() + 1]
                if _ABBREV.search(frag) or _NUMBERING_ONLY.match(frag.strip()) or _MARKER_END.search(frag):
                    continue
                if text[m.end():m.end() + 1] == "*" and re.search(r"\w\*", frag):
                    continue  # "Smith 12*. *Corrected to 10": the starred note belongs to what it marks
                out.append(Sentence(s0, m.start() + len(m.group(0).rstrip()), "", pi, first))
                first = False
                s0 = m.end()
            if s0 < ce:
                out.append(Sentence(s0, ce, "", pi, first))
    for s in out:
        s.line_start = s.line_start or text[:s.start].rstrip(" \t").endswith("\n") or not text[:s.start].strip()
        while s.end > s.start and text[s.end - 1].isspace():
            s.end -= 1
        s.text = re.sub(r"\s+", " ", text[s.start:s.end]).strip()
    out = [s for s in out if s.text]
    # A sentence broken by a page break or a blank line the extraction put in continues
    # into a paragraph that starts in lower case, or (soft-wrapped text rebuilt with a blank
    # line after a wrapped line: "... Member\n\nWasserman seconded.") into the next paragraph
    # when it stopped mid-phrase inside running prose: not a heading (one short line standing
    # alone), not before a list item or a numbered entry.
    merged: list[Sentence] = []
    for s in out:
        p = merged[-1] if merged else None
        if p and s.para == p.para + 1 and not re.search(r"[.!?:;\"”)|]$", p.text) and not _LIST_LINE.match(s.text) \
                and (s.text[:1].islower() or (_cut_mid_prose(text, p, merged) and not _FRESH_SUBJECT.match(s.text))) \
                and not _ITEM_MARKER.match(s.text):
            p.end = s.end
            p.text = re.sub(r"\s+", " ", text[p.start:p.end]).strip()
            p.para = s.para  # it now ends in that paragraph, beside what follows it there
            continue
        merged.append(s)
    return merged


# A paragraph opening with the body or "It was" as subject starts a sentence of its own.
_FRESH_SUBJECT = re.compile(r"^(?:The\s+(?:Council|Board|Committee|Commission|Meeting|Panel|Trustees|Directors)|It\s+was|"
                            r"Members|Councill?ors|Councilors|Trustees|Directors|Commissioners)\b")


def _cut_mid_prose(text: str, p: Sentence, merged: list[Sentence]) -> bool:
    """Does sentence `p` stop at a wrapped line's end inside running prose (so a blank line
    after it is an artefact, not a paragraph end)?"""
    line = text[text.rfind("\n", 0, p.end) + 1:p.end].strip()
    if len(line) < 45 or line.isupper() or not re.search(r"[a-z]", line[-12:]):
        return False
    prose = "\n" in text[p.start:p.end].strip() or (len(merged) >= 2 and merged[-2].para == p.para)
    return prose or bool(_OPEN_END.search(line))


# --------------------------------------------------------------------------------------------
# What a sentence does
# --------------------------------------------------------------------------------------------

_SEC_KW = r"(?i:second(?:ed)?|supported)"
_MOVE_PATTERNS = [
    # Motion by X, second by Y / Motion made by X, seconded by Y / The motion was made by X, seconded by Y
    re.compile(rf"(?i:\bmotion\s+(?:was\s+)?(?:made\s+|moved\s+)?by:?)\s+{_name('mover')}"
               rf"(?:\s*,?\s*(?i:and\s+)?{_SEC_KW}\s+(?i:by):?\s+{_name('seconder')})?"),
    # MOTION BY: X   SECOND: Y   /  Moved: X  Seconded: Y  / Proposer: X  Seconder: Y
    re.compile(rf"(?i:\b(?:motion\s+by|moved\s+by|moved|mover|proposer|proposed\s+by|proposed)\s*:)[ \t]*{_name('mover')}"),
    # On the proposal of X, seconded by Y / (Up)on motion of X, seconded by Y
    re.compile(rf"(?i:\b(?:up)?on\s+(?:the\s+|a\s+)?(?:proposal|motion)\s+(?:of|by))\s+{_name('mover')}"
               rf"(?:\s*,?\s*(?i:and\s+)?{_SEC_KW}\s+(?i:by)\s+{_name('seconder')})?"),
    # (It was) proposed by X (and) seconded by Y / moved as correct by X and Y / Moved by X
    re.compile(rf"(?i:\b(?:proposed|moved)(?:\s+as\s+\w+)?\s+by:?)\s+{_name('mover')}"
               rf"(?:\s*,?\s*(?i:and\s+)?{_SEC_KW}\s+(?i:by):?\s+{_name('seconder')}|\s+(?i:and)\s+{_name('seconder2')}(?=\s*[.,;]|\s*$))?"),
    # ... by X, second(ed) by Y (after "A motion was made to ...", "Motion to approve ... was made")
    re.compile(rf"(?i:\bby)\s+{_name('mover')}\s*,?\s+(?i:and\s+)?{_SEC_KW}\s+(?i:by)\s+{_name('seconder')}"),
    # X made a motion (, seconded by Y) / X made the motion
    re.compile(rf"{_name('mover')}\s+(?i:made|offered|put\s+forward|presented|introduced)\s+(?i:a|the)\s+(?i:motion)"
               rf"(?:[^.]{{0,80}}?(?i:{_SEC_KW})\s+(?i:by)\s+{_name('seconder')})?"),
    # "Asking for a motion to ..., X so moved, seconded by Y": the mover answers a call for a motion
    re.compile(rf"{_name('mover')}\s+(?i:so\s+move[ds])\b(?:[^.]{{0,80}}?(?i:{_SEC_KW})\s+(?i:by)\s+{_name('seconder')})?"),
    # X moved to / moved that / moved approval / moved the
    re.compile(rf"{_name('mover')}\s+(?i:moved|proposed|moves|motioned)(?:\s+(?i:to\b|that\b|the\b|approval|adoption|acceptance|(?!discussing|considering|talking|looking|exploring|revisiting)[a-z]+ing\b|"
               rf"for\b|a\s+motion|an?\s+amendment|as\b)|\s*,)"
               rf"(?:[^.]{{0,200}}?(?i:{_SEC_KW})\s+(?i:by)\s+{_name('seconder')})?"),
    # "Moved (Smith/Jones) that ...", "Moved: Cr Smith / Cr Jones": mover and seconder as a pair
    re.compile(rf"(?i:\b(?:moved|proposed))\s*[:(]?\s*{_name('mover')}\s*/\s*{_name('seconder')}\s*\)?"),
    # X accepted/put/proposed ... and Y seconded: whoever acted first in a seconded sentence moved it
    re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n)){_name('mover')}\s+(?:[a-z]+ed)\b[^.]{{0,200}}?(?:,\s*|\s+)(?i:and\s+)?{_name('seconder')}\s+(?i:seconded)\b"),
]
_SECOND_PATTERNS = [
    re.compile(rf"(?i:\b{_SEC_KW}\s+by:?|\bsecond(?:ed)?\s*:|\bseconder\s*:)[ \t]*{_name('seconder')}"),
    re.compile(rf"{_name('seconder')}\s+(?i:seconded|supported\s+the\s+motion|agreed\b(?=\s*[.]?\s*$))"),
    # "X moved to approve the minutes, Y seconding."
    re.compile(rf"(?:,|\band)\s+{_name('seconder')}\s+(?i:seconding)\b"),
]
_MOTION_INTRO = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:(?:SUBSTITUTE\s+|AMENDED\s+|MAIN\s+)?MOTION\s*[:\-–]|Motion\s+to\b|"
    r"(?:A|The)\s+motion\s+(?:was\s+made|to\b)|Motion\s*:|Moved\s+(?:by|that|to)\b|It\s+was\s+moved\b|"
    r"It\s+was\s+proposed\b|Proposed\s+by\b|Proposal\s*:)", re.I)
_RESULT = re.compile(
    r"(?i:\b(?:motion|amendment|proposal|resolution|recommendation)\b[^.]{0,80}?\b(?:carried|passed|approved|adopted|failed|fails|defeated|lost|prevailed|was\s+(?:not\s+)?agreed)\b"
    r"|\b(?:carried|passed|failed|defeated|approved)\b,?\s*(?:unanimously|\(?\d+\s*[-–—:/]\s*\d+|by\s+(?:a|the)\s+(?:unanimous|majority|vote|show|roll|following|members)|with\s+\d|on\s+a\s+(?:vote|show)\b)"
    r"|\ball\s+(?:members\s+)?(?:were\s+|voted\s+)?in\s+favou?r\b|\bshow\s+of\s+hands?\b|\bvoice\s+vote\b|\bunanimous(?:ly)?\s+(?:vote|agreed|approved|carried|adopted|by)\b"
    r"|\bdeclared\s+the\s+motion\b|\bvote\s+on\s*(?:the\s+motion)?\s*:?\s*$|^the\s+motion\s*:|\bresult\s*:|\bIt\s+passed\b|\bMoved\s+\d|^result\s+\d"
    r"|\bby\s+acclamation\b|\bby\s+general\s+consent\b|\bvotes?\s+(?:in\s+favou?r|for)\s*(?::|\d)|\b\d+\s+(?:votes?\s+)?in\s+favou?r\b"
    r"|\bput\s+to\s+(?:the\s+|a\s+)?vote\b|\bupon\s+(?:a\s+)?(?:voice|roll\s+call)\s+vote\b|\broll\s+call\s+(?:vote|was\s+taken)\b|\bthe\s+vote\s+was\b|\bpasses\b|\bcarried\b\.?\s*$)"
    r"|^(?:CARRIED|Carried|LOST|Lost|FAILED|Failed|DEFEATED|Defeated|PASSED|Passed)\b"
)
_VOTE_LABEL = re.compile(
    r"(?i)\b(?:(?:voting|voted|votes?)\s+)?(ayes?|yeas?|yes|for|in\s+favou?r|nays?|noes|no|against|opposed|abstain(?:ed|ing|s|ers|ions?)?|"
    r"absent|pass|recused|not\s+voting)\s*:"
)
_RESOLVED = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?[\"“‘']?(?!Resolved\s*:?\s*\d)(?:RESOLVED|Resolved|AGREED|DECIDED|Decided|RECOMMENDED|"
    r"It\s+was\s+(?:further\s+|also\s+|therefore\s+|then\s+|unanimously\s+|duly\s+)*(?:resolved|agreed|decided|carried|approved|adopted|AGREED|RESOLVED|NOTED|DECIDED))\b"
    r"|\b(?:it\s+was|and)\s+(?:further\s+|also\s+|therefore\s+|unanimously\s+)*(?:RESOLVED|resolved|AGREED|agreed|DECIDED|decided|NOTED)\s*(?:that|to|:)"
    r"|\bit\s+BE\s+NOTED\b|\bBE\s+NOTED\b"
)
_QUOTED_THAT = re.compile(r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?[\"“‘']\s*(?:That|We\b|THAT)\b|^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:That|THAT)\s+(?!is\b|was\b|would\b|this\b|\w+ed\b|the\s+\w+\s+(?:is|was)\b)")
_STATEMENT = re.compile(
    r"(?:\b(?:was|were|be)\s+(?:duly\s+|unanimously\s+|formally\s+|then\s+|all\s+|therefore\s+|also\s+|subsequently\s+|reluctantly\s+|,\s*)*"
    r"(?:approved|adopted|agreed|accepted|confirmed|ratified|endorsed|carried|rejected|refused|deferred|withdrawn|elected|"
    r"granted|passed|postponed|tabled|defeated|appointed|co-opted|selected|referred)\b"
    r"|\b(?:members|councillors|councilors|the\s+(?:board|committee|council|commission|commissioners|meeting|trustees|directors|members|councillors|panel|group|parish\s+council|town\s+council|city\s+council|planning\s+commission|governors|partnership)|"
    # (the words between subject and verb: not "members through an agreed process", not "has approved" (a report))
    r"council|the\s+\w+\s+(?:board|committee|council|commission))\s+(?:(?!an?\s|the\s|has\s|have\s|had\s)\w+\s+){0,2}?"
    r"(?:agreed|resolved|decided|voted|approved|adopted|accepted|selected|declined|refused|rejected|instructed|"
    r"certified|declared|authori[sz]ed|delegated|appointed|co-opted|confirmed\s+(?:its|their|the|that\s+it)|"
    r"agrees|resolves|decides|approves|wishes\s+to\s+approve|"
    r"endorsed|ratified|unanimously|were\s+in\s+agreement|by\s+consensus|"
    r"(?:received|reviewed)\s+the\s+(?:\w+\s+){0,3}(?:report|reports|update|information|presentation|minutes|accounts))\b"
    r"|(?-i:(?<![A-Z][\s,])\b(?!IT\b|BE\b)[A-Z]{2,5}\s+(?:noted(?!\s+that)|agreed|resolved|decided|approved)\b)"  # "noted that": reported speech
    r"|^(?:this|that|which|these|this\s+\w+)\s+(?:was|were)\s+(?:duly\s+)?noted\s*[.!]?$|\b(?:the\s+)?consensus\s+(?:was|being)\s+(?:to|that)\b"
    r"|\((?:approved|agreed|adopted|carried)\)"
    # an election without a vote: "X was nominated and seconded as Chair and ... accepted the role"
    r"|\b(?:was|were)\s+(?:duly\s+)?(?:proposed|nominated)\s+and\s+seconded\s+(?:as|for)\b"
    # "Accounts were presented and accepted for payment", "... which was considered and approved"
    r"|\b(?:was|were)\s+(?:\w+ed)\s+and\s+(?:approved|accepted|agreed|adopted|confirmed|endorsed)\b(?!\s+(?:at|by|in|during)\b)"
    # a consultee's answer: "The Parish Council had no objections or comments" (to a planning application)
    r"|\b(?:council|committee|board|members|meeting)\s+(?:had|raised|made)\s+no\s+(?:objections?|comments?)\b"
    r"|\bwere\s+in\s+agreement\b|\bby\s+(?:general\s+)?consensus\b|\bby\s+general\s+consent\b|\bapproved\s+by\s+(?:general|unanimous)\b"
    r"|\b(?:correct|true|accurate)\s+(?:and\s+accurate\s+)?(?:records?|accounts?)\b|\bapproved\s+(?:&|and)\s+signed\b"
    r"|\bdeferred\s+(?:to|until)\b|\brefer(?:red)?\s+(?:back\s+)?to\s+(?:the\s+)?(?:cabinet|council|committee|board|next)\b"
    # a deferral, stated or announced: "will be put off until the 6.0 release", "held over to the next
    # meeting", "seasoned until next business meeting", "further consideration will be given at the next meeting"
    r"|\b(?:put\s+off|held\s+over|carried\s+(?:forward|over)|seasoned|laid\s+on\s+the\s+table|left\s+on\s+the\s+table)\s+(?:until|till|to)\b"
    r"|\bfurther\s+consideration\s+(?:will|would|shall|to)\s+be\s+given\b"
    r"|\bleave\s+a\s+decision\s+until\b|\bdecision\s+(?:was\s+)?(?:deferred|postponed)\b|\bduly\s+elected\b|\belected\s+(?:unopposed|on\s+a|as\b)"
    r"|\b(?:were|was)\s+(?:\w+\s+)?approved\s+for\s+payment\b|\ball\s+approved\b|\bsupport\s+was\s+given\b"
    # a rule taking effect from this meeting: "the following ... will henceforth be the committee's practice"
    r"|\bhenceforth\b"
    # parliamentary forms: "There being no objection, it was so ordered."; a consultee's reply ending its
    # entry: "Planning application 23/0456 - extension: no objection."
    r"|\bso\s+ordered\b|:\s*no\s+objections?\s*\.?$"
    # agreement or consensus recorded without a vote: "All were in full agreement that ...", "There was a
    # consensus (among ...) that ...", a member stating the last minutes were correct
    r"|\b(?:were|was)\s+(?:all\s+)?in\s+(?:full|complete|general|total|unanimous)\s+agreement\b"
    r"|\bthere\s+(?:was|were)\s+(?:an?\s+)?(?:general\s+|broad\s+|clear\s+|unanimous\s+)?consensus\b"
    r"|\bminutes\b[^.]{0,40}?\b(?:were|was)\s+(?:a\s+)?(?:correct|accurate|true)\b"
    # "KIV" (keep in view): a matter held over, in note-form minutes
    r"|(?-i:\bKIV\b)|\bkeep\s+in\s+view\b"
    # the presiding officer's appointment: "President Marx appointed Director Sarkovich to the ... Committees"
    r"|(?-i:\b(?:President|Chair(?:man|person|woman)?|Mayor|Cathaoirleach)\s+(?:[A-Z][\w'’\-]+\s+){1,2}appointed\s+(?:[A-Z][\w.'’\-]*\s+){1,4}(?:to|as)\b)"
    # an entry's title closed by its outcome: "Warrants and payroll – approved as submitted."
    r"|\S\s+[–—-]\s*(?:approved|adopted|accepted|agreed|ratified)(?:\s+as\s+(?:submitted|presented|printed|circulated|amended|read|written))?\s*[.!]?$"
    # an entry's status without a verb: "Item withdrawn by the applicant.", "Application deferred pending a site visit."
    r"|^(?:the\s+)?(?:item|application|motion|proposal|request|matter|report)\s+(?:withdrawn|deferred|postponed|tabled)\b"
    # the body taking note of a paper: "the Panel noted the report", "Members noted the update"
    r"|\b(?:members|councill?ors|councilors|the\s+(?:board|committee|council|commission|panel|meeting|trustees|directors|group))\s+"
    r"(?:(?:duly|formally|also)\s+)?noted\s+the\s+(?:[\w’'\-]+\s+){0,3}?(?:report|reports|update|information|presentation|minutes|accounts|"
    r"correspondence|letter|contents|position|progress)\b"
    # the body declining: "The Councillors felt that they were not in a position to join the Committee"
    r"|^(?:the\s+)?(?:members|councill?ors|councilors|council|board|committee|trustees|directors)\s+(?:felt|considered|decided|agreed)\s+"
    r"(?:that\s+)?(?:they|it)\s+(?:were|was)\s+(?:not\s+in\s+a\s+position|unable)\s+to\b"
    # a subjectless minute of what the body asked for: "Recommended that the report be referred to the
    # Department", "Recommend task to be considered by the incoming committee"
    r"|^(?:recommend(?:ed|s)?|instructed|directed)\s+(?:that\s+)?(?:[\w’'\-]+\s+){1,8}?(?:be|to\s+be)\s+[a-z]+(?:ed|en)\b"
    r"|^(?:agreed|resolved|decided)\s+(?:unanimously\s+)?(?:to|that|not\s+to|on)\b|\b(?:it\s+was|they|we|members|councill?ors|councilors|council|board|committee|meeting|trustees|directors|commissioners)\s+(?:\w+\s+)?resolved\s+(?:to|not\s+to|that)\b|\bagreed\s+(?:unanimously\s+)?(?:to|that)\b(?=.*\b(?:it|members|councillors|board|committee|council|we|meeting|all)\b))",
    re.I,
)
_CASED = r"(?:AGREED|APPROVED|NOTED|RESOLVED|ADOPTED|CARRIED|DEFERRED|REFUSED|GRANTED)"
# Capitals mark the decision word in many minutes ("It was AGREED", "Members AGREED to", "... AGREED"),
# but also stand in headings ("FINAL ADOPTED MINUTES"): only where a sentence would say it.
_STATEMENT_CASED = re.compile(
    rf"^{_CASED}\b(?!\s+[A-Z]{{3,}})|(?i:\b(?:was|were|be|is|are|been|it\s+was|and|also|members|councillors|council|board|"
    rf"committee|meeting|trustees|directors|unanimously)\s+){_CASED}\b|\b{_CASED}\s*[.!]?\s*$"
    r"|[^.!?]\s(?:Noted|Agreed|Approved|Adopted|Carried)\.$"
    # an item's status in capitals inside its mixed-case entry: "Lease Agreement WITHDRAWN and ..."
    r"|(?<![A-Z]\s)\b(?:WITHDRAWN|DEFERRED|TABLED|DENIED|POSTPONED)\b(?!\s+[A-Z]{2,})(?=.*\b[a-z]{3,})"
    # the decision verb in capitals, whatever it is: "Councillors were ASKED to ...", "Members were URGED to"
    r"|\b(?:was|were|is|are)\s+[A-Z]{3,}ED\b(?=\s+(?:to|that)\b)")
_BARE = re.compile(
    r"^(?:\([^()\n]{1,80}\)\s+)?(?:[\-–—:]\s*)?(?:AGREED|Agreed|NOTED|Noted|ADOPTED|Adopted|APPROVED|Approved|RESOLVED|CARRIED|Carried|"
    r"GRANTED|Granted|REFUSED|Refused|DEFERRED|Deferred|WITHDRAWN|Withdrawn|DENIED|Denied|LOST|Lost|"
    r"SUPPORTED|Supported|ACCEPTED|Accepted|PASSED|Passed|"
    r"(?:(?:The\s+)?(?:Reports?|Minutes|Accounts|Recommendations?)\s+(?:were\s+|was\s+)?(?:accepted|received|approved|adopted|noted))|No\s+(?:Violation|Objection)s?|No\s+(?:[Oo]bjections?|[Cc]omments?)\s+(?:were\s+)?(?:raised|made|received|lodged)|NO\s+VIOLATION|Agreed\s+unanimously|Approved\s+unanimously|"
    r"Carried\s+unanimously|CARRIED\s+UNANIMOUSLY|Motion\s+(?:carried|passed|failed|lost)(?:\s+unanimously)?)"
    r"(?:\s*\(?\d+\s*[-–:]\s*\d+(?:\s*[-–:]\s*\d+)*\)?)?\s*[.!]?"
    r"(?:\s+[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*)?$"  # an action log's owner column: "Supported. GD"
)
_RECOMMENDED = re.compile(r"^(?:Recommended\s+Action|Recommendation|Decision|Outcome|Resolution|RESOLUTION|Motion)\s*:\s*\S", re.I)
# Not decisions although they share words: reports of what someone else did, future intentions.
_NOT_DECISION = re.compile(
    r"^(?:apologies(?!\s+(?:were|was|are)\s+(?:\w+\s+)?(?:accepted|approved)\b)|present|presiding|in\s+attendance|also\s+present)\b|^(?:approved|adopted|signed)\s+by\b[^.]*:?\s*$|\bwill\s+be\s+(?:approved|adopted|agreed)\b|\bto\s+be\s+(?:approved|adopted)\s+at\b"
    r"|\bhad\s+been\s+(?:approved|adopted|agreed)\s+(?:by|at)\s+(?:the\s+)?(?:government|county|state|department|minister)\b"
    # approved "by" someone other than this meeting: a report of another body's decision
    r"|\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:approved|endorsed|agreed|adopted|accepted|ratified)\s+by\s+"
    r"(?!(?:the\s+)?(?:committee|council|board|members|meeting|panel|commission|commissioners|trustees|directors|councill?ors|"
    r"general|unanimous|a\b|majority|show|all|those|vote|acclamation|consensus)\b)"
    r"|\b(?:was|were|had\s+been|has\s+been)\s+(?:refused|granted|rejected|deferred)\s+by\s+(?:the\s+)?(?!(?:committee|council|board|members|meeting)\b)"
    r"|\bwhich\s+(?:was|were|had\s+been|has\s+been)\s+(?:granted|approved|refused|agreed|adopted)\b"
    r"|\bif\s+(?:\w+\s+){1,2}(?:approves|agrees|decides|(?:were|was|is)\s+(?:approved|agreed|adopted))\b"  # a condition, not a decision
    r"|\b(?:resolution|motion|notice\s+of\s+motion)\s+(?:passed|adopted|agreed)\s+(?:by|at)\s+(?!(?:the\s+|this\s+)?(?:meeting|committee|board)\b)"
    r"|\b(?:had|has|have)\s+(?:previously|already|originally)\s+(?:been\s+)?(?:approved|agreed|granted|refused|adopted)\b"
    r"|\b(?:previously|already|originally)\s+(?:been\s+)?(?:approved|agreed|granted|refused|adopted)\b"
    # a past decision dated in its own sentence: "the Rules adopted in 2003", "accepted as a TLP in December 2014"
    r"|\b(?:approved|adopted|agreed|granted|refused|passed|established|accepted)\b(?:(?!\bto\b|\bthat\b)[^.]){0,30}?\bin\s+"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\b(?![/\-]\d)"
    r"|\b(?:approved|agreed|granted|refused|adopted)\b[^.]{0,20}\b(?:previously|already)\b"
    r"|(?<!of\s)\bthe\s+(?:previous|earlier|original|last)\s+(?:\w+\s+)?(?:was|were|had\s+been)\s+(?:approved|granted|refused|agreed|adopted)\b"
    r"|\bit\s+was\s+confirmed\s+that\b[^.]*\b(?:would|will|had|has|is|are)\b"
    # a decision of an earlier, dated meeting told before its verb: "At the January 2018 meeting the Board
    # approved ...", "noted at the September 2017 Board meeting it was approved ..."
    r"|\b(?:at|during)\s+(?:the|its|their)\s+(?:(?:previous|last|prior|earlier|preceding|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|"
    r"(?:19|20)\d\d)\s+){1,3}(?:[A-Z][\w’'\-]*\s+){0,2}meeting,?\s+(?:[\w’'\-]+\s+){0,3}?(?:approved|agreed|adopted|decided|resolved)\b"
    # the later certification of these minutes: "The Board approved the preceding minutes on May 14, 2018"
    r"|\b(?:preceding|foregoing|above|within|these)\s+minutes\s+(?:were\s+|was\s+)?(?:(?:approved|adopted)\s+)?on\b",
    re.I,
)


# A person's account of something ("The Commissioner stated that SCC have ... agreed that ...", "He
# continued by explaining that ... was approved by ...", "X told the commissioners that the Board had
# approved ..."): reported speech, not the body deciding. The body as speaker is not excluded here.
_REPORTED_SPEECH = re.compile(
    r"^\W*(?!(?:The\s+)?(?:Council|Board|Committee|Commission|Meeting|Members|Councill?ors|Councilors|Trustees|Directors|"
    r"Governors|Commissioners|Panel|Group|Parish|Town|City|County|It|We|All)\b)"
    # (an appositive may name the speaker's role: "Margaret Teichert, co-chair of the C&S Committee, shared that")
    r"(?:(?:The\s+)?(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*(?:,\s[^.;]{3,140}?,)?\s+|He\s+|She\s+|They\s+)"
    r"(?:also\s+|further\s+|then\s+)?"
    r"(?:stated|said|reported|explained|advised|told|informed|mentioned|commented|indicated|believes|believed|shared|"
    r"continued\s+by\s+explaining)\b")


# A resolution another body passed, or one passed at an earlier meeting: "resolution passed by Sligo
# County Council", "Notice of Motion passed at the November council meeting".
_REPORTED_RESULT = re.compile(
    r"\b(?i:resolution|motion)\s+(?i:was\s+)?(?i:passed|adopted)\s+(?:by\s+(?:the\s+)?(?:[A-Z][\w’'\-]*\s+){1,3}"
    r"(?:County\s+|City\s+|Town\s+|District\s+|Borough\s+|Parish\s+)?(?:Council|Board|Committee|Commission|Assembly|Government)\b"
    r"|(?i:at\s+(?:the|a|its)\s+(?!meeting\b)(?:[\w’'\-]+\s+){1,3}meeting))")


_MODAL = re.compile(
    r"(?i)\b(?:will|would|could|should|may|might|must|can|cannot|to)\s+(?:not\s+)?be\s+(?:\w+\s+)?(?:approved|adopted|agreed|accepted|"
    r"confirmed|ratified|endorsed|carried|rejected|refused|deferred|withdrawn|elected|granted|passed|postponed|appointed|selected|referred|co-opted|nominated)\b")


# A named person or officer taking on a task ("The Clerk agreed to write ...", "Cllr A. Roe agreed to
# let the resident know ...", "Marta has agreed to coordinate the printing", "HL undertook to remind
# ..."): an action for someone, not a decision of the body. Decisions have the body, "it was",
# "members" or a motion as their subject. The subject may be an office, a titled member, a bare
# name or initials; words that name a body ("Council", "Group", "Members") never make one.
_BODY_WORD = (r"(?:It|They|We|All|Everyone|Both|Members|Councill?ors|Councilors|Trustees|Directors|Governors|Commissioners|Those|"
              r"Council|Board|Committee|Commission|Meeting|Group|Panel|Trust|Association|Society|Forum|Club|Staff|Officers|"
              r"Residents|Parish|Town|City|County|Village|Community|Township|Authority|Partnership|Executive|Cabinet|Assembly|"
              r"Consensus|Agreement)")
_PERSON_UNDERTAKES = re.compile(
    rf"^\W*(?!{_BODY_WORD}\b)"
    rf"(?:(?:The\s+)?(?:[A-Z][a-z]+\s+)?(?:Clerk|Secretary|Treasurer|Chair(?:man|person|woman)?|Officer|Manager|Chief\s+Executive)"
    rf"|{_TITLE}{{1,2}}{_NOT_NAME}{_NAME_WORD}(?:\s+{_NOT_NAME}{_NAME_WORD}){{0,3}}"
    rf"|(?!{_BODY_WORD}\b){_NOT_NAME}[A-Z][\w'’\-]*\.?(?:\s+(?!{_BODY_WORD}\b){_NOT_NAME}[A-Z][\w'’\-]*\.?){{0,2}}){_QUALIFIER}"
    r"\s+(?:(?:also\s+|kindly\s+|has\s+|have\s+|had\s+|then\s+)*(?:agreed|offered|volunteered|undertook)\s+to\s+"
    r"(?!the\b|this\b|that\b|these\b|those\b|it\b)[a-z]"
    # "Norman will update the bylaws ...": a person's future undertaking, not the body's decision
    r"|will\s+(?:also\s+|then\s+)?(?!be\b|have\b|not\b)[a-z]+\s)")


# A motions register written as slash-separated fields, the last one the result:
# "Accept Minutes / Oleh Dokuka / Mark Paluch / Unanimous / Passed".
_SLASH_ROW = re.compile(
    r"(?i)^(?:\(?[a-z0-9]{1,3}[.)]\s+)?[^/\n]{2,200}(?:\s/\s[^/\n]{1,80}){2,}\s/\s*"
    r"(?:passed|carried|approved|adopted|agreed|accepted|failed|lost|defeated|rejected|withdrawn|deferred)\s*\.?$")
_PERSON_CELL = re.compile(r"^(?:[A-Z][\w'’\-.]*\s+){1,3}[A-Z][\w'’\-]+$")


def _slash_movers(row: str) -> tuple[str | None, str | None]:
    """Mover and seconder of a slash-separated motions row: the first two fields after the
    motion that read as a person's name (not "Unanimous", not a count)."""
    cells = [c.strip() for c in row.split(" / ")][1:-1]
    names = [c for c in cells if _PERSON_CELL.match(c) and not re.search(r"(?i)\b(?:unanimous|carried|passed|none|all)\b", c)]
    return (names[0] if names else None), (names[1] if len(names) > 1 else None)


_URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+")


def _tag(s: Sentence) -> set[str]:
    t = _URL.sub(" ", s.text)  # a link's address ("...png?text=the+board+voted+...") is not what was said
    if not t.strip():
        return set()
    tags: set[str] = set()
    um = _PERSON_UNDERTAKES.match(t)
    if um:
        # (a future undertaking's result words are about later: "... to show as having been approved by the members")
        future = bool(re.search(r"\swill\s", um.group(0)))
        if not (_RESOLVED.search(t) or any(p.search(t) for p in _MOVE_PATTERNS) or (not future and _RESULT.search(t))):
            return tags
    if _SLASH_ROW.match(t):
        return {"statement"}  # "Accept Agenda / Mover / Seconder / Unanimous / Passed": a motions register row
    if _TABLE_ROW.search(t) and any(_BARE.match(c.strip()) for c in t.split("|")):
        tags.add("statement")  # a register table row whose outcome column says "Granted", "AGREED"
    if _BARE.match(t):
        tags.add("bare")
        if re.match(r"(?i)^motion\s", t):
            tags.add("result")
        return tags
    if any(p.search(t) for p in _MOVE_PATTERNS) or _MOTION_INTRO.match(t):
        tags.add("motion")
    if any(p.search(t) for p in _SECOND_PATTERNS):
        tags.add("second")
    if _RESULT.search(t):
        tags.add("result")
    if re.search(rf"{_name('w')}\s+(?:was|were)\s+(?:absent|excused)|{_name('w2')}\s+abstained\b", t) and len(t) < 160:
        tags.add("votes")
    if re.match(r"(?i)^(?:vote|votes|tally|status|roll\s+call(?:\s+vote)?)\s*:\s*\S", t):
        tags.add("votes")
    if _COUNT_LINE.match(t) or (re.match(r"(?i)^(?:\w+\s+){0,2}(?:results?|ballot|poll|count)\s*:", t) and re.search(r"\d", t)):
        tags.add("votes")  # "6 members voted for", "Ballot result: Smith 12, Jones 9"
    if len(re.findall(r"[–\-:]\s*(?:yes|no|aye|nay|yea|abstain)\b", t, re.I)) >= 2:
        tags.add("votes")
    if _VOTE_LABEL.match(t) or re.search(r"(?i)\b(?:yea|aye|nay)\b[,.;]", t) and re.search(r"(?i)\b(?:yea|aye|nay)s?\b.*\b(?:yea|aye|nay)s?\b", t):
        tags.add("votes")
    if _RESOLVED.search(t):
        tags.add("resolved")
    if _QUOTED_THAT.match(t):
        tags.add("quote")
    if _RECOMMENDED.match(t):
        tags.add("recommended")
    if _STATEMENT.search(t) or _STATEMENT_CASED.search(t):
        tags.add("statement")
    if tags and _NOT_DECISION.search(t) and not tags & {"motion", "result", "resolved"}:
        return set()
    rs = _REPORTED_SPEECH.match(t)
    rm = _RESOLVED.search(t)
    if rs and rm and rm.group(0).lower().startswith("and") and not _RESOLVED.search(t, rm.end()) \
            and not re.search(r"\b(?:[Tt]he\s+(?:\w+\s+)?(?:Council|Board|Committee|Commission|Meeting)|Members|Councill?ors|Trustees)\b",
                              t[rs.end():rm.start()]):
        tags.discard("resolved")  # "Mr. X stated that ... and agreed that it is an issue": the speaker agreed
    if tags and rs and not tags & {"motion", "resolved", "bare", "votes"} \
            and ("result" not in tags or re.match(r"\s+(?:\w+\s+){0,3}?that\b", t[rs.end():])):
        return set()  # "Trustee Elton reported that all participants were elected ...": someone's account
    if tags and _REPORTED_RESULT.search(t) and not tags & {"motion", "resolved"}:
        return set()  # "Members noted the resolution passed by another council": its result is not this meeting's
    if tags and _MODAL.search(t) and not tags & {"motion", "result", "resolved", "bare"} and not _TABLE_ROW.search(t) \
            and not re.search(r"(?i)\b(?:agreed|resolved|decided|voted)\b", t) \
            and not (_STATEMENT.search(_MODAL.sub(" ", t)) or _STATEMENT_CASED.search(_MODAL.sub(" ", t))):
        return set()  # "will be approved", "can be elected": not decided here
    return tags


# A count of hands on its own line: "7 members voted for", "3 people abstained", "Two said no".
_COUNT_LINE = re.compile(
    r"(?i)^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|none|no\s+one)\s+(?:(?:people|persons|members|councill?ors|votes?|hands)\s+)?"
    r"(?:(?:said|voted|were|was)\s+)?(?:yes|no|aye|nay|for|against|in\s+favou?r|opposed|abstain\w*)\b")
_FILLER = re.compile(
    r"(?i)\b(?:it|was|were|and|agreed|resolved|unanimously|following|a|an|the|show|of|hands?|seconded|second|by|proposed|"
    r"moved|motion|carried|that|this|these|as|correct|be|cllrs?|councill?ors?|mr|mrs|ms|dr|all|in|favou?r|with|on|proposal)\b"
)


def _proposal_only(s: Sentence) -> bool:
    """'Proposed by X, seconded by Y (and agreed):' — names who moved, not what."""
    if "motion" not in s.tags and "second" not in s.tags:
        return False
    rest = s.text
    for p in _MOVE_PATTERNS + _SECOND_PATTERNS:
        rest = p.sub(" ", rest)
    if re.search(r"\b(?:to|that)\s+[a-z]", rest):
        return False  # "Moved by X to adopt." says what was moved, however briefly
    rest = _FILLER.sub(" ", rest)
    return len(re.findall(r"[A-Za-z]{3,}", rest)) <= 1


def _anaphoric(s: Sentence) -> bool:
    """A motion whose object is elsewhere: 'Moved by X to adopt.', 'that this matter be Approved'."""
    t = s.text
    if not ("motion" in t.lower() or "moved" in t.lower() or "proposed" in t.lower()):
        return False
    m = re.search(r"(?i)\b(?:to|that)\s+(.*)$", t)
    tail = m.group(1) if m else ""
    tail = re.split(r"(?i)\.\s*motion|\bmotion\s+carried", tail)[0]
    words = re.findall(r"[A-Za-z]{3,}", tail)
    generic = {"adopt", "approve", "receive", "and", "file", "the", "this", "matter", "item", "report", "accept",
               "approved", "adopted", "recommendation", "recommended", "action", "motion", "same", "resolution",
               "above", "defer", "deny", "ordinance", "now", "pass", "comments", "minutes", "with", "for",
               "denial", "application", "applications", "request", "same", "grant", "award", "contract", "bid"}
    dated = bool(_DATED_OBJECT.search(tail))  # "the minutes of December 12, 2023" names its object
    return not dated and len([w for w in words if w.lower() not in generic]) <= 1


_DATED_OBJECT = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
                           r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
                           r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")


# --------------------------------------------------------------------------------------------
# Grouping sentences into decisions
# --------------------------------------------------------------------------------------------

@dataclass
class _Group:
    sents: list[Sentence]

    @property
    def tags(self) -> set[str]:
        return set().union(*(s.tags for s in self.sents))

    @property
    def last(self) -> Sentence:
        return self.sents[-1]


_FORMAL_RESOLVED = re.compile(r"^(?:(?:NOW,?\s+)?(?:THEREFORE,?\s+)?BE\s+IT\s+(?:FURTHER\s+)?RESOLVED|RESOLVED,?\s+(?:FURTHER\s+)?that)\b", re.I)
_LABEL_ONLY = re.compile(r"^[A-Z][A-Za-z ]{0,24}:$")
_TABLE_ROW = re.compile(r"^\||\S\s\|\s.*\S\s\|\s")
_ANAPHORIC_STATEMENT = re.compile(
    r"(?i)\b(?:this|these|the\s+above|such|the\s+same)\s+(?:\w+\s+)?(?:proposal|policy|paper|review|changes?|recommendations?|"
    r"request|item|report|motion|suggestion|plan|arrangements?|terms|approach|amendments?)\b|\b(?:this|which|it)\s+was\s+(?:agreed|approved|AGREED)|"
    r"\bapproval\s+of\s+such\b|^(?:this|that)\s+was\s+noted\s*\.?$|\bwere\s+(?:all\s+)?in\s+(?:full\s+|complete\s+|general\s+|total\s+|unanimous\s+)?agreement\b|\bthe\s+(?:proposal|policy|paper|changes|recommendations?|request)\s+"
    r"(?:was|were)\b|^(?:AGREED|Agreed|RESOLVED|Resolved)\s+(?:to|that)\b.{0,60}$")


# The sentence before a statement says what the statement decides about: the body taking up a
# request or report ("Members noted request for speaking time. It was agreed for ..."), or an
# officer announcing the action ("The City Attorney stated there was reportable action on Item 2.").
_ANNOUNCES_NEXT = re.compile(
    r"(?i)^(?:the\s+)?(?:members|councill?ors|councilors|council|board|committee|commission|trustees|directors)\s+"
    r"(?:noted|considered|discussed|received|reviewed)\s+(?:the\s+|a\s+)?(?:request|letter|application|proposal|correspondence|invitation)\b"
    r"|\breportable\s+action\b|\breported\s+out\b")


_MOTION_OPEN_END = re.compile(r"(?i)\b(?:moved|proposed|move|moves|that|it\s+is|it\s+be|as\s+follows|the\s+following)\s*$")


def group_sentences(sents: list[Sentence]) -> list[list[Sentence]]:
    """Adjacent tagged sentences that make one decision."""
    for s in sents:
        s.tags = _tag(s)
    groups: list[_Group] = []
    cur: _Group | None = None
    prev: Sentence | None = None
    pending_values = 0
    last: _Group | None = None  # the group closed by the untagged sentence just before
    for i, s in enumerate(sents):
        tags = s.tags
        if _LABEL_ONLY.match(s.text) and cur is not None and prev is cur.last:
            # "RESULT:\nMOVER:\nSECONDER:" with the values in a column after the labels
            pending_values += 1
            continue
        if not tags and pending_values and cur is not None and prev is cur.last and len(s.text) < 100:
            pending_values -= 1
            cur.sents.append(s)
            prev = s
            continue
        pending_values = 0
        if _TABLE_ROW.search(s.text) and s.line_start:
            if tags:
                cur = _Group([s])
                groups.append(cur)
            else:
                cur = None
            prev = s
            continue
        if not tags and cur is not None and prev is cur.last and any(x.text.endswith(":") for x in cur.sents) \
                and "result" not in cur.tags and (_LIST_LINE.match(s.text) or s.text[:1].islower() or s.text.startswith("...")):
            cur.sents.append(s)  # the lettered points of "RESOLVED: That the Committee ... to:"
            prev = s
            continue
        if tags & {"result", "votes"} and not tags & {"motion", "resolved", "quote"} and cur is None and last is not None \
                and i >= 2 and sents[i - 2] is last.last and not sents[i - 1].tags and "motion" in last.tags \
                and "result" not in last.tags and sents[i - 1].para == s.para == last.last.para:
            last.sents += [sents[i - 1], s]  # "Moved by X to defer. Refer to the Manager for review. Motion Carried 7-0."
            cur, prev = last, s
            continue
        if not tags and cur is not None and prev is cur.last and s.para == cur.last.para and len(s.text) < 100 \
                and re.match(r"(?i)^the\s+following\b", cur.sents[-1].text) and not cur.sents[-1].text.endswith(":"):
            cur.sents.append(s)  # "The following officers were elected. There were no changes from last year."
            prev = s
            continue
        if not tags:
            # a roll call announced with "... by the following vote:" may follow page furniture
            if cur is not None and prev is cur.last and cur.last.text.endswith((":", ":-")) and "vote" in cur.last.text.lower() \
                    and len(s.text) < 100:
                continue  # the rows of a roll-call table until its result
            last = cur or last
            cur = None
            prev = s
            continue
        joinable = cur is not None and prev is not None and prev is cur.last
        awaiting = joinable and (cur.last.text.rstrip().endswith((":", ":-", ":–", "—"))
                                 # "X moved that it is" / (the resolution, quoted as a block): the motion
                                 # breaks off mid-phrase and its wording is the next paragraph
                                 or ("motion" in cur.tags and "result" not in cur.tags and s.para == cur.last.para + 1
                                     and bool(_MOTION_OPEN_END.search(cur.last.text)) and bool(tags & {"resolved", "quote"}))
                                 or (_proposal_only(cur.sents[0]) and not cur.tags & {"quote", "resolved", "statement", "recommended"}
                                     and all(_proposal_only(x) or x.tags <= {"result", "second", "motion", "votes"} for x in cur.sents)))
        if "bare" in tags:
            if joinable and (not ("result" in cur.tags or "bare" in cur.tags)
                             or (cur.tags <= {"votes", "result"} and not _OUTCOME_WORD.search(" ".join(x.text for x in cur.sents)))):
                cur.sents.append(s)
            else:
                ctx = _context_before(sents, i, groups, same_para=True)
                if not ctx and 0 < i <= 3 and s.para == sents[i - 1].para + 1 and all(x.para == sents[0].para for x in sents[:i]) \
                        and not any(x.tags for x in sents[:i]):
                    ctx = sents[:i]  # "4.0 Chief Executive's Report" / "Noted.": the heading is what was noted
                cur = _Group(ctx + [s])
                groups.append(cur)
        elif "motion" in tags and not _proposal_only(s):
            if awaiting or (joinable and "result" not in cur.tags and not movers(" ".join(x.text for x in cur.sents))[0]
                            and _MOTION_INTRO.match(cur.sents[-1].text) and _MOTION_REFERS_BACK.match(s.text)):
                cur.sents.append(s)  # "Motion to approve X." + "The motion was made by A, seconded by B, ..."
            else:
                ctx = (_item_context(sents, i, groups) if not s.line_start or _anaphoric(s) else []) \
                    or (_context_before(sents, i, groups) if _anaphoric(s) else [])
                cur = _Group(ctx + [s])
                groups.append(cur)
        elif "motion" in tags or ("second" in tags and _proposal_only(s)):
            # "Proposed by X, seconded by Y": belongs to the proposal before it, or introduces what follows
            if joinable and not (cur.tags & {"motion"} and "second" in cur.tags):
                cur.sents.append(s)
            elif joinable and "motion" not in tags:
                cur.sents.append(s)
            elif joinable and _restates_mover(cur, s):
                cur.sents.append(s)  # a results block ("MOTION BY: X / SECOND: Y / AYES: ...") after the motion it records
            else:
                ctx = _quoted_before(sents, i, groups) or \
                    (_context_before(sents, i, groups, max_sents=1) if not _introduces(sents, i) else [])
                cur = _Group(ctx + [s])
                groups.append(cur)
        elif tags & {"second", "result", "votes"} and not tags & {"resolved", "quote", "recommended"}:
            if joinable:
                cur.sents.append(s)
            else:
                ctx = _context_before(sents, i, groups) if _anaphoric(s) or len(s.text) < 60 else []
                cur = _Group(ctx + [s])
                groups.append(cur)
        else:  # resolved / quote / statement / recommended
            if awaiting or (joinable and "quote" in tags and ("quote" in cur.tags or "resolved" in cur.tags)
                            and not ("result" in cur.tags)):
                cur.sents.append(s)
            elif joinable and "statement" in tags and s.para == cur.last.para and _also_same(cur.last.text, s.text):
                cur.sents.append(s)  # "The minutes of 4 March were confirmed. Those of 28 January were also confirmed."
            elif joinable and cur.tags <= {"votes", "result"} and "statement" in tags and not tags & {"resolved", "quote"}:
                cur.sents.append(s)  # "Ballot: A 12, B 9." then "A was duly elected.": the count is the decision's vote
            elif joinable and "motion" in cur.tags and not tags & {"resolved", "quote", "recommended"} \
                    and s.para == cur.last.para and (len(s.text) < 90 or "result" not in cur.tags):
                cur.sents.append(s)
            elif "resolved" in tags and _FORMAL_RESOLVED.match(s.text) and groups and groups[-1].sents \
                    and _FORMAL_RESOLVED.match(groups[-1].sents[0].text) and "result" not in groups[-1].tags \
                    and i - sents.index(groups[-1].last) <= 15:
                cur = groups[-1]
                cur.sents.append(s)  # the clauses of one formal resolution ("BE IT RESOLVED ... RESOLVED, that ...")
            else:
                ctx = _context_before(sents, i, groups, max_sents=1, same_para=True) \
                    if (_ANAPHORIC_STATEMENT.search(s.text) or len(s.text) < 50) \
                    and (not tags & {"resolved", "quote", "recommended"}
                         or re.match(r"^(?:AGREED|Agreed)\s+(?:to|that)\b.{0,60}$", s.text)) else []
                if not ctx and i > 0 and sents[i - 1].para == s.para and not sents[i - 1].tags \
                        and _ANNOUNCES_NEXT.search(sents[i - 1].text) and len(sents[i - 1].text) < 160:
                    ctx = _context_before(sents, i, groups, max_sents=1, same_para=True)
                cur = _Group(ctx + [s])
                groups.append(cur)
        prev = s
    groups = _join_late_results(sents, groups)
    # a roll-call list or a seconding alone records no decision
    return [g.sents for g in groups if g.tags - {"votes", "second"}]


def _also_same(before: str, text: str) -> bool:
    """'... were also confirmed' right after '... were confirmed': the same decision extended."""
    m = re.search(r"(?i)\b(?:was|were)\s+also\s+([a-z]{4,})\b", text)
    return bool(m) and bool(re.search(rf"(?i)\b(?:was|were)\s+(?:\w+\s+)?{m.group(1)}\b", before))


# "Vote: 5 in favour, 2 against." then "Motion carried.": the count awaits the outcome word.
_OUTCOME_WORD = re.compile(r"(?i)\b(?:carried|lost|failed|passed|defeated|approved|adopted|agreed|rejected|refused)\b")


_RESULT_REFERS_BACK = re.compile(r"(?i)^(?:the|this|that|said)\s+(?:motion|resolution|amendment|proposal)\s+(?:was|is)\b")


def _join_late_results(sents: list[Sentence], groups: list[_Group], max_between: int = 6) -> list[_Group]:
    """A vote and result recorded after the discussion of a motion ("X proposed ... Y seconded.
    / Discussion: ... / Voting: 6 for, 4 abstained / Motion passed."): the result belongs to the
    motion still awaiting one, when only a few untagged sentences and no new numbered item
    stand between them."""
    index = {id(x): k for k, x in enumerate(sents)}
    out: list[_Group] = []
    for g in groups:
        p = out[-1] if out else None
        refers_back = "result" in g.tags and g.tags <= {"result", "votes", "statement"} \
            and any(_RESULT_REFERS_BACK.match(x.text) for x in g.sents if x.tags)  # "The motion was approved 5-0-1."
        if p is not None and g.tags and (g.tags <= {"result", "votes"} or refers_back) and p.tags & {"motion", "quote"} \
                and not p.tags & {"result", "bare", "votes"}:
            a, b = index[id(p.last)] + 1, index[id(g.sents[0])]
            between = sents[a:b]
            if len(between) <= max_between and not any(x.tags or (x.line_start and _ITEM_MARKER.match(x.text))
                                                       for x in between):
                p.sents += between + g.sents
                continue
        out.append(g)
    return out


def _restates_mover(cur: _Group, s: Sentence) -> bool:
    """'MOTION BY: X' right after a motion X made: the same motion's results block, not a new one."""
    if "result" not in cur.tags or not re.match(r"(?i)^(?:motion\s+by|moved(?:\s+by)?|mover|proposer|proposed\s+by)\s*:\s*\S", s.text):
        return False  # "On the proposal of X ... agreed:" again introduces the next resolution
    new_mover = movers(s.text)[0]
    old_mover = movers(" ".join(x.text for x in cur.sents))[0]
    return bool(new_mover and old_mover and same_member(new_mover, old_mover))


def _quoted_before(sents: list[Sentence], i: int, groups: list[_Group], max_sents: int = 8) -> list[Sentence]:
    """A motion quoted in full just before 'Proposed by X, Seconded by Y': the quotation."""
    taken = {id(x) for g in groups for x in g.sents}
    j = i - 1
    if j < 0 or id(sents[j]) in taken or sents[j].tags or not re.search(r"[\"”']\s*$", sents[j].text):
        return []
    ctx: list[Sentence] = []
    while j >= 0 and len(ctx) < max_sents and id(sents[j]) not in taken and not sents[j].tags:
        ctx.insert(0, sents[j])
        if re.search(r"(?:^|\s)[\"“]", sents[j].text):
            return ctx
        j -= 1
    return []


_MOTION_REFERS_BACK = re.compile(r"(?i)^(?:the|this|said)\s+motion\s+was\s+(?:made|moved|proposed|offered)\b")


def _introduces(sents: list[Sentence], i: int) -> bool:
    """Does the proposal at i introduce a resolution that follows ('... agreed:-' then 'That ...')?"""
    s = sents[i]
    if s.text.rstrip().endswith((":", ":-", ":–")):
        return True
    nxt = sents[i + 1] if i + 1 < len(sents) else None
    if not nxt:
        return False
    nxt_tags = _tag(nxt)
    # "Cart shall open an account." / "Proposed by: Cart" / "Unanimously approved.", each a paragraph
    # of its own: a proposal standing alone between its motion and its outcome closes what came before
    alone = (i == 0 or sents[i - 1].para != s.para) and nxt.para != s.para
    if alone and nxt_tags and nxt_tags <= {"result", "bare"}:
        return False
    return bool(nxt_tags & {"quote", "resolved", "motion", "second", "result"})


_ITEM_MARKER = re.compile(r"^(?:[A-Za-z\"'/&\- ]{0,40}\s)?(?:[\w\-/]{1,10}\s+)?\(?(?:\d{1,3}|[A-Z]|[ivx]{1,4}|[IVX]{2,5})[.)]\s+\S|^\d{2,4}[-/]\d{1,4}\s+\S")


def _item_context(sents: list[Sentence], i: int, groups: list[_Group], max_sents: int = 4,
                  item_start: bool = True) -> list[Sentence]:
    """A motion that follows an item's description in the same run of text ("99-468 5. Git N Go
    ...; Renewal. Moved by X to adopt. Motion Carried 7-0."): the description from its numbered
    start is part of the decision. Empty unless such a numbered start is found close by."""
    taken = {id(x) for g in groups for x in g.sents}
    ctx: list[Sentence] = []
    j = i - 1
    while j >= 0 and len(ctx) < max_sents:
        p = sents[j]
        if id(p) in taken or p.tags:
            return []
        if p.para != sents[i].para:
            # a page break may split one description; only a sentence left unfinished continues
            nxt = ctx[0] if ctx else sents[i]
            if p.para != nxt.para - 1 or (re.search(r"[.!?:;)\]]\s*$", p.text) and not _ABBREV.search(p.text)):
                return []  # (a heading cut after "Contractors, Inc." is not finished)
        ctx.insert(0, p)
        if p.line_start and _ITEM_MARKER.match(p.text):
            return ctx
        j -= 1
    if j < 0 and item_start:
        return ctx  # back at the start of the item: its description is what was moved
    return []


def _context_before(sents: list[Sentence], i: int, groups: list[_Group], max_sents: int = 2,
                    same_para: bool = False) -> list[Sentence]:
    """The untagged sentences just before i in the same paragraph: what a bare outcome or an
    anaphoric motion ('Moved by X to adopt.') is about."""
    taken = {id(x) for g in groups for x in g.sents}
    ctx: list[Sentence] = []
    j = i - 1
    while j >= 0 and len(ctx) < max_sents:
        p = sents[j]
        other_para = p.para != sents[i].para
        prev_para_ok = (not same_para and sents[i].line_start and p.para == sents[i].para - 1 and not ctx
                        and len(p.text) < 250)
        if id(p) in taken or p.tags or (other_para and not prev_para_ok):
            break
        ctx.insert(0, p)
        if p.line_start and (_LIST_LINE.match(p.text) or re.match(r"^[\w\-/]{1,10}\s+\(?[\dA-Za-z]{1,3}[.)]\s", p.text)):
            break
        j -= 1
    # "... proposed to amend the objects to:" / the new wording / "The proposal was accepted.":
    # the sentence announcing the quoted block is what was decided
    if ctx and not same_para and 0 <= j < i and sents[j].text.rstrip().endswith((":", ":-")) and not sents[j].tags \
            and id(sents[j]) not in taken and sents[j].para == ctx[0].para - 1:
        ctx.insert(0, sents[j])
    return ctx


# --------------------------------------------------------------------------------------------
# Fields of one decision
# --------------------------------------------------------------------------------------------

_COLUMN_LABEL = re.compile(r"^(RESULT|MOVER|MOVED\s+BY|SECONDER|SECONDED\s+BY|SECOND|AYES|YEAS|NAYS|NOES|ABSENT|ABSTAIN|RECUSED)\s*:\s*$", re.I)


def label_columns(text: str) -> dict[str, str]:
    """Labels printed in one column and their values in the next, extracted as text runs
    ("RESULT:\nMOVER:\nSECONDER:\nAYES:\n\nPASSED\nJane Doe, Director\n..."): label -> value."""
    lines = [ln.strip() for ln in text.split("\n")]
    i = 0
    while i < len(lines):
        if _COLUMN_LABEL.match(lines[i]):
            labels = []
            while i < len(lines) and (_COLUMN_LABEL.match(lines[i]) or (not lines[i] and labels and i + 1 < len(lines)
                                                                         and _COLUMN_LABEL.match(lines[i + 1]))):
                if lines[i]:
                    labels.append(_COLUMN_LABEL.match(lines[i]).group(1).upper())
                i += 1
            values = []
            while i < len(lines) and len(values) < len(labels):
                if lines[i]:
                    values.append(lines[i])
                elif values:
                    break
                i += 1
            if len(labels) >= 2 and len(values) == len(labels):
                return dict(zip(labels, values))
        i += 1
    return {}


def movers(text: str) -> tuple[str | None, str | None]:
    """(mover, seconder) as printed, or None where the text does not name them."""
    cols = label_columns(text)
    if cols.get("MOVER") or cols.get("MOVED BY"):
        first = lambda v: clean_name(v.split(",")[0]) if v else None  # noqa: E731  "Jane Doe, Director, District N"
        return first(cols.get("MOVER") or cols.get("MOVED BY")), first(cols.get("SECONDER") or cols.get("SECONDED BY") or cols.get("SECOND"))
    mover = seconder = None
    for p in _MOVE_PATTERNS:
        m = p.search(text)
        if m:
            mover = clean_name(m.group("mover"))
            gd = m.groupdict()
            seconder = clean_name(gd.get("seconder") or gd.get("seconder2"))
            break
    if seconder is None:
        for p in _SECOND_PATTERNS:
            m = p.search(text)
            if m and clean_name(m.group("seconder")) and (mover is None or m.start() >= 0):
                cand = clean_name(m.group("seconder"))
                if cand and cand != mover:
                    seconder = cand
                    break
    return mover, seconder


_NUM_WORDS = {"none": 0, "no": 0, "nil": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_N = r"(\d+|none|no|nil|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.lower()
    return int(s) if s.isdigit() else _NUM_WORDS.get(s)


_LIST_LABELS = {
    "yes": r"ayes?|yeas?|yes|for|in\s+favou?r|voting\s+(?:yes|aye|for)",
    "no": r"nays?|noes|no|against|opposed|voting\s+(?:no|nay|against)",
    "abstained": r"abstain(?:ed|ing|s|ers|ions?)?|pass|recused|not\s+voting",
    "absent": r"absent|excused",
}


def _name_list(raw: str) -> list[str]:
    raw = re.split(r"(?i)\b(?:status|motion|result|the\s+motion|carried|lost|defeated|passed|failed)\b", raw)[0]
    raw = re.sub(r"\(\s*\d+\s*\)", " ", raw).strip(" .;:[](){}")
    if not raw or re.fullmatch(r"(?i)none|nil|n/?a|-+|—|0", raw):
        return []
    parts = re.split(r"\s*(?:,|;|\band\b|&|\|)\s*", raw)
    out = []
    for p in parts:
        p = clean_name(_TITLE_STRIP.sub("", p.strip()))
        if p and not re.fullmatch(r"(?i)none|nil|and", p) and re.search(r"[A-Za-z]", p):
            out.append(p)
    return out


def parse_vote(text: str) -> tuple[Vote | None, list[str]]:
    """The vote a decision records (tally and/or per-member lists), and what was inferred."""
    flat = re.sub(r"\s+", " ", text)
    v = Vote()
    inferred: list[str] = []
    found = False
    # labelled roll-call lists: "AYES: A, B  NOES: None  ABSENT: C" / "Nays: Belken. Pass: McPherson."
    label_re = re.compile(rf"(?i)\b(?:(?:voting|voted|votes?)\s+)?({'|'.join(_LIST_LABELS.values())})\s*:\s*")
    marks = list(label_re.finditer(flat))
    cols = label_columns(text)
    col_keys = {"AYES": "yes", "YEAS": "yes", "NAYS": "no", "NOES": "no", "ABSENT": "absent", "ABSTAIN": "abstained",
                "RECUSED": "abstained"}
    if any(k in cols for k in col_keys):
        marks = []  # labels in one column, values in the next: read them as pairs
        for k, key in col_keys.items():
            if k in cols:
                getattr(v, key).extend(_name_list(cols[k]))
                found = True
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(flat)
        body = flat[m.end():end]
        body = re.split(r"(?<=[a-z])\.\s+(?=[A-Z][a-z]+\s+[a-z])", body)[0]
        label = m.group(1).lower()
        key = next(k2 for k2, pat in _LIST_LABELS.items() if re.fullmatch(pat, label))
        names = _name_list(body)
        getattr(v, key).extend(names)
        found = True
    # "Janet Keough yea, Dick Dillon yea, and Gary Mantay nay"
    for m in re.finditer(rf"{_name('who')}[ \t]*[–\-]?[ \t]*(?i:(yea|aye|yes|nay|no|abstain(?:ed)?|absent))(?=\s*(?:[,.;)\]]|and\b|$)|[ \t]*\n)", text):
        who = clean_name(_TITLE_STRIP.sub("", m.group("who")))
        if not who or who.lower() in ("vote", "the vote", "voice vote"):
            continue
        kind = m.group(m.lastindex).lower()
        if kind == "no" and re.match(r"\.?\s*[A-Za-z]{0,3}[\s\-–]*\d", text[m.end():]):
            continue  # "Agreement No. A-2024-051", "Resolution No 12": a number, not a vote
        key = "yes" if kind in ("yea", "aye", "yes") else "no" if kind in ("nay", "no") else \
            "abstained" if kind.startswith("abstain") else "absent"
        if who not in getattr(v, key):
            getattr(v, key).append(who)
            found = True
    # "14 in favor (A, B, ...) and 4 against (C, D)"
    for m in re.finditer(rf"(?i)\b{_N}\s+(?:votes?\s+)?(in\s+favou?r|for|against|opposed|abstentions?|abstaining|abstained)\s*,?\s*\(([^)]*)\)", flat):
        key = "yes" if m.group(2).lower().startswith(("in", "for")) else "no" if m.group(2).lower().startswith(("again", "oppos")) else "abstained"
        names = _name_list(m.group(3))
        if names and not getattr(v, key):
            getattr(v, key).extend(names)
    # "Director Ruscha was absent", "Councilor Ruble abstained"
    for m in re.finditer(rf"{_name('who')}[ \t]+(?i:(?:was|were)\s+(absent)|(abstained)|(?:voted|votes)\s+(against|no|in\s+favou?r|for))\b", text):
        who = clean_name(_TITLE_STRIP.sub("", m.group("who")))
        if not who or normalise_name(who) in ("motion", "the motion"):
            continue
        kind = (m.group(m.lastindex) or "").lower()
        key = "absent" if kind == "absent" else "abstained" if kind == "abstained" else "no" if kind in ("against", "no") else "yes"
        if who not in getattr(v, key):
            getattr(v, key).append(who)
            found = True
    # tallies: "5-0", "6-0-1", "7 -- 0", "(4-2-1-1)"
    sep = r"\s*(?:-{1,2}|–|—)\s*"
    m = re.search(r"(?i)(?:carried|passed|approved|failed|defeated|lost|moved|vote[sd]?|result\w*|status|adopted|motion|it\s+passed)\b"
                  r"(?:[^0-9.;]|\.(?=\S)){0,30}?"
                  rf"\(?(?<![\d#/])(\d{{1,3}})(?:{sep}|\s+to\s+)(\d{{1,3}})(?!\d)(?:{sep}(\d{{1,3}})(?!\d))?(?:{sep}(\d{{1,3}})(?!\d))?\)?", flat)
    if m and not re.match(r"\s*[-/]\s*\d", flat[m.end():]) and not re.search(r"(?i)\b(?:19|20)\d\d\b", m.group(0)[-12:]):
        n = [int(x) if x else None for x in m.groups()]
        v.for_, v.against = n[0], n[1]
        v.abstain = n[2]
        found = True
    else:
        who = r"(?:(?:votes?|members|people|persons|councill?ors)\s+)?"
        fm = re.search(rf"(?i)(?<![\d\-/#])\b{_N}\s+{who}(?:in\s+favou?r|for|yes|ayes?|(?:said|voted)\s+(?:yes|aye|for|in\s+favou?r))\b"
                       rf"(?=\s*[,;)(]|\s+(?:and|against|with|to)\b|\s*$|\s*\.|\s+\d)", flat)
        am = re.search(rf"(?i)\b{_N}\s+{who}(?:against|opposed|(?:said|voted)\s+(?:no|nay|against))\b", flat)
        bm = re.search(rf"(?i)\b{_N}\s+{who}(?:abstentions?|abstaining|abstained|abstain)\b", flat)
        if fm and _num(fm.group(1)):
            v.for_ = _num(fm.group(1))
            v.against = _num(am.group(1)) if am else None
            v.abstain = _num(bm.group(1)) if bm else None
            found = True
        for lab, attr in (("for", "for_"), ("against", "against"), ("abstain(?:ed|ing|s|ions?)?", "abstain")):
            lm = re.search(rf"(?i)\b{lab}\s*[:=]\s*(\d+)\b", flat)
            if lm:
                setattr(v, attr, int(lm.group(1)))
                found = True
        if v.for_ is not None and v.against is None and re.search(r"(?i)\bunanimous(?:ly)?\b", flat):
            v.against = 0  # "14 votes yes (unanimous)"
        if not fm:
            against_none = re.search(r"(?i)\b(?:none|no\s+(?:votes?|one))\s+against\b", flat)
            if against_none and v.for_ is not None:
                v.against = 0
    if not found:
        return None, inferred
    # Reconcile lists with the tally: "6-1. Pass: Flagg." means one pass, not one against.
    if v.for_ is not None and v.against and not v.no and (v.abstained or v.absent):
        others = len(v.abstained) + len(v.absent)
        if others == v.against + (v.abstain or 0):
            v.abstain = len(v.abstained) or None if v.abstained else v.abstain
            v.against = 0
            if v.abstained and v.abstain is None:
                v.abstain = len(v.abstained)
    if v.abstain and not v.abstained and v.absent and len(v.absent) == v.abstain \
            and (not v.yes or len(v.yes) == v.for_):
        # "CARRIED 4-0-1 [AYES: ...; NOES: None; ABSENT: Hernandez]": the third figure counts the
        # members the roll call names absent, not abstentions (no one is named abstaining)
        v.abstain = 0
    if v.abstain is None and v.abstained and not v.no and not v.yes:
        v.abstain = len(v.abstained)  # "The payments were agreed, Cllr X abstained.": one abstention recorded
    if v.for_ is None and v.yes:
        v.for_, v.against = len(v.yes), len(v.no)
        v.abstain = len(v.abstained)
        inferred.append("vote tally")
    return v, inferred


# Outcome: the first rule that applies, most specific first.
_OUTCOME_RULES: list[tuple[str, re.Pattern]] = [
    ("withdrawn", re.compile(r"(?i)\bwithdr[ae]wn?\b")),
    ("lost", re.compile(r"(?i)\b(?:motion|amendment|it|proposal)\b[^.]{0,80}?\b(?:failed|fails|defeated|lost|fell|not\s+carried|was\s+not\s+agreed)\b"
                        r"|^\s*(?:LOST|Lost|FAILED|Failed|DEFEATED|Defeated)\b|\bRESULT\s*:\s*(?:FAILED|DEFEATED|LOST)\b|\bwas\s+rejected\b|\bfailed\s+to\s+(?:gain|gather|carry|pass|receive)\b")),
    ("deferred", re.compile(r"(?i)\b(?:kiv|keep\s+in\s+view|defer(?:red|ral)?|postpone[d]?|adjourned\s+to\s+a\s+later|continue[d]?\s+(?:this\s+item\s+)?(?:to|until)\s+(?:the\s+)?(?:next|a\s+future|a\s+later)|"
                            r"tabled\s+(?:until|to)|leave\s+a\s+decision\s+until|(?:put\s+off|held\s+over|carried\s+(?:forward|over)|seasoned)\s+(?:until|till|to)|"
                            r"further\s+consideration\b[^.]{0,60}\b(?:next|later|future)|"
                            r"(?:will|to|would|shall)\s+be\s+(?:re)?(?:considered|discussed|revisited|reviewed)\s+(?:again\s+|further\s+)?(?:at|in)\s+(?:the\s+|a\s+)?(?:next|future|later|following)|(?:no\s+decision|nothing)\s+(?:could|would|can|will)\s+be\s+(?:decided|made|taken|agreed)(?:\s+upon)?\s+until|come\s*back\s+to|park\s+this|(?:decision|decide)\s+(?:at\s+)?(?:the\s+)?(?:next|september|october|later))\b")),
    ("referred", re.compile(r"(?i)\brefer(?:red|ral)?\s+(?:[\w,]+\s+){0,3}?(?:back\s+)?to\b|\b(?:task|matter)\s+to\s+be\s+considered\s+by\b")),
    ("refused", re.compile(r"(?i)\b(?:refused|refusal|to\s+refuse|den(?:y|ied|ial)|declined|not\s+to\s+(?:accept|support|approve|grant|proceed|join)|"
                           r"resolved\s+not\s+to|not\s+in\s+a\s+position\s+to|reject(?:ed)?\s+the\s+application)\b")),
    ("noted", re.compile(r"(?i)\b(?:noted|receive[d]?\s+(?:,\s*|and\s+)?(?:and\s+)?file[d]?|received\s+for\s+information|received\s+and\s+noted|notes?\s+the|"
                         r"(?:received|reviewed)\s+the\s+(?:\w+\s+){0,3}(?:report|reports|update|information|presentation))\b")),
    ("granted", re.compile(r"(?i)\bgranted\b")),
    # a policy, constitution, budget or by-law approved is adopted: "agreed to accept this revised policy"
    ("adopted", re.compile(r"(?i)\badopt(?:ed|ion|s)?\b|\bhenceforth\b|\b(?:accept|approv|agree|in\s+agreement)\w*\s+(?:to\s+accept\s+|with\s+)?(?:the\s+|this\s+|these\s+)?"
                           r"(?:[\w\-’']+\s+){0,3}?(?:policy|policies|constitution|budget|by-?laws?|standing\s+orders|terms\s+of\s+reference)\b|\b(?:ordinance|by-?laws?|resolution)\b[^.]{0,100}\b(?:do\s+now\s+pass|hereby\s+passed|be\s+passed|passed)\b"
                           # a resolution making or fixing a financial instrument (a scheme, the rates, a precept,
                           # a levy) is adopted as a budget is: "That the Council makes a scheme for the waiver of rates"
                           r"|\b(?:makes?|made|apply|applies|fix(?:es)?|strikes?|levies)\s+(?:[\w’'\-]+\s+){0,5}?(?:schemes?|precepts?|levy|(?:tax\s+|annual\s+)?rates)\b"
                           r"|\b(?:rates|precept|levy|budget)\b[^.]{0,150}\bbe\s+(?:determined|fixed|struck|levied|set)\b")),
    ("approved", re.compile(r"(?i)\bbe\s+approved\b")),
    # a register row's result column reads like "carried": "MOTION: Accept X | Passed - 8 in favour"
    # "carried" as a result, not "a job evaluation is carried out" / "carried forward"
    ("carried", re.compile(r"(?i)\bcarried\b(?!\s+(?:out|forward|over|through)\b)|\|\s*passed\b")),
    ("approved", re.compile(r"(?i)\b(?:so\s+ordered|approv\w*|agree[ds]?|agreement|accept(?:ed|s)?|confirm(?:ed)?|ratif\w+|endorse[d]?|resolved\s+to|"
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
            and not re.search(r"(?i)\bmotion\b|\bapprov|^\W*(?:resolved|that)\b", flat):
        return "other"
    if _READING.search(flat) and not re.search(r"(?i)\b(?:failed|defeated|lost|withdrawn|deferred)\b", flat):
        return "other"  # an ordinance read a first/second/third time: a step in its passage, not its outcome
    if _UNDERTAKING.match(flat):
        return "other"  # "Willie agreed to phone the supplier": one person's undertaking, not the body's decision
    for name, pat in _OUTCOME_RULES:
        if pat.search(flat):
            if name == "noted" and _AGREED_TO.search(flat):
                return "approved"  # "noted the update and agreed that ...": agreeing to act is more than noting
            return name
    if re.match(r"(?i)^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:it\s+was\s+)?(?:resolved|decided)\b", flat):
        return "approved"  # "RESOLVED: That the Committee supports ..." puts its text into effect
    return "other"


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------

_HEADER_CELL = {"mover": re.compile(r"(?i)^(?:moved(?:\s+by)?|mover|proposed(?:\s+by)?|proposer)$"),
                "seconder": re.compile(r"(?i)^(?:seconded(?:\s+by)?|seconder|second(?:ed)?)$")}


def _cells_of(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _table_movers(text: str, start: int) -> tuple[str | None, str | None]:
    """A motions table ("Motion | Moved by | Seconded by | Status"): the row's mover and seconder
    cells, read through the nearest header row above it."""
    line_end = text.find("\n", start)
    row = _cells_of(text[start: line_end if line_end >= 0 else len(text)])
    for prev in reversed(text[max(0, start - 3000):start].split("\n")):
        if not prev.strip():
            continue
        if "|" not in prev:
            return None, None  # the table ends here without a header naming movers
        cells = _cells_of(prev)
        cols = {k: next((i for i, c in enumerate(cells) if pat.match(c)), None) for k, pat in _HEADER_CELL.items()}
        if cols["mover"] is None and cols["seconder"] is None:
            continue
        if len(cells) != len(row):
            return None, None
        get = lambda k: clean_name(row[cols[k]]) if cols[k] is not None and row[cols[k]] else None  # noqa: E731
        return get("mover"), get("seconder")
    return None, None


def _decision(text: str, grp: list[Sentence]) -> dict | None:
    start, end = grp[0].start, grp[-1].end
    body = text[start:end].strip()
    if not re.search(r"[A-Za-z]{2,}", body):
        return None
    mover, seconder = movers(body)
    if mover is None and len(grp) == 1 and _TABLE_ROW.search(grp[0].text):
        mover, seconder = _table_movers(text, start)
    if mover is None and len(grp) == 1 and _SLASH_ROW.match(grp[0].text):
        mover, seconder = _slash_movers(grp[0].text)
    # outcome and vote come from what the decision's own sentences say, not from the item
    # description or discussion taken in as context
    tagged = [x for x in grp if x.tags]
    core = text[tagged[0].start:tagged[-1].end] if tagged else body
    vote, inferred = parse_vote(core)
    # the outcome is read from what the tagged sentences say: discussion a late result was
    # joined across ("Peter noted that ...") does not decide it
    outcome = outcome_of("\n".join(x.text for x in tagged) if tagged else core)
    if outcome == "other" and core != body:
        outcome = outcome_of(body)  # "She sought approval of such. Proposed by X, seconded by Y."
    inferred = list(inferred)
    if not re.search(r"(?i)\b(?:carried|lost|failed|defeated|approved|adopted|agreed|noted|deferred|referred|refused|"
                     r"granted|withdrawn|rejected|passed|accepted|confirmed|denied)\b", body):
        inferred.append("outcome")
    return {"text": body, "start": start, "end": end, "outcome": outcome, "mover": mover,
            "seconder": seconder, "vote": vote, "inferred": inferred, "sents": grp}


def extract_texts(texts: list[str]) -> list[list[dict]]:
    """Decisions of consecutive texts of one meeting (preamble, items in order), per text.

    Per text, sentences are grouped into decisions; across texts, the items a consent
    agenda motion approved in one vote get that motion's mover, seconder and vote.
    """
    segs = []
    for text in texts:
        sents = sentences(text)
        found = _announced_lists([d for d in (_decision(text, g) for g in group_sentences(sents)) if d])
        segs.append((text, sents, found))
    _consent_pass(segs)
    _list_then_result_pass(segs)
    out = []
    for _, _, found in segs:
        for d in found:
            d.pop("sents", None)
        out.append(found)
    return out


# "Two resolutions were proposed and unanimously adopted. They were: 1. Resolved that ... 2. Resolved
# that ...", "The following motions were carried:": the announcement gives the outcome of the
# resolutions listed after it, which are the decisions; the announcement is their heading.
_ANNOUNCED = re.compile(
    r"(?i)^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:the\s+following|(?P<n>two|three|four|five|six|seven|eight|nine|ten|both|\d{1,2})|all|several)"
    r"(?:\s+\w+)?\s+(?:resolutions|motions|recommendations|proposals)\s+(?:were|was)\b[^.]{0,60}?\b"
    r"(?P<verb>adopted|approved|carried|agreed|passed)\b")
_ANNOUNCED_OUTCOME = {"adopted": "adopted", "approved": "approved", "agreed": "approved", "carried": "carried", "passed": "carried"}


def _announced_lists(found: list[dict]) -> list[dict]:
    out: list[dict] = []
    k = 0
    while k < len(found):
        d = found[k]
        tagged = [x for x in d["sents"] if x.tags]
        m = _ANNOUNCED.match(tagged[-1].text) if tagged else None
        listed = []
        if m and len(tagged) == 1:
            n = m.group("n")
            n = 2 if n and n.lower() == "both" else (_num(n) if n else None)
            for d2 in found[k + 1:]:
                first = d2["sents"][0]
                if not (first.tags & {"resolved", "quote"}) or first.para - d["sents"][-1].para > 2 + 2 * len(listed) \
                        or (n is not None and len(listed) >= n):
                    break
                listed.append(d2)
        if listed:
            for d2 in listed:
                d2["outcome"] = _ANNOUNCED_OUTCOME[m.group("verb").lower()]
                if "outcome" not in d2["inferred"]:
                    d2["inferred"].append("outcome")
            k += 1  # the announcement heads its list; the listed resolutions are the decisions
            continue
        out.append(d)
        k += 1
    return out


def extract_decisions(text: str) -> list[dict]:
    """Decisions found in one text: [{text, start, end, outcome, mover, seconder, vote, inferred}]."""
    return extract_texts([text])[0]


# A motion that approves several agenda items in one vote ("approve Consent Calendar Item Nos.
# 5 through 17", "items A-D on the Unanimous Consent Agenda", "the balance of the ... Consent
# Report as identified below"): each item's recommendation that follows is a decision too.
_CONSENT = re.compile(r"(?i)\bconsent\s+(?:agenda|calendar|report|items?)\b|\bbalance\s+of\s+the\b[^.]{0,120}\b(?:report|agenda|items)\b")
_RANGE = re.compile(r"(?i)\bitems?\s+(?:nos?\.?\s*)?([A-Z]|\d{1,3})\s*(?:-|–|through|thru|to)\s*([A-Z]|\d{1,3})\b")
_RECOMMENDATION = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:Recommended\s+Action\s*:|Recommendation\s*:|For\s+the\s+(?:[A-Z]\w*\s+){1,4}(?:of\s+(?:[A-Z]\w*\s+){1,3})?to\s+[a-z]|"
    r"RESOLUTION\s+NO\b|[\"“]?That\s)")
_CONSENT_END = re.compile(r"(?i)\bend\s+of\s+(?:the\s+)?consent\b")
# "items G-1 through G-8": agenda codes of one section, counted by their numbers
_CODE_RANGE = re.compile(r"(?i)\bitems?\s+(?:nos?\.?\s*)?([A-Z])[-.]?(\d{1,3})\s*(?:-|–|through|thru|to)\s*([A-Z])[-.]?(\d{1,3})\b")
# An entry of a counted consent list that carries no motion of its own: a verbless approval
# ("Acceptance of gift to ...", "Approval to dispose of ...") or a title closed by its outcome
# ("Warrants and payroll – approved as submitted.").
_CONSENT_ENTRY = re.compile(
    r"(?m)^(?:(?:Approval|Acceptance|Adoption|Ratification|Authori[sz]ation|Award|Receipt)\s+(?:of|to|for)\s"
    r"|[^\n]*\s[–—-]\s*(?:approved|adopted|accepted|ratified|received)(?:\s+as\s+\w+)?\s*\.?[ \t]*$)")


def _range_size(text: str) -> int | None:
    cm = _CODE_RANGE.search(text)
    if cm and cm.group(1).upper() == cm.group(3).upper() and 1 < int(cm.group(4)) - int(cm.group(2)) + 1 <= 60:
        return int(cm.group(4)) - int(cm.group(2)) + 1
    m = _RANGE.search(text)
    if not m:
        return None
    a, b = m.group(1), m.group(2)
    if a.isdigit() and b.isdigit():
        n = int(b) - int(a) + 1
    elif a.isalpha() and b.isalpha():
        n = ord(b.upper()) - ord(a.upper()) + 1
    else:
        return None
    if not 1 < n <= 60:
        return None
    excepted = len(re.findall(r"(?i)\bexcept(?:ion)?\b[^.]{0,40}?\bitem", text))
    return n - excepted


_LINE_START = re.compile(r"(?m)^[ \t]*(?=\S)")


def _from_line_matching(text: str, s: Sentence, pattern: re.Pattern) -> Sentence | None:
    """The part of `s` from the line where `pattern` matches to its end: a recommendation may run
    on from the title line it follows ("1. Minutes of June 10\nAdopt the minutes ...")."""
    for lm in _LINE_START.finditer(text, s.start, s.end):
        at = lm.end()
        if at < s.start or (at == s.start and not s.line_start):
            continue
        if pattern.match(text[at:s.end]):
            if at == s.start:
                return s
            return Sentence(at, s.end, re.sub(r"\s+", " ", text[at:s.end]).strip(), s.para, True)
    return None


def _consent_pass(segs: list[tuple[str, list[Sentence], list[dict]]]) -> None:
    stream = []  # (seg index, sentence, decision containing it or None), in document order
    for si, (_, sents, found) in enumerate(segs):
        owner = {id(x): d for d in found for x in d["sents"]}
        stream += [(si, x, owner.get(id(x))) for x in sents]
    for k, (si, sent, dec) in enumerate(stream):
        if dec is None or sent is not dec["sents"][0] or not _CONSENT.search(dec["text"]):
            continue
        if not (dec["mover"] or dec["vote"] or re.search(r"(?i)\bmoved|\bmotion", dec["text"])):
            continue
        limit = _range_size(dec["text"])

        def entry(t: str) -> bool:  # a counted list's entries may be verbless
            return bool(_RECOMMENDATION.match(t) or (limit is not None and _CONSENT_ENTRY.search(t)))
        block: list[dict] = []
        seen = {id(dec)}
        for si2, s2, d2 in stream[k + len(dec["sents"]):k + len(dec["sents"]) + 400]:
            if _CONSENT_END.search(s2.text):
                break
            if d2 is not None and id(d2) in seen:
                continue
            if d2 is not None:
                seen.add(id(d2))
                if d2["mover"] and not _RECOMMENDATION.match(d2["text"]):
                    if limit is None:
                        break
                    continue  # an item pulled from the consent list and moved on its own
                if entry(d2["text"]):
                    block.append(d2)
                elif d2["vote"] is not None and block and not d2["mover"]:
                    block.append(d2)  # the vote recorded after the list of items
                    break
            elif (sub := _from_line_matching(segs[si2][0], s2, _RECOMMENDATION)
                   or (_from_line_matching(segs[si2][0], s2, _CONSENT_ENTRY) if limit is not None else None)) is not None:
                text = segs[si2][0]
                new = _decision(text, [sub])
                if new:
                    segs[si2][2].append(new)
                    segs[si2][2].sort(key=lambda d: d["start"])
                    block.append(new)
                    seen.add(id(new))
            if limit is not None and len([b for b in block if entry(b["text"])]) >= limit:
                break
        if not block:
            continue
        vote = dec["vote"] or next((b["vote"] for b in reversed(block) if b["vote"] is not None), None)
        if dec["vote"] is None and vote is not None:
            dec["vote"] = vote
            dec["inferred"].append("vote")
        for b in block:
            for f in ("mover", "seconder"):
                if not b[f] and dec[f]:
                    b[f] = dec[f]
                    b["inferred"].append(f)
            if b["vote"] is None and vote is not None:
                b["vote"] = vote
                b["inferred"].append("vote")
            # what the list's motion did (adopted the report, approved the agenda) is what
            # happened to each recommendation on it, unless the entry records its own fate
            own_fate = b["outcome"] in ("lost", "withdrawn", "deferred", "referred", "refused")
            if dec["outcome"] in ("adopted", "approved") and not own_fate and b["outcome"] != dec["outcome"]:
                b["outcome"] = dec["outcome"]
                b["inferred"].append("outcome")
            elif b["outcome"] == "other":
                b["outcome"] = "approved"
                b["inferred"].append("outcome")


# A consent list printed before its one results block ("APPROVAL OF CONSENT CALENDAR / 1. Minutes /
# Adopt the minutes of ... / 2. Meeting Calendar / Approve the proposed schedule ... / RESULT: APPROVED
# MOTION BY: X SECOND: Y AYES: ..."): each recommendation is a decision the block's vote made.
_IMPERATIVE = re.compile(r"^(?:Adopt|Approve|Authori[sz]e|Accept|Receive|Award|Ratify|Waive|Direct|Confirm|Appoint|Reject|Deny)\s+(?:the\s+|a\s+|an\s+)?\S")
_RESULT_LABEL = re.compile(r"(?i)^result\s*:")


def _list_then_result_pass(segs: list[tuple[str, list[Sentence], list[dict]]], reach: int = 40) -> None:
    stream = []
    for si, (_, sents, found) in enumerate(segs):
        owner = {id(x): d for d in found for x in d["sents"]}
        stream += [(si, x, owner.get(id(x))) for x in sents]
    for k, (si, sent, dec) in enumerate(stream):
        if dec is None or not _RESULT_LABEL.match(sent.text) or not (dec["mover"] or dec["vote"]):
            continue
        own_ctx = [x for x in dec["sents"] if x is not sent and not x.tags and x.start < sent.start]
        if dec["sents"].index(sent) != len(own_ctx):
            continue  # the block is not where this decision's own record starts
        recs: list[tuple[int, Sentence]] = []
        consent = False
        for si2, s2, d2 in reversed(stream[max(0, k - reach):k]):
            if d2 is not None and d2 is not dec:
                break
            if _CONSENT.search(s2.text):
                consent = True
                break
            sub = _from_line_matching(segs[si2][0], s2, _IMPERATIVE)
            if sub is not None:
                recs.insert(0, (si2, sub))
        if not consent or len(recs) < 2:
            continue
        text = segs[si][0]
        dec["sents"] = dec["sents"][len(own_ctx):]
        dec["start"] = sent.start
        dec["text"] = text[sent.start:dec["end"]].strip()
        for si2, r in recs:
            new = _decision(segs[si2][0], [r])
            if not new:
                continue
            new["outcome"] = dec["outcome"]
            for f in ("mover", "seconder", "vote"):
                new[f] = dec[f]
            new["inferred"] = ["outcome", "mover", "seconder", "vote"]
            segs[si2][2].append(new)
            segs[si2][2].sort(key=lambda d: d["start"])


def item_decisions(meeting: Meeting, item: AgendaItem) -> list[Decision]:
    """The decisions of one item, as register rows of this meeting."""
    return [_row(meeting, item, d) for d in extract_decisions(item.text)]


def extract_meeting_decisions(meeting: Meeting) -> list[Decision]:
    """Every decision of the meeting, in document order; decisions standing before the first
    item (in the preamble) are cited to the meeting's 'header' pseudo-item.

    Also keeps each item's `resolutions` (what passages and older callers read) equal to the
    texts of that item's decisions.
    """
    items = ([meeting.header_item()] if meeting.preamble else []) + list(meeting.items)
    heads = [_head(it) for it in items]
    out: list[Decision] = []
    for item, head, found in zip(items, heads, extract_texts([head + it.text for it, head in zip(items, heads)])):
        # the title is read with the text (segmenters cut titles mid-sentence: "... Moved by" /
        # "McPherson to adopt"), but what stands in the title alone is not a decision
        in_title = [d for d in found if d["end"] <= len(head.rstrip())]
        if head.endswith("\n\n"):
            # a title standing as its own paragraph heads the decision; it is not part of its text
            for d in found:
                if d["start"] < len(head) < d["end"] and not _needs_its_heading(d["text"][len(head) - d["start"]:]):
                    d["text"] = d["text"][len(head) - d["start"]:].lstrip()
                    d["start"] = len(head)
        rows = [_row(meeting, item, d) for d in found
                if not (d in in_title and len(found) > len(in_title)
                        and (_is_motion_heading(d["text"]) or not (d["mover"] or d["seconder"] or d["vote"])))]
        if any(item is it for it in meeting.items):
            item.resolutions = [d.text for d in rows]
        out += rows
    return out


_TITLE_CUT = re.compile(r"(?i)(?:\b(?:by|to|of|and|or|the|for|with|a|an|in|on|at|from|that|moved|seconded)|[,\-–])\s*$")


def _head(item: AgendaItem) -> str:
    """The item's title as the start of its text: on the same paragraph where the title was
    evidently cut from its sentence, else as a paragraph of its own."""
    title = (item.title or "").strip()
    if not title or item.number == HEADER_ITEM:
        return ""
    joined = _TITLE_CUT.search(title) or item.text[:1].islower() or (len(title) > 60 and not re.search(r"[.:!?)]$", title)) \
        or (_ABBREV.search(title) and item.text[:1] in "(,;")  # "... Contractors, Inc." / "(Ralph Roe, Pres) for ..."
    return title + ("\n" if joined else "\n\n")


def _needs_its_heading(text: str) -> bool:
    """An entry that says only its outcome ("Noted.", "AGREED") or moves its item by reference
    ("Moved by X to adopt. Motion Carried 7-0."): the heading is what was decided, so it stays
    in the decision's text."""
    first = sentences(text.strip())
    if not first:
        return False
    return bool(_BARE.match(first[0].text)) or _anaphoric(first[0])


def _is_motion_heading(text: str) -> bool:
    """'Motion to Adjourn', 'Motion to approve the budget' as an item's title, with the motion
    itself recorded in the item's text."""
    return bool(_MOTION_INTRO.match(text)) and not _RESULT.search(text) and len(text) < 120


def _row(meeting: Meeting, item: AgendaItem, d: dict) -> Decision:
    return Decision(meeting.id, meeting.committee, meeting.council, meeting.date, item.label, item.title,
                    d["text"], d["outcome"], d["mover"], d["seconder"], d["vote"], d["inferred"])


__all__ = ["extract_decisions", "extract_meeting_decisions", "item_decisions", "movers", "parse_vote", "outcome_of",
           "normalise_name", "same_member", "clean_name", "sentences", "HEADER_ITEM"]
