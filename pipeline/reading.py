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
import os
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

#: front matter longer than this is not parsed (a YAML block of 64 KiB is no article's header)
FRONT_MATTER_MAX_CHARS = 65_536


class _NoAliasLoader(yaml.SafeLoader):
    """YAML's safe loader without anchors and aliases: 428 bytes of nested aliases expand to
    gigabytes (a "billion laughs"); no article header needs them. (The Python loader: libyaml's
    composes nodes in C, past this check.)"""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases are not allowed in front matter",
                                              event.start_mark)
        return super().compose_node(parent, index)


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


def _unencodable(text: str) -> str | None:
    """The first character UTF-8 cannot encode (a lone surrogate), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return text[err.start]
    return None


def _printable(text: str) -> str:
    """Text with lone surrogates replaced, fit for a table cell and a message (a file name's
    undecodable bytes, which Python holds as surrogate escapes, become U+FFFD)."""
    if _unencodable(text) is None:
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def decode(data: bytes, path: str) -> str:
    """UTF-8 (BOM tolerated), or UTF-16 with its BOM; binary or undecodable bytes raise with
    file and line."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 says so with its BOM (and is full of NULs)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{path}:1: not valid UTF-16 (at byte offset {err.start})") from None
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
        if len(match.group(1)) > FRONT_MATTER_MAX_CHARS:
            article.note(f"{rel}:1: front matter of {len(match.group(1)):,} characters (over "
                         f"{FRONT_MATTER_MAX_CHARS:,}); ignored")
        else:
            try:
                loaded = yaml.load(match.group(1), Loader=_NoAliasLoader)  # noqa: S506  # safe, no aliases
                front = loaded if isinstance(loaded, dict) else {}
            except (yaml.YAMLError, RecursionError) as err:
                reason = "nested too deep" if isinstance(err, RecursionError) else \
                    getattr(err, "problem", None) or err.__class__.__name__
                article.note(f"{rel}:1: front matter is not valid YAML ({reason}); ignored")
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
    bad = _unencodable(text) or _unencodable(doc_id)
    if bad is not None:  # JSON's \ud800 escapes decode to text no file can hold
        return Article(_printable(doc_id), rel, None, status="error",
                       error=f"{where}: a lone surrogate (\\u{ord(bad):04x}) in the record; not valid Unicode text")
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
    except RecursionError:
        return [Article(path.stem, rel, None, status="error", error=f"{rel}:1: malformed JSON (nested too deep)")]
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
    """Files under the inputs, recursively, in a stable order (``walk_inputs`` without the
    entries that are not files to read)."""
    return [(path, rel) for path, rel, problem in walk_inputs(inputs, skip) if problem is None]


def walk_inputs(inputs: Iterable[str | Path], skip: Sequence[Path] = ()) -> list[tuple[Path, str, str | None]]:
    """Every entry under the inputs, recursively, in a stable order, each with what keeps it
    from being read (None: nothing): a hidden file or folder (``.git``: not descended), a
    broken symbolic link, a folder that cannot be read. Folders in ``skip`` (the run's own
    output folder when it lies inside an input) are left out."""
    found: list[tuple[Path, str, str | None]] = []
    skipped = [p.resolve() for p in skip]
    for item in inputs:
        root = Path(item)
        if root.is_dir():
            found += _walk(root, skipped)
        elif root.is_file():
            found.append((root, _printable(root.name), None))
        else:
            raise FileNotFoundError(f"{root}: no such file or folder")
    return found


def _walk(root: Path, skipped: list[Path]) -> list[tuple[Path, str, str | None]]:
    entries: list[tuple[Path, str, str | None]] = []
    unreadable: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable.append):
        here = Path(folder)
        dirs.sort()
        for name in list(dirs):
            path = here / name
            if skipped and any(path.resolve() == s for s in skipped):
                dirs.remove(name)
            elif name.startswith("."):
                dirs.remove(name)
                entries.append((path, _rel(root, path), "hidden folder; not read"))
        for name in files:
            path = here / name
            if name.startswith("."):
                entries.append((path, _rel(root, path), "hidden file; not read"))
            elif path.is_symlink() and not path.exists():
                entries.append((path, _rel(root, path), "broken symbolic link; not read"))
            elif path.is_file():
                entries.append((path, _rel(root, path), None))
    for err in unreadable:
        path = Path(err.filename) if err.filename else root
        if path != root:
            entries.append((path, _rel(root, path), f"cannot read folder ({err.strerror})"))
    return sorted(entries, key=lambda e: e[1])


def _rel(root: Path, path: Path) -> str:
    # a name that is not UTF-8 comes as surrogate escapes: shown with replacement characters
    return _printable(str(Path(root.name) / path.relative_to(root)))


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
    for path, rel, problem in walk_inputs(inputs, skip):
        if problem is not None:
            status = "skipped" if "hidden" in problem else "error"
            yield Article(_printable(path.stem), rel, None, status=status, error=f"{rel}: {problem}")
            continue
        if _unencodable(str(path)) is not None:  # the name is not UTF-8: the article cannot be named
            yield Article(_printable(path.stem), rel, None, status="error",
                          error=f"{rel}: file name is not valid UTF-8; rename the file")
            continue
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
