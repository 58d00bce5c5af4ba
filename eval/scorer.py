"""Scoring for the evaluation: fixtures, gold items, and every metric the report prints.

Fixtures are JSON Lines, one question per line (see eval/fixtures/check_fixtures.py):
    id, type, question, answer (null = the system must refuse), source (document file name),
    item (gold item number; null = answerable from the meeting header), evidence (an exact
    quote of the document), also (extra gold items {source, item} for multi_meeting rows).

A gold item is (document file name, item number). The file name is resolved to a stored
meeting through the basename of the meeting's `source` path; a gold item of null means
"any item of that meeting counts" (attendance questions answered from the header).

Answer correctness (deterministic, paraphrase-tolerant; see `answer_correct`):
  * both texts are normalised to content tokens: lowercase, punctuation stripped, "£5,000"
    -> "5000", "60%" -> "60", "1st" -> "1", number words -> digits, stopwords dropped, and a
    light suffix stemmer ("meetings" -> "meeting", "agreed" -> "agre" on both sides alike);
  * each distinct gold token has a weight: 3 for numbers (money, percentages, dates, counts),
    2 for capitalised words in the gold answer (names, months, bodies), 1 otherwise;
  * weighted recall = weight of gold tokens present in the answer / total gold weight;
  * correct  <=>  (weighted recall >= 0.6 and every gold number is present in the answer)
                  or the evidence string (whitespace-normalised) is contained in the answer
                  text or in one of its citation quotes.
  A refused answer is never correct for an answerable question; for an unanswerable one,
  "correct" means it refused.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.errors import MinutesError
from ingest.model import HEADER_ITEM, Answer, Citation, Meeting

CORRECT_THRESHOLD = 0.6
KEYS = ("id", "type", "question", "answer", "source", "item", "evidence", "also")
CORPUS_KEYS = ("doc", "question", "answer", "item", "evidence", "type")


class FixtureError(MinutesError):
    """A fixtures file is unreadable or malformed; the message names the file and line."""


# --- fixtures ----------------------------------------------------------------------------


@dataclass
class Fixture:
    """One evaluation question with its gold answer, gold item(s) and evidence.

    Named Fixture (not Question) because `rag.question.Question` is the engine's parsed question.
    `group` is the body the question is about (leave-one-body-out cross-validation folds on it).
    """

    id: str
    type: str
    question: str
    answer: str | None
    source: str | None
    item: str | None
    evidence: str | None
    also: list[tuple[str, str | None]] = field(default_factory=list)
    where: str = ""  # "file:line", for messages
    group: str = ""
    evidences: list[str] = field(default_factory=list)  # every evidence span (corpus rows may give several)
    format: str = ""  # the source document's format (pdf, html, ...), for per-format figures
    titles: dict = field(default_factory=dict)  # (document, gold item) -> its title in structure.json (to tell apart "E" and "E")

    @property
    def answerable(self) -> bool:
        return self.answer is not None

    @property
    def gold(self) -> list[tuple[str, str | None]]:
        """Every gold (document, item) pair; item None = any item of that document's meeting."""
        if not self.answerable or not self.source:
            return []
        return [(self.source, self.item)] + [(s, i) for s, i in self.also if (s, i) != (self.source, self.item)]

    @property
    def gold_label(self) -> str | None:
        if not self.source:
            return None
        return f"{self.source}#{self.item}" if self.item else f"{self.source}#header"


FORMAT_NAMES = {"md": "markdown", "txt": "text", "htm": "html", "": "unknown"}


def format_name(fmt: str | None) -> str:
    """One name per document format ("md" and "markdown" alike), for per-format figures."""
    f = (fmt or "").lower().lstrip(".")
    return FORMAT_NAMES.get(f, f)


Question = Fixture  # the old name, kept for callers not yet moved (eval/baseline.py)


def _fixture_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.glob("*.jsonl") if p.is_file())
        if not files:
            raise FixtureError(f"no *.jsonl fixture files in {path}")
        return files
    if not path.exists():
        raise FixtureError(f"fixtures {path} not found")
    return [path]


