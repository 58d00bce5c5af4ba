"""End to end in a real browser: `minutes ui` serves the sample store, Chromium (driven by
Playwright) asks a question and opens a meeting's briefing.

Screenshots go to tests/artefacts/ (gitignored); with UPDATE_SCREENSHOTS=1 they also
replace docs/screenshots/ for the README (a normal test run leaves the tree untouched).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import re
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = ROOT / "tests" / "artefacts"
DOCS = ROOT / "docs" / "screenshots"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update"]
QUESTION = "How many unaccompanied asylum seeking children were there?"
BRIEFED = "safeguarding-overview-and-scrutiny-committee-2024-01-04"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port: int, proc: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"`minutes ui` exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as r:
                if r.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"the app did not answer on port {port} within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def minutes_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("minutes")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "ui.cli"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
def test_ask_and_briefing_in_a_browser(sample_store):
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install -e '.[test]')")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = ARTEFACTS / "browser-server.log"
    with log.open("w") as out:
        proc = subprocess.Popen([*minutes_cmd(), "ui", "--store", str(sample_store.root), "--port", str(port)],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ})
    try:
        wait_healthy(port, proc, log)
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1500})
                page.set_default_timeout(240_000)  # the first answer loads the model: slow on a busy machine

                # Ask: type a question, wait for the cited answer, open the citation.
                page.goto(f"http://127.0.0.1:{port}/")
                box = page.get_by_test_id("stChatInputTextArea")
                box.wait_for()
                box.fill(QUESTION)
                box.press("Enter")
                citation = page.get_by_test_id("stExpander").filter(has_text="item 15").first
                citation.wait_for()
                assert "104" in page.get_by_test_id("stChatMessage").last.inner_text()
                citation.locator("summary").click()
                citation.get_by_text("Open this meeting").wait_for()
                assert "<script" not in citation.inner_html().lower()
                page.mouse.move(0, 0)
                # Tall enough for the question, the answer and the opened citation in one picture.
                page.set_viewport_size({"width": 1400, "height": 2000})
                time.sleep(1.5)
                page.screenshot(path=str(ARTEFACTS / "ask.png"))

                # The citation's link opens the meeting on the Meetings page.
                citation.get_by_text("Open this meeting").click()
                # The meeting's title is on the Ask page too, so wait for the navigation itself.
                page.wait_for_url(re.compile(r"meeting=safeguarding-overview-and-scrutiny-committee-2023-09-14"))
                page.get_by_role("heading", name="Safeguarding Overview and Scrutiny Committee, 14 Sep 2023").wait_for()

                # A meeting's briefing, opened by link.
                page.set_viewport_size({"width": 1400, "height": 1900})
                page.goto(f"http://127.0.0.1:{port}/meetings?meeting={BRIEFED}")
                page.get_by_role("heading", name="Decisions").wait_for()
                page.get_by_text("Download Word (DOCX)").wait_for()
                page.get_by_text("Homes for Children in Our Care").first.wait_for()
                time.sleep(1)
                page.screenshot(path=str(ARTEFACTS / "briefing.png"))
            finally:
                browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        for name in ("ask.png", "briefing.png"):
            shutil.copyfile(ARTEFACTS / name, DOCS / name)
