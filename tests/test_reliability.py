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
import signal
import subprocess
import time
from pathlib import Path

import pytest
from test_bad_inputs import cli
from test_store import (
    NEW_SENTENCE,
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
            # Readers never write: search and ask work on a read-only store (Chroma is read
            # through a private snapshot, since it cannot open a read-only database itself).
            search = run_cli("search", "Children in Care Programme Update", "--store", target, "--top-k", "1", "--json")
            assert search.returncode == 0, search.stderr[-2000:]
            assert_no_traceback(search)
            hits = json.loads(search.stdout)
            assert hits and hits[0]["meeting_id"] == mid and hits[0]["item_number"] == "15"
            ask = run_cli("ask", "How many unaccompanied asylum seeking children were there?", "--store", target, "--json")
            assert ask.returncode == 0, ask.stderr[-2000:]
            assert json.loads(ask.stdout)["citations"]
            doctor = run_cli("doctor", "--store", target)
            assert doctor.returncode == 0 and "ok: every index agrees" in doctor.stdout, doctor.stdout + doctor.stderr
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
    from rag.store import SCHEMA_VERSION

    version = SCHEMA_VERSION + 1 if newer else 0  # schema 1 is upgraded: see test_schema_1_store_is_upgraded
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


# which commands must refuse (with the given words in their one line); the others must still work.
# A damaged meeting record refuses nothing: see test_truncated_meeting_record_is_quarantined.
DAMAGE = {
    "state.json": ({"meetings", "search", "ingest", "remove"}, "is damaged (state.json"),
    "state.json schema": ({"meetings", "search", "ingest", "remove"}, "is damaged (state.json"),
    "docstore.json": ({"ingest", "remove"}, "is damaged (docstore.json"),
    "chroma.sqlite3": ({"search", "ingest", "remove"}, "cannot open the vector store"),
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


def test_damaged_bm25_index_still_searches_and_the_next_write_repairs_it(store):
    from rag.retrieve import Retriever

    (store / "bm25" / "params.index.json").write_text("garbage")
    before = file_digests(store)
    hits = Retriever(open_store(store)).search("Children in Care Programme Update", top_k=1, mode="bm25")
    assert hits and hits[0].item_number == "15"  # a BM25 index built in memory from the docstore
    assert file_digests(store) == before  # readers write nothing
    assert any(p.kind == "missing-index" and "BM25" in p.detail for p in open_store(store).doctor().problems)
    s = open_store(store)
    with s._writing():
        s.recover()  # what every write does first
    assert json.loads((store / "bm25" / "params.index.json").read_text())  # rebuilt on disk
    assert_consistent(store)


# --- issue 12: identity, crash recovery that never deletes, doctor/reindex, readers ------------
#
# Each test below reproduces one probe of the issue against a real store and ends with the
# same check: Chroma, the docstore, BM25 and the manifest agree (assert_consistent) and no
# committed meeting or passage is lost. Writes that need the model run in this process
# (click's CliRunner) so the session's model is reused; kills and readers are real processes.




GENERIC = """Minutes of the meeting held on 10 March 2021

Present: Councillor {chair} (Chair), Councillor {member}

1. Apologies for Absence
Apologies were received from Councillor {apology}.

2. {topic}
Members considered a report on {detail}. RESOLVED that the report be noted and {action}.
"""


def _generic(folder: Path, name: str, **kw) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(GENERIC.format(**kw), encoding="utf-8")
    return path


GENERIC_A = dict(chair="A Moss", member="B Reed", apology="C Hart", topic="Allotment Rents",
                 detail="allotment rents for the coming year", action="rents rise by two per cent")
GENERIC_B = dict(chair="D Vale", member="E Lund", apology="F Kerr", topic="Street Lighting",
                 detail="replacing street lights with LED lanterns", action="the lanterns be replaced")


@pytest.fixture(scope="module")
def pair(tmp_path_factory, embed_model) -> Path:
    """A clean store of two samples (SMALL and OTHER), ingested from a folder; tests copy it."""
    base = tmp_path_factory.mktemp("pair")
    docs = base / "docs"
    docs.mkdir()
    for name in (SMALL, OTHER):
        shutil.copy(SAMPLES / name, docs / name)
    assert len(ingest(base / "store", docs).meetings) == 2
    return base


@pytest.fixture
def pair_copy(pair, tmp_path) -> tuple[Path, Path]:
    """(store, docs): a private copy of the pair store and of its documents' folder, as if it had
    been ingested from that folder (the records' source paths point at the copy)."""
    shutil.copytree(pair, tmp_path / "pair")
    store, docs = tmp_path / "pair" / "store", tmp_path / "pair" / "docs"
    for p in (store / "meetings").glob("*.json"):
        rec = json.loads(p.read_text(encoding="utf-8"))
        rec["paths"] = [str(docs.resolve() / Path(q).name) for q in rec["paths"]]
        p.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    return store, docs


def test_same_header_in_two_bodies_minutes_are_two_meetings(tmp_path, embed_model):
    """Probe 1: two bodies' minutes that both say only "meeting held on 10 March 2021", in
    files of the same name, used to share one id: the second replaced the first (or, in one
    batch, was skipped)."""
    a = _generic(tmp_path / "parish", "minutes.txt", **GENERIC_A)
    b = _generic(tmp_path / "village hall", "minutes.txt", **GENERIC_B)
    ida, idb = meeting_id(a), meeting_id(b)
    assert ida != idb and ida.rsplit("-", 1)[0] == idb.rsplit("-", 1)[0] == "minutes-2021-03-10"

    one_batch = tmp_path / "one batch"
    report = ingest(one_batch, a, b)
    assert sorted(report.result.added) == sorted([ida, idb]) and not report.skipped
    st = assert_consistent(one_batch)
    assert set(st["records"]) == {ida, idb}

    two_runs = tmp_path / "two runs"
    ingest(two_runs, a)
    rows_a = chroma_rows(two_runs)
    second = ingest(two_runs, b)
    assert second.result.added == [idb] and not second.result.updated and not second.result.replaced
    st2 = assert_consistent(two_runs)
    assert set(st2["records"]) == {ida, idb} and set(st2["chroma"]) == set(st["chroma"])
    assert all(chroma_rows(two_runs)[pid] == row for pid, row in rows_a.items())  # the first is untouched


def test_file_claiming_a_stored_meetings_committee_and_date_is_a_new_meeting(pair_copy, tmp_path):
    """Probe 1b: a hostile file that states a stored meeting's committee and date (here through
    a sidecar) is stored beside it, never over it."""
    store, docs = pair_copy
    victim = meeting_id(docs / SMALL)
    stored = open_store(store).get_meeting(victim)
    rows_before = chroma_rows(store)
    hostile = _generic(tmp_path / "elsewhere", "notes.txt", **GENERIC_B)
    (hostile.parent / "notes.meta.json").write_text(json.dumps({"committee": stored.committee, "date": stored.date}))
    report = ingest(store, hostile)
    assert len(report.result.added) == 1 and not report.result.updated
    new = report.result.added[0]
    assert new != victim and new.rsplit("-", 1)[0] == victim.rsplit("-", 1)[0]  # same readable part
    st = assert_consistent(store)
    assert len(st["records"]) == 3
    rows = chroma_rows(store)
    assert all(rows[pid] == row for pid, row in rows_before.items())
    assert open_store(store).get_meeting(victim).to_dict() == stored.to_dict()


def test_new_version_of_the_same_file_is_reported_replaced(pair_copy):
    store, docs = pair_copy
    mid = meeting_id(docs / SMALL)
    path = docs / SMALL
    path.write_text(path.read_text(encoding="utf-8").replace(
        "There were none on this occasion.", f"There were none on this occasion. {NEW_SENTENCE}"), encoding="utf-8")
    assert meeting_id(path) != mid  # the text hash changed; the stored id is kept all the same
    out = cli("ingest", docs, "--store", store, "--json")
    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    assert report["updated"] == [mid] and report["replaced"] == [{"id": mid, "path": str(path)}]
    text = cli("ingest", docs, "--store", store)  # and again: now unchanged
    assert "0 updated, 2 unchanged" in text.stdout
    path.write_text(path.read_text(encoding="utf-8").replace(NEW_SENTENCE, "The Chair closed the item."), encoding="utf-8")
    text = cli("ingest", docs, "--store", store)
    assert f"replaced: {mid} with the new version of {path}" in text.stdout
    st = assert_consistent(store)
    assert set(st["records"]) == {mid, meeting_id(docs / OTHER)}


def test_moved_folder_is_unchanged_and_nothing_is_re_embedded(pair_copy, tmp_path):
    """Probe 2a: moving the folder used to mark every file updated and re-embed it."""
    store, docs = pair_copy
    before = assert_consistent(store)
    rows_before = chroma_rows(store)
    moved = tmp_path / "archive" / "2023"
    moved.parent.mkdir()
    shutil.move(str(docs), str(moved))
    out = cli("ingest", moved, "--store", store, "--json")
    report = json.loads(out.stdout)
    assert sorted(report["unchanged"]) == sorted(before["records"]) and report["passages_written"] == 0
    assert not report["added"] and not report["updated"]
    assert not (store / "journal").exists() or not any((store / "journal").iterdir())  # nothing was written
    after = assert_consistent(store)
    assert after["chroma"] == before["chroma"] and chroma_rows(store) == rows_before
    # the lineage follows the move: an edit in the new place replaces the meeting
    mid = meeting_id(moved / SMALL)
    rec = json.loads((store / "meetings" / f"{mid}.json").read_text(encoding="utf-8"))
    assert rec["paths"] == [str((moved / SMALL).resolve())]
    (moved / SMALL).write_text((moved / SMALL).read_text(encoding="utf-8") + "\nA late note.\n", encoding="utf-8")
    report = ingest(store, moved)
    assert report.result.replaced == [(mid, str(moved / SMALL))]
    assert set(assert_consistent(store)["records"]) == set(before["records"])


def _wait_for(predicate, proc, timeout: float = 300) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if predicate():
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("when", ["journal written", "new passages written"])
def test_kill_9_during_an_update_never_loses_the_stored_meeting(pair_copy, when):
    """Probe 2b: kill -9 of a real `minutes ingest` while it replaces a stored meeting; the next
    ingest (of another file) used to delete the meeting. Now it rolls the write back, keeps the
    committed version whole, and says so."""
    store, docs = pair_copy
    mid = meeting_id(docs / SMALL)
    before = assert_consistent(store)
    rows_before = chroma_rows(store)
    path = docs / SMALL
    text = path.read_text(encoding="utf-8")
    assert "There were none on this occasion." in text
    path.write_text(text.replace("There were none on this occasion.", f"There were none on this occasion. {NEW_SENTENCE}"),
                    encoding="utf-8")
    journal = store / "journal" / f"{mid}.json"
    docstore = store / "docstore.json"
    stamp = docstore.stat().st_mtime_ns
    proc = subprocess.Popen([*minutes_cmd(), "ingest", str(docs), "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    caught = False
    try:
        if when == "journal written":
            caught = _wait_for(journal.exists, proc)
        else:  # the new version's passages are in Chroma and the docstore, the record not yet committed
            caught = _wait_for(lambda: journal.exists() and docstore.stat().st_mtime_ns != stamp, proc)
        if caught:
            os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None and not caught:
            proc.kill()
        proc.wait(timeout=60)
    if not caught:
        pytest.fail(f"the ingest finished before it could be killed at '{when}' (exit {proc.returncode})")
    assert proc.returncode == -signal.SIGKILL and journal.exists()
    # Under load the second kill can land just after the commit (the window between the
    # docstore write and the commit is short): then recovery finishes the write instead.
    from ingest.parse import parse_file

    committed = json.loads((store / "meetings" / f"{mid}.json").read_text(encoding="utf-8"))["text_hash"] == \
        parse_file(path).text_hash
    assert not committed or when != "journal written"
    print(f"killed at '{when}': {'after' if committed else 'before'} the commit")
    # readers still see the committed version
    assert mid in {m.id for m in open_store(store).meetings()}

    out = cli("ingest", tmp_other(store), "--store", store, "--json")
    report = json.loads(out.stdout)
    st = assert_consistent(store)
    assert set(before["records"]) <= set(st["records"])  # no meeting lost
    if committed:
        assert report["recovered"] == [f"recovered: finished interrupted ingest of {mid}"]
        assert any(NEW_SENTENCE in it.text for it in open_store(store).get_meeting(mid).items)
        return
    assert report["recovered"] == [f"recovered: rolled back interrupted ingest of {mid} (the stored version is kept)"]
    assert st["records"][mid] == before["records"][mid]
    rows = chroma_rows(store)
    assert all(rows[pid] == row for pid, row in rows_before.items())  # every committed passage, bit for bit
    # and the interrupted update can simply be run again
    report = ingest(store, docs)
    assert report.result.replaced == [(mid, str(path))]
    assert_consistent(store)


def tmp_other(store: Path) -> Path:
    """Another document to ingest (any write runs recovery first)."""
    folder = store.parent / "other-doc"
    return _generic(folder, "other.txt", **GENERIC_A)


# --- doctor and reindex -------------------------------------------------------------------------


def _drop_meeting_passages(store: Path, mid: str) -> None:
    """A manifest entry whose passages are in no index (lost writes)."""
    s = open_store(store)
    with s._writing():
        ids = json.loads((store / "meetings" / f"{mid}.json").read_text(encoding="utf-8"))["passage_ids"]
        s._delete_passages(ids)
        s._persist_docstore()
        s._rebuild_bm25()


INJECTED = {
    # damage -> (how, words every doctor report of it contains)
    "lost chroma.sqlite3": (lambda st, mid: (st / "chroma" / "chroma.sqlite3").unlink(), "vector store is missing"),
    "lost docstore.json": (lambda st, mid: (st / "docstore.json").unlink(), "docstore is missing"),
    "lost BM25 files": (lambda st, mid: shutil.rmtree(st / "bm25"), "BM25 index is missing"),
    "damaged BM25 file": (lambda st, mid: (st / "bm25" / "corpus.jsonl").write_text("{oops"), "BM25 index will not load"),
    "truncated meeting JSON": (lambda st, mid: (st / "meetings" / f"{mid}.json").write_bytes(
        (st / "meetings" / f"{mid}.json").read_bytes()[:300]), "is damaged (not valid JSON"),
    "manifest entry without passages": (_drop_meeting_passages, "passages missing from Chroma"),
    "stale BM25": (lambda st, mid: (st / "bm25" / "generation").write_text("-1"), "BM25 index is older"),
}


@pytest.mark.parametrize("damage", list(INJECTED))
def test_doctor_finds_each_injected_damage_and_reindex_repairs_it(pair, pair_copy, damage):
    store, docs = pair_copy
    clean = assert_consistent(pair / "store")
    mid = meeting_id(docs / SMALL)
    assert cli("doctor", "--store", store).exit_code == 0
    how, words = INJECTED[damage]
    how(store, mid)

    found = cli("doctor", "--store", store, "--json")
    assert found.exit_code == 1
    problems = json.loads(found.stdout)["problems"]
    assert any(words in p["detail"] for p in problems), problems

    fixed = cli("reindex", "--store", store)
    assert fixed.exit_code == 0, fixed.output
    assert cli("doctor", "--store", store).exit_code == 0
    st = assert_consistent(store)
    if damage == "truncated meeting JSON":
        # The record itself is gone (it holds the only copy of the parsed meeting): it is in
        # quarantine/ with the reason, and re-ingesting its file brings it back.
        assert "quarantine/" in fixed.stdout and list((store / "quarantine").glob(f"{mid}.*.json"))
        assert set(st["records"]) == set(clean["records"]) - {mid}
        assert ingest(store, docs).result.added == [mid]
        st = assert_consistent(store)
        # re-read from its new place, so its passages' source metadata (and ids) differ
        assert set(st["records"]) == set(clean["records"]) and len(st["chroma"]) == len(clean["chroma"])
        return
    # the same meetings, passage ids, and BM25 rows as a clean run
    assert set(st["records"]) == set(clean["records"])
    assert set(st["chroma"]) == set(clean["chroma"]) and st["docstore"] == clean["docstore"]
    assert st["bm25"] == clean["bm25"]


def test_reindex_reuses_vectors_and_needs_no_source_files(pair_copy):
    store, docs = pair_copy
    rows_before = chroma_rows(store)
    shutil.rmtree(docs)  # no source files
    (store / "docstore.json").unlink()
    out = cli("reindex", "--store", store, "--json")
    assert out.exit_code == 0
    res = json.loads(out.stdout)
    assert res["embedded"] == 0 and res["passages"] == len(rows_before) and res["doctor"]["ok"]
    rows = chroma_rows(store)
    assert set(rows) == set(rows_before)
    assert all(abs(a - b) < 1e-6 for pid in rows for a, b in zip(rows[pid][1], rows_before[pid][1]))


def test_truncated_meeting_record_breaks_no_command(pair_copy):
    """Probe 3b: a truncated meetings/*.json made every command fail, including the `remove`
    and `ingest` the message recommended."""
    store, docs = pair_copy
    bad, good = meeting_id(docs / SMALL), meeting_id(docs / OTHER)
    record = store / "meetings" / f"{bad}.json"
    record.write_bytes(record.read_bytes()[:200])

    listed = cli("meetings", "--store", store, "--json")
    assert listed.exit_code == 0 and [m["id"] for m in json.loads(listed.stdout)] == [good]
    assert f"{bad}.json is damaged" in listed.stderr
    found = cli("search", "Children in Care Programme Update", "--store", store, "--json")
    assert found.exit_code == 0 and all(h["meeting_id"] == good for h in json.loads(found.stdout))
    assert cli("decisions", "--store", store).exit_code == 0

    gone = cli("remove", bad, "--store", store)  # works on the damaged record
    assert gone.exit_code == 0, gone.output
    assert f"Removed {bad} (" in gone.stdout and "moved to quarantine" in gone.stderr
    st = assert_consistent(store)
    assert set(st["records"]) == {good}
    assert not any(pid.startswith(bad + "|") for pid in st["chroma"])

    again = cli("ingest", docs, "--store", store)  # and re-ingesting brings it back
    assert again.exit_code == 0 and "1 meeting(s) added" in again.stdout
    assert set(assert_consistent(store)["records"]) == {bad, good}


def test_truncated_record_is_quarantined_by_the_next_ingest(pair_copy, tmp_path):
    store, docs = pair_copy
    bad = meeting_id(docs / SMALL)
    record = store / "meetings" / f"{bad}.json"
    n_bad = len(json.loads(record.read_text(encoding="utf-8"))["passage_ids"])
    record.write_bytes(record.read_bytes()[:200])
    out = cli("ingest", tmp_other(store), "--store", store)
    assert out.exit_code == 0
    assert f"recovered: meeting record {bad}.json is damaged" in out.stdout and "quarantine/" in out.stdout
    assert f"{SMALL}) to store it again" in out.stdout  # where to re-ingest it from
    assert not record.exists()
    # its passages belonged to no stored meeting any more: the same write removed them
    assert f"recovered: removed {n_bad} passages that belonged to no stored meeting" in out.stdout, out.stdout
    assert cli("doctor", "--store", store).exit_code == 0
    st = assert_consistent(store)
    assert len(st["records"]) == 2 and not any(pid.startswith(bad + "|") for pid in st["chroma"])


# --- readers --------------------------------------------------------------------------------------


def test_search_never_waits_on_a_writer(pair_copy, tmp_path):
    """Probe 6b: a search while a writer holds the lock (and BM25 is not built yet, as during
    a first ingest) used to block for the whole write; it answers from the committed state."""
    from filelock import FileLock

    store, _ = pair_copy
    shutil.rmtree(store / "bm25")
    (store / "journal").mkdir(exist_ok=True)
    (store / "journal" / "some-meeting.json").write_text(json.dumps({"op": "ingest", "meeting_id": "x", "add": []}))
    new_store = tmp_path / "first ingest"
    new_store.mkdir()
    holders = [FileLock(str(store / ".lock")), FileLock(str(new_store / ".lock"))]
    for h in holders:
        h.acquire()
    try:
        env = {"MINUTES_LOCK_TIMEOUT": "600"}  # a reader that waited would time the test out
        found = run_cli("search", "Children in Care Programme Update", "--store", store, "--json", env=env, timeout=240)
        assert found.returncode == 0, found.stderr[-2000:]
        hits = json.loads(found.stdout)
        assert hits and hits[0]["item_number"] == "15"
        empty = run_cli("search", "anything at all", "--store", new_store, env=env, timeout=240)
        assert empty.returncode == 0, empty.stderr[-2000:]
        assert_no_traceback(empty)
        assert "No matching agenda items" in empty.stdout
        listed = run_cli("meetings", "--store", new_store, env=env, timeout=120)
        assert listed.returncode == 0 and "No meetings" in listed.stdout
    finally:
        for h in holders:
            h.release()
    assert not (new_store / "chroma").exists()  # readers created nothing


def test_schema_1_store_is_upgraded_without_re_embedding(pair_copy):
    """An old store (schema 1: no lineage in the records) is upgraded by the next write."""
    store, docs = pair_copy
    before = assert_consistent(store)
    interrupted = meeting_id(docs / SMALL)
    for p in (store / "meetings").glob("*.json"):
        rec = json.loads(p.read_text(encoding="utf-8"))
        for k in ("paths", "hashes", "schema"):
            rec.pop(k, None)
        if p.stem == interrupted:  # schema 1 overwrote the record before writing passages
            rec.update(status="pending", previous=True)
        p.write_text(json.dumps(rec), encoding="utf-8")
    state = json.loads((store / "state.json").read_text())
    (store / "state.json").write_text(json.dumps({**state, "schema": 1}))
    assert cli("meetings", "--store", store).exit_code == 0  # readers read schema 1 as it is
    out = cli("ingest", docs, "--store", store, "--json")
    report = json.loads(out.stdout)
    assert report["recovered"][0].startswith(f"upgraded store {store} from schema 1 to 2")
    # an interrupted schema-1 write is completed from its record, never rolled back into a loss
    assert f"recovered: finished interrupted ingest of {interrupted} (from a schema-1 store)" in report["recovered"]
    assert sorted(report["unchanged"]) == sorted(before["records"]) and report["passages_written"] == 0
    assert json.loads((store / "state.json").read_text())["schema"] == 2
    after = assert_consistent(store)
    assert set(after["chroma"]) == set(before["chroma"])


@pytest.mark.parametrize("lost", ["chroma/chroma.sqlite3", "docstore.json"])
def test_reingest_after_a_lost_index_repairs_it_instead_of_saying_unchanged(pair_copy, lost):
    """Probe 3a: with chroma.sqlite3 or docstore.json lost, re-ingesting said "unchanged" and
    vector or keyword search silently missed every passage."""
    from rag.retrieve import Retriever

    store, docs = pair_copy
    before = assert_consistent(store)
    (store / lost).unlink()
    out = cli("ingest", docs, "--store", store, "--json")
    report = json.loads(out.stdout)
    assert sorted(report["unchanged"]) == sorted(before["records"])
    assert any("indexes disagreed with the manifest" in line for line in report["recovered"]), report["recovered"]
    after = assert_consistent(store)
    assert set(after["chroma"]) == set(before["chroma"]) and after["docstore"] == before["docstore"]
    for mode in ("vector", "bm25"):
        hits = Retriever(open_store(store)).search("Children in Care Programme Update", top_k=1, mode=mode)
        assert hits and hits[0].item_number == "15", mode


def test_remove_by_the_readable_part_of_an_id(tmp_path, embed_model):
    a = _generic(tmp_path / "parish", "minutes.txt", **GENERIC_A)
    b = _generic(tmp_path / "village hall", "minutes.txt", **GENERIC_B)
    store = tmp_path / "store"
    ingest(store, a, b)
    ida, idb = meeting_id(a), meeting_id(b)
    both = cli("remove", "minutes-2021-03-10", "--store", store)
    assert both.exit_code == 1 and "'minutes-2021-03-10' names 2 meetings" in both.stderr
    assert ida in both.stderr and idb in both.stderr
    assert cli("remove", ida, "--store", store).exit_code == 0
    last = cli("remove", "minutes-2021-03-10", "--store", store)  # now it names one meeting
    assert last.exit_code == 0 and f"Removed {idb} (" in last.stdout
    st = assert_consistent(store)
    assert not st["records"] and not st["chroma"]


def test_a_file_reused_for_another_meeting_is_a_new_meeting(tmp_path, embed_model):
    """The same path with another meeting in it (an upload named minutes.txt each month) keeps
    the stored meeting; only a new version of the same meeting replaces it."""
    folder = tmp_path / "uploads"
    path = _generic(folder, "minutes.txt", **GENERIC_A)
    store = tmp_path / "store"
    first = ingest(store, folder).result.added
    path.write_text(GENERIC.format(**GENERIC_B).replace("10 March 2021", "14 April 2021"), encoding="utf-8")
    second = ingest(store, folder).result
    assert len(second.added) == 1 and not second.replaced and second.added != first
    assert set(assert_consistent(store)["records"]) == set(first) | set(second.added)
