"""Recognising the names in a minutes title: the organisation (council), the body that met
(committee, board, commission, trustees) and the kind of meeting ("Monthly Meeting", "AGM").

Titles are written in many ways — "Minutes of the Regular Meeting of the City Council",
"GOVAN COMMUNITY COUNCIL / GENERAL MEETING MONDAY 13 MAY 2024", "Title of Meeting Suffolk
Libraries IPS - Board Meeting", "Louisa County Commission on Aging" — but always from the same
three parts, so each header line is split into those parts by the words that mark them, never
by a list of known bodies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .header_dates import DATE_D_MON_Y, DATE_DMY, DATE_ISO, DATE_MDY, DATE_NUMERIC, TIME_RE, _WEEKDAY

_CAP = r"(?:[A-Z][\w'’&.-]*|[A-Z]{2,}|Mc\w+|O['’]\w+)"
_LINK = r"(?:of|on|upon|under|in|the|and|&|de|la|le|du|y)"
_CAP_RUN = rf"{_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP}){{0,5}}"
_KIND = r"(?:County\s+|City\s+|Borough\s+|District\s+|Town\s+|Parish\s+|Community\s+|Metropolitan\s+Borough\s+|Village\s+|Regional\s+|Municipal\s+)"

# A named council: "Carlow County Council", "Souldern Parish Council", "Guelph City Council".
COUNCIL_NAME = re.compile(rf"\b(?P<name>(?:{_CAP}\s+(?:(?:of|upon|on|under|in|and|the)\s+)?){{1,4}}{_KIND}*Council)\b(?!\s+(?:Chambers?|Offices?|Buildings?|Meeting\s+Room|Room|Staff))")
# Other organisations that own a body.
_ORG_SUFFIX = (r"(?:Society|Association|Foundation|Group|Inc\.?|Incorporated|Ltd\.?|Limited|IPS|LPC|CIC|CIO|PLC|LLC|Trust|Club|"
               r"Institute|Authority|Corporation|Company|Co-operative|Cooperative|Charity|Union|Federation|Consortium|Alliance|Coalition)")
ORG_SUFFIXED = re.compile(rf"\b(?P<name>(?:The\s+)?{_CAP_RUN}\s+{_ORG_SUFFIX})(?![\w-])")
ORG_PLACE = re.compile(rf"\b(?P<name>(?:(?:City|Town)\s+and\s+)?(?:Town|City|Village|County|Township|Borough|Port)\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})")
ORG_TOWNSHIP = re.compile(rf"\b(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}}\s+Township)\b")
ORG_FRIENDS = re.compile(rf"\b(?P<name>(?:The\s+)?Friends\s+of\s+(?:the\s+)?{_CAP_RUN})")
ORG_DISTRICT = re.compile(rf"\b(?P<name>{_CAP}\s+(?!Municipal\b){_CAP}(?:\s+{_CAP}){{0,2}}\s+District)\b(?!\s+(?:of|Council))")
# "Louisa County Commission on Aging", "Cork City Local ... Partnership": the place owns the body.
ORG_PLACE_PREFIX = re.compile(rf"^(?P<name>{_CAP}(?:\s+{_CAP})?\s+(?:County|City))\s+(?!Council)")

# Groups named for what they do ("Steering Group", "Advisory Group", "Task Force") are bodies
# that meet; a group named for who belongs ("Linux Users Group") is an organisation.
_GROUP_BODY = (r"(?:(?:Steering|Working|Advisory|Reference|Liaison|Project|Task|Interest|Action|Co-?ordinating|Management|"
               r"Oversight|Stakeholder|Technical|Review|Programme|Program|Sub-?)\s*Group|Task\s*Force)")
# A council named for its function ("Executive Council", "Cross Project Council", "Steering
# Council") is a body of the organisation named before it, not a local authority: "The
# Carpentries Executive Council", "OpenJS Foundation Cross Project Council".
_FUNCTION_COUNCIL = (r"(?:(?:Cross[- ]Project|Executive|Steering|Advisory|Leadership|Governing|Technical|Project|Core|"
                     r"Students?['’]?|Parents?['’]?|Faculty|Academic|Programme|Program|Youth|Scientific|Editorial|Operating|"
                     r"Management|Coordinating|Co-ordinating)\s+Council(?:\s*\([A-Z]{2,6}\))?)")
FUNCTION_COUNCIL_RE = re.compile(rf"\b{_FUNCTION_COUNCIL}$")
# Standard abbreviations of a body's kind, as technical and standards bodies title their
# minutes ("FAPI WG Meeting Notes", "CSAF TC Meeting #10", "Node.js TSC Meeting"): written in
# capitals, they name the body that met and are never the organisation.
BODY_ACRONYMS = {"WG", "TC", "TSC", "TOC", "TAC", "SIG", "IG", "PMC", "SPC", "JPC", "BoD", "BOD", "ExCo", "EXCO"}
_BODY_ACRONYM = r"(?-i:" + "|".join(sorted(BODY_ACRONYMS, key=len, reverse=True)) + r")"
_BODY_WORD = (r"(?:Sub-?Committee|Committee|Board|Commission|Panel|Cabinet|Forum|Partnership|Trustees|Assembly|Municipal\s+District|"
              rf"Executive|{_GROUP_BODY}|Governing\s+Body|Council|Directors|Selectboard|Vestry|Synod|Senate|Court|{_BODY_ACRONYM})")
BODY_RE = re.compile(rf"\b{_BODY_WORD}\b", re.I)
# Capitals that are never an organisation's name: time zones printed beside a meeting's time
# ("14:00 UTC"), and the shorthand of agendas and notes.
NOT_ORG_ACRONYMS = {"UTC", "GMT", "BST", "CET", "CEST", "EET", "EEST", "WET", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST",
                    "PDT", "AKST", "HST", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "IST", "JST", "KST", "SGT",
                    "TBD", "TBC", "TBA", "AOB", "AOCB", "FYI", "ASAP", "RSVP", "URL", "PDF", "N/A", "NA", "AM", "PM", "Q&A",
                    "FAQ", "ETA", "CEO", "CFO", "COO", "CTO"} | BODY_ACRONYMS
_NAME_LINKS = {"of", "on", "and", "the", "for", "to", "in", "upon", "under", "&", "de", "la", "du", "y"}
_SUB_BODY = re.compile(rf"^(?P<sub>.+?\b{_BODY_WORD})\s+(?:of|to)\s+(?:the\s+)?(?P<parent>.+\b{_BODY_WORD})$", re.I)
# "Monthly Meeting", "Statutory Budget Meeting", "AGM", "Annual General Meeting", "EGM"; a
# plenary ("Publishing CG plenary", "Plenum 2019-01-16") is a meeting of all members, so it
# names the kind of meeting as "Meeting" does.
TYPE_RE = re.compile(
    r"(?P<type>(?:(?:[A-Z][\w'’-]*)\s+){0,3}?(?i:Meeting|Plenary(?:\s+Meeting)?|Plenum)|(?:(?:[A-Z][\w'’-]*)\s+){0,2}?(?:AGM|EGM|SGM))\b")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_MEETING_ACRONYMS = {"AGM", "EGM", "SGM", "AOB"}
_TYPE_ACRONYMS = _MEETING_ACRONYMS | NOT_ORG_ACRONYMS  # never read as the organisation
_GENERIC_TYPE_WORDS = {"notice", "agenda", "meeting", "regular", "the", "a", "an", "this", "of", "minutes", "open",
                       "public", "council", "board", "committee", "virtual", "remote", "scheduled", "held",
                       "draft", "final", "adopted", "approved", "summary",
                       # how it met, not what kind of meeting it was ("Video/Phone meeting", "Zoom Meeting")
                       "phone", "telephone", "video", "online", "zoom", "teams", "hybrid", "webex", "skype", "jitsi", "irc",
                       "call", "conference", "in-person", "person", "web", "internet", "bluejeans", "gotomeeting"}
_DEICTIC = re.compile(r"\b(?:above|said|aforementioned|same|this|that|our|your|their|its|previous|last|next)\b", re.I)
MINUTES_OF = re.compile(
    r"^(?:(?:final|draft|adopted|approved|unconfirmed|confirmed|signed|open|public)\s+)*(?:summary|minutes|minute|record|notes)\s+"
    r"(?:of|for|from)\s+(?:an?\s+|the\s+)?(?P<rest>.*)$",
    re.I,
)
_HELD = re.compile(r"\s*,?\s*\b(?:held|which\s+(?:took|was)|taking\s+place|convened|to\s+be\s+held|on\s+(?=" + _WEEKDAY + r"|\d)|at\s+\d)\b.*$", re.I)
_TRAIL_MINUTES = re.compile(r"(?:\s*[-–—:|]\s*|\s+)(?:meeting\s+)?(?:minutes|summary|notes)\s*$", re.I)
_ROMAN_OR_NUMBER_PREFIX = re.compile(r"^(?:\d+[.)]?|[IVX]+\.)\s+")
# "<Name in capitals> Draft Minutes of the ...": a letterhead and the title on one line
_MID_MINUTES_OF = re.compile(
    rf"^(?P<head>{_CAP}(?:\s+{_CAP}){{0,7}}?)\s+(?P<title>(?i:(?:(?:final|draft|adopted|approved|unconfirmed|confirmed)\s+)*"
    r"(?:minutes|summary)\s+(?:of|for)\s+.*))$")
# "Meeting for Worship for Business", "Meeting of Creditors": a kind of meeting named by what follows "Meeting"
_MEETING_FOR = re.compile(rf"^Meeting\s+(?:for|of)\s+(?:the\s+)?{_CAP}(?:\s+(?:(?:{_LINK}|for)\s+)*{_CAP}){{0,5}}$")


def strip_dates(s: str) -> str:
    """The line without dates, times, weekdays and years: what names remain."""
    for rx in (DATE_DMY, DATE_MDY, DATE_ISO, DATE_D_MON_Y, DATE_NUMERIC):
        s = rx.sub(" ", s)
    s = TIME_RE.sub(" ", s)
    s = re.sub(rf"\b{_WEEKDAY}", " ", s + " ", flags=re.I)
    s = re.sub(r"\b(?:19|20)\d{2}[-/.](?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[-/.]\d{1,2}\b", " ", s)  # "2020-April-09"
    s = re.sub(r"\b(?:19|20)\d{2}\b", " ", s)
    s = re.sub(r"\bPage\s+\d+(?:\s+of\s+\d+)?\b", " ", s, flags=re.I)
    s = re.sub(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", " ", s, flags=re.I)
    return re.sub(r"\s+", " ", s).strip(" ,;:-–—|/()")


def smart_title(s: str) -> str:
    """'PLANNING COMMITTEE' -> 'Planning Committee'; mixed-case text is left alone."""
    if not s.isupper():
        return s
    small = {"and", "of", "the", "for", "on", "in", "to", "a", "at", "by"}
    words = s.lower().split()
    # "FAPI WG": beside a body's abbreviation, short capitalised words are initials too
    initials = any(w in BODY_ACRONYMS for w in s.split())
    out = []
    for i, w in enumerate(words):
        if i and w in small:
            out.append(w)
        elif initials and len(w) <= 5 and w.isalpha():
            out.append(w.upper())
        elif len(w) <= 4 and w.upper() in {"AGM", "EGM", "SGM", "IPS", "LPC", "LCSP", "CIC", "UK", "US", "USA"}:
            out.append(w.upper())
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def is_generic_type(t: str) -> bool:
    """'Meeting', 'Regular Meeting', 'the meeting': says nothing about which meeting."""
    return all(w.lower() in _GENERIC_TYPE_WORDS for w in re.findall(r"[\w'’-]+", t))


@dataclass
class TitleParts:
    org: str | None = None
    body: str | None = None  # a phrase naming a committee/board/commission (may be the council itself)
    body_is_council: bool = False
    mtype: str | None = None  # a specific kind of meeting ("Monthly Meeting", "AGM")
    parent: str | None = None  # the body that owns the one that met ("... Committee of the X Commission")


def find_org(s: str) -> str | None:
    """The organisation a title line names: a named council or another owning body."""
    best: tuple[int, str] | None = None
    for rx in (COUNCIL_NAME, ORG_PLACE, ORG_FRIENDS, ORG_SUFFIXED, ORG_TOWNSHIP, ORG_DISTRICT):
        for m in rx.finditer(s):
            name = _clean_org(m.group("name"))
            if name and (best is None or m.start() < best[0]):
                best = (m.start(), name)
            break
    if best is None:
        return None
    body = re.search(rf"\s+(?:{_GROUP_BODY}|{_FUNCTION_COUNCIL})$", best[1])
    if body:
        # "ICAT Steering Group", "R Consortium Submissions Working Group": a body named for what it
        # does ends the name; the organisation is what stands before it, if anything names one
        head = best[1][: body.start()].strip()
        if re.fullmatch(r"[A-Z][A-Za-z0-9&.-]{1,9}", head) and head.upper() == head and head not in NOT_ORG_ACRONYMS:
            return head
        if not head or head == best[1]:
            return None
        return find_org(head) or (_clean_org(head) if re.fullmatch(rf"(?:The\s+)?{_CAP}(?:\s+{_CAP}){{0,4}}", head) else None)
    return best[1]


_OFFICE_OF = re.compile(
    r"^(?:(?:Deputy|Assistant|Acting|Interim|Chief|Senior|Principal)\s+)*(?:Clerk|Secretary|Chair(?:man|woman|person)?|Treasurer|"
    r"Solicitor|Officer|Auditor|Executive|Manager|Director|Leader|Head|Proper\s+Officer|Town\s+Clerk|Cathaoirleach)\s+"
    r"(?:of|to)\s+(?:the\s+)?", re.I)
# a kind of organisation with no name in it ("Local Authority", "Regional Council")
_GENERIC_ORG = re.compile(
    r"(?i:(?:the\s+)?(?:(?:local|regional|national|county|city|town|district|municipal|parish|community|statutory|public|"
    r"housing|planning|health|education|the)\s+)*(?:authority|council|association|society|trust|company|corporation|"
    r"board|union|federation|group|club))")
_ORG_BAD_START = {"the", "this", "that", "full", "whole", "each", "every", "a", "an", "our", "their", "its",
                  "minutes", "minute", "summary", "meeting", "special", "regular", "monthly", "annual",
                  "general", "ordinary", "extraordinary", "final", "draft", "adopted", "of", "for", "and", "pm",
                  "am", "p.m.", "a.m.", "open", "title", "venue", "place", "location", "statutory", "budget", "agm",
                  "egm", "sgm", "notice", "to", "each", "member", "members", "all", "january", "february", "march",
                  "april", "june", "july", "august", "september", "october", "november", "december"}
# words that end an organisation's name: what follows is the body or the kind of meeting
_ORG_STOP = re.compile(r"\s+(?:Regular|Special|Monthly|Annual|General|Ordinary|Extraordinary|Statutory|Meeting|Minutes|"
                       r"AGM|EGM|Committee|Sub-Committee|Board|Commission|Panel|Trustees|Forum|Cabinet)\b.*$")


def _clean_org(name: str) -> str | None:
    """An organisation's name without the words a title wraps round it, or None when what is
    left names nothing ('the County Council', 'Regular Council', a single common word)."""
    # "February Meeting of Carlow County Council", "To Each Member of Donegal County Council"
    name = re.sub(r"^.*\b(?:Meeting|Minutes|AGM|Committee|Board|Members?|Trustees|Directors|Governors|Each)\s+(?:of|for)\s+(?:the\s+)?(?=[A-Z])", "", name)
    # "Clerk of the Council", "Chief Executive of Carlow County Council": an officer's title in a
    # signature or attendance line names the office, and at most the organisation after it
    name = _OFFICE_OF.sub("", name)
    if _GENERIC_ORG.fullmatch(name.strip()):
        return None  # "Local Authority", "the Council": a kind of organisation, not its name
    if re.fullmatch(rf"(?:the\s+)?{_FUNCTION_COUNCIL}", name.strip(), re.I):
        return None  # "the Executive Council": the kind of body, named without whose it is
    if not name.endswith("Council"):
        name = _ORG_STOP.sub("", name)
    words = name.split()
    while words and words[0].lower().strip(".,") in _ORG_BAD_START - {"the"}:
        words = words[1:]
    if words and words[0].lower() == "the" and len(words) > 1 and words[1].lower() in _ORG_BAD_START:
        words = words[2:]
    if len(words) < 2 and not (words and re.fullmatch(r"[A-Z]{3,6}", words[0])):
        return None
    if words and words[-1] == "Council":
        distinct = [w for w in words[:-1] if w.lower() not in {"county", "city", "borough", "district", "town", "parish",
                                                              "community", "metropolitan", "village", "regional",
                                                              "municipal", "of", "the", "and", "upon", "on", "in", "under"}]
        if not distinct:
            return None
    out = " ".join(words)
    if out in NOT_ORG_ACRONYMS:
        return None  # "UTC", "TSC": a time zone or the body's own kind, not who owns it
    # "RZZT CIC": a name of short capitalised words is initials, not a shouted name
    return smart_title(out) if out.isupper() and not all(len(w) <= 4 for w in words) else out


def split_title(line: str) -> TitleParts:
    """Organisation, body and meeting type named in one header line."""
    s = re.sub(r"[*_`#>]+", " ", line)
    s = re.sub(r"\s+", " ", s).strip()
    s = _ROMAN_OR_NUMBER_PREFIX.sub("", s)
    mid = _MID_MINUTES_OF.match(s)
    if mid and not MINUTES_OF.match(s):
        # A letterhead run onto the title line ("STOKE FERRY PARISH COUNCIL Draft Minutes of the
        # Ordinary Meeting held on ..."): the name before "Minutes of" is a line of its own.
        head, title = split_title(mid.group("head")), split_title(s[mid.start("title"):])
        return TitleParts(org=title.org or head.org or (_clean_org(head.body) if head.body_is_council else None),
                          body=title.body or head.body,
                          body_is_council=title.body_is_council if title.body else head.body_is_council,
                          mtype=title.mtype or head.mtype, parent=title.parent or head.parent)
    m = MINUTES_OF.match(s)
    minutes_of = bool(m)
    if m:
        s = m.group("rest")
        if not re.search(r"[A-Z]", s):
            # "Minutes of general meeting": a title typed in lower case names its meeting all the same
            s = " ".join(w if w in _NAME_LINKS else w[:1].upper() + w[1:] for w in s.split())
    # "Minutes: Technical Steering Committee, 3 February 2024", "Draft Minutes – Finance Committee"
    s = re.sub(r"^(?:(?:final|draft|adopted|approved)\s+)?(?:meeting\s+)?(?:minutes|notes)(?:\s*[:|–—-]\s*|\s+(?=[A-Z]))", "", s,
               flags=re.I)  # also "Minutes Carpentries Executive Council meeting ..."
    s = _HELD.sub("", s)
    s = strip_dates(s)
    had_minutes = bool(_TRAIL_MINUTES.search(s))
    # "CCR HOA Annual Meeting Minutes": "Meeting" goes with the kind of meeting before it
    kind_meeting = re.search(rf"\b{_KIND_ADJ}\s+meeting\s+(?:minutes|summary|notes)\s*$", s, re.I)
    s = _TRAIL_MINUTES.sub("", s).strip(" ,;:-–—|/")
    if kind_meeting:
        s += " Meeting"
    # "Draft Minutes", "Open Meeting", "Public Session" — but "Open Source Voting System ..." is a name
    s = re.sub(r"^(?:final|draft|adopted|approved|(?:open|public)(?=\s+(?i:meeting|session|minutes|part|business)\b))\s+",
               "", s, flags=re.I)
    parts = TitleParts()
    if had_minutes and _ACRONYM.match(s) and not line.isupper() and s not in _TYPE_ACRONYMS \
            and s.lower() not in _ORG_BAD_START | _GENERIC_TYPE_WORDS:
        parts.org = s  # "SRCF Meeting Minutes - 28/07/2020": the society's acronym, then what the page is
        return parts
    kind = _MEETING_FOR.match(smart_title(s))
    if kind and not BODY_RE.search(s) and len(s.split()) <= 8:
        parts.mtype = smart_title(s)  # "MEETING FOR WORSHIP FOR BUSINESS": the kind of meeting is the title
        return parts
    if not s or _DEICTIC.search(s.split(" of ")[-1] if " of " in s.lower() else s) and not find_org(s):
        return parts
    parts.org = find_org(smart_title(s) if s.isupper() else s)
    m = re.match(r"^(?P<acr>[A-Z][A-Z0-9&]{1,7})\s+(?P<t>AGM|EGM|SGM)\b", s)
    if m and not parts.org and m.group("acr") not in _TYPE_ACRONYMS:
        parts.org, s = m.group("acr"), s[m.start("t"):]  # "WLUG AGM 2019": the society, then its meeting
    if s.isupper():
        s = smart_title(s)  # "GENERAL MEETING" -> "General Meeting" so the type pattern sees capitals
    # "X Meeting of the Y" / "Y X Meeting": the type and the body around it
    pieces = [p.strip() for p in re.split(r"\s+[-–—|/]\s+|\s*/\s*", s) if p.strip()]
    for piece in pieces:
        if not parts.org and _ACRONYM.match(piece) and piece not in _TYPE_ACRONYMS and len(pieces) > 1:
            parts.org = piece  # "IPSS / First AGM Minutes"
            continue
        t = TYPE_RE.search(piece)
        if t and _NOT_TYPE.search(t.group("type")):
            t = None  # "THERE WAS NO MEETING", "Next Meeting": a sentence about a meeting, not its kind
        if t and not is_generic_type(t.group("type")) and not parts.mtype:
            typ = t.group("type").strip()
            lead = typ.split()[0]
            if _ACRONYM.match(lead) and lead not in _TYPE_ACRONYMS and len(typ.split()) > 1 \
                    and typ.split()[1] not in BODY_ACRONYMS:  # "CSAF TC Meeting": the TC's own name
                parts.org = parts.org or lead  # "WLUG AGM": the society's acronym, then the meeting
                typ = typ[len(lead):].strip()
            # "Board Meeting" / "Commission Meeting" name a body, not a kind of meeting
            words = typ.split()
            if len(words) >= 2 and (BODY_RE.fullmatch(words[-2]) or re.search(rf"\b{_BODY_WORD}\s+\S+$", typ, re.I)):
                pass
            else:
                typ_clean = re.sub(r"^(?:the|a|an|of)\s+", "", typ, flags=re.I)
                if parts.org:
                    org_words = {w.lower() for w in parts.org.split()}
                    words = typ_clean.split()
                    while len(words) > 1 and words[0].lower() in org_words:
                        words = words[1:]  # "Group Annual General Meeting" after "Perth Linux Users Group"
                    typ_clean = " ".join(words)
                if typ_clean and not is_generic_type(typ_clean):
                    parts.mtype = smart_title(typ_clean)
        body = _body_phrase(piece, parts.org)
        if body and parts.body and parts.body_is_council and not re.search(r"(?i)\bcouncil$", body):
            # "ASHFORD TOWN COUNCIL / PLANNING COMMITTEE / MINUTES": the council heads the title, and
            # the body after it is the one that met
            parts.body = None
        if body and not parts.body:
            parts.body = body
            sub = _SUB_BODY.match(piece)
            if sub and body.lower() in sub.group("sub").lower():
                parts.parent = sub.group("parent")
            parts.body_is_council = bool(re.search(r"\bcouncil$", body, re.I)) and not FUNCTION_COUNCIL_RE.search(body) \
                and not re.search(
                r"\b(?:committee|board|commission|panel|partnership|forum)\b", body, re.I) or bool(
                # "Special Meeting of the Municipal District of Loughrea": a municipal district is its
                # councillors meeting as a local authority, as "Special Meeting of Donegal County
                # Council" is — the kind of meeting is what met, the district the organisation
                re.match(r"(?i)municipal\s+district\s+of\s+\S", body)
                and re.search(r"(?i)\bmeeting\s+of\s+(?:the\s+)?municipal\s+district\b", piece))
    if not parts.org and len(pieces) == 2:
        # "Directors' Meeting - Speedcubing Canada", "Acme Society - Board Meeting": a title that
        # names the meeting on one side of the dash names whose meeting it is on the other
        for piece, other in ((pieces[0], pieces[1]), (pieces[1], pieces[0])):
            if TYPE_RE.search(other) and _owner_name(piece):
                parts.org = piece
                break
    met = re.match(rf"^(?:[\w'’-]+\s+){{0,3}}?meeting\s+of\s+(?:the\s+)?(?P<name>{_CAP_RUN})\s*(?:,[^,]*)?$", s, re.I) if minutes_of else None
    if met and not parts.org and not parts.body and not parts.mtype and not BODY_RE.search(met.group("name")) \
            and met.group("name")[:1].isupper() and len(met.group("name").split()) >= 2:
        # "Minutes of the 4th meeting of the Scala Center": the title names who met, though
        # no word in the name says what kind of body it is
        parts.org = met.group("name")
    if parts.org and not parts.body and not parts.mtype and parts.org in s:
        # "Reactive Foundation TOC", "Example Society AGC": the organisation, then its body's acronym
        rest = s[s.index(parts.org) + len(parts.org):].strip(" :;-–—|")
        if re.fullmatch(r"[A-Z][A-Z&]{1,6}", rest) and (rest in BODY_ACRONYMS or rest not in _TYPE_ACRONYMS):  # not ", Q1"
            parts.body = rest
    lead = re.match(r"^(?P<acr>[A-Z][A-Z0-9&]{2,7})\s+(?P<rest>[A-Z].*)$", parts.body or "")
    if lead and not parts.org and not parts.body_is_council and lead.group("acr") not in _TYPE_ACRONYMS \
            and len(lead.group("rest").split()) >= 2:
        # "OASIS Common Security Advisory Framework (CSAF) TC", "RTD Board of Directors": initials
        # heading a body's name of several words stand for the organisation that owns the body
        parts.org = lead.group("acr")
    if parts.mtype and parts.body and parts.mtype.lower() in parts.body.lower():
        parts.mtype = None
    return parts


_KIND_ADJ = r"(?:annual|general|special|extraordinary|ordinary|monthly|quarterly|statutory|emergency|budget|plenary)"
_NOT_TYPE = re.compile(r"\b(?i:was|were|is|are|no|not|there|lack|any|next|previous|last|future|this|that|each|every|during|"
                       r"after|before|since|until|following)\b")
_NOT_OWNER = re.compile(r"\b(?:minutes|agenda|draft|final|approved|adopted|summary|notes|report|page|part|session|"
                        r"hall|room|chambers?|centre|center|library|school|church|office|offices|online|zoom|teams|virtual|"
                        r"remote|street|road|avenue|workshop|hearing|review|budget|election|briefing|presentation|training|"
                        r"retreat|update|special|regular|annual|public|closed|open|joint|study)\b", re.I)


def _owner_name(piece: str) -> bool:
    """'Speedcubing Canada': two to six capitalised words (linked by 'of', 'and', 'the'), no
    digits, no body or meeting word, and nothing that says where or what the page is."""
    words = piece.split()
    return 2 <= len(words) <= 6 and not re.search(r"\d", piece) and not BODY_RE.search(piece) \
        and not TYPE_RE.search(piece) and not _NOT_OWNER.search(piece) \
        and all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words) and words[-1][:1].isupper()


def _body_phrase(piece: str, org: str | None) -> str | None:
    """The phrase naming the body that met, from a line with a body word in it."""
    if not BODY_RE.search(piece) or _OFFICE_OF.match(piece):
        return None  # "Clerk of the Council" under a signature: an office, not the body that met
    p = piece
    # "Regular Meeting of the City Council" -> "City Council"; "Trustees of The Friends of X" -> "Trustees"
    m = re.match(r"^(?P<before>.*?\bmeeting)\s+of\s+(?:the\s+)?(?P<after>.+)$", p, re.I)
    if m:
        p = m.group("after")
    if org and p.startswith(org) and p[len(org):].strip(" :;-–—|") in BODY_ACRONYMS:
        return p[len(org):].strip(" :;-–—|")  # "Reactive Foundation TOC": the organisation, then its body's abbreviation
    if org and org in p and not p.startswith(org):
        # "City Council City of Santa Ana", "Trustees of The Friends of X": the body, then its owner
        p = re.sub(r"(?:\s+(?:of|for))?(?:\s+the)?\s*$", "", p[: p.index(org)].rstrip(" ,-–—")) or p
    if org and re.search(rf"\bof\s+{re.escape(org)}\s*$", p, re.I) and BODY_RE.search(p[: p.lower().rfind(" of ")]):
        p = p[: p.lower().rfind(" of ")]
    own = re.match(r"^(?P<owner>.+?)['’]s\s+(?P<body>[A-Z].*)$", p)
    if own and BODY_RE.search(own.group("owner")):
        # "Limerick City and County Council’s Travel and Transportation Strategic Policy
        # Committee": the owner is the organisation, the body is what it owns
        p = own.group("body")
        if not BODY_RE.search(p):
            return None  # the owned body's name goes on past this line
    cut = re.sub(r"\s+(?:meeting|meetings)\b.*$", "", p, flags=re.I)
    p = cut if BODY_RE.search(cut) else p
    # "City Council Regular", "Board of Supervisors Special": the kind of meeting, not the body's name
    cut = re.sub(r"(?<=[\w)])\s+(?:regular|special|ordinary|extraordinary|monthly|annual|adjourned|joint|workshop|work\s+session)$", "", p, flags=re.I)
    p = cut if BODY_RE.search(cut) else p
    p = re.sub(r"^(?:the|a|an)\s+", "", p, flags=re.I).strip(" ,;:-–—")
    p = re.sub(r"^(?:regular|special|ordinary|extraordinary|monthly|annual|adjourned)\s+(?=council$)", "", p, flags=re.I)
    sub = _SUB_BODY.match(p)
    if sub and len(sub.group("sub").split()) >= 2 and len(sub.group("parent").split()) >= 2:
        # "Open Source Voting System Technical Advisory Committee of the San Francisco Elections
        # Commission": the body that met is the named sub-body, not its parent ("Board of
        # Directors" and "Committee of the Whole" are one body's name and stay whole)
        p = sub.group("sub")
    if not p or not BODY_RE.search(p) or len(p.split()) > 12 or _DEICTIC.match(p):
        return None
    if re.search(r"\b(?:chambers?|offices?|room|hall|building|present|chair|called|welcomed)\b", p, re.I):
        return None
    if re.search(r"[a-z]{3,}", p.split()[0]) and p.split()[0][0].islower():
        return None  # a sentence fragment, not a name
    words = p.split()
    verb = next((i for i, w in enumerate(words) if i and w[:1].islower() and w.lower() not in _NAME_LINKS), None)
    if verb is not None and BODY_RE.search(" ".join(words[:verb])):
        p = " ".join(words[:verb]).rstrip(" ,;:")  # "Parish Council met": the name ends where the sentence goes on
    p = re.sub(r"(?<=s)['’]$", "", p)  # "Directors' Meeting": the directors
    if p.count("(") > p.count(")"):
        p += ")"  # "Committee (LCDC), held on ...": the comma before "held" cut the bracket's close
    return smart_title(p)
