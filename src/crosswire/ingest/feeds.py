"""RSS / Atom feeds → one Document per entry (feedparser)."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import feedparser

from ..records import Document, Failed
from ._io import Refused, document, failed

MEDIA_TYPE = "application/x-feed-entry+json"


def _iso(parsed: Any) -> str | None:
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    except (ValueError, OverflowError):
        return None


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _content(entry: Any) -> str:
    parts = entry.get("content") or []
    values = [_str(p.get("value")) for p in parts if isinstance(p, dict)]
    values = [v for v in values if v]
    if values:
        return max(values, key=len)
    return _str(entry.get("summary"))


def read_feed(data: bytes, origin: str, *, strict_root: bool) -> Iterator[Document | Failed]:
    """Entries of a feed; a feed feedparser cannot read at all (no entries) fails whole.

    ``strict_root``: the input was only a guess at a feed (``.xml``), so say so when it is not one."""
    # A stream, never bytes: feedparser would take short bytes for a file name and open it.
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    except (ValueError, LookupError, TypeError, AttributeError, AssertionError) as e:
        # feedparser meets some broken XML declarations with an error instead of its bozo flag
        raise Refused(f"malformed feed ({type(e).__name__}: {_why(e)})") from e
    entries = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            raise Refused(f"malformed feed ({_why(parsed.get('bozo_exception'))})")
        if not parsed.get("version"):
            raise Refused("XML that is not an RSS/Atom feed" if strict_root else "not an RSS/Atom feed")
        raise Refused("feed has no entries")
    feed = parsed.get("feed") or {}
    feed_host = _host(_str(feed.get("link")))
    for n, entry in enumerate(entries, start=1):
        link = _str(entry.get("link"))
        # dict.get: feedparser's own get maps a missing "updated" to "published" with a deprecation warning
        published = (_iso(dict.get(entry, "published_parsed")) or _iso(dict.get(entry, "updated_parsed"))
                     or _str(dict.get(entry, "published")) or _str(dict.get(entry, "updated")))
        payload = {
            "title": _str(entry.get("title")),
            "link": link,
            "published": published,
            "author": _str(entry.get("author")),
            "content": _content(entry),
        }
        where = f"{origin}#entry-{n}"
        if not payload["content"] and not payload["title"]:
            yield failed(where, "feed entry has neither content nor title")
            continue
        raw = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
        hints = [("title", payload["title"]), ("url", link), ("date_publish", published),
                 ("author", payload["author"]), ("source_domain", feed_host or _host(link))]
        yield document(where, MEDIA_TYPE, raw, hints)


def _why(e: Any) -> str:
    text = str(e) if e is not None else "unreadable"
    return text if len(text) <= 200 else text[:200] + "…"
