"""Agreement between two annotations of the same documents, scored as make eval scores a system."""
from __future__ import annotations

import copy

from lab.agreement import agreement, as_tables

RECORD = {
    "doc_id": "d1", "published": "1998-08-14",
    "actors": [{"id": "a1", "name": "United States", "type": "STATE", "country": "USA", "aliases": ["U.S."]},
               {"id": "a2", "name": "Kenya", "type": "STATE", "country": "KEN", "aliases": ["Kenya"]}],
    "quantities": [{"id": "q1", "text": "12", "start": 0, "end": 2, "value": 12, "low": 12, "high": 12,
                    "modifier": "exact", "unit": "victim", "optional": False}],
    "dates": [{"id": "d1", "text": "Friday", "start": 10, "end": 16, "start_date": "1998-08-14",
               "end_date": "1998-08-14", "granularity": "day", "optional": False}],
    "facts": [{"quantity": "q1", "date": None, "actors": ["a1"], "optional": False},
              {"quantity": None, "date": "d1", "actors": ["a2"], "optional": False}],
}


def test_an_annotation_agrees_with_itself() -> None:
    result = agreement([RECORD], [copy.deepcopy(RECORD)])
    assert result["fact_f1"] == 1.0 and result["actor_attachment_accuracy"] == 1.0


def test_another_actor_for_a_fact_is_a_disagreement() -> None:
    second = copy.deepcopy(RECORD)
    second["facts"][0]["actors"] = ["a2"]
    result = agreement([RECORD], [second])
    assert result["fact_tp"] == 1 and result["fact_fp"] == 1 and result["fact_fn"] == 1


def test_optional_facts_are_no_rows() -> None:
    second = copy.deepcopy(RECORD)
    second["facts"][1]["optional"] = True
    events, mentions = as_tables([second])
    assert len(events) == 1 and len(mentions) == 2
