"""Members' names as minutes print them: the pattern that captures one, and how two printed
names are compared ("Cllr. P. Harries" = "P Harries").

Shared by the decision extractor (movers, seconders) and the vote reader (roll calls); kept
apart so both read names the same way.
"""
from __future__ import annotations

import re
import unicodedata

# Titles a member's name may carry in minutes; stripped when names are compared.
TITLE_WORDS = (
    r"Cllrs?|Crs?|Councill?ors?|Councilmembers?|Council\s+Members?|Board\s+[Mm]embers?|Members?|Directors?|Trustees?|"
    r"Commissioners?|Aldermen|Alderman|Alderperson|Supervisor|Selectman|Selectwoman|Mayor\s+Pro\s+Te[mr]n?|Mayor|"
    r"Deputy\s+Mayor|Vice[-\s]Chair(?:man|person|woman)?|Chair(?:man|person|woman)?|Cathaoirleach|Leas-Chathaoirleach|"
    r"President|Vice[-\s]President|Treasurer|Secretary|Clerk|Sir|Dame|Lord|Lady|Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Rev|Hon|Judge"
)
_TITLE = rf"(?:(?:{TITLE_WORDS})\.?\s+)"
# Words that start sentences or name bodies, never a member.
_NOT_NAME = (
    r"(?!(?:The|This|That|These|Those|It|Its|Motion|Council|Board|Committee|Commission|Meeting|Staff|Item|Items|All|"
    r"Upon|After|Following|On|In|At|By|For|With|And|Agreed|Resolved|Seconded|Second|Proposed|Moved|Carried|Approved|"
    r"Vote|Votes|An|There|Then|He|She|They|We|Our|Their|His|Her|Roll|Call|Result|Status|Yeas?|Nays?|Ayes?|Noes|"
    r"Absent|Abstain\w*|Public|City|County|Town|Village|Parish|Township|Minutes|Report|Recommended|Action)\b(?!\.)|A\s+(?=[a-z]))"
)
# initials run together ("A.R.", "J.P.") are one word of a name: "Cllr. A.R. O'Brien"
_NAME_WORD = r"(?:(?:[A-Z]\.){2,3}(?=[ \t]+[A-Z])|[a-z]?[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|(?:van|von|de|der|den|du|da|la|le|del|di|dos|ter|Mc|Mac|O['’])(?=\s))"


# A qualifier printed after a member's name, part of how the minutes name them: a call sign,
# a ward, a party ("Norman (VE3NPP) moved ...", "Cllr Roe (Lab) seconded").
_QUALIFIER = r"(?:[ \t]*\((?![YN]-\d)[A-Z][\w\-/ .]{0,24}\))?"


def _name(group: str) -> str:
    return rf"(?P<{group}>{_TITLE}{{0,2}}{_NOT_NAME}{_NAME_WORD}(?:(?:(?<![a-z][a-z]\.)[ \t]+|(?<![a-z][a-z]\.)[ \t]*\n[ \t]*(?![\w /]{{1,25}}:)(?![A-Z]{{2,}}\b)|(?<=\b[A-Z]\.)(?=[A-Z][a-z'’])){_NOT_NAME}{_NAME_WORD}){{0,3}}{_QUALIFIER})"


_TITLE_STRIP = re.compile(rf"^(?:(?:{TITLE_WORDS})\.?\s+)+", re.I)


def clean_name(name: str | None) -> str | None:
    """A captured name tidied for storage: whitespace collapsed, trailing punctuation off."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip(" ,;:-")
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
        name = name[:-1]
    return name or None


def normalise_name(name: str | None) -> str:
    """Compare-form of a member's name: no titles, no punctuation, lower case, accents kept.

    "Cllr. P. Harries", "Councillor P Harries" and "p harries" compare equal.
    """
    if not name:
        return ""
    n = unicodedata.normalize("NFKC", name)
    n = re.sub(r"\s*\([^()]*\)", " ", n)  # "Norman (VE3NPP)" is Norman: the qualifier is not the name
    prev = None
    while prev != n:
        prev = n
        n = _TITLE_STRIP.sub("", n.strip())
    n = re.sub(r"[^\w\s]", " ", n)
    return re.sub(r"\s+", " ", n).strip().lower()


def same_member(a: str | None, b: str | None) -> bool:
    """True when two printed names plausibly name the same member.

    Equal once titles are stripped, or one is a shorter form of the other with the same
    surname ("Director Catlin" and "Peggy Catlin", "Cllr Canning" and "Cllr J. Canning").
    """
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return na == nb
    if na == nb:
        return True
    ta, tb = na.split(), nb.split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if short[-1] != long_[-1]:
        return False
    return all(any(w == x or (len(w) == 1 and x.startswith(w)) for x in long_) for w in short)
