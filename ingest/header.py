"""Meeting details from the document's header and roll call: council, committee, date, time,
venue, chair and attendance — each with the line it was read from.

Only what the header states is taken. The header is the top of the document: its title lines
("Minutes of the Regular Meeting of the City Council", "GOVAN COMMUNITY COUNCIL"), label/value
pairs ("Date: 28/07/2020", "Title of Meeting ..."), and the roll call. A council or date named
further down (a neighbouring council in a report, the date of the previous minutes) is never
taken for the meeting's own. Anything missing stays None and the parser adds a warning,
because a citation with an invented committee or date is worse than none.

Every value is chosen among candidates by the strength of where it stands (the "Minutes of ..."
title line > a labelled field > a title-block line > a sentence in the header), recorded in
`Header.sources` as "line N: <text>".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .header_dates import (  # noqa: F401  (re-exported: parse.py, segment.py and rag use these names)
    DATE_DMY,
    DATE_ISO,
    DATE_MDY,
    MONTHS,
    TIME_RE,
    _MONTH,
    _WEEKDAY,
    find_dates,
    find_time,
    numeric_order,
    parse_date,
)
from .header_candidates import (
    ATTENDANCE_START,
    NEGATIVE_DATE_CONTEXT,
    Cand,
    Candidates,
    after_date,
    best,
    collect,
    named,
    venue_from_title,
)
from .header_names import COUNCIL_NAME, MINUTES_OF, ORG_SUFFIXED, _clean_org, find_org, smart_title, split_title  # noqa: F401
from .header_region import ITEM_START, clean, header_lines, is_sentence, numbered_lines, title_like
from .header_people import (  # noqa: F401
    apologies_from_items,
    attendance_from_items,
    parse_attendance,
    present_not_apologised,
    split_names,
)


@dataclass
class Header:
    committee: str | None = None
    date: str | None = None
    time: str | None = None
    venue: str | None = None
    council: str | None = None
    chair: str | None = None
    attendees: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    # field -> "line N: <the header line it was read from>" (N counts the header's lines from 1)
    sources: dict[str, str] = field(default_factory=dict)
    # what the reader noticed but did not take (a date only in front matter, a council only in body text)
    notes: list[str] = field(default_factory=list)


def parse_header(preamble: list[str], full_text: str) -> Header:
    """Read the meeting details from the header lines (`preamble`); `full_text` supplies the
    document's date conventions and, only when the header names no organisation at all, a
    council its letterhead repeats or its text names repeatedly."""
    h = Header()
    raw = header_lines(preamble, full_text)
    meta, lines = numbered_lines(raw)
    order = numeric_order(full_text or "\n".join(s for _, s in lines))
    cands = collect(lines, meta, order)
    _decide(h, cands)
    notice = _NOTICE.search("\n".join(s for _, s in lines))
    if full_text and (h.date is None or h.committee is None or (notice and cands.minutes_line is None)):
        # a pack that opens with a notice of meeting: the minutes' own title further in is the header
        _deep_title(h, full_text, order, override=bool(notice and cands.minutes_line is None))
        if cands.partial_date and h.date and _month_day(h.date) != cands.partial_date[:2] \
                and h.sources.get("date", "").startswith("line ") and " of the document" in h.sources["date"]:
            h.date = None  # a title further in that dates another meeting
            h.sources.pop("date", None)
    if h.date is None and full_text and cands.partial_date is None:  # a year-less title date is never completed
        _details_section(h, full_text, order)
    if h.council is None:
        _council_from_document(h, full_text)
    if h.council is None:
        _org_from_shorthand(h, full_text, "\n".join(s for _, s in lines))
    if h.council is None and meta.get("publisher"):
        # the page's banner logo names the site's owner: the weakest letterhead, taken only when
        # neither the header nor the text names an organisation
        h.council = meta["publisher"]
        h.sources["council"] = f"page banner logo: {meta['publisher']}"
        h.notes.append(f"council '{meta['publisher']}' is not in the minutes; taken from the page's banner logo")
    elif h.council and meta.get("publisher") and _initials_start(meta["publisher"], h.council):
        # "CCR HOA Annual Meeting" on the site of the "Countryman Creek Ranch Homeowners
        # Association": the title's initials stand for the site owner's name, spelled out there
        h.sources["council"] += f" (the initials of '{meta['publisher']}', the site's owner)"
        h.council = meta["publisher"]
    if h.committee and h.council and h.committee == h.council and not re.search(r"\bcouncil\b", h.committee, re.I):
        h.committee = None  # an organisation's name is not a committee
    if h.committee is None and "committee" not in h.sources and not any(n.startswith("no committee named") for n in h.notes):
        _committee_from_subjects(h, full_text)
    parse_attendance([raw[n - 1].strip() for n, _ in lines], h)
    if not h.attendees and full_text:
        _attendance_from_log(h, full_text)
    if not h.attendees:
        _affiliation_roll(h, lines)  # the weakest reading: a log of who attended beats a list of members
    if not h.apologies and full_text:
        _apologies_near_top(h, full_text, len(raw))
    return h


def _affiliation_roll(h: Header, lines: list[tuple[int, str]]) -> None:
    """A roll call printed with no heading, one member a line with the organisation they come
    from ("John Mertic, Linux Foundation" / "Phil Tully, ADP *" / ...): three or more such lines in
    a row in the header are who attended."""
    from .header_candidates import MINUTES_MARKER, _AFFILIATION_ROW, _names_person

    run: list[tuple[int, str]] = []
    best: list[tuple[int, str]] = []
    for n, s in lines:
        if _names_person(s):
            run.append((n, _AFFILIATION_ROW.match(s).group("who")))
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    if len(best) >= 3 and any(MINUTES_OF.match(x) or MINUTES_MARKER.match(x) or find_dates(x) for n, x in lines if n > best[-1][0]):
        return  # a letterhead's roster of members above the title, not who attended
    if len(best) >= 3:
        h.attendees.extend(w for _, w in best if w not in h.attendees)
        h.sources["attendees"] = f"lines {best[0][0]}-{best[-1][0]}: one member a line with their organisation, no heading"


def _attendance_from_log(h: Header, full_text: str) -> None:
    """A header with no roll call, and an attendance log table elsewhere in the minutes (often
    after the signature): who attended, and who did not, from the log's rows."""
    from .header_rollcall import attendance_log

    for field_name, name in attendance_log(full_text):
        name = re.sub(r"^(?:Cllr|Councillor)\.?\s+", "", name)
        target = getattr(h, field_name)
        if name not in target:
            target.append(name)
            h.sources.setdefault(field_name, "attendance log: a table of members with whether each attended")
    h.absent[:] = present_not_apologised(h.absent, h.apologies, [])  # "N" beside a member who sent apologies


