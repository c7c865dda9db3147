"""Ingest: every reader, sniffing, limits, streaming, bad inputs in one batch, and fuzzing."""

from __future__ import annotations

import gzip
import hashlib
import io
import itertools
import json
import os
import re
import tracemalloc
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.clean import clean
from crosswire.errors import ConfigError
from crosswire.ingest import STDIN_ORIGIN, IngestOptions, ingest
from crosswire.records import Document, Failed

HTML = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Five people died.</p></body></html>"


def run(*sources: str | Path, options: IngestOptions | None = None, stdin: bytes | None = None
        ) -> list[Document | Failed]:
    items = list(ingest([str(s) for s in sources], options or IngestOptions(),
                        stdin=io.BytesIO(stdin) if stdin is not None else None))
    for item in items:
        assert isinstance(item, Document | Failed)
        if isinstance(item, Failed):
            assert item.stage == "ingest" and item.reason, item
            assert not item.reason.startswith("unexpected error"), item
    return items


def docs(items: list[Document | Failed]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def fails(items: list[Document | Failed]) -> list[Failed]:
    return [i for i in items if isinstance(i, Failed)]


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def warc_bytes(records: list[tuple[str, str, bytes, str]], *, compress: bool = False) -> bytes:
    """(uri, record type, payload, content type) → a WARC archive."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    for uri, rec_type, payload, content_type in records:
        if rec_type == "response":
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                               http_headers=headers)
        else:
            record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(payload),
                                               warc_content_type=content_type)
        writer.write_record(record)
    return buf.getvalue()


# -- options ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs", [{"max_document_bytes": 0}, {"max_decompressed_ratio": 0},
                                    {"max_document_bytes": "big"}])
def test_options_are_validated(kwargs: dict) -> None:
    with pytest.raises(ConfigError):
        IngestOptions(**kwargs)


# -- plain text and HTML ------------------------------------------------------------------------
def test_text_document_fields(tmp_path: Path) -> None:
    raw = b"Ten people were injured on Tuesday.\n"
    path = write(tmp_path / "a.txt", raw)
    (doc,) = run(path)
    assert isinstance(doc, Document)
    assert doc.id == hashlib.sha256(raw).hexdigest()
    assert (doc.origin, doc.media_type, doc.raw, doc.hints) == (str(path), "text/plain", raw, ())
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", doc.received_at)


def test_html_and_sniffed_html(tmp_path: Path) -> None:
    items = run(write(tmp_path / "a.html", HTML),
                write(tmp_path / "b.txt", b"  \n<html><body>x</body></html>"),
                write(tmp_path / "c.htm", b"just text in an html file"),
                write(tmp_path / "d.page", HTML))
    assert [d.media_type for d in docs(items)] == ["text/html"] * 4


def test_gzipped_html(tmp_path: Path) -> None:
    (doc,) = run(write(tmp_path / "a.html.gz", gzip.compress(HTML)))
    assert isinstance(doc, Document)
    assert doc.raw == HTML and doc.media_type == "text/html" and doc.hint("compression") == "gzip"


def test_gzip_known_by_magic_bytes(tmp_path: Path) -> None:
    (doc,) = run(write(tmp_path / "a.txt", gzip.compress(b"Plain words.")))
    assert isinstance(doc, Document) and doc.raw == b"Plain words." and doc.hint("compression") == "gzip"


def test_truncated_and_corrupt_gzip_fail_with_reason(tmp_path: Path) -> None:
    data = gzip.compress(HTML * 50)
    corrupt = data[:12] + bytes(b ^ 0x5A for b in data[12:40]) + data[40:]
    items = run(write(tmp_path / "t.html.gz", data[: len(data) // 2]), write(tmp_path / "c.html.gz", corrupt))
    assert [f.reason.split(" ")[0] for f in fails(items)] == ["truncated", "corrupt"]
    assert not docs(items)


def test_decompression_bomb_refused_with_bounded_memory(tmp_path: Path) -> None:
    bomb = write(tmp_path / "bomb.html.gz", gzip.compress(b"<p>" + b"a" * 30_000_000))
    tracemalloc.start()
    (item,) = run(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(item, Failed) and "decompression bomb" in item.reason
    assert peak < 8 * 1024 * 1024


def test_gzipped_document_over_size_limit(tmp_path: Path) -> None:
    options = IngestOptions(max_document_bytes=1000, max_decompressed_ratio=10_000)
    (item,) = run(write(tmp_path / "a.html.gz", gzip.compress(b"x" * 5000)), options=options)
    assert isinstance(item, Failed) and item.reason.startswith("document too large")


# -- JSON / JSONL -------------------------------------------------------------------------------
def test_jsonl_records_hints_and_bad_line(tmp_path: Path) -> None:
    lines = [
        {"title": "Blast kills 4", "maintext": "Four died.", "date_publish": "2024-05-01 10:00:00",
         "source_domain": "a.example", "url": "https://a.example/x", "authors": ["A B", "C D"]},
        "{not json",
        "",
        {"title": "Only text", "text": "Body."},
        [1, 2],
        {"title": "No body at all"},
    ]
    data = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines).encode()
    path = write(tmp_path / "n.jsonl", data)
    items = run(path)
    assert [i.origin for i in items] == [f"{path}#L{n}" for n in (1, 2, 4, 5, 6)]
    first = items[0]
    assert isinstance(first, Document) and first.media_type == "application/x-newsplease+json"
    assert json.loads(first.raw) == lines[0]
    assert first.raw == json.dumps(lines[0], sort_keys=True, ensure_ascii=False).encode()
    assert dict(first.hints) == {"title": "Blast kills 4", "date_publish": "2024-05-01 10:00:00",
                                 "source_domain": "a.example", "url": "https://a.example/x",
                                 "authors": "A B; C D"}
    assert list(first.hints) == sorted(first.hints)
    assert [type(i).__name__ for i in items] == ["Document", "Failed", "Document", "Failed", "Failed"]
    assert "malformed JSON" in items[1].reason


def test_basil_like_record(tmp_path: Path) -> None:
    record = {"title": "T", "date": "2019-03-01", "source": "hpo", "url": "u",
              "body-paragraphs": [["First sentence.", "Second."], ["Next paragraph."]]}
    (doc,) = run(write(tmp_path / "b.json", json.dumps(record).encode()))
    assert isinstance(doc, Document) and doc.origin == str(tmp_path / "b.json")
    assert json.loads(doc.raw)["maintext"] == "First sentence. Second.\n\nNext paragraph."
    assert doc.hint("date_publish") == "2019-03-01" and doc.hint("source_domain") == "hpo"


def test_jsonl_fields_under_other_tools_names(tmp_path: Path) -> None:
    # scrapers and news APIs name the date, outlet, authors and text in their own ways: none is dropped
    lines = [
        {"headline": "Blast kills 4", "body": "Four died.", "published": "2024-05-01T10:00:00Z",
         "outlet": "a.example", "link": "https://a.example/x", "author": "A B"},
        {"title": "Flood", "content": "Nine died.", "pubDate": "Tue, 31 Jan 2023 08:00:00 GMT",
         "source": {"name": "Wire"}},
        {"title": "Only a date field", "text": "Body.", "date": "2019-03-01"},
    ]
    path = write(tmp_path / "n.jsonl", "\n".join(json.dumps(x) for x in lines).encode())
    first, second, third = run(path)
    assert isinstance(first, Document) and dict(first.hints) == {
        "title": "Blast kills 4", "date_publish": "2024-05-01T10:00:00Z", "source_domain": "a.example",
        "url": "https://a.example/x", "authors": "A B"}
    assert json.loads(first.raw)["maintext"] == "Four died."  # the raw record is kept, the text also as maintext
    assert json.loads(first.raw)["published"] == "2024-05-01T10:00:00Z"
    assert second.hint("date_publish") == "Tue, 31 Jan 2023 08:00:00 GMT"
    assert second.hint("source_domain") == "Wire"
    assert third.hint("date_publish") == "2019-03-01"
    article = clean(first)
    assert article.title == "Blast kills 4" and article.byline == "A B"
    assert article.published.value == "2024-05-01T10:00:00+00:00"
    assert clean(second).published.value == "2023-01-31T08:00:00"


def test_json_list_and_malformed_json(tmp_path: Path) -> None:
    path = write(tmp_path / "l.json", json.dumps([{"maintext": "a"}, {"maintext": "b"}, 3]).encode())
    items = run(path, write(tmp_path / "bad.json", b"{'single': quotes}"))
    assert [i.origin for i in items] == [f"{path}#0", f"{path}#1", f"{path}#2", str(tmp_path / "bad.json")]
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Failed", "Failed"]


def test_jsonl_not_utf8_is_decoded_by_detection(tmp_path: Path) -> None:
    line = json.dumps({"title": "Café", "maintext": "Les blessés étaient nombreux à Genève."},
                      ensure_ascii=False).encode("cp1252")
    (doc,) = run(write(tmp_path / "x.jsonl", line + b"\n"))
    assert isinstance(doc, Document) and json.loads(doc.raw)["title"] == "Café"


def test_mostly_utf8_with_stray_bytes_is_text(tmp_path: Path) -> None:
    body = "Rescuers in Tōkyō (東京) and Genève said the river had crested. It".encode() + b"\x92s over.\xff\xfe"
    record = b'{"title": "Crest", "maintext": "' + body + b'"}\n'
    text, line = run(write(tmp_path / "mixed.txt", body), write(tmp_path / "mixed.jsonl", record))
    assert isinstance(text, Document) and text.raw == body
    assert isinstance(line, Document)
    assert json.loads(line.raw)["maintext"].endswith("東京) and Genève said the river had crested. It’s over.ÿþ")


def test_jsonl_with_raw_control_characters_in_strings(tmp_path: Path) -> None:
    # Hand-made dumps carry raw tabs and control characters inside strings (strict JSON refuses them).
    path = write(tmp_path / "raw.jsonl", b'{"title": "Mill\tflood", "maintext": "Water rose\x1f fast.\tThen fell."}\n')
    (doc,) = run(path)
    assert isinstance(doc, Document)
    assert json.loads(doc.raw) == {"title": "Mill\tflood", "maintext": "Water rose\x1f fast.\tThen fell."}


def test_jsonl_line_over_limit_fails_alone(tmp_path: Path) -> None:
    big = json.dumps({"maintext": "x" * 5000})
    path = write(tmp_path / "x.jsonl", f'{{"maintext": "a"}}\n{big}\n{{"maintext": "b"}}\n'.encode())
    items = run(path, options=IngestOptions(max_document_bytes=1000))
    assert [type(i).__name__ for i in items] == ["Document", "Failed", "Document"]
    assert items[1].origin == f"{path}#L2" and "document too large" in items[1].reason


def test_jsonl_is_streamed_line_by_line() -> None:
    class Endless(io.RawIOBase):
        read_bytes = 0

        def readable(self) -> bool:
            return True

        def readinto(self, b):  # type: ignore[no-untyped-def]
            line = b'{"title": "t", "maintext": "some text"}\n' * 100
            n = min(len(b), len(line))
            b[:n] = line[:n]
            Endless.read_bytes += n
            return n

    stream = io.BufferedReader(Endless())
    first = list(itertools.islice(ingest(["-"], stdin=stream), 5))
    assert all(isinstance(d, Document) for d in first)
    assert Endless.read_bytes < 1024 * 1024


# -- feeds --------------------------------------------------------------------------------------
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://www.feed.example/</link>
<item><title>One</title><link>https://feed.example/1</link><pubDate>Tue, 03 Dec 2024 10:00:00 GMT</pubDate>
<author>ed@feed.example (Ed)</author><description>&lt;p&gt;Three were hurt.&lt;/p&gt;</description></item>
<item><title>Two</title><link>https://feed.example/2</link><description>Second.</description></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<link href="https://atom.example/"/><entry><title>E</title><link href="https://atom.example/e"/>
<updated>2024-01-02T03:04:05Z</updated>
<content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>"""


def test_rss_entries(tmp_path: Path) -> None:
    path = write(tmp_path / "f.rss", RSS)
    items = run(path)
    assert [i.origin for i in items] == [f"{path}#entry-1", f"{path}#entry-2"]
    first = items[0]
    assert isinstance(first, Document) and first.media_type == "application/x-feed-entry+json"
    payload = json.loads(first.raw)
    assert set(payload) == {"title", "link", "published", "author", "content"}
    assert payload["content"] == "<p>Three were hurt.</p>"
    assert first.hint("date_publish") == "2024-12-03T10:00:00Z"
    assert first.hint("source_domain") == "feed.example" and first.hint("url") == "https://feed.example/1"


def test_atom_in_xml_and_non_feed_xml(tmp_path: Path) -> None:
    items = run(write(tmp_path / "a.xml", ATOM),
                write(tmp_path / "b.xml", b"<?xml version='1.0'?><root>x</root>"),
                write(tmp_path / "c.rss", b"<rss><channel><item><title>broken"))
    assert isinstance(items[0], Document) and json.loads(items[0].raw)["content"] == "<p>Body</p>"
    assert items[0].hint("date_publish") == "2024-01-02T03:04:05Z"
    assert [type(i).__name__ for i in items[1:]] in (["Failed"], ["Failed", "Document"], ["Failed", "Failed"])
    assert "not an RSS/Atom feed" in items[1].reason


# -- WARC ---------------------------------------------------------------------------------------
def test_warc_html_responses_only(tmp_path: Path) -> None:
    archive = warc_bytes([("https://w.example/a", "response", HTML, "text/html; charset=utf-8"),
                          ("https://w.example/img", "response", b"\x89PNG....", "image/png"),
                          ("https://w.example/b", "request", b"GET /b HTTP/1.1\r\n\r\n", "application/http"),
                          ("https://w.example/c", "response", b"<html>c</html>", "text/html")])
    html_only = [("https://w.example/a", "response", HTML, "text/html; charset=utf-8"),
                 ("https://w.example/c", "response", b"<html>c</html>", "text/html")]
    variants = {"w.warc": archive, "w.warc.gz": warc_bytes(html_only, compress=True),
                "whole.warc.gz": gzip.compress(archive)}
    for name, data in variants.items():
        path = write(tmp_path / name, data)
        items = run(path)
        assert [i.origin for i in items] == [f"{path}#https://w.example/a", f"{path}#https://w.example/c"]
        assert items[0].raw == HTML and items[0].media_type == "text/html"
        assert items[0].hint("url") == "https://w.example/a" and items[0].hint("warc_date")


def test_gzipped_warc_bomb_refused_with_bounded_memory(tmp_path: Path) -> None:
    head = (b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://w.example/big\r\n"
            b"Content-Type: text/html\r\nContent-Length: 200000000\r\n\r\n<html><body><p>")
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    data = squeeze.compress(head) + b"".join(squeeze.compress(b" " * 1_000_000) for _ in range(200)) + squeeze.flush()
    tracemalloc.start()
    (item,) = run(write(tmp_path / "crawl.warc.gz", data))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(item, Failed) and item.reason.startswith("decompression bomb refused")
    assert peak < 16 * 1024 * 1024


def test_warc_content_encoding_bomb_refused_with_bounded_memory(tmp_path: Path) -> None:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = squeeze.compress(b"<html><body><p>" + b"a" * 40_000_000) + squeeze.flush()
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for uri, payload, extra in (("https://w.example/bomb", bomb, [("Content-Encoding", "gzip")]),
                                ("https://w.example/ok", HTML, [])):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *extra], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    path = write(tmp_path / "bomb.warc", buf.getvalue())
    tracemalloc.start()
    refused, kept = run(path, options=IngestOptions(max_document_bytes=1024 * 1024))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(refused, Failed) and refused.origin == f"{path}#https://w.example/bomb"
    assert refused.reason.startswith("decompression bomb refused (Content-Encoding gzip expands past the 1.0 MB")
    assert isinstance(kept, Document) and kept.raw == HTML  # the rest of the archive is read
    assert peak < 24 * 1024 * 1024  # the limit, plus what one compressed block inflates to; not 40 MB


