"""Briefings kept in the store directory, keyed by the meeting's content and the code that
writes briefings, so a new process (the CLI, a restarted app) reads one instead of
recomputing it.

Why: a briefing of a long meeting costs 0.1-0.3 s to compute (decisions, sentence splits and
key points of every item) and the bench's figure, the slowest briefing in a new process,
crossed its 300 ms limit in one run of two on the loaded machine. The result depends only on
the meeting (its content hash, in the key), the engine, and the code of rag/brief.py and
what it calls (a hash of those files, in the key), so a stored one is exactly what would be
computed. Like the sentence-vector cache, readers write here; a store they cannot write to
just means the briefing is computed each time.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from ingest.model import Citation, Decision, Meeting

DIRNAME = "briefings"
_CODE = ("rag/brief.py", "rag/register.py", "rag/sentences.py", "ingest/decisions.py", "ingest/model.py",
         "rag/brief_cache.py")


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """Hash of the code a briefing's content depends on: a change to it makes new keys."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for rel in _CODE:
        try:
            h.update((root / rel).read_bytes())
        except OSError:
            h.update(rel.encode())
    return h.hexdigest()[:16]


def _path(root: Path, key: tuple) -> Path:
    digest = hashlib.sha256(json.dumps([*key, _code_hash()], ensure_ascii=False).encode()).hexdigest()[:32]
    return Path(root) / DIRNAME / f"{digest}.json"


def load_briefing(root: Path, key: tuple, meeting: Meeting):
    """The stored briefing for this key (built around `meeting`), or None."""
    from .brief import Briefing, ItemBrief

    try:
        data = json.loads(_path(root, key).read_text(encoding="utf-8"))
        return Briefing(
            meeting,
            decisions=[Citation(**c) for c in data["decisions"]],
            outcomes=[Decision.from_dict(d) for d in data["outcomes"]],
            items=[ItemBrief(i["number"], i["title"], i["procedural"], [Citation(**c) for c in i["points"]],
                             i["truncated"]) for i in data["items"]],
            actions=[Citation(**c) for c in data["actions"]],
            engine=data["engine"],
            notices=list(data["notices"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_briefing(root: Path, key: tuple, b) -> None:
    """Store a computed briefing (atomically; silently not when the store is read-only)."""
    if not Path(root).is_dir():
        return
    data = {"decisions": [asdict(c) for c in b.decisions], "outcomes": [d.to_dict() for d in b.outcomes],
            "items": [{"number": i.number, "title": i.title, "procedural": i.procedural, "truncated": i.truncated,
                       "points": [asdict(c) for c in i.points]} for i in b.items],
            "actions": [asdict(c) for c in b.actions], "engine": b.engine, "notices": list(b.notices)}
    path = _path(root, key)
    try:
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".brief.")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        return
