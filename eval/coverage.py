"""Text coverage: does the parsed meeting keep every word of the document?

Answers can only quote what the parser stored, so a segmenter that cuts a paragraph short
(a title taken from its first sentence with the rest dropped) silently loses minutes. This
check counts, per document, the word tokens of the body text the reader produced that appear
nowhere in the meeting: not in the preamble (the header pseudo-item) nor in any item's
number, title, agenda blurb or text. What the parser drops on purpose is left out of the
count: running headers and footers, page furniture lines and labels ("Minutes:", "PDF 120 KB"),
truncation notes ("view the full minutes text for item 28"), and the label before an item's
number ("Minute No. 51/25", "ITEM NO. 1", "Item 1:"), which the item's number stands for.

Tokens are compared as a multiset (case folded), so the count is the number of word
occurrences the meeting is short of; a word kept twice elsewhere does not make up for one lost
unless it is the same word.

    python -m eval.coverage ../shared/corpus/docs eval/heldout/real/docs data/minutes
    python -m eval.coverage --questions ../shared/corpus/questions.jsonl ../shared/corpus/docs
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ingest.blocks import Block, render_line
from ingest.model import Meeting
from ingest.segment import (_FURNITURE_LINE, _FURNITURE_SUFFIX, _PAGE_MARK, _UNDERLINE, MARKER_RE, NUMBER_LINE, TRUNCATION,
                            running_lines)


def _unlabelled(line: str) -> str:
    """The line without the item label before its number ("Minute No. 51/25" -> "51/25")."""
    m = NUMBER_LINE.match(line.strip())
    return line.strip()[m.end("prefix"):] if m and m.group("prefix") else line

_WORD = re.compile(r"[^\W_]+")  # "Signed______" is the word "Signed"


def tokens(text: str) -> list[str]:
    """Word tokens, NFKC-normalised and case folded; markup characters are not words."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def source_tokens(blocks: list[Block]) -> Counter:
    """The words of the document's blocks, less what the parser drops on purpose."""
    texts = [b.text.strip() for b in blocks]
    furniture = running_lines(texts)
    out: Counter = Counter()
    for i, b in enumerate(blocks):
        s = texts[i]
        if not s or i in furniture or _FURNITURE_LINE.match(s) or MARKER_RE.match(s) or _UNDERLINE.match(s) \
                or _PAGE_MARK.match(s):
            continue
        line = _unlabelled(render_line(b))
        line = TRUNCATION.split(line)[0] if TRUNCATION.search(line) else line
        prev = None
        while prev != line:
            prev, line = line, _FURNITURE_SUFFIX.sub("", line)
        out.update(tokens(line))
    return out


def meeting_tokens(meeting: Meeting) -> Counter:
    """The words the meeting stores: preamble, and each item's number, title, blurb and text."""
    out: Counter = Counter(tokens(meeting.preamble or ""))
    for it in meeting.items:
        for part in (it.number, it.agenda_number, it.section, it.title, it.blurb, it.text):
            out.update(tokens(part or ""))
    return out


@dataclass
class Coverage:
    doc: str
    words: int
    lost: int
    lost_sample: list[str]

    @property
    def ratio(self) -> float:
        return 1.0 - self.lost / self.words if self.words else 1.0


def coverage(blocks: list[Block], meeting: Meeting, doc: str = "") -> Coverage:
    src = source_tokens(blocks)
    kept = meeting_tokens(meeting)
    short = src - kept
    return Coverage(doc, sum(src.values()), sum(short.values()), [w for w, _ in short.most_common(12)])


def document_coverage(path: Path) -> Coverage:
    from ingest.parse import parse_read, read_for_parse

    blocks = read_for_parse(path)
    return coverage(blocks, parse_read(blocks, path), path.name)


def documents(dirs: list[Path]) -> list[Path]:
    from ingest.readers import SUPPORTED

    return sorted(p for d in dirs if d.is_dir() for p in d.iterdir()
                  if p.suffix.lower() in SUPPORTED and not p.stem.upper().startswith("README"))  # a folder's notes, not minutes


def question_items(dirs: list[Path], questions: Path) -> tuple[int, list[str]]:
    """(answerable questions, their gold items the parser does not produce). Answers cite
    items, so a question whose gold item is not a parsed item cannot be answered with the
    right citation however good retrieval is; this counts them without building a store."""
    from eval.scorer import Gold, load_fixtures
    from ingest.parse import parse_file

    fixtures = [q for q in load_fixtures(questions) if q.gold]
    wanted = {Path(src).name for q in fixtures for src, _n in q.gold}
    paths = [p for p in documents(dirs) if p.name in wanted]
    gold = Gold(parse_file(p) for p in paths)
    return len(fixtures), [f"{q.id}: {m}" for q in fixtures for m in gold.missing(q)]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--questions"]:
        n, missing = question_items([Path(a) for a in argv[2:]], Path(argv[1]))
        print("\n".join(missing))
        print(f"{len(missing)} gold items not parsed, over {n} answerable questions")
        return 0
    rows = [document_coverage(p) for p in documents([Path(a) for a in argv])]
    by_fmt: dict[str, list[int]] = {}
    for r in rows:
        print(f"{r.ratio:6.3f} {r.lost:6d}/{r.words:<7d} {r.doc}  {' '.join(r.lost_sample[:8])}")
        f = by_fmt.setdefault(Path(r.doc).suffix.lower(), [0, 0])
        f[0] += r.lost
        f[1] += r.words
    for fmt, (lost, words) in sorted(by_fmt.items()):
        print(f"{fmt:6s} lost {lost}/{words} words ({lost / max(words, 1):.2%})")
    lost, words = sum(r.lost for r in rows), sum(r.words for r in rows)
    print(f"all    lost {lost}/{words} words ({lost / max(words, 1):.2%}) in {len(rows)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
