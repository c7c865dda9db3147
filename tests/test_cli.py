"""The CLI as a user runs it: subprocesses over the bundled example and the seeds."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def cw(*args: str, cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crosswire.cli", *args], cwd=cwd, capture_output=True,
                          text=input is None, input=input, timeout=600)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("cli")
    proc = cw("run", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--db", "seeds.db", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert "5 ingested" in proc.stderr
    return work / "seeds.db"


def test_run_again_adds_nothing(seeds_db: Path) -> None:
    proc = cw("run", str(SEEDS / "*.txt"), "--db", str(seeds_db), cwd=seeds_db.parent)
    assert proc.returncode == 0, proc.stderr
    assert "0 ingested, 5 unchanged" in proc.stderr


def test_export_json_contract(seeds_db: Path) -> None:
    proc = cw("export", "--db", str(seeds_db), "--format", "json", cwd=seeds_db.parent)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "crosswire/1"
    assert len(doc["articles"]) == 5
    for art in doc["articles"]:
        for key in ("id", "origin", "outlet", "title", "byline", "published", "original_source", "text", "removed",
                    "duplicate_of", "rewrite_of", "claims"):
            assert key in art, key
        for claim in art["claims"]:
            start, end = claim["span"]
            assert art["text"][start:end] == claim["text"]
    assert len(doc["stories"]) == 1
    story = doc["stories"][0]
    assert sorted(story["article_ids"]) == sorted(a["id"] for a in doc["articles"])
    for key in ("facts", "timeline", "summary", "headline", "event"):
        assert key in story
    one = cw("export", "--db", str(seeds_db), "--story", story["id"], cwd=seeds_db.parent)
    assert json.loads(one.stdout)["stories"][0]["id"] == story["id"]


def test_markdown_csv_and_brief(seeds_db: Path) -> None:
    md = cw("export", "--db", str(seeds_db), "--format", "markdown", cwd=seeds_db.parent)
    assert md.returncode == 0 and "## Facts" in md.stdout and "## Timeline" in md.stdout
    csv = cw("export", "--db", str(seeds_db), "--format", "csv", cwd=seeds_db.parent)
    assert csv.returncode == 0 and csv.stdout.splitlines()[0].startswith("story_id,headline,fact")
    assert len(csv.stdout.splitlines()) > 3
    stories = json.loads(cw("stories", "--db", str(seeds_db), "--json", cwd=seeds_db.parent).stdout)
    brief = cw("brief", stories[0]["id"], "--db", str(seeds_db), cwd=seeds_db.parent)
    assert brief.returncode == 0 and "Summary" in brief.stdout


def test_errors_are_messages_with_exit_codes(tmp_path: Path, seeds_db: Path) -> None:
    missing = cw("export", "--db", str(tmp_path / "nope.db"), cwd=tmp_path)
    assert missing.returncode == 1 and "no such store" in missing.stderr and "Traceback" not in missing.stderr
    unknown = cw("brief", "s000000000000", "--db", str(seeds_db), cwd=tmp_path)
    assert unknown.returncode == 4 and "no story" in unknown.stderr
    usage = cw("run", cwd=tmp_path)
    assert usage.returncode == 2
    bad = cw("run", str(tmp_path / "does-not-exist.txt"), "--db", "x.db", "--strict", cwd=tmp_path)
    assert bad.returncode == 3 and "does-not-exist.txt" in bad.stderr and "Traceback" not in bad.stderr
    parquet = cw("run", str(SEEDS / "*.txt"), "--parquet", "pq", "--db", "y.db", cwd=tmp_path)
    assert parquet.returncode == 2 and "--parquet needs --scheduler" in parquet.stderr
    import socket

    with socket.create_server(("127.0.0.1", 0)) as busy:  # a port another program holds
        port = busy.getsockname()[1]
        served = cw("serve", "--db", str(seeds_db), "--port", str(port), cwd=tmp_path)
    assert served.returncode == 1 and "cannot listen on 127.0.0.1" in served.stderr


def test_stdin_is_a_source(tmp_path: Path) -> None:
    text = (SEEDS / "003_8b17fbdd45292f22.txt").read_bytes()
    proc = cw("run", "-", "--db", "stdin.db", cwd=tmp_path, input=text)
    assert proc.returncode == 0, proc.stderr
    assert b"1 ingested" in proc.stderr


def test_demo_writes_outputs(tmp_path: Path) -> None:
    proc = cw("demo", "--out", "demo", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for name in ("crosswire.db", "export.json", "briefs.md", "facts.csv", "events.csv"):
        assert (tmp_path / "demo" / name).exists(), name
        assert name in proc.stdout
    doc = json.loads((tmp_path / "demo" / "export.json").read_text())
    assert len(doc["stories"]) >= 2 and not doc["failed"]
    again = cw("demo", "--out", "demo", cwd=tmp_path)
    assert again.returncode == 0 and "0 ingested" in again.stderr


def test_doctor_reports_health(seeds_db: Path) -> None:
    proc = cw("doctor", "--db", str(seeds_db), "--json", cwd=seeds_db.parent)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["ok"] and report["integrity"] == ["ok"] and report["counts"]["articles"] == 5


# -- bad input through `crosswire run`: each one named with its reason, no traceback, the batch goes on --
def cw_peak(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run the CLI and return its result and its own peak resident memory in MB."""
    code = ("import atexit, resource, sys; atexit.register(lambda: sys.stderr.write("
            "f'\\nPEAK_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')); "
            "sys.argv = ['crosswire', *sys.argv[1:]]; from crosswire.cli import main; main()")
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    peak = int(proc.stderr.rsplit("PEAK_KB ", 1)[1].split()[0]) // 1024
    return proc, peak


