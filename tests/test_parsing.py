"""The selective parser: a trained pipeline run only where numbers and dates are."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.language import DEFAULT_MODEL, load_nlp, make_doc

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL / "meta.json").exists(),
                                reason="models/en_news_core is not trained here")

TEXT = ("Zelensky met soldiers in Kharkiv. He said on Saturday that 307 troops had returned.\n"
        "The weather was mild.")


@pytest.fixture(scope="module")
def parsed():
    nlp = load_nlp()
    return nlp, nlp(make_doc(nlp, TEXT, date(2025, 5, 24)))


def test_bundled_model_is_loaded_by_default(parsed) -> None:
    nlp, _ = parsed
    assert "news_parse" in nlp.pipe_names


def test_only_sentences_with_numbers_or_dates_are_parsed(parsed) -> None:
    _, doc = parsed
    assert doc.user_data["parsed_sentences"] == 1
    sentences = list(doc.sents)
    assert len(sentences) == 3  # the news sentencizer's boundaries survive the parse
    assert any(t.dep_ == "nsubj" for t in sentences[1])
    assert all(t.dep_ in ("dep", "ROOT") for t in sentences[2])


def test_parse_all_parses_every_sentence() -> None:
    nlp = load_nlp(parse_all=True)
    doc = nlp(make_doc(nlp, TEXT, date(2025, 5, 24)))
    assert doc.user_data["parsed_sentences"] == 3


def test_rules_alone_when_asked() -> None:
    assert "news_parse" not in load_nlp(spacy_model="none").pipe_names
