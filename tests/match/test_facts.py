"""Facts beside the name: birth date, country, identifiers, schema, gender, legal form."""

from __future__ import annotations

from tamis.match import compare
from tamis.model.entity import Entity


def _feature(match, name):  # type: ignore[no-untyped-def]
    return {f.feature: f for f in match.explanation.features}.get(name)


def test_a_conflicting_birth_date_lowers_a_persons_score(putin: Entity) -> None:
    plain = compare({"name": "Vladimir Putin"}, putin).score
    conflicting = compare({"name": "Vladimir Putin", "birth_date": "1975-04-12"}, putin)
    assert conflicting.score < plain - 0.2
    assert _feature(conflicting, "birth_date").kind == "conflict"


def test_an_agreeing_birth_date_raises_it_more_the_more_precise(putin: Entity) -> None:
    plain = compare({"name": "Vladimir Putin"}, putin).score
    year = compare({"name": "Vladimir Putin", "birth_date": "1952"}, putin).score
    month = compare({"name": "Vladimir Putin", "birth_date": "Oct 1952"}, putin).score
    day = compare({"name": "Vladimir Putin", "birth_date": "7 Oct 1952"}, putin).score
    assert plain < year < month < day


def test_a_birth_year_one_off_costs_less_than_a_distant_one(putin: Entity) -> None:
    near = compare({"name": "Vladimir Putin", "birth_date": "1953"}, putin).score
    far = compare({"name": "Vladimir Putin", "birth_date": "1980"}, putin).score
    assert near > far


def test_agreeing_facts_do_not_lift_a_poor_name_over_the_threshold(putin: Entity) -> None:
    m = compare({"name": "Vladimir Potanin", "birth_date": "1952-10-07", "country": "ru"}, putin)
    assert not m.match


def test_country_agreement_helps_and_disagreement_hurts(putin: Entity) -> None:
    plain = compare({"name": "Vladimir Putin"}, putin).score
    assert compare({"name": "Vladimir Putin", "country": "Russia"}, putin).score > plain
    assert compare({"name": "Vladimir Putin", "country": "fr"}, putin).score < plain


def test_an_identifier_in_common_is_strong_evidence(vessel: Entity) -> None:
    m = compare({"name": "Darya", "ids": ["IMO9116412"]}, vessel)
    assert _feature(m, "identifier").kind == "exact"
    assert m.match


def test_a_conflicting_identifier_is_strong_evidence_against(vessel: Entity) -> None:
    m = compare({"name": "Adrian Darya 1", "ids": ["IMO 9999999"]}, vessel)
    assert _feature(m, "identifier").kind == "conflict"
    assert not m.match


def test_a_person_query_cannot_be_a_company(acme: Entity, putin: Entity) -> None:
    assert not compare({"name": "Acme Corp", "schema": "Person"}, acme).match
    assert compare({"name": "Acme Corp", "schema": "Company"}, acme).match
    assert not compare({"name": "Vladimir Putin", "schema": "Vessel"}, putin).match


def test_aircraft_is_ftm_airplane() -> None:
    plane = Entity("t:plane", "Airplane", {"name": ["EP-GOL"]})
    m = compare({"name": "EP-GOL", "schema": "Aircraft"}, plane)
    assert m.match
    assert _feature(m, "schema").kind == "compatible"


def test_gender_conflict_lowers_the_score(putin: Entity) -> None:
    plain = compare({"name": "Vladimir Putin"}, putin).score
    assert compare({"name": "Vladimir Putin", "gender": "female"}, putin).score < plain


def test_a_patronymic_shows_gender() -> None:
    peskova = Entity("t:3", "Person", {"name": ["PESKOVA, Elizaveta Dmitriyevna"]})
    m = compare({"name": "Elizaveta Peskova", "gender": "male"}, peskova)
    assert _feature(m, "gender").kind == "conflict"


def test_legal_forms_are_a_weak_signal(rdif: Entity) -> None:
    jsc = Entity("t:4", "Company", {"name": ["ROMASHKA JSC"]})
    same = compare({"name": "AO Romashka"}, jsc)
    other = compare({"name": "OOO Romashka"}, jsc)
    assert same.match and other.match
    assert same.score > other.score
    assert _feature(other, "legal_form").kind == "differ"


def test_a_query_with_a_legal_form_leans_away_from_people(putin: Entity) -> None:
    plain = compare({"name": "Putin Vladimir"}, putin).score
    assert compare({"name": "Putin Vladimir LLC"}, putin).score < plain
