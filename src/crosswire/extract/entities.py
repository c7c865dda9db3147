"""People, organisations and places named in an article, without a statistical model.

How: capitalised phrases are chunked (joining "al-", "of", "for", "de"...), stripped of
sentence-initial common words, titles and possessives, then typed by evidence, strongest first:
a title ("Dr.", "Brig Gen") makes a person; an organisation word ("Army", "Observatory",
"Corps") an organisation; a place word ("River", "airport") or a gazetteer hit a place; then
the context: "the militant group X" / "X fighters" (organisation), "towns of X and Y" (place),
"X, a US-based analyst" / "X said" (person). A two- or three-word name with no other
evidence is a person only when its last word recurs alone ("Charles Lister" ... "Lister").
A phrase with no evidence at all is dropped (precise rather than greedy); nationality
adjectives ("Syrian") are not entities but count as weak evidence of the article's country,
which decides between same-named places.

Every mention is returned with its span; aliases of one thing in the article share a
canonical name (:func:`.aliases.merge_aliases`: "HTS" and "Hayat Tahrir" -> "Hayat Tahrir al-Sham",
"Assad" -> "Bashar al-Assad"). The chunks come from :mod:`.chunks`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from ..records import PARAGRAPH_SEPARATOR, Article, Entity, Place
from . import gazetteer
from .aliases import is_known_organisation, merge_aliases, name_key
from .chunks import ORG_WORDS, Chunk, all_caps, headline_paragraphs, lower_case_words, raw_chunks, strip_chunk, wordset
from .vocab import COMMON_NOUNS

__all__ = ["entities", "entities_in", "merge_aliases"]


_PLACE_HEADS = wordset(
    """river sea lake mountains mountain mount valley airport highway road street square bridge strait gulf
    bay island islands peninsula desert dam crossing camp province governorate county district canal coast
    plain plateau heights house palace hall tower station junction avenue boulevard lane park garden gardens
    cathedral stadium arena balcony corner village"""
)
_TRAILING_PLACE_WORDS = ("airport", "highway", "river", "dam", "bridge", "crossing", "camp", "border crossing")
_REGION_WORDS = ("province", "governorate", "region", "state", "county", "district", "countryside", "oblast")
_DIRECTIONS = wordset(
    "north south east west northern southern eastern western central middle upper lower northeastern "
    "northwestern southeastern southwestern north-western north-eastern south-western south-eastern"
)
# Religious, ethnic and political adjectives: like nationality adjectives, never entities by themselves.
_ADJECTIVES = wordset(
    """islamist islamic jihadist sunni shia shiite shi'ite shi’ite alawite druze kurdish arab arabic christian
    muslim jewish catholic protestant orthodox yazidi pashtun baloch turkmen tamil hindu buddhist sikh
    western eastern european african asian latino hispanic democratic republican communist socialist
    conservative liberal marxist zionist"""
)
_NOT_NAMES = frozenset({"AM", "PM", "GMT", "UTC", "EST", "EDT", "PST", "BST", "CET", "TV", "ID", "OK", "CEO", "PDF",
                        "AP", "AFP", "REUTERS", "XINHUA", "UPI", "EPA", "CNN"})
# Seats of government named for the government itself.
_INSTITUTIONS = frozenset({"White House", "Pentagon", "Kremlin", "Elysee", "Élysée", "Downing Street", "Whitehall",
                           "Blue House", "Quai d'Orsay", "Foggy Bottom", "Zhongnanhai", "Knesset", "Bundestag", "Duma",
                           "Congress"})
_ROLE_NOUNS = (
    r"analyst|expert|authority|commander|spokesman|spokeswoman|spokesperson|official|officer|resident|adviser|"
    r"advisor|envoy|minister|president|director|head|chief|leader|researcher|professor|witness|doctor|"
    r"reporter|correspondent|member|fellow|secretary|ambassador|general|colonel|activist|journalist|"
    r"lawyer|governor|mayor|chairman|founder|editor|student|survivor|nurse|surgeon|paramedic|teacher|"
    r"worker|farmer|owner|coordinator|representative|negotiator|monitor|historian|scholar|specialist"
)
_ORG_APPOSITIVE = (
    r"group|organi[sz]ation|movement|militia|faction|agency|party|network|coalition|alliance|outlet|company"
)
_ORG_BEFORE = re.compile(
    rf"\b(?:{_ORG_APPOSITIVE}|broadcaster|channel|newspaper|jihadists?|insurgents?|rebels? group)\s+$", re.I
)
_ORG_AFTER = re.compile(
    r"^\s+(?:fighters|militants|militia|militias|members|troops|group|spokesman|spokesperson|news agency|"
    r"commanders?|leaders?|leadership|operatives|units|forces)\b"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:towns?|villages?|cit(?:y|ies)|provinces?|regions?|districts?|areas?|neighbou?rhoods?|suburbs?|"
    r"outskirts|countryside|capital|state|county)\s+(?:of|in|near|around)\s+(?:[A-Z][\w'’-]*\s*(?:,|and)\s*)*$"
)
_PLACE_AFTER = re.compile(
    r"^\s+(?:province|governorate|region|city|town|village|district|countryside|county|state|area|"
    r"neighbou?rhood|suburb|airport|highway|border|outskirts)\b|"
    r"^\s+and\s+(?:nearby|neighbou?ring|surrounding|other)\s+(?:towns|villages|areas|cities)\b"
)
_PERSON_BEFORE = re.compile(
    r"\b(?:said|told|says|according to|experts? like|analysts? like|analyst|spokesman|spokeswoman|"
    r"spokesperson|envoy|minister|researcher|correspondent|commander|resident|witness)\s+$", re.I
)
_PERSON_AFTER = re.compile(
    r"^,?\s+(?:said|says|told|added|noted|stated|suggested|wrote|explained|warned|argued|tweeted|confirmed|"
    r"denied|insisted|claimed|recalled|described|estimated|urged)\b"
)
_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the)\s+([^,.;()“”\"]{2,90}?)(?=,|\.|;|\(|$|\s+who\b|\s+which\b)")
_ROLE_BEFORE = re.compile(
    rf"\b(?:the|a|an)\s+((?:[\w'’-]+\s+){{0,4}}?(?:{_ROLE_NOUNS})(?:\s+(?:for|of|to|in|on)\s+[\w'’ -]{{2,30}}?)?),\s*$",
    re.I,
)
_TRAILING_PLACE = re.compile(r"^\s+(" + "|".join(_TRAILING_PLACE_WORDS) + r")\b")
_REGION_AFTER = re.compile(r"^\s+(?:province|governorate|region|state|county|oblast)\b")
_ORG_APPOSITIVE_RE = re.compile(rf"\b(?:{_ORG_APPOSITIVE})\b")
_ROLE_RE = re.compile(rf"\b(?:{_ROLE_NOUNS})s?\b", re.I)
_ACRONYM_DEF = re.compile(r"^\s*\(([A-Z][A-Za-z]{1,7})\)")
_IN_BEFORE = re.compile(r"\b(?:in|near|outside|of|from|to|at)\s+(?:downtown\s+|central\s+|northern\s+|southern\s+|"
                        r"eastern\s+|western\s+)?$")
_QUALIFIER = re.compile(r",\s+([A-Z][\w.]+(?: [A-Z][\w.]+)?)")


def _after_number(before: str) -> bool:
    """Whether ``before`` ends with a digit, maybe a colon or period, and whitespace (``\\d[:.]?\\s*$``)."""
    tail = before.rstrip()
    return tail[-1:].isdecimal() or (tail[-1:] in (":", ".") and tail[-2:-1].isdecimal())


_LONGEST_CUE = 13  # characters in the longest alternative of _ORG_BEFORE and _PERSON_BEFORE ("correspondent")


def _ends_with(rx: re.Pattern[str], before: str) -> bool:
    """``rx.search(before)`` for a pattern of one short word or phrase followed by ``\\s+$``: the search starts
    where such a match can start, not at every character of ``before``."""
    tail = len(before.rstrip())
    return tail < len(before) and rx.search(before, max(0, tail - _LONGEST_CUE)) is not None


class _Shape(NamedTuple):
    """What a chunk's words say by themselves (memoised per tuple of words; the context is read per mention)."""

    org_word: bool  # an organisation word among them ("Army", "Observatory")
    place_head: bool  # the last one a place word ("River", "airport")
    caps: bool  # the first all capitals ("BBC", "LONDON") and not a country's other name ("US")
    demonym: bool  # only directions, adjectives and nationality adjectives ("Syrian", "Western")
    name_like: bool  # no all-capitals word, no "of", "for", "and"
    person_like: bool  # each capitalised, then lower-case letters (and hyphens)


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def _shape(words: tuple[str, ...]) -> _Shape:
    low = [w.lower().rstrip(".") for w in words]
    return _Shape(
        org_word=any(w in ORG_WORDS for w in low),
        place_head=low[-1] in _PLACE_HEADS,
        caps=all_caps(words[0]) and words[0] not in gazetteer.COUNTRY_ALIASES,
        demonym=all(w.lower() in _DIRECTIONS or w.lower() in _ADJECTIVES or gazetteer.demonym_country(w)
                    for w in words),
        name_like=not any(all_caps(w) or w in ("of", "for", "and") for w in words),
        person_like=all(w[0].isupper() and w[1:].replace("-", "").isalpha() and not w.isupper() for w in words),
    )


