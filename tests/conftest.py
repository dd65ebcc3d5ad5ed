"""Shared fixtures: one spaCy pipeline per test session, a parse helper, ../shared."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.language import load_nlp, make_doc

#: The shared folder beside the project (spec, seed article, peer data); may be absent.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def require_shared(*parts: str) -> Path:
    """``SHARED / parts``, or skip the calling test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared missing)")
    return path


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[..., Doc]:
    """``parse(text, published=None) -> Doc`` run through the whole pipeline."""

    def run(text: str, published: date | None = None) -> Doc:
        return nlp(make_doc(nlp, text, published))

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; tests using it skip when it is absent."""
    return require_shared()
