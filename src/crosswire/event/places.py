"""Where the event happened: the place mentions, what the words around them say, the vote.

Part of :mod:`crosswire.event` (see docs/events.md, "Place"). The GeoNames tables behind names the
gazetteer left unresolved are in :mod:`crosswire.event.towns`.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..memo import Memo
from ..records import EventPlace, Place
from .reading import (
    BACKGROUND_LINK,
    DATELINE,
    EVENT_NOUNS,
    EVENT_VERBS,
    FUTURE_FOLDED,
    HOME_NOUNS,
    HOME_VERBS,
    HOME_WORDS,
    NEIGHBOURHOOD_KM,
    PLACE_NOUNS,
    PRECISION_RANK,
    PROFESSIONS,
    REFERENCE_BEFORE,
    ROUTE_WORDS,
    SITE_WORDS,
    TYPE_RE,
    EventType,
    Folded,
    Read,
    plain_lower,
)
from .towns import admin1_at, country_of_code, lookup_region, lookup_town, population_of, town_place

# Score of a place mention (see docs/events.md, "Place").
SCORE_ANY, SCORE_LEAD, SCORE_TOLL, SCORE_SITE, SCORE_SITE_EVENT = 0.5, 1.5, 1.0, 1.0, 1.0
SCORE_FIRST_SITE = 1.0  # the article's first mention saying the event happened there
CUE_FACTOR = {"home": 0.25, "route": 0.5, "reference": 0.25}
BACKGROUND_FACTOR = 0.2  # a place in a sentence about another time, or after "in retaliation for", "since"
DATELINE_SCORE = 0.3
DATELINE_SCORE_OTHER = 3.0  # in a story that is no attack, crash or disaster, the dateline is where it happened
DATELINE_REACH = 40  # a dateline in capitals may follow a few words of page furniture ("Photo")
PERSON_NAME_SITES = 2  # a town named like a person needs this many mentions saying it happened there
NATIONWIDE_RATIO = 4.0  # a country named this many times more than any of its places ...
NATIONWIDE_PLACES = 4  # ... when the reports name this many places in it: the event is the country's
NATIONWIDE_TYPES = frozenset({"protest", "riot", "attack on protesters"})  # (of the kinds that spread so)
ABOUT_RATIO = 1.5  # a town with this many times the support of the site the words point to, and a site
# mention of its own, is the story's place ("Berlin sets up a safe zone" beside the Cologne assaults it recalls)
REPEAT_SHARE = 0.3  # an article's further mentions of a place count this share each


# -- place --------------------------------------------------------------------------------------
@dataclass
class _PlaceVote:
    place: Place
    score: float = 0.0
    site: float = 0.0  # the part of the score from mentions that say the event happened there
    articles: set[str] = field(default_factory=set)
    only_dateline: bool = True


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


_WORD_OR_STOP = re.compile(r"[\w'’-]+|[,;:.!?()\"“”—–]")


def place_cue(before: str) -> str:
    """What the words before a place mention say about it: ``site`` (in / near / at ... the northern city
    of), ``home`` (from, of: where people come from), ``route`` (to, towards, for), ``reference``
    ("130 miles northwest of", "south of"), or ``none``."""
    if REFERENCE_BEFORE.search(before):
        return "reference"
    if HOME_VERBS.search(before):
        return "home"
    tokens = _WORD_OR_STOP.findall(before[-80:])
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 7), -1):
        w = tokens[i].lower()
        if not w[0].isalnum():
            return "none"
        if w == "of":
            prev = tokens[i - 1].lower() if i else ""
            if prev in PLACE_NOUNS:
                continue  # "the northern city of X": the phrase's head comes before
            return "home" if prev in HOME_NOUNS or prev[:1].isupper() or tokens[i - 1][:1].isupper() else "none"
        if w in SITE_WORDS:  # "a rabbi in X", "a temple in X": where someone is from, not where it happened
            if i and tokens[i - 1].lower() in HOME_NOUNS:
                return "home"
            if any(t.lower() in PROFESSIONS for t in tokens[max(0, i - 6):i]) and tokens[i - 1][:1].isupper():
                return "home"  # "an attorney with Ahdoot & Wolfson in Los Angeles"
            return "site"
        if w in HOME_WORDS:
            return "home"
        if w in ROUTE_WORDS:
            return "route"
    return "none"


# A clause ends at a semicolon, colon, dash, bracket or quote, and at a comma that starts a new clause
# (", police said", ", which", ", killing"); not at one that goes on naming the place (", in Guanacaste",
# ", Costa Rica", ", a district of Baghdad", ", about 20 km north of").
_CLAUSE_STOP = re.compile(
    r"[;:—–()\"“”]|,(?!\s+(?:in|near|at|on|of|outside|inside|a|an|the|about|some|roughly|around|just|north|south|"
    r"east|west|[A-Z]|\d))")


def _clause(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """The span of the clause of the sentence around ``span`` (see ``_CLAUSE_STOP``)."""
    stops = [m.end() for m in _CLAUSE_STOP.finditer(text, sentence[0], span[0])]
    after = _CLAUSE_STOP.search(text, span[1], sentence[1])
    return stops[-1] if stops else sentence[0], after.start() if after else sentence[1]


_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([\w-]+)")


def _attributive(after: str, type_re: re.Pattern[str] | None) -> bool:
    """Whether a place is written as the modifier of the event's name: "Croydon tram crash", "Kabul attack"
    (the next word names the event or its kind), not "Clinton campaign rally"."""
    m = _NEXT_WORD.match(after)
    word = m.group(1) if m else ""
    return bool(word and (EVENT_NOUNS.fullmatch(word) or (type_re is not None and type_re.fullmatch(word))))


def _background_sentences(rd: Read, day: date | None) -> set[tuple[int, int]]:
    """Sentences whose dated events are all about another time than the event's ``day``."""
    if day is None:
        return set()
    far: set[tuple[int, int]] = set()
    near: set[tuple[int, int]] = set()
    for ev in rd.extraction.events:
        d = _day(ev.date)
        if ev.precision in ("day", "datetime") and d is not None:
            (near if abs((d - day).days) <= 1 else far).add(ev.sentence_span)
        elif ev.precision in ("week", "month") and _EARLIER.search(ev.expression):
            far.add(ev.sentence_span)  # "last week", "earlier this month": before the event's day
        elif ev.precision == "year" and ev.date[:4] != str(day.year):
            far.add(ev.sentence_span)
    return far - near


