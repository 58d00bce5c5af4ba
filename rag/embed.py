"""The embedding model, loaded once per process from the installed package (never the hub).

Threads: torch's intra-op threads spin while they wait for each other, so on a shared,
busy machine a single query (one short text) is several times faster on one thread than on
all cores (eval/bench.py measures both: 118 ms against 704 ms p50 at load 10 on 2 cores).
Single queries therefore always run on one thread. Batches (ingest) use every core while
the machine has cores to spare, and one thread when it is busy (1-minute load average above
the number of cores less one; on the shared 2-core machine a 64-sentence batch took
0.3-0.6 s on one thread against 1.9-4.6 s on two, eval/bench.py); $MINUTES_EMBED_THREADS
fixes the number.

Sentence vectors: `embed_texts_cached(texts)` embeds only texts it has not seen, keeping
vectors by text hash in memory and in the store directory (rag/sentence_cache.py), so the
answer engine and briefings never re-embed the corpus. `rag.front.Minutes` points the cache
at its store with `set_sentence_cache_dir`.
"""
from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

from .config import embedding_model_path, offline_environment

MODEL_MAX_TOKENS = 256  # all-MiniLM-L6-v2 truncates input at 256 word-pieces
QUERY_THREADS = 1
# Up to this many texts count as a "query" and run on QUERY_THREADS.
SMALL_BATCH = 1

_thread_lock = threading.Lock()


def backend() -> str:
    """'torch' (sentence-transformers, the default) or 'onnx' (rag/embed_onnx.py, no torch):
    $MINUTES_EMBED_BACKEND. A store's vectors must come from the backend that queries them."""
    b = (os.environ.get("MINUTES_EMBED_BACKEND") or "torch").strip().lower()
    return b if b in ("torch", "onnx") else "torch"


def model_id() -> str:
    """Names the vectors (the sentence cache keys on it, so the backends never mix)."""
    return "all-MiniLM-L6-v2" + ("-onnx-int8" if backend() == "onnx" else "")


QUERY_CACHE_SIZE = 512
_query_vecs: dict[str, list[float]] = {}


def clear_query_cache() -> None:
    """Forget remembered query vectors (the benchmark times questions as if new)."""
    _query_vecs.clear()


def batch_threads() -> int:
    """Threads for batched embedding: $MINUTES_EMBED_THREADS, else every core unless the
    machine is oversubscribed (then one: spinning threads only slow each other down)."""
    try:
        n = int(os.environ.get("MINUTES_EMBED_THREADS") or 0)
    except ValueError:
        n = 0
    if n > 0:
        return n
    cores = os.cpu_count() or 1
    try:
        # all cores only while at least one more core than ours stands idle: at load 1.3 on
        # the 2-core machine a 64-sentence batch took 1.5 s on 2 threads against 0.3 s on 1
        # (eval/bench.py, 2026-11-26; 8.8 s against 2.0 s at load 10)
        busy = os.getloadavg()[0] > max(cores - 1, 0.5)
    except (AttributeError, OSError):
        busy = False
    return 1 if busy else cores


_blas_limited = False


def one_blas_thread() -> None:
    """Run numpy's matrix products (BLAS) on one thread in this process, once.

    Why: the query path's products are small (a question against a few thousand passage or
    sentence vectors), and OpenBLAS's threads spin against each other on a busy machine: a
    1,570 x 384 matrix-vector product took 16.7 ms on OpenBLAS's 2 threads against 0.19 ms on
    one (load 6, 2 cores). Embedding is not affected (torch and ONNX Runtime keep their own
    thread pools, set by the policy above)."""
    global _blas_limited
    if _blas_limited:
        return
    _blas_limited = True
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=QUERY_THREADS, user_api="blas")
    except Exception:  # noqa: BLE001  no threadpoolctl, or a BLAS it cannot drive: keep the default
        pass


def _threads_for(n_texts: int) -> int:
    return QUERY_THREADS if n_texts <= SMALL_BATCH else batch_threads()


def get_embed_model():
    """The embedding model for the configured backend (a llama-index BaseEmbedding)."""
    return _onnx_model() if backend() == "onnx" else _torch_model()


@lru_cache(maxsize=1)
def _onnx_model():
    from .embed_onnx import onnx_embedding_class

    offline_environment()
    return onnx_embedding_class()(model_name=model_id(), embed_batch_size=32)


