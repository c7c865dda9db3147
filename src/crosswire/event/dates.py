"""When the event happened: each report's best dated event, then a vote across the reports.

Part of :mod:`crosswire.event` (see docs/events.md, "Date").

A report says when its event happened in its lead, next to the event's own words ("a tram derailed
in Croydon on Wednesday, killing seven"). Other dates in it are the report's own time ("police said
Wednesday"), background ("who won the election on Wednesday", "since 2011", "air strikes last week"),
or what followed (funerals, trials, the victims named on Saturday). Each dated event is scored on
those signals; a report votes once, for its best date, and the date most reports give wins.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..extract.vocab import CHANGE_VERBS, COUNT_QUALIFIER
from ..records import DatedEvent
from .reading import (
    AFTERMATH,
    AFTERMATH_TIME,
    DATE_WORD,
    EVENT_NOUNS,
    EVENT_VERBS,
    FUTURE,
    MIN_DATE_SCORE,
    RELATIVE_CLAUSE,
    REPORT_AFTER,
    REPORT_BEFORE,
    TYPE_RE,
    EventType,
    Read,
)

# Score of each signal (see docs/events.md for the table).
TITLE, OPENING, LEAD, CLAIM = 2.5, 2.0, 1.5, 1.0
TYPE_IN_DESCRIPTION, TYPE_IN_SENTENCE, VERB, RECENT = 2.0, 1.0, 1.0, 0.5
REPORT_TIME, RELATIVE, AFTER_OR_BEFORE, COARSE = -2.5, -2.0, -1.5, -3.0
WEAK_SCORE = 2.0  # below MIN_DATE_SCORE, a report's date counts only when reports agree on it:
CORROBORATED = 2  # this many reports give it
# A weekday alone ("Tuesday", "early Tuesday morning"): six days before the report's date it is more
# likely the next day where the event happened (time zones) than last week, which news calls "last Tuesday".
BARE_WEEKDAY = re.compile(r"(?:(?:late|early)\s+(?:on\s+)?)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                          r"(?:\s+(?:morning|afternoon|evening|night))?", re.I)
_ANCHORED = frozenset({"type", "type in sentence", "event verb", "title", "opening", "lead", "names the event"})
# A date that names the event ("the March 24 crash", "Wednesday's deadly midair collision", "on March 26 when the
# ship hit the span"): when it happened, even in a report written weeks later about the recovery or the inquiry.
NAMED = 3.0
NAMED_MAX_DAYS_BEFORE = 92  # (not "the March 11, 2011 earthquake" recalled in a report of another one)
_WHEN_CLAUSE = re.compile(r",?\s+when\s+[^.;:]{0,80}?")


def day_of(iso: str | None) -> date | None:
    """The day of an ISO date or datetime; None when absent or partial."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Candidate:
    """One report's best date for the event, and why."""

    key: tuple[str, str]  # (ISO date, precision)
    score: float
    event: DatedEvent
    signals: tuple[str, ...]


def _signals(rd: Read, ev: DatedEvent, type_re, opening: tuple[int, int]) -> tuple[float, list[str]]:
    text = rd.text
    s0 = ev.sentence_span[0]
    before = text[max(s0, ev.span[0] - 80):ev.span[0]]
    after = text[ev.span[1]:min(ev.sentence_span[1], ev.span[1] + 40)]
    clause = text[max(s0, ev.span[0] - 60):min(ev.sentence_span[1], ev.span[1] + 40)]
    score, why = 1.0, []

    def add(points: float, name: str) -> None:
        nonlocal score
        score += points
        why.append(name)

    described = bool(type_re is not None and type_re.search(ev.description or ""))
    if described:
        add(TYPE_IN_DESCRIPTION, "type")
    elif type_re is not None and type_re.search(ev.sentence):
        add(TYPE_IN_SENTENCE, "type in sentence")
    if EVENT_VERBS.search(f"{ev.description} {clause}"):
        add(VERB, "event verb")
    title = (rd.article.title or "").strip()
    title_end = len(title) if title and text.startswith(title) else 0
    if ev.span[0] < title_end:
        add(TITLE, "title")
    elif opening[0] <= ev.span[0] < opening[1]:
        add(OPENING, "opening")
    elif rd.in_lead(ev.span):
        add(LEAD, "lead")
    if rd.in_tolls(ev.span):
        add(CLAIM, "toll")
    if REPORT_BEFORE.search(before) or REPORT_AFTER.match(after):
        add(REPORT_TIME, "report time")
    relative = RELATIVE_CLAUSE.search(before)
    antecedent = before[:relative.start()] if relative else ""
    if relative and not described and not (type_re is not None and type_re.search(antecedent)) \
            and not EVENT_VERBS.search(antecedent):
        add(RELATIVE, "relative clause")  # "Trump, who won on Wednesday, met ...", not "the crash, which happened"
    if not described and (AFTERMATH_TIME.search(clause) if type_re is None else AFTERMATH.search(clause)):
        add(AFTER_OR_BEFORE, "before/after")
    return score, why


