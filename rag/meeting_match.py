"""Which stored meetings a question points at, from what it says (`MeetingRef`) and what the
store knows about each meeting (council, committee, date, the document's own heading and
its file name).

Why: a question about "Manordeilo and Salem Community Council's January 2018 meeting" must
be answered from that meeting and not from its February one, and on real minutes the
metadata is often incomplete (many documents never state the council's name; a file name
often does). So a meeting's *names* are every place it is named, matched word by word with
rarer words counting more (many meetings share "council" or "board", few share "Salem"),
and initials count for the words they abbreviate ("LCSP"). Dates then narrow the named
meetings; a date that matches none of them dates an event, not the meeting, and is
ignored unless the question says it dates the meeting ("at its 26 April 2022 meeting").

Nothing here knows any particular council: it is word overlap, initials and dates.
"""
from __future__ import annotations

import math
import operator
import re
from collections.abc import Iterable
from pathlib import Path

from ingest.model import Meeting

from .question import MeetingRef, rule

# Words too common in body names to identify one (they still count, weakly, through idf).
_STOP = set("""a an the of and for on in at to by with de la le du des minutes meeting meetings regular special
ordinary monthly annual general held""".split())
_NAME_SHARE = 0.75  # a phrase names the meetings holding at least this share of its best match
_HEAD_CHARS = 400
_PHRASE_HELD = 0.6  # share of a question's name phrase (idf-weighted) a meeting's names must hold  # how much of the document's opening (its heading) names the meeting


