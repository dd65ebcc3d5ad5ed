"""Building the spaCy pipeline from pipeline/config.cfg."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the modules registers their factories and extensions.
from . import actors, attachment, dates, numbers, tokenizing  # noqa: F401

CONFIG_PATH = Path(__file__).with_name("config.cfg")


def load_nlp(config_path: str | Path = CONFIG_PATH) -> Language:
    """The rules pipeline, initialized (the lookup lemmatizer reads spacy-lookups-data)."""
    config = spacy.util.load_config(config_path)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp


def make_doc(nlp: Language, text: str, published: date | None) -> Doc:
    """A tokenized Doc carrying its reference date, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc
