"""Judge one fact: agree, update, conflict or single-source, with a line a reader can check.

- Each article speaks once per originator: for a running count (a toll, the displaced) its highest
  figure is what it reports now (a live page saying "77, then 84" reports 84); other measures keep
  every figure.
- **agree**: every figure is compatible with every other, given bounds ("at least 5" and 7), rounding,
  approximation, unit conversion, and for tolls the one person (often the attacker) some count.
- **update**: a running count whose figures rise with time: the longest chain of reports in which each
  is no lower than the one before. The chain must span more than one time, or come from one
  originator (a monitor's 89, then 130, then 251: the same source never contradicts itself, it updates).
  Reports left out of the chain repeat an earlier, lower figure after it was overtaken (stale copy); they
  are named, not called contradictions; a figure ahead of the chain at its time that a later link reaches
  is an early report (one source had the higher count first), also named. Figures from different sources
  on one day that do not fit together are not an update unless the chain runs over several days, or the
  reports' own words order them (:func:`told_update`).
- **conflict**: incompatible figures for the same time and scope. Compatible reports cluster; the
  cluster with more independent sources is the consensus and the others are the outliers, with the
  likely cause where the numbers show one (miles taken for kilometres, a slip of a zero).
- **single-source**: one article states it, or only one gives any figure (the others' vague wording bounds
  no number).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import statistics
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date

from crosswire.extract.attribution import is_generic_source
from crosswire.records import Claim, Fact, Report

from .options import EBBING, ReconcileOptions
from .values import cause, fmt_value, interval, level, overlap, rep_value, says_total, show

_DISPUTES_COUNT = " the rising count"  # ends the explanation of a count a source disputes (no attacker's slack)
_WORDS = re.compile(r"[a-z][a-z'’-]{3,}")  # the longer words of a lowered name (not "the", "of")
# the words of a count corrected down: "revised down to", "lowered", "down from", "instead of 11,300"
_DOWN_CUE = re.compile(r"\b(?:down(?:wards?)?|lower\w*|cut|reduc\w*|fell|fallen|dropped|decreas\w*|instead\s+of)\b",
                       re.IGNORECASE)


_FROM_FIGURE = re.compile(r"\bfrom\s+(?:[^\d.;]{0,50}?\s)?(\d[\d,]*)")  # ("from a previous estimate of 1,400")


def _from_higher(r: Report) -> bool:
    """The report's words change its figure from a higher one ("revised the toll to 275 from 288", "from 174 to
    125")."""
    m = _FROM_FIGURE.search(r.order_cue or "")
    return m is not None and float(m.group(1).replace(",", "")) > level(r)


def _replaces(r: Report, e: Report) -> bool:
    """Whether ``r``'s words correct the figure ``e`` gives ("revised to around 1,200 from a previous estimate of
    1,400" replaces "more than 1,400"), whatever their dates say (an undated correction is often dated early)."""
    m = _FROM_FIGURE.search(r.order_cue or "")
    if m is None:
        return False
    old = float(m.group(1).replace(",", ""))
    return old > level(r) and abs(level(e) - old) <= FROM_FIGURE_SLACK * old


FROM_FIGURE_SLACK = 0.02  # "more than 1,400" is the 1,400 a correction names


def to_report(c: Claim, subject: str) -> Report:
    return Report(claim_id=c.id, article_id=c.article_id, text=c.text, span=c.span, low=c.low, high=c.high,
                  approx=c.approx, as_of=c.as_of, attributed_to=c.attributed_to, subject=subject,
                  unit=c.unit, original_unit=c.original_unit, original_value=c.original_value,
                  order=c.order, order_cue=c.order_cue, total=says_total(c))




def origin_map(parents: dict[str, str | None]) -> dict[str, str]:
    """article id -> the article it was copied from (duplicates and rewrites collapse onto their original)."""
    out: dict[str, str] = {}
    for aid in parents:
        seen, cur = {aid}, aid
        while parents.get(cur) and parents[cur] not in seen:
            cur = parents[cur]  # type: ignore[assignment]
            seen.add(cur)
        out[aid] = cur
    return out


def _source_key(r: Report, origins: dict[str, str]) -> tuple[str, str]:
    """Who a figure comes from: its named originator, else its article (through its copies' original).
    A speaker named only by what they are ("officials", "police") is no one body: the article's."""
    if r.attributed_to and not is_generic_source(r.attributed_to):
        return ("by", r.attributed_to.lower())
    return ("art", origins.get(r.article_id, r.article_id))


