"""Numbers against peers: ``python -m lab.eval_numbers --peers ../shared/peers``.

Scores the quantity recognizer (rules alone: ``load_nlp(spacy_model="none")``)
on the English number specs of Microsoft Recognizers-Text, converted in
``../shared/peers`` (README.md there). The peer data is read at run time and
never copied into the project.

What is scored, and how:

* **one-number inputs** (``recognizers_number_en.jsonl``, the 130 cases whose
  whole input is one number, the set the issue's peer figures were measured
  on) and, more broadly, **single-entity cases** (the 177 with exactly one
  expected number, including numbers inside sentences). A case is right when
  exactly one of our quantities overlaps the expected character span and its
  number equals the expected value (relative difference <= 1e-9). Our number
  is the quantity's ``value``; for a bound without a point value, the bound
  (``more than half`` -> low 0.5), since the peer model reads the number and
  leaves modifiers to its range model.
* **no-number cases** (the 17 with ``expected == []``): how many yield any
  quantity at all.
* **range cases** (``recognizers_numberrange_en_all.jsonl``, the 64 with one
  expected range): the peer's interval (``(20,35]``, ``[20,30)``, ``(,20)``,
  ``[5,5]``) becomes a (low, high) pair; a case is right when exactly one of
  our quantities overlaps the expected span and its ``low``/``high`` equal
  that pair. Open and closed ends are not told apart: our guideline keeps the
  bound and says which way it points (``more than 20`` is low 20 with
  modifier at_least, ``at least 20`` the same; ``up to 700`` is high 700), so
  ``(20,`` and ``[20,`` both map to low 20. An exact number is low == high.

``BY_DESIGN`` lists the cases where this project's guideline
(``../shared/spec/ANNOTATION.md``) disagrees with the peer convention, each
with its reason; figures are printed with and without them. The exit code is
non-zero only on an error (missing files), never on a low score.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline.language import load_nlp, make_doc
from pipeline.numbers import Quantity

NUMBER_FILE = "recognizers_number_en.jsonl"
RANGE_FILE = "recognizers_numberrange_en_all.jsonl"
DEFAULT_PEERS = Path(__file__).resolve().parents[1].parent / "shared" / "peers"

#: The issue's measurements of other libraries on the 130 one-number inputs.
PEER_FIGURES: tuple[tuple[str, float], ...] = (
    ("recognizers-text-suite", 0.908),
    ("quantulum3", 0.531),
    ("numerizer", 0.469),
    ("word2number", 0.123),
)

#: Peer cases our guideline reads differently on purpose: input -> reason.
BY_DESIGN: dict[str, str] = {
    # one number expected
    "SCP-173": "a number inside a name (like Su-34, Covid-19) is no quantity",
    "10G": "a digit glued to G is a name in news (5G, 4G networks), not 'giga'",
    "1,674.5 G": "a G after a number is not 'giga' in news (5G networks, g-force)",
    "one out of three": "'N out of M' is two counts (4 out of 9 drones: 4 downed, 9 launched), not a ratio",
    "- 1 4/5": "a hyphen with a space after it is a dash or a list bullet in news copy, not a minus sign",
    "- 10  k": "a hyphen with a space after it is a dash or a list bullet in news copy, not a minus sign",
    "one hundred thirty fifths": "read as 130 fifths (26), as 'one hundred thirty' reads everywhere else; "
                                 "the peer reads 100 thirty-fifths",
    "The answer is minus one hundred thirty fifths": "as 'one hundred thirty fifths': 130 fifths",
    "2000 over 3": "a bare 2000 with nothing counted after it is a year in news",
    # no number expected
    " 29km Road ": "a number glued to a unit measures something: a quantity by our guideline",
    "1m isn't a number.": "'1m' is one million in news copy (£1m, 1m barrels), like the issue's '1.2m'",
    # one range expected
    "He ranks between the tenth and the fifteenth.": "ordinals are not quantities",
    "He ranks higher than the tenth but lower than the fifteenth.": "ordinals are not quantities",
    "How about 2 in 5 or more": "'N in M' is two counts in news, not the ratio 0.4",
}

RELATIVE_TOLERANCE = 1e-9


# --------------------------------------------------------------------------
# Reading the peer files


@dataclass
class Case:
    """One peer input with its expected entities (character spans, end exclusive)."""

    input: str
    expected: list[dict[str, Any]]

    @property
    def is_one_number_input(self) -> bool:
        """The whole input is the one expected number (the issue's 130 cases)."""
        return len(self.expected) == 1 and \
            self.expected[0]["text"].strip().lower() == self.input.strip().lower()


def read_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8") as lines:
        return [Case(row["input"], row["expected"]) for row in map(json.loads, lines) if row]


def parse_interval(notation: str) -> tuple[float | None, float | None]:
    """``(20,35]`` -> (20, 35); ``(,20)`` -> (None, 20); ``[5,5]`` -> (5, 5)."""
    match = re.fullmatch(r"\s*[\[(]\s*([^,]*?)\s*,\s*([^,]*?)\s*[\])]\s*", notation)
    if not match:
        raise ValueError(f"not an interval: {notation!r}")
    low, high = (float(part) if part else None for part in match.groups())
    return low, high


# --------------------------------------------------------------------------
# Comparing


def same_number(ours: float | None, theirs: float | None) -> bool:
    if ours is None or theirs is None:
        return ours is None and theirs is None
    return math.isclose(ours, theirs, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-12)


def point_number(quantity: Quantity) -> float | None:
    """The number a quantity reads: its value, or its one bound when it has no value."""
    if quantity.value is not None:
        return quantity.value
    if quantity.modifier == "at_least":
        return quantity.low
    if quantity.modifier == "at_most":
        return quantity.high
    return None


def overlapping(quantities: Iterable[Quantity], start: int, end: int) -> list[Quantity]:
    return [q for q in quantities if q.start_char < end and start < q.end_char]


def describe(quantities: Iterable[Quantity]) -> str:
    parts = []
    for q in quantities:
        if q.modifier in ("exact", "approx"):
            parts.append(f"{q.text!r}={q.value:g}" if q.value is not None else f"{q.text!r}")
        else:
            parts.append(f"{q.text!r} {q.modifier} [{q.low}, {q.high}]")
    return "; ".join(parts) or "nothing"


@dataclass
class Outcome:
    input: str
    expected: str
    got: str
    right: bool
    by_design: str | None = None


@dataclass
class Score:
    """Right cases among those scored, with and without the by-design ones."""

    name: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.outcomes)

    @property
    def right(self) -> int:
        return sum(o.right for o in self.outcomes)

    @property
    def n_kept(self) -> int:
        return sum(o.by_design is None for o in self.outcomes)

    @property
    def right_kept(self) -> int:
        return sum(o.right for o in self.outcomes if o.by_design is None)

    def summary(self) -> dict[str, Any]:
        return {"cases": self.n, "right": self.right, "share": ratio(self.right, self.n),
                "cases_without_by_design": self.n_kept, "right_without_by_design": self.right_kept,
                "share_without_by_design": ratio(self.right_kept, self.n_kept)}


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def score_number(case: Case, found: list[Quantity]) -> Outcome:
    entity = case.expected[0]
    expected = float(entity["value"])
    hits = overlapping(found, entity["start"], entity["end"])
    right = len(hits) == 1 and same_number(point_number(hits[0]), expected)
    return Outcome(case.input, f"{entity['text']!r}={expected:g}", describe(found), right,
                   BY_DESIGN.get(case.input))


