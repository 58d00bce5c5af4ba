"""What reads as an item title: cleaning, scoring and cutting a title from the text it runs into.

Split out of `ingest/segment.py`. The patterns here say what is a title, a label, a masthead,
a sentence or page furniture; `title_score` weighs a line as a heading.
"""
from __future__ import annotations

import re

from .furniture import PAGE_NUMBER
from .segment_numbers import _MONTH


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
_OUTCOME_WORD = re.compile(
    r"^(?:RESOLVED|AGREED|NOTED|APPROVED|CARRIED|DECIDED|MOTION|MOTION CARRIED|ACTION|ACTIONS?|PAGE \d+|"
    r"RECOMMENDED|CONSENSUS|PASSED|DENIED|ADOPTED|FAILED|AYES?|NAYS?|YES|NO|ABSENT|ABSTAIN|NONE|N/A|TBC|"
    r"PRESENT|MOVED|SECONDED|SIGNED|CHAIR(?:MAN|PERSON)?|DATE|CLERK)\b[\s.:!-]*$"
)
_REPORTED = re.compile(
    r"\b(?:spoke|stated|expressed|said|asked|reported|explained|requested|thanked|advised|mentioned|commented|"
    r"questioned|informed|welcomed|was|were|is|are|has|have|had)\b"
)
_PAGE_MARK = PAGE_NUMBER  # a page number line ("Page 3 of 9", "1 | Page"): one shape for readers and segmenter
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
    r"mover|seconder|ayes?|nays?|noes|status|department|in attendance|members|guests?|re|subject|online|regrets)\b",
    re.I,
)
# Agenda wording before an item's subject ("To Note:", "To Discuss and Approve:"): part of the title.
_AGENDA_VERB = re.compile(r"To\s+[A-Za-z]+(?:\s+(?:and|&|or)\s+[A-Za-z]+)?", re.I)
# Where a run-in numbered paragraph's title stops: a sentence break, or a finite verb that makes
# the line a sentence ("Emergency Evacuation Procedures was read by ...").
_RUNIN_STOP = re.compile(r"(?<=[a-z0-9)\]’'])[.;:](?=\s)|\s(?=•)|\s(?=(?:was|were|is|are|has|have|had|will|would)\b)"
                         r"|\s(?=[a-z]\)\s)")  # "... Handyman’s Report a) The Parish Clerk ...": a sub-paragraph starts
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
    if not (t[0].isupper() or t[0].isdigit() or t[0] in "'\"‘“(£$€") and not (heading and t[0].isalpha()):
        return 0.0  # (heading markup is the author's choice: "### nodejs/node" is a heading in lower case)
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
# A title run on by a dash into the account of what was reported ("Police Report – PK reported
# that ...", "Accounts for May – The Parish Clerk reported ..."): the title ends at the dash.
_REPORT_DASH = re.compile(
    r"^(?P<head>[A-Z][^–—]{1,80}?\w[.)’']?)\s+[-–—]\s+(?:the\s+|[A-Z][\w'’.-]*\s+){1,4}"
    r"(?:reported|noted|commented|stated|said|advised|explained|confirmed|presented|asked|requested|informed|"
    r"updated|thanked|welcomed|raised|expressed|outlined|gave|provided|recorded|displayed|agreed|"
    r"(?:we\s+)?noted|had|has|was|were)\b")


def _short_title(t: str) -> str:
    """A run-in heading's title: "Police Report: Attached. Cllr ..." -> "Police Report"; a long
    paragraph's title is its first sentence (or clause). A link after the title ("Web page –
    https://...") is the item's text, not its title."""
    url = re.match(r"^(?P<head>\S.*?\w)\s*[-–—:]\s*<?https?://\S+>?$", t)
    if url and len(url.group("head").split()) <= 12:
        return url.group("head")
    said = _REPORT_DASH.match(t)
    if said and title_score(said.group("head")) > 0:
        return said.group("head")  # "Police Report – PK reported that ...": the report follows the title
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


_FORM_FIELD = re.compile(r"_{4,}|\.{6,}|…{3,}")


# A Title-Case phrase run straight into a sentence that opens with a common first word
# ("Finance The accounts were approved.", "Apologies None were received."): the title ends there.
_TITLE_THEN_SENTENCE = re.compile(
    r"^(?P<head>[A-Z][\w’'&/-]*(?:\s+(?:[A-Z][\w’'&/-]*|of|and|for|to|on|in|at|by|with|&|-|–)){0,7})\s+"
    r"(?=(?:The|This|These|It|There|No|None|All|Members|Councillors|Cllrs?\.?|Mr|Mrs|Ms|Dr|A|An)\s)")


def _runon_title(seg: str) -> str:
    """The title of a heading that runs straight into its text: the Title-Case phrase before a
    sentence's usual first word, else its first sentence when that reads as a title, else up
    to the verb that makes it a sentence."""
    lead = _TITLE_THEN_SENTENCE.match(seg)
    if lead and not lead.group("head").isupper():
        return lead.group("head")
    short = _short_title(seg)
    if title_score(short) >= 0.7:
        return short
    return _runin_head(seg) or short


_DATE_LINE = re.compile(rf"(?i)(?:\w+day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?(?:\s+\d{{4}})?")
