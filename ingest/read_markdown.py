"""Markdown (.md, .markdown) to blocks with a real CommonMark parser (markdown-it-py).

Council CMS exports write item titles as `#` headings or ordered lists and are full of HTML
entities (`&nbsp;`, `&amp;`); reading the file as plain text lost every list number and left
the entities in titles. Here headings keep their level, ordered list items get the number a
renderer shows (from the list's `start`, counting on), GFM tables become `table_row` blocks,
entities are decoded, and `**bold**` lines are marked bold. A paragraph's source lines stay
separate: the first is a `para` (or `list_item`/`heading`) block, the lines after it `line`
blocks, because hand-written minutes often put a title and its text on consecutive lines.

YAML (`---`) and TOML (`+++`, Hugo/Zola) front matter is not body text, but its `title:`/`date:`
lines often name the meeting, so they are kept as leading `line` blocks with
`source="front-matter"`, both written "key: value".
"""
from __future__ import annotations

import re
from pathlib import Path

from .blocks import Block
from .read_common import Budget, bold_facts, clean_inline

_FRONT_KEYS = re.compile(r"^(title|subtitle|date|meeting|committee|council|location|venue)\s*:", re.I)
_BR = re.compile(r"^<br\s*/?>$", re.I)
_BOLD_OPEN = re.compile(r"^<(b|strong)(\s[^>]*)?>$", re.I)
_BOLD_CLOSE = re.compile(r"^</(b|strong)\s*>$", re.I)


def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(front_matter_plugin)


def _inline_lines(token) -> list[list[tuple[str, bool]]]:
    """An inline token's children as lines of (text, bold) runs: each source line (soft break)
    and each hard break starts a new line, so the document's own line layout survives."""
    lines: list[list[tuple[str, bool]]] = [[]]
    bold = 0
    for child in token.children or []:
        t = child.type
        if t in ("text", "code_inline"):
            lines[-1].append((child.content, bold > 0))
        elif t in ("softbreak", "hardbreak"):
            lines.append([])
        elif t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold = max(0, bold - 1)
        elif t == "image":
            lines[-1].append((child.content or "", bold > 0))
        elif t == "html_inline":
            tag = child.content.strip()
            if _BR.match(tag):
                lines.append([])
            elif _BOLD_OPEN.match(tag):
                bold += 1
            elif _BOLD_CLOSE.match(tag):
                bold = max(0, bold - 1)
    return lines


# Front-matter keys a static site keeps the roll call in, and the label minutes print it under.
_ATTENDANCE_KEYS = {"members": "Present", "attendees": "Present", "attendance": "Present", "present": "Present",
                    "other_attendees": "Also present", "also_present": "Also present", "guests": "Guests",
                    "apologies": "Apologies", "regrets": "Apologies", "absent": "Absent", "chair": "Chair"}


def attendance_front_matter(yaml_text: str) -> list[Block]:
    """The roll call a YAML front matter holds as lists ("members:" / "  - Carlton Gibson",
    "other_attendees:"), as the labelled lines printed minutes would show ("Present: Carlton
    Gibson, ..."), so the header reads who attended as it reads any roll call. Front matter that
    is not YAML, and keys that are not attendance, add nothing."""
    import yaml

    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError:
        return []
    if not isinstance(data, dict):
        return []
    out = []
    for key, value in data.items():
        label = _ATTENDANCE_KEYS.get(str(key).lower().replace("-", "_"))
        names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        names = [clean_inline(str(n)) for n in names if isinstance(n, (str, int, float)) and str(n).strip()]
        if label and names:
            out.append(Block(text=f"{label}: {', '.join(names)}", kind="line", source="front-matter"))
    return out


