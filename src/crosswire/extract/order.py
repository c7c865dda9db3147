"""What a report says about a figure's time: an earlier count, the latest one, one still running, or another event's.

A report of a toll that changes tells its history in its own words ("At first, the ministry said 14 people
had died"; "the toll has climbed to 61, up from 40") and puts the event beside earlier ones ("the worst mine
disaster since more than 90 died in a 2006 blast"). :func:`cues` reads those words around one figure of a sentence;
the extract stage records them on the claim (see docs/claims.md):

- ``order`` ``"earlier"``: the report marks the figure as an earlier count, overtaken by a later one
  ("Originally / Initially / At first / Earlier, X said N", "X had put the toll at N", "an earlier toll of N",
  "up from N", "rose from N to ...");
- ``order`` ``"latest"``: the figure is the count after a change ("has risen to N", "revised down to N",
  "N, up from ...", "now N", "the latest toll of N");
- ``order`` ``"running"``: the figure is a count still going on ("N so far", "As of Sunday evening, N ...",
  "N, and the toll is expected to rise");
- ``other_event``: the figure's clause is about another, earlier event than the one reported: the event this
  one is measured against ("the worst since more than 90 died in a 2006 blast") or an incident named as another
  ("in a similar attack, 12 died").

Words that only place a figure later in the same course of events ("Two days after the fire broke out, 40 were
dead") say nothing of another event: a report cannot be told from its wording alone whether such a stage is the
event itself or an earlier one, so they give no ``other_event``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import REPORT_VERBS
from .cues import fold, word_alternation
from .numbers import CHANGED_FROM, CHANGED_TO_FROM
from .vocab import CHANGE_VERB_WORDS, CHANGE_VERBS, INCIDENT_NOUNS, TAKE_TO_VERBS, TAKE_TO_WORDS

__all__ = ["Cues", "cues", "sentence_cues"]


# (a figure's span starts at its qualifier: "at least 61", so the cues end right before it)
# "has risen to 61", "reached 61", "revised down to 40": the count after a change
_CHANGED_TO = re.compile(rf"\b(?:{CHANGE_VERBS}\s+(?:(?:[\w']+\s+){{0,2}}?from\s+[\w,.]+\s+)?to|"
                         r"(?:down|up)(?:wards?)?\s+to|reached|"
                         r"reaching|hit|"
                         # "soared past 4,300", "has passed 1,000", "topped 500", "crossed the 1,000 mark"
                         rf"(?:{CHANGE_VERBS}\s+(?:past|above|beyond|over)|passed|topped|exceeded|surpassed|crossed)|"
                         # "pushing the confirmed death toll to 49", "bringing the number of dead to 12"
                         rf"{TAKE_TO_VERBS}\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:toll|tally|count|number)"
                         r"(?:\s+of\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+(?:up\s+)?to)\s+$", re.IGNORECASE)
_NOW_BEFORE = re.compile(r"\b(?:now|currently)\s+(?:stands?\s+at\s+|stood\s+at\s+|is\s+|at\s+)?$"
                         r"|\b(?:the\s+)?(?:latest|new|updated|revised)\s+(?:death\s+|casualty\s+)?(?:toll|figure|count|"
                         r"tally)\b[^.;]{0,30}$", re.IGNORECASE)
# "at least 3,958 people have died instead of 11,300": 3,958 is the count now, corrected
_INSTEAD_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,8}?,?\s+(?P<cue>instead\s+of\s+(?:the\s+)?(?:previously\s+reported\s+|"
                            r"earlier\s+|initial\s+)?[\d,.]+)", re.IGNORECASE)
# "61, up from 40": 61 is the count now
_UP_FROM_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,6}?,?\s+(?:up|down)\s+from\b", re.IGNORECASE)
# (also past the verb and its place: "97 people had perished in Lahaina, down from a previous official toll of 115")
# "revised the death toll ... to 275 from 288": 275 the count now, 288 the count it replaced
_TO_BEFORE = re.compile(r"(?P<cue>\bto)\s+(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|about\s+)?$",
                        re.IGNORECASE)
_FROM_AFTER = re.compile(r"\s+from\s+(?:(?:an?|the)\s+)?(?:(?:earlier|initial|previous|prior|original|official|"
                         r"government|estimated|death|toll|figure|count|estimate|tally)\s+){0,4}(?:of\s+)?"
                         r"[\d][\d,.]*\d?\b", re.IGNORECASE)  # ("from a previous government estimate of 1,400")
_AND_NOT_BEFORE = re.compile(r"\d[^.;\d]{0,20}?(?P<cue>,?\s+(?:and\s+)?not)\s+$", re.IGNORECASE)
_FROM_TO_BEFORE = re.compile(r"(?P<cue>\bfrom\s+\d[\d,.]*\s+to)\s+$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s+to\s+\d[\d,.]*\d?\b", re.IGNORECASE)
_EARLIER_NOUN = re.compile(r"\b(?:earlier|initial|previous|original|first|old)\s+(?:death\s+|casualty\s+)?"
                           r"(?:toll|figure|count|estimate|tally|reports?)\b[^.;]{0,30}$", re.IGNORECASE)
# "At first, the ministry said 14", "Earlier, X had put the toll at 21", "initially reported 20"
_EARLIER_LEAD = re.compile(
    r"(?:^|[,;:(—–]\s*|\b(?:but|and|while|though|although)\s+)[\"“‘']?(?P<cue>originally|initially|at\s+first|"
    r"previously|earlier(?!\s+(?:this|last|that\s+(?:year|month|week)|in\s+(?!the\s+day)|(?:in|on)\s+(?:19|20)\d\d)))\b",
    re.IGNORECASE)
_EARLIER_VERB = re.compile(r"\b(?:had\s+(?:\w+ly\s+)?(?:put|given|set|placed|estimated|reported|said|announced)|"
                           r"(?:had\s+)?(?:originally|initially|previously|earlier|first)\s+(?:been\s+)?"
                           r"(?:said|reported|put|gave|given|announced|estimated|stated|told|confirmed|counted|listed)"
                           r"|(?:said|reported|announced|stated|told\s+\w+)\s+(?:earlier|previously|initially))\b",
                           re.IGNORECASE)
# what ends a lead cue's reach before the figure: a new clause
_NEW_CLAUSE = re.compile(r"[;]|,\s*(?:but|and|while|before|then|now)\b|\b(?:but|later|now|since|has\s+since)\b",
                         re.IGNORECASE)
_RUNNING_NEAR = re.compile(r"\bso\s+far\b|\bas\s+of\s+(?:\w+\s+){0,3}?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                           r"today|tonight|now|this|last|yesterday|noon|midnight|morning|evening|night|\d)",
                           re.IGNORECASE)
# the toll itself may still rise ("a river could rise" says nothing of a count)
_MAY_RISE = re.compile(r"\b(?:toll|figure|number|count|tally|casualties)\b[^.;]{0,40}?(?:\b(?:expected|likely|feared|"
                       r"set|poised)\s+to\s+(?:rise|climb|increase|go\s+up)|\b(?:could|may|might|will|would)\s+"
                       r"(?:\w+\s+)?(?:rise|climb|increase|go\s+up)\b)", re.IGNORECASE)
# The figure's clause is about another event.
_SUPERLATIVE = (r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|highest|most\s+\w+|first|"
                r"greatest|major)\b")
_SINCE_BEFORE = re.compile(rf"{_SUPERLATIVE}[^.;:]{{0,80}}?\b(?P<cue>since\s+[^,;:.]{{0,80}}"
                           r"(?:,\s+(?:which|that|when|where|in\s+which)\b[^,;:.]{0,40})?)$", re.IGNORECASE)
# ("the deadliest since the 2010 bombings, which saw 76 casualties": the relative clause is of that event too)
# "since ... and 40 died": a clause joined after the one "since" opens is this event's again
_JOINED = re.compile(r"\b(?:and|but|while|yet|whereas)\b", re.IGNORECASE)
# "a similar attack", "the earlier crash": another incident, named as one
_ANOTHER_INCIDENT = (rf"(?:an?|the)\s+(?:similar|separate|unrelated|earlier|previous|prior|another)\s+"
                     rf"(?:[\w-]+\s+){{0,2}}?{INCIDENT_NOUNS}")
_OTHER_AGENT = re.compile(r"\b(?P<cue>(?:an?|the)\s+(?:different|separate|another)\s+(?:gunman|shooter|attacker|bomber|"
                          r"assailant|suspect|man))\b[^;.]{0,40}$", re.IGNORECASE)
_OTHER_INCIDENT = re.compile(rf"\b(?P<cue>{_ANOTHER_INCIDENT})\b[^;.]{{0,60}}$", re.IGNORECASE)
_OTHER_INCIDENT_AFTER = re.compile(rf"^[^,;.]{{0,40}}?\b(?:in|during|at)\s+(?P<cue>{_ANOTHER_INCIDENT})\b",
                                   re.IGNORECASE)
# many incidents over a period, whose toll sums them all: "There have been 19 mass shootings in the United States
# since May 11 that, including the one in Uvalde, left at least 44 people dead"
_INCIDENTS_SINCE = re.compile(r"\b(?P<cue>(?:\d{1,3}|several|dozens\s+of|hundreds\s+of)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:shootings|attacks|bombings|crashes|incidents|explosions|strikes|raids)\b[^;.]{0,60}?"
                              r"\bsince\b)[^;.]{0,140}$", re.IGNORECASE)
# a count since a change of power or a war began: "423 deaths since the coup", "40 people have lost their lives since
# President Castillo launched a self-coup" (a day's clash is not all of it)
_SINCE_REGIME = re.compile(r"[^.;]{0,60}?\b(?P<cue>since\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}?(?:coup|self-coup|invasion|"
                           r"war\s+began|war\s+started|takeover|took\s+(?:office|over|power)|came\s+to\s+power|"
                           r"seized\s+power))\b", re.IGNORECASE)
# "a missile similar to one that hit the city on March 14, killing 17": that one's toll
_SIMILAR_TO = re.compile(r"\b(?P<cue>similar\s+to\s+(?:the\s+)?(?:one|ones|those|that)\b)[^;.]{0,100}$", re.IGNORECASE)
# "weeks after a more powerful one killed 61 people", "months after a deadlier quake": another incident of the
# kind, a span of time away from this one (not "days after the attack", which is this story's)
_SPAN_FROM_INCIDENT = re.compile(
    rf"\b(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before)\s+(?P<cue>an?\s+(?:(?:[\w-]+\s+){{0,3}}?one|"
    rf"(?:[\w-]+\s+)?(?:(?:more|less)\s+[\w-]+|bigger|larger|deadlier|stronger|smaller|worse)\s+{INCIDENT_NOUNS}))"
    rf"\b[^;.]{{0,60}}$", re.IGNORECASE)
# figures listed together share their cues: "has risen to 61 dead and 140 wounded"
_LISTED = re.compile(r"\s*(?:,|and|,\s*and|with)\s*(?:a\s+further\s+|another\s+)?")
# a lead cue needs a report in its clause: "At first, the ministry said 14", not "Previously unknown gunmen killed 11"
_REPORT_WORDS = ("put", "puts", "gave", "given", "had", "counted", "listed", "recorded", "registered", "toll", "figure",
                 "count")  # besides the verbs of speech
_REPORT = re.compile(rf"\b(?:{word_alternation([*REPORT_VERBS, *_REPORT_WORDS])})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    """What the sentence says of a figure's time: ``order`` (``earlier``, ``latest``, ``running`` or None) with
    the words that say it (``order_cue``), and ``other_event``: the words tying it to another event, if any."""

    order: str | None = None
    order_cue: str | None = None
    other_event: str | None = None


_NONE = Cues()

# The words each cue pattern cannot match without one of, as :func:`.cues.fold` spells them. Wherever a pattern
# matches, its word is a whole run of letters of the sentence (word boundaries or spaces on both sides), so a
# sentence whose runs of letters hold none of a pattern's words is not searched with it.
_LETTERS = re.compile(r"[a-z]+")
_TOLL_WORDS = frozenset({"toll", "figure", "count", "tally"})
_LEAD_WORDS = frozenset({"originally", "initially", "first", "previously", "earlier"})  # _EARLIER_LEAD
_NOW_WORDS = _TOLL_WORDS | {"now", "currently"}  # _NOW_BEFORE
# _CHANGED_TO ("reached", "reaching", "hit" are among them)
_CHANGE_WORDS = frozenset(CHANGE_VERB_WORDS) | frozenset(TAKE_TO_WORDS) | frozenset(
    ("passed", "topped", "exceeded", "surpassed", "crossed"))
_EARLIER_VERB_WORDS = _LEAD_WORDS | {"had"}  # _EARLIER_VERB
_EARLIER_NOUN_WORDS = _TOLL_WORDS | {"estimate", "report", "reports"}  # _EARLIER_NOUN
_MAY_RISE_WORDS = _TOLL_WORDS | {"number", "casualties"}  # _MAY_RISE
_OTHER_WORDS = frozenset({"similar", "separate", "unrelated", "earlier", "previous", "prior", "another", "different"})
_SPAN_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"})
_CUE_WORDS = frozenset({"from", "far", "as", "of", "since", "after", "before", "instead", "not", *_SPAN_WORDS}).union(
    # CHANGED_FROM and _UP_FROM_AFTER, _RUNNING_NEAR, _SINCE_BEFORE, _SPAN_FROM_INCIDENT; then each pattern's own
    _NOW_WORDS, _CHANGE_WORDS, _EARLIER_VERB_WORDS, _EARLIER_NOUN_WORDS, _MAY_RISE_WORDS, _OTHER_WORDS)


class _Sentence:
    """A sentence as its figures' cues read it: which cue patterns can match in it (their words looked for once,
    for all its figures), and the ``_MAY_RISE`` match (the whole sentence's, the same for every figure), searched
    for once, when first needed. ``any``: some pattern can."""

    __slots__ = (
        "_rise",
        "_rise_read",
        "any",
        "change",
        "earlier_noun",
        "earlier_verb",
        "from_",
        "instead",
        "lead",
        "not_",
        "now",
        "other",
        "running",
        "since",
        "span_from",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        words = _CUE_WORDS.intersection(_LETTERS.findall(fold(text)))
        self.from_ = "from" in words
        self.change = not words.isdisjoint(_CHANGE_WORDS)
        self.now = not words.isdisjoint(_NOW_WORDS)
        self.lead = not words.isdisjoint(_LEAD_WORDS)
        self.earlier_verb = not words.isdisjoint(_EARLIER_VERB_WORDS)
        self.earlier_noun = not words.isdisjoint(_EARLIER_NOUN_WORDS)
        self.running = "far" in words or ("as" in words and "of" in words)  # "so far", "as of"
        self.since = "since" in words
        self.instead = "instead" in words
        self.not_ = "not" in words
        self.other = not words.isdisjoint(_OTHER_WORDS)
        self.span_from = not words.isdisjoint(_SPAN_WORDS) and ("after" in words or "before" in words)
        self._rise: re.Match[str] | None = None
        self._rise_read = words.isdisjoint(_MAY_RISE_WORDS)
        self.any = self.from_ or self.change or self.now or self.lead or self.earlier_verb or self.earlier_noun \
            or self.running or self.since or self.other or self.span_from or self.instead or self.not_ \
            or not self._rise_read

    def may_rise(self) -> re.Match[str] | None:
        """``_MAY_RISE.search`` of the sentence."""
        if not self._rise_read:
            self._rise_read = True
            self._rise = _MAY_RISE.search(self.text)
        return self._rise


def _order(s: _Sentence, start: int, end: int) -> tuple[str, str] | None:
    sentence = s.text
    before = sentence[max(0, start - 80) : start]
    if s.from_ and (m := CHANGED_FROM.search(before)) is not None:
        return "earlier", m.group(0).strip()  # "up from 40", "rose from 31 (to 45)"
    if s.from_ and (m := _TO_BEFORE.search(before)) is not None and (
            f := _FROM_AFTER.match(sentence, end, end + 80)) is not None:
        return "latest", sentence[max(0, start - 80) + m.start("cue") : f.end()]
        # "revised the toll ... to 275 from 288", "to around 1,200 from a previous estimate of 1,400": the count now,
        # changed from another (before "revised to" alone: the words name what it corrects)
    if (s.change and (m := _CHANGED_TO.search(before)) is not None) or (
            s.now and (m := _NOW_BEFORE.search(before)) is not None):
        return "latest", m.group(0).strip()  # "has risen to 61", "now stands at 61"
    if s.from_ and (m := _UP_FROM_AFTER.match(sentence[end : end + 60])) is not None:
        return "latest", m.group(0).strip(" ,")  # "61, up from 40"
    if s.from_ and (m := _TO_BEFORE.search(before)) is not None and (
            f := _FROM_AFTER.match(sentence, end, end + 40)) is not None:
        return "latest", sentence[max(0, start - 80) + m.start("cue") : f.end()]
        # "revised the toll ... to 275 from 288": the count now, changed from another
    if s.from_ and (m := CHANGED_TO_FROM.search(before)) is not None:
        return "earlier", m.group("cue")  # (288 in "... to 275 from 288")
    if s.not_ and (m := _AND_NOT_BEFORE.search(before)) is not None:
        return "earlier", m.group("cue")  # "the number of deaths is 275 and not 288": 288 set aside
    if s.from_ and (m := _FROM_TO_BEFORE.search(before)) is not None:
        return "latest", m.group("cue")  # (125 in "revised the toll ... from 174 to 125")
    if s.from_ and before.endswith("from ") and (f := _TO_AFTER.match(sentence, end, end + 30)) is not None:
        return "earlier", "from " + sentence[start:f.end()]  # (174 in "... from 174 to 125")
    if s.instead and (m := _INSTEAD_AFTER.match(sentence[end : end + 80])) is not None:
        return "latest", m.group("cue")  # "3,958 have died instead of 11,300"
    if s.lead:
        head = sentence[:start]
        for m in _EARLIER_LEAD.finditer(head):
            if not _NEW_CLAUSE.search(head, m.end()) and _REPORT.search(sentence, m.end(), end + 40):
                return "earlier", m.group("cue")  # "At first, the ministry said 14 people had died"
    m = _EARLIER_VERB.search(before) if s.earlier_verb else None
    if m is None and s.earlier_noun:
        m = _EARLIER_NOUN.search(before)
    if m is not None and not _NEW_CLAUSE.search(before, m.end()):
        return "earlier", m.group(0).strip()  # "had put the toll at 21", "an earlier toll of 21"
    if (s.running and (m := _RUNNING_NEAR.search(sentence[max(0, start - 60) : end + 40])) is not None) or (
            (m := s.may_rise()) is not None):
        return "running", m.group(0)  # "30 dead so far", "As of Sunday evening, 40", "the toll may rise"
    return None


_CLAUSE_REST = re.compile(r"[^,;:.]{0,60}")


def _other_event(s: _Sentence, start: int, end: int) -> str | None:
    sentence = s.text
    if not (s.since or s.other or s.span_from):
        return None
    head = sentence[:start]
    if s.span_from and (m := _SPAN_FROM_INCIDENT.search(head)) is not None \
            and not _NEW_CLAUSE.search(head, m.end("cue")):
        return m.group("cue")  # "weeks after a more powerful one killed 61 people"
    if s.since and (m := _INCIDENTS_SINCE.search(head)) is not None:
        return m.group("cue")  # "19 mass shootings in the United States since May 11 that ... left at least 44 dead"
    if s.since and (m := _SINCE_BEFORE.search(head)) is not None and not _JOINED.search(m.group("cue")):
        # "the worst since more than 90 died in ...": that event's toll; the cue runs to the end of its clause
        rest = _CLAUSE_REST.match(sentence, end)
        return sentence[m.start("cue") : rest.end() if rest else end].strip()
    if s.since and (m := _SINCE_REGIME.match(sentence, end)) is not None:
        return m.group("cue")  # "now 423 deaths since the coup": counted over a period another event opened
    if not s.other:
        return None
    if (m := _OTHER_AGENT.search(head)) is not None and not _NEW_CLAUSE.search(head, m.end()):
        return m.group("cue")  # "a different gunman killed 20 people at a Walmart in El Paso"
    if (m := _OTHER_INCIDENT.search(head)) is not None and not _NEW_CLAUSE.search(head, m.end()):
        return m.group("cue")  # "In a similar attack in the capital, 12 people died"
    if (m := _OTHER_INCIDENT_AFTER.match(sentence, end)) is not None:
        return m.group("cue")  # "12 people died in a similar attack"
    if (m := _SIMILAR_TO.search(head)) is not None and not _NEW_CLAUSE.search(head, m.end()):
        return m.group("cue")  # "similar to one that hit the centre of Donetsk on March 14, killing 17 people"
    return None


def _cues(s: _Sentence, start: int, end: int) -> Cues:
    order = _order(s, start, end)
    other = _other_event(s, start, end)
    if order is None and other is None:
        return _NONE
    return Cues(order[0] if order else None, order[1] if order else None, other)


def cues(sentence: str, start: int, end: int) -> Cues:
    """The cues of the figure at ``sentence[start:end]`` (the figure with its qualifier and noun)."""
    return _cues(_Sentence(sentence), start, end)


def sentence_cues(sentence: str, spans: list[tuple[int, int]]) -> list[Cues]:
    """:func:`cues` of each figure of a sentence (``spans`` in text order); a figure listed right after another
    ("risen to 61 dead and 140 wounded") shares the order the words before the list give the first. The
    sentence's cue words are looked for once, for all its figures; a sentence without any has no cues."""
    if not spans:
        return []
    s = _Sentence(sentence)
    if not s.any:
        return [_NONE] * len(spans)
    out: list[Cues] = []
    for k, (start, end) in enumerate(spans):
        found = _cues(s, start, end)
        if found.order is None and k and out[-1].order in ("latest", "running", "earlier") \
                and _LISTED.fullmatch(sentence, spans[k - 1][1], start):
            found = Cues(out[-1].order, out[-1].order_cue, found.other_event)
        out.append(found)
    return out
