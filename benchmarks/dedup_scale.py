"""Throughput and memory of dedup + cluster on synthetic corpora of 10k and 100k articles.

Articles are synthesised from the shared corpora (news-clusters-5w1h + BASIL): each is a
randomly chosen real article, lightly mutated (about 3% of words dropped, 3% of adjacent
pairs swapped, a changed title ending) and re-dated (shifted by a random number of days), then
the whole set is shuffled and fed in publication order, in batches of 1,000 as the pipeline
does. Each size runs in its own process so the peak RSS (``ru_maxrss``) is that run's own.
Times are wall clock and CPU time of the process (on a shared machine the second is the steadier);
"copies" are the articles dedup links to an original (duplicate or rewrite), which join its
story without being clustered on their own text. ``--fresh N`` also clusters the first N
articles with no links at all, every one on its own text: the cost of an article that is no copy.

    python benchmarks/dedup_scale.py                 # 10k and 100k; table + results/dedup_scale.json
    python benchmarks/dedup_scale.py --sizes 10000   # one size
    python benchmarks/dedup_scale.py --sizes 10000 --fresh 3000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clustering import RESULTS, load_basil, load_news_clusters
from crosswire.cluster import StoryIndex, cluster
from crosswire.dedup import DedupIndex, dedup
from crosswire.records import Article, Published

BATCH = 1000


def _mutate(words: list[str], rng: random.Random) -> list[str]:
    out = [w for w in words if rng.random() > 0.03]
    for i in range(len(out) - 1):
        if rng.random() < 0.03:
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def synthesise(n: int, seed: int = 11) -> list[Article]:
    base = load_news_clusters()[0] + load_basil()[0]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        a = rng.choice(base)
        day = date.fromisoformat((a.published.value or "2018-01-01")[:10]) + timedelta(days=rng.randint(0, 3650))
        paragraphs = tuple(" ".join(_mutate(p.split(), rng)) for p in a.paragraphs)
        out.append(replace(a, id=f"syn{i:07d}", document_id=f"syn{i:07d}", paragraphs=paragraphs,
                           title=(a.title or "") + f" ({rng.randint(1, 99)})",
                           published=Published(value=day.isoformat(), precision="day", evidence="user")))
    rng.shuffle(out)
    return out


def run(n: int) -> dict[str, float | int]:
    articles = synthesise(n)
    articles.sort(key=lambda a: (a.published.value or "", a.id))
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    dindex, sindex = DedupIndex(), StoryIndex()
    kinds: Counter[str] = Counter()
    copies: set[str] = set()
    wall = {"dedup": 0.0, "cluster": 0.0}
    cpu = {"dedup": 0.0, "cluster": 0.0}
    for start in range(0, n, BATCH):
        batch = articles[start: start + BATCH]
        t0, c0 = time.perf_counter(), time.process_time()
        links = dedup(batch, dindex)
        t1, c1 = time.perf_counter(), time.process_time()
        cluster(batch, {}, links, sindex)
        sindex.take_removed()  # stories merged into others: a store deletes them
        t2, c2 = time.perf_counter(), time.process_time()
        wall["dedup"] += t1 - t0
        wall["cluster"] += t2 - t1
        cpu["dedup"] += c1 - c0
        cpu["cluster"] += c2 - c1
        kinds.update(lk.kind for lk in links)
        copies.update(lk.article_id for lk in links if lk.kind in ("duplicate", "rewrite"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"articles": n, "dedup_seconds": wall["dedup"], "cluster_seconds": wall["cluster"],
            "articles_per_second": n / (wall["dedup"] + wall["cluster"]),
            "dedup_cpu_seconds": cpu["dedup"], "cluster_cpu_seconds": cpu["cluster"],
            "articles_per_cpu_second": n / (cpu["dedup"] + cpu["cluster"]), "copies": len(copies),
            "peak_rss_mb": peak / 1024, "rss_before_mb": rss0 / 1024, "stories": len(sindex),
            **{f"links_{k}": v for k, v in kinds.items()}}


def fresh(n: int) -> dict[str, float | int]:
    """Cluster the first ``n`` articles with no dedup links: each on its own text."""
    articles = synthesise(max(n, 10_000))[:n]
    articles.sort(key=lambda a: (a.published.value or "", a.id))
    sindex = StoryIndex()
    t0, c0 = time.perf_counter(), time.process_time()
    for start in range(0, n, BATCH):
        cluster(articles[start: start + BATCH], {}, [], sindex)
        sindex.take_removed()
    t1, c1 = time.perf_counter(), time.process_time()
    return {"fresh_articles": n, "fresh_cluster_seconds": t1 - t0, "fresh_cluster_cpu_seconds": c1 - c0,
            "fresh_articles_per_second": n / (t1 - t0), "fresh_articles_per_cpu_second": n / (c1 - c0)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--fresh", type=int, default=0, help="also cluster this many articles with no links")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(fresh(args.fresh) if args.fresh else run(args.sizes[0])))
        return 0
    results = []
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--child", "--sizes", str(n)], check=True,
                              capture_output=True, text=True)
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(f"{'articles':>9} {'dedup s':>8} {'cluster s':>9} {'art/s':>7} {'cpu s':>7} {'art/cpu-s':>9} "
          f"{'peak MB':>8} {'copies':>7} {'stories':>8}  links")
    for r in results:
        links = ", ".join(f"{k[6:]}={v}" for k, v in r.items() if k.startswith("links_"))
        print(f"{r['articles']:>9} {r['dedup_seconds']:8.1f} {r['cluster_seconds']:9.1f} "
              f"{r['articles_per_second']:7.0f} {r['dedup_cpu_seconds'] + r['cluster_cpu_seconds']:7.1f} "
              f"{r['articles_per_cpu_second']:9.0f} {r['peak_rss_mb']:8.0f} {r['copies']:>7} {r['stories']:>8}  "
              f"{links}")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        growth = (b["dedup_seconds"] + b["cluster_seconds"]) / (a["dedup_seconds"] + a["cluster_seconds"])
        print(f"time x{growth:.1f} for articles x{b['articles'] / a['articles']:.0f} (linear = same factor)")
    if args.fresh:
        proc = subprocess.run([sys.executable, __file__, "--child", "--fresh", str(args.fresh)], check=True,
                              capture_output=True, text=True)
        f = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(f)
        print(f"no links, {f['fresh_articles']} articles each clustered on its own text: "
              f"{f['fresh_cluster_seconds']:.1f} s, {f['fresh_articles_per_second']:.0f} articles/s "
              f"({f['fresh_articles_per_cpu_second']:.0f} per CPU second)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "dedup_scale.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
