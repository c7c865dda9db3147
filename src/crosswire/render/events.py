"""The events CSV: one row per story in the columns of public conflict-event datasets (ACLED-like).

Columns are documented in docs/events.md. A blank cell means "no figure / not known", never zero:
``fatalities`` is 0 only when the reconciled facts say nobody was killed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any, TextIO

from .. import records as r
from ..serde import from_dict
from .cells import GuardedWriter

COLUMNS = (
    "event_id_cnty", "story_id", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "crosswire_type", "actor1", "actor2", "assoc_actors", "targets", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "fatalities_low",
    "fatalities_high", "injured", "injured_low", "injured_high", "n_sources", "n_reports", "date_evidence",
    "place_evidence",
)

# ACLED's time_precision: 1 = day, 2 = week (or a few days), 3 = month or longer.
_TIME_PRECISION = {"datetime": 1, "day": 1, "week": 2, "month": 3, "year": 3}
# ACLED's geo_precision: 1 = the town itself, 2 = a part of a region near it, 3 = the region / country.
_GEO_PRECISION = {"point": 1, "city": 1, "region": 2, "country": 3}

# The ACLED-like event_type / sub_event_type of each crosswire type (crosswire.event.EVENT_TYPES).
_GROUPS = {
    "battle": ("Battles", "Armed clash"),
    "air/drone strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling/artillery": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "remote explosive": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "attack on protesters": ("Violence against civilians", "Attack"),
    "crowd crush": ("Accident", "Crowd crush/stampede"),
    "structural collapse": ("Accident", "Structural collapse"),
    "terror attack": ("Violence against civilians", "Attack"),
    "shooting": ("Violence against civilians", "Attack"),
    "air crash": ("Accident", "Air crash"),
    "rail crash": ("Accident", "Rail crash"),
    "road crash": ("Accident", "Road crash"),
    "maritime accident": ("Accident", "Maritime accident"),
    "tsunami": ("Disaster", "Tsunami"),
    "earthquake": ("Disaster", "Earthquake"),
    "flood": ("Disaster", "Flood"),
    "storm": ("Disaster", "Storm"),
    "landslide": ("Disaster", "Landslide"),
    "fire": ("Disaster", "Fire"),
    "explosion": ("Disaster", "Explosion"),
    "riot": ("Riots", "Violent demonstration"),
    "protest": ("Protests", "Peaceful protest"),
}


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


UNKNOWN_COUNTRY = "XXX"  # the prefix of an event id when no report puts the event in a country


def _iso3ish(country: str | None) -> str:
    letters = "".join(ch for ch in (country or "").upper() if ch.isalpha())
    return letters[:3] or UNKNOWN_COUNTRY


def event_id(story: r.Story, event: r.EventRecord) -> str:
    """``<COUNTRY>`` + a short content hash of the story id: stable across runs, unique per story."""
    digest = hashlib.sha256(story.id.encode("utf-8")).hexdigest()[:8].upper()
    return f"{_iso3ish(event.place.country if event.place else None)}{digest}"


def event_row(story: r.Story, event: r.EventRecord, outlets: Iterable[str] = ()) -> list[str]:
    """One CSV row (in :data:`COLUMNS` order) for ``story``'s event record."""
    group, sub = _GROUPS.get(event.type, ("Other", "Other"))
    place = event.place
    year = event.date[:4] if event.date else ""
    notes = story.headline
    if event.date:
        notes = f"On {event.date}, {story.headline}"
    return [
        event_id(story, event), story.id, event.date or "", year,
        str(_TIME_PRECISION.get(event.date_precision, "")) if event.date else "",
        group, sub, event.type,
        event.actors[0] if event.actors else "",
        event.actors[1] if len(event.actors) > 1 else (event.targets[0] if event.targets else ""),
        "; ".join(event.actors[2:]), "; ".join(event.targets),
        place.country or "" if place else "", place.admin1 or "" if place else "", place.name if place else "",
        "" if not place or place.lat is None else f"{place.lat:.4f}",
        "" if not place or place.lon is None else f"{place.lon:.4f}",
        str(_GEO_PRECISION.get(place.precision, "")) if place else "",
        "; ".join(dict.fromkeys(o for o in outlets if o)), notes,
        _num(event.killed.best), _num(event.killed.low), _num(event.killed.high),
        _num(event.injured.best), _num(event.injured.low), _num(event.injured.high),
        str(event.sources), str(len(event.reports)), event.date_evidence, event.place_evidence,
    ]


def events_csv(rows: Iterable[tuple[r.Story, r.EventRecord]], out: TextIO) -> None:
    """Write one row per (story, event record) with a header line."""
    writer = GuardedWriter(out)
    writer.writerow(COLUMNS)
    for story, event in rows:
        writer.writerow(event_row(story, event))


def events_csv_from_export(stories: Iterable[dict[str, Any]], out: TextIO) -> int:
    """The same CSV from exported stories (``story_json`` dicts, as ``crosswire export`` has them);
    stories without an event record are skipped. Returns the row count."""
    writer = GuardedWriter(out)
    writer.writerow(COLUMNS)
    n = 0
    for doc in stories:
        if not doc.get("event"):
            continue
        story = r.Story(id=doc["id"], article_ids=tuple(doc.get("article_ids") or ()),
                        headline=doc.get("headline") or "", first_seen=doc.get("first_seen"),
                        last_seen=doc.get("last_seen"))
        event = from_dict(r.EventRecord, doc["event"])
        outlets = [s.get("outlet") or "" for s in doc.get("sources") or [] if s.get("independent", True)]
        writer.writerow(event_row(story, event, outlets))
        n += 1
    return n
