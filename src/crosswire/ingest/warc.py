"""WARC archives → one Document per HTML response (warcio), record by record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..records import Document, Failed
from ._io import Refused, document, failed, read_exact, too_large

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _QuietArchiveIterator(ArchiveIterator):
    """warcio writes a warning straight to stderr for a record with a wrong Content-Length; the
    records it then yields are checked here instead, so the message is left out."""

    INC_RECORD = ""


def _is_html(content_type: str | None) -> bool:
    return bool(content_type) and content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES


def read_warc(stream: BinaryIO, origin: str, *, max_bytes: int) -> Iterator[Document | Failed]:
    """HTML ``response`` (and ``resource``) records; other records are skipped, not failures.
    A truncated or corrupt archive yields what was read, then one Failed for the rest; an
    archive with no HTML at all is one Failed, so every input is accounted for."""
    records = html = 0
    try:
        for record in _QuietArchiveIterator(stream, arc2warc=True):
            records += 1
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
            payload = read_exact(record.content_stream(), max_bytes + 1)
            if len(payload) > max_bytes:
                yield failed(where, too_large(None, max_bytes))
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
