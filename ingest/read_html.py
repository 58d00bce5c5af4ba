"""HTML (.html, .htm) to blocks by one walk over the DOM.

Headings (h1-h6), list items with the number a browser shows (`<ol start= type=>`, `<li
value=>`), table rows with their cells, bold run-in headings and element ids all survive, so
the segmenter can read the page's own structure instead of guessing from flattened text.

The walk is a single pass over lxml's `iterwalk` events with O(1) work per event, so reading
is linear in the page size whatever the nesting (the old BeautifulSoup renderer inserted
strings around every block, which was quadratic). libxml2 stops building the tree at 2048
levels of nesting; a page nested deeper than that is refused with a clear error rather than
silently cut short.

ModernGov "Agenda and minutes" pages keep their items in `table.mgItemTable` rows (number
cell, title, "Minutes:" label, minutes text). Those rows are layout, not data, so they are
walked as paragraphs (the number cell becomes its own block, `source` "mgItemNumberCell"),
and the page furniture after the last items table is dropped.

A site wraps the minutes in its chrome (menus, sidebars, footers), which would otherwise become
items and push the header out of reach, so the walk starts at the page's main content
(`_root`), and the page's `<title>` is kept as a leading `front-matter` block, as Markdown
front matter is; the banner logo's alt text (`_banner_name`) likewise, as `publisher:`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .blocks import Block
from .errors import IngestError
from .read_common import Budget, bold_facts, clean_inline

_SKIP = ("script", "style", "noscript", "template", "iframe", "object", "svg", "head", "title", "math", "select",
         "button")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote", "pre", "dd",
    "dt", "dl", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr",
    "form", "fieldset", "address", "figure", "figcaption", "center", "details", "summary", "body", "html",
    *_HEADINGS,
}
_BOLD = {"b", "strong"}
_ITALIC = {"i", "em"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_UNDERLINE_STYLE = re.compile(r"text-decoration(?:-line)?\s*:[^;]*underline", re.I)
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}


def format_counter(n: int, style: str) -> str:
    """A list counter as rendered: decimal, lower/upper alpha (a..z, aa..), lower/upper roman."""
    if style in ("lower-alpha", "lower-latin", "upper-alpha", "upper-latin") and n > 0:
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if style.startswith("upper") else s
    if style in ("lower-roman", "upper-roman") and 0 < n < 4000:
        s = roman(n)
        return s if style == "upper-roman" else s.lower()
    return str(n)


def roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


@dataclass
class _Ctx:
    """Inherited state of one open block element (copied from the parent on push: O(1))."""

    tag: str
    heading: int = 0
    pre: bool = False
    depth: int = 0  # list nesting
    li: "_Li | None" = None  # the list item this element is inside
    ol: "_List | None" = None  # the list this element opens (ol/ul only)
    row: "_Row | None" = None  # set inside a data table row
    cell: list | None = None  # pieces of the table cell being collected
    source: str = ""
    table: int = 0  # index of the innermost open table


@dataclass
class _List:
    ordered: bool
    style: str
    next: int
    step: int = 1  # -1 for <ol reversed>


@dataclass
class _Li:
    label: str | None
    number: str | None
    depth: int
    used: bool = False  # the label goes on the first block of the item only


@dataclass
class _Row:
    table: int
    cells: list[str] = field(default_factory=list)
    header: bool = True
    bold: bool = True


class _Walker:
    def __init__(self, budget: Budget | None):
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, bool, bool, bool]] = []  # (text, bold, italic, underline) since the last flush
        self.bold = 0
        self.italic = 0
        self.underline = 0
        self.anchor: str | None = None
        self.anchor_inline = False
        self.tables = 0
        self.budget = budget
        self.events = 0

    # --- text collection -------------------------------------------------------------------

    def text(self, ctx: _Ctx, s: str | None) -> None:
        if not s:
            return
        if ctx.row is not None:
            if ctx.cell is not None:
                ctx.cell.append((s, self.bold > 0))
            return
        self.pieces.append((s, self.bold > 0, self.italic > 0, self.underline > 0))

    def flush(self, ctx: _Ctx) -> None:
        """The inline text collected since the last block boundary becomes one block (or one
        per line inside <pre>)."""
        pieces, self.pieces = self.pieces, []
        if not pieces or ctx.row is not None:
            return
        if ctx.pre:
            raw = "".join(p[0] for p in pieces)
            for line in raw.split("\n"):
                line = clean_inline(line)
                if line:
                    self._emit(ctx, line, [(line, False, False, False)])
            return
        text = clean_inline("".join(p[0] for p in pieces))
        if text:
            self._emit(ctx, text, pieces)

    def _emit(self, ctx: _Ctx, text: str, pieces: list[tuple[str, bool, bool, bool]]) -> None:
        if ctx.tag == "dd" and self.blocks and self.blocks[-1].source == "dt" and _field_pair(self.blocks[-1].text, text):
            # a definition list of meeting details ("Chair" / "Gautier"): one "Chair: Gautier"
            # field line, as printed minutes write it, so the label stays with its value
            last = self.blocks[-1]
            last.text, last.source = f"{last.text.rstrip(' :')}: {text}", "dl"
            return
        visible = [p for p in pieces if p[0].strip()]
        bold, bold_prefix = bold_facts([(p[0], p[1]) for p in pieces])
        italic = bool(visible) and all(p[2] for p in visible)
        underline = bool(visible) and all(p[3] for p in visible)
        block = Block(text=text, bold=bold, italic=italic, underline=underline, anchor=self.anchor, source=ctx.source,
                      indent=float(ctx.depth), list_depth=max(ctx.depth - 1, 0), bold_prefix=bold_prefix)
        self.anchor, self.anchor_inline = None, False
        if ctx.li is not None and not ctx.li.used:
            block.kind = "list_item"
            block.list_label, block.list_number = ctx.li.label, ctx.li.number
            ctx.li.used = True
        if ctx.heading:
            block.kind, block.level = "heading", ctx.heading
        self.blocks.append(block)
        if self.budget is not None and len(self.blocks) % 2000 == 0:
            self.budget.check(len(self.blocks))

    # --- elements ---------------------------------------------------------------------------

    def open(self, parent: _Ctx, el) -> _Ctx:
        if not isinstance(el.tag, str):
            return parent  # a comment or processing instruction left in the tree
        tag = el.tag.lower()
        if tag in _BOLD or (tag in ("span", "font", "p", "div", "td") and _BOLD_STYLE.search(el.get("style") or "")):
            self.bold += 1
        if tag in _ITALIC:
            self.italic += 1
        if tag == "u" or _UNDERLINE_STYLE.search(el.get("style") or ""):
            self.underline += 1
        if tag == "br":
            if parent.row is not None:
                if parent.cell is not None:
                    parent.cell.append(("\n", self.bold > 0))
            else:
                self.flush(parent)
            return parent
        if tag not in _BLOCK:
            self._note_anchor(el)
            return parent
        if parent.row is not None:  # block elements inside a data cell only separate words
            ctx = _Ctx(tag, parent.heading, parent.pre, parent.depth, parent.li, None, parent.row, parent.cell,
                       parent.source, parent.table)
            if tag in ("td", "th"):
                ctx.cell = []
                ctx.row.header = ctx.row.header and tag == "th"
            elif ctx.cell is not None:
                ctx.cell.append(("\n", self.bold > 0))
            return ctx
        self.flush(parent)
        self._note_anchor(el, block=True)
        ctx = _Ctx(tag, parent.heading, parent.pre, parent.depth, parent.li, None, None, None, parent.source,
                   parent.table)
        # ModernGov classes name what a block is (mgItemNumberCell, mgAiTitleTxt, mgWordPara);
        # a plain element inside one inherits its class.
        classes = [c for c in (el.get("class") or "").split() if c.startswith("mg")]
        inherited = parent.source.split(".", 1)[1] if "." in parent.source else ""
        ctx.source = tag + ("." + classes[0] if classes else ("." + inherited if inherited else ""))
        if tag in _HEADINGS:
            ctx.heading = _HEADINGS[tag]
        elif tag == "pre":
            ctx.pre = True
        elif tag in ("ol", "ul"):
            ctx.ol = _list_of(el, tag)
            ctx.depth = parent.depth + 1
        elif tag == "li":
            ctx.li = self._list_item(parent, el)
        elif tag == "table":
            ctx.table = self.tables
            self.tables += 1
        elif tag == "tr" and _is_data_row(el):
            ctx.row = _Row(table=ctx.table)
        return ctx

    def close(self, ctx: _Ctx, parent: _Ctx, el) -> None:
        if not isinstance(el.tag, str):
            return
        tag = el.tag.lower()
        if tag in _BOLD or (tag in ("span", "font", "p", "div", "td") and _BOLD_STYLE.search(el.get("style") or "")):
            self.bold -= 1
        if tag in _ITALIC:
            self.italic -= 1
        if tag == "u" or _UNDERLINE_STYLE.search(el.get("style") or ""):
            self.underline -= 1
        if ctx is parent:
            return
        if ctx.row is not None and parent.row is None:  # the data row ends
            row = ctx.row
            cells = [cell_text(c) for c in row.cells]
            if any(cells):
                text = " | ".join(c.replace("\n", " ") for c in cells if c)
                self.blocks.append(Block(text=text, kind="table_row", cells=cells, table=row.table,
                                         bold=row.header or row.bold, anchor=self.anchor,
                                         source="th" if row.header else "tr", indent=float(ctx.depth)))
                self.anchor, self.anchor_inline = None, False
            return
        if ctx.row is not None:
            if tag in ("td", "th") and ctx.cell is not None:
                text = "".join(p[0] for p in ctx.cell)
                if text.strip():
                    bolds = [p[1] for p in ctx.cell if p[0].strip()]
                    ctx.row.bold = ctx.row.bold and all(bolds)
                ctx.row.cells.append(text)
            elif parent.cell is not None:
                parent.cell.append(("\n", self.bold > 0))
            return
        self.flush(ctx)

    def _note_anchor(self, el, block: bool = False) -> None:
        """The id a citation can link to: the block's own id, else an inline anchor (`<a
        name=...>`) just before or inside it. An enclosing container's id is not the block's."""
        ident = el.get("id") or (el.get("name") if el.tag == "a" else None)
        if block:
            if ident or not self.anchor_inline:
                self.anchor, self.anchor_inline = ident, False
        elif ident and self.anchor is None:
            self.anchor, self.anchor_inline = ident, True

    def _list_item(self, parent: _Ctx, el) -> _Li:
        lst = parent.ol
        if lst is None or not lst.ordered:
            return _Li(None, None, parent.depth)
        value = el.get("value")
        if value and value.strip().lstrip("-").isdigit():
            lst.next = int(value)
        n = lst.next
        lst.next += lst.step
        style = _style_of(el) or lst.style
        number = format_counter(n, style)
        return _Li(number + ".", number, parent.depth)


def _field_pair(term: str, value: str) -> bool:
    """A `<dt>` label and its `<dd>` value that read as one field ("Present" / "Ann, Bob"): the
    label a few capitalised words with no number, the value short and not prose. A definition
    list of agenda items ("1. Apologies" / "Apologies were received from ...") stays apart."""
    from .header_region import is_sentence

    words = term.rstrip(" :").split()
    return 1 <= len(words) <= 3 and term[:1].isupper() and not re.search(r"\d", term) and not term.endswith(".") \
        and len(value) <= 300 and not is_sentence(value)


def cell_text(raw: str) -> str:
    """A table cell's text: inline whitespace collapsed, its paragraphs kept on their own lines."""
    return "\n".join(t for t in (clean_inline(line) for line in raw.split("\n")) if t)


def _style_of(el) -> str | None:
    t = el.get("type")
    if t in _TYPES:
        return _TYPES[t]
    m = _LIST_STYLE.search(el.get("style") or "")
    return m.group(1).lower() if m else None


def _list_of(el, tag: str) -> _List:
    start = (el.get("start") or "").strip()
    first = int(start) if start.lstrip("-").isdigit() else 1
    if el.get("reversed") is not None:
        first = first if start else sum(1 for c in el if getattr(c, "tag", None) == "li")
        return _List(tag == "ol", _style_of(el) or "decimal", first, -1)
    return _List(tag == "ol", _style_of(el) or "decimal", first)


_ROW_LAYOUT = {"table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}


def _is_data_row(tr) -> bool:
    """A row whose cells hold short values (data), not paragraphs, lists or tables (layout)."""
    cells = 0
    paras = 0
    for el in tr.iterdescendants():
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if "mgItemNumberCell" in (el.get("class") or ""):
            return False  # ModernGov item rows: number cell, then the item's whole minutes
        if tag in ("td", "th"):
            cells += 1
        elif tag in _ROW_LAYOUT:
            return False
        elif tag in ("p", "div", "br", "li"):
            paras += 1
            if paras > 3 + 2 * cells:
                return False
        elif tag == "tr":
            return False
    return cells > 0


def _root(doc):
    """Where the minutes are on the page: a ModernGov content container, else the one element
    the page marks as its main content (`<main>`, `role="main"`, a single `<article>`) when it
    holds at least half the page's text, else the body with its chrome pruned (`_prune_chrome`).
    Site navigation, sidebars and footers outside the content are neither items nor header."""
    for xp in ('//*[@id="modgov"]', '//div[contains(concat(" ", normalize-space(@class), " "), " mgContent ")]'):
        found = doc.xpath(xp)
        if found:
            return found[0]
    body = doc.find("body")
    body = body if body is not None else doc
    total = None
    for xp in ("//main", '//*[@role="main"]', "//article"):
        found = doc.xpath(xp)
        if len(found) == 1:
            total = total if total is not None else _text_size(body)
            if total and _text_size(found[0]) >= 0.5 * total and not _title_outside(found[0], body):
                return found[0]
    _prune_chrome(body)
    return body


def _title_outside(main, body) -> bool:
    """The minutes' own title heading (`<h1>`) stands before the main element, in the page's
    `<header>` with the date and attendance beside it (a scribe tool's minutes): the main element
    is then only the discussion, and the page's header is the minutes' header. A page whose
    `<h1>` is inside its main content, or has none, or whose text outside the main element
    states no date (a site banner), keeps the main element."""
    if main.xpath(".//h1"):
        return False
    for h1 in body.xpath(".//h1"):
        if h1.xpath("ancestor::footer | ancestor::nav | ancestor::aside"):
            continue
        if main not in h1.xpath("following::*"):
            return False
        # the header outside dates the meeting (a site banner's <h1> above the minutes does not)
        from .header_dates import find_dates
        outside = [t for t in body.xpath(".//text()") if not any(a is main for a in t.getparent().iterancestors())
                   and t.getparent() is not main]
        return bool(find_dates(" ".join(outside)))
    return False


def _text_size(el) -> int:
    """Characters of text, not counting whitespace (indentation would weigh a deep page)."""
    text = el.text_content() or ""
    return len(text) - sum(text.count(c) for c in " \n\t\r")


_CHROME_TAGS = {"ul", "ol", "menu", "dl", "div", "section", "header", "footer", "p", "span", "form"}


def _prune_chrome(body) -> None:
    """Drop link lists and link-only boxes (site menus, "Using python for" sidebars, login
    bars): an element with at least 3 links whose text is at least 70% link text and which has
    under 100 characters of its own; and a box left holding only a caption once its link list is
    dropped. Minutes are prose, tables and numbered lists; a menu is links. One bottom-up pass
    (children before parents), so the work is linear in the page."""
    stats: dict = {}  # element -> (text length, link text length, links, holds chrome) outside chrome
    chrome = []
    for el in reversed(list(body.iter())):
        if not isinstance(el.tag, str):
            continue
        text = len((el.text or "").strip())
        link = links = 0
        holds = False
        for child in el:
            t, lk, n, h = stats.get(child, (0, 0, 0, False))
            text += t + len((child.tail or "").strip())
            link += lk
            links += n
            holds = holds or h
        if el.tag == "a" and el.get("href") is not None:
            link, links = text, links + 1
        if el.tag in _CHROME_TAGS and (
                (links >= 3 and text and link >= 0.7 * text and text - link < 100)
                or (holds and text <= 40 and not _numbered_caption(el)) or _named_chrome(el)):
            chrome.append(el)
            stats[el] = (0, 0, 0, True)  # its parent is judged on what is left
            continue
        stats[el] = (text, link, links, holds and el.tag not in _CHROME_TAGS)
    # a page-level footer (not a section's or an article's own) is the site's: copyright, links
    chrome.extend(el for el in body.xpath('.//footer | .//*[@role="contentinfo"]')
                  if not any(a.tag in ("article", "section", "main") for a in el.iterancestors()))
    dropped = set()
    for el in reversed(chrome):  # outermost first (reverse of post-order)
        if any(a in dropped for a in el.iterancestors()):
            continue
        if el.getparent() is not None:
            dropped.add(el)
            el.drop_tree()


_CHROME_NAMES = {"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "sidebar", "footer",
                 "cookie", "cookies", "skiplink", "skip"}
_CONTENT_NAMES = {"content", "main", "article", "body", "minutes", "post", "entry", "text", "page"}


def _named_chrome(el) -> bool:
    """id/class naming site furniture (`id="menu"`, `class="site-footer"`, "breadcrumbs"),
    and nothing naming content ("menu-content" is kept)."""
    names = f"{el.get('id') or ''} {el.get('class') or ''}"
    if not names.strip():
        return False
    tokens = set(re.split(r"[-_\s]+", names.lower()))
    return bool(tokens & _CHROME_NAMES) and not tokens & _CONTENT_NAMES


def _numbered_caption(el) -> bool:
    """A box captioned "5. Budget" is an agenda item with its papers, not a sidebar."""
    for child in el.iter(*_HEADINGS, "p", "strong", "b"):
        return bool(re.match(r"^\s*(?:\(?\d+[.)]?|[IVX]+\.)\s", child.text_content() or ""))
    return False


_SSI_TITLE = re.compile(r"<!--#set\s+var=[\"']title[\"']\s+value=[\"'](?P<t>[^\"']+)[\"']", re.I)


def _page_title(doc, html: str) -> str | None:
    """The page's own title (`<title>`, or a server-side include's `<!--#set var="title" ...-->`):
    where a site names the minutes it shows ("SRCF Meeting Minutes - 28/07/2020")."""
    el = doc.find(".//title")
    text = clean_inline(el.text_content()) if el is not None else ""
    if not text:
        m = _SSI_TITLE.search(html[:5000])
        text = clean_inline(m.group("t")) if m else ""
    return text or None


_LOGO_WORDS = re.compile(r"\b(?:logo(?:type)?|home\s*page|homepage|home|link\s+to|go\s+to|return\s+to|back\s+to|"
                         r"click\s+(?:here\s+)?to|visit|website|web\s+site|site|image|banner|icon)\b|\([^)]*\)", re.I)


def _banner_name(doc) -> str | None:
    """The organisation a page's banner logo names: the alt text of a linked image in the page's
    `<header>` (or `role="banner"`) that stands before the page's first `<h1>` ("W3C" above
    "Publishing CG plenary"). A site prints its owner's logo above every page, so it is a
    letterhead: weak evidence, used only when the minutes name no organisation themselves.
    Words that describe the image rather than name anyone ("logo", "home page") are dropped;
    an alt text that is then empty, long, or lower-case prose names nobody."""
    h1 = doc.xpath("(//h1)[1]")
    for img in doc.xpath('(//header | //*[@role="banner"])//a//img[@alt]'):
        if h1 and img not in h1[0].xpath("preceding::img | .//img"):
            continue  # a logo after the title heading is a partner's or a sponsor's
        alt = re.sub(r"\s+", " ", _LOGO_WORDS.sub(" ", img.get("alt") or "")).strip(" -–—|:,.'\"")
        words = alt.split()
        if 1 <= len(words) <= 6 and alt[:1].isupper() and any(c.isalpha() for c in alt) \
                and sum(w[:1].isupper() for w in words) * 2 >= len(words):
            return alt
    return _site_owner(doc)


# "Official Website for the Countryman Creek Ranch Homeowners Association": a page description
# that says whose site it is
_OWNER_DESCRIPTION = re.compile(r"^(?:the\s+)?official\s+(?:web\s*site|site|home\s*page|page)\s+(?:for|of)\s+(?:the\s+)?"
                                r"(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:of|and|the|for|[A-Z][\w'’&.-]*)){0,8})\s*\.?$", re.I)


def _site_owner(doc) -> str | None:
    """The organisation the page's metadata says owns the site: `og:site_name`, or a
    description "Official website of X". As weak as a banner logo (a letterhead), and read
    only when the page has no logo naming its owner."""
    for content in doc.xpath('//meta[@property="og:site_name"]/@content'):
        name = re.sub(r"\s+", " ", content).strip()
        if 1 <= len(name.split()) <= 8 and name[:1].isupper():
            return name
    for content in doc.xpath('//meta[@name="description"]/@content'):
        m = _OWNER_DESCRIPTION.match(re.sub(r"\s+", " ", content).strip())
        if m:
            return m.group("name")
    return None


def html_blocks(html: str, path: Path | None = None, budget: Budget | None = None) -> list[Block]:
    """Blocks of an HTML page (see the module docstring)."""
    import lxml.html
    from lxml import etree

    path = path or Path("page.html")
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        return []
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        doc = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        if "empty" in str(exc).lower():
            return []
        raise IngestError(path, f"HTML could not be parsed ({exc})", "open it in a browser and save it again") from None
    if any("Excessive depth" in err.message for err in parser.error_log):
        # libxml2 stops building the tree at 2,048 levels (pages full of unclosed <font>, <b>
        # or <div> tags); read the tag stream instead, which has no depth limit.
        return stream_blocks(html, budget)
    title = _page_title(doc, html)
    publisher = _banner_name(doc)
    for el in list(doc.iter(*_SKIP)):
        el.drop_tree()  # keeps the tail text
    # Site navigation, sidebars and hidden or screen-reader-only elements are not part of the
    # minutes a reader sees.
    for el in doc.xpath('//nav | //aside | //*[@role="navigation"] | //*[@hidden] | //*[@aria-hidden="true"]'
                        ' | //*[contains(translate(@style, " ", ""), "display:none")]'
                        ' | //*[contains(concat(" ", normalize-space(@class), " "), " sr-only ")]'
                        ' | //*[contains(concat(" ", normalize-space(@class), " "), " visually-hidden ")]'
                        # permalink markers generators add to headings ("# CALL TO ORDER", "Report¶")
                        ' | //a[starts-with(@href, "#") and normalize-space(.)="#"]'
                        ' | //a[normalize-space(.)="¶" or normalize-space(.)="§"]'):
        if el.getparent() is not None:
            el.drop_tree()
    root = _root(doc)
    items_tables = root.xpath('.//table[contains(concat(" ", normalize-space(@class), " "), " mgItemTable ")]')
    stop_after = items_tables[-1] if items_tables else None

    walker = _Walker(budget)
    if title:
        # kept like a Markdown page's front matter: the header reader weighs it as the page's title
        walker.blocks.append(Block(text=f"title: {title}", kind="line", source="front-matter"))
    if publisher:
        # the banner logo's name, kept beside the title for the header reader (`_banner_name`)
        walker.blocks.append(Block(text=f"publisher: {publisher}", kind="line", source="front-matter"))
    top = _Ctx("root", source="")
    stack: list[_Ctx] = [top]
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, el in walk:
        if event == "start":
            ctx = walker.open(stack[-1], el) if el is not root else top
            stack.append(ctx)
            if isinstance(el.tag, str):
                walker.text(ctx, el.text)
            continue
        ctx = stack.pop()
        if el is root:
            walker.flush(top)
            break
        parent = stack[-1]
        walker.close(ctx, parent, el)
        if el is stop_after:
            walker.flush(parent)
            break  # ModernGov page furniture after the items is not minutes
        walker.text(parent, el.tail)
        walker.events += 1
        if budget is not None and walker.events % 5000 == 0:
            budget.check(len(walker.blocks))
    return walker.blocks


# --- deep pages: the tag stream ------------------------------------------------------------

_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr"}
_HIDDEN = set(_SKIP) | {"nav", "aside"}


class _StreamEl:
    """The little of an element `_Walker` asks about, from a start tag's attributes."""

    def __init__(self, tag: str, attrs: list[tuple[str, str | None]]):
        self.tag = tag
        self.attrs = {k.lower(): (v if v is not None else "") for k, v in attrs}

    def get(self, key: str, default=None):
        return self.attrs.get(key, default)

    def iterdescendants(self):
        return iter(())  # unknown ahead of time: tables are read as layout

    def __iter__(self):
        return iter(())


