"""Agenda items decided together: a consent agenda (or calendar, or report) approved by one
motion, whose listed recommendations each become a decision with that motion's mover, seconder,
vote and outcome, including a consent list printed before its one results block.

Runs after each text's own decisions are found (`ingest.decisions.extract_texts`), over the
meeting's texts in order, since the list may continue into the next agenda item.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .decisions import Sentence


def _decisions():
    """The extractor module (imported when first needed: it imports this one)."""
    from . import decisions
    return decisions


# A motion that approves several agenda items in one vote ("approve Consent Calendar Item Nos.
# 5 through 17", "items A-D on the Unanimous Consent Agenda", "the balance of the ... Consent
# Report as identified below"): each item's recommendation that follows is a decision too.
_CONSENT = re.compile(r"(?i)\bconsent\s+(?:agenda|calendar|report|items?)\b|\bbalance\s+of\s+the\b[^.]{0,120}\b(?:report|agenda|items)\b")
_RANGE = re.compile(r"(?i)\bitems?\s+(?:nos?\.?\s*)?([A-Z]|\d{1,3})\s*(?:-|–|through|thru|to)\s*([A-Z]|\d{1,3})\b")
_RECOMMENDATION = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:Recommended\s+Action\s*:|Recommendation\s*:|For\s+the\s+(?:[A-Z]\w*\s+){1,4}(?:of\s+(?:[A-Z]\w*\s+){1,3})?to\s+[a-z]|"
    r"RESOLUTION\s+NO\b|[\"“]?That\s)")
_CONSENT_END = re.compile(r"(?i)\bend\s+of\s+(?:the\s+)?consent\b")
# "items G-1 through G-8": agenda codes of one section, counted by their numbers
_CODE_RANGE = re.compile(r"(?i)\bitems?\s+(?:nos?\.?\s*)?([A-Z])[-.]?(\d{1,3})\s*(?:-|–|through|thru|to)\s*([A-Z])[-.]?(\d{1,3})\b")
# An entry of a counted consent list that carries no motion of its own: a verbless approval
# ("Acceptance of gift to ...", "Approval to dispose of ...") or a title closed by its outcome
# ("Warrants and payroll – approved as submitted.").
_CONSENT_ENTRY = re.compile(
    r"(?m)^(?:(?:Approval|Acceptance|Adoption|Ratification|Authori[sz]ation|Award|Receipt)\s+(?:of|to|for)\s"
    r"|[^\n]*\s[–—-]\s*(?:approved|adopted|accepted|ratified|received)(?:\s+as\s+\w+)?\s*\.?[ \t]*$)")


def _range_size(text: str) -> int | None:
    cm = _CODE_RANGE.search(text)
    if cm and cm.group(1).upper() == cm.group(3).upper() and 1 < int(cm.group(4)) - int(cm.group(2)) + 1 <= 60:
        return int(cm.group(4)) - int(cm.group(2)) + 1
    m = _RANGE.search(text)
    if not m:
        return None
    a, b = m.group(1), m.group(2)
    if a.isdigit() and b.isdigit():
        n = int(b) - int(a) + 1
    elif a.isalpha() and b.isalpha():
        n = ord(b.upper()) - ord(a.upper()) + 1
    else:
        return None
    if not 1 < n <= 60:
        return None
    excepted = len(re.findall(r"(?i)\bexcept(?:ion)?\b[^.]{0,40}?\bitem", text))
    return n - excepted


_LINE_START = re.compile(r"(?m)^[ \t]*(?=\S)")


def _from_line_matching(text: str, s: Sentence, pattern: re.Pattern) -> Sentence | None:
    """The part of `s` from the line where `pattern` matches to its end: a recommendation may run
    on from the title line it follows ("1. Minutes of June 10\nAdopt the minutes ...")."""
    for lm in _LINE_START.finditer(text, s.start, s.end):
        at = lm.end()
        if at < s.start or (at == s.start and not s.line_start):
            continue
        if pattern.match(text[at:s.end]):
            if at == s.start:
                return s
            return _decisions().Sentence(at, s.end, re.sub(r"\s+", " ", text[at:s.end]).strip(), s.para, True)
    return None


def _consent_pass(segs: list[tuple[str, list[Sentence], list[dict]]]) -> None:
    stream = []  # (seg index, sentence, decision containing it or None), in document order
    for si, (_, sents, found) in enumerate(segs):
        owner = {id(x): d for d in found for x in d["sents"]}
        stream += [(si, x, owner.get(id(x))) for x in sents]
    for k, (si, sent, dec) in enumerate(stream):
        if dec is None or sent is not dec["sents"][0] or not _CONSENT.search(dec["text"]):
            continue
        if not (dec["mover"] or dec["vote"] or re.search(r"(?i)\bmoved|\bmotion", dec["text"])):
            continue
        limit = _range_size(dec["text"])

        def entry(t: str) -> bool:  # a counted list's entries may be verbless
            return bool(_RECOMMENDATION.match(t) or (limit is not None and _CONSENT_ENTRY.search(t)))
        block: list[dict] = []
        seen = {id(dec)}
        for si2, s2, d2 in stream[k + len(dec["sents"]):k + len(dec["sents"]) + 400]:
            if _CONSENT_END.search(s2.text):
                break
            if d2 is not None and id(d2) in seen:
                continue
            if d2 is not None:
                seen.add(id(d2))
                if d2["mover"] and not _RECOMMENDATION.match(d2["text"]):
                    if limit is None:
                        break
                    continue  # an item pulled from the consent list and moved on its own
                if entry(d2["text"]):
                    block.append(d2)
                elif d2["vote"] is not None and block and not d2["mover"]:
                    block.append(d2)  # the vote recorded after the list of items
                    break
            elif (sub := _from_line_matching(segs[si2][0], s2, _RECOMMENDATION)
                   or (_from_line_matching(segs[si2][0], s2, _CONSENT_ENTRY) if limit is not None else None)) is not None:
                text = segs[si2][0]
                new = _decisions()._decision(text, [sub])
                if new:
                    segs[si2][2].append(new)
                    segs[si2][2].sort(key=lambda d: d["start"])
                    block.append(new)
                    seen.add(id(new))
            if limit is not None and len([b for b in block if entry(b["text"])]) >= limit:
                break
        if not block:
            continue
        vote = dec["vote"] or next((b["vote"] for b in reversed(block) if b["vote"] is not None), None)
        if dec["vote"] is None and vote is not None:
            dec["vote"] = vote
            dec["inferred"].append("vote")
        for b in block:
            for f in ("mover", "seconder"):
                if not b[f] and dec[f]:
                    b[f] = dec[f]
                    b["inferred"].append(f)
            if b["vote"] is None and vote is not None:
                b["vote"] = vote
                b["inferred"].append("vote")
            # what the list's motion did (adopted the report, approved the agenda) is what
            # happened to each recommendation on it, unless the entry records its own fate
            own_fate = b["outcome"] in ("lost", "withdrawn", "deferred", "referred", "refused")
            if dec["outcome"] in ("adopted", "approved") and not own_fate and b["outcome"] != dec["outcome"]:
                b["outcome"] = dec["outcome"]
                b["inferred"].append("outcome")
            elif b["outcome"] == "other":
                b["outcome"] = "approved"
                b["inferred"].append("outcome")


# A consent list printed before its one results block ("APPROVAL OF CONSENT CALENDAR / 1. Minutes /
# Adopt the minutes of ... / 2. Meeting Calendar / Approve the proposed schedule ... / RESULT: APPROVED
# MOTION BY: X SECOND: Y AYES: ..."): each recommendation is a decision the block's vote made.
_IMPERATIVE = re.compile(r"^(?:Adopt|Approve|Authori[sz]e|Accept|Receive|Award|Ratify|Waive|Direct|Confirm|Appoint|Reject|Deny)\s+(?:the\s+|a\s+|an\s+)?\S")
_RESULT_LABEL = re.compile(r"(?i)^result\s*:")


def _list_then_result_pass(segs: list[tuple[str, list[Sentence], list[dict]]], reach: int = 40) -> None:
    stream = []
    for si, (_, sents, found) in enumerate(segs):
        owner = {id(x): d for d in found for x in d["sents"]}
        stream += [(si, x, owner.get(id(x))) for x in sents]
    for k, (si, sent, dec) in enumerate(stream):
        if dec is None or not _RESULT_LABEL.match(sent.text) or not (dec["mover"] or dec["vote"]):
            continue
        own_ctx = [x for x in dec["sents"] if x is not sent and not x.tags and x.start < sent.start]
        if dec["sents"].index(sent) != len(own_ctx):
            continue  # the block is not where this decision's own record starts
        recs: list[tuple[int, Sentence]] = []
        consent = False
        for si2, s2, d2 in reversed(stream[max(0, k - reach):k]):
            if d2 is not None and d2 is not dec:
                break
            if _CONSENT.search(s2.text):
                consent = True
                break
            sub = _from_line_matching(segs[si2][0], s2, _IMPERATIVE)
            if sub is not None:
                recs.insert(0, (si2, sub))
        if not consent or len(recs) < 2:
            continue
        text = segs[si][0]
        dec["sents"] = dec["sents"][len(own_ctx):]
        dec["start"] = sent.start
        dec["text"] = text[sent.start:dec["end"]].strip()
        for si2, r in recs:
            new = _decisions()._decision(segs[si2][0], [r])
            if not new:
                continue
            new["outcome"] = dec["outcome"]
            for f in ("mover", "seconder", "vote"):
                new[f] = dec[f]
            new["inferred"] = ["outcome", "mover", "seconder", "vote"]
            segs[si2][2].append(new)
            segs[si2][2].sort(key=lambda d: d["start"])
