"""What counts can be counts of: the nouns a number may govern to make a claim.

News reports number many things; crosswire keeps the ones an event record is made of. A number
becomes a claim when the noun after it is

- a **human** noun (``HUMAN``: casualties, groups of people, roles, relatives, nationalities by
  :func:`is_demonym`), normalised to a subject (``fatalities`` -> ``people``, ``troops`` ->
  ``soldiers``); or
- an **event unit** (``EVENT_UNITS``): places taken, buildings and homes hit, vehicles, weapons and
  attacks, families, land and volumes. A count of photos, seasons, games or points is not a claim.

Distances are recognised separately (:mod:`.quantities`), through pint's units.
"""

from __future__ import annotations

import re

_IRREGULAR = {"people": "person", "children": "child", "women": "woman", "men": "man", "lives": "life",
              "families": "family", "policemen": "policeman", "policewomen": "policewoman",
              "servicemen": "serviceman", "guardsmen": "guardsman", "airmen": "airman", "congressmen": "congressman",
              "congresswomen": "congresswoman", "crewmen": "crewman", "gunmen": "gunman", "militiamen": "militiaman",
              "casualties": "casualty", "fatalities": "fatality", "bodies": "body", "babies": "baby",
              "deaths": "death", "others": "other", "dead": "dead", "injured": "injured", "wounded": "wounded",
              "elderly": "elderly", "staff": "staff", "crew": "crew", "personnel": "personnel", "police": "police"}
# noun as written (lower case, plural or singular) -> subject
HUMAN: dict[str, str] = {
    # everyone
    "people": "people", "persons": "people", "person": "people", "individuals": "people", "lives": "people",
    "deaths": "people", "fatalities": "people", "casualties": "people", "dead": "people", "victims": "people",
    "bodies": "people", "residents": "people", "others": "people", "adults": "people", "wounded": "people",
    "injured": "people", "inhabitants": "people", "villagers": "people", "citizens": "citizens",
    "occupants": "people", "survivors": "people", "patients": "people", "onlookers": "people",
    "bystanders": "people", "pedestrians": "people", "worshippers": "people", "worshipers": "people",
    "pilgrims": "people", "tourists": "tourists", "visitors": "people", "spectators": "people",
    "fans": "people", "concertgoers": "people", "revellers": "people", "revelers": "people",
    "shoppers": "people", "commuters": "people", "guests": "people", "hostages": "hostages",
    "captives": "hostages", "detainees": "detainees", "prisoners": "prisoners", "inmates": "prisoners",
    "migrants": "migrants", "refugees": "refugees", "asylum-seekers": "refugees",
    # sides of a conflict
    "civilians": "civilians", "non-combatants": "civilians",
    "combatants": "combatants", "fighters": "combatants", "gunmen": "attackers", "attackers": "attackers",
    "assailants": "attackers", "militants": "militants", "insurgents": "rebels", "rebels": "rebels",
    "jihadists": "militants", "extremists": "militants", "terrorists": "militants",
    "soldiers": "soldiers", "troops": "soldiers", "servicemen": "soldiers", "personnel": "soldiers",
    "guardsmen": "soldiers", "airmen": "soldiers",
    "marines": "soldiers", "paratroopers": "soldiers", "guards": "guards", "militiamen": "militiamen",
    "officers": "police officers", "policemen": "police officers", "police": "police officers",
    "policewomen": "police officers", "gendarmes": "police officers", "suspects": "suspects",
    "protesters": "protesters", "protestors": "protesters", "demonstrators": "protesters",
    "rioters": "protesters",
    # age, sex, kin
    "children": "children", "kids": "children", "babies": "children", "infants": "children",
    "toddlers": "children", "minors": "children", "teenagers": "children", "teens": "children",
    "girls": "girls", "schoolgirls": "girls", "boys": "boys", "schoolboys": "boys",
    "women": "women", "men": "men", "elderly": "people",
    "families": "families", "family": "families", "relatives": "relatives", "members": "members",
    "sons": "relatives", "daughters": "relatives", "brothers": "relatives", "sisters": "relatives",
    "parents": "relatives", "siblings": "relatives", "cousins": "relatives",
    # roles
    "students": "students", "pupils": "students", "teachers": "teachers", "workers": "workers",
    "employees": "workers", "staff": "workers", "miners": "workers", "labourers": "workers",
    "laborers": "workers", "journalists": "journalists", "reporters": "journalists",
    "passengers": "passengers", "crew": "crew", "crewmembers": "crew", "crewmen": "crew",
    "pilots": "crew", "sailors": "crew", "drivers": "drivers", "firefighters": "firefighters",
    "rescuers": "rescuers", "doctors": "medics", "nurses": "medics", "medics": "medics",
    "paramedics": "medics", "aid workers": "aid workers", "volunteers": "volunteers",
    "officials": "officials", "diplomats": "officials", "lawmakers": "officials", "legislators": "officials",
    "congressmen": "officials", "congresswomen": "officials", "senators": "officials",
    "politicians": "officials", "councillors": "officials", "councilors": "officials", "ministers": "officials",
    "peacekeepers": "peacekeepers",
    "foreigners": "foreigners", "nationals": "foreigners", "expatriates": "foreigners",
    "americans": "americans",
}
for _plural, _subject in list(HUMAN.items()):  # "one woman", "a soldier", "a child"
    HUMAN.setdefault(_IRREGULAR.get(_plural, _plural[:-1] if _plural.endswith("s") else _plural), _subject)
