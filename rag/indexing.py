"""From paths on disk to stored meetings, with a per-file account of what happened.

A bad file never stops the others: it is reported with its reason and the rest go in.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from ingest.model import Decision, Meeting
from ingest.parse import MeetingOverrides
from ingest.readers import supported

from .parse_ahead import parse_in_order
from .store import IngestResult, MinutesStore


@dataclass
class IngestReport:
    files: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # duplicates and the like
    meetings: list[Meeting] = field(default_factory=list)
    result: IngestResult = field(default_factory=IngestResult)

    @property
    def items(self) -> int:
        return sum(len(m.items) for m in self.meetings)

    @property
    def ok(self) -> bool:
        """Something usable went in (or was already there: skipped files are duplicates)."""
        return bool(self.meetings or self.skipped)


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Documents under the given paths; folders are searched recursively.

    Sidecars (NAME.meta.json) and READMEs are not documents. Unsupported files named
    explicitly are errors; inside a folder they are skipped silently unless nothing is found.
    """
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and supported(f) and not f.name.startswith(".")
                and not f.name.lower().startswith("readme") and not f.name.endswith(".meta.json")
            )
            if not found:
                errors.append((str(p), "no minutes documents found in this folder (.txt, .html, .pdf, .docx)"))
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            errors.append((str(p), "file not found"))
    return files, errors


def ingest_paths(
    store: MinutesStore,
    paths: Iterable[str | Path],
    overrides: MeetingOverrides | None = None,
    on_parsed: Callable[[Path, str | None], None] | None = None,
    on_stored: Callable[[str, int, int], None] | None = None,
) -> IngestReport:
    """Parse every document and store the meetings; `on_parsed(path, error)` and
    `on_stored(meeting_id, n, total)` report progress to the CLI or the app."""
    report = IngestReport()
    files, report.failed = collect_files(paths)
    seen: dict[str, str] = {}
    ids: set[str] = set()
    crashed: list[BaseException] = []

    def parsed() -> Iterator[Meeting]:
        # Parsed ahead in a second process (rag/parse_ahead.py) while the store embeds the
        # meetings already yielded: parsing no longer adds to the embedding time.
        try:
            for path, meeting, error in parse_in_order(files, overrides):
                report.files.append(str(path))
                if meeting is None:
                    report.failed.append((str(path), error or "could not be read"))
                    if on_parsed:
                        on_parsed(path, error)
                    continue
                fresh = False
                if meeting.text_hash in seen:
                    report.skipped.append((str(path), f"same text as {Path(seen[meeting.text_hash]).name}; not stored twice"))
                elif meeting.id in ids:
                    report.skipped.append((str(path), f"another file in this batch is the same meeting ({meeting.id})"))
                else:
                    seen[meeting.text_hash] = str(path)
                    ids.add(meeting.id)
                    report.meetings.append(meeting)
                    fresh = True
                if on_parsed:
                    on_parsed(path, None)
                if fresh:
                    yield meeting
        except Exception as exc:  # noqa: BLE001  a reader's bug: raised after what was parsed is stored
            crashed.append(exc)

    def stored(meeting_id: str, n: int, _total: int) -> None:
        # every file not failed or skipped so far is a meeting to store: exact by the last call
        if on_stored:
            on_stored(meeting_id, n, max(n, len(files) - len(report.failed) + len(collected_failures)
                                        - len(report.skipped)))

    collected_failures = list(report.failed)
    stream = parsed()
    try:
        first = next(stream, None)
        if first is not None:
            # The store decides identity (rag/store.py `identify`): a stored text under another
            # name is unchanged or skipped, a new version of a stored file replaces it.
            report.result = store.ingest(chain([first], stream), progress=stored)
    finally:
        stream.close()
    if crashed:
        raise crashed[0]
    if report.meetings:
        not_stored = {src for src, _ in report.result.skipped}
        report.skipped += report.result.skipped
        report.meetings = [m for m in report.meetings if m.source not in not_stored]
    return report


def decisions(store: MinutesStore, committee: str | None = None, date_from: str | None = None,
              date_to: str | None = None, **filters) -> list[Decision]:
    """The decisions register: every decision of every stored meeting, oldest meeting first.

    `filters`: outcome, member, text, council, meeting_id (see `rag.register.filter_decisions`).
    """
    from .register import decisions as register

    return register(store, committee, date_from, date_to, **filters)


DECISION_COLUMNS = ["date", "committee", "council", "meeting_id", "item", "item_title", "decision", "outcome",
                    "mover", "seconder", "votes_for", "votes_against", "abstentions", "voted_for", "voted_against",
                    "abstained", "absent", "inferred", "source"]


def spreadsheet_safe(value: str) -> str:
    """Text from minutes must not run as a formula when a clerk opens the CSV in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def decisions_csv(rows: list[Decision], sources: dict[str, str] | None = None, bom: bool = True) -> str:
    """The decisions register as CSV, for the CLI and the app alike.

    UTF-8 with a byte-order mark (so spreadsheet programs read accents and "£" right), every
    cell made formula-safe, one row per decision, and a `source` column naming the document
    each decision was read from (`sources`: meeting id -> source path).
    """
    import csv
    import io

    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    w = csv.writer(buf)
    w.writerow(DECISION_COLUMNS)
    sources = sources or {}

    def num(x):
        return "" if x is None else str(x)

    for d in rows:
        v = d.vote
        cells = [d.date or "", d.committee or "", d.council or "", d.meeting_id, d.item_number, d.item_title, d.text,
                 d.outcome or "", d.mover or "", d.seconder or "",
                 num(v.for_) if v else "", num(v.against) if v else "", num(v.abstain) if v else "",
                 "; ".join(v.yes) if v else "", "; ".join(v.no) if v else "", "; ".join(v.abstained) if v else "",
                 "; ".join(v.absent) if v else "", "; ".join(d.inferred), sources.get(d.meeting_id, "")]
        w.writerow([spreadsheet_safe(str(c)) for c in cells])
    return buf.getvalue()