def _check_row(rec: object, where: str) -> Fixture:
    def bad(msg: str) -> FixtureError:
        return FixtureError(f"{where}: {msg}")

    if not isinstance(rec, dict):
        raise bad(f"expected a JSON object, got {type(rec).__name__}")
    missing = [k for k in ("id", "question", "answer", "source", "item", "evidence") if k not in rec]
    if missing:
        raise bad(f"missing key(s) {', '.join(missing)}")
    unknown = sorted(set(rec) - set(KEYS))
    if unknown:
        raise bad(f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(KEYS)})")
    if not isinstance(rec["id"], str) or not rec["id"].strip():
        raise bad("id must be a non-empty string")
    where = f"{where} ({rec['id']})"
    if not isinstance(rec["question"], str) or not rec["question"].strip():
        raise FixtureError(f"{where}: question must be a non-empty string")
    for k in ("answer", "source", "item", "evidence"):
        if rec[k] is not None and not (isinstance(rec[k], str) and rec[k].strip()):
            raise FixtureError(f"{where}: {k} must be null or a non-empty string")
    qtype = rec.get("type") or ("unanswerable" if rec["answer"] is None else "general")
    if not isinstance(qtype, str):
        raise FixtureError(f"{where}: type must be a string")
    also_raw = rec.get("also", [])
    if not isinstance(also_raw, list):
        raise FixtureError(f"{where}: also must be a list")
    also = []
    for ref in also_raw:
        if not isinstance(ref, dict) or not isinstance(ref.get("source"), str) or not isinstance(ref.get("item"), str):
            raise FixtureError(f"{where}: bad also entry {ref!r} (expected {{\"source\": FILE, \"item\": NUMBER}})")
        also.append((ref["source"], ref["item"]))
    if rec["answer"] is None:
        if rec["source"] or rec["item"] or rec["evidence"] or also:
            raise FixtureError(f"{where}: an unanswerable row (answer null) needs source, item and evidence null and no also")
    else:
        if not rec["source"] or not rec["evidence"]:
            raise FixtureError(f"{where}: an answerable row needs source and evidence")
    group = f"sample:{rec['source']}" if rec["source"] else "sample:unanswerable"
    return Fixture(id=rec["id"], type=qtype, question=rec["question"], answer=rec["answer"], source=rec["source"],
                   item=rec["item"], evidence=rec["evidence"], also=also, where=where, group=group,
                   evidences=[rec["evidence"]] if rec["evidence"] else [],
                   format=format_name(Path(rec["source"]).suffix) if rec["source"] else "")


def _split_items(items: str, n: int) -> list[str]:
    """A timeline row's comma-separated gold items, one per document (titles may hold commas)."""
    parts = [p.strip() for p in items.split(",")]
    if len(parts) == n:
        return parts
    if len(parts) > n:  # a title with a comma: keep the surplus with the last entry
        return parts[: n - 1] + [", ".join(parts[n - 1:])]
    return parts + [parts[-1]] * (n - len(parts))


def _check_corpus_row(rec: object, where: str, n: int, sources: dict[str, dict], structure: dict | None = None) -> Fixture:
    """A row of the development corpus's questions.jsonl: doc, question, answer, item, evidence, type.

    `doc`/`item` are comma-separated for questions across meetings (one per meeting, oldest
    first); `item` is "header" for attendance/venue facts, else a number or title as in
    structure.json; `evidence` is a span or a list of spans (null when unanswerable).
    """
    structure = structure or {}
    if not isinstance(rec, dict):
        raise FixtureError(f"{where}: expected a JSON object, got {type(rec).__name__}")
    missing = [k for k in ("doc", "question", "answer", "item") if k not in rec]
    if missing:
        raise FixtureError(f"{where}: missing key(s) {', '.join(missing)}")
    if not isinstance(rec["question"], str) or not rec["question"].strip():
        raise FixtureError(f"{where}: question must be a non-empty string")
    if not isinstance(rec["doc"], str) or not rec["doc"].strip():
        raise FixtureError(f"{where}: doc must be a file name")
    docs = [d.strip() for d in rec["doc"].split(",") if d.strip()]
    raw_items = rec.get("item")
    items: list[str | None]
    if raw_items is None:
        items = [None] * len(docs)
    elif not isinstance(raw_items, str):
        raise FixtureError(f"{where}: item must be a string or null")
    else:
        items = [HEADER_ITEM if i.lower() == "header" else i for i in _split_items(raw_items, len(docs))]
    ev = rec.get("evidence")
    if ev is not None and not (isinstance(ev, str) or (isinstance(ev, list) and all(isinstance(e, str) for e in ev))):
        raise FixtureError(f"{where}: evidence must be a string, a list of strings or null")
    evidences = [ev] if isinstance(ev, str) else list(ev or [])
    answer = rec["answer"]
    if answer is not None and not isinstance(answer, str):
        answer = json.dumps(answer)
    src = sources.get(docs[0], {})
    titles = {}
    for d, i in zip(docs, items):
        for number, title in (structure.get(d, {}).get("items") or []):
            if i is not None and number is not None and str(number) == i and title:
                titles[(d, i)] = title
    qid = f"{Path(where.split(':')[0]).stem}:{n}"
    return Fixture(
        id=qid, type=str(rec.get("type") or "other"), question=rec["question"], answer=answer, source=docs[0],
        item=items[0], evidence=" ".join(evidences) if evidences else None,
        also=list(zip(docs[1:], items[1:])), where=f"{where} ({qid})",
        group=str(src.get("council") or Path(docs[0]).stem.split("_")[1] if "_" in docs[0] else docs[0]),
        evidences=evidences, format=format_name(str(src.get("format") or Path(docs[0]).suffix)), titles=titles,
    )




