"""Answers with agenda-item citations.

The extractive engine (the default, no LLM, no network) answers with sentences taken
verbatim from the retrieved agenda items, so every claim is a checkable quote. Sentences
are scored on meaning (MiniLM cosine), on words shared with the question (weighted by
rarity), and on the question's type: numbers for "how many", dates for "when",
people/roles for "who", resolutions for "what was decided". When even the best sentence
scores below a threshold calibrated on the evaluation fixtures (eval/calibrate.py), the
engine says the minutes don't say, rather than guess.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date as _date

from ingest.errors import MinutesError
from ingest.model import HEADER_ITEM, AgendaItem, Answer, Citation, Meeting, SearchHit, display_date

from .cite import is_instruction
from .meeting_match import date_fits, meeting_names, resolve_meetings
from .question import (MOMENT_GAPS, Question, QuestionProfile, asked_action, evidence_gap, evidence_words, initialisms,
                       keywords, moment_gap, profile, rule, stem)
from .retrieve import Filters, Retriever, check_query
from .sentences import (entries_after, heading_lists, is_furniture, is_label, label_blocks, list_blocks, list_lead, listed_entries,
                        running_heads, sentence_windows, sentence_spans, split_sentences, status_windows)
from .topic_cover import refine_cover

def _calibration() -> dict:
    """Written by `python -m eval.calibrate --write` (fitted leave-one-body-out on the sample
    fixtures and the development corpus): the refusal threshold on the best evidence's score
    and the least share of the question's topic words the evidence must hold."""
    import json
    from pathlib import Path

    path = Path(__file__).with_name("calibration.json")
    try:
        return dict(json.loads(path.read_text()))
    except (OSError, ValueError):
        return {}


_CAL = _calibration()
# None: refusal rests on the evidence checks and topic coverage alone, which held up better on
# minutes from bodies left out of the fit than a threshold on the raw score did (eval/calibrate.py)
_THRESHOLD = _CAL.get("refusal_threshold", 0.45)
REFUSAL_THRESHOLD = float("-inf") if _THRESHOLD is None else float(_THRESHOLD)
MIN_COVER = float(_CAL.get("min_cover", 0.0))
# A line this short is read with its lead-in for topic cover (a design choice, not fitted)
SHORT_LINE_WORDS = 14
WHOLE_ITEM_CHARS = 8000  # longer items are read through their retrieved passages only (speed)
REFUSAL_TEXT = "The minutes don't say."

