"""The Streamlit app (issues 6 and 16) with streamlit.testing's AppTest: the real app script,
the real store and model, in this process.

Read-only tests share the session's sample store; the upload, escaping, correction and
remove tests build one small store of their own (tiny documents, embedded in a second or two).
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "ui" / "app.py")
# Generous: AppTest runs are in-process and quick, but a loaded CI machine is slow.
TIMEOUT = 300

UASC = "How many unaccompanied asylum seeking children were there?"
# (committee, date) of meetings the tests open; ids are looked up (their form is the store's business).
UASC_MEETING = ("Safeguarding Overview and Scrutiny Committee", "2023-09-14")
BRIEFED = ("Safeguarding Overview and Scrutiny Committee", "2024-01-04")
SAFE_STRONG_MEETING = ("Safe and Strong Communities Select Committee", "2021-03-01")
PLAY_AREAS = ("Play Areas Committee", "2025-02-03")
SAFE_STRONG = "Safe and Strong Communities Select Committee"
SCRIPT_TITLE = "<script>alert(1)</script>"
SMALL_DOC = f"""Test Parish Council
Minutes of the Play Areas Committee meeting held on 3 February 2025

Present: Councillor Smith (Chair), Councillor Jones

1. Apologies

Apologies were received from Councillor Brown.

2. Swings {SCRIPT_TITLE} and slides

The committee agreed to spend £3,950 on new swings for the village play area. The old roundabout had failed its safety inspection in January.

RESOLVED: That the swings be purchased from the approved supplier.

3. Date of next meeting

The next meeting will be held on 3 March 2025.
""".encode()
# Minutes whose header states neither committee nor date: the app's correction form fixes them.
UNDATED_DOC = b"""1. Water supply

The group agreed to repair the standpipe on plot 12 before the summer. Three quotes had been obtained.

2. Any other business

There was no other business.
"""
# Private-use characters around words: the app's own highlight sentinels live there.
FORGED_DOC = """Forgery Parish Council
Minutes of the Lighting Committee meeting held on 5 May 2025

1. Street lights

The committee noted \ue001THIS IS NOT A QUOTE\ue000 the lamp columns on Mill Lane. \ue003Bold claim\ue000 here.

RESOLVED: That new lamps be fitted on Mill Lane.

2. Date of next meeting

The next meeting will be held on 2 June 2025.
""".encode()
PNG_AS_TXT = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def new_app(monkeypatch, store_root: Path, page: str | None = None, params: dict | None = None, env: dict | None = None):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("MINUTES_STORE", str(store_root))
    for k, v in (env or {}).items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    for k, v in (params or {}).items():
        at.query_params[k] = v
    if page:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    elif params:
        at.run()
        assert not at.exception, at.exception
    return at


def texts(at) -> str:
    """Everything the page shows as text: markdown, captions, alerts, expander and link labels."""
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    for kind in (at.info, at.warning, at.error, at.success):
        parts += [e.value for e in kind]
    parts += [e.label for e in at.expander]
    parts += [link.proto.label for link in at.get("page_link")]
    parts += [b.label for b in at.button]
    return "\n".join(parts)


def plain(md_text: str) -> str:
    """Escaped Markdown back to the text it shows."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", md_text)


def citation_labels(at) -> list[str]:
    return [e.label for e in at.expander if e.label.startswith("\\[")]


def ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def links(at, page: str = "meetings") -> list[str]:
    """Query strings of the page links to one page."""
    return [link.proto.query_string for link in at.get("page_link") if page in link.proto.page]


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, embed_model) -> Path:
    """An empty store this module writes to (the sample store is read-only)."""
    return tmp_path_factory.mktemp("app-store")


def meeting_count(root: Path) -> int:
    return len(open_store(root).meetings())


def mid(root: Path, which: tuple[str, str]) -> str:
    """The id of the stored meeting of that committee on that date."""
    committee, day = which
    return next(m.id for m in open_store(root).meetings() if m.committee == committee and m.date == day)