def _sources_beside(f: Path) -> dict[str, dict]:
    """sources.jsonl next to a corpus questions file: doc -> {council, format, ...}."""
    path = f.with_name("sources.jsonl")
    out: dict[str, dict] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out[rec["doc"]] = rec
    return out


def load_fixtures(path: str | Path) -> list[Fixture]:
    """Questions from a .jsonl file or every *.jsonl in a folder; raises FixtureError naming the line.

    Accepts both the project's fixture format (id, source, ...) and the development corpus's
    (doc, item, evidence list, ...), told apart per row by its keys.
    """
    out: list[Fixture] = []
    seen: dict[str, str] = {}
    for f in _fixture_files(Path(path)):
        try:
            lines = f.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise FixtureError(f"cannot read fixtures {f}: {exc}") from None
        sources: dict[str, dict] | None = None
        structure: dict = {}
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{f.name}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise FixtureError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
            if isinstance(rec, dict) and "doc" in rec and "id" not in rec:
                if sources is None:
                    sources = _sources_beside(f)
                    st = f.with_name("structure.json")
                    structure = json.loads(st.read_text(encoding="utf-8")) if st.exists() else {}
                q = _check_corpus_row(rec, where, n, sources, structure)
            else:
                q = _check_row(rec, where)
            if q.id in seen:
                raise FixtureError(f"{where}: duplicate id {q.id} (first at {seen[q.id]})")
            seen[q.id] = where
            out.append(q)
    if not out:
        raise FixtureError(f"no questions in {path}")
    return out


# --- gold items --------------------------------------------------------------------------

_ITEM_PREFIX = re.compile(r"^(?:item|minute|min|agenda item|no)\.?\s+", re.I)


def norm_number(number: str | None) -> str:
    """'Min. 84.' -> '84', 'b) (2)' -> 'b(2)', '5(b)' -> '5(b)': printed item numbers compared
    without the punctuation and prefixes layouts add around them."""
    if not number:
        return ""
    n = _ITEM_PREFIX.sub("", number.strip().lower())
    n = re.sub(r"\s+", "", n)
    n = n.replace(")", ")").strip(".:-")
    n = re.sub(r"^([a-z0-9]+)\)", r"\1", n)  # "b)" -> "b"
    return n


def norm_title(title: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (title or "").lower()))