def independent_count(reports: Sequence[Report], origins: dict[str, str]) -> int:
    """Distinct originators of ``reports``: an article that names who gave its figures counts as them, one
    that names no one as itself (never both: its unattributed restatement of an attributed figure is the
    same figure, not one more source)."""
    by_article: dict[str, set[tuple[str, str]]] = {}
    for r in reports:
        by_article.setdefault(origins.get(r.article_id, r.article_id), set()).add(_source_key(r, origins))
    keys: set[tuple[str, str]] = set()
    for found in by_article.values():
        named = {k for k in found if k[0] == "by"}
        keys |= named or found
    return len(keys)


class _Judge:
    def __init__(self, reports: Sequence[Report], vague_ids: set[str], origins: dict[str, str],
                 published: dict[str, str], opts: ReconcileOptions) -> None:
        self.reports = list(reports)
        self.origins = origins
        self.published = published
        self.opts = opts
        self.firm = [r for r in self.reports
                     if r.claim_id not in vague_ids and (r.low is not None or r.high is not None)]
        self.vague = [r for r in self.reports if r.claim_id in vague_ids]
        self.iv = {r.claim_id: interval(r, opts) for r in self.firm}

    def when(self, r: Report) -> str:
        """A figure is current at least from its article's publication."""
        return max(r.as_of or "", self.published.get(r.article_id) or "")

    def representatives(self, running: bool) -> list[Report]:
        """One figure per article and originator for a running count: the highest it gives that is not a
        stray (see :func:`is_stray`), i.e. what the article reports now (a live page's "77, then 84" is 84;
        a recap of "12 on Tuesday and 27 on Wednesday" under a lede of 41 is 41)."""
        if not running:
            return self.firm
        by: dict[tuple[str, str], list[Report]] = {}
        # a figure its own article gives as an earlier count ("Originally, officials said 11") beside another
        # is no report of the count now
        current = {r.article_id for r in self.firm if r.order != "earlier"}
        for r in self.firm:
            if r.order == "earlier" and r.article_id in current:
                continue
            by.setdefault((r.article_id, (r.attributed_to or "").lower()), []).append(r)
        out = []
        for rs in by.values():
            anchor = min(rs, key=lambda r: r.span)
            kept = [r for r in rs if not is_stray(r, anchor, self.opts)]
            out.append(max(kept, key=lambda r: (level(r), self.when(r), -r.span[0])))
        return sorted(out, key=lambda r: (self.when(r), level(r), r.article_id))

    def fits(self, a: Report, b: Report) -> bool:
        return overlap(self.iv[a.claim_id], self.iv[b.claim_id])

    def all_fit(self, reps: Sequence[Report]) -> bool:
        """Every two of ``reps`` fit (``fits`` for each pair), in one pass: intervals overlap pairwise when
        each one's low end is at most the high end of every other one."""
        ivs = [self.iv[r.claim_id] for r in reps]
        if any(lo != lo or hi != hi for lo, hi in ivs):  # NaN compares false: ask each pair
            return all(self.fits(a, b) for i, a in enumerate(reps) for b in reps[i + 1:])
        if len(ivs) < 2:
            return True
        lowest = min(range(len(ivs)), key=lambda i: ivs[i][1])  # the smallest high end, and the next one
        second = min(ivs[i][1] for i in range(len(ivs)) if i != lowest)
        return all(lo <= (second if i == lowest else ivs[lowest][1]) for i, (lo, _) in enumerate(ivs))

    def same_source(self, a: Report, b: Report) -> bool:
        return bool(a.attributed_to) and (a.attributed_to or "").lower() == (b.attributed_to or "").lower()

    def revised_down(self, reps: Sequence[Report]) -> tuple[Report, Report] | None:
        """``(revision, earlier)``: a report whose words correct the count down ("revised down to 40",
        "3,958 instead of 11,300") below another report's figure that is not newer than it, else None."""
        def corrects(x: Report) -> bool:
            return x.order == "latest" and bool(x.order_cue) and bool(_DOWN_CUE.search(x.order_cue or "")
                                                                       or _from_higher(x))

        def settles(x: Report, higher: list[Report]) -> bool:
            """A total told long after every higher figure ("killed a total of 71 people, police said after
            identifying all", five months after 79): the count settled, not a stale repeat."""
            when = self.when(x)
            return x.total and bool(when) and all(
                self.when(e) and _days_between(self.when(e), when) >= SETTLED_DAYS for e in higher)

        corrections: dict[tuple[str, float], Report] = {}  # (article, figure) -> a mention worded as a correction
        for x in self.firm:
            if corrects(x):
                corrections.setdefault((x.article_id, level(x)), x)
        for rep in reversed(reps):
            # the words may be on another mention of the article's figure ("revised ... to 275 from 288" in the
            # lede, "275" again further down)
            r = rep if corrects(rep) else corrections.get((rep.article_id, level(rep)))
            if r is None:
                above = [e for e in reps if e.article_id != rep.article_id and level(e) > level(rep)]
                if above and rep is reps[-1] and settles(rep, above):
                    return rep, max(above, key=level)
                continue
            when = self.when(r)
            higher = [e for e in reps if e.article_id != r.article_id and level(e) > level(r)
                      and (not (when and self.when(e) and self.when(e) > when) or _replaces(r, e))]
            if higher:
                return r, max(higher, key=level)
        return None

    # -- update ------------------------------------------------------------------------------------
    def rising_chain(self, reps: list[Report]) -> list[Report]:
        """The longest chain, in time order, in which no report is lower than the one before (dynamic
        programming over the representatives; ties go to the chain with more sources, then to the one
        whose last link comes first). ``reps`` come in time order, as :meth:`representatives` gives them."""
        n = len(reps)
        whens = [self.when(r) for r in reps]
        levels = [level(r) for r in reps]
        # (a level is a figure the extract stage parsed from digits or number words: never NaN)
        groups = [(r.attributed_to or "").lower() if r.attributed_to else None for r in reps]
        score, prev = _rising_links(levels, groups)
        end = max(range(n), key=lambda i: (score[i], whens[i], levels[i]))
        chain = [reps[end]]
        while prev[end] is not None:
            end = prev[end]  # type: ignore[assignment]
            chain.append(reps[end])
        return chain[::-1]

    def update(self, reps: list[Report]) -> tuple[list[Report], list[Report], list[Report]] | None:
        """(chain, stale, early) when the figures read as a count rising with time, else None. ``early``: figures
        ahead of the chain at their time that a later link reaches (one source had the higher count first)."""
        if len(reps) < 2:
            return None
        chain = self.rising_chain(reps)
        if len(chain) < 2:
            return None
        first, last = chain[0], chain[-1]
        if not level(last) > level(first):
            return None
        one_source = all(self.same_source(chain[0], r) for r in chain[1:])
        whens = [self.when(r) for r in chain]  # in time order: the chain never goes back
        days = {w[:10] for w in whens}
        told = told_update(chain)
        if len(set(whens)) < 2 and not one_source and not told:
            return None
        if len(days) < 2 and not told and not self.all_fit(chain) and any(  # (figures that all fit cannot clash)
                not self.fits(a, b) and not self.same_source(a, b) for i, a in enumerate(chain) for b in chain[i + 1:]):
            return None  # figures from different sources on one day that do not fit together
        in_chain = {r.claim_id for r in chain}
        stale = [r for r in reps if r.claim_id not in in_chain]
        levels = [level(c) for c in chain]  # never going down the chain
        early: list[Report] = []
        for s in stale:  # a stale report repeats a figure the chain had already reached or passed (an open
            # lower bound reached nothing above it: "at least 2" then does not cover a later "at least 6")
            # (a figure dated by its day alone and one with a time of that day are of the same day)
            when_s = self.when(s)
            k = bisect_right(whens, when_s)  # the links no later than s, or of its day: the chain's first k
            while k < len(whens) and whens[k][:10] == when_s[:10]:
                k += 1
            if not ((k and level(s) <= levels[k - 1])
                    or any(c.high is not None and self.fits(c, s) for c in chain[:k])):
                # ahead of the chain at its time: an early report when a later link reaches it
                if any(level(c) >= level(s) or self.fits(c, s) for c in chain[k:]):
                    early.append(s)
                    continue
                return None
        stale = [s for s in stale if s not in early]
        if stale and independent_count(stale, self.origins) > independent_count(chain, self.origins):
            return None
        return chain, stale, early


