"""The Minutes web app: `minutes ui` (or `streamlit run ui/app_server.py`; `streamlit run
ui/app.py` works too, without the route that opens original documents).

A thin layer over ingest/ and rag/: every page calls the same functions as the CLI and only
presents their results. The store is $MINUTES_STORE (default ./.minutes).

Every page and state has its own address (`/ask?q=...`, `/meetings?meeting=ID&item=N`,
`/decisions?committee=...`), so answers and meetings can be shared by link and a reload
shows the same thing.
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

@st.cache_resource
def _icon() -> str:
    """The tab icon as a data: URL, drawn here: a Material or emoji icon would be fetched from
    a CDN, and an image would be a per-session media file that 404s after a reload (the app runs
    offline, and either failure is a console error on every page)."""
    import base64
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((2, 2, 62, 62), radius=12, fill=(33, 87, 150, 255))
    for y in (18, 30, 42):  # lines of a page of minutes
        d.rectangle((14, y, 50, y + 4), fill=(255, 255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


st.set_page_config(page_title="Minutes", page_icon=_icon(), layout="wide")
st.set_option("client.toolbarMode", "viewer")  # no "Deploy" or developer menu: this is a local tool

# The default page is served at "/"; Streamlit gives it no other address, so a visit to /ask
# would say "Page not found". A hidden second entry for the same script answers /ask.
pages = {
    "": [
        st.Page(common.ASK_PAGE, title="Ask", icon=":material/forum:", url_path="home", default=True),
        st.Page(common.ASK_PAGE, title="Ask", icon=":material/forum:", url_path="ask", visibility="hidden"),
        st.Page(common.MEETINGS_PAGE, title="Meetings", icon=":material/event_note:", url_path="meetings"),
        st.Page(common.DECISIONS_PAGE, title="Decisions", icon=":material/gavel:", url_path="decisions"),
        st.Page(common.MEMBERS_PAGE, title="Members", icon=":material/groups:", url_path="members"),
        st.Page(common.TIMELINE_PAGE, title="Timeline", icon=":material/timeline:", url_path="timeline"),
    ],
    "Admin": [
        st.Page(common.ADD_PAGE, title="Add minutes", icon=":material/upload_file:", url_path="add"),
        st.Page(common.EVALUATE_PAGE, title="Settings and evaluation", icon=":material/settings:", url_path="admin"),
        # The page's old address, so existing links and bookmarks still open it.
        st.Page(common.EVALUATE_PAGE, title="Settings and evaluation", url_path="evaluate", visibility="hidden"),
    ],
}
page = st.navigation(pages)

store, _ = common.get_store()
with st.sidebar:
    st.markdown("### Minutes")
    n = len(common.meetings(store))
    st.caption(f"{n} meeting{'s' if n != 1 else ''} stored")

try:
    page.run()
finally:  # also after st.stop()/st.rerun(): a run that loaded the model must not leave it to the collector
    common.settle_heap()
