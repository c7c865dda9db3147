"""End-to-end and per-stage throughput and peak memory, with peers side by side.

Synthesises corpora from ../shared/data (shuffled, lightly mutated, re-dated; no network):
  text: news-please-style JSONL records built from news-clusters-5w1h, BASIL and five-w-one-h texts
  html: pages from the article-extraction benchmark, lightly mutated
Peers in the same run, so figures are ratios:
  floor      reading the same JSONL and regex-tokenising the text, no processing
  minhash    datasketch MinHash (128 perm, word 5-shingles) alone over the same texts
  trafilatura trafilatura.extract alone over the same HTML

Usage:
  python benchmarks/pipeline_scale.py --kind text --sizes 1000 10000 100000 [--jobs 2]
  python benchmarks/pipeline_scale.py --kind html --sizes 1000
  python benchmarks/pipeline_scale.py --kind text --sizes 10000 --scheduler local   # on a Dask LocalCluster
Each size runs in its own subprocess so peak memory (max RSS) is that run's alone.
Results: a table on stdout and benchmarks/results/pipeline_<kind>.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "benchmarks" / "results"
TOKEN = re.compile(r"\w+")


def _base_texts() -> list[dict]:
    recs = []
    for f in sorted((SHARED / "data" / "news-clusters-5w1h").glob("*.json")):
        d = json.loads(f.read_text())
        if d.get("text"):
            recs.append({"title": d.get("title") or "", "text": d["text"], "source_domain": d.get("source_domain")})
    for f in sorted((SHARED / "data" / "basil").rglob("*.json")):
        d = json.loads(f.read_text())
        paras = d.get("body-paragraphs") or []
        flat = [p if isinstance(p, str) else " ".join(p) for p in paras]
        if flat:
            recs.append({"title": d.get("title") or "", "text": "\n\n".join(flat), "source_domain": d.get("source")})
    for f in sorted((SHARED / "data" / "five-w-one-h-gold").glob("*.json")):
        d = json.loads(f.read_text())
        if d.get("text"):
            recs.append({"title": d.get("title") or "", "text": d["text"], "source_domain": d.get("publisher")})
    return recs


def _mutate(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 50)):
        i = rng.randrange(len(words))
        op = rng.random()
        if op < 0.4 and len(words) > 10:
            del words[i]
        elif op < 0.7 and i + 1 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
        else:
            words.insert(i, rng.choice(("reportedly", "officials", "new", "local", "also")))
    return " ".join(words)


def synth_text(n: int, out: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    base = _base_texts()
    path = out / f"text_{n}.jsonl"
    start = date(2020, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = rng.choice(base)
            day = start + timedelta(days=rng.randrange(1500))
            fh.write(json.dumps({
                "title": _mutate(rec["title"], rng) + f" ({i})",
                "maintext": _mutate(rec["text"], rng),
                "date_publish": f"{day.isoformat()} 12:00:00",
                "source_domain": rec["source_domain"] or f"outlet{i % 97}.example",
                "url": f"https://outlet{i % 97}.example/{i}",
            }) + "\n")
    return path


def synth_html(n: int, out: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    pages = sorted((SHARED / "data" / "article-extraction" / "html").glob("*.html.gz"))
    folder = out / f"html_{n}"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        html = gzip.decompress(rng.choice(pages).read_bytes()).decode("utf-8", "replace")
        html = html.replace("</body>", f"<!-- copy {i} --><p>{rng.random()}</p></body>")
        (folder / f"page{i:06d}.html").write_text(html, encoding="utf-8")
    return folder


def _texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["maintext"] for line in fh]


def peer_floor(path: Path) -> float:
    t = time.perf_counter()
    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            n += len(TOKEN.findall(json.loads(line)["maintext"]))
    return time.perf_counter() - t


def peer_minhash(texts: list[str]) -> float:
    from datasketch import MinHash

    t = time.perf_counter()
    for text in texts:
        words = TOKEN.findall(text.lower())
        m = MinHash(num_perm=128, seed=1)
        m.update_batch([" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))])
    return time.perf_counter() - t


def peer_trafilatura(folder: Path) -> float:
    import trafilatura

    t = time.perf_counter()
    for f in sorted(folder.glob("*.html")):
        trafilatura.extract(f.read_text(encoding="utf-8"))
    return time.perf_counter() - t


def one_run(kind: str, n: int, jobs: int, work: Path, scheduler: str | None = None) -> dict:
    """Runs in a child process: crosswire over the synthesised corpus, phases timed."""
    import crosswire
    from crosswire.pipeline import RunOptions

    src = synth_text(n, work) if kind == "text" else synth_html(n, work)
    phases: dict[str, float] = {}
    t0 = time.perf_counter()
    last = {"t": t0}

    def progress(phase: str, done: int, total: int | None) -> None:
        # Progress is reported after each batch, so the time since the previous report was spent on the
        # batch of the phase reported now (the first batch of a phase counts to that phase, not the last).
        now = time.perf_counter()
        phases[phase] = phases.get(phase, 0.0) + now - last["t"]
        last["t"] = now

    options = RunOptions(jobs=jobs, batch_size=512)
    if scheduler:  # the same stages on Dask (a LocalCluster of ``jobs`` worker processes for "local")
        from crosswire.scale import run_distributed

        summary = run_distributed([str(src)], db=str(work / "bench.db"), scheduler=scheduler, options=options,
                                  progress=progress, workers=jobs)
    else:
        summary = crosswire.run([str(src)], db=str(work / "bench.db"), options=options, progress=progress)
    total = time.perf_counter() - t0
    phases["finish"] = time.perf_counter() - last["t"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    row = {"kind": kind, "articles": n, "jobs": jobs, "scheduler": scheduler, "seconds": round(total, 2),
           "articles_per_s": round(n / total, 1), "peak_rss_mb": round(max(peak_mb, child_mb), 1),
           "stored_articles": summary.articles, "stories": summary.stories, "failed": len(summary.failed),
           "phases_s": {k: round(v, 2) for k, v in phases.items()},
           "phases_articles_per_s": {k: round(n / v, 1) for k, v in phases.items() if k != "finish" and v > 0}}
    if kind == "text":
        texts = _texts(src)
        row["floor_s"] = round(peer_floor(src), 2)
        row["minhash_s"] = round(peer_minhash(texts), 2)
        row["ratio_to_floor"] = round(total / max(row["floor_s"], 1e-9), 1)
        row["ratio_to_minhash"] = round(total / max(row["minhash_s"], 1e-9), 2)
    else:
        row["trafilatura_s"] = round(peer_trafilatura(src), 2)
        row["ratio_to_trafilatura"] = round(total / max(row["trafilatura_s"], 1e-9), 2)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", choices=("text", "html"), default="text")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--scheduler", help="run on Dask: 'local' (a LocalCluster of --jobs workers) or tcp://HOST:PORT")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(one_run(args.kind, args.sizes[0], args.jobs, Path(tmp), args.scheduler)))
        return
    rows = []
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--child", "--kind", args.kind, "--sizes", str(n),
                               "--jobs", str(args.jobs), *(["--scheduler", args.scheduler] if args.scheduler else [])],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"run at {n} failed")
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{r['kind']:>5} {r['articles']:>7} articles  {r['seconds']:>8.1f} s  {r['articles_per_s']:>8.1f}/s  "
              f"peak {r['peak_rss_mb']:>7.0f} MB  phases {r['phases_s']}  "
              + (f"floor {r.get('floor_s')} s  minhash {r.get('minhash_s')} s" if args.kind == "text"
                 else f"trafilatura {r.get('trafilatura_s')} s  ratio {r.get('ratio_to_trafilatura')}"), flush=True)
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        print(f"time ratio {b['articles']}/{a['articles']}: {b['seconds'] / a['seconds']:.2f} "
              f"(linear would be {b['articles'] / a['articles']:.0f})")
    RESULTS.mkdir(parents=True, exist_ok=True)
    suffix = "_dask" if args.scheduler else ""
    (RESULTS / f"pipeline_{args.kind}{suffix}.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