def told_update(chain: Sequence[Report]) -> bool:
    """Whether the reports' own words order a rising chain that their dates cannot (reports of one time, or
    undated): its highest figure is given as the count after a change ("has risen to 61", "the latest toll",
    "now 61"), or every lower one as an earlier count ("initially 40", "up from 40"). A toll that rose is
    then an update, not a contradiction, though no date tells which report came first."""
    top = chain[-1]
    if level(top) != max(level(r) for r in chain):
        return False
    return top.order == "latest" or all(r.order == "earlier" for r in chain[:-1])


# One link candidate of rising_chain: (length, sources, -index, group). The best has the longest chain, then
# the most sources, then the first index; group: the link's source (None when it names none).
_Link = tuple[int, int, int, "str | None"]


def _best_two(found: Sequence[_Link | None]) -> tuple[_Link | None, _Link | None]:
    """The best of ``found``, and the best of another group than its."""
    top = max((f for f in found if f is not None), default=None)
    if top is None:
        return None, None
    other = max((f for f in found if f is not None and f[3] != top[3]), default=None)
    return top, other


def _rising_links(levels: Sequence[float], groups: Sequence[str | None]) -> tuple[list[tuple[int, int]], list]:
    """``rising_chain``'s (score, prev) of reports in time order: for each report, the best chain ending in it
    through an earlier report no higher than it, found with a prefix-maximum tree over the levels (the best two
    links of different groups in each node: a link of the report's own group counts one source less)."""
    n = len(levels)
    rank = {v: k + 1 for k, v in enumerate(sorted(set(levels)))}
    tree: list[tuple[_Link | None, _Link | None]] = [(None, None)] * (len(rank) + 1)
    score: list[tuple[int, int]] = [(1, 1)] * n
    prev: list[int | None] = [None] * n
    for i in range(n):
        at = rank[levels[i]]
        found: list[_Link | None] = []
        k = at
        while k:
            found += tree[k]
            k -= k & -k
        top, other = _best_two(found)
        if top is not None:
            best = (top[0] + 1, top[1] + (not (top[3] is not None and top[3] == groups[i])), top[2])
            if other is not None and top[3] is not None and top[3] == groups[i]:
                best = max(best, (other[0] + 1, other[1] + 1, other[2]))
            score[i], prev[i] = best[:2], -best[2]
        link = (*score[i], -i, groups[i])
        k = at
        while k < len(tree):
            tree[k] = _best_two([*tree[k], link])
            k += k & -k
    return score, prev


