"""Structure evaluation: does the parser find each document's agenda items and meeting details?

Scores `ingest.parse` against the corpus gold (`structure.json`): per document, per format and
overall item recall / precision / F1, and committee / date / council accuracy with *invented*
values counted apart (the gold says the document does not state it, the parser gave one anyway:
the worst error, because a user cannot tell it was made up).

Segmentation knobs (`ingest.segment.SegmentParams`) are chosen by leave-one-body-out
cross-validation (`--cv`): for every council in `sources.jsonl` the knobs are picked on the
other councils' documents and that council is scored with them, so the out-of-fold figure says
how the parser does on a body it was never tuned on. The report also says how many words of each
document's body the parsed meeting lost (`eval.coverage`): segmentation must never drop text.

    minutes eval --structure --corpus ../shared/corpus/docs --gold ../shared/corpus/structure.json [--cv]
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, Iterable

FORMATS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown",
           ".markdown": "markdown", ".txt": "text", ".text": "text", ".rst": "rst"}
FIELDS = ("council", "committee", "date")


# --- matching -----------------------------------------------------------------------------

def _fold(s: str) -> str:
    """NFKC, casefold, straight quotes/dashes, `&nbsp;` and the like gone, whitespace collapsed."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = re.sub(r"[–—‐-]", "-", s)
    return re.sub(r"\s+", " ", s).strip()


_SECTION = re.compile(r"\s+\(([^()]*[^\d()\s][^()]*|\d+)\)\s*$")


def norm_number(num: str | None) -> str | None:
    """The comparable core of an item number.

    Drops a section qualifier ("3 (Consent Agenda)" -> "3", "(A) (16)" -> "A": the section is
    where the number restarts, scored by the title match), wrapping punctuation ("5(b)", "a)",
    "(A)"), spacing ("C.2014. 14"), leading zeros per digit run ("01" == "1", "09.23.04" ==
    "9.23.4") and separators, so "5(b)" == "5b" == "5.b" and "2.1" == "21" (OCR often loses the
    dot; the title must still agree).
    """
    if num is None:
        return None
    s = _fold(num)
    m = _SECTION.search(s)
    if m and m.start() > 0:
        s = s[: m.start()]
    runs = re.findall(r"[a-z]+|\d+", s)
    if not runs:
        return None
    return "".join(r.lstrip("0") or "0" if r.isdigit() else r for r in runs)


def norm_title(title: str) -> str:
    return re.sub(r"[^\w]+", " ", _fold(title).replace("&nbsp;", " ")).strip()


def title_matches(gold: str, pred: str) -> bool:
    """Titles agree when nearly equal (ratio >= 0.8 after folding), or one is the other's
    start with at least 60% of its length: gold keeps a heading's first line where a printed
    title runs on ("Planning – The planning applications below ..."), and the parser may
    keep a little more or less of a run-on heading."""
    g, p = norm_title(gold), norm_title(pred)
    if not g or not p:
        return g == p
    if g == p:
        return True
    short, long_ = sorted((g, p), key=len)
    if long_.startswith(short) and len(short) >= 0.6 * len(long_):
        return True
    if long_.startswith(short) and len(short.split()) >= 3:
        return True
    sm = SequenceMatcher(None, g, p, autojunk=False)
    # real_quick_ratio and quick_ratio are upper bounds of ratio: cheap rejections first
    return sm.real_quick_ratio() >= 0.8 and sm.quick_ratio() >= 0.8 and sm.ratio() >= 0.8


def item_matches(gold: tuple[str | None, str], pred: tuple[str | None, str]) -> bool:
    """THE item-match rule. A predicted item is the gold item when the titles agree
    (`title_matches`) and, if the gold item is numbered, the numbers agree after
    `norm_number`. An unnumbered gold item matches on title alone (a parser that infers a
    number for it is not penalised; one that drops a printed number is)."""
    g_num, g_title = gold
    p_num, p_title = pred
    if g_num is not None and norm_number(g_num) != norm_number(p_num):
        return False  # the cheap test first: align() tries every gold/predicted pair
    return title_matches(g_title, p_title)