def item_key(root: Path, meeting_id: str, number: str) -> str:
    """The key of an item's expander on the meeting page's Items tab."""
    meeting = open_store(root).get_meeting(meeting_id)
    return f"item-{meeting_id}-{[it.number for it in meeting.items].index(number)}"


def open_store(root: Path):
    from rag.config import Settings
    from rag.store import MinutesStore

    return MinutesStore.open(Settings.from_options(store=root))


def upload(at, files: list[tuple[str, bytes]]):
    at.file_uploader(key="upload_files").set_value([(name, data, "text/plain") for name, data in files])
    next(b for b in at.button if "Add to the store" in b.label).click().run()
    assert not at.exception, at.exception
    return at


def ensure_small_doc(monkeypatch, small_store: Path) -> None:
    if not any(m.committee == "Play Areas Committee" for m in open_store(small_store).meetings()):
        upload(new_app(monkeypatch, small_store, "app_add_minutes.py"), [("play areas.txt", SMALL_DOC)])


# --- Ask: answers and citations -------------------------------------------------------------


def test_answer_cites_and_previews_the_quote_in_context(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root)
    assert any("main decisions" in b.label for b in at.button), "example questions are offered"
    ask(at, UASC)
    assert len(at.chat_message) == 2
    body = "\n".join(m.value for m in at.chat_message[1].markdown)
    assert "104" in body and "\\[1\\]" in body  # numbered marker, escaped so it renders as text
    labels = citation_labels(at)
    # The label says where: committee, date, item and title.
    assert labels and labels[0].startswith("\\[1\\]")
    assert "Safeguarding Overview and Scrutiny Committee · 14 Sep 2023 · item 15" in plain(labels[0])
    preview = "\n".join(m.value for m in at.expander[0].markdown)
    # The quoted sentence strongly highlighted (bold on orange) ...
    assert re.search(r":orange-background\[\*\*[^\]]*104", preview)
    # ... with its neighbours, not the whole item (the item goes on for thousands of characters).
    item = open_store(sample_store.root).get_meeting(mid(sample_store.root, UASC_MEETING)).item("15")
    assert len(plain(preview)) < len(item.text) / 2
    assert "show the whole item" in [t.label.lower() for t in at.toggle]
    # Each citation links to its meeting and item, and offers the original document.
    assert any(f"meeting={mid(sample_store.root, UASC_MEETING)}" in q and "item=15" in q for q in links(at))
    assert any("original" in b.label.lower() for b in at.get("download_button"))


def test_show_whole_item_toggle(monkeypatch, sample_store):
    at = ask(new_app(monkeypatch, sample_store.root), UASC)
    short = "\n".join(m.value for m in at.expander[0].markdown)
    at.toggle[0].set_value(True).run()
    assert not at.exception, at.exception
    whole = "\n".join(m.value for m in at.expander[0].markdown)
    assert "Children in Care Programme" in whole and len(whole) > 2 * len(short)
    assert re.search(r":orange-background\[\*\*[^\]]*104", whole)  # still highlighted in the whole item


def test_source_link_is_served_by_the_app_when_the_route_exists(monkeypatch, sample_store):
    at = ask(new_app(monkeypatch, sample_store.root, env={"MINUTES_SOURCE_ROUTE": "1"}), UASC)
    buttons = at.get("link_button")
    urls = [b.proto.url for b in buttons]
    assert f"source/{mid(sample_store.root, UASC_MEETING)}" in urls, urls


def test_answer_speaks_plain_language(monkeypatch, sample_store):
    at = ask(new_app(monkeypatch, sample_store.root), UASC)
    shown = plain(texts(at))
    root = str(sample_store.root)
    assert root not in shown and str(Path(root).parent) not in shown, "no file-system paths"
    assert not re.search(r"confidence|score \d|engine:|extractive", shown, re.I), "no scores or engine names"
    ask(at, "What is the capital of France?")
    assert not re.search(r"score|confidence", plain(texts(at)), re.I)