_EARLIER = re.compile(r"\b(?:last|past|earlier|previous)\b", re.I)


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat((iso or "")[:10])
    except ValueError:
        return None


def _names_of_people(rd: Read) -> set[str]:
    """Words of the article's full person names ("Lewis Hamilton" -> Lewis, Hamilton) and its
    organisations' names: a town entity spelled like one of them is most likely that person or organisation."""
    out: set[str] = set()
    for e in rd.extraction.entities:
        if e.kind == "person" and len(e.canonical.split()) >= 2:
            out.update(w for w in e.canonical.split() if len(w) > 2 and w[:1].isupper())
        elif e.kind == "organization":
            out.add(e.name)
    return out


@dataclass(frozen=True)
class _Mention:
    key: str
    name: str  # as written
    score: float
    site: bool  # the mention says the event happened there
    dateline: bool


class _Words:
    """What the words around a place mention say, for one story's event type, each a memo (copies and
    rewrites repeat their sentences): ``cue[before]`` is ``place_cue(before)``, ``eventful[text]``
    ``_eventful(text, type_re)``, ``attributive[after]`` ``_attributive(after, type_re)`` and
    ``background_link[before]`` whether BACKGROUND_LINK is in ``before``."""

    def __init__(self, type_re: re.Pattern[str] | None) -> None:
        self.type_re = type_re
        # _eventful's three searches as one (a match of any of them is a match of the alternation)
        any_event = Folded(re.compile("|".join(f"(?:{rx.pattern})" for rx in (type_re, EVENT_VERBS, EVENT_NOUNS)
                                               if rx is not None), re.I))
        self.cue = Memo(place_cue)
        self.eventful = Memo(lambda text: any_event.search(text, plain_lower(text)) is not None)
        self.attributive = Memo(lambda after: _attributive(after, type_re))
        self.background_link = Memo(
            lambda before: _BACKGROUND_LINK_FOLDED.search(before, plain_lower(before)) is not None)


