"""Is a figure about this story's event, or background?

Reports put the event's toll beside the tolls of other events (earlier attacks, a war's total, last
year's crash) and of other periods. A claim is **background** when

- it is tied to a place outside the story ("the Paris attacks that killed 130" in a story on Nice): the
  place is linked to the figure by a locative ("killed in Kunduz") or names an incident ("the Orlando
  shooting"), and is neither one of the story's home places nor in their province (a country counts
  when it is not the story's);
- the sentence dates it well before the story's first report ("in 2004", "in January 2015");
- a cue ties it to another period or event ("since 2011", "last year", "surpassing") and, for the weaker
  cues, it towers over the story's other figures;
- it is a toll mentioned in passing (not in any lede) in a story that is not about casualties (a release
  of hostages, a vote, a report), or it towers over every other figure of its kind in the story.

The story's **home places** are weighed by prominence: a place in a title counts most, one in a lede
next, one further down little, and a dateline ("PARIS (CNN) --") hardly at all.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from crosswire.extract.vocab import HUMAN_TOLLS, PERPETRATOR_HINTS, PERPETRATOR_NOUNS
from crosswire.records import PARAGRAPH_SEPARATOR, Article, Claim, Entity, Extraction, Source, Story

from .options import ReconcileOptions
from .values import rep_value, says_total

_CASUALTY = re.compile(
    r"\b(?:kill\w*|dead|deaths?|died|dies|die|dying|injur\w*|wound\w*|hurt|casualt\w*|victims?|toll|"
    r"shoot\w*|shot|gunm[ae]n|gunfire|attack\w*|bombings?|bomber|blasts?|explosions?|exploded|crash\w*|"
    r"collisions?|collided|derail\w*|overturn\w*|earthquakes?|quakes?|floods?|flooding|landslides?|"
    r"wildfires?|fires?|blaze|storms?|hurricanes?|typhoons?|cyclones?|tornado\w*|massacres?|stabb\w*|"
    r"wreck\w*|sank|sinks?|capsiz\w*|clash\w*|fighting|offensive|air\s?strikes?|shelling|rampage|"
    r"riots?|unrest|crackdown|suicide)\b",
    re.IGNORECASE,
)
# Cues that tie a figure to another period or event wherever it stands.
_STRONG_CUES = re.compile(
    r"\b(?:surpass\w*|eclips\w*|prior\s+to(?!\s+(?:the\s+)?(?:dawn|daybreak|sunrise|sunset|midnight|noon|"
    r"the\s+(?:blast|attack|crash|collision|explosion|fire|flood|flooding|storm|quake|earthquake)))|"
    r"last\s+(?:year|month|week|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)|"
    r"previous(?!\s+(?:death\s+)?(?:toll|figure|count|tally|estimate|number)s?\b)|"  # not this toll's earlier count
    # (not "three days ago": a follow-up dates its own event so; a date before the story is weighed as one)
    r"(?:a|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|several|many|\d+)\s+(?:weeks|months|years|decades)\s+ago|"
    r"a\s+(?:week|month|year|decade)\s+ago|earlier\s+this\s+(?:year|month)|this\s+month|so\s+far\s+this\s+year|"
    r"this\s+year|in\s+recent\s+years|in\s+the\s+past\s+\d+\s+years|anniversary|compared\s+(?:with|to)|"
    r"the\s+last\s+time|on\s+that\s+occasion|same\s+period|in\s+(?:stark\s+)?contrast|"
    r"(?:another|a\s+separate|an\s+unrelated|a\s+different|an\s+earlier|a\s+previous)\s+(?:investigation|incident|"
    r"case|attack|operation|raid|crash|shooting|bombing|probe|sting)|"
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|several|many)\s+"
    r"(?:years|decades|months)\s+(?:after|since|on)|a\s+(?:year|decade)\s+(?:after|since|on)|"
    # "the latest shooting comes about two weeks after a gunman opened fire in ...": the one before this one
    r"(?:comes|came|coming)\s+(?:just\s+|only\s+|about\s+|nearly\s+|almost\s+|less\s+than\s+|more\s+than\s+)?"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+|a\s+few)\s+(?:days?|weeks?|months?|years?)"
    r"\s+after)\b",
    re.IGNORECASE,
)
# The cues and casualty words of a text, each distinct text read once: copies and rewrites repeat the
# sentences of their claims (pure functions of the text, so a bounded memo changes no result).
@lru_cache(maxsize=4096)
def _strong_cue(text: str) -> str | None:
    found = _STRONG_CUES.search(text)
    return found.group(0) if found else None


@lru_cache(maxsize=4096)
def _weak_cue(text: str) -> str | None:
    found = _WEAK_CUES.search(text)
    return found.group(0) if found else None


@lru_cache(maxsize=4096)
def _casualty(text: str) -> bool:
    return _CASUALTY.search(text) is not None


# Cues of a longer span: background only when the figure also towers over the story's others.
_WEAK_CUES = re.compile(
    r"\b(?:since\s+(?:19|20)\d\d|civil\s+war|since\s+the\s+(?:start|beginning|outbreak)|over\s+the\s+(?:years|decade)|"
    r"in\s+total\s+since|decades?[- ]long|war\s+that\s+began|war\s+began|in\s+all)\b",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|on|across|around|into|onto|off|over|along|beside)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:city|town|village|province|region|district|state|county)\s+of\s+)?$",
    re.IGNORECASE,
)
_INCIDENT_AFTER = re.compile(
    r"^(?:'s|’s)?(?:\s+[\w-]+){0,3}?\s+(?:attacks?|shootings?|bombings?|massacres?|crash(?:es)?|blasts?|"
    r"explosions?|siege|tragedy|disaster|earthquake|fire|rampage|killings?|strikes?|air\s?strikes?|raids?|"
    r"stabbings?|derailment|collapse)\b"
    r"|^[\w '’-]{0,25}:\s",  # a heading of a list of incidents: "Virginia Tech: 32 killed"
    re.IGNORECASE,
)
# A date that starts a period ("since 2011", "the war that began in 2011") does not date the figure.
_SINCE = re.compile(r"\b(?:since|from)\b", re.IGNORECASE)
_OWN_DAY_AFTER = re.compile(r"\s+(?:people\s+)?(?:on|as\s+of|by)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                            r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+"
                            r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|today|yesterday)", re.IGNORECASE)
_OWN_DATE_GAP = 12  # characters between a count and a date right after it that is the count's own ("128 on Sunday")
_SINCE_BEFORE = re.compile(r"\b(?:since|starting)\s+(?:(?:early|late|mid)[\s-]+|the\s+(?:start|beginning|end)\s+of\s+)?"
                           r"\S*$", re.IGNORECASE)
_SEASON_DAYS = 183  # a count "since mid-June" runs to now; one "since 2011" is a war's, not this event's
_COMPARISON = re.compile(r"\b(?:deadliest|worst|first|biggest|largest|highest|most|bloodiest|only)\b", re.IGNORECASE)
_DESCRIPTOR = re.compile(r"\b(?:began|begun|started|erupted|broke\s+out|onset)\b", re.IGNORECASE)
_WHEN_CLAUSE = re.compile(r"^\s*,?\s*(?:when|in\s+which|during\s+which|after\s+which)\b", re.IGNORECASE)
_LINK_CHARS = 110
HOME_SHARE = 0.15  # a place is home when its prominence is at least this share of the most prominent
PRIMARY_SHARE = 0.35  # the story's countries are those of places at least this prominent


# A paragraph that opens a look back at other incidents: "Here are some of the deadliest attacks in Europe
# in recent years:", "Timeline of previous shootings:". What follows it is about those incidents.
_RETROSPECTIVE = re.compile(
    r"\b(?:deadliest|worst|previous|recent\s+years|past\s+(?:\d+|few|several)\s+(?:years|decades)|timeline|"
    r"chronology|other\s+(?:attacks|incidents|shootings|crashes|disasters)|a\s+look\s+at|factbox|"
    r"here\s+(?:are|is)|history\s+of)\b",
    re.IGNORECASE,
)


_CURRENT_LIST = re.compile(r"\b(?:latest|developments|what\s+we\s+know|what\s+is\s+known|the\s+facts|key\s+facts|"
                           r"updates?|so\s+far)\b", re.IGNORECASE)


def retrospective_start(article: Article) -> int | None:
    """Where a closing look back at other incidents begins in the article's text, if it has one: a
    paragraph after the lede that ends with a colon and announces other incidents."""
    offset = 0
    for n, para in enumerate(article.paragraphs):
        end = offset + len(para)
        if n >= 2 and para.rstrip().endswith(":") and len(para) < 300 and _RETROSPECTIVE.search(para) \
                and not _CURRENT_LIST.search(para):
            return end  # (a list of the latest developments or what is known is about this event)
        offset = end + len(PARAGRAPH_SEPARATOR)
    return None


@dataclass(frozen=True)
class StoryContext:
    """What a claim is weighed against: where and when the story's event is, and whether it has a toll."""

    home: frozenset[str]  # canonical names of the home places
    home_regions: frozenset[tuple[str, str]]  # (admin1, country) of the home places
    countries: frozenset[str]
    start: date | None  # the story's first report
    casualty: bool  # the story is about an event that kills or hurts people
    retrospective: dict[str, int]  # article id -> where its look back at other incidents begins
    abduction: bool = False  # its ledes tell of people abducted (a kidnapping, a release of hostages)
    texts: dict[str, str] = dataclasses.field(default_factory=dict)  # article id -> its text


