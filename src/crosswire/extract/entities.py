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
canonical name (:func:`merge_aliases`: "HTS" and "Hayat Tahrir" -> "Hayat Tahrir al-Sham",
"Assad" -> "Bashar al-Assad").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..records import PARAGRAPH_SEPARATOR, Article, Entity, Place
from . import gazetteer

__all__ = ["entities", "entities_in", "merge_aliases"]


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(words.split())

_TITLES = _wordset(
    """dr mr mrs ms miss president vice prime minister lt lieutenant col colonel gen general brig brigadier maj
    major capt captain sgt sergeant cpl corporal pvt cmdr commander adm admiral sen senator rep gov governor
    mayor king queen prince princess sheikh sheik pope rev reverend father imam ayatollah judge justice
    chancellor secretary ambassador envoy chief deputy crown emir prof professor inspector detective sheriff
    marshal field foreign defence defense interior state officer premier speaker chairman leader lady"""
)
_ORG_WORDS = _wordset(
    """army forces force observatory ministry agency brigade brigades party council corps group nations news
    defence defense front movement committee commission organization organisation union court police guard
    guards department office university institute bank company corporation inc ltd association federation
    coalition alliance network service services authority administration crescent cross watch command
    battalion regiment division militia legion fund foundation programme program congress parliament senate
    assembly government cabinet times post press telegraph journal tribune herald broadcasting television
    radio media airlines airways railways hospital school college church mosque club international
    institution bureau directorate unit units commission"""
)
_PLACE_HEADS = _wordset(
    """river sea lake mountains mountain mount valley airport highway road street square bridge strait gulf
    bay island islands peninsula desert dam crossing camp province governorate county district canal coast
    plain plateau heights house palace hall tower station junction avenue boulevard lane park garden gardens
    cathedral stadium arena balcony corner village"""
)
_TRAILING_PLACE_WORDS = ("airport", "highway", "river", "dam", "bridge", "crossing", "camp", "border crossing")
_REGION_WORDS = ("province", "governorate", "region", "state", "county", "district", "countryside", "oblast")
_DIRECTIONS = _wordset(
    "north south east west northern southern eastern western central middle upper lower northeastern "
    "northwestern southeastern southwestern north-western north-eastern south-western south-eastern"
)
_GENERIC = _wordset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december i we you he she they it the a an this that these those
    his her their its our my your there here but and or if when while after before as at in on by for
    from to of with without since despite according however meanwhile moreover additionally also other
    some many several most all both each every no not what which who whom whose where why how yes
    breaking update updated live video photo photos watch read more follow share comments staff reporter
    desk team editor correspondent agencies media god now loading"""
)
# Religious, ethnic and political adjectives: like nationality adjectives, never entities by themselves.
_ADJECTIVES = _wordset(
    """islamist islamic jihadist sunni shia shiite shi'ite shi’ite alawite druze kurdish arab arabic christian
    muslim jewish catholic protestant orthodox yazidi pashtun baloch turkmen tamil hindu buddhist sikh
    western eastern european african asian latino hispanic democratic republican communist socialist
    conservative liberal marxist zionist"""
)
_NOT_NAMES = frozenset({"AM", "PM", "GMT", "UTC", "EST", "EDT", "PST", "BST", "CET", "TV", "ID", "OK", "CEO", "PDF",
                        "AP", "AFP", "REUTERS", "XINHUA", "UPI", "EPA", "CNN"})
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
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.&-]*")
_ADJECTIVAL_SUFFIX = re.compile(
    r"-(?:linked|backed|based|led|affiliated|made|held|controlled|allied|aligned|born|run|funded|supported|"
    r"style|inspired|owned|sponsored|dominated|occupied|brokered|related|bound|wide)$",
    re.I,
)
_ADJECTIVAL_PREFIX = re.compile(r"^(?:pro|anti|non|ex|post|pre|mid|trans|pan)-(?=[A-Z])")
_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|an|bin|ibn|abu|bint|ul|ud)-[A-Z]")
_CONNECTORS = frozenset({"of", "for", "de", "del", "da", "du", "di", "la", "le", "van", "von", "der", "den", "bin",
                         "ibn", "al", "el", "and"})
_KEEP_DOT = re.compile(
    r"^(?:[A-Z]\.)+$|^(?:Dr|Mr|Mrs|Ms|Lt|Col|Gen|Brig|Maj|Capt|Sgt|Sen|Rep|Gov|Rev|Prof|St|Jr|Sr)\.$"
)


_PARTY_WORDS = frozenset({"republican", "democrat", "democratic", "conservative", "labour", "tory", "liberal",
                          "socialist", "communist", "independent", "veteran", "former", "late"})
_IN_BEFORE = re.compile(r"\b(?:in|near|outside|of|from|to|at)\s+(?:downtown\s+|central\s+|northern\s+|southern\s+|"
                        r"eastern\s+|western\s+)?$")
_QUALIFIER = re.compile(r",\s+([A-Z][\w.]+(?: [A-Z][\w.]+)?)")
# Lower-case words of the running text: a word that also occurs in lower case is a common word, not a
# name ("Police"). Hashtags, handles and web addresses ("#croydon", "@bbc", "tfl.gov.uk") do not count.
# (Possessive quantifiers: giving characters back could never make either part match, so none are tried.)
_LOWER_WORD = re.compile(r"(?<![\w'’#@/.-])[a-z][a-z'’-]*+(?![\w'’-]*+[./@]\w)")
_KINSHIP = re.compile(r"^[A-Z][a-z]+-(?:of|in)-[a-z]+$")
_CAP_WORD = r"(?:[A-Z]|[a-z]+-[A-Z])[\w'’.&-]*"
# Runs of capitalised words (with connectors between them): the only stretches the chunker reads.
_CAP_RUN = re.compile(
    rf"(?<![\w'’.&-]){_CAP_WORD}(?:[ \u00a0](?:(?:{'|'.join(sorted(_CONNECTORS - {'and'}))})[ \u00a0])*{_CAP_WORD})*"
)


@dataclass(slots=True)
class _Chunk:
    start: int
    end: int
    words: list[str]
    title: str | None = None
    adjectival: bool = False  # "Iran-backed", "pro-Assad": evidence, not a place of the event
    prefixed: bool = False  # "pro-Assad"
    headline: bool = False
    kind: str | None = None
    strong: bool = False
    evidence: str = ""
    role: str | None = None
    suffix: str = ""  # a trailing place word kept in the name ("airport")
    region: bool = False
    country: bool = False
    offsets: list[int] = field(default_factory=list)  # start of each word in the text

    @property
    def name(self) -> str:
        return " ".join(self.words) + (f" {self.suffix}" if self.suffix else "")


def _is_cap(token: str) -> bool:
    return token[0].isupper() or bool(_PARTICLE.match(token))


# Words of four characters or more (a shorter word is a whole match of [A-Za-z][\w'’-]* too short to count).
_LONG_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _headline_paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for para in text.split(PARAGRAPH_SEPARATOR):
        if len(para) > 300:  # a headline is short
            pos += len(para) + len(PARAGRAPH_SEPARATOR)
            continue
        words = _LONG_WORD.findall(para)
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            out.append((pos, pos + len(para)))
        pos += len(para) + len(PARAGRAPH_SEPARATOR)
    return out


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """``(token, start, end)`` for the tokens of the runs of capitalised words in ``text``, in order."""
    for run in _CAP_RUN.finditer(text):
        word = run.group()
        if " " not in word and "\u00a0" not in word:  # one word: the run is its only token
            yield word, run.start(), run.end()
            continue
        for m in _TOKEN.finditer(text, run.start(), run.end()):
            yield m.group(), m.start(), m.end()


def _raw_chunks(text: str) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    current: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # connectors waiting for a following capital

    def flush() -> None:
        if current and not (len(current) == 1 and current[0][2].lower() in _GENERIC):  # "The", "But", "He"
            chunks.append(_Chunk(current[0][0], current[-1][1], [t for _, _, t in current],
                                 offsets=[start for start, _, _ in current]))
        current.clear()
        pending.clear()

    last_end = -1
    for tok, start, end in _tokens(text):
        if tok.endswith((".", "'", "’")):
            while tok.endswith((".", "'", "’")) and not _KEEP_DOT.match(tok) and not tok.endswith(("s'", "s’")):
                tok, end = tok[:-1], end - 1  # sentence ends and closing quotes are not part of a name
            if not tok:
                continue
        if current and (start - last_end != 1 or text[last_end] not in " \u00a0"):
            flush()  # not one space away from the name so far
        last_end = end
        possessive = tok.endswith(("'s", "’s")) and len(tok) > 2
        if possessive:
            tok, end = tok[:-2], end - 2
        adjectival = False
        hyphen = "-" in tok  # both adjectival patterns start or end with one
        suffix = _ADJECTIVAL_SUFFIX.search(tok) if hyphen else None
        if suffix and len(tok) > suffix.end() - suffix.start():
            tok, end, adjectival = tok[: suffix.start()], start + suffix.start(), True
        prefix = _ADJECTIVAL_PREFIX.match(tok) if hyphen else None
        if prefix:
            tok, start, adjectival = tok[prefix.end():], start + prefix.end(), True
        if tok in ("The", "A", "An") and current:
            flush()  # "... James Long The London Fire Brigade": a new name starts
        if tok and _is_cap(tok):
            current.extend(pending)
            pending.clear()
            current.append((start, end, tok))
            if adjectival and current:
                flush()
                chunks[-1].adjectival = True
                chunks[-1].prefixed = bool(prefix)
            elif possessive:
                flush()
        elif current and tok.lower() in _CONNECTORS and not possessive and tok != "and":
            pending.append((start, end, tok))
        else:
            flush()
    flush()
    return chunks


def _strip(chunk: _Chunk, text: str, sentence_starts: set[int], lower_words: set[str]) -> bool:
    """Remove sentence-initial common words, titles, generic words; False if nothing is left."""
    words = chunk.words
    offsets = chunk.offsets
    i = 0
    at_start = chunk.start in sentence_starts
    while i < len(words):
        low = words[i].lower().rstrip(".")
        common_start = i == 0 and at_start and low in lower_words and len(words) > 1
        hyphenated_noun = i == 0 and _KINSHIP.match(words[i]) is not None  # "Mum-of-two Jane Doe"
        party_label = low in _PARTY_WORDS and i + 1 < len(words) and not any(
            w.lower() in _ORG_WORDS for w in words[i + 1 :])  # "Republican Donald Trump"
        if low in _GENERIC or low in _CONNECTORS or hyphenated_noun or party_label or (
                common_start and words[1].lower() not in _CONNECTORS):
            i += 1
            continue
        break
    if i == 0 and at_start and len(words) == 1 and words[0].lower() in lower_words:
        return False
    t = i
    if (t < len(words) - 2 and _is_title(words[t + 1])
            and (gazetteer.demonym_country(words[t]) or words[t] in gazetteer.COUNTRY_ALIASES)):
        t += 1  # "Syrian President ...", "US Secretary of State ..."
    while t < len(words) - 1 and _is_title(words[t]):
        t += 1
    if t > i and t + 3 < len(words) and words[t] in ("of", "for"):
        t += 2  # "Mayor of London Sadiq Khan"
    if t == i:  # a title after an organisation's name: "Police Chief Ron Thomas", "UN Secretary General ..."
        for k in range(i + 1, len(words) - 1):
            if _is_title(words[k]) and words[k].lower() not in ("state", "general"):
                run = k
                while run < len(words) - 1 and _is_title(words[run]):
                    run += 1
                rest = [w.lower() for w in words[run:]]
                if rest and not any(w in _ORG_WORDS or w in _CONNECTORS for w in rest) and len(rest) <= 3:
                    t = run
                break
    if t > i and all(w.lower() in _ORG_WORDS for w in words[t:]):
        t = i  # "Premier League", "General Assembly": not a title before a name
    if t > i:
        chunk.title = " ".join(words[i:t])
    i = t
    j = len(words)
    while j > i and (words[j - 1].lower() in _GENERIC or words[j - 1].lower() in _CONNECTORS):
        j -= 1
    if i >= j or all(_is_title(w) for w in words[i:j]):
        return False
    if i:
        chunk.start = offsets[i]
    chunk.words = words[i:j]
    chunk.offsets = offsets[i:j]
    chunk.end = offsets[j - 1] + len(words[j - 1])
    return True


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def _is_title(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in _TITLES or (low.endswith("-elect") and low[:-6] in _TITLES)


def _all_caps(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


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


@dataclass(frozen=True, slots=True)
class _Shape:
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
        org_word=any(w in _ORG_WORDS for w in low),
        place_head=low[-1] in _PLACE_HEADS,
        caps=_all_caps(words[0]) and words[0] not in gazetteer.COUNTRY_ALIASES,
        demonym=all(w.lower() in _DIRECTIONS or w.lower() in _ADJECTIVES or gazetteer.demonym_country(w)
                    for w in words),
        name_like=not any(_all_caps(w) or w in ("of", "for", "and") for w in words),
        person_like=all(w[0].isupper() and w[1:].replace("-", "").isalpha() and not w.isupper() for w in words),
    )


def _classify(c: _Chunk, text: str, lower_words: set[str]) -> None:
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
    if gazetteer.is_known(c.name):
        place = gazetteer.resolve_place(c.name)
        c.country = place is not None and place.precision == "country"
        if c.country or not (single and c.words[0].lower() in lower_words):  # "Police" is not a town here
            c.kind, c.strong = "place", True
            c.region = bool(_REGION_AFTER.match(after))
            if c.region or _PLACE_AFTER.match(after) or _IN_BEFORE.search(before):
                c.evidence = "cue"
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


def _role(c: _Chunk, text: str) -> str | None:
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


_SPACING = re.compile(r"[\s\-]+")


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def _key(name: str) -> str:
    """Comparison key of a name: case, hyphens and spaces unified ("Al Qaeda" == "Al-Qaeda")."""
    return _SPACING.sub(" ", name.replace("’", "'")).casefold().strip()


def _named_countries(chunks: list[_Chunk]) -> set[str]:
    """Countries the article names outright: countries, US states, nationality adjectives."""
    named: set[str] = set()
    for c in chunks:
        if c.kind == "demonym" or (c.kind == "place" and c.adjectival):
            named.update(code for w in c.words if (code := gazetteer.demonym_country(w)))
        if c.kind == "place":
            named.update(e.country_code for e in gazetteer.candidates(c.name, alternate=False)
                         if e.precision in ("country", "region"))
    return named


def _implausible_town(c: _Chunk, named: set[str]) -> bool:
    """A one-word town of under a million people in a country the article never names, with no
    place cue around it ("Police", "Tank", "Pa"): a capitalised word, not a place."""
    if len(c.words) != 1 or c.strong is not True or not named or c.evidence == "cue":
        return False
    readings = gazetteer.candidates(c.name, alternate=False)
    if not readings or any(e.precision != "city" for e in readings):
        return False
    return all(e.country_code not in named and e.population < 1_000_000 for e in readings)


def _context_countries(chunks: list[_Chunk]) -> list[str]:
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


def _propagate(chunks: list[_Chunk], acronyms: dict[str, str]) -> None:
    """Give untyped or weakly typed mentions the type the same name has elsewhere in the article."""
    surnames = {  # a capitalised pair guessed to be a person does not make a known place's name a surname
        _key(c.words[-1].split("-")[-1]) for c in chunks if c.kind == "person" and len(c.words) >= 2
        and not (c.evidence == "fallback" and gazetteer.is_known(c.words[-1]))
    }
    alone = {_key(c.words[0]) for c in chunks if len(c.words) == 1}
    for c in chunks:
        if len(c.words) == 1 and _key(c.words[0]) in surnames and (
            c.evidence == "context" or (c.kind == "place" and not c.country and c.evidence != "cue")
        ):
            c.kind, c.strong = "person", True  # "Assad forces", "Obama": a person's name, not a group or town
    strong: dict[str, Counter[str]] = {}
    for c in chunks:
        if c.strong and c.kind:
            k = _key(c.name)
            counts = strong.get(k)
            if counts is None:
                counts = strong[k] = Counter()
            counts[c.kind] += 1
    kinds = {k: max(sorted(v), key=lambda kind: v[kind]) for k, v in strong.items()}
    orgs = [k.split() for k, kind in kinds.items() if kind == "organization"]
    for c in chunks:
        if c.strong:
            continue
        k = _key(c.name)
        if k in kinds:
            c.kind = kinds[k]
        elif c.name in acronyms:
            c.kind = kinds.get(_key(acronyms[c.name]), "organization")
        elif len(ks := k.split()) >= 2 and any(o[: len(ks)] == ks and len(o) > len(ks) for o in orgs):
            c.kind = "organization"
        elif len(c.words) == 1 and _key(c.words[0]) in surnames:
            c.kind = "person"
        elif c.evidence == "fallback" and _key(c.words[-1]) not in alone:
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
    lower_words = set(_LOWER_WORD.findall(text))
    headlines = _headline_paragraphs(text)
    chunks: list[_Chunk] = []
    for c in _raw_chunks(text):
        if not _strip(c, text, starts, lower_words):
            continue
        c.headline = bool(headlines) and any(a <= c.start < b for a, b in headlines)
        if not c.headline:
            _classify(c, text, lower_words)
        chunks.append(c)
    acronyms: dict[str, str] = {}
    for c in chunks:
        m = _ACRONYM_DEF.match(text[c.end : c.end + 12]) if len(c.words) >= 2 else None
        if m:
            acronyms[m.group(1)] = c.name
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


def _initials(name: str) -> str:
    letters = []
    for tok in name.split():
        if tok.lower() in _CONNECTORS or tok.lower() == "the":
            continue
        tok = _PARTICLE.sub(lambda m: m.group()[-1], tok)
        if tok[0].isupper():
            letters.append(tok[0])
    return "".join(letters)


def _surname(name: str) -> str:
    last = name.split()[-1]
    return _key(_PARTICLE.sub(lambda m: m.group()[-1], last))


def merge_aliases(entities: Iterable[Entity]) -> dict[str, str]:
    """Alias canonical -> chosen canonical for names that mean one thing (within a story).

    Merged: spellings that differ only in case, hyphens or spaces ("Al Qaeda", "Al-Qaeda"); an
    acronym and the name it abbreviates ("HTS", "Hayat Tahrir al-Sham"); an organisation's
    leading words ("Hayat Tahrir"); a person's surname alone ("Assad" -> "Bashar al-Assad",
    unless two people share it). The chosen name is the longest, then the most frequent. Places are
    not merged (the gazetteer names them), and a name that is also a place's is never an alias.
    """
    counts: Counter[tuple[str, str]] = Counter((e.kind, e.canonical) for e in entities)
    places = {n for k, n in counts if k == "place"}
    mapping: dict[str, str] = {}
    for kind in sorted({k for k, _ in counts} - {"place"}):
        names = {n: c for (k, n), c in counts.items() if k == kind}
        groups: dict[str, list[str]] = {}
        for n in sorted(names):
            groups.setdefault(_key(n), []).append(n)
        rep: dict[str, str] = {}
        for group in groups.values():
            best = max(group, key=lambda n: (names[n], n.count("-"), n))
            for n in group:
                rep[n] = best
        reps = sorted(set(rep.values()))
        total: Counter[str] = Counter()
        for n, count in names.items():
            total[rep[n]] += count
        target: dict[str, str] = {}
        tokens = {r: _key(r).split() for r in reps}
        surnames = {r: _surname(r) for r in reps} if kind == "person" else {}
        initials = {r: _initials(r) for r in reps} if kind != "person" else {}
        for name in reps:
            toks = tokens[name]
            found: list[str] = []
            if kind == "person" and len(toks) != 1:
                continue
            if kind != "person" and len(toks) == 1 and not name.isupper():
                continue
            for other in reps:
                other_toks = tokens[other]
                if len(other_toks) <= len(toks):
                    continue
                if kind == "person":
                    if surnames[other] == toks[0]:
                        found.append(other)
                elif (len(toks) == 1 and initials[other] == name) or (
                    len(toks) >= 2 and other_toks[: len(toks)] == toks
                ):
                    found.append(other)
            if not found:
                continue
            if kind == "person" and len({_key(f) for f in found}) > 1:
                continue  # two people share the surname: leave it alone
            target[name] = max(found, key=lambda f: (len(f.split()), total[f], f))
        for n, r in rep.items():
            if n in places:
                continue  # a name that is also a place (Obama, Japan) is left alone
            final = r
            seen = {final}
            while final in target and target[final] not in seen:
                final = target[final]
                seen.add(final)
            if final != n:
                mapping[n] = final
    return mapping
