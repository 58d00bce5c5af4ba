"""Reliability (issue 7): concurrent writers, a busy store, a read-only store, a full disk, a
store from another schema version and damaged stores.

Each failure must give one clear line (no traceback) and leave the existing content intact.
Read-only and disk-full use the real thing where this machine allows it (a read-only bind
mount or `chattr +i`; a tiny tmpfs), else an injected OSError; each test says which it used.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_store import (
    OTHER,
    ROOT,
    SAMPLES,
    SMALL,
    assert_consistent,
    assert_no_traceback,
    chroma_rows,
    file_digests,
    ingest,
    meeting_id,
    minutes_cmd,
    open_store,
    run_cli,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory, embed_model) -> Path:
    """A store holding one small meeting, built once; tests copy it."""
    root = tmp_path_factory.mktemp("reliability") / "store"
    assert len(ingest(root, SAMPLES / SMALL).meetings) == 1
    return root


@pytest.fixture
def store(template, tmp_path) -> Path:
    root = tmp_path / "store"
    shutil.copytree(template, root)
    return root


def one_error_line(proc, *needles: str) -> str:
    assert proc.returncode != 0
    assert_no_traceback(proc)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def _ok(*cmd) -> bool:
    try:
        return subprocess.run([str(c) for c in cmd], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


# --- concurrent writers ---------------------------------------------------------------------


def test_two_ingests_at_once_both_complete(tmp_path):
    """Two `minutes ingest` processes into one new store: the second waits on the file lock
    (the first holds it while loading the model and embedding), then both finish."""
    folders = []
    for name in (SMALL, OTHER):
        d = tmp_path / name.split("-")[0]
        d.mkdir()
        shutil.copy(SAMPLES / name, d / name)
        folders.append(d)
    shared = tmp_path / "shared store"  # does not exist yet: both processes create it
    procs = [subprocess.Popen([*minutes_cmd(), "ingest", str(d), "--store", str(shared), "--json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for d in folders]
    results = [(p, *p.communicate(timeout=600)) for p in procs]

    added = set()
    for p, out, err in results:
        assert "Traceback" not in err, err[-3000:]
        if p.returncode == 0:
            added |= set(json.loads(out)["added"])
        else:  # only acceptable failure: the clear "busy" message
            assert "is busy" in err, err
    assert added, "neither ingest completed"
    # the lock waits up to 600 s and an ingest takes far less, so here both complete
    assert [p.returncode for p, _, _ in results] == [0, 0]
    st = assert_consistent(shared)
    assert set(st["records"]) == added == {meeting_id(SAMPLES / SMALL), meeting_id(SAMPLES / OTHER)}


def test_busy_store_gives_a_clear_message(store):
    from filelock import FileLock

    mid = meeting_id(SAMPLES / SMALL)
    before = file_digests(store, skip_chroma=False)
    holder = FileLock(str(store / ".lock"))
    holder.acquire()  # another writer, as far as the CLI can tell
    try:
        env = {"MINUTES_LOCK_TIMEOUT": "1"}
        one_error_line(run_cli("ingest", SAMPLES / OTHER, "--store", store, env=env), str(store), "is busy")
        one_error_line(run_cli("remove", mid, "--store", store, env=env), str(store), "is busy")
        reading = run_cli("meetings", "--store", store)  # reads take no lock
        assert reading.returncode == 0 and mid in reading.stdout
    finally:
        holder.release()
    assert file_digests(store, skip_chroma=False) == before


# --- read-only store and full disk -----------------------------------------------------------


def test_read_only_store_is_refused_cleanly(store, tmp_path, monkeypatch):
    mid = meeting_id(SAMPLES / SMALL)
    # Chroma's own files are compared by content (rows), not bytes: opening it here may rewrite them.
    before_files = file_digests(store)
    before_state = assert_consistent(store)
    before_rows = chroma_rows(store)
    target, how, undo = store, None, []
    ro = tmp_path / "ro"
    ro.mkdir()
    if os.geteuid() == 0 and _ok("mount", "--bind", store, ro):
        undo.append(["umount", "-l", ro])
        if _ok("mount", "-o", "remount,bind,ro", ro):
            target, how = ro, "read-only bind mount"
    if how is None and shutil.which("chattr") and _ok("chattr", "-R", "+i", store):
        undo.append(["chattr", "-R", "-i", store])
        try:
            (store / "probe").write_text("x")
            (store / "probe").unlink()
        except OSError:
            target, how = store, "chattr +i"
    try:
        if how is None:
            # Last resort: this machine lets root write anywhere. Make every write fail as a
            # read-only file system would, in-process.
            from click.testing import CliRunner

            import filelock
            import rag.store
            from ui.cli import main

            def refuse(*a, **k):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS))

            monkeypatch.setattr(rag.store, "_atomic_write", refuse)
            monkeypatch.setattr(filelock.UnixFileLock, "_acquire", refuse)
            result = CliRunner().invoke(main, ["ingest", str(SAMPLES / OTHER), "--store", str(store)])
            assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
            assert "cannot write to store" in result.stderr and "Read-only file system" in result.stderr
            print("read-only simulated in-process (no mount, no chattr here)")
        else:
            print(f"read-only store via {how}")
            reason = "Read-only file system" if how.startswith("read-only") else "Operation not permitted"
            one_error_line(run_cli("ingest", SAMPLES / OTHER, "--store", target), "cannot write to store", reason)
            one_error_line(run_cli("remove", mid, "--store", target), "cannot write to store", reason)
            listed = run_cli("meetings", "--store", target)
            assert listed.returncode == 0 and mid in listed.stdout
            # Search may need to write Chroma's sqlite: it either works or says why, in one line.
            search = run_cli("search", "children in care", "--store", target, "--top-k", "1")
            assert_no_traceback(search)
            if search.returncode != 0:
                one_error_line(search, "cannot open the vector store")
    finally:
        for cmd in reversed(undo):
            _ok(*cmd)
    assert file_digests(store) == before_files
    assert assert_consistent(store) == before_state
    assert chroma_rows(store) == before_rows


def _fill(path: Path, leave: int = 0) -> None:
    """Fill the file system holding PATH, then free LEAVE bytes."""
    with open(path, "wb", buffering=0) as f:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            chunk = b"\0" * size
            try:
                while True:
                    f.write(chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    if leave:
        os.truncate(path, max(0, path.stat().st_size - leave))


def test_full_disk_fails_cleanly_and_the_next_ingest_repairs(template, tmp_path, embed_model, monkeypatch):
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    mounted = os.geteuid() == 0 and _ok("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mnt)
    try:
        root = mnt / "store"
        shutil.copytree(template, root)
        old = meeting_id(SAMPLES / SMALL)
        rows_before = chroma_rows(template)
        if mounted:
            print("full disk via a 16 MB tmpfs")
            filler = mnt / "filler"
            # 1. completely full: the first write (the journal) fails
            _fill(filler)
            line = one_error_line(run_cli("ingest", SAMPLES / OTHER, "--store", root), str(root))
            assert "No space left on device" in line or "disk is full" in line, line
            # 2. nearly full: the journal fits, Chroma's write does not
            filler.unlink()
            _fill(filler, leave=48 * 1024)
            line = one_error_line(run_cli("ingest", SAMPLES / OTHER, "--store", root), str(root))
            assert "disk is full" in line or "No space left on device" in line, line
            filler.unlink()
        else:
            print("full disk simulated in-process: cannot mount a tmpfs here")
            from click.testing import CliRunner

            import rag.store
            from ui.cli import main

            def full(*a, **k):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            monkeypatch.setattr(rag.store, "_atomic_write", full)
            result = CliRunner().invoke(main, ["ingest", str(SAMPLES / OTHER), "--store", str(root)])
            assert result.exit_code == 1 and "No space left on device" in result.stderr
            monkeypatch.undo()

        # The old meeting is intact and the only one listed; nothing half-written is visible.
        assert [m.id for m in open_store(root).meetings()] == [old]
        rows = chroma_rows(root)
        assert all(rows[pid] == row for pid, row in rows_before.items())

        # With space again, the next ingest rolls back whatever was half-written and succeeds.
        report = ingest(root, SAMPLES / OTHER)
        assert report.result.added == [meeting_id(SAMPLES / OTHER)]
        st = assert_consistent(root)
        assert set(st["records"]) == {old, meeting_id(SAMPLES / OTHER)}
        rows = chroma_rows(root)
        assert all(rows[pid] == row for pid, row in rows_before.items())
    finally:
        if mounted:
            _ok("umount", "-l", mnt)


# --- schema versions and damaged stores ---------------------------------------------------------


@pytest.mark.parametrize("newer,advice", [(False, "re-ingest"), (True, "upgrade minutes")])
def test_store_from_another_schema_version(store, newer, advice):
    from rag.config import SCHEMA_VERSION

    version = SCHEMA_VERSION + 1 if newer else SCHEMA_VERSION - 1
    state = json.loads((store / "state.json").read_text())
    state["schema"] = version
    (store / "state.json").write_text(json.dumps(state))
    before = file_digests(store, skip_chroma=False)
    for args in (["meetings"], ["search", "children in care"], ["ingest", SAMPLES / OTHER],
                 ["remove", meeting_id(SAMPLES / SMALL)], ["decisions"]):
        line = one_error_line(run_cli(*args, "--store", store), str(store),
                              f"schema version {version}", f"reads {SCHEMA_VERSION}", advice)
        assert line.startswith("Error: ")
    assert file_digests(store, skip_chroma=False) == before


def _damage(store: Path, what: str) -> None:
    if what == "state.json":
        (store / "state.json").write_text("{garbage")
    elif what == "state.json schema":
        (store / "state.json").write_text(json.dumps({"schema": "one", "generation": 1}))
    elif what == "docstore.json":
        (store / "docstore.json").write_bytes(b"\x00\xffnot json")
    elif what == "chroma.sqlite3":
        with open(store / "chroma" / "chroma.sqlite3", "r+b") as f:
            f.write(os.urandom(4096))  # the sqlite header and first page
    elif what == "meeting record":
        next((store / "meetings").glob("*.json")).write_text("[1, 2")


# which commands must refuse (with the given words in their one line); the others must still work
DAMAGE = {
    "state.json": ({"meetings", "search", "ingest", "remove"}, "is damaged (state.json"),
    "state.json schema": ({"meetings", "search", "ingest", "remove"}, "is damaged (state.json"),
    "docstore.json": ({"ingest", "remove"}, "is damaged (docstore.json"),
    "chroma.sqlite3": ({"search", "ingest", "remove"}, "cannot open the vector store"),
    "meeting record": ({"meetings", "search", "ingest", "remove"}, "is damaged"),
}


@pytest.mark.parametrize("what", list(DAMAGE))
def test_damaged_store_gives_a_clear_error(store, what):
    _damage(store, what)
    refusing, words = DAMAGE[what]
    before = file_digests(store)
    commands = {
        "meetings": ["meetings"],
        "search": ["search", "children in care", "--top-k", "1"],
        "ingest": ["ingest", SAMPLES / OTHER],
        "remove": ["remove", meeting_id(SAMPLES / SMALL)],
    }
    for name, args in commands.items():
        if name == "search" and name not in refusing:
            continue  # a working search loads the model (~10 s); other tests cover searching
        proc = run_cli(*args, "--store", store)
        if name in refusing:
            one_error_line(proc, str(store), words)
        else:
            assert proc.returncode == 0, (name, proc.stderr)
            assert_no_traceback(proc)
    assert file_digests(store) == before  # a refused command changes nothing


def test_damaged_bm25_index_is_rebuilt_on_search(store):
    from rag.retrieve import Retriever

    (store / "bm25" / "params.index.json").write_text("garbage")
    hits = Retriever(open_store(store)).search("Children in Care Programme Update", top_k=1, mode="bm25")
    assert hits and hits[0].item_number == "15"
    assert json.loads((store / "bm25" / "params.index.json").read_text())  # rebuilt from the docstore
    assert_consistent(store)
