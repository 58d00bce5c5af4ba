"""The bad-input corpus (issue 7): every awkward file through `minutes parse` and `minutes
ingest`, and awkward questions through `minutes search` and `Retriever.search`.

For a file that cannot be used: one clear line naming the file and the reason, exit 1 (parse
fails on any error; ingest fails only when nothing could be ingested), no traceback, and the
store's existing content exactly as before (files, Chroma rows, counts and a fixed search).
Small fixtures live in tests/bad_inputs/ (see make_fixtures.py); big ones are made in tmp_path.

Failing files and the mixed folder go through real subprocesses (cheap: nothing is embedded).
Files that do get stored go through click's CliRunner in this process, so the session's model
is reused instead of being loaded again (about 10 s) for every file.
"""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from test_store import (
    ROOT,
    SAMPLES,
    SMALL,
    assert_consistent,
    assert_no_traceback,
    chroma_rows,
    file_digests,
    ingest,
    meeting_id,
    open_store,
    run_cli,
)

BAD = ROOT / "tests" / "bad_inputs"
UNICODE_NAME = "Comité minutes 2024 ü.txt"


@pytest.fixture(scope="module")
def base(tmp_path_factory, embed_model) -> Path:
    """A store holding one real meeting; bad inputs must leave it exactly as it is."""
    root = tmp_path_factory.mktemp("bad-inputs") / "store"
    report = ingest(root, SAMPLES / SMALL)
    assert len(report.meetings) == 1
    return root


@pytest.fixture
def store_copy(base, tmp_path) -> Path:
    """A private copy of `base` for tests that add to it."""
    root = tmp_path / "store copy"
    shutil.copytree(base, root)
    return root


def fingerprint(root: Path) -> dict:
    """What "unchanged" means: manifest, docstore and BM25 files byte for byte, Chroma's rows
    (ids, texts, embeddings), the meeting and passage counts, and a fixed search's results."""
    from rag.retrieve import Retriever

    st = assert_consistent(root)
    hits = Retriever(open_store(root)).search("children in care programme", top_k=3)
    return {
        "files": file_digests(root),
        "chroma": chroma_rows(root),
        "meetings": len(st["records"]),
        "passages": len(st["chroma"]),
        "search": [(h.meeting_id, h.item_number, h.text) for h in hits],
    }


def cli(*args):
    """`minutes ARGS` in this process (click's CliRunner); an uncaught exception fails the test."""
    from click.testing import CliRunner

    from ui.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        pytest.fail("".join(traceback.format_exception(result.exception)))
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    return result


def parse_json(path: Path) -> dict:
    proc = run_cli("parse", path, "--json")
    assert proc.returncode == 0, proc.stderr
    assert_no_traceback(proc)
    return json.loads(proc.stdout)


def all_text(meeting: dict) -> str:
    return "\n".join(f"{it['title']}\n{it['text']}\n" + "\n".join(it["resolutions"]) for it in meeting["items"])


def error_lines(proc) -> list[str]:
    return [ln for ln in proc.stderr.splitlines() if ln.strip()]


# --- files that cannot be used ---------------------------------------------------------------

UNUSABLE = [
    ("empty.txt", "file is empty"),
    ("whitespace.txt", "contains no text"),
    ("image.txt", "looks like a PNG image"),
    ("notes.xyz", "unsupported format '.xyz'"),
    ("truncated.pdf", "PDF is damaged or truncated"),
    ("no-text-layer.pdf", "PDF has no text layer"),
    ("encrypted.pdf", "PDF is password-protected"),
    ("junk.docx", "not a valid DOCX document"),
]


@pytest.mark.parametrize("name,reason", UNUSABLE)
def test_unusable_file_parse_and_ingest(base, name, reason):
    path = BAD / name
    assert path.exists(), "run tests/bad_inputs/make_fixtures.py"
    for args in (("parse", path), ("parse", path, "--json")):
        proc = run_cli(*args)
        assert proc.returncode == 1
        assert_no_traceback(proc)
        assert proc.stdout == ""
        lines = error_lines(proc)
        assert len(lines) == 1 and lines[0].startswith("Error: ") and name in lines[0] and reason in lines[0], lines

    before = fingerprint(base)
    proc = run_cli("ingest", path, "--store", base)
    assert proc.returncode == 1  # nothing could be ingested
    assert_no_traceback(proc)
    lines = error_lines(proc)
    assert len(lines) == 1 and name in lines[0] and reason in lines[0], lines
    assert fingerprint(base) == before


