"""Build ``models/actors_open.json``, the open-data actor registry (issue 11).

    python -m lab.build_registry --actors ../shared/actors --out models/actors_open.json

Reads Party Facts (parties) and the Phoenix / PETRARCH2 actor dictionaries
(persons, governments, IGOs, NGOs, companies, armed groups) from the shared
folder, which exists on developer machines and in CI only. The product reads
the generated JSON through :mod:`pipeline.gazetteer` and never this script.

The matcher that uses the registry is case-sensitive on exact token sequences,
and a false actor in running text costs more than a missing one, so every
alias passes the filters below (each a small named function with a test):
``too_short``, ``not_latin``, ``malformed``, ``date_or_number``,
``descriptive_phrase``, ``role_phrase``, ``bare_person_name``,
``person_alias_of_group``, ``common_word``, ``common_name``,
``general_abbreviation``, ``place_name``, ``generic_agent``,
``generic_descriptor``; then ``ambiguous_sequences`` drops token sequences
that two entries share.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.gazetteer import SCHEMA_VERSION, tokenizer_fingerprint
from pipeline.resources import MODELS_DIR

TYPES = ("PERSON", "GOVERNMENT", "MILITARY", "ORGANIZATION", "GROUP", "PARTY", "COMPANY",
         "IGO", "NGO", "ARMED_GROUP")
#: When one actor comes from several files the more specific type wins:
#: Party Facts lists only parties, so "PARTY" beats Phoenix's "GOVERNMENT" for
#: the Communist Party of China.
TYPE_PRECEDENCE = ("PERSON", "PARTY", "IGO", "ARMED_GROUP", "MILITARY", "GOVERNMENT", "COMPANY",
                   "NGO", "GROUP", "ORGANIZATION")

PHOENIX_FILES = (("Countries", "Phoenix.Countries.actors.txt"),
                 ("International", "Phoenix.International.actors.txt"),
                 ("MilNonState", "Phoenix.MilNonState.actors.txt"))
SOURCE_ORDER = ("phoenix:Countries", "phoenix:International", "phoenix:MilNonState", "partyfacts")

# --------------------------------------------------------------------------
# CAMEO codes

#: CAMEO role ("sector") codes. A code is read in 3-letter parts; the first
#: part is a country, IGO/NGO/MNC/IMG or a region, and the first part found
#: here decides the type. Parts not listed (GRL in DNKGRL) are territories.
SECTOR_TYPES = {
    "GOV": "GOVERNMENT", "LEG": "GOVERNMENT", "JUD": "GOVERNMENT", "COP": "GOVERNMENT",
    "SPY": "GOVERNMENT", "ELI": "GOVERNMENT",
    "MIL": "MILITARY",
    "REB": "ARMED_GROUP", "INS": "ARMED_GROUP", "UAF": "ARMED_GROUP", "SEP": "ARMED_GROUP",
    "PTY": "PARTY",
    "BUS": "COMPANY",
    "MED": "ORGANIZATION",
    "OPP": "GROUP", "CVL": "GROUP", "LAB": "GROUP", "EDU": "GROUP", "HRI": "GROUP", "REF": "GROUP",
    "AGR": "GROUP", "DEV": "GROUP", "ENV": "GROUP", "HLH": "GROUP", "CRM": "GROUP", "RAD": "GROUP",
    "MOD": "GROUP", "REL": "GROUP", "MOS": "GROUP", "CHR": "GROUP", "JEW": "GROUP", "BUD": "GROUP",
    "HIN": "GROUP", "SIK": "GROUP", "CTH": "GROUP", "PRO": "GROUP", "MUS": "GROUP", "SHI": "GROUP",
    "SUN": "GROUP", "ORT": "GROUP",
}
#: First parts that are not countries.
INTERNATIONAL_PREFIXES = {"IGO": "IGO", "NGO": "NGO", "MNC": "COMPANY", "IMG": "ARMED_GROUP"}
#: Phoenix and Party Facts codes that are not ISO 3166 alpha-3, mapped to the
#: ISO code of the state they belong to (ISO 3166-3 codes of former states such
#: as SUN, YUG, CSK, SCG, DDR, YMD are kept), or to None.
COUNTRY_REMAP: dict[str, str | None] = {
    "KSV": "XKX", "TMP": "TLS", "FRY": "YUG", "USR": "SUN", "FRN": "FRA", "KRJ": "HRV",
    "SRP": "BIH", "NIR": "GBR", "ZZB": "TZA", "SML": "SOM", "PMR": "MDA", "NFL": "CAN",
    "EUN": None, "AUH": None, "VNR": None, "KNT": None,  # KNT: Kinakuta, a fictional test country
}
#: East Asian given names are hyphenated with a lower-case second part
#: ("Ban Ki-moon", "Ma Ying-jeou"); news also writes them spaced ("Kim Jong Un").
EAST_ASIAN = frozenset({"KOR", "PRK", "TWN", "CHN", "HKG", "MAC"})


def code_parts(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def code_sector(code: str, iso3: frozenset[str] = frozenset()) -> str | None:
    """The first CAMEO role part of a code: USAGOVBUS -> GOV, GBRIMYELI -> ELI, DNKGRL -> None;
    a code opening with a role and no country is that role ([MED] for Reuters)."""
    parts = code_parts(code)
    if parts[0] in SECTOR_TYPES and parts[0] not in iso3 and parts[0] not in COUNTRY_REMAP:
        return parts[0]
    for part in parts[1:]:
        if part in SECTOR_TYPES:
            return part
    return None


def is_place_code(code: str, iso3: frozenset[str] = frozenset()) -> bool:
    """A state or territory code with no role part (AFG, DNKGRL, USRGEO, GEOUNR)."""
    return code[:3] not in INTERNATIONAL_PREFIXES and code_sector(code, iso3) is None


def code_country(code: str, iso3: frozenset[str]) -> str | None:
    """The ISO3 country a code names: its first part, or the second after IGO/NGO/MNC/IMG."""
    parts = code_parts(code)
    if parts[0] == "IMG":
        return None  # IMGMUSALQ: the second part is a religion, not a base
    if parts[0] in INTERNATIONAL_PREFIXES:
        # NGOMMRMED is based in Myanmar; NGOMUS... is Muslim, not Mauritius.
        if len(parts) < 2 or parts[1] in SECTOR_TYPES:
            return None
        return map_country(parts[1], iso3)
    return map_country(parts[0], iso3)


def map_country(code: str, iso3: frozenset[str]) -> str | None:
    if code in COUNTRY_REMAP:
        return COUNTRY_REMAP[code]
    return code if code in iso3 else None


def code_type(code: str, iso3: frozenset[str] = frozenset()) -> str | None:
    """The registry type a code implies for an organisation (None for place codes)."""
    if code[:3] in INTERNATIONAL_PREFIXES:
        return INTERNATIONAL_PREFIXES[code[:3]]
    sector = code_sector(code, iso3)
    return SECTOR_TYPES[sector] if sector else None


# --------------------------------------------------------------------------
# Phoenix dictionaries

_BRACKET = re.compile(r"\[([^\]]*)\]")


def parse_phoenix_date(text: str) -> str | None:
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD; None when malformed.

    Two-digit years 00-30 are 20YY, as in TABARI/PETRARCH; the dictionaries
    have no YY between 14 and 30, so the pivot is unambiguous here.
    """
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True)
class Role:
    code: str
    start: str | None = None
    end: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "from": self.start, "to": self.end}

    def sort_key(self) -> tuple[str, str, str]:
        return (self.start or "", self.code, self.end or "")


class MalformedRole(ValueError):
    pass


def parse_role(text: str) -> Role | None:
    """One bracket's content: ``USAGOV 930120-010120`` -> Role(USAGOV, 1993-01-20, 2001-01-20).

    ``>D`` is from D, ``<D`` until D, a bare D from D. None for ``---`` (no
    code); MalformedRole when a date cannot be read (``2004017``), since a
    role with a bound dropped would claim more time than the source does.
    """
    parts = text.replace("> ", ">").replace("< ", "<").split()
    if not parts or not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return Role(code)
    span = parts[1]
    if span.startswith(">") or span.startswith("<"):
        day = parse_phoenix_date(span[1:])
        if day is None:
            raise MalformedRole(text)
        return Role(code, day, None) if span[0] == ">" else Role(code, None, day)
    if "-" in span:
        first, _, last = span.partition("-")
        start, end = parse_phoenix_date(first), parse_phoenix_date(last)
        if start is None or end is None:
            raise MalformedRole(text)
        return Role(code, start, end)
    day = parse_phoenix_date(span)
    if day is None:
        raise MalformedRole(text)
    return Role(code, day, None)


@dataclass
class PhoenixRecord:
    """One actor block: name lines and ``+`` lines, then ``[CODE dates]`` lines."""

    names: list[str]
    roles: list[Role] = field(default_factory=list)
    coded: bool = False  # a code line (even ``[---]``) was seen
    leader_list: bool = False  # from CountryInfo.txt / IGOrulers.txt: lists of office holders
    line: int = 0
    malformed_roles: int = 0
    #: Codes whose dates could not be read: no role, but still a hint at the country.
    hint_codes: list[str] = field(default_factory=list)


