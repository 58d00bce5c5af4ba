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
from dataclasses import dataclass, field

from ingest.errors import MinutesError
from ingest.model import HEADER_ITEM, AgendaItem, Answer, Citation, Meeting, SearchHit

from .retrieve import Filters, Retriever, check_query, filters_from_question
from .sentences import sentence_windows, split_sentences

def _calibrated_threshold() -> float:
    """Written by `python -m eval.calibrate` from the evaluation fixtures; a best sentence
    scoring below it is not evidence enough to answer."""
    import json
    from pathlib import Path

    path = Path(__file__).with_name("calibration.json")
    try:
        return float(json.loads(path.read_text())["refusal_threshold"])
    except (OSError, ValueError, KeyError):
        return 0.45


REFUSAL_THRESHOLD = _calibrated_threshold()
REFUSAL_TEXT = "The minutes don't say."

_STOP = set("""a an the of to in on at for by with from and or but is are was were be been being do does did
what which who whom whose when where why how many much was were has have had it its this that these those there
their they them he she his her we our you your i me my any all some about into over under than then as so if not
no yes can could would should will shall may might must meeting meetings minutes committee panel council county
tell give say said says item items agenda please""".split())
_NUMBER = re.compile(r"£\s?\d|\d+(?:[.,]\d+)?\s?(?:%|per\s?cent|m\b|million|bn|k\b)|\b\d+\b")
_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|"
    r"(?:January|February|March|April|June|July|August|September|October|November|December)|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"\d{1,2}[.:]\d{2}\s?(?:am|pm)|\d{1,2}\s?(?:am|pm)|(?:19|20)\d{2}|Q[1-4])\b",
    re.I,
)
_ROLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Cllr|Councillors?|Chair(?:man|woman)?|Vice-Chair\w*|Director|Cabinet Members?|Chief Executive|"
    r"Officer|Leader|Commissioner|Manager|Head of|Advisor|Adviser|Lead|Scrutineer|Executive Member|Speaker)\b"
)
_NAME_WORD = r"[A-Z][A-Za-z’'\-]*[a-z]"
_CAPS_RUN = re.compile(rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD})+\b|\b[A-Z]\.?\s{_NAME_WORD}\b")
_DECISION = re.compile(r"\b(?:resolved|agreed|approved|decided|noted|supported|endorsed|confirmed|refused|granted|carried)\b", re.I)
_MULTI = re.compile(r"\b(?:which|what|how many|list|all)\s+(?:\w+\s+){0,2}(?:meetings|committees|panels|items|times)\b|"
                    r"\bacross (?:the )?meetings\b|\bover time\b|\bhow often\b", re.I)


_MEETING_DECISIONS = re.compile(
    r"\b(?:main|key|all(?: the)?|principal)\s+(?:decisions|resolutions|outcomes)\b|"
    r"\bwhat (?:was|were) (?:decided|resolved|agreed) (?:at|by) (?:the|its|their)\b[^?]*\bmeeting\b|"
    r"\bwhat did (?:the|it|they)\b[^?]{0,80}\b(?:decide|resolve|agree) at (?:the|its|their)\b[^?]*\bmeeting\b",
    re.I,
)


def question_type(q: str) -> str:
    ql = q.lower()
    if _MEETING_DECISIONS.search(q):
        return "meeting_decisions"
    if _MULTI.search(q):
        return "multi"
    if re.search(r"\bhow (?:many|much)\b|\bwhat (?:percentage|proportion|number|amount|rate|figure|cost|sum)\b|\bhow (?:big|large|high|low)\b", ql):
        return "number"
    if re.search(r"\bwhen\b|\bwhat (?:date|day|time|month|year)\b|\bnext meeting\b|\bdate of\b", ql):
        return "date"
    if re.search(r"\b(?:what (?:is|was|are|were) the names? of|names? of the)\b", ql):
        return "name"
    if re.search(r"\bwho\b|\bwhose\b|\bwhich (?:councillors?|members?|officers?|person|people|executive member)\b|\bapologies\b|\battend|\bin the chair\b", ql):
        return "who"
    if re.search(r"\bwhich (?:\w+\s){0,2}(?:councils?|authorities|authority|organisations?|bodies|body|agencies|schools?|areas?|districts?|places?|companies|providers?)\b", ql):
        return "entity"
    if re.search(r"\b(?:decid|decision|resolv|resolution|agree|approv|outcome|vote|recommend)", ql):
        return "decision"
    return "general"


