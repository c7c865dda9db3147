"""JSON and JSONL records in news-please field names (and BASIL-like records) → Documents."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from ..records import Document, Failed
from ._io import Refused, document, failed, too_large, utf8_with_strays

MEDIA_TYPE = "application/x-newsplease+json"
_TEXT_FIELDS = ("maintext", "text", "body-paragraphs", "body", "content", "article", "description")
# What other tools call news-please's fields (first one present wins): scrapers, news APIs and hand-made
# JSONL name the publication date, the outlet and the authors in many ways.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "url": ("url", "link", "uri"),
    "date_publish": ("date_publish", "published", "published_at", "publishedAt", "date_published",
                     "datePublished", "publication_date", "pub_date", "pubDate", "date", "datetime"),
    "source_domain": ("source_domain", "source", "outlet", "domain", "publisher", "site_name"),
    "authors": ("authors", "author", "byline"),
}
_READ_CHUNK = 1024 * 1024
_LENIENT_JSON = json.JSONDecoder(strict=False)


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-8 with a few stray legacy bytes, else what charset-normalizer
    detects, else None."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        mixed = utf8_with_strays(data)
        if mixed is not None:
            return mixed
        best = from_bytes(data).best()
        return str(best) if best is not None else None


def _paragraphs(value: Any) -> list[str]:
    """BASIL's ``body-paragraphs``: a list of paragraphs, each a string or a list of sentences."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        return []
    out = []
    for p in value:
        if isinstance(p, list):
            p = " ".join(str(s).strip() for s in p if s is not None)
        if p is not None and str(p).strip():
            out.append(str(p).strip())
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v).strip() for v in value if v is not None and str(v).strip())
    return str(value).strip()


def field(record: dict[str, Any], name: str) -> str:
    """The record's value for news-please's field ``name``, under that name or one of its aliases
    (:data:`FIELD_ALIASES`; a source given as an object, ``{"name": ...}``, gives its name)."""
    for key in FIELD_ALIASES.get(name, (name,)):
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("domain") or value.get("url")
        if text := _text(value):
            return text
    return ""


def body(record: dict[str, Any]) -> str:
    """The record's text: the first text field present (:data:`_TEXT_FIELDS`, BASIL's paragraph lists joined)."""
    for key in _TEXT_FIELDS:
        value = record.get(key)
        text = "\n\n".join(_paragraphs(value)) if isinstance(value, list) else _text(value)
        if text:
            return text
    return ""


def normalise(record: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The record to store (a text under another field name, BASIL's paragraphs too, also in ``maintext``)
    and its hints."""
    record = dict(record)
    if not _text(record.get("maintext")) and not _text(record.get("text")):
        text = body(record)
        if text:
            record["maintext"] = text
    hints = [(name, field(record, name)) for name in FIELD_ALIASES]
    return record, hints


def from_record(record: Any, origin: str) -> Document | Failed:
    if not isinstance(record, dict):
        return failed(origin, f"not a JSON object (a JSON {type(record).__name__})")
    if not body(record):
        return failed(origin, f"record has no text (none of {', '.join(_TEXT_FIELDS)})")
    stored, hints = normalise(record)
    raw = json.dumps(stored, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return document(origin, MEDIA_TYPE, raw, hints)


def _loads(data: bytes) -> Any:
    text = decode(data)
    if text is None:
        raise ValueError("not decodable as text")
    # json.loads(text, strict=False) with one decoder for all records: raw tabs and control characters
    # inside strings are common in dumps
    if text.startswith("\ufeff"):
        return json.loads(text, strict=False)  # raises json's own error about the byte-order mark
    return _LENIENT_JSON.decode(text)


def read_json(data: bytes, origin: str) -> Iterator[Document | Failed]:
    """One ``.json`` file: an object (one record) or a list of them (``origin#<index>``)."""
    try:
        value = _loads(data)
    except (ValueError, RecursionError) as e:
        yield failed(origin, f"malformed JSON ({_short(e)})")
        return
    if isinstance(value, list):
        if not value:
            yield failed(origin, "empty JSON list")
        for i, item in enumerate(value):
            yield from_record(item, f"{origin}#{i}")
    else:
        yield from_record(value, origin)


def read_jsonl(stream: BinaryIO, origin: str, *, max_bytes: int) -> Iterator[Document | Failed]:
    """One record per line, read line by line; a bad line fails alone (``origin#L<n>``)."""
    number = 0
    seen = False
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            break
        number += 1
        where = f"{origin}#L{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line) + _skip_line(stream)
            yield failed(where, too_large(size, max_bytes))
            seen = True
            continue
        if not line.strip():
            continue
        seen = True
        try:
            record = _loads(line)
        except (ValueError, RecursionError) as e:
            yield failed(where, f"malformed JSON line ({_short(e)})")
            continue
        yield from_record(record, where)
    if not seen:
        raise Refused("empty file (only whitespace)" if number else "empty file")


def _skip_line(stream: BinaryIO) -> int:
    skipped = 0
    while True:
        rest = stream.readline(_READ_CHUNK)
        skipped += len(rest)
        if not rest or rest.endswith(b"\n"):
            return skipped


def _short(e: BaseException) -> str:
    text = str(e) or type(e).__name__
    return text if len(text) <= 200 else text[:200] + "…"

