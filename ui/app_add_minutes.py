"""Add minutes: upload documents, parse and embed them, and report what happened per file."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import streamlit as st

from ingest.errors import MinutesError
from ingest.parse import MeetingOverrides
from rag.indexing import ingest_paths
from ui import app_common as common
from ui.app_common import md_inline

store, _ = common.get_store()

st.title("Add minutes")
st.markdown("Upload minutes documents (text, Markdown, HTML, PDF or Word). Each is split into its agenda items, "
            "embedded and stored; a file that cannot be read is reported and the others still go in. "
            "Uploading the same file again changes nothing.")

with st.form("upload_form", clear_on_submit=True):
    # No type= filter: the browser would refuse other files with a note that vanishes on submit;
    # instead each unsupported file is named in the result below.
    files = st.file_uploader(f"Minutes documents ({', '.join('.' + t for t in common.UPLOAD_TYPES)})",
                             accept_multiple_files=True, key="upload_files")
    st.markdown("**Details to use where the documents don't state them correctly** (optional; applies to every "
                "file in this upload)")
    c1, c2, c3 = st.columns(3)
    committee = c1.text_input("Committee", key="upload_committee")
    meeting_date = c2.text_input("Date (YYYY-MM-DD)", key="upload_date")
    council = c3.text_input("Council", key="upload_council")
    submitted = st.form_submit_button("Add to the store", type="primary", icon=":material/upload:")


def save_uploads(uploaded) -> list[Path]:
    """Write each upload to <store>/uploads/<sanitised name>; the same name overwrites (idempotent)."""
    folder = store.root / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for f in uploaded:
        target = folder / common.safe_filename(f.name)
        data = f.getvalue()
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        if target not in paths:
            paths.append(target)
    return paths


def summarise(report, names: dict[str, str]) -> list[dict]:
    """One row per file: what became of it."""
    r = report.result
    failed = dict(report.failed)
    skipped = dict(report.skipped)
    by_source = {m.source: m for m in report.meetings}
    rows = []
    for path in [*report.files, *[p for p in failed if p not in report.files]]:
        name = names.get(path, Path(path).name)
        m = by_source.get(path)
        if path in failed:
            outcome, detail = "failed", common.plain_error(failed[path]).removeprefix(f"{Path(path).name}: ")
        elif path in skipped:
            outcome, detail = "skipped", re.sub(r"\s*\(to store it under new details.*\)$", "", skipped[path])
        elif m is None:
            outcome, detail = "not stored", ""
        else:
            outcome = ("added" if m.id in r.added else "updated" if m.id in r.updated
                       else "unchanged" if m.id in r.unchanged else "not stored")
            detail = f"{m.title}: {len(m.items)} items"
        rows.append({"File": name, "Outcome": outcome, "Meeting": m.id if m else "", "Details": detail,
                     "Warnings": list(m.warnings) if m else []})
    return rows


if submitted:
    try:
        overrides = MeetingOverrides(committee=committee.strip() or None, date=meeting_date.strip() or None,
                                     council=council.strip() or None)
    except MinutesError as exc:
        st.error(md_inline(exc))
        st.stop()
    if not files:
        st.warning("Choose one or more files first.")
        st.stop()
    unsupported = [f for f in files if Path(f.name).suffix.lower().lstrip(".") not in common.UPLOAD_TYPES]
    files = [f for f in files if f not in unsupported]
    refused = [{"File": f.name, "Outcome": "failed", "Meeting": "",
                "Details": (f"{Path(f.name).suffix or 'files without an extension'} files are not minutes documents "
                            f"this app can read; use {', '.join('.' + t for t in common.UPLOAD_TYPES)}"),
                "Warnings": []} for f in unsupported]
    if not files:
        st.session_state["upload_summary"] = refused
        st.rerun()
    paths = save_uploads(files)
    names = {str(p): p.name for p in paths}
    with st.status(f"Adding {len(paths)} file{'s' if len(paths) != 1 else ''}…", expanded=True) as status:
        parse_bar = st.progress(0.0, text="Reading and splitting into agenda items")
        embed_bar = st.progress(0.0, text="Embedding: waiting for parsing")
        done = {"n": 0}

        def on_parsed(path, error):
            done["n"] += 1
            parse_bar.progress(done["n"] / len(paths), text=f"Parsed {done['n']}/{len(paths)}: {md_inline(Path(path).name)}")
            if error:
                st.markdown(f":red[:material/error:] {md_inline(error)}")

        def on_stored(meeting_id, n, total):
            embed_bar.progress(n / max(total, 1), text=f"Stored {n}/{total}: {md_inline(meeting_id)}")

        try:
            report = ingest_paths(store, paths, overrides, on_parsed=on_parsed, on_stored=on_stored)
        except MinutesError as exc:
            status.update(label="Nothing was stored", state="error")
            st.error(md_inline(exc))
            st.stop()
        rows = summarise(report, names) + refused
        bad = sum(r["Outcome"] == "failed" for r in rows)
        status.update(label=f"Done: {len(rows) - bad} of {len(rows)} file{'s' if len(rows) != 1 else ''} read",
                      state="error" if bad and bad == len(rows) else "complete", expanded=False)
    st.session_state["upload_summary"] = rows
    st.rerun()  # the sidebar and other pages now see the new store generation

rows = st.session_state.get("upload_summary")
if rows:
    st.subheader("Last upload")
    counts = pd.Series([r["Outcome"] for r in rows]).value_counts()
    st.markdown(" · ".join(f"**{n}** {outcome}" for outcome, n in counts.items()))
    for r in rows:
        if r["Outcome"] == "failed":
            st.error(f"**{md_inline(r['File'])}** could not be added: {md_inline(r['Details'])}", icon=":material/error:")
        elif r["Outcome"] == "skipped":
            st.warning(f"**{md_inline(r['File'])}** was skipped: {md_inline(r['Details'])}", icon=":material/info:")
    st.dataframe(pd.DataFrame([{k: v for k, v in r.items() if k not in ("Warnings", "Meeting")} for r in rows]),
                 hide_index=True)
    warned = [r for r in rows if r["Warnings"]]
    for r in warned:
        with st.expander(f"Warnings for {md_inline(r['File'])} ({len(r['Warnings'])})"):
            for w in r["Warnings"]:
                st.markdown(f"- {md_inline(w)}")
    titles = {m.id: m.title for m in common.meetings(store)}
    for r in rows:
        if r["Meeting"] and r["Outcome"] in ("added", "updated", "unchanged"):
            common.meeting_link(r["Meeting"], label=md_inline(f"Open {r['File']} ({titles.get(r['Meeting'], 'the meeting')})"))