def _classify(c: Chunk, text: str, lower_words: set[str]) -> None:
    """Set ``kind`` (and ``strong``) from the chunk's own words and its context."""
    if len(c.words) > 1 and c.words[0].lower() in _DIRECTIONS and not gazetteer.is_known(c.name):
        c.start = c.offsets[1]  # "Western Aleppo" names Aleppo
        c.words, c.offsets = c.words[1:], c.offsets[1:]
    before = text[max(0, c.start - 60) : c.start]
    after = text[c.end : c.end + 80]
    if c.adjectival and not c.prefixed:
        after = re.sub(r"^-[\w-]+", "", after)  # "Al-Qaeda-linked group": the cue follows the suffix
    shape = _shape(tuple(c.words))
    single = len(c.words) == 1
    if single and (c.words[0] in _NOT_NAMES or _after_number(before)):
        return
    if is_known_organisation(" ".join(c.words)):
        c.kind, c.strong = "organization", True  # "the Taliban said", "Nato airstrikes"
        return
    if " ".join(c.words) == "Capitol Hill" and re.search(r"\bon\s+$", before):
        c.kind, c.strong = "organization", True  # "on Capitol Hill": Congress, not the neighbourhood
        return
    if " ".join(c.words) in _INSTITUTIONS:
        c.kind, c.strong = "organization", True  # "the White House said": a government, not a town
        return
    if c.title and not shape.org_word:
        c.kind, c.strong = "person", True
        return
    if shape.place_head and not single:
        c.kind, c.strong = "place", True
        return
    if shape.org_word and not single:
        c.kind, c.strong = "organization", True
        return
    trailing = _TRAILING_PLACE.match(after)
    if trailing and not c.adjectival:
        c.suffix = trailing.group(1)
        c.kind, c.strong = "place", True
        return
    if shape.caps and single:
        if len(c.words[0]) >= 4 and gazetteer.is_known(c.words[0]):  # a dateline: "LONDON —"
            c.kind, c.strong = "place", True
            return
        c.kind, c.strong = "organization", True
        return
    if shape.demonym:
        c.kind = "demonym"
        return
    org_context = _ORG_AFTER.match(after) or _ends_with(_ORG_BEFORE, before[-40:])
    if not c.prefixed and org_context and not gazetteer.is_known(c.name):
        c.kind, c.strong, c.evidence = "organization", True, "context"
        return
    appositive = _APPOSITIVE.match(after)
    if appositive and _ORG_APPOSITIVE_RE.search(appositive.group(1)):
        c.kind, c.strong = "organization", True
        return
    if single and gazetteer.is_known(c.name) and c.words[0].lower() in COMMON_NOUNS:
        return  # "Police in Cologne": Police, Poland is not meant
    if gazetteer.is_known(c.name) or gazetteer.is_major_exonym(c.name):
        place = gazetteer.resolve_place(c.name)
        c.country = place is not None and place.precision == "country"
        if c.country or not (single and c.words[0].lower() in lower_words):  # "Police" is not a town here
            c.kind, c.strong = "place", True
            c.region = bool(_REGION_AFTER.match(after))
            if c.region or _PLACE_AFTER.match(after) or _IN_BEFORE.search(before):
                c.evidence = "cue"
            return
    if gazetteer.is_region_name(c.name) and not c.adjectival and (not single or _IN_BEFORE.search(before)) \
            and not (single and c.words[0].lower() in lower_words):
        c.kind, c.strong, c.evidence = "place", True, "cue"  # "in Helmand", "New South Wales": a province
        c.region = True
        return
    near = " of " in before or " in " in before or " near " in before
    if _PLACE_AFTER.match(after) or (near and _PLACE_BEFORE.search(before)):
        c.kind, c.strong, c.evidence = "place", True, "cue"
        return
    role_after = appositive and _ROLE_RE.search(appositive.group(1))
    person_context = not single and (
        _PERSON_AFTER.match(after)
        or _ends_with(_PERSON_BEFORE, before[-40:])
        or (before.rstrip().endswith(",") and _ROLE_BEFORE.search(before))
    )
    if (role_after or person_context) and shape.name_like:
        c.kind, c.strong = "person", True
        return
    if (2 <= len(c.words) <= 3 and shape.person_like and all(w.lower() not in lower_words for w in c.words)
            and not c.headline):
        c.kind, c.evidence = "person", "fallback"  # kept only if the surname recurs (see _propagate)


