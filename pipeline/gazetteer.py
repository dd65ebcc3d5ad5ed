"""The open-data actor gazetteer: ``models/actors_open.json`` matched on token sequences.

The registry is built from Party Facts and the Phoenix dictionaries by
``lab/build_registry.py`` (``make registry``); see models/README.md.
This module is what runs in the product: it reads only the JSON file.

    from pipeline.gazetteer import load_gazetteer
    gazetteer = load_gazetteer(tokenizer=nlp.tokenizer)
    for match in gazetteer.find(doc):
        print(doc[match.start:match.end].text, match.entry.name, match.entry.type)
    gazetteer.lookup("Boris Yeltsin")   # -> GazetteerEntry or None

Every alias is stored with its token texts, produced at build time by the
project's tokenizer, so loading does not tokenize tens of thousands of
aliases. The file records a fingerprint of that tokenizer; when the
tokenizer in use differs (a spaCy upgrade, a new special case), the aliases
are tokenized again at load time.
"""
from __future__ import annotations

import gc
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from .resources import MODELS_DIR

SCHEMA_VERSION = 1
DEFAULT_PATH = MODELS_DIR / "actors_open.json"

#: Strings whose tokenization the fingerprint records: hyphens, apostrophes,
#: abbreviations, initials, ampersands, slashes and accents, as in the aliases.
PROBES = (
    "al-Qaeda", "Ban Ki-moon", "Lashkar-e-Taiba", "People's Liberation Army", "Workers’ Party",
    "U.S. Army", "U.N.", "Boris N. Yeltsin", "AT&T Inc.", "Apple Inc.", "McDonald's", "O'Neill",
    "N'Djamena", "Lt. Gen. Smith", "Gen. Mohammed VI", "Sinn Féin", "Alliance 90/The Greens",
    "50+ Party", "Omega-7", "CD&V", "St. Kitts", "Co.", "E.ON", "1,000-for-1,000", "Mr. Obama",
    "Dr. No", "PvdA", "Frenti-Mudança", "Jaish-e-Mohammad (JeM)", "Côte d'Ivoire",
)


def _spacy_version() -> str:
    """spaCy's version, without importing spaCy when it is not loaded yet."""
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        return spacy.__version__
    try:
        return metadata.version("spacy")
    except metadata.PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        return "unknown"


def _pattern(value: Any) -> str:
    """The regex behind a tokenizer's prefix/suffix/infix/match callable."""
    owner = getattr(value, "__self__", None)
    return str(getattr(owner, "pattern", "")) if owner is not None else ""


def tokenizer_fingerprint(tokenizer: Any) -> str:
    """``<spaCy version>:<hash>`` of a tokenizer's rules and its output on PROBES.

    The rules (special cases, prefix/suffix/infix patterns) catch changes the
    probes miss; the probes catch changes in spaCy's tokenizing code.
    """
    digest = hashlib.sha256()
    for probe in PROBES:
        digest.update(("\x1f".join(t.text for t in tokenizer(probe)) + "\x1e").encode("utf-8"))
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        digest.update((_pattern(getattr(tokenizer, attr, None)) + "\x1e").encode("utf-8"))
    rules = getattr(tokenizer, "rules", None) or {}
    for key in sorted(rules):
        # Special cases hold attribute dicts keyed by ID (65) or name ("ORTH").
        pieces = [repr(sorted((str(k), str(v)) for k, v in piece.items())) for piece in rules[key]]
        digest.update((key + "\x1f" + "\x1f".join(pieces) + "\x1e").encode("utf-8"))
    return f"{_spacy_version()}:{digest.hexdigest()[:16]}"


def default_tokenizer() -> Any:
    """The project's tokenizer (news_tokenizer.v1 of pipeline/config.cfg) on a blank English vocab."""
    from spacy.lang.en import English

    from .tokenizing import create_news_tokenizer

    return create_news_tokenizer()(English())


