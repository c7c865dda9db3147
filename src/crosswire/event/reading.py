"""How the event record reads an article: the event types, the words that decide things, the lead.

Part of :mod:`crosswire.event` (see docs/events.md).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..records import Article, Extraction


@dataclass(frozen=True)
class EventType:
    """One kind of event: its name, the ACLED-like ``group`` / ``sub_event`` columns it maps to,
    and the words (regular expressions, matched case-insensitively on word boundaries) that decide it."""

    name: str
    group: str
    sub_event: str
    words: tuple[str, ...]


def _t(name: str, group: str, sub: str, words: str) -> EventType:
    return EventType(name, group, sub, tuple(w.strip() for w in words.split("|")))


# Order matters only for ties: the more specific type first.
EVENT_TYPES: tuple[EventType, ...] = (
    _t("air/drone strike", "Explosions/Remote violence", "Air/drone strike",
       r"air ?strikes?|air ?raids?|drone strikes?|drone attacks?|warplanes?|bombing raids?|aerial bombardments?|"
       r"(?:israeli|russian|american|saudi(?:-led)?|coalition|turkish|syrian|iranian|ukrainian|nato) strikes?"),
    _t("shelling/artillery", "Explosions/Remote violence", "Shelling/artillery/missile attack",
       r"shelling|shelled|artillery|mortars?|rocket (?:fire|attacks?|strikes?)|missile (?:strikes?|attacks?)|barrage|"
       r"(?:ballistic|cruise) missiles?"),
    _t("remote explosive", "Explosions/Remote violence", "Remote explosive/landmine/IED",
       r"roadside bombs?|landmines?|IEDs?|improvised explosive devices?|mine blast"),
    _t("bombing", "Explosions/Remote violence", "Suicide bomb",
       r"suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|s)?)|car bomb(?:s|ing)?|truck bomb(?:s|ing)?|"
       r"bombings?|bomber|explosives?[- ](?:laden|packed|filled|rigged)|"
       r"(?:packed|laden|loaded|filled|rigged|stuffed) with explosives"),
    _t("attack on protesters", "Violence against civilians", "Attack",
       r"(?:crackdowns?|cracked down) (?:on|against) (?:\w+ ){0,2}(?:protest\w*|demonstrat\w*|dissent\w*|activists|"
       r"sit-ins?)|(?:opened fire|shot dead|killed|gunned down) (?:\w+ ){0,2}(?:on |at )?"
       r"(?:\w+ ){0,2}(?:protesters|demonstrators|sit-in)|(?:dispersal|dispersing|dispersed|breaking up|broke up) "
       r"(?:of )?(?:the |a )?(?:\w+ ){0,2}(?:sit-in|protest camp)|(?:raid|attack|assault|storming) (?:\w+ ){0,6}on "
       r"(?:a |the )?(?:\w+ ){0,2}(?:protest camp|sit-in|protesters|demonstrators)"),
    _t("crowd crush", "Accident", "Crowd crush/stampede",
       r"stampedes?|crowd (?:crush(?:es)?|surges?|disasters?)|crush(?:es)? (?:at|in|during|on)|crushed to death|"
       r"trampled(?: to death)?|crowd crush"),
    _t("structural collapse", "Accident", "Structural collapse",
       r"(?:building|tower|block|bridge|roof|ceiling|stadium|wall|dam|mine|condo\w*|apartments?|hotel|factory)"
       r"(?: \w+){0,2} collapse[ds]?|collapsed? (?:building|tower|bridge|roof|structure)|partial(?:ly)? collapsed?"),
    _t("terror attack", "Violence against civilians", "Attack",
       r"terror(?:ist)? attacks?|terrorism|"
       r"(?:rammed|ploughed|plowed|drove|barrell?ed) (?:\w+ )?into (?:a |the )?crowds?|"
       r"stabbings?|knife attacks?|hostages?|massacre"),
    _t("shooting", "Violence against civilians", "Attack",
       r"shootings?(?! (?:off )?(?:fireworks|hoops|baskets|photos|pictures|video|footage|films?|scenes?|"
       r"stars?|range|guards?|percentage))|gunm[ae]n|gunfire|shot dead|opened fire|was shot|were shot|"
       r"gun violence|shooter"),
    _t("battle", "Battles", "Armed clash",
       r"offensives?|clash(?:es|ed)?|fighting|battles?|fierce fighting|counter-?offensive|front ?lines?|"
       r"captured|seized control|advanced? on|rebels? (?:advance|forces)|insurgents?"),
    _t("air crash", "Accident", "Air crash",
       r"plane crash(?:es|ed)?|plane|aircraft|airliner|helicopter|jet crash(?:ed)?|flight \w+ crashed|air crash"),
    _t("rail crash", "Accident", "Rail crash",
       r"train|trains|tram|trams|derail(?:ed|ment|s)?|subway|railway|rail crash|metro"),
    _t("road crash", "Accident", "Road crash",
       r"(?:car|bus|truck|lorry|coach|minibus|road|traffic) (?:crash(?:es)?|accidents?)|"
       r"(?:bus|car|lorry|truck|minibus|coach|van|jeep|vehicle)(?: \w+){0,2} (?:crashed|overturned|plunged|"
       r"fell|falls|skidded|veered|rolled|careered|tumbled|collided)|"
       r"head-on collision|pile-?up"),
    _t("maritime accident", "Accident", "Maritime accident",
       r"ship|boat|ferry|vessel|capsized|sank|shipwreck|cruise ship"),
    _t("tsunami", "Disaster", "Tsunami", r"tsunamis?|tidal waves?"),
    _t("earthquake", "Disaster", "Earthquake", r"earthquakes?|quakes?|tremors?|magnitude|aftershocks?"),
    _t("flood", "Disaster", "Flood", r"floods?|flooding|flash floods?|torrential rain|monsoon rains?"),
    _t("storm", "Disaster", "Storm", r"storms?|hurricanes?|typhoons?|cyclones?|tornado(?:es)?|blizzard"),
    _t("landslide", "Disaster", "Landslide", r"landslides?|mudslides?|avalanches?"),
    _t("fire", "Disaster", "Fire", r"(?<!opened )(?<!open )(?<!static )(?<!cease)fires?(?! (?:test|tests|drill|alarm|"
       r"exit|escape|station|hydrant|extinguishers?|engines? test))|blaze|wildfires?|inferno|caught fire|burned down"),
    _t("explosion", "Disaster", "Explosion", r"explosions?|exploded|blasts?(?![ -]?off)"),
    _t("riot", "Riots", "Violent demonstration", r"riots?|rioters|rioting|looting|unrest"),
    _t("protest", "Protests", "Peaceful protest",
       r"protests?|protesters|demonstrations?|demonstrators|rall(?:y|ies)|marchers"),
)
OTHER = EventType("other", "Other", "Other", ())
TYPE_RE = {t.name: re.compile(r"(?<![\w-])(?:" + "|".join(t.words) + r")(?![\w-])", re.I) for t in EVENT_TYPES}
# Any type's words: matches where one of TYPE_RE does (the alternatives of all, between the same guards).
ANY_TYPE = re.compile(r"(?<![\w-])(?:" + "|".join(w for t in EVENT_TYPES for w in t.words) + r")(?![\w-])", re.I)

# Characters other than A-Z that a case-insensitive pattern takes for an ASCII letter ("ı" for i, "ſ" for s, the
# Kelvin sign for k, "İ", which also lowers to two characters). In a text without them, a pattern of lower-case
# ASCII words and character classes finds in the lowered text what its case-insensitive form finds in the text,
# at the same places: lowering changes no other character's length, nor whether it is a word, space or digit.
FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def plain_lower(text: str) -> str | None:
    """``text.lower()``, to search case-sensitively for what is searched case-insensitively in ``text`` (None
    when the text holds a character of FOLDS_TO_ASCII)."""
    for c in FOLDS_TO_ASCII:
        if c in text:
            return None
    return text.lower()


def folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern that finds in a lowered text (of :func:`plain_lower`) what the case-insensitive ``pattern``
    finds in the text, at the same places: its lower-case form, matched case-sensitively (an upper-case escape
    such as \\W or \\S, or a character written by its code, would change meaning: a pattern with one has no
    folded form)."""
    if not pattern.flags & re.IGNORECASE or re.search(r"\\[A-Zxu0-9]|\(\?[a-z]*-", pattern.pattern):
        raise ValueError(f"no folded form: {pattern.pattern!r}")
    return re.compile(pattern.pattern.lower(), pattern.flags & ~re.IGNORECASE)


