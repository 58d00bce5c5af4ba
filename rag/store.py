"""The persistent store: Chroma vectors + llama-index docstore + BM25 + a meeting manifest.

Layout of a store directory:
    chroma/           chromadb.PersistentClient (unless MINUTES_CHROMA_URL names a server)
    docstore.json     llama-index SimpleDocumentStore: passage hashes for upsert de-duplication
                      and the passages' texts and metadata (their vectors live in Chroma only)
    bm25/             llama-index BM25Retriever over the committed passages, rebuilt after writes,
                      with the query snapshot beside it (vectors.npy, vector_ids.json, vectors.json:
                      each row's vector from Chroma, stamped with the generation; rag/snapshot.py),
                      so a reader searches without importing Chroma or llama-index
    briefings/        briefings computed by readers, keyed by meeting content (rag/brief_cache.py)
    sentence_vectors.sqlite  sentence vectors computed by readers (rag/sentence_cache.py)
    meetings/ID.json  one committed meeting: the parsed Meeting (the source of truth: `reindex`
                      rebuilds every index from these), its passage ids and its lineage (the
                      source paths and text hashes it came from)
    journal/ID.json   the write in progress for meeting ID (exists only while writing)
    quarantine/       damaged meeting records moved aside, with a note of why
    state.json        schema version and a generation counter (bumped by every write)
    .lock             a file lock: one writer at a time; readers never take it

Why it cannot lose a meeting:
- Identity: a meeting's id is a readable slug plus its text hash (`Meeting.make_id`), so two
  documents never share an id. A stored meeting is replaced only by a new version of the same
  source (same file path, same date), and the ingest result says "replaced".
- Passage ids are content-addressed (rag/passages.py), so a new version writes new ids beside
  the committed ones. The commit is one atomic rename of meetings/ID.json. Until then the
  committed record, and every passage it names, is untouched.
- Recovery (at the start of every write) reads the journal and deletes only passages that no
  committed record names: an interrupted ingest is rolled back (or its clean-up finished),
  an interrupted removal is finished or rolled back, an interrupted reindex is finished. It
  never deletes a committed meeting, and it says what it did.
Readers (meetings, search, ask, doctor) take no lock and write nothing: they see the last
committed records, open a read-only store through a private snapshot of Chroma, and use the
BM25 index on disk (or build one in memory when it is missing or damaged).
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.errors import MinutesError
from ingest.model import Meeting

from .config import COLLECTION, Settings, offline_environment

# 1: ids committee-date, records rewritten in place during a write ("pending").
# 2: ids with a content hash, content-addressed passage ids, journal/, lineage in records.
SCHEMA_VERSION = 2
MIGRATABLE = (1,)
# Passages an ingest embeds in one call before writing them (rag/store.py `ingest`): enough
# meetings that length-sorted batches pad little, few enough that the first commits come soon.
EMBED_WINDOW = 256


class StoreError(MinutesError):
    """The store cannot be opened or written; the message says why and what to do."""


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # every stored meeting rewritten (replaced ones too)
    unchanged: list[str] = field(default_factory=list)
    # (meeting id, source) for updates caused by re-ingesting the same source with new content
    replaced: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): not stored
    recovered: list[str] = field(default_factory=list)  # what recovery did before this write
    passages_written: int = 0
    passages_deleted: int = 0


@dataclass
class Problem:
    """One thing `doctor` found wrong; `meeting_id` is None for store-wide problems."""

    kind: str  # damaged-record | interrupted-write | missing-index | missing-passages | orphans | stale-bm25 | schema
    detail: str
    meeting_id: str | None = None

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.detail}" if self.meeting_id else self.detail


@dataclass
class DoctorReport:
    meetings: int = 0
    manifest_passages: int = 0
    counts: dict[str, int | None] = field(default_factory=dict)  # index -> passages it holds (None: unreadable)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"ok": self.ok, "meetings": self.meetings, "manifest_passages": self.manifest_passages,
                "counts": self.counts,
                "problems": [{"kind": p.kind, "meeting_id": p.meeting_id, "detail": p.detail} for p in self.problems]}


@dataclass
class ReindexResult:
    meetings: int = 0
    passages: int = 0
    embedded: int = 0  # passages whose vector had to be computed (the rest were reused from Chroma)
    notes: list[str] = field(default_factory=list)


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


def source_key(source: str) -> str:
    """The canonical form of a meeting's source path: what "the same source" means."""
    try:
        return str(Path(source).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):
        return source


def _lineage_paths(rec: dict) -> list[str]:
    paths = rec.get("paths")
    if isinstance(paths, list) and paths:
        return [str(p) for p in paths]
    src = (rec.get("meeting") or {}).get("source")
    return [source_key(src)] if src else []


def _same_content(stored: dict, meeting: Meeting) -> bool:
    """Equal apart from ids and source path: a moved file with the same text is the same meeting."""
    def strip(value, top=False):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items()
                    if k != "meeting_id" and not (top and k in ("id", "source"))}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(stored, True) == strip(json.loads(json.dumps(meeting.to_dict())), True)


def set_meeting_id(meeting: Meeting, meeting_id: str) -> None:
    """Give a parsed meeting its stored id (a new version keeps the first one), everywhere it is held."""
    old = meeting.id
    meeting.id = meeting_id
    for d in getattr(meeting, "decisions", None) or []:
        if getattr(d, "meeting_id", None) in (old, None, ""):
            d.meeting_id = meeting_id


def _record_problem(rec: Any) -> str | None:
    if not isinstance(rec, dict):
        return "not a JSON object"
    if not isinstance(rec.get("meeting"), dict):
        return "no meeting in it"
    if not isinstance(rec.get("passage_ids", []), list):
        return "passage_ids is not a list"
    try:
        Meeting.from_dict(rec["meeting"])
    except (TypeError, ValueError, KeyError) as exc:
        return f"the meeting does not load ({exc})"
    return None


