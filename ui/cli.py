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
from ingest.model import Meeting
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


if __name__ == "__main__":
    main()
