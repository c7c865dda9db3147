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
``family``, ``attack``, ``home``); distances are converted to ``km`` with pint.
Not counts: years (1900-2099 not followed by a noun), ordinals, identifiers ("Base 46",
"M5"), times, ages ("45-year-old"), percentages, money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import NumberMention, numbers

_HUMAN = {
    "people": "people",
    "persons": "people",
    "individuals": "people",
    "person": "people",
    "lives": "people",
    "deaths": "people",
    "fatalities": "people",
    "casualties": "people",
    "dead": "people",
    "victims": "people",
    "bodies": "people",
    "residents": "people",
    "migrants": "migrants",
    "refugees": "refugees",
    "civilians": "civilians",
    "combatants": "combatants",
    "fighters": "combatants",
    "rebels": "rebels",
    "militants": "militants",
    "insurgents": "rebels",
    "soldiers": "soldiers",
    "troops": "soldiers",
    "children": "children",
    "women": "women",
    "men": "men",
    "officers": "police officers",
    "policemen": "police officers",
    "police": "police officers",
    "students": "students",
    "protesters": "protesters",
    "passengers": "passengers",
    "workers": "workers",
    "journalists": "journalists",
    "americans": "americans",
    "wounded": "people",
    "injured": "people",
    "others": "people",
    "adults": "people",
    "families": "families",
    "family": "families",
    "crew": "crew",
}
_UNIT_OF = {"families": "family"}
_ADJ_SUBJECT = {"civilian": "civilians", "combatant": "combatants", "military": "soldiers", "rebel": "rebels"}
_NOUN = re.compile(r"\s+(?:of\s+)?(?:(?:the|those|them|whom|which)\s+)?((?:[A-Za-z'-]+\s+){0,2}?)([A-Za-z]+)\b")
_NOUN_1 = re.compile(r"\s+(?:of\s+)?(?:(?:the|those)\s+)?((?:[A-Za-z'-]+\s+){1})([A-Za-z]+)\b")
_NOUN_2 = re.compile(r"\s+(?:of\s+)?(?:(?:the|those)\s+)?((?:[A-Za-z'-]+\s+){2})([A-Za-z]+)\b")
_MEASURE_WORDS = [
    ("killed", r"kill\w*|dead|deaths?|died|die|fatalit\w+|lives|death\s+toll|toll|slain|perished|massacred"),
    ("injured", r"injur\w*|wound\w*|hurt|casualt\w+"),
    ("displaced", r"displac\w*|fled|flee\w*|homeless|uprooted"),
    ("missing", r"missing|unaccounted"),
    ("arrested", r"arrest\w*|detain\w*|held"),
    ("captured", r"captur\w*|seiz\w*|took\s+control|taken|control\s+of|overran|overtaken"),
    ("evacuated", r"evacuat\w*"),
    ("destroyed", r"destroy\w*|damag\w*|flatten\w*"),
    ("affected", r"affected"),
    ("attacks", r"attacks?|strikes?|airstrikes?|raids?|shelling"),
]
_MEASURE_RE = [(m, re.compile(rf"\b(?:{w})\b", re.IGNORECASE)) for m, w in _MEASURE_WORDS]
_QUAL = re.compile(
    r"(?P<q>at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|more\s+than|over|in\s+excess\s+of"
    r"|upwards\s+of|nearly|almost|up\s+to|as\s+many\s+as|close\s+to|approximately|roughly|about|around|some"
    r"|an\s+estimated|estimated|just\s+under|fewer\s+than|less\s+than|under|only|at\s+most)\s+$",
    re.IGNORECASE,
)
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
_NOT_SUBJECT = frozenset(
    [
        "of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "by", "for", "from", "with", "years", "year",
        "percent", "per", "cent", "am", "pm", "a.m", "p.m", "dollars", "euros", "pounds", "times", "hours",
        "days", "weeks", "months", "minutes", "seconds", "year-old"
    ]
)
_EXCLUDE_BEFORE = re.compile(r"(?:[A-Z][\w-]*|[$£€#]|No\.|number)\s*$")
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|of|by|until|till|from|between|and|to|early|late|mid|spring|summer|"
    r"autumn|winter|january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\s+$",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?P<t>(?:no\s+one|nobody|no\s+(?:one\s+)?(?:was|were)?)\s*(?:was\s+|were\s+|had\s+been\s+)?"
    r"(?P<m>killed|injured|hurt|wounded|missing|harmed)"
    r"|no\s+(?P<n>deaths|casualties|injuries|fatalities))\b",
    re.IGNORECASE,
)


