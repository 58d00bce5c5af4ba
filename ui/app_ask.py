"""Ask: questions answered from the minutes, each claim cited to [meeting, item].

A question has an address (`/ask?q=...&committee=...&from=...&to=...`): asking sets it, and
opening it asks again, so an answer can be shared by link and survives a reload.
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from ingest.errors import MinutesError
from rag.answer import ask
from rag.retrieve import MAX_QUESTION_CHARS, Filters
from ui import app_common as common
from ui.app_common import md, md_inline
from ui.app_counter import char_counter
from ui.app_scroll import scroll_into_view

store, retriever = common.get_store()
stored = common.meetings(store)
ALL = "All committees"
committee_names = common.committees(stored)


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


# A link (?q=&committee=&from=&to=) sets the filters before their widgets are drawn.
linked_q = common.param("q")
if linked_q and st.session_state.get("ask_linked") != linked_q:
    st.session_state["ask_linked"] = linked_q
    wanted = common.param("committee")
    st.session_state["ask_committee"] = wanted if wanted in committee_names else ALL
    st.session_state["ask_from"] = _iso(common.param("from"))
    st.session_state["ask_to"] = _iso(common.param("to"))
    if not any(t["question"] == linked_q for t in st.session_state.get("chat", [])):
        st.session_state["pending_question"] = linked_q

# --- sidebar: filters ----------------------------------------------------------------------

with st.sidebar:
    st.markdown("#### Search only")
    committee = st.selectbox("Committee", [ALL, *committee_names], key="ask_committee")
    dates = sorted(m.date for m in stored if m.date)
    lo = date.fromisoformat(dates[0]) if dates else None
    hi = date.fromisoformat(dates[-1]) if dates else None
    date_from = st.date_input("From", value=None, key="ask_from", format="YYYY-MM-DD",
                              help=f"Only meetings on or after this date (stored meetings: {lo} to {hi})" if lo else None)
    date_to = st.date_input("To", value=None, key="ask_to", format="YYYY-MM-DD",
                            help="Only meetings on or before this date")
    if st.button("Clear conversation", icon=":material/delete_sweep:"):
        st.session_state["chat"] = []
        st.session_state.pop("ask_linked", None)
        common.set_params(q=None, committee=None)

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


def engine_spec() -> str | None:
    """The answer engine chosen on the Settings page (None: quote the minutes)."""
    return st.session_state.get("llm_spec") or None


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


def searched(f: Filters | None) -> str:
    """What a question searched, in words: '5 meetings (all committees)'."""
    f = f or Filters()
    n = sum(f.matches(m) for m in stored)
    what = f"{n} meeting{'s' if n != 1 else ''}"
    scope = []
    if f.committee:
        scope.append(f"of {f.committee}")
    if f.date_from and f.date_to:
        scope.append(f"from {f.date_from} to {f.date_to}")
    elif f.date_from:
        scope.append(f"on or after {f.date_from}")
    elif f.date_to:
        scope.append(f"on or before {f.date_to}")
    return f"{what} {' '.join(scope)}".strip() if scope else f"all {what}"


def _plain_notice(note: str) -> str | None:
    """Notices a councillor can use; internal diagnostics (scores, engine names) are dropped."""
    if note.lower().startswith("closest evidence") or "score" in note.lower():
        return None
    return note


def search_everything(question: str) -> None:
    st.session_state["ask_committee"] = ALL
    st.session_state["ask_from"] = None
    st.session_state["ask_to"] = None
    st.session_state["pending_question"] = question


def show_refusal(turn_no: int, turn: dict) -> None:
    answer, f = turn["answer"], turn["filters"]
    st.info(md(answer.text), icon=":material/help:")
    st.caption(f"Searched {md_inline(searched(f))}.")
    if f is not None and not f.is_empty():
        st.button("Search all meetings", key=f"all-{turn_no}", icon=":material/travel_explore:",
                  on_click=search_everything, args=(turn["question"],))
    closest = turn.get("closest") or []
    if closest:
        st.markdown("**Closest passages in the minutes** (they do not answer the question):")
        for k, hit in enumerate(closest):
            label = f"{hit.committee or 'Unknown committee'}, {common.display_date(hit.date)}, item {hit.item_number}: {hit.item_title}"
            common.meeting_link(hit.meeting_id, label=md_inline(label), item=hit.item_number)


def show_answer(turn_no: int, turn: dict) -> None:
    answer = turn["answer"]
    if answer.refused:
        show_refusal(turn_no, turn)
    else:
        st.markdown(md(answer.text))
    for note in filter(None, map(_plain_notice, answer.notices)):
        st.caption(f":material/info: {md_inline(note)}")
    if answer.engine != "extractive" and not answer.refused:
        st.caption(":material/smart_toy: Written by a language model from the quoted passages; check the quotes.")
    for n, c in enumerate(answer.citations, 1):
        try:
            meeting = store.get_meeting(c.meeting_id)
            item = meeting.item(c.item_number)
        except MinutesError:
            meeting = item = None
        page = common.source_page(meeting, item, c.quote) if meeting is not None else None
        label = f"[{n}] " + common.citation_label(meeting, c, page)
        # The first citation opens with the answer: its quote is what a reader checks first.
        with st.expander(md_inline(label), icon=":material/format_quote:", expanded=n == 1):
            if item is None:
                st.warning("This meeting is no longer in the store; the quote was:")
                st.markdown(md(c.quote))
                continue
            with st.container(key=f"cite-{turn_no}-{n}"):
                common.show_quote_preview(item, c.quote, key=f"whole-{turn_no}-{n}", meeting=meeting)
            links = st.container(horizontal=True)
            with links:
                common.meeting_link(c.meeting_id, label="Open this meeting", item=c.item_number)
                common.source_link(meeting, page, key=f"src-{turn_no}-{n}")


def closest_items(question: str, f: Filters) -> list:
    """The items nearest a refused question, so a reader can check for themselves."""
    try:
        return retriever.search(question, f, top_k=3)
    except MinutesError:
        return []


def answer_question(question: str, f: Filters) -> dict:
    """Answer one question: the conversation turn, with the Answer or the error that stopped it."""
    turn = {"question": question, "filters": f, "answer": None, "error": None, "closest": []}
    with st.spinner("Searching the minutes…"):
        try:
            turn["answer"] = ask(retriever, question, f, llm=engine_spec())
            if turn["answer"].refused:
                turn["closest"] = closest_items(question, f)
        except MinutesError as exc:
            turn["error"] = common.plain_error(exc)
        except Exception as exc:  # an LLM backend or store failure: say so, keep the conversation
            turn["error"] = f"The answer could not be written ({type(exc).__name__}). Try again, or use the default engine."
    return turn


def show_question(turn: dict) -> None:
    from rag.answer import describe_filters

    st.markdown(md(turn["question"]))
    f = turn["filters"]
    if f is not None and not f.is_empty():
        st.caption(f"Only {md_inline(describe_filters(f))}")


def show_turn_answer(turn_no: int, turn: dict) -> None:
    if turn["answer"] is None:
        st.error(md_inline(turn["error"]))
    else:
        show_answer(turn_no, turn)


def ask_example(q: str) -> None:
    st.session_state["pending_question"] = q


def problem_with(question: str) -> str | None:
    """Why a question cannot be asked as typed, in words (None: it can)."""
    q = question.strip()
    if not q:
        return "Type a question first."
    if len(q) > MAX_QUESTION_CHARS:
        return (f"Your question is {len(q):,} characters long; the limit is {MAX_QUESTION_CHARS:,}. "
                f"Shorten it by {len(q) - MAX_QUESTION_CHARS:,} characters and ask again (it is kept below).")
    return None


chat: list[dict] = st.session_state.setdefault("chat", [])
# No max_chars: the browser would cut a long paste silently; a live counter (drawn just above
# the box, in the bottom bar the chat input is pinned to) says how long the question is while
# it is typed, and a too-long question that is sent anyway is explained and kept below.
with st.bottom:
    char_counter('[data-testid="stChatInputTextArea"]', MAX_QUESTION_CHARS, key="ask_counter")
prompt = st.chat_input("Ask a question about the minutes", key="ask_input")  # the counter above gives the limit
question = prompt if prompt is not None else st.session_state.pop("pending_question", None)

problem = problem_with(question) if question is not None else None
if problem:
    st.warning(md_inline(problem), icon=":material/edit_note:")
    if question.strip():
        st.session_state["ask_draft"] = question
    question = None
if question is not None and not problem:
    st.session_state.pop("ask_draft", None)  # a new question replaces the one being shortened
draft = st.session_state.get("ask_draft")
if draft:
    edited = st.text_area("Your question (edit it here)", value=draft, key="ask_draft_edit", height=160)
    char_counter(".st-key-ask_draft_edit textarea", MAX_QUESTION_CHARS, key="draft_counter")
    if st.button("Ask this", key="ask_draft_go", icon=":material/send:"):
        st.session_state["pending_question"] = edited
        st.session_state.pop("ask_draft", None)
        st.rerun()

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
        question = question.strip()
        common.set_params(q=question, committee=f.committee, **{"from": f.date_from, "to": f.date_to})
        st.session_state["ask_linked"] = question
        turn = {"question": question, "filters": f}
        with st.chat_message("user"):
            show_question(turn)
        with st.chat_message("assistant"):
            turn = answer_question(question, f)
            show_turn_answer(len(chat), turn)
            if turn["answer"] is not None and turn["answer"].citations:
                # The first citation's quote, in view (on a phone the chat's end would hide it).
                scroll_into_view(f".st-key-cite-{len(chat)}-1 strong", key=f"scroll-{len(chat)}")
        chat.append(turn)
