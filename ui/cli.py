"""The `minutes` command line: a thin layer over ingest/ and rag/.

Every command prints one line per problem (no tracebacks) and, with --json, exactly one
JSON object on stdout.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ingest.errors import MinutesError
from ingest.model import OUTCOMES, Meeting
from ingest.parse import MeetingOverrides, parse_file


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def _overrides(council: str | None, committee: str | None, date: str | None) -> MeetingOverrides:
    try:
        return MeetingOverrides(council=council, committee=committee, date=date)
    except MinutesError as exc:
        _fail(str(exc), 2)
        raise  # unreachable


def meeting_json(meeting: Meeting) -> dict:
    m = meeting.to_dict()
    items = [
        {k: it[k] for k in ("number", "number_inferred", "title", "text", "resolutions", "truncated", "agenda_number", "blurb", "position")}
        for it in m["items"]
    ]
    keys = ("id", "council", "committee", "date", "time", "venue", "chair", "source", "attendees", "apologies", "absent")
    return {"meeting": {**{k: m[k] for k in keys}, "items": items}, "warnings": m["warnings"]}


def print_meeting(meeting: Meeting) -> None:
    click.secho(meeting.title, bold=True)
    for label, value in (("id", meeting.id), ("council", meeting.council), ("time", meeting.time),
                         ("venue", meeting.venue), ("chair", meeting.chair), ("source", meeting.source)):
        if value:
            click.echo(f"  {label}: {value}")
    if meeting.attendees:
        click.echo(f"  present: {', '.join(meeting.attendees)}")
    if meeting.apologies:
        click.echo(f"  apologies: {', '.join(meeting.apologies)}")
    for it in meeting.items:
        flags = []
        if it.number_inferred:
            flags.append("number inferred")
        if it.truncated:
            flags.append("truncated in source")
        if it.resolutions:
            flags.append(f"{len(it.resolutions)} resolution(s)")
        extra = f"  [{'; '.join(flags)}]" if flags else ""
        click.echo(f"  {it.label:>8}  {it.title}{extra}")
    for w in meeting.warnings:
        click.secho(f"  warning: {w}", fg="yellow")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes")
def main() -> None:
    """Ask questions of council committee minutes, with answers cited to the agenda item."""


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--committee", help="Committee name, where the document does not state it (or states it wrongly).")
@click.option("--date", help="Meeting date, YYYY-MM-DD.")
@click.option("--council", help="Council name.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def parse(file: Path, committee: str | None, date: str | None, council: str | None, as_json: bool) -> None:
    """Parse one minutes document and print its meeting and agenda items (stores nothing)."""
    try:
        meeting = parse_file(file, _overrides(council, committee, date))
    except MinutesError as exc:
        _fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps(meeting_json(meeting), ensure_ascii=False))
    else:
        print_meeting(meeting)


# --- store commands --------------------------------------------------------------------

store_option = click.option(
    "--store", type=click.Path(path_type=Path), default=None,
    help="Store directory (default: $MINUTES_STORE, else ./.minutes).",
)


def _open_store(store: Path | None, create: bool = False):
    from rag.config import Settings
    from rag.store import MinutesStore

    try:
        return MinutesStore.open(Settings.from_options(store=store), create=create)
    except MinutesError as exc:
        _fail(str(exc))


def _minutes(store: Path | None, create: bool = False):
    """The one `rag.front.Minutes` for this command (store opened now, models on first use)."""
    from rag.front import Minutes

    try:
        return Minutes.open(store=store, create=create)
    except MinutesError as exc:
        _fail(str(exc))


def _filters(committee=None, council=None, meeting=None, date_from=None, date_to=None, kind=None):
    from rag.retrieve import Filters

    try:
        return Filters(committee=committee, council=council, meeting_id=meeting, date_from=date_from,
                       date_to=date_to, kind=kind)
    except MinutesError as exc:
        _fail(str(exc), 2)


def filter_options(f):
    for opt in reversed([
        click.option("--committee", help="Only meetings of this committee (part of its name is enough)."),
        click.option("--council", help="Only meetings of this council."),
        click.option("--meeting", "meeting", help="Only this meeting id."),
        click.option("--from", "date_from", help="From this date, YYYY-MM-DD."),
        click.option("--to", "date_to", help="Up to this date, YYYY-MM-DD."),
    ]):
        f = opt(f)
    return f


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--committee", help="Committee for every file (overrides the document).")
@click.option("--date", help="Meeting date for every file, YYYY-MM-DD.")
@click.option("--council", help="Council for every file.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def ingest(paths, store, committee, date, council, as_json) -> None:
    """Parse minutes documents and add them to the store (files or folders)."""
    from rag.indexing import collect_files

    overrides = _overrides(council, committee, date)
    mn = _minutes(store, create=True)
    s = mn.store
    files, _ = collect_files(paths)
    quiet = as_json or not sys.stderr.isatty()
    with click.progressbar(length=max(len(files), 1), label="Parsing", file=sys.stderr, hidden=quiet) as bar_parse:
        def parsed(path, error):
            bar_parse.update(1)
        state = {"bar": None}

        def stored(meeting_id, n, total):
            if state["bar"] is None:
                state["bar"] = click.progressbar(length=total, label="Embedding", file=sys.stderr, hidden=quiet)
                state["bar"].__enter__()
            state["bar"].update(1)

        try:
            report = mn.ingest(paths, overrides, on_parsed=parsed, on_stored=stored)
        except MinutesError as exc:
            _fail(str(exc))
            return
        finally:
            if state["bar"] is not None:
                state["bar"].__exit__(None, None, None)
    r = report.result
    store_error = None
    try:
        total = s.passage_count()
    except MinutesError as exc:  # nothing was stored, and the vector store will not open: say why at the end
        total, store_error = None, str(exc)
    if as_json:
        click.echo(json.dumps({
            "added": r.added, "updated": r.updated, "unchanged": r.unchanged,
            "replaced": [{"id": mid, "path": src} for mid, src in r.replaced], "recovered": r.recovered,
            "items": report.items, "passages_written": r.passages_written, "passages_total": total,
            "failed": [{"path": p, "reason": why} for p, why in report.failed],
            "skipped": [{"path": p, "reason": why} for p, why in report.skipped],
            "warnings": {m.id: m.warnings for m in report.meetings if m.warnings},
        }, ensure_ascii=False))
    else:
        click.echo(f"{len(report.files)} file(s): {len(r.added)} meeting(s) added, {len(r.updated)} updated, "
                   f"{len(r.unchanged)} unchanged; {report.items} items, {r.passages_written} passages embedded "
                   f"({'?' if total is None else total} in the store at {s.root})")
        for line in r.recovered:
            click.secho(f"  {line}", fg="cyan")
        for mid, src in r.replaced:
            click.secho(f"  replaced: {mid} with the new version of {src}", fg="cyan")
        for m in report.meetings:
            for w in m.warnings:
                click.secho(f"  warning: {m.id}: {w}", fg="yellow")
        for path, why in report.skipped:
            click.secho(f"  skipped: {path}: {why}", fg="yellow")
        for path, why in report.failed:
            click.secho(f"  failed: {why}" if Path(path).name in why else f"  failed: {path}: {why}", fg="red", err=True)
    if store_error:
        _fail(store_error)
    if not report.ok:
        sys.exit(1)


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True)
def meetings(store, as_json) -> None:
    """List the stored meetings."""
    s = _minutes(store)
    try:
        stored = s.meetings()
    except MinutesError as exc:
        _fail(str(exc))
        return
    for name, why in s.store.damaged:  # skipped, not fatal: the next write quarantines it
        click.secho(f"warning: meeting record {name} is damaged ({why}) and is not listed; run `minutes doctor`",
                    fg="yellow", err=True)
    rows = [
        {"id": m.id, "council": m.council, "committee": m.committee, "date": m.date, "items": len(m.items),
         "truncated_items": sum(it.truncated for it in m.items), "source": m.source}
        for m in stored
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo(f"No meetings in {s.root} yet: run `minutes ingest FOLDER`.")
    for r in rows:
        click.echo(f"{r['id']}\t{r['date'] or 'no date'}\t{r['committee'] or 'no committee'}\t"
                   f"{r['items']} items ({r['truncated_items']} truncated)")


@main.command()
@store_option
@click.option("--committee", help="Words of the committee's name, e.g. 'planning'.")
@click.option("--from", "date_from", help="From this date, YYYY-MM-DD (inclusive).")
@click.option("--to", "date_to", help="To this date, YYYY-MM-DD (inclusive).")
@click.option("--outcome", type=click.Choice(list(OUTCOMES)), help="Only decisions with this outcome.")
@click.option("--member", help="Only decisions this member moved, seconded or has a recorded vote on.")
@click.option("--text", help="Only decisions whose text or item title holds all these words.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON list of decisions.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV for spreadsheets (UTF-8 with BOM, formula-safe cells).")
def decisions(store, committee, date_from, date_to, outcome, member, text, as_json, as_csv) -> None:
    """The decisions register: every decision with its outcome, mover, seconder and vote, cited."""
    from rag.indexing import decisions_csv
    from rag.register import decisions as register
    from rag.register import vote_summary

    s = _open_store(store)
    try:
        meetings = s.meetings()
        rows = register(meetings, committee, date_from, date_to, outcome, member, text)
    except MinutesError as exc:
        _fail(str(exc), 2)
        return
    if as_json:
        click.echo(json.dumps([d.to_dict() for d in rows], ensure_ascii=False))
    elif as_csv:
        click.echo(decisions_csv(rows, {m.id: m.source for m in meetings}), nl=False)
    else:
        if not rows:
            click.echo("No decisions match." if meetings else f"No meetings in {s.root} yet: run `minutes ingest FOLDER`.")
        for d in rows:
            where = "attendance and details" if d.item_number == "header" else f"item {d.item_number}: {d.item_title}"
            click.echo(f"{d.date or 'no date'}  {d.committee or 'unknown committee'}  {where}")
            facts = [d.outcome.upper()]
            if d.mover:
                facts.append(f"moved by {d.mover}")
            if d.seconder:
                facts.append(f"seconded by {d.seconder}")
            if d.vote is not None and vote_summary(d):
                facts.append(f"vote {vote_summary(d)}")
            if d.inferred:
                facts.append(f"inferred: {', '.join(d.inferred)}")
            click.echo("    [" + "; ".join(facts) + "]")
            click.echo("    " + d.text.replace("\n", "\n    "))


@main.command()
@click.argument("name")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object {name, attendance, votes}.")
def member(name, store, as_json) -> None:
    """A member's attendance and recorded moves, seconds and votes across stored meetings, each cited."""
    from rag.register import member_record

    s = _open_store(store)
    rec = member_record(s.meetings(), name)
    if as_json:
        click.echo(json.dumps(rec.to_dict(), ensure_ascii=False))
        return
    if not rec.attendance and not rec.votes:
        click.echo(f"The stored minutes record no attendance or votes for '{name}'.")
        return
    click.secho(name, bold=True)
    if rec.attendance:
        click.echo("Attendance:")
        for a in rec.attendance:
            click.echo(f"  {a.status:<9}  {a.citation.label}  (printed as {a.name_as_printed})")
    if rec.votes:
        click.echo("Recorded moves, seconds and votes:")
        for v in rec.votes:
            click.echo(f"  {v.how:<9}  {v.outcome:<9} {v.citation.label}")
            click.echo("             " + v.text.replace("\n", " ")[:300])


