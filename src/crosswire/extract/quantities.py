"""Count claims and measurements in one sentence.

A number (see :mod:`.numbers`) becomes a claim when a noun follows it ("89 people",
"13 villages", "scores of deaths") or a toll word governs it ("the death toll rose to 45").
Bounds from qualifiers: "at least N" low N; "more than/over N" low N+1; "nearly/almost/up to N"
high N, approx; "about/roughly/approximately/around/some N" approx with low=high=N.

Measures: killed, injured, displaced, missing, arrested, captured, attacks, evacuated,
affected, destroyed, distance, count (default). Subjects are plural lower-case nouns as
written after the number, normalised (``individuals``/``persons``/``lives``/``deaths`` ->
``people``; "civilian lives" -> ``civilians``; "combatant fatalities" -> ``combatants``).
Units: ``person`` for human subjects, else the singular of the noun (``village``,
``family``, ``attack``, ``home``); distances are converted to ``km`` with pint. Which nouns
make a claim is :mod:`.vocab`'s: people, and the things an event record counts (places, homes,
vehicles, weapons, attacks...), not photos, games or seasons.
Not counts: years (1900-2099 not followed by a noun), ordinals, identifiers ("Base 46",
"M5"), times, ages ("45-year-old"), percentages, money.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .. import tables
from .casualty import reading
from .cues import fold, word_alternation
from .numbers import (
    CHANGED_FROM,
    CHANGED_TO_FROM,
    NUMBER_RE,
    NumberMention,
    first_cue,
    mentions,
    parse_number,
    scan_start,
)
from .vocab import (
    CHANGE_VERBS,
    COUNT_QUALIFIER,
    HUMAN_TOLLS,
    INCIDENT_NOUNS,
    TAKE_TO_VERBS,
    UNIT_OF_SUBJECT,
    event_unit,
    human_subject,
)

_ADJ_SUBJECT = {"civilian": "civilians", "combatant": "combatants", "military": "soldiers", "rebel": "rebels"}
_MEASURE_WORDS = [
    ("killed", r"kill\w*|dead|deaths?|died|die|fatalit\w+|lives|death\s+toll|toll|slain|perished|massacred|murdered|"
               r"martyr\w*|passed\s+away|succumb\w*|drown(?:ed|ing|s)?"),
    ("injured", r"injur\w*|wound\w*|hurt|casualt\w+"),
    ("displaced", r"displac\w*|homeless|uprooted|(?:fled|flee\w*)(?=\s+(?:(?:from\s+)?(?:their|the)\s+)?(?:homes?|"
                  r"area|region|country|city|town|villages?|fighting|violence|offensive|war|bombing|"
                  r"across|abroad|into|to\s+(?:neighbou?ring|safety|camps?)))"),
    ("missing", r"missing|unaccounted"),
    ("arrested", r"arrest\w*|detain\w*|custody|detention|"
                 r"held(?=\s+(?:in\s+(?:custody|detention|jail|prison)|captive|hostage|"
                 r"without|incommunicado|on\s+(?:suspicion|charges)))"),
    ("captured", r"captur\w*|seiz\w*|took\s+control|taken(?!\s+(?:to|into|in|for|by|from|away|out|off)\b)|"
                 r"control\s+of|overran|overtaken"),
    ("evacuated", r"evacuat\w*"),
    ("trapped", r"trapped|stranded|buried\s+(?:under|beneath|in)"),
    ("destroyed", r"destroy\w*|damag\w*|flatten\w*"),
    ("affected", r"affected|at\s+risk|in\s+need(?:\s+of\s+\w+)?"),
    ("attacks", r"attacks?|strikes?|airstrikes?|raids?|shelling"),
]
# One scan for every measure's words (no word belongs to two measures, so none hides another's) over the
# case-folded sentence (cheaper than ignoring case); the group name of a hit is its measure, ranked by its
# place in the list when two are as near.
_MEASURE_RE = re.compile("|".join(rf"\b(?P<{m}>{w})\b" for m, w in _MEASURE_WORDS))
_MEASURE_RANK = {m: i for i, (m, _) in enumerate(_MEASURE_WORDS)}
# "over" after a verb it belongs to ("handed over 21 girls", "took over two towns") bounds nothing
_PHRASAL_OVER = "".join(rf"(?<!\b{v} )" for v in (
    "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take", "takes", "took", "taken",
    "taking", "pass", "passed", "passing", "sign", "signed", "signing", "give", "gave", "given", "giving"))
# qualifiers of a figure, as written before it: "at least 40"
# A negation turns a bound over: "no more than 30" is at most 30, "not less than 20" at least 20.
_AT_LEAST = ("at least", "no fewer than", "no less than", "not fewer than", "not less than", "a minimum of")
_AT_MOST = ("no more than", "not more than", "no higher than", "no greater than", "not exceeding",
            "did not exceed", "does not exceed", "do not exceed", "did not surpass", "a maximum of", "at most")
_QUAL_PHRASES = (*_AT_LEAST, *_AT_MOST, "more than", "over", "in excess of", "upwards of", "above", "past",
                 "nearly", "almost", "up to", "as many as", "close to", "approximately", "roughly",
                 "about", "around", "some", "an estimated", "estimated", "just under", "fewer than", "less than",
                 "under", "only")
# "up to" after a verb of going ("the toll has gone up to 2,497"): the count now, not a bound
_GONE_UP = "".join(rf"(?<!\b{v} )" for v in ("gone", "went", "go", "goes", "going", "moved", "shot"))
_QUAL = re.compile(  # a whole word: "recover four" has no "over" before the four
    r"\b(?P<q>" + "|".join((_PHRASAL_OVER if q == "over" else _GONE_UP if q == "up to" else "")
                           + q.replace(" ", r"\s+") for q in _QUAL_PHRASES)
    + r")\s+$",
    re.IGNORECASE,
)
_QUAL_ENDS = tuple(sorted({q.split()[-1] for q in _QUAL_PHRASES}))  # the word a qualifier ends with


def _qualifier(before: str) -> re.Match[str] | None:
    """``_QUAL.search(before)``, searched for only when ``before`` ends in a space after a word a qualifier ends
    with (a search over every place of ``before`` is slow: "over" is tried after two dozen verbs)."""
    if not before[-1:].isspace() or not fold(before).rstrip().endswith(_QUAL_ENDS):
        return None
    return _QUAL.search(before)


_DIST_UNITS = {
    "km": "kilometer",
    "kms": "kilometer",
    "kilometers": "kilometer",
    "kilometres": "kilometer",
    "kilometer": "kilometer",
    "kilometre": "kilometer",
    "miles": "mile",
    "mile": "mile",
    "meters": "meter",
    "metres": "meter",
    "meter": "meter",
    "metre": "meter",
    "m": "meter",
    "feet": "foot",
    "ft": "foot",
    "yards": "yard",
    "yard": "yard",
    "mi": "mile",
    "foot": "foot",
    "inch": "inch",
    "inches": "inch",
    "cm": "centimeter",
    "centimeters": "centimeter",
    "centimetres": "centimeter",
    "centimeter": "centimeter",
    "centimetre": "centimeter",
    "mm": "millimeter",
    "millimeters": "millimeter",
    "millimetres": "millimeter",
    "nautical": "nautical_mile",
}
_SHORT_UNIT = {
    "kilometer": "km",
    "meter": "m",
    "foot": "ft",
    "yard": "yd",
    "centimeter": "cm",
    "millimeter": "mm",
    "nautical_mile": "nmi",
}
_EXCLUDE_BEFORE = re.compile(r"(?:[A-Z][\w-]*\.?|[$£€#]|No\.|number|\b(?:call(?:ed|ing|s)?|dial(?:l?ed|ing|s)?))\s*$")


_CLAUSE_OPENERS = ("—", "–", ":", " -")


def _may_exclude(before: str) -> bool:
    """False only when ``_EXCLUDE_BEFORE`` cannot match ``before``: it holds no capital, currency sign, "number",
    "call" or "dial"."""
    return not before.islower() or any(w in before for w in ("$", "£", "€", "#", "number", "call", "dial"))
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|of|by|until|till|from|between|and|to|early|late|mid|spring|summer|"
    r"autumn|winter|january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\s+$",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?P<t>(?:no\s+one|nobody|no\s+(?:one\s+)?(?:was|were)?)\s*(?:was\s+|were\s+|had\s+been\s+)?"
    r"(?P<m>killed|injured|hurt|wounded|missing|harmed)"
    r"|no\s+(?:reported\s+)?(?P<n>deaths?|casualties|injuries|fatalit(?:y|ies))"
    # "we have not recorded any fatality", "not a single death was reported"
    r"|(?:(?:have|has|had)\s+not|did\s+not|didn[’']t|haven[’']t|hasn[’']t)\s+(?:yet\s+)?(?:recorded|registered|"
    r"confirmed|reported)\s+(?:any|a\s+single)\s+(?P<n2>deaths?|fatalit(?:y|ies)|casualt(?:y|ies))"
    r"|not\s+a\s+single\s+(?P<n3>death|fatality))\b",
    re.IGNORECASE,
)


# keyed by the words as :func:`.cues.fold` spells them, one space apart ("Two-thirdſ" is "two thirds")
_FRACTION_WORDS = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "one quarter": 0.25,
                   "two thirds": 2 / 3, "three quarters": 0.75}
_WORD_SEPARATOR = re.compile(r"[\s-]+")
_SHARE = re.compile(
    r"(?:(?P<q>more\s+than|over|nearly|almost|about|roughly|at\s+least|less\s+than)\s+)?"
    r"(?<![\w-])(?P<f>half|a\s+third|one\s+third|a\s+quarter|one\s+quarter|two[\s-]thirds|three[\s-]quarters)"
    r"\s+(?:of\s+)?(?:the|its|their)\s+(?P<n>[a-z]+)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A claim found in a sentence, before ids, dates and attribution are attached."""

    span: tuple[int, int]
    measure: str
    subject: str
    low: float | None
    high: float | None
    approx: bool = False
    vague: bool = False
    unit: str = "person"
    original_unit: str | None = None
    original_value: float | None = None
    negated: bool = False
    part_of: int | None = None  # index (in the returned list) of the total this is a part of


def _to_km(unit: str) -> float:
    """Kilometres in one ``unit`` (a pint unit name, one of ``_DIST_UNITS``'s values)."""
    return _km_factors()[unit]


