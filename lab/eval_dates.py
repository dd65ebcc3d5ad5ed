"""Temporal tagging against TempEval-3: ``python -m lab.eval_dates`` (``make eval-dates``).

Scores the date component (``news_dates``, rules only: the statistical model
plays no part in finding dates) on the TempEval-3 TimeML data in
``../shared/peers`` (read from there, never copied into the project):

* ``tempeval3_train.jsonl`` (TimeBank + AQUAINT, 256 documents): the set the
  rules may be tuned on;
* ``tempeval3_platinum.jsonl`` (20 documents, 138 TIMEX3): the test set of
  the shared task, never tuned on;
* ``corpus/timeml/dev.jsonl``, ``natural.jsonl``, ``natural2.jsonl`` and
  ``natural3.jsonl`` (in the project: 21 and 3 x 25 articles of 2010-2015
  written for it; the first to a checklist of expression kinds, the others
  as plain news first and annotated after, see the READMEs there): our own view
  of 2010s news, which TimeBank's 1990s text under-represents; tuned on, like
  train;
* ``corpus/timeml/ewt_weblog.jsonl`` and ``ewt_heldout.jsonl``: our TIMEX3
  annotation of the real weblog posts in UD English-EWT (train split: tuned on;
  dev and test splits: measured only), the text read from the treebank in
  ``../shared/corpora`` (``--corpora``), see ``corpus/timeml/EWT.md``;
* ``recognizers_datetime_en.jsonl`` (Recognizers-Text DateTime specs, cases
  with default options): the share of ``datetimeV2.date`` entities that one
  of our mentions finds with a right day (see :func:`recognizers_dates`).

Each document's ``dct`` is its reference date (``doc._.published``). The
scores follow the task's conventions (task A, TIMEX3 inside ``<TEXT>``):

* what is scored is the command line's own ``mentions`` table (``extract`` over
  the records; a TIMEX3 is a row with a TIMEX3 value: DATE rows, and the two
  TIMEX rows of a merged range), not a view inside the pipeline;
* relaxed match (the task's "at least one token overlaps"), one-to-one: gold
  and system TIMEX3 are paired greedily, largest overlap first, each used at
  most once; relaxed precision is pairs / system TIMEX3, recall pairs / gold.
  (Before session 6 a gold TIMEX3 overlapped by two of ours counted as found
  by both; this count is stricter.)
* strict match: identical spans, one-to-one; strict P / R / F1 likewise.
* value accuracy: over one-to-one pairs of overlapping TIMEX3 (made greedily,
  largest overlap first), the share whose ``value`` equals the gold value
  (type accuracy likewise for ``type``); value F1 = relaxed F1 x value
  accuracy, the figure the task ranked systems by for attributes.

Peers' figures on platinum are printed beside ours: HeidelTime as published
for the task (relaxed F1 90.3, value F1 77.6), recognizers-text-suite and
dateparser's ``search_dates`` as measured for issue 5 (87.5 / 65.6 and
70.5 / 33.7). With ``--errors N`` the first N misses, false alarms and wrong
values of each set are listed.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PEERS_ON_PLATINUM = [
    ("HeidelTime (published, TempEval-3)", 0.903, 0.776),
    ("recognizers-text-suite (measured, issue 5)", 0.875, 0.656),
    ("dateparser search_dates (measured, issue 5)", 0.705, 0.337),
]
SETS = [("train", "tempeval3_train.jsonl"), ("platinum", "tempeval3_platinum.jsonl")]
#: written for the project (corpus/timeml/README.md), so it ships with it
_TIMEML = Path(__file__).resolve().parent.parent / "corpus" / "timeml"
OWN_SETS = [("own_dev", _TIMEML / "dev.jsonl"), ("own_natural", _TIMEML / "natural.jsonl"),
            ("own_natural2", _TIMEML / "natural2.jsonl"), ("own_natural3", _TIMEML / "natural3.jsonl")]


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    relaxed: int = 0  # one-to-one pairs (for attribute accuracy)
    relaxed_gold: int = 0  # gold TIMEX3 overlapped by some system TIMEX3
    relaxed_system: int = 0  # system TIMEX3 overlapping some gold TIMEX3
    strict_gold: int = 0
    strict_system: int = 0
    value_right: int = 0
    type_right: int = 0
    gold_by_type: dict[str, int] = field(default_factory=dict)
    found_by_type: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        def prf(hit_system: int, hit_gold: int) -> tuple[float, float, float]:
            p = hit_system / self.system if self.system else 0.0
            r = hit_gold / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        rp, rr, rf = prf(self.relaxed_system, self.relaxed_gold)
        sp, sr, sf = prf(self.strict_system, self.strict_gold)
        value_acc = self.value_right / self.relaxed if self.relaxed else 0.0
        type_acc = self.type_right / self.relaxed if self.relaxed else 0.0
        by_type = {f"recall_{t}": self.found_by_type.get(t, 0) / n for t, n in sorted(self.gold_by_type.items()) if n}
        return {"gold": self.gold, "system": self.system, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
                "strict_p": sp, "strict_r": sr, "strict_f1": sf, "type_accuracy": type_acc,
                "value_accuracy": value_acc, "value_f1": rf * value_acc, **by_type}


def pair_by_overlap(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping spans, the largest overlaps first."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                candidates.append((-overlap, g.start, s.start, gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, _, _, gi, si in sorted(candidates):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gold[gi], system[si]))
    return pairs


def score_document(tally: Tally, doc_id: str, text: str, gold: list[Timex], system: list[Timex]) -> None:
    tally.gold += len(gold)
    tally.system += len(system)
    pairs = pair_by_overlap(gold, system)
    # one-to-one, as TempEval-3's scorer pairs them: a gold TIMEX3 is found by at most one of
    # ours and one of ours finds at most one gold (two of ours inside one gold count once)
    tally.relaxed_gold += len(pairs)
    tally.relaxed_system += len(pairs)
    tally.relaxed += len(pairs)
    spans_gold = Counter((g.start, g.end) for g in gold)
    spans_system = Counter((s.start, s.end) for s in system)
    exact = sum(min(n, spans_system[span]) for span, n in spans_gold.items())
    tally.strict_gold += exact
    tally.strict_system += exact
    tally.value_right += sum(g.value == s.value for g, s in pairs)
    tally.type_right += sum(g.type == s.type for g, s in pairs)
    for g in gold:
        tally.gold_by_type[g.type] = tally.gold_by_type.get(g.type, 0) + 1
    for g, _ in pairs:
        tally.found_by_type[g.type] = tally.found_by_type.get(g.type, 0) + 1
    paired_g = {id(g) for g, _ in pairs}
    paired_s = {id(s) for _, s in pairs}

    def context(t: Timex) -> str:
        left = text[max(0, t.start - 40):t.start].replace("\n", " ")
        right = text[t.end:t.end + 30].replace("\n", " ")
        return f"{doc_id}: ...{left}[{text[t.start:t.end]}]{right}..."

    tally.misses += [f"{context(g)}  gold {g.type} {g.value}" for g in gold if id(g) not in paired_g]
    tally.false_alarms += [f"{context(s)}  ours {s.type} {s.value}" for s in system if id(s) not in paired_s]
    tally.wrong_values += [f"{context(g)}  gold {g.type} {g.value} | ours [{s.text}] {s.type} {s.value}"
                           for g, s in pairs if g.value != s.value]


def read_set(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


#: our TIMEX3 annotation of real weblog posts in UD English-EWT (corpus/timeml/EWT.md): the
#: annotation ships with the project, the text is read from the treebank in ../shared/corpora
EWT_SETS = [("ewt_weblog", _TIMEML / "ewt_weblog.jsonl"), ("ewt_heldout", _TIMEML / "ewt_heldout.jsonl")]
EWT_FILE = "ud_english_ewt/en_ewt-ud-{split}.conllu"


def ewt_documents(conllu: Path) -> dict[str, tuple[str, list[int], list[str]]]:
    """Each document of a CoNLL-U file as (text, sentence starts, sentences): the ``# text``
    lines (read by ``training.read_conllu``), one space between the sentences of a
    paragraph and a blank line between paragraphs, so the tagger sees the paragraphs a
    post had."""
    from .training import read_conllu

    out: dict[str, tuple[str, list[int], list[str]]] = {}
    for sentence in read_conllu(conllu)[1]:
        text, starts, sentences = out.get(sentence.newdoc, ("", [], []))
        if text:
            text += "\n\n" if sentence.new_paragraph else " "
        starts.append(len(text))
        sentences.append(sentence.text)
        out[sentence.newdoc] = (text + sentence.text, starts, sentences)
    return out


def read_ewt_set(path: Path, corpora: Path) -> list[dict]:
    """Records like ``read_set`` gives, for an annotation of EWT documents: its lines name
    the document, its split and its DCT, and give each TIMEX3 by sentence and offsets in
    that sentence; the text comes from the treebank. A TIMEX3 whose text is not at its
    offsets is an error naming the file and line (the treebank it was made on differs)."""
    treebanks: dict[str, dict] = {}
    records = []
    for number, record in enumerate(read_set(path), start=1):
        split = record["split"]
        if split not in treebanks:
            conllu = corpora / EWT_FILE.format(split=split)
            if not conllu.exists():
                raise FileNotFoundError(f"{path}:{number}: {conllu} not found (the text of the EWT {split} split)")
            treebanks[split] = ewt_documents(conllu)
        if record["doc_id"] not in treebanks[split]:
            raise ValueError(f"{path}:{number}: no document {record['doc_id']} in the EWT {split} file")
        text, starts, sentences = treebanks[split][record["doc_id"]]
        timexes = []
        for t in record["timexes"]:
            if not 0 <= t["sent"] < len(sentences):
                raise ValueError(f"{path}:{number}: no sentence {t['sent']} in {record['doc_id']} "
                                 f"({len(sentences)} sentences)")
            if sentences[t["sent"]][t["start"]:t["end"]] != t["text"]:
                raise ValueError(f"{path}:{number}: {t['text']!r} is not at {t['start']}-{t['end']} "
                                 f"of sentence {t['sent']} in {record['doc_id']}")
            offset = starts[t["sent"]]
            timexes.append({**t, "start": offset + t["start"], "end": offset + t["end"]})
        records.append({"doc_id": record["doc_id"], "dct": record["dct"], "text": text, "timexes": timexes})
    return records


def tag_documents(records: list[dict], nlp) -> Iterable[tuple[dict, list[Timex]]]:
    """Each record with the TIMEX3 the command line writes for it: ``extract`` runs over the
    records (a .jsonl with ``--id-field doc_id --date-field dct``) and its ``mentions`` table is
    read back; a TIMEX3 is a row with a ``timex_value`` (DATE rows, and the TIMEX rows of a
    range's two ends). What is scored is what a user gets, not a view inside the pipeline."""
    import tempfile

    import pandas as pd

    from pipeline.reading import InputFields
    from pipeline.running import extract

    with tempfile.TemporaryDirectory(prefix="eval-dates-") as scratch:
        source = Path(scratch) / "records.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for k, record in enumerate(records):
                handle.write(json.dumps({"doc_id": f"r{k:05d}", "dct": record.get("dct"),
                                         "text": record["text"]}) + "\n")
        extract([source], Path(scratch) / "out", nlp=nlp, log=lambda message: None, cache=False, progress=False,
                formats=["parquet"], fields=InputFields(id="doc_id", date="dct"))
        mentions = pd.read_parquet(Path(scratch) / "out" / "mentions.parquet")
    timexes = mentions[mentions["timex_value"].notna() | mentions["timex_type"].notna()]
    by_doc: dict[str, list[Timex]] = {}
    for row in timexes.itertuples(index=False):
        by_doc.setdefault(row.doc_id, []).append(Timex(int(row.char_start), int(row.char_end), row.text,
                                                       row.timex_type, row.timex_value))
    for k, record in enumerate(records):
        yield record, by_doc.get(f"r{k:05d}", [])


def evaluate(records: list[dict], nlp) -> Tally:
    tally = Tally()
    for record, found in tag_documents(records, nlp):
        gold = [Timex(t["start"], t["end"], t["text"], t["type"], t.get("value")) for t in record["timexes"]]
        score_document(tally, record["doc_id"], record["text"], gold, found)
    return tally


RECOGNIZERS = "recognizers_datetime_en.jsonl"

#: Recognizers-Text conventions this project does not share, each with the reason;
#: such cases are reported apart (the figure is given with and without them)
BY_DESIGN = [
    (re.compile(r"^in (?:a|an|\w+|\d+) (?:day|week|month|year)s?$"),
     "'in two weeks' is a duration with no calendar position (ANNOTATION.md, Dates)"),
    (re.compile(r"\bago$"), "'two months ago' is the calendar month that far back (ANNOTATION.md), not a day"),
    (re.compile(r"^(?:next|last|previous|following) (?:mon|tues|wednes|thurs|fri|satur|sun)day$"),
     "news reads 'last Wednesday' as the most recent one, not the Wednesday of last week"),
    (re.compile(r"^\d{8}$"), "eight bare digits are a number or a code, not a date"),
]


def by_design(text: str, source: str, start: int, end: int) -> str | None:
    """The reason a case is left out by design, or None."""
    inside = (start > 0 and not source[start - 1].isspace() and source[start - 1] not in "\"'(:") or \
             (end < len(source) and source[end].isalnum()) or (end < len(source) - 1 and source[end] in "-." and
                                                                source[end + 1].isalnum())
    if inside:
        return "a date inside a file name, URL or code is not a temporal expression of the text"
    low = " ".join(text.lower().split())
    return next((reason for rx, reason in BY_DESIGN if rx.search(low)), None)


def recognizers_dates(records: list[dict], nlp) -> dict:
    """Recognizers-Text DateTime specs, default options: of the entities typed
    ``datetimeV2.date``, how many one of our DATE mentions overlaps with a day equal
    to one of the values the spec lists (ambiguous ones list the past and the future
    reading; either counts)."""
    from pipeline.language import make_doc

    cases = [r for r in records if r.get("options") == "None"
             and any(e["type"] == "datetimeV2.date" for e in r["expected"])]
    docs = (make_doc(nlp, r["input"], date.fromisoformat(r["reference_datetime"][:10])
                     if r.get("reference_datetime") else None) for r in cases)
    found = right = total = 0
    failures: list[str] = []
    design: list[str] = []
    for record, doc in zip(cases, nlp.pipe(docs, batch_size=64)):
        ours = [d for d in doc._.dates or () if d.timex_type in ("DATE", "TIME")]
        for entity in record["expected"]:
            if entity["type"] != "datetimeV2.date":
                continue
            total += 1
            values = {v.get("value", "")[:10] for v in entity["resolution"].get("values", [])}
            hits = [d for d in ours if d.start_char < entity["end"] and entity["start"] < d.end_char]
            found += bool(hits)
            unresolvable = values == {"not resolv"}  # "Feb 30": found, and rightly given no day
            if any((d.start_date is None) if unresolvable else
                   (d.start_date is not None and d.start_date == d.end_date and d.start_date.isoformat() in values)
                   for d in hits):
                right += 1
                continue
            got = ", ".join(f"{d.text!r}={d.start_date}" for d in hits) or "nothing"
            line = f"{record['input']!r}: {entity['text']!r} in {sorted(values)}, got {got}"
            reason = by_design(entity["text"], record["input"], entity["start"], entity["end"])
            if reason:
                design.append(f"{line} -- {reason}")
            else:
                failures.append(line)
    kept = total - len(design)
    return {"entities": total, "found": found, "right_value": right,
            "right_value_share": right / total if total else 0.0,
            "by_design": len(design), "right_value_share_without_by_design": right / kept if kept else 0.0,
            "failures": failures, "by_design_cases": design}


def format_table(results: dict[str, dict]) -> str:
    keys = ["gold", "system", "relaxed_p", "relaxed_r", "relaxed_f1", "strict_p", "strict_r", "strict_f1",
            "type_accuracy", "value_accuracy", "value_f1"]
    names = list(results)
    keys += sorted({k for r in results.values() for k in r if k.startswith("recall_")})
    width = max(12, max(len(n) for n in names) + 1)
    lines = [f"{'TempEval-3':<16}" + "".join(f"{n:>{width}}" for n in names), "-" * (16 + width * len(names))]
    for k in keys:
        cells = [results[n].get(k, 0.0) for n in names]
        lines.append(f"{k:<16}" + "".join(f"{c:>{width}d}" if isinstance(c, int) else f"{c:>{width}.3f}"
                                          for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.eval_dates", description=__doc__.split("\n")[0])
    parser.add_argument("--peers", type=Path, default=Path("../shared/peers"), help="folder with the TempEval-3 files")
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"),
                        help="folder with UD English-EWT (text of the ewt_* sets)")
    parser.add_argument("--errors", type=int, default=0, help="list this many errors of each kind per set")
    parser.add_argument("--only", choices=[name for name, _ in SETS + OWN_SETS + EWT_SETS], help="score one set")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)

    from pipeline.language import load_nlp

    nlp = load_nlp(spacy_model="none")
    results: dict[str, dict] = {}
    tallies: dict[str, Tally] = {}
    for name, path in [(name, args.peers / filename) for name, filename in SETS] + OWN_SETS:
        if args.only and name != args.only:
            continue
        if not path.exists():
            print(f"skipped {name}: {path} not found", file=sys.stderr)
            continue
        tallies[name] = evaluate(read_set(path), nlp)
        results[name] = tallies[name].figures()
    for name, path in EWT_SETS:
        if (args.only and name != args.only) or not path.exists():
            continue
        try:
            records = read_ewt_set(path, args.corpora)
        except FileNotFoundError as missing:
            print(f"skipped {name}: {missing}", file=sys.stderr)
            continue
        tallies[name] = evaluate(records, nlp)
        results[name] = tallies[name].figures()
    if not results:
        print(f"no TempEval-3 files under {args.peers} and no {_TIMEML}", file=sys.stderr)
        return 2
    print(format_table(results))
    recognizers = None
    if (args.peers / RECOGNIZERS).exists() and not args.only:
        recognizers = recognizers_dates(read_set(args.peers / RECOGNIZERS), nlp)
        kept = recognizers["entities"] - recognizers["by_design"]
        print(f"\nRecognizers-Text DateTime specs (default options), date entities found with a right value: "
              f"{recognizers['right_value']}/{recognizers['entities']} "
              f"({100 * recognizers['right_value_share']:.1f}%); without the {recognizers['by_design']} "
              f"by-design cases {recognizers['right_value']}/{kept} "
              f"({100 * recognizers['right_value_share_without_by_design']:.1f}%)")
        print("By-design disagreements (listed with the reason):")
        for line in recognizers["by_design_cases"]:
            print("  " + line)
        for line in recognizers["failures"][:args.errors]:
            print("  failed: " + line)
    if "platinum" in results:
        ours = results["platinum"]
        print("\nOn platinum, beside the peers (relaxed F1 / value F1):")
        print(f"  {'this pipeline (measured here)':<44} {ours['relaxed_f1']:.3f} / {ours['value_f1']:.3f}")
        for peer, relaxed, value in PEERS_ON_PLATINUM:
            print(f"  {peer:<44} {relaxed:.3f} / {value:.3f}")
    for name, tally in tallies.items():
        if args.errors:
            for label, items in (("misses", tally.misses), ("false alarms", tally.false_alarms),
                                 ("wrong values", tally.wrong_values)):
                print(f"\n{name}: {len(items)} {label}")
                for line in items[:args.errors]:
                    print("  " + line)
    if args.json:
        payload = dict(results)
        if recognizers is not None:
            payload["recognizers_date"] = {k: v for k, v in recognizers.items()
                                           if k not in ("failures", "by_design_cases")}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