def _deflate(data: bytes, wbits: int) -> bytes:
    squeeze = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return squeeze.compress(data) + squeeze.flush()


def _chunked(data: bytes) -> bytes:
    pieces = [data[i:i + 50] for i in range(0, len(data), 50)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


@pytest.mark.parametrize(("encoding", "body", "chunked"), [
    ("gzip", _deflate(HTML, 31), False),
    ("gzip", _deflate(HTML, 31), True),
    ("deflate", _deflate(HTML, 15), False),
    ("deflate", _deflate(HTML, -15), False),  # raw deflate, no zlib header
    ("gzip", HTML, False),  # labelled compressed, sent plain
])
def test_warc_content_encodings_are_undone(tmp_path: Path, encoding: str, body: bytes, chunked: bool) -> None:
    headers = [("Content-Type", "text/html"), ("Content-Encoding", encoding)]
    if chunked:
        headers.append(("Transfer-Encoding", "chunked"))
        body = _chunked(body)
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    writer.write_record(writer.create_warc_record(
        "https://w.example/a", "response", payload=io.BytesIO(body),
        http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")))
    (doc,) = run(write(tmp_path / "e.warc", buf.getvalue()))
    assert isinstance(doc, Document) and doc.raw == HTML


def test_truncated_warc_yields_what_was_read(tmp_path: Path) -> None:
    first = warc_bytes([("https://w.example/a", "response", HTML, "text/html")])
    rest = warc_bytes([("https://w.example/b", "response", HTML * 20, "text/html")])
    items = run(write(tmp_path / "t.warc", first + rest[: len(rest) // 2]))
    assert isinstance(items[0], Document) and items[0].origin.endswith("#https://w.example/a")
    assert isinstance(items[-1], Failed) and "WARC" in items[-1].reason


# -- standard input -----------------------------------------------------------------------------
@pytest.mark.parametrize(("data", "media_types"), [
    (b"Some plain words.", ["text/plain"]),
    (HTML, ["text/html"]),
    (gzip.compress(HTML), ["text/html"]),
    (b'{"maintext": "a"}\n{"maintext": "b"}\n', ["application/x-newsplease+json"] * 2),
    (RSS, ["application/x-feed-entry+json"] * 2),
    (b"{ this is not json }", ["text/plain"]),
])
def test_stdin_is_sniffed(data: bytes, media_types: list[str]) -> None:
    items = run("-", stdin=data)
    assert [d.media_type for d in docs(items)] == media_types
    assert all(d.origin.startswith(STDIN_ORIGIN) for d in docs(items))


def test_empty_stdin() -> None:
    (item,) = run("-", stdin=b"")
    assert isinstance(item, Failed) and item.reason == "empty input"


# -- sources: directories, globs, hidden files, symlinks -------------------------------------------
def test_a_folder_s_own_papers_are_no_reports(tmp_path: Path) -> None:
    """A corpus folder's README.md or LICENSE is no report when the folder is walked; named alone, it is read."""
    for name in ("a.txt", "README.md", "LICENSE", "sub/CHANGELOG.txt", "sub/readme_first.txt", "readmeister.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Flood in Arvela\n\nFive people died in a flood, officials said.\n")
    origins = [d.origin for d in ingest([str(tmp_path)]) if isinstance(d, Document)]
    assert [Path(o).name for o in origins] == ["a.txt", "readmeister.txt"]
    (readme,) = ingest([str(tmp_path / "README.md")])
    assert isinstance(readme, Document)


def test_directory_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a-c.txt", ".hidden.txt", ".git/x.txt", "a/.h/y.txt"):
        write(tmp_path / name, name.encode())
    items = run(tmp_path)
    assert [Path(i.origin).relative_to(tmp_path).as_posix() for i in items] == ["a-c.txt", "a/z.txt", "b.txt"]


def test_symlinks_followed_only_when_asked(tmp_path: Path) -> None:
    write(tmp_path / "real" / "a.txt", b"a")
    (tmp_path / "d").mkdir()
    os.symlink(tmp_path / "real" / "a.txt", tmp_path / "d" / "link.txt")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    assert run(tmp_path / "d") == [Failed(None, str(tmp_path / "d"), "ingest", "no files in directory")]
    followed = run(tmp_path / "d", options=IngestOptions(follow_symlinks=True))
    assert [i.origin for i in followed] == [str(tmp_path / "d" / "link.txt")]


def test_recursive_glob_reads_each_file_once(tmp_path: Path) -> None:
    for name in ("d/a.txt", "d/e/b.txt"):
        write(tmp_path / name, name.encode())
    items = run(f"{tmp_path}/**")
    assert sorted(Path(i.origin).relative_to(tmp_path).as_posix() for i in items) == ["d/a.txt", "d/e/b.txt"]


def test_glob_and_glob_without_match(tmp_path: Path) -> None:
    for name in ("x.html", "y.html", "z.txt"):
        write(tmp_path / name, HTML)
    items = run(tmp_path / "*.html", tmp_path / "*.nothing")
    assert [Path(i.origin).name for i in items] == ["x.html", "y.html", "*.nothing"]
    assert isinstance(items[-1], Failed) and items[-1].reason == "no files match the pattern"


# -- bad inputs, all in one batch --------------------------------------------------------------------
def test_bad_inputs_in_one_batch(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", b"Two people were killed.")
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.txt", b" \n\t\n")
    binary = write(tmp_path / "binary.txt", b"\x00\x01\x02\x03" * 100)
    png = write(tmp_path / "photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    truncated = write(tmp_path / "t.html.gz", gzip.compress(HTML * 10)[:30])
    latin1 = write(tmp_path / "latin1.txt", "Trois blessés à Genève, selon la police.".encode("latin-1"))
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        for _ in range(50):
            f.write(b"All work and no play makes a long report.\n" * 24966)
    big_size = big.stat().st_size
    assert big_size > 50 * 1000 * 1000
    missing = tmp_path / "missing.txt"
    many = tmp_path / "many"
    many.mkdir()
    for i in range(10_000):
        (many / f"{i:05d}.txt").write_bytes(b"report %d" % i)

    tracemalloc.start()
    items = run(good, empty, blank, binary, png, truncated, latin1, big, missing, many)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    by_origin = {i.origin: i for i in items}
    assert isinstance(by_origin[str(good)], Document)
    named = {"empty": empty, "blank": blank, "binary": binary, "png": png, "truncated": truncated,
             "big": big, "missing": missing}
    reasons = {name: by_origin[str(p)].reason for name, p in named.items()}
    assert reasons["empty"] == "empty file"
    assert reasons["blank"] == "empty file (only whitespace)"
    assert reasons["binary"] == "binary file (contains NUL bytes)"
    assert reasons["png"] == "binary file (PNG image)"
    assert reasons["truncated"].startswith("truncated gzip")
    assert reasons["big"] == (f"document too large ({big_size / 1024 / 1024:.1f} MB > 20.0 MB limit; "
                              "raise --max-document-size)")
    assert reasons["missing"] == "no such file or directory"
    kept = by_origin[str(latin1)]
    assert isinstance(kept, Document) and kept.raw == latin1.read_bytes()
    many_docs = [i for i in items if i.origin.startswith(str(many))]
    assert len(many_docs) == 10_000 and all(isinstance(d, Document) for d in many_docs)
    assert [d.origin for d in many_docs] == sorted(d.origin for d in many_docs)
    assert peak < 64 * 1024 * 1024  # the 50 MB file is never read; 10,000 documents held by the test itself


def test_size_limit_is_an_option(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"x" * 3000)
    (item,) = run(path, options=IngestOptions(max_document_bytes=2048))
    assert isinstance(item, Failed)
    assert item.reason == "document too large (2.9 KB > 2.0 KB limit; raise --max-document-size)"
    (doc,) = run(path, options=IngestOptions(max_document_bytes=4096))
    assert isinstance(doc, Document)
    (piped,) = run("-", stdin=b"y" * 3000, options=IngestOptions(max_document_bytes=2048))
    assert isinstance(piped, Failed)
    assert piped.reason == "document too large (over the 2.0 KB limit; raise --max-document-size)"


def test_one_mb_lines(tmp_path: Path) -> None:
    line = ("word " * 200_000).encode()
    record = json.dumps({"maintext": line.decode()}).encode()
    items = run(write(tmp_path / "a.txt", line), write(tmp_path / "b.jsonl", record))
    assert [type(i).__name__ for i in items] == ["Document", "Document"]


def test_same_bytes_same_id(tmp_path: Path) -> None:
    a, b = run(write(tmp_path / "a.txt", b"same"), write(tmp_path / "b.txt", b"same"))
    assert a.id == b.id


# -- fuzzing ------------------------------------------------------------------------------------
_counter = itertools.count()
_ODD = "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
_EXTENSIONS = [".txt", ".html", ".htm", ".html.gz", ".json", ".jsonl", ".xml", ".rss", ".atom", ".warc",
               ".warc.gz", ".gz", ".bin", ""]
_FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _fuzz_file(folder: Path, ext: str, data: bytes) -> Path:
    return write(folder / f"f{next(_counter)}{ext}", data)


def _assert_total(items: list[Document | Failed]) -> None:
    assert items, "every input yields at least one Document or Failed"


@_FUZZ
@given(ext=st.sampled_from(_EXTENSIONS), data=st.binary(max_size=3000))
def test_fuzz_arbitrary_bytes_as_every_type(fuzz_dir: Path, ext: str, data: bytes) -> None:
    _assert_total(run(_fuzz_file(fuzz_dir, ext, data)))


@_FUZZ
@given(ext=st.sampled_from(_EXTENSIONS),
       text=st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(_ODD), max_size=500))
def test_fuzz_text_with_zero_width_and_bidi(fuzz_dir: Path, ext: str, text: str) -> None:
    _assert_total(run(_fuzz_file(fuzz_dir, ext, text.encode("utf-8"))))
    _assert_total(run("-", stdin=text.encode("utf-8")))


@_FUZZ
@given(base=st.sampled_from([RSS, ATOM]), cut=st.integers(0, 2000), junk=st.binary(max_size=40),
       at=st.integers(0, 2000))
def test_fuzz_malformed_feeds(fuzz_dir: Path, base: bytes, cut: int, junk: bytes, at: int) -> None:
    data = base[: max(1, cut)]
    data = data[:at] + junk + data[at:]
    _assert_total(run(_fuzz_file(fuzz_dir, ".xml", data)))


@_FUZZ
@given(cut=st.integers(1, 2000), flip=st.integers(0, 2000), compress=st.booleans())
def test_fuzz_malformed_warc(fuzz_dir: Path, cut: int, flip: int, compress: bool) -> None:
    archive = warc_bytes([("https://w.example/a", "response", HTML, "text/html"),
                          ("https://w.example/b", "response", HTML * 3, "text/html")], compress=compress)
    data = bytearray(archive[: min(cut, len(archive))])
    if flip < len(data):
        data[flip] ^= 0xFF
    _assert_total(run(_fuzz_file(fuzz_dir, ".warc.gz" if compress else ".warc", bytes(data))))


_FIELDS = ["title", "maintext", "text", "url", "authors", "date_publish", "body-paragraphs", "date", "source"]
_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                       lambda c: st.lists(c, max_size=3), max_leaves=6)


@_FUZZ
@given(records=st.lists(st.dictionaries(st.sampled_from(_FIELDS), _VALUES), max_size=5),
       junk=st.binary(max_size=20))
def test_fuzz_newsplease_records(fuzz_dir: Path, records: list[dict], junk: bytes) -> None:
    data = b"\n".join(json.dumps(r).encode() for r in records) + b"\n" + junk
    _assert_total(run(_fuzz_file(fuzz_dir, ".jsonl", data)))


def test_one_json_decoder_for_all_records_reads_as_json_loads_does(tmp_path: Path) -> None:
    """Records are read by one shared decoder: raw control characters inside strings still pass, and a
    line left starting with a byte-order mark fails with json's own words, as json.loads(strict=False) has it."""
    good = json.dumps({"title": "T", "maintext": "Col 1\tCol 2"}).replace("\\t", "\t")
    bom = "\ufeff\ufeff" + json.dumps({"title": "B", "maintext": "Body text."})  # the line's decoding drops one
    items = run(write(tmp_path / "a.jsonl", (good + "\n" + bom + "\n").encode("utf-8")))
    assert [d.hint("title") for d in docs(items)] == ["T"]
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(bom[1:], strict=False)
    assert fails(items)[0].reason == f"malformed JSON line ({expected.value})"


def test_received_at_is_the_current_second_in_utc(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    before = datetime.now(UTC).replace(microsecond=0)
    stamps = {d.received_at for d in docs(run(write(tmp_path / "a.txt", b"Some text."),
                                              write(tmp_path / "b.txt", b"More text.")))}
    after = datetime.now(UTC)
    assert all(before <= datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC) <= after for s in stamps)
