"""Batch runs at scale (``make bench``; ``python -m lab.bench_scale --peers ../shared/peers``):
CPU time and peak memory of ``python -m pipeline extract`` as the corpus grows, and what the
row cache saves on a re-run.

The corpus is the 256 TempEval-3 train texts (real news, about 86k words) written as one .jsonl
(``--date-field dct``), repeated 1x, 4x and 16x with distinct ids. Each run is a child process
timed by the operating system (``os.wait4``: user + system CPU seconds and peak resident
memory), so start-up and writing the tables are counted, as a user pays them. Rows:

* the rules alone (``--spacy-model none``) at 1x, 4x, 16x, no cache: does memory stay flat?
* the default pipeline at 1x: a first run, the same run again (every article from the cache),
  and a run after one article was edited.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _write_corpus(records: list[dict], copies: int, path: Path) -> int:
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for record in records:
                handle.write(json.dumps({"id": f"{record['doc_id']}#{copy}", "dct": record["dct"],
                                         "text": record["text"]}) + "\n")
                words += len(record["text"].split())
    return words


def _run(args: list[str]) -> tuple[float, float, int]:
    """CPU seconds, peak MiB and exit status of one ``python -m pipeline extract`` child."""
    child = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", *args, "-q"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise RuntimeError(f"extract failed: {child.stderr.read().decode()[-2000:] if child.stderr else ''}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--peers", default="../shared/peers")
    parser.add_argument("--copies", default="1,4,16", help="corpus sizes for the memory rows")
    args = parser.parse_args(argv)
    source = Path(args.peers) / "tempeval3_train.jsonl"
    if not source.exists():
        print(f"{source} not found: scale not measured")
        return 0
    records = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    scratch = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        print(f"Batch runs on real news ({source}, {len(records)} texts), python -m pipeline extract "
              f"as a child process:")
        print(f"{'run':52} {'words':>10} {'CPU s':>8} {'words/CPU-s':>12} {'peak MiB':>9}")
        peaks = {}
        for copies in [int(c) for c in args.copies.split(",")]:
            corpus = scratch / f"news-{copies}x.jsonl"
            words = _write_corpus(records, copies, corpus)
            cpu, peak, _ = _run([str(corpus), "--out", str(scratch / f"out-{copies}"), "--date-field", "dct",
                                 "--spacy-model", "none", "--no-cache"])
            peaks[copies] = peak
            shutil.rmtree(scratch / f"out-{copies}")
            print(f"{f'rules alone, {copies}x, no cache':52} {words:10,} {cpu:8.1f} {words / cpu:12,.0f} {peak:9.0f}")
            corpus.unlink()
        if len(peaks) > 1:
            low, high = min(peaks), max(peaks)
            print(f"peak memory at {high}x is {peaks[high] / peaks[low]:.2f}x that at {low}x")
        corpus = scratch / "news.jsonl"
        words = _write_corpus(records, 1, corpus)
        out = scratch / "out"
        first, peak, _ = _run([str(corpus), "--out", str(out), "--date-field", "dct"])
        print(f"{'default pipeline, first run (cache filled)':52} {words:10,} {first:8.1f} {words / first:12,.0f} {peak:9.0f}")
        again, peak, _ = _run([str(corpus), "--out", str(out), "--date-field", "dct"])
        print(f"{'default pipeline, unchanged re-run (from the cache)':52} {words:10,} {again:8.1f} {'':>12} {peak:9.0f}")
        lines = corpus.read_text(encoding="utf-8").splitlines()
        edited = json.loads(lines[0])
        edited["text"] = edited["text"].replace("Friday", "Saturday", 1) + "\nOfficials said 12 more died."
        lines[0] = json.dumps(edited)
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        one, peak, _ = _run([str(corpus), "--out", str(out), "--date-field", "dct"])
        print(f"{'default pipeline, one article edited':52} {words:10,} {one:8.1f} {'':>12} {peak:9.0f}")
        print(f"unchanged re-run: {again / first:.1%} of the first run's CPU; one edited: {one / first:.1%}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
