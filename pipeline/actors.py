"""Actors: find who does, says or undergoes something, and resolve the name.

Three sources, in this order of trust:

1. the registry ``models/actors.yml``: states (names, demonyms, metonyms
   such as Kyiv or the Kremlin), persons (aliases, and the offices they held
   in which years, so ``Ukrainian President`` in a 2025 article is Volodymyr
   Zelensky), bodies, organizations and groups, all matched with one
   PhraseMatcher built once;
2. institutions named after a state (``Russia's defense ministry``, ``the
   Ukrainian and Russian governments``) from ``models/patterns/actors.yml``,
   resolved to a registry entry when one has that form, else named
   ``<Institution> of <State>``;
3. names the registry does not know: a title before capitalised words
   (``spokesman John Doe``), capitalised words before a verb of saying,
   capitalised words closed by a legal form (``Polly Peck International Inc.``)
   and capitalised organization names (``State Emergency Service``).

The open-data registry (``models/actors_open.json``) and the NER's persons,
organizations, nationalities and states come after them; a line that is only
a known name and a colon (``KENYA:``) is a table heading.

Pronouns (``he``, ``it``), group references (``both sides``, ``the three``,
``the two presidents``: the last group of that size and kind), surnames of
persons named in full (the nearest before) and definite descriptions (``the
ministry``, ``the company`` opening a sentence or its clause after a fronted
phrase, ``The Wilmington, Del., company``, ``the company's``) resolve to the
nearest compatible actor before them.
"""
from __future__ import annotations

import bisect
import shutil
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .gazetteer import DEFAULT_PATH as DEFAULT_OPEN_PATH
from .gazetteer import GazetteerEntry, load_gazetteer
from .resources import PATTERNS_DIR, SavesPatterns, load_yaml, patterns, registry_path, same_files

if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=None)


# Words after "the bureau" that show "bureau" is the whole description, not a modifier.
_NOT_NOUNS = frozenset({"also", "has", "had", "have", "is", "was", "were", "are", "will", "would", "could",
                        "should", "may", "might", "must", "can", "still", "then", "now", "already", "only",
                        "on", "in", "at", "for", "to", "of", "and", "but", "or", "which", "that", "who"})


#: how many earlier mentions a pronoun or reference looks back over for its antecedent
_LOOKBACK = 200
#: "the two", "the three": a reference to a group of that size
_GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "five": 5}
#: words right after "the two" that leave the reference bare ("The three are expected to join")
_BARE_COUNT_FOLLOWERS = frozenset({"are", "were", "have", "had", "will", "would", "also", "each", "both", "said",
                                   "say", "agreed", "signed", "met"})
#: plural heads of "the two presidents", "the three nations" and the actor types they name
_PERSONS = frozenset({"PERSON"})
_STATES = frozenset({"STATE", "GOVERNMENT"})
_GROUP_NOUN_KINDS = {
    **dict.fromkeys(["men", "women", "presidents", "leaders", "ministers", "suspects", "candidates",
                     "brothers", "sisters", "officials", "executives"], _PERSONS),
    **dict.fromkeys(["countries", "nations", "states", "governments", "neighbors", "neighbours", "allies",
                     "republics", "sides"], _STATES | {"ORGANIZATION", "PARTY", "ARMED_GROUP", "MILITARY", "IGO"}),
    **dict.fromkeys(["companies", "firms", "parties", "groups", "banks", "airlines"],
                    frozenset({"ORGANIZATION", "COMPANY", "PARTY", "ARMED_GROUP", "NGO", "GROUP"})),
}
#: plural heads that, after "the", stand for the companies just named ("the thrifts agreed")
_PLURAL_COMPANY_HEADS = frozenset({"companies", "firms", "banks", "thrifts", "concerns", "airlines", "carriers",
                                   "insurers", "lenders", "automakers"})
_BANK_HEADS = frozenset({"banks", "thrifts", "lenders"})
#: words of a bank's name ("Dime Savings Bank of New York", "Poughkeepsie Savings Bank", "Valley Bancorp")
_BANK_NAME_WORDS = frozenset({"Bank", "Banks", "Savings", "Bancorp", "Bancorp.", "Bancshares", "Thrift", "Trust",
                              "Financial", "Loan", "Banking"})
#: titles of address kept in a person's mention ("Mr. Gerstner")
_HONORIFICS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr")
#: words after a one-word name that make it the subject of a clause ("Sony is paying")
_ACTING_WORDS = frozenset({"is", "was", "has", "had", "will", "would", "could", "can", "may", "might",
                           "also", "plans", "agreed", "posted", "reported", "announced"})


@dataclass(frozen=True)
class Actor:
    """A resolved actor: canonical name, type, ISO alpha-3 country."""

    name: str
    type: str
    country: str | None = None


@dataclass
class ActorMention:
    """A stretch of text naming one actor, or several joined ("Ukraine and Russia")."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    actors: tuple[Actor, ...]
    kind: str  # registry, office, institution, group, name, organization, pronoun, reference
    antecedent: str | None = None  # for pronouns and references: the text they resolve through

    @property
    def is_group(self) -> bool:
        return len(self.actors) > 1


def span_mention(doc: Doc, start: int, end: int, actors: tuple[Actor, ...], kind: str,
                 antecedent: str | None = None) -> ActorMention:
    """The mention of ``actors`` over tokens [start, end) of ``doc``, its text and offsets as written."""
    span = doc[start:end]
    return ActorMention(start, end, span.start_char, span.end_char, span.text, actors, kind, antecedent)


def normalize(text: str) -> str:
    """Casefolded, apostrophes unified, whitespace collapsed, no leading "the"."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = " ".join(text.casefold().split())
    return text[4:] if text.startswith("the ") else text


@dataclass
class _Office:
    holders: list[tuple[int, int | None, Actor]] = field(default_factory=list)

    def holder(self, year: int | None, month: int = 6) -> Actor | None:
        """Who held the office in that year; in a year of change, the outgoing holder
        in its first half and the incoming one in its second (the registry keeps years only)."""
        if year is None:
            current = [h for h in self.holders if h[1] is None]
            return current[-1][2] if current else None
        holders = [h for h in self.holders if h[0] <= year and (h[1] is None or year <= h[1])]
        if not holders:
            return None
        holders.sort(key=lambda h: h[0])
        return holders[-1][2] if month > 6 or len(holders) == 1 else holders[0][2]


