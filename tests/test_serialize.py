"""The components' results travel with a Doc: bytes, DocBin, and spaCy's own worker processes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import srsly
from spacy.tokens import Doc, DocBin

from pipeline.actors import Actor, ActorMention
from pipeline.dates import DateMention
from pipeline.language import make_doc
from pipeline.numbers import Quantity

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Ukrainian President Volodymyr Zelensky said on Saturday that 307 troops had returned home, "
        "and Russia's defense ministry said the same number of its soldiers came back.")


def results(doc: Doc) -> dict[str, list]:
    """What the components assign, as lists (a DocBin gives sequences back as tuples)."""
    return {name: list(getattr(doc._, name) or []) for name in ("quantities", "dates", "actors", "events")}


def test_each_value_type_comes_back_equal() -> None:
    quantity = Quantity(3, 5, 10, 20, "307 troops", 307.0, 307.0, 307.0, "exact", unit=None)
    day = DateMention(1, 2, 3, 11, "Saturday", "DATE", "2025-05-24", date(2025, 5, 24), date(2025, 5, 24), "day",
                      "weekday")
    mention = ActorMention(0, 2, 0, 8, "Zelensky", (Actor("Volodymyr Zelensky", "PERSON", "UKR"),), "registry")
    back = srsly.msgpack_loads(srsly.msgpack_dumps({"q": [quantity], "d": day, "m": mention, "p": date(2025, 5, 24)}))
    assert back == {"q": [quantity], "d": day, "m": mention, "p": date(2025, 5, 24)}
    assert isinstance(back["m"].actors, tuple)


def test_doc_to_bytes_keeps_the_results(parse) -> None:
    doc = parse(TEXT, date(2025, 5, 24))
    again = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert results(again) == results(doc) and again._.published == date(2025, 5, 24)
    assert results(doc)["events"]  # something to compare


def test_docbin_with_user_data_keeps_the_results(parse, nlp) -> None:
    doc = parse(TEXT, date(2025, 5, 24))
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    [again] = DocBin(store_user_data=True).from_bytes(stored.to_bytes()).get_docs(nlp.vocab)
    assert results(again) == results(doc)


def test_two_worker_processes_give_what_one_gives(nlp) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "articles").glob("*.txt"))[:6]]
    published = date(2025, 5, 24)
    one = [results(d) for d in nlp.pipe(make_doc(nlp, t, published) for t in texts)]
    two = [results(d) for d in nlp.pipe((make_doc(nlp, t, published) for t in texts), n_process=2, batch_size=2)]
    assert two == one and any(r["events"] for r in one)


@pytest.mark.parametrize("value", [date(1999, 12, 31), (1, "a"), {"x": None}])
def test_other_values_pass_through(value) -> None:
    assert srsly.msgpack_loads(srsly.msgpack_dumps(value), use_list=False) == value


def test_every_component_declares_what_it_assigns_and_needs_nothing_unassigned(nlp) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    ours = [name for name in nlp.pipe_names if name.startswith("news_")]
    assert all(analysis["summary"][name]["assigns"] for name in ours)
    assert not any(analysis["problems"].values())


def test_a_saved_pipeline_loads_in_a_fresh_process_with_the_same_results(nlp, tmp_path) -> None:
    published = date(2025, 5, 24)
    expected = [[e.quantity and e.quantity.text, e.date and e.date.text, e.actor and e.actor.name]
                for e in nlp(make_doc(nlp, TEXT, published))._.events]
    nlp.to_disk(tmp_path / "saved")
    assert str(ROOT) not in (tmp_path / "saved" / "config.cfg").read_text()  # no path of this machine
    code = ("import json, sys, spacy; from datetime import date; nlp = spacy.load(sys.argv[1]); "
            "doc = nlp.make_doc(sys.argv[2]); doc._.published = date(2025, 5, 24); doc = nlp(doc); "
            "print(json.dumps([[e.quantity and e.quantity.text, e.date and e.date.text, e.actor and e.actor.name] "
            "for e in doc._.events]))")
    # a fresh interpreter in an empty folder: the components come from the entry points alone
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "saved"), TEXT], capture_output=True,
                         text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == expected and expected


def spans(doc: Doc) -> dict[str, list[tuple[str, str]]]:
    return {key: [(s.text, s.label_) for s in doc.spans[key]] for key in ("quantities", "dates", "actors")}


def test_the_results_are_also_span_groups_that_survive_a_docbin(parse, nlp) -> None:
    doc = parse(TEXT, date(2025, 5, 24))
    assert spans(doc) == {
        "quantities": [(q.text, "QUANTITY") for q in doc._.quantities],
        "dates": [("Saturday", "DATE")],
        "actors": [(m.text, m.actors[0].type) for m in doc._.actors]}
    assert spans(doc)["actors"] == [("Ukrainian President Volodymyr Zelensky", "PERSON"),
                                    ("Russia's defense ministry", "GOVERNMENT")]
    stored = DocBin()  # spans travel without user data
    stored.add(doc)
    [again] = DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab)
    assert spans(again) == spans(doc)


def test_displacy_draws_the_dates_span_group(parse) -> None:
    from spacy import displacy

    html = displacy.render(parse(TEXT, date(2025, 5, 24)), style="span", options={"spans_key": "dates"})
    assert "Saturday" in html and "DATE" in html
