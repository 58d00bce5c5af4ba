"""Sentences as exact substrings of an item's text, so every quote can be checked."""
from __future__ import annotations

import re

# A sentence ends at . ! ? followed by space and a capital/quote/bullet, or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?;])[\"”’)]?\s+(?=[A-Z0-9“\"‘(•·▪\-–])|\n+")
_BULLET = re.compile(r"^[•·▪\-–*]\s*|^\(?[a-z0-9]{1,3}[.)]\s+")


def split_sentences(text: str, min_chars: int = 12) -> list[str]:
    """Sentences of `text`, each an exact substring; bullets and list markers stripped."""
    return [text[a:b] for a, b in sentence_spans(text, min_chars)]


def sentence_windows(text: str, size: int = 2, min_chars: int = 12) -> list[str]:
    """Runs of `size` consecutive sentences of one paragraph, as exact substrings (an answer
    often follows the sentence that matches the question: "... members left early. This would
    be audited")."""
    spans = sentence_spans(text, min_chars)
    # a window stays inside one paragraph or bullet: the next bullet is another point
    return [text[spans[i][0] : spans[i + size - 1][1]] for i in range(len(spans) - size + 1)
            if not any("\n" in text[spans[j][1]: spans[j + 1][0]] for j in range(i, i + size - 1))]


_WRAP_MIN = 45  # a line at least this long that stops mid-sentence was wrapped, not ended


def _wrapped(text: str, boundary: re.Match) -> bool:
    """Is this single line break a hard wrap inside a sentence (PDF text, fixed-width minutes)?
    The line before is long and does not end a sentence, and the next line does not start a
    bullet or a numbered point: "... has a quote for\nbrushing on East and West ..."."""
    gap = boundary.group(0)
    if gap.count("\n") != 1 or gap.strip(" \t\n"):
        return False
    line_start = text.rfind("\n", 0, boundary.start()) + 1
    line = text[line_start: boundary.start()].rstrip()
    if len(line) < _WRAP_MIN or line[-1:] in ".!?:;" or line.isupper():
        return False
    nxt = text[boundary.end(): boundary.end() + 6]
    return bool(nxt) and not _BULLET.match(nxt) and not nxt[:1] in "•·▪-–*"


# Abbreviations a full stop does not end a sentence after. Titles come before a name
# ("Cllr. M. Corrigan", "Ms. Kelly", "Supt. Byrne"); reference words before a number
# ("Submission No. 10", "Min. 84"); the Latin ones before anything ("e.g. Kerry"). A hand-kept
# list: punkt's packaged English list (llama-index ships it) lacks the minutes' titles (Cllr,
# Supt, Insp) and holds words that do end sentences ("ill.", "wash."), so it is not used.
_TITLES = frozenset("""mr mrs ms mx messrs dr prof rev revd fr hon cllr cllrs clr councillors cty supt insp det sgt gda
capt lt col gen maj cmdr ald st sr jr asst dep""".split())
_REFERENCE_ABBREV = frozenset("no nos vol ref fig min para paras art sec ch pp cl approx".split())
_ALWAYS_ABBREV = frozenset("e.g i.e viz cf vs incl".split())
# Words that start a sentence after a single capital letter ends one ("... in Appendix A. The
# committee ..."): after an initial, any other capitalised word is the rest of the name.
_STARTERS = frozenset("""the this that these those it its a an he she they we i there their his her our in on at for
following after before as also however members member councillor councillors cllr mr mrs ms dr it was all no
motion proposed seconded resolved agreed noted item if when while with""".split())
_ABBREV_TOKEN = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\"“‘]))((?:[A-Za-z]\.)*[A-Za-z]+)\.$")


