"""What any reader takes as item starts, for documents where the evidence-weighed schemes find
(almost) nothing; and what no reader takes for an item (signature blocks, roll calls).

Every development set so far has brought layouts no earlier set showed, and the scheme scoring in
`ingest.segment` only believes a level with enough evidence. When it finds fewer than two items,
the document is not necessarily without structure; it is set in a way the schemes did not weigh.
A person skimming such minutes still sees the items, by cues that hold in any layout:

- a run of lines opening with a clock time, in time order ("7:06 - Start", "7:11 - Presentation
  by ..."): the minute-taker logged each item as it started;
- heading markup of any kind (Markdown/HTML/DOCX), even a single heading, and even inside a
  Pandoc/Quarto fenced div (`::: callout` ... `## View Attendee List`): the author chose it;
- short title lines each set straight above a paragraph of prose ("Water supply" / "The
  committee discussed ..."), also a definition list's terms over their definitions;
- the rows of a table of business ("Item | Discussion | Action");
- lines opening with a short label and a colon ("FINANCE: The treasurer reported ..."), less
  speakers' turns (labels that recur), people ("Chief Executive: Kieran Kehoe") and fields.

These are fallbacks (`reader_fallback`): they replace the schemes' choice when it has fewer than
two items (unless that one is numbered: a one-motion meeting), or when the cue's reading contains
every unnumbered item the schemes found and more; a log of
clock times also when the schemes found only unnumbered lines (not heading markup) and the times
are twice as many.
Each needs evidence of its own (three lines or rows at least; a heading that is not the
document's title). Never items, whatever reading chose them: the lines of the closing signature
block (`drop_signatories`) and the names of a roll call under "PRESENT:" (`drop_roll_calls`).
Also here: run-in labels between numbered resolutions (`label_paragraphs`). No constant here is
fitted; each is a hand-set count or length.
"""
from __future__ import annotations

import re

from .blocks import Block
from .segment_candidates import Cand, _names_line
from .segment_numbers import _parse_number
from .segment_titles import _LABEL, _MASTHEAD, _OUTCOME_WORD, _VOTE_LABEL, clean_title, title_score

# A clock time opening a line, then a dash, colon or bar and the title: "7:06 - Start",
# "19:30 – Apologies", "10.15am: Coffee". A time with seconds ("00:01:23") is a transcript cue.
TIME_LINE = re.compile(
    r"^[\[(]?(?P<h>\d{1,2})[:.](?P<m>[0-5]\d)(?![:\d])\s*(?P<ap>[ap]\.?\s?m\.?)?[\])]?"
    r"(?:\s*[-–—:|]\s*|\s+)(?P<title>(?-i:[A-Z\"'“‘(]).{0,200})$",
    re.I,
)
# The line that opens a signature block: "Signed: ____", "CERTIFIED:", "Chairperson ......".
SIGNATURE = re.compile(
    r"^(?:signed|signature|certified|confirmed|approved)\b[^a-z]{0,3}(?:\s*(?:by|as a (?:true|correct) record)\b.*)?[:\s_.…-]*$"
    r"|^(?:signed|certified)\s*:.*$"
    r"|^(?:respectfully\s+submitted|submitted\s+by|minutes\s+(?:taken|recorded|prepared)\s+by|recorded\s+by)\b.*$"
    r"|.*(?:_{4,}|\.{6,}|…{3,})\s*$",
    re.I,
)
# A line closing the business ("This concluded the business of the meeting", "The meeting ended"):
# capitals lines after it are the signatories' offices.
_CLOSED = re.compile(r"\b(?:concluded the business|meeting (?:ended|closed|concluded|(?:be |was |stood )?adjourned)|"
                     r"there being no further (?:business|matters))\b", re.I)
# An office over a signature line, once the business has closed: "Mayor:", "CAO-Clerk:".
_OFFICE_LABEL = re.compile(r"^[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*){0,2}\s*:$")


# A time noting who came or went, or a pause: "7:05 PM Councillor Smith arrived." is not business.
_COMINGS = re.compile(r"\b(?:arrived|arrives|left|leaves|departed|joined|rejoined|returned|entered|exited|"
                      r"recessed|reconvened|resumed)\b", re.I)


def _minutes(m: re.Match) -> int:
    h, mm = int(m.group("h")), int(m.group("m"))
    ap = (m.group("ap") or "").lower()
    if ap.startswith("p") and h < 12:
        h += 12
    return h * 60 + mm


