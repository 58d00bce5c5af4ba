"""Attendance from the header and roll call: who was present, who sent apologies, who was
absent, who chaired.

Roll calls are laid out as labelled lists ("Present: A, B and C"), one name per line under a
label, two-column tables ("Councillor B. Bell   Councillor Laidlaw"), "Name  Initials" tables,
"Name, Role" lines, status tables ("Robert Sherrard  Commissioner  Present") and sentences
("Board members present were supervisors A, B and C"). Names are kept as printed, without the
honorific in front or the role after, so they can be matched to the people in the minutes.
"""
from __future__ import annotations

import re

from .header_dates import find_dates
from .header_region import FURNITURE

_NAME_SPLIT = re.compile(
    r"\s*(?:,|;|\band\b|(?<=[A-Z.])\s+AND\s+(?=[A-Z])|&|\n|\s{2,}|\t|\|)\s*"  # "N. WHELAN AND C. WINSTANLEY"
    r"|(?<![A-Z][a-z])(?<!Cllr)(?<!Cllrs)(?<!Inspt)(?<!Supt)(?<=[a-z]{3})\.\s+(?=[A-Z])"  # "Frankie Keena. Senators Paul Daly": a sentence ends the name
    r"|(?<=[)\]])\s+(?=[A-Z])"  # "D Richardson (Chair) R Healey"
    r"|\s+(?=(?:Councillors?|Cllrs?\.?|Mayor|Trustee|Supervisor|Commissioner|Director|Clerk|Treasurer)\s+[A-Z])"  # "Farbridge Councillor G. Kovach"
)
_TITLE_ONLY = re.compile(
    r"(?:(?:County|Borough|District|City|Town|Parish|Ward|Vice|Deputy|An)\s+)?"
    r"(?:Chairman|Chairwoman|Chairperson|Chair|Cathaoirleach|Mayor|President|Vice-Chair(?:man)?|County|City|Borough)", re.I)
_HONORIFIC = re.compile(
    r"^(?:(?:Chairman|Chairwoman|Chairperson|Vice-Chair(?:man)?|An\s+Cathaoirleach)\s*,?\s+)?(?:(?:County|Borough|District|City|Town|Parish|Ward)\s+)?"
    r"(?:Councillors?|Councilors?|Cllrs?\.?|Crs?\.?|(?:Mayor\s+)?Pro\s+Tem(?:pore)?|Mayor|Deputy\s+Mayor|Aldermen|Alderman|Council\s*Members?|Councilmembers?|"
    r"Council\s+President|Commissioners?|Trustees?|Supervisors?|Selectm[ae]n|Board\s+Members?|Directors?|Members?|"
    r"Cathaoirleach|Leas-Chathaoirleach|Senators?|Det\.?\s?Insp(?:t|r)?|Insp(?:t|r)|Supt|Sgt|(?:Chief\s+)?Superintendent)\.?\s+",
    re.I,
)
_ROLE = (r"(?:chief|executive|director|officer|manager|clerk|engineer|attorney|planner|co-?ordinator|administrator|"
         r"secretary|treasurer|chair\w*|vice[- ]?\w*|president|solicitor|consultant|librarian|head|member|convenor|"
         r"representative|superintendent|inspector|supervisor|assistant|deputy|councillor|commissioner|trustee|"
         r"alternate|staff|counsel|auditor|advisor|adviser|editor|governance|senior|remotely|online|cathaoirleach|"
         r"leas-chathaoirleach|a/\w+|clerk|mayor|guest|observer|presiding|registrar|sergeant(?:[- ]at[- ]arms)?)")
_ROLE_WORD = re.compile(rf"\b{_ROLE}\b", re.I)
_ROLE_LABEL = re.compile(rf"\b{_ROLE}s?\b", re.I)  # "Directors of Service:", "Chief Executive:"
_TRAILING_ROLE = re.compile(rf"(?:\s+(?:{_ROLE}|of|and|the|for|ward|district|city|county|legal|services?))+\s*$", re.I)
_NOT_NAMES = {"cllrs", "cllr", "councillors", "councillor", "none", "nil", "n/a", "no", "none received", "nil received", "as above", "tbc", "all", "members", "officers",
              "yes", "y", "n", "yes/no", "present", "absent", "remote", "the clerk", "in", "at", "on", "for", "part"}
_NAME_ROLE_LINE = re.compile(
    r"^(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}),\s+(?P<role>.+)$")
_STATUS_ROW = re.compile(
    rf"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{1,4}}?)\s+(?:(?i:{_ROLE}|of|the|district\s+\w)[\s,]*)*"
    r"(?P<status>(?i:present|absent|remote|late|excused))(?:\s+\d{1,2}[:.]\d{2}.*)?$")


