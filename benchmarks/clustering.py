"""Story clustering quality: B-cubed precision / recall / F1 against gold events.

Corpora (read at run time from ../shared): news-clusters-5w1h (gold = newsCluster.EventId) and
BASIL (gold = triplet-uuid). Modes: ``batch`` (one ``cluster`` call over all articles) and
``online`` (one call per article, in publication order), each after ``dedup``; plus a baseline
(TF-IDF cosine + average-linkage agglomerative clustering with a distance threshold) and a check
that the five seed reports mixed into each corpus form one story of exactly five.

    python benchmarks/clustering.py            # table + benchmarks/results/clustering.json
    python benchmarks/clustering.py --extract  # also with the extract stage's entities and dates, as a run does
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from crosswire.cluster import ClusterOptions, StoryIndex, cluster
from crosswire.dedup import DedupIndex, DedupOptions, dedup
from crosswire.records import Article, Extraction, Published

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "benchmarks" / "results"


# -- loaders (Articles straight from the JSON fields; the clean stage is not involved) ----------


def _article(key: str, title: str | None, text_paragraphs: Iterable[str], published: str | None,
             outlet: str | None, url: str | None = None) -> Article:
    paragraphs = tuple(p.strip() for p in text_paragraphs if p and p.strip())
    return Article(
        id=hashlib.sha256(key.encode("utf-8")).hexdigest()[:16], document_id=key, origin=key,
        paragraphs=paragraphs, title=title, outlet=outlet, url=url,
        published=Published(value=published, precision="day" if published else "unknown",
                            evidence="metadata:date" if published else "none"),
    )


def load_news_clusters(folder: Path | None = None) -> tuple[list[Article], dict[str, str]]:
    """news-please JSON -> Articles and gold event per article id."""
    folder = folder or SHARED / "data" / "news-clusters-5w1h"
    articles, gold = [], {}
    for path in sorted(folder.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        nc = d.get("newsCluster")
        nc = ast.literal_eval(nc) if isinstance(nc, str) else nc
        text = d.get("text") or ""
        a = _article(path.name, d.get("title"), text.split("\n"), (d.get("date_publish") or None),
                     d.get("source_domain"), d.get("url"))
        articles.append(a)
        gold[a.id] = f"nc:{nc['EventId']}"
    return articles, gold


def load_basil(folder: Path | None = None) -> tuple[list[Article], dict[str, str]]:
    folder = folder or SHARED / "data" / "basil"
    articles, gold = [], {}
    for path in sorted(folder.rglob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        paras = d.get("body-paragraphs") or []
        if isinstance(paras, str):
            paras = ast.literal_eval(paras)
        flat = [" ".join(p) if isinstance(p, list) else str(p) for p in paras]
        a = _article(str(path.relative_to(folder)), d.get("title"), flat, d.get("date") or None, d.get("source"))
        articles.append(a)
        gold[a.id] = f"basil:{d['triplet-uuid']}"
    return articles, gold


def load_seeds(folder: Path | None = None) -> list[Article]:
    """Seed .txt files: first line the title, paragraphs the non-empty lines; no date."""
    folder = folder or SHARED / "seeds"
    out = []
    for path in sorted(folder.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        out.append(_article("seed:" + path.name, lines[0], lines, None, None))
    return out


# -- metrics ----------------------------------------------------------------------------------


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items of ``gold``."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        by_pred[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    p = r = 0.0
    for item in gold:
        same = by_pred[predicted[item]] & by_gold[gold[item]]
        p += len(same) / len(by_pred[predicted[item]])
        r += len(same) / len(by_gold[gold[item]])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- runs -------------------------------------------------------------------------------------


def run_crosswire(articles: Sequence[Article], online: bool, cluster_options: ClusterOptions | None = None,
                  dedup_options: DedupOptions | None = None,
                  extractions: dict[str, Extraction] | None = None) -> dict[str, str]:
    dindex = DedupIndex(dedup_options or DedupOptions())
    sindex = StoryIndex(cluster_options or ClusterOptions())
    extractions = extractions or {}
    if online:
        for a in sorted(articles, key=lambda x: (x.published.value is None, x.published.value or "", x.id)):
            cluster([a], extractions, dedup([a], dindex), sindex)
            sindex.take_removed()  # what a store deletes
    else:
        cluster(articles, extractions, dedup(articles, dindex), sindex)
    return {a.id: sindex.story_of(a.id) or "" for a in articles}


def extract_all(articles: Sequence[Article]) -> dict[str, Extraction]:
    from crosswire.extract import extract

    return {a.id: extract(a) for a in articles}


def run_baseline(articles: Sequence[Article], distance: float) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [(a.title or "") + "\n" + a.text for a in articles]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(docs).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=distance).fit_predict(x)
    return {a.id: f"b{label}" for a, label in zip(articles, labels, strict=True)}


def seeds_check(articles: Sequence[Article], seeds: Sequence[Article], online: bool,
                extractions: dict[str, Extraction] | None = None) -> str:
    predicted = run_crosswire([*articles, *seeds], online, extractions=extractions)
    stories = {predicted[s.id] for s in seeds}
    if len(stories) != 1:
        return f"split into {len(stories)}"
    size = sum(1 for v in predicted.values() if v in stories)
    return "one story of 5" if size == len(seeds) else f"one story of {size}"


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", action="store_true", help="also run with the extract stage's output")
    args = parser.parse_args(argv)
    corpora = {"news-clusters-5w1h": load_news_clusters(), "basil": load_basil()}
    seeds = load_seeds()
    seeds_alone = run_crosswire(seeds, online=False)
    results: dict[str, object] = {"seeds_alone_stories": len(set(seeds_alone.values()))}
    rows = []
    modes = [("batch", False), ("online", False)] + ([("batch+extract", True), ("online+extract", True)]
                                                      if args.extract else [])
    seed_extractions = extract_all(seeds) if args.extract else {}
    for name, (articles, gold) in corpora.items():
        entry: dict[str, object] = {"articles": len(articles), "events": len(set(gold.values()))}
        extractions = extract_all(articles) if args.extract else {}
        for mode, with_extract in modes:
            online = mode.startswith("online")
            ex = extractions if with_extract else None
            t0 = time.perf_counter()
            predicted = run_crosswire(articles, online=online, extractions=ex)
            seconds = time.perf_counter() - t0
            p, r, f = bcubed(predicted, gold)
            check = seeds_check(articles, seeds, online, {**extractions, **seed_extractions} if ex else None)
            entry[mode] = {"precision": p, "recall": r, "f1": f, "stories": len(set(predicted.values())),
                           "seconds": seconds, "seeds_mixed_in": check}
            rows.append((name, mode, p, r, f, len(set(predicted.values())), seconds, check))
        best = None
        for distance in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
            p, r, f = bcubed(run_baseline(articles, distance), gold)
            if best is None or f > best[2]:
                best = (p, r, f, distance)
        assert best is not None
        entry["baseline"] = {"precision": best[0], "recall": best[1], "f1": best[2], "distance_threshold": best[3],
                             "note": "TF-IDF cosine + average-linkage agglomerative, best threshold on gold"}
        rows.append((name, f"baseline d={best[3]}", best[0], best[1], best[2], 0, 0.0, ""))
        results[name] = entry
    print(f"seeds alone: {results['seeds_alone_stories']} story(ies)")
    print(f"{'corpus':<20} {'mode':<16} {'P':>6} {'R':>6} {'F1':>6} {'stories':>8} {'sec':>6}  seeds mixed in")
    for name, mode, p, r, f, n, sec, check in rows:
        print(f"{name:<20} {mode:<16} {p:6.3f} {r:6.3f} {f:6.3f} {n:8d} {sec:6.2f}  {check}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "clustering.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
