"""The persistent store: Chroma vectors + llama-index docstore + BM25 + a meeting manifest.

Layout of a store directory:
    chroma/           chromadb.PersistentClient (unless MINUTES_CHROMA_URL names a server)
    docstore.json     llama-index SimpleDocumentStore: passage hashes for upsert de-duplication
    bm25/             llama-index BM25Retriever, rebuilt after every change
    meetings/ID.json  the parsed Meeting (the source of truth for listings and briefings)
    state.json        schema version and a generation counter (BM25 freshness)
    .lock             a file lock: one writer at a time

Crash safety: before a meeting's passages are written, its manifest record is marked
"pending" with every passage id it may touch; the record is completed only after Chroma and
the docstore are both written. Opening a store for writing rolls back any pending
meeting, so a killed ingest leaves no meeting half-present; running the ingest again then
gives the same state as a clean one.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import MinutesError
from ingest.model import Meeting

from .config import COLLECTION, SCHEMA_VERSION, Settings, offline_environment


class StoreError(MinutesError):
    """The store cannot be opened or written; the message says why and what to do."""


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    passages_written: int = 0
    passages_deleted: int = 0


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class MinutesStore:
    """Open with `MinutesStore.open(settings)`; reads need no lock, writes take `.lock`."""

    def __init__(self, settings: Settings) -> None:
        offline_environment()
        self.settings = settings
        self.root = Path(settings.store)
        self._collection = None
        self._vector_store = None
        self._docstore = None
        self._bm25 = None
        self._bm25_generation = -1
        self._meetings: dict[str, Meeting] | None = None

    # --- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings | None = None, create: bool = True) -> "MinutesStore":
        store = cls(settings or Settings())
        store._check_root(create)
        return store

    def _check_root(self, create: bool) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"store path {self.root} is a file, not a directory")
        if not self.root.exists():
            if not create:
                raise StoreError(f"no store at {self.root}: run `minutes ingest PATH --store {self.root}` first")
            try:
                # exist_ok: two ingests started at once into a new store both get here.
                self.root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create store {self.root}: {exc.strerror}") from None
        state = self._read_state()
        version = state.get("schema", SCHEMA_VERSION)
        if not isinstance(version, int) or isinstance(version, bool):
            raise StoreError(f"store {self.root} is damaged (state.json: schema {version!r} is not a version number); "
                             "re-ingest into a new store")
        if version != SCHEMA_VERSION:
            newer = version > SCHEMA_VERSION
            raise StoreError(
                f"store {self.root} has schema version {version}, this version of minutes reads {SCHEMA_VERSION}: "
                + ("upgrade minutes" if newer else "re-ingest your minutes into a new store (--store NEW_DIR)")
            )

    def _read_state(self) -> dict:
        path = self.root / "state.json"
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
            return data
        except (ValueError, UnicodeDecodeError) as exc:
            raise StoreError(f"store {self.root} is damaged (state.json: {exc}); re-ingest into a new store") from None

    def _write_state(self, **changes) -> None:
        state = {"schema": SCHEMA_VERSION, "generation": 0, **self._read_state(), **changes}
        _atomic_write(self.root / "state.json", json.dumps(state))

    @property
    def generation(self) -> int:
        try:
            return int(self._read_state().get("generation", 0))
        except (TypeError, ValueError):
            raise StoreError(f"store {self.root} is damaged (state.json: generation is not a number); "
                             "re-ingest into a new store") from None

    # --- components ------------------------------------------------------------------

    @property
    def collection(self):
        if self._collection is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
            try:
                if self.settings.chroma_url:
                    from urllib.parse import urlparse

                    url = urlparse(self.settings.chroma_url)
                    client = chromadb.HttpClient(
                        host=url.hostname or "127.0.0.1", port=url.port or 8000, ssl=url.scheme == "https",
                        settings=chroma_settings,
                    )
                else:
                    client = chromadb.PersistentClient(path=str(self.root / "chroma"), settings=chroma_settings)
                # embedding_function=None: Chroma must never fall back to its default model (it downloads).
                self._collection = client.get_or_create_collection(
                    COLLECTION, embedding_function=None, metadata={"hnsw:space": "cosine"}
                )
            except Exception as exc:  # chromadb raises many types (sqlite, rust bindings, HTTP)
                where = self.settings.chroma_url or str(self.root / "chroma")
                raise StoreError(f"cannot open the vector store at {where}: {type(exc).__name__}: {exc}") from None
        return self._collection

    @property
    def vector_store(self):
        if self._vector_store is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._vector_store = ChromaVectorStore(chroma_collection=self.collection)
        return self._vector_store

    @property
    def docstore(self):
        if self._docstore is None:
            from llama_index.core.storage.docstore import SimpleDocumentStore

            path = self.root / "docstore.json"
            if path.exists():
                try:
                    self._docstore = SimpleDocumentStore.from_persist_path(str(path))
                except (ValueError, KeyError, TypeError) as exc:
                    raise StoreError(f"store {self.root} is damaged (docstore.json: {exc}); re-ingest into a new store") from None
            else:
                self._docstore = SimpleDocumentStore()
        return self._docstore

    def _persist_docstore(self) -> None:
        tmp = self.root / ".docstore.json.tmp"
        self.docstore.persist(str(tmp))
        os.replace(tmp, self.root / "docstore.json")

    # --- meetings manifest -----------------------------------------------------------

    def _meeting_dir(self) -> Path:
        return self.root / "meetings"

    def _records(self) -> dict[str, dict]:
        out = {}
        d = self._meeting_dir()
        if d.exists():
            for path in sorted(d.glob("*.json")):
                try:
                    out[path.stem] = json.loads(path.read_text(encoding="utf-8"))
                except (ValueError, UnicodeDecodeError):
                    raise StoreError(f"store {self.root} is damaged ({path.name}); remove that meeting or re-ingest") from None
        return out

    def meetings(self) -> list[Meeting]:
        """Every complete meeting, newest first (undated last)."""
        if self._meetings is None:
            self._meetings = {
                mid: Meeting.from_dict(rec["meeting"]) for mid, rec in self._records().items() if rec.get("status") == "complete"
            }
        return sorted(self._meetings.values(), key=lambda m: (m.date or "", m.committee or ""), reverse=True)

    def get_meeting(self, meeting_id: str) -> Meeting:
        self.meetings()
        assert self._meetings is not None
        if meeting_id not in self._meetings:
            known = ", ".join(sorted(self._meetings)) or "none yet"
            raise MinutesError(f"no meeting with id '{meeting_id}' (known: {known})")
        return self._meetings[meeting_id]

    def stored_text_hashes(self) -> dict[str, str]:
        """text_hash -> meeting id of every complete meeting (to skip copies under another name)."""
        return {rec.get("text_hash"): mid for mid, rec in self._records().items()
                if rec.get("status") == "complete" and rec.get("text_hash")}

    def passage_count(self) -> int:
        return int(self.collection.count())

    # --- writing ---------------------------------------------------------------------

    def lock(self, timeout: float | None = None):
        """The store's write lock; a second writer waits, then fails with a clear message.

        It waits up to $MINUTES_LOCK_TIMEOUT seconds (default 600).
        """
        from filelock import FileLock

        if timeout is None:
            try:
                timeout = float(os.environ.get("MINUTES_LOCK_TIMEOUT") or 600)
            except ValueError:
                timeout = 600.0
        return _StoreLock(FileLock(str(self.root / ".lock"), timeout=timeout), self.root)

    def recover(self) -> list[str]:
        """Roll back meetings whose ingest was interrupted; returns their ids."""
        rolled = []
        for mid, rec in self._records().items():
            if rec.get("status") == "complete":
                continue
            ids = list(rec.get("passage_ids", []))
            # An interrupted update may have touched the old version too, so the meeting goes
            # entirely; re-ingesting the file restores it.
            self._delete_passages(ids)
            (self._meeting_dir() / f"{mid}.json").unlink(missing_ok=True)
            rolled.append(mid)
        if rolled:
            self._persist_docstore()
            self._write_state(generation=self.generation + 1)
            self._rebuild_bm25()
        elif self._bm25_stale():
            self._rebuild_bm25()
        return rolled

    def _delete_passages(self, ids: Iterable[str]) -> int:
        ids = list(ids)
        if not ids:
            return 0
        for start in range(0, len(ids), 500):
            self.collection.delete(ids=ids[start : start + 500])
        for pid in ids:
            self.docstore.delete_document(pid, raise_error=False)
            self.docstore.delete_ref_doc(pid, raise_error=False)
        return len(ids)

    def ingest(self, meetings: list[Meeting], progress: Callable[[str, int, int], None] | None = None) -> IngestResult:
        """Add or update meetings. Unchanged meetings are skipped; a changed one is replaced whole."""
        from llama_index.core.ingestion import DocstoreStrategy, IngestionPipeline

        from .embed import get_embed_model
        from .passages import meeting_passages

        result = IngestResult()
        with self.lock():
            self.recover()
            # Fail fast on a damaged vector store or docstore, before the model is loaded.
            self.collection, self.docstore  # noqa: B018
            records = self._records()
            pipeline = None  # built on first use: an all-unchanged re-ingest never loads the model
            dirty = False
            for n, meeting in enumerate(meetings, start=1):
                old = records.get(meeting.id)
                if old and old.get("status") == "complete" and old.get("text_hash") == meeting.text_hash and \
                        old.get("meeting") == meeting.to_dict():
                    result.unchanged.append(meeting.id)
                    if progress:
                        progress(meeting.id, n, len(meetings))
                    continue
                nodes = meeting_passages(meeting, self.settings.passage_tokens)
                new_ids = [nd.id_ for nd in nodes]
                old_ids = list(old.get("passage_ids", [])) if old else []
                if not dirty:
                    # Bump the generation before the first write, so BM25 is stale from here on:
                    # a kill after the last commit but before the rebuild below is then repaired
                    # by the next write's recover() (a re-ingest that finds everything unchanged
                    # would otherwise keep a BM25 index without these meetings for good).
                    self._write_state(generation=self.generation + 1)
                    dirty = True
                # 1. journal: everything this meeting may touch
                self._write_record(meeting, "pending", sorted(set(new_ids) | set(old_ids)), previous=bool(old))
                # 2. drop passages the new version no longer has, then upsert the rest
                stale = sorted(set(old_ids) - set(new_ids))
                result.passages_deleted += self._delete_passages(stale)
                if pipeline is None:
                    pipeline = IngestionPipeline(
                        transformations=[get_embed_model()],
                        vector_store=self.vector_store,
                        docstore=self.docstore,
                        docstore_strategy=DocstoreStrategy.UPSERTS,
                        disable_cache=True,
                    )
                written = pipeline.run(nodes=nodes, show_progress=False)
                result.passages_written += len(written)
                self._persist_docstore()
                # 3. commit
                self._write_record(meeting, "complete", new_ids)
                (result.updated if old else result.added).append(meeting.id)
                if progress:
                    progress(meeting.id, n, len(meetings))
            if dirty:
                self._rebuild_bm25()
        self._meetings = None
        return result

    def _write_record(self, meeting: Meeting, status: str, passage_ids: list[str], previous: bool = False) -> None:
        rec = {"status": status, "text_hash": meeting.text_hash, "passage_ids": passage_ids,
               "previous": previous, "meeting": meeting.to_dict()}
        _atomic_write(self._meeting_dir() / f"{meeting.id}.json", json.dumps(rec, ensure_ascii=False))

    def remove(self, meeting_id: str) -> int:
        """Delete a meeting and all its passages; returns how many passages went."""
        with self.lock():
            self.recover()
            rec = self._records().get(meeting_id)
            if rec is None:
                self._meetings = None
                self.get_meeting(meeting_id)  # raises with the list of known ids
            self.collection, self.docstore  # noqa: B018  fail on a damaged store before writing
            # Journal first: if this is interrupted, recover() finishes the removal.
            _atomic_write(self._meeting_dir() / f"{meeting_id}.json", json.dumps({**rec, "status": "removing"}, ensure_ascii=False))
            self._write_state(generation=self.generation + 1)
            n = self._delete_passages(rec.get("passage_ids", []))
            self._persist_docstore()
            (self._meeting_dir() / f"{meeting_id}.json").unlink(missing_ok=True)
            self._rebuild_bm25()
        self._meetings = None
        return n

    # --- BM25 ------------------------------------------------------------------------

    def _bm25_stale(self) -> bool:
        marker = self.root / "bm25" / "generation"
        return not marker.exists() or marker.read_text().strip() != str(self.generation)

    def _rebuild_bm25(self) -> None:
        from llama_index.retrievers.bm25 import BM25Retriever

        target = self.root / "bm25"
        nodes = list(self.docstore.docs.values())
        tmp = self.root / ".bm25.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        if nodes:
            retriever = BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=min(10, len(nodes)))
            retriever.persist(str(tmp), show_progress=False)  # no progress bar on stderr
        else:
            tmp.mkdir(parents=True)
        (tmp / "generation").write_text(str(self.generation))
        shutil.rmtree(target, ignore_errors=True)
        os.replace(tmp, target)
        self._bm25 = None

    def bm25(self):
        """The persisted BM25 index (bm25s object), or None for an empty store."""
        import bm25s

        gen = self.generation
        if self._bm25 is None or self._bm25_generation != gen:
            path = self.root / "bm25"
            if not (path / "params.index.json").exists() and not (path / "retriever.json").exists():
                if self._bm25_stale() and list(self.docstore.docs):
                    with self.lock():
                        self._rebuild_bm25()
                else:
                    return None
            try:
                self._bm25 = bm25s.BM25.load(str(path), load_corpus=True, show_progress=False)
            except Exception:  # bm25s/orjson/numpy raise many types for a damaged index
                # BM25 is derived from the docstore: an index that will not load (damaged, or
                # caught mid-swap by a writer) is rebuilt under the write lock.
                with self.lock():
                    self._rebuild_bm25()
                self._bm25 = bm25s.BM25.load(str(path), load_corpus=True, show_progress=False)
            self._bm25_generation = gen
        return self._bm25


class _StoreLock:
    """A FileLock whose timeout becomes a StoreError, and whose write failures are explained."""

    def __init__(self, lock, root: Path) -> None:
        self._lock = lock
        self._root = root

    def __enter__(self):
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            raise StoreError(f"store {self._root} is busy: another ingest is writing to it; try again when it finishes") from None
        except OSError as exc:
            raise StoreError(f"cannot write to store {self._root}: {exc.strerror} (is it read-only or the disk full?)") from None
        return self

    def __exit__(self, exc_type, exc, tb):
        self._lock.release()
        if exc_type is None or isinstance(exc, MinutesError):
            return False
        if issubclass(exc_type, OSError):
            raise StoreError(f"cannot write to store {self._root}: {exc.strerror or exc} (is it read-only or the disk full?)") from exc
        if _backend_error(exc):
            # Chroma reports a full disk or a dead server as its own error types, not OSError.
            detail = " ".join(str(exc).split())[:200]
            raise StoreError(
                f"cannot write to store {self._root}: the vector store failed ({type(exc).__name__}: {detail}); "
                "is the disk full or the Chroma server down? Run the ingest again once fixed: it repairs the store"
            ) from exc
        return False


def _backend_error(exc: BaseException) -> bool:
    """Errors of Chroma (local or server) and sqlite: the storage failed, not our code."""
    import sqlite3

    types: list[type] = [sqlite3.Error]
    try:
        from chromadb.errors import ChromaError

        types.append(ChromaError)
    except ImportError:  # pragma: no cover
        pass
    try:
        import httpx

        types.append(httpx.TransportError)
    except ImportError:  # pragma: no cover
        pass
    return isinstance(exc, tuple(types))
