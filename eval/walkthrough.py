"""A real-browser walkthrough of the app that measures issue #16's targets at desktop
(1366×900) and phone (390×844) widths, and prints them.

    python -m eval.walkthrough [--work /tmp/walkthrough] [--json out.json] [--screenshots DIR]

It serves a fresh copy of a store of the five sample minutes plus a three-page PDF with
`minutes ui` (the store is built once under --work and reused), and drives Debian's chromium
with Playwright through what a councillor does:

- ask → the first citation opens with its quote in the first viewport (no scrolling) → the
  original document opens at the cited page;
- the meeting page: first visit (cold browser), warm (its briefing exists and the browser has
  the app's scripts: the address opened again, and a browser reload), and opened from a
  citation inside the app; seconds until the briefing's last item is drawn and the app has
  stopped running, beside the floor: the same visit to a page that shows almost nothing
  (medians of WARM visits, each visit listed, and the load average they were measured at);
- the decisions register filtered by words (seconds), and its CSV (BOM, `source` column);
- deep links reloaded (`/ask?q=`, `/meetings?meeting=&item=`): no "Page not found", asked once;
- a metadata correction on an uploaded meeting that states no committee or date;
- bad inputs: the character counter while typing (no submit) and its message past the limit,
  a whitespace-only question blocked, a too-long question kept with the reason, an unsupported
  upload named after submit;
- every page at the width: no horizontal overflow of the page;
- console errors (errors, page errors, failed requests, HTTP ≥ 400) per width.

Timings are wall-clock on whatever machine runs it (a shared 2-core box is noisy): read them
against the targets with that in mind. tests/test_browser.py asserts the same behaviour.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
QUESTION = "How many unaccompanied asylum seeking children were there?"
QUOTE_WORD = "104"  # in the quote the first citation must show
PDF_QUESTION = "How many beehives were installed on the roof of the town hall?"
BRIEFED = ("Safeguarding Overview and Scrutiny Committee", "2024-01-04")
BRIEFED_ITEM = ("28", "Homes for Children in Our Care")
LIMIT = 2000
WARM = 5  # warm visits timed per kind (the median is reported: a shared machine is noisy)
PAGES = ("/ask", "/meetings", "/decisions", "/members", "/timeline", "/add", "/admin")
UNDATED = """1. Water supply

The group agreed to repair the standpipe on plot {n} before the summer. Three quotes had been obtained.

2. Any other business

There was no other business.
"""


# --- the store and the server ---------------------------------------------------------------


def council_pdf(path: Path) -> None:
    """A three-page minutes PDF whose beehive item is on page 2 (fpdf2, a test extra)."""
    import fpdf

    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    pages = [
        ["Greenfield Town Council", "Minutes of the Environment Committee meeting held on 9 April 2025",
         "Present: Councillor Ames (Chair), Councillor Bell, Councillor Cole", "", "1. Apologies",
         "Apologies were received from Councillor Dunn.", "", "2. Minutes of the previous meeting",
         "RESOLVED: That the minutes of the meeting held on 12 March 2025 be approved as a correct record."],
        ["3. Pollinator project",
         "The committee heard that 14 beehives were installed on the roof of the town hall in March.",
         "The beekeeping group will report on the first honey harvest in September.",
         "RESOLVED: That the pollinator project be extended to the cemetery."],
        ["4. Date of next meeting", "The next meeting will be held on 14 May 2025."],
    ]
    for lines in pages:
        pdf.add_page()
        for line in lines:
            if line:
                pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(7)
    pdf.output(str(path))


def base_store(work: Path) -> Path:
    """The samples plus the PDF, ingested once under work/ (reused by later runs)."""
    root = work / "base-store"
    if (root / "done").exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    docs = work / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    council_pdf(docs / "greenfield-environment-2025-04-09.pdf")
    from rag.config import Settings
    from rag.indexing import ingest_paths
    from rag.store import MinutesStore

    store = MinutesStore.open(Settings.from_options(store=root))
    report = ingest_paths(store, [ROOT / "data" / "minutes", docs])
    if report.failed or len(report.meetings) != 6:
        raise SystemExit(f"could not build the walkthrough store: {report.failed}")
    (root / "done").write_text("ok")
    return root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port: int, proc: subprocess.Popen, log: Path, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"`minutes ui` exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as r:
                if r.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the app did not answer on port {port} within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def minutes_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("minutes")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "ui.cli"]


@contextmanager
def serve(store: Path, log: Path):
    """`minutes ui` over `store` on a free port; yields the base URL."""
    port = free_port()
    with log.open("w") as out:
        proc = subprocess.Popen([*minutes_cmd(), "ui", "--store", str(store), "--port", str(port)],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ})
    try:
        wait_healthy(port, proc, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def meeting_id(root: Path, which: tuple[str, str]) -> str:
    from rag.config import Settings
    from rag.store import MinutesStore

    committee, day = which
    ms = MinutesStore.open(Settings.from_options(store=root), create=False).meetings()
    return next(m.id for m in ms if m.committee == committee and m.date == day)


# --- page helpers -------------------------------------------------------------------------------


class Console:
    """Console errors, page errors, failed requests and HTTP errors of every page it watches."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def watch(self, page) -> None:
        page.on("console", lambda m: self.errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        # A navigation cancels the previous page's pending requests (net::ERR_ABORTED): not an error.
        page.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "")
                else self.errors.append(f"request failed: {r.url} {r.failure}"))
        page.on("response", lambda r: self.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)