# "70/17 Apologies for absence Apologies had been received from ...": a numbered minute whose
# heading and apologies sentence are printed as one run-in paragraph
_RUN_IN_APOLOGIES = re.compile(r"^\(?[\w/.-]*\d[\w/.-]*\)?\s+apologies\b.{0,60}?\bapologies\s+(?:for\s+absence\s+)?"
                               r"(?:had\s+been|were|have\s+been)?\s*(?:received|submitted|given|tendered|sent|offered)\b", re.I)


def _apologies_near_top(h: Header, full_text: str, start: int) -> None:
    """'70/17 Apologies for absence Apologies had been received from Tom Foy (TF) who was ...':
    a numbered minute run in with its apologies sentence, in the first 40 lines after the header
    (a segmenter may keep the whole sentence in the item's title, where the apologies item's
    text is not). Only the first such line counts: the roll call stands at the start."""
    doc = [clean(ln) for ln in full_text.split("\n")[start:] if ln.strip()][:40]
    run_in = [ln for ln in doc if _RUN_IN_APOLOGIES.match(ln)][:1]
    found = apologies_from_items(run_in, sentences_only=True)
    if found:
        h.apologies.extend(n for n in found if n not in h.apologies)
        h.sources.setdefault("apologies", "the minutes' first lines: an apologies sentence")


_NOTICE = re.compile(r"\b(?:notice\s+of\s+(?:the\s+)?meeting|will\s+be\s+held|dear\s+(?:councillor|member|sir)|a\s+chara)\b", re.I)
_KIND_WORDS = {"city", "town", "county", "council", "township", "parish", "borough", "district", "community", "village"}