def split_names(s: str) -> list[str]:
    """'Councillors A Smith, B Jones and C Brown' -> ['A Smith', 'B Jones', 'C Brown'].

    Parenthesised roles stay with their name. A run of capitalised words with no
    separators ("Ann Beech Ron Clarke Ann Edgeller", as attendance tables copy) is split
    into first-name/surname pairs when it has an even number of words. Initials printed
    beside names ("Kenny Combe  KC") and roles printed after them are dropped.
    """
    s = re.sub(r"^(?:(?:were\s+)?received\s+from|from)\s+", "", s.strip(), flags=re.I)
    # "Anna Henningsen @addaleax (TSC)": an account handle (and the group after it) printed beside
    # the name is how to reach the person, not part of their name
    s = re.sub(r"(?<=\w)[ \t]+@[\w.\-]+(?:[ \t]*\([^()\n]{1,30}\))?", "", s)
    s = _INITIALS_AFTER_NAME.sub(lambda m: m.group(1) + ";" if _initials_of(m.group(1), m.group(2)) else m.group(0), s)
    s = re.sub(r"\s*\b(?:were|was)\s+(?:also\s+)?present\b\.?", ";", s, flags=re.I)
    s = re.sub(r"\s+(?:arrived|left|joined)\s+(?:shortly|late|early|after|at|during|before)\b[^;\n]*", "", s)
    s = re.sub(r"[(\[][^()\[\]]*[)\]]", lambda m: m.group(0).replace(" and ", "\x01"), s)  # "(Clerk and Treasurer)": one role
    parts: list[str] = []
    handles: list[tuple[int, str]] = []  # (position among the names, handle)
    depth, buf = 0, ""
    for ch in s:  # don't split inside parentheses
        depth += ch in "(["
        depth -= ch in ")]"
        buf += ("\x02" if ch == "&" else "\x00") if depth and ch in ",;&" else ch
    pieces: list[tuple[int, str]] = []
    for line in buf.split("\n"):  # one line, one person or one list; a role follows only a comma
        raw_pieces = [p for p in _NAME_SPLIT.split(line) if p is not None and p.strip()]
        merged: list[str] = []
        for p in raw_pieces:  # "Chairman" + "Cllr Shewell", "County" + "Cllr Webb": one person
            if merged and _TITLE_ONLY.fullmatch(merged[-1].strip()):
                merged[-1] = merged[-1].strip() + " " + p.strip()
            else:
                merged.append(p)
        pieces.extend(enumerate(merged))
    for i, piece in pieces:
        piece = piece.replace("\x00", ",").replace("\x02", "&").replace("\x01", " and ").strip(" .:")
        piece = re.sub(r"\s+(?:left|arrived|joined|departed)\b.*$|\s+who\b.*$", "", piece)
        dash = re.match(r"^(?P<name>.+?)\s+[-–—]\s+(?P<role>.+)$", piece)
        if dash and _ROLE_WORD.search(dash.group("role")):
            piece = dash.group("name")  # "Mrs H Gregson - Development Management Manager"
        if re.fullmatch(r"[A-Z]{1,4}", piece):
            continue  # initials printed beside a name, or a role code ("EDC")
        if i and not _HONORIFIC.match(piece) and (
                (_ROLE_WORD.match(piece) and not re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]{2,}\b", _HONORIFIC.sub("", piece)))
                or (_ROLE_WORD.search(piece) and len(_TRAILING_ROLE.sub("", piece).split()) < 2 and len(piece.split()) <= 4)):
            continue  # "..., Chief Executive", "..., Port Manager": the role of the name before it
        piece = re.sub(r"^(?:[a-z]+\s+)+(?=[A-Z])", "", piece)  # "supervisors Janet Keough", "treasurer Ray Barnes"
        # "Interim City Manager Tom Hatch", "City Attorney Bill Kabeiseman": the office before the name
        piece = re.sub(rf"^(?:(?:Interim|Acting|City|County|Town|Board|General|Pro\s+Tem|{_ROLE})\s+)+(?=[A-Z][\w'’-]+\s+[A-Z])", "", piece,
                       flags=re.I) if len(piece.split()) >= 3 else piece
        piece = _HONORIFIC.sub("", piece)
        piece = _HONORIFIC.sub("", piece)
        if not piece or piece.lower() in _NOT_NAMES or not re.search(r"[^\W\d_]{2}", piece):  # any script: "Сковорода Никита"
            continue
        words = piece.split()
        if "(" not in piece and len(words) >= 4 and len(words) % 2 == 0 and all(w[:1].isupper() for w in words) \
                and not any(_ROLE_WORD.fullmatch(w) for w in words) and not any(len(w) <= 2 or w.endswith(".") for w in words):
            parts.extend(" ".join(words[i: i + 2]) for i in range(0, len(words), 2))
        else:
            name = _strip_roles(piece)
            if name and name[0].isupper():
                parts.append(name)
            elif _HANDLE.fullmatch(piece) and piece.lower() not in _NOT_HANDLES and not _ROLE_WORD.fullmatch(piece):
                handles.append((len(parts), piece))
    if handles and len(pieces) >= 6 and sum(1 for p in parts if " " not in p) * 2 >= len(parts):
        # "CharlesL, Hadrien, ivan, sueneu, Pedro, ...": a chat roll call of handles, where a
        # lower-case one is a person too (only in a long list that is mostly single handles)
        for k, handle in reversed(handles):
            parts.insert(k, handle)
    return parts


# a chat handle ("ivan", "sueneu"); words a roll call prints in lower case that are nobody
_HANDLE = re.compile(r"[a-z][a-z0-9_]{2,15}")
_NOT_HANDLES = {"others", "other", "staff", "public", "guests", "guest", "visitors", "observers", "clerk", "secretary",
                "chair", "members", "member", "everyone", "all", "etc", "tbc", "tba", "remote", "remotely", "online",
                "zoom", "teams", "phone", "none", "nil", "and", "also", "present", "absent", "apologies", "regrets",
                "scribe", "minutes", "late", "partly", "partial", "part", "via", "by", "in", "person", "observer",
                "were", "was", "are", "is", "been", "being", "the", "with", "from", "for", "the", "including", "namely",
                "attended", "attending", "joined", "arrived", "left", "who", "whom", "has", "have", "had", "not"}


_INITIALS_AFTER_NAME = re.compile(r"((?:[A-Z][\w'’-]+\s+){1,3}(?:\([^)]*\)\s+)?)([A-Z]{2,3})\b(?![a-z])")


def _initials_of(name: str, initials: str) -> bool:
    """'Kenny Combe ' + 'KC': initials printed beside a name in an attendance table."""
    words = [w for w in re.sub(r"\([^)]*\)", " ", name).split()]
    return "".join(w[0] for w in words[-len(initials):]) == initials