def new_page(browser, viewport: dict, console: Console):
    ctx = browser.new_context(viewport=viewport, accept_downloads=True)
    page = ctx.new_page()
    page.set_default_timeout(240_000)  # the first answer loads the model: slow on a busy machine
    console.watch(page)
    _PAGES.append(page)
    return page


def in_viewport(page, locator) -> bool:
    """The element's top (at least its first 40 px) is inside the visible viewport."""
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= size["height"] \
        and 0 <= box["x"] < size["width"]


def app_idle(page, timeout: float = 240_000) -> None:
    """Until the script run has finished (Streamlit's "running" indicator is gone)."""
    page.wait_for_function(
        "() => ![...document.querySelectorAll('[data-testid=stStatusWidgetRunningIcon],"
        " [data-testid=stStatusWidgetRunningManIcon]')].some(e => e.getClientRects().length > 0)",
        timeout=timeout)


def overflow(page) -> int:
    """How many px the page is wider than the viewport (0: nothing to scroll sideways)."""
    return int(page.evaluate("() => Math.max(document.documentElement.scrollWidth,"
                             " document.body.scrollWidth) - window.innerWidth"))


def ask(page, base: str, question: str, path: str = "/") -> None:
    page.goto(base + path)
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for()
    box.fill(question)
    box.press("Enter")


def shot(page, shots: Path | None, name: str) -> None:
    if shots is None:
        return
    page.mouse.move(0, 0)
    time.sleep(0.8)
    page.screenshot(path=str(shots / name))


_PAGES: list = []  # every page opened, newest last (a failed section's screenshot is of the newest)