def _role(c: Chunk, text: str) -> str | None:
    parts = []
    if c.title:
        parts.append(c.title)
    appositive = _APPOSITIVE.match(text[c.end : c.end + 120])
    if appositive and _ROLE_RE.search(appositive.group(1)):
        parts.append(" ".join(appositive.group(1).split()[:10]))
    else:
        window = text[max(0, c.start - 100) : c.start]
        before = window.rstrip().endswith(",") and _ROLE_BEFORE.search(window)
        if before:
            parts.append(before.group(1).strip())
    return ", ".join(parts) or None


# "the northeastern Nigerian town of X": the text says which country the town is in
_DEMONYM_TOWN = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:border|market|mountain|coastal|port|frontier|desert)\s+)?"
                           r"(?:town|city|village|district|province|region|county|state|port)\s+of\s+$")


def _named_countries(chunks: list[Chunk]) -> set[str]:
    """Countries the article names outright: countries, US states, nationality adjectives."""
    named: set[str] = set()
    for c in chunks:
        if c.kind == "demonym" or (c.kind == "place" and c.adjectival):
            named.update(code for w in c.words if (code := gazetteer.demonym_country(w)))
        if c.kind == "place":
            named.update(e.country_code for e in gazetteer.candidates(c.name, alternate=False)
                         if e.precision in ("country", "region"))
    return named


