"""Ask: questions answered from the minutes, each claim cited to [meeting, item]."""
from __future__ import annotations

from datetime import date

import streamlit as st

from ingest.errors import MinutesError
from rag.answer import ask
from rag.retrieve import Filters
from ui import app_common as common
from ui.app_common import md, md_inline

store, retriever = common.get_store()
stored = common.meetings(store)

# --- sidebar: filters and engine ---------------------------------------------------------

ALL = "All committees"
with st.sidebar:
    st.markdown("#### Filters")
    committee = st.selectbox("Committee", [ALL, *common.committees(stored)], key="ask_committee")
    dates = sorted(m.date for m in stored if m.date)
    lo = date.fromisoformat(dates[0]) if dates else None
    hi = date.fromisoformat(dates[-1]) if dates else None
    date_from = st.date_input("From", value=None, key="ask_from", format="YYYY-MM-DD",
                              help=f"Only meetings on or after this date (stored meetings: {lo} to {hi})" if lo else None)
    date_to = st.date_input("To", value=None, key="ask_to", format="YYYY-MM-DD",
                            help="Only meetings on or before this date")
    st.markdown("#### Answer engine")
    engine = st.selectbox("Engine", ["extractive", "LLM"], key="ask_engine",
                          help="Extractive answers quote the minutes verbatim and need no model. "
                               "An LLM writes an answer from the same cited passages.")
    llm_spec = None
    if engine == "LLM":
        default_spec = store.settings.llm if store.settings.llm != "extractive" else "local"
        llm_spec = st.text_input("LLM", value=default_spec, key="ask_llm",
                                 help="local, local:PATH.gguf, openai-like:http://HOST:PORT/v1, ollama:MODEL "
                                      "or openai:MODEL").strip() or None
    if st.button("Clear conversation", icon=":material/delete_sweep:"):
        st.session_state["chat"] = []

st.title("Ask the minutes")

if not stored:
    common.first_run_message(store)
    st.stop()


def current_filters() -> Filters | None:
    try:
        return Filters(
            committee=None if committee == ALL else committee,
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None,
        )
    except MinutesError as exc:
        st.error(md_inline(exc))
        return None


def example_questions() -> list[str]:
    """Questions this store can answer, built from its newest meetings."""
    from rag.brief import PROCEDURAL

    out: list[str] = []
    dated = [m for m in stored if m.committee and m.date]
    for m in dated[:2]:
        d = date.fromisoformat(m.date)
        when = f"{d.day} {d.strftime('%B %Y')}"
        out.append(f"What were the main decisions of the {m.committee} meeting on {when}?")
        if len(out) == 1 and (m.apologies or m.attendees):
            out.append(f"Who sent apologies to the {m.committee} meeting on {when}?")
    for m in stored:
        topics = [it.title for it in m.items if not PROCEDURAL.search(it.title) and 8 < len(it.title) < 80]
        if topics:
            out.append(f"What was said about {topics[0].rstrip('.')}?")
            break
    return out[:4]


def show_answer(turn: int, answer) -> None:
    if answer.refused:
        st.info(md(answer.text), icon=":material/help:")
    else:
        st.markdown(md(answer.text))
    for note in answer.notices:
        st.caption(f":material/info: {md_inline(note)}")
    meta = [f"engine: {answer.engine}"]
    if answer.confidence is not None:
        meta.append(f"confidence {answer.confidence:.2f}")
    st.caption(" · ".join(meta))
    for n, c in enumerate(answer.citations, 1):
        with st.expander(md_inline(f"[{n}] {c.label[1:-1]}: {c.item_title}")):
            try:
                item = store.get_meeting(c.meeting_id).item(c.item_number)
            except MinutesError:
                item = None
            if item is None:
                st.warning("This meeting is no longer in the store; the quote was:")
                st.markdown(md(c.quote))
            else:
                st.markdown(f"##### {md_inline(item.title)}")
                common.show_item(item, c.quote)
                common.meeting_link(c.meeting_id)


def answer_question(question: str, f: Filters) -> dict:
    """Answer one question: the conversation turn, with the Answer or the error that stopped it."""
    with st.spinner("Searching the minutes…"):
        try:
            return {"question": question, "filters": f, "answer": ask(retriever, question, f, llm=llm_spec), "error": None}
        except MinutesError as exc:
            return {"question": question, "filters": f, "answer": None, "error": str(exc)}
        except Exception as exc:  # an LLM backend or store failure: say so, keep the conversation
            return {"question": question, "filters": f, "answer": None, "error": f"{type(exc).__name__}: {exc}"}


def show_question(turn: dict) -> None:
    from rag.answer import describe_filters

    st.markdown(md(turn["question"]))
    f = turn["filters"]
    if f is not None and not f.is_empty():
        st.caption(f"filtered to {md_inline(describe_filters(f))}")


def show_turn_answer(turn_no: int, turn: dict) -> None:
    if turn["answer"] is None:
        st.error(md_inline(turn["error"]))
    else:
        show_answer(turn_no, turn["answer"])


def ask_example(q: str) -> None:
    st.session_state["pending_question"] = q


chat: list[dict] = st.session_state.setdefault("chat", [])
prompt = st.chat_input("Ask a question about the minutes", key="ask_input", max_chars=2000)
question = prompt or st.session_state.pop("pending_question", None)

if not chat and not question:
    st.markdown("Ask anything the stored minutes record: every answer quotes them and cites the meeting and "
                "agenda item, and when they don't say, the answer says so.")
    examples = example_questions()
    if examples:
        st.markdown("**Try one of these:**")
        for i, q in enumerate(examples):
            st.button(md_inline(q), key=f"example-{i}", on_click=ask_example, args=(q,), icon=":material/lightbulb:")

for turn_no, turn in enumerate(chat):
    with st.chat_message("user"):
        show_question(turn)
    with st.chat_message("assistant"):
        show_turn_answer(turn_no, turn)

if question:
    f = current_filters()
    if f is not None:
        turn = {"question": question, "filters": f}
        with st.chat_message("user"):
            show_question(turn)
        with st.chat_message("assistant"):
            turn = answer_question(question, f)
            show_turn_answer(len(chat), turn)
        chat.append(turn)
