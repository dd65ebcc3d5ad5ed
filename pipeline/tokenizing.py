"""Tokenizing and sentence splitting that survive news text.

The tokenizer is spaCy's English one with two news additions: military
and civil title abbreviations stay one token (``Lt.``, ``Col.``), and
``1,000-for-1,000`` splits into numbers and joiners so the quantity reader
sees both numbers. Sentences end at sentence-final punctuation (with its
closing quotes) and at every line break, since headlines, datelines and
subheads in wire copy stand on lines of their own.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, registry

from .resources import PATTERNS_DIR, SavesPatterns, patterns

# "for-1,000" and "to-1,000" split before the number.
_EXTRA_INFIXES = [r"(?<=for)-(?=[0-9])", r"(?<=to)-(?=[0-9])"]


_OVERLONG_CHUNK = re.compile(r"^\S{300,}$")


@registry.tokenizers("news_tokenizer.v1")
def create_news_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        infixes = list(nlp.Defaults.infixes or []) + _EXTRA_INFIXES
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        # wire copy quotes with two backticks (``...''): one opening token, like “
        tokenizer.prefix_search = compile_prefix_regex([r"``", *(nlp.Defaults.prefixes or [])]).search
        for abbreviation in patterns("tokenizer")["abbreviations"]:
            tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
        # spaCy peels prefixes and suffixes off a chunk one at a time, searching the rest each
        # time: quadratic in a chunk without spaces (20,000 quotes took 25 s). A chunk that long
        # is no word of news text (a data blob, a rule line): it stays one token
        tokenizer.token_match = _OVERLONG_CHUNK.match
        return tokenizer

    return make


def dateline_pattern(directory: str | Path | None = None) -> re.Pattern[str]:
    """An opening dateline, dated or not (``dateline`` in tokenizer.yml of ``directory``,
    default the package's)."""
    return _dateline_in(str(directory or PATTERNS_DIR))


@cache
def _dateline_in(directory: str) -> re.Pattern[str]:
    return re.compile(patterns("tokenizer", directory)["dateline"])


class NewsSentencizer(SavesPatterns):
    """Sets sentence starts: after final punctuation (+ closing quotes) and at line breaks."""

    pattern_names = ("tokenizer",)

    def __init__(self, nlp: Language, name: str = "news_sentences") -> None:
        self.name = name
        self.opening = frozenset({"“", "\"", "'", "‘", "(", "«", "``"})
        self.use_patterns(PATTERNS_DIR)

    def use_patterns(self, directory: Path) -> None:
        self.patterns_dir = directory
        data = patterns("tokenizer", directory)
        self.final = frozenset(data["sentence_final"])
        self.closing = frozenset(data["closing"])
        self.dateline = dateline_pattern(directory)

    def _looks_like_start(self, tok) -> bool:
        return tok.is_title or tok.is_upper or tok.like_num or tok.text in self.opening

    def _quote_goes_on(self, doc: Doc, j: int) -> bool:
        """A short quoted cry whose sentence goes on after the quote closes: the quote closes
        within six tokens of j and a lower-case word follows it."""
        for k in range(j, min(j + 6, len(doc) - 1)):
            if doc[k].text in ("''", "”", "\"") and k > j:
                return doc[k + 1].is_lower
            if doc[k].text in self.final and doc[k].text != "!":
                return False
        return False

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        starts = [i == 0 for i in range(n)]
        for i, tok in enumerate(doc):
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                j = i + 1
            elif tok.text in self.final:
                j = i + 1
                # closing quotes and brackets written against the stop stay with it
                while j < n and doc[j].text in self.closing and not doc[j - 1].whitespace_:
                    j += 1
                if j < n and not (doc[j - 1].whitespace_ or doc[j].is_space):
                    continue
                if tok.text in ("!", "?") and self._quote_goes_on(doc, j):
                    continue  # 'chanting ``Liberty! Liberty!'' blocked intersections': one sentence
            else:
                continue
            while j < n and doc[j].is_space:
                j += 1
            if j < n and ("\n" in doc[j - 1].whitespace_ or doc[j - 1].is_space
                          or self._looks_like_start(doc[j])):
                starts[j] = True
        # an opening dateline is a sentence of its own: "NAIROBI, Kenya (AP) _ Suspected bombs ..."
        dateline = self.dateline.match(doc.text)
        if dateline:
            j = next((t.i for t in doc if t.idx >= dateline.end() and not t.is_space), n)
            if j < n:
                starts[j] = True
        # one array write: setting token.is_sent_start re-checks the whole Doc each time (quadratic)
        values = numpy.array([1 if start else -1 for start in starts], dtype="int64").astype("uint64").reshape(-1, 1)
        if n:
            doc.from_array([SENT_START], values)  # type: ignore[arg-type]  # a uint64 column, as spaCy takes
        return doc


@Language.factory("news_sentences", assigns=["token.is_sent_start"])
def make_news_sentencizer(nlp: Language, name: str) -> NewsSentencizer:
    return NewsSentencizer(nlp, name)
