"""Where the header is: the document's top lines, cleaned of markup, front matter and page
furniture, up to where the minutes' prose or first numbered item begins.
"""
from __future__ import annotations

import re

from .header_dates import find_dates
from .header_names import MINUTES_OF

FURNITURE = re.compile(r"^(?:-{2,}\s*page\s*\d+\s*-{2,}|page\s+\d+(?:\s+of\s+\d+)?|skip to (?:main )?content|\d{1,3})$", re.I)
ITEM_START = re.compile(r"^(?:\d{1,4}(?:\.\d{1,3})*[.):]?|[IVX]{1,5}\.|[A-H][.)])(?:\s+\S|$)")
_YAML_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*(?::|=(?!=))\s*(?P<value>.*)$")  # YAML "key: v", TOML "key = v"
_FRONT_KEYS = {"title", "date", "layout", "author", "published", "tags", "description", "editor", "datecreated",
               "blog_post", "sidebar", "categories", "category", "slug", "draft", "lastmod", "permalink", "summary",
               "publisher"}
_SMALL = {"and", "of", "the", "for", "on", "in", "to", "a", "at", "by", "de", "la", "am", "pm", "a.m.", "p.m."}


def clean(ln: str) -> str:
    """A line without Markdown/HTML-export markup ('## ', '**', '> ', list bullets)."""
    s = ln.strip()
    s = re.sub(r"^(?:#{1,6}\s*)+", "", s)
    s = re.sub(r"^(?:#\s+)+", "", s)
    s = re.sub(r"^[>*\-•·]\s+", "", s)
    s = s.replace("**", "").replace("__", "").replace("\\", "")
    s = re.sub(r"\s*View directions\s*$", "", s, flags=re.I)
    return re.sub(r"[ \t]+", " ", s).strip()


def is_sentence(s: str) -> bool:
    """Running prose rather than a title, label or name line."""
    words = s.split()
    lower = sum(1 for w in words if w[:1].islower() and w.lower() not in _SMALL)
    return len(words) > 30 or (len(words) > 5 and lower >= 2 and lower / len(words) > 0.15 and not MINUTES_OF.match(s))


def title_like(s: str) -> bool:
    """Capitalised like a title: ALL CAPS, or most words capitalised."""
    words = re.findall(r"[A-Za-z][\w'’-]*", s)
    return bool(words) and (s.isupper() or sum(w[0].isupper() for w in words) >= 0.6 * len(words))


def split_front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """YAML or TOML front matter ('---' ... '---', '+++' ... '+++', or the bare 'key: value'
    lines a reader leaves of it) as key -> value, and the index after it. It is the web page's, not the minutes':
    a 'date:' there is often the publishing date."""
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    if not idx:
        return {}, 0
    meta: dict[str, str] = {}
    if lines[idx[0]].strip() not in ("---", "+++"):
        end = 0
        for i in idx:
            m = _YAML_KEY.match(lines[i].strip())
            if not m or m.group("key").lower() not in _FRONT_KEYS:
                break
            meta.setdefault(m.group("key").lower(), m.group("value").strip().strip("'\""))
            end = i + 1
        return (meta, end) if meta else ({}, 0)
    fence = lines[idx[0]].strip()
    for j in range(idx[0] + 1, min(len(lines), idx[0] + 60)):
        if lines[j].strip() == fence:
            return meta, j + 1
        m = _YAML_KEY.match(lines[j].strip())
        if m:
            meta.setdefault(m.group("key").lower(), m.group("value").strip().strip("'\""))
    return {}, 0


def header_lines(preamble: list[str], full_text: str, max_extra: int = 40) -> list[str]:
    """The lines the header is read from: the segmenter's preamble, continued into the
    document while the lines stay title-like.

    A segmenter may take a title line ("BOARD OF LIGHTS AND WATER", "MINUTES") for the first
    item, cutting the header short; the header really ends where the minutes' prose or the
    first numbered item begins, so the lines up to there are read too.
    """
    if not full_text:
        return list(preamble)
    doc = full_text.split("\n")
    n = len(preamble)
    if preamble and [ln.strip() for ln in doc[:n]] != [ln.strip() for ln in preamble]:
        return list(preamble)  # the preamble is not the document's first lines: trust it as given
    out = list(preamble)
    added = 0
    dated = any(find_dates(clean(ln)) for ln in preamble)
    for ln in doc[n:]:
        s = clean(ln)
        if not s or (FURNITURE.match(s) and not added):
            out.append(ln)  # blank, or a page number above the title
            continue
        # prose ends the header once the meeting's date has been seen (a letterhead's strap
        # line above the title does not); a numbered item always ends it
        if (is_sentence(s) and (dated or added >= 12)) or ITEM_START.match(s) or added >= max_extra:
            break
        dated = dated or bool(find_dates(s))
        out.append(ln)
        added += 1
    return out


def numbered_lines(raw: list[str]) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """(front matter, [(line number from 1, cleaned text)]) for the non-empty header lines."""
    meta, start = split_front_matter(raw)
    lines = [(i + 1, clean(ln)) for i, ln in enumerate(raw) if i >= start and clean(ln)]
    return meta, [(n, s) for n, s in lines if not FURNITURE.match(s)]
