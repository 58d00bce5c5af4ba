"""Candidate values for the meeting details, each scored by where in the header it stands.

A header can name a date three times (a letter's date, the title's, a running footer's) and a
council twice (its own, one its strap line mentions), so every reading is kept as a candidate
with a strength — the "Minutes of ..." title line (10) > a labelled field (9) > a sentence
saying when the meeting was held, or opening the minutes ("A regular meeting of the X Board
was held ...") (7) > a title-block line (4-7, more beside the date or a "MINUTES" marker) and
the web page's own title (front matter or `<title>`, 5) > anything else in the header (2) >
the front matter's `date:` (1.5: often when the page was published) — and the strongest wins.
The strengths are fixed by that order of evidence, not fitted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .header_dates import find_dates, find_partial_date, find_time
from .header_names import BODY_RE, MINUTES_OF, ORG_SUFFIXED, TitleParts, _clean_org, find_org, smart_title, split_title, strip_dates
from .header_region import is_sentence

LABEL = re.compile(
    r"^(?P<label>(?i:title\s+of\s+meeting|name\s+of\s+meeting|meeting\s+title|date(?:\s+of\s+meeting)?|meeting\s+date|time|venue|"
    r"location|place))\s*(?::|\s{2,}|\s+(?=[A-Z0-9]))\s*(?P<value>.*)$"
    r"|^(?P<label2>(?i:meeting|committee|body|board|council|organi[sz]ation|where|when))\s*:\s*(?P<value2>.*)$",
)
LABEL_ALONE = re.compile(r"^(?P<label>date|time|venue|location|place|meeting|committee)\s*:\s*$", re.I)
HELD_THEIR = re.compile(
    r"^(?:the\s+)?(?P<org>[A-Z][\w'’&.-]*(?:\s+(?:of|and|the|[A-Z][\w'’&.-]*))*?)\s+(?:held|hold)\s+(?:its|their|a|an|the)\s+"
    r"(?P<what>[\w' -]+?)\s+(?:on|at|in|via|by)\b", re.I)
# "A regular meeting of the Python Software Foundation (the "PSF") Board of Directors was held
# over Internet Relay Chat ...": minutes that open with a sentence instead of a title
OPENING = re.compile(
    r"^(?:an?|the)\s+(?P<what>(?:[\w'’-]+\s+){0,3}?)meeting\s+of\s+(?P<body>(?:the\s+)?[A-Z].+?)\s+"
    r"(?:(?:was|were|is|has\s+been)\s+(?:duly\s+)?(?:held|convened|called|opened)|took\s+place|commenced|began)\b", re.I)
OPENING_INSIDE = re.compile(r"(?<![\w'’-])" + OPENING.pattern[1:], re.I)
# "Chair Smith called the regular meeting of the Planning Commission to order at 7:00 p.m.": the
# presiding officer opens the meeting of the body in the minutes' first sentence
CALLED_TO_ORDER = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,4}called\s+(?:the\s+|an?\s+)?(?P<what>(?:[\w'’-]+\s+){0,3}?)meeting\s+of\s+"
    r"(?P<body>(?:the\s+)?[A-Z].+?)\s+to\s+order\b")
# "The Board of Directors of the Harbour Trust met on 3 May 2021 at ...": the body is the subject
MET = re.compile(r"^(?:the\s+)?(?P<body>[A-Z][\w'’&.-]*(?:\s+(?:of|and|the|for|on|[A-Z][\w'’&.-]*))*?)\s+"
                 r"(?:met|convened)\s+(?:on|at|in|via|by|remotely|virtually|online)\b")
NEGATIVE_DATE_CONTEXT = re.compile(
    r"\b(?:previous|last|next|future|forthcoming|upcoming|adjourned\s+(?:to|until)|circulated|dated|printed|issued|published|"
    r"approved\s+on|updated|revised|expires?|received|deadline|by\s+no\s+later|scheduled\s+for\s+(?!today))\b",
    re.I,
)
HELD_CONTEXT = re.compile(r"\b(?:held|called\s+(?:the\s+meeting\s+)?to\s+order|convened|commenced|began|opened|took\s+place|will\s+be\s+held)\b", re.I)
ATTENDANCE_START = re.compile(
    r"^(?:(?:members|councillors|directors|trustees|commissioners|board\s+members|elected\s+members|officers|officials|staff)\s+)?"
    r"(?:present|attendance|attendees|in\s+attendance|apologies|absent|roll\s+call)\b|^those\s+present\s+were\b|^(?:chair(?:man|woman|person)?|presiding|council|elected\s+members|members)\s*:",
    re.I)
MINUTES_MARKER = re.compile(r"^(?:(?:regular|special|open|public|draft|final)\s+)*(?:meeting\s+)?(?:minutes|summary)"
                            r"(?:\s*[(\[-]\s*(?:draft|final|approved|unapproved|unconfirmed)\s*[)\]]?)?$", re.I)
# "102/19 Minutes of the meeting held on 15th May 2019 were approved", "4. To approve the minutes of
# ...": an item about an earlier meeting's minutes, whose date is not this meeting's
MINUTES_ITEM = re.compile(r"^\(?[\w/.-]*\d[\w/.-]*\)?\s+(?:to\s+\w+\s+)?(?:the\s+)?minutes\b", re.I)
# "of the San Francisco Elections Commission" under "... Technical Advisory Committee": the
# second half of a title broken over two lines
CONTINUATION = re.compile(r"^(?:of|for|to)\s+(?:the\s+)?[A-Z]")


@dataclass
class Cand:
    value: str
    score: float
    line: int
    text: str
    council_itself: bool = False  # "Minutes of Guelph City Council": the council met, no committee named


@dataclass
class Candidates:
    committees: list[Cand] = field(default_factory=list)
    councils: list[Cand] = field(default_factory=list)
    dates: list[Cand] = field(default_factory=list)
    venues: list[Cand] = field(default_factory=list)
    times: list[Cand] = field(default_factory=list)
    minutes_line: int | None = None  # index of the "Minutes of ..." title line, if the header has one
    parents: list[str] = field(default_factory=list)  # bodies a title says own the body that met
    # (month, day, source) when the title or held-sentence dates the meeting without a year
    partial_date: tuple[int, int, str] | None = None

    def add_parts(self, parts: TitleParts, score: float, line: int, src: str) -> None:
        """The organisation, body and kind of meeting a title names, as candidates."""
        if parts.parent:
            self.parents.append(parts.parent)
        if parts.org:
            self.councils.append(Cand(parts.org, score, line, src))
        if parts.body and not parts.body_is_council:
            self.committees.append(Cand(parts.body, score, line, src))
        if parts.mtype:
            self.committees.append(Cand(parts.mtype, score - 0.5, line, src))
        if parts.body and parts.body_is_council:
            # the council itself met ("Minutes of Guelph City Council"): the body, but a weaker
            # reading than a named committee or a specific kind of meeting in the same place
            self.committees.append(Cand(parts.body, score - (1.5 if score >= 9 else 3.5), line, src, council_itself=True))
            if not parts.org and named(parts.body):
                self.councils.append(Cand(_clean_org(parts.body) or parts.body, score, line, src))
        if parts.body and not parts.body_is_council and not parts.org:
            # "Louisa County Commission on Aging": the place whose body it is
            m = re.match(r"^(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:County|City))\s+\S", parts.body)
            if m:
                self.councils.append(Cand(m.group("place"), score - 1, line, src))


def named(body: str) -> bool:
    """'Guelph City Council' names a council; 'City Council' and 'Council' do not."""
    return _clean_org(body) is not None


def best(cands: list[Cand]) -> Cand | None:
    """The strongest candidate; the earliest line among equals (front matter, line 0, last)."""
    return max(cands, key=lambda c: (c.score, -c.line if c.line else -10_000)) if cands else None


def collect(lines: list[tuple[int, str]], meta: dict[str, str], order: str | None) -> Candidates:
    """Every candidate value in the header lines and front matter."""
    c = Candidates()
    title_block_end = roll_call = next((k for k, (_, s) in enumerate(lines) if k > 0 and ATTENDANCE_START.match(s)), len(lines))
    # the title block stands above the minutes' first paragraph of prose (which may itself open
    # them: "A regular meeting of the X was held ..."); lines after it are the minutes' text
    # ("- TSC Projects review" in the agenda the chair presented), not titles — though a "Minutes of
    # ..." title line below a letterhead's strap line ("A charity supported by ...") still counts
    # (a disclaimer over the title — "Draft: subject to approval at the next meeting" under a logo —
    # is not that paragraph: the title block has at least two lines above its prose)
    prose = next((k for k, (_, s) in enumerate(lines) if k >= 2 and is_sentence(s) and not MINUTES_OF.match(s)), None)
    if prose is not None:
        title_block_end = min(title_block_end, prose + 1)
    marker_ks = [k for k, (_, s) in enumerate(lines[:title_block_end + 1]) if MINUTES_MARKER.match(s)]
    for k, (n, s) in enumerate(lines):
        in_title = k < title_block_end and k < 30
        if k >= 40 and not (MINUTES_OF.match(s) and not is_sentence(s)):
            continue  # deep in a long preamble only a "Minutes of ..." title line still counts
        if _read_label(c, lines, k, order):
            continue
        if MINUTES_OF.match(s) and c.minutes_line is None and ((k < roll_call and k < 30) or k >= 30) \
                and not NEGATIVE_DATE_CONTEXT.search(s) and not is_sentence(s):
            c.minutes_line = k
            _read_minutes_title(c, lines, k, order)
            continue
        _read_line(c, lines, k, order, in_title, marker_ks)
    _read_front_matter(c, meta, order)
    return c


def _read_label(c: Candidates, lines: list[tuple[int, str]], k: int, order: str | None) -> bool:
    """'Date: 28/07/2020', 'Venue:' with its value on the next line, 'Title of Meeting X - Board
    Meeting'. True when the line was a label and nothing more is to be read from it."""
    n, s = lines[k]
    label, alone = LABEL.match(s), LABEL_ALONE.match(s)
    if alone:
        if k + 1 >= len(lines) or LABEL_ALONE.match(lines[k + 1][1]) or lines[k + 1][1].endswith(":"):
            return False  # a column of labels whose values were printed elsewhere (a table read row-wise)
        key, (vline, value) = alone.group("label").lower(), lines[k + 1]
    elif label:
        key = (label.group("label") or label.group("label2")).lower()
        value, vline = (label.group("value") or label.group("value2") or "").strip(), n
    else:
        return False
    if not value:
        return False
    if key in {"council", "committee", "board", "body", "meeting"} and len([x for x in re.split(r",|\band\b", value) if x.strip()]) >= 3:
        return False  # "Council: Carol, JP, Mark, Mara": who of the council attended, not its name
    src = f"line {vline}: {value if alone else s}"
    if key.startswith(("date", "meeting date", "when")):
        for f in find_dates(value, order)[:1]:
            c.dates.append(Cand(f.iso, 9, vline, src))
        t = find_time(value)
        if t:
            c.times.append(Cand(t, 8, vline, src))
        return True
    if key == "time":
        c.times.append(Cand(value.strip(" ."), 9, vline, src))
        return True
    if key in {"venue", "location", "place", "where"}:
        c.venues.append(Cand(value.strip(" ."), 9, vline, src))
        _council_from_venue(c, value, vline, src)
        return True
    if key in {"council", "organisation", "organization"}:
        c.councils.append(Cand(find_org(value) or value.strip(" ."), 9, vline, src))
        return True
    if alone and key == "meeting":
        return False
    parts = split_title(value)
    c.add_parts(parts, 9, vline, src)
    for f in find_dates(value, order)[:1]:
        c.dates.append(Cand(f.iso, 8, vline, src))
    return bool(parts.body or parts.mtype or parts.org)