def _tokens(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", re.sub(r"[’']s\b", "", (text or "").lower()))
    return [w for w in words if len(w) > 1 and w not in _STOP and not w.isdigit()]


def _initials(text: str) -> set[str]:
    """Initials of capitalised runs and of their sub-runs: 'Apache Software Foundation Board'
    -> asf, asfb, sfb, ...; 'Local Community Safety Partnership' -> lcsp (small words skipped)."""
    out = set()
    for m in re.finditer(r"\b[A-Z][A-Za-z]+(?:[ \t]+(?:and[ \t]+|of[ \t]+|for[ \t]+|&[ \t]+)?[A-Z][A-Za-z]+)+", text or ""):
        caps = [w[0] for w in m.group(0).split() if w[0].isupper()]
        for i in range(len(caps)):
            for j in range(i + 2, min(len(caps), i + 6) + 1):
                out.add("".join(caps[i:j]).lower())
    return out


def _file_words(source: str) -> str:
    """A file name as words: 'na-01_north-star_town-board_2020-08-17.html' -> 'north star town board'."""
    stem = Path(source or "").stem
    return re.sub(r"[_\-.]+", " ", re.sub(r"\b[a-z]{1,3}-\d{1,3}\b|\d{4}-\d{2}-\d{2}", " ", stem))


_HEADING_END = re.compile(r"^\s*(?:attendance|present|apologies|venue|contact|members|councillors|in attendance|"
                          r"also present|absent|chair(?:man|person)?\b|roll call)\b", re.I | re.M)


def heading(m: Meeting) -> str:
    """The document's title lines: its opening up to the first attendance, venue or contact
    line (those hold people's and places' names, which name no body)."""
    text = (m.preamble or "")[:_HEAD_CHARS] or (m.items[0].title if m.items else "")
    cut = _HEADING_END.search(text)
    return text[: cut.start()] if cut else text


_NAMES_CACHE: dict[tuple, dict[str, float]] = {}
_NAMES_CACHE_MAX = 200_000


def meeting_names(m: Meeting) -> dict[str, float]:
    """Every word that names this meeting's body, with how surely it names it: council,
    committee, file name and their initials 1.0; words of the document's heading 0.5 (a
    heading also holds the venue, the agenda's first lines, a website's menu).

    Cached, keyed by everything the names are computed from (so an edited or re-ingested
    meeting gets fresh names): every question resolves against every stored meeting, and
    recomputing thousands of meetings' names cost about a second per question. The dict
    returned is shared: callers read it, never change it."""
    key = (m.id, m.council, m.committee, m.source,
           (m.preamble or "")[:_HEAD_CHARS] or (m.items[0].title if m.items else ""))
    found = _NAMES_CACHE.get(key)
    if found is None:
        if len(_NAMES_CACHE) >= _NAMES_CACHE_MAX:
            _NAMES_CACHE.clear()
        found = _NAMES_CACHE[key] = _meeting_names(m)
    return found


def _meeting_names(m: Meeting) -> dict[str, float]:
    words: dict[str, float] = {}
    for text, weight in ((m.council or "", 1.0), (m.committee or "", 1.0), (_file_words(m.source), 1.0),
                         (heading(m), 0.5)):
        for w in set(_tokens(text)) | _initials(text):
            words[w] = max(words.get(w, 0.0), weight)
    for w in _initials(" ".join(x.capitalize() for x in _tokens(_file_words(m.source)))):
        words[w] = max(words.get(w, 0.0), 1.0)
    return words


_WRITTEN_CACHE: dict[tuple, frozenset[str]] = {}


def written_names(m: Meeting) -> frozenset[str]:
    """The words naming this meeting's body as written (council, committee, file name,
    heading; no initials derived from them). Why apart from `meeting_names`: a question's
    "Govan Community Council" abbreviates to GCC, and so do Guelph City Council and
    Garelochhead Community Council; only a meeting that itself writes "GCC" (and so may be
    known by it alone) holds the whole name through its initials."""
    key = (m.id, m.council, m.committee, m.source,
           (m.preamble or "")[:_HEAD_CHARS] or (m.items[0].title if m.items else ""))
    found = _WRITTEN_CACHE.get(key)
    if found is None:
        if len(_WRITTEN_CACHE) >= _NAMES_CACHE_MAX:
            _WRITTEN_CACHE.clear()
        found = _WRITTEN_CACHE[key] = frozenset(
            w for text in (m.council or "", m.committee or "", _file_words(m.source), heading(m)) for w in _tokens(text))
    return found


def _phrase_words(name: str) -> tuple[set[str], str | None]:
    """A question's name phrase as words (with any acronym it holds, "WLUG") and its initials
    ("Waikato Linux Users Group" -> wlug: a meeting known by those initials has the whole name)."""
    words = set(_tokens(name)) | {w.lower() for w in re.findall(r"\b[A-Z]{2,8}\b", name)}
    caps = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())
    return words, (caps.lower() if len(caps) >= 3 else None)


_MEETING_KINDS = {"minutes", "meeting", "meetings", "regular", "special", "ordinary", "monthly", "annual", "general",
                  "agm", "egm"}


def phrase_initials(name: str) -> tuple[str, ...]:
    """The initials a question's name phrase may be written as: of all its capitalised words
    ("Waikato Linux Users Group" -> wlug), and of those that are not the kind of meeting
    ("Waikato Linux Users Group AGM" -> wlug too)."""
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()]
    found = []
    for kept in (words, [w for w in words if w.lower() not in _MEETING_KINDS]):
        caps = "".join(w[0] for w in kept).lower()
        if len(caps) >= 3:
            found.append(caps)
    return tuple(dict.fromkeys(found))


def _file_date(m: Meeting) -> tuple[int, int, int] | None:
    found = re.search(r"((?:19|20)\d{2})[-_](\d{2})[-_](\d{2})", Path(m.source or "").stem)
    return tuple(int(x) for x in found.groups()) if found else None  # type: ignore[return-value]


def _date_parts(m: Meeting) -> tuple[int, int, int] | None:
    if not m.date:
        return _file_date(m)  # undated minutes: the date their file name gives
    y, mo, d = (int(x) for x in m.date.split("-"))
    return y, mo, d


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def date_fits(m: Meeting, ref: MeetingRef) -> bool:
    """The meeting's date fits the question's year/month/day; failing that (a misread date),
    its heading states the asked month and year."""
    return _fits(_date_dossier(m), ref)