# Subjects whose unit is not "person".
UNIT_OF_SUBJECT: dict[str, str] = {"families": "family"}

# Non-human things an event record counts (singular -> unit). Plurals are formed by :func:`unit_of`.
EVENT_UNITS: frozenset[str] = frozenset({
    # places and positions
    "village", "town", "city", "area", "district", "neighbourhood", "neighborhood", "region", "province",
    "locality", "settlement", "position", "base", "checkpoint", "hill", "front", "camp", "site", "island",
    # buildings and infrastructure
    "home", "house", "building", "structure", "apartment", "flat", "dwelling", "shelter", "school",
    "hospital", "clinic", "mosque", "church", "temple", "shop", "store", "business", "factory", "bridge",
    "road", "farm", "office", "tent", "hut",
    # vehicles
    "vehicle", "car", "truck", "lorry", "bus", "train", "carriage", "coach", "tram", "boat", "ship",
    "vessel", "ferry", "aircraft", "plane", "jet", "helicopter", "drone", "tank", "motorcycle", "engine",
    "ambulance", "excavator", "digger", "bulldozer",
    # weapons and acts of violence
    "missile", "rocket", "shell", "bomb", "mortar", "grenade", "mine", "shot", "round", "gunshot", "bullet",
    "explosion", "blast", "strike", "airstrike", "attack", "raid", "assault", "ambush", "bombing",
    "shooting", "stabbing", "incident", "clash", "gun", "rifle", "firearm", "weapon", "device", "package",
    "parcel", "envelope",
    # households, land, material
    "household", "hectare", "acre", "tonne", "ton", "barrel", "livestock", "head",
    # aftermath
    "aftershock", "earthquake", "fire", "wildfire", "landslide",
})
_IRREGULAR_SINGULAR = {"people": "person", "children": "child", "women": "woman", "men": "man",
                       "aircraft": "aircraft", "livestock": "livestock", "lorries": "lorry",
                       "buses": "bus", "crises": "crisis"}
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ians|ans|eans|ese|is|ites)$")
_DEMONYMS = frozenset({"Britons", "Brits", "Scots", "Danes", "Swedes", "Poles", "Finns", "Thais", "Czechs", "Turks",
                       "Greeks", "Kurds", "Arabs", "Serbs", "Croats", "Swiss", "French", "Dutch", "Irish", "Welsh",
                       "Spaniards", "Filipinos", "Uzbeks", "Kazakhs", "Tajiks", "Somalis", "Yemenis", "Afghans",
                       "Slovaks", "Slovenes", "Lebanese", "Cypriots", "Maltese", "Icelanders", "Nepalis"})
_NOT_DEMONYM = frozenset({"Dollars", "Sons", "Others", "Islands", "Americas", "Muslims", "Christians",
                          "Jews", "Cubs", "Giants", "Yankees", "Patriots", "Packers", "Bears", "Lions",
                          "Steelers", "Texans", "Warriors", "Rangers", "Wildcats"})


# Words that are the nouns above, whatever a gazetteer holds under the same spelling ("Police", Poland).
COMMON_NOUNS: frozenset[str] = frozenset({*HUMAN, *EVENT_UNITS, *(u + "s" for u in EVENT_UNITS)})


