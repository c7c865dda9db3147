"""--jobs N and Dask give the same stories, duplicates and claims as a plain local run."""

import dataclasses
import json
from pathlib import Path

import pytest

from crosswire.pipeline import RunOptions, run
from crosswire.render import export_document
from crosswire.store import Store

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
INPUTS = [str(SHARED / "data" / "news-clusters-5w1h"), str(SHARED / "seeds" / "*.txt")]


def fingerprint(db: Path) -> dict:
    """What must be identical: stories (members, headline), copy links, claims, facts."""
    with Store(db, readonly=True) as store:
        doc = export_document(store)
    doc.pop("generated_at")
    return {
        "stories": sorted((s["id"], s["headline"], tuple(sorted(s["article_ids"])),
                           json.dumps(s["facts"], sort_keys=True)) for s in doc["stories"]),
        "links": sorted((a["id"], a["duplicate_of"], a["rewrite_of"]) for a in doc["articles"]),
        "claims": sorted((a["id"], json.dumps(a["claims"], sort_keys=True)) for a in doc["articles"]),
        "failed": sorted(f["origin"] for f in doc["failed"]),
    }


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("local") / "one.db"
    summary = run(INPUTS, db=db, options=RunOptions(jobs=1))
    assert summary.articles >= 380 and not summary.failed
    return fingerprint(db)


def test_jobs_2_equals_jobs_1(local: dict, tmp_path: Path) -> None:
    run(INPUTS, db=tmp_path / "two.db", options=RunOptions(jobs=2))
    assert fingerprint(tmp_path / "two.db") == local


def test_dask_local_cluster_equals_local_run(local: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire import scale

    joined: list[dict] = []

    def group_pending(*args: object, shared_bands: dict | None = None, **kwargs: object) -> int:
        joined.append(shared_bands or {})
        return real(*args, shared_bands=shared_bands, **kwargs)

    real = scale.group_pending
    monkeypatch.setattr(scale, "group_pending", group_pending)
    summary = scale.run_distributed(INPUTS, db=str(tmp_path / "dask.db"), scheduler="local", workers=2)
    assert summary.articles == len(local["links"])
    assert fingerprint(tmp_path / "dask.db") == local
    assert len(joined) == 1 and joined[0]  # the candidates came from the band join on the workers
    with Store(tmp_path / "dask.db", readonly=True) as store:
        assert store.sketches(store.article_ids()) == {}  # judged: only the signature rows remain


def test_band_join_shuffle_equals_grouping_in_one_place() -> None:
    from collections import Counter

    from crosswire.dedup import band_keys, sketch
    from crosswire.ingest import ingest
    from crosswire.pipeline import process_document
    from crosswire.scale import _pack, band_join, client_for

    docs = [d for d in ingest([str(SHARED / "seeds" / "*.txt")]) if hasattr(d, "raw")]
    articles = [a for a, _, _ in (process_document(d, RunOptions(), None) for d in docs) if a is not None]
    copy = dataclasses.replace(articles[0], id="copy")  # shares every band with its original
    keyed = [(key, a.id) for a in [*articles, copy] for key in band_keys(sketch(a))]
    counts = Counter(key for key, _ in keyed)
    expected: dict[str, list[bytes]] = {}
    for key, article_id in keyed:
        if counts[key] > 1:
            expected.setdefault(article_id, []).append(key)
    with client_for("local", 2) as client:
        parts = client.scatter([_pack(keyed[i : i + 40]) for i in range(0, len(keyed), 40)])  # a future per part
        got = band_join(client, parts)
    assert got == {a: sorted(keys) for a, keys in expected.items()}
    assert sorted(got["copy"]) == sorted(band_keys(sketch(copy)))


def test_dask_parquet_then_load(tmp_path: Path) -> None:
    from crosswire.scale import load_parquet, run_distributed

    seeds = [str(SHARED / "seeds" / "*.txt")]
    written = run_distributed(seeds, db="unused", scheduler="local", parquet=str(tmp_path / "pq"), workers=2)
    assert written.articles == 5
    summary = load_parquet(str(tmp_path / "pq"), db=str(tmp_path / "pq.db"))
    assert summary.articles == 5 and summary.stories >= 1
    run(seeds, db=tmp_path / "plain.db")
    a, b = fingerprint(tmp_path / "pq.db"), fingerprint(tmp_path / "plain.db")
    assert a["claims"] == b["claims"] and a["links"] == b["links"]


def test_another_hash_seed_gives_the_same_store(local: dict, tmp_path: Path) -> None:
    """Nothing depends on the order of a set of strings (Python salts their hashes per process): a run in a
    process with another PYTHONHASHSEED gives the same stories, links, claims and facts."""
    import os
    import subprocess
    import sys

    db = tmp_path / "seeded.db"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", "import sys; from crosswire.cli import main; sys.exit(main())", "run",
                    *INPUTS, "--db", str(db)], env=env, check=True, capture_output=True)
    assert fingerprint(db) == local


@pytest.mark.parametrize("checkpoint_seconds", [0.0, 3600.0])
def test_group_phase_interrupted_then_resumed_gives_the_same_store(local: dict, tmp_path: Path,
                                                                   checkpoint_seconds: float) -> None:
    """The group phase stores its decisions at checkpoints (after every batch with 0 s; only at its end with an
    hour): interrupted after three batches, then run again, the store is the same as one run's, whether the
    interruption lost nothing or every batch it had judged."""
    db = tmp_path / "resumed.db"
    options = RunOptions(jobs=1, batch_size=64, checkpoint_seconds=checkpoint_seconds)
    batches = []

    def interrupt(phase: str, done: int, total: int | None) -> None:
        if phase == "dedup+cluster":
            batches.append(done)
            if len(batches) == 3:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(INPUTS, db=db, options=options, progress=interrupt)
    with Store(db, readonly=True) as store:
        grouped = len(store.article_ids(stage="cluster"))
    assert grouped == (3 * 64 if checkpoint_seconds == 0 else 0)
    run(INPUTS, db=db, options=options)
    assert fingerprint(db) == local


def test_with_a_pool_the_workers_make_the_clustering_terms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs 2 the terms of every article that is no copy come from the workers (made while the parent
    judges the next batch's copies), not from the parent's own fallback."""
    from crosswire import pipeline
    from crosswire.cluster import originals

    given: list[tuple[set[str], set[str]]] = []

    def cluster(articles, extractions, links, index, terms=None):  # type: ignore[no-untyped-def]
        copies = originals(links, index.options)
        given.append(({a.id for a in articles if a.id not in copies}, set(terms or {})))
        return real(articles, extractions, links, index, terms)

    real = pipeline.cluster
    monkeypatch.setattr(pipeline, "cluster", cluster)
    run([str(SHARED / "seeds" / "*.txt")], db=tmp_path / "pool.db", options=RunOptions(jobs=2))
    assert given and all(needed and needed == made for needed, made in given)
