"""reStructuredText (.rst) to blocks with docutils.

Section titles become headings (level = section nesting, as docutils infers it from the order
the underline styles first appear), enumerated lists get the labels docutils would print
(arabic, alpha, roman; with their prefix/suffix and start), tables become `table_row` blocks
and `**strong**` runs mark bold. As in Markdown, a paragraph's further source lines become
`line` blocks.

Minutes are data, not programs: file inclusion and raw passthrough are switched off, and
docutils' own error messages (`system_message` nodes) are never taken as text.
"""
from __future__ import annotations

import re
from pathlib import Path

from .blocks import Block
from .read_common import Budget, bold_facts, clean_inline, strip_label
from .read_html import format_counter

_ENUM = {"arabic": "decimal", "loweralpha": "lower-alpha", "upperalpha": "upper-alpha",
         "lowerroman": "lower-roman", "upperroman": "upper-roman"}
_SKIP = {"system_message", "comment", "substitution_definition", "target", "raw", "pending", "footnote_reference",
         "citation_reference"}
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+_:.])\1{2,}\s*$")


def rst_blocks(text: str, path: Path | None = None, budget: Budget | None = None) -> list[Block]:
    try:
        from docutils.core import publish_doctree
    except ImportError:  # docutils is a dependency; this keeps .rst readable without it
        return underline_blocks(text)
    settings = {
        "report_level": 5, "halt_level": 5, "warning_stream": False, "file_insertion_enabled": False,
        "raw_enabled": False, "doctitle_xform": False, "sectsubtitle_xform": False, "input_encoding": "unicode",
        "_disable_config": True,
    }
    doctree = publish_doctree(text, settings_overrides=settings)
    return _Walker(budget).walk(doctree)


class _Walker:
    def __init__(self, budget: Budget | None):
        self.blocks: list[Block] = []
        self.budget = budget
        self.tables = -1

    def walk(self, doctree) -> list[Block]:
        # An explicit stack keeps deep nesting from exhausting Python's recursion limit.
        stack: list[tuple[object, int, int, dict | None]] = [(doctree, 0, 0, None)]
        while stack:
            node, section, depth, label = stack.pop()
            name = node.tagname
            if name in _SKIP:
                continue
            if name == "section":
                children = [(c, section + 1, depth, None) for c in node.children]
            elif name == "title":
                self.emit(node, "heading", level=min(max(section, 1), 6), depth=depth, source="title")
                continue
            elif name in ("paragraph", "line", "term", "rubric", "subtitle", "attribution"):
                self.emit(node, "para", depth=depth, label=label, source=name)
                continue
            elif name in ("literal_block", "doctest_block"):
                for ln in node.astext().splitlines():
                    if clean_inline(ln):
                        self.blocks.append(Block(text=clean_inline(ln), kind="para", source="code", indent=depth))
                continue
            elif name == "table":
                self.table(node)
                continue
            elif name == "enumerated_list":
                style = _ENUM.get(node.get("enumtype", "arabic"), "decimal")
                start = node.get("start", 1)
                prefix, suffix = node.get("prefix", ""), node.get("suffix", ".")
                children = []
                for k, item in enumerate(node.children):
                    n = format_counter(start + k, style)
                    children.append((item, section, depth + 1, {"label": f"{prefix}{n}{suffix}", "used": False}))
            elif name == "bullet_list":
                children = [(item, section, depth + 1, {"label": None, "used": False}) for item in node.children]
            elif name == "list_item":
                children = [(c, section, depth, label) for c in node.children]
            else:
                children = [(c, section, depth, label if name in ("compound", "container") else None)
                            for c in getattr(node, "children", [])]
            stack.extend(reversed([c for c in children if hasattr(c[0], "tagname")]))
            if self.budget is not None and len(self.blocks) % 2000 == 1999:
                self.budget.check(len(self.blocks))
        return self.blocks

    def emit(self, node, kind: str, level: int = 0, depth: int = 0, label: dict | None = None, source: str = "") -> None:
        lines: list[list[tuple[str, bool]]] = [[]]
        for text, bold in _runs(node):
            parts = text.split("\n")
            lines[-1].append((parts[0], bold))
            for part in parts[1:]:
                lines.append([(part, bold)])
        first = True
        for runs in lines:
            line = clean_inline("".join(t for t, _ in runs))
            if not line:
                continue
            bold, prefix = bold_facts(runs)
            b = Block(text=line, kind=kind if first else "line", level=level if first else 0, bold=bold,
                      bold_prefix=prefix, indent=float(depth), list_depth=max(depth - 1, 0), source=source)
            if first and label is not None and not label["used"]:
                label["used"] = True
                if b.kind == "para":
                    b.kind = "list_item"
                b.list_label = label["label"]
                b.list_number = strip_label(label["label"]) if label["label"] else None
            first = False
            self.blocks.append(b)

    def table(self, node) -> None:
        self.tables += 1
        for row in node.findall(lambda n: n.tagname == "row"):
            header = row.parent is not None and row.parent.tagname == "thead"
            cells = [clean_inline(" ".join(t for t, _ in _runs(entry))) for entry in row.children]
            if any(cells):
                self.blocks.append(Block(text=" | ".join(c for c in cells if c), kind="table_row", cells=cells,
                                         table=self.tables, bold=header, source="th" if header else "tr"))


def _runs(node) -> list[tuple[str, bool]]:
    """(text, bold) runs under a node, skipping docutils' own messages."""
    out: list[tuple[str, bool]] = []
    stack: list[tuple[object, bool]] = [(node, False)]
    while stack:
        n, bold = stack.pop()
        name = getattr(n, "tagname", "#text")
        if name == "#text":
            out.append((str(n), bold))
            continue
        if name in _SKIP:
            continue
        bold = bold or name == "strong"
        stack.extend(reversed([(c, bold) for c in n.children]))
    return out


def underline_blocks(text: str) -> list[Block]:
    """Without docutils: lines as `line` blocks, a line underlined with =, -, ~ ... a heading
    (levels in order of first appearance, as reStructuredText assigns them)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    styles: list[str] = []
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        nxt = lines[i + 1].rstrip() if i + 1 < len(lines) else ""
        m = _UNDERLINE.match(nxt)
        if line.strip() and not _UNDERLINE.match(line) and m and len(nxt) >= len(line.strip()):
            if m.group(1) not in styles:
                styles.append(m.group(1))
            blocks.append(Block(text=clean_inline(line), kind="heading", level=min(styles.index(m.group(1)) + 1, 6)))
            i += 2
            continue
        if not _UNDERLINE.match(line):
            blocks.append(Block(text=clean_inline(line), kind="line"))
        i += 1
    return blocks