def title_similarity(a: str | None, b: str | None) -> float:
    """Fuzzy similarity of two item titles (0..1): token overlap, or a containing match."""
    from difflib import SequenceMatcher

    x, y = norm_title(a), norm_title(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    if (x in y or y in x) and min(len(x), len(y)) >= 4:
        return 0.9
    return SequenceMatcher(None, x, y).ratio()


# A number printed at the head of a title the parser kept whole: "V. Retiree Awards", "CON-2014.18 Tender".
_TITLE_NUMBER = re.compile(r"^\s*((?:[IVXLC]{1,6}|[A-Z]|\d{1,4}[a-z]?|[A-Z]{1,5}[- ]?\d{1,4}(?:[./-]\d{1,4})*|\d{1,4}(?:[./]\d{1,4})+)"
                           r"[.):]?)\s+\S")


def gold_item_matches(gold: str, item) -> bool:
    """Does a parsed item satisfy a gold item given as printed (number, or title when unnumbered)?

    A number matches when equal after `norm_number` (a section suffix "3 (Consent Agenda)" may
    be absent on the parsed side); a title matches fuzzily (>= 0.8).
    """
    g = norm_number(gold)
    lead = _TITLE_NUMBER.match(item.title or "")
    for have in (item.number, getattr(item, "agenda_number", None), item.label, lead.group(1) if lead else None):
        h = norm_number(have)
        if h and (h == g or (h == re.sub(r"\(.*\)$", "", g) and h)):
            return True
    return title_similarity(gold, item.title) >= 0.8


def _sub_items(m: Meeting, gold: str) -> list:
    """Sub-items a gold "E (Recommended Action)" names: number E inside the section whose number
    or title is "Recommended Action". The parser labels such an item by its section's number
    ("E (XVII)"), so neither the number alone nor the title (which is the section's) finds it;
    without this the section's own heading item was taken for the gold item."""
    found = re.fullmatch(r"\s*(.+?)\s*\((.+)\)\s*", gold or "")
    if not found:
        return []
    head, section = norm_number(found.group(1)), found.group(2)
    out = []
    for it in m.items:
        if not it.section or norm_number(re.sub(r"\s*\(.*\)\s*$", "", it.number or "")) != head:
            continue
        parent = m.item(it.section)
        if norm_number(it.section) == norm_number(section) or title_similarity(section, it.section) >= 0.8 or \
                (parent is not None and title_similarity(section, parent.title) >= 0.8):
            out.append(it)
    return out


class Gold:
    """Resolves fixture (document, item) pairs to stored (meeting id, acceptable item labels).

    A gold item given exactly as the parser labels it resolves to that item; otherwise (the
    development corpus gives items as printed: "84", "b) (2)", or a title for unnumbered
    headings) every parsed item it matches by `gold_item_matches`. A gold item of "header"
    is the meeting's attendance/details pseudo-item or one of its first two items (layouts
    that print attendance under a heading of its own); None means any item of the meeting.
    """

    def __init__(self, meetings: Iterable[Meeting]) -> None:
        self.by_source: dict[str, Meeting] = {}
        self.by_id: dict[str, Meeting] = {}
        for m in meetings:
            self.by_source[Path(m.source).name] = m
            self.by_id[m.id] = m

    def meeting_for(self, source: str) -> Meeting | None:
        return self.by_source.get(Path(source).name)

    @staticmethod
    def labels(m: Meeting, number: str, title: str | None = None) -> tuple[str, ...]:
        """Labels of the parsed items of `m` that a gold item `number` names (empty: none);
        where several match a number that restarts per section ("E"), the gold `title` picks."""
        if number == HEADER_ITEM:
            return (HEADER_ITEM,) + tuple(it.label for it in m.items[:2])
        it = m.item(number)
        if it is not None:
            return (it.label,)
        found = _sub_items(m, number) or [it for it in m.items if gold_item_matches(number, it)]
        if len(found) > 1 and title:
            best = max(title_similarity(title, it.title) for it in found)
            if best >= 0.6:
                found = [it for it in found if title_similarity(title, it.title) >= best - 0.05]
        return tuple(it.label for it in found)

    def keys(self, q: Fixture) -> list[tuple[str, tuple[str, ...] | None]]:
        """(meeting id, acceptable item labels or None for "any item") per gold pair; unknown
        meetings dropped. An item the parser did not produce keeps its printed form, which no
        hit can match (so it counts as a miss, not as a free pass)."""
        out = []
        for source, number in q.gold:
            m = self.meeting_for(source)
            if m is None:
                continue
            if number is None:
                out.append((m.id, None))
            else:
                out.append((m.id, self.labels(m, number, q.titles.get((source, number))) or (number,)))
        return out

    def missing(self, q: Fixture) -> list[str]:
        """Gold pairs that are not in the store (a fixture/corpus mismatch, or a parse that lost the item)."""
        out = []
        for source, number in q.gold:
            m = self.meeting_for(source)
            if m is None:
                out.append(f"{source} (no stored meeting)")
            elif number is not None and not self.labels(m, number, q.titles.get((source, number))):
                out.append(f"{source} item {number} (no such item)")
        return out

    @staticmethod
    def match(keys: list[tuple[str, tuple[str, ...] | str | None]], meeting_id: str, item_number: str | None) -> int | None:
        """Index of the gold key this (meeting, item) satisfies, else None."""
        for i, (mid, labels) in enumerate(keys):
            if mid != meeting_id:
                continue
            if labels is None or item_number == labels or (isinstance(labels, tuple) and item_number in labels):
                return i
        return None

    def item_text(self, meeting_id: str, item_number: str) -> list[str] | None:
        """The texts a quote of this item may come from: full text and each resolution."""
        m = self.by_id.get(meeting_id)
        if m is None:
            return None
        it = m.item(item_number)
        if it is None:
            return None
        return [it.full_text, *it.resolutions]


# --- retrieval metrics -------------------------------------------------------------------


def hit_rank(keys: list[tuple[str, str | None]], ranked: Iterable[tuple[str, str]]) -> int | None:
    """1-based rank of the first ranked (meeting, item) that is gold, else None."""
    for rank, (mid, num) in enumerate(ranked, 1):
        if Gold.match(keys, mid, num) is not None:
            return rank
    return None


def recall_at(keys: list[tuple[str, str | None]], ranked: list[tuple[str, str]], k: int) -> float:
    """Share of the gold set found in the top k (multi_meeting questions have several)."""
    if not keys:
        return 0.0
    found = {Gold.match(keys, mid, num) for mid, num in ranked[:k]} - {None}
    return len(found) / len(keys)


def retrieval_metrics(ranks: list[int | None], recalls: list[float] | None = None, prefix: str = "") -> dict:
    n = len(ranks)
    if not n:
        return {}
    out = {
        f"{prefix}hit@1": sum(1 for r in ranks if r is not None and r <= 1) / n,
        f"{prefix}hit@5": sum(1 for r in ranks if r is not None and r <= 5) / n,
        f"{prefix}mrr": sum(1 / r for r in ranks if r is not None) / n,
        f"{prefix}n": n,
    }
    if recalls:
        out[f"{prefix}recall@5_multi"] = sum(recalls) / len(recalls)
    return out


# --- answer correctness ------------------------------------------------------------------

STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves also per s t said would shall may might
must whether upon within
""".split())

NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "first": "1", "second": "2", "third": "3",
    "fourth": "4", "fifth": "5", "half": "50",
}
_TOKEN = re.compile(r"£?\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?%?|[A-Za-z]+(?:['’][A-Za-z]+)*")


@lru_cache(maxsize=1)
def _stemmer():
    try:
        import Stemmer  # PyStemmer, installed with bm25s (the BM25 retriever stems with it too)

        return Stemmer.Stemmer("english").stemWord
    except ImportError:
        return None


@lru_cache(maxsize=20000)
def _stem(word: str) -> str:
    """Snowball English stem ("agreed"/"agree" -> "agre", "meetings" -> "meet"), applied to both sides."""
    stem = _stemmer()
    if stem is not None:
        return stem(word)
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    return word


def _number(raw: str) -> str:
    n = raw.lstrip("£").rstrip("%").replace(",", "")
    n = re.sub(r"(?:st|nd|rd|th)$", "", n)
    if "." in n:
        n = n.rstrip("0").rstrip(".") or "0"
    return n


def weighted_tokens(text: str) -> dict[str, int]:
    """Content tokens of text with their weights (numbers 3, capitalised words 2, others 1).

    Hyphenated words count as their parts ("Labinjo-Hughes" == "Labinjo Hughes").
    """
    out: dict[str, int] = {}
    for m in _TOKEN.finditer(text or ""):
        raw = m.group(0)
        if raw[0].isdigit() or raw[0] == "£":
            tok, w = _number(raw), 3
        else:
            low = re.sub(r"['’]s?$", "", raw.lower()).replace("’", "'")
            if low in NUMBER_WORDS:
                tok, w = NUMBER_WORDS[low], 3
            elif low in STOPWORDS or len(low) < 2:
                continue
            else:
                tok, w = _stem(low.replace("'", "")), (2 if raw[0].isupper() else 1)
        out[tok] = max(out.get(tok, 0), w)
    return out


def _norm_ws(text: str) -> str:
    return " ".join((text or "").replace("’", "'").split()).lower()


def token_recall(gold: str, answer: str) -> float:
    """Weighted share of the gold answer's content tokens that the answer contains."""
    g = weighted_tokens(gold)
    if not g:
        return 1.0 if _norm_ws(gold) in _norm_ws(answer) else 0.0
    a = set(weighted_tokens(answer))
    total = sum(g.values())
    return sum(w for t, w in g.items() if t in a) / total


def gold_numbers(text: str) -> set[str]:
    return {t for t, w in weighted_tokens(text).items() if w == 3}


@dataclass
class Correctness:
    correct: bool
    recall: float
    numbers_ok: bool
    evidence_found: bool


def answer_correct(gold_answer: str, evidence: str | list[str] | None, answer_text: str, quotes: Iterable[str] = (),
                   threshold: float = CORRECT_THRESHOLD) -> Correctness:
    """Is an answer's text right, given the gold answer and its evidence (see the module docstring)?"""
    recall = token_recall(gold_answer, answer_text)
    answer_nums = set(weighted_tokens(answer_text))
    numbers_ok = gold_numbers(gold_answer) <= answer_nums
    spans = [evidence] if isinstance(evidence, str) else list(evidence or [])
    texts = [_norm_ws(t) for t in (answer_text, *quotes)]
    evidence_found = bool(spans) and all(any(_norm_ws(e) in t for t in texts) for e in spans if e)
    return Correctness((recall >= threshold and numbers_ok) or evidence_found, recall, numbers_ok, evidence_found)


# --- citations ---------------------------------------------------------------------------


def quote_overlaps(quote: str, evidence: str | None) -> bool:
    """The quote contains the evidence, lies inside it, or holds most (>= 60%) of its content tokens."""
    if not evidence or not quote:
        return False
    q, e = _norm_ws(quote), _norm_ws(evidence)
    if e in q or (len(q) >= 20 and q in e):
        return True
    et = weighted_tokens(evidence)
    if not et:
        return False
    qt = set(weighted_tokens(quote))
    return sum(1 for t in et if t in qt) / len(et) >= 0.6


def citation_relevant(c: Citation, keys: list, evidence: str | list[str] | None) -> bool:
    spans = [evidence] if isinstance(evidence, str) or evidence is None else evidence
    return Gold.match(keys, c.meeting_id, c.item_number) is not None or any(quote_overlaps(c.quote, e) for e in spans)


def citation_valid(c: Citation, gold: Gold) -> bool:
    """The quote is an exact substring of the cited item's full text or of one of its resolutions."""
    texts = gold.item_text(c.meeting_id, c.item_number)
    if not texts or not c.quote:
        return False
    return any(c.quote in t for t in texts)


# --- per-question result and aggregate ---------------------------------------------------


@dataclass
class QuestionResult:
    id: str
    type: str
    question: str
    gold_answer: str | None
    gold_item: str | None
    answer: str
    refused: bool
    citations: list[dict]
    hit_rank: int | None  # rank of the first gold item in hybrid retrieval (run.py fills it in)
    correct: bool
    latency_ms: float
    recall: float = 0.0
    citations_relevant: int = 0
    citations_valid: int = 0
    engine: str = ""
    retrieval: dict = field(default_factory=dict)  # mode -> rank of the first gold item (None = not in top 10)
    judge: dict | None = None
    error: str | None = None
    format: str = ""
    group: str = ""
    confidence: float | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "question": self.question, "gold_answer": self.gold_answer,
            "gold_item": self.gold_item, "answer": self.answer, "refused": self.refused,
            "citations": self.citations, "hit_rank": self.hit_rank, "correct": self.correct,
            "latency_ms": round(self.latency_ms, 1), "recall": round(self.recall, 3),
            "citations_relevant": self.citations_relevant, "citations_valid": self.citations_valid,
            "engine": self.engine, "retrieval": self.retrieval, "judge": self.judge, "error": self.error,
            "format": self.format, "group": self.group, "confidence": self.confidence,
        }