class MinutesStore:
    """Open with `MinutesStore.open(settings)`; reads need no lock, writes take `.lock`."""

    def __init__(self, settings: Settings) -> None:
        offline_environment()
        self.settings = settings
        self.root = Path(settings.store)
        self._client = None
        self._collection = None
        self._collection_mode: str | None = None  # live | snapshot | empty
        self._snapshot_dir: str | None = None
        self._vector_store = None
        self._docstore = None
        self._docstore_stamp: tuple | None = None
        self._bm25 = None
        self._bm25_generation = -1
        self._bm25_from_disk = False  # the loaded index is bm25/ on disk, of the current generation
        self._meetings: dict[str, Meeting] | None = None
        self._writer = False
        self.damaged: list[tuple[str, str]] = []  # (record file name, reason) seen by the last read
        self.last_recovered: list[str] = []

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
        self._schema()

    def _schema(self) -> int:
        """The store's schema version; readable ones pass, others raise with what to do."""
        state = self._read_state()
        version = state.get("schema", SCHEMA_VERSION if not self._has_records() else 1)
        if not isinstance(version, int) or isinstance(version, bool):
            raise StoreError(f"store {self.root} is damaged (state.json: schema {version!r} is not a version number); "
                             "re-ingest into a new store")
        if version != SCHEMA_VERSION and version not in MIGRATABLE:
            newer = version > SCHEMA_VERSION
            raise StoreError(
                f"store {self.root} has schema version {version}, this version of minutes reads {SCHEMA_VERSION}"
                + (f" (and upgrades {', '.join(map(str, MIGRATABLE))})" if MIGRATABLE else "") + ": "
                + ("upgrade minutes" if newer else "re-ingest your minutes into a new store (--store NEW_DIR)")
            )
        return version

    def _has_records(self) -> bool:
        d = self._meeting_dir()
        return d.is_dir() and any(d.glob("*.json"))

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

    def _bump_generation(self) -> None:
        self._write_state(schema=SCHEMA_VERSION, generation=self.generation + 1)

    # --- components ------------------------------------------------------------------

    def _chroma_settings(self):
        from chromadb.config import Settings as ChromaSettings

        return ChromaSettings(anonymized_telemetry=False, allow_reset=False)

    @property
    def collection(self):
        """The Chroma collection. Writers open the live one (creating it); readers open it
        without creating anything: an empty stand-in when there is none yet, a private
        snapshot when the store is read-only (Chroma cannot open a read-only database)."""
        if self._collection is None or (self._writer and self._collection_mode != "live") or \
                (self._collection_mode == "empty" and (self.root / "chroma" / "chroma.sqlite3").exists()):
            self._open_collection()
        return self._collection

    def _open_collection(self) -> None:
        import chromadb

        self._vector_store = None
        where = self.settings.chroma_url or str(self.root / "chroma")
        try:
            if self.settings.chroma_url:
                from urllib.parse import urlparse

                url = urlparse(self.settings.chroma_url)
                client = chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000,
                                             ssl=url.scheme == "https", settings=self._chroma_settings())
                mode = "live"
            else:
                path = self.root / "chroma"
                if self._writer:
                    if not (path / "chroma.sqlite3").exists():
                        _forget_chroma_system(path)  # its database was lost under this process
                    client, mode = chromadb.PersistentClient(path=str(path), settings=self._chroma_settings()), "live"
                elif not (path / "chroma.sqlite3").exists():
                    client, mode = chromadb.EphemeralClient(settings=self._chroma_settings()), "empty"
                elif _writable(path):
                    client, mode = chromadb.PersistentClient(path=str(path), settings=self._chroma_settings()), "live"
                else:
                    client, mode = self._snapshot_client(path), "snapshot"
            # embedding_function=None: Chroma must never fall back to its default model (it downloads).
            if mode == "live" and not self._writer:
                from chromadb.errors import NotFoundError

                try:
                    self._collection = client.get_collection(COLLECTION, embedding_function=None)
                except (NotFoundError, ValueError):  # the first ingest has not created it yet
                    client, mode = chromadb.EphemeralClient(settings=self._chroma_settings()), "empty"
            if mode != "live" or self._writer:
                self._collection = client.get_or_create_collection(
                    COLLECTION, embedding_function=None, metadata={"hnsw:space": "cosine"}
                )
            self._client, self._collection_mode = client, mode
        except Exception as exc:  # chromadb raises many types (sqlite, rust bindings, HTTP)
            detail = " ".join(str(exc).split())[:200]
            raise StoreError(f"cannot open the vector store at {where}: {type(exc).__name__}: {detail} "
                             "(run `minutes doctor`; `minutes reindex` rebuilds it from the stored meetings)") from None

    def _snapshot_client(self, path: Path):
        """A private copy of a read-only Chroma directory, deleted when the process exits."""
        import chromadb

        if self._snapshot_dir is None:
            tmp = tempfile.mkdtemp(prefix="minutes-readonly-")
            atexit.register(shutil.rmtree, tmp, True)
            shutil.copytree(path, Path(tmp) / "chroma")
            self._snapshot_dir = tmp
        return chromadb.PersistentClient(path=str(Path(self._snapshot_dir) / "chroma"), settings=self._chroma_settings())

    @property
    def vector_store(self):
        if self._vector_store is None or (self._writer and self._collection_mode != "live"):
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._vector_store = ChromaVectorStore(chroma_collection=self.collection)
        return self._vector_store

    def _docstore_file_stamp(self) -> tuple | None:
        try:
            st = (self.root / "docstore.json").stat()
            return (st.st_mtime_ns, st.st_size, st.st_ino)
        except OSError:
            return None

    @property
    def docstore(self):
        if self._docstore is None:
            SimpleDocumentStore = _docstore_class()  # noqa: N806

            path = self.root / "docstore.json"
            stamp = self._docstore_file_stamp()
            if stamp is not None:
                try:
                    self._docstore = SimpleDocumentStore.from_persist_path(str(path))
                except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
                    raise StoreError(f"store {self.root} is damaged (docstore.json: {' '.join(str(exc).split())[:120]}); "
                                     "run `minutes reindex` to rebuild it from the stored meetings") from None
            else:
                self._docstore = SimpleDocumentStore()
            self._docstore_stamp = stamp
        return self._docstore

    def _persist_docstore(self) -> None:
        tmp = self.root / ".docstore.json.tmp"
        self.docstore.persist(str(tmp))
        os.replace(tmp, self.root / "docstore.json")
        self._docstore_stamp = self._docstore_file_stamp()

    # --- meetings manifest -----------------------------------------------------------

    def _meeting_dir(self) -> Path:
        return self.root / "meetings"

    def _journal_dir(self) -> Path:
        return self.root / "journal"

    def _read_records(self) -> tuple[dict[str, dict], list[tuple[Path, str]]]:
        """(committed records by id, damaged record files with the reason)."""
        good: dict[str, dict] = {}
        damaged: list[tuple[Path, str]] = []
        d = self._meeting_dir()
        if d.exists():
            for path in sorted(d.glob("*.json")):
                try:
                    rec = json.loads(path.read_text(encoding="utf-8"))
                except FileNotFoundError:  # removed by a writer between glob and read
                    continue
                except (ValueError, UnicodeDecodeError) as exc:
                    damaged.append((path, f"not valid JSON ({str(exc)[:80]})"))
                    continue
                problem = _record_problem(rec)
                if problem:
                    damaged.append((path, problem))
                else:
                    good[path.stem] = rec
        self.damaged = [(p.name, why) for p, why in damaged]
        return good, damaged

    def _records(self) -> dict[str, dict]:
        """Readable records (complete ones, and a schema-1 store's interrupted ones)."""
        return self._read_records()[0]

    def meetings(self) -> list[Meeting]:
        """Every committed meeting, newest first (undated last). Damaged records are skipped
        (listed in `self.damaged`; `minutes doctor` reports them, the next write quarantines them)."""
        if self._meetings is None:
            self._meetings = {
                mid: Meeting.from_dict({**rec["meeting"], "id": mid})
                for mid, rec in self._records().items() if rec.get("status", "complete") == "complete"
            }
        return sorted(self._meetings.values(), key=lambda m: (m.date or "", m.committee or ""), reverse=True)

    def resolve_id(self, ref: str, known: Iterable[str] | None = None) -> str:
        """A full meeting id, or its readable part without the hash when that names one meeting."""
        ids = set(known) if known is not None else {m.id for m in self.meetings()}
        if ref in ids:
            return ref
        close = sorted(i for i in ids if i.startswith(ref + "-") and _is_hash(i[len(ref) + 1:]))
        if len(close) == 1:
            return close[0]
        if close:
            raise MinutesError(f"'{ref}' names {len(close)} meetings ({', '.join(close)}): give the full id")
        listed = ", ".join(sorted(ids)) or "none yet"
        raise MinutesError(f"no meeting with id '{ref}' (known: {listed})")

    def get_meeting(self, meeting_id: str) -> Meeting:
        self.meetings()
        assert self._meetings is not None
        return self._meetings[self.resolve_id(meeting_id, self._meetings)]

    def stored_text_hashes(self) -> dict[str, str]:
        """text_hash -> meeting id of every committed meeting."""
        return {rec.get("text_hash"): mid for mid, rec in self._records().items()
                if rec.get("status", "complete") == "complete" and rec.get("text_hash")}

    def passage_count(self) -> int:
        """Passages in Chroma; from the snapshot's stamp while Chroma is not open and the
        snapshot vouches for this generation (a cold `ask` then never imports chromadb)."""
        if self._collection is None:
            rows = self._snapshot_rows()
            if rows is not None:
                return rows
        return int(self.collection.count())

    def _snapshot_rows(self) -> int | None:
        """Rows of the query snapshot (bm25/vectors.*) when it is this generation's, else None."""
        if self.settings.chroma_url or not _sqlite_header_ok(self.root / "chroma" / "chroma.sqlite3"):
            return None  # no Chroma database, or a damaged one: readers meet Chroma's own error
        from .snapshot import snapshot_stamp

        stamp = snapshot_stamp(self.root / "bm25")
        gen = self.generation
        try:
            marker = (self.root / "bm25" / "generation").read_text().strip()
        except OSError:
            return None
        if not stamp or stamp.get("generation") != gen or marker != str(gen) or not isinstance(stamp.get("rows"), int):
            return None
        return stamp["rows"]

    def snapshot_vectors(self, bm25, check_only: bool = False):
        """Row vectors of the loaded BM25 index when the snapshot on disk is this generation's
        and holds exactly that index's rows (rag/snapshot.py); None sends readers to Chroma.
        `check_only`: only say whether it still vouches (returns True/None)."""
        if bm25 is None or bm25 is not self._bm25 or not self._bm25_from_disk:
            return None
        rows = self._snapshot_rows()
        corpus = bm25.corpus or []
        if rows is None or rows != len(corpus) or self._bm25_generation != self.generation:
            return None
        if check_only:
            return True
        from .snapshot import load_vectors

        return load_vectors(self.root / "bm25", [row.get("node_id") for row in corpus])

    def committed_passage_ids(self) -> set[str]:
        return {pid for ids in self.committed_passages_by_meeting().values() for pid in ids}

    def committed_passages_by_meeting(self) -> dict[str, set[str]]:
        """Each committed meeting's passage ids, as its record lists them. While a meeting is
        being replaced, the new version's passages sit beside the committed ones until the
        record commits; readers keep to these ids so they only ever see the committed version."""
        return {mid: set(rec.get("passage_ids", [])) for mid, rec in self._records().items()
                if rec.get("status", "complete") == "complete"}

    # --- identity ----------------------------------------------------------------------

    def identify(self, meeting: Meeting, records: dict[str, dict] | None = None,
                 taken: set[str] | None = None) -> tuple[str, str | None, str]:
        """What storing `meeting` would do: (action, stored id, reason).

        action is "unchanged" (its text is stored: wherever the file now lives), "update"
        (same text, new details or parse), "replace" (same source file and date, new text),
        "skip" (a copy elsewhere of a stored text, with other details) or "new".
        """
        records = self._records() if records is None else records
        here = source_key(meeting.source)
        same_text = [(mid, r) for mid, r in records.items()
                     if meeting.text_hash and r.get("text_hash") == meeting.text_hash]
        same_text.sort(key=lambda x: here not in _lineage_paths(x[1]))
        if same_text:
            mid, rec = same_text[0]
            paths = _lineage_paths(rec)
            if _same_content(rec["meeting"], meeting):
                return "unchanged", mid, "same text and details"
            if here in paths or not any(Path(p).exists() for p in paths if p != here):
                return "update", mid, "same text, new details"
            return "skip", mid, (f"same text as stored meeting {mid}; not stored twice (to store it under new "
                                 f"details, first run `minutes remove {mid}`)")
        for mid, rec in records.items():
            if here in _lineage_paths(rec) and _compatible(rec["meeting"].get("date"), meeting.date) and \
                    _compatible(rec["meeting"].get("committee"), meeting.committee):
                # A file reused for another meeting (another date or committee) is a new meeting.
                return "replace", mid, "new version of the same source file"
        return "new", None, "not stored yet"

    def _new_id(self, meeting: Meeting, taken: set[str]) -> str:
        """make_id(), with a longer hash in the (rare) case the short one is taken."""
        for chars in (6, 8, 10, 12, 16):
            cand = meeting.make_id(chars)
            if cand not in taken:
                return cand
        n = 2
        while f"{cand}-{n}" in taken:
            n += 1
        return f"{cand}-{n}"

    # --- writing -----------------------------------------------------------------------

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

    @contextmanager
    def _writing(self):
        """The write lock, with the components reopened for writing (another process may have
        written since this object last looked)."""
        with self.lock():
            self._writer = True
            if self._docstore is not None and self._docstore_file_stamp() != self._docstore_stamp:
                self._docstore = None
            self._collection = self._vector_store = None  # another process may have rebuilt it
            self._meetings = None
            try:
                yield
            finally:
                self._writer = False
                self._meetings = None

    def recover(self) -> list[str]:
        """Finish or undo whatever write was interrupted; returns what it did, one line each.

        Call under the write lock. Only passages that no committed record names are deleted.
        """
        done: list[str] = []
        done += self._quarantine_damaged()
        if self._schema() in MIGRATABLE:
            done += self._migrate()
        records = self._records()
        journals = sorted(self._journal_dir().glob("*.json")) if self._journal_dir().exists() else []
        reindex = None
        touched = False
        for jpath in journals:
            try:
                j = json.loads(jpath.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError):
                j = None
            if not isinstance(j, dict):
                # The journal is written atomically, so this is outside damage: nothing to undo by it.
                jpath.unlink(missing_ok=True)
                done.append(f"recovered: discarded unreadable journal {jpath.name}")
                continue
            if j.get("op") == "reindex":
                reindex = jpath
                continue
            mid = str(j.get("meeting_id") or jpath.stem)
            rec = records.get(mid)
            keep = set(rec.get("passage_ids", [])) if rec else set()
            doomed = (set(j.get("add", [])) | set(j.get("drop", []))) - keep
            self._delete_passages(doomed)
            touched = True
            if j.get("op") == "remove":
                done.append(f"recovered: finished interrupted removal of {mid}" if rec is None
                            else f"recovered: rolled back interrupted removal of {mid} (it is still stored)")
            elif rec is not None and rec.get("text_hash") == j.get("text_hash") and \
                    set(rec.get("passage_ids", [])) == set(j.get("new_ids", [])):
                done.append(f"recovered: finished interrupted ingest of {mid}")
            elif rec is not None:
                done.append(f"recovered: rolled back interrupted ingest of {mid} (the stored version is kept)")
            else:
                done.append(f"recovered: rolled back interrupted ingest of {mid} (it was not stored yet)")
            jpath.unlink(missing_ok=True)
        if touched:
            self._persist_docstore()
            self._bump_generation()
        if reindex is not None:
            result = self._reindex_locked()
            done.append(f"recovered: finished interrupted reindex ({result.meetings} meetings, {result.passages} passages)")
        elif touched or self._bm25_stale() or self._bm25_broken():
            self._rebuild_bm25()
        self.last_recovered = done
        return done

    def _index_counts_disagree(self) -> str:
        """A cheap check (counts only) that Chroma and the docstore hold the committed passages."""
        manifest = len(self.committed_passage_ids())
        chroma, docstore = int(self.collection.count()), len(self.docstore.docs)
        if chroma == docstore == manifest:
            return ""
        return f"Chroma {chroma}, docstore {docstore}, manifest {manifest} passages"

    def _orphans(self) -> set[str]:
        committed = self.committed_passage_ids()
        return (set(self.collection.get(include=[])["ids"]) | set(self.docstore.docs)) - committed

    def _source_hint(self, mid: str) -> str:
        """Where a meeting's document was read from, found in its passages' metadata."""
        try:
            for node in self.docstore.docs.values():
                if (node.metadata or {}).get("meeting_id") == mid and node.metadata.get("source"):
                    return f" ({node.metadata['source']})"
        except MinutesError:
            pass
        return ""

    def _quarantine_damaged(self) -> list[str]:
        """Move damaged records aside so every other command keeps working."""
        _, damaged = self._read_records()
        out = []
        for path, why in damaged:
            target = self.root / "quarantine" / f"{path.stem}.{time.strftime('%Y%m%dT%H%M%S')}.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            _atomic_write(target.with_suffix(".why.txt"), f"{path.name}: {why}\n")
            out.append(f"recovered: meeting record {path.name} is damaged ({why}); moved to {target.relative_to(self.root)}"
                       f" — re-ingest its source file{self._source_hint(path.stem)} to store it again")
        if damaged:
            self.damaged = []
        return out

    def _migrate(self) -> list[str]:
        """Schema 1 -> 2: records gain their lineage; interrupted schema-1 writes are completed."""
        out = []
        pending = []
        for mid, rec in self._records().items():
            status = rec.get("status", "complete")
            if status == "complete":
                rec.setdefault("paths", _lineage_paths(rec))
                rec.setdefault("hashes", [rec.get("text_hash")] if rec.get("text_hash") else [])
                _atomic_write(self._meeting_dir() / f"{mid}.json", json.dumps(rec, ensure_ascii=False))
            elif status == "removing":
                (self._meeting_dir() / f"{mid}.json").unlink(missing_ok=True)
                self._delete_passages(rec.get("passage_ids", []))
                self._persist_docstore()
                out.append(f"recovered: finished interrupted removal of {mid}")
            else:
                pending.append((mid, rec))
        self._write_state(schema=SCHEMA_VERSION)
        self._bump_generation()  # BM25 is rebuilt by recover()
        for mid, rec in pending:
            # A schema-1 ingest was killed after the record was overwritten: its new version is
            # all we have, so it is completed (stored whole), not rolled back.
            meeting = Meeting.from_dict({**rec["meeting"], "id": mid})
            nodes = self._embedded_passages(meeting)
            self._store_one(meeting, nodes, rec, self._record(meeting, [nd.id_ for nd in nodes], rec), IngestResult(),
                            self._pipeline())
            out.append(f"recovered: finished interrupted ingest of {mid} (from a schema-1 store)")
        out.insert(0, f"upgraded store {self.root} from schema 1 to {SCHEMA_VERSION} (no re-embedding)")
        return out

    def _delete_passages(self, ids: Iterable[str]) -> int:
        ids = sorted(set(ids))
        if not ids:
            return 0
        for start in range(0, len(ids), 500):
            self.collection.delete(ids=ids[start : start + 500])
        for pid in ids:
            self.docstore.delete_document(pid, raise_error=False)
            self.docstore.delete_ref_doc(pid, raise_error=False)
        return len(ids)

    def _pipeline(self, embed: bool = True):
        from llama_index.core.ingestion import DocstoreStrategy, IngestionPipeline

        from .embed import get_embed_model

        return IngestionPipeline(
            transformations=[_EmbedMissing(embed_model=get_embed_model())],
            vector_store=self.vector_store,
            docstore=self.docstore,
            docstore_strategy=DocstoreStrategy.UPSERTS,
            disable_cache=True,
        )

    def ingest(self, meetings: Iterable[Meeting], progress: Callable[[str, int, int], None] | None = None) -> IngestResult:
        """Add or update meetings; see `identify` for what happens to each.

        A meeting's `id` is set here to its stored id (a new version keeps its first id).
        `meetings` may be a stream (rag/indexing.py parses ahead while this embeds); `progress`
        is called as each meeting is stored, with the total when it is known (a list) or the
        count so far.

        Each meeting's passages are embedded here while the previous meeting is still being
        written (Chroma, docstore, record) by one background thread: writes stay one meeting
        at a time and in order, so the journal and commit sequence of `_store_one` is what a
        kill interrupts, exactly as when it ran inline.
        """
        result = IngestResult()
        total = len(meetings) if isinstance(meetings, (list, tuple)) else None
        with self._writing():
            result.recovered = self.recover()
            # Fail fast on a damaged vector store or docstore, before the model is loaded.
            self.collection, self.docstore  # noqa: B018
            disagree = self._index_counts_disagree()
            if disagree:
                orphans = self._orphans()
                if orphans:
                    # Passages no committed record names (a quarantined record's, say): garbage.
                    self._delete_passages(orphans)
                    self._persist_docstore()
                    self._bump_generation()
                    self._rebuild_bm25()
                    result.recovered.append(f"recovered: removed {len(orphans)} passages that belonged to no stored meeting")
                    disagree = self._index_counts_disagree()
            if disagree:
                # A lost chroma.sqlite3 or docstore.json would otherwise leave the store half
                # indexed for good while every re-ingest says "unchanged".
                rebuilt = self._reindex_locked()
                result.recovered.append(f"recovered: the indexes disagreed with the manifest ({disagree}); rebuilt "
                                        f"them from the stored meetings ({rebuilt.passages} passages, "
                                        f"{rebuilt.embedded} re-embedded)")
            records = self._records()
            taken = set(records)
            pipeline = None  # built on first use: an all-unchanged re-ingest never loads the model
            wrote = False
            writer = _WriteBehind()
            window: list[tuple[Meeting, list, dict | None, dict]] = []  # embedded together, then written in order
            flushes = 0
            done: list[tuple[str, int]] = []  # (meeting id, n) handled since the last flush
            in_flight: list[tuple[str, int]] = []  # ... and of the window being written

            def report(events: list[tuple[str, int]]) -> None:
                if progress:  # on this thread, after the write: the app's widgets live here
                    for mid, k in events:
                        progress(mid, k, total or k)
                events.clear()

            def flush() -> None:
                nonlocal wrote
                if not window:
                    return
                # one call for the window's passages, longest first: batches of like lengths pad
                # least (see `_embed_sorted`); meanwhile the previous window is being written
                self._embed_sorted([nd for _, nodes, _, _ in window for nd in self._to_embed(nodes)])
                writer.wait()  # the previous window's writes; an error in them is raised here
                report(in_flight)
                in_flight.extend(done)
                done.clear()
                if not wrote:
                    # Bump the generation before the first write, so BM25 is stale from here on:
                    # a kill before the rebuild below is repaired by the next write's recover().
                    self._bump_generation()
                    wrote = True
                for meeting, nodes, rec, record in window:
                    writer.submit(self._store_one, meeting, nodes, rec, record, result, pipeline)
                window.clear()

            try:
                for n, meeting in enumerate(meetings, start=1):
                    action, mid, reason = self.identify(meeting, records)
                    if action == "skip":
                        result.skipped.append((meeting.source, reason))
                    elif action == "unchanged":
                        set_meeting_id(meeting, mid)
                        self._note_path(mid, records[mid], meeting)
                        result.unchanged.append(mid)
                    else:
                        rec = records.get(mid) if mid else None
                        set_meeting_id(meeting, mid if mid else self._new_id(meeting, taken))
                        taken.add(meeting.id)
                        if pipeline is None:
                            pipeline = self._pipeline()
                        from .passages import meeting_passages

                        nodes = meeting_passages(meeting, self.settings.passage_tokens)
                        record = self._record(meeting, [nd.id_ for nd in nodes], rec)
                        window.append((meeting, nodes, rec, record))
                        records[meeting.id] = json.loads(json.dumps(record, ensure_ascii=False))
                        if rec is None:
                            result.added.append(meeting.id)
                        else:
                            result.updated.append(meeting.id)
                            if action == "replace":
                                result.replaced.append((meeting.id, meeting.source))
                    done.append((meeting.id, n))
                    # windows grow from one batch: the first embedding starts as soon as one
                    # meeting is parsed, and the parser stays ahead of the bigger ones after it
                    if sum(len(nodes) for _, nodes, _, _ in window) >= min(EMBED_WINDOW, 32 << flushes):
                        flush()
                        flushes += 1
                flush()
                writer.wait()
                report(in_flight)
                report(done)
            finally:
                writer.close()  # writes in flight finish before the lock is released
            if wrote:
                self._rebuild_bm25()
        return result

    def _to_embed(self, nodes: list) -> list:
        """The passages the ingestion pipeline's upsert step would send to the model: it skips
        one the docstore holds with the same hash (an unchanged passage of a new version)."""
        return [nd for nd in nodes if nd.embedding is None and self.docstore.get_document_hash(nd.id_) != nd.hash]

    @staticmethod
    def _embed_sorted(nodes: list) -> None:
        """Embed passages longest first, so each batch holds texts of about one length.

        Why: a batch is padded to its longest text. In document order a short item tail shares
        a batch with full 220-token passages; on the corpus, batches of 32 in document order
        cost 2.2x the token slots of batches cut from the length-sorted list (eval/bench.py
        prints both bare embeddings). The vectors are the model's for each text either way."""
        if not nodes:
            return
        from llama_index.core.schema import MetadataMode

        from .embed import get_embed_model

        order = sorted(nodes, key=lambda nd: len(nd.get_content(metadata_mode=MetadataMode.EMBED)), reverse=True)
        get_embed_model()(order)

    def _embedded_passages(self, meeting: Meeting) -> list:
        """The meeting's passages, the ones not stored with the same content embedded."""
        from .passages import meeting_passages

        nodes = meeting_passages(meeting, self.settings.passage_tokens)
        self._embed_sorted(self._to_embed(nodes))
        return nodes

    def _record(self, meeting: Meeting, passage_ids: list[str], old_rec: dict | None) -> dict:
        """The committed record of a meeting: its lineage keeps every path and text it came from."""
        paths = _lineage_paths(old_rec) if old_rec else []
        here = source_key(meeting.source)
        hashes = list((old_rec or {}).get("hashes", []))
        return {"status": "complete", "schema": SCHEMA_VERSION, "text_hash": meeting.text_hash,
                "hashes": [meeting.text_hash] + [h for h in hashes if h != meeting.text_hash],
                "paths": [here] + [p for p in paths if p != here], "passage_ids": passage_ids,
                "meeting": meeting.to_dict()}

    def _store_one(self, meeting: Meeting, nodes: list, old_rec: dict | None, record: dict, result: IngestResult,
                   pipeline) -> None:
        """Journal, write the new passages beside the committed ones, commit, then clean up."""
        old_ids = list(old_rec.get("passage_ids", [])) if old_rec else []
        new_ids = [nd.id_ for nd in nodes]
        add, drop = sorted(set(new_ids) - set(old_ids)), sorted(set(old_ids) - set(new_ids))
        journal = self._journal_dir() / f"{meeting.id}.json"
        _atomic_write(journal, json.dumps({"op": "ingest", "meeting_id": meeting.id, "text_hash": meeting.text_hash,
                                           "new_ids": new_ids, "add": add, "drop": drop}))
        written = pipeline.run(nodes=nodes, show_progress=False)
        result.passages_written += len(written)
        self._persist_docstore()
        self._write_record(meeting, record)  # the commit
        if drop:
            result.passages_deleted += self._delete_passages(drop)
            self._persist_docstore()
        journal.unlink(missing_ok=True)

    def _note_path(self, mid: str, rec: dict, meeting: Meeting) -> None:
        """An unchanged meeting whose file moved: remember where it lives now (no re-embedding).
        The old path is dropped, so a different file put there later is a new meeting."""
        here = source_key(meeting.source)
        paths = _lineage_paths(rec)
        if here in paths or any(Path(p).exists() for p in paths):
            return  # known, or a copy of a file that is still where it was: nothing to note
        rec["paths"] = [here]
        _atomic_write(self._meeting_dir() / f"{mid}.json", json.dumps(rec, ensure_ascii=False))

    def _write_record(self, meeting: Meeting, record: dict) -> None:
        _atomic_write(self._meeting_dir() / f"{meeting.id}.json", json.dumps(record, ensure_ascii=False))

    def remove(self, meeting_id: str) -> int:
        """Delete a meeting and all its passages; returns how many passages went.

        Works on a damaged record too: its passages are found by their meeting id."""
        with self._writing():
            self.recover()
            records = self._records()
            quarantined = {p.name.split(".", 1)[0] for p in (self.root / "quarantine").glob("*.json")} \
                if (self.root / "quarantine").exists() else set()
            mid = self.resolve_id(meeting_id, set(records) | quarantined)
            rec = records.get(mid)
            self.collection, self.docstore  # noqa: B018  fail on a damaged store before writing
            ids = set(rec.get("passage_ids", [])) if rec else set()
            ids |= self._ids_of_meeting(mid)
            journal = self._journal_dir() / f"{mid}.json"
            _atomic_write(journal, json.dumps({"op": "remove", "meeting_id": mid, "drop": sorted(ids)}))
            self._bump_generation()
            (self._meeting_dir() / f"{mid}.json").unlink(missing_ok=True)  # the commit
            n = self._delete_passages(ids)
            self._persist_docstore()
            journal.unlink(missing_ok=True)
            for q in (self.root / "quarantine").glob(f"{mid}.*") if quarantined else []:
                q.unlink(missing_ok=True)
            self._rebuild_bm25()
        return n

    def _ids_of_meeting(self, mid: str) -> set[str]:
        """Every passage of a meeting in Chroma and the docstore, found by metadata."""
        got = self.collection.get(where={"meeting_id": mid}, include=[])
        ids = set(got["ids"])
        ids |= {pid for pid, node in self.docstore.docs.items() if (node.metadata or {}).get("meeting_id") == mid}
        return ids

    # --- repair ------------------------------------------------------------------------

    def reindex(self, progress: Callable[[str, int, int], None] | None = None) -> ReindexResult:
        """Rebuild Chroma, the docstore and BM25 from the stored meetings (no source files).

        Vectors Chroma still holds for an unchanged passage are reused; the rest are embedded."""
        with self._writing():
            notes = self._quarantine_damaged()
            if self._schema() in MIGRATABLE:
                # Rewrite the records in the new schema; their passages are rebuilt below anyway.
                for mid, rec in self._records().items():
                    rec["status"] = "complete"
                    rec.setdefault("paths", _lineage_paths(rec))
                    _atomic_write(self._meeting_dir() / f"{mid}.json", json.dumps(rec, ensure_ascii=False))
                self._write_state(schema=SCHEMA_VERSION)
                notes.append(f"upgraded store {self.root} from schema 1 to {SCHEMA_VERSION}")
            for jpath in sorted(self._journal_dir().glob("*.json")) if self._journal_dir().exists() else []:
                if jpath.stem != "reindex":
                    notes.append(f"discarded interrupted write of {jpath.stem} (not committed)")
                    jpath.unlink(missing_ok=True)
            result = self._reindex_locked(progress)
            result.notes = notes + result.notes
        return result

    def _reindex_locked(self, progress: Callable[[str, int, int], None] | None = None) -> ReindexResult:
        from .passages import meeting_passages

        result = ReindexResult()
        journal = self._journal_dir() / "reindex.json"
        _atomic_write(journal, json.dumps({"op": "reindex"}))
        self._bump_generation()
        known: dict[str, Any] = {}
        try:
            col = self.collection
            got = col.get(include=["embeddings"])
            known = {pid: emb for pid, emb in zip(got["ids"], got["embeddings"])}
            self._client.delete_collection(COLLECTION)
        except Exception as exc:  # noqa: BLE001  an unreadable Chroma is what reindex is for
            if self.settings.chroma_url:
                raise
            aside = self.root / "quarantine" / f"chroma.{time.strftime('%Y%m%dT%H%M%S')}"
            if (self.root / "chroma").exists():
                aside.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.root / "chroma", aside)
                result.notes.append(f"the vector store would not open ({type(exc).__name__}); moved it to "
                                    f"{aside.relative_to(self.root)} and rebuilt it")
        self._collection = self._vector_store = None
        SimpleDocumentStore = _docstore_class()  # noqa: N806

        self._docstore = SimpleDocumentStore()
        records = self._records()
        pipes: dict[bool, Any] = {}
        for n, (mid, rec) in enumerate(sorted(records.items()), start=1):
            meeting = Meeting.from_dict({**rec["meeting"], "id": mid})
            nodes = meeting_passages(meeting, self.settings.passage_tokens)
            for nd in nodes:
                if nd.id_ in known and known[nd.id_] is not None:
                    nd.embedding = [float(x) for x in known[nd.id_]]
            missing = sum(nd.embedding is None for nd in nodes)
            if bool(missing) not in pipes:
                pipes[bool(missing)] = self._pipeline() if missing else _NoModelPipeline(self)
            pipes[bool(missing)].run(nodes=nodes, show_progress=False)
            result.embedded += missing
            result.passages += len(nodes)
            result.meetings += 1
            rec["passage_ids"] = [nd.id_ for nd in nodes]
            rec["status"] = "complete"
            _atomic_write(self._meeting_dir() / f"{mid}.json", json.dumps(rec, ensure_ascii=False))
            if progress:
                progress(mid, n, len(records))
        self._persist_docstore()
        self._rebuild_bm25()
        journal.unlink(missing_ok=True)
        for aside in (self.root / "quarantine").glob("chroma.*") if (self.root / "quarantine").exists() else []:
            shutil.rmtree(aside, ignore_errors=True)
        return result

    def doctor(self) -> DoctorReport:
        """Check that every committed meeting's passages are in Chroma, the docstore, BM25 and
        the manifest, and nothing else is. Reads only; reports each problem found."""
        rep = DoctorReport()
        records, damaged = self._read_records()
        for path, why in damaged:
            rep.problems.append(Problem("damaged-record", f"meeting record {path.name} is damaged ({why}); "
                                        "the next write moves it to quarantine/ (re-ingest its source file)"))
        for jpath in sorted(self._journal_dir().glob("*.json")) if self._journal_dir().exists() else []:
            rep.problems.append(Problem("interrupted-write", f"an interrupted write ({jpath.stem}) is pending; "
                                        "the next ingest, remove or reindex finishes or rolls it back"))
        if self._schema() in MIGRATABLE:
            rep.problems.append(Problem("schema", "the store is in schema 1; the next write upgrades it"))
        manifest: dict[str, str] = {}
        for mid, rec in records.items():
            if rec.get("status", "complete") != "complete":
                rep.problems.append(Problem("interrupted-write", "interrupted schema-1 write", mid))
                continue
            for pid in rec.get("passage_ids", []):
                manifest[pid] = mid
        rep.meetings = len(records)
        rep.manifest_passages = len(manifest)

        indexes: dict[str, set[str] | None] = {}
        # Chroma
        if not self.settings.chroma_url and not (self.root / "chroma" / "chroma.sqlite3").exists():
            if manifest:
                rep.problems.append(Problem("missing-index", "the vector store is missing (chroma/chroma.sqlite3)"))
            indexes["chroma"] = set() if manifest else set()
        else:
            try:
                indexes["chroma"] = set(self.collection.get(include=[])["ids"])
            except Exception as exc:  # noqa: BLE001
                rep.problems.append(Problem("missing-index", f"the vector store will not open: {str(exc)[:160]}"))
                indexes["chroma"] = None
        # docstore
        path = self.root / "docstore.json"
        if not path.exists():
            if manifest:
                rep.problems.append(Problem("missing-index", "the docstore is missing (docstore.json)"))
            indexes["docstore"] = set()
        else:
            try:
                self._docstore = None
                indexes["docstore"] = set(self.docstore.docs)
            except MinutesError as exc:
                rep.problems.append(Problem("missing-index", str(exc)))
                indexes["docstore"] = None
        # BM25
        bm25_ids, why = self._bm25_ids_on_disk()
        if bm25_ids is None:
            if manifest:
                rep.problems.append(Problem("missing-index", f"the BM25 index {why}"))
            indexes["bm25"] = set()
        else:
            indexes["bm25"] = bm25_ids
            if self._bm25_stale():
                rep.problems.append(Problem("stale-bm25", "the BM25 index is older than the last write"))
        for name, ids in indexes.items():
            rep.counts[name] = None if ids is None else len(ids)
            if ids is None:
                continue
            label = {"chroma": "Chroma", "docstore": "the docstore", "bm25": "BM25"}[name]
            missing: dict[str, int] = {}
            for pid, mid in manifest.items():
                if pid not in ids:
                    missing[mid] = missing.get(mid, 0) + 1
            for mid, k in sorted(missing.items()):
                total = len(records[mid].get("passage_ids", []))
                rep.problems.append(Problem("missing-passages", f"{k} of {total} passages missing from {label}", mid))
            orphans = ids - set(manifest)
            if orphans:
                rep.problems.append(Problem("orphans", f"{len(orphans)} passages in {label} belong to no stored meeting "
                                            f"(e.g. {sorted(orphans)[0]})"))
        for mid, rec in records.items():
            if not rec.get("passage_ids"):
                rep.problems.append(Problem("missing-passages", "the manifest lists no passages for this meeting", mid))
        return rep

    # --- BM25 ------------------------------------------------------------------------

    def _bm25_stale(self) -> bool:
        marker = self.root / "bm25" / "generation"
        try:
            return marker.read_text().strip() != str(self.generation)
        except OSError:
            return True

    def _bm25_broken(self) -> bool:
        """A cheap check that the BM25 files on disk are all there and parse (doctor checks fully)."""
        path = self.root / "bm25"
        if not (path / "params.index.json").exists():
            return bool(self.committed_passage_ids())
        try:
            json.loads((path / "params.index.json").read_text(encoding="utf-8"))
            json.loads((path / "vocab.index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            return True
        return not (path / "corpus.jsonl").exists()

    def _bm25_ids_on_disk(self) -> tuple[set[str] | None, str]:
        path = self.root / "bm25"
        if not path.exists():
            return None, "is missing (bm25/)"
        corpus = path / "corpus.jsonl"
        if not corpus.exists():
            if (path / "generation").exists() and not any(path.glob("*.npy")) and not (path / "params.index.json").exists():
                return set(), ""  # an empty store's index
            return None, "is incomplete (bm25/corpus.jsonl missing)"
        ids = set()
        try:
            for ln in corpus.read_text(encoding="utf-8").splitlines():
                if ln.strip():
                    ids.add(json.loads(ln)["node_id"])
            import bm25s

            bm25s.BM25.load(str(path), load_corpus=False, show_progress=False)
        except Exception as exc:  # noqa: BLE001  bm25s/orjson/numpy raise many types for a damaged index
            return None, f"will not load ({type(exc).__name__})"
        return ids, ""

    def _bm25_nodes(self) -> list:
        committed = self.committed_passage_ids()
        return [node for pid, node in self.docstore.docs.items() if pid in committed]

    def _rebuild_bm25(self) -> None:
        from llama_index.retrievers.bm25 import BM25Retriever

        target = self.root / "bm25"
        nodes = self._bm25_nodes()
        tmp = self.root / ".bm25.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        if nodes:
            retriever = BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=min(10, len(nodes)))
            retriever.persist(str(tmp), show_progress=False)  # no progress bar on stderr
        else:
            tmp.mkdir(parents=True)
        if not self.settings.chroma_url:
            # the query path's snapshot (rag/snapshot.py): each BM25 row's vector, from Chroma
            from .snapshot import write_vectors

            write_vectors(tmp, [n.node_id for n in nodes], self.collection, target if target.exists() else None,
                          self.generation)
        (tmp / "generation").write_text(str(self.generation))
        old = self.root / ".bm25.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
        self._bm25 = None

    def bm25(self):
        """The BM25 index (bm25s object with `.corpus`), or None for an empty store.

        Never waits on a writer and never writes: the index on disk is the last committed one
        (a writer replaces it whole); when it is missing or damaged, one is built in memory
        from the docstore's committed passages (`minutes doctor` reports it, a write repairs it)."""
        import bm25s

        gen = self.generation
        if self._bm25 is not None and self._bm25_generation == gen:
            return self._bm25
        path = self.root / "bm25"
        loaded = None
        self._bm25_from_disk = False
        if (path / "params.index.json").exists() or (path / "retriever.json").exists():
            try:
                loaded = bm25s.BM25.load(str(path), load_corpus=True, show_progress=False)
                self._bm25_from_disk = (path / "generation").read_text().strip() == str(gen)
            except Exception:  # noqa: BLE001  damaged, or caught mid-swap by a writer
                loaded = None
        if loaded is None:
            self._docstore = None  # read the docstore as it is now
            nodes = self._bm25_nodes()
            if not nodes:
                self._bm25, self._bm25_generation = None, gen
                return None
            from llama_index.retrievers.bm25 import BM25Retriever

            retriever = BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=min(10, len(nodes)))
            loaded = retriever.bm25
            loaded.corpus = retriever.corpus
        self._bm25, self._bm25_generation = loaded, gen
        return self._bm25