def test_committee_filter_changes_the_answer(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root)
    at.sidebar.selectbox(key="ask_committee").set_value(SAFE_STRONG).run()
    ask(at, UASC)
    assert "Only committee" in texts(at)
    labels = citation_labels(at)
    assert all(SAFE_STRONG in label for label in labels), labels
    assert not any("item 15" in label for label in labels)
    assert "104" not in "\n".join(m.value for m in at.chat_message[1].markdown)
    assert at.query_params.get("committee") in (SAFE_STRONG, [SAFE_STRONG])


def test_refusal_says_what_was_searched_and_links_the_closest_items(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root)
    ask(at, "What is the capital of France?")
    assert not at.error
    assert any("The minutes don't say" in plain(i.value) for i in at.info)
    assert not citation_labels(at)
    assert "Searched all 5 meetings" in texts(at)
    assert links(at), "the closest items are links to read"
    assert not any(b.label == "Search all meetings" for b in at.button), "no filters were on"


def test_filtered_refusal_offers_search_all_meetings(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root)
    at.sidebar.selectbox(key="ask_committee").set_value(SAFE_STRONG).run()
    ask(at, "What is the capital of France?")
    assert any("The minutes don't say" in plain(i.value) for i in at.info)
    assert f"Searched 1 meeting of {SAFE_STRONG}" in plain(texts(at))
    next(b for b in at.button if b.label == "Search all meetings").click().run()
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="ask_committee").value == "All committees"
    assert len(at.chat_message) == 4, "asked again"
    assert "Searched all 5 meetings" in "\n".join(c.value for c in at.chat_message[-1].caption)


def test_whitespace_question_is_blocked_not_an_error(monkeypatch, sample_store):
    at = ask(new_app(monkeypatch, sample_store.root), "   \n  ")
    assert not at.error and not at.chat_message
    assert "Type a question first" in texts(at)


def test_too_long_question_is_explained_and_kept(monkeypatch, sample_store):
    long_q = "What was decided about the budget? " * 80  # 2,800 characters
    at = ask(new_app(monkeypatch, sample_store.root), long_q)
    assert not at.chat_message, "not asked"
    warning = plain("\n".join(w.value for w in at.warning))
    assert "limit is 2,000" in warning and f"{len(long_q.strip()):,} characters" in warning
    box = at.text_area(key="ask_draft_edit")
    assert box.value.strip() == long_q.strip(), "the text is kept to shorten"
    # A live counter watches the edit box (and the question box) while it is typed in; what it
    # shows is measured in the browser (tests/test_browser.py).
    counters = [e.proto.id for e in at.get("bidi_component") if e.proto.component_name == "minutes_char_counter"]
    assert any(c.endswith("draft_counter") for c in counters) and any(c.endswith("ask_counter") for c in counters)
    box.set_value(UASC).run()
    at.button(key="ask_draft_go").click().run()
    assert not at.exception, at.exception
    assert citation_labels(at), "the shortened question is answered"


def test_a_question_link_asks_it(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root, params={"q": UASC})
    assert len(at.chat_message) == 2
    assert "104" in "\n".join(m.value for m in at.chat_message[1].markdown)
    at.run()  # a rerun (a reload keeps the address) does not ask twice
    assert len(at.chat_message) == 2


def test_empty_store_explains_how_to_add_minutes(monkeypatch, tmp_path):
    at = new_app(monkeypatch, tmp_path / "empty-store")
    assert "No minutes in the store yet" in texts(at)
    assert any("minutes ingest FOLDER" in c.value for c in at.code)
    assert not at.chat_input


# --- Meetings ------------------------------------------------------------------------------------


