"""Crash safety and concurrency: SIGKILL mid-run then resume; two runs on one store; readers during a run."""

import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

WORDS = ["storm", "flood", "bridge", "river", "council", "mayor", "rescue", "boat", "village", "school",
         "hospital", "road", "police", "fire", "market", "harbour", "train", "station", "valley", "farm"]


def make_corpus(folder: Path, n: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        town = f"Town{i % 37}"
        body = " ".join(rng.choice(WORDS) for _ in range(60))
        (folder / f"doc{i:05d}.txt").write_text(
            f"Report {i} from {town}\n\nAt least {i % 50 + 1} people were injured in {town} on Monday, "
            f"officials said. {body.capitalize()}.\n\nThe {rng.choice(WORDS)} was closed for {i % 9 + 1} days.\n",
            encoding="utf-8")


def cw_popen(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "crosswire.cli", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def check_exactly_once(db: Path, n: int) -> None:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == n
    assert con.execute("SELECT count(*) FROM documents WHERE status != 'done'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == n
    assert con.execute("SELECT count(DISTINCT document_id) FROM articles").fetchone()[0] == n
    assert con.execute("SELECT count(*) FROM articles WHERE stage != 'cluster'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM story_articles").fetchone()[0] == n
    assert con.execute("SELECT count(*) FROM stories WHERE dirty=1").fetchone()[0] == 0
    con.close()


def test_sigkill_at_random_points_then_resume(tmp_path: Path) -> None:
    n = 400
    make_corpus(tmp_path / "in", n)
    db = tmp_path / "k.db"
    rng = random.Random(11)
    kills = 0
    for _ in range(4):
        proc = cw_popen("run", str(tmp_path / "in"), "--db", str(db), "--batch-size", "25", cwd=tmp_path)
        time.sleep(rng.uniform(0.8, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    final = cw_popen("run", str(tmp_path / "in"), "--db", str(db), cwd=tmp_path)
    _, err = final.communicate(timeout=600)
    assert final.returncode == 0, err.decode()
    assert kills >= 1
    check_exactly_once(db, n)


def test_two_runs_on_one_store_queue_up(tmp_path: Path) -> None:
    from crosswire.pipeline import run_lock

    make_corpus(tmp_path / "a", 30, seed=1)
    make_corpus(tmp_path / "b", 30, seed=2)
    db = tmp_path / "c.db"
    with run_lock(str(db)):  # another run holds the store
        second = cw_popen("run", str(tmp_path / "b"), "--db", str(db), cwd=tmp_path)
        # hold the store until the second run says it waits (however long its start-up takes on a busy machine)
        said = b""
        deadline = time.monotonic() + 300
        assert second.stderr is not None
        while b"another crosswire run" not in said and time.monotonic() < deadline:
            ready, _, _ = select.select([second.stderr], [], [], 1.0)
            if ready:
                chunk = os.read(second.stderr.fileno(), 4096)
                if not chunk:
                    break
                said += chunk
        assert second.poll() is None, "the second run must wait, not fail or write"
    _, err = second.communicate(timeout=600)
    err = said + err
    assert second.returncode == 0, err.decode()
    assert b"waiting" in err and b"another crosswire run" in err
    first = cw_popen("run", str(tmp_path / "a"), "--db", str(db), cwd=tmp_path)
    again = cw_popen("run", str(tmp_path / "b"), "--db", str(db), cwd=tmp_path)
    assert first.wait(timeout=600) == 0 and again.wait(timeout=600) == 0
    check_exactly_once(db, 60)


def test_export_during_a_run_sees_consistent_data(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 200)
    db = tmp_path / "r.db"
    subprocess.run([sys.executable, "-m", "crosswire.cli", "run", str(tmp_path / "in" / "doc0000*.txt"),
                    "--db", str(db)], check=True, capture_output=True)
    writer = cw_popen("run", str(tmp_path / "in"), "--db", str(db), "--batch-size", "10", cwd=tmp_path)
    reads = 0
    while writer.poll() is None and reads < 20:
        proc = subprocess.run([sys.executable, "-m", "crosswire.cli", "export", "--db", str(db)],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        doc = json.loads(proc.stdout)
        ids = {a["id"] for a in doc["articles"]}
        for story in doc["stories"]:
            assert set(story["article_ids"]) <= ids
        reads += 1
    writer.communicate(timeout=600)
    assert writer.returncode == 0
    assert reads >= 1
    assert os.path.exists(db)


def test_sigkill_with_worker_processes_leaves_none_behind_and_resumes(tmp_path: Path) -> None:
    import psutil

    n = 300
    make_corpus(tmp_path / "in", n, seed=5)
    db = tmp_path / "j.db"
    proc = cw_popen("run", str(tmp_path / "in"), "--db", str(db), "--jobs", "2", "--batch-size", "25", cwd=tmp_path)
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    workers: list[psutil.Process] = []
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = parent.children(recursive=True)
        time.sleep(0.1)
    assert len(workers) >= 2, "the run starts its worker processes"
    time.sleep(1.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, f"workers outlived the killed run: {alive}"
    final = cw_popen("run", str(tmp_path / "in"), "--db", str(db), "--jobs", "2", cwd=tmp_path)
    _, err = final.communicate(timeout=600)
    assert final.returncode == 0, err.decode()
    check_exactly_once(db, n)