@lru_cache(maxsize=1)
def _km_factors() -> dict[str, float]:
    """Kilometres in each distance unit, worked out by pint once per machine and kept (pint's registry
    takes most of a second to build; see :mod:`crosswire.tables`)."""
    return tables.cached("distance-units", _build_km_factors, packages=("pint",))


def _build_km_factors() -> dict[str, float]:
    import pint

    reg = pint.UnitRegistry()
    return {unit: float((1 * reg(unit)).to(reg.kilometer).magnitude) for unit in sorted(set(_DIST_UNITS.values()))}


def _bounds(q: str | None, n: NumberMention) -> tuple[float | None, float | None, bool]:
    low, high = n.low, n.high
    if n.vague or n.range or q is None:
        return low, high, False
    q = _SPACES.sub(" ", fold(q))
    v = n.low
    assert v is not None
    step = 1 if float(v).is_integer() and v >= 1 else 0
    if q in _AT_LEAST:
        return v, None, False
    if q in _AT_MOST:
        return None, v, False
    if q in ("more than", "over", "in excess of", "upwards of", "above", "past"):  # ("is now above 1,000")
        return v + step, None, False
    if q in ("nearly", "almost", "up to", "as many as", "close to", "just under"):
        return None, v, q not in ("up to", "as many as")
    if q in ("fewer than", "less than", "under"):
        return None, v - step, False
    if q == "only":
        return v, v, False
    return v, v, True


_BARE_END = re.compile(r"\s*(?:[,.;:)—–]|$|(?:and|or|in|on|at|with|while|as|after|before|when|during|including|"
                       r"near|across|inside|outside|since|but|from|by|more|others?)\b)", re.IGNORECASE)
_DEATH_NOUNS = frozenset({"deaths", "death", "fatalities", "fatality", "lives", "dead", "bodies"})
_GOVERNING_VERBS = (
    r"kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|displac(?:ed|ing)|arrest(?:ed|ing)|"
    r"detain(?:ed|ing)|evacuat(?:ed|ing)|captur(?:ed|ing)|seiz(?:ed|ing)|abduct(?:ed|ing)|kidnapp(?:ed|ing)|"
    r"destroy(?:ed|ing)|damag(?:ed|ing)|trapp(?:ed|ing)|lost|losing|martyr(?:ed|ing|s)")
_GOVERNING = re.compile(
    rf"\b(?P<v>{_GOVERNING_VERBS}|"
    r"(?:deaths?|killings?|displacement|evacuation|arrests?|detention|abductions?|kidnappings?)\s+of)"
    rf"\s+(?:all\s+(?:of\s+)?(?:the\s+)?)?(?:{COUNT_QUALIFIER}\s+)?(?:another\s+|a\s+further\s+)?$",
    re.IGNORECASE,
)  # ("killing all 150 on board")
# the second of a list a verb governs: "killed at least 170 Afghans and 13 US troops, and injured more than 150"
_GOVERNING_LIST = re.compile(
    rf"\b(?P<v>{_GOVERNING_VERBS})\s+(?:{COUNT_QUALIFIER}\s+)?\d[\d,.]*(?:\s+[A-Za-z.-]+){{0,3}}?\s+and\s+"
    rf"(?:{COUNT_QUALIFIER}\s+)?$", re.IGNORECASE)
_VERB_MEASURE = {"deat": "killed", "dete": "arrested",
                 "kill": "killed", "woun": "injured", "inju": "injured", "disp": "displaced", "arre": "arrested",
                 "deta": "arrested", "evac": "evacuated", "capt": "captured", "seiz": "captured", "abdu": "abducted",
                 "kidn": "abducted", "dest": "destroyed", "dama": "destroyed", "trap": "trapped",
                 "lost": "killed", "losi": "killed", "mart": "killed",
                 "murd": "killed"}  # "lost 95 of its citizens" (of things: a count)


_OWN_VERB = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:\w+ly\s+)?(?:suffered|sustained|were|was|are|is|have|has|had|"
                       r"died|remain\w*|received|got|went|fled|escaped)\b", re.IGNORECASE)
_ACTED_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:\w+ly\s+)?[a-z]+ed\s+(?:to|into|in|at|on|towards?|from)\b")
_CLAUSE_BREAK = re.compile(r"\s(?:and|but|while|whereas)\s|[;:]")
# A measure word before a subordinate clause is not the measure of a figure inside it ("those who died on
# Saturday, when up to 100 people marched"), nor one after a reporting clause of a figure before it ("a video
# of dozens of the girls, saying that some have been killed"); a new subject after "but" or "and" starts
# another clause ("Dozens have escaped, but most remain missing").
_SUBORDINATE = re.compile(r"\b(?:when|whereas|while|although|though|because|saying|adding|claiming)\b|[;:]|"
                          # "injured in the incident, which occurred as two million pilgrims ..."
                          r",\s*which\s+(?:occurred|happened|took\s+place|came|began|started)\b", re.IGNORECASE)
_REPORTING_AFTER = re.compile(r",\s+(?:saying|adding|claiming|stating|insisting|warning)\b", re.IGNORECASE)
_NEW_SUBJECT = re.compile(r"\s*(?:most|some|many|others?|several|all|none|a\s+few|they|he|she)\b", re.IGNORECASE)
# "a mother with two young children" among the dead: the figure after a bare "with" counts her companions
_COMPANIONS = re.compile(r"(?<!along )(?<!together )\bwith\s+(?:her|his|their|its)?\s*$", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(r"\b(?:no\s+one|nobody|none|no\s+\w+)\s+(?:\w+\s+)?(?:was|were|is|are|has\s+been|"
                             r"have\s+been|had\s+been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "the missing", "the dead": a measure word used as a noun, which names the figure's people only when the figure
# is among them ("two of the dead", "three men and a woman were named among the dead").
_NOMINAL_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_CLOSE_PARTITIVE = re.compile(r"(?:\s+[\w'’-]+){0,8}?\s+(?:among|including|includ\w+)\s+the\s+|"
                              r"(?:\s+[\w'’-]+)?\s+of\s+the\s+", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who)\s+(?:has|have|had|sent|deployed|employs|employed)\s+"
                              r"(?:about\s+|some\s+|around\s+)?$", re.IGNORECASE)


def _governing(sentence: str, folded: str, start: int) -> re.Match[str] | None:
    """``_GOVERNING`` in the 50 characters before ``start``, searched for only when the start of one of its verbs
    (a key of ``_VERB_MEASURE``) is there; ``folded`` is ``fold(sentence)``."""
    window = folded[max(0, start - 50) : start]
    if not any(stem in window for stem in _VERB_MEASURE):
        return None
    return _GOVERNING.search(sentence, max(0, start - 50), start)


def _measure(sentence: str, start: int, end: int, vague: bool = False) -> str | None:
    """The measure of a figure: the verb that governs it ("killing at least six"), else the nearest measure
    word, preferring words after the figure. A vague crowd after a firm toll ("84 lay dead after a lorry tore
    into thousands of revellers") does not take the toll's word."""
    folded = fold(sentence)
    gov = _governing(sentence, folded, start)
    if gov:
        return _VERB_MEASURE[fold(gov.group("v")[:4])]
    if _WITH_INJURIES.match(sentence, end):
        return "injured"  # "there are 323 people with minor and serious injuries" (after "25 people are missing")
    if _DISAPPEARED.match(sentence, end):
        return "missing"  # "292 people died and 47 citizens disappeared" (not "the tensions have not disappeared")
    if " and " in sentence[max(0, start - 12) : start] and (
            listed := _GOVERNING_LIST.search(sentence, max(0, start - 90), start)) is not None and \
            not _OWN_VERB.match(sentence, end):
        return _VERB_MEASURE[fold(listed.group("v")[:4])]  # "killed 170 Afghans and 13 US troops, and injured ..."
    best: tuple[int, int, str] | None = None  # (distance, rank, measure)
    close_after: bool | None = None  # a measure word right after the figure ("several others 'gravely' wounded")
    for hit in _MEASURE_RE.finditer(folded, max(0, start - 60), min(len(sentence), end + 60)):
        if hit.start() < start and _OTHER_VERB_BEFORE.search(sentence, hit.end(), start):
            continue  # "arrested two men and questioned three women": the women's verb is "questioned"
        if hit.start() < start and _CLAUSE_BREAK.search(sentence, hit.end(), start):
            if close_after is None:
                close_after = _MEASURE_RE.search(folded, end, min(len(sentence), end + _CLOSE_AFTER)) is not None
            if close_after:
                continue  # "Five were killed and several others 'gravely' wounded": the killing is the five's
        if vague and hit.start() < start and _FIRM_BEFORE.search(sentence, max(0, hit.start() - 30), hit.start()):
            continue  # the measure word of the firm figure just before it
        if hit.start() < start and _CLAUSE_BREAK.search(sentence, hit.end(), start) \
                and _OWN_VERB.match(sentence, end):
            continue  # "revellers fled and two people suffered minor injuries": another clause's verb
        if hit.start() < start and (_SUBORDINATE.search(sentence, hit.end(), start)
                                    or _COMPANIONS.search(sentence, max(0, start - 20), start)):
            continue
        if hit.start() >= end and _REPORTING_AFTER.search(sentence, end, hit.start()):
            continue
        if hit.start() >= end and _ACTED_AFTER.match(sentence, end) and NUMBER_RE.search(sentence, end, hit.start()):
            continue  # "nearly 400 officers rushed to a shooting that left 21 people dead": the dead are the 21
        if hit.start() >= end and _NOMINAL_BEFORE.search(sentence, max(end, hit.start() - 5), hit.start()) \
                and not _CLOSE_PARTITIVE.fullmatch(sentence, end, hit.start()):
            continue  # "One man was tying the names of the missing to a pole": "the missing" are others
        brk = _CLAUSE_BREAK.search(sentence, end, hit.start()) if hit.start() >= end else None
        own = _OWN_VERB.match(sentence, end) if brk else None
        if brk and own and own.end() <= brk.start() and (NUMBER_RE.search(sentence, brk.end(), hit.start())
                                                         or _NEW_SUBJECT.match(sentence, brk.end())):
            continue  # "Thousands fled and two people suffered injuries": the injuries are the two's
        if hit.start() >= end and (_NEGATED_BEFORE.search(sentence, max(end, hit.start() - 25), hit.start())
                                   or _RELATIVE_BEFORE.search(sentence, max(0, start - 30), start)):
            continue  # "carrying 100 passengers ... no one was hurt"; "which has 70 officers there, said 40 ..."
        d = hit.start() - end if hit.start() >= end else start - hit.end()
        d = d if hit.start() >= end else d + 5  # prefer words after the number
        m = hit.lastgroup
        assert m is not None
        if best is None or (d, _MEASURE_RANK[m]) < best[:2]:
            best = (d, _MEASURE_RANK[m], m)
    if best is None and (app := _APPOSITION_AFTER.match(sentence, end)) is not None and (
            hit := _MEASURE_RE.match(folded, app.end())) is not None:
        return hit.lastgroup  # "A total of 295 people, mostly students on a school trip, have been confirmed dead"
    if best is None and (_SHOT_AFTER.match(sentence, end) or _SHOT_BEFORE.search(sentence, max(0, start - 30), start)) \
            and not _FATAL.search(sentence):
        return "injured"  # "five people have been shot", "a gunman shot four people": hit, and no one said dead
    return best[2] if best else None


_DISAPPEARED = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:disappeared|vanished)\b", re.IGNORECASE)
_WITH_INJURIES = re.compile(r"\s+(?:[\w-]+\s+)?(?:with|suffering(?:\s+from)?|sustaining|(?:who\s+)?(?:suffered|"
                            r"sustained|received))\s+"
                            r"(?:[\w-]+\s+){0,4}?(?:injuries|wounds|burns)\b", re.IGNORECASE)
