"""``make agreement``: how far two annotators of the same real-text documents agree.

A second annotator, blind to the code, to its output and to the first
annotation, annotated a set again by the same guideline. Here the second
annotation is read as a system's tables (one event row per non-optional fact,
its first actor's canonical name and first alias as the actor) and scored
against the first with the scorer ``make eval`` uses. The result is the
ceiling a system is measured against on that set: what one careful reader
gets when another wrote the key. Only aggregates are printed; the documents
stay measured-only.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pandas as pd

from .evaluation import score
from .scoring import TEMPEVAL_TRAIN, read_realnews_set, read_texts

#: the second annotations: set name -> (first annotation, second annotation), under corpus/realnews
AGREEMENT_SETS = {"realnews_heldout": ("heldout.jsonl", "agreement/heldout_second_annotator.jsonl")}
METRICS = ("quantity_f1", "date_f1", "actor_attachment_accuracy", "date_attachment_accuracy",
           "fact_precision", "fact_recall", "fact_f1")


def as_tables(records: list[dict[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An annotation as the events and mentions tables a system would write."""
    events, mentions = [], []
    for rec in records:
        actors = {a["id"]: a for a in rec.get("actors") or []}
        quantities = {q["id"]: q for q in rec.get("quantities") or []}
        dates = {d["id"]: d for d in rec.get("dates") or []}
        for q in quantities.values():
            mentions.append({"doc_id": rec["doc_id"], "label": "QUANTITY", "text": q["text"],
                             "char_start": q["start"], "char_end": q["end"], "quantity_value": q.get("value"),
                             "quantity_low": q.get("low"), "quantity_high": q.get("high"),
                             "quantity_unit": q.get("unit"), "timex_type": None, "date_start": None, "date_end": None})
        for d in dates.values():
            mentions.append({"doc_id": rec["doc_id"], "label": "DATE", "text": d["text"], "char_start": d["start"],
                             "char_end": d["end"], "timex_type": "DATE", "date_start": d.get("start_date"),
                             "date_end": d.get("end_date")})
        for fact in rec.get("facts") or []:
            if fact.get("optional"):
                continue
            q = quantities.get(fact.get("quantity") or "")
            d = dates.get(fact.get("date") or "")
            actor = actors.get(fact["actors"][0]) if fact.get("actors") else None
            events.append({"doc_id": rec["doc_id"],
                           "quantity_char_start": q["start"] if q else None, "quantity_char_end": q["end"] if q else None,
                           "date_char_start": d["start"] if d else None, "date_char_end": d["end"] if d else None,
                           "actor": actor["name"] if actor else None,
                           "actor_text": (actor.get("aliases") or [actor["name"]])[0] if actor else None})
    return pd.DataFrame(events), pd.DataFrame(mentions)


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, Any]:
    """The second annotation scored against the first, on the documents both hold."""
    ids = {r["doc_id"] for r in second}
    events, mentions = as_tables(second)
    return score([r for r in first if r["doc_id"] in ids], events, mentions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--peers", type=Path, required=True, help="folder with TempEval-3 train (the texts)")
    args = parser.parse_args(argv)
    texts_file = args.peers / TEMPEVAL_TRAIN
    if not texts_file.exists():
        print(f"{texts_file} not found: no agreement to measure")
        return 0
    texts = read_texts(texts_file)
    for name, (first_file, second_file) in AGREEMENT_SETS.items():
        first = read_realnews_set(args.corpus / "realnews" / first_file, texts)
        with open(args.corpus / "realnews" / second_file, encoding="utf-8") as fh:
            second = [json.loads(line) for line in fh if line.strip()]
        result = agreement(first, second)
        print(f"{name}: second annotator scored against the first ({len(second)} documents)")
        for metric in METRICS:
            print(f"  {metric:28s} {result[metric]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