_TOML_FRONT = re.compile(r"\A\ufeff?\+\+\+[ \t]*\r?\n(?P<body>.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)


def toml_front_matter(text: str) -> tuple[list[Block], str]:
    """TOML front matter (`+++` ... `+++`, which CommonMark would print as text) as front-matter
    blocks, and the document after it. Front matter that is not valid TOML is left as text."""
    import tomllib

    m = _TOML_FRONT.match(text)
    if not m:
        return [], text
    try:
        data = tomllib.loads(m.group("body"))
    except tomllib.TOMLDecodeError:
        return [], text
    blocks = []
    for key, value in data.items():
        if not _FRONT_KEYS.match(f"{key}:") or not isinstance(value, (str, int, float)) and not hasattr(value, "isoformat"):
            continue  # tables, arrays (authors = [...]) and keys the header does not read
        shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
        blocks.append(Block(text=clean_inline(f"{key}: {shown}"), kind="line", source="front-matter"))
    return blocks, text[m.end():]


# Blocks that end a lazily numbered list: only tucked sub-bullets may sit between its "1." entries.
_LAZY_BREAKS = {"heading_open", "paragraph_open", "table_open", "blockquote_open", "hr", "html_block", "fence",
                "code_block"}


def _marker_col(src: list[str], tok) -> int:
    """The source column of a list's first marker (tabs expanded), to tell a sub-list that was
    meant to nest (indented past its parent's marker) from a new list at the same level."""
    if not tok.map or tok.map[0] >= len(src):
        return 0
    line = src[tok.map[0]].expandtabs(4)
    return len(line) - len(line.lstrip())


def markdown_blocks(text: str, path: Path | None = None, budget: Budget | None = None) -> list[Block]:
    """Blocks of a Markdown document (see the module docstring)."""
    blocks, text = toml_front_matter(text)
    tokens = _parser().parse(text)
    src = text.splitlines()
    lists: list[dict] = []  # open lists: {"ordered", "next", "markup", "col", "tucked"}
    lazy: dict | None = None  # a just-closed ordered list that a "1." list after tucked bullets continues
    item: dict | None = None  # the open list item: {"label", "used"}
    items: list[dict | None] = []
    heading = 0
    quote = 0
    table = -1
    row: list[str] | None = None
    row_bold: list[bool] = []
    header_row = False

    def emit(runs: list[tuple[str, bool]], kind: str = "para", source: str = "") -> bool:
        line = clean_inline("".join(t for t, _ in runs))
        if not line:
            return False
        bold, prefix = bold_facts(runs)
        depth = len(lists) + sum(1 for x in lists if x.get("tucked"))
        b = Block(text=line, kind=kind, bold=bold, bold_prefix=prefix, list_depth=max(0, depth - 1) if depth else 0,
                  indent=float(depth + quote), source=source)
        if item is not None and not item["used"] and kind != "line":
            item["used"] = True
            b.kind = "list_item"
            if item["label"]:
                b.list_label, b.list_number = item["label"], item["number"]
        if heading:
            b.kind, b.level = "heading", heading
        blocks.append(b)
        return True

    for k, tok in enumerate(tokens):
        if budget is not None and k % 5000 == 0:
            budget.check(len(blocks))
        t = tok.type
        if t in _LAZY_BREAKS and lazy is not None and len(lists) <= lazy["depth"]:
            lazy = None
        if t == "front_matter":
            for ln in tok.content.splitlines():
                if _FRONT_KEYS.match(ln.strip()):
                    blocks.append(Block(text=clean_inline(ln), kind="line", source="front-matter"))
            blocks.extend(attendance_front_matter(tok.content))
        elif t == "heading_open":
            heading = int(tok.tag[1])
        elif t == "heading_close":
            heading = 0
        elif t in ("bullet_list_open", "ordered_list_open"):
            start = tok.attrGet("start")
            col = _marker_col(src, tok)
            entry = {"ordered": t == "ordered_list_open", "next": int(start) if start is not None else 1,
                     "markup": tok.markup or ".", "col": col, "tucked": False}
            if lazy is not None and lazy["depth"] == len(lists):
                if not entry["ordered"] and col > lazy["col"]:
                    entry["tucked"] = lazy["tucked"] = True  # sub-bullets indented too little to nest
                elif entry["ordered"] and start is None and lazy["tucked"] and entry["markup"] == lazy["markup"]:
                    entry["next"] = lazy["next"]  # "1." again after the sub-bullets: the list goes on
                    lazy = None
                else:
                    lazy = None
            lists.append(entry)
        elif t in ("bullet_list_close", "ordered_list_close"):
            if lists:
                done = lists.pop()
                if done["ordered"]:
                    lazy = {"depth": len(lists), "next": done["next"], "markup": done["markup"],
                            "col": done["col"], "tucked": False}
        elif t == "list_item_open":
            items.append(item)
            lst = lists[-1] if lists else {"ordered": False}
            if lst["ordered"]:
                n = lst["next"]
                lst["next"] += 1
                item = {"label": f"{n}{lst['markup']}", "number": str(n), "used": False}
            else:
                item = {"label": None, "number": None, "used": False}
        elif t == "list_item_close":
            item = items.pop() if items else None
        elif t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote = max(0, quote - 1)
        elif t == "table_open":
            table += 1
        elif t == "tr_open":
            row, row_bold, header_row = [], [], False
        elif t in ("th_open", "td_open"):
            header_row = header_row or t == "th_open"
        elif t == "tr_close" and row is not None:
            cells = [clean_inline(c) for c in row]
            if any(cells):
                blocks.append(Block(text=" | ".join(c for c in cells if c), kind="table_row", cells=cells,
                                    table=max(table, 0), bold=header_row or (bool(row_bold) and all(row_bold)),
                                    source="th" if header_row else "tr"))
            row = None
        elif t == "inline":
            lines = _inline_lines(tok)
            if row is not None:
                runs = [r for ln in lines for r in ln + [(" ", False)]]
                row.append("".join(x for x, _ in runs))
                if clean_inline("".join(x for x, _ in runs)):
                    row_bold.append(bold_facts(runs)[0])
                continue
            source = f"h{heading}" if heading else ("blockquote" if quote else ("li" if item else "p"))
            first = True
            for ln in lines:
                if first:
                    first = not emit(ln, source=source)
                else:  # the paragraph's further lines
                    emit(ln, kind="line", source=source)
        elif t in ("fence", "code_block"):
            for ln in tok.content.splitlines():
                if clean_inline(ln):
                    emit([(ln, False)], source="code")
        elif t == "html_block":
            from .read_html import html_blocks

            blocks.extend(html_blocks(tok.content, path, budget))
    return blocks
