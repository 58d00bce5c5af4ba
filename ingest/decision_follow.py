"""What the lines right after a decision add to it.

A decision's sentence is not always all of it. Two recurring shapes carry on past its end:
- a decision announcing a list ("Proposed dates for meetings in 2025 were agreed as follows:")
  or a resolution set out below it ("... advised that the following resolution is approved by
  the members;") is what the lines under it say: the lines (to the end of their block, one blank
  line allowed before it) are its text; a vote announced "as follows:" is not this shape (its
  tally or roll call follows, which the vote readers take), nor are lines without words;
- a committee's decision is often followed by the onward step it sets in motion, said of the
  same thing ("... proposed the adoption of the plan. This was seconded by Y. The plan will now
  be brought to the full council for final approval."): that sentence belongs to the decision
  (what the committee decided is a recommendation up), though it does not change its outcome.

Both only extend a decision's text over the lines or sentence that follow it directly and that
no other decision holds; the outcome, mover and seconder stay as read from the decision itself.

Two more shapes say something about a decision already recorded, and are not decisions of their
own: a proposal line pointing back ("The resolution as presented was proposed by X and seconded
by Y.") gives the resolution before it its mover, seconder and vote; a certified copy appended
after the signature ("CERTIFIED RESOLUTION OF THE Council as proposed ..., seconded by ...")
restates a decision with the same mover or seconder and is dropped.
"""
from __future__ import annotations

import re

# the announcing sentence: "... were agreed as follows:", "... advised that the following resolution
# is approved by the members;" (the closing colon or semicolon hands over to what follows)
_AS_FOLLOWS = re.compile(r"(?i)\b(?:as\s+follows|the\s+following)\s*[:\-–]?\s*$"
                         r"|\bthe\s+following\s+(?:resolutions?|motions?|recommendations?|proposals?|dates?)\b[^.]{0,120}[:;]\s*$")
# a vote announced "as follows:" hands over to its tally or roll call, which the vote readers take
_VOTE_WORDS = re.compile(r"(?i)\b(?:votes?|voting|voted|results?|poll|ballot|division|roll[\s-]call|tally|count)\b")
_LISTED_LINE = re.compile(r"^[ \t]*\S.{0,160}$")
# "The plan will now be brought to the full council for final approval.", "This will be referred
# to Cabinet.", "The recommendation will go forward to the Board."
_ONWARD = re.compile(
    r"(?i)^(?:The|This|These|That|It|Both)\b(?:\s+[\w\-’']+){0,4}?\s+(?:will|shall|is\s+to|are\s+to|would)\s+(?:now\s+|then\s+|next\s+)?"
    r"(?:be\s+(?:brought|referred|forwarded|sent|submitted|presented|put|passed|recommended|reported|taken)|go\s+(?:forward|back)|proceed)"
    r"\s+(?:\w+\s+){0,2}?(?:to|before)\s+(?:the\s+|a\s+|its\s+)?(?:(?:full|next|plenary|main|parent|special|monthly|annual|general)\s+)*"
    r"(?:council|board|cabinet|committee|meeting|members|executive|assembly|department|minister|plenary|municipal\s+district|"
    r"general\s+meeting|AGM|membership|trustees|directors|commission)\b")


def _free(found: list[dict], d: dict, start: int, end: int) -> bool:
    return not any(o is not d and o["start"] < end and o["end"] > start for o in found)


def extend_following(text: str, sents: list, found: list[dict]) -> list[dict]:
    """`found` with each decision's text carried over the list it announces or the onward step
    that follows it (see the module docstring)."""
    for d in found:
        tail = text[d["start"]:d["end"]]
        last = re.split(r"(?<=[.!?])\s+", tail.strip())[-1]
        if _AS_FOLLOWS.search(tail) and not _VOTE_WORDS.search(last):
            pos, end = d["end"], d["end"]
            rest = text[pos:]
            nl = rest.find("\n")
            if nl >= 0 and not rest[:nl].strip():
                lines = rest[nl + 1:].split("\n")
                offset = pos + nl + 1
                if lines and not lines[0].strip():
                    offset += len(lines[0]) + 1  # one blank line may stand between (a paragraph announced)
                    lines = lines[1:]
                taken = 0
                for line in lines[:12]:
                    if not line.strip() or not _LISTED_LINE.match(line) or not re.search(r"[A-Za-z]{3,}", line):
                        break
                    end = offset + len(line.rstrip())
                    offset += len(line) + 1
                    taken += 1
                if taken and _free(found, d, d["end"], end):
                    d["end"] = end
                    d["text"] = text[d["start"]:end].strip()
            continue
        nxt = next((s for s in sents if s.start >= d["end"]), None)
        if nxt is None or not _ONWARD.match(nxt.text) or text[d["end"]:nxt.start].count("\n") > 1:
            continue
        if _free(found, d, nxt.start, nxt.end):
            d["end"] = nxt.end
            d["text"] = text[d["start"]:nxt.end].strip()
    return found


# "The resolution as presented was proposed by X and seconded by Y.": the proposal of a resolution
# recorded earlier in the item (quoted, or announced and set out), not a decision of its own.
_PROPOSAL_OF_EARLIER = re.compile(
    r"(?i)^\W*(?:the|this|that|said)\s+(?P<noun>resolution|motion|recommendation|proposal)\s+"
    r"(?:(?:as\s+)?(?:presented|read|circulated|amended|printed|set\s+out|outlined|above)\s+)?(?:was|is)\s+(?:then\s+|duly\s+)?(?:proposed|moved)\b")


def join_proposals(found: list[dict]) -> list[dict]:
    """`found` with each "The resolution as presented was proposed by X ..." folded into the
    decision right before it that holds that resolution and names no mover: that decision gains
    the mover, seconder (and vote) and the proposal is not counted twice."""
    out: list[dict] = []
    for d in found:
        first = next((s for s in d.get("sents", []) if s.tags), None)
        m = _PROPOSAL_OF_EARLIER.match(first.text) if first is not None else None
        prev = out[-1] if out else None
        if m and prev is not None and prev["mover"] is None and d["mover"] \
                and re.search(rf"(?i)\b{m.group('noun')}\b", prev["text"]):
            prev["mover"], prev["seconder"] = d["mover"], d["seconder"]
            if prev["vote"] is None and d["vote"] is not None:
                prev["vote"] = d["vote"]
                prev["inferred"] += [x for x in d["inferred"] if x == "vote tally" and x not in prev["inferred"]]
            continue
        out.append(d)
    return out


# A certified copy of a resolution appended to the minutes ("CERTIFIED RESOLUTION OF THE Council
# as proposed Cllr. X, seconded by Cllr. Y", "Certified true copy of the resolution ..."):
# it restates a decision the minutes record, it is not another one (a signature line may stand
# above it in the same block).
_CERTIFIED = re.compile(r"(?im)^[\W_]*(?:certified\s+(?:(?:as\s+)?(?:a\s+)?true\s+)?(?:copy|extract|resolution)|i\s+(?:hereby\s+)?certify)\b")


def drop_certified_copies(founds: list[list[dict]]) -> None:
    """Removes (in place, across a meeting's texts in order) each certified copy whose mover or
    seconder is an earlier decision's."""
    from .decision_names import same_member
    earlier: list[dict] = []
    for found in founds:
        keep = []
        for d in found:
            if _CERTIFIED.search(d["text"]) and any(
                    (d["mover"] and same_member(d["mover"], e["mover"] or "")) or
                    (d["seconder"] and same_member(d["seconder"], e["seconder"] or "")) for e in earlier):
                continue
            keep.append(d)
            earlier.append(d)
        found[:] = keep
