"""Find the agenda items of a minutes document from its blocks, by weighing evidence.

Minutes are laid out in many ways: printed numbers of any shape ("12.", "LA 17/27", "09.23.04",
"C/151/25", "2962.", "IV."), Word/HTML list numbering the text does not contain, headings
(HTML h1-h6, Markdown "#", DOCX heading styles, underlined reStructuredText titles), bold or
ALL-CAPS lines, sections whose numbering restarts, lettered sub-items, table rows. Body text is
full of the same shapes (numbered lists, addresses, amounts, dates), so no single rule can say
"this line is an item". Instead:

1. every block that *could* head an item becomes a candidate, tagged with its scheme (the
   shape of its number, or its typography) and a weight for how much it looks like a title;
2. each scheme is a hypothesis for the top level of the agenda, scored by its evidence: the
   total weight of its best *consistently increasing* run (consecutive numbers count extra);
   typographic schemes score their members, less than numbers do;
3. under the chosen top level, one other scheme may form a second level inside the items:
   numbering that restarts under each parent ("1 (Consent Agenda)", "a)", "5.1"), or
   sub-headings under unnumbered headings. A level is accepted only if its evidence passes a
   threshold; bold/caps lines count as sections only if numbering restarts under two of them;
4. numbers that repeat in the document (restarting sections), and sub-items of numbered
   parents, are cited with their section: "3 (CONSENT AGENDA)", "a) (2)".

Evidence that is not a count: file/report numbers (20230065, CAFE-2014.5) identify items in any
order; a lone I, V, X, L or C is read both as roman and as a letter and its neighbours decide;
unnumbered headings after the last numbered item, set like the numbered ones, close the agenda
("AOB", "Date of next meeting"); a numbered paragraph that reads as a sentence ("135/19 Fire
Procedures was read by the Chair") is an item when it is exactly the missing step of the chosen
run, titled up to its verb or first full stop; the same missing step printed inside a paragraph
after a sentence ends, or with its dot lost ("21." between 2.0 and 2.2), or stacked with other
numbers in a column above their titles; a number printed twice where the first is the run's
next step; sub-numbers counting up from the first under an item that the chosen sub-level
missed. Typography counts too: PDF headings in the numbered headings' font size and weight
are items without a number (ceremony, department sub-headings), a Markdown/HTML heading tree
keeps its parent level, and sub-numbers that are mostly sentences are paragraph numbering, not
a level. Layout evidence of other kinds: sub-items always belong to the nearest item above
them (also one added to the run late); a heading carrying its parent's number plus one part
("### 4.1") is a sub-item even alone; a heading shallower in the markup tree ("##") is never
below a deeper one ("###"); a wrapper heading ("Agenda Items", "Meeting minutes") gives way to
the headings under it; entries under "Motions"/"Action Items"/"Attendees" are records, not
items; bulleted titles that each head their own text are sub-items; a plain-text line set off
by a blank line like the numbered headings, a heading typed as a paragraph of its own, an
uncoded bold heading between coded ones, and the business closing an agenda ("Next Meeting",
"Emergency Business ...") are items; a single "1." on a line of its own can be the whole
agenda. What is never an item: speakers of a transcript ("Gautier: ..." turn after turn),
labels over an attendance list ("I LATHAIR:"), addresses ("53 Huntington Ave."),
dates, times, amounts, motion lines ("1. Moved by ..."), running headers/footers, the
document's masthead, and a contents list or menu repeating the headings.

The thresholds are `SegmentParams`, chosen by leave-one-body-out cross-validation over the
development corpus (`minutes eval --structure --cv`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import product

from .blocks import Block, render_line, text_blocks

# Page furniture that ModernGov and PDF exports add to titles and lines.
_FURNITURE_SUFFIX = re.compile(
    r"\s*(?:pdf icon\s*)?PDF\s+[\d.,]+\s*[KMG]B\s*$|\s*View (?:the )?(?:directions|reasons why the item is restricted|the declarations of interest)\s*$",
    re.I,
)
_FURNITURE_LINE = re.compile(
    r"^(?:media|items|no\.?\s+item|view directions|additional documents:?|pdf icon.*|"
    r"view the declarations of interest.*|supporting documents:?|printed minutes.*|"
    r"agendas?, meetings and minutes.*|agenda and minutes|webcast.*|watch the webcast.*)$",
    re.I,
)
MARKER_RE = re.compile(r"^(additional documents|minutes|decision|supporting documents)\s*:?\s*$", re.I)
AGENDA_REF = re.compile(r"\s*\((?:agenda\s+)?item\s+(?P<n>[\w./]+)\)\s*$", re.I)
MD_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>\S.*?)\s*#*$")
TRUNCATION = re.compile(
    r"\s*(?P<dots>\.\.\.|…)?\s*view the full (?:minutes|decision) text for item\s+(?P<n>[\w/-]+(?:\.\d+)?)", re.I
)

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PREFIX = r"(?:Min(?:ute)?s?\.?\s*(?:No\.?\s*)?|Item\s+(?:No\.?\s*)?|Agenda\s+item\s+(?:No\.?\s*)?)"
# One printed item number. Order matters: the first alternative that fits wins.
_NUMBER = (
    r"(?P<num>"
    r"[A-Z]{1,5}(?:[ ./-]\s?)?\d{1,4}(?:\s?[./-]\s?\d{1,4}){0,2}[a-z]?"  # LA 17/27, C/151/25, CAFE-2014.5
    r"|\d{1,4}(?:\.\d{1,4}){1,3}(?![\d/])"  # 18.11.1, 2.3, 1.0, 09.23.04
    r"|\d{1,4}/\d{1,4}"  # 21/47
    r"|\d{1,3}(?:[A-Za-z](?![A-Za-z])|\([a-z]\)|\s?[a-z]\))"  # 5a, 2A, 5(b), 5 b)
    r"|\d{1,8}"  # 3, 2962, 20230065
    r"|\((?:\d{1,2}|[A-Za-z]{1,2}|[ivx]{1,5})\)"  # (1), (A), (a), (iv)
    r"|[IVXLC]{1,7}(?=[.):]|\s*$|\s+[A-Z])"  # IV. / IV / IV NEW BUSINESS
    r"|[A-Z]{1,2}(?=[.)])|[a-z](?=[.)])|[ivx]{1,5}(?=[.)])"  # A. AB. a) iv)
    r")"
)
NUMBER_LINE = re.compile(
    rf"^(?P<prefix>{_PREFIX})?{_NUMBER}[`'’]?(?P<sep>\.\)?|\)|:|\s+[-–—]\s*|\s+|$)\s*(?P<title>.*)$"
)
# A leading reference code before the agenda number: roll-call/resolution numbers ("99-464 12. ...").
_LEAD_CODE = re.compile(r"^\d{2,4}-\d{2,5}\s+(?=\S)")
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
_NOT_TITLE_START = re.compile(
    rf"^(?:{_MONTH}(?:\s|,|$)|(?:st|nd|rd|th)\b|%|(?:a\.?m|p\.?m)\b|\d{{2}}\s*(?:a\.?m|p\.?m)\b|\d{{1,2}}\s*(?:,\s*)?\d{{4}}\b|"
    r"(?:million|thousand|bn|m|k)\b)",
    re.I,
)
# A street address after a house number: the street type follows a name ("53 Huntington Ave."),
# so "12. Street Lighting Maintenance" is an item.
_STREET = re.compile(
    r"^(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.-]*\s+){1,3}(?:(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Lane|Ln|"
    r"Dr|Ct|Pl|Hwy|Highway|Parkway|Pkwy|Sq)\b\.?(?:\s|,|$)|(?:Drive|Way|Court|Place|Terrace|Square|Close|Crescent)\b\.?,)"
)
_OUTCOME_WORD = re.compile(
    r"^(?:RESOLVED|AGREED|NOTED|APPROVED|CARRIED|DECIDED|MOTION|MOTION CARRIED|ACTION|ACTIONS?|PAGE \d+|"
    r"RECOMMENDED|CONSENSUS|PASSED|DENIED|ADOPTED|FAILED|AYES?|NAYS?|YES|NO|ABSENT|ABSTAIN|NONE|N/A|TBC|"
    r"PRESENT|MOVED|SECONDED|SIGNED|CHAIR(?:MAN|PERSON)?|DATE|CLERK)\b[\s.:!-]*$"
)
_REPORTED = re.compile(
    r"\b(?:spoke|stated|expressed|said|asked|reported|explained|requested|thanked|advised|mentioned|commented|"
    r"questioned|informed|welcomed|was|were|is|are|has|have|had)\b"
)
_PAGE_MARK = re.compile(r"^[-=_\s]*(?:page\s+\d+(?:\s+of\s+\d+)?)[-=_\s]*$", re.I)
_VOTE_LABEL = re.compile(r"^(?:AYES?|NOES?|NAYS?|ABSENT|ABSTAIN(?:ED|S|ING)?|ABSTENTIONS?|PRESENT|STATUS|RECUSED|VOTE)\s*:", re.I)
# The document's own title lines, not items: "OPEN BOARD MEETING MINUTES", "AGENDA ITEMS",
# "December 10, 2018" (an unnumbered heading about approving minutes is an item, so not those).
_MASTHEAD = re.compile(
    rf"^(?!.*\b(?:approv|review|confirm|previous|last|adopt|accept|draft)\w*)(?:(?:[\w’'&.,-]+\s+){{0,6}}(?:meeting\s+)?minutes"
    rf"|agenda(?:\s+items?)?|(?:table\s+of\s+)?contents|(?:\w+day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+\d{{4}})\s*$",
    re.I,
)
_CAPS_RUNIN = re.compile(r"^(?P<head>[A-Z][A-Z’'&/,()]*(?:\s+[A-Z’'&/,()]+){0,7})\s+[-–—]\s*(?P<rest>\S.{8,})$")
_MOTION_START = re.compile(r"^(?:(?:moved|seconded|proposed)\s+by|motion\s+(?:by|to|carried)|that\s|resolved\b|it\s+was\s)", re.I)
_TITLE_RUNIN = re.compile(
    r"^(?P<head>[A-Z][\w’'&/]*(?:\s+(?:[A-Z][\w’'&/.]*|of|and|the|for|&|-)){0,5})\s*(?::|\s[-–—])\s*(?P<rest>\S.{3,}|)$")
_LABEL = re.compile(
    r"^(?:present|absent|apologies|also present|attendees?|attendance|motion|vote|moved|seconded|staff|council|"
    r"date|time|venue|location|place|result|action|actions|note|notes|minutes|chair|recommended action|"
    r"mover|seconder|ayes?|nays?|noes|status|department|in attendance|members|guests?|re|subject|online)\b",
    re.I,
)
# Agenda wording before an item's subject ("To Note:", "To Discuss and Approve:"): part of the title.
_AGENDA_VERB = re.compile(r"To\s+[A-Za-z]+(?:\s+(?:and|&|or)\s+[A-Za-z]+)?", re.I)
# Where a run-in numbered paragraph's title stops: a sentence break, or a finite verb that makes
# the line a sentence ("Emergency Evacuation Procedures was read by ...").
_RUNIN_STOP = re.compile(r"(?<=[a-z0-9)\]’'])[.;:](?=\s)|\s(?=•)|\s(?=(?:was|were|is|are|has|have|had|will|would)\b)")
# A report/file code with a year inside it: committee letters, year, serial ("CAFE-2014.5").
_YEAR_CODE = re.compile(r"[A-Z]{1,5}[-./]?\s?(?:19|20)\d\d[-./]\s?\d{1,4}")
# A line ending in an article, preposition or conjunction runs on to the next line: not a heading
# ("Held in the Council Chambers, Guelph City Hall on").
_RUNS_ON = re.compile(r"\b(?:of|and|the|for|to|in|on|at|with|by|a|an|or|from)$")
# A capitals heading run on by a lower-case qualifier ("LIABILITY CLAIM pursuant to Section 5").
_CAPS_HEAD = re.compile(r"^(?P<head>[A-Z][A-Z0-9'’&/-]*(?:\s+[A-Z0-9][A-Z0-9'’&/-]*)+)\s+"
                        r"(?=(?:pursuant|regarding|concerning|relating|under|per|re)\b)")
# A capitals title that runs straight into its first sentence ("... RESPONSE This was discussed",
# "... ON PURCHASE A selection of"): the title ends before the first word in lower case (or the
# lone "A"/"I" that starts the sentence).
_CAPS_RUNS_INTO = re.compile(r"^(?P<head>[A-Z][A-Z0-9'’&/-]*(?:\s+[A-Z0-9][A-Z0-9'’&/.-]*)+)\s+"
                             r"(?=[A-Z][a-z]|[AI]\s+[a-z])")
# A parenthetical beside a heading: the time it was taken, a page or agenda reference.
_ASIDE = re.compile(r"\([^()]{1,40}\)")
_UNDERLINE = re.compile(r"^(?P<ch>[=\-~^*+#])(?P=ch){2,}\s*$")


@dataclass(frozen=True)
class SegmentParams:
    """Segmentation thresholds, chosen by leave-one-body-out cross-validation.

    `typo_weight`: how much a typographic heading (caps, bold, heading style) counts for the
    top level relative to a numbered one. `child_min`: the evidence a second level needs
    (summed title weights) before it is believed rather than taken for a list in the text.
    """

    typo_weight: float = 0.5
    child_min: float = 2.0
    # A candidate whose title reads less like a title than this is not considered at all.
    min_weight: float = 0.7
    # How much a run of sub-numbers that continues the previous parent's run (5, 6 ... after
    # 1-4) counts as evidence for the parents as sections, relative to a run that restarts.
    continue_weight: float = 0.5


def param_grid():
    """The settings `--cv` chooses among: a small grid over the two knobs."""
    for tw, mw, cw in product((0.5, 0.7), (0.5, 0.7), (0.0, 0.5, 1.0)):
        yield SegmentParams(typo_weight=tw, min_weight=mw, continue_weight=cw)


@dataclass
class Cand:
    """A block that could head an item."""

    idx: int  # index of the first block of the heading
    end: int  # index of its last block (the title line for "number alone")
    number: str | None
    title: str
    scheme: str  # number shape ("d", "d.d", "A.", "LA d/d", "R") or typography ("h2", "caps", "bold")
    key: tuple[int, ...] | None
    weight: float
    style: str  # inline | alone | list | row | heading | caps | bold | underline | marker
    indent: float = 0.0
    weak: bool = False  # reads as a sentence: an item only if it fills a gap in a consecutive run
    offset: int = 0  # where the heading starts inside its block (a number printed mid-paragraph)


@dataclass
class RawItem:
    number: str | None
    title: str
    lines: list[str] = field(default_factory=list)
    agenda_number: str | None = None
    section: str | None = None
    page: int | None = None
    anchor: str | None = None
    level: int = 1


# --- numbers -------------------------------------------------------------------------------

def roman_value(s: str) -> int | None:
    s = s.upper()
    if not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", s) or not s:
        return None
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _letters_value(s: str) -> int:
    v = 0
    for ch in s.upper():
        v = v * 26 + (ord(ch) - 64)
    return v


def number_key(num: str) -> tuple:
    """Sort key for item numbers: "21/47" -> (21, 47), "2A" -> (2, 1), "IV" -> (4,), "b)" -> (2,)."""
    s = num.strip()
    s = re.sub(r"\s+\([^()]*\)\s*$", "", s) if re.search(r"\S\s+\(", s) else s  # "3 (Consent Agenda)"
    core = s.strip("()").rstrip(".):").strip()
    if re.fullmatch(r"[IVXLC]+", core) and roman_value(core):
        return (roman_value(core),)
    if re.fullmatch(r"[ivx]{2,5}", core) and roman_value(core):
        return (roman_value(core),)
    if re.fullmatch(r"[A-Za-z]{1,2}", core):
        return (_letters_value(core),)
    digits = [int(d) for d in re.findall(r"\d+", core)]
    m = re.search(r"\d\s*\(?([A-Za-z])\)?$", core)
    return (*digits, ord(m.group(1).upper()) - 64) if m else tuple(digits)


def number_shape(num: str) -> str:
    """Numbers of one scheme share a shape whatever their values: "d", "d.d", "LA d/d", "R", "(A)"."""
    s = num.strip()
    if re.fullmatch(r"[IVXLC]+", s):
        return "R"
    if re.fullmatch(r"\([ivx]{2,5}\)|\(i\)", s):
        return "(r)"
    if _YEAR_CODE.fullmatch(s):
        return "A-Y-d"  # report codes "CAFE-2014.5", "C.2014.14": one family whatever the separators
    wrap = "()" if s.startswith("(") else ""
    core = s.strip("()").rstrip(".):")  # "1." (Word's rendering) and "1" (typed) are one scheme
    if re.fullmatch(r"[A-Z]{1,2}", core):
        return wrap + "A"
    if re.fullmatch(r"[a-z]", core):
        return wrap + "a"
    if re.fullmatch(r"\d{5,8}", core):
        return wrap + "D"
    core = re.sub(r"\d+", "d", core)
    core = re.sub(r"(?<=d)\s*\(?[A-Za-z]\)?$", "+a", core)
    core = re.sub(r"[A-Z]{1,5}", "A", core)
    return wrap + core.replace(" ", "")


def _is_first(key: tuple) -> bool:
    """The first number of a run: 1, A, a, I, 0, or x.1 / x.0 / 5a."""
    return not key or key[-1] <= 1


def _consecutive(a: tuple, b: tuple) -> bool:
    """b is the number right after a: 3 -> 4, 2.3 -> 2.4, 2.9 -> 3.0/3.1, C/151/25 -> C/152/25.

    The first component that differs goes up by one; later ones stay (a constant year suffix)
    or start again (the first sub-number of the next parent)."""
    if len(a) != len(b) or a == b:
        return False
    k = next(i for i in range(len(a)) if a[i] != b[i])
    return b[k] == a[k] + 1 and all(b[i] == a[i] or b[i] <= 1 for i in range(k + 1, len(b)))


# --- candidates ------------------------------------------------------------------------------

def clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title.replace("&nbsp;", " ")).strip()
    title = re.sub(r"^\*\*(.+?)\*\*", r"\1", title).strip()
    title = title.strip("*_ ").strip()
    prev = None
    while prev != title:
        prev = title
        title = _FURNITURE_SUFFIX.sub("", title).strip()
    return title.rstrip(" :–—-").strip()


def title_score(title: str, heading: bool = False) -> float:
    """How much a line looks like an item title rather than a sentence or list entry.

    `heading`: the line is set as a heading (HTML/Markdown/DOCX heading markup), which the
    author chose on purpose, so "Motion to adjourn" there is a heading, not a motion line."""
    t = title.strip()
    if not t or len(t) > 240:
        return 0.0
    if not (t[0].isupper() or t[0].isdigit() or t[0] in "'\"‘“(£$€"):
        return 0.0
    if _MOTION_START.match(t) and not t.isupper() and not heading:
        return 0.0  # "1. Moved by Councillor Piper", "2. That the tender be accepted": a motion, not a heading
    words = t.split()
    score = 1.0
    if len(words) > 18:
        score -= 0.5
    if t.endswith(","):
        score -= 0.6
    elif t.endswith(";"):
        score -= 0.3
    if t.endswith(".") and len(words) > 6 and not re.search(r"\b(?:[ap]\.m|etc|No|Ltd|Inc|Co|St|Jr|Sr|[A-Z])\.$", t):
        score -= 0.4  # a sentence; "... at 4.30 p.m." and "... Ltd." end in an abbreviation
    if re.search(r"\b(was|were|had|has|been|would|will be|that the)\b", t) and len(words) > 8:
        score -= 0.3
    if len(words) > 6 and _REPORTED.search(t):
        score -= 0.5  # "Janine B. spoke in support of ..." is a sentence about the meeting
    if t.isupper() and len(words) <= 12:
        score += 0.3
    if _FURNITURE_SUFFIX.search(t):
        score += 0.5
    return max(score, 0.0)


# A short capitalised phrase with no sentence in it: "Old Business", "Closed Session".
_TITLE_PHRASE = re.compile(r"[A-Z][\w’'&/-]*(?:\s+(?:[A-Z][\w’'&/-]*|of|and|the|for|to|on|in|&)){0,5}")


def _short_title(t: str) -> str:
    """A run-in heading's title: "Police Report: Attached. Cllr ..." -> "Police Report"; a long
    paragraph's title is its first sentence (or clause). A link after the title ("Web page –
    https://...") is the item's text, not its title."""
    url = re.match(r"^(?P<head>\S.*?\w)\s*[-–—:]\s*<?https?://\S+>?$", t)
    if url and len(url.group("head").split()) <= 12:
        return url.group("head")
    caps = _CAPS_HEAD.match(t)
    if caps and len(caps.group("head").split()) >= 2:
        return caps.group("head")  # "LIABILITY CLAIM pursuant to Government Code ...": the capitals are the title
    caps = _CAPS_RUNS_INTO.match(t)
    if caps and len(caps.group("head").split()) >= 3:
        return caps.group("head")  # "TO REVIEW REQUEST ... RESPONSE A memorial as requested ...": a sentence follows
    m = re.match(r"^(?P<head>[^:.;]{2,90}?):\s+(?P<rest>\S.*)$", t)
    if m and t.isupper() and len(t.split()) <= 12:
        return t  # "AOCB: POLICE ACTION AT THALES": a capitals heading, not a label and its text
    if m and _AGENDA_VERB.fullmatch(m.group("head")):
        # "To Note: Asset of Community Value ...": the agenda's wording belongs to the title
        return f"{m.group('head')}: {_short_title(m.group('rest'))}"
    if (m and len(m.group("head").split()) >= 2 and not _LABEL.match(m.group("head"))
            and _TITLE_PHRASE.fullmatch(m.group("rest").strip())):
        return t  # "Discussion and Action Items: Old Business": a heading and its sub-heading
    if m and len(m.group("head").split()) <= 12 and not re.fullmatch(r"\d+", m.group("rest")):
        return m.group("head")
    if len(t) <= 160:
        return t
    m = re.search(r"(?<=[a-z0-9)\]])[.:;](?=\s)", t[:200])
    return t[: m.start()] if m and m.start() > 8 else t[:160].rsplit(" ", 1)[0]


