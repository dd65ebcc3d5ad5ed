"""``make eval``: run the pipeline on each gold set and print the metrics table."""
from __future__ import annotations

import sys
from pathlib import Path

from .evaluation import evaluate_output, format_report, load_gold
from .running import extract


def gold_sets(corpus: Path, seed: Path) -> dict[str, tuple[list[Path], Path]]:
    """Name -> (article inputs, gold file), for the sets that exist here."""
    sets: dict[str, tuple[list[Path], Path]] = {}
    if (corpus / "gold.jsonl").exists():
        sets["corpus"] = ([corpus / "articles"], corpus / "gold.jsonl")
    # written like the corpus but never looked at while writing the rules
    if (corpus / "heldout" / "gold.jsonl").exists():
        sets["heldout"] = ([corpus / "heldout" / "articles"], corpus / "heldout" / "gold.jsonl")
    if (seed / "gold.jsonl").exists():
        articles = sorted(p for p in seed.iterdir() if p.suffix == ".txt")
        sets["seed"] = (articles, seed / "gold.jsonl")
    return sets


def run_eval(corpus: Path, seed: Path, out: Path, spacy_model: str | None = None,
             parse_all: bool = False) -> str:
    results = {}
    for name, (inputs, gold) in gold_sets(corpus, seed).items():
        extract(inputs, out / name, log=lambda m: print(m, file=sys.stderr), spacy_model=spacy_model,
                parse_all=parse_all)
        results[name] = evaluate_output(gold, out / name)
        results[name]["n_docs"] = len(load_gold(gold))
    if not results:
        return "no gold sets found"
    return format_report(results)
