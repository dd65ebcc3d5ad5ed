"""Tests for pipeline.numbers: the quantity recognizer (doc._.quantities) and words_to_number.

Each case is a short sentence written for the test; the expected values follow
../shared/spec/ANNOTATION.md (Quantities).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.numbers import Quantity, parse_digits, words_to_number

PUBLISHED = date(2025, 5, 24)


def quantities(parse, text: str) -> list[Quantity]:
    return list(parse(text, PUBLISHED)._.quantities)


def the(parse, text: str, surface: str) -> Quantity:
    """The one quantity whose span is exactly ``surface`` (its offsets checked too)."""
    found = [q for q in quantities(parse, text) if q.text == surface]
    assert len(found) == 1, f"{surface!r} not found once in {text!r}: " \
        f"{[q.text for q in quantities(parse, text)]}"
    q = found[0]
    assert text[q.start_char:q.end_char] == surface
    return q


def bounds(q: Quantity) -> tuple:
    return q.value, q.low, q.high, q.modifier


def exact(v: float) -> tuple:
    return v, v, v, "exact"


# ---------------------------------------------------------------- digits


@pytest.mark.parametrize("text, surface, value, unit", [
    ("Officials counted 8,000 troops at the border.", "8,000", 8000, "troop"),
    ("The convoy carried 5.44 tonnes of grain.", "5.44", 5.44, "tonne"),
    ("The city has 1.2m residents.", "1.2m", 1_200_000, "resident"),
    ("Donors pledged $6bn for reconstruction.", "$6bn", 6_000_000_000, "USD"),
    ("The budget deficit reached UAH 2.23 trillion this spring.", "UAH 2.23 trillion",
     2_230_000_000_000, "UAH"),
    ("Turnout was 45% in the capital.", "45%", 45, "percent"),
    ("Turnout was 45 percent in the capital.", "45 percent", 45, "percent"),
    ("The fund holds $6 million in cash.", "$6 million", 6_000_000, "USD"),
    ("The flood displaced 1,234,567 people.", "1,234,567", 1_234_567, "people"),
    ("Engineers cleared 12 mines.", "12", 12, "mine"),
])
def test_digits(parse, text, surface, value, unit) -> None:
    q = the(parse, text, surface)
    assert bounds(q) == pytest.approx(exact(value))
    assert q.unit == unit


def test_digits_with_scale_word(parse) -> None:
    q = the(parse, "The war displaced 1.5 million people.", "1.5 million")
    assert bounds(q) == exact(1_500_000)
    assert q.unit == "people"


# ---------------------------------------------------------------- spelled-out numbers


@pytest.mark.parametrize("text, surface, value", [
    ("Guards freed three hundred and seven prisoners.", "three hundred and seven", 307),
    ("Guards freed three hundred seven prisoners.", "three hundred seven", 307),
    ("Medics treated a dozen soldiers.", "a dozen", 12),
    ("Medics treated two dozen soldiers.", "two dozen", 24),
    ("The camp held thirty-four hundred and fifty refugees.", "thirty-four hundred and fifty", 3450),
    ("The army mobilized seventy five hundred reservists.", "seventy five hundred", 7500),
    ("The region lost one and a half million residents.", "one and a half million", 1_500_000),
    ("Storms cut power to half a million homes.", "half a million", 500_000),
    ("Two soldiers were wounded.", "Two", 2),
    ("The bill passed with twenty-one votes.", "twenty-one", 21),
    ("The state owes two million one thousand dollars.", "two million one thousand", 2_001_000),
])
def test_spelled_out(parse, text, surface, value) -> None:
    assert bounds(the(parse, text, surface)) == exact(value)


def test_fraction(parse) -> None:
    q = the(parse, "Lawmakers need two-thirds of the votes.", "two-thirds")
    assert q.value == pytest.approx(2 / 3)
    assert q.low == pytest.approx(2 / 3) and q.high == pytest.approx(2 / 3)


# ---------------------------------------------------------------- modifiers and bounds


@pytest.mark.parametrize("text, surface, value, low, high, modifier", [
    ("At least 8,000 soldiers are held captive.", "At least 8,000", None, 8000, None, "at_least"),
    ("More than 6,000 people fled the town.", "More than 6,000", None, 6000, None, "at_least"),
    ("Over 100 drones were launched.", "Over 100", None, 100, None, "at_least"),
    ("Upwards of 300 shells fell.", "Upwards of 300", None, 300, None, "at_least"),
    ("The ministry holds 307 or more prisoners.", "307 or more", None, 307, None, "at_least"),
    ("Up to 700 drones were launched.", "Up to 700", None, None, 700, "at_most"),
    ("Fewer than 50 people attended.", "Fewer than 50", None, None, 50, "at_most"),
    ("Less than 20 cars remained.", "Less than 20", None, None, 20, "at_most"),
    ("About 40 people died in the blast.", "About 40", 40, None, None, "approx"),
    ("Nearly 300 homes burned.", "Nearly 300", 300, None, None, "approx"),
    ("Some 120 villages were shelled.", "Some 120", 120, None, None, "approx"),
    ("Around 12 missiles missed.", "Around 12", 12, None, None, "approx"),
])
def test_modifiers_and_bounds(parse, text, surface, value, low, high, modifier) -> None:
    assert bounds(the(parse, text, surface)) == (value, low, high, modifier)


# ---------------------------------------------------------------- ranges


@pytest.mark.parametrize("text, surface, low, high", [
    ("Those released were aged 25 to 61.", "25 to 61", 25, 61),
    ("Rebels fired between 10 and 15 rockets.", "between 10 and 15", 10, 15),
    ("Rebels fired 10-15 rockets.", "10-15", 10, 15),
    ("Polls give the party 10 to 15 percent.", "10 to 15 percent", 10, 15),
])
def test_ranges(parse, text, surface, low, high) -> None:
    assert bounds(the(parse, text, surface)) == (None, low, high, "range")


def test_range_scale_applies_to_both_ends(parse) -> None:
    q = the(parse, "Between 5 and 7 million people fled.", "Between 5 and 7 million")
    assert bounds(q) == (None, 5_000_000, 7_000_000, "range")


# ---------------------------------------------------------------- vague amounts


@pytest.mark.parametrize("text, surface, low", [
    ("Dozens of people were hurt.", "Dozens", 24),
    ("Scores of people were hurt.", "Scores", 40),
    ("Hundreds of homes burned.", "Hundreds", 200),
    ("Thousands of people marched.", "Thousands", 2000),
    ("Tens of thousands of people fled.", "Tens of thousands", 20000),
    ("Millions of people watched the parade.", "Millions", 2_000_000),
])
def test_vague_amounts(parse, text, surface, low) -> None:
    assert bounds(the(parse, text, surface)) == (None, low, None, "vague")


def test_vague_amount_has_counted_noun_as_unit(parse) -> None:
    assert the(parse, "Hundreds of homes burned.", "Hundreds").unit == "home"


def test_vague_amount_before_a_verb_takes_no_verb_as_unit(parse) -> None:
    # The unit is what is counted, or null: "fled" is not counted.
    q = the(parse, "After the strike thousands fled the city.", "thousands")
    assert q.unit in (None, "people")


# ---------------------------------------------------------------- special mentions


def test_one_for_one_exchange_is_one_mention(parse) -> None:
    text = "The sides agreed a 1,000-for-1,000 prisoner swap."
    qs = quantities(parse, text)
    assert [q.text for q in qs] == ["1,000-for-1,000"]
    assert bounds(qs[0]) == exact(1000)
    assert text[qs[0].start_char:qs[0].end_char] == "1,000-for-1,000"


def test_same_number_copies_antecedent(parse) -> None:
    text = "Kyiv said 412 troops came home, and Moscow said the same number of soldiers returned."
    qs = quantities(parse, text)
    assert [q.text for q in qs] == ["412", "the same number"]
    same = qs[1]
    assert bounds(same) == exact(412)
    assert same.refers_to == 0
    assert same.unit == "soldier"
    assert text[same.start_char:same.end_char] == "the same number"


def test_same_number_without_antecedent_is_not_a_quantity(parse) -> None:
    assert quantities(parse, "Moscow said the same number of soldiers returned.") == []


def test_part_of_whole_gives_two_numbers(parse) -> None:
    qs = quantities(parse, "Air defenses downed 50 of 62 drones overnight.")
    assert [(q.text, q.value) for q in qs] == [("50", 50), ("62", 62)]
    assert qs[1].unit == "drone"


def test_unit_is_lemma_of_counted_noun(parse) -> None:
    q = the(parse, "Moscow released 307 Ukrainian prisoners of war.", "307")
    assert q.unit == "prisoner"


def test_phrasal_verb_over_is_not_a_lower_bound(parse) -> None:
    # "handed over 307 prisoners": "over" belongs to the verb; the count is exact.
    text = "Moscow handed over 307 prisoners on Friday."
    q = next(q for q in quantities(parse, text) if "307" in q.text)
    assert (q.text, bounds(q)) == ("307", exact(307))


def test_bare_year_sized_number_counting_people_is_a_quantity(parse) -> None:
    # "2000 people" counts people (numbers.py's own example), it is no year.
    q = the(parse, "The rally drew 2000 people.", "2000")
    assert bounds(q) == exact(2000)


# ---------------------------------------------------------------- not quantities


@pytest.mark.parametrize("text, inside", [
    ("The war began in 2022 and has not ended.", "2022"),
    ("Officials met on May 24 in Geneva.", "24"),
    ("The meeting began at 5 p.m. in Geneva.", "5"),
    ("The second phase of the exchange began.", "second"),
    ("A Su-34 bomber crashed near the border.", "34"),
    ("The G7 summit opened in Italy.", "7"),
    ("Covid-19 closed the schools.", "19"),
    ("Britain triggered Article 50 in Brussels.", "50"),
    ("One of them was freed.", "One"),
    ("He named one of the prisoners.", "one"),
])
def test_not_quantities(parse, text, inside) -> None:
    at = text.index(inside)
    overlapping = [q.text for q in quantities(parse, text)
                   if q.start_char < at + len(inside) and at < q.end_char]
    assert overlapping == []


def test_dates_and_counts_in_one_sentence(parse) -> None:
    text = "On May 24, 2025, officials said 15 people died at 5 p.m. in the second attack."
    assert [(q.text, q.value) for q in quantities(parse, text)] == [("15", 15)]


# ---------------------------------------------------------------- word2number regressions


def test_regression_w2n_decimal_with_scale(parse) -> None:
    # word2number reads "1.5 million" as 1000000.
    assert words_to_number(["1.5", "million"]) == 1_500_000
    assert the(parse, "Floods hit 1.5 million homes.", "1.5 million").value == 1_500_000


def test_regression_w2n_colloquial_hundreds(parse) -> None:
    # word2number reads "thirty-four hundred and fifty" as 270.
    assert words_to_number(["thirty", "-", "four", "hundred", "and", "fifty"]) == 3450
    text = "Crews rebuilt thirty-four hundred and fifty homes."
    assert the(parse, text, "thirty-four hundred and fifty").value == 3450


def test_regression_w2n_two_scales(parse) -> None:
    # word2number reads "two million one thousand" as 2002001.
    assert words_to_number(["two", "million", "one", "thousand"]) == 2_001_000
    text = "The region counted two million one thousand voters."
    assert the(parse, text, "two million one thousand").value == 2_001_000


def test_regression_w2n_raises_on_vague_dozens(parse) -> None:
    # word2number raises on "dozens"; the guideline gives it low 24, no value.
    q = the(parse, "Dozens of families sheltered in the school.", "Dozens")
    assert bounds(q) == (None, 24, None, "vague")


def test_regression_w2n_raises_on_at_least(parse) -> None:
    # word2number raises on "at least 8,000"; it is a lower bound of 8000.
    q = the(parse, "At least 8,000 homes were damaged.", "At least 8,000")
    assert bounds(q) == (None, 8000, None, "at_least")


def test_regression_w2n_reads_two_numbers_as_one() -> None:
    # word2number reads "two two" as 4; it is no one number.
    with pytest.raises(ValueError):
        words_to_number(["two", "two"])


@pytest.mark.parametrize("words, value", [
    (["a", "dozen"], 12),
    (["two", "dozen"], 24),
    (["half", "a", "million"], 500_000),
    (["one", "and", "a", "half", "million"], 1_500_000),
    (["three", "hundred", "and", "seven"], 307),
    (["seventy", "five", "hundred"], 7500),
])
def test_words_to_number_examples(words, value) -> None:
    assert words_to_number(words) == value


def test_words_to_number_rejects_non_number_words() -> None:
    with pytest.raises(ValueError):
        words_to_number(["three", "apples"])


# ---------------------------------------------------------------- property: render and read back

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")]


def _below_100(n: int, hyphen: bool) -> str:
    if n < 20:
        return UNITS[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return TENS[tens]
    return f"{TENS[tens]}{'-' if hyphen else ' '}{UNITS[unit]}"


def _below_1000(n: int, use_and: bool, hyphen: bool) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _below_100(rest, hyphen)
    head = f"{UNITS[hundreds]} hundred"
    if rest == 0:
        return head
    return f"{head} {'and ' if use_and else ''}{_below_100(rest, hyphen)}"


def render(n: int, use_and: bool = False, hyphen: bool = True, colloquial: bool = False,
           article: bool = False) -> str:
    """English words for 0 <= n <= 10**12, in one of a few common styles.

    ``colloquial``: 1100-9999 as "thirty-four hundred and fifty";
    ``article``: a leading "one hundred" / "one thousand" / "one million" as "a hundred" ...
    """
    if n == 0:
        return "zero"
    if colloquial and 1100 <= n <= 9999 and n % 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_below_100(hundreds, hyphen)} hundred"
        text = head if rest == 0 else f"{head} {'and ' if use_and else ''}{_below_100(rest, hyphen)}"
    else:
        parts = []
        for size, name in SCALES:
            count, n = divmod(n, size)
            if count:
                parts.append(f"{_below_1000(count, use_and, hyphen)} {name}")
        if n:
            parts.append(_below_1000(n, use_and, hyphen))
        text = " ".join(parts)
    if article and text.startswith("one ") and text.split()[1] in ("hundred", "thousand", "million",
                                                                   "billion", "trillion"):
        text = "a" + text[len("one"):]
    return text


def as_words(rendered: str) -> list[str]:
    """Split on spaces, keeping hyphens as items: "thirty-four" -> thirty, -, four."""
    words: list[str] = []
    for item in rendered.split(" "):
        pieces = item.split("-")
        for k, piece in enumerate(pieces):
            if k:
                words.append("-")
            words.append(piece)
    return words


def test_renderer_examples() -> None:
    # The renderer itself, so that the property below tests the reader.
    assert render(307, use_and=True) == "three hundred and seven"
    assert render(3450, use_and=True, colloquial=True) == "thirty-four hundred and fifty"
    assert render(2_001_000) == "two million one thousand"
    assert render(10**12) == "one trillion"
    assert render(150, use_and=True, article=True) == "a hundred and fifty"
    assert render(1_000_007, article=True) == "a million seven"
    assert render(7500, colloquial=True, hyphen=False) == "seventy five hundred"
    assert as_words("thirty-four hundred") == ["thirty", "-", "four", "hundred"]


NUMBERS = st.one_of(st.integers(0, 10**12), st.integers(0, 9999), st.integers(100, 199),
                    st.sampled_from([10**k for k in range(13)]))
STYLES = {"use_and": st.booleans(), "hyphen": st.booleans(), "colloquial": st.booleans(),
          "article": st.booleans()}


@settings(max_examples=300, deadline=None)
@given(n=NUMBERS, **STYLES)
def test_words_to_number_reads_back_rendered_numbers(n, use_and, hyphen, colloquial, article) -> None:
    rendered = render(n, use_and=use_and, hyphen=hyphen, colloquial=colloquial, article=article)
    assert words_to_number(as_words(rendered)) == n, rendered


@settings(max_examples=60, deadline=None)
@given(n=NUMBERS, **STYLES)
def test_pipeline_reads_back_rendered_numbers(parse, n, use_and, hyphen, colloquial, article) -> None:
    # The same numbers in a sentence: the quantity must cover exactly the words and read them back.
    rendered = render(n, use_and=use_and, hyphen=hyphen, colloquial=colloquial, article=article)
    q = the(parse, f"Officials counted {rendered} voters.", rendered)
    assert bounds(q) == exact(n)


def test_above_and_below_are_bounds(parse) -> None:
    assert bounds(the(parse, "Inflation stayed above 20% in August.", "above 20%")) == (None, 20, None, "at_least")
    assert bounds(the(parse, "Turnout fell below 40 percent.", "below 40 percent")) == (None, None, 40, "at_most")


def test_regression_change_by_then_level_is_not_a_range(parse) -> None:
    """'rose by 352,000 to 7.2 million' once read as the range 352,000-7.2 million."""
    found = {q.text: q for q in quantities(parse, "Unemployment rose by 352,000 to 7.2 million.")}
    assert bounds(found["352,000"]) == exact(352000) and bounds(found["7.2 million"]) == exact(7200000)


def test_half_a_unit(parse) -> None:
    q = the(parse, "Traders priced in a cut of half a percentage point.", "half")
    assert q.value == 0.5


def test_regression_count_before_a_duration_adjective(parse) -> None:
    """'two five-year terms': the duration once swallowed the 'two'."""
    assert the(parse, "He has served two five-year terms.", "two").value == 2


# ---------------------------------------------------------------- fractions and mixed numbers


@pytest.mark.parametrize("text, surface, value", [
    ("Rebels hold three-quarters of the province.", "three-quarters", 0.75),
    ("Floods covered one eighth of the coast.", "one eighth", 0.125),
    ("The blast lasted a hundredth of a second.", "a hundredth", 0.01),
    ("Outages hit two thirds of a million people.", "two thirds of a million", 2_000_000 / 3),
    ("Storms cut power to a quarter million homes.", "a quarter million", 250_000),
    ("Medics carried half a dozen stretchers.", "half a dozen", 6),
    ("Trucks brought two and a quarter tonnes of flour.", "two and a quarter", 2.25),
    ("The region lost three million and a half residents.", "three million and a half", 3_500_000),
    ("The mill ground one hundred and three quarters tonnes.", "one hundred and three quarters", 100.75),
    ("Lawmakers needed three fifths of the seats.", "three fifths", 0.6),
])
def test_fractions_and_mixed_numbers(parse, text, surface, value) -> None:
    assert bounds(the(parse, text, surface)) == pytest.approx(exact(value))


def test_a_fraction_before_a_noun_is_an_ordinal(parse) -> None:
    # "a fifth term" counts nothing; "a fifth of the budget" is 0.2.
    text = "He is seeking a fifth term and wants a fifth of the budget."
    assert [(q.text, q.start_char) for q in quantities(parse, text)] == [("a fifth", text.rindex("a fifth"))]


def test_a_fraction_before_a_verb_is_a_fraction(parse) -> None:
    assert the(parse, "A third voted against the plan.", "A third").value == pytest.approx(1 / 3)


def test_compound_ordinal_is_no_count(parse) -> None:
    assert quantities(parse, "The twenty-first century began with a war.") == []


def test_more_than_half(parse) -> None:
    text = "More than half of the residents fled, and nearly half stayed."
    assert bounds(the(parse, text, "More than half")) == (None, 0.5, None, "at_least")
    assert bounds(the(parse, text, "nearly half")) == (0.5, None, None, "approx")


# ---------------------------------------------------------------- decimals, signs, scales


@pytest.mark.parametrize("text, surface, value", [
    ("Growth slowed to two point five percent.", "two point five percent", 2.5),
    ("Temperatures fell to minus 15 degrees overnight.", "minus 15", -15),
    ("The economy shrank by negative two percent.", "negative two percent", -2),
    ("The state paid 13 lakh farmers.", "13 lakh", 1_300_000),
    ("The scheme costs three lakh crore rupees.", "three lakh crore", 3 * 10**12),
    ("Guards counted 3 hundred and 21 families.", "3 hundred and 21", 321),
    ("Inflation hit 2,5% in the spring.", "2,5%", 2.5),
    ("Rates rose .25 percentage points.", ".25 percentage points", 0.25),
    ("Officials counted 1 200 displaced families.", "1 200", 1200),
    ("Officials counted 1\u202f234\u202f567 voters.", "1\u202f234\u202f567", 1_234_567),
    ("Crowds of fifty - two people gathered.", "fifty - two", 52),
    ("Crowds of fifty  two people gathered.", "fifty  two", 52),
    ("Gunners fired a couple of hundred shells.", "a couple of hundred", 200),
    ("Gunners fired three dozen rockets.", "three dozen", 36),
    ("3/4 of voters backed the deal.", "3/4", 0.75),
    ("The ratio stood at one over three.", "one over three", 1 / 3),
])
def test_decimals_signs_and_scales(parse, text, surface, value) -> None:
    assert bounds(the(parse, text, surface)) == pytest.approx(exact(value))


def test_at_one_point_is_no_decimal(parse) -> None:
    qs = quantities(parse, "At one point two soldiers were wounded.")
    assert "one point two" not in [q.text for q in qs]
    assert the(parse, "At one point two soldiers were wounded.", "two").value == 2


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The company raised £10m.", "£10m", 10_000_000, "GBP"),
    ("The rival raised 10M.", "10M", 10_000_000, None),
    ("Losses are put at $1.5 M this year.", "$1.5 M", 1_500_000, "USD"),
    ("The target is US$ 1MM in revenue.", "US$ 1MM", 1_000_000, "USD"),
    ("Analysts expect 2.5 k.", "2.5 k", 2500, None),
])
def test_scale_suffixes(parse, text, surface, value, unit) -> None:
    q = the(parse, text, surface)
    assert bounds(q) == pytest.approx(exact(value))
    assert q.unit == unit


def test_parse_digits_written_forms() -> None:
    assert parse_digits("1.3e6") == 1_300_000
    assert parse_digits("2.5^-1") == pytest.approx(0.4)
    assert parse_digits("-4/5") == pytest.approx(-0.8)
    assert parse_digits("9/11") is None and parse_digits("24/7") is None
    assert parse_digits("1mm") is None  # a millimetre; "1MM" is a million
    assert parse_digits("1MM") == 1_000_000


# ---------------------------------------------------------------- bounds and ranges


@pytest.mark.parametrize("text, surface, low, high, modifier", [
    ("Turnout exceeded 60% in the north.", "exceeded 60%", 60, None, "at_least"),
    ("The majority was greater than 300 seats.", "greater than 300", 300, None, "at_least"),
    ("Children aged 5 and under were evacuated.", "5 and under", None, 5, "at_most"),
    ("Adults aged 65 and over were evacuated.", "65 and over", 65, None, "at_least"),
    ("Candidates need 200 or greater.", "200 or greater", 200, None, "at_least"),
    ("The filter kept scores >= 30 only.", ">= 30", 30, None, "at_least"),
    ("More than 40 and fewer than 60 people were hurt.", "More than 40 and fewer than 60", 40, 60, "range"),
    ("Guards found at most 100 and at least 20 boats.", "at most 100 and at least 20", 20, 100, "range"),
    ("Ages ran 20 through 30.", "20 through 30", 20, 30, "range"),
    ("Prices ran 1000–5000 hryvnias.", "1000–5000", 1000, 5000, "range"),
    ("Salaries ran 5k-20k a year.", "5k-20k", 5000, 20000, "range"),
    ("Police arrested 3 - 4 people.", "3 - 4", 3, 4, "range"),
    ("About 20 to 30 people were hurt.", "About 20 to 30", 20, 30, "range"),
    ("Between one hundred and two hundred people attended.", "Between one hundred and two hundred", 100, 200, "range"),
])
def test_bounds_and_ranges(parse, text, surface, low, high, modifier) -> None:
    q = the(parse, text, surface)
    assert (q.value, q.low, q.high, q.modifier) == (None, low, high, modifier)


def test_opposite_bounds_out_of_order_stay_two(parse) -> None:
    qs = quantities(parse, "More than 40 died and less than 10 survived.")
    assert [(q.text, q.modifier) for q in qs] == [("More than 40", "at_least"), ("less than 10", "at_most")]


def test_comparative_after_or_opens_the_next_number(parse) -> None:
    qs = quantities(parse, "Polls give the party 30 or greater than 25 percent.")
    assert [(q.text, q.modifier) for q in qs] == [("30", "exact"), ("greater than 25 percent", "at_least")]


def test_quotient_needs_bare_numbers(parse) -> None:
    # "over" between counts of different things is no division.
    qs = quantities(parse, "Drones flew 12 over 3 nights.")
    assert [(q.text, q.value) for q in qs] == [("12", 12)]


# ---------------------------------------------------------------- not quantities, ages


@pytest.mark.parametrize("text", [
    "Call +1-202-555-0143 for details.",
    "Call 555-0143 for details.",
    "The score was level and he settled a score.",
    "The 9/11 attacks changed 24/7 news coverage.",
    "The embassy is at 285 Toure Drive; call (254-2) 751-613.",  # an address and a telephone number
    "The men appeared in the store at 469 Vermont St. in Brownsville.",
    "Profit fell because of a one-time charge.",  # once, not a count
    "I am the only one who can speak for him.",  # a pronoun
    "The TWA Flight eight hundred went down off Long Island.",  # a flight's name, spelled out
    "Victor Miranda, who lives at 405 Williams Ave., said the machines were removed.",
    "The approach of the year two thousand has many groups in a frenzy.",  # a year
])
def test_codes_and_non_numbers(parse, text) -> None:
    assert quantities(parse, text) == []


def test_age_is_a_quantity(parse) -> None:
    q = the(parse, "The suspect is 45 years old.", "45")
    assert bounds(q) == exact(45) and q.unit == "year"


def test_regression_percent_change_then_level_is_not_a_range(parse) -> None:
    """'firmed about 1% to 31.9' once read as the range 1-31.9 percent."""
    found = {q.text: q for q in quantities(parse, "The lira firmed about 1% to 31.9 against the dollar.")}
    assert bounds(found["about 1%"]) == (1, None, None, "approx")
    assert bounds(found["31.9"]) == exact(31.9)
    assert bounds(the(parse, "Polls give the party 10% to 15% of the vote.", "10% to 15%")) == (None, 10, 15, "range")


@pytest.mark.parametrize("text", [
    "Citadel posted a third-quarter net loss.",
    "The Pentagon confirmed that a fourth U.S. aircraft carrier sailed.",
])
def test_fraction_word_before_a_compound_or_name_is_an_ordinal(parse, text) -> None:
    assert [q.text for q in quantities(parse, text) if "third" in q.text or "fourth" in q.text] == []


def test_number_glued_to_a_word_is_not_part_of_the_previous_number(parse) -> None:
    """'$24 million one-time charge' once read as 24000001."""
    q = the(parse, "Profit fell because of a $24 million one-time charge.", "$24 million")
    assert bounds(q) == exact(24_000_000)


def test_the_dozen_counts_twelve(parse) -> None:
    assert the(parse, "Police freed the dozen hostages.", "dozen").value == 12


def test_negated_bound_turns_round(parse) -> None:
    q = the(parse, "The bill said spending wouldn't exceed $100 million.", "exceed $100 million")
    assert bounds(q) == (None, None, 100_000_000, "at_most")
    q = the(parse, "The fine is not less than 500 euros.", "less than 500")
    assert bounds(q) == (None, 500, None, "at_least")


def test_regression_spelled_decimal_before_an_ordinal() -> None:
    """'one point twenty-first' once crashed the decimal reader (no digits after 'point')."""
    with pytest.raises(ValueError):
        words_to_number(["one", "point", "twenty", "-", "first"])
    assert words_to_number(["one", "point", "twenty", "-", "one"]) == pytest.approx(1.21)


# ---------------------------------------------------------------- counted thing left out

@pytest.mark.parametrize("text, surface, unit", [
    ("Hamas is to free 33 hostages. Thirty more are due to follow.", "Thirty", "hostage"),
    ("The flood killed 12 people and injured 40 others.", "40", "people"),
    ("Seven more deaths were recorded on Sunday.", "Seven", "death"),
    ("The regions reported 347 and 238 deaths respectively.", "347", "death"),
    ("About 16 million of the 27 million voters cast ballots.", "About 16 million", "voter"),
    ("Ivan Petrov, 32, was detained in March.", "32", "year"),
])
def test_unit_left_out_comes_from_the_context(parse, text, surface, unit) -> None:
    assert the(parse, text, surface).unit == unit


def test_unit_is_not_inherited_across_far_sentences(parse) -> None:
    text = "Police detained 40 protesters. The rally began at noon. It rained. Later 12 went home."
    assert the(parse, text, "12").unit is None


@pytest.mark.parametrize("text", ["The FBI released one of two men.", "He was one of three doctors there.",
                                  "Later one of Mr. Antar's attorneys asked."])
def test_one_of_is_a_partitive_pronoun_not_a_count(parse, text) -> None:
    assert not any(q.text == "one" for q in quantities(parse, text))


def test_lower_case_resolution_number_is_a_name(parse) -> None:
    assert not any(q.text == "425" for q in quantities(parse, "He cited U.N. resolution 425 on Monday."))


@pytest.mark.parametrize("text, surface, value, unit", [
    ("It lost $35.2 million, or 31 cents a share.", "31 cents", 0.31, "USD"),
    ("Shares rose 37.5 Canadian cents to C$9.625.", "37.5 Canadian cents", 0.375, "CAD"),
    ("A stamp cost 50 pence.", "50 pence", 0.5, "GBP"),
])
def test_cents_are_money_in_the_main_unit(parse, text, surface, value, unit) -> None:
    q = the(parse, text, surface)
    assert q.value == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The board declared a 31-cent dividend.", "31", 0.31, "USD"),
    ("A coffee costs 5 euro cents more.", "5 euro cents", 0.05, "EUR"),
])
def test_cents_inside_a_compound_or_after_a_currency_word(parse, text, surface, value, unit) -> None:
    q = the(parse, text, surface)
    assert q.value == pytest.approx(value) and q.unit == unit


def test_many_cents_stay_linear(parse) -> None:
    import time
    started = time.process_time()
    assert len(quantities(parse, "Sales rose 5 cents. " * 3000)) == 3000
    assert time.process_time() - started < 20


def test_a_product_number_is_a_name_all_through_the_text(parse) -> None:
    text = ("Intel's 80486 chip has flaws. The 486 is Intel's flagship, and makers are developing 486-based "
            "machines. The Financial Times 100-share index shed 47.3 points.")
    assert [q.text for q in quantities(parse, text)] == ["47.3"]


def test_a_plural_product_noun_still_counts(parse) -> None:
    assert the(parse, "Samsung sold 500 chips to 12 makers.", "500").value == 500


def test_a_product_number_may_stand_before_a_word_and_the_product_noun(parse) -> None:
    text = "Shipments of its 80486 computer chip resume. A 16-bit microprocessor processes 16 pieces of data."
    assert [q.text for q in quantities(parse, text)] == ["16", "16"]


@pytest.mark.parametrize("text, count", [
    ("The 12 chip makers agreed to cut prices. Police said 12 people were killed.", 2),
    ("Intel sold 5 million chip sets in 1990. Rebels killed 5 soldiers on Sunday.", 2),
])
def test_a_count_before_a_product_noun_is_no_model_number(parse, text, count) -> None:
    assert len(quantities(parse, text)) == count


@pytest.mark.parametrize("text, unit", [
    ("It cost 4.7 billion French francs.", "FRF"),
    ("They paid 12 Swiss francs.", "CHF"),
    ("The dollar fell to 1.8353 marks.", "DEM"),
    ("The loan was 71 million guilders.", "NLG"),
    ("They paid 5 million pesos.", "peso"),  # which peso, the text does not say
    ("It cost 5 million Mexican pesos.", "MXN"),
    ("Sales were 20 million euros.", "EUR"),
])
def test_currency_nouns_become_iso_codes_when_the_text_says_which(parse, text, unit) -> None:
    [quantity] = [q for q in quantities(parse, text) if q.value is not None]
    assert quantity.unit == unit


@pytest.mark.parametrize("unit, text, kind", [
    ("USD", "$5 million", "money"), ("peso", "5 million", "money"), ("percent", "45%", "percent"),
    ("mile", "50", "measure"), ("time", "three", "ratio"), ("troop", "307", "count"), (None, "12", "count"),
])
def test_quantity_kind(unit, text, kind) -> None:
    from pipeline.numbers import lexicon
    assert lexicon().kind(unit, text) == kind
