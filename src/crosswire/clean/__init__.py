"""clean: Document -> Article. Page chrome out, repeated title and paragraphs out, metadata in.

One entry function, :func:`clean`, dispatching on the document's media type:

- ``text/plain``: decoded (:func:`decode`) and split into lines for the line cleaner (:mod:`.text`);
  removed lines keep their 1-based line number in the decoded text.
- ``text/html``: trafilatura (:mod:`.html`), then the line cleaner over its lines.
- ``application/x-newsplease+json``: body from ``maintext`` / ``text`` / ``body-paragraphs``,
  container metadata (title, date_publish, source_domain, url, authors), then the line cleaner.
- ``application/x-feed-entry+json``: the entry's HTML content through the HTML path, the entry's metadata.

:func:`build_context` looks at a whole batch first and finds lines that recur across the
documents of one site (menus, footers); :func:`clean` removes them when given that context.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError, DocumentError
from ..ingest.newsplease import FIELD_ALIASES
from ..ingest.newsplease import body as json_body
from ..ingest.newsplease import field as json_field
from ..records import Article, Document, Published
from . import metadata as md
from .chrome import vocab
from .decode import UndecodableError, decode, scrub
from .html import extract_html
from .text import Cleaned, classify, norm_line

__all__ = ["CleanContext", "CleanOptions", "build_context", "clean", "decode"]

TEXT = "text/plain"
HTML = "text/html"
NEWSPLEASE = "application/x-newsplease+json"
FEED_ENTRY = "application/x-feed-entry+json"
_FAVOURS = ("precision", "balanced", "recall")
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # a-z kept, any other byte a space
_EN_STOP = vocab("the of and to in a is that for on was with as by at from it said were has have are be "
                     "an this which after its had their but not they who been or will")
_EN_STOP_BYTES = frozenset(w.encode("ascii") for w in _EN_STOP)


@dataclass(frozen=True, kw_only=True)
class CleanOptions:
    """How the cleaner decides.

    html_favor: trafilatura mode for HTML: ``precision``, ``recall`` or ``balanced`` (precision
        mode, recall mode when precision keeps less than ``recall_ratio`` of the recall text).
    include_tables: keep table text in HTML bodies.
    html_line_filter: run the line cleaner over trafilatura's output as well.
    min_menu_run: this many short list items in a row are a menu (one more when unmarked).
    edge_words: lines of at most this many words without sentence punctuation at the top or
        bottom of a page are chrome.
    repeat_min_words: a verbatim repeat of a prose paragraph of at least this many words is dropped.
    recurring_min_documents / recurring_min_share / recurring_max_chars: a line recurs in a site
        when at least that many of its documents, and that share of them, contain it, and it is no
        longer than that many characters.
    """

    html_favor: str = "balanced"
    recall_ratio: float = 0.5
    include_tables: bool = True
    html_line_filter: bool = True
    min_menu_run: int = 3
    edge_words: int = 2
    repeat_min_words: int = 15
    recurring_min_documents: int = 3
    recurring_min_share: float = 0.5
    recurring_max_chars: int = 120

    def __post_init__(self) -> None:
        if self.html_favor not in _FAVOURS:
            raise ConfigError(f"html_favor must be one of {', '.join(_FAVOURS)}, not {self.html_favor!r}")
        if not 0.0 < self.recall_ratio <= 1.0:
            raise ConfigError(f"recall_ratio must be in (0, 1], not {self.recall_ratio}")
        if self.min_menu_run < 2:
            raise ConfigError(f"min_menu_run must be at least 2, not {self.min_menu_run}")
        if not 0 <= self.edge_words <= 5:
            raise ConfigError(f"edge_words must be in 0..5, not {self.edge_words}")
        if self.repeat_min_words < 1:
            raise ConfigError(f"repeat_min_words must be positive, not {self.repeat_min_words}")
        if self.recurring_min_documents < 2:
            raise ConfigError(f"recurring_min_documents must be at least 2, not {self.recurring_min_documents}")
        if not 0.0 < self.recurring_min_share <= 1.0:
            raise ConfigError(f"recurring_min_share must be in (0, 1], not {self.recurring_min_share}")
        if self.recurring_max_chars < 1:
            raise ConfigError(f"recurring_max_chars must be positive, not {self.recurring_max_chars}")


@dataclass(frozen=True)
class CleanContext:
    """What a batch says about its sites: per site (outlet host), the normalised lines that recur
    across its documents. Plain tuples, so it pickles to worker processes."""

    recurring: tuple[tuple[str, tuple[str, ...]], ...] = ()
    _index: dict[str, frozenset[str]] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({site: frozenset(lines) for site, lines in self.recurring})

    def lines_for(self, site: str | None) -> frozenset[str]:
        return self._index.get(site, frozenset()) if site else frozenset()


# -- per media type: body lines and container metadata ----------------------------------------
@dataclass
class _Parts:
    lines: list[tuple[int | None, str]]
    meta: dict[str, str] = field(default_factory=dict)  # field name -> value
    from_html: bool = False  # lines an HTML extractor cut from markup (layout already judged)


_LENIENT_JSON = json.JSONDecoder(strict=False)  # the decoder json.loads(text, strict=False) builds on every call


def loads_lenient(text: str) -> Any:
    """``json.loads(text, strict=False)``, with one decoder for all calls."""
    if text.startswith("\ufeff"):
        return json.loads(text, strict=False)  # raises json's own error about the byte-order mark
    return _LENIENT_JSON.decode(text)


def _fail(document: Document, reason: str) -> DocumentError:
    return DocumentError(document.origin, "clean", reason, document.id)


def _json(document: Document) -> dict[str, Any]:
    try:
        value = loads_lenient(decode(document.raw))
    except (ValueError, UndecodableError) as exc:
        raise _fail(document, f"malformed JSON record ({exc})") from exc
    if not isinstance(value, dict):
        raise _fail(document, "JSON record is not an object")
    return value


def _str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(s for s in (_str(v) for v in value) if s)
    return scrub(str(value)).strip()


def _text_lines(text: str) -> list[tuple[int | None, str]]:
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1)]


def _html_parts(document: Document, html: str, url: str | None, options: CleanOptions) -> _Parts:
    got = extract_html(html, url, favor=options.html_favor, include_tables=options.include_tables,
                       recall_ratio=options.recall_ratio, scrubbed=True)  # every caller below scrubs
    if got is None:
        raise _fail(document, "no body text found in the HTML")
    meta = {k: v for k, v in (("title", got.title), ("author", got.author), ("date", got.date),
                              ("sitename", got.sitename), ("url", got.url)) if v}
    return _Parts([(None, p) for p in got.paragraphs], meta, from_html=True)


def _parts(document: Document, options: CleanOptions) -> _Parts:
    media = document.media_type.split(";")[0].strip().lower()
    if media == NEWSPLEASE:
        record = _json(document)
        body = _str(record.get("maintext")) or _str(record.get("text")) or _str(json_body(record))
        meta = {name: _str(json_field(record, name)) for name in FIELD_ALIASES}
        return _Parts(_text_lines(body), {k: v for k, v in meta.items() if v})
    if media == FEED_ENTRY:
        record = _json(document)
        content = _str(record.get("content"))
        meta = {"title": _str(record.get("title")), "url": _str(record.get("link")),
                "date_publish": _str(record.get("published")), "authors": _str(record.get("author"))}
        meta = {k: v for k, v in meta.items() if v}
        if not content:
            return _Parts([], meta)
        if not re.search(r"<[a-zA-Z][^>]*>", content):
            return _Parts(_text_lines(content), meta)
        parts = _html_parts(document, content, meta.get("url"), options)
        return _Parts(parts.lines, {**parts.meta, **meta}, from_html=True)
    try:
        text = scrub(decode(document.raw))
    except UndecodableError as exc:
        raise _fail(document, f"undecodable: {exc}") from exc
    if media in (HTML, "application/xhtml+xml"):
        return _html_parts(document, text, document.hint("url"), options)
    return _Parts(_text_lines(text))


def _site(document: Document, meta: dict[str, str]) -> str | None:
    for value in (document.hint("source_domain"), meta.get("source_domain"), document.hint("url"),
                  meta.get("url")):
        host = md.normalise_host(value)
        if host:
            return host
    return None


_ASCII_SPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"  # what str.split() splits ASCII text on


def _may_be_short(line: str, limit: int) -> bool:
    """False when ``norm_line(line)`` is longer than ``limit`` for sure: in ASCII text every character that
    is not white space stays one in the key, except the three at most of a list marker."""
    if len(line) <= limit or not line.isascii():
        return True
    return len(line.encode("ascii").translate(None, _ASCII_SPACE)) - 3 <= limit


# -- the stage ------------------------------------------------------------------------------------
def build_context(documents: Iterable[Document], options: CleanOptions | None = None) -> CleanContext:
    """Find lines recurring across the documents of one site in this batch (text bodies only:
    HTML pages are left to trafilatura). Documents that cannot be read are skipped here; clean
    reports them."""
    options = options or CleanOptions()
    per_site: dict[str, list[set[str]]] = {}
    for document in documents:
        if document.media_type.split(";")[0].strip().lower() in (HTML, "application/xhtml+xml"):
            continue
        site = _site(document, {})
        if site is None:
            continue
        try:
            parts = _parts(document, options)
        except DocumentError:
            continue
        limit = options.recurring_max_chars
        per_site.setdefault(site, []).append(
            {key for _, line in parts.lines if _may_be_short(line, limit) and 0 < len(key := norm_line(line)) <= limit})
    recurring = []
    for site in sorted(per_site):
        docs = per_site[site]
        if len(docs) < options.recurring_min_documents:
            continue
        counts = Counter(k for keys in docs for k in keys)
        need = max(options.recurring_min_documents, options.recurring_min_share * len(docs))
        lines = tuple(sorted(k for k, c in counts.items() if c >= need))
        if lines:
            recurring.append((site, lines))
    return CleanContext(tuple(recurring))


def _language(paragraphs: list[str], sample_chars: int = 20_000) -> str | None:
    """``en`` when function words are frequent enough; judged on the first ``sample_chars`` characters."""
    sample: list[str] = []
    size = 0
    for p in paragraphs:
        sample.append(p[: sample_chars - size])
        size += len(sample[-1])
        if size >= sample_chars:
            break
    # the runs of a-z in the lowered sample: every other character (a non-ASCII one as its "?") becomes a space
    words = " ".join(sample).lower().encode("ascii", "replace").translate(_LETTERS_ONLY).split()
    if len(words) < 5:
        return None
    return "en" if sum(map(_EN_STOP_BYTES.__contains__, words)) / len(words) >= 0.12 else None


# A wire dateline names the agency that wrote the report: "SELBRA, April 15 (Meridian Wire) - ...",
# "KUNDUZ, Afghanistan (AP) — ..."
_DATELINE_OUTLET = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:,[^()\n]{1,40})?\s*\(([A-Z][\w .&'’-]{1,40}?)\)\s*[-–—―]")


def _dateline_outlet(paragraphs: Sequence[str]) -> str | None:
    """The agency a report's dateline credits, for a text that names no site (the first paragraphs only)."""
    for para in paragraphs[:3]:
        m = _DATELINE_OUTLET.match(para)
        if m:
            return m.group(1).strip()
    return None