def test_meetings_page_lists_meetings_and_shows_a_briefing(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root, "app_meetings.py")
    table = at.dataframe[0].value
    assert len(table) == 5 and {"Committee", "Date", "Items"} <= set(table.columns)
    briefed = mid(sample_store.root, BRIEFED)
    at.selectbox(key="meeting_pick").set_value(briefed).run()
    assert not at.exception, at.exception
    assert at.query_params.get("meeting") in (briefed, [briefed])
    assert [s.value for s in at.header][1:2] == ["Decisions"]
    shown = texts(at)
    assert "Homes for Children in Our Care" in shown
    # [item N] tags are links to that item's heading in the briefing.
    assert "[\\[item 28\\]](#item-28)" in shown
    assert any(h.proto.anchor == "item-28" and "Homes for Children" in h.value for h in at.subheader)
    assert {b.label for b in at.get("download_button")} >= {"Download Markdown", "Download Word (DOCX)"}
    # Only the open tab is drawn: the Items tab lists every item, each item's text drawn when opened.
    assert not any("28. Homes for Children in Our Care" in plain(e.label) for e in at.expander)
    at.session_state["tab"] = "Items"
    at.run()
    assert not at.exception, at.exception
    assert "Decisions" not in [h.value for h in at.header], "the briefing is not drawn behind the Items tab"
    item_28 = next(e for e in at.expander if "28. Homes for Children in Our Care" in plain(e.label))
    assert any("truncated in source" in e.label for e in at.expander)
    assert not item_28.markdown, "an item's text is drawn only when it is opened"
    at.session_state[item_key(sample_store.root, briefed, "28")] = True  # open item 28
    at.run()
    item_28 = next(e for e in at.expander if "28. Homes for Children in Our Care" in plain(e.label))
    assert any("Decided" in m.value for m in item_28.markdown)
    assert str(sample_store.root) not in shown and "Source:" not in shown


def test_item_link_opens_that_item_first_with_decisions_first(monkeypatch, sample_store):
    briefed = mid(sample_store.root, BRIEFED)
    at = new_app(monkeypatch, sample_store.root, "app_meetings.py", params={"meeting": briefed, "item": "28"})
    assert at.selectbox(key="meeting_pick").value == briefed
    assert at.subheader[0].value == "Item 28\\: Homes for Children in Our Care"
    first = [m.value for m in at.markdown if "Decided" in m.value or "Scrutiny Committee considered" in m.value]
    assert first and first[0].startswith("**Decided:**"), "the item's decisions come before its text"


def test_a_link_opens_that_meeting(monkeypatch, sample_store):
    wanted = mid(sample_store.root, SAFE_STRONG_MEETING)
    at = new_app(monkeypatch, sample_store.root, "app_meetings.py", params={"meeting": wanted})
    assert at.selectbox(key="meeting_pick").value == wanted


def test_meeting_opens_from_the_briefing_cache(monkeypatch, sample_store):
    """The briefing is cached by the meeting's content: a second visit does not brief again
    (timings belong in eval/bench.py; here: the briefing function is not called)."""
    import rag.brief as brief

    at = new_app(monkeypatch, sample_store.root, "app_meetings.py", params={"meeting": mid(sample_store.root, BRIEFED)})
    calls = []
    real = brief.briefing
    monkeypatch.setattr(brief, "briefing", lambda *a, **k: calls.append(1) or real(*a, **k))
    at.run()
    assert not at.exception, at.exception
    assert calls == [] and "Decisions" in [h.value for h in at.header]


def test_settle_heap_freezes_a_grown_heap_once():
    """What survives a full collection is frozen once the heap passes the limit, so the full
    collection Streamlit runs after every script run stops walking it; garbage is not frozen."""
    import gc

    from ui.app_common import settle_heap

    class Node:
        def __init__(self):
            self.me = self  # a reference cycle: only the collector frees it

    gc.unfreeze()
    try:
        before = gc.get_freeze_count()
        kept = [[i] for i in range(50_000)]  # long-lived, like a loaded model's objects
        garbage = [Node() for _ in range(1_000)]
        probe = __import__("weakref").ref(garbage[0])
        del garbage
        # (limits computed outside the asserts: pytest's rewriting would keep get_objects()'s list alive)
        limit = len(gc.get_objects()) - 20_000
        assert settle_heap(limit=limit)
        assert gc.get_freeze_count() >= before + len(kept)
        assert probe() is None, "garbage was collected, not frozen"
        frozen = gc.get_freeze_count()
        limit = len(gc.get_objects()) + 1_000
        assert not settle_heap(limit=limit), "nothing to do: no collection, no freeze"
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_every_page_run_settles_the_heap(monkeypatch, sample_store):
    """app.py settles the heap after every page, also after a page that stops early."""
    import gc

    from ui import app_common

    monkeypatch.setattr(app_common, "FREEZE_ABOVE", 0)
    gc.unfreeze()
    try:
        new_app(monkeypatch, sample_store.root, "app_meetings.py")  # no meeting picked: the page calls st.stop()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


