"""Dates: find temporal expressions and resolve them to calendar intervals.

The finder is a set of regular expressions compiled once from the lexicon in
``models/patterns/dates.yml``; overlapping matches keep the longest. Each
match is typed the TimeML way (DATE, TIME, DURATION, SET) and, for dates,
resolved against the document's reference date (``doc._.published``) into
an interval with a granularity (day, week, month, quarter, year, decade,
interval). dateparser parses the absolute expressions once found (``May
24``, ``February 2022``); relative ones (``last week``, ``Saturday``,
``three years ago``) are calendar arithmetic here. A weekday or a month
without a year follows the tense of its clause: past reporting takes the
most recent one on or before the reference date, future text the next one
on or after it. Without a reference date, relative expressions stay
unresolved: the clock never decides.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .calendar_math import (
    _clock_in_day_part,
    _day_part,
    clock_time,
    holiday_date,
    month_interval,
    nearest_year,
    parse_absolute,
    quarter_interval,
    quarter_year,
    shift_months,
    timex_for,
    week_interval,
    weekday_near,
)
from .numbers import lexicon as number_lexicon
from .numbers import words_to_number
from .resources import PATTERNS_DIR, SavesPatterns, patterns
from .tense import Tense

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=None)


#: how far back (tokens) a mention may anchor "that day", "the following year"
_ANCHOR_REACH = 60
#: how far ahead a holiday named without a year may lie in text that does not speak of the future
_AHEAD_DAYS = 60
#: expressions that, once a document has named a quarter, compare with that quarter
#: ("net income rose to $5 million from $4 million a year earlier")
_QUARTER_ANCHORED = frozenset({"ago", "anchored", "year_ago_adj", "year_period"})
_DATELINE_PLACE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?,\s*$")


_DURATION_MODIFIERS = frozenset((("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"),
                                 ("up", "to"), ("just", "over"), ("just", "under"), ("nearly",), ("almost",),
                                 ("about",), ("some",), ("roughly",), ("approximately",), ("around",)))
_NOT_PLURAL = frozenset(("this", "thus", "plus", "less", "was", "has", "his", "its", "does", "goes", "says",
                         "also", "always", "perhaps", "whereas", "unless", "across", "towards", "besides"))


def _looks_plural(word: str) -> bool:
    """A lower-case word that reads as a plural noun ("people", "protests"), not "was" or "its"."""
    return (len(word) > 3 and word.isalpha() and word.islower() and word.endswith("s")
            and not word.endswith("ss") and word not in _NOT_PLURAL)


@dataclass
class DateMention:
    """A temporal expression with its TIMEX3 type/value and calendar interval."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    timex_type: str  # DATE, TIME, DURATION, SET
    timex_value: str | None
    start_date: date | None
    end_date: date | None
    granularity: str | None
    kind: str  # which pattern found it
    #: for a range merged from two dates ("April 19 to June 1"): the two TIMEX3 it joins
    parts: tuple[DateMention, ...] = ()

    @property
    def is_event_date(self) -> bool:
        """Durations, sets and bare times of day never date an event; nor do words that
        name no calendar position (``now``, ``recently``: TIMEX3 PRESENT_REF, PAST_REF)."""
        if self.timex_type == "TIME":
            return self.kind == "clock_day"  # "9 a.m. Tuesday" names the day
        if self.timex_type == "DURATION":
            return self.start_date is not None  # "the first nine months": it names its months too
        return self.timex_type == "DATE" and self.kind not in ("reference", "past_span", "vague_ago")


# --------------------------------------------------------------------------
# The finder


#: months that are also given names ("June said", "her daughter, April"): on their own
#: they are months only before a verb a month takes ("June was hot", "August saw ...")
_NAME_MONTHS = ("april", "june", "august", "january")
_MONTH_PREDICATES = ("was", "is", "will", "would", "could", "has", "had", "remained", "remains", "saw", "sees",
                     "brought", "marked", "ended", "ends", "began", "begins", "typically", "usually", "also",
                     "through", "to")
#: words before a month that a given name does not follow ("could be April", "a hot, windy June")
_BEFORE_MONTH = ("be", "been", "into", "come", "till", "cold", "hot", "wet", "dry", "windy", "rainy", "snowy",
                 "warm", "mild", "chilly", "busy", "quiet")


def _word_before(text: str, start: int, window: int, same_line: bool = False) -> str:
    """The word (anything between spaces, punctuation kept) right before ``start``, looking
    back at most ``window`` characters; "" when there is none. ``same_line``: not across a
    line break (a headline above is no neighbour)."""
    found = re.search(r"(\S+)[ \t]+$" if same_line else r"(\S+)\s+$", text[max(0, start - window):start])
    return found.group(1) if found else ""


def _stands_alone(text: str, start: int, end: int, month: str) -> bool:
    """A capitalised word is a month on its own, not part of a name: no capitalised word
    right after it, none right before it (unless a sentence or clause ends there; "Ms."
    and "Prof." are titles), no verb of saying after it; a month that is also a given
    name needs a verb a month takes."""
    following = re.match(r"[ \t]*(\S*)", text[end:end + 30])
    after = following.group(1) if following else ""
    if after[:1].isupper() or after.lower().strip(".,;:") in ("said", "says", "told", "asked", "who", "whose"):
        return False
    before = _word_before(text, start, 30, same_line=True)
    if month.lower() in _NAME_MONTHS and after.lower() not in _MONTH_PREDICATES \
            and before.lower() not in _BEFORE_MONTH:
        return False
    if not before[:1].isupper():
        return True
    return before[-1] in "!?:;,\"”"


def _to_this_day(match: re.Match[str]) -> bool:
    """ "It continues to this day." / "to this day, nobody knows": the idiom for the present,
    not "looked forward to this day for years" or "returned to this day of mourning"."""
    text, start, end = match.string, match.start("m"), match.end("m")
    if not re.search(r"(?i)\bto\s+$", text[max(0, start - 4):start]) or re.search(
            r"(?i)\b(?:forward|up|back|down|leading|led|lead|come|came|returned|return|pointed|point)\s+to\s+$",
            text[max(0, start - 20):start]):
        return False
    return re.match(r"\s*(?:[.,;:!?)\"”]|$)|\s+(?:remains?|is|are|has|have|still|nobody|no one|many|they|it|he|"
                    r"she|we|the)\b", text[end:end + 12]) is not None


_YEAR_RANGE = re.compile(r"(?P<y0>\d{4})-(?:(?P<y>\d{4})|(?P<y2>\d\d))\b")


def _range_after_year_ok(text: str, start: int, end: int) -> bool:
    """A year before a dash stands only as the first of a range _year_range_ok keeps (the
    year pattern lets "1969-" through when digits follow): "1998-97" is no range and no
    year, and "1999-2000 points" counts points."""
    if text[end:end + 1] != "-" or not text[end + 1:end + 2].isdigit():
        return True
    second = _YEAR_RANGE.match(text, start)
    return second is not None and _year_range_ok(text, second)


def _second_year(first: int, written: str) -> int | None:
    """The second year of a range from its digits ("1970" or "70"; "1999-00" is 2000), or
    None when it cannot end a range (not later; two digits more than ten years on)."""
    if len(written) == 4:
        second = int(written)
        return second if first < second <= first + 100 else None
    second = first // 100 * 100 + int(written)
    if second <= first:
        second += 100
    return second if second - first <= 10 else None


def _year_range_ok(text: str, match: re.Match[str]) -> bool:
    """ "in 1969-1970", "the 2013-14 season", "(2003-2007)": a range of years after a word
    that introduces a time, never a count ("2000-2005 employees"), a share ("1990-95
    percent") or a code ("HR 2013-45", "Rooms 1901-1910")."""
    first, written = int(match.group("y0")), match.group("y") or match.group("y2")
    if _second_year(first, written) is None:
        return False
    word = _word_before(text, match.start(), 30).lower().strip("(")
    if text[match.start() - 1:match.start()] != "(" and word not in (
            "in", "from", "during", "for", "of", "the", "since", "between", "through", "over", "fiscal",
            "its", "his", "her", "their", "our", "and", "or", "to", "by", "until", "season", "year", ""):
        return False
    following = text[match.end():match.end() + 30].split()
    nxt = following[0].strip(".,;:)").lower() if following else ""
    return nxt not in ("percent", "per", "%") and nxt not in _COUNTED_AFTER_RANGE


#: plural nouns a range of year-like numbers counts ("1999-2000 points")
_COUNTED_AFTER_RANGE = ("points", "shares", "employees", "people", "votes", "jobs", "workers", "units",
                        "homes", "troops", "students", "members", "miles", "feet", "meters", "dollars")


def _apostrophe_decade_ok(text: str, start: int, end: int) -> bool:
    """ "the 1960's", "in the 50's" are decades; "2010's budget" is a year's possessive."""
    if not re.search(r"\d0['’]s$", text[start:end]):
        return True
    if text[start:start + 4].lower() == "the ":
        return True
    return _word_before(text, start, 20).lower() in ("in", "of", "during", "since", "through", "by", "until",
                                                     "early", "mid", "late")


def _alternation(words: list[str], abbreviations: bool = False) -> str:
    """Capitalised and upper-case forms; abbreviations (up to 4 letters) may take a dot."""
    forms: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        dot = r"\.?" if abbreviations and len(word) <= 4 and word not in ("may", "june", "july") else ""
        forms += [re.escape(word.capitalize()) + dot, re.escape(word.upper()) + dot]
    return "(?:" + "|".join(forms) + ")"


@dataclass
class _Match:
    """What a resolver knows about one match: the Doc, the pattern's name and groups, the
    token span, the reference date, the last day named before, the anchor for "a year
    earlier", and whether the clause speaks of the future."""

    doc: Doc
    name: str
    match: re.Match[str]
    g: dict
    start: int
    end: int
    reference: date | None
    previous: date | None
    anchor: DateMention | None
    tense: Tense
    #: the last day named within reach before this match ("at 10 a.m.", "the same day" fall on it)
    day_nearby: date | None = None
    #: the last day named before this match at any distance, not counting the day of a saying
    event_day: date | None = None

    @property
    def after_since(self) -> bool:
        """ "since Oct. 8", "since May": the date looks back."""
        return self.start > 0 and self.doc[self.start - 1].lower_ == "since"

    def anchor_for(self, unit: str) -> date | None:
        """The date "the previous <unit>", "that <unit>" count from: the last day named for a
        day, else the last date named (a month cannot anchor "the previous day")."""
        if unit.lower() == "day":
            return self.day_nearby or self.event_day or self.previous
        return self.anchor.start_date if self.anchor is not None else None

    @property
    def day_of_clock(self) -> date | None:
        """The day a bare clock time falls on: the event day just named, else the reference."""
        return self.day_nearby or self.reference

    @property
    def clock_day(self) -> str:
        """day_of_clock as a TIMEX3 date, XXXX-XX-XX when unknown."""
        return self.day_of_clock.isoformat() if self.day_of_clock else "XXXX-XX-XX"

    @property
    def day_in_view(self) -> date | None:
        """The day "the day", "the last day of ..." mean: the event day near or last named."""
        return self.day_nearby or self.event_day or self.reference

    @cached_property
    def future(self) -> bool:
        # asked by few resolvers, so looked up only when asked
        before = [t.lower_ for t in self.doc[max(0, self.start - 2):self.start]]
        # "By Tuesday, the toll had risen": a fronted "by" takes the tense of its sentence
        fronted = self.start >= 1 and (self.start == 1 or self.doc[self.start - 1].is_sent_start)
        if before[-1:] == ["by"] and "had" not in (self.tense.sentence(self.start) if fronted
                                                   else self.tense.clause(self.start, self.end)):
            return True  # a deadline: "repaired by Monday" (not "by Monday, it had risen"; train:
            # "until"/"through" often look back)
        if self.tense.after_saying(self.start):
            return False  # "said on Monday it would ...": the date of the saying
        if self.end < len(self.doc) and self.doc[self.end].text in ("'s", "’s"):
            return False  # "Wednesday's ruling", "Friday's purchases": an event already named
        return self.tense.is_future(self.start, self.end)


@dataclass(frozen=True)
class DateRule:
    """One date pattern, whole: its name, the resolver that reads a match, the lower-case words
    the text must hold for it to match at all (None: no such test), its compiled regex."""

    name: str
    resolve: Callable[[_Match], tuple]
    needs: tuple[str, ...] | None
    regex: re.Pattern[str]


def _rule(name: str, resolve: Callable[[_Match], tuple], needs: tuple[str, ...] | None, regex: str) -> DateRule:
    return DateRule(name, resolve, needs, re.compile(regex))


