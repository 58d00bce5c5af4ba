"""The one data model shared by ingest, rag, ui and eval.

Everything that crosses a module boundary is one of these dataclasses, so the CLI, the
Streamlit app and the evaluator all see the same shapes, and JSON output is derived from
them in one place (`to_dict`).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date as _date


HEADER_ITEM = "header"
HEADER_TITLE = "Attendance and meeting details"


def display_date(iso: str | None) -> str:
    """'14 Sep 2023', or 'date unknown': how meetings are dated in citations and titles."""
    if not iso:
        return "date unknown"
    d = _date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%b %Y')}"


def slugify(text: str, max_len: int = 60) -> str:
    """A lowercase ASCII slug, used for readable, stable meeting ids."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) <= max_len:
        return slug
    cut = slug[:max_len]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut).rstrip("-")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class AgendaItem:
    """One agenda item (minute) of a meeting: the unit every citation points at."""

    number: str | None
    title: str
    text: str = ""
    resolutions: list[str] = field(default_factory=list)
    truncated: bool = False
    position: int = 0
    # The number was not printed next to the item but inferred from a neighbour's stated number.
    number_inferred: bool = False
    # Printed minutes often carry a running minute number and the agenda number ("84. Apologies (Item 1)").
    agenda_number: str | None = None
    # The agenda's description of the item, kept apart from what the minutes record.
    blurb: str = ""
    # The section a restarting number belongs to ("Consent Agenda" for "3 (Consent Agenda)"),
    # or the parent item's number/title for a sub-item.
    section: str | None = None
    # Where the item starts in the source: the PDF page (1-based) or the HTML/DOCX anchor.
    page: int | None = None
    anchor: str | None = None

    @property
    def label(self) -> str:
        """How the item is named in a citation: its number, else its position."""
        return self.number if self.number else f"#{self.position + 1}"

    @property
    def full_text(self) -> str:
        """Title and minutes text together: what is embedded and what quotes come from."""
        return f"{self.title}\n\n{self.text}".strip()


@dataclass
class Meeting:
    """A parsed minutes document: metadata, attendance and its agenda items."""

    council: str | None
    committee: str | None
    date: str | None  # ISO yyyy-mm-dd, None where the document does not state it
    source: str
    items: list[AgendaItem] = field(default_factory=list)
    time: str | None = None
    venue: str | None = None
    chair: str | None = None
    attendees: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Hash of the source document's extracted text; lets the store tell "unchanged" from "edited".
    text_hash: str = ""
    # The document's text before the first item (title, attendance, apologies), verbatim, so
    # questions about who attended can be answered and cited like any item.
    preamble: str = ""
    id: str = ""
    # Every decision the minutes record (ingest/decisions.py), in document order.
    decisions: list[Decision] = field(default_factory=list)
    # Where each meeting detail was read (ingest/header.py): field -> "line N: <the header line>",
    # or "supplied" for a flag/sidecar value, so a reader can check every detail against the page.
    details_source: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.make_id()

    def make_id(self, hash_chars: int = 6) -> str:
        """Readable slug (committee + date, else the file name) plus the document's content hash.

        Two bodies' minutes that both say only "meeting held on 10 March 2021", or a file that
        claims a stored meeting's committee and date, must not share an id: the hash suffix
        keeps them apart. A corrected file keeps its first id because the store matches it to
        its stored version by source path (rag/store.py), not by this id.
        """
        from pathlib import Path

        if self.committee and self.date:
            slug = f"{slugify(self.committee, 50)}-{self.date}"
        else:
            stem = slugify(Path(self.source).stem, 60) or "meeting"
            slug = f"{stem}-{self.date}" if self.date and self.date not in stem else stem
        return f"{slug}-{self.text_hash[:hash_chars]}" if self.text_hash else slug

    @property
    def display_date(self) -> str:
        return display_date(self.date)

    @property
    def title(self) -> str:
        return f"{self.committee or 'Unknown committee'}, {self.display_date}"

    def item(self, number: str) -> AgendaItem | None:
        for it in self.items:
            if it.number == number or it.label == number:
                return it
        if number == HEADER_ITEM and self.preamble:
            return self.header_item()
        return None

    def header_item(self) -> AgendaItem:
        """The preamble as a pseudo-item, cited as the meeting's attendance/details."""
        return AgendaItem(number=HEADER_ITEM, title=HEADER_TITLE, text=self.preamble, position=-1)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Meeting":
        data = dict(data)
        items = [AgendaItem(**it) for it in data.pop("items", [])]
        decisions = [Decision.from_dict(d) for d in data.pop("decisions", None) or []]
        return cls(items=items, decisions=decisions, **data)


