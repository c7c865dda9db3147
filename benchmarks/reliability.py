"""Reliability figures for the README: fuzzing, kill-and-resume, largest input and its peak memory.

  python benchmarks/reliability.py [--fuzz 5000] [--docs 10000] [--kills 10] [--big-mb 1024] [--only limits]

1. fuzz: random and adversarial inputs (arbitrary bytes, deeply nested and unclosed HTML, 1 MB lines,
   zero-width and bidi characters, mixed encodings, broken feeds, JSONL and WARC) through every reader,
   the cleaner and the extractor; counts cases and exceptions that escaped (must be 0).
2. kill-and-resume: `crosswire run` over N documents killed with SIGKILL at random points K times, then
   run to the end; checks every document processed exactly once and PRAGMA integrity_check.
3. limits: inputs of --big-mb MB through `crosswire run`, each in its own process with its peak RSS:
   a text file (refused by the size limit, never read), a JSONL dump with one line that long among
   200 ordinary records (read line by line; the long line refused alone), a WARC archive that big
   with 200 HTML pages among image records (read record by record), and a gzip that expands to that
   size (refused as a decompression bomb); then a directory of --many small files.
Results: printed and written to benchmarks/results/reliability.json.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
NASTY = ["\u200b", "\u200e", "\u202e", "\u2066", "\ufeff", "\x00", "\ud7ff", "é", "ß", "中", "🙂", "<", "&", "\r",
         "\x1f", "\x0b", "\x0c", "\x01", "\ufffe"]


def fuzz_inputs(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.randrange(9)
    if kind == 0:
        return "blob.bin", rng.randbytes(rng.randrange(1, 4096))
    if kind == 1:
        depth = rng.randrange(10, 5000)
        text = "".join(rng.choice([*NASTY, "text "]) for _ in range(20))
        page = "<div>" * depth + text + rng.choice(["", "</div>" * depth])
        return "deep.html", page.encode("utf-8", "surrogatepass")
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
    from crosswire import records as r
    from crosswire.clean import build_context
    from crosswire.ingest import ingest
    from crosswire.pipeline import RunOptions, process_document

    rng = random.Random(seed)
    options = RunOptions()
    escaped: list[str] = []
    caught: list[str] = []
    documents = failed = 0
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            name, data = fuzz_inputs(rng)
            path = Path(tmp) / f"{i}-{name}"
            path.write_bytes(data)
            try:
                docs = []
                fails = []
                for item in ingest([str(path)]):
                    if isinstance(item, r.Failed):
                        fails.append(item)
                    else:
                        docs.append(item)
                context = build_context(docs)
                for doc in docs:
                    _, _, fail = process_document(doc, options, context)
                    documents += 1
                    if fail is not None:
                        fails.append(fail)
                failed += len(fails)
                # a bug caught at the last line of defence is a crash too, even though it was recorded
                caught.extend(f"{name}: {f.reason}"[:200] for f in fails
                              if f.reason.startswith(("internal error", "unexpected error")))
            except Exception as exc:  # an escape is what we are counting
                escaped.append(f"{name}: {type(exc).__name__}: {exc}"[:200])
            path.unlink()
    return {"cases": n, "documents": documents, "recorded_failed": failed, "exceptions_escaped": len(escaped),
            "internal_errors_caught": len(caught), "examples": (escaped + caught)[:5],
            "seconds": round(time.perf_counter() - t, 1)}


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


_PEAK = ("import atexit, resource, sys; atexit.register(lambda: sys.stderr.write("
         "f'\\nPEAK_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')); "
         "sys.argv = ['crosswire', *sys.argv[1:]]; from crosswire.cli import main; main()")
_MB = 1024 * 1024


def _cli_peak(args: list[str], cwd: Path) -> dict:
    """`crosswire run ...` in a fresh process: its summary line, failures, seconds and own peak RSS."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _PEAK, *args], cwd=cwd, capture_output=True, text=True)
    lines = proc.stderr.strip().splitlines()
    peak = next((int(x.split()[1]) for x in reversed(lines) if x.startswith("PEAK_KB ")), 0)
    return {"exit": proc.returncode, "summary": next((x for x in lines if " ingested, " in x), "").split(";")[0],
            "failed": [x.strip()[len("failed: "):] for x in lines if x.strip().startswith("failed: ")][:3],
            "traceback": "Traceback" in proc.stderr, "seconds": round(time.perf_counter() - t, 1),
            "peak_rss_mb": round(peak / 1024)}


