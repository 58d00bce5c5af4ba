"""Decision extraction scored against the corpus' gold `decisions` (structure.json).

Two runs, so extraction can be judged apart from segmentation:

- `text`:  the extractor over the whole document text as one item (what the reader gives);
- `parse`: the decisions `parse_file` stores with the meeting (items from the segmenter).

Matching rule (documented, fixed, not tuned): texts are normalised (Unicode NFKC, curly
quotes and dashes straightened, lower case, every non-alphanumeric run a single space) and
split into words. A found decision *quotes* a gold one when at least `MATCH_SHARE` (0.6) of
the gold text's words are found, in order, in the found text (difflib matching blocks over
the word lists). Gold texts are the first ~200 characters of the resolution, so a found
decision may be longer; each gold decision is matched to at most one found decision and
vice versa (greedy, best share first), so a decision swallowing two gold ones scores once.

Figures (per document, per format, overall):
- recall = matched gold / gold; precision = matched found / found;
- outcome accuracy over matched pairs;
- mover / seconder exact match over matched pairs, names compared with titles stripped
  (`ingest.decisions.same_member`: "Cllr. P. Harries" = "P Harries"; a surname-only form
  matches a full name with that surname); "none" = "none" counts as a match;
  also reported over the pairs whose gold names a mover/seconder;
- tallies exact over matched pairs whose gold records a vote: for / against / abstain equal,
  a gold count that is null is not compared, a missing found count is 0; per-member gold
  lists count as their lengths.

Nothing here is fitted to the corpus (the patterns are hand-written rules; MATCH_SHARE is a
definition), so out-of-fold equals in-sample; `--cv` prints the leave-one-body-out table
anyway (group = council in sources.jsonl) to show each body's figures when held out.

    python -m eval.decisions_eval --corpus ../shared/corpus/docs --gold ../shared/corpus/structure.json
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ingest.decisions import extract_decisions, extract_meeting_decisions, same_member
from ingest.errors import MinutesError
from ingest.readers import format_name

MATCH_SHARE = 0.6
TARGETS = {"recall": 0.95, "precision": 0.90, "outcome": 0.95, "mover": 0.95, "seconder": 0.95, "tally": 0.98}
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "‐": "-", "\u00a0": " "})


def words(text: str) -> list[str]:
    t = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).lower()
    return re.sub(r"[^\w]+", " ", t).split()


def quote_share(gold: str, found: str) -> float:
    """Share of the gold text's words found in order in the found text."""
    g, f = words(gold), words(found)
    if not g or not f:
        return 0.0
    sm = difflib.SequenceMatcher(None, g, f, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()) / len(g)


