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

from ingest.model import HEADER_ITEM, AgendaItem, Citation, Meeting, display_date  # noqa: F401 (pages use it)

# Page files, relative to ui/app.py (st.Page, st.page_link and st.switch_page take these).
# Not in a pages/ folder: Streamlit would serve such a folder's scripts on their own (without
# app.py's navigation) to the first visitor of a fresh server who opens a page's URL.
ASK_PAGE = "app_ask.py"
MEETINGS_PAGE = "app_meetings.py"
DECISIONS_PAGE = "app_decisions.py"
TIMELINE_PAGE = "app_timeline.py"
EVALUATE_PAGE = "app_evaluate.py"
ADD_PAGE = "app_add_minutes.py"
MEMBERS_PAGE = "app_members.py"

# Set by ui/app_server.py, which serves each meeting's original document at source/<meeting id>.
SOURCE_ROUTE_ENV = "MINUTES_SOURCE_ROUTE"

UPLOAD_TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]

# Every ASCII punctuation character CommonMark lets a backslash escape that could start
# Markdown, HTML, an entity, LaTeX ($) or a Streamlit directive (:red[..], :material/..:).
_MD_META = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=^\"'])")

# Characters minutes text must never carry into the page: private-use code points (the
# highlighter's own sentinels live there, so a document containing them could forge or break
# a highlight), lone surrogates, C0/C1 controls other than tab and line breaks, zero-width
# and bidirectional-override formatting characters (they can reorder what a reader sees).
_UNSAFE = re.compile(
    "[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd\ud800-\udfff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb]"
)


def clean(text: object) -> str:
    """Text from a document with every unsafe markup character (see _UNSAFE) removed."""
    return _UNSAFE.sub("", "" if text is None else str(text))


def md(text: object) -> str:
    """Text rendered literally by st.markdown: unsafe characters removed, metacharacters
    escaped, line breaks kept.

    Leading whitespace is dropped (four spaces would start a code block) and single line
    breaks become hard breaks, so the minutes keep their lines and paragraphs.
    """
    return _escape(clean(text))


def _escape(s: str) -> str:
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = _MD_META.sub(r"\\\1", s)
    lines = [line.strip() for line in s.split("\n")]
    return "  \n".join(lines)


def md_inline(text: object) -> str:
    """md() on one line: for labels, captions and table-like lines."""
    return md(" ".join(clean(text).split()))


# --- the store -------------------------------------------------------------------------


def store_path() -> Path:
    """$MINUTES_STORE (set by `minutes ui --store`), else ./.minutes."""
    from rag.config import DEFAULT_STORE

    return Path(os.environ.get("MINUTES_STORE") or DEFAULT_STORE).expanduser().resolve()


@st.cache_resource(max_entries=4, show_spinner="Opening the minutes…")
def _minutes(root: str):
    """One `rag.front.Minutes` per store path, shared by every session: the store, retriever,
    embedding model and answer caches stay warm between questions and pages."""
    from rag.front import Minutes

    return Minutes.open(store=root, create=True)


def get_minutes():
    """The configured store's Minutes, refreshed (a write here or by `minutes ingest` in a
    terminal is seen on the next rerun); a store that cannot be opened stops the page."""
    from ingest.errors import MinutesError

    try:
        mn = _minutes(str(store_path()))
        mn.refresh()
        return mn
    except MinutesError as exc:
        st.error(f"The minutes cannot be opened: {md_inline(plain_error(exc))}")
        st.stop()
        raise  # unreachable


def get_store():
    """(store, retriever) of the configured store (pages keep this shape)."""
    mn = get_minutes()
    return mn.store, mn.retriever


# Tracked objects above which a full collection is slow enough to feel (about 0.1 s on a busy
# 2-core machine; the model, torch and Chroma bring about 600,000).
FREEZE_ABOVE = 100_000