def parse_phoenix(lines: Iterable[str]) -> tuple[list[PhoenixRecord], Counter]:
    """Split a Phoenix .actors.txt file into records.

    A name line opens a new record once the current one has codes; before
    that it is another name of the same actor (BORIS_YELTSIN_ then
    BORIS_N._YELTSIN then the codes). A blank line closes a record, but
    ``+`` lines right after blank lines still belong to it (MilNonState has
    ``MAY_19_COMMUNIST_ORDER_ [USAREB]``, a blank, ``+MAY_19_COMMUNIST_COALITION_``);
    after a comment-only line they belong to no one (a name line was lost).
    """
    records: list[PhoenixRecord] = []
    stats: Counter = Counter()
    current: PhoenixRecord | None = None
    last_closed: PhoenixRecord | None = None

    def close() -> None:
        nonlocal current, last_closed
        if current is not None:
            records.append(current)
            last_closed = current
        current = None

    for number, raw in enumerate(lines, 1):
        text, _, comment = raw.partition("#")
        stripped = text.strip()
        if not stripped:
            if not raw.strip():
                close()
            elif current is None:
                last_closed = None
            continue
        roles: list[Role] = []
        coded = False
        malformed = 0
        hints: list[str] = []
        for match in _BRACKET.finditer(stripped):
            coded = True
            try:
                role = parse_role(match.group(1))
            except MalformedRole:
                malformed += 1
                hints.append(match.group(1).split()[0])
                continue
            if role is not None:
                roles.append(role)
        if stripped.startswith("["):
            if current is None:
                stats["orphan code lines"] += 1
                continue
        elif stripped.startswith("+"):
            if current is None and last_closed is not None:
                current = last_closed  # reopened; it is already in records
                records.pop()
            if current is None:
                stats["orphan alias lines"] += 1
                continue
            current.names.extend(p for p in stripped[1:].split("[")[0].split("+") if p.strip())
        else:
            name = stripped.split("[")[0]
            name = name.split("\t")[0].strip()  # OSMAN_OLCAY<TAB>_TURKEY_: a tab ends the name
            if current is not None and current.coded:
                close()
            if current is None:
                current = PhoenixRecord(names=[], line=number)
            current.names.append(name)
            if "CountryInfo" in comment or "rulers" in comment:
                current.leader_list = True
        current.roles.extend(roles)
        current.coded = current.coded or coded
        current.malformed_roles += malformed
        current.hint_codes.extend(hints)
    close()
    for record in records:
        stats["malformed role dates"] += record.malformed_roles
    return records, stats


def parse_agents(lines: Iterable[str]) -> frozenset[str]:
    """Generic role nouns of Phoenix.agents.txt (``HEALTH_DEPARTMENT``, ``TROOP``), lower case.

    ``!PERSON!`` macros expand to their word lists; plural forms get an ``s``
    because the file leaves regular plurals to the coder.
    """
    macros: dict[str, list[str]] = {}
    phrases: set[str] = set()
    for raw in lines:
        text = raw.split("#")[0].strip()
        if not text:
            continue
        macro = re.fullmatch(r"(!\w+!)\s*=\s*(.+)", text)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        head = re.split(r"[\[{]", text)[0].strip()
        if not head:
            continue
        forms = [head]
        for name, words in macros.items():
            forms = [f.replace(name, w) for f in forms for w in words] if any(name in f for f in forms) else forms
        for form in forms:
            phrase = " ".join(form.replace("_", " ").lower().split())
            if phrase and "!" not in phrase:
                phrases.add(phrase)
                phrases.add(phrase + "s")
    return frozenset(phrases)


# --------------------------------------------------------------------------
# Word lists

