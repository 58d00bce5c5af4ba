"""Meetings: what is stored, each meeting's briefing and items, corrections and removal.

A meeting and an item have addresses (`/meetings?meeting=ID&item=N`). The briefing is
computed once per meeting content and kept (on disk, across restarts), so a meeting opens
in well under a second once it has been opened before.
"""
from __future__ import annotations

import json
import re

import pandas as pd
import streamlit as st

from ingest.errors import MinutesError
from ui import app_common as common
from ui.app_common import md, md_inline
from ui.app_correct import correct_meeting, warnings_in_words

store, _ = common.get_store()
stored = common.meetings(store)

st.title("Meetings")

flash = st.session_state.pop("meetings_flash", None)
if flash:
    st.success(md_inline(flash), icon=":material/check_circle:")

if not stored:
    common.first_run_message(store)
    st.stop()

ids = [m.id for m in stored]
by_id = {m.id: m for m in stored}
_titles = [m.title for m in stored]


def choice_label(meeting_id: str) -> str:
    """The meeting's title, with its document's name where two meetings share a title (the
    picker tells options apart by their labels: a duplicate would open the wrong meeting)."""
    from pathlib import Path

    m = by_id[meeting_id]
    return m.title if _titles.count(m.title) == 1 else f"{m.title} ({Path(m.source).name})"


def _pick(meeting_id: str | None) -> None:
    st.session_state["meeting_pick"] = meeting_id
    common.set_params(meeting=meeting_id, item=None)


def _on_table_select() -> None:
    rows = st.session_state["meetings_table"].selection.rows
    if rows:
        _pick(ids[rows[0]])


def _on_pick() -> None:
    _pick(st.session_state.get("meeting_pick"))


# A correction or removal names the meeting to show next (the widget's own key cannot be
# set once it is drawn).
if "meeting_next" in st.session_state:
    st.session_state["meeting_pick"] = st.session_state.pop("meeting_next")
    common.set_params(meeting=st.session_state["meeting_pick"], item=None)

# A link from another page (?meeting=ID) selects that meeting.
linked = common.param("meeting")
if linked in by_id and linked != st.session_state.get("meeting_pick"):
    st.session_state["meeting_pick"] = linked
elif st.session_state.get("meeting_pick") not in by_id:
    st.session_state["meeting_pick"] = None
elif linked is None and st.session_state.get("meeting_pick"):
    common.set_params(meeting=st.session_state["meeting_pick"])
if linked and linked not in by_id:
    st.warning("That meeting is not in the store (it may have been removed or corrected). Choose one below.",
               icon=":material/search_off:")

# Drawn only while open (on_change="rerun" gives the expander a state): the table is the
# heaviest element on the page for the browser, and with a meeting open it is folded away.
# The key names whether a meeting was open, so the expander starts open again when none is.
_listing = not st.session_state.get("meeting_pick")
with st.expander("All meetings", expanded=_listing, icon=":material/list:", key=f"all_meetings_{_listing}",
                 on_change="rerun") as all_meetings:
    if all_meetings.open:
        table = pd.DataFrame([
            {"Committee": m.committee or "(not stated)", "Date": m.date or "(not stated)", "Council": m.council or "",
             "Items": len(m.items), "Needs checking": len(m.warnings)}
            for m in stored
        ])
        st.caption("Select a row to open a meeting.")
        st.dataframe(table, hide_index=True, on_select=_on_table_select, selection_mode="single-row",
                     key="meetings_table",
                     column_config={"Committee": st.column_config.TextColumn(width=300),
                                    "Council": st.column_config.TextColumn(width=200),
                                    "Items": st.column_config.NumberColumn(width=60),
                                    "Needs checking": st.column_config.NumberColumn(width=110)})

picked = st.selectbox("Meeting", ids, key="meeting_pick", on_change=_on_pick, index=None,
                      placeholder="Choose a meeting", format_func=choice_label)
if not picked:
    st.stop()