# "The death toll in the plane crash rose to 270 on Saturday": the day of the count, right after its change
_COUNT_CHANGED_BEFORE = re.compile(rf"\b(?:{CHANGE_VERBS}|stood|stands)\s+(?:\w+\s+){{0,2}}?(?:to\s+|at\s+)?"
                                   rf"(?:{COUNT_QUALIFIER}\s+)?[\d,.]+"
                                   r"(?:\s+\w+)?\s+(?:on\s+|by\s+|late\s+|early\s+)?$", re.IGNORECASE)
_STATUS_BEFORE = re.compile(r"\b(?:[Aa]s\s+of|[Aa]s\s+at|[Bb]y|[Uu]ntil|[Tt]ill|(?:according\s+to|\bin)\s+"
                            r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:report|statement|announcement|briefing|press\s+conference|"
                            r"interview)\s+(?:late\s+|early\s+)?on)\s+$")
# ("according to a media report on Thursday", "said in a statement on Friday": when it was told; not "released a
# report on Tuesday", which may be the news)


def _planned(text: str, ev: DatedEvent) -> bool:
    """A date in a clause about the future ("will meet on Friday", "tomorrow"): a plan."""
    start = max(ev.sentence_span[0], ev.span[0] - 60)
    cut = max(text.rfind(p, start, ev.span[0]) for p in (";", ":", ". ", ", but", ", while"))
    return bool(FUTURE.search(text, max(start, cut), ev.span[1]))


def _names_event(text: str, ev: DatedEvent, type_re: re.Pattern[str] | None) -> bool:
    """Whether the date is the event's own: written before its noun ("the March 24 crash", "Wednesday's
    collision") or followed by a "when" clause telling it ("on March 26 when the ship hit the span")."""
    if type_re is None:
        return False
    after = text[ev.span[1] : min(ev.sentence_span[1], ev.span[1] + 120)]
    attributive = _ATTRIBUTIVE_OF.get(type_re.pattern)
    if attributive is None:
        attributive = _ATTRIBUTIVE_OF.setdefault(type_re.pattern, re.compile(
            _ATTRIBUTIVE + f"(?:{type_re.pattern}|{EVENT_NOUNS.pattern})", re.IGNORECASE))
    if attributive.match(after):
        return True
    when = _WHEN_CLAUSE.match(after)
    return bool(when and (type_re.search(after, when.start(), len(after)) or EVENT_VERBS.search(after, when.start(),
                                                                                              len(after))))


# the date, then up to three words, then the event's noun
_NOT_ADJECTIVE = (r"(?!(?:and|or|but|of|in|on|at|to|was|were|is|are|as|that|this|the|a|an|after|before|when|while|"
                  r"since|with|by|for|from|which|who|said|says|its|their|his|her)\b)")
_ATTRIBUTIVE = (rf"(?:['’]s\s+(?:{_NOT_ADJECTIVE}[\w-]+\s+){{0,3}}?|\s+(?:{_NOT_ADJECTIVE}[a-z][\w-]*\s+)?)")
# ("Wednesday night's deadly mid-air crash", "the March 24 crash"; not "said Monday that the strike", "on Monday
# after an Israeli strike")
_ATTRIBUTIVE_OF: dict[str, re.Pattern[str]] = {}


def _best(rd: Read, etype: EventType, max_days_before: int, max_days_after: int) -> Candidate | None:
    """The report's best-scoring dated event with an event word or in the lead (None when there is none)."""
    type_re = TYPE_RE.get(etype.name)
    published = day_of(rd.article.published.value)
    title = (rd.article.title or "").strip()
    openings = [sp for sp in rd.lead if rd.text[sp[0]:sp[1]].strip() != title]
    opening = openings[0] if openings else (0, 0)
    best: Candidate | None = None
    for ev in rd.extraction.events:
        if ev.precision not in ("day", "datetime", "week", "month") or not DATE_WORD.search(ev.expression):
            continue
        d = day_of(ev.date) if ev.precision in ("day", "datetime") else None
        if published and d and (published - d).days == 6 and BARE_WEEKDAY.fullmatch(ev.expression):
            d = published + timedelta(days=1)  # "early Tuesday" in Tokyo, in a report stamped Monday in New York
            ev = dataclasses.replace(ev, date=d.isoformat(), precision="day")
        named = d is not None and _names_event(rd.text, ev, type_re)
        if published and d and not -max_days_after <= (published - d).days <= (
                NAMED_MAX_DAYS_BEFORE if named else max_days_before):
            continue  # background, or a plan
        if published and d is None and ev.date[:7] not in (published.isoformat()[:7],
                                                           (published - timedelta(days=28)).isoformat()[:7]):
            continue
        if _planned(rd.text, ev) or _STATUS_BEFORE.search(rd.text, max(0, ev.span[0] - 60), ev.span[0]) or \
                _COUNT_CHANGED_BEFORE.search(rd.text, max(ev.sentence_span[0], ev.span[0] - 40), ev.span[0]):
            continue  # a plan; "As of Sunday evening, 153 were dead", "the toll ... rose to 270 on Saturday": when a
            # count stood, not the event
        score, why = _signals(rd, ev, type_re, opening)
        if named:
            score += NAMED
            why.append("names the event")
        if published and d and (published - d).days <= 1:  # news reports what just happened
            score += RECENT
        if d is None:  # "last week", "earlier this month": only the main event itself, and below any day
            if type_re is None or not type_re.search(ev.description or ""):
                continue
            score += COARSE
        if score < WEAK_SCORE or not set(why) & _ANCHORED:
            continue
        if best is None or score > best.score:
            precision = "day" if ev.precision == "datetime" else ev.precision
            key = (ev.date[:10] if precision == "day" else ev.date, precision)
            best = Candidate(key, score, ev, tuple(why))
    return best


