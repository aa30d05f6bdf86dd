"""Read the facts OFAC packs into the free-text Remarks column of its legacy CSV.

`DOB 12 Apr 1975; POB Kyiv, Ukraine; nationality Russia; a.k.a. 'X'; Linked To: Y.` is
split into parts; which key starts a part, and how its value is read, is data
(tamis/resources/ofac_remarks.yml), so a new OFAC key is one YAML line. The result is
schema-neutral (`Remarks`): the CSV parser decides which property an entity can take.
Countries go through tamis.resources.countries; values with a check digit or a shape
(IMO, LEI, BIC, e-mail, URL, phone) are checked here as FollowTheMoney would, without
importing it (1-3 s), so that what FtM would drop is kept in notes instead.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from tamis.resources import load_yaml
from tamis.resources.countries import country_code as _country_code

__all__ = [
    "VALUE_CHECKS",
    "IdFact",
    "NameIndex",
    "Remarks",
    "country_code",
    "parse_dates",
    "parse_remarks",
]

KEY_MAX = 120  # longer than any key in ofac_remarks.yml
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
DATE_RE = re.compile(r"(?:(\d{1,2})\s+)?(?:([A-Za-z]{3,9})\.?,?\s+)?(\d{4})")
YEARS_RE = re.compile(r"(\d{4})\s*-\s*(\d{4})")
IMO_RE = re.compile(r"IMO\s*(\d{7})")
ID_TAIL_RE = re.compile(r"\s+(issued|expires)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    key: str  # case-folded, for matching
    label: str  # as written in the YAML, for output
    kind: str
    props: tuple[str, ...]
    schema: str | None = None


@dataclass
class IdFact:
    """An identity document or register number, with what OFAC says about its issuer."""

    schema: str  # "Identification" or "Passport"
    props: tuple[str, ...]  # where the number goes on the holder
    type: str  # the OFAC key, e.g. "National ID No."
    number: str
    country: str | None
    issued: str | None
    expires: str | None
    raw: str
    detailed: bool  # True when there is more than the number (country, dates)


@dataclass
class Remarks:
    """What one entity's remarks say, before it is known which properties the schema has."""

    values: list[tuple[tuple[str, ...], str, str]] = field(default_factory=list)  # props, v, raw
    names: list[tuple[str, str]] = field(default_factory=list)  # (prop, name)
    links: list[str] = field(default_factory=list)  # names after "Linked To:"
    parties: list[tuple[tuple[str, ...], str, str]] = field(default_factory=list)  # names to resolve
    ids: list[IdFact] = field(default_factory=list)
    wallets: list[tuple[str, str, str]] = field(default_factory=list)  # currency, address, raw
    notes: list[str] = field(default_factory=list)


@cache
def _rules() -> tuple[dict[str, list[Rule]], re.Pattern[str], dict[str, str]]:
    """Rules by the first word of their key (longest key first), and the alias pattern."""
    data = load_yaml("ofac_remarks.yml")
    by_word: dict[str, list[Rule]] = defaultdict(list)
    for key, spec in sorted(data["keys"].items(), key=lambda kv: -len(kv[0])):
        props = spec.get("prop") or ()
        props = (props,) if isinstance(props, str) else tuple(props)
        rule = Rule(_fold(key), key, spec["kind"], props, spec.get("schema"))
        by_word[rule.key.split(" ")[0]].append(rule)
    markers = data["names"]  # OFAC writes them in lower case: matched as written (fast)
    names_re = re.compile(
        r"(" + "|".join(re.escape(m) for m in markers) + r"),? ?'(.+?)'(?=\s*(?:[;,]|\.?\s*$))"
    )
    return dict(by_word), names_re, dict(markers)


def _match(part: str, by_word: dict[str, list[Rule]]) -> tuple[Rule, str] | None:
    """The rule whose key starts `part` (after an optional "alt."), and the value after it."""
    if part[:4].casefold() == "alt.":
        part = part[4:].lstrip()
    folded = part[:KEY_MAX].casefold()
    word = folded.split(" ", 1)[0].rstrip(":#")
    for rule in by_word.get(word, ()):
        if folded.startswith(rule.key):
            end = len(rule.key)
            if end == len(part) or folded[end] in " :#":
                return rule, part[end:].lstrip(" :#").strip()
    return None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _clean(value: str) -> str:
    return value.strip().rstrip(".").strip()


def parse_remarks(text: str) -> Remarks:
    """Split a Remarks text into typed facts; what is not understood is kept in `notes`."""
    out = Remarks()
    text = " ".join(text.split())
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    if not text:
        return out
    by_word, names_re, markers = _rules()
    if ".k.a. '" in text:
        kept, start = [], 0
        for match in names_re.finditer(text):
            out.names.append((markers[match.group(1)], match.group(2)))
            kept.append(text[start : match.start()])
            start = match.end()
        text = "".join(kept) + text[start:]
    for part in text.split(";"):
        part = part.strip(" ,")
        if not part or part == ".":
            continue
        found = _match(part, by_word)
        if found is None:
            out.notes.append(part)
            continue
        rule, value = found
        if not value or not _read(rule, value, part, out):
            out.notes.append(part)
    return out


