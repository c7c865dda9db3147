"""WARC archives → one Document per HTML response (warcio), record by record."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed

from ..records import Document, Failed
from ._io import Refused, document, failed, megabytes, read_exact, too_large

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
_BLOCK = 64 * 1024


class _QuietArchiveIterator(ArchiveIterator):
    """warcio writes a warning straight to stderr for a record with a wrong Content-Length; the
    records it then yields are checked here instead, so the message is left out."""

    INC_RECORD = ""


def _is_html(content_type: str | None) -> bool:
    return bool(content_type) and content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES


def _payload(record: Any, headers: Any, max_bytes: int) -> tuple[bytes, str | None]:
    """The record's body, HTTP chunking and gzip / deflate Content-Encoding undone, read to at most
    ``max_bytes + 1`` bytes whatever the compression ratio; and the encoding undone, if any.
    (warcio would inflate a whole compressed block at once: 16 KB of a bomb is 16 MB.)"""
    encoding = ((headers.get_header("Content-Encoding") or "") if headers is not None else "").strip().lower()
    if encoding not in _WBITS:
        if encoding in ("", "identity"):
            return read_exact(record.raw_stream if headers is None else record.content_stream(), max_bytes + 1), None
        return read_exact(record.content_stream(), max_bytes + 1), encoding  # brotli, if warcio has it
    body = record.raw_stream
    if (headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        body = ChunkedDataReader(body, decomp_type=None)
    inflate = zlib.decompressobj(_WBITS[encoding])
    out = bytearray()
    first = True
    while len(out) <= max_bytes and not inflate.eof:
        chunk = inflate.unconsumed_tail or body.read(_BLOCK)
        if not chunk:
            break
        try:
            out += inflate.decompress(chunk, max_bytes + 1 - len(out))
        except zlib.error:
            if first and encoding == "deflate":  # raw deflate without the zlib header, as some servers send
                inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                out += inflate.decompress(chunk, max_bytes + 1 - len(out))
            elif first:  # labelled compressed but sent plain (warcio passes these through too)
                return bytes(chunk) + read_exact(body, max_bytes + 1 - len(chunk)), None
            else:
                raise
        first = False
    while len(out) <= max_bytes and body.read(_BLOCK):  # the rest of the record (padding, a second member)
        pass
    return bytes(out), encoding


def read_warc(stream: BinaryIO, origin: str, *, max_bytes: int) -> Iterator[Document | Failed]:
    """HTML ``response`` (and ``resource``) records; other records are skipped, not failures.
    A truncated or corrupt archive yields what was read, then one Failed for the rest; an
    archive with no HTML at all is one Failed, so every input is accounted for."""
    records = html = 0
    try:
        for record in _QuietArchiveIterator(stream, arc2warc=True):
            records += 1
            headers = None
            if record.rec_type == "response":
                headers = record.http_headers
                content_type = headers.get_header("Content-Type") if headers is not None else None
            elif record.rec_type == "resource":
                content_type = record.rec_headers.get_header("Content-Type")
            else:
                continue
            if not _is_html(content_type):
                continue
            html += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record-{records}"
            where = f"{origin}#{uri}"
            try:
                payload, encoding = _payload(record, headers, max_bytes)
            except zlib.error as e:
                yield failed(where, f"corrupt Content-Encoding in this record ({_short(e)})")
                continue
            if len(payload) > max_bytes:
                if encoding:
                    reason = (f"decompression bomb refused (Content-Encoding {encoding} expands past "
                              f"the {megabytes(max_bytes)} limit; raise --max-document-size)")
                else:
                    reason = too_large(None, max_bytes)
                yield failed(where, reason)
                continue
            missing = getattr(record.raw_stream, "limit", 0)
            if isinstance(missing, int) and missing > 0:
                yield failed(where, f"truncated WARC record ({missing} bytes missing); the archive ends here")
                continue
            if not payload.strip():
                yield failed(where, "empty WARC record payload")
                continue
            hints = [("url", uri), ("warc_date", record.rec_headers.get_header("WARC-Date") or "")]
            yield document(where, "text/html", payload, hints)
    except Refused:
        raise  # the gzip layer's own reason (truncated, corrupt, bomb)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, LookupError, TypeError, AttributeError) as e:
        # warcio meets corrupt headers with whatever error its parser hits first
        what = "not a WARC archive" if records == 0 else f"truncated or corrupt WARC after {records} records"
        yield failed(origin, f"{what} ({type(e).__name__}: {_short(e)})")
        return
    if records == 0:
        yield failed(origin, "not a WARC archive (no records)")
    elif html == 0:
        yield failed(origin, f"no HTML responses in the archive ({records} records, none HTML)")


def _short(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text if len(text) <= 200 else text[:200] + "…"
