"""running.process: results keyed by document, whatever a component does."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.language import Language

import pipeline.language  # noqa: F401  (registers the factories)
from pipeline.reading import Article
from pipeline.running import process


class _FailsOnPoison:
    """A component with its own pipe() that raises on a document holding 'poison'."""

    def __call__(self, doc):
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = 32):
        for doc in docs:
            if "poison" in doc.text:
                raise ValueError("poisoned")
            yield doc


@Language.factory("test_fails_on_poison")
def _make_fails_on_poison(nlp: Language, name: str) -> _FailsOnPoison:
    return _FailsOnPoison()


def _articles(n: int, bad: int) -> list[Article]:
    return [Article(f"a{k}", f"a{k}.txt", "poison here." if k == bad else f"Article {k} says hello.")
            for k in range(n)]


def _pipeline() -> Language:
    nlp = English()
    nlp.add_pipe("news_sentences")
    nlp.add_pipe("test_fails_on_poison")
    return nlp


def test_a_component_raising_in_its_own_pipe_costs_only_its_document() -> None:
    articles = _articles(24, bad=3)
    for workers in (1, 2):
        results = process(_pipeline(), articles, batch_size=4, n_process=workers)
        assert sorted(results) == sorted(a.doc_id for a in articles)  # nothing dropped
        assert results["a3"].error is not None and "a3.txt" in results["a3"].error
        assert all(results[a.doc_id].error is None for a in articles if a.doc_id != "a3")


def test_no_articles_no_results() -> None:
    assert process(_pipeline(), []) == {}