class Folded:
    """A case-insensitive pattern and its :func:`folded` form: what the pattern finds in a text, found in the
    text lowered (``lowered``, of :func:`plain_lower`) when it can be, else in the text (the matches' places
    are the text's; their letters lowered when found in the lowered text)."""

    __slots__ = ("lower", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.lower = folded(pattern)

    def search(self, text: str, lowered: str | None, pos: int = 0, endpos: int = sys.maxsize
               ) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``'s match; ``lowered`` is ``plain_lower(text)``."""
        if lowered is None:
            return self.pattern.search(text, pos, endpos)
        return self.lower.search(lowered, pos, endpos)

    def finditer(self, text: str, lowered: str | None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``'s matches; ``lowered`` is ``plain_lower(text)``."""
        return self.pattern.finditer(text) if lowered is None else self.lower.finditer(lowered)


_ANY_TYPE_FOLDED = Folded(ANY_TYPE)
TYPE_FOLDED = {name: Folded(rx) for name, rx in TYPE_RE.items()}


def names_a_type(text: str) -> bool:
    """Whether some type's words are in ``text`` (``TYPE_RE[name].search(text)`` for some name)."""
    return _ANY_TYPE_FOLDED.search(text, plain_lower(text)) is not None


def may_hold(hints: Sequence[str | re.Pattern[str]], lowered: str | None) -> bool:
    """False only when the lowered text (of :func:`plain_lower`) holds none of ``hints`` (lower-case strings or
    patterns), one of which is part of everything a case-insensitive pattern finds: then that pattern finds
    nothing in the text."""
    if lowered is None:
        return True
    return any(hint in lowered if isinstance(hint, str) else hint.search(lowered) is not None for hint in hints)


# Generic words for "the event happened" (used with the type's own words to find the main event).
EVENT_VERBS = re.compile(
    r"(?<![\w-])(?:killed|killing|dead|died|deaths?|wounded|injured|injuring|attack(?:ed|s)?|struck|strikes?|"
    r"launched|began|started|erupted|happened|occurred|took place|crashed|collided|exploded|hit|stormed|"
    r"fell|seized|captured|fired|rammed|targeted|explosions?|blasts?|gunfire|collisions?)(?![\w-])", re.I)

# Nouns that name an event: a place written right before one is where it happened ("the Croydon tram
# crash", "Kabul bombing", "Nice attack").
EVENT_NOUNS = re.compile(
    r"(?<![\w-])(?:crash(?:es)?|attacks?|bombings?|shootings?|blasts?|explosions?|fires?|derailment|disaster|"
    r"tragedy|accident|massacre|collision|earthquake|quake|floods?|protests?|riots?|clashes|siege|raid|"
    r"strikes?|stabbing|rampage|incident|shelling|offensive)(?![\w-])", re.I)

# A date expression that names a day or month ("Wednesday", "Nov. 9", "yesterday"), not "day" or "night" alone.
DATE_WORD = re.compile(
    r"\d|\b(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)[a-z]*day\b|\b(?:today|yesterday|tonight|last night|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:this|last|earlier this|next) "
    r"(?:week|month)\b|\b(?:new\s+year['’]?s\s+(?:eve|day)|christmas|boxing\s+day|bastille\s+day|halloween|"
    r"valentine['’]?s\s+day|st\.?\s+patrick['’]?s\s+day|guy\s+fawkes\s+night)\b", re.I)
_SENTENCE_CUT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘(])")
DATELINE = re.compile(  # "LONDON —", "SAN JOSE, Costa Rica (AP) -"
    r"^\s*[A-Z][A-Za-z .'-]{1,40}?(?:,\s*[A-Za-z .]{2,30})?\s*(?:\([^)]{1,30}\))?\s*[—–―-]")
# What the words before a place say about it (see places.place_cue): the head preposition of its phrase.
SITE_WORDS = frozenset({"in", "near", "at", "outside", "on", "inside", "into", "off", "over", "across", "around",
                        "within", "onto", "throughout"})
HOME_WORDS = frozenset({"from", "of"})
ROUTE_WORDS = frozenset({"to", "towards", "toward", "for", "via", "between"})
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "suburb", "suburbs",
                         "outskirts", "area", "capital", "state", "county", "governorate", "neighbourhood",
                         "neighborhood", "centre", "center", "heart", "streets", "port", "island", "coast",
                         "municipality", "township", "hamlet", "settlement", "camp", "community", "countryside",
                         "part", "parts", "north", "south", "east", "west", "edge", "resort", "hub"})
