"""Publication dates for undated articles, inferred from the story they belong to.

Scraped text often carries no date, yet its relative expressions ("on Friday", "late
Wednesday") only mean something against one. Once an undated article has joined a story,
the story's dated articles give an anchor: the earliest publication day among them. The
article is then dated the first day, from the anchor on, on which every weekday or
"yesterday"-style expression it uses points inside the story's window (no earlier than two
days before the anchor, or than the day before the earliest day the dated reports name by its date,
up to a week back): a report that says the city was breached "on Friday", in a story first dated
Thursday, is dated that Friday, not read as speaking of the Friday before; one that says the port
was inundated "late Sunday", in a story first dated Friday whose reports date the floods "September
10", is dated that Friday.
An absolute day the article itself names later than the anchor moves the date up to it; with none, "N days ago"
(2 to 60) dates it N days after the anchor ("the countries hit 10 days ago by the storm"). An article whose lede's
toll stands above every dated report's was written after them all: it is searched for from the latest dated day
instead ("A month on from the collapse, 171 people have been confirmed dead", in a story of reports of 34 and 84).

The result is a :class:`crosswire.records.Published` with ``precision="day"`` and evidence
``inferred:...`` saying how, so a reader can tell it from a date the page stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .extract.time import date_mentions, parse_reference
from .records import Article, Published

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a day ahead of the report: "before all its troops leave by the deadline of August 31", "until September 1"
_AHEAD = re.compile(r"\b(?:deadline(?:\s+of)?|by|until|till|before|due(?:\s+on)?|scheduled\s+for|set\s+for|"
                    r"expected\s+on)\s+(?:the\s+)?$", re.IGNORECASE)
_AGO = re.compile(r"\bago\b", re.IGNORECASE)
MIN_AGO_DAYS, MAX_AGO_DAYS = 2, 60  # "N days ago" in an undated report: N days after the story's first day
WINDOW_BEFORE_ANCHOR = 2  # days before the anchor that a relative expression may still point to
SEARCH_DAYS = 7  # how far past the anchor the inferred date may go


def _day(value: str | None) -> date | None:
    return parse_reference(value[:10]) if value and len(value) >= 10 else None


@dataclass
class StoryDates:
    """What a story says about dates: its anchor, the earliest publication day among its articles dated
    by their page (not inferred), with that article's id; None when none is. ``dated``: those articles."""

    anchor: tuple[date, str] | None
    dated: Sequence[Article] = ()
    _floor: date | None = None
    latest: tuple[date, str] | None = None  # the latest publication day among the dated articles

    def floor(self) -> date:
        """How far back an undated report's weekdays may point: two days before the anchor, or the day before
        the earliest day the dated reports themselves name (up to a week before the anchor: "the port was
        inundated late Sunday" in a story first dated on Friday, whose reports date the floods "Monday" or
        "September 10"; a weekday only within ``RECENT_WEEKDAY`` days of its report's date: a "Sunday evening"
        six days before a page's date says the page's date is too early, not that Sunday)."""
        if self._floor is None:
            assert self.anchor is not None
            anchor = self.anchor[0]
            named = [d for a in self.dated for m in date_mentions(a.text, a.published.value)
                     if m.precision in ("day", "datetime") and (d := _day(m.date)) is not None
                     and anchor - timedelta(days=SEARCH_DAYS) <= d <= anchor
                     and (any(ch.isdigit() for ch in m.expression) or _recent(d, a))]
            self._floor = min([anchor - timedelta(days=WINDOW_BEFORE_ANCHOR), *(d - timedelta(days=1) for d in named)])
        return self._floor

    def infer(self, article: Article, ahead: bool = False) -> Published | None:
        """A publication date for ``article`` (one of the story's) or None when nothing supports one. ``ahead``:
        the article's toll stands above every dated report's, so it was written after them all: it is searched
        for from the latest dated day, not the first ("A month on, 171 people have been confirmed dead", in a
        story dated by reports of 34 and 84)."""
        if article.published.value or self.anchor is None:
            return None
        if ahead and self.latest is not None and self.latest[0] > self.anchor[0]:
            return _infer(article, *self.latest, self.floor(), "story's latest dated day")
        return _infer(article, *self.anchor, self.floor())


