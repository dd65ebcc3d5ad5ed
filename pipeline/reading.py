"""Reading: a folder (or files) of articles in, one Article per article out.

Accepted: ``.txt`` and ``.md`` (one article per file, optional YAML front
matter), ``.json`` (one article object) and ``.jsonl`` (one per line).
Every input gives at least one Article, so every file shows up in the
documents table: unreadable, empty or malformed input is an Article with
status ``error`` and a message naming the file and line; other file types
are ``skipped``.

The reference date for relative expressions, first found wins (recorded as
``published_from``): the record's own field, front matter ``published:``,
a ``YYYY-MM-DD`` in the file name, the caller's ``--reference-date``, a
dated dateline in the first line. None found: None, never the clock.

Offsets downstream are into ``Article.text``, the decoded file as read;
front matter is blanked with spaces (newlines kept) so that offsets still
point into the file.
"""
from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".jsonl"}
TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("published", "date", "published_at")
ID_KEYS = ("id", "doc_id")
#: files under an input folder that are not articles unless included by name
DEFAULT_EXCLUDE = ("README*", "LICENSE*", "CHANGELOG*")


@dataclass(frozen=True)
class InputFields:
    """Which fields of a JSON record (or front matter) hold the id, the text and the reference
    date; None: the usual names (``id``/``doc_id``, ``text``/``body``/``content``,
    ``published``/``date``/``published_at``). TempEval-3 keeps its date in ``dct``, GDELT in
    ``SQLDATE`` (``YYYYMMDD``)."""

    id: str | None = None
    text: str | None = None
    date: str | None = None

    @property
    def id_keys(self) -> tuple[str, ...]:
        return (self.id,) if self.id else ID_KEYS

    @property
    def text_keys(self) -> tuple[str, ...]:
        return (self.text,) if self.text else TEXT_KEYS

    @property
    def date_keys(self) -> tuple[str, ...]:
        return (self.date,) if self.date else DATE_KEYS

_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'’-]{1,40},\s*(?:[A-Z][A-Za-z .'’-]{1,30},\s*)?"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})|\d{4}-\d{2}-\d{2})"
)


@dataclass
class Article:
    doc_id: str
    path: str
    text: str | None
    published: date | None = None
    published_from: str | None = None
    title: str | None = None
    url: str | None = None
    status: str = "ok"  # ok, skipped, error
    error: str | None = None

    def note(self, message: str) -> None:
        self.error = message if not self.error else f"{self.error}; {message}"


class InputError(Exception):
    """Bad input; the message names the file and line."""


