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
