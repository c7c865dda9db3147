"""HTML to body paragraphs + metadata: trafilatura first; justext, plain lxml text, then the text between
the tags (no parser: libxml2 stops at 256 levels of nesting) as fallbacks.

trafilatura runs in precision mode (comments out); when that keeps far less text than its
recall mode, the page's body was pruned with the chrome and the recall output is used instead.
The recall run is the costly half, so it is skipped when it cannot win: its text is part of the
page's visible text, and when even all of that is too little to beat the precision output, the
answer is known without it. It takes no metadata (the precision run's is the same page's).

The page is parsed once, by trafilatura's own loader; both runs and the visible-text bound are handed
that tree (trafilatura works on a copy of a tree it is given). The metadata are the fields of trafilatura's
``extract_metadata`` that crosswire reads (:func:`page_metadata`): its category, tag and license
searches, a tenth of a page's time, are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Any

import lxml.etree
import trafilatura
from lxml.html import HtmlElement
from trafilatura import metadata as tm
from trafilatura.settings import DEFAULT_CONFIG, set_date_params
from trafilatura.settings import Document as TrafilaturaDocument
from trafilatura.utils import load_html

from .decode import scrub

_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td", "div", "section", "article", "br")


@dataclass(frozen=True)
class Extracted:
    paragraphs: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    method: str = "trafilatura"


_META_FIELDS = ("title", "author", "date", "sitename", "url")


def page_metadata(tree: HtmlElement, url: str | None) -> TrafilaturaDocument:
    """trafilatura's ``extract_metadata`` as ``bare_extraction`` calls it (date parameters from the default
    configuration) for the fields crosswire reads (``_META_FIELDS``), step by step as trafilatura takes
    them; the category, tag and license searches, which set none of them, are left out. Reads the tree,
    changes nothing."""
    date_config = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = tm.extract_meta_json(tree, meta)
    except Exception:  # trafilatura logs a bug in its JSON-LD reading and goes on
        pass
    if not meta.title:
        meta.title = tm.extract_title(tree)
    if not meta.author:
        meta.author = tm.extract_author(tree)
    if not meta.url:
        meta.url = tm.extract_url(tree, url)
    date_config["url"] = meta.url
    meta.date = tm.find_date(tree, **date_config)
    if not meta.sitename:
        meta.sitename = tm.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url:
        found = tm.META_URL.match(meta.url)
        if found:
            meta.sitename = found[1]
    meta.clean_and_trim()
    return meta


def _load(html: str) -> HtmlElement | None:
    """The tree trafilatura builds from ``html`` itself; None where it would give up on the page."""
    try:
        return load_html(html)
    except (TypeError, ValueError):
        return None


def _run(page: str | HtmlElement | None, url: str | None, *, precision: bool, recall: bool, tables: bool,
         metadata: bool = True) -> Any:
    """``trafilatura.bare_extraction`` of a page (markup, or the tree :func:`_load` made of it, left as it is),
    with the metadata of :func:`page_metadata`; None where trafilatura finds nothing or gives up."""
    tree = _load(page) if isinstance(page, str) else page
    if tree is None:
        return None
    meta = None
    if metadata:
        try:
            meta = page_metadata(tree, url)
        except (TypeError, ValueError):  # where bare_extraction gives up on the page
            return None
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=False, include_comments=False, include_tables=tables,
        favor_precision=precision, favor_recall=recall)
    return _with_metadata(doc, meta) if doc is not None and meta is not None else doc


_SPACE = re.compile(r"\s+")
_INVISIBLE = frozenset(("script", "style", "noscript", "template"))
VISIBLE_MARGIN = 1.1  # trafilatura breaks lines between blocks the page may write without a space


def visible_length(tree: HtmlElement) -> int:
    """Characters of the page's visible text (the tree's text outside script, style, noscript and
    template elements), runs of white space counted as one: an upper bound on what any extraction of
    the page can keep. Reads the tree trafilatura works on, changes nothing."""
    parts: list[str] = []
    walker = lxml.etree.iterwalk(tree, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            if el.tag in _INVISIBLE:
                walker.skip_subtree()  # its text is hidden, its tail (after it) is not
            elif el.text and isinstance(el.tag, str):  # no comment's or instruction's own text
                parts.append(el.text)
        elif el.tail and el is not tree:
            parts.append(el.tail)
    return len(_SPACE.sub(" ", "".join(parts)).strip())


def _with_metadata(wide: Any, doc: Any) -> Any:
    """The recall run's text with the precision run's metadata (the same page's)."""
    if doc is not None:
        for key in _META_FIELDS:
            setattr(wide, key, getattr(doc, key, None))
    return wide


def _text(doc: Any) -> str:
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def extract_html(html: str, url: str | None, *, favor: str = "balanced", include_tables: bool = True,
                 recall_ratio: float = 0.5, scrubbed: bool = False) -> Extracted | None:
    """Body lines and metadata of one page, or None when no extractor finds any text.

    ``favor``: ``precision`` (trafilatura precision mode only), ``recall`` (recall mode only) or
    ``balanced`` (precision mode, recall mode when precision keeps < ``recall_ratio`` of its text).
    Control characters XML refuses are taken out first (lxml raises on them), unless the caller
    already did (``scrubbed``: a second pass over a page finds nothing and costs a millisecond)."""
    if not scrubbed:
        html = scrub(html)
    doc = None
    try:
        tree = _load(html)  # once for both runs
        if favor == "recall":
            doc = _run(tree, url, precision=False, recall=True, tables=include_tables)
        else:
            doc = _run(tree, url, precision=True, recall=False, tables=include_tables)
            if favor == "balanced":
                kept = len(_text(doc))
                bound = visible_length(tree) if kept and tree is not None else None
                if bound is None or bound * VISIBLE_MARGIN * recall_ratio > kept:  # the recall run could win
                    wide = _run(tree, url, precision=False, recall=True, tables=include_tables, metadata=False)
                    if len(_text(wide)) * recall_ratio > kept:
                        doc = _with_metadata(wide, doc)
    except (ValueError, TypeError, AttributeError, RecursionError):  # trafilatura on broken markup
        doc = None
    text = _text(doc)
    meta = {k: (getattr(doc, k, None) if doc is not None else None) for k in _META_FIELDS}
    if text.strip():
        return Extracted(paragraphs=_lines(text), **meta)
    fallback = _justext(html) or _lxml_text(html) or _stripped_text(html)
    if fallback:
        return Extracted(paragraphs=fallback, method="fallback", **meta)
    return None


def _justext(html: str) -> tuple[str, ...]:
    try:
        import justext
        import lxml.etree

        paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    except (ValueError, TypeError, LookupError, RecursionError, lxml.etree.LxmlError):
        return ()
    return tuple(p.text.strip() for p in paragraphs if not p.is_boilerplate and p.text.strip())


def _lxml_text(html: str) -> tuple[str, ...]:
    try:
        import lxml.etree
        import lxml.html

        tree = lxml.html.fromstring(html)
    except (ValueError, TypeError, RecursionError, lxml.etree.LxmlError):  # empty or unparsable markup
        return ()
    for bad in tree.xpath("//script|//style|//noscript|//nav|//header|//footer|//aside|//form"):
        bad.drop_tree()
    for el in tree.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    text = tree.text_content()
    return tuple(re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip())


_BLOCK_RE = re.compile(r"<\s*/?\s*(?:" + "|".join(_BLOCK_TAGS) + r")\b[^>]*>", re.I)
_TAG_RE = re.compile(r"<[^>]{0,2000}>")
_HIDDEN = ("script", "style", "noscript", "template")


def _stripped_text(html: str) -> tuple[str, ...]:
    """The text between the tags, without a parser: for markup nested deeper than lxml will go.
    Script, style and template contents are skipped; block tags break lines. Linear in the page."""
    lower = html.lower()
    parts: list[str] = []
    at = 0
    upcoming = {tag: lower.find("<" + tag) for tag in _HIDDEN}  # next opening of each, -1 when none
    while True:
        for tag, i in upcoming.items():
            if 0 <= i < at:
                upcoming[tag] = lower.find("<" + tag, at)
        found = [(i, tag) for tag, i in upcoming.items() if i >= 0]
        if not found:
            parts.append(html[at:])
            break
        start, tag = min(found)
        parts.append(html[at:start])
        end = lower.find("</" + tag, start)
        if end < 0:
            break
        close = lower.find(">", end)
        at = len(html) if close < 0 else close + 1
    text = _TAG_RE.sub("", _BLOCK_RE.sub("\n", "".join(parts)))  # inline tags join what they wrap
    lines = (re.sub(r"\s+", " ", unescape(line)).strip() for line in text.splitlines())
    return tuple(line for line in lines if line)