def stream_blocks(html: str, budget: Budget | None = None) -> list[Block]:
    """Blocks from the HTML tag stream (stdlib `html.parser`), for pages nested deeper than
    libxml2 builds. Implied end tags are approximated (a new <p>, <li>, <tr>, <td> closes an
    open one; an end tag closes everything opened inside it); work per tag is O(1) amortised."""
    from html.parser import HTMLParser

    walker = _Walker(budget)
    top = _Ctx("root")
    stack: list[tuple[str, _StreamEl | None, _Ctx]] = [("root", None, top)]
    open_count: dict[str, int] = {}
    hidden = [0]

    def close_top() -> None:
        tag, el, ctx = stack.pop()
        open_count[tag] -= 1
        walker.close(ctx, stack[-1][2], el)

    def close_to(tag: str) -> None:
        while open_count.get(tag, 0) > 0 and len(stack) > 1:
            done = stack[-1][0] == tag
            close_top()
            if done:
                break

    class _P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tag = tag.lower()
            if hidden[0] or tag in _HIDDEN:
                if tag in _HIDDEN and tag not in _VOID:
                    hidden[0] += 1
                return
            if tag in ("li", "dt", "dd") and open_count.get(tag, 0) and not any(
                    t in ("ol", "ul", "dl") for t, _, _ in stack[-1:]):
                close_to(tag)
            elif tag in ("tr", "td", "th") and open_count.get(tag, 0):
                # close an open row/cell of the innermost table only (a bounded look up the
                # stack keeps this O(1) per tag)
                for t, _, _ in reversed(stack[-50:]):
                    if t == "table":
                        break
                    if t == tag or t in ("td", "th"):  # a new row or cell ends the open cell
                        close_to("tr" if tag == "tr" else t)
                        break
            elif tag in _BLOCK and stack[-1][0] == "p":
                close_top()
            el = _StreamEl(tag, attrs)
            ctx = walker.open(stack[-1][2], el)
            if tag in _VOID:
                walker.close(ctx, stack[-1][2], el)
                return
            stack.append((tag, el, ctx))
            open_count[tag] = open_count.get(tag, 0) + 1
            walker.events += 1
            if budget is not None and walker.events % 5000 == 0:
                budget.check(len(walker.blocks))

        def handle_endtag(self, tag):
            tag = tag.lower()
            if hidden[0]:
                if tag in _HIDDEN:
                    hidden[0] -= 1
                return
            if tag == "br":
                walker.flush(stack[-1][2])
                return
            close_to(tag)

        def handle_data(self, data):
            if not hidden[0]:
                walker.text(stack[-1][2], data)

    parser = _P(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    while len(stack) > 1:
        close_top()
    walker.flush(top)
    return walker.blocks
