"""The lab's command line: ``python -m lab eval`` (``make eval``) scores what the pipeline writes
on the bundled corpus, the seed article and the real-news sets of ``../shared``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.__main__ import add_model_options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ev = commands.add_parser("eval", help="score against gold: the bundled corpus and ../shared/seed")
    ev.add_argument("--corpus", default="corpus", help="corpus folder with articles/ and gold.jsonl")
    ev.add_argument("--seed", default="../shared/seed", help="seed folder (skipped when absent)")
    ev.add_argument("--out", default="out/eval", help="where the scored tables are written")
    ev.add_argument("--peers", default="../shared/peers",
                    help="folder with TempEval-3 train, the text of corpus/realnews (skipped when absent)")
    ev.add_argument("--errors", nargs="*", default=(), metavar="SET",
                    help="list the actor attachment errors of these sets (e.g. realnews_tune) on stderr")
    add_model_options(ev)
    args = parser.parse_args(argv)
    from .scoring import run_eval
    print(run_eval(Path(args.corpus), Path(args.seed), Path(args.out), args.spacy_model, args.parse_all,
                   Path(args.peers), tuple(args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