def _write_big_text(path: Path, size: int) -> None:
    line = b"A line of scraped text that goes on and on about the river and the bridge. " * 13 + b"\n"
    block = line * (_MB // len(line))
    with path.open("wb") as fh:
        written = 0
        while written < size:
            fh.write(block)
            written += len(block)


def _write_big_jsonl(path: Path, size: int, records: int) -> None:
    """``records`` ordinary news-please records around one line of ``size`` bytes (refused alone)."""
    def record(i: int) -> bytes:
        return (json.dumps({"title": f"Gauge report {i}", "source_domain": f"site{i % 7}.example",
                            "maintext": f"The river gauge at station {i} read {i % 90 + 10} centimetres on "
                                        f"Monday, the water office said. " * 12,
                            "date_publish": "2024-01-02 10:00:00"}) + "\n").encode()
    with path.open("wb") as fh:
        for i in range(records // 2):
            fh.write(record(i))
        fh.write(b'{"title": "one enormous line", "maintext": "')
        chunk = b"word " * (_MB // 5)
        for _ in range(size // len(chunk)):
            fh.write(chunk)
        fh.write(b'"}\n')
        for i in range(records // 2, records):
            fh.write(record(i))


def _write_big_warc(path: Path, size: int, pages: int) -> None:
    """``pages`` HTML responses among 1 MB image responses, ``size`` bytes in all (images are skipped)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    image = random.Random(7).randbytes(_MB)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        images = max(1, size // _MB - 1)
        every = max(1, images // pages)
        page = 0
        for i in range(images):
            writer.write_record(writer.create_warc_record(
                f"https://img.example/{i}.png", "response", payload=io.BytesIO(image),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")))
            if i % every == 0 and page < pages:
                body = (f"<html><head><title>Bridge report {page}</title></head><body><article>"
                        f"<h1>Bridge report {page}</h1>" + "".join(
                            f"<p>Engineers inspected span {page}-{k} of the old bridge on Tuesday and found "
                            f"{k + 2} cracked bearings, the roads agency said.</p>" for k in range(6))
                        + "</article></body></html>").encode()
                writer.write_record(writer.create_warc_record(
                    f"https://news.example/bridge/{page}", "response", payload=io.BytesIO(body),
                    http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                                  protocol="HTTP/1.1")))
                page += 1


def _write_gzip_bomb(path: Path, size: int) -> None:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b" " * _MB
    with path.open("wb") as fh:
        for _ in range(size // _MB):
            fh.write(squeeze.compress(zeros))
        fh.write(squeeze.flush())


def _write_many_small(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    towns = ["Arden", "Belmoor", "Casterly", "Dunmere", "Elsby", "Farrow", "Glenholt", "Harwick"]
    for i in range(n):
        (folder / f"{i // 1000:02d}" / f"r{i:05d}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{i // 1000:02d}" / f"r{i:05d}.txt").write_text(
            f"Notice {i}: the {towns[i % 8]} ferry ran {i % 50 + 5} minutes late on Monday, the harbour office "
            f"said.\n", encoding="utf-8")


def run_many(n: int) -> dict:
    """A directory of ``n`` small files through `crosswire run`: summary, seconds, peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _write_many_small(root / "many", n)
        row = _cli_peak(["run", str(root / "many"), "--db", str(root / "many.db")], cwd=root)
    print(f"  many_small_files ({n}): {row}", flush=True)
    return {"files": n, **row}


def run_limits(big_mb: int, records: int = 200, pages: int = 200) -> dict:
    """Inputs of ``big_mb`` MB of each kind through `crosswire run`, one process each, peak RSS of each:
    a text file (refused by the size limit unread), a JSONL dump with one line that big among
    ``records`` records (streamed line by line: the big line is refused alone), a WARC archive that big
    with ``pages`` HTML pages among images (streamed record by record), and a gzip that expands to that
    size (refused as a bomb)."""
    size = big_mb * _MB
    out: dict = {"big_mb": big_mb}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cases = {
            "text": ("big.txt", lambda p: _write_big_text(p, size)),
            "jsonl": ("dump.jsonl", lambda p: _write_big_jsonl(p, size, records)),
            "warc": ("crawl.warc", lambda p: _write_big_warc(p, size, pages)),
            "gzip_bomb": ("bomb.txt.gz", lambda p: _write_gzip_bomb(p, size)),
        }
        for name, (file_name, make) in cases.items():
            path = root / file_name
            make(path)
            row = _cli_peak(["run", str(path), "--db", str(root / f"{name}.db")], cwd=root)
            row["input_mb"] = round(path.stat().st_size / _MB)
            out[name] = row
            print(f"  {name}: {row}", flush=True)
            path.unlink()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fuzz", type=int, default=3000)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--big-mb", type=int, default=1024)
    ap.add_argument("--many", type=int, default=10000, help="small files in one directory (limits part)")
    ap.add_argument("--only", choices=["fuzz", "kills", "limits"], action="append",
                    help="run only these parts (repeatable); results merge into the saved file")
    args = ap.parse_args()
    parts = args.only or ["fuzz", "kills", "limits"]
    path = RESULTS / "reliability.json"
    report = json.loads(path.read_text()) if path.exists() and args.only else {}
    if "fuzz" in parts:
        report["fuzz"] = run_fuzz(args.fuzz)
        print("fuzz:", report["fuzz"], flush=True)
    if "kills" in parts:
        report["kill_and_resume"] = run_kills(args.docs, args.kills)
        print("kill-and-resume:", report["kill_and_resume"], flush=True)
    if "limits" in parts:
        print("limits:", flush=True)
        report["limits"] = run_limits(args.big_mb)
        report["limits"]["many_small_files"] = run_many(args.many)
    report["peak_rss_mb_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    RESULTS.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
