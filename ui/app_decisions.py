"""Decisions: the register of every decision, filterable, each row linked to its meeting and
item, downloadable as CSV that opens cleanly in Excel.

Rows wrap their text (nothing is cut off or readable only on hover) and are laid out as
columns that stack into cards on a narrow screen. Procedural decisions ("the minutes of the
last meeting were confirmed as a correct record") are hidden unless asked for. Every filter
is part of the address (`/decisions?committee=...&outcome=...&text=...`).
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from ingest.errors import MinutesError
from ingest.model import display_date
from ui import app_common as common
from ui.app_common import md, md_inline

store, _ = common.get_store()
stored = common.meetings(store)

st.title("Decisions register")

if not stored:
    common.first_run_message(store)
    st.stop()

PAGE_SIZE = 25
ALL = "All committees"

from ui.app_register import all_decisions, filtered, procedural, register_csv, vote_text  # noqa: E402

# --- filters (each one part of the address) --------------------------------------------------

rows = all_decisions(store)
outcomes = sorted({d.outcome for d in rows if d.outcome})
text = st.text_input("Words in the decision or item", key="text", bind="query-params",
                     placeholder="e.g. budget, play area, recruitment", icon=":material/search:")
# The other filters fold away (a phone would otherwise show a screen of filters before any row).
narrowed = any(st.query_params.get(k) for k in ("committee", "from", "to", "member", "outcome", "procedural"))
with st.expander("More filters: committee, dates, member, outcome", expanded=narrowed, icon=":material/filter_list:"):
    c1, c2, c3 = st.columns([2, 1, 1])
    committee = c1.selectbox("Committee", [ALL, *common.committees(stored)], key="committee", bind="query-params")
    date_from = c2.date_input("From", value=None, key="from", format="YYYY-MM-DD", bind="query-params")
    date_to = c3.date_input("To", value=None, key="to", format="YYYY-MM-DD", bind="query-params")
    c5, c6 = st.columns([2, 1])
    member = c5.text_input("Member", key="member", bind="query-params", placeholder="who moved, seconded or voted")
    outcome = c6.selectbox("Outcome", ["Any outcome", *outcomes], key="outcome", bind="query-params")
    show_procedural = st.checkbox("Include procedural decisions (minutes confirmed, apologies, declarations)",
                                  key="procedural", bind="query-params")


try:
    matching = filtered(rows, None if committee == ALL else committee,
                        date_from.isoformat() if isinstance(date_from, date) else None,
                        date_to.isoformat() if isinstance(date_to, date) else None,
                        None if outcome == "Any outcome" else outcome, member.strip(), text.strip())
except MinutesError as exc:
    st.error(md_inline(exc))
    st.stop()
hidden = 0 if show_procedural else sum(procedural(d) for d in matching)
shown = matching if show_procedural else [d for d in matching if not procedural(d)]

top = st.container(horizontal=True, vertical_alignment="center")
top.markdown(f"**{len(shown)}** decision{'s' if len(shown) != 1 else ''}"
             + (f" · {hidden} procedural hidden" if hidden else "") + f" · {len(rows)} in the register")
top.download_button("Download CSV", register_csv(shown, stored), file_name="decisions.csv", mime="text/csv",
                    icon=":material/download:", on_click="ignore", disabled=not shown, key="dec_csv")

if not shown:
    st.info("No decision matches these filters." + (" Procedural decisions are hidden; tick the box to include them."
                                                      if hidden else ""), icon=":material/filter_alt_off:")
    st.stop()

# --- the rows --------------------------------------------------------------------------------

pages = max(1, -(-len(shown) // PAGE_SIZE))
page_no = st.session_state.get("dec_page", 1)
page_no = min(max(1, page_no), pages)
start = (page_no - 1) * PAGE_SIZE

for k, d in enumerate(shown[start:start + PAGE_SIZE], start):
    with st.container(border=True, key=f"decision-{k}"):
        left, middle, right = st.columns([1.3, 3.2, 1.3])
        with left:
            st.markdown(f"**{md_inline(display_date(d.date))}**  \n{md_inline(d.committee or 'Unknown committee')}")
            common.meeting_link(d.meeting_id, label=md_inline(f"Item {d.item_number}: {d.item_title}"),
                                item=d.item_number)
        middle.markdown(md(d.text))
        facts = [f"**{md_inline(d.outcome.capitalize())}**" if d.outcome and d.outcome != "other" else ""]
        facts += [f"Moved: {md_inline(d.mover)}" if d.mover else "", f"Seconded: {md_inline(d.seconder)}" if d.seconder else "",
                  f"Vote: {md_inline(vote_text(d))}" if vote_text(d) else ""]
        right.markdown("  \n".join(f for f in facts if f) or ":gray[no outcome or vote recorded]")

if pages > 1:
    nav = st.container(horizontal=True, vertical_alignment="center")
    if nav.button("Previous", disabled=page_no <= 1, icon=":material/chevron_left:", key="dec_prev"):
        st.session_state["dec_page"] = page_no - 1
        st.rerun()
    nav.caption(f"Page {page_no} of {pages}")
    if nav.button("Next", disabled=page_no >= pages, icon=":material/chevron_right:", key="dec_next"):
        st.session_state["dec_page"] = page_no + 1
        st.rerun()
