"""`Minutes`: the one object the CLI, the app and the evaluation use.

Why one object: opening the store, building the retriever and loading the embedding model
used to happen separately in six places, so nothing stayed warm between uses. A `Minutes`
owns settings -> store -> retriever -> answer engine, creates each on first use (so
`minutes meetings` never imports torch), and keeps the caches (sentence vectors, briefings)
alive for as long as it lives. It is a façade: every method delegates to the module that
does the work (rag.store, rag.retrieve, rag.answer, rag.brief, rag.timeline, rag.indexing).

API (stable; extend, don't break):

    from rag.front import Minutes

    mn = Minutes.open(store="~/.minutes", llm=None, create=False)  # or Minutes(Settings(...))
    mn.settings            # rag.config.Settings
    mn.store               # rag.store.MinutesStore (opened lazily)
    mn.retriever           # rag.retrieve.Retriever (lazily)
    mn.root                # Path of the store directory
    Minutes.of(store_or_minutes)  # wrap an already open MinutesStore (eval, tests)
    mn.generation          # store generation (bumped by every write, in any process)
    mn.refresh()           # pick up writes by another process (call once per app rerun)
    mn.warm()              # load the embedding model and BM25 now (app start, bench)

    mn.ingest(paths, overrides=None, on_parsed=None, on_stored=None) -> IngestReport
    mn.ingest_meetings(meetings, progress=None) -> IngestResult       # already parsed
    mn.meetings() -> list[Meeting]          # newest first
    mn.meeting(meeting_id) -> Meeting       # MinutesError listing known ids if absent
    mn.remove(meeting_id) -> int            # passages deleted
    mn.passage_count() -> int

    mn.filters(committee=, council=, meeting_id=, date_from=, date_to=, kind=) -> Filters
    mn.search(query, filters=None, top_k=5, mode="hybrid") -> list[SearchHit]
    mn.ask(question, filters=None, llm=None) -> Answer
    mn.briefing(meeting_id, llm=None) -> Briefing   # cached by the meeting's content, in memory
                                                    # and in the store (rag/brief_cache.py)
    mn.timeline(topic, filters=None) -> list[TimelineEntry]
    mn.decisions(committee=None, date_from=None, date_to=None) -> list[Decision]

Errors are `ingest.errors.MinutesError` (StoreError for the store), as before.

In the Streamlit app keep one per store path:

    @st.cache_resource
    def minutes_for(root: str) -> Minutes:
        return Minutes.open(store=root)
    mn = minutes_for(str(root)); mn.refresh()

`refresh()` is cheap (one small JSON read) and drops the meeting list and briefings when
another process wrote to the store, so a long-lived object never serves stale meetings.
Thread safety: reads may run concurrently; writes take the store's file lock.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings

if TYPE_CHECKING:  # imported lazily at run time: opening a Minutes must stay cheap
    from ingest.model import Answer, Decision, Meeting, SearchHit
    from ingest.parse import MeetingOverrides

    from .brief import Briefing
    from .indexing import IngestReport
    from .retrieve import Filters, Retriever
    from .store import IngestResult, MinutesStore
    from .timeline import TimelineEntry

BRIEFING_CACHE_SIZE = 64


class Minutes:
    """Settings -> store -> retriever -> engines, each created on first use."""

    def __init__(self, settings: Settings | None = None, create: bool = False) -> None:
        self.settings = settings or Settings()
        self._create = create
        self._store: MinutesStore | None = None
        self._retriever: Retriever | None = None
        self._generation: int | None = None
        self._briefings: OrderedDict[tuple[str, str, str], Briefing] = OrderedDict()
        self._lock = threading.RLock()
        from .embed import one_blas_thread

        one_blas_thread()  # numpy's small query-time products: one thread (rag/embed.py)

    @classmethod
    def open(cls, store: str | Path | None = None, llm: str | None = None, create: bool = False) -> "Minutes":
        """Open the store now (so a missing/damaged store fails here, with its message)."""
        mn = cls(Settings.from_options(store=Path(store).expanduser() if store else None, llm=llm), create=create)
        mn.store  # noqa: B018
        return mn

    @classmethod
    def of(cls, store: "MinutesStore | Minutes") -> "Minutes":
        """A Minutes around an already open MinutesStore (or the Minutes itself)."""
        if isinstance(store, Minutes):
            return store
        mn = cls(store.settings)
        mn._store = store
        mn._generation = store.generation
        mn._use_sentence_cache()
        return mn

    # --- components ------------------------------------------------------------------

    @property
    def store(self) -> "MinutesStore":
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from .store import MinutesStore

                    self._store = MinutesStore.open(self.settings, create=self._create)
                    self._generation = self._store.generation
                    self._use_sentence_cache()
        return self._store

    @property
    def retriever(self) -> "Retriever":
        if self._retriever is None:
            with self._lock:
                if self._retriever is None:
                    from .retrieve import Retriever

                    self._retriever = Retriever(self.store)
        return self._retriever

    @property
    def root(self) -> Path:
        return Path(self.settings.store)

    @property
    def generation(self) -> int:
        return self.store.generation

    def _use_sentence_cache(self) -> None:
        """Sentence vectors persist in the store directory, so a new process does not re-embed."""
        from .embed import set_sentence_cache_dir

        set_sentence_cache_dir(self.root if self.root.is_dir() else None)

    def refresh(self) -> bool:
        """Forget what another process may have changed; True when the store had changed."""
        gen = self.store.generation
        if gen == self._generation:
            return False
        with self._lock:
            self._generation = gen
            self.store._meetings = None  # re-read the manifest on next use
            if self._retriever is not None:
                self._retriever.invalidate()
            self._briefings.clear()
        return True

    def _changed(self) -> None:
        """After our own write: caches that depend on the store go."""
        with self._lock:
            self._generation = self.store.generation
            if self._retriever is not None:
                self._retriever.invalidate()
            self._briefings.clear()
        self._use_sentence_cache()

    def warm(self) -> None:
        """Load what the first question would otherwise wait for."""
        from .embed import embed_query

        embed_query("warm up")
        self.store.meetings()
        if self.store.passage_count():
            self.retriever.warm()

    # --- store -----------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path], overrides: "MeetingOverrides | None" = None,
               on_parsed: Callable[[Path, str | None], None] | None = None,
               on_stored: Callable[[str, int, int], None] | None = None) -> "IngestReport":
        from .indexing import ingest_paths

        try:
            return ingest_paths(self.store, paths, overrides, on_parsed=on_parsed, on_stored=on_stored)
        finally:
            self._changed()

    def ingest_meetings(self, meetings: list["Meeting"], progress: Callable[[str, int, int], None] | None = None) -> "IngestResult":
        try:
            return self.store.ingest(meetings, progress=progress)
        finally:
            self._changed()

    def meetings(self) -> list["Meeting"]:
        return self.store.meetings()

    def meeting(self, meeting_id: str) -> "Meeting":
        return self.store.get_meeting(meeting_id)

    def remove(self, meeting_id: str) -> int:
        try:
            return self.store.remove(meeting_id)
        finally:
            self._changed()

    def passage_count(self) -> int:
        return self.store.passage_count()

    # --- questions -------------------------------------------------------------------

    @staticmethod
    def filters(committee: str | None = None, council: str | None = None, meeting_id: str | None = None,
                date_from: str | None = None, date_to: str | None = None, kind: str | None = None) -> "Filters":
        from .retrieve import Filters

        return Filters(committee=committee, council=council, meeting_id=meeting_id, date_from=date_from,
                       date_to=date_to, kind=kind)

    def search(self, query: str, filters: "Filters | None" = None, top_k: int = 5, mode: str = "hybrid") -> list["SearchHit"]:
        return self.retriever.search(query, filters, top_k=top_k, mode=mode)

    def ask(self, question: str, filters: "Filters | None" = None, llm: str | None = None) -> "Answer":
        from .answer import ask

        return ask(self.retriever, question, filters, llm=llm or self.settings.llm)

    def timeline(self, topic: str, filters: "Filters | None" = None) -> list["TimelineEntry"]:
        from .timeline import timeline

        return timeline(self.retriever, topic, filters)

    def decisions(self, committee: str | None = None, date_from: str | None = None,
                  date_to: str | None = None) -> list["Decision"]:
        from .indexing import decisions

        return decisions(self.store, committee, date_from, date_to)

    def briefing(self, meeting_id: str, llm: str | None = None) -> "Briefing":
        """The meeting's briefing, computed once per content of the meeting (and engine)."""
        from ingest.model import content_hash

        from .brief import briefing

        meeting = self.meeting(meeting_id)
        spec = llm or self.settings.llm or "extractive"
        key = (meeting_id, content_hash(json.dumps(meeting.to_dict(), sort_keys=True, ensure_ascii=False)), spec)
        with self._lock:
            cached = self._briefings.get(key)
            if cached is not None:
                self._briefings.move_to_end(key)
                return cached
        from .brief_cache import load_briefing, save_briefing

        b = load_briefing(self.root, key, meeting)
        if b is None:
            b = briefing(meeting, llm=llm)
            save_briefing(self.root, key, b)
        with self._lock:
            self._briefings[key] = b
            while len(self._briefings) > BRIEFING_CACHE_SIZE:
                self._briefings.popitem(last=False)
        return b
