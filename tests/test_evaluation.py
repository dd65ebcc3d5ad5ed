"""Tests for lab.evaluation: one small hand-made case per matching rule."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from lab.evaluation import evaluate_output, format_report, load_gold, score

TEXT = ("Kyiv said 307 troops returned on Saturday after talks lasting for hours. "
        "Moscow said 12 drones fell in two days.")
SEED_GOLD = Path("/work/shared/seed/gold.jsonl")


def sp(s: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(s)
    return start, start + len(s)


def quantity(qid: str, s: str, value: float | None, optional: bool = False,
             text: str = TEXT, unit: str | None = None) -> dict:
    a, b = sp(s, text)
    return {"id": qid, "text": s, "start": a, "end": b, "value": value, "low": value, "high": value,
            "modifier": "exact", "unit": unit, "optional": optional}


def date(did: str, s: str, iso: str | None, optional: bool = False, text: str = TEXT) -> dict:
    a, b = sp(s, text)
    return {"id": did, "text": s, "start": a, "end": b, "start_date": iso, "end_date": iso,
            "granularity": "day", "optional": optional}


ACTORS = [
    {"id": "ukr", "name": "Ukraine", "type": "STATE", "country": "UKR",
     "aliases": ["Kyiv", "Ukrainian government"]},
    {"id": "rus", "name": "Russia", "type": "STATE", "country": "RUS",
     "aliases": ["Moscow", "Russia\u2019s government"]},
]


def base_gold() -> dict:
    return {
        "doc_id": "d1", "published": "2025-05-24", "source": "test", "text": TEXT,
        "actors": copy.deepcopy(ACTORS),
        "quantities": [quantity("q307", "307", 307, unit="troop"), quantity("q12", "12", 12, unit="drone"),
                       quantity("q2", "two", 2, optional=True)],
        "dates": [date("dsat", "Saturday", "2025-05-24"),
                  date("d2days", "in two days", None, optional=True)],
        "facts": [
            {"quantity": "q307", "date": "dsat", "actors": ["ukr"], "optional": False},
            {"quantity": "q12", "date": None, "actors": ["rus"], "optional": False},
            {"quantity": "q2", "date": None, "actors": [], "optional": True},
        ],
    }


def mention(label: str, s: str, doc: str = "d1", text: str = TEXT, **kw: Any) -> dict:
    a, b = sp(s, text)
    return {"doc_id": doc, "label": label, "text": s, "char_start": a, "char_end": b, **kw}


def qm(s: str, v: float | None, **kw: Any) -> dict:
    return mention("QUANTITY", s, quantity_value=v, quantity_low=v, quantity_high=v, **kw)


def dm(s: str, iso: str | None, timex: str | None = "DATE", **kw: Any) -> dict:
    return mention("DATE", s, date_start=iso, date_end=iso, timex_type=timex, **kw)


def event(q: str | None, d: str | None, actor: str | None, actor_text: str | None = None,
          doc: str = "d1", text: str = TEXT) -> dict:
    qs, ds = sp(q, text) if q else (None, None), sp(d, text) if d else (None, None)
    return {"doc_id": doc, "actor": actor, "actor_text": actor_text,
            "quantity_char_start": qs[0], "quantity_char_end": qs[1],
            "date_char_start": ds[0], "date_char_end": ds[1]}


def perfect_mentions() -> list[dict]:
    return [qm("307", 307, quantity_unit="troop"), qm("12", 12, quantity_unit="drone"),
            dm("Saturday", "2025-05-24")]


def perfect_events() -> list[dict]:
    return [event("307", "Saturday", "Ukraine", "Kyiv"), event("12", None, "Russia", "Moscow")]


def run(events: list[dict], mentions: list[dict], gold: list[dict] | None = None) -> dict:
    return score(gold or [base_gold()], pd.DataFrame(events), pd.DataFrame(mentions))


PERFECT = {
    "quantity_precision": 1.0, "quantity_recall": 1.0, "quantity_f1": 1.0,
    "quantity_tp": 2, "quantity_fp": 0, "quantity_fn": 0,
    "quantity_value_accuracy": 1.0, "quantity_value_n": 2,
    "quantity_unit_accuracy": 1.0, "quantity_unit_n": 2,
    "date_precision": 1.0, "date_recall": 1.0, "date_f1": 1.0,
    "date_tp": 1, "date_fp": 0, "date_fn": 0, "date_value_accuracy": 1.0, "date_value_n": 1,
    "actor_attachment_accuracy": 1.0, "actor_attachment_n": 2,
    "date_attachment_accuracy": 1.0, "date_attachment_n": 2,
    "fact_precision": 1.0, "fact_recall": 1.0, "fact_f1": 1.0,
    "fact_tp": 2, "fact_fp": 0, "fact_fn": 0, "n_docs": 1,
}


def assert_subset(result: dict, expected: dict) -> None:
    got = {k: result[k] for k in expected}
    assert got == pytest.approx(expected)


def test_perfect_prediction_scores_one_everywhere() -> None:
    r = run(perfect_events(), perfect_mentions())
    assert_subset(r, PERFECT)
    assert all(r[k] == 1.0 for k in r if k.endswith(("_precision", "_recall", "_f1", "_accuracy")))


def test_missed_quantity_lowers_recall() -> None:
    r = run(perfect_events(), [m for m in perfect_mentions() if m["text"] != "12"])
    assert_subset(r, {"quantity_tp": 1, "quantity_fp": 0, "quantity_fn": 1,
                      "quantity_precision": 1.0, "quantity_recall": 0.5, "quantity_f1": 2 / 3})


def test_extra_quantity_lowers_precision() -> None:
    r = run(perfect_events(), perfect_mentions() + [qm("troops", None)])
    assert_subset(r, {"quantity_tp": 2, "quantity_fp": 1, "quantity_fn": 0,
                      "quantity_precision": 2 / 3, "quantity_recall": 1.0, "quantity_f1": 0.8})


def test_optional_gold_quantity_neither_rewards_nor_punishes() -> None:
    with_opt = run(perfect_events(), perfect_mentions() + [qm("two", 2)])
    without = run(perfect_events(), perfect_mentions())
    for r in (with_opt, without):
        assert_subset(r, {"quantity_tp": 2, "quantity_fp": 0, "quantity_fn": 0,
                          "quantity_f1": 1.0, "quantity_value_n": 2})


def test_wrong_value_lowers_value_accuracy_not_detection() -> None:
    mentions = perfect_mentions()
    mentions[0] = qm("307", 306)
    mentions[2] = dm("Saturday", "2025-05-23")
    r = run(perfect_events(), mentions)
    assert_subset(r, {"quantity_f1": 1.0, "quantity_value_accuracy": 0.5, "quantity_value_n": 2,
                      "quantity_value_correct": 1, "date_f1": 1.0, "date_value_accuracy": 0.0,
                      "date_value_n": 1})


def test_duration_mention_is_not_a_date() -> None:
    r = run(perfect_events(), perfect_mentions() + [dm("for hours", None, timex="DURATION"),
                                                     dm("after talks", None, timex="SET"),
                                                     dm("lasting", None, timex="TIME")])
    assert_subset(r, {"date_tp": 1, "date_fp": 0, "date_precision": 1.0})
    control = run(perfect_events(), perfect_mentions() + [dm("for hours", None, timex="DATE")])
    assert_subset(control, {"date_tp": 1, "date_fp": 1, "date_precision": 0.5})


def test_alias_and_apostrophe_normalization_in_actor_match() -> None:
    events = [event("307", "Saturday", None, "The  UKRAINIAN\tgovernment"),
              event("12", None, "", "Russia's Government")]
    r = run(events, perfect_mentions())
    assert_subset(r, {"fact_tp": 2, "fact_fp": 0, "fact_fn": 0, "actor_attachment_accuracy": 1.0})
    wrong = run([event("307", "Saturday", "Ukraine"), event("12", None, None, "Russian army")],
                perfect_mentions())
    assert_subset(wrong, {"fact_tp": 1, "fact_fp": 1, "fact_fn": 1,
                          "actor_attachment_accuracy": 0.5, "actor_attachment_n": 2})


def test_joint_action_needs_one_row_per_side() -> None:
    text = "On Friday both sides swapped 390 prisoners each."
    gold = {"doc_id": "j", "published": "2025-05-24", "text": text, "actors": copy.deepcopy(ACTORS),
            "quantities": [quantity("q390", "390", 390, text=text)],
            "dates": [date("dfri", "Friday", "2025-05-23", text=text)],
            "facts": [{"quantity": "q390", "date": "dfri", "actors": ["ukr"], "optional": False},
                      {"quantity": "q390", "date": "dfri", "actors": ["rus"], "optional": False}]}
    one = [event("390", "Friday", "Ukraine", doc="j", text=text)]
    r = run(one, [], gold=[gold])
    assert_subset(r, {"fact_tp": 1, "fact_fp": 0, "fact_fn": 1, "fact_recall": 0.5,
                      "actor_attachment_accuracy": 0.5, "actor_attachment_n": 2})
    both = one + [event("390", "Friday", "Russia", doc="j", text=text)]
    r = run(both, [], gold=[gold])
    assert_subset(r, {"fact_tp": 2, "fact_fp": 0, "fact_fn": 0, "fact_f1": 1.0,
                      "actor_attachment_accuracy": 1.0, "actor_attachment_n": 2})


def test_fact_with_wrong_date_is_fp_and_fn() -> None:
    events = perfect_events()
    events[0] = event("307", "in two days", "Ukraine")
    r = run(events, perfect_mentions())
    assert_subset(r, {"fact_tp": 1, "fact_fp": 1, "fact_fn": 1, "fact_precision": 0.5,
                      "fact_recall": 0.5, "date_attachment_accuracy": 0.5, "date_attachment_n": 2,
                      "actor_attachment_accuracy": 1.0})


def test_gold_with_no_actors_accepts_any_actor() -> None:
    gold = base_gold()
    gold["facts"][1]["actors"] = []
    for actor in ("Somebody", None):
        r = run([event("307", "Saturday", "Ukraine"), event("12", None, actor)], perfect_mentions(),
                gold=[gold])
        assert_subset(r, {"fact_tp": 2, "fact_fp": 0, "fact_fn": 0,
                          "actor_attachment_n": 1, "actor_attachment_accuracy": 1.0,
                          "date_attachment_n": 2})


def test_rows_on_optional_gold_are_ignored() -> None:
    extra = [event("two", None, None),            # pairs with the optional fact: ignored
             event("two", "Saturday", "Russia"),   # unpaired, on an optional quantity: ignored
             event(None, "in two days", "Russia")]  # no quantity, on an optional date: ignored
    r = run(perfect_events() + extra, perfect_mentions())
    assert_subset(r, {"fact_tp": 2, "fact_fp": 0, "fact_fn": 0, "fact_f1": 1.0})
    r = run(perfect_events() + [event(None, "Saturday", "Russia")], perfect_mentions())
    assert_subset(r, {"fact_tp": 2, "fact_fp": 1, "fact_fn": 0})  # no gold fact: a FP


def test_docs_not_in_gold_are_ignored() -> None:
    events = perfect_events() + [event("307", None, "Nobody", doc="other")]
    mentions = perfect_mentions() + [{**qm("Kyiv", 1), "doc_id": "other"}]
    assert_subset(run(events, mentions), PERFECT)


def test_null_flavours_are_handled() -> None:
    text = "Kyiv said about 40 drones hit on Saturday."
    gold = {"doc_id": "n", "published": None, "text": text, "actors": copy.deepcopy(ACTORS),
            "quantities": [{**quantity("q40", "about 40", 40, text=text), "low": None, "high": None}],
            "dates": [date("dsat", "Saturday", None, text=text)],
            "facts": [{"quantity": "q40", "date": "dsat", "actors": ["ukr"], "optional": False},
                      {"quantity": None, "date": "dsat", "actors": [], "optional": False}]}
    (qa, qb), (da, db) = sp("about 40", text), sp("Saturday", text)
    events = pd.DataFrame({
        "doc_id": ["n", "n"], "actor": ["Ukraine", pd.NA], "actor_text": [None, float("nan")],
        "quantity_char_start": pd.array([qa, pd.NA], dtype="Int64"),
        "quantity_char_end": [float(qb), float("nan")],
        "date_char_start": [float(da), float(da)], "date_char_end": [db, db]})
    mentions = pd.DataFrame({
        "doc_id": ["n", "n"], "label": ["QUANTITY", "DATE"],
        "char_start": [qa, da], "char_end": [qb, db],
        "quantity_value": [40.0, float("nan")], "quantity_low": [float("nan"), None],
        "quantity_high": pd.array([pd.NA, pd.NA], dtype="Float64"),
        "date_start": pd.to_datetime([pd.NaT, pd.NaT]), "date_end": [None, pd.NaT],
        "timex_type": [pd.NA, float("nan")]})
    r = score([gold], events, mentions)
    assert_subset(r, {"quantity_f1": 1.0, "quantity_value_accuracy": 1.0, "date_f1": 1.0,
                      "date_value_accuracy": 1.0, "fact_tp": 2, "fact_fp": 0, "fact_fn": 0,
                      "date_attachment_accuracy": 1.0, "actor_attachment_accuracy": 1.0})


def test_empty_tables_score_zero() -> None:
    r = score([base_gold()], pd.DataFrame(), pd.DataFrame())
    assert_subset(r, {"quantity_fn": 2, "quantity_f1": 0.0, "date_fn": 1, "fact_fn": 2,
                      "fact_precision": 0.0, "actor_attachment_n": 0,
                      "actor_attachment_accuracy": 0.0})


def test_evaluate_output_reads_parquet(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(base_gold()) + "\n\n", encoding="utf-8")
    assert len(load_gold(gold_path)) == 1
    mentions = pd.DataFrame(perfect_mentions())
    mentions["date_start"] = pd.to_datetime(mentions["date_start"]).dt.date
    mentions["date_end"] = pd.to_datetime(mentions["date_end"])
    pd.DataFrame(perfect_events()).to_parquet(tmp_path / "events.parquet")
    mentions.to_parquet(tmp_path / "mentions.parquet")
    assert_subset(evaluate_output(gold_path, tmp_path), PERFECT)


def test_format_report_lists_every_metric_and_set() -> None:
    corpus = run(perfect_events(), perfect_mentions())
    seed = run([], [])
    report = format_report({"corpus": corpus, "seed": seed})
    lines = report.splitlines()
    assert "corpus" in lines[0] and "seed" in lines[0]
    for key in corpus:
        assert any(line.split()[0] == key for line in lines[2:]), key
    assert len({len(line) for line in lines}) == 1  # fixed width
    row = next(line.split() for line in lines if line.startswith("quantity_f1 "))
    assert row[1:] == ["1.000", "0.000"]
    row = next(line.split() for line in lines if line.startswith("quantity_tp "))
    assert row[1:] == ["2", "0"]


def gold_as_prediction(rec: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events rows from the gold facts, mentions from the gold quantities and dates."""
    quants = {q["id"]: q for q in rec["quantities"]}
    dates = {d["id"]: d for d in rec["dates"]}
    names = {a["id"]: a["name"] for a in rec["actors"]}
    events = []
    for f in rec["facts"]:
        q, d = quants.get(f["quantity"] or ""), dates.get(f["date"] or "")
        events.append({"doc_id": rec["doc_id"],
                       "actor": names[f["actors"][0]] if f["actors"] else None,
                       "actor_text": None,
                       "quantity_char_start": q["start"] if q else None,
                       "quantity_char_end": q["end"] if q else None,
                       "date_char_start": d["start"] if d else None,
                       "date_char_end": d["end"] if d else None})
    mentions = [{"doc_id": rec["doc_id"], "label": "QUANTITY", "char_start": q["start"],
                 "char_end": q["end"], "quantity_value": q["value"], "quantity_low": q["low"],
                 "quantity_high": q["high"]} for q in rec["quantities"]]
    mentions += [{"doc_id": rec["doc_id"], "label": "DATE", "char_start": d["start"],
                  "char_end": d["end"], "date_start": d["start_date"], "date_end": d["end_date"],
                  "timex_type": "DATE"} for d in rec["dates"]]
    return pd.DataFrame(events), pd.DataFrame(mentions)


