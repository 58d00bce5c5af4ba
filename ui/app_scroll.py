"""Bring a just-drawn element into view when it is not: the quote of a new answer's first
citation.

Why: a chat page keeps its newest content at the bottom, just above the question box, so on
a phone the first citation's highlighted quote ends up scrolled off the top of the screen
while its last lines show. The reader should see the quote itself without scrolling. This
`st.components.v2` component runs once when a new answer is drawn and scrolls only when the
target is not already fully visible (on a desktop it usually is, and nothing moves).
"""
from __future__ import annotations

import streamlit as st

_JS = """
export default function (component) {
  const { data } = component;
  const selector = String(data.selector);
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const bottomBar = document.querySelector('[data-testid="stBottom"]');
    const floor = bottomBar ? bottomBar.getBoundingClientRect().top : window.innerHeight;
    return r.top >= 60 && Math.min(r.bottom, r.top + 120) <= floor;
  };
  const bring = () => {
    const el = document.querySelector(selector);
    if (!el || visible(el)) return;
    // Show the citation's label (meeting · date · item) above the quote when both fit.
    const box = el.closest('[data-testid="stExpander"]');
    const bottomBar = document.querySelector('[data-testid="stBottom"]');
    const room = (bottomBar ? bottomBar.getBoundingClientRect().top : window.innerHeight) - 80;
    const fits = box && el.getBoundingClientRect().bottom - box.getBoundingClientRect().top <= room;
    const target = fits ? box : el;
    target.style.scrollMarginTop = "70px";
    target.scrollIntoView({ block: "start", behavior: "instant" });
  };
  // The chat keeps scrolling to its end while the rest of the answer is laid out: try again
  // shortly after, but only for a second, so a reader's own scrolling is never undone.
  const timers = [0, 150, 400, 900].map((ms) => setTimeout(bring, ms));
  return () => timers.forEach(clearTimeout);
}
"""

_scroller = st.components.v2.component("minutes_scroll_into_view", js=_JS)


def scroll_into_view(selector: str, key: str) -> None:
    """Scroll the first element matching `selector` (CSS) into view if it is not visible."""
    _scroller(key=key, data={"selector": selector}, height=0)