def singular(noun: str) -> str:
    n = noun.lower()
    if n in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[n]
    if n.endswith("ies") and len(n) > 4:
        return n[:-3] + "y"
    if n.endswith(("ches", "shes", "sses", "xes", "zes")):
        return n[:-2]
    if n.endswith("s") and not n.endswith("ss"):
        return n[:-1]
    return n


def is_demonym(word: str) -> bool:
    """A capitalised plural that names people by nation ("Americans", "Algerians", "Israelis")."""
    return word in _DEMONYMS or (bool(_DEMONYM.match(word)) and word not in _NOT_DEMONYM and len(word) > 4)


def human_subject(noun: str) -> str | None:
    """The subject a human noun stands for, or None. ``noun`` as written."""
    low = noun.lower()
    if low in HUMAN:
        return HUMAN[low]
    if is_demonym(noun):
        return low
    return None


def event_unit(noun: str) -> str | None:
    """The unit of a countable event thing ("villages" -> "village"), or None."""
    s = singular(noun)
    return s if s in EVENT_UNITS else None


# The words for whoever did it ("the gunman", "two attackers", "the driver"): the event record reads the
# perpetrator's name after them and the judgement whether he died (tolls may count him or not).
PERPETRATOR_NOUNS = (r"(?:gunm[ae]n|shooters?|attackers?|assailants?|bombers?|killers?|perpetrators?|suspects?|"
                     r"hijackers?|drivers?)")
# one of these, lowered, is in every match of PERPETRATOR_NOUNS
PERPETRATOR_HINTS = ("gunman", "gunmen", "shooter", "attacker", "assailant", "bomber", "killer", "perpetrator",
                     "suspect", "hijacker", "driver")


def _alternation(phrases: tuple[str, ...]) -> str:
    """A non-capturing regex alternation of ``phrases``, any whitespace between their words."""
    return "(?:" + "|".join(p.replace(" ", r"\s+") for p in phrases) + ")"


# How a report qualifies a count between the word that governs it and the figure ("killing at least 40",
# "a coach carrying about 50", "the bodies of some 20"). (The qualifiers :mod:`.quantities` reads as a figure's
# bounds are its own, longer list.)
COUNT_QUALIFIERS = ("at least", "about", "around", "some", "roughly", "approximately", "an estimated", "more than",
                    "over", "nearly", "almost", "up to", "as many as", "close to", "a total of")
COUNT_QUALIFIER = _alternation(COUNT_QUALIFIERS)

# The measures of a human toll (what the judgement and the event record call a toll).
HUMAN_TOLLS = frozenset({"killed", "injured", "missing", "abducted"})

# The verbs of a count that changed ("the toll has risen to 61", "revised down from 40", "rose from 31 to 45"):
# the words, and as a regex alternation (ignore case; "revised" also "revised up", "revised downwards").
CHANGE_VERB_WORDS = ("rose", "risen", "rising", "rises", "climbed", "climbing", "jumped", "increased", "increasing",
                     "grown", "grew", "swelled", "mounted", "soared", "surged", "reached", "reaching", "hit", "doubled",
                     "revised", "raised", "lowered", "updated", "corrected", "changed", "upped", "dropped", "fell",
                     "fallen")
CHANGE_VERBS = "(?:" + "|".join(r"revised(?:\s+(?:up|down)(?:wards?)?)?" if w == "revised" else w
                                for w in CHANGE_VERB_WORDS) + ")"

# Verbs that take a toll to a figure by what happened ("pushing the death toll to 49", "bringing the total
# fatalities ... up to 22"): the words, as a regex alternation (ignore case) too.
TAKE_TO_WORDS = ("pushing", "pushed", "bringing", "brought", "taking", "took", "raising", "raised", "lifting",
                 "lifted", "putting")
TAKE_TO_VERBS = _alternation(TAKE_TO_WORDS)

# The nouns of an incident an event is told beside or dated by ("a similar attack", "a 2006 blast"), as a
# regex alternation (ignore case, a word boundary after it).
INCIDENT_NOUNS = _alternation((
    "attack", "bombing", "blast", "explosion", "crash", "collision", "derailment", "shooting", "fire", "blaze",
    "earthquake", "quake", "flood", "floods", "flooding", "storm", "hurricane", "typhoon", "cyclone", "massacre",
    "stampede", "disaster", "tragedy", "accident", "incident", "war", "uprising", "coup", "election", "riots?",
    "strike", "raid", "siege", "landslide", "tsunami", "eruption", "sinking", "shipwreck", "clash", "clashes"))