# An apposition after the figure's noun, then its verb: "295 people, mostly students on a trip, have been confirmed"
# ("All 72 people on the plane, including the crew, are feared dead")
_APPOSITION_AFTER = re.compile(r"(?:\s+(?:on|aboard|in)\s+(?:the|a|its)\s+[\w-]+)?"
                               r",\s+[^,;.:\d]{3,80},\s+(?:(?:have|has|had)\s+(?:now\s+)?been|were|are|was|is)\s+"
                               r"(?:(?:now|officially|since|also)\s+)?(?:(?:confirmed|reported|declared|found|listed|"
                               r"feared|presumed|believed|thought)\s+(?:to\s+(?:be|have\s+been)\s+)?)?")
# another verb after "and", right before the figure: the figure is its object, not the earlier verb's
_OTHER_VERB_BEFORE = re.compile(r"\s(?:and|but|then)\s+(?:also\s+|later\s+)?[a-z]+ed\s+"
                                r"(?:(?:at\s+least|about|some|another|the|a|an)\s+)?$")
_CLOSE_AFTER = 20  # characters after a figure within which its own measure word overrides one before "and"
_SHOT_AFTER = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,2}?(?:(?:have|has|had|were|was|are|is)\s+)?(?:been\s+)?shot\b"
                         r"(?!\s+(?:dead|to\s+death|down\b|and\s+killed))", re.IGNORECASE)
_SHOT_BEFORE = re.compile(r"\bshot\s+(?:at\s+least\s+|about\s+|some\s+)?$", re.IGNORECASE)
_FATAL = re.compile(r"\b(?:fatal\w*|dead|died|dies|killed|killing|kills|deaths?|murder\w*|lifeless)\b", re.IGNORECASE)
_FIRM_BEFORE = re.compile(r"\b\d[\d,.]*\s+(?:[a-z]+\s+){0,2}$")
_NOT_MODIFIER = frozenset({
    "told", "said", "says", "say", "were", "was", "is", "are", "had", "have", "has", "will", "would", "could",
    "should", "did", "do", "does", "been", "being", "be", "and", "or", "but", "who", "which", "that", "than",
    "to", "from", "with", "by", "in", "on", "at", "as", "for", "into", "after", "before", "when", "while",
    "like", "not", "also", "reportedly", "allegedly", "now", "still", "then", "there", "their", "its", "his",
    "her", "our", "your", "my", "this", "these", "those", "more", "most", "per", "a", "an", "the",
})
# a span of time counts time, written in lower case ("40-60 hours per person", "three days of national
# mourning"; "Bastille Day revellers" are people)
_TIME_SPANS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "nights",
                         "second", "minute", "hour", "day", "week", "month", "year", "night"})
