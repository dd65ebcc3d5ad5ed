"""Tests for lab.scoring: the real-text sets are annotation only, their text comes from TempEval-3."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lab.scoring import gold_sets, read_realnews_set, read_texts, write_inputs

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT.parent / "shared" / "peers"
TEXTS = {"APW1": {"doc_id": "APW1", "dct": "1998-08-07", "text": "\n\nKenya said 12 people died Friday."}}


def annotation(start: int = 13, end: int = 15, text: str = "12") -> dict:
    return {"doc_id": "APW1", "published": "1998-08-07", "actors": [],
            "quantities": [{"id": "q1", "text": text, "start": start, "end": end, "value": 12, "low": 12,
                            "high": 12, "modifier": "exact", "unit": "people", "optional": False}],
            "dates": [], "facts": [{"quantity": "q1", "date": None, "actors": [], "optional": False}]}


def write(tmp_path: Path, *records: dict) -> Path:
    path = tmp_path / "tune.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_text_is_put_back_from_tempeval(tmp_path):
    records = read_realnews_set(write(tmp_path, annotation()), TEXTS)
    assert records[0]["text"] == TEXTS["APW1"]["text"]
    q = records[0]["quantities"][0]
    assert records[0]["text"][q["start"]:q["end"]] == "12"


def test_a_span_that_misses_its_text_names_file_and_line(tmp_path):
    path = write(tmp_path, annotation(), annotation(start=12, end=14))
    with pytest.raises(ValueError, match=r"tune\.jsonl:2: q1 '12' is not at 12-14 of APW1"):
        read_realnews_set(path, TEXTS)


def test_an_unknown_document_is_an_error(tmp_path):
    with pytest.raises(ValueError, match=r"tune\.jsonl:1: document 'XIE9'"):
        read_realnews_set(write(tmp_path, {**annotation(), "doc_id": "XIE9"}), TEXTS)


def test_inputs_carry_id_text_and_published(tmp_path):
    path = write_inputs(read_realnews_set(write(tmp_path, annotation()), TEXTS), tmp_path / "in" / "x.jsonl")
    row = json.loads(path.read_text(encoding="utf-8"))
    assert row == {"id": "APW1", "text": TEXTS["APW1"]["text"], "published": "1998-08-07"}


def test_realnews_sets_are_skipped_without_tempeval(tmp_path):
    sets = gold_sets(ROOT / "corpus", tmp_path / "no-seed", tmp_path / "no-peers", tmp_path / "staging")
    assert "realnews_tune" not in sets and "corpus" in sets


@pytest.mark.skipif(not (PEERS / "tempeval3_train.jsonl").exists(), reason="needs ../shared/peers")
def test_shipped_realnews_sets_match_their_text_and_split():
    texts = read_texts(PEERS / "tempeval3_train.jsonl")
    tune = read_realnews_set(ROOT / "corpus" / "realnews" / "tune.jsonl", texts)
    heldout = read_realnews_set(ROOT / "corpus" / "realnews" / "heldout.jsonl", texts)
    assert len(tune) >= 30 and len(heldout) >= 10
    assert not {r["doc_id"] for r in tune} & {r["doc_id"] for r in heldout}
    assert sum(r["doc_id"].startswith("wsj") for r in tune + heldout) >= 10
    for rec in tune + heldout:
        ids = {m["id"] for kind in ("actors", "quantities", "dates") for m in rec[kind]}
        for fact in rec["facts"]:
            assert {fact["quantity"], fact["date"], *fact["actors"]} - {None} <= ids


@pytest.mark.skipif(not (PEERS / "tempeval3_train.jsonl").exists(), reason="needs ../shared/peers")
def test_the_check_set_shares_no_document_with_the_others():
    texts = read_texts(PEERS / "tempeval3_train.jsonl")
    ids = {name: {r["doc_id"] for r in read_realnews_set(ROOT / "corpus" / "realnews" / f"{name}.jsonl", texts)}
           for name in ("tune", "heldout", "check")}
    assert len(ids["check"]) >= 10
    assert not ids["check"] & (ids["tune"] | ids["heldout"])
