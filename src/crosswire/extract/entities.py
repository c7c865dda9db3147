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
from .aliases import is_known_organisation, merge_aliases, merge_names, name_key
from .chunks import ORG_WORDS, Chunk, LowerWords, all_caps, headline_paragraphs, stripped_chunks, wordset
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
_ADMIN_TITLES = frozenset({"County", "District", "Province", "Governorate", "Prefecture", "Region", "Oblast",
                           "Division", "Municipality"})
_WATER_BEFORE = re.compile(r"\b(?:banks?|shores?|mouth|waters|bed|course)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
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
_PLACE_PREPOSITIONS = ("of", "in", "near", "around")
_PLACE_BEFORE = re.compile(
    r"\b(?:towns?|villages?|cit(?:y|ies)|provinces?|regions?|districts?|areas?|neighbou?rhoods?|suburbs?|"
    rf"outskirts|countryside|capital|state|county)\s+(?:{'|'.join(_PLACE_PREPOSITIONS)})\s+"
    r"(?:[A-Z][\w'’-]*\s*(?:,|and)\s*)*$"
)
_PLACE_BEFORE_ENDS = (*_PLACE_PREPOSITIONS, ",", "and")  # how the text before ends, spaces off, where it can match
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
_IN_WORDS = ("in", "near", "outside", "of", "from", "to", "at")
_IN_QUALIFIERS = ("downtown", "central", "northern", "southern", "eastern", "western")
_IN_BEFORE = re.compile(
    r"\b(?:" + "|".join(_IN_WORDS) + r")\s+(?:" + "|".join(w + r"\s+" for w in _IN_QUALIFIERS) + ")?$"
)
_IN_BEFORE_ENDS = _IN_WORDS + _IN_QUALIFIERS  # how the text before ends, spaces off, where it can match
# what strikes a place: "a Russian missile strike on Dnipro", "the offensive on Aleppo"
_STRIKE_ON = re.compile(r"\b(?:(?:air|missile|drone|rocket)\s+strikes?|shelling|bombing|bombardment|missiles?|"
                        r"rockets?|offensive|advance)\s+on\s+$", re.IGNORECASE)  # (not "attacks on Obama")
_RANGE_AFTER = re.compile(r"\s+(?:mountains?|mountain\s+range|range|hills|foothills|highlands|valley|peninsula|"
                          r"desert|plateau|river|lake|sea)\b", re.IGNORECASE)
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


class _Facts(NamedTuple):
    """What a chunk's words say by themselves, the gazetteer's word on them included (memoised per tuple of words:
    :func:`_facts`; the context is read per mention, by :func:`_classify`)."""

    drop: int  # 1 when the first word is a direction before a name the gazetteer lacks ("Western Aleppo")
    words: tuple[str, ...]  # the words after it
    name: str
    single: bool
    not_name: bool  # one word that is no name ("AM", "AFP")
    capitol: bool  # "Capitol Hill"
    # the kind the words give by themselves before the text after them is read, without and with a title
    kinds: tuple[str | None, str | None]
    # the kind (and strength) they give after the trailing place word: a capitalised word ("BBC", "LONDON"),
    # a demonym ("Syrian", "Western")
    late: tuple[str, bool] | None
    name_like: bool  # no all-capitals word, no "of", "for", "and"
    person_like: bool  # each capitalised, then lower-case letters (and hyphens)
    known: bool  # a gazetteer name
    place_like: bool  # a gazetteer name or a big city's exonym ("Cologne")
    country: bool  # ... whose reading is a country
    common_known: bool  # one word, a gazetteer name, and a common noun ("Police": Police, Poland)
    region_name: bool  # a province's or state's name
    lows: tuple[str, ...]  # the words in lower case


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def _facts(words: tuple[str, ...]) -> _Facts:
    drop = int(len(words) > 1 and words[0].lower() in _DIRECTIONS and not gazetteer.is_known(" ".join(words)))
    words = words[drop:]
    name = " ".join(words)
    single = len(words) == 1
    low = [w.lower().rstrip(".") for w in words]
    org_word = any(w in ORG_WORDS for w in low)  # an organisation word among them ("Army", "Observatory")
    place_head = low[-1] in _PLACE_HEADS  # the last one a place word ("River", "airport")
    kinds: list[str | None] = []
    organisation = is_known_organisation(name) or name in _INSTITUTIONS  # "the Taliban said"; "the White House said"
    for titled in (False, True):
        if organisation:
            kinds.append("organization")
        elif titled and not org_word:
            kinds.append("person")
        elif place_head and not single:
            kinds.append("place")
        elif org_word and not single:
            kinds.append("organization")
        else:
            kinds.append(None)
    known = gazetteer.is_known(name)
    late: tuple[str, bool] | None = None
    if single and all_caps(name) and name not in gazetteer.COUNTRY_ALIASES:
        late = ("place", True) if len(name) >= 4 and known else ("organization", True)  # a dateline: "LONDON —"
    elif all(w.lower() in _DIRECTIONS or w.lower() in _ADJECTIVES or gazetteer.demonym_country(w) for w in words):
        late = ("demonym", False)
    place_like = known or gazetteer.is_major_exonym(name)
    place = gazetteer.resolve_place(name) if place_like else None
    lows = tuple(w.lower() for w in words)
    return _Facts(
        drop=drop,
        words=words,
        name=name,
        single=single,
        not_name=single and name in _NOT_NAMES,
        capitol=name == "Capitol Hill",
        kinds=(kinds[0], kinds[1]),
        late=late,
        name_like=not any(all_caps(w) or w in ("of", "for", "and") for w in words),
        person_like=all(w[0].isupper() and w[1:].replace("-", "").isalpha() and not w.isupper() for w in words),
        known=known,
        place_like=place_like,
        country=place is not None and place.precision == "country",
        common_known=single and known and lows[0] in COMMON_NOUNS,
        region_name=gazetteer.is_region_name(name),
        lows=lows,
    )


# Every pattern read at the start of the text after a name, in one: where it fails (after most names), none of
# them can match, and none is run.
_AFTER_CUES = re.compile("|".join(
    f"(?:{rx.pattern})" for rx in (_ORG_AFTER, _PLACE_AFTER, _PERSON_AFTER, _APPOSITIVE, _TRAILING_PLACE, _REGION_AFTER)
))


def _classify(c: Chunk, text: str, lower_words: LowerWords | set[str], words: tuple[str, ...] | None = None) -> None:
    """Set ``kind`` (and ``strong``) from the chunk's own words and its context (``words``: ``c.words``, if at hand
    as a tuple).

    Evidence, strongest first: the words alone (a known organisation, a seat of government, a title, a place or
    organisation word), a trailing place word, a capitalised word or demonym, organisation context, an
    organisation appositive, the gazetteer, place context, person context; else a two- or three-word name
    may be a person (see :func:`_propagate`)."""
    f = _facts(tuple(c.words) if words is None else words)
    if f.drop:
        c.start = c.offsets[1]  # "Western Aleppo" names Aleppo
        c.words, c.offsets = c.words[1:], c.offsets[1:]
    single = f.single
    before = text[max(0, c.start - 60) : c.start]
    tail = before.rstrip()  # (what a pattern read before a name must end with is looked for here first)
    if single and (f.not_name or _after_number(tail)):
        return
    if f.capitol and re.search(r"\bon\s+$", before):
        c.kind, c.strong = "organization", True  # "on Capitol Hill": Congress, not the neighbourhood
        return
    kind = f.kinds[1 if c.title else 0]
    if kind:
        c.kind, c.strong = kind, True
        return
    after = text[c.end : c.end + 80]
    if c.adjectival and not c.prefixed:
        after = re.sub(r"^-[\w-]+", "", after)  # "Al-Qaeda-linked group": the cue follows the suffix
    cued = _AFTER_CUES.match(after) is not None  # else no pattern below matches ``after``
    trailing = _TRAILING_PLACE.match(after) if cued and not c.adjectival else None
    if trailing:
        c.suffix = trailing.group(1)
        c.kind, c.strong = "place", True
        return
    if f.late:
        c.kind, c.strong = f.late
        return
    if not c.prefixed and not f.known and (
            (cued and _ORG_AFTER.match(after)) or _ends_with(_ORG_BEFORE, before[-40:])):
        c.kind, c.strong, c.evidence = "organization", True, "context"
        return
    appositive = _APPOSITIVE.match(after) if cued else None
    if appositive and _ORG_APPOSITIVE_RE.search(appositive.group(1)):
        c.kind, c.strong = "organization", True
        return
    if f.common_known:
        return  # "Police in Cologne": Police, Poland is not meant
    if f.place_like:
        c.country = f.country
        if c.country or not (single and f.lows[0] in lower_words):  # "Police" is not a town here
            c.kind, c.strong = "place", True
            c.region = cued and bool(_REGION_AFTER.match(after))
            if c.region or (cued and _PLACE_AFTER.match(after)) or (
                    tail.endswith(_IN_BEFORE_ENDS) and _IN_BEFORE.search(before)) or (
                    tail.endswith("on") and _STRIKE_ON.search(before)):
                c.evidence = "cue"
            return
    if f.region_name and not c.adjectival and (not single or (
            tail.endswith(_IN_BEFORE_ENDS) and _IN_BEFORE.search(before))) and not (
            single and f.lows[0] in lower_words):
        c.kind, c.strong, c.evidence = "place", True, "cue"  # "in Helmand", "New South Wales": a province
        c.region = True
        return
    if (cued and _PLACE_AFTER.match(after)) or (
            (" of " in before or " in " in before or " near " in before) and tail.endswith(_PLACE_BEFORE_ENDS)
            and _PLACE_BEFORE.search(before)):
        c.kind, c.strong, c.evidence = "place", True, "cue"
        return
    if f.name_like and (
        (appositive and _ROLE_RE.search(appositive.group(1)))
        or (not single and (
            (cued and _PERSON_AFTER.match(after))
            or _ends_with(_PERSON_BEFORE, before[-40:])
            or (tail.endswith(",") and _ROLE_BEFORE.search(before))
        ))
    ):
        c.kind, c.strong = "person", True
        return
    if 2 <= len(f.words) <= 3 and f.person_like and not c.headline and lower_words.isdisjoint(f.lows):
        c.kind, c.evidence = "person", "fallback"  # kept only if the surname recurs (see _propagate)


def _role(c: Chunk, text: str) -> str | None:
    parts = []
    if c.title:
        parts.append(c.title)
    appositive = _APPOSITIVE.match(text[c.end : c.end + 120]) if text.startswith(",", c.end) else None
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
    return _foreign_town(c.name, named, 1_000_000)


def _foreign_town(name: str, named: set[str], population: int = 250_000) -> bool:
    """Every reading of ``name`` is a town of under ``population`` people outside the countries the article
    names."""
    readings = gazetteer.candidates(name, alternate=False)
    return bool(readings) and all(e.precision == "city" and e.country_code not in named and e.population < population
                                  for e in readings)


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
    keys = [name_key(c.name) for c in chunks]
    # the key of a one-word mention's word (its name's, but for a trailing place word), else None
    alone_keys = [(k if not c.suffix else name_key(c.words[0])) if len(c.words) == 1 else None
                  for c, k in zip(chunks, keys, strict=True)]
    alone = set(alone_keys)
    alone.discard(None)
    for c, a in zip(chunks, alone_keys, strict=True):
        if a is not None and a in surnames and (
            c.evidence == "context" or (c.kind == "place" and not c.country and c.evidence != "cue")
        ):
            c.kind, c.strong = "person", True  # "Assad forces", "Obama": a person's name, not a group or town
    strong: dict[str, dict[str, int]] = {}  # name -> kind -> strong mentions
    for c, k in zip(chunks, keys, strict=True):
        if c.strong and c.kind:
            counts = strong.get(k)
            if counts is None:
                strong[k] = {c.kind: 1}
            else:
                counts[c.kind] = counts.get(c.kind, 0) + 1
    kinds = {k: next(iter(v)) if len(v) == 1 else max(sorted(v), key=lambda kind: v[kind]) for k, v in strong.items()}
    orgs: dict[str, list[list[str]]] = {}  # the organisations' names, by first word
    for k, kind in kinds.items():
        if kind == "organization" and (o := k.split()):
            orgs.setdefault(o[0], []).append(o)
    for c, k, a in zip(chunks, keys, alone_keys, strict=True):
        if c.strong:
            continue
        if k in kinds:
            c.kind = kinds[k]
        elif acronyms and c.name in acronyms:
            c.kind = kinds.get(name_key(acronyms[c.name]), "organization")
        elif len(ks := k.split()) >= 2 and any(o[: len(ks)] == ks and len(o) > len(ks) for o in orgs.get(ks[0], ())):
            c.kind = "organization"
        elif a is not None and a in surnames:
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
    lower_words = LowerWords(text)
    headlines = headline_paragraphs(text)
    headlines_end = max((b for _, b in headlines), default=0)  # no mention at or after it is in one
    chunks: list[Chunk] = []
    for c in stripped_chunks(text, starts, lower_words):
        c.headline = c.start < headlines_end and any(a <= c.start < b for a, b in headlines)
        if not c.headline:
            _classify(c, text, lower_words)
        chunks.append(c)
    acronyms: dict[str, str] = {}
    for c in chunks:  # (the pattern needs a parenthesis in the window: most names are not even looked at)
        defined = len(c.words) >= 2 and text.find("(", c.end, c.end + 12) >= 0
        m = _ACRONYM_DEF.match(text[c.end : c.end + 12]) if defined else None
        if m and m.group(1)[0] in {w[0] for w in c.words if w[:1].isupper()}:
            acronyms[m.group(1)] = c.name  # (not "Republic of Korea (DPRK)": the name lost its first words)
    _propagate(chunks, acronyms)
    located = [c for c in chunks if c.kind in ("place", "demonym")]  # all the next three read
    named = _named_countries(located)
    for c in located:
        if c.kind == "place" and _implausible_town(c, named):
            c.kind = None
    context = tuple(_context_countries(located))
    out: list[tuple[str, str, str, tuple[int, int], str | None, Place | None]] = []
    for c in chunks:
        kind = c.kind
        if kind not in ("person", "organization", "place") or (kind == "place" and c.adjectival):
            continue
        place: Place | None = None
        canonical = name = c.name
        role = None
        if kind == "place":
            qualifier = _QUALIFIER.match(text, c.end)
            local = context
            if qualifier:  # "Paris, Texas", "Damascus, Maryland": the next name says where
                codes = [e.country_code for e in gazetteer.candidates(qualifier.group(1), alternate=False)
                         if e.precision in ("country", "region")]
                local = (*codes, *context)
            place = gazetteer.resolve_place(" ".join(c.words), local) if not c.suffix else None
            if qualifier and place is not None and place.precision == "city" and (
                    within := gazetteer.resolve_place(qualifier.group(1))) is not None and \
                    within.precision == "region" and within.admin1 != place.admin1:
                place = gazetteer.resolve_within(" ".join(c.words), within) or place  # "Parkland, Florida"
            if place is None and not c.suffix and len(c.words) > 1 and c.words[-1] in _ADMIN_TITLES and (
                    seat := gazetteer.resolve_place(" ".join(c.words[:-1]), local)) is not None and \
                    seat.precision in ("city", "region"):
                # "Nyeri County", "Balasore district": the division named for its town (not in the gazetteer)
                place = Place(" ".join(c.words), seat.country, seat.country_code, seat.admin1, seat.lat, seat.lon,
                              "region", None)
            told = _DEMONYM_TOWN.search(text, max(0, c.start - 60), c.start) if place is not None and \
                place.precision == "city" and text[max(0, c.start - 60) : c.start].rstrip().endswith("of") else None
            if told and (code := gazetteer.demonym_country(told.group(1))) and place.country_code != code:
                place = None  # "the Nigerian town of Banki" is not Banki in India: a town the gazetteer lacks
            if place is not None and place.precision == "city" and named and place.country_code not in named and \
                    _foreign_town(c.name, named):
                place = None  # "Mati, a suburb of Athens, Greece" is no Mati in the Philippines: a town it lacks
            if place is not None and place.precision == "city" and (_WATER_BEFORE.search(
                    text, max(0, c.start - 24), c.start) or _RANGE_AFTER.match(text, c.end)):
                place = None  # "on the banks of the Guadalupe": a river, not the town of Mexico it names; "the
                # Andes mountains": a range, not the town of Andes
            if place is not None and c.region and place.precision == "city":
                place = Place(place.name, place.country, place.country_code, place.admin1, place.lat, place.lon,
                              "region", place.geonameid)
            if place is None:
                place = Place(name=name, precision="unknown")
            canonical = place.name
        elif kind == "organization":
            canonical = acronyms.get(name, name)
        else:
            role = _role(c, text)
        out.append((kind, name, canonical, (c.start, c.end), role, place))
    aliases = merge_names((kind, canonical) for kind, _, canonical, _, _, _ in out)
    return tuple(
        Entity(article_id, kind, name, canonical if kind == "place" else aliases.get(canonical, canonical), span, role,
               place)
        for kind, name, canonical, span, role, place in out
    )


def entities(article: Article, sentences: list[tuple[int, int]]) -> tuple[Entity, ...]:
    """Every person, organisation and place mention in ``article.text``, in text order.

    ``sentences`` are the sentence spans (used to tell a sentence-initial capital from a name).
    People carry their ``role`` when the text states it (title and/or appositive); places carry
    their gazetteer :class:`~crosswire.records.Place` (precision ``unknown`` when not in it).
    """
    return entities_in(article.id, article.text, sentences)
