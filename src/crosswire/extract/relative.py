"""What a date is attached to: the event word of its clause (used by :func:`crosswire.extract.time.dated_events`).

A date becomes a :class:`crosswire.records.DatedEvent` when its clause (the sentence cut at
``;``, ``:`` and dashes, and at commas that are far from the date) holds an event verb
("began", "launched", "breached", "killed", ...) or an event noun ("offensive", "ceasefire",
"shooting", "earthquake", ...). The description is a short clause built from those words:
the event noun, the verb, and an agent introduced by "by" ("ceasefire brokered by Turkey
and Russia"), or the verb with its object when no noun is near ("breached the major city of
Aleppo").
"""

from __future__ import annotations

import re

__all__ = ["EVENT_NOUNS", "EVENT_VERBS", "describe_event"]


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(words.split())

# Past-tense and participle forms of verbs that report an event happening.
EVENT_VERBS = _wordset(
    """began begun started start launched launch erupted broke ignited initiated opened captured seized took
    taken overran overtaken breached entered stormed attacked struck hit bombed shelled killed died wounded
    injured fired exploded detonated crashed collapsed derailed sank burned flooded erupted occurred happened
    took brokered signed agreed established declared announced ended halted invaded intervened withdrew
    retook recaptured fell arrested shot stabbed rammed kidnapped abducted protested marched rallied
    gathered clashed fought destroyed damaged evacuated fled displaced claimed split ousted elected
    resigned sworn assassinated executed raided targeted hit struck overturned capsized drowned ambushed
    hijacked torched looted surrendered toppled trapped collided derailed won defeated lost met injuring
    wounding released freed rescued found discovered unveiled published revealed passed voted approved
    rejected vetoed overrode sentenced convicted acquitted charged indicted ruled testified delayed postponed
    cancelled canceled closed reopened banned suspended fined appointed nominated dismissed sacked expelled
    deported detained landed grounded evacuated reached distanced severed renounced plunged veered careered
    tumbled slammed ploughed plowed smashed swept engulfed buried inundated submerged ravaged devastated razed
    flattened crumbled burst overflowed rocked jolted shook triggered perished murdered massacred slaughtered
    crushed trampled suffocated poisoned lynched beheaded gunned electrocuted"""
)

EVENT_NOUNS = _wordset(
    """offensive attack attacks assault operation war conflict uprising revolution ceasefire cease-fire truce
    deal agreement accord shooting shootings crash collision derailment earthquake quake tremor flood floods
    flooding storm hurricane typhoon cyclone tornado fire wildfire blaze explosion explosions blast blasts
    bombing bombings airstrike airstrikes strike strikes raid raids protest protests demonstration
    demonstrations rally riot riots clashes fighting invasion intervention coup siege massacre incident
    election elections talks summit collapse landslide eruption outbreak epidemic stampede hijacking
    kidnapping abduction ambush battle campaign crackdown withdrawal capture fall killing killings
    onslaught incursion insurgency rebellion gunfire shootout firefight skirmish skirmishes shelling
    bombardment stabbing stabbings rampage standoff accident tragedy disaster avalanche mudslide
    shipwreck sinking victory triumph win defeat meeting control rule occupation blockade crush surge
    capsizing tsunami"""
)

_EVENT_WORDS = EVENT_VERBS | EVENT_NOUNS
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE_BREAK = re.compile(r"[;—–]|:(?!\d)|\s-\s|\(|\)|\"|“|”")  # (not a clock's "9:45")
_NAME = r"(?:[A-Z][\w'’-]*|al-[\w'’-]+)"
_AGENT = re.compile(
    rf"^\s*by\s+((?:(?:the|an?|its|their)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{_NAME}(?:\s+(?:{_NAME}|of|and|for))*)"
)
_MAX_GAP_WORDS = 9
# Clock-time words, in lower case. (A clock figure, "11pm", is no word: a word starts with a letter.)
_CLOCK_WORDS = frozenset({
    "am", "pm", "local", "time", "gmt", "utc", "bst", "est", "edt", "pst", "pdt", "cet", "around", "approximately",
    "roughly", "reportedly", "evening", "morning", "afternoon", "night", "o'clock", "midnight", "noon"})
_WHEN_AFTER = re.compile(r",?\s+when\b")
# "were killed when a bus plunged into a gorge near the town on Tuesday": the date ends the clause saying how
# the deaths came about, so the verb before "when" is in reach
_WHEN_REACH = 20
_MAX_DESCRIPTION_WORDS = 9


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence around ``[start, end)`` not cut by strong punctuation."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = m.end()
    right = len(sentence)
    m = _CLAUSE_BREAK.search(sentence, end)
    if m:
        right = m.start()
    return left, right


