"""Group a story's claims into facts: same measure, compatible subject, same unit family, same scope.

Subjects form a hierarchy under ``people`` (civilians and combatants; rebels and soldiers within
combatants; children and women within civilians). Each article's broadest figure of a toll is its
*total*; narrower figures are parts (the 140 rebels within 251 combatants), and an article that gives
only parts in one sentence (180 combatants alongside 19 civilians) has their sum as its total.
Subgroups that are not in the hierarchy (Americans, passengers, relatives, people seriously hurt) are
facts of their own, parts of the total, never its rivals. Tolls are not split by place (a place named
beside a toll is where the victims came from as often as where they died); other figures are
(10 km from Aleppo and 30 km from Damascus are two distances), and a distance measured from nowhere ("the
truck drove 2 km") is not set against distances from a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.extract.vocab import HUMAN_TOLLS
from crosswire.records import Claim, Extraction, Story

from .judge import to_report
from .options import ReconcileOptions
from .scope import PeerFigures, StoryContext, background_reason, elsewhere
from .values import interval, overlap

SUBJECT_PARENT: dict[str, str] = {
    "civilians": "people",
    "combatants": "people",
    "rebels": "combatants",
    "soldiers": "combatants",
    "fighters": "combatants",
    "militants": "combatants",
    "troops": "combatants",
    "insurgents": "combatants",
    "police": "combatants",
    "children": "civilians",
    "women": "civilians",
}
SUBJECT_ALIASES: dict[str, str] = {
    "person": "people", "persons": "people", "individuals": "people", "dead": "people", "victims": "people",
    "civilian": "civilians", "combatant": "combatants", "rebel": "rebels", "soldier": "soldiers",
    "fighter": "fighters", "militant": "militants", "policemen": "police", "officers": "police",
    "combatants and civilians": "people", "civilians and combatants": "people",
}
# Units that count the same kind of thing (villages and areas captured are one fact).
UNIT_FAMILY: dict[str, str] = {
    "village": "locality", "town": "locality", "area": "locality", "locality": "locality",
    "settlement": "locality", "position": "locality", "city": "locality", "district": "locality",
    "neighbourhood": "locality", "neighborhood": "locality",
    "home": "dwelling", "house": "dwelling", "building": "dwelling", "apartment": "dwelling", "dwelling": "dwelling",
}
_HOSPITAL_SOURCE = re.compile(r"\b(?:Hospital|Infirmary|Medical\s+Cent(?:er|re)|Clinic)\b")  # a named one
_TREATING = re.compile(r"\b(?:treat\w*|brought\s+in|admitted|receiv\w*|caring\s+for)\b", re.IGNORECASE)
_NUMERAL = re.compile(r"\W*(?:\d|one\b|single\b)", re.IGNORECASE)
# the figure itself is "some of" a group: "five of the dead", "at least two of them" (not "the driver of the tram")
_PARTITIVE = re.compile(r"^\W*(?:(?:at\s+least|about|some|nearly|almost|more\s+than|over|up\s+to|all|both|most)\s+)?"
                        r"[\w,.-]+\s+of\s+(?:the|those|them|whom|these)\b", re.IGNORECASE)
def _recovered(c: Claim, at: int) -> bool:
    """A count of bodies recovered ("27 bodies have been pulled from the river", "divers found the bodies of 20
    people"): the dead found so far, some of the toll, not the toll."""
    bodies = _BODIES.search(c.text) is not None or _BODIES_OF.search(c.sentence, max(0, at - 30), at) is not None
    return bodies and _RECOVERY.search(c.sentence) is not None


_BODIES = re.compile(r"\b(?:bodies|corpses|remains)\b", re.IGNORECASE)
_BODIES_OF = re.compile(r"\b(?:bodies|corpses|remains)\s+of\s+(?:the\s+|another\s+|a\s+further\s+)?$", re.IGNORECASE)
_RECOVERY = re.compile(r"\b(?:recover\w*|retriev\w*|pulled|pulling|found|finding|removed|brought\s+out|washed\s+(?:up|"
                       r"ashore)|exhum\w*|dug\s+out|extracted|identified)\b", re.IGNORECASE)
_GROUP_OF_DEAD = r"(?:dead|victims|casualties|fatalities|those\s+killed|people\s+killed|deceased)"
_PART_BEFORE = re.compile(rf"\b(?:toll|{_GROUP_OF_DEAD})\s+(?:also\s+)?(?:included?|includes|including)\s+"
                          rf"(?:at\s+least\s+|about\s+)?$|\bamong\s+(?:the\s+)?{_GROUP_OF_DEAD}\s+(?:were|are)\s+"
                          r"(?:at\s+least\s+)?$", re.IGNORECASE)
_PART_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:arrived|were\s+brought|were\s+taken)\s+(?:at|to|in)\s+"
                         r"(?:the\s+|a\s+|one\s+)?(?:[\w-]+\s+){0,2}?hospitals?\s+(?:already\s+)?dead\b|"
                         r"\s+(?:were|was)\s+dead\s+on\s+arrival\b", re.IGNORECASE)