def _sqlite_header_ok(path: Path) -> bool:
    """The file is there and starts as an SQLite database (16 bytes read: cheap per query)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _compatible(old: str | None, new: str | None) -> bool:
    """Two statements of a meeting's date or committee that may be the same meeting's."""
    return not old or not new or old.strip().lower() == new.strip().lower()


def _forget_chroma_system(path: Path) -> None:
    """Drop chromadb's per-process cache of a local database whose file is gone, so the next
    client opens (creates) the file on disk instead of the deleted one still held open."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient
    except ImportError:  # pragma: no cover
        return
    system = SharedSystemClient._identifier_to_system.pop(str(path), None)
    SharedSystemClient._identifier_to_refcount.pop(str(path), None)
    if system is not None:
        try:
            system.stop()
        except Exception:  # noqa: BLE001  stopping a system whose files are gone may fail; it is dropped anyway
            pass


def _is_hash(s: str) -> bool:
    return 6 <= len(s) <= 16 and all(c in "0123456789abcdef" for c in s)


def _writable(path: Path) -> bool:
    """Whether Chroma could open this directory for writing (it cannot open it otherwise)."""
    db = path / "chroma.sqlite3"
    return os.access(path, os.W_OK) and (not db.exists() or os.access(db, os.W_OK)) and not _read_only_fs(path)


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


