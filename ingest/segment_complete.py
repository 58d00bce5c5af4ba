"""Completing a chosen numbered run and its sub-items: missing steps (weak, mid-line, lost dots,
OCR'd slashes, stacked numbers, repeated numbers), headings set like the numbered ones
(tail, peer, gap, closing), bulleted heads, and sub-lists that are text (run-in paragraphs,
payment lists).

Split out of `ingest/segment.py`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .blocks import Block
from .segment_numbers import _consecutive, _is_first, _parse_number, number_key
from .segment_titles import (
    _FORM_FIELD, _MASTHEAD, _OUTCOME_WORD, _PAGE_MARK, _RUNS_ON, _runon_title, clean_title, title_score,
)
from .segment_candidates import Cand, _head_rest, _pos, running_lines
from .segment_schemes import SegmentParams


def _tail_headings(top: list[Cand], kids: dict[int, list[Cand]], rest: list[Cand], blocks: list[Block]) -> list[Cand]:
    """Unnumbered headings after the last numbered item, set like the numbered headings (same
    boldness and left edge, or capitals where the numbered titles are capitals): "AOB", "Date of
    next meeting" and "Action list" often close a numbered agenda without a number."""
    last = top[-1]
    sub = kids.get(last.idx, [])
    after = max([last.end] + [c.end for c in sub])  # (a title under its number belongs to it)
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
    return sorted(out + _closing_headings(after, have, blocks), key=lambda c: c.idx)


def _closing_headings(after: int, have: set[int], blocks: list[Block]) -> list[Cand]:
    """"Next Meeting", "AOB: None", "Emergency Business as approved by Chairman: It was noted
    ...": the business that closes an agenda, typed plainly or run in after the last item."""
    out = []
    for i in range(after + 1, len(blocks)):
        t = blocks[i].text.strip()
        head = t.split(":", 1)[0].strip() if ":" in t[:80] else t
        lead = re.match(r"^([A-Z][\w ]{2,30}\.)\s+[A-Z]", t)  # "Closure. The Chairman thanked everyone ..."
        if lead and _CLOSING.match(lead.group(1).rstrip(".")):
            head = lead.group(1)
        if i in have or not head or len(head.split()) > 8 or not _CLOSING.match(head.rstrip(".")):
            continue
        if head == t and t.endswith((".", ",", ";")):
            continue
        out.append(Cand(i, i, None, head, "closing", None, title_score(head), "runin", blocks[i].indent))
    return out


# What closes an agenda after its numbered business, often without a number.
_CLOSING = re.compile(
    r"^(?:(?:any\s+)?other\s+business|a\.?o\.?b\.?|(?:urgent|emergency|late)\s+(?:business|items?|matters?)\b.*|"
    r"(?:date\s+(?:and\s+\w+\s+)?of\s+)?(?:the\s+)?next\s+meeting|close\s+of\s+(?:the\s+)?meeting|conclusion|closure)$", re.I)


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
    pool = sorted((c for c in weak if c.scheme == scheme and c.idx < stop), key=_pos)
    if not pool:
        return top
    out: list[Cand] = []
    bounds = [None, *top, None]
    for k in range(len(bounds) - 1):
        a, b = bounds[k], bounds[k + 1]
        if a is not None:
            out.append(a)
        lo = _pos(a) if a is not None else (-1, 0)
        hi = _pos(b) if b is not None else (10**9, 0)
        between = [c for c in pool if lo < _pos(c) < hi]
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
                short = _runon_title(title)
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
            if (t and len(t.split()) <= 10 and not t.endswith((".", ",", ";")) and not _parse_number(t)
                    and title_score(t) >= 0.7 and not _OUTCOME_WORD.match(t.upper())):  # "None" under a title is its text
                titles.append(i)
            if len(titles) == len(stack):
                break
        if len(titles) < len(stack):
            out.append(c)
            continue
        for n, (num_idx, ti) in enumerate(zip(stack, titles)):
            num = blocks[num_idx].text.strip().rstrip(".)")
            # the first heading spans the stack: the lines in it that are not numbers are kept as text
            cells = tuple(j for j in range(num_idx + 1, ti) if n == 0 and j not in stack and blocks[j].text.strip())
            out.append(Cand(num_idx if n == 0 else ti, ti, num, clean_title(blocks[ti].text), c.scheme,
                            number_key(num), c.weight, "alone", blocks[ti].indent, cells=cells))
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