def settle_heap(limit: int | None = None) -> bool:
    """Move the long-lived heap out of the garbage collector's way; True when it did.

    Streamlit runs a full collection after every script run (`runner.postScriptGC`), and the
    answer engine's libraries leave ~600,000 tracked objects that live as long as the server:
    every page then waited 0.3–1.4 s for a collection that walks them all and frees nothing.
    Once the heap has grown past `limit`, one last full collection runs and what survives it
    is frozen (gc.freeze: kept, never walked again), so later collections walk only what the
    pages themselves create. Frozen objects are still freed by reference counting; only
    reference cycles among them stay, and the collection first keeps garbage from being frozen.
    Cheap when there is nothing to do: counting the unfrozen objects is a few milliseconds.
    """
    import gc

    if len(gc.get_objects()) <= (FREEZE_ABOVE if limit is None else limit):
        return False
    gc.collect()
    gc.freeze()
    return True


def meetings(store) -> list[Meeting]:
    from ingest.errors import MinutesError

    try:
        return store.meetings()
    except MinutesError as exc:
        st.error(md_inline(plain_error(exc)))
        st.stop()
        raise


def plain_error(exc: object) -> str:
    """An error message without the store's file-system paths (a councillor cannot act on them)."""
    text = str(exc)
    root = str(store_path())
    return text.replace(root + os.sep, "").replace(root, "the store")


def first_run_message(store) -> None:
    st.info(
        "**No minutes in the store yet.** Add documents on the **Add minutes** page "
        "(text, HTML, PDF or Word), or ingest a folder from a terminal:",
        icon=":material/inbox:",
    )
    st.code("minutes ingest FOLDER", language="bash")
    st.page_link(ADD_PAGE, label="Add minutes", icon=":material/upload_file:")


# --- deep links --------------------------------------------------------------------------


def param(name: str) -> str | None:
    """One query parameter (?name=value) as a string, or None."""
    value = st.query_params.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value else None


def set_params(**values: str | None) -> None:
    """Set (or, for None, drop) query parameters so the address bar is a shareable link."""
    for k, v in values.items():
        if v:
            if param(k) != str(v):
                st.query_params[k] = str(v)
        elif k in st.query_params:
            del st.query_params[k]


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


# Private-use sentinels mark highlights while the text is escaped; clean() removes every
# private-use character from the document first, so only these can be present.
_OFF = "\ue000"
_ON = {"orange": "\ue001", "green": "\ue002", "quote": "\ue003"}
_OPEN = {"orange": ":orange-background[", "green": ":green-background[", "quote": ":orange-background[**"}
_CLOSE = {"orange": "]", "green": "]", "quote": "**]"}


def highlighted(text: str, marks: list[tuple[str, str]]) -> tuple[str, set[str]]:
    """Escaped Markdown of text with each (quote, colour) found highlighted in that colour.

    Colour "quote" is the strong highlight of a cited sentence (bold on orange). Returns the
    Markdown and the quotes that were found. Overlapping quotes keep the first.
    """
    text = clean(text)
    spans: list[tuple[int, int, str]] = []
    found: set[str] = set()
    for quote, colour in marks:
        span = _span(clean(quote), text)
        if span and not any(a < span[1] and span[0] < b for a, b, _ in spans):
            spans.append((*span, colour))
            found.add(quote)
    if not spans:
        return _escape(text), found
    raw, pos = [], 0
    for a, b, colour in sorted(spans):
        raw += [text[pos:a], _ON[colour], text[a:b], _OFF]
        pos = b
    raw.append(text[pos:])
    escaped = _escape("".join(raw))
    # A highlight cannot span lines: close it at each line end and reopen it on the next.
    by_marker = {v: c for c, v in _ON.items()}
    out, open_colour = [], None
    for line in escaped.split("  \n"):
        if open_colour:
            line = _ON[open_colour] + line
        for ch in line:
            if ch == _OFF:
                open_colour = None
            elif ch in by_marker:
                open_colour = by_marker[ch]
        if open_colour:
            line += _OFF
        parts, current = [], None
        for ch in re.split(f"([{''.join(_ON.values())}{_OFF}])", line):
            if ch in by_marker:
                current = by_marker[ch]
            elif ch == _OFF:
                current = None
            elif ch:
                if current:
                    body = ch.strip()
                    if body:
                        lead = ch[: len(ch) - len(ch.lstrip())]
                        tail = ch[len(ch.rstrip()):]
                        parts.append(f"{lead}{_OPEN[current]}{body}{_CLOSE[current]}{tail}")
                    else:
                        parts.append(ch)
                else:
                    parts.append(ch)
        out.append("".join(parts))
    return "  \n".join(out), found


