"""A CSV of facts: one row per fact of every story."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from .cells import GuardedWriter

COLUMNS = (
    "story_id", "headline", "fact", "measure", "subject", "place", "unit", "status", "best", "low", "high",
    "independent_sources", "reports", "articles", "outliers", "explanation",
)


def facts_csv(stories: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write the facts of exported stories (``story_json`` dicts); returns the row count."""
    writer = GuardedWriter(out)
    writer.writerow(COLUMNS)
    n = 0
    for story in stories:
        for fact in story.get("facts", []):
            arts = list(dict.fromkeys(rep["article"] for rep in fact["reports"]))
            writer.writerow([
                story["id"], story["headline"], fact["key"], fact["measure"], fact["subject"],
                fact.get("place") or "", fact["unit"], fact["status"],
                "" if fact["best"] is None else fact["best"],
                "" if fact["low"] is None else fact["low"],
                "" if fact["high"] is None else fact["high"],
                fact["independent_sources"], len(fact["reports"]), " ".join(arts),
                " ".join(fact.get("outliers", [])), fact["explanation"],
            ])
            n += 1
    return n
