import sqlite3
from pathlib import Path

import pytest

from crosswire import records as r
from crosswire.errors import StoreError
from crosswire.store import SCHEMA_VERSION, Store


def _doc(raw: bytes, origin: str = "a.txt") -> r.Document:
    import hashlib

    return r.Document(hashlib.sha256(raw).hexdigest(), origin, "text/plain", raw, "2024-01-01T00:00:00+00:00",
                      (("title", "T"),))


def test_migrations_are_recorded_and_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.migrate() == []
    with Store(db) as store:
        names = [row[0] for row in store.db.execute("SELECT name FROM _migrations")]
        assert names == ["001_initial"]
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_raw_bytes_kept_and_reingest_is_noop(tmp_path: Path) -> None:
    raw = b"caf\xe9 \x00\xff not utf-8"
    with Store(tmp_path / "s.db") as store, store.transaction():
        assert store.add_document(_doc(raw)) is True
        assert store.add_document(_doc(raw, "b.txt")) is False
    with Store(tmp_path / "s.db") as store:
        doc = store.document(_doc(raw).id)
        assert doc is not None and doc.raw == raw and doc.hint("title") == "T"
        assert store.counts()["documents"] == 1


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.add_document(_doc(b"x"))
            raise RuntimeError("boom")
        assert store.counts()["documents"] == 0


def test_records_round_trip_through_store(tmp_path: Path) -> None:
    article = r.Article(id="a1", document_id=_doc(b"x").id, origin="a.txt", paragraphs=("One.", "Two."),
                        title="T", published=r.Published("2024-11-28", "day", "text:Nov 28, 2024"),
                        removed=(r.RemovedLine("Share", "chrome", 3),))
    claim = r.Claim(id="a1:c1", article_id="a1", span=(0, 3), sentence="One.", text="One", measure="killed",
                    subject="people", low=1.0, high=None)
    with Store(tmp_path / "s.db") as store, store.transaction():
        store.add_document(_doc(b"x"))
        store.put_article(article)
        store.put_extraction(r.Extraction("a1", claims=(claim,)))
        story = r.Story("s1", ("a1",), "T", "2024-11-28", "2024-11-28")
        store.put_story(story, {"terms": {"x": 1}})
    with Store(tmp_path / "s.db", readonly=True) as store:
        assert store.article("a1") == article
        assert store.extraction("a1").claims == (claim,)
        assert store.story("s1") == story
        assert store.story_of("a1") == "s1"
        assert store.dirty_story_ids() == ["s1"]
        assert next(iter(store.story_features()))[1] == {"terms": {"x": 1}}
        assert store.search_articles("Two") == ["a1"]


def test_failures_are_stored_with_reason(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, store.transaction():
        store.add_document(_doc(b"bad"))
        store.add_failure(r.Failed(_doc(b"bad").id, "bad.txt", "clean", "no body text"))
        store.add_failure(r.Failed(None, "missing.txt", "ingest", "no such file or directory"))
    with Store(tmp_path / "s.db") as store:
        reasons = {(f.origin, f.reason) for f in store.failures()}
        assert ("bad.txt", "no body text") in reasons and ("missing.txt", "no such file or directory") in reasons
        assert store.document_ids("failed") == [_doc(b"bad").id]


def test_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        Store(junk)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.db", readonly=True)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    con = sqlite3.connect(db)
    con.execute("INSERT INTO _migrations VALUES ('999_future', 'x')")
    con.execute("INSERT INTO _migrations VALUES ('998_future', 'x')")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)