def clean(document: Document, options: CleanOptions = CleanOptions(), *,
          context: CleanContext | None = None) -> Article:
    """Clean one document into an Article; raises DocumentError when nothing usable is left."""
    parts = _parts(document, options)
    site = _site(document, parts.meta)
    recurring = context.lines_for(site) if context is not None else frozenset()
    if parts.from_html and not options.html_line_filter:
        cleaned = Cleaned(paragraphs=[line for _, line in parts.lines], removed=[])
    else:
        cleaned = classify(parts.lines, recurring=recurring, min_menu_run=options.min_menu_run,
                           edge_words=options.edge_words, structural=not parts.from_html,
                           repeat_min_words=options.repeat_min_words,
                           title=parts.meta.get("title"))
    given_title = _str(document.hint("title")) or parts.meta.get("title")
    if not cleaned.paragraphs and given_title and parts.lines:
        cleaned.paragraphs.append(given_title.strip())  # a record whose body is all page furniture: its headline
    if not cleaned.paragraphs:
        reason = "no body text left after cleaning" if parts.lines else "no body text"
        raise _fail(document, reason)
    meta = parts.meta

    def hint(key: str) -> str | None:
        return _str(document.hint(key)) or None

    published = None
    for name, value in (("date_publish", hint("date_publish")), ("date_publish", meta.get("date_publish")),
                        ("date", meta.get("date"))):  # ("date": trafilatura's, of an HTML page)
        published = published or md.parse_metadata_date(value, name)
    url = hint("url") or meta.get("url") or None
    published = published or cleaned.published or md.parse_url_date(url) or Published()
    outlet = site or (meta.get("sitename") or None) or (
        None if cleaned.original_source else _dateline_outlet(cleaned.paragraphs))  # a syndicated copy is no agency
    return Article(
        id=document.id[:16],
        document_id=document.id,
        origin=document.origin,
        paragraphs=tuple(cleaned.paragraphs),
        title=hint("title") or meta.get("title") or cleaned.title,
        outlet=outlet,
        url=url,
        byline=hint("authors") or hint("author") or meta.get("authors") or meta.get("author") or cleaned.byline,
        section=cleaned.section,
        published=published,
        removed=tuple(cleaned.removed),
        original_source=cleaned.original_source,
        language=_language(cleaned.paragraphs),
    )
