"""Lab: would a trained reranker over a number's candidate actors beat the rules?

For every number or event date the attachment rules give one row, the study takes the
candidates a reranker could choose from (the actor mentions of the anchor's sentence, and
the rules' own pick when it comes from elsewhere), describes each by a few generic features
(position, parse relation, type, speech, salience, which rule fired), labels it by the gold
key of the real-text tuning sets, and trains a conditional logit (one softmax over each
anchor's candidates) leave-one-set-out. It prints, per held-out tuning set, how many anchors
the rules get right and how many the reranker would.

    python -m lab.rerank_study --corpus corpus --peers ../shared/peers

The product does not use it (issue 11, fourth session: the reranker did not beat the rules).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np

from pipeline import tree
from pipeline.language import load_nlp, make_doc

from .evaluation import normalize_name
from .scoring import REALNEWS_SETS, TEMPEVAL_TRAIN, read_realnews_set, read_texts

_PREPOSITIONS = ("in", "at", "from", "to", "of", "for", "by", "with", "on", "against", "between")


def _bucket(n: int, cuts: tuple[int, ...]) -> str:
    return next((str(c) for c in cuts if n <= c), "more")


def candidate_features(view, anchor, candidate, picked, rule: str | None, start: int) -> dict[str, float]:
    """Generic features of one candidate actor mention for the number or date ``anchor``."""
    doc = view.doc
    f: dict[str, float] = {f"rule|{rule}": 1.0, f"kind|{candidate.kind}": 1.0,
                           f"type|{candidate.actors[0].type if candidate.actors else 'none'}": 1.0}
    if picked is not None and (candidate.start, candidate.end) == (picked.start, picked.end):
        f["picked"] = f[f"picked|{rule}"] = 1.0
    if candidate.is_group:
        f["group"] = 1.0
    sentence = view.sentence_of[start]
    if view.sentence_of[candidate.start] != sentence:
        f["other_sentence"] = 1.0
    else:
        before = candidate.end <= anchor.start
        gap = anchor.start - candidate.end if before else candidate.start - anchor.end
        f[f"distance|{'before' if before else 'after'}{_bucket(gap, (0, 2, 5, 10, 20))}"] = 1.0
        if view.clause_of[candidate.start] == view.clause_of[start]:
            f["same_clause"] = 1.0
        mentions = view.sentence_actors(sentence, outside_quotes=False)
        if mentions and mentions[0].start == candidate.start:
            f["first_in_sentence"] = 1.0
    if view.followed_by_speech(candidate):
        f["speech_after"] = 1.0
    word = view.token_before(candidate)
    f[f"word_before|{word if word in _PREPOSITIONS else 'other'}"] = 1.0
    if view.quote_of[candidate.start] is not None:
        f["quoted"] = 1.0
    name = candidate.actors[0].name if candidate.actors else None
    count = sum(1 for m in view.actors if m.actors and m.actors[0].name == name)
    f[f"mentions|{_bucket(count, (1, 2, 4, 8))}"] = 1.0
    if doc.has_annotation("DEP") and view.parsed(start) and "other_sentence" not in f:
        head = doc[anchor.start:anchor.end].root
        token = doc[candidate.start:candidate.end].root
        f[f"dep|{token.dep_}"] = 1.0
        verb = tree.governing_verb(head)
        if verb is not None and any(s.i == token.i for s in tree.subjects(verb)):
            f["subject_of_verb"] = 1.0
        if verb is not None and tree.agent(verb) is not None and tree.agent(verb).i == token.i:
            f["agent_of_verb"] = 1.0
    return f


def collect(nlp, records: list[dict], set_name: str) -> list[dict]:
    """One item per gold-keyed anchor with a single row: its candidates, features and labels."""
    attacher = nlp.get_pipe("news_attachment")
    fired: dict[int, str | None] = {}
    items: list[dict] = []
    rule_actor_for = attacher.actor_for
    rows_for = attacher._rows

    def actor_for(view, start):
        fired[start] = next((r.__name__ for r, _ in attacher.rules if r(view, start) is not None), None)
        return rule_actor_for(view, start)

    def rows(view, quantity, date_, start, end):
        out = rows_for(view, quantity, date_, start, end)
        anchor = quantity or date_
        picked = out[0].mention if out else None
        rule = fired.pop(start, None)
        candidates = list(view.sentence_actors(view.sentence_of[start], outside_quotes=False))
        if picked is not None and all((c.start, c.end) != (picked.start, picked.end) for c in candidates):
            candidates.append(picked)
        items.append({"set": set_name, "span": (anchor.start_char, anchor.end_char), "rows": len(out),
                      "kind": "q" if quantity is not None else "d", "doc": view.doc,
                      "picked": _names(picked),
                      "candidates": [(_names(c), candidate_features(view, anchor, c, picked, rule, start))
                                     for c in candidates]})
        return out

    attacher.actor_for, attacher._rows = actor_for, rows  # instance attributes: the class stays as it is
    try:
        for rec in records:
            doc = nlp(make_doc(nlp, rec["text"], date.fromisoformat(rec["published"][:10])))
            _label([i for i in items if i.get("doc") is doc], rec)
    finally:
        del attacher.actor_for, attacher._rows
    return [i for i in items if i.get("gold")]


def _names(mention) -> set[str]:
    if mention is None:
        return set()
    return {normalize_name(a.name) for a in mention.actors} | {normalize_name(mention.text)}


def _label(items: list[dict], rec: dict) -> None:
    names = {a["id"]: {normalize_name(n) for n in [a["name"], *(a.get("aliases") or [])]} for a in rec["actors"]}
    spans = {x["id"]: (x["start"], x["end"]) for x in rec["quantities"] + rec["dates"]}
    for item in items:
        lo, hi = item["span"]
        wanted: set[str] = set()
        for fact in rec["facts"]:
            key = fact["quantity"] if item["kind"] == "q" else (None if fact["quantity"] else fact["date"])
            if fact["optional"] or not fact["actors"] or key not in spans:
                continue
            a, b = spans[key]
            if a < hi and lo < b:
                wanted |= set().union(*(names[x] for x in fact["actors"]))
        item["gold"] = wanted
        item.pop("doc")


def train(items: list[dict], vocab: dict[str, int], l2: float = 0.1, epochs: int = 300, rate: float = 2.0) -> np.ndarray:
    """A conditional logit: one softmax over each item's candidates, fitted by gradient descent."""
    data = []
    for item in items:
        labels = np.array([bool(n & item["gold"]) for n, _ in item["candidates"]], dtype=float)
        if len(labels) > 1 and labels.any():
            data.append((_matrix(item, vocab), labels / labels.sum()))
    weights = np.zeros(len(vocab))
    for _ in range(epochs):
        grad = l2 * weights
        for x, target in data:
            scores = x @ weights
            p = np.exp(scores - scores.max())
            grad += x.T @ (p / p.sum() - target)
        weights -= rate * grad / max(len(data), 1)
    return weights


