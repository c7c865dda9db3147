"""Ingest: paths, directories, globs and standard input → Documents (or Failed), streamed.

Readers: plain text, HTML (also gzipped), news-please JSON / JSONL (and BASIL-like records),
RSS / Atom feeds (feedparser) and WARC archives (warcio). What an input is comes from its
name and its first bytes (an HTML page saved as ``.txt`` is HTML; gzip is known by its
magic bytes; standard input is sniffed). Inputs are read one at a time, JSONL line by line
and WARC record by record, so memory stays bounded whatever the batch size.

Nothing raises for one bad input: a path that does not exist, an empty or binary file, a
truncated gzip, a malformed line or feed, a document over the size limit each become a
:class:`~crosswire.records.Failed` (stage ``ingest``) and the batch goes on.

Directories are walked recursively in sorted path order; hidden files and folders (names
starting with ``.``) are skipped, and so are symbolic links unless ``follow_symlinks``, and a
folder's own papers (README, LICENSE, CHANGELOG, CONTRIBUTING, NOTICE, COPYING, whatever their
extension): a corpus's licence or description is no report. A file named on the command line is
always read.
"""

from __future__ import annotations

import codecs
import dataclasses
import glob
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import ConfigError
from ..records import Document, Failed
from . import sniff
from ._io import (
    GZIP_MAGIC,
    HEAD_BYTES,
    Refused,
    chain,
    document,
    failed,
    gunzip,
    gunzip_head,
    read_exact,
    read_limited,
    too_large,
)
from .feeds import read_feed
from .newsplease import decode, read_json, read_jsonl
from .warc import read_warc

__all__ = ["STDIN_ORIGIN", "IngestOptions", "ingest"]

STDIN_ORIGIN = "<stdin>"
_GLOB_CHARS = ("*", "?", "[")
# Kinds read whole (so the size limit applies to the file); the others are read record by record.
_WHOLE = (sniff.TEXT, sniff.HTML, sniff.JSON, sniff.FEED)


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    """How inputs are read.

    ``max_document_bytes``: a single document bigger than this fails (``document too large``);
    also the cap on what one gzipped document may decompress to. ``max_decompressed_ratio``:
    gzip output beyond this many times its compressed size (past 1 MB) is refused as a bomb.
    ``follow_symlinks``: follow symbolic links met while walking a directory.
    """

    max_document_bytes: int = 20 * 1024 * 1024
    max_decompressed_ratio: int = 100
    follow_symlinks: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.max_document_bytes, int) or self.max_document_bytes < 1:
            raise ConfigError(
                f"max_document_bytes must be a positive integer, not {self.max_document_bytes!r}")
        if not isinstance(self.max_decompressed_ratio, int) or self.max_decompressed_ratio < 1:
            raise ConfigError(
                f"max_decompressed_ratio must be a positive integer, not {self.max_decompressed_ratio!r}")


def ingest(sources: Sequence[str], options: IngestOptions = IngestOptions(), *,
           stdin: BinaryIO | None = None) -> Iterator[Document | Failed]:
    """Every document the sources hold, in order; each input that cannot be read is a Failed.

    A source is a file, a directory (recursive, sorted), a glob (``data/*.html``) or ``-``
    (standard input, or ``stdin`` when given)."""
    if isinstance(sources, str):
        sources = [sources]
    for source in sources:
        if source == "-":
            yield from _guarded(STDIN_ORIGIN, _read_stdin(stdin, options))
            continue
        for item in _expand(source, options):
            if isinstance(item, Failed):
                yield item
            else:
                yield from _guarded(item, _read_file(item, options))


# -- sources → files ----------------------------------------------------------------------------
def expand_sources(sources: Sequence[str], options: IngestOptions = IngestOptions()) -> Iterator[str | Failed]:
    """The files that sources name (directories walked, globs matched), in reading order;
    a source that names nothing is a Failed. Used by the Dask path to partition the work."""
    for source in sources:
        yield from _expand(source, options)


def _expand(source: str, options: IngestOptions) -> Iterator[str | Failed]:
    if os.path.lexists(source):
        if os.path.isdir(source):
            found = False
            for item in _walk(source, options.follow_symlinks, set()):
                found = True
                yield item
            if not found:
                yield failed(source, "no files in directory")
        else:
            yield source
    elif any(ch in source for ch in _GLOB_CHARS):
        matches = sorted(glob.glob(source, recursive=True))
        if not matches:
            yield failed(source, "no files match the pattern")
        seen: set[str] = set()  # "data/**" matches folders and the files in them: read each file once
        for match in matches:
            found = _walk(match, options.follow_symlinks, set()) if os.path.isdir(match) else iter([match])
            for item in found:
                if isinstance(item, str):
                    key = os.path.normpath(item)
                    if key in seen:
                        continue
                    seen.add(key)
                yield item
    else:
        yield failed(source, "no such file or directory")


# A folder's own papers, skipped when a directory is walked ("README.md", "LICENSE", "CHANGELOG.txt")
_FOLDER_PAPER = re.compile(r"(?i)(?:readme|licen[cs]e|changelog|changes|contributing|notice|copying)(?:[._-][\w.-]*)?$")


