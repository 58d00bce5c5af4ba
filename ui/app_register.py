"""The decisions register as the app shows it: where the rows come from, which are procedural,
how a vote reads, and the CSV download. Importable without running a page (tests use it).

Rows, filters, votes and procedural flags come from DECISIONS' `rag.register`; this module
only adapts them for display and download.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ingest.model import Decision, Meeting

from rag import register


def all_decisions(store) -> list[Decision]:
    """Every decision, oldest meeting first."""
    return register.decisions(store)


def filtered(rows: list[Decision], committee: str | None = None, date_from: str | None = None,
             date_to: str | None = None, outcome: str | None = None, member: str | None = None,
             text: str | None = None) -> list[Decision]:
    """The register's own filters (members matched however the minutes title them)."""
    rows = register.filter_decisions(rows, None, date_from, date_to, outcome, member or None, text or None)
    return [d for d in rows if not committee or d.committee == committee]


# The register's pattern allows 80 characters between "minutes" and "confirmed"; a committee's
# full name in between ("the minutes of the ... Select Committee meeting held on 6 January
# 2021 be confirmed") runs longer, so such rows are caught here too.
_CONFIRMED = re.compile(r"\bminutes\b[^.]{0,200}?\b(?:be|were|are|was|is)\s+(?:duly\s+)?"
                        r"(?:confirmed|approved|signed|agreed|accepted|adopted)\b", re.I)


def procedural(d: Decision) -> bool:
    """Housekeeping rather than business: minutes confirmed, apologies noted."""
    return register.is_procedural(d) or bool(_CONFIRMED.search(d.text))


def vote_text(d: Decision) -> str:
    """'7 for, 2 against, 1 abstained' from a tally or from named lists."""
    return register.vote_summary(d)


CSV_COLUMNS = ["date", "committee", "council", "item", "item_title", "decision", "outcome", "mover", "seconder",
               "vote", "source", "meeting_id"]


def register_csv(ds: list[Decision], meetings: list[Meeting]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows curly quotes and £ signs as written; the
    source column names the original document each decision comes from."""
    from rag.indexing import spreadsheet_safe

    by_id = {m.id: m for m in meetings}
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for d in ds:
        m = by_id.get(d.meeting_id)
        source = Path(m.source).name if m else ""
        w.writerow([spreadsheet_safe(str(v)) for v in (
            d.date or "", d.committee or "", d.council or "", d.item_number, d.item_title, d.text, d.outcome or "",
            d.mover or "", d.seconder or "", vote_text(d), source, d.meeting_id)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
