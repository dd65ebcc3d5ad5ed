"""The TempEval-3 scorer (pipeline/eval_dates.py) on small records written for the test."""
from __future__ import annotations

import pytest

from pipeline.eval_dates import Tally, Timex, evaluate, score_document


def test_relaxed_overlap_counts_each_side_once() -> None:
    # gold "1991" and "1997"; ours one merged "1991 to 1997" (a range): both gold are found,
    # the one system TIMEX3 is right, but only one pair carries a value
    text = "from 1991 to 1997"
    gold = [Timex(5, 9, "1991", "DATE", "1991"), Timex(13, 17, "1997", "DATE", "1997")]
    ours = [Timex(5, 17, "1991 to 1997", "DATE", "1991")]
    tally = Tally()
    score_document(tally, "d", text, gold, ours)
    f = tally.figures()
    assert (f["relaxed_p"], f["relaxed_r"]) == (1.0, 1.0)
    assert (f["strict_p"], f["strict_r"]) == (0.0, 0.0)
    assert f["value_accuracy"] == 1.0 and f["value_f1"] == 1.0
    assert len(tally.misses) == 1  # one-to-one pairing leaves "1997" without a value


def test_value_f1_is_relaxed_f1_times_value_accuracy() -> None:
    text = "on Friday and last week"
    gold = [Timex(3, 9, "Friday", "DATE", "2025-05-23"), Timex(14, 23, "last week", "DATE", "2025-W20")]
    ours = [Timex(3, 9, "Friday", "DATE", "2025-05-23"), Timex(14, 23, "last week", "DATE", "2025-W21"),
            Timex(0, 2, "on", "DATE", None)]
    tally = Tally()
    score_document(tally, "d", text, gold, ours)
    f = tally.figures()
    assert f["relaxed_r"] == 1.0 and f["relaxed_p"] == pytest.approx(2 / 3)
    assert f["value_accuracy"] == 0.5
    assert f["value_f1"] == pytest.approx(f["relaxed_f1"] * 0.5)
    assert f["recall_DATE"] == 1.0


def test_evaluate_uses_the_document_creation_time(nlp) -> None:
    record = {"doc_id": "t", "dct": "2013-03-22", "text": "Officials met on Thursday.",
              "timexes": [{"text": "Thursday", "start": 17, "end": 25, "type": "DATE", "value": "2013-03-21"}]}
    f = evaluate([record], nlp).figures()
    assert (f["relaxed_f1"], f["value_accuracy"]) == (1.0, 1.0)


def test_own_timeml_sets_are_well_formed() -> None:
    # the sets ship with the project: every span must point at its text, none may overlap
    import json

    from pipeline.eval_dates import OWN_SETS

    for name, path in OWN_SETS:
        assert path.exists(), name
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            spans = sorted((t["start"], t["end"]) for t in record["timexes"])
            assert all(record["text"][t["start"]:t["end"]] == t["text"] for t in record["timexes"]), record["doc_id"]
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), record["doc_id"]
            assert {t["type"] for t in record["timexes"]} <= {"DATE", "TIME", "DURATION", "SET"}


def test_format_table_widens_columns_for_long_set_names() -> None:
    from pipeline.eval_dates import format_table

    table = format_table({"own_natural2": {"gold": 10, "relaxed_f1": 0.5}, "train": {"gold": 3, "relaxed_f1": 1.0}})
    header, rule, *rows = table.splitlines()
    assert "own_natural2" in header and len({len(header), len(rule)} | {len(r) for r in rows}) == 1