def _date_dossier(m: Meeting) -> tuple:
    """What `_fits` reads of a meeting: its stated date parts, the file name's date parts
    and the lower-cased heading words (preamble start, committee, file name)."""
    head = " ".join([(m.preamble or "")[:_HEAD_CHARS], m.committee or "", _file_words(m.source)]).lower()
    return _date_parts(m), _file_date(m), head


def _fits(dossier: tuple, ref: MeetingRef) -> bool:
    stated, filed, head = dossier
    for parts in (stated, filed):  # the stated date, else (a misread one) the file name's
        if parts is None:
            continue
        y, mo, d = parts
        if (not ref.years or y in ref.years) and (not ref.months or mo in ref.months) and \
                not (ref.day and len(ref.months) == 1 and d != ref.day):
            return True
    if ref.years and ref.months and len(ref.months) == 1:
        month = _MONTHS[ref.months[0] - 1]
        return any(str(y) in head for y in ref.years) and month in head
    return False


def _on_the_day(index: "_Index", fits: list[int], ref: MeetingRef) -> list[int]:
    """Of the meetings whose date fits the question, those held on the very day it names, when
    any is: a body meeting on 16 and 23 March whose 23 March minutes name "the March 16
    meeting" near their heading fits "the meeting of March 16" by its heading too, but the
    16 March meeting is the one meant. When no meeting was held that day, the day dates an
    event ("the balance as of August 30") and the month's meeting stands."""
    if not ref.day or len(ref.months) != 1 or not rule("other_day"):
        return fits
    exact = [j for j in fits if (stated := index.dates[j][0]) is not None
             and stated[1] == ref.months[0] and stated[2] == ref.day and (not ref.years or stated[0] in ref.years)]
    return exact or fits


_COMMON_CACHE: dict[tuple, frozenset[str]] = {}
_ADDRESS = re.compile(r"\S*(?:[@/]|\w\.\w)\S*")


def _lowercase_words(meetings: list[Meeting]) -> frozenset[str]:
    """Words the stored minutes use in lower case at least twice (so ordinary words, not
    names), cached per set of stored meetings."""
    key = tuple(sorted((m.id, m.text_hash, len(m.items)) for m in meetings))
    if key not in _COMMON_CACHE:
        from collections import Counter

        counts: Counter = Counter()
        for m in meetings:
            for it in m.items:
                # web and e-mail addresses are lower case whatever they name ("wiki.hacdc.org")
                counts.update(re.findall(r"(?<![A-Za-z])[a-z][a-z]+", _ADDRESS.sub(" ", it.text)))
        if len(_COMMON_CACHE) > 8:
            _COMMON_CACHE.clear()
        _COMMON_CACHE[key] = frozenset(w for w, c in counts.items() if c >= 2)
    return _COMMON_CACHE[key]


class _Index:
    """The stored meetings' names and dates, laid out once per set of meetings so a question
    costs lookups, not a pass over every meeting: which meetings each name word (and
    initials) names, with its weight, how many meetings each word names (its rarity), and
    each meeting's date parts and heading. At 3,708 meetings resolving one question went
    from ~170 ms (load 3) to ~20 ms (load 8), same results (tests/test_meeting_index.py)."""

    def __init__(self, meetings: list[Meeting]) -> None:
        self.meetings = meetings  # held: the cache key uses their identities
        self.names = [meeting_names(m) for m in meetings]
        self.written = [written_names(m) for m in meetings]
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for j, have in enumerate(self.names):
            for w, weight in have.items():
                self.postings.setdefault(w, []).append((j, weight))
        self.common = _lowercase_words(meetings)
        self.dates = [_date_dossier(m) for m in meetings]

    def df(self, word: str) -> int:
        return len(self.postings.get(word, ()))

    def date_fits(self, j: int, ref: MeetingRef) -> bool:
        """`date_fits` over the precomputed dossier."""
        return _fits(self.dates[j], ref)


_INDEXES: dict[tuple, _Index] = {}
_KEY_FIELDS = operator.attrgetter("id")
_INDEXES_MAX = 4


