"""Decisions over blocks of lines: which of a page's stamps dates it, a list of other stories under a heading or
a rule, a site's banner above the headline."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from ..records import Published
from . import chrome as ch
from . import metadata as md
from .lines import FUNCTION_WORDS, Line, headline_like

# Two words run together with no space, the second capitalised ("PostDemocracy"): two page elements met there.
GLUED_RE = re.compile(r"[a-z]{2}[A-Z][a-z]")
_TOPIC_MIN = 4  # letters of a word that can tell what a text is about


_TOPIC_WORD_RE = re.compile(rf"[^\W\d_]{{{_TOPIC_MIN},}}")


def _topic_words(lines: Sequence[Line]) -> set[str]:
    """The words of four letters or more, lowered, a plural's "s" dropped, that are not function words."""
    return {w.rstrip("s") for line in lines for w in _TOPIC_WORD_RE.findall(line.text.lower())
            if w not in FUNCTION_WORDS}


def banner(first: Line, second: Line, body: list[Line]) -> bool:
    """Whether ``first``, a headline-like line above another, is the site's banner or a slogan, not the headline:
    the running text under the two (its first paragraphs of eight words or more) takes up none of its words but
    some of the second's."""
    below = _topic_words(list(islice((line for line in body if line.index > second.index and line.n >= 8), 6)))
    return not (_topic_words([first]) & below) and bool(_topic_words([second]) & below)


TEASER_HEAD_WORDS = 20  # a teaser headline is short
TEASER_SUMMARY_WORDS = 45  # a teaser's summary is one sentence
_INNER_STOP = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")


def _teaser_head(line: Line) -> bool:
    return line.n <= TEASER_HEAD_WORDS and not line.ends_sentence and headline_like(line.text)


def _teaser_shape(line: Line) -> bool:
    """A teaser headline, or one sentence short enough for a teaser's summary."""
    return _teaser_head(line) or (line.n <= TEASER_SUMMARY_WORDS and not _INNER_STOP.search(line.text))


def _teaser(line: Line, above: set[str]) -> bool:
    """A teaser headline, or a teaser's one-sentence summary: one that ends no sentence (it runs into its section's
    link, "... the capital World News -") or that is about something else than the text above (it takes up at most
    one of its words). A sentence of the report that goes on below a heading is neither."""
    if _teaser_head(line):
        return True
    return _teaser_shape(line) and (not line.ends_sentence or len(_topic_words([line]) & above) <= 1)


def teaser_lists(items: list[Line], last_prose: int, structural: bool) -> None:
    """Remove a list of other stories: the lines after a list heading ("The Latest", "Popular in World", "Also Read"),
    or after a rule below the last paragraph of running text, when every one of them to the end of the page is a
    teaser (see :func:`_teaser`) and there are two or more (under a rule: two or more headlines). Under a heading
    that the report goes on after, only a run of two or more headlines right below it. Their figures ("Four killed
    in ...") are other events'."""
    for line in items:
        heading = line.reason == "link" and ch.list_heading(line.text)
        rule = structural and line.reason == "separator" and line.index > last_prose
        if not (heading or rule):
            continue
        after = [x for x in items[line.index + 1:] if x.reason is None]
        if not after:
            return
        if all(map(_teaser_shape, after)):
            above = _topic_words([x for x in items[: line.index] if x.reason is None])
            if all(_teaser(x, above) for x in after) and (
                    sum(map(_teaser_head, after)) >= 2 or (heading and len(after) >= 2)):
                for x in after:
                    x.reason = "link"
                return
        if heading:
            run: list[Line] = []
            for x in items[line.index + 1:]:
                if x.reason == "separator":
                    continue
                if x.reason is not None or not _teaser_head(x):
                    break
                run.append(x)
            if len(run) >= 2:
                for x in run:
                    x.reason = "link"


def stamp_line(text: str) -> bool:
    """Whether the whole line is a stamp of one of the forms step 1 reads."""
    return (md.parse_timestamp_line(text) is not None or md.parse_stamp_and_byline(text) is not None
            or md.parse_labelled_stamp(text) is not None or md.parse_agency_stamp(text) is not None)


_PUBLISHED_LABEL_RE = re.compile(r"\b(?:published|posted|created|dated?)\b", re.I)


def publication_stamp(stamps: list[tuple[int, Published]], items: list[Line]) -> Published:
    """The stamp that dates the publication, of all a page shows: a stamp labelled as published or standing by
    the byline first, then an unlabelled one, an update last; the first of the best kind. A date alone at the
    top of a page, away from the byline, is often the day the page was served ("Saturday November 02, 2024"
    above a report the byline block dates "May 22, 2020")."""
    def by_byline(i: int) -> bool:  # in one block of metadata lines with the byline, no body text between them
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(items) and abs(j - i) <= 3 and (items[j].reason or "").startswith("metadata:"):
                if items[j].reason == "metadata:byline":
                    return True
                j += step
        return False

    def rank(entry: tuple[int, Published]) -> int:
        i, stamp = entry
        if md.is_update_stamp(stamp):
            return 2
        return 0 if _PUBLISHED_LABEL_RE.search(stamp.evidence) or by_byline(i) else 1

    ordered = sorted(stamps, key=lambda entry: entry[0])
    best = min(ordered, key=rank)  # min keeps the first of equal rank
    # the same day told to the minute by another stamp of the same kind ("date 2021-07-08" above "Published:
    # 08 Jul 2021 10:20 PM"): that one, for its time
    timed = [s for entry in ordered if rank(entry) == rank(best) and (s := entry[1]).precision == "datetime"
             and (s.value or "")[:10] == (best[1].value or "")[:10]]
    return best[1] if best[1].precision == "datetime" or not timed else timed[0]