def time_stamped(blocks: list[Block]) -> list[Cand]:
    """Lines opening with a clock time, three or more in time order: each starts an item titled
    by the text after the time. A list item nested in another is a note, not an item."""
    out: list[Cand] = []
    last = -1
    for i, b in enumerate(blocks):
        if b.kind == "table_row" or b.list_depth > 0:
            continue
        m = TIME_LINE.match(b.text.strip())
        if not m:
            continue
        # the title is the first sentence ("7:05 PM Approval of the agenda. Approved unanimously.")
        t = clean_title(re.split(r"(?<=[a-z]{2})\.\s+(?=[A-Z])", m.group("title"), maxsplit=1)[0])
        w = title_score(t)
        if w <= 0 or sum(ch.isalpha() for ch in t) < 3 or _COMINGS.search(t):
            continue
        at = _minutes(m)
        if at < last and not m.group("ap") and at < 12 * 60 <= last <= at + 12 * 60:
            at += 12 * 60  # "12:55" then "1:05": the afternoon, on a twelve-hour clock
        if at < last:
            return []  # not in time order: a schedule or a list of times, not a log of the meeting
        last = at
        out.append(Cand(i, i, None, t, "time", None, w, "time", b.indent))
    return out if len(out) >= 3 else []


def markup_headings(blocks: list[Block]) -> list[Cand]:
    """Headings the markup declares, at their shallowest level, less the document's title (the
    first heading, when it opens the document and others follow, or masthead wording)."""
    heads = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.text.strip()]
    if not heads:
        return []
    first_text = next((i for i, b in enumerate(blocks) if b.text.strip() and b.source != "front-matter"), None)
    keep = []
    for i in heads:
        t = clean_title(re.sub(r"^#+\s*", "", blocks[i].text))
        if not t or _MASTHEAD.match(t):
            continue
        if i == first_text and len(heads) > 1:
            continue  # the document's title
        w = title_score(t, heading=True)
        if w > 0:
            keep.append(Cand(i, i, None, t, f"h{blocks[i].level or 1}", None, w, "heading", blocks[i].indent))
    if not keep:
        return []
    top = min(blocks[c.idx].level or 1 for c in keep)
    return [c for c in keep if (blocks[c.idx].level or 1) == top]


_SENTENCE = re.compile(r"^[A-Z\"'“‘(].*\b\w+\b.*[.!?)\"”’]$")


def title_lines(blocks: list[Block]) -> list[Cand]:
    """Short title-like lines each set straight above a paragraph of prose, after a blank line
    or paragraph break ("Water supply" / "The committee discussed ..."): the plainest way to head
    business, in text files and in Markdown/HTML paragraphs alike. Three at least, and not the
    document's first line (its title)."""
    texts = [b.text.strip() for b in blocks]
    first = next((i for i, t in enumerate(texts) if t and blocks[i].source != "front-matter"), None)
    out: list[Cand] = []
    for i, b in enumerate(blocks):
        s = texts[i]
        if not s or i == first or b.kind not in ("line", "para") or b.list_depth > 0:
            continue
        if b.kind == "line" and i > 0 and texts[i - 1]:
            continue  # inside a paragraph: a title stands after a blank line
        words = s.split()
        if (len(words) > 8 or len(s) > 60 or not s[0].isupper() or s.endswith((".", ",", ";", ":", "?"))
                or ":" in s or _parse_number(s) or _MASTHEAD.match(s) or _LABEL.match(s) or _VOTE_LABEL.match(s)):
            continue
        t = clean_title(s)
        if title_score(t) < 1.0 or sum(ch.isalpha() for ch in t) < 3:
            continue
        j = i + 1
        if j >= len(blocks) or not texts[j] or (b.kind == "para" and blocks[j].kind != "para"):
            continue  # the paragraph follows straight under the title
        nxt = texts[j]
        if len(nxt.split()) < 5 or not _SENTENCE.match(nxt if blocks[j].kind == "para" else _paragraph(texts, j)):
            continue
        out.append(Cand(i, i, None, t, "title-line", None, title_score(t), "title-line", b.indent))
    return out if len(out) >= 3 else []


def _paragraph(texts: list[str], j: int) -> str:
    """The text lines from `j` to the next blank line, as one string."""
    end = j
    while end < len(texts) and texts[end]:
        end += 1
    return " ".join(texts[j:end])