def _read_mention(rd: Read, name: str, span: tuple[int, int], sentence: tuple[int, int],
                  background: set[tuple[int, int]], words: _Words) -> tuple[float, bool, bool]:
    """(score, site, dateline) of one place mention in the article text."""
    type_re = words.type_re
    text = rd.text
    start = span[0]
    para_start = text.rfind("\n", 0, start) + 1
    dateline = start - para_start < DATELINE_REACH and bool(DATELINE.match(text[start:start + 80])) \
        and (start == para_start or name.isupper())  # "KUNDUZ, Afghanistan --" after a caption word
    if dateline:
        if type_re is None:  # a statement, a hearing, a release: it happened where the reporter stood
            return DATELINE_SCORE_OTHER, True, True
        return DATELINE_SCORE, False, True
    cue = words.cue[text[max(sentence[0], start - 80):start]]
    c0, c1 = _clause(text, sentence, span)
    clause = text[c0:c1]
    eventful = words.eventful[clause]
    if cue != "reference" and words.attributive[text[span[1]:span[1] + 50]]:
        cue, eventful = "site", True  # "the Croydon tram crash", "victims of the Kabul bombing"
    title = rd.article.title or ""
    in_title = start < len(title) and text.startswith(title)
    site = (cue == "site" and eventful) or (in_title and eventful and cue == "none")
    w = SCORE_ANY
    if rd.in_lead(span):
        w += SCORE_LEAD
    if rd.in_claims(span):
        w += SCORE_TOLL
    if cue == "site":
        w += SCORE_SITE + (SCORE_SITE_EVENT if eventful else 0.0)
    w *= CUE_FACTOR.get(cue, 1.0)
    lowered = rd.lowered
    if sentence in background or words.background_link[text[sentence[0]:start]] \
            or _BACKGROUND_AFTER.match(text, span[1], sentence[1]) \
            or FUTURE_FOLDED.search(text, lowered, c0, start) \
            or _MAYBE_FOLDED.search(clause, None if lowered is None else lowered[c0:c1]):
        w *= BACKGROUND_FACTOR  # another time, a plan ("will race in Abu Dhabi"), a maybe ("could strike X")
        site = False
    return w, site, False


_MAYBE = re.compile(r"\b(?:could|would|might)\b", re.I)
# right after the place, a time before this story's: "collided midair in Washington earlier this week"
_BACKGROUND_AFTER = re.compile(r",?\s+(?:(?:earlier|late|early)\s+(?:this|last)\s+(?:week|month|year)|"
                               r"last\s+(?:week|month|year)|(?:\w+\s+){1,2}(?:days?|weeks?|months?|years?)\s+"
                               r"(?:ago|earlier))\b", re.I)
_MAYBE_FOLDED = Folded(_MAYBE)
_BACKGROUND_LINK_FOLDED = Folded(BACKGROUND_LINK)


def _eventful(text: str, type_re: re.Pattern[str] | None) -> bool:
    return bool((type_re is not None and type_re.search(text)) or EVENT_VERBS.search(text) or EVENT_NOUNS.search(text))


def _title_mentions(title: str, written: dict[str, str], words: _Words) -> list[_Mention]:
    """The places of the text named again in a title the text does not hold (matched by name)."""
    eventful = words.eventful[title]
    out = []
    for key, name in written.items():
        if name not in title:
            continue  # (what the pattern below finds holds the name)
        m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", title)
        if m:
            cue, here = words.cue[title[:m.start()]], eventful
            if cue != "reference" and words.attributive[title[m.end():m.end() + 50]]:
                cue, here = "site", True
            w = (SCORE_ANY + SCORE_LEAD + (SCORE_SITE + SCORE_SITE_EVENT if here else 0.0)) * CUE_FACTOR.get(cue, 1.0)
            if words.background_link[title[:m.start()]]:  # "Texas school shooting kills 10, deadliest since
                w, here = w * BACKGROUND_FACTOR, False    # Parkland": another event's place
            out.append(_Mention(key, name, w, here and cue in ("site", "none"), False))
    return out