SMALL_LENGTHS = frozenset({"m", "metre", "meter", "cm", "ft", "foot", "feet", "inch", "yard", "yd", "mm"})


def norm_subject(subject: str) -> str:
    s = " ".join(subject.lower().replace("_", " ").split())
    return SUBJECT_ALIASES.get(s, s)


def subject_level(subject: str) -> int:
    """0 for people, 1 for civilians/combatants, 2 below them; 99 outside the hierarchy."""
    level, s = 0, subject
    while s in SUBJECT_PARENT:
        s, level = SUBJECT_PARENT[s], level + 1
    return level if s == "people" else 99


@dataclass
class Item:
    """A claim (or a total synthesised from an article's parts) waiting to be grouped."""

    claim: Claim
    subject: str
    scope: str  # "event" or "background"
    why: str | None = None  # why it is background
    total: bool = False
    parent_item: Item | None = None
    key: str = ""
    individual: bool = False  # one victim described, beside larger tolls: a part

    @property
    def vague(self) -> bool:
        return self.claim.vague

    @property
    def partitive(self) -> bool:
        """"five of the dead", "two of them": some of a group, not its total; so are "the death toll also included
        two adults", "among the dead were two teachers" and "two patients arrived at the hospital dead"."""
        c = self.claim
        if _PARTITIVE.search(c.text):
            return True
        if c.unit != "person" or not c.sentence:
            return False
        at = c.sentence.find(c.text)
        if at < 0:
            return False
        return bool(_PART_BEFORE.search(c.sentence, max(0, at - 50), at)
                    or _PART_AFTER.match(c.sentence, at + len(c.text))
                    or (c.measure == "killed" and _recovered(c, at)))

    @property
    def elsewhere(self) -> bool:
        """The figure counts the event's other places ("about 170 people elsewhere in the country"): a part."""
        return elsewhere(self.claim)


def _synth_total(parts: list[Claim]) -> Claim:
    """One article gives only parts (combatants + civilians): their sum is its total of people."""
    lows = [p.low for p in parts]
    highs = [p.high for p in parts]
    low = sum(v for v in lows if v is not None) if all(v is not None for v in lows) else None
    high = sum(v for v in highs if v is not None) if all(v is not None for v in highs) else None
    first = min(parts, key=lambda p: p.span[0])
    span = (min(p.span[0] for p in parts), max(p.span[1] for p in parts))
    offset = first.sentence.find(first.text)
    sentence_start = first.span[0] - offset
    if offset >= 0 and all(p.sentence == first.sentence for p in parts):
        text = first.sentence[span[0] - sentence_start : span[1] - sentence_start]  # the words as written
    else:  # parts in different sentences: cite the first, whose span is exact
        span, text = first.span, first.text
    return Claim(id="+".join(p.id for p in parts), article_id=first.article_id, span=span,
                 sentence=first.sentence, text=text,
                 measure=first.measure, subject="people", low=low, high=high,
                 approx=any(p.approx for p in parts), as_of=max(p.as_of or "" for p in parts) or None,
                 place=first.place, attributed_to=first.attributed_to, attribution_text=first.attribution_text)


