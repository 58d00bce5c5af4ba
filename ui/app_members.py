"""Members: one councillor's attendance and recorded votes across the stored meetings.

The record is `rag.register.member_record`: each meeting's attendance lists and its
decisions' movers, seconders and named votes (only what the minutes record).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from ingest.model import Meeting, display_date
from rag.register import decisions_of
from ui import app_common as common
from ui.app_common import md_inline

store, _ = common.get_store()
stored = common.meetings(store)

st.title("Members")

if not stored:
    common.first_run_message(store)
    st.stop()

_TITLES = re.compile(r"^(?:(?:county|district|borough|city|parish|town)\s+)?(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|dr|"
                     r"alderman|mayor|deputy mayor|sir|dame|professor|prof\.?|rev\.?|reverend)\s+", re.I)


def person(name: str) -> str:
    """'Councillor Jane Smith (Chair)' -> 'Jane Smith': the same person however the minutes title them."""
    name = re.sub(r"\s*\(.*?\)\s*", " ", name or "")
    name = re.sub(r"\s*[-–,]\s*(?:chair|vice[- ]chair|chairman|chairperson|mayor)\b.*$", "", name, flags=re.I)
    prev = None
    while prev != name:
        prev, name = name, _TITLES.sub("", name.strip())
    return " ".join(name.split()).strip(" .,;")


@dataclass
class Record:
    attendance: list[dict] = field(default_factory=list)
    votes: list[dict] = field(default_factory=list)


def everyone(meetings: list[Meeting]) -> list[str]:
    names: set[str] = set()
    for m in meetings:
        for n in [*m.attendees, *m.apologies, *m.absent]:
            names.add(person(n))
        for d in decisions_of(m):
            names.update(person(n) for n in (d.mover, d.seconder) if n)
            if d.vote is not None:
                names.update(person(n) for n in (*d.vote.yes, *d.vote.no, *d.vote.abstained))
    return sorted(n for n in names if len(n) > 2 and re.search(r"[A-Za-z]", n))


def member_record(name: str) -> Record:
    """The register's record of one member (rag.register.member_record), for display."""
    from rag.register import member_record as from_register

    r = from_register(stored, name)
    rec = Record()
    for a in r.attendance:
        rec.attendance.append({"Date": a.date or "", "Meeting": a.title, "Attendance": a.status, "id": a.meeting_id})
    for v in r.votes:
        rec.votes.append({"Date": v.date or "", "Meeting": v.committee or "Unknown committee", "Item": v.item_number,
                          "Decision": v.text, "Recorded": v.how, "outcome": v.outcome, "id": v.meeting_id})
    return rec


names = everyone(stored)
if not names:
    st.info("The stored minutes name no members (no attendance lists or recorded votes were found).",
            icon=":material/groups:")
    st.stop()

linked = common.param("member")
if linked and linked in names and st.session_state.get("member_pick") != linked and not st.session_state.get("_member_set"):
    st.session_state["member_pick"] = linked
st.session_state.pop("_member_set", None)


def _on_pick() -> None:
    st.session_state["_member_set"] = True
    common.set_params(member=st.session_state.get("member_pick"))


pick = st.selectbox("Member", names, index=None, key="member_pick", placeholder="Choose or type a name",
                    on_change=_on_pick)
if not pick:
    st.caption(f"{len(names)} people are named in the stored minutes' attendance lists and recorded votes.")
    st.stop()
common.set_params(member=pick)

rec = member_record(pick)
att = pd.DataFrame(rec.attendance, columns=["Date", "Meeting", "Attendance", "id"])
counts = att["Attendance"].value_counts().to_dict() if not att.empty else {}
st.header(md_inline(pick))
st.markdown(" · ".join(f"**{counts.get(k, 0)}** {label}" for k, label in
                       (("present", "present"), ("apologies", "apologies"), ("absent", "absent"))))

st.subheader("Attendance")
if att.empty:
    st.caption("Not named in any stored meeting's attendance list.")
else:
    for row in rec.attendance:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"**{md_inline(display_date(row['Date'] or None))}** · {md_inline(row['Meeting'])} · "
                        f"{md_inline(row['Attendance'])}")
            if row["id"]:
                common.meeting_link(row["id"], label="Open")

st.subheader("Recorded votes, motions moved and seconded")
if not rec.votes:
    st.caption("The stored minutes record no named vote, mover or seconder for this member.")
for k, row in enumerate(rec.votes):
    with st.container(border=True):
        st.markdown(f"**{md_inline(display_date(row['Date'] or None))}** · {md_inline(row['Meeting'])} · "
                    f"item {md_inline(row['Item'])} · **{md_inline(row['Recorded'])}**")
        st.markdown(common.md(row["Decision"]))
        if row["id"]:
            common.meeting_link(row["id"], label="Open this item", item=str(row["Item"]))