@contextmanager
def section(out: dict, name: str, shots: Path | None = None):
    """One part of the walkthrough: a failure is recorded (with a screenshot when `shots` is
    given) and the rest still runs."""
    try:
        yield
    except Exception as exc:  # a timeout or a failed step: report it, measure the rest
        out[f"{name}: FAILED"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
        if shots is not None and _PAGES:
            try:
                _PAGES[-1].screenshot(path=str(shots / f"failed-{name.replace(' ', '-')}-{len(_PAGES)}.png"),
                                      full_page=True)
            except Exception:  # the page itself may be gone
                pass


# --- the walkthrough, one width -------------------------------------------------------------------


def walk(browser, base: str, store: Path, size: str, shots: Path | None, work: Path) -> dict:
    from playwright.sync_api import expect

    viewport = SIZES[size]
    console = Console()
    out: dict = {}
    suffix = "" if size == "desktop" else "-phone"
    mid = meeting_id(store, BRIEFED)
    number, title = BRIEFED_ITEM

    with section(out, "ask", work):
        # ask → citation → original document
        page = new_page(browser, viewport, console)
        t = time.monotonic()
        ask(page, base, QUESTION)
        citation = page.get_by_test_id("stExpander").filter(has_text="item 15").first
        quote = citation.locator("strong").filter(has_text=QUOTE_WORD).first
        quote.wait_for()
        out["ask: seconds to a cited answer (first, model loading)"] = round(time.monotonic() - t, 2)
        time.sleep(1)  # let the layout settle (the chat scrolls as the answer arrives)
        out["ask: quote visible in the first viewport"] = in_viewport(page, quote)
        shot(page, shots, f"ask{suffix}.png")
        t = time.monotonic()
        ask(page, base, PDF_QUESTION)
        pdf_cite = page.get_by_test_id("stExpander").filter(has_text="Pollinator").first
        link = pdf_cite.get_by_role("link", name=re.compile("Open the original PDF at page"))
        link.wait_for()
        out["ask: seconds to a cited answer (warm)"] = round(time.monotonic() - t, 2)
        beehive = pdf_cite.locator("strong").filter(has_text="beehives").first
        beehive.wait_for()
        out["ask: quote visible in the first viewport (PDF answer)"] = in_viewport(page, beehive)
        href = link.get_attribute("href") or ""
        served = page.request.get(base + "/" + href.split("#")[0].lstrip("/"))
        with page.context.expect_page() as opened:
            link.click()
        out["source: opens the PDF at the cited page"] = (
            href.endswith("#page=2") and served.status == 200
            and served.headers.get("content-type") == "application/pdf" and served.body()[:5] == b"%PDF-"
            and opened.value.url.endswith("#page=2"))
        opened.value.close()
        # the citation's "Open this meeting" link: the meeting page inside the app (no reload)
        t = time.monotonic()
        pdf_cite.get_by_text("Open this meeting").click()
        page.get_by_role("heading", name="Item 3: Pollinator project").wait_for()
        page.get_by_role("heading", name="Decisions").wait_for()
        app_idle(page)
        out["meeting page: opened from a citation (in the app), s"] = round(time.monotonic() - t, 2)
        page.context.close()

    with section(out, "meeting page", work):
        # meeting page: first visit from a cold browser, then warm reloads
        page = new_page(browser, viewport, console)
        url = f"{base}/meetings?meeting={urllib.parse.quote(mid)}"

        def load(reload: bool) -> float:
            t = time.monotonic()
            page.reload() if reload else page.goto(url)
            page.get_by_role("heading", name="Decisions").wait_for()
            page.locator(f"#item-{number}").wait_for()
            page.get_by_role("tab", name="Items").wait_for()
            app_idle(page)
            return time.monotonic() - t

        out["load average (1 min) while measuring the meeting page"] = round(os.getloadavg()[0], 1)
        out["meeting page: first visit, s"] = round(load(False), 2)
        # The floor on this machine: the same kind of visit to a page that shows almost nothing.
        floor = []
        for _ in range(WARM):
            t = time.monotonic()
            page.goto(f"{base}/members")
            page.get_by_role("heading", name="Members").wait_for()
            app_idle(page)
            floor.append(time.monotonic() - t)
        out[f"floor: an almost empty page (/members), warm, s (median of {WARM})"] = round(statistics.median(floor), 2)
        # Warm: the briefing exists and the browser has the app's scripts. Opening the address
        # again is what a reader does; a reload also revalidates every script with the server.
        warm = [load(False) for _ in range(WARM)]
        out[f"meeting page: warm, address opened again, s (median of {WARM})"] = round(statistics.median(warm), 2)
        out["meeting page: warm, address opened again, s (each)"] = " ".join(f"{x:.2f}" for x in warm)
        warm = [load(True) for _ in range(WARM)]
        out[f"meeting page: warm, browser reload, s (median of {WARM})"] = round(statistics.median(warm), 2)
        out["meeting page: warm, browser reload, s (each)"] = " ".join(f"{x:.2f}" for x in warm)
        out["meeting page: no 'Page not found'"] = page.get_by_text("Page not found").count() == 0
        out["meeting page: overflow px"] = overflow(page)
        if size == "desktop" and shots is not None:
            page.set_viewport_size({"width": 1366, "height": 1500})
            shot(page, shots, "briefing.png")
            page.set_viewport_size(viewport)
        page.get_by_role("link", name=f"[item {number}]").first.click()
        page.wait_for_url(re.compile(rf"#item-{number}$"))
        time.sleep(0.5)
        out["meeting page: [item N] link scrolls to the item"] = in_viewport(page, page.locator(f"#item-{number}"))
        page.context.close()

    with section(out, "register", work):
        # decisions register: filter and CSV
        page = new_page(browser, viewport, console)
        page.goto(f"{base}/decisions")
        summary = page.get_by_text(re.compile(r"\d+ decisions? · \d+ procedural hidden"))
        summary.wait_for()
        before = int(re.match(r"(\d+)", summary.inner_text()).group(1))
        box = page.get_by_label("Words in the decision or item")
        t = time.monotonic()
        box.fill("work programme")
        box.press("Enter")
        page.wait_for_function("n => document.querySelectorAll(\"[class*='st-key-decision-']\").length < n", arg=before)
        app_idle(page)
        out["register: seconds to filter"] = round(time.monotonic() - t, 2)
        rows = page.locator("[class*='st-key-decision-']")
        out["register: filtered rows (of all)"] = f"{rows.count()} of {before}"
        out["register: rows fit the width and link their item"] = (
            rows.count() > 0 and rows.first.bounding_box()["width"] <= viewport["width"]
            and rows.first.get_by_role("link").first.is_visible())
        with page.expect_download() as dl:
            page.get_by_role("button", name="Download CSV").click()
        data = Path(dl.value.path()).read_bytes()
        out["register: CSV has a BOM and a source column"] = data.startswith("\ufeff".encode()) \
            and b"source" in data.splitlines()[0]
        out["register: overflow px"] = overflow(page)
        shot(page, shots, f"decisions{suffix}.png")
        page.context.close()

    with section(out, "deep links", work):
        # deep links, reloaded
        page = new_page(browser, viewport, console)
        page.goto(f"{base}/ask?q=" + urllib.parse.quote(QUESTION))
        page.get_by_test_id("stExpander").filter(has_text="item 15").first.wait_for()
        page.reload()
        page.get_by_test_id("stExpander").filter(has_text="item 15").first.wait_for()
        app_idle(page)
        asked_once = page.get_by_test_id("stChatMessage").count() == 2
        ok_ask = page.get_by_text("Page not found").count() == 0
        page.goto(f"{base}/meetings?meeting={urllib.parse.quote(mid)}&item={number}")
        heading = page.get_by_role("heading", name=f"Item {number}: {title}")
        heading.wait_for()
        page.reload()
        heading.wait_for()
        app_idle(page)
        out["deep links: ?q= and ?meeting=&item= survive a reload, asked once, no 'Page not found'"] = (
            asked_once and ok_ask and page.get_by_text("Page not found").count() == 0)

    with section(out, "pages", work):
        page = new_page(browser, viewport, console)
        # every page usable at this width: nothing wider than the screen
        wide = {}
        for path in PAGES:
            page.goto(base + path)
            try:
                page.locator("h1").first.wait_for(timeout=60_000)  # every page has a title
                app_idle(page, timeout=60_000)
            except Exception as exc:  # name the page and go on to the next
                wide[path] = f"not drawn: {type(exc).__name__}"
                continue
            time.sleep(0.3)
            if page.get_by_text("Page not found").count():
                wide[path] = "Page not found"
            elif overflow(page) > 0:
                wide[path] = f"{overflow(page)} px too wide"
        out["pages: all usable at this width (no sideways scrolling)"] = wide or True
        page.context.close()

    with section(out, "bad input", work):
        # bad inputs: live counter, whitespace, too long, unsupported upload
        page = new_page(browser, viewport, console)
        page.goto(base + "/ask")
        box = page.get_by_test_id("stChatInputTextArea")
        box.wait_for()
        app_idle(page)
        counter = page.locator("[data-testid=charCounter]")
        box.click()
        page.keyboard.type("How many")
        t = time.monotonic()
        # (the counter lives in a shadow root: Playwright's locators reach it, document.querySelector not)
        expect(counter).to_have_text(re.compile(r"^8 / 2,000"), timeout=5_000)
        out["bad input: counter follows typing (no submit), s"] = round(time.monotonic() - t, 2)
        long_q = ("What was decided about the budget? " * 58)[:LIMIT + 40].strip()
        box.fill(long_q)
        t = time.monotonic()
        expect(counter).to_contain_text("too long by", timeout=5_000)
        out["bad input: 'too long' message while typing, s"] = round(time.monotonic() - t, 2)
        out["bad input: counter message"] = counter.inner_text()
        out["bad input: counter visible"] = counter.is_visible() and in_viewport(page, counter)
        box.fill("   ")
        box.press("Enter")
        time.sleep(1.5)
        app_idle(page)
        out["bad input: whitespace-only blocked (no question, no error)"] = (
            page.get_by_test_id("stChatMessage").count() == 0 and page.get_by_test_id("stAlertContentError").count() == 0)
        box.fill(long_q)
        box.press("Enter")
        page.get_by_text(re.compile(r"the limit is 2,000")).wait_for()
        draft = page.get_by_label("Your question (edit it here)")
        out["bad input: too-long question explained and kept"] = (
            draft.input_value().startswith("What was decided") and page.get_by_test_id("stChatMessage").count() == 0)
        page.context.close()

    with section(out, "upload", work):
        page = new_page(browser, viewport, console)
        up = work / f"upload-{size}"
        shutil.rmtree(up, ignore_errors=True)
        up.mkdir(parents=True)
        doc = up / f"allotments-{size}.txt"
        doc.write_text(UNDATED.format(n=12 if size == "desktop" else 14))
        (up / "notes.xyz").write_bytes(b"not minutes")
        page.goto(f"{base}/add")
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([str(doc), str(up / "notes.xyz")])
        page.get_by_role("button", name="Add to the store").click()
        named = page.get_by_text(re.compile(r"\.xyz files are not minutes documents"))
        named.wait_for()
        out["bad input: unsupported upload named after submit"] = named.is_visible()

        # metadata correction of the uploaded meeting
        page.get_by_role("link", name=re.compile(f"^Open {doc.name}")).click()
        page.get_by_text("The document does not state the date: add it under Correct details").wait_for()
        page.get_by_role("tab", name="Correct details").click()
        committee = f"Allotments Working Group ({size})"
        page.get_by_role("textbox", name="Committee").fill(committee)
        page.get_by_role("textbox", name="Date (YYYY-MM-DD)").fill("2025-03-12")
        t = time.monotonic()
        page.get_by_role("button", name="Save the correction").click()
        page.get_by_role("heading", name=f"{committee}, 12 Mar 2025").wait_for()
        page.get_by_text(re.compile(r"^Saved: Allotments Working Group")).wait_for()
        out["correction: saved and re-indexed, s"] = round(time.monotonic() - t, 2)
        side = store / "uploads" / f"allotments-{size}.meta.json"
        out["correction: sidecar written"] = side.exists() and json.loads(side.read_text()).get("committee") == committee
        page.context.close()

    out["console errors"] = len(console.errors)
    if console.errors:
        out["console error list"] = console.errors[:10]
    return out


def run(work: Path, shots: Path | None) -> dict:
    from playwright.sync_api import sync_playwright

    work.mkdir(parents=True, exist_ok=True)
    base = base_store(work)
    store = work / "run-store"
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(base, store)
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    results: dict = {}
    with serve(store, work / "server.log") as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        try:
            for size in SIZES:
                results[size] = walk(browser, url, store, size, shots, work)
        finally:
            browser.close()
    return results


def table(results: dict) -> str:
    keys = list(dict.fromkeys(k for r in results.values() for k in r if k != "console error list"))
    width = max(len(k) for k in keys)
    lines = [f"{'target':<{width}}  " + "  ".join(f"{s:>10}" for s in results)]
    for k in keys:
        cells = []
        for s in results:
            v = results[s].get(k, "")
            cells.append(f"{('yes' if v else 'NO') if isinstance(v, bool) else v!s:>10}")
        lines.append(f"{k:<{width}}  " + "  ".join(cells))
    for s, r in results.items():
        for e in r.get("console error list", []):
            lines.append(f"{s} console error: {e}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "minutes-walkthrough",
                    help="where the store is built (once) and the run's copy lives")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--screenshots", type=Path, help="save the README screenshots here (e.g. docs/screenshots)")
    args = ap.parse_args(argv)
    if not CHROMIUM.exists():
        print("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from rag.config import offline_environment

    offline_environment()
    results = run(args.work.resolve(), args.screenshots)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