_TABLE_ITEM_HEAD = re.compile(r"^(?:agenda\s+)?(?:items?|topics?|subjects?|matters?|business|agenda)\b", re.I)


def table_items(blocks: list[Block]) -> list[Cand]:
    """The rows of a table of business ("Item | Discussion | Action"): minutes kept as a table,
    one row per item, the item's title in its first cell and the discussion in the others. The
    table is business when its header's first column names the items ("Item", "Topic",
    "Agenda item"), or when, row after row, a short title is followed by a cell of prose.
    Three rows at least."""
    tables: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        if b.kind == "table_row" and b.table is not None and len([c for c in b.cells if c.strip()]) >= 2:
            tables.setdefault(b.table, []).append(i)
    best: list[Cand] = []
    for rows in tables.values():
        head = blocks[rows[0]]
        named = bool(_TABLE_ITEM_HEAD.match(head.cells[0].strip())) if head.cells else False
        data = rows[1:] if named or head.source == "th" or head.bold else rows
        out: list[Cand] = []
        prose = 0
        for i in data:
            cells = [c.strip() for c in blocks[i].cells]
            first = cells[0].split("\n")[0].strip() if cells else ""
            t = clean_title(first)
            if not t or len(t.split()) > 10 or _parse_number(t) or title_score(t) < 1.0 or sum(ch.isalpha() for ch in t) < 3:
                continue
            prose += any(len(c.split()) >= 5 for c in cells[1:]) or len(cells[0].split()) >= len(first.split()) + 5
            out.append(Cand(i, i, None, t, "table-title", None, title_score(t), "row", blocks[i].indent))
        if len(out) >= 3 and (named or prose >= len(out) / 2) and len(out) > len(best):
            best = out
    return best


# A person's name as a label's whole value: "Kieran Kehoe", "Ms. S. Kavanagh".
_PERSON_VALUE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?(?:[A-Z]\.\s?)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,3}\.?$")


# A label naming a person or an office-holder speaking: "Councillor Murphy", "Member Kattouw offered".
_SPEAKER = re.compile(r"^(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr|Member|Chair(?:man|person)?|Mayor|Trustee|Commissioner|"
                      r"Supervisor|Alderman|Alderwoman|Director|President|Secretary|Treasurer)\b\.?\s+[A-Z]", re.I)
# "None", "Nil", "N/A", "No report": a complete minute in one or two words.
_NIL = re.compile(r"^(?:none|nil|n/?a|no\s+\w+|nothing\s+to\s+report)\.?$", re.I)


def runin_labels(blocks: list[Block]) -> list[Cand]:
    """Lines or paragraphs opening with a short label and a colon, the minute after it
    ("FINANCE: The treasurer reported ...", "Public comment: None."), three at least: run-in
    headings typed plainly. Attendance, field and vote labels ("Present:", "Time:", "Ayes:") and
    outcome words ("CARRIED:") are not business."""
    out: list[Cand] = []
    for i, b in enumerate(blocks):
        s = b.text.strip()
        m = _LABEL_RUNIN.match(s)
        if not m or not m.group("rest") or b.kind not in ("line", "para", "list_item") or b.list_depth > 0:
            continue
        if b.kind == "line" and i > 0 and blocks[i - 1].text.strip() and not _LABEL_RUNIN.match(blocks[i - 1].text.strip()):
            continue  # inside a paragraph: a label opens a line of its own
        t = clean_title(m.group("head"))
        rest = m.group("rest").strip()
        if not _NIL.match(rest) and (_PERSON_VALUE.match(rest) or _names_line(rest)):
            continue  # "Chief Executive: Kieran Kehoe", "Directors of Service: Des Foley, ...": who attended
        if _SPEAKER.match(t) or not (len(re.findall(r"[^\W\d_]{2,}", rest)) >= 3 or _NIL.match(rest)):
            continue  # a speaker's turn ("Councillor Murphy: ..."), or a field's value ("Fetched: 2024-01-02")
        if (_ATTENDANCE.fullmatch(t) or _LABEL.match(t) or _VOTE_LABEL.match(s) or _OUTCOME_WORD.match(t.upper())
                or _MASTHEAD.match(t) or sum(ch.isalpha() for ch in t) < 3 or title_score(t) <= 0 or _parse_number(s)):
            continue
        out.append(Cand(i, i, None, t, "runin", None, title_score(t), "label", b.indent))
    seen: dict[str, int] = {}
    for c in out:
        seen[c.title.casefold()] = seen.get(c.title.casefold(), 0) + 1
    if sum(n for n in seen.values() if n > 1) > len(out) / 3:
        return []  # labels that recur turn after turn are speakers or fields, not headings
    out = [c for c in out if seen[c.title.casefold()] == 1]
    return out if len(out) >= 3 else []


