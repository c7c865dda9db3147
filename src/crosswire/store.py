"""The only stateful part of crosswire: an embedded SQLite store.

Raw documents are kept byte for byte; every derived record is kept as JSON (see
:mod:`crosswire.serde`) beside the few columns that are queried. The schema upgrades
itself through named migrations recorded in ``_migrations``; WAL mode lets readers
(export, web UI) see a consistent snapshot while a run writes.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from . import records as r
from .errors import StoreBusyError, StoreError
from .serde import from_dict, to_dict

SCHEMA_VERSION = 3
# Ids per ``IN (...)`` query: well under SQLite's bound on host parameters (999 before 3.32).
_IN_CHUNK = 900
T = TypeVar("T")


def _script(db: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements inside the caller's transaction (executescript would commit)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _m001_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            media_type TEXT NOT NULL,
            raw BLOB NOT NULL,
            received_at TEXT NOT NULL,
            hints TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'new',  -- new, done, failed
            seq INTEGER
        );
        CREATE INDEX documents_status ON documents(status);
        CREATE TABLE failures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT,
            origin TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX failures_document ON failures(document_id);
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            published TEXT,
            title TEXT,
            body TEXT NOT NULL,
            data TEXT NOT NULL,
            stage TEXT NOT NULL DEFAULT 'clean'  -- last stage done: clean, extract, dedup, cluster
        );
        CREATE INDEX articles_stage ON articles(stage);
        CREATE TABLE extractions (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            data TEXT NOT NULL
        );
        CREATE TABLE links (
            article_id TEXT NOT NULL REFERENCES articles(id),
            kind TEXT NOT NULL,
            of_article_id TEXT NOT NULL,
            score REAL NOT NULL,
            evidence TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (article_id, kind)
        );
        CREATE TABLE signatures (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            params TEXT NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            headline TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            data TEXT NOT NULL,
            features TEXT,
            updated_at TEXT NOT NULL,
            dirty INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            story_id TEXT NOT NULL REFERENCES stories(id)
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);
        CREATE TABLE briefs (
            story_id TEXT PRIMARY KEY REFERENCES stories(id),
            data TEXT NOT NULL
        );
        CREATE TABLE kv (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def _m002_lookup_indexes(db: sqlite3.Connection) -> None:
    """Indexes the run's lookups need: the next document number (``max(seq)``) read by every insert
    was a scan of the whole documents table, raw bytes included (ingest grew quadratic), and an
    article's links are looked up from either end."""
    _script(
        db,
        """
        CREATE INDEX IF NOT EXISTS documents_seq ON documents(seq);
        CREATE INDEX IF NOT EXISTS links_of_article ON links(of_article_id);
        """
    )


def _m003_sketches(db: sqlite3.Connection) -> None:
    """What deduplication hashes of an article (:func:`crosswire.dedup.sketch`), made by the worker that
    extracted it and kept until the article is judged against the index (then its signature row holds
    what stays)."""
    _script(db, "CREATE TABLE IF NOT EXISTS sketches (article_id TEXT PRIMARY KEY REFERENCES articles(id), "
                "data BLOB NOT NULL)")