def test_50_mb_file_is_refused_quickly(base, tmp_path):
    path = tmp_path / "huge minutes.txt"
    block = "".join(f"{i}. Item {i}\nThe committee discussed item {i} at length.\n" for i in range(1, 200)).encode()
    with open(path, "wb") as f:
        while f.tell() < 50 * 1024 * 1024:
            f.write(block)
    assert path.stat().st_size >= 50 * 1024 * 1024

    start = time.monotonic()
    proc = run_cli("parse", path)
    assert proc.returncode == 1
    assert_no_traceback(proc)
    lines = error_lines(proc)
    assert len(lines) == 1 and "huge minutes.txt" in lines[0] and "too large" in lines[0] and "50 MB" in lines[0]

    before = fingerprint(base)
    proc = run_cli("ingest", path, "--store", base)
    assert proc.returncode == 1
    assert_no_traceback(proc)
    lines = error_lines(proc)
    assert len(lines) == 1 and "huge minutes.txt" in lines[0] and "too large" in lines[0]
    assert time.monotonic() - start < 60  # refused from its size, not after reading it
    assert fingerprint(base) == before


# --- awkward files that must be read correctly ---------------------------------------------------


def _ingest_adds_one(store: Path, path: Path, base_fp: dict) -> dict:
    """Ingest PATH into STORE in-process; the new meeting goes in and the old one is untouched."""
    result = cli("ingest", path, "--store", store, "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["added"]) == 1 and report["failed"] == []
    st = assert_consistent(store)
    assert st["records"].keys() == {*base_fp_ids(base_fp), report["added"][0]}
    rows = chroma_rows(store)
    assert all(rows[pid] == row for pid, row in base_fp["chroma"].items())  # old passages byte-identical
    return report


def base_fp_ids(fp: dict) -> set[str]:
    return {pid.split("|", 1)[0] for pid in fp["chroma"]}


def test_html_with_unclosed_tags_and_scripts(base, store_copy):
    meeting = parse_json(BAD / "messy.html")["meeting"]
    text = all_text(meeting)
    for leaked in ("SCRIPTLEAK", "alert(", "document.write", "STYLELEAK", "color:red"):
        assert leaked not in text
    assert "Apologies were received from Councillor Jones" in text
    assert "blasting would end at 4pm" in text
    # unclosed tags must not glue the next block onto the previous line
    assert "Jones2." not in text and "4pmHours" not in text
    assert "RESOLVED: That the blasting hours be noted." in [r for it in meeting["items"] for r in it["resolutions"]]

    report = _ingest_adds_one(store_copy, BAD / "messy.html", fingerprint(base))
    docs = [row[0] for pid, row in chroma_rows(store_copy).items() if pid.startswith(report["added"][0] + "|")]
    assert docs and not any("SCRIPTLEAK" in d for d in docs)


@pytest.mark.parametrize("name,expected", [
    ("cp1252.txt", ["£250,000", "Mill Lane bridge \u2013 the contractor\u2019s quote"]),
    ("utf16.txt", ["£1,000", "Elm Park playground"]),
])
def test_legacy_encodings_decode_correctly(base, store_copy, name, expected):
    from rag.retrieve import Retriever

    meeting = parse_json(BAD / name)["meeting"]
    text = all_text(meeting)
    for s in expected:
        assert s in text
    assert "\x00" not in text and "\ufffd" not in text and "Â£" not in text
    assert len(meeting["items"]) == 2

    report = _ingest_adds_one(store_copy, BAD / name, fingerprint(base))
    hits = Retriever(open_store(store_copy)).search(expected[-1], top_k=1)
    assert hits[0].meeting_id == report["added"][0] and expected[0] in hits[0].text


def test_document_without_items_becomes_one_item_with_a_warning(base, store_copy):
    out = parse_json(BAD / "no-items.txt")
    assert len(out["meeting"]["items"]) == 1
    assert "Nothing in it looks like an agenda item" in out["meeting"]["items"][0]["text"]
    assert any("no agenda items recognised" in w for w in out["warnings"])

    result = cli("ingest", BAD / "no-items.txt", "--store", store_copy)
    assert result.exit_code == 0
    assert "1 meeting(s) added" in result.stdout
    assert any("warning:" in ln and "no agenda items recognised" in ln for ln in result.stdout.splitlines())
    assert_consistent(store_copy)


def test_duplicate_file_under_another_name_in_one_batch(base, store_copy, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("forum notes.txt", "forum notes copy.txt"):
        shutil.copy(BAD / name, folder / name)
        assert parse_json(folder / name)["meeting"]["items"]  # each parses on its own
    result = cli("ingest", folder, "--store", store_copy)
    assert result.exit_code == 0
    assert "1 meeting(s) added" in result.stdout
    skipped = [ln for ln in result.stdout.splitlines() if "skipped:" in ln]
    assert len(skipped) == 1
    first, second = sorted(["forum notes.txt", "forum notes copy.txt"])  # the order files are read in
    assert f"{second}: same text as {first}; not stored twice" in skipped[0]
    st = assert_consistent(store_copy)
    assert len(st["records"]) == 2


def test_duplicate_file_under_another_name_in_a_later_ingest(base, store_copy):
    first = cli("ingest", BAD / "forum notes.txt", "--store", store_copy)
    assert first.exit_code == 0 and "1 meeting(s) added" in first.stdout
    stored_id = meeting_id(BAD / "forum notes.txt")
    before = fingerprint(store_copy)

    again = cli("ingest", BAD / "forum notes copy.txt", "--store", store_copy)
    assert again.exit_code == 0  # already there is not a failure
    skipped = [ln for ln in again.stdout.splitlines() if "skipped:" in ln]
    assert len(skipped) == 1 and "forum notes copy.txt" in skipped[0] and f"same text as stored meeting {stored_id}" in skipped[0]
    assert fingerprint(store_copy) == before


def test_five_thousand_items_parse_fast_and_split_into_passages(tmp_path, embed_model):
    """5,000 numbered lines parse in well under a second or two and cut into passages.

    Numbers of four digits are read as years, not item numbers (by design), so items 1000+ stay
    inside item 999; no text is lost. Embedding the ~1,300 passages takes ~50 s on two busy
    cores, so this test stops short of the embedding: the rest of `ingest` is the same code as
    for any other meeting.
    """
    from ingest.model import Meeting
    from rag.passages import meeting_passages

    path = tmp_path / "many items.txt"
    lines = ["Minutes of the Big Committee held on 7 January 2024", ""]
    for i in range(1, 5001):
        lines += [f"{i}. Item {i}", f"Discussion of item number {i}.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")

    start = time.monotonic()
    out = parse_json(path)
    assert time.monotonic() - start < 30
    meeting = out["meeting"]
    assert len(meeting["items"]) >= 999
    assert [it["number"] for it in meeting["items"][:3]] == ["1", "2", "3"]
    text = all_text(meeting)
    missing = [i for i in range(1, 5001) if f"Discussion of item number {i}." not in text]
    assert not missing, missing[:10]

    from ingest.parse import parse_file

    m: Meeting = parse_file(path)
    start = time.monotonic()
    nodes = meeting_passages(m)
    assert time.monotonic() - start < 30
    assert {n.metadata["item_number"] for n in nodes} >= {it.label for it in m.items}
    assert len({n.id_ for n in nodes}) == len(nodes)


# --- a folder of good and bad files, with unicode and spaces in the names -----------------------


def test_mixed_folder_ingests_the_good_and_lists_the_bad(base, tmp_path):
    folder = tmp_path / "mixed dir ü"
    folder.mkdir()
    good = [UNICODE_NAME, "cp1252.txt", "utf16.txt"]
    bad = {"empty.txt": "file is empty", "image.txt": "PNG image", "junk.docx": "not a valid DOCX",
           "truncated.pdf": "damaged or truncated", "encrypted.pdf": "password-protected"}
    for name in [*good, *bad, "notes.xyz"]:
        shutil.copy(BAD / name, folder / name)
    (folder / "README.md").write_text("Not minutes: a readme is never ingested.\n", encoding="utf-8")
    store = tmp_path / "store with spaces ü"
    shutil.copytree(base, store)
    base_fp = fingerprint(base)

    proc = run_cli("ingest", folder, "--store", store)
    assert proc.returncode == 0, proc.stderr  # something went in
    assert_no_traceback(proc)
    assert "3 meeting(s) added" in proc.stdout
    failed = [ln for ln in proc.stderr.splitlines() if "failed:" in ln]
    assert len(failed) == len(bad), proc.stderr
    for name, reason in bad.items():
        assert any(name in ln and reason in ln for ln in failed), (name, failed)

    listed = run_cli("meetings", "--store", store, "--json")
    assert listed.returncode == 0
    rows = {r["id"]: r for r in json.loads(listed.stdout)}
    expected = {meeting_id(folder / name) for name in good} | base_fp_ids(base_fp)
    assert set(rows) == expected
    sources = {Path(r["source"]).name for r in rows.values()}
    assert UNICODE_NAME in sources  # the unicode file name survives argv, parsing and the manifest
    st = assert_consistent(store)
    rows_now = chroma_rows(store)
    assert all(rows_now[pid] == row for pid, row in base_fp["chroma"].items())
    assert len(st["records"]) == 4

    # a unicode file name on its own, for parse too
    proc = run_cli("parse", folder / UNICODE_NAME, "--json")
    assert proc.returncode == 0 and "Châteauneuf" in proc.stdout


# --- questions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query,reason", [
    ("", "the question is empty"),
    ("   \t  ", "the question is empty"),
    ("x" * 100_000, "the question is too long (100,000 characters"),
    ("?!... ,;: --", "the question has no words in it"),
    (".*[(", "the question has no words in it"),
])
def test_unusable_question_gives_a_clear_message(base, query, reason):
    proc = run_cli("search", query, "--store", base)
    assert proc.returncode == 2
    assert_no_traceback(proc)
    lines = error_lines(proc)
    assert len(lines) == 1 and lines[0].startswith("Error: ") and reason in lines[0]


