"""`resolve_meetings` answers from an index of the meetings' names and dates, built once per
set of meetings; it must pick exactly the meetings a pass over every meeting picks (the
reference below is that pass, as the function computed it before the index)."""
from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest

from rag import meeting_match as mm

ROOT = Path(__file__).resolve().parents[1]


def _reference(ref, meetings):
    meetings = list(meetings)
    if not meetings or ref.is_empty():
        return None
    names = {m.id: mm.meeting_names(m) for m in meetings}
    n = len(meetings)
    has_date = bool(ref.years or ref.months)
    ranked = []
    common = mm._lowercase_words(meetings)
    for phrase in ref.names:
        words, _ = mm._phrase_words(phrase)
        initials = mm.phrase_initials(phrase)
        if not words or all(w in common for w in words):
            continue
        idf = {w: math.log(1 + n / max(0.5, sum(1 for s in names.values() if w in s))) for w in words}
        total = sum(idf.values())

        def cover(m, idf=idf, total=total, initials=initials):
            have = names[m.id]
            if any(have.get(i, 0.0) >= 1.0 and i in mm.written_names(m) for i in initials):
                return total
            return sum(v * have[w] for w, v in idf.items() if w in have)

        cov = {m.id: cover(m) for m in meetings}
        best = max(cov.values(), default=0.0)
        if best < mm._PHRASE_HELD * total or best <= math.log(2) + 1e-9:
            continue
        ranked.append((best, [m for m in meetings if cov[m.id] >= mm._NAME_SHARE * best]))
    ranked.sort(key=lambda r: -r[0])
    chosen = None
    for _, named in ranked:
        fits = _on_the_day([m for m in named if mm.date_fits(m, ref)], ref) if has_date else named
        if fits:
            chosen = fits
            break
    if chosen is None:
        dated = _on_the_day([m for m in meetings if mm.date_fits(m, ref)], ref) if has_date else []
        if ranked and not (ref.dated_meeting and has_date):
            chosen = ranked[0][1]
        elif dated:
            chosen = dated
        elif ref.dated_meeting and has_date:
            return []
        else:
            chosen = meetings
    if ref.relative in ("last", "first"):
        by_date = sorted((m for m in chosen if m.date), key=lambda m: m.date)
        if by_date:
            chosen = [by_date[-1] if ref.relative == "last" else by_date[0]]
    if len(chosen) == len(meetings):
        return None
    return sorted(chosen, key=lambda m: (m.date or "9999", m.id))


def _on_the_day(fits, ref):
    """Of the fitting meetings, those held on the day the question names, when any is."""
    if not ref.day or len(ref.months) != 1:
        return fits
    exact = [m for m in fits if (p := mm._date_parts(m)) is not None and p[1] == ref.months[0] and p[2] == ref.day
             and (not ref.years or p[0] in ref.years)]
    return exact or fits


def _ids(found):
    return None if found is None else [m.id for m in found]


@pytest.fixture(scope="module")
def meetings():
    from ingest.parse import parse_file

    base = [parse_file(p) for p in sorted((ROOT / "data" / "minutes").iterdir()) if p.is_file()]
    out = list(base)
    # copies under other bodies and dates, so names and dates must discriminate among many
    bodies = ["Harbour Board", "Parks and Recreation Committee", "Finance Committee", "Town Council Planning Panel"]
    for i in range(40):
        src = base[i % len(base)]
        out.append(replace(src, id=f"{src.id}-copy{i}", committee=f"{bodies[i % 4]} {i % 7}",
                           council=["Northby Town Council", "Eastwick Parish Council", ""][i % 3],
                           date=f"{2015 + i % 9}-{1 + i % 12:02d}-{1 + i % 27:02d}",
                           source=f"{Path(src.source or 'x.txt').stem}-{i}.txt"))
    return out


def _questions() -> list[str]:
    from eval.scorer import load_fixtures

    qs = [q.question for q in load_fixtures(ROOT / "eval" / "fixtures")]
    return qs + [
        "What did the Harbour Board 3 decide in March 2018?",
        "What did the Finance Committee agree at its last meeting?",
        "Who chaired the first Parks and Recreation Committee meeting?",
        "What did Eastwick Parish Council approve at its 5 May 2021 meeting?",
        "What did the HB decide in 2019?",
        "What did the Northby Town Council Planning Panel 2 decide about housing?",
        "What was agreed at the meeting on 14 September 2023?",
    ]


def test_index_picks_the_meetings_a_full_pass_picks(meetings):
    from rag.question import profile

    checked = 0
    for q in _questions():
        ref = profile(q).meeting
        for subset in (meetings, meetings[:5], meetings[3:30]):
            assert _ids(mm.resolve_meetings(ref, subset)) == _ids(_reference(ref, subset)), q
            checked += 1
    assert checked > 100


def test_index_follows_a_changed_set_of_meetings(meetings):
    from rag.question import profile

    ref = profile("What did the Lighthouse Trust decide in June 2020?").meeting
    assert mm.resolve_meetings(ref, meetings) == _reference(ref, meetings)
    added = replace(meetings[0], id="lighthouse-trust-2020-06-10-abc", committee="Lighthouse Trust",
                    council="", date="2020-06-10", source="lighthouse-trust-2020-06-10.txt")
    found = mm.resolve_meetings(ref, meetings + [added])
    assert _ids(found) == ["lighthouse-trust-2020-06-10-abc"] == _ids(_reference(ref, meetings + [added]))