def score_range(case: Case, found: list[Quantity]) -> Outcome:
    entity = case.expected[0]
    low, high = parse_interval(entity["value"])
    hits = overlapping(found, entity["start"], entity["end"])
    right = len(hits) == 1 and same_number(hits[0].low, low) and same_number(hits[0].high, high)
    return Outcome(case.input, f"{entity['text']!r} {entity['value']}", describe(found), right,
                   BY_DESIGN.get(case.input))


# --------------------------------------------------------------------------
# Running


@dataclass
class Report:
    one_number_inputs: Score
    single_entity: Score
    ranges: Score
    negatives: list[Outcome]

    @property
    def negatives_with_quantity(self) -> int:
        return sum(not o.right for o in self.negatives)

    @property
    def negatives_kept(self) -> list[Outcome]:
        return [o for o in self.negatives if o.by_design is None]

    def scored(self) -> list[Outcome]:
        """Every scored outcome: single-entity, range and no-number cases."""
        return self.single_entity.outcomes + self.ranges.outcomes + self.negatives


def read_all(nlp, texts: list[str]) -> list[list[Quantity]]:
    docs = nlp.pipe((make_doc(nlp, text, None) for text in texts), batch_size=64)
    return [list(doc._.quantities or ()) for doc in docs]


def evaluate(peers: Path) -> Report:
    numbers = read_cases(peers / NUMBER_FILE)
    ranges = [case for case in read_cases(peers / RANGE_FILE) if len(case.expected) == 1]
    nlp = load_nlp(spacy_model="none")
    found_numbers = read_all(nlp, [case.input for case in numbers])
    found_ranges = read_all(nlp, [case.input for case in ranges])

    one_number = Score("one-number inputs")
    single = Score("single-entity cases")
    negatives: list[Outcome] = []
    for case, found in zip(numbers, found_numbers):
        if not case.expected:
            negatives.append(Outcome(case.input, "no number", describe(found), not found,
                                     BY_DESIGN.get(case.input)))
        elif len(case.expected) == 1:
            outcome = score_number(case, found)
            single.outcomes.append(outcome)
            if case.is_one_number_input:
                one_number.outcomes.append(outcome)
    range_score = Score("range cases")
    range_score.outcomes = [score_range(case, found) for case, found in zip(ranges, found_ranges)]
    return Report(one_number, single, range_score, negatives)