def test_seed_gold_predicted_from_itself_scores_perfect_facts() -> None:
    if not SEED_GOLD.exists():
        pytest.skip(f"{SEED_GOLD} not found")
    gold = load_gold(SEED_GOLD)
    parts = [gold_as_prediction(rec) for rec in gold]
    events = pd.concat([e for e, _ in parts], ignore_index=True)
    mentions = pd.concat([m for _, m in parts], ignore_index=True)
    r = score(gold, events, mentions)
    assert r["fact_f1"] == 1.0
    assert r["fact_fp"] == 0 and r["fact_fn"] == 0
    for key in ("quantity_f1", "date_f1", "quantity_value_accuracy", "date_value_accuracy",
                "actor_attachment_accuracy", "date_attachment_accuracy"):
        assert r[key] == 1.0, key


def test_fact_pairing_is_one_to_one_and_maximal() -> None:
    gold = base_gold()
    gold["facts"][0]["actors"] = ["ukr", "rus"]  # a row naming either side may take this fact
    gold["facts"].insert(1, {"quantity": "q307", "date": "dsat", "actors": ["rus"],
                             "optional": False})
    events = [event("307", "Saturday", "Russia"), event("307", "Saturday", "Ukraine"),
              event("307", "Saturday", "Ukraine"), event("12", None, "Russia")]
    r = run(events, perfect_mentions(), gold=[gold])
    # the Russia row serves the Russia-only fact, one Ukraine row the other; the duplicate is a FP
    assert_subset(r, {"fact_tp": 3, "fact_fp": 1, "fact_fn": 0})