def _implausible_town(c: Chunk, named: set[str]) -> bool:
    """A one-word town of under a million people in a country the article never names, with no
    place cue around it ("Police", "Tank", "Pa"): a capitalised word, not a place."""
    if len(c.words) != 1 or c.strong is not True or not named or c.evidence == "cue":
        return False
    readings = gazetteer.candidates(c.name, alternate=False)
    if not readings or any(e.precision != "city" for e in readings):
        return False
    return all(e.country_code not in named and e.population < 1_000_000 for e in readings)


def _context_countries(chunks: list[Chunk]) -> list[str]:
    """Countries the article points to, strongest first: named countries, unambiguous cities, adjectives."""
    score: Counter[str] = Counter()
    for c in chunks:
        if c.kind == "demonym":
            for w in c.words:
                code = gazetteer.demonym_country(w)
                if code:
                    score[code] += 0.5
        elif c.kind == "place":
            readings = gazetteer.candidates(c.name, alternate=False)
            codes = {e.country_code for e in readings}
            if len(codes) == 1:
                score[next(iter(codes))] += 0.5 if c.adjectival else (2 if readings[0].precision == "country" else 1)
    return [code for code, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))]


def _propagate(chunks: list[Chunk], acronyms: dict[str, str]) -> None:
    """Give untyped or weakly typed mentions the type the same name has elsewhere in the article."""
    surnames = {  # a capitalised pair guessed to be a person does not make a known place's name a surname
        name_key(c.words[-1].split("-")[-1]) for c in chunks if c.kind == "person" and len(c.words) >= 2
        and not (c.evidence == "fallback" and gazetteer.is_known(c.words[-1]))
    }
    alone = {name_key(c.words[0]) for c in chunks if len(c.words) == 1}
    for c in chunks:
        if len(c.words) == 1 and name_key(c.words[0]) in surnames and (
            c.evidence == "context" or (c.kind == "place" and not c.country and c.evidence != "cue")
        ):
            c.kind, c.strong = "person", True  # "Assad forces", "Obama": a person's name, not a group or town
    strong: dict[str, Counter[str]] = {}
    for c in chunks:
        if c.strong and c.kind:
            k = name_key(c.name)
            counts = strong.get(k)
            if counts is None:
                counts = strong[k] = Counter()
            counts[c.kind] += 1
    kinds = {k: max(sorted(v), key=lambda kind: v[kind]) for k, v in strong.items()}
    orgs = [k.split() for k, kind in kinds.items() if kind == "organization"]
    for c in chunks:
        if c.strong:
            continue
        k = name_key(c.name)
        if k in kinds:
            c.kind = kinds[k]
        elif c.name in acronyms:
            c.kind = kinds.get(name_key(acronyms[c.name]), "organization")
        elif len(ks := k.split()) >= 2 and any(o[: len(ks)] == ks and len(o) > len(ks) for o in orgs):
            c.kind = "organization"
        elif len(c.words) == 1 and name_key(c.words[0]) in surnames:
            c.kind = "person"
        elif c.evidence == "fallback" and name_key(c.words[-1]) not in alone:
            c.kind = None  # a capitalised pair never referred to again by surname: not evidence enough
        elif c.headline:
            c.kind = None


