"""Parsing ahead of the embedding: an ingest parses its documents in a second process while
it embeds the ones already parsed.

Why: parsing (pdfplumber above all) is pure Python and took about a fifth of a corpus ingest
(36 s of parse against ~150 s of embedding for the 40 corpus documents, eval/bench.py), time
the embedding thread sat idle. Torch embeds without holding the GIL only between Python calls,
so a parsing *thread* would stall it at every layer; a separate process does not. The worker is
a plain `python -c` child speaking pickles over its stdin/stdout (not multiprocessing, whose
spawn re-imports the caller's main script), kept a few documents ahead so memory stays flat.

Results come back in file order, and a document is parsed exactly as `parse_file` parses it
in-process (it is the same function). Anything odd (the worker will not start, dies, or a
document raises something other than MinutesError) falls back to parsing in this process,
so the outcome is never worse than parsing here: the worst case is the old speed.
"""
from __future__ import annotations

import json
import os
import pickle
import struct
import subprocess
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from ingest.errors import MinutesError
from ingest.model import Meeting
from ingest.parse import MeetingOverrides, parse_file

AHEAD = 8  # documents requested ahead of the one taken: the store embeds a window of several (rag/store.py)
MIN_FILES = 3  # fewer: starting a worker costs more than it saves


def enabled(n_files: int) -> bool:
    """A worker only pays off with a few documents and a second core; $MINUTES_PARSE_AHEAD=0 turns it off."""
    return (n_files >= MIN_FILES and (os.cpu_count() or 1) >= 2
            and os.environ.get("MINUTES_PARSE_AHEAD", "1").strip() not in ("0", "false", "no"))


def parse_here(path: Path, overrides: MeetingOverrides | None) -> tuple[Meeting | None, str | None]:
    try:
        return parse_file(path, overrides), None
    except MinutesError as exc:
        return None, str(exc)


def parse_in_order(files: list[Path], overrides: MeetingOverrides | None = None
                   ) -> Iterator[tuple[Path, Meeting | None, str | None]]:
    """(path, meeting or None, error or None) for each file, in order, parsed ahead when it pays."""
    if not enabled(len(files)):
        for f in files:
            yield (f, *parse_here(f, overrides))
        return
    worker = _Worker.start()
    asked: deque[int] = deque()  # documents the worker was asked for, in order
    nxt = 1  # the first document is parsed here while the worker starts up
    try:
        for i, f in enumerate(files):
            while worker is not None and nxt < len(files) and nxt <= i + AHEAD:
                if not worker.send(files[nxt], overrides):
                    worker = worker.stop()
                    break
                asked.append(nxt)
                nxt += 1
            if asked and asked[0] == i:
                asked.popleft()
                got = worker.receive() if worker is not None else None
                if got is None:  # the worker is gone: this document and the rest are parsed here
                    worker = worker.stop() if worker is not None else None
                    asked.clear()
                    nxt = len(files)
                elif got[0] == "ok":
                    yield f, got[1], None
                    continue
                elif got[0] == "error":
                    yield f, None, got[1]
                    continue
                # "crash" (not a MinutesError): parsed here, so a real exception is raised here
            yield (f, *parse_here(f, overrides))
    finally:
        if worker is not None:
            worker.stop()


class _Worker:
    """The child process: reads (path, overrides) pickles, answers ("ok", Meeting) | ("error", str) | ("crash", str)."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.proc = proc

    @classmethod
    def start(cls) -> "_Worker | None":
        # -I: no current directory or $PYTHONPATH on the path; the parent's own sys.path instead,
        # so the worker imports exactly the parser this process would run (not an `ingest/`
        # folder that happens to sit in the directory the user ran the command from)
        boot = "import json, os, sys; sys.path[:] = json.loads(os.environ['MINUTES_PARSE_AHEAD_PATH']); " \
               "from rag.parse_ahead import serve; serve()"
        env = {**os.environ, "MINUTES_PARSE_AHEAD_PATH": json.dumps([p or os.getcwd() for p in sys.path])}
        try:
            proc = subprocess.Popen([sys.executable, "-I", "-c", boot],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        except OSError:
            return None
        return cls(proc)

    def send(self, path: Path, overrides: MeetingOverrides | None) -> bool:
        try:
            _write(self.proc.stdin, (str(path), overrides))
            return True
        except (OSError, pickle.PicklingError, ValueError):
            return False

    def receive(self) -> tuple[str, object] | None:
        try:
            return _read(self.proc.stdout)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, AttributeError, ImportError):
            return None

    def stop(self) -> None:
        """End the worker (it exits at end of input; killed if it does not); returns None for `worker = worker.stop()`."""
        for stream in (self.proc.stdin, self.proc.stdout):  # end of input; a pending answer hits a closed pipe
            try:
                stream.close()
            except OSError:
                pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return None


def _write(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<Q", len(data)) + data)
    stream.flush()


def _read(stream):
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError
    (n,) = struct.unpack("<Q", head)
    data = stream.read(n)
    if len(data) < n:
        raise EOFError
    return pickle.loads(data)


def serve() -> None:
    """The worker's loop. Its stdout is the answer channel, so anything a library prints goes to stderr."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    inp = sys.stdin.buffer
    while True:
        try:
            path, overrides = _read(inp)
        except EOFError:
            return
        try:
            answer = ("ok", parse_file(Path(path), overrides))
        except MinutesError as exc:
            answer = ("error", str(exc))
        except Exception as exc:  # noqa: BLE001  the parent parses this file itself and sees it raise
            answer = ("crash", f"{type(exc).__name__}: {exc}")
        try:
            _write(out, answer)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            _write(out, ("crash", f"unpicklable result: {exc}"))
        except OSError:
            return
