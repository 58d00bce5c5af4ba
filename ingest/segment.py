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

Layouts of bodies in neither development set (round 4): an item label before the number
counts as evidence of its own ("Item 1:", "ITEM NO. 1", "Minute No. 51/25", any case), and a
labelled number finds its title past table cells, page numbers, a bracketed reference or the
previous minute's "And resolved"; a minute number whose slash was read as a 1 ("52125") is the
run's missing step; bare numbers stacked in a column (a roll-call table flattened by text
extraction) are never headings, however well they count up; a run lying wholly inside one item
of another run that counts from its first number is that item's sub-level ("2.1.2" inside
"21.07.2025.02"); minute numbers run on inside a paragraph ("... were made. 72/17 Use of ...")
and action minutes whose columns were run together on a few long lines ("  38 Request of ...
(Communication)  PLACED ON FILE  39 ...") are candidates like any number; a title ends at the
dash that starts a report ("Police Report – PK reported ..."); lettered paragraphs that run
their text on after a short title, lists of payments ending in sums, and reference codes
("E/40480") are text, not sub-items; capitals lines listing people ("CLLR. M.", "CORRIGAN
(22)") and honorifics ("MR.") are not headings; where nothing is numbered, a short line ending
in a colon with its minutes below ("Matters Arising:") is a heading; a document whose business
is one numbered motion ("1.0 I am calling on ...") has that one item.

Round 5 (real5 showed layouts no earlier set had, and the next set will show others): where the
schemes find fewer than two items, what any reader takes as item starts decides
(`segment_fallback`): a log of clock times in order ("7:11 - Presentation by ..."), heading
markup of any kind even alone or inside a fenced div, plain title lines each straight above a
paragraph, the rows of a table of business ("Item | Discussion | Action"), labels with a colon
("FINANCE: ..."); also when that reading contains everything the schemes found and more. Never items: the closing signature
block ("Signed: ____" / "CATHAOIRLEACH", "Respectfully submitted," / name / office), a roll
call of names under "PRESENT:", the "Minutes of the ... meeting" title line and the line
naming the meeting under it. Numbers: a minute number with a meeting code ("01/0925SM2")
alone over its title, a title under a number that ends on a joining word ("Election of" /
"Cathaoirleach"), "#" and "No." as item labels, a resolution number with its mover and
seconder before the motion ("R2018-077 L. Smith, L. Andersen: That ...", titled by the
motion's first sentence) and the run-in labels between such resolutions ("Staff Reports: ...").
Lower-case Markdown headings ("### nodejs/node") are headings; a numbered list item's bold head
("1. **Welcome** — ...") is its title, under the list's number. No constant here is fitted.

Round 6 (read from an unlabelled pool of minutes from bodies in no dev set): a stack of headings
at the top with nothing under them, set at levels no later heading uses, is the title block; where
heading markup draws two or more sections with text, bold run-in labels ("**Maker:** ...") are
never the top level; two numbers neither starting the count nor within a missing step of each
other are no agenda; a numbered list of names under an attendance label is a roll call; page
numbers and running headers of text files exported from PDFs are dropped by the reader
(`ingest.furniture`).

The code is split by job: `segment_numbers` (number shapes, keys, steps), `segment_titles`
(what reads as a title), `segment_candidates` (blocks to candidates), `segment_filters`
(candidates and chosen items that are not items), `segment_schemes` (choosing the levels),
`segment_complete` (completing a chosen run and its sub-items), `segment_fallback` (reader cues
when the schemes find little, signature blocks, roll calls); this module chooses and splits,
and re-exports (`__all__`) the names other modules import from `ingest.segment`.

The thresholds are `SegmentParams`, chosen by leave-one-body-out cross-validation over the
development corpus (`minutes eval --structure --cv`); nothing added in round 4 is fitted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .blocks import Block, render_line, text_blocks
from .segment_numbers import NUMBER_LINE, _LEAD_CODE, number_key, number_shape, _bare
from .segment_titles import (
    _FURNITURE_SUFFIX, _FURNITURE_LINE, MARKER_RE, AGENDA_REF, TRUNCATION, _PAGE_MARK, _MASTHEAD, _UNDERLINE,
    clean_title,
)
from .segment_candidates import Cand, candidates, _pos, running_lines, _head_rest, _MOVER_PAIR
from .segment_filters import (
    drop_contents_lists, drop_speaker_turns, page_number_lines, trailing_codes, _coded_peers,
    find_marker_headings, _unwrap, _drop_records,
)
from .segment_schemes import (
    SegmentParams, param_grid, _identifiers, _top_options, _children, _lone_item, _enclosing_run,
)
from .segment_fallback import drop_roll_calls, drop_signatories, label_paragraphs, reader_fallback
from .segment_complete import (
    _tail_headings, _closing_headings, _peer_headings, _gap_headings, _fill_run, _drop_paragraph_numbering,
    _midline_steps, _stacked_numbers, _repeated_numbers, _sub_chain, _lost_dots, _ocr_slashes, _bullet_heads,
    _runin_paragraphs, _payment_lists, _reparent, _lone_sub_headings,
)

# What callers import from here (items, parse, eval.coverage, eval.structure, tests); the rest of the
# segmenter is imported from its `segment_*` module.
__all__ = [
    "MARKER_RE", "NUMBER_LINE", "RawItem", "SegmentParams", "TRUNCATION", "_FURNITURE_LINE",
    "_FURNITURE_SUFFIX", "_PAGE_MARK", "_UNDERLINE", "body_lines", "choose_items", "number_key",
    "number_shape", "param_grid", "running_lines", "split_blocks", "split_items",
]


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


# The document's own title line: "Minutes of the Regular Meeting of ...", "DRAFT MINUTES OF THE ..."
# (not the item approving earlier minutes: "Minutes of the previous meeting").
_DOC_TITLE = re.compile(r"^(?:(?:draft|approved|unconfirmed|official|signed)\s+)?minutes\s+(?:of|for)\s+(?:the\s+|an?\s+)?"
                        r"(?!(?:previous|last|prior|preceding)\b)(?:[\w’'&.,-]+\s+){0,4}(?:meeting|session)\b", re.I)
# A line naming the meeting, stacked in the title block under the body's name:
# "REGULAR MEETING OF THE BOARD OF SELECTMEN", "Special Meeting of Council".
_MEETING_NAME = re.compile(r"^(?:[\w’'&.-]+\s+){0,3}(?:meeting|session)\s+of\s+(?:the\s+)?(?:[\w’'&.,-]+\s*){1,8}$", re.I)


def choose_items(blocks: list[Block], params: SegmentParams | None = None) -> list[tuple[Cand, int, Cand | None]]:
    """The item headings in document order: (candidate, level, parent). The schemes' choice,
    less the signatories of the closing signature block; where that leaves fewer than two
    items, what any reader takes as item starts (`segment_fallback`), if it finds more."""
    def kept(chosen: list[tuple[Cand, int, Cand | None]]) -> list[tuple[Cand, int, Cand | None]]:
        return drop_roll_calls(drop_signatories(chosen, blocks), blocks)

    out = kept(_choose_by_schemes(blocks, params))
    return kept(reader_fallback(blocks, out)) or out


def _choose_by_schemes(blocks: list[Block], params: SegmentParams | None = None) -> list[tuple[Cand, int, Cand | None]]:
    """The item headings the weighed schemes choose (module docstring, steps 1-4)."""
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
    cands = _title_stack(cands, blocks)
    first = next((i for i, b in enumerate(blocks) if b.text.strip()), None)
    if (cands and cands[0].idx == first and cands[0].key is None and len(cands) > 1
            and _DOC_TITLE.match(clean_title(cands[0].title))):
        cands = cands[1:]  # "MINUTES OF THE MONTHLY MEETING OF ...": the document's title, whatever follows it
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
                if not ((numbered and empty) or _MASTHEAD.match(clean_title(cands[0].title))
                        or _MEETING_NAME.match(clean_title(cands[0].title))):
                    break
                prev = cands[0].end
                cands = cands[1:]
    options = _top_options(cands, params)
    if _sections_by_markup(every, blocks) >= 2:
        # the author drew sections with heading markup: a bold label opening a paragraph inside
        # them ("**Goal** Get agreement ...", "**Maker:** EC Chair ...") is a field of that
        # section's text, never the agenda's top level (it may still be a second level)
        options = [o for o in options if o[1][0].scheme != "runin"]
    if not options:
        return _lone_item(every, blocks)
    best_total, best = -1.0, None
    for score, top in options:
        top_ids = {c.idx for c in top}
        rest = [c for c in cands if c.idx not in top_ids and c.idx > top[0].idx]
        c_score, kids = _children(top, rest, len(blocks), params, 1)
        total = score + c_score
        if total > best_total:
            best_total, best = total, (top, kids, rest)
    top, kids, rest = best
    top, kids, rest = _enclosing_run(top, kids, rest, sorted(cands + weak, key=_pos), cands)
    kids = _drop_paragraph_numbering(top, kids, weak, len(blocks))
    if top[0].key is not None:
        top = _stacked_numbers(top, blocks)
        top = _repeated_numbers(_midline_steps(_lost_dots(_fill_run(top, weak), rest), blocks), rest, blocks)
        top = _ocr_slashes(top, rest + weak)
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
        kids = _bullet_heads(top, _payment_lists(_runin_paragraphs(kids, blocks), blocks), blocks)
        top = top + _tail_headings(top, kids, rest, blocks)
        taken = {c.idx for c in top} | {c.idx for v in kids.values() for c in v}
        top = (top + _peer_headings(top, taken, blocks, params) + _gap_headings(top, taken, blocks)
               + label_paragraphs(top, taken, blocks))
    elif top[0].style == "colon":
        # headings typed plainly with a colon close like numbered ones: "Date of next meeting", "AOB: None"
        top = top + _closing_headings(top[-1].idx, {c.idx for c in cands}, blocks)
    # Two levels: no gold agenda in the corpus has a third, and a third level found inside one
    # sub-item (its attachments list, its numbered paragraphs) is nearly always body text.
    out: list[tuple[Cand, int, Cand | None]] = []
    for p in top:
        out.append((p, 1, None))
        out.extend((c, 2, p) for c in kids.get(p.idx, []))
    out.sort(key=lambda t: t[0].idx)
    out.sort(key=lambda t: _pos(t[0]))
    seen: set[tuple[int, int]] = set()  # a block read two ways (roman C / letter C) heads one item
    out = [t for t in out if not (_pos(t[0]) in seen or seen.add(_pos(t[0])))]
    return _drop_records(_unwrap(out, cands, blocks))


def _sections_by_markup(cands: list[Cand], blocks: list[Block]) -> int:
    """How many headings typed as heading markup (HTML h1-h6, Markdown "#", reST underlines,
    DOCX heading styles) have text of their own under them before the next candidate."""
    heads = sorted({c.idx: c for c in cands if c.style in ("heading", "underline") or blocks[c.idx].kind == "heading"}.values(),
                   key=lambda c: c.idx)
    n = 0
    for k, c in enumerate(heads):
        stop = heads[k + 1].idx if k + 1 < len(heads) else len(blocks)
        n += any(blocks[j].text.strip() for j in range(c.end + 1, stop))
    return n


def _title_stack(cands: list[Cand], blocks: list[Block]) -> list[Cand]:
    """Headings stacked at the top of the document with nothing under them ("## Minutes" /
    "## Melbourne AWS User Group Inc" / "## Annual General Meeting" / "### 27th April 2022 ...")
    are the title block, not items, when no heading later in the document is set at their level:
    a title is typeset once, the items' headings again and again. Only short lines (front matter,
    a logo's alt text) may stand above the stack, and at least two candidates must remain: a
    stack that is the whole document is its agenda."""
    def text_between(a: int, b: int) -> bool:
        return any(blocks[j].text.strip() for j in range(a, b))

    if not cands or any(len(b.text.split()) > 8 for b in blocks[: cands[0].idx] if b.text.strip()):
        return cands
    stack = 0
    while (stack + 1 < len(cands) and cands[stack].key is None and cands[stack].style in ("heading", "underline")
           and cands[stack + 1].idx > cands[stack].end and not text_between(cands[stack].end + 1, cands[stack + 1].idx)):
        stack += 1
    later = {c.scheme for c in cands[stack:]}
    drop = 0
    while drop < stack and cands[drop].scheme not in later:
        drop += 1
    if drop < 2 or len(cands) - drop < 2:
        return cands  # one heading over the rest is the existing title rule's to judge
    return cands[drop:]


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
        lines = [blocks[j].text.strip() for j in c.cells] + body_lines(blocks[c.end + 1: stop])
        nxt = chosen[k + 1][0] if k + 1 < len(chosen) else None
        same = nxt is not None and nxt.idx == c.idx and c.style != "alone"  # the next one runs on in this block
        if nxt is not None and nxt.offset and not same:  # the paragraph before a number printed inside it
            lines += ([""] if blocks[stop].kind != "line" else []) + [blocks[stop].text[: nxt.offset].strip()]
        rest = _head_rest(c, blocks, nxt.offset if same else None)
        if rest:
            # what the heading's block says after its title ("Police Report: Attached.", the
            # rest of a numbered paragraph titled by its first sentence) is the item's text
            apart = blocks[c.idx].kind == "table_row" and lines[:1] != [""]  # cells are paragraphs
            lines = [rest] + ([""] if apart else []) + lines
        movers = _movers(c, blocks, nxt.offset if same else None)
        if movers:
            # "R2018-077 L. Smith, L. Andersen: That ...": the mover and seconder the title was
            # cut past, with the motion they moved, are the decision: the whole paragraph is text
            lines = [movers] + (lines[1:] if rest else lines)
        if c.style in ("time", "label"):
            # a logged line ("7:11 - Presentation by Katie Kissel for ...") or a labelled
            # paragraph ("Disclosure of pecuniary interest: None.") is itself the minute: its
            # title is cut from it, and the whole line opens the item's text, time and all
            lines = [blocks[c.idx].text.strip()] + (lines[1:] if rest else lines)
        lead = _lead_code(c, blocks)
        if lead:
            # it records the item's decision, so it is kept; the title's line may wrap into the
            # text, so it goes last, as a paragraph of its own, not between the two
            lines += ["", lead]
        items.append(RawItem(number, title, lines, agenda, section, head.page, head.anchor, level))
    first = chosen[0][0]
    pre = blocks[: first.idx]
    if first.offset and first.style != "alone":  # the first item runs on inside a line: what precedes it
        pre = pre + [replace(blocks[first.idx], text=blocks[first.idx].text[: first.offset].rstrip())]
    return pre, items


def _movers(c: Cand, blocks: list[Block], until: int | None = None) -> str | None:
    """A resolution's paragraph after its number, when the mover and seconder are printed
    between the number and the motion ("L. Smith, L. Andersen: That we ... Carried.")."""
    if c.number is None or c.style != "inline":
        return None
    m = NUMBER_LINE.match(blocks[c.idx].text[c.offset:until].strip())
    pair = _MOVER_PAIR.match(m.group("title")) if m else None
    return m.group("title").strip() if pair else None


def _lead_code(c: Cand, blocks: list[Block]) -> str | None:
    """A roll-call or resolution number printed before the item number ("99-464 12. ...")."""
    if c.number is None or c.style == "alone":
        return None
    m = _LEAD_CODE.match(blocks[c.idx].text[c.offset:].strip())
    return m.group(0).strip() if m else None


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