def reader_fallback(blocks: list[Block], out: list[tuple[Cand, int, Cand | None]]) -> list[tuple[Cand, int, Cand | None]]:
    """Items by the cues any reader uses, in place of the schemes' `out`: when that has fewer
    than two items and a cue finds more; when a cue's reading contains every (unnumbered) item
    the schemes found and more; or, for a log of clock times (the strongest cue: an ordered run
    the minute-taker wrote on purpose), when the schemes found only unnumbered lines that no
    heading markup declares and the times are at least three and twice as many. Cues are tried
    in a fixed order, the first that qualifies wins; [] keeps the schemes' choice."""
    found = len(out)
    numbered = any(c.key is not None for c, _, _ in out)
    if numbered and found == 1:
        return []  # a lone numbered item (one motion's special meeting) is the schemes' deliberate reading
    have = {c.idx for c, _, _ in out}
    for cues, strong in ((time_stamped(blocks), True), (markup_headings(blocks), False), (title_lines(blocks), False),
                         (table_items(blocks), False), (runin_labels(blocks), False)):
        superset = not numbered and have <= {c.idx for c in cues}  # the same reading, more complete
        marked = any(c.style in ("heading", "underline") for c, _, _ in out)  # headings the markup declares stay
        if ((found < 2 or superset) and len(cues) > found) or (strong and not numbered and not marked
                                                                and len(cues) >= max(3, 2 * found)):
            return [(c, 1, None) for c in cues]
    return []


def signature_block(blocks: list[Block]) -> tuple[int, bool] | None:
    """Where the closing signature block starts: the first "Signed:" / "Certified" / form-field
    line among the document's last 15 non-empty lines (or an office label, "Mayor:", once the
    business has closed);
    and whether a line closing the business ("This concluded the business of the meeting")
    comes before it. Unnumbered capitals lines below it ("CATHAOIRLEACH", "DIRECTOR OF CORPORATE
    AFFAIRS") are the signatories' offices, not items."""
    lines = [i for i, b in enumerate(blocks) if b.text.strip()]
    if not lines:
        return None
    tail = set(lines[-15:])
    closed = next((i for i in lines if _CLOSED.search(blocks[i].text)), None)
    for i in lines:
        after = closed is not None and i > closed
        if i in tail and (SIGNATURE.match(blocks[i].text.strip()) or after and _OFFICE_LABEL.match(blocks[i].text.strip())):
            return i, closed is not None and closed < i
    return None


def drop_signatories(out: list[tuple[Cand, int, Cand | None]], blocks: list[Block]) -> list[tuple[Cand, int, Cand | None]]:
    """The chosen items less the lines of the closing signature block: unnumbered capitals/bold
    lines below its first line; anything below it once the business has closed (what OCR makes of
    a signature, "a" / "s. Rosemary Joy", reads as lettered items). Minutes signed page by page
    ("Signed ...... Chairman" at each page foot) go on after a signature line, so a numbered
    item is dropped only after the closing line."""
    found = signature_block(blocks)
    if found is None:
        return out
    start, closed = found
    return [t for t in out if not (t[0].idx >= start and (closed or t[0].key is None and t[0].style in ("caps", "bold", "colon", "runin", "label", "title-line")))]


# A paragraph opening with a short label and a colon: "Staff Reports: Dave Yemm ...",
# "Committee Reports:", "Disclosure of pecuniary interest: None." (sentence case allowed).
_LABEL_RUNIN = re.compile(r"^(?P<head>[A-Z][A-Za-z’'&/-]+(?:\s+[A-Za-z’'&/-]+){0,4})\s*:(?:\s+(?P<rest>\S.*))?$")


