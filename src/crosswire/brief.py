"""Brief: what a reader sees for one story — sources, facts, a merged timeline and a cited summary.

Every summary sentence is a real sentence of a cited article (its span points into Article.text); a
sentence stated in other words by other articles cites those too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain

from crosswire.clean.chrome import inline_media
from crosswire.errors import ConfigError
from crosswire.extract.aliases import merge_aliases
from crosswire.extract.attribution import link_descriptions
from crosswire.extract.sentences import sentences as split_sentences
from crosswire.memo import Memo
from crosswire.records import (
    Article,
    Brief,
    Citation,
    DatedEvent,
    Extraction,
    Fact,
    Link,
    Source,
    Story,
    SummarySentence,
    TimelineEntry,
)

STOPWORDS = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but",
    "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that",
    "these", "those", "their", "they", "them", "he", "she", "his", "her", "we", "our", "you", "your",
    "not", "no", "into", "over", "after", "before", "than", "which", "who", "whom", "whose", "what",
    "when", "where", "while", "also", "said", "says", "say", "according", "more", "most", "some",
    "such", "about", "up", "out", "will", "would", "could", "should", "can", "may", "might", "just",
    "only", "very", "one", "two",
))
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
# The _WORD matches of more than two characters: a run of word characters that yields no such match from its
# first letter yields none from a later one either, so these are exactly the long matches of _WORD.
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]{2,}")
_NUM = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True, kw_only=True)
class BriefOptions:
    """``summary_min``/``summary_max``: summary length; ``redundancy``: content-word similarity above which
    two sentences say the same thing; ``citation_similarity``: similarity above which another article's
    sentence is cited as stating it too; ``timeline_similarity``: same for event descriptions."""

    summary_min: int = 5
    summary_max: int = 10
    redundancy: float = 0.45
    citation_similarity: float = 0.5
    timeline_similarity: float = 0.5
    min_words: int = 8
    max_words: int = 70
    sentences_per_article: int = 8  # summary candidates: the first eligible sentences of each article
    centrality_articles: int = 30  # centrality is measured against this many articles' sentences
    timeline_words: int = 30  # a timeline entry quotes at most this many words around its date

    def __post_init__(self) -> None:
        if not 1 <= self.summary_min <= self.summary_max:
            raise ConfigError(f"BriefOptions: need 1 <= summary_min <= summary_max, got "
                              f"{self.summary_min}, {self.summary_max}")
        for name in ("redundancy", "citation_similarity", "timeline_similarity"):
            v = getattr(self, name)
            if not 0.0 < v <= 1.0:
                raise ConfigError(f"BriefOptions.{name} must be in (0, 1], got {v!r}")
        if self.timeline_words < 5:
            raise ConfigError("BriefOptions.timeline_words must be >= 5")
        if not 1 <= self.min_words < self.max_words:
            raise ConfigError("BriefOptions: need 1 <= min_words < max_words")


def _norm_outlet(s: str | None) -> str:
    if not s:
        return ""
    s = s.lower().strip()
    s = re.sub(r"^https?://", "", s)
    s = re.sub(r"^www\.", "", s)
    s = s.split("/")[0]
    if "." in s:
        s = s.split(".")[0]
    return re.sub(r"[^a-z0-9]", "", s)


def sources_of(story: Story, articles: Mapping[str, Article], links: Sequence[Link]) -> tuple[Source, ...]:
    """One Source per article of the story, with its copy relations and whether it is independent."""
    ids = [a for a in story.article_ids if a in articles]
    in_story = set(ids)
    dup: dict[str, str] = {}
    rew: dict[str, str] = {}
    for link in sorted(links, key=lambda x: (-x.score, x.article_id, x.of_article_id)):
        if link.article_id in in_story and link.of_article_id in in_story:
            target = dup if link.kind == "duplicate" else rew if link.kind == "rewrite" else None
            if target is not None:
                target.setdefault(link.article_id, link.of_article_id)
    outlets = {o: _norm_outlet(articles[o].outlet) for o in ids}
    urls = {o: _norm_outlet(articles[o].url) for o in ids}
    crediting: dict[str, list[str]] = {}  # a credited source -> the story's articles it names (once per source)
    out = []
    for aid in ids:
        a = articles[aid]
        orig = _norm_outlet(a.original_source)
        if orig and orig not in crediting:
            crediting[orig] = [o for o in ids if outlets[o].startswith(orig) or urls[o] == orig]
        credited = bool(orig) and any(o != aid for o in crediting[orig])
        independent = aid not in dup and aid not in rew and not credited
        out.append(Source(article_id=aid, outlet=a.outlet, title=a.title, published=a.published.value,
                          duplicate_of=dup.get(aid), rewrite_of=rew.get(aid), original_source=a.original_source,
                          independent=independent))
    return tuple(out)


# The only characters whose lower case has an ASCII letter (or ' or -) in it: "İ" -> "i̇", Kelvin "K" -> "k".
_LOWER_TO_ASCII = ("\u0130", "\u212a")


def content_words(text: str) -> frozenset[str]:
    # _WORD matches ASCII letters, ' and - only: lowering the whole text first lowers exactly its words,
    # unless the text holds a character that lowers to one of those
    if _LOWER_TO_ASCII[0] not in text and _LOWER_TO_ASCII[1] not in text:
        # the words of more than two characters (_LONG_WORD), each distinct one stripped once
        found = set(_LONG_WORD.findall(text.lower()))
        found -= STOPWORDS
        return frozenset([w.strip("'-") for w in found])
    return frozenset(w.lower().strip("'-") for w in _WORD.findall(text) if w.lower() not in STOPWORDS
                     and len(w) > 2)


def numbers(text: str) -> frozenset[str]:
    return frozenset(n.rstrip(".,").replace(",", "") for n in _NUM.findall(text))


def similarity(a: str, b: str) -> float:
    return word_similarity(content_words(a), content_words(b))


def word_similarity(wa: frozenset[str], wb: frozenset[str]) -> float:
    """Overlap of two word sets: shared / smaller set, weighted by the square root of their Jaccard."""
    if not wa or not wb:
        return 0.0
    shared = len(wa & wb)
    la, lb = len(wa), len(wb)
    return shared / (la if la <= lb else lb) * (shared / (la + lb - shared)) ** 0.5


def _similarities(words: frozenset[str], others: Sequence[frozenset[str]]) -> list[float]:
    """``word_similarity(words, w)`` for each ``w`` of ``others``, in order (the same floats, one pass)."""
    if not words:
        return [0.0] * len(others)
    la = len(words)
    return [0.0 if not (lb := len(w)) else
            (shared := len(words & w)) / (la if la <= lb else lb) * (shared / (la + lb - shared)) ** 0.5
            for w in others]


class _Positions:
    """Positions (of an article's reports), to find those in a span without reading them all."""

    def __init__(self, positions: Sequence[int]) -> None:
        self._order = sorted(range(len(positions)), key=positions.__getitem__)
        self._sorted = [positions[n] for n in self._order]

    def within(self, start: int, end: int) -> list[int]:
        """The indexes of the positions p with ``start <= p < end``, in their order."""
        return sorted(self._order[bisect_left(self._sorted, start):bisect_left(self._sorted, end)])


class _WordSets:
    """Word sets (of sentences, many the same), each distinct one measured once: ``similarities(words)`` is
    ``_similarities(words, sets)``. The words two sets share are counted through an index of the sets holding
    each word (a set sharing none has similarity 0.0)."""

    def __init__(self, sets: Sequence[frozenset[str]]) -> None:
        slot: dict[frozenset[str], int] = {}
        self.slots = [slot.setdefault(w, len(slot)) for w in sets]  # each set's index in distinct
        self.distinct = list(slot)
        self._sizes = [len(w) for w in self.distinct]
        self._holding: defaultdict[str, list[int]] = defaultdict(list)  # word -> the distinct sets holding it
        for k, w in enumerate(self.distinct):
            for word in w:
                self._holding[word].append(k)

    def distinct_similarities(self, words: frozenset[str]) -> list[float]:
        """``_similarities(words, self.distinct)``."""
        holding = self._holding
        shared = Counter(chain.from_iterable([holding[word] for word in words if word in holding]))
        found = [0.0] * len(self.distinct)
        la, sizes = len(words), self._sizes
        for k, n in shared.items():
            lb = sizes[k]
            found[k] = n / (la if la <= lb else lb) * (n / (la + lb - n)) ** 0.5
        return found

    def similarities(self, words: frozenset[str]) -> list[float]:
        found = self.distinct_similarities(words)
        return [found[k] for k in self.slots]


# Generic event words that say the same thing (for merging timeline entries).
EVENT_SYNONYMS = {
    "began": "start", "begin": "start", "begun": "start", "launched": "start", "launch": "start",
    "started": "start", "start": "start", "starts": "start", "launches": "start", "initiated": "start",
    "operation": "offensive", "attack": "offensive", "assault": "offensive", "offensive": "offensive",
    "ceasefire": "ceasefire", "truce": "ceasefire", "brokered": "agreed", "established": "agreed",
    "agreed": "agreed", "ignited": "start", "erupted": "start", "broke": "start",
    "captured": "capture", "seized": "capture", "overtake": "capture", "overtook": "capture", "took": "capture",
    "killed": "kill", "died": "kill", "dead": "kill", "deaths": "kill",
}


def event_words(text: str) -> frozenset[str]:
    out = set()
    for w in content_words(text.replace("-", "")):
        out.add(EVENT_SYNONYMS.get(w, w[:6]))
    return frozenset(out)


def event_similarity(a: str, b: str) -> float:
    return _event_overlap(event_words(a), event_words(b))


def _event_overlap(wa: frozenset[str], wb: frozenset[str]) -> float:
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def sentences(article: Article) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of an article's text (the extract stage's splitter, which keeps
    "St. Louis", "Sen. Smith", "Sept. 11" and "2.5" whole), without leading quotes."""
    return _spans(article.text)


def _spans(text: str, lines: Memo[str, list[tuple[int, int]]] | None = None) -> list[tuple[int, int]]:
    """:func:`sentences` of a text. ``lines``: the spans of each line (a memo of :func:`_line_spans`; the
    splitter never reads across a line break, so a text's spans are its lines' spans, each from its line's
    start; copies and rewrites repeat paragraphs)."""
    if lines is None:
        return _line_spans(text)
    out: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        found = lines[line]
        out += [(at + s, at + e) for s, e in found] if at else found
        at += len(line) + 1
    return out


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for s, e in split_sentences(text):
        while s < e and text[s] in " \t\"'\u201c":
            s += 1
        if e > s:
            spans.append((s, e))
    return spans


def _statement(ev: DatedEvent, opts: BriefOptions) -> str:
    """What a timeline entry says: the sentence that dates the event, cut to the clause around its date
    when it is long (``timeline_words``)."""
    words = ev.sentence.split()
    if len(words) <= opts.timeline_words:
        return ev.sentence.strip()
    at = len(ev.sentence[: max(0, ev.span[0] - ev.sentence_span[0])].split())
    start = max(0, min(at - opts.timeline_words // 2, len(words) - opts.timeline_words))
    text = " ".join(words[start : start + opts.timeline_words])
    return ("… " if start else "") + text.strip(" ,;:") + " …"


# A date that names another event inside a noun phrase ("the Sept. 11 attack") or opens a subordinate
# clause ("announced in January that, starting in May, ...") does not time the sentence's main verb.
_ATTRIBUTIVE_DATE_AFTER = re.compile(r"(?:,\s*\d{4})?\s+(?:[a-z][\w-]*\s+)?(?:attacks?|bombings?|shootings?|"
                                     r"crash|election|vote|deadline|meeting|summit|interview|hearing|raid|massacre|"
                                     r"strike|elections|report|speech|ceasefire|cease-fire|agreement|deal)\b")
_SUBORDINATE_BEFORE = re.compile(r"\b(?:that|starting|beginning|until|till|from|by|since|before|after|when)\s+"
                                 r"(?:on\s+|in\s+|at\s+)?(?:the\s+)?$", re.IGNORECASE)


def _main_date(evs: Sequence[DatedEvent]) -> DatedEvent:
    """The date that times a sentence holding several: not one inside a noun phrase ("the Sept. 11 attack"),
    not one in a subordinate clause; of equals, the first."""
    def rank(ev: DatedEvent) -> tuple[int, int]:
        s0 = ev.sentence_span[0]
        before = ev.sentence[max(0, ev.span[0] - s0 - 30): ev.span[0] - s0]
        after = ev.sentence[ev.span[1] - s0: ev.span[1] - s0 + 40]
        attributive = bool(re.search(r"\bthe\s+$", before, re.IGNORECASE) and _ATTRIBUTIVE_DATE_AFTER.match(after))
        return (2 if attributive else 1 if _SUBORDINATE_BEFORE.search(before) else 0), ev.span[0]
    return min(evs, key=rank)


def _day_after(iso: str | None) -> str | None:
    """The day after ``iso``'s (a report's clock may be a day behind the events it tells), or None."""
    try:
        return (date.fromisoformat((iso or "")[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return None


def _timeline(extractions: Mapping[str, Extraction], ids: Sequence[str], opts: BriefOptions,
              latest: str | None = None) -> tuple[TimelineEntry, ...]:
    """The story's dated events, one entry per event and day. ``latest``: the day of the story's last report;
    a date after it is a plan or a deadline ("schools will stay closed until Monday"), not something that
    happened, and is left out."""
    by_sentence: dict[tuple[str, tuple[int, int]], list[DatedEvent]] = {}
    media = Memo(inline_media)  # of each distinct sentence (copies repeat them)
    for aid in ids:
        for ev in extractions[aid].events if aid in extractions else ():
            if latest and ev.date[:10] > latest:
                continue
            if not media[ev.sentence]:  # a caption or an embedded post is no entry of the story's
                by_sentence.setdefault((aid, ev.sentence_span), []).append(ev)
    events = [_main_date(evs) for evs in by_sentence.values()]  # a sentence is on the timeline once
    events.sort(key=lambda ev: (-len(ev.date), ev.date, ev.article_id, ev.span))  # most precise first
    described = Memo(event_words)  # of each distinct description

    groups: list[list[DatedEvent]] = []
    group_words: list[dict[frozenset[str], None]] = []  # the distinct event words of each group's members
    # An event joins the first group whose date it is a prefix of (the same day, or a day of its month) and
    # that says the same, which it can only if they share a word: the groups of each prefix of their first
    # date, and of each word, in order.
    dated: dict[str, list[int]] = {}
    worded: dict[str, set[int]] = {}
    for ev in events:
        wa = described[ev.description or ev.sentence]
        home = None
        same_date = dated.get(ev.date, [])
        sharing = set().union(*(worded.get(w, ()) for w in wa))
        for k in same_date if len(same_date) <= len(sharing) else sorted(sharing):
            if k in sharing and groups[k][0].date.startswith(ev.date) and any(
                    _event_overlap(wa, wb) >= opts.timeline_similarity for wb in group_words[k]):
                home = k
                break
        if home is None:
            home = len(groups)
            for n in range(len(ev.date) + 1):
                dated.setdefault(ev.date[:n], []).append(home)
            groups.append([ev])
            group_words.append({wa: None})
        else:
            groups[home].append(ev)
            group_words[home][wa] = None
        for w in wa:
            worded.setdefault(w, set()).add(home)
    entries = []
    for g in groups:
        lead = min(g, key=lambda x: (len(x.sentence), x.article_id))
        cites = tuple(dict.fromkeys(Citation(article_id=x.article_id, span=x.sentence_span) for x in g))
        entries.append(TimelineEntry(date=g[0].date, precision=g[0].precision, text=_statement(lead, opts),
                                     citations=cites))
    return tuple(sorted(entries, key=lambda e: (e.date, e.text)))


_SPEECH = (r"(?:said|says|told|added|wrote|tweeted|stated|declared|explained|insisted|warned|argued|asked|"
           r"continued|recalled|posted|according\s+to)")
# a quotation that names its speaker: '..., " the commander said', '... the statement said: "...'
_SPEAKER = re.compile(rf"[\"”’']\s*,?\s*(?:[\w.'’-]+\s+){{0,6}}?{_SPEECH}\b|\b{_SPEECH}\s*[:,]?\s*[\"“]",
                      re.IGNORECASE)


def _in_quotation(text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start:end`` is part of a quotation that does not say who speaks: it starts
    inside quotation marks opened earlier in its paragraph, or opens marks it does not close, and names no
    speaker ("Our leaders are weak. ..." of a quotation whose "Trump said" is in a later sentence). Stated
    as the summary's own words, such a sentence would be the outlet's claim, not the speaker's."""
    para = text.rfind("\n", 0, start) + 1
    before = text[para:start]
    sentence = text[start:end]
    opened = (before.count("“") - before.count("”")) > 0 or before.count('"') % 2 == 1
    if not opened and start > para and text[start - 1] in "\"“":  # its opening mark, stripped by sentences()
        opened = True
        sentence = text[start - 1 : end]
    unclosed = (sentence.count("“") - sentence.count("”")) > 0 or sentence.count('"') % 2 == 1
    return (opened or unclosed) and not _SPEAKER.search(sentence)