# A place name used only to name a building or a ground ("the Riverside sports hall", "Springfield High
# School") says where that building is only if its town is the one the gazetteer knows, which the story
# would show by naming another place of that country.
_BUILDING_AFTER = re.compile(
    r"\s+(?:[A-Za-z]+\s+){0,2}?(?:hall|school|stadium|arena|hospital|clinic|park|cent(?:re|er)|church|mosque|"
    r"temple|synagogue|market|mall|hotel|station|bridge|street|road|avenue|square|college|university|academy|"
    r"club|gym|library|museum|theat(?:re|er)|plant|factory|prison|jail|barracks|cemetery|field|ground)s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Anchors:
    """Names mentioned only as a building's name, and the countries of every other place mention."""

    facility_only: frozenset[str]
    countries: frozenset[str]

    def unanchored(self, name: str, place: Place) -> bool:
        return name in self.facility_only and place.country_code not in self.countries


def _anchors(reads: Sequence[Read]) -> _Anchors:
    facility: set[str] = set()
    standalone: set[str] = set()
    countries: set[str] = set()
    for rd in reads:
        text = rd.text
        for e in rd.extraction.entities:
            if e.kind != "place":
                continue
            if _BUILDING_AFTER.match(text, e.span[1]):
                facility.add(e.name)
            else:
                standalone.add(e.name)
                if e.place is not None and e.place.country_code:
                    countries.add(e.place.country_code)
    return _Anchors(frozenset(facility - standalone), frozenset(countries))


def _article_mentions(rd: Read, type_re: re.Pattern[str] | None, day: date | None,
                      context: Sequence[str], anchors: _Anchors | None = None, words: _Words | None = None
                      ) -> tuple[list[_Mention], dict[str, Place]]:
    """The article's place mentions, scored, and the place of each key. ``words``: the story's reading of
    the words around mentions (for ``type_re``), shared by its articles."""
    if words is None:
        words = _Words(type_re)
    text = rd.text
    sentences = rd.spans or [(0, len(text))]
    starts = [a for a, _ in sentences]
    background = _background_sentences(rd, day)
    out: list[_Mention] = []
    places: dict[str, Place] = {}
    for e in rd.extraction.entities:
        if e.kind != "place":
            continue
        place = e.place
        if place is not None and place.precision in ("region", "country"):
            if place.lat is None and place.precision == "region":  # a US state: its towns' centre, never a
                region = lookup_region(place.admin1 or place.name, [place.country_code or ""])  # namesake town
                if region is not None:
                    place = dataclasses.replace(place, lat=round(region[2], 5), lon=round(region[3], 5))
        elif place is None or place.precision == "unknown" or place.lat is None:
            within = place.admin1 if place is not None and place.precision == "city" else None  # "York, Maine"
            place = town_place(e.name, [place.country_code] if within and place.country_code else context[:3],
                               within) or place
        if place is None or place.precision == "unknown" or not place.country:
            continue
        if anchors is not None and anchors.unanchored(e.name, place):
            continue  # a building's name in a town of a country the story never names
        sentence = sentences[max(0, bisect_right(starts, e.span[0]) - 1)]
        w, site, dateline = _read_mention(rd, e.name, e.span, sentence, background, words)
        key = f"{place.country_code}|{place.precision}|{place.name}"
        places.setdefault(key, place)
        out.append(_Mention(key, e.name, w, site, dateline))
    title = (rd.article.title or "").strip()
    if title and not text.startswith(title):  # a title kept apart from the text: its places by name
        out = _title_mentions(title, {m.key: m.name for m in reversed(out)}, words) + out
    first = next((i for i, m in enumerate(out) if m.site), None)
    if first is not None:  # news says first where it happened; later sites are often other events
        out[first] = dataclasses.replace(out[first], score=out[first].score + SCORE_FIRST_SITE)
    # A town spelled like a word of a person's full name ("Hamilton" of Lewis Hamilton, "Clinton" of Hillary
    # Clinton) is that person, unless the article says more than once that something happened there.
    people = _names_of_people(rd)
    sited = Counter(m.name for m in out if m.site)
    out = [m for m in out if not (m.name in people and sited[m.name] < PERSON_NAME_SITES
                                  and places[m.key].precision in ("city", "point"))]
    return out, places


def _place_votes(reads: Sequence[Read], etype: EventType, day: date | None) -> dict[str, _PlaceVote]:
    type_re = TYPE_RE.get(etype.name)
    countries: dict[str, float] = defaultdict(float)
    for rd in reads:
        for e in rd.extraction.entities:
            if e.kind == "place" and e.place and e.place.country_code:
                countries[e.place.country_code] += rd.weight
    context = sorted(countries, key=lambda c: -countries[c])
    votes: dict[str, _PlaceVote] = {}
    anchors = _anchors(reads)
    words = _Words(type_re)
    for rd in reads:
        mentions, places = _article_mentions(rd, type_re, day, context, anchors, words)
        by_key: dict[str, list[_Mention]] = defaultdict(list)
        for m in mentions:
            by_key[m.key].append(m)
        for key, ms in by_key.items():  # the best mention counts whole, repeats a little
            v = votes.setdefault(key, _PlaceVote(places[key]))
            v.articles.add(rd.article.id)
            v.only_dateline = v.only_dateline and all(m.dateline for m in ms)
            scores = sorted((m.score for m in ms), reverse=True)
            v.score += rd.weight * (scores[0] + REPEAT_SHARE * sum(scores[1:]))
            sites = sorted((m.score for m in ms if m.site), reverse=True)
            if sites:
                v.site += rd.weight * (sites[0] + REPEAT_SHARE * sum(sites[1:]))
    return votes


def _into_country(votes: dict[str, _PlaceVote], country: str) -> dict[str, _PlaceVote]:
    """Towns resolved to another country that have a namesake in the chosen one ("San Jose" in a Costa
    Rica story) move there: the story's country decides between namesakes."""
    out: dict[str, _PlaceVote] = {}
    for key, v in sorted(votes.items()):
        p = v.place
        if p.country_code != country and p.precision == "city":
            hit = lookup_town(p.name, [country])
            if hit is not None:
                lat, lon, town, admin1, cc = hit
                p = Place(name=town, country=country_of_code(cc), country_code=cc, admin1=admin1, lat=lat, lon=lon,
                          precision="city")
                key = f"{cc}|city|{town}"
        into = out.setdefault(key, _PlaceVote(p))
        into.score += v.score
        into.site += v.site
        into.articles |= v.articles
        into.only_dateline = into.only_dateline and v.only_dateline
    return out


def _town_within(chosen: _PlaceVote, supported: Sequence[_PlaceVote]) -> _PlaceVote:
    """A supported town inside the chosen city's area and much smaller than it ("Croydon" rather than
    "London"): the more specific place."""
    p = chosen.place
    if p.precision != "city" or p.lat is None or p.lon is None:
        return chosen
    size = population_of(p.name, p.country_code)
    inner = [v for v in supported if v is not chosen and v.place.precision == "city" and v.place.lat is not None
             and _km(p.lat, p.lon, v.place.lat, v.place.lon or 0.0) <= NEIGHBOURHOOD_KM
             and population_of(v.place.name, v.place.country_code) * 3 < size]
    return max(inner, key=lambda v: (v.site, v.score, v.place.name)) if inner else chosen


def event_place(reads: Sequence[Read], etype: EventType, min_city_share: float,
                day: date | None = None) -> tuple[EventPlace | None, str]:
    """The most specific place the reports put the event in (on ``day``, when known), and what supports it."""
    votes = {k: v for k, v in _place_votes(reads, etype, day).items()
             if not v.only_dateline or etype.name not in TYPE_RE}
    if not votes:
        return None, "none: no resolvable place in the reports"

    def country_of(vs: dict[str, _PlaceVote]) -> str:
        """The country the mentions saying "it happened here" point to (all mentions when there are none)."""
        by_site: dict[str, float] = defaultdict(float)
        by_all: dict[str, float] = defaultdict(float)
        for v in vs.values():
            by_site[v.place.country_code or ""] += v.site
            by_all[v.place.country_code or ""] += v.score
        return max(sorted(by_all), key=lambda c: (by_site[c], by_all[c]))

    country = country_of(votes)
    votes = _into_country(votes, country)
    country = country_of(votes)
    inside = [v for v in votes.values() if v.place.country_code == country]
    sited = [v for v in inside if v.site > 0 and v.place.precision != "country"]
    support = (lambda v: (v.site, v.score)) if sited else (lambda v: (v.score, 0.0))
    top = max([support(v)[0] for v in sited or inside if v.place.precision != "country"] or [0.0])
    chosen = None
    for rank in ("point", "city", "region"):  # the most specific place with enough support
        cands = [v for v in sited or inside if v.place.precision == rank and support(v)[0] >= min_city_share * top]
        if cands:
            chosen = max(cands, key=lambda v: (*support(v), v.place.name))
            break
    if chosen is None:
        chosen = max(inside, key=lambda v: (v.score, -PRECISION_RANK.get(v.place.precision, 4), v.place.name))
    elif sited:  # the place the reports are about far more than the one where something "happened"
        about = max((v for v in inside if v.place.precision in ("point", "city")),
                    key=lambda v: (v.score, v.place.name), default=None)
        if about is not None and about is not chosen and about.score >= ABOUT_RATIO * chosen.score \
                and about.site > 0:
            chosen = about
    chosen = _town_within(chosen, [v for v in sited or inside if support(v)[0] >= min_city_share * top])
    whole = next((v for v in inside if v.place.precision == "country"), None)
    towns = [v for v in inside if v.place.precision in ("city", "point", "region") and v.score > 0]
    if whole is not None and chosen is not whole and etype.name in NATIONWIDE_TYPES \
            and len(towns) >= NATIONWIDE_PLACES and whole.score >= NATIONWIDE_RATIO * max(v.score for v in towns):
        chosen = whole  # protests across the country, told of one town after another: the country
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