def _decide(h: Header, c: Candidates) -> None:
    """Choose each detail among its candidates, letting the choices inform each other: a body
    line beside the chosen date is the title; the organisation the title names owns it."""
    _choose(h, "date", _dates_agreeing_with_partial(h, c))
    for x in c.committees:
        if any(_names_parent(x.value, p) for p in c.parents):
            # "Elections Commission" above "... Advisory Committee of the San Francisco Elections
            # Commission": the parent body heads the page, but the sub-body is the one that met
            x.score -= 3
    if h.date:
        dline = next(x.line for x in c.dates if x.value == h.date)
        for x in c.committees:
            if x.line and abs(x.line - dline) <= 2 and x.score < 9:
                x.score += 1
    _choose(h, "committee", c.committees)
    if h.committee:
        # the title names its owner: "Crete Township Special Board ..." under "County of Will / Town of Crete"
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", h.committee)} - _KIND_WORDS
        for x in c.councils:
            if words & ({w.lower() for w in re.findall(r"[A-Za-z]{3,}", x.value)} - _KIND_WORDS):
                x.score += 2
    for x in c.councils:
        if x.text.split(": ", 1)[-1].strip(" .,") == x.value:
            x.score += 0.5  # a line that is the organisation's name alone: its letterhead
        if h.committee and x.score < 9 and x.text != h.sources.get("committee") and _starts_name(h.committee, x.value):
            # "Westmeath Local Community" / "Development Committee": the first half of the
            # committee's name broken over two letterhead lines, not a place owning it
            x.score = -1.0
    c.councils[:] = [x for x in c.councils if x.score >= 0]
    _choose(h, "council", c.councils)
    chosen = best(c.committees)
    if chosen and chosen.council_itself and (
            (h.council is None or _same_body(chosen.value, h.council)) or re.fullmatch(r"(?i)council", chosen.value)):
        # The council itself met ("Milburn Parish Council - 6th November 2018", "Ordinary Meeting
        # of Council"): the document names no committee, and calling the council one would invent
        # a value (and give every council's meetings the same id).
        if h.council is None and named(chosen.value):
            h.council, h.sources["council"] = chosen.value, chosen.text
        h.committee = None
        h.sources.pop("committee", None)
        h.notes.append(f"no committee named: the meeting is of {repr(h.council) if h.council else 'the council'} itself")
    _choose(h, "time", c.times)
    _choose(h, "venue", c.venues)


def _dates_agreeing_with_partial(h: Header, c: Candidates) -> list[Cand]:
    """The date candidates that can be the meeting's when its title states the date without a
    year ("held on 22nd April"): a full date with that day and month (the year the same header
    states), or a labelled 'Date:' field. Any other date in the header dates something else —
    the previous meeting whose minutes item 1 adopts, a deadline — and taking its year or day
    would invent the meeting's date, so the date stays missing with a warning instead."""
    if c.partial_date is None:
        return c.dates
    mon, day, src = c.partial_date
    keep = [x for x in c.dates if _month_day(x.value) == (mon, day) or x.score >= 9]
    if not keep:
        h.notes.append(f"the meeting's date is printed without a year ({MONTH_NAMES[mon - 1]} {day}, {src}); "
                       "no year is taken from other dates — supply it with --date or a sidecar")
    return keep