_NOUN_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:(?:the|those|them|whom|which|its|their|his|her)\s+)?((?:(?:[A-Za-z'-]+|(?:[A-Z]\.){2,})\s+){0,2})"
    r"([A-Za-z-]+)\b"  # a modifier may be an abbreviation with dots: "10 U.S. citizens"
)
_NOUN_AFTER_OF = re.compile(r"(?:\s+of)?\s+(?:the|those|them|whom|which|its|their|his|her)?\s*([A-Za-z-]+)\b")
_OF_WHOLE = re.compile(r"\s+of\s+(?:the|its|their|his|her|all)\s+(?:estimated\s+|reported\s+)?"
                       r"(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)(?=\s)", re.IGNORECASE)  # "of its 181": a figure's whole
_MEMBERS_OF = re.compile(r"\s+of\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
                         r"(famil\w*|crew|staff|[a-z]+s)\b")
_BARE_PARTICIPLE = re.compile(
    r"\s+(?:(?:now|still|all|more)\s+)?(?:(?:were|was|are|is|have|has|had|lay|lie|lies|remain|remained|remains)\s+)?"
    r"(?:been\s+)?(?:\w+ly\s+)?(?:(?:feared|presumed|believed|reported|confirmed)\s+(?:to\s+be\s+|to\s+have\s+)?)?"
    r"(killed|dead|died|drowned|passed\s+away|martyred|injured|wounded|hurt|missing|arrested|detained|hospitali[sz]ed|"
    r"rescued|evacuated|forced\s+to\s+flee|forced\s+from\s+their\s+homes|"
    r"displaced|abducted|kidnapped|hospitali[sz]ed|(?:taken|rushed|admitted)\s+to\s+(?:a\s+|the\s+)?hospitals?)\b",
    re.IGNORECASE,
)
# "Six people, including two congressmen, a lobbyist and an aide, were injured": the predicate of a total
# stands after the list of its parts, too far for the nearest measure word.
_APPOSED_PREDICATE = re.compile(
    r"\s*[,—–(]\s*(?:including|among\s+them|among\s+whom|of\s+whom|most\s+of\s+them)\b[^;.]{0,200}?"
    r"[,—–)]\s*(?:(?:were|was|are|is|have|has|had)\s+)?(?:been\s+)?(?:\w+ly\s+)?"
    r"(killed|dead|died|injured|wounded|hurt|missing|arrested|detained|hospitali[sz]ed|evacuated|displaced|"
    r"abducted|kidnapped)\b",
    re.IGNORECASE,
)
_PREDICATE_MEASURE = {"killed": "killed", "dead": "killed", "died": "killed", "injured": "injured",
                      "wounded": "injured", "hurt": "injured", "hospitalised": "injured", "hospitalized": "injured",
                      "missing": "missing", "arrested": "arrested", "detained": "arrested",
                      "evacuated": "evacuated", "displaced": "displaced", "abducted": "abducted",
                      "kidnapped": "abducted"}
_LIVES_LOST = re.compile(r"\b(?:lost|claim\w*|took|taken|loss|kill\w*|died|perish\w*|dead|toll|cost|sacrific\w*)\b",
                         re.IGNORECASE)
_SERIOUS = re.compile(r"\b(?:serious(?:ly)?|critical(?:ly)?|severe(?:ly)?|grave(?:ly)?|life[- ]threatening)\b",
                      re.IGNORECASE)  # not "several", "graveyard"
_NOT_BEFORE = re.compile(r"(?:\b(?:not|no|never)\b[\w\s'’-]{0,30}|\bnon-?|n['’]t\s+[\w\s'’-]{0,30})$", re.IGNORECASE)
_SLIGHT = re.compile(r"\b(?:slight(?:ly)?|minor|light(?:ly)?|walking\s+wounded)\b", re.IGNORECASE)  # not "lightning"
_TOLL_ROSE = re.compile(rf"\b(?:{CHANGE_VERBS}|rises|climbs|jumps|reach(?:es)?|stands|stood|hits|soars|surges|spiked|"
                        r"(?:is|was)\s+now|"
                        r"swells|topped|exceeded|passed|(?:down|up)(?:wards?)?(?=\s+to\b))"
                        r"(?:\s+\w+ly)?(?:\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|"
                        r"overnight))?"  # "rose sharply Friday from 90 to 170"
                        r"(?:\s+from\s+[\d,.]+)?\s+"
                        r"(?:to\s+|at\s+|past\s+|above\s+|beyond\s+)?"
                        rf"(?:{COUNT_QUALIFIER}\s+)?$", re.IGNORECASE)  # ("rose past 4,300", "revised to around 1,200")
# "revised the death toll from Monday's blast down to 40", "put the toll at 40": a verb setting the toll, far from it
# ("put the figure at 500" too, in a sentence of deaths)
_SET_VERB = re.compile(r"\b(?:revised|lowered|raised|updated|corrected|put|puts|putting|placed|places|pegged|pegs|"
                       rf"set|sets|cut|reduced|{TAKE_TO_VERBS})\b[^;]{{0,60}}$",
                       re.IGNORECASE)  # (in one sentence: "U.S." has dots)
_SET_NOUN = re.compile(r"\b(?:death\s+)?(?P<w>toll|figure|tally|count|total(?!\s+number)|"
                       r"number\s+of\s+(?:the\s+)?(?:dead|deaths|"
                       r"(?P<hurt>injured|wounded|injuries)))\b", re.IGNORECASE)
_SET_TO = re.compile(rf"\b(?:to|at|from|as\s+(?:high|low)\s+as)\s+(?:{COUNT_QUALIFIER}\s+)?$", re.IGNORECASE)
# ("revised the death toll ... from 174 to 125": both figures; "had put the figure as high as 174")
_DEATH_WORD = re.compile(r"\b(?:kill\w*|dead|died|deaths?|toll|bodies)\b", re.IGNORECASE)
_SEEN = re.compile(r"\b(?:saw|seen|see|witnessed|spotted)\b", re.IGNORECASE)
_NAMED_HOSPITAL = re.compile(r"\bto\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:Hospital|Infirmary|Medical\s+Center|"
                             r"Medical\s+Centre|Clinic)\b")
# a hospital that speaks for its own patients: "St George's Hospital in Tooting said 20 people ..."
_HOSPITAL_SAID = re.compile(r"\b(?:Hospital|Infirmary|Medical\s+Cent(?:er|re)|Clinic)(?:\s+in\s+[A-Z][\w'’.-]*)?"
                            r"\s+(?:has\s+)?(?:said|says|reported|confirmed)\s+(?:that\s+)?(?:it\s+\w+\s+)?"
                            r"(?:at\s+least\s+|about\s+|some\s+|around\s+)?$")
_NEXT_WORD = re.compile(r"\s+([A-Za-z-]+)")
_HOSPITAL = re.compile(r"\bbrought\s+in\s+for\s+treatment\b|\breceiv\w*\s+treatment\b|"
                       r"\b(?:were|was|are|is|being|been)\s+(?:\w+ly\s+)?treated\b(?!\s+(?:as|like|with|to)\b|\s+\w+ly\b)|"
                       r"\b(?:taken|rushed|admitted|airlifted|flown|transported|sent|brought)\s+to\s+(?:an?\s+|the\s+)?"
                       r"(?:local\s+|nearby\s+|area\s+)?hospitals?\b|\bhospitali[sz]ed\b|\btreated\s+for\b|"
                       r"\b(?:treated|remain(?:ed|s)?|were|was|are|is|lay|lie|stay(?:ed|s)?)\s+(?:in|at)\s+"
                       r"(?:an?\s+|the\s+)?(?:local\s+|nearby\s+|area\s+|[a-z]+\s+)?hospitals?\b|"
                       r"\bin\s+(?:a\s+)?(?:critical|serious|stable|grave|fair|life-threatening)\b"
                       r"(?:[\w\s,]{0,20}?\bcondition\b|\s*$)",
                       re.IGNORECASE)
_ABDUCTED = re.compile(r"\b(?:abduct\w*|kidnap\w*|taken\s+hostage|held\s+hostage|held\s+captive)\b", re.IGNORECASE)
_CAPTURED_PERSON = re.compile(r"\bcaptur\w*", re.IGNORECASE)
ABDUCTION_REACH = 40  # characters from a count of people within which "abducted" says what befell them
_HARMED = frozenset({"killed", "injured", "missing", "arrested"})


# One person named or described just before "and N other ...": the N others and that one.
_ONE_BEFORE = re.compile(
    r"(?:\b(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}|(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:man|woman|boy|girl|child|officer|soldier|driver|victim|ambassador|teenager|student|passenger|guard)))"
    r"(?:,[^,;]{1,40},)?\s+(?:and|along\s+with)\s+$")
_COUNTED_NOUN = re.compile(r"\s+(?:(?:new|more|further|other)\s+)?(arrests|detentions)\b", re.IGNORECASE)
# "bodies" are the dead only where the sentence speaks of finding, moving or burying them ("19 state
# legislative bodies", "governing bodies" are not)
_BODIES_DEAD = re.compile(r"\b(?:found|recover\w*|retriev\w*|pulled|identif\w*|buri\w*|dead|kill\w*|morgue|"
                          r"exhum\w*|washed|dug|bags?|corpses?|remains|victims?|toll|mass\s+grave|unclaimed)\b",
                          re.IGNORECASE)
# a gunman "opened fire ..., striking four people": hit by gunfire, so hurt (the dead are counted apart)
_STRUCK = re.compile(r"\b(?:strik(?:ing|es)|struck|hitting|hit)\s+(?:at\s+least\s+|about\s+|some\s+)?$",
                     re.IGNORECASE)
_GUNFIRE = re.compile(r"\b(?:opened\s+fire|open\s+fire|gunfire|gunman|gunmen|shooter|shooting|shots|bullets?|"
                      r"sniper)\b", re.IGNORECASE)
# "an 80-foot-long room", "a 10-metre-high wall": a size, not a distance; so are a calibre ("a 9 mm
# handgun"), a height ("5-foot-11") and an amount of something in small units ("6 inches of pipe", "200 mm of
# rain")
_SIZE_AFTER = re.compile(r"[-\s](?:long|wide|high|tall|deep|thick|across)\b|-\d|"
                         r"[-\s]+(?:semi-?automatic\s+|automatic\s+)?(?:hand)?(?:guns?|pistols?|rifles?|rounds?|"
                         r"ammunition|bullets?|shells?|cartridges?|revolvers?|calib(?:re|er)|weapons?|firearms?)\b",
                         re.IGNORECASE)
_AT_ONE_HOSPITAL = ", at one hospital"
_SIZE_BEFORE = re.compile(r"(?:\b(?:depth|height|width|length|thickness|diameter|altitude|wingspan)\s+of\s+|"
                          r"\b(?:as\s+)?(?:high|tall|deep|long|wide|thick)\s+as\s+)"  # "waves as high as 3-4 meters"
                          r"(?:(?:more\s+than|less\s+than|about|around|some|nearly|almost|up\s+to|over|just\s+over)\s+)?$",
                          re.IGNORECASE)
_PER_TIME = re.compile(r"\s*(?:per|an|a|each)\s+(?:hour|second|minute|day)\b|/\s*h\b|/hr\b", re.IGNORECASE)
_SMALL_UNITS = frozenset({"inch", "centimeter", "millimeter"})
# the people a report names as its sources are no figure of the event
_SOURCE_AFTER = re.compile(
    r"(?:\s+(?:who|with|in|at|of|from)\b[^,;.]{0,40}?)?,?\s+(?:(?P<briefed>(?:who\s+(?:were|was)\s+)?briefed\s+on|"
    r"familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|close\s+to\s+the\s+(?:investigation|matter|case|talks)|"
    r"(?:who\s+)?(?:spoke|speaking)\s+on\s+(?:the\s+)?condition|(?:who\s+)?(?:declined|asked|requested)\s+not\s+to\s+be|"
    r"(?:who\s+)?(?:were|was)\s+not\s+authori[sz]ed)|(?:said|say|says|told|confirmed)\b)", re.IGNORECASE)
_INFORMANTS = frozenset({"officials", "official", "sources", "source", "aides", "aide", "diplomats", "investigators",
                         "spokesmen", "spokespeople", "spokeswomen", "analysts", "experts", "lawmakers"})
_ACCORDING_BEFORE = re.compile(r"\b(?:(according\s+to)|told|said)\s+(?:the\s+)?$", re.IGNORECASE)
_CONVERSION = re.compile(r"\s*\(\s*(?:about\s+|some\s+|around\s+|nearly\s+)?[\d.,]+\s*[A-Za-z]+\s*\)")
_AMOUNT_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


_HURT_AFTER = re.compile(r"\s+(?:had\s+)?(?:sustained|suffered|received)\s+(?:[\w-]+\s+){0,3}?"
                         r"(injuries|wounds|burns)\b", re.IGNORECASE)


def _subject_after(sentence: str, end: int) -> tuple[str, str, int, str] | None:
    """``(subject, unit, noun_end, noun)`` for the noun a number at ``end`` counts, or None.

    Up to two modifiers may stand between the number and the noun ("two American soldiers", "87 government
    soldiers"), never a verb or function word ("One woman told police" counts no police)."""
    counted = _COUNTED_NOUN.match(sentence, end)
    if counted:  # "made 47 arrests": as many people arrested
        return "people", "person", counted.end(), counted.group(1).lower()
    bare = _BARE_PARTICIPLE.match(sentence, end)
    if bare:  # "Dozens were wounded", "two have died": the people are implied (not "two injured passengers")
        follow = _NEXT_WORD.match(sentence, bare.end())
        if follow is not None and follow.group(1)[:1].isupper():
            return None  # "Four detained Boko Haram leaders": an adjective of a named group
        if follow is None or (human_subject(follow.group(1)) is None and event_unit(follow.group(1)) is None):
            return "people", "person", bare.end(), bare.group(1).lower()
    hurt = _HURT_AFTER.match(sentence, end)
    if hurt:  # "24 sustained gunshot injuries": people, not "sustained gunshots"
        return "people", "person", hurt.end(), hurt.group(1).lower()
    m = _NOUN_AFTER.match(sentence, end)
    if not m:
        return None
    words = [*m.group(1).split(), m.group(2)]
    offsets: list[int] = []
    pos = m.start(1) if m.group(1) else m.start(2)
    for w in words:
        pos = sentence.index(w, pos)
        offsets.append(pos + len(w))
        pos += len(w)
    for i, word in enumerate(words):  # the first human noun or event unit, reading left to right
        mods = [x.lower() for x in words[:i]]
        if any(x in _NOT_MODIFIER for x in mods) or (i and word.lower() in _NOT_MODIFIER) or any(
                x in _TIME_SPANS for x in words[:i]):
            return None
        nxt = words[i + 1] if i + 1 < len(words) else None
        if word[:1].isupper() and nxt is not None and nxt[:1].isupper():
            continue  # "two National Guardsmen": a word of a name, not its head ("National" is no nationals)
        human = human_subject(word)
        if human is not None:
            if nxt is not None and (human_subject(nxt) is not None or word.lower() in _ADJ_SUBJECT):
                continue  # "American soldiers", "police officers", "civilian lives": the head noun decides
            follow = nxt if nxt is not None else (m2.group(1) if (m2 := _NEXT_WORD.match(sentence, offsets[i]))
                                                    else None)
            if follow is not None and follow.endswith("s") and event_unit(follow) is not None and \
                    not word.lower().endswith("s"):
                if nxt is not None:
                    continue  # "two passenger trains", "13 police cars": the people name the things counted
                return None
            low = word.lower()
            subject = human
            if low in ("citizens", "nationals", "citizen", "national") and any(
                    x in ("us", "u.s.", "american") for x in mods):
                subject = "americans"  # "10 US citizens", "ten American nationals": the Americans of "10 Americans"
            if subject == "people":  # a generic head takes a specific modifier: "civilian lives"
                for mod in mods:
                    refined = _ADJ_SUBJECT.get(mod) or human_subject(mod if mod.endswith("s") else mod + "s")
                    if refined and refined not in ("people", "families"):
                        subject = refined
            elif low == "officers" and mods and mods[-1] == "police":
                subject = "police officers"
            if low in ("members", "member"):
                of = _MEMBERS_OF.match(sentence, offsets[i])
                if of and "famil" in of.group(0).lower():
                    subject = "relatives"
                elif of:
                    subject = human_subject(of.group(1)) or subject
            if low == "family" and " of " in sentence[end : offsets[i]]:
                subject = "relatives"  # "four of his close family"
            return subject, UNIT_OF_SUBJECT.get(subject, "person"), offsets[i], low
        if word.lower() in _ADJ_SUBJECT and i + 1 < len(words):
            continue
        unit = event_unit(word)
        if unit is not None and word[:1].isupper() and _LOWER_WORD_AFTER.match(sentence, offsets[i]):
            return None  # "two New York City subway trains": the city names the trains
        if unit is not None and i + 1 < len(words) and (event_unit(words[i + 1]) or human_subject(words[i + 1])):
            continue  # "two city hospitals": the last noun is the head
        if unit is not None and not mods:
            return word.lower() if word.lower().endswith("s") else word.lower() + "s", unit, offsets[i], word.lower()
        if unit is not None:
            return word.lower(), unit, offsets[i], word.lower()
    return None


def _severity(sentence: str, start: int, end: int) -> str | None:
    """Injured people described by how badly: a part of the injured, not their total."""
    window = _CLAUSE_END.split(sentence[end : end + 45], 1)[0]
    window = sentence[start:end] + window
    serious = _SERIOUS.search(window)
    if serious and _NOT_BEFORE.search(window, 0, serious.start()):
        return "people, slightly hurt"  # "did not suffer life-threatening injuries", "non-life-threatening"
    if serious:
        return "people, seriously hurt"
    if _SLIGHT.search(window):
        return "people, slightly hurt"
    return None


def _in_hospital(sentence: str, start: int, noun_end: int) -> bool:
    """The clause of the count of people at ``sentence[start:noun_end]`` says they went to or are in hospital."""
    clause = _CLAUSE_END.split(sentence[noun_end : noun_end + 80], 1)[0]
    window = sentence[start:noun_end] + clause
    return bool(_HOSPITAL.search(window) or _NAMED_HOSPITAL.search(window))


def _person_measure(sentence: str, folded: str, start: int, noun_end: int, measure: str, noun: str,
                    hospital: bool) -> str:
    """People are not captured or attacked the way villages are: fix the measure of a count of people."""
    if noun not in _DEATH_NOUNS and hospital:
        return "injured"
    if (taken := _ABDUCTED.search(sentence)) is not None:
        gov = _governing(sentence, folded, start) if measure != "abducted" else None
        near = start - ABDUCTION_REACH <= taken.start() <= noun_end + ABDUCTION_REACH and not (
            taken.end() <= start and _CLAUSE_BREAK.search(sentence, taken.end(), start))  # "30 abducted and 5 killed"
        if gov is None and (near or measure not in _HARMED):
            return "abducted"  # ("killed four people and abducted 12 others": the four are the killing's)
    if measure == "captured" and not _CAPTURED_PERSON.search(sentence):
        return "count"
    if measure in ("attacks", "destroyed"):
        return "count"
    return measure


_VICTIM_NOUNS = (
    "man|woman|boy|girl|child|baby|toddler|infant|teenager|teen|person|cousin|son|daughter|brother|sister|father|"
    "mother|husband|wife|nephew|niece|grandmother|grandfather|officer|policeman|policewoman|soldier|student|pupil|"
    "victim|passenger|worker|journalist|reporter|pedestrian|tourist|resident|civilian|firefighter|nurse|doctor|"
    "pilot|cyclist|motorcyclist|hiker|climber|fisherman|farmer|guard|teacher|priest|activist|protester|volunteer"
)
_INDIVIDUAL = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?P<np>(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Aa]nother)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"(?P<noun>{_VICTIM_NOUNS})\b)(?:(?:,[^,.;]{{1,60}}){{1,3}},)?(?:\s+(?!was\b|has\b|had\b|is\b|died\b)[\w'’-]+){{0,7}}?"
    r"\s+(?:(?:was|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?(?P<verb>killed|shot\s+dead|stabbed\s+to\s+death|"
    r"found\s+dead|beaten\s+to\s+death|pronounced\s+dead|confirmed\s+dead|declared\s+dead|crushed\s+to\s+death|"
    r"burned\s+to\s+death|injured|wounded|hurt)|(?:has\s+|had\s+)?(?P<died>died))\b"
    r"(?!\s+by\s+(?:the\s+)?(?:police|security|officers|troops|soldiers|marksmen|snipers))",
)
# A forecast is no toll: "could reach 20,000", "It can reach 18,000 to 20,000 deaths", "the toll may rise to
# 1,000", "is expected to exceed 500" (the figure right after a modal or an expectation and a verb of growth)
_PROJECTED = re.compile(
    r"\b(?:could|can|may|might|would|will|(?:is|are|was|were)\s+(?:expected|likely|feared|set|poised|projected)\s+to|"
    r"(?:expected|likely|feared|set|poised|projected)\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:reach|rise|climb|exceed|top|surpass|pass|hit|increase|grow|soar|jump|go\s+up|double|triple)"
    r"(?:\s+(?:to|above|beyond|over|past|as\s+high\s+as|as\s+many\s+as))?"
    rf"\s+(?:{COUNT_QUALIFIER}\s+)?$", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|may|will|can|shall)\s+(?:\w+\s+){0,2}?(?:die|be\s+killed|kill|"
                           r"be\s+injured|be\s+hurt|perish)\b|\b(?:risk|threat)\s+of\s+death\b", re.IGNORECASE)


# One person described and arrested: "The driver of the tram has been arrested", "a 42-year-old man was
# detained". "A second man" makes two arrested in all; "another" man says no total.
_ONE_ARRESTED = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<nth>second\s+|third\s+)?"
    r"(?:(?!(?:said|says|told|the|an?|and|or)\b)[\w'’-]+\s+){0,3}?"
    r"(?:man|woman|boy|girl|teenager|teen|youth|driver|suspect|gunman|attacker|assailant|shooter|person|pilot|"
    r"captain|officer|soldier|student|husband|wife|son|father|mother|brother|relative|neighbou?r)\b"
    r"(?:(?:,[^,.;]{1,60}){1,3},)?(?:\s+(?!was\b|has\b|had\b|is\b)[\w'’-]+){0,7}?"
    r"\s+(?:was|has\s+been|had\s+been|is\s+being|is|have\s+been)\s+(?:\w+ly\s+)?"
    r"(?:arrested|detained|taken\s+into\s+custody)\b(?!\s+(?:and|but)\s+(?:later\s+)?released\b)")


