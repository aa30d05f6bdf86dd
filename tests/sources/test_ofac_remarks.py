"""Reading OFAC remarks: keyed facts into typed values, everything else into notes.

The remark texts below are taken from the real SDN and consolidated lists.
"""

from __future__ import annotations

import pytest

from tamis.resources import load_yaml
from tamis.sources.ofac_remarks import (
    KEY_MAX,
    VALUE_CHECKS,
    NameIndex,
    country_code,
    parse_dates,
    parse_remarks,
)


def values(text: str) -> dict[str, list[str]]:
    """First property of each value -> values, for compact assertions."""
    out: dict[str, list[str]] = {}
    for props, value, _ in parse_remarks(text).values:
        out.setdefault(props[0], []).append(value)
    return out


def test_a_person_remark_becomes_typed_values() -> None:
    text = ("DOB 12 Apr 1975; POB Kyiv, Ukraine; nationality Russia; Gender Male; "
            "Tax ID No. 773013083324 (Russia).")
    remarks = parse_remarks(text)
    assert values(text) == {
        "birthDate": ["1975-04-12"],
        "birthPlace": ["Kyiv, Ukraine"],
        "nationality": ["ru"],
        "gender": ["male"],
    }
    [tax] = remarks.ids
    assert (tax.props[0], tax.number, tax.country, tax.type) == (
        "taxNumber", "773013083324", "ru", "Tax ID No.")
    assert tax.raw == "Tax ID No. 773013083324 (Russia)"
    assert remarks.notes == []


@pytest.mark.parametrize(
    "text,dates",
    [
        ("12 Apr 1975", ["1975-04-12"]),
        ("Apr 1975", ["1975-04"]),
        ("1975", ["1975"]),
        ("circa 1975", ["1975"]),
        ("1960 to 1962", ["1960", "1961", "1962"]),
        ("circa 1975-1977", ["1975", "1976", "1977"]),
        ("01 Jan 1970 to 31 Dec 1971", ["1970", "1971"]),
        ("01 Mar 1965 to 31 Mar 1965", ["1965-03"]),
        ("Mar 1965 to Feb 1966", ["1965-03", "1966-02"]),
        ("1900 to 1950", ["1900", "1950"]),  # longer than max_range_years: the two ends
        ("10 October 1969", ["1969-10-10"]),
        ("31 Feb 1970", None),
        ("sometime in 1970", None),
    ],
)
def test_dates(text: str, dates: list[str] | None) -> None:
    assert parse_dates(text) == dates


def test_alternative_and_approximate_dates_keep_their_wording_in_notes() -> None:
    remarks = parse_remarks("DOB 1936; alt. DOB circa 1952; alt. DOB 1960 to 1961.")
    assert [v for _, v, _ in remarks.values] == ["1936", "1952", "1960", "1961"]
    assert remarks.notes == ["alt. DOB circa 1952", "alt. DOB 1960 to 1961"]


def test_aliases_in_quotes_may_hold_semicolons_and_apostrophes() -> None:
    remarks = parse_remarks(
        "a.k.a. 'NU'MAN; ALAEDDIN'; f.k.a. 'ANA I'; n.k.a. 'SAND SWAN'; Gender Male."
    )
    assert remarks.names == [
        ("alias", "NU'MAN; ALAEDDIN"), ("previousName", "ANA I"), ("alias", "SAND SWAN")
    ]
    assert values("a.k.a. 'X'; Gender Male.") == {"gender": ["male"]}
    assert remarks.notes == []


def test_passport_with_country_and_dates() -> None:
    [passport] = parse_remarks(
        "Passport 472182045 (Korea, North) issued 26 Jun 2012 expires 26 Jun 2017."
    ).ids
    assert passport.schema == "Passport"
    assert (passport.number, passport.country) == ("472182045", "kp")
    assert (passport.issued, passport.expires) == ("2012-06-26", "2017-06-26")
    assert passport.props == ("passportNumber", "idNumber")


def test_register_and_identity_numbers_go_to_their_kind() -> None:
    remarks = parse_remarks(
        "Registration Number 1027700167110 (Russia); National ID No. 0048894753 (Iran); "
        "alt. Cedula No. 6067015 (Colombia); R.F.C. DIB-771110-HQ1 (Mexico); "
        "Identification Number IMO 5405737"
    )
    assert [(f.props[0], f.number, f.country) for f in remarks.ids] == [
        ("registrationNumber", "1027700167110", "ru"),
        ("idNumber", "0048894753", "ir"),
        ("idNumber", "6067015", "co"),
        ("taxNumber", "DIB-771110-HQ1", "mx"),
        ("imoNumber", "IMO5405737", None),
    ]
    assert remarks.ids[-1].detailed is False  # no country, no date: no Identification


