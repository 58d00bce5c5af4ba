"""End to end in a real browser: `minutes ui` serves a copy of the sample store (plus one PDF),
Chromium (driven by Playwright) walks through the app as a councillor would, at desktop
(1366×900) and phone (390×844) sizes: ask → open a citation (the quote in the first
viewport) → open the original document at its page; a meeting page and an item link; the
decisions register filtered and downloaded; deep links reloaded; a metadata correction;
bad inputs. No page may log a console error.

Screenshots go to tests/artefacts/ (gitignored) with the page timings in
browser-timings.json; with UPDATE_SCREENSHOTS=1 the screenshots also replace
docs/screenshots/ for the README (a normal test run leaves the tree untouched).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import time
import urllib.request
from pathlib import Path

import pytest

from eval.walkthrough import (BRIEFED, BROWSER_ARGS, CHROMIUM, PDF_QUESTION, QUESTION, SIZES, app_idle,
                               in_viewport, serve)

ROOT = Path(__file__).resolve().parents[1]
ARTEFACTS = ROOT / "tests" / "artefacts"
DOCS = ROOT / "docs" / "screenshots"
DESKTOP, PHONE = SIZES["desktop"], SIZES["phone"]
UNDATED_DOC = b"""1. Water supply

The group agreed to repair the standpipe on plot 12 before the summer. Three quotes had been obtained.

2. Any other business

There was no other business.
"""

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                 reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")


def council_pdf(path: Path) -> None:
    """A three-page minutes PDF whose beehive item is on page 2."""
    pytest.importorskip("fpdf", reason="needs fpdf2 (pip install -e '.[test]')")
    from eval.walkthrough import council_pdf as write

    write(path)


@pytest.fixture(scope="module")
def served(sample_store, tmp_path_factory):
    """`minutes ui` over a copy of the sample store plus a PDF; yields (base url, store root)."""
    root = tmp_path_factory.mktemp("browser") / "store"
    shutil.copytree(sample_store.root, root)
    docs = root.parent / "docs"
    docs.mkdir()
    council_pdf(docs / "greenfield-environment-2025-04-09.pdf")
    from rag.config import Settings
    from rag.indexing import ingest_paths
    from rag.store import MinutesStore

    report = ingest_paths(MinutesStore.open(Settings.from_options(store=root)), [docs])
    assert report.meetings and not report.failed, report.failed
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    with serve(root, ARTEFACTS / "browser-server.log") as base:
        yield base, root


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install -e '.[test]')")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        try:
            yield b
        finally:
            b.close()


TIMINGS: dict[str, float] = {}


@pytest.fixture
def page_for(browser):
    """page_for(viewport) -> a fresh page whose console errors are collected and asserted absent."""
    contexts, errors = [], []

    def make(viewport: dict):
        ctx = browser.new_context(viewport=viewport, accept_downloads=True)
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(240_000)  # the first answer loads the model: slow on a busy machine
        page.on("console", lambda msg: errors.append(f"{msg.type}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
        # A navigation cancels the previous page's pending requests (net::ERR_ABORTED): not an error.
        page.on("requestfailed", lambda req: None if "ERR_ABORTED" in (req.failure or "")
                else errors.append(f"request failed: {req.url} {req.failure}"))
        page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        return page

    yield make
    for ctx in contexts:
        ctx.close()
    assert not errors, f"console errors: {errors}"


def meeting_id(root: Path, which: tuple[str, str]) -> str:
    from rag.config import Settings
    from rag.store import MinutesStore

    committee, day = which
    ms = MinutesStore.open(Settings.from_options(store=root)).meetings()
    return next(m.id for m in ms if m.committee == committee and m.date == day)


def shot(page, name: str, full_page: bool = False) -> None:
    page.mouse.move(0, 0)
    time.sleep(0.8)
    page.screenshot(path=str(ARTEFACTS / name), full_page=full_page)


def ask(page, base: str, question: str, path: str = "/"):
    page.goto(base + path)
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for()
    box.fill(question)
    box.press("Enter")


# --- ask → citation → original ---------------------------------------------------------------


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_ask_open_citation_and_source(served, page_for, size):
    base, root = served
    page = page_for(DESKTOP if size == "desktop" else PHONE)
    ask(page, base, QUESTION)
    citation = page.get_by_test_id("stExpander").filter(has_text="item 15").first
    citation.wait_for()
    assert "104" in page.get_by_test_id("stChatMessage").last.inner_text()
    assert re.search(r"[?&]q=How", page.url), "the question is in the address"
    # The first citation opens with the answer, its quote highlighted in view.
    quote = citation.locator("strong").filter(has_text="104").first
    quote.wait_for()
    time.sleep(1)
    assert in_viewport(page, quote), "the highlighted quote is visible without scrolling"
    assert "<script" not in citation.inner_html().lower()
    shot(page, "ask.png" if size == "desktop" else "ask-phone.png")

    # "Show the whole item" expands the preview; the quote stays highlighted.
    short = len(citation.inner_text())
    citation.get_by_text("Show the whole item").click()
    page.wait_for_function("n => document.querySelector('[data-testid=stExpander] details[open]').innerText.length > n",
                           arg=short * 2)

    # The citation's link opens the meeting at the item.
    citation.get_by_text("Open this meeting").click()
    page.wait_for_url(re.compile(r"meeting=.*&item=15"))
    page.get_by_text("Item 15: Children in Care Programme Update").wait_for()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_pdf_citation_opens_the_original_at_its_page(served, page_for, size):
    base, root = served
    page = page_for(DESKTOP if size == "desktop" else PHONE)
    ask(page, base, PDF_QUESTION)
    citation = page.get_by_test_id("stExpander").filter(has_text="Pollinator").first
    citation.wait_for()
    assert "page 2" in citation.locator("summary").inner_text()
    link = citation.get_by_role("link", name=re.compile("Open the original PDF at page 2"))
    link.wait_for()
    href = link.get_attribute("href")
    assert href.endswith("#page=2") and "source/" in href
    response = page.request.get(base + "/" + href.split("#")[0].lstrip("/"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"
    with page.context.expect_page() as opened:
        link.click()
    assert opened.value.url.endswith("#page=2")


# --- meetings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_meeting_page_and_item_links(served, page_for, size):
    base, root = served
    page = page_for(DESKTOP if size == "desktop" else PHONE)
    mid = meeting_id(root, BRIEFED)
    for visit in ("first", "warm"):
        start = time.monotonic()
        page.goto(f"{base}/meetings?meeting={mid}")
        page.get_by_role("heading", name="Decisions").wait_for()
        page.get_by_text("Homes for Children in Our Care").first.wait_for()
        app_idle(page)
        TIMINGS[f"meeting page {visit} ({size}), s"] = round(time.monotonic() - start, 2)
    assert page.get_by_text("Page not found").count() == 0
    if size == "desktop":
        page.set_viewport_size({"width": 1366, "height": 1500})
        shot(page, "briefing.png")
        page.set_viewport_size(DESKTOP)
    # An [item N] tag is a link to that item's part of the briefing, in the same tab.
    page.get_by_role("link", name="[item 28]").first.click()
    page.wait_for_url(re.compile(r"#item-28$"))
    time.sleep(1)
    assert in_viewport(page, page.locator("#item-28")), "the page scrolled to the item"
    # An item's own address shows it first.
    page.goto(f"{base}/meetings?meeting={mid}&item=28")
    page.get_by_role("heading", name="Item 28: Homes for Children in Our Care").wait_for()


# --- decisions register -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_register_filter_and_csv(served, page_for, size):
    base, root = served
    page = page_for(DESKTOP if size == "desktop" else PHONE)
    page.goto(f"{base}/decisions")
    summary = page.get_by_text(re.compile(r"\d+ decisions? · \d+ procedural hidden"))
    summary.wait_for()
    before = int(re.match(r"(\d+)", summary.inner_text()).group(1))
    box = page.get_by_label("Words in the decision or item")
    box.fill("work programme")
    box.press("Enter")
    page.wait_for_url(re.compile(r"text=work"))
    # Until the rerun finishes Streamlit keeps the old rows (faded): wait for the new ones.
    page.wait_for_function("n => document.querySelectorAll(\"[class*='st-key-decision-']\").length < n", arg=before)
    page.wait_for_load_state("networkidle")
    rows = page.locator("[class*='st-key-decision-']")
    assert 0 < rows.count() < before
    # Text wraps (nothing cut off) and the row's link fits the screen.
    first = rows.first
    assert first.bounding_box()["width"] <= page.viewport_size["width"]
    assert first.get_by_role("link").first.is_visible()
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download CSV").click()
    data = Path(dl.value.path()).read_bytes()
    assert data.startswith("\ufeff".encode()) and b"source" in data.splitlines()[0]
    page.reload()  # the filter is in the address: a reload keeps it
    from playwright.sync_api import expect

    expect(page.get_by_label("Words in the decision or item")).to_have_value("work programme", timeout=60_000)
    page.wait_for_function("n => document.querySelectorAll(\"[class*='st-key-decision-']\").length < n", arg=before)
    shot(page, "decisions.png" if size == "desktop" else "decisions-phone.png")


# --- deep links ------------------------------------------------------------------------------------


def test_deep_links_survive_a_reload(served, page_for):
    base, root = served
    page = page_for(PHONE)
    page.goto(f"{base}/ask?q=" + urllib.request.quote(QUESTION))
    page.get_by_test_id("stExpander").filter(has_text="item 15").first.wait_for()
    assert page.get_by_text("Page not found").count() == 0
    page.reload()
    page.get_by_test_id("stExpander").filter(has_text="item 15").first.wait_for()
    assert page.get_by_test_id("stChatMessage").count() == 2, "asked once, not twice"
    # A meeting's tab is part of its address too.
    mid = meeting_id(root, BRIEFED)
    page.goto(f"{base}/meetings?meeting={mid}&tab=Items")
    page.get_by_test_id("stExpander").filter(has_text="Homes for Children in Our Care").first.wait_for()
    page.reload()
    page.get_by_test_id("stExpander").filter(has_text="Homes for Children in Our Care").first.wait_for()
    assert page.get_by_role("heading", name="Decisions").count() == 0, "the Items tab, not the briefing"
    for path in ("/meetings", "/decisions", "/members", "/timeline", "/admin", "/add"):
        page.goto(base + path)
        page.get_by_test_id("stMain").wait_for()
        time.sleep(0.5)
        assert page.get_by_text("Page not found").count() == 0, path


# --- bad inputs and a metadata correction -----------------------------------------------------------


def test_bad_questions_are_explained(served, page_for):
    base, root = served
    page = page_for(DESKTOP)
    ask(page, base, "   ")
    time.sleep(2)
    assert page.get_by_test_id("stAlertContentError").count() == 0
    ask(page, base, "What was decided about the budget? " * 86)  # 3,000 characters
    page.get_by_text(re.compile(r"the limit is 2,000")).wait_for()
    draft = page.get_by_label("Your question (edit it here)")
    assert draft.input_value().startswith("What was decided")
    # The kept question has its own live counter, which follows the shortening as it is typed.
    from playwright.sync_api import expect

    counter = page.locator("[data-testid=charCounter]").filter(has_text="too long by")
    expect(counter).to_contain_text("too long by 1,009")
    draft.fill("What was decided about the budget?")
    expect(page.locator("[data-testid=charCounter]").filter(has_text="34 / 2,000")).to_have_count(1, timeout=3_000)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_character_counter_is_live_while_typing(served, page_for, size):
    """The counter follows the typing before anything is sent, and past the limit it says so."""
    from playwright.sync_api import expect

    base, root = served
    page = page_for(DESKTOP if size == "desktop" else PHONE)
    page.goto(base + "/ask")
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for()
    counter = page.locator("[data-testid=charCounter]")
    expect(counter).to_have_text("0 / 2,000 characters")
    box.click()
    page.keyboard.type("Who chaired")
    expect(counter).to_have_text("11 / 2,000 characters", timeout=3_000)
    box.fill("x" * 2_050)
    expect(counter).to_contain_text("2,050 / 2,000 characters: too long by 50", timeout=3_000)
    assert in_viewport(page, counter), "the message is on screen beside the box"
    assert page.get_by_test_id("stChatMessage").count() == 0, "nothing was sent"
    box.fill("x" * 2_000)
    expect(counter).to_have_text("2,000 / 2,000 characters", timeout=3_000)


def test_upload_names_bad_types_and_correct_details(served, page_for, tmp_path):
    base, root = served
    page = page_for(DESKTOP)
    (tmp_path / "allotments.txt").write_bytes(UNDATED_DOC)
    (tmp_path / "notes.xyz").write_bytes(b"not minutes")
    page.goto(f"{base}/add")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [str(tmp_path / "allotments.txt"), str(tmp_path / "notes.xyz")])
    page.get_by_role("button", name="Add to the store").click()
    page.get_by_text(re.compile(r"\.xyz files are not minutes documents")).wait_for()
    page.get_by_role("link", name=re.compile("^Open allotments.txt")).click()
    page.wait_for_url(re.compile(r"meeting=allotments"))
    page.get_by_text("The document does not state the date").first.wait_for()
    page.get_by_role("heading", name=re.compile("Water supply")).wait_for()  # the uploaded meeting is open
    page.get_by_text("The document does not state the date: add it under Correct details").wait_for()
    page.get_by_role("tab", name="Correct details").click()
    page.get_by_role("textbox", name="Committee").fill("Allotments Working Group")
    page.get_by_role("textbox", name="Date (YYYY-MM-DD)").fill("2025-03-12")
    page.get_by_role("button", name="Save the correction").click()
    page.get_by_role("heading", name="Allotments Working Group, 12 Mar 2025").wait_for()
    page.get_by_text(re.compile("^Saved: Allotments Working Group")).wait_for()
    side = json.loads((root / "uploads" / "allotments.meta.json").read_text())
    assert side == {"committee": "Allotments Working Group", "date": "2025-03-12"}
    assert not list((ROOT / "data" / "minutes").glob("*.meta.json")), "no other document was touched"


def test_zz_write_timings_and_screenshots():
    """Last: the timings measured above, and the README screenshots when asked for."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "browser-timings.json").write_text(json.dumps(TIMINGS, indent=2))
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        for name in ("ask.png", "ask-phone.png", "briefing.png", "decisions.png", "decisions-phone.png"):
            if (ARTEFACTS / name).exists():
                shutil.copyfile(ARTEFACTS / name, DOCS / name)
