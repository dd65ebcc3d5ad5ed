"""Tests for pipeline.reading: articles in, one Article per article out (files written to tmp_path)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.reading import Article, dateline_date, parse_date, read_articles

BODY = "Kyiv said 412 troops returned on Saturday.\nMoscow confirmed the swap.\n"


def write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def read(root: Path, reference_date: date | None = None) -> list[Article]:
    return list(read_articles([root], reference_date))


def only(root: Path, reference_date: date | None = None) -> Article:
    articles = read(root, reference_date)
    assert len(articles) == 1, articles
    return articles[0]


def rel(root: Path, name: str) -> str:
    """The path the reader reports for root/name (the folder's name, then the file)."""
    return str(Path(root.name) / name)


# ---------------------------------------------------------------- formats


def test_plain_text(tmp_path) -> None:
    write(tmp_path, "swap-story.txt", BODY)
    a = only(tmp_path)
    assert (a.doc_id, a.path, a.text, a.status, a.error) == \
        ("swap-story", rel(tmp_path, "swap-story.txt"), BODY, "ok", None)
    assert (a.published, a.published_from) == (None, None)


def test_text_is_kept_exactly_as_read_crlf_included(tmp_path) -> None:
    content = "Headline here\r\nKyiv said 412 troops returned.\r\n"
    write(tmp_path, "crlf.txt", content)
    assert only(tmp_path).text == content


def test_markdown_front_matter_gives_published_and_keeps_offsets(tmp_path) -> None:
    front = "---\npublished: 2025-05-24\nid: swap-md\ntitle: The swap\n---\n"
    content = front + BODY
    write(tmp_path, "story.md", content)
    a = only(tmp_path)
    assert a.status == "ok"
    assert (a.doc_id, a.title) == ("swap-md", "The swap")
    assert (a.published, a.published_from) == (date(2025, 5, 24), "front_matter")
    # blanked, not removed: same length, body at the same offsets, newlines kept
    assert len(a.text) == len(content)
    assert a.text[len(front):] == BODY
    assert a.text[:len(front)].strip() == ""
    assert a.text.count("\n") == content.count("\n")
    at = content.index("412")
    assert a.text[at:at + 3] == "412"


def test_markdown_without_front_matter(tmp_path) -> None:
    write(tmp_path, "plain.md", "# Swap\n\n" + BODY)
    a = only(tmp_path)
    assert (a.doc_id, a.text, a.status) == ("plain", "# Swap\n\n" + BODY, "ok")


@pytest.mark.parametrize("text_key", ["text", "body", "content"])
@pytest.mark.parametrize("date_key", ["published", "date", "published_at"])
def test_json_keys(tmp_path, text_key, date_key) -> None:
    write(tmp_path, "one.json", json.dumps({"id": "j1", text_key: BODY, date_key: "2025-05-24"}))
    a = only(tmp_path)
    assert (a.doc_id, a.text, a.status) == ("j1", BODY, "ok")
    assert (a.published, a.published_from) == (date(2025, 5, 24), "record")


def test_json_datetime_published(tmp_path) -> None:
    write(tmp_path, "one.json", json.dumps({"text": BODY, "published_at": "2025-05-24T18:30:00Z"}))
    a = only(tmp_path)
    assert (a.doc_id, a.published) == ("one", date(2025, 5, 24))


def test_jsonl_one_article_per_line(tmp_path) -> None:
    lines = [{"id": "first", "text": "Kyiv said 412 troops returned."},
             {"text": "Moscow confirmed the swap.", "date": "2025-05-23"},
             {"doc_id": "third", "body": "Talks resume on Monday."}]
    write(tmp_path, "batch.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    got = [(a.doc_id, a.text, a.status, a.published) for a in read(tmp_path)]
    assert got == [("first", "Kyiv said 412 troops returned.", "ok", None),
                   ("batch-2", "Moscow confirmed the swap.", "ok", date(2025, 5, 23)),
                   ("third", "Talks resume on Monday.", "ok", None)]


def test_folders_are_read_recursively_in_stable_order(tmp_path) -> None:
    write(tmp_path, "b.txt", BODY)
    write(tmp_path, "sub/a.txt", BODY)
    write(tmp_path, "sub/deeper/c.txt", BODY)
    write(tmp_path, ".hidden/d.txt", BODY)
    write(tmp_path, ".e.txt", BODY)
    articles = [a for a in read(tmp_path) if a.status == "ok"]
    assert [a.path for a in articles] == [rel(tmp_path, "b.txt"), rel(tmp_path, "sub/a.txt"),
                                          rel(tmp_path, "sub/deeper/c.txt")]
    assert [a.doc_id for a in articles] == ["b", "a", "c"]


def test_regression_hidden_entries_broken_links_and_unreadable_folders_were_missing_silently(tmp_path) -> None:
    import os

    write(tmp_path, "b.txt", BODY)
    write(tmp_path, ".hidden/d.txt", BODY)  # one row for the folder; it is not descended
    write(tmp_path, ".e.txt", BODY)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    locked = tmp_path / "locked"
    write(tmp_path, "locked/f.txt", BODY)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who reads any folder (root)")
        rows = {a.path.split("/", 1)[1]: (a.status, a.error) for a in read(tmp_path)}
    finally:
        locked.chmod(0o755)
    assert rows[".hidden"][0] == rows[".e.txt"][0] == "skipped" and "hidden" in rows[".e.txt"][1]
    assert rows["gone.txt"][0] == "error" and "broken symbolic link" in rows["gone.txt"][1]
    assert rows["locked"][0] == "error" and "cannot read folder" in rows["locked"][1]
    assert rows["b.txt"][0] == "ok"


def test_regression_hidden_entries_and_broken_links_get_rows(tmp_path) -> None:
    write(tmp_path, "b.txt", BODY)
    write(tmp_path, ".hidden/d.txt", BODY)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    rows = {a.path.split("/", 1)[1]: (a.status, a.error) for a in read(tmp_path)}
    assert set(rows) == {"b.txt", ".hidden", "gone.txt"}
    assert rows[".hidden"][0] == "skipped" and rows["gone.txt"][0] == "error"


def test_regression_a_yaml_alias_bomb_in_front_matter_is_refused_at_once(tmp_path) -> None:
    import time

    bomb = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + k)}: &{chr(98 + k)} [*{chr(97 + k)}, *{chr(97 + k)}, *{chr(97 + k)}, *{chr(97 + k)}, "
        f"*{chr(97 + k)}, *{chr(97 + k)}, *{chr(97 + k)}, *{chr(97 + k)}, *{chr(97 + k)}]" for k in range(8)])
    write(tmp_path, "story.md", f"---\n{bomb}\npublished: 2025-05-24\n---\n{BODY}")
    started = time.process_time()
    article = only(tmp_path)
    assert time.process_time() - started < 1
    assert article.status == "ok" and "aliases are not allowed" in article.error
    assert article.published is None  # the whole front matter is ignored, not half read


