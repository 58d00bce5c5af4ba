"""Meetings: what is stored, each meeting's items and its briefing; remove a meeting."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ingest.errors import MinutesError
from ui import app_common as common
from ui.app_common import md, md_inline

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


def _pick(meeting_id: str | None) -> None:
    st.session_state["meeting_pick"] = meeting_id
    if meeting_id:
        st.query_params["meeting"] = meeting_id
    else:
        st.query_params.pop("meeting", None)


def _on_table_select() -> None:
    rows = st.session_state["meetings_table"].selection.rows
    if rows:
        _pick(ids[rows[0]])


def _on_pick() -> None:
    _pick(st.session_state.get("meeting_pick"))


# A link from another page (?meeting=ID) selects that meeting.
linked = st.query_params.get("meeting")
if linked in by_id and linked != st.session_state.get("meeting_pick"):
    st.session_state["meeting_pick"] = linked
elif st.session_state.get("meeting_pick") not in by_id:
    st.session_state["meeting_pick"] = None

table = pd.DataFrame([
    {
        "Committee": m.committee or "(not stated)",
        "Date": m.date or "(not stated)",
        "Council": m.council or "",
        "Items": len(m.items),
        "Truncated items": sum(it.truncated for it in m.items),
        "Warnings": len(m.warnings),
        "Id": m.id,
    }
    for m in stored
])
st.caption("Select a row to open a meeting.")
st.dataframe(table, hide_index=True, on_select=_on_table_select, selection_mode="single-row", key="meetings_table",
             column_config={"Committee": st.column_config.TextColumn(width=300),
                            "Council": st.column_config.TextColumn(width=200),
                            "Items": st.column_config.NumberColumn(width=60),
                            "Truncated items": st.column_config.NumberColumn(width=110),
                            "Warnings": st.column_config.NumberColumn(width=80)})

picked = st.selectbox("Meeting", ids, key="meeting_pick", on_change=_on_pick, index=None,
                      placeholder="Choose a meeting", format_func=lambda i: by_id[i].title)
if not picked:
    st.stop()

m = by_id[picked]
st.header(md_inline(m.title))
facts = [(k, v) for k, v in (("Council", m.council), ("Time", m.time), ("Venue", m.venue), ("Chair", m.chair),
                             ("Source", m.source), ("Id", m.id)) if v]
st.markdown("  \n".join(f"**{k}:** {md_inline(v)}" for k, v in facts))
if m.attendees:
    st.markdown(f"**Present:** {md_inline(', '.join(m.attendees))}")
if m.apologies:
    st.markdown(f"**Apologies:** {md_inline(', '.join(m.apologies))}")
if m.warnings:
    st.warning("\n".join(f"- {md_inline(w)}" for w in m.warnings), icon=":material/warning:")

brief_tab, items_tab, remove_tab = st.tabs(["Briefing", "Items", "Remove"])

with items_tab:
    if m.preamble:
        with st.expander("Attendance and meeting details"):
            st.markdown(md(m.preamble))
    for it in m.items:
        flags = common.item_flags(it)
        label = f"{it.label}. {it.title}" + (f"  ({'; '.join(flags)})" if flags else "")
        with st.expander(md_inline(label)):
            common.show_item(it)


@st.cache_resource(max_entries=16, show_spinner="Writing the briefing…")
def _briefing(root: str, generation: int, meeting_id: str, _meeting):
    from rag.brief import briefing

    return briefing(_meeting)


def cite_line(c) -> str:
    """A point and its citation; within one meeting's briefing the item number says where."""
    return f"{md_inline(c.quote)} :gray[{md_inline('[' + common.where(c) + ']')}]"


with brief_tab:
    b = _briefing(str(store.root), store.generation, m.id, m)
    slug = m.id
    downloads = st.container(horizontal=True)
    downloads.download_button("Download Markdown", b.to_markdown(), file_name=f"{slug}-briefing.md", mime="text/markdown",
                       icon=":material/download:", on_click="ignore", key="dl_md")
    downloads.download_button("Download Word (DOCX)", b.to_docx_bytes, file_name=f"{slug}-briefing.docx",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       icon=":material/download:", on_click="ignore", key="dl_docx")
    if b.truncated_items:
        st.warning(f"The source text of item(s) {md_inline(', '.join(b.truncated_items))} was truncated; "
                   "points from them may be incomplete.", icon=":material/content_cut:")
    for note in b.notices:
        st.caption(md_inline(note))
    st.subheader("Decisions")
    if b.decisions:
        st.markdown("\n".join(f"- **Item {md_inline(c.item_number)}** ({md_inline(c.item_title)}): {cite_line(c)}"
                              for c in b.decisions))
    else:
        st.markdown("No formal resolutions recorded.")
    if b.actions:
        st.subheader("Actions and future dates")
        st.markdown("\n".join(f"- {cite_line(c)}" for c in b.actions))
    st.subheader("Items")
    for ib in b.items:
        flag = " *(truncated in source)*" if ib.truncated else ""
        if ib.procedural:
            line = cite_line(ib.points[0]) if ib.points else "No detail recorded."
            st.markdown(f"- **{md_inline(ib.number)}. {md_inline(ib.title)}** — {line}{flag}")
        else:
            st.markdown(f"**{md_inline(ib.number)}. {md_inline(ib.title)}**{flag}")
            st.markdown("\n".join(f"- {cite_line(c)}" for c in ib.points) or "- No detail recorded.")

with remove_tab:
    st.markdown(f"Removing **{md_inline(m.title)}** deletes it and all its passages from the store. "
                "The source document is not touched: ingest it again to restore the meeting.")
    if st.session_state.get("confirm_remove") != m.id:
        if st.button("Remove this meeting…", icon=":material/delete:", key="remove"):
            st.session_state["confirm_remove"] = m.id
            st.rerun()
    else:
        st.warning(f"Remove {md_inline(m.title)} ({md_inline(m.id)})? This cannot be undone.", icon=":material/warning:")
        y, n, _ = st.columns([1, 1, 4])
        if y.button("Yes, remove it", type="primary", key="remove_confirm"):
            st.session_state.pop("confirm_remove", None)
            try:
                with st.spinner("Removing…"):
                    count = store.remove(m.id)
            except MinutesError as exc:
                st.error(md_inline(exc))
            else:
                st.session_state["meetings_flash"] = f"Removed {m.title} ({count} passages)."
                st.query_params.pop("meeting", None)
                st.rerun()
        if n.button("Cancel", key="remove_cancel"):
            st.session_state.pop("confirm_remove", None)
            st.rerun()