@lru_cache(maxsize=1)
def _docstore_class():
    """llama-index's SimpleDocumentStore, keeping passages without their vectors.

    Why: Chroma holds the vectors; a copy of each in docstore.json made it five times larger
    (17 MB for the 40-document corpus) and it is rewritten whole after every meeting of an
    ingest (0.3-0.6 s a time at the end, about 10 s of a 3-minute corpus ingest). Nothing
    reads a vector back from the docstore: BM25 drops them, reindex takes Chroma's. Stores
    written before keep theirs until the passage is rewritten; both load alike."""
    from llama_index.core.storage.docstore import SimpleDocumentStore

    class PassageDocstore(SimpleDocumentStore):
        def add_documents(self, docs, allow_update: bool = True, batch_size=None, store_text: bool = True) -> None:
            docs = [d.model_copy(update={"embedding": None}) if getattr(d, "embedding", None) is not None else d
                    for d in docs]
            super().add_documents(docs, allow_update=allow_update, batch_size=batch_size, store_text=store_text)

    return PassageDocstore


@lru_cache(maxsize=1)
def _embed_missing_class():
    from llama_index.core.schema import TransformComponent

    class EmbedMissing(TransformComponent):
        """The embedding step, skipping passages that already carry a vector (reindex reuses them)."""

        embed_model: Any

        def __call__(self, nodes, **kwargs):
            todo = [n for n in nodes if n.embedding is None]
            if todo:
                self.embed_model(todo, **kwargs)
            return nodes

    return EmbedMissing