def _index(meetings: list[Meeting]) -> _Index:
    """The index of this list of meetings (same objects, same names and dates), built once."""
    # The same objects (the index holds them, so their identities are not reused) with the
    # same ids: a stored Meeting is never edited in place (the store reads new objects after
    # a write). Built in C: ~0.3 ms at 3,708 meetings, where a tuple of fields cost ~2-20 ms.
    key = (tuple(map(id, meetings)), tuple(map(_KEY_FIELDS, meetings)))
    found = _INDEXES.get(key)
    if found is None:
        if len(_INDEXES) >= _INDEXES_MAX:
            _INDEXES.pop(next(iter(_INDEXES)))
        found = _INDEXES[key] = _Index(meetings)
    return found


def resolve_meetings(ref: MeetingRef, meetings: Iterable[Meeting]) -> list[Meeting] | None:
    """The stored meetings the question points at, oldest first; None when it points at none
    in particular (search everything). An empty list means it names a meeting that is not
    stored (a date that explicitly dates a meeting, and no stored meeting has it).

    Each capitalised phrase of the question is tried as the body's name, most distinctive
    first (the sum of the rarity of its words found in some meeting's names); a phrase names
    the meetings holding at least 3/4 of that. The first phrase whose meetings include one
    on the question's date wins; a phrase naming nothing distinctive (a word every meeting
    shares) is skipped.
    """
    meetings = list(meetings)
    if not meetings or ref.is_empty():
        return None
    index = _index(meetings)
    n = len(meetings)
    has_date = bool(ref.years or ref.months)
    ranked: list[tuple[float, list[int]]] = []
    common = index.common
    for phrase in ref.names:
        words, _ = _phrase_words(phrase)
        initials = phrase_initials(phrase)
        if not words or all(w in common for w in words):
            continue  # "Children", "Care Programme": ordinary words capitalised, a topic not a body
        # rarer words name more surely; a word no meeting's names hold is the rarest of all
        idf = {w: math.log(1 + n / max(0.5, index.df(w))) for w in words}
        total = sum(idf.values())
        # cover: the idf-weighted share of the phrase a meeting's names hold (summed in the
        # phrase's word order), or all of it when the meeting writes the phrase's initials
        cov: dict[int, float] = {}
        for w, v in idf.items():
            for j, weight in index.postings.get(w, ()):
                cov[j] = cov.get(j, 0) + v * weight
        for i in initials:
            for j, weight in index.postings.get(i, ()):
                if weight >= 1.0 and i in index.written[j]:
                    cov[j] = total
        best = max(cov.values(), default=0.0)
        # a phrase names a body when some meeting's names hold most of it ("Graded Care
        # Profile" is not the "Social Care Panel") and not only words every meeting shares
        if best < _PHRASE_HELD * total or best <= math.log(2) + 1e-9:
            continue
        ranked.append((best, sorted(j for j, c in cov.items() if c >= _NAME_SHARE * best)))
    ranked.sort(key=lambda r: -r[0])
    chosen: list[Meeting] | None = None
    for _, named in ranked:
        fits = _on_the_day(index, [j for j in named if index.date_fits(j, ref)], ref) if has_date else named
        if fits:
            chosen = [meetings[j] for j in fits]
            break
    if chosen is None:
        dated = [meetings[j] for j in _on_the_day(index, [j for j in range(n) if index.date_fits(j, ref)], ref)] \
            if has_date else []
        if ranked and not (ref.dated_meeting and has_date):
            chosen = [meetings[j] for j in ranked[0][1]]
        elif dated:
            chosen = dated
        elif ref.dated_meeting and has_date:
            return []
        else:
            chosen = meetings
    if ref.relative in ("last", "first"):
        by_date = sorted((m for m in chosen if m.date), key=lambda m: m.date)
        if by_date:
            chosen = [by_date[-1] if ref.relative == "last" else by_date[0]]
    if len(chosen) == len(meetings):
        return None
    return sorted(chosen, key=lambda m: (m.date or "9999", m.id))