def _parse(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _period_end(iso: str) -> date | None:
    """The last day a partial ISO date can mean ("2015" -> 2015-12-31)."""
    try:
        if len(iso) == 4:
            return date(int(iso), 12, 31)
        if len(iso) == 7:
            y, m = int(iso[:4]), int(iso[5:7])
            return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _is_dateline(e: Entity) -> bool:
    return e.span[0] < 3 and e.name.isupper() and len(e.name) > 2


def story_context(story: Story, extractions: Sequence[Extraction], sources: Sequence[Source],
                  opts: ReconcileOptions, articles: dict[str, Article] | None = None) -> StoryContext:
    titles = [s.title or "" for s in sources]
    score: dict[str, float] = defaultdict(float)
    where: dict[str, tuple[str | None, str | None, str]] = {}
    countries: set[str] = set()
    casualty = any(_CASUALTY.search(_PRIOR_EVENT_TITLE.sub("", t)) for t in titles)
    abduction = False
    for ex in extractions:
        seen: set[str] = set()
        for e in ex.entities:
            if e.kind != "place" or e.place is None:
                continue
            p = e.place
            where.setdefault(e.canonical, (p.admin1, p.country, p.precision))
            if p.precision == "country" and p.country:
                countries.add(p.country)
            weight = 0.3 if _is_dateline(e) else 2.0 if e.span[0] < opts.lede_chars else 0.5
            if e.canonical not in seen or weight > 1:
                score[e.canonical] += weight
                seen.add(e.canonical)
        if not casualty or not abduction:
            for c in ex.claims:
                if c.measure in HUMAN_TOLLS and c.span[0] < opts.lede_chars and not c.negated \
                        and not _after_prior_event(c):
                    abduction = abduction or c.measure == "abducted"
                    casualty = casualty or c.measure != "abducted"
    for name in where:  # (a title that holds the name's words holds the name)
        score[name] += 3.0 * sum(1 for t in titles if name in t and re.search(rf"\b{re.escape(name)}\b", t))
    local = {n: v for n, v in score.items() if where[n][2] not in ("country", "unknown")}
    top = max(local.values(), default=0.0)
    home = {n for n, v in local.items() if v >= HOME_SHARE * top and v > 0}
    regions = {((n if where[n][2] == "region" else where[n][0]) or "", where[n][1] or "") for n in home}
    top_countries = {where[n][1] for n, v in local.items() if v >= PRIMARY_SHARE * top and where[n][1]}
    country_score = {n: v for n, v in score.items() if where[n][2] == "country"}
    if country_score:
        best_country = max(country_score.values())
        top_countries |= {where[n][1] or n for n, v in country_score.items() if v >= PRIMARY_SHARE * best_country}
    retro = {aid: at for aid, a in (articles or {}).items() if (at := retrospective_start(a)) is not None}
    return StoryContext(home=frozenset(home), home_regions=frozenset(regions),
                        countries=frozenset(top_countries or countries), start=_parse(story.first_seen),
                        casualty=casualty, abduction=abduction, retrospective=retro,
                        texts={aid: a.text for aid, a in (articles or {}).items()})


# The attacker's own death, told in a report: "the gunman was killed by police", "police shot and killed the
# suspect", "the shooter took his own life", "a suicide bomber". A toll may then count him or not.
_ATTACKER = PERPETRATOR_NOUNS
_ADVERBS = r"(?:\s+(?:\w+ly|later|also|then|eventually|himself|herself))*"
_ATTACKER_DIED = re.compile(
    rf"\b{_ATTACKER}(?:\s*,?\s+who){_ADVERBS}\s+(?:was|were|had\s+been|has\s+been|is|are){_ADVERBS}\s+"
    r"(?:killed|shot\s+dead|dead|neutrali[sz]ed)\b"
    rf"|\b{_ATTACKER}{_ADVERBS}\s+(?:was|were|had\s+been|has\s+been|is|are){_ADVERBS}\s+"
    r"(?:killed|shot\s+dead|dead|neutrali[sz]ed|among\s+the\s+dead)\b"
    rf"|\b{_ATTACKER}(?:\s*,?\s+who){{0,1}}{_ADVERBS}\s+(?:died|killed\s+(?:himself|herself|themselves)|"
    r"took\s+(?:his|her|their)\s+own\s+li(?:fe|ves)|blew\s+(?:himself|herself|themselves)\s+up|"
    r"turned\s+the\s+gun\s+on\s+(?:himself|herself))\b"
    rf"|\b(?:shot\s+and\s+killed|shot\s+dead|killed|neutrali[sz]ed)\s+(?:the|a|one|both)\s+(?:\w+\s+)?{_ATTACKER}\b"
    r"|\bsuicide\s+(?:bomber|attacker)s?\b",
    re.IGNORECASE)


def attacker_died(texts: Sequence[str]) -> str | None:
    """The words of the first text that says the attacker died, or None. (Read only for a toll in conflict:
    the pattern is slow, and a text without a perpetrator's word or "suicide" is passed over.)"""
    for text in dict.fromkeys(texts):
        lowered = text.lower()
        if not any(w in lowered for w in PERPETRATOR_HINTS) and "suicide" not in lowered:
            continue
        m = _ATTACKER_DIED.search(text)
        if m:
            return m.group(0)
    return None


def _foreign(e: Entity, ctx: StoryContext) -> bool:
    p = e.place
    if p is None or p.precision == "unknown" or e.canonical in ctx.home:
        return False
    if ctx.countries and (p.country or e.canonical) not in ctx.countries:
        return True  # another country than the story's
    if p.precision == "country":
        return False
    region = (p.name if p.precision == "region" else p.admin1) or ""
    if region and (region, p.country or "") in ctx.home_regions:
        return False
    return bool(ctx.home)


# "... in the wake of the Newtown shooting", "after the Paris attacks that killed 130": an earlier event the
# story follows on from.
_PRIOR = (r"\b(?:after|following|in\s+the\s+wake\s+of|since|prompted\s+by|sparked\s+by|triggered\s+by|"
          r"in\s+response\s+to|in\s+memory\s+of|anniversary\s+of|in\s+honou?r\s+of)\s+")
_PRIOR_EVENT = re.compile(_PRIOR + r"(?:the|a|an|last\s+\w+'s|[A-Z][\w.-]*'s)\b[^.;]{0,90}$", re.IGNORECASE)
_PRIOR_EVENT_TITLE = re.compile(_PRIOR + r".*$", re.IGNORECASE)


def _after_prior_event(c: Claim) -> bool:
    at = c.sentence.find(c.text)
    return at > 0 and bool(_PRIOR_EVENT.search(c.sentence[:at]))


def _sentence_bounds(c: Claim) -> tuple[int, int]:
    offset = c.sentence.find(c.text)
    start = c.span[0] - max(offset, 0)
    return start, start + len(c.sentence)


def linked_place(c: Claim, entities: Sequence[Entity]) -> Entity | None:
    """The place a figure is about, when the sentence ties them: a locative before the place ("killed in
    Kunduz") or an incident named after it ("the Orlando shooting"), close to the figure."""
    s0, s1 = _sentence_bounds(c)
    best: tuple[int, Entity] | None = None
    for e in entities:
        if e.kind != "place" or not s0 <= e.span[0] < s1:
            continue
        before = c.sentence[max(0, e.span[0] - s0 - 40) : e.span[0] - s0]
        after = c.sentence[e.span[1] - s0 : e.span[1] - s0 + 45]
        if not (_LOCATIVE_BEFORE.search(before) or _INCIDENT_AFTER.match(after)):
            continue
        d = e.span[0] - c.span[1] if e.span[0] >= c.span[1] else c.span[0] - e.span[1]
        if d <= _LINK_CHARS and (best is None or d < best[0]):
            best = (d, e)
    if best is None:
        return None
    e = best[1]
    if e.place is not None and e.place.precision == "unknown":  # "Sydney river": the article's Sydney
        resolved = {x.canonical: x for x in entities
                    if x.kind == "place" and x.place and x.place.precision != "unknown"}
        head = next((resolved[n] for n in resolved if e.name.startswith(n + " ")), None)
        return head or e
    return e


def _old_date(c: Claim, ex: Extraction, ctx: StoryContext, opts: ReconcileOptions) -> str | None:
    """A date in the claim's sentence (not after "since") well before the story: the expression."""
    if ctx.start is None:
        return None
    s0, s1 = _sentence_bounds(c)
    if c.order == "latest" and _OWN_DAY_AFTER.match(c.sentence, c.span[1] - s0):
        return None  # "with the death toll reaching 128 on Sunday": the count of this week, whatever else is dated
    nearest: tuple[int, str, str] | None = None
    for ev in ex.events:
        if not s0 <= ev.span[0] < s1:
            continue
        if c.order == "latest" and ev.span[0] >= c.span[1] and ev.span[0] - c.span[1] > _OWN_DATE_GAP:
            continue  # "has risen to 429, ... on the anniversary of a 2004 tsunami": the count now, not of 2004
            # (but "the death toll reaching 128 on Sunday": the day the count stood, nearer than "since 2016")
        window = c.sentence[max(0, ev.span[0] - s0 - 25) : ev.span[1] - s0]
        if _DESCRIPTOR.search(window):
            continue  # "the war that began in 2011" describes the war, it does not date the figure
        # "since 1959, when two women died": the when-clause tells of that earlier time
        when_clause = ev.span[1] <= c.span[0] and bool(_WHEN_CLAUSE.match(c.sentence[ev.span[1] - s0 :]))
        comparison = _COMPARISON.search(c.sentence[max(0, ev.span[0] - s0 - 60) : ev.span[0] - s0])
        if comparison and _SINCE.search(window) and not when_clause:
            continue  # "the deadliest crash since 1959": this event, measured against the past
        if ev.span[1] <= c.span[0] and not when_clause and _SINCE_BEFORE.search(window) and (
                (end := _period_end(ev.date)) is not None and end >= ctx.start - timedelta(days=_SEASON_DAYS)):
            continue  # "the death toll from the floods since mid-June has risen to 1,731": counted since then, to now
        d = abs(ev.span[0] - c.span[0])
        if nearest is None or d < nearest[0]:
            nearest = (d, ev.date, ev.expression)
    if nearest is None:
        return None
    end = _period_end(nearest[1])
    if end is not None and end < ctx.start - timedelta(days=opts.background_days):
        return nearest[2]
    return None


# a toll of the event's other places: "The storm also killed about 170 people elsewhere in the country"
_ELSEWHERE = re.compile(r"[^.;:,]{0,40}?\b(?:elsewhere|in\s+other\s+(?:parts?|areas?|regions?|towns?|cities)\b|"
                        r"in\s+the\s+rest\s+of\b|across\s+the\s+rest\s+of\b)", re.IGNORECASE)


def elsewhere(c: Claim) -> bool:
    """The figure counts the event's other places ("about 170 people elsewhere in the country"): a part of its
    toll, not the toll of the place the story is about."""
    at = c.sentence.find(c.text)
    if at < 0 or not any(w in c.sentence for w in ("elsewhere", "other", "rest of")):
        return False
    return _ELSEWHERE.match(c.sentence, at + len(c.text)) is not None


def _weighed(p: Claim) -> bool:
    """Whether a figure may anchor "far above the others": a firm count of more than one that is no part of a
    total (a described victim, "one woman", a subgroup or another place's count says nothing of the size of
    the toll)."""
    return not p.vague and p.parent is None and not (p.unit == "person" and p.low == 1 and p.high == 1) and \
        not elsewhere(p)


class PeerFigures:
    """The story's figures of one measure and unit as :func:`background_reason` weighs them: the non-zero
    values of the firm (not vague) ones, sorted once, so the median of a figure's peers (all but itself)
    is a lookup rather than a sort of the whole group for each figure."""

    def __init__(self, peers: Sequence[Claim]) -> None:
        self._members = {id(p) for p in peers}
        self._peers = peers  # keeps the ids above alive
        self._values = sorted(v for v in (rep_value(p.low, p.high) for p in peers if _weighed(p)) if v)
        self._exact = all(v == v for v in self._values)  # NaN sorts arbitrarily: no shortcut then

    def _without(self, c: Claim) -> int | None:
        """Where ``c``'s own value sits in the sorted values (None when it is not one of them)."""
        if id(c) not in self._members or not _weighed(c):
            return None
        value = rep_value(c.low, c.high)
        return bisect_left(self._values, value) if value else None

    def others(self, c: Claim) -> list[float]:
        """The values of every figure but ``c`` (``c`` counts once even when others equal it)."""
        if not self._exact:
            return [v for v in (rep_value(p.low, p.high) for p in self._peers if p is not c and _weighed(p)) if v]
        k = self._without(c)
        return self._values if k is None else self._values[:k] + self._values[k + 1:]

    def of_other_articles(self, c: Claim) -> bool:
        """Whether an article other than ``c``'s gives a weighed figure of the kind."""
        return any(p.article_id != c.article_id and _weighed(p) for p in self._peers)

    def count_others(self, c: Claim) -> int:
        if not self._exact:
            return len(self.others(c))
        return len(self._values) - (self._without(c) is not None)

    def median_of_others(self, c: Claim) -> float:
        """``statistics.median(self.others(c))``, without building that list."""
        if not self._exact:
            return statistics.median(self.others(c))
        k = self._without(c)
        values = self._values
        n = len(values) - (k is not None)
        if n == 0:
            raise statistics.StatisticsError("no median for empty data")

        def at(i: int) -> float:
            return values[i] if k is None or i < k else values[i + 1]

        if n % 2 == 1:
            return at(n // 2)
        return (at(n // 2 - 1) + at(n // 2)) / 2


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|up\s+from|down\s+from|against)\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|overnight|"
                  r"this\s+(?:morning|afternoon|evening|week))\b", re.IGNORECASE)
_CONTINUATION_DEPTH = 2  # sentences back, through one that refers back ("It was carried out by ...")
_ANAPHORA = re.compile(r"\s*(?:It|He|She|They|This|That|The\s+(?:attack|attacker|assailant|bombing|bomber|"
                       r"shooting|gunman|crash|blast|explosion|incident|truck|driver|suspect))\b")
_CONTINUATION_REACH = 40  # the figure opens its sentence: "Twelve people were killed ...", "In all, 12 died"


def _continues_other_event(c: Claim, ex: Extraction, ctx: StoryContext, opts: ReconcileOptions) -> str | None:
    """The cue of the sentence before ``c``'s (same paragraph) when that sentence speaks of another time or
    event and ``c``'s sentence opens on the figure with no time of its own: "... marked the anniversary of
    the truck attack on a Christmas market. Twelve people were killed." """
    text = ctx.texts.get(c.article_id)
    s0, s1 = _sentence_bounds(c)
    # the sentence's first figure opens it; the figures after it ("killed two people and wounded nine others")
    # are of the same event
    if not text or s0 <= 0 or (c.span[0] - s0 > _CONTINUATION_REACH and min(
            (o.span[0] for o in ex.claims if s0 <= o.span[0] < s1), default=c.span[0]) - s0 > _CONTINUATION_REACH):
        return None  # (the sentence's other figures are looked at only for a figure that does not open it)
    if any(s0 <= ev.span[0] < s1 for ev in ex.events):
        return None  # the sentence dates itself
    para = text.rfind("\n", 0, s0) + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, para, s0 + 1)]
    if not ends or ends[-1] < s0 - 2:
        return None  # the first sentence of its paragraph, or a split the extractor did not make
    bounds = [para, *ends]  # sentence starts before ``c``'s, the last one ending right before it
    stop = s0
    for back in range(1, _CONTINUATION_DEPTH + 1):  # "... a truck attack last year. It was carried out by
        if len(bounds) <= back:  # a Tunisian. Twelve people were killed": the chain leads back to that attack
            return None
        p0 = bounds[-back - 1]
        previous = text[p0:stop]
        if back > 1 and not _ANAPHORA.match(text, bounds[-back]):
            return None  # the sentence in between starts afresh
        if _COMPARISON.search(previous):
            return None  # "the deadliest attack this year." measures this event against others
        casualty = _casualty(previous)
        cue = _strong_cue(previous) if casualty else None
        if cue is not None:
            return cue
        if ctx.start is not None and casualty:
            for ev in ex.events:
                end = _period_end(ev.date) if p0 <= ev.span[0] < stop else None
                if end is not None and end < ctx.start - timedelta(days=opts.background_days):
                    return ev.expression
        stop = p0
    return None