@lru_cache(maxsize=1)
def _torch_model():
    """llama-index's HuggingFaceEmbedding over the local all-MiniLM-L6-v2 weights, with the
    thread policy above applied to every call (llama-index's retrievers and ingestion
    pipeline call it directly), and the last few hundred query vectors remembered (the
    retriever and the answer engine both embed the question)."""
    offline_environment()
    import torch
    import transformers
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    # The splitter measures long texts with the tokenizer on purpose; its length warning is noise.
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()

    queries = _query_vecs

    class ThreadedEmbedding(HuggingFaceEmbedding):
        def _get_query_embedding(self, query: str) -> list[float]:
            vec = queries.get(query)
            if vec is None:
                vec = super()._get_query_embedding(query)
                if len(queries) >= QUERY_CACHE_SIZE:
                    queries.pop(next(iter(queries)))
                queries[query] = vec
            return list(vec)

        def _embed(self, inputs, prompt_name=None):
            want = _threads_for(len(inputs))
            with _thread_lock:
                if torch.get_num_threads() != want:
                    torch.set_num_threads(want)
                return super()._embed(inputs, prompt_name=prompt_name)

    return ThreadedEmbedding(
        model_name=str(embedding_model_path()),
        device="cpu",
        embed_batch_size=32,
        normalize=True,
        show_progress_bar=False,
    )


def embed_query(text: str) -> list[float]:
    """One query vector (one thread). ONNX runs without llama-index (a cold `ask` never
    imports it), computing exactly what its BaseEmbedding wrapper would."""
    if backend() != "onnx":
        return get_embed_model().get_query_embedding(text)
    vec = _query_vecs.get(text)
    if vec is None:
        offline_environment()
        from .embed_onnx import get_onnx_model

        vec = get_onnx_model().encode([text], threads=_threads_for(1))[0].tolist()
        if len(_query_vecs) >= QUERY_CACHE_SIZE:
            _query_vecs.pop(next(iter(_query_vecs)))
        _query_vecs[text] = vec
    return list(vec)


ONNX_BATCH = 32  # the wrapper's embed_batch_size: the same batches give the same vectors


def embed_texts(texts: list[str]) -> list[list[float]]:
    """Vectors of many texts, uncached (batched, all cores)."""
    if not texts:
        return []
    if backend() != "onnx":
        return get_embed_model().get_text_embedding_batch(list(texts))
    offline_environment()
    from .embed_onnx import get_onnx_model

    model, texts = get_onnx_model(), list(texts)
    out: list[list[float]] = []
    for start in range(0, len(texts), ONNX_BATCH):
        chunk = texts[start:start + ONNX_BATCH]
        out.extend(model.encode(chunk, threads=_threads_for(len(chunk))).tolist())
    return out


# --- the sentence-vector cache ------------------------------------------------------------

_cache_dir: Path | None = None
_caches: dict[Path | None, object] = {}
_cache_lock = threading.Lock()


def set_sentence_cache_dir(directory: Path | str | None) -> None:
    """Where `embed_texts_cached` persists vectors (the store directory); None = memory only."""
    global _cache_dir
    _cache_dir = Path(directory).resolve() if directory else None


def sentence_cache(directory: Path | str | None = ...):  # type: ignore[assignment]
    """The SentenceCache for a directory (default: the one set by set_sentence_cache_dir)."""
    from .sentence_cache import SentenceCache

    d = _cache_dir if directory is ... else (Path(directory).resolve() if directory else None)
    with _cache_lock:
        if d not in _caches:
            _caches[d] = SentenceCache(model_id(), d)
        return _caches[d]


def embed_texts_cached(texts: list[str], directory: Path | str | None = ...) -> list[list[float]]:  # type: ignore[assignment]
    """Like embed_texts, but each distinct text is embedded once, ever, per store."""
    if not texts:
        return []
    return sentence_cache(directory).get(list(texts), embed_texts)


def embed_texts_cached_array(texts: list[str], directory: Path | str | None = ...):  # type: ignore[assignment]
    """`embed_texts_cached` as one float32 numpy matrix, a row per text (for numpy callers)."""
    return sentence_cache(directory).get_array(list(texts), embed_texts)


# --- tokenizers ---------------------------------------------------------------------------


def get_tokenizer():
    """The model's own word-piece tokenizer, so passages are measured in the units it truncates at
    (anything with `.tokenize(text) -> list[str]`)."""
    if backend() == "onnx":
        return _WordPieces()
    return get_embed_model()._model.tokenizer


class _WordPieces:
    """The same tokenizer.json through the `tokenizers` library (no transformers, no torch)."""

    def __init__(self) -> None:
        from tokenizers import Tokenizer

        self._tok = Tokenizer.from_file(str(embedding_model_path() / "tokenizer.json"))
        self._tok.no_truncation()
        self._tok.no_padding()

    def tokenize(self, text: str) -> list[str]:
        return self._tok.encode(text, add_special_tokens=False).tokens


def count_tokens(text: str) -> int:
    """tiktoken count (cl100k), used to budget LLM prompts; works offline from llama-index's cache."""
    offline_environment()
    return len(_encoding().encode(text, disallowed_special=()))


@lru_cache(maxsize=1)
def _encoding():
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")