def _read_minutes_title(c: Candidates, lines: list[tuple[int, str]], k: int, order: str | None) -> None:
    """'Minutes of February Meeting of Carlow County Council held in the / Council Chamber ... /
    on Monday 9th February 2026 at 2.00 p.m.': the strongest evidence a header has."""
    n, s = lines[k]
    joined = s
    for kk in range(k + 1, min(k + 3, len(lines))):  # the title sentence may run over the next lines
        nxt = lines[kk][1]
        if ATTENDANCE_START.match(nxt) or MINUTES_OF.match(nxt) or LABEL.match(nxt) or nxt.endswith(":") or is_sentence(nxt):
            break  # a sentence below the title ("The previous meeting was held on ...") is not its continuation
        joined += " " + nxt
    src = f"line {n}: {joined}"
    # the title sentence goes on to the next line when it ends in "of"/"the" or says "held" only there
    continues = re.search(r"\b(?:of|the|for)$", s, re.I) or (
        re.search(r"\bheld\b", joined, re.I) and not re.search(r"\bheld\b", s, re.I))
    parts = split_title(joined if continues else s)
    c.add_parts(parts, 10, n, src)
    if not (parts.org or parts.body or parts.mtype):
        c.add_parts(split_title(joined), 10, n, src)  # "... of the City / Council": a name broken over lines
    # the title line's own date; a date on the lines it runs onto only when nothing there says it
    # dates something else
    for f in [f for f in find_dates(joined, order)
              if f.start < len(s) or not NEGATIVE_DATE_CONTEXT.search(joined[max(len(s), f.start - 60):f.start])][:1]:
        c.dates.append(Cand(f.iso, 10, n, src))
    _note_partial_date(c, joined, src)
    t = find_time(after_date(joined))
    if t:
        c.times.append(Cand(t, 9, n, src))
    v = venue_from_title(joined)
    if v:
        c.venues.append(Cand(v, 7, n, src))


