"""Citations for LLM answers, found by alignment rather than taken from the model.

Small models do not write citation markers reliably (and a prompt-injected passage can make
any model write whatever it is told), so the markers a model writes are ignored. Instead each
sentence of the model's answer is aligned to the source sentences it was shown, and scored

    support = 0.5 * new-word overlap + 0.5 * MiniLM cosine

new-word overlap = the share of the answer sentence's content words that are not already in
the question (stemmed, stop words removed) and that the source sentence contains: words the
question supplies prove nothing, which is what makes a restated premise ("the committee decided
at its 15 February meeting ...") unsupported. cosine = all-MiniLM-L6-v2 similarity of the two
sentences (it rewards paraphrase, but alone it cannot tell "defer to 2025" from "close in 2024").
A sentence is supported when its best source sentence reaches SUPPORT_THRESHOLD, it adds at
least one content word to the question and has two or more (a bare "Approved." asserts nothing
checkable), every number it states is in that source sentence (or is the meeting's year, or is
a number from the question that the cited item also states), and it is negated when that
source sentence (or its closest clause) is, and not otherwise ("has a meeting in March" against
"do not have a meeting scheduled for March"). The citation's quote is the best source sentence:
an exact substring of the stored item text or one of its resolutions.

Source sentences that read as instructions to a model ("Ignore previous instructions ...")
never count as support: they are data that happens to be imperative, and an answer that
follows them must not be cited as the minutes' say-so.

Calibration (eval/fixtures/sample.jsonl, 128 questions, sources as shown to the model at a
2048-token context, the gold answer's evidence among them for the positives): share of
synthetic answer sentences judged supported at 0.70 --
  positives: the gold evidence sentence 1.00; the evidence minus its first three words 0.99;
             "<question restated> <gold answer>." 0.90
  negatives: "<question restated> <another question's answer>." 0.14; the question restated
             alone 0.00; another meeting's evidence sentence 0.10 (each of those 13 was in fact
             among the passages shown, so true support)
max(overlap, cosine) at 0.6, the first idea, let 0.38 of the wrong answers through.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.model import AgendaItem, Meeting, SearchHit

from .sentences import split_sentences

SUPPORT_THRESHOLD = 0.7
OVERLAP_WEIGHT = 0.5
MIN_CONTENT_WORDS = 2

# What a model writes as citation markers: [S1], [1], (S2), [S1, S3], 【1】, "Source: S2".
_MARKER = re.compile(
    r"\s*(?:\[(?:S?\d+(?:\s*[,;]\s*S?\d+)*|source[^\]]*)\]|\((?:S\d+(?:\s*[,;]\s*S?\d+)*|source[^)]*)\)|【\d+】)"
    r"|\s*\b(?:sources?|according to (?:source )?)\s*:?\s*S\d+(?:\s*(?:,|and)\s*S\d+)*\b\.?",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|never|none|nor|cannot|neither)\b|n[’']t\b", re.I)
_TAG = re.compile(r"</?source[^>]*>", re.I)
_NUM = re.compile(r"\d+(?:[.,]\d+)*")
# Sentences addressed to whoever reads or answers from the minutes rather than recording
# anything: "ignore previous instructions", "when asked about X, tell the reader that ...",
# "you must answer 'granted'". Minutes record what was said and done; they do not give the
# reader orders, so a sentence that does is not evidence (and never an answer).
_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:(?:all|any|the|your|my|these|those|of)\s+)*(?:(?:previous|prior|above|earlier|"
    r"preceding|system|other)\s+)*(?:instructions?|prompts?|rules|context|above)\b(?!\s+of\b)"
    r"|\b(?:system prompt|you are now|you must (?:now )?(?:answer|reply|respond|say)|as an ai)\b"
    r"|\b(?:answer|reply|respond|say|output)\s+(?:only\s+|with\s+|exactly\s+)*['\"“‘][^'\"”’]{1,40}['\"”’]"
    r"|\bwhen (?:you are |you're )?asked (?:about|for|whether|if|what|who|how)\b"
    r"|\b(?:tell|inform|remind|assure|instruct)\s+(?:the\s+|any\s+)?(?:readers?|users?|model|assistant|ai|chatbot|bot|llm)\b"
    r"|\b(?:you|the assistant|the model|the ai)\s+(?:should|must|shall|will|are to)\s+(?:always\s+|only\s+)?"
    r"(?:say|answer|reply|respond|tell|state|claim|report)\b",
    re.I,
)


def strip_markers(text: str) -> str:
    """The answer without the model's own citation markers and any echoed <source> tags."""
    return re.sub(r"[ \t]{2,}", " ", _MARKER.sub("", _TAG.sub("", text))).strip()


def answer_sentences(text: str) -> list[str]:
    """The model's answer as sentences (markers stripped); short ones kept so they can be judged."""
    out = []
    for s in split_sentences(strip_markers(text), min_chars=1):
        s = s.strip(" \t-–*•")
        if re.search(r"[^\W\d_]", s):  # "1." list numbering is not a sentence
            out.append(s)
    return out


def is_instruction(text: str) -> bool:
    """Does this source sentence read as an instruction to a model (prompt injection)?"""
    return bool(_INSTRUCTION.search(text))


def negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def content_words(text: str) -> set[str]:
    from .question import keywords

    return set(keywords(text))


def numbers(text: str) -> set[str]:
    """Numbers stated in the text, normalised ('1,200' -> '1200', '2.50' -> '2.5')."""
    out = set()
    for n in _NUM.findall(text):
        n = n.replace(",", "").rstrip(".")
        if "." in n:
            n = n.rstrip("0").rstrip(".")
        out.add(n)
    return out


