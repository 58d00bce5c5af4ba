"""The Minutes web app: `minutes ui` (or `streamlit run ui/app.py`).

A thin layer over ingest/ and rag/: every page calls the same functions as the CLI and only
presents their results. The store is $MINUTES_STORE (default ./.minutes).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run ui/app.py` from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from rag.config import offline_environment  # noqa: E402

offline_environment()  # before chromadb, sentence-transformers or tiktoken are imported

import streamlit as st  # noqa: E402

from ui import app_common as common  # noqa: E402

st.set_page_config(page_title="Minutes", page_icon=":material/gavel:", layout="wide")
st.set_option("client.toolbarMode", "viewer")  # no "Deploy" or developer menu: this is a local tool

pages = [
    st.Page(common.ASK_PAGE, title="Ask", icon=":material/forum:", url_path="ask", default=True),
    st.Page(common.MEETINGS_PAGE, title="Meetings", icon=":material/event_note:", url_path="meetings"),
    st.Page(common.DECISIONS_PAGE, title="Decisions", icon=":material/gavel:", url_path="decisions"),
    st.Page(common.TIMELINE_PAGE, title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page(common.EVALUATE_PAGE, title="Evaluate", icon=":material/fact_check:", url_path="evaluate"),
    st.Page(common.ADD_PAGE, title="Add minutes", icon=":material/upload_file:", url_path="add"),
]
page = st.navigation(pages)

store, _ = common.get_store()
with st.sidebar:
    st.markdown("### Minutes")
    n = len(common.meetings(store))
    st.caption(f"{n} meeting{'s' if n != 1 else ''} in {common.md_inline(store.root)}")

page.run()