def test_regression_json_nested_too_deep_is_an_error_for_that_input(tmp_path) -> None:
    write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    write(tmp_path, "deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "fine", "text": BODY}) + "\n")
    write(tmp_path, "deep.md", "---\n" + "[" * 20_000 + "]" * 20_000 + "\n---\n" + BODY)
    rows = {a.doc_id: (a.status, a.error) for a in read(tmp_path)}
    assert rows["deep"][0] == "error" and "nested too deep" in rows["deep"][1]
    assert rows["deep-1"][0] == "error" and "deep.jsonl:1" in rows["deep-1"][1]
    assert rows["fine"][0] == "ok"
    md = [v for k, v in rows.items() if k not in ("deep", "deep-1", "fine")]
    assert md and md[0][0] == "ok" and "front matter" in md[0][1]


def test_regression_a_lone_surrogate_in_json_is_an_error_for_that_record(tmp_path) -> None:
    write(tmp_path, "feed.jsonl", '{"id": "bad", "text": "x \\ud800 y"}\n' + json.dumps({"id": "good", "text": BODY}) + "\n")
    rows = {a.doc_id: (a.status, a.error) for a in read(tmp_path)}
    assert rows["bad"][0] == "error" and "lone surrogate" in rows["bad"][1] and "feed.jsonl:1" in rows["bad"][1]
    assert rows["good"][0] == "ok"


def test_regression_a_file_name_that_is_not_utf8_is_an_error_for_that_file(tmp_path) -> None:
    import os

    name = os.fsdecode(b"caf\xe9-2025-05-24.txt")
    try:
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes UTF-8 names only")
    write(tmp_path, "b.txt", BODY)
    rows = [(a.path, a.status, a.error) for a in read(tmp_path)]
    bad = [r for r in rows if r[1] == "error"]
    assert len(bad) == 1 and "not valid UTF-8" in bad[0][2]
    bad[0][0].encode("utf-8")  # the row itself can be written


def test_regression_utf16_with_a_bom_was_called_binary(tmp_path) -> None:
    (tmp_path / "story.txt").write_bytes(BODY.encode("utf-16"))
    article = only(tmp_path)
    assert (article.status, article.text) == ("ok", BODY)


def test_single_file_input(tmp_path) -> None:
    path = write(tmp_path, "one.txt", BODY)
    articles = list(read_articles([path]))
    assert [(a.doc_id, a.path) for a in articles] == [("one", "one.txt")]


def test_missing_input_raises(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere"):
        list(read_articles([tmp_path / "nowhere"]))


# ---------------------------------------------------------------- where published comes from

DATELINE = "KYIV, May 20, 2025 (Reuters) - Ukraine said 412 troops returned.\n"


def test_published_from_record_beats_everything(tmp_path) -> None:
    write(tmp_path, "feed-2025-01-01.jsonl",
          json.dumps({"text": DATELINE, "published": "2025-05-24"}) + "\n")
    a = only(tmp_path, reference_date=date(2024, 1, 1))
    assert (a.published, a.published_from) == (date(2025, 5, 24), "record")


def test_published_from_front_matter_beats_filename_cli_dateline(tmp_path) -> None:
    write(tmp_path, "story-2025-01-01.md", "---\npublished: 2025-05-24\n---\n" + DATELINE)
    a = only(tmp_path, reference_date=date(2024, 1, 1))
    assert (a.published, a.published_from) == (date(2025, 5, 24), "front_matter")


def test_published_from_filename_beats_cli_and_dateline(tmp_path) -> None:
    write(tmp_path, "story-2025-03-02.txt", DATELINE)
    a = only(tmp_path, reference_date=date(2024, 1, 1))
    assert (a.published, a.published_from) == (date(2025, 3, 2), "filename")


def test_published_from_cli_beats_dateline(tmp_path) -> None:
    write(tmp_path, "story.txt", DATELINE)
    a = only(tmp_path, reference_date=date(2024, 1, 1))
    assert (a.published, a.published_from) == (date(2024, 1, 1), "cli")


def test_published_from_dateline(tmp_path) -> None:
    write(tmp_path, "story.txt", DATELINE)
    a = only(tmp_path)
    assert (a.published, a.published_from) == (date(2025, 5, 20), "dateline")


def test_no_published_date_anywhere_is_none(tmp_path) -> None:
    # A dateline without a year does not give a date, and the clock never does.
    write(tmp_path, "story.txt", "KYIV, May 20 (Reuters) - Ukraine said 412 troops returned.\n")
    a = only(tmp_path)
    assert (a.published, a.published_from, a.status) == (None, None, "ok")


@pytest.mark.parametrize("line, expected", [
    ("KYIV, May 24, 2025 (Reuters) - Troops returned.", date(2025, 5, 24)),
    ("WASHINGTON, 3 June 2024 - Lawmakers met.", date(2024, 6, 3)),
    ("KYIV, Ukraine, Aug. 1, 2024 - Schools opened.", date(2024, 8, 1)),
    ("Troops returned on May 24, 2025.", None),
])
def test_dateline_date(line, expected) -> None:
    assert dateline_date(line) == expected


@pytest.mark.parametrize("value, expected", [
    ("2025-05-24", date(2025, 5, 24)),
    ("2025-05-24T10:00:00+03:00", date(2025, 5, 24)),
    (date(2025, 5, 24), date(2025, 5, 24)),
    ("yesterday", None),
    ("24/05/2025", None),
    (20250524, date(2025, 5, 24)),  # GDELT's SQLDATE, an integer
    ("20250524", date(2025, 5, 24)),
    ("20251324", None),  # no 13th month
    (True, None),
    (2025, None),
])
def test_parse_date(value, expected) -> None:
    assert parse_date(value) == expected


def test_unknown_published_date_falls_through_with_a_note(tmp_path) -> None:
    write(tmp_path, "story-2025-03-02.json", json.dumps({"text": BODY, "published": "last Tuesday"}))
    a = only(tmp_path)
    assert a.status == "ok"
    assert (a.published, a.published_from) == (date(2025, 3, 2), "filename")
    assert a.error and "last Tuesday" in a.error and rel(tmp_path, "story-2025-03-02.json") in a.error


def test_unknown_front_matter_date_falls_through_to_cli(tmp_path) -> None:
    write(tmp_path, "story.md", "---\npublished: sometime in May\n---\n" + BODY)
    a = only(tmp_path, reference_date=date(2025, 5, 24))
    assert a.status == "ok"
    assert (a.published, a.published_from) == (date(2025, 5, 24), "cli")
    assert "sometime in May" in a.error and rel(tmp_path, "story.md") in a.error


# ---------------------------------------------------------------- bad input


def assert_error(a: Article, where: str) -> None:
    assert a.status == "error"
    assert a.error and a.error.startswith(where), a.error


def test_binary_file_is_an_error(tmp_path) -> None:
    write(tmp_path, "image.txt", b"first line\nGIF89a\x00\x01\x02")
    a = only(tmp_path)
    assert_error(a, rel(tmp_path, "image.txt") + ":2:")
    assert "binary" in a.error


def test_invalid_utf8_names_the_line_of_the_bad_byte(tmp_path) -> None:
    write(tmp_path, "latin1.txt", b"line one\nline two\n" + "caf\u00e9 line three\n".encode("latin-1"))
    a = only(tmp_path)
    assert_error(a, rel(tmp_path, "latin1.txt") + ":3:")
    assert "UTF-8" in a.error


@pytest.mark.parametrize("name, content", [
    ("empty.txt", ""),
    ("blank.txt", "  \n\n\t\n"),
    ("empty.json", ""),
    ("empty.jsonl", "\n\n"),
    ("empty.md", "---\npublished: 2025-05-24\n---\n"),
])
def test_empty_input_is_an_error(tmp_path, name, content) -> None:
    write(tmp_path, name, content)
    a = only(tmp_path)
    assert_error(a, rel(tmp_path, name) + ":1:")
    assert "empty" in a.error


def test_malformed_jsonl_line_is_an_error_and_other_lines_are_read(tmp_path) -> None:
    write(tmp_path, "feed.jsonl", "\n".join([
        json.dumps({"id": "good1", "text": "Kyiv said 412 troops returned."}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "good3", "text": "Moscow confirmed the swap."}),
    ]) + "\n")
    articles = read(tmp_path)
    assert [(a.doc_id, a.status) for a in articles] == [("good1", "ok"), ("feed-2", "error"), ("good3", "ok")]
    assert_error(articles[1], rel(tmp_path, "feed.jsonl") + ":2:")


def test_malformed_json_file_is_an_error(tmp_path) -> None:
    write(tmp_path, "bad.json", '{\n  "text": "Kyiv said",\n  oops\n}')
    assert_error(only(tmp_path), rel(tmp_path, "bad.json") + ":3:")


def test_json_without_text_is_an_error(tmp_path) -> None:
    write(tmp_path, "notext.json", json.dumps({"id": "nt", "title": "A headline", "published": "2025-05-24"}))
    a = only(tmp_path)
    assert a.doc_id == "nt"
    assert_error(a, rel(tmp_path, "notext.json") + ":1:")


def test_jsonl_line_without_text_names_its_line(tmp_path) -> None:
    write(tmp_path, "feed.jsonl", json.dumps({"text": "Fine."}) + "\n" + json.dumps({"headline": "x"}) + "\n")
    articles = read(tmp_path)
    assert [a.status for a in articles] == ["ok", "error"]
    assert_error(articles[1], rel(tmp_path, "feed.jsonl") + ":2:")


@pytest.mark.parametrize("record", [["a", "list"], {"text": 42}])
def test_json_that_is_no_article_is_an_error(tmp_path, record) -> None:
    write(tmp_path, "odd.json", json.dumps(record))
    assert_error(only(tmp_path), rel(tmp_path, "odd.json") + ":1:")


def test_unsupported_extension_is_skipped(tmp_path) -> None:
    write(tmp_path, "scan.pdf", b"%PDF-1.4 binary")
    write(tmp_path, "notes", "no extension")
    articles = read(tmp_path)
    assert [(a.path, a.status) for a in articles] == [(rel(tmp_path, "notes"), "skipped"),
                                                       (rel(tmp_path, "scan.pdf"), "skipped")]
    assert all(a.error and a.path in a.error for a in articles)


def test_utf8_bom_is_tolerated(tmp_path) -> None:
    write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + BODY.encode())
    write(tmp_path, "bom.json", b"\xef\xbb\xbf" + json.dumps({"text": BODY}).encode())
    write(tmp_path, "bom.md", b"\xef\xbb\xbf---\npublished: 2025-05-24\n---\n" + BODY.encode())
    articles = {a.path: a for a in read(tmp_path)}
    assert articles[rel(tmp_path, "bom.txt")].text == BODY
    assert articles[rel(tmp_path, "bom.json")].text == BODY
    md = articles[rel(tmp_path, "bom.md")]
    assert md.published_from == "front_matter" and md.text.endswith(BODY)
    assert all(a.status == "ok" and "\ufeff" not in a.text for a in articles.values())