def entities_in(article_id: str, text: str, sentences: list[tuple[int, int]]) -> tuple[Entity, ...]:
    """The named entities of ``text`` (see :func:`entities`)."""
    starts = {s for s, _ in sentences}
    pos = 0
    for para in text.split(PARAGRAPH_SEPARATOR):
        starts.add(pos)
        pos += len(para) + len(PARAGRAPH_SEPARATOR)
    lower_words = lower_case_words(text)
    headlines = headline_paragraphs(text)
    chunks: list[Chunk] = []
    for c in raw_chunks(text):
        if not strip_chunk(c, text, starts, lower_words):
            continue
        c.headline = bool(headlines) and any(a <= c.start < b for a, b in headlines)
        if not c.headline:
            _classify(c, text, lower_words)
        chunks.append(c)
    acronyms: dict[str, str] = {}
    for c in chunks:
        m = _ACRONYM_DEF.match(text[c.end : c.end + 12]) if len(c.words) >= 2 else None
        if m and m.group(1)[0] in {w[0] for w in c.words if w[:1].isupper()}:
            acronyms[m.group(1)] = c.name  # (not "Republic of Korea (DPRK)": the name lost its first words)
    _propagate(chunks, acronyms)
    named = _named_countries(chunks)
    for c in chunks:
        if c.kind == "place" and _implausible_town(c, named):
            c.kind = None
    context = _context_countries(chunks)
    out: list[Entity] = []
    for c in chunks:
        if c.kind not in ("person", "organization", "place") or (c.kind == "place" and c.adjectival):
            continue
        place: Place | None = None
        canonical = c.name
        role = None
        if c.kind == "place":
            qualifier = _QUALIFIER.match(text, c.end)
            local = context
            if qualifier:  # "Paris, Texas", "Damascus, Maryland": the next name says where
                codes = [e.country_code for e in gazetteer.candidates(qualifier.group(1), alternate=False)
                         if e.precision in ("country", "region")]
                local = [*codes, *context]
            place = gazetteer.resolve_place(" ".join(c.words), local) if not c.suffix else None
            told = _DEMONYM_TOWN.search(text, max(0, c.start - 60), c.start) if place is not None and \
                place.precision == "city" else None
            if told and (code := gazetteer.demonym_country(told.group(1))) and place.country_code != code:
                place = None  # "the Nigerian town of Banki" is not Banki in India: a town the gazetteer lacks
            if place is not None and c.region and place.precision == "city":
                place = Place(place.name, place.country, place.country_code, place.admin1, place.lat, place.lon,
                              "region", place.geonameid)
            if place is None:
                place = Place(name=c.name, precision="unknown")
            canonical = place.name
        elif c.kind == "organization":
            canonical = acronyms.get(c.name, c.name)
        else:
            role = _role(c, text)
        out.append(Entity(article_id, c.kind, c.name, canonical, (c.start, c.end), role, place))
    aliases = merge_aliases(out)
    return tuple(
        e if e.kind == "place" or e.canonical not in aliases else
        Entity(e.article_id, e.kind, e.name, aliases[e.canonical], e.span, e.role, e.place)
        for e in out
    )


def entities(article: Article, sentences: list[tuple[int, int]]) -> tuple[Entity, ...]:
    """Every person, organisation and place mention in ``article.text``, in text order.

    ``sentences`` are the sentence spans (used to tell a sentence-initial capital from a name).
    People carry their ``role`` when the text states it (title and/or appositive); places carry
    their gazetteer :class:`~crosswire.records.Place` (precision ``unknown`` when not in it).
    """
    return entities_in(article.id, article.text, sentences)
