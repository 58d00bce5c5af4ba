"""Timeline: one topic followed across meetings, oldest first, one cited line per item."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ingest.errors import MinutesError
from rag.retrieve import Filters
from rag.timeline import timeline
from ui import app_common as common
from ui.app_common import md, md_inline

store, retriever = common.get_store()
stored = common.meetings(store)

st.title("Timeline")
st.markdown("Follow a topic across meetings: every agenda item that discussed it, in date order, "
            "with the line that shows it.")

if not stored:
    common.first_run_message(store)
    st.stop()

ALL = "All committees"
with st.form("timeline_form", border=False):
    c1, c2 = st.columns([3, 2])
    topic = c1.text_input("Topic", key="tl_topic", placeholder="e.g. foster carers, Ofsted inspection, budget")
    committee = c2.selectbox("Committee", [ALL, *common.committees(stored)], key="tl_committee")
    submitted = st.form_submit_button("Show timeline", icon=":material/timeline:", type="primary")

if submitted or st.session_state.get("tl_result"):
    if submitted:
        try:
            f = Filters(committee=None if committee == ALL else committee)
            with st.spinner("Searching the minutes…"):
                st.session_state["tl_result"] = (topic, timeline(retriever, topic, f))
        except MinutesError as exc:
            st.session_state.pop("tl_result", None)
            st.error(md_inline(exc))
            st.stop()
    shown_topic, entries = st.session_state["tl_result"]
    if not entries:
        st.info(f"No meeting in the store discussed “{md_inline(shown_topic)}” closely enough to cite.",
                icon=":material/help:")
        st.stop()
    meetings_n = len({e.citation.meeting_id for e in entries})
    st.subheader(f"“{md_inline(shown_topic)}”: {len(entries)} item{'s' if len(entries) != 1 else ''} "
                 f"in {meetings_n} meeting{'s' if meetings_n != 1 else ''}")

    counts = pd.Series([e.citation.date[:7] if e.citation.date else "undated" for e in entries]).value_counts().sort_index()
    if len(counts) >= 3 and counts.max() > 1:  # a chart of bars all of height 1 says nothing the list doesn't
        chart = pd.DataFrame({"Month": counts.index, "Items": counts.values})
        st.bar_chart(chart, x="Month", y="Items", height=220, x_label="Meeting month", y_label="Items on the topic")

    for n, e in enumerate(entries):
        c = e.citation
        with st.container(border=True):
            st.markdown(f"**{md_inline(c.date or 'date unknown')}** · {md_inline(c.committee or 'Unknown committee')} · "
                        f"{md_inline(common.where(c))}: {md_inline(c.item_title)}")
            st.markdown(md(c.quote))
            common.meeting_link(c.meeting_id, label="Open this item", item=c.item_number)
