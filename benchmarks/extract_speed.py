"""Throughput of the whole extract stage (claims, attribution, entities, dated events) on 2-5 KB articles.

What it measures (issue 4: "300 or more articles per second per core for this stage on 2 to 5 KB
articles"): :func:`crosswire.extract.extract` alone, in this one process, over real reports: the
news-clusters-5w1h and BASIL documents, ingested and cleaned as the pipeline does, keeping those whose
text is 2,000 to 5,000 characters. Each article is distinct, and the stage keeps nothing per text
(only memoised name lookups, see cold and warm below); a rate per core is articles over the CPU time
of this process (wall time too, which other work on the machine inflates). Each figure is the median
of ``--passes`` passes.

Before timing, the per-process tables (GeoNames gazetteer, admin1 names, the pint registry) are
loaded by extracting the seed reports tiled to 2-5 KB (not in the measured set); that one-time cost
is printed on its own line. ``cold`` passes start with the memoised name lookups emptied (every name
is new to the process, the worst case); ``warm`` passes keep them (the steady state of a long run,
where the same names recur). The last line is the set this benchmark used to time alone: the five
seed reports tiled to 2, 3.5 and 5 KB (15 texts with seven casualty figures each on average, far
denser than real reports), whole stage, warm.

Run: python benchmarks/extract_speed.py [--passes N]
"""

from __future__ import annotations

import argparse
import pkgutil
import statistics
import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from crosswire.clean import build_context, clean
from crosswire.errors import CrosswireError
from crosswire.extract import ExtractOptions, extract, gazetteer
from crosswire.ingest import ingest
from crosswire.records import Article, Document, Published

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = ("data/news-clusters-5w1h", "data/basil")
MIN_CHARS, MAX_CHARS = 2000, 5000


def articles() -> list[Article]:
    """Real reports of 2-5 KB, cleaned as the pipeline cleans them, in id order."""
    docs = [d for d in ingest([str(SHARED / c) for c in CORPORA]) if isinstance(d, Document)]
    context = build_context(docs)
    out = []
    for doc in docs:
        try:
            article = clean(doc, context=context)
        except CrosswireError:
            continue
        if MIN_CHARS <= len(article.text) <= MAX_CHARS:
            out.append(article)
    return sorted(out, key=lambda a: a.id)


def warmup_articles() -> list[Article]:
    """The seed reports (non-empty lines as paragraphs), each tiled to ~2, 3.5 and 5 KB."""
    out = []
    for f in sorted((SHARED / "seeds").glob("*.txt")):
        lines = [ln.strip() for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
        for target in (2000, 3500, 5000):
            paras: list[str] = []
            while sum(len(p) + 2 for p in paras) < target:
                paras.append(lines[len(paras) % len(lines)])
            out.append(
                Article(
                    id=f"{f.stem}-{target}",
                    document_id=f.stem,
                    origin=str(f),
                    paragraphs=tuple(paras),
                    title=lines[0],
                    published=Published("2024-11-28", "day"),
                )
            )
    return out


def memoised() -> list[Callable[..., object]]:
    """The stage's memoised lookups (bounded ``lru_cache`` functions over the loaded tables; none in
    versions of the stage before them, so the benchmark runs on those too)."""
    package = import_module("crosswire.extract")
    modules = [import_module(f"crosswire.extract.{m.name}") for m in pkgutil.iter_modules(package.__path__)]
    found = {id(f): f for m in modules for f in vars(m).values()
             if hasattr(f, "cache_clear") and f.cache_info().maxsize == getattr(gazetteer, "LOOKUP_CACHE", -1)}
    return list(found.values())


def one_pass(arts: list[Article], opts: ExtractOptions, *, cold: bool = False) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, claims) of extracting every article once; ``cold``: with the memoised
    lookups emptied first (the tables stay loaded), as for articles whose names the process never met."""
    if cold:
        for f in memoised():
            f.cache_clear()  # type: ignore[attr-defined]
    claims = 0
    c0, w0 = time.process_time(), time.perf_counter()
    for a in arts:
        claims += len(extract(a, opts).claims)
    return time.process_time() - c0, time.perf_counter() - w0, claims


def report(name: str, label: str, arts: list[Article], runs: list[tuple[float, float, int]]) -> None:
    cpu = statistics.median(r[0] for r in runs)
    wall = statistics.median(r[1] for r in runs)
    n = len(arts)
    print(f"{name:34} {label:>12} {cpu:>7.2f} {n / cpu:>11.0f} {n / wall:>11.0f} {runs[0][2]:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--passes", type=int, default=3, help="passes of each kind (the median is reported)")
    args = parser.parse_args()
    passes = max(1, args.passes)
    arts = articles()
    kb = sum(len(a.text) for a in arts) / len(arts) / 1000
    c0 = time.process_time()
    seeds = warmup_articles()
    for a in seeds:
        extract(a)
    print(f"one-time per-process load (gazetteer, admin1 names, pint) + warm-up: {time.process_time() - c0:.2f} s CPU")
    print(f"{len(arts)} distinct articles of {MIN_CHARS}-{MAX_CHARS} characters (avg {kb:.1f} KB) from "
          f"{', '.join(CORPORA)}; median of {passes} passes")
    print(f"{'configuration':34} {'lookups':>12} {'CPU s':>7} {'art/s/core':>11} {'wall art/s':>11} {'claims':>7}")
    configs = [
        ("whole stage", ExtractOptions()),
        ("without entities", ExtractOptions(entities=False)),
        ("claims only (no entities/events)", ExtractOptions(entities=False, events=False)),
    ]
    for name, opts in configs:
        report(name, "cold", arts, [one_pass(arts, opts, cold=True) for _ in range(passes)])
        report("", "warm", arts, [one_pass(arts, opts) for _ in range(passes)])
    dense = [one_pass(seeds, ExtractOptions()) for _ in range(passes)]
    report("seeds tiled, whole stage (dense)", "warm", seeds, dense)


if __name__ == "__main__":
    main()
