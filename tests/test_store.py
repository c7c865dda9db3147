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
        assert names == ["001_initial", "002_lookup_indexes", "003_sketches"]
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sketches_are_kept_until_deleted(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.add_document(_doc(b"x"))
            store.put_article(r.Article(id="a1", document_id=_doc(b"x").id, origin="a.txt", paragraphs=("One.",)))
            store.put_sketch_rows([("a1", b"{}")])
        assert store.sketches(["a1", "a2"]) == {"a1": b"{}"}
        with store.transaction():
            store.delete_sketches(["a1"])
        assert store.sketches(["a1"]) == {}


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
    for _ in range(3):  # the same bad inputs met on every re-run are one failure each
        with Store(tmp_path / "s.db") as store, store.transaction():
            store.add_failure(r.Failed(None, "missing.txt", "ingest", "no such file or directory"))
            store.add_failure(r.Failed(_doc(b"bad").id, "bad.txt", "clean", "no body text"))
    with Store(tmp_path / "s.db") as store:
        assert len(store.failures()) == 2 and len(store.failures(current_only=False)) == 2


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


def test_a_version_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    from crosswire import store as store_module

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    store_module._m001_initial(con)
    con.execute("INSERT INTO _migrations VALUES ('001_initial', 'then')")
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION == 3
        tables = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "sketches" in tables
        indexes = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"documents_seq", "links_of_article"} <= indexes
        plan = " ".join(str(row) for row in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT coalesce(max(seq), 0) + 1 FROM documents"))
        assert "documents_seq" in plan  # the next document number is an index lookup, not a table scan


def test_batched_documents_keep_input_order_and_skip_repeats(tmp_path: Path) -> None:
    docs = [_doc(f"doc {i}".encode(), f"{i}.txt") for i in range(5)]
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            assert store.add_documents(docs[:3]) == 3
        with store.transaction():
            assert store.add_documents([docs[1], docs[3], docs[3], docs[4]]) == 2  # one stored, one repeated
        assert store.document_ids() == [d.id for d in docs]
        wanted = [docs[4].id, "missing", docs[0].id]
        assert store.documents_by_id(wanted) == [docs[4], docs[0]]
        with store.transaction():
            store.set_document_statuses([("done", docs[0].id), ("done", docs[2].id)])
        assert store.document_ids("new") == [docs[1].id, docs[3].id, docs[4].id]


def _article(aid: str, doc: r.Document, published: str | None) -> r.Article:
    return r.Article(id=aid, document_id=doc.id, origin=doc.origin, paragraphs=(f"Text of {aid}.",),
                     published=r.Published(published, "day", "metadata:date") if published else r.Published())


def test_bulk_reads_follow_the_ids_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire import store as store_module

    monkeypatch.setattr(store_module, "_IN_CHUNK", 2)  # several IN (...) queries per read
    docs = [_doc(f"d{i}".encode()) for i in range(5)]
    arts = [_article(f"a{i}", d, p) for i, (d, p) in
            enumerate(zip(docs, ["2024-03-02", None, "2024-03-01", "2024-03-02", None], strict=True))]
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.add_documents(docs)
            for a in arts:
                store.put_article(a)
            for a in (arts[3], arts[0], arts[4]):
                store.put_extraction(r.Extraction(a.id))
            store.put_link(r.Link("a3", "a0", "duplicate", 0.9))
            store.put_link(r.Link("a1", "a2", "rewrite", 0.7))
            store.put_link(r.Link("a3", "a2", "rewrite", 0.6))
            store.put_link(r.Link("a4", "a0", "rewrite", 0.5))
            store.put_story(r.Story("s1", ("a0", "a3"), "S"))
            store.put_story(r.Story("s2", ("a1",), "T"))
        assert [a.id for a in store.articles(["a4", "zz", "a1", "a0", "a4"])] == ["a4", "a1", "a0", "a4"]
        assert store.articles(["a2"]) == [arts[2]]
        assert list(store.extractions(["a4", "a1", "a0", "a3"])) == ["a4", "a0", "a3"]
        assert store.publication_order(["a0", "a1", "a2", "a3", "a4", "zz"]) == ["a2", "a0", "a3", "a1", "a4", "zz"]
        # links of some articles come back in the order they were stored, as the whole list has them
        every = store.links()
        some = store.links(["a4", "a3", "a1"])
        assert some == [lk for lk in every if lk.article_id in {"a4", "a3", "a1"}]
        assert [(lk.article_id, lk.of_article_id) for lk in some] == [("a3", "a0"), ("a1", "a2"), ("a3", "a2"),
                                                                        ("a4", "a0")]
        assert store.story_sizes(["s2", "s1", "s3"]) == {"s1": 2, "s2": 1}


def test_a_story_stored_again_writes_only_the_members_given(tmp_path: Path) -> None:
    """put_story(members=...) writes the membership of the articles that joined (or moved in), so a batch costs
    the same however large the story; the story's row and the other members' rows stay as they were."""
    docs = [_doc(f"m{i}".encode()) for i in range(4)]
    with Store(tmp_path / "m.db") as store:
        with store.transaction():
            store.add_documents(docs)
            for i, d in enumerate(docs):
                store.put_article(_article(f"a{i}", d, "2024-03-01"))
            store.put_story(r.Story("s1", ("a0", "a1"), "S"))
            store.put_story(r.Story("s2", ("a2",), "T"))
        with store.transaction():  # a2's story merged into s1, and a3 joined s1
            moved = store.story_article_ids("s2")
            store.delete_story("s2")
            store.put_story(r.Story("s1", ("a0", "a1", "a2", "a3"), "S"), members=[*moved, "a3"])
        assert sorted(store.story_article_ids("s1")) == ["a0", "a1", "a2", "a3"]
        assert store.story_of("a2") == "s1" and store.story_of("a0") == "s1"
