"""Name normalisation: order, titles, legal forms, initials, numbers, scripts."""

from __future__ import annotations

import pytest

from tamis.normalise import OBJ, ORG, PER, UNK, fold, latin, name_form, patronymic_gender


def _texts(text: str, kind: str = UNK) -> list[str]:
    form = name_form(text, kind)
    assert form is not None
    return [t.text for t in form.tokens]


def _roles(text: str, kind: str = PER) -> dict[str, str]:
    form = name_form(text, kind)
    assert form is not None
    return {t.text: r for t, r in zip(form.tokens, form.roles)}


def test_folding_is_nfkc_and_casefold() -> None:
    assert fold("  STRAẞE  Ｍüller ") == "strasse müller"


def test_surname_comma_given_gives_roles() -> None:
    roles = _roles("PUTIN, Vladimir Vladimirovich")
    assert roles == {"putin": "family", "vladimir": "given", "vladimirovich": "patronymic"}


def test_without_a_comma_order_gives_no_roles() -> None:
    assert set(_roles("Vladimir Putin", UNK).values()) == {"part"}


def test_known_last_name_marks_the_family_name() -> None:
    form = name_form("Vladimir Putin", PER, family=["putin"])
    assert form is not None and form.roles == ("part", "family")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. John Smith", ["john", "smith"]),
        ("Dr. Gen. Qasem Soleimani", ["qasem", "soleimani"]),
        ("His Excellency Vladimir Putin", ["vladimir", "putin"]),
        ("SMITH, Mrs. Joan", ["smith", "joan"]),
        ("Sultan Ahmed", ["sultan", "ahmed"]),  # a given name, not a title
        ("Mr", ["mr"]),  # nothing else left: kept
    ],
)
def test_leading_titles_are_dropped(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_apostrophes_and_punctuation_vanish() -> None:
    assert _texts("O'Brien-Smith, Mary-Jane") == ["obrien", "smith", "mary", "jane"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("IR.SHALAMCHE", ["ir", "shalamche"]),  # a dot between words parts them
        ("V.Putin", ["v", "putin"]),
        ("ST.PETERSBURG BANK", ["st", "petersburg", "bank"]),
        ("J.P. Morgan", ["jp", "morgan"]),  # dotted initials stay one word
    ],
)
def test_dots_part_words_but_not_initials(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_dotted_initials_hold_no_legal_form() -> None:
    # "U.S.A." ends in "S.A." (sociedad anonima) only for a reader that ignores the dots
    form = name_form("U.S.A. Trading Corp", ORG)
    assert form is not None and [t.text for t in form.tokens] == ["usa", "trading"]
    assert form.legal == ("llc",)
    acme = name_form("ACME S.A.", ORG)
    assert acme is not None and acme.legal == ("jsc",)


def test_an_apostrophe_inside_a_word_holds_no_legal_form() -> None:
    # "Sa'Id" is Said, not "Sa" (sociedad anonima) and "Id"
    form = name_form("Sa'id Sa'Id")
    assert form is not None and form.legal == ()
    assert [t.text for t in form.tokens] == ["said", "said"]


def test_initials_are_their_own_kind() -> None:
    form = name_form("V. Putin")
    assert form is not None and [t.kind for t in form.tokens] == ["initial", "word"]


@pytest.mark.parametrize(
    "text, parts, legal",
    [
        (
            "Russian Direct Investment Fund LLC",
            ["russian", "direct", "investment", "fund"],
            ("llc",),
        ),
        ("ООО Ромашка", ["romashka"], ("llc",)),
        ("OOO ROMASHKA", ["romashka"], ("llc",)),
        ("PAO Sberbank", ["sberbank"], ("jsc",)),
        ("Siemens Aktiengesellschaft", ["siemens"], ("jsc",)),
        ("Société Générale SA", ["societe", "generale"], ("jsc",)),
        ("ACME CORP.", ["acme"], ("llc",)),
        ("Anglo-Caribbean Co., Ltd.", ["anglo", "caribbean"], ("llc",)),
        ("Tata Sons Pvt Ltd", ["tata", "sons"], ("llc", "co")),
        # Russian state corporations and unitary enterprises: forms that lead the name
        ("STATE CORPORATION ROSTEC", ["rostec"], ("soe",)),
        ("FGUP MORYE", ["morye"], ("soe",)),
        ("BANK OF STATE CORPORATION", ["bank", "of", "state"], ("llc",)),  # not first: words
        # the Estonian osaühing, as OFAC writes it without its umlaut
        ("GARANTEX EUROPE OU", ["garantex", "europe"], ("llc",)),
        ("Garantex Europe OÜ", ["garantex", "europe"], ("llc",)),
        # the Balkan d.o.o., its dots read away; written inside, it ends the name proper:
        # the seat after it is left out
        ("MERIDEIS D.O.O.", ["merideis"], ("llc",)),
        ("ALTERNATIVNA TELEVIZIJA D.O.O. BANJA LUKA", ["alternativna", "televizija"], ("llc",)),
        # a public company limited (Thailand, Myanmar: PCL): PUBLIC is no word of the name
        ("MYANMA ECONOMIC HOLDINGS PUBLIC COMPANY LIMITED", ["myanma", "economic", "holdings"],
         ("llc", "jsc")),
    ],
)
def test_legal_forms_are_kept_aside(text: str, parts: list[str], legal: tuple[str, ...]) -> None:
    form = name_form(text, ORG)
    assert form is not None
    assert [t.text for t in form.tokens] == parts
    assert form.legal == legal


def test_a_legal_form_makes_an_unknown_name_an_organisation() -> None:
    form = name_form("Acme LLC", UNK)
    assert form is not None and form.kind == ORG


def test_people_keep_words_that_look_like_legal_forms() -> None:
    assert _texts("SA, Ali", PER) == ["sa", "ali"]


def test_numbers_are_kept_as_numbers() -> None:
    form = name_form("11420 CORP.", ORG)
    assert form is not None and [(t.text, t.kind) for t in form.tokens] == [("11420", "number")]


def test_vessel_prefixes_are_dropped() -> None:
    assert _texts("M/V ADRIAN DARYA 1", OBJ) == ["adrian", "darya", "1"]
    form = name_form("M/T Grace 1", UNK)
    assert form is not None and form.kind == OBJ


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Владимир Путин", ["vladimir", "putin"]),
        ("Ψαράς", ["psaras"]),
        ("Müller", ["muller"]),
        ("金正恩", ["jin", "zhengen"]),  # surname + given name, as lists write Chinese names
    ],
)
def test_other_scripts_are_transliterated(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_original_forms_are_kept_for_explanations() -> None:
    form = name_form("Владимир Путин")
    assert form is not None and form.forms == ("владимир", "путин")


def test_latin_is_cached_and_ascii() -> None:
    assert latin("путин") == "putin" and latin("putin") == "putin"


def test_patronymics_show_gender() -> None:
    assert patronymic_gender(name_form("PESKOVA, Elizaveta Dmitriyevna", PER)) == "female"  # type: ignore[arg-type]
    assert patronymic_gender(name_form("PESKOV, Dmitriy Sergeevich", PER)) == "male"  # type: ignore[arg-type]
    assert patronymic_gender(name_form("SMITH, John", PER)) is None  # type: ignore[arg-type]


def test_nothing_comparable_gives_none() -> None:
    assert name_form("--- ...") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Abd al-Malik al-Houthi", ["abdul", "malik", "al", "houthi"]),
    ("Abdul Malik al-Houthi", ["abdul", "malik", "al", "houthi"]),
    ("عبد الملك الحوثي", ["abdul", "mlk", "alhuthy"]),  # the article written onto the word
    ("Abd Rabbuh Mansur Hadi", ["abd", "rabbuh", "mansur", "hadi"]),  # no article: as is
])  # fmt: skip
def test_abd_al_is_one_compound_however_spaced(text: str, expected: list[str]) -> None:
    assert _texts(text, PER) == expected


def test_an_organisation_keeps_abd_as_written() -> None:
    assert _texts("ABD AL AZIZ TRADING", ORG)[:2] == ["abd", "al"]