# A dateline before the first sentence of a report: "BERLIN —", "RAMALLAH, West Bank —", "NEW YORK (Reuters) -",
# "(CNN)"; the summary states the sentence without it.
_DATELINE = re.compile(
    r"(?:[A-Z]{2,}[A-Z.'’-]*(?:\s+[A-Z]{2,}[A-Z.'’-]*)*(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?\s*"
    r"(?:\([A-Z][\w.' ]{1,30}\)\s*)?[—–―-]{1,2}\s*|\((?:CNN|AP|Reuters|AFP|UPI|AAP)\)\s*(?:[—–―-]{1,2}\s*)?)"
    r"(?=[A-Z\u201c\"])")


def _with_opening_mark(text: str, start: int, sentence: str) -> tuple[int, str]:
    """A quotation's sentence with the opening mark :func:`sentences` stripped, when the sentence closes it
    ('If ... Presidency," Trump said' reads '"If ... Presidency," Trump said')."""
    if start and text[start - 1] in "\"\u201c":
        closes = sentence.count("\u201d") > sentence.count("\u201c") or (
            text[start - 1] == '"' and sentence.count('"') % 2 == 1)
        if closes:
            return start - 1, text[start - 1] + sentence
    return start, sentence


def _summary(story: Story, facts: Sequence[Fact], articles: Mapping[str, Article], ids: Sequence[str],
             opts: BriefOptions) -> tuple[SummarySentence, ...]:
    """Up to ``summary_max`` central, fact-bearing, mutually non-redundant lead sentences, each citing the
    articles that state it too. Linear in the story's sentences: centrality is measured against the
    first ``centrality_articles`` articles only, and each sentence is compared with each chosen one once."""
    # every sentence of every article (a citation may be any of them); candidates are among them
    all_sents: list[tuple[str, int, int, str]] = []
    by_article: dict[str, list[int]] = {}
    cand_at: list[int] = []  # candidate -> its index in all_sents
    texts: dict[str, str] = {}
    lines = Memo(_line_spans)  # the sentences of each distinct line
    media = Memo(inline_media)  # of each distinct sentence (copies repeat them)

    for aid in ids:
        text = texts[aid] = articles[aid].text
        kept = 0
        at = by_article.setdefault(aid, [])
        for s, e in _spans(text, lines):
            at.append(len(all_sents))
            sent = text[s:e]
            if kept < opts.sentences_per_article and opts.min_words <= len(sent.split()) <= opts.max_words \
                    and sent[-1] in ".!?\"'\u201d\u2019" and not _in_quotation(text, s, e) \
                    and not media[sent]:
                cand_at.append(len(all_sents))
                kept += 1  # summary material is in the leads; bounds the cost
            all_sents.append((aid, s, e, sent))
        if not at:
            del by_article[aid]
    if not cand_at:
        return ()
    # Copies and rewrites repeat sentences word for word: the words and figures of each distinct sentence
    # are found once.
    words_of = Memo(content_words)
    nums_of = Memo(numbers)
    cands = [all_sents[k] for k in cand_at]
    words = [words_of[c[3]] for c in cands]
    nums = [nums_of[c[3]] for c in cands]
    key_spans: dict[str, list[tuple[int, int, float]]] = {}
    for f in facts:
        weight = 2.0 if f.status in ("update", "conflict") else 1.0
        weight += 0.3 * len({r.article_id for r in f.reports})
        cur = {f.current} if f.current else {r.claim_id for r in f.reports}
        for r in f.reports:
            if r.claim_id in cur:
                key_spans.setdefault(r.article_id, []).append((r.span[0], r.span[1], weight))
    stated: dict[str, list[tuple[int, str]]] = {}
    for f in facts:
        for r in f.reports:
            stated.setdefault(r.article_id, []).append((r.span[0], f.key))
    # the facts a sentence states, the weight of the key figures in it: each article's reports by position
    stated_at = {aid: _Positions([pos for pos, _ in found]) for aid, found in stated.items()}
    keys_at = {aid: _Positions([fs for fs, _, _ in found]) for aid, found in key_spans.items()}
    fact_sets = [frozenset(stated[aid][n][1] for n in stated_at[aid].within(s, e)) if aid in stated_at
                 else frozenset() for aid, s, e, _ in cands]
    # centrality against the sentences of at most `centrality_articles` articles (linear in story size)
    peers = set(ids[: opts.centrality_articles])
    peer_idx = [j for j, c in enumerate(cands) if c[0] in peers]
    peer_sets = _WordSets([words[j] for j in peer_idx])
    peer_article = [cands[j][0] for j in peer_idx]
    # (first, end) of each article's run of peers: an article's sentences are consecutive (unless the story
    # lists it twice: then its peers are told apart one by one)
    own: dict[str, tuple[int, int]] = {}
    for n, a in enumerate(peer_article):
        first, _ = own.get(a, (n, n))
        own[a] = (first, n + 1)
    scattered = {a for a, (lo, hi) in own.items() if peer_article[lo:hi].count(a) != hi - lo}
    spread = max(1, min(len(ids), opts.centrality_articles) - 1)
    scores = []
    seen_in: dict[str, int] = {}
    # Centrality: the summed similarity to the peer sentences of the other articles, in peer order (a peer
    # sharing no word adds 0.0, which leaves the sum as it is). Sentences with the same words have the same
    # similarities, and the same sum over all peers (that of a sentence of an article with no peers): both
    # are found once.
    cand_sets = _WordSets(words)

    def peer_sum(slot: int) -> tuple[list[float], float]:
        sims = peer_sets.similarities(cand_sets.distinct[slot])
        total = 0.0
        for sim in sims:
            total += sim
        return sims, total

    peer_sums = Memo(peer_sum)  # of each distinct word set
    for i, (aid, s, e, _sent) in enumerate(cands):
        position = seen_in.get(aid, 0)
        seen_in[aid] = position + 1
        sims, central = peer_sums[cand_sets.slots[i]]
        if aid in scattered:
            central = 0.0
            for sim, a in zip(sims, peer_article, strict=True):
                if a != aid:
                    central += sim
        elif aid in own:
            lo, hi = own[aid]
            central = 0.0
            for sim in sims[:lo]:
                central += sim
            for sim in sims[hi:]:
                central += sim
        central /= spread
        facts_here = sum(key_spans[aid][n][2] for n in keys_at[aid].within(s, e)) if aid in keys_at else 0
        scores.append(1.5 / (1 + position) + central + 0.8 * min(facts_here, 3.0) + 0.02 * min(len(words[i]), 20))
    chosen: list[int] = []
    cited: set[str] = set()
    covered: frozenset[str] = frozenset()
    # Candidates still eligible, best first. Being chosen, saying only facts already covered, and
    # repeating a chosen sentence stay true as more are chosen: such candidates leave for good, and
    # each one left is compared with each newly chosen sentence once.
    alive = sorted(range(len(cands)), key=lambda i: (-scores[i], cands[i][0], cands[i][1]))
    while len(chosen) < opts.summary_max:
        if chosen:
            last = chosen[-1]
            last_nums = nums[last]
            sims = cand_sets.distinct_similarities(words[last])
            slots = cand_sets.slots
            alive = [i for i in alive
                     if i != last and not (fact_sets[i] and fact_sets[i] <= covered)
                     and not ((sim := sims[slots[i]]) >= opts.redundancy
                              or (nums[i] and nums[i] <= last_nums and sim >= opts.redundancy / 2))]
        best, best_score = None, -1.0
        for i in alive:
            sc = scores[i] + (0.6 if cands[i][0] not in cited else 0.0)
            if sc > best_score:
                best, best_score = i, sc
        if best is None or (len(chosen) >= opts.summary_min and best_score < 1.0):
            break
        chosen.append(best)
        cited.add(cands[best][0])
        covered = covered | fact_sets[best]
    rank = {aid: n for n, aid in enumerate(ids)}
    chosen.sort(key=lambda i: (rank[cands[i][0]], cands[i][1]))
    # every sentence's words, for citations from the other articles (none in a one-article story)
    cite_words: _WordSets | None = None
    if chosen and len(by_article) > 1:
        cite_words = _WordSets([words_of[c[3]] for c in all_sents])
    out = []
    for i in chosen:
        aid, s, e, sent = cands[i]
        s, sent = _with_opening_mark(texts[aid], s, sent)
        if (dateline := _DATELINE.match(sent)) is not None:  # "BERLIN — A ship ...": the summary says the ship
            s, sent = s + dateline.end(), sent[dateline.end():]
        cites = [Citation(article_id=aid, span=(s, e))]
        sims = cite_words.similarities(words[i]) if cite_words is not None else []
        for other in ids:
            if other == aid or not by_article.get(other):
                continue
            # the other article's most similar sentence (the first of equals: sentences run in text order)
            j = max(by_article[other], key=sims.__getitem__)
            if sims[j] >= opts.citation_similarity and nums_of[all_sents[j][3]] >= nums[i]:
                cites.append(Citation(article_id=other, span=(all_sents[j][1], all_sents[j][2])))
        out.append(SummarySentence(text=sent, citations=tuple(cites)))
    return tuple(out)


