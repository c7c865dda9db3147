"""A story's state in the index (centroid arrays, counts, dates, headline) and what the store
keeps of it (its features), and a query: an article or a grown story as it is compared with stories."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..records import Story
from .terms import content_words, day_ordinal

FEATURES_VERSION = 4  # 2: title (``t:``) terms, norms with their corpus size; 3: lede people (``l:``), lead norm;
# 4: ``counted``, the articles whose terms the centroid sums (copies are not)
NO_IDS = np.zeros(0, dtype=np.int64)
NO_VALS = np.zeros(0, dtype=np.float64)
Row = tuple[str, str, str | None]  # article id, title, published


@dataclass
class StoryState:
    id: str
    articles: list[Row]
    slot: int = -1  # its row in the index's story arrays
    ids: np.ndarray = field(default_factory=lambda: NO_IDS)  # centroid terms, canonical order
    vals: np.ndarray = field(default_factory=lambda: NO_VALS)  # their summed weights (<= centroid_terms)
    df: dict[str, int] = field(default_factory=dict)  # articles of this story holding each term (never truncated)
    norms: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # text, names, title, lead parts
    norms_at: int = 0  # articles seen (IDF's corpus size) when the norms were computed
    counted: int = 0  # articles whose terms the centroid and counts hold (a copy counts once, as its original)
    first_day: int | None = None
    last_day: int | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    headline: str = ""
    headline_names: tuple[str, ...] | None = None  # ``e:`` terms its first title carries (when first needed)
    pool_words: list[frozenset[str]] = field(default_factory=list)  # title words of the headline pool

    def see(self, rows: Iterable[Row]) -> None:
        """Extend the story's dates to those of ``rows``."""
        for _, _, published in rows:
            if not published:
                continue
            if self.first_seen is None or published < self.first_seen:
                self.first_seen = published
            if self.last_seen is None or published > self.last_seen:
                self.last_seen = published
            if (day := day_ordinal(published)) is not None:
                self.first_day = day if self.first_day is None else min(self.first_day, day)
                self.last_day = day if self.last_day is None else max(self.last_day, day)

    def story(self) -> Story:
        return Story(id=self.id, article_ids=tuple(a for a, _, _ in self.articles), headline=self.headline,
                     first_seen=self.first_seen, last_seen=self.last_seen)


@dataclass
class Query:
    """An article (or a story that grew) as it is compared with stories."""

    ids: np.ndarray  # term ids
    weights: np.ndarray  # raw weights (what a centroid sums; IDF is applied here)
    rank: np.ndarray  # weight x IDF: the most distinctive terms find candidates
    norms: tuple[float, float, float, float]  # text, names, title, lead parts (with IDF)
    first_day: int | None
    last_day: int | None
    title: str
    counts: Mapping[str, int]  # the query's own articles per term (already in the running counts)
    terms: Mapping[str, float] | None = None  # by name, for the headline's names (an article's)
    headline_names: tuple[str, ...] | None = None  # ``e:`` terms the headline carries (when first needed)


def state_from_json(story: Story, data: Mapping[str, Any]) -> tuple[StoryState, dict[str, float]]:
    """A story's state from its stored features (versions 1 to 3 upgraded), with its centroid by term."""
    version = data.get("version")
    if version not in (1, 2, 3, FEATURES_VERSION):
        raise ConfigError(f"story {story.id}: features version {version} is not {FEATURES_VERSION}")
    state = StoryState(id=story.id, articles=[(a[0], a[1], a[2]) for a in data["articles"]],
                        df={k: int(v) for k, v in data["df"].items()}, headline=data["headline"])
    tf = {k: float(v) for k, v in data["tf"].items()}
    if version == 1:  # upgrade: the headline terms come from the titles kept with the articles
        for _, title, _ in state.articles:
            for w, n in Counter(content_words(title or "")).items():
                tf["t:" + w] = tf.get("t:" + w, 0.0) + 1.0 + math.log(n)
                state.df["t:" + w] = state.df.get("t:" + w, 0) + 1
    elif version >= 3:  # version 2 has no lead norm: all norms are recomputed when first needed
        n = [float(x) for x in data["norms"]]
        state.norms, state.norms_at = (n[0], n[1], n[2], n[3]), int(data["norms_at"])
    state.counted = int(data["counted"]) if version >= 4 else len(state.articles)  # before 4, copies counted
    state.see(state.articles)
    return state, tf