@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common English words, lower case: spaCy's stop words and the lemma lookup
    table of spacy-lookups-data (MIT), its forms and lemmas (~67,000 words).

    The lookup table lists only words that inflect, so it lacks "popular",
    "supreme" (adjectives) and "health", "peace" (mass nouns). The same
    package's lemma index (WordNet's lemmas) fills them in: its adjectives and
    adverbs, and those of its nouns that English text writes lower case more
    often than capitalised or in capitals (lexeme probabilities), because its
    nouns also hold names and acronyms ("hamas", "kremlin", "ussr").
    """
    import spacy_lookups_data
    from spacy.lang.en.stop_words import STOP_WORDS

    data = Path(spacy_lookups_data.__file__).parent / "data"

    def read(name: str) -> Any:
        with gzip.open(data / name, "rt", encoding="utf-8") as handle:
            return json.load(handle)

    table, index, prob = read("en_lemma_lookup.json.gz"), read("en_lemma_index.json.gz"), \
        read("en_lexeme_prob.json.gz")
    words = {w.lower() for w in table} | {w.lower() for w in table.values()}
    words |= {w.lower() for pos in ("adj", "adv") for w in index.get(pos, ())}
    for noun in index.get("noun", ()):
        if not noun.isalpha():
            continue  # probabilities are per token: "al-qaeda" has none to compare with
        lower = prob.get(noun)
        cased = max(prob.get(form, float("-inf")) for form in (noun.capitalize(), noun.title(), noun.upper()))
        if lower is not None and lower > cased:
            words.add(noun.lower())
    return frozenset(words | {w.lower() for w in STOP_WORDS})


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


#: Lower-case joining words of organisation names ("Organization of the ...").
ORG_FUNCTION_WORDS = frozenset({
    "of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "by", "with", "from", "against",
    "de", "du", "des", "la", "le", "les", "et", "el", "del", "y", "di", "da", "der", "die", "das",
    "und", "für", "van", "von", "pour", "per", "dei", "degli", "della", "do", "dos", "e", "i",
    "fi", "wa",
})
#: Name particles written lower case inside a person's name (not first).
PERSON_PARTICLES = frozenset({
    "bin", "bint", "binti", "ibn", "de", "da", "das", "do", "dos", "du", "del", "della", "der",
    "den", "di", "van", "von", "y", "ter", "ten", "zu",
})
#: European particles that news also capitalises ("Van Rompuy", "De Gaulle").
CAPITALISABLE_PARTICLES = frozenset({"de", "da", "das", "do", "dos", "du", "del", "della", "der",
                                     "den", "di", "van", "von"})
#: Arabic article and its assimilated forms before a hyphen ("al-Sabah", "ad-Din", "ul-Mujahidin").
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "ur",
                             "ed", "er", "es", "ez", "ush"})
ROMAN_NUMERALS = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV",
                            "XV", "XVI", "XVII", "XVIII", "XIX", "XX"})
#: Titles that are part of how news names a person ("Sheikh Hasina", "King
#: Abdullah II", "Lord Carrington"), so not a role phrase and not a given name.
HONORIFICS = frozenset({
    "sheikh", "sheik", "shaikh", "sir", "dame", "lord", "lady", "baron", "baroness", "king", "queen",
    "prince", "princess", "crown", "emir", "amir", "sultan", "ayatollah", "grand", "mullah", "imam",
    "mawlawi", "maulvi", "haji", "hajji", "pope", "cardinal", "archbishop", "bishop", "rabbi",
    "jonkheer", "count", "countess", "duke", "duchess", "sayyid", "sayed", "hojatolislam",
    "hojatoleslam", "sheikha", "u", "daw",  # U, Daw: Burmese honorifics ("U Thant")
})
#: Lower-case words a name may hold besides ORG_FUNCTION_WORDS: joining words
#: of non-English names as English text keeps them ("Juntos por el Cambio",
#: "Hizb ut-Tahrir", "Lakas ng Bayan") and English prepositions.
FOREIGN_JOINERS = frozenset({
    "por", "para", "con", "sin", "en", "sur", "aux", "au", "pa", "na", "ng", "ni", "sa", "ut", "og",
    "och", "af", "ve", "ja", "és", "zu", "zum", "zur", "dem", "im", "am", "fi", "wa", "wal", "li",
    # English prepositions inside names ("Movement toward Socialism", "Movement without Fear")
    "toward", "towards", "without", "through", "into", "over", "under", "between", "beyond",
    "within", "after", "before", "or", "about", "across",
})
#: Office words: an alias holding one is a role phrase, not a name.
ROLE_WORDS = frozenset({
    "president", "president-elect", "vice-president", "vice", "premier", "minister", "secretary",
    "secretary-general", "secy", "sec.", "chairman", "chairwoman", "chairperson", "chancellor",
    "leader", "chief", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "governor",
    "senator", "congressman", "congresswoman", "representative", "deputy", "acting", "former", "ex",
    "ex-president", "ex-premier", "commander", "speaker", "attorney", "mayor", "head", "director",
    "director-general", "official", "adviser", "advisor", "prosecutor", "lawmaker", "candidate",
    "nominee", "dictator", "strongman", "reformer", "militant", "militants", "spokesmen",
    "officials", "negotiator", "minister-president", "commissioner", "coordinator", "administrator",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "presidential",
    "ministerial", "press", "bundeskanzler", "bundeskanzlerin", "kanzler", "kanzlerin",
    "presidente", "président", "premier-ministre", "primer", "ministro", "vice-premier",
})
#: Military ranks: a role when they open a person's alias ("General Lord Ismay");
#: elsewhere they can be surnames ("John Major").
RANKS = frozenset({
    "general", "gen", "gen.", "lt", "lt.", "lieutenant", "colonel", "col", "col.", "major", "maj.",
    "captain", "capt.", "admiral", "adm.", "marshal", "field", "brigadier", "sergeant", "sgt.",
    "commodore", "corporal", "private",
})
#: Words of an alias that name a person's organisation or era, not the person
#: ("Obama Administration", "Shin Bet Security Agency"); narrower than
#: ORG_WORDS because surnames include Court, Church, Post and Bank.
PERSON_ORG_WORDS = frozenset({
    "administration", "government", "regime", "cabinet", "ministry", "agency", "office", "party",
    "camp", "family", "foundation", "organization", "organisation", "company", "inc", "corporation",
    "group", "movement", "army", "forces", "brigade", "brigades", "council", "committee",
    "commission", "junta", "presidency", "team", "campaign", "supporters", "loyalists", "era",
    "doctrine", "faction", "bloc", "list",
})
#: Words that make a name an organisation, not a person.
ORG_WORDS = frozenset({
    "organization", "organisation", "association", "inc", "inc.", "ltd", "ltd.", "corp", "corp.",
    "corporation", "company", "co", "co.", "group", "groups", "bank", "fund", "foundation",
    "institute", "institution", "council", "committee", "commission", "union", "party", "army",
    "front", "movement", "agency", "ministry", "department", "office", "service", "services",
    "forces", "force", "brigade", "brigades", "battalion", "battalions", "nations", "project",
    "center", "centre", "society", "alliance", "federation", "administration", "government",
    "assembly", "parliament", "court", "police", "guard", "guards", "league", "network", "program",
    "programme", "authority", "bureau", "directorate", "cabinet", "senate", "congress", "navy",
    "corps", "militia", "cells", "cell", "nuclei", "nucleus", "faction", "coalition", "trust",
    "enterprises", "holdings", "industries", "international", "plc", "llc", "limited", "systems",
    "technologies", "communications", "pharmaceuticals", "partners", "bancorp", "insurance",
    "university", "college", "school", "hospital", "church", "mission", "relief",
    "secretariat", "headquarters", "command", "regime", "junta", "kremlin", "politburo", "presidium",
    "soviet", "duma", "legislature", "tribunal", "commandos", "mujahideen", "taliban",
    "jihad", "resistance", "liberation", "revolutionary", "republic", "kingdom", "state", "states",
    "media", "news", "press", "radio", "television", "times", "post", "herald", "journal",
    "bloc", "list", "team", "club", "jaish", "jaysh", "liwa", "kataeb", "kataib", "harakat", "hizb",
    "hezb", "jamaat", "jamaa", "jabhat", "ansar", "tanzim", "majlis", "saraya", "board",
    "guerilla", "guerrilla", "sena", "sangh", "dal", "morcha", "andolan", "andolon", "parishad",
    "samaj", "sabha", "tehreek", "tehrik", "lashkar", "sipah", "harkat",
})
#: Last words of generic institution names; a country-bound alias made of
#: common words and ending in one of these exists in many countries.
INSTITUTION_HEADS = frozenset({
    "ministry", "department", "office", "court", "assembly", "parliament", "council", "committee",
    "commission", "party", "bank", "police", "army", "navy", "force", "forces", "guard", "service",
    "agency", "authority", "bureau", "directorate", "cabinet", "senate", "congress", "government",
    "administration", "union", "front", "movement", "alliance", "league", "federation", "coalition",
    "tribunal", "corps", "command", "institute", "university", "board", "secretariat", "chamber",
    "legislature", "presidency", "ministries", "courts", "assemblies", "parties",
})
#: Modifiers that many countries' institutions share ("Supreme Court", "National
#: Security Council", "Social Democrats"); "Guardian Council" or "People's
#: Liberation Army" have a word outside this list and stay.
GENERIC_MODIFIERS = frozenset({
    "national", "supreme", "central", "federal", "state", "social", "democratic", "labour", "labor",
    "liberal", "conservative", "green", "socialist", "communist", "popular", "republican",
    "constitutional", "high", "interior", "foreign", "defence", "defense", "justice", "finance",
    "security", "election", "electoral", "general", "public", "civil", "armed", "special",
    "military", "naval", "air", "first", "united", "new", "free", "christian", "islamic",
    "progressive", "independent", "workers", "worker", "farmers", "agrarian", "reform", "unity",
    "patriotic", "radical", "moderate", "left", "right", "centre", "center",
    "provincial", "regional", "municipal", "city", "county", "local", "border", "coast",
    "presidential", "executive", "legislative", "judicial", "human", "rights", "environmental",
    "health", "education", "agriculture", "trade", "economic", "opposition", "ruling", "young",
    "youth", "women", "women's", "citizens", "citizen", "civic", "ecologist", "home",
    "police", "prosecutor", "prosecutors", "anti-corruption", "audit", "tax",
})
MONTHS_AND_DAYS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
#: Abbreviations that in English news mean things, not actors: a party acronym
#: spelling one of them (MNC, CPI, PCR) would mostly match the thing.
NON_ACTOR_ABBREVIATIONS = frozenset({
    "AGM", "AIDS", "API", "ATM", "CEO", "CFO", "COO", "COP", "CPI", "CRP", "CTO", "DNA", "ESG", "ETA",
    "ETF", "FAQ", "FDI", "GDP", "GMT", "GNP", "HIV", "ICU", "IGO", "IPO", "ISP", "LGBT", "LNG", "MBA",
    "MNC", "MOU", "MRI", "MVP", "NGO", "PCR", "PDF", "PhD", "PLC", "PSP", "PTSD", "RPG", "SIM",
    "SMS", "SUV", "TBA", "UFO", "USB", "VAT", "VIP", "XML",
})
#: Abbreviations of well-known non-party actors (agencies, broadcasters, bodies):
#: right for the actor Phoenix lists under them, wrong as a party's acronym.
ACTOR_ABBREVIATIONS = frozenset({
    "AAP", "ABC", "AFP", "BBC", "CBS", "CDC", "CIA", "CNN", "DOJ", "EPA", "FBI", "FDA", "IRS", "NBA",
    "NBC", "NFL", "NHS", "NPR", "NYT", "OPEC", "RAF", "UAE", "UNESCO", "USSR", "WHO", "WTO",
})


def normalize(text: str) -> str:
    """Merge and place key: accents, case, punctuation and a leading "the" removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[-/_]", " ", text)
    text = re.sub(r"[^\w\s&]", "", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


# --------------------------------------------------------------------------
# Title-casing the Phoenix names

_VOWELS = set("AEIOUY")


def _looks_like_acronym(word: str) -> bool:
    """An upper-case word no one would pronounce as written: no vowel, or 3+ consonants in a row."""
    letters = re.sub(r"[^A-Z]", "", word.upper())
    if not letters:
        return False
    if not _VOWELS & set(letters):
        return True
    return len(letters) <= 5 and re.search(r"[^AEIOUY]{3}", letters) is not None


def _capitalise(word: str) -> str:
    """First letter up, the rest down; keeps punctuation where it is."""
    for i, ch in enumerate(word):
        if ch.isalpha():
            return word[:i] + ch.upper() + word[i + 1:].lower()
    return word


def _case_apostrophe(word: str) -> str:
    """O'NEILL -> O'Neill, D'ALEMA -> D'Alema, PEOPLE'S -> People's."""
    head, _, tail = word.partition("'")
    if len(head) == 1 and head.isalpha():
        return head.upper() + "'" + _capitalise(tail)
    return _capitalise(head) + "'" + tail.lower()


#: Legal forms in company names, written the way news writes them.
LEGAL_FORMS = {"INC": "Inc", "INC.": "Inc.", "CO": "Co", "CO.": "Co.", "LTD": "Ltd", "LTD.": "Ltd.",
               "CORP": "Corp", "CORP.": "Corp.", "PLC": "PLC", "LLC": "LLC", "LP": "LP"}


def _case_plain(word: str, person: bool, first: bool, last: bool, acronyms: frozenset[str],
                single: bool = False, hyphen_part: bool = False, east_asian: bool = False) -> str:
    """One word without hyphens. ``single``: the whole name is this one word;
    ``hyphen_part``: part of a hyphenated word, where particles do not apply ("Do-yoon")."""
    lower = word.lower()
    if not word:
        return word
    if any(c.islower() for c in re.sub(r"'s$", "", word)):  # already cased ("UN_Secy_Gen")
        return word
    if re.fullmatch(r"(?:[A-Z]\.)+", word):  # initials and U.S., U.N.
        return word
    if re.search(r"\d", word):
        ordinal = re.fullmatch(r"(\d+)(ST|ND|RD|TH)", word)
        return ordinal.group(1) + ordinal.group(2).lower() if ordinal else word
    if "&" in word:
        parts = word.split("&")
        if all(len(p) <= 3 for p in parts):
            return word
        return "&".join(_capitalise(p) for p in parts)
    if "/" in word:
        return "/".join(_case_plain(p, person, first, last, acronyms) for p in word.split("/"))
    if len(word) == 1:
        return word
    if not first and last and word in ROMAN_NUMERALS:
        return word
    if "'" in word:
        return _case_apostrophe(word)
    if person:
        if not first and not hyphen_part and lower in PERSON_PARTICLES and not east_asian:
            return lower
        if lower.startswith("mc") and len(word) > 3:
            return "Mc" + _capitalise(word[2:])
        return _capitalise(word)
    # Organisations: joining words, legal forms, then acronyms.
    if not hyphen_part and lower in ORG_FUNCTION_WORDS:
        return lower if not first else _capitalise(word)  # "Army of God"; "La Liga"
    if word in LEGAL_FORMS and not single:
        return LEGAL_FORMS[word]
    stripped = word.rstrip(".")
    letters = len(stripped)
    common = stripped.lower() in common_words()
    if stripped in acronyms:
        return word
    if letters <= 2 or (single and letters <= 3 and not common):
        return word  # UN, EU, US; a three-letter name alone is an acronym (PKK)
    if not common and _looks_like_acronym(stripped):
        return word  # KPSS, USSR, ANSF
    if lower.startswith("mc") and letters > 3:
        return "Mc" + _capitalise(word[2:])
    return _capitalise(word)


def _case_word(word: str, *, person: bool, first: bool, last: bool, acronyms: frozenset[str],
               east_asian: bool, single: bool = False) -> str:
    if "-" not in word.strip("-"):
        return _case_plain(word, person, first, last, acronyms, single, east_asian=east_asian)
    parts = word.split("-")
    out: list[str] = []
    for i, part in enumerate(parts):
        lower = part.lower()
        if i < len(parts) - 1 and lower in ARABIC_ARTICLES and (i > 0 or not first):
            out.append(lower)  # "al-Sabah", "Izz ad-Din"
        elif i == 0 and len(parts) > 1 and lower in ARABIC_ARTICLES:
            out.append(_capitalise(part))  # "Al-Aqsa" opening a name
        elif 0 < i < len(parts) - 1 and len(part) == 1:
            out.append(lower)  # "Lashkar-e-Taiba", "Mazar-i-Sharif"
        elif person and east_asian and i > 0:
            out.append(lower)  # "Ki-moon", "Ying-jeou"
        else:
            out.append(_case_plain(part, person, first and i == 0, last and i == len(parts) - 1,
                                   acronyms, hyphen_part=True))
    return "-".join(out)


def title_case(raw: str, *, person: bool = False, acronyms: Iterable[str] = (),
               east_asian: bool = False) -> str:
    """Readable casing for a Phoenix name (``BORIS_N._YELTSIN`` -> ``Boris N. Yeltsin``).

    Persons: every word capitalised except particles (bin, de, van, al-),
    Mc-names (McCain), O'/D' names, roman numerals at the end (Abdullah II),
    and East Asian hyphenated given names (Ban Ki-moon). Organisations also
    keep acronyms upper case (two letters, a lone three-letter name, words
    no one would pronounce, and ``acronyms``: initials of the actor's other
    names and acronyms known from elsewhere) and write joining words lower
    case (North Atlantic Treaty Organization; Army of God). A lone ``AL``
    before a word is the Arabic article: ``AL_QASSAM`` -> al-Qassam.
    """
    acronym_set = frozenset(acronyms)
    words = raw.replace("_", " ").split()
    joined: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.upper() == "AL" and i + 1 < len(words) and (i > 0 or not person):
            joined.append(word + "-" + words[i + 1])
            i += 2
            continue
        joined.append(word)
        i += 1
    if person and len(joined) > 1 and joined[-1].upper() == "AL":
        joined.pop()  # truncated "..._AL_AHMAD_AL_"
    out = []
    for i, word in enumerate(joined):
        cased = _case_word(word, person=person, first=i == 0, last=i == len(joined) - 1,
                           acronyms=acronym_set, east_asian=east_asian, single=len(joined) == 1)
        if i == 0 and cased[:1].islower():
            cased = cased[0].upper() + cased[1:]
        out.append(cased)
    return " ".join(out)


def initials(words: Sequence[str]) -> set[str]:
    """Acronyms a multi-word name can have: first letters with and without joining words."""
    clean = [re.sub(r"[^A-Za-z]", "", w) for w in words]
    clean = [w for w in clean if w]
    content = [w for w in clean if w.lower() not in ORG_FUNCTION_WORDS]
    found = set()
    for seq in (clean, content):
        if len(seq) >= 2:
            found.add("".join(w[0] for w in seq).upper())
    return found


def split_parenthesised(name: str) -> tuple[str, list[str]]:
    """``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` -> (``ADEN_ABYAN_ISLAMIC_ARMY``, [``AAIA``]).

    Parenthesised acronyms become aliases of their own; other bracketed text
    (``(SOUTH_AFRICA)``, ``(CAUCASUS)``) is a qualifier and is dropped.
    """
    extra: list[str] = []
    for inner in re.findall(r"\(([^()]*)\)", name):
        token = inner.strip("_ ")
        if re.fullmatch(r"[A-Z][A-Z&]{1,9}", token):
            extra.append(token)
    base = re.sub(r"\([^()]*\)", " ", name)
    base = re.sub(r"\([^)]*$", " ", base).replace(")", " ")  # "STANKO_TODOROV_(ACTING": cut off
    base = " ".join(base.replace("_", " ").split())
    return base, extra


def clean_raw_name(name: str) -> str:
    """Underscores to spaces, ``ORDER,_THE_`` -> ``ORDER``, a leading ``THE`` dropped."""
    text = " ".join(name.replace("_", " ").split()).strip(" ,")
    text = re.sub(r",\s*THE$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^THE\s+", "", text, flags=re.IGNORECASE)
    return text


# --------------------------------------------------------------------------
# Alias filters. Each takes an alias (and what it needs) and says True to drop.

def too_short(alias: str) -> bool:
    """Fewer than 3 characters: "UN", "PS"."""
    return len(alias.replace(" ", "")) < 3


def not_latin(alias: str) -> bool:
    """Letters outside the Latin script (СССР) do not occur in English news text."""
    for ch in alias:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return True
    return False


def malformed(alias: str) -> bool:
    """Data-entry debris: a word opening with punctuation (``A .Medvedev``), brackets, trailing hyphens."""
    if re.search(r"[()\[\]{}<>|=*#@]", alias) or alias.endswith(("-", ",", "/")):
        return True
    return any(re.match(r"[.,;:'’/-]", word) for word in alias.split())


def date_or_number(alias: str) -> bool:
    """Only months, weekdays and numbers: the group "May 15" is also a date."""
    words = alias.lower().replace("-", " ").split()
    return all(w.rstrip(".") in MONTHS_AND_DAYS or re.fullmatch(r"[\d.,/]+(st|nd|rd|th)?", w)
               for w in words)


def descriptive_phrase(alias: str) -> bool:
    """A lower-case content word: "groups working together" describes, a name would be capitalised."""
    for word in alias.split():
        first = word.split("-")[0]
        if word[:1].islower() and word.lower() not in ORG_FUNCTION_WORDS \
                and word.lower() not in PERSON_PARTICLES and word.lower() not in FOREIGN_JOINERS \
                and first.lower() not in ARABIC_ARTICLES | FOREIGN_JOINERS \
                and not re.match(r"[a-z]'", word):
            return True
    return False


def role_phrase(alias: str, person: bool, place_words: frozenset[str] = frozenset(),
                given_names: frozenset[str] = frozenset()) -> bool:
    """A title with or instead of a name: "President Yeltsin", "Russian President Yeltsin",
    "Obama Administration", "US Trade Representative", "Secretary General of the UN".

    Persons: any office word or word of an organisation (PERSON_ORG_WORDS), a
    rank or a state/nationality word opening the alias (unless it is also a
    given name: Vladimir). Organisations: an office word among the first two
    words after states/nationalities, or anywhere when there is no
    organisation word ("UN Secretary General", "White House Spokesman"; not
    "Office of the President").
    """
    words = [w.lower() for w in alias.replace(",", " ").split()]
    if not words:
        return False
    hyphen_parts = {p for w in words for p in w.split("-")}
    if person:
        if set(words) & (ROLE_WORDS | PERSON_ORG_WORDS) or hyphen_parts & {"ex", "president", "minister"}:
            return True
        return words[0] in RANKS or (normalize(words[0]) in place_words
                                     and words[0].upper() not in given_names)
    rest = list(words)
    while rest and (rest[0] == "the" or normalize(rest[0]) in place_words):
        rest = rest[1:]
    if not rest:
        return False
    if set(rest[:2]) & ROLE_WORDS:
        return True
    return bool(set(rest) & ROLE_WORDS) and not set(rest) & ORG_WORDS


def bare_person_name(alias: str, entry_type: str, given_names: frozenset[str] = frozenset(),
                     common: frozenset[str] = frozenset(), east_asian: bool = False) -> bool:
    """One name for a person ("Yeltsin", "Karzai", "K. Annan"): surnames alone belong to many people.

    An honorific does not make a second name ("Ayatollah Khamenei" is one
    name plus a title), but it does not hurt either when the name is rare;
    it does when the name is a given name or a word ("Sheikh Ahmed", "King
    Abdullah", "Prince Charles"), which many people share.
    """
    if entry_type != "PERSON":
        return False
    words = alias.split()
    # Name particles do not count: "Bin Laden", "Al Zawahiri" are a surname
    # (but "Li Bin", "Zhu De" are Chinese names of two words).
    particles = frozenset() if east_asian else PERSON_PARTICLES | {"al", "el"}
    rest = [w for w in strip_honorifics(words) if w.lower() not in particles]
    # An initial: a capital with a stop, or without one before the surname ("Baudouin I" is a king).
    named = [w for i, w in enumerate(rest)
             if not (re.fullmatch(r"[A-Z]\.", w) or (re.fullmatch(r"[A-Z]", w) and i < len(rest) - 1))]
    if len(rest) - len(named) == 1 and len(named) == 1:
        return True  # "K. Annan": a surname and one initial; "G. M. Quader" is a full name
    if len(rest) >= 2:
        return False
    if len(rest) == 1 and len(strip_honorifics(words)) < len(words):
        return rest[0].upper() in given_names or rest[0].lower() in common
    return True


def person_alias_of_group(alias: str, entry_type: str, given_names: frozenset[str],
                          entry_name: str = "", common: frozenset[str] = frozenset(),
                          places: frozenset[str] = frozenset()) -> bool:
    """A person listed under a group (Khaled Meshaal under Hamas) would tag the person as the group.

    Companies are exempt (Sara Lee, Harry Winston), and so is the group's own
    name (Abu Sayyaf).
    """
    if entry_type in {"PERSON", "COMPANY"} or alias == entry_name:
        return False
    return person_shaped([w.upper() for w in alias.split()], given_names, common, places)


def common_word(alias: str, common: frozenset[str], stops: frozenset[str]) -> bool:
    """A single common English word ("Congress", "Labour", "Renewal"), or stop words only.

    "Labour" alone is dropped too: sentence-initial "Labour costs" and five
    countries' Labour parties make it wrong more often than right. A
    three-letter word in capitals is an acronym in running text (Mexico's
    PAN, Bolivia's MAS) unless it is a stop word ("AND").
    """
    words = alias.split()
    if len(words) == 1:
        if alias.isupper() and len(alias) <= 3:
            return alias.lower() in stops  # "PAN", "MAS", "CAR" in capitals are acronyms
        return alias.lower() in common or alias.lower().strip(".") in common
    return all(w.lower() in stops for w in words)


def common_name(alias: str, names: frozenset[str]) -> bool:
    """A given name or surname alone ("Brown", "Lee", "Abdullah", "Ford").

    Not in capitals: "ISIS" or "ANO" in running text is an acronym, not a name.
    """
    words = alias.split()
    return len(words) == 1 and alias.upper() in names and not alias.isupper()


def general_abbreviation(alias: str, entry_type: str = "ORGANIZATION") -> bool:
    """An acronym that in news usually means something else: a thing (GDP, MNC,
    PCR) for any entry, a well-known agency or broadcaster (CDC, ABC, AFP) for
    a party."""
    return alias in NON_ACTOR_ABBREVIATIONS or (entry_type == "PARTY" and alias in ACTOR_ABBREVIATIONS)


def place_name(alias: str, places: frozenset[str]) -> bool:
    """A country, capital, province or nationality ("Georgia", "Kabul", "Russian")."""
    return normalize(alias) in places


def generic_agent(alias: str, agents: frozenset[str], common: frozenset[str] = frozenset()) -> bool:
    """A generic role noun of Phoenix.agents.txt in common words ("Health Department",
    "Security Council", "Advisory Board"); the file's proper names ("State Duma") stay."""
    text = " ".join(alias.lower().split())
    return text in agents and all(w in common for w in re.split(r"[\s-]+", text))


def generic_descriptor(alias: str, country: str | None, common: frozenset[str],
                       place_words: frozenset[str], entry_type: str = "ORGANIZATION") -> bool:
    """A name most countries have an institution by: "Supreme Court", "National
    Security Council", "Social Democrats", "First National Bank", "Ministry of
    Foreign Affairs".

    Only for organisations bound to one country (an international body's plain
    name, "World Bank", is unique); a place or nationality word makes a name
    specific ("Free Syrian Army"). Generic: the name opens with ministry /
    department / office and is all common words, or every content word but
    the last is a generic modifier (national, supreme, social, ...) and the
    last is an institution word (court, assembly, party) or a common plural
    ("Democrats"; not for companies). "Guardian Council", "Shining Path",
    "People's Liberation Army" stay.
    """
    if country is None or entry_type == "PERSON":
        return False
    words = [w for w in re.split(r"[\s-]+", alias) if w]
    content = [w.lower().strip(".'’") for w in words if w.lower() not in ORG_FUNCTION_WORDS]
    content = [re.sub(r"['’]s$", "", w) for w in content]
    if not content or any(normalize(w) in place_words for w in content):
        return False
    if not all(w in common for w in content):
        return False
    if content[0] in {"ministry", "department", "office", "secretariat"} and entry_type != "COMPANY":
        return True  # not "Office Depot"
    if len(content) < 2:
        return False  # one word: common_word's business
    last = content[-1]
    plural = last.endswith("s") and last[:-1] in common and entry_type != "COMPANY"
    return all(w in GENERIC_MODIFIERS for w in content[:-1]) and (last in INSTITUTION_HEADS or plural)


def ambiguous_sequences(entries: Sequence[Candidate]) -> set[tuple[str, ...]]:
    """Token sequences that two or more entries claim (another person's "Abdul Ali",
    five countries' "Labour Party"): dropped from all of them."""
    owners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for index, entry in enumerate(entries):
        for tokens in entry.tokens:
            owners[tuple(tokens)].add(index)
    return {seq for seq, who in owners.items() if len(who) > 1}


# --------------------------------------------------------------------------
# Candidates

@dataclass
class Candidate:
    name: str
    type: str
    country: str | None
    aliases: list[str]
    roles: set[Role]
    sources: set[str]
    order: int  # position in reading order; the earliest of merged candidates names them
    east_asian: bool = False
    tokens: list[list[str]] = field(default_factory=list)


@dataclass
class Context:
    """What the filters need to know about the world."""

    places: frozenset[str]  # states, territories, their cities, provinces and nationalities
    states: frozenset[str]  # states' names, nationality words and seats (a role phrase opens with them)
    given_names: frozenset[str]
    names: frozenset[str]
    agents: frozenset[str]
    common: frozenset[str]
    stops: frozenset[str]


def add_unique(target: list[str], items: Iterable[str]) -> None:
    for item in items:
        if item and item not in target:
            target.append(item)


def strip_honorifics(words: Sequence[str]) -> list[str]:
    """Words after the leading titles ("Sheikh", "Crown Prince"); "Julie Bishop" keeps Bishop."""
    rest = list(words)
    while rest and rest[0].lower() in HONORIFICS:
        rest = rest[1:]
    return rest


def first_given_name(words: Sequence[str]) -> str | None:
    rest = strip_honorifics(words)
    return rest[0].upper() if len(rest) >= 2 else None


def person_shaped(words: Sequence[str], given_names: frozenset[str],
                  common: frozenset[str] | None = None, places: frozenset[str] | None = None) -> bool:
    """2-6 words that look like a person's name: a known given name first (after
    honorifics, not a stop word), no organisation word, no joining word other
    than name particles ("Israel for Immigration" is a party); with ``common``,
    a word after the first that is not a common word (a surname: "Joseph Kony",
    not "Christian Democrats"); with ``places``, no place ("Long Live Tunisia")."""
    lowered = [w.lower() for w in words]
    if not 2 <= len(words) <= 6 or set(lowered) & ORG_WORDS:
        return False
    if any(w in ORG_FUNCTION_WORDS and w not in PERSON_PARTICLES for w in lowered[1:]):
        return False
    given = first_given_name(words)
    if given is None or given not in given_names or given in {"AL", "ABU", "EL"} \
            or given.lower() in stop_words():
        return False
    rest = strip_honorifics(words)[1:]
    patronymic = any(w in {"bin", "ibn", "bint", "binti"} for w in lowered[1:])  # Osama bin Laden
    if common is not None and not patronymic \
            and all(w.lower().strip(".") in common or len(w.rstrip(".")) == 1 for w in rest):
        return False
    return places is None or not any(normalize(w) in places for w in words)


def classify_record(record: PhoenixRecord, file: str, given_names: frozenset[str],
                    iso3: frozenset[str] = frozenset()) -> str:
    """PLACE, PERSON or an organisation type for one Phoenix record.

    A person: no organisation word in the first name, and an office-holder
    list, an elite (ELI) code, a dated role (organisations' codes are
    undated) or a known given name first. The MilNonState file is armed
    groups except for the few leaders it lists under their own names
    (Osama bin Laden), who must look like a person.
    """
    roles = list(record.roles)
    if roles and all(is_place_code(r.code, iso3) for r in roles):
        return "PLACE"
    words = clean_raw_name(split_parenthesised(record.names[0])[0]).upper().split()
    if file == "MilNonState":
        # A leader listed on his own looks like a person and has no group name
        # among his aliases (IZZ_AD-DIN_AL_QASSAM has +AL-QASSAM_BRIGADES).
        group_names = any({w.lower() for w in clean_raw_name(n).split()} & ORG_WORDS for n in record.names)
        if not group_names and person_shaped(words, given_names, common_words()):
            return "PERSON"
        return "ARMED_GROUP"
    if not {w.lower() for w in words} & ORG_WORDS and len(words) >= 2:
        sectors = {code_sector(r.code, iso3) for r in roles}
        if record.leader_list or "ELI" in sectors or any(r.start or r.end for r in roles):
            return "PERSON"
        if person_shaped(words, given_names, common_words()):
            return "PERSON"
    for role in roles:
        kind = code_type(role.code, iso3)
        if kind:
            return kind
    return "ORGANIZATION"


def record_country(record: PhoenixRecord, iso3: frozenset[str]) -> str | None:
    """The first country any of the record's codes names (undated-date codes included)."""
    for code in [r.code for r in record.roles] + record.hint_codes:
        country = code_country(code, iso3)
        if country:
            return country
    return None


def given_names_from(records: Iterable[PhoenixRecord]) -> frozenset[str]:
    """First words of the office-holder lists' names (after honorifics): a name lexicon."""
    names: set[str] = set()
    for record in records:
        if not record.leader_list or any(r.code[:3] in EAST_ASIAN for r in record.roles):
            continue  # East Asian names open with the surname
        if {w.lower() for w in clean_raw_name(record.names[0]).split()} & ORG_WORDS:
            continue  # ISLAMIC_REVOLUTIONARY_COUNCIL_ is in the leaders' list too
        for raw in record.names[:1]:
            words = clean_raw_name(raw).upper().split()
            given = first_given_name(words)
            if given and given.lower() not in ROLE_WORDS | RANKS and re.fullmatch(r"[A-Z]{2,}", given):
                names.add(given)
    return frozenset(names)


def phoenix_candidates(records: list[PhoenixRecord], file: str, iso3: frozenset[str],
                       given_names: frozenset[str], start: int,
                       known_acronyms: frozenset[str] = frozenset()
                       ) -> tuple[list[Candidate], list[str], list[str], Counter]:
    """Candidates from one Phoenix file, the names of its place records, and
    their first names (the states' and territories' own names).

    ``known_acronyms``: acronyms seen anywhere (Party Facts short names,
    bracketed Phoenix acronyms), so "ANC Youth League" keeps ANC.
    """
    out: list[Candidate] = []
    places: list[str] = []
    states: list[str] = []
    stats: Counter = Counter()
    for record in records:
        kind = classify_record(record, file, given_names, iso3)
        if kind == "PLACE":
            for raw in record.names:
                base, _ = split_parenthesised(raw)
                places.append(clean_raw_name(base))
            states.append(places[-len(record.names)])
            stats["place records"] += 1
            continue
        if not record.coded:
            stats["records without codes"] += 1
            continue
        country = record_country(record, iso3)
        person = kind == "PERSON"
        east_asian = person and any(code_country(c, iso3) in EAST_ASIAN
                                    for c in [r.code for r in record.roles] + record.hint_codes)
        raw_names: list[str] = []
        acronyms: set[str] = set()
        for raw in record.names:
            base, extra = split_parenthesised(raw)
            add_unique(raw_names, [clean_raw_name(base)])
            add_unique(raw_names, extra)
            acronyms.update(extra)
        if not person:
            for raw in raw_names:
                if len(raw.split()) > 1:
                    acronyms |= initials(raw.split())
        aliases = [title_case(raw, person=person, acronyms=acronyms | known_acronyms,
                              east_asian=east_asian) for raw in raw_names]
        roles = {r for r in record.roles if r.code != "---"}
        out.append(Candidate(name=aliases[0], type=kind, country=country, aliases=aliases,
                             roles=roles, sources={f"phoenix:{file}"}, order=start + len(out),
                             east_asian=east_asian))
        stats["candidates"] += 1
    return out, places, states, stats


# --------------------------------------------------------------------------
# Party Facts

def is_acronym(text: str) -> bool:
    """A short name of 2+ capitals and no more lower-case letters than capitals (SPD, PiS, PCdoB, CD&V)."""
    if not text or " " in text or len(text) > 12 or not text[0].isupper():
        return False
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    return upper >= 2 and lower <= upper and re.fullmatch(r"[^\W\d_][\w&.'-]*", text) is not None


def split_english_names(text: str) -> list[str]:
    """Party Facts name_english holds variants separated by " / " or " // "; drop (qualifiers)."""
    names = []
    for part in re.split(r"\s+/{1,2}\s+", text or ""):
        part = re.sub(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])", "", part).strip()
        if part:
            names.append(part)
    return names