def test_duplicate_doc_ids_are_made_unique(tmp_path) -> None:
    write(tmp_path, "a/story.txt", BODY)
    write(tmp_path, "b/story.txt", BODY)
    write(tmp_path, "c/story.json", json.dumps({"text": BODY}))
    articles = read(tmp_path)
    assert [a.doc_id for a in articles] == ["story", "story~2", "story~3"]
    assert articles[0].error is None
    assert "story" in articles[1].error and rel(tmp_path, "a/story.txt") in articles[1].error
    assert all(a.status == "ok" for a in articles)


def test_every_file_gives_at_least_one_article(tmp_path) -> None:
    names = ["ok.txt", "empty.txt", "bin.md", "skip.docx", "bad.json", "feed.jsonl"]
    write(tmp_path, "ok.txt", BODY)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "bin.md", b"\x00\x00")
    write(tmp_path, "skip.docx", b"PK")
    write(tmp_path, "bad.json", "{")
    write(tmp_path, "feed.jsonl", "not json\n")
    seen = {a.path for a in read(tmp_path)}
    assert seen == {rel(tmp_path, n) for n in names}


def test_fields_name_the_id_text_and_date_of_a_record(tmp_path) -> None:
    # TempEval-3 keeps the creation date in "dct", GDELT in "SQLDATE" (YYYYMMDD)
    from pipeline.reading import InputFields

    write(tmp_path, "feed.jsonl", json.dumps({"GLOBALEVENTID": "g1", "body_text": BODY, "SQLDATE": 20250524,
                                              "text": "not this"}) + "\n")
    [article] = read_articles([tmp_path], fields=InputFields(id="GLOBALEVENTID", text="body_text", date="SQLDATE"))
    assert (article.doc_id, article.text, article.published, article.published_from) == (
        "g1", BODY, date(2025, 5, 24), "record")