def quote_window(text: str, quote: str, context: int = 2) -> tuple[str, bool, bool] | None:
    """The quote with about `context` sentences either side, as an exact slice of text.

    Returns (window, text_before, text_after) — whether the item goes on before/after the
    window — or None when the quote is not in text (e.g. it is the item's title).
    """
    from rag.sentences import sentence_spans

    text = clean(text)
    span = _span(clean(quote), text)
    if span is None:
        return None
    spans = sentence_spans(text, min_chars=1)
    inside = [i for i, (a, b) in enumerate(spans) if a < span[1] and span[0] < b]
    if not inside:
        start, end = span
    else:
        lo, hi = max(0, inside[0] - context), min(len(spans) - 1, inside[-1] + context)
        start, end = min(spans[lo][0], span[0]), max(spans[hi][1], span[1])
    return text[start:end], bool(text[:start].strip()), bool(text[end:].strip())


def item_flags(it: AgendaItem) -> list[str]:
    flags = []
    if it.truncated:
        flags.append("truncated in source")
    if it.number_inferred:
        flags.append("number inferred")
    n = len(item_decisions(it))
    if n:
        flags.append(f"{n} decision{'s' if n != 1 else ''}")
    return flags


def item_decisions(it: AgendaItem, meeting: Meeting | None = None) -> list[str]:
    """The item's decision texts: the meeting's Decision records when the parser made them,
    else the item's resolutions."""
    if meeting is not None:
        from rag.register import decisions_of

        decided = [d.text for d in decisions_of(meeting) if d.item_number in (it.number, it.label)]
        if decided:
            return decided
    return list(it.resolutions)


def show_item(it: AgendaItem, quote: str | None = None, meeting: Meeting | None = None) -> None:
    """The whole agenda item: its decisions first (green), then its text with the quote
    strongly highlighted; decisions the text does not contain are listed on their own."""
    if it.truncated:
        st.warning("The source text of this item is incomplete (the minutes were truncated).",
                   icon=":material/content_cut:")
    if it.blurb:
        st.caption(md(it.blurb))
    decided = item_decisions(it, meeting)
    if decided:
        st.markdown("**Decided:**  \n" + "  \n".join(f":green-background[{md_inline(r)}]" for r in decided))
    found: set[str] = set()
    if it.text.strip():
        marks = ([(quote, "quote")] if quote else []) + [(r, "green") for r in decided]
        body, found = highlighted(it.text, marks)
        st.markdown(body)
    else:
        st.caption("No text recorded for this item.")
    if quote and quote not in found:
        st.caption("Quoted from this item's heading:")
        st.markdown(f":orange-background[**{md_inline(quote)}**]")


def show_quote_preview(it: AgendaItem, quote: str, key: str, meeting: Meeting | None = None) -> None:
    """The cited sentence strongly highlighted with about two sentences either side (first,
    so it is on screen as soon as the citation opens), then a toggle for the whole item."""
    window = quote_window(it.text, quote) if it.text.strip() else None
    default = window is None and bool(it.text.strip())
    whole = bool(st.session_state.get(key, default))
    body = st.container()  # drawn above the toggle, filled once the toggle's state is known
    st.toggle("Show the whole item", key=key, value=default)
    with body:
        if whole:
            show_item(it, quote, meeting)
        elif window is None:
            st.markdown(f":orange-background[**{md_inline(quote)}**]")
        else:
            text, before, after = window
            marked, _ = highlighted(text, [(quote, "quote")])
            st.markdown(("… " if before else "") + marked + (" …" if after else ""))
            if it.truncated:
                st.caption(":material/content_cut: The source text of this item is incomplete "
                           "(the minutes were truncated).")