_GENERIC_CAPS = set("""What Which Who Whom Whose When Where Why How Did Does Do Was Were Is Are Has Have Had Can Could
Would Should Will The A An In On At For Of And Or To From By With It Its This That These Those There Their They
Council County City Borough District Committee Panel Board Meeting Meetings Minutes Members Member Councillor
Councillors Cabinet Chair Chairman Item Items Agenda Scrutiny Overview Select January February March April May June
July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


def question_entities(question: str) -> list[str]:
    """Names in the question (places, bodies, people) that the evidence's meeting must mention."""
    words = re.findall(r"\b[A-Z][A-Za-z]+(?:[-'’][A-Za-z]+)*", question)
    out = []
    for w in words:
        base = re.sub(r"[’']s$", "", w)
        if base in _GENERIC_CAPS or len(base) < 3:
            continue
        out.append(base)
    return out


_ATTENDANCE_LABELS = {
    "apolog": re.compile(r"^\s*apologies\b", re.I),
    "also in attendance": re.compile(r"^\s*also\s+(?:in\s+attendance|present)\b", re.I),
    "attend": re.compile(r"^\s*(?:present|attendance|members\s+present|in\s+attendance)\b", re.I),
    "present": re.compile(r"^\s*(?:present|members\s+present)\b", re.I),
    "chair": re.compile(r"\b(?:in the chair|chair(?:man|woman|person)?\s*:)", re.I),
    "absent": re.compile(r"^\s*absent\b", re.I),
}


def attendance_label_bonus(question: str, text: str) -> float:
    """Attendance lines are labelled ("Apologies:", "Also in attendance:"); a label matching
    what the question asks about is strong evidence even where the names alone embed poorly."""
    ql = question.lower()
    for key, rx in _ATTENDANCE_LABELS.items():
        if key in ql and rx.search(text):
            return 0.25
    return 0.0


def _new_matches(rx: re.Pattern, text: str, question: str) -> list[str]:
    """Matches of rx in text that the question does not already contain."""
    ql = question.lower()
    return [m.group(0) for m in rx.finditer(text) if m.group(0).strip().lower() not in ql]


def person_names(text: str, common: set[str]) -> list[str]:
    """Runs of capitalised words none of which the meeting also uses in lower case:
    'John Francis' is a name, 'Safe and Strong Communities' is not."""
    out = []
    for m in _CAPS_RUN.finditer(text):
        words = re.findall(r"[A-Za-z’'\-]+", m.group(0))
        if any(w.lower() in _NOT_NAME_WORDS for w in words):
            continue
        if all(w.lower() not in common for w in words if len(w) > 1):
            out.append(m.group(0))
    return out


# Capitalised role and body words: "Independent Chairman", "Partnership Board" name no one.
_NOT_NAME_WORDS = set("""independent chair chairman chairwoman chairperson vice deputy director directors officer officers
member members executive chief cabinet council councils committee panel board partnership report annual head lead
service services team department authority county city borough district government trust group forum programme
scrutiny overview safeguarding children adult adults families family care social health education""".split())


def answer_type_ok(qtype: str, text: str, question: str, common: set[str] | None = None) -> bool:
    """Does the sentence hold something new of the kind the question asks for?"""
    if qtype == "number":
        dates = [m.span() for m in _DATE.finditer(text)]
        ql = question.lower()
        return any(m.group(0).lower() not in ql and not any(a <= m.start() < b for a, b in dates)
                   for m in _NUMBER.finditer(text))
    if qtype == "date":
        return bool(_new_matches(_DATE, text, question))
    if qtype == "who":
        ql = question.lower()
        names = [n for n in person_names(text, common or set()) if n.lower() not in ql]
        return bool(names) or bool(_new_matches(_ROLE, text, question))
    if qtype == "name":  # a name, not a role: "the Independent Chair" does not name anyone
        ql = question.lower()
        return any(n.lower() not in ql for n in person_names(text, common or set()))
    if qtype == "entity":
        ql = question.lower()
        proper = re.findall(r"(?<=[a-z,;:]\s)[A-Z][A-Za-z’'\-]+", text)
        return any(w.lower() not in ql and w.lower() not in (common or set()) for w in proper)
    return True


_DATE_PHRASE = re.compile(
    r"\b(?:on|in|at|of|from|during)?\s*(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{4}(?:'s)?\b", re.I)


def content_question(question: str, cands: list[Candidate]) -> str:
    """The question without the names and dates that only locate the meeting."""
    q = question
    for name in sorted({c.hit.committee for c in cands if c.hit.committee} | {c.hit.council for c in cands if c.hit.council},
                       key=len, reverse=True):
        q = re.sub(re.escape(name), " ", q, flags=re.I)
    q = _DATE_PHRASE.sub(" ", q)
    return re.sub(r"\s+", " ", q).strip()


def _stem(w: str) -> str:
    for suf in ("ing", "ers", "ies", "ied", "es", "ed", "er", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _keywords(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z0-9£%]+", text.lower()) if w not in _STOP and len(w) > 1]


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

    def __init__(self, retriever: Retriever, top_items: int = 5, threshold: float | None = None) -> None:
        self.retriever = retriever
        self.top_items = top_items
        self.threshold = REFUSAL_THRESHOLD if threshold is None else threshold
        self._emb_cache: dict[str, list[float]] = {}
        self._common_cache: dict[str, set[str]] = {}
        self._acronyms: dict[str, dict[str, str]] = {}

    # --- evidence -------------------------------------------------------------------------

    def retrieve(self, question: str, filters: Filters | None) -> tuple[list[SearchHit], Filters]:
        store = self.retriever.store
        base = filters or Filters()
        smart = filters_from_question(question, store, filters)
        hits = self.retriever.search(question, smart, top_k=self.top_items)
        if not hits and smart != base:
            # What the question seemed to say about the meeting matched nothing (it may date
            # an earlier meeting whose minutes were approved): search without that guess.
            smart = base
            hits = self.retriever.search(question, smart, top_k=self.top_items)
        return hits, smart

    def meeting_decisions(self, question: str, filters: Filters | None) -> Answer | None:
        """"What were the main decisions of the meeting on ...": every resolution of that one
        meeting, substantive ones first. None when the question does not pin down one meeting."""
        base = filters or Filters()
        smart = filters_from_question(question, self.retriever.store, filters)
        if smart == base and not base.meeting_id:
            return None
        meetings = [m for m in self.retriever.store.meetings() if smart.matches(m)]
        if not meetings:
            return Answer(question, f"{REFUSAL_TEXT} (No stored meeting matches {describe_filters(smart)}.)", True, [], "extractive")
        if len(meetings) > 1:
            return None
        m = meetings[0]
        found = [(it, r) for it in m.items for r in it.resolutions]
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
        if qtype == "who" and re.search(r"apolog|attend|present|in the chair|chaired", question, re.I):
            hits = hits + self._header_hits(hits)
        out: list[Candidate] = []
        seen: set[tuple[str, str, str]] = set()
        for rank, hit in enumerate(hits):
            item = self._item(hit)
            texts: list[tuple[str, bool, bool]] = [(hit.item_title, False, True)]
            sources = list(hit.passages)
            if item is not None and (qtype in ("decision", "date", "who", "number") or rank < 2):
                sources.append(item.text)
            for source in sources:
                texts += [(s, False, False) for s in split_sentences(source)]
                texts += [(w, False, False) for w in sentence_windows(source)]
            if item is not None:
                texts += [(r, True, False) for r in item.resolutions]
            for text, is_res, is_title in texts:
                key = (hit.meeting_id, hit.item_number, text)
                if key in seen or len(text) < 12:
                    continue
                seen.add(key)
                out.append(Candidate(text=text, hit=hit, rank=rank, is_resolution=is_res, is_title=is_title))
        return out

    def _header_hits(self, hits: list[SearchHit]) -> list[SearchHit]:
        """Attendance lives in the meeting header: offer it for the meetings already found."""
        extra = []
        for mid in dict.fromkeys(h.meeting_id for h in hits):
            if any(h.meeting_id == mid and h.item_number == HEADER_ITEM for h in hits):
                continue
            m = self.retriever.store.get_meeting(mid)
            if m.preamble:
                extra.append(SearchHit(mid, HEADER_ITEM, m.header_item().title, m.committee, m.council, m.date, 0.0,
                                       m.preamble, passages=[m.preamble]))
        return extra

    def _item(self, hit: SearchHit) -> AgendaItem | None:
        try:
            return self.retriever.store.get_meeting(hit.meeting_id).item(hit.item_number)
        except MinutesError:
            return None

    def _embed(self, texts: list[str]) -> list[list[float]]:
        from .embed import get_embed_model

        missing = [t for t in dict.fromkeys(texts) if t not in self._emb_cache]
        if missing:
            vecs = get_embed_model().get_text_embedding_batch(missing)
            if len(self._emb_cache) > 50_000:
                self._emb_cache.clear()
            self._emb_cache.update(zip(missing, vecs))
        return [self._emb_cache[t] for t in texts]

    # --- scoring --------------------------------------------------------------------------

    def score(self, question: str, cands: list[Candidate], qtype: str) -> None:
        from .embed import get_embed_model

        if not cands:
            return
        qvec = get_embed_model().get_query_embedding(content_question(question, cands) or question)
        vecs = self._embed([c.text for c in cands])
        # Words naming the meeting ("Safe and Strong Communities", "1 March 2021") locate the
        # evidence but are not evidence: filters and retrieval already used them.
        descriptor = set()
        for c in cands:
            descriptor |= set(_keywords(f"{c.hit.committee or ''} {c.hit.council or ''}"))
        qwords = set(_keywords(question)) - descriptor or set(_keywords(question))
        entities = question_entities(question)
        meeting_text: dict[str, str] = {}
        # rarity of each question word among the candidates: a word every sentence shares says little
        df = {w: sum(1 for c in cands if w in set(_keywords(c.text))) for w in qwords}
        n = len(cands)
        idf = {w: math.log(1 + n / (1 + df[w])) for w in qwords}
        total_idf = sum(idf.values()) or 1.0
        for c, v in zip(cands, vecs):
            c.semantic = float(sum(a * b for a, b in zip(qvec, v)))
            words = set(_keywords(self._expand_acronyms(c.hit.meeting_id, c.text)))
            c.lexical = sum(idf[w] for w in qwords if w in words) / total_idf
            bonus = 0.0
            if qtype == "number":
                bonus += 0.12 if _NUMBER.search(c.text) else -0.15
            elif qtype == "date":
                bonus += 0.12 if _DATE.search(c.text) else -0.15
            elif qtype in ("who", "name"):
                bonus += 0.08 if person_names(c.text, self._common(c.hit.meeting_id)) else 0.0
                bonus += attendance_label_bonus(question, c.text)
            elif qtype == "decision":
                bonus += 0.12 if (c.is_resolution or _DECISION.search(c.text)) else -0.05
            if c.is_title:
                bonus -= 0.05
            bonus -= 0.02 * c.rank
            c.bonus = bonus
            c.score = 0.55 * c.semantic + 0.45 * c.lexical + bonus
            if c.hit.meeting_id not in meeting_text:
                meeting_text[c.hit.meeting_id] = self._meeting_text(c.hit.meeting_id)
            missing = [e for e in entities if e.lower() not in meeting_text[c.hit.meeting_id]]
            type_ok = answer_type_ok(qtype, c.text, question, self._common(c.hit.meeting_id))
            c.valid = type_ok and not missing and not (c.is_title and qtype not in ("general", "multi"))
            c.features = {"semantic": round(c.semantic, 3), "lexical": round(c.lexical, 3), "bonus": round(bonus, 3),
                          "type_ok": type_ok, "missing": missing}

    def _expand_acronyms(self, meeting_id: str, text: str) -> str:
        """'WCF was overspent' also matches 'Worcestershire Children First' where the minutes define it."""
        if meeting_id not in self._acronyms:
            found = {}
            for m in re.finditer(r"((?:[A-Z][\w’'&-]*\s+){1,6}?)\(([A-Z]{2,8})\)", self._meeting_text_raw(meeting_id)):
                words, abbr = m.group(1).split(), m.group(2)
                take = words[-len(abbr):] if len(words) >= len(abbr) else words
                found[abbr] = " ".join(take)
            self._acronyms[meeting_id] = found
        extra = [long for abbr, long in self._acronyms[meeting_id].items() if re.search(rf"\b{abbr}\b", text)]
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

    def answer(self, question: str, filters: Filters | None = None) -> Answer:
        question = check_query(question)
        qtype = question_type(question)
        if qtype == "meeting_decisions":
            decided = self.meeting_decisions(question, filters)
            if decided is not None:
                return decided
            qtype = "decision"
        hits, used = self.retrieve(question, filters)
        if not hits:
            return no_evidence_answer(question, used, "extractive")
        cands = self.candidates(hits, qtype, question)
        self.score(question, cands, qtype)
        cands.sort(key=lambda c: c.score, reverse=True)
        valid = [c for c in cands if c.valid]
        best = valid[0] if valid else None
        if best is None or best.score < self.threshold:
            closest = best or (cands[0] if cands else None)
            return Answer(question, REFUSAL_TEXT, True, [], "extractive",
                          notices=[f"closest evidence: {_label(closest)} (score {closest.score:.2f})"] if closest else [],
                          confidence=round(best.score, 4) if best else None)
        if qtype == "multi":
            chosen = self._one_per_item(valid)
        else:
            taken = set(split_sentences(best.text))
            chosen = [best] + [c for c in valid[1:6] if c.score >= best.score - 0.12
                               and not taken & set(split_sentences(c.text))][:1]
        answer = self._compose(question, chosen)
        answer.confidence = round(best.score, 4)
        return answer

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
            parts.append(f"{c.text} [{n}]")
        text = " ".join(parts) if len(chosen) <= 2 else "\n".join(f"- {p}" for p in parts)
        notices = truncation_notices(citations)
        if notices:
            text += "\n\n" + " ".join(notices)
        return Answer(question, text, False, citations, "extractive")


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


def no_evidence_answer(question: str, used: Filters | None, engine: str) -> Answer:
    """The refusal when retrieval found nothing, saying whether the filters or an empty store caused it."""
    why = "no stored meetings match these filters" if not (used or Filters()).is_empty() else "no minutes are stored yet"
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
