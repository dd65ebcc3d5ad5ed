"""Quantities: find every number that counts or measures something, normalize it.

A quantity is read from tokens, left to right: an optional modifier
(``at least``), an optional currency sign or code, the number itself
(digits, words, or both: ``8,000``, ``three hundred and seven``,
``1.5 million``), then what may follow it (``%``, a range's second number,
``or more``). Vague amounts (``dozens``, ``tens of thousands``) take the
guideline's low bound, twice their unit. ``the same number of soldiers``
copies the value of the quantity it refers back to.

Spelled-out numbers: word2number is right for plain numbers below a
thousand (``three hundred and seven``) and is used there. It is wrong
elsewhere (``1.5 million`` -> 1000000, ``thirty-four hundred and fifty`` ->
270, ``two million one thousand`` -> 2002001) and cannot read ``a dozen`` or
fractions, so :func:`words_to_number` replaces it above a thousand, for
colloquial hundreds, groups and fractions; tests/test_numbers.py holds the
regression cases.

Not quantities: anything inside a temporal expression (years, days of
month, durations, times; the date component runs first and marks them),
ordinals, numbers inside names (``Su-34``, ``G7``, ``Article 50``), bare
years, and ``one`` used as a pronoun (``one of them``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token
from word2number import w2n

from .resources import patterns

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_SUFFIX = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-zA-Z]{1,3})$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass
class Quantity:
    """One number mention: token span, character span, normalized value."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    modifier: str
    unit: str | None = None
    refers_to: int | None = None  # index in doc._.quantities of the antecedent