def score_answer(q: Fixture, answer: Answer, gold: Gold, latency_ms: float) -> QuestionResult:
    """Score one Answer against its question (no retrieval rank: run.py fills that in)."""
    keys = gold.keys(q)
    quotes = [c.quote for c in answer.citations]
    relevant = valid = 0
    for c in answer.citations:
        relevant += citation_relevant(c, keys, q.evidences or q.evidence)
        valid += citation_valid(c, gold)
    if q.answerable:
        correct = (not answer.refused) and answer_correct(q.answer or "", q.evidences or q.evidence, answer.text, quotes).correct
        recall = 0.0 if answer.refused else token_recall(q.answer or "", answer.text)
    else:
        correct, recall = bool(answer.refused), 0.0
    return QuestionResult(
        id=q.id, type=q.type, question=q.question, gold_answer=q.answer, gold_item=q.gold_label,
        answer=answer.text, refused=bool(answer.refused),
        citations=[{**c.to_dict(), "label": c.label} for c in answer.citations],
        hit_rank=None, correct=correct, latency_ms=latency_ms, recall=recall,
        citations_relevant=relevant, citations_valid=valid, engine=answer.engine,
        format=q.format, group=q.group, confidence=answer.confidence,
    )


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    s = sorted(values)
    k = max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))
    return s[k]