def partyfacts_candidates(rows: list[dict[str, str]], wikidata_path: Path, iso3: frozenset[str],
                          start: int) -> tuple[list[Candidate], Counter]:
    """One candidate per party of partyfacts-core-parties.csv (technical rows skipped)."""
    stats: Counter = Counter()
    wikidata: dict[str, dict[str, str]] = {}
    with wikidata_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            wikidata.setdefault(row["partyfacts_id"], row)
    out: list[Candidate] = []
    for row in rows:
        stats["rows"] += 1
        if row.get("technical"):
            stats["technical rows skipped"] += 1
            continue
        country = map_country(row["country"], iso3)
        english = split_english_names(row.get("name_english", ""))
        wd = wikidata.get(row["partyfacts_id"], {})
        wd_names = split_english_names(wd.get("name", ""))
        canonical = (wd_names or english or split_english_names(row.get("name", "")) or [""])[0]
        if not canonical:
            stats["rows without a name"] += 1
            continue
        aliases: list[str] = []
        add_unique(aliases, [canonical, *english, *wd_names])
        short = (row.get("name_short") or "").strip()
        if is_acronym(short):
            add_unique(aliases, [short])
        wd_short = re.sub(r"/English$", "", (wd.get("name_short") or "").strip())
        if wd_short and "/" not in wd_short:
            add_unique(aliases, [wd_short])
        first, last = (row.get("year_first") or "").strip(), (row.get("year_last") or "").strip()
        role = Role(f"{country}PTY" if country else "PTY", first or None, last or None)
        out.append(Candidate(name=canonical, type="PARTY", country=country, aliases=aliases,
                             roles={role}, sources={"partyfacts"}, order=start + len(out)))
        stats["candidates"] += 1
    return out, stats


