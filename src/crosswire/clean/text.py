"""The line cleaner: decides for each line of a page's text whether it is body, chrome or metadata.

Decisions come from features of the line and its neighbours, not from a list of known phrases:
length in words, sentence punctuation, share of function words, list markers, runs of short
items (menus), position at the top or bottom of the page, separators, interface vocabulary in
short lines without sentence structure (unless the next paragraph takes the line's words up, as
under a subheading), date-only lines and stamps glued to the front of a page's first lines (of all
the stamps a page shows, one labelled as published or standing by the byline dates it, an update
last; see :mod:`.blocks`), byline and section forms, source and photo credits
(``Name/Agency``) and captions closed by one (``... on Tuesday. Photograph: Name/Agency``, ``(Photo:
Agency)``), a site's notices about itself (its age, its cookies), link labels before or after a headline,
lists of other stories under a list heading ("The Latest", "Popular in World") or a rule at the foot (their
"Four killed in ..." are other events'), a site's banner or slogan above the headline (the text below takes
up none of its words), calls to action (an imperative about newsletters or accounts; a quoted one,
or an embedded social post signed with its handle, is content), and lines that recur across the
documents of one site (see :class:`crosswire.clean.CleanContext`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Published, RemovedLine
from . import chrome as ch
from . import metadata as md
from .blocks import GLUED_RE, banner, publication_stamp, stamp_line, teaser_lists
from .lines import FUNCTION_WORDS, find_words, headline_like
from .lines import MARKER_RE as _MARKER_RE
from .lines import SENTENCE_END as _SENTENCE_END
from .lines import WORD_RE as _WORD_RE
from .lines import Line as _Line
from .lines import make_line as _line

_SEPARATOR_RE = re.compile(r"^[\W_]{1,40}$")
_QUOTE_RE = re.compile(r"[\"“”‘]")
# The vocabulary of page interfaces: calls to action, widgets, navigation.
UI_WORDS = ch.vocab(
    "follow share shares subscribe subscribed subscription comment comments commenting sign login log register "
    "loading load read click tap download advertisement advertisements advert ad ads sponsored related tags tag "
    "newsletter newsletters print email e-mail tweet whatsapp facebook twitter telegram instagram youtube "
    "linkedin reddit google news feed rss reply replies post like likes menu home search skip cookie cookies "
    "accept close watch listen next previous back top copyright rights reserved privacy policy terms contact "
    "view see show hide continue recommended trending popular join app apps notifications alerts "
    "bookmark save saved copy link print story stories article articles video videos photo photos gallery "
    "page pages up in out more now reading image images slideshow scroll embed enlarge toggle caption pinterest "
    "flipboard messenger sms main content navigation")


MIN_WORDS_AFTER_TITLE = 8  # a title is cut from the front of a paragraph only when a sentence follows


_LEADING_NON_WORD = re.compile(r"\W*")
_TITLE_TAIL = r"[\W]*?(?-i:(?=\s+[A-Z\u201c\"']))"  # after the title: a capitalised word after a space


def _title_prefix(text: str, title: str) -> int | None:
    """Where the body starts when ``text`` opens with ``title`` (same words, any case and punctuation between
    them) and goes on with a capitalised word after a space: the title was glued to the first paragraph.

    The pattern is compiled per title, so a text that cannot open with the title's first word is let go
    first. That word is compared only where it and the text's are ASCII: there IGNORECASE means ASCII case,
    while outside ASCII it matches more (the Kelvin sign is a k; a combining iota, a non-word character, an ι)."""
    words = find_words(title)
    if len(words) < 3 or title.rstrip().endswith(_SENTENCE_END):
        return None
    first = words[0]
    at = _LEADING_NON_WORD.match(text).end()  # type: ignore[union-attr]  # \W* matches anywhere
    head = text[at : at + len(first)]
    if first.isascii() and head.isascii() and head.lower() != first.lower():
        return None
    m = re.match(r"\W*" + r"\W+".join(re.escape(w) for w in words) + _TITLE_TAIL, text, re.IGNORECASE)
    if m is None or len(find_words(text[m.end():])) < MIN_WORDS_AFTER_TITLE:
        return None
    return m.end()


@dataclass
class Cleaned:
    paragraphs: list[str]
    removed: list[RemovedLine]
    title: str | None = None
    published: Published | None = None
    byline: str | None = None
    section: str | None = None
    original_source: str | None = None


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def norm_line(text: str) -> str:
    """The key a line is compared by (recurrence, repetition): marker dropped, case and spaces folded."""
    return _norm(_MARKER_RE.sub("", text.strip()))


def _is_ui(line: _Line) -> bool:
    """Short line without sentence structure made of interface words (``Follow Us on Google News``)."""
    if line.n == 0 or line.n > 8 or (line.ends_sentence and line.text.rstrip()[-1] in ".!?"):
        return False
    lower = [w.lower() for w in line.words if not w.isdigit()]  # "Slideshow (2 Images)": counts are neutral
    if not lower or ch.social_embed(line.text):
        return False
    ui = sum(w in UI_WORDS for w in lower)
    other = sum(w not in UI_WORDS and w not in FUNCTION_WORDS for w in lower)
    return ui >= 1 and lower[0] in UI_WORDS and other <= max(0, (len(lower) - 1) // 3)


def _heads_next(line: _Line, items: list[_Line]) -> bool:
    """A subheading rather than a widget: two or more content words, one of which (four letters or
    more) the next paragraph takes up (``Hide apps`` over a paragraph on hiding applications)."""
    nxt = items[line.index + 1] if line.index + 1 < len(items) else None
    content = [w.lower() for w in line.words if w.lower() not in FUNCTION_WORDS]
    if nxt is None or len(content) < 2 or nxt.n < 8 or not nxt.ends_sentence or line.marker or ":" in line.text:
        return False
    following = {w.lower() for w in nxt.words}
    return any(len(w) >= 4 and (w in following or w + "s" in following or w.rstrip("s") in following)
               for w in content)


_SHARE_RUN_RE = re.compile(r"(?:[A-Z][A-Za-z]+\s+){3,}")
_SHARE_WORD_RE = re.compile(r"([A-Z][A-Za-z]+)\s+")


def _share_prefix(raw: str) -> int:
    """Length of a leading run of three or more capitalised interface words stuck to a caption or
    paragraph (``Facebook Twitter Pinterest The probe lifts off...``); 0 when there is none."""
    m = _SHARE_RUN_RE.match(raw)
    if not m:
        return 0
    end = 0
    for w in _SHARE_WORD_RE.finditer(raw[: m.end()]):
        if w[1].lower() not in UI_WORDS:
            break
        end = w.end()
    return end if len(raw[:end].split()) >= 3 and len(raw[end:].split()) >= 3 else 0


_COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)|copyright\b)")
_COPYRIGHT_OPENINGS = frozenset("©(Cc")  # the characters whose lower case opens that


def _copyright(line: _Line) -> bool:
    """``© 2024 Example Media. All rights reserved.`` (but not a caption that opens with a photo credit)."""
    if line.text[:1] not in _COPYRIGHT_OPENINGS:
        return False
    lower = line.text.lower()
    return bool(_COPYRIGHT_RE.match(lower)) and (
        line.n <= 6 or "rights reserved" in lower or "may not be" in lower)


def _is_short_item(line: _Line) -> bool:
    return 0 < line.n <= 5 and not line.ends_sentence and len(line.text) <= 40


def _prose(line: _Line, min_words: int) -> bool:
    """A paragraph of running text (long, ends a sentence, mostly words): a verbatim repeat of it is a
    scraping duplicate, while repeated short or tabular items (list entries, recipe rows) are structure."""
    return line.n >= min_words and line.ends_sentence and line.digits <= 0.1 * line.n


def _agency_like(text: str) -> bool:
    """One to four capitalised words naming an outlet or agency (``Meridian Wire``, ``Reuters``)."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(r"[\d.!?;:]", text)


