"""Options of the cluster stage, checked once, passed whole."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ConfigError


@dataclass(frozen=True, kw_only=True)
class ClusterOptions:
    """``threshold``: the score an article needs to join a story. ``title_share``: weight of the
    headline cosine in the score (the rest is the text cosine). ``grace_days``: gap between an
    article and a story's dates that costs nothing; each further day costs ``day_penalty`` (at
    most ``max_penalty``). The penalty shrinks as the names of article and story agree (by their
    cosine over ``name_agreement``) and as the article's headline carries a name the story owns
    (``ownership`` times the owned share, see :meth:`StoryIndex._ownership`): a long-running story
    keeps its names, a new event of the same kind brings new ones. ``window_days``: stories
    farther away are not candidates. ``adopt_size``: a story of at most this many articles is
    tested again, as its articles would be, against a story that grows, and joins it when it
    passes (0 disables). ``lead_words``: words of prose, after the headline, whose people count
    as what the report leads with (0 disables; see :func:`_lead_people`). ``query_terms``:
    distinctive terms used to find candidates, of which the ``max_candidates`` stories holding
    the most are scored; ``centroid_terms``: terms a story keeps in its
    centroid."""

    threshold: float = 0.18
    title_share: float = 0.4
    grace_days: float = 3.0
    day_penalty: float = 0.01
    max_penalty: float = 0.3
    name_agreement: float = 3.0
    ownership: float = 0.75
    window_days: float = 730.0
    adopt_size: int = 1
    title_weight: int = 3
    entity_weight: float = 0.8
    number_weight: float = 1.2
    min_paragraph_words: int = 8
    max_body_words: int = 600
    query_terms: int = 25
    max_candidates: int = 16
    centroid_terms: int = 400
    lead_words: int = 80
    follow_links: tuple[str, ...] = ("duplicate", "rewrite")

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ConfigError(f"threshold must be in (0, 1), got {self.threshold}")
        for name in ("title_share", "ownership"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"{name} must be in [0, 1], got {getattr(self, name)}")
        for name in ("grace_days", "day_penalty", "max_penalty", "window_days", "name_agreement", "adopt_size"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must be >= 0, got {getattr(self, name)}")
        if self.name_agreement == 0:
            raise ConfigError("name_agreement must be > 0")
        if self.title_weight < 0 or self.entity_weight <= 0 or self.number_weight <= 0:
            raise ConfigError("title_weight must be >= 0 and entity/number weights > 0")
        if self.lead_words < 0:
            raise ConfigError(f"lead_words must be >= 0, got {self.lead_words}")
        if self.min_paragraph_words < 1 or self.max_body_words < 1:
            raise ConfigError("min_paragraph_words and max_body_words must be >= 1")
        if self.max_candidates < 1:
            raise ConfigError(f"max_candidates must be >= 1, got {self.max_candidates}")
        if self.query_terms < 1 or self.centroid_terms < self.query_terms:
            raise ConfigError("need 1 <= query_terms <= centroid_terms")
