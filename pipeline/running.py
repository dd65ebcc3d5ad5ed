"""Running: articles in, tables out, in one streaming pass.

reading (lazy, file by file) -> the row cache (an unchanged article is not run again) -> the
spaCy pipeline (``nlp.pipe``; ``n_process`` worker processes, spaCy's own) -> rows -> a part
file per batch of documents -> the datasets and single-file tables, moved into place at the
end (``tables.TableWriter``). Memory holds a batch, not the corpus; the statistical pipeline
is loaded only when some article is not in the cache. A document whose processing fails is
reported in the documents table with status ``error`` and the run goes on.
"""
from __future__ import annotations

import itertools
import logging
import os
import platform
import signal
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .cache import RowCache, pipeline_version
from .reading import Article, InputFields, list_files, read_articles
from .resources import resolve_model
from .tables import FORMATS, SCHEMA_VERSION, DocumentRows, TableWriter, build_tables, rows_from_doc

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger("pipeline")

_FAILED = "pipeline_error"
#: documents per part file (and per cache commit)
PART_DOCUMENTS = 500


#: the longest text run, in characters (spaCy's own default limit); longer ones are an error
MAX_CHARS = 1_000_000
#: wall seconds one document may take before it is an error (``--doc-timeout``)
DOC_TIMEOUT = 300.0


class DocumentTimeout(Exception):
    """A document took longer than its time budget."""


class _Budget:
    """A wall-clock budget by SIGALRM: ``arm(seconds)`` makes the code running when it expires
    raise DocumentTimeout. A no-op where that cannot work: no ``setitimer`` (Windows), not the
    main thread, or worker processes doing the work (the parent only waits on them)."""

    def __init__(self, seconds: float | None, n_process: int) -> None:
        usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self.seconds = seconds if seconds and usable and n_process == 1 else None
        self._previous: Any = None

    def __enter__(self) -> _Budget:
        if self.seconds:
            self._previous = signal.signal(signal.SIGALRM, self._expired)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.seconds:
            self.disarm()
            signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)

    def _expired(self, signum: int, frame: Any) -> None:
        raise DocumentTimeout(f"took longer than --doc-timeout {self.seconds:g} s; not processed")

    def arm(self, documents: int = 1) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, self.seconds * documents)

    def disarm(self) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _record_failure(name: str, component: Any, docs: list, error: Exception) -> Any:
    """spaCy error handler: mark the doc, let the batch go on."""
    for doc in docs or ():  # spaCy's worker processes report a failure with no Docs
        doc.user_data[_FAILED] = str(error) if isinstance(error, DocumentTimeout) else \
            f"component {name!r} failed: {error.__class__.__name__}: {error}"


def process_stream(get_nlp: Callable[[], Language], articles: Iterable[Article],
                   lookup: Callable[[Article], DocumentRows | None] = lambda article: None,
                   batch_size: int = 32, n_process: int = 1, max_chars: int = MAX_CHARS,
                   doc_timeout: float | None = None) -> Iterator[tuple[Article, DocumentRows | None]]:
    """Each article with its rows, in reading order: None for an article not run (skipped or
    unreadable), the cached rows when ``lookup`` has them, else the pipeline's.

    Each Doc travels with its article's position (``as_tuples``), so results are keyed by the
    document, never by their order: spaCy drops a Doc whose component raised, and a worker
    process the batch it failed on. A document that failed, or that went missing, is run again
    alone; if it fails again it becomes an error row naming its file, and every other
    document keeps its own rows. ``get_nlp`` is called once, when the first article needs the
    pipeline. A text over ``max_chars`` characters is an error row; with ``doc_timeout``
    (seconds, one worker) a document that takes longer is one too."""
    with _Budget(doc_timeout, n_process) as budget:
        yield from _stream(get_nlp, articles, lookup, batch_size, n_process, max_chars, budget)