def _read(rule: Rule, value: str, part: str, out: Remarks) -> bool:
    """Put one keyed part into `out`; False when its value cannot be read (-> notes)."""
    kind = rule.kind
    if kind == "note":
        return False
    if kind == "link":
        out.links.append(value)
        return True
    if kind == "party":
        out.parties.append((rule.props, _clean(value), part))
        return True
    if kind == "id":
        return _read_id(rule, _clean(value), part, out)
    if kind == "wallet":
        currency, _, address = _clean(value).partition(" ")
        if not address.strip():
            return False
        out.wallets.append((currency, address.strip(), part))
        return True
    value = _clean(value)
    if kind == "text":
        out.values.append((rule.props, value, part))
        return True
    if kind == "date":
        dates = parse_dates(value)
        if not dates:
            return False
        out.values.extend((rule.props, d, part) for d in dates)
        if len(dates) > 1 or "circa" in value.lower() or " to " in value:
            out.notes.append(part)  # the qualifier ("circa", a range) is a fact too
        return True
    if kind == "country":
        code = country_code(value)
        if code is None:
            return False
        out.values.append((rule.props, code, part))
        return True
    if kind == "gender":
        gender = load_yaml("ofac_remarks.yml")["genders"].get(value.lower())
        if gender is None:
            return False
        out.values.append((rule.props, gender, part))
        return True
    raise ValueError(f"ofac_remarks.yml: unknown kind {kind!r} for {rule.label!r}")


def _read_id(rule: Rule, value: str, part: str, out: Remarks) -> bool:
    """`NUMBER (Country) issued DATE expires DATE` -> an `IdFact`."""
    pieces = ID_TAIL_RE.split(value)
    head, tail = pieces[0].strip(), dict(zip(pieces[1::2], pieces[2::2]))
    dates = {k.lower(): _clean(v) for k, v in tail.items()}
    country_text = None
    if head.endswith(")") and "(" in head:
        head, _, country_text = head[:-1].rpartition("(")
        head = head.strip()
    number, props = head.strip(" ,"), rule.props
    imo = IMO_RE.fullmatch(number)
    if imo:
        number, props = "IMO" + imo.group(1), ("imoNumber", "registrationNumber")
    if not number:
        return False
    issued = _one_date(dates.get("issued"))
    expires = _one_date(dates.get("expires"))
    country = country_code(country_text) if country_text else None
    detailed = bool(country_text or dates)
    schema = rule.schema or "Identification"
    out.ids.append(
        IdFact(schema, props, rule.label, number, country, issued, expires, part, detailed)
    )
    return True


def _one_date(text: str | None) -> str | None:
    dates = parse_dates(text) if text else None
    return dates[0] if dates and len(dates) == 1 else None


def _date(text: str) -> tuple[datetime.date, int] | None:
    """`12 Apr 1975` / `Apr 1975` / `1975` -> (first day, precision 3/2/1)."""
    match = DATE_RE.fullmatch(text.strip())
    if match is None:
        return None
    day, month_name, year = match.groups()
    month = MONTHS.get(month_name[:3].lower()) if month_name else None
    if month_name and month is None or day and not month:
        return None
    try:
        value = datetime.date(int(year), month or 1, int(day or 1))
    except ValueError:
        return None
    return value, 3 if day else 2 if month else 1


def _iso(value: datetime.date, precision: int) -> str:
    return value.isoformat()[: {3: 10, 2: 7, 1: 4}[precision]]


def parse_dates(text: str) -> list[str] | None:
    """OFAC date text -> FtM ISO dates (several for a short range), None if not a date.

    `circa 1975` -> `1975`. A range that is whole years (`1960 to 1962`, `01 Jan 1970 to
    31 Dec 1971`) gives each year when it spans at most `max_range_years`; a range within
    one whole month gives that month; any other range gives its two ends.
    """
    dates = _parse_dates(_clean(text))
    return list(dates) if dates else None


