"""End to end on a small temporary folder: the three tables against ../shared/spec/TABLES.md.

The pipeline runs in process (pipeline.running.extract with the session's nlp);
tests/test_cli.py drives the same through the command line.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipeline.tables
from pipeline.reading import read_articles
from pipeline.running import extract
from pipeline.tables import SCHEMA_VERSION

REFERENCE = dt.date(2025, 5, 10)

# The columns TABLES.md lists, with their contract types.
EVENTS_COLUMNS = {
    "event_id": "string", "doc_id": "string", "published": "date", "sentence_index": "int",
    "sentence": "string", "actor": "string", "actor_text": "string", "actor_type": "string",
    "actor_country": "string", "actor_role": "string", "actor_char_start": "int",
    "actor_char_end": "int", "predicate": "string", "counterpart": "string",
    "quantity_text": "string", "quantity_value": "float", "quantity_low": "float",
    "quantity_high": "float", "quantity_modifier": "string", "quantity_unit": "string",
    "quantity_char_start": "int", "quantity_char_end": "int", "date_text": "string",
    "date_start": "date", "date_end": "date", "date_granularity": "string",
    "date_char_start": "int", "date_char_end": "int",
    # schema 1.1
    "quantity_kind": "string", "quantity_mention_id": "string", "date_mention_id": "string",
    "actor_mention_id": "string", "side_key": "string",
}
MENTIONS_COLUMNS = {
    "doc_id": "string", "label": "string", "text": "string", "char_start": "int", "char_end": "int",
    "quantity_value": "float", "quantity_low": "float", "quantity_high": "float",
    "quantity_modifier": "string", "quantity_unit": "string", "date_start": "date",
    "date_end": "date", "date_granularity": "string", "actor": "string", "actor_type": "string",
    "actor_country": "string", "timex_type": "string", "timex_value": "string",
    # schema 1.1
    "mention_id": "string", "quantity_kind": "string",
}
DOCUMENTS_COLUMNS = {
    "doc_id": "string", "path": "string", "published": "date", "published_from": "string",
    "n_chars": "int", "n_sentences": "int", "n_mentions": "int", "n_events": "int",
    "status": "string", "error": "string",
}
COLUMNS = {"events": EVENTS_COLUMNS, "mentions": MENTIONS_COLUMNS, "documents": DOCUMENTS_COLUMNS}
ARROW_TYPES = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}

SWAP = ("Prisoners come home\n"
        "Ukrainian President Volodymyr Zelensky said Saturday that 412 troops had returned home. "
        "Russia's defense ministry said the same number of soldiers were brought back.\n"
        "At least 8,000 Ukrainians remain in captivity, an official said earlier this month.\n"
        "In two days 800 people have been brought home, the ministry said on Friday.\n")
UNDATED = "Russia launched 90 drones overnight Friday, the air force said.\n"

#: file name -> expected status in the documents table (doc ids below).
INPUT_STATUS = {
    "kyiv-swap-2025-05-24.txt": "ok",
    "undated.txt": "ok",
    "nested/front.md": "ok",
    "feed.jsonl": "ok",  # two good lines and one malformed (see DOC_STATUS)
    "empty.txt": "error",
    "latin1.txt": "error",
    "notes.pdf": "skipped",
}
DOC_STATUS = {
    "kyiv-swap-2025-05-24": "ok", "undated": "ok", "front-story": "ok", "f1": "ok", "f2": "ok",
    "feed-3": "error", "empty": "error", "latin1": "error", "notes": "skipped",
}


def make_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "kyiv-swap-2025-05-24.txt").write_text(SWAP, encoding="utf-8")
    (root / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (root / "nested").mkdir(exist_ok=True)
    (root / "nested" / "front.md").write_text(
        "---\nid: front-story\npublished: 2025-05-20\n---\nMoscow said 12 drones fell on Monday.\n",
        encoding="utf-8")
    (root / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "f1", "text": "Kyiv said about 40 missiles hit the city on Sunday.",
                    "published": "2025-05-19"}),
        json.dumps({"id": "f2", "body": "Officials said 25 to 61 people were hurt last week.",
                    "date": "2025-05-24"}),
        '{"id": "f3", "text": ',
    ]) + "\n", encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "latin1.txt").write_bytes("Caf\u00e9 owners said 12 windows broke.\n".encode("latin-1"))
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    return root


def quiet(message: str) -> None:
    pass


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("tables") / "articles")


@pytest.fixture(scope="module")
def run(corpus, tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("tables_out") / "out"
    result = extract([corpus], out, reference_date=REFERENCE, nlp=nlp, log=quiet)
    return out, result


@pytest.fixture(scope="module")
def tables(run) -> dict[str, pd.DataFrame]:
    out, _ = run
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in COLUMNS}


@pytest.fixture(scope="module")
def texts(corpus) -> dict[str, str]:
    return {a.doc_id: a.text for a in read_articles([corpus], REFERENCE) if a.text is not None}


def nonnull(series: pd.Series) -> list:
    return [v for v in series.tolist() if v is not None and not (isinstance(v, float) and pd.isna(v))]


# ---------------------------------------------------------------- files and manifest


def test_files_written(run) -> None:
    out, result = run
    names = sorted(p.name for p in out.iterdir())
    assert names == [".cache", ".lock", "claims", "claims.csv", "claims.parquet", "documents", "documents.csv",
                     "documents.parquet", "events", "events.csv", "events.parquet", "mentions", "mentions.csv",
                     "mentions.parquet", "run.json"]
    assert sorted(p.name for p in result.files) == names[2:]  # the row cache and the lock are no output


def test_manifest(run, tables) -> None:
    out, result = run
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["schema_version"] == SCHEMA_VERSION
    for package in ("python", "spacy", "pandas", "pyarrow", "pipeline"):
        assert manifest["packages"][package]
    counts = manifest["counts"]
    assert counts["documents"] == len(tables["documents"]) == len(DOC_STATUS)
    assert counts["events"] == len(tables["events"])
    assert counts["mentions"] == len(tables["mentions"])
    assert counts["documents_by_status"] == {"error": 3, "ok": 5, "skipped": 1}
    assert isinstance(manifest["seconds"], (int, float)) and manifest["seconds"] >= 0
    assert manifest["reference_date"] == REFERENCE.isoformat()


# ---------------------------------------------------------------- columns and types


@pytest.mark.parametrize("name", list(COLUMNS))
def test_columns_listed_in_contract_are_present(tables, name) -> None:
    missing = set(COLUMNS[name]) - set(tables[name].columns)
    assert not missing


@pytest.mark.parametrize("name", list(COLUMNS))
def test_parquet_types_match_contract(run, name) -> None:
    out, _ = run
    schema = pq.read_schema(out / f"{name}.parquet")
    for column, kind in COLUMNS[name].items():
        assert schema.field(column).type == ARROW_TYPES[kind], column


@pytest.mark.parametrize("name", list(COLUMNS))
def test_pandas_types_after_read_parquet(tables, name) -> None:
    frame = tables[name]
    assert len(frame) > 0
    for column, kind in COLUMNS[name].items():
        values = nonnull(frame[column])
        if kind == "date":
            # dates come back as datetime.date objects, not timestamps or strings
            assert all(type(v) is dt.date for v in values), column
        elif kind == "int":
            if frame[column].isna().any():
                # pandas holds a nullable int64 column as float; every value is whole
                assert all(float(v).is_integer() for v in values), column
            else:
                assert pd.api.types.is_integer_dtype(frame[column]), column
        elif kind == "float":
            assert pd.api.types.is_float_dtype(frame[column]), column
        else:
            assert all(isinstance(v, str) for v in values), column


@pytest.mark.parametrize("name", list(COLUMNS))
def test_csv_matches_parquet(run, tables, name) -> None:
    out, _ = run
    csv = pd.read_csv(out / f"{name}.csv", keep_default_na=True)
    assert list(csv.columns) == list(tables[name].columns)
    assert len(csv) == len(tables[name])
    key = {"events": "event_id", "mentions": "char_start", "documents": "doc_id"}[name]
    assert csv[key].astype(str).tolist() == tables[name][key].astype(str).tolist()


# ---------------------------------------------------------------- documents


def test_every_input_file_is_in_documents(tables, corpus) -> None:
    docs = tables["documents"]
    paths = {str(Path(corpus.name) / name) for name in INPUT_STATUS}
    assert set(docs["path"]) == paths
    for name, status in INPUT_STATUS.items():
        rows = docs[docs["path"] == str(Path(corpus.name) / name)]
        assert status in set(rows["status"]), name


def test_document_statuses_and_errors(tables) -> None:
    docs = tables["documents"].set_index("doc_id")
    assert docs["status"].to_dict() == DOC_STATUS
    for doc_id, row in docs.iterrows():
        if row["status"] == "ok":
            assert row["n_sentences"] >= 1
        else:
            assert isinstance(row["error"], str) and row["path"] in row["error"], doc_id
            assert (row["n_mentions"], row["n_events"]) == (0, 0)
    assert ":3:" in docs.loc["feed-3", "error"]


def test_document_counts_match_tables(tables, texts) -> None:
    docs = tables["documents"].set_index("doc_id")
    for doc_id, row in docs[docs["status"] == "ok"].iterrows():
        assert row["n_chars"] == len(texts[doc_id])
        assert row["n_mentions"] == (tables["mentions"]["doc_id"] == doc_id).sum()
        assert row["n_events"] == (tables["events"]["doc_id"] == doc_id).sum()


def test_published_and_where_it_came_from(tables) -> None:
    docs = tables["documents"].set_index("doc_id")
    got = {d: (docs.loc[d, "published"], docs.loc[d, "published_from"])
           for d in ("kyiv-swap-2025-05-24", "undated", "front-story", "f1", "f2")}
    assert got == {
        "kyiv-swap-2025-05-24": (dt.date(2025, 5, 24), "filename"),
        "undated": (REFERENCE, "cli"),
        "front-story": (dt.date(2025, 5, 20), "front_matter"),
        "f1": (dt.date(2025, 5, 19), "record"),
        "f2": (dt.date(2025, 5, 24), "record"),
    }


# ---------------------------------------------------------------- events and mentions


def test_event_offsets_point_into_the_text(tables, texts) -> None:
    events = tables["events"]
    assert len(events) > 0
    for _, row in events.iterrows():
        text = texts[row["doc_id"]]
        for prefix, surface in (("quantity", "quantity_text"), ("date", "date_text"), ("actor", "actor_text")):
            if pd.isna(row[f"{prefix}_char_start"]):
                assert pd.isna(row[f"{prefix}_char_end"]) and row[surface] is None
                continue
            start, end = int(row[f"{prefix}_char_start"]), int(row[f"{prefix}_char_end"])
            assert text[start:end] == row[surface], (row["doc_id"], prefix)


def test_mention_offsets_point_into_the_text(tables, texts) -> None:
    mentions = tables["mentions"]
    assert set(mentions["label"]) == {"QUANTITY", "DATE", "ACTOR"}
    for _, row in mentions.iterrows():
        assert texts[row["doc_id"]][row["char_start"]:row["char_end"]] == row["text"]


def test_front_matter_offsets_point_into_the_file(tables, corpus) -> None:
    raw = (corpus / "nested" / "front.md").read_text(encoding="utf-8")
    mentions = tables["mentions"]
    front = mentions[mentions["doc_id"] == "front-story"]
    assert {"12", "Monday"} <= set(front["text"])
    for _, row in front.iterrows():
        assert raw[row["char_start"]:row["char_end"]] == row["text"]


def test_events_carry_published_and_sentence(tables, texts) -> None:
    docs = tables["documents"].set_index("doc_id")
    for _, row in tables["events"].iterrows():
        assert row["published"] == docs.loc[row["doc_id"], "published"]
        assert row["sentence"] and row["sentence"] in texts[row["doc_id"]]
        if not pd.isna(row["quantity_char_start"]):
            assert row["quantity_text"] in row["sentence"]
        assert not (pd.isna(row["quantity_char_start"]) and pd.isna(row["date_char_start"]))


def test_event_values_in_a_small_article(tables) -> None:
    events = tables["events"]
    swap = events[events["doc_id"] == "kyiv-swap-2025-05-24"]

    def rows(text: str) -> pd.DataFrame:
        found = swap[swap["quantity_text"] == text]
        assert len(found) >= 1, text
        return found

    troops = rows("412")
    assert (troops["quantity_value"] == 412.0).all() and (troops["quantity_unit"] == "troop").all()
    assert ((troops["date_text"] == "Saturday") & (troops["date_start"] == dt.date(2025, 5, 24))).any()
    assert (rows("the same number")["quantity_value"] == 412.0).all()
    bound = rows("At least 8,000").iloc[0]
    assert pd.isna(bound["quantity_value"]) and bound["quantity_low"] == 8000.0 \
        and pd.isna(bound["quantity_high"]) and bound["quantity_modifier"] == "at_least"


def test_reference_date_resolves_undated_article(tables) -> None:
    events = tables["events"]
    row = events[(events["doc_id"] == "undated") & (events["quantity_text"] == "90")].iloc[0]
    assert row["published"] == REFERENCE
    # REFERENCE is a Saturday: past-tense "overnight Friday" is the day before
    assert (row["date_text"], row["date_start"], row["date_end"]) == \
        ("overnight Friday", dt.date(2025, 5, 9), dt.date(2025, 5, 9))


def test_durations_are_mentions_never_event_dates(tables) -> None:
    mentions = tables["mentions"]
    durations = mentions[mentions["timex_type"] == "DURATION"]
    assert "P2D" in set(durations["timex_value"])
    spans = set(zip(durations["doc_id"], durations["char_start"]))
    events = tables["events"]
    dated = events[events["date_char_start"].notna()]
    assert not {(d, int(s)) for d, s in zip(dated["doc_id"], dated["date_char_start"])} & spans


def test_event_ids_unique(tables) -> None:
    assert tables["events"]["event_id"].is_unique


# ---------------------------------------------------------------- stability


def test_two_runs_give_identical_tables(run, corpus, tmp_path, nlp) -> None:
    out, _ = run
    again = tmp_path / "again"
    extract([corpus], again, reference_date=REFERENCE, nlp=nlp, log=quiet)
    for name in COLUMNS:
        first = pd.read_parquet(out / f"{name}.parquet")
        second = pd.read_parquet(again / f"{name}.parquet")
        pd.testing.assert_frame_equal(first, second)
    first_ids = pd.read_parquet(out / "events.parquet")["event_id"].tolist()
    assert first_ids == pd.read_parquet(again / "events.parquet")["event_id"].tolist()


def test_event_ids_do_not_depend_on_other_files(run, corpus, tmp_path, nlp) -> None:
    out, _ = run
    alone = tmp_path / "alone"
    extract([corpus / "kyiv-swap-2025-05-24.txt"], alone, nlp=nlp, log=quiet)
    full = pd.read_parquet(out / "events.parquet")
    expected = full[full["doc_id"] == "kyiv-swap-2025-05-24"]["event_id"].tolist()
    assert pd.read_parquet(alone / "events.parquet")["event_id"].tolist() == expected


# ---------------------------------------------------------------- atomic writing


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every output file's bytes (the row cache aside: a failed run keeps what it computed)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(folder).parts}


def _fail_on_second_table(monkeypatch) -> list:
    calls: list = []
    real = pipeline.tables.pq.write_table

    def flaky(table, where, *args, **kwargs):
        calls.append(Path(where))
        if len(calls) == 2:
            raise OSError("disk full (simulated)")
        return real(table, where, *args, **kwargs)

    monkeypatch.setattr(pipeline.tables.pq, "write_table", flaky)
    return calls


def test_failed_write_keeps_previous_tables(corpus, tmp_path, monkeypatch, nlp) -> None:
    out = tmp_path / "out"
    extract([corpus], out, reference_date=REFERENCE, nlp=nlp, log=quiet)
    before = _snapshot(out)
    calls = _fail_on_second_table(monkeypatch)
    # a different input, so that a replaced file would differ
    with pytest.raises(OSError, match="simulated"):
        extract([corpus / "undated.txt"], out, reference_date=REFERENCE, nlp=nlp, log=quiet)
    assert len(calls) == 2
    # the first table went to a staging folder inside the output, never straight to its final name
    assert calls[0].is_relative_to(out) and calls[0].parent.parent.name.startswith(".staging-")
    assert _snapshot(out) == before  # nothing replaced, nothing half written, no temp left
    assert not list(out.glob(".staging-*"))


def test_failed_write_into_new_folder_leaves_no_files(corpus, tmp_path, monkeypatch, nlp) -> None:
    out = tmp_path / "fresh"
    _fail_on_second_table(monkeypatch)
    with pytest.raises(OSError, match="simulated"):
        extract([corpus], out, reference_date=REFERENCE, nlp=nlp, log=quiet)
    # no table at all; the rows computed before the failure stay in the cache for the next run
    assert not out.exists() or sorted(p.name for p in out.iterdir()) in ([], [".cache", ".lock"], [".lock"])


def test_regression_csv_offsets_are_written_as_integers(run) -> None:
    """Offsets with nulls in the column were written to CSV as 10.0, 16.0."""
    out, _ = run
    header = (out / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    columns = [c.strip('"') for c in header.split(",")]
    events = pd.read_csv(out / "events.csv", dtype=str, keep_default_na=False)
    assert list(events.columns) == columns
    for column in ("quantity_char_start", "date_char_start", "actor_char_start"):
        values = [v for v in events[column] if v]
        assert values and all(v.isdigit() for v in values), (column, values[:5])


# ---------------------------------------------------------------- schema 1.1: ids and kinds (issue 15)


def test_each_mention_has_a_stable_unique_id(tables) -> None:
    mentions = tables["mentions"]
    assert mentions["mention_id"].notna().all() and mentions["mention_id"].is_unique


def test_events_join_to_the_mentions_they_are_made_of(tables) -> None:
    events, mentions = tables["events"], tables["mentions"].set_index("mention_id")
    for column, text, start in (("quantity_mention_id", "quantity_text", "quantity_char_start"),
                                ("date_mention_id", "date_text", "date_char_start"),
                                ("actor_mention_id", "actor_text", "actor_char_start")):
        linked = events[events[column].notna()]
        assert len(linked), column
        joined = mentions.loc[linked[column]]
        assert joined["text"].tolist() == linked[text].tolist()
        assert joined["char_start"].tolist() == linked[start].tolist()
    # every event with a number links its number's mention
    assert events.loc[events["quantity_text"].notna(), "quantity_mention_id"].notna().all()


def test_quantity_kind_says_what_a_number_is(tables) -> None:
    events = tables["events"]
    kinds = dict(zip(events["quantity_text"], events["quantity_kind"]))
    assert set(events["quantity_kind"].dropna()) <= {"count", "money", "percent", "measure", "ratio"}
    money = events[events["quantity_kind"] == "money"]
    assert money["quantity_unit"].str.fullmatch("[A-Z]{3}").all()  # ISO 4217 codes
    assert kinds.get("412") == "count"
    assert events.loc[events["quantity_text"].isna(), "quantity_kind"].isna().all()  # a date alone has none


# a TIMEX3 value as TimeML and TimeBank write them: dates and weeks, quarters, halves,
# seasons, weekends, parts of days and clock times, durations (X for an unknown amount, C/E/L
# as TimeBank writes centuries and millennia), the reference words and sets' periods
_TIMEX3_VALUE = (r"(?:(?:\d{4}|\d{3}X|\d{2}XX|XXXX|\d{2}|\d{3})(?:-(?:\d{2}|XX|W\d{2}|WXX|Q[1-4]|QX|H[12]|SP|SU|FA|WI))?"
                 r"(?:-(?:\d{2}|XX|WE|[1-7]))?(?:T(?:\d{2}(?::\d{2})?|MO|AF|EV|NI|DT|MI))?"
                 r"|P(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|H|DE|CE|C|E|L|Q|WE)|PT(?:\d+(?:\.\d+)?|X)[HMS](?:\d+M)?"
                 r"|PRESENT_REF|PAST_REF|FUTURE_REF|T\d{2}(?::\d{2})?|TXX)")


def test_regression_a_year_range_was_written_as_one_timex_value_that_timeml_has_not(parse, tmp_path, nlp) -> None:
    # "2009-2010" went to mentions as one row with timex_value 2009/2010: no TIMEX3 value. Now the
    # range is one DATE row (its interval, for the events) and its ends two TIMEX rows
    article = tmp_path / "in" / "story-2025-05-24.txt"
    article.parent.mkdir()
    article.write_text("Output fell in 2009-2010 and rose from 1991 to 1997, officials said on Monday.\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    extract([article.parent], out, nlp=nlp, log=quiet, cache=False)
    mentions = pd.read_parquet(out / "mentions.parquet")
    timexes = mentions[mentions["timex_value"].notna()]
    assert timexes["timex_value"].str.fullmatch(_TIMEX3_VALUE).all(), timexes["timex_value"].tolist()
    assert {"2009", "2010", "1991", "1997"} <= set(timexes["timex_value"])
    ranges = mentions[(mentions["label"] == "DATE") & mentions["timex_value"].isna()]
    assert len(ranges) == 2 and ranges["date_start"].notna().all()
    parts = mentions[mentions["label"] == "TIMEX"]
    assert len(parts) == 4


def test_the_sides_of_one_joint_figure_share_a_side_key(parse, tmp_path, nlp) -> None:
    article = tmp_path / "in" / "swap-2025-05-24.txt"
    article.parent.mkdir()
    article.write_text("Russia and Ukraine each freed 390 prisoners on Friday. Kenya said 12 people died.\n",
                       encoding="utf-8")
    extract([article.parent], tmp_path / "out", nlp=nlp, log=quiet, cache=False)
    events = pd.read_parquet(tmp_path / "out" / "events.parquet")
    swap = events[events["quantity_text"] == "390"]
    assert sorted(swap["actor"]) == ["Russia", "Ukraine"] and swap["side_key"].nunique() == 1
    assert events.drop_duplicates("side_key")["quantity_value"].sum() == 390 + 12  # each figure once