@dataclass
class Passage:
    """A chunk of one agenda item as stored in the index; always knows its item."""

    id: str
    meeting_id: str
    item_number: str
    item_title: str
    text: str
    kind: str  # "minutes" | "resolution"
    position: int = 0  # item position in the meeting


@dataclass
class Citation:
    """Where a claim comes from: a meeting, an item, and an exact quote from that item."""

    meeting_id: str
    council: str | None
    committee: str | None
    date: str | None
    item_number: str
    item_title: str
    quote: str
    truncated: bool = False

    @property
    def label(self) -> str:
        """'[Committee, 14 Sep 2023, item 14]' as printed in answers."""
        when = display_date(self.date)
        where = "attendance and details" if self.item_number == HEADER_ITEM else f"item {self.item_number}"
        return f"[{self.committee or 'Unknown committee'}, {when}, {where}]"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class SearchHit:
    """One retrieved agenda item with its best passage and fused score."""

    meeting_id: str
    item_number: str
    item_title: str
    committee: str | None
    council: str | None
    date: str | None
    score: float
    text: str  # best-matching passage text
    kind: str = "minutes"
    truncated: bool = False
    passages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Answer:
    """An answer as data: its text, whether it refused, and the citations behind it."""

    question: str
    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    engine: str = "extractive"
    notices: list[str] = field(default_factory=list)
    # Score of the best evidence sentence (extractive engine); the refusal threshold applies to it.
    confidence: float | None = None

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "refused": self.refused,
            "engine": self.engine,
            "citations": [c.to_dict() for c in self.citations],
            "notices": list(self.notices),
            "confidence": self.confidence,
        }


Outcome = str  # approved | adopted | carried | lost | refused | granted | deferred | noted | referred | withdrawn | other
OUTCOMES = ("approved", "adopted", "carried", "lost", "refused", "granted", "deferred", "noted", "referred",
            "withdrawn", "other")


@dataclass
class Vote:
    """A recorded vote: a tally, per-member lists, or both, as the minutes state them."""

    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    yes: list[str] = field(default_factory=list)
    no: list[str] = field(default_factory=list)
    abstained: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> "Vote | None":
        """From `to_dict` output; also takes the corpus form with "for" and "abstain" lists."""
        if not data:
            return None
        d = dict(data)
        if "for" in d:
            d["for_"] = d.pop("for")
        if isinstance(d.get("abstain"), list):
            d["abstained"] = d.pop("abstain")
        known = {"for_", "against", "abstain", "yes", "no", "abstained", "absent"}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class Decision:
    """One decision of a meeting (resolution, motion outcome, action-log entry), with where it was made.

    `text` is verbatim from the item. Fields the minutes state are `stated`; anything derived
    (an outcome read from "RESOLVED that ... be approved", a tally counted from a roll call)
    is listed in `inferred` so the register can say which is which.
    """

    meeting_id: str
    committee: str | None
    council: str | None
    date: str | None
    item_number: str
    item_title: str
    text: str
    outcome: Outcome = "other"
    mover: str | None = None
    seconder: str | None = None
    vote: Vote | None = None
    inferred: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Decision":
        d = dict(data)
        d["vote"] = Vote.from_dict(d.get("vote"))
        return cls(**d)
