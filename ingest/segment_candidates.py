"""Every block that could head an item (`Cand`), with its scheme and weight.

Split out of `ingest/segment.py`: the readers' blocks become candidates here (printed numbers,
list numbers, headings, typography, run-in heads, table rows, headings typed with a colon,
minute numbers run on inside paragraphs or long lines); nothing is chosen yet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Block
from .segment_numbers import PREFIX_BONUS, _labelled, _letters_value, _parse_number, number_key, number_shape
from .segment_titles import (
    MARKER_RE, MD_HEADING, _ASIDE, _CAPS_RUNIN, _DATE_LINE, _FORM_FIELD, _FURNITURE_LINE, _FURNITURE_SUFFIX,
    _LABEL, _MASTHEAD, _OUTCOME_WORD, _PAGE_MARK, _REPORTED, _RUNS_ON, _TITLE_RUNIN, _UNDERLINE, _VOTE_LABEL,
    _runin_head, _runon_title, _short_title, clean_title, title_score,
)


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
    cells: tuple[int, ...] = ()  # blocks between a number and its title (table cells), kept as text


def _weak_cand(i: int, b: Block, num: str, title: str) -> Cand | None:
    """A numbered paragraph that reads as a sentence: kept aside, so that an unbroken run of its
    scheme (135/19, [136/19], 137/19) can claim it, with the title cut at the sentence."""
    head = _runin_head(clean_title(title))
    if head is None:
        return None
    return Cand(i, i, num, head, number_shape(num), number_key(num), 0.0, "inline", b.indent, weak=True)


_COLUMN_CELL = re.compile(r"^\d{1,3}$")
# A reference in brackets on its own line between a number and its title: "(Agenda Item No 1)".
_ASIDE_LINE = re.compile(r"^\([^()]{1,40}\)$")


def table_columns(texts: list[str]) -> set[int]:
    """Lines that are cells of a table flattened column by column: three or more bare numbers
    (no dot or bracket) on consecutive lines ("No." / "1" / "2" / ... /
    "29" over a roll-call's names, then a "For" column of "1"s). OCR and PDF text layers of
    roll-call and vote tables come out like this; a stack of row numbers is never a run of
    item headings, however well it counts up (item numbers stacked in a column print a dot or
    bracket, "6." "7." "8.", and are read by `_stacked_numbers`)."""
    out: set[int] = set()
    run: list[int] = []  # the current stretch of bare-number lines (blank lines between do not break it)
    for i, t in enumerate(texts + ["end"]):
        if not t:
            continue
        if _COLUMN_CELL.match(t):
            run.append(i)
            continue
        if len(run) >= 3:  # three or more in a row: a column, not a number beside its title
            out.update(run)
        run = []
    return out


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
            and not _VOTE_LABEL.match(t) and not re.search(r"\S:\s+\S", t) and not _caps_names(t)):
        return "caps", 0
    return None


_INITIAL = re.compile(r"(?<![\w.])[A-Z]\.(?=\s|$)")
_HONORIFIC = re.compile(r"^(?:CLLRS?|COUNCILLORS?|MR|MRS|MS|MISS|DR)\b\.?(?:\s|$)")
_COUNTED_NAME = re.compile(r"^[A-Z][A-Z'’.\- ]*\(\d{1,3}\)$")


def _caps_names(t: str) -> bool:
    """A capitals line that lists people, not a heading: names with initials ("GLENNON, P.
    KENNEDY, S. LANGRELL"), a person with a title ("CLLR. M.", "MR. M. NICHOLSON, DEPUTY
    CHIEF EXECUTIVE"), or a candidate with the votes cast ("CORRIGAN (22)", "WINSTANLEY(22)").
    Irish and British minutes print roll calls and election results in capitals."""
    return (len(_INITIAL.findall(t)) >= 2 or bool(_HONORIFIC.match(t)) or bool(_COUNTED_NAME.match(t))
            or bool(re.search(r"\b[A-Z]\.$", t)) and "," in t)


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


# A title line that cannot end there: it stops on a word that joins ("Election of", "Report and").
_JOINS_ON = re.compile(r"\b(?:of|and|for|to|the|on|in|with|by|from|&)$|[-–,]$", re.I)


def _title_wraps(texts: list[str], j: int) -> bool:
    """The title under a number alone goes on to the next line: it ends on a joining word
    ("Item 1." / "Election of" / "Cathaoirleach", a table cell wrapped by OCR or text extraction)
    and the next line is a short phrase, not a sentence or another number."""
    if j + 1 >= len(texts) or not _JOINS_ON.search(texts[j]) or not texts[j + 1]:
        return False
    nxt = texts[j + 1]
    return (len(nxt.split()) <= 5 and not nxt.endswith((".", ":", ";", ",")) and not _parse_number(nxt)
            and title_score(clean_title(nxt)) > 0)


def candidates(blocks: list[Block]) -> list[Cand]:
    """Every block that could head an item, with its scheme and title weight."""
    out: list[Cand] = []
    texts = [b.text.strip() for b in blocks]
    n = len(blocks)
    furniture = running_lines(texts)
    columns = table_columns(texts)
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
            if _ROLL_RUNIN.fullmatch(t) and _names_line(s[len(b.bold_prefix):].strip()):
                continue  # "**Attendees:** Alice, Bob, Carol": who attended, not business
            if w > 0 and sum(ch.isalpha() for ch in t) >= 3 and not _OUTCOME_WORD.match(t.upper()):
                if b.list_number and b.list_depth == 0:
                    # "1. **Welcome** — The president welcomed ...": a numbered list item whose
                    # bold head is its title; the list's number is the item's number
                    num = (b.list_label or b.list_number).strip()
                    out.append(Cand(i, i, num, t, number_shape(num), number_key(num), w + 0.4, "list", b.indent))
                    continue
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
                if w > 0 and sum(ch.isalpha() for ch in title) >= 3:  # "48 | 1": a lot number and its votes
                    out.append(Cand(i, i, num, title, "row:" + number_shape(num), number_key(num), w + 0.3, "row", b.indent))
                continue
        p = _parse_number(body) if i not in columns else None
        if p:
            num, title, sep = p
            labelled = _labelled(body)
            bonus = (0.4 if heading_like else 0.0) + (PREFIX_BONUS if labelled else 0.0)
            if not title:
                # the number alone on its line (ModernGov copy): the title is the next line
                if not sep.strip() and not any(texts[:i]):
                    continue  # a bare "1" above everything else is the first page's number
                j = i + 1
                cells: list[int] = []
                while j < n and (not texts[j] and j <= i + 3 + len(cells)
                                 or _ASIDE_LINE.match(texts[j]) and len(cells) < 2
                                 or labelled and len(cells) < 60 and (
                                     _COLUMN_CELL.match(texts[j]) or _OUTCOME_WORD.match(re.sub(r"^AND\s+", "", texts[j].upper())))):
                    # a labelled number ("Minute No. 53/25") keeps its title past the bare numbers
                    # of a flattened table, a page number, or the previous minute's "And resolved"
                    # that text extraction put between them
                    if texts[j]:
                        cells.append(j)
                    j += 1
                if j < n and texts[j] and not MARKER_RE.match(texts[j]) and not _parse_number(texts[j]):
                    t = clean_title(texts[j])
                    w = title_score(t)
                    if w > 0 and not re.fullmatch(r"\d{4}", num):
                        end = _caps_wrap(texts, j)
                        if end == j and _title_wraps(texts, j):
                            end = j + 1
                        title = " ".join(texts[j:end + 1])
                        out.append(Cand(i, end, num, title, number_shape(num), number_key(num), w + 0.6 + bonus, "alone",
                                        b.indent, cells=tuple(cells)))
                        if sep.strip() or not _colon_heading(blocks, texts, j):
                            skip = end  # the title's lines belong to this heading
                        # (a bare "3" above "Report from An Garda Síochána:" may be a page number:
                        # the heading under it stands on its own as well, and the evidence decides)
                continue
            pair = _MOVER_PAIR.match(title)
            if pair and title[pair.end():].strip():
                # "R2018-077 L. Smith, L. Andersen: That we approve ...": a numbered resolution
                # with its mover and seconder before the motion; the motion's first sentence
                # is the item's title (a resolution is titled by what it resolves)
                motion = re.split(r"(?<=[a-z]{3})\.\s+(?=[A-Z])", title[pair.end():].strip(), maxsplit=1)[0]
                t = clean_title(motion if len(motion) <= 240 else _short_title(motion))
                out.append(Cand(i, i, num, t, number_shape(num), number_key(num), 1.0 + bonus, "inline", b.indent))
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
        if _colon_heading(blocks, texts, i):
            # "Matters Arising:" on a line of its own, its minutes below: a heading typed plainly
            t = clean_title(s)
            out.append(Cand(i, i, None, t, "colon", None, title_score(t), "colon", b.indent))
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
    inside = [c for i, b in enumerate(blocks) if i not in furniture and b.kind in ("line", "para", "list_item")
              for c in _midline_minutes(i, b) + _run_together(i, b)]
    return sorted(out + inside, key=_pos) if inside else out


def _pos(c: Cand) -> tuple[int, int]:
    """Where a heading starts: its block, then its place in the block (minutes run together)."""
    return c.idx, c.offset


# A minute number with its year ("71/17") starting a sentence inside a paragraph: minutes typed
# or pasted as running text ("... No declarations were made. 72/17 Use of social media ...").
_MIDLINE_MINUTE = re.compile(r"(?<=[.!?:;)”\"’])\s+(?P<num>\d{1,4}/\d{2,4})\.?\s+(?=[A-Z])")


def _midline_minutes(i: int, b: Block) -> list[Cand]:
    """Minute numbers run on inside a paragraph after a sentence ends, each titled by what
    follows it up to its first sentence break (or its verb, "Apologies for absence Apologies
    had been received ..."). They join a run by the same evidence as any numbered heading;
    one on its own in a paragraph is a reference ("see 12/17") more often than a heading, so
    a paragraph must hold a number at its start or two inside it."""
    text = b.text
    found = list(_MIDLINE_MINUTE.finditer(text))
    if not found or (len(found) < 2 and not re.match(r"\s*\d{1,4}/\d{2,4}\b", text)):
        return []
    out = []
    for k, m in enumerate(found):
        seg = text[m.end(): found[k + 1].start() if k + 1 < len(found) else len(text)]
        title = _runon_title(clean_title(seg))
        w = title_score(title)
        num = m.group("num")
        if not title[:1].isupper():
            continue
        # a title that reads as a sentence is weak: it joins only as the missing step of a run
        out.append(Cand(i, i, num, title, number_shape(num), number_key(num), w, "inline", b.indent,
                        weak=w <= 0, offset=m.start("num")))
    return out


# An item number run on after a gap of two or more spaces (or a starred "*43" after one):
# action minutes whose columns (number, title, disposition) text extraction joined into a few
# long lines ("... PLACED ON FILE  39 Request of Dixie Johnston ...  (Communication)").
_RUN_TOGETHER = re.compile(r"(?:(?<=\S\s\s)|(?<=\S\s\s\s)|(?<=\S\s\s\s\s)|(?<=\S\s)(?=\*))(?P<num>\*?(?:[A-Z]-)?\d{1,3})\s+(?=[A-Z][a-z])")
_COLUMN_GAP = re.compile(r"\s{2,}|\s\((?=[A-Z])")


def _run_together(i: int, b: Block) -> list[Cand]:
    """Item numbers inside a long line where columns were run together, each titled by the text
    up to the next column gap. Numbers in one line must count up; a line holding only one
    such number gives a weak candidate, which joins only as the missing step of a run (one
    number after a gap is as likely a table's figure)."""
    text = b.text
    if len(text) < 80 or "  " not in text:
        return []
    found = list(_RUN_TOGETHER.finditer(text))
    keys = [number_key(m.group("num")) for m in found]
    if not found or any(k2 <= k1 for k1, k2 in zip(keys, keys[1:])):
        return []
    out = []
    for m, key in zip(found, keys):
        gap = _COLUMN_GAP.search(text, m.end())
        title = clean_title(text[m.end(): gap.start() if gap else len(text)])
        w = title_score(title)
        if not title[:1].isupper() or not re.search(r"[a-z]", title):
            continue
        out.append(Cand(i, i, m.group("num"), title, "d", key, w, "inline", b.indent, weak=w <= 0 or len(found) < 2,
                        offset=m.start("num")))
    return out


# The subject after a run-in officer head: two to five capitalised words and a full stop.
# Two people named by initials and surname, then a colon: the mover and seconder printed before
# a resolution's text (Ontario councils: "L. Smith, L. Andersen:"; also "Smith/Andersen:").
_INITIALLED = r"(?:[A-Z]\.\s?){1,2}[A-Z][\w'’-]+"
_MOVER_PAIR = re.compile(
    rf"^(?:{_INITIALLED}\s*(?:,|/|&|\band\b)\s*{_INITIALLED}|[A-Z][\w'’-]+\s*/\s*[A-Z][\w'’-]+)\s*:\s+(?=\S)")
# A run-in attendance label: "Attendees", "Present", "Members present", "Absent", "Regrets".
_ROLL_RUNIN = re.compile(r"(?:(?:members|councillors|trustees|directors|officers|staff|also)\s+)?"
                         r"(?:present|absent|in attendance|attending|attendees|attendance|regrets|excused)", re.I)
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


_LEAD_IN = re.compile(r"\b(?:following|as follows|below|these|this|include|including)\b", re.I)


def _colon_heading(blocks: list[Block], texts: list[str], i: int) -> bool:
    """A short title-like line ending in a colon, standing alone (a blank line or paragraph
    break before it), with its minutes below: "Matters Arising:", "Report from An Garda
    Síochána:", "PPN Report:". Plain-text and PDF minutes often set headings only this way.
    Not a label over a list of names ("Garda Officers:" / "Chief Superintendent John
    Dollard, ..."), an attendance or field label, a date ("April 2023:"), or a sentence that
    leads into a list ("The following payments were approved:")."""
    s = texts[i]
    b = blocks[i]
    if not s.endswith(":") or b.kind not in ("line", "para") or b.bold or b.bold_prefix:
        return False
    t = s[:-1].strip()
    words = t.split()
    if ":" in t or MARKER_RE.match(s) or _FURNITURE_LINE.match(s):
        return False  # "Contact: Helen Phillips  Email:", "Additional documents:": labels
    if not 1 <= len(words) <= 16 or not t[:1].isupper() or sum(ch.isalpha() for ch in t) < 4:
        return False
    if b.kind == "line" and i > 0 and texts[i - 1]:
        return False
    if (_LABEL.match(t) or _LEAD_IN.search(t) or _REPORTED.search(t) or _MASTHEAD.match(t) or _VOTE_LABEL.match(s)
            or _DATE_LINE.fullmatch(t) or title_score(t) < 1.0):
        return False
    nxt = next((x for x in texts[i + 1: i + 4] if x), "")
    if (not nxt or _names_line(nxt) or (_PERSON.match(nxt) and len(nxt.split()) <= 6)
            or (nxt.endswith(":") and len(nxt.split()) <= 4)):
        return False
    return True


def _names_line(t: str) -> bool:
    """A line listing people or bodies: commas between mostly capitalised words."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", t)
    return "," in t and len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


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


def _flows(prev: str) -> bool:
    """The previous line runs on into this one (no full stop), so this is not a heading."""
    return bool(prev) and not prev.rstrip().endswith((".", ":", "!", "?", ")")) and len(prev) > 60


def _head_rest(c: Cand, blocks: list[Block], until: int | None = None) -> str:
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
    text = head.text[c.offset:until] if c.style != "alone" else head.text
    end = _title_end(text, c.title)
    if end is None:
        return ""
    rest = text[end:].lstrip(" \t:;,.–—-").rstrip()
    return rest if re.search(r"\w", rest) else ""  # a "?" or "/" closing the title is not text


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
