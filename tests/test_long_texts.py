"""Time that grows with the text, not with its square: run-on texts, numbers and dates packed
into one sentence, chunks without spaces. Each case once took minutes (issues 13 and 14); the
limits are CPU seconds on a 2-core CI machine, several times what they take today."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.language import load_nlp, make_doc

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rules() -> Language:
    nlp = load_nlp(spacy_model="none")  # the rules alone: their time is under test here
    nlp.max_length = 2_000_000
    return nlp


def _cpu(nlp: Language, text: str) -> tuple[float, object]:
    started = time.process_time()
    doc = nlp(make_doc(nlp, text, date(2025, 5, 24)))
    return time.process_time() - started, doc


def _run_on_news(words: int) -> str:
    """The bundled articles with every sentence end and line break taken out."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "articles").glob("*.txt"))]
    tokens = re.sub(r"[.!?\n]+\s*", " ", " ".join(texts)).split()
    return " ".join((tokens * (words // len(tokens) + 1))[:words])


def test_twenty_thousand_words_without_a_sentence_break_take_under_five_seconds(rules) -> None:
    seconds, doc = _cpu(rules, _run_on_news(20_000))
    assert seconds < 5, f"{seconds:.1f} s"
    assert len(doc._.events) > 500  # the numbers still get their rows


def test_time_grows_linearly_with_a_run_on_sentence(rules) -> None:
    # regression: clause_subject and survey_source scanned every actor of the sentence for each
    # number, date_for every number between a number and each date; 4x the text took 10x the time
    short, _ = _cpu(rules, "Monday 5 percent " * 1000)
    long, _ = _cpu(rules, "Monday 5 percent " * 4000)
    assert long < 6 * short + 0.5, f"1x {short:.2f} s, 4x {long:.2f} s"


@pytest.mark.parametrize("text", ["1 " * 20_000, "one hundred " * 20_000, "May 5, " * 4_000])
def test_numbers_or_dates_packed_in_one_sentence_take_seconds(rules, text: str) -> None:
    seconds, doc = _cpu(rules, text)
    assert seconds < 10, f"{seconds:.1f} s"
    assert doc._.events


def test_a_chunk_of_twenty_thousand_characters_without_a_space_is_one_token(rules) -> None:
    # regression: spaCy's affix search re-scanned the rest of the chunk for each quote it peeled
    # off (25 s for 20,000 quotes)
    seconds, doc = _cpu(rules, 'He wrote ' + '"' * 20_000 + ' and left.')
    assert seconds < 1, f"{seconds:.1f} s"
    assert [t.text for t in doc][:2] == ["He", "wrote"] and len(doc[2].text) == 20_000
