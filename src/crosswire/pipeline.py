"""Wires the stages together over a store: ingest → clean → extract → dedup → cluster → reconcile → brief.

Per-document stages (clean, extract) are stateless and run in a process pool with
``jobs > 1``; the two global steps (dedup against everything seen, story assignment)
run in publication order in this process, against indexes rebuilt from the store; then
the pool's workers brief the changed stories, each reading its stories from the store.
Workers serialise what they make; this process only writes. Every batch is written in
one transaction, so a run killed at any point resumes where it stopped and never
processes a document twice.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import importlib
import json
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from . import records as r
from .brief import BriefOptions, brief, sources_of
from .clean import CleanContext, CleanOptions, build_context, clean
from .cluster import ClusterOptions, StoryIndex, article_terms, cluster, originals
from .dating import story_dates
from .dedup import DedupIndex, DedupOptions, dedup, sketch
from .errors import ConfigError, DocumentError, StoreBusyError
from .event import EventOptions, event_record
from .extract import ExtractOptions, extract
from .extract.attribution import link_descriptions, normalise_source
from .ingest import IngestOptions, ingest
from .reconcile import ReconcileOptions, reconcile
from .serde import from_dict
from .store import Store, record_json

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
    checkpoint_seconds: float = 20.0  # the group phase stores its decisions this often (and at its end)
    wait_for_lock: bool = True

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ConfigError(f"jobs must be >= 1, not {self.jobs}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, not {self.batch_size}")
        if self.checkpoint_seconds < 0:
            raise ConfigError(f"checkpoint_seconds must be >= 0, not {self.checkpoint_seconds}")


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


ArticleRow = tuple[str, str, str | None, str | None, str, str, str]  # what Store.put_article_rows takes
# One processed document, ready to write: (document id, article row, extraction JSON, dedup sketch) or a
# Failed.
Processed = tuple[str, ArticleRow, str, bytes] | r.Failed


def article_row(article: r.Article, stage: str) -> ArticleRow:
    return (article.id, article.document_id, article.published.value, article.title, article.text,
            record_json(article), stage)


def process_documents(docs: Sequence[r.Document], options: RunOptions,
                      context: CleanContext | None, *, describe: bool = False) -> list[Processed]:
    """clean + extract a share of a batch, and hash each article for deduplication (its sketch), serialised
    where it runs (in a worker: the writer only writes, the ordered judgement only compares). ``describe``:
    sketches with facts and paragraphs (a band join needs them; else the judgement describes the originals)."""
    out: list[Processed] = []
    for doc in docs:
        article, extraction, fail = process_document(doc, options, context)
        if fail is None:
            assert article is not None and extraction is not None
            try:
                signed = sketch(article, options.dedup, describe=describe)
            except Exception as exc:  # one bad document never stops the batch
                fail = r.Failed(doc.id, doc.origin, "dedup", f"internal error: {type(exc).__name__}: {exc}")
        if fail is not None:
            out.append(fail)
        else:
            assert article is not None and extraction is not None
            out.append((doc.id, article_row(article, "extract"), record_json(extraction), signed))
    return out


def write_processed(store: Store, results: Sequence[Processed], failed: list[r.Failed]) -> None:
    """Store processed documents (one transaction): articles, extractions, sketches, statuses; failures go to
    ``failed`` too."""
    articles: list[ArticleRow] = []
    extractions: list[tuple[str, str]] = []
    sketches: list[tuple[str, bytes]] = []
    finished: list[tuple[str, str]] = []
    with store.transaction():
        for result in results:
            if isinstance(result, r.Failed):
                store.add_failure(result)
                failed.append(result)
                continue
            doc_id, row, extraction, signed = result
            articles.append(row)
            extractions.append((row[0], extraction))
            sketches.append((row[0], signed))
            finished.append(("done", doc_id))
        store.put_article_rows(articles)
        store.put_extraction_rows(extractions)
        store.put_sketch_rows(sketches)
        store.set_document_statuses(finished)


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _shares(items: Sequence[Any], n: int) -> list[Sequence[Any]]:
    """``items`` cut in ``n`` contiguous shares of near-equal size (fewer when there are fewer items)."""
    size = max(1, -(-len(items) // max(1, n)))
    return list(_chunks(items, size))


# -- the process pool: forked once per run, used by clean+extract and by briefing ---------------
@dataclass
class _WorkerState:
    options: RunOptions
    db: str | None
    store: Store | None = None

    def reader(self) -> Store:
        """This worker's read-only connection to the run's store (WAL: it sees every committed batch)."""
        if self.store is None:
            assert self.db is not None
            self.store = Store(self.db, readonly=True)
        return self.store


_worker: _WorkerState | None = None  # set in each worker process by its initializer, never in the parent


def _init_worker(options: RunOptions, db: str | None, parent: int) -> None:
    global _worker
    _worker = _WorkerState(options, db)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker outlives a killed run otherwise (it waits on its task queue forever)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _started() -> int:
    return os.getpid()


def _worker_process(docs: Sequence[r.Document], context: CleanContext | None) -> list[Processed]:
    assert _worker is not None
    return process_documents(docs, _worker.options, context)


def _worker_terms(article_ids: Sequence[str]) -> dict[str, dict[str, float]]:
    assert _worker is not None
    store = _worker.reader()
    extractions = store.lazy_extractions(article_ids)
    return {a.id: article_terms(a, extractions.get(a.id), _worker.options.cluster)
            for a in store.articles(article_ids)}


def _worker_brief(story_ids: Sequence[str]) -> list[Briefed]:
    assert _worker is not None
    return brief_stories(_worker.reader(), story_ids, _worker.options)


# Immutable tables the stages build on first use (``lru_cache`` of one value each, pure: building one
# early changes no result). Each worker building its own copy paid ~3.4 s of CPU (gazetteer ~1.5 s,
# admin1 names ~0.5 s, units ~0.3 s, towns ~1.2 s); built once in the parent before the fork, the
# workers share them. (module, function) pairs; one that no longer exists is skipped.
SHARED_TABLES = (
    ("crosswire.extract.gazetteer", "_tables"),
    ("crosswire.extract.gazetteer", "_admin1_names"),
    ("crosswire.extract.gazetteer", "_region_keys"),
    ("crosswire.extract.quantities", "_registry"),
    ("crosswire.event.towns", "_towns"),
)


def warm_tables(tables: Sequence[tuple[str, str]] = SHARED_TABLES) -> None:
    """Build ``tables`` in this process now instead of on first use."""
    for module, name in tables:
        loader = getattr(importlib.import_module(module), name, None)
        if callable(loader):
            loader()


def open_pool(options: RunOptions, db: str | None = None) -> ProcessPoolExecutor | None:
    """The worker processes of a run (None with ``jobs == 1``); ``db`` lets them read stories themselves
    when briefing.

    Workers are forked (they start with this process's imports) and started here, at once: call this
    before opening the store or taking the run lock, so no worker inherits either (SQLite state must
    not cross a fork; a worker holding the lock would outlive a killed run's lock). A worker exits
    when this process dies."""
    if options.jobs < 2:
        return None
    warm_tables()
    pool = ProcessPoolExecutor(max_workers=options.jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_init_worker,
                               initargs=(options, db if db != ":memory:" else None, os.getpid()))
    pool.submit(_started).result()  # a fork pool starts all its workers on the first task
    return pool


@contextlib.contextmanager
def _pool_for(options: RunOptions, pool: ProcessPoolExecutor | None, db: str | None,
              needed: bool) -> Iterator[ProcessPoolExecutor | None]:
    """``pool`` when given; else one of this phase's own (when it has enough work for one)."""
    if pool is not None or not needed:
        yield pool
        return
    own = open_pool(options, db)
    try:
        yield own
    finally:
        if own is not None:
            own.shutdown(cancel_futures=True)


# -- phases -----------------------------------------------------------------------------------
def ingest_into(store: Store, sources: Sequence[str], options: RunOptions, *, stdin: BinaryIO | None = None,
                progress: ProgressFn | None = None) -> tuple[int, int, list[r.Failed]]:
    new = unchanged = 0
    failed: list[r.Failed] = []
    pending: list[r.Document | r.Failed] = []

    def flush() -> None:
        nonlocal new, unchanged
        docs = [item for item in pending if isinstance(item, r.Document)]
        with store.transaction():
            for item in pending:
                if isinstance(item, r.Failed):
                    store.add_failure(item)
                    failed.append(item)
            added = store.add_documents(docs) if docs else 0
        new += added
        unchanged += len(docs) - added
        pending.clear()
        if progress:
            progress("ingest", new + unchanged + len(failed), None)

    for item in ingest(sources, options.ingest, stdin=stdin):
        pending.append(item)
        if len(pending) >= options.batch_size:
            flush()
    flush()
    return new, unchanged, failed


def process_pending(store: Store, options: RunOptions, *, progress: ProgressFn | None = None,
                    pool: ProcessPoolExecutor | None = None) -> tuple[int, list[r.Failed]]:
    """clean + extract every stored document not yet processed, one transaction per batch.

    With a pool, the next batch is read, its context built and its work handed out before the
    current batch is written, so the workers never wait for the writer."""
    ids = store.document_ids("new")
    done = 0
    failed: list[r.Failed] = []
    inflight: deque[tuple[list[r.Document], list[Future[list[Processed]]]]] = deque()

    def start(chunk: Sequence[str], pool: ProcessPoolExecutor) -> None:
        docs = store.documents_by_id(chunk)
        context = build_context(docs, options.clean)
        futures = [pool.submit(_worker_process, share, context) for share in _shares(docs, 4 * options.jobs)]
        inflight.append((docs, futures))

    def write(docs: Sequence[r.Document], results: Sequence[Processed]) -> None:
        nonlocal done
        write_processed(store, results, failed)
        done += len(docs)
        if progress:
            progress("clean+extract", done, len(ids))

    batches = list(_chunks(ids, options.batch_size))
    with _pool_for(options, pool, None, len(ids) > 1) as workers:
        if workers is None:
            for chunk in batches:
                docs = store.documents_by_id(chunk)
                write(docs, process_documents(docs, options, build_context(docs, options.clean)))
            return done, failed
        try:
            for chunk in batches:
                start(chunk, workers)
                if len(inflight) > 1:
                    docs, futures = inflight.popleft()
                    write(docs, [res for fut in futures for res in fut.result()])
            while inflight:
                docs, futures = inflight.popleft()
                write(docs, [res for fut in futures for res in fut.result()])
        finally:
            for _, futures in inflight:
                for fut in futures:
                    fut.cancel()
    return done, failed


@dataclass
class _Grouped:
    """What the group phase decided since its last checkpoint, not yet in the store."""

    articles: list[str] = field(default_factory=list)
    links: list[r.Link] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)  # stories created or grown
    merged: list[str] = field(default_factory=list)  # stories merged into others


def _checkpoint(store: Store, index: DedupIndex, stories: StoryIndex, grouped: _Grouped) -> None:
    """Store what the group phase decided since the last checkpoint, in one transaction: the articles'
    signatures and links, the stories they changed (each once, as it stands now), the membership of
    every article that moved, and the articles' stage. A run killed before it resumes from the last one."""
    with store.transaction():
        moved = list(grouped.articles)  # whose membership rows change: these and the merged stories'
        for story_id in grouped.merged:
            moved += store.story_article_ids(story_id)  # empty for a story opened since the last checkpoint
            store.delete_story(story_id)
        members: dict[str, list[str]] = {}
        for aid in moved:
            if (sid := stories.story_of(aid)) is not None:
                members.setdefault(sid, []).append(aid)
        for row in index.rows(grouped.articles):
            store.put_signature(*row)
        for link in grouped.links:
            store.put_link(link)
        for story_id in sorted(grouped.changed):
            if story_id in stories:  # else merged into another since
                store.put_story(stories.story(story_id), stories.features(story_id),
                                members=members.get(story_id, []))
        store.set_article_stage(grouped.articles, "cluster")
        store.delete_sketches(grouped.articles)


@dataclass
class _Judged:
    """A batch whose copies are judged, waiting to be placed in stories; ``terms``: its articles' terms, made
    by the pool meanwhile (None without a pool)."""

    articles: list[r.Article]
    links: list[r.Link]
    terms: list[Future[dict[str, dict[str, float]]]]


def _story_terms(pool: ProcessPoolExecutor | None, articles: Sequence[r.Article], links: Sequence[r.Link],
                 options: RunOptions) -> list[Future[dict[str, dict[str, float]]]]:
    """The pool's workers make the clustering terms of the articles that are no copy (a copy joins its
    original's story and needs none) while this process judges the next batch's copies."""
    if pool is None:
        return []
    copies = originals(links, options.cluster)
    return [pool.submit(_worker_terms, share)
            for share in _shares([a.id for a in articles if a.id not in copies], options.jobs)]


def group_pending(store: Store, options: RunOptions, *, progress: ProgressFn | None = None,
                  shared_bands: Mapping[str, Sequence[bytes]] | None = None,
                  pool: ProcessPoolExecutor | None = None) -> int:
    """dedup and cluster the articles not yet in a story, in publication order, online. ``shared_bands``:
    the result of a band join over these articles made elsewhere (see :meth:`DedupIndex.use_band_join`).
    ``pool``: workers (reading the store) that make the clustering terms of each batch while this process
    judges the copies of the next.

    The indexes live in memory for the whole phase; what they decide is stored at checkpoints, at most
    ``options.checkpoint_seconds`` apart and at the end. Storing a grown story rewrites its features, which
    grow with it: once per batch, a long run's writes would grow with the square of its size. Where the
    checkpoints fall changes nothing stored at the end."""
    ids = store.publication_order(store.article_ids(stage="extract"))
    if not ids:
        return 0
    index = DedupIndex.from_rows(store.signatures(), options.dedup)
    if shared_bands is not None:
        index.use_band_join(shared_bands)
    stories = StoryIndex.from_stored(store.story_features(), options.cluster)
    if pool is not None and store.path == ":memory:":
        pool = None  # the workers read the articles from the store's file
    done = 0
    grouped = _Grouped()
    saved = time.monotonic()

    def place(judged: _Judged) -> None:
        nonlocal done
        articles = judged.articles
        terms = {k: v for fut in judged.terms for k, v in fut.result().items()} if judged.terms else None
        # read only for the articles whose terms the workers did not make
        extractions = store.lazy_extractions([a.id for a in articles if terms is None or a.id not in terms])
        grouped.changed.update(story.id for story in cluster(articles, extractions, judged.links, stories, terms))
        grouped.merged.extend(stories.take_removed())  # their articles moved with them into other stories
        grouped.articles.extend(a.id for a in articles)
        grouped.links.extend(judged.links)
        done += len(articles)

    def report() -> None:
        if progress:
            progress("dedup+cluster", done, len(ids))

    waiting: _Judged | None = None  # judged for copies, not yet in stories
    try:
        for chunk in _chunks(ids, options.batch_size):
            articles = store.articles(chunk)
            links = dedup(articles, index, store.sketches(chunk))
            judged = _Judged(articles, links, _story_terms(pool, articles, links, options))
            if waiting is not None:
                place(waiting)
                report()
            waiting = judged
            if done + len(articles) == len(ids) or time.monotonic() - saved >= options.checkpoint_seconds:
                place(waiting)  # a checkpoint stores whole batches, judged and placed
                waiting = None
                _checkpoint(store, index, stories, grouped)
                grouped, saved = _Grouped(), time.monotonic()
                report()
    finally:
        for fut in waiting.terms if waiting is not None else ():
            fut.cancel()
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
    """The brief of ``story`` from what the store holds of it."""
    given = read_story(store, story)
    return brief_of(story, {a.id: a for a in given.articles}, given.extractions, given.links, options)


def brief_of(story: r.Story, articles: dict[str, r.Article], extractions: dict[str, r.Extraction],
             links: Sequence[r.Link], options: RunOptions) -> r.Brief:
    """The brief of ``story`` from its articles, their extractions and copy links (both by article id,
    in story order)."""
    extractions = resolve_originators(extractions)
    sources = sources_of(story, articles, links)
    facts = reconcile(story, [extractions[a] for a in story.article_ids if a in extractions], sources,
                      options.reconcile, articles=list(articles.values()))
    result = brief(story, facts, articles, extractions, sources, options.brief)
    record = event_record(story, facts, articles, extractions, sources, options.event)
    return dataclasses.replace(result, event=record)


def _lede_toll(extraction: r.Extraction | None) -> float:
    """The first firm count of people killed an article gives (its lede's toll), 0 when none."""
    for c in extraction.claims if extraction is not None else ():
        if c.measure == "killed" and c.unit == "person" and not c.vague and not c.negated and c.order != "earlier" \
                and c.other_event is None and (c.low is not None or c.high is not None):
            return c.low if c.low is not None else c.high or 0.0
    return 0.0


def dated_articles(articles: Sequence[r.Article], options: RunOptions,
                   extractions: Mapping[str, r.Extraction] | None = None) -> list[tuple[r.Article, r.Extraction]]:
    """The story's undated articles dated from the story (see :mod:`crosswire.dating`), each with its
    new extraction (re-extracted, so its relative dates and claims' as_of resolve). ``extractions`` (by article
    id): an undated article whose lede's toll stands above every dated article's is dated from the latest of
    them (it was written after them all)."""
    dates = story_dates(articles)
    dated_tolls = [(a.published.value or "", _lede_toll((extractions or {}).get(a.id))) for a in articles
                   if a.published.value and not a.published.evidence.startswith("inferred")]
    highest = max((t for _, t in dated_tolls), default=0.0)
    if dated_tolls and max(dated_tolls)[1] < highest:
        highest = 0.0  # the last dated report's toll is below an earlier one's (a count revised down, settled): a
        # higher figure no longer says its undated report came after them all
    out = []
    for article in articles:
        ahead = bool(extractions) and highest > 0 and _lede_toll(extractions.get(article.id)) > highest
        published = dates.infer(article, ahead)
        if published is None:
            continue
        dated = dataclasses.replace(article, published=published)
        out.append((dated, extract(dated, options.extract)))
    return out


def date_undated(store: Store, story: r.Story, options: RunOptions) -> None:
    """Date the story's undated articles from the story and store them with their new extractions."""
    for dated, extraction in dated_articles(store.articles(story.article_ids), options,
                                            store.extractions(story.article_ids)):
        store.put_article(dated, stage="cluster")
        store.put_extraction(extraction)


# A briefed story, ready to write: (story id, dated article rows, their extraction rows, brief JSON,
# failure). The brief is None (and nothing is written) for a story no longer stored.
Briefed = tuple[str, list[ArticleRow], list[tuple[str, str]], str | None, r.Failed | None]


def _story_failure(story_id: str, exc: Exception) -> r.Failed:
    return r.Failed(None, f"story:{story_id}", "brief", f"internal error: {type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class StoryInput:
    """What briefing a story reads from the store: the story, its articles, their extractions and copy
    links (picklable: a Dask worker briefs it without the store)."""

    story: r.Story
    articles: list[r.Article]
    extractions: dict[str, r.Extraction]
    links: list[r.Link]


def read_story(store: Store, story: r.Story) -> StoryInput:
    """What the store holds of ``story``'s articles."""
    return StoryInput(story, store.articles(story.article_ids), store.extractions(story.article_ids),
                      store.links(story.article_ids))


def story_input(store: Store, story_id: str) -> StoryInput | None:
    """The :class:`StoryInput` of ``story_id``, None when the store no longer holds it."""
    story = store.story(story_id)
    return read_story(store, story) if story is not None else None


def brief_input(story_id: str, given: StoryInput | None, options: RunOptions) -> Briefed:
    """Date and brief one story from what the store holds of it: what :func:`date_undated` then
    :func:`brief_story` would store, as rows for the writer.

    Dated articles and their extractions go through their stored JSON before the brief reads them,
    so the brief is made from exactly what a reader of the store gets back."""
    if given is None:
        return (story_id, [], [], None, None)
    try:
        story = given.story
        rows: list[ArticleRow] = []
        extraction_rows: list[tuple[str, str]] = []
        redone: dict[str, r.Extraction] = {}
        by_id = {a.id: a for a in given.articles}
        for dated, extraction in dated_articles(given.articles, options, given.extractions):
            rows.append(article_row(dated, "cluster"))
            extraction_rows.append((dated.id, record_json(extraction)))
            by_id[dated.id] = from_dict(r.Article, json.loads(rows[-1][5]))
            redone[dated.id] = from_dict(r.Extraction, json.loads(extraction_rows[-1][1]))
        stored = given.extractions
        extractions = {a: redone[a] if a in redone else stored[a] for a in story.article_ids
                       if a in redone or a in stored}
        result = brief_of(story, by_id, extractions, given.links, options)
        return (story_id, rows, extraction_rows, record_json(result), None)
    except Exception as exc:  # one bad story never stops the others
        return (story_id, [], [], None, _story_failure(story_id, exc))


def brief_stories(store: Store, story_ids: Sequence[str], options: RunOptions) -> list[Briefed]:
    """:func:`brief_input` of each of ``story_ids``, reading ``store`` only (a worker's read-only
    connection)."""
    out: list[Briefed] = []
    for story_id in story_ids:
        try:
            given = story_input(store, story_id)
        except Exception as exc:  # a story that cannot be read is recorded, the others go on
            out.append((story_id, [], [], None, _story_failure(story_id, exc)))
            continue
        out.append(brief_input(story_id, given, options))
    return out


def write_briefed(store: Store, results: Sequence[Briefed], failed: list[r.Failed]) -> int:
    """Store briefed stories (one transaction); failures go to ``failed``. Returns the briefs written."""
    done = 0
    with store.transaction():
        for story_id, rows, extraction_rows, brief_json, fail in results:
            if fail is not None:
                store.add_failure(fail)
                failed.append(fail)
            elif brief_json is not None:
                store.put_article_rows(rows)
                store.put_extraction_rows(extraction_rows)
                store.put_brief_json(story_id, brief_json)
                done += 1
    return done


def brief_tasks(store: Store, ids: Sequence[str], articles_per_task: int) -> Iterator[list[str]]:
    """Story ids in order, cut into tasks of about ``articles_per_task`` articles (a big story alone)."""
    sizes = store.story_sizes(ids)
    task: list[str] = []
    weight = 0
    for story_id in ids:
        task.append(story_id)
        weight += sizes.get(story_id, 0) + 1
        if weight >= articles_per_task:
            yield task
            task, weight = [], 0
    if task:
        yield task


def brief_dirty(store: Store, options: RunOptions, *, progress: ProgressFn | None = None,
                pool: ProcessPoolExecutor | None = None) -> tuple[int, list[r.Failed]]:
    """Brief every story whose articles changed. A story that cannot be briefed is recorded as failed (stage
    ``brief``, origin ``story:<id>``) and left to the next run; the other stories go on.

    With a pool (and a store on disk), workers read and brief stories side by side and this process
    writes each task's results in one transaction."""
    ids = store.dirty_story_ids()
    failed: list[r.Failed] = []
    done = 0
    # Workers read the store: only those of a pool opened before it (see open_pool), with a file to read.
    if pool is None or store.path == ":memory:" or len(ids) < 2:
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
                fail = _story_failure(story_id, exc)
                with store.transaction():
                    store.add_failure(fail)
                failed.append(fail)
            if progress:
                progress("brief", n, len(ids))
        return done, failed

    finished = 0
    inflight: deque[tuple[int, Future[list[Briefed]]]] = deque()

    def write(count: int, results: list[Briefed]) -> None:
        nonlocal done, finished
        done += write_briefed(store, results, failed)
        finished += count
        if progress:
            progress("brief", finished, len(ids))

    try:
        for task in brief_tasks(store, ids, max(16, options.batch_size // 4)):
            inflight.append((len(task), pool.submit(_worker_brief, task)))
            if len(inflight) > 2 * options.jobs:
                count, fut = inflight.popleft()
                write(count, fut.result())
        while inflight:
            count, fut = inflight.popleft()
            write(count, fut.result())
    finally:
        for _, fut in inflight:
            fut.cancel()
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
    with _pool_for(options, None, db, True) as pool, run_lock(db, wait=options.wait_for_lock, on_wait=on_wait), \
            Store(db) as store:
        new, unchanged, failed = ingest_into(store, sources, options, stdin=stdin, progress=progress)
        processed, failed2 = process_pending(store, options, progress=progress, pool=pool)
        group_pending(store, options, progress=progress, pool=pool)
        briefs, failed3 = brief_dirty(store, options, progress=progress, pool=pool)
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
    with _pool_for(options, None, db, True) as pool, run_lock(db, wait=options.wait_for_lock), \
            Store(db) as store:
        with store.transaction():
            for doc_id in store.document_ids("failed"):
                store.clear_failures(doc_id)
                store.set_document_status(doc_id, "new")
        processed, failed = process_pending(store, options, progress=progress, pool=pool)
        group_pending(store, options, progress=progress, pool=pool)
        briefs, failed2 = brief_dirty(store, options, progress=progress, pool=pool)
        counts = store.counts()
    return RunSummary(db=db, processed=processed, failed=tuple(failed + failed2), articles=counts["articles"],
                      stories=counts["stories"], briefs=briefs, seconds=time.monotonic() - start)


def reprocess(db: str | os.PathLike[str] = "crosswire.db", options: RunOptions | None = None, *,
              progress: ProgressFn | None = None) -> RunSummary:
    """Re-run every stage over every stored document (after upgrading crosswire): one command."""
    options = options or RunOptions()
    db = str(db)
    with run_lock(db, wait=options.wait_for_lock), Store(db) as store, store.transaction():
        for table in ("briefs", "story_articles", "stories", "links", "signatures", "sketches", "extractions",
                      "articles"):
            store.db.execute(f"DELETE FROM {table}")
        store.db.execute("DELETE FROM failures WHERE document_id IS NOT NULL")
        store.db.execute("UPDATE documents SET status='new'")
    return retry(db, options, progress=progress)