m = by_id[picked]
st.header(md_inline(m.title))
facts = [(k, v) for k, v in (("Council", m.council), ("Time", m.time), ("Venue", m.venue), ("Chair", m.chair)) if v]
if facts:
    st.markdown("  \n".join(f"**{k}:** {md_inline(v)}" for k, v in facts))
if m.attendees:
    st.markdown(f"**Present:** {md_inline(', '.join(m.attendees))}")
if m.apologies:
    st.markdown(f"**Apologies:** {md_inline(', '.join(m.apologies))}")
common.source_link(m, key="meeting_source")
notes = warnings_in_words(m)
if notes:
    st.warning("\n".join(f"- {md_inline(w)}" for w in notes), icon=":material/warning:")

# --- a linked item (?item=N), shown first ------------------------------------------------

wanted_item = common.param("item")
item = m.item(wanted_item) if wanted_item else None
if wanted_item and item is None:
    st.caption(f"This meeting has no item {md_inline(wanted_item)}.")
if item is not None:
    with st.container(border=True, key="linked_item"):
        st.subheader(md_inline(f"Item {item.label}: {item.title}"))
        common.show_item(item, meeting=m)
        page = common.source_page(m, item, None)
        if page:
            st.caption(f"Page {page} of the original document.")
        if st.button("Close this item", icon=":material/close:", key="close_item"):
            common.set_params(item=None)
            st.rerun()


@st.cache_data(max_entries=256, show_spinner="Writing the briefing (once per meeting)…", persist="disk")
def _briefing(meeting_json: str):
    """The extractive briefing, keyed by the meeting's full content: any change (a correction,
    a re-ingest) is a new key, and an unchanged meeting is never briefed twice."""
    from ingest.model import Meeting
    from rag.brief import briefing

    return briefing(Meeting.from_dict(json.loads(meeting_json)))


def anchor(number: str) -> str:
    """The in-page id of an item's heading in the briefing: 'item-21-51' for item 21/51."""
    return "item-" + (re.sub(r"[^A-Za-z0-9]+", "-", number).strip("-").lower() or "x")


def item_link(number: str) -> str:
    """'[item 28]' as a link to that item's heading in this briefing (an in-page link: it stays
    in the tab; links to other addresses would open a new one)."""
    label = "attendance and details" if number == "header" else f"item {number}"
    return f"[{md_inline('[' + label + ']')}](#{anchor(number)})"


def cite_line(c) -> str:
    """A point and the item it comes from, as a link to that item."""
    return f"{md_inline(c.quote)} {item_link(c.item_number)}"


# Only the open tab is drawn (on_change="rerun" gives the tabs a state; a tab is one short
# rerun away): the page sends and lays out the briefing alone, not every item's full text
# too. The open tab is part of the address (?tab=Items), so it can be linked and reloaded.
brief_tab, items_tab, correct_tab, remove_tab = st.tabs(["Briefing", "Items", "Correct details", "Remove"],
                                                        key="tab", on_change="rerun", bind="query-params")

if brief_tab.open:
    with brief_tab:
        try:
            b = _briefing(json.dumps(m.to_dict(), sort_keys=True, ensure_ascii=False, default=str))
        except MinutesError as exc:
            st.error(md_inline(common.plain_error(exc)))
            b = None
        if b is not None:
            slug = m.id
            downloads = st.container(horizontal=True)
            downloads.download_button("Download Markdown", b.to_markdown(), file_name=f"{slug}-briefing.md",
                                      mime="text/markdown", icon=":material/download:", on_click="ignore", key="dl_md")
            downloads.download_button("Download Word (DOCX)", b.to_docx_bytes, file_name=f"{slug}-briefing.docx",
                                      mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                      icon=":material/download:", on_click="ignore", key="dl_docx")
            if b.truncated_items:
                st.warning(f"The source text of item(s) {md_inline(', '.join(b.truncated_items))} was truncated; "
                           "points from them may be incomplete.", icon=":material/content_cut:")
            st.header("Decisions", anchor="decisions")
            if b.decisions:
                st.markdown("\n".join(f"- **Item {md_inline(c.item_number)}** ({md_inline(c.item_title)}): {cite_line(c)}"
                                      for c in b.decisions))
            else:
                st.markdown("No formal decisions recorded.")
            if b.actions:
                st.header("Actions and future dates", anchor="actions")
                st.markdown("\n".join(f"- {cite_line(c)}" for c in b.actions))
            st.header("Items", anchor="items")
            for ib in b.items:
                flag = " *(truncated in source)*" if ib.truncated else ""
                st.subheader(f"{md_inline(ib.number)}\\. {md_inline(ib.title)}{flag}", anchor=anchor(ib.number))
                if ib.procedural:
                    st.markdown(md_inline(ib.points[0].quote) if ib.points else "No detail recorded.")
                else:
                    st.markdown("\n".join(f"- {md_inline(c.quote)}" for c in ib.points) or "- No detail recorded.")

