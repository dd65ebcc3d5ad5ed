"""The selective parser: the trained pipeline runs only on the sentences attachment asks about."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.language import BUNDLED_MODEL, load_nlp, make_doc

# these tests pin the bundled model (UD labels); the default package is tested in test_model.py
pytestmark = pytest.mark.skipif(not (BUNDLED_MODEL / "meta.json").exists(),
                                reason="models/en_news_core is not trained here")
OWN = str(BUNDLED_MODEL)

TEXT = ("Zelensky met soldiers in Kharkiv. He said on Saturday that 307 troops had returned.\n"
        "The weather was mild. About 40 buses waited at the border.\n"
        "Another 120 prisoners were handed over by Russia on Sunday.")


@pytest.fixture(scope="module")
def parsed():
    nlp = load_nlp(spacy_model=OWN)
    return nlp, nlp(make_doc(nlp, TEXT, date(2025, 5, 24)))


def test_bundled_model_is_loaded_when_named(parsed) -> None:
    nlp, _ = parsed
    assert "news_parse" in nlp.pipe_names


def test_only_sentences_the_rules_cannot_settle_are_parsed(parsed) -> None:
    _, doc = parsed
    sentences = list(doc.sents)
    assert len(sentences) == 5  # the news sentencizer's boundaries survive the parse
    assert doc.user_data["parsed_sentences"] == 2
    # the parse comes before the positional rules: a sentence with a number or a date and an
    # actor or a name is parsed ("He said on Saturday that 307 troops had returned"; "Another
    # 120 prisoners were handed over by Russia", whose passive agent the parse finds)
    assert any(t.dep_ == "obl:agent" and t.text == "Russia" for t in sentences[4])
    assert any(t.dep_ == "nsubj" and t.text == "He" for t in sentences[1])
    flat = [0, 2, 3]  # an actor and no number; neither; a number and no actor or name
    assert all(t.dep_ in ("dep", "ROOT") for i in flat for t in sentences[i])


def test_the_parse_names_the_passive_agent(parsed) -> None:
    _, doc = parsed
    [event] = [e for e in doc._.events if e.quantity is not None and e.quantity.text == "120"]
    assert event.actor.name == "Russia"


def test_parse_all_parses_every_sentence() -> None:
    nlp = load_nlp(spacy_model=OWN, parse_all=True)
    doc = nlp(make_doc(nlp, TEXT, date(2025, 5, 24)))
    assert doc.user_data["parsed_sentences"] == 5


def test_rules_alone_when_asked() -> None:
    assert "news_parse" not in load_nlp(spacy_model="none").pipe_names


# -- attachment rules that read the parse (the sentences below get parsed on demand) --

def events_of(nlp, text: str):
    doc = nlp(make_doc(nlp, text, date(2025, 5, 24)))
    return {e.quantity.text: e for e in doc._.events if e.quantity is not None}


def test_passive_agent_after_the_number(parsed) -> None:
    nlp, _ = parsed
    event = events_of(nlp, "Hundreds of volunteers joined, and 300 homes were rebuilt by the Red Cross.")["300"]
    assert event.actor.name == "Red Cross" and event.role == "agent"


def test_ner_names_a_subject_the_registry_lacks(parsed) -> None:
    nlp, _ = parsed
    # an invented party: neither registry holds it (the open one knows the Economic Freedom Fighters)
    event = events_of(nlp, "The far-left Zembla Liberation Movement won 39 seats.")["39"]
    assert event.actor.name == "Zembla Liberation Movement" and event.mention.kind == "entity"


def test_unit_is_the_counted_noun_past_a_hyphenated_modifier(parsed) -> None:
    nlp, _ = parsed
    events = events_of(nlp, "Houthi forces launched one anti-ship ballistic missile and "
                            "two Iskander-M missiles at the destroyer.")
    assert events["one"].unit == "missile"  # the token rules read "anti"
    assert events["two"].unit == "missile"  # the token rules found none
    assert events["two"].quantity.unit is None  # what news_quantities assigned stays as it was


def test_rules_alone_keep_working_without_the_parse() -> None:
    nlp = load_nlp(spacy_model="none")
    events = events_of(nlp, "Another 120 prisoners were handed over by Russia on Sunday.")
    assert events["120"].actor is None  # no subject before it and no parse to find the agent


def test_a_named_pipeline_goes_through_the_same_code_path(tmp_path) -> None:
    # a user's own pipeline (here a copy of the bundled one without its NER) named by path
    import spacy

    own = spacy.load(BUNDLED_MODEL, exclude=["ner"])
    own.to_disk(tmp_path / "own_model")
    nlp = load_nlp(spacy_model=str(tmp_path / "own_model"))
    events = events_of(nlp, "Another 120 prisoners were handed over by Russia on Sunday.")
    assert events["120"].actor.name == "Russia"  # the passive agent, from the user's parse