def test_unit_accuracy_counts_gold_units_only_and_ignores_case() -> None:
    mentions = [qm("307", 307, quantity_unit="Troop"), qm("12", 12, quantity_unit="missile"),
                dm("Saturday", "2025-05-24")]
    r = run(perfect_events(), mentions)
    assert (r["quantity_unit_correct"], r["quantity_unit_n"]) == (1, 2)
    gold = base_gold()
    gold["quantities"][1]["unit"] = None  # no gold unit: not scored
    r = run(perfect_events(), mentions, [gold])
    assert (r["quantity_unit_correct"], r["quantity_unit_n"]) == (1, 1)


def test_unpaired_reference_dates_are_optional_by_the_guideline() -> None:
    # "now" (PRESENT_REF) has no calendar position: ANNOTATION.md makes it optional
    text = TEXT.replace("Kyiv said", "Kyiv now said")
    gold = base_gold()
    gold["text"] = text
    for item in gold["quantities"] + gold["dates"]:
        item["start"], item["end"] = sp(item["text"], text)
    mentions = [qm("307", 307, text=text, quantity_unit="troop"), qm("12", 12, text=text, quantity_unit="drone"),
                dm("Saturday", "2025-05-24", text=text),
                dm("now", None, text=text, timex_value="PRESENT_REF"),
                dm("two days", None, text=text, timex_value="2025-05-26")]
    r = run([], mentions, [gold])
    assert (r["date_tp"], r["date_fp"]) == (1, 0)  # "two days" overlaps the optional gold "in two days"
    mentions[-2]["timex_value"] = "2025-05-24"  # the same span with a calendar value is a false alarm
    assert run([], mentions, [gold])["date_fp"] == 1


def test_a_facts_optional_date_may_be_given_or_left_out() -> None:
    gold = base_gold()
    gold["facts"][1]["date"] = "d2days"  # "12 drones fell in two days": the fact points at an optional date
    for row_date in ("in two days", None):
        r = run([event("307", "Saturday", "Ukraine"), event("12", row_date, "Russia")], perfect_mentions(),
                gold=[gold])
        assert_subset(r, {"fact_tp": 2, "fact_fp": 0, "fact_fn": 0, "date_attachment_accuracy": 1.0})
    # a required date still has to be there
    r = run([event("307", None, "Ukraine"), event("12", None, "Russia")], perfect_mentions(), gold=[gold])
    assert_subset(r, {"fact_tp": 1, "fact_fn": 1, "date_attachment_accuracy": 0.5})
