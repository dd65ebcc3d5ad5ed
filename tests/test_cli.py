"""The command line end to end: ``python -m pipeline extract DIR --out OUT``.

Subprocess runs are few (each loads spaCy); the in-process ones call
pipeline.__main__.main([...]).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_tables import COLUMNS, DOC_STATUS, REFERENCE, make_corpus

from pipeline.__main__ import main

PROJECT = Path(__file__).resolve().parents[1]
# the single files, the dataset folders, run.json and the row cache
TABLE_FILES = sorted([*(f"{n}.{ext}" for n in [*COLUMNS, "claims"] for ext in ("parquet", "csv")), *COLUMNS, "claims",
                      "run.json", ".cache", ".lock"])


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=PROJECT,
                          capture_output=True, text=True, timeout=300)


def read_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in COLUMNS}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("cli") / "articles")


@pytest.fixture(scope="module")
def in_process(corpus, tmp_path_factory) -> Path:
    """main([...]) with one worker: the reference output."""
    out = tmp_path_factory.mktemp("cli_out") / "one"
    # exit status 1: the tables are written, and some documents are errors (the bad files)
    assert main(["extract", str(corpus), "--out", str(out),
                 "--reference-date", REFERENCE.isoformat()]) == 1
    return out


def test_subprocess_extract(corpus, tmp_path, in_process) -> None:
    out = tmp_path / "out"
    done = cli("extract", str(corpus), "--out", str(out), "--reference-date", REFERENCE.isoformat())
    assert done.returncode == 1, done.stderr
    assert sorted(p.name for p in out.iterdir()) == TABLE_FILES
    assert f"{len(DOC_STATUS)} documents" in done.stderr and str(out) in done.stdout
    # bad inputs are reported on stderr, naming the file
    assert "empty.txt" in done.stderr and "latin1.txt" in done.stderr
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["schema_version"] and manifest["packages"]["spacy"]
    assert manifest["counts"]["documents"] == len(DOC_STATUS)
    assert isinstance(manifest["seconds"], (int, float))
    # the same tables as the in-process run
    for name, frame in read_tables(out).items():
        pd.testing.assert_frame_equal(frame, read_tables(in_process)[name])


def test_two_workers_give_the_same_tables(corpus, tmp_path, in_process) -> None:
    out = tmp_path / "two"
    done = cli("extract", str(corpus), "--out", str(out), "--reference-date", REFERENCE.isoformat(),
               "--workers", "2", "--batch-size", "1")
    assert done.returncode == 1, done.stderr
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["workers"] == 2
    one, two = read_tables(in_process), read_tables(out)
    for name in COLUMNS:
        pd.testing.assert_frame_equal(two[name], one[name])


def test_main_in_process_writes_tables(in_process, capsys) -> None:
    assert sorted(p.name for p in in_process.iterdir()) == TABLE_FILES
    docs = read_tables(in_process)["documents"].set_index("doc_id")
    assert docs["status"].to_dict() == DOC_STATUS
    assert (docs.loc["undated", "published"], docs.loc["undated", "published_from"]) == (REFERENCE, "cli")


def test_main_prints_a_summary(corpus, tmp_path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(corpus / "undated.txt"), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "1 documents" in printed.err and str(out) in printed.out
    # and it says, loudly, that the document had no reference date
    assert "undated.txt: no reference date" in printed.err
    assert "1 documents without a reference date" in printed.err
    docs = read_tables(out)["documents"]
    # no --reference-date and nothing else dates it: published stays null, never the clock
    assert docs["published"].isna().all() and docs["published_from"].isna().all()
    events = read_tables(out)["events"]
    assert events["date_start"].isna().all()


def test_main_several_inputs(corpus, tmp_path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(corpus / "undated.txt"), str(corpus / "nested"), "--out", str(out)]) == 0
    assert set(read_tables(out)["documents"]["doc_id"]) == {"undated", "front-story"}


def test_missing_input_is_exit_code_2(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    assert "nowhere" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("extra", [
    ["--reference-date", "24/05/2025"],
    ["--workers", "0"],
    ["--batch-size", "-1"],
])
def test_bad_arguments_are_usage_errors(tmp_path, extra, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(tmp_path), "--out", str(tmp_path / "out"), *extra])
    assert exit_info.value.code == 2
    assert "error" in capsys.readouterr().err


def test_reference_date_option_parses_iso(corpus, tmp_path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(corpus / "undated.txt"), "--out", str(out),
                 "--reference-date", "2025-05-24"]) == 0
    events = read_tables(out)["events"]
    row = events[events["quantity_text"] == "90"].iloc[0]
    assert (row["published"], row["date_start"]) == (dt.date(2025, 5, 24), dt.date(2025, 5, 23))


def test_a_model_that_cannot_load_is_a_clear_error(tmp_path, capsys) -> None:
    from pipeline.__main__ import main
    article = tmp_path / "a.txt"
    article.write_text("Kyiv said 12 drones fell on Friday.", encoding="utf-8")
    code = main(["extract", str(article), "--out", str(tmp_path / "out"), "--spacy-model", "no_such_model_xyz"])
    assert code == 2
    assert "error:" in capsys.readouterr().err


def test_a_failing_document_keeps_its_neighbours_rows_their_own(tmp_path) -> None:
    # the second article's year 1 makes a component raise; spaCy drops that Doc, and rows were
    # once paired with articles by position: a2 got a3's events, a4 none, all 'ok'
    articles = [("a1", "2025-05-24", "Ukraine said 307 troops returned on Saturday."),
                ("a2", "0001-01-01", "Russia said 120 soldiers came back last week."),
                ("a3", "2025-05-24", "Kenya said 12 people died on Friday."),
                ("a4", "2025-05-24", "Poland said 50 tanks arrived on Monday.")]
    source = tmp_path / "four.jsonl"
    source.write_text("".join(json.dumps({"id": i, "published": f"{p}T00:00:00Z", "text": t}) + "\n"
                              for i, p, t in articles), encoding="utf-8")
    tables = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        assert main(["extract", str(source), "--out", str(out), "--workers", workers]) == 1  # a2's error
        documents = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
        events = pd.read_parquet(out / "events.parquet")
        assert documents.loc["a2", "status"] == "error" and "four.jsonl" in documents.loc["a2", "error"]
        assert (documents.drop(index="a2")["status"] == "ok").all()
        figures = dict(zip(events["doc_id"], events["quantity_text"]))
        assert figures == {"a1": "307", "a3": "12", "a4": "50"}
        tables[workers] = events.drop(columns=["event_id"])
    assert tables["1"].equals(tables["2"])  # the same for any --workers


def test_sigterm_ends_the_run_with_one_line_and_the_previous_tables_intact(tmp_path) -> None:
    import signal
    import time

    articles = tmp_path / "articles"
    articles.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "corpus" / "articles").glob("*.txt"))]
    for k in range(400):  # long enough to be killed midway
        (articles / f"story-{k:04d}-2025-05-24.txt").write_text(texts[k % len(texts)], encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.parquet").write_bytes(b"the previous run's table")
    child = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(articles), "--out", str(out),
                              "--spacy-model", "none", "--no-cache"], cwd=PROJECT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    time.sleep(6)  # spaCy loaded, articles under way
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=120)
    assert child.returncode == 143, err[-2000:]
    assert err.strip().splitlines()[-1].startswith("interrupted:") and "Traceback" not in err
    assert (out / "events.parquet").read_bytes() == b"the previous run's table"
    assert not list(out.glob(".staging-*"))


def test_max_chars_and_doc_timeout_are_options(corpus, tmp_path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(corpus / "undated.txt"), "--out", str(out), "--max-chars", "10",
                 "--doc-timeout", "0"]) == 1
    documents = read_tables(out)["documents"]
    assert documents["error"].iloc[0].endswith("over --max-chars 10; split the text or raise the limit")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children")
        if children.exists():
            found |= {int(c) for c in children.read_text().split()}
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's parent-death signal")
def test_regression_workers_outlived_a_killed_parent(tmp_path) -> None:
    import os
    import signal
    import time

    articles = tmp_path / "articles"
    articles.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "corpus" / "articles").glob("*.txt"))]
    for k in range(600):
        (articles / f"story-{k:04d}-2025-05-24.txt").write_text(texts[k % len(texts)], encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(articles), "--out", str(tmp_path / "out"),
                              "--spacy-model", "none", "--no-cache", "--workers", "2"], cwd=PROJECT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.2)
        workers = _children(child.pid)
    assert len(workers) >= 2, "the workers did not start"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    deadline = time.monotonic() + 20
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = {pid for pid in workers if Path(f"/proc/{pid}").exists()
                 and "Z" not in Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[:1]}
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, f"workers {sorted(alive)} outlived their parent"