# --------------------------------------------------------------------------
# Variants, merge, filters

_CORPORATE_SUFFIXES = ("Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Ltd", "Limited",
                       "Plc", "PLC", "LLC")


def alias_variants(alias: str, entry: Candidate) -> list[str]:
    """Other spellings news uses for the same name.

    "Al-Aqsa" -> "al-Aqsa" (mid-sentence); "Charles de Gaulle" -> "Charles De
    Gaulle"; "Kim Jong-un" -> "Kim Jong Un"; "Kim Jong Il" -> "Kim Jong-il";
    "Apple Inc" -> "Apple Inc."; "Ceco Environmental Corp" -> "Ceco
    Environmental" (without the legal form a name must keep two words and
    one uncommon word: not "Almost Family", not "Dolan"); a 4-5 letter
    one-word name that may be an acronym ("Hamas", "Tesol") also in capitals;
    "&" spelled out as broadcast transcripts write it ("AT&T" -> "AT and T").
    """
    out = [alias]
    if "&" in alias and entry.type != "PERSON":
        out.append(" ".join(alias.replace("&", " and ").split()))
    words = alias.split()
    if alias.startswith("Al-"):
        out.append("al-" + alias[3:])
    if entry.type == "PERSON":
        if any(w in CAPITALISABLE_PARTICLES for w in words[1:]):
            out.append(" ".join(w.capitalize() if i and w in CAPITALISABLE_PARTICLES else w
                                for i, w in enumerate(words)))
        if entry.east_asian and "-" in alias:
            out.append(" ".join(_capitalise(p) for w in words for p in w.split("-")))
        elif entry.east_asian and len(words) == 3 and all(len(w) <= 5 for w in words):
            out.append(f"{words[0]} {words[1]}-{words[2].lower()}")  # "Kim Jong Il" -> "Kim Jong-il"
        return out
    if len(words) >= 2 and words[-1].rstrip(".") in _CORPORATE_SUFFIXES:
        stem = " ".join(words[:-1]).rstrip(",")
        # a stem must end in a name word: "New York and Company" has no stem "New York and"
        if len(stem.split()) >= 2 and stem.split()[-1][:1].isupper() \
                and any(w.lower() not in common_words() for w in stem.split()):
            out.append(stem)
        if not words[-1].endswith(".") and words[-1] in {"Inc", "Corp", "Co", "Ltd"}:
            out.append(alias + ".")
    if len(words) == 1 and 4 <= len(alias) <= 5 and alias.isalpha() and alias[1:].islower():
        out.append(alias.upper())
    return out


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """One entry per actor: candidates of the same kind (person / organisation)
    with the same normalised name and compatible countries (equal, or one
    unknown) merge; so does a person whose full name is another person
    record's alias (Phoenix lists some leaders twice). The earliest names the
    merged entry."""
    parent = list(range(len(candidates)))
    # Per group (at its root): whether it is a person, and its country if known.
    person = [c.type == "PERSON" for c in candidates]
    country: list[str | None] = [c.country for c in candidates]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> bool:
        """Merge the groups of i and j when they may be one actor; True if they are one now."""
        ri, rj = find(i), find(j)
        if ri == rj:
            return True
        if person[ri] != person[rj] or (country[ri] and country[rj] and country[ri] != country[rj]):
            return False
        root, other = min(ri, rj), max(ri, rj)
        parent[other] = root
        country[root] = country[root] or country[other]
        return True

    by_name: dict[str, list[int]] = defaultdict(list)
    for i, cand in enumerate(candidates):
        by_name[normalize(cand.name)].append(i)
    for indices in by_name.values():
        for pos, i in enumerate(indices):
            for j in indices[:pos]:
                if join(i, j):
                    break
    person_alias: dict[str, list[int]] = defaultdict(list)
    for i, cand in enumerate(candidates):
        if cand.type == "PERSON":
            for alias in cand.aliases:
                if len(alias.split()) >= 2:
                    person_alias[normalize(alias)].append(i)
    for i, cand in enumerate(candidates):
        if cand.type != "PERSON" or len(cand.name.split()) < 2:
            continue
        for j in person_alias.get(normalize(cand.name), []):
            if j != i:
                join(i, j)
    groups: dict[int, list[Candidate]] = defaultdict(list)
    for i, cand in enumerate(candidates):
        groups[find(i)].append(cand)
    merged: list[Candidate] = []
    for root in sorted(groups):
        members = sorted(groups[root], key=lambda c: c.order)
        head = members[0]
        kind = min((m.type for m in members), key=TYPE_PRECEDENCE.index)
        country = next((m.country for m in members if m.country), None)
        aliases: list[str] = []
        for member in members:
            add_unique(aliases, member.aliases)
        merged.append(Candidate(
            name=head.name, type=kind, country=country, aliases=aliases,
            roles=set().union(*(m.roles for m in members)),
            sources=set().union(*(m.sources for m in members)), order=head.order,
            east_asian=any(m.east_asian for m in members)))
    return merged