def _abbreviation(text: str, boundary: re.Match) -> bool:
    """Does this full stop end an abbreviation or an initial rather than a sentence? Irish and
    UK minutes write "It was proposed by Cllr. M. Corrigan, seconded by Ms. Kelly ... Submission
    No. 10" in most sentences; cutting there quotes half a name."""
    from .question import rule

    gap = boundary.group(0)
    if not rule("abbreviations") or boundary.start() == 0 or text[boundary.start() - 1] != "." or gap.count("\n") > 1 or gap[:1] in "\"”’)":
        return False
    m = _ABBREV_TOKEN.search(text, max(0, boundary.start() - 20), boundary.start())
    if not m:
        return False
    token = m.group(1)
    low = token.lower()
    nxt = re.match(r"[A-Za-z0-9]+", text[boundary.end():])
    nxt_word = nxt.group(0) if nxt else ""
    if low in _TITLES or low in _ALWAYS_ABBREV:
        return True
    if low in _REFERENCE_ABBREV:
        return nxt_word[:1].isdigit() or bool(re.fullmatch(r"[IVXivx]{1,4}", nxt_word))
    # an initial: "M. Corrigan", "P.J. Murphy", not "Appendix A. The committee"
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token):
        if not text[text.rfind("\n", 0, m.start()) + 1: m.start()].strip(" \t(•·▪-–*"):
            return False  # "I. CALL TO ORDER", "A. Minutes": a list marker opening its line
        return nxt_word[:1].isupper() and nxt_word.lower() not in _STARTERS
    return False