@dataclass(frozen=True, slots=True)
class GazetteerRole:
    """A CAMEO or party code with ISO dates (YYYY-MM-DD, or YYYY for parties); None = open."""

    code: str
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    type: str  # PERSON, GOVERNMENT, MILITARY, ORGANIZATION, GROUP, PARTY, COMPANY, IGO, NGO, ARMED_GROUP
    country: str | None  # ISO 3166 alpha-3
    roles: tuple[GazetteerRole, ...]


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    start: int  # first token index
    end: int  # one past the last token
    entry: GazetteerEntry


class Gazetteer:
    """Exact, case-sensitive token-sequence lookup over the registry's aliases."""

    def __init__(self, entries: Sequence[dict[str, Any] | str], tokens: Sequence[Sequence[Sequence[str]]],
                 fingerprint: str, retokenized: bool = False) -> None:
        """``entries``: the registry's entries, each a dict or its JSON text (parsed on use)."""
        self._raw = entries
        self._entries: list[GazetteerEntry | None] = [None] * len(entries)
        self.fingerprint = fingerprint
        self.retokenized = retokenized
        # first token -> {length: {token tuple: entry index}}; lengths tried longest first.
        index: dict[str, dict[int, dict[tuple[str, ...], int]]] = {}
        for number, sequences in enumerate(tokens):
            for seq in sequences:
                if not seq:
                    continue
                key = tuple(seq)
                by_length = index.get(key[0])
                if by_length is None:
                    by_length = index[key[0]] = {}
                table = by_length.get(len(key))
                if table is None:
                    table = by_length[len(key)] = {}
                table[key] = number
        self._index = index
        self._lengths: dict[str, tuple[int, ...]] = {}
        self._surfaces: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._raw)

    def _record(self, number: int) -> dict[str, Any]:
        raw = self._raw[number]
        return json.loads(raw) if isinstance(raw, str) else raw

    def entry(self, number: int) -> GazetteerEntry:
        """The entry at ``number``, built on first use (most entries are never matched)."""
        found = self._entries[number]
        if found is None:
            raw = self._record(number)
            roles = tuple(GazetteerRole(r["code"], r.get("from"), r.get("to")) for r in raw.get("roles") or ())
            found = self._entries[number] = GazetteerEntry(raw["name"], raw["type"], raw.get("country"), roles)
        return found

    def _lengths_for(self, first: str) -> tuple[int, ...]:
        lengths = self._lengths.get(first)
        if lengths is None:
            lengths = self._lengths[first] = tuple(sorted(self._index[first], reverse=True))
        return lengths

    def find(self, doc_or_token_texts: Iterable[Any]) -> list[GazetteerMatch]:
        """Non-overlapping longest matches, left to right, over a Doc, Span or token texts.

        At each token only the sequences starting with that token's text are
        tried, one dictionary probe per distinct alias length, so the work is
        linear in the number of tokens.
        """
        texts = [t if isinstance(t, str) else t.text for t in doc_or_token_texts]
        index = self._index
        out: list[GazetteerMatch] = []
        n = len(texts)
        i = 0
        while i < n:
            by_length = index.get(texts[i])
            step = 1
            if by_length is not None:
                for length in self._lengths_for(texts[i]):
                    if i + length > n:
                        continue
                    number = by_length[length].get(tuple(texts[i:i + length]))
                    if number is not None:
                        out.append(GazetteerMatch(i, i + length, self.entry(number)))
                        step = length
                        break
            i += step
        return out

    def lookup(self, text: str) -> GazetteerEntry | None:
        """The entry one of whose aliases is exactly ``text`` (else whose name is)."""
        if self._surfaces is None:  # built on the first lookup: find() does not need it
            surfaces: dict[str, int] = {}
            names: dict[str, int] = {}
            for number in range(len(self._raw)):
                raw = self._record(number)
                for alias in raw["aliases"]:
                    surfaces[alias] = number
                names[raw["name"]] = -1 if raw["name"] in names else number
            for name, number in names.items():
                if number >= 0:
                    surfaces.setdefault(name, number)
            self._surfaces = surfaces
        found = self._surfaces.get(text)
        return None if found is None else self.entry(found)