def alias_verdict(alias: str, entry: Candidate, ctx: Context) -> str | None:
    """The name of the first filter that drops ``alias`` of ``entry``, or None to keep it."""
    person = entry.type == "PERSON"
    checks: list[tuple[str, Callable[[], bool]]] = [
        ("too_short", lambda: too_short(alias)),
        ("not_latin", lambda: not_latin(alias)),
        ("malformed", lambda: malformed(alias)),
        ("date_or_number", lambda: date_or_number(alias)),
        ("descriptive_phrase", lambda: descriptive_phrase(alias)),
        ("role_phrase", lambda: role_phrase(alias, person, ctx.states, ctx.given_names)),
        ("bare_person_name",
         lambda: bare_person_name(alias, entry.type, ctx.given_names, ctx.common, entry.east_asian)),
        ("person_alias_of_group",
         lambda: person_alias_of_group(alias, entry.type, ctx.given_names, entry.name, ctx.common,
                                       ctx.places)),
        ("common_word", lambda: common_word(alias, ctx.common, ctx.stops)),
        ("common_name", lambda: common_name(alias, ctx.names)),
        ("general_abbreviation", lambda: general_abbreviation(alias, entry.type)),
        ("place_name", lambda: place_name(alias, ctx.places)),
        ("generic_agent", lambda: generic_agent(alias, ctx.agents, ctx.common)),
        ("generic_descriptor",
         lambda: generic_descriptor(alias, entry.country, ctx.common, ctx.places, entry.type)),
    ]
    for name, check in checks:
        if check():
            return name
    return None


