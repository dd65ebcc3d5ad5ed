"""``make eval``: run the pipeline on each gold set and print the metrics table.

Sets: the bundled corpus and its held-out part (written by this team), the
seed article, and the real-text sets of ``corpus/realnews/`` (facts gold on
TempEval-3 train news). The real-text sets ship only their annotation; the
text is read from ``../shared/peers/tempeval3_train.jsonl`` at evaluation
time and the sets are skipped when that file is absent.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.language import load_nlp
from pipeline.running import extract

from .evaluation import attachment_errors, format_report, load_gold, score

#: the real-text sets: name -> annotation file under corpus/realnews/
REALNEWS_SETS = {"realnews_tune": "tune.jsonl", "realnews_heldout": "heldout.jsonl",
                 "realnews_check": "check.jsonl", "realnews_tune2": "tune2.jsonl",
                 "realnews_tune3": "tune3.jsonl", "realnews_tune4": "tune4.jsonl",
                 "realnews_tune5": "tune5.jsonl", "realnews_tune6": "tune6.jsonl",
                 "realnews_tune7": "tune7.jsonl", "realnews_tune8": "tune8.jsonl",
                 "realnews_tune9": "tune9.jsonl", "realnews_tune10": "tune10.jsonl"}
TEMPEVAL_TRAIN = "tempeval3_train.jsonl"
_SPAN_KINDS = ("quantities", "dates")


def read_texts(peers_file: Path) -> dict[str, dict[str, Any]]:
    """doc_id -> TempEval-3 record (its ``text`` and ``dct``)."""
    with open(peers_file, encoding="utf-8") as fh:
        return {rec["doc_id"]: rec for rec in map(json.loads, filter(str.strip, fh))}


def read_realnews_set(path: Path, texts: dict[str, dict[str, Any]]) -> list[dict]:
    """Annotation records with their text put back; a record naming an unknown
    document, or a span that misses its text, is an error naming file and line."""
    records = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            rec = json.loads(line)
            source = texts.get(rec.get("doc_id"))
            if source is None:
                raise ValueError(f"{where}: document {rec.get('doc_id')!r} is not in {TEMPEVAL_TRAIN}")
            text = source["text"]
            for kind in _SPAN_KINDS:
                for m in rec.get(kind) or []:
                    if text[m["start"]:m["end"]] != m["text"]:
                        raise ValueError(f"{where}: {m['id']} {m['text']!r} is not at "
                                         f"{m['start']}-{m['end']} of {rec['doc_id']}")
            records.append({**rec, "text": text})
    return records


def write_inputs(records: list[dict], path: Path) -> Path:
    """The records as one .jsonl of articles the pipeline reads (id, text, published)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps({"id": rec["doc_id"], "text": rec["text"], "published": rec["published"]}) + "\n")
    return path


def gold_sets(corpus: Path, seed: Path, peers: Path | None = None,
              staging: Path | None = None) -> dict[str, tuple[list[Path], list[dict]]]:
    """Name -> (article inputs, gold records), for the sets that exist here.

    The real-text sets need ``peers`` (the folder holding TempEval-3 train) and a
    ``staging`` folder where their articles are written as one .jsonl."""
    sets: dict[str, tuple[list[Path], list[dict]]] = {}
    if (corpus / "gold.jsonl").exists():
        sets["corpus"] = ([corpus / "articles"], load_gold(corpus / "gold.jsonl"))
    # written like the corpus but never looked at while writing the rules
    if (corpus / "heldout" / "gold.jsonl").exists():
        sets["heldout"] = ([corpus / "heldout" / "articles"], load_gold(corpus / "heldout" / "gold.jsonl"))
    if (seed / "gold.jsonl").exists():
        articles = sorted(p for p in seed.iterdir() if p.suffix == ".txt")
        sets["seed"] = (articles, load_gold(seed / "gold.jsonl"))
    if peers is not None and staging is not None and (peers / TEMPEVAL_TRAIN).exists():
        texts = None
        for name, file_name in REALNEWS_SETS.items():
            path = corpus / "realnews" / file_name
            if path.exists():
                texts = texts or read_texts(peers / TEMPEVAL_TRAIN)
                records = read_realnews_set(path, texts)
                sets[name] = ([write_inputs(records, staging / f"{name}.jsonl")], records)
    return sets


def run_eval(corpus: Path, seed: Path, out: Path, spacy_model: str | None = None,
             parse_all: bool = False, peers: Path | None = None, errors: tuple[str, ...] = ()) -> str:
    """Score every set found; for the sets named in ``errors``, list each gold fact
    whose quantity was found but whose actor was not (on stderr)."""
    results = {}
    sets = gold_sets(corpus, seed, peers, out / "_inputs")
    nlp = load_nlp(spacy_model=spacy_model, parse_all=parse_all) if sets else None  # one pipeline for all sets
    for name, (inputs, gold) in sets.items():
        extract(inputs, out / name, log=lambda m: print(m, file=sys.stderr), nlp=nlp, spacy_model=spacy_model,
                parse_all=parse_all)
        events = pd.read_parquet(out / name / "events.parquet")
        results[name] = score(gold, events, pd.read_parquet(out / name / "mentions.parquet"))
        if errors and name in errors:
            print(f"== {name}: attachment errors", file=sys.stderr)
            for line in attachment_errors(gold, events):
                print(line, file=sys.stderr)
    if not results:
        return "no gold sets found"
    return format_report(results)
