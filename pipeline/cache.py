"""Each document's rows, kept between runs: a re-run redoes only the articles that changed,
and a run killed midway resumes where it stopped.

A row set is found by its key: the document's id, text and reference date, and the version of
everything else that shapes its rows (this package's code and language data, the statistical
model and its options, spaCy's version). Anything changed gives another key, so a stale row
set is never read. The store is one SQLite file (``OUT/.cache/rows.sqlite`` by default):
transactions, so a run killed mid-write loses at most its last batch, and one file however
many documents. A finished run drops the entries it did not use, so the cache stays the size
of the last corpus. Values are pickled: the cache is this tool's own file in the user's output
folder, never input.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
from importlib import metadata
from pathlib import Path

from .reading import Article
from .resources import MODELS_DIR, PACKAGE_DIR, PATTERNS_DIR
from .tables import SCHEMA_VERSION, DocumentRows


def pipeline_version(spacy_model: str, parse_all: bool, config: str = "") -> str:
    """A digest of what the rows depend on besides the article: the package's code, config and
    language data, the model (name and installed version), the options, spaCy's version."""
    digest = hashlib.sha256()
    files = sorted(PACKAGE_DIR.glob("*.py")) + [PACKAGE_DIR / "config.cfg"] + sorted(PATTERNS_DIR.glob("*.yml")) \
        + [MODELS_DIR / "actors.yml", MODELS_DIR / "actors_open.json"]
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\x1f")
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    try:
        model_version = metadata.version(spacy_model)
    except (metadata.PackageNotFoundError, ValueError):
        model_version = ""
    for part in (SCHEMA_VERSION, metadata.version("spacy"), spacy_model, model_version, str(parse_all), config):
        digest.update(b"\x1e" + part.encode("utf-8"))
    return digest.hexdigest()[:32]


class RowCache:
    """Row sets by key in one SQLite file; ``commit`` after each batch."""

    def __init__(self, path: str | Path, version: str, run_id: str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.version = version
        self.run_id = run_id
        # another run on the same folder waits for the lock rather than failing at once
        self.db = sqlite3.connect(self.path, timeout=60)
        self.db.execute("CREATE TABLE IF NOT EXISTS rows (key TEXT PRIMARY KEY, run TEXT, rows BLOB)")
        self.hits = 0
        self.stored = 0

    def key(self, article: Article) -> str:
        digest = hashlib.sha256()
        published = article.published.isoformat() if article.published else ""
        for part in (self.version, article.doc_id, published, article.text or ""):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\x1f")
        return digest.hexdigest()

    def get(self, key: str) -> DocumentRows | None:
        found = self.db.execute("SELECT rows FROM rows WHERE key = ?", (key,)).fetchone()
        if found is None:
            return None
        try:
            rows = pickle.loads(found[0])
        except Exception:  # a damaged entry is a miss; it is computed and stored again
            return None
        if not isinstance(rows, DocumentRows):
            return None
        self.db.execute("UPDATE rows SET run = ? WHERE key = ?", (self.run_id, key))  # still in use
        self.hits += 1
        return rows

    def put(self, key: str, rows: DocumentRows) -> None:
        self.db.execute("INSERT OR REPLACE INTO rows (key, run, rows) VALUES (?, ?, ?)",
                        (key, self.run_id, pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)))
        self.stored += 1

    def commit(self) -> None:
        self.db.commit()

    def prune(self) -> int:
        """Drop the entries this run did not use (after a run that read all its inputs)."""
        dropped = self.db.execute("DELETE FROM rows WHERE run IS NOT ?", (self.run_id,)).rowcount
        self.db.commit()
        return dropped

    def close(self) -> None:
        self.db.commit()
        self.db.close()
