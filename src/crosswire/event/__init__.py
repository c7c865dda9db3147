"""The event record: what happened, where, when, to whom, one row per story (docs/events.md).

:func:`event_record` reads a story's reconciled facts, its articles and their extractions, and
writes the :class:`~crosswire.records.EventRecord` conflict-event datasets keep (ACLED / UCDP GED
style): the day the event happened, the most specific place, who did it and to whom, a type from
:data:`EVENT_TYPES`, and the killed / injured tolls taken from the reconciled facts.

Every choice is a vote across the story's articles, weighted by independence (a copy or rewrite
of another report counts ``options.copy_weight``), and each choice says what supports it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..extract.gazetteer import demonym_country
from ..extract.vocab import PERPETRATOR_HINTS, PERPETRATOR_NOUNS
from ..memo import Memo
from ..records import Article, EventRecord, Extraction, Fact, Source, Story
from .dates import day_of, event_date
from .places import event_place
from .reading import (
    BY_BEFORE,
    EVENT_TYPES,
    EVENT_VERBS,
    FORCES,
    OTHER,
    PARTY_SHARE,
    TARGET_BEFORE,
    TYPE_FOLDED,
    TYPE_RE,
    EventType,
    Folded,
    Read,
    event_type,
    may_hold,
    names_a_type,
    plain_lower,
    read,
    sentence_spans,
)
from .tolls import event_toll, known_places
from .towns import admin1_at, lookup_region, lookup_town

__all__ = [
    "EVENT_TYPES", "OTHER", "EventOptions", "EventType", "admin1_at", "event_record", "event_type", "lookup_region",
    "lookup_town", "merge_parties", "sentence_spans",
]


@dataclass(frozen=True, kw_only=True)
class EventOptions:
    """How the event record is chosen.

    ``lead_sentences``: sentences of each article (after the title) that count as its lead.
    ``copy_weight``: the vote of an article that copies or rewrites another (independent = 1).
    ``max_days_before`` / ``max_days_after``: an event date older than this many days before an
    article's publication, or later than this many days after it, is background, not the event (one
    day after: the report's time stamp may lag the local day where it happened).
    ``min_city_share``: a city (or town) is named as the place when its support is at least this
    share of the best-supported place; otherwise the region or country is.
    """

    lead_sentences: int = 4
    copy_weight: float = 0.25
    max_days_before: int = 10
    max_days_after: int = 1
    min_city_share: float = 0.25

    def __post_init__(self) -> None:
        if self.lead_sentences < 1:
            raise ConfigError(f"lead_sentences must be >= 1, not {self.lead_sentences}")
        if not 0.0 <= self.copy_weight <= 1.0:
            raise ConfigError(f"copy_weight must be within [0, 1], not {self.copy_weight}")
        if self.max_days_before < 0 or self.max_days_after < 0:
            raise ConfigError("max_days_before and max_days_after must be >= 0")
        if not 0.0 < self.min_city_share <= 1.0:
            raise ConfigError(f"min_city_share must be within (0, 1], not {self.min_city_share}")


def _weights(story: Story, sources: Sequence[Source], options: EventOptions) -> dict[str, float]:
    by_id = {s.article_id: s for s in sources}
    return {a: 1.0 if (s := by_id.get(a)) is None or s.independent else options.copy_weight
            for a in story.article_ids}


# -- type ---------------------------------------------------------------------------------------
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\b(?=[^.;]*$)")


# Hostages freed, swapped or released: a release, not an attack.
_RELEASE = re.compile(r"\b(?:releas\w*|freed|frees|free|rescued|rescue|swap\w*|exchanged?|handed\s+over|"
                      r"reunited)\b", re.I)
_MAYBE_BEFORE = re.compile(r"\b(?:would|could|might|may|if|in\s+case\s+of|risk\s+of|fears?\s+of)\b(?=[^.;]*$)",
                           re.IGNORECASE)


# Words of a type that name no such event: a means of travel ("flown by helicopter to the capital", "arrived by
# train"), a figure of speech ("a barrage of questions"), a resignation "in protest".
_TRAVEL = frozenset({"air crash", "rail crash", "maritime accident"})
_BY_MEANS = re.compile(r"\b(?:by|via|aboard|on\s+board)\s+(?:(?:a|an|the|military|private|special|chartered)\s+)?$",
                       re.IGNORECASE)
_FIGURATIVE_AFTER = re.compile(r"\s+of\s+(?!(?:\w+\s+)?(?:rockets?|missiles?|shells?|artillery|fire|mortars?|gunfire|"
                               r"strikes?|bombs?|bullets?|grenades?)\b)", re.IGNORECASE)
_AFTERMATH = re.compile(r"\b(?:in\s+the\s+(?:wake|aftermath)\s+of|anniversary\s+of|families\s+of|prompted\s+by|"
                        r"(?:response|reaction)\s+to)\s+(?:the\s+|last\s+\w+'s\s+)?(?:[\w'’.-]+\s+){0,4}$",
                        re.IGNORECASE)
_IN_PROTEST = re.compile(r"\b(?:resign\w*|quit|quits|walk\w*\s+out|stepp?\w*\s+down|boycott\w*)\b[^.;]{0,40}\bin\s+$",
                         re.IGNORECASE)


def _not_an_event(chunk: str, m: re.Match[str], type_name: str) -> bool:
    word = m.group(0).lower()
    at = m.start()
    if type_name in _TRAVEL and _BY_MEANS.search(chunk, max(0, at - 30), at):
        return True
    if word == "barrage" and _FIGURATIVE_AFTER.match(chunk, m.end()):
        return True
    if word in _BARE_VEHICLES and _FACILITY_AFTER.match(chunk, m.end()):
        return True  # "a rocket strike on a railway station", "the train station": a building, not a crash
    if _AFTERMATH.search(chunk, max(0, at - 60), at):
        return True  # "in the wake of the Connecticut mass shooting": the story is what came after
    return type_name == "protest" and word == "protest" and bool(_IN_PROTEST.search(chunk, max(0, at - 80), at))


_FACILITY_AFTER = re.compile(r"\s+(?:stations?|platforms?|terminals?|depots?|yards?|tickets?|timetables?|services?|"
                             r"operators?|company|companies|network|lines?)\b", re.IGNORECASE)


def _other_year(chunk: str, at: int, year: str) -> bool:
    """A type word dated to another year than the report's ("a September 2016 Falcon 9 explosion"), or in a
    clause about what might happen ("damage from an explosion would ...", "in case of fire")."""
    m = _YEAR_BEFORE.search(chunk, max(0, at - 30), at)
    if m and year and m.group(0) != year:
        return True
    return bool(_MAYBE_BEFORE.search(chunk, max(0, at - 40), at)) or bool(_MAYBE_AFTER.match(chunk[at:at + 50]))


_MAYBE_AFTER = re.compile(r"[\w\s-]{0,30}?\b(?:would|could|might)\b")


# A vehicle named alone says less than words that name a crash: "a rescue helicopter" beside "a bus fell into a
# gorge" is no air crash. Each bare vehicle counts half a match.
_BARE_VEHICLES = frozenset({"plane", "aircraft", "airliner", "helicopter", "train", "trains", "tram", "trams",
                            "subway", "railway", "metro", "ship", "boat", "ferry", "vessel", "cruise ship"})


def _type_counts(chunk: str, year: str) -> list[tuple[str, float]]:
    """(type name, its words' matches in ``chunk`` that name this event) of each type with any, in type order
    (a bare vehicle counts half)."""
    out: list[tuple[str, float]] = []
    if not names_a_type(chunk):  # (most chunks name no type, the others one or two)
        return out
    lowered = plain_lower(chunk)  # (the matches in it are the chunk's, at the same places, lowered)
    for t in EVENT_TYPES:
        type_re = TYPE_FOLDED[t.name]
        if type_re.search(chunk, lowered) is None:
            continue
        n = 0.0
        for m in type_re.finditer(chunk, lowered):
            if not _other_year(chunk, m.start(), year) \
                    and not (m.group(0).lower().startswith("hostage") and _RELEASE.search(chunk)) \
                    and not _not_an_event(chunk, m, t.name):
                n += 0.5 if m.group(0).lower() in _BARE_VEHICLES else 1.0
        if n:
            out.append((t.name, n))
    return out


def _choose_type(reads: Sequence[Read]) -> tuple[EventType, dict[str, float]]:
    scores: dict[str, float] = defaultdict(float)
    counted = Memo(lambda chunk_year: _type_counts(*chunk_year))  # each distinct (chunk, year): copies repeat them
    for rd in reads:
        text = rd.text
        parts = [((rd.article.title or ""), 3.0)]
        parts += [(text[a:b], 2.0) for a, b in rd.lead]
        parts += [(text[a:b], 1.0) for a, b in rd.claim_spans]
        year = (rd.article.published.value or "")[:4]
        for chunk, w in parts:
            for name, n in counted[(chunk, year)]:
                scores[name] += rd.weight * w * min(n, 2)
    if not scores:
        return OTHER, {}
    best = max(EVENT_TYPES, key=lambda t: (scores.get(t.name, 0.0), -EVENT_TYPES.index(t)))
    if best.name == "explosion" and (scores.get("bombing", 0.0) > 0 or any(
            _responsibility_claimed(rd) and not _disputed(rd) for rd in reads)):
        # the blast of a bomb the reports name ("a car bomb ... the blast killed 9"), or one someone claimed
        best = next(t for t in EVENT_TYPES if t.name == "bombing")
    if best.name in ("protest", "riot") and scores.get("attack on protesters", 0.0) > 0:
        # protesters shot dead, a sit-in broken up: the protest is where it happened, the killing what happened
        best = next(t for t in EVENT_TYPES if t.name == "attack on protesters")
    return best, dict(scores)


# -- actors and targets -------------------------------------------------------------------------
def _initials(name: str) -> str:
    out = []
    for tok in re.split(r"[\s]+", name):
        for part in tok.split("-"):
            if part[:1].isupper():
                out.append(part[0])
    return "".join(out)


def merge_parties(names: Iterable[str]) -> dict[str, str]:
    """Each name mapped to the one it stands for: a prefix ("Hayat Tahrir") or an acronym ("HTS")
    of a longer name in the same set maps to that longer name."""
    unique = sorted(set(names), key=lambda n: (-len(n), n))
    out: dict[str, str] = {}
    for n in unique:
        target = n
        for longer in unique:
            if len(longer) <= len(n) or longer == n:
                continue
            if longer.lower().startswith(n.lower() + " ") or (n.isupper() and 2 <= len(n) <= 6
                                                               and _initials(longer) == n) or (
                    len(_initials(n)) >= 3 and _initials(n) == _initials(longer)
                    and n.split()[:-1] == longer.split()[:-1]):  # "Allied Democratic Front" for "... Forces"
                target = out.get(longer, longer)
                break
        out[n] = target
    return out


_MEDIA = re.compile(
    r"\b(?:News|Press|Times|Post|Herald|Tribune|Journal|Radio|TV|Television|Broadcasting|Broadcast|Agency|"
    r"Media|Gazette|Daily|Telegraph|Guardian|Observer|Chronicle|Reuters|AFP|Agence\s+France|Xinhua|TASS|"
    r"Interfax|ANSA|dpa|EFE|Anadolu|IRNA|Yonhap|Kyodo|Bloomberg|CNN|BBC|NPR|NBC|CBS|ABC|MSNBC|Sky|Al\s+Jazeera|"
    r"Al\s+Arabiya|Associated|AA|AP|UPI|PTI|IANS|ANI|SANA|WAFA|KUNA|WAM|QNA|MENA|Bernama|Antara|"
    r"(?i:tass|interfax|xinhua|yonhap|kyodo|anadolu|irna|ria\s+novosti))\b"
)
# A label a page puts before its text ("STORY:", "VIDEO:", "WATCH:"): no name
_LABEL = re.compile(r"(?:^|\n)(?:STORY|VIDEO|WATCH|UPDATE|UPDATED|BREAKING|EXCLUSIVE|LIVE|ANALYSIS|OPINION|PHOTOS?|"
                    r"READ\s+MORE|EDITOR['’]S\s+NOTE)$")


def is_media(name: str, outlets: set[str]) -> bool:
    """News organisations report the event; they are not its actors. ``outlets`` are the story's outlet
    names or hosts ("edition.cnn.com" knows "CNN")."""
    return _is_media(name, outlets, _hosts(outlets))


_HOST_CUT = re.compile(r"[.\s]+")


def _hosts(outlets: set[str]) -> set[str]:
    return {part for o in outlets for part in _HOST_CUT.split(o) if len(part) > 2}


def _is_media(name: str, outlets: set[str], hosts: set[str]) -> bool:
    low = name.lower()
    if low in outlets or _MEDIA.search(name):
        return True
    return low.replace(" ", "") in hosts


# A party named in a clause about another act than the event: what it answers or follows.
# Where someone spoke is no target: "speaking from the White House", "the tableau at the White House".
_SPOKE_AT = re.compile(r"\b(?:speak\w*|spoke|said|remarks|address\w*|conference|briefing|tableau|statement|ceremony|"
                       r"vigil|meeting|met|gathered)\b[^.;]{0,30}?\b(?:at|from|in|outside)\s+(?:the\s+)?$", re.I)
_EMBEDDED_POST = re.compile(r"\(@\w{1,30}\)|pic\.twitter\.com/|\btwitter\.com/\w+/status")
# A party right before the event's verb did it: "Taliban attack German consulate", "gunmen stormed".
_DOES_AFTER = re.compile(r"(?:\s*\([A-Z]{2,8}\))?\)?,?\s+(?:suicide\s+bombers?\s+|fighters\s+|militants\s+|gunmen\s+)?"
                         r"(?:has\s+|have\s+|had\s+)?(?:carried\s+out|(?:was|were)\s+behind|attack(?:s|ed)?|"
                         r"stormed|bombed|shelled|killed|kills|claimed(?:\s+responsibility)?|seized|captured|"
                         r"launched|ambushed|kidnapped|abducted|rammed|struck|strikes?)\b")
_RESPONSIBILITY = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|credit)\b", re.I)
_RESPONSIBILITY_HINT = ("claim",)  # what every match of _RESPONSIBILITY holds, lowered
_RESPONSIBILITY_FOLDED = Folded(_RESPONSIBILITY)


def _responsibility_claimed(rd: Read) -> bool:
    return may_hold(_RESPONSIBILITY_HINT, rd.lowered) \
        and _RESPONSIBILITY_FOLDED.search(rd.text, rd.lowered) is not None


_CLAIM_AFTER = re.compile(r"\s+(?:has\s+|had\s+)?(?:claimed|claims|claiming)\b")
_ON_BEHALF = re.compile(r"\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of|soldier\s+of|pledged\s+allegiance\s+to)\s+"
                        r"(?:the\s+)?$", re.I)
_DISPUTED = re.compile(r"\b(?:no\s+(?:evidence|connection|connections|link|links|ties)\s+(?:to|with|of|for|that)|"
                       r"provided\s+no\s+evidence|dismissed\s+(?:the|that|its)\s+claim|"
                       r"(?:doubts?|questioned|disputed|denied|rejected)\s+(?:the\s+|its\s+|that\s+)?claim)", re.I)
# a part of every match, lowered: "no ties" (no\s+ties) holds "ties"
_DISPUTED_HINT = ("claim", "evidence", "connection", "link", re.compile(r"no\s+ties"))
_DISPUTED_FOLDED = Folded(_DISPUTED)


def _disputed(rd: Read) -> bool:
    return may_hold(_DISPUTED_HINT, rd.lowered) and _DISPUTED_FOLDED.search(rd.text, rd.lowered) is not None


_OTHER_ACT = re.compile(r"\b(?:retaliation\s+(?:for|against)|revenge\s+for|response\s+to|reprisal\s+for|"
                        r"in\s+the\s+wake\s+of|avenge)\s+(?:the\s+|a\s+|an\s+|recent\s+|earlier\s+)?"
                        r"(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_CREDIT = re.compile(r"(?:©|\(c\)|\bPhoto(?:graph)?s?\s*(?:by|:)|\bCredit\s*:|\bImage\s*:|\bPicture\s*:)\s*$",
                     re.IGNORECASE)
_CREDIT_AFTER = re.compile(r"\s*[/(]\s*(?:AFP|AP|Reuters|Getty(?:\s+Images)?|EPA|Shutterstock|PA)\b")


def _force_name(m: re.Match[str]) -> str | None:
    if m.group("adj3"):  # "Israeli air strikes": that country's forces, when the word is a demonym
        return f"{m.group('adj3')} government forces" if demonym_country(m.group("adj3")) else None
    adj = m.group("adj") or m.group("adj2")
    if adj and adj.lower() in ("the", "a", "an", "its", "their", "his", "her", "government", "regime", "state"):
        adj = None
    return f"{adj} government forces" if adj else "government forces"


_PERPETRATOR = PERPETRATOR_NOUNS
_NAME_WORD = r"[A-Z][a-z'’-]+"
_PERSON_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[A-Z]\.|bin|al-\w+|de|van|von)){{1,4}}"
# "the gunman, Omar Mateen, 29," / "the suspect was identified as John Smith" / "John Smith, 29, the shooter,"
_NAMED_AFTER_CUE = re.compile(
    rf"\b(?i:(?:the|a|an|alleged|suspected|crazed)\s+(?:\w+\s+)?{_PERPETRATOR}(?:,\s*|\s+|\s+(?:(?:was|has\s+been|had\s+been)\s+)?"
    rf"(?:identified|named)\s+as\s+|,\s+(?:who|whom)\s+(?:\w+\s+){{0,3}}?(?:identified|named)\s+as\s+)"
    rf"(?:(?:a|an)\s+)?(?:\d{{1,3}}-year-old\s+)?)(?P<name>{_PERSON_NAME})\b(?!\s+(?:said|says|told)\b)")
# "police identified the gunman as X", "authorities named the suspect as X"
_IDENTIFIED_AS = re.compile(
    rf"\b(?i:(?:identified|named)\s+(?:the\s+)?(?:\w+\s+)?{_PERPETRATOR}\s+as\s+(?:(?:a|an)\s+)?"
    rf"(?:\d{{1,3}}-year-old\s+)?)(?P<name>{_PERSON_NAME})\b")
_NAMED_BEFORE_CUE = re.compile(rf"(?<![\w.])(?P<name>{_PERSON_NAME})(?:,\s+(?:\d{{1,2}},\s+)?|\s+(?:has\s+been|"
                               rf"had\s+been|was|is)\s+(?:named|identified)\s+(?:by\s+(?:the\s+)?police\s+)?as\s+)"
                               rf"(?i:(?:the|a|an)\s+(?:\d{{1,2}}-year-old\s+)?(?:\w+\s+){{0,2}}?{_PERPETRATOR})\b")
# ("Salman Abedi has been named by police as the suspected suicide bomber")
_PERPETRATOR_WORD = re.compile(rf"\b{_PERPETRATOR}\b", re.IGNORECASE)
# the words of _PERPETRATOR without their plural s: one of them is in every match, lowered
_PERPETRATOR_FOLDED = Folded(_PERPETRATOR_WORD)
_PERPETRATOR_HINT = PERPETRATOR_HINTS
_ROLE_WORDS = frozenset(("police", "chief", "officer", "sheriff", "mayor", "president", "governor", "director",
                         "commissioner", "spokesman", "spokeswoman", "agent", "detective", "captain", "sergeant"))


def _perpetrators(rd: Read) -> list[str]:
    """People the report names as the one who did it: "the gunman, Omar Mateen", "the suspect was identified
    as X", "X, 29, the shooter" (two to five capitalised words; an official's title is no name)."""
    text = rd.text
    out: list[str] = []
    if not may_hold(_PERPETRATOR_HINT, rd.lowered):
        return out
    for cue in _PERPETRATOR_FOLDED.finditer(text, rd.lowered):  # read around each cue word only
        w0, w1 = max(0, cue.start() - 90), cue.end() + 120
        for m in (*_NAMED_AFTER_CUE.finditer(text, w0, w1), *_NAMED_BEFORE_CUE.finditer(text, w0, cue.end()),
                  *_IDENTIFIED_AS.finditer(text, w0, w1)):
            name = m.group("name")
            if not (m.start() <= cue.start() < m.end()) or name in out:
                continue  # another cue's match, or found already
            if not any(w.lower() in _ROLE_WORDS for w in name.split()) and name.split()[0].lower() not in (
                    "the", "a", "an", "on", "in", "at", "police"):
                out.append(name)
    return out


class _SentenceReader:
    """What :func:`_parties` reads in a sentence, for one event type: its forces (start, end, name), whether
    it is an embedded post, and where the first of its event verbs, type words and claims of responsibility
    (claiming it is doing it) starts (None: it has none), all from the sentence's start. The first match of
    their alternation is the first of all their matches."""

    def __init__(self, type_re: re.Pattern[str] | None) -> None:
        self._verb = Folded(re.compile("|".join(f"(?:{rx.pattern})" for rx in (EVENT_VERBS, type_re, _RESPONSIBILITY)
                                                if rx is not None), re.I))

    def __call__(self, sentence: str) -> tuple[list[tuple[int, int, str]], bool, int | None]:
        forces = [(m.start(), m.end(), name) for m in FORCES.finditer(sentence) if (name := _force_name(m))]
        verb = self._verb.search(sentence, plain_lower(sentence))
        return forces, bool(_EMBEDDED_POST.search(sentence)), None if verb is None else verb.start()


# What follows a source's name (maybe after the rest of a name the entity lost: "Human Rights [Watch] reported", or
# its acronym (or what is left of it) and a second source: "Kenya Human Rights Commission (KHRC) and Police
# Reforms Working Group said")
_SOURCE_AFTER = re.compile(r",?\s*(?:\(?[A-Z]{0,8}\)\s*)?(?:and\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,6}"
                           r"(?:\([A-Z]{2,8}\)\s*)?)?(?:[A-Z][\w'’-]*\s+){0,2}(?:said|says|told|reported|estimated|"
                           r"announced|stated|"
                           r"news agency|agency|monitor|spokes\w+|officials?|sources?|statement|representatives?)\b")


def _parties(reads: Sequence[Read], etype: EventType, attributed: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    type_re = TYPE_RE.get(etype.name)
    mentions: list[tuple[str, float, str]] = []  # (name, weight, role)
    outlets = {(rd.article.outlet or "").lower() for rd in reads}
    hosts = _hosts(outlets)
    is_media_name = Memo(lambda name: _is_media(name, outlets, hosts))  # of each name, found once
    read_sentence = Memo(_SentenceReader(type_re))  # each distinct sentence once (copies repeat them)
    disputed = any(_disputed(rd) for rd in reads)  # a claim of responsibility doubted
    for rd in reads:
        text = rd.text
        # the lead, the sentences with figures, and a claim of responsibility wherever it is told
        claimed = [m.start() for m in _RESPONSIBILITY_FOLDED.finditer(text, rd.lowered)] \
            if may_hold(_RESPONSIBILITY_HINT, rd.lowered) else []
        relevant = [s for s in rd.spans if rd.in_lead(s) or s in rd.claim_spans
                    or (claimed and any(s[0] <= c < s[1] for c in claimed))]
        found: list[tuple[int, int, str]] = [
            (e.span[0], e.span[1], e.canonical) for e in rd.extraction.entities if e.kind == "organization"]
        sentences = [(a, b, read_sentence[text[a:b]]) for a, b in relevant]
        for a, _, (forces, _, _) in sentences:
            found += [(a + s, a + e, name) for s, e, name in forces]
        for a, b, (_, embedded, verb) in sentences:
            if embedded:
                continue  # an embedded post ("... — Fire Dept (@dept)"): its words, not the report's
            if verb is None:
                continue
            first_verb = a + verb
            for s, e, name in found:
                if not a <= s < b or is_media_name[name] or (
                        text.startswith(":", e) and _LABEL.search(text, max(0, s - 1), e)):
                    continue
                before = text[max(a, s - 40):s]
                after = text[e:min(b, e + 25)]
                # a source of the figures is no party, unless the sentence names it as the one who did it
                # ("attacked by the Taliban", "Taliban attack consulate"); neither is one who only comments
                does = bool(BY_BEFORE.search(before)) or bool(_DOES_AFTER.match(after))
                if disputed and (_CLAIM_AFTER.match(after) or _ON_BEHALF.search(before)):
                    continue  # "IS claimed the attack" in a story that reports no evidence for it
                if not does and (name in attributed or any(a.startswith(name + " ") for a in attributed)):
                    continue  # a source of the figures (also by the first words of its name: "Human Rights")
                if re.search(r"\b(?:according to|said|says|told|reported|reports|of the|for)\s+(?:the\s+)?$", before) \
                        or _SOURCE_AFTER.match(text[e:min(b, e + 90)]):
                    continue
                quoted = s > 0 and text[s - 1] in "'‘\"“" and (text[e:e + 1] or " ") in "'’\"”,." \
                    and ((text[e:e + 1] or " ") in "'’\"”" or (text[e + 1:e + 2] or " ") in "'’\"”")
                if quoted or _SPOKE_AT.search(before) or _OTHER_ACT.search(before) \
                        or _CREDIT.search(text[max(a, s - 12):s]) or _CREDIT_AFTER.match(after):
                    # a quoted sign ('Capitol Police MVP'), where someone spoke, another act, a credit
                    continue  # "in retaliation for Nato airstrikes": another act; "©Jane Doe (AFP)": a credit
                w = rd.weight * (2.0 if rd.in_lead((s, e)) else 1.0)
                if does:
                    mentions.append((name, w, "actor"))
                elif TARGET_BEFORE.search(before):
                    mentions.append((name, w, "target"))
                elif not first_verb < s:
                    mentions.append((name, w, "actor"))
                else:
                    mentions.append((name, w * 0.5, "target"))
        if etype.group != "Battles":
            # named as the one who did it: as strong as a party in the lead
            mentions += [(name, 2.0 * rd.weight, "actor") for name in _perpetrators(rd)]
    canon = merge_parties(n for n, _, _ in mentions)
    score: dict[str, dict[str, float]] = defaultdict(lambda: {"actor": 0.0, "target": 0.0})
    for n, w, role in mentions:
        score[canon[n]][role] += w
    if etype.group in ("Accident", "Disaster", "Other"):  # nobody "did" a crash or a flood
        return (), ()
    total = {n: v["actor"] + v["target"] for n, v in score.items()}
    floor = max([1.0, *(PARTY_SHARE * t for t in total.values())])
    if etype.group == "Battles":  # both sides of a battle are actors (actor1, actor2)
        keep = sorted((n for n in total if total[n] >= floor), key=lambda n: (-total[n], n))
        return tuple(keep[:4]), ()
    actors = sorted((n for n in score if score[n]["actor"] >= score[n]["target"] and total[n] >= floor),
                    key=lambda n: (-score[n]["actor"], n))
    targets = sorted((n for n in score if score[n]["target"] > score[n]["actor"] and total[n] >= floor),
                     key=lambda n: (-score[n]["target"], n))
    return tuple(actors[:3]), tuple(targets[:3])


# -- the record ---------------------------------------------------------------------------------
def event_record(story: Story, facts: Sequence[Fact], articles: Mapping[str, Article],
                 extractions: Mapping[str, Extraction], sources: Sequence[Source],
                 options: EventOptions = EventOptions()) -> EventRecord:
    """The one-row event record of ``story`` (see docs/events.md for how each field is decided)."""
    weights = _weights(story, sources, options)
    background: dict[str, set[tuple[int, int]]] = {}
    for f in facts:
        if f.scope == "background":
            for r in f.reports:
                background.setdefault(r.article_id, set()).add(r.span)
    reads = [
        read(articles[a], extractions.get(a) or Extraction(article_id=a), weights.get(a, 1.0), options.lead_sentences,
             background.get(a, ()))
        for a in story.article_ids if a in articles
    ]
    etype, _ = _choose_type(reads)
    when, precision, date_evidence = event_date(reads, etype, options.max_days_before, options.max_days_after)
    place, place_evidence = event_place(reads, etype, options.min_city_share,
                                        day_of(when) if precision == "day" else None)
    exs = [rd.extraction for rd in reads]
    places = known_places(exs)
    attributed = {c.attributed_to for rd in reads for c in rd.extraction.claims if c.attributed_to} | {
        e.canonical for rd in reads for e in rd.extraction.entities if e.kind == "source"}  # whom reports quote
    actors, targets = _parties(reads, etype, attributed)
    ids = set(story.article_ids)
    in_story = {s.article_id: s for s in sources if s.article_id in ids}
    independent = sum(1 for a in story.article_ids if a in in_story and in_story[a].independent) if in_story \
        else len(story.article_ids)
    return EventRecord(
        date=when, date_precision=precision, date_evidence=date_evidence,
        place=place, place_evidence=place_evidence,
        actors=actors, targets=targets, type=etype.name,
        killed=event_toll(facts, "killed", place, places, exs)[0],
        injured=event_toll(facts, "injured", place, places, exs)[0],
        sources=independent, reports=tuple(story.article_ids),
    )
