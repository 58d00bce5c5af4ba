"""The embedding model, loaded once per process from the installed package (never the hub)."""
from __future__ import annotations

from functools import lru_cache

from .config import embedding_model_path, offline_environment

MODEL_MAX_TOKENS = 256  # all-MiniLM-L6-v2 truncates input at 256 word-pieces


@lru_cache(maxsize=1)
def get_embed_model():
    """llama-index's HuggingFaceEmbedding over the local all-MiniLM-L6-v2 weights."""
    offline_environment()
    import transformers
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    # The splitter measures long texts with the tokenizer on purpose; its length warning is noise.
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()

    return HuggingFaceEmbedding(
        model_name=str(embedding_model_path()),
        device="cpu",
        embed_batch_size=32,
        normalize=True,
        show_progress_bar=False,
    )


def get_tokenizer():
    """The model's own word-piece tokenizer, so passages are measured in the units it truncates at."""
    return get_embed_model()._model.tokenizer


def count_tokens(text: str) -> int:
    """tiktoken count (cl100k), used to budget LLM prompts; works offline from llama-index's cache."""
    offline_environment()
    return len(_encoding().encode(text, disallowed_special=()))


@lru_cache(maxsize=1)
def _encoding():
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")
