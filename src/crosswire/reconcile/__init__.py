"""Reconcile: group a story's claims into facts and judge each (agree / update / conflict / single-source).

A fact is every claim of one story about the same thing: same measure, compatible subject, same unit
family and the same scope (this event, or background: another event or period, see :mod:`.scope`).
The judgement (:mod:`.judge`) follows conflict-event datasets (UCDP GED): a best estimate with low and
high bounds, and a count of independent sources in which copies, rewrites and one originator quoted by
many outlets count once. Entry: :func:`reconcile`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from crosswire.extract.attribution import is_generic_source
from crosswire.records import Article, Claim, Extraction, Fact, Source, Story

from .group import Item, group_key, items_of, norm_subject, split_by_place, split_compatible
from .judge import independent_count, judge, origin_map, strays, to_report
from .options import RUNNING, ReconcileOptions
from .scope import attacker_died, story_context
from .values import fmt_value, interval, level

__all__ = ["RUNNING", "ReconcileOptions", "fmt_value", "independent_count", "interval", "norm_subject",
           "reconcile"]

DEFAULT_OPTIONS = ReconcileOptions()
_ORDER = {"conflict": 0, "update": 1, "agree": 2, "single-source": 3}


def _scattered(members: list[Item], options: ReconcileOptions) -> list[list[Item]]:
    """Distances measured from no stated place: one fact unless they scatter into three or more clusters of
    compatible values (a missile's range, altitude and flight path; a rocket's orbits), which are distances of
    different things. Two clusters stay one fact: that disagreement is what a conflict is."""
    if any(m.claim.place for m in members):
        return [members]
    parts = split_compatible(members, options)
    return parts if len(parts) >= 3 else [members]


def _keyed(items: list[Item], options: ReconcileOptions) -> list[tuple[str, list[Item]]]:
    groups: dict[tuple[str, ...], list[Item]] = {}
    for it in items:
        groups.setdefault(group_key(it), []).append(it)
    keyed: list[tuple[str, list[Item]]] = []
    used: set[str] = set()
    for gk in sorted(groups):
        subgroups = split_by_place(groups[gk])
        measure, subject, unit, scope, part = gk
        if part == "part" or measure == "count" or unit == "m" or scope == "background":
            # subsets, bare counts, lengths of things, tolls of other events: only like figures are one fact
            subgroups = [g for sub in subgroups for g in split_compatible(sub, options)]
        elif measure == "distance":  # distances from no stated place that scatter into three or more clusters
            subgroups = [g for sub in subgroups for g in _scattered(sub, options)]  # are distances of things
        for n, members in enumerate(subgroups):
            place = (members[0].claim.place or str(n)).lower() if len(subgroups) > 1 else ""
            key = ":".join([measure, subject, unit] + ([scope] if scope != "event" else []) +
                           (["part"] if part == "part" and scope == "event" else []) + ([place] if place else []))
            if key in used:
                key = f"{key}:{n}"
            used.add(key)
            for m in members:
                m.key = key
            keyed.append((key, members))
    return keyed


_NEAR_SENTENCES = 400  # characters between two figures of sentences that set speakers' figures side by side


def _rivals(members: list[Item]) -> frozenset[str]:
    """The claims of sentences that quote two or more speakers for the fact ("the ministry said 61 were killed
    but the opposition put the toll at more than 100")."""
    speakers: dict[tuple[str, str], set[str]] = {}
    for m in members:
        if m.claim.attributed_to:
            speakers.setdefault((m.claim.article_id, m.claim.sentence), set()).add(m.claim.attributed_to.lower())
    rival = {k for k, v in speakers.items() if len(v) > 1}
    out = {m.claim.id for m in members if (m.claim.article_id, m.claim.sentence) in rival}
    # ... or in sentences close together, neither figure told as an earlier or later count ("The government said
    # 147 people were killed. The Student Movement has said that 266 people were killed.")
    quoted = [m.claim for m in members if m.claim.attributed_to and m.claim.order is None and not m.vague
              and m.claim.parent is None and not is_generic_source(m.claim.attributed_to)]
    # (named speakers: "officials said five were killed ... According to the county executive, four died at the
    # scene and one in hospital" tells a total and its parts)
    by_article: dict[str, list[Claim]] = {}
    for c in quoted:
        by_article.setdefault(c.article_id, []).append(c)
    for claims in by_article.values():  # (pairs within an article only)
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                if (a.attributed_to or "").lower() != (b.attributed_to or "").lower() and \
                        abs(a.span[0] - b.span[0]) <= _NEAR_SENTENCES:
                    out.update((a.id, b.id))
    return frozenset(out)


def _set_aside_strays(items: list[Item], options: ReconcileOptions) -> None:
    """A running count's figure far from what its own article says of the same toll is another incident's."""
    groups: dict[tuple[str, ...], list[Item]] = {}
    for it in items:
        if it.scope == "event" and it.claim.measure in options.running_measures and not it.vague:
            groups.setdefault(group_key(it), []).append(it)
    for members in groups.values():
        reports = [to_report(m.claim, m.subject) for m in members if not m.vague]
        stray = strays(reports, options)
        # A figure another report states as its own count of the toll (not a stray there) is the toll, though its
        # article opened with a smaller figure (the children killed at one school before the quake's toll).
        held = [(r.article_id, level(r)) for r in reports if r.claim_id not in stray]
        stray -= {r.claim_id for r in reports if r.claim_id in stray and any(
            a != r.article_id and abs(v - level(r)) <= options.approx_tolerance * max(v, level(r))
            for a, v in held)}
        for m in members:
            if m.claim.id in stray:
                m.scope, m.why = "background", "far above the figure its own article opens with for this toll"


def _link_parts(items: list[Item], facts: dict[str, Fact]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Parts stated as such ("including 30 children") and subgroups of a toll (Americans, passengers,
    people seriously hurt) point at the total of their measure."""
    parts: dict[str, list[str]] = {}
    part_of: dict[str, str] = {}
    for it in items:
        if it.parent_item is not None and it.parent_item.key and it.key != it.parent_item.key:
            part_of.setdefault(it.key, it.parent_item.key)
    totals: dict[str, str] = {}
    for f in sorted(facts.values(), key=lambda f: (-len({r.article_id for r in f.reports}), f.key)):
        if f.unit == "person" and f.subject == "people" and f.scope == "event" and ":part" not in f.key:
            totals.setdefault(f.measure, f.key)
    for f in facts.values():
        total = totals.get(f.measure)
        if (f.key in part_of or total is None or f.key == total or f.scope != "event" or f.unit != "person"
                or f.subject == "people"):
            continue
        part_of[f.key] = total
    for k, parent in part_of.items():
        parts.setdefault(parent, []).append(k)
    return parts, part_of


def reconcile(story: Story, extractions: Sequence[Extraction], sources: Sequence[Source],
              options: ReconcileOptions = DEFAULT_OPTIONS, *,
              articles: Sequence[Article] = ()) -> tuple[Fact, ...]:
    """Group a story's claims into facts, judge each and link parts to their totals. ``articles`` (the
    story's, optional) let the judgement see their paragraphs: a closing look back at other incidents is
    background."""
    in_story = set(story.article_ids)
    exs = [e for e in extractions if e.article_id in in_story] if in_story else list(extractions)
    ctx = story_context(story, exs, sources, options, {a.id: a for a in articles})
    items = items_of(story, exs, ctx, options)
    origins = origin_map({s.article_id: (s.duplicate_of or s.rewrite_of) for s in sources})
    published = {s.article_id: s.published for s in sources if s.published}
    _set_aside_strays(items, options)
    facts: dict[str, Fact] = {}
    # what a report says of the attacker's death, read when a toll first needs it (once per story)
    attacker = functools.cache(lambda: attacker_died(list(ctx.texts.values())))
    for key, members in _keyed(items, options):
        c0 = members[0].claim
        subject = key.split(":")[1]
        place = c0.place
        if c0.unit == "person":  # a toll's place only when most of its reports name it
            named = [m.claim.place for m in members if m.claim.place]
            place = max(dict.fromkeys(named), key=named.count) if named else None  # ties: the first named
            if place is not None and 2 * named.count(place) < len(members):
                place = None
        reports = [to_report(m.claim, m.subject) for m in members]
        why = next((m.why for m in members if m.why), None)
        vague = {m.claim.id for m in members if m.vague}
        facts[key] = judge(key, c0.measure, subject, c0.unit, place, members[0].scope, why, reports, vague,
                           origins, published, options, attacker=attacker, rivals=_rivals(members))
    parts, part_of = _link_parts(items, facts)
    out = [Fact(**{**f.__dict__, "parts": tuple(sorted(parts.get(key, []))), "part_of": part_of.get(key)})
           for key, f in facts.items() if any(r.low is not None or r.high is not None for r in f.reports)]
    return tuple(sorted(out, key=lambda f: (f.scope != "event", _ORDER[f.status],
                                            -len({r.article_id for r in f.reports}), f.key)))

