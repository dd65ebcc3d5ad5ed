"""``make error-sources``: where the gold actor is when the pipeline names the wrong one.

For each non-optional quantity fact of the named real-text tuning sets that has
an actor and a row, the pipeline's actor is right, or the gold actor is named
in the number's own sentence (a choice among names the pipeline already has),
in one of the two sentences before, elsewhere in the document, or nowhere (a
recognition miss). Tuning sets only: the measured-only sets are not listed
case by case, and this prints counts.
"""
from __future__ import annotations

import argparse
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.language import load_nlp, make_doc

from .evaluation import _actor_names, _overlap, normalize_name
from .scoring import REALNEWS_SETS, TEMPEVAL_TRAIN, read_realnews_set, read_texts

MEASURED_ONLY = frozenset({"realnews_heldout", "realnews_check"})
PLACES = ("right", "in the sentence", "in the two sentences before", "elsewhere in the document",
          "never a mention")


def error_sources(nlp, records: list[dict[str, Any]]) -> Counter:
    """Counts of ``PLACES`` over the records' non-optional quantity facts with an actor."""
    counts: Counter = Counter()
    for rec in records:
        doc = nlp(make_doc(nlp, rec["text"], date.fromisoformat(rec["published"][:10])))
        names = _actor_names(rec)
        quantities = {q["id"]: q for q in rec["quantities"]}
        sentence_of = {t.i: k for k, sent in enumerate(doc.sents) for t in sent}
        for fact in rec["facts"]:
            if fact.get("optional") or not fact.get("quantity") or not fact.get("actors"):
                continue
            q = quantities[fact["quantity"]]
            wanted = set().union(*(names[a] for a in fact["actors"]))
            rows = [e for e in doc._.events if e.quantity is not None
                    and _overlap((e.quantity.start_char, e.quantity.end_char), (q["start"], q["end"]))]
            if not rows:
                continue

            def names_it(mention) -> bool:
                return bool({normalize_name(mention.text), *(normalize_name(a.name) for a in mention.actors)} & wanted)

            if any(r.mention is not None and names_it(r.mention) for r in rows):
                counts["right"] += 1
                continue
            here = sentence_of[rows[0].quantity.start]
            found = [sentence_of.get(m.start) for m in doc._.actors if names_it(m)]
            if here in found:
                counts["in the sentence"] += 1
            elif here - 1 in found or here - 2 in found:
                counts["in the two sentences before"] += 1
            elif found:
                counts["elsewhere in the document"] += 1
            else:
                counts["never a mention"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--peers", type=Path, required=True, help="folder with TempEval-3 train (the texts)")
    parser.add_argument("sets", nargs="*", help="tuning sets (default: all of them)")
    args = parser.parse_args(argv)
    texts_file = args.peers / TEMPEVAL_TRAIN
    if not texts_file.exists():
        print(f"{texts_file} not found: nothing to count")
        return 0
    chosen = args.sets or [name for name in REALNEWS_SETS if name not in MEASURED_ONLY]
    refused = [name for name in chosen if name in MEASURED_ONLY or name not in REALNEWS_SETS]
    if refused:
        parser.error(f"not a tuning set: {', '.join(refused)}")
    texts = read_texts(texts_file)
    records = [r for name in chosen for r in read_realnews_set(args.corpus / "realnews" / REALNEWS_SETS[name], texts)]
    counts = error_sources(load_nlp(), records)
    total = sum(counts.values())
    lines = [f"{total} quantity facts with an actor, over {', '.join(chosen)}"]
    lines += [f"  {place:30s} {counts[place]:5d}" for place in PLACES]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
