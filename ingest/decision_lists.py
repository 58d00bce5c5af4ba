"""Decisions recorded as a list under a heading that says what the entries are.

Many minutes (annual general meetings of associations, clubs, small boards) print the
meeting's decisions as a numbered or bulleted list under a heading such as "Resolutions",
"Decisions", "Motions passed" or "Resolutions adopted". The heading is what makes each entry
a decision: the entry itself may read like a plain statement ("Received and accepted the
report for 2022.", "With one nomination X was declared president."), which the sentence
tagger alone does not take for one. Such lists often close each entry with the mover's and
seconder's names or initials ("... be accepted. MM, DEC."), first the mover: where an entry
ends in such a pair after its last full stop, the pair is read as mover and seconder.

Only the shape is read (a decisions heading, list markers, a trailing name pair), never a
body's name or wording.
"""
from __future__ import annotations

import re

from .decision_names import clean_name
from .decision_outcome import outcome_of

# A heading line that names the list below as the meeting's decisions (Markdown '#'s, bold
# and a closing colon allowed): "Resolutions", "#### Resolutions", "**Decisions made:**",
# "Motions carried". A bare "Motions" heads motions put, not necessarily decided: not enough.
_HEADING = re.compile(
    r"(?im)^[ \t]*(?:#{1,6}[ \t]*)?[*_]{0,2}(?:(?:resolutions?|decisions?)"
    r"(?:[ \t]+(?:passed|adopted|carried|made|taken|agreed|of\s+the\s+meeting))?|motions?[ \t]+(?:passed|adopted|carried|agreed))"
    r"[*_]{0,2}[ \t]*:?[*_]{0,2}[ \t]*$")
# One list entry on its own line: "1. ...", "2) ...", "- ...", "* ...", "• ...".
_ENTRY = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-*•·])[ \t]+(?=\S)")
# A name as such lists print it: initials ("MM", "DEC"), a first name ("Dawn"), or a titled or
# two-word name ("Cr Smith", "Jane Doe").
_WHO = r"(?:(?:Cllr|Cr|Councill?or|Mr|Mrs|Ms|Dr)\.?[ \t]+)?(?:[A-Z]{2,4}|[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+)?)"
# The pair closing an entry after its last sentence: "... were accepted. AS, Dawn."
_TRAILING_PAIR = re.compile(rf"(?<=[.!?])[ \t]+(?P<mover>{_WHO})[ \t]*[,/&][ \t]*(?P<seconder>{_WHO})[ \t]*\.?[ \t]*$")


def _entries(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each list entry's body (after its marker) from `start`, until the list
    ends at a line that is neither an entry, a blank, nor the wrapped end of an entry."""
    out: list[tuple[int, int]] = []
    pos, after_entry = start, False
    for line in text[start:].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        m = _ENTRY.match(body)
        if m:
            out.append((pos + m.end(), pos + len(body.rstrip())))
            after_entry = True
        elif not body.strip():
            after_entry = False
        elif after_entry and text[out[-1][1] - 1] not in ".!?":
            out[-1] = (out[-1][0], pos + len(body.rstrip()))  # an entry wrapped onto the next line
        else:
            break
        pos += len(line)
    return out


_OUTCOME_WORD = re.compile(r"(?i)\b(?:carried|lost|failed|defeated|approved|adopted|agreed|noted|deferred|referred|refused|"
                           r"granted|withdrawn|rejected|passed|accepted|confirmed|denied|elected|declared)\b")


def heading_list_decisions(text: str, sents: list, found: list[dict]) -> list[dict]:
    """`found` with the entries of every decisions-headed list as decisions: an entry the tagger
    already found keeps its reading and gains the trailing mover/seconder pair; any other entry
    is added, its outcome read from its own words (`sents`: the text's sentences, so that an
    added decision carries its own as the tagged ones do)."""
    added: list[dict] = []
    for h in _HEADING.finditer(text):
        for start, end in _entries(text, h.end()):
            pair = _TRAILING_PAIR.search(text, start, end)
            mover = clean_name(pair.group("mover")) if pair else None
            seconder = clean_name(pair.group("seconder")) if pair else None
            if pair:
                end = pair.start()
            body = text[start:end].strip()
            own = [s for s in sents if s.start < end and s.end > start]
            if not re.search(r"[A-Za-z]{3,}", body) or not own:
                continue
            hit = [d for d in found if d["start"] < end and d["end"] > start]
            for d in hit:
                d["mover"] = d["mover"] or mover
                d["seconder"] = d["seconder"] or seconder
                if d["start"] >= start and pair and d["end"] > end:
                    d["text"] = text[d["start"]:end].strip()  # the pair names who moved; it is not what was decided
                    d["end"] = end
            if hit:
                continue
            outcome = outcome_of(body)
            added.append({"text": body, "start": start, "end": end, "outcome": outcome, "mover": mover,
                          "seconder": seconder, "vote": None,
                          "inferred": [] if _OUTCOME_WORD.search(body) else ["outcome"], "sents": own})
    if not added:
        return found
    return sorted(found + added, key=lambda d: d["start"])