def percent(part: int, whole: int) -> str:
    return f"{100 * ratio(part, whole):.1f}% ({part}/{whole})"


def render(report: Report) -> str:
    lines = ["Numbers against peers (Recognizers-Text English number specs)", ""]
    one = report.one_number_inputs
    lines += [
        "| reader | one-number inputs, right value |",
        "|---|---|",
        (f"| this project | {percent(one.right, one.n)}; "
         f"{percent(one.right_kept, one.n_kept)} without by-design cases |"),
        *(f"| {name} | {100 * share:.1f}% (issue's figure) |" for name, share in PEER_FIGURES),
        "",
    ]
    for score in (report.single_entity, report.ranges):
        lines.append(f"{score.name}: {percent(score.right, score.n)}; "
                     f"without by-design cases {percent(score.right_kept, score.n_kept)}")
    kept = report.negatives_kept
    lines.append(f"no-number cases yielding a quantity: {report.negatives_with_quantity} of "
                 f"{len(report.negatives)}; without by-design cases {sum(not o.right for o in kept)} of {len(kept)}")
    lines += ["", "Failing cases:"]
    failing = [o for o in report.scored() if not o.right and o.by_design is None]
    lines += [f"  {o.input!r}: expected {o.expected}, got {o.got}" for o in failing] or ["  none"]
    lines += ["", "By-design disagreements (scored as wrong in the first figure, left out of the second):"]
    lines += [f"  {o.input!r}: {o.by_design} (expected {o.expected}, got {o.got}; "
              f"{'agrees anyway' if o.right else 'differs'})" for o in report.scored() if o.by_design]
    return "\n".join(lines)


def as_json(report: Report) -> str:
    return json.dumps({
        "one_number_inputs": report.one_number_inputs.summary(),
        "single_entity": report.single_entity.summary(),
        "ranges": report.ranges.summary(),
        "negatives": {"cases": len(report.negatives), "with_quantity": report.negatives_with_quantity,
                      "cases_without_by_design": len(report.negatives_kept),
                      "with_quantity_without_by_design": sum(not o.right for o in report.negatives_kept)},
        "peer_figures_one_number_inputs": dict(PEER_FIGURES),
        "failing": [asdict(o) for o in report.scored() if not o.right],
    }, indent=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.eval_numbers", description=__doc__.split("\n")[0])
    parser.add_argument("--peers", type=Path, default=DEFAULT_PEERS, help="folder with the peer JSONL files")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    missing = [name for name in (NUMBER_FILE, RANGE_FILE) if not (args.peers / name).exists()]
    if missing:
        print(f"error: {', '.join(missing)} not found in {args.peers}", file=sys.stderr)
        return 2
    report = evaluate(args.peers)
    print(as_json(report) if args.json else render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
