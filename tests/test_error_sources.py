"""Where the gold actor is when the pipeline names another (a lab count over tuning sets)."""
from __future__ import annotations

from lab.error_sources import error_sources

TEXT = "Russia fired 40 missiles at Ukraine on Friday. Kyiv's air force shot down 12 of them."


def record(actor_of_40: str) -> dict:
    return {
        "doc_id": "d1", "published": "2025-05-24", "text": TEXT,
        "actors": [{"id": "ru", "name": "Russia", "aliases": ["Russia"]},
                   {"id": "ua", "name": "Ukraine", "aliases": ["Ukraine", "Kyiv"]},
                   {"id": "xx", "name": "Belarus", "aliases": ["Belarus"]}],
        "quantities": [{"id": "q1", "text": "40", "start": TEXT.index("40"), "end": TEXT.index("40") + 2,
                        "optional": False}],
        "dates": [],
        "facts": [{"quantity": "q1", "date": None, "actors": [actor_of_40], "optional": False}],
    }


def test_a_right_actor_and_one_named_in_the_sentence_are_told_apart(nlp) -> None:
    assert error_sources(nlp, [record("ru")])["right"] == 1
    assert error_sources(nlp, [record("ua")])["in the sentence"] == 1
    assert error_sources(nlp, [record("xx")])["never a mention"] == 1
