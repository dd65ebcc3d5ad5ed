"""Running: results keyed by document whatever a component does (process), and the streaming
run (extract): the row cache, the part files and datasets, exit status, progress."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import pytest
from spacy.lang.en import English
from spacy.language import Language

import pipeline.language  # noqa: F401  (registers the factories)
import pipeline.running as running
from pipeline.reading import Article
from pipeline.running import EXIT_DOCUMENT_ERRORS, EXIT_OK, extract, process


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


# ---------------------------------------------------------------- extract: streaming, cache, outputs


STORIES = {
    "kyiv": "Ukraine said on Saturday that 307 troops had returned home.",
    "nairobi": "Kenya said 12 people died in floods on Friday.",
    "warsaw": "Poland said 50 tanks arrived on Monday.",
    "ankara": "Turkey said it had freed 26 prisoners on Thursday.",
    "lima": "Peru said 3 miners were rescued on Tuesday.",
}


def _folder(root: Path, stories: dict[str, str] = STORIES) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in stories.items():
        (root / f"{name}-2025-05-24.txt").write_text(text + "\n", encoding="utf-8")
    return root


def _rules() -> Language:
    from pipeline.language import load_nlp
    return load_nlp(spacy_model="none")


@pytest.fixture(scope="module")
def rules() -> Language:
    return _rules()


def _quiet(message: str) -> None:
    pass


def test_an_unchanged_rerun_is_answered_from_the_cache_with_the_same_tables(tmp_path, rules) -> None:
    articles = _folder(tmp_path / "in")
    first = extract([articles], tmp_path / "out", nlp=rules, log=_quiet)
    again = extract([articles], tmp_path / "out", nlp=rules, log=_quiet)
    assert first.manifest["counts"]["documents_from_cache"] == 0
    assert again.manifest["counts"]["documents_from_cache"] == len(STORIES)
    for name, table in first.tables.items():
        pd.testing.assert_frame_equal(again.tables[name], table)


def test_an_edited_article_is_the_only_one_run_again(tmp_path, rules) -> None:
    articles = _folder(tmp_path / "in")
    extract([articles], tmp_path / "out", nlp=rules, log=_quiet)
    (articles / "lima-2025-05-24.txt").write_text("Peru said 4 miners were rescued on Tuesday.\n", encoding="utf-8")
    again = extract([articles], tmp_path / "out", nlp=rules, log=_quiet)
    assert again.manifest["counts"]["documents_from_cache"] == len(STORIES) - 1
    events = again.tables["events"]
    assert events[events["doc_id"] == "lima-2025-05-24"]["quantity_value"].tolist() == [4.0]


def test_a_killed_run_resumes_from_the_batches_it_finished(tmp_path, rules, monkeypatch) -> None:
    articles = _folder(tmp_path / "in")
    monkeypatch.setattr(running, "PART_DOCUMENTS", 2)
    written = []
    real_write = running.TableWriter.write

    def killed_on_the_second_batch(self, tables) -> None:
        written.append(len(tables["documents"]))
        if len(written) == 2:
            raise KeyboardInterrupt
        real_write(self, tables)

    monkeypatch.setattr(running.TableWriter, "write", killed_on_the_second_batch)
    with pytest.raises(KeyboardInterrupt):
        extract([articles], tmp_path / "out", nlp=rules, log=_quiet)
    assert not (tmp_path / "out" / "events.parquet").exists()  # no table from the killed run
    assert not list((tmp_path / "out").glob(".staging-*"))
    monkeypatch.setattr(running.TableWriter, "write", real_write)
    resumed = extract([articles], tmp_path / "out", nlp=rules, log=_quiet)
    # the first batch was committed before the kill; the second was being written
    assert resumed.manifest["counts"]["documents_from_cache"] >= 2
    assert resumed.manifest["counts"]["documents"] == len(STORIES)


def test_no_cache_leaves_no_cache_and_a_changed_pipeline_misses_it(tmp_path, rules) -> None:
    articles = _folder(tmp_path / "in")
    extract([articles], tmp_path / "plain", nlp=rules, log=_quiet, cache=False)
    assert not (tmp_path / "plain" / ".cache").exists()
    extract([articles], tmp_path / "out", nlp=rules, log=_quiet)
    other = _rules()
    other.remove_pipe("news_actors")  # another pipeline: another cache version
    other.remove_pipe("news_attachment")
    result = extract([articles], tmp_path / "out", nlp=other, log=_quiet)
    assert result.manifest["counts"]["documents_from_cache"] == 0 and result.manifest["counts"]["events"] == 0


def test_the_datasets_are_one_table_for_pandas_and_duckdb(tmp_path, rules, monkeypatch) -> None:
    duckdb = pytest.importorskip("duckdb")
    monkeypatch.setattr(running, "PART_DOCUMENTS", 2)  # three parts of each table
    out = tmp_path / "out"
    extract([_folder(tmp_path / "in")], out, nlp=rules, log=_quiet)
    assert len(list((out / "events").glob("part-*.parquet"))) == 3
    single = pd.read_parquet(out / "events.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(out / "events"), single)
    counted = duckdb.sql(f"SELECT doc_id, count(*) AS n FROM read_parquet('{out}/events/*.parquet') "
                         "GROUP BY doc_id ORDER BY doc_id").fetchall()
    assert counted == sorted(single.groupby("doc_id").size().items())
    assert len(pd.read_csv(out / "events.csv")) == len(single)


def test_formats_write_only_what_is_asked_and_remove_an_older_runs_other_files(tmp_path, rules) -> None:
    articles = _folder(tmp_path / "in")
    out = tmp_path / "out"
    extract([articles], out, nlp=rules, log=_quiet)
    extract([articles], out, nlp=rules, log=_quiet, formats=["dataset"])
    assert sorted(p.name for p in out.iterdir()) == [".cache", ".lock", "claims", "documents", "events", "mentions",
                                                      "run.json"]
    with pytest.raises(ValueError, match="formats"):
        extract([articles], out, nlp=rules, log=_quiet, formats=["xlsx"])


def test_rows_come_in_reading_order(tmp_path, rules) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": name, "published": "2025-05-24", "text": text}) + "\n"
                            for name, text in sorted(STORIES.items(), reverse=True)), encoding="utf-8")
    result = extract([feed], tmp_path / "out", nlp=rules, log=_quiet)
    order = sorted(STORIES, reverse=True)
    assert result.tables["documents"]["doc_id"].tolist() == order
    assert list(dict.fromkeys(result.tables["events"]["doc_id"])) == order


def test_exit_status_says_whether_a_document_errored(tmp_path, rules) -> None:
    articles = _folder(tmp_path / "in")
    assert extract([articles], tmp_path / "ok", nlp=rules, log=_quiet).exit_status == EXIT_OK
    (articles / "empty.txt").write_text("", encoding="utf-8")
    result = extract([articles], tmp_path / "bad", nlp=rules, log=_quiet)
    assert result.exit_status == EXIT_DOCUMENT_ERRORS
    assert result.tables["documents"].set_index("doc_id").loc["empty", "status"] == "error"


def test_a_single_path_is_one_input_and_bad_arguments_are_refused(tmp_path, rules) -> None:
    # regression: a string path was read character by character; batch_size=0 gave no events, all 'ok'
    articles = _folder(tmp_path / "in")
    assert extract(str(articles), tmp_path / "out", nlp=rules, log=_quiet).manifest["counts"]["documents"] == 5
    with pytest.raises(ValueError, match="batch_size"):
        extract([articles], tmp_path / "zero", nlp=rules, log=_quiet, batch_size=0)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="file"):
        extract([articles], tmp_path / "file", nlp=rules, log=_quiet)


def test_more_workers_than_cores_are_capped_with_a_warning(tmp_path, rules, monkeypatch) -> None:
    monkeypatch.setattr(running.os, "cpu_count", lambda: 1)
    said: list[str] = []
    result = extract([_folder(tmp_path / "in")], tmp_path / "out", nlp=rules, log=said.append, workers=8)
    assert result.manifest["workers"] == 1 and any("--workers 8 on 1 cores" in m for m in said)


def test_the_progress_bar_counts_documents_on_stderr(tmp_path, rules, capsys) -> None:
    extract([_folder(tmp_path / "in")], tmp_path / "out", nlp=rules, log=_quiet, progress=True)
    assert "5/5" in capsys.readouterr().err


def test_the_pipeline_is_not_loaded_when_every_article_is_cached(tmp_path, monkeypatch) -> None:
    articles = _folder(tmp_path / "in")
    extract([articles], tmp_path / "out", spacy_model="none", log=_quiet)

    def no_loading(**kwargs):
        raise AssertionError("load_nlp called for a run the cache answers")

    monkeypatch.setattr(pipeline.language, "load_nlp", no_loading)
    again = extract([articles], tmp_path / "out", spacy_model="none", log=_quiet)
    assert again.manifest["counts"]["documents_from_cache"] == len(STORIES)


# ---------------------------------------------------------------- limits, locking, safe output (issue 14)


def test_regression_a_text_over_spacys_max_length_was_a_crash(tmp_path, rules) -> None:
    # spaCy's E088 (a text over nlp.max_length) ended the run; now it is that document's error row
    articles = _folder(tmp_path / "in")
    (articles / "huge.txt").write_text("Officials said 12 people died. " * 33_000, encoding="utf-8")
    result = extract([articles], tmp_path / "out", nlp=rules, log=_quiet)
    documents = result.tables["documents"].set_index("doc_id")
    assert documents.loc["huge", "status"] == "error" and "--max-chars 1,000,000" in documents.loc["huge", "error"]
    assert (documents.drop(index="huge")["status"] == "ok").all()
    small = extract([articles], tmp_path / "small", nlp=rules, log=_quiet, max_chars=50)
    longer = sum(len(text) + 1 > 50 for text in STORIES.values()) + 1  # the stories over 50 characters, and huge
    assert (small.tables["documents"]["status"] == "error").sum() == longer


class _SlowOnSlow:
    """A component that takes 30 s over a document holding 'slowly'."""

    def __call__(self, doc):
        if "slowly" in doc.text:
            time.sleep(30)
        return doc


@Language.factory("test_slow_on_slow")
def _make_slow(nlp: Language, name: str) -> _SlowOnSlow:
    return _SlowOnSlow()


def test_a_document_over_its_time_budget_is_an_error_and_the_run_goes_on(tmp_path) -> None:
    nlp = _rules()
    nlp.add_pipe("test_slow_on_slow", first=True)
    articles = _folder(tmp_path / "in", {**STORIES, "tortoise": "The tortoise said 2 hares ran slowly."})
    started = time.monotonic()
    result = extract([articles], tmp_path / "out", nlp=nlp, log=_quiet, doc_timeout=0.5, batch_size=2)
    assert time.monotonic() - started < 15
    documents = result.tables["documents"].set_index("doc_id")
    assert documents.loc["tortoise-2025-05-24", "status"] == "error"
    assert "--doc-timeout 0.5 s" in documents.loc["tortoise-2025-05-24", "error"]
    assert (documents.drop(index="tortoise-2025-05-24")["status"] == "ok").all()
    assert result.manifest["counts"]["events"] >= len(STORIES)


def test_a_second_run_on_the_same_folder_is_refused_while_the_first_writes(tmp_path, rules) -> None:
    out = tmp_path / "out"
    first = running.TableWriter(out)  # a run in progress holds the folder's lock
    try:
        with pytest.raises(RuntimeError, match="another run .pid \\d+. is writing"):
            extract([_folder(tmp_path / "in")], out, nlp=rules, log=_quiet)
    finally:
        first.abort()
    assert extract([tmp_path / "in"], out, nlp=rules, log=_quiet).exit_status == EXIT_OK  # free again


def test_out_equal_to_an_input_folder_is_refused_before_any_work(tmp_path, rules) -> None:
    articles = _folder(tmp_path / "in")
    with pytest.raises(ValueError, match="--out is an input folder"):
        extract([articles], articles, nlp=rules, log=_quiet)
    assert sorted(p.name for p in articles.iterdir()) == sorted(f"{n}-2025-05-24.txt" for n in STORIES)


def test_every_file_of_a_run_carries_its_run_id(tmp_path, rules) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    result = extract([_folder(tmp_path / "in")], out, nlp=rules, log=_quiet)
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    run_id = manifest["run_id"]
    assert run_id == result.manifest["run_id"]
    assert sorted(manifest["files"]) == sorted(p.name + ("/" if p.is_dir() else "") for p in result.files
                                               if p.name != "run.json")
    for path in [*out.glob("*.parquet"), *out.glob("*/part-*.parquet")]:
        assert pq.read_schema(path).metadata[b"run_id"].decode() == run_id, path


def test_regression_csv_cells_starting_like_formulas_reached_spreadsheets(tmp_path, rules) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "=HYPERLINK(1)-2025-05-24.txt").write_text("@Kenya said -5 people died.\x00\n", encoding="utf-8")
    out = tmp_path / "out"
    extract([articles], out, nlp=rules, log=_quiet)
    documents_csv = (out / "documents.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in documents_csv and "\n=" not in documents_csv and ",=" not in documents_csv
    assert "\x00" not in (out / "events.csv").read_text(encoding="utf-8")
    # the Parquet keeps the true text
    assert pd.read_parquet(out / "documents.parquet")["doc_id"].tolist() == ["=HYPERLINK(1)-2025-05-24"]


def test_claims_across_articles_are_written_and_linked_from_events(tmp_path, rules) -> None:
    articles = _folder(tmp_path / "in", {"a": "Kenya said 12 people died in floods on Friday.",
                                          "b": "Kenya said 14 people died in floods on Friday.",
                                          "c": "Peru said 3 miners were rescued on Tuesday."})
    out = tmp_path / "out"
    extract([articles], out, nlp=rules, log=_quiet)
    claims = pd.read_parquet(out / "claims.parquet")
    assert sorted(claims["quantity_value"]) == [12.0, 14.0] and claims["conflict"].all()
    events = pd.read_parquet(out / "events.parquet")
    linked = events[events["claim_id"].notna()]
    assert sorted(linked["event_id"]) == sorted(claims["event_id"])
    assert (out / "claims").is_dir() and (out / "claims.csv").exists()
    assert pd.read_parquet(out / "events")["claim_id"].notna().sum() == 2  # the dataset parts too
