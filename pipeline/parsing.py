"""Parsing: the trained statistical pipeline, run only where it is needed.

The project's pipeline (``models/en_news_core``, see models/README.md) or any
spaCy pipeline a user names (``--spacy-model en_core_web_trf``) supplies tags,
a dependency parse and named entities. Parsing is the expensive part, and the
attachment rules only need it around numbers and dates, so by default only
the sentences that hold a quantity or an event date are parsed (the others
get a flat tree, which keeps the sentence boundaries as the news sentencizer
set them). ``only_needed = false`` parses everything.
"""
from __future__ import annotations

from typing import Iterable, Iterator

import numpy
import spacy
from spacy.attrs import DEP, HEAD, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch


class SelectiveParser:
    """Runs a statistical pipeline sentence by sentence and copies its analysis back."""

    def __init__(self, nlp: Language, name: str, model: str, only_needed: bool = True) -> None:
        self.name = name
        self.model = model
        # the news tokenizer and sentencizer have run already; the model's own lemmatizer is not needed
        self.stat = spacy.load(model, exclude=["lemmatizer", "senter", "attribute_ruler"])
        self.only_needed = only_needed

    def needed(self, doc: Doc) -> list[Span]:
        sentences = list(doc.sents)
        if not self.only_needed:
            return sentences
        wanted = {q.start for q in doc._.quantities or ()} | {d.start for d in doc._.dates or () if d.is_event_date}
        return [s for s in sentences if any(s.start <= i < s.end for i in wanted)]

    def _subdoc(self, sentence: Span) -> Doc:
        sub = Doc(self.stat.vocab, words=[t.text for t in sentence], spaces=[bool(t.whitespace_) for t in sentence])
        for k, token in enumerate(sub):
            token.is_sent_start = k == 0  # one sentence, as the news sentencizer found it
        return sub

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            jobs = [(doc, sentence) for doc in batch for sentence in self.needed(doc)]
            parsed = self.stat.pipe((self._subdoc(s) for _, s in jobs), batch_size=256)
            by_doc: dict[int, list[tuple[Span, Doc]]] = {}
            for (doc, sentence), sub in zip(jobs, parsed):
                by_doc.setdefault(id(doc), []).append((sentence, sub))
            for doc in batch:
                self._copy(doc, by_doc.get(id(doc), []))
            yield from batch

    def _copy(self, doc: Doc, analysed: list[tuple[Span, Doc]]) -> None:
        n = len(doc)
        if n == 0:
            return
        strings = doc.vocab.strings
        heads = numpy.zeros(n, dtype="int32")  # relative offsets
        deps = numpy.zeros(n, dtype="uint64")
        tags = numpy.array([t.tag for t in doc], dtype="uint64")
        pos = numpy.array([t.pos for t in doc], dtype="uint64")
        done = set()
        for sentence, sub in analysed:
            done.add(sentence.start)
            for k, token in enumerate(sub):
                i = sentence.start + k
                heads[i] = token.head.i - k
                deps[i] = strings.add(token.dep_)
                tags[i] = strings.add(token.tag_)
                pos[i] = token.pos
        dep_flat, dep_root = strings.add("dep"), strings.add("ROOT")
        for sentence in doc.sents:
            if sentence.start in done:
                continue
            for i in range(sentence.start, sentence.end):  # a flat tree keeps the boundary
                heads[i] = sentence.start - i
                deps[i] = dep_root if i == sentence.start else dep_flat
        doc.from_array([HEAD, DEP, TAG, POS], numpy.stack([heads.astype("uint64"), deps, tags, pos], axis=1))
        entities = []
        for sentence, sub in analysed:
            for ent in sub.ents:
                span = doc.char_span(sentence.start_char + ent.start_char, sentence.start_char + ent.end_char,
                                     label=ent.label_)
                if span is not None:
                    entities.append(span)
        doc.set_ents(entities, default="unmodified")
        doc.user_data["parsed_sentences"] = len(analysed)


@Language.factory("news_parse", default_config={"model": "", "only_needed": True})
def make_selective_parser(nlp: Language, name: str, model: str, only_needed: bool) -> SelectiveParser:
    return SelectiveParser(nlp, name, model, only_needed)