def _stream(get_nlp: Callable[[], Language], articles: Iterable[Article],
            lookup: Callable[[Article], DocumentRows | None], batch_size: int, n_process: int,
            max_chars: int, budget: _Budget) -> Iterator[tuple[Article, DocumentRows | None]]:
    done: dict[int, tuple[Article, DocumentRows | None]] = {}
    todo: dict[int, Article] = {}
    numbered = enumerate(articles)
    next_out = 0

    def uncached() -> Iterator[int]:
        """Positions of the articles to run; the others are done as they are read."""
        for k, article in numbered:
            if article.status != "ok":
                done[k] = (article, None)
                continue
            if len(article.text or "") > max_chars:
                done[k] = (article, DocumentRows(error=f"{article.path}: {len(article.text or ''):,} characters, over "
                                                       f"--max-chars {max_chars:,}; split the text or raise the limit"))
                continue
            rows = lookup(article)
            if rows is not None:
                done[k] = (article, rows)
            else:
                todo[k] = article
                yield k

    def ready() -> Iterator[tuple[Article, DocumentRows | None]]:
        nonlocal next_out
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1

    source = uncached()
    retry: list[int] = []
    while True:
        first = next(itertools.chain(retry[:1], source), None)
        yield from ready()
        if first is None:
            break
        pending = itertools.chain([first], retry[1:], source)
        retry = []
        from .language import make_doc  # spaCy, once something is to be run

        nlp = get_nlp()
        nlp.max_length = max(nlp.max_length, max_chars)
        nlp.set_error_handler(_record_failure)
        in_flight: deque[int] = deque()

        def run_alone(k: int, nlp: Language = nlp) -> None:
            article = todo.pop(k)
            done[k] = (article, _alone(nlp, article, budget))

        def docs(nlp: Language = nlp, pending: Iterator[int] = pending,
                 in_flight: deque[int] = in_flight) -> Iterator[tuple[Any, int]]:
            for k in pending:
                try:
                    doc = make_doc(nlp, todo[k].text or "", todo[k].published)
                except Exception as err:  # the tokenizer refused it: that document's error
                    article = todo.pop(k)
                    done[k] = (article, DocumentRows(error=f"{article.path}: {err.__class__.__name__}: {err}"))
                    continue
                in_flight.append(k)
                yield doc, k

        try:
            # the next document may need its whole batch run first
            budget.arm(batch_size)
            for doc, k in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
                budget.disarm()
                while in_flight and in_flight[0] != k:  # dropped by a worker: run alone
                    run_alone(in_flight.popleft())
                if in_flight:
                    in_flight.popleft()
                if doc.user_data.get(_FAILED):
                    run_alone(k)
                else:
                    article = todo.pop(k)
                    done[k] = (article, _rows(article, doc))
                yield from ready()
                budget.arm(batch_size)
            budget.disarm()
        except Exception:
            # a component raised through its own pipe() (or the budget ran out in one): the first
            # document without rows is the suspect, run alone; the pipe starts again after it
            budget.disarm()
            if in_flight:
                run_alone(in_flight.popleft())
            retry = list(in_flight)
            continue
        for lost in in_flight:  # what the pipe never gave back
            run_alone(lost)
        yield from ready()
        break
    yield from ready()


def process(nlp: Language, articles: Sequence[Article], batch_size: int = 32,
            n_process: int = 1) -> dict[str, DocumentRows]:
    """Run the pipeline over the readable articles; rows per doc_id (all in memory: for a
    caller's own list of articles; ``extract`` streams)."""
    return {article.doc_id: rows for article, rows in
            process_stream(lambda: nlp, articles, batch_size=batch_size, n_process=n_process) if rows is not None}


def _rows(article: Article, doc) -> DocumentRows:
    try:
        return rows_from_doc(article.doc_id, article.published, doc)
    except Exception as err:  # one bad document must not stop the run
        return DocumentRows(error=f"{article.path}: tables failed: {err.__class__.__name__}: {err}")