HOME_NOUNS = frozenset({"all", "both", "each", "resident", "residents", "native", "natives", "hometown", "family",
                        "families", "couple", "mayor", "governor", "man", "woman", "boy", "girl", "father", "mother",
                        "son", "daughter", "people", "members", "member", "congregation", "temple", "church",
                        "synagogue", "school", "university", "club", "rabbi", "pastor", "imam", "priest",
                        "hospital", "hospitals", "clinic", "morgue", "mortuary", "attorney", "attorneys", "lawyer",
                        "lawyers", "firm", "company", "professor", "analyst", "expert", "researcher", "economist",
                        "consultant", "headquarters", "office", "offices"})
# People whose workplace is named after them and their employer ("an attorney with Ahdoot & Wolfson in Los
# Angeles"): that town is where they work, not where the event happened.
PROFESSIONS = frozenset({"attorney", "lawyer", "professor", "analyst", "expert", "researcher", "economist",
                         "consultant", "spokesman", "spokeswoman", "spokesperson", "executive", "partner",
                         "director", "founder", "chief", "correspondent", "reporter"})
HOME_VERBS = re.compile(r"\b(?:lived|lives|living|live|grew up|raised|born|based|headquartered|hails|hailed|"
                        r"moved|returned|travell?ing|travell?ed|flew|flying|headed|heading|bound)\s+"
                        r"(?:in|from|to|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
REFERENCE_BEFORE = re.compile(  # "130 miles northwest of San José", "south of London", "km from the border"
    r"\b(?:(?:km|kms|kilometres?|kilometers?|miles?|mi)\b[^.,;]{0,25}?|(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)?)\s+(?:of|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I)
# Links to another, earlier event: a place after them is where *that* happened.
BACKGROUND_LINK = re.compile(
    r"(?<![\w-])(?:(?:retaliation|revenge|reprisal|response)\b[^.;]{0,25}?\b(?:for|against|to)|"
    r"since|previous(?:ly)?|earlier (?:this|last) (?:week|month|year)|last (?:week|month|year)|ago|anniversary|"
    r"prior to|years? after|months? after|recalled|remember\w*|similar)(?![\w-])", re.I)
FORCES = re.compile(
    r"(?:(?P<adj>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+)?(?P<what>government|regime|pro-government|state|army|military|"
    r"security|armed)\s+(?:forces|troops|soldiers)|(?:the\s+)?(?P<adj2>[A-Z][a-z]+)\s+(?:army|military|troops|"
    r"soldiers|security forces)(?![\w-])|"
    # a country's strikes: "Israeli air strikes hit a camp", "a Russian missile strike" (a demonym, checked later)
    r"(?P<adj3>[A-Z][a-z]+)\s+(?:air\s*strikes?|airstrikes?|warplanes?|fighter\s+jets|drone\s+strikes?|"
    r"(?:missile|rocket|drone|air)\s+attacks?|missile\s+strikes?|strikes?|bombardment|shelling)(?![\w-])")
TARGET_BEFORE = re.compile(r"(?:\bon|\bagainst|\bat|\binto|\btargeting|\btargetting|\bkilling|\bkilled|\bwounding|"
                            r"\battacked|\bstruck|\bhit|\bbombed|\bshelled)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,2}$")
BY_BEFORE = re.compile(r"\bby\s+(?:the\s+|a\s+)?(?:[a-z-]+\s+){0,3}$")
# A date that says when something was *said*: "25 were hurt, police said Wednesday", "officials on
# Thursday said", "told reporters on Friday", "in a statement on Monday". The report's time, not the event's.
REPORT_BEFORE = re.compile(
    r"\b(?:said|says|say|told(?:\s+(?:reporters|journalists|the\s+\w+|[A-Z][\w.]*)){0,2}|tells|reported|announced|"
    r"confirmed|added|stated|wrote|tweeted|posted|statement(?:\s+(?:released|issued|published))?|"
    r"press conference|news conference|briefing|interview)\s+(?:on\s+|late\s+|early\s+|late on\s+|early on\s+)?$")
REPORT_AFTER = re.compile(
    r"^,?\s+(?:said|says|told|announced|confirmed|reported|added|stated|tweeted|wrote)\b")
# A clause about what is to come: its date is a plan, not the event ("talks will resume on Friday").
FUTURE = re.compile(
    r"\b(?:will|won't|shall|(?:is|are|am)\s+(?:(?:set|due|scheduled|expected|going|slated|planning|poised)\s+to|"
    r"to\s+be)|plans?\s+to|planned\s+for|scheduled\s+for|to\s+be\s+held|to\s+take\s+place)\b|\w'll\b|"
    r"\b(?:tomorrow|next)\b", re.I)
FUTURE_FOLDED = Folded(FUTURE)
# A date inside a relative clause ("Mr Trump, who won the election on Wednesday, met ...") is background.
RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*$")
# What follows an event, or looks back at one: its date is not the event's own.
AFTERMATH = re.compile(
    r"(?<![\w-])(?:funerals?|vigils?|memorials?|tributes?|mourn\w*|buried|burials?|trials?|courts?|sentenced|"
    r"charged|inquests?|anniversary|commemorat\w+|condolences|visited|named|identified|released|reopen\w*|"
    r"resumed|since|ago|previous|earlier|last year|in retaliation|in response|revenge|reprisal|(?:death )?toll|"
    r"(?:rose|risen|climbed|increased) to)(?![\w-])", re.I)
# The part of AFTERMATH that speaks of another time whatever the event: the rest (funerals, trials, releases,
# charges) follows an attack or a crash, but is the event itself in a story of another kind.
AFTERMATH_TIME = re.compile(r"(?<![\w-])(?:since|ago|previous|earlier|last year|in retaliation|in response|revenge|"
                            r"reprisal|anniversary)(?![\w-])", re.I)
NEIGHBOURHOOD_KM = 25.0  # a point place this close to a named city is a part of it
MIN_DATE_SCORE = 3.0  # a date with one signal only (a verb far from the lead) is not the event's
PARTY_SHARE = 0.3  # a party named much less than the main ones is background
PRECISION_RANK = {"point": 0, "city": 1, "region": 2, "country": 3, "unknown": 4}



def event_type(name: str) -> EventType:
    """The :class:`EventType` called ``name`` (``other`` when unknown)."""
    return next((t for t in EVENT_TYPES if t.name == name), OTHER)


# -- text helpers ------------------------------------------------------------------------------
_LINE = re.compile(r"[^\n]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: paragraphs cut at sentence-final punctuation before a capital."""
    spans = []
    for line in _LINE.finditer(text):
        start = base = line.start()
        end = line.end()
        # (_SENTENCE_CUT looks behind and ahead at characters of the line only: the line is searched in place)
        for cut in _SENTENCE_CUT.finditer(text, base, end):
            spans.append((start, cut.start() + 1))
            start = cut.end()
        spans.append((start, end))
    return spans


@dataclass(frozen=True)
class Read:
    """One article as the event record reads it."""

    article: Article
    extraction: Extraction
    weight: float
    lead: tuple[tuple[int, int], ...]  # title + lead sentence spans in article.text
    claim_spans: tuple[tuple[int, int], ...]  # sentences of this event's killed / injured claims
    toll_spans: tuple[tuple[int, int], ...] = ()  # sentences of any killed / injured claims, background too

    @cached_property
    def text(self) -> str:
        """``article.text`` (joined from the paragraphs once)."""
        return self.article.text

    @cached_property
    def lowered(self) -> str | None:
        """``plain_lower(text)``."""
        return plain_lower(self.text)

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        """``sentence_spans(text)``, found once (do not change the list)."""
        return sentence_spans(self.text)

    def in_lead(self, span: tuple[int, int]) -> bool:
        return _within(span[0], self.lead)

    def in_claims(self, span: tuple[int, int]) -> bool:
        return _within(span[0], self.claim_spans)

    def in_tolls(self, span: tuple[int, int]) -> bool:
        return _within(span[0], self.toll_spans)


def _within(at: int, spans: tuple[tuple[int, int], ...]) -> bool:
    # a loop rather than any(): no generator for each of the many mentions and dates asked about
    for a, b in spans:  # noqa: SIM110
        if a <= at < b:
            return True
    return False


def read(article: Article, extraction: Extraction, weight: float, lead_sentences: int,
         background: Collection[tuple[int, int]] = ()) -> Read:
    """The article with its lead (title + ``lead_sentences``) and the sentences of its killed / injured claims.
    ``background``: spans of claims the judgement found to be about another event or period; their sentences
    are no claim sentences for the type and the place (the record of a hostage release is not made from the
    sentence recalling that a suicide attack killed eight in another town), but a date there still reads as
    a toll's (the sentence may date this event too: "the bombing late Thursday, ... for air strikes that
    left 32 civilians dead")."""
    text = article.text
    spans = sentence_spans(text)
    titled = bool(article.title and article.paragraphs and article.paragraphs[0].strip() == article.title.strip())
    lead = list(spans[: lead_sentences + (1 if titled else 0)])
    claims, tolls = [], []
    for c in extraction.claims:
        if c.measure in ("killed", "injured") and not c.negated:
            where = [s for s in spans if s[0] <= c.span[0] < s[1]]
            tolls.extend(where)
            if c.span not in background:
                claims.extend(where)
    rd = Read(article, extraction, weight, tuple(lead), tuple(claims), tuple(tolls))
    rd.__dict__.update(text=text, spans=spans)  # the cached properties' values, found here already
    return rd

