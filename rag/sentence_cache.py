"""Sentence vectors keyed by a hash of the text, in memory and persisted in the store directory.

Why: the extractive engine and the briefings embed the sentences of the agenda items they
read. Those sentences belong to stored items and do not change, so each is embedded once
(the first time any process needs it) and then read back: a warm `ask` or a briefing never
re-embeds the corpus, and a new process (`minutes ask` from a shell) neither.

Storage: `sentence_vectors.sqlite` in the store directory (stdlib sqlite3: safe with
concurrent readers and one writer, appendable without rewriting a file). The key is the
first 16 bytes of sha256(model id + NUL + text), so vectors of another model never mix in;
the value is the float32 vector. A store directory that cannot be written (read-only
disk) degrades to the in-memory cache without an error: the cache only ever saves time.
"""
from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

FILENAME = "sentence_vectors.sqlite"
MEMORY_LIMIT = 100_000  # vectors kept in memory as float32 (~150 MB at 384 dimensions)
_SQL_CHUNK = 500  # sqlite's bound-parameter limit is 999 on old builds


def text_key(model_id: str, text: str) -> bytes:
    return hashlib.sha256(f"{model_id}\0{text}".encode("utf-8", "surrogatepass")).digest()[:16]


class SentenceCache:
    """`get(texts, embed)` returns one vector per text, calling `embed` only for new texts."""

    def __init__(self, model_id: str, directory: Path | None = None) -> None:
        self.model_id = model_id
        self.directory = Path(directory) if directory else None
        self._mem: dict[bytes, np.ndarray] = {}
        self._lock = threading.Lock()
        self._db_failed = False
        self.hits = 0
        self.misses = 0

    # --- persistence -----------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        if self.directory is None or self._db_failed or not self.directory.is_dir():
            return None
        try:
            con = sqlite3.connect(str(self.directory / FILENAME), timeout=10)
            con.execute("CREATE TABLE IF NOT EXISTS vec (k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID")
            return con
        except sqlite3.Error:
            self._db_failed = True
            return None

    def _load(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        con = self._connect()
        if con is None:
            return {}
        out: dict[bytes, np.ndarray] = {}
        try:
            for i in range(0, len(keys), _SQL_CHUNK):
                chunk = keys[i : i + _SQL_CHUNK]
                rows = con.execute(f"SELECT k, v FROM vec WHERE k IN ({','.join('?' * len(chunk))})", chunk)
                for k, v in rows:
                    out[bytes(k)] = np.frombuffer(v, dtype=np.float32)
        except sqlite3.Error:
            self._db_failed = True
        finally:
            con.close()
        return out

    def _save(self, pairs: list[tuple[bytes, np.ndarray]]) -> None:
        con = self._connect()
        if con is None:
            return
        try:
            with con:
                con.executemany("INSERT OR IGNORE INTO vec (k, v) VALUES (?, ?)",
                                [(k, v.tobytes()) for k, v in pairs])
        except sqlite3.Error:  # read-only or full disk: keep working from memory
            self._db_failed = True
        finally:
            con.close()

    # --- lookup ----------------------------------------------------------------------

    def get(self, texts: list[str], embed: Callable[[list[str]], list[list[float]]]) -> list[list[float]]:
        """One vector (a list of floats, as the embedding model returns) per text."""
        return [v.tolist() for v in self._vectors(texts, embed)]

    def get_array(self, texts: list[str], embed: Callable[[list[str]], list[list[float]]]) -> np.ndarray:
        """The same vectors as one float32 matrix (a row per text): numpy callers skip the
        round trip through Python floats, which costs more than the arithmetic they do."""
        vecs = self._vectors(texts, embed)
        return np.stack(vecs) if vecs else np.zeros((0, 0), dtype=np.float32)

    def _vectors(self, texts: list[str], embed: Callable[[list[str]], list[list[float]]]) -> list[np.ndarray]:
        keys = [text_key(self.model_id, t) for t in texts]
        with self._lock:
            have = {k: self._mem[k] for k in keys if k in self._mem}
        missing = [k for k in dict.fromkeys(keys) if k not in have]
        n_new = 0
        if missing:
            found = self._load(missing)
            have.update(found)
            todo = {k: t for k, t in zip(keys, texts) if k not in have}
            new: dict[bytes, np.ndarray] = {}
            if todo:
                vecs = embed(list(todo.values()))
                # stored as float32: a fresh vector equals the one read back by the next process
                new = {k: np.asarray(v, dtype=np.float32) for k, v in zip(todo, vecs)}
                self._save(list(new.items()))
                have.update(new)
                n_new = len(new)
            with self._lock:
                if len(self._mem) + len(found) + len(new) > MEMORY_LIMIT:
                    self._mem.clear()
                self._mem.update(found)
                self._mem.update(new)
        with self._lock:
            self.misses += n_new
            self.hits += len(keys) - n_new
        return [have[k] for k in keys]
