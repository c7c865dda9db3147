"""Toll extraction on 96 news articles crosswire was not tuned on, against a blind hand annotation.

Run: ``python benchmarks/toll_extraction.py``. Reads ``../shared/data/five-w-one-h-gold/*.json`` and
``benchmarks/data/five_w_tolls.json`` at run time; writes ``benchmarks/results/toll_extraction.json``.

Annotation (``benchmarks/data/five_w_tolls.json``, written by reading the articles, before looking at
any crosswire output): per article file, the death toll and the injured count of the article's main
event as the article states them at its time of writing: ``{"low": .., "high": ..}`` (``high`` null =
unbounded: "at least 7" is low 7), ``null`` when the article states none, ``{"low": 0, "high": 0}``
when it says nobody died (was hurt). Background figures (earlier events, hypotheticals, claims of
propaganda) are not the toll. ``"ambiguous": true`` marks articles whose reading is open (with
``ambiguous_why``); they are scored apart and kept out of the headline accuracy.

How: all 96 files go through one real pipeline run (``crosswire.pipeline.run``) into one store in a
temporary directory, so clustering is part of what is measured. For each article, its story's
**main toll fact** per measure: among the story's facts with measure ``killed`` (resp. ``injured``),
subject ``people`` and scope ``event``, the one reported by the most distinct articles (ties: the
higher ``best``, then the key).

Multi-article stories: the main fact is a property of the story, not of the article, so every
article is judged against its story's main fact (for a story of one article, that article's own
fact). An article whose own figure is older or newer than the story's consensus can therefore be
"wrong" though its own claim was read right: each row also says whether the main fact holds a report
from this article (``article_reports``) and whether that report alone fits the annotation
(``article_report_ok``), so extraction errors can be told from story-level ones. One exception:
when an article states no figure (annotation null) and its story's main fact carries no report from
it while other articles of the same story do state a figure, the story's figure is legitimately
someone else's; this counts as correct (``correct-other-articles``), not as a false positive.

Verdicts per article and measure:

* ``correct``: annotated range and the main fact's ``best`` within it; annotated null and no main fact;
  annotated 0 and no main fact or ``best`` 0; or ``correct-other-articles`` above.
* ``false-positive``: a main fact where the annotation has none.
* ``miss``: an annotated figure and no main fact.
* ``wrong``: a main fact whose ``best`` is outside the annotated range.
* ``error``: the pipeline raised while briefing the article's story. ``crosswire.pipeline.run``
  aborts the whole run on such an exception; the benchmark keeps the exception
  (``meta.pipeline_crash``) and briefs the remaining stories one by one with the pipeline's own
  functions (``brief_story``), so one failing story costs only its own articles. A failing story is
  then briefed once more with its negative counts (a spaced dash read as a minus sign: "crash - six
  men" as -6) dropped from the stored extractions; ``verdict_if_fixed`` and ``tallies_if_fixed`` judge
  that brief, so the figures a fix of the crash would give, and the errors behind it, still show.

Accuracy = correct / judged articles (ambiguous ones apart, per measure when the annotation names
``ambiguous_measures``); also over the articles with a stated figure only (``stated``), since most
of the 96 articles are about events without a human toll.

Caveat: 38 of the 96 articles (among them the consulate, tram and well reports) are also in
``../shared/data/news-clusters-5w1h/``, whose events crosswire's tests and hand-checked judgements
use; each row carries ``seen_in_news_clusters`` and the figures are split on it (``seen``,
``unseen``, ``stated-unseen``). Floors: ``tests/test_toll_extraction.py``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "five-w-one-h-gold"
CLUSTERS = SHARED / "data" / "news-clusters-5w1h"
ANNOTATION = ROOT / "benchmarks" / "data" / "five_w_tolls.json"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "src"))

from crosswire import records as r  # noqa: E402

MEASURES = ("killed", "injured")
VERDICTS = ("correct", "false-positive", "miss", "wrong", "error")


# -- the main toll fact ---------------------------------------------------------------------------
def main_fact(facts: Iterable[r.Fact], measure: str) -> r.Fact | None:
    """The story's main toll fact: measure ``measure``, subject people, scope event, reported by the
    most distinct articles (ties: higher ``best``, then key)."""
    cands = [f for f in facts if f.measure == measure and f.subject == "people" and f.scope == "event"]
    if not cands:
        return None
    return max(cands, key=lambda f: (len({rep.article_id for rep in f.reports}),
                                     -math.inf if f.best is None else f.best, f.key))


# -- the comparison -------------------------------------------------------------------------------
def in_range(value: float, expected: dict[str, float | None]) -> bool:
    low, high = expected.get("low"), expected.get("high")
    return (low is None or value >= low) and (high is None or value <= high)


def judge(expected: dict[str, float | None] | None, best: float | None, has_fact: bool, *,
          article_in_fact: bool = True, others_state_figure: bool = False) -> str:
    """One verdict: ``correct``, ``correct-other-articles``, ``false-positive``, ``miss`` or ``wrong``.

    ``expected`` is the annotation (None: none stated; low = high = 0: nobody); ``best``/``has_fact``
    the story's main fact; ``article_in_fact`` whether that fact holds a report from this article;
    ``others_state_figure`` whether other articles of the same story are annotated with a figure.
    """
    if expected is None:
        if not has_fact:
            return "correct"
        if not article_in_fact and others_state_figure:
            return "correct-other-articles"
        return "false-positive"
    if expected.get("low") == 0 and expected.get("high") == 0:
        if not has_fact or best == 0:
            return "correct"
        return "wrong"
    if not has_fact or best is None:
        return "miss"
    return "correct" if in_range(best, expected) else "wrong"


# -- pipeline observations ------------------------------------------------------------------------
@dataclass
class Observation:
    """What the pipeline made of one article file."""

    name: str
    article_id: str | None
    story_id: str | None
    story_files: list[str] = field(default_factory=list)
    facts: tuple[r.Fact, ...] = ()
    claims: tuple[r.Claim, ...] = ()
    error: str | None = None  # the story's brief failed (pipeline exception)
    patched: bool = False  # ... and was briefed once its negative counts were dropped (``if_fixed`` only)


@dataclass
class Run:
    """Observations of one pipeline run, and the exception ``pipeline.run`` raised, if any."""

    observations: dict[str, Observation]
    crash: str | None = None
    failed_stories: dict[str, str] = field(default_factory=dict)
    dropped_claims: dict[str, list[str]] = field(default_factory=dict)  # story id -> negative claims dropped


def _finish_briefs(db: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """After ``pipeline.run`` raised while briefing: brief the remaining stories one by one with the
    pipeline's own functions, each in its own transaction. A story that fails is tried once more with
    its negative counts (a dash read as a minus sign) dropped from the stored extractions, for the
    ``if_fixed`` figures only. The failed stories with their error, and the claims dropped."""
    import dataclasses

    from crosswire.pipeline import RunOptions, brief_story, date_undated
    from crosswire.store import Store

    options = RunOptions()
    failed: dict[str, str] = {}
    dropped: dict[str, list[str]] = {}
    with Store(str(db)) as store:
        for sid in store.dirty_story_ids():
            story = store.story(sid)
            if story is None:
                continue
            try:
                with store.transaction():
                    date_undated(store, story, options)
                    store.put_brief(brief_story(store, story, options))
                continue
            except Exception as exc:
                failed[sid] = f"{type(exc).__name__}: {exc}"
            try:
                with store.transaction():
                    date_undated(store, story, options)
                    gone: list[str] = []
                    for aid in story.article_ids:
                        ex = store.extraction(aid)
                        if ex is None:
                            continue
                        bad = [c for c in ex.claims if min(c.low or 0, c.high or 0) < 0]
                        if bad:
                            gone += [f"{aid}: {c.text!r} {c.measure} {c.low:g}" for c in bad]
                            store.put_extraction(dataclasses.replace(
                                ex, claims=tuple(c for c in ex.claims if c not in bad)))
                    store.put_brief(brief_story(store, story, options))
                dropped[sid] = gone
            except Exception:
                pass
    return failed, dropped


def observe(files: list[Path], db: Path) -> Run:
    """One pipeline run over ``files`` into ``db``; per file name, its article, story, facts, claims.

    Should ``pipeline.run`` raise (a bug, never the data's fault), the exception is kept and the
    remaining stories are briefed one by one, so one failing story costs only its own articles."""
    from crosswire.pipeline import run as run_pipeline
    from crosswire.store import Store

    crash, failed, dropped = None, {}, {}
    try:
        run_pipeline([str(p) for p in files], db=str(db))
    except Exception as exc:
        crash = f"{type(exc).__name__}: {exc}"
        failed, dropped = _finish_briefs(db)
    out: dict[str, Observation] = {}
    with Store(str(db), readonly=True) as store:
        name_of = {a.id: Path(a.origin.split("#")[0]).name for a in store.articles()}
        by_name = {n: aid for aid, n in name_of.items()}
        briefs: dict[str, r.Brief | None] = {}
        for p in files:
            aid = by_name.get(p.name)
            sid = store.story_of(aid) if aid else None
            if sid is not None and sid not in briefs:
                briefs[sid] = store.brief(sid)
            brief = briefs.get(sid) if sid else None
            story = store.story(sid) if sid else None
            ex = store.extraction(aid) if aid else None
            out[p.name] = Observation(
                name=p.name, article_id=aid, story_id=sid,
                story_files=sorted(name_of.get(a, a) for a in story.article_ids) if story else [],
                facts=brief.facts if brief else (), claims=ex.claims if ex else (),
                error=failed.get(sid) if sid else None, patched=sid in dropped)
    return Run(out, crash, failed, dropped)


def seen_in_clusters() -> set[str]:
    """dIds of the articles that are also in news-clusters-5w1h (events crosswire was tuned on)."""
    if not CLUSTERS.exists():
        return set()
    return {json.loads(p.read_text(encoding="utf-8")).get("dId") for p in CLUSTERS.glob("*.json")}


def _value(rep: r.Report) -> float | None:
    """One report's own reading: its bound when one-sided or exact, else the middle of its range."""
    if rep.low is None or rep.high is None:
        return rep.low if rep.high is None else rep.high
    return (rep.low + rep.high) / 2


def _fmt(expected: dict[str, float | None] | None) -> str:
    if expected is None:
        return "none stated"
    low, high = expected.get("low"), expected.get("high")
    if low == high:
        return f"{low:g}"
    return f"{'' if low is None else f'{low:g}'}..{'' if high is None else f'{high:g}'}"


def _num(v: float | None) -> float | int | None:
    return int(v) if v is not None and float(v).is_integer() else v


def evaluate(annotation: dict[str, dict[str, Any]], obs: dict[str, Observation],
             seen: set[str] = frozenset()) -> dict[str, Any]:
    """Every article and measure judged; rows and the tallies."""
    story_names: dict[str, list[str]] = defaultdict(list)
    for o in obs.values():
        if o.story_id:
            story_names[o.story_id].append(o.name)
    rows: list[dict[str, Any]] = []
    for name in sorted(annotation):
        ann = annotation[name]
        o = obs.get(name) or Observation(name, None, None)
        for measure in MEASURES:
            expected = ann.get(measure)
            fact = main_fact(o.facts, measure)
            own = [rep for rep in fact.reports if rep.article_id == o.article_id] if fact else []
            others = any(annotation.get(n, {}).get(measure) is not None
                         for n in story_names.get(o.story_id or "", []) if n != name)
            judged = judge(expected, fact.best if fact else None, fact is not None,
                           article_in_fact=bool(own), others_state_figure=others)
            verdict = "error" if o.error else judged
            if_fixed = "error" if o.error and not o.patched else judged
            own_ok = None
            if fact is not None and expected is not None:
                own_ok = any(v is not None and in_range(v, expected) for v in map(_value, own))
            rows.append({
                "article": name, "measure": measure, "verdict": verdict, "verdict_if_fixed": if_fixed,
                "ambiguous": bool(ann.get("ambiguous")) and measure in ann.get("ambiguous_measures", MEASURES),
                "seen_in_news_clusters": name.removesuffix(".json") in seen,
                "expected": expected, "expected_text": _fmt(expected), "note": ann.get("note"),
                "got": None if fact is None else {
                    "key": fact.key, "best": _num(fact.best), "low": _num(fact.low), "high": _num(fact.high),
                    "status": fact.status, "articles": len({rep.article_id for rep in fact.reports}),
                    "explanation": fact.explanation,
                    "reports": [{"article": next((n for n in story_names.get(o.story_id or "", [])
                                                  if obs[n].article_id == rep.article_id), rep.article_id),
                                 "text": rep.text, "low": _num(rep.low), "high": _num(rep.high)}
                                for rep in fact.reports]},
                "article_reports": [rep.text for rep in own],
                "article_report_ok": own_ok,
                "story_id": o.story_id, "story_articles": len(o.story_files), "error": o.error,
                "other_facts": [f"{f.key} scope={f.scope} best={_num(f.best)} "
                                f"n={len({p.article_id for p in f.reports})}"
                                for f in o.facts if f.measure == measure and f is not fact],
                "article_claims": [f"{c.text!r} subject={c.subject} low={_num(c.low)} high={_num(c.high)}"
                                   + (" negated" if c.negated else "")
                                   for c in o.claims if c.measure == measure],
                "article_other_claims": [f"{c.text!r} {c.measure} subject={c.subject} low={_num(c.low)}"
                                         for c in o.claims if c.measure not in MEASURES][:8],
            })
    return {"rows": rows, "tallies": tally(rows), "tallies_if_fixed": tally(rows, "verdict_if_fixed")}


def tally(rows: list[dict[str, Any]], verdict: str = "verdict") -> dict[str, Any]:
    """Per measure: over the unambiguous articles (all / with a stated figure / seen / unseen) and the
    ambiguous ones apart. ``verdict`` names the row field counted (``verdict_if_fixed``: the stories the
    pipeline failed on, briefed without their negative counts)."""
    groups = {
        "all": lambda x: not x["ambiguous"],
        "stated": lambda x: not x["ambiguous"] and x["expected"] is not None,
        "seen": lambda x: not x["ambiguous"] and x["seen_in_news_clusters"],
        "unseen": lambda x: not x["ambiguous"] and not x["seen_in_news_clusters"],
        "stated-unseen": lambda x: not x["ambiguous"] and x["expected"] is not None
        and not x["seen_in_news_clusters"],
        "ambiguous": lambda x: x["ambiguous"],
    }
    out: dict[str, Any] = {}
    for measure in MEASURES:
        out[measure] = {}
        for g, pred in groups.items():
            sel = [x for x in rows if x["measure"] == measure and pred(x)]
            c = Counter("correct" if x[verdict].startswith("correct") else x[verdict] for x in sel)
            n = len(sel)
            out[measure][g] = {"articles": n, **{v: c.get(v, 0) for v in VERDICTS},
                               "accuracy": round(c.get("correct", 0) / n, 4) if n else None}
    return out


def benchmark(gold: Path = GOLD, annotation_path: Path = ANNOTATION, workdir: Path | None = None) -> dict[str, Any]:
    """Run the pipeline over ``gold`` and judge it against the annotation; the full result dict."""
    annotation = json.loads(annotation_path.read_text(encoding="utf-8"))
    files = sorted(gold.glob("*.json"))
    missing = sorted(set(annotation) - {p.name for p in files})
    if missing:
        raise SystemExit(f"annotated articles missing from {gold}: {missing[:3]}")
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        run = observe([p for p in files if p.name in annotation], Path(tmp) / "tolls.db")
    seconds = time.perf_counter() - t0
    result = evaluate(annotation, run.observations, seen_in_clusters())
    stories = {o.story_id for o in run.observations.values() if o.story_id}
    result["meta"] = {"articles": len(annotation), "stories": len(stories), "pipeline_seconds": round(seconds, 1),
                      "pipeline_crash": run.crash, "failed_stories": run.failed_stories,
                      "dropped_for_if_fixed": run.dropped_claims}
    return result


# -- report ---------------------------------------------------------------------------------------
def table(tallies: dict[str, Any]) -> str:
    head = (f"{'measure':8} {'set':13} {'articles':>8} {'correct':>8} {'false+':>7} {'miss':>5} {'wrong':>6} "
            f"{'error':>6} {'accuracy':>9}")
    lines = [head, "-" * len(head)]
    for measure in MEASURES:
        for g, t in tallies[measure].items():
            acc = "-" if t["accuracy"] is None else f"{t['accuracy']:.1%}"
            lines.append(f"{measure:8} {g:13} {t['articles']:8} {t['correct']:8} {t['false-positive']:7} "
                         f"{t['miss']:5} {t['wrong']:6} {t['error']:6} {acc:>9}")
    return "\n".join(lines)


def errors(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every row not correct as run or once a crashed story is briefed without its negative counts."""
    return [x for x in rows if not (x["verdict"].startswith("correct") and x["verdict_if_fixed"].startswith("correct"))]


def describe(x: dict[str, Any]) -> str:
    got = x["got"]
    g = "no main fact" if got is None else f"best {got['best']} ({got['key']}, {got['status']}, {got['articles']} art.)"
    flag = f" (run: {x['verdict']})" if x["verdict"] != x["verdict_if_fixed"] else ""
    out = [f"{x['verdict_if_fixed'].upper()}{flag} {x['measure']} {x['article'][:12]}: expected {x['expected_text']}, "
           f"got {g}" + ("  [ambiguous]" if x["ambiguous"] else "") + f"; story of {x['story_articles']}"]
    out.append(f"    note: {x['note']}")
    if x["error"]:
        out.append(f"    story failed in the run: {x['error']}")
    if x["article_reports"]:
        out.append(f"    this article's reports in the fact: {x['article_reports']} "
                   f"({'fit' if x['article_report_ok'] else 'do not fit'} the annotation)")
    if got:
        for rep in got["reports"][:6]:
            out.append(f"    report {rep['article'][:12]}: {rep['text']!r} [{rep['low']}, {rep['high']}]")
        if len(got["reports"]) > 6:
            out.append(f"    ... {len(got['reports']) - 6} more reports")
    for c in x["article_claims"][:6]:
        out.append(f"    claim here: {c}")
    if not x["article_claims"] and x["expected"] is not None:
        for c in x["article_other_claims"]:
            out.append(f"    other claim here: {c}")
    for f in x["other_facts"][:4]:
        out.append(f"    other fact: {f}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=RESULTS / "toll_extraction.json")
    ap.add_argument("--quiet", action="store_true", help="the table only, not the list of errors")
    args = ap.parse_args(argv)
    result = benchmark()
    print(f"{result['meta']['articles']} articles, {result['meta']['stories']} stories, "
          f"pipeline {result['meta']['pipeline_seconds']} s")
    if result["meta"]["pipeline_crash"]:
        print(f"PIPELINE CRASH: crosswire.pipeline.run raised {result['meta']['pipeline_crash']}; the other "
              f"stories were briefed one by one; failed stories: {result['meta']['failed_stories']}")
        print(f"negative counts dropped for the if-fixed figures: {result['meta']['dropped_for_if_fixed']}")
    print(table(result["tallies"]))
    if result["meta"]["pipeline_crash"]:
        print("\nif fixed (the failed stories briefed without their negative counts):")
        print(table(result["tallies_if_fixed"]))
    errs = errors(result["rows"])
    result["errors"] = errs
    if not args.quiet:
        crashed = [x for x in errs if x["verdict_if_fixed"].startswith("correct")]
        if crashed:
            print(f"\n{len(crashed)} rows lost to the crash only (correct once their story is briefed):")
            for x in crashed:
                print(f"  {x['measure']:7} {x['article'][:12]} expected {x['expected_text']:<12} "
                      f"if fixed: {x['got']['best'] if x['got'] else 'no main fact'}")
        rest = [x for x in errs if x not in crashed]
        print(f"\n{len(rest)} misses, false positives and wrong values (if fixed):")
        for x in rest:
            print(describe(x))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
