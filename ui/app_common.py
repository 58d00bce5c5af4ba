"""What every page of the Streamlit app shares: the cached store, safe rendering of text
from the minutes, and small presentation helpers.

Text from the minutes is untrusted data. Streamlit renders Markdown in st.markdown, st.info,
st.error, expander and widget labels, so every string from a document goes through `md()`
(every Markdown/HTML metacharacter backslash-escaped) before it reaches one of them, and no
element is ever given unsafe_allow_html.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import streamlit as st

from ingest.model import HEADER_ITEM, AgendaItem, Citation, Meeting

# Page files, relative to ui/app.py (st.Page, st.page_link and st.switch_page take these).
# Not in a pages/ folder: Streamlit would serve such a folder's scripts on their own (without
# app.py's navigation) to the first visitor of a fresh server who opens a page's URL.
ASK_PAGE = "app_ask.py"
MEETINGS_PAGE = "app_meetings.py"
DECISIONS_PAGE = "app_decisions.py"
TIMELINE_PAGE = "app_timeline.py"
EVALUATE_PAGE = "app_evaluate.py"
ADD_PAGE = "app_add_minutes.py"

UPLOAD_TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]

# Every ASCII punctuation character CommonMark lets a backslash escape that could start
# Markdown, HTML, an entity, LaTeX ($) or a Streamlit directive (:red[..], :material/..:).
_MD_META = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=^\"'])")


def md(text: object) -> str:
    """Text rendered literally by st.markdown: metacharacters escaped, line breaks kept.

    Leading whitespace is dropped (four spaces would start a code block) and single line
    breaks become hard breaks, so the minutes keep their lines and paragraphs.
    """
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = _MD_META.sub(r"\\\1", s)
    lines = [line.strip() for line in s.split("\n")]
    return "  \n".join(lines)


def md_inline(text: object) -> str:
    """md() on one line: for labels, captions and table-like lines."""
    return md(" ".join(str(text or "").split()))


# --- the store -------------------------------------------------------------------------


def store_path() -> Path:
    """$MINUTES_STORE (set by `minutes ui --store`), else ./.minutes."""
    from rag.config import DEFAULT_STORE

    return Path(os.environ.get("MINUTES_STORE") or DEFAULT_STORE).expanduser().resolve()


@st.cache_resource(max_entries=4, show_spinner="Opening the store…")
def _open_store(root: str, generation: int):
    """One MinutesStore + Retriever per store path and store generation: any write (here or
    by `minutes ingest` in a terminal) bumps the generation, so the app sees it on the next run."""
    from rag.config import Settings
    from rag.retrieve import Retriever
    from rag.store import MinutesStore

    store = MinutesStore.open(Settings.from_options(store=root))
    return store, Retriever(store)


def get_store():
    """(store, retriever) for the configured store; a store that cannot be opened stops the page."""
    from ingest.errors import MinutesError
    from rag.config import Settings
    from rag.store import MinutesStore

    root = store_path()
    try:
        probe = MinutesStore.open(Settings.from_options(store=root))
        return _open_store(str(root), probe.generation)
    except MinutesError as exc:
        st.error(f"The store cannot be opened: {md_inline(exc)}")
        st.stop()
        raise  # unreachable


def meetings(store) -> list[Meeting]:
    from ingest.errors import MinutesError

    try:
        return store.meetings()
    except MinutesError as exc:
        st.error(md_inline(exc))
        st.stop()
        raise


def first_run_message(store) -> None:
    st.info(
        "**No minutes in the store yet.** Add documents on the **Add minutes** page "
        "(text, HTML, PDF or Word), or ingest a folder from a terminal:",
        icon=":material/inbox:",
    )
    st.code(f"minutes ingest FOLDER --store {store.root}", language="bash")
    st.page_link(ADD_PAGE, label="Add minutes", icon=":material/upload_file:")


# --- citations and items ---------------------------------------------------------------


def where(c: Citation) -> str:
    """'item 15' or 'attendance and details'."""
    return "attendance and details" if c.item_number == HEADER_ITEM else f"item {c.item_number}"


def _span(quote: str, text: str) -> tuple[int, int] | None:
    """Where quote occurs in text, ignoring differences in whitespace."""
    words = quote.split()
    if not words:
        return None
    rx = re.compile(r"\s+".join(re.escape(w) for w in words))
    m = rx.search(text)
    return (m.start(), m.end()) if m else None


_OFF = "\ue000"  # private-use sentinels: never escaped by md(), never in minutes text
_ON = {"orange": "\ue001", "green": "\ue002"}


def highlighted(text: str, marks: list[tuple[str, str]]) -> tuple[str, set[str]]:
    """Escaped Markdown of text with each (quote, colour) found highlighted in that colour.

    Returns the Markdown and the quotes that were found. Overlapping quotes keep the first.
    """
    spans: list[tuple[int, int, str]] = []
    found: set[str] = set()
    for quote, colour in marks:
        span = _span(quote, text)
        if span and not any(a < span[1] and span[0] < b for a, b, _ in spans):
            spans.append((*span, colour))
            found.add(quote)
    if not spans:
        return md(text), found
    raw, pos = [], 0
    for a, b, colour in sorted(spans):
        raw += [text[pos:a], _ON[colour], text[a:b], _OFF]
        pos = b
    raw.append(text[pos:])
    escaped = md("".join(raw))
    # A highlight cannot span lines: close it at each line end and reopen it on the next.
    out, open_colour = [], None
    for line in escaped.split("  \n"):
        if open_colour:
            line = _ON[open_colour] + line
        for ch in line:
            if ch == _OFF:
                open_colour = None
            elif ch in _ON.values():
                open_colour = next(c for c, v in _ON.items() if v == ch)
        if open_colour:
            line += _OFF
        for colour, on in _ON.items():
            line = re.sub(f"{on}(\\s*){_OFF}", r"\1", line).replace(on, f":{colour}-background[")
        out.append(line.replace(_OFF, "]"))
    return "  \n".join(out), found


def item_flags(it: AgendaItem) -> list[str]:
    flags = []
    if it.truncated:
        flags.append("truncated in source")
    if it.number_inferred:
        flags.append("number inferred")
    if it.resolutions:
        flags.append(f"{len(it.resolutions)} resolution{'s' if len(it.resolutions) != 1 else ''}")
    return flags


def show_item(it: AgendaItem, quote: str | None = None) -> None:
    """The whole agenda item: its text with the quote highlighted (orange) and its resolutions
    marked (green); resolutions the text does not contain are listed after it."""
    if it.truncated:
        st.warning("The source text of this item is incomplete (the minutes were truncated).",
                   icon=":material/content_cut:")
    if it.blurb:
        st.caption(md(it.blurb))
    marks = ([(quote, "orange")] if quote else []) + [(r, "green") for r in it.resolutions]
    found: set[str] = set()
    if it.text.strip():
        body, found = highlighted(it.text, marks)
        st.markdown(body)
    else:
        st.caption("No text recorded for this item.")
    rest = [r for r in it.resolutions if r not in found]
    if rest:
        st.markdown("**Resolved:**")
        for r in rest:
            body, hit = highlighted(r, [(quote, "orange")] if quote and quote not in found else [])
            found |= hit
            st.markdown(body)
    if it.resolutions and len(rest) < len(it.resolutions):
        key = [":orange-background[orange]: the quoted passage"] if quote and quote in found else []
        st.caption("Highlighted " + ", ".join(key + [":green-background[green]: the item's resolutions"]) + ".")
    if quote and quote not in found:
        st.caption("Quoted from this item's heading:")
        st.markdown(f":orange-background[{md_inline(quote)}]")


def meeting_link(meeting_id: str, label: str = "Open this meeting") -> None:
    """A link to the Meetings page with this meeting selected."""
    st.page_link(MEETINGS_PAGE, label=label, icon=":material/open_in_new:", query_params={"meeting": meeting_id})


def committees(ms: list[Meeting]) -> list[str]:
    return sorted({m.committee for m in ms if m.committee})


def safe_filename(name: str) -> str:
    """An uploaded file's name reduced to something safe to write under uploads/.

    Keeps letters (any script), digits, spaces, dots, dashes, underscores and brackets, so the
    same upload always lands on the same file (re-uploading is idempotent)."""
    import unicodedata

    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^\w\-() .]+", "_", stem).strip(" ._")[:120] or "upload"
    suffix = re.sub(r"[^A-Za-z0-9]", "", suffix).lower()[:10]
    return f"{stem}.{suffix}" if suffix else stem
