"""A live character counter for a text box, with a clear message past the limit.

Why a component: Streamlit's text widgets report their value to Python only when the user
submits or leaves the box, so a counter drawn by Python is stale while the user types, and
`max_chars` would cut a long paste off silently. This `st.components.v2` component runs a few
lines of JavaScript in the page that watch the box as it is typed in and say, at once, how
long the text is and by how much it is over the limit. The server still checks the limit on
submit (the counter is help, not enforcement), so nothing depends on the script running.

The component draws only fixed text (counts and the limit): nothing from the minutes or the
user is ever put into HTML.
"""
from __future__ import annotations

import streamlit as st

_JS = """
export default function (component) {
  const { data, parentElement } = component;
  const limit = Number(data.limit);
  const selector = String(data.selector);
  const fmt = (n) => n.toLocaleString("en-GB");
  const box = document.createElement("div");
  box.className = "counter";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  box.dataset.testid = "charCounter";
  parentElement.appendChild(box);
  let last = null;
  const update = () => {
    const el = document.querySelector(selector);
    // Code points of the trimmed text, as the server counts them (len(q.strip())).
    const n = el ? [...el.value.trim()].length : 0;
    if (n === last) return;
    last = n;
    if (n > limit) {
      box.dataset.state = "over";
      box.textContent = `${fmt(n)} / ${fmt(limit)} characters: too long by ${fmt(n - limit)}. ` +
        `Shorten it to ${fmt(limit)} characters or fewer before asking.`;
    } else {
      box.dataset.state = n ? "ok" : "empty";
      box.textContent = `${fmt(n)} / ${fmt(limit)} characters`;
    }
  };
  const onInput = (e) => {
    if (e.target instanceof Element && e.target.matches(selector)) update();
  };
  document.addEventListener("input", onInput, true);
  // The box is also changed without an input event (cleared after a question is sent).
  const timer = setInterval(update, 250);
  update();
  return () => {
    document.removeEventListener("input", onInput, true);
    clearInterval(timer);
    box.remove();
  };
}
"""

_CSS = """
.counter { font-size: 0.8rem; line-height: 1.4; color: rgba(49, 51, 63, 0.7); padding: 0 0.25rem 0.25rem; }
.counter[data-state="over"] { color: #b3261e; font-weight: 600; }
"""

_counter = st.components.v2.component("minutes_char_counter", js=_JS, css=_CSS)


def char_counter(selector: str, limit: int, key: str) -> None:
    """Show a live 'N / limit characters' line for the text box matching `selector` (a CSS
    selector), which turns into a clear 'too long by N' message past the limit."""
    _counter(key=key, data={"selector": selector, "limit": int(limit)}, height="content")