def sentence_spans(text: str, min_chars: int = 12) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in [b for b in _BOUNDARY.finditer(text) if not _wrapped(text, b) and not _abbreviation(text, b)] + [None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        if m and m.group(0)[:1] in "\"”’)":
            # keep a closing quote/bracket with its sentence
            close = len(m.group(0)) - len(m.group(0).lstrip("\"”’)"))
            piece = text[start : end + close]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        bullet = _BULLET.match(piece)
        skip = bullet.end() if bullet else 0
        stripped = piece[skip:].strip()
        if len(stripped) >= min_chars:
            a = start + lead + skip + (len(piece[skip:]) - len(piece[skip:].lstrip()))
            out.append((a, a + len(stripped)))
        start = m.end() if m else len(text)
    return out


# --- labels and lists -----------------------------------------------------------------------

# Finite verbs and participles minutes record things with. A line holding none of them is a
# label ("Treasurer's Report", "Grant Application for the Housing Trust Fund", "MINUTES OF
# THE JUNE MEETING"): it names a subject and records nothing, so it cannot say what was
# decided, why, or how a matter went.
_INFLECTED = re.compile(
    r"^(?:is|are|was|were|be|been|being|am|has|have|had|having|do|does|did|will|would|shall|should|can|could|may|"
    r"might|must|cannot|won't|isn't|wasn't|weren't|didn't|doesn't|don't|can't|"
    r"\w{2,}ed|\w{3,}en|made|met|held|paid|said|told|gave|took|went|came|left|kept|sent|set|put|read|heard|"
    r"felt|thought|brought|bought|sought|spent|lost|won|ran|rose|fell|saw|got|began|led|meant|\w{3,}(?:s|es))$")
_NOT_VERB = re.compile(r"^(?:.*ness|.*ss|this|his|its|us|as|thus|bus|plus|yes|various|previous|news|gas|"
                       r"business|status|bonus|focus|census|campus|virus|series|species|means|basis|analysis|"
                       r"minutes|items|members|councillors|officers|services|works|accounts|funds|costs|"
                       r"[a-z]+ies|garden|children|women|men|open|often|even|seven|eleven|when|then|"
                       r"than|between|given|taken|hidden|written|red|bed|need|feed|seed|speed|shed|hundred)$")
# a base form only at the start of a line, before a lower-case word: "Leave a decision ...",
# "Approve the schedule" (an imperative), not "Grant Application ..." (a noun)
_BASE_VERB = re.compile(
    r"^(?:agree|note|ask|say|tell|see|continue|propose|recommend|report|request|confirm|explain|advise|inform|"
    r"update|thank|welcome|accept|approve|adopt|decide|resolve|leave|defer|refer|retain|refuse|reject|appoint|"
    r"elect|grant|award|pay|buy|write|contact|arrange|provide|receive|consider|discuss|review|support|oppose|"
    r"authori[sz]e|ratify|endorse|receive|delegate|instruct|invite|ensure|seek|send|hold|move|second|carry|"
    r"remove|replace|renew|extend|allocate|fund|transfer|purchase|order|close|open|delete|amend)$")


def is_label(text: str) -> bool:
    """Is this line a label (a heading, a title, a name) rather than a record? A label has
    no verb: "Treasurer's Report", "Letter of request for financial support from the
    Charity." name a matter; "Leave a decision until the Finance Meeting." and "It was agreed
    to ..." record one. Capitalised words inside the line are names, never verbs."""
    from .question import rule

    spans = sentence_spans(text, min_chars=2) if rule("label_per_sentence") else []
    if len(spans) > 1:
        # "Letter of request from the Charity. Leave a decision until the Finance Meeting.": a
        # heading run into its record; the text is a label only if each sentence is one
        return all(is_label(text[a:b]) for a, b in spans)
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", text)
    for i, w in enumerate(words):
        low = w.lower().replace("’", "'")
        if i == 0:
            if _BASE_VERB.match(low) and len(words) > 1 and words[1][0].islower():
                return False
        elif w[0].isupper():
            continue  # a capitalised word inside the line is a name, not a verb
        if _INFLECTED.match(low) and not _NOT_VERB.match(low):
            return False
        if low == "to" and i + 1 < len(words) and _BASE_VERB.match(words[i + 1].lower()):
            return False  # "... second by Gary Mantay to transfer $11,166.79"
    return True


_ENTRY = re.compile(r"^\s*(?:[•·▪➢►✓\-–*]|\(?[a-z0-9]{1,3}[.)]|\d+\s)\s*\S")


def entries_after(text: str, end: int, limit: int = 20) -> list[str]:
    """The listed entries that follow a lead-in ending at `end` ("... approve the following
    people as volunteers:", "the priority categories are:"): each following line that is a
    bullet, a numbered point or a short line, up to the first paragraph of prose, as exact
    substrings of `text` (markers stripped)."""
    out: list[str] = []
    pos = text.find("\n", end)
    if pos < 0:
        return out
    from .question import rule  # (imported here: rag.question imports this module)

    ends = rule("list_ends")
    bulleted = None  # whether the entries carry markers: then a line without one is not an entry
    last_end = pos
    for m in re.finditer(r"[^\n]+", text[pos:]):
        line = m.group(0)
        if not line.strip():
            continue
        bullet = _ENTRY.match(line)
        a = pos + m.start()
        if bulleted and not bullet and ends:
            if out and "\n\n" not in text[last_end:a] and (line[:1] in " \t" or line.strip()[:1].islower()):
                # a marked entry wrapped onto the next line: the entry runs on
                first = text.find(out[-1], last_end - len(out[-1]) - 1)
                out[-1] = text[first: a + len(line.rstrip())]
                last_end = a + len(line.rstrip())
                continue
            break  # the list of marked entries is over
        if not bullet and (len(line.strip()) > 80 or line.rstrip().endswith(":") or (ends and _is_prose(line))):
            break
        if bulleted is None:
            bulleted = bool(bullet)
        last_end = a + len(line.rstrip())
        stripped = _BULLET.sub("", line.strip(), count=1).strip()
        if stripped:
            start = text.find(stripped, a)
            out.append(text[start: start + len(stripped)])
        if len(out) >= limit:
            break
    return out


def _is_prose(line: str) -> bool:
    """A line that is a sentence saying something ("All three were elected by a show of
    hands.") rather than an entry ("Tania Allard", "Cllr Hoskins."): it ends a list."""
    line = line.strip()
    return line[-1:] in ".!?" and len(line.split()) >= 4 and not is_label(line)


# "Absent:", "Apologies:", "Seconded by:" alone on a line: a label whose entries follow it
_LABEL_LINE = re.compile(r"^[ \t]*[A-Z][A-Za-z’'/ ]{2,30}:[ \t]*$", re.M)
# An attendance label set as a table heading, without a colon ("Members Not Present", "Also
# Present", "Apologies"), with the names in the lines under it (roll-call tables read as text)
_ROLL_LABEL = re.compile(r"^[ \t]*(?:(?:Members?|Councill?ors|Trustees|Directors|Commissioners|Officers|Staff|Others|Also)"
                         r"\s+)?(?:Not\s+Present|Present|Absent|Excused|Apologies(?:\s+for\s+Absence)?|"
                         r"In\s+Attendance|Attending)[ \t]*$", re.M | re.I)
# "Absent: Councillor L. Burcher" with more entries on the lines under it (a column layout)
_LABEL_RUN = re.compile(r"^[ \t]*[A-Z][A-Za-z’'/ ]{2,30}:[ \t]*\S(?:[^\n:]|(?<=\d):(?=\d)){0,70}$", re.M)


def label_blocks(text: str, max_chars: int = 600) -> list[str]:
    """Each label line with the short lines listed right under it, as one exact substring
    ("Absent:\nManuel Perez, member"): alone, the entry does not say what it is listed as,
    and the label says nothing without the entry. The list ends at a blank line, a long
    line or the next label."""
    out = []
    from .question import rule

    labels = list(_LABEL_LINE.finditer(text)) + (list(_ROLL_LABEL.finditer(text)) if rule("roll_labels") else [])
    for m in labels:
        end = m.end()
        for line in re.finditer(r"\n([^\n]*)", text[m.end():]):
            body = line.group(1).strip()
            if not body or len(body) > 80 or body.endswith(":") or _ROLL_LABEL.match(body):
                break
            end = m.end() + line.end()
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        if end > m.end() and end - start <= max_chars:
            out.append(text[start:end])

    for m in _LABEL_RUN.finditer(text) if rule("label_runs") else ():
        # the entries carry on under a label that holds the first of them: "Absent: Councillor
        # L. Burcher\nCouncillor Hofland\nStaff: ..." (up to the next label, a blank line or prose)
        end = m.end()
        for line in re.finditer(r"\n([^\n]*)", text[m.end():]):
            body = line.group(1).strip()
            if not body or len(body) > 80 or ":" in body or _is_prose(body):
                break
            end = m.end() + line.end()
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        if end > m.end() and end - start <= max_chars:
            out.append(text[start:end])
    return out


# "Council: Mayor Farbridge Councillor G. Kovach": entries set in columns, one title each
_HONORIFIC = re.compile(r"\b(?:Councill?or|Cllr|Mayor|Mr|Mrs|Ms|Miss|Dr|Alderman)\b\.?(?=\s+[A-Z])")


def listed_entries(block: str) -> list[str]:
    """The entries of a list block (a lead-in or label line with the entries under it, as
    `list_blocks` and `label_blocks` give them): every line after the first, and what follows
    the label's colon on the first. A line holding several titled names ("Councillor B. Bell
    Councillor Laidlaw", two columns read across) is that many entries."""
    lines = [ln.strip() for ln in block.split("\n")]
    lead = next((i for i, ln in enumerate(lines) if ln.endswith(":")), None)  # a lead-in may wrap over lines
    marked = [ln for ln in lines if ln and _ENTRY.match(ln)]
    if lead is None and len(marked) >= 2 and all(_ENTRY.match(ln) or _HEADING_LINE.match(ln) for ln in lines[1:] if ln):
        # a heading with the entries under it ("## Present" / "* Anna Henningsen ..."), or the
        # entries alone (an item whose heading is the lead)
        return [_BULLET.sub("", ln, count=1).strip() for ln in marked]
    if lead is not None:
        body = [ln for ln in lines[lead + 1:] if ln]
    elif lines and ":" in lines[0]:
        rest = lines[0].partition(":")[2].strip()
        body = ([rest] if rest else []) + [ln for ln in lines[1:] if ln]
    else:
        return _heading_entries([ln for ln in lines if ln]) if rule_on("heading_lists") else []
    body = [ln for ln in body if not _HEADING_LINE.match(ln)]  # a Markdown heading line is not an entry
    if any(_ENTRY.match(ln) for ln in body):  # marked entries: an unmarked line continues the one before
        body = [ln for ln in body if _ENTRY.match(ln)]
    else:
        from .question import rule

        run = _comma_run(body) if rule("comma_lists") else None
        if run is not None:
            return run
    out: list[str] = []
    for ln in body:
        ln = _BULLET.sub("", ln, count=1).strip() if _ENTRY.match(ln) else ln
        titled = [m.start() for m in _HONORIFIC.finditer(ln)]
        if len(titled) > 1 and titled[0] == 0:
            out += [ln[a:b].strip() for a, b in zip(titled, titled[1:] + [len(ln)])]
        elif ln:
            out.append(ln)
    return out


# a plural title before a run of names ("Councillors P. Brooks, B. Clear and R. Power")
_PLURAL_TITLE = re.compile(r"^(?:Councill?ors|Cllrs\.?|Members|Directors|Trustees|Commissioners|Messrs\.?|Aldermen|"
                           r"Supervisors|Officers)\s+")


def _comma_run(body: list[str]) -> list[str] | None:
    """The names of one comma-separated run, wrapped over lines or on one line ("Councillors
    P. Brooks, B. Clear, ... L. Panaite Fahey and\nR. Power."): a run wraps where each line but
    the last ends in a comma, an "and" or a lone initial; one line is a run when it has two
    commas or more. None for anything
    else (one entry a line, "Manuel Perez, member")."""
    # a line that stops at a comma, an "and" or a lone initial ("... D. Keane, A." / "Lynch and R. Moran.") runs on
    wrapped = len(body) >= 2 and " ".join(body).count(",") >= 2 and all(
        ln.rstrip().endswith((",", " and", "&")) or re.search(r"\b[A-Z]\.$", ln.rstrip()) for ln in body[:-1])
    single = len(body) == 1 and body[0].count(",") >= 2
    if not (wrapped or single):
        return None
    joined = _PLURAL_TITLE.sub("", " ".join(body).strip())
    parts = [p.strip(" .;") for p in re.split(r",\s*|\s+and\s+|\s*&\s*", joined)]
    parts = [re.sub(r"^and\s+", "", p) for p in parts if re.search(r"[A-Za-z]", p)]
    return parts if len(parts) >= 2 else None


def rule_on(name: str) -> bool:
    from .question import rule  # (imported here: rag.question imports this module)

    return rule(name)


def _entry_line(line: str) -> bool:
    """A short line that lists one thing ("Ben Straub (GSK)", "Anna Henningsen @addaleax
    (TSC)"): at most ten words, not a sentence, not a heading, not a labelled field ("Absent:
    Councillor L. Burcher", "Staff: Ms. A. Pappert": a block of those is several lists)."""
    line = line.strip()
    return bool(line) and len(line.split()) <= 10 and not line.endswith((".", "!", "?", ":", ";")) \
        and not _HEADING_LINE.match(line) and not _FIELD_LABEL.match(line)


def _heading_entries(lines: list[str]) -> list[str]:
    """The entries of a heading-led list or of a bare list (Markdown readers drop the bullet
    marks: "## View Attendee List" / "Ben Straub (GSK)" / "Eric Nantz (Eli Lilly)"): every line
    after a heading line, or every line, when each is a short entry line; [] otherwise."""
    if not lines:
        return []
    body = lines[1:] if _HEADING_LINE.match(lines[0]) else lines
    if len(body) < 2 or not all(_entry_line(_BULLET.sub("", ln, count=1)) for ln in body):
        return []
    return [_BULLET.sub("", ln, count=1).strip() for ln in body]


_FIELD_LABEL = re.compile(r"^[ \t]*(?:[•·▪\-–*][ \t]*)?[A-Za-z][\w’'/ ]{1,30}:(?:\s|$)|^[ \t]*:::")
_HEADING_LINE = re.compile(r"^[ \t]*#{1,6}[ \t]+\S[^\n]*$")


def heading_lists(text: str, max_chars: int = 2500) -> list[str]:
    """Each heading line ("## Present", "## View Attendee List") with the short entry lines
    right under it (marked or not: Markdown readers drop the marks), as one exact substring:
    the heading says what the entries are, as a lead-in with a colon does (`list_blocks`);
    also the whole text when it is nothing but entry lines (an item whose own heading is the
    lead: "Present" / "Anna Henningsen @addaleax (TSC)" / ...)."""
    out = []
    nonblank = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    # the entry lines the text opens with (an item whose own heading is the lead: "View Attendee
    # List" / "Ben Straub (GSK)" / ... / then the narrative)
    run = 0
    while run < len(nonblank) and _entry_line(_BULLET.sub("", nonblank[run][1].strip(), count=1)):
        run += 1
    if run >= 2:
        a, last = nonblank[0][0], nonblank[run - 1]
        start = a + len(nonblank[0][1]) - len(nonblank[0][1].lstrip())
        end = last[0] + len(last[1].rstrip())
        if end - start <= max_chars:
            out.append(text[start:end])
    for i, (a, ln) in enumerate(nonblank):
        if not _HEADING_LINE.match(ln):
            continue
        entries = []
        for b, nxt in nonblank[i + 1:]:
            if not _entry_line(_BULLET.sub("", nxt.strip(), count=1)):
                break
            entries.append((b, nxt))
        if len(entries) >= 2:
            start = a + len(ln) - len(ln.lstrip())
            end = entries[-1][0] + len(entries[-1][1].rstrip())
            if end - start <= max_chars:
                out.append(text[start:end])
    return out


def list_lead(block: str) -> str:
    """What a list block says its entries are: the lead-in up to its closing colon, or the
    label line holding the first entry ("Absent: Councillor L. Burcher")."""
    lines = block.split("\n")
    lead = next((i for i, ln in enumerate(lines) if ln.rstrip().endswith(":")), None)
    return "\n".join(lines[: lead + 1]) if lead is not None else lines[0]


def list_blocks(text: str, max_chars: int = 1500) -> list[str]:
    """Each sentence that introduces a list ("The four categories were identified as
    follows:", "RESOLVED, that the persons listed immediately below be ... appointed:") with
    the entries under it, as one exact substring: the lead-in says what the entries are, the
    entries are the answer (and how many there are)."""
    out = []
    for a, b in sentence_spans(text):
        if not text[a:b].rstrip().endswith(":"):
            continue
        entries = entries_after(text, b, limit=60)  # the whole list: its length may be the answer
        if len(entries) < 2:
            continue
        end = text.find(entries[-1], text.find(entries[0], b)) + len(entries[-1])
        if end - a <= max_chars:
            out.append(text[a:end])
    return out


# A short line that records what became of the entry above it, set apart as minutes tables and
# action lists do ("Executive Session to discuss personnel ...\nNot Held", "... to 2024.\nCarried")
_STATUS_LINE = re.compile(
    r"^[ \t]*(?:[A-Z][a-z]*[ \t]+){0,2}(?:held|carried|approved|agreed|noted|deferred|withdrawn|adopted|rejected|refused|"
    r"granted|lost|passed|failed|none|cancell?ed|postponed|accepted|tabled|received|completed?|done|ongoing|pending|"
    r"unanimous(?:ly)?)\b[ \t.!]*$", re.I | re.M)


def status_windows(text: str) -> list[str]:
    """The last sentence of a line with the short status line under it, as one exact substring:
    alone, "Not Held" is too short to be a sentence and the line above does not say whether it
    happened (a yes/no or "what became of it" question needs both)."""
    out = []
    for m in _STATUS_LINE.finditer(text):
        if not m.group(0).strip() or m.start() < 2 or text[m.start() - 1] != "\n":
            continue
        prev_end = m.start() - 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        spans = sentence_spans(text[prev_start:prev_end])
        if not spans:
            continue
        a = prev_start + spans[-1][0]
        out.append(text[a: m.start() + len(m.group(0).rstrip())])
    return out


# --- page furniture --------------------------------------------------------------------------
# What a PDF's page header or footer leaves in the text layer: "Page 2 of 2", "- 3 -", or a
# running head repeated on every page ("Minutes of Kildare County Council Special Meeting
# 22.09.2025  Page 1 of 2", "Minutes of Annual Meeting of Nenagh Municipal District 2026").
# It names the meeting, so it holds many of a question's words, but it records nothing.
_PAGE_NUMBER = re.compile(r"\bpage\s+\d{1,3}\s*(?:of|/)\s*\d{1,3}\b|^\s*page\s+\d{1,3}\s*$|^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$",
                          re.I)
_RUNNING_HEAD_WORDS = re.compile(r"\b(?:minutes|meeting|proceedings)\b", re.I)


def _norm_line(line: str) -> str:
    return " ".join(line.replace("*", " ").replace("#", " ").split()).lower()


def running_heads(text: str) -> frozenset[str]:
    """Lines a paged document (one with page-number lines) repeats as a page's running head
    or foot: short, not a sentence, naming the minutes or meeting with a date or number in
    them, and found at least twice (normalised: case, spaces and Markdown emphasis ignored).
    A repeated line without a number ("Carried.", "Minutes of the previous meeting"), or in
    a document without page numbers (an agenda heading repeated in the body), is content."""
    seen: dict[str, int] = {}
    if not any(_page_number(line) for line in text.split("\n")):
        return frozenset()  # a document without page numbers was not paged: a repeated line is content
    for line in text.split("\n"):
        n = _norm_line(line)
        if n and len(n.split()) <= 16 and not n.endswith((".", ";")) and re.search(r"\d", n) \
                and _RUNNING_HEAD_WORDS.search(n):
            seen[n] = seen.get(n, 0) + 1
    return frozenset(n for n, k in seen.items() if k >= 2)


def _page_number(line: str) -> bool:
    """A short line holding a page number ("Page 2 of 2", "Minutes of ... 22.09.2025  Page 1 of
    2", "- 3 -"); not a sentence that mentions a page ("changes to page 4 of 9: ...")."""
    n = _norm_line(line)
    return bool(n) and len(n.split()) <= 16 and not n.endswith((".", ":", ";")) and bool(_PAGE_NUMBER.search(n))


def is_furniture_line(line: str, heads: frozenset[str] = frozenset()) -> bool:
    """Is this one line page furniture: a page number ("Page 2 of 2", "- 3 -") or one of the
    document's running heads (`running_heads`)? A bare number is not: in a table it is a value."""
    return _page_number(line) or (bool(heads) and _norm_line(line) in heads)


def is_furniture(text: str, heads: frozenset[str] = frozenset()) -> bool:
    """Is a candidate quote nothing but page furniture, with at most a bare label left over
    ("Minutes of Annual Meeting of Nenagh Municipal District 2026\\nDate:"): never evidence."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines or not any(is_furniture_line(ln, heads) for ln in lines):
        return False
    rest = [ln for ln in lines if not is_furniture_line(ln, heads)]
    return all(ln.strip().endswith(":") and len(ln.split()) <= 4 for ln in rest)
