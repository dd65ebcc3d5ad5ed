"""End to end on the shared reference article (../shared/seed), scored against its gold.

The article and its gold are read from ../shared at test time; the tests skip
cleanly when that folder is absent.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import require_shared

from lab.evaluation import evaluate_output, load_gold, normalize_name
from pipeline.running import extract

ARTICLE = "prisoner-exchange-2025-05-24.txt"


def _iso(value) -> str | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    return value.isoformat()


def _num(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


@pytest.fixture(scope="module")
def seed(tmp_path_factory, nlp):
    article = require_shared("seed", ARTICLE)
    gold_path = require_shared("seed", "gold.jsonl")
    gold = next(g for g in load_gold(gold_path) if g["doc_id"] == Path(ARTICLE).stem)
    out = tmp_path_factory.mktemp("seed") / "out"
    result = extract([article], out, nlp=nlp, log=lambda message: None)
    return {"gold": gold, "gold_path": gold_path, "out": out, "tables": result.tables,
            "text": article.read_text(encoding="utf-8")}


def test_gold_matches_the_article(seed) -> None:
    gold, text = seed["gold"], seed["text"]
    assert gold["text"] == text
    for item in gold["quantities"] + gold["dates"]:
        assert text[item["start"]:item["end"]] == item["text"], item["id"]


def test_document_read_and_dated(seed) -> None:
    doc = seed["tables"]["documents"].iloc[0]
    assert doc["status"] == "ok"
    assert doc["published"] == dt.date.fromisoformat(seed["gold"]["published"])


def _mentions(seed, label: str) -> dict[tuple[int, int], dict]:
    m = seed["tables"]["mentions"]
    rows = m[m["label"] == label].to_dict("records")
    return {(int(r["char_start"]), int(r["char_end"])): r for r in rows}


def test_every_gold_quantity_is_found_with_its_value(seed) -> None:
    found = _mentions(seed, "QUANTITY")
    wrong = []
    for q in seed["gold"]["quantities"]:
        if q["optional"]:
            continue
        row = found.get((q["start"], q["end"]))
        expected = tuple(None if q[k] is None else float(q[k]) for k in ("value", "low", "high"))
        got = None if row is None else tuple(_num(row[f"quantity_{k}"]) for k in ("value", "low", "high"))
        if got != expected:
            wrong.append((q["id"], q["text"], expected, got))
    assert wrong == []


def test_every_gold_date_resolves_as_gold_says(seed) -> None:
    found = _mentions(seed, "DATE")
    wrong = []
    for d in seed["gold"]["dates"]:
        if d["optional"]:
            continue
        row = found.get((d["start"], d["end"]))
        expected = (d["start_date"], d["end_date"], d["granularity"], "DATE")
        got = None if row is None else (_iso(row["date_start"]), _iso(row["date_end"]),
                                        row["date_granularity"], row["timex_type"])
        if got != expected:
            wrong.append((d["id"], d["text"], expected, got))
    assert wrong == []


def test_fact_f1(seed) -> None:
    metrics = evaluate_output(seed["gold_path"], seed["out"])
    assert metrics["n_docs"] == 1
    assert metrics["fact_f1"] >= 0.85, metrics


def _events_at(seed, quantity_id: str) -> pd.DataFrame:
    q = next(q for q in seed["gold"]["quantities"] if q["id"] == quantity_id)
    ev = seed["tables"]["events"]
    rows = ev[(ev["quantity_char_start"] == q["start"]) & (ev["quantity_char_end"] == q["end"])]
    assert len(rows) >= 1, f"no events row for {quantity_id} ({q['text']!r})"
    assert (rows["quantity_text"] == q["text"]).all()
    return rows


def test_first_307_is_zelenskys_on_saturday(seed) -> None:
    rows = _events_at(seed, "q307a")
    assert (rows["quantity_value"] == 307).all()
    zelensky = rows[(rows["actor"] == "Volodymyr Zelensky") & (rows["date_start"] == dt.date(2025, 5, 24))]
    assert len(zelensky) >= 1, rows[["actor", "actor_text", "date_text", "date_start"]].to_dict("records")


def test_same_number_is_307_from_russias_defense_ministry(seed) -> None:
    rows = _events_at(seed, "qsame")
    actor = next(a for a in seed["gold"]["actors"] if a["id"] == "rus_mod")
    names = {normalize_name(n) for n in [actor["name"], *actor["aliases"]]}
    assert (rows["quantity_value"] == 307).all()
    matching = [r for r in rows.to_dict("records")
                if {normalize_name(r["actor"]), normalize_name(r["actor_text"])} & names]
    assert matching, rows[["actor", "actor_text"]].to_dict("records")
