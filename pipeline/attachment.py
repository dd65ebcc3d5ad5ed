"""Attachment: tie each quantity and date to its actor, predicate and counterpart.

Rules over the sentence, applied in order (each a small function below; the
order is the one that won on the real-text development set, corpus/realnews):

- a number inside a quotation belongs to the quote's speaker (role
  ``source``), and takes the statement's date when the quote has none;
- the holder its own phrase names: ``Nawrocki's 29.54%``, ``49.11% for
  Trzaskowski``, with a parse the possessor of the noun it sizes
  (``Ukraine's dlrs 1.2 billion debt``), a table heading over its figures
  (``KENYA:``), the person an age follows (``Wonham, 58,``), a state's people
  or organs counted as the subject (``Twelve Americans were killed``, each
  number of ``3,000 Americans, 3,000 Britons and 450 Japanese`` its own), the
  body of the members counted (``the 159 U.N. members``), a counted people that
  acts (``Some 1,500 ethnic Albanians marched``), a counted body that does
  something to something (``Five major political parties issued statements``)
  and the name a description with the number is set beside (``U.S. Trust
  Corp., a firm with assets of about $17 billion``);
- a date's ``by`` agent (``the decision, announced Wednesday by ...``), the
  sides of its ``between`` (``Saturday night's debate between ...``), the
  subject of a when-clause after it (``in 1979 when the Soviet Union
  invaded``), and a poll's maker for the poll's figures;
- the parse: the subject of the active verb governing the number
  (``X said Hamas fired 40 rockets`` gives Hamas); else the reporter the
  sentence names (``X said that 8,000 are held by Russia`` gives X); else the
  passive agent or a subject up the reported clauses. A gerund after a
  preposition is done by its verb's subject, or object after with/of/for
  (``charged Kopp with killing``). Civilians with no doer named are their own
  group (``three Canadian doctors ... were shot at``). A doer no name gives is
  the actor as written (``Police found 1,300 pounds``), agents of a named body
  act for it (``FBI agents``), a unit for its parent, a relative pronoun for
  its noun, a pronoun after ``said`` for the speaker, ``its`` for the
  organization named last, a bare ``They`` for the plural doer before; a
  state's adjective on a doer that is no body names the state (``German law
  requires``);
- then the positional rules: the first subject-like actor of the number's
  clause, ``according to X``, ``..., the ministry said`` after the number, any
  actor before it, ``That according to X`` opening the next sentence, the
  subject of the previous sentences (not a quote's speaker; for a company's
  accounts the organization, else the story's company), and last the story's
  opening subject;
- joint actors (``both sides``, ``Ukraine and Russia each``) give one event row
  per side, so do the coordinated doers of a date, and a meeting gives the
  partner a row (``met with Sununu on Sunday``); ``respectively`` pairs
  numbers and names in order;
- the date is the nearest event date before the number in its sentence, or
  after it in the same clause (a figure restated per share shares it); dates
  inside a ``when`` clause date that clause only; with a parse, a date inside
  another noun phrase dates that noun, no date crosses an ``after``/``because``
  clause, and a future date does not date a past-tense figure; the period a
  figure is for (``a $648.2 million loss for the third quarter``) beats the
  announcement's day; ages (``6-year-old``), distances that place something
  and comparison figures take no date of another event.

Every event date that no quantity took becomes a row of its own, found by the
same rules. Datelines, table-row labels (``Americans: 12``) and names inside
``anti-X``/``pro-X`` are no actors.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from . import tree
from .actors import Actor, ActorMention, load_registry, span_mention
from .dates import DateMention
from .numbers import Quantity
from .numbers import lexicon as number_lexicon
from .resources import PATTERNS_DIR, SavesPatterns, patterns
from .tokenizing import dateline_pattern

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

#: NER labels that name a possible actor: UNER (the bundled model) and OntoNotes (en_core_web_*)
_ENTITY_TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORGANIZATION"}
#: how far (in tokens) a date, a predicate or a counterpart may stand from the number
_DATE_REACH = 80
# The rules look for a number's actor, date and verb in its sentence; a run-on text (a table, a
# list, a feed without full stops) can be one "sentence" of thousands of tokens, where that
# search is quadratic. The rules read such a sentence in windows of at most this many tokens,
# cut at a clause break or comma where one is near; real news sentences are shorter.
_MAX_WINDOW = 150
_WINDOW_BREAKS = frozenset({";", ",", ":", "and", "but", "while", "whereas"})
#: prepositions that place an event in an occasion ("in Wednesday's election", "at last year's conference")
_EVENT_SETTINGS = frozenset({"in", "at", "during", "from", "of"})
#: the units a distance is read in, and the words that may follow its number ("50 miles (80 kms)")
_DISTANCE_UNITS = frozenset({"mile", "km", "kilometer", "kilometre", "meter", "metre", "yard", "foot", "feet"})
_DISTANCE_WORDS = _DISTANCE_UNITS | {"miles", "kilometers", "kilometres", "kms", "meters", "metres", "yards"}
#: words after a distance that make it a place's position ("south of Belfast", "from Angkor Wat")
_PLACING_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                            "from", "outside", "away", "off", "inland", "offshore", "up", "down"})
_SEQUENCE_PREPOSITIONS = frozenset({"before", "after", "since", "until", "following"})
_PERIOD_NOUNS = frozenset({"quarter", "half", "year", "month", "week", "period", "season", "term", "session"})
#: words before a date that make it a limit, not the time of the event ("extended until Nov. 9")
_LIMIT_WORDS = frozenset({"until", "till", "through", "by", "to", "before"})
#: words before a date that make it a security's term, not the time of a figure ("notes due Nov. 1, 2009")
_TERM_WORDS = frozenset({"due", "maturing"})
#: words that open a comparison figure: a date after them dates that figure, not the one before
_COMPARISON_WORDS = frozenset({"compared", "versus", "vs."})
#: participles that make a figure someone's estimate ("the 235,000 forecast by economists")
_ESTIMATE_LEMMAS = frozenset({"forecast", "estimate", "predict", "project", "expect", "calculate", "put",
                              "projection", "prediction", "expectation"})
#: words before a change's baseline ("rose 19% from a year ago", "3.8 percent higher than a year earlier")
_BASELINE_WORDS = frozenset({"from", "than"})
#: words of a date a year back, the usual baseline of a change ("a year earlier", "last year's")
_YEAR_BACK_WORDS = frozenset({"ago", "earlier", "last", "before", "prior", "previous", "year-earlier", "year-ago"})
#: the dependencies of a possessor ("Nestle's share": UD and ClearNLP labels)
_POSSESSIVE_DEPS = frozenset({"nmod:poss", "poss"})
_OPEN_QUOTES = {"“": "”", "«": "»", "``": "''"}  # ``...'' in wire copy
_SCARE_QUOTE_MAX_TOKENS = 4


@dataclass
class Event:
    """One row of the events table, before it is flattened."""

    sentence_index: int
    quantity: Quantity | None
    date: DateMention | None
    mention: ActorMention | None
    actor: Actor | None
    role: str | None
    predicate: str | None
    counterpart: Actor | None
    #: the figure's unit as attachment reads it: the counted noun the parse gives ("two Iskander-M
    #: missiles": missile), else the whole's ("16.2 million of the 27.7 million voters"), else
    #: the quantity's own; ``quantity.unit`` stays what news_quantities assigned
    unit: str | None = None
    #: who says it, beside who did or holds it: "The ministry said the rebels killed 40" has
    #: the rebels as actor and the ministry as source (the actor itself when its role is source)
    source: ActorMention | None = None


@dataclass
class _Quote:
    start: int  # token index of the opening mark
    end: int  # token index after the closing mark
    speaker: ActorMention | None
    date: DateMention | None


@dataclass(frozen=True)
class _Lexicon:
    dateline: re.Pattern[str]
    prepositions: frozenset[str]
    clause_breaks: frozenset[str]
    comma_clause_openers: frozenset[str]
    determiners: frozenset[str]
    own_time_clauses: frozenset[str]
    sequence_markers: frozenset[str]
    civilian_groups: frozenset[str]
    undergone_nouns: frozenset[str]
    financial_nouns: frozenset[str]
    source_openers: tuple[tuple[str, ...], ...]
    event_lemmas: frozenset[str]
    speech_lemmas: frozenset[str]
    joint_cues: frozenset[str]
    doer_nouns: frozenset[str]
    person_nouns: frozenset[str]
    relative_nouns: frozenset[str]
    representative_nouns: frozenset[str]
    financial_terms: frozenset[str]
    meeting_lemmas: frozenset[str]
    meeting_nouns: frozenset[str]
    joining_lemmas: frozenset[str]
    collective_nouns: frozenset[str]
    age_units: frozenset[str]
    state_verbs: frozenset[str]
    state_adverbs: frozenset[str]
    change_nouns: frozenset[str]
    unmet_lemmas: frozenset[str]


@cache
def _lexicon(directory: str) -> _Lexicon:
    data = patterns("attachment", directory)
    return _Lexicon(dateline=dateline_pattern(directory),
        prepositions=frozenset(data["prepositions"]), clause_breaks=frozenset(data["clause_breaks"]),
        comma_clause_openers=frozenset(data["comma_clause_openers"]),
        determiners=frozenset(data["determiners"]), own_time_clauses=frozenset(data["own_time_clauses"]),
        sequence_markers=frozenset(data["sequence_markers"]),
        civilian_groups=frozenset(data["civilian_groups"]),
        undergone_nouns=frozenset(data["undergone_nouns"]),
        financial_nouns=frozenset(data["financial_nouns"]),
        source_openers=tuple(tuple(o) for o in data["source_openers"]),
        event_lemmas=frozenset(data["event_lemmas"]), speech_lemmas=frozenset(data["speech_lemmas"]),
        joint_cues=frozenset(data["joint_cues"]), doer_nouns=frozenset(data["doer_nouns"]),
        person_nouns=frozenset(data["person_nouns"]), relative_nouns=frozenset(data["relative_nouns"]),
        representative_nouns=frozenset(data["representative_nouns"]),
        financial_terms=frozenset(data["financial_terms"]),
        meeting_lemmas=frozenset(data["meeting_lemmas"]), meeting_nouns=frozenset(data["meeting_nouns"]),
        joining_lemmas=frozenset(data["joining_lemmas"]),
        collective_nouns=frozenset(data["collective_nouns"]), age_units=frozenset(data["age_units"]),
        state_verbs=frozenset(data["state_verbs"]), state_adverbs=frozenset(data["state_adverbs"]),
        change_nouns=frozenset(data["change_nouns"]), unmet_lemmas=frozenset(data["unmet_lemmas"]),
    )


def _windows(sent: Span, size: int = _MAX_WINDOW) -> list[Span]:
    """A sentence cut into windows of at most ``size`` tokens, each ending after the last
    clause break or comma of its final third if it has one."""
    if len(sent) <= size:
        return [sent]
    doc, windows, start = sent.doc, [], sent.start
    while sent.end - start > size:
        end = start + size
        cut = next((k + 1 for k in range(end - 1, start + 2 * size // 3, -1) if doc[k].lower_ in _WINDOW_BREAKS), end)
        windows.append(doc[start:cut])
        start = cut
    windows.append(doc[start:sent.end])
    return windows


class _DocView:
    """Per-document indexes the rules share: sentences, clauses, quotes."""

    def __init__(self, doc: Doc, lex: _Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        # what the rules call sentences are windows of the document's sentences (_MAX_WINDOW);
        # an event names the document's sentence it is in
        self.sentences: list[Span] = []
        self.doc_sentence_of_window: list[int] = []
        for index, sent in enumerate(sentences):
            for window in _windows(sent):
                self.sentences.append(window)
                self.doc_sentence_of_window.append(index)
        self.sentence_of = [0] * len(doc)
        self._parsed: dict[int, bool] = {}
        self._has_parse: bool | None = None
        # token texts as plain lists: slicing them makes no Token objects (the rules' hot loops)
        self.texts = [t.text for t in doc]
        self.lowers = [t.lower_ for t in doc]
        # lemmas are set before this component (the lookup lemmatizer) and the parse leaves them
        self.lemmas = [t.lemma_.lower() for t in doc]
        self.compared: dict[tuple[int, int], bool] = {}  # Attacher._compared's answers
        for index, sent in enumerate(self.sentences):
            for k in range(sent.start, sent.end):
                self.sentence_of[k] = index
        dateline_end = max((d.end for d in doc._.dates or [] if d.kind == "dateline"), default=0)
        undated = lex.dateline.match(doc.text)
        if undated:  # its place and agency are never an actor of the story
            dateline_end = max(dateline_end, next((t.i for t in doc if t.idx >= undated.end()), len(doc)))
        self.dateline_end = dateline_end
        ends = {m.end for m in doc._.actors or []}
        self.actors: list[ActorMention] = [m for m in doc._.actors or [] if m.start >= dateline_end
                                           and not self._is_row_label(doc, m) and not self._is_stance(doc, m)
                                           and not self._is_gloss(doc, m, ends) and not self._is_venue(doc, m)]
        self.sections = self._table_sections(doc)
        # indexes, so that the rules' look-ups do not scan every mention (long documents)
        self._actor_of_token: list[ActorMention | None] = [None] * len(doc)
        self._actors_by_sentence: dict[int, list[ActorMention]] = {}
        for m in self.actors:
            for k in range(m.start, m.end):
                if self._actor_of_token[k] is None:
                    self._actor_of_token[k] = m
            self._actors_by_sentence.setdefault(self.sentence_of[m.start], []).append(m)
        self.quotes = self._find_quotes()
        self.quote_of: list[_Quote | None] = [None] * len(doc)
        for quote in self.quotes:
            for k in range(quote.start, quote.end):
                self.quote_of[k] = quote
        self.clause_of = self._clauses()
        self.own_time, self.relative_clauses = self._own_time_clauses()
        # attachment's own copies of the numbers: it refines their units (counted_unit) without
        # writing into what news_quantities assigned; ``original`` maps each copy back
        self.quantities = [replace(q) for q in doc._.quantities or []]
        self.original = {id(copy): q for copy, q in zip(self.quantities, doc._.quantities or [])}
        self._quantities = sorted(self.quantities, key=lambda q: q.start)
        self._quantity_starts = [q.start for q in self._quantities]
        self.event_dates = [d for d in (doc._.dates or []) if d.is_event_date]
        self._event_date_at = {d.start: d for d in reversed(self.event_dates)}  # the first at each start
        self._entity_of_token: list | None = None  # built when first asked (after the parse pass)
        self.dates_by_sentence: dict[int, list[DateMention]] = {}
        for d in self.event_dates:
            self.dates_by_sentence.setdefault(self.sentence_of[d.start], []).append(d)
        previous: _Quote | None = None
        for quote in self.quotes:
            quote.speaker = self._speaker(quote)
            quote.date = self._statement_date(quote)
            # '"...," Bailey said on Thursday. "We still expect ..."': the next quote goes on
            if quote.speaker is None and previous is not None and previous.speaker is not None \
                    and self.sentence_of[quote.start] - self.sentence_of[previous.end - 1] <= 1:
                quote.speaker = previous.speaker
                quote.date = quote.date or previous.date
            previous = quote
        self.speaker_ids = {id(q.speaker) for q in self.quotes if q.speaker is not None}

    @staticmethod
    def _is_stance(doc: Doc, mention: ActorMention) -> bool:
        """ "an anti-Castro lawmaker", "pro-Moscow rebels": a name inside a stance adjective
        describes someone else."""
        k = mention.start
        if mention.text.lower().startswith(("anti-", "pro-", "non-")):
            return True  # the NER took the adjective for a name: "Anti-Castro"
        return k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ \
            and doc[k - 2].lower_ in ("anti", "pro", "non")

    @staticmethod
    def _is_venue(doc: Doc, mention: ActorMention) -> bool:
        """ "in New York Stock Exchange composite trading", "in Tokyo trading": where shares
        traded, not who did anything."""
        after = [t.lower_ for t in doc[mention.end:mention.end + 2]]
        if not (after[:1] == ["trading"] or after == ["composite", "trading"]):
            return False
        # after "in", maybe with a word of time or manner between ("In late New York trading"), not
        # "Japan trading houses bought"
        before = [t.lower_ for t in doc[max(0, mention.start - 2):mention.start]]
        return before[-1:] == ["in"] or (len(before) == 2 and before[0] == "in" and doc[mention.start - 1].is_lower)

    @staticmethod
    def _is_gloss(doc: Doc, mention: ActorMention, ends: set[int]) -> bool:
        """ "Canadian Imperial Bank of Commerce (Canada) --": a state in brackets after a name
        says where that one is from; it is not an actor of the sentence."""
        k = mention.start
        return mention.actors[0].type == "STATE" and k >= 2 and doc[k - 1].text == "(" and k - 1 in ends \
            and mention.end < len(doc) and doc[mention.end].text == ")"

    @staticmethod
    def _is_row_label(doc: Doc, mention: ActorMention) -> bool:
        """ "Americans: 12", "KENYA:" opening a line of a table: a label of what is counted."""
        opens_line = mention.start == 0 or "\n" in doc[mention.start - 1].text \
            or "\n" in doc[mention.start - 1].whitespace_
        return opens_line and mention.end < len(doc) and doc[mention.end].text == ":"

    @staticmethod
    def _table_sections(doc: Doc) -> list[tuple[int, int, ActorMention]]:
        """(start, end, label) of each table section: a line that is only a name and a colon
        ("TANZANIA:") heads the lines of figures below it, up to the next blank line."""
        sections = []
        for m in doc._.actors or []:
            if not _DocView._is_row_label(doc, m) or m.end + 1 >= len(doc) or not doc[m.end + 1].is_space:
                continue
            end = m.end + 2
            while end < len(doc) and not (doc[end].is_space and "\n\n" in doc[end].text):
                end += 1
            sections.append((m.end + 1, end, m))
        return sections

    def section_label(self, i: int) -> ActorMention | None:
        return next((label for start, end, label in self.sections if start <= i < end), None)

    # -- structure -------------------------------------------------------------

    def _find_quotes(self) -> list[_Quote]:
        quotes: list[_Quote] = []
        doc = self.doc
        open_at: int | None = None
        closing = ""
        straight_open: int | None = None
        for tok in doc:
            if open_at is None and tok.text in _OPEN_QUOTES:
                open_at, closing = tok.i, _OPEN_QUOTES[tok.text]
            elif open_at is not None and tok.text == closing:
                quotes.append(_Quote(open_at, tok.i + 1, None, None))
                open_at = None
            elif tok.text == '"':
                if straight_open is None:
                    straight_open = tok.i
                else:
                    quotes.append(_Quote(straight_open, tok.i + 1, None, None))
                    straight_open = None
            elif tok.is_space and "\n\n" in tok.text:
                open_at = straight_open = None  # a quote never crosses a paragraph
        if open_at is not None:
            # an unclosed quote runs to the end of its paragraph
            end = open_at
            while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text) \
                    and "\n" not in doc[end].whitespace_:
                end += 1
            quotes.append(_Quote(open_at, min(end + 1, len(doc)), None, None))
        return [q for q in quotes if q.end - q.start > _SCARE_QUOTE_MAX_TOKENS]

    def _clauses(self) -> list[int]:
        doc, lex = self.doc, self.lex
        clause_of = [0] * len(doc)
        inside_actor: set[int] = set()
        for m in self.actors:
            inside_actor.update(range(m.start, m.end))
        clause = 0
        for k, tok in enumerate(doc):
            if k and self.sentence_of[k] != self.sentence_of[k - 1]:
                clause += 1
            elif tok.lower_ in lex.clause_breaks:
                clause += 1
            elif tok.text == "," and k + 1 < len(doc) and doc[k + 1].lower_ in lex.comma_clause_openers:
                clause += 1
            elif tok.lower_ == "and" and k not in inside_actor and k + 1 < len(doc) \
                    and doc[k + 1].lower_ in lex.determiners and k + 1 not in inside_actor:
                clause += 1
            clause_of[k] = clause
        return clause_of

    def _own_time_clauses(self) -> tuple[set[int], set[int]]:
        """Tokens inside clauses that carry a time of their own: "when ..." clauses, and
        relative clauses set off by a comma (", which began on October 7, 2023")."""
        when: set[int] = set()
        relative: set[int] = set()
        doc = self.doc
        for tok in doc:
            sentence = self.sentences[self.sentence_of[tok.i]]
            if tok.i == sentence.start:
                continue
            if tok.lower_ in self.lex.own_time_clauses:
                target = when
            elif tok.lower_ in ("which", "who", "whose") and doc[tok.i - 1].text == ",":
                target = relative
            else:
                continue
            k = tok.i
            while k < sentence.end and doc[k].text not in (",", ";"):
                target.add(k)
                k += 1
        return when, relative

    # -- questions the rules ask -------------------------------------------------

    def has_name_like(self, index: int) -> bool:
        """A capitalized word inside the sentence, outside quotes and dates."""
        sent = self.sentences[index]
        dated = {k for d in self.event_dates if sent.start <= d.start < sent.end for k in range(d.start, d.end)}
        return any(t.is_title and t.is_alpha and t.i > sent.start and t.i not in dated
                   and self.quote_of[t.i] is None for t in sent)

    def forget_parse_state(self) -> None:
        """After more sentences were parsed."""
        self._parsed.clear()
        self._entity_of_token = None
        self._has_parse = None

    def has_parse(self) -> bool:
        """Whether any token has a dependency label; asked once per document, since spaCy's
        ``has_annotation`` scans the whole Doc when the answer is no (long unparsed texts)."""
        if self._has_parse is None:
            self._has_parse = self.doc.has_annotation("DEP")
        return self._has_parse

    def entity_at(self, i: int):
        """The NER's entity span covering token i (an index, so that a rule asking for every
        doer does not scan the Doc's entities each time)."""
        if self._entity_of_token is None:
            self._entity_of_token = [None] * len(self.doc)
            for ent in self.doc.ents:
                for k in range(ent.start, ent.end):
                    self._entity_of_token[k] = ent
        return self._entity_of_token[i]

    def parsed(self, i: int) -> bool:
        """Whether the sentence of token i has a real parse (not the flat tree of skipped sentences)."""
        index = self.sentence_of[i]
        if index not in self._parsed:
            self._parsed[index] = tree.is_parsed(self.sentences[index])
        return self._parsed[index]

    def quantities_from(self, start: int, end: int) -> list[Quantity]:
        """The numbers that start within tokens [start, end)."""
        lo = bisect.bisect_left(self._quantity_starts, start)
        hi = bisect.bisect_left(self._quantity_starts, end)
        return self._quantities[lo:hi]

    def quantity_at(self, start: int) -> Quantity | None:
        """The number that starts at token ``start``."""
        found = self.quantities_from(start, start + 1)
        return found[0] if found else None

    def event_date_at(self, start: int) -> DateMention | None:
        """The event date that starts at token ``start``."""
        return self._event_date_at.get(start)

    def actor_at(self, token) -> ActorMention | None:
        """The actor mention covering this token."""
        return self._actor_of_token[token.i]

    def token_before(self, mention: ActorMention) -> str:
        k = mention.start - 1
        while k >= 0 and (self.doc[k].lower_ in self.lex.determiners or self.doc[k].is_space):
            k -= 1
        return self.doc[k].lower_ if k >= 0 else ""

    def followed_by_speech(self, mention: ActorMention) -> bool:
        """ "X said", "X also said", "X, who said", "X in a statement on Saturday: “..." """
        doc = self.doc
        k = mention.end
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("who", "which"):
            k += 2
        while k < len(doc) and doc[k].lower_ in ("also", "later", "earlier", "previously", "has", "had", "have", "again"):
            k += 1
        if k < len(doc) and doc[k].lemma_.lower() in self.lex.speech_lemmas and doc[k].is_lower:
            return True
        # a statement introducing a quote, with no comma on the way
        for tok in doc[mention.end:min(mention.end + 8, len(doc))]:
            if tok.text in ("“", '"', ":"):
                return True
            if tok.text == "," or tok.is_space:
                break
        return False

    def preceded_by_speech(self, mention: ActorMention) -> bool:
        k = mention.start - 1
        return k >= 0 and (self.doc[k].lemma_ in self.lex.speech_lemmas or self.doc[k].lower_ == "said")

    def is_oblique(self, mention: ActorMention) -> bool:
        """Inside a prepositional phrase ("on southern and eastern Lebanon") or a verb's object."""
        doc = self.doc
        k = mention.start - 1
        steps = 0
        while k >= 0 and steps < 5:
            tok = doc[k]
            low = tok.lower_
            if low in self.lex.prepositions and low != "and":
                return True
            if tok.is_punct or tok.is_space or tok.lemma_.lower() in self.lex.speech_lemmas:
                return False
            if tok.lemma_.lower() in self.lex.event_lemmas and (low != tok.lemma_.lower() or low.endswith("ed")):
                return True  # "invaded Ukraine": the object, not the subject
            # walk back over the noun phrase: determiners, adjectives, title words ("Warsaw mayor")
            if not tok.is_alpha or (tok.is_lower and low not in self.lex.determiners and low != "and"
                                    and tok.lemma_.lower() != low):
                return False
            k -= 1
            steps += 1
        return False

    def is_subject_like(self, mention: ActorMention) -> bool:
        return not self.is_oblique(mention) or self.followed_by_speech(mention)

    def sentence_actors(self, index: int, outside_quotes: bool = True) -> list[ActorMention]:
        found = self._actors_by_sentence.get(index, [])
        return [m for m in found if not (outside_quotes and self.quote_of[m.start] is not None)]

    def _speaker(self, quote: _Quote) -> ActorMention | None:
        open_sentence = self.sentence_of[quote.start]
        before = [m for m in self.sentence_actors(open_sentence) if m.end <= quote.start]
        subjects = [m for m in before if self.is_subject_like(m)]
        if subjects:
            return subjects[0]
        if quote.end < len(self.doc):
            after = [m for m in self.sentence_actors(self.sentence_of[quote.end - 1]) if m.start >= quote.end]
            for m in after:
                if self.followed_by_speech(m) or self.preceded_by_speech(m):
                    return m
        return before[-1] if before else None

    def _statement_date(self, quote: _Quote) -> DateMention | None:
        sentence = self.sentence_of[quote.start]
        last = self.sentence_of[quote.end - 1]
        outside = [d for d in self.event_dates if sentence <= self.sentence_of[d.start] <= last
                   and self.quote_of[d.start] is None and d.kind != "dateline"]
        return outside[-1] if outside else None