_PERIOD_CUES = ("in recent years", "this year", "so far this year", "in the past", "this month")
_MEASURED_REACH = 60  # a superlative this close before a period cue measures the event against that period


def _measured_against(near: str, cue: str) -> bool:
    """``cue`` (a period: "in recent years", "this year") follows a superlative: "the worst train accident in
    recent years" says how this event compares, not that the figure is of another time."""
    if not cue.lower().startswith(_PERIOD_CUES):
        return False
    at = near.find(cue)
    return at >= 0 and _COMPARISON.search(near, max(0, at - _MEASURED_REACH), at) is not None


_TIME_CUE = re.compile(r"\b(?:last|ago|years?|months?|weeks?|decades?)\b", re.IGNORECASE)


def _opens(c: Claim, ex: Extraction) -> bool:
    """Whether ``c`` is the first firm figure of its measure and unit in its article (the toll it opens with,
    above the parts it then names)."""
    kind = [x for x in ex.claims if x.measure == c.measure and x.unit == c.unit and not x.vague]
    return bool(kind) and kind[0] is c


def _revises(c: Claim, ex: Extraction, value: float) -> bool:
    """Whether ``c``'s article tells the toll's history: it gives a lower figure of the same measure and unit as an
    earlier count ("Initially, authorities only counted 64 deaths" beside the 2,975 a study found): its figure is
    this toll revised, however far above the others, not another event's."""
    return any(x.order == "earlier" and x.measure == c.measure and x.unit == c.unit and not x.vague
               and (low := x.low if x.low is not None else x.high) is not None and low < value
               and x.other_event is None for x in ex.claims)


