"""Rules over the dependency tree, as small functions on spaCy tokens.

Attachment asks the parse a few questions about a number or a date: which
verb governs it, who is that verb's subject or (in a passive) its agent,
which clause reports it, what the number counts. Each question is one
function here, so each can be tested on a sentence of its own.

The functions read both label sets spaCy pipelines come with: Universal
Dependencies (the project's ``models/en_news_core``: ``nsubj:pass``,
``obl:agent``) and ClearNLP (``en_core_web_*``: ``nsubjpass``, ``agent`` with
a ``pobj`` under it), so a user's own ``--spacy-model`` goes through the same
code. Sentences the selective parser skipped carry a flat tree
(``dep`` under the first token); ``is_parsed`` tells them apart.
"""
from __future__ import annotations

from itertools import islice

from spacy.tokens import Span, Token

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "nsubj:outer", "csubj", "csubj:pass", "csubjpass"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"})
#: "returned by Russia": UD marks the noun, ClearNLP the preposition.
AGENTS = frozenset({"obl:agent", "agent"})
#: how a clause hangs from the clause above it (reported speech, relative and adverbial clauses)
CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "advcl", "advcl:relcl", "conj", "parataxis", "acl",
                          "acl:relcl", "relcl"})
APPOSITIONS = frozenset({"appos"})
NUMERIC_MODIFIERS = frozenset({"nummod"})
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_FLAT = frozenset({"dep", "ROOT", ""})


def is_parsed(sentence: Span) -> bool:
    """Whether the sentence has a real parse rather than the flat tree of a skipped sentence."""
    return any(t.dep_ not in _FLAT for t in sentence)


def governing_verb(token: Token, max_steps: int = 8) -> Token | None:
    """The nearest predicate at or above the token: a verb ("... released 307 soldiers"
    gives "released") or a nominal predicate with its own subject ("the toll is 2,056"
    gives "2,056", whose subject is "toll")."""
    steps = 0
    while steps < max_steps:
        # a predicate's subject is among its first children; a flat or run-on tree can give
        # one token thousands of them, and this is asked for every number
        if token.pos_ in _VERBS or any(c.dep_ in SUBJECTS for c in islice(token.children, 40)):
            return token
        if token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1
    return None


def clause_head(verb: Token) -> Token:
    """The content verb of a clause whose governing word is an auxiliary or copula."""
    if verb.pos_ == "AUX" and verb.dep_ in ("aux", "aux:pass", "auxpass", "cop") and verb.head.i != verb.i:
        return verb.head
    return verb


def controller(verb: Token, max_steps: int = 4) -> Token:
    """The verb whose subject is also this one's: an open complement has none of its own
    ("the ministers all voted to support the republic Friday": "support" is done by the
    subject of "voted")."""
    steps = 0
    while not subjects(verb) and verb.dep_ == "xcomp" and verb.head.i != verb.i and steps < max_steps:
        verb, steps = verb.head, steps + 1
    return verb


def gerund_host(verb: Token) -> Token | None:
    """The verb a subjectless gerund hangs from by a preposition, whose subject (or object)
    does it: "Kopp, who is charged with gunning down Slepian", "after meeting the minister,
    Albright said" (ClearNLP: pcomp under prep; UD: advcl with the preposition as mark)."""
    if verb.tag_ != "VBG" or subjects(verb) or verb.head.i == verb.i:
        return None
    if verb.dep_ == "pcomp":
        preposition = verb.head
        if preposition.dep_ != "prep" or preposition.head.i == preposition.i:
            return None
        host = preposition.head
    elif verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.pos_ == "ADP" for c in verb.children):
        host = verb.head
    else:
        return None
    return host if host.pos_ in _VERBS else None


#: prepositions after which a verb's object does its gerund ("charged Kopp with killing",
#: "accused the army of killing", "blamed the rebels for shelling"); after the others
#: ("by bidding", "before offering") the subject does it
OBJECT_CONTROL = frozenset({"with", "of", "for"})


def gerund_doers(gerund: Token, host: Token) -> list[Token]:
    """Who does a gerund hung from ``host`` (see gerund_host): the host's object after "with",
    "of", "for" ("Prosecutors charged Kopp with killing Slepian": Kopp), else its subject
    ("Kopp is charged with killing Slepian", "McCaw forced LIN's hand by bidding $1.9
    billion": McCaw)."""
    preposition = gerund.head if gerund.dep_ == "pcomp" else \
        next((c for c in gerund.children if c.dep_ == "mark"), gerund)
    objects = [c for c in host.children if c.dep_ in ("dobj", "obj")]
    if objects and not is_passive(host) and preposition.text.lower() in OBJECT_CONTROL:
        return objects
    return subjects(host)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ in ("aux:pass", "auxpass") for c in verb.children)