def answer_metrics(questions: list[Fixture], results: list[QuestionResult]) -> dict:
    """Correctness, refusal, citation and latency metrics over scored answers."""
    by_id = {q.id: q for q in questions}
    ans = [r for r in results if by_id[r.id].answerable]
    unans = [r for r in results if not by_id[r.id].answerable]
    answered = [r for r in ans if not r.refused]
    n_cit = sum(len(r.citations) for r in results)
    n_cit_ans = sum(len(r.citations) for r in answered)
    lat = [r.latency_ms for r in results]
    out = {
        "questions": len(results),
        "answerable": len(ans),
        "unanswerable": len(unans),
        "correct": sum(r.correct for r in ans) / len(ans) if ans else 0.0,
        "correct_when_answered": sum(r.correct for r in answered) / len(answered) if answered else 0.0,
        "refusal_accuracy": sum(r.refused for r in unans) / len(unans) if unans else 0.0,
        "false_refusal_rate": sum(r.refused for r in ans) / len(ans) if ans else 0.0,
        "citation_precision": sum(r.citations_relevant for r in answered) / n_cit_ans if n_cit_ans else 0.0,
        "citation_validity": sum(r.citations_valid for r in results) / n_cit if n_cit else 1.0,
        "answers_all_quotes_valid": (sum(r.citations_valid == len(r.citations) for r in results) / len(results))
        if results else 0.0,
        "answered_with_citation": sum(bool(r.citations) for r in answered) / len(answered) if answered else 0.0,
        "mean_answer_words": (sum(len(r.answer.split()) for r in answered) / len(answered)) if answered else 0.0,
        "latency_p50_ms": percentile(lat, 50),
        "latency_p95_ms": percentile(lat, 95),
        "errors": sum(1 for r in results if r.error),
    }
    formats = sorted({r.format for r in results if r.format})
    out["correct_by_format"] = {
        f: round(sum(r.correct for r in ans if r.format == f) / max(1, sum(1 for r in ans if r.format == f)), 3)
        for f in formats
    }
    out["refusal_by_format"] = {
        f: round(sum(r.refused for r in unans if r.format == f) / max(1, sum(1 for r in unans if r.format == f)), 3)
        for f in formats if any(r.format == f for r in unans)
    }
    types = sorted({r.type for r in ans})
    out["correct_by_type"] = {
        t: round(sum(r.correct for r in ans if r.type == t) / max(1, sum(1 for r in ans if r.type == t)), 3)
        for t in types
    }
    return out


# --- optional LLM judge ------------------------------------------------------------------


def llm_judge(llm, question: str, answer: str, reference: str | None) -> dict:
    """llama-index's CorrectnessEvaluator (score 1-5, passing >= 4) for one answer.

    `llm` must be a llama-index LLM object; answers to unanswerable questions are not judged
    (there is no reference) and return {}.
    """
    if llm is None or isinstance(llm, str):
        raise MinutesError("the LLM judge needs a configured LLM (pass --llm with a model, not 'extractive')")
    if reference is None:
        return {}
    from llama_index.core.evaluation import CorrectnessEvaluator

    res = CorrectnessEvaluator(llm=llm).evaluate(query=question, response=answer, reference=reference)
    return {"score": res.score, "passing": bool(res.passing), "feedback": res.feedback}
