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
Split by job: members' names (`decision_names`), vote tallies and roll calls (`votes`), outcome
words (`decision_outcome`), elections (`elections`), consent agendas (`consent`), lists under a
decisions heading with trailing mover/seconder initials (`decision_lists`), what the lines after a
decision add to it, proposals pointing back and certified copies (`decision_follow`); this module
cuts sentences, tags and groups them, and runs the passes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# names, votes and outcomes live in their own modules; re-exported here for older callers
from .decision_names import (TITLE_WORDS, _NAME_WORD, _NOT_NAME, _QUALIFIER, _TITLE,  # noqa: F401
                             _TITLE_STRIP, _name, clean_name, normalise_name, same_member)
from .decision_follow import drop_certified_copies, extend_following, join_proposals
from .decision_lists import heading_list_decisions
from .decision_outcome import outcome_of
from .consent import _consent_pass, _list_then_result_pass
from .elections import fold_elections
from .model import HEADER_ITEM, AgendaItem, Decision, Meeting
from .votes import _N, _num, label_columns, parse_vote, row_table_tally, table_tally  # noqa: F401


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
    r"(?:\b(?:Cllrs?|Crs?|Mr|Mrs|Ms|Dr|St|Nos?|Co|Inc|Ltd|Corp|Pres|Jr|Sr|vs|approx|Rev|Hon|Prof|Cttee|Mt|Ave|Rd|Dept|"
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
                      or _line_closed(prev_line, line, width)
                      # a flattened table's cells (one number per line) end where prose resumes
                      or (re.fullmatch(r"\s*(?:\d{1,3}|TOTAL|Total)\s*", prev_line) is not None
                          and re.match(r"\s*[A-Z][a-z]*\s+(?:[\w’'\-]+\s+){5}", line) is not None))
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
    out = [piece for s in out for piece in _split_dispositions(text, s)]
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


# Action minutes close each agenda entry with its disposition, in capitals and without a full
# stop: a roll call in "(Y-5)" / "(Y-4; N-1)" notation and the ordinance number it passed, or
# "CONFIRMED", "PLACED ON FILE", "REFERRED TO COMMISSIONER OF ...", "PASSED TO SECOND READING
# JANUARY 19, 2011 AT 9:30 AM", "ACCEPTED AS AMENDED". Page extraction often runs such entries
# together on one line, so the disposition ends the entry's sentence.
ROLL_NOTATION = r"\((?:Y|N)-\d{1,2}(?:[;,]?\s*(?:Y|N)-\d{1,2})*\)"
_DISPOSITION_WORD = (r"(?:CONFIRMED|ADOPTED|ACCEPTED|APPROVED|PASSED|FAILED|DENIED|CARRIED|DEFEATED|GRANTED|RATIFIED)"
                     r"(?:\s+AS\s+AMENDED)?")
_READING_DATE = r"(?:\s+TO\s+SECOND\s+READING(?:\s+[A-Z]{3,9}\s+\d{1,2},\s+\d{4})?(?:\s+AT\s+\d{1,2}:\d{2}\s+[AP]\.?M\.?)?)?"
_DISPOSITION = re.compile(
    rf"{ROLL_NOTATION}(?:\s+{ROLL_NOTATION})*(?:\s+(?:\d{{5,7}}\b(?:\s+AS\s+AMENDED)?|(?:[A-Z]{{3,}}\s+){{0,3}}?{_DISPOSITION_WORD}{_READING_DATE}))?"
    rf"|\bPLACED\s+ON\s+FILE\b|\bREFERRED\s+TO\s+(?:[A-Z&]{{2,}}\s+){{0,6}}[A-Z]{{2,}}\b"
    rf"|\b(?:[A-Z]{{3,}}\s+)?PASSED(?=\s+TO\s+SECOND\s+READING\b){_READING_DATE}")


def _split_dispositions(text: str, s: Sentence) -> list[Sentence]:
    """`s` cut after each disposition that more text follows (the next entry's number and title)."""
    pieces, start = [], s.start
    for m in _DISPOSITION.finditer(text, s.start, s.end):
        nxt = m.end() + len(text[m.end():s.end]) - len(text[m.end():s.end].lstrip())
        if nxt >= s.end or text[m.end():nxt] == "" or nxt <= start:
            continue
        pieces.append(Sentence(start, m.end(), "", s.para, s.line_start if start == s.start else False))
        start = nxt
    if not pieces:
        return [s]
    pieces.append(Sentence(start, s.end, "", s.para, False))
    return pieces


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
    # a nomination: "Cllr. J. Crowe proposed Cllr. P. Murphy for the position of Cathaoirleach ..., this
    # proposal was seconded by Cllr. C. Colleran Molloy and agreed by all present"
    re.compile(rf"{_name('mover')}\s+(?i:proposed|nominated)\s+{_name('nominee')}(?:\s+(?i:for|as)\b|\s*,(?=\s+{_name('sec2')}\s+(?i:seconded)))"
               rf"(?:[^.]{{0,200}}?(?i:{_SEC_KW})\s+(?i:by)\s+{_name('seconder')})?"),
    # X moved to / moved that / moved approval / moved the
    # (an adverb may stand between: "Cllr X then proposed the adoption of the document")
    re.compile(rf"{_name('mover')}\s+(?:(?i:then|also|subsequently|duly|formally|further)\s+)?(?i:moved|proposed|moves|motioned)(?:\s+(?i:to\b|that\b|the\b|approval|adoption|acceptance|(?!discussing|considering|talking|looking|exploring|revisiting)[a-z]+ing\b|"
               rf"for\b|a\s+motion|an?\s+amendment|as\b)|\s*,)"
               rf"(?:[^.]{{0,200}}?(?i:{_SEC_KW})\s+(?i:by)\s+{_name('seconder')})?"),
    # "Bob P. motion to accept minutes, Mike K. seconded": "motion" as the verb, in note-form minutes
    # (a first name and an initial or surname, opening the sentence or following a heading's colon)
    re.compile(rf"(?:^|(?<=[:.;]\s)|(?<=\n))(?P<mover>[A-Z][a-z]+(?:[ \t]+[A-Z][\w'’\-]*\.?){{1,2}})\s+(?i:motion)\s+(?i:to)\b"
               rf"(?:[^.]{{0,200}}?(?:,\s*|\s+)(?i:and\s+)?{_name('seconder')}\s+(?i:seconded)\b)?"),
    # "Moved (Smith/Jones) that ...", "Moved: Cr Smith / Cr Jones": mover and seconder as a pair; also
    # the moved/seconded(/carried) shorthand of American minutes: "M/S/C (Smith/Jones) to approve ..."
    re.compile(rf"(?:(?i:\b(?:moved|proposed))|(?-i:\bM/S(?:/[CPF])?\b|\bMS[CPF]?\b))\s*[:(]?\s*{_name('mover')}\s*/\s*{_name('seconder')}\s*\)?"),
    # X accepted/put/proposed ... and Y seconded: whoever acted first in a seconded sentence moved it
    re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n)){_name('mover')}\s+(?:[a-z]+ed)\b[^.]{{0,200}}?(?:,\s*|\s+)(?i:and\s+)?{_name('seconder')}\s+(?i:seconded)\b"),
    # "Moved Cr Smith, seconded Cr Jones that ...": the verbs without "by", names straight after
    re.compile(rf"(?i:\b(?:moved|proposed))[ \t]+{_name('mover')}\s*,?\s*(?i:and\s+)?(?i:seconded|second)[ \t]+{_name('seconder')}"),
    # a transcript's speaker moving in the first person: "Harold: I move to approve ...". The speaker
    # label is the mover (chat-style and verbatim minutes print who spoke before each turn)
    re.compile(rf"(?:^|(?<=\n))[ \t]*{_name('mover')}[ \t]*:[ \t]*I[ \t]+(?i:move|propose)[ \t]+(?i:to|that|the|approval|adoption)\b"
               rf"(?:[^.]{{0,200}}?\.\s+{_name('seconder')}\s+(?i:seconds|seconded)\b)?"),
]
_SECOND_PATTERNS = [
    re.compile(rf"(?i:\b{_SEC_KW}\s+by:?|\bsecond(?:ed)?\s*:|\bseconder\s*:)[ \t]*{_name('seconder')}"),
    # (in the present tense too, as chat-style minutes write it: "Troy moves to adjourn. Jamison seconds.")
    re.compile(rf"{_name('seconder')}\s+(?i:seconded|seconds\b(?:\s+(?:it|the\s+motion))?(?=\s*[.,;)]|\s*$)|supported\s+the\s+motion|agreed\b(?=\s*[.]?\s*$))"),
    # "X moved to approve the minutes, Y seconding."
    re.compile(rf"(?:,|\band)\s+{_name('seconder')}\s+(?i:seconding)\b"),
]


