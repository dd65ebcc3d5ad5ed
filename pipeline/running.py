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
from concurrent.futures import ProcessPoolExecutor
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
    for doc in docs:
        doc.user_data[_FAILED] = f"component {name!r} failed: {error.__class__.__name__}: {error}"


def process(nlp: Language, articles: Sequence[Article], batch_size: int = 32) -> dict[str, DocumentRows]:
    """Run the pipeline over the readable articles; rows per doc_id."""
    nlp.set_error_handler(_record_failure)
    todo = [a for a in articles if a.status == "ok"]
    docs = (make_doc(nlp, a.text or "", a.published) for a in todo)
    results: dict[str, DocumentRows] = {}
    for article, doc in zip(todo, nlp.pipe(docs, batch_size=batch_size)):
        failure = doc.user_data.get(_FAILED)
        if failure:
            results[article.doc_id] = DocumentRows(error=f"{article.path}: {failure}")
            continue
        try:
            results[article.doc_id] = rows_from_doc(article.doc_id, article.published, doc)
        except Exception as err:  # one bad document must not stop the run
            results[article.doc_id] = DocumentRows(error=f"{article.path}: tables failed: {err.__class__.__name__}: {err}")
    return results


_worker_nlp: Language | None = None


def _init_worker(spacy_model: str | None, parse_all: bool) -> None:
    global _worker_nlp
    _worker_nlp = load_nlp(spacy_model=spacy_model, parse_all=parse_all)


def _work(chunk: list[Article], batch_size: int) -> dict[str, DocumentRows]:
    assert _worker_nlp is not None
    return process(_worker_nlp, chunk, batch_size)


def process_parallel(articles: Sequence[Article], workers: int, batch_size: int,
                     spacy_model: str | None = None, parse_all: bool = False) -> dict[str, DocumentRows]:
    """The same as :func:`process`, spread over worker processes by article size."""
    chunks: list[list[Article]] = [[] for _ in range(workers)]
    sizes = [0] * workers
    for article in sorted(articles, key=lambda a: -len(a.text or "")):
        k = sizes.index(min(sizes))
        chunks[k].append(article)
        sizes[k] += len(article.text or "")
    results: dict[str, DocumentRows] = {}
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(spacy_model, parse_all)) as pool:
        for part in pool.map(_work, chunks, [batch_size] * workers):
            results.update(part)
    return results


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
    if workers > 1 and len(readable) > 1:
        results = process_parallel(readable, min(workers, len(readable)), batch_size, spacy_model, parse_all)
    else:
        nlp = nlp or load_nlp(spacy_model=spacy_model, parse_all=parse_all)
        results = process(nlp, readable, batch_size)
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
