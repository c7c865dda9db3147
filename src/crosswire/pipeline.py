"""Wires the stages together over a store: ingest → clean → extract → dedup → cluster → reconcile → brief.

Per-document stages (clean, extract) are stateless and run in a process pool with
``jobs > 1``; the two global steps (dedup against everything seen, story assignment)
run in publication order in this process, against indexes rebuilt from the store.
Every batch is written in one transaction, so a run killed at any point resumes where
it stopped and never processes a document twice.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from . import records as r
from .brief import BriefOptions, brief, sources_of
from .clean import CleanContext, CleanOptions, build_context, clean
from .cluster import ClusterOptions, StoryIndex, cluster
from .dating import infer_published
from .dedup import DedupIndex, DedupOptions, dedup
from .errors import ConfigError, DocumentError, StoreBusyError
from .event import EventOptions, event_record
from .extract import ExtractOptions, extract
from .extract.attribution import link_descriptions, normalise_source
from .ingest import IngestOptions, ingest
from .reconcile import ReconcileOptions, reconcile
from .store import Store

ProgressFn = Callable[[str, int, int | None], None]  # (phase, done, total)


@dataclass(frozen=True, kw_only=True)
class RunOptions:
    """Everything a run needs, parsed once at the edge (CLI or API caller)."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    reconcile: ReconcileOptions = field(default_factory=ReconcileOptions)
    brief: BriefOptions = field(default_factory=BriefOptions)
    event: EventOptions = field(default_factory=EventOptions)
    jobs: int = 1
    batch_size: int = 256
    wait_for_lock: bool = True

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ConfigError(f"jobs must be >= 1, not {self.jobs}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, not {self.batch_size}")


@dataclass(frozen=True)
class RunSummary:
    """What a run did; the CLI prints it."""

    db: str
    ingested: int = 0
    unchanged: int = 0
    processed: int = 0
    failed: tuple[r.Failed, ...] = ()
    articles: int = 0
    stories: int = 0
    briefs: int = 0
    seconds: float = 0.0


# -- the run lock: two runs on one store queue up, with a message --------------------------------
@contextlib.contextmanager
def run_lock(db: str, *, wait: bool = True, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    if db == ":memory:":
        yield
        return
    lock_path = f"{db}.lock"
    Path(lock_path).parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            if not wait:
                raise StoreBusyError(f"{db}: another crosswire run ({holder}) is writing this store") from None
            if on_wait:
                on_wait(f"{db}: another crosswire run ({holder}) is writing this store; waiting for it to finish")
            fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


# -- per-document work (picklable, runs in worker processes) ------------------------------------
def process_document(
    doc: r.Document, options: RunOptions, context: CleanContext | None
) -> tuple[r.Article | None, r.Extraction | None, r.Failed | None]:
    """clean + extract one document; every failure becomes a Failed record, never an exception."""
    stage = "clean"
    try:
        article = clean(doc, options.clean, context=context)
        stage = "extract"
        extraction = extract(article, options.extract)
    except DocumentError as exc:
        return None, None, r.Failed(doc.id, doc.origin, exc.stage, exc.reason)
    except RecursionError:
        return None, None, r.Failed(doc.id, doc.origin, stage, "input nested too deeply")
    except MemoryError:
        return None, None, r.Failed(doc.id, doc.origin, stage, "out of memory on this document")
    except Exception as exc:  # one bad document never stops the batch
        return None, None, r.Failed(doc.id, doc.origin, stage, f"internal error: {type(exc).__name__}: {exc}")
    return article, extraction, None


def _process_batch(docs: Sequence[r.Document], options: RunOptions, pool: ProcessPoolExecutor | None):
    context = build_context(docs, options.clean)
    if pool is None:
        return [process_document(d, options, context) for d in docs]
    return list(pool.map(process_document, docs, [options] * len(docs), [context] * len(docs)))


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# -- phases -----------------------------------------------------------------------------------
def ingest_into(store: Store, sources: Sequence[str], options: RunOptions, *, stdin: BinaryIO | None = None,
                progress: ProgressFn | None = None) -> tuple[int, int, list[r.Failed]]:
    new = unchanged = 0
    failed: list[r.Failed] = []
    pending: list[r.Document | r.Failed] = []

    def flush() -> None:
        nonlocal new, unchanged
        with store.transaction():
            for item in pending:
                if isinstance(item, r.Failed):
                    store.add_failure(item)
                    failed.append(item)
                elif store.add_document(item):
                    new += 1
                else:
                    unchanged += 1
        pending.clear()
        if progress:
            progress("ingest", new + unchanged + len(failed), None)

    for item in ingest(sources, options.ingest, stdin=stdin):
        pending.append(item)
        if len(pending) >= options.batch_size:
            flush()
    flush()
    return new, unchanged, failed


def process_pending(store: Store, options: RunOptions, *,
                    progress: ProgressFn | None = None) -> tuple[int, list[r.Failed]]:
    """clean + extract every stored document not yet processed, one transaction per batch."""
    ids = store.document_ids("new")
    done = 0
    failed: list[r.Failed] = []
    pool = ProcessPoolExecutor(max_workers=options.jobs) if options.jobs > 1 and len(ids) > 1 else None
    try:
        for chunk in _chunks(ids, options.batch_size):
            docs = [d for d in (store.document(i) for i in chunk) if d is not None]
            results = _process_batch(docs, options, pool)
            with store.transaction():
                for doc, (article, extraction, fail) in zip(docs, results, strict=True):
                    if fail is not None:
                        store.add_failure(fail)
                        failed.append(fail)
                        continue
                    assert article is not None and extraction is not None
                    store.put_article(article, stage="extract")
                    store.put_extraction(extraction)
                    store.set_document_status(doc.id, "done")
            done += len(docs)
            if progress:
                progress("clean+extract", done, len(ids))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return done, failed


def _publication_order(store: Store, ids: Iterable[str]) -> list[str]:
    rows = []
    for article_id in ids:
        row = store.db.execute("SELECT published FROM articles WHERE id=?", (article_id,)).fetchone()
        rows.append(((row[0] if row and row[0] else "9999"), article_id))
    return [a for _, a in sorted(rows)]


def group_pending(store: Store, options: RunOptions, *, progress: ProgressFn | None = None) -> int:
    """dedup and cluster the articles not yet in a story, in publication order, online."""
    ids = _publication_order(store, store.article_ids(stage="extract"))
    if not ids:
        return 0
    index = DedupIndex.from_rows(store.signatures(), options.dedup)
    stories = StoryIndex.from_stored(store.story_features(), options.cluster)
    done = 0
    for chunk in _chunks(ids, options.batch_size):
        articles = store.articles(chunk)
        extractions = {a.id: ex for a in articles if (ex := store.extraction(a.id)) is not None}
        links = dedup(articles, index)
        changed = cluster(articles, extractions, links, stories)
        merged = stories.take_removed()  # stories merged into others: their articles moved with them
        with store.transaction():
            for story_id in merged:
                store.delete_story(story_id)
            for row in index.rows([a.id for a in articles]):
                store.put_signature(*row)
            for link in links:
                store.put_link(link)
            for story in changed:
                store.put_story(story, stories.features(story.id))
            store.set_article_stage([a.id for a in articles], "cluster")
        done += len(articles)
        if progress:
            progress("dedup+cluster", done, len(ids))
    return done


def resolve_originators(extractions: dict[str, r.Extraction]) -> dict[str, r.Extraction]:
    """One originator is one source across the story: a description used alone in one article
    ("a UK-based monitoring organization") takes the name it stands beside in another."""
    names = link_descriptions(extractions.values())
    if not names:
        return extractions
    out = {}
    for aid, ex in extractions.items():
        claims = tuple(
            dataclasses.replace(c, attributed_to=names[normalise_source(c.attributed_to)])
            if c.attributed_to and normalise_source(c.attributed_to) in names else c
            for c in ex.claims
        )
        out[aid] = dataclasses.replace(ex, claims=claims)
    return out


def brief_story(store: Store, story: r.Story, options: RunOptions) -> r.Brief:
    articles = {a.id: a for a in store.articles(story.article_ids)}
    extractions = {a: ex for a in story.article_ids if (ex := store.extraction(a)) is not None}
    links = store.links(story.article_ids)
    extractions = resolve_originators(extractions)
    sources = sources_of(story, articles, links)
    facts = reconcile(story, [extractions[a] for a in story.article_ids if a in extractions], sources,
                      options.reconcile, articles=list(articles.values()))
    result = brief(story, facts, articles, extractions, sources, options.brief)
    record = event_record(story, facts, articles, extractions, sources, options.event)
    return dataclasses.replace(result, event=record)


def date_undated(store: Store, story: r.Story, options: RunOptions) -> None:
    """Date the story's undated articles from the story (see :mod:`crosswire.dating`) and
    re-extract them, so their relative dates and claims' as_of resolve."""
    articles = store.articles(story.article_ids)
    for article in articles:
        published = infer_published(article, articles)
        if published is None:
            continue
        dated = dataclasses.replace(article, published=published)
        store.put_article(dated, stage="cluster")
        store.put_extraction(extract(dated, options.extract))


def brief_dirty(store: Store, options: RunOptions, *,
                progress: ProgressFn | None = None) -> tuple[int, list[r.Failed]]:
    """Brief every story whose articles changed. A story that cannot be briefed is recorded as failed (stage
    ``brief``, origin ``story:<id>``) and left to the next run; the other stories go on."""
    ids = store.dirty_story_ids()
    failed: list[r.Failed] = []
    done = 0
    for n, story_id in enumerate(ids, 1):
        story = store.story(story_id)
        if story is None:
            continue
        try:
            with store.transaction():
                date_undated(store, story, options)
                result = brief_story(store, story, options)
                store.put_brief(result)
            done += 1
        except Exception as exc:  # one bad story never stops the others
            fail = r.Failed(None, f"story:{story_id}", "brief", f"internal error: {type(exc).__name__}: {exc}")
            with store.transaction():
                store.add_failure(fail)
            failed.append(fail)
        if progress:
            progress("brief", n, len(ids))
    return done, failed


def run(paths: Sequence[str | os.PathLike[str]], db: str | os.PathLike[str] = "crosswire.db",
        options: RunOptions | None = None, *, stdin: BinaryIO | None = None,
        progress: ProgressFn | None = None, on_wait: Callable[[str], None] | None = None) -> RunSummary:
    """Ingest ``paths`` into the store ``db`` and run every stage over what is new.

    Idempotent: the same inputs again add nothing. Resumable: a killed run picks up
    where it stopped.
    """
    options = options or RunOptions()
    db = str(db)
    start = time.monotonic()
    sources = [str(p) for p in paths]
    with run_lock(db, wait=options.wait_for_lock, on_wait=on_wait), Store(db) as store:
        new, unchanged, failed = ingest_into(store, sources, options, stdin=stdin, progress=progress)
        processed, failed2 = process_pending(store, options, progress=progress)
        group_pending(store, options, progress=progress)
        briefs, failed3 = brief_dirty(store, options, progress=progress)
        counts = store.counts()
    return RunSummary(db=db, ingested=new, unchanged=unchanged, processed=processed,
                      failed=tuple(failed + failed2 + failed3), articles=counts["articles"], stories=counts["stories"],
                      briefs=briefs, seconds=time.monotonic() - start)


def retry(db: str | os.PathLike[str] = "crosswire.db", options: RunOptions | None = None, *,
          progress: ProgressFn | None = None) -> RunSummary:
    """Reprocess the documents that failed a stage (their raw bytes are in the store)."""
    options = options or RunOptions()
    db = str(db)
    start = time.monotonic()
    with run_lock(db, wait=options.wait_for_lock), Store(db) as store:
        with store.transaction():
            for doc_id in store.document_ids("failed"):
                store.clear_failures(doc_id)
                store.set_document_status(doc_id, "new")
        processed, failed = process_pending(store, options, progress=progress)
        group_pending(store, options, progress=progress)
        briefs, failed2 = brief_dirty(store, options, progress=progress)
        counts = store.counts()
    return RunSummary(db=db, processed=processed, failed=tuple(failed + failed2), articles=counts["articles"],
                      stories=counts["stories"], briefs=briefs, seconds=time.monotonic() - start)


def reprocess(db: str | os.PathLike[str] = "crosswire.db", options: RunOptions | None = None, *,
              progress: ProgressFn | None = None) -> RunSummary:
    """Re-run every stage over every stored document (after upgrading crosswire): one command."""
    options = options or RunOptions()
    db = str(db)
    with run_lock(db, wait=options.wait_for_lock), Store(db) as store, store.transaction():
        for table in ("briefs", "story_articles", "stories", "links", "signatures", "extractions", "articles"):
            store.db.execute(f"DELETE FROM {table}")
        store.db.execute("DELETE FROM failures WHERE document_id IS NOT NULL")
        store.db.execute("UPDATE documents SET status='new'")
    return retry(db, options, progress=progress)
