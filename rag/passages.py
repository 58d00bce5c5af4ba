"""Agenda items -> passages (llama-index TextNodes) that each still cite their item.

An item that fits the embedding window is one passage; a longer one is split on sentence
boundaries by llama-index's SentenceSplitter, measured with the embedding model's own
tokenizer. The item's number and title travel in the `item` metadata, which is embedded and
BM25-indexed with the text, so every passage of item 14 "knows" it is item 14.
Resolutions are also stored as short passages of their own: they answer "what was
decided" best.
"""
from __future__ import annotations

import json
from functools import lru_cache

from ingest.model import AgendaItem, Meeting, content_hash

# Only the item heading goes into the embedded/BM25 text; the rest is for filters and citations.
EMBED_KEYS = {"item"}


def date_num(iso: str | None) -> int:
    return int(iso.replace("-", "")) if iso else 0


def passage_id(meeting_id: str, item: AgendaItem, kind: str, k: int, version: str = "") -> str:
    """`meeting|position|m0|version`: the version is a hash of the passage's text and metadata.

    Content-addressed ids are what make a re-ingest crash-safe: a new version of a meeting
    writes new ids beside the committed ones and never overwrites a committed passage, so an
    interrupted write is undone by deleting ids no committed record names (rag/store.py).
    An unchanged passage keeps its id, so an edit re-embeds only what changed.
    """
    base = f"{meeting_id}|{item.position}|{kind[0]}{k}"
    return f"{base}|{version}" if version else base


@lru_cache(maxsize=1)
def _splitter(chunk_tokens: int):
    from llama_index.core.node_parser import SentenceSplitter

    from .embed import get_tokenizer

    tok = get_tokenizer()
    return SentenceSplitter(
        chunk_size=chunk_tokens,
        chunk_overlap=24,
        paragraph_separator="\n\n",
        tokenizer=lambda text: tok.tokenize(text),
    )


def split_item_text(text: str, chunk_tokens: int = 200) -> list[str]:
    """Chunks of an item's text, each an exact substring of it (quotes must stay exact)."""
    if not text.strip():
        return []
    chunks = _splitter(chunk_tokens).split_text(text)
    out: list[str] = []
    for chunk in chunks:
        chunk = chunk.strip()
        if chunk in text:
            out.append(chunk)
        else:
            # The splitter re-joins sentences with single spaces; recover the exact span.
            out.append(_exact_span(text, chunk) or chunk)
    return out


def _exact_span(text: str, chunk: str) -> str | None:
    words = chunk.split()
    if not words:
        return None
    start = text.find(words[0])
    while start != -1:
        pos, ok = start, True
        for w in words:
            nxt = text.find(w, pos)
            if nxt == -1 or text[pos:nxt].strip():
                ok = False
                break
            pos = nxt + len(w)
        if ok:
            return text[start:pos]
        start = text.find(words[0], start + 1)
    return None


def meeting_passages(meeting: Meeting, chunk_tokens: int = 200):
    """All TextNodes for a meeting, with stable ids (re-parsing yields the same ids)."""
    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

    nodes = []
    items = ([meeting.header_item()] if meeting.preamble else []) + list(meeting.items)
    for item in items:
        base = {
            "meeting_id": meeting.id,
            "council": meeting.council or "",
            "committee": meeting.committee or "",
            "date": meeting.date or "",
            "date_num": date_num(meeting.date),
            "item_number": item.label,
            "item_title": item.title,
            "item_position": item.position,
            "truncated": bool(item.truncated),
            "source": meeting.source,
            "item": f"Item {item.label}: {item.title}",
        }
        chunks = [(c, "minutes") for c in split_item_text(item.text, chunk_tokens)] or [(item.title, "minutes")]
        chunks += [(r, "resolution") for r in item.resolutions]
        counters = {"minutes": 0, "resolution": 0}
        for text, kind in chunks:
            version = content_hash(json.dumps([text, kind, base], sort_keys=True, ensure_ascii=False))[:8]
            pid = passage_id(meeting.id, item, kind, counters[kind], version)
            counters[kind] += 1
            node = TextNode(
                id_=pid,
                text=text,
                metadata={**base, "kind": kind, "content_hash": content_hash(text)},
                excluded_embed_metadata_keys=[k for k in base if k not in EMBED_KEYS] + ["kind", "content_hash"],
                excluded_llm_metadata_keys=[k for k in base if k not in EMBED_KEYS] + ["kind", "content_hash"],
                metadata_template="{value}",
                text_template="{metadata_str}\n\n{content}",
            )
            # Each passage is its own "document" for the docstore, so upserts and deletes work per passage.
            node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=pid)
            nodes.append(node)
    return nodes