def test_a_named_text_field_that_is_missing_is_an_error_naming_it(tmp_path) -> None:
    from pipeline.reading import InputFields

    write(tmp_path, "feed.jsonl", json.dumps({"text": BODY}) + "\n")
    [article] = read_articles([tmp_path], fields=InputFields(text="body_text"))
    assert article.status == "error" and "feed.jsonl:1" in article.error and "'body_text'" in article.error


def test_a_readme_beside_the_articles_is_skipped_and_listed(tmp_path) -> None:
    write(tmp_path, "README.md", "# About these articles\n")
    write(tmp_path, "story-2025-05-24.txt", BODY)
    found = {Path(a.path).name: (a.status, a.error) for a in read_articles([tmp_path])}
    assert found["story-2025-05-24.txt"][0] == "ok"
    assert found["README.md"][0] == "skipped" and "README*" in found["README.md"][1]


def test_include_and_exclude_globs(tmp_path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "drafts/b.txt", BODY)
    write(tmp_path, "c.md", BODY)
    status = {Path(a.path).as_posix().split("/", 1)[1]: a.status
              for a in read_articles([tmp_path], include=["*.txt"], exclude=["drafts/*"])}
    assert status == {"a.txt": "ok", "drafts/b.txt": "skipped", "c.md": "skipped"}


