"""lab/build_registry.py: title-casing, the alias filters, role dates, the merge,
the build on tiny fixtures (tests/data/actors_open/) and its determinism."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from lab import build_registry as br
from pipeline.gazetteer import tokenizer_fingerprint

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "actors_open"
SHARED_ACTORS = Path(__file__).parents[1] / ".." / "shared" / "actors"


@pytest.fixture(scope="module")
def tokenizer():
    # spaCy's plain English tokenizer is enough here and builds in milliseconds.
    return spacy.blank("en").tokenizer


@pytest.fixture(scope="module")
def result(tokenizer) -> br.BuildResult:
    return br.build(FIXTURE, tokenizer, FIXTURE / "states.yml")


@pytest.fixture(scope="module")
def entries(result) -> dict[str, dict]:
    return {e["name"]: e for e in result.document["entries"]}


def require_shared_actors() -> Path:
    if not SHARED_ACTORS.is_dir():
        pytest.skip(f"{SHARED_ACTORS} is not available (../shared missing)")
    return SHARED_ACTORS


# --- title-casing -------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("MADELEINE_ALBRIGHT", "Madeleine Albright"),
    ("BORIS_N._YELTSIN", "Boris N. Yeltsin"),
    ("JAVIER_PEREZ_DE_CUELLAR", "Javier Perez de Cuellar"),
    ("OSAMA_BIN_LADEN", "Osama bin Laden"),
    ("SHEIKH_JABER_AL-MUBARAK_AL-HAMAD_AL-SABAH", "Sheikh Jaber al-Mubarak al-Hamad al-Sabah"),
    ("NASIR_AL_WUHAYSHI", "Nasir al-Wuhayshi"),
    ("AL_GORE", "Al Gore"),
    ("JOHN_MCCAIN", "John McCain"),
    ("MARTIN_O'MALLEY", "Martin O'Malley"),
    ("MASSIMO_D'ALEMA", "Massimo D'Alema"),
    ("PHILIP_A._Z._BANKS_III", "Philip A. Z. Banks III"),
    ("ABDULLAH_II", "Abdullah II"),
    ("XI_JINPING", "Xi Jinping"),
])
def test_title_case_persons(raw: str, expected: str) -> None:
    assert br.title_case(raw, person=True) == expected


def test_title_case_east_asian_given_names() -> None:
    assert br.title_case("BAN_KI-MOON", person=True, east_asian=True) == "Ban Ki-moon"
    assert br.title_case("BYUN_DO_YOON", person=True, east_asian=True) == "Byun Do Yoon"  # no "do" particle
    assert br.title_case("BAN_KI-MOON", person=True) == "Ban Ki-Moon"


@pytest.mark.parametrize("raw, expected", [
    ("NORTH_ATLANTIC_TREATY_ORGANIZATION", "North Atlantic Treaty Organization"),
    ("ARMY_OF_GOD", "Army of God"),
    ("PEOPLE'S_LIBERATION_ARMY", "People's Liberation Army"),
    ("PEOPLE's_LIBERATION_ARMY", "People's Liberation Army"),
    ("U.S._ARMY", "U.S. Army"),
    ("UN_MISSION_IN_SUDAN", "UN Mission in Sudan"),
    ("AL-AQSA_MARTYRS_BRIGADES", "Al-Aqsa Martyrs Brigades"),
    ("IZZ_AD-DIN_AL_QASSAM", "Izz ad-Din al-Qassam"),
    ("LASHKAR-E-TAIBA", "Lashkar-e-Taiba"),
    ("HARAKAT_UL-MUJAHIDIN", "Harakat ul-Mujahidin"),
    ("ABU_NIDAL_ORGANIZATION", "Abu Nidal Organization"),
    ("AT&T_INC", "AT&T Inc"),
    ("ALMOST_FAMILY_INC", "Almost Family Inc"),
    ("USSR", "USSR"),
    ("PKK", "PKK"),
    ("KPSS", "KPSS"),
    ("HAMAS", "Hamas"),
    ("LA_LIGA", "La Liga"),
    ("19TH_OF_APRIL_MOVEMENT", "19th of April Movement"),
])
def test_title_case_organisations(raw: str, expected: str) -> None:
    assert br.title_case(raw) == expected


def test_title_case_keeps_known_acronyms() -> None:
    assert br.title_case("NATO", acronyms={"NATO"}) == "NATO"
    assert br.title_case("ANC_YOUTH_LEAGUE", acronyms={"ANC"}) == "ANC Youth League"
    assert br.title_case("ANC_YOUTH_LEAGUE") == "Anc Youth League"


def test_initials_and_parentheses() -> None:
    assert "NATO" in br.initials("NORTH ATLANTIC TREATY ORGANIZATION".split())
    assert "OPEC" in br.initials("ORGANIZATION OF THE PETROLEUM EXPORTING COUNTRIES".split())
    assert br.split_parenthesised("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_") == ("ADEN ABYAN ISLAMIC ARMY", ["AAIA"])
    assert br.split_parenthesised("AFRICAN_NATIONAL_CONGRESS_(SOUTH_AFRICA)_") == ("AFRICAN NATIONAL CONGRESS", [])
    assert br.split_parenthesised("STANKO_TODOROV_(ACTING") == ("STANKO TODOROV", [])
    assert br.clean_raw_name("THE_UNITED_NATIONS_") == "UNITED NATIONS"
    assert br.clean_raw_name("ORDER,_THE_") == "ORDER"


# --- codes, dates, roles --------------------------------------------------------

def test_phoenix_dates() -> None:
    assert br.parse_phoenix_date("930120") == "1993-01-20"
    assert br.parse_phoenix_date("010120") == "2001-01-20"
    assert br.parse_phoenix_date("300101") == "2030-01-01"  # the TABARI pivot: 00-30 is 20YY
    assert br.parse_phoenix_date("310101") == "1931-01-01"
    assert br.parse_phoenix_date("19270101") == "1927-01-01"
    assert br.parse_phoenix_date("2004017") is None
    assert br.parse_phoenix_date("930231") is None


def test_parse_role() -> None:
    assert br.parse_role("USAGOV 930120-010120") == br.Role("USAGOV", "1993-01-20", "2001-01-20")
    assert br.parse_role("USAGOV 930120-010120").as_json() == {
        "code": "USAGOV", "from": "1993-01-20", "to": "2001-01-20"}
    assert br.parse_role("BGDGOV >090201") == br.Role("BGDGOV", "2009-02-01", None)
    assert br.parse_role("USAGOV > 130701") == br.Role("USAGOV", "2013-07-01", None)
    assert br.parse_role("HTIOPPMED <061231") == br.Role("HTIOPPMED", None, "2006-12-31")
    assert br.parse_role("MNEGOV 20121204") == br.Role("MNEGOV", "2012-12-04", None)
    assert br.parse_role("AFGELI") == br.Role("AFGELI")
    assert br.parse_role("---") is None
    with pytest.raises(br.MalformedRole):
        br.parse_role("KORGOVBUS 2004017-20061201")


def test_codes() -> None:
    iso3 = frozenset({"USA", "RUS", "DNK", "MUS", "MMR", "SUN"})
    assert br.code_sector("USAGOVBUS", iso3) == "GOV"
    assert br.code_sector("MED", iso3) == "MED"
    assert br.is_place_code("DNKGRL", iso3) and br.is_place_code("RUS", iso3)
    assert not br.is_place_code("MED", iso3) and not br.is_place_code("IGOUNO", iso3)
    assert br.code_type("USAMIL", iso3) == "MILITARY"
    assert br.code_type("PSEREBHMS", iso3) == "ARMED_GROUP"
    assert br.code_type("MNCUSA", iso3) == "COMPANY"
    assert br.code_type("IGOWSTNAT", iso3) == "IGO"
    assert br.code_country("MNCUSA", iso3) == "USA"
    assert br.code_country("NGOMMRMED", iso3) == "MMR"
    assert br.code_country("IMGMUSALQ", iso3) is None  # Muslim, not Mauritius
    assert br.code_country("KSVGOV", iso3) == "XKX"
    assert br.code_country("IGOUNO", iso3) is None


# --- the Phoenix reader -----------------------------------------------------------

def test_parse_phoenix_groups_names_until_codes() -> None:
    lines = [
        "BORIS_YELTSIN_  # CountryInfo.txt\n",
        "BORIS_N._YELTSIN\n",
        "+PRESIDENT_YELTSIN\n",
        "\t[RUSGOV 910710-991231]\n",
        "UN_ [IGOUNO]\n",
        "OSMAN_OLCAY\t_TURKEY_\t[IGOWSTNAT 690101-711231]\n",
        "\n",
        "MAY_19_COMMUNIST_ORDER_ [USAREB]\n",
        "\n",
        "+MAY_19_COMMUNIST_COALITION_\n",
    ]
    records, stats = br.parse_phoenix(lines)
    assert [r.names for r in records] == [
        ["BORIS_YELTSIN_", "BORIS_N._YELTSIN", "PRESIDENT_YELTSIN"],
        ["UN_"],
        ["OSMAN_OLCAY"],
        ["MAY_19_COMMUNIST_ORDER_", "MAY_19_COMMUNIST_COALITION_"],
    ]
    assert records[0].leader_list and records[0].roles == [br.Role("RUSGOV", "1991-07-10", "1999-12-31")]
    assert records[2].roles == [br.Role("IGOWSTNAT", "1969-01-01", "1971-12-31")]
    assert not stats["orphan alias lines"]


def test_parse_phoenix_malformed_dates_are_hints_not_roles() -> None:
    records, stats = br.parse_phoenix(["BAN_KI-MOON\n", "\t[IGOUNO >20070101]\n",
                                       "\t[KORGOVBUS 2004017-20061201]\n"])
    assert records[0].roles == [br.Role("IGOUNO", "2007-01-01", None)]
    assert records[0].hint_codes == ["KORGOVBUS"]
    assert stats["malformed role dates"] == 1


def test_parse_agents_expands_macros_and_plurals() -> None:
    agents = br.parse_agents(["!PERSON! = MAN, MEN\n", "TROOP [~MIL]\n", "HEALTH_DEPARTMENT [~GOVHLH]\n",
                              "POLICE!PERSON! [~COP]\n"])
    assert {"troop", "troops", "health department", "policeman", "policemen"} <= agents


# --- filters ----------------------------------------------------------------------

def test_too_short() -> None:
    assert br.too_short("UN") and br.too_short("G 7")
    assert not br.too_short("SPD")


def test_not_latin() -> None:
    assert br.not_latin("СССР")
    assert not br.not_latin("Sinn Féin") and not br.not_latin("Fidesz – Hungarian Civic Alliance")


def test_malformed() -> None:
    assert br.malformed("Dmitri A .Medvedev")
    assert br.malformed("Justicialist [Peronist] Party")
    assert br.malformed("Front for the Liberation of the Cabinda Enclave - Renewed")
    assert not br.malformed("Ban Ki-moon") and not br.malformed("Martin O'Malley")


def test_date_or_number() -> None:
    assert br.date_or_number("May 15") and br.date_or_number("17 November") and br.date_or_number("39649")
    assert not br.date_or_number("May 19 Communist Order") and not br.date_or_number("Omega-7")


def test_descriptive_phrase() -> None:
    assert br.descriptive_phrase("Political-based groups working together")
    assert br.descriptive_phrase("Albanian leader Ibrahim Rugova")
    for name in ("Army of God", "Osama bin Laden", "Izz ad-Din al-Qassam", "Juntos por el Cambio",
                 "Hizb ut-Tahrir", "Movement toward Socialism"):
        assert not br.descriptive_phrase(name), name


def test_role_phrase_persons() -> None:
    states = br.place_keys(["Russia", "Russian", "Moscow", "US", "Soviet"])
    given = frozenset({"VLADIMIR", "BORIS"})
    for alias in ("President Yeltsin", "Russian President Yeltsin", "Prime Minister Vladimir Putin",
                  "Moscow Party Chief Boris N. Yeltsin", "Obama Administration", "Mr. Obama",
                  "General Muhammadu Buhari", "Ex-Soviet President Mikhail Gorbachev",
                  "Bundeskanzler Angela Merkel"):
        assert br.role_phrase(alias, True, states, given), alias
    for alias in ("Boris Yeltsin", "Vladimir Putin", "John Major", "Julie Bishop"):
        assert not br.role_phrase(alias, True, states, given), alias


def test_role_phrase_organisations() -> None:
    states = br.place_keys(["United States", "US", "American"])
    for alias in ("US Trade Representative", "Secretary General of the United Nations",
                  "UN Secretary General", "White House Spokesman", "Kosovar Prime Minister"):
        assert br.role_phrase(alias, False, states), alias
    for alias in ("North Atlantic Treaty Organization", "Office of the President", "General Motors",
                  "Council of Ministers"):
        assert not br.role_phrase(alias, False, states), alias


def test_bare_person_name() -> None:
    given, common = frozenset({"ABDULLAH", "AHMED"}), br.common_words()
    assert br.bare_person_name("Yeltsin", "PERSON")
    assert br.bare_person_name("Bin Laden", "PERSON")
    assert br.bare_person_name("K. Annan", "PERSON") and not br.bare_person_name("Madeleine K. Albright", "PERSON")
    assert not br.bare_person_name("G. M. Quader", "PERSON")
    assert br.bare_person_name("King Abdullah", "PERSON", given, common)
    assert not br.bare_person_name("Ayatollah Khamenei", "PERSON", given, common)
    assert not br.bare_person_name("Boris Yeltsin", "PERSON")
    assert not br.bare_person_name("Li Bin", "PERSON", east_asian=True)
    assert not br.bare_person_name("Hamas", "ARMED_GROUP")


def test_person_alias_of_group() -> None:
    given, common = frozenset({"KHALED", "HASSAN", "CHRISTIAN"}), br.common_words()
    places = br.place_keys(["Tunisia"])
    assert br.person_alias_of_group("Khaled Meshaal", "ARMED_GROUP", given, "Hamas", common, places)
    assert br.person_alias_of_group("Sheikh Hassan Nasrallah", "PARTY", given, "Hezbollah", common, places)
    assert not br.person_alias_of_group("Christian Democrats", "PARTY", given, "CDU", common, places)
    assert not br.person_alias_of_group("Khaled Meshaal", "COMPANY", given, "X", common, places)
    assert not br.person_alias_of_group("Khaled Meshaal", "PERSON", given, "X", common, places)


def test_common_word() -> None:
    common, stops = br.common_words(), br.stop_words()
    for alias in ("Congress", "Labour", "Renewal", "Senate", "The Other"):
        assert br.common_word(alias, common, stops), alias
    for alias in ("Likud", "Fidesz", "Hamas", "Taliban", "PAN", "Labour Party"):
        assert not br.common_word(alias, common, stops), alias
    assert br.common_word("AND", common, stops)


def test_common_name() -> None:
    names = frozenset({"BROWN", "LEE", "ABDULLAH", "ISIS"})
    assert br.common_name("Brown", names) and br.common_name("Lee", names)
    assert not br.common_name("ISIS", names)  # capitals: an acronym
    assert not br.common_name("Gordon Brown", names)


def test_general_abbreviation() -> None:
    assert br.general_abbreviation("GDP") and br.general_abbreviation("MNC", "COMPANY")
    assert br.general_abbreviation("CDC", "PARTY")
    assert not br.general_abbreviation("CIA", "GOVERNMENT") and not br.general_abbreviation("SPD", "PARTY")


def test_place_name() -> None:
    places = br.place_keys(["Georgia", "Kabul", "Russian", "Afghan", "the Kremlin"])
    for alias in ("Georgia", "KABUL", "Russian", "Afghans", "Kremlin"):
        assert br.place_name(alias, places), alias
    assert not br.place_name("Georgian Dream", places)


def test_generic_agent() -> None:
    agents = frozenset({"health department", "state duma"})
    common = br.common_words()
    assert br.generic_agent("Health Department", agents, common)
    assert not br.generic_agent("State Duma", agents, common)  # "duma" is a name, not a word


def test_generic_descriptor() -> None:
    common, places = br.common_words(), br.place_keys(["Syria", "Syrian", "China"])
    for alias in ("Supreme Court", "National Assembly", "Labour Party", "Social Democrats",
                  "National Security Council", "Ministry of Foreign Affairs", "First National Bank"):
        assert br.generic_descriptor(alias, "XXX", common, places), alias
    for alias in ("Free Syrian Army", "Guardian Council", "Shining Path", "People's Liberation Army",
                  "Communist Party of China", "Civic Platform"):
        assert not br.generic_descriptor(alias, "XXX", common, places), alias
    assert not br.generic_descriptor("Supreme Court", None, common, places)  # not bound to a country
    assert not br.generic_descriptor("Finish Line", "USA", common, places, "COMPANY")


def test_ambiguous_sequences() -> None:
    def cand(name: str, tokens: list[list[str]]) -> br.Candidate:
        return br.Candidate(name, "PARTY", None, [], set(), set(), 0, tokens=tokens)

    found = br.ambiguous_sequences([cand("A", [["SPD"], ["Social", "Democrats"]]),
                                    cand("B", [["SPD"], ["Freedom"]]),
                                    cand("C", [["Likud"], ["Likud"]])])
    assert found == {("SPD",)}


def test_acronyms_and_english_names() -> None:
    for text in ("SPD", "PiS", "PCdoB", "CD&V", "AfD"):
        assert br.is_acronym(text), text
    for text in ("Lab", "Fidesz", "GroenLinks", "A", "S P D"):
        assert not br.is_acronym(text), text
    assert br.split_english_names("Afghan Social Democratic Party / Afghan Millat Party") == [
        "Afghan Social Democratic Party", "Afghan Millat Party"]
    assert br.split_english_names("Agrarians (German) // Justicialist [Peronist] Party") == [
        "Agrarians", "Justicialist Party"]


def test_an_ampersand_name_is_also_spelled_out() -> None:
    company = br.Candidate("AT&T", "COMPANY", "USA", ["AT&T"], set(), {"phoenix"}, 0)
    assert br.alias_variants("AT&T", company) == ["AT&T", "AT and T"]
    assert "Procter and Gamble" in br.alias_variants("Procter & Gamble", company)


# --- merging and the fixture build -------------------------------------------------

def test_merge_candidates() -> None:
    def cand(name, kind, country, order, source, aliases=None, roles=()):
        return br.Candidate(name, kind, country, aliases or [name], set(roles), {source}, order)

    merged = br.merge_candidates([
        cand("Kofi Annan", "PERSON", "GHA", 0, "phoenix:Countries", roles=[br.Role("GHAELI")]),
        cand("Kofi Annan", "PERSON", None, 5, "phoenix:International",
             roles=[br.Role("IGOUNO", "1997-01-01", "2006-12-31")]),
        cand("Abdul Ali", "PERSON", "AFG", 1, "phoenix:Countries"),
        cand("Abdul Ali", "PERSON", "IRQ", 2, "phoenix:Countries"),
        cand("Communist Party of China", "GOVERNMENT", "CHN", 3, "phoenix:Countries"),
        cand("Communist Party of China", "PARTY", "CHN", 9, "partyfacts"),
        cand("Dmitry Medvedev", "PERSON", "RUS", 4, "phoenix:Countries"),
        cand("Dmitri Medvedev", "PERSON", "RUS", 6, "phoenix:Countries",
             aliases=["Dmitri Medvedev", "Dmitry Medvedev"]),
    ])
    by_name: dict[str, list[br.Candidate]] = {}
    for entry in merged:
        by_name.setdefault(entry.name, []).append(entry)
    (annan,) = by_name["Kofi Annan"]
    assert annan.country == "GHA" and len(annan.roles) == 2
    assert annan.sources == {"phoenix:Countries", "phoenix:International"}
    assert len(by_name["Abdul Ali"]) == 2  # namesakes in two countries stay apart
    (cpc,) = by_name["Communist Party of China"]
    assert cpc.type == "PARTY"
    assert "Dmitri Medvedev" not in by_name and by_name["Dmitry Medvedev"][0].aliases == [
        "Dmitry Medvedev", "Dmitri Medvedev"]


def test_fixture_persons(entries) -> None:
    yeltsin = entries["Boris Yeltsin"]
    assert yeltsin["type"] == "PERSON" and yeltsin["country"] == "RUS"
    assert yeltsin["aliases"] == ["Boris Yeltsin", "Boris N. Yeltsin"]  # no "Yeltsin", no "President Yeltsin"
    assert yeltsin["roles"] == [{"code": "RUSELI", "from": "1949-01-01", "to": "1991-07-10"},
                                {"code": "RUSGOV", "from": "1991-07-10", "to": "1999-12-31"}]
    albright = entries["Madeleine Albright"]
    assert albright["roles"] == [{"code": "USAGOV", "from": "1993-01-20", "to": "2001-01-20"}]
    assert albright["aliases"] == ["Madeleine Albright", "Madeleine K. Albright"]
    assert entries["Kofi Annan"]["country"] == "GHA" and len(entries["Kofi Annan"]["roles"]) == 2
    ban = entries["Ban Ki-moon"]
    assert ban["country"] == "KOR" and "Ban Ki-moon" in ban["aliases"]
    assert entries["Osama bin Laden"]["type"] == "PERSON"
    assert "Abdul Ali" not in entries  # two namesakes: ambiguous, and nothing else to match


def test_fixture_organisations(entries) -> None:
    assert entries["NATO"]["type"] == "IGO"
    assert entries["NATO"]["aliases"] == ["NATO", "North Atlantic Treaty Organization"]
    assert entries["Reuters"]["type"] == "ORGANIZATION"
    cpc = entries["Communist Party of China"]
    assert cpc["type"] == "PARTY" and cpc["aliases"] == ["Communist Party of China", "CPC"]
    assert {"code": "CHNPTY", "from": "1921", "to": None} in cpc["roles"]
    hamas = entries["Hamas"]
    assert hamas["type"] == "ARMED_GROUP" and "Khaled Meshaal" not in hamas["aliases"]
    assert entries["Aden Abyan Islamic Army"]["aliases"] == ["Aden Abyan Islamic Army", "AAIA"]
    assert "al-Qaeda" in entries["Al-Qa'ida"]["aliases"]
    assert entries["Kremlin"]["aliases"] == ["Russian White House"]  # "Kremlin" is a state's seat
    assert entries["Likud"]["aliases"] == ["Likud", "LIKUD"]
    assert entries["National Action Party"]["aliases"] == ["National Action Party", "PAN"]
    assert entries["Congress for Democratic Change"]["aliases"] == ["Congress for Democratic Change"]


def test_fixture_drops(result, entries) -> None:
    all_aliases = {a for e in entries.values() for a in e["aliases"]}
    assert "SPD" not in all_aliases  # two parties' acronym
    assert "Labour Party" not in all_aliases and "Supreme Court" not in all_aliases
    assert "May 15" not in all_aliases and "Yeltsin" not in all_aliases
    assert not any(name in entries for name in ("Russian Federation", "United States", "Afghanistan"))
    dropped = result.stats["dropped"]
    assert dropped["role_phrase"] >= 4 and dropped["ambiguous"] >= 2
    assert result.stats["read"]["partyfacts"]["technical rows skipped"] == 1
    assert result.stats["read"]["phoenix:Countries"]["malformed role dates"] == 1


def test_fixture_counts_and_sources(result) -> None:
    stats = result.stats
    assert sum(stats["by_type"].values()) == stats["entries"] == len(result.document["entries"])
    assert set(stats["by_source"]) == set(br.SOURCE_ORDER)
    assert stats["by_source"]["partyfacts"] == 7
    party_facts, phoenix = result.document["sources"]
    assert party_facts["commit"] == "0123456789abcdef0123456789abcdef01234567"
    assert party_facts["licence"] == "MIT"
    assert party_facts["copyright"] == "Copyright (c) 2000 Fixture Party Authors"
    assert phoenix["copyright"] == "Copyright (c) 2000 Fixture Event Data"
    assert phoenix["url"] == "https://github.com/example/phoenix-fixture"
    report = br.report(stats)
    assert "Entries by type:" in report and "PERSON" in report


def test_tokens_are_the_tokenizers(result, tokenizer) -> None:
    document = result.document
    assert document["tokenizer"] == tokenizer_fingerprint(tokenizer)
    assert document["schema_version"] == 1
    for entry in document["entries"]:
        assert set(entry) == {"name", "type", "country", "aliases", "roles", "tokens"}
        assert entry["type"] in br.TYPES
        assert entry["tokens"] == [[t.text for t in tokenizer(a)] for a in entry["aliases"]]


def test_dumps_is_compact_json_one_entry_per_line(result) -> None:
    text = br.dumps(result.document)
    assert json.loads(text) == result.document
    lines = text.splitlines()
    assert len(lines) == len(result.document["entries"]) + 2
    first = result.document["entries"][0]
    assert lines[1] == json.dumps(first, ensure_ascii=False, separators=(",", ":")) + ","


_BUILD_SCRIPT = """
import json, sys
from pathlib import Path
import spacy
from lab import build_registry as br
words = frozenset(json.load(sys.stdin))
br.common_words = lambda: words
fixture = Path(sys.argv[1])
sys.stdout.write(br.dumps(br.build(fixture, spacy.blank("en").tokenizer, fixture / "states.yml").document))
"""


def test_build_is_deterministic(result, tokenizer, monkeypatch) -> None:
    again = br.build(FIXTURE, tokenizer, FIXTURE / "states.yml")
    assert br.dumps(again.document) == br.dumps(result.document)
    # Another process with another string-hash seed: set iteration order must not
    # leak into the output. Both builds use the same small word list, which spares
    # the child loading the full one (a membership test, so order-free itself).
    words = sorted(w for w in br.common_words() if len(w) > 2 and w.isalpha() and w[0] in "acdfilmnprs")
    monkeypatch.setattr(br, "common_words", lambda: frozenset(words))
    here = br.dumps(br.build(FIXTURE, tokenizer, FIXTURE / "states.yml").document)
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    out = subprocess.run([sys.executable, "-c", _BUILD_SCRIPT, str(FIXTURE)], input=json.dumps(words),
                         cwd=ROOT, check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": seed})
    assert '"Boris Yeltsin"' in here and out.stdout == here


def test_main_without_sources_fails_cleanly(tmp_path, capsys) -> None:
    assert br.main(["--actors", str(tmp_path / "missing"), "--out", str(tmp_path / "x.json")]) == 2
    assert "phoenix/" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


# --- the real sources (developer machines and CI only) ------------------------------

def test_real_sources_metadata() -> None:
    actors = require_shared_actors()
    party_facts, phoenix = br.source_metadata(actors)
    assert party_facts["commit"] == "764de8978f84ba41a1c88752d6a00b9a4d05f599"
    assert party_facts["copyright"] == "Copyright (c) 2022 Party Facts authors"
    assert phoenix["commit"] == "676801cd9cb2924bbbad09f86d15c9323e7097bf"
    assert phoenix["licence"] == "MIT" and phoenix["copyright"].startswith("Copyright (c) 2014 Open Event Data")


def test_committed_registry_names_the_real_sources() -> None:
    actors = require_shared_actors()
    path = ROOT / "models" / "actors_open.json"
    if not path.exists():
        pytest.skip("models/actors_open.json not built (make registry)")
    with path.open(encoding="utf-8") as handle:
        head = handle.readline()
    document_head = json.loads(head.rstrip("\n") + "]}")
    assert document_head["sources"] == br.source_metadata(actors)


def test_real_milnonstate_file_reads() -> None:
    actors = require_shared_actors()
    path = actors / "phoenix" / "Phoenix.MilNonState.actors.txt"
    with path.open(encoding="utf-8", errors="replace") as handle:
        records, stats = br.parse_phoenix(handle)
    assert len(records) > 900 and stats["orphan alias lines"] <= 5