def _runin_head(t: str) -> str | None:
    """The title of a numbered paragraph whose title runs straight into a sentence: up to the
    first sentence break or the verb ("Apologies for Absence. Apologies were ..." -> "Apologies
    for Absence"; "Election of Chair J. Smith was nominated" -> "Election of Chair J. Smith")."""
    m = _RUNIN_STOP.search(t)
    head = t[: m.start()].strip() if m else ""
    if not head or not 1 <= len(head.split()) <= 20 or title_score(head) <= 0:
        return None
    return head


def _weak_cand(i: int, b: Block, num: str, title: str) -> Cand | None:
    """A numbered paragraph that reads as a sentence: kept aside, so that an unbroken run of its
    scheme (135/19, [136/19], 137/19) can claim it, with the title cut at the sentence."""
    head = _runin_head(clean_title(title))
    if head is None:
        return None
    return Cand(i, i, num, head, number_shape(num), number_key(num), 0.0, "inline", b.indent, weak=True)


def _parse_number(s: str):
    """(number, title, separator) if the text starts with a printed item number, else None."""
    s = _LEAD_CODE.sub("", s, count=1) if re.match(r"^\d{2,4}-\d{2,5}\s+(?:\d|\()", s) else s
    m = NUMBER_LINE.match(s)
    if not m:
        return None
    num, sep, title = m.group("num"), m.group("sep"), m.group("title").strip()
    bare = num.strip("()")
    if re.fullmatch(r"[a-z]|[ivx]{1,5}", bare) and not (sep.startswith(")") or sep.startswith(".") or num.startswith("(")):
        return None
    if re.fullmatch(r"[A-Z]{1,2}", bare) and not num.startswith("(") and not sep.strip() and title:
        return None  # "A Pledge of Allegiance was given" is a sentence, not item A
    if re.fullmatch(r"[A-Z]", bare) and sep.startswith(".") and re.match(r"[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?,|[A-Z]\b", title):
        return None  # "M. Brennan, Director of Service", "U.S trips": initials, not item M or U
    if re.fullmatch(r"[IVXLC]+", bare) and roman_value(bare) is None:
        return None
    if sep == ":" and re.match(r"\d", title):
        return None  # 10:34 is a time
    if title and _NOT_TITLE_START.match(title) and (re.match(r"\d", bare) or not re.match(rf"(?i){_MONTH}\s", title)):
        return None  # "15 May 2023" is a date; "C. May 2023 Service Change" is item C
    if re.fullmatch(r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d", num) or re.fullmatch(r"\d{1,4}(?:\.\d+)+", num) and re.match(r"\d{2,4}\b", title):
        return None  # 18.11.2018 - a date split oddly
    if re.fullmatch(r"\d+", bare) and title and _STREET.match(title):
        return None  # 53 Huntington Ave.
    if m.group("prefix"):
        num = num  # "Min. 84" cites as 84
    return num, title, sep


def _typography(b: Block, text: str) -> tuple[str, int] | None:
    """The typographic scheme of an unnumbered heading-like block, with its heading level."""
    m = MD_HEADING.match(text)
    if b.kind == "heading" or m:
        level = b.level or (len(m.group("marks")) if m else 1)
        return f"h{level}", level
    if b.kind != "heading" and re.match(r"^[A-Z][\w ]{1,25}:\s+\S", text) and len(text.split(":")[0].split()) <= 3:
        return None  # "Date: Wednesday 5th September": a label and its value, not a heading
    t = clean_title(text)
    words = t.split()
    if not t or len(words) > 14 or len(t) > 110 or _OUTCOME_WORD.match(t.upper()) or _MASTHEAD.match(t):
        return None
    if _FORM_FIELD.search(text):
        return None  # "Position______", "Signed ........": a form field to fill in, not a heading
    if (b.bold and not t.endswith((".", ",", ";")) and sum(c.isalpha() for c in t) >= 3
            and not _RUNS_ON.search(t) and not re.fullmatch(r"[A-Z][a-z]+:", text.strip().strip("*_ "))):
        # (a bold "Proponents:" / "Opposed:" over the speakers of a hearing is a field label)
        return "bold", 0
    letters = [c for c in t if c.isalpha()]
    if re.search(r"\b(?:OF|AND|THE|FOR|TO|IN|ON|AT|WITH|BY|COUNCILMEMBER|MEMBER)$|,$", text.strip()) or t.startswith("END OF "):
        return None  # a capitals line that runs on, or an "END OF CONSENT CALENDAR" marker
    if (len(letters) >= 3 and t.upper() == t and not t.endswith((",", ";")) and len(words) <= 12
            and not _VOTE_LABEL.match(t) and not re.search(r"\S:\s+\S", t)):
        return "caps", 0
    return None


_FORM_FIELD = re.compile(r"_{4,}|\.{6,}|…{3,}")
_CAPS_LINE = re.compile(r"^[^a-z\d]*[A-Z][^a-z\d]*$")


def _caps_wrap(texts: list[str], j: int) -> int:
    """The last line of a capitals title that wraps: while a line is long enough to have been
    wrapped and the next is capitals too (no digits: "LMD2474" is a reference, not title),
    the next line goes on with the title. A short capitals line ends it."""
    if not re.fullmatch(r"[^a-z]*[A-Z]{3}[^a-z]*", texts[j]):
        return j
    end = j
    while (end + 1 < len(texts) and len(texts[end]) >= 40 and not texts[end].endswith((".", ":", ";"))
           and _CAPS_LINE.match(texts[end + 1]) and end - j < 3):
        end += 1
    return end


def candidates(blocks: list[Block]) -> list[Cand]:
    """Every block that could head an item, with its scheme and title weight."""
    out: list[Cand] = []
    texts = [b.text.strip() for b in blocks]
    n = len(blocks)
    furniture = running_lines(texts)
    skip = -1
    for i, b in enumerate(blocks):
        s = texts[i]
        if not s or len(s) > 5000 or i <= skip or i in furniture or _PAGE_MARK.match(s):
            continue
        if _UNDERLINE.match(s):
            continue
        heading_like = b.kind == "heading" or bool(MD_HEADING.match(s)) or b.bold
        md = MD_HEADING.match(s)
        body = md.group("title") if md else s
        body = re.sub(r"^\*\*(.+?)\*\*", r"\1", body).strip()
        bonus = 0.4 if heading_like else 0.0
        # reStructuredText / setext: a title underlined by a row of = - ~
        if i + 1 < n and _UNDERLINE.match(texts[i + 1]) and len(texts[i + 1]) >= 0.7 * len(s) and len(s) <= 100:
            ch = texts[i + 1][0]
            out.append(Cand(i, i + 1, None, clean_title(s), f"u{ch}", None, 1.0 + 0.4, "underline", b.indent))
            continue
        if b.bold_prefix and not b.bold and 1 <= len(b.bold_prefix.split()) <= 8:
            t = clean_title(b.bold_prefix)
            p = _parse_number(t)
            if p and p[1]:
                num, title, _sep = p
                w = title_score(clean_title(title))
                if w > 0:
                    out.append(Cand(i, i, num, clean_title(title), number_shape(num), number_key(num), w + 0.4, "inline", b.indent))
                    continue
            w = title_score(t)
            if w > 0 and sum(ch.isalpha() for ch in t) >= 3 and not _OUTCOME_WORD.match(t.upper()):
                if _ASIDE.fullmatch(s[len(b.bold_prefix):].strip()):
                    # "Call to Order (5:30 p.m.)": a bold heading with a plain time or note
                    # beside it is set like the fully bold headings, not a run-in paragraph
                    out.append(Cand(i, i, None, t, "bold", None, w, "bold", b.indent))
                else:
                    out.append(Cand(i, i, None, t, "runin", None, w, "runin", b.indent))
                continue
        if b.list_number:
            num = (b.list_label or b.list_number).strip()
            short = _short_title(clean_title(body))
            w = title_score(clean_title(short)) + bonus  # "Finance Report:  Monthly ...," is scored on its head
            if w > 0:
                out.append(Cand(i, i, num, short, number_shape(num), number_key(num), w, "list", b.indent))
                twin = _letter_twin(out[-1])  # Word's "C." after "A.", "B." is a letter, not roman 100
                if twin:
                    out.append(twin)
            else:
                weak = _weak_cand(i, b, num, clean_title(body))
                if weak:
                    weak.style = "list"
                    out.append(weak)
            continue
        if b.kind == "table_row" and len(b.cells) >= 2:
            first = b.cells[0].strip()
            rest = next((c for c in b.cells[1:] if c.strip()), "")
            if re.fullmatch(r"[A-Za-z]?\d{1,4}[.)]?|[IVX]{1,6}\.?|[A-Z][.)]", first) and rest:
                num = first.rstrip(".)")
                title = clean_title(rest.split("\n")[0])
                w = title_score(title)
                if w > 0:
                    out.append(Cand(i, i, num, title, "row:" + number_shape(num), number_key(num), w + 0.3, "row", b.indent))
                continue
        p = _parse_number(body)
        if p:
            num, title, sep = p
            if not title:
                # the number alone on its line (ModernGov copy): the title is the next line
                if not sep.strip() and not any(texts[:i]):
                    continue  # a bare "1" above everything else is the first page's number
                j = i + 1
                while j < n and j <= i + 3 and not texts[j]:
                    j += 1
                if j < n and texts[j] and not MARKER_RE.match(texts[j]) and not _parse_number(texts[j]):
                    t = clean_title(texts[j])
                    w = title_score(t)
                    if w > 0 and not re.fullmatch(r"\d{4}", num):
                        end = _caps_wrap(texts, j)
                        title = " ".join(texts[j:end + 1])
                        out.append(Cand(i, end, num, title, number_shape(num), number_key(num), w + 0.6 + bonus, "alone", b.indent))
                        skip = end  # the title's lines belong to this heading
                continue
            t = clean_title(_short_title(title))
            if re.fullmatch(r"[\d.,]+%?", t):
                continue
            wrapped = b.kind == "line" and len(s) >= 60 and i + 1 < n and bool(texts[i + 1])
            w = title_score(t.rstrip(",;") if wrapped else t)  # a printed line that runs on ends where the line ends
            head = re.split(r"\s[-–—]\s", t, maxsplit=1)[0]
            if head != t and len(head.split()) >= 2:
                w = max(w, title_score(head))  # "Confirmation of minutes - As this was ...": the title is the head
            if re.fullmatch(r"[IVXLC]+", num.strip("()")) and not (t.isupper() or heading_like or sep.startswith(".")):
                w -= 0.5
            if w > 0:
                short = _short_title(title)
                out.append(Cand(i, i, num, short, number_shape(num), number_key(num), w + bonus, "inline", b.indent))
                twin = _letter_twin(out[-1])
                if twin:
                    out.append(twin)
                ty = _typography(b, s) if b.kind == "heading" and re.fullmatch(r"(?:19|20)\d\d", num) else None
                if ty and not sep.strip():
                    # "### 2019 Geek Events Calendar": a year opening a heading may be its title's
                    # first word; the heading also stands with its siblings, and the scheme decides
                    full = clean_title(body)
                    out.append(Cand(i, i, None, full, ty[0], None, title_score(full, heading=True), "heading", b.indent))
            elif re.fullmatch(r"\d{1,4}(?:/\d{1,4})?", num):
                weak = _weak_cand(i, b, num, title)
                if weak:
                    out.append(weak)
            continue
        m = _CAPS_RUNIN.match(s) if b.kind != "table_row" else None
        if m and not _VOTE_LABEL.match(s) and not _OUTCOME_WORD.match(m.group("head")):
            # "OLD BUSINESS – Supervisor Liccar mentioned ...": a capitals run-in heading
            t = clean_title(m.group("head"))
            w = title_score(t)
            if w > 0:
                out.append(Cand(i, i, None, t, "runin", None, w, "runin", b.indent))
                # a capitals run-in is set like a capitals heading too: let the evidence pick
                out.append(Cand(i, i, None, t, "caps", None, w, "runin", b.indent))
            continue
        m = _TITLE_RUNIN.match(s) if b.kind == "para" and not b.bold_prefix else None
        if m and not _LABEL.match(m.group("head")):
            # "Highway Commissioner - Equipment maintenance is ongoing.": a report-by-officer run-in
            t = clean_title(m.group("head"))
            subject = _RUNIN_SUBJECT.match(m.group("rest")) if ":" not in s[len(m.group("head")):][:3] else None
            if subject:
                # "Trustee Albrecht - Financial Reports. See attached.": the officer's report is
                # titled by its subject, a short capitalised phrase closed by a full stop
                t = clean_title(s[: len(m.group("head")) + s[len(m.group("head")):].index(subject.group(1)) + len(subject.group(1))])
            w = title_score(t)
            if w > 0:
                out.append(Cand(i, i, None, t, "runin", None, w, "runin", b.indent))
                continue
        if b.kind == "para" and _NAME_LINE.match(s) and not _MASTHEAD.match(s) and _sentence_follows(blocks, i):
            # "Supervisor Liccar" on a paragraph of its own, its report in the paragraphs after it:
            # a heading typed as a plain paragraph, set like the run-in heads around it
            out.append(Cand(i, i, None, s, "runin", None, title_score(s), "runin", b.indent))
            continue
        ty = _typography(b, s) if len(s) <= 400 and b.kind != "table_row" else None
        if ty and ty[0] == "caps" and s.endswith(":") and _roll_follows(texts, i):
            continue  # "I LATHAIR:" / "PRESENT:" over the names of those present: a label
        if ty:
            scheme, _level = ty
            t = clean_title(body)
            prev = texts[i - 1] if i > 0 else ""
            if scheme == "caps" and prev and prev.upper() == prev and sum(ch.isalpha() for ch in prev) >= 4 \
                    and len(prev) >= 35 and not prev.endswith((".", ":", "!", "?")):
                continue  # the second line of a capitalised title or heading, not a heading of its own
            if (scheme == "bold" and i > 0 and blocks[i - 1].bold and blocks[i - 1].kind == "line" and _flows(prev)
                    and (s[0].islower() or re.match(r"^[\w'’-]+(?:\s[\w'’-]+)?,\s(?:and|or|&)\s", s)
                         or _RUNS_ON.search(prev) or prev.endswith((",", "-", "–")))):
                continue  # the second line of a bold title that wrapped ("..., Tree" / "Cutting, and Appeal")
            if scheme == "caps" and len(s) > 40 and i + 1 < n and texts[i + 1] and texts[i + 1].isupper() \
                    and not _typography(blocks[i + 1], texts[i + 1]) is None and len(texts[i + 1].split()) <= 4:
                t = clean_title(f"{body} {texts[i + 1]}")  # a caps heading wrapped onto a second line
                skip = i + 1
            w = title_score(t, heading=scheme.startswith("h"))
            if w > 0 and not (scheme == "caps" and i > 0 and texts[i - 1] and not _typography(blocks[i - 1], texts[i - 1])
                              and not blocks[i - 1].kind == "heading" and _flows(texts[i - 1])):
                out.append(Cand(i, i, None, _short_title(t), scheme, None, w, scheme if scheme in ("caps", "bold") else "heading", b.indent))
    return out


# The subject after a run-in officer head: two to five capitalised words and a full stop.
_RUNIN_SUBJECT = re.compile(r"^((?:[A-Z][\w’'&/-]*\s+){1,4}[A-Z][\w’'&/-]*)\.(?:\s|$)")
# A short heading typed as a paragraph: two to four capitalised words, no punctuation.
_NAME_LINE = re.compile(r"^[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|of|and|the|for|&)){1,3}$")


def _sentence_follows(blocks: list[Block], i: int) -> bool:
    """The block before `i` ends a paragraph or labels what follows, and the next non-empty
    block is a full sentence of eight words or more: `i` stands alone between them."""
    prev = next((blocks[j].text.strip() for j in range(i - 1, -1, -1) if blocks[j].text.strip()), "")
    nxt = next((blocks[j].text.strip() for j in range(i + 1, len(blocks)) if blocks[j].text.strip()), "")
    return (prev.endswith((".", ":")) and len(nxt.split()) >= 8 and nxt[0].isupper()
            and bool(re.search(r"[.!?]$|[.!?]\s", nxt)))


_PERSON = re.compile(r"^(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Prof|Rev)\b\.?\s", re.I)


def _roll_follows(texts: list[str], i: int) -> bool:
    """The next line is a person ("Cllr. P. Killilea", "Mr. U. Finn ...") or another label
    ("Leas- Chathaoirleach:"): the line at `i` labels an attendance list, in any language."""
    nxt = next((t for t in texts[i + 1:] if t), "")
    return bool(_PERSON.match(nxt)) or (nxt.endswith(":") and len(nxt.split()) <= 4)


def _letter_twin(c: Cand) -> Cand | None:
    """"C." may be roman 100 or the letter after B: a single I, V, X, L or C is a candidate of
    both schemes, and the evidence of its neighbours decides."""
    bare = (c.number or "").strip("()").rstrip(".)")
    if not re.fullmatch(r"[IVXLC]", bare):
        return None
    wrap = "()" if (c.number or "").startswith("(") else ""
    return Cand(c.idx, c.end, c.number, c.title, wrap + "A", (_letters_value(bare),), c.weight, c.style, c.indent)


def running_lines(texts: list[str]) -> set[int]:
    """Running headers and footers: lines with a number in them ("CITY COUNCIL 6 MARCH 5, 2024",
    "Page 3 of 9") that recur, digits aside, three or more times."""
    shapes: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        if (re.search(r"\d", t) and sum(c.isalpha() for c in t) >= 3 and len(t) <= 120
                and not _FURNITURE_SUFFIX.search(t) and not _parse_number(t)):
            shapes.setdefault(re.sub(r"\d+", "#", t.casefold()), []).append(i)
    return {i for idx in shapes.values() if len(idx) >= 3 for i in idx}


def drop_contents_lists(cands: list[Cand], blocks: list[Block]) -> list[Cand]:
    """Drop headings with no text of their own that are an agenda/contents list or a menu:
    the same title heads an item with text later on, or four or more such headings stand in a
    row (site navigation, a table of contents)."""
    def norm(t: str) -> str:
        return re.sub(r"[^a-z0-9]+", " ", t.casefold()).strip()

    nxt_idx = [len(blocks)] * len(cands)  # the first later candidate on another block
    for k in range(len(cands) - 2, -1, -1):
        nxt_idx[k] = cands[k + 1].idx if cands[k + 1].idx > cands[k].idx else nxt_idx[k + 1]
    empty = []
    for k, c in enumerate(cands):
        stop = nxt_idx[k]
        empty.append(c.style != "runin" and not any(blocks[j].text.strip() for j in range(c.end + 1, stop)))
    later: dict[str, int] = {}
    for c in cands:
        later[norm(c.title)] = c.idx  # last occurrence
    drop = set()
    pos = {c.idx: k for k, c in enumerate(cands)}
    for k, c in enumerate(cands):
        nxt = cands[pos[nxt_idx[k]]] if nxt_idx[k] in pos else None
        adjacent_twin = nxt is not None and norm(nxt.title) == norm(c.title)  # "Minutes of 7 Mar" twice in a row
        if empty[k] and later.get(norm(c.title), c.idx) > c.idx and not adjacent_twin:
            drop.add(k)
    k = 0
    while k < len(cands):
        j = k
        while j < len(cands) and empty[j] and cands[j].key is None and cands[j].style != "heading":
            j += 1
        if j - k >= 4:
            drop.update(range(k, j))
        k = max(j, k + 1)
    return [c for k, c in enumerate(cands) if k not in drop]


def drop_speaker_turns(cands: list[Cand]) -> list[Cand]:
    """Drop run-in heads that are the speakers of a transcript or the labels of a log, not
    item titles: "Gautier: we want to collect ...", "Hadrien: Readium uses ...", "Succeeded:
    s/x/y/". An agenda names each item once (a title printed twice is rare), while chat-style
    minutes repeat the same few names turn after turn. When two or more heads recur three
    times or more and heads that recur make up most of the run-ins, every recurring head is a
    speaker (one recurring head, "Public Comment:" under each item, is a field label whose
    absence from the items is decided by the scheme evidence as before)."""
    runin = {c.idx: c for c in cands if c.style == "runin"}  # a capitals run-in is read two ways
    counts: dict[str, int] = {}
    for c in runin.values():
        counts[c.title.casefold()] = counts.get(c.title.casefold(), 0) + 1
    recurring = {t for t, n in counts.items() if n >= 2}
    if sum(counts[t] for t in recurring) < max(6, len(runin) / 2) or sum(counts[t] >= 3 for t in recurring) < 2:
        return cands
    return [c for c in cands if not (c.style == "runin" and c.title.casefold() in recurring)]


def page_number_lines(cands: list[Cand], blocks: list[Block]) -> set[int]:
    """Blocks that are page numbers from a PDF text layer: bare numbers on lines of their own
    ("3 ") counting up one by one through the document (three or more), where the document's own
    items use the same numbers on other lines ("Item 3: ..."). A bare number that clashes with the
    item scheme like that is the page furniture, not a second item 3 - unless the text after it
    repeats that item's title (an agenda list first, the numbered items after it)."""
    def norm(t: str) -> str:
        return " ".join(re.sub(r"[^a-z0-9]+", " ", t.casefold()).split()[:4])

    bare = [(i, int(b.text.strip())) for i, b in enumerate(blocks) if re.fullmatch(r"\d{1,3}", b.text.strip())]
    best: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for i, n in bare:  # the longest run counting up by one
        run = run + [(i, n)] if run and n == run[-1][1] + 1 else [(i, n)]
        if len(run) > len(best):
            best = run
    if len(best) < 3:
        return set()
    at = {i for i, _ in best}
    clash = {}
    for c in cands:
        if c.idx not in at and c.key is not None and len(c.key) == 1:
            clash.setdefault(c.key[0], []).append(c)
    if not any(n in clash for _, n in best):
        return set()
    pages = set()
    for i, n in best:
        after = next((blocks[j].text for j in range(i + 1, min(i + 4, len(blocks))) if blocks[j].text.strip()), "")
        if not any(norm(after) and norm(after) == norm(c.title) for c in clash.get(n, [])):
            pages.add(i)
    return pages


_TRAILING_CODE = re.compile(
    r"^(?P<title>\S.*?\w[^.;,]?)\s*\((?P<code>[A-Z](?:-(?:\d{1,2}|[IVX]{1,4})[a-z]?)?"
    r"(?:/[A-Z](?:-(?:\d{1,2}|[IVX]{1,4})[a-z]?)?)?)\)\s*$")


def trailing_codes(blocks: list[Block]) -> list[Cand]:
    """Item codes printed after the title ("Minutes Approved (D)", "Personnel (G-1)",
    "Gifts (E-1a)"): agenda systems that letter their sections and number the items inside them
    put the code at the end of the line. A code is the item's number only when such lines run
    through the document as a sequence: five or more title lines whose letters never go back
    and step at most a few letters at a time, over three or more letters."""
    found: list[Cand] = []
    last = None
    for i, b in enumerate(blocks):
        t = b.text.strip()
        if len(t.split()) > 30 or "\n" in t:
            continue
        m = _TRAILING_CODE.match(t)
        if not m:
            continue
        title = clean_title(m.group("title"))
        letter = ord(m.group("code")[0])
        code = m.group("code")
        if (not title or not (title[0].isupper() or title[0].isdigit())  # a title, not a sentence's tail
                or (last is not None and not 0 <= letter - last <= 3)
                or (found and found[-1].number == code and found[-1].title == title)):  # a line printed twice
            continue
        last = letter
        found.append(Cand(i, i, code, title, "code", (letter - 64, *number_key(code[1:])), 2.0, "inline"))
    if len(found) < 5 or len({c.number[0] for c in found}) < 3:
        return []
    return found


def _coded_peers(coded: list[Cand], cands: list[Cand], blocks: list[Block]) -> list[Cand]:
    """Bold headings without a code set exactly like the coded titles around them:
    "**Roll Call**" between "**Call to Order (A)**" and "**Visitor Comments (A-1)**" is an item
    the agenda system did not code. The markup is compared with the coded titles just before
    and after, not the whole document's, because documents converted page by page change
    their heading markup part-way through."""
    starts = [c.idx for c in coded]
    taken = set(starts)
    out = []
    for c in cands:
        if c.idx in taken or c.key is not None or c.style != "bold" or not starts[0] < c.idx < starts[-1]:
            continue
        k = bisect_left(starts, c.idx)
        before, after = blocks[starts[k - 1]], blocks[starts[k]]
        b = blocks[c.idx]
        if before.bold and after.bold and before.kind == after.kind == b.kind:
            out.append(c)
    return out


def _flows(prev: str) -> bool:
    """The previous line runs on into this one (no full stop), so this is not a heading."""
    return bool(prev) and not prev.rstrip().endswith((".", ":", "!", "?", ")")) and len(prev) > 60


def find_marker_headings(blocks: list[Block]) -> list[Cand]:
    """ModernGov pages whose numbers were lost: the title sits just before "Minutes:" markers."""
    lines = [b.text for b in blocks]
    out: list[Cand] = []
    last_end = -1
    i = 0
    while i < len(lines):
        if MARKER_RE.match(lines[i].strip()) and i > last_end:
            back = [j for j in range(i - 1, max(last_end, i - 12), -1) if lines[j].strip()][:3]
            back = [j for j in back if not MARKER_RE.match(lines[j].strip())]
            if back:
                title_line = next((j for j in back if _FURNITURE_SUFFIX.search(lines[j])), back[0])
                if title_score(clean_title(lines[title_line])) > 0:
                    out.append(Cand(title_line, title_line, None, lines[title_line].strip(), "marker", None, 1.0, "marker"))
            k = i
            while True:
                j = k + 1
                while j < len(lines) and j <= k + 7 and not lines[j].strip():
                    j += 1
                if j < len(lines) and MARKER_RE.match(lines[j].strip()):
                    k = j
                else:
                    break
            last_end = k
            i = k + 1
            continue
        i += 1
    return out


# --- schemes -----------------------------------------------------------------------------------

def _identifiers(cands: list[Cand]) -> bool:
    """File and report numbers (20230065, CAFE-2014.5, CON-2014.18) identify an item rather than
    count it, so their order says nothing: 5+ digits, or a year inside a coded number."""
    return all(re.fullmatch(r"\(?\d{5,8}\)?", c.number or "") or re.search(r"[A-Z][-./]?(?:19|20)\d\d[-./]\s?\d", c.number or "")
               for c in cands)


def _best_run(cands: list[Cand]) -> tuple[list[Cand], float]:
    """The increasing run of one scheme's candidates with the most evidence.

    Each member adds its weight; a step to the very next number (3 -> 4) adds 0.5, a jump
    loses 0.3 — a body list that happens to increase rarely steps exactly. Restarting numbers
    are a second level, found by `_children`."""
    n = len(cands)
    if n == 0:
        return [], 0.0
    if _identifiers(cands):
        return list(cands), sum(c.weight for c in cands)
    score = [c.weight + (0.3 if _is_first(c.key) else 0.0) for c in cands]
    prev = [-1] * n
    for i in range(n):
        ki = cands[i].key
        # the previous item is among the last 150 candidates of its scheme: bounded so
        # that 5,000-item documents stay fast
        wi = cands[i].weight
        for j in range(i - 1, max(-1, i - 150), -1):
            if score[j] + wi + 0.5 < score[i]:
                continue  # cannot reach the best predecessor found so far
            kj = cands[j].key
            if kj < ki:
                # a year or page number after item 9 ("2025 Budget") is a jump, not the next item
                step = 0.5 if _consecutive(kj, ki) else (-1.5 if ki[0] - kj[0] > 50 else -0.3)
            else:
                continue
            s = score[j] + cands[i].weight + step
            if s >= score[i]:  # ties go to the earliest predecessor (the loop runs backwards)
                score[i], prev[i] = s, j
    i = max(range(n), key=lambda k: score[k])
    best = score[i]
    run = []
    while i != -1:
        run.append(cands[i])
        i = prev[i]
    return run[::-1], best


def _schemes(cands: list[Cand]) -> dict[str, list[Cand]]:
    out: dict[str, list[Cand]] = {}
    for c in cands:
        out.setdefault(c.scheme, []).append(c)
    return out


def _top_options(cands: list[Cand], params: SegmentParams) -> list[tuple[float, list[Cand]]]:
    opts = []
    for scheme, group in _schemes(cands).items():
        if group[0].key is not None:
            run, score = _best_run(group)
            if len(run) >= 2 or (len(group) == 1 and run[0].style == "alone" and _is_first(run[0].key)):
                # a document with one item may still print it "1." on a line of its own, the
                # title under it: that layout is evidence enough on its own
                opts.append((score, run))
        else:
            if len(group) >= 2:
                opts.append((sum(c.weight for c in group) * params.typo_weight, group))
    return _heading_tree_order(opts)


def _heading_tree_order(opts: list[tuple[float, list[Cand]]]) -> list[tuple[float, list[Cand]]]:
    """Heading markup is a tree the author drew: where a shallower heading level ("##") has
    siblings from before a deeper one ("###") starts, the deeper headings sit inside the
    shallower ones and cannot be the top level of the agenda; they are its second level. A
    level-1 heading is usually the document's title (or two: title and "Minutes"), so it does
    not count as a level the agenda must start from."""
    levels = {top[0].scheme: top[0].idx for _score, top in opts
              if top[0].style == "heading" and re.fullmatch(r"h\d", top[0].scheme)}
    def nested(top: list[Cand]) -> bool:
        sc = top[0].scheme
        return sc in levels and any("h1" < other < sc and first < top[0].idx for other, first in levels.items())
    return [(score, top) for score, top in opts if not nested(top)]


def _children(parents: list[Cand], cands: list[Cand], n_blocks: int, params: SegmentParams,
              depth: int) -> tuple[float, dict[int, list[Cand]]]:
    """The best second level under `parents`: one scheme whose members sit inside the parents'
    spans, numbered runs restarting under each parent (or continuing across them)."""
    if depth > 2 or not parents:
        return 0.0, {}
    parent_schemes = {p.scheme for p in parents}
    numbered_parents = parents[0].key is not None
    weak_parents = parents[0].style in ("bold", "caps", "runin")
    spans = []
    for k, p in enumerate(parents):
        stop = parents[k + 1].idx if k + 1 < len(parents) else n_blocks
        spans.append((p, p.end + 1, stop))
    best: tuple[float, dict[int, list[Cand]]] = (0.0, {})
    for scheme, group in _schemes(cands).items():
        if scheme in parent_schemes and group[0].key is None:
            continue  # numbered schemes may restart under their own parents: 4. Decisions / 1. 2. 3.
        if numbered_parents and group[0].key is None:
            continue  # in a numbered agenda an unnumbered bold line is a paragraph heading, not an item
        chosen: dict[int, list[Cand]] = {}
        total = 0.0
        last_key = None
        restarts_seen = 0
        idxs = [c.idx for c in group]
        for p, a, b in spans:
            inside = group[bisect_left(idxs, a):bisect_left(idxs, b)]
            if scheme in parent_schemes:
                # numbering restarting inside an item of the same scheme is a sub-level only when
                # its entries read as headings; "1. Traffic at school times." is a list in the text
                inside = [c for c in inside if not c.title.rstrip().endswith((".", ";", ","))]
            if not inside:
                continue
            if inside[0].key is None:
                run = inside
                # heading markup one level below the parents' is an explicit tree (Markdown ##/###,
                # HTML h2/h3): full evidence; a bold/caps line inside an item is half of it
                tree = p.style == "heading" and run[0].style == "heading"
                s = sum(c.weight for c in run) * params.typo_weight * (1.0 if tree else 0.5)
            else:
                run, s = _best_run(inside)
                if not run:
                    continue
                k0 = run[0].key
                pk = p.key
                restarts = _is_first(k0) or (pk is not None and len(k0) > len(pk) and k0[: len(pk)] == pk) \
                    or _identifiers(inside)
                continues = last_key is not None and _consecutive(last_key, k0)
                if not (restarts or continues):
                    continue
                restarts_seen += bool(restarts)
                if not restarts:
                    # numbering that runs on across the parents is weaker evidence for the parents
                    # as sections than numbering that restarts under each of them
                    s *= params.continue_weight
                last_key = run[-1].key
            chosen[p.idx] = run
            total += s
        n = sum(len(v) for v in chosen.values())
        if not numbered_parents and weak_parents and group[0].key is not None and restarts_seen < 2:
            # bold/caps lines are sections only if the numbering starts again under two of them;
            # one run of numbers under them is the agenda itself, the lines are furniture
            continue
        if n >= 2 and total >= params.child_min and total > best[0]:
            best = (total, chosen)
    return best


def _tail_headings(top: list[Cand], kids: dict[int, list[Cand]], rest: list[Cand], blocks: list[Block]) -> list[Cand]:
    """Unnumbered headings after the last numbered item, set like the numbered headings (same
    boldness and left edge, or capitals where the numbered titles are capitals): "AOB", "Date of
    next meeting" and "Action list" often close a numbered agenda without a number."""
    last = top[-1]
    sub = kids.get(last.idx, [])
    after = max([last.idx] + [c.idx for c in sub])
    heads = [blocks[c.idx] for c in top]
    bold = sum(h.bold for h in heads) > len(heads) / 2
    caps = sum(c.title.upper() == c.title for c in top) > len(top) / 2
    indents = sorted(h.indent for h in heads)
    indent = indents[len(indents) // 2]
    sizes = sorted(h.size for h in heads if h.size)
    size = sizes[len(sizes) // 2] if len(sizes) > len(heads) / 2 else None
    out = []
    for c in rest:
        if c.idx <= after or c.key is not None or c.style not in ("bold", "caps", "heading", "runin"):
            continue
        if c.style == "caps" and re.search(r"[A-Z]{2}\.$", blocks[c.idx].text.strip()):
            continue  # "THE MEETING THEN CONCLUDED.": a closing sentence in capitals, not a heading
        b = blocks[c.idx]
        if abs(b.indent - indent) > 6 or (size and b.size and abs(b.size - size) > 0.25):
            continue  # a signature in body type under a bold agenda is not a closing heading
        if bold and b.bold or (not bold and caps and c.style == "caps") or (c.style == "heading" and all(h.kind == "heading" for h in heads)):
            out.append(c)
    have = {c.idx for c in out} | {c.idx for c in rest if c.idx > after}
    for i in range(after + 1, len(blocks)):
        t = blocks[i].text.strip()
        head = t.split(":", 1)[0].strip() if ":" in t[:80] else t
        if i in have or not head or len(head.split()) > 8 or not _CLOSING.match(head):
            continue
        if head == t and t.endswith((".", ",", ";")):
            continue
        # "Next Meeting", "Emergency Business as approved by Chairman: It was noted ...": the
        # business that closes an agenda, typed plainly or run in after the last numbered item
        out.append(Cand(i, i, None, head, "closing", None, title_score(head), "runin", blocks[i].indent))
    return sorted(out, key=lambda c: c.idx)


# What closes an agenda after its numbered business, often without a number.
_CLOSING = re.compile(
    r"^(?:(?:any\s+)?other\s+business|a\.?o\.?b\.?|(?:urgent|emergency|late)\s+(?:business|items?|matters?)\b.*|"
    r"(?:date\s+(?:and\s+\w+\s+)?of\s+)?(?:the\s+)?next\s+meeting|close\s+of\s+(?:the\s+)?meeting)$", re.I)


def _body_size(blocks: list[Block]) -> float | None:
    """The font size most of the text is set in (PDF/DOCX), or None where sizes are unknown."""
    sizes: dict[float, int] = {}
    for b in blocks:
        if b.size and b.text.strip():
            sizes[round(b.size, 1)] = sizes.get(round(b.size, 1), 0) + len(b.text)
    return max(sizes, key=sizes.get) if sizes else None


def _peer_headings(top: list[Cand], chosen: set[int], blocks: list[Block], params: SegmentParams) -> list[Cand]:
    """Unnumbered headings set in exactly the type of the numbered ones: the same font size,
    larger than the body text, and the same weight. Agendas number their business but not the
    ceremony around it ("CALL TO ORDER", "PLEDGE OF ALLEGIANCE", "ADJOURNMENT"), nor the
    department sub-headings grouping the items under a numbered section; the typesetter set
    them all alike, and font size with weight is evidence the text alone does not have."""
    heads = [blocks[c.idx] for c in top]
    sized = [h for h in heads if h.size]
    body = _body_size(blocks)
    if body is None or len(sized) < 2:
        return []
    sig: dict[tuple[float, bool], int] = {}
    for h in sized:
        key = (round(h.size, 1), h.bold)
        sig[key] = sig.get(key, 0) + 1
    (size, bold), n = max(sig.items(), key=lambda kv: kv[1])
    if n < 2 / 3 * len(heads) or size <= body + 0.4 or not bold:
        return []  # size alone also sets appendix titles and roll-call labels apart
    furniture = running_lines([b.text.strip() for b in blocks])
    out = []
    for i, b in enumerate(blocks):
        s = b.text.strip()
        if (i in chosen or i in furniture or not s or not b.size or abs(b.size - size) > 0.25
                or b.bold != bold or b.kind == "table_row" or _parse_number(s)):
            continue
        t = clean_title(s)
        if (len(t.split()) > 12 or _MASTHEAD.match(t) or _OUTCOME_WORD.match(t.upper()) or _PAGE_MARK.match(t)
                or _FORM_FIELD.search(s)
                or sum(ch.isalpha() for ch in t) < 3 or title_score(t) < params.min_weight):
            continue
        out.append(Cand(i, i, None, t, "peer", None, title_score(t), "peer", b.indent))
    return out


_GAP_TITLE = re.compile(r"^[A-Z][\w’'&/-]*(?:\s+(?:[A-Z][\w’'&/-]*|of|and|the|for|to|on|in|&|-|–)){1,5}$")


def _gap_headings(top: list[Cand], taken: set[int], blocks: list[Block]) -> list[Cand]:
    """Unnumbered headings of a plain-text agenda, set off like its numbered ones: in a text
    file (or PDF text) whose numbered headings mostly stand after a blank line, a short
    Title-Case line after a blank line with its text straight under it ("Votes of Sympathy",
    "Emergency Motion", "Extension of Time") is an item too. Before the first numbered item
    only once the opening text has ended with a sentence (not in the title block), and not
    after the last one (signatures, appendices). A line heading a bulleted list is a label."""
    heads = [c for c in top if c.key is not None]
    if len(heads) < 3 or any(blocks[c.idx].kind != "line" for c in heads):
        return []
    def after_blank(i: int) -> bool:
        return i > 0 and not blocks[i - 1].text.strip()
    if sum(after_blank(c.idx) for c in heads) < 2 / 3 * len(heads):
        return []
    first, last = heads[0].idx, max(c.idx for c in heads)
    out = []
    for i in range(1, last):
        s = blocks[i].text.strip()
        if (i in taken or not s or blocks[i].kind != "line" or not after_blank(i) or len(s) > 45
                or not _GAP_TITLE.match(s) or s.isupper() or i + 1 >= len(blocks)):
            continue
        nxt = blocks[i + 1].text.strip()
        if len(nxt.split()) < 4 or _BULLET.match(nxt) or not nxt[0].isalnum() or _parse_number(nxt):
            continue
        if i < first:
            prev = next((blocks[j].text.strip() for j in range(i - 1, -1, -1) if blocks[j].text.strip()), "")
            if not prev.endswith(".") or sum(w[0].islower() for w in prev.split()) < 3:
                continue  # a list of names ending "... Sheridan." is attendance, not opening prose
        out.append(Cand(i, i, None, s, "gap", None, title_score(s), "gap", blocks[i].indent))
    return out


def _fill_run(top: list[Cand], weak: list[Cand], stop: int = 10**9) -> list[Cand]:
    """Let an unbroken run of one numbering scheme outweigh the weak title-likeness of its
    members: a numbered paragraph that reads as a sentence joins the chosen top level when its
    number is exactly the missing step between two chosen items (or the step just before the
    first or after the last, before block `stop`), in the same scheme and in document order."""
    scheme = top[0].scheme
    pool = sorted((c for c in weak if c.scheme == scheme and c.idx < stop), key=lambda c: c.idx)
    if not pool:
        return top
    out: list[Cand] = []
    bounds = [None, *top, None]
    for k in range(len(bounds) - 1):
        a, b = bounds[k], bounds[k + 1]
        if a is not None:
            out.append(a)
        lo = a.idx if a is not None else -1
        hi = b.idx if b is not None else 10**9
        between = [c for c in pool if lo < c.idx < hi]
        if a is None:  # before the first: a backward chain ending just before it
            chain, cur = [], b.key
            for c in reversed(between):
                if _consecutive(c.key, cur):
                    chain.append(c)
                    cur = c.key
                elif chain:
                    break
            out.extend(reversed(chain))
            continue
        chain, cur = [], a.key
        for c in between:
            if _consecutive(cur, c.key):
                chain.append(c)
                cur = c.key
        if chain and (b is None or _consecutive(cur, b.key)):
            out.extend(chain)
    return out


def _drop_paragraph_numbering(top: list[Cand], kids: dict[int, list[Cand]], weak: list[Cand],
                              n_blocks: int) -> dict[int, list[Cand]]:
    """Minutes that number every paragraph (2.1, 3.1, 3.2 ...) have a few that happen to read like
    titles; when most numbers of the sub-level's scheme inside the items are sentences, the
    numbering is paragraph numbering and none of it is an agenda level."""
    chosen = [c for v in kids.values() for c in v]
    if not chosen or chosen[0].key is None or top[0].key is None or len(chosen[0].key) <= len(top[0].key):
        return kids  # only sub-numbers of numbered items (7.1 under 7) can be paragraph numbers
    scheme = chosen[0].scheme
    start = top[0].idx
    sentences = [c for c in weak if c.scheme == scheme and c.idx > start and c.idx < n_blocks]
    if len(sentences) > 2 * len(chosen):
        return {}
    return kids


def _next_number(a: Cand) -> str | None:
    """The printed form of the number right after `a` in its scheme: "144/19" -> "145/19",
    "7" -> "8" (the last varying component of a constant-suffix code goes up)."""
    if not a.number or a.key is None or not re.fullmatch(r"[\d./-]+", a.number.strip()):
        return None
    runs = re.findall(r"\d+", a.number)
    if len(runs) != len(a.key):
        return None
    # the component that counts: the last one, unless later ones are a constant year ("144/19")
    k = 0 if len(runs) == 2 and "/" in a.number else len(runs) - 1
    vals = list(a.key)
    vals[k] += 1
    it = iter(str(v) for v in vals)
    return re.sub(r"\d+", lambda _m: next(it), a.number.strip())


def _midline_steps(top: list[Cand], blocks: list[Block]) -> list[Cand]:
    """The missing step of a numbered run printed inside a paragraph, after a sentence ends
    ("... by the working group. 145/19 To Discuss: Request from ..."): pasted or re-flowed text
    loses the line break before a heading. Only the exact next number of the run is taken."""
    out = [top[0]]
    for a, b in zip(top, top[1:]):
        nxt = _next_number(a) if not _consecutive(a.key, b.key) else None
        if nxt:
            pat = re.compile(rf"(?<=[.!?:;)])\s+({re.escape(nxt)})\.?\s+(?=[A-Z])")
            for j in range(a.end + 1, b.idx):
                m = pat.search(blocks[j].text)
                if not m:
                    continue
                title = clean_title(blocks[j].text[m.end():])
                short = _short_title(title)
                if title_score(short) > 0 and _consecutive(number_key(nxt), b.key):
                    out.append(Cand(j, j, nxt, short, a.scheme, number_key(nxt), title_score(short), "inline",
                                    blocks[j].indent, offset=m.start(1)))
                break
        out.append(b)
    return out


_BARE_NUMBER = re.compile(r"^(\d{1,3})[.)]?$")


def _stacked_numbers(top: list[Cand], blocks: list[Block]) -> list[Cand]:
    """Numbers printed in a column of their own come out of text extraction stacked ("6." "7."
    "8." on consecutive lines) with their titles after them, each title followed by its text.
    When a chosen number-alone heading closes such a stack, the stacked numbers take the next
    short title lines in order, one each."""
    out: list[Cand] = []
    for k, c in enumerate(top):
        if c.style != "alone" or c.key is None or len(c.key) != 1:
            out.append(c)
            continue
        stack = [c.idx]
        j = c.idx - 1
        while j >= 0:
            t = blocks[j].text.strip()
            if not t:
                j -= 1
                continue
            m = _BARE_NUMBER.match(t)
            if not m or int(m.group(1)) != number_key(blocks[stack[0]].text.strip())[0] - 1:
                break
            stack.insert(0, j)
            j -= 1
        prev_top = out[-1].idx if out else -1
        if len(stack) < 2 or stack[0] <= prev_top:
            out.append(c)
            continue
        stop = top[k + 1].idx if k + 1 < len(top) else len(blocks)
        titles = []
        for i in range(c.end, stop):
            t = clean_title(blocks[i].text)
            if (t and len(t.split()) <= 8 and not t.endswith((".", ",", ";")) and not _parse_number(t)
                    and title_score(t) >= 0.7):
                titles.append(i)
            if len(titles) == len(stack):
                break
        if len(titles) < len(stack):
            out.append(c)
            continue
        for n, (num_idx, ti) in enumerate(zip(stack, titles)):
            num = blocks[num_idx].text.strip().rstrip(".)")
            out.append(Cand(num_idx if n == 0 else ti, ti, num, clean_title(blocks[ti].text), c.scheme,
                            number_key(num), c.weight, "alone", blocks[ti].indent))
    return out


def _repeated_numbers(top: list[Cand], rest: list[Cand], blocks: list[Block]) -> list[Cand]:
    """A number printed twice ("3. Member meeting", "3. Contrib forms") breaks the increasing run.
    The first of the two is an item as well when it is exactly the run's next step; and when
    both are set as headings of the same level as every chosen item, the markup says they are
    siblings whatever their order."""
    scheme = top[0].scheme
    # a number printed twice where the first one is the run's next step ("11.", "12. AOCB",
    # "12. NEXT MEETING"): the run took the second; the first is an item as well
    extra = []
    same = [c for c in rest if c.scheme == scheme]
    idxs = [c.idx for c in same]
    for a, b in zip(top, [*top[1:], None]):
        hi = b.idx if b is not None else 10**9
        between = same[bisect_left(idxs, a.idx + 1):bisect_left(idxs, hi)]
        # the only number of the scheme between two items, strong, and on a line of its own
        # kind (a bare "2" may be a page number; "1. 2. 3." inside an item is a list)
        if len(between) != 1 or between[0].weak or between[0].style not in ("inline", "list"):
            continue
        c = between[0]
        if (b is not None and c.key == b.key and _consecutive(a.key, b.key)) or (c.key == a.key and (
                b is None or _consecutive(a.key, b.key))):
            extra.append(c)
    heads = [blocks[c.idx] for c in top]
    if all(h.kind == "heading" for h in heads) and len({h.level for h in heads}) == 1:
        level, keys = heads[0].level, {c.key for c in top}
        extra += [c for c in rest if c.scheme == scheme and c.key in keys and blocks[c.idx].kind == "heading"
                  and blocks[c.idx].level == level and c.idx > top[0].idx]
    return sorted(top + extra, key=lambda c: c.idx) if extra else top


def _sub_chain(parent: Cand, stop: int, scheme: str, pool: list[Cand]) -> list[Cand]:
    """Under a parent where the chosen sub-level found nothing, its scheme's numbers counting up
    from the first ("(A)", "(B)", "(C)") are its sub-items even when they read like sentences:
    the sub-level is established elsewhere in the document and the unbroken count is evidence."""
    by_idx: dict[int, list[Cand]] = {}
    for c in pool:
        if c.scheme == scheme and parent.end < c.idx < stop:
            by_idx.setdefault(c.idx, []).append(c)  # "(C)" is read as roman and as a letter
    chain: list[Cand] = []
    for idx in sorted(by_idx):
        fit = [c for c in by_idx[idx] if (_consecutive(chain[-1].key, c.key) if chain else _is_first(c.key))]
        if not fit:
            break
        chain.append(fit[0])
    return chain


def _lost_dots(top: list[Cand], pool: list[Cand]) -> list[Cand]:
    """A dotted number whose dot the text lost ("21." printed for 2.1 between 2.0 and 2.2) is the
    missing step of a dotted run when its digits are exactly that step's digits."""
    if "." not in top[0].scheme or top[0].key is None:
        return top
    out = [top[0]]
    pool = [c for c in pool if c.scheme == "d" and c.number]
    for a, b in zip(top, top[1:]):
        if not _consecutive(a.key, b.key):
            for c in pool:
                if not a.idx < c.idx < b.idx:
                    continue
                digits = re.sub(r"\D", "", c.number)
                want = next((k for k in ((*a.key[:-1], a.key[-1] + 1), (a.key[0] + 1, *([1] * (len(a.key) - 1))))
                             if "".join(map(str, k)) == digits), None)
                if want and _consecutive(a.key, want) and _consecutive(want, b.key):
                    out.append(c)
                    break
        out.append(b)
    return out


_BULLET = re.compile(r"^[•●▪◦]\s*(?P<title>\S.*)$")


def _bullet_heads(top: list[Cand], kids: dict[int, list[Cand]], blocks: list[Block]) -> dict[int, list[Cand]]:
    """Bulleted titles that each head their own text ("• 2024 Investment Policy" followed by
    its report and motion) are the unnumbered sub-items of the lettered or numbered item they
    sit under. A bulleted list is told apart by its shape: its bullets follow each other, so
    under an item every bullet must be a short title line with text of its own before the next
    bullet; and two or more such headed bullets must occur in the document."""
    found: dict[int, list[Cand]] = {}
    for k, p in enumerate(top):
        if kids.get(p.idx):
            continue
        stop = top[k + 1].idx if k + 1 < len(top) else len(blocks)
        bullets = []
        for j in range(p.end + 1, stop):
            b = blocks[j]
            m = _BULLET.match(b.text.strip())
            if m or (b.kind == "list_item" and not b.list_number and b.text.strip()):
                bullets.append((j, clean_title(m.group("title") if m else b.text)))
        heads = []
        for n, (j, t) in enumerate(bullets):
            nxt = bullets[n + 1][0] if n + 1 < len(bullets) else stop
            own = any(blocks[i].text.strip() for i in range(j + 1, nxt))
            if (not own or len(t.split()) > 12 or t.endswith((".", ",", ";", ":")) or _RUNS_ON.search(t)
                    or title_score(t) < 1.0):
                heads = []
                break
            heads.append(Cand(j, j, None, t, "bullet", None, title_score(t), "bullet", blocks[j].indent))
        if heads:
            found[p.idx] = heads
    if sum(len(v) for v in found.values()) < 2:
        return kids
    return {**kids, **found}


def _reparent(top: list[Cand], kids: dict[int, list[Cand]]) -> dict[int, list[Cand]]:
    """Sub-items belong to the nearest item above them. The second level is chosen before the
    numbered run is completed (a repeated "9. ANY OTHER BUSINESS", a missing step filled in),
    so an item added to the run takes the sub-items that follow it from the item before."""
    if not kids:
        return kids
    starts = [c.idx for c in top]
    out: dict[int, list[Cand]] = {}
    for c in sorted((c for v in kids.values() for c in v), key=lambda c: c.idx):
        k = bisect_left(starts, c.idx) - 1
        if k >= 0 and starts[k] != c.idx:
            out.setdefault(starts[k], []).append(c)
    return out


def _lone_sub_headings(top: list[Cand], kids: dict[int, list[Cand]], rest: list[Cand],
                       blocks: list[Block]) -> dict[int, list[Cand]]:
    """A heading that carries its parent's number with one more part ("### 4.1 Special
    Resolution" under "## 4. General Business") is a sub-item even when it is the only one in
    the document: the number and the heading markup both say so, where a second level otherwise
    needs several members before it is believed. Only the first sub-number (x.1) and the steps
    counting on from it, under a parent without sub-items, set as headings deeper than it."""
    if top[0].key is None:
        return kids
    starts = [c.idx for c in top]
    out = {k: list(v) for k, v in kids.items()}
    for c in rest:
        b = blocks[c.idx]
        if c.key is None or b.kind != "heading" or c.weak:
            continue
        k = bisect_left(starts, c.idx) - 1
        if k < 0 or starts[k] == c.idx:
            continue
        p = top[k]
        pb = blocks[p.idx]
        if (p.key is None or pb.kind != "heading" or b.level <= pb.level or len(c.key) != len(p.key) + 1
                or c.key[: len(p.key)] != p.key):
            continue
        have = out.get(p.idx, [])
        if have and have[0].scheme != c.scheme:
            continue
        if (not have and c.key[-1] == 1) or (have and _consecutive(have[-1].key, c.key) and have[-1].idx < c.idx):
            out.setdefault(p.idx, []).append(c)
    return out


def choose_items(blocks: list[Block], params: SegmentParams | None = None) -> list[tuple[Cand, int, Cand | None]]:
    """The item headings in document order: (candidate, level, parent)."""
    params = params or SegmentParams()
    every = candidates(blocks)
    cands = [c for c in every if c.weight >= params.min_weight and not c.weak]
    weak = [c for c in every if c.key is not None and (c.weak or c.weight < params.min_weight)]
    markers = find_marker_headings(blocks)
    numbered_alone = [c for c in cands if c.style == "alone"]
    if len(markers) >= 2 and len(markers) > 1.5 * len(numbered_alone):
        cands = [c for c in cands if c.style != "caps"] + markers
        cands.sort(key=lambda c: c.idx)
    cands = drop_contents_lists(cands, blocks)
    cands = drop_speaker_turns(cands)
    coded = trailing_codes(blocks)
    if coded:
        return [(c, 1, None) for c in sorted(coded + _coded_peers(coded, cands, blocks), key=lambda c: c.idx)]
    pages = page_number_lines(every, blocks)
    if pages:
        cands = [c for c in cands if c.idx not in pages]
        weak = [c for c in weak if c.idx not in pages]
    first = next((i for i, b in enumerate(blocks) if b.text.strip()), None)
    if cands and cands[0].idx == first and cands[0].key is None and len(cands) > 1:
        head_bold = blocks[cands[0].idx].bold
        body = [blocks[j] for j in range(cands[0].end + 1, cands[1].idx) if blocks[j].text.strip()]
        # the title block: short lines, masthead wording, or more lines set bold like the title
        if all(_MASTHEAD.match(clean_title(b.text.strip())) or len(b.text.split()) <= 6 or (head_bold and b.bold)
               for b in body):
            prev = cands[0].end
            cands = cands[1:]  # the document's title and masthead, not its first item
            # headings stacked straight under the title ("# Body", "## Committee meeting",
            # "## Minutes") are the rest of the title block when the items are numbered and
            # nothing stands between them, or the heading is a masthead word itself; where the
            # items are unnumbered headings, an empty one ("### 20:00 Open") is the first item
            numbered = sum(1 for c in cands if c.key is not None) >= 2
            while len(cands) > 1 and cands[0].key is None and cands[0].idx == prev + 1:
                empty = not any(blocks[j].text.strip() for j in range(cands[0].end + 1, cands[1].idx))
                if not ((numbered and empty) or _MASTHEAD.match(clean_title(cands[0].title))):
                    break
                prev = cands[0].end
                cands = cands[1:]
    options = _top_options(cands, params)
    if not options:
        return []
    best_total, best = -1.0, None
    for score, top in options:
        top_ids = {c.idx for c in top}
        rest = [c for c in cands if c.idx not in top_ids and c.idx > top[0].idx]
        c_score, kids = _children(top, rest, len(blocks), params, 1)
        total = score + c_score
        if total > best_total:
            best_total, best = total, (top, kids, rest)
    top, kids, rest = best
    kids = _drop_paragraph_numbering(top, kids, weak, len(blocks))
    if top[0].key is not None:
        top = _stacked_numbers(top, blocks)
        top = _repeated_numbers(_midline_steps(_lost_dots(_fill_run(top, weak), rest), blocks), rest, blocks)
        kids = _reparent(top, kids)
        kids = _lone_sub_headings(top, kids, rest, blocks)
        sub = next((v[0] for v in kids.values() if v and v[0].key is not None), None)
        for k, p in enumerate(top):  # the same for a sub-level run inside its parent
            nxt = top[k + 1].idx if k + 1 < len(top) else len(blocks)
            if kids.get(p.idx) and kids[p.idx][0].key is not None:
                kids[p.idx] = _fill_run(kids[p.idx], [c for c in weak if c.idx > p.idx], nxt)
            elif sub is not None and p.idx not in kids:
                chain = _sub_chain(p, nxt, sub.scheme, rest + weak)
                if chain:
                    kids[p.idx] = chain
        kids = _bullet_heads(top, kids, blocks)
        top = top + _tail_headings(top, kids, rest, blocks)
        taken = {c.idx for c in top} | {c.idx for v in kids.values() for c in v}
        top = top + _peer_headings(top, taken, blocks, params) + _gap_headings(top, taken, blocks)
    # Two levels: no gold agenda in the corpus has a third, and a third level found inside one
    # sub-item (its attachments list, its numbered paragraphs) is nearly always body text.
    out: list[tuple[Cand, int, Cand | None]] = []
    for p in top:
        out.append((p, 1, None))
        out.extend((c, 2, p) for c in kids.get(p.idx, []))
    out.sort(key=lambda t: t[0].idx)
    seen: set[int] = set()  # a block read two ways (roman C / letter C) heads one item
    out = [t for t in out if not (t[0].idx in seen or seen.add(t[0].idx))]
    return _drop_records(_unwrap(out, cands, blocks))


# A heading that only wraps the agenda: "Agenda Items", "Items", "Meeting minutes", "Proceedings"
# (a bare "Agenda" heads the list of business itself, and is an item of its own).
_WRAPPER = re.compile(r"^(?:(?:the\s+)?(?:agenda|business|discussion)\s+items|items(?:\s+(?:discussed|of\s+business))?|"
                      r"proceedings|(?:meeting\s+)?minutes)$", re.I)
# A heading over records of the meeting rather than agenda business: its list is not sub-items.
_RECORDS = re.compile(r"^(?:actions?|action\s+(?:items|points|list|log|register|summary)|motions|votes|"
                      r"motions?\s+(?:passed|carried|adopted)|follow[- ]up\s+actions|"
                      r"attendees|attendance|(?:members\s+)?present|in\s+attendance)$", re.I)


def _own_text(c: Cand, stop: int, blocks: list[Block]) -> bool:
    return any(blocks[j].text.strip() for j in range(c.end + 1, stop))


def _unwrap(out: list[tuple[Cand, int, Cand | None]], cands: list[Cand],
            blocks: list[Block]) -> list[tuple[Cand, int, Cand | None]]:
    """An unnumbered heading that only wraps the agenda ("## Agenda Items", "## Items", "##
    Meeting minutes") with no text of its own before the headings under it is not an item: the
    headings inside it are, at its level. Authors put such a wrapper between the title block
    and the business; the same heading with text under it stays an item. Such a heading with
    nothing under it at all (a bare date heading) is part of the title block."""
    res: list[tuple[Cand, int, Cand | None]] = []
    k = 0
    while k < len(out):
        c, level, parent = out[k]
        nxt = next((j for j in range(k + 1, len(out)) if out[j][1] == 1), len(out))
        stop_idx = out[nxt][0].idx if nxt < len(out) else len(blocks)
        first_in = out[k + 1][0].idx if k + 1 < len(out) else stop_idx
        b = blocks[c.idx]
        title = clean_title(c.title)
        if not (level == 1 and c.key is None and b.kind == "heading" and (_WRAPPER.match(title) or _MASTHEAD.match(title))):
            res.append(out[k])
            k += 1
            continue
        kids = out[k + 1: nxt]
        deeper = [d for d in cands if c.idx < d.idx < stop_idx and d.key is None and blocks[d.idx].kind == "heading"
                  and blocks[d.idx].level > b.level] if not kids else []
        inner = [t[0] for t in kids] or deeper
        if not inner and not _own_text(c, stop_idx, blocks) and len(out) > 2:
            k = nxt  # an empty date or "Minutes" heading between the title and the business
            continue
        if not inner or not _WRAPPER.match(title) or _own_text(c, min(first_in, inner[0].idx), blocks):
            res.append(out[k])
            k += 1
            continue
        if not kids and len({blocks[d.idx].level for d in deeper}) > 1:
            top_level = min(blocks[d.idx].level for d in deeper)
            inner = [d for d in deeper if blocks[d.idx].level == top_level]
        for d in inner:
            res.append((d, 1, None))
            res.extend((sub, 2, d) for sub in _sub_headings(d, inner, stop_idx, cands, blocks))
        k = nxt
    return res


def _sub_headings(d: Cand, siblings: list[Cand], stop: int, cands: list[Cand], blocks: list[Block]) -> list[Cand]:
    """The headings one level below a heading promoted out of a wrapper: its sub-items."""
    b = blocks[d.idx]
    if b.kind != "heading":
        return []
    later = [s.idx for s in siblings if s.idx > d.idx]
    end = min(later) if later else stop
    return [c for c in cands if d.idx < c.idx < end and blocks[c.idx].kind == "heading"
            and blocks[c.idx].level == b.level + 1]


def _drop_records(out: list[tuple[Cand, int, Cand | None]]) -> list[tuple[Cand, int, Cand | None]]:
    """Entries listed under an "Action Items" or "Motions" heading record what the meeting
    decided or assigned ("Accept Minutes / mover / seconder / Passed", "Set up the bot / Ann"),
    and the groups under an "Attendees" heading ("Attendees present", "For the Board") are
    the roll; they are that heading's text, not agenda items of their own."""
    return [t for t in out if not (t[1] == 2 and t[2] is not None and t[2].key is None
                                   and _RECORDS.match(clean_title(t[2].title)))]


# --- items -------------------------------------------------------------------------------------

def _label(c: Cand) -> str | None:
    if c.number is None:
        return None
    num = re.sub(r"\s+", " ", c.number).strip()
    if not num.startswith("(") or not num.endswith(")"):
        num = num.rstrip(".")
    return num or None


def split_blocks(blocks: list[Block], params: SegmentParams | None = None) -> tuple[list[Block], list[RawItem]]:
    """Split blocks into (preamble blocks, raw items)."""
    chosen = choose_items(blocks, params)
    if not chosen:
        return blocks, []
    labels = [_label(c) for c, _, _ in chosen]
    counts: dict[str, int] = {}
    for lab in labels:
        if lab:
            counts[_bare(lab)] = counts.get(_bare(lab), 0) + 1
    items: list[RawItem] = []
    for k, (c, level, parent) in enumerate(chosen):
        stop = chosen[k + 1][0].idx if k + 1 < len(chosen) else len(blocks)
        title = clean_title(re.sub(r"^#+\s*", "", c.title))
        agenda = None
        m = AGENDA_REF.search(title)
        if m:
            agenda = m.group("n").rstrip(".")
            title = title[: m.start()].strip()
        number = labels[k]
        section = None
        if parent is not None:
            section = _label(parent) or clean_title(parent.title)
        if number and counts.get(_bare(number), 0) > 1 and section is None:
            # restarting numbers under unnumbered section headings: the nearest heading above
            sec = next((chosen[j][0] for j in range(k - 1, -1, -1) if chosen[j][0].number is None), None)
            section = clean_title(sec.title) if sec else None
        # Cite a number with its section where the number alone is ambiguous: it repeats in the
        # document, or it is a sub-item under a numbered parent ("a) (2)"), unless it already
        # carries the parent's number ("5a", "2.3") or is an identifier of its own.
        parent_num = _label(parent) if parent is not None else None
        own = parent_num is not None and number is not None and (
            _bare(number).startswith(_bare(parent_num)) or _identifiers([c])
            or bool(re.fullmatch(r"\d+(?:\s*\(?[A-Za-z]\)?|(?:\.\d+)+)", number)))
        if number and section and not own and (counts.get(_bare(number), 0) > 1 or parent_num is not None):
            number = f"{number} ({section})"
        head = blocks[c.idx]
        lines = body_lines(blocks[c.end + 1: stop])
        nxt = chosen[k + 1][0] if k + 1 < len(chosen) else None
        if nxt is not None and nxt.offset:  # the paragraph before a number printed inside it
            lines += ([""] if blocks[stop].kind != "line" else []) + [blocks[stop].text[: nxt.offset].strip()]
        rest = _head_rest(c, blocks)
        if rest:
            # what the heading's block says after its title ("Police Report: Attached.", the
            # rest of a numbered paragraph titled by its first sentence) is the item's text
            apart = blocks[c.idx].kind == "table_row" and lines[:1] != [""]  # cells are paragraphs
            lines = [rest] + ([""] if apart else []) + lines
        lead = _lead_code(c, blocks)
        if lead:
            # it records the item's decision, so it is kept; the title's line may wrap into the
            # text, so it goes last, as a paragraph of its own, not between the two
            lines += ["", lead]
        items.append(RawItem(number, title, lines, agenda, section, head.page, head.anchor, level))
    return blocks[: chosen[0][0].idx], items


def _head_rest(c: Cand, blocks: list[Block]) -> str:
    """The text of a heading's block after its number and title, which no item may lose.

    Titles are cut from their block in many ways (a first sentence, a run-in head, a bold
    prefix, a capitals head, a time beside a bold heading), so rather than each cut handing on
    its remainder, the title's words are found in order in the block and whatever follows the
    last of them is the remainder. A table row's other cells, and its title cell's further
    lines, follow its title."""
    head = blocks[c.end if c.style == "alone" else c.idx]
    if head.kind == "table_row" and head.cells:
        cells = [x for x in head.cells if x.strip()]
        title_cell = next((k for k, x in enumerate(cells) if _title_end(x, c.title) is not None), None)
        if title_cell is None:
            return ""
        first = cells[title_cell]
        end = _title_end(first, c.title) or 0
        rest = [first[end:].lstrip(" :;,.–—-\n")] + cells[title_cell + 1:]
        return "\n\n".join(x.strip() for x in rest if x.strip())
    text = head.text[c.offset:] if c.style != "alone" else head.text
    end = _title_end(text, c.title)
    if end is None:
        return ""
    rest = text[end:].lstrip(" \t:;,.–—-").rstrip()
    return rest if re.search(r"\w", rest) else ""  # a "?" or "/" closing the title is not text


def _lead_code(c: Cand, blocks: list[Block]) -> str | None:
    """A roll-call or resolution number printed before the item number ("99-464 12. ...")."""
    if c.number is None or c.style == "alone":
        return None
    m = _LEAD_CODE.match(blocks[c.idx].text[c.offset:].strip())
    return m.group(0).strip() if m else None


_TOKEN = re.compile(r"\w+")


def _title_end(text: str, title: str) -> int | None:
    """Where `title`'s words end in `text`, matching them in order (None: not found there).
    A closing bracket or quote right after the last word belongs to the title. A word far from
    the one before it means the title went on past this block (a wrapped heading)."""
    pos, found = 0, 0
    words = _TOKEN.findall(title)
    if not words:
        return None
    for w in words:
        m = re.compile(rf"(?<!\w){re.escape(w)}(?!\w)").search(text, pos)
        if not m or (found and m.start() - pos > 12):
            break
        pos, found = m.end(), found + 1
    if not found:
        return None
    m = re.match(r"[)\]’'\"”*_]*", text[pos:])
    return pos + (m.end() if m else 0)


def _bare(label: str) -> str:
    """"a)", "(a)" and "a" are one printed number when counting repeats."""
    return re.sub(r"[^\w]", "", label).casefold()


def body_lines(blocks: list[Block]) -> list[str]:
    """An item's blocks as text lines: paragraph-level blocks (paragraphs, list items, table
    rows, headings) start a paragraph, after a blank line; `line` blocks run on, as they were
    printed: the next line of a PDF or text file, or of a soft-wrapped Markdown or DOCX
    paragraph, which must stay in its paragraph (the same rule as `render_text`)."""
    out: list[str] = []
    for b in blocks:
        if b.kind != "line":
            out.append("")
        out.append(render_line(b) if b.kind != "heading" else b.text)
    return out


def split_items(text: str, params: SegmentParams | None = None) -> tuple[list[str], list[RawItem]]:
    """Split plain text into (preamble lines, raw items)."""
    pre, items = split_blocks(text_blocks(text), params)
    return [b.text for b in pre], items
