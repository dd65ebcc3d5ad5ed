"""The reranker study's learner on tiny hand-made items (no model, no ../shared)."""

from __future__ import annotations

from lab.rerank_study import compare


def item(set_name: str, right: int, rule_pick: int) -> dict:
    """Two candidates, told apart by one feature; the rules picked ``rule_pick``."""
    names = [{"alpha"}, {"beta"}]
    features = [{"subject_of_verb": 1.0} if k == right else {"word_before|in": 1.0} for k in range(2)]
    return {"set": set_name, "rows": 1, "gold": names[right], "picked": names[rule_pick],
            "candidates": list(zip(names, features))}


def test_the_reranker_learns_what_the_rules_miss_from_the_other_sets() -> None:
    # the rules always pick the candidate after "in"; the subject is always right
    items = [item(s, right=k % 2, rule_pick=1 - k % 2) for s in ("a", "b", "c") for k in range(6)]
    for held, n, rules, reranked in compare(items):
        assert (n, rules, reranked) == (6, 0, 6), held