@main.command()
@click.argument("query")
@store_option
@filter_options
@click.option("--kind", type=click.Choice(["minutes", "resolution"]))
@click.option("--top-k", default=5, show_default=True)
@click.option("--mode", type=click.Choice(["hybrid", "vector", "bm25"]), default="hybrid", show_default=True)
@click.option("--json", "as_json", is_flag=True)
def search(query, store, committee, council, meeting, date_from, date_to, kind, top_k, mode, as_json) -> None:
    """Retrieval only: the agenda items that best match QUERY."""
    mn = _minutes(store)
    f = _filters(committee, council, meeting, date_from, date_to, kind)
    try:
        hits = mn.search(query, f, top_k=top_k, mode=mode)
    except MinutesError as exc:
        _fail(str(exc), 2)
        return
    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False))
        return
    if not hits:
        click.echo("No matching agenda items.")
    for rank, h in enumerate(hits, 1):
        when = h.date or "no date"
        click.secho(f"{rank}. [{h.committee or 'Unknown committee'}, {when}, item {h.item_number}] {h.item_title}"
                    f"  (score {h.score:.3f})", bold=True)
        snippet = " ".join(h.text.split())
        click.echo(f"   {snippet[:240]}{'…' if len(snippet) > 240 else ''}")


def print_answer(answer) -> None:
    if answer.refused:
        click.secho(answer.text, fg="yellow")
    else:
        click.echo(answer.text)
    if answer.citations:
        click.echo("")
        for n, c in enumerate(answer.citations, 1):
            click.secho(f"[{n}] {c.label[1:-1]}: {c.item_title}", bold=True)
            click.echo(f"    “{' '.join(c.quote.split())}”")
    for notice in answer.notices:
        click.secho(f"note: {notice}", fg="cyan", err=True)


