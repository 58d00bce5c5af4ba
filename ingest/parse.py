"""Parse one minutes document into a `Meeting`: the entry point for CLI, app and store.

Metadata precedence: explicit overrides (CLI flags, app form) > a sidecar file next to the
document (`NAME.meta.json`) > what the document says. Nothing is guessed: a field the
document does not state stays empty with a warning the user can act on.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from .errors import IngestError, MinutesError
from .header import (apologies_from_items, attendance_from_items, details_sources, parse_date,
                     parse_header, present_not_apologised)
from .items import build_item, extract_resolutions
from .model import AgendaItem, Meeting, content_hash
from .blocks import Block, render_text, text_blocks
from .readers import read_blocks
from .segment import SegmentParams, number_key, split_blocks


@dataclass
class MeetingOverrides:
    """Metadata the user supplies or corrects."""

    council: str | None = None
    committee: str | None = None
    date: str | None = None
    venue: str | None = None
    time: str | None = None
    chair: str | None = None

    def __post_init__(self) -> None:
        if self.date:
            try:
                self.date = date.fromisoformat(self.date.strip()).isoformat()
            except ValueError:
                raise MinutesError(f"date '{self.date}' is not a date in YYYY-MM-DD form") from None

    def merged_over(self, other: "MeetingOverrides") -> "MeetingOverrides":
        """These values where set, else other's."""
        return MeetingOverrides(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def read_sidecar(path: Path) -> MeetingOverrides:
    """`NAME.meta.json` next to the document: {"committee": ..., "date": "YYYY-MM-DD", ...}."""
    side = sidecar_path(path)
    if not side.exists():
        return MeetingOverrides()
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise IngestError(side, f"sidecar is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise IngestError(side, "sidecar must hold a JSON object")
    known = {f.name for f in fields(MeetingOverrides)}
    unknown = set(data) - known
    if unknown:
        raise IngestError(side, f"unknown sidecar keys {sorted(unknown)}", f"allowed: {sorted(known)}")
    try:
        return MeetingOverrides(**{k: (str(v) if v is not None else None) for k, v in data.items()})
    except MinutesError as exc:
        raise IngestError(side, str(exc)) from None


def parse_file(path: str | Path, overrides: MeetingOverrides | None = None, source: str | None = None) -> Meeting:
    """Read and parse a document; raises `IngestError` for anything unreadable."""
    path = Path(path)
    return parse_read(read_for_parse(path), path, overrides, source=source)


def read_for_parse(path: str | Path) -> list[Block]:
    """The document's blocks (read once; `parse_read` may segment them many times, as the
    structure evaluation does when it tries segmentation settings)."""
    return read_blocks(Path(path))


def parse_read(blocks: list[Block], path: str | Path, overrides: MeetingOverrides | None = None,
               params: SegmentParams | None = None, source: str | None = None) -> Meeting:
    """Parse what `read_for_parse` returned, with the sidecar applied like `parse_file`."""
    path = Path(path)
    meta = (overrides or MeetingOverrides()).merged_over(read_sidecar(path))
    return parse_blocks(blocks, source or str(path), meta, params)


def parse_text(text: str, source: str, overrides: MeetingOverrides | None = None) -> Meeting:
    """Parse plain text (one block per line)."""
    return parse_blocks(text_blocks(text), source, overrides)


def parse_blocks(blocks: list[Block], source: str, overrides: MeetingOverrides | None = None,
                 params: SegmentParams | None = None) -> Meeting:
    overrides = overrides or MeetingOverrides()
    pre_blocks, raw_items = split_blocks(blocks, params)
    text = render_text(blocks)
    preamble = render_text(pre_blocks).split("\n") if pre_blocks else []
    warnings: list[str] = []
    header = parse_header(preamble, text)

    items: list[AgendaItem] = []
    stated: dict[int, str] = {}
    for pos, raw in enumerate(raw_items):
        item, number = build_item(raw, pos)
        items.append(item)
        if number:
            stated[pos] = number
    if not items:
        body = "\n".join(preamble).strip()
        items = [AgendaItem(number=None, title="Whole document", text=body, position=0)]
        items[0].resolutions = extract_resolutions(body)
        warnings.append("no agenda items recognised: the whole text is kept as one item")
    _infer_numbers(items, stated, warnings)
    if not header.attendees:
        attendance_from_items(items, header)

    apologies = header.apologies or apologies_from_items([it.text for it in items if re.search(r"apolog", it.title, re.I)])
    meeting = Meeting(
        council=overrides.council or header.council,
        committee=overrides.committee or header.committee,
        date=overrides.date or header.date,
        source=source,
        items=items,
        time=overrides.time or header.time,
        venue=overrides.venue or header.venue,
        chair=overrides.chair or header.chair,
        attendees=present_not_apologised(header.attendees, apologies, header.absent),
        apologies=apologies,
        absent=header.absent,
        details_source=details_sources(header, overrides),
        text_hash=content_hash(text),
        preamble=_preamble_text(preamble) if raw_items else "",
    )
    warnings.extend(header.notes)
    _metadata_warnings(meeting, warnings)
    truncated = [it.label for it in items if it.truncated]
    if truncated:
        warnings.append(f"{len(truncated)} item(s) truncated in the source: {', '.join(truncated)}")
    meeting.warnings = warnings
    from .decisions import extract_meeting_decisions  # every decision, with item.resolutions kept in step

    meeting.decisions = extract_meeting_decisions(meeting)
    return meeting


def _preamble_text(lines: list[str]) -> str:
    from .segment import _FURNITURE_LINE

    kept = [ln.strip() for ln in lines if ln.strip() and not _FURNITURE_LINE.match(ln.strip())]
    return "\n".join(kept)


def _metadata_warnings(meeting: Meeting, warnings: list[str]) -> None:
    stem = Path(meeting.source).stem
    hint = parse_date(stem.replace("-", " ")) or _partial_date(stem)
    for name in ("committee", "date", "council"):
        if getattr(meeting, name):
            continue
        msg = f"{name} not stated in the document"
        if name == "date" and hint:
            msg += f" (the file name suggests {hint}; confirm it with --date or a sidecar)"
        else:
            msg += f" (supply it with --{name} or {Path(meeting.source).stem}.meta.json)"
        warnings.append(msg)


def _partial_date(stem: str) -> str | None:
    m = re.search(r"(?<!\d)(19|20)(\d{2})-(\d{2})(?:-(\d{2}))?(?!\d)", stem)
    return m.group(0) if m else None


def _infer_numbers(items: list[AgendaItem], stated: dict[int, str], warnings: list[str]) -> None:
    """Fill missing item numbers from numbers the text states, counting up and down from them.

    Copying a ModernGov page can lose every item number while the truncation notes keep
    theirs ("view the full minutes text for item 28"); the neighbours of a stated item are
    numbered consecutively from it, and marked as inferred.
    """
    if any(it.number for it in items):
        return  # the document prints numbers: an unnumbered heading among them has none
    for pos, num in stated.items():
        if items[pos].number is None:
            items[pos].number = num
            items[pos].number_inferred = True
    anchors = [(p, it.number) for p, it in enumerate(items) if it.number and re.fullmatch(r"(?:\d+/)?\d+", it.number)]
    if not anchors or all(it.number for it in items):
        return
    inferred = 0
    for pos, item in enumerate(items):
        if item.number:
            continue
        anchor_pos, anchor_num = min(anchors, key=lambda a: abs(a[0] - pos))
        prefix, _, last = anchor_num.rpartition("/")
        value = int(last) + (pos - anchor_pos)
        if value <= 0:
            continue
        item.number = f"{prefix}/{value}" if prefix else str(value)
        item.number_inferred = True
        inferred += 1
    if inferred:
        warnings.append(f"{inferred} item number(s) inferred from numbers stated in the text")
    keys = [number_key(it.number) for it in items if it.number]
    if keys != sorted(keys):
        warnings.append("item numbers are not in increasing order; check the item list")