def _mark_totals(claims: Sequence[Claim], by_id: dict[str, Item], items: list[Item]) -> None:
    """Per measure, the article's total of a human toll: its broadest top-level claim about the event."""
    for measure in sorted({c.measure for c in claims}):
        top = [by_id[c.id] for c in claims if c.measure == measure and c.unit == "person"
               and by_id[c.id].parent_item is None and by_id[c.id].scope == "event" and not by_id[c.id].partitive
               and not by_id[c.id].elsewhere
               and subject_level(by_id[c.id].subject) <= 1]
        if not top:
            continue
        if min(subject_level(i.subject) for i in top) == 0:
            for i in top:
                if i.subject == "people":
                    i.total = True
            continue
        firm = [i for i in top if not i.vague]
        if {"combatants", "civilians"} <= {i.subject for i in firm}:
            parts = [min((i for i in firm if i.subject == s), key=lambda i: i.claim.span[0])
                     for s in ("combatants", "civilians")]
            if parts[0].claim.sentence == parts[1].claim.sentence:
                total = Item(claim=_synth_total([p.claim for p in parts]), subject="people", scope="event",
                             total=True)
                for p in parts:
                    p.parent_item = total
                items.append(total)
                continue
        level_one = {i.subject for i in firm if subject_level(i.subject) == 1}
        for i in top:  # the one side an article counts ("killing at least six civilians") is its total
            if i.subject == "combatants" or (len(level_one) == 1 and i.subject in level_one):
                i.total = True
    # A top-level part stating exactly the article's total is the same figure read with a narrower
    # subject ("130 combatants and civilians" read as "130 combatants"): it is the total.
    totals = [i for i in by_id.values() if i.total and not i.vague]
    for i in by_id.values():
        if not i.total and i.parent_item is None and not i.vague and 1 <= subject_level(i.subject) < 99 and any(
                t.claim.measure == i.claim.measure and (t.claim.low, t.claim.high) == (i.claim.low, i.claim.high)
                for t in totals):
            i.total = True




def items_of(story: Story, extractions: Sequence[Extraction], ctx: StoryContext,
             opts: ReconcileOptions) -> list[Item]:
    items: list[Item] = []
    kinds: dict[tuple[str, str], list[Claim]] = {}  # the story's claims by measure and unit, in story order
    for e in extractions:
        for c in e.claims:
            # (a group named outside the hierarchy of people is a part: "26 foreigners", "five high school students"
            # beside a toll of 154 make no toll look far above the others)
            if c.unit != "person" or subject_level(norm_subject(c.subject)) < 99:
                kinds.setdefault((c.measure, c.unit), []).append(c)
    peers = {kind: PeerFigures(claims) for kind, claims in kinds.items()}
    no_peers = PeerFigures(())
    for ex in extractions:
        by_id: dict[str, Item] = {}
        for c in ex.claims:
            if (c.low is not None and c.low < 0) or (c.high is not None and c.high < 0):
                continue  # no count or distance is negative: a misread figure is not weighed
            why = background_reason(c, ex, peers.get((c.measure, c.unit), no_peers), ctx, opts)
            subject = norm_subject(c.subject)
            if subject == "people" and c.measure == "injured" and (
                    (c.attributed_to and _HOSPITAL_SOURCE.search(c.attributed_to))
                    or (_HOSPITAL_SOURCE.search(c.sentence) and _TREATING.search(c.sentence))):
                subject = "people, at one hospital"  # a hospital counts its own patients: a part of the toll
            it = Item(claim=c, subject=subject, scope="background" if why else "event", why=why)
            by_id[c.id] = it
            items.append(it)
        # The same toll said twice in one article is one toll: once background, background wherever it is
        # repeated ("the attack that killed four Americans last September" ... "the attack, which resulted in
        # the deaths of Ambassador Stevens and three other Americans").
        told = {(it.claim.measure, it.subject, it.claim.low, it.claim.high): it.why for it in by_id.values()
                if it.why and it.claim.unit == "person" and it.claim.measure in HUMAN_TOLLS
                and not it.claim.vague and not it.claim.negated and (it.claim.low or 0) > 1}
        for it in by_id.values():  # (of the same people: "two passengers" then is not "two children" now)
            key = (it.claim.measure, it.subject, it.claim.low, it.claim.high)
            if it.scope == "event" and key in told and not it.claim.vague:
                it.scope, it.why = "background", f"the article gives the same figure for another event ({told[key]})"
        # "No one was injured" beside "two men suffered minor injuries" in the same article: the zero speaks of
        # others (the crowd), not of this toll.
        stated = {it.claim.measure for it in by_id.values() if it.scope == "event" and not it.claim.negated
                  and it.claim.unit == "person" and (it.claim.low or it.claim.high or 0) > 0}
        for it in by_id.values():
            if it.claim.negated and it.scope == "event" and it.claim.measure in stated:
                it.scope, it.why = "background", "the same article gives a figure for this toll: its zero is of others"
        for it in by_id.values():
            if it.claim.parent and it.claim.parent in by_id:
                it.parent_item = by_id[it.claim.parent]
        _mark_totals([c for c in ex.claims if not c.negated and c.id in by_id], by_id, items)
    # One victim described ("a man was killed") is the toll only when nobody reports more for that measure, of
    # any people ("Six students were killed ... In Rangpur, a student died": one of the six).
    larger = {it.claim.measure for it in items if it.scope == "event" and it.claim.unit == "person"
              and not it.vague and (it.claim.low or it.claim.high or 0) > 1}
    for it in items:
        if _is_individual(it.claim) and it.claim.measure in larger:
            it.total, it.individual = False, True
    # A toll told of one place of the event ("In the Nasr City district, 288 people were killed", "In Kathmandu
    # alone, 181 died") beside a toll several times larger: the count of that place, a part.
    most: dict[str, float] = {}
    for it in items:
        if it.scope == "event" and it.claim.unit == "person" and not it.vague and not it.claim.negated:
            most[it.claim.measure] = max(most.get(it.claim.measure, 0.0), it.claim.low or it.claim.high or 0.0)
    for it in items:
        c = it.claim
        if c.unit == "person" and c.measure in _PLACED_TOLLS and c.measure in most and not it.vague and (
                c.low or c.high or 0.0) * PLACE_SHARE <= most[c.measure] and _of_a_place(c):
            it.total, it.individual = False, True
    return items