def choose_name(entry: Candidate, ctx: Context) -> str:
    """The canonical name: the first alias that is a name rather than a role phrase."""
    for alias in entry.aliases:
        if not role_phrase(alias, entry.type == "PERSON", ctx.states, ctx.given_names) \
                and not malformed(alias) \
                and not not_latin(alias):
            return alias
    return entry.name


# --------------------------------------------------------------------------
# Sources' metadata

SOURCE_INFO = {
    "partyfacts": {"name": "Party Facts", "dir": "partyfacts", "licence_file": "LICENSE.md",
                   "files": ["partyfacts/partyfacts-core-parties.csv", "partyfacts/wikidata.csv"]},
    "phoenix": {"name": "Phoenix / PETRARCH2 actor dictionaries", "dir": "phoenix",
                "licence_file": "LICENSE",
                "files": [f"phoenix/{name}" for _, name in PHOENIX_FILES] + ["phoenix/Phoenix.agents.txt"]},
}


def source_metadata(actors: Path) -> list[dict[str, Any]]:
    """Origin, commit, licence and copyright line of each source, from the shared README and licence files."""
    readme = (actors / "README.md").read_text(encoding="utf-8") if (actors / "README.md").exists() else ""
    sections = re.split(r"^## ", readme, flags=re.MULTILINE)
    out = []
    for key in ("partyfacts", "phoenix"):
        info = SOURCE_INFO[key]
        section = next((s for s in sections if s.startswith(info["dir"] + "/")), "")
        origin = re.search(r"Source:\s*(\S+?),\s*commit\s+([0-9a-f]{40})", section)
        licence_path = actors / info["dir"] / info["licence_file"]
        licence_text = licence_path.read_text(encoding="utf-8") if licence_path.exists() else ""
        copyright_line = next((line.strip() for line in licence_text.splitlines()
                               if line.strip().lower().startswith("copyright")), None)
        licence = "MIT" if "MIT License" in licence_text or "The MIT License" in licence_text else None
        out.append({
            "name": info["name"],
            "url": f"https://{origin.group(1)}" if origin else None,
            "commit": origin.group(2) if origin else None,
            "licence": licence,
            "copyright": copyright_line,
            "files": info["files"],
        })
    return out


# --------------------------------------------------------------------------
# The build

def states_places(path: Path | None) -> list[str]:
    """State names, demonyms and seat-of-power words of the hand-written registry (models/actors.yml)."""
    if path is None or not path.exists():
        return []
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: list[str] = []
    for state in data.get("states") or []:
        out.append(state.get("name") or "")
        for key in ("aliases", "demonyms", "metonyms"):
            out.extend(state.get(key) or [])
    return [s for s in out if s]


def place_keys(names: Iterable[str]) -> frozenset[str]:
    """Normalised place names plus plurals ("Afghans")."""
    keys: set[str] = set()
    for name in names:
        key = normalize(name)
        if key:
            keys.add(key)
            keys.add(key + "s")
    return frozenset(keys)


def tokenize_all(texts: Sequence[str], tokenizer: Any) -> list[list[str]]:
    return [[t.text for t in doc] for doc in tokenizer.pipe(texts)] if hasattr(tokenizer, "pipe") \
        else [[t.text for t in tokenizer(text)] for text in texts]


@dataclass
class BuildResult:
    document: dict[str, Any]
    stats: dict[str, Any]


