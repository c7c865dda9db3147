"""Who said it: attribution phrases in a sentence and normalised originators.

Patterns: "according to X", "X said/reported/announced/told/stated/claimed ...",
"Reports from X indicate", "X, a <description>, said", and speakers named by what they are
("officials said", "Seattle police said", "a spokeswoman for the X said": X). :func:`normalise_source` gives one
canonical spelling per originator (drops a leading article, an appositive after a comma,
outer punctuation). Appositive pairs ("the Syrian Observatory for Human Rights, a UK-based
monitoring organization") are returned by :func:`appositives`; the entry function records
them as ``Entity(kind="source-alias", name=description, canonical=named source)`` and
:func:`link_descriptions` maps descriptions to named sources over all extractions of a story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import Extraction
from .cues import fold, word_alternation

# The verbs a report says who said it with.
REPORT_VERBS = (
    "said", "says", "reported", "reports", "announced", "announces", "told", "stated", "states", "claimed", "claims",
    "confirmed", "confirms", "added", "estimated", "estimates", "noted", "revealed", "indicated", "indicate",
    "indicates", "cited", "warned", "suggested", "suggests", "suggest", "argued", "argues", "insisted", "insists",
    "wrote", "tweeted", "posted", "reporting",
)
# As a prefix tree: a verb is always followed by ``\b`` here, so the order the words are tried in is no matter.
_VERBS = word_alternation(list(REPORT_VERBS))
_REMARK_WORDS = ["remarks", "comments", "statement", "statements", "testimony", "briefing", "announcement"]
_SPEECH_WORDS = word_alternation([*REPORT_VERBS, "according", *_REMARK_WORDS])
# A sentence that may say who says it holds one of these words; no attribution pattern matches without one.
SPEECH_CUE = re.compile(rf"\b(?:{_SPEECH_WORDS})\b", re.IGNORECASE)
# The same test on :func:`.cues.fold`'s copy of a sentence, without ignore-case: several times cheaper.
_SPEECH_CUE_FOLDED = re.compile(rf"\b(?:{_SPEECH_WORDS})\b")


def may_attribute(sentence: str) -> bool:
    """False only when ``sentence`` holds no speech cue (``SPEECH_CUE``): a cheap test before a search for
    who says it."""
    return _SPEECH_CUE_FOLDED.search(fold(sentence)) is not None


# Alternatives must not overlap (an all-caps word is already a capitalised word): overlapping
# alternatives under a repeat backtrack exponentially on long runs of capitalised words.
_NAME = r"(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|de|al|the|on|[A-Z][\w'’.&-]*))*"
MAX_SENTENCE = 1500  # attribution is looked for in the first this-many characters of a sentence
_DESC = r"an?\s+(?:[\w'’ -]|(?<=\b[A-Z])\.){3,80}?"  # a capital's dot is an abbreviation: "a U.S. official"
_ACCORDING = re.compile(
    rf"\b(?i:according)\s+to\s+(?P<src>(?:{_NAME}|{_DESC}|[a-z](?:[\w -]|\.(?=\w)){{2,60}}?))"
    r"(?=[,;]|(?<!\b[A-Z])\.|$)")  # "U.S." does not end the source
# _NAME where only whitespace or a comma may follow it: a word of it cannot end before a character it could
# hold, so its words are taken whole at once (``*+``) instead of given back one character at a time.
_NAME_THEN_SPACE = r"(?:the\s+)?[A-Z][\w'’.&-]*+(?:\s+(?:of|for|and|de|al|the|on|[A-Z][\w'’.&-]*+))*"
_REPORTS_FROM = re.compile(
    rf"\b(?i:reports?)\s+from\s+(?P<src>{_NAME_THEN_SPACE}|{_DESC})\s+(?:indicate|say|show|suggest)")
_SAID = re.compile(
    rf"(?P<src>{_NAME_THEN_SPACE}|{_DESC})(?P<app>,\s+(?:an?|the)\s+[^,]{{3,80}},)?\s+(?:(?:has|had|have)\s+)?"
    rf"(?:{_VERBS})\b"
)
# The verb every _SAID and _GENERIC_SAID match ends with, after whitespace: no match of either ends after the
# last one, so they search only up to it.
_VERB_AFTER_SPACE = re.compile(rf"\s(?:{_VERBS})\b")
# Speakers named by what they are ("officials said", "Seattle police said", "a spokeswoman for the London
# ambulance service said"): the originator is the body they speak for when the text names it.
GENERIC_SPEAKERS = (
    "officials", "official", "police", "authorities", "witnesses", "residents", "doctors", "medics", "paramedics",
    "rescuers", "firefighters", "investigators", "prosecutors", "officers", "spokesman", "spokeswoman",
    "spokesperson", "sources", "source", "activists", "organisers", "organizers", "survivors", "staff",
    "media", "websites", "outlets", "agency", "chief", "group", "monitor", "watchdog",
)
# Bodies named by what they are: one body in a story ("the ministry said", "the army said"), unlike "officials".
_INSTITUTIONS = ("ministry", "government", "army", "military", "opposition", "authority", "department",
                 "commission", "council", "committee")
# Offices one person holds ("the interior minister said", "Kenya's interior minister, Jane Doe, said"): one
# speaker in a story, as a body is.
_OFFICES = ("minister", "governor", "mayor", "president", "commissioner", "coroner", "sheriff", "director",
            "secretary", "commander", "premier", "superintendent", "administrator", "chairman", "chairwoman")
_SPEAKER_WORDS = (*GENERIC_SPEAKERS, *_INSTITUTIONS, *_OFFICES)
_GENERIC_WORDS = "|".join((*GENERIC_SPEAKERS, *_INSTITUTIONS))
_MODIFIERS = ("local", "state", "provincial", "federal", "regional", "senior", "military", "security", "health",
              "hospital", "government", "police", "fire", "rescue", "medical", "emergency", "city", "county",
              "other", "two", "three", "several", "pro-government", "opposition", "rebel", "army", "state-run",
              "official", "independent", "western", "foreign", "international", "news", "social", "interior",
              "defence", "defense", "justice", "home", "information", "civil", "prime", "deputy", "district",
              "rights", "human", "activist", "monitoring", "aid", "medical", "campaign",
              "disaster", "management", "national", "transport", "aviation", "weather", "meteorological",
              "country's", "nation's", "state's", "city's", "region's", "province's", "island's", "town's")
_GENERIC_SAID = re.compile(
    r"(?<![\w-])(?P<src>(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.-]*\s+|(?:" + "|".join(_MODIFIERS) + r")\s+){0,3}"
    rf"(?:{_GENERIC_WORDS}|(?P<office>{'|'.join(_OFFICES)}))"
    r"(?:\s+(?:for|of|at|with)\s+(?P<body>(?:the\s+)?[A-Za-z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,4}?))?)"
    rf"(?:,\s+(?P<app>[^,]{{3,80}}),)?(?P<comma>,)?\s+(?:(?:has|had|have)\s+)?(?:{_VERBS})\b"
)  # (a comma before the verb only closes an office's apposition: "Jane Doe, mayor of Lusa, said")
# The name a generic speaker is given in apposition ("the region's governor, Carlos Rua, said"): the speaker.
_PERSON_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),\s+$")
_NAME_ONLY = re.compile(r"(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’.&-]*))*")
# The speaker after the verb: "..., said local doctor Noor Mohammad Fayez", "..., said local sources", "...,"
# said Mr. Smith." A name wins over the words that say what the speaker is.
_INVERTED = re.compile(
    r"[,\"”’]\s*(?:said|says|added|told\s+(?:reporters|journalists|the\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}))\s+"
    r"(?:(?P<title>(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s+){0,4}?)(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al|bin|"
    r"de|van|von))*)|(?P<generic>(?:(?:the|a|an)\s+)?(?:(?:" + "|".join(_MODIFIERS)
    + rf")\s+){{0,3}}(?:{_GENERIC_WORDS})))"
    r"(?=\s*(?:[,.;:]|$))")
# "remarks by the UN's special envoy for Syria, Geir Pedersen, suggested": the one who made them
_REMARKS_BY = re.compile(
    r"\b(?i:remarks|comments|statements?|testimony|briefing|announcement)\s+(?:by|from)\s+(?:the\s+)?"
    r"(?:[^,.;]{0,60},\s+)?(?P<src>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+)")
_GENERIC_KEYS = frozenset(GENERIC_SPEAKERS)
_PLAIN_WORDS = frozenset(("the", "a", "an", *_MODIFIERS, *GENERIC_SPEAKERS))


def is_generic_source(name: str | None) -> bool:
    """Whether an originator is only what the speaker is ("officials", "Local officials", "witnesses"), no
    body named ("Seattle police" names one): two articles quoting "officials" are not the same source."""
    words = (name or "").lower().split()
    return bool(words) and words[-1] in _GENERIC_KEYS and all(w in _PLAIN_WORDS for w in words)


_GENERIC_IN_PLACE = re.compile(
    r"(?<![\w-])(?P<src>(?:(?:the|a|an)\s+)?(?:(?:" + "|".join(_MODIFIERS) + rf")\s+){{0,3}}(?:{_GENERIC_WORDS}))"
    r"\s+(?:in|at)\s+$", re.IGNORECASE)
_PLACE_OF_SPEAKER = re.compile(r"\b(?:in|of|at|from|near|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)
_BODY_IN_PLACE = re.compile(rf"(?P<body>{_NAME})\s+(?:in|at)\s+$")
_APPOSITIVE = re.compile(rf"(?P<src>{_NAME}),\s+(?P<desc>an?\s+[^,.;]{{3,80}}?)(?=[,.;]|$)")
_APPOSITIVE_CUE = re.compile(r",\s+an?\s")
_DETERMINERS = frozenset({"the", "a", "an", "these", "those"})
_SKIP_SOURCES = frozenset(
    [
        "it", "he", "she", "they", "we", "i", "this", "that", "which", "who", "despite", "however", "but", "and",
        "although", "though", "while", "when", "after", "before", "in", "on", "at", "as", "since", "meanwhile",
        "moreover", "also", "yet", "still", "such", "its", "their", "his", "her",
        # an adjective of what was reported, not who ("Earlier reports indicated", "Unconfirmed reports put")
        "earlier", "unconfirmed", "initial", "previous",
        # a determiner alone before a verb of speech used as a participle ("The confirmed death toll rose"):
        # as the whole source only (never as the first word of one: "The Red Cross said")
        "the", "a", "an", "these", "those",
    ]
)
_SKIP_FIRST = _SKIP_SOURCES - _DETERMINERS  # the first word of a source that is none


_TITLES = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Lt|Col|Gen|Brig|Maj|Capt|Cpt|Sgt|Cpl|Adm|Gov|Sen|Rep|Prof|Rev|Insp|Supt|"
                     r"Det)\.?\s+)+(?=[A-Z][\w'’-]+\s+[A-Z])")


_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


_WHEN_AFTER = re.compile(r"\s+(?:on|late|early|last|this)\s+(?:\w+\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                         r"night|morning|evening|afternoon|week)\b.*$")


def normalise_source(name: str) -> str:
    """Canonical spelling of an originator: no leading article, no appositive, no title before a person's
    name ("Lt. Col. Hassan Abdulghany": Hassan Abdulghany), single spaces."""
    s = _SPACES.sub(" ", name).strip(" ,.;:\"'“”‘’")
    s = s.split(",")[0].strip()
    s = _TITLES.sub("", s)
    s = _WHEN_AFTER.sub("", s)  # "Pradeep Jena on Sunday said": Pradeep Jena
    s = _ARTICLE.sub("", s) if s[:1].isupper() else s
    if s.lower().startswith(("a ", "an ", "the ")):
        s = s.split(" ", 1)[1]
    return s.strip()


def _in_or_at_before(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends in whitespace, "in" or "at", whitespace: as every match of _GENERIC_IN_PLACE
    (in the folded text) and _BODY_IN_PLACE does (a cheap test before them)."""
    before = text[max(0, end - 80) : end]
    word = before.rstrip()
    return len(word) < len(before) and word[-2:] in ("in", "at") and len(word) > 2 and word[-3].isspace()