RECENT_WEEKDAY = 4  # days back a dated report's weekday may point and still be trusted (see StoryDates.floor)


def _recent(day: date, article: Article) -> bool:
    """A weekday a dated report names within a few days before its date: "Monday" four days back is the news of
    the week; six days back, more likely the page's date is too early (the event's, not the report's)."""
    published = _day(article.published.value)
    return published is not None and 0 <= (published - day).days <= RECENT_WEEKDAY


def story_dates(story_articles: Iterable[Article]) -> StoryDates:
    """The story's anchor, found once for all its undated articles (an undated article is never part
    of it, so it is the same for each)."""
    dated = [(d, a) for a in story_articles
             if not a.published.evidence.startswith("inferred") and (d := _day(a.published.value)) is not None]
    if not dated:
        return StoryDates(None)
    first, article = min(dated, key=lambda x: (x[0], x[1].id))
    last, last_article = max(dated, key=lambda x: (x[0], x[1].id))
    return StoryDates((first, article.id), [a for _, a in dated], latest=(last, last_article.id))


def infer_published(article: Article, story_articles: Sequence[Article]) -> Published | None:
    """A publication date for ``article`` from its story, or None when nothing supports one."""
    if article.published.value:
        return None
    return story_dates(a for a in story_articles if a.id != article.id).infer(article)


def _infer(article: Article, anchor: date, anchor_id: str, floor: date | None = None,
           what: str = "story anchor") -> Published:
    text = article.text
    floor = floor or anchor - timedelta(days=WINDOW_BEFORE_ANCHOR)
    last = anchor + timedelta(days=SEARCH_DAYS)
    absolute = [d for m in date_mentions(text, None)
                if m.precision in ("day", "datetime") and (d := _day(m.date)) is not None and anchor <= d <= last
                and not _AHEAD.search(text, max(0, m.span[0] - 40), m.span[0])]
    # a day named without its year ("SURFSIDE, Florida, June 29 (Reuters) -"), in the days the search covers: read
    # against the last of them (a day without a year is taken as the latest such day up to the reference)
    at_last = [m for m in date_mentions(text, last.isoformat()) if m.precision in ("day", "datetime")]
    absolute += [d for m in at_last
                 if m.precision in ("day", "datetime") and any(ch.isdigit() for ch in m.expression)
                 and not _YEAR.search(m.expression) and (d := _day(m.date)) is not None and anchor <= d <= last
                 and not _AHEAD.search(text, max(0, m.span[0] - 40), m.span[0])]
    # "the countries hit 10 days ago by the storm": the report is that many days after the event, of which the story's
    # first dated reports tell (the anchor): dated so, when it names no day of its own
    agos = [(m.expression, (last - d).days) for m in at_last if _AGO.search(m.expression)
            and (d := _day(m.date)) is not None]  # (N: how far back from the day it is read against)
    if not absolute and agos and len({n for _, n in agos}) == 1 and MIN_AGO_DAYS <= agos[0][1] <= MAX_AGO_DAYS:
        day = anchor + timedelta(days=agos[0][1])
        return Published(day.isoformat(), "day", f"inferred:{what} {anchor.isoformat()} ({anchor_id}); "
                                                 f"the event {agos[0][0]!r}")
    start = max([anchor, *absolute])
    for offset in range(SEARCH_DAYS + 1):
        candidate = start + timedelta(days=offset)
        relative = [m for m in date_mentions(text, candidate.isoformat())
                    if not any(ch.isdigit() for ch in m.expression) and m.precision in ("day", "datetime")]
        days = [d for m in relative if (d := _day(m.date)) is not None]
        if all(d >= floor for d in days):
            words = ", ".join(sorted({m.expression for m in relative})) or "none"
            return Published(candidate.isoformat(), "day",
                             f"inferred:{what} {anchor.isoformat()} ({anchor_id}); relative days: {words}")
    return Published(start.isoformat(), "day", f"inferred:{what} {anchor.isoformat()} ({anchor_id})")