_PLACED_TOLLS = frozenset({"killed", "injured", "missing"})
PLACE_SHARE = 1.5  # a place's toll at most two thirds of the story's largest is that place's part
_PLACE_LEAD = re.compile(r"\W*(?:In|At)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s+(?:district|"
                         r"province|region|state|county|city|area|valley|governorate|prefecture|township))?"
                         r"(?:\s+alone)?\s*,")


def _of_a_place(c: Claim) -> bool:
    """The sentence gives the figure as one place's ("In the Nasr City district, 288 ...", "the capital, where at
    least 181 people died", "223 people had been confirmed dead in the Gorkha district")."""
    at = c.sentence.find(c.text)
    if at < 0:
        return False
    return bool((at > 0 and _PLACE_LEAD.match(c.sentence)) or _WHERE_BEFORE.search(c.sentence, max(0, at - 20), at)
                or _IN_DIVISION_AFTER.match(c.sentence, at + len(c.text)))


_WHERE_BEFORE = re.compile(r"\bwhere\s+(?:at\s+least\s+|some\s+|about\s+|more\s+than\s+)?$", re.IGNORECASE)
_IN_DIVISION_AFTER = re.compile(r"(?:\s+[\w-]+){0,5}?\s+in\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:district|province|"
                                r"region|county|valley|governorate|prefecture|township|municipality)\b")


def _is_individual(c: Claim) -> bool:
    """One victim described ("a man was killed"; "one was injured in the leg": the wound says it is someone's
    story, not a count)."""
    if c.low != c.high or c.low != 1 or c.negated:
        return False
    if not _NUMERAL.match(c.text) or _ONE_NAMED.match(c.text):
        return True  # (also "One Briton confirmed injured": one person named by what they are)
    at = c.sentence.find(c.text)
    return at >= 0 and _WOUND_AFTER.match(c.sentence, at + len(c.text)) is not None


_ONE_NAMED = re.compile(r"\W*(?i:one)\s+[A-Z][a-z]+(?:\s|$)")  # "One Briton", not "one person"
_WOUND_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:in|on)\s+(?:the|his|her|their)\s+(?:left\s+|right\s+|lower\s+|"
                          r"upper\s+)?(?:legs?|arms?|head|chest|back|neck|stomach|abdomen|foot|feet|hands?|shoulders?|"
                          r"face|eyes?|hip|knees?|spine)\b", re.IGNORECASE)


def group_key(it: Item) -> tuple[str, ...]:
    """(measure, subject, unit family, scope, total|part)."""
    c = it.claim
    subject = "people" if it.total or (c.negated and it.subject == "people") else it.subject
    unit = UNIT_FAMILY.get(c.unit, c.unit)
    if c.original_unit in SMALL_LENGTHS:
        unit = "m"  # depths and heights in metres or feet are not distances in kilometres
    if c.unit != "person" and subject_level(subject) == 99:
        subject = unit  # "13 villages", "10 areas": the unit says what is counted
    part = "part" if not it.total and not c.negated and (
        (subject == "people" and (it.parent_item is not None or (it.individual and c.measure != "arrested")))
        or (c.unit == "person" and (it.partitive or it.elsewhere))) else "total"  # "five of the dead": some of them
    return (c.measure, subject, unit, it.scope, part)


