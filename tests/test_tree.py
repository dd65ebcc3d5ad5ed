"""Rules over the dependency tree, on hand-built trees (so they test the rules, not a model)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline import tree


def build(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


@pytest.fixture
def passive_ud() -> Doc:
    # "307 prisoners were returned by Russia" (Universal Dependencies labels)
    return build(["307", "prisoners", "were", "returned", "by", "Russia"],
                 [1, 3, 3, 3, 5, 3],
                 ["nummod", "nsubj:pass", "aux:pass", "ROOT", "case", "obl:agent"],
                 ["NUM", "NOUN", "AUX", "VERB", "ADP", "PROPN"])


def test_governing_verb_climbs_from_the_number(passive_ud) -> None:
    assert tree.governing_verb(passive_ud[0]).text == "returned"


def test_governing_verb_of_a_nominal_predicate_is_the_predicate() -> None:
    # "The toll is 2,056": UD makes the number the root, with the subject under it
    doc = build(["The", "toll", "is", "2,056"], [1, 3, 3, 3], ["det", "nsubj", "cop", "ROOT"],
                ["DET", "NOUN", "AUX", "NUM"])
    assert tree.governing_verb(doc[3]).text == "2,056"
    assert [t.text for t in tree.subjects(doc[3])] == ["toll"]


def test_passive_agent_in_ud_labels(passive_ud) -> None:
    verb = passive_ud[3]
    assert tree.is_passive(verb)
    assert tree.agent(verb).text == "Russia"
    assert [t.text for t in tree.doers(verb)] == ["Russia"]  # the agent, not the passive subject


def test_passive_agent_in_clearnlp_labels() -> None:
    # the same sentence as en_core_web_* label it: agent -> pobj
    doc = build(["307", "prisoners", "were", "returned", "by", "Russia"],
                [1, 3, 3, 3, 3, 4],
                ["nummod", "nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
                ["NUM", "NOUN", "AUX", "VERB", "ADP", "PROPN"])
    assert tree.agent(doc[3]).text == "Russia"
    assert [t.text for t in tree.doers(doc[3])] == ["Russia"]


def test_a_participle_with_an_agent_is_done_by_the_agent() -> None:
    # "a bid launched by Paribas": no auxiliary, no passive subject, but the agent did it
    doc = build(["a", "bid", "launched", "by", "Paribas"], [1, 1, 1, 2, 3],
                ["det", "ROOT", "acl", "agent", "pobj"], ["DET", "NOUN", "VERB", "ADP", "PROPN"])
    assert [t.text for t in tree.doers(doc[2])] == ["Paribas"]


def test_passive_without_agent_keeps_its_subject() -> None:
    doc = build(["307", "prisoners", "were", "returned"], [1, 3, 3, 3],
                ["nummod", "nsubj:pass", "aux:pass", "ROOT"], ["NUM", "NOUN", "AUX", "VERB"])
    assert [t.text for t in tree.doers(doc[3])] == ["prisoners"]


def test_apposition_links_both_ways() -> None:
    # "Lubinets, the commissioner, said"
    doc = build(["Lubinets", ",", "the", "commissioner", ",", "said"], [5, 0, 3, 0, 0, 5],
                ["nsubj", "punct", "det", "appos", "punct", "ROOT"],
                ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"])
    assert [t.text for t in tree.appositions(doc[0])] == ["commissioner"]
    assert [t.text for t in tree.appositions(doc[3])] == ["Lubinets"]


def test_conjuncts_of_a_coordinated_subject() -> None:
    # "Ukraine and Russia each released 390"
    doc = build(["Ukraine", "and", "Russia", "each", "released", "390"], [4, 2, 0, 4, 4, 4],
                ["nsubj", "cc", "conj", "advmod", "ROOT", "obj"],
                ["PROPN", "CCONJ", "PROPN", "ADV", "VERB", "NUM"])
    assert [t.text for t in tree.conjuncts(doc[0])] == ["Russia"]
    assert [t.text for t in tree.conjuncts(doc[2])] == ["Ukraine"]


def test_higher_clause_and_reporting_parenthetical() -> None:
    # "Zelensky said that 307 troops returned"
    said = build(["Zelensky", "said", "that", "307", "troops", "returned"], [1, 1, 5, 4, 5, 1],
                 ["nsubj", "ROOT", "mark", "nummod", "nsubj", "ccomp"],
                 ["PROPN", "VERB", "SCONJ", "NUM", "NOUN", "VERB"])
    assert tree.higher_clause(said[5]).text == "said"
    assert tree.higher_clause(said[1]) is None
    # "307 troops returned, Zelensky said" (UD: parataxis under the main verb)
    after = build(["307", "troops", "returned", ",", "Zelensky", "said"], [1, 2, 2, 5, 5, 2],
                  ["nummod", "nsubj", "ROOT", "punct", "nsubj", "parataxis"],
                  ["NUM", "NOUN", "VERB", "PUNCT", "PROPN", "VERB"])
    assert [t.text for t in tree.reporting_verbs(after[2], frozenset({"say"}))] == []  # no lemmas here
    after[5].lemma_ = "say"
    assert [t.text for t in tree.reporting_verbs(after[2], frozenset({"say"}))] == ["said"]


def test_clause_head_of_an_auxiliary() -> None:
    doc = build(["Russia", "has", "freed", "90"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "obj"],
                ["PROPN", "AUX", "VERB", "NUM"])
    assert tree.clause_head(doc[1]).text == "freed"
    assert tree.clause_head(doc[2]).text == "freed"


def test_counted_noun_is_the_numeric_modifiers_head(passive_ud) -> None:
    assert tree.counted_noun(passive_ud[0]).text == "prisoners"
    assert tree.counted_noun(passive_ud[5]) is None


def test_flat_tree_is_not_a_parse() -> None:
    flat = build(["Prices", "rose", "3%"], [0, 0, 0], ["ROOT", "dep", "dep"], ["", "", ""])
    real = build(["Prices", "rose", "3%"], [1, 1, 1], ["nsubj", "ROOT", "obj"], ["NOUN", "VERB", "NUM"])
    assert not tree.is_parsed(flat[:])
    assert tree.is_parsed(real[:])


def test_counted_noun_climbs_a_compound() -> None:
    # "two Iskander-M missiles", with the number hung from the first part of the compound
    doc = build(["two", "Iskander", "-", "M", "missiles"], [1, 4, 3, 1, 4],
                ["nummod", "compound", "punct", "flat", "ROOT"], ["NUM", "PROPN", "PUNCT", "PROPN", "NOUN"])
    assert tree.counted_noun(doc[0]).text == "missiles"


def test_an_open_complement_is_done_by_the_subject_of_its_controller() -> None:
    # "Ministers voted to support the republic Friday" (ClearNLP labels, as en_core_web_sm gives)
    doc = build(["Ministers", "voted", "to", "support", "the", "republic", "Friday"],
                [1, 1, 3, 1, 5, 3, 3],
                ["nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "npadvmod"],
                ["NOUN", "VERB", "PART", "VERB", "DET", "NOUN", "PROPN"])
    verb = tree.governing_verb(doc[6])
    assert verb.text == "support" and tree.subjects(verb) == []
    assert tree.controller(verb).text == "voted"
    assert tree.controller(doc[1]).text == "voted"  # a verb with its own subject stays


def test_dated_noun_is_the_noun_a_date_premodifies() -> None:
    # "for the November 1995 assassination"
    doc = build(["for", "the", "November", "1995", "assassination"], [0, 4, 4, 2, 0],
                ["ROOT", "det", "compound", "nummod", "pobj"], ["ADP", "DET", "PROPN", "NUM", "NOUN"])
    assert tree.dated_noun(doc[2:4]).text == "assassination"


def test_dated_noun_of_a_possessive_date() -> None:
    # "before Friday's purchases"
    doc = build(["before", "Friday", "'s", "purchases"], [0, 3, 1, 0], ["ROOT", "poss", "case", "pobj"],
                ["ADP", "PROPN", "PART", "NOUN"])
    assert tree.dated_noun(doc[1:3]).text == "purchases"


def test_a_date_that_stands_alone_dates_no_noun() -> None:
    # "fell on Friday": the date is the object of a preposition, not a modifier
    doc = build(["fell", "on", "Friday"], [0, 0, 1], ["ROOT", "prep", "pobj"], ["VERB", "ADP", "PROPN"])
    assert tree.dated_noun(doc[2:3]) is None
    # "Since 1985 _ when ...": a wire dash the tagger calls a noun is not a dated noun
    dash = build(["Since", "1985", "_"], [0, 2, 0], ["ROOT", "nummod", "pobj"], ["ADP", "NUM", "NOUN"])
    assert tree.dated_noun(dash[1:2]) is None


def test_marked_clause_finds_the_clause_an_after_opens() -> None:
    # "Lee promised a vote after delegates voted 89"
    doc = build(["Lee", "promised", "a", "vote", "after", "delegates", "voted", "89"],
                [1, 1, 3, 1, 6, 6, 1, 6],
                ["nsubj", "ROOT", "det", "dobj", "mark", "nsubj", "advcl", "dobj"],
                ["PROPN", "VERB", "DET", "NOUN", "SCONJ", "NOUN", "VERB", "NUM"])
    markers = frozenset({"after"})
    assert tree.marked_clause(doc[7], markers).text == "voted"
    assert tree.marked_clause(doc[3], markers) is None  # the main clause
    assert tree.marked_clause(doc[7], frozenset({"because"})) is None  # another conjunction


def test_relative_pronoun_stands_for_the_noun_its_clause_describes() -> None:
    # "Acme, which has 40%"
    doc = build(["Acme", ",", "which", "has", "40", "%"], [0, 0, 3, 0, 5, 3],
                ["ROOT", "punct", "nsubj", "relcl", "nummod", "dobj"],
                ["PROPN", "PUNCT", "PRON", "VERB", "NUM", "NOUN"])
    assert tree.relative_antecedent(doc[2]).text == "Acme"
    assert tree.relative_antecedent(doc[0]) is None  # not a relative pronoun


def test_gerund_host_is_the_verb_the_preposition_hangs_from() -> None:
    # "The rebels were charged with killing 12 villagers": the rebels did the killing
    doc = Doc(Vocab(), words=["The", "rebels", "were", "charged", "with", "killing", "12", "villagers"],
              heads=[1, 3, 3, 3, 3, 4, 7, 5],
              deps=["det", "nsubjpass", "auxpass", "ROOT", "prep", "pcomp", "nummod", "dobj"],
              pos=["DET", "NOUN", "AUX", "VERB", "ADP", "VERB", "NUM", "NOUN"],
              tags=["DT", "NNS", "VBD", "VBN", "IN", "VBG", "CD", "NNS"])
    assert tree.gerund_host(doc[5]).text == "charged"
    assert tree.gerund_host(doc[3]) is None  # not a gerund
    assert [t.text for t in tree.gerund_doers(doc[5], doc[3])] == ["rebels"]


def test_gerund_doers_are_the_object_after_with_and_the_subject_after_by() -> None:
    # "Police charged Kopp with killing Slepian": Kopp killed
    doc = Doc(Vocab(), words=["Police", "charged", "Kopp", "with", "killing", "Slepian"],
              heads=[1, 1, 1, 1, 3, 4], deps=["nsubj", "ROOT", "dobj", "prep", "pcomp", "dobj"],
              pos=["NOUN", "VERB", "PROPN", "ADP", "VERB", "PROPN"], tags=["NNS", "VBD", "NNP", "IN", "VBG", "NNP"])
    assert [t.text for t in tree.gerund_doers(doc[4], tree.gerund_host(doc[4]))] == ["Kopp"]
    # "McCaw forced LIN's hand by bidding": McCaw bid
    doc = Doc(Vocab(), words=["McCaw", "forced", "LIN", "'s", "hand", "by", "bidding"],
              heads=[1, 1, 4, 2, 1, 1, 5], deps=["nsubj", "ROOT", "poss", "case", "dobj", "prep", "pcomp"],
              pos=["PROPN", "VERB", "PROPN", "PART", "NOUN", "ADP", "VERB"],
              tags=["NNP", "VBD", "NNP", "POS", "NN", "IN", "VBG"])
    assert [t.text for t in tree.gerund_doers(doc[6], tree.gerund_host(doc[6]))] == ["McCaw"]


def test_of_objects_are_the_nouns_of_its_of_phrases() -> None:
    # "Hundreds of Cuban-Americans marched"
    doc = build(["Hundreds", "of", "Cubans", "marched"], [3, 0, 1, 3], ["nsubj", "prep", "pobj", "ROOT"],
                ["NUM", "ADP", "PROPN", "VERB"])
    assert [t.text for t in tree.of_objects(doc[0])] == ["Cubans"]
    assert tree.of_objects(doc[3]) == []
