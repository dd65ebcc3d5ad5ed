"""Quantities: find every number that counts or measures something, normalize it.

A quantity is read from tokens, left to right: an optional modifier
(``at least``, ``more than``, ``<=``), an optional currency sign or code, the
number itself (digits, words, or both: ``8,000``, ``three hundred and
seven``, ``1.5 million``, ``two-thirds``), then what may follow it (``%``, a
range's second number, ``or more``, the opposite bound of ``more than 10 and
fewer than 40``). Vague amounts (``dozens``, ``tens of thousands``) take the
guideline's low bound, twice their unit. ``the same number of soldiers``
copies the value of the quantity it refers back to.

Spelled-out numbers are read by :class:`SpelledNumberReader`, a small
left-to-right grammar over words: groups below a thousand (``three hundred
and seven``, the colloquial ``thirty-four hundred and fifty``), scales that
close a group (``two million one thousand``; ``three lakh crore``), digits
where a writer mixes them in (``1.5 million``, ``4 thousand 3 hundred and
21``), counted groups (``two dozen``), fractions (``two-thirds``, ``a
hundredth``, ``half a million``), mixed numbers (``one and a half
million``, ``three million and a half``), spelled decimals (``two point
five``) and signs (``minus five``).

Where word2number is used: it is right for plain numbers below a thousand
(``three hundred and seven``, ``ninety-nine``) and computes their value once
the reader has found where the number ends (:func:`words_to_number`). It is
replaced everywhere else, because it is wrong there: ``1.5 million`` ->
1000000, ``thirty-four hundred and fifty`` -> 270, ``two million one
thousand`` -> 2002001; it raises on ``dozens``, ``a dozen``, fractions and
``at least 8,000``, and it cannot tell where a number ends in running text
(``two two`` -> 4). tests/test_numbers.py holds a regression test for each.

Not quantities: anything inside a temporal expression (years, days of
month, durations, times; the date component runs first and marks them),
ordinals (``a fifth term``, ``twenty-first century``), numbers inside names
(``Su-34``, ``G7``, ``Article 50``), codes and phone numbers
(``+1-222-2222``), bare years, and ``one`` used as a pronoun (``one of
them``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from word2number import w2n

from .resources import PATTERNS_DIR, SavesPatterns, patterns

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)

# A plain decimal number: "8,000", "5.44", ".08".
_PLAIN = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_DIGITS = re.compile(rf"^([+-]?)({_PLAIN})$")
_DECIMAL_COMMA = re.compile(r"^([+-]?)(\d+),(\d{1,2})$")  # "1,3": not a thousands separator
_SCIENTIFIC = re.compile(rf"^([+-]?)({_PLAIN})[eE]([+-]?\d+)$")
_POWER = re.compile(rf"^([+-]?)({_PLAIN})\^([+-]*)(\d+)$")
_SLASH = re.compile(r"^([+-]?)(\d+)/(\d+)$")
_SUFFIXED = re.compile(rf"^([+-]?)({_PLAIN})([a-zA-Z]{{1,3}})$")
_PLAIN_INT = re.compile(r"^\d+$")
_NUMBER_THEN_MARK = re.compile(r"^(.*?\d[a-zA-Z]*)(?:\.|[(\[{].*)$")
_THOUSANDS_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# Spaces that join digit groups of one number: "1 234 567" (also thin and no-break spaces).
_GROUP_SPACES = frozenset({" ", "\u202f", "\u00a0", "\u2009"})
_SENTENCE_END = frozenset({".", "!", "?", ";", ":", ",", ")", ""})
_WINDOW = 40  # words looked at for one spelled-out number
_OPPOSITE_BOUND = {"at_least": "at_most", "at_most": "at_least"}


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
    spaced_scale_suffixes: frozenset[str]
    groups: dict[str, int]
    article_groups: frozenset[str]
    denominators: dict[str, int]
    plural_denominators: frozenset[str]
    bare_fractions: frozenset[str]
    ordinal_units: dict[str, int]
    sign_words: frozenset[str]
    decimal_point: frozenset[str]
    no_decimal_after: frozenset[str]
    quotient_words: frozenset[str]
    slash_max_denominator: int
    vague: dict[str, int]
    modifiers: dict[tuple[str, ...], str]
    post_modifiers: dict[tuple[str, ...], str]
    bound_joiners: frozenset[str]
    range_joiners: frozenset[str]
    range_openers: dict[str, str]
    glued_range_marks: str
    currency_symbols: dict[str, str]
    currency_codes: frozenset[str]
    currency_words: dict[str, str]
    percent_words: tuple[tuple[str, ...], ...]
    name_prefixes: frozenset[str]
    time_suffixes: frozenset[str]
    street_words: frozenset[str]
    product_nouns: frozenset[str]
    same_number: tuple[tuple[str, ...], ...]
    of_determiners: frozenset[str]
    plural_nouns: frozenset[str]
    not_units: frozenset[str]
    elided_unit_next: frozenset[str]
    phrasal_verbs: frozenset[str]
    age_words: frozenset[str]
    negations: frozenset[str]
    currency_names: dict[str, dict[str, str]]
    percent_units: frozenset[str]
    ratio_units: frozenset[str]
    measure_units: frozenset[str]

    @cached_property
    def money_units(self) -> frozenset[str]:
        """Every unit that is money: the codes, and the currency nouns left without one."""
        return frozenset({*self.currency_codes, *self.currency_symbols.values(), *self.currency_words.values(),
                          *(code for names in self.currency_names.values() for code in names.values()),
                          *self.currency_names})

    def currency_code(self, noun: str | None, before: Iterable[str]) -> str | None:
        """The ISO 4217 code of a currency noun, told by the words before it ("Swiss franc" ->
        CHF, "marks" alone -> DEM); None when ``noun`` names no currency or nothing says which."""
        names = self.currency_names.get(noun or "")
        if names is None:
            return None
        words = " " + " ".join(w.lower() for w in before) + " "
        for adjective in sorted(names, key=len, reverse=True):
            if adjective and f" {adjective} " in words:
                return names[adjective]
        return names.get("")

    def kind(self, unit: str | None, text: str) -> str:
        """count, money, percent, ratio or measure: what a quantity with this unit is."""
        if unit is None:
            return "ratio" if _RATIO_TEXT.search(text) else "count"
        if unit in self.money_units:
            return "money"
        if unit in self.percent_units:
            return "percent"
        if unit in self.ratio_units or _RATIO_TEXT.search(text):
            return "ratio"
        return "measure" if unit in self.measure_units else "count"

    @cached_property
    def big_scales(self) -> dict[str, int]:
        """Scales that close a group (thousand and up); "hundred" only multiplies."""
        return {w: v for w, v in self.scales.items() if v >= 1000}

    @cached_property
    def number_words(self) -> frozenset[str]:
        return frozenset({*self.units, *self.tens, *self.scales, *self.groups})


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    # Longest first so that "no fewer than" wins over "fewer than".
    return tuple(sorted((tuple(p.lower().split()) for p in items), key=len, reverse=True))


def lexicon(directory: str | Path | None = None) -> Lexicon:
    """The number words of ``numbers.yml`` in ``directory`` (default: the package's)."""
    return _lexicon_in(str(directory or PATTERNS_DIR))


@cache
def _lexicon_in(directory: str) -> Lexicon:
    data = patterns("numbers", directory)
    return Lexicon(
        units=data["units"], tens=data["tens"], scales=data["scales"],
        scale_suffixes=dict(data["scale_suffixes"]),
        spaced_scale_suffixes=frozenset(data["spaced_scale_suffixes"]),
        groups=data["groups"], article_groups=frozenset(data["article_groups"]),
        denominators=data["denominators"], plural_denominators=frozenset(data["plural_denominators"]),
        bare_fractions=frozenset(data["bare_fractions"]), ordinal_units=data["ordinal_units"],
        sign_words=frozenset(data["sign_words"]), decimal_point=frozenset(data["decimal_point"]),
        no_decimal_after=frozenset(data["no_decimal_after"]),
        quotient_words=frozenset(data["quotient_words"]),
        slash_max_denominator=int(data["slash_max_denominator"]),
        vague={**data["vague"], "tens": 20},
        modifiers={tuple(k.split()): v for k, v in data["modifiers"].items()},
        post_modifiers={tuple(k.split()): v for k, v in data["post_modifiers"].items()},
        bound_joiners=frozenset(data["bound_joiners"]),
        range_joiners=frozenset(data["range_joiners"]),
        range_openers=dict(data["range_openers"]),
        glued_range_marks="".join(data["glued_range_marks"]),
        currency_symbols=data["currency_symbols"],
        currency_codes=frozenset(data["currency_codes"]),
        currency_words=data["currency_words"],
        percent_words=_phrases(data["percent_words"]),
        name_prefixes=frozenset(data["name_prefixes"]),
        time_suffixes=frozenset(s.lower() for s in data["time_suffixes"]),
        street_words=frozenset(data["street_words"]),
        product_nouns=frozenset(data["product_nouns"]),
        same_number=_phrases(data["same_number"]),
        of_determiners=frozenset(data["of_determiners"]),
        plural_nouns=frozenset(data["plural_nouns"]),
        not_units=frozenset(data["not_units"]),
        elided_unit_next=frozenset(data["elided_unit_next"]),
        phrasal_verbs=frozenset(data["phrasal_verbs"]),
        age_words=frozenset(data["age_words"]),
        negations=frozenset(data["negations"]),
        currency_names={noun: {str(k).lower(): v for k, v in names.items()} for noun, names in
                        (data.get("currency_names") or {}).items()},
        percent_units=frozenset(data.get("percent_units") or ()),
        ratio_units=frozenset(data.get("ratio_units") or ()),
        measure_units=frozenset(data.get("measure_units") or ()),
    )


#: "2 in 5", "one out of three": two counts read as a proportion
_RATIO_TEXT = re.compile(r"(?i)\b\S+\s+(?:in|out\s+of)\s+\S+$")


# --------------------------------------------------------------------------
# Reading digits


def _plain(text: str) -> float:
    return float(text.replace(",", ""))


def _signed(sign: str, value: float) -> float:
    return -value if sign == "-" else value


def parse_digits(text: str, lex: Lexicon | None = None) -> float | None:
    """The value of one written number, or None.

    ``8,000`` -> 8000, ``.08`` -> 0.08, ``1,3`` -> 1.3, ``1.2m`` -> 1200000,
    ``6bn`` -> 6e9, ``1e10``, ``1.1^23``, ``3/4`` -> 0.75 (a proper fraction
    with a small denominator; ``9/11`` and ``24/7`` are names, not fractions).
    """
    lex = lex or lexicon()
    if match := _DIGITS.match(text):
        return _signed(match.group(1), _plain(match.group(2)))
    if match := _DECIMAL_COMMA.match(text):
        return _signed(match.group(1), float(f"{match.group(2)}.{match.group(3)}"))
    if match := _SUFFIXED.match(text):
        scale = lex.scale_suffixes.get(match.group(3))
        return _signed(match.group(1), _plain(match.group(2)) * scale) if scale else None
    if match := _SCIENTIFIC.match(text):
        return _signed(match.group(1), _plain(match.group(2)) * 10.0 ** int(match.group(3)))
    if match := _POWER.match(text):
        exponent = int(match.group(4)) * (-1) ** match.group(3).count("-")
        try:
            return _signed(match.group(1), _plain(match.group(2)) ** exponent)
        except (OverflowError, ZeroDivisionError):
            return None
    if match := _SLASH.match(text):
        numerator, denominator = int(match.group(2)), int(match.group(3))
        if 0 < numerator < denominator <= lex.slash_max_denominator:
            return _signed(match.group(1), numerator / denominator)
    return None


def _without_stop(text: str) -> str:
    """``m.`` -> ``m``: a suffix that carries the sentence's full stop."""
    return text.removesuffix(".") if len(text) > 1 else text


def _is_slash_fraction(text: str, lex: Lexicon) -> bool:
    return bool(_SLASH.match(text)) and parse_digits(text, lex) is not None


# --------------------------------------------------------------------------
# Reading spelled-out numbers


@dataclass(frozen=True)
class Reading:
    """A number read from words[0:end]."""

    value: float
    end: int
    digits: bool = False        # opened with digits ("1.5 million")
    bare_half: bool = False     # "half" with nothing counted yet: needs "of", "a" or a modifier
    ordinal_like: bool = False  # "a fifth", "one third": an ordinal when a noun follows ("a fifth term")


@dataclass(frozen=True)
class _Denominator:
    value: float
    end: int
    word: str


class SpelledNumberReader:
    """The longest number at the start of a run of words, read left to right.

    Words are lower case (digit strings as written, hyphens as items of
    their own). The grammar, loosely::

        number    := sign? (fraction | cardinal (denominator | mixed | point-digits)?)
        cardinal  := group (big-scale+ ("and"? group)?)*      two million one thousand
        group     := (below-100 | digits | "a") ("hundred" ("and"? below-100)?)? dozen?
        fraction  := ("a" | cardinal) denominator (of? a? scale)?       two-thirds of a million
        mixed     := "and" ("a" | one..nine) denominator                one and a half
    """

    def __init__(self, lex: Lexicon, word_at: Callable[[int], str], decimals: bool = True) -> None:
        self.lex = lex
        self.at = word_at  # the i-th word, "" past the end
        self.decimals = decimals
        self.big = lex.big_scales

    # -- pieces -------------------------------------------------------------

    def below_hundred(self, i: int) -> tuple[float, int] | None:
        """``seventy``, ``seventy-five``, ``seventy five``, ``twelve``."""
        lex = self.lex
        word = self.at(i)
        if word in lex.tens:
            k = i + 1
            hyphen = self.at(k) == "-"
            k += hyphen
            unit = self.at(k)
            if hyphen and unit in lex.ordinal_units:
                return None  # "thirty-fifths", "twenty-first": an ordinal, not a count
            if unit in lex.units and 1 <= lex.units[unit] <= 9:
                return float(lex.tens[word] + lex.units[unit]), k + 1
            return float(lex.tens[word]), i + 1
        if word in lex.units:
            return float(lex.units[word]), i + 1
        return None

    def times_group(self, value: float, j: int) -> tuple[float, int]:
        """``two dozen``, ``3 dozens``."""
        if self.at(j) in self.lex.groups:
            return value * self.lex.groups[self.at(j)], j + 1
        return value, j

    def group(self, i: int, digits_ok: bool) -> tuple[float, int, bool] | None:
        """A number below a thousand, or a colloquial ``thirty-four hundred and fifty``."""
        word = self.at(i)
        digits = False
        if word in ("a", "an") and self.at(i + 1) == "hundred":
            value, j = 1.0, i + 1
        elif digits_ok and not _is_slash_fraction(word, self.lex) and (number := parse_digits(word, self.lex)) is not None:
            value, j, digits = number, i + 1, True
        else:
            read = self.below_hundred(i)
            if read is None:
                return None
            value, j = read
        value, j = self.times_group(value, j)
        if self.at(j) == "hundred" and value > 0 and (digits or value < 100):
            value, j = value * 100, j + 1
            rest = self.after_hundred(j, digits)
            if rest is not None:
                value, j = value + rest[0], rest[1]
            else:
                value, j = self.times_group(value, j)  # "two hundred dozen"
        return value, j, digits

    def after_hundred(self, j: int, digits: bool) -> tuple[float, int] | None:
        """What a hundred adds: ``and seven``, ``twelve``, ``and 21`` (after ``3 hundred``)."""
        if self.mixed_tail(j) is not None:
            return None  # "one hundred and three quarters" is 100 3/4
        has_and = self.at(j) == "and"
        k = j + has_and
        if digits and has_and and _PLAIN_INT.match(self.at(k)) and int(self.at(k)) < 100:
            value, end = float(self.at(k)), k + 1
        else:
            read = self.below_hundred(k)
            if read is None:
                return None
            value, end = read
        if self.at(end) in ("hundred", "-"):
            return None  # "between one hundred and two hundred", "a hundred one-day passes"
        return self.times_group(value, end)

    def after_scale(self, j: int, scale: float, digits: bool) -> tuple[float, int] | None:
        """The next, smaller group: ``one thousand`` after ``two million``."""
        if self.mixed_tail(j) is not None:
            return None  # "three million and a half"
        has_and = self.at(j) == "and"
        k = j + has_and
        read = self.group(k, digits_ok=digits)
        if read is None:
            return None
        value, end, group_digits = read
        if group_digits and not (_PLAIN_INT.match(self.at(k)) and (has_and or self.at(k + 1) == "hundred")):
            return None  # digits go on only as "4 thousand 3 hundred", "6 crore and 200"
        if not 0 < value < scale:
            return None
        if self.big.get(self.at(end), 0) >= scale or self.at(end) == "-":
            return None  # "two million three million", "$24 million one-time": another number
        return value, end

    def cardinal(self, i: int, digits_ok: bool = True) -> tuple[float, int, float | None, bool, bool] | None:
        """(value, end, closing scale, opened with digits, ended on a scale word)."""
        read = self.group(i, digits_ok)
        if read is None:
            if self.at(i) in ("a", "an") and self.at(i + 1) in self.big:
                read = (1.0, i + 1, False)  # "a million"
            else:
                return None
        value, j, digits = read
        total, closing, on_scale = 0.0, None, False
        while self.at(j) in self.big and value:
            scale = float(self.big[self.at(j)])
            if closing is not None and scale >= closing:
                break
            k = j + 1
            # "three lakh crore", "a thousand million": a larger scale right after multiplies
            while self.big.get(self.at(k), 0) > scale:
                scale *= self.big[self.at(k)]
                k += 1
            total, closing, value, j, on_scale = total + value * scale, scale, 0.0, k, True
            following = self.after_scale(j, scale, digits)
            if following is None:
                break
            (value, j), on_scale = following, False
        return total + value, j, closing, digits, on_scale

    def ordinal_denominator(self, k: int) -> tuple[float, int] | None:
        """A compound ordinal: ``twenty-first``, ``twenty fifths``, ``one hundred (and) fifth``."""
        lex = self.lex
        if self.at(k) in lex.tens and self.at(k + 1) == "-" and self.at(k + 2) in lex.ordinal_units:
            return float(lex.tens[self.at(k)] + lex.ordinal_units[self.at(k + 2)]), k + 3
        read = self.cardinal(k, digits_ok=False)
        if read is None:
            return None
        head, end = read[0], read[1]
        end += self.at(end) in ("and", "-")
        word = self.at(end)
        if word in lex.ordinal_units:
            return head + lex.ordinal_units[word], end + 1
        if word in lex.denominators and word not in lex.bare_fractions:
            part = lex.denominators[word]
            return (head * part if part >= 100 else head + part), end + 1
        return None

    def denominator(self, j: int, numerator: float) -> _Denominator | None:
        """``thirds`` after two, ``fifth`` after one: singular for one, plural for more."""
        lex = self.lex
        k = j + (self.at(j) == "-")  # "one-eighth", "five - eighths", "hundred-fifths"
        word = self.at(k)
        if word in lex.denominators:
            value, end = float(lex.denominators[word]), k + 1
        else:
            compound = self.ordinal_denominator(k)
            if compound is None:
                return None
            value, end = compound
            word = self.at(end - 1)
        plural = word in lex.plural_denominators or (word.endswith("s") and word in lex.ordinal_units)
        if plural != (numerator != 1) or not value:
            return None
        return _Denominator(value, end, word)

    def scale_of_fraction(self, value: float, j: int) -> tuple[float, int]:
        """``two thirds of a million``, ``half a million``, ``quarter million``, ``half a dozen``."""
        k = j + (self.at(j) == "of")
        k += self.at(k) in ("a", "an")
        word = self.at(k)
        multiplier = self.big.get(word) or (self.lex.groups[word] if word in self.lex.article_groups else None)
        if multiplier:
            return value * multiplier, k + 1
        return value, j

    def mixed_tail(self, j: int) -> tuple[float, int] | None:
        """``and a half``, ``and three quarters``, ``and a thirtieth``: a one-word numerator."""
        if self.at(j) != "and":
            return None
        word = self.at(j + 1)
        if word in ("a", "an"):
            numerator = 1
        elif 1 <= self.lex.units.get(word, 0) <= 9:
            numerator = self.lex.units[word]
        else:
            return None
        denominator = self.denominator(j + 2, numerator)
        if denominator is None:
            return None
        return numerator / denominator.value, denominator.end

    def decimal_digits(self, k: int) -> tuple[str, int]:
        """The digits after a spelled decimal point: ``zero three`` -> "03", ``seventy-one`` -> "71"."""
        lex = self.lex
        digits = ""
        while True:
            word = self.at(k)
            if word in lex.units:
                digits, k = digits + str(lex.units[word]), k + 1
            elif word in lex.tens:
                read = self.below_hundred(k)
                if read is None:
                    return digits, k  # "point twenty-first": no more digits
                digits, k = digits + str(int(read[0])), read[1]
            else:
                return digits, k

    # -- whole numbers ------------------------------------------------------

    def number(self, i: int = 0) -> Reading | None:
        if self.at(i) in self.lex.sign_words:
            inner = self.unsigned(i + 1)
            return replace(inner, value=-inner.value) if inner else None
        return self.unsigned(i)

    def unsigned(self, i: int) -> Reading | None:
        lex = self.lex
        word = self.at(i)
        if _is_slash_fraction(word, self.lex):
            return Reading(parse_digits(word, self.lex) or 0.0, i + 1, digits=True)  # "3/4" (its form reads as a number)
        if word in lex.bare_fractions:
            value = 1 / lex.denominators[word]
            scaled, end = self.scale_of_fraction(value, i + 1)
            if end > i + 1:
                return Reading(scaled, end)
            return Reading(value, i + 1, bare_half=True) if word == "half" else None
        if word in ("a", "an"):
            if self.at(i + 1) == "couple":
                return self.couple(i + 2)
            denominator = self.denominator(i + 1, 1)
            if denominator is not None:
                scaled, end = self.scale_of_fraction(1 / denominator.value, denominator.end)
                return Reading(scaled, end, ordinal_like=end == denominator.end
                               and denominator.word not in lex.bare_fractions)
        read = self.cardinal(i)
        if read is None:
            if word in ("a", "an") and self.at(i + 1) in lex.article_groups:
                return Reading(float(lex.groups[self.at(i + 1)]), i + 2)
            if word in lex.article_groups:
                return Reading(float(lex.groups[word]), i + 1)  # "the dozen hostages"
            return None
        value, j, closing, digits, on_scale = read
        if not digits:
            fraction = self.fraction_after(value, j)
            if fraction is not None:
                return fraction
        elif _PLAIN_INT.match(self.at(i)) and j == i + 1 and _is_slash_fraction(self.at(j), self.lex):
            return Reading(value + (parse_digits(self.at(j), self.lex) or 0.0), j + 1, digits=True)  # "2 1/4"
        mixed = self.mixed_tail(j)
        if mixed is not None:
            return self.mixed(value, mixed, closing, on_scale, digits)
        if not digits and self.decimals and self.at(j) in lex.decimal_point:
            decimals, end = self.decimal_digits(j + 1)
            if decimals:
                return Reading(value + float("0." + decimals), end)
        return Reading(value, j, digits=digits)

    def fraction_after(self, numerator: float, j: int) -> Reading | None:
        denominator = self.denominator(j, numerator)
        if denominator is None:
            return None
        value, end = self.scale_of_fraction(numerator / denominator.value, denominator.end)
        return Reading(value, end, ordinal_like=numerator == 1 and end == denominator.end
                       and denominator.word not in self.lex.bare_fractions)

    def mixed(self, value: float, tail: tuple[float, int], closing: float | None, on_scale: bool,
              digits: bool) -> Reading:
        """``one and a half million``, ``three million and a half``, ``a billion and a half million``."""
        fraction, end = tail
        scale = self.big.get(self.at(end))
        if closing is not None:
            if scale and scale < closing:
                return Reading(value + fraction * scale, end + 1, digits=digits)
            return Reading(value + fraction * (closing if on_scale else 1), end, digits=digits)
        value += fraction
        if scale:
            return Reading(value * scale, end + 1, digits=digits)
        return Reading(value, end, digits=digits)

    def couple(self, j: int) -> Reading:
        """``a couple`` (2), ``a couple of hundred``, ``a couple thousand``."""
        k = j + (self.at(j) == "of")
        scale = self.lex.scales.get(self.at(k))
        if scale:
            return Reading(2.0 * scale, k + 1)
        return Reading(2.0, j)


def _w2n_is_right(words: Sequence[str], lex: Lexicon) -> bool:
    """The plain numbers below a thousand, where word2number is correct."""
    plain = [w for w in words if w not in ("and", "-")]
    known = w2n.american_number_system
    if not plain or any(w not in known or (w not in lex.units and w not in lex.tens and w != "hundred")
                        for w in plain):
        return False
    # "hundred" must follow a single unit word ("three hundred"), not "thirty-four hundred".
    return all(word != "hundred" or (i == 1 and plain[0] in lex.units) for i, word in enumerate(plain))


def _value(words: Sequence[str], reading: Reading, lex: Lexicon) -> float:
    """word2number's value where it is right, the reader's elsewhere."""
    read = words[:reading.end]
    if _w2n_is_right(read, lex):
        return float(w2n.word_to_num(" ".join(w for w in read if w != "-")))
    return reading.value


def words_to_number(words: Sequence[str], lex: Lexicon | None = None) -> float:
    """Value of a run of number words (lower case, hyphens as separate items).

    ``thirty-four hundred and fifty`` -> 3450, ``one and a half million``
    -> 1500000, ``half a million`` -> 500000, ``two dozen`` -> 24,
    ``two-thirds`` -> 0.667. Digits may open the run (``1.5 million``).
    Raises ValueError unless the words are exactly one number.
    """
    words = [w if any(c.isdigit() for c in w) else w.lower() for w in words]
    lex = lex or lexicon()
    reading = SpelledNumberReader(lex, lambda i: words[i] if i < len(words) else "").number()
    if reading is None or reading.end != len(words):
        raise ValueError(f"not one number: {' '.join(words)!r}")
    return _value(words, reading, lex)


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


@dataclass(frozen=True)
class _Word:
    """One word of a number as the reader sees it, with the tokens it covers."""

    text: str
    start: int
    end: int
    end_char: int


class _Window:
    """The words of a number, built from the tokens only as far as the reader looks."""

    def __init__(self, next_word: Callable[[int], _Word | None], start: int) -> None:
        self.words: list[_Word] = []
        self._next_word = next_word
        self._token = start
        self._done = False

    def text_at(self, k: int) -> str:
        while len(self.words) <= k and not self._done:
            word = self._next_word(self._token) if len(self.words) < _WINDOW else None
            if word is None:
                self._done = True
            else:
                self.words.append(word)
                self._token = word.end
        return self.words[k].text if k < len(self.words) else ""


class QuantityRecognizer(SavesPatterns):
    """Writes ``doc._.quantities``: every number mention with its value."""

    pattern_names = ("numbers",)

    def __init__(self, nlp: Language, name: str = "news_quantities") -> None:
        self.name = name
        self.use_patterns(PATTERNS_DIR)

    def use_patterns(self, directory: Path) -> None:
        self.patterns_dir = directory
        self.lex = lexicon(directory)
        data = patterns("numbers", directory)
        self.subunits: dict[str, str] = data["subunits"]
        self.subunit_currencies: dict[str, str] = data["subunit_currencies"]
        self._indexes: dict[int, dict[str, list[tuple[str, ...]]]] = {}
        # words that can open a quantity; any other token without a digit is skipped at once
        lex = self.lex
        self._openers = frozenset(
            lex.number_words | set(lex.vague) | lex.bare_fractions | lex.sign_words
            | {p[0] for p in lex.modifiers} | {p[0] for p in lex.same_number}
            | {c.lower() for c in lex.currency_codes} | {c.lower() for c in lex.currency_symbols}
            | set(lex.range_openers) | {"a", "an", "several"})
        self._lows: list[str] = []  # lower-case token texts of the doc being read
        self._end_chars: dict[int, int] = {}  # token -> where a number ends inside it ("10M.")
        self._product_numbers: frozenset[str] = frozenset()  # digits that name a product in this text

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
        return token.lower_ in self.lex.number_words

    @staticmethod
    def _skip_spaces(doc: Doc, i: int) -> int:
        """Past stray space tokens ("fifty   two"), never past a line break."""
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
            i += 1
        return i

    def _ends_clause(self, doc: Doc, i: int) -> bool:
        i = self._skip_spaces(doc, i)
        return i >= len(doc) or doc[i].text in _SENTENCE_END or "\n" in doc[i].text

    def _ordinal_use(self, doc: Doc, i: int) -> bool:
        """What follows token i makes a fraction word an ordinal: a noun or adjective
        ("a fifth term", "a fourth U.S. carrier") or a hyphenated compound ("a third-quarter loss")."""
        if i < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_:
            return True
        i = self._skip_spaces(doc, i)
        if i >= len(doc):
            return False
        tok = doc[i]
        inflected = tok.lemma_.lower() not in ("", tok.lower_)  # "a third voted": a verb
        return any(c.isalpha() for c in tok.text) and tok.lower_ not in self.lex.not_units \
            and tok.lower_ not in self._openers and not inflected

    # -- the words of one number ---------------------------------------------

    def _digit_word(self, doc: Doc, j: int, blocked: set[int]) -> _Word:
        """A written number, joined with what the tokenizer split off it.

        ``1.2`` + ``m`` (and ``m.`` at a sentence end), ``1.1`` + ``^`` +
        ``23``, digit groups split by spaces (``1 234 567``), ``2.33 k``;
        ``10M.`` loses its full stop.
        """
        lex = self.lex
        n = len(doc)
        tok = doc[j]
        text, end, end_char = tok.text, j + 1, tok.idx + len(tok.text)
        free = end < n and end not in blocked
        if parse_digits(text, self.lex) is None:
            # a full stop or an opening bracket the tokenizer left on the number: "10M.", "45(kg)"
            match = _NUMBER_THEN_MARK.match(text)
            if match and parse_digits(match.group(1), self.lex) is not None:
                text, end_char = match.group(1), tok.idx + len(match.group(1))
            return _Word(text, j, end, end_char)
        if free and not tok.whitespace_ and not doc[end].is_space:
            nxt = doc[end]
            suffix = _without_stop(nxt.text)
            if suffix in lex.scale_suffixes and parse_digits(text + suffix, self.lex) is not None:
                return _Word(text + suffix, j, end + 1, nxt.idx + len(suffix))
            if nxt.text == "^" and not nxt.whitespace_ and end + 1 < n and re.fullmatch(r"[+-]*\d+", doc[end + 1].text):
                power = doc[end + 1]
                return _Word(text + "^" + power.text, j, end + 2, power.idx + len(power.text))
            return _Word(text, j, end, end_char)
        if re.fullmatch(r"\d{1,3}", text):
            text, end, end_char = self._spaced_groups(doc, j, blocked)
        if end < n and end not in blocked and doc[end - 1].whitespace_ == " ":
            nxt = doc[end]
            suffix = _without_stop(nxt.text)
            if suffix in lex.spaced_scale_suffixes and parse_digits(text + suffix, self.lex) is not None:
                return _Word(text + suffix, j, end + 1, nxt.idx + len(suffix))
        return _Word(text, j, end, end_char)

    @staticmethod
    def _spaced_groups(doc: Doc, j: int, blocked: set[int]) -> tuple[str, int, int]:
        """``1 234 567`` (ordinary, thin or no-break spaces) as one number."""
        text, k = doc[j].text, j + 1
        while k < len(doc):
            if doc[k - 1].whitespace_ == " " and _THOUSANDS_GROUP.match(doc[k].text):
                nxt = k
            elif doc[k].text in _GROUP_SPACES and k + 1 < len(doc) and not doc[k].whitespace_ \
                    and _THOUSANDS_GROUP.match(doc[k + 1].text):
                nxt = k + 1
            else:
                break
            if nxt in blocked or (nxt + 1 < len(doc) and not doc[nxt].whitespace_ and doc[nxt + 1].text == "-"):
                break  # "3 100-metre": a count before a measure
            text, k = text + doc[nxt].text, nxt + 1
            if "." in doc[nxt].text:
                break
        last = doc[k - 1]
        return text, k, last.idx + len(last.text)

    def _next_word(self, doc: Doc, j: int, blocked: set[int]) -> _Word | None:
        """The word of a number that starts at token j or after stray spaces; None at a break."""
        j = self._skip_spaces(doc, j)
        if j >= len(doc) or j in blocked or doc[j].is_space:
            return None
        tok = doc[j]
        if any(c.isdigit() for c in tok.text):
            return self._digit_word(doc, j, blocked)
        return _Word(tok.lower_, j, j + 1, tok.idx + len(tok.text))

    def _read_spelled(self, doc: Doc, i: int, blocked: set[int], after_modifier: bool) -> _Number | None:
        """The number that starts at token i, in digits, words or both."""
        lex = self.lex
        window = _Window(lambda j: self._next_word(doc, j, blocked), i)
        decimals = not (i > 0 and doc[i - 1].lower_ in lex.no_decimal_after)  # "at one point"
        reading = SpelledNumberReader(lex, window.text_at, decimals).number()
        if reading is None or reading.end == 0:
            return None
        used = window.words[:reading.end]
        texts = [w.text for w in used]
        first_digits = next((w for w in used if any(c.isdigit() for c in w.text)), None)
        if first_digits is not None and not self._digits_are_a_count(doc, first_digits.start):
            return None
        last = used[-1]
        after = self._skip_spaces(doc, last.end)
        if reading.bare_half and not (after_modifier or (after < len(doc) and doc[after].lower_ in ("of", "a", "an"))):
            return None  # "half" alone counts only as "half of", "half a", "more than half"
        if reading.ordinal_like and self._ordinal_use(doc, last.end):
            return None  # "a fifth term"
        if last.end_char != doc[last.end - 1].idx + len(doc[last.end - 1].text):
            self._end_chars[last.end - 1] = last.end_char
        value = _value(texts, reading, self.lex)
        return _Number(i, last.end, value, value, "exact")

    def _read_vague(self, doc: Doc, i: int) -> _Number | None:
        lex = self.lex
        low = doc[i].lower_
        # "several hundred", "a few dozen"
        for opener in (("several",), ("a", "few")):
            n = len(opener)
            if tuple(self._lows[i:i + n]) == opener and i + n < len(doc):
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

    def _read_number(self, doc: Doc, i: int, blocked: set[int], after_modifier: bool = False) -> _Number | None:
        """A number with its currency sign and scale words, no modifier."""
        i = self._skip_spaces(doc, i)
        if i >= len(doc) or i in blocked:
            return None
        lex = self.lex
        tok = doc[i]
        currency = None
        start = i
        if tok.text in lex.currency_symbols or tok.text in lex.currency_codes:
            currency = lex.currency_symbols.get(tok.text, tok.text)
            i = self._skip_spaces(doc, i + 1)
            if i >= len(doc) or i in blocked:
                return None
            tok = doc[i]
        vague = self._read_vague(doc, i)
        if vague is not None:
            vague.start = start
            vague.currency = currency
            return vague
        if tok.lower_ == "one" and self._one_is_pronoun(doc, i):
            return None
        if i > 0 and doc[i - 1].text in lex.name_prefixes:
            return None  # "TWA Flight eight hundred", "flight one oh three": a name
        if tok.lower_ == "one" and i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in ("time", "off"):
            return None  # "a $24 million one-time charge": once, not a count
        if i > 0 and doc[i - 1].lower_ == "year":
            return None  # "the year two thousand": a year
        number = self._read_spelled(doc, i, blocked, after_modifier)
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
        if self._is_street_number(doc, i):
            return False  # "at 469 Vermont St.": an address
        if tok.text in self._product_numbers:
            return False  # "the 486 chip" ... "the 486 is Intel's future flagship": a name
        if nxt is not None and nxt.text == "-" and i + 3 < len(doc) and doc[i + 2].lower_ == "share" \
                and doc[i + 3].lower_ == "index":
            return False  # "the 100-share index": an index's name
        if nxt is not None and nxt.text == ":" and not tok.whitespace_:
            return False  # 10:30
        if _YEAR.match(tok.text):
            # A bare year unless it plainly counts something ("2000 people").
            if not (nxt is not None and (nxt.lower_ in lex.plural_nouns or nxt.text == "%"
                                         or (nxt.is_alpha and nxt.is_lower and nxt.lower_.endswith("s")))):
                return False
        return True

    def _is_street_number(self, doc: Doc, i: int) -> bool:
        """A house number: one to three capitalised words and a street word follow ("469
        Vermont St.", "285 Toure Drive", "10 Downing Street")."""
        for k in range(i + 2, min(i + 5, len(doc))):
            if doc[k].text in self.lex.street_words:
                return all(t.text[:1].isupper() and t.is_alpha for t in doc[i + 1:k])
            if not (doc[k].text[:1].isupper() and doc[k].is_alpha):
                return False
        return False

    def _one_is_pronoun(self, doc: Doc, i: int) -> bool:
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        prev = doc[i - 1].lower_ if i > 0 else ""
        if prev in ("no", "any", "every", "the", "this", "that", "which", "each", "someone"):
            return True
        if nxt == "another" or nxt == "of":
            return True  # "one of them", "one of two men", "one of Mr. Antar's attorneys": partitive
        if nxt in ("who", "whom", "whose"):
            return True  # "the only one who can speak for him"
        return nxt in (".", ",", ";", "") or not nxt

    # -- the whole mention ---------------------------------------------------

    def _percent_after(self, doc: Doc, j: int) -> int:
        phrase = self._phrase_at(doc, j, self.lex.percent_words)
        return j + len(phrase) if phrase else j

    def _in_code(self, doc: Doc, i: int) -> bool:
        """Part of a phone number or code: digit groups glued by - / . (``+1-222-2222``,
        ``555-0143``): three or more of them, or a later one with a leading zero."""
        if doc[i].whitespace_ and (i == 0 or doc[i - 1].whitespace_):
            return False  # a word on its own
        start = end = i
        while start > 0 and not doc[start - 1].whitespace_ and not doc[start - 1].is_space:
            start -= 1
        while end + 1 < len(doc) and not doc[end].whitespace_ and not doc[end + 1].is_space:
            end += 1
        run = doc[start:end + 1].text.rstrip(".,;:!?)")
        if re.fullmatch(r"\+?\d+(?:[-/.]\d+){2,}|\+?\d+(?:[-/]\d+)*[-/]0\d+(?:[-/]\d+)*", run):
            return True
        # a telephone number with its area code in brackets: "(254-2) 751-613"
        line = doc[max(0, start - 8):min(len(doc), end + 9)].text
        return bool(re.search(r"\(\d+(?:-\d+)*\)\s*\d+-\d+", line)) and bool(re.fullmatch(r"\(?\d+(?:-\d+)+\)?", run))

    def _glued_range(self, doc: Doc, i: int) -> tuple[float, float] | None:
        """One token holding a range: ``1000–5000``, ``5k-20k``, ``20~100``."""
        text = doc[i].text
        for k in range(1, len(text) - 1):
            if text[k] in self.lex.glued_range_marks:
                left, right = text[:k], text[k + 1:]
                low, high = parse_digits(left, self.lex), parse_digits(right, self.lex)
                if low is not None and high is not None and low < high and not _YEAR.match(left):
                    return low, high
        return None

    def _make(self, doc: Doc, start: int, end: int, value: float | None, low: float | None,
              high: float | None, modifier: str, unit: str | None) -> Quantity:
        span = doc[start:end]
        end_char = self._end_chars.get(end - 1, span.end_char)
        return Quantity(start, end, span.start_char, end_char, span.text[:end_char - span.start_char],
                        value, low, high, modifier, unit)

    def _range_end(self, doc: Doc, first: _Number, end: int, range_close: str | None,
                   blocked: set[int], percent: bool) -> tuple[_Number, float, float] | None:
        """The second number of "25 to 61", "10-15", "between 10 and 15", "from 5 to 7".

        ``percent``: the first number carries its own percent sign; then the
        second must too ("10% to 15%"), else it is a change and a level
        ("firmed 1% to 31.9").
        """
        lex = self.lex
        joiner = self._skip_spaces(doc, end)
        if joiner >= len(doc) or first.modifier != "exact" or first.value is None:
            return None
        # "rose by 352,000 to 7.2 million" is a change and a level, not a range
        if first.start > 0 and doc[first.start - 1].lower_ == "by":
            return None
        word = doc[joiner].lower_
        if not ((range_close and word == range_close) or (not range_close and word in lex.range_joiners)):
            return None
        second = self._read_number(doc, joiner + 1, blocked)
        if second is None or second.modifier != "exact" or second.value is None:
            return None
        if percent and self._percent_after(doc, second.end) == second.end:
            return None
        low, high = first.value, second.value
        # "5 to 7 million": the scale of the second applies to the first
        last = doc[second.end - 1].lower_
        if second.end - second.start > 1 and high > low * 1000 and last in lex.scales:
            low *= lex.scales[last]
        return (second, low, high) if low < high else None

    def _quotient(self, doc: Doc, first: _Number, end: int, blocked: set[int]) -> _Number | None:
        """``one over three``: two bare numbers, nothing counted after them."""
        k = self._skip_spaces(doc, end)
        if first.currency or first.value is None or k >= len(doc) or doc[k].lower_ not in self.lex.quotient_words:
            return None
        second = self._read_number(doc, k + 1, blocked)
        if second is None or second.modifier != "exact" or second.currency or not second.value \
                or not self._ends_clause(doc, second.end):
            return None
        return _Number(first.start, second.end, first.value / second.value, None, "exact")

    def _post_modifier(self, doc: Doc, end: int) -> tuple[str, ...] | None:
        """``307 or more``; but in "200 or greater than 190" the comparative opens the next number."""
        post = self._phrase_at(doc, end, self.lex.post_modifiers)
        if post is None:
            return None
        after = end + len(post)
        if after < len(doc) and doc[after].lower_ == "than" and self._read_number(doc, after + 1, set()) is not None:
            return None
        return post

    def _read_quantity(self, doc: Doc, i: int, blocked: set[int],
                       join_bounds: bool = True) -> tuple[Quantity, int] | None:
        lex = self.lex
        modifier = "exact"
        start = i
        phrase = self._phrase_at(doc, i, lex.modifiers)
        if phrase and len(phrase) == 1 and i > 0 and doc[i - 1].lower_ in lex.phrasal_verbs:
            phrase = None  # "handed over 307": the verb's particle, not a bound
        if phrase:
            modifier = lex.modifiers[phrase]
            if start > 0 and doc[start - 1].lower_ in lex.negations and modifier in _OPPOSITE_BOUND:
                modifier = _OPPOSITE_BOUND[modifier]  # "wouldn't exceed $100 million": at most
            i = self._skip_spaces(doc, i + len(phrase))
        range_close = None
        if i < len(doc) and doc[i].lower_ in lex.range_openers and not phrase:
            range_close = lex.range_openers[doc[i].lower_]
            i += 1
        if i >= len(doc) or i in blocked or self._in_code(doc, i):
            return None
        glued = self._glued_range(doc, i)
        if glued is not None:
            unit = self._unit_after(doc, i + 1, _Number(i, i + 1, None, None, "range"))
            return self._make(doc, start, i + 1, None, glued[0], glued[1], "range", unit), i + 1
        first = self._read_number(doc, i, blocked, after_modifier=bool(phrase))
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
        quotient = None if phrase or range_close or unit else self._quotient(doc, first, end, blocked)
        span_range = None if quotient else self._range_end(doc, first, end, range_close, blocked,
                                                           percent=unit == "percent")
        # "1,000-for-1,000": one mention of the first number
        if end + 3 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "for" \
                and doc[end + 2].text == "-":
            second = self._read_number(doc, end + 3, blocked)
            if second is not None and second.value == first.value:
                end = second.end
        elif quotient is not None:
            value = low = high = quotient.value
            end = quotient.end
        elif span_range is not None:
            second, low, high = span_range
            end = second.end
            unit = unit or second.currency
            pct_end = self._percent_after(doc, end)
            if pct_end > end:
                unit, end = "percent", pct_end
            # "about 20 to 30" is still a range: its bounds say more than the hedge
            value, kind, modifier = None, "range", "range"
        if range_close and kind != "range":
            start = first.start  # "between" without its "and" is not part of it
        post = self._post_modifier(doc, end)
        if post and kind == "exact" and modifier in ("exact", "approx"):
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
        quantity = self._make(doc, start, end, value, low, high, modifier, unit)
        if join_bounds and modifier in ("at_least", "at_most"):
            joined = self._joined_bounds(doc, quantity, blocked)
            if joined is not None:
                return joined, joined.end
        return quantity, end

    def _joined_bounds(self, doc: Doc, first: Quantity, blocked: set[int]) -> Quantity | None:
        """``more than 10 and fewer than 40``, ``at most 100 and at least 20``: one range."""
        k = self._skip_spaces(doc, first.end)
        joiners = 0
        while k < len(doc) and doc[k].lower_ in self.lex.bound_joiners and joiners < 2:
            k, joiners = self._skip_spaces(doc, k + 1), joiners + 1
        if not joiners or k >= len(doc):
            return None
        read = self._read_quantity(doc, k, blocked, join_bounds=False)
        if read is None:
            return None
        second = read[0]
        if {first.modifier, second.modifier} != {"at_least", "at_most"}:
            return None
        low = first.low if first.modifier == "at_least" else second.low
        high = first.high if first.modifier == "at_most" else second.high
        if low is None or high is None or not low < high:
            return None  # "more than 40 and less than 10" are two bounds
        return self._make(doc, first.start, second.end, None, low, high, "range", first.unit or second.unit)

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
            while j < n and (doc[j].lower_ in lex.of_determiners or parse_digits(doc[j].text, self.lex) is not None
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
    def _is_age(self, doc: Doc, date) -> bool:
        """``thirty years old``: an age measures someone, it places nothing in time."""
        return date.timex_type == "DURATION" and date.end < len(doc) and doc[date.end].lower_ in self.lex.age_words

    def _product_number_texts(self, doc: Doc) -> frozenset[str]:
        """Model numbers that name a product somewhere in the text ("Intel's 80486 chip", "the 486
        chip", "486-based"): three digits or more, after a determiner or a possessor, or glued to
        "-based"; not counts ("the 12 chip makers", "5 million chip sets")."""
        names = set()
        for tok in doc:
            if not (tok.text.isdigit() and len(tok.text) >= 3 and tok.i + 1 < len(doc)):
                continue
            nxt = doc[tok.i + 1]
            glued = nxt.text == "-" and not tok.whitespace_ and tok.i + 2 < len(doc)
            word = doc[tok.i + 2] if glued else nxt
            if glued:
                if word.lower_ == "based":
                    names.add(tok.text)  # "486-based machines"; not "a 16-bit microprocessor": a size
                continue
            before = doc[tok.i - 1] if tok.i > 0 else None
            if before is None or not (before.lower_ in ("the", "a", "an", "its", "their", "his", "her")
                                      or before.text in ("'s", "’s")
                                      or (len(tok.text) >= 4 and before.is_lower and before.is_alpha)):
                continue  # "the 16-bit 8088 chip": four digits after a describing word
            after = doc[word.i + 1] if word.i + 1 < len(doc) and word.is_lower and word.is_alpha else None
            if word.lower_ in self.lex.product_nouns or (after is not None and after.lower_ in self.lex.product_nouns):
                names.add(tok.text)  # also "its 80486 computer chip"
        return frozenset(names)

    def __call__(self, doc: Doc) -> Doc:
        self._lows = [t.lower_ for t in doc]
        self._end_chars = {}
        self._product_numbers = self._product_number_texts(doc)
        blocked: set[int] = set()
        for date in doc._.dates or ():
            if not self._is_age(doc, date):
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
        self._inherit_elided_units(doc, found)
        for quantity in found:
            self._in_main_unit(doc, quantity)
            self._currency_code(doc, quantity)
        doc._.quantities = found
        # the same stretches as spans, for what reads doc.spans (displaCy's span view, spancat data)
        doc.spans["quantities"] = [Span(doc, q.start, q.end, label="QUANTITY") for q in found if q.start < q.end]
        return doc

    def _in_main_unit(self, doc: Doc, quantity: Quantity) -> None:
        """ "31 cents" is USD 0.31, "37.5 Canadian cents" CAD 0.375 and a "31-cent dividend"
        USD 0.31: money in one unit per currency, so sums by currency hold; the span takes
        the words after the number."""
        subunits, currencies = self.subunits, self.subunit_currencies
        k = quantity.end
        if quantity.unit in subunits and k < len(doc) and doc[k].text == "-":
            self._scale(quantity, 0.01, subunits[quantity.unit])  # "a 31-cent dividend"
            return
        currency = None
        if quantity.unit is not None and quantity.unit.isupper() and k > 0 \
                and currencies.get(doc[k - 1].text) == quantity.unit:
            currency = quantity.unit  # "5 euro cents": the reader took "euro" as the currency
        elif k < len(doc) and doc[k].text in currencies:
            currency, k = currencies[doc[k].text], k + 1
        if k >= len(doc) or doc[k].lower_ not in subunits or not (
                currency is not None and quantity.unit == currency or quantity.unit is None or quantity.unit in subunits):
            return  # "$5 and 10 cents" keeps its dollars
        self._scale(quantity, 0.01, currency or subunits[doc[k].lower_])
        quantity.end = k + 1
        quantity.end_char = doc[k].idx + len(doc[k].text)
        quantity.text = doc[quantity.start:quantity.end].text  # not doc.text: built anew on each access

    def _currency_code(self, doc: Doc, quantity: Quantity) -> None:
        """ "4.7 billion French francs" is FRF, "1.8353 marks" DEM: a currency noun the number
        counts becomes its ISO 4217 code when the words before it (or its own form) say which."""
        if quantity.unit not in self.lex.currency_names:
            return
        k = next((k for k in range(quantity.end, min(quantity.end + 4, len(doc)))
                  if doc[k].lemma_.lower() == quantity.unit or doc[k].lower_.rstrip("s") == quantity.unit), None)
        before = [t.lower_ for t in doc[max(0, quantity.start - 1):k if k is not None else quantity.end]]
        code = self.lex.currency_code(quantity.unit, before)
        if code is not None:
            quantity.unit = code

    @staticmethod
    def _scale(quantity: Quantity, factor: float, unit: str) -> None:
        for name in ("value", "low", "high"):
            amount = getattr(quantity, name)
            if amount is not None:
                setattr(quantity, name, round(amount * factor, 10))
        quantity.unit = unit

    def _inherit_elided_units(self, doc: Doc, found: list[Quantity]) -> None:
        """What a bare number counts when the text leaves it out: "Hamas is to free 33
        hostages ... Thirty more are due" (hostage), "117 others" (what the last count
        counted); "Ivan Petrov, 32, was detained" is an age (year)."""
        sentence_of: dict[int, int] = {}
        for index, sent in enumerate(doc.sents):
            for k in range(sent.start, sent.end):
                sentence_of[k] = index
        counted: list[Quantity] = []
        for q in found:
            unit = q.unit
            if unit is None and q.start > 1 and q.end < len(doc) and doc[q.start - 1].text == "," \
                    and doc[q.end].text == "," and doc[q.start - 2].is_title and q.value is not None \
                    and q.value == int(q.value) and 0 < q.value < 120:
                q.unit = "year"  # an age between commas after a name
            elif (unit is None or unit in ("other", "others")) and q.modifier != "range" \
                    and (q.end >= len(doc) or doc[q.end].lower_ in self.lex.elided_unit_next):
                nxt = doc[q.end].lower_ if q.end < len(doc) else ""
                later = next((b for b in found if b.start > q.end and b.start - q.end <= 2), None)
                if later is not None and nxt in ("of", "and", "or", "to"):
                    # "16.2 million of the 27.7 million registered voters", "347 and 238 deaths"
                    q.unit = later.unit
                    continue
                if nxt in ("more", "other", "additional", "further") and q.end + 1 < len(doc):
                    following = doc[q.end + 1]
                    if following.is_alpha and following.is_lower and following.lower_.endswith("s") \
                            and following.lower_ not in self.lex.elided_unit_next \
                            and following.lemma_.lower() not in ("be", "have", "do") \
                            and following.lemma_.lower() != following.lower_:
                        q.unit = following.lemma_.lower()  # "Seven more deaths"
                        continue
                here = sentence_of.get(q.start, 0)
                antecedent = next((a for a in reversed(counted) if here - sentence_of.get(a.start, 0) <= 2), None)
                if antecedent is not None:
                    q.unit = antecedent.unit
            if q.unit is not None and q.unit != "year" and q.unit.islower() and q.unit != "percent":
                counted.append(q)


@Language.factory("news_quantities", assigns=["doc._.quantities", "doc.spans"],
                  requires=["token.is_sent_start", "doc._.dates"])
def make_quantity_recognizer(nlp: Language, name: str) -> QuantityRecognizer:
    return QuantityRecognizer(nlp, name)
