"""Elections to an office (chair, mayor, Cathaoirleach): nominations, a vote, a declaration.

Minutes record an election in three steps, whatever the country:

1. nominations, each with a proposer and a seconder: "1. Cllr. M. Corrigan was proposed by Cllr.
   S. Bourke and seconded by Cllr. L. Scott.", "It was proposed by Councillor J. Guerin, seconded
   by Councillor J. Newman: “That Councillor Tony Murphy be elected Mayor.”";
2. a vote between the candidates: "by a margin of 22 votes for Cllr. M. Corrigan and 10 votes for
   Cllr. J. Snell", or one line per candidate ("Councillor Murphy: 21 TWENTY-ONE / Councillor
   Hopkins: 13 THIRTEEN / Abstain: 1 ONE");
3. the result: "Following a roll call Cllr. M. Corrigan was elected as Cathaoirleach",
   "The Mayor then DECLARED Councillor Tony Murphy elected Mayor."

The decision is the result. Its mover and seconder are those of the nomination that named the
person elected (not the last nomination read), its tally the votes for that person against the
votes for the others. A nomination is not a decision of its own (a losing one decided nothing);
one that records its own outcome ("... seconded by Cllr. Z and agreed by all present") is.
"""
from __future__ import annotations

import re

from .decision_names import _name, clean_name, same_member
from .model import Vote

_AGREED = re.compile(r"(?i)\b(?:agreed|carried|approved|resolved|adopted)\b")
# the nominee named by a nomination, in the three common wordings
_NOMINEE = [
    re.compile(rf"^\W*(?:\(?\d{{1,2}}[.)]\s+)?{_name('who')}\s+(?i:was|were)\s+(?i:(?:duly\s+)?(?:proposed|nominated))\s+(?i:by)\b"),
    re.compile(rf"(?i:\bthat)\s+{_name('who')}\s+(?i:be)\s+(?i:(?:re-?)?elected|appointed)\b"),
    re.compile(rf"(?i:\b(?:proposed|nominated))\s+{_name('who')}\s+(?i:for|as)\b"),
]
_ELECTED = [
    re.compile(rf"(?i:\bdeclared)\s+{_name('who')}\s+(?:(?i:to\s+be|as|duly|elected)\b)"),
    re.compile(rf"{_name('who')}\s+(?i:was|were)\s+(?i:(?:declared\s+)?(?:duly\s+|unanimously\s+)?(?:re-?)?elected)\b"),
]
_MARGIN = re.compile(r"(?i)\bby\s+a\s+margin\s+of\s+(\d+)\s+votes?\s+for\s+(.{3,60}?)\s+and\s+(\d+)\s+votes?\s+for\b")
_CANDIDATE_LINE = re.compile(r"(?m)^[ \t]*(?P<who>(?:Cllrs?\.?|Councill?or|Councilmember|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)?[ \t]*"
                             r"[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){0,2})[ \t]*:[ \t]*(?P<n>\d{1,3})\b")
_ABSTAIN_LINE = re.compile(r"(?im)^[ \t]*abstain\w*[ \t]*:[ \t]*(\d{1,3})\b")


def nominee(text: str) -> str | None:
    """The person a nomination puts forward, or None when `text` is not a nomination."""
    flat = re.sub(r"\s+", " ", text)
    if not re.search(r"(?i)\b(?:proposed|nominated|nomination)\b", flat):
        return None
    for pat in _NOMINEE:
        m = pat.search(flat)
        if m:
            return clean_name(m.group("who"))
    return None


def elected(text: str) -> str | None:
    """The person an election result names as elected."""
    flat = re.sub(r"\s+", " ", text)
    for pat in _ELECTED:
        m = pat.search(flat)
        if m:
            return clean_name(m.group("who"))
    return None


def election_vote(region: str, winner: str, candidates: list[str]) -> Vote | None:
    """The tally of an election read from the text between the nominations and the result."""
    flat = re.sub(r"\s+", " ", region)
    m = _MARGIN.search(flat)
    if m:
        return Vote(for_=int(m.group(1)), against=int(m.group(3)), abstain=0)
    counts = [(clean_name(c.group("who")), int(c.group("n"))) for c in _CANDIDATE_LINE.finditer(region)]
    counts = [(w, n) for w, n in counts if w and any(same_member(w, c) for c in candidates)]
    mine = [n for w, n in counts if same_member(w, winner)]
    if not mine:
        return None
    others = [n for w, n in counts if not same_member(w, winner)]
    ab = _ABSTAIN_LINE.search(region)
    return Vote(for_=mine[0], against=sum(others), abstain=int(ab.group(1)) if ab else 0)


def fold_elections(text: str, found: list[dict]) -> list[dict]:
    """Decisions of one text with each election's nominations folded into its result."""
    out: list[dict] = []
    pending: list[tuple[dict, str]] = []  # nominations (without an outcome of their own) awaiting a result
    for d in found:
        tagged = " ".join(s.text for s in d["sents"] if s.tags)
        who = elected(tagged)
        name = nominee(tagged) if who is None or re.search(r"(?i)\b(?:proposed|nominated)\b", tagged) else None
        own_outcome = bool(_AGREED.search(re.sub(r"(?i)\bbe\s+elected\b", " ", tagged)))
        if who is not None and pending:
            cands = [n for _, n in pending] + ([name] if name else [])
            winner = next(((nd, n) for nd, n in pending if same_member(n, who)), None)
            if winner is None and name and same_member(name, who):
                winner = (d, name)
            if winner is not None:
                nd = winner[0]
                if nd is not d:
                    d["mover"], d["seconder"] = nd["mover"], nd["seconder"]
                    _trim_to_result(text, d)
                if d["vote"] is None or d["vote"].for_ is None:
                    start = min(x["start"] for x, _ in pending)
                    vote = election_vote(text[start:d["end"]], who, cands)
                    if vote is not None:
                        d["vote"] = vote
                        if "vote tally" not in d["inferred"]:
                            d["inferred"].append("vote tally")
                pending = []
                out.append(d)
                continue
        if name and who is None and not own_outcome:
            pending.append((d, name))  # a nomination: kept aside until its election's result
            continue
        out.extend(x for x, _ in pending)  # nominations no result followed stay as they were
        pending = []
        out.append(d)
    out.extend(x for x, _ in pending)
    return out


def _trim_to_result(text: str, d: dict) -> None:
    """A result grouped with the nomination before it ("2. Cllr. J. Snell was proposed by ... /
    Following a roll call Cllr. M. Corrigan was elected ..."): the decision starts at the result."""
    for k, s in enumerate(d["sents"]):
        if elected(s.text) and k > 0:
            d["sents"] = d["sents"][k:]
            d["start"] = s.start
            d["text"] = text[s.start:d["end"]].strip()
            return