class Registry:
    """The actor registry of models/actors.yml, indexed for lookup."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.states: dict[str, Actor] = {}
        self.surfaces: dict[str, tuple[str, Any]] = {}  # exact text -> (kind, target)
        self.by_normal: dict[str, Actor] = {}
        self.state_names: dict[str, list[str]] = {}
        self.demonyms: dict[str, list[str]] = {}
        self.offices: dict[tuple[str, str], _Office] = {}
        for entry in data.get("states") or []:
            code: str = entry["country"]  # models/actors.yml gives every state its ISO code
            actor = Actor(entry["name"], "STATE", code)
            self.states[code] = actor
            names = [actor.name, *(entry.get("aliases") or [])]
            self.state_names[code] = names
            self.demonyms[code] = list(entry.get("demonyms") or [])
            for name in names:
                self._add(name, "state", actor)
            for metonym in entry.get("metonyms") or []:
                self._add(metonym, "metonym", actor)
                if metonym.startswith("the "):
                    self._add(metonym[4:], "metonym", actor)
            for demonym in self.demonyms[code]:
                self.surfaces.setdefault(demonym, ("demonym", actor))
        orgs: dict[str, Actor] = {}
        for entry in data.get("actors") or []:
            actor = Actor(entry["name"], entry.get("type") or "ORGANIZATION", entry.get("country"))
            orgs[actor.name] = actor
            for name in [actor.name, *(entry.get("aliases") or [])]:
                self._add(name, "actor", actor)
            for office in entry.get("offices") or []:
                key = (str(office["office"]).lower(), str(office["of"]))
                self.offices.setdefault(key, _Office()).holders.append(
                    (int(office.get("from") or 0), office.get("to"), actor))
        self.orgs = orgs

    def _add(self, surface: str, kind: str, actor: Actor) -> None:
        self.surfaces.setdefault(surface, (kind, actor))
        self.by_normal.setdefault(normalize(surface), actor)

    def office_forms(self) -> dict[str, tuple[str, str]]:
        """Title phrases ("Ukrainian President", "President of Ukraine") -> office key."""
        forms: dict[str, tuple[str, str]] = {}
        for key in self.offices:
            office, of = key
            titled = " ".join(w.capitalize() if w not in ("of", "the") else w for w in office.split())
            titled = titled.replace("Secretary-general", "Secretary-General").replace("Director-general", "Director-General")
            for title in {office, titled}:
                if of in self.states:
                    for demonym in self.demonyms.get(of, []):
                        forms.setdefault(f"{demonym} {title}", key)
                    for name in self.state_names.get(of, []):
                        forms.setdefault(f"{name}'s {title}", key)
                        forms.setdefault(f"{name}’s {title}", key)
                        forms.setdefault(f"{title} of {name}", key)
                elif of in self.orgs:
                    forms.setdefault(f"{of} {title}", key)
                    forms.setdefault(f"{title} of the {of}", key)
        return forms


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> Registry:
    return Registry(load_yaml(path or registry_path()) or {})


class ActorRecognizer(SavesPatterns):
    """Writes ``doc._.actors``: actor mentions resolved to canonical actors."""

    pattern_names = ("actors", "attachment")  # the event verbs that are never names

    def __init__(self, nlp: Language, name: str = "news_actors", registry: str | None = None,
                 open_registry: bool = True, open_registry_path: str | None = None,
                 patterns_dir: str | Path | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self.patterns_dir = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
        # where the registries come from: saved with the component by to_disk, read back by from_disk
        self.registry_file = Path(registry) if registry else registry_path()
        # a saved pipeline whose registry file is gone from where its config says: from_disk
        # brings the saved copy; used without it, the component says which file is missing
        self.missing_registry = None if self.registry_file.is_file() else self.registry_file
        if self.missing_registry is not None:
            self.registry_file = registry_path()
        self.open_registry_file = Path(open_registry_path) if open_registry_path else DEFAULT_OPEN_PATH
        self.open_registry = open_registry
        self.registry = load_registry(str(self.registry_file))
        lex = patterns("actors", self.patterns_dir)
        self.institutions: dict[tuple[str, ...], dict[str, Any]] = {}
        for entry in lex["institutions"]:
            for form in entry["forms"]:
                self.institutions[tuple(t.lower_ for t in nlp.make_doc(form))] = entry
        self.max_institution = max(len(k) for k in self.institutions)
        self.group_heads = {tuple(h.split()) for h in lex["group_heads"]}
        self.group_references: dict[str, list[tuple[str, ...]]] = {}
        for reference in sorted((tuple(r.split()) for r in lex["group_references"]), key=len, reverse=True):
            self.group_references.setdefault(reference[0], []).append(reference)
        self.person_titles = frozenset(lex["person_titles"])
        self.organization_heads = frozenset(lex["organization_heads"])
        self.not_names = frozenset(lex["not_names"])
        self.pronouns = {kind: frozenset(words) for kind, words in lex["pronouns"].items()}
        self.speech_verbs = frozenset(lex["speech_verbs"])
        self.description_heads = frozenset(lex["description_heads"])
        self.event_lemmas = frozenset(patterns("attachment", self.patterns_dir)["event_lemmas"])
        self.place_words = frozenset(lex["place_words"])
        self.place_prepositions = frozenset(lex["place_prepositions"])
        self.apposition_titles = frozenset(lex["apposition_titles"])
        self.company_suffixes = frozenset(lex["company_suffixes"])
        self.company_prefixes = frozenset(lex["company_prefixes"])
        self.name_words_after_and = frozenset(lex["name_words_after_and"])
        self.security_nouns = frozenset(lex["security_nouns"])
        self.market_moves = frozenset(lex["market_moves"])
        self.company_heads = frozenset(lex["company_heads"])
        self.fronted_openers = frozenset(lex["fronted_openers"])
        self.sentence_openers = frozenset(lex["sentence_openers"])
        self.description_breaks = frozenset(lex["description_breaks"])
        self.source_nouns = frozenset(lex["source_nouns"])
        self.us_states_after_towns = frozenset(lex["us_states_after_towns"])
        self.group_modifiers = frozenset(lex["group_modifiers"])
        self.public_body_words = frozenset(lex["public_body_words"])
        self.common_words = frozenset(lex["generic_name_words"]) | nlp.Defaults.stop_words
        # the open-data registry (models/actors_open.json, lab/build_registry.py): names the
        # hand-made registry lacks; loaded once per process, its aliases pre-tokenized
        self.gazetteer = load_gazetteer(self.open_registry_file, tokenizer=nlp.tokenizer) if open_registry else None
        self.targets: dict[int, tuple[str, Any]] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        entries: dict[str, tuple[str, Any]] = dict(self.registry.surfaces)
        for form, office in self.registry.office_forms().items():
            entries.setdefault(form, ("office", office))
        for surface, target in entries.items():
            self.targets[nlp.vocab.strings.add(f"ACTOR::{surface}")] = target
        texts = list(entries)
        for surface, pattern in zip(texts, nlp.tokenizer.pipe(texts)):  # type: ignore[union-attr]
            self.matcher.add(f"ACTOR::{surface}", [pattern])

    # -- saving -----------------------------------------------------------------

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """The registries and pattern files this component reads, copied beside the saved
        pipeline, so that ``spacy.load`` reads the same names on any machine, whatever is
        installed there."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.registry_file, path / "registry.yml")
        if self.open_registry:
            shutil.copyfile(self.open_registry_file, path / "open_registry.json")
        super().to_disk(path, exclude)

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> ActorRecognizer:
        """Rebuild from the registries and patterns saved by ``to_disk``, unless they are the
        very files already read (then the build ``spacy.load`` just made stands)."""
        path = Path(path)
        saved, opened, saved_patterns = path / "registry.yml", path / "open_registry.json", path / "patterns"
        registry = saved if saved.exists() else self.registry_file  # saved before registries were
        open_file = opened if opened.exists() else self.open_registry_file
        pattern_dir = saved_patterns if self.has_saved_patterns(saved_patterns) else self.patterns_dir
        same = same_files([(registry, self.registry_file), (pattern_dir, self.patterns_dir)]
                          + [(open_file, self.open_registry_file)] * self.open_registry,
                          self.pattern_names)
        if not same:
            self.__init__(self.nlp, self.name, str(registry), self.open_registry,  # type: ignore[misc]
                          str(open_file), pattern_dir)
        return self

    def use_patterns(self, directory: Path) -> None:
        self.__init__(self.nlp, self.name, str(self.registry_file), self.open_registry,  # type: ignore[misc]
                      str(self.open_registry_file), directory)

    # -- pieces ----------------------------------------------------------------

    def _is_town(self, doc: Doc, end: int) -> bool:
        """The name ending at ``end`` is followed by a U.S. state: "Norwood, Mass.-based Phoenix"."""
        return end + 1 < len(doc) and doc[end].text == "," \
            and doc[end + 1].text.split("-")[0] in self.us_states_after_towns

    def _is_place(self, doc: Doc, start: int, end: int) -> bool:
        """ "in Moscow", "the Moscow region", "the Rome-based agency": the city, not its government."""
        if end < len(doc) and (doc[end].lower_ in self.place_words
                               or (doc[end].text == "-" and not doc[end - 1].whitespace_)):
            return True
        return start > 0 and doc[start - 1].lower_ in self.place_prepositions

    def _institution_at(self, doc: Doc, i: int) -> tuple[int, dict[str, Any]] | None:
        for n in range(self.max_institution, 0, -1):
            words = tuple(t.lower_ for t in doc[i:i + n])
            if len(words) == n and words in self.institutions:
                return i + n, self.institutions[words]
        return None

    def _institution_actor(self, state: Actor, entry: dict[str, Any]) -> Actor:
        if entry.get("state_body"):
            return state
        reg = self.registry
        for form in entry["forms"]:
            code = state.country or ""
            for prefix in [*reg.demonyms.get(code, []), *(f"{n}'s" for n in reg.state_names.get(code, []))]:
                found = reg.by_normal.get(normalize(f"{prefix} {form}"))
                if found is not None:
                    return found
        return Actor(f"{entry['label']} of {state.name}", entry["type"], state.country)

    def _name_after(self, doc: Doc, i: int, taken: list[bool] | None = None) -> int:
        """End of a run of 1-3 capitalised words starting at i (i if none)."""
        j = i
        while j < len(doc) and j - i < 3 and doc[j].is_alpha and doc[j].text[0].isupper() \
                and not doc[j].is_upper and doc[j].text not in self.not_names and not (taken and taken[j]):
            j += 1
        return j

    def _mention(self, doc: Doc, start: int, end: int, actors: tuple[Actor, ...], kind: str,
                 antecedent: str | None = None) -> ActorMention:
        return span_mention(doc, start, end, actors, kind, antecedent)

    # -- passes ----------------------------------------------------------------

    def _inside_a_personal_name(self, doc: Doc, start: int, end: int) -> bool:
        """Tokens [start, end) go on a personal name the NER began before them: "Holland" in
        "Peter Holland, 45", "Jordan" in "Jack Jordan said"; not "Jordan King Abdullah said"."""
        return all(doc[k].ent_iob_ == "I" and self.ENTITY_LABELS.get(doc[k].ent_type_) == "PERSON"
                   for k in range(start, end))

    def _registry_pass(self, doc: Doc) -> list[ActorMention]:
        year = doc._.published.year if doc._.published else None
        month = doc._.published.month if doc._.published else 6
        raw = sorted(((s, e, self.targets[m]) for m, s, e in self.matcher(doc)), key=lambda x: (x[0], -(x[1] - x[0])))
        spans: list[tuple[int, int, tuple[str, Any]]] = []
        for s, e, target in raw:
            if spans and s < spans[-1][1]:
                continue
            spans.append((s, e, target))
        mentions: list[ActorMention] = []
        k = 0
        while k < len(spans):
            s, e, (kind, target) = spans[k]
            nxt = spans[k + 1] if k + 1 < len(spans) else None
            if kind == "metonym" and self._is_place(doc, s, e) or kind in ("state", "metonym") \
                    and self._inside_a_personal_name(doc, s, e):
                k += 1
                continue
            if kind in ("state", "demonym", "metonym"):
                j = e
                if kind == "state" and j < len(doc) and doc[j].lower_ in ("'s", "’s"):
                    j += 1
                # "Ukraine's Coordination Headquarters ...": the registered body wins
                if j > e and nxt and nxt[0] == j and nxt[2][0] == "actor":
                    mentions.append(self._mention(doc, s, nxt[1], (nxt[2][1],), "registry"))
                    k += 2
                    continue
                # "The Ukrainian and Russian governments"
                if kind == "demonym" and nxt and nxt[2][0] == "demonym" and e < len(doc) \
                        and doc[e].lower_ == "and" and nxt[0] == e + 1:
                    head = next((h for h in self.group_heads
                                 if tuple(t.lower_ for t in doc[nxt[1]:nxt[1] + len(h)]) == h), None)
                    if head:
                        start = s - 1 if s > 0 and doc[s - 1].lower_ == "the" else s
                        entry = self._institution_at(doc, nxt[1]) or (0, {"state_body": True})
                        pair = (self._institution_actor(target, entry[1]), self._institution_actor(nxt[2][1], entry[1]))
                        mentions.append(self._mention(doc, start, nxt[1] + len(head), pair, "group"))
                        k += 2
                        continue
                inst = self._institution_at(doc, j) if kind != "metonym" else None
                if inst:
                    start = s - 1 if s > 0 and doc[s - 1].lower_ == "the" else s
                    actor = self._institution_actor(target, inst[1])
                    if kind == "demonym" and actor.type != "STATE" and actor.name not in self.registry.orgs \
                            and all(t.is_title for t in doc[j:inst[0]]):
                        # "Australian Electoral Commission": a proper name, kept as written
                        actor = Actor(doc[s:inst[0]].text, actor.type, actor.country)
                    mentions.append(self._mention(doc, start, inst[0], (actor,), "institution"))
                    k += 1
                    while k < len(spans) and spans[k][0] < inst[0]:
                        k += 1
                    continue
                if kind != "demonym":
                    mentions.append(self._mention(doc, s, e, (target,), "registry"))
                k += 1
                continue
            if kind == "office":
                holder = self.registry.offices[target].holder(year, month)
                if s > 0 and doc[s - 1].lower_ in ("become", "became", "becomes", "becoming", "as", "new"):
                    holder = None  # "will become Britain's prime minister": a role, not its holder
                # "Ukrainian President Volodymyr Zelensky": the name that follows decides
                if nxt and nxt[0] == e and nxt[2][0] == "actor" and nxt[2][1].type == "PERSON":
                    mentions.append(self._mention(doc, s, nxt[1], (nxt[2][1],), "office"))
                    k += 2
                    continue
                name_end = self._name_after(doc, e)
                if name_end - e >= 2:
                    person = Actor(doc[e:name_end].text, "PERSON", target[1] if len(target[1]) == 3 else None)
                    mentions.append(self._mention(doc, s, name_end, (person,), "office"))
                elif holder is not None:
                    mentions.append(self._mention(doc, s, e, (holder,), "office"))
                k += 1
                continue
            mentions.append(self._mention(doc, s, e, (target,), "registry"))
            k += 1
        return mentions

    def _names_pass(self, doc: Doc, taken: list[bool]) -> list[ActorMention]:
        """Capitalised names the registry does not hold."""
        found: list[ActorMention] = []
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if taken[i] or not tok.is_alpha or not tok.text[0].isupper() or tok.text in self.not_names:
                i += 1
                continue
            legal_end = self._legal_name_end(doc, i, taken)
            if legal_end:  # "Polly Peck International Inc.": a legal form closes a company's name
                found.append(self._mention(doc, i, legal_end, (Actor(doc[i:legal_end].text, "ORGANIZATION"),), "name"))
                i = legal_end
                continue
            org_end = self._organization_end(doc, i, taken)
            if org_end - i >= 2:
                found.append(self._organization(doc, i, org_end, None))
                i = org_end
                continue
            # Person: title + name, or name + verb of saying
            titled = i
            while titled < n and doc[titled].text in self.person_titles and not taken[titled]:
                titled += 1
            if titled > i:
                end = self._name_after(doc, titled, taken)
                if end - titled >= 1 and (end - titled >= 2 or doc[titled - 1].text.endswith(".")
                                         or doc[titled - 1].text in ("Mr", "Ms", "Mrs")):
                    found.append(self._mention(doc, i, end, (Actor(doc[titled:end].text, "PERSON"),), "name"))
                    i = end
                    continue
            end = self._name_after(doc, i, taken)
            # a name after a describing noun: "grid operator Ukrenergo", "forecaster AccuWeather"
            if end > i and i > 0 and doc[i - 1].lower_ in self.description_heads and doc[i - 1].is_lower \
                    and doc[i - 1].lower_ not in self.person_titles:
                found.append(self._mention(doc, i, end, (Actor(doc[i:end].text, "ORGANIZATION"),), "name"))
                i = end
                continue
            # one capitalised word before a verb of saying: "Ukrenergo said"
            if end - i == 1 and end < n and doc[end].text in self.speech_verbs and i > 0 \
                    and doc[i - 1].text not in (".", "\n") and not doc[i - 1].is_space:
                found.append(self._mention(doc, i, end, (Actor(tok.text, "ORGANIZATION"),), "name"))
                i = end
                continue
            # an acronym that speaks or is cited: "the NDMA said", "according to UNHCR"
            cited = i >= 2 and [t.lower_ for t in doc[i - 2:i]] == ["according", "to"] or \
                i >= 3 and [t.lower_ for t in doc[i - 3:i]] == ["according", "to", "the"]
            if tok.is_upper and 2 <= len(tok.text) <= 6 and (cited or (i + 1 < n and doc[i + 1].text in self.speech_verbs)):
                found.append(self._mention(doc, i, i + 1, (Actor(tok.text, "ORGANIZATION"),), "name"))
                i += 1
                continue
            if cited:
                run = i
                while run < n and run - i < 4 and not taken[run] and doc[run].is_alpha and doc[run].text[0].isupper():
                    run += 1
                found.append(self._mention(doc, i, run, (Actor(doc[i:run].text, "ORGANIZATION"),), "name"))
                i = run
                continue
            # a clause opened by a name and a verb of the event: "Plaid Cymru won four seats"
            opens = i == 0 or doc[i - 1].is_sent_end or doc[i - 1].is_space or doc[i - 1].text in (",", ";", "“", '"')
            if opens and end > i and end < n and doc[end].is_lower and doc[end].lemma_.lower() != doc[end].lower_ \
                    and doc[end].lemma_.lower() in self.event_lemmas and (end - i >= 2 or not doc[i].is_sent_start):
                found.append(self._mention(doc, i, end, (Actor(doc[i:end].text, "ORGANIZATION" if end - i == 1 else "GROUP"),), "name"))
                i = end
                continue
            if end - i >= 2:
                before = doc[i - 1].text if i > 0 else ""
                before = doc[i - 2].text if before == "," and i > 1 else before
                after = doc[end].text if end < n else ""
                after = doc[end + 1].text if after == "," and end + 1 < n else after
                after = doc[end + 2].text if after == "who" and end + 2 < n else after
                if before in self.person_titles or after in self.speech_verbs or self._apposition_follows(doc, end):
                    found.append(self._mention(doc, i, end, (Actor(doc[i:end].text, "PERSON"),), "name"))
                    i = end
                    continue
            i += 1
        return found

    #: the open registry's types in the tables' vocabulary (TABLES.md actor_type)
    OPEN_TYPES = {"PERSON": "PERSON", "GOVERNMENT": "GOVERNMENT", "MILITARY": "MILITARY", "ARMED_GROUP": "GROUP",
                  "GROUP": "GROUP"}

    def _open_actor(self, entry: GazetteerEntry) -> Actor:
        return Actor(entry.name, self.OPEN_TYPES.get(entry.type, "ORGANIZATION"), entry.country)

    @staticmethod
    def _open_name_fits(entry: GazetteerEntry, text: str, countries: set[str]) -> bool:
        """A party's short acronym stands for it only where the article names its country:
        elsewhere "EDS", "KKR", "MGM" are companies."""
        return not (entry.type == "PARTY" and " " not in text and text.isupper() and len(text) <= 5
                    and entry.country not in countries)

    def _open_lookup(self, text: str, countries: set[str]) -> Actor | None:
        entry = self.gazetteer.lookup(text) if self.gazetteer is not None else None
        return self._open_actor(entry) if entry is not None and self._open_name_fits(entry, text, countries) else None

    def _open_registry_pass(self, doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
        """Names the open registry holds ("Madeleine Albright", "Kenya African National Union"):
        a name swallows a state named inside it; one that crosses another mention's edge or
        sits inside it is left to that mention."""
        if self.gazetteer is None:
            return []
        found = []
        countries = {m.actors[0].country for m in mentions if m.actors and m.actors[0].country}
        for match in self.gazetteer.find(doc):
            if not self._open_name_fits(match.entry, doc[match.start:match.end].text, countries):
                continue
            if not doc[match.end - 1].text[:1].isupper() and not doc[match.end - 1].text[:1].isdigit():
                continue  # a name ends in a name word, not "and" / "of"
            if not self._may_cover(match.start, match.end, mentions):
                continue
            end = match.end
            if end < len(doc) and doc[end].text in self.company_suffixes \
                    and not any(m.start <= end < m.end for m in mentions):
                end += 1  # "Magna International Inc.": the legal form belongs to the name
            found.append(self._mention(doc, match.start, end, (self._open_actor(match.entry),), "registry"))
        return found

    @staticmethod
    def _name_word(tok) -> bool:
        """A word of a name: capitalised or in capitals, or a hyphen glued inside one ("RENT-A-CAR")."""
        if tok.text == "-":
            return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
        return tok.is_alpha and (tok.is_title or tok.is_upper)

    def _joins_name(self, doc: Doc, k: int) -> bool:
        """Whether token k joins two parts of one company's name: "&", "amp" (what some sources
        keep of a lost "&amp;"), or "and" before a word that goes on with a name, after two name
        words ("Valley Federal Savings and Loan", "Aetna Life and Casualty"; not "Exxon and Power
        Corp.", two companies)."""
        return doc[k].text in ("&", "amp") or (
            doc[k].text == "and" and k + 1 < len(doc) and doc[k + 1].text in self.name_words_after_and
            and k >= 2 and self._name_word(doc[k - 1]) and self._name_word(doc[k - 2]))

    @staticmethod
    def _may_cover(start: int, end: int, mentions: list[ActorMention], swallow: bool = True,
                   legal: bool = False) -> bool:
        """Whether a new name over tokens [start, end) may stand: it touches no earlier mention,
        or (``swallow``) only states strictly inside it ("the Kenya African National Union");
        a company's full legal name (``legal``) also takes in a name it opens with ("T. Rowe
        Price" in "T. Rowe Price Associates Inc.")."""
        inside = [m for m in mentions if m.start < end and start < m.end]
        # a state or a name the organization patterns built from one ("America Bank" in "First of
        # America Bank Corp.") gives way to the longer name around it
        return not inside or swallow and all(start <= m.start and m.end <= end and (m.start, m.end) != (start, end)
                                             and (m.actors[0].type == "STATE" or m.kind == "organization"
                                                  or (legal and m.start == start and not m.is_group
                                                      and m.actors[0].type in ("ORGANIZATION", "PERSON")))
                                             for m in inside)

    @staticmethod
    def _outside(mentions: list[ActorMention], covering: list[ActorMention]) -> list[ActorMention]:
        """The mentions no span of ``covering`` contains: a longer name swallows what it holds
        ("State Bank of Pakistan" swallows "Pakistan"). Linear: the furthest end reached by a
        covering span that starts at or before each token."""
        if not covering:
            return mentions
        reach = [0] * (max(o.end for o in covering) + 1)
        for o in covering:
            reach[o.start] = max(reach[o.start], o.end)
        for k in range(1, len(reach)):
            reach[k] = max(reach[k], reach[k - 1])
        return [m for m in mentions if not (m.start < len(reach) and reach[m.start] >= m.end)]

    #: NER labels that name actors: OntoNotes (en_core_web_*) and UNER (the bundled model)
    ENTITY_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORGANIZATION", "NORP": "GROUP", "GPE": "STATE"}

    def _entities_pass(self, doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
        """The statistical NER's persons, organizations, nationalities and states as actors,
        canonical through the registry where it knows the name. An organization's name
        swallows a state named inside it ("the Kenya African National Union"); a span
        crossing another mention's edge is left to that mention."""
        found: list[ActorMention] = []
        countries = {m.actors[0].country for m in mentions if m.actors and m.actors[0].country}
        for ent in doc.ents:
            kind = self.ENTITY_LABELS.get(ent.label_)
            if kind is None or (len(ent) == 1 and ent.text in self.company_prefixes):
                continue  # "Cie." alone: it opens the next name
            start, end = ent.start, ent.end
            while start < end and doc[start].lower_ in ("the", "a", "an"):
                start += 1
            while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
                end -= 1
            legal = next((k for k in range(start + 1, end - 1) if doc[k].text in self.company_suffixes
                          and doc[k].text.endswith(".")), None)
            if legal is not None:
                end = legal + 1  # "Carnival Cruise Lines Inc. Carnival, which ...": the legal form ends the name
            if start == end or not any(t.text[:1].isupper() for t in doc[start:end]):
                continue  # names are capitalised: "the county medical examiner" is a description
            if kind == "PERSON" and end - start >= 2 and (doc[end - 1].text in self.company_suffixes
                                                         or doc[end - 1].text + "." in self.company_suffixes):
                kind = "ORGANIZATION"  # "Deseret Bancorp" tagged as a person: a legal form names a company
            if end < len(doc) and doc[end].lower_ in self.source_nouns and doc[end].is_lower:
                end, kind = end + 1, "ORGANIZATION"  # "the Lundberg survey", "a Gallup poll": the survey
            if kind == "GROUP" and start > 0 and doc[start - 1].lower_ in self.group_modifiers:
                start -= 1  # "ethnic Albanians"
            if kind == "ORGANIZATION" and doc[end - 1].text in self.company_suffixes:
                # "Price Stern Sloan Inc.": the NER may leave a first name-word out of a company's name
                while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                        and doc[start - 1].text not in self.not_names and doc[start - 1].ent_type_ in ("", "ORG") \
                        and not doc[start - 1].is_sent_end and "\n" not in doc[start - 1].whitespace_:
                    start -= 1
            if kind in ("ORGANIZATION", "PERSON") and end + 1 < len(doc) and self._joins_name(doc, end) \
                    and doc[end + 1].ent_iob_ == "B" and doc[end + 1].ent_type_ == "ORG":
                continue  # "Columbia Savings & Loan Association": the name after the "&" takes it in
            if end < len(doc) and end - start >= 2 and self._joins_name(doc, end - 1) \
                    and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "ORG":
                continue  # "Valley Federal Savings and" + "Loan Association": the same
            if kind == "ORGANIZATION" and end + 1 < len(doc) and doc[end - 1].text in self.organization_heads \
                    and doc[end].lower_ == "of" and doc[end + 1].ent_iob_ == "B" and doc[end + 1].ent_type_ == "GPE":
                # "Dime Savings Bank of New York's $21-a-share acquisition": the place is in the name
                end += 2
                while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].text not in ("'s", "’s"):
                    end += 1
            if kind == "ORGANIZATION" and end - start >= 2 and doc[end - 1].text in ("&", "amp"):
                # "Donaldson, Lufkin amp" + "Jenrette": the name goes on after the "&"
                while end < len(doc) and self._name_word(doc[end]) and doc[end].text != "-" \
                        and doc[end].ent_type_ in ("", "ORG", "PERSON"):
                    end += 1
            if kind == "ORGANIZATION" and start > 1 and self._joins_name(doc, start - 1) \
                    and self._name_word(doc[start - 2]):
                # "Standard & Poor's Corp.", "AVON RENT-A-CAR amp TRUCK Corp.", and "amp" where the
                # source lost "&amp;" to its letters
                start -= 1
                while start > 0 and self._name_word(doc[start - 1]) \
                        and doc[start - 1].ent_type_ in ("", "ORG", "PERSON") and not doc[start - 1].is_sent_end \
                        and "\n" not in doc[start - 1].whitespace_ \
                        and (doc[start - 1].text not in self.not_names or doc[start].text == "-"):  # "RENT-A-CAR"
                    start -= 1
            if kind == "ORGANIZATION" and start > 0 and doc[start - 1].text in self.company_prefixes:
                start -= 1  # "Cie. Financiere de Paribas": the legal form opens the name
            elif kind == "ORGANIZATION" and start > 1 and doc[start - 1].lower_ in ("de", "du", "des") \
                    and doc[start - 2].text in self.company_prefixes:
                start -= 2  # "Cie. de Navigation Mixte"
            while kind == "PERSON" and start < end - 1 and doc[start].text in self.us_states_after_towns:
                start += 1  # "in Buffalo, N.Y. Slepian provided ...": the state ends a place, the name starts after
            if kind == "PERSON" and start > 0 and doc[start - 1].text in _HONORIFICS:
                start -= 1  # "Mr. Gerstner": the name as the text gives it
            if not self._may_cover(start, end, mentions, swallow=kind == "ORGANIZATION" and end - start >= 2,
                                   legal=doc[end - 1].text in self.company_suffixes):
                continue
            text = doc[start:end].text
            known = self.registry.by_normal.get(normalize(text)) or self._open_lookup(text, countries)
            securities = kind == "ORGANIZATION" and (
                (end < len(doc) and (doc[end].lower_ in self.security_nouns or doc[end].lower_ in self.market_moves))
                or (start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in self.security_nouns))
            # "Shares of Coors, its main rival, fell $1.50": the company whose stock it is
            if known is None and end - start == 1 and kind in ("PERSON", "ORGANIZATION") \
                    and not self._lone_name_acts(doc, start) and not securities:
                continue  # one word the NER calls a name ("formerly Twitter", "Mariupol when"): too weak alone
            surface = self.registry.surfaces.get(text)
            if surface is not None and surface[0] == "metonym" and self._is_place(doc, start, end):
                continue  # "the death toll in Nairobi": a city as a place, as the registry pass reads it
            if known is not None:
                actor = known
            elif kind == "STATE":
                continue  # a place the registry does not know (a city, a province) acts through its bodies
            elif kind == "GROUP" and not text.endswith("s"):
                continue  # "Kenyan" as an adjective; the registry's demonyms cover the states
            else:
                # the person's name without "Mr." ("Mr. Antar" is Antar)
                actor = Actor(doc[start + 1:end].text if doc[start].text in _HONORIFICS else text, kind)
            found.append(self._mention(doc, start, end, (actor,), "entity"))
        return found

    def _short_forms(self, actor: Actor, words: list[str]) -> list[tuple[str, ...]]:
        """The shorter names an article uses for an organization it named in full:
        without its legal form ("Magna International"), and its first word when that is
        a distinctive name ("Magna", "Nestle"; not "New", "First" or a state's name)."""
        while words and words[-1] in self.company_suffixes | {",", "&", "amp"}:
            words = words[:-1]
        if len(words) >= 3 and words[0] in self.company_prefixes:  # "Cie. de Navigation Mixte" ... "Navigation Mixte"
            words = words[2:] if words[1].islower() else words[1:]
        forms = []
        if 0 < len(words) and (len(words) < len(actor.name.split()) or len(words) >= 2):
            forms.append(tuple(words))
        if len(words) >= 3 and words[-1] in self.organization_heads and words[-2][:1].isupper():
            forms.append(tuple(words[:-1]))  # "First of America Bank Corp." ... "First of America"
        if len(words) >= 3 and words[1][:1].isupper() and words[1].isalpha():
            forms.append(tuple(words[:2]))  # "America West Airlines" ... "America West"
        first = words[0] if words else ""
        if len(words) >= 2 and len(first) >= 3 and first[0].isupper() and first.isalpha() \
                and first.lower() not in self.common_words and first not in self.registry.surfaces:
            forms.append((first,))
        return forms

    def _short_names_pass(self, doc: Doc, mentions: list[ActorMention], taken: list[bool]) -> list[ActorMention]:
        """Later, shorter mentions of organizations named in full ("America West Airlines" ...
        "America West posted", "Nestle S.A." ... "Nestle's 7% share"). The short form wins over a
        state name inside it ("America") but not over another actor."""
        forms: dict[tuple[str, ...], tuple[int, Actor]] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            actor = m.actors[0]
            if m.is_group or actor.type in ("PERSON", "STATE") or m.end - m.start < 2:
                continue
            # an acronym the text defines: "the National Disaster Management Authority (NDMA)"
            if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")" \
                    and doc[m.end + 1].text.isupper() and 2 <= len(doc[m.end + 1].text) <= 8:
                forms[(doc[m.end + 1].text,)] = (m.end + 1, actor)
            if actor.type == "GROUP":
                continue
            words = [t.text for t in doc[m.start:m.end]]
            spellings = [words]
            if all(w.isupper() or not w.isalpha() or w in ("amp", "and", "of") for w in words) \
                    and any(w.isalpha() and len(w) >= 4 for w in words):
                # "BLOCKBUSTER ENTERTAINMENT CORP." ... "Blockbuster", "AVON RENT-A-CAR amp TRUCK Corp." ...
                # "Avon"; as written too ("IBM Corp." ... "IBM")
                spellings.append([w.title() if w.isalpha() and w.isupper() else w for w in words])
            for spelling in spellings:
                for form in self._short_forms(actor, spelling):
                    forms.setdefault(form, (m.end, actor))
        if not forms:
            return []
        first_words: dict[str, list[tuple[str, ...]]] = {}
        for form in sorted(forms, key=len, reverse=True):
            first_words.setdefault(form[0], []).append(form)
        states_at = {k: m for m in mentions if m.actors[0].type == "STATE" and not m.is_group
                     for k in range(m.start, m.end)}
        # the NER may tag the short name on its own ("Nestle"): the short form still names the company
        # (or a name pattern took it as a name of its own: "In September, Polly Peck announced")
        entity_spans = {(m.start, m.end) for m in mentions if not m.is_group and (
            m.kind == "entity" or (m.kind == "name" and m.actors[0].type != "PERSON"))}
        found = []
        i = 0
        while i < len(doc):
            hit = None
            for form in first_words.get(doc[i].text, ()):
                end = i + len(form)
                if forms[form][0] <= i and tuple(t.text for t in doc[i:end]) == form and not self._is_town(doc, end) \
                        and ((i, end) in entity_spans or all(not taken[k] or k in states_at for k in range(i, end))) \
                        and not (end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha):
                    hit = (end, forms[form][1])
                    break
            if hit is None:
                i += 1
                continue
            found.append(self._mention(doc, i, hit[0], (hit[1],), "organization"))
            i = hit[0]
        return found

    def _lone_name_acts(self, doc: Doc, i: int) -> bool:
        """A one-word name stands as an actor when it is an acronym ("FBI") or acts:
        a verb of saying, an event verb or an auxiliary follows ("Sony is paying")."""
        if doc[i].text.isupper() and len(doc[i].text) >= 2:
            return True
        if i > 0 and doc[i - 1].text in self.speech_verbs:
            return True  # "..., said Smith."
        k = i + 1
        if k < len(doc) and doc[k].text in ("'s", "’s"):
            return True
        if k >= len(doc) or not doc[k].is_lower:
            return False
        word = doc[k]
        return word.text in self.speech_verbs or word.lower_ in _ACTING_WORDS or (
            word.lemma_.lower() in self.event_lemmas and word.lemma_.lower() != word.lower_)

    def _legal_name_end(self, doc: Doc, i: int, taken: list[bool]) -> int:
        """End of a run of capitalised words (and "&") closed by a legal form ("Polly Peck
        International Inc.", "Jim Pattison Industries Ltd."), else 0."""
        if i > 0 and doc[i - 1].text in ("&", "amp"):
            return 0  # the tail of "La Jolla Bank & Trust Co." is not a name of its own
        if doc[i].is_sent_start and doc[i].lower_ in self.sentence_openers:
            return 0  # "Yesterday Polly Peck Inc. said": the name starts after the opener
        j = i
        while j < len(doc) and j - i < 6 and not taken[j] and doc[j].text not in self.not_names \
                and ((doc[j].is_alpha and doc[j].text[0].isupper() and doc[j].text not in self.company_suffixes)
                     or (j > i and doc[j].text in ("&", "amp"))):
            j += 1
        if j == i or j >= len(doc) or taken[j] or doc[j].text not in self.company_suffixes \
                or not doc[j].text.endswith(".") and not doc[j].text.isupper():
            return 0
        return j + 1

    def _organization_end(self, doc: Doc, i: int, taken: list[bool]) -> int:
        """End of a capitalised run (of/for/the/and inside) that holds an organization word, else i."""
        n = len(doc)
        connectors = ("of", "for", "the", "and", "on")
        j = last_cap = i
        while j < n and (not taken[j] or (j > i and doc[j - 1].lower_ == "of")):
            if doc[j].text[0].isupper() and (doc[j].is_alpha or doc[j].text.isupper()):
                last_cap = j
            elif j > i and doc[j].text in ("'", "’") and doc[j - 1].lower_.endswith("s") and j + 1 < n \
                    and doc[j + 1].text[0].isupper() and not doc[j - 1].whitespace_:
                pass  # a plural possessive inside the name: "Palestinian Prisoners’ Society"
            elif j > i and doc[j].lower_ in connectors:
                k = j
                while k < n and doc[k].lower_ in connectors:
                    k += 1
                if not (k < n and doc[k].text[0].isupper() and (not taken[k] or doc[k - 1].lower_ == "of")):
                    break
            else:
                break
            j += 1
        words = [t.text for t in doc[i:last_cap + 1]]
        # the organization word closes the name ("State Emergency Service") or
        # opens its complement ("Ministry of Health"), never "Bank Rate"
        heads = [k for k, w in enumerate(words) if w in self.organization_heads]
        if not heads or (heads[-1] != len(words) - 1 and
                         doc[i + heads[0] + 1].lower_ not in ("of", "for", "on")):
            return i
        return last_cap + 1

    def _organization(self, doc: Doc, start: int, end: int, country: str | None) -> ActorMention:
        text = doc[start:end].text
        known = self.registry.by_normal.get(normalize(text)) or self._open_lookup(text, {country} if country else set())
        actor = known or Actor(text, "ORGANIZATION", country)
        return self._mention(doc, start, end, (actor,), "organization")

    def _extend_organizations(self, doc: Doc, mentions: list[ActorMention], taken: list[bool]) -> list[ActorMention]:
        """ "U.S. Central Command", "UN Office for ...": a known name opening an organization's name."""
        out = []
        for m in mentions:
            end = self._organization_end(doc, m.end, taken) if m.kind == "registry" and not m.is_group else m.end
            if end == m.end and m.kind == "registry" and m.actors[0].type == "ORGANIZATION":
                # "the UN refugee agency": a known organization named by one of its bodies
                k = m.end
                while k < len(doc) and k - m.end < 3 and doc[k].is_lower and doc[k].is_alpha and not taken[k]:
                    k += 1
                if k > m.end and doc[k - 1].lower_ in self.description_heads and doc[k - 1].lower_.endswith(
                        ("agency", "programme", "program", "fund", "office", "body", "watchdog", "organization")):
                    out.append(self._organization(doc, m.start, k, m.actors[0].country))
                    for j in range(m.end, k):
                        taken[j] = True
                    continue
            if end > m.end:
                out.append(self._organization(doc, m.start, end, m.actors[0].country))
                for k in range(m.end, end):
                    taken[k] = True
            else:
                out.append(m)
        return out

    def _apposition_follows(self, doc: Doc, end: int) -> bool:
        """ "Andrei Vorobyov, the governor of the Moscow region, said ..." """
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        return any(t.lower_ in self.apposition_titles for t in doc[end + 1:end + 7])

    #: words after a surname that are no part of it ("Louis V. Gerstner Jr.")
    _NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})

    @classmethod
    def _surname(cls, name: str) -> str | None:
        words = [w for w in name.split() if w not in cls._NAME_SUFFIXES]
        return words[-1] if len(words) >= 2 else None

    def _full_names(self, mentions: list[ActorMention]) -> dict[str, list[tuple[int, Actor]]]:
        """Surname -> (position, person) of each person the text names in full, in text order."""
        persons: dict[str, list[tuple[int, Actor]]] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            surname = self._surname(m.actors[0].name) if not m.is_group and m.actors[0].type == "PERSON" else None
            if surname is not None:
                persons.setdefault(surname, []).append((m.start, m.actors[0]))
        return persons

    @staticmethod
    def _nearest_before(named: list[tuple[int, Actor]], i: int) -> Actor:
        """The person last named in full before token i ("Fidel Castro" ... "Raul Castro" ...
        "Castro" is Raul), else the first named after it."""
        before = [actor for start, actor in named if start < i]
        return before[-1] if before else named[0][1]

    def _surnames_pass(self, doc: Doc, persons: dict[str, list[tuple[int, Actor]]],
                       taken: list[bool]) -> list[ActorMention]:
        """A person named in full (``persons``: _full_names), later by the surname alone
        ("Louis V. Gerstner Jr." ... "Mr. Gerstner said"): the same person."""
        found = []
        for tok in doc:
            if not taken[tok.i] and tok.text in persons:
                found.append(self._mention(doc, tok.i, tok.i + 1, (self._nearest_before(persons[tok.text], tok.i),),
                                           "name"))
        return found

    def _relink_surnames(self, mentions: list[ActorMention],
                         persons: dict[str, list[tuple[int, Actor]]]) -> list[ActorMention]:
        """A surname the NER tagged on its own ("Gerstner") names the person the text named
        in full (``persons``: _full_names), not a person of its own."""
        out = []
        for m in mentions:
            actor = m.actors[0]
            if m.kind == "entity" and not m.is_group and actor.type == "PERSON" and actor.name in persons:
                person = self._nearest_before(persons[actor.name], m.start)
                m = ActorMention(m.start, m.end, m.start_char, m.end_char, m.text, (person,), "name")
            out.append(m)
        return out

    def _references_pass(self, doc: Doc, mentions: list[ActorMention], taken: list[bool]) -> list[ActorMention]:
        """Pronouns, "both sides", "the ministry": point them at an earlier mention."""
        found: list[ActorMention] = []
        ordered = sorted(mentions, key=lambda m: m.start)

        starts = [m.start for m in ordered]
        sentence_no = []  # token -> sentence number, for distances in sentences
        number = -1
        for tok in doc:
            number += tok.is_sent_start or tok.i == 0
            sentence_no.append(number)

        def before(i: int, accept) -> int | None:
            """The last mention ending by token i that ``accept`` takes, looking back over at
            most _LOOKBACK mentions (an antecedent is near; long documents stay linear)."""
            seen = 0
            for index in range(bisect.bisect_left(starts, i) - 1, -1, -1):
                m = ordered[index]
                if m.end <= i:
                    if accept(m):
                        return index
                    seen += 1
                    if seen >= _LOOKBACK:
                        break
            return None

        n = len(doc)
        lows = [t.lower_ for t in doc]
        i = 0
        while i < n:
            if taken[i]:
                i += 1
                continue
            tok = doc[i]
            nxt = doc[i + 1].text if i + 1 < n else ""
            target = None
            end = i + 1
            ref = next((r for r in self.group_references.get(lows[i], ()) if tuple(lows[i:i + len(r)]) == r), None)
            if ref:
                target = before(i, lambda m: m.is_group)
                end = i + len(ref)
            elif lows[i] == "the" and i + 2 < n and lows[i + 1] in _GROUP_SIZES \
                    and (found_kinds := self._group_reference_kinds(lows[i + 2:i + 6])) is not None:
                # "the three former Warsaw Pact nations", "The two presidents signed", "The three
                # are expected to join": the last group named with that many members of that kind
                size = _GROUP_SIZES[lows[i + 1]]
                kinds, words = found_kinds
                target = before(i, lambda m: m.is_group and len(m.actors) == size
                                and (not kinds or all(a.type in kinds for a in m.actors)))
                end = i + 2 + words  # the head noun too: "The two presidents"
            elif lows[i] == "the" and i + 1 < n and lows[i + 1] in _PLURAL_COMPANY_HEADS \
                    and not (i + 2 < n and lows[i + 2] in ("of", "in", "that", "which", "who", "with")) \
                    and (pair := self._last_two_companies(ordered, starts, sentence_no, i, lows[i + 1])) is not None:
                # not "the banks of the Hudson River", "the banks in Texas": others than those named
                # "The thrifts agreed to the transaction in August 1988": the two companies just named
                found.append(self._mention(doc, i, i + 2, pair, "reference",
                                           antecedent=" and ".join(a.name for a in pair)))
                i += 2
                continue
            elif tok.text in self.pronouns["person"]:
                # the last person who opened a sentence (its subject: "Gen. Nhek Bunchhay, a
                # loyalist of ..., said ... He said"), else the last named as a subject: not
                # "Tusk's coalition", not "for Trzaskowski"
                target = before(i, lambda m: not m.is_group and m.actors[0].type == "PERSON"
                                and m.kind != "pronoun"
                                and (self._opens_sentence(doc, m) or self._after_fronted_phrase(doc, m.start))
                                and not (m.end < n and lows[m.end] in ("'s", "’s")))
                if target is None or sentence_no[i] - sentence_no[ordered[target].start] > 2:
                    target = before(i, lambda m: not m.is_group and m.actors[0].type == "PERSON"
                                    and not (m.end < n and lows[m.end] in ("'s", "’s"))
                                    and not (m.start > 0 and lows[m.start - 1] in ("for", "of", "by", "to", "with", "against")))
                if target is None:
                    target = before(i, lambda m: not m.is_group and m.actors[0].type == "PERSON")
            elif tok.text in self.pronouns["thing"] and (
                    nxt in self.speech_verbs or (nxt in ("has", "had") and i + 2 < n and doc[i + 2].is_lower
                                                 and doc[i + 2].lemma_.lower() != doc[i + 2].lower_)):
                # the speaker of its own sentence ("the air force said, adding that it had"); for "It
                # said", the body last heard speaking; else, as for persons, the last body that opened
                # a sentence ("Ratners, which controls 25% ..., would increase its U.S. stores ... It
                # has said"), not one named in passing; else the last body named
                def body(m: ActorMention) -> bool:
                    return not m.is_group and m.actors[0].type not in ("PERSON",)

                def near(k: int | None) -> bool:
                    return k is not None and sentence_no[i] - sentence_no[ordered[k].start] <= 2

                def speaker(m: ActorMention) -> bool:
                    return body(m) and ((m.end < n and doc[m.end].text in self.speech_verbs)
                                        or (m.start > 0 and doc[m.start - 1].text in self.speech_verbs))

                # "the air force said, adding that it had shot down": the speaker of its own sentence
                target = before(i, lambda m: speaker(m) and sentence_no[m.start] == sentence_no[i])
                if target is None and nxt in self.speech_verbs:
                    target = before(i, speaker)
                if not near(target):
                    target = before(i, lambda m: body(m) and (self._opens_sentence(doc, m)
                                                              or self._after_fronted_phrase(doc, m.start)))
                if not near(target):
                    target = before(i, body)
            elif tok.text in self.pronouns["plural"] and (nxt in self.speech_verbs or nxt in ("have", "had", "will")):
                target = before(i, lambda m: m.is_group)
            elif tok.lower_ == "the" and i + 1 < n:
                inst = self._institution_at(doc, i + 1)
                if inst and not inst[1].get("state_body"):
                    head = doc[inst[0] - 1].lower_
                    target = before(i, lambda m: not m.is_group and head in m.actors[0].name.lower())
                    end = inst[0]
                elif doc[i + 1].lower_ in self.description_heads and not (
                        i + 2 < n and doc[i + 2].is_lower and doc[i + 2].is_alpha
                        and doc[i + 2].lemma_ == doc[i + 2].lower_ and doc[i + 2].lower_ not in self.speech_verbs
                        and doc[i + 2].lower_ not in _NOT_NOUNS):
                    # "the bureau", "the agency": the last actor of that kind
                    head = doc[i + 1].lower_
                    target = before(i, lambda m: not m.is_group and head in m.actors[0].name.lower())
                    end = i + 2
            if target is not None:
                antecedent = ordered[target]
                found.append(self._mention(doc, i, end, antecedent.actors,
                                           "pronoun" if end == i + 1 else "reference",
                                           antecedent=antecedent.text))
                # later pronouns may chain through this one
                at = bisect.bisect_right(starts, found[-1].start)
                ordered.insert(at, found[-1])
                starts.insert(at, found[-1].start)
            i = end
        return found

    def _last_two_companies(self, ordered: list[ActorMention], starts: list[int], sentence_no: list[int],
                            i: int, head: str) -> tuple[Actor, Actor] | None:
        """The last two distinct companies named in the six sentences up to token i, earlier
        first: banks for "the banks" and "the thrifts" (a name with "Bank", "Savings", ...),
        companies by their legal form for "the companies" (not "the FDIC" for either)."""
        found: list[Actor] = []
        for index in range(bisect.bisect_left(starts, i) - 1, -1, -1):
            m = ordered[index]
            if sentence_no[i] - sentence_no[m.start] > 5:
                break
            if m.end > i or m.is_group or m.actors[0].type not in ("ORGANIZATION", "COMPANY"):
                continue
            words = m.actors[0].name.split()
            if head in _BANK_HEADS and not set(words) & _BANK_NAME_WORDS:
                continue
            if head not in _BANK_HEADS and m.actors[0].type != "COMPANY" and words[-1] not in self.company_suffixes:
                continue
            if m.actors[0] not in found:
                found.append(m.actors[0])
            if len(found) == 2:
                return found[1], found[0]
        return None

    @staticmethod
    def _group_reference_kinds(words: list[str]) -> tuple[frozenset[str], int] | None:
        """After "the two"/"the three": (the actor types the reference may name, empty for any;
        how many of the words belong to it), or None when the words say it counts things
        ("the two bombings", "the three-day")."""
        if words and words[0] in _BARE_COUNT_FOLLOWERS:
            return frozenset(), 0  # "The three are expected to join"
        for k, word in enumerate(words):
            kinds = _GROUP_NOUN_KINDS.get(word)
            if kinds is not None:
                return kinds, k + 1
            if not word.isalpha() or word in ("of", "and", "or"):
                break
        return None

    @staticmethod
    def _opens_sentence(doc: Doc, mention: ActorMention) -> bool:
        """The mention starts its sentence, after at most a determiner or two capitalised
        title words ("The", "Treasurer Peter Costello", "Gen. Nhek Bunchhay")."""
        k = mention.start
        steps = 0
        while k > 0 and not doc[k].is_sent_start:
            prev = doc[k - 1]
            if prev.is_space or prev.text in ("``", '"', "“"):
                return True
            if steps >= 2 or not (prev.lower_ in ("the", "a", "an") or (prev.text[:1].isupper() and prev.is_alpha)
                                  or prev.text.endswith(".") and prev.text[:1].isupper()):
                return False
            k, steps = k - 1, steps + 1
        return True

    def _descriptions_pass(self, doc: Doc, mentions: list[ActorMention], taken: list[bool]) -> list[ActorMention]:
        """Lower-case descriptions before a verb of saying: "the county medical examiner said"."""
        found: list[ActorMention] = []
        earlier = sorted(mentions, key=lambda m: m.start)
        for verb in doc:
            if verb.text not in self.speech_verbs or verb.i == 0:
                continue
            end = verb.i
            head = doc[end - 1]
            if taken[end - 1] or head.lemma_.lower() not in self.description_heads and head.lower_ not in self.description_heads:
                continue
            determiners = ("the", "a", "an", "its", "their")
            start = end - 1
            while start > 0 and end - start < 7 and not taken[start - 1] and doc[start].lower_ not in determiners \
                    and (doc[start - 1].is_alpha or doc[start - 1].text in ("'s", "’s", "-")) \
                    and doc[start - 1].text not in self.speech_verbs:
                start -= 1
            words = [t.lower_ for t in doc[start:end]]
            possessive = next((k for k in range(end - 2, start - 1, -1) if doc[k].text in ("'s", "’s")), None)
            if words[0] not in determiners and possessive is not None and possessive > start \
                    and doc[possessive - 1].text[0].isupper():
                # "Uttar Pradesh's government said": the owner's capitalised name opens it
                start = possessive - 1
                while start > 0 and doc[start - 1].text[0].isupper() and doc[start - 1].is_alpha \
                        and not taken[start - 1] and doc[start - 1].text not in self.not_names:
                    start -= 1
                words = ["the"]
            if words[0] not in determiners:
                # no article: only short plurals ("officials said", "federal immigration officials said")
                start = max(start, end - 3)
                while start < end - 1 and (not doc[start].is_lower or doc[start].lower_ in ("and", "or", "but")):
                    start += 1  # not "and Republican sources"
                words = [t.lower_ for t in doc[start:end]]
                if not (head.lower_.endswith("s") or head.lower_ == "police") or not all(t.is_alpha for t in doc[start:end]):
                    continue
            if any(w in ("said", "and", "or", "that", "who", "which", "of", "in", "on", "to") for w in words[1:]):
                continue
            found.append(self._mention(doc, start, end, (self._description_actor(doc[start:end], earlier),),
                                       "description"))
            self._take(taken, found[-1:])
        return found + self._descriptions_after_saying(doc, earlier, taken)

    def _descriptions_after_saying(self, doc: Doc, earlier: list[ActorMention], taken: list[bool]) -> list[ActorMention]:
        """A lower-case plural description after an inverted verb of saying: "..., say political
        consultants.", "..., said police." (up to three words, ending the clause)."""
        found: list[ActorMention] = []
        for verb in doc:
            if verb.text not in self.speech_verbs or verb.i == 0 or doc[verb.i - 1].text != ",":
                continue
            start = verb.i + 1 + (verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "the")
            end = start
            while end < len(doc) and end - start < 3 and doc[end].is_lower and doc[end].is_alpha and not taken[end] \
                    and doc[end].lower_ not in self.description_breaks:
                end += 1
            head = doc[end - 1] if end > start else None
            if head is None or not (head.lower_ in self.description_heads and (head.lower_.endswith("s")
                                                                               or head.lower_ == "police")) \
                    or (end < len(doc) and not (doc[end].is_punct or doc[end].lower_ in ("and", "who"))):
                continue
            found.append(self._mention(doc, start, end, (self._description_actor(doc[start:end], earlier),),
                                       "description"))
            self._take(taken, found[-1:])
        return found

    def _section_labels_pass(self, doc: Doc, taken: list[bool]) -> list[ActorMention]:
        """A line that is only a known name and a colon ("TANZANIA:" over a table of figures),
        in capitals too: the registry is read case-blind here."""
        found = []
        line_start = 0
        for tok in doc:
            if tok.is_space or tok.i == 0 or "\n" in doc[tok.i - 1].whitespace_ or doc[tok.i - 1].is_space:
                line_start = tok.i if not tok.is_space else tok.i + 1
            if tok.text != ":" or tok.i == line_start or any(taken[k] for k in range(line_start, tok.i)):
                continue
            if not (tok.i + 1 == len(doc) or "\n" in tok.whitespace_ or doc[tok.i + 1].is_space):
                continue  # "Injured: 74" is a row, not a heading
            text = doc[line_start:tok.i].text
            known = self.registry.by_normal.get(normalize(text)) or self._open_lookup(text.title(), set())
            if known is not None:
                found.append(self._mention(doc, line_start, tok.i, (known,), "section"))
        return found

    def _company_subjects(self, doc: Doc, mentions: list[ActorMention], taken: list[bool]) -> list[ActorMention]:
        """A sentence that opens with "the company" or "the publishing concern" (a lower-case
        company word after "The", then a verb; also after a fronted phrase, "In the 1988
        period, the company earned", and after the place it is based in, "The Wilmington,
        Del., company reported"), and "the company's" anywhere: the company the story last
        put first."""
        found: list[ActorMention] = []
        earlier = sorted(mentions, key=lambda m: m.start)
        sentence_starts = {sent.start for sent in doc.sents}
        for tok in doc:
            if tok.lower_ != "the" or taken[tok.i]:
                continue
            opens = tok.i in sentence_starts or self._after_fronted_phrase(doc, tok.i)
            k = tok.i + 1
            place = opens and self._based_in(doc, k)  # "The Wilmington, Del., company"
            if place:
                k = place
            while k < len(doc) - 1 and k - tok.i <= 5 + (place and place - tok.i - 1) and not taken[k] \
                    and (doc[k].is_lower and doc[k].is_alpha or doc[k].text == "-") \
                    and doc[k].lower_ not in self.description_breaks:  # not "the carrying value of the company's"
                if doc[k].lower_ in self.company_heads:
                    # at a sentence's start before a verb, or anywhere before "'s" ("the company's stock")
                    if doc[k + 1].text in ("'s", "’s") or (opens and (doc[k + 1].is_lower or doc[k + 1].text == ",")):
                        company = self.company_before(doc, tok.i, earlier)
                        if company is not None:
                            found.append(self._mention(doc, tok.i, k + 1, (company,), "description"))
                            for j in range(tok.i, k + 1):
                                taken[j] = True
                    break
                k += 1
        return found

    def _after_fronted_phrase(self, doc: Doc, i: int) -> bool:
        """ "In the year-earlier period, the company ...", "Prior to the shooting, Kopp had
        traveled": ``i`` follows the comma that closes a short opening phrase."""
        if i < 2 or doc[i - 1].text != ",":
            return False
        for back in range(i - 2, max(i - 12, -1), -1):
            if back == 0 or doc[back].is_sent_start:
                return doc[back].lower_ in self.fronted_openers
        return False

    @staticmethod
    def _based_in(doc: Doc, k: int) -> int:
        """After "The", a "Place, ST.," lead ("Wilmington, Del.,", "Fairfield, N.J.,"): the
        index after its closing comma, else 0."""
        j = k
        while j < len(doc) and j - k < 4 and doc[j].is_title and doc[j].is_alpha:
            j += 1
        if j == k or j + 2 >= len(doc) or doc[j].text != "," or not doc[j + 1].text[:1].isupper() \
                or doc[j + 2].text != ",":
            return 0
        return j + 3

    def company_before(self, doc: Doc, i: int, earlier: list[ActorMention]) -> Actor | None:
        """ "the company said": the last company that opened a sentence (its subject), else the
        last one named; a public body ("the Justice Department") is no company. ``earlier`` is
        in text order; the look-back is bounded (_LOOKBACK mentions)."""
        last_named = None
        seen = 0
        for m in reversed(earlier):
            if m.end > i:
                continue
            seen += 1
            if seen > _LOOKBACK:
                break
            if m.is_group or m.kind == "description" or m.actors[0].type != "ORGANIZATION" \
                    or set(m.actors[0].name.split()) & self.public_body_words:
                continue
            if self._opens_sentence(doc, m):
                return m.actors[0]
            last_named = last_named or m.actors[0]
        return last_named

    def _description_actor(self, span, earlier: list[ActorMention]) -> Actor:
        """ "the ministry" -> the last actor named a ministry; else the description itself."""
        words = [t.lower_ for t in span]
        bare = words[1:] if words[0] in ("the", "its", "their") else None
        if bare and len(bare) == 1:
            head = bare[0]
            if head in self.company_heads:
                company = self.company_before(span.doc, span.start, earlier)
                if company is not None:
                    return company
            for m in reversed([m for m in earlier if m.end <= span.start and not m.is_group]):
                actor = m.actors[0]
                if head in actor.name.lower() or (head in ("agency", "organization", "organisation", "body", "group")
                                                  and actor.type in ("ORGANIZATION", "GOVERNMENT")):
                    return actor
                if head == "government" and actor.type == "STATE":
                    return actor
        text = span.text
        for article in ("the ", "The ", "a ", "A ", "an ", "An "):
            if text.startswith(article):
                text = text[len(article):]
                break
        person = words[-1] in ("spokesman", "spokeswoman", "spokesperson", "official", "minister", "governor",
                               "mayor", "examiner", "coroner", "prosecutor")
        return Actor(text, "PERSON" if person else "ORGANIZATION")

    @staticmethod
    def _coordinate(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
        """ "Ukraine and Russia", "Qatar, Egypt and the United States" -> one mention of all."""
        merged: list[ActorMention] = []
        joinable = ("registry", "institution", "group", "organization", "entity")
        for m in sorted(mentions, key=lambda m: m.start):
            prev = merged[-1] if merged else None
            if prev is not None and m.kind in joinable and prev.kind in joinable \
                    and not (set(prev.actors) & set(m.actors)):
                between = [t.lower_ for t in doc[prev.end:m.start]]
                if between in (["and"], [",", "and"]) and len(merged) >= 2 and not prev.is_group \
                        and m.actors[0].type == "PERSON" and prev.actors[0].type == "STATE" \
                        and doc[prev.start - 1].lower_ == "of" and merged[-2].end == prev.start - 1 \
                        and not merged[-2].is_group and merged[-2].actors[0].type == "PERSON":
                    # "Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia": the two
                    # persons are the pair, each with the state named after him
                    first = merged.pop(-2)
                    span = doc[first.start:m.end]
                    merged[-1] = ActorMention(first.start, m.end, span.start_char, span.end_char, span.text,
                                              first.actors + m.actors, "group")
                    continue
                if between in (["and"], [",", "and"], ["and", "the"], [",", "and", "the"]) or (
                        between in ([","], [",", "the"]) and any(t.lower_ == "and" for t in doc[m.end:m.end + 2])):
                    span = doc[prev.start:m.end]
                    merged[-1] = ActorMention(prev.start, m.end, span.start_char, span.end_char, span.text,
                                              prev.actors + m.actors, "group")
                    continue
            merged.append(m)
        return merged

    @staticmethod
    def _take(taken: list[bool], mentions: list[ActorMention]) -> None:
        """Mark the tokens of these mentions so that later passes leave them alone."""
        for m in mentions:
            for k in range(m.start, m.end):
                taken[k] = True

    def __call__(self, doc: Doc) -> Doc:
        if self.missing_registry is not None:
            raise FileNotFoundError(f"{self.missing_registry}: actor registry file missing")
        taken = [False] * len(doc)
        mentions = self._registry_pass(doc)
        self._take(taken, mentions)
        mentions = self._extend_organizations(doc, mentions, taken)
        known = self._open_registry_pass(doc, mentions)
        mentions = self._outside(mentions, known) + known
        self._take(taken, known)
        entities = self._entities_pass(doc, mentions)
        mentions = self._outside(mentions, entities) + entities
        self._take(taken, entities)
        sections = self._section_labels_pass(doc, taken)
        mentions += sections
        self._take(taken, sections)
        names = self._names_pass(doc, taken)
        mentions = self._outside(mentions, names)
        self._take(taken, names)
        short = self._short_names_pass(doc, mentions + names, taken)
        mentions = self._outside(mentions, short)
        names = self._outside(names, short) + short
        self._take(taken, short)
        persons = self._full_names(mentions + names)
        surnames = self._surnames_pass(doc, persons, taken)
        mentions = self._relink_surnames(mentions + names, persons)
        self._take(taken, surnames)
        mentions = self._coordinate(doc, mentions + surnames)
        references = self._references_pass(doc, mentions, taken)
        self._take(taken, references)
        references += self._descriptions_pass(doc, mentions + references, taken)
        if doc.has_annotation("SENT_START"):
            references += self._company_subjects(doc, mentions + references, taken)
        doc._.actors = sorted(mentions + references, key=lambda m: m.start)
        # labelled by the actor's type (STATE, PERSON, ...), GROUP when the mention joins several
        doc.spans["actors"] = [Span(doc, m.start, m.end, label=m.actors[0].type if len(m.actors) == 1 else "GROUP")
                               for m in doc._.actors if m.start < m.end and m.actors]
        return doc


@Language.factory("news_actors", default_config={"registry": None, "open_registry": True},
                  assigns=["doc._.actors", "doc.spans"], requires=["token.is_sent_start"])
def make_actor_recognizer(nlp: Language, name: str, registry: str | None, open_registry: bool) -> ActorRecognizer:
    return ActorRecognizer(nlp, name, registry, open_registry)