@dataclass(frozen=True)
class Lexicon:
    """The quantity lexicon of models/patterns/numbers.yml, ready to look up."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    scale_suffixes: dict[str, int]
    groups: dict[str, int]
    fractions: dict[str, float]
    vague: dict[str, int]
    modifiers: dict[tuple[str, ...], str]
    post_modifiers: dict[tuple[str, ...], str]
    currency_symbols: dict[str, str]
    currency_codes: frozenset[str]
    currency_words: dict[str, str]
    percent_words: tuple[tuple[str, ...], ...]
    name_prefixes: frozenset[str]
    time_suffixes: frozenset[str]
    same_number: tuple[tuple[str, ...], ...]
    of_determiners: frozenset[str]
    plural_nouns: frozenset[str]
    not_units: frozenset[str]
    phrasal_verbs: frozenset[str]

    @property
    def number_words(self) -> set[str]:
        return {*self.units, *self.tens, *self.scales, *self.groups}


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    # Longest first so that "no fewer than" wins over "fewer than".
    return tuple(sorted((tuple(p.lower().split()) for p in items), key=len, reverse=True))


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    data = patterns("numbers")
    return Lexicon(
        units=data["units"], tens=data["tens"], scales=data["scales"],
        scale_suffixes={k.lower(): v for k, v in data["scale_suffixes"].items()},
        groups=data["groups"], fractions=data["fractions"],
        vague={**data["vague"], "tens": 20},
        modifiers={tuple(k.split()): v for k, v in data["modifiers"].items()},
        post_modifiers={tuple(k.split()): v for k, v in data["post_modifiers"].items()},
        currency_symbols=data["currency_symbols"],
        currency_codes=frozenset(data["currency_codes"]),
        currency_words=data["currency_words"],
        percent_words=_phrases(data["percent_words"]),
        name_prefixes=frozenset(data["name_prefixes"]),
        time_suffixes=frozenset(s.lower() for s in data["time_suffixes"]),
        same_number=_phrases(data["same_number"]),
        of_determiners=frozenset(data["of_determiners"]),
        plural_nouns=frozenset(data["plural_nouns"]),
        not_units=frozenset(data["not_units"]),
        phrasal_verbs=frozenset(data["phrasal_verbs"]),
    )


# --------------------------------------------------------------------------
# Reading one number


def parse_digits(text: str) -> float | None:
    """``8,000`` -> 8000.0, ``1.2m`` -> 1200000.0, ``$6bn`` (after the sign) -> 6e9."""
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    match = _DIGITS_SUFFIX.match(text)
    if match:
        scale = lexicon().scale_suffixes.get(match.group(2).lower())
        if scale:
            return float(match.group(1).replace(",", "")) * scale
    return None


def _w2n_is_right(words: list[str]) -> bool:
    """The plain numbers below a thousand, where word2number is correct."""
    lex = lexicon()
    plain = [w for w in words if w not in ("and", "-")]
    if not plain or any(w not in lex.units and w not in lex.tens and w != "hundred" for w in plain):
        return False
    # "hundred" must follow a single unit word ("three hundred"), not "thirty-four hundred".
    for i, word in enumerate(plain):
        if word == "hundred" and (i != 1 or plain[0] not in lex.units):
            return False
    return True


def words_to_number(words: list[str]) -> float:
    """Value of a run of number words (lower case, hyphens as separate items).

    ``thirty-four hundred and fifty`` -> 3450, ``one and a half million``
    -> 1500000, ``half a million`` -> 500000, ``two dozen`` -> 24,
    ``two-thirds`` -> 0.667. Digits may open the run (``1.5 million``).
    """
    if _w2n_is_right(words):
        return float(w2n.word_to_num(" ".join(w for w in words if w != "-")))
    lex = lexicon()
    total = 0.0
    current = 0.0
    i = 0
    while i < len(words):
        word = words[i]
        if words[i:i + 3] == ["and", "a", "half"]:
            current += 0.5
            i += 3
            continue
        if word in ("and", "-", "of"):
            pass
        elif word in ("a", "an"):
            if current == 0:
                current = 1.0
        elif word in lex.units:
            current += lex.units[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word == "couple":
            current = 2.0
        elif word in lex.groups:
            current = (current or 1.0) * lex.groups[word]
        elif word in lex.fractions:
            current = (current or 1.0) * lex.fractions[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in lex.scales:
            total += (current or 1.0) * lex.scales[word]
            current = 0.0
        else:
            value = parse_digits(word)
            if value is None:
                raise ValueError(f"not a number word: {word!r}")
            current += value
        i += 1
    return total + current


# --------------------------------------------------------------------------
# The component


@dataclass
class _Number:
    start: int
    end: int
    value: float | None
    low: float | None
    modifier: str  # exact or vague
    currency: str | None = None


class QuantityRecognizer:
    """Writes ``doc._.quantities``: every number mention with its value."""

    def __init__(self, nlp: Language, name: str = "news_quantities") -> None:
        self.name = name
        self.lex = lexicon()
        self._number_words = self.lex.number_words | set(self.lex.fractions) | {"couple"}
        self._indexes: dict[int, dict[str, list[tuple[str, ...]]]] = {}
        # words that can open a quantity; any other token without a digit is skipped at once
        lex = self.lex
        self._openers = frozenset(
            self._number_words | set(lex.vague) | {p[0] for p in lex.modifiers} | {p[0] for p in lex.same_number}
            | {c.lower() for c in lex.currency_codes} | {c.lower() for c in lex.currency_symbols}
            | {"a", "an", "half", "several", "between", "from"})
        self._lows: list[str] = []  # lower-case token texts of the doc being read

    # -- helpers over tokens ------------------------------------------------

    def _phrase_at(self, doc: Doc, i: int, phrases: Iterable[tuple[str, ...]]) -> tuple[str, ...] | None:
        """The longest phrase of ``phrases`` starting at token i (lower case)."""
        index = self._indexes.get(id(phrases))
        if index is None:
            index = {}
            for phrase in sorted(phrases, key=len, reverse=True):
                index.setdefault(phrase[0], []).append(phrase)
            self._indexes[id(phrases)] = index
        lows = self._lows
        for phrase in index.get(lows[i], ()) if i < len(lows) else ():
            n = len(phrase)
            if tuple(lows[i:i + n]) == phrase:
                return phrase
        return None

    def _is_number_word(self, token: Token) -> bool:
        return token.lower_ in self._number_words

    def _read_words(self, doc: Doc, i: int, blocked: set[int]) -> _Number | None:
        """A run of number words starting at token i (maybe opened by digits)."""
        lex = self.lex
        words: list[str] = []
        j = i
        prev_kind = ""
        while j < len(doc) and j not in blocked:
            tok = doc[j]
            low = tok.lower_
            kind = ("unit" if low in lex.units else "tens" if low in lex.tens else
                    "scale" if low in lex.scales else "group" if low in lex.groups else
                    "fraction" if low in lex.fractions else "")
            if j == i and parse_digits(tok.text) is not None:
                kind = "digits"
            elif low in ("a", "an") and j + 1 < len(doc) and (
                    doc[j + 1].lower_ in lex.scales or doc[j + 1].lower_ in lex.groups
                    or doc[j + 1].lower_ in ("half", "third", "quarter", "couple", "fifth")):
                kind = "article"
            elif low == "couple" and prev_kind == "article":
                kind = "unit"
            elif low == "-" and words and not tok.whitespace_ and not doc[j - 1].whitespace_ \
                    and j + 1 < len(doc) and self._is_number_word(doc[j + 1]):
                kind = "joiner"
            elif low == "and" and words and prev_kind in ("scale", "group", "unit", "tens") and (
                    doc[j - 1].lower_ in lex.scales or doc[j - 1].lower_ == "hundred"
                    or doc[j + 1:j + 3].text.lower() == "a half") and j + 1 < len(doc) and (
                    self._is_number_word(doc[j + 1]) or doc[j + 1].lower_ == "a"):
                kind = "joiner"
            if not kind:
                break
            # Two single words in a row ("one two") are two numbers, not one.
            if prev_kind in ("unit",) and kind in ("unit", "tens") and words[-1] not in ("a", "an"):
                if low not in lex.units or words[-1] != "couple":
                    break
            if prev_kind == "tens" and kind == "tens":
                break
            if kind == "digits" and words:
                break
            words.append(low)
            prev_kind = kind if kind != "joiner" else prev_kind
            j += 1
        # Trailing joiners and articles are not part of the number.
        while words and words[-1] in ("and", "-", "a", "an", "of"):
            words.pop()
            j -= 1
        if not words or all(w in ("a", "an") for w in words):
            return None
        if words[0] == "couple":
            return None
        if len(words) == 1 and words[0] in lex.fractions and words[0] != "half":
            return None  # "quarter", "third" alone are not counts
        if words == ["half"] and not (j < len(doc) and doc[j].lower_ in ("of", "a", "an")):
            return None
        try:
            value = words_to_number(words)
        except ValueError:
            return None
        return _Number(i, j, value, value, "exact")

    def _read_vague(self, doc: Doc, i: int) -> _Number | None:
        lex = self.lex
        low = doc[i].lower_
        # "several hundred", "a few dozen"
        for opener in (("several",), ("a", "few")):
            n = len(opener)
            if tuple(t.lower_ for t in doc[i:i + n]) == opener and i + n < len(doc):
                nxt = doc[i + n].lower_
                scale = lex.scales.get(nxt) or lex.groups.get(nxt)
                if scale:
                    return _Number(i, i + n + 1, None, 2.0 * scale, "vague")
        if low not in lex.vague:
            return None
        if low in ("scores", "tens") and not (i + 1 < len(doc) and doc[i + 1].lower_ == "of"):
            return None
        # "tens of thousands", "hundreds of millions"
        if i + 2 < len(doc) and doc[i + 1].lower_ == "of":
            second = doc[i + 2].lower_
            singular = second[:-1] if second.endswith("s") else second
            if second in lex.vague and singular in lex.scales:
                base = lex.vague[low] / 2 if low != "tens" else 10
                return _Number(i, i + 3, None, 2.0 * base * lex.scales[singular], "vague")
        if low == "tens":
            return None
        return _Number(i, i + 1, None, float(lex.vague[low]), "vague")

    def _read_number(self, doc: Doc, i: int, blocked: set[int]) -> _Number | None:
        """A number with its currency sign and scale words, no modifier."""
        if i >= len(doc) or i in blocked:
            return None
        lex = self.lex
        tok = doc[i]
        currency = None
        start = i
        if tok.text in lex.currency_symbols or tok.text in lex.currency_codes:
            currency = lex.currency_symbols.get(tok.text, tok.text)
            i += 1
            if i >= len(doc) or i in blocked:
                return None
            tok = doc[i]
        vague = self._read_vague(doc, i)
        if vague is not None:
            vague.start = start
            vague.currency = currency
            return vague
        digits = parse_digits(tok.text)
        if digits is not None:
            if not self._digits_are_a_count(doc, i):
                return None
            end = i + 1
            # "1.2" + "m" written together
            if end < len(doc) and not tok.whitespace_ and doc[end].lower_ in lex.scale_suffixes:
                digits *= lex.scale_suffixes[doc[end].lower_]
                end += 1
            # "1.5 million", "2.23 trillion", "3 thousand"
            while end < len(doc) and end not in blocked and doc[end].lower_ in lex.scales:
                digits *= lex.scales[doc[end].lower_]
                end += 1
            number = _Number(start, end, digits, digits, "exact", currency)
        else:
            if not self._is_number_word(tok) and tok.lower_ not in ("a", "an", "half"):
                return None
            if tok.lower_ == "one" and self._one_is_pronoun(doc, i):
                return None
            number = self._read_words(doc, i, blocked)
            if number is None:
                return None
            number.start = start
            number.currency = currency
        # Trailing currency code ("2.23 trillion UAH")
        if number.currency is None and number.end < len(doc) and doc[number.end].text in lex.currency_codes:
            number.currency = doc[number.end].text
            number.end += 1
        return number

    def _digits_are_a_count(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        lex = self.lex
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if prev is not None and prev.text in lex.name_prefixes:
            return False
        # Glued to a word or code on the left ("Su-34" split oddly, "A-50")
        if prev is not None and prev.text == "-" and not prev.whitespace_ and i > 1 \
                and doc[i - 2].is_alpha and doc[i - 2].text[0].isupper() and not doc[i - 2].whitespace_:
            return False
        if nxt is not None and nxt.lower_ in lex.time_suffixes:
            return False
        if nxt is not None and nxt.text == ":" and not tok.whitespace_:
            return False  # 10:30
        if _YEAR.match(tok.text):
            # A bare year unless it plainly counts something ("2000 people").
            if not (nxt is not None and (nxt.lower_ in lex.plural_nouns or nxt.text == "%"
                                         or (nxt.is_alpha and nxt.is_lower and nxt.lower_.endswith("s")))):
                return False
        return True

    def _one_is_pronoun(self, doc: Doc, i: int) -> bool:
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
        prev = doc[i - 1].lower_ if i > 0 else ""
        if prev in ("no", "any", "every", "the", "this", "that", "which", "each", "someone"):
            return True
        if nxt == "another" or (nxt == "of" and after in self.lex.of_determiners):
            return True
        return nxt in (".", ",", ";", "") or not nxt

    # -- the whole mention ---------------------------------------------------

    def _percent_after(self, doc: Doc, j: int) -> int:
        phrase = self._phrase_at(doc, j, self.lex.percent_words)
        return j + len(phrase) if phrase else j

    def _read_quantity(self, doc: Doc, i: int, blocked: set[int]) -> tuple[Quantity, int] | None:
        lex = self.lex
        modifier = "exact"
        start = i
        phrase = self._phrase_at(doc, i, lex.modifiers)
        if phrase and len(phrase) == 1 and i > 0 and doc[i - 1].lower_ in lex.phrasal_verbs:
            phrase = None  # "handed over 307": the verb's particle, not a bound
        if phrase:
            modifier = lex.modifiers[phrase]
            i += len(phrase)
        range_close = None
        if i < len(doc) and doc[i].lower_ in ("between", "from") and not phrase:
            range_close = "and" if doc[i].lower_ == "between" else "to"
            i += 1
        first = self._read_number(doc, i, blocked)
        if first is None:
            return None
        if phrase and first.start > start and doc[start].lower_ == "some" and first.modifier == "vague":
            return None
        end = first.end
        unit = first.currency
        pct_end = self._percent_after(doc, end)
        if pct_end > end:
            unit, end = "percent", pct_end
        value: float | None = first.value
        low: float | None = first.low
        high: float | None = first.value
        kind = first.modifier
        # "1,000-for-1,000": one mention of the first number
        if end + 3 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "for" \
                and doc[end + 2].text == "-":
            second = self._read_number(doc, end + 3, blocked)
            if second is not None and second.value == first.value:
                end = second.end
        # Ranges: "25 to 61", "10-15", "between 10 and 15", "from 5 to 7"
        # "rose by 352,000 to 7.2 million" is a change and a level, not a range
        elif end < len(doc) and first.modifier == "exact" and not (first.start > 0 and doc[first.start - 1].lower_ == "by") and (
                (range_close and doc[end].lower_ == range_close)
                or (not range_close and doc[end].lower_ in ("to", "–", "—"))
                or (not range_close and doc[end].text == "-" and not doc[end].whitespace_
                    and not doc[end - 1].whitespace_)):
            second = self._read_number(doc, end + 1, blocked)
            if second is not None and second.modifier == "exact" and second.value is not None \
                    and first.value is not None:
                lo, hi = first.value, second.value
                # "5 to 7 million": the scale of the second applies to the first
                if second.end - second.start > 1 and hi > lo * 1000 and doc[second.end - 1].lower_ in lex.scales:
                    lo *= lex.scales[doc[second.end - 1].lower_]
                if lo < hi:
                    end = second.end
                    unit = unit or second.currency
                    pct_end = self._percent_after(doc, end)
                    if pct_end > end:
                        unit, end = "percent", pct_end
                    value, low, high, kind = None, lo, hi, "range"
                    if modifier == "exact":
                        modifier = "range"
        if range_close and kind != "range":
            start = first.start  # "between" without its "and" is not part of it
        post = self._phrase_at(doc, end, lex.post_modifiers)
        if post and kind == "exact" and modifier == "exact":
            modifier = lex.post_modifiers[post]
            end += len(post)
        if kind == "vague":
            modifier, value, high = "vague", None, None
        elif modifier == "at_least":
            value, high = None, None
        elif modifier == "at_most":
            value, low = None, None
        elif modifier == "approx":
            low, high = None, None
        if unit is None:
            unit = self._unit_after(doc, end, first)
        span = doc[start:end]
        return Quantity(start, end, span.start_char, span.end_char, span.text,
                        value, low, high, modifier, unit), end

    def _unit_after(self, doc: Doc, j: int, number: _Number) -> str | None:
        """Lemma of the counted noun: ``307 Ukrainian prisoners of war`` -> prisoner."""
        lex = self.lex
        n = len(doc)
        if j < n and doc[j].lower_ in lex.currency_words:
            return lex.currency_words[doc[j].lower_]
        # "42-day truce", "25-year-old"
        if j + 1 < n and doc[j].text == "-" and not doc[j].whitespace_ and doc[j + 1].is_alpha:
            return doc[j + 1].lemma_.lower() or doc[j + 1].lower_
        if j < n and doc[j].lower_ in ("of", "out"):
            j += 2 if doc[j].lower_ == "out" else 1
            while j < n and (doc[j].lower_ in lex.of_determiners or parse_digits(doc[j].text) is not None
                             or self._is_number_word(doc[j])):
                j += 1
        candidate = None
        for k in range(j, min(j + 4, n)):
            tok = doc[k]
            low = tok.lower_
            if not tok.is_alpha or low in lex.not_units:
                break
            if low in lex.plural_nouns:
                return low if tok.lemma_.lower() in ("", low) else tok.lemma_.lower()
            lemma = tok.lemma_.lower() or low
            if low.endswith("s") and not low.endswith("ss") and lemma != low:
                return lemma
            if tok.is_title and k > j and candidate is None:
                continue
            if lemma != low:
                break  # an inflected verb ("thousands fled") is not what is counted
            if candidate is None and not tok.is_title:
                candidate = lemma
        if number.value == 1 and candidate:
            return candidate
        return candidate if candidate and number.modifier == "vague" else None

    def _same_number(self, doc: Doc, i: int, found: list[Quantity]) -> Quantity | None:
        phrase = self._phrase_at(doc, i, self.lex.same_number)
        if not phrase or not found:
            return None
        end = i + len(phrase)
        if phrase == ("as", "many") and not (end < len(doc) and doc[end].lower_ == "as"):
            return None
        antecedent = found[-1]
        unit = self._unit_after(doc, end, _Number(i, end, 2.0, 2.0, "exact")) or antecedent.unit
        span = doc[i:end]
        return Quantity(i, end, span.start_char, span.end_char, span.text,
                        antecedent.value, antecedent.low, antecedent.high,
                        antecedent.modifier, unit, refers_to=len(found) - 1)

    def __call__(self, doc: Doc) -> Doc:
        self._lows = [t.lower_ for t in doc]
        blocked: set[int] = set()
        for date in doc._.dates or ():
            blocked.update(range(date.start, date.end))
        found: list[Quantity] = []
        i = 0
        lows = self._lows
        while i < len(doc):
            if i in blocked or (lows[i] not in self._openers and not any(c.isdigit() for c in lows[i])):
                i += 1
                continue
            same = self._same_number(doc, i, found)
            if same is not None:
                found.append(same)
                i = same.end
                continue
            read = self._read_quantity(doc, i, blocked)
            if read is None:
                i += 1
                continue
            quantity, i = read
            found.append(quantity)
        doc._.quantities = found
        return doc


@Language.factory("news_quantities")
def make_quantity_recognizer(nlp: Language, name: str) -> QuantityRecognizer:
    return QuantityRecognizer(nlp, name)