def is_stray(r: Report, anchor: Report, opts: ReconcileOptions) -> bool:
    """A figure far above its article's first figure for the same running count (``cue_ratio`` times and
    at least ``stray_gap`` more) is another quantity: "killing at least six" in the lede and "some 30
    civilians were killed in the incident" further down. Lower figures are the count's history. A figure its words
    make the count after a change ("the toll rose to 132", below "eight, including three children") is the count
    now, no other quantity; so is one its words call the whole ("The floods killed a total of 158 people" after a
    nursing home's six dead)."""
    return r.order != "latest" and not r.total and level(r) >= opts.cue_ratio * max(level(anchor), 0.0) and \
        level(r) - level(anchor) >= opts.stray_gap


def strays(reports: Sequence[Report], opts: ReconcileOptions) -> set[str]:
    """Claim ids of the stray figures among ``reports`` (one fact's), article by article."""
    by: dict[str, list[Report]] = {}
    for r in reports:
        if r.low is not None or r.high is not None:
            by.setdefault(r.article_id, []).append(r)
    out = set()
    for rs in by.values():
        anchor = min(rs, key=lambda r: r.span)
        out |= {r.claim_id for r in rs if is_stray(r, anchor, opts)}
    return out


def _best_agreed(reps: Sequence[Report]) -> float | None:
    exact = [r.low for r in reps if r.low is not None and r.low == r.high]
    native = [r.low for r in reps if r.low is not None and r.low == r.high
              and not (r.original_unit and r.original_unit != r.unit)]
    exact = native or exact  # (a figure given in the fact's unit over one converted to it)
    if exact:
        return statistics.median_high(exact)  # a figure a source gave (of two, the higher: 49 and 50 with the
        # attacker counted or not), never their mean
    lows = [r.low for r in reps if r.low is not None]
    if lows and all(r.high is None for r in reps):
        return max(lows)
    values = [v for v in (rep_value(r.low, r.high) for r in reps) if v is not None]
    return statistics.median(values) if values else None