def _strip_roles(piece: str) -> str:
    """'Martin Croft Vice Chair' -> 'Martin Croft'; a name alone is left alone."""
    if "(" in piece or "[" in piece:
        return piece
    stripped = _TRAILING_ROLE.sub("", piece).strip(" ,-–—")
    return stripped if stripped and re.search(r"[A-Z]", stripped) else piece


_PRESENT = re.compile(
    r"^(?:(?:members|councillors|councilors|directors|trustees|commissioners|board\s+members|elected\s+members|"
    r"executive\s+officers|officers|staff|officials)\s+)?(?:present|attendance|attendees|attending|participants|in\s+attendance|i\s+l[aá]thair)(?![a-z])"
    r"(?:\s+for\s+part\s+of\s+(?:the\s+)?meeting)?"
    # how they attended: "Present (remotely):", "Present in person:", "Attending via Zoom:"
    r"(?:\s*\((?:in\s+person|remote(?:ly)?|virtual(?:ly)?|online|in\s+the\s+chamber|by\s+(?:phone|video)|via\s+\w+)\)|"
    r"\s+(?:in\s+person|remotely|virtually|online|by\s+(?:phone|video(?:\s+link)?)|via\s+\w+)(?=\s*:))?"
    r"\s*[:;]?\s*(?P<rest>.*)$"
    r"|^(?:council|staff|officials|officers|elected\s+members|online|ms\s+teams|remote(?:ly)?|roll\s+call|councillors\s+present|"
    r"baill|comhaltaí|comhaltai)\s*:\s*(?P<rest2>.*)$"
    r"|^roll\s+call\s*$"
    # a heading over the list: "View Attendee List", "Attendance List", "List of Attendees"
    r"|^(?:[A-Z][a-z]+\s+){0,2}(?:attendee|attendance|participant)s?\s+(?:list|register|record)\s*:?\s*$|^list\s+of\s+(?:attendees|participants)\s*:?\s*$",
    re.I,
)
# "Members’ Present:", "District Attendees", "Board members and officers present:": a label of up to
# four words naming who attended; other people's lists ("Other Attendees", "Members of the public
# present", "Not present") are not the meeting's members
_PRESENT_QUALIFIED = re.compile(
    r"^(?P<q>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}?)\s+(?i:attendees|present|in\s+attendance|attending)\s*(?::\s*(?P<rest>.*)|$)")
# the label names a group ("Members’", "District", "Board members and officers"), not a person
_GROUP_WORD = re.compile(r"(?:\b(?:district|board|council|committee|staff|panel|commission|trust|society|club|group|team)|[a-z]s[’']?)$",
                         re.I)
_NOT_MEMBERS = re.compile(r"\b(?:other|guests?|public|not|also|visitors?|observers?|absent|non|were|was|is|are|no|none)\b", re.I)
_PRESENT_SENTENCE_LABEL = re.compile(r"^(?:the\s+following\b.*\b(?:were|was)\s+present|those\s+present\s+were)\s*:\s*$", re.I)
_ALSO = re.compile(r"^also\s+(?:in\s+attendance|present)\s*:?\s*(?P<rest>.*)$", re.I)
_APOLOGIES = re.compile(
    r"^(?:apologies(?:\s+for\s+absence)?|regrets|(?:members\s+)?not\s+(?:present|in\s+attendance)|"
    # absent with leave: "Absent with notice:", "Absent (excused):", "Excused:", "Leave of absence:"
    r"(?:members\s+)?absent\s+(?:with\s+(?:notice|apologies|regrets|leave|cause)|\(?excused\)?)|excused(?:\s+absences?)?|leave\s+of\s+absence)"
    r"(?:\s*[:;,–-]\s*|\s+(?:(?:were|had\s+been|have\s+been)\s+)?(?:received\s+)?from\s*:?\s*|\s*$)(?P<rest>.*)$",
    re.I)
_ABSENT = re.compile(r"^(?:(?:(?:members|directors|councillors|trustees|commissioners|executive\s+officers)\s+)?absent|as\s+l[aá]thair)"
                     r"\s*:?\s*(?P<rest>.*)$", re.I)
_CHAIR = re.compile(r"^(?:chair(?:man|woman|person)?|presiding|(?:leas-?\s?)?ch?athaoirleach|(?:present\s+)?in\s+the\s+chair)\s*(?::\s*(?P<rest>.*)|$)", re.I)
# a label printed alone on its line over the value below it (an HTML definition list: "Scribe" /
# "Wolfgang"): the people under it are not the meeting's members
_OTHER_LABEL_ALONE = re.compile(r"^(?:scribes?|minute[- ]?takers?|note[- ]?takers?|recorders?|secretary|guests?|observers?|"
                                r"visitors?|agenda|contents|topics)\s*:?$", re.I)