def test_bad_inputs_through_run(tmp_path: Path) -> None:
    import gzip

    def put(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    story = ("Flood water reached the old mill at Brenholt before dawn on Tuesday, and three families were "
             "moved to the school hall, the mayor said.\n\nVolunteers filled sandbags along the river road.\n")
    good = put("good.txt", story.encode())
    empty = put("empty.txt", b"")
    binary = put("binary.txt", b"\x00\x01\x02\x03" * 100)
    png = put("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    page = "".join(f"<p>Paragraph {i}: gauge {i * 7919 % 997} read at dawn.</p>" for i in range(400))
    packed = gzip.compress(f"<html><body>{page}</body></html>".encode())
    truncated = put("page.html.gz", packed[: len(packed) // 2])
    legacy = put("legacy.txt", "Les secours sont arrivés à Genève après la crue, selon la police.".encode("cp1252"))
    mixed = put("mixed.txt", "Rescuers reached Genève and Zürich by boat. It".encode() + b"\x92s over, they said.")
    chrome_only = put("nav.html", b"<html><body><nav><a href='/'>Home</a></nav><script>x=1</script></body></html>")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        for _ in range(50):
            fh.write(b"All work and no play makes a long report.\n" * 24966)
    hollow = tmp_path / "hollow"
    hollow.mkdir()
    missing = tmp_path / "missing.txt"
    many = tmp_path / "many"
    for i in range(300):
        put(f"many/{i:04d}.txt", f"Report {i}: the ferry to Isle {i} ran late on Monday, the harbour office said.\n"
            .encode())
    paths = [good, empty, binary, png, truncated, legacy, mixed, chrome_only, big, hollow, missing, many]

    proc, peak = cw_peak("run", *map(str, paths), "--db", "bad.db", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    expect = {
        empty: "ingest: empty file",
        binary: "ingest: binary file (contains NUL bytes)",
        png: "ingest: binary file (PNG image)",
        truncated: "ingest: truncated gzip (the compressed stream ends early)",
        chrome_only: "clean: no body text left after cleaning",
        big: "ingest: document too large (50.0 MB > 20.0 MB limit; raise --max-document-size)",
        hollow: "ingest: no files in directory",
        missing: "ingest: no such file or directory",
    }
    lines = proc.stderr.splitlines()
    for path, reason in expect.items():
        assert f"  failed: {path}: {reason}" in lines, (path, proc.stderr)
    # good, legacy, mixed, nav.html (read, then failed cleaning) and the 300: ingested and processed
    assert f"{4 + 300} ingested, 0 unchanged, {4 + 300} processed, {len(expect)} failed" in proc.stderr
    assert peak < 500, f"peak {peak} MB"  # the 50 MB file is refused without being read

    articles = json.loads(cw("export", "--db", "bad.db", cwd=tmp_path).stdout)["articles"]
    by_origin = {a["origin"]: a for a in articles}
    assert "three families were moved" in by_origin[str(good)]["text"]
    assert "arrivés à Genève après la crue" in by_origin[str(legacy)]["text"]
    assert "Genève and Zürich by boat. It’s over" in by_origin[str(mixed)]["text"]
    assert sum(origin.startswith(str(many)) for origin in by_origin) == 300

    strict = cw("run", *map(str, paths), "--db", "bad.db", "--strict", cwd=tmp_path)
    assert strict.returncode == 3 and "Traceback" not in strict.stderr
    assert f"0 ingested, {4 + 300} unchanged" in strict.stderr
    assert f"  failed: {missing}: ingest: no such file or directory" in strict.stderr.splitlines()


def test_a_file_that_is_not_a_store_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("shopping list, not a database\n")
    (tmp_path / "a.txt").write_text("The ferry ran late on Monday, the harbour office said.\n")
    for args in (["export"], ["stories"], ["doctor"], ["run", "a.txt"]):
        proc = cw(*args, "--db", "notes.db", cwd=tmp_path)
        assert proc.returncode == 1, (args, proc.stderr)
        assert proc.stderr.strip() == "crosswire: notes.db: cannot open store: file is not a database", args
    assert cw("run", "a.txt", "--db", "good.db", cwd=tmp_path).returncode == 0
    target = tmp_path / "no-such-folder" / "x.json"
    out = cw("export", "--db", "good.db", "-o", str(target), cwd=tmp_path)
    assert out.returncode == 1 and out.stderr.strip() == f"crosswire: {target}: No such file or directory"


def test_stories_table_keeps_whole_ids_when_piped(seeds_db: Path) -> None:
    import json as _json

    ids = [s["id"] for s in _json.loads(cw("stories", "--db", str(seeds_db), "--json", cwd=seeds_db.parent).stdout)]
    table = cw("stories", "--db", str(seeds_db), cwd=seeds_db.parent)  # piped: an 80-column console
    assert ids and all(i in table.stdout for i in ids), table.stdout


def test_python_dash_m_crosswire_is_the_cli(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "crosswire", "--version"], cwd=tmp_path, capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("crosswire"), proc.stdout