def judge(key: str, measure: str, subject: str, unit: str, place: str | None, scope: str, why: str | None,
          reports: Sequence[Report], vague_ids: set[str], origins: dict[str, str], published: dict[str, str],
          opts: ReconcileOptions, *, attacker: Callable[[], str | None], rivals: frozenset[str] = frozenset()
          ) -> Fact:
    """The fact of one group of reports. ``attacker``: the words of a report of the story saying the attacker
    died, or None (asked only of a toll in conflict). ``rivals``: the claims of sentences quoting two speakers
    for it."""
    fact = _judge(key, measure, subject, unit, place, scope, why, reports, vague_ids, origins, published, opts,
                  rivals)
    if measure == "killed" and unit == "person" and fact.status == "conflict" and not fact.explanation.endswith(
            _DISPUTES_COUNT) \
            and opts.person_slack_from > 2 and opts.person_slack > 0 \
            and (died := attacker()):
        # the reports say the attacker died: a toll may count him or not, so exact tolls one apart agree
        # at any size (for 20 or more they always do)
        loose = _judge(key, measure, subject, unit, place, scope, why, reports, vague_ids, origins, published,
                       dataclasses.replace(opts, person_slack_from=2), rivals)
        if loose.status != "conflict":
            note = f"; figures one apart: the attacker died ({died!r}), some count him"
            exact = {r.low for r in loose.reports if r.low is not None and r.low == r.high  # (the weighed
                     and loose.low is not None and r.low >= loose.low}  # ones: lower figures are folded)
            best = loose.best
            if loose.status == "agree" and len(exact) == 2 and max(exact) - min(exact) == 1:
                best = min(exact)  # the victims; the higher figure counts the attacker too
                note += f"; {best:g} are the victims"
            fact = dataclasses.replace(loose, best=best, explanation=loose.explanation + note)
    return fact