_FRACTION_WORDS = {
    "half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "three quarters": 0.75,
    "three-quarters": 0.75,
}
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


@lru_cache(maxsize=32)
def _to_km(unit: str) -> float:
    """Kilometres in one ``unit`` (a pint unit name), cached."""
    reg = _registry()
    return float((1 * reg(unit)).to(reg.kilometer).magnitude)


@lru_cache(maxsize=1)
def _registry():  # type: ignore[no-untyped-def]
    import pint

    return pint.UnitRegistry()


def _bounds(q: str | None, n: NumberMention) -> tuple[float | None, float | None, bool]:
    low, high = n.low, n.high
    if n.vague or n.range or q is None:
        return low, high, False
    q = re.sub(r"\s+", " ", q.lower())
    v = n.low
    assert v is not None
    step = 1 if float(v).is_integer() and v >= 1 else 0
    if q in ("at least", "no fewer than", "no less than", "a minimum of"):
        return v, None, False
    if q in ("more than", "over", "in excess of", "upwards of"):
        return v + step, None, False
    if q in ("nearly", "almost", "up to", "as many as", "close to", "just under", "at most"):
        return None, v, q not in ("up to", "at most", "as many as")
    if q in ("fewer than", "less than", "under"):
        return None, v - step, False
    if q == "only":
        return v, v, False
    return v, v, True