_CHAIRED_BY = re.compile(r"\b(?:chaired\s+by|presided\s+over\s+by)\s+(?:the\s+\w+\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
_NARRATIVE = re.compile(
    r"\b(?:(?:board\s+|council\s+|committee\s+)?members\s+present\s+were|present\s+were|those\s+present\s+were|"
    # "The following members of the Board of Directors were present at the meeting: A, B and C."
    r"the\s+following\s+(?:[\w'’ ]{0,60}?\s+)?(?:were|was)\s+present(?:\s+at\s+the\s+meeting)?\s*[:,]?)"
    r"\s*:?\s+(?P<names>(?:[^.]|(?<=\b[A-Za-z])\.(?=\s|[A-Z]))+)\.",  # "Martin v. Löwis", "J. R. Smith" go on
    re.I)
_NARRATIVE_OPEN = re.compile(r"\b(?:those\s+present\s+were|(?:members\s+)?present\s+were)\b", re.I)
# "City Attorney Bill Kabeiseman was also present", "Kurt Kaiser also attended the meeting", "David
# Ascher joined the meeting at 18:20": one person recorded as attending in a sentence
_ALSO_NARRATIVE = re.compile(r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)\s+(?:(?:was|were)\s+also\s+present|"
                             r"also\s+attended\b|joined\s+the\s+meeting\s+(?:at|from)\s+\d)", re.M)
_STOP = re.compile(
    r"^(?:part\s+\w+|guests?|public|members\s+of\s+the\s+public|minute\s+taker|minutes?\b|quorum|agenda|items?\b|action|"
    r"call\s+to\s+order|witnessed|media|press|observing|declarations?|meeting\s+times?|opened|closed|report\b|invited|"
    r"visitors?|contact)", re.I)
_ITEM_LINE = re.compile(
    r"^(?:\d{1,4}(?:\.\d{1,3})*[.):]?|[IVX]{1,5}\.|[A-H]\.)\s+\S|^\d{2}\.\d{2}\.\d{2}\b"
    r"|^(?:Min(?:ute)?s?\.?\s*)?[A-Z]{1,4}\s?/?\s?\d{1,4}(?:/\d{1,4})?\.?\s+[A-Z]{2}"
    r"|^(?:[A-Z]{1,4}/)?\d{1,4}(?:/\d{1,4})+\.?$")  # "F/302/26" alone over its title  # "C/151/25", "PC/41 APOLOGIES", "LA 17/27 Apologies"
_STATUS_WORD = re.compile(r"(?i:present|absent|remote|late|excused)")
_OTHER_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z/&' -]{2,40}?)\s*:\s+(?P<rest>\S.*)$")
_VENUE_WORDS = re.compile(r"\b(?:chamber|chambers|room|hall|teams|zoom|online|remote|virtual|library)\b", re.I)


def parse_attendance(lines: list[str], h) -> None:
    """Attendance blocks: 'Present:', 'Attendance', 'Also in attendance:', 'Apologies:',
    'Absent:', roll calls. Used on the header and on items such as 'ROLL CALL'.

    A block's lines are gathered first: a comma list wrapped over lines ("..., Michael" /
    "Doyle, ...") is one list, while a column of names is one name a line."""
    mode = None
    label_line = ""
    block: list[str] = []
    affiliations = False  # this roll call prints one "Name, Organisation" a line

    def flush() -> None:
        nonlocal affiliations
        if mode and block:
            if surname_first_lines(block):
                block[:] = forename_first(block)  # "Boland, Cathal" / "Boland, Mark": one person a line
            elif _name_and_affiliation_lines(block):
                affiliations = True
                block[:] = [ln.split(",", 1)[0] + ";" for ln in block]  # "James Belsey, Morgan Stanley": the name
            elif affiliations and _affiliation_line(block[0]):
                # a shorter list under the next label, in the same "Name, Organisation" shape ("Not
                # present:" / "Roland Tritsch, Nitro"), ends at the first line of another shape
                run = [ln for ln in block[:next((i for i, ln in enumerate(block) if not _affiliation_line(ln)), len(block))]]
                block[:] = [ln.split(",", 1)[0] + ";" for ln in run]
            if not block:
                return
            text = block[0]
            for prev, line in zip(block, block[1:]):
                wrapped = prev.rstrip().endswith((",", "&", " and")) or re.search(r"[,\s][A-Z]\.$", prev.rstrip()) is not None \
                    or prev.count("(") > prev.count(")") or (line[:1].islower() and "," in prev) \
                    or (prev.count(",") >= 2 and re.search(r",\s*[A-Z][\w'’-]*$", prev.rstrip()) is not None
                        and re.match(r"^[A-Z][\w'’-]*\s*,", line) is not None) or (
                    ("," in prev or ";" in prev) and len(prev) > 45 and not prev.rstrip().endswith((".", ";", ")"))
                    and re.match(r"^[A-Z]", line))
                text += (" " if wrapped else "\n") + line
            _add_people(h, mode, text, label_line)
        block.clear()

    from .header_rollcall import forename_first, reshape, surname_first_lines, titled_cells  # it reads this module's patterns

    lines = reshape(lines)
    recent: list[str] = []
    name_col: int | None = None
    for idx, raw in enumerate(lines):
        if FURNITURE.match(raw.strip()):
            continue  # "--- PAGE 2 ---" between a list's lines is the page break, not a name
        ln = raw.strip().lstrip("#*-•> ").replace("**", "").strip()
        cells = [c.strip() for c in ln.strip("|").split("|")] if ln.count("|") >= 2 else []
        if cells and mode in {"attendees", "apologies", "absent"}:
            # a table of who attended under its label ("Name | Call Sign | Position"): the name column
            if all(re.fullmatch(r"[-:\s]*", c) for c in cells):
                continue  # a Markdown table's rule row
            head = [i for i, c in enumerate(cells) if re.fullmatch(r"(?i)(?:full\s+|member(?:'s)?\s+)?name", c)]
            if head:
                name_col = head[0]
                continue
            if name_col is None and len(cells) >= 2 and all(_PERSON_CELL.fullmatch(c) and not _ROLE_WORD.search(c) for c in cells):
                block.extend(c + ";" for c in cells)  # a members' table laid out in columns: every cell a person
                continue
            cell = cells[name_col or 0] if len(cells) > (name_col or 0) else ""
            if cell and re.match(r"[A-Z]", cell) and not find_dates(cell):
                block.append(cell + ";")
            continue
        if ln and _PRESENT_SENTENCE_LABEL.search(ln) and not re.search(r"\b(?:guests?|visitors?|public|observers?)\b", ln, re.I):
            flush()  # "The following people were present:" over a list or table of them
            mode, label_line, name_col = "attendees", ln, None
            continue
        if ln and _STATUS_WORD.fullmatch(ln) and len(recent) >= 2 and _ROLE_WORD.search(recent[-1]) \
                and re.fullmatch(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}", recent[-2]):
            # a table read cell by cell: "Peggy Catlin" / "Director, District N" / "Remote" —
            # the status is a cell, not an "Absent" label
            status = ln.lower()
            field_name = "absent" if status == "absent" else "apologies" if status == "excused" else "attendees"
            for target in (h.attendees, h.apologies, h.absent):
                if recent[-2] in target:
                    target.remove(recent[-2])
            _add_people(h, field_name, recent[-2], ln)
            recent.append(ln)
            continue
        if ln:
            recent.append(ln)
        ln = re.sub(r"^roll\s+call\s*[-–—:.]\s*(?=\S)", "", ln, flags=re.I)  # "ROLL CALL: Present: ...", "Roll Call – Members Present"
        if not ln:
            continue
        narrated = ln
        if _NARRATIVE_OPEN.search(ln) and not _NARRATIVE.search(ln):
            # "THOSE PRESENT WERE: Mayor Adams, Presiding; Commissioners Fish, Fritz," / "Leonard and
            # Saltzman, 5.": the sentence runs on to its full stop on the next lines
            narrated = " ".join([ln] + [x.strip() for x in lines[idx + 1:idx + 3]])
        for m in _NARRATIVE.finditer(narrated):
            names = re.split(r"(?<!\s[A-Za-z])(?<!^[A-Za-z])\.\s+|\s+also\s+present\b", m.group("names"))[0]
            if re.match(r"(?:the\s+following\s+)?(?:guests?|visitors?|members\s+of\s+the\s+public|residents?|observers?)\b", names, re.I):
                continue  # guests and the public are not the meeting's members
            _add_people(h, "attendees", names, m.group(0))
        if re.match(r"(?i)apologies\b", ln) and _prose(ln):
            # "Apologies for inability to attend were received for Councillors Tania Doyle," / "Corina
            # Johnston, ... and Helen Redwood.": a sentence in the roll call, to its full stop
            said = " ".join([ln] + [x.strip() for x in lines[idx + 1:idx + 3]])
            found = apologies_from_items([said], sentences_only=True)
            if found:
                flush()
                mode = None
                _add_people(h, "apologies", "; ".join(found), ln)
                continue
        for m in _ALSO_NARRATIVE.finditer(ln):
            if not re.search(r"\bguests?\b", m.group("name"), re.I):
                _add_people(h, "attendees", re.sub(r"^(?:[A-Z][a-z]+\s+)?(?=(?:[A-Z][\w.'’-]*\s+)?[A-Z][\w'’-]+$)", "", m.group("name"))
                            if len(m.group("name").split()) > 2 else m.group("name"), m.group(0))
        m = _CHAIR.match(ln)
        if m:
            flush()
            mode = None
            rest = re.split(r"\s+[-–—](?:\s+|$)", (m.group("rest") or "").strip(" ."))[0]  # "Kevin Cole — Cathaoirleach"
            if rest and not h.chair:
                h.chair = _strip_roles(_HONORIFIC.sub("", rest))
                _source(h, "chair", ln)
            if rest:
                _add_people(h, "attendees", rest, ln)
            else:
                mode, label_line = "chair", ln
            continue
        m = _CHAIRED_BY.search(ln)
        if m and not h.chair:
            name = re.split(r"(?<=[a-z]{2})\.\s", m.group("name"))[0]  # "Kenneth Gonsalves. He gave ..."
            h.chair = _HONORIFIC.sub("", name.strip(" ."))
            _source(h, "chair", ln)
        for rx, new_mode in ((_ALSO, "attendees"), (_APOLOGIES, "apologies"), (_ABSENT, "absent"), (_PRESENT, "attendees"),
                             (_PRESENT_QUALIFIED, "attendees")):
            m = rx.match(ln)
            if m and rx is _PRESENT_QUALIFIED and _NOT_MEMBERS.search(m.group("q")) \
                    and not re.search(r"(?i)\b(?:staff|officers|officials)\b", m.group("q")):
                # ("Staff and visitors present:" names the officers who attended with the members)
                flush()
                mode = None  # "Other Attendees": the visitors' list ends the members'
                break
            if m and rx is _PRESENT_QUALIFIED and not _GROUP_WORD.search(m.group("q")):
                m = None  # "Robert Allen Fisk Commissioner Present": a status row, not a label
            if m:
                flush()
                mode, label_line = new_mode, ln
                rest = (m.groupdict().get("rest") or m.groupdict().get("rest2") or "").strip()
                # "PRESENT (six Councillors): - Pam Bullas (PB), ...": the count and the dash before the list
                rest = re.sub(r"^\([^)]*\)\s*:?\s*[-–—]?\s*", "", rest)
                # "PRESENT/I LÁTHAIR", "IN ATTENDANCE/I LÁTHAIR": the label again in a second language
                rest = re.sub(r"^/\s*[^\s:/]+(?:\s+[^\s:/]+){0,2}\s*:?\s*$", "", rest)
                if rest and not rest.endswith(":") and not re.match(r"^\d+\s*/\s*\d+$", rest) and not _VENUE_WORDS.fullmatch(rest):
                    if not (_VENUE_WORDS.search(rest) and len(rest.split()) <= 3):
                        block.append(rest)
                break
        else:
            if _OTHER_LABEL_ALONE.match(ln):
                flush()
                mode = None
                continue
            if mode in {"attendees", "apologies", "absent"} and _GROUP_LABEL_ALONE.match(ln):
                flush()  # the list above ends here; the one below goes on under the same label
                continue
            if _MEMBER_LABEL_ALONE.match(ln) and not _NOT_MEMBERS.search(ln):
                flush()  # "Local Authority Members:" / "Community Members:" over the list below
                mode, label_line = "attendees", ln
                continue  # "Present" / "Councillors" / names / "Officials" / names: a sub-heading of the list
            lab = _OTHER_LABEL.match(ln)
            if lab:
                flush()
                in_roll_call = mode in {"attendees", "apologies", "absent"}
                if (in_roll_call and _ROLE_LABEL.search(lab.group("label")) and not _OTHER_LABEL_ALONE.match(lab.group("label"))
                        and not _NOT_MEMBERS.search(lab.group("label"))) or (re.search(r"\b(?:staff|officers?|officials|clerk|management|employees|advisers?|advisors?)\b", lab.group("label"), re.I)
                        or re.fullmatch(r"(?:[A-Z][\w'’-]*\s+){0,3}(?i:members?|councill?ors|cllrs|directors|trustees|commissioners|"
                                        r"representatives)(?:\s+(?i:present|participating|attending|joining|in\s+attendance)"
                                        r"(?:\s+(?i:remotely|virtually|online|in\s+person|by\s+(?:phone|video)))?)?",
                                        lab.group("label").strip())) \
                        and not _NOT_MEMBERS.search(lab.group("label")):
                    # "Garda Officers: ...", "Community Members: ...": a group of those attending; "Chief
                    # Executive: Kieran Kehoe" inside the roll call: an official attending
                    mode, label_line = "attendees", ln
                    block.append(lab.group("rest"))
                else:
                    mode = None  # "Guests:", "Members of the Public:", "Minute taker:" are not the meeting's members
                continue
            st = _STATUS_ROW.match(ln)
            if st and len(ln.split()) <= 10:
                status = st.group("status").lower()
                field_name = "absent" if status == "absent" else "apologies" if status in {"excused", "apologies"} else "attendees"
                _add_people(h, field_name, st.group("name"), ln)
                continue
            if mode is None:
                continue
            if raw.lstrip().startswith("#"):
                flush()  # a Markdown heading ("## Proceedings") ends the list under a label
                mode = None
                continue
            if mode == "chair":
                if _prose(ln):
                    mode = None  # "Presiding" over "The outgoing Cathaoirleach ... addressed the meeting": a heading
                    continue
                if not h.chair:
                    h.chair = _strip_roles(_HONORIFIC.sub("", ln.strip(" .")))
                    _source(h, "chair", label_line + " " + ln)
                _add_people(h, "attendees", ln, label_line)
                mode = None
                continue
            if block and block[-1].rstrip().endswith((",", " and", "&")) and re.match(r"^[A-Z]\.\s*(?:[A-Z]\.\s*)?[A-Z][\w'’-]+", ln) \
                    and not _prose(ln):
                block.append(ln)  # a comma list wrapped before an initial ("..., V. Behan," / "A. Breen, ..."): not an item "A."
                continue
            if ((len(ln) > 200 and not _comma_list(ln)) or ln.endswith(":") or _STOP.match(ln) or _ITEM_LINE.match(ln)
                    or (len(ln.split()) > 16 and not _comma_list(ln)) or _prose(ln)):
                if block and block[-1].rstrip().endswith((",", " and", "&")) and _prose(ln) \
                        and not _STOP.match(ln) and not _ITEM_LINE.match(ln):
                    # a list wrapped onto a line that goes on as prose ("Councilors Carolyn Bahrman," /
                    # "Brenda Ruble, and Bill Tuttle were present. City Attorney ..."): its end, to the full stop
                    block.append(re.split(r"(?<=[a-z]{2})\.(?:\s|$)", ln)[0])
                flush()
                mode = None
            elif not find_dates(ln):
                officers = titled_cells(ln)
                if officers:
                    block.append("; ".join(officers) + ";")  # "Mr. P. Corkery A/Dir Corporate Servi     Ms N. O’ Sullivan Dir ..."
                    continue
                m2 = _NAME_ROLE_LINE.match(ln)
                if block and "," in block[-1] and len(block[-1]) > 45 and not block[-1].rstrip().endswith((".", ";", ")")):
                    m2 = None  # the rest of a comma list wrapped from the line before, not "Name, Role"
                if m2 and _ROLE_WORD.search(m2.group("role")) and not _title_then_name(m2.group("role")) and not re.search(r",\s*(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+\s*(?:,|$)", m2.group("role")):
                    block.append(m2.group("name") + ";")  # "Mr. C. O'Reilly, Chief Executive"
                else:
                    block.append(ln)
    flush()
    if not h.chair:
        for name in h.attendees:
            if re.search(r"[(\[][^)\]]*\b(?:in the chair|chair(?:man|woman|person)?)\b[^)\]]*[)\]]", name, re.I):
                h.chair = re.sub(r"\s*[(\[].*$", "", name)
                _source(h, "chair", f"roll call: {name}")
                break
    # one person named twice ("Chair: Beau" + "Beau Scott"; "Uriel Hernandez" + a vote's "Hernandez") is one person
    for target in (h.attendees, h.apologies, h.absent):
        target[:] = [a for a in target if not (len(a.split()) == 1 and any(
            b != a and (b.split()[0] == a or re.sub(r"\s*[(\[].*$", "", b).split()[-1] == a) for b in target))]


_SMALL = {"and", "of", "the", "for", "on", "in", "to", "a", "at", "by", "de", "la", "e", "van", "von", "der", "da", "du", "le"}


def _name_and_affiliation_lines(block: list[str]) -> bool:
    """One person a line, each 'Name, Organisation' ("Stu Hood, Twitter"): three or more lines
    with one comma each, a name of two or more words before it and no honorific after it (which
    would make the line two people)."""
    return len(block) >= 3 and all(_affiliation_line(ln) for ln in block)


def _affiliation_line(ln: str) -> bool:
    if ln.count(",") != 1 or ln.rstrip().endswith(","):
        return False
    name, after = (p.strip() for p in ln.split(",", 1))
    return bool(re.fullmatch(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}", name)) and not _HONORIFIC.match(after + " ") \
        and not re.match(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s", after)


# "Councillors" / "Officials" alone under "Present": which group the names below belong to
_GROUP_LABEL_ALONE = re.compile(r"^(?:councill?ors|cllrs|members|officials|officers|staff|directors|trustees|commissioners|"
                                r"executive|management|elected\s+members|comhairleoir[ií])(?:\s*/\s*[^\s:/]+(?:\s+[^\s:/]+)?)?\s*:?$", re.I)
_MEMBER_LABEL_ALONE = re.compile(r"^(?:[A-Z][\w'’-]*\s+){0,3}(?:members|councill?ors|officers|officials|representatives|"
                                 r"directors|trustees|commissioners)\s*:$", re.I)
_PERSON_CELL = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}")