def _said_end(sentence: str) -> int:
    """Where the _SAID and _GENERIC_SAID searches of ``sentence`` may stop: after the last verb that can end a
    match and the character after it (the ``\\b`` after the verb looks at it); 0 when no verb can."""
    end = 0
    for m in _VERB_AFTER_SPACE.finditer(sentence):
        end = m.end()
    return min(end + 1, len(sentence)) if end else 0


def attribution(sentence: str) -> tuple[str, str] | None:
    """``(canonical, as_written)`` for the first attribution in ``sentence``, or None."""
    sentence = sentence[:MAX_SENTENCE]
    for m in _ACCORDING.finditer(sentence) if "ccording" in sentence else ():
        src = m.group("src").strip().rstrip(".,;:")
        if src.lower() not in _SKIP_SOURCES and src.split()[0].lower() not in _SKIP_FIRST:
            return normalise_source(src), src
    for m in _INVERTED.finditer(sentence):
        if m.group("name") and m.group("name").split()[0].lower() not in _SKIP_FIRST:
            return normalise_source(m.group("name")), ((m.group("title") or "") + m.group("name")).rstrip(".")
        if m.group("generic"):
            return normalise_source(m.group("generic")), m.group("generic")
    folded = fold(sentence)
    if ("by " in sentence or "from " in sentence) and any(w in folded for w in _REMARK_WORDS) and (
            m := _REMARKS_BY.search(sentence)):
        return normalise_source(m.group("src")), m.group("src")
    said_end = _said_end(sentence)
    reports_end = len(sentence) if "from" in sentence and "report" in folded else 0
    for rx, end in ((_REPORTS_FROM, reports_end), (_SAID, said_end)):
        for m in rx.finditer(sentence, 0, end) if end else ():
            src = m.group("src").strip().rstrip(".,;:")
            if src.lower() in _SKIP_SOURCES or src.split()[0].lower() in _SKIP_FIRST:
                continue
            if rx is _SAID and m.start() > 0 and sentence[m.start() - 1].isalnum():
                continue
            if rx is _SAID and not m.group("src").split()[-1][:1].isupper():
                continue
            if rx is _SAID and _in_or_at_before(folded, m.start()) and (
                    who := _GENERIC_IN_PLACE.search(sentence, max(0, m.start() - 60), m.start())):
                return normalise_source(who.group("src")), who.group("src")  # "police in Nice said": police
            if rx is _SAID:
                body = _BODY_IN_PLACE.search(sentence, max(0, m.start() - 80), m.start()) if _in_or_at_before(
                    sentence, m.start()) else None
                if not body and _PLACE_OF_SPEAKER.search(sentence, max(0, m.start() - 16), m.start()):
                    continue  # "a family in the suburbs of New York City said": the family, not the city
                if body and body.group("body").split()[0].lower() not in _SKIP_FIRST:
                    src = body.group("body")  # "St George's Hospital in Tooting said": the hospital speaks
            return normalise_source(src), src
    m = None
    if said_end and any(w in sentence for w in _SPEAKER_WORDS):
        m = next((m for m in _GENERIC_SAID.finditer(sentence, 0, said_end)
                  if not m.group("comma") or m.group("office")), None)
    if m is not None:
        src = m.group("src").strip()
        body = m.group("body")
        app = (m.group("app") or "").strip()
        if m.group("office"):  # one person: named beside the office if they are, else the office itself
            if app and _PERSON_NAME.fullmatch(app):
                return normalise_source(app), app
            named = _NAME_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
            if named and named.group(1).split()[0].lower() not in _SKIP_FIRST:
                return normalise_source(named.group(1)), named.group(1)  # "Jane Doe, mayor of Nice, said"
            if body and not _NAME_ONLY.fullmatch(body):
                src = src[: m.start("body") - m.start("src")].rstrip()
                src = re.sub(r"\s+(?:for|of|at|with)$", "", src)  # "governor of Arkansas and preacher who"
            return normalise_source(src), src
        if app and not body and _PERSON_NAME.fullmatch(app):
            return normalise_source(app), app
        return normalise_source(body if body and body.split()[-1].lower() not in _GENERIC_KEYS else src), src
    return None


