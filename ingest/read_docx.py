"""DOCX to blocks: paragraphs with heading levels, Word's automatic numbering, typography and
tables, in document order.

Word stores list numbers nowhere in the text: a paragraph carries `w:numPr` (numId, ilvl),
directly or through its style, and numbering.xml says how each level is counted and shown
(`w:numFmt`, `w:lvlText` such as "%1." or "%1.%2", `w:start`, overrides). `Numbering`
replays Word's counters in document order so each block gets the label a reader sees
("3.", "b)", "2.1"), which is often the only place an item number exists.

Paragraph text is read from the XML (runs inside tracked insertions included, deletions and
text boxes left out), because python-docx's `Paragraph.text` skips runs nested in `w:ins`.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .blocks import Block
from .errors import IngestError
from .read_common import Budget, bold_facts, clean_inline, strip_label
from .read_html import format_counter

# A DOCX whose document part inflates past this is a zip bomb or not minutes.
MAX_XML_BYTES = 200 * 1024 * 1024

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)\b", re.I)
_FORMATS = {
    "decimal": "decimal", "lowerLetter": "lower-alpha", "upperLetter": "upper-alpha",
    "lowerRoman": "lower-roman", "upperRoman": "upper-roman",
}
_TRUE = {None, "1", "true", "on"}
_TEXT_BOXES = etree.XPath(".//w:txbxContent[not(ancestor::mc:Fallback)]", namespaces={
    "w": W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"})


def _val(el, default=None):
    if el is None:
        return default
    return el.get(f"{_W}val", default)


def _int(el, default: int) -> int:
    v = _val(el)
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: reset after this (1-based) level; None = after any higher level
    legal: bool = False  # w:isLgl: show higher levels as decimal


@dataclass
class Numbering:
    """numbering.xml, and Word's counters replayed in document order."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document) -> "Numbering":
        self = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return self
        style_links: dict[str, str] = {}
        for an in root.findall(f"{_W}abstractNum"):
            aid = an.get(f"{_W}abstractNumId")
            levels: dict[int, _Level] = {}
            for lvl in an.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                restart = lvl.find(f"{_W}lvlRestart")
                levels[ilvl] = _Level(
                    fmt=_val(lvl.find(f"{_W}numFmt"), "decimal"),
                    text=_val(lvl.find(f"{_W}lvlText"), ""),
                    start=_int(lvl.find(f"{_W}start"), 1),
                    restart=_int(restart, 0) if restart is not None else None,
                    legal=lvl.find(f"{_W}isLgl") is not None and _val(lvl.find(f"{_W}isLgl")) in _TRUE,
                )
            self.abstract[aid] = levels
            link = an.find(f"{_W}numStyleLink")
            if link is not None and not levels:
                style_links[aid] = _val(link)
        for num in root.findall(f"{_W}num"):
            nid = num.get(f"{_W}numId")
            self.nums[nid] = _val(num.find(f"{_W}abstractNumId"))
            for ov in num.findall(f"{_W}lvlOverride"):
                ilvl = int(ov.get(f"{_W}ilvl", "0"))
                so = ov.find(f"{_W}startOverride")
                if so is not None:
                    self.overrides.setdefault(nid, {})[ilvl] = _int(so, 1)
                lvl = ov.find(f"{_W}lvl")
                if lvl is not None and so is None:
                    self.overrides.setdefault(nid, {})[ilvl] = _int(lvl.find(f"{_W}start"), 1)
        # numStyleLink: an abstractNum that only points at a numbering style takes that style's levels.
        if style_links:
            for aid, style_id in style_links.items():
                target = _style_num_id(document, style_id)
                if target and self.nums.get(target) in self.abstract:
                    self.abstract[aid] = self.abstract[self.nums[target]]
        return self

    def label(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """Advance the counters for a paragraph numbered (num_id, ilvl); return the label Word
        shows (None for bullets and "none") and whether the level is a bullet."""
        aid = self.nums.get(num_id)
        levels = self.abstract.get(aid or "")
        if not levels:
            return None, False
        lvl = levels.get(ilvl) or _Level()
        # Lists that share an abstract definition without restarting it continue one another's
        # numbering in Word; a startOverride makes a fresh list.
        key = f"n{num_id}" if num_id in self.overrides else f"a{aid}"
        counters = self.counters.setdefault(key, {})
        start = self.overrides.get(num_id, {}).get(ilvl, lvl.start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            # w:lvlRestart N (1-based): restart after a level up to N is used; 0: never restart.
            restart = (levels.get(deeper) or _Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if lvl.fmt == "bullet":
            return None, True
        if lvl.fmt == "none" or not lvl.text:
            return None, False

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            kl = levels.get(k) or _Level()
            n = counters.get(k, self.overrides.get(num_id, {}).get(k, kl.start))
            fmt = "decimal" if (lvl.legal and k < ilvl) else kl.fmt
            if fmt == "decimalZero":
                return f"{n:02d}"
            return format_counter(n, _FORMATS.get(fmt, "decimal"))

        return re.sub(r"%([1-9])", sub, lvl.text).strip() or None, False


def _style_num_id(document, style_id: str) -> str | None:
    try:
        style = document.styles.element.get_by_id(style_id)
    except Exception:
        return None
    num = style.find(f"{_W}pPr/{_W}numPr/{_W}numId") if style is not None else None
    return _val(num)


@dataclass
class _Styles:
    """Paragraph-style facts resolved through `w:basedOn` once per style."""

    document: object
    cache: dict[str, dict] = field(default_factory=dict)

    def facts(self, style) -> dict:
        if style is None:
            return {}
        sid = style.style_id
        if sid in self.cache:
            return self.cache[sid]
        facts: dict = {"name": style.name or "", "bold": None, "size": None, "num": None, "outline": None,
                       "underline": None}
        seen = set()
        s = style
        while s is not None and s.style_id not in seen:
            seen.add(s.style_id)
            if facts["bold"] is None and s.font.bold is not None:
                facts["bold"] = s.font.bold
            if facts["size"] is None and s.font.size is not None:
                facts["size"] = s.font.size.pt
            if facts["underline"] is None and s.font.underline is not None:
                facts["underline"] = bool(s.font.underline)
            ppr = s.element.pPr
            if ppr is not None:
                if facts["num"] is None and ppr.numPr is not None:
                    num = ppr.numPr.numId
                    facts["num"] = (str(num.val) if num is not None else None,
                                    ppr.numPr.ilvl.val if ppr.numPr.ilvl is not None else 0)
                ol = ppr.find(f"{_W}outlineLvl")
                if facts["outline"] is None and ol is not None:
                    facts["outline"] = _int(ol, 9)
            s = s.base_style
        self.cache[sid] = facts
        return facts


def _default_size(document) -> float | None:
    try:
        sz = document.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}sz")
    except Exception:
        return None
    return _int(sz, 0) / 2 or None


def _runs(p):
    """The visible runs of a paragraph element, in order: tracked insertions in, deletions,
    moved-from text and text boxes out."""
    return p.xpath("./w:r | ./*[not(self::w:del) and not(self::w:moveFrom)]//w:r"
                   "[not(ancestor::w:del) and not(ancestor::w:txbxContent) and not(ancestor::w:moveFrom)]",
                   ) if hasattr(p, "xpath") else []


_LAYOUT_PARAGRAPHS = 12


def _is_layout_cell(tc) -> bool:
    """A cell holding a nested table or more than `_LAYOUT_PARAGRAPHS` paragraphs of text is
    page layout (minutes set inside a table), not a data value."""
    if tc.find(f".//{_W}tbl") is not None:
        return True
    texts = sum(1 for p in tc.iter(f"{_W}p") if p.find(f".//{_W}t") is not None)
    return texts > _LAYOUT_PARAGRAPHS


def _bookmark(p) -> str | None:
    """The paragraph's bookmark name (Word's own "_GoBack" cursor mark aside): what a link or
    table of contents in the document points at."""
    for bm in p.iter(f"{_W}bookmarkStart"):
        name = bm.get(f"{_W}name")
        if name and name != "_GoBack":
            return name
    return None


def _run_text(r) -> str:
    out: list[str] = []
    for child in r:
        tag = child.tag
        if tag == f"{_W}t":
            out.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            out.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
    return "".join(out)


def _on(el) -> bool | None:
    if el is None:
        return None
    return _val(el) in _TRUE


class _Reader:
    def __init__(self, document, budget: Budget | None):
        from docx.text.run import Run

        self.Run = Run
        self.document = document
        self.numbering = Numbering.from_document(document)
        self.styles = _Styles(document)
        self.default_size = _default_size(document)
        self.blocks: list[Block] = []
        self.tables = 0
        self.budget = budget
        self.char_styles: dict[str, tuple[bool | None, float | None]] = {}

    # --- paragraphs ---------------------------------------------------------------------------

    def paragraph(self, para) -> tuple[str, dict]:
        """Text and facts (style, heading level, label, bold, size, indent) of one paragraph."""
        p = para._p
        try:
            style = para.style
        except Exception:
            style = None
        facts = self.styles.facts(style)
        pieces: list[tuple[str, bool, float | None]] = []
        for r in _runs(p):
            text = _run_text(r)
            if not text:
                continue
            rpr = r.rPr
            bold = _on(rpr.find(f"{_W}b")) if rpr is not None else None
            size = _int(rpr.find(f"{_W}sz"), 0) / 2 if rpr is not None and rpr.find(f"{_W}sz") is not None else None
            if (bold is None or size is None) and rpr is not None and rpr.find(f"{_W}rStyle") is not None:
                cb, cs = self._char_style(_val(rpr.find(f"{_W}rStyle")))
                bold = cb if bold is None else bold
                size = cs if size is None else size
            if bold is None:
                bold = bool(facts.get("bold"))
            if size is None:
                size = facts.get("size") or self.default_size
            u = rpr.find(f"{_W}u") if rpr is not None else None
            underline = _val(u, "single") not in ("none", "0", "false") if u is not None else bool(facts.get("underline"))
            pieces.append((text, bool(bold), size, underline))
        text = "".join(x[0] for x in pieces)
        visible = [x for x in pieces if x[0].strip()]
        bold, bold_prefix = bold_facts([(x[0], x[1]) for x in pieces])
        info: dict = {"style": facts.get("name", ""), "bold": bold, "bold_prefix": bold_prefix,
                      "underline": bool(visible) and all(x[3] for x in visible)}
        sizes = [x[2] for x in visible if x[2]]
        info["size"] = max(set(sizes), key=lambda s: sum(len(x[0]) for x in visible if x[2] == s)) if sizes else None
        m = _HEADING_STYLE.match(info["style"])
        outline = None
        ppr = p.pPr
        if ppr is not None and ppr.find(f"{_W}outlineLvl") is not None:
            outline = _int(ppr.find(f"{_W}outlineLvl"), 9)
        elif facts.get("outline") is not None:
            outline = facts["outline"]
        if m:
            info["level"] = max(1, min(int(m.group(1)), 6))
        elif info["style"].lower() == "title":
            info["level"] = 1
        elif outline is not None and outline < 9:
            info["level"] = min(outline + 1, 6)
        # numbering: direct w:numPr wins over the style's
        num = None
        if ppr is not None and ppr.numPr is not None:
            nid = ppr.numPr.numId
            ilvl = ppr.numPr.ilvl
            style_num = facts.get("num")
            num = (str(nid.val) if nid is not None else (style_num[0] if style_num else None),
                   ilvl.val if ilvl is not None else (style_num[1] if style_num else 0))
        elif facts.get("num"):
            num = facts["num"]
        if num and num[0] not in (None, "0"):  # Word counts (and shows) empty numbered paragraphs too
            label, bullet = self.numbering.label(num[0], int(num[1] or 0))
            info["list"] = True
            info["ilvl"] = int(num[1] or 0)
            if label:
                info["label"] = label
        ind = ppr.find(f"{_W}ind") if ppr is not None else None
        if ind is not None:
            left = ind.get(f"{_W}left") or ind.get(f"{_W}start")
            try:
                info["indent"] = int(left) / 20 if left else 0.0  # twentieths of a point
            except ValueError:
                pass
        return text, info

    def _char_style(self, style_id: str | None) -> tuple[bool | None, float | None]:
        if not style_id:
            return None, None
        if style_id not in self.char_styles:
            bold = size = None
            try:
                s = self.document.styles.element.get_by_id(style_id)
                seen = set()
                while s is not None and s.styleId not in seen:
                    seen.add(s.styleId)
                    rpr = s.rPr
                    if rpr is not None:
                        if bold is None and rpr.find(f"{_W}b") is not None:
                            bold = _on(rpr.find(f"{_W}b"))
                        if size is None and rpr.find(f"{_W}sz") is not None:
                            size = _int(rpr.find(f"{_W}sz"), 0) / 2 or None
                    based = s.basedOn_val
                    s = self.document.styles.element.get_by_id(based) if based else None
            except Exception:
                pass
            self.char_styles[style_id] = (bold, size)
        return self.char_styles[style_id]

    def add_paragraph(self, para) -> None:
        self._add_paragraph(para)
        # Text boxes anchored in the paragraph (titles are often set in one) follow it. A box
        # written twice (DrawingML and its VML fallback) is read once.
        boxes = _TEXT_BOXES(para._p)
        if boxes:
            from docx.text.paragraph import Paragraph

            for box in boxes:
                for p in box.findall(f"{_W}p"):
                    self._add_paragraph(Paragraph(p, para._parent), source="text box")

    def _add_paragraph(self, para, source: str | None = None) -> None:
        text, info = self.paragraph(para)
        lines = [clean_inline(x) for x in text.split("\n")]
        lines = [x for x in lines if x]  # empty paragraphs are spacing, not content
        for k, line in enumerate(lines):
            b = Block(text=line, kind="para" if k == 0 else "line", bold=info["bold"], size=info.get("size"),
                      underline=info["underline"], indent=info.get("indent", 0.0),
                      bold_prefix=info.get("bold_prefix") if k == 0 else None, source=source or info["style"])
            if k == 0 and info.get("list"):
                b.kind = "list_item"
                b.list_depth = info["ilvl"]
                if info.get("label"):
                    b.list_label = info["label"]
                    b.list_number = strip_label(info["label"])
            if k == 0 and info.get("level"):
                b.kind, b.level = "heading", info["level"]
            if k == 0:
                b.anchor = _bookmark(para._p)
            self.blocks.append(b)

    # --- tables -----------------------------------------------------------------------------

    def add_table(self, table) -> None:
        """Each row a `table_row` block, in document order; a row whose cells hold whole
        passages (many paragraphs, or a nested table) is page layout, so its content is read
        as ordinary paragraphs with their own structure."""
        from docx.table import Table, _Cell

        index = self.tables
        self.tables += 1
        for tr in table._tbl.tr_lst:
            # the row's own cells as written (a merged cell appears once, unlike `row.cells`)
            row_cells = [_Cell(tc, table) for tc in tr.tc_lst]
            if any(_is_layout_cell(c._tc) for c in row_cells):
                for cell in row_cells:
                    for item in _content(cell._tc, cell):
                        if isinstance(item, Table):
                            self.add_table(item)
                        else:
                            self.add_paragraph(item)
                continue
            cells: list[str] = []
            bolds: list[bool] = []
            for cell in row_cells:
                ctext, cbold = self.cell(cell)
                cells.append(ctext)
                if ctext:
                    bolds.append(cbold)
            if not any(cells):
                continue
            self.blocks.append(Block(
                text=" | ".join(c.replace("\n", " ") for c in cells if c), kind="table_row", cells=cells,
                table=index, bold=bool(bolds) and all(bolds), source="table"))
            if self.budget is not None and len(self.blocks) % 500 == 0:
                self.budget.check(len(self.blocks))

    def cell(self, cell) -> tuple[str, bool]:
        """A data cell's paragraphs, each with its list label, one per line; and whether all of
        it is bold. (A cell with a nested table is layout, read by `add_table` instead.)"""
        from docx.text.paragraph import Paragraph

        lines: list[str] = []
        bold = True
        for item in _content(cell._tc, cell):
            if isinstance(item, Paragraph):
                text, info = self.paragraph(item)
                text = clean_inline(text)
                label = info.get("label")
                if text or label:  # a numbering column may hold nothing but Word's number
                    lines.append(f"{label} {text}".strip() if label else text)
                    bold = bold and (info["bold"] or not text)
        return "\n".join(lines), bold and bool(lines)

    def read(self) -> list[Block]:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for k, item in enumerate(_content(self.document.element.body, self.document._body)):
            if isinstance(item, Paragraph):
                self.add_paragraph(item)
            elif isinstance(item, Table):
                self.add_table(item)
            if self.budget is not None and k % 500 == 0:
                self.budget.check(len(self.blocks))
        return self.blocks


def _content(element, parent):
    """Paragraphs and tables of a body or cell in document order, including those wrapped in
    content controls (`w:sdt`) and custom XML, which python-docx's `iter_inner_content` skips."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    stack = list(reversed(list(element)))
    while stack:
        child = stack.pop()
        tag = child.tag
        if tag == f"{_W}p":
            yield Paragraph(child, parent)
        elif tag == f"{_W}tbl":
            yield Table(child, parent)
        elif tag in (f"{_W}sdt", f"{_W}customXml"):
            inner = child.find(f"{_W}sdtContent") if tag == f"{_W}sdt" else child
            if inner is not None:
                stack.extend(reversed(list(inner)))


def docx_blocks(path: Path, data: bytes, budget: Budget | None = None) -> list[Block]:
    """Blocks of a Word document (see the module docstring); `IngestError` if it is not one."""
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = sum(i.file_size for i in z.infolist() if i.filename.startswith("word/"))
    except zipfile.BadZipFile:
        raise IngestError(path, "not a valid DOCX document (not a ZIP package)", "open and re-save it in Word") from None
    if total > MAX_XML_BYTES:
        raise IngestError(path, f"DOCX inflates to {total / 1024 / 1024:.0f} MB of XML (limit "
                          f"{MAX_XML_BYTES // 1024 // 1024} MB)", "split it into smaller documents")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        # KeyError: a ZIP without the package parts (e.g. a .zip renamed .docx); say so in words.
        why = {"BadZipFile": "not a ZIP package", "KeyError": "a ZIP archive without Word's document parts"}.get(
            type(exc).__name__, type(exc).__name__)
        raise IngestError(path, f"not a valid DOCX document ({why})", "open and re-save it in Word") from None
    except Exception as exc:  # python-docx surfaces lxml and package errors of many types
        raise IngestError(path, f"DOCX could not be read ({type(exc).__name__}: {exc})", "open and re-save it in Word") from None
    return _Reader(document, budget).read()