def _title_then_name(role: str) -> bool:
    """'Superintendent Michelle' (wrapped before 'Baker, ...'): a rank and a person's name, not
    the office of the name before the comma ('Chief Executive', 'Director of Services')."""
    words = role.split()
    return len(words) >= 2 and bool(_ROLE_WORD.fullmatch(words[0])) and words[-1][:1].isupper() \
        and not _ROLE_WORD.fullmatch(words[-1]) and not re.search(r"\b(?:of|for|and|to|the)\b", role) \
        and not re.search(r"[^\w\s'’-]", role)


def _comma_list(ln: str) -> bool:
    """'CharlesL, Hadrien, ivan, Wolfgang Dale, ...': a long line that is a list of names, not prose."""
    # "Councillors A, B, ... and County Councillor C.": "and" and the honorifics separate names too
    pieces = [_HONORIFIC.sub("", p.strip(" .")) for p in re.split(r",|;|\band\b|&", ln)]
    return len(pieces) >= 6 and all(1 <= len(p.split()) <= 4 for p in pieces if p) and not _prose(ln)


def _prose(ln: str) -> bool:
    """A sentence ('... chaired this meeting in the absence of ...'), not a list of names."""
    words = re.findall(r"[A-Za-z][\w'’-]*", re.sub(r"\([^)]*\)", " ", ln))
    return sum(1 for w in words if w[0].islower() and w not in _SMALL) >= 3