llm_option = click.option("--llm", default=None, help="extractive (default), local[:PATH.gguf], openai-like:URL, ollama:MODEL, openai:MODEL.")


@main.command()
@click.argument("question")
@store_option
@filter_options
@llm_option
@click.option("--json", "as_json", is_flag=True)
def ask(question, store, committee, council, meeting, date_from, date_to, llm, as_json) -> None:
    """Answer QUESTION from the stored minutes, citing meeting and agenda item."""
    mn = _minutes(store)
    f = _filters(committee, council, meeting, date_from, date_to)
    try:
        answer = mn.ask(question, f, llm=llm)
    except MinutesError as exc:
        _fail(str(exc), 2)
        return
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        print_answer(answer)


@main.command()
@click.argument("meeting_id")
@store_option
@click.option("--format", "fmt", type=click.Choice(["md", "json", "docx"]), default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file (required for docx).")
@llm_option
def summarise(meeting_id, store, fmt, output, llm) -> None:
    """A briefing for one meeting: decisions, key points per item, actions, all cited."""
    mn = _minutes(store)
    try:
        b = mn.briefing(meeting_id, llm=llm)
    except MinutesError as exc:
        _fail(str(exc))
        return
    if fmt == "docx":
        target = output or Path(f"{meeting_id}-briefing.docx")
        target.write_bytes(b.to_docx_bytes())
        click.echo(f"Wrote {target}")
        return
    text = json.dumps(b.to_dict(), ensure_ascii=False, indent=2) if fmt == "json" else b.to_markdown()
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {output}")
    else:
        click.echo(text)
    for notice in b.notices:
        click.secho(f"note: {notice}", fg="cyan", err=True)


@main.command()
@click.argument("topic")
@store_option
@filter_options
@click.option("--json", "as_json", is_flag=True)
def timeline(topic, store, committee, council, meeting, date_from, date_to, as_json) -> None:
    """Every meeting and item that discussed TOPIC, oldest first, one cited line each."""
    mn = _minutes(store)
    f = _filters(committee, council, meeting, date_from, date_to)
    try:
        entries = mn.timeline(topic, f)
    except MinutesError as exc:
        _fail(str(exc), 2)
        return
    if as_json:
        click.echo(json.dumps([e.to_dict() for e in entries], ensure_ascii=False))
        return
    if not entries:
        click.echo(f"No meeting in the store discussed “{topic}” closely enough to cite.")
    for e in entries:
        c = e.citation
        click.secho(c.label, bold=True)
        click.echo(f"    {' '.join(c.quote.split())}")


@main.command()
@click.argument("meeting_id")
@store_option
def remove(meeting_id, store) -> None:
    """Remove a meeting and its passages from the store."""
    mn = _minutes(store)
    try:
        full_id = mn.store.resolve_id(meeting_id, _removable_ids(mn.store))
        n = mn.remove(full_id)
    except MinutesError as exc:
        _fail(str(exc))
        return
    for line in mn.store.last_recovered:
        click.secho(line, fg="cyan", err=True)
    click.echo(f"Removed {full_id} ({n} passages).")


def _removable_ids(s) -> set[str]:
    """Stored meeting ids, and those of damaged records (`remove` works on those too)."""
    ids = {m.id for m in s.meetings()} | {name.split(".", 1)[0] for name, _ in s.damaged}
    q = s.root / "quarantine"
    return ids | ({p.name.split(".", 1)[0] for p in q.glob("*.json")} if q.is_dir() else set())


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def doctor(store, as_json) -> None:
    """Check the store: every meeting's passages in Chroma, the docstore, BM25 and the manifest."""
    s = _open_store(store)
    try:
        rep = s.doctor()
    except MinutesError as exc:
        _fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps(rep.to_dict(), ensure_ascii=False))
    else:
        counts = ", ".join(f"{k} {'unreadable' if v is None else v}" for k, v in rep.counts.items())
        click.echo(f"{rep.meetings} meeting(s), {rep.manifest_passages} passages in the manifest; {counts}")
        for p in rep.problems:
            click.secho(f"  problem: {p}", fg="red")
        if rep.ok:
            click.secho("ok: every index agrees with the manifest", fg="green")
        else:
            click.echo(f"{len(rep.problems)} problem(s): `minutes reindex --store {s.root}` rebuilds every index "
                       "from the stored meetings")
    if not rep.ok:
        sys.exit(1)


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def reindex(store, as_json) -> None:
    """Rebuild Chroma, the docstore and BM25 from the stored meetings (no source files needed)."""
    s = _open_store(store)
    try:
        res = s.reindex()
        rep = s.doctor()
    except MinutesError as exc:
        _fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps({"meetings": res.meetings, "passages": res.passages, "embedded": res.embedded,
                               "notes": res.notes, "doctor": rep.to_dict()}, ensure_ascii=False))
    else:
        for note in res.notes:
            click.secho(f"  {note}", fg="cyan")
        click.echo(f"Rebuilt {res.meetings} meeting(s), {res.passages} passages "
                   f"({res.embedded} embedded, {res.passages - res.embedded} vectors reused) in {s.root}")
        for p in rep.problems:
            click.secho(f"  problem: {p}", fg="red")
    if not rep.ok:
        sys.exit(1)