def _entities(extractions: Mapping[str, Extraction], ids: Sequence[str]
              ) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The story's people, organisations and places, one entry per thing: names one article wrote apart are
    merged over the story as within an article ("Hayat Tahrir" and "HTS" in one report, "Hayat Tahrir
    al-Sham" in another; "UN" and "United Nations"), the other names kept as aliases."""
    ents = [ent for aid in ids for ent in (extractions[aid].entities if aid in extractions else ())]
    story_names = merge_aliases(e for e in ents if e.kind in ("person", "organization", "place"))
    described = link_descriptions(extractions[a] for a in ids if a in extractions)  # "a UK-based monitor": SOHR
    merged: dict[tuple[str, str], set[str]] = {}
    for ent in ents:
        canonical = ent.canonical
        if ent.kind == "source":
            canonical = described.get(canonical, canonical)
            canonical = story_names.get(canonical, canonical)
        elif ent.kind != "source-alias":
            canonical = story_names.get(canonical, canonical)
        names = merged.setdefault((ent.kind, canonical), set())
        for name in (ent.name, ent.canonical):
            if name != canonical:
                names.add(name)
    return tuple((k, c, tuple(sorted(merged[(k, c)]))) for k, c in sorted(merged))


HEADLINE_CHARS = 120  # a headline made from a lede is cut to this, at a word


def _lede_headline(text: str) -> str:
    """The opening sentence of ``text`` as a headline, cut at a word when longer than ``HEADLINE_CHARS``."""
    spans = _line_spans(text.split("\n", 1)[0])
    first = text[spans[0][0] : spans[0][1]].strip() if spans else text.strip()
    if len(first) <= HEADLINE_CHARS:
        return first
    return first[: first.rfind(" ", 0, HEADLINE_CHARS)].rstrip(" ,;:") + "\u2026"


def brief(story: Story, facts: Sequence[Fact], articles: Mapping[str, Article],
          extractions: Mapping[str, Extraction], sources: Sequence[Source],
          options: BriefOptions = BriefOptions()) -> Brief:
    """Assemble the brief of one story."""
    ids = [a for a in story.article_ids if a in articles]
    summary = _summary(story, facts, articles, ids, options)
    headline = story.headline.strip()
    if not headline:
        titles = [(articles[a].title or "").strip() for a in ids]
        titles = [t for t in titles if t]
        title_words = [content_words(t) for t in titles]
        centrality: dict[str, float] = {}  # per distinct title (copies share their titles)
        for t, w in zip(titles, title_words, strict=True):
            if t not in centrality:
                centrality[t] = sum(_similarities(w, title_words))
        headline = max(titles, key=lambda t: (centrality[t], -len(t)), default="")
    if not headline and ids:  # reports with no title at all: the first one's opening sentence stands for one
        headline = _lede_headline(articles[ids[0]].text)
    timeline = _timeline(extractions, ids, options, _day_after(story.last_seen))
    return Brief(story=story, headline=headline, facts=tuple(facts), timeline=timeline,
                 summary=summary, sources=tuple(sources), entities=_entities(extractions, ids))