def _source(h, name: str, line: str) -> None:
    sources = getattr(h, "sources", None)
    if sources is not None and name not in sources:
        sources[name] = f"roll call: {line.strip()[:160]}"


def _add_people(h, field_name: str, text: str, line: str | None = None) -> None:
    target = getattr(h, field_name)
    added = False
    names: list[str] = []
    for name in split_names(text):
        if len(name) > 80 or len(name.split()) > 8:
            # "David Storey (Director of Services/Environment, Climate Action, ...)": a long office in brackets
            short = re.sub(r"\s*\([^)]{30,}\)\s*$", "", name)
            names.extend(split_names(short) if short != name else [name])
        else:
            names.append(name)
    for name in names:
        # "G. Donohue (online)": how a person attended, in brackets, keeps the name
        if len(name) <= 80 and name not in target and len(name.split()) <= 8 \
                and not _is_venue(re.sub(r"\([^)]*\)", " ", name)) \
                and not _NOT_A_PERSON.search(re.sub(r"\([^)]*\)", " ", name)) and not _office_not_name(name):
            target.append(name)
            added = True
    if added:
        _source(h, field_name, line or text)


_VENUE_BEFORE_HALL = re.compile(r"\b(?:town|village|city|county|parish|church|memorial|community|civic|guild|market|assembly|"
                                r"sports?|scout|school|library|council|public|the|main|village)\s+hall\b", re.I)