def _judge(key: str, measure: str, subject: str, unit: str, place: str | None, scope: str, why: str | None,
           reports: Sequence[Report], vague_ids: set[str], origins: dict[str, str], published: dict[str, str],
           opts: ReconcileOptions, rivals: frozenset[str] = frozenset()) -> Fact:
    j = _Judge(sorted(reports, key=lambda r: (r.as_of or "", r.article_id, r.span)), vague_ids, origins,
               published, opts)
    prefix = f"background ({why}); " if scope == "background" and why else ""
    base = dict(key=key, measure=measure, subject=subject, unit=unit, reports=tuple(j.reports), place=place,
                scope=scope, independent_sources=independent_count(j.firm or j.reports, origins))
    vague_note = ""
    if j.vague:
        vague_note = "; vague wording (" + ", ".join(repr(r.text) for r in j.vague) + ") is not weighed"
    stating = {r.article_id for r in j.reports if r.low is not None or r.high is not None}  # firm ones among them
    running = measure in opts.running_measures
    if (len({r.article_id for r in j.reports}) == 1 or (j.firm and len(stating) == 1)) and not _rival_speakers(
            j, running, rivals):
        # one article states it, or only one gives any figure ("two senators" against "many lawmakers": the
        # others' wording backs no number; "hundreds of families" still bounds one)
        # a running count: what the article reports now (its highest figure that is no earlier count and no
        # stray: "five were killed" over "four died at the scene and one in hospital"); else its last figure
        r = (j.representatives(True)[-1] if measure in opts.running_measures else j.firm[-1]) if j.firm \
            else j.reports[-1]
        # wording alone ("thousands injured": 2,000-9,999) stands for its lower bound, not a middle no one stated
        best = rep_value(r.low, r.high) if j.firm else (r.low if r.low is not None else r.high)
        return Fact(**base, status="single-source", best=best, low=r.low, high=r.high, current=r.claim_id,
                    explanation=f"{prefix}only {r.article_id} reports it: {fmt_value(r.low, r.high, r.approx)} "
                                f"({r.text!r}){vague_note}")
    if not j.firm:
        return Fact(**base, status="agree", explanation=f"{prefix}agree: only vague wording{vague_note}")
    reps = j.representatives(running)
    folded = len(j.firm) - len(reps)
    same_article = f"; {folded} earlier or lower figure(s) in the same articles are not weighed" if folded else ""
    if running and _sustained_rivals(j, rivals):
        # two speakers' figures set side by side in more than one report ("a civil defence chief said 300 ...,
        # while health ministry sources put the figure at 500"): a disputed toll, not a rise from one to the other
        return _conflict(j, reps, base, prefix + "conflict: ", same_article + vague_note +
                         "; the reports set the speakers' figures side by side", opts)
    revision = j.revised_down(reps) if running else None
    if revision is not None and not any(
            level(e) > level(revision[0]) and j.when(e) > j.when(revision[0]) and not _replaces(revision[0], e)
            for e in reps):
        # the latest word is a correction down ("revised the toll to 275 from 288"): no rise, though the figures
        # before it rose (checked again below for a correction no rise precedes)
        return _revised(j, reps, base, prefix, same_article + vague_note, opts, revision)
    found = j.update(reps) if running else None
    if found is not None and (disputed := _disputing(j, *found[:2])):
        # a named source that never gave a step of the rising count puts it lower when the count stands higher
        # ("the ministry said no more than 46" after the doctors' 108): the figures are disputed, not stale
        return _conflict(j, reps, base, prefix + "conflict: ", same_article + vague_note + "; " + ", ".join(
            f"{r.attributed_to} ({fmt_value(r.low, r.high, r.approx)}, {r.article_id})" for r in disputed)
            + (" disputes" if len(disputed) == 1 else " dispute") + _DISPUTES_COUNT, opts,
            sides=[[r for r in reps if r in disputed], [r for r in reps if r not in disputed]],
            best_given=_now(found[0][-1]))  # the majority's best: its count now
    if found is not None:
        chain, stale, early = found
        cur, start = chain[-1], chain[0]
        steps = " → ".join(fmt_value(r.low, r.high, r.approx) for i, r in enumerate(chain)
                           if i == 0 or level(r) != level(chain[i - 1]))  # each level once
        expl = (f"update: rose from {fmt_value(start.low, start.high, start.approx)} ({start.article_id}, "
                f"{j.when(start) or 'undated'}) to {fmt_value(cur.low, cur.high, cur.approx)} ({cur.article_id}, "
                f"{j.when(cur) or 'undated'}); history {steps}")
        if len({j.when(r) for r in chain}) < 2 and told_update(chain):
            cue = cur.order_cue if cur.order == "latest" else next((r.order_cue for r in chain if r.order_cue), None)
            expl += (f"; no date orders the reports, their words do ({cue!r})" if cue else
                     "; no date orders the reports, their words do")
        if stale:
            verb = " repeat earlier figures" if len(stale) > 1 else " repeats an earlier figure"
            expl += "; " + ", ".join(f"{r.article_id} ({fmt_value(r.low, r.high, r.approx)})" for r in stale) + \
                verb + " after it was overtaken"
        if early:
            expl += "; " + ", ".join(f"{r.article_id} ({fmt_value(r.low, r.high, r.approx)}, {j.when(r) or 'undated'})"
                                     for r in early) + (" gave" if len(early) > 1 else " gives") + \
                " a figure the others reached only later"
        return Fact(**base, status="update", best=_now(cur),
                    low=cur.low if cur.low is not None else level(cur), high=cur.high, current=cur.claim_id,
                    explanation=prefix + expl + same_article + vague_note)
    if measure in EBBING and (ebb := _ebbing(j, reps)) is not None:
        # the missing are found: a later, lower count of them is the count now, no dispute
        steps = " → ".join(f"{fmt_value(g[0].low, g[0].high, g[0].approx)} ({j.when(g[0])})" for g in ebb)
        cur = ebb[-1][0]
        return Fact(**base, status="update", best=_now(cur), low=cur.low if cur.low is not None else level(cur),
                    high=cur.high, current=cur.claim_id,
                    explanation=prefix + f"update: the count changed with time, {steps}; a count of the {measure} "
                                         "falls as they are found" + same_article + vague_note)
    if revision is not None:
        # a later report corrects the count down: the figures disagree, and which is newer is said (a
        # fact-checker weighs a correction; it is no rise, and no agreement of lower bounds)
        return _revised(j, reps, base, prefix, same_article + vague_note, opts, revision)
    if j.all_fit(reps):
        kinds = {"lower bounds" if r.high is None else "upper bounds" if r.low is None else "values" for r in reps}
        what = "lower bounds" if kinds == {"lower bounds"} else "compatible " + "/".join(sorted(kinds))
        vals = ", ".join(show(r) for r in reps)
        expl = f"agree: {vals} are {what} within rounding and unit conversion" if len(reps) > 1 else \
            f"agree: {vals} is the only firm figure"
        return Fact(**base, status="agree", best=_best_agreed(reps), low=min(level(r) for r in reps),
                    high=max((r.high if r.high is not None else level(r)) for r in reps),
                    explanation=prefix + expl + same_article + vague_note)
    return _conflict(j, reps, base, prefix + "conflict: ", same_article + vague_note, opts)


