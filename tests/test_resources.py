"""Loading the language data files."""

from __future__ import annotations

import os

import pytest

from pipeline.resources import load_yaml, patterns


def test_a_data_file_saved_anew_is_read_anew(tmp_path) -> None:
    # regression: parsed files were cached by path alone, so a pattern file saved again in the
    # same process (a pipeline re-saved and reloaded) kept its first content
    words = tmp_path / "words.yml"
    words.write_text("units: {one: 1}\n", encoding="utf-8")
    assert load_yaml(words) == {"units": {"one": 1}}
    words.write_text("units: {one: 1, two: 2}\n", encoding="utf-8")
    os.utime(words, ns=(1, 1))  # a different modification time even on a coarse clock
    assert load_yaml(words) == {"units": {"one": 1, "two": 2}}


def test_a_missing_or_broken_data_file_is_named_in_the_error(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="absent.yml"):
        load_yaml(tmp_path / "absent.yml")
    broken = tmp_path / "broken.yml"
    broken.write_text("units: {one: 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.yml: not valid YAML"):
        load_yaml(broken)


def test_patterns_come_from_the_package_unless_a_folder_is_given(tmp_path) -> None:
    assert "january" in patterns("dates")["months"]
    (tmp_path / "dates.yml").write_text("months: {janvier: 1}\n", encoding="utf-8")
    assert patterns("dates", tmp_path) == {"months": {"janvier": 1}}