class _Guarded:
    """A pattern that opens with a member's name (costly to try at every position) behind a cheap
    test for a word it cannot match without: same matches, a fraction of the time."""

    def __init__(self, guard: str, pattern: re.Pattern):
        self.guard, self.pattern_ = re.compile(guard, re.I), pattern

    def search(self, text: str, *args):
        return self.pattern_.search(text, *args) if self.guard.search(text) else None

    def sub(self, repl, text: str):
        return self.pattern_.sub(repl, text) if self.guard.search(text) else text

    def __getattr__(self, name):
        return getattr(self.pattern_, name)


# the word each name-first pattern needs ("made a motion", "so moved", "nominated", "moved to", "seconded")
_GUARDS = {4: r"second|supported", 5: r"motion", 6: r"so\s+move", 7: r"proposed|nominated",
           8: r"mo(?:ved|ves|tioned)|proposed", 9: r"motion", 11: r"seconded", 13: r"\bI\s+(?:move|propose)\b"}
_MOVE_PATTERNS = [_Guarded(_GUARDS[k], pat) if k in _GUARDS else pat for k, pat in enumerate(_MOVE_PATTERNS)]
_SECOND_PATTERNS = [_SECOND_PATTERNS[0], _Guarded(r"seconded|seconds|supported|agreed", _SECOND_PATTERNS[1]),
                    _Guarded(r"seconding", _SECOND_PATTERNS[2])]
