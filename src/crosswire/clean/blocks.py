"""Decisions over blocks of lines: which of a page's stamps dates it."""

from __future__ import annotations

import re

from ..records import Published
from . import metadata as md
from .lines import Line


def stamp_line(text: str) -> bool:
    """Whether the whole line is a stamp of one of the forms step 1 reads."""
    return (md.parse_timestamp_line(text) is not None or md.parse_stamp_and_byline(text) is not None
            or md.parse_labelled_stamp(text) is not None or md.parse_agency_stamp(text) is not None)


_PUBLISHED_LABEL_RE = re.compile(r"\b(?:published|posted|created|dated?)\b", re.I)


def publication_stamp(stamps: list[tuple[int, Published]], items: list[Line]) -> Published:
    """The stamp that dates the publication, of all a page shows: a stamp labelled as published or standing by
    the byline first, then an unlabelled one, an update last; the first of the best kind. A date alone at the
    top of a page, away from the byline, is often the day the page was served ("Saturday November 02, 2024"
    above a report the byline block dates "May 22, 2020")."""
    def by_byline(i: int) -> bool:  # in one block of metadata lines with the byline, no body text between them
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(items) and abs(j - i) <= 3 and (items[j].reason or "").startswith("metadata:"):
                if items[j].reason == "metadata:byline":
                    return True
                j += step
        return False

    def rank(entry: tuple[int, Published]) -> int:
        i, stamp = entry
        if md.is_update_stamp(stamp):
            return 2
        return 0 if _PUBLISHED_LABEL_RE.search(stamp.evidence) or by_byline(i) else 1

    ordered = sorted(stamps, key=lambda entry: entry[0])
    best = min(ordered, key=rank)  # min keeps the first of equal rank
    # the same day told to the minute by another stamp of the same kind ("date 2021-07-08" above "Published:
    # 08 Jul 2021 10:20 PM"): that one, for its time
    timed = [s for entry in ordered if rank(entry) == rank(best) and (s := entry[1]).precision == "datetime"
             and (s.value or "")[:10] == (best[1].value or "")[:10]]
    return best[1] if best[1].precision == "datetime" or not timed else timed[0]