def _reference_place(c: Claim) -> str | None:
    """The place a figure is measured from, when the sentence names it right after the figure ("6 km from
    Aleppo", "10 kilometres (6 miles) from the outskirts of Aleppo city"); not the thing located ("The dam,
    9 km upstream of the town")."""
    if not c.place:
        return None
    at = c.sentence.find(c.text)
    after = c.sentence[at + len(c.text) : at + len(c.text) + 80] if at >= 0 else ""
    rx = _REFERENCE.get(c.place)
    if rx is None:
        rx = _REFERENCE.setdefault(c.place, re.compile(
            r"^\s*(?:[\w-]+\s+){0,2}?(?:from|of|to|outside|short\s+of|away\s+from)\s+(?:[\w-]+\s+){0,4}?"
            + re.escape(c.place) + r"\b", re.IGNORECASE))
    return c.place if rx.search(after) else None


_REFERENCE: dict[str, re.Pattern[str]] = {}
_FROM_SOMEWHERE = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:[\w-]+\s+){0,2}?(?:from|of|to|outside|short\s+of|away|"
                             r"upstream|downstream|north|south|east|west|inland|offshore|off)\b", re.IGNORECASE)


def _measured_from_somewhere(c: Claim) -> bool:
    """Whether the sentence says what a distance is measured from, named or not ("of the town")."""
    if re.search(r"\b(?:from|of|to|within)\b", c.text, re.IGNORECASE):  # "only 6 kilometers from Aleppo"
        return True
    at = c.sentence.find(c.text)
    return at >= 0 and bool(_FROM_SOMEWHERE.match(c.sentence, at + len(c.text)))


def split_by_place(members: list[Item]) -> list[list[Item]]:
    """Figures other than tolls about different places are different facts; a place named by one article
    only is usually just the nearest place name, so it folds into the main group."""
    if members[0].claim.unit == "person":
        return [members]
    place_of = {id(m): _reference_place(m.claim) for m in members}
    places = sorted({(place_of[id(m)] or "").lower() for m in members} - {""})
    if members[0].claim.measure == "distance" and places:
        # a distance measured from nowhere ("the truck drove 2 km") is not a distance from a place
        loose = [m for m in members if not place_of[id(m)] and not _measured_from_somewhere(m.claim)]
        if loose:
            return [*split_by_place([m for m in members if place_of[id(m)]]), loose]
    if len(places) <= 1:
        return [members]
    groups: dict[str, list[Item]] = {p: [] for p in places}
    for m in members:
        if place_of[id(m)]:
            groups[place_of[id(m)].lower()].append(m)  # type: ignore[union-attr]
    biggest = max(places, key=lambda p: (len({m.claim.article_id for m in groups[p]}), len(groups[p]), p))
    groups[biggest].extend(m for m in members if not place_of[id(m)])
    if members[0].claim.measure != "distance":
        for p in places:
            if p != biggest and len({m.claim.article_id for m in groups[p]}) < 2:
                groups[biggest].extend(groups.pop(p))
    return [groups[p] for p in places if p in groups]


def split_compatible(members: list[Item], opts: ReconcileOptions) -> list[list[Item]]:
    """Parts of a toll stated by different articles ("five of the dead", "nine of the dead") and bare counts
    are different subsets, not rivals: only figures compatible with each other make one fact."""
    out: list[list[Item]] = []
    spans: list[dict[tuple[float, float], None]] = []  # the distinct intervals of the members of each group of out
    vague = [m for m in members if m.vague or (m.claim.low is None and m.claim.high is None)]
    # (an item equal to a vague one is vague itself: the members not vague are those not among them)
    is_vague = {id(m) for m in vague}
    firm = [m for m in members if id(m) not in is_vague]
    # figures with both bounds first: an open one ("at least 1", "up to 50") overlaps figures that do not
    # overlap each other, and would bridge them into one fact; it joins the largest group it fits
    for m in [*(m for m in firm if m.claim.low is not None and m.claim.high is not None),
              *(m for m in firm if m.claim.low is None or m.claim.high is None)]:
        iv = interval(to_report(m.claim, m.subject), opts)
        fits = [k for k, ivs in enumerate(spans) if any(overlap(iv, x) for x in ivs)]
        closed = m.claim.low is not None and m.claim.high is not None
        home = (fits[0] if closed else max(fits, key=lambda k: (len(out[k]), -k))) if fits else None
        if home is None:
            out.append([m])
            spans.append({iv: None})
        else:
            out[home].append(m)
            spans[home][iv] = None
    if vague:  # shown beside the largest group
        if out:
            max(out, key=len).extend(vague)
        else:
            out.append(vague)
    return out