def _walk(folder: str, follow: bool, seen: set[str]) -> Iterator[str | Failed]:
    """Files under ``folder`` in sorted path order (a folder sorts as ``name/``), depth first."""
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    entries: list[tuple[str, str, bool]] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                if entry.name.startswith(".") or (entry.is_symlink() and not follow) or (
                        _FOLDER_PAPER.match(entry.name) and entry.is_file(follow_symlinks=follow)):
                    continue
                try:
                    is_dir = entry.is_dir(follow_symlinks=follow)
                except OSError:
                    is_dir = False
                entries.append((entry.name + "/" if is_dir else entry.name, entry.path, is_dir))
    except OSError as e:
        yield failed(folder, _os_reason(e))
        return
    entries.sort()
    for _, path, is_dir in entries:
        if is_dir:
            yield from _walk(path, follow, seen)
        else:
            yield path


# -- one input ----------------------------------------------------------------------------------
def _guarded(origin: str, items: Iterator[Document | Failed]) -> Iterator[Document | Failed]:
    """The reader's items; whatever stops it becomes one Failed and the batch goes on."""
    try:
        yield from items
    except Refused as e:
        yield failed(origin, e.reason)
    except OSError as e:
        yield failed(origin, _os_reason(e))
    except MemoryError:
        yield failed(origin, "out of memory reading this input")
    except Exception as e:  # a reader bug must not stop the batch; the reason says what it was
        yield failed(origin, f"unexpected error ({type(e).__name__}: {str(e)[:200]})")


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    if isinstance(e, PermissionError):
        return "permission denied"
    return f"cannot read ({e.strerror or type(e).__name__})"


def _read_stdin(stdin: BinaryIO | None, options: IngestOptions) -> Iterator[Document | Failed]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise Refused("no standard input to read")
    yield from _read_stream(STDIN_ORIGIN, "", stream, None, options)


def _read_file(path: str, options: IngestOptions) -> Iterator[Document | Failed]:
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise Refused("not a regular file")
    if info.st_size == 0:
        raise Refused("empty file")
    kind = sniff.kind_by_name(path)
    if kind == sniff.GZIP:
        kind = sniff.kind_by_name(sniff.strip_gz(path))
    if kind in _WHOLE and info.st_size > options.max_document_bytes:
        raise Refused(too_large(info.st_size, options.max_document_bytes))
    with open(path, "rb") as f:
        yield from _read_stream(path, path, f, info.st_size, options)


def _read_stream(origin: str, name: str, stream: BinaryIO, size: int | None, options: IngestOptions,
                 *, gzipped: bool = False) -> Iterator[Document | Failed]:
    head = read_exact(stream, HEAD_BYTES)
    if not head:
        raise Refused("empty input" if origin == STDIN_ORIGIN else "empty file")
    kind = sniff.kind_by_name(name) if name else None
    if head.startswith(GZIP_MAGIC):
        if gzipped:
            raise Refused("gzip inside gzip is not read")
        inner = gunzip(chain(head, stream), ratio=options.max_decompressed_ratio)
        if kind == sniff.WARC or gunzip_head(head).startswith(b"WARC/"):
            # Decompressed here (gzip per record or whole file alike), read by warcio as plain WARC.
            yield from read_warc(inner, origin, max_bytes=options.max_document_bytes)
            return
        for item in _read_stream(origin, sniff.strip_gz(name), inner, None, options, gzipped=True):
            if isinstance(item, Document):
                item = dataclasses.replace(item, hints=tuple(sorted({*item.hints, ("compression", "gzip")})))
            yield item
        return
    if kind == sniff.GZIP:  # named .gz but not compressed: go by the name under it
        kind = sniff.kind_by_name(sniff.strip_gz(name))
    if kind == sniff.WARC or head.startswith(b"WARC/"):
        yield from read_warc(chain(head, stream), origin, max_bytes=options.max_document_bytes)
        return
    reason = sniff.binary_reason(head)
    if reason:
        raise Refused(reason)
    sniffed = kind is None
    if kind is None:
        kind = sniff.kind_by_content(head)
    elif kind in (sniff.TEXT, sniff.FEED) and sniff.looks_like_html(head):
        kind = sniff.HTML
    if kind == sniff.JSONL:
        yield from read_jsonl(chain(head, stream), origin, max_bytes=options.max_document_bytes)
        return
    data = read_limited(chain(head, stream), options.max_document_bytes, size)
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        raise Refused("empty file (only whitespace)")
    if kind == sniff.JSON:
        if sniffed and not _parses_as_json(data):
            kind = sniff.TEXT
        else:
            yield from read_json(data, origin)
            return
    if kind == sniff.FEED:
        yield from read_feed(data, origin, strict_root=name.lower().endswith((".xml", ".xml.gz")))
    elif kind == sniff.HTML:
        yield document(origin, "text/html", data)
    else:
        yield document(origin, "text/plain", data)


def _parses_as_json(data: bytes) -> bool:
    text = decode(data)
    if text is None:
        return False
    try:
        json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return False
    return True