def _ebbing(j: _Judge, reps: Sequence[Report]) -> list[list[Report]] | None:
    """The reports by date when a count that may fall (:data:`EBBING`) goes down at some step: two or more dates,
    the figures of each date compatible with each other; else None (a rise alone is an update as for any count;
    figures of one date that disagree are a conflict)."""
    by_day: dict[str, list[Report]] = {}
    for r in reps:
        day = j.when(r)
        if not day:
            return None
        by_day.setdefault(day[:10], []).append(r)
    if len(by_day) < 2:
        return None
    groups = [by_day[d] for d in sorted(by_day)]
    if not all(j.all_fit(g) for g in groups):
        return None
    levels = [max(level(r) for r in g) for g in groups]
    if all(b >= a for a, b in itertools.pairwise(levels)):
        return None
    return [sorted(g, key=lambda r: (-level(r), r.article_id)) for g in groups]


def _revised(j: _Judge, reps: list[Report], base: dict, prefix: str, tail: str, opts: ReconcileOptions,
             revision: tuple[Report, Report]) -> Fact:
    """The conflict of a count corrected down: the explanation names the correction, and ``best`` is the corrected
    figure (the latest word on the count)."""
    new, old = revision
    # the count's history before the correction (lower figures told earlier: 6, 12, 30 before 79, then 71) is no
    # side of the dispute: the correction is set against the figures it revises
    earlier = [r for r in reps if r is not new and level(r) < level(new) and j.when(r) < j.when(new)]
    if earlier and len(reps) - len(earlier) >= 2:
        shown: dict[float, str] = {}
        for r in sorted(earlier, key=lambda r: (j.when(r), level(r))):
            shown.setdefault(level(r), fmt_value(r.low, r.high, r.approx))  # each level once
        steps = " → ".join(shown.values())
        reps = [r for r in reps if r not in earlier]
        tail += f"; before it the count rose {steps} → {fmt_value(old.low, old.high, old.approx)}"
    fact = _conflict(j, reps, base, prefix + "conflict: ", tail + (
        f"; {new.article_id} ({j.when(new) or 'undated'}) revises it down to "
        f"{fmt_value(new.low, new.high, new.approx)} from {fmt_value(old.low, old.high, old.approx)} "
        f"({old.article_id}): " + (repr(new.order_cue) if new.order_cue else
                                   f"its total, told {_days_between(j.when(old), j.when(new))} days later")),
        opts, split=new)
    return dataclasses.replace(fact, best=_now(new))  # (with no majority either way too)


SETTLED_DAYS = 7  # a total told this long after every higher figure settles the count (see _Judge.revised_down)


def _days_between(a: str, b: str) -> int:
    """Days from ISO date ``a`` to ``b`` (0 when either is no day)."""
    try:
        return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days
    except ValueError:
        return 0


def _now(cur: Report) -> float:
    """A rising count's current figure as a best value: its level when open above, else its value."""
    return level(cur) if cur.high is None else rep_value(cur.low, cur.high)


def _disputing(j: _Judge, chain: list[Report], stale: list[Report]) -> list[Report]:
    """The reports of a rising count that dispute it: a named source (not a generic "officials") that gave no
    other step of the chain and whose figure is an upper bound below the count ("no more than 46"), or, left
    stale, is stated on the day the count reached its latest figure or later."""
    cur = chain[-1]
    steps = {level(r) for r in chain}
    when_cur = (j.when(cur) or "")[:10]
    speakers = [(c, (c.attributed_to or "").lower()) for c in chain]
    words = {who: set(_WORDS.findall(who)) for _, who in speakers}
    out = []
    for r in [*stale, *chain[:-1]]:  # (an upper bound "no more than 46" may have been read as a step)
        who = (r.attributed_to or "").lower()
        stale_one = r in stale
        told = {t for c, t in speakers if c is not r}
        own = set(_WORDS.findall(who))
        if not who or who in told or is_generic_source(r.attributed_to) or (stale_one and level(r) in steps) \
                or j.fits(r, cur) or any(len(own & words[t]) > 1 for t in told):
            continue  # (two words of a name in common: "Noor Mohammad Faiz" is the chain's "Noor Mohammad Fayez")
        when = (j.when(r) or "")[:10]
        denial = stale_one and r.high == 0 and when and any(  # "we have not recorded any fatality", after deaths
            level(c) > 0 and (j.when(c) or "")[:10] <= when for c in chain)                 # were reported: disputed
        if (r.low is None and r.high is not None and r.high < level(cur)) or (
                stale_one and when and when_cur and when >= when_cur) or denial:
            out.append(r)
    return out


