"""The selective parser: the trained pipeline runs only on the sentences attachment asks about."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.language import DEFAULT_MODEL, load_nlp, make_doc

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL / "meta.json").exists(),
                                reason="models/en_news_core is not trained here")

TEXT = ("Zelensky met soldiers in Kharkiv. He said on Saturday that 307 troops had returned.\n"
        "The weather was mild. About 40 buses waited at the border.\n"
        "Another 120 prisoners were handed over by Russia on Sunday.")


@pytest.fixture(scope="module")
def parsed():
    nlp = load_nlp()
    return nlp, nlp(make_doc(nlp, TEXT, date(2025, 5, 24)))


def test_bundled_model_is_loaded_by_default(parsed) -> None:
    nlp, _ = parsed
    assert "news_parse" in nlp.pipe_names


def test_only_sentences_the_rules_cannot_settle_are_parsed(parsed) -> None:
    _, doc = parsed
    sentences = list(doc.sents)
    assert len(sentences) == 5  # the news sentencizer's boundaries survive the parse
    assert doc.user_data["parsed_sentences"] == 1
    # "Another 120 prisoners were handed over by Russia": no subject before the number,
    # an actor after it, so attachment asks the parse, which finds the passive's agent
    assert any(t.dep_ == "obl:agent" and t.text == "Russia" for t in sentences[4])
    flat = [0, 1, 2, 3]  # an actor and no number; "He" settles 307 by position; neither; no actor
    assert all(t.dep_ in ("dep", "ROOT") for i in flat for t in sentences[i])


def test_the_parse_names_the_passive_agent(parsed) -> None:
    _, doc = parsed
    [event] = [e for e in doc._.events if e.quantity is not None and e.quantity.text == "120"]
    assert event.actor.name == "Russia"


def test_parse_all_parses_every_sentence() -> None:
    nlp = load_nlp(parse_all=True)
    doc = nlp(make_doc(nlp, TEXT, date(2025, 5, 24)))
    assert doc.user_data["parsed_sentences"] == 5


def test_rules_alone_when_asked() -> None:
    assert "news_parse" not in load_nlp(spacy_model="none").pipe_names