def _initials_start(name: str, acronym: str) -> bool:
    """'CCR' begins the initials of 'Countryman Creek Ranch Homeowners Association'."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in _SHORT_LINKS]
    return bool(re.fullmatch(r"[A-Z]{2,6}", acronym)) and len(words) >= len(acronym) \
        and "".join(w[0] for w in words).upper().startswith(acronym)


def _starts_name(name: str, head: str) -> bool:
    """'Westmeath Local Community Development Committee' starts with 'Westmeath Local Communitg'
    (two or more words, the last allowed one misread letter, as OCR leaves them)."""
    a, b = name.lower().split(), head.lower().split()
    if len(b) < 2 or len(b) >= len(a) or a[:len(b) - 1] != b[:-1]:
        return False
    x, y = a[len(b) - 1], b[-1]
    return x == y or (len(x) == len(y) >= 5 and sum(p != q for p, q in zip(x, y)) <= 1)


def _month_day(iso: str) -> tuple[int, int]:
    return int(iso[5:7]), int(iso[8:10])


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


def _names_parent(value: str, parent: str) -> bool:
    """'Elections Commission' is the parent 'San Francisco Elections Commission' (the place may be left off)."""
    v, p = value.lower().strip(), re.sub(r"^the\s+", "", parent.lower().strip())
    return bool(v) and (v == p or p.endswith(" " + v))


def _same_body(a: str, b: str) -> bool:
    """'Guelph City Council' and 'Guelph City Council'; 'City Council' is not 'City of Santa Ana'."""
    def words(s: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[A-Za-z]{2,}", s)} - {"the", "of", "meeting", "minutes"}
    return words(a) == words(b) or (words(a) <= words(b) and bool(words(a) - _KIND_WORDS))


def _choose(h: Header, name: str, cands: list[Cand]) -> None:
    top = best(cands)
    if top is not None:
        value = top.value.strip(" ,;") if name in {"venue", "time"} else top.value
        if name == "time":
            value = re.sub(r"(?<=[AaPp][Mm])\.$", "", value)  # "7:20 PM." ends a sentence; "7 p.m." keeps its dot
        setattr(h, name, value)
        h.sources[name] = top.text


def _council_from_document(h: Header, full_text: str) -> None:
    """When the header names no organisation: a council the document's letterhead repeats
    (a line of its own on several pages), or one its text names at least twice and more often
    than any other council. A single passing mention proves nothing."""
    if not full_text:
        return
    alone: Counter[str] = Counter()
    named: Counter[str] = Counter()
    first_line: dict[str, str] = {}
    for ln in full_text.split("\n"):
        s = clean(ln)
        for m in COUNCIL_NAME.finditer(s):
            name = _clean_org(m.group("name"))
            if not name:
                continue
            before = s[: m.start()].rstrip(" \t")
            line_alone = not before and s[m.end():].strip(" .") == ""
            sentence_start = not before or before[-1] in ".?!:•·-"
            cell = not before and len(s.split()) <= 8 and not is_sentence(s) and not re.search(r"\b(?:is|are|was|were|has|have|will)\b", s)
            if sentence_start and not line_alone and not cell:
                # "All County Council staff ...": a capitalised sentence start proves nothing; a
                # short table cell ("Westmeath County Council, Community Development") names the
                # organisation a seat belongs to, as a letterhead does
                continue
            named[name] += 1
            first_line.setdefault(name, s)
            if s.strip(" .") == name or s.strip(" .") == m.group("name"):
                alone[name] += 1
    if alone:
        name, n = alone.most_common(1)[0]
        if n >= 3:
            h.council = name
            h.sources["council"] = f"letterhead: '{name}' stands on a line of its own {n} times"
            return
    if named:
        ranked = named.most_common(2)
        name, n = ranked[0]
        if n >= 2 and (len(ranked) == 1 or ranked[1][1] < n):
            h.council = name
            h.sources["council"] = f"document text (not the header), named {n} times: {first_line[name][:160]}"
            h.notes.append(f"council '{name}' is not in the header; taken from the document text, where it is named {n} times")


_COMPANY_SUFFIXES = {"cic", "ltd", "limited", "plc", "llc", "inc", "incorporated"}
_SHORT_LINKS = {"of", "and", "the", "for", "&"}


def _org_from_shorthand(h: Header, full_text: str, header_text: str = "") -> None:
    """An organisation the minutes name in full and then call by their own shorthand — its
    initials ("UK Python Association" ... "the UKPA has no bank account", "UKPA" 3+ times) or
    "the Foundation" / "the Society" (3+ times, no other organisation of that kind named) — is
    the one whose minutes they are, when the header names none. Passing mentions of other
    organisations are never referred to that way. Initials the header itself uses (a roll-call
    column "WCARC" saying who is a member, a letterhead) count as the minutes' own shorthand at
    once: the header is about this meeting, not a passing mention."""
    if not full_text:
        return
    names: dict[str, str] = {}
    for m in ORG_SUFFIXED.finditer(full_text):
        name = _clean_org(m.group("name"))
        bare = re.sub(r"^The\s+", "", name or "")
        if name and "\n" not in name and len(bare.split()) >= 2 and not re.search(r"[.!?]\s", name):
            names.setdefault(bare, name)  # not "The Foundation" (a back-reference) nor a match across sentences
    by_suffix: Counter[str] = Counter(n.split()[-1].rstrip(".").lower() for n in names)
    tails: set[str] = set()
    for bare in list(names):
        # "Bylaws of West Carleton Amateur Radio Club": a document of the organisation named
        # after it; its initials are those of what follows the last "of" (not counted above, so
        # "the Club" back-references are judged as before)
        tail = re.split(r"\s+of\s+(?:the\s+)?", bare)[-1]
        if tail != bare and len(tail.split()) >= 2 and tail not in names:
            names[tail] = tail
            tails.add(tail)
    # counted once over the text (linear however many organisations it names)
    capitals: Counter[str] = Counter(re.findall(r"\b[A-Z][A-Z0-9&]{2,7}\b", full_text))
    the_words: Counter[str] = Counter(re.findall(r"\b(?i:the)\s+([A-Z][\w&-]*)\b", full_text))
    found: list[tuple[int, str, str]] = []
    for bare, name in names.items():
        words = [w for w in bare.split() if w.lower() not in _SHORT_LINKS]
        initials = "".join(w if w.isupper() else w[0] for w in words)
        uses = capitals[initials] if len(initials) >= 3 and initials.isupper() else 0
        if uses and re.search(rf"(?<![\w-]){re.escape(initials)}(?![\w-])", header_text):
            found.append((uses + 2, name, f"named in full, and as {initials} in the header"))
            continue
        if uses >= 3:
            found.append((uses, name, f"named in full and {uses} times as {initials}"))
            continue
        suffix = words[-1].rstrip(".")
        if by_suffix[suffix.lower()] == 1 and bare not in tails:
            back = the_words[suffix]
            if suffix.lower() in _COMPANY_SUFFIXES and not back:
                # "RZZT CIC", "Acme Ltd": an incorporated company's minutes call it "the Company"
                suffix, back = "Company", the_words["Company"]
            if back >= 3:
                found.append((back, name, f"named in full and {back} times as 'the {suffix}'"))
    if len(found) == 1 or (len(found) > 1 and sorted(found)[-1][0] > 2 * sorted(found)[-2][0]):
        uses, name, how = max(found)
        h.council = name
        h.sources["council"] = f"document text (not the header): {how}"
        h.notes.append(f"council '{name}' is not in the header; taken from the document text, where it is {how}")


# "The committee recognizes ...", "The Board approved ...": the body that met acting in its own minutes
_BODY_SUBJECT = re.compile(
    r"(?:^|[.!?:]\s+|\n)\s*The\s+(?P<body>Committee|Board|Commission|Panel|Trustees|Directors|Sub-?committee|Forum|Partnership)"
    r"\s+(?!of\b|meeting|members?\b|chair|minutes|report)[a-z]+", re.I)


def _committee_from_subjects(h: Header, full_text: str) -> None:
    """When the header names no body, minutes still say who acted — "The committee recognizes
    ...", "The Board approved ...". A body word that is the subject of at least 3 sentences, and
    of at least twice as many as any other, is offered in a warning ("the text refers to 'the
    Panel' in 6 sentences"), not taken: "Panel" is the kind of body, not its name, and a
    committee the document does not name stays missing. (Taking it would score two more corpus
    documents right — gold "Committee", "Board of Directors" — and leave a ModernGov copy's
    nameless "Panel" wrong.) The council itself ("The Council agreed") is not counted."""
    if not full_text:
        return
    counts: Counter[str] = Counter(m.group("body").lower() for m in _BODY_SUBJECT.finditer(full_text))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return
    word, n = ranked[0]
    h.notes.append(f"the header names no committee; the text refers to 'the {word[:1].upper() + word[1:]}' as acting in "
                   f"{n} sentences — supply its name with --committee or a sidecar")


# "## Date, Time and Location", "Meeting details", "When and where": a heading naming nothing
# but the meeting's details, over the sentence or fields that state them
_DETAILS_HEADING = re.compile(
    r"^(?:meeting\s+)?(?:date|time|venue|location|place|details|when|where)"
    r"(?:\s*(?:,|and|&|/)\s*(?:date|time|venue|location|place|details|when|where))*\s*:?$", re.I)


def _details_section(h: Header, full_text: str, order: str | None) -> None:
    """Minutes laid out as sections ("## Summary", "## Date, Time and Location", "## Attendees")
    state the date in a section of its own, which the segmenter rightly makes an item, so the
    header above the first section has none. The first such section near the top of the document
    is header material: the first date in its lines that does not date something else ("The
    meeting took place ... on Tuesday, February 28, 2017.") is the meeting's, with the time
    beside it."""
    doc = full_text.split("\n")
    limit = min(len(doc), max(40, int(len(doc) * 0.35)), 150)
    for i, ln in enumerate(doc[:limit]):
        if not _DETAILS_HEADING.match(clean(ln)):
            continue
        below: list[str] = []
        for x in doc[i + 1:i + 20]:
            s = clean(x)
            if not s:
                continue
            if x.lstrip().startswith("#") or ATTENDANCE_START.match(s) or len(below) >= 8:
                break
            below.append(s)
        text = " ".join(below)
        for f in find_dates(text, order):
            if NEGATIVE_DATE_CONTEXT.search(text[max(0, f.start - 60):f.start]):
                continue
            h.date, h.sources["date"] = f.iso, f"line {i + 1} of the document: {clean(ln)}: {text[:160]}"
            t = find_time(text)
            if t and h.time is None:
                h.time, h.sources["time"] = t, h.sources["date"]
            return
        return


def _deep_title(h: Header, full_text: str, order: str | None, override: bool = False) -> None:
    """A pack that opens with a notice and agenda prints the minutes' own title further in
    ("MINUTES OF SPECIAL MEETING OF DONEGAL COUNTY COUNCIL HELD IN / THE COUNTY HOUSE, LIFFORD
    ON THE 28th APRIL 2025"). Such a title line — capitalised, not prose, naming a body or a
    kind of meeting, in the first third of the document, not about a previous meeting — fills
    what the header left missing."""
    doc = full_text.split("\n")
    limit = max(40, int(len(doc) * 0.35))
    for i, ln in enumerate(doc[:limit]):
        s = clean(ln)
        if not s or not MINUTES_OF.match(s) or is_sentence(s) or not title_like(s) or NEGATIVE_DATE_CONTEXT.search(s):
            continue
        # the minutes' own title is followed by who attended; an item approving other minutes is not
        following = [clean(x) for x in doc[i + 1:i + 12] if clean(x)][:6]
        if not any(ATTENDANCE_START.match(x) or re.search(r"\b(?:present|attendance)\b", x, re.I) for x in following):
            continue
        nxt = following[:2]
        joined = " ".join([s] + [x for x in nxt if not ATTENDANCE_START.match(x) and not ITEM_START.match(x)][:2])
        parts = split_title(joined)
        if not (parts.body or parts.mtype or parts.org):
            continue
        src = f"line {i + 1} of the document: {joined}"
        found = Candidates()
        found.add_parts(parts, 10, i + 1, src)
        committees = [c for c in found.committees if not c.council_itself]  # the council meeting names no committee
        if (h.committee is None or override) and committees:
            _choose(h, "committee", committees)
        if h.council is None and found.councils:
            _choose(h, "council", found.councils)
        if h.date is None or override:
            found = find_dates(joined, order)
            if found:
                h.date, h.sources["date"] = found[0].iso, src
                t = find_time(after_date(joined, found[0].text))
                if t and (h.time is None or override):
                    h.time, h.sources["time"] = t, src
        v = venue_from_title(joined)
        if v and (h.venue is None or override):
            h.venue, h.sources["venue"] = v, src
        return


def details_sources(h: Header, overrides=None) -> dict[str, str]:
    """Where each detail of the meeting came from: the header line, or 'supplied' where a
    flag or sidecar (`overrides`) set it."""
    out = dict(h.sources)
    for name in ("council", "committee", "date", "venue", "time", "chair"):
        if overrides is not None and getattr(overrides, name, None):
            out[name] = "supplied (command-line flag, app form or NAME.meta.json sidecar)"
    return out