def _headline_after_nav(items: list[_Line], line: _Line) -> _Line | None:
    """The headline-like line that follows ``line`` once navigation or chrome lines stand between them:
    pages put the site banner above the menu and the headline below it."""
    i = items.index(line) + 1
    crossed = False
    while i < len(items) and items[i].reason is not None:
        crossed = crossed or items[i].reason in ("menu", "chrome", "separator")
        i += 1
    if not crossed:
        return None
    for nxt in items[i : i + 3]:  # over a short section label ("World News") to the headline
        if nxt.reason is not None:
            continue
        if headline_like(nxt.text) and not nxt.ends_sentence:
            return nxt
        if nxt.n > 3:
            return None
    return None


def classify(lines: Sequence[tuple[int | None, str]], *, recurring: frozenset[str] = frozenset(),
             min_menu_run: int = 3, edge_words: int = 2, structural: bool = True,
             repeat_min_words: int = 15, title: str | None = None) -> Cleaned:
    """Clean ``lines`` (``(line number or None, text)``, empty lines allowed).

    ``structural``: also judge lines by layout (menus as runs of short items, short lines at the
    page edges); off for text an HTML extractor already cut from the page's markup.
    ``repeat_min_words``: a verbatim repeat of a prose paragraph this long or longer is dropped
    (shorter or tabular repeats, like list items, are page structure); the repeated title always is.
    ``title``: the headline the page's metadata gives; a copy of it at the top of the body is the
    title again, not body text."""
    items: list[_Line] = []
    out = Cleaned(paragraphs=[], removed=[])
    for number, raw in lines:
        raw = raw.strip()
        if not raw:
            continue
        if cut := _share_prefix(raw):
            out.removed.append(RemovedLine(text=raw[:cut].strip(), reason="chrome", line=number))
            raw = raw[cut:].strip()
        items.append(_line(len(items), number, raw))

    prose = [line.index for line in items if line.ends_sentence and line.n >= 8]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (len(items), -1)
    # 0. a stamp glued to the front of one of the page's first lines: the stamp is metadata, the rest stays a line
    stamps: list[tuple[int, Published]] = []
    for line in items[: first_prose + 1]:
        if (lead := md.split_leading_stamp(line.text)) is None or stamp_line(line.text):
            continue  # no stamp opens the line, or the whole line is one (step 1 reads it)
        stamp, rest = lead
        out.removed.append(RemovedLine(text=stamp.evidence.removeprefix("text:"), reason="metadata:published",
                                       line=line.number))
        stamps.append((line.index, stamp))
        items[line.index] = _line(line.index, line.number, rest)
    # 1. forms that stand alone: separators, source credits, timestamps, bylines, copyright, interface
    for line in items:
        if not line.n and _SEPARATOR_RE.match(line.raw):
            line.reason = "separator"
        elif (credit := md.parse_credit(line.text)) is not None:
            line.reason = "metadata:original_source"
            out.original_source = out.original_source or credit[0]
        elif (stamp := md.parse_timestamp_line(line.text)) is not None:
            line.reason = "metadata:published"
            stamps.append((line.index, stamp))
        elif (name := md.parse_byline(line.text)) is not None:
            line.reason = "metadata:byline"
            out.byline = out.byline or name
        elif (both := md.parse_stamp_and_byline(line.text)) is not None:
            line.reason = "metadata:published"
            stamps.append((line.index, both[0]))
            out.byline = out.byline or both[1]
        elif (labelled := md.parse_labelled_stamp(line.text)) is not None:
            line.reason = "metadata:published"
            stamps.append((line.index, labelled))
        elif (glued := md.parse_agency_stamp(line.text)) is not None:
            line.reason = "metadata:published"  # "AFPApril 22, 2018": the agency is the byline
            stamps.append((line.index, glued[0]))
            out.byline = out.byline or glued[1]
        elif line.index < 3 and (name := md.parse_name_and_outlet(line.text)) is not None:
            line.reason = "metadata:byline"
            out.byline = out.byline or name
        elif md.is_update_time(line.text):
            line.reason = "metadata:updated"
        elif (tag := ch.tags_line(line.text)) is not None:
            line.reason = "metadata:section"
            out.section = out.section or tag
        elif not first_prose <= line.index <= last_prose and ch.horizontal_menu(line.text):
            line.reason = "menu"  # a navigation bar sits above or below the running text; a table row in it is content
        elif (ch.link_label(line.text) or ch.tagged_link(line.text) or ch.trailing_label(line.text)
              or ch.list_heading(line.text)):
            line.reason = "link"
        elif (ch.photo_credit(line.text) or ch.gallery_captions(line.text) or ch.file_photo_caption(line.text)
              or ch.caption_credit(line.text)):
            line.reason = "credit"  # a credit, or a caption closed by its credit
        elif ch.teaser_strip(line.text):
            line.reason = "link"  # "MOST READ IN NEWS 'KICKER' headline KICKER headline ..."
        elif ((_is_ui(line) and not _heads_next(line, items)) or _copyright(line) or ch.form_message(line.text)
              or ch.site_notice(line.text) or ch.outlet_call(line.text)):
            line.reason = "chrome"
        elif line.n <= 12 and not _QUOTE_RE.search(line.text) and ch.call_to_action(line.text, anywhere=True):
            line.reason = "chrome"  # a short call to action anywhere ("Get our newsletter. SUBSCRIBE")

    # 2. the metadata block: section lines and bare name lines next to a stamp or byline
    def near_meta(i: int) -> bool:
        return any(0 <= j < len(items) and items[j].reason in ("metadata:published", "metadata:byline")
                   for j in (i - 2, i - 1, i + 1, i + 2))

    for line in items:
        if line.reason is not None or line.n > 7 or not near_meta(line.index):
            continue
        name, comma, agency = line.text.partition(",")
        if line.n <= 4 and (section := md.parse_section(line.text)) is not None:
            line.reason = "metadata:section"
            out.section = out.section or section
        elif line.n <= 4 and md.looks_like_name(line.text) and out.byline is None and line.index > 0:
            line.reason = "metadata:byline"
            out.byline = line.text.strip()
        elif comma and md.looks_like_name(name) and _agency_like(agency):
            line.reason = "metadata:byline"  # "Anika Holm, Meridian Wire": a name and the agency they write for
            out.byline = out.byline or name.strip()

    if stamps:
        out.published = publication_stamp(stamps, items)

    # 3. menus: runs of short items (list-marked, or not at all sentence-like), metadata lines inside
    i = 0
    while structural and i < len(items):
        j, short, marked = i, 0, 0
        while j < len(items) and (_is_short_item(items[j]) or items[j].reason is not None):
            if items[j].reason is None:
                short += 1
                marked += items[j].marker
            j += 1
        need = min_menu_run if marked * 2 >= short else min_menu_run + 1
        if short >= need:
            for line in items[i:j]:
                if line.reason is None:
                    line.reason = "menu"
        i = max(j, i + 1)

    # 4. the foot of the article: calls to action, credits, contacts, lists of related headlines
    for line in reversed(items):
        if line.reason is not None:
            continue
        if structural and not any(c.isalnum() for c in line.text):
            line.reason = "separator"  # a rule between the article and what follows it
        elif ch.call_to_action(line.text) or (structural and ch.foot_furniture(line.raw)):
            line.reason = "chrome"
        elif (cut := ch.split_credit(line.text)) is not None:
            keep, credit = cut
            if not keep:
                line.reason = "credit"
                continue
            out.removed.append(RemovedLine(text=credit, reason="credit", line=line.number))
            line.text = line.raw = keep
            break
        elif ch.address_line(line.text):
            line.reason = "contact"
        elif ch.initials_credit(line.text) or ch.source_label(line.text):
            line.reason = "credit"
        elif (line.marker or (structural and line.n <= 14)) and headline_like(line.text) and line.n >= 4 \
                and "(" not in line.text and not line.ends_sentence and (
                    structural or ch.title_case_share(line.text) >= 0.6):
            # a teaser headline under the article ("10 Things You Didn't Know About Dams"); in a page's text cut
            # by an HTML extractor, only a list-marked one in title case (its last lines are the body's)
            line.reason = "link"
        else:
            break

    # 5. lists of other stories: under a heading ("The Latest", "Popular in World"), or under a rule at the foot
    teaser_lists(items, last_prose, structural)

    # 6. lines recurring across this site's documents
    if recurring:
        for line in items:
            if line.reason is None and norm_line(line.raw) in recurring:
                line.reason = "recurring"

    # 7. title: the headline the metadata gives, repeated at the top of the body; else a repeated
    # headline-like line near the top, else the first headline-like line
    if title:
        given_words = [w.casefold() for w in find_words(title)]
        given = " ".join(given_words)
        rest = [line for line in items if line.reason is None]
        for line in rest[:3] if len(rest) > 1 else ():  # a body that is only its headline keeps it
            first = _WORD_RE.search(line.text)  # a copy of the title opens with its first word: else no list needed
            if (given and first is not None and first[0].casefold() == given_words[0]
                    and " ".join(w.casefold() for w in line.words) == given):
                line.reason = "repeated-title"
        if rest and rest[0].reason is None and (cut := _title_prefix(rest[0].text, title)) is not None:
            # a body kept as one paragraph that opens with its headline, no stop between them ("Explosion
            # outside consulate The blast was ..."): the headline is cut off, the rest stays
            out.removed.append(RemovedLine(text=rest[0].text[:cut].strip(), reason="repeated-title",
                                           line=rest[0].number))
            rest[0].text = rest[0].raw = rest[0].text[cut:].lstrip()
            rest[0].n = len(rest[0].words)
    body = [line for line in items if line.reason is None]
    top = body[:6]
    keys = [_norm(line.text) for line in top]
    repeated = [line for line, k in zip(top, keys, strict=True) if keys.count(k) > 1 and headline_like(line.text)]
    candidates = repeated or [line for line in body[:3] if headline_like(line.text)]
    title_line = candidates[0] if candidates else None
    if title_line is not None and not repeated and (past_nav := _headline_after_nav(items, title_line)):
        title_line.reason = "chrome"  # a site banner above the navigation; the headline follows it
        title_line = past_nav
        body = [line for line in items if line.reason is None]
    elif (title_line is not None and not repeated and len(candidates) > 1
          and banner(candidates[0], candidates[1], body)):
        if GLUED_RE.search(title_line.text):
            title_line.reason = "chrome"  # two page elements run together ("The Daily PostNews You Can Use")
        title_line = candidates[1]
        body = [line for line in items if line.reason is None]
    if title_line is not None:
        out.title = title_line.text.strip()

    # 8. page edges: very short lines without sentence structure before or after the body
    for seq in (body, body[::-1]) if structural else ():
        for line in seq:
            if line is title_line or line.n > edge_words or line.ends_sentence:
                break
            if len(body) > 1:
                line.reason = "chrome"

    # 9. repeated title and verbatim repeated paragraphs: keep the first copy
    seen: set[str] = set()
    title_key = _norm(out.title) if out.title else None
    title_seen = False
    for line in items:
        if line.reason is not None:
            continue
        key = _norm(line.text)
        if key == title_key:
            if title_seen:
                line.reason = "repeated-title"
            title_seen = True
        elif _prose(line, repeat_min_words):  # only prose paragraphs are remembered
            if key in seen:
                line.reason = "repeated-paragraph"
            seen.add(key)
    for line in items:
        if line.reason is None:
            out.paragraphs.append(line.text.strip() if not line.marker else line.raw)
        else:
            out.removed.append(RemovedLine(text=line.raw, reason=line.reason, line=line.number))
    if all(r.line is not None for r in out.removed):
        out.removed.sort(key=lambda r: r.line or 0)
    return out
