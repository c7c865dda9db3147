"""Reliability figures for the README: fuzzing, kill-and-resume, largest input and its peak memory.

  python benchmarks/reliability.py [--fuzz 5000] [--docs 10000] [--kills 10] [--big-mb 1024]

1. fuzz: random and adversarial inputs (arbitrary bytes, deeply nested and unclosed HTML, 1 MB lines,
   zero-width and bidi characters, mixed encodings, broken feeds, JSONL and WARC) through every reader,
   the cleaner and the extractor; counts cases and exceptions that escaped (must be 0).
2. kill-and-resume: `crosswire run` over N documents killed with SIGKILL at random points K times, then
   run to the end; checks every document processed exactly once and PRAGMA integrity_check.
3. limits: a file of --big-mb MB (refused by the size limit while streaming) and a large JSONL
   (processed record by record) with the run's peak memory.
Results: printed and written to benchmarks/results/reliability.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
NASTY = ["\u200b", "\u200e", "\u202e", "\u2066", "\ufeff", "\x00", "\ud7ff", "é", "ß", "中", "🙂", "<", "&", "\r"]


def fuzz_inputs(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.randrange(9)
    if kind == 0:
        return "blob.bin", rng.randbytes(rng.randrange(1, 4096))
    if kind == 1:
        depth = rng.randrange(10, 5000)
        return "deep.html", ("<div>" * depth + "text " * 20 + rng.choice(["", "</div>" * depth])).encode()
    if kind == 2:
        return "long.txt", ("word " * rng.randrange(50_000, 220_000)).encode()
    if kind == 3:
        text = "".join(rng.choice([*NASTY, "killed ", "at least ", "12 ", "people ", "on Monday. "])
                       for _ in range(rng.randrange(10, 2000)))
        return "nasty.txt", text.encode("utf-8", "surrogatepass")
    if kind == 4:
        parts = ["Caf\xe9 ".encode("latin-1"), "Café ".encode(), "日本".encode("shift_jis"), b"\xff\xfe", b"12 dead. "]
        return "mixed.txt", b"".join(rng.choice(parts) for _ in range(rng.randrange(1, 400)))
    if kind == 5:
        feed = "<rss><channel><item><title>" + "<".join(rng.choice(NASTY) for _ in range(20)) + "</title>"
        return "feed.xml", (feed + rng.choice(["", "<description>x", "</item></channel>"])).encode()
    if kind == 6:
        lines = [json.dumps({"title": "t", "maintext": "At least 3 people died."}), "{broken", "[]", "null", "{}"]
        return "dump.jsonl", "\n".join(rng.choice(lines) for _ in range(rng.randrange(1, 30))).encode()
    if kind == 7:
        warc = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: " + str(rng.randrange(0, 999)).encode()
        return "crawl.warc", warc + b"\r\n\r\nHTTP/1.1 200 OK\r\n" + rng.randbytes(rng.randrange(0, 500))
    data = gzip.compress(rng.randbytes(rng.randrange(1, 2048)))
    return "page.html.gz", data[: rng.randrange(1, len(data) + 1)]


def run_fuzz(n: int, seed: int = 1) -> dict:
    from crosswire.clean import build_context
    from crosswire.ingest import ingest

    from crosswire import records as r
    from crosswire.pipeline import RunOptions, process_document

    rng = random.Random(seed)
    options = RunOptions()
    escaped: list[str] = []
    documents = failed = 0
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            name, data = fuzz_inputs(rng)
            path = Path(tmp) / f"{i}-{name}"
            path.write_bytes(data)
            try:
                docs = []
                for item in ingest([str(path)]):
                    if isinstance(item, r.Failed):
                        failed += 1
                    else:
                        docs.append(item)
                context = build_context(docs)
                for doc in docs:
                    _, _, fail = process_document(doc, options, context)
                    documents += 1
                    failed += fail is not None
            except Exception as exc:  # an escape is what we are counting
                escaped.append(f"{name}: {type(exc).__name__}: {exc}"[:200])
            path.unlink()
    return {"cases": n, "documents": documents, "recorded_failed": failed, "exceptions_escaped": len(escaped),
            "examples": escaped[:5], "seconds": round(time.perf_counter() - t, 1)}


def make_corpus(folder: Path, n: int) -> None:
    rng = random.Random(5)
    folder.mkdir(parents=True, exist_ok=True)
    words = ["flood", "bridge", "river", "council", "rescue", "boat", "village", "school", "hospital",
             "road", "police", "fire", "market"]
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(80))
        (folder / f"d{i:06d}.txt").write_text(
            f"Report {i} from Town{i % 53}\n\nAt least {i % 40 + 1} people were hurt in Town{i % 53} on Monday, "
            f"police said. {body}.\n", encoding="utf-8")


def run_kills(n: int, kills: int, seed: int = 2) -> dict:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_corpus(root / "in", n)
        db = root / "k.db"
        done_kills = 0
        for _ in range(kills):
            proc = subprocess.Popen([sys.executable, "-m", "crosswire.cli", "run", str(root / "in"), "--db", str(db),
                                     "--batch-size", "100"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(1.0, 12.0))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                done_kills += 1
            proc.wait()
        subprocess.run([sys.executable, "-m", "crosswire.cli", "run", str(root / "in"), "--db", str(db)],
                       check=True, capture_output=True)
        con = sqlite3.connect(db)
        q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        row = {
            "documents": n, "kills": done_kills,
            "stored_documents": q("SELECT count(*) FROM documents"),
            "articles": q("SELECT count(*) FROM articles"),
            "not_done": q("SELECT count(*) FROM documents WHERE status != 'done'"),
            "in_stories": q("SELECT count(*) FROM story_articles"),
            "integrity": q("PRAGMA integrity_check"),
        }
        row["lost"] = n - row["articles"]
        row["duplicated"] = row["stored_documents"] - n
        con.close()
    return row


def run_limits(big_mb: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big = root / "big.txt"
        with big.open("wb") as fh:
            chunk = (b"A line of scraped text that goes on. " * 28 + b"\n") * 1024
            for _ in range(big_mb):
                fh.write(chunk)
        jsonl = root / "dump.jsonl"
        with jsonl.open("w") as fh:
            for i in range(20000):
                fh.write(json.dumps({"title": f"Report {i}", "maintext": f"At least {i % 30} people died. " * 40,
                                     "date_publish": "2024-01-02 10:00:00"}) + "\n")
        code = (
            "import resource, sys, json; from crosswire.pipeline import run; "
            f"s = run([{str(big)!r}, {str(jsonl)!r}], db={str(root / 'l.db')!r}); "
            "print(json.dumps({'failed': [f.reason for f in s.failed][:3], 'articles': s.articles, "
            "'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
        )
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        jsonl_mb = round(jsonl.stat().st_size / 1e6, 1)
    return {"big_file_mb": big_mb, "jsonl_mb": jsonl_mb, "jsonl_records": 20000, **out}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fuzz", type=int, default=3000)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--big-mb", type=int, default=1024)
    args = ap.parse_args()
    report = {"fuzz": run_fuzz(args.fuzz)}
    print("fuzz:", report["fuzz"], flush=True)
    report["kill_and_resume"] = run_kills(args.docs, args.kills)
    print("kill-and-resume:", report["kill_and_resume"], flush=True)
    report["limits"] = run_limits(args.big_mb)
    print("limits:", report["limits"], flush=True)
    report["peak_rss_mb_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "reliability.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