class DateRecognizer(SavesPatterns):
    """Writes ``doc._.dates``: every temporal expression with its resolution."""

    pattern_names = ("dates", "numbers")  # number words spell durations ("three days")

    def __init__(self, nlp: Language, name: str = "news_dates") -> None:
        self.name = name
        self.use_patterns(PATTERNS_DIR)

    def use_patterns(self, directory: Path) -> None:
        self.patterns_dir = directory
        data = patterns("dates", directory)
        self.months: dict[str, int] = data["months"]
        self.weekdays: dict[str, int] = data["weekdays"]
        self.units: dict[str, str] = data["units"]
        self.relative_days: dict[str, int] = data["relative_days"]
        # one search over the clause's words joined by spaces ("expected to" is two tokens)
        self.future_cues = re.compile(" (?:" + "|".join(
            re.escape(" ".join(c.lower().split())) for c in sorted(data["future_cues"], key=len, reverse=True)) + ") ")
        self.clause_breaks = frozenset(data["clause_breaks"])
        # verbs of saying a date right after dates ("said on Monday", "says Friday")
        self.sayings = frozenset(data["reporting_past"]) | {"says", "tells"}
        lex = self.number_lex = number_lexicon(directory)
        self.number_words = sorted({*lex.units, *lex.tens, "a", "an", "hundred", "dozen"}, key=len, reverse=True)
        self.plural_nouns = lex.plural_nouns
        self.reference_words: dict[str, str] = data["reference_words"]
        self.set_adverbs: dict[str, str] = data["set_adverbs"]
        self.seasons: dict[str, str] = data["seasons"]
        self.year_plurals = frozenset(data["year_plurals"])
        self.named_days: dict[str, int] = data["named_days"]
        self.named_day_words = frozenset(data["named_day_words"])
        self.results_nouns = frozenset(data["results_nouns"])
        self.holidays: dict[str, str] = data["holidays"]
        self.day_ordinals: dict[str, int] = data["day_ordinals"]
        self.date_cues: list[str] = data["date_cues"]
        self.weekday_abbreviations: dict[str, int] = data["weekday_abbreviations"]
        self.rules = self._compile()
        # a match carries its rule's name; _resolve finds the resolver by it
        self._resolvers = {rule.name: rule.resolve for rule in self.rules}

    @staticmethod
    def _words(phrases) -> str:
        """A case-insensitive alternation of phrases, longest first, spaces as \\s+."""
        forms = [r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in sorted(phrases, key=len, reverse=True)]
        return "(?i:" + "|".join(forms) + ")"

    def _compile(self) -> list[DateRule]:
        month = _alternation(list(self.months), abbreviations=True)
        # a month standing alone must be spelled out: "in Jan" is rarer than "Jan Kowalski"
        full_names: dict[int, str] = {}
        for name, number in self.months.items():
            if len(name) > len(full_names.get(number, "")):
                full_names[number] = name
        month_full = _alternation(list(full_names.values()))
        # "net" is left out: "found the net in the first half" is a football match's
        results = "(?i:" + "|".join(re.escape(w) for w in sorted(self.results_nouns - {"net"}, key=len, reverse=True)) + ")"
        # "the May elections" reads as well as "may" the verb and Theresa May: left out
        month_full_no_may = _alternation([n for n in full_names.values() if n != "may"])
        # and "march" is a verb and a noun ("March with us", "the Women's March")
        month_alone = _alternation([n for n in full_names.values() if n not in ("may", "march")])
        weekday = "(?:" + _alternation(list(self.weekdays)) + "|" + "|".join(self.weekdays) + ")"
        month_any = "(?i:" + "|".join(sorted(self.months, key=len, reverse=True)) + r")\.?"
        month_lower = "(?:" + "|".join(sorted(self.months, key=len, reverse=True)) + ")"
        tens = {"twenty": 20, "thirty": 30}
        day_words = [f"{t}[\\s-]{o}" for t in tens for o in self.day_ordinals if self.day_ordinals[o] < 10] + \
                    [f"{t}[\\s-]{u}" for t in tens for u in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")] + \
                    sorted(self.day_ordinals, key=len, reverse=True)
        day_word = "(?i:" + "|".join(sorted(day_words, key=len, reverse=True)) + ")"
        cue = "(?i:" + "|".join(self.date_cues) + ")"
        weekday_abbr = "(?:" + "|".join(sorted(self.weekday_abbreviations, key=len, reverse=True)) + ")"
        # before a month and day, "Sun" is as often a newspaper ("The Sun June 5 edition")
        weekday_abbr_day = "(?:" + "|".join(sorted((a for a in self.weekday_abbreviations if a != "Sun"),
                                                   key=len, reverse=True)) + ")"
        counting = [w for w in self.number_words if w not in ("a", "an")]
        # the first word may open a sentence ("Three days later"); the ones after it may not
        num = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|(?i:" + "|".join(self.number_words) + r")(?:[\s-](?:" + \
              "|".join(counting) + r"))*)"
        word = r"(?i:" + "|".join(self.number_words) + r")"
        unit = r"(?:second|minute|hour|day|night|week|weekend|month|year|decade|century)"
        year = r"(?:1[89]|20)\d\d"
        tens_unit = r"(?i:(?:twen|thir|for|fif|six|seven|eigh|nine)ty-(?:one|two|three|four|five|six|seven|eight|nine))"
        part = r"(?:early|mid|late|the end of|the beginning of|the start of|the middle of)"
        # the words a rule needs in the text before its regex is worth a scan
        season_words = tuple(self.seasons)
        unit_words = ("second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "centur")
        plural_words = ("years", "weeks", "months", "days", "decades", "centuries", "hours", "minutes", "seconds")
        # one record a rule: its name, the resolver that turns a match into a TIMEX3 value and
        # calendar interval, the words it needs (a substring test, far cheaper than a scan that
        # cannot match; tests/test_dates.py checks the rules find the same without it), its regex
        rules = [
            _rule("iso", self._r_iso, None,
                  rf"\b(?P<m>(?P<y>{year})-(?P<mo>[01]\d)-(?P<d>[0-3]\d))\b"),
            _rule("mdy", self._r_iso, None,
                  rf"\b(?P<m>(?:(?P<wd>{weekday}|{weekday_abbr_day}\.?),?\s+|(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<mon>{month})(?:,?\s+|(?<=\.))(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent\b|per\s+cent\b))(?:\s*,?\s+(?:of\s+|in\s+)?(?P<y>{year})\b)?)"),
            _rule("numeric_ymd", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?P<y>{year})[/.-](?P<mon>{month_any}|1[0-2]|0?[1-9])[/.-](?P<d>3[01]|[12]\d|0?[1-9]))\b(?![/.-]?\d)"),
            _rule("numeric_dmy", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?P<d>3[01]|[12]\d|0?[1-9])[-/ ](?P<mon>{month_any})[-/ ,]+(?P<y>{year}))\b"),
            _rule("numeric_mdy", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?P<a>3[01]|[12]\d|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9])/(?:(?P<y>{year})|(?P<y2>\d\d)))\b(?![/\d])"),
            # lower-case month names only with an ordinal day or a year ("july 4th", "28 june in 2020")
            _rule("mdy_lower", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?P<mon>{month_lower})\.?\s+(?=[0-3]?\d(?:st|nd|rd|th)\b|[0-3]?\d\s*,?\s+(?:of\s+|in\s+)?{year}\b)(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:\s*,?\s+(?:of\s+|in\s+)?(?P<y>{year}))?)\b"),
            _rule("dmy_lower", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?=[0-3]?\d(?:st|nd|rd|th)\b|[0-3]?\d\s+(?:of\s+)?{month_lower}\.?\s*,?\s+(?:of\s+|in\s+)?{year}\b)(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month_lower})\.?(?:\s*,?\s+(?:of\s+|in\s+)?(?P<y>{year}))?)\b"),
            _rule("month_dash", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?P<mon>{month_any})-(?P<d>3[01]|[12]\d|0?[1-9])-(?P<y>{year}))\b"),
            _rule("numeric_md", self._r_numeric_ymd, None,
                  rf"\b{cue}\s+(?:(?P<wd>{weekday})\s+)?(?P<m>(?P<a>3[01]|[12]\d|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9]))\b(?![/\d])"),
            _rule("month_slash", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?P<mon>{month_any})/(?P<d>3[01]|[12]\d|0?[1-9]))\b(?![/\d])"),
            # "on the 18th." but not "after the 25th anniversary"
            _rule("day_of_month", self._r_numeric_ymd, None,
                  rf"\b{cue}\s+(?P<m>(?:the\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b(?=\s*(?:[.,;:!?)–—-]|$)|\s+(?:at|and|or|to|through|until)\b)"),
            _rule("spelled_md", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?:(?P<wd>{weekday})\s+(?:the\s+)?)?(?:(?P<mon>{month_any})\s+(?:the\s+)?(?P<sd>{day_word})|(?:the\s+)?(?P<sd2>{day_word})\s+of\s+(?P<mon2>{month})))(?![\w-])"),
            _rule("weekday_the_day", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?P<wd>{weekday})\s+the\s+(?:(?P<sd3>{day_word})|(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)))(?![\w-])"),
            _rule("abbr_weekday_day", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?P<wda>{weekday_abbr})\.?\s+(?:the\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b"),
            _rule("numeric_md_wd", self._r_numeric_ymd, None,
                  rf"\b(?P<m>(?P<wd>{weekday}),?\s+(?P<a>3[01]|[12]\d|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9]))\b(?![/\d])"),
            _rule("week_weekday", self._r_week_weekday, None,
                  rf"\b(?P<m>(?:(?P<wd>{weekday})\s+(?:of\s+)?(?P<rel>(?i:next|last|this|the\s+following|the\s+previous|the\s+next))\s+week|(?P<rel2>(?i:next|last|this))\s+week(?:\s+on)?\s+(?P<wd2>{weekday})))\b"),
            _rule("from_today", self._r_from_today, ("today", "now"),
                  rf"\b(?P<m>(?P<n>{num})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>from|after|before)\s+(?:today|now))\b"),
            # the second day of "Jan. 28-29", "March 18-19, 2014", "April 24 and 25.", "April 9th
            # and 10th" (the first is an mdy match; _merge_ranges joins a dashed pair into a range)
            _rule("md_range_end", self._r_iso, ("-", "–", "and", "or", "&"),
                  rf"(?P<mon>{month})\s+[0-3]?\d(?:st|nd|rd|th)?(?:\s*[-–]\s*|\s+(?:and|or|&)\s+(?=[0-3]?\d(?:st|nd|rd|th)|[0-3]?\d(?:\s*[,.;:!?)]|\s*$|,?\s+{year})))"
                             rf"(?P<m>(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:,?\s+(?P<y>{year}))?)\b(?![-/\d])"),
            _rule("dmy", self._r_iso, None,
                  rf"\b(?P<m>(?:(?P<wd>{weekday}),?\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month})(?:,?\s+(?:of\s+|in\s+)?(?P<y>{year}))?)\b"),
            _rule("month_year", self._r_month_year, None,
                  rf"\b(?P<m>(?:(?P<part>{part})[\s-]+)?(?P<mon>{month})(?:,?\s+|\s+of\s+)(?:(?P<y>{year})|['’](?P<y2>\d\d)))\b(?!['’]?s\b)"),
            _rule("month_cue", self._r_month_year, None,
                  rf"\b(?i:in|since|until|by|from|during|through|throughout|of|on|before|after|between|and|or|to|for|at|(?:recently|early|late|soon)\s+as)\s+(?P<m>(?:(?P<part>{part})[\s-]+)?(?P<mon>{month_full}))(?![\w-])"),
            _rule("month_det", self._r_month_year, None,
                  rf"\b(?:[Tt]he|[Aa]|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[a-z]+est\s+)?(?P<m>(?P<mon>{month_full_no_may}))(?=\s+[a-z])(?!\s+(?:on|for|to|of|against|from|through|in|across|by|with)\b)"),
            # a month on its own ("November was solid", "see December as likelier"); names
            # around it are filtered in _select (_stands_alone: "June Carter", "June said")
            _rule("month_alone", self._r_month_year, None,
                  rf"\b(?P<m>(?P<mon>{month_alone}))(?![\w-])(?!\.?\s*,?\s*\d)"
                            r"(?!\s+(?:on|for|of|against|through|across)\b)"),
            _rule("month_rel", self._r_month_year, None,
                  rf"\b(?P<m>(?P<rel>(?i:last|next|this|early|late|mid))[\s-]+(?P<mon>{month_full}))(?![\w-])"),
            _rule("month_relyear", self._r_month_year, ("year",),
                  rf"\b(?P<m>(?:(?P<part>{part})[\s-]+)?(?P<mon>{month_full})\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)\b"),
            _rule("quarter", self._r_quarter, ("quarter",),
                  rf"\b(?P<m>(?:the\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?P<y>{year}))?)\b"),
            _rule("quarter_code", self._r_quarter, None,
                  rf"\b(?P<m>Q(?P<qn>[1-4])(?:\s+(?P<y>{year}))?)\b"),
            _rule("decade", self._r_decade, ("0s", "0's", "0’s"),
                  r"\b(?P<m>(?:[Tt]he\s+)?(?:(?:early|mid|late)[\s-]*)?(?P<dec>(?:1[89]|20)\d0)['’]?s)\b"),
            _rule("decade_short", self._r_decade_short, ("0s", "0's", "0’s"),
                  r"(?<!his\s)(?<!her\s)(?<!their\s)(?<!its\s)(?<!early\s)(?<!mid\s)(?<!late\s)\b(?P<m>(?:[Tt]he\s+)?(?:(?:early|mid|late)[\s-]*)?['’]?(?P<dec2>[2-9]0)['’]?s)\b"),
            _rule("century_word", self._r_century_word, ("century",),
                  r"\b(?P<m>(?:[Tt]he\s+)?(?P<cw>(?i:eighteenth|nineteenth|twentieth|twenty-first))[\s-]+[Cc]entury)\b"),
            _rule("century", self._r_century, ("century",),
                  r"\b(?P<m>(?:[Tt]he\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s-]+[Cc]entury)\b"),
            _rule("that_unit", self._r_that_unit, None,
                  r"\b(?P<m>(?:(?P<el>[Ee]arlier|[Ll]ater)\s+)?(?:[Tt]hat|[Tt]he\s+same)\s+(?:same\s+)?(?P<unit>day|week|month|year|quarter))\b"),
            _rule("these_days", self._r_these_days, ("these",),
                  r"\b(?P<m>[Tt]hese\s+days)\b"),
            _rule("long_adj", self._r_long_adj, ("long",),
                  r"\b(?:an?\s+)?(?P<m>(?P<unit>hour|day|week|month|year|decade|century)s?-?long)\b"),
            _rule("half_unit", self._r_half_unit, ("half",),
                  rf"\b(?P<m>(?:(?P<n>{num}|\d+)\s+and\s+a\s+half\s+(?P<unit2>hour|day|week|month|year|decade|centurie|century)s?|(?:[Aa]\s+)?[Hh]alf[\s-](?:an?\s+)?(?P<unit>hour|day|week|month|year|decade|century)|(?:[Aa]n?|[Oo]ne)\s+(?P<unit3>hour|day|week|month|year|decade|century)\s+and\s+a\s+half))\b"),
            _rule("set_other", self._r_set_other, ("every", "each"),
                  rf"\b(?P<m>(?:[Ee]very|[Ee]ach)\s+(?:other\s+(?P<other>{unit})|(?P<season>spring|summer|fall|autumn|winter)|(?P<mon>{month_full})))\b"),
            _rule("year_period", self._r_year_period, ("quarter", "period"),
                  rf"\b(?P<m>[Tt]he\s+(?P<y>{year})\s+(?:quarter|period))\b"),
            _rule("half", self._r_half, ("half",),
                  rf"\b(?P<m>[Tt]he\s+(?P<h>first|second|last)\s+half\s+of\s+(?:(?P<y>{year})|the\s+year|(?P<yrel>this|last|next)\s+year))\b"),
            # results reporting's half year without "of": "pretax profit for the first half",
            # "first-half earnings" (a results noun says it is the year's half, not a match's)
            _rule("half_results", self._r_half, ("half",),
                  rf"\b(?:{results})\s+(?:for|in|during)\s+(?P<m>the\s+(?P<h>first|second)\s+half)\b(?!\s+of\b)"),
            _rule("half_adj", self._r_half, ("half",),
                  rf"\b(?P<m>(?P<h>[Ff]irst|[Ss]econd)-half)(?=\s+(?:{results})\b)"),
            _rule("holiday", self._r_holiday, None,
                  rf"\b(?P<m>(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<hol>{self._words(self.holidays)})(?:,?\s+(?:of\s+|in\s+)?(?P<y>{year}))?)(?![\w-])(?!\s+(?:trees?|cards?|carols?|lights|decorations|gifts?|presents?|pudding|cake|markets?|jumpers?|songs?|music)\b)"),
            _rule("year_cue", self._r_year, None,
                  rf"\b(?:in|since|until|by|from|during|through|throughout|of|for|before|after|early|late|mid|fiscal|and|to)\s+(?P<m>(?P<y>{year}))\b(?![-,.]?\d)"),
            _rule("the_year_n", self._r_year, ("year",),
                  rf"\b(?P<m>[Tt]he\s+year\s+(?P<y>{year}))\b(?![-,.]?\d)"),
            _rule("old_year_cue", self._r_year, None,
                  r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Ff]rom|[Bb]efore|[Aa]fter|[Tt]hrough|[Oo]f)\s+(?P<m>(?P<y>1[0-7]\d\d))\b(?![\d%]|,\d|\.\d|-\d|\s+to\s+\d|\s+(?!(?:and|or|but|when|while|as|after|before|until|that|the|with|in|on|at|by|to)\b)[a-z])"),
            # a year; before a dash only when a later year follows ("1969-1970", "2013-14")
            _rule("year", self._r_year, None,
                  rf"(?<![\d,.$€£/-])(?P<m>(?P<y>{year}))(?![\d%]|,\d|\.\d|[-–](?!(?:{year}|\d\d)\b(?![-/.]\d))\d)"),
            _rule("year_apostrophe", self._r_year_apostrophe, ("'", "’"),
                  r"\b(?i:in|since|until|by|from|during|before|after|of|or|and|to)\s+(?P<m>['’](?P<y2>\d\d))\b(?!['’]|\s*%)"),
            _rule("year_range_end", self._r_year_range_end, None,
                  rf"(?<![\d,.$€£/-])(?P<y0>{year})-(?P<m>(?P<y>{year})|(?P<y2>\d\d))\b(?![-/.]\d)"),
            _rule("early_hours", self._r_early_hours, ("hours",),
                  rf"\b(?P<m>(?:[Tt]he\s+)?(?:early|small|wee)\s+hours\s+of\s+(?P<wd>{weekday})(?:\s+morning)?)\b"),
            _rule("weekday", self._r_weekday, None,
                  rf"\b(?P<m>(?:(?P<pre>(?i:overnight|late|early|last|next|this|coming|previous|following))\s+)?(?P<wd>{weekday})(?:\s+(?P<dp>morning|afternoon|evening|night))?)\b"),
            _rule("relday", self._r_relday, ("today", "yesterday", "tomorrow", "tonight"),
                  r"\b(?P<m>(?:the\s+day\s+before\s+)?(?P<rd>today|yesterday|tomorrow|tonight|Today|Yesterday|Tomorrow|Tonight)(?:\s+(?:morning|afternoon|evening|night))?)\b"),
            _rule("lastnight", self._r_relday, ("night", "morning", "afternoon", "evening", "today"),
                  r"\b(?P<m>(?P<ln>[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening)|[Ee]arlier\s+today))\b"),
            _rule("relunit", self._r_relunit, None,
                  r"\b(?P<m>(?P<rel>(?<![Tt]he\s)(?<!its\s)(?<!his\s)(?<!her\s)(?<!their\s)(?<!our\s)(?<!my\s)[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Cc]urrent|[Tt]he\s+previous|[Tt]he\s+following|[Tt]he\s+next|[Tt]he\s+coming|[Tt]he\s+preceding|[Tt]he\s+prior)\s+(?:fiscal\s+|financial\s+)?(?P<unit>day|week|month|year|weekend|quarter|decade))\b(?!-)"),
            _rule("past_span", self._r_past_span, None,
                  r"\b(?P<m>[Tt]he\s+(?:past|last)\s+(?P<unit>day|week|month|year|quarter|decade))\b(?!-)(?!\s+of\b)"),
            _rule("unit_part", self._r_unit_part, ("end", "start", "beginning", "middle", "close"),
                  rf"\b(?P<m>[Tt]he\s+(?P<part>end|start|beginning|middle|close)\s+of\s+(?:(?P<rel>the|this|last|next)\s+(?P<unit>week|month|year|decade)|(?P<y>{year})|(?P<mon>{month_full})(?:\s+(?P<my>{year}))?))\b"),
            _rule("year_part", self._r_unit_part, ("early", "mid", "late"),
                  rf"\b(?P<m>(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+(?P<y>{year}))\b(?![-,.]?\d)"),
            _rule("fiscal_year", self._r_fiscal_year, ("fiscal",),
                  rf"\b(?P<m>[Ff]iscal\s+(?:year\s+)?(?P<y>{year}))\b"),
            _rule("set_times", self._r_set_times, ("once", "twice", "times"),
                  rf"\b(?P<m>(?:[Oo]nce|[Tt]wice|(?:{num})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{unit}|quarter))\b"),
            _rule("earlier", self._r_earlier, ("earl", "late"),
                  r"\b(?P<m>(?P<el>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+(?:in\s+)?(?P<rel>this|last|next|the)\s+(?P<unit>day|week|month|year))\b"),
            _rule("vague_ago", self._r_vague_ago, ("ago",),
                  r"\b(?P<m>(?:(?:[Mm]any|[Ss]everal|[Ss]ome|[Aa]\s+few)\s+)?(?:years|decades|months|weeks|days)\s+ago)\b"),
            _rule("plural_rel", self._r_plural_rel, plural_words,
                  r"(?<!early\s)(?<!small\s)\b(?P<m>(?P<unit>[Yy]ears|[Mm]onths|[Ww]eeks|[Dd]ays|[Dd]ecades|[Hh]ours|[Mm]inutes|[Ss]econds))\s+(?:after|before|later|earlier|of)\b"),
            _rule("vague_span", self._r_vague_span, ("while", "time"),
                  r"\b(?:for|in|after|within|take|took|takes)\s+(?P<m>(?:quite\s+)?a\s+while|some\s+time|a\s+long\s+time)\b"),
            _rule("the_day_year", self._r_the_day_year, ("day", "year"),
                  r"(?<!end\s)(?<!player\s)(?<!dish\s)(?<!person\s)(?<!man\s)(?<!woman\s)(?<!team\s)(?<!goal\s)(?<!coach\s)\b(?:[Oo]f|[Ff]or|[Tt]hroughout|[Oo]pened|[Ee]nded|[Oo]n)\s+(?P<m>the\s+(?:(?:first|final|whole|entire)\s+)?(?P<unit>day|year))\b(?![-\w])(?!\s+(?:before|after|ago|earlier|later|when|that|in\s+which|of|to|ended|ending|\d))"),
            _rule("the_week", self._r_the_week, ("week",),
                  r"\b(?:[Ii]n|[Dd]uring|[Ff]or|[Oo]f)\s+(?P<m>the\s+week)\b(?!\s+(?:before|after|of|ending|ended|to)\b)"),
            _rule("the_daypart", self._r_the_daypart, ("morning", "afternoon", "evening", "night"),
                  r"\b(?:[Ii]n|[Dd]uring|[Tt]hrough|[Ss]pent|[Bb]y|[Uu]ntil)\s+(?P<m>the\s+(?:(?:early|late)\s+)?(?P<dp>morning|afternoon|evening|night))\b(?!\s+of\b)"),
            _rule("daypart_trading", self._r_the_daypart, ("morning", "afternoon", "evening"),
                  r"\b(?P<m>(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?(?P<dp>morning|afternoon|evening))\s+(?:trade|trading|session|dealings|news\s+conference|briefing|rush)\b"),
            # spoken years: "nineteen ninety-six" (not inside a bigger number: "three hundred nineteen"),
            # "two thousand one" only after "in/since/by/until/of", a month or "the year"
            _rule("spelled_year", self._r_spelled_year, ("nineteen",),
                  rf"(?<!hundred\s)(?<!thousand\s)(?<!million\s)(?<!billion\s)\b(?P<m>(?:(?P<mon>{month_full})\s+|(?:[Tt]he\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+|[Tt]he\s+year\s+)?(?P<sy>(?i:nineteen)[\s-](?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?i:one|two|three|four|five|six|seven|eight|nine))?))\b(?![\s-](?:hundred|thousand|million|billion|people|dollars|years|miles|troops|[a-z]+s)\b)"),
            _rule("spelled_year2", self._r_spelled_year, ("thousand",),
                  rf"(?P<m>(?:(?P<mon>{month_full})\s+|[Tt]he\s+year\s+|(?<=\b[Ii]n\s)|(?<=\b[Oo]f\s)|(?<=\b[Bb]y\s)|(?<=\b[Ss]ince\s)|(?<=\b[Uu]ntil\s))(?P<sy>(?i:two\s+thousand)(?:\s+(?:and\s+)?(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?))\b(?![\s-](?:hundred|thousand|million|billion|people|dollars|years|[a-z]+s)\b)"),
            _rule("century_rel", self._r_century_rel, ("century",),
                  r"\b(?P<m>(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+century)\b"),
            _rule("decade_word", self._r_decade_word, ("ties",),
                  r"\b(?P<m>[Tt]he\s+(?:(?:early|mid|late)[\s-]+)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"),
            _rule("couple_units", self._r_couple_units, ("couple",),
                  r"\b(?P<m>(?:[Aa]\s+)?couple\s+of\s+(?P<unit>year|month|week|day|hour|decade)s)\b"),
            _rule("fraction_units", self._r_fraction_units, ("1/2",),
                  r"\b(?P<m>(?P<whole>\d+)\s+1/2\s+(?P<unit>year|month|week|day|hour|minute)s?)\b"),
            _rule("midday", self._r_midday, ("mid",),
                  r"\b(?P<m>[Mm]id-?day|[Mm]id[\s-]?(?P<dp>morning|afternoon|evening))\b"),
            _rule("the_years", self._r_the_years, plural_words,
                  r"\b(?:[Oo]ver|[Tt]hrough|[Ii]n|[Dd]uring)\s+(?P<m>the\s+(?P<unit>years|decades|months|weeks|centuries))\b(?!\s+(?:of|to|ahead|between)\b)"),
            _rule("week_of_month", self._r_week_of_month, ("week",),
                  rf"\b(?P<m>[Tt]he\s+(?P<nth>first|second|third|fourth|last)\s+(?P<wk>week|weekend)\s+of\s+(?P<mon>{month_full})(?:,?\s+(?P<y>{year}))?)\b"),
            _rule("plural_old", self._r_plural_old, ("-old",),
                  r"\b(?P<m>(?P<unit>years|decades|centuries|months)-old)\b"),
            _rule("year_end", self._r_year_end, ("year",),
                  r"\b(?:[Bb]y|[Aa]t|[Aa]round|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter|[Tt]hrough)\s+(?P<m>(?:the\s+)?year[\s-]end)\b"),
            _rule("in_plural", self._r_in_plural, plural_words,
                  r"\b[Ii]n\s+(?P<m>(?P<unit>years|decades|months|weeks))\b(?=\s*[.,;:!?)]|\s+(?:and|but|because|as)\b)"),
            _rule("recent_units", self._r_coming_units, ("recent",),
                  r"\b(?P<m>[Rr]ecent\s+(?P<unit>years|months|weeks|days|decades|quarters))\b"),
            _rule("coming_units", self._r_coming_units, ("coming", "few", "following"),
                  r"\b(?P<m>(?:[Tt]he\s+)?(?:coming|following|next\s+few|past\s+few|last\s+few)\s+(?P<unit>years|months|weeks|days|decades))\b"),
            _rule("year_ended", self._r_year_ended, ("year",),
                  r"\b(?P<m>[Tt]he\s+(?:fiscal\s+|financial\s+)?year)\s+(?:ended|ending|to|through)\s"),
            _rule("ago", self._r_ago, ("ago",),
                  rf"\b(?P<m>(?P<n>{num})\s+(?P<unit>{unit})s?\s+ago)\b"),
            _rule("anchored", self._r_anchored, ("earlier", "later"),
                  rf"\b(?P<m>(?P<n>{num})\s+(?P<unit>day|week|month|year)s?\s+(?P<ba>earlier|later))\b"),
            _rule("anchored_the", self._r_anchored, ("before", "after"),
                  r"\b(?P<m>[Tt]he\s+(?P<unit>day|night|week|month|year)\s+(?P<ba>before|after))\b(?!\s+(?:the|a|an|his|her|its|their|last)\b)(?!\s+[A-Z])"),
            _rule("all_unit", self._r_all_unit, ("all",),
                  r"\b(?P<m>[Aa]ll\s+(?P<unit>day|week|month|year|night)(?:\s+long)?)\b(?!-)"),
            _rule("hours_minutes", self._r_hours_minutes, ("hour", "minute"),
                  rf"\b(?P<m>(?P<h>{num})\s+(?P<big>hour|minute)s?\s+and\s+(?P<mi>{num})\s+(?:minute|second)s?)\b"),
            _rule("clock_in_part", self._r_clock_in_part, ("morning", "afternoon", "evening"),
                  r"\b(?P<m>(?P<h>1[0-2]|[1-9])(?::(?P<min>[0-5]\d))?(?:\s+o['’]clock)?\s+in\s+the\s+(?P<dp>morning|afternoon|evening))\b"),
            _rule("ordinal_unit_of", self._r_ordinal_unit_of, ("first", "last", "final"),
                  r"\b(?P<m>(?:[Tt]he\s+(?:first|last|final)\s+(?P<unit>day|week|month))(?=\s+of\b)|(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y)\s+(?:first|last|final)\s+(?P<unit2>day|week|month)(?=\s+(?:in|of|as|at)\b))"),
            _rule("the_hour", self._r_the_hour, ("hour",),
                  r"\b(?P<m>[Tt]he\s+(?:first|final|last|next|past)\s+hour)\b(?!s)"),
            _rule("daypart_part", self._r_the_daypart, ("morning", "afternoon", "evening"),
                  r"\b(?:[Bb]y|[Ss]ince|[Uu]ntil|[Ii]n|[Ff]rom|[Tt]ill)\s+(?P<m>(?:early|late|mid)[\s-]?(?P<dp>morning|afternoon|evening))\b"),
            _rule("month_that", self._r_month_that, None,
                  rf"\b(?P<m>[Tt]hat\s+(?P<mon>{month_full_no_may}))\b(?!\s*\d)"),
            # "Fifty-three weeks" is one count, not a range of fifty to three
            _rule("duration_range", self._r_duration, unit_words,
                  rf"\b(?!{tens_unit}\b)(?P<m>(?P<n>{num})(?:\s+(?:to|or|and)\s+|\s*[-–]\s*)(?P<n2>{num})\s+(?P<unit>{unit})s)\b"),
            _rule("duration", self._r_duration, unit_words,
                  rf"\b(?![Aa]\s+second\b)(?!(?<=[Ww]ait\s)[Aa]\s+minute\b)(?P<m>(?:(?:the\s+)?(?:past|last|next|first|coming|previous|following)\s+)?(?P<n>{num}|several|a\s+few|few|many)\s+(?:(?:more|additional|further|straight|consecutive|trading|business|working|whole|single|full|entire)\s+)?(?P<unit>{unit}|centurie(?=s))s?)\b(?!-)(?!\s+old\b)"),
            # "three quarters" is a fraction far more often than a duration: quarters need a cue
            _rule("quarters", self._r_duration, ("quarter",),
                  rf"\b(?P<m>(?:(?:the\s+)?(?:past|last|next|first)\s+(?P<n>{num})|(?P<n2>{num})\s+(?:consecutive|straight|successive)|(?P<n3>several|a\s+few|few|many))\s+(?P<unit>quarter)s)\b"),
            _rule("day_part_rel", self._r_day_part_rel, ("morning", "afternoon", "evening", "night"),
                  r"\b(?P<m>(?:[Tt]hat|[Tt]he\s+(?P<rel>next|following|previous|same))\s+(?P<dp>morning|afternoon|evening|night))\b"),
            _rule("unit_old", self._r_unit_old, ("-old",),
                  rf"\b(?P<m>(?:(?P<n>\d+|{word})-)?(?P<unit>decade|century)-old)\b"),
            _rule("duration_adj", self._r_duration, unit_words,
                  rf"\b(?P<m>(?P<n>\d+(?:\.\d+)?|{word}(?:-{word})?)-(?P<unit>second|minute|hour|day|week|month|year|decade|century)(?:-long)?)\b(?![-\s]olds?\b)"),
            _rule("time", self._r_time, None,
                  r"\b(?P<m>(?:1[0-2]|0?[1-9])(?::[0-5]\d){0,2}\s*(?:[aApP]\.[mM]\.|(?i:am|pm)\b)(?:\s+(?:local time|GMT|UTC|EST|EDT|ET|CST|CDT|CT|MST|MDT|PST|PDT|PT|BST|CET|CEST))?|\d{1,2}:\d{2}(?::\d{2})?(?:\s+(?:local time|GMT|UTC|ET|PT|BST))?|\d{4}\s+(?:GMT|UTC)|midnight|noon)"),
            _rule("set", self._r_set, ("every", "each"),
                  rf"\b(?P<m>(?:[Ee]very|[Ee]ach)\s+(?P<unit>{unit}|quarter|{weekday}))\b"),
            _rule("set_every_n", self._r_set_every_n, ("every",),
                  rf"\b(?P<m>[Ee]very\s+(?P<n>{num})\s+(?P<unit>{unit}|quarter)s)\b"),
            _rule("set_adverb", self._r_set_adverb, tuple(self.set_adverbs),
                  rf"\b(?!(?:Daily|Weekly|Monthly|Nightly|DAILY|WEEKLY)\s+[A-Z])(?P<m>(?P<adv>{self._words(self.set_adverbs)}))(?![\w-])"),
            _rule("reference", self._r_reference, None,
                  rf"(?<!\bas\s)\b(?P<m>(?P<ref>{self._words(self.reference_words)}))(?![\w-])(?!\s+as\b)"),
            _rule("quarter_adj", self._r_quarter_adj, None,
                  r"\b(?P<m>(?P<q>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)-quarter)\b"),
            _rule("quarter_latest", self._r_quarter_adj, None,
                  r"\b(?P<m>[Tt]he\s+(?:(?:latest|most\s+recent|recent|past|just-ended)\s+)?quarter|[Tt]he\s+latest\s+period)\b(?!-)"),
            _rule("weekend_cue", self._r_weekend_cue, ("weekend",),
                  r"(?:\b(?:[Oo]ver|[Dd]uring|[Aa]t|[Oo]n|[Tt]hrough|[Bb]efore|[Aa]fter|[Uu]ntil|[Ss]ince|[Bb]y|[Ss]pent|[Ss]pend)\s+|(?:^|(?<=[.!?]\s)|(?<=\n))(?=The\s+weekend(?:['’]s)?\s+[a-z]))(?P<m>[Tt]he\s+weekend)\b"),
            _rule("year_cue_the", self._r_year_cue_the, None,
                  r"\b(?:[Ii]n|[Dd]uring|[Ff]or|[Tt]hroughout)\s+(?P<m>the\s+(?:full\s+|fiscal\s+|entire\s+|whole\s+)?year)\b(?!\s+(?:to|ending|ended|before|after|ago|earlier|later|of|\d))"),
            _rule("plural_units", self._r_plural_units, plural_words,
                  r"\b(?:[Ff]or|[Ww]ithin|[Oo]ver|[Ii]n\s+the|[Dd]uring\s+the|[Ff]or\s+the\s+past|[Ff]or\s+the\s+last|(?:[Aa]fter|[Tt]ake|[Tt]akes|[Tt]ook|[Tt]aking|[Ll]asted|[Ll]asting|(?<!his\s)(?<!her\s)(?<!its\s)(?<!the\s)(?<!their\s)(?<!my\s)[Ll]ast|[Oo]nly|[Jj]ust)(?:\s+only)?)\s+(?P<m>(?P<unit>years|weeks|months|days|decades|centuries|hours|minutes|seconds))\b(?!\s+trading)"),
            _rule("year_ago_adj", self._r_quarter_adj, None,
                  r"\b(?P<m>(?:[Tt]he\s+)?(?:year-(?:earlier|ago)|prior-year)(?:\s+(?:quarter|period))?)\b"),
            _rule("season", self._r_season, season_words,
                  rf"\b(?P<m>(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate)\s+(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{year}))?)\b(?!-)"),
            _rule("season_year", self._r_season, season_words,
                  rf"\b(?P<m>(?:[Tt]he\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?(?P<y>{year}))\b(?!\s+[A-Z])"),
            _rule("season_cue", self._r_season, season_words,
                  r"\b(?:[Ii]n|[Ii]nto|[Dd]uring|[Bb]y|[Uu]ntil|[Oo]ver|[Tt]hrough|[Ss]ince|[Ff]or|[Oo]f|[Ww]ith|[Ff]rom|[Aa]fter|[Bb]efore)\s+(?P<m>the\s+(?P<season>spring|summer|fall|autumn|winter)|(?P<bare>spring|summer|autumn|winter)(?=\s*[.,;:!?)]|\s+(?:and|or|when|while|as|before|after|until|the|this|last|next)\b))\b(?!-)(?!\s+of\b)"),
            _rule("season_that", self._r_season_that, season_words,
                  r"\b(?P<m>[Tt]hat\s+(?P<season>spring|summer|fall|autumn|winter))\b(?!-)"),
            _rule("unit_after_unit", self._r_unit_after_unit, ("after",),
                  r"\b(?P<m>(?P<unit>day|night|week|month|year)\s+after\s+(?P=unit))\b"),
            _rule("weekdays_set", self._r_weekdays_set, ("days",),
                  rf"\b(?:[Oo]n|[Mm]ost|[Ss]ome|and|or)\s+(?P<m>(?P<wds>(?:{weekday})s))\b"),
            _rule("overnight", self._r_overnight, ("overnight",),
                  r"(?<![Aa]n\s)(?<!happen\s)(?<!happened\s)(?<!change\s)(?<!changed\s)(?<!became\s)(?<!become\s)(?<!star\s)(?<!disappear\s)\b(?P<m>[Oo]vernight)\b(?=\s*[.,;:!?)]|\s+(?:to|and|into|as|on|in|from|before|after|when|while|but|that|because|with)\b)"),
            _rule("season_past", self._r_season_past, season_words,
                  r"\b(?P<m>[Tt]his\s+past\s+(?P<season>spring|summer|fall|autumn|winter))\b"),
        ]
        return rules

    # -- finding -------------------------------------------------------------

    def _matches(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        lower = text.lower()
        for rule in self.rules:
            if rule.needs is not None and not any(word in lower for word in rule.needs):
                continue  # a substring test is far cheaper than a scan that cannot match
            for match in rule.regex.finditer(text):
                yield rule.name, match

    def _select(self, text: str, reference: date | None = None) -> list[tuple[str, re.Match[str], int, int]]:
        candidates = []
        for order, (name, match) in enumerate(self._matches(text)):
            s, e = match.span("m")
            candidates.append((s, e, name, match, order))
        # Longest first; among equals, the earlier pattern in the table.
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[4]))
        # the spans taken so far, disjoint and kept sorted: only the last one starting before e
        # can overlap [s, e) (a scan of all of them was quadratic in dates per document)
        taken_starts: list[int] = []
        taken_ends: list[int] = []
        chosen = []
        for s, e, name, match, _ in candidates:
            k = bisect_left(taken_starts, e)
            if k and taken_ends[k - 1] > s:
                continue
            if name == "year" and not (self._bare_year_is_date(text, e, reference) and _range_after_year_ok(text, s, e)):
                continue
            if name == "year_range_end" and not _year_range_ok(text, match):
                continue
            if name == "month_alone" and not _stands_alone(text, s, e, match.group("mon")):
                continue
            if name in ("decade", "decade_short") and not _apostrophe_decade_ok(text, s, e):
                continue
            if name == "duration" and self._is_rate(text, s, e):
                continue
            taken_starts.insert(k, s)
            taken_ends.insert(k, e)
            chosen.append((name, match, s, e))
        chosen.sort(key=lambda c: c[2])
        return chosen

    @staticmethod
    def _is_rate(text: str, start: int, end: int) -> bool:
        """ "24 hours a day", "four flights a week", "$1.76 a year": "a <unit>" after a count
        is a rate, which TimeML leaves unmarked ("as long as a month" stays a duration)."""
        if not re.match(r"(?i)an?\s", text[start:end]):
            return False
        word = _word_before(text, start, 40).lower()
        if not word:
            return False
        if word[-1] in ",;:.!?)":
            return False  # "In the Philippines, a four year low": no count before it
        if re.fullmatch(r"[$€£]?[\d.,]+%?", word):
            return True
        return _looks_plural(word) and word != "times"

    def _bare_year_is_date(self, text: str, end: int, reference: date | None = None) -> bool:
        # "2000 people" counts people; "2024 election" is a year.
        following = text[end:end + 30].split()
        if not following:
            return True
        word = following[0].strip(".,;:")
        if word.lower() in self.year_plurals and reference is not None \
                and abs(int(text[end - 4:end]) - reference.year) <= 3:
            return True  # "expects 2011 earnings" in 2011; "won 1998 games" counts games
        if word in self.plural_nouns:
            return False
        if _looks_plural(word):
            # "the 1992 protests", "its 2012 results": a determiner makes the number a modifier
            # (news writes counts from 1,000 up with a comma, so "the 2000 workers" is rare)
            before = text[max(0, end - 40):end].split()[-2:-1]
            return bool(before) and (before[0].lower() in ("the", "its", "their", "his", "her")
                                     or before[0].endswith(("'s", "’s")))
        return True

    # -- resolving -----------------------------------------------------------

    def _count(self, text: str) -> float | None:
        words = re.split(r"[\s-]+", text.lower().strip())
        if words in (["a"], ["an"]):
            return 1.0
        if len(words) > 1 and words[0] in ("a", "an") and words[1] not in ("few", "couple"):
            words = words[1:]  # "a five year low", "a two day rally"
        if words[0] in ("several", "few", "many") or words[:2] == ["a", "few"]:
            return None
        if words[0] in ("hundred", "thousand"):  # "a hundred years"
            words = ["one"] + words
        try:
            return words_to_number([w.replace(",", "") if w[0].isdigit() else w for w in words], self.number_lex)
        except ValueError:
            return None

    def _resolve(self, doc: Doc, name: str, match: re.Match[str], start: int, end: int,
                 reference: date | None, previous: date | None, anchor: DateMention | None,
                 tense: Tense, day_nearby: date | None = None, event_day: date | None = None) -> tuple:
        """(timex_type, timex_value, start_date, end_date, granularity).

        ``previous``: the last day named before (for "two days later"); ``anchor``: the
        last dated mention nearby, whose quarter "a year earlier" refers to in results
        reporting ("third-quarter profit ... up from $2 a share a year earlier")."""
        c = _Match(doc, name, match, match.groupdict(), start, end, reference, previous, anchor, tense, day_nearby,
                   event_day)
        return self._resolvers[name](c)  # every pattern has one (tests/test_dates.py checks)

    def _unit_letter(self, word: str) -> str:
        """TIMEX3 letter of a calendar unit, singular or plural ("centuries" -> CE); a night is a day."""
        word = word.lower()
        if word == "centuries":
            word = "century"
        elif word.endswith("s") and word[:-1] in self.units:
            word = word[:-1]
        return self.units.get(word, "D")

    def _period(self, amount: str, word: str) -> str:
        """TIMEX3 value of `amount` units: "3", "days" -> P3D; clock units take the T
        ("X", "minutes" -> PTXM), as TIMEX3 writes them."""
        letter = self._unit_letter(word)
        if letter == "H" and "." in amount:  # "1.5 hours", "5 1/2 hours": PT1H30M, as TimeBank writes them
            hours, fraction = divmod(float(amount), 1)
            return f"PT{int(hours)}H{round(fraction * 60)}M" if hours else f"PT{round(fraction * 60)}M"
        if letter in ("H", "MIN", "S"):
            return f"PT{amount}{letter[0]}"
        return f"P{amount}{ {'CE': 'C'}.get(letter, letter)}"

    def _vague_duration(self, word: str) -> str:
        """ "for years" PXY, "hours" PTXH, "centuries" PXC: an unknown number of a unit."""
        return self._period("X", word)

    def _once_every(self, word: str) -> str:
        """ "every week" P1W, "each hour" PT1H, "twice a minute" PT1M: a set's period."""
        return self._period("1", word)

    @staticmethod
    def _bare_month_year(month: int, reference: date, future: bool, past: bool = False) -> int:
        """The year of a month named without one: the nearest, up to three months ahead
        unless the clause speaks of the future (see nearest_year)."""
        return nearest_year(date(2000, month, 1), reference.replace(day=1), future, past=past, ahead_limit=100).year

    def _r_the_years(self, c: _Match) -> tuple:
        """Pattern the_years ("over the years")."""
        return "DURATION", self._vague_duration(c.g["unit"]), None, None, None

    def _r_plural_old(self, c: _Match) -> tuple:
        """Pattern plural_old ("a decades-old feud")."""
        return "DURATION", self._vague_duration(c.g["unit"]), None, None, None

    def _r_week_of_month(self, c: _Match) -> tuple:
        """Pattern week_of_month ("the first week of April"): the ISO week holding that
        part of the month."""
        month = self.months[c.g["mon"].lower()]
        if c.g.get("y"):
            year = int(c.g["y"])
        elif c.reference is None:
            return "DATE", None, None, None, "week"
        else:
            year = self._bare_month_year(month, c.reference, c.future)
        first, last = month_interval(year, month)
        nth = c.g["nth"].lower()
        if nth == "last":
            day = last - timedelta(days=3)
        else:
            day = first + timedelta(days=7 * ({"first": 1, "second": 2, "third": 3, "fourth": 4}[nth] - 1) + 3)
        s, e = week_interval(day)
        if c.g["wk"].lower() == "weekend":
            saturday = s + timedelta(days=5)
            return "DATE", timex_for(s, "week") + "-WE", saturday, saturday + timedelta(days=1), "interval"
        return "DATE", timex_for(s, "week"), s, e, "week"

    def _r_year_end(self, c: _Match) -> tuple:
        """Pattern year_end ("by year-end": December 31 of this year; "since year-end": of last)."""
        if c.reference is None:
            return "DATE", "XXXX-12-31", None, None, "day"
        since = c.after_since
        day = date(c.reference.year - (1 if since else 0), 12, 31)
        return "DATE", day.isoformat(), day, day, "day"

    def _r_in_plural(self, c: _Match) -> tuple:
        """Pattern in_plural ("for the first time in years")."""
        return "DURATION", self._vague_duration(c.g["unit"]), None, None, None

    def _r_season_past(self, c: _Match) -> tuple:
        """Pattern season_past ("this past spring": the last one)."""
        return self._season({"season": c.g["season"], "rel": "last"}, c.reference, c.future)

    def _r_reference(self, c: _Match) -> tuple:
        """Pattern reference."""
        phrase = " ".join(c.g["ref"].lower().split())
        return "DATE", self.reference_words[phrase], None, None, None

    def _r_set_every_n(self, c: _Match) -> tuple:
        """Pattern set_every_n."""
        n = self._count(c.g["n"])
        unit = c.g["unit"].lower()
        return "SET", self._period("X" if n is None else str(int(n)), unit), None, None, None

    def _r_set_adverb(self, c: _Match) -> tuple:
        """Pattern set_adverb."""
        return "SET", self.set_adverbs[c.g["adv"].lower()], None, None, None

    def _r_set(self, c: _Match) -> tuple:
        """Pattern set."""
        unit = c.g["unit"].lower()
        if unit in self.weekdays:
            return "SET", f"XXXX-WXX-{self.weekdays[unit] + 1}", None, None, None
        return "SET", self._once_every(unit), None, None, None

    def _r_weekend_cue(self, c: _Match) -> tuple:
        """Pattern weekend_cue."""
        return self._weekend(c.reference, c.future)

    def _r_year_cue_the(self, c: _Match) -> tuple:
        """Pattern year_cue_the."""
        if c.reference is None:
            return "DATE", None, None, None, "year"
        return self._shifted(c.reference, "year", 0)

    def _r_plural_units(self, c: _Match) -> tuple:
        """Pattern plural_units."""
        return "DURATION", self._vague_duration(c.g["unit"]), None, None, None

    def _r_quarter_adj(self, c: _Match) -> tuple:
        """Patterns quarter_adj, quarter_latest, year_ago_adj."""
        return self._quarter_reference(c.name, c.g, c.reference, c.future, c.anchor)

    def _r_season(self, c: _Match) -> tuple:
        """Patterns season, season_year, season_cue ("in the spring", "through winter")."""
        return self._season({**c.g, "season": c.g.get("season") or c.g.get("bare")}, c.reference, c.future)

    def _r_day_part_rel(self, c: _Match) -> tuple:
        """Pattern day_part_rel ("that night", "the next morning"): a part of the day just
        named, or of the one after or before it."""
        day = c.day_nearby
        if day is None:
            return "TIME", None, None, None, None
        step = {"next": 1, "following": 1, "previous": -1}.get((c.g.get("rel") or "").lower(), 0)
        day += timedelta(days=step)
        return "TIME", day.isoformat() + _day_part(c.g["dp"]), None, None, None

    def _r_unit_old(self, c: _Match) -> tuple:
        """Pattern unit_old ("a decade-old law", "two-century-old"): a duration, not an age."""
        return self._r_duration(replace(c, g={**c.g, "n": c.g.get("n") or "one"}))

    def _r_the_day_year(self, c: _Match) -> tuple:
        """Pattern the_day_year ("won the first five matches of the day", "a forecast for the
        year"): the day in view, the year of the reference."""
        if c.g["unit"].lower() == "day":
            return self._unit_in_view(c, "day")
        if c.reference is None:
            return "DATE", None, None, None, "year"
        return self._shifted(c.reference, "year", 0)

    def _r_clock_in_part(self, c: _Match) -> tuple:
        """Pattern clock_in_part ("4 in the morning", "7:30 in the evening")."""
        hour = int(c.g["h"]) % 12 + (12 if c.g["dp"].lower() in ("afternoon", "evening") else 0)
        return "TIME", f"{c.clock_day}T{hour:02d}:{c.g.get('min') or '00'}", None, None, None

    def _r_century_word(self, c: _Match) -> tuple:
        """Pattern century_word ("the nineteenth century", "nineteenth-century painting")."""
        n = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}[c.g["cw"].lower()]
        return "DATE", f"{n - 1:02d}", date((n - 1) * 100, 1, 1), date((n - 1) * 100 + 99, 12, 31), "interval"

    def _r_ordinal_unit_of(self, c: _Match) -> tuple:
        """Pattern ordinal_unit_of ("the last day of the court's term"): a day of the
        stretch just named; the day in view is the best guess at it."""
        return self._unit_in_view(c, (c.g.get("unit") or c.g.get("unit2") or "").lower())

    def _unit_in_view(self, c: _Match, unit: str) -> tuple:
        """The day, week or month holding the day in view."""
        if c.day_in_view is None:
            return "DATE", None, None, None, unit
        return self._shifted(c.day_in_view, unit, 0)

    def _r_the_hour(self, c: _Match) -> tuple:
        """Pattern the_hour ("in the final hour of trading")."""
        return "DURATION", "PT1H", None, None, None

    def _r_month_that(self, c: _Match) -> tuple:
        """Pattern month_that ("that June"): the month in the year just named."""
        if c.anchor is None or c.anchor.start_date is None:
            return "DATE", f"XXXX-{self.months[c.g['mon'].lower()]:02d}", None, None, "month"
        return self._r_month_year(replace(c, g={**c.g, "y": str(c.anchor.start_date.year)}))

    def _r_all_unit(self, c: _Match) -> tuple:
        """Pattern all_unit ("all week", "all night long"): one whole unit."""
        return "DURATION", self._period("1", c.g["unit"]), None, None, None

    def _r_hours_minutes(self, c: _Match) -> tuple:
        """Pattern hours_minutes ("two hours and 20 minutes", "28 minutes and 20 seconds")."""
        big, small = self._count(c.g["h"]), self._count(c.g["mi"])
        letters = "HM" if c.g["big"].lower() == "hour" else "MS"
        if big is None or small is None:
            return "DURATION", f"PTX{letters[0]}", None, None, None
        return "DURATION", f"PT{int(big)}{letters[0]}{int(small)}{letters[1]}", None, None, None

    def _r_season_that(self, c: _Match) -> tuple:
        """Pattern season_that ("that fall"): the season of the year just named."""
        if c.anchor is None or c.anchor.start_date is None:
            return self._season(c.g, c.reference, c.future)
        return self._season({**c.g, "y": str(c.anchor.start_date.year)}, c.reference, c.future)

    def _r_unit_after_unit(self, c: _Match) -> tuple:
        """Pattern unit_after_unit ("day after day", "month after month"): every such unit."""
        return "SET", self._once_every(c.g["unit"]), None, None, None

    def _r_weekdays_set(self, c: _Match) -> tuple:
        """Pattern weekdays_set ("open on Saturdays"): every such weekday."""
        return "SET", f"XXXX-WXX-{self.weekdays[c.g['wds'][:-1].lower()] + 1}", None, None, None

    def _r_overnight(self, c: _Match) -> tuple:
        """Pattern overnight: the night before the day in view (tonight, in future text)."""
        if c.day_of_clock is None:
            return "TIME", "XXXX-XX-XXTNI", None, None, None
        night = c.reference if c.future and c.reference else c.day_of_clock - timedelta(days=1)
        return "TIME", night.isoformat() + "TNI", None, None, None

    def _r_numeric_ymd(self, c: _Match) -> tuple:
        """Patterns numeric_ymd, numeric_dmy, numeric_mdy, numeric_md, month_slash, day_of_month, spelled_md, weekday_the_day, month_dash, abbr_weekday_day, numeric_md_wd, mdy_lower, dmy_lower."""
        return self._numeric_date(c.doc, c.name, c.g, c.start, c.end, c.reference, c.future)

    def _r_week_weekday(self, c: _Match) -> tuple:
        """Pattern week_weekday."""
        if c.reference is None:
            return "DATE", "XXXX-XX-XX", None, None, "day"
        rel = (c.g.get("rel") or c.g.get("rel2") or "").lower().split()[-1]
        wd = self.weekdays[(c.g.get("wd") or c.g.get("wd2") or "").lower()]
        step = {"next": 1, "following": 1, "last": -1, "previous": -1}.get(rel, 0)
        day = week_interval(c.reference)[0] + timedelta(days=7 * step + wd)
        return "DATE", day.isoformat(), day, day, "day"

    def _r_from_today(self, c: _Match) -> tuple:
        """Pattern from_today."""
        n = self._count(c.g["n"])
        if c.reference is None or n is None:
            return "DATE", None, None, None, c.g["unit"]
        sign = -1 if c.g["dir"].lower() == "before" else 1
        unit, k = c.g["unit"].lower(), sign * int(n)
        if unit == "day":
            day = c.reference + timedelta(days=k)
        elif unit == "week":
            day = c.reference + timedelta(weeks=k)
        else:
            months = k * (12 if unit == "year" else 1)
            first = shift_months(c.reference, months)
            day = first.replace(day=min(c.reference.day, calendar.monthrange(first.year, first.month)[1]))
        return "DATE", day.isoformat(), day, day, "day"

    def _r_iso(self, c: _Match) -> tuple:
        """Patterns iso, mdy ("last August 21" looks back), dmy, md_range_end (the second day of
        "Jan. 28-29")."""
        if c.g.get("y") is None and c.reference is None:
            return "DATE", "XXXX-XX-XX", None, None, "day"
        text = c.match.group("m")
        if c.name == "md_range_end":  # "29" of "Jan. 28-29": the month comes from before the dash
            text = f"{c.g['mon']} {c.g['d']}" + (f", {c.g['y']}" if c.g.get("y") else "")
        if c.g.get("wd") and c.name == "mdy":
            text = text[c.match.end("wd") - c.match.start("m"):].lstrip(" ,")
        rel = (c.g.get("rel") or "").lower() if c.name == "mdy" else ""
        if rel:  # "last August 21" looks back, "next March 10" ahead
            text = text[c.match.end("rel") - c.match.start("m"):].lstrip()
        # a missing year: a leap year stands in (so "Feb. 29" parses) and nearest_year picks the real one
        day = parse_absolute(text.replace(".", "") + ("" if c.g.get("y") else " 2000"))
        if day is None:
            return "DATE", None, None, None, "day"
        if c.g.get("y") is None and c.reference is not None:
            day = self._year_of_day(day, c.doc, c.start, c.end, c.reference, (c.future or rel == "next") and rel != "last",
                                    looks_back=rel == "last")
        return "DATE", day.isoformat(), day, day, "day"

    def _r_month_year(self, c: _Match) -> tuple:
        """Patterns month_year, month_cue, month_rel, month_relyear, month_det ("the January report"),
        month_alone ("November was solid")."""
        month = self.months[c.g["mon"].lower().rstrip(".")]
        if c.g.get("y"):
            year = int(c.g["y"])
        elif c.g.get("y2"):  # "September of '72"
            year = self._two_digit_year(c.g["y2"], c.reference)
        elif c.g.get("yrel") and c.reference is not None:  # "June last year"
            year = c.reference.year + {"last": -1, "next": 1}.get(c.g["yrel"].lower(), 0)
        elif c.reference is None:
            return "DATE", f"XXXX-{month:02d}", None, None, "month"
        else:
            rel = (c.g.get("rel") or "").lower()
            if rel == "this":
                year = c.reference.year
            elif rel == "next":
                year = c.reference.year + (month <= c.reference.month)
            elif rel == "last":
                year = c.reference.year - (month >= c.reference.month)
            else:
                since = c.after_since
                year = self._bare_month_year(month, c.reference, c.future, past=since)
        s, e = month_interval(year, month)
        return "DATE", f"{year}-{month:02d}", s, e, "month"

    def _r_quarter(self, c: _Match) -> tuple:
        """Patterns quarter, quarter_code."""
        q = int(c.g["qn"]) if c.g.get("qn") else {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4,
                                              "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[c.g["q"].lower()]
        if c.g.get("y"):
            year = int(c.g["y"])
        elif c.reference is None:
            return "DATE", f"XXXX-Q{q}", None, None, "quarter"
        else:
            year = quarter_year(q, c.reference, c.future)
        s, e = quarter_interval(year, q)
        return "DATE", f"{year}-Q{q}", s, e, "quarter"

    def _r_century(self, c: _Match) -> tuple:
        """Pattern century."""
        n = int(c.g["cent"])
        return "DATE", f"{n - 1:02d}", date(max((n - 1) * 100, 1), 1, 1), date(n * 100 - 1, 12, 31), "interval"

    def _r_holiday(self, c: _Match) -> tuple:
        """Pattern holiday."""
        return self._holiday(c.g, c.reference, c.future)

    @staticmethod
    def _quarter_ending(quarter: DateMention, last_day: date) -> None:
        """A fiscal quarter named by the day it ends on: the three months up to that day."""
        month = last_day.month - 2
        year = last_day.year + (month - 1) // 12 if month < 1 else last_day.year
        month = month + 12 if month < 1 else month
        # the TIMEX3 value keeps a numbered quarter's number ("fourth quarter": fiscal) with the
        # year of its end; "the quarter" is the calendar quarter it ends in
        quarter.start_date, quarter.end_date = date(year, month, 1), last_day
        if quarter.timex_value and re.fullmatch(r"\d{4}-Q\d", quarter.timex_value):
            number = quarter.timex_value[-1] if quarter.kind != "quarter_latest" else str((last_day.month - 1) // 3 + 1)
            quarter.timex_value = f"{last_day.year}-Q{number}"

    def _r_year_period(self, c: _Match) -> tuple:
        """Pattern year_period."""
        y = int(c.g["y"])
        if c.anchor is not None and c.anchor.granularity == "quarter" and c.anchor.start_date is not None:
            q = (c.anchor.start_date.month - 1) // 3 + 1  # "the 1988 quarter": the quarter just named, in 1988
            s, e = quarter_interval(y, q)
            return "DATE", f"{y}-Q{q}", s, e, "quarter"
        return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"

    def _r_half(self, c: _Match) -> tuple:
        """Pattern half."""
        if c.g.get("y"):
            y = int(c.g["y"])
        elif c.reference is None:
            return "DATE", None, None, None, "interval"
        else:
            y = c.reference.year + {"last": -1, "next": 1}.get((c.g.get("yrel") or "").lower(), 0)
        h = 1 if c.g["h"].lower() == "first" else 2
        if c.name in ("half_results", "half_adj") and not c.g.get("y") and c.reference is not None \
                and h == 2 and c.reference.month < 7 and not c.future:
            y -= 1  # "second-half earnings" reported in February are last year's, as quarters go
        return "DATE", f"{y}-H{h}", date(y, 1 + 6 * (h - 1), 1), date(y, 6 * h, 30 if h == 1 else 31), "interval"

    def _r_long_adj(self, c: _Match) -> tuple:
        """Pattern long_adj."""
        unit = c.g["unit"].lower()
        plural = c.match.group("m").lower().startswith(unit + "s")
        return "DURATION", self._period("X" if plural else "1", unit), None, None, None

    def _r_half_unit(self, c: _Match) -> tuple:
        """Pattern half_unit."""
        return "DURATION", self._half_value(c.g), None, None, None

    def _r_set_other(self, c: _Match) -> tuple:
        """Pattern set_other."""
        if c.g.get("season"):
            return "SET", f"XXXX-{self.seasons[c.g['season'].lower()]}", None, None, None
        if c.g.get("mon"):
            return "SET", f"XXXX-{self.months[c.g['mon'].lower()]:02d}", None, None, None
        return "SET", self._period("2", c.g["other"]), None, None, None

    def _r_these_days(self, c: _Match) -> tuple:
        """Pattern these_days."""
        return "DATE", "PRESENT_REF", None, None, None

    def _r_that_unit(self, c: _Match) -> tuple:
        """Pattern that_unit."""
        return self._that_unit(c.g["unit"], c.anchor_for(c.g["unit"]))

    def _r_vague_ago(self, c: _Match) -> tuple:
        """Pattern vague_ago."""
        return "DATE", "PAST_REF", None, None, None

    def _r_spelled_year(self, c: _Match) -> tuple:
        """Patterns spelled_year, spelled_year2."""
        year = self._spelled_year(c.g["sy"])
        if year is None:
            return "DATE", None, None, None, "year"
        if c.g.get("mon"):
            month = self.months[c.g["mon"].lower()]
            s, e = month_interval(year, month)
            return "DATE", f"{year}-{month:02d}", s, e, "month"
        if c.g.get("season"):
            return self._season({"season": c.g["season"], "y": str(year)}, c.reference, c.future)
        return "DATE", str(year), date(year, 1, 1), date(year, 12, 31), "year"

    def _r_century_rel(self, c: _Match) -> tuple:
        """Pattern century_rel."""
        if c.reference is None:
            return "DATE", None, None, None, "interval"
        century = c.reference.year // 100 + {"last": -1, "next": 1}.get(c.g["rel"].lower(), 0)
        return "DATE", f"{century:02d}", date(max(century * 100, 1), 1, 1), date(century * 100 + 99, 12, 31), \
            "interval"

    def _r_decade_word(self, c: _Match) -> tuple:
        """Pattern decade_word."""
        words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        y = 1920 + 10 * words.index(c.g["dw"].lower())  # "the nineties": the last century's
        return "DATE", str(y)[:3], date(y, 1, 1), date(y + 9, 12, 31), "decade"

    def _r_couple_units(self, c: _Match) -> tuple:
        """Pattern couple_units."""
        return "DURATION", self._period("2", c.g["unit"]), None, None, None

    def _r_fraction_units(self, c: _Match) -> tuple:
        """Pattern fraction_units."""
        return "DURATION", self._period(f"{int(c.g['whole']) + 0.5:g}", c.g["unit"]), None, None, None

    def _r_midday(self, c: _Match) -> tuple:
        """Pattern midday."""
        return "TIME", c.clock_day + (_day_part(c.g["dp"]) if c.g.get("dp") else "T12:00"), None, None, None

    def _r_plural_rel(self, c: _Match) -> tuple:
        """Pattern plural_rel."""
        return "DURATION", self._vague_duration(c.g["unit"]), None, None, None

    def _r_vague_span(self, c: _Match) -> tuple:
        """Pattern vague_span."""
        return "DURATION", "PXX", None, None, None

    def _r_the_week(self, c: _Match) -> tuple:
        """Pattern the_week."""
        if c.reference is None:
            return "DATE", None, None, None, "week"
        return self._shifted(c.reference, "week", 0)

    def _r_the_daypart(self, c: _Match) -> tuple:
        """Patterns the_daypart, daypart_trading ("in early afternoon trading"), daypart_part
        ("by early evening"): that part of the day in view."""
        value = c.clock_day + _day_part(c.g["dp"])
        return "TIME", value, None, None, None

    def _r_coming_units(self, c: _Match) -> tuple:
        """Patterns coming_units, recent_units ("in recent years"): a vague duration."""
        return "DURATION", self._vague_duration(c.g["unit"]), None, None, None

    def _r_year_ended(self, c: _Match) -> tuple:
        """Pattern year_ended."""
        return "DURATION", "P1Y", None, None, None

    def _r_decade_short(self, c: _Match) -> tuple:
        """Pattern decade_short."""
        y = 1900 + int(c.g["dec2"])  # "the '90s": the last century's
        return "DATE", str(y)[:3], date(y, 1, 1), date(y + 9, 12, 31), "decade"

    def _r_decade(self, c: _Match) -> tuple:
        """Pattern decade."""
        y = int(c.g["dec"])
        return "DATE", str(y)[:3], date(y, 1, 1), date(y + 9, 12, 31), "decade"

    def _r_year(self, c: _Match) -> tuple:
        """Patterns year, year_cue, the_year_n ("the year 2012"), old_year_cue ("in 1415")."""
        y = int(c.g["y"])
        return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"

    def _r_year_apostrophe(self, c: _Match) -> tuple:
        """Pattern year_apostrophe ("in '72", "'72 or '73")."""
        y = self._two_digit_year(c.g["y2"], c.reference)
        return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"

    def _r_year_range_end(self, c: _Match) -> tuple:
        """Pattern year_range_end: the second year of "1969-1970", "2013-14" or "1999-00"
        (_select keeps only ranges _second_year can end)."""
        y = _second_year(int(c.g["y0"]), c.g.get("y") or c.g["y2"])
        if y is None:  # not reached: _select drops what _second_year cannot end
            return "DATE", None, None, None, "year"
        return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"

    def _r_weekday(self, c: _Match) -> tuple:
        """Pattern weekday."""
        wd = self.weekdays[c.g["wd"].lower()]
        pre = (c.g.get("pre") or "").lower()
        if c.reference is None:
            return "DATE", "XXXX-XX-XX", None, None, "day"
        if pre in ("last", "previous"):
            day = weekday_near(c.reference, wd, False, strict=True)
        elif pre in ("next", "coming", "following"):
            day = weekday_near(c.reference, wd, True, strict=True)
        elif pre == "this":
            day = week_interval(c.reference)[0] + timedelta(days=wd)
        else:
            day = weekday_near(c.reference, wd, c.future)
        # "Friday morning" stays a DATE (TimeML would say TIME): the events table dates facts by it
        return "DATE", day.isoformat() + _day_part(c.g.get("dp")), day, day, "day"

    def _r_early_hours(self, c: _Match) -> tuple:
        """Pattern early_hours ("the early hours of Sunday"): that day's morning."""
        return self._r_weekday(replace(c, g={**c.g, "pre": None, "dp": "morning"}))

    def _r_relday(self, c: _Match) -> tuple:
        """Patterns relday, lastnight."""
        if c.reference is None:
            return "DATE", "XXXX-XX-XX", None, None, "day"
        word = (c.g.get("rd") or c.g.get("ln") or "").lower()
        offset = -1 if word.startswith("last") else self.relative_days.get(word, 0)
        if c.match.group("m").lower().startswith("the day before"):
            offset -= 1
        day = c.reference + timedelta(days=offset)
        text = c.match.group("m").lower()
        part = next((p for p in ("morning", "afternoon", "evening", "night") if text.endswith(p)), None)
        part = part or ("night" if word == "tonight" else None)
        return "DATE", day.isoformat() + _day_part(part), day, day, "day"

    def _r_relunit(self, c: _Match) -> tuple:
        """Pattern relunit."""
        rel = c.g["rel"].lower().split()[-1]
        rel = "previous" if rel == "prior" else rel
        if rel == "this" and c.g["unit"].lower() == "day" and _to_this_day(c.match):
            return "DATE", "PRESENT_REF", None, None, None  # "continues to this day": the present, not a day
        if rel in ("following", "previous", "preceding") and c.anchor_for(c.g["unit"]) is not None:
            # "the following year", "the previous day": from the date just named
            return self._relative_unit(rel, c.g["unit"], c.anchor_for(c.g["unit"]))
        return self._relative_unit(rel, c.g["unit"], c.reference)

    def _r_past_span(self, c: _Match) -> tuple:
        """Pattern past_span."""
        # "over the past week": TimeML dates it, but it names a stretch up to now rather
        # than a calendar unit a reader could pin down (optional by ANNOTATION.md)
        return self._relative_unit("last", c.g["unit"], c.reference)

    def _r_unit_part(self, c: _Match) -> tuple:
        """Patterns unit_part, year_part."""
        return self._part_of(c.g, c.reference, c.future)

    def _r_fiscal_year(self, c: _Match) -> tuple:
        """Pattern fiscal_year."""
        y = int(c.g["y"])
        return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"

    def _r_set_times(self, c: _Match) -> tuple:
        """Pattern set_times."""
        unit = c.g["unit"].lower()
        return "SET", self._once_every(unit), None, None, None

    def _r_earlier(self, c: _Match) -> tuple:
        """Pattern earlier ("earlier this month"; "earlier in the day" is the day in view)."""
        if c.g["unit"].lower() == "day" and c.g["rel"].lower() == "the":
            return self._earlier_later(c.g["el"].lower(), "the", "day", c.day_of_clock)
        return self._earlier_later(c.g["el"].lower(), c.g["rel"].lower(), c.g["unit"], c.reference)

    def _r_ago(self, c: _Match) -> tuple:
        """Pattern ago."""
        n = self._count(c.g["n"])
        unit = c.g["unit"]
        if c.reference is None or n is None or unit not in ("day", "week", "month", "year", "decade"):
            return "DATE", None, None, None, unit if unit != "decade" else "decade"
        if unit == "year" and n == 1 and c.anchor is not None and c.anchor.granularity == "quarter" \
                and c.anchor.start_date:
            return self._shifted_quarter(c.anchor.start_date, -1)  # "a year ago": the year-ago quarter
        if unit == "decade":  # "a decade ago": the year ten back, as TimeBank dates it (not the 2000s)
            return self._shifted(c.reference, "year", -10 * int(n))
        return self._shifted(c.reference, unit, -int(n))

    def _r_anchored(self, c: _Match) -> tuple:
        """Patterns anchored, anchored_the."""
        quarter = c.anchor.start_date if c.anchor is not None and c.anchor.granularity == "quarter" else None
        unit = c.g["unit"]
        # "two days later": from the day named before; "four years later": from the date just
        # named, whatever its unit ("joined in 2004 and adopted the euro four years later")
        named = c.anchor.start_date if c.anchor is not None and unit in ("month", "year") else None
        base = named or c.previous or c.reference
        n = 1 if c.name == "anchored_the" else self._count(c.g["n"])
        if unit == "night" and base is None:
            return "TIME", "XXXX-XX-XXTNI", None, None, None
        if base is None or n is None:
            return "DATE", None, None, None, unit
        sign = -1 if c.g["ba"].lower() in ("earlier", "before") else 1
        if unit == "night":  # "the night before": the night of the day before, a TIME
            return "TIME", (base + timedelta(days=sign)).isoformat() + "TNI", None, None, None
        if unit == "year" and n == 1 and quarter is not None:
            return self._shifted_quarter(quarter, sign * int(n))
        return self._shifted(base, unit, sign * int(n))

    def _r_duration(self, c: _Match) -> tuple:
        """Patterns duration, duration_adj, quarters, duration_range ("seven to 10 days": the first
        count's value, as TimeBank gives "two to three weeks")."""
        n = self._count(c.g.get("n") or c.g.get("n2") or c.g.get("n3") or "")
        letter = self.units.get(c.g["unit"].lower().replace("centurie", "century"), "D")
        if letter in ("DE", "CE") and n is not None:  # TimeML writes decades and centuries in years
            n, letter = n * (10 if letter == "DE" else 100), "Y"
        amount = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
        value = self._period(amount, "year" if letter == "Y" else c.g["unit"])
        to_date = self._months_to_date(c, n)
        if to_date is not None:  # "the first nine months": a duration that also names its months
            return "DURATION", value, to_date[0], to_date[1], "interval"
        return "DURATION", value, None, None, None

    def _months_to_date(self, c: _Match, n: float | None) -> tuple[date, date] | None:
        """Business reporting's year to date: "the first nine months" (of the year), "the
        latest nine months", "For the nine months, ..." at a clause start and "Net for the nine
        months": January to the end of the n-th month of the last year that has had them by
        the reference date."""
        if n is None or not 2 <= n <= 11 or n != int(n) or c.reference is None \
                or not c.g["unit"].lower().startswith("month"):
            return None
        text = " ".join(c.match.group("m").lower().split())
        before = c.match.string[max(0, c.match.start("m") - 32):c.match.start("m")].split()
        after = c.match.string[c.match.end("m"):c.match.end("m") + 24].split()
        # "For the nine months, ..." opening a sentence or clause
        opening = len(before) >= 2 and before[-1].lower() == "the" and before[-2].lower() in ("for", "in") \
            and (len(before) == 2 or before[-3].endswith((".", ",", ";")) or before[-2][0].isupper()
                 or before[-3].lower() in self.results_nouns)
        latest = len(before) >= 2 and [w.lower() for w in before[-2:]] == ["the", "latest"]
        if not (text.startswith("the first ") or (len(text.split()) == 2 and (opening or latest))):
            return None
        n = int(n)
        year = c.reference.year if c.reference.month > n else c.reference.year - 1
        nxt = after[0].lower().strip(",.;") if after else ""
        if nxt == "of" and len(after) > 1 and re.fullmatch(r"(1[89]|20)\d\d[,.;]?", after[1]):
            year = int(after[1][:4])  # "the first nine months of 1997"
        elif nxt in ("of", "to", "ended", "ending", "through", "since", "that", "which", "he", "she", "it", "they",
                     "we", "i", "you", "in", "at", "after", "before"):
            return None  # "of his sentence", "to June", "he spent in prison": not the year to date
        return date(year, 1, 1), month_interval(year, n)[1]

    def _r_time(self, c: _Match) -> tuple:
        """Pattern time."""
        clock = clock_time(c.match.group("m"))
        if clock is None:
            return "TIME", None, None, None, None
        return "TIME", f"{c.clock_day}T{clock}", None, None, None

    def _quarter_reference(self, name: str, g: dict, reference: date | None, future: bool,
                           anchor: DateMention | None) -> tuple:
        """ "third-quarter" (the most recent third quarter), "the latest quarter" (the last
        one completed), "the year-earlier quarter" (the quarter a year before the one
        just named, else the year before the reference)."""
        if name == "year_ago_adj":
            if anchor is not None and anchor.granularity == "quarter" and anchor.start_date is not None:
                year, q = anchor.start_date.year - 1, (anchor.start_date.month - 1) // 3 + 1
                s, e = quarter_interval(year, q)
                return "DATE", f"{year}-Q{q}", s, e, "quarter"
            if reference is None:
                return "DATE", None, None, None, "year"
            return self._shifted(reference, "year", -1)
        if reference is None:
            number = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get((g.get("q") or "").lower())
            return "DATE", f"XXXX-Q{number}" if number else "XXXX-QX", None, None, "quarter"
        current = (reference.month - 1) // 3 + 1
        if name == "quarter_adj":
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[g["q"].lower()]
            year = quarter_year(q, reference, future)
        else:  # the latest (completed) quarter
            q, year = (current - 1, reference.year) if current > 1 else (4, reference.year - 1)
        s, e = quarter_interval(year, q)
        return "DATE", f"{year}-Q{q}", s, e, "quarter"

    def _year_of_day(self, day: date, doc: Doc, start: int, end: int, reference: date, future: bool,
                     looks_back: bool = False) -> date:
        """The year of a month and day written without one: the nearest (nearest_year; "since
        Oct. 8" looks back), unless the day names an event of a known year, which the words
        around it say: "since/despite September 11", "the September 11 attacks", or "after
        September 11" far from that day of the reference year."""
        before = doc[start - 1].lower_ if start > 0 else ""
        nearest = nearest_year(day, reference, future, past=looks_back or before == "since")
        named = self.named_days.get(f"{day.month:02d}-{day.day:02d}")
        if named is None or named >= reference.year:
            return nearest
        after = doc[end].lower_ if end < len(doc) else ""
        far = abs((nearest - reference).days) > 60
        prior_to = before == "to" and start > 1 and doc[start - 2].lower_ == "prior"
        if before in ("since", "despite") or after in self.named_day_words \
                or (far and (before in ("after", "before", "post") or prior_to)):
            return day.replace(year=named)
        return nearest

    @staticmethod
    def _two_digit_year(digits: str, reference: date | None) -> int:
        """ "03/18/40", "in '72": two-digit years up to ten years ahead are this century's."""
        pivot = (reference.year if reference else 2000) % 100 + 10
        return (2000 if int(digits) <= pivot else 1900) + int(digits)

    def _numeric_date(self, doc: Doc, name: str, g: dict, start: int, end: int, reference: date | None,
                      future: bool) -> tuple:
        """ "11/20/2018" (month first unless the first number cannot be a month), "2019/aug/01",
        "05-Aug-2016", "on 11/20", "Oct/2", "on the 18th", "February twenty second"."""
        year = int(g["y"]) if g.get("y") else None
        if g.get("y2"):
            year = self._two_digit_year(g["y2"], reference)
        day_n = month_n = None
        if g.get("a"):
            a, b = int(g["a"]), int(g["b"])
            month_n, day_n = (a, b) if a <= 12 else (b, a)
        else:
            mon = g.get("mon") or g.get("mon2")
            if mon:
                mon = mon.lower().rstrip(".")
                month_n = int(mon) if mon.isdigit() else self.months.get(mon)
            spelled = g.get("sd") or g.get("sd2") or g.get("sd3")
            day_n = self._day_number(spelled) if spelled else int(g["d"])
        if day_n is None or (month_n is not None and not 1 <= month_n <= 12):
            return "DATE", None, None, None, "day"
        if month_n is None:  # "on the 18th": this month's or the nearest month's
            if reference is None:
                return "DATE", f"XXXX-XX-{day_n:02d}", None, None, "day"
            options = []
            for shift in (-1, 0, 1):
                first = shift_months(reference, shift)
                if day_n <= calendar.monthrange(first.year, first.month)[1]:
                    options.append(first.replace(day=day_n))
            weekday = self.weekdays[g["wd"].lower()] if g.get("wd") else \
                self.weekday_abbreviations.get(g.get("wda") or "")
            if weekday is not None:  # "Tuesday the eleventh", "Mon 13th": the nearest month where it fits
                fitting = []
                for shift in range(-12, 13):
                    first = shift_months(reference, shift)
                    if day_n <= calendar.monthrange(first.year, first.month)[1] \
                            and first.replace(day=day_n).weekday() == weekday:
                        fitting.append(first.replace(day=day_n))
                options = fitting or options
            day = min(options, key=lambda d: (abs((d - reference).days), d < reference if future else d > reference))
            return "DATE", day.isoformat(), day, day, "day"
        if year is None:
            if reference is None:
                return "DATE", f"XXXX-{month_n:02d}-{day_n:02d}", None, None, "day"
            try:
                guess = date(reference.year, month_n, day_n)
            except ValueError:
                return "DATE", None, None, None, "day"
            day = self._year_of_day(guess, doc, start, end, reference, future)
        else:
            try:
                day = date(year, month_n, day_n)
            except ValueError:
                return "DATE", None, None, None, "day"
        return "DATE", day.isoformat(), day, day, "day"

    def _day_number(self, text: str) -> int | None:
        words = text.lower().replace("-", " ").split()
        if len(words) == 1:
            count = self._count(words[0])
            return self.day_ordinals.get(words[0]) or (int(count) if count else None)
        tens = {"twenty": 20, "thirty": 30}.get(words[0], 0)
        unit = self.day_ordinals.get(words[1]) or self._count(words[1])
        return int(tens + unit) if tens and unit and tens + unit <= 31 else None

    def _holiday(self, g: dict, reference: date | None, future: bool) -> tuple:
        """ "Thanksgiving Day", "last Christmas", "Easter 2024": that year's date; without a
        year the nearest one (the next for "next" or future text, the last for "last")."""
        rule = self.holidays[" ".join(g["hol"].lower().replace("’", "'").split())]

        def on(year: int) -> date:
            return holiday_date(rule, year)

        if g.get("y"):
            day = on(int(g["y"]))
        elif reference is None:
            return "DATE", "XXXX-XX-XX", None, None, "day"
        else:
            rel = (g.get("rel") or "").lower()
            options = [on(y) for y in (reference.year - 1, reference.year, reference.year + 1)]
            if rel == "last":
                day = max(d for d in options if d < reference)
            elif rel == "next" or (future and rel != "this"):
                day = min(d for d in options if d >= reference)
            elif rel == "this":
                day = options[1]
            else:  # the nearest, but not one months ahead in text that does not speak of the future
                day = min(options, key=lambda d: abs((d - reference).days))
                if (day - reference).days > _AHEAD_DAYS:
                    day = max(d for d in options if d <= reference)
        return "DATE", day.isoformat(), day, day, "day"

    def _spelled_year(self, text: str) -> int | None:
        """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (broadcast transcripts)."""
        words = [w for w in re.split(r"[\s-]+", text.lower()) if w != "and"]
        if words[:2] == ["two", "thousand"]:
            rest = self._count(" ".join(words[2:])) if words[2:] else 0
            return 2000 + int(rest) if rest is not None else None
        rest = self._count(" ".join(words[1:]))
        return 1900 + int(rest) if rest is not None and 10 <= rest < 100 else None

    def _half_value(self, g: dict) -> str:
        """ "half an hour" PT30M, "half a century" P50Y, "two and a half years" P2.5Y."""
        if g.get("unit2"):
            unit = g["unit2"].lower().replace("centurie", "century")
            n = self._count(g["n"]) if not g["n"].isdigit() else float(g["n"])
            amount = "X" if n is None else f"{n + 0.5:g}"
        elif g.get("unit3"):
            unit, amount = g["unit3"].lower(), "1.5"
            exact = {"hour": "PT90M", "day": "PT36H", "year": "P18M", "decade": "P15Y", "century": "P150Y"}
            if unit in exact:
                return exact[unit]
        else:
            unit, amount = g["unit"].lower(), "0.5"
            exact = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}
            if unit in exact:
                return exact[unit]
        return self._period(amount, unit)

    def _part_of(self, g: dict, reference: date | None, future: bool) -> tuple:
        """ "the end of the year", "the beginning of March", "early 2013": the unit's value,
        the matching third of its interval."""
        if g.get("y"):
            y = int(g["y"])
            value, s, e, gran = str(y), date(y, 1, 1), date(y, 12, 31), "year"
        elif g.get("mon"):
            month = self.months[g["mon"].lower()]
            if g.get("my"):
                year = int(g["my"])
            elif reference is None:
                return "DATE", f"XXXX-{month:02d}", None, None, "interval"
            else:
                year = self._bare_month_year(month, reference, future)
            s, e = month_interval(year, month)
            value, gran = f"{year}-{month:02d}", "month"
        else:
            rel = g["rel"].lower()
            if reference is None:
                return "DATE", None, None, None, "interval"
            _, value, s, e, gran = self._shifted(reference, g["unit"].lower(), {"last": -1, "next": 1}.get(rel, 0))
        third = (e - s) / 3
        part = g["part"].lower()
        if part in ("end", "close", "late"):
            s = e - third
        elif part in ("start", "beginning", "early"):
            e = s + third
        else:
            s, e = s + third, e - third
        return "DATE", value, s, e, "interval"

    def _that_unit(self, unit: str, day: date | None) -> tuple:
        """ "that day", "later that year", "the same week": the unit of the date just named."""
        unit = unit.lower()
        if day is None:
            return "DATE", None, None, None, unit
        if unit == "quarter":
            q = (day.month - 1) // 3 + 1
            s, e = quarter_interval(day.year, q)
            return "DATE", f"{day.year}-Q{q}", s, e, "quarter"
        return self._shifted(day, unit, 0)

    @staticmethod
    def _weekend(reference: date | None, future: bool) -> tuple:
        """ "over the weekend": the one just past in past reporting (this one when the
        reference falls on it), the coming one in future text."""
        if reference is None:
            return "DATE", None, None, None, "interval"
        saturday = week_interval(reference)[0] + timedelta(days=5)
        if not future and reference < saturday:
            saturday -= timedelta(days=7)
        return "DATE", timex_for(saturday, "week") + "-WE", saturday, saturday + timedelta(days=1), "interval"

    def _season(self, g: dict, reference: date | None, future: bool) -> tuple:
        """ "last summer", "this fall", "winter 2023": TIMEX3 2024-SU and the season's months
        (meteorological: spring March-May ... winter December-February)."""
        code = self.seasons[g["season"].lower()]
        first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        rel = (g.get("rel") or "").lower()
        if g.get("y"):
            year = int(g["y"])
        elif reference is None:
            return "DATE", f"XXXX-{code}", None, None, "interval"
        else:
            # the season of the reference date, as (year, first month)
            current_first = {12: 12, 1: 12, 2: 12}.get(reference.month, (reference.month // 3) * 3)
            current_year = reference.year - (reference.month < 3)
            year = current_year if first_month >= current_first else current_year + 1  # this one or the next
            if rel == "this" and code != "WI":  # "this spring" said in July: the spring of this year
                year = reference.year
            elif rel == "last" or (rel not in ("this", "next") and not future):
                year = year - 1 if (year, first_month) >= (current_year, current_first) else year
            elif rel == "next" and (year, first_month) == (current_year, current_first):
                year += 1
        s = date(year, first_month, 1)
        e = shift_months(s, 3) - timedelta(days=1)
        return "DATE", f"{year}-{code}", s, e, "interval"

    def _shifted(self, anchor: date, unit: str, n: int) -> tuple:
        if unit == "day":
            day = anchor + timedelta(days=n)
            return "DATE", day.isoformat(), day, day, "day"
        if unit == "week":
            s, e = week_interval(anchor + timedelta(weeks=n))
            return "DATE", timex_for(s, "week"), s, e, "week"
        if unit == "month":
            first = shift_months(anchor, n)
            s, e = month_interval(first.year, first.month)
            return "DATE", timex_for(s, "month"), s, e, "month"
        if unit == "decade":
            y = (anchor.year // 10 + n) * 10
            return "DATE", str(y)[:3], date(y, 1, 1), date(y + 9, 12, 31), "decade"
        y = anchor.year + n
        return "DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year"

    @staticmethod
    def _shifted_quarter(first_day: date, years: int) -> tuple:
        year, q = first_day.year + years, (first_day.month - 1) // 3 + 1
        s, e = quarter_interval(year, q)
        return "DATE", f"{year}-Q{q}", s, e, "quarter"

    def _relative_unit(self, rel: str, unit: str, reference: date | None) -> tuple:
        if reference is None:
            return "DATE", None, None, None, unit
        step = {"last": -1, "previous": -1, "preceding": -1, "next": 1, "following": 1,
                "coming": 1}.get(rel, 0)
        if unit == "weekend":
            saturday = week_interval(reference)[0] + timedelta(days=5 + 7 * step)
            return "DATE", timex_for(saturday, "week") + "-WE", saturday, saturday + timedelta(days=1), "interval"
        if unit == "quarter":
            q = (reference.month - 1) // 3 + step
            year = reference.year + (q // 4 if q >= 0 else -1)
            q = q % 4 + 1
            s, e = quarter_interval(year, q)
            return "DATE", f"{year}-Q{q}", s, e, "quarter"
        return self._shifted(reference, unit, step)

    def _earlier_later(self, el: str, rel: str, unit: str, reference: date | None) -> tuple:
        if reference is None:
            return "DATE", None, None, None, "interval"
        step = {"last": -1, "next": 1}.get(rel, 0)
        if unit == "day":  # "earlier in the day": that day
            return "DATE", reference.isoformat(), reference, reference, "day"
        _, value, s, e, _ = self._shifted(reference, unit, step)
        if step == 0 and el == "earlier":
            e = reference - timedelta(days=1)
        elif step == 0 and el == "later":
            s = reference + timedelta(days=1)
        elif el == "early":
            e = s + (e - s) / 3
        elif el == "late":
            s = e - (e - s) / 3
        return "DATE", value, s, e, "interval"

    def __call__(self, doc: Doc) -> Doc:
        reference: date | None = doc._.published
        found: list[DateMention] = []
        previous: date | None = None
        last_day: DateMention | None = None
        anchor: DateMention | None = None
        quarter: DateMention | None = None  # results reporting: "a year earlier" is that quarter's
        tense = Tense(doc, self.future_cues, self.clause_breaks, self.sayings)
        text = doc.text  # built from the tokens on each access
        for name, match, s, e in self._select(text, reference):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or span.start_char != s:
                continue  # starts inside a token ("5May")
            start, end = span.start, span.end
            nearby = anchor if anchor is not None and start - anchor.end <= _ANCHOR_REACH else None
            if quarter is not None and name in _QUARTER_ANCHORED:
                nearby = quarter
            day_nearby = last_day.start_date if last_day is not None and start - last_day.end <= _ANCHOR_REACH \
                else None
            ttype, tvalue, d0, d1, gran = self._resolve(doc, name, match, start, end, reference, previous, nearby,
                                                        tense, day_nearby,
                                                        last_day.start_date if last_day is not None else None)
            # "since 2022": from then up to the reference date (the TIMEX3 span stays "2022")
            if ttype == "DATE" and start > 0 and doc[start - 1].lower_ == "since":
                d1 = reference if d0 is not None else None
                d0 = d0 if reference is not None else None
                gran = "interval"
            if ttype == "DURATION":  # "more than a decade": TimeML keeps the modifier in the extent
                start = self._modifier_start(doc, start)
                span = doc[start:end]
            mention = DateMention(start, end, span.start_char, span.end_char, span.text,
                                  ttype, tvalue, d0, d1, gran, name)
            if ttype == "DATE" and d0 is not None and gran == "day":
                previous = d0
                if not tense.after_saying(start):
                    last_day = mention  # "He said on Tuesday" is not the day "the day" means
            if ttype == "DATE" and gran == "day" and d0 is not None and found and found[-1].granularity == "quarter" \
                    and [t.lower_ for t in doc[found[-1].end:start]] in (["ended"], ["ending"]):
                self._quarter_ending(found[-1], d0)  # "its fourth quarter ended Sept. 30": July to September
            if ttype == "DATE" and d0 is not None:
                anchor = mention
                if gran == "quarter" and name not in _QUARTER_ANCHORED:
                    quarter = mention
            found.append(mention)
        self._share_tense(doc, found, reference)
        self._mark_dateline(text, found)
        doc._.dates = self._merge_year_periods(doc, self._merge_ranges(doc, self._join_clock_and_day(doc, found)))
        doc.spans["dates"] = [Span(doc, d.start, d.end, label=d.timex_type) for d in doc._.dates if d.start < d.end]
        return doc

    @staticmethod
    def _share_tense(doc: Doc, found: list[DateMention], reference: date | None) -> None:
        """ "flights scheduled for Sunday and Monday", "late Friday or early Saturday": a
        weekday joined to one just read as coming is coming too (the "and" that ends a clause
        for the tense cues does not end this one)."""
        if reference is None:
            return
        for k in range(1, len(found)):
            prev, d = found[k - 1], found[k]
            if prev.kind != "weekday" or d.kind != "weekday" or prev.start_date is None or d.start_date is None:
                continue
            between = {t.lower_ for t in doc[prev.end:d.start]}
            if between and between <= {"and", "or", ",", "late", "early"} and prev.start_date > reference \
                    and d.start_date < reference:
                day = d.start_date + timedelta(days=7)
                found[k] = replace(d, start_date=day, end_date=day,
                                   timex_value=day.isoformat() + (d.timex_value or "")[10:])

    @staticmethod
    def _modifier_start(doc: Doc, start: int) -> int:
        """Where a duration's extent starts once a modifier before it is taken in ("nearly",
        "more than", "at least"; not "over", which is as often the preposition)."""
        for size in (2, 1):
            words = tuple(t.lower_ for t in doc[max(0, start - size):start])
            if len(words) == size and words in _DURATION_MODIFIERS:
                return start - size
        return start

    @staticmethod
    def _join_clock_and_day(doc: Doc, found: list[DateMention]) -> list[DateMention]:
        """ "until 9 a.m. Tuesday", "noon Thursday": one TIMEX3 (a TIME on that day), which
        still dates an event (it names the day)."""
        joined: list[DateMention] = []
        for d in found:
            prev = joined[-1] if joined else None
            if prev is not None and prev.timex_type == "TIME" and d.granularity == "day" and d.start_date is not None \
                    and prev.timex_value and "T" in prev.timex_value \
                    and (prev.end == d.start or (prev.end + 1 == d.start and doc[prev.end].lower_ == "on")):
                clock = _clock_in_day_part(prev.timex_value.split("T", 1)[1], prev.text, d.timex_value)
                day = d.timex_value.split("T", 1)[0] if d.timex_value else "XXXX-XX-XX"
                if prev.end < d.start:  # "2 a.m. on Saturday": two TIMEX3, the clock on that day
                    joined[-1] = replace(prev, timex_value=f"{day}T{clock}", start_date=d.start_date, end_date=d.end_date)
                    joined.append(d)
                    continue
                span = doc[prev.start:d.end]
                joined[-1] = DateMention(prev.start, d.end, span.start_char, span.end_char, span.text, "TIME",
                                         f"{day}T{clock}", d.start_date, d.end_date, "day", "clock_day")
                continue
            joined.append(d)
        return joined

    @staticmethod
    def _merge_year_periods(doc: Doc, found: list[DateMention]) -> list[DateMention]:
        """ "this year's third quarter", "1988's second half": one date, that period of that year."""
        merged: list[DateMention] = []
        for d in found:
            prev = merged[-1] if merged else None
            if prev is not None and prev.granularity == "year" and prev.start_date is not None \
                    and d.granularity == "quarter" and d.start_date is not None and d.end_date is not None \
                    and d.start == prev.end + 1 and doc[prev.end].text in ("'s", "’s"):
                year = prev.start_date.year
                span = doc[prev.start:d.end]
                value = f"{year}{d.timex_value[4:]}" if d.timex_value and d.timex_value[:4].isdigit() else d.timex_value
                merged[-1] = DateMention(prev.start, d.end, span.start_char, span.end_char, span.text, "DATE", value,
                                         d.start_date.replace(year=year), d.end_date.replace(year=year),
                                         d.granularity, d.kind)
                continue
            merged.append(d)
        return merged

    @staticmethod
    def _merge_ranges(doc: Doc, found: list[DateMention]) -> list[DateMention]:
        """ "April 19 to June 1", "May 3-5", "between 1985 and 1987": two dates joined into one interval."""
        merged: list[DateMention] = []
        for d in found:
            prev = merged[-1] if merged else None
            if prev is not None and d.kind == "md_range_end" and prev.start_date and d.start_date \
                    and prev.start_date.year != d.start_date.year and prev.granularity == "day":
                first_day, second_day = prev.start_date, d.start_date
                if re.search(r"\d{4}", d.text):
                    # "March 18-19, 2014": the year written after the second day is the first's too
                    day = first_day.replace(year=second_day.year)
                    prev = merged[-1] = replace(prev, start_date=day, end_date=day, timex_value=day.isoformat())
                else:
                    # "April 24 and 25" said in February: the second day is in the first's year
                    try:
                        day = second_day.replace(year=first_day.year)
                        d = replace(d, start_date=day, end_date=day, timex_value=day.isoformat())
                    except ValueError:  # Feb. 29 in the first's year, which has none: no such day
                        d = replace(d, start_date=None, end_date=None, timex_value=None)
            if prev is None:
                merged.append(d)
                continue
            adjacent = d.start == prev.end + 1 \
                and (doc[prev.end].lower_ in ("to", "through", "until", "-", "–")
                     # "between 1985 and 1987"
                     or (doc[prev.end].lower_ == "and" and prev.start > 0 and doc[prev.start - 1].lower_ == "between"))
            if adjacent and prev.timex_type == d.timex_type == "DATE" and prev.kind != "dateline" \
                    and (d.kind == "md_range_end" or (prev.start_date is not None and d.end_date is not None
                                                      and prev.start_date < d.end_date)):
                span = doc[prev.start:d.end]
                # one interval for the events table; its TIMEX3 value is the ISO 8601 interval
                # "start/end", and TimeML's view (two TIMEX3) stays in ``parts``; a range that
                # cannot be an interval ("Feb. 28-30", no reference date) keeps no dates
                ordered = prev.start_date is not None and d.end_date is not None and prev.start_date < d.end_date
                merged[-1] = DateMention(prev.start, d.end, span.start_char, span.end_char, span.text, "DATE",
                                         f"{prev.timex_value}/{d.timex_value}", prev.start_date if ordered else None,
                                         d.end_date if ordered else None, "interval", "range", parts=(prev, d))
                continue
            merged.append(d)
        return merged

    @staticmethod
    def _mark_dateline(text: str, found: list[DateMention]) -> None:
        """ "KYIV, May 24 -": the first date of the first line, after a place in capitals."""
        first = len(text) - len(text.lstrip())
        if not found or found[0].start_char > first + 60:
            return
        head = text[first:found[0].start_char]
        tail = text[found[0].end_char:found[0].end_char + 4].lstrip(" ,")
        if _DATELINE_PLACE.match(head) and (tail[:1] in ("-", "–", "—", "(") or tail.startswith("\n")):
            found[0].kind = "dateline"


@Language.factory("news_dates", assigns=["doc._.dates", "doc.spans"], requires=["token.is_sent_start"])
def make_date_recognizer(nlp: Language, name: str) -> DateRecognizer:
    return DateRecognizer(nlp, name)
