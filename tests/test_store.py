"""The store (issue 3): idempotent re-ingest, per-meeting updates without orphans, `minutes
remove`, crash safety (a real kill -9, and simulated kills at the worst moments), tiktoken
offline, a real Chroma server, and search filters.

Real Chroma stores in tmp dirs, the real embedding model (the session fixture, so it loads
once), and real subprocesses of the installed `minutes` CLI. Stores built here hold one or two
small documents. The helpers at the top are shared with test_bad_inputs.py and
test_reliability.py.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "minutes"
SMALL = "staffordshire-safeguarding-oss-2023-09-14.txt"  # 5 items, ~13 passages
OTHER = "middlesbrough-cyp-social-care-panel-2022-03-21.txt"  # 6 items, ~14 passages
NEW_SENTENCE = "The Chairman thanked the zebra crossing wardens of Kestrel Lane for their work."


# --- helpers (also imported by test_bad_inputs.py and test_reliability.py) -----------------


def minutes_cmd() -> list[str]:
    """The installed console script next to this interpreter, else `python -m ui.cli`."""
    exe = Path(sys.executable).with_name("minutes")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "ui.cli"]


def run_cli(*args, env: dict | None = None, timeout: float = 300, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*minutes_cmd(), *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def assert_no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr[-3000:]


def open_store(root: Path, create: bool = False):
    from rag.config import Settings
    from rag.store import MinutesStore

    return MinutesStore.open(Settings.from_options(store=root), create=create)


def ingest(root: Path, *paths):
    """In-process ingest (the session's model is already loaded)."""
    from rag.indexing import ingest_paths

    return ingest_paths(open_store(root, create=True), list(paths))


def meeting_id(path: Path) -> str:
    from ingest.parse import parse_file

    return parse_file(path).id


def store_state(root: Path) -> dict:
    """Everything a store holds, read back from disk (Chroma's sqlite is read live by `get`)."""
    root = Path(root)
    records = {}
    for p in sorted((root / "meetings").glob("*.json")):
        records[p.stem] = json.loads(p.read_text(encoding="utf-8"))
    got = open_store(root).collection.get(include=["metadatas"])
    chroma = {pid: md["meeting_id"] for pid, md in zip(got["ids"], got["metadatas"])}
    ds_path = root / "docstore.json"
    ds = json.loads(ds_path.read_text(encoding="utf-8")) if ds_path.exists() else {}
    corpus = root / "bm25" / "corpus.jsonl"
    bm25 = set()
    if corpus.exists():
        bm25 = {json.loads(ln)["node_id"] for ln in corpus.read_text(encoding="utf-8").splitlines() if ln.strip()}
    state = json.loads((root / "state.json").read_text()) if (root / "state.json").exists() else {}
    marker = root / "bm25" / "generation"
    return {
        "records": records,
        "chroma": chroma,
        "docstore": set(ds.get("docstore/data", {})),
        "ref_docs": set(ds.get("docstore/ref_doc_info", {})),
        "bm25": bm25,
        "generation": int(state.get("generation", 0)),
        "bm25_generation": int(marker.read_text()) if marker.exists() else None,
    }


def assert_consistent(root: Path) -> dict:
    """No meeting half-present, no orphan passage: Chroma == manifest == docstore == BM25."""
    st = store_state(root)
    unfinished = {m: r.get("status") for m, r in st["records"].items() if r.get("status") != "complete"}
    assert not unfinished, f"meetings left half-written: {unfinished}"
    journal = sorted(p.name for p in (Path(root) / "journal").glob("*.json")) if (Path(root) / "journal").exists() else []
    assert not journal, f"writes left unfinished: {journal}"
    manifest: set[str] = set()
    for rec in st["records"].values():
        manifest |= set(rec["passage_ids"])
    chroma = set(st["chroma"])
    assert chroma == manifest, f"orphans in Chroma: {sorted(chroma - manifest)[:5]}; missing: {sorted(manifest - chroma)[:5]}"
    assert st["docstore"] == manifest, f"docstore differs: {sorted(st['docstore'] ^ manifest)[:5]}"
    assert st["ref_docs"] == manifest, f"docstore ref_doc_info differs: {sorted(st['ref_docs'] ^ manifest)[:5]}"
    assert st["bm25"] == manifest, f"BM25 differs: {sorted(st['bm25'] ^ manifest)[:5]}"
    assert set(st["chroma"].values()) == set(st["records"]), "a meeting is in Chroma but not the manifest, or vice versa"
    for mid, rec in st["records"].items():
        assert {st["chroma"][pid] for pid in rec["passage_ids"]} <= {mid}
    assert st["bm25_generation"] == st["generation"], "BM25 index is stale"
    return st


def file_digests(root: Path, skip_chroma: bool = True) -> dict[str, str]:
    """sha256 of every file of a store (except the lock file and, by default, Chroma's own files)."""
    out = {}
    for p in sorted(Path(root).rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_file() and rel != ".lock" and not (skip_chroma and rel.startswith("chroma/")):
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def chroma_rows(root: Path, ids=None) -> dict[str, tuple]:
    """id -> (document, embedding as a tuple of floats) straight from Chroma."""
    got = open_store(root).collection.get(ids=ids, include=["documents", "embeddings"])
    return {pid: (doc, tuple(float(x) for x in emb)) for pid, doc, emb in zip(got["ids"], got["documents"], got["embeddings"])}


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory, embed_model) -> Path:
    """A store of two small samples, built once; tests copy it. Its docs folder never changes."""
    base = tmp_path_factory.mktemp("store-template")
    docs = base / "docs"
    docs.mkdir()
    for name in (SMALL, OTHER):
        shutil.copy(SAMPLES / name, docs / name)
    report = ingest(base / "store", docs)
    assert len(report.meetings) == 2 and not report.failed
    return base


@pytest.fixture
def two_docs(template, tmp_path) -> tuple[Path, Path]:
    """(store, docs folder): a private copy of the template store, re-ingestable from the same folder."""
    store = tmp_path / "store"
    shutil.copytree(template / "store", store)
    return store, template / "docs"


# --- re-ingest and updates ------------------------------------------------------------------


def test_reingest_same_folder_changes_nothing(two_docs):
    store, docs = two_docs
    before = assert_consistent(store)
    files_before = file_digests(store)
    rows_before = chroma_rows(store)

    proc = run_cli("ingest", docs, "--store", store, "--json")
    assert proc.returncode == 0, proc.stderr
    assert_no_traceback(proc)
    report = json.loads(proc.stdout)  # exactly one JSON object on stdout
    assert sorted(report["unchanged"]) == sorted(before["records"])
    assert report["added"] == [] and report["updated"] == [] and report["passages_written"] == 0
    assert report["passages_total"] == len(before["chroma"])

    after = assert_consistent(store)
    assert after == before  # same meetings, passage ids, docstore, BM25 ids and generation
    assert file_digests(store) == files_before  # manifest, docstore.json, BM25 files byte for byte
    assert chroma_rows(store) == rows_before  # same Chroma count, texts and embeddings


def test_editing_one_file_changes_only_that_meeting(tmp_path, embed_model):
    from rag.retrieve import Filters, Retriever

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in (SMALL, OTHER):
        shutil.copy(SAMPLES / name, docs / name)
    store = tmp_path / "store"
    ingest(store, docs)
    edited, other = meeting_id(docs / SMALL), meeting_id(docs / OTHER)
    before = assert_consistent(store)
    rows_before = chroma_rows(store)

    path = docs / SMALL
    text = path.read_text(encoding="utf-8")
    marker = "There were none on this occasion."  # item 12's whole minutes
    assert text.count(marker) == 1
    path.write_text(text.replace(marker, f"{marker} {NEW_SENTENCE}"), encoding="utf-8")

    report = ingest(store, docs)
    assert report.result.updated == [edited] and report.result.unchanged == [other] and report.result.added == []
    # only the edited passage is re-embedded, not the whole meeting
    assert 1 <= report.result.passages_written < len(before["records"][edited]["passage_ids"])

    after = assert_consistent(store)
    assert after["records"][other] == before["records"][other]
    # Passage ids are content-addressed: the edited passage has a new id, every other one is kept
    # with its vector, and the old version of the edited passage is gone.
    new_ids, old_ids = set(after["records"][edited]["passage_ids"]), set(before["records"][edited]["passage_ids"])
    assert len(new_ids) == len(old_ids) and 1 <= len(new_ids - old_ids) == report.result.passages_written
    rows_after = chroma_rows(store)
    assert set(rows_after) == (set(rows_before) - (old_ids - new_ids)) | new_ids
    assert all(rows_after[pid] == rows_before[pid] for pid in set(rows_after) & set(rows_before))
    changed = set(rows_after) - set(rows_before)
    assert changed and all(pid.startswith(edited + "|") for pid in changed)  # the other meeting is untouched
    assert all(NEW_SENTENCE in rows_after[pid][0] for pid in changed)

    retriever = Retriever(open_store(store))
    for mode in ("hybrid", "bm25", "vector"):
        hits = retriever.search("zebra crossing wardens of Kestrel Lane", top_k=3, mode=mode)
        assert hits, mode
        assert (hits[0].meeting_id, hits[0].item_number) == (edited, "12"), (mode, hits[0])
        assert NEW_SENTENCE in hits[0].text
    # the other meeting never contains it
    assert not any(NEW_SENTENCE in h.text for h in retriever.search(
        "zebra crossing wardens of Kestrel Lane", Filters(meeting_id=other), top_k=5))


def test_item_disappearing_leaves_no_orphans(tmp_path, embed_model):
    from rag.retrieve import Filters, Retriever

    docs = tmp_path / "docs"
    docs.mkdir()
    path = docs / SMALL
    shutil.copy(SAMPLES / SMALL, path)
    store = tmp_path / "store"
    ingest(store, docs)
    mid = meeting_id(path)
    before = assert_consistent(store)
    assert any(md == mid for md in before["chroma"].values())

    # Drop item 13 (the one with a resolution) from the middle: later items move up a position.
    text = path.read_text(encoding="utf-8")
    new_text, n = re.subn(r"\n13\.\n.*?(?=\n14\.\n)", "\n", text, flags=re.S)
    assert n == 1
    path.write_text(new_text, encoding="utf-8")
    from ingest.parse import parse_file

    assert parse_file(path).item("13") is None

    report = ingest(store, docs)
    assert report.result.updated == [mid] and report.result.passages_deleted > 0
    after = assert_consistent(store)
    assert len(after["chroma"]) < len(before["chroma"])
    numbers = {md["item_number"] for md in open_store(store).collection.get(include=["metadatas"])["metadatas"]}
    assert "13" not in numbers and {"12", "14", "15", "16"} <= numbers

    hits = Retriever(open_store(store)).search("minutes of the meeting held on 27 July 2023 confirmed and signed",
                                               Filters(meeting_id=mid), top_k=5, mode="bm25")
    assert all(h.item_number != "13" for h in hits)


# --- remove -----------------------------------------------------------------------------------


def test_remove_command_deletes_every_passage(two_docs):
    from rag.retrieve import Retriever

    store, docs = two_docs
    gone, kept = meeting_id(docs / SMALL), meeting_id(docs / OTHER)
    before = assert_consistent(store)
    n_gone = len(before["records"][gone]["passage_ids"])

    proc = run_cli("remove", gone, "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert_no_traceback(proc)
    assert f"Removed {gone} ({n_gone} passages)" in proc.stdout

    after = assert_consistent(store)
    assert set(after["records"]) == {kept}
    assert not any(pid.startswith(gone + "|") for pid in after["chroma"])
    assert not any(pid.startswith(gone + "|") for pid in after["docstore"] | after["bm25"])
    assert after["records"][kept] == before["records"][kept]
    hits = Retriever(open_store(store)).search("Children in Care Programme Update", top_k=5, mode="bm25")
    assert hits and all(h.meeting_id == kept for h in hits)

    listed = run_cli("meetings", "--store", store, "--json")
    assert [m["id"] for m in json.loads(listed.stdout)] == [kept]

    # unknown id (including the one just removed): a clear one-line error, non-zero exit, nothing changes
    files = file_digests(store)
    for unknown in ("no-such-meeting", gone):
        proc = run_cli("remove", unknown, "--store", store)
        assert proc.returncode != 0
        assert_no_traceback(proc)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and f"no meeting with id '{unknown}'" in lines[0] and kept in lines[0]
    assert file_digests(store) == files and assert_consistent(store) == after


# --- crash safety -------------------------------------------------------------------------------


def _statuses(store: Path) -> dict[str, str]:
    """meeting id -> "complete" (committed record) or "writing" (a journal entry, no commit yet)."""
    out = {}
    for p in (store / "meetings").glob("*.json") if (store / "meetings").exists() else []:
        try:
            out[p.stem] = json.loads(p.read_text(encoding="utf-8")).get("status")
        except (FileNotFoundError, ValueError):  # replaced or removed between glob and read
            continue
    for p in (store / "journal").glob("*.json") if (store / "journal").exists() else []:
        out[p.stem] = "writing"
    return out


def test_kill_9_mid_ingest_then_reingest_equals_clean_ingest(tmp_path, embed_model):
    n = 4
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (SAMPLES / SMALL).read_text(encoding="utf-8")
    for k in range(1, n + 1):
        (docs / f"copy-{k}.txt").write_text(f"{text}\nCopy number {k}.\n", encoding="utf-8")
        (docs / f"copy-{k}.meta.json").write_text(
            json.dumps({"committee": f"Kill Test Committee {k}", "date": f"2024-03-{k:02d}"}), encoding="utf-8")
    killed = tmp_path / "killed"
    log = tmp_path / "ingest.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([*minutes_cmd(), "ingest", str(docs), "--store", str(killed)],
                                stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=dict(os.environ))
    at_kill = None
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            st = _statuses(killed)
            done = sum(s == "complete" for s in st.values())
            if 1 <= done < n and any(s != "complete" for s in st.values()):
                os.kill(proc.pid, signal.SIGKILL)  # mid-meeting: one complete, one being written
                at_kill = st
                break
            time.sleep(0.02)
    finally:
        if proc.poll() is None and at_kill is None:
            proc.kill()
        proc.wait(timeout=60)
    if at_kill is None:
        pytest.fail(f"could not catch the ingest mid-way (exit {proc.returncode}): {log.read_text()[-2000:]}")
    assert proc.returncode == -signal.SIGKILL

    # Readers never list a half-written meeting.
    listed = {m.id for m in open_store(killed).meetings()}
    assert {m for m, s in at_kill.items() if s == "complete"} <= listed
    assert len(listed) < n and all(_statuses(killed)[m] in ("complete", "writing") for m in listed)
    interrupted = sorted(p.stem for p in (killed / "journal").glob("*.json"))
    assert len(interrupted) == 1

    report = ingest(killed, docs)  # the next write rolls the half-written meeting back, then adds the rest
    assert not report.failed and len(report.result.added) + len(report.result.unchanged) == n
    assert set(report.result.unchanged) <= listed
    # it says what it recovered
    assert len(report.result.recovered) == 1 and interrupted[0] in report.result.recovered[0]
    assert report.result.recovered[0].startswith("recovered: ")
    st = assert_consistent(killed)

    clean = tmp_path / "clean"
    ingest(clean, docs)
    st_clean = assert_consistent(clean)
    assert set(st["records"]) == set(st_clean["records"]) and len(st["records"]) == n
    assert set(st["chroma"]) == set(st_clean["chroma"])
    assert st["bm25"] == st_clean["bm25"]
    docs_killed = {pid: row[0] for pid, row in chroma_rows(killed).items()}
    docs_clean = {pid: row[0] for pid, row in chroma_rows(clean).items()}
    assert docs_killed == docs_clean


class SimulatedKill(BaseException):
    """Stands for the process dying at a chosen point (nothing catches a BaseException here)."""


def test_kill_after_last_commit_before_bm25_rebuild_is_repaired(tmp_path, embed_model, monkeypatch):
    """A kill after the last meeting is committed but before BM25 is rebuilt: the next ingest,
    which finds every meeting unchanged, must still bring BM25 up to date."""
    from rag.retrieve import Retriever
    from rag.store import MinutesStore

    docs = tmp_path / "docs"
    docs.mkdir()
    path = docs / SMALL
    shutil.copy(SAMPLES / SMALL, path)
    store = tmp_path / "store"
    ingest(store, docs)
    mid = meeting_id(path)  # a new version of the file keeps this id
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("There were none on this occasion.",
                                 f"There were none on this occasion. {NEW_SENTENCE}"), encoding="utf-8")

    real_write_record = MinutesStore._write_record

    def write_then_die(self, *args, **kwargs):
        real_write_record(self, *args, **kwargs)  # the commit
        raise SimulatedKill

    monkeypatch.setattr(MinutesStore, "_write_record", write_then_die)
    with pytest.raises(SimulatedKill):
        ingest(store, docs)
    monkeypatch.undo()
    # committed, but the clean-up of the old version's passages (and BM25) did not run
    assert json.loads((store / "meetings" / f"{mid}.json").read_text(encoding="utf-8"))["status"] == "complete"
    assert (store / "journal" / f"{mid}.json").exists()

    report = ingest(store, docs)
    assert report.result.unchanged == [mid] and report.result.passages_written == 0
    assert report.result.recovered == [f"recovered: finished interrupted ingest of {mid}"]
    assert_consistent(store)  # includes: BM25 generation is current
    hits = Retriever(open_store(store)).search("zebra crossing wardens Kestrel Lane", top_k=1, mode="bm25")
    assert hits and NEW_SENTENCE in hits[0].text


