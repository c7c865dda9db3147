"""Byte-level helpers shared by the readers: documents, size limits, chained and gunzipped streams."""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import time
import zlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import BinaryIO

from ..records import Document, Failed

STAGE = "ingest"
GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 64 * 1024
_MB = 1024 * 1024
# Outputs below this size are never called a decompression bomb, whatever the ratio.
_BOMB_FLOOR = 1 * _MB
_CHUNK = 256 * 1024


# Mostly-UTF-8 text with a few stray legacy bytes ("It\x92s"): the same rule as
# crosswire.clean.decode.utf8_with_strays (stages do not import each other).
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ESCAPED = re.compile("[\udc80-\udcff]")
_STRAYS = {0xDC00 + b: bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0x100)}


def utf8_with_strays(data: bytes) -> str | None:
    """``data`` as UTF-8 with its invalid bytes read as cp1252 when valid multi-byte UTF-8 sequences
    outnumber them; else None."""
    text = data.decode("utf-8-sig", "surrogateescape")
    strays = len(_ESCAPED.findall(text))
    if strays == 0 or len(_UTF8_SEQ.findall(data)) <= strays:
        return None
    return text.translate(_STRAYS)


class Refused(Exception):
    """A reader gives up on the current input; ``reason`` becomes the Failed reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_stamp: tuple[int, str] = (-1, "")  # the last second formatted and its text


def now_iso() -> str:
    """The current UTC time to the second, formatted once per second (a batch receives thousands a second)."""
    global _stamp
    second = time.time_ns() // 1_000_000_000  # floored, as datetime.now floors
    if second != _stamp[0]:
        _stamp = (second, datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return _stamp[1]


def document(origin: str, media_type: str, raw: bytes, hints: Iterable[tuple[str, str]] = ()) -> Document:
    clean_hints = {(str(k), str(v)) for k, v in hints if v is not None and str(v) != ""}
    return Document(id=hashlib.sha256(raw).hexdigest(), origin=origin, media_type=media_type, raw=raw,
                    received_at=now_iso(), hints=tuple(sorted(clean_hints)))


def failed(origin: str, reason: str) -> Failed:
    return Failed(None, origin, STAGE, reason)


def megabytes(n: int) -> str:
    """A size for people: MB (MiB) with one decimal, KB or bytes below that."""
    if n >= _MB:
        return f"{n / _MB:.1f} MB"
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"


def too_large(size: int | None, limit: int) -> str:
    """The one wording of the size refusal (``size`` None when only "over the limit" is known)."""
    cap = megabytes(limit)
    shown = f"over the {cap} limit" if size is None else f"{megabytes(size)} > {cap} limit"
    return f"document too large ({shown}; raise --max-document-size)"


def read_exact(stream: BinaryIO, n: int) -> bytes:
    """Up to ``n`` bytes, looping over short reads (pipes return what is there); read in chunks so
    nothing is allocated for bytes that never come."""
    parts: list[bytes] = []
    got = 0
    while got < n:
        chunk = stream.read(min(n - got, _CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def read_limited(stream: BinaryIO, limit: int, size: int | None = None) -> bytes:
    """The whole stream, refusing more than ``limit`` bytes."""
    data = read_exact(stream, limit + 1)
    if len(data) > limit:
        raise Refused(too_large(size, limit))
    return data


class _ChainRaw(io.RawIOBase):
    """``head`` (already read) followed by the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            n = min(len(b), self._head.nbytes)
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(b))
        if not data:
            return 0
        b[: len(data)] = data
        return len(data)


def chain(head: bytes, stream: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(_ChainRaw(head, stream), buffer_size=HEAD_BYTES)


class _Counting(io.RawIOBase):
    """Counts the compressed bytes the decompressor has consumed."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(b))
        b[: len(data)] = data
        self.count += len(data)
        return len(data)


class _GunzipRaw(io.RawIOBase):
    """Decompresses a gzip stream lazily, refusing bombs, oversize output and broken archives."""

    def __init__(self, stream: BinaryIO, *, ratio: int) -> None:
        self._counter = _Counting(stream)
        self._gz = gzip.GzipFile(fileobj=io.BufferedReader(self._counter), mode="rb")
        self._ratio = ratio
        self.produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._gz.read(min(len(b), _CHUNK))
        except EOFError as e:
            raise Refused("truncated gzip (the compressed stream ends early)") from e
        except (gzip.BadGzipFile, zlib.error) as e:
            raise Refused(f"corrupt gzip ({e})") from e
        self.produced += len(data)
        if self.produced > _BOMB_FLOOR and self.produced > self._ratio * max(self._counter.count, 1):
            raise Refused(f"decompression bomb refused (gzip expands more than {self._ratio}:1)")
        b[: len(data)] = data
        return len(data)


def gunzip(stream: BinaryIO, *, ratio: int) -> io.BufferedReader:
    """A buffered reader over the decompressed bytes, refusing output beyond ``ratio`` times the input
    (past 1 MB). The absolute cap is the reader's: a document is read to at most the size limit."""
    return io.BufferedReader(_GunzipRaw(stream, ratio=ratio), buffer_size=HEAD_BYTES)


def gunzip_head(head: bytes, n: int = 512) -> bytes:
    """The first bytes a gzip prefix decompresses to (empty when it cannot tell)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, n)
    except zlib.error:
        return b""
