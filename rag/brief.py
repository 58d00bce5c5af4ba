"""Per-meeting briefings: header, decisions (verbatim), key points per item, actions and
future dates, and a warning about truncated items — every point cited to its item.

Extractive: key points are the item sentences most central to the item (closest to the
mean of its sentence embeddings), preferring sentences with figures or outcomes and
avoiding near-duplicates, so the briefing only ever says what the minutes say.
"""
from __future__ import annotations

import io
import re
from dataclasses import asdict, dataclass, field

from ingest.model import AgendaItem, Citation, Decision, Meeting

from .sentences import split_sentences

PROCEDURAL = re.compile(
    r"\b(apolog\w*|declarations?\s+of\s+interest|minutes\s+of\s+(the\s+)?(previous|last)?|minutes$|"
    r"public\s+participation|date\s+(and\s+time\s+)?of\s+(the\s+)?next|welcome|urgent\s+business|exclusion\s+of)",
    re.I,
)
_ACTION = re.compile(
    r"\b(?:will|would|is to|are to|was to)\s+(?:be\s+)?(?:consider|report|present|schedul|circulat|provid|brought|"
    r"come|return|bring|share|shared|launch|publish|review|hold|held|arrang|start|discuss|look)\w*|"
    r"\bagreed (?:to|that)\b|\bnext meeting\b|\bto be (?:considered|provided|circulated|scheduled|reported)\b|"
    r"\bdue to be\b|\bexpected (?:to|that)\b|\bscheduled for\b|\bput back\b",
    re.I,
)
_FUTURE_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:\s+\d{4})?\b|\b(?:Mon|Tues|Wednes|Thurs|Fri)day\b",
)
_SALIENT = re.compile(r"£|\d|%|\b(?:agreed|resolved|approved|supported|concern|risk|recommend|decision|proposal)", re.I)


@dataclass
class ItemBrief:
    number: str
    title: str
    procedural: bool
    points: list[Citation] = field(default_factory=list)
    truncated: bool = False


@dataclass
class Briefing:
    meeting: Meeting
    # Every decision of the meeting (rag.register), in document order, each cited; `outcomes`
    # holds the matching Decision rows (outcome, mover, seconder, vote) in the same order.
    decisions: list[Citation] = field(default_factory=list)
    outcomes: list[Decision] = field(default_factory=list)
    items: list[ItemBrief] = field(default_factory=list)
    actions: list[Citation] = field(default_factory=list)
    engine: str = "extractive"
    notices: list[str] = field(default_factory=list)

    @property
    def truncated_items(self) -> list[str]:
        return [it.label for it in self.meeting.items if it.truncated]

    def to_dict(self) -> dict:
        m = self.meeting
        return {
            "meeting": {k: getattr(m, k) for k in ("id", "council", "committee", "date", "time", "venue", "chair",
                                                   "attendees", "apologies", "source")},
            "decisions": [{**asdict(c), **_decision_facts(d)} for c, d in zip(self.decisions, self.outcomes)],
            "items": [{"number": i.number, "title": i.title, "procedural": i.procedural, "truncated": i.truncated,
                       "points": [asdict(c) for c in i.points]} for i in self.items],
            "actions": [asdict(c) for c in self.actions],
            "truncated_items": self.truncated_items,
            "warnings": list(m.warnings),
            "engine": self.engine,
            "notices": list(self.notices),
        }

    def to_markdown(self) -> str:
        m = self.meeting
        out = [f"# Briefing: {m.title}", ""]
        for label, value in (("Council", m.council), ("Committee", m.committee), ("Date", m.display_date),
                             ("Time", m.time), ("Venue", m.venue), ("Chair", m.chair)):
            if value:
                out.append(f"- **{label}:** {value}")
        if m.attendees:
            out.append(f"- **Present:** {', '.join(m.attendees)}")
        if m.apologies:
            out.append(f"- **Apologies:** {', '.join(m.apologies)}")
        out.append(f"- **Source:** {m.source}")
        if self.truncated_items:
            out += ["", f"> **Warning:** the source text of item(s) {', '.join(self.truncated_items)} was truncated "
                        "(\"view the full minutes text\"); points from them may be incomplete."]
        out += ["", "## Decisions", ""]
        out += [f"- **{_where(c)}** ({c.item_title}) — {_facts_line(d)}: {c.quote} {c.label}"
                for c, d in zip(self.decisions, self.outcomes)] or ["- No decisions recorded."]
        if self.actions:
            out += ["", "## Actions and future dates", ""]
            out += [f"- {c.quote} {c.label}" for c in self.actions]
        out += ["", "## Items", ""]
        for it in self.items:
            flag = " *(truncated in source)*" if it.truncated else ""
            if it.procedural:
                line = it.points[0].quote if it.points else "No detail recorded."
                cite = f" {it.points[0].label}" if it.points else ""
                out.append(f"- **{it.number}. {it.title}** — {line}{cite}{flag}")
            else:
                out += [f"### {it.number}. {it.title}{flag}", ""]
                out += [f"- {c.quote} {c.label}" for c in it.points] or ["- No detail recorded."]
                out.append("")
        return "\n".join(out).rstrip() + "\n"

    def to_docx_bytes(self) -> bytes:
        import docx

        d = docx.Document()
        m = self.meeting
        d.add_heading(f"Briefing: {m.title}", level=1)
        for label, value in (("Council", m.council), ("Committee", m.committee), ("Date", m.display_date),
                             ("Time", m.time), ("Venue", m.venue), ("Chair", m.chair),
                             ("Present", ", ".join(m.attendees)), ("Apologies", ", ".join(m.apologies))):
            if value:
                p = d.add_paragraph()
                p.add_run(f"{label}: ").bold = True
                p.add_run(value)
        if self.truncated_items:
            d.add_paragraph(f"Warning: the source text of item(s) {', '.join(self.truncated_items)} was truncated; "
                            "points from them may be incomplete.")
        d.add_heading("Decisions", level=2)
        for c, row in zip(self.decisions, self.outcomes):
            d.add_paragraph(f"{_where(c)} ({c.item_title}) — {_facts_line(row)}: {c.quote} {c.label}", style="List Bullet")
        if not self.decisions:
            d.add_paragraph("No decisions recorded.")
        if self.actions:
            d.add_heading("Actions and future dates", level=2)
            for c in self.actions:
                d.add_paragraph(f"{c.quote} {c.label}", style="List Bullet")
        d.add_heading("Items", level=2)
        for it in self.items:
            d.add_heading(f"{it.number}. {it.title}" + (" (truncated in source)" if it.truncated else ""), level=3)
            for c in it.points or []:
                d.add_paragraph(f"{c.quote} {c.label}", style="List Bullet")
        buf = io.BytesIO()
        d.save(buf)
        return buf.getvalue()


