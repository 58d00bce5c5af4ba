"""Settings and evaluation (Admin): the answer engine, and how well the current store answers
question fixtures. Kept out of the councillors' menu: an evaluation takes minutes.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from ingest.errors import MinutesError
from ui import app_common as common
from ui.app_common import md_inline

store, retriever = common.get_store()
stored = common.meetings(store)

st.title("Settings and evaluation")

# --- answer engine -----------------------------------------------------------------------------

QUOTE = "Quote the minutes (recommended)"
OWN = "A language model you run (advanced)"
TEST = "Bundled test model (advanced / test model: small, often wrong, slow)"
st.subheader("Answer engine")
st.caption("How answers are written. Quoting needs no model and only ever says what the minutes say. "
           "A language model writes an answer from the same cited passages.")


def _engine_changed() -> None:
    choice = st.session_state.get("set_engine")
    spec = None
    if choice == OWN:
        spec = (st.session_state.get("set_llm") or "").strip() or None
    elif choice == TEST:
        spec = "local"
    st.session_state["llm_spec"] = spec


current = st.session_state.get("llm_spec")
default = QUOTE if not current else TEST if current == "local" else OWN
choice = st.radio("Engine", [QUOTE, OWN, TEST], index=[QUOTE, OWN, TEST].index(default), key="set_engine",
                  on_change=_engine_changed, label_visibility="collapsed")
if choice == OWN:
    st.text_input("Model address", value=current if current and current != "local" else "", key="set_llm",
                  on_change=_engine_changed, placeholder="openai-like:http://127.0.0.1:8080/v1  or  ollama:MODEL",
                  help="openai-like:http://HOST:PORT/v1 (llama.cpp server, vLLM, LM Studio), ollama:MODEL, "
                       "openai:MODEL, or local:/path/model.gguf")
elif choice == TEST:
    st.warning("The bundled test model exists to check the language-model path offline. It answers most "
               "questions wrongly or refuses them, and can take minutes per answer. Use it for testing only.",
               icon=":material/science:")

# --- evaluation --------------------------------------------------------------------------------

st.subheader("Evaluation")
st.markdown("Run question fixtures against the current store: how often retrieval finds the right agenda item, "
            "how often answers are right, and whether the engine refuses when the minutes don't say.")

if not stored:
    common.first_run_message(store)
    st.stop()

from eval.run import DEFAULT_FIXTURES, MODES, evaluate  # noqa: E402

SAMPLE = 20
# Measured on 2 cores: answering ~3.3 s a question (128 questions took about 7 minutes),
# one retrieval mode ~0.15 s a question.
ANSWER_SECONDS, RETRIEVAL_SECONDS = 3.3, 0.15


def fixture_rows(path: Path) -> list[dict]:
    """Every fixture row of a .jsonl file, or of every .jsonl file in a folder."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def sample_rows(rows: list[dict], n: int = SAMPLE) -> list[dict]:
    """n questions spread evenly through the file (so every type and some must-refuse ones are in)."""
    if len(rows) <= n:
        return rows
    step = len(rows) / n
    return [rows[int(i * step)] for i in range(n)]


def estimate(n: int, modes: list[str], answers: bool) -> str:
    seconds = n * (len(modes) * RETRIEVAL_SECONDS + (ANSWER_SECONDS if answers else 0))
    return f"about {max(1, round(seconds / 60))} minute{'s' if round(seconds / 60) > 1 else ''}" if seconds >= 60 \
        else f"about {max(5, round(seconds, -1)):.0f} seconds"


try:
    bundled_n = len(fixture_rows(Path(DEFAULT_FIXTURES)))
except (OSError, ValueError):
    bundled_n = 0

with st.form("eval_form", border=True):
    source = st.radio("Questions", ["Bundled fixtures", "Upload a .jsonl file"], horizontal=True, key="ev_source",
                      help="Each line: {\"id\", \"type\", \"question\", \"answer\" (null = must refuse), "
                           "\"source\" (file name), \"item\", \"evidence\"}.")
    upload = st.file_uploader("Fixture file", type=["jsonl"], key="ev_upload")
    size = st.radio("How many", [f"Quick check: {SAMPLE} questions", "All questions"], horizontal=True, key="ev_size")
    c1, c2 = st.columns([3, 1])
    modes = c1.multiselect("Retrieval modes", list(MODES), default=["hybrid"], key="ev_modes")
    answers = c2.checkbox("Score answers", value=True, key="ev_answers", help="Also answer every question (slower).")
    if bundled_n:
        st.caption(f"Bundled fixtures: {bundled_n} questions. Time on this machine: quick check "
                   f"{estimate(SAMPLE, ['hybrid'], True)}, all questions {estimate(bundled_n, ['hybrid'], True)} "
                   "(with answers, one retrieval mode).")
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
            fixtures = Path(DEFAULT_FIXTURES)
        if size.startswith("Quick"):
            try:
                picked = sample_rows(fixture_rows(fixtures))
            except (OSError, ValueError) as exc:
                st.error(f"The fixture file cannot be read: {md_inline(exc)}")
                st.stop()
            quick = Path(tmp) / "sample.jsonl"
            quick.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in picked) + "\n", encoding="utf-8")
            fixtures = quick
        try:
            n_questions = len(fixture_rows(fixtures))
        except (OSError, ValueError):
            n_questions = 0
        with st.status(f"Evaluating {n_questions} questions ({estimate(n_questions, modes, answers)})…",
                       expanded=True) as status:
            bar = st.progress(0.0, text="Loading the questions")

            def progress(stage: str, n: int, total: int) -> None:
                what = "Answering" if stage == "answers" else f"Retrieval ({stage})"
                bar.progress(n / max(total, 1), text=f"{what}: {n}/{total}")

            try:
                report = evaluate(store, fixtures, modes=tuple(modes), answers=answers, progress=progress,
                                  **({"llm": st.session_state["llm_spec"]} if st.session_state.get("llm_spec") else {}))
            except MinutesError as exc:
                status.update(label="The evaluation could not run", state="error")
                st.error(md_inline(common.plain_error(exc)))
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
