"""Normalisation: text, names, legal forms, dates, countries and identifiers in the one form
the scorer compares. Pure functions over strings; data tables in tamis/resources."""

from tamis.normalise.countries import country_code
from tamis.normalise.dates import DatePart, parse_dates
from tamis.normalise.exonyms import exonyms
from tamis.normalise.identifiers import clean_id, id_shape, ids_match
from tamis.normalise.legal_forms import split_legal_forms
from tamis.normalise.names import OBJ, ORG, PER, UNK, NameForm, name_form, patronymic_gender
from tamis.normalise.text import fold, latin, tokens
from tamis.normalise.tokens import Token, token

__all__ = [
    "OBJ",
    "ORG",
    "PER",
    "UNK",
    "DatePart",
    "NameForm",
    "Token",
    "clean_id",
    "country_code",
    "exonyms",
    "fold",
    "id_shape",
    "ids_match",
    "latin",
    "name_form",
    "parse_dates",
    "patronymic_gender",
    "split_legal_forms",
    "token",
    "tokens",
]
