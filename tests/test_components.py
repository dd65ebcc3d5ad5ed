"""Each component alone, as spaCy's own tests build them: a blank ``English()`` with the one
component under test (and the ones whose output it declares it requires), no statistical model,
and for the actors a registry of three entries (``tests/data/registry_small.yml``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.language import Language

import pipeline.language  # noqa: F401  (registers the factories, as the entry points would)

SMALL_REGISTRY = str(Path(__file__).parent / "data" / "registry_small.yml")
PUBLISHED = date(2025, 5, 24)


def blank(*components: str, **configs: dict) -> Language:
    nlp = English()
    for name in components:
        nlp.add_pipe(name, config=configs.get(name, {}))
    nlp.initialize()
    return nlp


def run(nlp: Language, text: str):
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED  # set before the pipeline, as a spaCy user would
    return nlp(doc)


def test_news_sentences_splits_a_dateline_and_two_sentences() -> None:
    doc = run(blank("news_sentences"), "KYIV, May 24 (Reuters) - Ukraine said 307 troops returned. Russia said so too.")
    assert [s.text.split()[0] for s in doc.sents][-2:] == ["Ukraine", "Russia"]


def test_news_dates_alone_resolves_a_weekday_against_the_publication_date() -> None:
    doc = run(blank("news_sentences", "news_dates"), "Zelensky said on Saturday that 307 troops had returned.")
    [saturday] = doc._.dates
    assert (saturday.text, saturday.start_date) == ("Saturday", date(2025, 5, 24))


def test_news_quantities_alone_reads_a_number_with_its_modifier() -> None:
    doc = run(blank("news_sentences", "news_dates", "news_quantities"), "More than 1,000 prisoners were swapped.")
    [quantity] = doc._.quantities
    assert (quantity.text, quantity.low, quantity.modifier) == ("More than 1,000", 1000, "at_least")


def test_news_actors_alone_with_a_three_entry_registry() -> None:
    nlp = blank("news_sentences", "news_actors",
                news_actors={"registry": SMALL_REGISTRY, "open_registry": False})
    doc = run(nlp, "Zelensky said the Kremlin had agreed.")
    assert [(m.text, m.actors[0].name) for m in doc._.actors] == [("Zelensky", "Volodymyr Zelensky"),
                                                                   ("the Kremlin", "Russia")]


def test_news_attachment_on_the_rules_alone() -> None:
    nlp = blank("news_sentences", "news_dates", "news_quantities", "news_actors", "news_attachment",
                news_actors={"registry": SMALL_REGISTRY, "open_registry": False})
    doc = run(nlp, "Zelensky said on Saturday that 307 troops had returned.")
    [event] = [e for e in doc._.events if e.quantity is not None]
    assert (event.quantity.text, event.date.text, event.actor.name) == ("307", "Saturday", "Volodymyr Zelensky")


@pytest.mark.parametrize("name", ["news_sentences", "news_dates", "news_quantities", "news_actors",
                                  "news_attachment", "news_parse"])
def test_every_component_says_what_it_assigns(name: str) -> None:
    assert Language.get_factory_meta(name).assigns


def test_news_actors_saves_its_registry_and_reads_the_saved_one(tmp_path) -> None:
    import spacy

    nlp = blank("news_sentences", "news_actors", news_actors={"registry": SMALL_REGISTRY, "open_registry": False})
    nlp.to_disk(tmp_path / "saved")
    saved = tmp_path / "saved" / "news_actors" / "registry.yml"
    assert saved.exists()
    # the copy, not the file the config named, is what the loaded pipeline reads
    saved.write_text(saved.read_text(encoding="utf-8").replace("[Volodymyr Zelensky, Zelensky]",
                                                              "[Volodymyr Zelensky, Zelensky, Zelenskyy]"),
                     encoding="utf-8")
    loaded = spacy.load(tmp_path / "saved")
    doc = run(loaded, "Zelenskyy said the Kremlin had agreed.")
    assert [m.actors[0].name for m in doc._.actors] == ["Volodymyr Zelensky", "Russia"]


class _RecordingParser:
    """A stand-in for news_parse: it parses nothing and records what news_attachment asks."""

    only_needed = True

    def __init__(self) -> None:
        self.asked: list[tuple[object, list]] = []

    def __call__(self, doc):
        return doc

    def parse_sentences(self, jobs) -> None:
        self.asked += [(doc, list(sentences)) for doc, sentences in jobs]


@Language.factory("test_recording_parser")
def _make_recording_parser(nlp: Language, name: str) -> _RecordingParser:
    return _RecordingParser()


def test_news_attachment_asks_the_parser_by_its_public_method_for_the_sentences_it_needs() -> None:
    # the handshake between the two components: news_attachment calls parse_sentences(jobs) on
    # the component named in its config (jobs: Doc and its sentences) and reads the parse from
    # the Doc afterwards, never from the parser's own state
    nlp = English()
    nlp.add_pipe("news_sentences")
    nlp.add_pipe("news_dates")
    nlp.add_pipe("news_quantities")
    nlp.add_pipe("test_recording_parser", name="news_parse")
    nlp.add_pipe("news_actors", config={"registry": SMALL_REGISTRY, "open_registry": False})
    nlp.add_pipe("news_attachment", config={"parser": "news_parse"})
    nlp.initialize()
    doc = run(nlp, "The ministry said on Saturday that 307 troops had returned. Rain fell.")
    [(asked_doc, sentences)] = nlp.get_pipe("news_parse").asked
    assert asked_doc is doc and [s.text for s in sentences] == [
        "The ministry said on Saturday that 307 troops had returned."]
    assert [e.quantity.text for e in doc._.events if e.quantity is not None] == ["307"]  # the rules go on unparsed


def test_a_saved_pipeline_loads_when_its_configured_registry_file_is_gone(tmp_path) -> None:
    import shutil

    import spacy

    own = tmp_path / "my_registry.yml"
    shutil.copyfile(SMALL_REGISTRY, own)
    nlp = blank("news_sentences", "news_actors", news_actors={"registry": str(own), "open_registry": False})
    nlp.to_disk(tmp_path / "saved")
    own.unlink()  # the file the config names is gone; the copy saved with the pipeline is not
    loaded = spacy.load(tmp_path / "saved")
    assert [m.actors[0].name for m in run(loaded, "Zelensky spoke.")._.actors] == ["Volodymyr Zelensky"]


def test_every_rule_component_saves_the_pattern_files_it_reads(tmp_path) -> None:
    nlp = blank("news_sentences", "news_dates", "news_quantities", "news_actors", "news_attachment",
                news_actors={"registry": SMALL_REGISTRY, "open_registry": False})
    nlp.to_disk(tmp_path / "saved")
    saved = {p.relative_to(tmp_path / "saved").as_posix() for p in (tmp_path / "saved").glob("*/patterns/*.yml")}
    assert saved == {"news_sentences/patterns/tokenizer.yml", "news_dates/patterns/dates.yml",
                     "news_dates/patterns/numbers.yml", "news_quantities/patterns/numbers.yml",
                     "news_actors/patterns/actors.yml", "news_actors/patterns/attachment.yml",
                     "news_attachment/patterns/attachment.yml", "news_attachment/patterns/tokenizer.yml",
                     "news_attachment/patterns/numbers.yml"}


def test_a_loaded_pipeline_reads_its_saved_number_words_not_the_installed_ones(tmp_path) -> None:
    import spacy

    nlp = blank("news_sentences", "news_dates", "news_quantities")
    assert [q.value for q in run(nlp, "We counted uno boats.")._.quantities] == []
    nlp.to_disk(tmp_path / "saved")
    words = tmp_path / "saved" / "news_quantities" / "patterns" / "numbers.yml"
    words.write_text(words.read_text(encoding="utf-8").replace("units: {zero: 0,", "units: {uno: 1, zero: 0,"),
                     encoding="utf-8")
    loaded = spacy.load(tmp_path / "saved")
    assert [(q.text, q.value) for q in run(loaded, "We counted uno boats.")._.quantities] == [("uno", 1.0)]
    # the pipeline it was saved from, and the package's own words, are untouched
    assert [q.value for q in run(nlp, "We counted uno boats.")._.quantities] == []


def test_a_loaded_pipeline_reads_its_saved_month_names(tmp_path) -> None:
    import spacy

    nlp = blank("news_sentences", "news_dates")
    nlp.to_disk(tmp_path / "saved")
    months = tmp_path / "saved" / "news_dates" / "patterns" / "dates.yml"
    months.write_text(months.read_text(encoding="utf-8").replace("months:\n", "months:\n  janvier: 1\n", 1),
                      encoding="utf-8")
    loaded = spacy.load(tmp_path / "saved")
    assert [d.timex_value for d in run(loaded, "It opened on 5 janvier 2024.")._.dates] == ["2024-01-05"]


def test_loading_a_saved_pipeline_builds_the_actor_registry_once(tmp_path, monkeypatch) -> None:
    # spacy.load builds each component from the config, then hands it its saved files; when
    # those are the files it was just built from, rebuilding (the registry's matcher, the
    # open registry's tokenized aliases) would double the load time for nothing
    import spacy

    import pipeline.actors as actors

    nlp = blank("news_sentences", "news_actors", news_actors={"registry": SMALL_REGISTRY, "open_registry": False})
    nlp.to_disk(tmp_path / "saved")
    builds = []
    build = actors.ActorRecognizer.__init__

    def counting(self, *args, **kwargs) -> None:
        builds.append(args)
        build(self, *args, **kwargs)

    monkeypatch.setattr(actors.ActorRecognizer, "__init__", counting)
    loaded = spacy.load(tmp_path / "saved")
    assert len(builds) == 1
    assert [m.actors[0].name for m in run(loaded, "Zelensky spoke.")._.actors] == ["Volodymyr Zelensky"]
