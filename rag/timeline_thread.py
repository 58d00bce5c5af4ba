"""The thread of a story across meetings: each meeting's part is read beside its neighbour's.

Why: a question across meetings ("how did the search for a new clerk progress over the
August, September and October meetings") names the matter once, in its own words, and the
minutes name it differently at each meeting: "someone interested in the clerk position",
then "offer the job to Carrie Landman", then "welcomed Carrie Landman who will be learning
about the clerk job" under "Call to order"; "a way to count how many people visit the site",
"nine have used it so far", "42 people have visited the site" under "Web page" (the question
said "website"). Read one meeting at a time by the question's words, a meeting's part was a
line on the topic's words but about something else (the clerks helping the fire department;
volunteers offering to work on the web site). The same matter is named similarly from one
meeting to the next, so the meeting where the topic's words find the matter most surely (the
anchor) lends its lines to its neighbours: each neighbour is searched for them too, and its
lines rank by their closeness in meaning to them beside the topic's words; then that
neighbour's lines lend to the next, outward from the anchor.

Nothing here is fitted: the weight and the bar are design choices (twelve corpus timeline
questions are too few to fit anything on).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ingest.model import Meeting

from .sentences import split_sentences

if TYPE_CHECKING:
    from .answer import Candidate, ExtractiveEngine

# how much a line's closeness to the thread (a cosine) counts beside its score and topic cover
THREAD_WEIGHT = 1.0
# a line this close in meaning to the thread is on the story though it shares none of the
# question's words ("42 people have visited the site" for "use of the website")
THREAD_ON = 0.5
THREAD_QUERY_CHARS = 600  # the thread as a search: its opening, as a question would be


def thread_query(thread: list[str]) -> str:
    """The thread's lines as one search text (the matter as the neighbouring meeting put it)."""
    text = " ".join(" ".join(line.split()) for line in thread)
    return text[:THREAD_QUERY_CHARS].rsplit(" ", 1)[0] if len(text) > THREAD_QUERY_CHARS else text


def mark_thread(engine: "ExtractiveEngine", cands: list["Candidate"], thread: list[str]) -> None:
    """Each line's closeness in meaning to the thread (the best cosine with any of its lines),
    as `features["thread"]`."""
    import numpy as np

    if not cands or not thread:
        return
    vecs = np.asarray(engine._embed([c.text for c in cands]), dtype=np.float64)
    tvecs = np.asarray(engine._embed(thread), dtype=np.float64)
    sims = (vecs @ tvecs.T).max(axis=1)
    for c, sim in zip(cands, sims.tolist()):
        c.features["thread"] = max(0.0, sim)


def on_thread(c: "Candidate") -> bool:
    return c.features.get("thread", 0.0) >= THREAD_ON


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")


_CALENDAR_WORDS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


# words naming a body in general: "the Board", "the Council" name every matter alike
_BODY_WORDS = {"Board", "Council", "Committee", "Commission", "Trustees", "Members", "Meeting", "Chair", "Chairman",
               "Mayor", "Clerk", "Secretary", "Treasurer", "Councillor", "Councillors", "Cllr", "Town", "Parish", "County",
               "City", "Township", "Village"}


def _names(text: str) -> set[str]:
    """Capitalised words inside sentences (not a sentence's first word): names of people,
    bodies, places ("Mary Hollis", "Barclays", "Lowestoft")."""
    return {w for s in split_sentences(" ".join(text.split())) for w in _NAME.findall(s)} - _CALENDAR_WORDS


def shares_name(line: str, thread: list["Candidate"], m: Meeting) -> bool:
    """The line names someone or something the thread names: a meeting the topic's words found
    nothing in is taken into the story only on a line close in meaning to the thread that also
    carries one of its names (the same person, body or place), not on closeness alone (a
    management report's opening is close in meaning to any finance line). The meeting's own
    body ("the Board", "the Council") names every matter alike, so its words do not count."""
    own = set(re.findall(r"\w+", f"{m.council or ''} {m.committee or ''} {m.title or ''}"))
    return bool((_names(line) & _names(" ".join(c.text for c in thread))) - own - _BODY_WORDS)


def _lead_strength(lines: list["Candidate"]) -> float:
    lead = lines[0]
    return lead.score + lead.features.get("cover", 0.0)


def follow_thread(engine: "ExtractiveEngine", meetings: list[Meeting], first: dict[str, list["Candidate"]],
                  repick: Callable[[Meeting, list[str], bool], list["Candidate"]]) -> dict[str, list["Candidate"]]:
    """Each story meeting's lines, chosen again beside the thread, by meeting id. The meeting
    whose lead line holds the topic most surely (score plus topic cover) keeps its first lines
    (the anchor); the others, outward from it, are read again given the lines of the nearest
    meeting on the anchor's side that has a part. A meeting the topic's words found nothing in
    gets a part when its line closest to the thread is on it (the matter renamed: "welcomed Mary
    Hollis ... when Tom Burns retires" after "offer the post to Mary Hollis"); one where the
    second reading finds nothing keeps its first lines. `repick(meeting, thread, thread_only)`."""
    if not first:
        return {}
    order = list(meetings)
    anchor = max((i for i, m in enumerate(order) if first.get(m.id)), key=lambda i: _lead_strength(first[order[i].id]))
    chosen = {mid: lines for mid, lines in first.items() if lines}
    for step in (1, -1):  # after the anchor, then before it
        source = order[anchor]
        k = anchor + step
        while 0 <= k < len(order):
            m = order[k]
            # where the topic's words found nothing, only the thread speaks for a line
            again = repick(m, [c.text for c in chosen[source.id]], m.id not in chosen)
            if again and (m.id in chosen or (on_thread(again[0]) and shares_name(again[0].text, chosen[source.id], m))):
                chosen[m.id] = again
            if m.id in chosen:
                source = m
            k += step
    return chosen