def align(gold: list, pred: list, match: Callable = item_matches) -> list[tuple[int, int]]:
    """Order-preserving maximum matching (LCS) of gold and predicted items: items are printed
    in order, and duplicates ("Executive Session" x3, restarting "1") pair up positionally."""
    n, m = len(gold), len(pred)
    ok = [[match(gold[i], pred[j]) for j in range(m)] for i in range(n)]
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            dp[i][j] = max(dp[i + 1][j], dp[i][j + 1], dp[i + 1][j + 1] + 1 if ok[i][j] else 0)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if ok[i][j] and dp[i][j] == dp[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


_STOP = {"the", "of", "and", "a", "meeting", "minutes"}


def value_matches(name: str, gold: str, pred: str) -> bool:
    """Meeting details: dates must be equal; names agree when one's words contain the other's,
    ignoring "the", "of", "meeting" ("Board" == "Board of Directors", "City of Marietta" ==
    "Marietta"), or they are nearly equal after folding (ratio >= 0.85)."""
    if name == "date":
        return gold == pred
    g = set(norm_title(gold).split()) - _STOP
    p = set(norm_title(pred).split()) - _STOP
    if not g or not p:
        return norm_title(gold) == norm_title(pred)
    if g <= p or p <= g:
        return True
    return SequenceMatcher(None, norm_title(gold), norm_title(pred), autojunk=False).ratio() >= 0.85


def field_status(name: str, gold: str | None, pred: str | None) -> str:
    """correct | wrong | missing | invented (gold null, predicted non-null) | absent (both null)."""
    if gold is None:
        return "absent" if not pred else "invented"
    if not pred:
        return "missing"
    return "correct" if value_matches(name, gold, pred) else "wrong"


# --- scoring ------------------------------------------------------------------------------

@dataclass
class DocScore:
    doc: str
    format: str
    group: str
    gold: int
    pred: int
    matched: int
    fields: dict[str, str] = field(default_factory=dict)
    values: dict[str, list] = field(default_factory=dict)
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    error: str | None = None
    # Text coverage (`eval.coverage`): body words of the document, and how many the meeting lost.
    words: int = 0
    words_lost: int = 0


def score_doc(doc: str, fmt: str, group: str, gold: dict, items: list[tuple[str | None, str]],
              details: dict[str, str | None], error: str | None = None) -> DocScore:
    g_items = [(n, t) for n, t in gold["items"]]
    pairs = align(g_items, items)
    gi, pj = {i for i, _ in pairs}, {j for _, j in pairs}
    fields_ = {f: field_status(f, gold.get(f), details.get(f)) for f in FIELDS}
    return DocScore(doc, fmt, group, len(g_items), len(items), len(pairs), fields_,
                    {f: [gold.get(f), details.get(f)] for f in FIELDS},
                    [g_items[i] for i in range(len(g_items)) if i not in gi],
                    [items[j] for j in range(len(items)) if j not in pj], error)


def prf(matched: int, gold: int, pred: int) -> dict[str, float]:
    r = matched / gold if gold else 1.0
    p = matched / pred if pred else (1.0 if not gold else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"recall": round(r, 4), "precision": round(p, 4), "f1": round(f, 4)}


def aggregate(scores: Iterable[DocScore]) -> dict:
    """Micro-averaged item figures and field accuracies for a set of documents."""
    scores = list(scores)
    g = sum(s.gold for s in scores)
    p = sum(s.pred for s in scores)
    m = sum(s.matched for s in scores)
    out: dict = {"docs": len(scores), "gold": g, "pred": p, "matched": m, **prf(m, g, p),
                 "words": sum(s.words for s in scores), "words_lost": sum(s.words_lost for s in scores)}
    for f in FIELDS:
        st = [s.fields[f] for s in scores]
        stated = [x for x in st if x in ("correct", "wrong", "missing")]
        out[f"{f}_acc"] = round(sum(x == "correct" for x in stated) / len(stated), 4) if stated else 1.0
        out[f"{f}_invented"] = sum(x == "invented" for x in st)
    return out


def by_format(scores: list[DocScore]) -> dict[str, dict]:
    groups: dict[str, list[DocScore]] = defaultdict(list)
    for s in scores:
        groups[s.format].append(s)
    return {k: aggregate(v) for k, v in sorted(groups.items())} | {"overall": aggregate(scores)}


# --- running the parser over the corpus ------------------------------------------------------

def load_corpus(corpus: Path, gold_path: Path) -> list[tuple[Path, dict, str]]:
    """(document path, gold entry, group) for every gold document present in `corpus`."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    sources = Path(gold_path).with_name("sources.jsonl")
    groups: dict[str, str] = {}
    if sources.exists():
        for line in sources.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                groups[rec["doc"]] = rec.get("council") or rec["doc"]
    out = []
    for doc, entry in sorted(gold.items()):
        path = Path(corpus) / doc
        if path.exists():
            out.append((path, entry, groups.get(doc, doc)))
    return out


def read_doc(path: Path):
    """The document as the segmenter sees it (blocks), read once and reused across knob settings."""
    from ingest.parse import read_for_parse

    return read_for_parse(path)


def predict(path: Path, read, params=None) -> tuple[list[tuple[str | None, str]], dict[str, str | None]]:
    from ingest.parse import parse_read

    return predicted(parse_read(read, path, params=params))


def predicted(m) -> tuple[list[tuple[str | None, str]], dict[str, str | None]]:
    """A parsed meeting's items and details, in the shape the gold has."""
    items = [(it.number if not it.number_inferred else None, it.title) for it in m.items]
    if len(m.items) == 1 and m.items[0].title == "Whole document":
        items = []
    return items, {"council": m.council, "committee": m.committee, "date": m.date}


def evaluate(docs: list[tuple[Path, dict, str]], reads: dict, params=None) -> list[DocScore]:
    from eval.coverage import coverage
    from ingest.parse import parse_read

    out = []
    for path, gold, group in docs:
        fmt = FORMATS.get(path.suffix.lower(), path.suffix.lower().lstrip("."))
        read = reads.get(path)
        if isinstance(read, Exception):
            out.append(score_doc(path.name, fmt, group, gold, [], {}, error=str(read)))
            continue
        try:
            meeting = parse_read(read, path, params=params)
            items, details = predicted(meeting)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the evaluation
            out.append(score_doc(path.name, fmt, group, gold, [], {}, error=f"{type(exc).__name__}: {exc}"))
            continue
        score = score_doc(path.name, fmt, group, gold, items, details)
        cov = coverage(read, meeting, path.name)
        score.words, score.words_lost = cov.words, cov.lost
        out.append(score)
    return out


def read_all(docs: list[tuple[Path, dict, str]]) -> dict:
    reads = {}
    for path, _, _ in docs:
        try:
            reads[path] = read_doc(path)
        except Exception as exc:  # noqa: BLE001 - reported per document
            reads[path] = exc
    return reads


def cross_validate(docs: list[tuple[Path, dict, str]], reads: dict) -> tuple[list[DocScore], dict[str, dict]]:
    """Leave-one-body-out: pick the knob setting with the best micro F1 on the other bodies,
    score the held-out body with it. Returns the out-of-fold document scores and the setting
    chosen for each body."""
    from ingest.segment import param_grid

    grid = list(param_grid())
    # Score every setting on every document once; each fold just sums other bodies' figures.
    per_setting = [evaluate(docs, reads, params) for params in grid]
    bodies = sorted({g for _, _, g in docs})
    oof: list[DocScore] = []
    chosen: dict[str, dict] = {}
    for body in bodies:
        best_k, best_f = 0, -1.0
        for k, scores in enumerate(per_setting):
            f = aggregate([s for s in scores if s.group != body])["f1"]
            if f > best_f + 1e-9:
                best_k, best_f = k, f
        chosen[body] = asdict(grid[best_k])
        oof.extend(s for s in per_setting[best_k] if s.group == body)
    order = {p.name: i for i, (p, _, _) in enumerate(docs)}
    oof.sort(key=lambda s: order[s.doc])
    return oof, chosen


# --- report --------------------------------------------------------------------------------

def _fmt_row(name: str, a: dict) -> str:
    return (f"{name:<12} {a['docs']:>4} {a['matched']:>4}/{a['gold']:<4} {a['pred']:>5}  "
            f"{a['recall']:.3f}  {a['precision']:.3f}  {a['f1']:.3f}   "
            f"{a['committee_acc']:.2f}/{a['committee_invented']}  {a['date_acc']:.2f}/{a['date_invented']}  "
            f"{a['council_acc']:.2f}/{a['council_invented']}")


def render(scores: list[DocScore], oof: dict | None = None, verbose: bool = False) -> str:
    lines = ["Per document (items matched/gold, predicted, F1; fields: C=correct W=wrong M=missing I=invented -=absent)"]
    mark = {"correct": "C", "wrong": "W", "missing": "M", "invented": "I", "absent": "-"}
    for s in scores:
        f = prf(s.matched, s.gold, s.pred)["f1"]
        flags = "".join(mark[s.fields[k]] for k in ("committee", "date", "council"))
        lines.append(f"  {s.doc[:58]:<58} {s.matched:>3}/{s.gold:<3} {s.pred:>4}  F1 {f:.2f}  cmt/date/cncl {flags}"
                     + (f"  ERROR {s.error}" if s.error else ""))
        if verbose:
            for n, t in s.missed:
                lines.append(f"      missed   {n!s:>12} | {t[:70]}")
            for n, t in s.spurious:
                lines.append(f"      spurious {n!s:>12} | {t[:70]}")
    head = "format       docs  matched  pred  recall  prec   F1      committee  date   council (acc/invented)"
    lines += ["", "In-sample", head]
    for k, a in by_format(scores).items():
        lines.append(_fmt_row(k, a))
    if oof is not None:
        lines += ["", "Out-of-fold (leave one body out)", head]
        for k, a in oof.items():
            lines.append(_fmt_row(k, a))
    lines += ["", "Text kept (body words of the document missing from the parsed meeting; eval/coverage.py)"]
    for k, a in by_format(scores).items():
        lines.append(f"{k:<12} lost {a['words_lost']}/{a['words']} words ({a['words_lost'] / max(a['words'], 1):.2%})")
    return "\n".join(lines)


def run_structure_command(corpus: Path, gold: Path, as_json: bool = False, cv: bool = False,
                          verbose: bool = False, min_f1: float | None = None) -> int:
    """`minutes eval --structure`: print the report; exit code 1 when F1 is under `min_f1`."""
    docs = load_corpus(corpus, gold)
    if not docs:
        print(f"no gold documents found in {corpus}", file=sys.stderr)
        return 2
    reads = read_all(docs)
    scores = evaluate(docs, reads)
    oof_scores, chosen = cross_validate(docs, reads) if cv else (None, None)
    summary = {"in_sample": by_format(scores)}
    if oof_scores is not None:
        summary["out_of_fold"] = by_format(oof_scores)
        summary["chosen_params"] = chosen
    if as_json:
        print(json.dumps({"metrics": summary, "documents": [asdict(s) for s in scores]}, indent=1, default=str))
    else:
        print(render(scores, summary.get("out_of_fold"), verbose))
    if min_f1 is not None and summary["in_sample"]["overall"]["f1"] < min_f1:
        print(f"FAIL: item F1 {summary['in_sample']['overall']['f1']:.3f} < {min_f1}", file=sys.stderr)
        return 1
    return 0