# --- evaluation and benchmark (eval/) -----------------------------------------------------


@main.command("eval")
@click.option("--fixtures", type=click.Path(path_type=Path), default=None,
              help="Question file (.jsonl) or folder of them (default: eval/fixtures).")
@click.option("--corpus", type=click.Path(path_type=Path, exists=True), default=None,
              help="Ingest this folder into a temporary store and evaluate that.")
@store_option
@click.option("--llm", default=None, help="Answer engine passed to ask (default: the configured one).")
@click.option("--judge", is_flag=True, help="Also grade answers with llama-index's CorrectnessEvaluator (needs --llm).")
@click.option("--baseline", is_flag=True, help="Also run the naive llama-index pipeline and compare.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object {metrics, results}.")
@click.option("--report", "report_path", type=click.Path(path_type=Path), default=None, help="Write a Markdown report.")
@click.option("--min-hit5", type=float, default=None, help="Fail (exit 1) if hybrid retrieval hit@5 is below this.")
@click.option("--min-correct", type=float, default=None, help="Fail if answer correctness is below this.")
@click.option("--min-refusal", type=float, default=None, help="Fail if refusal accuracy is below this.")
@click.option("--min-validity", type=float, default=None, help="Fail if citation validity is below this.")
@click.option("--structure", is_flag=True, help="Score agenda items and meeting details against --gold instead (with --corpus).")
@click.option("--decisions", "decisions_eval", is_flag=True,
              help="Score decisions (outcome, mover, seconder, vote) against --gold instead (with --corpus).")
