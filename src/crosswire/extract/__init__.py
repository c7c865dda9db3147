"""The extract stage: claims (counts, measurements, attribution), dates and entities per article.

:func:`extract` splits the text into sentences once (:mod:`.sentences`), finds count
claims and distances (:mod:`.quantities`), attaches attribution (:mod:`.attribution`),
the as-of date (a date stated in the claim's sentence, else the publication date) and
the place (a place entity inside the sentence), and adds entities (:mod:`.entities`) and
dated events (:mod:`.time`). Appositive source descriptions are recorded as entities of
kind ``source-alias`` (name = description, canonical = named source), and who each sentence quotes, with
or without a figure, as entities of kind ``source`` (name = as written, canonical = normalised).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..errors import ConfigError
from ..records import Article, Claim, Entity, Extraction
from . import attribution as _attr
from .entities import entities as _entities
from .order import Cues, sentence_cues
from .quantities import Quantity, quantities
from .sentences import sentences
from .time import MONTH_NUMBERS, date_mentions, dated_events
from .vocab import INCIDENT_NOUNS

__all__ = ["ExtractOptions", "extract"]

# "killed since Wednesday": the date starts the period counted; the count is as of the report.
_HOLIDAY_NAME = re.compile(r"(?:Easter|Good\s+Friday|Christmas|Boxing|Bastille|Valentine|New\s+Year|St\.?\s+Patrick|"
                           r"Guy\s+Fawkes)")
_NOUN_NEXT = re.compile(r"\s+[a-z]")
# a day naming the incident ("the death toll from Saturday's earthquake rose to 8,046", "the April 25 quake"): when
# it happened, not when the count stood
# ... or told right after it: "the death toll in the Gorkha Earthquake on April 25 has reached 8,046", "died in a
# massive earthquake which hit Nepal on Saturday"
_INCIDENT_ON = re.compile(rf"\b(?:{INCIDENT_NOUNS})(?:\s+(?:which|that)\s+(?:hit|struck|rocked|shook|ravaged)"
                          r"(?:\s+[\w'’-]+){0,4}?)?\s+(?:on|of)\s+$", re.IGNORECASE)
_NAMES_INCIDENT = re.compile(rf"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{INCIDENT_NOUNS})\b", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w .]{1,30})?(?:\s*\([^)]{1,30}\))?(?::|\s*[—–-]{1,2}\s)")
# A count told of another month than the report's ("In June, police estimated that about 80 people had died", in a
# report of November): an earlier count, whatever date its sentence also gives.
_MONTH_LEAD = re.compile(r"^\W*(?:(?:Back|Earlier|Later)\s+)?[Ii]n\s+(?:early\s+|late\s+|mid-?)?(?P<mon>"
                         + "|".join(m.capitalize() for m in MONTH_NUMBERS) + r")(?:\s+(?P<year>(?:19|20)\d\d))?\s*,")
_MONTH_LEAD_WORDS = ("In ", "Back", "Earlier", "Later")  # (a cheap test before the pattern)


def _month_told(sent: str, published: str | None) -> str | None:
    """The words of a sentence opening with another month than the report's ("In June,"), else None."""
    if not published or not sent[:12].lstrip(" \"“'‘").startswith(_MONTH_LEAD_WORDS):
        return None
    m = _MONTH_LEAD.match(sent)
    if m is None:
        return None
    month = MONTH_NUMBERS[m.group("mon").lower()]
    year = int(m.group("year")) if m.group("year") else int(published[:4])
    return m.group(0).strip(" ,") if (year, month) != (int(published[:4]), int(published[5:7])) else None
_PERIOD_START = re.compile(r"\b(?:since|from|starting|beginning|began|begun|launched)\s+(?:on\s+|late\s+|early\s+)*$",
                           re.IGNORECASE)
_CARRY_MEASURES = frozenset({"killed", "injured", "missing", "arrested"})
_NO_CUES = Cues()


@dataclass(frozen=True, kw_only=True)
class ExtractOptions:
    """``carry_attribution``: sentences back a casualty count may inherit the last source from
    (0 disables); ``entities``/``events``: also run entity and date extraction."""

    carry_attribution: int = 3
    entities: bool = True
    events: bool = True

    def __post_init__(self) -> None:
        if self.carry_attribution < 0:
            raise ConfigError("carry_attribution must be >= 0")