def _retokenize(entries: list[dict[str, Any]], tokenizer: Any) -> list[list[list[str]]]:
    """Token texts of every alias with ``tokenizer``; a sequence two entries now share is
    dropped from both, as the build does."""
    aliases = [alias for entry in entries for alias in entry["aliases"]]
    docs = tokenizer.pipe(aliases) if hasattr(tokenizer, "pipe") else (tokenizer(a) for a in aliases)
    flat = [[t.text for t in doc] for doc in docs]
    out: list[list[list[str]]] = []
    owners: dict[tuple[str, ...], set[int]] = {}
    position = 0
    for number, entry in enumerate(entries):
        seqs = flat[position:position + len(entry["aliases"])]
        position += len(entry["aliases"])
        out.append(seqs)
        for seq in seqs:
            owners.setdefault(tuple(seq), set()).add(number)
    shared = {seq for seq, who in owners.items() if len(who) > 1}
    if shared:
        out = [[seq for seq in seqs if tuple(seq) not in shared] for seqs in out]
    return out


_CACHE: dict[tuple[str, str], Gazetteer] = {}


def _load(path: str, tokenizer: Any) -> Gazetteer:
    """One gazetteer per file and tokenizer fingerprint: every pipeline of a process with
    the project's tokenizer shares it (each load_nlp() makes a new tokenizer object)."""
    key = (path, tokenizer_fingerprint(tokenizer) if tokenizer is not None else "")
    if key not in _CACHE:
        _CACHE[key] = _load_uncached(path, tokenizer)
    return _CACHE[key]


def _load_uncached(path: str, tokenizer: Any) -> Gazetteer:
    # Parsing and indexing create a few hundred thousand lists, dicts and tuples;
    # with the cyclic garbage collector on, its repeated passes over them take
    # three times as long as the work itself, and none of them is garbage.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(path, tokenizer)
    finally:
        if enabled:
            gc.enable()


def _read(path: str) -> tuple[dict[str, Any], list[Any], list[Any]]:
    """The header, the entries and their token lists of a registry file.

    The build writes a header line ending in ``"entries":[``, one entry per
    line with ``"tokens"`` last, and ``]}``. For that layout only the token
    lists are parsed now, in one go, and each entry's line is kept for
    parsing when it is first matched: this halves the objects created at
    start-up. Any other valid layout is parsed whole.
    """
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    lines = text.split("\n")
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) >= 3 and lines[0].endswith('"entries":[') and lines[-1] == "]}":
        body = [line[:-1] if line.endswith(",") else line for line in lines[1:-1]]
        parts = []
        for line in body:
            # Quotes inside strings are escaped, so '"tokens":' can only be the key.
            at = line.rfind('"tokens":')
            if at < 0 or not line.endswith("}"):
                break
            parts.append(line[at + 9:-1])
        else:
            header = json.loads(lines[0] + "]}")
            tokens = json.loads("[" + ",".join(parts) + "]")
            return header, body, tokens
    data = json.loads(text)
    entries = data.get("entries") or []
    return data, entries, [entry.get("tokens") or [] for entry in entries]


def _build(path: str, tokenizer: Any) -> Gazetteer:
    header, entries, tokens = _read(path)
    if header.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"{path}: schema_version {header.get('schema_version')!r}, expected {SCHEMA_VERSION}")
    stored = header.get("tokenizer") or ""
    if tokenizer is None and stored.split(":")[0] != _spacy_version():
        tokenizer = default_tokenizer()  # spaCy changed since the build: check with the project's own
    if tokenizer is not None:
        current = tokenizer_fingerprint(tokenizer)
        if current != stored:
            records = [json.loads(e) if isinstance(e, str) else e for e in entries]
            return Gazetteer(records, _retokenize(records, tokenizer), current, retokenized=True)
    return Gazetteer(entries, tokens, stored)


def load_gazetteer(path: str | Path | None = None, tokenizer: Any = None) -> Gazetteer:
    """The gazetteer of ``path`` (default models/actors_open.json), cached per path and tokenizer.

    With ``tokenizer`` (the pipeline's ``nlp.tokenizer``) the stored tokens are
    checked against its fingerprint and the aliases re-tokenized when stale.
    Without one, the stored tokens are trusted unless the installed spaCy
    differs from the one that built the file, in which case the project's
    tokenizer is built to check.
    """
    return _load(str(Path(path) if path is not None else DEFAULT_PATH), tokenizer)
