"""List entities built by hand, mirroring real OFAC SDN records (ofac-sdn-2023-01)."""

from __future__ import annotations

import pytest

from tamis.model.entity import Entity


@pytest.fixture(scope="session")
def putin() -> Entity:
    return Entity(
        "ofac-sdn:35096",
        "Person",
        {
            "name": ["PUTIN, Vladimir Vladimirovich"],
            "lastName": ["PUTIN"],
            "firstName": ["Vladimir Vladimirovich"],
            "birthDate": ["1952-10-07"],
            "birthPlace": ["Leningrad, Russia"],
            "nationality": ["ru"],
            "citizenship": ["ru"],
            "gender": ["male"],
        },
        source="ofac-sdn",
    )


@pytest.fixture(scope="session")
def potanin() -> Entity:
    return Entity(
        "ofac-sdn:37172",
        "Person",
        {
            "name": ["POTANIN, Vladimir Olegovich"],
            "birthDate": ["1961-01-03"],
            "nationality": ["ru"],
            "gender": ["male"],
        },
        source="ofac-sdn",
    )


@pytest.fixture(scope="session")
def peskov() -> Entity:
    return Entity(
        "ofac-sdn:35320",
        "Person",
        {
            "name": ["PESKOV, Dmitriy Sergeevich"],
            "birthDate": ["1967-10-17"],
            "birthPlace": ["Moscow, Russia"],
            "nationality": ["ru"],
            "gender": ["male"],
        },
        source="ofac-sdn",
    )


@pytest.fixture(scope="session")
def joan_smith() -> Entity:
    return Entity("test:smith", "Person", {"name": ["SMITH, Joan"]}, source="test")


@pytest.fixture(scope="session")
def rdif() -> Entity:
    return Entity(
        "ofac-sdn:34036",
        "Organization",
        {
            "name": ["RUSSIAN DIRECT INVESTMENT FUND"],
            "alias": ["RDIF"],
            "country": ["ru"],
            "incorporationDate": ["2011-06-01"],
        },
        source="ofac-sdn",
    )


@pytest.fixture(scope="session")
def acme() -> Entity:
    return Entity("test:acme", "Company", {"name": ["ACME CORP."]}, source="test")


@pytest.fixture(scope="session")
def vessel() -> Entity:
    return Entity(
        "ofac-sdn:28217",
        "Vessel",
        {"name": ["ADRIAN DARYA 1"], "previousName": ["GRACE 1"], "imoNumber": ["IMO 9116412"]},
        source="ofac-sdn",
    )