def match(gold: list[dict], found: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, found index) pairs whose share reaches MATCH_SHARE."""
    cands = []
    for gi, g in enumerate(gold):
        gw = set(words(g["text"]))
        for fi, f in enumerate(found):
            if not gw & set(words(f["text"])):
                continue
            s = quote_share(g["text"], f["text"])
            if s >= MATCH_SHARE:
                cands.append((s, -abs(len(f["text"]) - len(g["text"])), gi, fi))
    pairs, used_g, used_f = [], set(), set()
    for _, _, gi, fi in sorted(cands, reverse=True):
        if gi not in used_g and fi not in used_f:
            pairs.append((gi, fi))
            used_g.add(gi)
            used_f.add(fi)
    return pairs


def gold_tally(vote: dict | None) -> dict | None:
    if not vote:
        return None
    if "yes" in vote or "no" in vote:
        return {"for": len(vote.get("yes") or []), "against": len(vote.get("no") or []),
                "abstain": len(vote.get("abstain") or [])}
    return {"for": vote.get("for"), "against": vote.get("against"), "abstain": vote.get("abstain")}


def found_tally(vote) -> dict | None:
    if vote is None:
        return None
    v = vote if isinstance(vote, dict) else vote.to_dict()
    f = v.get("for_", v.get("for"))
    a, b = v.get("against"), v.get("abstain")
    if f is None and v.get("yes"):
        f, a, b = len(v["yes"]), len(v.get("no") or []), len(v.get("abstained") or [])
    return {"for": f, "against": a if a is not None else (len(v.get("no") or []) if f is not None else None),
            "abstain": b if b is not None else (len(v.get("abstained") or []) if f is not None else None)}


def tally_equal(gold: dict, found: dict | None) -> bool:
    if found is None:
        return False
    for k in ("for", "against", "abstain"):
        if gold.get(k) is None:
            continue
        fv = found.get(k)
        if (fv if fv is not None else (None if k == "for" else 0)) != gold[k]:
            return False
    return True


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    outcome_ok: int = 0
    mover_ok: int = 0
    seconder_ok: int = 0
    mover_stated: int = 0
    mover_stated_ok: int = 0
    seconder_stated: int = 0
    seconder_stated_ok: int = 0
    tally_n: int = 0
    tally_ok: int = 0
    misses: list[dict] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)

    def add(self, o: "Score") -> None:
        for k in ("gold", "found", "matched", "outcome_ok", "mover_ok", "seconder_ok", "mover_stated", "mover_stated_ok",
                  "seconder_stated", "seconder_stated_ok", "tally_n", "tally_ok"):
            setattr(self, k, getattr(self, k) + getattr(o, k))

    def figures(self) -> dict:
        def r(a, b):
            return round(a / b, 3) if b else None
        return {"gold": self.gold, "found": self.found, "matched": self.matched,
                "recall": r(self.matched, self.gold), "precision": r(self.matched, self.found),
                "outcome": r(self.outcome_ok, self.matched), "mover": r(self.mover_ok, self.matched),
                "seconder": r(self.seconder_ok, self.matched),
                "mover_stated": r(self.mover_stated_ok, self.mover_stated),
                "seconder_stated": r(self.seconder_stated_ok, self.seconder_stated),
                "tally": r(self.tally_ok, self.tally_n), "tally_n": self.tally_n}


def score_doc(gold: list[dict], found: list[dict]) -> Score:
    s = Score(gold=len(gold), found=len(found))
    pairs = match(gold, found)
    s.matched = len(pairs)
    got_g = {g for g, _ in pairs}
    got_f = {f for _, f in pairs}
    for gi, fi in pairs:
        g, f = gold[gi], found[fi]
        problems = []
        if g["outcome"] == f["outcome"]:
            s.outcome_ok += 1
        else:
            problems.append(f"outcome {f['outcome']} (gold {g['outcome']})")
        for k in ("mover", "seconder"):
            ok = same_member(g.get(k), f.get(k)) if (g.get(k) or f.get(k)) else True
            setattr(s, f"{k}_ok", getattr(s, f"{k}_ok") + ok)
            if g.get(k):
                setattr(s, f"{k}_stated", getattr(s, f"{k}_stated") + 1)
                setattr(s, f"{k}_stated_ok", getattr(s, f"{k}_stated_ok") + ok)
            if not ok:
                problems.append(f"{k} {f.get(k)!r} (gold {g.get(k)!r})")
        gt = gold_tally(g.get("vote"))
        if gt:
            s.tally_n += 1
            ft = found_tally(f.get("vote"))
            if tally_equal(gt, ft):
                s.tally_ok += 1
            else:
                problems.append(f"tally {ft} (gold {gt})")
        if problems:
            s.wrong.append({"gold": g["text"][:120], "problems": problems})
    s.misses = [gold[i] for i in range(len(gold)) if i not in got_g]
    s.extras = [found[i]["text"][:160] for i in range(len(found)) if i not in got_f]
    return s


def _as_rows(decisions) -> list[dict]:
    rows = []
    for d in decisions:
        if isinstance(d, dict):
            rows.append(d)
        else:
            rows.append({"text": d.text, "outcome": d.outcome, "mover": d.mover, "seconder": d.seconder, "vote": d.vote})
    return rows


def found_by_text(path: Path, text_cache: Path | None = None) -> list[dict]:
    """Whole document text as one item (segmentation-independent).

    `text_cache`: a folder of `STEM.txt` renderings to use instead of the readers (keeps
    extraction figures comparable while the readers change)."""
    from ingest.readers import read_document

    cached = text_cache / (path.stem + ".txt") if text_cache else None
    if cached and cached.exists():
        return _as_rows(extract_decisions(cached.read_text(encoding="utf-8")))
    try:
        text = read_document(path)
    except MinutesError:
        # A plain-text format the readers do not list yet (e.g. .rst) is still text.
        if path.suffix.lower() in (".rst", ".text", ".markdown"):
            text = path.read_text(encoding="utf-8", errors="replace")
        else:
            raise
    return _as_rows(extract_decisions(text))


def found_by_parse(path: Path) -> list[dict]:
    """What parse_file gives (items from the segmenter, plus the preamble)."""
    from ingest.parse import parse_file

    meeting = parse_file(path)
    decisions = getattr(meeting, "decisions", None) or extract_meeting_decisions(meeting)
    return _as_rows(decisions)


def load(corpus: Path, gold_path: Path) -> tuple[dict, dict]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    sources = {}
    src = gold_path.parent / "sources.jsonl"
    if src.exists():
        for line in src.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                sources[r["doc"]] = r
    return gold, sources


def evaluate(corpus: Path, gold_path: Path, modes: tuple[str, ...] = ("text", "parse"),
             text_cache: Path | None = None) -> dict:
    """{mode: {"overall": figures, "formats": {fmt: figures}, "docs": {doc: figures+details}, "bodies": {...}}}"""
    gold, sources = load(corpus, gold_path)
    out: dict = {}
    for mode in modes:
        per_doc: dict[str, Score] = {}
        errors: dict[str, str] = {}
        for doc, g in sorted(gold.items()):
            path = corpus / doc
            if not path.exists():
                continue
            try:
                found = found_by_text(path, text_cache) if mode == "text" else found_by_parse(path)
            except MinutesError as exc:
                errors[doc] = str(exc)
                found = []
            per_doc[doc] = score_doc(g.get("decisions") or [], found)
        overall, fmts, bodies = Score(), defaultdict(Score), defaultdict(Score)
        for doc, sc in per_doc.items():
            overall.add(sc)
            fmt = format_name(sources.get(doc, {}).get("format") or Path(doc).suffix)
            fmts[fmt].add(sc)
            bodies[sources.get(doc, {}).get("council") or doc].add(sc)
        out[mode] = {
            "overall": overall.figures(),
            "formats": {k: v.figures() for k, v in sorted(fmts.items())},
            "bodies": {k: v.figures() for k, v in sorted(bodies.items())},
            "docs": {d: {**sc.figures(), "misses": [m["text"][:160] for m in sc.misses], "extras": sc.extras,
                         "wrong": sc.wrong} for d, sc in per_doc.items()},
            "errors": errors,
        }
    return out


def leave_one_body_out(corpus: Path, gold_path: Path, mode: str = "text", text_cache: Path | None = None,
                       result: dict | None = None) -> dict:
    """Out-of-fold figures, grouped by body (council in sources.jsonl).

    The extractor has no fitted parameters: every rule is hand-written and the match share is
    a definition. Holding one body out therefore changes nothing it would use, and each
    fold's figure is that body's figure from the same run; the pooled out-of-fold figures
    equal the in-sample ones. The table is printed so the claim can be checked per body.
    """
    res = (result or evaluate(corpus, gold_path, (mode,), text_cache))[mode]
    return {"fitted_parameters": [], "folds": res["bodies"], "pooled": res["overall"]}


def run_decisions_command(corpus: Path, gold: Path, as_json: bool = False, cv: bool = False, verbose: bool = False,
                          text_cache: Path | None = None) -> int:
    """`minutes eval --decisions --corpus DOCS --gold structure.json`: print the figures (0 = ran)."""
    res = evaluate(Path(corpus), Path(gold), ("text", "parse"), text_cache)
    if cv:
        res_cv = {m: leave_one_body_out(Path(corpus), Path(gold), m, text_cache, res) for m in ("text", "parse")}
    if as_json:
        out = {"targets": TARGETS, **res}
        if cv:
            out["leave_one_body_out"] = res_cv
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(table(res))
    print("Targets: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()))
    if cv:
        print("\nLeave-one-body-out: nothing is fitted (hand-written rules), so out-of-fold = in-sample; per body:")
        for mode, r in res_cv.items():
            print(f"## {mode}")
            for body, f in r["folds"].items():
                print(f"  {body[:60]:<60} recall {f['recall']}  precision {f['precision']}  outcome {f['outcome']}")
    if verbose:
        _print_details(res)
    return 0


def _print_details(res: dict) -> None:
    for mode, r in res.items():
        print(f"# details ({mode})")
        for doc, f in r["docs"].items():
            if f["misses"] or f["extras"] or f["wrong"]:
                print(f"== {doc}")
                for m in f["misses"]:
                    print(f"  MISS  {m}")
                for e in f["extras"]:
                    print(f"  EXTRA {e!r}")
                for w in f["wrong"]:
                    print(f"  WRONG {w['gold'][:80]!r}: {'; '.join(w['problems'])}")


_COLS = ("recall", "precision", "outcome", "mover", "seconder", "tally")


def table(result: dict) -> str:
    lines = []
    for mode, r in result.items():
        lines.append(f"## {mode} ({'whole document text as one item' if mode == 'text' else 'parse_file: segmented items'})")
        lines.append("| scope | gold | found | " + " | ".join(_COLS) + " | mover (gold names one) | seconder (gold names one) |")
        lines.append("|---|---|---|" + "---|" * (len(_COLS) + 2))

        def row(name, f):
            cells = [("-" if f[c] is None else f"{f[c]:.3f}") for c in _COLS]
            ms = "-" if f["mover_stated"] is None else f"{f['mover_stated']:.3f}"
            ss = "-" if f["seconder_stated"] is None else f"{f['seconder_stated']:.3f}"
            return f"| {name} | {f['gold']} | {f['found']} | " + " | ".join(cells) + f" | {ms} | {ss} |"

        lines.append(row("**overall**", r["overall"]))
        for fmt, f in r["formats"].items():
            lines.append(row(fmt, f))
        for doc, f in r["docs"].items():
            lines.append(row(doc, f))
        if r["errors"]:
            lines.append("")
            lines += [f"- read error {d}: {e}" for d, e in r["errors"].items()]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus/docs"))
    ap.add_argument("--gold", type=Path, default=Path("../shared/corpus/structure.json"))
    ap.add_argument("--mode", choices=["text", "parse", "both"], default="both")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--details", action="store_true", help="List misses, extras and wrong fields per document.")
    ap.add_argument("--text-cache", type=Path, default=None, help="Folder of STEM.txt renderings for the text run.")
    a = ap.parse_args(argv)
    modes = ("text", "parse") if a.mode == "both" else (a.mode,)
    res = evaluate(a.corpus, a.gold, modes, a.text_cache)
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print(table(res))
    if a.details:
        _print_details(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