if items_tab.open:
    with items_tab:
        st.caption("Each item with its decisions first, then what the minutes record.")
        if m.preamble:
            with st.expander("Attendance and meeting details"):
                st.markdown(md(m.preamble))
        # An item's text is drawn when its expander is opened (one short rerun), so a meeting
        # of a hundred long items opens as fast as a short one.
        for n, it in enumerate(m.items):
            flags = common.item_flags(it)
            label = f"{it.label}. {it.title}" + (f"  ({'; '.join(flags)})" if flags else "")
            with st.expander(md_inline(label), expanded=item is not None and it is item, key=f"item-{m.id}-{n}",
                             on_change="rerun") as box:
                if box.open:
                    common.show_item(it, meeting=m)

if correct_tab.open:
    with correct_tab:
        st.markdown("If the council, committee or date is missing or wrong, correct it here. The correction is saved "
                    "beside the original document (so adding it again keeps it) and the meeting is re-indexed.")
        with st.form("correct_form", border=True):
            c1, c2, c3 = st.columns([2, 2, 1])
            council = c1.text_input("Council", value=m.council or "", key="fix_council")
            committee = c2.text_input("Committee", value=m.committee or "", key="fix_committee")
            when = c3.text_input("Date (YYYY-MM-DD)", value=m.date or "", key="fix_date")
            save = st.form_submit_button("Save the correction", type="primary", icon=":material/save:")
        if save:
            try:
                with st.spinner("Re-indexing the meeting…"):
                    outcome = correct_meeting(store, m, council=council, committee=committee, date=when)
            except MinutesError as exc:
                st.error(md_inline(common.plain_error(exc)), icon=":material/error:")
            else:
                st.session_state["meetings_flash"] = outcome.message
                st.session_state["meeting_next"] = outcome.meeting_id
                st.rerun()

if remove_tab.open:
    with remove_tab:
        st.markdown(f"Removing **{md_inline(m.title)}** deletes it and all its passages from the store. "
                    "The source document is not touched: add it again to restore the meeting.")
        if st.session_state.get("confirm_remove") != m.id:
            if st.button("Remove this meeting…", icon=":material/delete:", key="remove"):
                st.session_state["confirm_remove"] = m.id
                st.rerun()
        else:
            st.warning(f"Remove {md_inline(m.title)}? This cannot be undone.", icon=":material/warning:")
            y, n, _ = st.columns([1, 1, 4])
            if y.button("Yes, remove it", type="primary", key="remove_confirm"):
                st.session_state.pop("confirm_remove", None)
                try:
                    with st.spinner("Removing…"):
                        count = store.remove(m.id)
                except MinutesError as exc:
                    st.error(md_inline(common.plain_error(exc)))
                else:
                    st.session_state["meetings_flash"] = f"Removed {m.title} ({count} passages)."
                    st.session_state["meeting_next"] = None
                    st.rerun()
            if n.button("Cancel", key="remove_cancel"):
                st.session_state.pop("confirm_remove", None)
                st.rerun()