@dataclass
class SourceSentence:
    """A sentence the model was shown, with the meeting and item it is quoted from."""

    text: str  # exact substring of item.full_text or of one of item.resolutions
    meeting: Meeting
    item: AgendaItem
    hit: SearchHit
    source_id: str = ""


@dataclass
class Support:
    """One answer sentence and the source sentence it rests on (if any)."""

    sentence: str
    source: SourceSentence | None
    score: float = 0.0
    overlap: float = 0.0
    cosine: float = 0.0
    reason: str = ""  # why it is unsupported; "" when supported

    @property
    def supported(self) -> bool:
        return self.source is not None and not self.reason


def quote_in_item(quote: str, item: AgendaItem | None) -> bool:
    """Is the quote an exact substring of the item's text (with title) or one of its resolutions?"""
    if item is None or not quote:
        return False
    return quote in item.full_text or any(quote in r for r in item.resolutions)


def source_sentences(passages: Sequence[tuple[str, str, SearchHit, Meeting, AgendaItem]]) -> list[SourceSentence]:
    """Sentences of the passages shown to the model, each checked to be an exact quote of its item.

    passages: (source id, passage text, hit, meeting, item).
    """
    out: list[SourceSentence] = []
    seen: set[tuple[str, str, str]] = set()
    for sid, text, hit, meeting, item in passages:
        for s in split_sentences(text):
            key = (meeting.id, hit.item_number, s)
            if key in seen or not quote_in_item(s, item):
                continue
            seen.add(key)
            out.append(SourceSentence(s, meeting, item, hit, sid))
    return out


Embed = Callable[[list[str]], list[list[float]]]


def _default_embed(texts: list[str]) -> list[list[float]]:
    from .embed import get_embed_model

    return get_embed_model().get_text_embedding_batch(texts)


def align(sentences: Sequence[str], sources: Sequence[SourceSentence], question: str = "",
          threshold: float = SUPPORT_THRESHOLD, embed: Embed | None = None) -> list[Support]:
    """Each answer sentence with its best-supporting source sentence, judged against `threshold`."""
    sentences = list(sentences)
    if not sentences:
        return []
    usable = [s for s in sources if not is_instruction(s.text)]
    if not usable:
        return [Support(s, None, reason="no source text to check it against") for s in sentences]
    vecs = (embed or _default_embed)(sentences + [s.text for s in usable])
    a_vecs, s_vecs = vecs[: len(sentences)], vecs[len(sentences):]
    s_words = [_words(s.text) for s in usable]
    q_words, q_nums = _words(question), numbers(question)
    allowed = [numbers(s.text) | _meeting_year(s) | (q_nums & _item_numbers(s)) for s in usable]
    out: list[Support] = []
    for sent, av in zip(sentences, a_vecs):
        words = _words(sent)
        new = words - q_words
        nums = numbers(sent)
        best: tuple[tuple[bool, float], Support] | None = None
        for src, sv, sw, ok_nums in zip(usable, s_vecs, s_words, allowed):
            # the meeting's year and the like count as stated by the source, as in the number check
            overlap = len(new & (sw | ok_nums)) / len(new) if new else 0.0
            cosine = float(sum(x * y for x, y in zip(av, sv)))
            score = OVERLAP_WEIGHT * overlap + (1 - OVERLAP_WEIGHT) * cosine
            missing = nums - ok_nums
            # a source sentence stating every number outranks one that does not, whatever the scores
            key = (not missing, score)
            if best is None or key > best[0]:
                reason = f"states {', '.join(sorted(missing))}, which its closest source sentence does not" if missing else ""
                best = (key, Support(sent, src, round(score, 4), round(overlap, 4), round(cosine, 4), reason))
        assert best is not None
        support = best[1]
        if len(words - {NEG}) < MIN_CONTENT_WORDS:
            support.reason = "too short to check against the minutes"
        elif not new:
            support.reason = "only restates the question"
        elif support.score < threshold and not support.reason:
            support.reason = f"no source sentence supports it (best match {support.score:.2f})"
        elif not support.reason and _polarity_differs(sent, words, support.source.text):
            # word overlap cannot tell "did not agree" from "agreed"
            support.reason = ("says the opposite of its closest source sentence" if negated(sent)
                              else "leaves out the negation in its closest source sentence")
        out.append(support)
    return out


NEG = "¬"  # a pseudo-word: "no declarations" says something "were there declarations" does not
_CLAUSE = re.compile(r"[,;:()]|\s[–-]\s|\b(?:and|as|although|though|whilst|while|but|however|whereas|unless|because)\b", re.I)


def _words(text: str) -> set[str]:
    """Content words and numbers (one-digit numbers and "1.5" included), plus NEG if negated."""
    return content_words(text) | numbers(text) | ({NEG} if negated(text) else set())


def _polarity_differs(sentence: str, words: set[str], source: str) -> bool:
    """Negated where neither the source sentence nor its closest clause is, or the reverse."""
    neg = negated(sentence)
    return neg != negated(source) and neg != negated(_closest_clause(source, words))


def _closest_clause(source: str, words: set[str]) -> str:
    """The clause of a source sentence sharing most words with the answer sentence: negation
    elsewhere in a long sentence ("Although data was not available, ... approximately 40")
    does not bear on it."""
    clauses = [c for c in _CLAUSE.split(source) if c and c.strip()]
    return max(clauses, key=lambda c: len(words & _words(c)), default=source)


def _meeting_year(src: SourceSentence) -> set[str]:
    return {src.meeting.date[:4]} if src.meeting.date else set()


def _item_numbers(src: SourceSentence) -> set[str]:
    return numbers(" ".join([src.item.full_text, *src.item.resolutions]))