def located_words(question: QuestionProfile, meeting: Meeting, meeting_text: str) -> set[str]:
    """Question words that say which meeting is meant (its committee, council, venue, month
    and year, and a place the question puts the meeting in: "Middlesbrough's panel"): the
    filters and the meeting checks use them, so in scoring a sentence of that meeting they
    are neither evidence nor missing."""
    words = set(keywords(" ".join(n for n in (meeting.committee, meeting.council, meeting.venue) if n)))
    if meeting.date:
        words |= set(keywords(_date.fromisoformat(meeting.date).strftime("%B %Y")))
    words |= {stem(e.lower()) for e in question.locators if e.lower() in meeting_text}
    # words of the question's name phrases that name this meeting's body ("North Star Town Board")
    names = meeting_names(meeting)
    for phrase in question.meeting.names:
        words |= {stem(w) for w in keywords(phrase) if w in names}
        words |= {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", phrase) if w.lower() in names}
    # the question's month and year locate the meeting only where they are the meeting's own
    # ("does the committee meet in March 2024?" asks about March)
    when = _date.fromisoformat(meeting.date) if meeting.date else None
    if when is None:
        from .meeting_match import _file_date

        found = _file_date(meeting)
        when = _date(*found) if found else None
    if when is not None:
        if when.year in question.meeting.years:
            words.add(str(when.year))
        if when.month in question.meeting.months:
            words.add(stem(when.strftime("%B").lower()))
    return words


# Words minutes put around a meeting's name in its title block ("Minutes of the Special Meeting
# of Full Council", "Draft minutes of the annual general meeting"), and the question words a
# title block can answer (when, where, at what time it was held)
_TITLE_WORDS = frozenset(keywords("minutes minute draft unapproved meeting meetings proceedings notes "
                              "record special annual general ordinary regular monthly extraordinary statutory full "
                              "inaugural joint adjourned plenary session board committee council of the held"))
_ABOUT_THE_MEETING = frozenset(keywords("held hold start started begin began commence commenced convene convened meet met "
                                    "time date day place venue location located where when"))
_CALENDAR_STEMS = frozenset(keywords("january february march april may june july august september october november december "
                                 "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
                                 "friday saturday sunday st nd rd th am pm"))


# A document's own metadata, as front matter or a scraper's stamp, not the minutes' record
_METADATA_LINE = re.compile(r"^\s*(?:(?:title|date|author|authors|publisher|layout|tags|categories|category|permalink|"
                            r"slug|description|lang|source|url)|(?i:fetched|retrieved|downloaded|source url))\s*:\s*\S")


# an item headed as the meeting's attendance ("Present", "View Attendee List", "Members Present",
# "Apologies for absence", "Regrets")
_ATTENDANCE_TITLE = re.compile(r"^(?:[\w’' ]{0,20}\s)?(?:present|attendees?(?:\s+list)?|attendance|in attendance|apologies"
                               r"(?:\s+for\s+absence)?|absent|absences|regrets|roll call|members present|"
                               r"attendee list)\s*:?$", re.I)


# "how many people": people are what an attendance list lists
_PEOPLE = frozenset(keywords("people persons person individuals participants attendees members councillors "
                             "directors trustees officers staff guests visitors residents"))
_ATTENDANCE_LABELS = frozenset(keywords("present attendance attendees attended attending absent apologies regrets "
                                        "online remote"))
_PRESENT_LABELS = frozenset(keywords("present attendance attendees attended attending online remote"))
_ATTENDED = frozenset(keywords("present attended attendees"))


_ATTENDANCE_Q = re.compile(r"\bapolog|\battend|\bpresent\b|\babsent|\bin the chair\b|\bchaired\b|\broll call\b|"
                           r"\b(?:took|taking|take|taken) (?:the )?minutes\b|\bminute[- ]?tak", re.I)
_CAUSE = re.compile(r"\b(?:because|due to|owing to|as a result|in order to|so that|so as to|since|reasons?|caused|"
                    r"to allow|to enable|to ensure|to avoid|pending|"
                    r"given that|in view of|on the grounds|in light of|as (?:the|it|they|there|this)\b)", re.I)
_OUTCOME = re.compile(
    r"\b(?:agreed|resolved|decided|concluded|recommended|approved|endorsed|deferred|referred|retain(?:ed)?|leave|left|"
    r"carried|accepted|rejected|refused|declined|granted|withdrawn|postponed|lost|failed|passed)\b|\b(?:would|will|should) be \w+(?:ed|en)\b|"
    r"\b(?:would|will) (?:provide|bring|report|circulate|write|arrange|review|look|consider|monitor)\b", re.I)
# a vote as counted or called: a tally, a roll call, names for and against (not just "carried")
_TALLY = re.compile(r"(?<![\d/])(?<!No\. )(?<!#)\b\d{1,3}\s?[-–:]\s?(?!0\d)\d{1,3}\b(?![\d/])(?!\s*(?:am|pm))|\bunanim|\bnem\.?\s?con\b|"
                    r"\b(?:yeas?|nays?|ayes|noes|abstain\w*|abstentions?)\b|\bshow of hands\b|"
                    r"\b(?:all|\d{1,3}|none|no one|nobody)\s+(?:\w+\s+){0,2}?(?:in favou?r|against)\b|"
                    r"\broll[- ]call\b|\b(?:for|yes|no)\s*[:=\-]?\s*\d{1,3}\b|\bvotes? (?:for|to)\b|\bvoted\b", re.I)
_MOTION_START = re.compile(r"\b(?:moved|motion|proposed|resolved|seconded)\b", re.I)
# who voted how: a roll call, names under yeas/nays ("Trustee Elton – yes", "Nays: Coleman")
_ROLL = re.compile(r"\broll[- ]call\b|\b(?:yeas?|nays?|ayes|noes)\s*[:\-–(]|\bvoting (?:in favou?r|against)\b|"
                   r"[–-]\s*(?:yes|no|aye|nay)\b", re.I)
# what a motion or a matter came to, as minutes record it (not what "would be done" on the way)
_RESULT = re.compile(r"\b(?:agreed|resolved|decided|carried|approved|passed|adopted|accepted|rejected|refused|"
                     r"deferred|lost|failed|granted|endorsed|declined|withdrawn)\b", re.I)
_AT_DATED_MEETING = re.compile(
    r"\bat\s+(?:its|the|their|that|this)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+\d{4}\s+(?:meeting|session)|"
    r"\bat\s+(?:its|the|their)\s+meeting\s+(?:held\s+)?(?:on|in)\b", re.I)


@dataclass
class Candidate:
    text: str
    hit: SearchHit
    rank: int
    is_resolution: bool = False
    is_title: bool = False
    semantic: float = 0.0
    lexical: float = 0.0
    bonus: float = 0.0
    score: float = 0.0
    valid: bool = True
    features: dict = field(default_factory=dict)


class ExtractiveEngine:
    """Selects answer sentences from retrieved items. Stateless apart from caches."""

    def __init__(self, retriever: Retriever, top_items: int = 5, threshold: float | None = None,
                 min_cover: float | None = None) -> None:
        self.retriever = retriever
        self.top_items = top_items
        self.threshold = REFUSAL_THRESHOLD if threshold is None else threshold
        self.min_cover = MIN_COVER if min_cover is None else min_cover
        self.last_evidence: dict | None = None
        self.last_hits: list[SearchHit] = []
        self._decision_cache: dict[str, dict[str, list[str]]] = {}
        self._emb_cache: dict[str, list[float]] = {}
        self._common_cache: dict[str, set[str]] = {}
        self._acronyms: dict[str, dict[str, str]] = {}
        self._heads_cache: dict[tuple[str, str], frozenset[str]] = {}

    # --- evidence -------------------------------------------------------------------------

    def meetings_for(self, q: Question, filters: Filters | None) -> list[Meeting] | None:
        """The stored meetings the question points at (within the user's filters), oldest
        first; None = no particular meeting; [] = a meeting that is not stored."""
        base = filters or Filters()
        stored = [m for m in self.retriever.store.meetings() if base.matches(m)]
        if base.meeting_id:
            return stored
        return resolve_meetings(q.meeting, stored)

    def retrieve(self, question: str | Question, filters: Filters | None,
                 meetings: list[Meeting] | None = None, top_k: int | None = None) -> tuple[list[SearchHit], Filters]:
        """Agenda items for the question, from the meeting(s) it points at when it points at some."""
        q = profile(question)
        base = filters or Filters()
        top_k = top_k or self.top_items
        if meetings is None:
            meetings = self.meetings_for(q, filters)
        if meetings is None:
            return self.retriever.search(q, base, top_k=top_k), base
        if not meetings:
            return [], _describe_missing(q, base)
        if len(meetings) == 1:
            used = replace(base, meeting_id=meetings[0].id)
            return self.retriever.search(q, used, top_k=top_k), used
        # one search scoped to the meetings named (a store-level filter, so it costs one query
        # however many meetings a question names, not one per meeting)
        scoped = replace(base, meeting_ids=tuple(m.id for m in meetings))
        wide = self.retriever.search(q, scoped, top_k=top_k * 8)
        if len(wide) < top_k:
            # too few items found: make sure each meeting named that got none is searched on its own
            have = {(w.meeting_id, w.item_number) for w in wide}
            reached = {w.meeting_id for w in wide}
            for m in meetings:
                if m.id in reached:
                    continue
                for h in self.retriever.search(q, replace(base, meeting_id=m.id), top_k=2):
                    if (h.meeting_id, h.item_number) not in have:
                        have.add((h.meeting_id, h.item_number))
                        wide.append(h)
        return wide[:top_k], base

    def meeting_decisions(self, question: str | Question, filters: Filters | None) -> Answer | None:
        """"What were the main decisions of the meeting on ...": every resolution of that one
        meeting, substantive ones first. None when the question does not pin down one meeting."""
        q = profile(question)
        question = q.text
        meetings = self.meetings_for(q, filters)
        if meetings is None:
            return None
        if not meetings:
            return Answer(question, f"{REFUSAL_TEXT} (No stored meeting matches {describe_filters(_describe_missing(q, filters or Filters()))}.)",
                          True, [], "extractive")
        if (q.meeting.meeting_on or q.meeting.dated_meeting) and not any(date_fits(m, q.meeting) for m in meetings):
            return Answer(question, f"{REFUSAL_TEXT} (No stored meeting matches {describe_filters(_describe_missing(q, filters or Filters()))}.)",
                          True, [], "extractive")
        if len(meetings) > 1:
            return None
        m = meetings[0]
        found = [(it, r) for it in m.items for r in self._decisions(m.id, it)]
        if not found:
            return Answer(question, f"The minutes of {m.title} record no formal resolutions.", False, [], "extractive",
                          notices=["no resolutions found in this meeting"])
        found.sort(key=lambda pair: _procedural(pair[0].title))
        citations, lines = [], []
        for it, r in found:
            hit = SearchHit(m.id, it.label, it.title, m.committee, m.council, m.date, 1.0, r, "resolution", it.truncated)
            citations.append(citation_for(m, hit, r))
            lines.append(f"- Item {it.label} ({it.title}): {r} [{len(citations)}]")
        text = f"Decisions of {m.title}:\n" + "\n".join(lines)
        notices = truncation_notices(citations)
        return Answer(question, text + ("\n\n" + " ".join(notices) if notices else ""), False, citations, "extractive")

    def candidates(self, hits: list[SearchHit], qtype: str, question: str = "") -> list[Candidate]:
        if (_ATTENDANCE_Q.search(question) or (question and profile(question).place)) and rule("header_hits"):  # attendance lives in the meeting header, whatever the question's kind
            hits = hits + self._header_hits(hits)
        out: list[Candidate] = []
        seen: set[tuple[str, str, str]] = set()
        # only questions asking which ones, who or how many read a whole list as one piece of
        # evidence (for others its many entries would outweigh the sentence that answers)
        asks_listed = bool(question) and profile(question).answer_type in ("list", "person", "count")
        for rank, hit in enumerate(hits):
            item = self._item(hit)
            texts: list[tuple[str, bool, bool]] = [(hit.item_title, False, True)]
            sources = list(hit.passages)
            # the whole item where the answer may sit outside the retrieved passages; a very long
            # "item" (a document the parser could not split) only through its retrieved passages
            if item is not None and (qtype in ("decision", "date", "who", "number") or rank < 2) \
                    and len(item.text) <= WHOLE_ITEM_CHARS:
                sources.append(item.text)
            for source in sources:
                texts += [(s, False, False) for s in split_sentences(source)]
                texts += [(w, False, False) for w in sentence_windows(source)]
                if rule("status_lines"):  # "... matters.\nNot Held": a line with its status line under it
                    texts += [(w, False, False) for w in status_windows(source)]
                if rule("label_blocks"):
                    texts += [(b, False, False) for b in label_blocks(source)]
                if rule("list_blocks") and asks_listed:  # a lead-in with the entries listed under it, as one quote
                    texts += [(b, False, False) for b in list_blocks(source)]
                if rule("heading_lists") and asks_listed:  # "## Present" with the names listed under it
                    texts += [(b, False, False) for b in heading_lists(source)]
            if item is not None:
                texts += [(r, True, False) for r in self._decisions(hit.meeting_id, item)]
            for text, is_res, is_title in texts:
                key = (hit.meeting_id, hit.item_number, text)
                if key in seen or (len(text) < 12 and not is_res):
                    continue
                seen.add(key)
                out.append(Candidate(text=text, hit=hit, rank=rank, is_resolution=is_res, is_title=is_title))
        return out

    def _decisions(self, meeting_id: str, item: AgendaItem) -> list[str]:
        """What the item decided, verbatim: the decisions register's entries for it
        (rag/register.py: resolutions, motions carried or lost, action-log entries), else the
        item's resolutions."""
        if meeting_id not in self._decision_cache:
            texts: dict[str, list[str]] = {}
            try:
                from .register import decisions_of

                for d in decisions_of(self.retriever.store.get_meeting(meeting_id)):
                    texts.setdefault(d.item_number, []).append(d.text)
            except (ImportError, MinutesError):
                texts = {}
            self._decision_cache[meeting_id] = texts
        found = [t for t in self._decision_cache[meeting_id].get(item.label, [])
                 if t in item.full_text or t in item.resolutions]  # only verbatim quotes can be cited
        return list(dict.fromkeys(item.resolutions + found))

    def _header_hits(self, hits: list[SearchHit]) -> list[SearchHit]:
        """Attendance lives in the meeting header, or in a section headed as attendance ("##
        Present", "Attendees", "Apologies"): offer them for the meetings already found."""
        extra = []
        for mid in dict.fromkeys(h.meeting_id for h in hits):
            m = self.retriever.store.get_meeting(mid)
            if m.preamble and not any(h.meeting_id == mid and h.item_number == HEADER_ITEM for h in hits):
                extra.append(SearchHit(mid, HEADER_ITEM, m.header_item().title, m.committee, m.council, m.date, 0.0,
                                       m.preamble, passages=[m.preamble]))
            if not rule("attendance_sections"):
                continue
            for it in m.items:
                if it.text.strip() and _ATTENDANCE_TITLE.match(it.title.strip()) \
                        and not any(h.meeting_id == mid and h.item_number == it.label for h in hits):
                    extra.append(SearchHit(mid, it.label, it.title, m.committee, m.council, m.date, 0.0, it.text,
                                           passages=[it.text], truncated=it.truncated))
        return extra

    def _item(self, hit: SearchHit) -> AgendaItem | None:
        try:
            return self.retriever.store.get_meeting(hit.meeting_id).item(hit.item_number)
        except MinutesError:
            return None

    def _context(self, c: Candidate) -> str:
        """Words a resolution is about without repeating them: its item's title, and for a bare
        "NOTED" or "AGREED" the whole item, which is what was noted or agreed."""
        if not c.is_resolution:
            return ""
        item = self._item(c.hit)
        if len(c.text.split()) <= 3 and item is not None:
            return f" {c.hit.item_title} {item.blurb} {item.text}"
        return f" {c.hit.item_title}"

    def _query_vec(self, text: str) -> list[float]:
        from .embed import embed_query  # the model's query vector; ONNX without importing llama-index

        key = "\0query:" + text
        if key not in self._emb_cache:
            self._emb_cache[key] = embed_query(text)
        return self._emb_cache[key]

    def _embed(self, texts: list[str]) -> list[list[float]]:
        from .embed import embed_texts_cached

        missing = [t for t in dict.fromkeys(texts) if t not in self._emb_cache]
        if missing:
            vecs = embed_texts_cached(missing)  # sentence vectors persisted per store (rag/sentence_cache.py)
            if len(self._emb_cache) > 50_000:
                self._emb_cache.clear()
            self._emb_cache.update(zip(missing, vecs))
        return [self._emb_cache[t] for t in texts]

    # --- scoring --------------------------------------------------------------------------

    def score(self, question: str | QuestionProfile, cands: list[Candidate], qtype: str | None = None) -> None:
        """Score every candidate and mark invalid those that cannot answer the question."""
        p = question if isinstance(question, QuestionProfile) else profile(question)
        if qtype and qtype != p.kind:
            p = QuestionProfile(text=p.text, kind=qtype)
        question, qtype = p.text, p.kind
        if not cands:
            return
        meetings = {mid: self.retriever.store.get_meeting(mid) for mid in dict.fromkeys(c.hit.meeting_id for c in cands)}
        meeting_text = {mid: self._meeting_text(mid) for mid in meetings}
        # the whole question is embedded: taking the meeting's name and date out of it first
        # (an earlier rule) lost 4 of 328 corpus questions out-of-fold (eval/ablate.py)
        qvec = self._query_vec(question)
        qvecs = {mid: qvec for mid in meetings}
        # a value standing alone under its heading ("Next Meeting Date" / "Tuesday, November 14,
        # 2023"; "Apologies for absence" / "Cllr Hoskins.") is read as the field line it is
        fielded = [c.is_resolution or (rule("heading_field") and self._is_field_value(c)) for c in cands]
        vecs = self._embed([f"{c.hit.item_title}: {c.text}" if f else c.text for c, f in zip(cands, fielded)])
        # the act on a motion a "who" question asks the doer of ("seconded", "moved") is what the
        # evidence check requires; it says nothing about which motion, so it is not topic cover.
        # (Not "chaired", "elected": there the office is the topic; dropping it lost 2 corpus questions.)
        act = asked_action(question) if rule("act_not_topic") else None
        act = act if act and act.startswith(("secon", "move", "propo")) else None
        qwords_all = {w for w in p.words if not (act and w.startswith(act[:5]))} or set(p.words) or set(keywords(question))
        qwords_located = {mid: located_words(p, m, meeting_text[mid]) if rule("located_words") else set()
                          for mid, m in meetings.items()}
        qwords = {mid: (qwords_all - qwords_located[mid]) or qwords_all for mid in meetings}
        title_words = {(c.hit.meeting_id, c.hit.item_number): evidence_words(c.hit.item_title) for c in cands}
        p_of = {mid: replace(p, words=tuple(w for w in p.words if w in qwords[mid]) or p.words) for mid in meetings}
        spelled = initialisms(question)
        # words of the question's name phrases that name the meeting's own body ("the Indian
        # Python Software Society" for minutes headed "Python Software Society"): they placed
        # the meeting, so they need not be in its text
        naming = {mid: _naming_words(p, m) for mid, m in meetings.items()}
        words_of = [evidence_words(self._expand_acronyms(c.hit.meeting_id, c.text, spelled) + self._context(c)
                                   + (f" {c.hit.item_title}" if f and not c.is_resolution else "")) for c, f in zip(cands, fielded)]
        # rarity of each question word among the candidates: a word every sentence shares says little
        df = {w: sum(1 for words in words_of if w in words) for w in qwords_all}
        n = len(cands)
        idf = {w: math.log(1 + n / (1 + df[w])) for w in qwords_all}
        semantic = _cosines(qvecs, vecs)
        for i, (c, words) in enumerate(zip(cands, words_of)):
            mid = c.hit.meeting_id
            c.semantic = semantic[mid][i]
            c.lexical = sum(idf[w] for w in qwords[mid] if w in words) / (sum(idf[w] for w in qwords[mid]) or 1.0)
            # topic coverage: the question's topic words in the sentence or its item's title
            near = words | title_words[(mid, c.hit.item_number)]
            cover = sum(idf[w] for w in qwords[mid] if w in near) / (sum(idf[w] for w in qwords[mid]) or 1.0)
            # no bonus for holding the asked-for type of fact: the evidence checks already drop what
            # lacks it, and the bonus (an earlier rule) lost 2 of 328 corpus questions out-of-fold
            bonus = 0.0
            if p.answer_type == "why" and rule("cause_bonus"):
                bonus += 0.08 if _CAUSE.search(c.text) else 0.0  # "why": the sentence giving the cause
            if c.is_title and rule("title_penalty"):
                bonus -= 0.05
            # (no penalty by retrieval rank: it lost 2 of 328 corpus questions out-of-fold)
            c.bonus = bonus
            c.score = 0.55 * c.semantic + 0.45 * c.lexical + bonus
            # a name the question gives must be in the evidence's meeting, as written or as its
            # root ("Indian" Python Society, minutes of the Python Society "of India")
            missing = [e for e in p.entities if _root(e) not in meeting_text[mid] and e.lower() not in naming[mid]] \
                if rule("entities_in_meeting") else []
            # the checks look for the fact beside what is asked about, not beside the meeting's own name
            gap = evidence_gap(p_of[mid], c.text, self._common(c.hit.meeting_id), c.hit.item_title)
            if gap in MOMENT_GAPS and rule("moment_lead_in") \
                    and moment_gap(question, f"{c.text}\n{c.hit.item_title}\n{self._text_before(c)}") is None:
                gap = None  # "Next Meeting\nDate:\n\nTuesday 2nd December 2025": the moment is named just above
            if gap is None and is_instruction(c.text):
                gap = "reads as an instruction to the reader, not a record"  # text in minutes is data
            if gap is None and rule("page_furniture") and is_furniture(c.text, self._running_heads(meetings[mid])):
                gap = "a page header or footer, not a record"  # "Minutes of ... Page 2 of 2"
            if gap is None and rule("title_block") and not c.is_resolution and (qwords[mid] - _ABOUT_THE_MEETING) \
                    and self._is_title_block(c.text, meetings[mid]):
                # the line that names the meeting ("## Node.js Foundation TSC Meeting 2018-06-20") says
                # when and where it met, nothing about what it did
                gap = "the meeting's title, not a record"
            if gap is None and rule("label") and _needs_record(p) and not c.is_resolution and ":" not in c.text and is_label(c.text):
                gap = "a label, not a record"  # "Treasurer's Report", "Grant Application for ..." say nothing happened
            if gap is None and not c.is_title and rule("lead_in_cover") \
                    and len((split_sentences(c.text) or [c.text])[0].split()) <= SHORT_LINE_WORDS:
                # evidence opening with a short field or bullet line ("President Marx seconded the
                # motion.", "$768/month") is about what the lines before it say: its item's opening
                # and its lead-in
                lead = evidence_words(self._lead_in(c))
                cover = max(cover, sum(idf[w] for w in qwords[mid] if w in near | lead) / (sum(idf[w] for w in qwords[mid]) or 1.0))
            # a heading answers nothing, unless it is the whole record: an item with no text under
            # a heading that says something ("Accept all previous proposals / Dokuka / Paluch / Passed")
            heading_only = c.is_title and rule("heading_record") and self._heading_is_record(c)
            listed = 0
            if gap in ("no new figure", "no count figure") and p.number_kind == "count" and rule("listed_count"):
                # "how many were appointed": minutes list them under a lead-in rather than count them
                listed = len(listed_entries(c.text)) if "\n" in c.text else 0
                counted = _counted_words(question) - qwords_located[mid]
                # what the list says it lists: its lead-in or heading, and its item's heading (not the
                # meeting header's own "Attendance and meeting details")
                labelled = evidence_words(list_lead(c.text)) | (
                    title_words[(mid, c.hit.item_number)] if c.hit.item_number != HEADER_ITEM else frozenset())
                people = rule("people_listed") and bool(counted) and counted <= _PEOPLE and bool(labelled & _ATTENDANCE_LABELS)
                if listed >= 2 and counted and not counted & (evidence_words(c.text) | title_words[(mid, c.hit.item_number)]) \
                        and not people:
                    # "how many members voted": a list of something else (but "how many people were
                    # present" is answered by the names under "Present")
                    listed = 0
                if listed >= 2:
                    # what is counted is what the lead-in (or label) says the entries are: the
                    # topic must be there or in the item's title, not merely among the entries
                    lead = evidence_words(list_lead(c.text)) | title_words[(mid, c.hit.item_number)]
                    if people:
                        # under an attendance label ("Present", "Attendees", "Online:") the entries are
                        # the people who attended: "how many people attended / were present" is its topic
                        # (not under "Apologies": those did not attend)
                        lead = lead | (set(qwords[mid]) & (_PEOPLE | (_ATTENDED if labelled & _PRESENT_LABELS else frozenset())))
                    cover = sum(idf[w] for w in qwords[mid] if w in lead) / (sum(idf[w] for w in qwords[mid]) or 1.0)
                    gap = None
                    if rule("listed_lexical") and (people or (counted and counted <= labelled)):
                        # the list's words are names; what it is about is its lead: score it on that,
                        # where the lead says it lists what is counted
                        c.lexical = max(c.lexical, cover)
                        c.score = 0.55 * c.semantic + 0.45 * c.lexical + c.bonus
                else:
                    listed = 0
            c.valid = gap is None and not missing and not (c.is_title and qtype != "multi" and not heading_only)
            c.features = {"semantic": round(c.semantic, 3), "lexical": round(c.lexical, 3), "bonus": round(bonus, 3),
                          "cover": round(cover, 3), "gap": gap, "missing": missing, "listed": listed}

    def _running_heads(self, m: Meeting) -> frozenset[str]:
        """The meeting's running page heads (rag/sentences.py `running_heads`), read once per
        version of its text: a re-ingest that replaces a meeting's text keeps its id."""
        key = (m.id, m.text_hash)
        if key not in self._heads_cache:
            self._heads_cache[key] = running_heads("\n".join([m.preamble] + [f"{it.title}\n{it.text}" for it in m.items]))
        return self._heads_cache[key]

    def _is_title_block(self, text: str, meeting: Meeting) -> bool:
        """Is `text` the meeting's title block: short lines whose every word names the meeting
        (its body, committee, title, the words minutes put around a meeting's name) or dates
        it? Such a line answers when or where the meeting was, never what it did."""
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if not lines or len(text.split()) > 30:
            return False
        naming = set(keywords(" ".join(n for n in (meeting.title, meeting.committee, meeting.council) if n))) | _TITLE_WORDS
        named = False
        for ln in lines:
            if _METADATA_LINE.match(ln):
                named = True  # the web page's or file's own fields ("title: ...", "Fetched: 2026-04-18T18:12:09Z")
                continue
            words = {w for w in keywords(ln) if not w.isdigit() and w not in _CALENDAR_STEMS and len(w) > 1}
            if not words <= naming:
                return False
            named = named or bool(words)  # (a line of a date alone belongs to the title block around it)
        return named

    def _text_before(self, c: Candidate, chars: int = 200) -> str:
        """The text just above `c` in its item (a heading line inside the item, a label)."""
        item = self._item(c.hit)
        text = item.text if item is not None else ""
        pos = text.find(c.text)
        return text[max(0, pos - chars):pos] if pos > 0 else ""

    def _lead_in(self, c: Candidate) -> str:
        """The item's first sentence and the sentence just before `c` in its item: what a short
        list or field line continues (the motion a "seconded" line seconds, the heading line of
        a list)."""
        item = self._item(c.hit)
        text = item.text if item is not None else ""
        pos = text.find(c.text)
        if pos < 0:
            return ""
        before = split_sentences(text[:pos])
        first = split_sentences(text[:400])[:1]
        return " ".join(first + before[-1:])

    def _is_field_value(self, c: Candidate) -> bool:
        """Is `c` the whole (short) text of an item, a value its heading labels?"""
        if c.is_title or len(c.text) > 160:
            return False
        item = self._item(c.hit)
        return item is not None and item.text.strip() == c.text.strip()

    def _heading_is_record(self, c: Candidate) -> bool:
        """An item with no text whose heading says something (not a verbless label): a table
        row or a one-line motion the parser took as the item's heading."""
        item = self._item(c.hit)
        return item is not None and not item.text.strip() and len(c.text.split()) >= 4 and not is_label(c.text)

    def _expand_acronyms(self, meeting_id: str, text: str, spelled: dict[str, str] | None = None) -> str:
        """'WCF was overspent' also matches 'Worcestershire Children First' where the minutes
        define it, or where the question spells out a name with those initials (`spelled`)."""
        if meeting_id not in self._acronyms:
            found = {}
            for m in re.finditer(r"((?:[A-Z][\w’'&-]*\s+){1,6}?)\(([A-Z]{2,8})\)", self._meeting_text_raw(meeting_id)):
                words, abbr = m.group(1).split(), m.group(2)
                take = words[-len(abbr):] if len(words) >= len(abbr) else words
                found[abbr] = " ".join(take)
            self._acronyms[meeting_id] = found
        known = {**(spelled or {}), **self._acronyms[meeting_id]}
        extra = [long for abbr, long in known.items() if re.search(rf"\b{re.escape(abbr)}\b", text)] if rule("acronyms") else []
        return text + (" " + " ".join(extra) if extra else "")

    def _common(self, meeting_id: str) -> set[str]:
        """Words the meeting uses in lower case (so, not names)."""
        if meeting_id not in self._common_cache:
            text = self._meeting_text_raw(meeting_id)
            self._common_cache[meeting_id] = set(re.findall(r"(?<![.?!]\s)\b([a-z][a-z’'\-]+)\b", text))
        return self._common_cache[meeting_id]

    def _meeting_text_raw(self, meeting_id: str) -> str:
        m = self.retriever.store.get_meeting(meeting_id)
        return " ".join([m.preamble] + [f"{it.title} {it.blurb} {it.text}" for it in m.items])

    def _meeting_text(self, meeting_id: str) -> str:
        m = self.retriever.store.get_meeting(meeting_id)
        return " ".join([self._meeting_text_raw(meeting_id), m.committee or "", m.council or "", m.venue or ""]).lower()

    # --- answering ------------------------------------------------------------------------

    def answer(self, question: str | Question, filters: Filters | None = None) -> Answer:
        q = profile(check_query(question) if isinstance(question, str) else question)
        question = q.text
        self.last_evidence, self.last_hits = None, []  # what the last answer rested on (eval/calibrate.py reads it)
        self.last_refusal = None  # why the last answer refused, when it did (for diagnosis: which check refuses)
        meetings = self.meetings_for(q, filters)
        if q.kind == "meeting_decisions":
            decided = self.meeting_decisions(q, filters)
            if decided is not None:
                self.last_evidence = None if decided.refused else {"score": 1.0, "cover": 1.0}
                return decided
            q = replace(q, kind="decision")
        if not (filters and filters.meeting_id):
            # a question over several meetings, one part each (rag/timeline.py, TIMELINE's hook)
            from .timeline import across_meetings, timeline_answer

            several = across_meetings(self, q, meetings, filters)
            if several:
                return timeline_answer(self, q, several, filters)
        qtype = q.kind
        hits, used = self.retrieve(q, filters, meetings)
        self.last_hits = hits
        if not hits:
            return no_evidence_answer(question, used, "extractive")
        cands = self.candidates(hits, qtype, question)
        self.score(q, cands)
        cands.sort(key=lambda c: c.score, reverse=True)
        valid = [c for c in cands if c.valid]
        best = valid[0] if valid else None
        if best is not None:
            # the evidence lacks what is asked (a total, what was said, the asked value's form, someone
            # new, a choice made, the dated meeting): no cover (rag/topic_cover.py, REFUSAL's hook)
            taken = set(split_sentences(best.text))
            beside = next((c.text for c in valid[1:6] if c.score >= best.score - 0.12 and c.hit.meeting_id == best.hit.meeting_id
                           and c.hit.item_number == best.hit.item_number and not taken & set(split_sentences(c.text))), "")
            item = self._item(best.hit)
            refine_cover(q, best, self._common(best.hit.meeting_id), meetings, beside, item.text if item else "")
            self.last_evidence = {"score": best.score, "cover": best.features.get("cover", 0.0)}
        if best is None or not self.passes(best):
            closest = best or (cands[0] if cands else None)
            self.last_refusal = _refusal_reason(best, cands, self.min_cover)
            return Answer(question, REFUSAL_TEXT, True, [], "extractive",
                          notices=[f"closest evidence: {_label(closest)} (score {closest.score:.2f})"] if closest else [],
                          confidence=round(best.score, 4) if best else None)
        lost = self._lost_to_truncation(q, best) if qtype != "multi" and rule("truncation") else None
        if lost:
            return Answer(question, f"{REFUSAL_TEXT} {lost}", True, [], "extractive",
                          notices=[f"closest evidence: {_label(best)} (score {best.score:.2f})"])
        if qtype == "multi":
            chosen = self._one_per_item(valid)
        else:
            taken = set(split_sentences(best.text))
            # (a count the minutes give by listing is one count: not a second list's length beside it)
            one_count = rule("one_count") and bool(best.features.get("listed"))
            chosen = [best] + [c for c in valid[1:6] if c.score >= best.score - 0.12
                               and not taken & set(split_sentences(c.text))
                               and not (one_count and c.features.get("listed"))][:1 if rule("second_sentence") else 0]
            # ("did they adopt X?" is answered by what they decided, as "what did they decide" is)
            if (qtype == "decision" or q.answer_type == "decision"
                    or (q.answer_type == "yesno" and rule("outcome_yesno"))) and rule("outcome_after"):
                chosen += self._outcome_after(best, chosen)
            if q.answer_type == "why" and rule("cause_near"):
                chosen += self._cause_near(best, chosen)
            if q.vote and rule("tally_after"):
                chosen += self._tally_after(best, chosen)
        if rule("listed_after"):
            chosen += self._listed_after(chosen)
        if q.answer_type in ("list", "person") and qtype != "multi" and rule("list_follows"):
            chosen += self._list_follows(chosen[0], chosen)
        # sentences added from around the evidence pass the same data-not-instructions rule
        chosen = [c for c in chosen if not is_instruction(c.text)]
        answer = self._compose(question, chosen)
        answer.confidence = round(best.score, 4)
        return answer

    def passes(self, c: Candidate) -> bool:
        """Evidence enough to answer: a score at the calibrated threshold and the question's
        topic words (idf-weighted) covered at the calibrated share (rag/calibration.json)."""
        return c.score >= self.threshold and c.features.get("cover", 1.0) >= self.min_cover

    def _lost_to_truncation(self, p: QuestionProfile, best: Candidate) -> str | None:
        """Where the best evidence runs into the point at which the source minutes were cut
        ("two years ago the rate of agency ..."), and the cut-off words are what the question
        asks about, the answer was lost with the rest of the text: say so instead of quoting
        the half that survived."""
        item = self._item(best.hit)
        if item is None or not item.truncated:
            return None
        sentences = split_sentences(item.text)
        if not sentences or not sentences[-1].rstrip().endswith(("...", "…")):
            return None
        fragment = sentences[-1]
        cut_at = item.text.rfind(fragment)
        start = item.text.find(best.text)
        if start < 0 or start + len(best.text) < cut_at - 3:
            return None
        kept = evidence_words(item.text[start:cut_at])
        lost = (set(p.words) & evidence_words(fragment)) - kept
        if not lost:
            return None
        return (f"(Item {best.hit.item_number} of {best.hit.committee or 'the meeting'}, {display_date(best.hit.date)}, "
                "is cut off in the source just where it would answer this; the full minutes may say more.)")

    def _outcome_after(self, best: Candidate, chosen: list[Candidate]) -> list[Candidate]:
        """Minutes record a discussion and then what was agreed ("... members leaving early.
        This would be audited going forward."): for a question about what was decided, add the
        first outcome sentence that follows the best evidence in the same paragraph."""
        # a motion the register holds ("Moved by Hensley to defer.") may still be followed by its result
        result_only = best.is_resolution or bool(_OUTCOME.search(best.text))
        if result_only and (not rule("outcome_para") or _RESULT.search(best.text)):
            return []
        item = self._item(best.hit)
        if item is None:
            return []
        found = _locate(item.text, best.text)
        if found is None:
            return []
        start, end = found
        text = item.text
        have = {c.text for c in chosen}
        if rule("outcome_para"):
            # a paragraph ends at a blank line or a new bullet, not at a line wrapped in the
            # source ("Refer to City Manager for review\nof funding alternatives. Motion Carried 7-0.")
            para = re.search(r"\n\s*\n|\n(?=\s*(?:[•·▪\-–*]|\(?[a-z0-9]{1,3}[.)]\s))", text[end:])
            para_end = end + para.start() if para else len(text)
        else:
            para_end = text.find("\n", end)
            para_end = para_end if para_end >= 0 else len(text)
        spans = [(end + a, end + b) for a, b in sentence_spans(text[end:para_end])][:6]
        if rule("outcome_para"):
            # the motion's result, when it comes within three sentences, beats what "would be done"
            # on the way ("A web form would be established ... Simon moved ...; Dan seconded; and
            # the motion was carried.")
            for i, (a, b) in enumerate(spans[:3]):
                if _RESULT.search(text[a:b]) and text[a:b] not in have:
                    return [Candidate(text=text[spans[0][0]: b], hit=best.hit, rank=best.rank, score=best.score)]
        if result_only:
            return []
        for i, (a, b) in enumerate(spans):
            sentence = text[a:b]
            if _OUTCOME.search(sentence) and sentence not in have and not any(sentence in h for h in have):
                if rule("outcome_para") and 0 < i <= 2:
                    # the motion's remaining terms up to its result ("Moved by X to defer. Refer to
                    # the City Manager for review. Motion Carried 7-0.")
                    sentence = text[spans[0][0]: b]
                return [Candidate(text=sentence, hit=best.hit, rank=best.rank, score=best.score)]
        if rule("outcome_para") and para_end < len(text):
            # a discussion paragraph, then the outcome on its own ("The proposal was accepted by a
            # show of hands.")
            nxt = sentence_spans(text[para_end:])[:1]
            if nxt:
                sentence = text[para_end + nxt[0][0]: para_end + nxt[0][1]]
                if _OUTCOME.search(sentence) and len(sentence.split()) <= 20 and sentence not in have:
                    return [Candidate(text=sentence, hit=best.hit, rank=best.rank, score=best.score)]
        return []

    def _tally_after(self, best: Candidate, chosen: list[Candidate]) -> list[Candidate]:
        """"How did they vote" is answered by the tally or roll call, which minutes record on
        the line after the motion ("Moved by Hensley to adopt. Motion Carried 6-1. Nays:
        Coleman."; "... second by Trustee Piacentini.\nRoll Call was taken as follows: ..."):
        when the evidence holds no tally, add the sentences after it up to the first that
        does, within three sentences of the same paragraph."""
        if any(_ROLL.search(c.text) for c in chosen):
            return []
        # "All were in favor." counts the vote; the roll call after it says who voted how
        counted = any(_TALLY.search(c.text) for c in chosen)
        item = self._item(best.hit)
        text = item.text if item is not None else ""
        found = _locate(text, best.text)
        if found is None:
            return []
        end = found[1]
        para = re.search(r"\n\s*\n", text[end:])
        para_end = end + para.start() if para else len(text)
        spans = [(end + a, end + b) for a, b in sentence_spans(text[end:para_end])][:12]
        for i, (a, b) in enumerate(spans[:2] if counted else spans):
            if _ROLL.search(text[a:b]) or (not counted and _TALLY.search(text[a:b])):
                # the lines up to the tally when it follows closely; else the tally line alone (a
                # motion quoting a long amendment: "The vote totals on this amendment were: 5 yes")
                quote = text[spans[0][0]: b] if i < 3 else text[a:b]
                return [Candidate(text=quote, hit=best.hit, rank=best.rank, score=best.score)]
            if i >= 2 and _MOTION_START.search(text[a:b]):
                break  # another motion: its tally is not this one's
        return []

    def _cause_near(self, best: Candidate, chosen: list[Candidate]) -> list[Candidate]:
        """"Why" is answered by the cause, which minutes often give in the sentence after (or
        before) the one naming the matter ("... recused herself from item 11. ... as the listed
        entity is a client of her employer"): add the nearest sentence of the same paragraph
        that states a cause, when the best evidence does not."""
        if _CAUSE.search(best.text):
            return []
        item = self._item(best.hit)
        text = item.text if item is not None else ""
        found = _locate(text, best.text)
        if found is None:
            return []
        start, stop = found
        spans = sentence_spans(text)
        here = [i for i, (a, b) in enumerate(spans) if a <= start < b or start <= a < stop]
        if not here:
            return []
        first, last = here[0], here[-1]
        have = " ".join(c.text for c in chosen)
        for i in (last + 1, first - 1, last + 2):
            if not 0 <= i < len(spans):
                continue
            lo, hi = min(spans[i][0], start), max(spans[i][1], start + len(best.text))
            if text.count("\n\n", lo, hi):
                continue  # another paragraph
            sentence = text[spans[i][0]: spans[i][1]]
            if _CAUSE.search(sentence) and sentence not in have:
                return [Candidate(text=sentence, hit=best.hit, rank=best.rank, score=best.score)]
        return []

    def _listed_after(self, chosen: list[Candidate]) -> list[Candidate]:
        """A sentence that introduces a list ("approve the following people as volunteers:",
        "the four priority categories are:") answers only with the entries that follow it:
        add them, as one quote running from the first entry to the last."""
        out = []
        have = " ".join(c.text for c in chosen)
        for c in chosen:
            if not c.text.rstrip().endswith(":"):
                continue
            item = self._item(c.hit)
            if item is None or c.text not in item.text:
                continue
            text = item.text
            entries = entries_after(text, text.find(c.text) + len(c.text))
            if not entries:
                continue
            a = text.find(entries[0], text.find(c.text))
            b = text.find(entries[-1], a) + len(entries[-1])
            quote = text[a:b]
            if quote and quote not in have:
                out.append(Candidate(text=quote, hit=c.hit, rank=c.rank, score=c.score))
        return out

    def _list_follows(self, best: Candidate, chosen: list[Candidate], reach: int = 600) -> list[Candidate]:
        """Minutes name the matter and then list it ("... highlighting the priority acquisition
        categories. ... The four categories were identified as follows: ➢ ..."; "three
        vacancies. Nominations had been received from: Tania Allard ..."): for a question
        asking which ones or who, add the first list (lead-in and entries) that starts shortly
        after the best evidence in the same item."""
        item = self._item(best.hit)
        if item is None or best.is_title:
            return []
        text = item.text
        found = _locate(text, best.text)
        if found is None:
            return []
        end = found[1]
        have = " ".join(c.text for c in chosen)
        for block in list_blocks(text[end: end + reach + 1500]):
            at = text.find(block, end)
            if at - end > reach:
                break
            listed = block[block.find(":\n") + 2:].strip()  # the entries, which _listed_after may have added
            if block not in have and listed not in have:
                return [Candidate(text=block, hit=best.hit, rank=best.rank, score=best.score)]
            break
        return []

    def _one_per_item(self, cands: list[Candidate]) -> list[Candidate]:
        """For "which meetings discussed X": the best sentence of each item that is on topic."""
        best = cands[0].score
        chosen: dict[tuple[str, str], Candidate] = {}
        for c in cands:
            key = (c.hit.meeting_id, c.hit.item_number)
            if key not in chosen and c.score >= max(self.threshold, best - 0.2):
                chosen[key] = c
        return sorted(chosen.values(), key=lambda c: (c.hit.date or "9999", c.hit.item_number))

    def _compose(self, question: str, chosen: list[Candidate]) -> Answer:
        citations: list[Citation] = []
        parts: list[str] = []
        for c in chosen:
            cite = citation_for(self.retriever.store.get_meeting(c.hit.meeting_id), c.hit, c.text)
            if cite not in citations:
                citations.append(cite)
            n = citations.index(cite) + 1
            listed = c.features.get("listed") if c.features else 0
            # a count the minutes give by listing: say the number counted, then quote the list
            parts.append(f"{listed} listed: {c.text} [{n}]" if listed else f"{c.text} [{n}]")
        text = " ".join(parts) if len(chosen) <= 2 else "\n".join(f"- {p}" for p in parts)
        notices = truncation_notices(citations)
        if notices:
            text += "\n\n" + " ".join(notices)
        return Answer(question, text, False, citations, "extractive")


def _locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` stands in the item's text: the whole quote, or else its last sentences (a
    passage embeds the item's heading, and a parser may take a motion's first line for the
    heading: "Grant Application for ... Home\nImprovement Loan Program. Moved by Hensley to
    defer." is then found from "Improvement Loan Program.")."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    if not rule("locate_tail"):
        return None
    spans = sentence_spans(quote)
    for a, _ in spans[1:]:
        at = text.find(quote[a:])
        if at >= 0:
            return at, at + len(quote) - a
    last = quote.rsplit("\n", 1)[-1].strip()
    at = text.find(last) if len(last) >= 12 else -1
    return (at, at + len(last)) if at >= 0 else None


def _naming_words(q: Question, m: Meeting) -> set[str]:
    names = meeting_names(m)
    out: set[str] = set()
    for phrase in q.meeting.names:
        words = [w.lower() for w in re.findall(r"[A-Za-z][\w’'-]*", phrase)]
        # most of the phrase (or its initials) names the body: "Indian Python Software Society"
        # for the "Python Software Society"; not "Worcestershire Safeguarding Children
        # Partnership" for Staffordshire's safeguarding committee
        if (words and sum(w in names for w in words) >= 0.6 * len(words)) or \
                any(a.lower() in names for a in initialisms(phrase)):
            out |= set(words)
    return out


_HOW_MANY = re.compile(r"\bhow many\s+((?:[\w'’-]+\s+){0,5}?)(?=(?:were|was|did|do|does|had|have|has|are|is|will|would|"
                       r"could|can|attended|\w+ed)\b)", re.I)


def _counted_words(question: str) -> set[str]:
    """What a "how many" question counts ("How many Guelph councillors were absent" ->
    guelph, councillor): a list answers it only if it lists those."""
    m = _HOW_MANY.search(question)
    return set(keywords(m.group(1))) if m else set()


def _root(name: str) -> str:
    """A name without its last two letters when long enough ("Indian" -> "indi", "Scotland's" is
    already cut by the question parser), so an adjective still finds its place name."""
    low = name.lower()
    return low[:-2] if len(low) >= 6 else low


def _needs_record(q: Question) -> bool:
    """Questions a label cannot answer: what was decided, why, what happened, yes or no. A
    label can hold a value ("Previous Balance $3,955.10", "Absent: Hernandez"), so figure,
    date and person questions are left to their own checks; so are place questions ("Held at
    Quayside Rooms, 12 Harbour Street": a venue is a value a label holds)."""
    if q.place and rule("label_place"):
        return False
    return q.kind in ("decision", "general") and q.answer_type not in ("list", "person", "count", "amount", "date")


def _cosines(qvecs: dict[str, list[float]], vecs: list[list[float]]) -> dict[str, list[float]]:
    """Each query vector's dot product with every candidate vector (unit vectors: cosines), in
    numpy: hundreds of candidates a question, the Python loop cost ~20 ms of it (SPEED)."""
    import numpy as np

    mat = np.asarray(vecs, dtype=np.float64)
    return {key: (mat @ np.asarray(q, dtype=np.float64)).tolist() for key, q in qvecs.items()}


def _describe_missing(q: Question, base: Filters) -> Filters:
    """Filters naming the meeting date the question asked for and no stored meeting has (for the refusal)."""
    import calendar

    ref = q.meeting
    if not ref.years:
        return base
    y = ref.years[0]
    if ref.months and len(ref.months) == 1:
        mo = ref.months[0]
        if ref.day and ref.day <= calendar.monthrange(y, mo)[1]:
            d = _date(y, mo, ref.day).isoformat()
            return replace(base, date_from=d, date_to=d)
        return replace(base, date_from=_date(y, mo, 1).isoformat(),
                       date_to=_date(y, mo, calendar.monthrange(y, mo)[1]).isoformat())
    return replace(base, date_from=f"{y}-01-01", date_to=f"{y}-12-31")


def _procedural(title: str) -> bool:
    return bool(re.search(r"\b(minutes|apologies|declarations?|work programme|date of next|public participation)\b", title, re.I))


def describe_filters(f: Filters) -> str:
    parts = []
    if f.committee:
        parts.append(f"committee '{f.committee}'")
    if f.council:
        parts.append(f"council '{f.council}'")
    if f.meeting_id:
        parts.append(f"meeting '{f.meeting_id}'")
    if f.date_from and f.date_to and f.date_from == f.date_to:
        parts.append(f"date {f.date_from}")
    elif f.date_from or f.date_to:
        parts.append(f"dates {f.date_from or '…'} to {f.date_to or '…'}")
    return ", ".join(parts) or "these filters"


def citation_for(meeting: Meeting, hit: SearchHit, quote: str) -> Citation:
    return Citation(
        meeting_id=meeting.id, council=meeting.council, committee=meeting.committee, date=meeting.date,
        item_number=hit.item_number, item_title=hit.item_title, quote=quote, truncated=hit.truncated,
    )


def _refusal_reason(best: Candidate | None, cands: list[Candidate], min_cover: float) -> str:
    """Which check the refusal rests on: the evidence check that dropped the top-scored
    candidate when none was left, or the topic-cover check on the best valid one."""
    if best is not None:
        gap = best.features.get("cover_gap")
        return f"cover: {gap}" if gap else f"cover below {min_cover}: {best.features.get('cover')}"
    if not cands:
        return "no candidates"
    top = cands[0]
    f = top.features
    if f.get("gap"):
        return f"gap: {f['gap']}"
    if f.get("missing"):
        return "entity missing from meeting"
    return "title only" if top.is_title else "invalid"


def no_evidence_answer(question: str, used: Filters | None, engine: str) -> Answer:
    """The refusal when retrieval found nothing, saying whether the filters or an empty store caused it."""
    used = used or Filters()
    why = f"no stored meeting matches {describe_filters(used)}" if not used.is_empty() else "no minutes are stored yet"
    return Answer(question, f"{REFUSAL_TEXT} ({why}.)", True, [], engine)


def truncation_notices(citations: list[Citation]) -> list[str]:
    cut = list({(c.meeting_id, c.item_number): c for c in citations if c.truncated}.values())
    if not cut:
        return []
    items = ", ".join(f"item {c.item_number} ({c.committee or 'unknown committee'}, {c.date or 'date unknown'})" for c in cut)
    return [f"Note: the source text of {items} is incomplete (the minutes were truncated), so it may say more than is shown here."]


def _label(c: Candidate | None) -> str:
    if c is None:
        return "none"
    item = "attendance and details" if c.hit.item_number == HEADER_ITEM else f"item {c.hit.item_number}"
    return f"{c.hit.committee or 'Unknown committee'}, {c.hit.date or 'date unknown'}, {item}"


def ask(retriever: Retriever, question: str, filters: Filters | None = None, llm: str | None = None) -> Answer:
    """Answer a question from the stored minutes: extractive by default, an LLM when configured.

    LLM answers fall back to the extractive answer (with a notice) when the LLM fails.
    """
    engine = _engine_for(retriever)
    spec = (llm or retriever.store.settings.llm or "extractive").strip()
    if spec == "extractive":
        return engine.answer(question, filters)
    from .llm_answer import llm_answer

    return llm_answer(engine, question, filters, spec)


def _engine_for(retriever: Retriever) -> ExtractiveEngine:
    """One engine per retriever, so its sentence-embedding cache lives as long as the retriever."""
    engine = getattr(retriever, "_extractive_engine", None)
    if engine is None:
        engine = retriever._extractive_engine = ExtractiveEngine(retriever)
    return engine