def test_kill_after_chroma_write_before_commit_is_rolled_back(two_docs, tmp_path, monkeypatch):
    """Passages in Chroma but the docstore not yet saved: readers do not list the meeting, and the
    next write removes its passages, leaving the rest of the store as it was."""
    from rag.store import MinutesStore

    store, _ = two_docs
    before = assert_consistent(store)
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(SAMPLES / "staffordshire-safeguarding-oss-2024-01-04.txt", extra / "jan.txt")

    def die(self):
        raise SimulatedKill

    monkeypatch.setattr(MinutesStore, "_persist_docstore", die)
    with pytest.raises(SimulatedKill):
        ingest(store, extra)
    monkeypatch.undo()
    new_id = meeting_id(extra / "jan.txt")
    assert _statuses(store)[new_id] == "writing"
    assert any(pid.startswith(new_id + "|") for pid in open_store(store).collection.get()["ids"])
    assert new_id not in {m.id for m in open_store(store).meetings()}

    s = open_store(store)
    with s._writing():
        assert s.recover() == [f"recovered: rolled back interrupted ingest of {new_id} (it was not stored yet)"]
    after = assert_consistent(store)
    assert after["records"] == before["records"] and set(after["chroma"]) == set(before["chroma"])


def test_search_during_an_update_sees_only_the_committed_version(tmp_path, embed_model, monkeypatch):
    """A meeting being replaced has its new passages in the indexes before its record commits;
    a search in that window finds the committed version only, never both."""
    from rag.retrieve import Retriever
    from rag.store import MinutesStore

    docs = tmp_path / "docs"
    docs.mkdir()
    path = docs / SMALL
    shutil.copy(SAMPLES / SMALL, path)
    store = tmp_path / "store"
    ingest(store, docs)
    path.write_text(path.read_text(encoding="utf-8") + "\nA zebra crossing on Quarry Road was requested.\n",
                    encoding="utf-8")

    def die(self):
        raise SimulatedKill

    monkeypatch.setattr(MinutesStore, "_persist_docstore", die)
    with pytest.raises(SimulatedKill):
        ingest(store, docs)
    monkeypatch.undo()
    s = open_store(store)
    rows = s.collection.get(include=["documents"])
    pending = [doc for pid, doc in zip(rows["ids"], rows["documents"]) if pid not in s.committed_passage_ids()]
    assert any("zebra" in doc for doc in pending)  # the new version is in Chroma, not committed
    for mode in ("vector", "hybrid", "bm25"):
        hits = Retriever(s).search("zebra crossing Quarry Road", top_k=10, mode=mode)
        assert hits and not any("zebra" in p for h in hits for p in h.passages), mode


