"""Ablation: what each rule of the answer engine is worth, out-of-fold.

    python -m eval.ablate --store S_CORPUS --fixtures ../shared/corpus/questions.jsonl \
                          --store S_SAMPLES --fixtures eval/fixtures [--rules a,b,...]

Every question is answered with the engine as it is, then once more with each named rule
(`rag.question.rule`, listed in RULES) switched off. Each run's refusal parameters are
refitted leave-one-body-out exactly as `python -m eval.calibrate` does, so a rule is kept
only if switching it off lowers the out-of-fold figures. Retrieval does not depend on the
rules, so it is done once per question and reused (one process, one embedding cache).
"""
from __future__ import annotations

import argparse

# name -> what the rule does (rag/question.py and rag/answer.py test `rule(name)`)
# Rules removed after this ablation showed them not to help (2026-11-26): the type bonus and
# the attendance-label bonus, the query without the meeting's name and date, the item-heading
# check (the label check covers it), list answers from the item's top sentences (the lead-in's
# entries replace it); then a count or date beside the topic's words and the rank penalty.
# See the README's "Measured".
RULES = {
    "kind_from_type": "the asked-for fact's type (count/amount/date/person) picks the evidence check",
    "figure": "number questions: the evidence holds a new figure",
    "figure_kind": "... of the kind asked (money / percent / count)",
    "sum_near": "... a sum or share beside what it is of",
    "date": "when questions: a new date",
    "title_topic": "a sum or date stands beside what is asked when the item's title names it",
    "person": "who questions: a name or role",
    "person_act": "... the recorded act asked about (seconded, elected)",
    "person_office": "... a name beside the office asked about",
    "name_after_verb": "a capitalised verb starting a line is not part of the name after it",
    "entity": "which bodies: names something new",
    "vote": "vote questions: a recorded vote",
    "reference": "part b) / recommendation 4: that labelled part",
    "predicate": "yes/no: the predicate asked about",
    "entities_in_meeting": "names in the question must be in the evidence's meeting",
    "label": "decision/why/other: never a verbless label",
    "cause_bonus": "why: bonus for a cause clause",
    "title_penalty": "penalty for item titles",
    "acronyms": "initialisms expanded from the meeting's own definitions",
    "located_words": "words that only locate the meeting are not scored",
    "header_hits": "attendance questions read the meeting header",
    "second_sentence": "a second sentence when nearly as good",
    "outcome_after": "decision: the outcome sentence after the discussion",
    "cause_near": "why: the cause sentence beside the best evidence",
    "listed_after": "a lead-in ending ':' brings its listed entries",
    "timeline_second": "timeline: a second line per meeting",
    "truncation": "refuse where the answer was cut off in the source",
    "topic_cover": "topic cover refined for the best evidence (rag/topic_cover.py; off = every cover_ rule below off)",
    "cover_day": "... the day numbers of the question's dates are not topic",
    "cover_level": "... a question for a total is not answered by a change ('increase of')",
    "cover_reported": "... 'what did X say/report/recommend' is not answered by a mere mention",
    "cover_value": "... the asked value's form is there: a phone number, a time of day, a calendar day, a sum of money",
    "cover_count": "... 'how many': a count, not an item label ('7.d.')",
    "cover_new_name": "... 'who': someone the question does not already name",
    "cover_named_thing": "... 'which bank/venue/supplier': a name, not the description again",
    "cover_undecided": "... 'which X did they choose': not evidence that the choice is still to be made",
    "cover_sum_role": "... a sum of the kind asked (cost, quotation, money raised, funding)",
    "cover_vague": "... 'which districts': not 'several districts' naming none",
    "cover_vote_kind": "... 'how many abstentions': the kind of vote counted",
    "cover_meeting": "... a question dating its meeting to a day: evidence from that meeting when it is stored",
    "cover_number": "... a number naming the subject ('Resolution 259-2018') is in the evidence's item",
    "cover_motion": "... 'who seconded the motion to X': that motion, its verb said there",
    "cover_pending": "... 'what did the report conclude': not that the report is still to come",
    "cover_procedural": "... 'what did they decide about X': more than a motion on the meeting's procedure",
    "cover_act": "... 'who did they elect / who is buying': that act recorded",
    "cover_elected": "... 'the vote when X was elected': an election recorded, not another vote",
    "cover_asked_to": "... 'what did X ask them to fund': the thing asked for is said",
    "cover_decision": "... 'what did they decide': an outcome recorded in the evidence, its paragraph or heading",
    # added in sessions 3-4 (answers, refusal, timeline); not yet ablated together with the above
    "abbreviations": "sentence splitting: no break after an abbreviation or an initial ('Cllr.', 'J.')",
    "absence": "who/list: 'who was absent' needs an absence recorded",
    "act_not_topic": "who moved/seconded: the act asked about is the check's, not topic words",
    "apology_verb": "'who sent apologies': the framing verb is not topic",
    "replaced_not_topic": "'who replaced X': the framing verb is not topic",
    "asked_not_answer": "a sum in a question the minutes ask is not the answer",
    "fractions": "'3/4' is a fraction, not a date or a reference",
    "whole_numbers": "a number the question gives is matched as a whole number ('3' is not in '2023')",
    "plain_dates": "when: dates compared in one plain form",
    "time_of_day": "'what time': a time of day in the evidence",
    "heading_field": "a value alone under its heading is read as that field's line",
    "heading_record": "a heading that is the whole record ('... / Passed') answers",
    "status_lines": "a line with its status line under it ('Not Held') is one quote",
    "label_blocks": "a label with its lines under it is one quote",
    "label_runs": "run-in labels ('Moved: X') split into their own quotes",
    "label_per_sentence": "a label check per sentence of a field line",
    "roll_labels": "roll-call labels ('Present:', 'Regrets:') start their own quote",
    "names_after_label": "names after a roll-call label are names, not topic",
    "list_blocks": "list questions: a lead-in with its listed entries as one quote",
    "list_ends": "a listed entry ends at its line, not at the next sentence",
    "list_follows": "list/person questions: the entries that follow the best evidence",
    "listed_count": "how many: a count of listed entries when no figure is printed",
    "lead_in_cover": "a lead-in's cover includes the entries under it",
    "locate_tail": "a quote is found in its item by its tail when its start was rewritten",
    "minute_taker": "'who took the minutes': the minute-taker's line",
    "office_label_name": "who: a name after an office label ('Chair: X')",
    "subject_name": "who: the sentence's subject as the name",
    "other_day": "a day that dates no stored meeting dates an event, not the meeting",
    "outcome_para": "decision: the result sentence later in the motion's paragraph",
    "outcome_yesno": "'did they adopt X': answered by the outcome, as decision questions are",
    "place": "where: a place named in the evidence",
    "tally_after": "vote questions: the tally after the motion",
    "who_before_when": "'who ... when': a person question, not a date one",
    "timeline_cover_rank": "timeline: lines ranked by topic cover first",
    "timeline_decision_first": "timeline: the decision line first in a meeting",
    "timeline_full_cover": "timeline: a second line from the same item when it covers the topic",
    "timeline_listed": "timeline: 'the meetings of March 16 and March 23' resolve each date",
    "timeline_month_names": "timeline: dates written with month names",
    "timeline_on_topic": "timeline: only lines on the topic",
    "timeline_passing": "timeline: within a listed meeting one topic word will do",
    "timeline_span": "timeline: 'from May to July' spans the meetings between",
    "timeline_step": "timeline: a step line per meeting",
    "timeline_typed": "timeline: the asked type (a time, a date) is checked per meeting",
    "timeline_whole_item": "timeline: a short item is quoted whole",
    # added in session 5 (ANSWERS5); each was measured off-vs-on over every dev set, see the README
    "page_furniture": "'Page 2 of 3', '- 3 -' and running heads are never evidence",
    "title_block": "the title block answers when/where/held questions only",
    "moment_end": "'when did the meeting end': an end word or a time span",
    "moment_next": "'the next meeting': next/scheduled/following in the evidence or just above it",
    "moment_lead_in": "... the item heading or the lines above it may say 'next meeting'",
    "none_recorded": "'were any X made?': 'there were no X' / 'none' answers it",
    "comma_lists": "names in a comma run are counted, wrapped or not",
    "heading_lists": "a heading with short entry lines under it is a list",
    "people_listed": "'how many attended': names under a present label, never under apologies",
    "listed_lexical": "a list is scored on its lead",
    "one_count": "one count per answer, not two lists' lengths",
    "attendance_sections": "sections headed Present/Attendees/Apologies answer attendance questions",
    "dash_subject": "a one-word name after a spaced dash is a name",
    "vote_of_person": "'how did Councillor X vote': X in the evidence",
    "timeline_day_lists": "timeline: '13 and 20 June 2018' picks each meeting",
    "timeline_label_body": "timeline: a step opening with an issue's title line quotes the notes under it",
    "timeline_attendance_diff": "'who attended A but not B': the two attendance lists compared",
    # added in session 5 (REFUSE6): false refusals on unseen minutes
    "meeting_number": "'meeting #10' names the meeting; the evidence need not hold the number",
    "modifier_year": "'the 2023 revenue surplus': a year qualifying a thing does not date the meeting",
    "place_address": "a street address names a place",
    "initials_cell": "a table cell of initials ('| SR | Not done') names a person",
    "label_place": "a place question is not refused by the label check",
    "clock_spans": "moment_end: a span of clock times, not the parts of a date",
    "timeline_thread": "cross-meeting: each meeting re-searched with its neighbour's chosen lines (the thread)",
    "timeline_whole_keeps": "cross-meeting: a short item quoted whole keeps the line the meeting gave from another item",
    "timeline_second_develops": "cross-meeting: a meeting's second line that names another calendar date is preferred",
    "timeline_whole_store": "cross-meeting: a span works when every stored meeting is the asked body's",
}