def _is_money(quantity: Quantity) -> bool:
    """A sum of money: the number reader gives money its ISO 4217 code as unit ("USD", "GBP")."""
    return quantity.unit is not None and len(quantity.unit) == 3 and quantity.unit.isupper()


def quantity_head(doc: Doc, own: range) -> int:
    """The token of a number mention that hangs from outside it (its syntactic head)."""
    for k in own:
        if not own.start <= doc[k].head.i < own.stop:
            return k
    return own.start


class Attacher(SavesPatterns):
    """Writes ``doc._.events`` from quantities, dates and actors."""

    # the dateline's place is never an actor (tokenizer.yml); currency nouns as codes (numbers.yml)
    pattern_names = ("attachment", "tokenizer", "numbers")

    def __init__(self, nlp: Language, name: str = "news_attachment", parser: str = "news_parse") -> None:
        self.name = name
        self.use_patterns(PATTERNS_DIR)
        self.nlp = nlp
        self.parser_name = parser
        # the actor rules, in order: (rule, whether what it finds counts as local to the mention)
        self.rules = [(self.quote_speaker, True), (self.marked_holder, True), (self.date_doer, True),
                      (self.survey_source, True),
                      (self.parse_subject, False),
                      (self.clause_subject, True), (self.according_to, True),
                      (self.speaker_after, True), (self.any_before, False), (self.source_after, False),
                      (self.previous_topic, False),
                      (self.document_topic, False)]

    def use_patterns(self, directory: Path) -> None:
        self.patterns_dir = directory
        self.lex = _lexicon(str(directory))
        self.numbers = number_lexicon(directory)

    # -- actor rules -------------------------------------------------------------

    def quote_speaker(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        quote = view.quote_of[start]
        if quote is not None and quote.speaker is not None:
            return quote.speaker, "source"
        return None

    def marked_holder(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        """The holder the number's own phrase names: "Nawrocki's 29.54%", "49.11% for Trzaskowski"."""
        doc = view.doc
        quantity = view.quantity_at(start)
        if quantity is None:
            return None
        label = view.section_label(start)
        if label is not None:
            return label, "holder"  # "TANZANIA:" over "Total dead: 10"
        if self._is_age_apposition(view, quantity):  # "Donald M. Roberts, 54, treasurer, and Frederick S. Wonham, 58,"
            person = view.actor_at(doc[quantity.start - 2])
            if person is not None and view.quote_of[person.start] is None:
                return person, "holder"
        for m in view.sentence_actors(view.sentence_of[start]):
            if m.end + 1 == start and doc[m.end].text in ("'s", "’s"):
                return m, "holder"
            if m.start == quantity.end + 1 and doc[quantity.end].lower_ == "for" and not m.is_group:
                return m, "holder"
            # "four seats, the same number as the Green Party"
            if quantity.refers_to is not None and doc[quantity.end:m.start].text.lower() in ("as", "as the") \
                    and quantity.end < m.start:
                return m, "holder"
        return self._possessor(view, quantity) or self._share_of_holder(view, quantity) \
            or self._change_in_holder(view, quantity) \
            or self._counted_nationals(view, quantity) \
            or self._counted_group(view, quantity) or self._apposition_holder(view, quantity)

    def _share_of_holder(self, view: _DocView, quantity: Quantity) -> tuple[ActorMention, str] | None:
        """A number that is its clause's subject and a share of someone's whole holds for that
        one: "40 percent of its exports go to Iraq" (Jordan's), "About 30% of Ratners's profit
        is derived from the U.S."; not "Bronfman interests hold 24% of the company's equity",
        where the subject holds it."""
        head = self._number_head(view, quantity)
        if head is None or head.dep_ not in tree.SUBJECTS or quantity.unit != "percent":
            return None  # "two of Elian's Miami cousins sought support": those counted act themselves
        for whole in tree.of_objects(head):
            mention = self._named_child(view, whole, its=lambda i: self._body_before(view, i))
            if mention is not None:
                return mention, "holder"
        return None

    @staticmethod
    def _change_in_holder(view: _DocView, quantity: Quantity) -> tuple[ActorMention, str] | None:
        """The size of a change in someone's thing is theirs: "a decline of 87.5 cents in
        Intel's stock", "a rise of 12% in Japan's exports"."""
        head = Attacher._number_head(view, quantity)
        if head is None or head.dep_ != "pobj" or head.head.lower_ != "of" or head.head.head.pos_ != "NOUN" \
                or head.head.head.lower_ not in view.lex.change_nouns:
            return None  # "a stake of 5% in Apple's unit" is the holder's, not Apple's
        things = [t for prep in head.head.head.children if prep.dep_ == "prep" and prep.lower_ == "in"
                  for t in prep.children if t.dep_ == "pobj"]
        for thing in things:
            mention = Attacher._named_child(view, thing, deps=_POSSESSIVE_DEPS | {"compound"})
            if mention is not None:
                return mention, "holder"
        return None

    def _body_before(self, view: _DocView, i: int) -> ActorMention | None:
        """What "its" stands for where a state may be meant too ("Jordan's costs because 40
        percent of its exports"): the last body or state named before it in the sentence as a
        subject or a possessor (not "go to Iraq and 90 percent of its oil", not "Apple sued
        Samsung, and 40 percent of its revenue"), else the organization "its" usually stands for."""
        named = [m for m in view.sentence_actors(view.sentence_of[i]) if m.end <= i and not m.is_group
                 and m.actors[0].type not in ("PERSON", "GROUP")
                 and view.doc[m.start:m.end].root.dep_ in tree.SUBJECTS | {"poss", "nmod:poss"}]
        return named[-1] if named else self._organization_before(view, i)

    @staticmethod
    def _apposition_holder(view: _DocView, quantity: Quantity) -> tuple[ActorMention, str] | None:
        """With a parse, a number inside the description set beside a name holds for that name:
        "U.S. Trust Corp., a private-banking firm with assets under management of about $17
        billion" (no verb between the number and the description)."""
        doc = view.doc
        if not view.has_parse() or not view.parsed(quantity.start):
            return None
        token = doc[quantity_head(doc, range(quantity.start, quantity.end))]
        for _ in range(8):
            if token.dep_ == "appos":
                mention = view.actor_at(token.head)
                if mention is not None and view.quote_of[mention.start] is None \
                        and (mention.is_group or mention.actors[0].type != "PERSON"):
                    return mention, "holder"
                return None  # "James Smith, chairman of a bank with assets of $17 billion": the bank's
            if token.pos_ in ("VERB", "AUX") or token.head.i == token.i \
                    or token.dep_ not in ("pobj", "prep", "compound", "nmod", "amod", "nummod", "quantmod"):
                return None
            token = token.head
        return None

    @staticmethod
    def _named_child(view: _DocView, noun, keep=None, its=None, deps=_POSSESSIVE_DEPS) -> ActorMention | None:
        """The actor a child of ``noun`` names as its possessor ("Nestle's 7% share", "its exports"):
        the first child with one of ``deps`` that ``keep`` accepts, whose mention is outside quotes;
        "its" with no mention of its own goes to ``its(index)`` when given."""
        for child in noun.children:
            if child.dep_ not in deps or (keep is not None and not keep(child)):
                continue
            mention = view.actor_at(child)
            if mention is None and its is not None and child.lower_ == "its":
                mention = its(child.i)
            if mention is not None and view.quote_of[mention.start] is None:
                return mention
        return None

    @staticmethod
    def _number_head(view: _DocView, quantity: Quantity):
        """With a parse of its sentence, the token of a number that hangs from outside it; else None."""
        if not view.has_parse() or not view.parsed(quantity.start):
            return None
        return view.doc[quantity_head(view.doc, range(quantity.start, quantity.end))]

    def _possessor(self, view: _DocView, quantity: Quantity) -> tuple[ActorMention, str] | None:
        """With a parse, the possessor of the noun the number sizes: "Ukraine's dlrs 1.2 billion
        debt", "Nestle's 7% share"."""
        doc = view.doc
        head = self._number_head(view, quantity)
        if head is None:
            return None
        token = doc[quantity.end - 1]
        noun = token.head if token.head.pos_ in ("NOUN", "PROPN") and token.head.i >= quantity.end else None
        if noun is None:
            # "British Petroleum Co.'s #2.5 billion ( $4 billion ) takeover": the parser may hang the
            # possessor on the number itself
            noun = head
        owners = [noun]
        if head.dep_ == "pobj" and head.head.lower_ in ("to", "from") and head.head.head.pos_ == "VERB":
            # "raises Ratners's U.S. presence to 450 stores": the new size of what the verb changes
            owners += [c for c in head.head.head.children if c.dep_ in ("dobj", "obj")]
        for owner in owners:
            before = (lambda c: c.i < quantity.start) if owner is noun else None
            possessor = self._named_child(view, owner, keep=before)
            if possessor is not None:
                return possessor, "holder"
        # "a $500,000 reward announced earlier by Attorney General Janet Reno", "a $100,000 award
        # offered previously by the FBI": the one who made what the number sizes (a sum of money, not
        # things it counts: "21 drones fired by the Houthis" were shot down by someone else, "three
        # aircraft made by McDonnell Douglas" are the airline's)
        money = _is_money(quantity) and noun.i >= quantity.end
        for made in noun.children:
            # "the 235,000 forecast by economists": an estimate is its maker's figure, whatever it counts
            estimate = made.lemma_.lower() in _ESTIMATE_LEMMAS
            by = tree.agent(made) if (money or estimate) and made.dep_ == "acl" and made.tag_ == "VBN" else None
            mention = view.actor_at(by) if by is not None else None
            if mention is not None and view.quote_of[mention.start] is None:
                return mention, "agent"
        if noun.lemma_.lower() in _ESTIMATE_LEMMAS and noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ == "by":
            # "far above the 235,000 forecast by economists" (the parser may hang "by" on the verb)
            own = range(quantity.start, quantity.end)
            for maker in doc[noun.i + 1].children:
                mention = self._mention_for(view, maker, own) if maker.dep_ == "pobj" else None
                if mention is not None and view.quote_of[mention.start] is None:
                    return mention, "agent"
        return None

    def _counted_group(self, view: _DocView, quantity: Quantity) -> tuple[ActorMention, str] | None:
        """With a parse, a people the number counts holds it: "Some 1,500 ethnic Albanians
        marched", "Hundreds of Cuban-Americans blocked intersections", "a rally of several
        thousand Cuban scientists" (a people the NER names, or a civilian group noun with the
        people's adjective). A state's organs stay the state's ("307 Ukrainian troops")."""
        doc = view.doc
        if not view.has_parse() or not view.parsed(quantity.start):
            return None
        head = doc[quantity_head(doc, range(quantity.start, quantity.end))]
        counted = tree.counted_noun(head)
        nouns = [(counted, counted)] if counted is not None else []
        nouns += [(g, head) for g in tree.of_objects(head)]  # "Hundreds of Cuban-Americans"
        if nouns and self._reporter(view, tree.governing_verb(head), range(quantity.start, quantity.end)):
            return None  # "UNHCR says 300,000 Syrian refugees have returned": the reporter is always right
        for noun, phrase in nouns:
            if not self._group_acts(phrase, self.lex.undergone_nouns):
                continue  # "killed 46,000 Palestinians", "189 Ukrainians had been freed": done to them
            if view.quote_of[noun.i] is not None:
                continue
            mention = view.actor_at(noun)
            if mention is not None and not mention.is_group and mention.actors[0].type == "GROUP":
                return mention, "holder"
            # "Hundreds of Cuban-Americans blocked intersections": a people doing something to
            # something, as written (not "allowed 880 Soviets to leave")
            people = noun.lower_ in self.lex.civilian_groups or (
                self._national_noun(view, noun) is not None and self._acts_on_something(phrase.head))
            if not people:
                if noun.lower_ in self.lex.doer_nouns and noun.tag_ in ("NNS", "NNPS") and phrase.dep_ == "nsubj" \
                        and self._acts_on_something(phrase.head) \
                        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):  # "... of X, Y and Z" names them
                    # "Five major political parties issued statements", "the three foreign ministers
                    # flanked her": a body counted as the doer of a deed done to something
                    first = min([c.i for c in noun.lefts if c.dep_ in ("amod", "compound") and c.i >= quantity.end]
                                + [noun.i])
                    return self._group_phrase(doc, first, noun), "holder"
                continue
            modifiers = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper()
                         and c.i >= quantity.end]
            if modifiers or phrase.dep_ == "nsubj":  # "About 100 supporters cheered wildly"
                first = min([c.i for c in modifiers] + [noun.i])
                return self._group_phrase(doc, first, noun), "holder"
        return None

    def _counted_nationals(self, view: _DocView, quantity: Quantity) -> tuple[ActorMention, str] | None:
        """With a parse, a state's people counted as the subject of a clause that does nothing
        to anyone ("Twelve Americans were killed", "about 3,000 Americans, 3,000 Britons and
        more than 450 Japanese are in Iraq"): the state, each number its own. A state's or a
        body's organs counted as the subject are the state's or the body's whatever they do
        ("20,000 American GIs have massed", "Thirty-two of the 159 U.N. members had filed
        reports"); civilians with the state's adjective are their own group ("two American
        fishermen")."""
        found = self._counted_subject(view, quantity)
        if found is None:
            return None
        noun, verb = found
        acts = not tree.is_passive(verb) and verb.lemma_.lower() != "be" and verb.pos_ != "AUX"
        state = self._national_noun(view, noun)
        if state is not None:
            return (None if acts else (state, "holder"))  # "ethnic Albanians marched": a people acting, not a state
        if tree.is_passive(verb) and tree.agent(verb) is not None:
            return None  # "were brought back by Albright": the agent's deed
        body = self._body_of_members(view, noun)
        if body is not None:
            return body, "holder"
        demonym = self._demonym_of(view, noun)
        if demonym is None or not demonym.start < noun.i:
            return None
        if noun.lower_ in self.lex.civilian_groups:
            return self._group_phrase(view.doc, demonym.start, noun), "holder"
        return demonym, "holder"

    def _counted_subject(self, view: _DocView, quantity: Quantity):
        """(the noun the number counts, the verb it is the subject of), when what it counts is
        a clause's subject, also through an enumeration, "a total of" or a partitive
        ("Thirty-two of the 159 U.N. members"), outside quotes and with no reporter."""
        doc = view.doc
        if not view.has_parse() or not view.parsed(quantity.start):
            return None
        head = doc[quantity_head(doc, range(quantity.start, quantity.end))]
        noun = tree.counted_noun(head)
        if noun is None:  # "Thirty-two of the 159 U.N. members": the whole they are part of
            noun = next((g for g in tree.of_objects(head) if g.pos_ == "NOUN"), None)
            if noun is None or head.dep_ not in tree.SUBJECTS:
                return None
        if view.quote_of[noun.i] is not None:
            return None
        phrase = noun if noun.head.i != head.i else head
        for _ in range(4):  # up through an enumeration and "a total of"
            if phrase.dep_ == "conj" or (phrase.dep_ == "pobj" and phrase.head.lower_ == "of"):
                phrase = phrase.head if phrase.dep_ == "conj" else phrase.head.head
            else:
                break
        if phrase.dep_ not in tree.SUBJECTS \
                or self._reporter(view, tree.governing_verb(noun), range(quantity.start, quantity.end)):
            return None  # "UNHCR says 300,000 Syrian refugees have returned": the reporter is always right
        return noun, tree.clause_head(phrase.head)

    def _body_of_members(self, view: _DocView, noun) -> ActorMention | None:
        """ "the 159 U.N. members", "4,000 NATO troops": the body named before the people it
        counts, whose they are."""
        if noun.lower_ not in self.lex.doer_nouns:
            return None
        for child in noun.lefts:
            mention = view.actor_at(child) if child.dep_ in ("compound", "nmod") else None
            if mention is not None and not mention.is_group and mention.kind not in ("demonym", "demonyms") \
                    and mention.actors[0].type not in ("PERSON", "GROUP"):
                return mention
        return None

    def _surfaces(self) -> dict:
        """Surface form -> (kind, actor) of the registry news_actors reads (a pipeline may name
        its own), else of the bundled one."""
        actors = self._actor_recognizer()
        return (actors.registry if actors is not None else load_registry()).surfaces

    def _national_noun(self, view: _DocView, noun) -> ActorMention | None:
        """ "Americans", "Israelis", "Japanese": a plural people's name of a state, as that state."""
        surfaces = self._surfaces()
        for text in (noun.text, noun.text[:-1] if noun.text.endswith("s") else None):
            target = surfaces.get(text) if text else None
            if target is not None and target[0] == "demonym" and noun.tag_ in ("NNS", "NNPS"):
                return span_mention(view.doc, noun.i, noun.i + 1, (target[1],), "demonym")
        return None

    @staticmethod
    def _group_phrase(doc: Doc, first: int, noun) -> ActorMention:
        """The group a phrase names as its own actor: "Cuban scientists", "supporters"."""
        return span_mention(doc, first, noun.i + 1, (Actor(doc[first:noun.i + 1].text, "GROUP"),), "description")

    @staticmethod
    def _acts_on_something(verb) -> bool:
        """An active verb with a direct object: "issued statements", "flanked her"."""
        return verb.pos_ == "VERB" and not tree.is_passive(verb) and any(c.dep_ in ("dobj", "obj") for c in verb.children)

    @staticmethod
    def _group_acts(phrase, undergone: frozenset[str]) -> bool:
        """Whether a counted group does what its clause says: the subject of an active verb,
        the agent of a passive ("rescued by two American fishermen"), or a group named after
        another noun ("a rally of several thousand Cuban scientists")."""
        if phrase.dep_ in ("nsubj",):
            verb = tree.governing_verb(phrase.head)
            return verb is None or not tree.is_passive(verb)
        preposition = phrase.head
        if phrase.dep_ in ("pobj", "obl:agent") and (preposition.dep_ == "agent" or phrase.dep_ == "obl:agent"):
            return True  # "Elian was rescued by two American fishermen": the passive's doers
        return phrase.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head.pos_ in ("NOUN", "PROPN") \
            and preposition.head.lemma_.lower() not in undergone  # not "the deaths of 1.7 million Cambodians"

    def date_doer(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        """With a parse, who did what a date places in time when the text says so by "by",
        "between" or a possessive: "Wednesday's ruling by the Immigration and Naturalization
        Service", "Saturday night's debate between the two men", "the decision, announced
        Wednesday by Commissioner Doris Meissner" (the agent of a passive dates its own act;
        the reporter is no answer for a date)."""
        doc = view.doc
        date = view.event_date_at(start)
        if date is None or view.quantity_at(start) is not None \
                or not view.has_parse() or not view.parsed(start):
            return None
        own = range(date.start, date.end)
        span = doc[date.start:date.end]
        noun = tree.dated_noun(span)
        if noun is not None:
            for child in noun.children:  # "Saturday night's debate between the two men": both sides
                if child.dep_ == "prep" and child.lower_ in ("by", "between"):
                    for agent in child.children:
                        mention = self._mention_for(view, agent, own) if agent.dep_ == "pobj" else None
                        if mention is not None:
                            return mention, "agent"
            # "in the October slaying of Dr. Barnett Slepian": a happening named in passing; not
            # "attributed the company's third-quarter performance to ...", whose doer is the clause's
            found = self._dated_noun_holder(view, noun, own) if noun.dep_ == "pobj" else None
            if found is not None:
                return found
        verb = tree.governing_verb(span.root)
        if verb is not None and verb.tag_ == "VBN" and tree.agent(verb) is not None:  # "announced ... by"
            mention = self._mention_for(view, tree.agent(verb), own)
            if mention is not None:
                return mention, "agent"
        return self._when_clause_doer(view, date, own)

    def _dated_noun_holder(self, view: _DocView, noun, own: range) -> tuple[ActorMention, str] | None:
        """The one a dated noun is about when no agent is named: "the Oct. 23 killing of the
        doctor, Barnett Slepian", "Friday's edition of the Communist Party daily Granma"."""
        possessor = self._named_child(view, noun, keep=lambda c: c.i not in own)
        if possessor is not None:
            return possessor, "holder"
        for held in tree.of_objects(noun):
            for candidate in (held, *tree.appositions(held)):  # named, not described ("of a Georgian dissident")
                mention = view.actor_at(candidate)
                if mention is not None and mention.start > noun.i and mention.kind not in ("demonym", "demonyms") \
                        and view.quote_of[mention.start] is None:
                    return mention, "holder"
        return None

    def _when_clause_doer(self, view: _DocView, date: DateMention, own: range) -> tuple[ActorMention, str] | None:
        """ "from 1968, when the Soviets invaded Czechoslovakia": the clause says what happened
        then, and its doer is the date's."""
        doc = view.doc
        after = date.end + (date.end < len(doc) and doc[date.end].text == ",")
        if after >= len(doc) or doc[after].lower_ != "when":
            return None
        clause = doc[after].head
        if clause.i <= after or clause.pos_ != "VERB" or tree.is_passive(clause) or clause.lemma_.lower() == "be" \
                or any(c.dep_ == "cop" for c in clause.children):
            return None  # "when he was found", "when Havel was president": no deed of theirs
        main = tree.governing_verb(doc[date.start:date.end].root)
        if main is not None and main.i != clause.i and any(
                self._mention_for(view, s, own) is not None for s in tree.subjects(tree.controller(main))):
            return None  # "Cuban exiles failed to overthrow Castro in 1961 when ...": the main clause's doer
        for doer in tree.subjects(clause):
            mention = self._mention_for(view, doer, own)
            if mention is not None:
                return mention, "agent"
        return None

    def parse_subject(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        """With a dependency parse: who does what the governing verb says -- the agent of
        a passive ("were returned by Russia"), else the subject, through appositions
        ("Dmytro Lubinets, Ukraine's commissioner"); failing that, climbing to the
        reporting clause ("Zelensky said that 307 troops had returned" gives Zelensky
        as source) or a reporting parenthetical ("307 came home, Zelensky said")."""
        doc = view.doc
        if not view.has_parse() or not view.parsed(start):
            return None
        own = self._own_span(view, start)
        verb = tree.governing_verb(doc[start])
        date = view.event_date_at(start) if view.quantity_at(start) is None else None
        if verb is not None and date is not None and self._future_on_past_verb(view, date, verb):
            verb = tree.governing_verb(verb.head)  # "promised a referendum next year after delegates voted"
        # the subject of an active verb did it ("X said Russia launched 50 drones": Russia);
        # a number the clause undergoes ("8,000 are held by Russia", "12 were killed") is the
        # reporter's, where the sentence names one
        host = tree.gerund_host(verb) if verb is not None else None
        if verb is not None and host is not None:  # "who is charged with gunning down Dr. Slepian last fall": who is charged
            for doer in tree.gerund_doers(verb, host):
                mention = self._mention_for(view, doer, own)
                if mention is not None:
                    return mention, "agent"
        if verb is not None:
            verb = tree.controller(verb)
        if verb is not None and not tree.is_passive(verb):
            head = tree.clause_head(verb)
            for doer in tree.subjects(verb) + (tree.subjects(head) if head is not verb else []):
                mention = self._mention_for(view, doer, own)
                if mention is not None:
                    return mention, "source" if head.lemma_.lower() in self.lex.speech_lemmas else "agent"
        reporter = self._reporter(view, verb, own)
        if reporter is not None:
            return reporter, "source"
        if verb is not None and tree.is_passive(verb) and tree.agent(verb) is None:
            # "nearly 200 Israeli soldiers have been killed": no doer named, the state they belong to;
            # civilians are their own group ("three Canadian doctors ... were shot at")
            noun = tree.counted_noun(doc[quantity_head(doc, own)]) if own else None
            demonym = self._demonym_of(view, noun) if noun is not None else None
            if noun is not None and demonym is not None:
                if noun.lower_ in self.lex.civilian_groups and demonym.start < noun.i:
                    return self._group_phrase(doc, demonym.start, noun), "holder"
                return demonym, "holder"
        role = "agent"
        for _ in range(4):
            if verb is None:
                return None
            speech = tree.clause_head(verb).lemma_.lower() in self.lex.speech_lemmas
            for doer in tree.doers(verb) + tree.doers(tree.clause_head(verb)):
                mention = self._mention_for(view, doer, own)
                if mention is not None:
                    return mention, "source" if speech or role == "source" else "agent"
            for reporting in tree.reporting_verbs(tree.clause_head(verb), self.lex.speech_lemmas):
                for doer in tree.subjects(reporting):
                    mention = self._mention_for(view, doer, own)
                    if mention is not None:
                        return mention, "source"
            verb = tree.higher_clause(tree.clause_head(verb))
            if verb is not None and tree.clause_head(verb).lemma_.lower() in self.lex.speech_lemmas:
                role = "source"
        return None

    @staticmethod
    def _future_on_past_verb(view: _DocView, date: DateMention, verb) -> bool:
        """A date after the publication day hung by the parser on a past-tense verb of a
        subordinate clause, which it cannot date ("next year after delegates voted")."""
        published = view.doc._.published
        return published is not None and date.start_date is not None and date.start_date > published \
            and verb.tag_ == "VBD" and verb.dep_ in ("advcl", "relcl")

    def _reporter(self, view: _DocView, verb, own: range) -> ActorMention | None:
        """The actor a sentence names as reporting the number ("X said ... that 40 were
        killed", "40 were killed, X said"): by the guideline the reporter is always an
        accepted answer, and the doer inside a reported clause often is not named."""
        for _ in range(4):
            if verb is None:
                return None
            head = tree.clause_head(verb)
            speaking = [head] if head.lemma_.lower() in self.lex.speech_lemmas else []
            speaking += tree.reporting_verbs(head, self.lex.speech_lemmas)
            for speech in speaking:
                for doer in tree.subjects(speech):
                    mention = self._mention_for(view, doer, own)
                    if mention is not None:
                        return mention
            verb = tree.higher_clause(head)
        return None

    @staticmethod
    def _own_span(view: _DocView, start: int) -> range:
        """The tokens of the mention being attached (a number is not its own actor)."""
        item = view.quantity_at(start) or view.event_date_at(start)
        return range(item.start, item.end) if item is not None else range(start, start + 1)

    def _mention_for(self, view: _DocView, token, own: range) -> ActorMention | None:
        """The actor a subject or agent token names: its own mention, else one in
        apposition with it, else its possessor ("Russia's forces"; not a noun
        inside a prepositional phrase: "strikes on Lebanon" names no doer);
        coordinated actors ("Ukraine and Russia") come back joined."""
        if token.i in own:
            return None
        antecedent = tree.relative_antecedent(token) or self._speaker_of_pronoun(view, token)
        if antecedent is not None:
            token = antecedent  # "Hershey Foods Corp., which has about 40%": Hershey
        elif token.lower_ == "they" and token.dep_ in tree.SUBJECTS and view.actor_at(token) is None:
            previous = self._previous_group_subject(view, token)
            if previous is not None:
                return previous  # "Police found 1,300 pounds ... They arrested two men"
        for candidate in [token, *tree.appositions(token)]:
            body = self._represented_body(view, candidate, own)
            if body is not None:
                return body
            mention = view.actor_at(candidate)
            if mention is not None and view.quote_of[mention.start] is None:
                return self._joined(view, mention, candidate)
        company = self._company_described(view, token, own)
        if company is not None:
            return company
        actors = self._actor_recognizer()
        if actors is not None and token.lower_ in actors.security_nouns:
            # "Kellogg stock, which closed Friday at $71.75", "Shares of Coors ... fell $1.50": the company's
            held = [c for c in token.lefts if c.dep_ in ("compound", "nmod")] + list(tree.of_objects(token))
            for child in held:
                mention = view.actor_at(child)
                if mention is not None and not mention.is_group and mention.actors[0].type == "ORGANIZATION":
                    return mention
        # "Kopp's stepmother said": a relative speaks for herself, not for the possessor;
        # "Its stock ... $18.75 a share": the organization "its" stands for
        if token.lower_ not in self.lex.relative_nouns:
            possessor = self._named_child(view, token, keep=lambda c: c.i not in own,
                                          its=lambda i: self._organization_before(view, i))
            if possessor is not None:
                return possessor
        return self._entity_mention(view, token, own) or self._parent_of(view, token, own) \
            or self._description_mention(view, token, own)

    def _company_described(self, view: _DocView, token, own: range) -> ActorMention | None:
        """A company the story names by its country and trade: "Canada's largest department
        store operator said", "the U.S. auto giant paid": the company the story is about (the
        last one that opened a sentence), not the country."""
        actors = self._actor_recognizer()
        if actors is None or view.actor_at(token) is not None:
            return None
        # "The British paper, packaging and publishing concern": the trade noun may be the apposition
        head = next((h for h in [token, *tree.appositions(token)] if h.lower_ in actors.company_heads
                     and h.i >= token.i and h.i - token.i <= 8), None)
        if head is None:
            return None
        named = (view.actor_at(c) for c in token.lefts
                 if c.dep_ in ("poss", "nmod:poss", "compound", "nmod", "amod") and c.i not in own)
        country = any(m is not None and (m.kind == "demonym" or m.actors[0].type == "STATE") for m in named)
        if not country and self._demonym_of(view, token) is None:  # "Canada's", "U.S."; "British"
            return None
        if not any(c.lower_ == "the" or c.dep_ in ("poss", "nmod:poss") for c in token.lefts):
            return None  # "a Dutch company has sought approval": another company, not the story's
        company = actors.company_before(view.doc, token.i, view.actors)
        if company is None:
            return None
        if any(t in own for t in range(token.left_edge.i, head.i + 1)):
            return None
        return span_mention(view.doc, token.left_edge.i, head.i + 1, (company,), "description")

    def _represented_body(self, view: _DocView, token, own: range) -> ActorMention | None:
        """The body whose officials or spokesman the token names: "Pentagon officials",
        "Merieux officials", "a Jaguar spokesman", "U.S. officials", "officials of the
        Immigration and Naturalization Service". Not a person's aides or a company's
        analysts: only these speaking-for nouns, and only a body, state or people named."""
        if token.lower_ not in self.lex.representative_nouns or not view.parsed(token.i):
            return None
        named = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod") and c.i not in own]
        actors = self._actor_recognizer()
        trade = next((c for c in named if actors is not None and c.lower_ in actors.company_heads
                      and view.actor_at(c) is None), None)
        if trade is not None:  # "Thrift officials said", "Company officials": the story's company
            company = actors.company_before(view.doc, token.i, view.actors)
            if company is not None:
                return span_mention(view.doc, trade.i, token.i + 1, (company,), "description")
        behalf = [g for p in token.rights if p.dep_ == "prep" and p.lower_ in ("for", "at")
                  for g in p.children if g.dep_ == "pobj"]  # "a spokesman for the State Department"
        for candidate in named + tree.of_objects(token) + behalf:
            mention = view.actor_at(candidate) or self._entity_mention(view, candidate, own)
            if mention is not None and not mention.is_group and mention.actors[0].type not in ("PERSON", "GROUP") \
                    and view.quote_of[mention.start] is None:
                # the whole phrase as the evidence, the body as the actor
                return span_mention(view.doc, min(mention.start, token.i), max(mention.end, token.i + 1),
                                    mention.actors, mention.kind)
        return None

    #: nouns for a part of an organization, which acts for it ("the portfolio unit of ... Credit Lyonnais")
    _PART_NOUNS = frozenset({"unit", "subsidiary", "division", "arm", "affiliate", "branch", "units", "subsidiaries"})

    def _parent_of(self, view: _DocView, token, own: range) -> ActorMention | None:
        """ "The portfolio unit of the French bank group Credit Lyonnais told regulators": the
        organization the unit belongs to (not the state its adjective names)."""
        if token.lower_ not in self._PART_NOUNS:
            return None
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for noun in prep.children:
                for t in noun.subtree:
                    mention = view.actor_at(t)
                    if mention is not None and t.i not in own and not mention.is_group \
                            and mention.actors[0].type not in ("PERSON", "STATE"):
                        return mention
        return None

    def _previous_group_subject(self, view: _DocView, token) -> ActorMention | None:
        """What a bare "they" opening a clause stands for: the plural doer of the sentence before
        ("Police found ... They arrested two men"), when the parse names one."""
        index = view.sentence_of[token.i]
        if index == 0 or not view.parsed(view.sentences[index - 1].start):
            return None
        root = view.sentences[index - 1].root
        for subject in tree.subjects(tree.clause_head(root)):
            if subject.lower_ in ("they", "it", "he", "she"):
                continue
            mention = self._mention_for(view, subject, range(0))
            if mention is not None and (mention.is_group or mention.actors[0].type == "GROUP"):
                return mention
        return None

    def _organization_before(self, view: _DocView, i: int) -> ActorMention | None:
        """What "its" stands for: the last organization (not a person, a state's adjective or a
        group) named as a subject in this sentence or the two before, else named at all."""
        index = view.sentence_of[i]
        for back in range(index, max(index - 3, -1), -1):
            named = [m for m in self._organizations(view.sentence_actors(back)) if m.end <= i]
            subjects = [m for m in named if view.is_subject_like(m)]
            if subjects or named:
                return (subjects or named)[-1]
        return None

    def _speaker_of_pronoun(self, view: _DocView, token):
        """ "The company said it estimates ...": a pronoun subject of what is said is the one
        who says it (the text's nearest earlier name may be another company)."""
        if token.lower_ not in ("it", "they", "he", "she", "we") or token.dep_ not in tree.SUBJECTS:
            return None
        clause = token.head
        if clause.dep_ not in ("ccomp", "conj") or clause.head.lemma_.lower() not in self.lex.speech_lemmas:
            return None
        for subject in tree.subjects(clause.head):
            mention = view.actor_at(subject)
            if mention is not None and mention.kind != "pronoun" and view.quote_of[subject.i] is None:
                return subject
        return None

    #: modifiers kept in a description's span ("Catholic protesters", "Kopp's stepmother")
    _DESCRIPTION_MODIFIERS = frozenset({"amod", "compound", "nmod:poss", "poss", "case", "nn", "nmod"})
    #: persons named by their place in a body: its "of" phrase belongs to the description
    #: ("the top commander of a Cambodian resistance force")
    _ROLE_NOUNS = frozenset({"commander", "leader", "chief", "head", "member", "members", "deputy"})
    #: people who act for someone: their "for" phrase belongs to the description ("Lawyers for the relatives")
    _AGENT_NOUNS = frozenset({"lawyer", "lawyers", "attorney", "attorneys", "spokesman", "spokeswoman",
                              "spokesperson", "representatives", "advocates"})

    def _description_mention(self, view: _DocView, token, own: range) -> ActorMention | None:
        """A doer no name gives: a common noun for people or a body ("Police found 1,300
        pounds", "more than 2,000 Catholic protesters rallied") is the actor as written,
        with its adjectives and possessor but not the number counting it."""
        if token.i in own or token.i < view.dateline_end or view.quote_of[token.i] is not None \
                or token.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.i in own for c in token.children if c.dep_ in ("nummod", "quantmod")) \
                or any(c.i in own for c in token.children if c.dep_ == "amod" and c.like_num) \
                or (token.lower_ in self.lex.collective_nouns
                    and any(n.i in own for g in tree.of_objects(token) for n in g.children if n.dep_ == "nummod")):
            return None  # "307 troops had returned", "the first group of 230 evacuees": what is counted is not its own doer
        nouns = self.lex.doer_nouns
        if not (token.lower_ in nouns or token.lemma_.lower() in nouns
                or token.lemma_.lower() + "s" in nouns  # "an anti-Castro lawmaker"
                or token.lower_ in self.lex.civilian_groups
                or self._company_in_view(view, token) is not None):  # "Cuban exiles failed", not "a Cuban exile said"; "the brewing giant"
            # "German law requires ...": not a body that acts, so the state its adjective names
            return self._demonym_of(view, token)
        for child in token.lefts:  # "FBI agents", "State Department officials": the body they serve
            body = view.actor_at(child) if child.dep_ in ("compound", "nmod", "amod") else None
            if body is not None and not body.is_group and body.actors[0].type not in ("PERSON", "STATE", "GROUP") \
                    and body.kind not in ("demonym", "institution") and not any(t.i in own for t in child.subtree):
                return body
        start = token.i
        for child in sorted(token.lefts, key=lambda c: -c.i):
            if child.dep_ not in self._DESCRIPTION_MODIFIERS or child.right_edge.i != start - 1 \
                    or child.pos_ == "PRON" or any(t.i in own or t.like_num for t in child.subtree) \
                    or child.lower_ == "new":
                break  # not "Its" in "Its workers", not "new" in "a new Essex County task force"
            start = child.left_edge.i
        doc = view.doc
        end = token.i + 1
        # "a group of lenders", "A group of Florida lawmakers": the collective is what its "of" names
        if token.lower_ in self._AGENT_NOUNS or token.lower_ in self._ROLE_NOUNS \
                or token.lower_ in self.lex.collective_nouns:
            word = "for" if token.lower_ in self._AGENT_NOUNS else "of"
            behalf = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == word and c.i == token.i + 1), None)
            if behalf is not None and not any(t.i in own for t in behalf.subtree) and behalf.right_edge.i - token.i <= 8:
                end = behalf.right_edge.i + 1
        span = doc[start:end]
        plural = token.tag_ in ("NNS", "NNPS") or token.lower_ == "police"
        kind = "GROUP" if plural else "PERSON" if token.lower_ in self.lex.person_nouns else "ORGANIZATION"
        actor = self._government_in_view(view, token) or self._company_in_view(view, token) or Actor(span.text, kind)
        if start > 0 and doc[start - 1].lower_ in ("a", "an") and doc[start - 1].head.i == token.i:
            span = doc[start - 1:end]  # the text names "an anti-Castro lawmaker"; the actor is "anti-Castro lawmaker"
        mention = span_mention(doc, span.start, span.end, (actor,), "description")
        return self._joined(view, mention, token)  # "the government and Union Bank of Finland each ..."

    def _actor_recognizer(self):
        """The news_actors component of this pipeline, whose registry and lexicon the
        description rules share; None in a pipeline without it."""
        return self.nlp.get_pipe("news_actors") if "news_actors" in self.nlp.pipe_names else None

    def _company_in_view(self, view: _DocView, token) -> Actor | None:
        """ "the company reported ...": the company news_actors would name for it (the last one
        that opened a sentence)."""
        actors = self._actor_recognizer()
        if actors is None or token.lower_ not in actors.company_heads \
                or not any(c.lower_ == "the" for c in token.lefts):
            return None
        return actors.company_before(view.doc, token.i, view.actors)

    @staticmethod
    def _government_in_view(view: _DocView, token) -> Actor | None:
        """ "the government" with no state named in its phrase: the state the story last named
        a government or body of ("The Finnish government ... the government")."""
        if token.lower_ != "government" or not any(c.lower_ == "the" for c in token.lefts):
            return None
        for m in reversed(view.actors):
            if m.end > token.i or m.is_group:
                continue
            actor = m.actors[0]
            if actor.type in ("STATE", "GOVERNMENT") and actor.country:
                return actor
        return None

    @staticmethod
    def _entity_mention(view: _DocView, token, own: range) -> ActorMention | None:
        """A doer the registry and the name patterns missed but the NER tagged as a person
        or organisation ("Mayor Hanna Kowalska said")."""
        kind = _ENTITY_TYPES.get(token.ent_type_)
        if kind is None or token.i in own or token.i < view.dateline_end or view.quote_of[token.i] is not None:
            return None
        sent = view.sentences[view.sentence_of[token.i]]
        ent = view.entity_at(token.i)
        if ent is None or not (sent.start <= ent.start and ent.end <= sent.end):
            return None
        return span_mention(view.doc, ent.start, ent.end, (Actor(ent.text, kind),), "entity")

    def _demonym_of(self, view: _DocView, token) -> ActorMention | None:
        """A state's adjective on the doer ("German law", "Israeli troops", "the value of the
        Indonesian stock market") names that state."""
        surfaces = self._surfaces()
        # "the value of the Indonesian stock market": the noun the doer is "of"
        nouns = [token] + tree.of_objects(token)
        for child in (c for noun in nouns for c in noun.lefts):
            target = surfaces.get(child.text)
            if child.dep_ in ("amod", "compound", "nmod") and target is not None and target[0] == "demonym" \
                    and view.quote_of[child.i] is None \
                    and not (child.i + 1 < len(view.doc) and view.doc[child.i + 1].lower_ in self.lex.financial_terms):
                # "American, British, Egyptian, Syrian and Moroccan forces": each state's own
                # the parser hangs a list of adjectives on the noun and on each other
                noun = child.head
                more = [c for c in noun.lefts if c.i > child.i and c.dep_ in ("amod", "compound", "nmod")]
                more += [c for m in [child] + more for c in m.conjuncts if c.i > child.i]
                # a list ("American, British and Egyptian"), not two adjectives ("Japanese American internees")
                more = [c for c in more if surfaces.get(c.text, ("",))[0] == "demonym" and view.quote_of[c.i] is None
                        and c.i > 0 and view.doc[c.i - 1].lower_ in (",", "and", "or")]
                states = list(dict.fromkeys([target[1]] + [surfaces[c.text][1] for c in sorted(more, key=lambda c: c.i)]))
                last = max([child] + more, key=lambda c: c.i) if len(states) > 1 else child
                return span_mention(view.doc, child.i, last.i + 1, tuple(states),
                                    "demonyms" if len(states) > 1 else "demonym")
        return None

    @staticmethod
    def _joined(view: _DocView, mention: ActorMention, token) -> ActorMention:
        """ "Ukraine and Russia each freed 390": one mention for both conjoined actors."""
        others = [m for m in (view.actor_at(c) for c in tree.conjuncts(token)) if m is not None and m is not mention]
        if not others or mention.is_group:
            return mention
        parts = sorted([mention, *others], key=lambda m: m.start)
        actors = tuple(dict.fromkeys(a for m in parts for a in m.actors))
        return span_mention(view.doc, parts[0].start, parts[-1].end, actors, "group")

    def clause_subject(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        """The nearest subject before the mention in its clause: "X said Y launched 50" gives Y."""
        clause = view.clause_of[start]
        found = None
        for m in view.sentence_actors(view.sentence_of[start]):
            if m.start < start and view.clause_of[m.start] == clause and view.is_subject_like(m):
                found = m
        if found is None:
            return None
        return found, "source" if view.followed_by_speech(found) else "agent"

    def survey_source(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        """ "In a New York Times/CBS News poll completed on Saturday, 69 percent of those polled
        said ...": the figures of a poll or survey named before them are its maker's."""
        doc = view.doc
        if view.quantity_at(start) is None:
            return None
        actors = self._actor_recognizer()
        source_nouns = actors.source_nouns if actors is not None else frozenset()
        for m in view.sentence_actors(view.sentence_of[start]):
            if m.start >= start:
                break
            after = m.end
            partners: list[Actor] = []
            while after + 1 < len(doc) and doc[after].text == "/":  # "New York Times/CBS News poll"
                after += 1
                first = after
                while after < len(doc) and doc[after].text[:1].isupper():
                    after += 1
                if after > first:
                    other = view.actor_at(doc[first])
                    partners.append(other.actors[0] if other is not None and not other.is_group
                                    else Actor(doc[first:after].text, "ORGANIZATION"))
            if after < len(doc) and doc[after].lower_ in source_nouns:
                if partners and not m.is_group:  # a joint poll: each maker's figures, one row per side
                    return span_mention(doc, m.start, after, (m.actors[0], *partners), "pollsters"), "source"
                return m, "source"
        return None

    def according_to(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        doc = view.doc
        for m in view.sentence_actors(view.sentence_of[start]):
            k = m.start
            while k > 0 and doc[k - 1].lower_ in self.lex.determiners:
                k -= 1
            for opener in self.lex.source_openers:
                n = len(opener)
                if k >= n and tuple(t.lower_ for t in doc[k - n:k]) == opener:
                    return m, "source"
        return None

    def speaker_after(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        for m in view.sentence_actors(view.sentence_of[start]):
            if m.start > start and (view.followed_by_speech(m) or view.preceded_by_speech(m)):
                return m, "source"
        return None

    def source_after(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        """ "Gas prices fell nearly two cents a gallon. That according to the Lundberg survey":
        a next sentence that opens by naming the source of what was just said."""
        index = view.sentence_of[start] + 1
        if index >= len(view.sentences):
            return None
        words = [t.lower_ for t in view.sentences[index][:4]]
        if words[:3] not in (["that", "according", "to"], ["that", "'s", "according"], ["this", "according", "to"]):
            return None
        mentions = view.sentence_actors(index)
        return (mentions[0], "source") if mentions else None

    def any_before(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        before = [m for m in view.sentence_actors(view.sentence_of[start]) if m.start < start]
        subjects = [m for m in before if view.is_subject_like(m)]
        if subjects:
            return subjects[0], "agent"
        return (before[-1], "agent") if before else None

    def _is_financial(self, view: _DocView, start: int) -> bool:
        """A company's figure: money or a share of it, in a sentence about profit, sales,
        assets or stock ("net was $10.5 million", "Revenue rose 12%")."""
        sent = view.sentences[view.sentence_of[start]]
        return any(t.lower_ in self.lex.financial_nouns for t in view.doc[sent.start:min(sent.end, start + 1)])

    @staticmethod
    def _organizations(mentions: list[ActorMention]) -> list[ActorMention]:
        return [m for m in mentions if not m.is_group and m.actors[0].type not in ("PERSON", "STATE", "GROUP")]

    def previous_topic(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        index = view.sentence_of[start]
        speakers = view.speaker_ids
        if self._is_financial(view, start):
            # "Mr. Schwarz says. ... net was $10.5 million": the company's figure, not its chairman's
            for back in range(index - 1, max(index - 3, -1), -1):
                companies = self._organizations(view.sentence_actors(back))
                if companies:
                    return companies[0], "holder"
            # none just before ('A spokesman said ... In the fibers segment, profit rose to $180
            # million'): the company the story is about, not the spokesman
            story = self._story_subject(view, start, financial=True)
            if story is not None and self._organizations([story[0]]):
                return story[0], "holder"
        for back in range(index - 1, max(index - 3, -1), -1):
            # the speaker of a quote reports; the topic is what the story is about
            # ('"...," said Thomas Roeck, chief financial officer. Passenger traffic jumped 14%')
            subjects = [m for m in view.sentence_actors(back) if view.is_subject_like(m) and id(m) not in speakers]
            if subjects:
                return subjects[0], "agent"
        return None

    def document_topic(self, view: _DocView, start: int) -> tuple[ActorMention, str] | None:
        """Last resort: the actor the story opens with ("Kimberly-Clark Corp. posted a 20%
        gain ..." ... "Sales rose 6.7%"): the first subject-like actor of the first of the
        opening three sentences (up to the number's own) that has one."""
        return self._story_subject(view, start, self._is_financial(view, start))

    def _story_subject(self, view: _DocView, start: int, financial: bool) -> tuple[ActorMention, str] | None:
        for index in range(min(len(view.sentences), view.sentence_of[start] + 1)):
            subjects = [m for m in view.sentence_actors(index) if view.is_subject_like(m)]
            if financial:  # "H. Marshall Schwarz was named chairman of U.S. Trust Corp.": the company
                subjects = self._organizations(subjects) or self._organizations(view.sentence_actors(index))
            if subjects:
                return subjects[0], "agent"
            if index >= 2:
                break
        return None

    def actor_for(self, view: _DocView, start: int) -> tuple[ActorMention, str, bool] | None:
        """(mention, role, found in the mention's own clause or statement); the first rule that finds one wins."""
        for rule, local in self.rules:
            found = rule(view, start)
            if found is not None:
                same_clause = view.clause_of[found[0].start] == view.clause_of[start]
                return found[0], found[1], local or same_clause
        return None

    def _open_after_positional_rules(self, view: _DocView, sentence_ok) -> set[int]:
        """Indexes of the sentences (passing ``sentence_ok(index, start)``) that hold a number
        or an event date no rule before the parse rule settles."""
        before_parse = [rule for rule, _ in self.rules[:self.rules.index((self.parse_subject, False))]]
        starts = [q.start for q in view.quantities] + \
                 [d.start for d in view.event_dates if d.kind != "dateline"]
        wanted: set[int] = set()
        for start in starts:
            index = view.sentence_of[start]
            if index not in wanted and sentence_ok(index, start) \
                    and all(rule(view, start) is None for rule in before_parse):
                wanted.add(index)
        return wanted

    def sentences_needing_parse(self, view: _DocView) -> list:
        """The sentences where a number or date got past the rules that come before the
        parse and the parse could still name a doer (an actor mention outside quotes, or a
        capitalized word the NER may tag: "The far-left Economic Freedom Fighters won 39"),
        and those where a number is followed by words but the token rules found no unit."""
        could_name: dict[int, bool] = {}  # per sentence, not per number (a run-on text is one sentence)

        def doer_possible(index: int, start: int) -> bool:
            if index not in could_name:
                could_name[index] = bool(view.sentence_actors(index)) or view.has_name_like(index) \
                    or any(t.lower_ in self.lex.doer_nouns or t.lower_ == "they" for t in view.sentences[index])
            return could_name[index]

        wanted = self._open_after_positional_rules(view, doer_possible)
        wanted |= {view.sentence_of[q.start] for q in view.quantities if self._unit_open(view, q)}
        wanted |= {view.sentence_of[d.start] for d in view.event_dates if self._may_date_a_noun(view, d)
                   and view.quantities_from(view.sentences[view.sentence_of[d.start]].start,
                                            view.sentences[view.sentence_of[d.start]].end)}
        return [view.sentences[i] for i in sorted(wanted)]

    def _may_date_a_noun(self, view: _DocView, date: DateMention) -> bool:
        """A date that may sit inside a noun phrase ("the November 1995 assassination",
        "Friday's purchases"): the parse decides which numbers it dates (_dates_another_noun)."""
        doc = view.doc
        before = doc[date.start - 1].lower_ if date.start > 0 else ""
        after = doc[date.end].text if date.end < len(doc) else ""
        return before in self.lex.determiners or after in ("'s", "’s")

    # -- what is counted ----------------------------------------------------------------

    def counted_unit(self, view: _DocView, quantity: Quantity) -> None:
        """With a parse, the unit is the noun the number modifies when the token rules found
        none ("two Iskander-M missiles") or took one of its modifiers for it ("one anti-ship
        ballistic missile" gave "anti")."""
        if not self._unit_open(view, quantity) or not view.parsed(quantity.start):
            return
        doc = view.doc
        noun = next((n for n in (tree.counted_noun(doc[k]) for k in range(quantity.start, quantity.end))
                     if n is not None and not quantity.start <= n.i < quantity.end), None)
        if noun is None:
            return
        modifiers = {c.lemma_.lower() for c in noun.subtree if c.i != noun.i and c.i >= quantity.end}
        if quantity.unit is None or quantity.unit in modifiers:
            quantity.unit = noun.lemma_.lower()
            # "137.8 million Canadian dollars": a currency noun as its ISO 4217 code
            quantity.unit = self.numbers.currency_code(quantity.unit, view.lowers[max(0, quantity.start - 1):noun.i]) \
                or quantity.unit

    @staticmethod
    def _unit_open(view: _DocView, quantity: Quantity) -> bool:
        """No unit yet, or one read off a hyphenated modifier ("anti" of "anti-ship"); money
        and percentages keep theirs (currency codes, "percent")."""
        doc = view.doc
        if quantity.unit is not None and (quantity.unit.isupper() or quantity.unit == "percent"):
            return False
        if quantity.unit is None:
            return quantity.end < len(doc) and doc[quantity.end].is_alpha
        return any(t.lower_ == quantity.unit and t.i + 1 < len(doc) and doc[t.i + 1].text == "-"
                   for t in doc[quantity.end:min(quantity.end + 3, len(doc))])

    # -- date, predicate, counterpart ------------------------------------------------

    def date_for(self, view: _DocView, quantity: Quantity) -> DateMention | None:
        # "Kopp, 44, became the subject of a manhunt in November": an age is not of the event;
        # the sentence's statement date still dates it ("Police confirmed Friday that ... Hernandez, 49")
        age = self._is_age_apposition(view, quantity)
        if self._is_age_compound(view.doc, quantity):
            return None  # "the relatives of 6-year-old Elian": an age, and the sentence's date stays its event's own
        if self._is_location_distance(view.doc, quantity):
            return None  # "in Dundalk, 50 miles (80 kms) south of Belfast": where, not an event of its own
        sentence = view.sentence_of[quantity.start]
        quote = view.quote_of[quantity.start]
        doc = view.doc
        # dates within reach of the number (a run-on text of thousands of words is one sentence)
        candidates = [d for d in view.dates_by_sentence.get(sentence, [])
                      if -_DATE_REACH <= d.start - quantity.start <= _DATE_REACH
                      and view.quote_of[d.start] is quote and d.kind != "dateline"
                      and not (d.start > 0 and doc[d.start - 1].lower_ in _TERM_WORDS)
                      and not self._is_baseline_of(doc, d, quantity)
                      and not self._in_other_time(view, d, quantity)
                      and not self._dates_another_noun(view, d, quantity)
                      and not self._across_adverbial_clause(view, d, quantity)
                      and not self._later_than_a_past_event(view, d, quantity)]
        doc = view.doc
        scored: list[tuple[int, int, DateMention]] = []

        lemmas, speech = view.lemmas, self.lex.speech_lemmas

        def statement_penalty(d: DateMention, upto: int | None = None) -> int:
            # a date on the verb of saying dates the statement; the event's own date wins
            # (the three words before it, and those between it and the number up to ``upto``)
            around = lemmas[max(d.start - 3, 0):d.start] + (lemmas[d.end:upto] if upto is not None else [])
            return 20 if not speech.isdisjoint(around) else 0

        compared = self._compared(view, quantity) or any(
            self._compared(view, q) and self._restates(doc, q, quantity)
            for q in view.quantities_from(max(0, quantity.start - 12), quantity.start))  # "from $283.9 million, or $3.53 a share"
        for d in candidates:
            if d.end <= quantity.start:
                if compared:
                    continue  # "rose to $313.2 million from $283.9 million": the earlier date is not its
                penalty = statement_penalty(d, quantity.start)
                scored.append((quantity.start - d.end + penalty, 0, d))
            elif d.start >= quantity.end and view.clause_of[d.start] == view.clause_of[quantity.start] \
                    and _COMPARISON_WORDS.isdisjoint(view.lowers[quantity.end:d.start]) \
                    and (compared or not any(self._compared(view, q)
                                             for q in view.quantities_from(quantity.end, d.start))) \
                    and not any(q.end <= d.start and "," in view.texts[quantity.end:q.start]
                                and not self._restates(doc, quantity, q)
                                for q in view.quantities_from(quantity.end, d.start)):
                # "240 seats, down from 303 five years ago": a later date belongs to the nearer number
                # (but "120 missiles and 90 drones on Sunday" dates both)
                if self._period_of_figure(doc, quantity, d):
                    scored.append((-1, 0, d))  # "announcement Friday of a $648.2 million loss for the third quarter"
                    continue
                scored.append((d.start - quantity.end + statement_penalty(d), 1, d))
        if age:
            scored = [x for x in scored if statement_penalty(x[2]) > 0]
        if scored:
            return min(scored, key=lambda x: (x[0], x[1]))[2]
        if quote is not None:
            return quote.date
        return None

    @staticmethod
    def _is_baseline_of(doc: Doc, date: DateMention, quantity: Quantity) -> bool:
        """ "profit grew 19% from a year ago", "a 13% increase from last year's $1.55 billion":
        a year back after "from" or "than" is what a change is measured against, not when it
        happened ("down 6.8% from Oct. 13" keeps its day: the text gives no other)."""
        if quantity.unit != "percent" or date.start < quantity.end or date.start - quantity.end > 3 \
                or doc[date.start - 1].lower_ not in _BASELINE_WORDS:
            return False
        words = {t.lower_ for t in doc[date.start:date.end]}
        return any("year" in w for w in words) and bool(words & _YEAR_BACK_WORDS)

    @staticmethod
    def _period_of_figure(doc: Doc, quantity: Quantity, date: DateMention) -> bool:
        """ "a $648.2 million loss for the third quarter": the period a figure is for, named in
        its own noun phrase, is its date over a statement's day."""
        between = doc[quantity.end:date.start]
        return 1 <= len(between) <= 4 and between[-1].lower_ == "for" \
            and all(t.pos_ in ("NOUN", "ADJ", "PROPN") or t.lower_ == "for" for t in between)

    @staticmethod
    def _is_location_distance(doc: Doc, quantity: Quantity) -> bool:
        """A distance that places something ("50 miles (80 kms) south of Belfast", "17
        kilometers from Angkor Wat", "130 miles east of here")."""
        if quantity.unit not in _DISTANCE_UNITS:
            return False
        k = quantity.end
        while k < len(doc) and doc[k].lower_ in _DISTANCE_WORDS:
            k += 1
        if k < len(doc) and doc[k].text == "(":  # "50 miles (80 kms) south"
            while k < len(doc) and doc[k].text != ")":
                k += 1
            k += 1
        elif k < len(doc) and doc[k].text == ")":  # the "80 kms" inside it
            k += 1
        return k < len(doc) and doc[k].lower_ in _PLACING_WORDS

    def _is_age_compound(self, doc: Doc, quantity: Quantity) -> bool:
        """ "6-year-old", "a 39-year-old businessman": the number is an age, a description of
        someone ("Howes, 37 years old when he was kidnapped" is dated by its clause and stays)."""
        words = [t.lower_ for t in doc[quantity.end:quantity.end + 4]]
        return len(words) == 4 and words[0] == words[2] == "-" and words[1] in self.lex.age_units \
            and words[3] in ("old", "olds")

    @staticmethod
    def _is_age_apposition(view: _DocView, quantity: Quantity) -> bool:
        """A bare number set off by commas after a person's name: "Amir, 27, is serving"."""
        doc = view.doc
        if quantity.start < 2 or quantity.end >= len(doc) or quantity.end - quantity.start != 1:
            return False
        following = doc[quantity.end:quantity.end + 3]
        if [t.lower_ for t in following[:2]] == ["years", "old"] and len(following) == 3:
            following = following[2:]  # "Mr. Schwarz, 52 years old, will succeed"
        if doc[quantity.start - 1].text != "," or not following or following[0].text not in (",", ";", ".") \
                or not doc[quantity.start].like_num:
            return False
        person = view.actor_at(doc[quantity.start - 2])
        return person is not None and person.actors[0].type == "PERSON"

    @staticmethod
    def _refers_back(doc: Doc, quantity: Quantity) -> bool:
        """ "The three are expected to join in April", "the two presidents signed": a small
        count after "the" names those already in the story; the date's event keeps a row of
        its own besides."""
        before = doc[quantity.start - 1].lower_ if quantity.start > 0 else ""
        return before in ("the", "these", "those") and quantity.modifier == "exact" \
            and quantity.value is not None and quantity.value <= 12 and quantity.text.isalpha()

    def _compared(self, view: _DocView, quantity: Quantity) -> bool:
        """_is_compared, asked once per number and document (date_for asks it of every number
        between a number and each date in reach)."""
        key = (quantity.start, quantity.end)
        found = view.compared.get(key)
        if found is None:
            found = view.compared[key] = self._is_compared(view.doc, quantity)
        return found

    @staticmethod
    def _is_compared(doc: Doc, quantity: Quantity) -> bool:
        """A figure given for comparison: "up from $100 million", "compared with 1.8353 marks"."""
        # a currency sign the number reader left outside ("from #94.8 million") is no word
        before = [t.lower_ for t in doc[max(0, quantity.start - 4):quantity.start]
                  if not (len(t) == 1 and not t.is_alpha and t.text not in ",;:")]
        return bool(before) and (before[-1] in ("from", "versus", "vs.") or before[-2:] in (["compared", "with"],
                                                                                           ["compared", "to"]))

    @staticmethod
    def _restates(doc: Doc, quantity: Quantity, other: Quantity) -> bool:
        """ "$100 million, or $2.03 a share, a year earlier": the figure after ", or" restates
        the first one, so the date after both dates both."""
        between = [t.lower_ for t in doc[quantity.end:other.start]]
        if between[:1] == ["("] and ")" in between:  # "#94.8 million ($149.9 million), or 17.3 pence"
            between = between[between.index(")") + 1:]
        return between in ([",", "or"], ["("])

    @staticmethod
    def _dates_another_noun(view: _DocView, date: DateMention, quantity: Quantity) -> bool:
        """ "Amir, 27, is serving a life sentence for the November 1995 assassination": a date
        inside a noun phrase dates that noun. A number outside the phrase takes the date only
        when the noun is its clause's subject ("third-quarter profit jumped 45%"), hangs from
        the number, or is where the number's event happened ("won 40.2% of the vote in
        Wednesday's election")."""
        if not view.parsed(date.start):
            return False
        noun = tree.dated_noun(view.doc[date.start:date.end])
        if noun is None or noun.dep_ in tree.SUBJECTS or noun.lemma_.lower() in _PERIOD_NOUNS:
            return False  # "last year's quarter" is a period itself
        if noun.head.lower_ in _EVENT_SETTINGS and noun.head.head.i != noun.head.i:
            return False
        if noun.head.lower_ in _SEQUENCE_PREPOSITIONS:
            return True  # "Nestle's 7% share before Friday's purchases": another time
        number = view.doc[quantity.start:quantity.end].root
        if noun.left_edge.i <= quantity.start <= noun.right_edge.i or number.is_ancestor(noun):
            return False
        # "The death toll from Friday's earthquake rose to 2,000": inside the number's subject
        verb = tree.governing_verb(number)
        return not (verb is not None and any(s.is_ancestor(noun) for s in tree.subjects(tree.clause_head(verb))))

    def _across_adverbial_clause(self, view: _DocView, date: DateMention, quantity: Quantity) -> bool:
        """ "Howard promised a referendum next year after delegates voted 89-52", "Since KKR
        bought RJR in February, it has sold $5 billion of assets": a clause opened by "after",
        "since" and the like has its own time, apart from the clause it hangs from."""
        if not view.parsed(date.start):
            return False
        doc = view.doc
        markers = self.lex.sequence_markers
        in_date = tree.marked_clause(doc[date.start:date.end].root, markers)
        in_number = tree.marked_clause(doc[quantity.start:quantity.end].root, markers)
        return in_date is not in_number and (in_date is None or in_number is None
                                            or in_date.i != in_number.i)

    @staticmethod
    def _later_than_a_past_event(view: _DocView, date: DateMention, quantity: Quantity) -> bool:
        """ "promised a referendum next year after delegates voted 89-52": a date after the
        publication day cannot date a number whose verb tells of the past."""
        published = view.doc._.published
        if published is None or date.start_date is None or date.start_date <= published \
                or not view.parsed(quantity.start) \
                or (date.start > 0 and view.doc[date.start - 1].lower_ in _LIMIT_WORDS):
            return False
        verb = tree.governing_verb(view.doc[quantity.start:quantity.end].root)
        return verb is not None and verb.tag_ == "VBD"

    @staticmethod
    def _in_other_time(view: _DocView, date: DateMention, quantity: Quantity) -> bool:
        """ "27 soldiers who had defended the city when it was under siege in May 2022":
        a when-clause inside a relative clause times that clause, not the number; so does
        a relative clause after a comma ("the war, which began on October 7, 2023"), both
        ways."""
        if date.start in view.relative_clauses and quantity.start not in view.relative_clauses:
            return True
        if quantity.start in view.relative_clauses and date.start not in view.relative_clauses:
            # "First of America, which now has 45 banks, announced ... in January": a clause that
            # says how things stand (has, holds, owns) is not what happened then; one that tells
            # of a happening ("The earthquake, which killed 2,000 people, struck on Tuesday") is
            opening = quantity.start
            while opening > 0 and opening - 1 in view.relative_clauses:
                opening -= 1
            k = opening + 1
            while k < quantity.start and view.doc[k].lower_ in view.lex.state_adverbs:
                k += 1  # "which now has", "which already holds"
            verb = view.doc[k].lower_ if k < quantity.start else ""
            return verb in view.lex.state_verbs
        if date.start not in view.own_time or quantity.start in view.own_time:
            return False
        lo, hi = sorted((quantity.end, date.start))
        return any(t.lower_ in ("who", "which", "whose") for t in view.doc[lo:hi])

    def predicate_for(self, view: _DocView, mention: ActorMention | None, start: int, end: int) -> str | None:
        doc = view.doc
        sent = view.sentences[view.sentence_of[start]]
        # the words between the actor and the number, within the sentence (a topic from an
        # earlier sentence must not widen the window to the whole text between)
        lo = max(mention.end, sent.start) if mention is not None and mention.end <= start else sent.start
        lo = max(lo, start - _DATE_REACH)  # a run-on sentence: the words near the number
        window: Iterable = list(doc[lo:start]) + list(doc[end:min(end + 6, sent.end)])
        speech = None
        for tok in window:
            lemma = tok.lemma_.lower()
            if lemma in self.lex.speech_lemmas:
                speech = speech or lemma
            elif lemma in self.lex.event_lemmas and not tok.is_title:
                return lemma
        return speech

    def counterpart_for(self, view: _DocView, actor: Actor | None, start: int) -> Actor | None:
        clause = view.clause_of[start]
        for m in view.sentence_actors(view.sentence_of[start]):
            if m.start > start + _DATE_REACH:
                break  # mentions are in text order; a run-on sentence: those near the number
            if m.start > start and view.clause_of[m.start] == clause \
                    and view.token_before(m) in ("by", "from", "with", "to", "against", "on") \
                    and actor not in m.actors and not m.is_group:
                return m.actors[0]
        return None

    # -- the component ---------------------------------------------------------------

    def _is_joint(self, view: _DocView, mention: ActorMention, start: int) -> bool:
        """Each side did it ("both sides swapped 390 each", an exchange between two)."""
        if mention.kind == "reference" and not mention.start <= start < mention.end:
            return True  # but "The three are expected": the count inside the reference is one figure
        if mention.kind in ("pollsters", "demonyms"):
            return True  # "a New York Times/CBS News poll": both made it; "American and British forces": each its own
        if mention.end < len(view.doc) and view.doc[mention.end].lower_ in ("all", "both", "each"):
            return True  # "Costello, Hill and Williams all voted": each of them did
        sent = view.sentences[view.sentence_of[start]]
        return any(t.lower_ in self.lex.joint_cues for t in sent)

    @staticmethod
    def _respective_member(view: _DocView, mention: ActorMention, start: int) -> ActorMention | None:
        """ "Hershey and Mars, which have about 40% and 36% of the market, respectively": the
        n-th number of the list is the n-th actor's."""
        if not mention.is_group or mention.end > start:
            return None
        sent = view.sentences[view.sentence_of[start]]
        last = next((t.i for t in view.doc[start:sent.end] if t.lower_ == "respectively"), None)
        if last is None:
            return None
        listed = [q.start for q in view.quantities_from(mention.end, last)]
        if len(listed) != len(mention.actors) or start not in listed:
            return None
        # the group's parts, split at its commas and "and": "Hershey Foods Corp. and Mars Inc."
        doc, parts, begin = view.doc, [], mention.start
        for k in range(mention.start, mention.end + 1):
            if k == mention.end or doc[k].lower_ in (",", "and", "or"):
                if k > begin:
                    parts.append((begin, k))
                begin = k + 1
        n = listed.index(start)
        if len(parts) != len(mention.actors):
            return ActorMention(mention.start, mention.end, mention.start_char, mention.end_char, mention.text,
                                (mention.actors[n],), mention.kind)
        lo, hi = parts[n]
        return span_mention(doc, lo, hi, (mention.actors[n],), mention.kind)

    def _partner_rows(self, view: _DocView, date: DateMention, rows: list[Event]) -> list[Event]:
        """A meeting is a joint action: the date of "the king met Bush on Thursday", "the
        president's son met with Sununu last week", "Annan wrapped up a meeting with Saddam
        Hussein today", "He and Arafat meet separately Monday with Albright" is the other
        side's too, one row more."""
        doc = view.doc
        if not rows or any(r.mention is None for r in rows) or not view.has_parse() \
                or not view.parsed(date.start):
            return []
        verb = tree.governing_verb(doc[date.start:date.end].root)
        if verb is None or tree.is_passive(verb):
            return []
        lemma = verb.lemma_.lower()
        meetings = [verb] if lemma in self.lex.meeting_lemmas | self.lex.joining_lemmas else []
        # "wrapped up a three hour meeting with ...": the meeting its verb's object names
        meetings += [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lower_ in self.lex.meeting_nouns]
        if not meetings:
            return []
        if {verb.lemma_.lower(), tree.controller(verb).lemma_.lower()} & self.lex.unmet_lemmas:
            return []  # "suspended talks with Hamas", "refused to meet with Biden": no meeting
        doers = tree.subjects(tree.controller(verb))  # "He's expected to meet with Aziz": his meeting
        mention = rows[0].mention
        if mention is None or not any(mention.start <= s.i < mention.end or view.actor_at(s) is mention for s in doers):
            return []  # the row's actor is not the one who met
        partners = [c for m in meetings if m is verb for c in m.children if c.dep_ in ("dobj", "obj")
                    and c.lower_ not in self.lex.meeting_nouns]
        partners += [g for m in meetings for c in m.children if c.dep_ == "prep" and c.lower_ == "with"
                     for g in c.children if g.dep_ == "pobj"]
        own = range(date.start, date.end)
        sides = {r.actor for r in rows}
        found: list[Event] = []
        for token in partners:
            partner = self._mention_for(view, token, own)
            if partner is None:
                continue
            for actor in partner.actors:  # "met with Gorbachev and Kohl": each of them
                if actor in sides or any(e.actor == actor for e in found):
                    continue
                if lemma in self.lex.joining_lemmas and actor.type not in ("PERSON", "STATE"):
                    continue  # "joined Provigo in 1985", "joined the State Department": its staff, no meeting
                side = self._side_mention(view, partner, actor) if partner.is_group else partner
                found.append(Event(rows[0].sentence_index, None, date, side, actor, "agent", rows[0].predicate, None))
        return found

    def _rows(self, view: _DocView, quantity: Quantity | None, date: DateMention | None,
              start: int, end: int) -> list[Event]:
        found = None
        if quantity is not None or date is None or date.kind != "dateline":  # a dateline has no actor
            found = self.actor_for(view, start)
        mention, role, local = found if found else (None, None, False)
        predicate = self.predicate_for(view, mention, start, end)
        actors: Sequence[Actor | None] = mention.actors if mention else (None,)
        respective = self._respective_member(view, mention, start) if mention is not None else None
        if respective is not None:
            mention, actors = respective, respective.actors[:1]
        elif mention is not None and mention.is_group and not (local and (quantity is None or self._is_joint(view, mention, start))):
            actors = mention.actors[:1]  # "Russia and Belarus released 16": one side, either name
        source = mention if role == "source" else self.source_for(view, start, mention)
        rows = []
        for actor in actors:
            counterpart = self.counterpart_for(view, actor, start) if actor is not None else None
            side = self._side_mention(view, mention, actor) if len(actors) > 1 else mention
            rows.append(Event(view.doc_sentence_of_window[view.sentence_of[start]], quantity, date, side, actor, role,
                              predicate, counterpart, source=source))
        return rows

    def source_for(self, view: _DocView, start: int, actor: ActorMention | None) -> ActorMention | None:
        """Who says what the number at ``start`` reports, when its actor is someone else: the
        quote's speaker, "according to X", "..., X said", a poll's maker, or a speaker before the
        number in its sentence ("The ministry said the rebels killed 40")."""
        for rule in (self.quote_speaker, self.according_to, self.speaker_after, self.survey_source):
            found = rule(view, start)
            if found is not None and found[1] == "source" and found[0] is not actor:
                return found[0]
        for m in reversed(view.sentence_actors(view.sentence_of[start])):
            if m.start < start and m is not actor and (actor is None or m.end <= actor.start or m.start >= actor.end) \
                    and view.followed_by_speech(m):
                return m
        return None

    @staticmethod
    def _side_mention(view: _DocView, group: ActorMention | None, actor: Actor | None) -> ActorMention | None:
        """The words of a joint mention that name one side: "Palestinian leader Yasser Arafat"
        of "He and Palestinian leader Yasser Arafat" (the whole group where no part names it alone)."""
        if group is None or actor is None:
            return group
        parts = [m for m in view.sentence_actors(view.sentence_of[group.start], outside_quotes=False)
                 if group.start <= m.start and m.end <= group.end and (m.start, m.end) != (group.start, group.end)
                 and not m.is_group and m.actors[0] == actor]
        return parts[0] if parts else group

    @staticmethod
    def _converted_from(doc: Doc, previous: list[Event], quantity: Quantity) -> list[Event]:
        """The rows of the figure a bracketed one converts: "4.7 billion francs ($754.4 million)"."""
        before = previous[0].quantity if previous else None
        if before is None or not _is_money(quantity) or quantity.unit == before.unit:
            return []  # a currency's conversion, not "12 people (10 civilians)"
        between = doc[before.end:quantity.start]
        closes = quantity.end < len(doc) and doc[quantity.end].text == ")"
        return previous if closes and [t.text for t in between if not t.is_space] in (["("], ["(", "US"]) else []

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            views = [_DocView(doc, self.lex) for doc in batch]
            parser = self._parser_on_demand()
            if parser is not None:
                parser.parse_sentences([(view.doc, self.sentences_needing_parse(view)) for view in views])
                for view in views:
                    view.forget_parse_state()
            for view in views:
                view.doc._.events = self._events(view)
            yield from batch

    def _parser_on_demand(self):
        """The news_parse component when it parses only what it is asked to (see parsing.py)."""
        if self.parser_name not in self.nlp.pipe_names:
            return None
        parser = self.nlp.get_pipe(self.parser_name)
        return parser if getattr(parser, "only_needed", False) else None

    def _events(self, view: _DocView) -> list[Event]:
        doc = view.doc
        events: list[Event] = []
        used_dates: set[int] = set()
        quantities = view.quantities
        for quantity in quantities:
            self.counted_unit(view, quantity)
        for quantity in quantities:  # "16.2 million of the 27.7 million registered voters": the whole's unit
            if quantity.unit is None and quantity.end < len(doc) and doc[quantity.end].lower_ == "of":
                whole = next((b for b in quantities if 0 < b.start - quantity.end <= 2 and b.unit), None)
                quantity.unit = whole.unit if whole is not None else None
        previous: list[Event] = []
        for quantity in quantities:
            converted = self._converted_from(doc, previous, quantity)
            if converted:  # "#557 million ($878 million)": the same figure in another currency, the same holder
                rows = [replace(e, quantity=quantity) for e in converted]
            else:
                date = self.date_for(view, quantity)
                if date is not None and not self._refers_back(doc, quantity):
                    used_dates.add(date.start)
                rows = self._rows(view, quantity, date, quantity.start, quantity.end)
            events += rows
            previous = rows
        for date in view.event_dates:
            if date.start not in used_dates:
                rows = self._rows(view, None, date, date.start, date.end)
                events += rows + self._partner_rows(view, date, rows)
        events.sort(key=lambda e: (_start_char(e), e.actor.name if e.actor else ""))
        # the rows name the numbers news_quantities assigned, and carry the unit read here
        return [replace(e, quantity=view.original[id(e.quantity)], unit=e.quantity.unit) if e.quantity is not None
                else e for e in events]


def _start_char(event: Event) -> int:
    """Where an event's number (else its date) starts: the events' order."""
    anchor = event.quantity or event.date
    return anchor.start_char if anchor is not None else -1


@Language.factory("news_attachment", default_config={"parser": "news_parse"}, assigns=["doc._.events"],
                  requires=["doc._.dates", "doc._.quantities", "doc._.actors"])
def make_attacher(nlp: Language, name: str, parser: str) -> Attacher:
    return Attacher(nlp, name, parser)
