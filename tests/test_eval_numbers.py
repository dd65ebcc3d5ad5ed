"""Tests for lab.eval_numbers: interval notation, matching, and the figures on ../shared/peers."""

from __future__ import annotations

import pytest
from conftest import require_shared

from lab.eval_numbers import Case, evaluate, main, parse_interval, point_number, same_number
from pipeline.numbers import Quantity


@pytest.mark.parametrize("notation, bounds", [
    ("(20,35]", (20, 35)),
    ("[20,30)", (20, 30)),
    ("(,20)", (None, 20)),
    ("[3965,)", (3965, None)),
    ("[5,5]", (5, 5)),
    ("[-10,15)", (-10, 15)),
])
def test_parse_interval(notation, bounds) -> None:
    assert parse_interval(notation) == bounds


def test_parse_interval_rejects_other_text() -> None:
    with pytest.raises(ValueError):
        parse_interval("20 to 35")


def quantity(value, low, high, modifier) -> Quantity:
    return Quantity(0, 1, 0, 2, "xx", value, low, high, modifier)


def test_point_number_of_a_bound_is_the_bound() -> None:
    assert point_number(quantity(None, 0.5, None, "at_least")) == 0.5
    assert point_number(quantity(None, None, 700, "at_most")) == 700
    assert point_number(quantity(None, 10, 15, "range")) is None
    assert point_number(quantity(40, None, None, "approx")) == 40


def test_same_number_is_relative() -> None:
    assert same_number(103.666666666667, 103 + 2 / 3)
    assert not same_number(21_000_000_000_000, 21_000_000_000_300 * (1 + 1e-8))
    assert same_number(None, None) and not same_number(None, 0.0)


def test_one_number_input_is_the_whole_input() -> None:
    entity = {"text": "three", "start": 1, "end": 6, "value": "3"}
    assert Case(" three ", [entity]).is_one_number_input
    assert not Case("I saw three", [dict(entity, start=6, end=11)]).is_one_number_input


def test_missing_peer_folder_is_an_error(tmp_path, capsys) -> None:
    assert main(["--peers", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err


def test_peer_figures_meet_the_issue_targets() -> None:
    peers = require_shared("peers", "recognizers_number_en.jsonl").parent
    report = evaluate(peers)
    assert report.one_number_inputs.n == 130
    assert report.single_entity.right_kept / report.single_entity.n_kept >= 0.97
    assert report.one_number_inputs.right_kept / report.one_number_inputs.n_kept >= 0.97
    assert report.ranges.right_kept / report.ranges.n_kept >= 0.90
    assert sum(not o.right for o in report.negatives_kept) == 0