def test_vessel_remarks() -> None:
    remarks = parse_remarks(
        "Vessel Registration Identification IMO 9187629; MMSI 572469210; "
        "Former Vessel Flag Tanzania; Other Vessel Type Roll-on Roll-off; Linked To: NITC."
    )
    assert [(f.props[0], f.number) for f in remarks.ids] == [("imoNumber", "IMO9187629")]
    assert values("MMSI 572469210; Former Vessel Flag Tanzania") == {
        "mmsi": ["572469210"], "pastFlags": ["tz"]}
    assert remarks.links == ["NITC"]


def test_contact_wallet_and_organisation_facts() -> None:
    text = ("Website www.rdif.ru; Email Address info@tidewaterco.ir; "
            "Organization Established Date 01 Jun 2011; Target Type Government Entity; "
            "Organization Type: Activities of holding companies; "
            "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h")
    assert values(text) == {
        "website": ["www.rdif.ru"],
        "email": ["info@tidewaterco.ir"],
        "incorporationDate": ["2011-06-01"],
        "classification": ["Government Entity"],
        "sector": ["Activities of holding companies"],
    }
    assert parse_remarks(text).wallets == [
        ("XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
         "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h")]


def test_what_is_not_understood_stays_in_notes_as_written() -> None:
    remarks = parse_remarks(
        "Additional Sanctions Information - Subject to Secondary Sanctions; "
        "Member of the Upper House of Parliament; nationality possibly Palestinian; "
        "Gender Unknown; Passport."
    )
    assert remarks.values == [] and remarks.ids == []
    assert remarks.notes == [
        "Additional Sanctions Information - Subject to Secondary Sanctions",
        "Member of the Upper House of Parliament",
        "nationality possibly Palestinian",
        "Gender Unknown",
        "Passport",
    ]


@pytest.mark.parametrize(
    "text,code",
    [("Russia", "ru"), ("Korea, North", "kp"), ("Burma", "mm"), ("Region: Gaza", "ps"),
     ("Region: Crimea", "ua-cri"), ("undetermined", None), ("possibly Palestinian", None)],
)
def test_countries(text: str, code: str | None) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    "prop,value,kept",
    [
        ("imoNumber", "IMO9187629", "IMO9187629"),
        ("imoNumber", "IMO9187628", None),  # bad check digit
        ("imoNumber", "IMO5405737", "IMO5405737"),  # a company's IMO number
        ("leiCode", "253400WSS48YWMBUA688", "253400WSS48YWMBUA688"),
        ("leiCode", "253400WSS48YWMBUA687", None),
        ("phone", "009613679153", "+9613679153"),
        ("phone", "263-4-486946", None),  # no country code: FtM cannot store it
        ("email", "info@tidewaterco.ir", "info@tidewaterco.ir"),
        ("email", "info at tidewaterco.ir", None),
    ],
)
def test_values_are_checked_as_followthemoney_would(prop: str, value: str, kept: str | None) -> None:
    assert VALUE_CHECKS[prop](value) == kept
    from followthemoney import model  # the reference: FtM keeps exactly these values

    ftm = model.get("Company").properties[prop]
    if kept is None:
        assert ftm.type.clean(value, format=ftm.format) is None
    else:
        assert ftm.type.clean(kept, format=ftm.format) == kept


def test_names_resolve_only_when_one_record_carries_them() -> None:
    empty = [""] * 10
    rows = [
        (1, ["1", "NATIONAL IRANIAN TANKER COMPANY", *empty]),
        (2, ["2", "AL-AQSA FOUNDATION", *empty]),
        (3, ["3", "AL-AQSA FOUNDATION", *empty[:-1], "a.k.a. 'NITC 2'."]),
    ]
    index = NameIndex.build(rows, {"1": [["aka", "NITC", ""]]}, {})
    assert index.resolve("NATIONAL IRANIAN TANKER COMPANY") == "1"
    assert index.resolve("NITC") == "1"  # an alias from alt.csv
    assert index.resolve("NITC 2") == "3"  # an alias from the remarks
    assert index.resolve("National Iranian Tanker Company.") == "1"  # case, final period
    assert index.resolve("AL-AQSA FOUNDATION") is None  # ambiguous
    assert index.resolve("UNKNOWN LLC") is None


def test_every_key_of_the_resource_is_usable() -> None:
    data = load_yaml("ofac_remarks.yml")
    kinds = {"date", "country", "text", "gender", "id", "wallet", "link", "party", "note"}
    for key, spec in data["keys"].items():
        assert spec["kind"] in kinds, key
        assert len(key) < KEY_MAX, key