# A clock time with no day ("shortly before 7 pm"), in the lead of a report published earlier in the day than
# that: the event was the day before ("published 03:42, shooting shortly before 7 pm" is last evening's).
_CLOCK = re.compile(r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?", re.I)


_LOCAL_TIME = re.compile(r"\s*\(?\s*(?:(?i:local)|[A-Z]{1,3}T\b|UTC\b)")  # "local time", "(EST)", "GMT"
CLOCK_MARGIN_MINUTES = 6 * 60  # the publisher's clock and the event's may be hours apart (time zones)


def _evening_before(reads: Sequence[Read], article_id: str) -> tuple[str, str, str] | None:
    rd = next(rd for rd in reads if rd.article.id == article_id)
    published = rd.article.published.value or ""
    if len(published) < 16 or published[10] != "T" or published[11:16] == "00:00":
        return None  # no time of day (midnight is what a date without one is stored as)
    minute = int(published[11:13]) * 60 + int(published[14:16])
    text = rd.text
    for a, b in rd.lead:
        m = _CLOCK.search(text, a, b)
        if m is None:
            continue
        if _LOCAL_TIME.match(text, m.end()):
            return None  # "11:30pm local time": another clock than the publisher's
        hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
        if hour * 60 + int(m.group("mi") or 0) - minute >= CLOCK_MARGIN_MINUTES:
            day = date.fromisoformat(published[:10]) - timedelta(days=1)
            return (day.isoformat(), "day", f"inferred: {article_id} was published at {published[11:16]}, before the "
                    f"{m.group(0).strip()} its lead gives: the day before")
        return None
    return None


def event_date(reads: Sequence[Read], etype: EventType, max_days_before: int,
               max_days_after: int) -> tuple[str | None, str, str]:
    """``(ISO date, precision, evidence)`` of the story's event: the date most reports give.

    Each report votes once (its independence weight) for its best date; ties go to a day over a week or month,
    then to the earlier date (follow-ups each vote for the day of their own news, the first report for the
    event), then to the higher summed score. No report with a dated event: the earliest publication date, said
    to be inferred.
    """
    floor = MIN_DATE_SCORE - (0.5 if etype.name not in TYPE_RE else 0.0)
    best = [(rd, cand) for rd in reads if (cand := _best(rd, etype, max_days_before, max_days_after)) is not None]
    strong = [(rd, c) for rd, c in best if c.score >= floor]
    votes: dict[tuple[str, str], float] = defaultdict(float)
    strength: dict[tuple[str, str], float] = defaultdict(float)
    support: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rd, cand in strong or best:
        votes[cand.key] += rd.weight
        strength[cand.key] += rd.weight * cand.score
        support[cand.key].append(f"{rd.article.id} {cand.event.expression!r}")
    if not strong:  # weak dates only: a day counts when reports agree on it
        votes = defaultdict(float, {k: v for k, v in votes.items() if len(support[k]) >= CORROBORATED})
    if not votes:
        pubs = sorted((rd.article.published.value[:10], rd.article.id) for rd in reads
                      if rd.article.published.value and day_of(rd.article.published.value))
        if not pubs:
            return None, "unknown", "none: no dated event and no publication date"
        evening = _evening_before(reads, pubs[0][1])
        if evening is not None:
            return evening
        return pubs[0][0], "day", f"inferred: earliest publication date ({pubs[0][1]}); no dated event in the reports"
    ranked = sorted(votes, key=lambda k: (-round(votes[k], 6), k[1] != "day", k[0], -strength[k]))
    iso, precision = ranked[0]
    evidence = f"{len(support[ranked[0]])} report(s): " + "; ".join(support[ranked[0]])
    others = [k for k in ranked[1:] if k[1] == "day" or precision != "day"]
    if others:
        evidence += "; reports disagree, also: " + "; ".join(
            f"{k[0]} ({len(support[k])} report(s): {', '.join(support[k])})" for k in others)
    return iso, precision, evidence