def _where(c: Citation) -> str:
    return "Attendance and details" if c.item_number == "header" else f"Item {c.item_number}"


def _facts_line(d: Decision) -> str:
    """'APPROVED, moved by X, seconded by Y, vote 5 for, 0 against'."""
    from .register import vote_summary

    parts = [d.outcome.upper()]
    if d.mover:
        parts.append(f"moved by {d.mover}")
    if d.seconder:
        parts.append(f"seconded by {d.seconder}")
    if vote_summary(d):
        parts.append(f"vote {vote_summary(d)}")
    return ", ".join(parts)


def _decision_facts(d: Decision) -> dict:
    return {"outcome": d.outcome, "mover": d.mover, "seconder": d.seconder,
            "vote": d.vote.to_dict() if d.vote is not None else None, "inferred": list(d.inferred)}


def _cite(m: Meeting, it: AgendaItem, quote: str) -> Citation:
    return Citation(m.id, m.council, m.committee, m.date, it.label, it.title, quote, it.truncated)


def key_points(item: AgendaItem, k: int = 4) -> list[str]:
    """2–4 sentences that best represent an item, in their order in the minutes.

    Numpy over the stored sentence vectors: a long item has hundreds of sentences, and the
    same arithmetic in Python loops took over a second per meeting (eval/bench.py).
    """
    sents = [s for s in split_sentences(item.text) if len(s) >= 40 and not s.endswith(":")]
    if len(sents) <= 2:
        return sents or split_sentences(item.text)[:1]
    import numpy as np

    from .embed import embed_texts_cached_array

    # embedded once per sentence, persisted in the store (rag/sentence_cache.py); float64 so
    # the choice matches the exact arithmetic it replaced
    vecs = embed_texts_cached_array(sents).astype(np.float64)
    centroid = vecs.mean(axis=0)
    bonus = np.array([(0.05 if _SALIENT.search(s) else 0.0) for s in sents])
    bonus[0] += 0.04
    base = vecs @ centroid + bonus
    chosen: list[int] = []
    closest = np.full(len(sents), -np.inf)  # each sentence's highest cosine to a chosen one
    want = min(k, max(2, len(sents) // 3))
    while len(chosen) < want:
        # maximal marginal relevance: central, but unlike what is already chosen
        score = base - 0.6 * closest if chosen else base.copy()
        score[chosen] = -np.inf
        best = int(np.argmax(score))  # the first of equals, as max() picked
        chosen.append(best)
        closest = np.maximum(closest, vecs @ vecs[best])
    return [sents[i] for i in sorted(chosen)]


def briefing(meeting: Meeting, llm: str | None = None) -> Briefing:
    """The extractive briefing of one meeting (an LLM-written one is rag.llm_answer's job)."""
    from .register import citation, decisions_of

    b = Briefing(meeting)
    for d in decisions_of(meeting):
        b.decisions.append(citation(d, meeting))
        b.outcomes.append(d)
    for it in meeting.items:
        procedural = bool(PROCEDURAL.search(it.title)) and len(it.text) < 600
        if procedural:
            first = (it.resolutions or split_sentences(it.text) or [it.text.strip()])[0] if it.text.strip() else ""
            points = [_cite(meeting, it, first)] if first else []
        else:
            points = [_cite(meeting, it, s) for s in key_points(it)]
        b.items.append(ItemBrief(it.label, it.title, procedural, points, it.truncated))
        for s in split_sentences(it.text):
            dated = _FUTURE_DATE.search(s) and re.search(
                r"\b(arranged|added|scheduled|prior to|consideration|due|deadline|meeting|launch|deferred|moved)\b", s, re.I)
            if (dated or _ACTION.search(s) and (_FUTURE_DATE.search(s) or re.search(r"\bagreed\b|\bwould\b", s))) \
                    and s not in it.resolutions and len(s) < 400:
                b.actions.append(_cite(meeting, it, s))
    if llm and llm != "extractive":
        b.notices.append("LLM-written briefings are not available yet; this briefing is extractive.")
    return b
