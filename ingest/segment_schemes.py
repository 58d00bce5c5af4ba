"""Choosing the agenda's top level and second level among the candidate schemes by evidence.

Split out of `ingest/segment.py`: `SegmentParams` (the cross-validated knobs), the best
increasing run of a scheme, the top-level options, the second level, and the structural
checks on a chosen run (a run enclosed by another, a lone item).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import product

from .blocks import Block
from .segment_numbers import _consecutive, _is_first
from .segment_candidates import Cand


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
            if len(run) == 2 and not _is_first(run[0].key) and not _near(run[0].key, run[1].key):
                # two numbers that neither start the count nor come within a missing step of each
                # other ("B. McGrath", "R. McNally" in a list of officials) are a coincidence
                continue
            if len(run) >= 2 or (len(group) == 1 and run[0].style == "alone" and _is_first(run[0].key)):
                # a document with one item may still print it "1." on a line of its own, the
                # title under it: that layout is evidence enough on its own
                opts.append((score, run))
        else:
            if len(group) >= 2:
                opts.append((sum(c.weight for c in group) * params.typo_weight, group))
    colon = next((top for _s, top in opts if top[0].scheme == "colon"), None)
    if colon and any(top[0].key is not None and len(top) >= 3 and not _inside_one(top, colon) for _s, top in opts):
        # plain lines ending in a colon are the weakest heading evidence (reports and forms are
        # full of "Releases:", "Proposal:"): the agenda's headings only where nothing else is
        # numbered, bar a numbered list inside one of them
        opts = [(sc, top) for sc, top in opts if top[0].scheme != "colon"]
    return _heading_tree_order(opts)


def _near(a: tuple, b: tuple) -> bool:
    """b follows a, or follows it with one step missing (51/25, 53/25: 52/25 was misprinted)."""
    if _consecutive(a, b):
        return True
    diff = [(x, y) for x, y in zip(a, b) if x != y] if len(a) == len(b) else []
    return len(diff) == 1 and all(isinstance(v, int) for v in diff[0]) and 0 < diff[0][1] - diff[0][0] <= 2


def _inside_one(run: list[Cand], heads: list[Cand]) -> bool:
    """The run lies wholly under one of the headings (between it and the next)."""
    idxs = [c.idx for c in heads]
    k = bisect_left(idxs, run[0].idx)
    return k > 0 and bisect_left(idxs, run[-1].idx) == k


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


def _lone_item(every: list[Cand], blocks: list[Block]) -> list[tuple[Cand, int, Cand | None]]:
    """A document whose whole business is one numbered item ("1.0 I am calling on the Council
    to ..." at a special meeting on one motion): when nothing else reads as an agenda, the only
    printed first number ("1", "1.0") starting a line after a blank line heads the item, however
    long its title (a motion's text is its title)."""
    firsts = [c for c in every if c.key is not None and c.style in ("inline", "alone") and not c.offset
              and c.key in ((1,), (1, 0)) and c.idx > 0 and not blocks[c.idx - 1].text.strip()]
    numbered = [c for c in every if c.key is not None]
    if len(firsts) != 1 or len(numbered) != 1:
        return []
    return [(firsts[0], 1, None)]


def _outline(inner: list[Cand], pool: list[Cand]) -> list[Cand]:
    """Outline numbers of one section read as one hierarchy: where the enclosed run is
    "2.1.2" ... "2.1.9", the "2.2", "2.2.1", "2.3" beside it are its siblings and children, in
    outline order. Only dotted numbers under the same first number, counting up through the
    document, join."""
    ref = next((c for c in inner if c.key is not None and re.fullmatch(r"d(?:\.d)+", c.scheme)), None)
    if ref is None:
        return inner
    head = ref.key[0]
    family = [c for c in pool if c.key is not None and len(c.key) >= 2 and c.key[0] == head
              and re.fullmatch(r"d(?:\.d)+", c.scheme)]
    have = {c.idx for c in inner}
    merged = sorted(inner + [c for c in family if c.idx not in have], key=lambda c: c.idx)
    out: list[Cand] = []
    last: tuple[int, ...] | None = None  # the last outline number kept
    for c in merged:
        outline = c.key is not None and re.fullmatch(r"d(?:\.d)+", c.scheme) and c.key[0] == head
        if c.idx in have or (outline and (last is None or c.key > last)):
            out.append(c)
            if outline:
                last = c.key
    return out


def _enclosing_run(top: list[Cand], kids: dict[int, list[Cand]], rest: list[Cand],
                   pool: list[Cand], cands: list[Cand]):
    """A numbered run that lies wholly inside one item of another run is that item's sub-level,
    however many members it has: "2.1.2" ... "2.1.9" (a report's sections) between
    "21.07.2025.02" and "21.07.2025.03" (the meeting's own item numbers, built from its date).
    The enclosing run must count from its first number in unbroken steps (three or more
    members), so it is a run of items, not a stray list; the chosen run and its sub-items
    become the sub-items of the enclosing item."""
    if top[0].key is None:
        return top, kids, rest
    first, last = top[0].idx, max([top[-1].idx] + [c.idx for v in kids.values() for c in v])
    # a member titled by a sentence ("... held on 23 May 2025.") counts here: the unbroken
    # count and the enclosing are the evidence
    runs = [_best_run(group)[0] for scheme, group in _schemes(pool).items() if group[0].key is not None]
    for run in runs:
        if (not run or run[0].scheme == top[0].scheme or len(run) < 3 or not _is_first(run[0].key)
                or not all(_consecutive(a.key, b.key) for a, b in zip(run, run[1:]))):
            continue
        k = bisect_left([c.idx for c in run], first) - 1
        if k < 0 or k + 1 >= len(run) or not run[k].idx < first or not last < run[k + 1].idx:
            continue
        inner = sorted(top + [c for v in kids.values() for c in v], key=lambda c: c.idx)
        inner = _outline(inner, [c for c in cands if run[k].idx < c.idx < run[k + 1].idx])
        ids = {c.idx for c in run}
        return run, {run[k].idx: inner}, [c for c in cands if c.idx not in ids and c.idx > run[0].idx]
    return top, kids, rest
