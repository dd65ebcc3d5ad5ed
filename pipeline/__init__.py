"""News events extraction: numbers and dates, whose they are, and when.

>>> from pipeline import load_nlp, make_doc
>>> nlp = load_nlp()
>>> doc = nlp(make_doc(nlp, "Kyiv said on Saturday that 307 troops returned.", date(2025, 5, 24)))
>>> doc._.events  # doc._.quantities, doc._.dates, doc._.actors too
"""
from .language import load_nlp, make_doc

__version__ = "0.1.0"
__all__ = ["load_nlp", "make_doc", "__version__"]
