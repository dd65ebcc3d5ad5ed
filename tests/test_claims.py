"""Claims: the figures of one happening, side by side, with a conflict flag."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pipeline.claims import EVENT_COLUMNS, find_claims


def row(event_id: str, doc_id: str, actor: str, value: float, source: str | None = None,
        unit: str = "people", day: date = date(1998, 8, 7), predicate: str = "kill") -> dict:
    return {"event_id": event_id, "doc_id": doc_id, "actor": actor, "source": source, "predicate": predicate,
            "quantity_kind": "count", "quantity_unit": unit, "quantity_text": str(value), "quantity_value": value,
            "date_start": day, "date_end": day, "sentence": "...", "side_key": event_id}


def claims(*rows: dict) -> pd.DataFrame:
    return find_claims(pd.DataFrame(list(rows), columns=EVENT_COLUMNS))


def test_two_articles_giving_different_tolls_of_one_attack_conflict() -> None:
    found = claims(row("e1", "a", "rebels", 195, source="the ministry"), row("e2", "b", "rebels", 207, source="the UN"),
                   row("e3", "b", "Kenya", 12))
    assert sorted(found["claimant"]) == ["the UN", "the ministry"] and found["conflict"].all()
    assert found["claim_id"].nunique() == 1 and (found["n_claimants"] == 2).all()


def test_figures_that_agree_within_rounding_are_no_conflict() -> None:
    found = claims(row("e1", "a", "Russia", 1_200_000), row("e2", "b", "Russia", 1_210_000))
    assert len(found) == 2 and not found["conflict"].any()


def test_different_actors_units_dates_or_verbs_are_different_happenings() -> None:
    assert claims(row("e1", "a", "Nawrocki", 50.89), row("e2", "a", "Trzaskowski", 49.11)).empty
    assert claims(row("e1", "a", "rebels", 40), row("e2", "b", "rebels", 40, unit="soldier")).empty
    assert claims(row("e1", "a", "rebels", 40), row("e2", "b", "rebels", 41, day=date(1998, 8, 8))).empty
    assert claims(row("e1", "a", "rebels", 40), row("e2", "b", "rebels", 41, predicate="wound")).empty


def test_a_row_without_a_date_or_value_is_no_claims() -> None:
    undated = row("e2", "b", "rebels", 41)
    undated["date_start"] = None
    assert claims(row("e1", "a", "rebels", 40), undated).empty