def _ocr_slashes(top: list[Cand], pool: list[Cand]) -> list[Cand]:
    """A minute number whose slash text recognition read as a 1 ("52125" for 52/25, "64125"
    for 64/25) is the run's missing step when its digits are exactly that step's digits with
    a 1 for the slash: between two chosen minutes, or after the last."""
    if top[0].key is None or top[0].scheme != "d/d":
        return top
    digits = [c for c in pool if c.number and re.fullmatch(r"\d{4,8}", c.number.strip())]
    if not digits:
        return top
    out = [top[0]]
    for a, b in zip(top, [*top[1:], None]):
        cur = a
        while b is None or not _consecutive(cur.key, b.key):
            want = _next_number(cur)
            hi = b.idx if b is not None else 10**9
            c = next((c for c in digits if cur.idx < c.idx < hi and want and c.number.strip() == want.replace("/", "1")), None)
            if c is None:
                break
            cur = replace(c, scheme=a.scheme, key=number_key(want))
            out.append(cur)
        if b is not None:
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
                    or title_score(t) < 1.0 or _reference(t)):
                heads = []
                break
            heads.append(Cand(j, j, None, t, "bullet", None, title_score(t), "bullet", blocks[j].indent))
        if heads:
            found[p.idx] = heads
    if sum(len(v) for v in found.values()) < 2:
        return kids
    return {**kids, **found}


_LETTER_SCHEME = re.compile(r"\(?(?:a|A|r)\)?")


def _runin_paragraphs(kids: dict[int, list[Cand]], blocks: list[Block]) -> dict[int, list[Cand]]:
    """Lettered paragraphs that run their text on after a short title ("a) Farm Tenancy
    Agreement – CC noted that ...") split an item's minutes into topics; they are its text, not
    agenda sub-items, which stand as titles of their own ("a. Training panel", the text below).
    When most of the lettered sub-items in the document run on like that (ten words or more
    after the title, in the same paragraph), none of them is an item."""
    letters = [c for v in kids.values() for c in v if c.key is not None and _LETTER_SCHEME.fullmatch(c.scheme)
               and blocks[c.idx].kind in ("para", "list_item") and not c.offset]
    if len(letters) < 3:
        return kids
    runs_on = sum(len(_head_rest(c, blocks).split()) >= 10 for c in letters)
    if runs_on < 2 / 3 * len(letters):
        return kids
    gone = {id(c) for c in letters}
    return {p: [c for c in v if id(c) not in gone] for p, v in kids.items() if any(id(c) not in gone for c in v)}


def _reference(t: str) -> bool:
    """A title that is mostly a reference code ("E/40480", "E/40544 and E/405346"): a planning
    application or file number heading its record, not an agenda heading."""
    chars = [ch for ch in t if not ch.isspace()]
    return sum(ch.isalpha() for ch in chars) < 0.5 * len(chars)


# An entry that ends with a sum of money: "Zurich Municipal, Council Insurance, Chq No 1369 £277.10".
_ENDS_WITH_SUM = re.compile(r"[£$€]\s?\d[\d,]*(?:\.\d\d)?\s*$")


def _payment_lists(kids: dict[int, list[Cand]], blocks: list[Block]) -> dict[int, list[Cand]]:
    """A numbered list whose entries end with sums of money is a schedule of payments (or
    receipts) approved under an item, not its sub-items: "1. C.C.C., footway lighting ...,
    Chq No 1361 £4,400.64". Most of one parent's sub-items ending in a sum decides it."""
    out = {}
    for p, v in kids.items():
        sums = sum(bool(_ENDS_WITH_SUM.search(blocks[c.idx].text.strip())) for c in v)
        if not (len(v) >= 2 and sums >= 2 / 3 * len(v)):
            out[p] = v
    return out


def _reparent(top: list[Cand], kids: dict[int, list[Cand]]) -> dict[int, list[Cand]]:
    """Sub-items belong to the nearest item above them. The second level is chosen before the
    numbered run is completed (a repeated "9. ANY OTHER BUSINESS", a missing step filled in),
    so an item added to the run takes the sub-items that follow it from the item before."""
    if not kids:
        return kids
    starts = [c.idx for c in top]
    heads = {_pos(c) for c in top}  # a sub-item the run took in (a number read again) is no longer one
    out: dict[int, list[Cand]] = {}
    for c in sorted((c for v in kids.values() for c in v if _pos(c) not in heads), key=lambda c: c.idx):
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
