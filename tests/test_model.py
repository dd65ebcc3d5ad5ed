"""The default statistical model: a pinned third-party package whose files are checked when it loads."""
from __future__ import annotations

from datetime import date
from importlib import metadata

import pytest

from pipeline.language import DEFAULT_MODEL, load_nlp, make_doc, resolve_model
from pipeline.parsing import CHECKSUMS_DIR, ModelChecksumError, model_data_dir, verify_model

installed = pytest.mark.skipif(model_data_dir(DEFAULT_MODEL) is None, reason=f"{DEFAULT_MODEL} not installed")


@installed
def test_default_model_matches_its_recorded_checksums():
    assert verify_model(DEFAULT_MODEL) is True
    assert (CHECKSUMS_DIR / f"{DEFAULT_MODEL}-{metadata.version(DEFAULT_MODEL)}.sha256").exists()


@installed
def test_a_changed_model_file_is_refused_naming_it(tmp_path):
    record = CHECKSUMS_DIR / f"{DEFAULT_MODEL}-{metadata.version(DEFAULT_MODEL)}.sha256"
    text = record.read_text(encoding="utf-8")
    tampered = "\n".join(("0" * 64 + line[64:]) if line.endswith("  ner/model") else line
                         for line in text.splitlines())
    (tmp_path / record.name).write_text(tampered, encoding="utf-8")
    with pytest.raises(ModelChecksumError, match=r"ner/model: sha256 differs"):
        verify_model(DEFAULT_MODEL, tmp_path)


@installed
def test_a_model_file_missing_from_the_record_is_refused(tmp_path):
    record = CHECKSUMS_DIR / f"{DEFAULT_MODEL}-{metadata.version(DEFAULT_MODEL)}.sha256"
    lines = [line for line in record.read_text(encoding="utf-8").splitlines() if not line.endswith("  tagger/cfg")]
    (tmp_path / record.name).write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ModelChecksumError, match=r"tagger/cfg: file not in"):
        verify_model(DEFAULT_MODEL, tmp_path)


def test_a_model_without_recorded_checksums_is_the_users_choice(tmp_path):
    assert verify_model("spacy", tmp_path) is False  # installed, but no record: not checked
    assert verify_model("no_such_model_package") is False


def test_model_names_resolve():
    assert resolve_model("none") is None
    assert resolve_model("en_news_core").endswith("models/en_news_core")
    assert resolve_model("/some/path") == "/some/path"


@installed
def test_default_pipeline_recognizes_entities_before_actors():
    nlp = load_nlp()
    assert resolve_model(None) == DEFAULT_MODEL
    assert nlp.pipe_names.index("news_parse") < nlp.pipe_names.index("news_actors")


@installed
def test_ner_organization_outside_the_registry_becomes_the_actor():
    nlp = load_nlp()
    doc = nlp(make_doc(nlp, "Siemens AG said its orders rose 7% in the third quarter.", date(2024, 11, 14)))
    [event] = [e for e in doc._.events if e.quantity is not None]
    assert event.actor.name == "Siemens AG"


def test_entities_are_read_where_a_number_or_date_can_use_them():
    from pipeline.parsing import SelectiveParser
    nlp = load_nlp(spacy_model="none")
    text = "Alpha came. Beta went. Gamma sat. Delta ran. Epsilon hid. Zeta said it. Eta rose 5%. Theta left."
    doc = nlp(make_doc(nlp, text, date(2024, 1, 1)))
    picked = [s.text for s in SelectiveParser._entity_sentences(doc)]
    # the opening three, the sentence with the number and the one before it
    assert picked == ["Alpha came.", "Beta went.", "Gamma sat.", "Zeta said it.", "Eta rose 5%."]
