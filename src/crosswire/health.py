"""Store health for ``crosswire doctor``: integrity, schema version, orphaned rows, failures."""

from __future__ import annotations

from typing import Any

from .store import SCHEMA_VERSION, Store

ORPHAN_QUERIES = {
    "articles": "SELECT count(*) FROM articles WHERE document_id NOT IN (SELECT id FROM documents)",
    "extractions": "SELECT count(*) FROM extractions WHERE article_id NOT IN (SELECT id FROM articles)",
    "links": "SELECT count(*) FROM links WHERE article_id NOT IN (SELECT id FROM articles)"
             " OR of_article_id NOT IN (SELECT id FROM articles)",
    "members": "SELECT count(*) FROM story_articles WHERE story_id NOT IN (SELECT id FROM stories)"
               " OR article_id NOT IN (SELECT id FROM articles)",
    "briefs": "SELECT count(*) FROM briefs WHERE story_id NOT IN (SELECT id FROM stories)",
    "sketches": "SELECT count(*) FROM sketches WHERE article_id NOT IN (SELECT id FROM articles)",
    "unfiled": "SELECT count(*) FROM articles WHERE stage='cluster' AND id NOT IN"
               " (SELECT article_id FROM story_articles)",
}


def check(store: Store) -> dict[str, Any]:
    """A JSON-able report; ``ok`` is False when the store needs attention."""
    integrity = store.integrity_check()
    orphans = {name: int(store.db.execute(sql).fetchone()[0]) for name, sql in ORPHAN_QUERIES.items()}
    counts = store.counts()
    pending = int(store.db.execute("SELECT count(*) FROM documents WHERE status='new'").fetchone()[0])
    failed = [{"document_id": f.document_id, "origin": f.origin, "stage": f.stage, "reason": f.reason}
              for f in store.failures()]
    version = store.schema_version()
    ok = integrity == ["ok"] and not any(orphans.values()) and version == SCHEMA_VERSION
    return {
        "ok": ok,
        "schema_version": version,
        "code_schema_version": SCHEMA_VERSION,
        "integrity": integrity,
        "counts": {**counts, "pending_documents": pending},
        "orphans": orphans,
        "failed": failed,
    }
