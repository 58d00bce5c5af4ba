"""Decisions: the register of every resolution, searchable, sortable, downloadable."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from ingest.errors import MinutesError
from rag.indexing import decisions, decisions_csv
from ui import app_common as common
from ui.app_common import md_inline

store, _ = common.get_store()
stored = common.meetings(store)

st.title("Decisions register")

if not stored:
    common.first_run_message(store)
    st.stop()

ALL = "All committees"
c1, c2, c3 = st.columns([2, 1, 1])
committee = c1.selectbox("Committee", [ALL, *common.committees(stored)], key="dec_committee")
date_from = c2.date_input("From", value=None, key="dec_from", format="YYYY-MM-DD")
date_to = c3.date_input("To", value=None, key="dec_to", format="YYYY-MM-DD")
search = st.text_input("Search the decisions", key="dec_search", placeholder="words in the decision, item or committee",
                       icon=":material/search:")

try:
    rows = decisions(store, None if committee == ALL else committee,
                     date_from.isoformat() if isinstance(date_from, date) else None,
                     date_to.isoformat() if isinstance(date_to, date) else None)
except MinutesError as exc:
    st.error(md_inline(exc))
    st.stop()

frame = pd.DataFrame(
    [{"Date": d.date or "", "Committee": d.committee or "", "Council": d.council or "", "Item": d.item_number,
      "Item title": d.item_title, "Decision": d.text, "Meeting id": d.meeting_id} for d in rows],
    columns=["Date", "Committee", "Council", "Item", "Item title", "Decision", "Meeting id"],
)
if search.strip():
    words = search.lower().split()
    haystack = frame[["Committee", "Council", "Item", "Item title", "Decision"]].astype(str).agg(" ".join, axis=1).str.lower()
    frame = frame[haystack.apply(lambda text: all(w in text for w in words))]

st.caption(f"{len(frame)} of {len(rows)} decision{'s' if len(rows) != 1 else ''}. "
           "Click a column heading to sort; hover a cell to read it in full.")
st.dataframe(
    frame, hide_index=True, width="stretch", height=min(38 + 35 * max(len(frame), 1), 640),
    column_order=["Date", "Committee", "Item", "Decision", "Item title", "Council", "Meeting id"],
    column_config={
        "Date": st.column_config.TextColumn(width=90),
        "Committee": st.column_config.TextColumn(width=220),
        "Item": st.column_config.TextColumn(width=60),
        "Decision": st.column_config.TextColumn(width=520),
        "Item title": st.column_config.TextColumn(width=220),
    },
)
shown = [d for d in rows if (d.meeting_id, d.item_number, d.text) in
         set(zip(frame["Meeting id"], frame["Item"], frame["Decision"]))]
st.download_button("Download CSV", decisions_csv(shown).encode("utf-8"), file_name="decisions.csv",
                   mime="text/csv", icon=":material/download:", on_click="ignore", disabled=frame.empty)
