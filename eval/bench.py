"""Benchmarks, printed in one run (`python eval/bench.py` or `minutes bench`, ~3-5 min on 2 cores).

  * parse: time to parse each sample document (median of 3);
  * ingest: passages/s into a fresh temporary store (parse + split + embed + Chroma + docstore
    + BM25), next to the bare embedding throughput of the same passage texts
    (embed_model.get_text_embedding_batch), so the store's overhead is visible;
  * query embedding: latency at torch's default thread count and at one thread (on a busy
    machine, intra-op threads contend and one thread can be several times faster);
  * search: hybrid `Retriever.search` latency p50/p95 over the fixture questions (warm);
  * ask: warm `rag.answer.ask` latency p50/p95 over (a sample of) the fixture questions;
  * briefing: `rag.brief.briefing(meeting)` per sample meeting, if rag/brief.py exists;
  * large store: N synthetic passages (default 100k) made by perturbing the real passage
    embeddings (gaussian noise, sigma 0.01 per dimension, renormalised) with their metadata
    copied under varied meeting ids and dates (2000-2024), batch-added with explicit
    embeddings (no document texts: Chroma's full-text index is not used by vector queries
    and would double the insert time) to a temporary Chroma collection; then top-5 vector query latency p50/p95
    through llama-index's ChromaVectorStore (query embeddings precomputed, so this is the
    store's cost) with and without a one-year date filter.

Timings depend on the machine's load: the load average is printed with them.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # `python eval/bench.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.scorer import load_fixtures, percentile  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "minutes"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ASK_QUESTIONS = 64
NOISE_SIGMA = 0.01
LARGE_QUERIES = 50  # queries per large-store variant (a filtered one can take ~0.5 s)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _lat(values_ms: list[float]) -> dict:
    return {"p50_ms": round(percentile(values_ms, 50), 1), "p95_ms": round(percentile(values_ms, 95), 1),
            "n": len(values_ms)}


class Bench:
    def __init__(self, corpus: Path | None = None, synthetic: int = 100_000, ask_questions: int = ASK_QUESTIONS,
                 echo=print) -> None:
        self.corpus = Path(corpus) if corpus else SAMPLES
        self.synthetic = synthetic
        self.ask_questions = ask_questions
        self.echo = echo
        self.out: dict = {}

    def say(self, line: str) -> None:
        if self.echo:
            self.echo(line)

    # --- steps ---------------------------------------------------------------------------

    def parse(self) -> None:
        from ingest.parse import parse_file
        from rag.indexing import collect_files

        files, _ = collect_files([self.corpus])
        per = {}
        for f in files:
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                parse_file(f)
                times.append(time.perf_counter() - t0)
            per[f.name] = _ms(statistics.median(times))
        self.files = files
        self.out["parse"] = {"files": len(files), "total_ms": round(sum(per.values()), 1), "per_file_ms": per}
        self.say(f"parse        {len(files)} documents in {sum(per.values()):.0f} ms "
                 f"({', '.join(f'{k}: {v:.0f}' for k, v in per.items())})")

    def ingest(self, tmp: Path) -> None:
        from rag.config import Settings
        from rag.embed import get_embed_model
        from rag.indexing import ingest_paths
        from rag.store import MinutesStore

        t0 = time.perf_counter()
        model = get_embed_model()
        model.get_text_embedding("warm up")
        load_s = time.perf_counter() - t0
        self.store = MinutesStore.open(Settings.from_options(store=tmp / "store"))
        t0 = time.perf_counter()
        rep = ingest_paths(self.store, [self.corpus])
        ingest_s = time.perf_counter() - t0
        n = rep.result.passages_written
        # the same texts the pipeline embedded (item heading + passage text)
        from llama_index.core.schema import MetadataMode

        from rag.passages import meeting_passages

        texts = [nd.get_content(metadata_mode=MetadataMode.EMBED)
                 for m in rep.meetings for nd in meeting_passages(m, self.store.settings.passage_tokens)]
        t0 = time.perf_counter()
        model.get_text_embedding_batch(texts)
        embed_s = time.perf_counter() - t0
        self.out["model_load_s"] = round(load_s, 2)
        self.out["ingest"] = {
            "meetings": len(rep.meetings), "passages": n, "seconds": round(ingest_s, 2),
            "passages_per_s": round(n / ingest_s, 1) if ingest_s else 0.0,
            "bare_embedding_passages_per_s": round(len(texts) / embed_s, 1) if embed_s else 0.0,
            "bare_embedding_seconds": round(embed_s, 2),
        }
        i = self.out["ingest"]
        self.say(f"model load   {load_s:.1f} s")
        self.say(f"ingest       {n} passages from {len(rep.meetings)} meetings in {ingest_s:.1f} s = "
                 f"{i['passages_per_s']:.1f} passages/s (bare embedding of the same texts: "
                 f"{i['bare_embedding_passages_per_s']:.1f} passages/s, {embed_s:.1f} s)")

    def query_embedding(self) -> None:
        """Query embedding latency at torch's thread count and at one thread (CPU contention)."""
        import torch

        from rag.embed import get_embed_model

        model = get_embed_model()
        default = torch.get_num_threads()
        res = {}
        try:
            for threads in dict.fromkeys((default, 1)):
                torch.set_num_threads(threads)
                model.get_query_embedding("warm up")
                times = []
                for i in range(20):
                    t0 = time.perf_counter()
                    model.get_query_embedding(f"What did the committee decide about item {i}?")
                    times.append(_ms(time.perf_counter() - t0))
                res[f"threads_{threads}"] = _lat(times)
        finally:
            torch.set_num_threads(default)
        self.out["query_embedding"] = res
        self.say("query embed  " + ", ".join(f"{k.replace('_', ' ')}: p50 {v['p50_ms']:.0f} ms, p95 {v['p95_ms']:.0f} ms"
                                             for k, v in res.items()))

    def search(self) -> None:
        from rag.retrieve import Retriever

        self.retriever = Retriever(self.store)
        self.questions = load_fixtures(FIXTURES)
        self.retriever.search("warm up the retrievers")
        times = []
        for q in self.questions:
            t0 = time.perf_counter()
            self.retriever.search(q.question)
            times.append(_ms(time.perf_counter() - t0))
        self.out["search"] = _lat(times)
        s = self.out["search"]
        self.say(f"search       hybrid top-5 over {s['n']} questions: p50 {s['p50_ms']:.0f} ms, p95 {s['p95_ms']:.0f} ms")

    def ask(self) -> None:
        try:
            from rag.answer import ask
        except ImportError:
            self.out["ask"] = None
            self.say("ask          skipped (rag/answer.py not present)")
            return
        qs = self.questions
        if self.ask_questions and len(qs) > self.ask_questions:
            step = len(qs) / self.ask_questions
            qs = [qs[int(i * step)] for i in range(self.ask_questions)]
        ask(self.retriever, "What was decided about the work programme?")  # warm
        times = []
        for q in qs:
            t0 = time.perf_counter()
            ask(self.retriever, q.question)
            times.append(_ms(time.perf_counter() - t0))
        self.out["ask"] = _lat(times)
        a = self.out["ask"]
        self.say(f"ask          warm, {a['n']} questions: p50 {a['p50_ms']:.0f} ms, p95 {a['p95_ms']:.0f} ms")

    def briefing(self) -> None:
        try:
            from rag.brief import briefing
        except ImportError:
            self.out["briefing"] = None
            self.say("briefing     skipped (rag/brief.py not present)")
            return
        per = {}
        for m in self.store.meetings():
            t0 = time.perf_counter()
            briefing(m)
            per[m.id] = _ms(time.perf_counter() - t0)
        vals = list(per.values())
        self.out["briefing"] = {"per_meeting_ms": per, "mean_ms": round(sum(vals) / len(vals), 1) if vals else 0.0,
                                "max_ms": max(vals) if vals else 0.0}
        self.say(f"briefing     {len(vals)} meetings: mean {self.out['briefing']['mean_ms']:.0f} ms, "
                 f"max {self.out['briefing']['max_ms']:.0f} ms")

    def large_store(self, tmp: Path) -> None:
        import numpy as np
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from llama_index.core.vector_stores import (
            FilterCondition,
            FilterOperator,
            MetadataFilter,
            MetadataFilters,
            VectorStoreQuery,
        )
        from llama_index.vector_stores.chroma import ChromaVectorStore

        from rag.embed import get_embed_model

        if self.synthetic <= 0:
            return
        real = self.store.collection.get(include=["embeddings", "metadatas"])
        base = np.asarray(real["embeddings"], dtype=np.float32)
        metas = real["metadatas"]
        node_content = []
        for m in metas:
            try:
                node_content.append(json.loads(m["_node_content"]))
            except (KeyError, TypeError, ValueError):
                node_content.append(None)
        rng = np.random.default_rng(7)
        client = chromadb.PersistentClient(path=str(tmp / "synthetic"),
                                           settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False))
        col = client.get_or_create_collection("synthetic", embedding_function=None, metadata={"hnsw:space": "cosine"})
        batch = min(5000, client.get_max_batch_size())
        n, per_meeting = self.synthetic, 20
        t0 = time.perf_counter()
        for start in range(0, n, batch):
            ids = range(start, min(n, start + batch))
            src = np.array([j % len(base) for j in ids])
            vecs = base[src] + rng.normal(0.0, NOISE_SIGMA, (len(src), base.shape[1])).astype(np.float32)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            batch_meta = []
            for j, s in zip(ids, src):
                mnum = j // per_meeting
                year = 2000 + mnum % 25
                month, day = 1 + (mnum // 25) % 12, 1 + (mnum // 300) % 28
                iso = f"{year}-{month:02d}-{day:02d}"
                changes = {"meeting_id": f"synthetic-{mnum:06d}", "date": iso, "date_num": int(iso.replace("-", ""))}
                meta = {**metas[s], **changes}
                if node_content[s] is not None:  # llama-index rebuilds nodes from this copy
                    nc = dict(node_content[s], id_=f"syn-{j}", metadata={**node_content[s].get("metadata", {}), **changes})
                    meta["_node_content"] = json.dumps(nc)
                batch_meta.append(meta)
            # No documents: Chroma's full-text index on them would double the insert time and plays
            # no part in a vector query (the text is fetched for 5 rows at most).
            col.add(ids=[f"syn-{j}" for j in ids], embeddings=vecs, metadatas=batch_meta)
        insert_s = time.perf_counter() - t0
        vs = ChromaVectorStore(chroma_collection=col)
        model = get_embed_model()
        # query embeddings precomputed (MiniLM has no query instruction: text and query embeddings agree)
        qvecs = model.get_text_embedding_batch([q.question for q in self.questions[:LARGE_QUERIES]])
        year_filter = MetadataFilters(filters=[
            MetadataFilter(key="date_num", value=20230101, operator=FilterOperator.GTE),
            MetadataFilter(key="date_num", value=20231231, operator=FilterOperator.LTE),
            MetadataFilter(key="date_num", value=0, operator=FilterOperator.GT),
        ], condition=FilterCondition.AND)
        results = {}
        for name, filters in (("no_filter", None), ("date_filter_2023", year_filter)):
            vs.query(VectorStoreQuery(query_embedding=qvecs[0], similarity_top_k=5, filters=filters))  # warm
            times, got = [], []
            for qv in qvecs:
                t0 = time.perf_counter()
                res = vs.query(VectorStoreQuery(query_embedding=qv, similarity_top_k=5, filters=filters))
                times.append(_ms(time.perf_counter() - t0))
                got.append(len(res.ids or []))
            results[name] = {**_lat(times), "min_results": min(got) if got else 0}
        # a sanity check that the filter is honoured
        res = vs.query(VectorStoreQuery(query_embedding=qvecs[0], similarity_top_k=5, filters=year_filter))
        ok = bool(res.nodes) and all(20230101 <= nd.metadata["date_num"] <= 20231231 for nd in res.nodes)
        self.out["large_store"] = {"passages": int(col.count()), "insert_s": round(insert_s, 1),
                                   "insert_passages_per_s": round(n / insert_s, 1), "noise_sigma": NOISE_SIGMA,
                                   "filter_respected": ok, **results}
        ls = self.out["large_store"]
        self.say(f"large store  {ls['passages']:,} synthetic passages inserted in {insert_s:.0f} s "
                 f"({ls['insert_passages_per_s']:.0f}/s)")
        for name in ("no_filter", "date_filter_2023"):
            r = results[name]
            self.say(f"  top-5 vector query, {name.replace('_', ' ')}: p50 {r['p50_ms']:.1f} ms, "
                     f"p95 {r['p95_ms']:.1f} ms ({r['n']} queries{'' if name == 'no_filter' else ', filter respected: ' + str(ok)})")

    # --- all -----------------------------------------------------------------------------

    def run(self) -> dict:
        from rag.config import offline_environment

        offline_environment()
        t_all = time.perf_counter()
        load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
        self.out["machine"] = {"cpus": os.cpu_count(), "load_avg_1m_at_start": round(load[0], 2)}
        self.say(f"minutes bench: {os.cpu_count()} CPUs, load average {load[0]:.2f} at start; corpus {self.corpus}")
        with tempfile.TemporaryDirectory(prefix="minutes-bench-") as tmp:
            tmp = Path(tmp)
            self.parse()
            self.ingest(tmp)
            self.query_embedding()
            self.search()
            self.ask()
            self.briefing()
            self.large_store(tmp)
        total = time.perf_counter() - t_all
        self.out["total_s"] = round(total, 1)
        self.out["machine"]["load_avg_1m_at_end"] = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else 0.0
        self.say(f"total        {total:.0f} s (load average {self.out['machine']['load_avg_1m_at_end']:.2f} at end)")
        return self.out


def run_bench(corpus: Path | None = None, synthetic: int = 100_000, as_json: bool = False,
              ask_questions: int = ASK_QUESTIONS) -> dict:
    bench = Bench(corpus, synthetic, ask_questions, echo=(lambda s: print(s, file=sys.stderr)) if as_json else print)
    out = bench.run()
    if as_json:
        print(json.dumps(out))
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", type=Path, default=None, help="documents to time (default: data/minutes)")
    p.add_argument("--synthetic", type=int, default=100_000, help="passages in the large synthetic store")
    p.add_argument("--ask-questions", type=int, default=ASK_QUESTIONS, help="fixture questions to time ask on")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    a = p.parse_args(argv)
    run_bench(a.corpus, a.synthetic, a.json, a.ask_questions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