def _note_partial_date(c: Candidates, text: str, src: str) -> None:
    """Remember the first date the header states for the meeting without a year ("held on 22nd
    April"): a full date elsewhere with another day or month dates something else."""
    if c.partial_date is None:
        found = find_partial_date(text)
        if found:
            words = found[2].strip(" .,")
            c.partial_date = (found[0], found[1], f"'{words}' in {src[:80]}")


def _read_line(c: Candidates, lines: list[tuple[int, str]], k: int, order: str | None, in_title: bool,
               marker_ks: list[int]) -> None:
    """Any other header line: a title-block line, a 'held their ... on' sentence, a date."""
    n, s = lines[k]
    src = f"line {n}: {s}"
    sentence = is_sentence(s)
    held = HELD_THEIR.match(s)
    if held and in_title:
        # "Lochside Community Council held their monthly meeting on 5 May 2022": the subject is
        # the body, the object the kind of meeting — never "... Community Council held their"
        parts = split_title(held.group("org"))
        what = " ".join(w[:1].upper() + w[1:] for w in held.group("what").split())
        if not re.search(r"\b(?:meeting|agm|egm)\b", what, re.I):
            what += " Meeting"
        typ = split_title(what)
        parts.mtype = typ.mtype or (typ.body if typ.body and not typ.body_is_council else None)
        c.add_parts(parts, 8, n, src)
    opening = (OPENING.match(s) or CALLED_TO_ORDER.match(s)) if in_title else None
    if in_title and not opening and len(s.split()) > 30:
        # a PDF text layer that runs the letterhead, title and roll call into one line ("CITY OF
        # PORTLAND, OREGON OFFICIAL MINUTES A REGULAR MEETING OF THE COUNCIL OF ... WAS HELD THIS
        # 12TH DAY OF JANUARY, 2011 ... THOSE PRESENT WERE: ..."): the opening sentence inside it
        opening = OPENING_INSIDE.search(s)
        if opening:
            said = re.split(r"(?<=[a-z]{2})\.\s|\s(?i:those\s+present)\b", s[opening.start():])[0][:300]
            fds_in = find_dates(said, order)
            t = find_time(after_date(said, fds_in[0].text)) if fds_in else None
            if t:
                c.times.append(Cand(t.rstrip("."), 7, n, src))
    if opening and not NEGATIVE_DATE_CONTEXT.search(opening.group("what")):
        body = re.sub(r"\s*\([^)]*\)", "", opening.group("body"))  # "(the "PSF")": an alias, not a name
        body = smart_title(body) if body.isupper() else body
        c.add_parts(split_title(f"{opening.group('what')}Meeting of {body}"), 7, n, src)
    met = MET.match(s) if in_title and not opening else None
    if met and BODY_RE.search(met.group("body")):
        c.add_parts(split_title(f"Meeting of the {met.group('body')}"), 7, n, src)
    if in_title and re.match(r"^held\s+(?:in|at)\b", s, re.I):
        # "Held in the Board Room, Elderpark Workspace at 7 p.m."
        v = venue_from_title(s)
        if v:
            c.venues.append(Cand(v, 6, n, src))
        t = find_time(s)
        if t and not find_dates(s):
            c.times.append(Cand(t, 5, n, src))
    fds = find_dates(s, order)
    if in_title and not fds and HELD_CONTEXT.search(s) and not NEGATIVE_DATE_CONTEXT.search(s):
        _note_partial_date(c, s, src)
    if fds and not NEGATIVE_DATE_CONTEXT.search(s[: fds[0].start]) and not MINUTES_ITEM.match(s):
        score = 6 if (not sentence and in_title) else 7 if HELD_CONTEXT.search(s) else 2
        c.dates.append(Cand(fds[0].iso, score, n, src))
        if not sentence:
            t = find_time(after_date(s, fds[0].text)) or find_time(s[: fds[0].start])
            if t:
                c.times.append(Cand(t, 6 if in_title else 2, n, src))
    if in_title and not sentence and s.count(" | ") < 2 and not _names_person(s):
        # a table row ("Bertrand Zauhar | VE2ZAZ | Secretary") is no title, nor is an attendee's
        # affiliation ("John Mertic, Linux Foundation")
        if CONTINUATION.match(s) and k > 0 and not is_sentence(lines[k - 1][1]):
            return  # read with the line it continues
        joined = k + 1 < len(lines) and CONTINUATION.match(lines[k + 1][1]) is not None \
            and not is_sentence(s + " " + lines[k + 1][1])
        if joined:
            s = s + " " + lines[k + 1][1]
            src = f"line {n}: {s}"
        parts = split_title(s)
        # a title-case sentence, not a title (the date and time a title line carries are not counted)
        long_line = len(strip_dates(s).split()) > (20 if joined else 12)
        c.add_parts(parts, 2 if long_line else 4 + _nearness(k, marker_ks, lines), n, src)
        if not (parts.org or parts.body or parts.mtype) and k + 1 < len(lines):
            # "EAST PALO ALTO" above "PLANNING COMMISSION": a bare place name heading a body
            nxt = split_title(lines[k + 1][1])
            if nxt.body and not nxt.body_is_council and not nxt.org and _is_place_line(s):
                c.councils.append(Cand(smart_title(s), 3, n, src))
    elif in_title and sentence and re.search(r"\b(?:held|convened)\b", s, re.I):
        v = venue_from_title(s)
        if v:
            c.venues.append(Cand(v, 3, n, src))