# the place a distance is measured from, named right after it
_MEASURED_FROM = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:[\w-]+\s+){0,2}?"
                            r"(?:from|of|to|outside|short\s+of|away\s+from)\s+(?:[\w-]+\s+){0,4}?$", re.IGNORECASE)
# "two children from Algeria", "three nationals of Tunisia": where the people come from, not where it happened
_ORIGIN_BEFORE = re.compile(r"\b(?:from|of)\s+(?:the\s+)?$")
ORIGIN_REACH = 25  # the place follows the counted people this closely


def _origin(text: str, place_start: int, claim_end: int) -> bool:
    return 0 <= place_start - claim_end <= ORIGIN_REACH and bool(
        _ORIGIN_BEFORE.search(text, max(0, place_start - 12), place_start))


# Sentences read whose reading is kept: wire copies and rewrites repeat most of their sentences word for
# word, and everything below is a function of the sentence's text alone (~1 KB an entry: a few MB when full).
SENTENCE_CACHE = 1 << 13


class SentenceReading(NamedTuple):
    """What one sentence says on its own: its figures, who it says says them, the descriptions it puts in
    apposition with a source, each person figure's order cues (by index in ``found``), and the "according
    to X" that frames the sentences after it."""

    found: tuple[Quantity, ...]
    source: tuple[str, str] | None
    appositives: tuple[tuple[str, str], ...]
    timing: dict[int, Cues]
    framing: tuple[str, str] | None
    rivals: dict[int, tuple[str, str]]  # figures (by index in ``found``) another speaker of the sentence gives


@lru_cache(maxsize=SENTENCE_CACHE)
def read_sentence(sent: str) -> SentenceReading:
    """The :class:`SentenceReading` of ``sent`` (memoised: a repeated sentence is read once per process)."""
    found = tuple(quantities(sent))
    src = _attr.attribution(sent) if found or _attr.may_attribute(sent) else None
    appos = tuple(_attr.appositives(sent)) if ", " in sent else ()
    by_start = sorted((k for k in range(len(found)) if found[k].unit == "person"), key=lambda k: found[k].span)
    timing = dict(zip(by_start, sentence_cues(sent, [found[k].span for k in by_start]), strict=True))
    framing = _attr.framing_attribution(sent) if "ccording" in sent else None
    rivals: dict[int, tuple[str, str]] = {}
    if src is not None and len(found) > 1:
        for end, rival in _attr.rival_sources(sent, src):
            for k, q in enumerate(found):
                if q.span[0] >= end:
                    rivals[k] = rival  # a later speaker's figures are its own (the last one before a figure)
    return SentenceReading(found, src, appos, timing, framing, rivals)


