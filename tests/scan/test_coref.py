"""Coreference: a surname after the full name is the same listed person; nobody else's."""

from __future__ import annotations

from tamis.scan import Scanner

PESKOV, NIKOLAY_PESKOV = "ofac-sdn:35320", "ofac-sdn:35767"


def _mentions(scanner: Scanner, text: str) -> dict[str, list[tuple[str, str]]]:
    return {p.id: [(m.text, m.how) for m in p.mentions] for p in scanner.scan(text).parties}


def test_a_surname_after_an_honorific_joins_the_full_name(sdn_scanner: Scanner) -> None:
    text = "Dmitri Peskov a parlé lundi. Selon M. Peskov, rien n'a changé."
    assert _mentions(sdn_scanner, text) == {
        PESKOV: [("Dmitri Peskov", "gazetteer"), ("Peskov", "coref")]}  # fmt: skip


def test_a_surname_in_another_full_name_is_someone_else(sdn_scanner: Scanner) -> None:
    text = "Dmitri Peskov a parlé lundi. Elena Peskova, sa voisine, n'a rien dit."
    assert _mentions(sdn_scanner, text) == {PESKOV: [("Dmitri Peskov", "gazetteer")]}


def test_two_namesakes_each_keep_their_own_short_forms(sdn_scanner: Scanner) -> None:
    text = ("Dmitri Peskov a parlé lundi. M. Peskov était calme. "
            "Plus tard, Nikolaï Peskov est arrivé. Peskov a souri.")  # fmt: skip
    found = _mentions(sdn_scanner, text)
    assert found[PESKOV] == [("Dmitri Peskov", "gazetteer"), ("Peskov", "coref")]
    assert found[NIKOLAY_PESKOV] == [("Nikolaï Peskov", "gazetteer"), ("Peskov", "coref")]


def test_a_short_form_before_the_full_name_is_tied_too(sdn_scanner: Scanner) -> None:
    text = "Peskov rejects claims.\n\nKremlin spokesman Dmitry Peskov said on Monday..."
    assert [h for _, h in _mentions(sdn_scanner, text)[PESKOV]] == ["coref", "gazetteer"]


SHERRI = "ofac-sdn:26955"


def test_an_arabic_surname_alone_is_the_word_the_full_mention_wrote(sdn_scanner: Scanner) -> None:
    """In Arabic script every word looks like a name: إشارة ("a reference") shares its
    consonants with شري but is no short form of Amin Sherri."""
    text = ("فرضت الخزانة عقوبات على النائب أمين شري. وقال مسؤول في إشارة إلى الحزب إن "
            "النائب استغل منصبه. ونفى شري الاتهامات.")  # fmt: skip
    assert [t for t, _ in _mentions(sdn_scanner, text)[SHERRI]] == ["أمين شري", "شري"]


ROSARIO_MURILLO, CAMILA_ORTEGA = "ofac-sdn:26124", "ofac-sdn:31532"


def test_a_surname_alone_is_first_the_one_whose_first_surname_it_is(sdn_scanner: Scanner) -> None:
    """Spanish names carry two surnames and the press shortens to the first: "Murillo" after
    Camila Ortega Murillo is still her mother, Rosario Murillo."""
    text = ("La vicepresidenta Rosario Murillo habló el lunes. Washington sancionó a su hija "
            "Camila Ortega Murillo en 2021. Murillo calificó la medida de ilegal.")  # fmt: skip
    found = _mentions(sdn_scanner, text)
    assert [t for t, _ in found[ROSARIO_MURILLO]] == ["Rosario Murillo", "Murillo"]
    assert [t for t, _ in found[CAMILA_ORTEGA]] == ["Camila Ortega Murillo"]


MENCHO = "ofac-sdn:17674"  # OSEGUERA CERVANTES, Nemesio, a.k.a. 'Mencho'


def test_a_listed_nickname_after_the_full_name_is_the_same_person(sdn_scanner: Scanner) -> None:
    text = ("Nemesio Oseguera Cervantes, alias «El Mencho», dirige el cártel. Las autoridades "
            "creen que El Mencho se esconde en Jalisco.")  # fmt: skip
    assert _mentions(sdn_scanner, text)[MENCHO] == [
        ("Nemesio Oseguera Cervantes", "gazetteer"), ("Mencho", "coref"), ("Mencho", "coref")]


def test_a_nickname_alone_or_inflected_or_in_a_longer_name_is_nobody(sdn_scanner: Scanner) -> None:
    # without the full name, "El Mencho" is the engine's to judge (a nickname: no hit)
    assert sdn_scanner.scan("Las autoridades creen que El Mencho se esconde.").parties == []
    text = ("Nemesio Oseguera Cervantes dirige el cártel. Juan Mencho, un vecino, no sabe "
            "nada de los Menchos.")  # fmt: skip
    assert _mentions(sdn_scanner, text)[MENCHO] == [("Nemesio Oseguera Cervantes", "gazetteer")]


AISSAMI = "ofac-sdn:20250"  # EL AISSAMI MADDAH, Tareck Zaidan


def test_a_surname_with_its_particle_after_the_full_name_is_the_same_person(
    sdn_scanner: Scanner,
) -> None:
    text = "Tareck El Aissami fue detenido en 2024. El Aissami niega todas las acusaciones."
    assert _mentions(sdn_scanner, text)[AISSAMI] == [
        ("Tareck El Aissami", "gazetteer"), ("Aissami", "coref")]  # fmt: skip
    # ... but not in another full name written with the particle
    cousin = "Tareck El Aissami fue detenido. Su primo Haitham El Aissami niega todo."
    assert _mentions(sdn_scanner, cousin)[AISSAMI] == [("Tareck El Aissami", "gazetteer")]


DMITRIEV, KADYROV = "ofac-sdn:34336", "ofac-sdn:23343"


def test_a_one_letter_word_or_a_kin_noun_beside_a_surname_is_no_name_of_it(
    sdn_scanner: Scanner,
) -> None:
    # "С Дмитриевым" ("with Dmitriev", at a sentence's start): a one-letter preposition, no
    # initial (that has its period); "Kadyrows Vater": German capitalises its nouns
    russian = "Кирилл Дмитриев выступил в Москве. С Дмитриевым встречались инвесторы."
    assert [t for t, _ in _mentions(sdn_scanner, russian)[DMITRIEV]] == [
        "Кирилл Дмитриев", "Дмитриевым"]  # fmt: skip
    german = "Ramsan Kadyrow sprach in Grosny. Der Platz ist nach Kadyrows Vater benannt."
    assert [t for t, _ in _mentions(sdn_scanner, german)[KADYROV]] == [
        "Ramsan Kadyrow", "Kadyrows"]  # fmt: skip
