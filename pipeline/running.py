"""Running: articles in, tables out, the stages in order.

reading -> spaCy pipeline (``nlp.pipe`` in batches, optionally across worker
processes) -> tables. A document whose processing fails is reported in the
documents table with status ``error`` and the run goes on.
"""
from __future__ import annotations

import platform
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language

from .language import load_nlp, make_doc, resolve_model
from .reading import Article, read_articles
from .tables import SCHEMA_VERSION, DocumentRows, build_tables, rows_from_doc, write_tables

_FAILED = "pipeline_error"


def _record_failure(name: str, component: Any, docs: list, error: Exception) -> Any:
    """spaCy error handler: mark the doc, let the batch go on."""
    for doc in docs or ():  # spaCy's worker processes report a failure with no Docs
        doc.user_data[_FAILED] = f"component {name!r} failed: {error.__class__.__name__}: {error}"


def process(nlp: Language, articles: Sequence[Article], batch_size: int = 32,
            n_process: int = 1) -> dict[str, DocumentRows]:
    """Run the pipeline over the readable articles; rows per doc_id.

    Each Doc travels with its article's position (``as_tuples``), so results are keyed by the
    document, never by their order: spaCy drops a Doc whose component raised, and with worker
    processes (``n_process``, spaCy's own) the order is the workers'. A document that failed,
    or that shared a batch with one that did, is run again alone; if it fails again it becomes
    an error row naming its file, and every other document keeps its own rows."""
    nlp.set_error_handler(_record_failure)
    todo = [a for a in articles if a.status == "ok"]
    rows: dict[int, DocumentRows] = {}
    again: list[int] = []
    left = list(range(len(todo)))
    while left:
        pairs = ((make_doc(nlp, todo[k].text or "", todo[k].published), k) for k in left)
        finished = True
        try:
            for doc, k in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
                if doc.user_data.get(_FAILED):
                    again.append(k)
                else:
                    rows[k] = _rows(todo[k], doc)
        except Exception:
            finished = False
        pending = [k for k in left if k not in rows and k not in again]
        if finished:
            # what the pipe never gave back (a worker process drops the batch it failed on) is
            # run alone below, never lost
            again += pending
            left = []
        else:
            # a component raised through its own pipe(): the first document without rows is the
            # suspect, run alone below; the pipe starts again on the ones after it
            again += pending[:1]
            left = pending[1:]
    for k in again:
        rows[k] = _alone(nlp, todo[k])
    return {todo[k].doc_id: rows[k] for k in sorted(rows)}


def _rows(article: Article, doc) -> DocumentRows:
    try:
        return rows_from_doc(article.doc_id, article.published, doc)
    except Exception as err:  # one bad document must not stop the run
        return DocumentRows(error=f"{article.path}: tables failed: {err.__class__.__name__}: {err}")


def _alone(nlp: Language, article: Article) -> DocumentRows:
    """One document through the pipeline by itself: its rows, or its error."""
    try:
        doc = nlp(make_doc(nlp, article.text or "", article.published))
    except Exception as err:
        return DocumentRows(error=f"{article.path}: {err.__class__.__name__}: {err}")
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
class RunResult:
    tables: dict[str, pd.DataFrame]
    manifest: dict[str, Any]
    files: list[Path]


def extract(inputs: Iterable[str | Path], out_dir: str | Path, reference_date: date | None = None,
            workers: int = 1, batch_size: int = 32, nlp: Language | None = None,
            log: Callable[[str], None] | None = None, spacy_model: str | None = None,
            parse_all: bool = False) -> RunResult:
    """Read the articles under ``inputs``, extract, write the tables to ``out_dir``.

    ``spacy_model``: the statistical pipeline (default the bundled one, ``"none"``
    for the rules alone); ``parse_all``: parse every sentence, not only those
    the attachment rules ask about."""
    log = log or (lambda message: print(message, file=sys.stderr))
    started = time.perf_counter()
    inputs = list(inputs)
    articles = list(read_articles(inputs, reference_date))
    for article in articles:
        if article.status != "ok" or article.error:
            log(f"{article.status}: {article.error}")
    readable = [a for a in articles if a.status == "ok"]
    nlp = nlp or load_nlp(spacy_model=spacy_model, parse_all=parse_all)
    results = process(nlp, readable, batch_size, n_process=min(workers, max(len(readable), 1)))
    for rows in results.values():
        if rows.error:
            log(f"error: {rows.error}")
    tables = build_tables(articles, results)
    documents = tables["documents"]
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "packages": package_versions(),
        "inputs": [str(p) for p in inputs],
        "reference_date": reference_date.isoformat() if reference_date else None,
        "workers": workers,
        "spacy_model": resolve_model(spacy_model),
        "parse_all": parse_all,
        "counts": {
            "documents": int(len(documents)),
            "documents_by_status": {k: int(v) for k, v in documents["status"].value_counts().sort_index().items()},
            "words": int(sum(len((a.text or "").split()) for a in readable)),
            "events": int(len(tables["events"])),
            "mentions": int(len(tables["mentions"])),
        },
        "seconds": round(time.perf_counter() - started, 3),
    }
    files = write_tables(tables, out_dir, manifest)
    return RunResult(tables, manifest, files)