def _one_arrested(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for m in _ONE_ARRESTED.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in taken) or _HYPOTHETICAL.search(sentence):
            continue
        n = {"second": 2, "third": 3}.get((m.group("nth") or "").strip().lower(), 1)
        out.append(Quantity(m.span(), "arrested", "people", n, None if n > 1 else 1))
    return out


# One victim named: "Alleyne died Tuesday after being shot", "Tavon Alleyne, 21, was fatally shot"; a death
# by illness or age names no cause of this kind and is no toll.
_NAMED_VICTIM = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?P<np>(?P<title>(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3})"
    r"(?:(?P<age>,\s*(?:aged\s+)?\d{1,3},)|,[^,.;]{1,60},)?\s+(?:(?:was|has\s+been|had\s+been)\s+"
    r"(?P<verb>fatally\s+shot|shot\s+dead|shot\s+and\s+killed|"
    r"stabbed\s+to\s+death|beaten\s+to\s+death|killed)|(?:has\s+|had\s+|later\s+)?(?P<died>died)\b(?=[^.;]{0,40}?"
    r"\b(?:after\s+being\s+(?:shot|stabbed|hit|struck|attacked|beaten)|of\s+(?:his|her|their)\s+(?:injuries|wounds)|"
    r"from\s+(?:his|her|their)\s+(?:injuries|wounds)|in\s+the\s+(?:attack|shooting|crash|blast|explosion|fire|"
    r"bombing|stabbing)|at\s+the\s+scene)))\b"
    r"(?!\s+by\s+(?:the\s+)?(?:police|security|officers|troops|soldiers|marksmen|snipers))")
_SINCE_BEFORE = re.compile(r"\b(?:since|until|before|after)\s+$", re.IGNORECASE)
_NOT_A_VICTIM_NAME = frozenset({"police", "officials", "authorities", "he", "she", "they", "it", "who", "which",
                                "the", "a", "an", "one", "everyone", "nobody", "someone"})