def citation_label(meeting: Meeting | None, c: Citation, page: int | None = None) -> str:
    """'Safeguarding Overview and Scrutiny Committee · 14 Sep 2023 · item 15: Title · page 3'."""
    from ingest.model import display_date

    parts = [c.committee or "Unknown committee", display_date(c.date), f"{where(c)}: {c.item_title}"]
    if page:
        parts.append(f"page {page}")
    return " · ".join(parts)


def meeting_link(meeting_id: str, label: str = "Open this meeting", item: str | None = None, key: str | None = None) -> None:
    """A link to the Meetings page with this meeting (and item) selected."""
    params = {"meeting": meeting_id, **({"item": item} if item else {})}
    st.page_link(MEETINGS_PAGE, label=label, icon=":material/event_note:", query_params=params)


# --- the original document ----------------------------------------------------------------


def source_file(meeting: Meeting) -> Path | None:
    """The meeting's original document, if it is still where it was ingested from."""
    path = Path(meeting.source)
    if not path.is_absolute():
        path = Path.cwd() / path
    return path if path.is_file() else None


def source_page(meeting: Meeting, item: AgendaItem | None, quote: str | None) -> int | None:
    """The 1-based PDF page a quote (or item) is on: the page the parser recorded for the
    item where it did, else the first page whose text holds the quote's opening words."""
    recorded = getattr(item, "page", None) if item is not None else None
    path = source_file(meeting)
    if path is None or path.suffix.lower() != ".pdf":
        return None
    probe = quote or (item.title if item else "")
    found = _find_page(str(path), path.stat().st_mtime, " ".join(clean(probe).split()[:12])) if probe else None
    return found or recorded


@st.cache_data(max_entries=64, show_spinner=False)
def _pdf_pages(path: str, mtime: float) -> list[str]:
    """Each page's text, whitespace-normalised and lower-cased, cached per file version."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        return [" ".join((page.extract_text() or "").split()).lower() for page in reader.pages]
    except Exception:  # a PDF that parsed at ingest but not now: no page, the link still opens it
        return []


def _find_page(path: str, mtime: float, words: str) -> int | None:
    if not words:
        return None
    pages = _pdf_pages(path, mtime)
    needle = words.lower()
    for n, text in enumerate(pages, 1):
        if needle in text:
            return n
    # a quote may run across a page break: try its first few words alone
    short = " ".join(needle.split()[:5])
    for n, text in enumerate(pages, 1):
        if short and short in text:
            return n
    return None


_MIME = {".pdf": "application/pdf", ".html": "text/html", ".htm": "text/html", ".txt": "text/plain",
         ".md": "text/plain", ".rst": "text/plain",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def source_link(meeting: Meeting, page: int | None = None, key: str | None = None) -> None:
    """'Open the original document (page N)': served by the app (ui/app_server.py) where it
    runs, else offered as a download."""
    from urllib.parse import quote

    path = source_file(meeting)
    kind = path.suffix.lower().lstrip(".").upper() if path else ""
    if path is None:
        st.caption(":material/link_off: The original document is no longer where it was added from.")
        return
    label = f"Open the original {kind}" + (f" at page {page}" if page else "")
    if os.environ.get(SOURCE_ROUTE_ENV):
        url = f"source/{quote(meeting.id, safe='')}" + (f"#page={page}" if page else "")
        st.link_button(label, url, icon=":material/description:", key=key)
    else:
        st.download_button(label.replace("Open", "Download"), path.read_bytes, file_name=path.name,
                           mime=_MIME.get(path.suffix.lower(), "application/octet-stream"),
                           icon=":material/download:", on_click="ignore", key=key)


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