# "John Mertic, Linux Foundation", "Dr. Jane Roe - Acme Society", "Steve Fisher (SF), STFC": a
# person's name, then the organisation they come from — a roll-call row, whatever it names
_PERSON = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Cllr|Councill?or|Sir|Dame)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:van|de|von|der|da|di|le|la|O['’]|Mc)?\s*[A-Z][\w'’-]+){1,2}"
_AFFILIATION_ROW = re.compile(rf"^(?P<who>{_PERSON})(?:\s+\([A-Z]{{1,4}}\))?\s*(?:,|\s[-–—]\s|\()\s*\S")


def _names_person(s: str) -> bool:
    m = _AFFILIATION_ROW.match(s)
    if not m or BODY_RE.search(s) or re.search(r"\b(?i:minutes|meeting|agenda|notes|present|apologies|AGM)\b", s):
        return False  # "Harbour Trust - Board Meeting" is a title
    return not ORG_SUFFIXED.search(m.group("who")) and not re.search(
        r"\b(?:City|Town|County|Village|Township|Borough|Parish|District|Port|Project|Club|Society)\b", m.group("who"))


# A front-matter title is the page's heading as the site prints it: as strong as a title-block
# line (4-7), weaker than a title printed in the minutes themselves or a labelled field.
FRONT_TITLE = 5.0
# "2016-04-10T00:00:00": a date stored as a timestamp at midnight is a date, not a publishing time
_CLOCK_TIME = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})[ T](?P<time>[0-2]\d:[0-5]\d)$")
_MIDNIGHT = re.compile(r"[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def _read_front_matter(c: Candidates, meta: dict[str, str], order: str | None) -> None:
    """The web page's own title and date.

    A CMS keeps the minutes' title in its front matter ("STOKE FERRY PARISH COUNCIL Draft
    Minutes of the Ordinary Meeting held on Wednesday 5th June 2019", TOML's "Board meeting:
    2024-02-03"), and the page shows it as its heading, so the title is read like a title-block
    line. The front matter's `date:` is often when the page was published (June's minutes posted
    on 26 August), so it is the weakest date there is: a date the title states beats it, and a
    timestamp with a time of day ('2023-11-15T17:56:45Z') is never taken."""
    title = meta.get("title", "")
    if title:
        src = f"front matter title: {title}"
        c.add_parts(split_title(title), FRONT_TITLE, 0, src)
        found = find_dates(title, order)
        if found and not NEGATIVE_DATE_CONTEXT.search(title[: found[0].start]):
            c.dates.append(Cand(found[0].iso, FRONT_TITLE, 0, src))
            t = find_time(after_date(title, found[0].text))
            if t:
                c.times.append(Cand(t, FRONT_TITLE - 1, 0, src))
        v = venue_from_title(title)
        if v:
            c.venues.append(Cand(v, FRONT_TITLE - 1, 0, src))
    d = _MIDNIGHT.sub("", meta.get("date", "").strip())
    clock = _CLOCK_TIME.match(d)
    if clock:
        # "date: 2019-02-09 07:00": a time to the minute with no seconds or zone is how a meeting's
        # start is written; a generator's publishing stamp carries seconds or a zone
        d = clock.group("day")
    if d and "T" not in d and ":" not in d:
        for f in find_dates(d, order)[:1]:
            c.dates.append(Cand(f.iso, 1.5, 0, f"front matter date: {meta['date']}"))
            if clock:
                c.times.append(Cand(clock.group("time"), 1.5, 0, f"front matter date: {meta['date']}"))


def _nearness(k: int, marker_ks: list[int], lines: list[tuple[int, str]]) -> float:
    """+3 right after a 'MINUTES' marker line or next to a date line, +2 two lines away."""
    near = 3.0 if find_dates(lines[k][1]) else 0.0
    for j in (k - 2, k - 1, k + 1, k + 2):
        if 0 <= j < len(lines):
            s = lines[j][1]
            if j in marker_ks or (find_dates(s) and len(s.split()) <= 8):
                near = max(near, 3.0 if abs(j - k) == 1 else 2.0)
    return near


def _is_place_line(s: str) -> bool:
    words = s.split()
    # "EAST PALO ALTO", "Quants and Quills": capitalised words, linked by "and"/"of" at most
    return 1 <= len(words) <= 4 and words[0][:1].isupper() and words[-1][:1].isupper() \
        and all(w[:1].isupper() or w in {"and", "of", "&", "the"} for w in words) and not re.search(r"\d", s) \
        and not BODY_RE.search(s) and not re.search(
            r"\b(?:minutes|meeting|agenda|page|draft|final|approved|unconfirmed|confidential|public|private|part|"
            r"restricted|exempt|open|closed|session|notice|summary|action|present|apologies|items?|attending|attendees|attendance|"
            r"absent|regrets|guests|observers|members|staff|transcript|topics|links|participants|roll)\b", s, re.I)


def after_date(s: str, date_text: str | None = None) -> str:
    """The text after the (first) date: where a meeting's start time is printed."""
    if date_text and date_text in s:
        return s.split(date_text, 1)[1]
    f = find_dates(s)
    return s[f[0].end:] if f else s


def venue_from_title(s: str) -> str | None:
    """'... held in Committee Room 2, Eastmoor Town Hall, on Thursday ...' -> the place."""
    m = re.search(r"\b(?i:held)\s+(?:in|at)\s+(?:the\s+)?(?P<v>[A-Z][^.;]*?)(?=,?\s+(?:on|at)\s+(?:\w+day|\d)|,?\s+(?:on|at)\s+the\s+\d|\.?$|\s+at\s+\d)",
                  s)
    if not m:
        # "... held on Tuesday 14 May 2024 at 6.30 pm in the Council Chamber, Civic Offices, Northvale"
        m = re.search(r"\b(?i:held)\b.*?\d.*?\s(?:in|at)\s+(?:the\s+)?(?P<v>[A-Z][^.;]*?)\.?$", s)
        if not m or find_dates(m.group("v")):
            return None
    v = re.sub(r"\s+", " ", m.group("v")).strip(" ,")
    return v if 2 <= len(v) <= 120 else None


def _council_from_venue(c: Candidates, value: str, line: int, src: str) -> None:
    """'Cork City Council Chambers': meetings are held in their own council's chamber (weak)."""
    m = re.search(r"\b(?P<name>(?:[A-Z][\w'’-]+\s+){1,3}(?:County\s+|City\s+|Borough\s+|District\s+|Town\s+|Parish\s+)?Council)"
                  r"\s+(?:Chambers?|Offices?|Buildings?)\b", value)
    name = _clean_org(m.group("name")) if m else None
    if name:
        c.councils.append(Cand(name, 2, line, src))