def subjects(verb: Token) -> list[Token]:
    """The verb's subjects, active or passive, in text order."""
    return [c for c in verb.children if c.dep_ in SUBJECTS]


def agent(verb: Token) -> Token | None:
    """The agent of a passive verb: "were returned by Russia" gives "Russia"."""
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return child
        if child.dep_ == "agent":  # ClearNLP: agent -> pobj
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def doers(verb: Token) -> list[Token]:
    """Who did what the verb says: the agent first in a passive or a participle ("a bid
    launched last week by Paribas at 1,850 francs"), then the subjects."""
    found = []
    by = agent(verb)
    if by is not None:
        found.append(by)
    return found + [s for s in subjects(verb) if not (s.dep_ in PASSIVE_SUBJECTS and found)]


def appositions(token: Token) -> list[Token]:
    """The nouns in apposition with this one, either way round:
    "Dmytro Lubinets, Ukraine's parliamentary commissioner" links both heads."""
    linked = [c for c in token.children if c.dep_ in APPOSITIONS]
    if token.dep_ in APPOSITIONS and token.head.i != token.i:
        linked.append(token.head)
    return linked


def conjuncts(token: Token) -> list[Token]:
    """ "Ukraine and Russia each released 390": Russia for Ukraine and Ukraine for Russia."""
    return list(token.conjuncts)


def higher_clause(verb: Token) -> Token | None:
    """The verb of the clause this one hangs from (reported speech, relative clauses)."""
    if verb.dep_ not in CLAUSE_LINKS or verb.head.i == verb.i:
        return None
    head = verb.head
    return governing_verb(head) if head.pos_ not in _VERBS else head


def reporting_verbs(verb: Token, speech_lemmas: frozenset[str]) -> list[Token]:
    """Verbs of saying attached to the clause as a parenthetical or second clause:
    "307 soldiers came home, Zelensky said" (UD hangs "said" from "came" as parataxis)."""
    return [c for c in verb.children if c.dep_ in ("parataxis", "conj", "advcl")
            and c.lemma_.lower() in speech_lemmas and c.i > verb.i]


def of_objects(token: Token) -> list[Token]:
    """The nouns of the token's "of" phrases: "Hundreds of Cuban-Americans" gives
    "Cuban-Americans", "the value of the stock market" gives "market"."""
    return [g for c in token.children if c.dep_ == "prep" and c.text.lower() == "of"
            for g in c.children if g.dep_ == "pobj"]


def counted_noun(number: Token) -> Token | None:
    """The noun a numeric modifier counts: "307 Ukrainian prisoners of war" gives "prisoners";
    through a compound it hangs from ("two Iskander-M missiles" gives "missiles")."""
    if number.dep_ not in NUMERIC_MODIFIERS or number.head.pos_ not in _NOUNS or number.head.i == number.i:
        return None
    noun = number.head
    # climb to the right through the noun phrase (compounds, names used as modifiers), not
    # out of it: a possessor ("3 countries' leaders") is what is counted
    while noun.head.pos_ in _NOUNS and 0 < noun.head.i - noun.i <= 3 and noun.dep_ not in ("nmod:poss", "poss"):
        noun = noun.head
    return noun


#: how a word modifies the noun after it ("the November 1995 assassination", "Friday's purchases")
PREMODIFIERS = frozenset({"compound", "amod", "nmod", "nmod:poss", "poss", "nummod", "npadvmod", "obl:npmod"})


def dated_noun(date: Span) -> Token | None:
    """The noun a date modifies from inside its noun phrase, whose time it gives alone:
    "the November 1995 assassination" gives "assassination", "Friday's purchases"
    "purchases"; None for a date that stands on its own ("on Friday", "last year")."""
    root = date.root
    head = root.head
    if root.dep_ not in PREMODIFIERS or head.i == root.i or head.pos_ not in _NOUNS or not head.text.isalpha() \
            or date.start <= head.i < date.end or head.i < date.end - 1:
        return None
    return head


def marked_clause(token: Token, markers: frozenset[str], max_steps: int = 12) -> Token | None:
    """The verb of the adverbial clause the token stands in when a conjunction from ``markers``
    opens it ("after delegates voted 89-52" gives "voted"); None in the main clause."""
    steps = 0
    while steps < max_steps and token.head.i != token.i:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.text.lower() in markers for c in token.children):
            return token
        token, steps = token.head, steps + 1
    return None


RELATIVE_CLAUSES = frozenset({"relcl", "acl:relcl"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: in "Mars Inc., which has 36% of the market"
    the subject "which" of the relative clause is "Inc." (its clause hangs from it)."""
    if token.text.lower() not in RELATIVE_PRONOUNS or token.dep_ not in SUBJECTS | {"dobj", "obj"}:
        return None
    clause = token.head
    if clause.dep_ not in RELATIVE_CLAUSES or clause.head.i == clause.i or clause.head.pos_ not in _NOUNS:
        return None
    return clause.head
