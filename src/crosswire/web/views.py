"""Plain helpers that turn records into what the templates show: no HTML strings are built here.

Templates autoescape everything; these functions only decide *what* to show (segments of
text to mark, which URL may become a link, how a bound reads).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .. import records as r

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")
HL_RE = re.compile(r"^(\d{1,9})-(\d{1,9})$")
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def valid_id(value: str) -> bool:
    return bool(ID_RE.fullmatch(value))


def anchor(value: str) -> str:
    """An id usable in an HTML id attribute and a URL fragment."""
    return _ANCHOR_UNSAFE.sub("-", value)


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL that is safe to put in href, else None."""
    if not url or len(url) > 2048 or _CONTROL.search(url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def num(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) < 1:  # "0.002" (a depth of 2 m in km), never "0.00"
        return f"{value:.2g}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def bounds(low: float | None, high: float | None, approx: bool = False) -> str:
    """How a report's bounds read: ``130``, ``≥ 89``, ``≤ 7,000``, ``10–20``, ``~2,000,000``."""
    prefix = "~" if approx else ""
    if low is not None and high is not None:
        return prefix + (num(low) if low == high else f"{num(low)}–{num(high)}")
    if low is not None:
        return f"≥ {prefix}{num(low)}"
    if high is not None:
        return f"≤ {prefix}{num(high)}"
    return "unquantified"


def parse_hl(value: str | None, length: int) -> tuple[int, int] | None:
    """The ``?hl=START-END`` span, clamped to the text; None if absent or malformed."""
    if not value:
        return None
    m = HL_RE.fullmatch(value)
    if not m:
        return None
    start, end = min(int(m.group(1)), length), min(int(m.group(2)), length)
    return (start, end) if start < end else None


@dataclass(frozen=True)
class Segment:
    """A run of article text and what covers it."""

    text: str
    claim: r.Claim | None = None  # the first claim covering it (its mark links to that claim's fact)
    starts_claims: tuple[str, ...] = ()  # anchors of claims that start here
    highlighted: bool = False
    starts_highlight: bool = False
    ends_highlight: bool = False


def segments(text: str, claims: tuple[r.Claim, ...], hl: tuple[int, int] | None) -> list[Segment]:
    """Cut ``text`` at every claim and highlight boundary; overlapping spans are handled by
    giving each piece the first claim that covers it."""
    n = len(text)
    spans = [(max(0, min(c.span[0], n)), max(0, min(c.span[1], n)), c) for c in claims]
    spans = [s for s in spans if s[0] < s[1]]
    spans.sort(key=lambda s: (s[0], -s[1], s[2].id))
    cuts = {0, n}
    for start, end, _ in spans:
        cuts.update((start, end))
    if hl:
        cuts.update(hl)
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        covering = [c for s, e, c in spans if s <= a and b <= e]
        starting = tuple(anchor(c.id) for s, _, c in spans if s == a)
        in_hl = bool(hl and hl[0] <= a and b <= hl[1])
        out.append(Segment(text=text[a:b], claim=covering[0] if covering else None, starts_claims=starting,
                           highlighted=in_hl, starts_highlight=in_hl and a == hl[0],  # type: ignore[index]
                           ends_highlight=in_hl and b == hl[1]))  # type: ignore[index]
    return out


def sentence_span(text: str, claim: r.Claim) -> tuple[int, int]:
    """The span of the sentence that states ``claim`` in ``text`` (the claim's own span if not found)."""
    sentence = claim.sentence.strip()
    start, end = claim.span
    if sentence:
        at = text.find(sentence, max(0, end - len(sentence)))
        while 0 <= at <= start:
            if at + len(sentence) >= end:
                return at, at + len(sentence)
            at = text.find(sentence, at + 1)
    return start, end


def fact_of_claims(brief: r.Brief | None) -> dict[str, r.Fact]:
    """claim id -> the fact that lists it."""
    out: dict[str, r.Fact] = {}
    for fact in brief.facts if brief else ():
        for rep in fact.reports:
            out.setdefault(rep.claim_id, fact)
    return out


def source_labels(brief: r.Brief) -> dict[str, str]:
    """article id -> a short name for the source (outlet, else title, else id), unique within the story."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for s in brief.sources:
        name = " ".join((s.outlet or s.title or s.article_id).split())
        base = (name if len(name) <= 40 else name[:38].rstrip() + "…") or s.article_id
        seen[base] = seen.get(base, 0) + 1
        labels[s.article_id] = base if seen[base] == 1 else f"{base} ({seen[base]})"
    return labels


def name_articles(text: str, labels: dict[str, str]) -> str:
    """An explanation names articles by id; a reader knows them by their source's name."""
    if not labels or not text:
        return text
    ids = re.compile("|".join(re.escape(a) for a in sorted(labels, key=len, reverse=True)))
    return ids.sub(lambda m: labels[m.group(0)], text)