_ORDINALS = {w: i for i, w in enumerate(("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                                          "tenth", "eleventh", "twelfth"), start=2)}
# the ordinal right after "a"/"an"/"the" counts victims ("a 9th victim"); after "her", "his" it is some other order
# ("her third son"), and one joined to a noun ("a 3rd-year student") is no count of victims
_ORDINAL = re.compile(rf"(?:an?|the)\s+(?:([1-9]\d*)(?:st|nd|rd|th)|({'|'.join(_ORDINALS)}))(?![\w-])", re.IGNORECASE)


def _individuals(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """One named or described victim ("Her cousin, Tavon Alleyne, 21, was killed on Tuesday", "A boy trapped
    in a well has been found dead"): a count of one, of people. Perpetrators stopped by police are not."""
    out = []
    for m in _INDIVIDUAL.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        verb = (m.group("verb") or m.group("died") or "").lower()
        measure = "injured" if verb in ("injured", "wounded", "hurt") else "killed"
        nth = _ORDINAL.match(m.group("np"))
        n = (int(nth.group(1)) if nth.group(1) else _ORDINALS[fold(nth.group(2))]) if nth else 1
        # "a 9th victim died": the toll has reached nine (no fewer), not one more of one
        out.append(Quantity(m.span(), measure, "people", n, 1 if n == 1 else None))
        taken = [*taken, m.span()]
    for m in _NAMED_VICTIM.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in taken) or m.group("np").split()[0].lower() in \
                _NOT_A_VICTIM_NAME or _SINCE_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            continue
        if m.group("verb") and not (m.group("age") or m.group("title")):
            continue  # "Tavon Alleyne, 21, was killed": a person; "Cincinnati Zoo was killed", "Harambe was shot
            # dead" may name anything
        out.append(Quantity(m.span(), "killed", "people", 1, 1))
        taken = [*taken, m.span()]
    return out


_SPACES = re.compile(r"\s+")
_CLAUSE_END = re.compile(r"[,;]|\band\b|\d")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
# after a number: an ordinal, a time, a percentage, an age; not a count
_NO_COUNT_AFTER = re.compile(r"(?:st|nd|rd|th)\b|[:%]|-year|\s*(?:percent|per\s*cent|%|years?\s+old|o'clock)")
_CLOCK_AFTER = re.compile(r"\s*(?:a\.m|p\.m|am|pm)\b", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")
# "one" as a pronoun: a determiner (and maybe adjectives) before it, a verb or a clause after it ("weeks after a
# more powerful one killed 61 people", "the first one hit at dawn"); "the one person who died" is a figure.
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:a|an|the|this|that|another|each|every|which|no)\s+"
                                 r"(?:(?![a-z]+ed\s|left\s|hit\s|struck\s|kills\s)[a-z]+\s+){0,3}$", re.IGNORECASE)
_PRONOUN_ONE_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?:[a-z]+ed|hit|struck|left|took|came|went|made|was|is|had|has|"
                                r"did|that|which|who|in|on|at|from|before|after)\b")
_UNIT_AFTER = re.compile(r"(?:\s*|-)([A-Za-z]+)\b")
_CONVERTED = re.compile(r"\s*\(\s*[\d.,]+\s*[A-Za-z]+\s*\)")
# (no other figure between: "put the death toll at 249, while 240 were feared missing")
_TOLL_BEFORE = re.compile(r"\b(?:death\s+(?:toll|count|tally)|toll|number\s+of\s+(?:dead|deaths))\b[^.;\d]{0,30}?$")
# What a changing figure before it counts: the toll ("the death toll", "the number of people killed", "fatalities")
# or the injured ("the number of wounded"); the last named before the verb is the one that changed.
_TOLL = re.compile(r"\b(?:(?:death\s+)?toll|death\s+(?:count|tally|figure)|"
                   r"(?P<hurt>injury\s+toll|(?:injured|wounded)\s+(?:figure|count|tally))|"
                   r"(?P<missing>missing\s+(?:figure|count|tally))|[Ff]atalities|(?:[\w]+-related\s+)?deaths|"
                   r"number\s+of\s+(?:the\s+)?(?:(?P<hurt2>injured|wounded|hurt|injuries|(?:[\w-]+\s+){0,2}?"
                   r"(?:injured|wounded|hurt))|(?P<missing2>(?:[\w-]+\s+){0,2}?missing)|"
                   r"(?:[\w-]+\s+){0,2}?(?:killed|dead|deaths|fatalities|victims|died|lives\s+lost)))\b")
# a sentence any of them can be in (where none is, no figure is looked at for them)
_TOLL_HINT = re.compile(r"toll|number|atalities|deaths|figure|count|tally")
_HURT_NUMBER_BEFORE = re.compile(r"\bnumber\s+(?:of\s+(?:the\s+)?)?(?:injured|wounded|hurt|injuries)\b(?:\s+people)?\s+"
                                 r"(?:has\s+|had\s+)?(?:rose|risen|climbed|jumped|increased|reached|stands|stood|"
                                 r"hit|was|is)\s+(?:to\s+|at\s+)?(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|"
                                 r"about\s+)?$", re.IGNORECASE)
def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 (the last is wanted)
        pass
    return found


# "a three-train crash", "a 12-storey block": a number joined to the noun it modifies
_COMPOUND_AFTER = re.compile(r"-[A-Za-z]")


def _set_toll(sentence: str, s: int) -> str | None:
    """``"killed"`` or ``"injured"`` when a verb setting a toll, far from the figure at ``s``, sets it ("revised the
    death toll from Monday's blast down to 40", "put the figure at 500" in a sentence of deaths, "put the number of
    injured at 1,175"): the toll named last before the figure says which; else None."""
    noun = _last_match(_SET_NOUN, sentence, max(0, s - 130), s)
    if noun is None or not _SET_VERB.search(sentence, max(0, noun.start() - 60), noun.start()):
        return None
    if noun.group("hurt"):
        return "injured"
    if noun.group("w").lower() == "toll" or _DEATH_WORD.search(sentence) is not None:
        return "killed"
    return None


# bodies or victims named so far: "88 bodies have been identified", "identified 163 victims through DNA testing"
_IDENTIFIED_BEFORE = re.compile(r"\bidentif(?:ied|y|ying)\s+(?:the\s+)?(?:bodies\s+of\s+)?(?:at\s+least\s+|about\s+|"
                                r"some\s+|over\s+|more\s+than\s+)?$", re.IGNORECASE)
_IDENTIFIED_AFTER = re.compile(r"(?:\s+\w+){0,3}?\s+(?:(?:have|has|had)\s+(?:(?:so\s+far|now|already)\s+)?been|were|"
                               r"was|are)\s+(?:\w+ly\s+)?identified\b", re.IGNORECASE)  # (passive: the dead named)
_EACH_AFTER = re.compile(r"\s+each\b", re.IGNORECASE)
# died in care: "two died during treatment", "Only 6 had died in hospitals"
_CARE = (r"\s+(?:in\s+(?:the\s+)?hospitals?|during\s+treatment|while\s+(?:being\s+treated|undergoing\s+treatment)|"
         r"(?:of|to)\s+(?:their\s+|his\s+|her\s+)?(?:injuries|wounds))\b")
_DIED_TREATED = re.compile(r"(?:\s+(?:had|have|has))?\s+(?:later\s+|since\s+)?(?:died|succumbed)" + _CARE,
                           re.IGNORECASE)
_TREATED = re.compile(_CARE, re.IGNORECASE)  # after a figure whose noun is the verb: "two died", "6 had died"
_DIED_END = re.compile(r"(?:died|succumbed)$")
_ONLY_BEFORE = re.compile(r"\bonly\s+$", re.IGNORECASE)
_OF_THE_GROUP = re.compile(r"[\"“‘']?(?:Of|Among)\s+(?:the|those|these)\s+(?:\d[\d,]*|[a-z-]+)\s+(?:\w+\s+){0,3}?"
                           r"(?:injured|wounded|hurt|people|persons|patients|victims|casualties)\b")
_AGENT_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:killed|killing|shot|stabbed|murdered|opened|attacked|wounded|injured|"
                          r"rammed|detonated|blew|stormed|fired)\b(?!\s+(?:himself|herself|themselves))",
                          re.IGNORECASE)
_FROM_NOUN_TO = re.compile(r"\bfrom\s+\d[\d,.]*\s+[a-z-]+\s+to\s+(?:about\s+|some\s+|nearly\s+)?$")
# people still in hospital, of all those hurt: "64 people were still hospitalized", "66 victims remained in eight
# hospitals", "23 people are still receiving critical hospital care"
_STILL_IN_HOSPITAL = re.compile(r"\s+(?:(?:were|are|was|is|remain(?:ed|s)?)\s+)?(?:still\s+)?(?:(?:in|being)\s+)?"
                                r"(?:hospitali[sz]ed|in\s+(?:the\s+)?hospitals?|remain(?:ed|s)?\s+in\s+(?:\w+\s+){0,2}"
                                r"hospitals?|(?:still\s+)?(?:receiving|getting)\s+(?:\w+\s+){0,2}(?:care|treatment))\b",
                                re.IGNORECASE)
_SOUGHT_TREATMENT = re.compile(r"\s+(?:have\s+|had\s+)?(?:sought|received|needed|required)\s+"
                               r"(?:medical\s+|hospital\s+)?(?:treatment|care|attention)\b", re.IGNORECASE)
_INCIDENT = re.compile(rf"\b(?:{INCIDENT_NOUNS})\b", re.IGNORECASE)  # (not "infected individuals sought treatment")
_OF_THE_DEAD = re.compile(r"[\"“‘']?(?:Of|Among)\s+(?:those|the)\s+(?:\d[\d,]*\s+)?(?:people\s+)?(?:killed|dead|"
                          r"victims|deceased|fatalities|who\s+(?:died|were\s+killed))\b")
# "All but one of the 242 people on board were killed", "Only one of the 242 passengers survived": the toll is the
# others
_ALL_BUT = re.compile(r"\b(?P<all>all\s+but|only|all\s+except)\s+(?P<k>one|two|three|four|five|\d+)\s+of\s+(?:the\s+|"
                      r"its\s+|their\s+)?(?P<n>\d[\d,]*)\b", re.IGNORECASE)
_SURVIVED_LATER = re.compile(r"[^.;]{0,80}?\bsurviv\w*", re.IGNORECASE)
_KILLED_LATER = re.compile(r"[^.;]{0,120}?\b(?:killed|died|dead|perished)\b", re.IGNORECASE)


def _all_but(sentence: str, out: list[Quantity]) -> None:
    """The toll of "All but one of the 242 people on board were killed" and "Only one of the 242 passengers
    survived while others were killed": the others (241), in place of the group's count."""
    for m in _ALL_BUT.finditer(sentence):
        only = not m.group("all").lower().startswith("all")
        if only and not (_SURVIVED_LATER.match(sentence, m.end()) and _KILLED_LATER.match(sentence, m.end())):
            continue
        if not only and not _KILLED_LATER.match(sentence, m.end()):
            continue
        k = parse_number(m.group("k")) or 0.0
        n = float(m.group("n").replace(",", ""))
        for i, q in enumerate(out):
            if q.unit == "person" and q.span[0] == m.start("n") and n > k:
                out[i] = Quantity((m.start(), q.span[1]), "killed", q.subject, n - k, n - k, False, unit="person")


def _changed_toll(sentence: str, s: int) -> str | None:
    """``"killed"``, ``"injured"`` or ``"missing"`` when the figure at ``s`` is what a toll named earlier in the
    sentence changed to ("The number of people killed in the attack has risen to 170", "the number of wounded rose
    to 107", "the missing figure rose to 139", "rose on Friday from 90 to 170": both figures): the last toll named
    before it says which; else None."""
    wide = sentence[max(0, s - 60) : s]
    if not (_TOLL_ROSE.search(wide) or CHANGED_FROM.search(wide) or CHANGED_TO_FROM.search(wide)):
        return None  # (the figure it changed from too: "rose on Friday from 90 to 170", "to 275 from 288")
    named = _last_match(_TOLL, sentence, 0, s)
    if named is None:
        return None
    if named.group("hurt") or named.group("hurt2"):
        return "injured"
    return "missing" if named.group("missing") or named.group("missing2") else "killed"


_OTHERS_AFTER = re.compile(r"\s+(?:\w+\s+)?others?\b")
_PARTS_CUE = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+which)\b")
_LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and)\s*")
# After a list of figures: its people are among a larger number ("two women and a child were among the dead")
_AMONG_AFTER = re.compile(r"[^.;]{0,40}?\b(?:among|including|included|of\s+(?:the|those))\b", re.IGNORECASE)
# ... and one more not counted in figures: "four police officers, two soldiers and a civilian"
_MORE_LISTED = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:an?|another|the|his|her|their)\s+\w", re.IGNORECASE)
_LISTED_MEASURES = frozenset({"killed", "injured", "missing", "arrested", "abducted", "evacuated", "displaced"})