# A field or attendance label as the whole head ("Regrets", "Present", "Staff and visitors
# present"); "Staff Reports" opens business, so the label word must not be the head's start only.
_ATTENDANCE = re.compile(_LABEL.pattern + r"(?:\s+(?:[\w’'&-]+\s+){0,3}(?:present|absent|attending|in attendance))?", re.I)


def label_paragraphs(top: list[Cand], taken: set[int], blocks: list[Block]) -> list[Cand]:
    """Unnumbered items of minutes whose numbered items are run-on paragraphs (resolutions
    "R2018-077 L. Smith, L. Andersen: That ..."): the paragraphs between them that open with a
    short label and a colon ("Staff Reports: ...", "Committee Reports:") record the business
    the resolutions sit in. Attendance and field labels (`_LABEL`: "Present:", "Regrets:",
    "Time:") are not items; nor is anything after the last numbered item (signatures: "Mayor:").
    Two such labels at least: one is a remark, two are the document's way of heading business."""
    heads = [c for c in top if c.key is not None]
    if len(heads) < 3 or any(blocks[c.idx].kind != "para" or c.style != "inline" for c in heads):
        return []
    if sum(len(blocks[c.idx].text.split()) >= len(c.title.split()) + 4 for c in heads) < 2 / 3 * len(heads):
        return []  # numbered headings standing alone ("1. Call to Order"): their labels are remarks
    last = max(c.idx for c in heads)
    out = []
    for i in range(last):
        b = blocks[i]
        s = b.text.strip()
        m = _LABEL_RUNIN.match(s)
        if i in taken or b.kind != "para" or not m:
            continue
        t = clean_title(m.group("head"))
        if (_ATTENDANCE.fullmatch(t) or _VOTE_LABEL.match(s) or _MASTHEAD.match(t) or sum(ch.isalpha() for ch in t) < 4
                or title_score(t) <= 0 or _parse_number(s)):
            continue
        out.append(Cand(i, i, None, t, "runin", None, title_score(t), "label", b.indent))
    return out if len(out) >= 2 else []


# An attendance label over a list of names: "PRESENT:", "Absent:", "Members present", "Attendees".
_ROLL_LABEL = re.compile(
    r"^(?:(?:members|councillors|trustees|directors|officers|staff|others?|also)\s+)?(?:present|absent|in attendance|attending|"
    r"attendees|attendance|apologies|regrets|excused|not present)(?:\s+(?:were|was))?\s*:?$", re.I)


_SECTION_NO = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?\s+")


def roll_call_lines(blocks: list[Block]) -> set[int]:
    """Lines listing people under an attendance label standing alone ("PRESENT:" / "JOHN SMITH" /
    "MARY O'BRIEN"): each name on its own line, up to the next blank line or label. Capitals
    names read like capitals headings, but a roll call is never business."""
    out: set[int] = set()
    for i, b in enumerate(blocks):
        if not _ROLL_LABEL.match(_SECTION_NO.sub("", b.text.strip())):
            continue  # (a label may carry its section's number: "1.1.1. Attending:")
        j = i + 1
        kind = blocks[j].kind if j < len(blocks) else None
        while j < len(blocks) and blocks[j].text.strip() and not _ROLL_LABEL.match(blocks[j].text.strip()):
            t = blocks[j].text.strip()
            if (len(t.split()) > 8 or t.endswith((".", ":")) and not re.search(r"\b[A-Z]\.$", t)
                    or blocks[j].kind != kind or blocks[j].kind == "heading" or blocks[j].bold or blocks[j].bold_prefix):
                break  # a sentence, another label or a heading: the list has ended
            out.add(j)
            j += 1
    return out


# A person as a list entry: "Dave", "Pedram Hosseyni", "Jane Doe (Moneyhub)", "J. O'Brien".
_PERSON_ENTRY = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s*\([^)]{1,60}\))?")


def drop_roll_calls(out: list[tuple[Cand, int, Cand | None]], blocks: list[Block]) -> list[tuple[Cand, int, Cand | None]]:
    """The chosen items less the lines of a roll call (`roll_call_lines`): unnumbered lines, and
    the entries of a numbered list that are people's names ("#. Dave" / "#. Nat" under
    "Attending:"): the list counts heads, not business."""
    roll = roll_call_lines(blocks)
    if not roll:
        return out
    return [t for t in out if not (t[0].idx in roll and (t[0].key is None or t[0].style == "list"
                                                          and _PERSON_ENTRY.fullmatch(t[0].title.strip())))]
