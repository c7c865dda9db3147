"""Is a count of people a count of casualties? Reports number people who are no toll beside those who are.

:func:`reading` corrects the measure a count of people took from the words near it (see
:mod:`.quantities`) when the sentence says what the people are:

- **people on board** (a vehicle's load) are no toll: "a coach carrying about 50 passengers", "a plane with 60
  passengers and four crew", "80 people were aboard"; unless the figure's own verb makes them casualties ("all
  75 people on board were killed", "killing all 75 on board");
- **survivors** are no toll: "three sailors survived", "rescuers pulled 11 survivors from the rubble" (unless
  they are hurt: survivors taken to hospital are injured);
- **the dead taken somewhere** are dead: "the remains of 14 people were flown to the hospital" is a toll of 14
  killed, not 14 injured;
- **casualties of whom some died** are the dead and the hurt together: "12 wounded were taken to hospital,
  three of whom died" counts neither the injured (nine of them are) nor the killed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocab import COUNT_QUALIFIER

__all__ = ["Reading", "reading"]

_QUAL = rf"(?:{COUNT_QUALIFIER}\s+)?"
_VEHICLE = (r"(?:bus|minibus|coach|train|plane|jet|airliner|aircraft|flight|helicopter|chopper|boat|ship|ferry|"
            r"vessel|dinghy|raft|canoe|yacht|trawler|truck|lorry|van|car|vehicle|tram|carriage)e?s?")
# "carrying 35", "a plane with 60", "the ferry had 300": what comes after is the load
_CARRIED_BEFORE = re.compile(rf"\b(?:carrying|carried|ferrying|ferried|transporting|packed\s+with|crammed\s+with|"
                             rf"overloaded\s+with)\s+{_QUAL}$", re.IGNORECASE)
_WITH_BEFORE = re.compile(rf"\b(?:with|had|has|held)\s+{_QUAL}$", re.IGNORECASE)
_VEHICLE_BEFORE = re.compile(rf"\b{_VEHICLE}\b", re.IGNORECASE)
_LOAD_NOUNS = frozenset({"passengers", "passenger", "crew", "crewmembers", "crewmen"})
_ABOARD_AFTER = re.compile(r"\s+(?:(?:who\s+)?(?:were|was|are|is)\s+)?(?:on\s+board|aboard|onboard)\b", re.IGNORECASE)
# the figure's own verb makes them casualties: "(on board) were killed", "all 75 ... died"
_CASUALTY_AFTER = re.compile(r"(?:\s+(?:on\s+board|aboard|onboard|inside))?,?\s+(?:who\s+)?(?:(?:were|was|are|have|"
                             r"has|had|remain|remained|remains)\s+)?(?:all\s+|still\s+)?(?:been\s+)?(?:\w+ly\s+)?"
                             r"(?:killed|dead|died|perished|drowned|injured|hurt|wounded|missing|unaccounted)\b",
                             re.IGNORECASE)  # ("with 56 passengers still missing": no load, the missing)
# a verb of harm right before: "killing 150 on board", "injuring 30 passengers"
_HARMED_BEFORE = re.compile(rf"\b(?:killing|killed|kills|injuring|injured|wounding|wounded)\s+{_QUAL}$", re.IGNORECASE)
_ALL_BEFORE = re.compile(rf"\b(?:all|everyone|each)\s+(?:of\s+)?(?:the\s+)?{_QUAL}$", re.IGNORECASE)
_SURVIVED_AFTER = re.compile(r"\s+(?:(?:have|has|had|were|was|are|is)\s+)?(?:(?:all|both)\s+)?(?:\w+ly\s+)?"
                             r"(?:survived?|survives|escaped|unhurt|unharmed|uninjured|unscathed|rescued\s+alive|"
                             r"pulled\s+(?:out\s+)?alive|found\s+alive|made\s+it\s+out)\b", re.IGNORECASE)
_SURVIVORS = frozenset({"survivors", "survivor"})
_BODIES_BEFORE = re.compile(rf"\b(?:bodies|corpses|remains)\s+of\s+(?:the\s+)?(?:another\s+|a\s+further\s+)?{_QUAL}$",
                            re.IGNORECASE)
# "..., three of whom died", "..., where three later died": some of the people counted died
_SOME_DIED = re.compile(r"[^.;]{0,80}?,\s*(?:[\w-]+\s+){1,2}(?:of\s+(?:whom|them)|of\s+those)\s+(?:later\s+|"
                        r"subsequently\s+|have\s+since\s+|have\s+|had\s+)?(?:died|succumbed|perished|were\s+"
                        r"(?:pronounced|declared)\s+dead)\b|[^.;]{0,80}?,\s*where\s+(?:[\w-]+\s+){1,2}(?:later\s+|"
                        r"subsequently\s+)?(?:died|succumbed)\b", re.IGNORECASE)
_MISSING_AFTER = re.compile(r"\s+(?:who\s+|still\s+)?(?:(?:are|were|remain|remained|have\s+been|had\s+been)\s+)?"
                            r"(?:still\s+)?(?:reported\s+|listed\s+as\s+)?(?:missing|unaccounted)\b", re.IGNORECASE)
_CASUALTY_MEASURES = frozenset({"killed", "injured", "missing", "count"})


@dataclass(frozen=True)
class Reading:
    """What a count of people is, when the sentence says it is no plain toll: ``measure`` and ``subject`` to
    use (``subject`` None keeps the noun's), and ``load``: the people on board a vehicle (never a part of a
    toll)."""

    measure: str
    subject: str | None = None
    load: bool = False


def _load(sentence: str, start: int, noun_end: int, noun: str) -> bool:
    """The people counted are a vehicle's load: carried, aboard, or "with" after a vehicle."""
    window = sentence[max(0, start - 60) : start]
    if _CARRIED_BEFORE.search(window) or _ABOARD_AFTER.match(sentence, noun_end):
        return True
    with_ = _WITH_BEFORE.search(window)
    return bool(with_) and (noun in _LOAD_NOUNS or bool(_VEHICLE_BEFORE.search(window, 0, with_.start())))


def reading(sentence: str, start: int, noun_end: int, noun: str, measure: str, hospital: bool) -> Reading | None:
    """How to read the count of people at ``sentence[start:noun_end]`` (the figure, without its qualifier, and its
    noun ``noun`` in lower case) whose measure so far is ``measure``; ``hospital``: the clause says they were taken
    to or treated in hospital. None when nothing in the sentence changes the measure."""
    if _BODIES_BEFORE.search(sentence, max(0, start - 60), start):
        if _MISSING_AFTER.match(sentence, noun_end):
            return Reading("missing")  # "the search for the bodies of another 141 people who were reported missing"
        return Reading("killed")  # the bodies of 20 people: the dead, wherever they are taken
    if measure in _CASUALTY_MEASURES and _load(sentence, start, noun_end, noun):
        if measure != "count" and (_ALL_BEFORE.search(sentence, max(0, start - 40), start)
                                   or _HARMED_BEFORE.search(sentence, max(0, start - 40), start)
                                   or _CASUALTY_AFTER.match(sentence, noun_end)):
            return None  # "all 75 people on board were killed": they are the toll
        return Reading("count", load=True)
    if not hospital and noun in _SURVIVORS:
        return Reading("count", "survivors")
    if not hospital and measure != "count" and _SURVIVED_AFTER.match(sentence, noun_end):
        return Reading("count")
    if measure in ("injured", "count") and _SOME_DIED.match(sentence, noun_end):
        return Reading("count", "casualties")
    return None