MIGRATIONS: tuple[tuple[str, Callable[[sqlite3.Connection], None]], ...] = (
    ("001_initial", _m001_initial),
    ("002_lookup_indexes", _m002_lookup_indexes),
    ("003_sketches", _m003_sketches),
)


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def record_json(obj: Any) -> str:
    """A record as the store keeps it (canonical JSON); workers call this so the writer only writes."""
    return json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _in_chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    """Distinct ``ids`` in slices small enough for one ``IN (...)`` query each."""
    items = list(dict.fromkeys(ids))
    for i in range(0, len(items), _IN_CHUNK):
        yield items[i : i + _IN_CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class Decoded(Mapping[str, T]):
    """Stored JSON records by id, each decoded the first time it is read (a step that needs a few of a
    batch's records pays for those only)."""

    def __init__(self, cls: type[T], rows: dict[str, str]) -> None:
        self._cls = cls
        self._rows = rows
        self._done: dict[str, T] = {}

    def __getitem__(self, key: str) -> T:
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = from_dict(self._cls, json.loads(self._rows[key]))
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class Store:
    """A crosswire store at ``path`` (``:memory:`` for tests).

    Use as a context manager; writes go through :meth:`transaction`.
    """

    def __init__(self, path: str | os.PathLike[str] = "crosswire.db", *, readonly: bool = False,
                 timeout: float = 30.0) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such store (run `crosswire run` first)")
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                          check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open store: {exc}") from None
        if not readonly:
            self.migrate()
        else:
            try:
                self._check_version()
            except sqlite3.DatabaseError as exc:  # a file that is not a database fails on first read
                raise StoreError(f"{self.path}: cannot open store: {exc}") from None

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    def _check_version(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema {version} is newer than this crosswire ({SCHEMA_VERSION})"
            )

    def schema_version(self) -> int:
        try:
            row = self.db.execute("SELECT count(*) FROM _migrations").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0])

    def migrate(self) -> list[str]:
        """Apply the named migrations not yet recorded; return their names."""
        try:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in self.db.execute("SELECT name FROM _migrations")}
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a crosswire store: {exc}") from None
        self._check_version()
        applied = []
        for name, fn in MIGRATIONS:
            if name in done:
                continue
            with self.transaction():
                if self.db.execute("SELECT 1 FROM _migrations WHERE name=?", (name,)).fetchone():
                    continue
                fn(self.db)
                self.db.execute("INSERT INTO _migrations VALUES (?, ?)", (name, now_iso()))
            applied.append(name)
        return applied

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE): all of it lands, or none of it."""
        deadline = time.monotonic() + 600
        while True:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise StoreError(f"{self.path}: {exc}") from None
                if time.monotonic() > deadline:
                    raise StoreBusyError(f"{self.path}: store is busy (another writer holds it)") from None
                time.sleep(0.2)
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # -- documents -------------------------------------------------------------------------
    def add_document(self, doc: r.Document) -> bool:
        """Store a document; False if the same bytes were stored before (a no-op)."""
        cur = self.db.execute(
            "INSERT OR IGNORE INTO documents (id, origin, media_type, raw, received_at, hints, status, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, 'new', (SELECT coalesce(max(seq), 0) + 1 FROM documents))",
            (doc.id, doc.origin, doc.media_type, doc.raw, doc.received_at, json.dumps(doc.hints)),
        )
        return cur.rowcount == 1

    def add_documents(self, docs: Iterable[r.Document]) -> int:
        """Store many documents in one statement; how many were new (the others were stored before)."""
        cur = self.db.executemany(
            "INSERT OR IGNORE INTO documents (id, origin, media_type, raw, received_at, hints, status, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, 'new', (SELECT coalesce(max(seq), 0) + 1 FROM documents))",
            [(d.id, d.origin, d.media_type, d.raw, d.received_at, json.dumps(d.hints)) for d in docs],
        )
        return max(cur.rowcount, 0)

    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def _doc(self, row: tuple[Any, ...]) -> r.Document:
        hints = tuple(tuple(h) for h in json.loads(row[5]))
        return r.Document(id=row[0], origin=row[1], media_type=row[2], raw=bytes(row[3]),
                          received_at=row[4], hints=hints)  # type: ignore[arg-type]

    def document(self, doc_id: str) -> r.Document | None:
        row = self.db.execute(
            "SELECT id, origin, media_type, raw, received_at, hints FROM documents WHERE id=?", (doc_id,)
        ).fetchone()
        return self._doc(row) if row else None

    def documents_by_id(self, ids: Iterable[str]) -> list[r.Document]:
        """The stored documents among ``ids``, in the order given (read in a few queries)."""
        ids = list(ids)
        rows: dict[str, tuple[Any, ...]] = {}
        for chunk in _in_chunks(ids):
            for row in self.db.execute(
                "SELECT id, origin, media_type, raw, received_at, hints FROM documents"
                f" WHERE id IN ({_marks(len(chunk))})", chunk
            ):
                rows[row[0]] = row
        return [self._doc(rows[i]) for i in ids if i in rows]

    def document_ids(self, status: str | None = None) -> list[str]:
        if status is None:
            rows = self.db.execute("SELECT id FROM documents ORDER BY seq")
        else:
            rows = self.db.execute("SELECT id FROM documents WHERE status=? ORDER BY seq", (status,))
        return [row[0] for row in rows]

    def documents(self, status: str | None = None) -> Iterator[r.Document]:
        for doc_id in self.document_ids(status):
            doc = self.document(doc_id)
            if doc is not None:
                yield doc

    def set_document_status(self, doc_id: str, status: str) -> None:
        self.db.execute("UPDATE documents SET status=? WHERE id=?", (status, doc_id))

    def set_document_statuses(self, rows: Iterable[tuple[str, str]]) -> None:
        """Set many statuses at once: (status, document id) pairs."""
        self.db.executemany("UPDATE documents SET status=? WHERE id=?", rows)

    def add_failure(self, failed: r.Failed) -> None:
        """Record a failure; the same failure met again (a re-run over the same bad input) is one row, dated
        by its last time."""
        self.db.execute("DELETE FROM failures WHERE document_id IS ? AND origin=? AND stage=? AND reason=?",
                        (failed.document_id, failed.origin, failed.stage, failed.reason))
        self.db.execute(
            "INSERT INTO failures (document_id, origin, stage, reason, at) VALUES (?, ?, ?, ?, ?)",
            (failed.document_id, failed.origin, failed.stage, failed.reason, now_iso()),
        )
        if failed.document_id:
            self.set_document_status(failed.document_id, "failed")

    def failures(self, *, current_only: bool = True) -> list[r.Failed]:
        sql = "SELECT document_id, origin, stage, reason FROM failures"
        if current_only:
            sql += (" WHERE document_id IS NULL OR document_id IN"
                    " (SELECT id FROM documents WHERE status='failed')")
        return [r.Failed(*row) for row in self.db.execute(sql + " ORDER BY id")]

    def clear_failures(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM failures WHERE document_id=?", (doc_id,))

    # -- articles --------------------------------------------------------------------------
    def put_article(self, article: r.Article, stage: str = "clean") -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO articles (id, document_id, published, title, body, data, stage)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.document_id, article.published.value, article.title, article.text,
             record_json(article), stage),
        )

    def put_article_rows(self, rows: Iterable[tuple[str, str, str | None, str | None, str, str, str]]) -> None:
        """Store articles already serialised: (id, document_id, published, title, text, record_json, stage)."""
        self.db.executemany(
            "INSERT OR REPLACE INTO articles (id, document_id, published, title, body, data, stage)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def set_article_stage(self, article_ids: Iterable[str], stage: str) -> None:
        self.db.executemany("UPDATE articles SET stage=? WHERE id=?", [(stage, a) for a in article_ids])

    def article(self, article_id: str) -> r.Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return from_dict(r.Article, json.loads(row[0])) if row else None

    def article_ids(self, stage: str | None = None) -> list[str]:
        sql = "SELECT a.id FROM articles a JOIN documents d ON d.id = a.document_id"
        args: tuple[Any, ...] = ()
        if stage is not None:
            sql += " WHERE a.stage=?"
            args = (stage,)
        return [row[0] for row in self.db.execute(sql + " ORDER BY d.seq", args)]

    def articles(self, ids: Iterable[str] | None = None) -> list[r.Article]:
        """The stored articles among ``ids`` (all, in document order, when None), in the order given."""
        ids = self.article_ids() if ids is None else list(ids)
        data: dict[str, str] = {}
        for chunk in _in_chunks(ids):
            data.update(self.db.execute(f"SELECT id, data FROM articles WHERE id IN ({_marks(len(chunk))})", chunk))
        built: dict[str, r.Article] = {}
        out = []
        for article_id in ids:
            if article_id in data:
                art = built.get(article_id)
                if art is None:
                    art = built[article_id] = from_dict(r.Article, json.loads(data[article_id]))
                out.append(art)
        return out

    def publication_order(self, ids: Iterable[str]) -> list[str]:
        """``ids`` sorted by publication date (undated last), then id."""
        ids = list(ids)
        published: dict[str, str | None] = {}
        for chunk in _in_chunks(ids):
            published.update(self.db.execute(
                f"SELECT id, published FROM articles WHERE id IN ({_marks(len(chunk))})", chunk))
        return [a for _, a in sorted((published.get(a) or "9999", a) for a in ids)]

    def search_articles(self, query: str, limit: int = 200) -> list[str]:
        like = f"%{query}%"
        rows = self.db.execute(
            "SELECT id FROM articles WHERE title LIKE ? OR body LIKE ? LIMIT ?", (like, like, limit)
        )
        return [row[0] for row in rows]

    # -- extractions -----------------------------------------------------------------------
    def put_extraction(self, ex: r.Extraction) -> None:
        self.db.execute("INSERT OR REPLACE INTO extractions VALUES (?, ?)", (ex.article_id, record_json(ex)))

    def put_extraction_rows(self, rows: Iterable[tuple[str, str]]) -> None:
        """Store extractions already serialised: (article_id, record_json)."""
        self.db.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?)", rows)

    def extraction(self, article_id: str) -> r.Extraction | None:
        row = self.db.execute("SELECT data FROM extractions WHERE article_id=?", (article_id,)).fetchone()
        return from_dict(r.Extraction, json.loads(row[0])) if row else None

    def extractions(self, article_ids: Iterable[str]) -> dict[str, r.Extraction]:
        """The stored extractions of ``article_ids`` by article id, in the order given."""
        return dict(self.lazy_extractions(article_ids).items())

    def lazy_extractions(self, article_ids: Iterable[str]) -> Decoded[r.Extraction]:
        """:meth:`extractions`, each decoded when first read."""
        ids = list(article_ids)
        data: dict[str, str] = {}
        for chunk in _in_chunks(ids):
            data.update(self.db.execute(
                f"SELECT article_id, data FROM extractions WHERE article_id IN ({_marks(len(chunk))})", chunk))
        return Decoded(r.Extraction, {a: data[a] for a in ids if a in data})

    # -- links and signatures --------------------------------------------------------------
    def put_link(self, link: r.Link) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?)",
            (link.article_id, link.kind, link.of_article_id, link.score, link.evidence),
        )

    def links(self, article_ids: Iterable[str] | None = None) -> list[r.Link]:
        """Copy links (of ``article_ids`` only, when given), in the order they were stored."""
        if article_ids is None:
            rows = self.db.execute("SELECT article_id, of_article_id, kind, score, evidence FROM links ORDER BY rowid")
            return [r.Link(*row) for row in rows]
        found: list[tuple[Any, ...]] = []
        for chunk in _in_chunks(article_ids):
            found += self.db.execute(
                "SELECT rowid, article_id, of_article_id, kind, score, evidence FROM links"
                f" WHERE article_id IN ({_marks(len(chunk))})", chunk)
        found.sort()
        return [r.Link(*row[1:]) for row in found]

    def put_signature(self, article_id: str, params: dict[str, Any], data: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?, ?)",
                        (article_id, json.dumps(params, sort_keys=True), data))

    def signatures(self) -> Iterator[tuple[str, dict[str, Any], bytes]]:
        for row in self.db.execute("SELECT article_id, params, data FROM signatures ORDER BY rowid"):
            yield row[0], json.loads(row[1]), bytes(row[2])

    def put_sketch_rows(self, rows: Iterable[tuple[str, bytes]]) -> None:
        """Store dedup sketches made with the articles: (article_id, data)."""
        self.db.executemany("INSERT OR REPLACE INTO sketches VALUES (?, ?)", rows)

    def sketches(self, article_ids: Iterable[str]) -> dict[str, bytes]:
        """The stored sketches of ``article_ids`` (those that have one) by article id."""
        found: dict[str, bytes] = {}
        for chunk in _in_chunks(article_ids):
            found.update((a, bytes(d)) for a, d in self.db.execute(
                f"SELECT article_id, data FROM sketches WHERE article_id IN ({_marks(len(chunk))})", chunk))
        return found

    def delete_sketches(self, article_ids: Iterable[str]) -> None:
        for chunk in _in_chunks(article_ids):
            self.db.execute(f"DELETE FROM sketches WHERE article_id IN ({_marks(len(chunk))})", chunk)

    # -- stories and briefs ----------------------------------------------------------------
    def put_story(self, story: r.Story, features: Any = None, members: Iterable[str] | None = None) -> None:
        """Store ``story`` (and its clustering ``features``). ``members``: the articles whose membership changed
        (joined it, or moved in from a story merged into it); None writes every article's (a new store, a
        story written whole). Writing only what changed keeps a batch's cost independent of the story's size."""
        self.db.execute(
            "INSERT OR REPLACE INTO stories (id, headline, first_seen, last_seen, data, features,"
            " updated_at, dirty) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            (story.id, story.headline, story.first_seen, story.last_seen, record_json(story),
             json.dumps(features) if features is not None else None, now_iso()),
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO story_articles VALUES (?, ?)",
            [(a, story.id) for a in (story.article_ids if members is None else members)],
        )

    def story_article_ids(self, story_id: str) -> list[str]:
        """The articles the store lists in story ``story_id``."""
        return [row[0] for row in self.db.execute("SELECT article_id FROM story_articles WHERE story_id=?",
                                                  (story_id,))]

    def delete_story(self, story_id: str) -> None:
        self.db.execute("DELETE FROM briefs WHERE story_id=?", (story_id,))
        self.db.execute("DELETE FROM story_articles WHERE story_id=?", (story_id,))
        self.db.execute("DELETE FROM stories WHERE id=?", (story_id,))

    def story(self, story_id: str) -> r.Story | None:
        row = self.db.execute("SELECT data FROM stories WHERE id=?", (story_id,)).fetchone()
        return from_dict(r.Story, json.loads(row[0])) if row else None

    def stories(self) -> list[r.Story]:
        rows = self.db.execute("SELECT data FROM stories ORDER BY first_seen, id")
        return [from_dict(r.Story, json.loads(row[0])) for row in rows]

    def story_features(self) -> Iterator[tuple[r.Story, Any]]:
        for data, feats in self.db.execute("SELECT data, features FROM stories ORDER BY rowid"):
            yield from_dict(r.Story, json.loads(data)), (json.loads(feats) if feats else None)

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM story_articles WHERE article_id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def story_sizes(self, story_ids: Iterable[str]) -> dict[str, int]:
        """How many articles each of ``story_ids`` has."""
        sizes: dict[str, int] = {}
        for chunk in _in_chunks(story_ids):
            sizes.update(self.db.execute(
                f"SELECT story_id, count(*) FROM story_articles WHERE story_id IN ({_marks(len(chunk))})"
                " GROUP BY story_id", chunk))
        return sizes

    def dirty_story_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT id FROM stories WHERE dirty=1 ORDER BY id")]

    def put_brief(self, brief: r.Brief) -> None:
        self.put_brief_json(brief.story.id, record_json(brief))

    def put_brief_json(self, story_id: str, data: str) -> None:
        """Store a brief already serialised (:func:`record_json`); the story is then up to date."""
        self.db.execute("INSERT OR REPLACE INTO briefs VALUES (?, ?)", (story_id, data))
        self.db.execute("UPDATE stories SET dirty=0 WHERE id=?", (story_id,))

    def brief(self, story_id: str) -> r.Brief | None:
        row = self.db.execute("SELECT data FROM briefs WHERE story_id=?", (story_id,)).fetchone()
        return from_dict(r.Brief, json.loads(row[0])) if row else None

    # -- key/value state -------------------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM kv WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set(self, key: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO kv VALUES (?, ?)", (key, json.dumps(value)))

    # -- health ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "articles", "extractions", "links", "stories", "briefs", "failures"):
            out[table] = int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        out["failed_documents"] = int(
            self.db.execute("SELECT count(*) FROM documents WHERE status='failed'").fetchone()[0]
        )
        return out

    def integrity_check(self) -> list[str]:
        return [row[0] for row in self.db.execute("PRAGMA integrity_check")]
