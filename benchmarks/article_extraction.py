"""Article-body extraction: crosswire's clean vs trafilatura's default extract(), same pages, same run.

Data: ../shared/data/article-extraction/ (Zyte article-extraction-benchmark: html/<id>.html.gz and
ground-truth.json {id: {articleBody, url}}). Metric as that benchmark's evaluate.py defines it:
tokens are ``\\w+`` runs; each document is compared by the multiset of its 4-token shingles
(tp = overlap, fp = predicted extra, fn = missed), normalised per document by tp+fp+fn; precision
and recall are averaged over documents (precision over documents with tp+fp > 0, recall over
tp+fn > 0), and F1 is the harmonic mean of the two averages.

    python benchmarks/article_extraction.py [--limit N] [--favor balanced|precision|recall]

Writes benchmarks/results/article_extraction.json.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from crosswire.clean import CleanOptions, clean
from crosswire.errors import DocumentError
from crosswire.records import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "article-extraction"
RESULTS = ROOT / "benchmarks" / "results"
_TOKEN = re.compile(r"\w+")
NGRAM = 4


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    a, b = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in set(a) | set(b):
        t, p = a.get(key, 0), b.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def metrics(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    p = statistics.mean(_precision(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(_recall(*x) for x in rows if x[0] + x[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def crosswire_body(page_id: str, html: bytes, url: str, options: CleanOptions) -> str:
    doc = Document(id=hashlib.sha256(html).hexdigest(), origin=f"{page_id}.html", media_type="text/html",
                   raw=html, received_at="1970-01-01T00:00:00Z", hints=(("url", url),))
    try:
        return clean(doc, options).text
    except DocumentError:
        return ""


def trafilatura_body(html: bytes, url: str) -> str:
    return trafilatura.extract(html.decode("utf-8", errors="replace"), url=url) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0 = all)")
    parser.add_argument("--favor", default="balanced", choices=("balanced", "precision", "recall"))
    parser.add_argument("--no-line-filter", action="store_true", help="skip the line cleaner on HTML output")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"benchmark data missing: {DATA}", file=sys.stderr)
        return 2
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit or None]
    options = CleanOptions(html_favor=args.favor, html_line_filter=not args.no_line_filter)
    systems = {"crosswire": [], "trafilatura-default": []}
    seconds = {name: 0.0 for name in systems}
    per_page = []
    for page_id in ids:
        html = gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes())
        gold, url = truth[page_id].get("articleBody", ""), truth[page_id].get("url", "")
        row = {"id": page_id}
        for name in systems:
            start = time.perf_counter()
            body = crosswire_body(page_id, html, url, options) if name == "crosswire" else trafilatura_body(html, url)
            seconds[name] += time.perf_counter() - start
            counts = tp_fp_fn(gold, body)
            systems[name].append(counts)
            row[name] = {"precision": _precision(*counts), "recall": _recall(*counts)}
        per_page.append(row)
    summary = {name: {**metrics(rows), "ms_per_page": 1000 * seconds[name] / len(ids)}
               for name, rows in systems.items()}
    print(f"article-extraction benchmark: {len(ids)} pages, 4-token shingles (Zyte evaluate.py definition)")
    print(f"{'system':<22}{'precision':>10}{'recall':>10}{'F1':>10}{'ms/page':>10}")
    for name, m in summary.items():
        print(f"{name:<22}{m['precision']:>10.4f}{m['recall']:>10.4f}{m['f1']:>10.4f}{m['ms_per_page']:>10.1f}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "article_extraction.json"
    out.write_text(json.dumps({"pages": len(ids), "options": {"html_favor": options.html_favor,
                                                               "html_line_filter": options.html_line_filter},
                               "trafilatura_version": trafilatura.__version__, "summary": summary,
                               "per_page": per_page}, indent=1), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
