"""pipeline/gazetteer.py: loading models/actors_open.json, longest non-overlapping
matches, exact lookup, and re-tokenizing when the stored tokens are stale."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pipeline import gazetteer as gz
from pipeline.gazetteer import GazetteerEntry, GazetteerRole, load_gazetteer, tokenizer_fingerprint

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "models" / "actors_open.json"


@pytest.fixture(scope="module")
def tokenizer():
    return gz.default_tokenizer()


def entry(name: str, aliases: list[str], kind: str = "ORGANIZATION", country: str | None = None,
          roles: list[dict] | None = None, tokens: list[list[str]] | None = None) -> dict:
    return {"name": name, "type": kind, "country": country, "aliases": aliases, "roles": roles or [],
            "tokens": tokens if tokens is not None else [a.split() for a in aliases]}


def write(path: Path, entries: list[dict], fingerprint: str) -> Path:
    document = {"schema_version": 1, "sources": [], "tokenizer": fingerprint, "entries": entries}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture()
def small(tmp_path, tokenizer):
    """A registry whose stored tokens are the project tokenizer's."""
    entries = [
        entry("New York", ["New York"], "GOVERNMENT", "USA"),
        entry("The New York Times", ["New York Times"], "COMPANY", "USA"),
        entry("Boris Yeltsin", ["Boris Yeltsin", "Boris N. Yeltsin"], "PERSON", "RUS",
              [{"code": "RUSGOV", "from": "1991-07-10", "to": "1999-12-31"}]),
        entry("Alpha Beta", ["A B"]),
        entry("Beta Gamma Delta", ["B C D"]),
    ]
    for item in entries:
        item["tokens"] = [[t.text for t in tokenizer(a)] for a in item["aliases"]]
    return write(tmp_path / "small.json", entries, tokenizer_fingerprint(tokenizer))


def spans(gazetteer, texts):
    return [(m.start, m.end, m.entry.name) for m in gazetteer.find(texts)]


def test_longest_match_wins(small, tokenizer) -> None:
    g = load_gazetteer(small, tokenizer)
    assert spans(g, "The New York Times said".split()) == [(1, 4, "The New York Times")]
    assert spans(g, "in New York today".split()) == [(1, 3, "New York")]


def test_matches_do_not_overlap_and_run_left_to_right(small, tokenizer) -> None:
    g = load_gazetteer(small, tokenizer)
    assert spans(g, "A B C D".split()) == [(0, 2, "Alpha Beta")]  # "B C D" overlaps it
    assert spans(g, "x B C D A B".split()) == [(1, 4, "Beta Gamma Delta"), (4, 6, "Alpha Beta")]
    assert spans(g, "A B".split()[:1]) == []  # a prefix of an alias is no match
    assert spans(g, []) == []


def test_find_takes_a_doc(small, tokenizer) -> None:
    g = load_gazetteer(small, tokenizer)
    doc = tokenizer("Boris N. Yeltsin met editors of the New York Times.")
    found = g.find(doc)
    assert [doc[m.start:m.end].text for m in found] == ["Boris N. Yeltsin", "New York Times"]
    yeltsin = found[0].entry
    assert yeltsin == GazetteerEntry("Boris Yeltsin", "PERSON", "RUS",
                                     (GazetteerRole("RUSGOV", "1991-07-10", "1999-12-31"),))
    with pytest.raises(AttributeError):
        yeltsin.name = "someone else"  # frozen


def test_matching_is_case_sensitive(small, tokenizer) -> None:
    g = load_gazetteer(small, tokenizer)
    assert g.find("new york times".split()) == []


def test_lookup(small, tokenizer) -> None:
    g = load_gazetteer(small, tokenizer)
    assert g.lookup("Boris N. Yeltsin").name == "Boris Yeltsin"
    assert g.lookup("The New York Times").name == "The New York Times"  # the name, not an alias
    assert g.lookup("Yeltsin") is None
    assert len(g) == 5


def test_line_layout_and_plain_json_load_alike(small, tokenizer, tmp_path) -> None:
    # The build's layout (one entry per line) takes the fast path, any other JSON the plain one.
    from lab.build_registry import dumps

    document = json.loads(small.read_text(encoding="utf-8"))
    lined = tmp_path / "lined.json"
    lined.write_text(dumps(document), encoding="utf-8")
    header, entries, tokens = gz._read(str(lined))
    assert header["tokenizer"] == document["tokenizer"] and all(isinstance(e, str) for e in entries)
    assert tokens == [e["tokens"] for e in document["entries"]]
    doc = tokenizer("Boris Yeltsin read the New York Times.")
    plain, fast = load_gazetteer(small, tokenizer), load_gazetteer(lined, tokenizer)
    assert fast.find(doc) == plain.find(doc)
    assert fast.lookup("Boris N. Yeltsin") == plain.lookup("Boris N. Yeltsin")


def test_loading_is_cached(small, tokenizer) -> None:
    assert load_gazetteer(small, tokenizer) is load_gazetteer(str(small), tokenizer)


