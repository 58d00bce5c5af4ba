"""Page furniture: page numbers and the running headers printed beside them.

Minutes are printed, and what is printed carries furniture on every page: "Page 3 of 9",
"- 3 -", "3 | P a g e", a header repeating the meeting's name. A PDF reader sees where on the
page a line stands (`read_pdf.strip_running_lines` keeps only its margins in view); a text file
exported from a PDF has lost that, and its page numbers land between the paragraphs, where the
segmenter would read "1 | Page" as item 1 titled "Page" and answers would quote them. This
module is the one place that says what a page number looks like, for every reader and the
segmenter; what is not furniture stays, so a bare "3" on a line of its own (an item number in
plain text) is never dropped here.
"""
from __future__ import annotations

import re

# A line that is nothing but a page number, with the word "page" or the dashes printers set
# around it: "Page 3", "PAGE 3 OF 9", "Page | 1", "--- PAGE 1 ---", "3 | Page", "3 | P a g e",
# and what OCR makes of the bar ("1 IP age", "21 Page"), "- 3 -", "– 3 –".
PAGE_NUMBER = re.compile(
    r"^[-=_~*\s]*(?:page\s*[|:]?\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*[|Il]?\s*p\s?a\s?g\s?e(?:\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—])[-=_~*\s]*$",
    re.I)

# Bare page numbers as a PDF's margins print them ("3", "3/10", "iv"): furniture only where the
# reader knows the line stands in a page margin.
BARE_PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|[ivxlc]{1,6})\s*$", re.I)

_DIGITS = re.compile(r"\d+")


def is_page_number(line: str) -> bool:
    """The line is a page number and nothing else ("Page 2 of 3", "1 | Page")."""
    return bool(PAGE_NUMBER.match(line)) and not line.rstrip().endswith(".")


def furniture_lines(lines: list[str]) -> set[int]:
    """Indices of the page furniture in a page-less text: every page-number line, and a running
    header or footer, i.e. a line that recurs (digits aside) only ever right beside a page number
    (blank lines aside) and is not a sentence, bar its first occurrence (it often names the meeting, so the header reader keeps it).
    A line that recurs elsewhere too ("Noted.", "Members noted the response received.") is text."""
    pages = [i for i, ln in enumerate(lines) if ln.strip() and is_page_number(ln.strip())]
    if not pages:
        return set()
    out = set(pages)
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    rank = {i: k for k, i in enumerate(filled)}
    near = {filled[k] for p in pages for k in range(max(0, rank[p] - 1), min(len(filled), rank[p] + 2))} - out
    shapes: dict[str, list[int]] = {}
    for i in filled:
        t = lines[i].strip()
        if i not in out and len(t) <= 120 and sum(c.isalpha() for c in t) >= 3 and not t.endswith((".", ":", ";")):
            shapes.setdefault(_DIGITS.sub("#", t.casefold()), []).append(i)
    for idx in shapes.values():
        if len(idx) >= 2 and all(i in near for i in idx):
            out.update(idx[1:])
    return out
