"""Tests for pipeline.tokenizing: the news tokenizer and sentence splitter."""

from __future__ import annotations

import pytest


def sentences(parse, text: str) -> list[str]:
    return [s.text.strip() for s in parse(text).sents if s.text.strip()]


@pytest.mark.parametrize("text, expected", [
    ("Lt. Col. Ivan Petrov said the unit withdrew. The shelling stopped.",
     ["Lt. Col. Ivan Petrov said the unit withdrew.", "The shelling stopped."]),
    ("The ceasefire held, Gen. Oleh Koval told reporters. Talks resume soon.",
     ["The ceasefire held, Gen. Oleh Koval told reporters.", "Talks resume soon."]),
    ("The U.S. envoy arrived in Kyiv on Monday. Talks began.",
     ["The U.S. envoy arrived in Kyiv on Monday.", "Talks began."]),
    ("The bid by Cie. Financiere de Paribas is too low. Talks resume.",
     ["The bid by Cie. Financiere de Paribas is too low.", "Talks resume."]),
    ("Maj. Gen. Ivan Ivanov and Capt. Olena Koval signed. Dr. Brown watched.",
     ["Maj. Gen. Ivan Ivanov and Capt. Olena Koval signed.", "Dr. Brown watched."]),
])
def test_abbreviations_do_not_split(parse, text, expected) -> None:
    assert sentences(parse, text) == expected


def test_abbreviation_stays_one_token(parse) -> None:
    doc = parse("Lt. Col. Ivan Petrov spoke.")
    assert [t.text for t in doc[:2]] == ["Lt.", "Col."]


def test_line_breaks_split_headline_and_dateline(parse) -> None:
    text = ("Prisoners return home in swap\n"
            "KYIV, May 24 (Reuters) - Ukraine said 412 troops returned on Saturday.\n"
            "Why It Matters\n"
            "The swap is the largest so far.")
    assert sentences(parse, text) == [
        "Prisoners return home in swap",
        "KYIV, May 24 (Reuters) - Ukraine said 412 troops returned on Saturday.",
        "Why It Matters",
        "The swap is the largest so far.",
    ]


def test_blank_lines_give_no_empty_sentences(parse) -> None:
    text = "First line of the story\n\n\nSecond line of the story."
    assert sentences(parse, text) == ["First line of the story", "Second line of the story."]


@pytest.mark.parametrize("text, expected", [
    ("\u201cWe will bring everyone home.\u201d The president spoke on Saturday.",
     ["\u201cWe will bring everyone home.\u201d", "The president spoke on Saturday."]),
    ('He said: "We are ready." Then he left.',
     ['He said: "We are ready."', "Then he left."]),
    ("The ministry said the swap was over (for now.) Talks go on.",
     ["The ministry said the swap was over (for now.)", "Talks go on."]),
    # a quoted cry inside a sentence that goes on after the quote
    ("Hundreds chanting ``Liberty! Liberty!'' blocked the road. Police watched.",
     ["Hundreds chanting ``Liberty! Liberty!'' blocked the road.", "Police watched."]),
])
def test_closing_quotes_stay_with_their_sentence(parse, text, expected) -> None:
    assert sentences(parse, text) == expected


def test_sentences_cover_the_text(parse) -> None:
    text = "Kyiv said 412 troops returned. Moscow agreed.\nA second line follows."
    doc = parse(text)
    assert "".join(s.text_with_ws for s in doc.sents) == text


def test_one_for_one_tokenizes_both_numbers(parse) -> None:
    doc = parse("They agreed a 1,000-for-1,000 prisoner swap.")
    tokens = [t.text for t in doc]
    assert tokens[3:8] == ["1,000", "-", "for", "-", "1,000"]



def test_wire_copy_backtick_quotes_open_as_one_token() -> None:
    from pipeline.language import load_nlp
    nlp = load_nlp(spacy_model="none")
    words = [t.text for t in nlp.make_doc("He said, ``It was a bomb,'' said an official.")]
    assert words[3:5] == ["``", "It"] and "''" in words


def test_an_opening_dateline_is_a_sentence_of_its_own() -> None:
    from pipeline.language import load_nlp
    nlp = load_nlp(spacy_model="none")
    doc = nlp("\nISTANBUL, Turkey (AP)_ Some 1,500 ethnic Albanians marched Sunday.")
    assert [s.text for s in doc.sents if s.text.strip()] == [
        "ISTANBUL, Turkey (AP)_", "Some 1,500 ethnic Albanians marched Sunday."]


@pytest.mark.parametrize("text", ["OPEC -- the oil cartel -- cut output by 1.5 million barrels.",
                                  "IBM, Apple agree to merge - the two firms said 5,000 jobs would go.",
                                  "US stocks fell -- sharply -- on Friday."])
def test_a_lede_with_dashes_is_no_dateline(text) -> None:
    from pipeline.tokenizing import dateline_pattern
    assert dateline_pattern().match(text) is None


@pytest.mark.parametrize("text", ["\nNAIROBI, Kenya (AP) _\n\nBombs exploded.", "WASHINGTON _ The bombings",
                                  "BUDAPEST, March 12 (Xinhua) -- Hungary", "INDEPENDENCE, MO. (AP)-- Poland",
                                  "NEWARK, N.J. _ A new task force"])
def test_wire_datelines_are_found(text) -> None:
    from pipeline.tokenizing import dateline_pattern
    assert dateline_pattern().match(text) is not None