def _cue_elsewhere(c: Claim, near: str, cue: str, start: int) -> bool:
    """Whether a cue of another time near ``c`` (at ``start`` in ``near``) dates something else than the figure:
    the incident a toll now counts ("the toll from the wildfire that tore through Mati late last month has
    reached 97": the figure is the count after a change, and what follows such a count is another clause's), or a
    clause after a figure its own words date now
    ("31 people were killed on Friday in an attack on a village that was the scene last year of a massacre")."""
    at = near.find(cue)
    end = start + len(c.text)
    if at < 0:
        return False
    if at >= end and c.order == "latest":
        return True  # "has risen to 429, ... on the grim anniversary of a 2004 tsunami": the count now
    if not _TIME_CUE.search(cue):
        return False  # "another investigation", "a separate incident": another event wherever it is said
    if at < start:
        return c.order == "latest"
    return at >= end and _NOW.search(near, end, at) is not None


def background_reason(c: Claim, ex: Extraction, peers: Sequence[Claim] | PeerFigures, ctx: StoryContext,
                      opts: ReconcileOptions) -> str | None:
    """Why ``c`` is background (a short phrase for the explanation), or None when it is about the event.
    ``peers``: the story's claims of ``c``'s measure and unit (or their :class:`PeerFigures`)."""
    if c.span[0] >= ctx.retrospective.get(c.article_id, len(c.sentence) + c.span[1] + 1):
        return "in the article's look back at other incidents"
    place = linked_place(c, ex.entities)
    if place is not None and _foreign(place, ctx):
        return f"about {place.name}, not where this story happens"
    old = _old_date(c, ex, ctx, opts)
    if old:
        return f"dated {old!r}, before this story"
    if c.other_event:  # the extract stage read the figure's clause as another, earlier event's (docs/claims.md)
        return f"tied to another event ({c.other_event!r})"
    at = c.sentence.find(c.text)
    after = c.sentence[at + len(c.text) : at + len(c.text) + 80]
    compared = _COMPARED.search(after)
    if compared:  # "six arrests Wednesday, compared to 47 the previous night": the cues after it are the 47's;
        # the comparison itself ties the figure to another period unless the figure is dated now
        own = _NOW.search(c.sentence, max(0, at - 40), at + len(c.text) + compared.start())
        after = after[: compared.start() if own else compared.end()]
    near = c.sentence[max(0, at - 80) : at + len(c.text)] + after
    if (cue := _strong_cue(near)) is not None and not _measured_against(near, cue) and not _cue_elsewhere(
            c, near, cue, at - max(0, at - 80)):
        # (not "the worst train accident in recent years": this event measured against others)
        return f"tied to another time or event ({cue!r})"
    previous = _continues_other_event(c, ex, ctx, opts)
    if previous:
        return f"follows a sentence about another time or event ({previous!r})"
    value = rep_value(c.low, c.high)
    figures = peers if isinstance(peers, PeerFigures) else PeerFigures(peers)
    others = figures.count_others(c)
    if (weak := _weak_cue(c.sentence)) is not None and (
            not others or (value is not None and value > opts.cue_ratio * figures.median_of_others(c))):
        return f"a longer span ({weak!r})"
    if c.unit == "person" and c.measure != "count" and value and others and \
            value > opts.background_ratio * figures.median_of_others(c) and not (
                _opens(c, ex) and not figures.of_other_articles(c)) and not _revises(c, ex, value) and not (
                c.order == "latest" and value <= opts.background_ratio * max(figures.others(c))) and not says_total(c):
        # (a bare count is of anything: 300,000 signatures beside two children is no other event's toll; the
        # toll a lone report opens with is its own, above the parts it then names: "has reached 97 ... the bodies
        # of two victims were identified"; nor the count now of a toll rising from the story's highest figure, its
        # early counts and parts beside it: "rose to 132" after "eight, including three children" and "23")
        return "far above every other figure of its kind in the story"
    # A story about people abducted or freed (its ledes count hostages, no dead or hurt) is no casualty story:
    # a death toll further down is another incident's, as in a story with no toll at all.
    about = ctx.casualty or (c.measure == "abducted" and ctx.abduction)
    if c.measure in HUMAN_TOLLS and not about and (c.span[0] >= opts.lede_chars or _after_prior_event(c)):
        return "a toll mentioned in passing in a story that is not about casualties"
    return None