@lru_cache(maxsize=8192)
def _parse_dates(text: str) -> tuple[str, ...] | None:
    if text.lower().startswith("circa"):
        text = text[5:].strip()
    years = YEARS_RE.fullmatch(text)
    ends = [years.group(1), years.group(2)] if years else re.split(r"\s+to\s+", text)
    parsed = [_date(end) for end in ends]
    if len(ends) > 2 or None in parsed:
        return None
    if len(parsed) == 1:
        return (_iso(*parsed[0]),)  # type: ignore[misc]
    (start, p1), (end, p2) = parsed  # type: ignore[misc]
    whole_years = (start.month, start.day) == (1, 1) and (
        p2 == 1 or (end.month, end.day) == (12, 31)
    )
    limit = int(load_yaml("ofac_remarks.yml")["max_range_years"])
    if whole_years and 0 <= end.year - start.year < limit:
        return tuple(str(y) for y in range(start.year, end.year + 1))
    last_day = calendar.monthrange(end.year, end.month)[1]
    if (start.year, start.month) == (end.year, end.month) and start.day == 1 and (
        p2 == 2 or end.day == last_day
    ):
        return (_iso(start, 2),)
    return (_iso(start, p1), _iso(end, p2))


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """OFAC country text -> FtM country code; None for unknowns and hedged values."""
    data = load_yaml("ofac_countries.yml")
    text = " ".join(text.split()).strip(" .")
    if not text or text.casefold().startswith(tuple(h + " " for h in data["hedges"])):
        return None
    code = _country_code(text)
    prefix = data["region_prefix"]
    if code is None and text.casefold().startswith(prefix.casefold()):
        code = _country_code(text[len(prefix) :].strip())
    return code


def _imo(value: str) -> str | None:
    """`IMO1234567` with a ship's or a company's IMO check digit."""
    if not IMO_CLEAN_RE.fullmatch(value):
        return None
    d = [int(c) for c in value[3:]]
    ship = sum(x * (7 - i) for i, x in enumerate(d[:6])) % 10 == d[6]
    company = (11 - sum(x * w for x, w in zip(d, (8, 6, 4, 2, 9, 7))) % 11) % 10 == d[6]
    return value if (ship or company) and any(d) else None


def _lei(value: str) -> str | None:
    """An ISO 17442 LEI: 20 characters, ISO 7064 mod 97-10 check digits."""
    value = value.upper()
    if not LEI_RE.fullmatch(value):
        return None
    return value if int("".join(str(int(c, 36)) for c in value)) % 97 == 1 else None


def _phone(value: str) -> str | None:
    """E.164, as FtM stores phones; OFAC numbers often lack the `+` or use `00`."""
    import phonenumbers  # imported on first use only

    digits = value.replace("(", " ").replace(")", " ").strip()
    for variant in (value, "+" + digits.lstrip("+0")):
        try:
            number = phonenumbers.parse(variant, None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    return None


IMO_CLEAN_RE = re.compile(r"IMO\d{7}")
LEI_RE = re.compile(r"[0-9A-Z]{18}[0-9]{2}")
BIC_RE = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
EMAIL_RE = re.compile(r"[^<>()\[\],;:?\s@\"]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?", re.IGNORECASE)

# FtM properties whose values FtM validates: value -> the form FtM keeps, or None.
VALUE_CHECKS: dict[str, Callable[[str], str | None]] = {
    "imoNumber": _imo,
    "leiCode": _lei,
    "swiftBic": lambda v: v.upper() if BIC_RE.fullmatch(v.upper()) else None,
    "email": lambda v: v if EMAIL_RE.fullmatch(v) else None,
    "website": lambda v: v if URL_RE.fullmatch(v) else None,
    "phone": _phone,
}


def alias_names(text: str) -> list[str]:
    """The names quoted after a.k.a./f.k.a./n.k.a. in a remarks text (cheap pre-pass)."""
    if ".k.a. '" not in text:
        return []
    return [m.group(2) for m in _rules()[1].finditer(" ".join(text.split()))]


class NameIndex:
    """Listed names -> ent_num within one list, to resolve `Linked To:` and owner names.

    A name resolves when exactly one record carries it: first as a primary name, then as
    an alias, then ignoring case. A name several records share resolves to none.
    """

    def __init__(self) -> None:
        self.tables: tuple[dict[str, set[str]], ...] = tuple(defaultdict(set) for _ in range(3))

    @classmethod
    def build(
        cls,
        rows: Iterable[tuple[int, Sequence[str]]],
        alt: Mapping[str, list[Sequence[str]]],
        comments: Mapping[str, str],
    ) -> NameIndex:
        index = cls()
        primary, alias, folded = index.tables
        for _, cells in rows:
            ent = cells[0]
            primary[" ".join(cells[1].split())].add(ent)
            names = [row[1] for row in alt.get(ent, ())]
            names.extend(alias_names(cells[11] + comments.get(ent, "")))
            for name in names:
                alias[" ".join(name.split())].add(ent)
            for name in (cells[1], *names):
                folded[_fold(name)].add(ent)
        return index

    def resolve(self, name: str) -> str | None:
        """The ent_num of the one record named `name`, else None (unknown or ambiguous)."""
        name = " ".join(name.split())
        variants = (name, name.rstrip(".").strip(), name + ".")
        for i, table in enumerate(self.tables):
            for variant in variants:
                ids = table.get(_fold(variant) if i == 2 else variant)
                if ids:
                    return next(iter(ids)) if len(ids) == 1 else None
        return None