def test_unusable_question_in_process(retriever):
    from ingest.errors import MinutesError

    for query, reason in [("", "empty"), ("  ", "empty"), ("y" * 100_000, "too long"), ("?!;", "no words")]:
        with pytest.raises(MinutesError, match=reason):
            retriever.search(query)


ODD_QUESTIONS = [
    "'; DROP TABLE embeddings; --",
    "\" OR 1=1 --",
    "children.*[( care",
    "%_% LIKE '%'",
    "$where {\"$ne\": null}",
    "Wie viele Kinder sind in Pflege?",
    "子供の保護について",
    "ما هي القرارات",
    "NULL",
    "item 14 🙂 \\ / \x00",
]


def test_odd_questions_search_without_crashing(retriever):
    count = retriever.store.passage_count()
    fixed = [(h.meeting_id, h.item_number) for h in retriever.search("children in care programme", top_k=3)]
    for q in ODD_QUESTIONS:
        for mode in ("hybrid", "bm25"):
            hits = retriever.search(q, top_k=3, mode=mode)
            assert isinstance(hits, list) and len(hits) <= 3
            assert len({(h.meeting_id, h.item_number) for h in hits}) == len(hits)
    # the store is as it was
    assert retriever.store.passage_count() == count
    assert [(h.meeting_id, h.item_number) for h in retriever.search("children in care programme", top_k=3)] == fixed


def test_odd_questions_and_filters_through_the_cli(sample_store):
    store = sample_store.root
    r = cli("search", "'; DROP TABLE x; --", "--store", store, "--json")
    assert r.exit_code == 0 and isinstance(json.loads(r.stdout), list)

    for args in (["--meeting", "no-such-meeting"], ["--committee", "No Such Committee"],
                 ["--from", "1990-01-01", "--to", "1990-12-31"]):
        r = cli("search", "children in care", "--store", store, *args)
        assert r.exit_code == 0 and r.stdout.strip() == "No matching agenda items."
        r = cli("search", "children in care", "--store", store, "--json", *args)
        assert r.exit_code == 0 and json.loads(r.stdout) == []

    r = cli("search", "children in care", "--store", store, "--from", "2024-13-45")
    assert r.exit_code == 2 and "not a date in YYYY-MM-DD form" in r.stderr

    r = cli("search", "children in care", "--store", store, "--top-k", "3", "--json")
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 3