def parse_date(value: Any) -> date | None:
    """ISO date or datetime (string, date or datetime), or a GDELT-style ``YYYYMMDD`` (string
    or integer) -> date; None if unparseable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) == 8 and text.isdigit():
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def decode(data: bytes, path: str) -> str:
    """UTF-8 (BOM tolerated); binary or undecodable bytes raise with file and line."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data[:nul].count(b"\n") + 1
        raise InputError(f"{path}:{line}: binary file (NUL byte at offset {nul}), not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from None


def dateline_date(text: str) -> date | None:
    """A full date in a dateline on the first non-empty line ("KYIV, May 24, 2025 -")."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    match = _DATELINE.match(first[:120])
    if not match:
        return None
    raw = match.group("date").replace(".", "")
    for fmt in ("%B %d %Y", "%B %d, %Y", "%b %d %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%d %B, %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def _resolve_published(article: Article, record_value: Any, front_value: Any, file_name: str,
                       reference_date: date | None, where: str) -> None:
    for source, value in (("record", record_value), ("front_matter", front_value)):
        if value in (None, ""):
            continue
        parsed = parse_date(value)
        if parsed is None:
            article.note(f"{where}: unrecognized published date {value!r} ignored")
            continue
        article.published, article.published_from = parsed, source
        return
    match = _FILENAME_DATE.search(file_name)
    if match:
        parsed = parse_date(match.group(0))
        if parsed is not None:
            article.published, article.published_from = parsed, "filename"
            return
    if reference_date is not None:
        article.published, article.published_from = reference_date, "cli"
        return
    parsed = dateline_date(article.text or "")
    if parsed is not None:
        article.published, article.published_from = parsed, "dateline"


def _check_text(article: Article, where: str) -> None:
    if article.text is None or not article.text.strip():
        article.status, article.text = "error", article.text or ""
        article.note(f"{where}: empty article (no text)")


def _read_text_file(path: Path, rel: str, raw: str, reference_date: date | None,
                    fields: InputFields = InputFields()) -> Article:
    article = Article(doc_id=path.stem, path=rel, text=raw)
    front: dict[str, Any] = {}
    match = _FRONT_MATTER.match(raw)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
            front = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError as err:
            article.note(f"{rel}:1: front matter is not valid YAML ({err.__class__.__name__}); ignored")
        # blank the block so offsets still point into the file
        article.text = re.sub(r"[^\n]", " ", match.group(0)) + raw[match.end():]
        article.doc_id = str(next((front[k] for k in fields.id_keys if front.get(k) not in (None, "")),
                                  article.doc_id))
        article.title = front.get("title")
        article.url = front.get("url")
    front_date = next((front[k] for k in fields.date_keys if front.get(k) not in (None, "")), None)
    _resolve_published(article, None, front_date, path.name, reference_date, f"{rel}:1")
    _check_text(article, f"{rel}:1")
    return article


def _article_from_record(record: Any, path: Path, rel: str, line: int | None,
                         reference_date: date | None, fields: InputFields = InputFields()) -> Article:
    where = f"{rel}:{line or 1}"
    fallback_id = path.stem if line is None else f"{path.stem}-{line}"
    if not isinstance(record, dict):
        return Article(fallback_id, rel, None, status="error",
                       error=f"{where}: not an article object (got {type(record).__name__})")
    doc_id = str(next((record[k] for k in fields.id_keys if record.get(k) not in (None, "")), fallback_id))
    text_key = next((k for k in fields.text_keys if k in record), None)
    if text_key is None:
        return Article(doc_id, rel, None, status="error",
                       error=f"{where}: no article text (expected {' or '.join(repr(k) for k in fields.text_keys)})")
    text = record[text_key]
    if not isinstance(text, str):
        return Article(doc_id, rel, None, status="error", error=f"{where}: field {text_key!r} is not a string")
    article = Article(doc_id, rel, text, title=record.get("title"), url=record.get("url"))
    record_date = next((record[k] for k in fields.date_keys if record.get(k) not in (None, "")), None)
    _resolve_published(article, record_date, None, path.name, reference_date, where)
    _check_text(article, where)
    return article


def read_file(path: Path, rel: str, reference_date: date | None = None,
              fields: InputFields = InputFields()) -> Iterator[Article]:
    """The articles of one file; a .jsonl file is read line by line (a big one is never held
    whole, and a bad line costs only itself)."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | JSON_SUFFIXES:
        yield Article(path.stem, rel, None, status="skipped",
                      error=f"{rel}: unsupported file type {suffix or '(none)'}; not read")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, rel, reference_date, fields)
        return
    yield from _read_whole_file(path, rel, suffix, reference_date, fields)


def _read_whole_file(path: Path, rel: str, suffix: str, reference_date: date | None,
                     fields: InputFields) -> list[Article]:
    try:
        raw = decode(path.read_bytes(), rel)
    except InputError as err:
        return [Article(path.stem, rel, None, status="error", error=str(err))]
    except OSError as err:
        return [Article(path.stem, rel, None, status="error", error=f"{rel}:1: cannot read ({err.strerror})")]
    if suffix in TEXT_SUFFIXES:
        return [_read_text_file(path, rel, raw, reference_date, fields)]
    if not raw.strip():
        return [Article(path.stem, rel, "", status="error", error=f"{rel}:1: empty file")]
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as err:
        return [Article(path.stem, rel, None, status="error", error=f"{rel}:{err.lineno}: malformed JSON ({err.msg})")]
    return [_article_from_record(record, path, rel, None, reference_date, fields)]


