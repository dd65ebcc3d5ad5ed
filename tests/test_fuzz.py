"""Random and adversarial input through the whole run (issue 14): nothing raises out of it, every
input file has its documents row, no document takes long, and one or two workers write the same
tables. ``make test`` replays 150 examples (about a minute); ``make fuzz`` draws 8,000 (about 28 minutes)
(FUZZ_EXAMPLES, default 8,000)."""

from __future__ import annotations

import json
import os
import string
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.running import extract

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
#: make test replays the same examples every time; make fuzz draws new ones
REPLAY = "FUZZ_EXAMPLES" not in os.environ

#: pieces that once broke a rule, a reader or the tokenizer
ADVERSARIAL = ["1 ", "one hundred ", "May 5, ", '"', "``", "''", "(", ")", "Russia ", "said ", "$", "%", "-",
               "\n", "\n\n", " ", ",", ".", "2024-2025 ", "1/2 ", "Monday ", "the ", "of ", "at least ",
               "---\n", "{", "[", "\x00", "\u200b", "\ufeff", "é", "😀", "\r\n", "\t", "=", "@"]

words = st.sampled_from(ADVERSARIAL + ["Kenya ", "Ukraine ", "troops ", "killed ", "on Saturday ", "12 ", "3.5 "])
texts = st.one_of(
    st.text(max_size=400),  # any unicode
    st.lists(words, max_size=300).map("".join),  # news-like and pathological runs
    st.tuples(st.sampled_from(ADVERSARIAL), st.integers(1, 3000)).map(lambda p: p[0] * p[1]),  # long repeats
    st.text(alphabet=string.printable, max_size=400),
)
dates = st.one_of(st.none(), st.dates().map(str), st.sampled_from(["0001-01-01", "9999-12-31", "yesterday", "20250524"]),
                  st.integers(-10, 10**9))


@st.composite
def files(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["txt", "md", "json", "jsonl", "bytes", "other"]))
    text = draw(texts)
    if kind == "txt":
        return "txt", text.encode("utf-8", "surrogatepass")
    if kind == "md":
        front = draw(st.sampled_from(["", "published: 2025-05-24\n", "a: &a [1]\nb: *a\n", "[[[[\n", "x" * 200]))
        return "md", f"---\n{front}---\n{text}".encode("utf-8", "surrogatepass")
    record = {"id": draw(st.one_of(st.none(), st.text(max_size=20))), "text": text, "published": draw(dates)}
    if kind == "json":
        return "json", json.dumps(record).encode()
    if kind == "jsonl":
        lines = [json.dumps(record), draw(st.sampled_from(["", "{", "[" * 5000 + "]" * 5000, "null"])),
                 json.dumps({**record, "id": "second"})]
        return "jsonl", "\n".join(lines).encode()
    if kind == "bytes":
        return "txt", draw(st.binary(max_size=300))
    return draw(st.sampled_from(["pdf", "html", ""])) or "noext", draw(st.binary(max_size=50))


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet").drop(columns=["error"], errors="ignore")
            for name in ("events", "mentions", "documents")}


@settings(max_examples=EXAMPLES, deadline=None, derandomize=REPLAY, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(files(), min_size=1, max_size=4))
def test_any_input_gives_a_row_per_file_and_never_raises(rules_nlp, tmp_path_factory, inputs) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    articles = folder / "articles"
    articles.mkdir()
    for k, (suffix, data) in enumerate(inputs):
        (articles / f"input-{k}.{suffix}").write_bytes(data)
    started = time.monotonic()
    one = extract([articles], folder / "one", nlp=rules_nlp, log=lambda m: None, cache=False, progress=False,
                  doc_timeout=60)
    assert time.monotonic() - started < 60 + 30
    documents = one.tables["documents"]
    read = {Path(p).name for p in documents["path"]}
    assert read == {f"input-{k}.{suffix}" for k, (suffix, _) in enumerate(inputs)}  # nothing dropped
    assert set(documents["status"]) <= {"ok", "error", "skipped"}
    assert documents.loc[documents["status"] != "ok", "error"].notna().all()  # every refusal says why
    if len(inputs) > 1:  # the same tables from two worker processes
        two = extract([articles], folder / "two", nlp=rules_nlp, log=lambda m: None, cache=False, progress=False,
                      workers=2, batch_size=1)
        if two.manifest["workers"] == 2:
            for name, table in _tables(folder / "one").items():
                pd.testing.assert_frame_equal(_tables(folder / "two")[name], table)


@pytest.fixture(scope="module")
def rules_nlp():
    from pipeline.language import load_nlp
    return load_nlp(spacy_model="none")
