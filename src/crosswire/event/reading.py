"""How the event record reads an article: the event types, the words that decide things, the lead.

Part of :mod:`crosswire.event` (see docs/events.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
       r"air ?strikes?|air ?raids?|drone strikes?|drone attacks?|warplanes?|bombing raids?|aerial bombardments?"),
    _t("shelling/artillery", "Explosions/Remote violence", "Shelling/artillery/missile attack",
       r"shelling|shelled|artillery|mortars?|rocket (?:fire|attacks?)|missile (?:strikes?|attacks?)|barrage"),
    _t("remote explosive", "Explosions/Remote violence", "Remote explosive/landmine/IED",
       r"roadside bombs?|landmines?|IEDs?|improvised explosive devices?|mine blast"),
    _t("bombing", "Explosions/Remote violence", "Suicide bomb",
       r"suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|s)?)|car bomb(?:s|ing)?|truck bomb(?:s|ing)?|"
       r"bombings?|bomber|explosives?[- ](?:laden|packed)|packed with explosives"),
    _t("terror attack", "Violence against civilians", "Attack",
       r"terror(?:ist)? attacks?|terrorism|"
       r"(?:rammed|ploughed|plowed|drove|barrell?ed) (?:\w+ )?into (?:a |the )?crowds?|"
       r"stabbings?|knife attacks?|hostages?|massacre"),
    _t("shooting", "Violence against civilians", "Attack",
       r"shootings?|gunm[ae]n|gunfire|shot dead|opened fire|was shot|were shot|gun violence|shooter"),
    _t("battle", "Battles", "Armed clash",
       r"offensives?|clash(?:es|ed)?|fighting|battles?|fierce fighting|counter-?offensive|front ?lines?|"
       r"captured|seized control|advanced? on|rebels? (?:advance|forces)|insurgents?"),
    _t("air crash", "Accident", "Air crash",
       r"plane crash(?:es|ed)?|plane|aircraft|airliner|helicopter|jet crash(?:ed)?|flight \w+ crashed|air crash"),
    _t("rail crash", "Accident", "Rail crash",
       r"train|trains|tram|trams|derail(?:ed|ment|s)?|subway|railway|rail crash|metro"),
    _t("road crash", "Accident", "Road crash",
       r"car crash|bus crash|road accident|traffic accident|"
       r"(?:bus|car|lorry|minibus|coach) (?:crashed|overturned|plunged)|"
       r"head-on collision|pile-?up"),
    _t("maritime accident", "Accident", "Maritime accident",
       r"ship|boat|ferry|vessel|capsized|sank|shipwreck|cruise ship"),
    _t("earthquake", "Disaster", "Earthquake", r"earthquakes?|quakes?|tremors?|magnitude|aftershocks?"),
    _t("flood", "Disaster", "Flood", r"floods?|flooding|flash floods?|torrential rain|monsoon rains?"),
    _t("storm", "Disaster", "Storm", r"storms?|hurricanes?|typhoons?|cyclones?|tornado(?:es)?|blizzard"),
    _t("landslide", "Disaster", "Landslide", r"landslides?|mudslides?|avalanches?"),
    _t("fire", "Disaster", "Fire", r"(?<!opened )(?<!open )fires?|blaze|wildfires?|inferno|caught fire|burned down"),
    _t("explosion", "Disaster", "Explosion", r"explosions?|exploded|blasts?"),
    _t("riot", "Riots", "Violent demonstration", r"riots?|rioters|rioting|looting|unrest"),
    _t("protest", "Protests", "Peaceful protest",
       r"protests?|protesters|demonstrations?|demonstrators|rall(?:y|ies)|marchers"),
)
OTHER = EventType("other", "Other", "Other", ())
TYPE_RE = {t.name: re.compile(r"(?<![\w-])(?:" + "|".join(t.words) + r")(?![\w-])", re.I) for t in EVENT_TYPES}

# Generic words for "the event happened" (used with the type's own words to find the main event).
EVENT_VERBS = re.compile(
    r"(?<![\w-])(?:killed|killing|dead|died|deaths?|wounded|injured|injuring|attack(?:ed|s)?|struck|strikes?|"
    r"launched|began|started|erupted|happened|occurred|took place|crashed|collided|exploded|hit|stormed|"
    r"fell|seized|captured|fired|rammed|targeted)(?![\w-])", re.I)

# A date expression that names a day or month ("Wednesday", "Nov. 9", "yesterday"), not "day" or "night" alone.
DATE_WORD = re.compile(
    r"\d|\b(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)[a-z]*day\b|\b(?:today|yesterday|tonight|last night|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:this|last|earlier this|next) "
    r"(?:week|month)\b", re.I)
_SENTENCE_CUT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘(])")
DATELINE = re.compile(  # "LONDON —", "SAN JOSE, Costa Rica (AP) -"
    r"^\s*[A-Z][A-Za-z .'-]{1,40}?(?:,\s*[A-Za-z .]{2,30})?\s*(?:\([^)]{1,30}\))?\s*[—–-]")
IN_BEFORE = re.compile(r"(?:\bin|\bnear|\bat|\boutside|\bon)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$")
FROM_BEFORE = re.compile(r"(?:\bfrom|\bto|\btowards?|\bby|\bwith|\bof|\bbetween|\band)\s+(?:the\s+)?$")
FORCES = re.compile(
    r"(?:(?P<adj>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+)?(?P<what>government|regime|pro-government|state|army|military|"
    r"security|armed)\s+(?:forces|troops|soldiers)|(?:the\s+)?(?P<adj2>[A-Z][a-z]+)\s+(?:army|military|troops|"
    r"soldiers|security forces)(?![\w-])")
TARGET_BEFORE = re.compile(r"(?:\bon|\bagainst|\bat|\binto|\btargeting|\btargetting|\bkilling|\bkilled|\bwounding|"
                            r"\battacked|\bstruck|\bhit|\bbombed|\bshelled)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,2}$")
BY_BEFORE = re.compile(r"\bby\s+(?:the\s+|a\s+)?(?:[a-z-]+\s+){0,3}$")
NEIGHBOURHOOD_KM = 25.0  # a point place this close to a named city is a part of it
MIN_DATE_SCORE = 2.5  # a date with one signal only (a verb far from the lead) is not the event's
PARTY_SHARE = 0.3  # a party named much less than the main ones is background
PRECISION_RANK = {"point": 0, "city": 1, "region": 2, "country": 3, "unknown": 4}



def event_type(name: str) -> EventType:
    """The :class:`EventType` called ``name`` (``other`` when unknown)."""
    return next((t for t in EVENT_TYPES if t.name == name), OTHER)


# -- text helpers ------------------------------------------------------------------------------
def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: paragraphs cut at sentence-final punctuation before a capital."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for cut in _SENTENCE_CUT.finditer(line.group()):
            spans.append((start, line.start() + cut.start() + 1))
            start = line.start() + cut.end()
        spans.append((start, line.end()))
    return spans


@dataclass(frozen=True)
class Read:
    """One article as the event record reads it."""

    article: Article
    extraction: Extraction
    weight: float
    lead: tuple[tuple[int, int], ...]  # title + lead sentence spans in article.text
    claim_spans: tuple[tuple[int, int], ...]  # sentences of killed / injured claims

    def in_lead(self, span: tuple[int, int]) -> bool:
        return any(a <= span[0] < b for a, b in self.lead)

    def in_claims(self, span: tuple[int, int]) -> bool:
        return any(a <= span[0] < b for a, b in self.claim_spans)


def read(article: Article, extraction: Extraction, weight: float, lead_sentences: int) -> Read:
    """The article with its lead (title + ``lead_sentences``) and the sentences of its killed / injured claims."""
    text = article.text
    spans = sentence_spans(text)
    titled = bool(article.title and article.paragraphs and article.paragraphs[0].strip() == article.title.strip())
    lead = list(spans[: lead_sentences + (1 if titled else 0)])
    claims = []
    for c in extraction.claims:
        if c.measure in ("killed", "injured") and not c.negated:
            claims.extend(s for s in spans if s[0] <= c.span[0] < s[1])
    return Read(article, extraction, weight, tuple(lead), tuple(claims))