def _read_jsonl(path: Path, rel: str, reference_date: date | None, fields: InputFields) -> Iterator[Article]:
    found = False
    try:
        handle = path.open("rb")
    except OSError as err:
        yield Article(path.stem, rel, None, status="error", error=f"{rel}:1: cannot read ({err.strerror})")
        return
    with handle:
        for number, data in enumerate(handle, start=1):
            if not data.strip():
                continue
            found = True
            try:
                line = decode(data[3:] if number == 1 and data.startswith(b"\xef\xbb\xbf") else data, rel)
            except InputError as err:  # the message counts lines from this line: name the file's
                yield Article(f"{path.stem}-{number}", rel, None, status="error",
                              error=str(err).replace(f"{rel}:1:", f"{rel}:{number}:", 1))
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as err:
                reason = err.msg if isinstance(err, json.JSONDecodeError) else "nested too deep"
                yield Article(f"{path.stem}-{number}", rel, None, status="error",
                              error=f"{rel}:{number}: malformed JSON line ({reason})")
                continue
            yield _article_from_record(record, path, rel, number, reference_date, fields)
    if not found:
        yield Article(path.stem, rel, "", status="error", error=f"{rel}:1: empty file (no JSON lines)")


def list_files(inputs: Iterable[str | Path], skip: Sequence[Path] = ()) -> list[tuple[Path, str]]:
    """Files under the inputs, recursively, in a stable order; hidden files skipped, and any
    folder in ``skip`` (the run's own output folder when it lies inside an input)."""
    found: list[tuple[Path, str]] = []
    skipped = [p.resolve() for p in skip]
    for item in inputs:
        root = Path(item)
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                rel = path.relative_to(root)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if skipped and any(path.resolve().is_relative_to(s) for s in skipped):
                    continue
                found.append((path, str(Path(root.name) / rel)))
        elif root.is_file():
            found.append((root, root.name))
        else:
            raise FileNotFoundError(f"{root}: no such file or folder")
    return found


def excluded(rel: str, include: Sequence[str], exclude: Sequence[str],
             default_exclude: Sequence[str] = DEFAULT_EXCLUDE) -> str | None:
    """The pattern that keeps a file out, or None. Patterns match the file's name or its path
    below the input (``*.txt``, ``drafts/*``); an include names what is read, an exclude what
    is not; the default excludes (README, LICENSE, CHANGELOG) yield to an include that
    matches."""
    parts = Path(rel).parts
    name, below = parts[-1], "/".join(parts[1:]) if len(parts) > 1 else parts[-1]

    def hits(pattern: str) -> bool:
        return fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(below, pattern)

    if include and not any(hits(p) for p in include):
        return f"not matched by --include {' '.join(include)}"
    pattern = next((p for p in exclude if hits(p)), None)
    if pattern is None and not any(hits(p) for p in include):
        pattern = next((p for p in default_exclude if hits(p)), None)
    return None if pattern is None else f"excluded by {pattern!r}"


def read_articles(inputs: Iterable[str | Path], reference_date: date | None = None,
                  fields: InputFields = InputFields(), include: Sequence[str] = (),
                  exclude: Sequence[str] = (), skip: Sequence[Path] = ()) -> Iterator[Article]:
    """Every article under the inputs, read lazily; doc_ids made unique in reading order. A
    file kept out by ``include``/``exclude`` is a ``skipped`` row saying which pattern."""
    seen: dict[str, str] = {}
    for path, rel in list_files(inputs, skip):
        reason = excluded(rel, include, exclude) if Path(rel).parent != Path(".") else None
        if reason is not None:  # a file named on the command line is always read
            yield Article(path.stem, rel, None, status="skipped", error=f"{rel}: {reason}; not read")
            continue
        for article in read_file(path, rel, reference_date, fields):
            if article.doc_id in seen:
                original = article.doc_id
                n = 2
                while f"{original}~{n}" in seen:
                    n += 1
                article.doc_id = f"{original}~{n}"
                article.note(f"{rel}: doc_id {original!r} already used by {seen[original]}; renamed {article.doc_id!r}")
            seen[article.doc_id] = rel
            yield article
