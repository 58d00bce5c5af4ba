"""Evaluate: score retrieval and answers on the current store against question fixtures."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from ingest.errors import MinutesError
from ui import app_common as common
from ui.app_common import md_inline

store, retriever = common.get_store()
stored = common.meetings(store)

st.title("Evaluate")
st.markdown("Run question fixtures against the current store: how often retrieval finds the right agenda item, "
            "how often answers are right, and whether the engine refuses when the minutes don't say.")

if not stored:
    common.first_run_message(store)
    st.stop()

from eval.run import DEFAULT_FIXTURES, MODES, evaluate  # noqa: E402

with st.form("eval_form", border=True):
    source = st.radio("Questions", ["Bundled fixtures", "Upload a .jsonl file"], horizontal=True, key="ev_source",
                      help=f"Bundled: {DEFAULT_FIXTURES}. Each line: {{\"id\", \"type\", \"question\", \"answer\" "
                           "(null = must refuse), \"source\" (file name), \"item\", \"evidence\"}.")
    upload = st.file_uploader("Fixture file", type=["jsonl"], key="ev_upload")
    c1, c2 = st.columns([3, 1])
    modes = c1.multiselect("Retrieval modes", list(MODES), default=["hybrid"], key="ev_modes")
    answers = c2.checkbox("Score answers", value=True, key="ev_answers", help="Also answer every question (slower).")
    run = st.form_submit_button("Run evaluation", type="primary", icon=":material/play_arrow:")

if run:
    if source.startswith("Upload") and upload is None:
        st.error("Choose a .jsonl file to upload, or use the bundled fixtures.")
        st.stop()
    if not modes and not answers:
        st.error("Pick at least one retrieval mode or score answers.")
        st.stop()
    with tempfile.TemporaryDirectory() as tmp:
        if source.startswith("Upload"):
            fixtures = Path(tmp) / common.safe_filename(upload.name)
            fixtures.write_bytes(upload.getvalue())
        else:
            fixtures = DEFAULT_FIXTURES
        with st.status("Evaluating…", expanded=True) as status:
            bar = st.progress(0.0, text="Loading the questions")

            def progress(stage: str, n: int, total: int) -> None:
                what = "Answering" if stage == "answers" else f"Retrieval ({stage})"
                bar.progress(n / max(total, 1), text=f"{what}: {n}/{total}")

            try:
                report = evaluate(store, fixtures, modes=tuple(modes), answers=answers, progress=progress)
            except MinutesError as exc:
                status.update(label="The evaluation could not run", state="error")
                st.error(md_inline(exc))
                st.stop()
            status.update(label=f"Evaluated {report.config.get('questions')} questions", state="complete", expanded=False)
    st.session_state["ev_report"] = report

report = st.session_state.get("ev_report")
if report is None:
    st.stop()

cfg = report.config
st.subheader("Results")
st.caption(f"{cfg.get('questions')} questions · {cfg.get('meetings')} meetings, {cfg.get('passages')} passages · "
           f"answer engine: {md_inline(cfg.get('llm') or 'configured default')}")
for p in report.problems:
    st.warning(md_inline(p), icon=":material/warning:")

a = report.metrics.get("answers", {})
if a and "skipped" not in a:
    cols = st.columns(4)
    cols[0].metric("Correct (answerable)", f"{a['correct']:.0%}")
    cols[1].metric("Refusal accuracy", f"{a['refusal_accuracy']:.0%}", help="Unanswerable questions refused")
    cols[2].metric("Citation validity", f"{a['citation_validity']:.0%}", help="Quotes found verbatim in the cited item")
    cols[3].metric("Ask latency p50", f"{a['latency_p50_ms']:.0f} ms")
    if a.get("correct_by_type"):
        st.markdown("**Correct by question type**")
        by_type = pd.DataFrame({"Type": list(a["correct_by_type"]), "Correct": list(a["correct_by_type"].values())})
        st.bar_chart(by_type, x="Type", y="Correct", height=220)
elif a:
    st.info(f"Answers not scored: {md_inline(a.get('skipped'))}.")

retrieval = [(mode, report.metrics[mode]) for mode in cfg.get("modes", []) if mode in report.metrics]
if retrieval:
    st.markdown("**Retrieval** (rank of the first gold agenda item in the top 10)")
    frame = pd.DataFrame([{"Mode": mode, "hit@1": m.get("hit@1"), "hit@5": m.get("hit@5"), "MRR": m.get("mrr"),
                           "p50 ms": round(m.get("latency_p50_ms") or 0)} for mode, m in retrieval])
    st.dataframe(frame, hide_index=True)
    st.bar_chart(frame.set_index("Mode")[["hit@1", "hit@5", "MRR"]], stack=False, height=220)

st.markdown("**Each question**")


answers_scored = bool(a) and "skipped" not in a


def verdict(r) -> str:
    if not answers_scored:
        return "retrieval only"
    if r.error:
        return "error"
    if r.gold_answer is None:
        return "refused (right)" if r.refused else "answered (should refuse)"
    if not r.answer and not r.refused:
        return "not answered"
    return "refused (wrong)" if r.refused else ("correct" if r.correct else "wrong")


rows = pd.DataFrame([{
    "Id": r.id, "Type": r.type, "Outcome": verdict(r), "Rank": r.hit_rank, "Question": r.question,
    "Expected": r.gold_answer if r.gold_answer is not None else "(refuse)",
    "Answer": " ".join(r.answer.split()), "Cited": "; ".join(c.get("label", "") for c in r.citations),
    "ms": round(r.latency_ms),
} for r in report.results])
if not answers_scored:
    rows = rows.drop(columns=["Answer", "Cited", "ms"])
show = st.selectbox("Show", ["All", "Misses only"], key="ev_show")
if show == "Misses only" and not rows.empty:
    rank_miss = rows["Rank"].isna() & (rows["Expected"] != "(refuse)")
    rows = rows[rank_miss | ~rows["Outcome"].isin(["correct", "refused (right)", "retrieval only"])]
st.dataframe(rows, hide_index=True, placeholder="–", column_config={"Answer": st.column_config.TextColumn(width="large"),
                                                   "Question": st.column_config.TextColumn(width="medium")})

from eval.report import markdown_report  # noqa: E402

st.download_button("Download the report (Markdown)", markdown_report(report), file_name="evaluation.md",
                   mime="text/markdown", icon=":material/download:", on_click="ignore")
st.caption("The same evaluation from a terminal: `minutes eval --store STORE --report evaluation.md`.")