def _list_totals(sentence: str, out: list[Quantity]) -> None:
    """A list of counts of different people hurt alike, with no total of its own ("killing the 10 US citizens and
    two local crew members", "bodies of two women and one child"): the people of the list in all, a total the list
    is part of, added to ``out`` (its span the list's). Not for people said to be among others."""
    k = 0
    while k < len(out):
        first = out[k]
        j = k
        while j + 1 < len(out) and _listed_after(sentence, out[j], out[j + 1], first.measure):
            j += 1
        if j > k:
            run = out[k : j + 1]
            if len({q.subject for q in run}) == len(run) and not _AMONG_AFTER.match(sentence, run[-1].span[1]) \
                    and not _MORE_LISTED.match(sentence, run[-1].span[1]) \
                    and all(q.low is not None and q.low == q.high for q in run):
                total = float(sum(q.low or 0 for q in run))
                out.append(Quantity((first.span[0], run[-1].span[1]), first.measure, "people", total, total,
                                    any(q.approx for q in run), unit="person"))
                for n in range(k, j + 1):
                    out[n] = dataclasses.replace(out[n], part_of=len(out) - 1)
        k = j + 1


def _listed_after(sentence: str, a: Quantity, b: Quantity, measure: str) -> bool:
    """``b`` follows ``a`` in one list of counts of people of ``measure``, neither part of another total."""
    return (a.unit == b.unit == "person" and a.measure == b.measure == measure and measure in _LISTED_MEASURES
            and a.part_of is None and b.part_of is None and not a.negated and not b.negated and not a.vague
            and not b.vague and _LIST_JOIN.fullmatch(sentence, a.span[1], b.span[0]) is not None)


# Words each pattern cannot match without (lower-case, looked for in the case-folded sentence): most
# sentences hold none, and the patterns are not run over them.
_NEGATION_CUES = ("killed", "injured", "hurt", "wounded", "missing", "harmed", "death", "casualties", "injuries",
                  "fatalit", "casualty")
_SHARE_CUES = ("half", "third", "quarter")
_VICTIM_CUES = ("killed", "dead", "death", "injured", "wounded", "hurt", "died", "fatally")  # the victim verbs
_ARREST_CUES = ("arrest", "detain", "custody")
# every word above in one search (a sentence without a number needs one to make a claim)
_WORD_CUE = re.compile(word_alternation(sorted({*_NEGATION_CUES, *_SHARE_CUES, *_VICTIM_CUES, *_ARREST_CUES})))


_BRINGING = re.compile(rf"\b{TAKE_TO_VERBS}\b"
                       r"[^.;\d]{0,60}$", re.IGNORECASE)
_WITH_ATTACKER = re.compile(r"[^.;]{0,30}?,?\s+including\s+the\s+(?:\w+\s+)?(?:shooter|gunman|attacker|assailant|"
                            r"suspect|bomber|perpetrator|killer)\b", re.IGNORECASE)
_AND_CREW = re.compile(r"\s+and\s+(?:the\s+)?crew(?:\s*members|men)?\b", re.IGNORECASE)
_BY_DELTA = re.compile(rf"\b(?:{CHANGE_VERBS}|lowered|raised|increased|decreased|reduced|cut|revised)\b[^.;\d]{{0,50}}?"
                       rf"\bby\s+(?:another\s+|a\s+further\s+)?(?:{COUNT_QUALIFIER}\s+)?$", re.IGNORECASE)
# "six are injured and 71 died for a total of 77 people": the people counted, hurt and dead, not a toll
_TOTAL_OF_ALL = re.compile(r"\b(?:for|making|bringing|with)\s+a\s+total\s+of\s+$", re.IGNORECASE)


def _total_of_all(sentence: str, out: list[Quantity]) -> None:
    measures = {q.measure for q in out if q.unit == "person" and not q.negated}
    if not {"killed", "injured"} <= measures:
        return
    for i, q in enumerate(out):
        if q.measure in ("killed", "injured") and _TOTAL_OF_ALL.search(sentence, max(0, q.span[0] - 30), q.span[0]):
            out[i] = replace(q, measure="count")