def main(argv: list[str] | None = None) -> None:
    from eval.calibrate import collect, fit, out_of_fold, tally
    from eval.scorer import load_fixtures
    from rag import question as qmod
    from rag.answer import ExtractiveEngine
    from rag.config import Settings
    from rag.retrieve import Retriever
    from rag.store import MinutesStore

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", action="append", required=True)
    ap.add_argument("--fixtures", action="append", required=True)
    ap.add_argument("--rules", default=",".join(RULES))
    args = ap.parse_args(argv)
    sets = []
    for store_dir, fx_path in zip(args.store, args.fixtures):
        store = MinutesStore.open(Settings.from_options(store=store_dir), create=False)
        engine = ExtractiveEngine(Retriever(store), threshold=-1e9, min_cover=0.0)
        memo: dict = {}
        plain = engine.retrieve

        def retrieve(question, filters, meetings=None, top_k=None, _plain=plain, _memo=memo):
            q = qmod.profile(question)
            key = (q.text, repr(filters), None if meetings is None else tuple(m.id for m in meetings), top_k)
            if key not in _memo:
                _memo[key] = _plain(q, filters, meetings, top_k)
            return _memo[key]

        engine.retrieve = retrieve
        sets.append((store, load_fixtures(fx_path), engine, fx_path))

    def run(off: set[str]) -> dict:
        qmod.ABLATE.clear()
        qmod.ABLATE.update(off)
        per_set = [collect(store, fx, None, engine=engine) for store, fx, engine, _ in sets]
        qmod.ABLATE.clear()
        rows = [r for rs in per_set for r in rs]
        folds = out_of_fold(rows)  # fitted on every set together, as eval.calibrate does
        first, last = per_set[0], per_set[-1]  # the corpus first, the samples last
        return {"oof": tally(first, folds), "in": tally(first, fit(rows)), "samples": tally(last, folds)}

    def fmt(v) -> str:
        return "  -  " if v is None else f"{v:.3f}"

    base = run(set())
    head = (f"{'rule switched off':22} {'corpus oof: correct':>20} {'refusal':>8} {'false ref':>9} "
            f"{'handled':>8} {'in-sample correct':>18} {'samples oof correct':>20}")
    print(head)

    def line(name: str, res: dict) -> None:
        o = res["oof"]
        handled = (o["correct"] * o["answerable"] + o["refusal"] * o["unanswerable"]) / o["n"]
        b = base["oof"]
        b_handled = (b["correct"] * b["answerable"] + b["refusal"] * b["unanswerable"]) / b["n"]
        print(f"{name:22} {fmt(o['correct']):>20} {fmt(o['refusal']):>8} {fmt(o['false_refusal']):>9} "
              f"{fmt(handled):>8} ({handled - b_handled:+.3f}) {fmt(res['in']['correct']):>9} "
              f"{fmt(res['samples']['correct']):>20}", flush=True)

    line("(none: all rules on)", base)
    for name in [r for r in args.rules.split(",") if r]:
        line(name, run({name}))


if __name__ == "__main__":
    main()