# "the user stories proposed by Elie", "the changes moved by the Clerk": a participle after a noun
# names who put something forward; a motion says "Proposed by X", "It was proposed by X", "X
# proposed", or has a seconder or a result
_PROPOSED_BY_NOUN = re.compile(
    r"\b(?!(?:was|were|is|are|be|been|being|and|duly|then|also|jointly|unanimously|formally|it|motion|resolution|"
    r"amendment|minutes)\b)[a-z]{3,}\s+(?:proposed|moved|suggested|put\s+forward)\s+(?i:by)\b")
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
    # informal results: "No Nays.", "All vote to approve- no nays.", "member body approved, no dissent."
    r"|\bno\s+(?:nays|noes|dissent)\b|\ball\s+(?:members\s+)?vote[ds]?\s+(?:to\s+approve|in\s+favou?r|yes|aye)\b|\bmember(?:ship)?\s+body\s+approved\b"
    r"|\bput\s+to\s+(?:the\s+|a\s+)?vote\b|\bupon\s+(?:a\s+)?(?:voice|roll\s+call)\s+vote\b|\broll[\s-]call\s+(?:vote|was\s+taken)\b|\bthe\s+vote\s+was\b|\bpasses\b|\bcarried\b\.?\s*$)"
    # a result word opening the line, not a word opening prose ("Lost going on this week", "Passed
    # around the table"): what follows is a count, "unanimously", "by ...", or nothing
    r"|(?-i:^\W*(?:M/S/[CP]|MS[CP])\b)"  # moved, seconded and carried/passed, in one mark
    r"|^(?:CARRIED|Carried|LOST|Lost|FAILED|Failed|DEFEATED|Defeated|PASSED|Passed)\b"
    r"(?!\s+(?!(?:unanimously|by|with|on|nem|without|and|as|in\s+favou?r)\b)[a-z])"
)
_VOTE_LABEL = re.compile(
    r"(?i)\b(?:(?:voting|voted|votes?)\s+)?(ayes?|yeas?|yes|for|in\s+favou?r|nays?|noes|no|against|opposed|abstain(?:ed|ing|s|ers|ions?)?|"
    r"absent|pass|recused|not\s+voting)\s*:"
)
_RESOLVED = re.compile(
    # (a resolution's own number may label it: "Resolution 2023-14: RESOLVED that ...", "R2018-077 RESOLVED")
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s+|(?i:resolution|res\.?|minute)?\s*(?:no\.?\s*)?[A-Z]{0,3}\d[\w/.-]{0,12}\s*[:.\-–]?\s+)?[\"“‘']?(?!Resolved\s*:?\s*\d)(?:RESOLVED|Resolved|AGREED|DECIDED|Decided|RECOMMENDED|"
    r"It\s+was\s+(?:further\s+|also\s+|therefore\s+|then\s+|unanimously\s+|duly\s+)*(?:resolved|agreed|decided|carried|approved|adopted|AGREED|RESOLVED|NOTED|DECIDED))\b"
    r"|\b(?:it\s+was|and)\s+(?:further\s+|also\s+|therefore\s+|unanimously\s+)*(?:RESOLVED|resolved|AGREED|agreed|DECIDED|decided|NOTED)\s*(?:that|to|:)"
    r"|\bit\s+BE\s+NOTED\b|\bBE\s+NOTED\b"
)
_QUOTED_THAT = re.compile(r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?[\"“‘']\s*(?:That|We\b|THAT)\b|^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:That|THAT)\s+(?!is\b|was\b|would\b|this\b|\w+ed\b|the\s+\w+\s+(?:is|was)\b"
    # spoken "That" as a pronoun, in a transcript: "That takes us to the regular agenda.", "That search is underway."
    r"|(?:takes|gets|brings|leaves|means|concludes|completes|relieves|sounds|seems|makes|puts|goes|works|helps|says|looks|"
    r"covers|ends|wraps|answers|raises|happens)\b|[a-z]+\s+(?:is|was)\s+(?:underway|done|fine|right|correct|true|good|it)\b)")
_STATEMENT = re.compile(
    r"(?:\b(?:was|were|be)\s+(?:duly\s+|unanimously\s+|formally\s+|then\s+|all\s+|therefore\s+|also\s+|subsequently\s+|reluctantly\s+|,\s*)*"
    r"(?:approved|adopted|agreed|accepted|confirmed|ratified|endorsed|carried(?!\s+(?:out|forward|over|through))|rejected|refused|deferred|withdrawn|elected|"
    r"granted|passed|postponed|tabled|defeated|appointed|co-opted|selected|"
    # "were referred to with respect", "was referred to in the report": mentioned, not sent on
    r"referred(?!\s+to\s+(?:with|in|as|by|during|earlier|above|below|briefly|again|here|there|throughout)\b))\b"
    r"|\b(?:members|councillors|councilors|the\s+(?:board|committee|council|commission|commissioners|meeting|trustees|directors|members|councillors|panel|group|parish\s+council|town\s+council|city\s+council|planning\s+commission|governors|partnership)|"
    # (the words between subject and verb: not "members through an agreed process", not "has approved" (a report))
    r"council|the\s+\w+\s+(?:board|committee|council|commission))\s+(?:(?!an?\s|the\s|has\s|have\s|had\s)\w+\s+){0,2}?"
    r"(?:agreed|resolved|decided|voted|approved|adopted|accepted|selected|declined|refused|rejected|instructed|"
    r"certified|declared|authori[sz]ed|delegated|appointed|co-opted|confirmed\s+(?:its|their|the|that\s+it)|"
    r"agrees|resolves|decides|approves|wishes\s+to\s+approve|"
    # the body's decision in the present tense, as e-voted boards record it: "The Board of Directors
    # accepts X's application ...", "The Board votes in favour of adopting the ... Policy"
    r"accepts|adopts|grants|rejects|refuses|appoints|elects|ratifies|endorses|votes\s+(?:in\s+favou?r|to|against)|"
    r"endorsed|ratified|unanimously|were\s+in\s+agreement|by\s+consensus|"
    r"(?:received|reviewed)\s+the\s+(?:\w+\s+){0,3}(?:report|reports|update|information|presentation|minutes|accounts))\b"
    r"|(?-i:(?<![A-Z][\s,])\b(?!IT\b|BE\b)[A-Z]{2,5}\s+(?:noted(?!\s+(?:that|the\s+following|further))|agreed|resolved|decided|approved)\b)"  # "noted that": reported speech
    r"|^(?:this|that|which|these|this\s+\w+)\s+(?:was|were)\s+(?:duly\s+)?noted\s*[.!]?$|\b(?:the\s+)?consensus\s+(?:was|being)\s+(?:to|that)\b"
    r"|\((?:approved|agreed|adopted|carried|passed)\)"
    # the members deciding in the first person, as informal minutes write it: "We decided to publish ..."
    r"|^\W*we\s+(?:(?:then|also|all|unanimously)\s+)?(?:decided|agreed|resolved|voted)\s+(?:unanimously\s+)?(?:to|that|on|not\s+to)\b"
    # an election without a vote: "X was nominated and seconded as Chair and ... accepted the role"
    r"|\b(?:was|were)\s+(?:duly\s+)?(?:proposed|nominated)\s+and\s+seconded\s+(?:as|for)\b"
    # "Accounts were presented and accepted for payment", "... which was considered and approved"
    r"|\b(?:was|were)\s+(?:also\s+|then\s+)?(?:\w+ed)\s+and\s+(?:approved|accepted|agreed|adopted|confirmed|endorsed)\b(?!\s+(?:at|by|in|during)\b)"
    # a consultee's answer: "The Parish Council had no objections or comments" (to a planning application)
    r"|\b(?:council|committee|board|members|meeting)\s+(?:had|raised|made)\s+no\s+(?:objections?|comments?)\b"
    # contentment recorded for the body: "All Councillors noted they were content.", "Members were content with the proposal"
    r"|\b(?:members|councill?ors|councilors|trustees|directors|governors)\s+(?:present\s+)?(?:(?:noted|confirmed|indicated|said|agreed)\s+(?:that\s+)?they\s+)?"
    r"(?:were|was)\s+(?:all\s+)?(?:content|happy|satisfied)\b(?!\s+to\s+(?:wait|leave|discuss|hear))"
    r"|\bwere\s+in\s+agreement\b|\bby\s+(?:general\s+)?consensus\b|\bby\s+general\s+consent\b|\bapproved\s+by\s+(?:general|unanimous)\b"
    r"|\b(?:correct|true|accurate)\s+(?:and\s+accurate\s+)?(?:records?|accounts?)\b|\bapproved\s+(?:&|and)\s+signed\b"
    r"|\bdeferred\s+(?:to|until|till)\b|^\W*(?:tabled|deferred|postponed|held\s+over)\s+(?:pending|until|till)\b|\brefer(?:red)?\s+(?:back\s+)?to\s+(?:the\s+)?(?:cabinet|council|committee|board|next)\b"
    # a deferral, stated or announced: "will be put off until the 6.0 release", "held over to the next
    # meeting", "seasoned until next business meeting", "further consideration will be given at the next meeting"
    r"|\b(?:put\s+off|held\s+over|carried\s+(?:forward|over)|seasoned|laid\s+on\s+the\s+table|left\s+on\s+the\s+table)\s+(?:until|till|to)\b"
    r"|\bfurther\s+consideration\s+(?:will|would|shall|to)\s+be\s+given\b"
    r"|\bleave\s+a\s+decision\s+until\b|\bdecision\s+(?:was\s+)?(?:deferred|postponed)\b|\bduly\s+elected\b|(?<!being\s)\belected\s+(?:unopposed|on\s+a|as\b)"
    # an election's result: "The Mayor then DECLARED Councillor Tony Murphy elected Mayor.", "declared Cllr. X
    # elected as ...", "The Mayor DECLARED Councillor Aoibhinn Tormey as Area Cathaoirleach of ..."
    r"|\bdeclared\s+(?:elected\b|(?:[A-Z][\w.'’\-]*\s+){1,5}(?:to\s+be\s+)?(?:duly\s+)?(?:elected|re-elected)\b|(?-i:(?:[A-Z][\w.'’\-]*\s+){1,5}as\s+(?:the\s+)?[A-Z]))"
    r"|\band\s+agreed\s+by\s+(?:all|the\s+members|everyone|those)\b"
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
    # agreement reached without a vote: "Consensus was reached to ...", "Lazy consensus reached on ...",
    # "There was agreement to postpone ...", "Unanimous approval of the agenda."
    r"|\b(?:consensus|agreement)\s+(?:was\s+|has\s+been\s+)?(?:reached|achieved|obtained)\b|^\W*there\s+was\s+(?:general\s+|broad\s+|unanimous\s+)?agreement\s+(?:to|that|on)\b"
    r"|\bunanimous(?:ly)?\s+(?:approval|agreement|consent|support)\s+(?:of|for|to|that)\b"
    # a body named by its abbreviation voting: "The TSC voted to accept the project into incubation"
    r"|(?-i:\b(?:The\s+)?[A-Z]{2,5}\s+(?:unanimously\s+)?voted\s+(?:unanimously\s+)?(?:to|in\s+favou?r|for|against)\b)"
    # telegraphic minutes: "Minutes from last meeting: approved.", "Treasurer's report accepted."
    r"|^(?!\W*(?:\w+ly|all|it|this|that|which)\W+(?:approved|adopted|accepted|ratified|carried)\b)[^.:]{3,80}?(?::\s*|\s+)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bnot\s)(?<!\bto\s)(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bif\s)"
    r"(?:approved|adopted|accepted|ratified|carried)(?:\s+(?:unanimously|as\s+(?:submitted|presented|amended|read|circulated|written)))?"
    r"(?:\s+(?:by\s+(?:all|everyone|consensus|acclamation|the\s+(?:meeting|members|board|committee|council))|without\s+(?:objection|dissent))"
    r"(?:\s+(?:members\s+)?present)?)?\s*[.!]?$"
    # a proposal closed by its result after a colon: "Barbecues: have them every 2 weeks: passed."
    r"|\S:\s*(?:approved|adopted|accepted|ratified|carried|passed|agreed)(?:\s+unanimously)?\s*[.!]?$"
    # "KIV" (keep in view): a matter held over, in note-form minutes
    r"|(?-i:\bKIV\b)|\bkeep\s+in\s+view\b"
    # an item taken off the agenda by the chair: "the Cathaoirleach removed agenda item 3 from the agenda"
    r"|\bremoved\s+(?:agenda\s+)?item\s+[\w.]+\s+from\s+the\s+agenda\b|\b(?:item|motion|matter)\s+(?:[\w.]+\s+)?(?:was|is)\s+removed\s+from\s+the\s+agenda\b"
    # an item held on the agenda for a later meeting: "Let's leave on the agenda.", "leave on agenda until next week"
    r"|^\W*(?:let[’']?s\s+|we\s+will\s+|agreed\s+to\s+)?(?:leave|keep)\s+(?:it\s+|this\s+)?on\s+(?:the\s+)?agenda\b|\b(?:leave|keep)\s+on\s+(?:the\s+)?agenda\s+(?:until|for|till)\b"
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
    r"|^(?:agreed|resolved|decided)\s+(?:unanimously\s+)?(?:to|that|not\s+to|on)\b|\b(?:it\s+was|they|we|members|councill?ors|councilors|council|board|committee|meeting|trustees|directors|commissioners)\s+(?:\w+\s+)?resolved\s+(?:to|not\s+to|that)\b|\bagreed\s+(?:unanimously\s+)?(?:to|that)\b(?=.*\b(?:it|members|councillors|board|committee|council|we|meeting|all)\b)"
    # everyone present agreeing, in notes of a call (a speaker label may open the line): "Omar: Everyone
    # on the call agreed that the format should migrate ...", "All present agreed to ..."
    r"|^\W*(?:[A-Z][\w'’\-]*\s*:\s*)?(?:everyone|everybody|all|those)(?:\s+(?:present|attending|participants|attendees))?"
    r"(?:\s+(?:on|at|in)\s+the\s+(?:call|meeting))?\s+(?:(?:then|also|unanimously)\s+)?agreed\s+(?:that|to|on)\b)",
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
    r"SUPPORTED|Supported|ACCEPTED|Accepted|PASSED|Passed|REJECTED|Rejected|"
    r"(?:(?:The\s+)?(?:Reports?|Minutes|Accounts|Recommendations?)\s+(?:were\s+|was\s+)?(?:accepted|received|approved|adopted|noted))|No\s+(?:Violation|Objection)s?|No\s+(?:[Oo]bjections?|[Cc]omments?)\s+(?:were\s+)?(?:raised|made|received|lodged)|NO\s+VIOLATION|NO\s+(?:OBJECTIONS?|OBSERVATIONS?|COMMENTS?)(?:\s+BUT\b.*)?|Agreed\s+unanimously|Approved\s+unanimously|"
    r"Carried\s+unanimously|CARRIED\s+UNANIMOUSLY|Motion\s+(?:carried|passed|failed|lost)(?:\s+unanimously)?|"
    # an issue tracker's disposition under the issue's heading, in working-group notes: "Closed with pull
    # request #145", "Closed as duplicate" (a bare "Closed" is an action log's status, not enough)
    r"(?:Closed|CLOSED)\s+(?:(?:with|by|via|in)\s+(?:the\s+)?(?:pull\s+request|PR|merge\s+request|commit)\s*#?[\w\-]*|as\s+(?:a\s+)?"
    r"(?:duplicate|fixed|resolved|won[’']?t\s+fix|not\s+planned|invalid|out\s+of\s+scope)))"
    r"(?:\s*\(?\d+\s*[-–:]\s*\d+(?:\s*[-–:]\s*\d+)*\)?)?"
    # "Approved without objection.", "Agreed nem. con."
    r"(?:\s+(?i:without\s+(?:objection|dissent)|nem\.?\s*con\.?))?\s*[.!]?"
    r"(?:\s+[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*)?$"  # an action log's owner column: "Supported. GD"
)
_RECOMMENDED = re.compile(r"^(?:Recommended\s+Action|Recommendation|Decision|Outcome|Resolution|RESOLUTION|Motion|Agreed|Decided|"
                          r"Agreed\s+action|Action\s+agreed)\s*:\s*\S", re.I)
# Not decisions although they share words: reports of what someone else did, future intentions.
_NOT_DECISION = re.compile(
    # the chair opening or constituting the meeting: "The meeting was declared a public meeting pursuant to ..."
    r"\b(?:meeting|session)\s+(?:was|is)\s+(?:then\s+)?declared\s+(?:open|closed|a\s+(?:public|special|closed|statutory)\s+meeting)\b|"
    r"^(?:apologies(?!\s+(?:were|was|are)\s+(?:\w+\s+)?(?:accepted|approved)\b)|present|presiding|in\s+attendance|also\s+present)\b|^(?:approved|adopted|signed)\s+by\b[^.]*:?\s*$|\bwill\s+be\s+(?:approved|adopted|agreed)\b|\bto\s+be\s+(?:approved|adopted)\s+at\b"
    r"|\bhad\s+been\s+(?:approved|adopted|agreed)\s+(?:by|at)\s+(?:the\s+)?(?:government|county|state|department|minister)\b"
    # approved "by" someone other than this meeting: a report of another body's decision
    r"|\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:approved|endorsed|agreed|adopted|accepted|ratified)\s+by\s+"
    r"(?!(?:the\s+)?(?:committee|council|board|members|meeting|panel|commission|commissioners|trustees|directors|councill?ors|"
    r"general|unanimous|a\b|majority|show|all|those|vote|acclamation|consensus)\b)"
    r"|\b(?:was|were|had\s+been|has\s+been)\s+(?:refused|granted|rejected|deferred)\s+by\s+(?:the\s+)?(?!(?:committee|council|board|members|meeting)\b)"
    r"|\bwhich\s+(?:was|were|had\s+been|has\s+been)\s+(?:granted|approved|refused|agreed|adopted)\b"
    r"|\bif\s+(?:\w+\s+){1,2}(?:approves|agrees|decides|accepts|adopts|votes|grants|rejects|refuses|(?:were|was|is)\s+(?:approved|agreed|adopted))\b"  # a condition, not a decision
    r"|\b(?:resolution|motion|notice\s+of\s+motion)\s+(?:passed|adopted|agreed)\s+(?:by|at)\s+(?!(?:the\s+|this\s+)?(?:meeting|committee|board)\b)"
    r"|\b(?:had|has|have)\s+(?:previously|already|originally)\s+(?:been\s+)?(?:approved|agreed|granted|refused|adopted)\b"
    r"|\b(?:previously|already|originally)\s+(?:been\s+)?(?:approved|agreed|granted|refused|adopted)\b"
    # a past decision dated in its own sentence: "the Rules adopted in 2003", "accepted as a TLP in December 2014"
    r"|\b(?:approved|adopted|adoption|agreed|granted|refused|passed|established|accepted)\b(?:(?!\bto\b|\bthat\b)[^.]){0,30}?\bin\s+"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d\b(?![/\-]\d)"
    r"|\b(?:approved|agreed|granted|refused|adopted)\b[^.]{0,20}\b(?:previously|already)\b"
    r"|(?<!of\s)\bthe\s+(?:previous|earlier|original|last)\s+(?:\w+\s+)?(?:was|were|had\s+been)\s+(?:approved|granted|refused|agreed|adopted)\b"
    r"|\bit\s+was\s+confirmed\s+(?:[^.]{0,40}?\s)?that\b[^.]*\b(?:would|will|had|has|is|are|could|can|may|might)\b"
    # a decision of an earlier, dated meeting told before its verb: "At the January 2018 meeting the Board
    # approved ...", "noted at the September 2017 Board meeting it was approved ..."
    r"|\b(?:at|during)\s+(?:the|its|their)\s+(?:(?:previous|last|prior|earlier|preceding|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|"
    r"(?:19|20)\d\d)\s+){1,3}(?:[A-Z][\w’'\-]*\s+){0,2}meeting,?\s+(?:[\w’'\-]+\s+){0,3}?(?:approved|agreed|adopted|decided|resolved)\b"
    # the later certification of these minutes: "The Board approved the preceding minutes on May 14, 2018"
    r"|\b(?:preceding|foregoing|above|within|these)\s+minutes\s+(?:were\s+|was\s+)?(?:(?:approved|adopted)\s+)?on\b"
    # the confirmation certificate printed for a later meeting to fill in: "The Minutes were confirmed at a
    # meeting of the Council held on ____"
    r"|\bminutes\s+(?:were|was)\s+(?:confirmed|approved|adopted|signed)\s+at\s+a\s+(?:subsequent\s+|later\s+)?meeting\b[^.]{0,60}\bheld\s+on\b"
    # an earlier meeting's decision recalled: "it was agreed at the last meeting that a letter be sent"
    r"|\b(?:agreed|resolved|decided|approved)\s+at\s+(?:the|a|its)\s+(?:last|previous|prior|preceding|earlier)\s+(?:\w+\s+)?meeting\b"
    # a member yielding the floor: "Seth deferred to Mark who presented the changes"
    r"|^\W*(?:[A-Z][\w'’.\-]*\s+){1,3}deferred\s+to\s+(?:the\s+)?(?:[A-Z][\w'’.\-]*\s*){1,3}(?:who|for|on|,|\.|$)"
    # the consent agenda's standing explanation: "items ... selected because they were considered to be routine"
    r"|\b(?:considered|deemed)\s+(?:to\s+be\s+)?routine\b"
    # history told in passing: "... the process since 18th November 2024 when Members resolved to alter ..."
    r"|\bwhen\s+(?:the\s+)?(?:members|council|councill?ors|board|committee|trustees|directors)\s+(?:had\s+)?(?:resolved|agreed|decided|voted|approved|adopted)\b",
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
# A member's question reported: "Cllr. X enquired if the resolution wasn't approved ...": whatever
# result words it holds are asked about, not recorded.
_REPORTED_QUESTION = re.compile(_REPORTED_SPEECH.pattern.replace(
    r"(?:stated|said|reported|explained|advised|told|informed|mentioned|commented|indicated|believes|believed|shared|"
    r"continued\s+by\s+explaining)\b",
    r"(?:enquired|inquired|queried|wondered|asked)\s+(?:if|whether|about|what|why|how|when)\b"))


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
_ONE_PERSON = (
    rf"(?:(?:The\s+)?(?:[A-Z][a-z]+\s+)?(?:Clerk|Secretary|Treasurer|Chair(?:man|person|woman)?|Officer|Manager|Chief\s+Executive)"
    rf"|{_TITLE}{{1,2}}{_NOT_NAME}{_NAME_WORD}(?:\s+{_NOT_NAME}{_NAME_WORD}){{0,3}}"
    rf"|(?!{_BODY_WORD}\b){_NOT_NAME}[A-Z][\w'’\-]*\.?(?:\s+(?!{_BODY_WORD}\b){_NOT_NAME}[A-Z][\w'’\-]*\.?){{0,2}}){_QUALIFIER}")
_PERSON_UNDERTAKES = re.compile(
    # one person, or two named together ("Both Mr. Gunreben and Mr. Williams agreed to have an update")
    rf"^\W*(?:Both\s+(?={_TITLE}|(?!{_BODY_WORD}\b)[A-Z]))?(?!{_BODY_WORD}\b){_ONE_PERSON}(?:\s+and\s+(?!{_BODY_WORD}\b){_ONE_PERSON})?"
    r"\s+(?:(?:also\s+|kindly\s+|has\s+|have\s+|had\s+|then\s+)*(?:agreed|offered|volunteered|undertook)\s+to\s+"
    r"(?!the\b|this\b|that\b|these\b|those\b|it\b)[a-z]"
    # "Norman will update the bylaws ...": a person's future undertaking, not the body's decision
    r"|will\s+(?:also\s+|then\s+)?(?!be\b|have\b|not\b)[a-z]+\s)")


# One titled member agreeing with a view in discussion ("Councilor Schoen agreed that the number of
# questions should be pared down"): an opinion, not the body's decision.
_MEMBER_OPINION = re.compile(
    rf"^\W*(?!(?:Mayor|Chair(?:man|person|woman)?|President|Cathaoirleach)\b){_TITLE}{{1,2}}{_NOT_NAME}{_NAME_WORD}(?:\s+{_NOT_NAME}{_NAME_WORD}){{0,2}}{_QUALIFIER}"
    r"\s+(?:also\s+|further\s+)?agreed\s+(?:that|with)\b")


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


# Mover and seconder printed as a pair BEFORE the motion they move, with no verb: "R2018-077
# L. Smith, L. Andersen: That we approve ...", "Smith / Jones: THAT the report be received",
# or the pair alone on the line above the motion (an item heading). Optional resolution code
# (it holds a digit), two names split by a comma or slash, and a motion's opening after them.
_PAIR_CODE = r"(?:(?:[A-Z][A-Za-z]{1,11}\.?[ \t]+(?:No\.?[ \t]*)?)?[A-Z]{0,5}[\-#]?\d[\w\-/.#]{0,14}[ \t]+)?"  # "R2018-077", "Resolution No. 24/15"
_PAIR = rf"{_name('mover')}[ \t]*(?:,|/|&)[ \t]*{_name('seconder')}"
_MOTION_OPENING = r"(?:[\"“‘]?(?:That|THAT|BE\s+IT|Be\s+it|WHEREAS|Whereas|RESOLVED|Resolved|NOW\s+THEREFORE)\b)"
_LEADING_PAIR = re.compile(rf"^[ \t]*{_PAIR_CODE}\(?{_PAIR}\)?[ \t]*(?::[ \t]*|[ \t]*\n[ \t]*)(?={_MOTION_OPENING})")
_PAIR_LINE = re.compile(rf"(?:^|\n)[ \t]*{_PAIR_CODE}\(?{_PAIR}\)?[ \t]*:?[ \t]*(?:\n[ \t]*)+$")
_PAIR_NOT = re.compile(r"(?i)\b(?:present|absent|regrets|apologies|attendance|staff|members|councillors|and)\b")


def _pair_of(m: re.Match | None) -> tuple[str | None, str | None]:
    if m is None or _PAIR_NOT.search(m.group(0)):
        return None, None
    mover, seconder = clean_name(m.group("mover")), clean_name(m.group("seconder"))
    if not mover or not seconder or same_member(mover, seconder) \
            or any(len(n.split()) > 4 for n in (mover, seconder)):
        return None, None
    return mover, seconder


def leading_pair(text: str, start: int, body: str) -> tuple[str | None, str | None]:
    """(mover, seconder) a motion's leading pair names: on the motion's own line before it
    ("CODE Name, Name: That ..."), or alone on the line(s) just above it; (None, None) when the
    motion does not open with one. Only a motion's opening ("That", "BE IT RESOLVED") qualifies:
    a comma pair before ordinary prose is a list of people, not a mover and seconder."""
    got = _pair_of(_LEADING_PAIR.search(body))
    if got[0]:
        return got
    if not re.match(rf"[ \t]*{_MOTION_OPENING}", body):
        return None, None
    line_start = text.rfind("\n", 0, start) + 1
    same_line = text[line_start:start]
    if same_line.strip():
        return _pair_of(_LEADING_PAIR.search(same_line + body[:40]))
    return _pair_of(_PAIR_LINE.search(text[max(0, start - 160):start]))


_URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+")


_CORRECTION = re.compile(r"(?i)^\W*(?:minute|item|paragraph|page|resolution)\s+(?:no\.?\s*)?[\w/.\-()]+\s+(?:should|to)\s+(?:now\s+)?read\b")
_ATTENDANCE_ROLL = re.compile(r"(?i)\b(?:at|on)\s+the\s+(?:commencement|start|beginning|opening)\s+of\s+the\s+meeting,?\s+"
                              r"(?:a\s+|the\s+)?roll[\s-]call\s+was\s+(?:taken|called|held)\W*$")
_ENDS_IN_DISPOSITION = re.compile(rf"(?:{_DISPOSITION.pattern})\s*$")


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
    if _CORRECTION.search(t):
        return tags  # "Minute 64/17c should read: ... These were unanimously agreed.": a correction of earlier minutes
    if _ATTENDANCE_ROLL.search(t):
        return tags  # "At the commencement of the meeting a roll call was taken.": attendance, not a vote
    if _MEMBER_OPINION.match(t) and not (_RESOLVED.search(t) or any(p.search(t) for p in _MOVE_PATTERNS) or _RESULT.search(t)):
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
        if "?" in t.split("\n")[0] and not any(p.search(t) for p in _MOVE_PATTERNS):
            tags.discard("motion")  # "Proposal: add all new core modules under a scope?": a topic put as a question, not a motion
        if _PROPOSED_BY_NOUN.search(t) and not _MOTION_INTRO.match(t) and not any(p.search(t) for p in _SECOND_PATTERNS) \
                and not _RESULT.search(t) and not _RESOLVED.search(t) \
                and not any(p.search(_PROPOSED_BY_NOUN.sub(" ", t)) for p in _MOVE_PATTERNS):
            tags.discard("motion")  # "Discuss the user stories proposed by Elie": what someone put forward, not a motion
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
    if _STATEMENT.search(t) or _STATEMENT_CASED.search(t) or _ENDS_IN_DISPOSITION.search(t):
        tags.add("statement")
    if not tags and re.search(r"(?i)\b\d+\s+(?:yes|ayes?|yeas?|for|in\s+favou?r)\s*[,;]\s*\d+\s+(?:no|nays?|noes|against|opposed)\b", t):
        tags.add("votes")  # "The vote totals on this amendment were: 5 yes, 0 no, 0 abstain."
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
    if tags and _REPORTED_QUESTION.match(t) and not tags & {"motion", "resolved", "bare", "votes"} \
            and not re.search(r"(?i)\b(?:and|which)\s+(?:this\s+|it\s+|that\s+)?(?:was|were)\s+(?:\w+\s+)?(?:agreed|approved|granted|accepted)\b", t):
        return set()  # a member's question about an outcome is not the outcome
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
    r"(?:was|were)\b|^(?:AGREED|Agreed|RESOLVED|Resolved)\s+(?:to|that)\b.{0,60}$"
    # a decision told as the consequence of the sentence before: "X (Proposer) was not in attendance.
    # Consequently, the Cathaoirleach removed agenda item 3 from the agenda"
    r"|^(?:consequently|accordingly|as\s+a\s+result|as\s+such|therefore|hence|for\s+this\s+reason)\b")


# The sentence before a statement says what the statement decides about: the body taking up a
# request or report ("Members noted request for speaking time. It was agreed for ..."), or an
# officer announcing the action ("The City Attorney stated there was reportable action on Item 2.").
_ANNOUNCES_NEXT = re.compile(
    r"(?i)^(?:the\s+)?(?:members|councill?ors|councilors|council|board|committee|commission|trustees|directors)\s+"
    r"(?:noted|considered|discussed|received|reviewed)\s+(?:the\s+|a\s+)?(?:request|letter|application|proposal|correspondence|invitation)\b"
    r"|\breportable\s+action\b|\breported\s+out\b"
    # a request the next sentence answers: "Member requested permission to contact X. Permission was granted"
    r"|\brequested\s+(?:permission|approval|leave)\s+to\b")


_MOTION_OPEN_END = re.compile(r"(?i)\b(?:moved|proposed|move|moves|that|it\s+is|it\s+be|as\s+follows|the\s+following)\s*$")


def group_sentences(sents: list[Sentence]) -> list[list[Sentence]]:
    """Adjacent tagged sentences that make one decision."""
    correction_para = -1
    for s in sents:
        s.tags = _tag(s)
        if _CORRECTION.search(s.text):
            correction_para = s.para
        elif s.para == correction_para:
            s.tags = set()  # the rest of a correction's paragraph is the corrected text ("These were agreed.")
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
                if not ctx:
                    ctx = _record_before(sents, i, groups)  # "E/40480 / Agricultural Storage Building / ... / NO OBJECTIONS"
                if i > 0 and not sents[i - 1].tags and _NEXT_MEETING.search(sents[i - 1].text) and s.text.rstrip(".") in ("Approved", "APPROVED", "Agreed"):
                    cur = None  # "The next meeting will take place on ... / Approved ____": the signature block
                    prev = s
                    continue
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
        elif _ENDS_IN_DISPOSITION.search(s.text) and not _DISPOSITION.match(s.text):
            # an action-minutes entry closed by its own disposition stands alone; a disposition alone
            # under its entry's title ("Pay claim of X" / "(Ordinance) (Y-5) 184355") takes the title
            ctx = _context_before(sents, i, groups, max_sents=1) if len(s.text) < 60 else []
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


_ANNOUNCES_VOTE = re.compile(r"(?i)\b(?:vote|roll[\s-]call|ballot|poll)\b[^.]{0,80}?\b(?:as\s+follows|the\s+following\s+(?:result|vote)|"
                             r"follows)\s*[:.]?\s*$")


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
        a = index[id(p.last)] + 1 if p is not None else 0
        between = sents[a:index[id(g.sents[0])]] if p is not None else []
        # "... votes in favour of the following amendment:" / the wording / "The vote totals were: 5 yes, 0 no"
        announced = p is not None and "statement" in p.tags and p.last.text.rstrip().endswith((":", ":-"))
        # "One vote was taken on the proposal as follows" / "For: (20) ... Against: (0)": the roll call
        # announced after a proposal that already says "it was agreed" is that proposal's vote
        g_first = next((x for x in g.sents if x.tags), g.sents[0])
        roll_call = p is not None and "votes" in g_first.tags \
            and any(_ANNOUNCES_VOTE.search(x.text) for x in between + [x for x in g.sents if not x.tags])
        # "X moved for $300 ... / Y suggested ... / X amended his motion. / Z seconded. Motion carried.": the
        # seconder and result of the motion still awaiting both
        seconds_it = p is not None and "second" in g.tags and g.tags <= {"second", "result", "votes", "bare"} and "second" not in p.tags
        if p is not None and g.tags and (g.tags <= {"result", "votes"} or refers_back or seconds_it
                                         or (roll_call and g.tags <= {"result", "votes", "statement"})) \
                and (p.tags & {"motion", "quote"} or announced) \
                and (not p.tags & {"result", "bare", "votes"} or (roll_call and not p.tags & {"bare", "votes"})):
            if len(between) <= max_between * (3 if announced else 1) and not any(x.tags or (x.line_start and _ITEM_MARKER.match(x.text))
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


_REF_CODE = re.compile(r"^(?:[A-Z]{1,4}/\d{3,}|\d{2,4}/\d{2,6}(?:/[A-Z]{1,4})?|[A-Z]{1,3}\d{2,}/\d+)\b")


_NEXT_MEETING = re.compile(r"(?i)\bnext\s+(?:[\w\-]+\s+){0,2}meeting\b[^.]{0,40}\b(?:will|is\s+to|shall)\s+(?:take\s+place|be\s+held)\b")


def _record_before(sents: list[Sentence], i: int, groups: list[_Group], max_fields: int = 10) -> list[Sentence]:
    """A register entry laid out one short field per line or paragraph, its reference first
    ("E/40480 / Agricultural Storage Building / Panteg Bungalow / ... / R Lewis / NO OBJECTIONS",
    a planning list turned into text): the fields back to the reference are what the outcome is about."""
    taken = {id(x) for g in groups for x in g.sents}
    ctx: list[Sentence] = []
    j = i - 1
    while j >= 0 and len(ctx) < max_fields:
        p = sents[j]
        nxt = ctx[0] if ctx else sents[i]
        if id(p) in taken or p.tags or len(p.text) > 90 or p.para < nxt.para - 1 or not p.line_start:
            return []
        ctx.insert(0, p)
        if _REF_CODE.match(p.text):
            return ctx
        j -= 1
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


def _field_value(text: str, m: re.Match, group: str) -> str | None:
    """A name captured after a label ("Seconder: Councillor Kevin Callan") ends with its line:
    the next line ("Having considered ...") is not more of it."""
    value = m.group(group)
    if value and "\n" in value and re.search(r":[ \t]*$", text[:m.start(group)]):
        value = value.split("\n")[0]
    return value


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
            mover = clean_name(_field_value(text, m, "mover"))
            gd = m.groupdict()
            seconder = clean_name(_field_value(text, m, "seconder") if gd.get("seconder") else gd.get("seconder2"))
            break
    if seconder is None:
        for p in _SECOND_PATTERNS:
            m = p.search(text)
            if m and clean_name(m.group("seconder")) and (mover is None or m.start() >= 0):
                cand = clean_name(_field_value(text, m, "seconder"))
                if cand and cand != mover:
                    seconder = cand
                    break
    return mover, seconder






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


# the chair's disposition closing the entry as a sentence of its own: "... as presented. Carried."
_CLOSING_CARRIED = re.compile(r"(?:^|[.!?:;)]\s+|\n)\W*(?:the\s+)?(?:motion\s+)?(?:carried|CARRIED|Carried)(?:\s+unanimously|\s+UNANIMOUSLY)?\W*$", re.I)


_PAIR_MOTION_LINE = re.compile(rf"(?m)^[ \t]*{_PAIR_CODE}\(?{_PAIR}\)?[ \t]*:?[ \t]*(?:\n[ \t]*)*(?P<motion>{_MOTION_OPENING})")
_HAS_RESULT_WORD = re.compile(r"(?i)\b(?:carried|lost|defeated|failed|withdrawn|deferred|tabled)\b")


def _pair_motion_results(text: str, found: list[dict], reach: int = 2500) -> list[dict]:
    """A motion opened by a leading mover/seconder pair and closed by the chair's "Carried." a few
    paragraphs on ("R2018-081 A, B: That we set the tax rates as:" / "Education Rate ... Carried.",
    or a by-law's "Read a first, second and third time and passed. Carried."): the result is that
    motion's, so the result entry takes the motion's start and pair; an open motion found on its
    own (no result of its own) and its result become one decision."""
    for d in list(found):
        if d not in found or d["mover"] or not _CLOSING_CARRIED.search(d["text"]) or _LEADING_PAIR.search(d["text"]):
            continue
        window_start = max(0, d["start"] - reach)
        opens = [m for m in _PAIR_MOTION_LINE.finditer(text, window_start, d["start"])]
        if not opens:
            continue
        m = opens[-1]
        mover, seconder = _pair_of(m)
        if not mover:
            continue
        between = [e for e in found if e is not d and e["end"] > m.start() and e["start"] < d["start"]]
        # only the open motion itself may stand between: anything with its own result, or a
        # second motion, means the result belongs to something else
        if len(between) > 1 or any(_HAS_RESULT_WORD.search(e["text"]) or e["start"] < m.start() for e in between):
            continue
        gap = text[max([e["end"] for e in between] + [m.end()]):d["start"]]
        if gap.count("\n\n") > 8 or _PAIR_MOTION_LINE.search(gap):
            continue
        start = m.start("motion")  # the motion, without its code and pair label
        for e in between:
            found.remove(e)
        d["start"], d["text"] = start, text[start:d["end"]].strip()
        d["mover"], d["seconder"] = mover, seconder
        if d["outcome"] in {"approved", "adopted", "other"}:
            d["outcome"] = "carried"
    return found


def _decision(text: str, grp: list[Sentence]) -> dict | None:
    start, end = grp[0].start, grp[-1].end
    body = text[start:end].strip()
    if not re.search(r"[A-Za-z]{2,}", body):
        return None
    mover, seconder = leading_pair(text, start, body)
    label = _LEADING_PAIR.search(body) if mover else None
    if label:
        # "R2018-077 L. Smith, L. Andersen: That we approve ...": the code and pair label the
        # motion; the decision's text is the motion
        start = text.index(body, start) + label.end()
        body = text[start:end].strip()
    if mover is None:
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
    if outcome in {"approved", "adopted", "other"} and _CLOSING_CARRIED.search(body) \
            and not re.search(r"(?i)\b(?:moved|moves|proposed|motion)\b", body):
        # "That the minutes be adopted as published. Carried.": a resolution put without a
        # "Moved ... to adopt" is recorded by the result printed, not by its own verb
        outcome = "carried"
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
        found = _join_motion_outcome(text, fold_elections(text, found))
        found = _pair_motion_results(text, found)
        _roll_call_tables(text, found)
        found = heading_list_decisions(text, sents, found)
        found = join_proposals(extend_following(text, sents, found))
        segs.append((text, sents, found))
    _consent_pass(segs)
    _list_then_result_pass(segs)
    drop_certified_copies([found for _, _, found in segs])
    out = []
    for _, _, found in segs:
        for d in found:
            d.pop("sents", None)
        out.append(found)
    return out


_ANNOUNCES_TABLE = re.compile(r"(?i)\b(?:roll[\s-]call|vote|division|poll)\b[^.]{0,60}\b(?:as\s+follows|following\s+result)\s*[:.]?\s*$")


_ROLL_CALL_TAKEN = re.compile(r"(?i)\broll[\s-]call\s+(?:vote\s+)?(?:was\s+)?(?:taken|held|undertaken|conducted|requested|took\s+place)\b")


def _roll_call_tables(text: str, found: list[dict], reach: int = 6000) -> None:
    """A vote announced as a table ("The results of the roll call vote were as follows:") that the
    extraction flattened into one cell per line: its confirmed column counts are the decision's tally."""
    for k, d in enumerate(found):
        if d["vote"] is not None:
            continue
        announced = any(_ANNOUNCES_TABLE.search(s.text) for s in d["sents"])
        if not announced and not any(_ROLL_CALL_TAKEN.search(s.text) for s in d["sents"]):
            continue
        end = found[k + 1]["start"] if k + 1 < len(found) else len(text)
        region = text[d["start"]:min(end, d["end"] + reach)]
        # (a roll call said to be taken, without "as follows", is read only from a row-by-row table
        # whose printed total confirms it)
        vote = (table_tally(region) if announced else None) or row_table_tally(region)
        if vote is not None:
            d["vote"] = vote
            d["inferred"].append("vote tally")
        # the result printed under the table: "Rejected." / "And Resolved."
        lost = re.search(r"(?m)^[ \t]*(?:Rejected|REJECTED|Lost|LOST|Defeated|DEFEATED|Not\s+carried)\.?[ \t]*$", region)
        if d["outcome"] not in ("lost", "withdrawn") and (lost or (vote is not None and (vote.against or 0) > vote.for_)):
            d["outcome"] = "lost"


_REFERS_TO_MOTION = re.compile(r"(?i)^\W*(?:the|this|that|said)\s+(?:motion|proposal|resolution)\b")


def _join_motion_outcome(text: str, found: list[dict]) -> list[dict]:
    """A motion introduced, then voted on, then its outcome stated on its own ("Councillor X
    introduced the motion." / "A roll call vote was taken with the following result: For - 27,
    Against - 0" / a table / "The motion, proposed by X and seconded by Y, was approved ..."):
    one decision, not three. The outcome statement takes in the introduction and the vote."""
    out: list[dict] = []
    for d in found:
        tagged = [s for s in d["sents"] if s.tags]
        if tagged and _REFERS_TO_MOTION.match(tagged[0].text) and d["outcome"] != "other" and out:
            chain: list[dict] = []
            for q in reversed(out):
                qtags = set().union(*(s.tags for s in q["sents"]))
                if qtags and qtags <= {"result", "votes"}:
                    chain.insert(0, q)  # the vote, recorded apart from the motion
                    continue
                if "motion" in qtags and not qtags & {"bare", "statement", "resolved"} and not _OUTCOME_WORD.search(q["text"]):
                    chain.insert(0, q)  # the motion as introduced, with no outcome of its own
                break
            if chain and "motion" in set().union(*(s.tags for s in chain[0]["sents"])):
                del out[-len(chain):]
                d["sents"] = [s for q in chain for s in q["sents"]] + d["sents"]
                d["start"] = chain[0]["start"]
                d["text"] = text[d["start"]:d["end"]].strip()
                for f in ("mover", "seconder", "vote"):
                    if d[f] is None:
                        d[f] = next((q[f] for q in chain if q[f] is not None), None)
        out.append(d)
    return out


# "Two resolutions were proposed and unanimously adopted. They were: 1. Resolved that ... 2. Resolved
# that ...", "The following motions were carried:": the announcement gives the outcome of the
# resolutions listed after it, which are the decisions; the announcement is their heading.
_ANNOUNCED = re.compile(
    r"(?i)^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:the\s+following|(?P<n>two|three|four|five|six|seven|eight|nine|ten|both|\d{1,2})|all|several)"
    r"(?:\s+\w+)?\s+(?:resolutions|motions|recommendations|proposals)\s+(?:were|was)\b[^.]{0,60}?\b"
    r"(?P<verb>adopted|approved|carried|agreed|passed)\b")
_ANNOUNCED_OUTCOME = {"adopted": "adopted", "approved": "approved", "agreed": "approved", "carried": "carried", "passed": "carried"}


_LIST_HEADING = re.compile(r"(?i)^\W*the\s+following\s+(?:[\w\-]+\s+){1,3}(?:were|was|have\s+been|has\s+been)\s+(?:\w+\s+)?"
                           r"(?:agreed|approved|made|noted|submitted|recorded|resolved)\s*:\s*$")


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
        # "The following observations were agreed:" heading entries that each record their own outcome
        # ("E/40480 ... NO OBJECTIONS"): the heading is not a decision beside them
        nxt = found[k + 1] if k + 1 < len(found) else None
        if not listed and len(d["sents"]) == 1 and _LIST_HEADING.match(d["sents"][0].text) and nxt is not None \
                and nxt["sents"][0].para - d["sents"][0].para <= 3 and any("bare" in x.tags for x in nxt["sents"]):
            k += 1
            continue
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
    if len(title) >= 20 and title.rstrip(".:;") in (item.text or "")[:len(title) + 80]:
        # a title the segmenter took from the text's own first sentence (a resolution titled by its
        # motion): the text says it already, so reading it twice would put the motion before its label
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
    # ("(Ordinance) (Y-5) 184355": an action-minutes disposition under its entry's title)
    return bool(_BARE.match(first[0].text)) or _anaphoric(first[0]) \
        or (bool(_ENDS_IN_DISPOSITION.search(first[0].text)) and len(first[0].text) < 60)


def _is_motion_heading(text: str) -> bool:
    """'Motion to Adjourn', 'Motion to approve the budget' as an item's title, with the motion
    itself recorded in the item's text."""
    return bool(_MOTION_INTRO.match(text)) and not _RESULT.search(text) and len(text) < 120


def _row(meeting: Meeting, item: AgendaItem, d: dict) -> Decision:
    return Decision(meeting.id, meeting.committee, meeting.council, meeting.date, item.label, item.title,
                    d["text"], d["outcome"], d["mover"], d["seconder"], d["vote"], d["inferred"])


__all__ = ["extract_decisions", "extract_meeting_decisions", "item_decisions", "movers", "parse_vote", "outcome_of",
           "normalise_name", "same_member", "clean_name", "sentences", "HEADER_ITEM"]