def quantities(sentence: str) -> list[Quantity]:
    """Count claims and distances in one sentence; spans are into ``sentence``."""
    out: list[Quantity] = []
    folded = fold(sentence)
    cue = first_cue(folded)  # numbers(sentence), with the folded sentence at hand
    if cue is None and not _WORD_CUE.search(folded):
        return out  # most sentences: no number, and none of the words the other patterns need
    negation = "no" in folded and any(w in folded for w in _NEGATION_CUES)
    for m in _NEGATED.finditer(sentence) if negation else ():
        noun = (m.group("n") or m.group("n2") or m.group("n3") or "").lower()
        measure = "killed" if noun.startswith(("death", "fatalit")) else "injured"
        if m.group("m"):
            w = m.group("m").lower()
            measure = "killed" if w == "killed" else "missing" if w == "missing" else "injured"
        out.append(Quantity(m.span(), measure, "people", 0, 0, negated=True))
    for m in _SHARE.finditer(sentence) if any(w in folded for w in _SHARE_CUES) else ():
        q = m.group("q")
        v = _FRACTION_WORDS[_WORD_SEPARATOR.sub(" ", fold(m.group("f")))]
        low, high, approx = _bounds(q, NumberMention(m.span("f"), m.group("f"), v, v))
        if q and q.lower().split()[0] in ("more", "over"):
            low = v  # "more than half": strictly above the fraction; the bound is the fraction itself
        noun = m.group("n").lower()
        out.append(
            Quantity(m.span(), _measure(sentence, m.start(), m.end()) or "count", noun, low, high, approx, unit="share")
        )
    last_total: int | None = None
    last_load: int | None = None  # the figure (its index in ``out``) last read as people on board
    negated = [q.span for q in out]
    covered = 0
    # one is in every match of _TOLL_BEFORE and _TOLL
    toll_words = _TOLL_HINT.search(sentence) is not None
    for n in mentions(sentence, scan_start(folded, cue), len(sentence)) if cue is not None else ():
        s, e = n.span
        if s < covered or any(a <= s < b for a, b in negated):
            continue
        if (n.low is not None and n.low < 0) or (n.high is not None and n.high < 0):
            continue  # nothing crosswire counts or measures is negative: "crash -12 people died" is a dash
        before = sentence[max(0, s - 30) : s]
        after = sentence[e : e + 40]
        if _NO_COUNT_AFTER.match(after):
            continue
        q = _qualifier(before)  # "at least", "nearly"... written before the figure (read once)
        ex = _EXCLUDE_BEFORE.search(before) if _may_exclude(before) else None
        if not n.vague and ex and not q:
            word_start = s - len(before) + ex.start()
            opened = sentence[:word_start].rstrip()
            if (opened and not opened.endswith(_CLAUSE_OPENERS)) or not before[ex.start() :].strip()[:1].isalpha():
                continue  # "Base 46", "No. 5", "$5" (a capitalised first word of the sentence is fine, or of what
                # follows a dateline: "KERRVILLE, Texas — Just three people remained missing")
        if _CLOCK_AFTER.match(after):
            continue
        if n.text.lower() == "one" and (_OF_AFTER.match(after) or (
                _PRONOUN_ONE_BEFORE.search(before) and _PRONOUN_ONE_AFTER.match(after))):
            continue  # "one of them"; "a more powerful one killed 61 people": no figure
        is_year = not n.vague and n.low is not None and n.low == n.high and "," not in n.text and (
            1900 <= n.low <= 2099 or (1000 <= n.low < 1900 and _YEAR_BEFORE.search(before) is not None))  # "in 1883"
        unit_m = _UNIT_AFTER.match(after)
        if unit_m and unit_m.group(1).lower() in _DIST_UNITS and not n.vague and (
                _SIZE_AFTER.match(after, unit_m.end()) or (_DIST_UNITS[unit_m.group(1).lower()] in _SMALL_UNITS
                                                          and _AMOUNT_AFTER.match(after, unit_m.end()))):
            size = _SIZE_AFTER.match(after, unit_m.end())
            covered = e + (size.end() if size else unit_m.end())
            conv = _CONVERSION.match(sentence, covered)
            covered = conv.end() if conv else covered
            continue  # "an 80-foot-long room", "a 9 mm handgun", "6 inches of pipe": a size
        if unit_m and unit_m.group(1).lower() in _DIST_UNITS and not n.vague and _SIZE_BEFORE.search(
                sentence, max(0, s - 40), s):
            covered = e + unit_m.end()
            continue  # "flooded to a depth of more than two metres": a size
        if unit_m and unit_m.group(1).lower() in _DIST_UNITS and _PER_TIME.match(after, unit_m.end()):
            covered = e + unit_m.end()
            continue  # "40 miles per hour", "100 km/h": a speed
        if unit_m and unit_m.group(1).lower() in _DIST_UNITS and not n.vague:
            unit = _DIST_UNITS[unit_m.group(1).lower()]
            low, high, approx = _bounds(q.group("q") if q else None, n)
            factor = _to_km(unit)
            unit = _SHORT_UNIT.get(unit, unit)
            start = s - len(q.group(0)) if q else s
            end = e + unit_m.end()
            conv = _CONVERTED.match(sentence, end)
            if conv:
                end = conv.end()
            out.append(
                Quantity(
                    (start, end),
                    "distance",
                    "distance",
                    None if low is None else round(low * factor, 3),
                    None if high is None else round(high * factor, 3),
                    approx,
                    unit="km",
                    original_unit=unit,
                    original_value=n.low,
                )
            )
            covered = end
            continue
        if _PROJECTED.search(sentence, max(0, s - 60), s):
            continue  # "the toll could reach 20,000": a forecast (not "a wall that would rise 30 feet", above)
        load = False
        found = _subject_after(sentence, e)
        whole = _OF_WHOLE.match(sentence, e) if found is None and not n.vague and after[:4] == " of " else None
        if whole is not None and (group := _subject_after(sentence, whole.end())) is not None and group[1] == "person":
            # "killed at least 28 of its 181 passengers", "179 of the 181 people on board": the toll is the first
            # figure, counting the group's people; the second is how many there were (no toll)
            measure = _measure(sentence, s, e) or "count"
            if measure in HUMAN_TOLLS:
                low, high, approx = _bounds(q.group("q") if q else None, n)
                listed = sentence.startswith(" and ", group[2])  # "of its 181 passengers and crew": everyone
                out.append(Quantity((s - len(q.group(0)) if q else s, e), measure, "people" if listed else group[0],
                                    low, high, approx, unit="person"))
                last_total = len(out) - 1
                covered = group[2]
                continue
        if found is None and not n.vague and not is_year and _governing(sentence, folded, s) and \
                _BARE_END.match(after):
            found = ("people", "person", e, "")  # "killing six and wounding 120": the people are implied
        if found is None and out and (ranged := _FROM_NOUN_TO.search(before)) is not None and \
                out[-1].span[1] >= s - len(ranged.group(0)) and out[-1].unit == "person":
            # "estimates of the toll, from 120 wounded to 140": the second is of the first's kind
            prev = out[-1]
            low, high, approx = _bounds(q.group("q") if q else None, n)
            out.append(Quantity((s - len(q.group(0)) if q else s, e), prev.measure, prev.subject, low, high,
                                approx, n.vague, unit=prev.unit))
            continue
        if found is None:
            named = _changed_toll(sentence, s) if toll_words else None
            if named is None and _SET_TO.search(before):
                named = _set_toll(sentence, s)
            toll = (toll_words and _TOLL_BEFORE.search(before) and not _COMPOUND_AFTER.match(after)) or \
                named == "killed"
            hurt = None if toll else (named == "injured" or (toll_words and _HURT_NUMBER_BEFORE.search(before)))
            if (toll or hurt or named == "missing") and not is_year:
                subject, unit, noun_end, noun = "people", "person", e, ""
                # "the number of injured rose to 934", "the missing figure rose to 139"
                measure = "killed" if toll else "injured" if hurt else "missing"
            else:
                continue
        else:
            subject, unit, noun_end, noun = found
            if is_year and (_YEAR_BEFORE.search(before) or not q):
                continue  # "in 2015 attacks", "2016 Cubs": a year, not a count
            measure = _measure(sentence, s, noun_end, n.vague) or "count"
            apposed = _APPOSED_PREDICATE.match(sentence, noun_end) if unit == "person" else None
            if apposed:
                measure = _PREDICATE_MEASURE[fold(apposed.group(1))]
            if noun in _DEATH_NOUNS:
                measure = "killed"
            elif noun in ("wounded", "injured"):
                measure = "injured"
            elif noun in ("drowned", "died") and measure not in ("killed", "missing"):
                measure = "killed"
            if noun in ("lives", "life") and not _LIVES_LOST.search(sentence, max(0, s - 40), noun_end + 30):
                continue  # "shattered more than 100 lives", "saved 20 lives": not a toll
            if noun == "bodies" and not _BODIES_DEAD.search(sentence):
                continue  # "legislative bodies"
            if measure == "count" and unit == "person" and _STRUCK.search(sentence, max(0, s - 40), s) \
                    and _GUNFIRE.search(sentence):
                measure = "injured"
            if subject == "attackers" and measure in ("killed", "injured") and _AGENT_AFTER.match(sentence, noun_end):
                measure = "count"  # "At least one gunman killed 49 people": the attacker did it, no victim
            if noun == "bodies" and _SEEN.search(sentence, max(0, s - 40), s):
                subject = "bodies seen by witnesses"  # an eyewitness's count is a part of the toll
            if (measure == "killed" or noun in ("victims", "bodies")) and unit == "person" and (
                    _IDENTIFIED_BEFORE.search(sentence, max(0, s - 40), s)
                    or _IDENTIFIED_AFTER.match(sentence, noun_end)):
                measure, subject = "killed", "bodies identified"  # how far identification has got: no toll
            if measure in HUMAN_TOLLS and _EACH_AFTER.match(sentence, noun_end):
                continue  # "Nakuru and Mombasa reported 3 deaths each": a share of each place, no count of all
            if measure == "killed" and unit == "person" and (_DIED_TREATED.match(sentence, noun_end) or (
                    _DIED_END.search(sentence, s, noun_end) and _TREATED.match(sentence, noun_end))) and (
                    _ONLY_BEFORE.search(sentence, max(0, s - 20), s) or _OF_THE_GROUP.match(sentence)):
                subject = "died in hospital"  # "Of the 71 injured admitted ..., two died during treatment"
            if unit not in ("person", "family") and measure in ("killed", "injured", "missing", "abducted",
                                                                  "arrested"):
                measure = "count"  # "two city hospitals", "two subway trains": things are not hurt
            told = _SOURCE_AFTER.match(sentence, noun_end) if unit == "person" else None
            if (told and (told.group("briefed") or (measure == "count" and noun in _INFORMANTS))) or (
                    unit == "person" and measure == "count" and (according := _ACCORDING_BEFORE.search(
                        sentence, max(0, s - 40), s)) and (according.group(1) or noun in _INFORMANTS)):
                continue  # "two people briefed on the matter", "according to two officials": who told it
            if unit == "person":
                hospital = _in_hospital(sentence, s, noun_end)
                measure = _person_measure(sentence, folded, s, noun_end, measure, noun, hospital)
                if (read := reading(sentence, s, noun_end, noun, measure, hospital)) is not None:
                    measure, subject, load = read.measure, read.subject or subject, read.load
                elif noun == "rescued":
                    measure = "count"  # "274 died and 363 were rescued": the rescued are no toll
                elif last_load is not None and last_load == len(out) - 1 and _LIST_JOIN.fullmatch(
                        sentence, out[-1].span[1], s - len(q.group(0)) if q else s):
                    measure, load = "count", True  # "carrying 175 passengers and six crew members": all on board
                if measure == "count" and subject == "people" and _SOUGHT_TREATMENT.match(sentence, noun_end) and \
                        _INCIDENT.search(sentence):
                    measure = "injured"  # "119 people sought medical treatment ... after the suicide attack"
                if measure in ("injured", "count") and subject == "people" and _STILL_IN_HOSPITAL.match(
                        sentence, noun_end):
                    measure, subject = "injured", "people still in hospital"  # a part: the rest went home
                if measure == "injured" and subject == "people":
                    subject = _severity(sentence, s, noun_end) or subject
                    if _NAMED_HOSPITAL.search(sentence[s : noun_end + 80]) or _HOSPITAL_SAID.search(
                            sentence, max(0, s - 80), s):
                        subject = "people" + _AT_ONE_HOSPITAL  # one hospital's count is a part of the injured
        if any(v is not None and abs(v - round(v)) > 1e-6 * max(1.0, abs(v)) for v in (n.low, n.high)):
            continue  # "Mexico's 7.1 earthquake", "a 2.5 percent rise": a magnitude or a rate, not a count
        low, high, approx = _bounds(q.group("q") if q else None, n)
        start = s - len(q.group(0)) if q else s
        one = _ONE_BEFORE.search(sentence, max(0, start - 60), start) if unit == "person" and not n.vague else None
        if one and _OTHERS_AFTER.match(sentence[e:e + 20]) \
                and human_subject(one.group(0).split()[0].strip(",")) is None:
            # "the deaths of Ambassador Stevens and three other Americans": four in all ("Police and 20
            # others" are more than one)
            low, high = (None if low is None else low + 1), (None if high is None else high + 1)
            start = one.start()
        if measure == "count" and unit == "person" and out and out[-1].unit == "person" and out[-1].measure not in (
                "count", "distance") and not out[-1].negated and noun != "rescued" and _LIST_JOIN.fullmatch(
                sentence, out[-1].span[1], start):
            measure = out[-1].measure  # "bodies of two women and one child": the child's body too
        part_of = None
        if load or noun == "rescued":
            pass  # the people on board, the rescued: no part of a toll
        elif last_total is not None and last_total != last_load and (out[last_total].unit == "person") == (
                unit == "person") and _PARTS_CUE.search(sentence[out[last_total].span[1] : start]):
            # (not of the people on board: "carrying 175 passengers and six crew members, of which 179 died")
            part_of = last_total
        elif (
            out
            and out[-1].part_of is not None
            and _LIST_JOIN.fullmatch(sentence, out[-1].span[1], start)
        ):
            part_of = out[-1].part_of
        if part_of is not None and out[part_of].subject.endswith(_AT_ONE_HOSPITAL) and unit == "person" \
                and not subject.endswith(_AT_ONE_HOSPITAL):
            subject += _AT_ONE_HOSPITAL  # "the hospital said 20 ..., of which four are seriously injured": its four
        out.append(
            Quantity(
                (start, max(noun_end, e)), measure, subject, low, high, approx, n.vague, unit=unit, part_of=part_of
            )
        )
        if part_of is None:
            last_total = len(out) - 1
        if load:
            last_load = len(out) - 1
        if part_of is not None and out[part_of].measure != "count" and measure == "count":
            out[-1] = Quantity(
                out[-1].span, out[part_of].measure, subject, low, high, approx, n.vague, unit=unit, part_of=part_of
            )
    if " by " in sentence:  # "the toll rose by 12 overnight to 160", "lowered the death toll by four": a change,
        out = [q for q in out if q.unit != "person" or not _BY_DELTA.search(sentence, max(0, q.span[0] - 70),
                                                                             q.span[0])]  # no count of people
    if "total of" in sentence:
        _total_of_all(sentence, out)
    for i, q in enumerate(out):
        if q.unit != "person":
            continue
        if q.low is None and q.high is not None and sentence[q.span[0] : q.span[0] + 5].lower() == "up to" and \
                _BRINGING.search(sentence, max(0, q.span[0] - 80), q.span[0]):
            out[i] = q = replace(q, low=q.high)  # "bringing the total fatalities ... up to 22": 22 now, no bound
        if q.subject == "passengers" and _AND_CREW.match(sentence, q.span[1]):
            out[i] = q = replace(q, subject="people")  # "all 157 passengers and crewmembers": everyone on board
        if q.measure == "killed" and _WITH_ATTACKER.match(sentence, q.span[1]):
            out[i] = replace(q, subject="people with the attacker")  # "seven people, including the shooter": the
            # victims and the one who killed them, no count of the victims
    _list_totals(sentence, out)
    if "but" in sentence or "nly" in sentence:
        _all_but(sentence, out)
    if (dead := _OF_THE_DEAD.match(sentence)) is not None:
        for i, q in enumerate(out):  # "Of those killed, four people ... died in Chooralmala": a part of the toll
            if q.measure == "killed" and q.span[0] >= dead.end() and q.subject in ("people", "persons"):
                out[i] = replace(q, subject="people among the dead")
    if any(w in folded for w in _ARREST_CUES) and not any(
            q.measure == "arrested" for q in out):
        out.extend(_one_arrested(sentence, [q.span for q in out]))
    toll = any(q.measure in ("killed", "injured") for q in out)
    if not toll and not any(w in sentence for w in _VICTIM_CUES):
        return out  # nothing for _HYPOTHETICAL to drop, no described victim to add
    if _HYPOTHETICAL.search(sentence):  # "thousands of people would die": not a toll
        out = [q for q in out if q.measure not in ("killed", "injured") or q.negated]
    elif not toll:
        out.extend(_individuals(sentence, [q.span for q in out]))
    return out