def _measure(sentence: str, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for m, rx in _MEASURE_RE:
        for hit in rx.finditer(sentence, max(0, start - 60), min(len(sentence), end + 60)):
            d = hit.start() - end if hit.start() >= end else start - hit.end()
            d = d if hit.start() >= end else d + 5  # prefer words after the number
            if best is None or d < best[0]:
                best = (d, m)
    return best[1] if best else None


def quantities(sentence: str) -> list[Quantity]:
    """Count claims and distances in one sentence; spans are into ``sentence``."""
    out: list[Quantity] = []
    for m in _NEGATED.finditer(sentence):
        measure = "killed" if (m.group("n") or "").lower() in ("deaths", "fatalities") else "injured"
        if m.group("m"):
            w = m.group("m").lower()
            measure = "killed" if w == "killed" else "missing" if w == "missing" else "injured"
        out.append(Quantity(m.span(), measure, "people", 0, 0, negated=True))
    for m in _SHARE.finditer(sentence):
        q = m.group("q")
        v = _FRACTION_WORDS[m.group("f").lower()]
        low, high, approx = _bounds(q, NumberMention(m.span("f"), m.group("f"), v, v))
        if q and q.lower().split()[0] in ("more", "over"):
            low = v  # "more than half": strictly above the fraction; the bound is the fraction itself
        noun = m.group("n").lower()
        out.append(
            Quantity(m.span(), _measure(sentence, m.start(), m.end()) or "count", noun, low, high, approx, unit="share")
        )
    last_total: int | None = None
    negated = [q.span for q in out]
    covered = 0
    for n in numbers(sentence):
        s, e = n.span
        if s < covered or any(a <= s < b for a, b in negated):
            continue
        before = sentence[max(0, s - 30) : s]
        after = sentence[e : e + 40]
        if re.match(r"(?:st|nd|rd|th)\b|[:%]|-year|\s*(?:percent|per\s*cent|%|years?\s+old|o'clock)", after):
            continue
        ex = _EXCLUDE_BEFORE.search(before)
        if not n.vague and ex and not _QUAL.search(before):
            word_start = s - len(before) + ex.start()
            if sentence[:word_start].strip() or not before[ex.start() :].strip()[:1].isalpha():
                continue  # "Base 46", "No. 5", "$5" (a capitalised first word of the sentence is fine)
        if re.match(r"\s*(?:a\.m|p\.m|am|pm)\b", after, re.IGNORECASE):
            continue
        if n.text.lower() in ("one",) and re.match(r"\s+of\b", after):
            continue
        is_year = not n.vague and n.low is not None and 1900 <= n.low <= 2099 and n.low == n.high and "," not in n.text
        unit_m = re.match(r"(?:\s*|-)([A-Za-z]+)\b", after)
        if unit_m and unit_m.group(1).lower() in _DIST_UNITS and not n.vague:
            unit = _DIST_UNITS[unit_m.group(1).lower()]
            q = _QUAL.search(sentence[max(0, s - 30) : s])
            low, high, approx = _bounds(q.group("q") if q else None, n)
            factor = _to_km(unit)
            unit = _SHORT_UNIT.get(unit, unit)
            start = s - len(q.group(0)) if q else s
            end = e + unit_m.end()
            conv = re.match(r"\s*\(\s*[\d.,]+\s*[A-Za-z]+\s*\)", sentence[end:])
            if conv:
                end += conv.end()
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
        nm = _NOUN.match(sentence, e)
        for alt in (_NOUN_1, _NOUN_2):
            if nm and nm.group(2).lower() not in _HUMAN:
                m2 = alt.match(sentence, e)
                if m2 and m2.group(2).lower() in _HUMAN:
                    nm = m2
        subject = None
        noun_end = e
        if nm:
            noun = nm.group(2).lower()
            mods = nm.group(1).lower().split()
            if noun in _HUMAN:
                subject = _HUMAN[noun]
                for mod in mods:
                    if mod in _ADJ_SUBJECT and noun in ("lives", "deaths", "fatalities", "casualties", "dead"):
                        subject = _ADJ_SUBJECT[mod]
                    elif mod.rstrip("s") + "s" in _HUMAN and _HUMAN[mod.rstrip("s") + "s"] != "people":
                        subject = _HUMAN[mod.rstrip("s") + "s"]
                noun_end = nm.end()
            elif noun in _ADJ_SUBJECT and not mods:
                nxt = re.match(r"\s+([a-z]+)", sentence[nm.end() :])
                if nxt and nxt.group(1) in _HUMAN:
                    subject = _ADJ_SUBJECT[noun]
                    noun_end = nm.end() + nxt.end()
            elif noun.endswith("s") and noun not in _NOT_SUBJECT and len(noun) > 3 and not mods:
                subject = noun
                noun_end = nm.end()
        if subject is None:
            toll = re.search(r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths))\b[^.;]{0,30}?$", before)
            if toll and not is_year:
                subject = "people"
                measure = "killed"
            else:
                continue
        else:
            if is_year and n.text.isdigit() and _YEAR_BEFORE.search(before):
                continue
            measure = _measure(sentence, s, noun_end) or "count"
            if nm and nm.group(2).lower() in ("deaths", "fatalities", "lives", "dead", "bodies"):
                measure = "killed"
            if nm and nm.group(2).lower() in ("wounded", "injured"):
                measure = "injured"
        q = _QUAL.search(sentence[max(0, s - 30) : s])
        low, high, approx = _bounds(q.group("q") if q else None, n)
        start = s - len(q.group(0)) if q else s
        unit = "person" if subject in _HUMAN.values() and subject != "families" else _singular(subject)
        if subject == "families":
            unit = "family"
        part_of = None
        if last_total is not None and re.search(
            r"\b(?:including|among\s+them|of\s+whom|of\s+which)\b", sentence[out[last_total].span[1] : start]
        ):
            part_of = last_total
        elif (
            out
            and out[-1].part_of is not None
            and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", sentence[out[-1].span[1] : start])
        ):
            part_of = out[-1].part_of
        out.append(
            Quantity(
                (start, max(noun_end, e)), measure, subject, low, high, approx, n.vague, unit=unit, part_of=part_of
            )
        )
        if part_of is None:
            last_total = len(out) - 1
        if part_of is not None and out[part_of].measure != "count" and measure == "count":
            out[-1] = Quantity(
                out[-1].span, out[part_of].measure, subject, low, high, approx, n.vague, unit=unit, part_of=part_of
            )
    return out


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun
