"""The same stage functions on a Dask cluster (dask.distributed).

``crosswire run --scheduler local`` starts a LocalCluster; ``--scheduler tcp://HOST:PORT``
joins a running one. Reading and the per-document stages (clean, extract) run on the
workers, in exactly the batches a local run uses, so the store ends up identical to
``crosswire run`` on one machine. The global steps (dedup against everything seen, story
assignment in publication order) then run through the same pipeline functions.

With ``--parquet DIR`` the workers write documents, articles, extractions and failures
as Parquet files instead of sending them back (for runs too large for one store write
path); ``crosswire load DIR --db FILE`` brings them into a store and finishes the run.
"""

from __future__ import annotations

import base64
import contextlib
import json
import pickle
import time
import zlib
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import records as r
from .dedup import band_keys, sketch
from .errors import ConfigError, InputError
from .pipeline import (
    Briefed,
    ProgressFn,
    RunOptions,
    RunSummary,
    StoryInput,
    brief_dirty,
    brief_input,
    brief_tasks,
    group_pending,
    process_document,
    process_documents,
    run_lock,
    story_input,
    write_briefed,
    write_processed,
)
from .serde import from_dict, to_dict
from .store import Store


@contextlib.contextmanager
def client_for(scheduler: str, workers: int = 2) -> Iterator[Any]:
    """A dask.distributed Client: ``local`` starts a LocalCluster of ``workers`` processes."""
    from dask.distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    if not scheduler.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
        raise ConfigError(f"--scheduler must be 'local' or an address like tcp://HOST:8786, not {scheduler!r}")
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise InputError(scheduler, f"cannot reach the Dask scheduler: {exc}") from None
    try:
        yield client
    finally:
        client.close()


def expand_inputs(paths: Sequence[str], options: RunOptions | None = None) -> list[str]:
    """Files named by paths, directories (recursive) and globs, in the order a local run reads them.

    Sources that name nothing stay in the list: the worker that reads them records the failure."""
    from .ingest import expand_sources

    opts = (options or RunOptions()).ingest
    return [item if isinstance(item, str) else item.origin for item in expand_sources(list(paths), opts)]


def _pack(obj: Any) -> bytes:
    """What a task sends or returns, pickled into one byte string: Dask's own serialisation walks a list
    of many small tuples item by item (100k of them took 5-13 s; one pickled string 0.2 s)."""
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(data: bytes) -> Any:
    return pickle.loads(data)  # made by _pack in this run's own client or workers


def _ingest_files(files: Sequence[str], options: RunOptions) -> bytes:
    from .ingest import ingest

    return _pack(list(ingest(list(files), options.ingest)))


def _process_batch(packed: bytes, options: RunOptions) -> bytes:
    """clean + extract + sketch one batch of documents, as :func:`process_documents` serialises it (with the
    facts and paragraphs the band join needs)."""
    from .clean import build_context

    documents: list[r.Document] = _unpack(packed)
    return _pack(process_documents(documents, options, build_context(documents, options.clean), describe=True))


def _band_rows(batch: bytes, options: RunOptions) -> bytes:
    """(band key, article id) of every article a batch made."""
    return _pack([(key, res[1][0]) for res in _unpack(batch) if not isinstance(res, r.Failed)
                  for key in band_keys(res[3], options.dedup)])


def _split(rows: bytes, parts: int) -> list[bytes]:
    """A partition's rows cut by key into ``parts`` pieces (CRC-32 of the key: the same in every process,
    unlike Python's salted ``hash``)."""
    out: list[list[tuple[bytes, str]]] = [[] for _ in range(parts)]
    for row in _unpack(rows):
        out[zlib.crc32(row[0]) % parts].append(row)
    return [_pack(piece) for piece in out]


def _piece(split: list[bytes], part: int) -> bytes:
    return split[part]


def _shared_in(*pieces: bytes) -> bytes:
    """(article id, key) of the keys more than one article holds, among every partition's rows of one part."""
    by_key: dict[bytes, list[str]] = {}
    for piece in pieces:
        for key, article_id in _unpack(piece):
            by_key.setdefault(key, []).append(article_id)
    return _pack([(article_id, key) for key, ids in by_key.items() if len(ids) > 1 for article_id in ids])


def band_join(client: Any, rows: Sequence[Any], parts: int = 0) -> dict[str, list[bytes]]:
    """The LSH band join as a shuffle on the workers: ``rows`` are futures of (band key, article id) lists,
    one per partition. Each partition's rows are cut by key into ``parts`` pieces where they are (default:
    two per worker); the task of part *i* gathers piece *i* of every partition, so every row with one key
    meets in one task, which keeps the keys held by more than one article. What comes back is each
    article's keys shared with another: the candidates :meth:`DedupIndex.use_band_join` reads."""
    if not rows:
        return {}
    parts = parts or 2 * max(1, len(client.scheduler_info()["workers"]))
    splits = client.map(_split, rows, parts=parts, pure=False)
    joined = [client.submit(_shared_in, *[client.submit(_piece, split, i, pure=False) for split in splits],
                            pure=False) for i in range(parts)]
    out: dict[str, list[bytes]] = {}
    for fut in joined:
        for article_id, key in _unpack(fut.result()):
            out.setdefault(article_id, []).append(key)
    for keys in out.values():
        keys.sort()
    return out


def _brief_task(packed: bytes, options: RunOptions) -> bytes:
    items: list[tuple[str, StoryInput | None]] = _unpack(packed)
    out: list[Briefed] = [brief_input(story_id, given, options) for story_id, given in items]
    return _pack(out)


def brief_distributed(client: Any, store: Store, options: RunOptions, *, progress: ProgressFn | None = None,
                      window: int = 0) -> tuple[int, list[r.Failed]]:
    """Brief every story whose articles changed on the Dask workers: the client reads each task's
    stories from the store, a worker dates and briefs them, the client writes each task's results in one
    transaction. At most ``window`` tasks (default: two per worker) are out at once, so the client
    holds a few tasks' articles, never the run's."""
    ids = store.dirty_story_ids()
    failed: list[r.Failed] = []
    done = finished = 0
    window = window or 2 * max(1, len(client.scheduler_info()["workers"]))
    inflight: deque[tuple[int, Any]] = deque()

    def collect() -> None:
        nonlocal done, finished
        count, fut = inflight.popleft()
        done += write_briefed(store, _unpack(fut.result()), failed)
        finished += count
        if progress:
            progress("brief", finished, len(ids))

    try:
        for task in brief_tasks(store, ids, max(16, options.batch_size // 4)):
            items = [(story_id, story_input(store, story_id)) for story_id in task]
            inflight.append((len(task), client.submit(_brief_task, _pack(items), options, pure=False)))
            if len(inflight) >= window:
                collect()
        while inflight:
            collect()
    finally:
        for _, fut in inflight:
            fut.cancel()
    return done, failed


def _partitions(items: Sequence[Any], n: int) -> list[Sequence[Any]]:
    size = max(1, -(-len(items) // max(1, n)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_distributed(paths: Sequence[str], db: str = "crosswire.db", *, scheduler: str = "local",
                    parquet: str | None = None, options: RunOptions | None = None,
                    progress: ProgressFn | None = None, workers: int | None = None) -> RunSummary:
    """``crosswire run`` with the reading and per-document stages on Dask."""
    options = options or RunOptions()
    start = time.monotonic()
    files = expand_inputs(paths, options)
    with client_for(scheduler, workers or max(2, options.jobs)) as client:
        if parquet:
            return _to_parquet(client, files, parquet, options, start)
        with run_lock(db, wait=options.wait_for_lock), Store(db) as store:
            # 1. read on the workers, store documents in input order (ids are content hashes)
            parts = _partitions(files, 4 * len(client.scheduler_info()["workers"]) or 1)
            futures = client.map(_ingest_files, parts, options=options, pure=False)
            new = unchanged = read = 0
            failed: list[r.Failed] = []
            for fut in futures:  # in input order, each partition stored (and let go) as it comes
                items: list[r.Document | r.Failed] = _unpack(fut.result())
                fut.release()
                added, same, fails = _store_items(store, items)
                new, unchanged, read = new + added, unchanged + same, read + len(items)
                failed += fails
                if progress:
                    progress("ingest", read, None)
            del futures
            # 2. clean + extract on the workers, in the batches a local run uses
            leftover = bool(store.article_ids(stage="extract"))  # extracted by a run that stopped before dedup
            ids = store.document_ids("new")
            batches = [ids[i : i + options.batch_size] for i in range(0, len(ids), options.batch_size)]
            window = 2 * max(1, len(client.scheduler_info()["workers"]))  # batches out at once: the client
            pending: deque[Any] = deque()  # holds a few batches' documents, never the run's
            bands: list[Any] = []  # each batch's band keys, kept on the workers for the join
            done = 0

            def submit(batch: Sequence[str]) -> None:
                fut = client.submit(_process_batch, _pack(store.documents_by_id(batch)), options, pure=False)
                bands.append(client.submit(_band_rows, fut, options, pure=False))
                pending.append(fut)

            for batch in batches[:window]:
                submit(batch)
            next_batch = window
            while pending:
                results = _unpack(pending.popleft().result())
                write_processed(store, results, failed)
                done += len(results)
                if progress:
                    progress("clean+extract", done, len(ids))
                if next_batch < len(batches):
                    submit(batches[next_batch])
                    next_batch += 1
            # 3. the band join (a shuffle on the workers), then the ordered judgement and story
            # assignment here, in publication order; then the briefs, on the workers
            # (articles a stopped run left unjudged were not in the join: then the index finds candidates itself)
            shared = None if leftover else band_join(client, bands)
            bands.clear()  # the workers drop the band keys
            group_pending(store, options, progress=progress, shared_bands=shared)
            briefs, brief_failed = brief_distributed(client, store, options, progress=progress)
            counts = store.counts()
    return RunSummary(db=db, ingested=new, unchanged=unchanged, processed=done, failed=tuple(failed + brief_failed),
                      articles=counts["articles"], stories=counts["stories"], briefs=briefs,
                      seconds=time.monotonic() - start)


def _store_items(store: Store, items: Sequence[r.Document | r.Failed]) -> tuple[int, int, list[r.Failed]]:
    new = unchanged = 0
    failed: list[r.Failed] = []
    with store.transaction():
        for item in items:
            if isinstance(item, r.Failed):
                store.add_failure(item)
                failed.append(item)
            elif store.add_document(item):
                new += 1
            else:
                unchanged += 1
    return new, unchanged, failed


# -- Parquet output and load ---------------------------------------------------------------------
def _partition_to_parquet(files: Sequence[str], out_dir: str, index: int, options: RunOptions) -> dict[str, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .clean import build_context
    from .ingest import ingest

    docs: list[r.Document] = []
    fails: list[r.Failed] = []
    for item in ingest(list(files), options.ingest):
        (docs if isinstance(item, r.Document) else fails).append(item)  # type: ignore[arg-type]
    context = build_context(docs, options.clean)
    rows = {"documents": [], "articles": [], "extractions": [], "sketches": []}  # type: dict[str, list[dict[str, Any]]]
    for doc in docs:
        rows["documents"].append({"id": doc.id, "data": json.dumps(to_dict(doc))})
        article, extraction, fail = process_document(doc, options, context)
        if fail is not None:
            fails.append(fail)
            continue
        assert article is not None and extraction is not None
        rows["articles"].append({"id": article.id, "data": json.dumps(to_dict(article))})
        rows["extractions"].append({"id": article.id, "data": json.dumps(to_dict(extraction))})
        rows["sketches"].append({"id": article.id, "data": base64.b64encode(sketch(article, options.dedup)).decode()})
    rows["failures"] = [{"id": f.document_id or "", "data": json.dumps(to_dict(f))} for f in fails]
    counts = {}
    for name, table_rows in rows.items():
        folder = Path(out_dir) / name
        folder.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist(table_rows, schema=pa.schema([("id", pa.string()), ("data", pa.string())]))
        pq.write_table(table, folder / f"part-{index:05d}.parquet")
        counts[name] = len(table_rows)
    return counts


def _to_parquet(client: Any, files: Sequence[str], out_dir: str, options: RunOptions, start: float) -> RunSummary:
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    parts = _partitions(files, 4 * max(1, len(client.scheduler_info()["workers"])))
    futures = client.map(_partition_to_parquet, parts, [out_dir] * len(parts), range(len(parts)),
                         options=options, pure=False)
    totals: dict[str, int] = {}
    for fut in futures:
        for name, n in fut.result().items():
            totals[name] = totals.get(name, 0) + n
    return RunSummary(db=out_dir, ingested=totals.get("documents", 0), processed=totals.get("articles", 0),
                      articles=totals.get("articles", 0), seconds=time.monotonic() - start)


def load_parquet(folder: str, db: str = "crosswire.db", options: RunOptions | None = None, *,
                 progress: ProgressFn | None = None) -> RunSummary:
    """Bring a ``--parquet`` folder into a store, then run the global steps and briefs."""
    import pyarrow.parquet as pq

    options = options or RunOptions()
    start = time.monotonic()
    root = Path(folder)
    if not (root / "documents").is_dir():
        raise InputError(folder, "not a crosswire Parquet folder (no documents/ inside)")

    def rows(name: str) -> Iterator[dict[str, Any]]:
        for part in sorted((root / name).glob("*.parquet")):
            for row in pq.read_table(part).to_pylist():
                yield json.loads(row["data"])

    new = unchanged = 0
    failed: list[r.Failed] = []
    with run_lock(db, wait=options.wait_for_lock), Store(db) as store:
        with store.transaction():
            for d in rows("documents"):
                if store.add_document(from_dict(r.Document, d)):
                    new += 1
                else:
                    unchanged += 1
            loaded: set[str] = set()
            for a in rows("articles"):
                article = from_dict(r.Article, a)
                if store.article(article.id) is None:
                    store.put_article(article, stage="extract")
                    store.set_document_status(article.document_id, "done")
                    loaded.add(article.id)
            for e in rows("extractions"):
                store.put_extraction(from_dict(r.Extraction, e))
            for part in sorted((root / "sketches").glob("*.parquet")):  # a folder without them: hashed here
                store.put_sketch_rows((row["id"], base64.b64decode(row["data"]))
                                      for row in pq.read_table(part).to_pylist() if row["id"] in loaded)
            for f in rows("failures"):
                fail = from_dict(r.Failed, f)
                store.add_failure(fail)
                failed.append(fail)
        group_pending(store, options, progress=progress)
        briefs, brief_failed = brief_dirty(store, options, progress=progress)
        counts = store.counts()
    return RunSummary(db=db, ingested=new, unchanged=unchanged, processed=new, failed=tuple(failed + brief_failed),
                      articles=counts["articles"], stories=counts["stories"], briefs=briefs,
                      seconds=time.monotonic() - start)