@click.option("--gold", type=click.Path(path_type=Path, exists=True), default=None, help="Gold structure.json for --structure.")
@click.option("--cv", is_flag=True, help="With --structure: also leave-one-body-out cross-validated figures.")
@click.option("--min-item-f1", type=float, default=None, help="With --structure: fail if item F1 is below this.")
@click.option("--verbose", "-v", is_flag=True, help="With --structure: list missed and spurious items.")
def eval_command(fixtures, corpus, store, llm, judge, baseline, as_json, report_path,
                 min_hit5, min_correct, min_refusal, min_validity, structure, gold, cv, min_item_f1, verbose,
                 decisions_eval) -> None:
    """Score retrieval and answers against the question fixtures (the CI gate)."""
    from eval.report import run_eval_command

    if decisions_eval:
        from eval.decisions_eval import run_decisions_command

        if corpus is None or gold is None:
            _fail("--decisions needs --corpus DOCS_FOLDER and --gold structure.json")
            return
        sys.exit(run_decisions_command(corpus, gold, as_json, cv, verbose))
    if structure:
        from eval.structure import run_structure_command

        if corpus is None or gold is None:
            _fail("--structure needs --corpus DOCS_FOLDER and --gold structure.json")
            return
        sys.exit(run_structure_command(corpus, gold, as_json, cv, verbose, min_item_f1))
    try:
        code = run_eval_command(fixtures, corpus, store, llm, judge, baseline, as_json, report_path,
                                {"min_hit5": min_hit5, "min_correct": min_correct,
                                 "min_refusal": min_refusal, "min_validity": min_validity})
    except MinutesError as exc:
        _fail(str(exc))
        return
    sys.exit(code)