def _alone(nlp: Language, article: Article, budget: _Budget | None = None) -> DocumentRows:
    """One document through the pipeline by itself: its rows, or its error."""
    from .language import make_doc

    try:
        if budget is not None:
            budget.arm()
        doc = nlp(make_doc(nlp, article.text or "", article.published))
    except DocumentTimeout as late:
        return DocumentRows(error=f"{article.path}: {late}")
    except Exception as err:
        return DocumentRows(error=f"{article.path}: {err.__class__.__name__}: {err}")
    finally:
        if budget is not None:
            budget.disarm()
    failure = doc.user_data.get(_FAILED)
    return DocumentRows(error=f"{article.path}: {failure}") if failure else _rows(article, doc)


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in ("spacy", "dateparser", "word2number", "pandas", "pyarrow", "spacy-lookups-data"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    from . import __version__
    versions["pipeline"] = __version__
    return versions


@dataclass
class RunSummary:
    """What a run did, counted as it went (the closing summary and run.json's ``counts``)."""

    documents: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    words: int = 0
    events: int = 0
    mentions: int = 0
    from_cache: int = 0
    undated: int = 0
    undated_dates_unresolved: int = 0

    def add_batch(self, tables: dict[str, pd.DataFrame], cached: int) -> None:
        documents = tables["documents"]
        self.documents += len(documents)
        for status, n in documents["status"].value_counts().items():
            self.by_status[str(status)] = self.by_status.get(str(status), 0) + int(n)
        self.events += len(tables["events"])
        self.mentions += len(tables["mentions"])
        self.from_cache += cached
        undated = documents[(documents["status"] == "ok") & documents["published"].isna()]["doc_id"]
        self.undated += len(undated)
        if len(undated):
            mentions = tables["mentions"]
            dates = mentions[(mentions["label"] == "DATE") & mentions["doc_id"].isin(set(undated))]
            self.undated_dates_unresolved += int(dates["date_start"].isna().sum())


@dataclass
class RunResult:
    manifest: dict[str, Any]
    files: list[Path]
    out: Path
    exit_status: int = 0

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables as written (read back from the output folder when asked)."""
        tables = {}
        for name in ("events", "mentions", "documents", "claims"):
            single, dataset = self.out / f"{name}.parquet", self.out / name
            if single.exists() or dataset.is_dir():
                tables[name] = pd.read_parquet(single if single.exists() else dataset)
        return tables


#: exit statuses of ``python -m pipeline extract`` (README, "Command line")
EXIT_OK, EXIT_DOCUMENT_ERRORS, EXIT_FAILED = 0, 1, 2


def extract(inputs: Iterable[str | Path], out_dir: str | Path, reference_date: date | None = None,
            workers: int = 1, batch_size: int = 32, nlp: Language | None = None,
            log: Callable[[str], None] | None = None, spacy_model: str | None = None,
            parse_all: bool = False, *, fields: InputFields | None = None, include: Sequence[str] = (),
            exclude: Sequence[str] = (), formats: Sequence[str] = FORMATS, cache: bool | str | Path = True,
            progress: bool | None = None, max_chars: int = MAX_CHARS,
            doc_timeout: float | None = DOC_TIMEOUT) -> RunResult:
    """Read the articles under ``inputs``, extract, write the tables to ``out_dir``.

    ``spacy_model``: the statistical pipeline (default the bundled one, ``"none"`` for the
    rules alone); ``parse_all``: parse every sentence, not only those the attachment rules ask
    about; ``fields``: the record fields holding id, text and date; ``include``/``exclude``:
    file name globs; ``formats``: among ``dataset``, ``parquet``, ``csv``; ``cache``: keep
    each document's rows in ``OUT/.cache`` (or the path given) so that a re-run redoes only
    what changed; ``progress``: a progress bar on stderr (default: when it is a terminal);
    ``max_chars``: longer texts are errors; ``doc_timeout``: seconds a document may take (one
    worker; None for no limit).
    ``log``: where messages go (default the ``pipeline`` logger)."""
    say = log or logger.info
    warn = log or logger.warning
    started = time.perf_counter()
    paths = [Path(p) for p in ([inputs] if isinstance(inputs, (str, Path)) else inputs)]  # one path, not its characters
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out}: --out is a file, not a folder")
    if batch_size < 1 or workers < 1:
        raise ValueError(f"batch_size and workers must be at least 1 (got {batch_size}, {workers})")
    for item in paths:
        if not item.exists():
            raise FileNotFoundError(f"{item}: no such file or folder")
        if item.is_dir() and out.resolve() == item.resolve():
            raise ValueError(f"{out}: --out is an input folder; the tables would be read as articles")
    if max_chars < 1 or (doc_timeout is not None and doc_timeout <= 0):
        raise ValueError(f"max_chars and doc_timeout must be positive (got {max_chars}, {doc_timeout})")
    cores = os.cpu_count() or 1
    if workers > cores:
        warn(f"--workers {workers} on {cores} cores: using {cores}")
        workers = cores
    model = "custom" if nlp is not None else resolve_model(spacy_model)
    run_id = uuid.uuid4().hex[:12]
    writer = TableWriter(out, formats, run_id)
    rows_cache = None
    if cache:
        config = nlp.config.to_str() if nlp is not None else ""
        version = pipeline_version(model or "none", parse_all, config)
        rows_cache = RowCache(Path(cache) if not isinstance(cache, bool) else out / ".cache" / "rows.sqlite",
                              version, run_id)
    loaded: list[Language] = [nlp] if nlp is not None else []

    def get_nlp() -> Language:
        if not loaded:
            from .language import load_nlp
            loaded.append(load_nlp(spacy_model=spacy_model, parse_all=parse_all))
        return loaded[0]

    keys: dict[int, str] = {}  # the cache key of each article on its way, by id()
    hits: set[int] = set()

    def lookup(article: Article) -> DocumentRows | None:
        if rows_cache is None:
            return None
        key = rows_cache.key(article)
        found = rows_cache.get(key)
        if found is None:
            keys[id(article)] = key
        else:
            hits.add(id(article))
        return found

    summary = RunSummary()
    bar = _progress_bar(paths, out, progress)
    try:
        articles = read_articles(paths, reference_date, fields or InputFields(), include, exclude, skip=[out])
        batch: list[tuple[Article, DocumentRows | None]] = []
        cached_in_batch = 0
        for article, rows in process_stream(get_nlp, articles, lookup, batch_size, n_process=workers,
                                            max_chars=max_chars, doc_timeout=doc_timeout):
            key = keys.pop(id(article), None)
            if id(article) in hits:
                hits.discard(id(article))
                cached_in_batch += 1
            elif rows is not None and rows.error is None and rows_cache is not None and key is not None:
                rows_cache.put(key, rows)  # errors are not kept: they are tried again next run
            _report(article, rows, warn)
            summary.words += len((article.text or "").split()) if article.status == "ok" else 0
            batch.append((article, rows))
            if bar is not None:
                bar.update(1)
            if len(batch) >= PART_DOCUMENTS:
                _flush(batch, writer, summary, cached_in_batch, rows_cache)
                batch, cached_in_batch = [], 0
        _flush(batch, writer, summary, cached_in_batch, rows_cache)
        seconds = round(time.perf_counter() - started, 3)
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "run_id": run_id,
            "packages": package_versions(),
            "inputs": [str(p) for p in paths],
            "reference_date": reference_date.isoformat() if reference_date else None,
            "workers": workers,
            "spacy_model": model,
            "parse_all": parse_all,
            "formats": list(formats),
            "counts": {
                "documents": summary.documents,
                "documents_by_status": dict(sorted(summary.by_status.items())),
                "words": summary.words,
                "events": summary.events,
                "mentions": summary.mentions,
                "documents_from_cache": summary.from_cache,
                "documents_without_reference_date": summary.undated,
                "dates_unresolved_without_reference_date": summary.undated_dates_unresolved,
            },
            "seconds": seconds,
        }
        files = writer.finish(manifest)
        if rows_cache is not None:
            rows_cache.prune()  # a finished run: what it did not use goes
    except BaseException:
        writer.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
        if rows_cache is not None:
            rows_cache.close()
    errors = summary.by_status.get("error", 0)
    _summarize(summary, files, seconds, say)
    return RunResult(manifest, files, out, EXIT_DOCUMENT_ERRORS if errors else EXIT_OK)


def _flush(batch: list[tuple[Article, DocumentRows | None]], writer: TableWriter, summary: RunSummary,
           cached: int, rows_cache: RowCache | None) -> None:
    if not batch:
        return
    tables = build_tables([a for a, _ in batch], {a.doc_id: r for a, r in batch if r is not None})
    writer.write(tables)
    summary.add_batch(tables, cached)
    if rows_cache is not None:
        rows_cache.commit()  # what this batch computed survives a kill from here on


def _report(article: Article, rows: DocumentRows | None, warn: Callable[[str], None]) -> None:
    if article.status != "ok" or article.error:
        warn(f"{article.status}: {article.error}")
    if rows is not None and rows.error:
        warn(f"error: {rows.error}")
    if article.status == "ok" and article.published is None:
        warn(f"{article.path}: no reference date (none in the record, front matter, file name or "
             f"dateline, and no --reference-date): its relative dates stay unresolved")


def _summarize(summary: RunSummary, files: list[Path], seconds: float, say: Callable[[str], None]) -> None:
    statuses = ", ".join(f"{n} {status}" for status, n in sorted(summary.by_status.items())) or "none"
    say(f"{summary.documents} documents ({statuses}; {summary.from_cache} from the cache), "
        f"{summary.mentions} mentions, {summary.events} events in {seconds} s")
    if summary.undated:
        say(f"{summary.undated} documents without a reference date: {summary.undated_dates_unresolved} "
            f"of their dates left unresolved")
    if files:
        say(f"wrote {files[0].parent}/: " + " ".join(p.name + ("/" if p.is_dir() else "") for p in files))


def _progress_bar(inputs: Sequence[Path], out: Path, progress: bool | None):
    """tqdm on stderr: over documents, its total the number of files when each holds one."""
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    from tqdm import tqdm

    files = list_files(inputs, [out])
    one_each = all(path.suffix.lower() != ".jsonl" for path, _ in files)
    return tqdm(total=len(files) if one_each else None, unit="doc", desc="extract", file=sys.stderr,
                dynamic_ncols=True, mininterval=0.5)
