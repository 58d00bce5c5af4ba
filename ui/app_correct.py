"""Correcting a meeting's council, committee or date from the app.

The correction is stored the way a clerk would store it by hand — the sidecar
`NAME.meta.json` beside the original document, which every later ingest of that file
reads — and the meeting is re-parsed and re-indexed through the normal ingest path. The
old record is removed only after the corrected one is stored, so a failure loses nothing.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import MinutesError
from ingest.model import Meeting
from ingest.parse import MeetingOverrides, parse_file, sidecar_path
from ui.app_common import source_file

FIELDS = ("council", "committee", "date")


@dataclass
class Correction:
    meeting_id: str
    message: str
    sidecar_saved: bool


def correct_meeting(store, meeting: Meeting, council: str, committee: str, date: str) -> Correction:
    """Store the corrected details and re-index the meeting; raises MinutesError with a
    message a clerk can act on (a bad date, a store that cannot be written)."""
    wanted = {"council": council.strip() or None, "committee": committee.strip() or None, "date": date.strip() or None}
    overrides = MeetingOverrides(**wanted)  # validates the date
    wanted["date"] = overrides.date
    if all(wanted[k] == getattr(meeting, k) for k in FIELDS):
        return Correction(meeting.id, "Nothing changed: those are already the meeting's details.", False)
    path = source_file(meeting)
    saved = False
    if path is not None:
        saved = _write_sidecar(path, wanted)
        corrected = parse_file(path, overrides, source=meeting.source)
    else:  # the document has moved: correct the stored meeting itself
        corrected = dataclasses.replace(meeting, **wanted, id="",
                                        warnings=[w for w in meeting.warnings if not _fixed(w, wanted)])
    result = store.ingest([corrected])
    if corrected.id != meeting.id:
        store.remove(meeting.id)
    what = "re-indexed" if (result.added or result.updated) else "unchanged"
    note = "" if saved or path is None else " (the correction could not be saved beside the original document, " \
                                            "so adding that file again will need it again)"
    return Correction(corrected.id, f"Saved: {corrected.title}, {what}{note}.", saved)


def _fixed(warning: str, wanted: dict) -> bool:
    return any(wanted.get(k) and warning.startswith(f"{k} not stated") for k in FIELDS)


def _write_sidecar(document: Path, wanted: dict) -> bool:
    """Merge the corrected fields into NAME.meta.json (written atomically); False if the
    folder cannot be written."""
    side = sidecar_path(document)
    data: dict = {}
    if side.exists():
        try:
            loaded = json.loads(side.read_text(encoding="utf-8"))
            data = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            data = {}
    for k in FIELDS:
        if wanted[k]:
            data[k] = wanted[k]
        else:
            data.pop(k, None)
    try:
        fd, tmp = tempfile.mkstemp(dir=side.parent, prefix=f".{side.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the sidecar from other users of the folder
        os.replace(tmp, side)
        return True
    except OSError:
        return False


_NOT_STATED = re.compile(r"^(committee|date|council) not stated in the document")


def warnings_in_words(meeting: Meeting) -> list[str]:
    """The parser's warnings as a reader can act on them: no command-line flags or file names."""
    out = []
    for w in meeting.warnings:
        m = _NOT_STATED.match(w)
        if m:
            hint = re.search(r"suggests (\S+?)[;)]", w)
            out.append(f"The document does not state the {m.group(1)}"
                       + (f" (the file name suggests {hint.group(1)})" if hint else "")
                       + ": add it under Correct details.")
        else:
            out.append(re.sub(r"\s*\((?:supply|confirm) it with[^)]*\)", "", w))
    return out