def test_a_file_named_on_the_command_line_is_read_whatever_its_name(tmp_path) -> None:
    path = write(tmp_path, "README.md", BODY)
    assert [a.status for a in read_articles([path])] == ["ok"]


def test_one_invalid_byte_in_a_jsonl_costs_only_its_line(tmp_path) -> None:
    # regression: the whole file was decoded at once, so one bad byte lost every good line
    good = json.dumps({"id": "a", "text": BODY}).encode()
    (tmp_path / "feed.jsonl").write_bytes(good + b"\n" + b'{"id": "b", "text": "caf\xe9"}\n' + good.replace(b'"a"', b'"c"'))
    found = {a.doc_id: (a.status, a.error) for a in read_articles([tmp_path])}
    assert found["a"][0] == found["c"][0] == "ok"
    [(status, error)] = [v for k, v in found.items() if k not in ("a", "c")]
    assert status == "error" and "feed.jsonl:2" in error and "UTF-8" in error


def test_the_output_folder_inside_an_input_is_not_read(tmp_path) -> None:
    write(tmp_path, "story.txt", BODY)
    write(tmp_path, "out/events.csv", "doc_id\n")
    assert [Path(a.path).name for a in read_articles([tmp_path], skip=[tmp_path / "out"])] == ["story.txt"]