@main.command()
@click.option("--corpus", type=click.Path(path_type=Path, exists=True), default=None,
              help="Documents to time (default: the sample minutes in data/minutes).")
@click.option("--synthetic", default=100_000, show_default=True, help="Passages in the large synthetic store.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench(corpus, synthetic, as_json) -> None:
    """Time parsing, ingest, search, ask and a large synthetic store (a few minutes)."""
    from eval.bench import run_bench

    try:
        run_bench(corpus=corpus, synthetic=synthetic, as_json=as_json)
    except MinutesError as exc:
        _fail(str(exc))


@main.command()
@store_option
@click.option("--port", type=int, default=8501, show_default=True, help="Port to serve the app on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1 = this computer only).")
def ui(store, port, host) -> None:
    """Serve the web app (Streamlit) over the store."""
    import os
    import subprocess

    from ingest.readers import DEFAULT_MAX_MB

    app = Path(__file__).resolve().parent / "app_server.py"  # the app plus the route serving original documents
    env = dict(os.environ)
    if store is not None:
        env["MINUTES_STORE"] = str(Path(store).expanduser().resolve())
    cmd = [sys.executable, "-m", "streamlit", "run", str(app),
           "--server.headless", "true", "--server.address", host, "--server.port", str(port),
           "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
           "--server.maxUploadSize", str(int(DEFAULT_MAX_MB))]  # the readers' own limit, so both agree
    click.echo(f"Minutes app at http://{host}:{port} (store: {env.get('MINUTES_STORE') or '.minutes'}); Ctrl+C stops it.",
               err=True)
    if os.name == "posix":
        os.execve(sys.executable, cmd, env)  # become the server: signals reach Streamlit directly
    sys.exit(subprocess.call(cmd, env=env))


if __name__ == "__main__":
    main()