def _EmbedMissing(embed_model):  # noqa: N802  a factory: llama-index is imported only when writing
    return _embed_missing_class()(embed_model=embed_model)


class _NoModelPipeline:
    """Reindex of passages whose vectors are all known: the same writes as the pipeline,
    without loading the model."""

    def __init__(self, store: MinutesStore) -> None:
        from llama_index.core.ingestion import DocstoreStrategy, IngestionPipeline

        self._pipe = IngestionPipeline(transformations=[], vector_store=store.vector_store, docstore=store.docstore,
                                       docstore_strategy=DocstoreStrategy.UPSERTS, disable_cache=True)

    def run(self, nodes, show_progress: bool = False):
        return self._pipe.run(nodes=nodes, show_progress=show_progress)


class _WriteBehind:
    """One background thread running the writes in the order submitted, while the ingest embeds
    the next window. After a write fails none of the later ones runs (as if the process had
    died there), and `wait` raises that error on the caller's thread (a SimulatedKill in the
    tests, an OSError or a Chroma error for real)."""

    def __init__(self) -> None:
        self._pool = None
        self._futures: list = []
        self._failed = False

    def submit(self, fn, *args) -> None:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="minutes-write")
        self._futures.append(self._pool.submit(self._run, fn, args))

    def _run(self, fn, args) -> None:
        if self._failed:
            return
        try:
            fn(*args)
        except BaseException:
            self._failed = True
            raise

    def wait(self) -> None:
        futures, self._futures = self._futures, []
        first = None
        for future in futures:
            try:
                future.result()
            except BaseException as exc:  # noqa: BLE001  re-raised below, the first one
                first = first or exc
        if first is not None:
            raise first

    def close(self) -> None:
        """Let writes in flight finish (their error, when the caller is already failing, is dropped)."""
        try:
            self.wait()
        except BaseException:  # noqa: BLE001  the caller's own exception is the one to see
            pass
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None


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