# A second speaker within a sentence, before figures of its own: "61 people were killed but the opposition put
# the toll at more than 100", "..., after the Central Committee of Doctors reported that the toll stands at 108"
_RIVAL = re.compile(
    r"(?:,|;|\bbut|\bwhile|\bwhereas|\bafter|\bthough|\balthough|\band)\s+(?:the\s+|an?\s+)?"
    r"(?P<src>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,6}|opposition(?:\s+groups?)?|"
    rf"rights\s+groups?|(?:[a-z][\w-]*\s+){{0,2}}(?:{_GENERIC_WORDS}))"
    r"\s+(?:had\s+|have\s+|has\s+)?(?:said|says|reported|reports|put|puts|estimated|estimates|claimed|claims|counted|"
    r"gave|announced|stated|recorded|documented)\b")


def rival_sources(sentence: str, first: tuple[str, str] | None) -> list[tuple[int, tuple[str, str]]]:
    """``(where its words end, (canonical, as_written))`` for each speaker the sentence brings in after its first
    (``first``, :func:`attribution`'s), in order: the figures after it are that speaker's."""
    if first is None:
        return []
    out = []
    for m in _RIVAL.finditer(sentence[:MAX_SENTENCE]):
        src = m.group("src").strip()
        name = normalise_source(src)
        if src.split()[0].lower() in _SKIP_FIRST or name.lower() == first[0].lower() or src in first[1]:
            continue
        out.append((m.end(), (name, src)))
    return out


def framing_attribution(sentence: str) -> tuple[str, str] | None:
    """The "according to X" attribution of ``sentence``: the kind that frames the following
    sentences too (a casualty list after "According to X, ..." is X's)."""
    for m in _ACCORDING.finditer(sentence):
        src = m.group("src").strip()
        if src.split()[0].lower() not in _SKIP_FIRST:
            return normalise_source(src), src
    return None


def appositives(sentence: str) -> list[tuple[str, str]]:
    """``(description, named source)`` pairs written in apposition: "X, a UK-based monitor"."""
    out: list[tuple[str, str]] = []
    if not _APPOSITIVE_CUE.search(sentence):  # the comma and article every apposition holds
        return out
    for m in _APPOSITIVE.finditer(sentence):
        out.append((normalise_source(m.group("desc")), normalise_source(m.group("src"))))
    return out


def link_descriptions(extractions: Iterable[Extraction]) -> dict[str, str]:
    """Map each description (normalised) to the named source it stands in apposition with in any
    article of the story; the first pairing (in the order given) wins."""
    out: dict[str, str] = {}
    for ex in extractions:
        for e in ex.entities:
            if e.kind == "source-alias":
                out.setdefault(normalise_source(e.name), e.canonical)
    return out