def test_fresh_fingerprint_trusts_stored_tokens(tmp_path, tokenizer) -> None:
    # Stored tokens that the tokenizer would not produce are used as they are.
    path = write(tmp_path / "fresh.json", [entry("X", ["Ban Ki-moon"], tokens=[["Ban Ki-moon"]])],
                 tokenizer_fingerprint(tokenizer))
    g = load_gazetteer(path, tokenizer)
    assert not g.retokenized
    assert spans(g, ["Ban Ki-moon"]) == [(0, 1, "X")]


def test_stale_fingerprint_retokenizes(tmp_path, tokenizer) -> None:
    path = write(tmp_path / "stale.json", [entry("Ban Ki-moon", ["Ban Ki-moon"], "PERSON", "KOR",
                                                 tokens=[["Ban Ki-moon"]])], "3.0.0:0000000000000000")
    g = load_gazetteer(path, tokenizer)
    assert g.retokenized and g.fingerprint == tokenizer_fingerprint(tokenizer)
    doc = tokenizer("UN chief Ban Ki-moon spoke.")
    assert [(doc[m.start:m.end].text, m.entry.name) for m in g.find(doc)] == [("Ban Ki-moon", "Ban Ki-moon")]


def test_retokenizing_drops_sequences_two_entries_now_share(tmp_path, tokenizer) -> None:
    # Distinct as stored, identical once tokenized: neither entry may keep it.
    path = write(tmp_path / "shared.json", [
        entry("One", ["Al-Aqsa", "Al-Aqsa One"], tokens=[["Al-Aqsa"], ["Al-Aqsa", "One"]]),
        entry("Two", ["Al - Aqsa"], tokens=[["Al - Aqsa"]]),
    ], "stale")
    g = load_gazetteer(path, tokenizer)
    doc = tokenizer("Al-Aqsa One and Al-Aqsa")
    assert [(doc[m.start:m.end].text, m.entry.name) for m in g.find(doc)] == [("Al-Aqsa One", "One")]


def test_other_spacy_version_without_tokenizer_uses_the_projects(tmp_path) -> None:
    path = write(tmp_path / "old.json", [entry("Ban Ki-moon", ["Ban Ki-moon"], tokens=[["Ban Ki-moon"]])],
                 "0.0.1:0000000000000000")
    g = load_gazetteer(path)
    assert g.retokenized
    assert spans(g, ["Ban", "Ki", "-", "moon"]) == [(0, 4, "Ban Ki-moon")]


def test_same_spacy_version_without_tokenizer_trusts_the_file(tmp_path) -> None:
    path = write(tmp_path / "same.json", [entry("X", ["x y"])], f"{gz._spacy_version()}:whatever")
    assert not load_gazetteer(path).retokenized


def test_wrong_schema_version(tmp_path) -> None:
    path = tmp_path / "v2.json"
    path.write_text(json.dumps({"schema_version": 2, "entries": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="schema_version"):
        load_gazetteer(path)


def test_fingerprint_tracks_special_cases(tokenizer) -> None:
    other = gz.default_tokenizer()
    assert tokenizer_fingerprint(other) == tokenizer_fingerprint(tokenizer)
    other.add_special_case("Ki-moon", [{"ORTH": "Ki-moon"}])
    assert tokenizer_fingerprint(other) != tokenizer_fingerprint(tokenizer)


def test_matching_is_linear(small, tokenizer) -> None:
    g = load_gazetteer(small, tokenizer)
    texts = ("The New York Times said A B C D and Boris N. Yeltsin".split()) * 5000
    started = time.process_time()
    found = g.find(texts)
    assert len(found) == 3 * 5000
    assert time.process_time() - started < 1.0


# --- the committed registry --------------------------------------------------------

@pytest.fixture(scope="module")
def registry():
    if not REGISTRY.exists():
        pytest.skip("models/actors_open.json not built (make registry)")
    return REGISTRY


def test_registry_tokens_are_current(registry, tokenizer) -> None:
    # The file's fingerprint is load_nlp(spacy_model="none").tokenizer's at build time;
    # default_tokenizer() must agree with it, or `make registry` is due.
    with registry.open(encoding="utf-8") as handle:
        head = json.loads(handle.readline().rstrip("\n") + "]}")
    assert head["tokenizer"] == tokenizer_fingerprint(tokenizer)


def test_registry_loads_fast_and_matches(registry, tokenizer) -> None:
    gz._CACHE.clear()
    started = time.process_time()
    g = load_gazetteer()
    elapsed = time.process_time() - started
    assert not g.retokenized
    assert elapsed < 0.6, f"loading took {elapsed:.2f} s of CPU"  # about 0.1 s here; CPU time, not wall
    doc = tokenizer("Boris Yeltsin met Madeleine Albright at the North Atlantic Treaty Organization.")
    names = [(m.entry.name, m.entry.type) for m in g.find(doc)]
    assert names == [("Boris Yeltsin", "PERSON"), ("Madeleine Albright", "PERSON"), ("NATO", "IGO")]
    assert g.lookup("Madeleine Albright").roles[0].code.startswith("USA")


def test_pipelines_of_one_process_share_one_gazetteer() -> None:
    from pipeline.language import load_nlp
    first = load_nlp(spacy_model="none").get_pipe("news_actors").gazetteer
    second = load_nlp(spacy_model="none").get_pipe("news_actors").gazetteer
    assert first is second
