"""News events extraction: numbers and dates, whose they are, and when.

>>> from pipeline import load_nlp, make_doc
>>> nlp = load_nlp()
>>> doc = nlp(make_doc(nlp, "Kyiv said on Saturday that 307 troops returned.", date(2025, 5, 24)))
>>> doc._.events  # doc._.quantities, doc._.dates, doc._.actors too
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["load_nlp", "make_doc", "__version__"]


def __getattr__(name: str) -> Any:
    # spaCy is imported when the pipeline is asked for, not by ``import pipeline`` (the CLI
    # answers an unchanged re-run from its cache without it)
    if name in ("load_nlp", "make_doc"):
        from . import language
        return getattr(language, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
