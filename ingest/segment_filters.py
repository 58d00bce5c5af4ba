"""Candidates and chosen items that are not agenda items: contents lists, speaker turns, page
numbers, trailing item codes, ModernGov markers, wrapper headings and record lists.

Split out of `ingest/segment.py`.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .blocks import Block
from .segment_numbers import number_key
from .segment_titles import MARKER_RE, _DATE_LINE, _FURNITURE_SUFFIX, _MASTHEAD, clean_title, title_score
from .segment_candidates import Cand


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
        if not res and level == 1 and c.key is None and len(out) > 2 and _DATE_LINE.fullmatch(title):
            k += 1  # the meeting's date heading over its opening lines, before the business: the title block
            continue
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