def extract(article: Article, options: ExtractOptions = ExtractOptions()) -> Extraction:
    text = article.text
    spans = sentences(text)
    published = article.published.value[:10] if article.published.value else None
    ents = _entities(article, spans) if options.entities else ()
    places = [e for e in ents if e.kind == "place"]
    aliases: list[Entity] = []
    sources: list[Entity] = []
    raw: list[tuple[tuple[int, int], str, object, int | None, tuple[str, str] | None, int, Cues]] = []
    last_src: tuple[int, tuple[str, str]] | None = None
    for si, (ss, se) in enumerate(spans):
        sent = text[ss:se]
        found, src, appos, timing, framing, rivals = read_sentence(sent)
        if src is not None and options.entities and (at := sent.find(src[1])) >= 0:
            # who the report quotes, numbers or not: the story's sources ("pro-government websites claimed")
            sources.append(Entity(article.id, "source", src[1], src[0], (ss + at, ss + at + len(src[1]))))
        if options.entities:
            for desc, name in appos:
                off = ss + sent.find(desc) if desc in sent else ss
                aliases.append(Entity(article.id, "source-alias", desc, name, (off, off + len(desc))))
        base = len(raw)
        # timing: what the words say of each count of people's time (a length or a count of things has no
        # history)
        for k, q in enumerate(found):
            use = rivals.get(k, src)
            if (
                use is None
                and last_src
                and q.measure in _CARRY_MEASURES
                and si - last_src[0] <= options.carry_attribution
            ):
                use = last_src[1]
            parent = None if q.part_of is None else base + q.part_of
            raw.append(((ss, se), sent, q, parent, use, si, timing.get(k, _NO_CUES)))
        if framing is not None:
            last_src = (si, framing)
    order = sorted(range(len(raw)), key=lambda i: (raw[i][0][0] + raw[i][2].span[0], i))  # type: ignore[attr-defined]
    ids = {i: f"{article.id}:c{k + 1}" for k, i in enumerate(order)}
    # An unattributed restatement of an attributed figure (same measure, same bounds) shares its source.
    known = {(q.measure, q.low, q.high): a for _, _, q, _, a, _, _ in raw if a}  # type: ignore[attr-defined]
    events = dated_events(article, spans) if options.events else ()
    day_of: dict[tuple[int, int], str] = {}
    incident_day: dict[tuple[int, int], str] = {}
    for ev in events:  # the first day-precise date stated in a sentence dates its counts
        if ev.precision in ("day", "datetime") and not _PERIOD_START.search(
                text[max(0, ev.span[0] - 25) : ev.span[0]]) and not (
                _HOLIDAY_NAME.match(ev.expression) and _NOUN_NEXT.match(text, ev.span[1])):
            # (not "the Easter Sunday suicide bombing attacks ... rose to 359, police said on Wednesday": a day naming
            # the event, used as its adjective, is not when the count stood)
            if _NAMES_INCIDENT.match(text, ev.span[1]) or _INCIDENT_ON.search(text, max(0, ev.span[0] - 60),
                                                                                ev.span[0]):
                incident_day.setdefault(ev.sentence_span, ev.date[:10])  # the day names the incident (below)
                continue
            day_of.setdefault(ev.sentence_span, ev.date[:10])
    claims: list[Claim] = []
    date_cache: dict[tuple[int, int], str | None] = {}
    for i in order:
        (ss, se), sent, q, parent, src, _, timing_i = raw[i]
        s, e = ss + q.span[0], ss + q.span[1]  # type: ignore[attr-defined]
        if src is None:
            src = known.get((q.measure, q.low, q.high))  # type: ignore[attr-defined]
        stated = day_of.get((ss, se)) if options.events else None
        if stated is None and options.events and timing_i.order not in ("latest", "running"):
            stated = incident_day.get((ss, se))  # "killed four Americans in the attack on Sept. 11, 2012": then; but
            # "the death toll in the Gorkha Earthquake on April 25 has reached 8,046" is the count of the report's day
        if stated is None and not options.events:
            if (ss, se) not in date_cache:
                ms = [m for m in date_mentions(sent, article.published.value) if m.precision in ("day", "datetime")]
                date_cache[(ss, se)] = ms[0].date[:10] if ms else None
            stated = date_cache[(ss, se)]
        said_at = sent.find(src[1]) if src and src[1] else -1  # the speaker's words: "the Consulate in Marseille"
        said = (ss + said_at, ss + said_at + len(src[1])) if src and said_at >= 0 else (-1, -1)
        place = next((p.canonical for p in places if e <= p.span[0] < min(se, e + 60) and q.measure == "distance"
                      and _MEASURED_FROM.match(text, e, p.span[0])), None)  # "930 km from Paris": Paris
        place = place or next((p.canonical for p in places if ss <= p.span[0] < se and p.span[0] >= s - 40
                               and not _origin(text, p.span[0], e) and not said[0] <= p.span[0] < said[1]
                               and not (p.span[0] - ss <= 2 and _DATELINE_AFTER.match(text, p.span[1]))), None)
        # (not a dateline: "PARIS: More than 75 people have died in Iran's crackdown" is no toll of Paris)
        order, order_cue = timing_i.order, timing_i.order_cue
        if order is None and (told := _month_told(sent, published)) is not None:
            order, order_cue = "earlier", told
        claims.append(
            Claim(
                id=ids[i],
                article_id=article.id,
                span=(s, e),
                sentence=sent,
                text=text[s:e],
                measure=q.measure,
                subject=q.subject,
                low=q.low,
                high=q.high,
                approx=q.approx,  # type: ignore[attr-defined]
                vague=q.vague,
                unit=q.unit,
                original_unit=q.original_unit,  # type: ignore[attr-defined]
                original_value=q.original_value,
                as_of=stated or published,  # type: ignore[attr-defined]
                as_of_evidence="sentence" if stated else "published",
                place=place,
                attributed_to=src[0] if src else None,
                attribution_text=src[1] if src else None,
                parent=ids[parent] if parent is not None else None,
                negated=q.negated,  # type: ignore[attr-defined]
                order=order,
                order_cue=order_cue,
                other_event=timing_i.other_event,
            )
        )
    return Extraction(article.id, tuple(claims), tuple(ents) + tuple(aliases) + tuple(sources), tuple(events))
