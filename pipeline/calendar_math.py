"""Calendar arithmetic for dates: the interval of a month, a week or a quarter, a month shift,
the weekday nearest a reference date by tense, a year for a month or quarter named without one,
holidays, clock times and day parts as TIMEX3 values, and dateparser for absolute dates.
The date rules (pipeline/dates.py) resolve their matches with these."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

import dateparser
from dateutil.easter import easter


def month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def week_interval(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def quarter_interval(year: int, quarter: int) -> tuple[date, date]:
    first = month_interval(year, 3 * quarter - 2)[0]
    return first, month_interval(year, 3 * quarter)[1]


def shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def weekday_near(reference: date, weekday: int, future: bool, strict: bool = False) -> date:
    """The given weekday on or before (past) / on or after (future) the reference."""
    if future:
        delta = (weekday - reference.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return reference + timedelta(days=delta)
    delta = (reference.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return reference - timedelta(days=delta)


def timex_for(start: date, granularity: str) -> str:
    if granularity == "day":
        return start.isoformat()
    if granularity == "week":
        iso = start.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if granularity == "month":
        return f"{start.year}-{start.month:02d}"
    if granularity == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if granularity == "year":
        return str(start.year)
    if granularity == "decade":
        return str(start.year)[:3]
    return start.isoformat()


_DAY_PARTS = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI"}
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?::(?P<min>\d{2}))?(?::(?P<sec>\d{2}))?\s*(?P<ampm>[ap])?", re.I)


def _day_part(part: str | None) -> str:
    """TIMEX3 suffix for a part of the day: "Friday morning" is 2025-05-23TMO."""
    return "T" + _DAY_PARTS[part.lower()][1:] if part and part.lower() in _DAY_PARTS else ""


def clock_time(text: str) -> str | None:
    """ "9 a.m." -> "09:00", "10:30 p.m." -> "22:30", "noon" -> "12:00", "1400 GMT" -> "14:00"."""
    low = text.lower()
    if low.startswith("noon"):
        return "12:00"
    if low.startswith("midnight"):
        return "24:00"
    digits = re.match(r"^(\d{2})(\d{2})\s", text)
    if digits:
        return f"{digits.group(1)}:{digits.group(2)}"
    m = _CLOCK.match(text)
    if m is None:
        return None
    hour, minute = int(m.group("h")), int(m.group("min") or 0)
    if m.group("ampm"):
        if not 1 <= hour <= 12:
            return None  # "13 PM", "77 AM radio"
        hour = hour % 12 + (12 if m.group("ampm").lower() == "p" else 0)
    if hour > 24 or minute > 59 or int(m.group("sec") or 0) > 59:
        return None
    return f"{hour:02d}:{minute:02d}" + (f":{m.group('sec')}" if m.group("sec") else "")


def _clock_in_day_part(clock: str, text: str, day_value: str | None) -> str:
    """ "10:15 Tuesday night" is 22:15: a clock without a.m./p.m. takes the part of the day
    that follows it."""
    if re.search(r"(?i)\b(?:a\.?m\b|p\.?m\b)|noon|midnight", text) or not day_value or ":" not in clock:
        return clock  # "mid-morning Friday": a part of the day, no clock to shift
    hour, minute = clock.split(":", 1)  # minute may carry seconds ("22:15:30")
    h = int(hour)
    part = day_value[-3:]
    if (part in ("TEV", "TNI") and 5 <= h < 12) or (part == "TAF" and 1 <= h < 7):
        return f"{h + 12:02d}:{minute}"
    if part in ("TEV", "TNI") and h == 12:  # "12:30 Tuesday night": half past midnight
        return f"00:{minute}"
    return clock


def holiday_date(rule: str, year: int) -> date:
    """A holiday rule from models/patterns/dates.yml in a given year: "12-25" (fixed),
    "easter" / "easter-2" (days from Western Easter), "11:4:3" (the 4th Thursday of
    November; weekday 0 = Monday; -1 = the last one), "us_thanksgiving" (= "11:4:3")."""
    if rule == "us_thanksgiving":
        rule = "11:4:3"
    if rule == "us_election":  # the Tuesday after the first Monday in November
        return holiday_date("11:1:0", year) + timedelta(days=1)
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule[6:] or 0))
    if ":" in rule:
        month, nth, weekday = map(int, rule.split(":"))
        if nth > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    month, day = map(int, rule.split("-"))
    return date(year, month, day)


def quarter_year(q: int, reference: date, future: bool) -> int:
    """The year of "the third quarter" without one: this year's once it has begun
    ("expects to report a third-quarter loss" in November is this year's); one not yet
    begun is last year's, unless the clause speaks of the future."""
    current = (reference.month - 1) // 3 + 1
    return reference.year if q <= current or future else reference.year - 1


def nearest_year(day: date, reference: date, future: bool, past: bool = False, ahead_limit: int = 60) -> date:
    """A month and day with no year: the occurrence nearest the reference date (news
    names deadlines days ahead as often as events days back: "by Jan. 14" in an article
    of Jan. 6); a future-tense clause never takes one more than a week past, and one
    that looks back (``past``) never one after the reference."""
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # February 29
            continue
    if not options:  # Feb. 29 with no leap year next to the reference: the nearest leap year's
        leap = min((y for y in range(reference.year - 4, reference.year + 5) if calendar.isleap(y)),
                   key=lambda y: abs(y - reference.year))
        return day.replace(year=leap)
    best = min(options, key=lambda d: abs((d - reference).days))
    if not future and (best - reference).days > ahead_limit:
        past = True  # "he was last seen Nov. 3", read in May: last November
    if past and best > reference:
        earlier = [d for d in options if d <= reference]
        return earlier[-1] if earlier else best
    if future and (reference - best).days > 7:
        later = [d for d in options if d >= reference]
        best = later[0] if later else best
    return best


@lru_cache(maxsize=8192)
def parse_absolute(text: str) -> date | None:
    """dateparser on one absolute expression found by the patterns ("May 24, 2025",
    "24 May 2000"). Cached by its text alone: a corpus names the same days again and again,
    and a missing year is filled in by the caller (nearest_year), not by dateparser."""
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None
