"""The tense of a date's clause: a weekday or a month without a year is the most recent one
in past-tense reporting, the next one in future text (ANNOTATION.md). Future cues come from
``models/patterns/dates.yml``; each sentence's words are read once per Doc."""
from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

CLAUSE_REACH = 60


class Tense:
    """Future-tense cues of one Doc's clauses: sentence starts are read once per Doc and each
    sentence's lower-cased words once, not once per date."""

    def __init__(self, doc: Doc, cues: re.Pattern[str], breaks: frozenset[str],
                 sayings: frozenset[str] = frozenset()) -> None:
        self.doc, self.cues, self.breaks, self.sayings = doc, cues, breaks, sayings
        self._starts: list[int] | None = None
        self._words: dict[int, list[str]] = {}

    def _sentence_of(self, i: int) -> tuple[int, list[str]]:
        """(first token, lower-cased words) of the sentence holding token i."""
        if self._starts is None:
            self._starts = [0]
            if self.doc.has_annotation("SENT_START"):
                self._starts = [int(k) for k in numpy.flatnonzero(self.doc.to_array(SENT_START) == 1)] or [0]
        k = bisect_right(self._starts, i)
        sent_start = self._starts[k - 1] if k else 0
        if sent_start not in self._words:
            sent_end = self._starts[k] if k < len(self._starts) else len(self.doc)
            self._words[sent_start] = [t.lower_ for t in self.doc[sent_start:sent_end]]
        return sent_start, self._words[sent_start]

    def after_saying(self, start: int) -> bool:
        """Token start comes right after a verb of saying ("said on Tuesday", "says Friday")."""
        k = start - 1
        if k >= 0 and self.doc[k].lower_ == "on":
            k -= 1
        return k >= 0 and self.doc[k].lower_ in self.sayings

    def sentence(self, start: int) -> list[str]:
        """The lower-cased words of the sentence holding token start."""
        return self._sentence_of(start)[1]

    def clause(self, start: int, end: int) -> list[str]:
        """The lower-cased words of the clause holding tokens [start, end), at most
        ``CLAUSE_REACH`` words either side (a run-on text has no breaks to stop at)."""
        sent_start, words = self._sentence_of(start)
        lo, hi = start - sent_start, end - sent_start
        floor, ceiling = max(0, lo - CLAUSE_REACH), min(len(words), hi + CLAUSE_REACH)
        while lo > floor and words[lo - 1] not in self.breaks:
            lo -= 1
        while hi < ceiling and words[hi] not in self.breaks:
            hi += 1
        return words[lo:hi]

    def is_future(self, start: int, end: int) -> bool:
        """A future-tense cue in the clause holding tokens [start, end); "would have" is the
        past that did not happen, not a future."""
        text = " " + " ".join(self.clause(start, end)) + " "
        return self.cues.search(text.replace(" would have ", " ")) is not None