def _matrix(item: dict, vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(item["candidates"]), len(vocab)))
    for row, (_, feats) in enumerate(item["candidates"]):
        for k, v in feats.items():
            if k in vocab:
                x[row, vocab[k]] = v
    return x


def compare(items: list[dict], fit: Callable[[list[dict], dict[str, int]], np.ndarray] = train) -> list[tuple[str, int, int, int]]:
    """(held-out set, anchors, right by the rules, right by the reranker), leave-one-set-out,
    over anchors with one row (joint actions are left to the rules)."""
    vocab: dict[str, int] = {}
    for item in items:
        for _, feats in item["candidates"]:
            for k in feats:
                vocab.setdefault(k, len(vocab))
    out = []
    for held in sorted({i["set"] for i in items}):
        weights = fit([i for i in items if i["set"] != held], vocab)
        test = [i for i in items if i["set"] == held and i["rows"] == 1]
        rules = sum(bool(i["picked"] & i["gold"]) for i in test)
        reranked = 0
        for item in test:
            if item["candidates"]:
                best = item["candidates"][int(np.argmax(_matrix(item, vocab) @ weights))]
                reranked += bool(best[0] & item["gold"])
            else:
                reranked += bool(item["picked"] & item["gold"])
        out.append((held, len(test), rules, reranked))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--peers", type=Path, required=True)
    parser.add_argument("--sets", nargs="*", default=["realnews_tune", "realnews_tune2", "realnews_tune3",
                                                       "realnews_tune4", "realnews_tune5"])
    args = parser.parse_args(argv)
    texts = read_texts(args.peers / TEMPEVAL_TRAIN)
    nlp = load_nlp()
    items: list[dict] = []
    for name in args.sets:
        items += collect(nlp, read_realnews_set(args.corpus / "realnews" / REALNEWS_SETS[name], texts), name)
    total = [0, 0, 0]
    print(f"{'held-out set':16} {'anchors':>8} {'rules':>6} {'reranker':>9}")
    for held, n, rules, reranked in compare(items):
        print(f"{held:16} {n:8} {rules:6} {reranked:9}")
        total = [total[0] + n, total[1] + rules, total[2] + reranked]
    print(f"{'all':16} {total[0]:8} {total[1]:6} {total[2]:9}")


if __name__ == "__main__":
    main()
