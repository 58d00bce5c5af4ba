"""The Streamlit app (issue 6) with streamlit.testing's AppTest: the real app script, the real
store and model, in this process.

Read-only tests share the session's sample store; the upload, escaping and remove tests
build one small store of their own (one tiny document, embedded in a second or two).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "ui" / "app.py")
# Generous: AppTest runs are in-process and quick, but a loaded CI machine is slow.
TIMEOUT = 180

UASC = "How many unaccompanied asylum seeking children were there?"
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
PNG_AS_TXT = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def new_app(monkeypatch, store_root: Path, page: str | None = None):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("MINUTES_STORE", str(store_root))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


def texts(at) -> str:
    """Everything the page shows as text: markdown, captions, alerts, expander labels."""
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    for kind in (at.info, at.warning, at.error, at.success):
        parts += [e.value for e in kind]
    parts += [e.label for e in at.expander]
    return "\n".join(parts)


def plain(md_text: str) -> str:
    """Escaped Markdown back to the text it shows."""
    import re

    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", md_text)


def citation_labels(at) -> list[str]:
    return [e.label for e in at.expander if e.label.startswith("\\[")]


def ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, embed_model) -> Path:
    """An empty store this module writes to (the sample store is read-only)."""
    return tmp_path_factory.mktemp("app-store")


def meeting_count(root: Path) -> int:
    from rag.config import Settings
    from rag.store import MinutesStore

    return len(MinutesStore.open(Settings.from_options(store=root)).meetings())


# --- Ask -----------------------------------------------------------------------------------


def test_ask_answers_with_numbered_citations_and_the_whole_item(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root)
    assert any("main decisions" in b.label for b in at.button), "example questions are offered"
    ask(at, UASC)
    assert len(at.chat_message) == 2
    answer = at.chat_message[1]
    body = "\n".join(m.value for m in answer.markdown)
    assert "104" in body and "\\[1\\]" in body  # numbered marker, escaped so it renders as text
    labels = citation_labels(at)
    assert labels and "item 15" in labels[0] and labels[0].startswith("\\[1\\]")
    item = at.expander[0]
    shown = "\n".join(m.value for m in item.markdown)
    assert ":orange-background[" in shown and "104" in shown  # quoted sentence highlighted in the item
    assert "Children in Care Programme" in shown  # the whole item, not just the quote
    links = [link for link in at.get("page_link") if "meetings" in link.proto.page]
    assert links, "each citation links to its meeting"
    assert "safeguarding-overview-and-scrutiny-committee-2023-09-14" in links[0].proto.query_string


def test_committee_filter_changes_the_answer(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root)
    at.sidebar.selectbox(key="ask_committee").set_value(SAFE_STRONG).run()
    ask(at, UASC)
    assert "filtered to committee" in texts(at)
    labels = citation_labels(at)
    # Item 15 of the Safeguarding committee answered without the filter; with it, only the
    # Safe and Strong Communities committee can be cited (or the engine refuses).
    assert all(SAFE_STRONG in label for label in labels), labels
    assert not any("item 15" in label for label in labels)
    assert "104" not in "\n".join(m.value for m in at.chat_message[1].markdown)


def test_refusal_is_shown_as_a_refusal_not_an_error(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root)
    ask(at, "What is the capital of France?")
    assert not at.error
    assert any("The minutes don't say" in i.value.replace("\\", "") for i in at.info)
    assert not citation_labels(at)


def test_empty_store_explains_how_to_add_minutes(monkeypatch, tmp_path):
    at = new_app(monkeypatch, tmp_path / "empty-store")
    assert "No minutes in the store yet" in texts(at)
    assert any("minutes ingest FOLDER" in c.value for c in at.code)
    assert not at.chat_input


# --- Meetings, decisions, timeline, evaluate -----------------------------------------------------


def test_meetings_page_lists_meetings_and_shows_a_briefing(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root, "app_meetings.py")
    table = at.dataframe[0].value
    assert len(table) == 5 and {"Committee", "Date", "Items", "Truncated items", "Warnings"} <= set(table.columns)
    mid = "safeguarding-overview-and-scrutiny-committee-2024-01-04"
    at.selectbox(key="meeting_pick").set_value(mid).run()
    assert not at.exception, at.exception
    assert at.query_params.get("meeting") in (mid, [mid])
    assert [s.value for s in at.subheader][:1] == ["Decisions"]
    shown = texts(at)
    assert "Homes for Children in Our Care" in shown and "\\[item 28\\]" in shown
    assert {b.label for b in at.get("download_button")} >= {"Download Markdown", "Download Word (DOCX)"}
    assert any("28. Homes for Children in Our Care" in plain(e.label) for e in at.expander)  # items with flags
    assert any("truncated in source" in e.label for e in at.expander)


def test_a_link_opens_that_meeting(monkeypatch, sample_store):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("MINUTES_STORE", str(sample_store.root))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.query_params["meeting"] = "safe-and-strong-communities-select-committee-2021-03-01"
    at.switch_page("app_meetings.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="meeting_pick").value == "safe-and-strong-communities-select-committee-2021-03-01"


def test_decisions_register_is_searchable_with_csv(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root, "app_decisions.py")
    everything = at.dataframe[0].value
    assert len(everything) >= 10 and "Decision" in everything.columns
    at.text_input(key="dec_search").set_value("Work Programme").run()
    found = at.dataframe[0].value
    assert 0 < len(found) < len(everything)
    assert all("work programme" in " ".join(map(str, row)).lower() for row in found.itertuples())
    assert [b.label for b in at.get("download_button")] == ["Download CSV"]


def test_timeline_lists_a_topic_in_date_order(monkeypatch, sample_store):
    at = new_app(monkeypatch, sample_store.root, "app_timeline.py")
    at.text_input(key="tl_topic").set_value("children in care")
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert any("children in care" in s.value for s in at.subheader)
    dates = [m.value[2:12] for m in at.markdown if m.value.startswith("**20")]
    assert len(dates) >= 2 and dates == sorted(dates)
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"), "a chart of entries per month"


def test_evaluate_runs_uploaded_fixtures(monkeypatch, sample_store, tmp_path):
    rows = [json.loads(line) for line in (ROOT / "eval" / "fixtures" / "sample.jsonl").read_text().splitlines() if line.strip()]
    picked = [next(r for r in rows if r.get("answer")), next(r for r in rows if r.get("answer") is None)]
    at = new_app(monkeypatch, sample_store.root, "app_evaluate.py")
    at.radio(key="ev_source").set_value("Upload a .jsonl file")
    at.file_uploader(key="ev_upload").set_value(("mine.jsonl", "\n".join(map(json.dumps, picked)).encode(), "application/json"))
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    table = at.dataframe[-1].value
    assert list(table["Id"]) == [r["id"] for r in picked]
    assert {m.label for m in at.metric} >= {"Correct (answerable)", "Refusal accuracy"}


# --- Add minutes, escaping, remove (own store) -----------------------------------------------


def upload(at, files: list[tuple[str, bytes]]):
    at.file_uploader(key="upload_files").set_value([(name, data, "text/plain") for name, data in files])
    next(b for b in at.button if "Add to the store" in b.label).click().run()
    assert not at.exception, at.exception
    return at


def test_upload_adds_meetings_and_reports_bad_files(monkeypatch, small_store):
    at = new_app(monkeypatch, small_store, "app_add_minutes.py")
    upload(at, [("play areas.txt", SMALL_DOC), ("image.txt", PNG_AS_TXT), ("empty.txt", b"")])
    errors = "\n".join(e.value for e in at.error)
    assert "image\\.txt" in errors and "PNG" in errors
    assert "empty\\.txt" in errors and "empty" in errors
    summary = at.dataframe[0].value.set_index("File")["Outcome"].to_dict()
    assert summary == {"play areas.txt": "added", "image.txt": "failed", "empty.txt": "failed"}
    assert meeting_count(small_store) == 1
    assert (small_store / "uploads" / "play areas.txt").read_bytes() == SMALL_DOC

    # The same file again changes nothing; a bad file alone leaves the store as it was.
    upload(at, [("play areas.txt", SMALL_DOC)])
    assert at.dataframe[0].value["Outcome"].tolist() == ["unchanged"]
    upload(at, [("image.txt", PNG_AS_TXT)])
    assert "image\\.txt" in "\n".join(e.value for e in at.error)
    assert meeting_count(small_store) == 1
    assert sorted(p.name for p in (small_store / "uploads").iterdir()) == ["empty.txt", "image.txt", "play areas.txt"]


def test_script_in_a_title_renders_as_text(monkeypatch, small_store):
    if meeting_count(small_store) == 0:
        at = new_app(monkeypatch, small_store, "app_add_minutes.py")
        upload(at, [("play areas.txt", SMALL_DOC)])
    at = new_app(monkeypatch, small_store, "app_meetings.py")
    at.selectbox(key="meeting_pick").set_value("play-areas-committee-2025-02-03").run()
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


def test_remove_asks_for_confirmation(monkeypatch, small_store):
    if meeting_count(small_store) == 0:
        at = new_app(monkeypatch, small_store, "app_add_minutes.py")
        upload(at, [("play areas.txt", SMALL_DOC)])
    at = new_app(monkeypatch, small_store, "app_meetings.py")
    at.selectbox(key="meeting_pick").set_value("play-areas-committee-2025-02-03").run()
    at.button(key="remove").click().run()
    assert meeting_count(small_store) == 1, "nothing is removed before confirming"
    at.button(key="remove_cancel").click().run()
    assert meeting_count(small_store) == 1
    at.button(key="remove").click().run()
    at.button(key="remove_confirm").click().run()
    assert not at.exception, at.exception
    assert meeting_count(small_store) == 0
    assert "Removed Play Areas Committee" in "\n".join(s.value for s in at.success)
