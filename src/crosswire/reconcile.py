"""Reconcile: group a story's claims into facts and judge each (agree / update / conflict / single-source).

A fact is every claim of one story about the same thing: same measure, compatible subject, same unit
family, same place and same scope. The judgement follows conflict-event datasets (UCDP GED): a best
estimate with low and high bounds, and a count of independent sources in which copies, rewrites and one
originator quoted by many outlets count once.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from crosswire.errors import ConfigError
from crosswire.records import Claim, Extraction, Fact, Report, Source, Story

# Subject hierarchy: child -> parent. "people" is the root of every human toll.
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
    "settlement": "locality", "position": "locality", "city": "locality",
}
# Measures that are running counts: they may rise with time (an update, not a conflict).
RUNNING = frozenset({"killed", "injured", "wounded", "displaced", "missing", "arrested", "dead", "casualties",
                     "evacuated", "rescued", "affected"})
BACKGROUND_CUES = re.compile(
    r"\b(since (19|20)\d\d|civil war|since the (start|beginning|outbreak)|over the (years|decade)|"
    r"in total since|decades?[- ]long|war that began|war began)\b", re.I)
MILE_KM = 1.609344
SMALL_LENGTHS = frozenset({"m", "metre", "meter", "cm", "ft", "foot", "feet", "inch", "yard"})


@dataclass(frozen=True, kw_only=True)
class ReconcileOptions:
    """Tolerances of the judgement.

    ``approx_tolerance``: relative slack for "about"/"nearly" values; ``round_tolerance``: slack for exact
    but round figures; ``conversion_tolerance``: extra slack when the claim was converted from another unit;
    ``magnitude_tolerance``: how close a ratio must be to 10/100/1000 to call it an order-of-magnitude slip.
    """

    approx_tolerance: float = 0.15
    round_tolerance: float = 0.05
    conversion_tolerance: float = 0.05
    magnitude_tolerance: float = 0.15
    background_ratio: float = 20.0
    cue_ratio: float = 3.0
    running_measures: frozenset[str] = field(default=RUNNING)

    def __post_init__(self) -> None:
        for name in ("approx_tolerance", "round_tolerance", "conversion_tolerance", "magnitude_tolerance"):
            value = getattr(self, name)
            if not 0.0 <= value < 1.0:
                raise ConfigError(f"ReconcileOptions.{name} must be in [0, 1), got {value!r}")
        if self.background_ratio <= 1.0 or self.cue_ratio <= 1.0:
            raise ConfigError("ReconcileOptions.background_ratio and cue_ratio must be > 1")


def norm_subject(subject: str) -> str:
    s = " ".join(subject.lower().replace("_", " ").split())
    return SUBJECT_ALIASES.get(s, s)


def subject_level(subject: str) -> int:
    level, s = 0, subject
    while s in SUBJECT_PARENT:
        s, level = SUBJECT_PARENT[s], level + 1
    return level if s == "people" else 99


def _rep(low: float | None, high: float | None) -> float | None:
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def _is_round(v: float) -> bool:
    return v >= 10 and v == int(v) and int(v) % 5 == 0


def interval(r: Report, opts: ReconcileOptions) -> tuple[float, float]:
    """The values a report is compatible with, widened by rounding, approximation and unit conversion."""
    low, high = r.low, r.high
    tol = opts.approx_tolerance if r.approx else 0.0
    if not r.approx and ((low is not None and _is_round(low)) or (high is not None and _is_round(high))):
        tol = opts.round_tolerance
    if r.original_unit and r.original_unit != r.unit:
        tol += opts.conversion_tolerance
    lo = -float("inf") if low is None else low * (1 - tol)
    hi = float("inf") if high is None else high * (1 + tol)
    if low is None and high is not None and r.approx:  # "nearly X": just under X
        lo = high * (1 - opts.approx_tolerance)
    if high is None and low is not None and r.approx:  # "just over X"
        hi = low * (1 + opts.approx_tolerance)
    return lo, hi


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def fmt_value(low: float | None, high: float | None, approx: bool = False) -> str:
    def n(v: float) -> str:
        return f"{int(v):,}" if v == int(v) else f"{v:.3g}"

    if low is not None and high is not None:
        if low == high:
            return ("about " if approx else "") + n(low)
        return f"{n(low)}-{n(high)}"
    if low is not None:
        return f"at least {n(low)}"
    if high is not None:
        return ("nearly " if approx else "at most ") + n(high)
    return "an unstated number"


def show(r: Report) -> str:
    """A report's value as written (original unit) and, when converted, in the fact's unit."""
    if r.original_unit and r.original_unit != r.unit and r.original_value is not None:
        ov = r.original_value
        conv = fmt_value(r.low, r.high, r.approx)
        return f"{fmt_value(ov, ov, r.approx)} {r.original_unit} (= {conv} {r.unit}) ({_label(r)})"
    return f"{fmt_value(r.low, r.high, r.approx)} {r.unit} ({_label(r)})"


def _report(c: Claim) -> Report:
    return Report(claim_id=c.id, article_id=c.article_id, text=c.text, span=c.span, low=c.low, high=c.high,
                  approx=c.approx, as_of=c.as_of, attributed_to=c.attributed_to, subject=norm_subject(c.subject),
                  unit=c.unit, original_unit=c.original_unit, original_value=c.original_value)


def _origin_map(sources: Sequence[Source]) -> dict[str, str]:
    """article id -> the article it was copied from (duplicates and rewrites collapse onto their original)."""
    parent = {s.article_id: (s.duplicate_of or s.rewrite_of) for s in sources}
    out: dict[str, str] = {}
    for aid in parent:
        seen, cur = {aid}, aid
        while parent.get(cur) and parent[cur] not in seen:
            cur = parent[cur]  # type: ignore[assignment]
            seen.add(cur)
        out[aid] = cur
    return out


def independent_count(reports: Sequence[Report], origins: dict[str, str]) -> int:
    keys = {("by", r.attributed_to.lower()) if r.attributed_to else ("art", origins.get(r.article_id, r.article_id))
            for r in reports}
    return len(keys)


@dataclass
class _Item:
    """A claim (or a total synthesised from an article's parts) waiting to be grouped."""

    claim: Claim
    subject: str
    scope: str
    total: bool = False
    vague: bool = False
    parent_item: _Item | None = None
    key: str = ""


def _scope(c: Claim, story: Story, peers: Sequence[Claim], opts: ReconcileOptions) -> str:
    value = _rep(c.low, c.high)
    others = [_rep(p.low, p.high) for p in peers if p is not c and not p.vague]
    others = [o for o in others if o]
    if BACKGROUND_CUES.search(c.sentence) and (
            not others or (value is not None and value > opts.cue_ratio * statistics.median(others))):
        return "background"
    year = (story.first_seen or "")[:4]
    if c.as_of and year.isdigit() and c.as_of[:4].isdigit() and int(c.as_of[:4]) < int(year) - 1:
        return "background"
    if value and others and value > opts.background_ratio * statistics.median(others):
        return "background"
    return "event"


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


def _items(story: Story, extractions: Sequence[Extraction], opts: ReconcileOptions) -> list[_Item]:
    items: list[_Item] = []
    all_claims = [c for e in extractions for c in e.claims if not c.negated]
    for ex in extractions:
        claims = [c for c in ex.claims if not c.negated]
        by_id: dict[str, _Item] = {}
        for c in claims:
            peers = [p for p in all_claims if p.measure == c.measure and p.unit == c.unit]
            it = _Item(claim=c, subject=norm_subject(c.subject), scope=_scope(c, story, peers, opts), vague=c.vague)
            by_id[c.id] = it
            items.append(it)
        for it in by_id.values():
            if it.claim.parent and it.claim.parent in by_id:
                it.parent_item = by_id[it.claim.parent]
        # Per measure, the article's total of the human toll: its broadest top-level claim.
        for measure in sorted({c.measure for c in claims}):
            top = [by_id[c.id] for c in claims if c.measure == measure and c.unit == "person"
                   and by_id[c.id].parent_item is None and by_id[c.id].scope == "event"
                   and subject_level(by_id[c.id].subject) <= 1]
            if not top:
                continue
            best_level = min(subject_level(i.subject) for i in top)
            if best_level == 0:
                for i in top:
                    if i.subject == "people":
                        i.total = True
                continue
            firm = [i for i in top if not i.vague]
            subjects = {i.subject for i in firm}
            if {"combatants", "civilians"} <= subjects:
                parts = [min((i for i in firm if i.subject == s), key=lambda i: i.claim.span[0])
                         for s in ("combatants", "civilians")]
                if parts[0].claim.sentence == parts[1].claim.sentence:
                    total = _Item(claim=_synth_total([p.claim for p in parts]), subject="people", scope="event",
                                  total=True)
                    for p in parts:
                        p.parent_item = total
                    items.append(total)
                    continue
            for i in top:
                if i.subject == "combatants":
                    i.total = True
        # A top-level part stating exactly the article's total is the same figure read with a narrower
        # subject ("130 combatants and civilians" read as "130 combatants"): it is the total.
        totals = [i for i in by_id.values() if i.total and not i.vague]
        for i in by_id.values():
            if not i.total and i.parent_item is None and not i.vague and 1 <= subject_level(i.subject) < 99 and any(
                    t.claim.measure == i.claim.measure and (t.claim.low, t.claim.high) == (i.claim.low, i.claim.high)
                    for t in totals):
                i.total = True
    return items


def _group_key(it: _Item) -> tuple[str, ...]:
    c = it.claim
    subject = "people" if it.total else it.subject
    unit = UNIT_FAMILY.get(c.unit, c.unit)
    if c.original_unit in SMALL_LENGTHS:
        unit = "m"  # depths and heights in metres or feet are not distances in kilometres
    if c.unit != "person" and subject_level(subject) == 99:
        subject = unit  # "13 villages", "10 areas": the unit says what is counted
    return (c.measure, subject, unit, it.scope, "total" if it.total else "part")


def _split_by_place(members: list[_Item]) -> list[list[_Item]]:
    """Claims about different places are different facts; for tolls a place named by one article only is
    usually just the nearest place name, so it folds into the main group."""
    places = sorted({(m.claim.place or "").lower() for m in members} - {""})
    if len(places) <= 1:
        return [members]
    groups: dict[str, list[_Item]] = {p: [] for p in places}
    for m in members:
        if m.claim.place:
            groups[m.claim.place.lower()].append(m)
    biggest = max(places, key=lambda p: (len({m.claim.article_id for m in groups[p]}), len(groups[p]), p))
    groups[biggest].extend(m for m in members if not m.claim.place)
    if members[0].claim.measure != "distance":
        for p in places:
            if p != biggest and len({m.claim.article_id for m in groups[p]}) < 2:
                groups[biggest].extend(groups.pop(p))
    return [groups[p] for p in places if p in groups]


def _split_count(members: list[_Item], opts: ReconcileOptions) -> list[list[_Item]]:
    """A bare "count" (the extractor could not tell what was counted) is never called a conflict: members
    with compatible values form one fact each."""
    out: list[list[_Item]] = []
    for m in members:
        iv = interval(_report(m.claim), opts)
        home = next((g for g in out if any(_overlap(iv, interval(_report(x.claim), opts)) for x in g)), None)
        if home is None:
            out.append([m])
        else:
            home.append(m)
    return out


def _label(r: Report) -> str:
    return r.article_id


def _magnitude_slip(a: float, b: float, tol: float) -> bool:
    if a <= 0 or b <= 0:
        return False
    ratio = max(a, b) / min(a, b)
    return any(abs(ratio / k - 1) <= tol for k in (10, 100, 1000))


def _cause(out: Report, majority: list[Report], opts: ReconcileOptions) -> str:
    v = _rep(out.low, out.high)
    others = [x for x in (_rep(r.low, r.high) for r in majority) if x]
    if v is None or not others:
        return ""
    m = statistics.median(others)
    if out.unit == "km" and abs(v - m / MILE_KM) <= opts.approx_tolerance * m / MILE_KM:
        return (f"; likely a figure in miles labelled as kilometres: {fmt_value(v, v)} km is the others' "
                f"{fmt_value(m, m)} km expressed in miles ({m / MILE_KM:.1f} mi)")
    if out.unit == "mile" and abs(v - m * MILE_KM) <= opts.approx_tolerance * m * MILE_KM:
        return "; likely a figure in kilometres labelled as miles"
    if _magnitude_slip(v, m, opts.magnitude_tolerance):
        return "; likely a slip by an order of magnitude"
    if max(v, m) / max(min(v, m), 1e-9) >= 1.8:
        return "; possibly a different scope (another population or period)"
    return ""


def _judge(key: str, members: list[_Item], origins: dict[str, str], published: dict[str, str],
           opts: ReconcileOptions) -> Fact:
    first = members[0]
    c0 = first.claim
    reports = sorted((_report(m.claim) for m in members), key=lambda r: (r.as_of or "", r.article_id, r.span))
    vague_ids = {m.claim.id for m in members if m.vague}
    firm = [r for r in reports if r.claim_id not in vague_ids and (r.low is not None or r.high is not None)]
    subject = key.split(":")[1]
    unit = c0.unit
    base = dict(key=key, measure=c0.measure, subject=subject, unit=unit, reports=tuple(reports),
                place=c0.place)
    base["independent_sources"] = independent_count(firm or reports, origins)
    reps = [x for x in (_rep(r.low, r.high) for r in firm) if x is not None]
    low = min((r.low if r.low is not None else r.high) for r in firm) if firm else None  # type: ignore[type-var]
    high = max((r.high if r.high is not None else r.low) for r in firm) if firm else None  # type: ignore[type-var]
    arts = {r.article_id for r in reports}
    if len(arts) == 1:
        r = firm[-1] if firm else reports[-1]
        return Fact(**base, status="single-source", best=_rep(r.low, r.high), low=r.low, high=r.high,
                    current=r.claim_id,
                    explanation=f"only {_label(r)} reports it: {fmt_value(r.low, r.high, r.approx)} ({r.text!r})")
    ivs = {r.claim_id: interval(r, opts) for r in firm}
    vague_note = ""
    if vague_ids:
        vague_note = "; vague wording (" + ", ".join(repr(r.text) for r in reports if r.claim_id in vague_ids) + \
            ") shown but not weighed"
    # A running count rising with time is an update.
    if c0.measure in opts.running_measures:
        def when(r: Report) -> str:  # a count is current at least from its article's publication
            return max(r.as_of or "", published.get(r.article_id) or "")

        series = sorted(firm, key=lambda r: (when(r), _rep(r.low, r.high) or 0))
        dates = {when(r) for r in series}
        rising = all((series[i].low or series[i].high or 0) >= (series[i - 1].low or series[i - 1].high or 0)
                     for i in range(1, len(series)))
        grew = len(series) > 1 and (_rep(series[-1].low, series[-1].high) or 0) > (
            1 + opts.approx_tolerance) * (_rep(series[0].low, series[0].high) or 0)
        if rising and grew and len(dates) > 1:
            cur, start = series[-1], series[0]
            steps = " -> ".join(fmt_value(r.low, r.high, r.approx) for r in series)
            expl = (f"update: rose from {fmt_value(start.low, start.high, start.approx)} ({_label(start)}, "
                    f"{when(start)}) to {fmt_value(cur.low, cur.high, cur.approx)} ({_label(cur)}, {when(cur)});"
                    f" history {steps}")
            return Fact(**base, status="update", best=_rep(cur.low, cur.high), low=cur.low, high=cur.high,
                        current=cur.claim_id, explanation=expl + vague_note)
    compatible = all(_overlap(ivs[a.claim_id], ivs[b.claim_id]) for a in firm for b in firm)
    if compatible:
        kinds = {"lower bounds" if r.high is None else "upper bounds" if r.low is None else "values" for r in firm}
        what = "both lower bounds" if kinds == {"lower bounds"} else "compatible " + "/".join(sorted(kinds))
        vals = ", ".join(show(r) for r in firm)
        if len(firm) > 1:
            expl = f"agree: {vals} are {what} within rounding and unit conversion"
        elif firm:
            expl = f"agree: {vals} is the only firm figure"
        else:
            expl = "agree: only vague wording, nothing to contradict"
        best = max(r.low for r in firm if r.low is not None) if kinds == {"lower bounds"} else \
            statistics.median(reps) if reps else None
        return Fact(**base, status="agree", best=best, low=low, high=high,
                    explanation=expl + vague_note.replace("shown but not weighed", "is not a contradiction"))
    if not firm or all(r.claim_id in vague_ids for r in reports):
        return Fact(**base, status="agree", explanation="agree: only vague wording" + vague_note)
    # Conflict: cluster compatible reports, the side with more independent sources is the consensus.
    clusters: list[list[Report]] = []
    for r in firm:
        hits = [cl for cl in clusters if any(_overlap(ivs[r.claim_id], ivs[o.claim_id]) for o in cl)]
        merged = [r] + [x for cl in hits for x in cl]
        clusters = [cl for cl in clusters if cl not in hits] + [merged]
    scored = sorted(clusters, key=lambda cl: (-independent_count(cl, origins), -len(cl),
                                                min(x.article_id for x in cl)))
    top = scored[0]
    tie = len(scored) > 1 and independent_count(scored[1], origins) == independent_count(top, origins)
    sides = "; ".join(", ".join(show(r) for r in cl) for cl in scored)
    if len(scored) == 1:
        return Fact(**base, status="conflict", best=statistics.median(reps) if reps else None, low=low, high=high,
                    explanation=f"conflict: values spread beyond rounding with no clear split: {sides}" + vague_note)
    if tie:
        return Fact(**base, status="conflict", best=None, low=low, high=high,
                    explanation=f"conflict: sources disagree with no majority: {sides}" + vague_note)
    out_reports = [r for cl in scored[1:] for r in cl]
    outliers = tuple(dict.fromkeys(r.article_id for r in out_reports if r.article_id not in
                                   {x.article_id for x in top}))
    cause = _cause(out_reports[0], top, opts) if out_reports else ""
    top_reps = [x for x in (_rep(r.low, r.high) for r in top) if x is not None]
    expl = (f"conflict: {', '.join(outliers)} ({sides.split('; ', 1)[1]}) against "
            f"{independent_count(top, origins)} independent source(s) ({sides.split('; ', 1)[0]}){cause}")
    return Fact(**base, status="conflict", best=statistics.median(top_reps) if top_reps else None, low=low,
                high=high, outliers=outliers, explanation=expl + vague_note)


def reconcile(story: Story, extractions: Sequence[Extraction], sources: Sequence[Source],
              options: ReconcileOptions = ReconcileOptions()) -> tuple[Fact, ...]:
    """Group a story's claims into facts, judge each and link parts to their totals."""
    in_story = set(story.article_ids)
    exs = [e for e in extractions if e.article_id in in_story] if in_story else list(extractions)
    items = _items(story, exs, options)
    groups: dict[tuple[str, ...], list[_Item]] = {}
    for it in items:
        groups.setdefault(_group_key(it), []).append(it)
    # Facts made of vague claims only, or of parts whose totals live elsewhere, are kept as they are.
    keyed: list[tuple[str, list[_Item]]] = []
    used: set[str] = set()
    for gk in sorted(groups):
        subgroups = _split_by_place(groups[gk])
        if gk[0] == "count":
            subgroups = [part for g in subgroups for part in _split_count(g, options)]
        for n, members in enumerate(subgroups):
            place = (members[0].claim.place or str(n)).lower() if len(subgroups) > 1 else ""
            key = ":".join([gk[0], gk[1], gk[2]] + ([gk[3]] if gk[3] != "event" else []) +
                           (["part"] if gk[4] == "part" and gk[3] == "event" and gk[1] == "people" else [])
                           + ([place] if place else []))
            if key in used:
                key = f"{key}:{n}"
            used.add(key)
            for m in members:
                m.key = key
            keyed.append((key, members))
    origins = _origin_map(sources)
    published = {s.article_id: s.published for s in sources if s.published}
    facts = {key: _judge(key, members, origins, published, options) for key, members in keyed}
    parts: dict[str, list[str]] = {}
    part_of: dict[str, str] = {}
    for it in items:
        if it.parent_item is not None and it.parent_item.key and it.key != it.parent_item.key:
            part_of.setdefault(it.key, it.parent_item.key)
            if it.key not in parts.setdefault(it.parent_item.key, []):
                parts[it.parent_item.key].append(it.key)
    out = []
    for key, f in facts.items():
        if all(r.low is None and r.high is None for r in f.reports):
            continue  # only vague wording with no figure: nothing to reconcile
        out.append(Fact(**{**f.__dict__, "parts": tuple(sorted(parts.get(key, []))), "part_of": part_of.get(key)}))
    order = {"conflict": 0, "update": 1, "agree": 2, "single-source": 3}
    return tuple(sorted(out, key=lambda f: (order[f.status], -len({r.article_id for r in f.reports}), f.key)))
