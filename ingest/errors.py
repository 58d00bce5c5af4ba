"""Errors a user can act on.

Every failure to read a document becomes an `IngestError` naming the file, what is wrong
and what to do, so the CLI and the app can print one line instead of a traceback.
"""
from __future__ import annotations

from pathlib import Path


class MinutesError(Exception):
    """Base class for errors whose message is meant for the user, as is."""


class IngestError(MinutesError):
    def __init__(self, path: str | Path, reason: str, hint: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        self.hint = hint
        msg = f"{Path(self.path).name}: {reason}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)
