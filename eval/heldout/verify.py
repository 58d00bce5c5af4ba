"""Check a held-out set's gold against its documents: evidence and decision texts verbatim (NFKC,
quotes/dashes straightened, whitespace collapsed); question items exist in structure.json; timeline
docs/items align; every document has gold and a sources line. Usage: python eval/heldout/verify.py eval/heldout/real6"""
import json, re, sys, unicodedata
from pathlib import Path
D = Path(sys.argv[1]).resolve()
def norm(s):
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("’","'").replace("‘","'").replace("“",'"').replace("”",'"')
    s = re.sub(r"[–—‐‑]", "-", s)
    return re.sub(r"\s+", " ", s).strip()
def text(p):
    raw = p.read_text(encoding="utf-8")
    if p.suffix == ".html":
        import lxml.html
        return norm(lxml.html.fromstring(raw).text_content())
    return norm(raw)
S = json.load(open(D/"structure.json", encoding="utf-8"))
T = {d: text(D/"docs"/d) for d in S}
bad = 0
for d, g in S.items():
    for x in g["decisions"]:
        if norm(x["text"]) not in T[d]:
            bad += 1; print("DECISION not verbatim:", d, x["text"][:80])
        if x["item"] is not None and not any((x["item"] == n) or (n is None and x["item"] == t) for n, t in g["items"]):
            bad += 1; print("DECISION item missing:", d, x["item"])
for line in open(D/"questions.jsonl", encoding="utf-8"):
    r = json.loads(line)
    docs = r["doc"].split(","); items = r["item"].split(",") if len(docs) > 1 else [r["item"]]
    ev = r["evidence"] if isinstance(r["evidence"], list) else [r["evidence"]] * len(docs)
    for d, it, e in zip(docs, items, ev):
        if d not in S: bad += 1; print("Q doc?", d); continue
        if it != "header" and not any((it == n) or (n is None and it == t) for n, t in S[d]["items"]):
            bad += 1; print("Q item missing:", d, it, r["question"][:50])
        if r["answer"] is not None and norm(e) not in T[d]:
            bad += 1; print("EVIDENCE not verbatim:", d, e[:80])
print("problems:", bad)
# every document has gold and a sources line, and vice versa
import os
src = [json.loads(l)["doc"] for l in open(D/"sources.jsonl", encoding="utf-8")] if (D/"sources.jsonl").exists() else []
files = sorted(os.listdir(D/"docs"))
extra = (set(files) ^ set(S)) | (set(src) ^ set(S))
if extra:
    print("DOC SET MISMATCH:", sorted(extra))
print("docs", len(files), "gold", len(S), "sources", len(src))