def test_kill_mid_remove_is_finished_by_recovery(two_docs, monkeypatch):
    from rag.store import MinutesStore

    store, docs = two_docs
    gone, kept = meeting_id(docs / SMALL), meeting_id(docs / OTHER)

    def die(self):
        raise SimulatedKill

    monkeypatch.setattr(MinutesStore, "_persist_docstore", die)  # after Chroma's delete, before the rest
    with pytest.raises(SimulatedKill):
        open_store(store).remove(gone)
    monkeypatch.undo()
    assert gone not in {m.id for m in open_store(store).meetings()}  # never listed as complete

    s = open_store(store)
    with s._writing():
        assert s.recover() == [f"recovered: finished interrupted removal of {gone}"]
    after = assert_consistent(store)
    assert set(after["records"]) == {kept}


# --- environment ------------------------------------------------------------------------------


def test_tiktoken_works_offline_behind_a_dead_proxy(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TIKTOKEN_CACHE_DIR"}
    dead = "http://127.0.0.1:9"
    env.update(HF_HUB_OFFLINE="1", HTTPS_PROXY=dead, HTTP_PROXY=dead, https_proxy=dead, http_proxy=dead,
               ALL_PROXY=dead, TMPDIR=str(tmp_path))  # tiktoken's fallback cache would be under TMPDIR
    code = ("import os; from rag.embed import count_tokens; "
            "print(count_tokens('Resolved: that the report be noted.')); print(os.environ['TIKTOKEN_CACHE_DIR'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    count, cache = proc.stdout.split("\n")[:2]
    assert int(count) == 8  # cl100k_base
    assert Path(cache).is_dir() and "llama_index" in cache
    assert not (tmp_path / "data-gym-cache").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _heartbeat(port: int) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def test_ingest_and_search_against_a_chroma_server(tmp_path, embed_model, monkeypatch):
    import chromadb

    from rag.config import COLLECTION, Settings
    from rag.retrieve import Retriever
    from rag.store import MinutesStore

    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.skip(f"no `chroma` CLI at {chroma}")
    port = _free_port()
    log = tmp_path / "chroma.log"
    with open(log, "w") as out:
        server = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1",
                                   "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not _heartbeat(port):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"`chroma run` could not start here (exit {server.poll()}): {log.read_text()[-800:]}")
            time.sleep(0.2)

        url = f"http://127.0.0.1:{port}"
        store = tmp_path / "store"
        env = {"MINUTES_CHROMA_URL": url, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
        proc = run_cli("ingest", SAMPLES / SMALL, "--store", store, "--json", env=env)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert_no_traceback(proc)
        added = json.loads(proc.stdout)["added"]
        assert added == [meeting_id(SAMPLES / SMALL)]
        assert not (store / "chroma").exists()  # the vectors went to the server

        record = json.loads((store / "meetings" / f"{added[0]}.json").read_text(encoding="utf-8"))
        col = chromadb.HttpClient(host="127.0.0.1", port=port).get_collection(COLLECTION)
        assert col.count() == len(record["passage_ids"])
        assert set(col.get()["ids"]) == set(record["passage_ids"])

        for k, v in env.items():
            monkeypatch.setenv(k, v)
        settings = Settings.from_options(store=store)
        assert settings.chroma_url == url
        hits = Retriever(MinutesStore.open(settings, create=False)).search("children in care programme", top_k=3)
        assert hits and hits[0].meeting_id == added[0] and hits[0].item_number == "15"
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


# --- filters (the shared sample store, read only) -----------------------------------------


JAN_2024 = "safeguarding-overview-and-scrutiny-committee-2024-01-04"


@pytest.mark.parametrize("mode", ["hybrid", "vector", "bm25"])
def test_committee_and_date_filters_pick_one_meeting(retriever, mode):
    from rag.retrieve import Filters

    jan = retriever.store.resolve_id(JAN_2024)  # the readable part of the id names one meeting
    assert jan.startswith(JAN_2024 + "-") and jan in {m.id for m in retriever.store.meetings()}
    f = Filters(committee="Safeguarding", date_from="2024-01-01", date_to="2024-01-31")
    hits = retriever.search("children in care and safeguarding reports", f, top_k=5, mode=mode)
    assert len(hits) == 5
    assert {h.meeting_id for h in hits} == {jan}
    # without the date filter the other Safeguarding meeting competes
    both = retriever.search("children in care and safeguarding reports", Filters(committee="Safeguarding"),
                            top_k=10, mode=mode)
    assert len({h.meeting_id for h in both}) == 2


@pytest.mark.parametrize("f", [
    dict(committee="No Such Committee"),
    dict(council="Atlantis"),
    dict(date_from="1990-01-01", date_to="1990-12-31"),
    dict(committee="Safeguarding", date_from="2021-01-01", date_to="2021-12-31"),
    dict(meeting_id="no-such-meeting"),
])
def test_filter_matching_nothing_returns_empty(retriever, f):
    from rag.retrieve import Filters

    for mode in ("hybrid", "vector", "bm25"):
        assert retriever.search("children in care", Filters(**f), top_k=5, mode=mode) == []


def test_top_k_gives_distinct_items(retriever):
    hits = retriever.search("children in care", top_k=3)
    assert len(hits) == 3
    assert len({(h.meeting_id, h.item_number) for h in hits}) == 3


# --- the pipelined ingest (issue 15): parsing ahead, embedding windows, writes behind -----------


def test_parsing_ahead_gives_what_parse_file_gives_in_order(tmp_path, monkeypatch):
    """The worker process parses each document exactly as this process would, and a bad file
    keeps its place and its message; run from a folder holding a decoy `ingest/` package, which
    the worker must not import instead of the real parser."""
    from ingest.errors import MinutesError
    from ingest.parse import parse_file
    from rag.parse_ahead import enabled, parse_in_order

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in sorted(os.listdir(SAMPLES))[:4]:
        shutil.copy(SAMPLES / name, docs / name)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    files = sorted(docs.iterdir())
    decoy = tmp_path / "cwd" / "ingest"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise SystemExit('the decoy was imported')\n")
    monkeypatch.chdir(tmp_path / "cwd")
    assert enabled(len(files))
    got = list(parse_in_order(files))
    assert [p for p, _, _ in got] == files
    for path, meeting, error in got:
        try:
            want = parse_file(path)
        except MinutesError as exc:
            assert meeting is None and error == str(exc)
            continue
        assert error is None and json.dumps(meeting.to_dict(), sort_keys=True) == json.dumps(want.to_dict(), sort_keys=True)
    assert sum(e is not None for _, _, e in got) == 1


def test_a_failed_write_stops_the_writes_after_it(tmp_path, embed_model, monkeypatch):
    """Meetings are embedded together and written one by one behind the embedding: when one
    write dies, the meetings before it stay committed, it is rolled back, and none after it is
    written (as if the process had been killed there)."""
    from rag.store import MinutesStore

    docs = tmp_path / "docs"
    docs.mkdir()
    names = [SMALL, OTHER, "staffordshire-safeguarding-oss-2024-01-04.txt"]
    for name in names:
        shutil.copy(SAMPLES / name, docs / name)
    ids = [meeting_id(docs / name) for name in names]
    real = MinutesStore._persist_docstore
    calls = {"n": 0}

    def second_dies(self):
        calls["n"] += 1
        if calls["n"] == 2:
            raise SimulatedKill
        real(self)

    monkeypatch.setattr(MinutesStore, "_persist_docstore", second_dies)
    store = tmp_path / "store"
    with pytest.raises(SimulatedKill):
        ingest(store, *[docs / name for name in names])
    monkeypatch.undo()
    records = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (store / "meetings").glob("*.json")}
    assert set(records) == {ids[0]}  # the first committed; the second never; the third never started
    assert not (store / "journal" / f"{ids[2]}.json").exists()
    chroma_ids = open_store(store).collection.get()["ids"]
    assert not any(pid.startswith(ids[2] + "|") for pid in chroma_ids)
    s = open_store(store)
    with s._writing():
        assert s.recover() == [f"recovered: rolled back interrupted ingest of {ids[1]} (it was not stored yet)"]
    assert set(assert_consistent(store)["records"]) == {ids[0]}
    report = ingest(store, docs)  # the next ingest stores the other two
    assert sorted(report.result.added) == sorted(ids[1:])
    assert set(assert_consistent(store)["records"]) == set(ids)