# --- Decisions register -------------------------------------------------------------------------


def register_rows(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**") and "\n" in m.value and "·" not in m.value]


def test_register_hides_procedural_rows_and_filters(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root, "app_decisions.py")
    shown = texts(at)
    assert "procedural hidden" in shown
    decisions_text = plain("\n".join(m.value for m in at.markdown))
    assert "correct record" not in decisions_text.lower() and "be confirmed" not in decisions_text.lower()
    count = int(re.search(r"\*\*(\d+)\*\* decision", shown).group(1))
    at.checkbox(key="procedural").check().run()
    everything = int(re.search(r"\*\*(\d+)\*\* decision", texts(at)).group(1))
    assert everything > count
    assert "confirmed" in plain("\n".join(m.value for m in at.markdown)).lower()
    at.text_input(key="text").set_value("work programme").run()
    assert not at.exception, at.exception
    found = int(re.search(r"\*\*(\d+)\*\* decision", texts(at)).group(1))
    assert 0 < found < everything
    # Each row links to its meeting and item.
    assert links(at) and all("item=" in q for q in links(at))
    at.selectbox(key="committee").set_value(SAFE_STRONG).run()
    assert int(re.search(r"\*\*(\d+)\*\* decision", texts(at)).group(1)) <= found


def test_register_csv_has_a_bom_and_a_source_column(monkeypatch, sample_store):
    from rag.indexing import decisions
    from ui.app_register import register_csv

    at = new_app(monkeypatch, sample_store.root, "app_decisions.py")
    assert any(b.label == "Download CSV" for b in at.get("download_button"))
    data = register_csv(decisions(sample_store), sample_store.meetings())
    assert data.startswith("\ufeff".encode("utf-8")), "a BOM, so Excel reads UTF-8"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert {"source", "outcome", "mover", "seconder", "vote"} <= set(rows[0])
    src = rows[0].index("source")
    assert len(rows) > 5 and all(r[src].endswith(".txt") for r in rows[1:])


# --- Members ---------------------------------------------------------------------------------------


def test_member_page_shows_attendance(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root, "app_members.py")
    names = at.selectbox(key="member_pick").options
    assert "Nathan Desmond" in names, names[:20]
    at.selectbox(key="member_pick").set_value("Nathan Desmond").run()
    assert not at.exception, at.exception
    assert at.query_params.get("member") in ("Nathan Desmond", ["Nathan Desmond"])
    shown = plain(texts(at))
    assert "1 apologies" in shown.replace("*", "")
    assert links(at), "each meeting in the record links to that meeting"


# --- Timeline ----------------------------------------------------------------------------------------


def test_timeline_lists_a_topic_in_date_order(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root, "app_timeline.py")
    at.text_input(key="tl_topic").set_value("children in care")
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert any("children in care" in s.value for s in at.subheader)
    dates = [m.value[2:12] for m in at.markdown if m.value.startswith("**20")]
    assert len(dates) >= 2 and dates == sorted(dates)
    assert "relevance" not in texts(at)
    assert all("item=" in q for q in links(at))


# --- Settings and evaluation (Admin) -----------------------------------------------------------------


def test_test_model_only_under_advanced_label(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root)
    assert not any("engine" in s.label.lower() for s in at.sidebar.selectbox), "no engine choice for councillors"
    at.switch_page("app_evaluate.py").run()
    options = at.radio(key="set_engine").options
    assert options[0].startswith("Quote the minutes")
    test_option = next(o for o in options if "test model" in o.lower())
    assert "advanced" in test_option.lower()
    at.radio(key="set_engine").set_value(test_option).run()
    assert at.session_state["llm_spec"] == "local"
    assert any("testing only" in w.value for w in at.warning)


def test_quick_evaluation_runs_a_sample_with_an_estimate(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root, "app_evaluate.py")
    assert any("quick check" in c.value and "minute" in c.value for c in at.caption), "a time estimate is shown"
    at.radio(key="ev_size").set_value(at.radio(key="ev_size").options[0])  # quick check: 20 questions
    at.checkbox(key="ev_answers").uncheck()  # retrieval only keeps the test quick
    next(b for b in at.button if b.label == "Run evaluation").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert len(at.dataframe[-1].value) == 20


def test_evaluate_runs_uploaded_fixtures(monkeypatch, sample_store):
    rows = [json.loads(line) for line in (ROOT / "eval" / "fixtures" / "sample.jsonl").read_text().splitlines() if line.strip()]
    picked = [next(r for r in rows if r.get("answer")), next(r for r in rows if r.get("answer") is None)]
    at = new_app(monkeypatch, sample_store.root, "app_evaluate.py")
    at.radio(key="ev_source").set_value("Upload a .jsonl file")
    at.radio(key="ev_size").set_value("All questions")
    at.file_uploader(key="ev_upload").set_value(("mine.jsonl", "\n".join(map(json.dumps, picked)).encode(), "application/json"))
    next(b for b in at.button if b.label == "Run evaluation").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    table = at.dataframe[-1].value
    assert list(table["Id"]) == [r["id"] for r in picked]
    assert {m.label for m in at.metric} >= {"Correct (answerable)", "Refusal accuracy"}


# --- Add minutes, escaping, correction, remove (own store) ------------------------------------------


def test_upload_adds_meetings_and_reports_bad_files(monkeypatch, small_store):
    at = new_app(monkeypatch, small_store, "app_add_minutes.py")
    upload(at, [("play areas.txt", SMALL_DOC), ("image.txt", PNG_AS_TXT), ("empty.txt", b""), ("notes.xyz", b"hello")])
    errors = "\n".join(e.value for e in at.error)
    assert "image\\.txt" in errors and "PNG" in errors
    assert "empty\\.txt" in errors and "empty" in errors
    assert "notes\\.xyz" in errors and "\\.xyz files" in errors, "an unsupported type is named after submit"
    summary = at.dataframe[0].value.set_index("File")["Outcome"].to_dict()
    assert summary == {"play areas.txt": "added", "image.txt": "failed", "empty.txt": "failed", "notes.xyz": "failed"}
    assert meeting_count(small_store) == 1
    assert (small_store / "uploads" / "play areas.txt").read_bytes() == SMALL_DOC
    assert not (small_store / "uploads" / "notes.xyz").exists()

    # The same file again changes nothing; a bad file alone leaves the store as it was.
    upload(at, [("play areas.txt", SMALL_DOC)])
    assert at.dataframe[0].value["Outcome"].tolist() == ["unchanged"]
    upload(at, [("image.txt", PNG_AS_TXT)])
    assert "image\\.txt" in "\n".join(e.value for e in at.error)
    assert meeting_count(small_store) == 1


def test_script_in_a_title_renders_as_text(monkeypatch, small_store):
    ensure_small_doc(monkeypatch, small_store)
    at = new_app(monkeypatch, small_store, "app_meetings.py")
    at.selectbox(key="meeting_pick").set_value(mid(small_store, PLAY_AREAS)).run()
    assert not at.exception, at.exception
    at2 = ask(new_app(monkeypatch, small_store), "How much was spent on new swings?")
    for app in (at, at2):
        shown = texts(app)
        assert "\\<script\\>alert\\(1\\)\\</script\\>" in shown  # escaped: rendered as literal text
        markdowns = [*app.markdown, *app.caption, *app.info, *app.warning, *app.error, *app.success]
        assert not any("<script>" in m.value for m in markdowns)
        assert not any("<script>" in e.label for e in app.expander)
        assert not any(getattr(m.proto, "allow_html", False) for m in markdowns)
        assert not app.get("html")


def test_private_use_characters_cannot_forge_a_highlight(monkeypatch, small_store):
    at = new_app(monkeypatch, small_store, "app_add_minutes.py")
    upload(at, [("lighting.txt", FORGED_DOC)])
    meeting = next(m for m in open_store(small_store).meetings() if m.committee == "Lighting Committee")
    at = new_app(monkeypatch, small_store, "app_meetings.py", params={"meeting": meeting.id, "item": "1"})
    shown = "\n".join(m.value for m in at.markdown)
    assert "THIS IS NOT A QUOTE" in shown
    assert not re.search(r"background\[\**THIS IS NOT", shown), "no highlight forged from the document's characters"
    assert not re.search(r"background\[\**Bold claim", shown)
    assert not re.search("[\ue000-\uf8ff]", texts(at)), "private-use characters never reach the page"
    from ui.app_common import highlighted, md

    assert md("a\ue001b\u202ec\x07d") == "abcd"
    body, _ = highlighted("x \ue001y\ue000 z quoted words here", [("quoted words", "quote")])
    assert body.count("background[") == 1


def test_correcting_details_rewrites_the_sidecar_and_reindexes(monkeypatch, small_store):
    at = new_app(monkeypatch, small_store, "app_add_minutes.py")
    upload(at, [("allotments.txt", UNDATED_DOC)])
    before = {m.id for m in open_store(small_store).meetings()}
    meeting = next(m for m in open_store(small_store).meetings() if Path(m.source).name == "allotments.txt")
    assert not meeting.date
    at = new_app(monkeypatch, small_store, "app_meetings.py", params={"meeting": meeting.id})
    assert "add it under Correct details" in plain(texts(at))
    at.session_state["tab"] = "Correct details"
    at.run()
    at.text_input(key="fix_committee").set_value("Allotments Working Group")
    at.text_input(key="fix_date").set_value("12 March")  # not a date: refused, nothing changed
    next(b for b in at.button if b.label == "Save the correction").click().run()
    assert "YYYY-MM-DD" in plain("\n".join(e.value for e in at.error))
    assert {m.id for m in open_store(small_store).meetings()} == before
    at.text_input(key="fix_date").set_value("2025-03-12")
    next(b for b in at.button if b.label == "Save the correction").click().run()
    assert not at.exception, at.exception
    after = open_store(small_store).meetings()
    fixed = [m for m in after if Path(m.source).name == "allotments.txt"]
    assert len(fixed) == 1 and len(after) == len(before), "corrected in place, not duplicated"
    assert fixed[0].committee == "Allotments Working Group" and fixed[0].date == "2025-03-12"
    side = json.loads((small_store / "uploads" / "allotments.meta.json").read_text())
    assert side == {"committee": "Allotments Working Group", "date": "2025-03-12"}
    assert at.selectbox(key="meeting_pick").value == fixed[0].id
    assert "Saved" in "\n".join(s.value for s in at.success)
    # The corrected meeting answers with its new details.
    at = ask(new_app(monkeypatch, small_store), "What did the group agree about the standpipe?")
    assert any("Allotments Working Group" in label for label in citation_labels(at))


def test_remove_asks_for_confirmation(monkeypatch, small_store):
    ensure_small_doc(monkeypatch, small_store)
    n = meeting_count(small_store)
    at = new_app(monkeypatch, small_store, "app_meetings.py")
    at.selectbox(key="meeting_pick").set_value(mid(small_store, PLAY_AREAS)).run()
    at.session_state["tab"] = "Remove"
    at.run()
    at.button(key="remove").click().run()
    assert meeting_count(small_store) == n, "nothing is removed before confirming"
    at.button(key="remove_cancel").click().run()
    assert meeting_count(small_store) == n
    at.button(key="remove").click().run()
    at.button(key="remove_confirm").click().run()
    assert not at.exception, at.exception
    assert meeting_count(small_store) == n - 1
    assert "Removed Play Areas Committee" in "\n".join(s.value for s in at.success)
