"""The TempEval-3 scorer (lab/eval_dates.py) on small records written for the test."""
from __future__ import annotations

import pytest

from lab.eval_dates import Tally, Timex, evaluate, score_document


def test_relaxed_overlap_pairs_one_to_one() -> None:
    # gold "1991" and "1997"; ours one merged "1991 to 1997": as TempEval-3's scorer pairs them,
    # one system TIMEX3 finds one gold TIMEX3 (issue 15: this counted both gold as found)
    text = "from 1991 to 1997"
    gold = [Timex(5, 9, "1991", "DATE", "1991"), Timex(13, 17, "1997", "DATE", "1997")]
    ours = [Timex(5, 17, "1991 to 1997", "DATE", "1991")]
    tally = Tally()
    score_document(tally, "d", text, gold, ours)
    f = tally.figures()
    assert (f["relaxed_p"], f["relaxed_r"]) == (1.0, 0.5)
    assert (f["strict_p"], f["strict_r"]) == (0.0, 0.0)
    assert f["value_accuracy"] == 1.0 and f["value_f1"] == pytest.approx(2 / 3)
    assert len(tally.misses) == 1  # one-to-one pairing leaves "1997" without a value


def test_value_f1_is_relaxed_f1_times_value_accuracy() -> None:
    text = "on Friday and last week"
    gold = [Timex(3, 9, "Friday", "DATE", "2025-05-23"), Timex(14, 23, "last week", "DATE", "2025-W20")]
    ours = [Timex(3, 9, "Friday", "DATE", "2025-05-23"), Timex(14, 23, "last week", "DATE", "2025-W21"),
            Timex(0, 2, "on", "DATE", None)]
    tally = Tally()
    score_document(tally, "d", text, gold, ours)
    f = tally.figures()
    assert f["relaxed_r"] == 1.0 and f["relaxed_p"] == pytest.approx(2 / 3)
    assert f["value_accuracy"] == 0.5
    assert f["value_f1"] == pytest.approx(f["relaxed_f1"] * 0.5)
    assert f["recall_DATE"] == 1.0


def test_evaluate_uses_the_document_creation_time(nlp) -> None:
    record = {"doc_id": "t", "dct": "2013-03-22", "text": "Officials met on Thursday.",
              "timexes": [{"text": "Thursday", "start": 17, "end": 25, "type": "DATE", "value": "2013-03-21"}]}
    f = evaluate([record], nlp).figures()
    assert (f["relaxed_f1"], f["value_accuracy"]) == (1.0, 1.0)


def test_own_timeml_sets_are_well_formed() -> None:
    # the sets ship with the project: every span must point at its text, none may overlap
    import json

    from lab.eval_dates import OWN_SETS

    for name, path in OWN_SETS:
        assert path.exists(), name
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            spans = sorted((t["start"], t["end"]) for t in record["timexes"])
            assert all(record["text"][t["start"]:t["end"]] == t["text"] for t in record["timexes"]), record["doc_id"]
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), record["doc_id"]
            assert {t["type"] for t in record["timexes"]} <= {"DATE", "TIME", "DURATION", "SET"}


def test_format_table_widens_columns_for_long_set_names() -> None:
    from lab.eval_dates import format_table

    table = format_table({"own_natural2": {"gold": 10, "relaxed_f1": 0.5}, "train": {"gold": 3, "relaxed_f1": 1.0}})
    header, rule, *rows = table.splitlines()
    assert "own_natural2" in header and len({len(header), len(rule)} | {len(r) for r in rows}) == 1


def test_ewt_documents_keep_paragraphs_and_sentence_offsets(tmp_path) -> None:
    from lab.eval_dates import ewt_documents

    conllu = tmp_path / "x.conllu"
    conllu.write_text("# newdoc id = weblog-a\n# newpar\n# sent_id = 1\n# text = It rained Monday.\n1\tIt\n\n"
                      "# sent_id = 2\n# text = Then it stopped.\n1\tThen\n\n"
                      "# newpar\n# sent_id = 3\n# text = Fine today.\n1\tFine\n\n", encoding="utf-8")
    text, starts, sentences = ewt_documents(conllu)["weblog-a"]
    assert text == "It rained Monday. Then it stopped.\n\nFine today."
    assert [text[s:s + len(x)] for s, x in zip(starts, sentences)] == sentences


def _ewt_files(root, conllu: str, record: dict):
    """A treebank train split holding ``conllu`` under ``root`` and a one-line set file
    holding ``record``; returns the set file (rewrite it to change the record)."""
    import json

    (root / "ud_english_ewt").mkdir(exist_ok=True)
    (root / "ud_english_ewt" / "en_ewt-ud-train.conllu").write_text(conllu, encoding="utf-8")
    path = root / "set.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_ewt_annotation_is_read_at_its_offsets_or_named_as_wrong(tmp_path) -> None:
    from lab.eval_dates import read_ewt_set

    good = {"doc_id": "weblog-a", "split": "train", "dct": "2004-04-09",
            "timexes": [{"sent": 1, "start": 10, "end": 16, "text": "Monday", "type": "DATE", "value": "2004-04-05"}]}
    conllu = "# newdoc id = weblog-a\n# text = Hi.\n1\tHi\n\n# text = It rained Monday.\n1\tIt\n\n"
    path = _ewt_files(tmp_path, conllu, good)
    [record] = read_ewt_set(path, tmp_path)
    [timex] = record["timexes"]
    assert record["text"][timex["start"]:timex["end"]] == "Monday"
    good["timexes"][0]["start"] = 9
    _ewt_files(tmp_path, conllu, good)
    with pytest.raises(ValueError, match=r"set\.jsonl:1: 'Monday' is not at 9-16"):
        read_ewt_set(path, tmp_path)


def test_shipped_ewt_annotation_points_at_the_treebank_text() -> None:
    from conftest import require_shared

    from lab.eval_dates import EWT_SETS, read_ewt_set

    corpora = require_shared("corpora")
    for name, path in EWT_SETS:
        records = read_ewt_set(path, corpora)  # raises on any span that misses its text
        assert records and all(r["text"] for r in records), name


def test_ewt_annotation_names_a_missing_sentence_and_a_missing_split(tmp_path) -> None:
    from lab.eval_dates import read_ewt_set

    conllu = "# newdoc id = weblog-a\r\n# text = It rained Monday.\r\n1\tIt\r\n\r\n"
    record = {"doc_id": "weblog-a", "split": "train", "dct": "2004-04-09",
              "timexes": [{"sent": 3, "start": 0, "end": 2, "text": "It", "type": "DATE", "value": "X"}]}
    path = _ewt_files(tmp_path, conllu, record)
    with pytest.raises(ValueError, match=r"set\.jsonl:1: no sentence 3 in weblog-a"):
        read_ewt_set(path, tmp_path)
    record["timexes"] = [{"sent": 0, "start": 10, "end": 16, "text": "Monday", "type": "DATE", "value": "X"}]
    _ewt_files(tmp_path, conllu, record)
    assert read_ewt_set(path, tmp_path)[0]["text"] == "It rained Monday."  # no \r kept
    record["split"] = "dev"
    _ewt_files(tmp_path, conllu, record)
    with pytest.raises(FileNotFoundError, match=r"set\.jsonl:1: .*en_ewt-ud-dev\.conllu not found"):
        read_ewt_set(path, tmp_path)