def _sustained_rivals(j: _Judge, rivals: frozenset[str]) -> bool:
    """Whether two or more reports each quote, in one sentence, two speakers whose figures do not fit."""
    if not rivals:
        return False
    by: dict[str, list[Report]] = {}
    for r in j.firm:
        if r.claim_id in rivals:
            by.setdefault(r.article_id, []).append(r)
    disputed = 0
    for rs in by.values():
        speakers: dict[str, Report] = {}
        for r in rs:
            speakers.setdefault((r.attributed_to or "").lower(), r)
        if len(speakers) > 1 and not j.all_fit(list(speakers.values())):
            disputed += 1
    return disputed > 1


def _rival_speakers(j: _Judge, running: bool, rivals: frozenset[str]) -> bool:
    """One article quoting two speakers in one sentence whose figures do not fit ("the ministry said 61 were
    killed but the opposition put the toll at more than 100"): a conflict within the article, no single
    source. (Speakers of different sentences may be telling a total and its parts.)"""
    if not rivals or not any(r.claim_id in rivals for r in j.firm):
        return False
    reps = [r for r in j.representatives(running) if r.claim_id in rivals]
    return len({(r.attributed_to or "").lower() for r in reps}) > 1 and not j.all_fit(reps)


def _clusters(j: _Judge, reps: list[Report]) -> list[list[Report]]:
    """Reports joined with every cluster holding one they fit (the clusters it bridges merge)."""
    clusters: list[list[Report]] = []
    spans: list[dict[tuple[float, float], None]] = []  # the distinct intervals of each cluster's members
    for r in reps:
        iv = j.iv[r.claim_id]
        hit = [k for k, ivs in enumerate(spans) if any(overlap(iv, x) for x in ivs)]
        hits = [clusters[k] for k in hit]
        merged = [r] + [x for cl in hits for x in cl]
        merged_spans = {iv: None}
        for k in hit:
            merged_spans.update(spans[k])
        kept = [k for k, cl in enumerate(clusters) if cl not in hits]
        clusters = [clusters[k] for k in kept] + [merged]
        spans = [spans[k] for k in kept] + [merged_spans]
    return clusters


def _conflict(j: _Judge, reps: list[Report], base: dict, head: str, tail: str, opts: ReconcileOptions,
              split: Report | None = None, sides: list[list[Report]] | None = None,
              best_given: float | None = None) -> Fact:
    """A conflict's sides (clusters of figures that fit, or ``sides`` when known), the majority's best (or
    ``best_given``: what the majority's count now is); ``split``: a revision, a side of its own with what fits it
    (lower bounds of the old count fit the new one too: "at least 11,300" and "at least 3,958")."""
    if sides is not None:  # the sides are known: a source disputing a rising count, and the count's reports
        clusters = [cl for cl in sides if cl]
    elif split is not None:
        side = [r for r in reps if r is split or (j.fits(r, split) and level(r) <= level(split))]
        clusters = [cl for cl in (side, [r for r in reps if r not in side]) if cl]
    else:
        clusters = _clusters(j, reps)
    scored = sorted(clusters, key=lambda cl: (-independent_count(cl, j.origins), -len(cl),
                                                min(x.article_id for x in cl)))
    low = min(level(r) for r in reps)
    high = max((r.high if r.high is not None else level(r)) for r in reps)
    sides = [", ".join(show(r) for r in cl) for cl in scored]
    if len(scored) == 1:
        return Fact(**base, status="conflict", best=None, low=low, high=high,  # no side to take: no best
                    explanation=f"{head}values spread beyond rounding with no clear split: {sides[0]}" + tail)
    top = scored[0]
    if independent_count(scored[1], j.origins) == independent_count(top, j.origins):
        return Fact(**base, status="conflict", best=None, low=low, high=high,
                    explanation=f"{head}sources disagree with no majority: {'; '.join(sides)}" + tail)
    out_reports = [r for cl in scored[1:] for r in cl]
    top_articles = {x.article_id for x in top}
    outliers = tuple(dict.fromkeys(r.article_id for r in out_reports if r.article_id not in top_articles))
    # (a side quoted in the majority's own articles is named by who says it)
    named = outliers or tuple(dict.fromkeys(r.attributed_to or r.article_id for r in out_reports))
    why = cause(out_reports[0], top, opts)
    expl = (f"{head}{', '.join(named)} ({'; '.join(sides[1:])}) against {independent_count(top, j.origins)} "
            f"independent source(s) ({sides[0]}){why}")
    best = _best_agreed(top) if best_given is None else best_given
    return Fact(**base, status="conflict", best=best, low=low, high=high, outliers=outliers,
                explanation=expl + tail)