# words that name an organisation or a seat, not a person: a members' table read column by column
# ("Sector / Agency / Name") puts "Dept of Social Protection" and "PPN Community & Voluntary" among the names
_NOT_A_PERSON = re.compile(
    r"/|\b(?:council|dept|department|board|services?|union|ltd|limited|association|authority|agency|partnership|committee|"
    r"development|education|health|training|protection|inclusion|environment|farming|agriculture|business|employers?|"
    r"voluntary|community|sector|statutory|vacant|position)\b", re.I)


def _office_not_name(name: str) -> bool:
    """'Cabinet Member with Responsibility for Children', 'Chief': an office listed where the
    page left out who holds it (a name has no lower-case words but its particles, and is not a
    role word alone)."""
    bare = re.sub(r"\([^)]*\)", " ", name).split()
    if len(bare) == 1:
        return bool(_ROLE_WORD.fullmatch(bare[0]))
    return len(bare) >= 3 and any(re.fullmatch(r"[a-z]{4,}", w) and w not in _SMALL for w in bare)  # "with"; not "v.", "hArgáin"


def _is_venue(name: str) -> bool:
    """'Council Chamber', 'Village Hall', 'MS Teams': where the meeting was, not who came —
    but 'Michelle Hall' is a person whose surname is Hall."""
    if not _VENUE_WORDS.search(name):
        return False
    if re.fullmatch(r"(?:[A-Z][\w.'’-]*\s+){1,3}Hall", name.strip()) and not _VENUE_BEFORE_HALL.search(name):
        return bool(_VENUE_WORDS.search(re.sub(r"\bHall$", "", name.strip())))
    return True


