"""Telling what an input is from its name and its first bytes."""

from __future__ import annotations

import codecs
import json
import re

from charset_normalizer import from_bytes

from ._io import GZIP_MAGIC, utf8_with_strays

# Kinds of input the readers know.
TEXT, HTML, JSON, JSONL, FEED, WARC, GZIP = "text", "html", "json", "jsonl", "feed", "warc", "gzip"

_BY_EXTENSION = {
    ".txt": TEXT, ".text": TEXT, ".md": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
    ".json": JSON,
    ".jsonl": JSONL, ".ndjson": JSONL, ".jsonlines": JSONL,
    ".rss": FEED, ".atom": FEED, ".xml": FEED,
    ".warc": WARC,
}

_MAGIC = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control characters that do not occur in text (tab, newlines, form feed and escape are allowed).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_CONTROL_SHARE = 0.05
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_XML_START = re.compile(rb"^\s*<\?xml", re.IGNORECASE)


def kind_by_name(name: str) -> str | None:
    """The kind an input's extension names (``.warc.gz`` is WARC, other ``.gz`` says gzip), or None."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return WARC
    if lower.endswith(".gz"):
        return GZIP
    dot = lower.rfind(".")
    slash = max(lower.rfind("/"), lower.rfind("\\"))
    return _BY_EXTENSION.get(lower[dot:]) if dot > slash + 1 else None


def strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def binary_reason(head: bytes) -> str | None:
    """Why ``head`` is not text (None when it is): a known binary format, NUL bytes, control
    characters, or bytes no text encoding explains."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({what})"
    if head.startswith(GZIP_MAGIC):
        return "binary file (gzip data)"
    bom = next((b for b in _BOMS if head.startswith(b)), None)
    if bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        return None  # UTF-16/32 text carries NUL bytes by design
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    sample = head[:8192]
    if sample and sum(sample.count(c) for c in _CONTROL) > _CONTROL_SHARE * len(sample):
        return "binary file (control characters)"
    if not _decodes_as_text(sample):
        return "binary file (not decodable as text)"
    return None


def _decodes_as_text(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as e:
        if e.start >= len(sample) - 4 and e.reason == "unexpected end of data":
            return True  # a character cut by the sample's end
    return utf8_with_strays(sample) is not None or from_bytes(sample).best() is not None


def looks_like_html(head: bytes) -> bool:
    return bool(_HTML_START.match(_without_bom(head)))


def looks_like_feed(head: bytes) -> bool:
    body = _without_bom(head)
    starts_as_xml = bool(_XML_START.match(body)) or body.lstrip()[:1] == b"<"
    return starts_as_xml and bool(_FEED_ROOT.search(body[:4096]))


def kind_by_content(head: bytes) -> str:
    """The kind of an input with no telling name (standard input, unknown extensions)."""
    if head.startswith(b"WARC/"):
        return WARC
    if head.startswith(GZIP_MAGIC):
        return GZIP
    if looks_like_html(head):
        return HTML
    if looks_like_feed(head):
        return FEED
    body = _without_bom(head).lstrip()
    if body[:1] in (b"{", b"["):
        return _json_kind(body)
    return TEXT


def _json_kind(body: bytes) -> str:
    first = body.split(b"\n", 1)[0].strip()
    try:
        if isinstance(json.loads(first, strict=False), dict):
            return JSONL
    except ValueError:
        pass
    if body[:1] == b"[":
        return JSON
    # One pretty-printed object spans lines; only a parse of the whole tells it from text.
    return JSON if body.rstrip().endswith(b"}") else TEXT


def _without_bom(head: bytes) -> bytes:
    return head[len(codecs.BOM_UTF8):] if head.startswith(codecs.BOM_UTF8) else head
