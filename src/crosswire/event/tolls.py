"""The event's killed and injured tolls, picked from the story's reconciled facts.

Part of :mod:`crosswire.event` (see docs/events.md, "Tolls").

A story has many facts of one measure: the total ("12 people killed"), its parts ("two children",
"10 Americans", "two crew"), other events' tolls (the attack the bombing avenged, the war's dead),
and the same toll placed elsewhere (victims' home towns). The event's toll is the fact about all
people, of this event (not background), placed where the event happened, that the most independent
sources give. When no report gives a figure but a report says nobody was killed (or hurt), the toll
is zero.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from ..records import EventPlace, Extraction, Fact, Place, Toll

OVERALL_SUBJECTS = frozenset({"people", "persons", "person", "total", "all", "victims", "dead", ""})
PERSON_UNITS = frozenset({"person", "people", ""})


def _fold(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[\s\-_'’]+", " ", text).strip().lower()


def _is_background(f: Fact) -> bool:
    return getattr(f, "scope", "event") == "background" or f.key.split(":")[-1] == "background"


def known_places(extractions: Iterable[Extraction]) -> dict[str, Place]:
    """Every resolved place the story's articles name, by its canonical name (folded)."""
    out: dict[str, Place] = {}
    for ex in extractions:
        for e in ex.entities:
            if e.kind == "place" and e.place is not None and e.place.country_code:
                out.setdefault(_fold(e.canonical), e.place)
    return out


def place_fit(fact_place: str | None, event: EventPlace | None, places: Mapping[str, Place]) -> float:
    """How well a fact's place fits the event's: 3 the event's town or region, 2 its country,
    1 not said, 0.5 another place in the country, 0 another country."""
    if not fact_place or event is None:
        return 1.0
    name = _fold(fact_place)
    if name in (_fold(event.name), _fold(event.admin1)):
        return 3.0
    if name == _fold(event.country):
        return 2.0
    known = places.get(name)
    if known is None:
        return 1.0
    if _fold(known.country) != _fold(event.country):
        return 0.0
    if known.precision == "country":
        return 2.0
    if known.precision == "region" and _fold(known.name) == _fold(event.admin1):
        return 3.0
    return 0.5


def _said_none(extractions: Iterable[Extraction], measure: str, facts: Sequence[Fact] = ()) -> bool:
    """Whether a report says nobody was killed (hurt) in this event: a negated claim about people that is
    not background ("in 2012 a tram also derailed on the line but no one was hurt" speaks of another)."""
    elsewhere = {r.claim_id for f in facts if _is_background(f) for r in f.reports}
    return any(c.measure == measure and c.negated and c.subject in OVERALL_SUBJECTS and c.id not in elsewhere
               for ex in extractions for c in ex.claims)


def event_toll(facts: Sequence[Fact], measure: str, place: EventPlace | None, places: Mapping[str, Place],
               extractions: Iterable[Extraction] = ()) -> tuple[Toll, Fact | None]:
    """``(Toll(best, low, high), the fact it comes from)`` for ``measure`` (``killed``, ``injured``).

    Ranked: a fact of this event (not background) first; then a whole toll over a part keyed as one ("26 of
    the dead", a victim described); then one about all people (a total with parts, or a general subject)
    over a part ("children", "Americans"); then the one placed where the
    event happened (see :func:`place_fit`); then more independent sources, more reports, the larger
    figure. A part of another fact counts only when no other fact is left.
    """
    cands = [f for f in facts if f.measure == measure and f.unit in PERSON_UNITS]
    if not cands:
        return (Toll(0, 0, 0) if _said_none(extractions, measure) else Toll(None, None, None)), None
    top_level = [f for f in cands if f.part_of is None] or cands

    def rank(f: Fact) -> tuple:
        overall = bool(f.parts) or f.subject in OVERALL_SUBJECTS
        whole = "part" not in f.key.split(":")  # "26 of the dead", one victim described: some of the toll
        value = f.best if f.best is not None else (f.low if f.low is not None else f.high or 0.0)
        return (not _is_background(f), whole, overall, place_fit(f.place, place, places), f.independent_sources,
                len(f.reports), value, f.key)

    fact = max(top_level, key=rank)
    if _is_background(fact):
        return (Toll(0, 0, 0) if _said_none(extractions, measure, cands) else Toll(None, None, None)), None
    best = fact.best if fact.best is not None else fact.low if fact.low is not None else fact.high
    return Toll(best, fact.low, fact.high), fact