def _words(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(text)]


_REPORTING = frozenset({"announced", "claimed", "declared", "said", "reported", "agreed"})
_NOT_REPORTING = EVENT_VERBS - _REPORTING
_PREPOSITIONS = frozenset({"on", "in", "since", "by", "at", "during", "late", "early", "last", "after", "of",
                           "against", "from", "to", "before", "until", "for", "with"})
_MODIFIERS = frozenset({"civil", "military", "air", "car", "mass", "ground", "rebel", "terrorist", "suicide",
                        "ballistic", "drone", "missile", "rocket", "deadly", "major", "large-scale", "new"})


def _nearest(lows: list[str], vocabulary: frozenset[str], pivot: int, gap: int = _MAX_GAP_WORDS) -> int | None:
    """Index of the vocabulary word (``lows``: the words in lower case) nearest to word index ``pivot`` within
    ``gap`` words (the earlier of two as near)."""
    for d in range(gap + 1):
        if 0 <= pivot - d < len(lows) and lows[pivot - d] in vocabulary:
            return pivot - d
        if d and pivot + d < len(lows) and lows[pivot + d] in vocabulary:
            return pivot + d
    return None


def _verb(lows: list[str], pivot: int, gap: int) -> int | None:
    """The nearest event verb, skipping reporting verbs when a real event verb is in reach."""
    v = _nearest(lows, EVENT_VERBS, pivot, gap)
    if v is not None and lows[v] in _REPORTING:
        other = _nearest(lows, _NOT_REPORTING, pivot, gap + 10)
        if other is not None:
            return other
    return v


def describe_event(sentence: str, date_span: tuple[int, int]) -> str | None:
    """A short event clause for the date at ``date_span`` (offsets in ``sentence``), or None if its
    clause holds no event word."""
    c0, c1 = _clause_bounds(sentence, *date_span)
    if _EVENT_WORDS.isdisjoint(map(str.lower, _WORD.findall(sentence, c0, c1))):
        return None  # most clauses with a date: no event word at all
    # the clause's words but the date's own words, and the clock-time words around it ("at around 11pm local
    # time on Thursday evening"), which put the event word out of reach without saying anything of the event
    candidates: list[tuple[int, int, str]] = []
    lows: list[str] = []  # the candidates in lower case
    pivot = -1  # the first candidate after the date
    for m in _WORD.finditer(sentence, c0, c1):
        s, e = m.span()
        word = m.group()
        low = word.lower()
        if (s >= date_span[0] and e <= date_span[1]) or low in _CLOCK_WORDS:
            continue
        if pivot < 0 and s >= date_span[1]:
            pivot = len(candidates)
        candidates.append((s, e, word))
        lows.append(low)
    if not candidates:
        return None
    if pivot < 0:
        pivot = len(candidates)
    gap = _MAX_GAP_WORDS
    if _WHEN_AFTER.match(sentence, date_span[1]):  # "since March 2020, when Russia ... brokered"
        gap = 30
    v = _verb(lows, pivot, gap)
    n = _nearest(lows, EVENT_NOUNS, pivot, gap)
    if v is None and n is None and "when" in lows[max(0, pivot - _WHEN_REACH) : pivot]:
        v = _verb(lows, pivot, _WHEN_REACH)
    if v is None and n is None:
        return None
    parts: list[str] = []
    if n is not None and (v is None or n < v):
        j = n
        while j > 0 and lows[j - 1] in _MODIFIERS:
            j -= 1
        if j > 0 and candidates[j - 1][2][0].isupper() and candidates[j - 1][2].endswith(("'s", "’s")):
            j -= 1
        parts.append(" ".join(w for _, _, w in candidates[j : n + 1]))
    if v is not None:
        parts.append(candidates[v][2])
        tail_start = candidates[v][1]
        tail = sentence[tail_start:c1]
        if date_span[0] >= tail_start:
            between = _words(sentence[tail_start : date_span[0]], 0)
            if all(w.lower() in _PREPOSITIONS for _, _, w in between):
                tail = sentence[date_span[1] : c1]
        agent = _AGENT.match(tail)
        if agent:
            parts.append("by " + agent.group(1).strip())
        elif n is None or n > v:
            obj: list[str] = []
            for w in tail.split(",")[0].split()[:6]:
                if w.lower().strip(".,") in _PREPOSITIONS - {"of"} or w.lower() in ("that", "which", "who"):
                    break
                obj.append(w.strip(".,"))
            parts.extend(obj)
    words_out = " ".join(parts).split()
    return " ".join(words_out[:_MAX_DESCRIPTION_WORDS]) or None
