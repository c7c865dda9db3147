"""The nouns of crosswire: plain frozen dataclasses, no behaviour beyond small derived properties.

Every stage is a function from these records to these records. Character spans are
``(start, end)`` offsets into :attr:`Article.text` (paragraphs joined by blank lines).
Dates are ISO strings: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a full datetime, with a
precision naming which.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH_SEPARATOR = "\n\n"

# Precisions used by every date in the records.
PRECISIONS = ("datetime", "day", "week", "month", "year", "unknown")


@dataclass(frozen=True)
class Document:
    """One input as received, kept unchanged.

    ``id`` is the SHA-256 of ``raw`` (hex). ``origin`` is the path, URL or
    ``path#entry`` it came from. ``hints`` are metadata the container gave beside
    the bytes (a JSONL record's title, a feed entry's date, a WARC record's URL),
    as sorted ``(key, value)`` pairs.
    """

    id: str
    origin: str
    media_type: str
    raw: bytes
    received_at: str
    hints: tuple[tuple[str, str], ...] = ()

    def hint(self, key: str) -> str | None:
        for k, v in self.hints:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class Failed:
    """A document (or input) that a stage could not handle: stored and counted, never dropped."""

    document_id: str | None
    origin: str
    stage: str
    reason: str


@dataclass(frozen=True)
class Published:
    """A publication date with the evidence for it.

    ``evidence`` is one of ``metadata:<field>``, ``text:<the line>``, ``user``,
    ``inferred:<why>`` or ``none``.
    """

    value: str | None = None
    precision: str = "unknown"
    evidence: str = "none"


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner dropped from the body, with why (``chrome``, ``menu``,
    ``separator``, ``repeated-title``, ``repeated-paragraph``, ``metadata:<field>``...)."""

    text: str
    reason: str
    line: int | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned report. ``text`` (derived) is the paragraphs joined by blank lines;
    every span in crosswire points into it."""

    id: str
    document_id: str
    origin: str
    paragraphs: tuple[str, ...]
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    section: str | None = None
    published: Published = field(default_factory=Published)
    removed: tuple[RemovedLine, ...] = ()
    original_source: str | None = None
    language: str | None = None

    @property
    def text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


@dataclass(frozen=True)
class Link:
    """A copy relation between two articles: ``kind`` is ``duplicate`` (same text,
    other chrome) or ``rewrite`` (same report in other words). ``of_article_id`` is
    the earlier (original) one."""

    article_id: str
    of_article_id: str
    kind: str
    score: float
    evidence: str = ""


@dataclass(frozen=True)
class Story:
    """One real-world event and the articles that report it."""

    id: str
    article_ids: tuple[str, ...]
    headline: str
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True)
class Place:
    """A place resolved against the gazetteer."""

    name: str
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"  # point, city, region, country, unknown
    geonameid: int | None = None


@dataclass(frozen=True)
class Entity:
    """A named person, organisation or place mentioned in an article."""

    article_id: str
    kind: str  # person, organization, place
    name: str  # as written
    canonical: str  # normalised name; aliases of one thing share it
    span: tuple[int, int]
    role: str | None = None
    place: Place | None = None


@dataclass(frozen=True)
class DatedEvent:
    """Something an article says happened at a date: a timeline candidate."""

    article_id: str
    span: tuple[int, int]  # span of the date expression
    sentence_span: tuple[int, int]
    sentence: str
    date: str  # ISO, partial allowed
    precision: str  # day, month, year, week, datetime
    expression: str  # the words that gave the date ("late Wednesday")
    description: str = ""  # short event text (clause around the date)


@dataclass(frozen=True)
class Claim:
    """One statement of one fact in one article.

    ``low``/``high`` are the bounds the wording implies (None = unbounded); an exact
    value has ``low == high``. ``unit`` is canonical (``person``, ``km``, ``village``,
    ``family``, ...). ``parent`` is the index of the total this claim is a part of
    (within the same article's claims), if any.
    """

    id: str
    article_id: str
    span: tuple[int, int]
    sentence: str
    text: str
    measure: str  # killed, injured, displaced, missing, arrested, captured, attacks, distance, count, ...
    subject: str  # people, civilians, combatants, rebels, soldiers, ...
    low: float | None
    high: float | None
    approx: bool = False
    vague: bool = False
    unit: str = "person"
    original_unit: str | None = None
    original_value: float | None = None
    as_of: str | None = None
    as_of_evidence: str = "published"
    place: str | None = None
    attributed_to: str | None = None  # canonical originator
    attribution_text: str | None = None  # as written
    parent: str | None = None  # claim id of the total this is a part of
    negated: bool = False
    # what the report's words say of the figure's time (docs/claims.md): "earlier" (a count it marks as
    # overtaken), "latest" (the count after a change) or "running" (a count still going on), and those words
    order: str | None = None
    order_cue: str | None = None
    other_event: str | None = None  # the words tying the figure to another, earlier event or period


@dataclass(frozen=True)
class Extraction:
    """What the extract stage found in one article."""

    article_id: str
    claims: tuple[Claim, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[DatedEvent, ...] = ()


@dataclass(frozen=True)
class Report:
    """One claim as a fact lists it."""

    claim_id: str
    article_id: str
    text: str
    span: tuple[int, int]
    low: float | None
    high: float | None
    approx: bool
    as_of: str | None
    attributed_to: str | None
    subject: str
    unit: str
    original_unit: str | None = None
    original_value: float | None = None
    order: str | None = None  # the claim's order: what its words say of the figure's time (see Claim)
    order_cue: str | None = None
    total: bool = False  # its words say it is the whole toll ("a total of 158", "in all")


@dataclass(frozen=True)
class Fact:
    """All claims in a story about the same thing, judged.

    ``status`` is ``agree``, ``update``, ``conflict`` or ``single-source``.
    """

    key: str
    measure: str
    subject: str
    unit: str
    status: str
    explanation: str
    reports: tuple[Report, ...]
    best: float | None = None
    low: float | None = None
    high: float | None = None
    independent_sources: int = 0
    outliers: tuple[str, ...] = ()  # article ids
    current: str | None = None  # claim id of the current value (updates)
    place: str | None = None
    parts: tuple[str, ...] = ()  # keys of facts that are parts of this one
    part_of: str | None = None
    scope: str = "event"  # "event": about this story's event; "background": another event or period


@dataclass(frozen=True)
class Citation:
    article_id: str
    span: tuple[int, int]


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    precision: str
    text: str
    citations: tuple[Citation, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.article_id for c in self.citations))


@dataclass(frozen=True)
class SummarySentence:
    text: str
    citations: tuple[Citation, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.article_id for c in self.citations))


@dataclass(frozen=True)
class Source:
    """An article as a source of a story, with its copy relations."""

    article_id: str
    outlet: str | None
    title: str | None
    published: str | None
    duplicate_of: str | None = None
    rewrite_of: str | None = None
    original_source: str | None = None
    independent: bool = True


@dataclass(frozen=True)
class EventPlace:
    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str


@dataclass(frozen=True)
class Toll:
    best: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class EventRecord:
    """The one-row-per-event record conflict datasets keep."""

    date: str | None
    date_precision: str
    date_evidence: str
    place: EventPlace | None
    place_evidence: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    type: str
    killed: Toll
    injured: Toll
    sources: int
    reports: tuple[str, ...]


@dataclass(frozen=True)
class Brief:
    """What a reader sees for one story."""

    story: Story
    headline: str
    facts: tuple[Fact, ...]
    timeline: tuple[TimelineEntry, ...]
    summary: tuple[SummarySentence, ...]
    sources: tuple[Source, ...]
    entities: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (kind, canonical, aliases)
    event: EventRecord | None = None