ROLL_CALL_TITLE = re.compile(
    r"\b(?:roll\s+call|attendance|present|attendees?|call\s+to\s+order|opening|welcome|sederunt|quorum)\b", re.I)


def attendance_from_items(items, h) -> None:
    """Attendance recorded in the first items rather than the header: a 'Roll Call' or
    'Members Present' item, or the roll call inside 'Call to Order' / 'Opening'.
    Only the first few items are read: a roll call stands at the start of the minutes.
    A narrated roll call hard-wrapped over lines ("The following members ... were present at
    the / meeting: A, B, / C and D.") is read from the item's paragraph joined up."""
    k = 0
    for it in list(items)[:12]:
        if k >= 4:
            break
        if len((it.text or "").split()) < 8 and not ROLL_CALL_TITLE.search(it.title or ""):
            # a masthead line the segmenter took for an item ("CLOSED SESSION MEETING" / "4:00
            # P.M.", the venue and its address) is not one of the minutes' first items
            continue
        k += 1
        # a titled roll call anywhere in the first items; the labelled or narrated roll call
        # ("Board members present were ...") inside the first items whatever their title
        if ROLL_CALL_TITLE.search(it.title or "") or k <= 2:
            lines = [ln.strip() for ln in (it.text or "").split("\n") if ln.strip()]
            if not any(_NARRATIVE.search(ln) for ln in lines):  # read first: the roll call comes first
                for m in _NARRATIVE.finditer(re.sub(r"\s*\n\s*", " ", it.text or "")):
                    _add_people(h, "attendees", re.split(r"(?<!\s[A-Za-z])(?<!^[A-Za-z])\.\s+|\s+also\s+present\b", m.group("names"))[0], m.group(0))
            parse_attendance([it.title] + lines, h)


def present_not_apologised(attendees: list[str], apologies: list[str], absent: list[str]) -> list[str]:
    """Attendees without those the minutes record as sending apologies or absent: a
    membership list printed as 'Attendees' is not proof that everyone on it came."""
    away = {_person_key(n) for n in apologies + absent}
    return [a for a in attendees if _person_key(a) not in away]


def _person_key(name: str) -> tuple[str, str]:
    words = re.findall(r"[A-Za-z][\w'’-]*", re.sub(r"[(\[].*$", "", _HONORIFIC.sub("", name)))
    return (words[-1].lower(), words[0][0].lower() if len(words) > 1 else "") if words else ("", "")


# "Apologies were accepted for Cllr A, Cllr B and Cllr C (all personal reasons).", "Apologies were
# also received from Cllr D, Norfolk County Council." — each sentence, up to its full stop or a
# blank line; "Cllr." and initials do not end it
_APOLOGY_VERB = (r"(?:had\s+been\s+|were\s+|have\s+been\s+)?(?:(?:also\s+)?(?:received|submitted|given|tendered|provided|sent|offered|"
                 r"recorded|noted)(?:\s+and\s+accepted)?|accepted)\s+(?:on behalf of|from|for)\s*:?\s+")
_APOLOGIES_SENTENCE = re.compile(
    # "Apologies of absence were provided for ...", or a text that goes on from a title which
    # carried the sentence's subject ("... APOLOGIES FOR ABSENCE Apologies of absence" / "were provided for A, B")
    r"(?:apologies(?:\s+(?:for|of)\s+(?:absence|inability\s+to\s+attend|non-attendance))?\s+|^\s*(?=(?:had\s+been|were|have\s+been)\s))" + _APOLOGY_VERB +
    r"(?P<names>(?:[^.\n]|\n(?!\s*\n|\s*apolog)|(?<=\b[A-Z])\.|(?<=\bCllr)\.|(?<=\bCllrs)\.|(?<=\bMrs)\.|(?<=\b[MD]r)\.|(?<=\bMs)\.)+"
    r"(?:\([^)]*\)[^.\n]*)?)", re.I)
_ORG_END = re.compile(r"\b(?:Council|Committee|Association|Society|Authority|Board)$")


def apologies_from_items(texts: list[str], sentences_only: bool = False) -> list[str]:
    """Apologies stated inside an 'Apologies' item ("Apologies were received from ..."). With
    `sentences_only`, only the first such sentence of each text, never a bare line of names
    (for text that is not known to be an apologies item)."""
    out: list[str] = []
    for t in texts:
        found = [m for m in _APOLOGIES_SENTENCE.finditer(t)][:1 if sentences_only else None]
        for m in found:
            names = re.split(r"\s+(?=(?:These|This|They|All|Which|Who)\s+(?:were|was|are|is|have|had)\b)", m.group("names"))[0]
            # "received and accepted from: Apologies for absence received from Cllr. Mack, ...": the heading repeated
            names = re.sub(r"^apologies\b[^.\n]{0,60}?\b(?:from|for)\s*:?\s+", "", names, flags=re.I)
            out.extend(n for n in split_names(re.sub(r"\s*\n\s*", " ", names))
                       if not _ORG_END.search(n) and n not in out)
        if found or sentences_only:
            continue
        # an 'Apologies' item whose text is just the names ("A Armstrong EDC and M Armstrong")
        first = next((ln.strip() for ln in t.split("\n") if ln.strip()), "")
        if first and len(first.split()) <= 25 and not re.search(r"\b(?:were|was|had|no|none|nil|as above)\b", first, re.I) \
                and re.search(r"[A-Z]", first) and not first.endswith(":"):
            out.extend(split_names(first))
    return out