def build(actors: Path, tokenizer: Any, states: Path | None = None) -> BuildResult:
    """Read the sources under ``actors`` and return the registry document and counts."""
    actors = Path(actors)
    stats: dict[str, Any] = {"read": {}, "dropped": Counter(), "dropped_examples": defaultdict(list)}

    phoenix_records: dict[str, list[PhoenixRecord]] = {}
    for file, filename in PHOENIX_FILES:
        with (actors / "phoenix" / filename).open(encoding="utf-8", errors="replace") as handle:
            records, parse_stats = parse_phoenix(handle)
        phoenix_records[file] = records
        stats["read"][f"phoenix:{file}"] = {"records": len(records), **parse_stats}
    with (actors / "phoenix" / "Phoenix.agents.txt").open(encoding="utf-8", errors="replace") as handle:
        agents = parse_agents(handle)

    core_path = actors / "partyfacts" / "partyfacts-core-parties.csv"
    with core_path.open(encoding="utf-8", newline="") as handle:
        pf_rows = list(csv.DictReader(handle))
    # ISO3 codes: Party Facts' countries and the Countries file's bare state
    # codes ([AFG]); the other files' bare codes are regions (WEU, MED).
    phoenix_countries = {role.code for rec in phoenix_records["Countries"] for role in rec.roles
                         if len(role.code) == 3}
    iso3 = frozenset(c for c in {row["country"] for row in pf_rows} | phoenix_countries
                     if re.fullmatch(r"[A-Z]{3}", c) and c not in INTERNATIONAL_PREFIXES
                     and c not in COUNTRY_REMAP)
    # Acronyms known from anywhere, for casing other names ("ANC Youth League");
    # not English words ("PAN American" must stay "Pan American").
    known_acronyms = frozenset(
        a for a in {row["name_short"].strip() for row in pf_rows}
        | {a for recs in phoenix_records.values() for rec in recs for name in rec.names
           for a in split_parenthesised(name)[1]}
        if is_acronym(a) and a.isupper() and len(a) <= 6 and a.lower() not in common_words())

    given_names = given_names_from(phoenix_records["Countries"])
    candidates: list[Candidate] = []
    place_names: list[str] = states_places(states)
    state_names: list[str] = list(place_names)
    for file, _ in PHOENIX_FILES:
        found, places, state_list, file_stats = phoenix_candidates(
            phoenix_records[file], file, iso3, given_names, start=len(candidates),
            known_acronyms=known_acronyms)
        candidates.extend(found)
        place_names.extend(places)
        state_names.extend(state_list)
        stats["read"][f"phoenix:{file}"].update(file_stats)
    parties, pf_stats = partyfacts_candidates(pf_rows, actors / "partyfacts" / "wikidata.csv", iso3,
                                              start=len(candidates))
    candidates.extend(parties)
    stats["read"]["partyfacts"] = dict(pf_stats)
    # Phoenix's state blocks also list a few organisations among their cities
    # (+FATAH under Palestine); an alias that is an organisation's own name
    # elsewhere is not a place. States' own names always are.
    org_names = {normalize(c.name) for c in candidates if c.type != "PERSON"}
    state_keys = place_keys(state_names)
    places = state_keys | frozenset(k for k in place_keys(place_names)
                                    if k not in org_names and k.removesuffix("s") not in org_names)
    state_words = state_keys

    # The name lexicons: given names (first words, not for East Asian names,
    # which open with the surname) and surnames of every person.
    # A name is common when two or more persons carry it.
    given: set[str] = set(given_names)
    carriers: dict[str, set[int]] = defaultdict(set)
    for number, cand in enumerate(candidates):
        if cand.type != "PERSON":
            continue
        for alias in cand.aliases:
            words = strip_honorifics(alias.split())
            if len(words) < 2 or role_phrase(alias, True, state_words, given_names):
                continue
            if re.fullmatch(r"[A-Z][a-z]+", words[0]) and not cand.east_asian:
                given.add(words[0].upper())
            carriers[words[0].upper()].add(number)
            last = [w for w in words if w not in ROMAN_NUMERALS and w.rstrip(".").lower() not in {"jr", "sr"}]
            if last:
                carriers[last[-1].upper()].add(number)
    given -= {"AL", "ABU", "EL", "ABD", "BIN", "IBN"}
    names = {name for name, who in carriers.items() if len(who) >= 2} | set(given_names)
    ctx = Context(places=places, states=state_words, given_names=frozenset(given),
                  names=frozenset(names), agents=agents, common=common_words(), stops=stop_words())

    for cand in candidates:
        cand.name = choose_name(cand, ctx)
    merged = merge_candidates(candidates)
    stats["merged"] = len(candidates) - len(merged)

    kept: list[Candidate] = []
    for entry in merged:
        aliases: list[str] = []
        for alias in entry.aliases:
            for variant in alias_variants(alias, entry):
                if variant in aliases:
                    continue
                verdict = alias_verdict(variant, entry, ctx)
                if verdict:
                    stats["dropped"][verdict] += 1
                    examples = stats["dropped_examples"][verdict]
                    if len(examples) < 400:
                        examples.append(variant)
                    continue
                aliases.append(variant)
        entry.aliases = aliases
        words = entry.name.split()
        if entry.east_asian and len(words) == 3 and f"{words[0]} {words[1]}-{words[2].lower()}" in aliases:
            entry.name = f"{words[0]} {words[1]}-{words[2].lower()}"  # "Ban Ki-moon", the usual spelling
        if aliases:
            kept.append(entry)
        else:
            stats["dropped"]["entries without aliases"] += 1

    all_aliases = [alias for entry in kept for alias in entry.aliases]
    all_tokens = tokenize_all(all_aliases, tokenizer)
    position = 0
    for entry in kept:
        seen: set[tuple[str, ...]] = set()
        aliases, tokens = [], []
        for alias in entry.aliases:
            toks = all_tokens[position]
            position += 1
            if tuple(toks) in seen:
                continue
            seen.add(tuple(toks))
            aliases.append(alias)
            tokens.append(toks)
        entry.aliases, entry.tokens = aliases, tokens
    ambiguous = ambiguous_sequences(kept)
    final: list[Candidate] = []
    for entry in kept:
        pairs = [(a, t) for a, t in zip(entry.aliases, entry.tokens) if tuple(t) not in ambiguous]
        dropped = len(entry.aliases) - len(pairs)
        if dropped:
            stats["dropped"]["ambiguous"] += dropped
            examples = stats["dropped_examples"]["ambiguous"]
            for alias, toks in zip(entry.aliases, entry.tokens):
                if tuple(toks) in ambiguous and len(examples) < 400:
                    examples.append(alias)
        if not pairs:
            stats["dropped"]["entries without aliases"] += 1
            continue
        pairs.sort(key=lambda p: (p[0] != entry.name, p[0]))
        entry.aliases = [a for a, _ in pairs]
        entry.tokens = [t for _, t in pairs]
        final.append(entry)

    final.sort(key=lambda e: (e.name.casefold(), e.name, e.type, e.country or "", e.aliases))
    entries = [{
        "name": e.name,
        "type": e.type,
        "country": e.country,
        "aliases": e.aliases,
        "roles": [r.as_json() for r in sorted(e.roles, key=Role.sort_key)],
        "tokens": e.tokens,
    } for e in final]
    document = {
        "schema_version": SCHEMA_VERSION,
        "sources": source_metadata(actors),
        "tokenizer": tokenizer_fingerprint(tokenizer),
        "entries": entries,
    }
    by_source: Counter = Counter()
    for entry in final:
        for source in entry.sources:
            by_source[source] += 1
    stats["entries"] = len(final)
    stats["aliases"] = sum(len(e.aliases) for e in final)
    stats["by_source"] = {s: by_source[s] for s in SOURCE_ORDER}
    stats["by_type"] = dict(sorted(Counter(e.type for e in final).items()))
    stats["candidates"] = len(candidates)
    return BuildResult(document, stats)


def dumps(document: dict[str, Any]) -> str:
    """Compact JSON with one entry per line, so a rebuild diffs line by line."""
    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)

    head = (f'{{"schema_version":{compact(document["schema_version"])},'
            f'"sources":{compact(document["sources"])},'
            f'"tokenizer":{compact(document["tokenizer"])},"entries":[')
    body = ",\n".join(compact(entry) for entry in document["entries"])
    return head + "\n" + body + "\n]}\n"


def report(stats: dict[str, Any]) -> str:
    lines = ["Records read:"]
    for source, counts in stats["read"].items():
        lines.append(f"  {source}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    lines.append(f"Candidates: {stats['candidates']}; merged away: {stats['merged']}")
    lines.append(f"Entries: {stats['entries']} with {stats['aliases']} aliases")
    lines.append("Entries by source (an entry merged from several sources counts in each):")
    for source, count in stats["by_source"].items():
        lines.append(f"  {source}: {count}")
    lines.append("Entries by type:")
    for kind, count in stats["by_type"].items():
        lines.append(f"  {kind}: {count}")
    lines.append("Aliases dropped, by filter (first filter that applies):")
    for name, count in stats["dropped"].most_common():
        examples = ", ".join(stats["dropped_examples"].get(name, [])[:6])
        lines.append(f"  {name}: {count}" + (f" (e.g. {examples})" if examples else ""))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=Path, default=Path("../shared/actors"),
                        help="the shared actors folder (partyfacts/, phoenix/)")
    parser.add_argument("--out", type=Path, default=MODELS_DIR / "actors_open.json")
    parser.add_argument("--states", type=Path, default=MODELS_DIR / "actors.yml",
                        help="hand-written registry whose state names, demonyms and seats are never aliases")
    args = parser.parse_args(argv)
    if not (args.actors / "phoenix").is_dir() or not (args.actors / "partyfacts").is_dir():
        print(f"{args.actors}: no phoenix/ and partyfacts/ here (is ../shared present?)", file=sys.stderr)
        return 2
    from pipeline.language import load_nlp

    started = time.process_time()
    tokenizer = load_nlp(spacy_model="none").tokenizer
    result = build(args.actors, tokenizer, args.states)
    text = dumps(result.document)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(report(result.stats))
    print(f"Wrote {args.out} ({len(text.encode('utf-8')) / 1e6:.1f} MB) in "
          f"{time.process_time() - started:.1f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
