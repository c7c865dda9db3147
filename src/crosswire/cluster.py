"""Group articles into stories (one real-world event each), online and incremental.

Each article, taken in publication order (ties by id), joins the most similar existing story
or opens a new one. Similarity is the cosine between the article's TF-IDF vector and the
story's centroid, minus a penalty for the days between them:

* terms are content words of the title (counted ``title_weight`` times) and of the body
  paragraphs long enough to be prose (page chrome such as menus, "Comments" or "Follow us"
  lines is short and never counts), plus what tells events of one kind apart: name phrases
  (capitalised runs, plus ``Extraction.entities`` canonical names when given), numbers, and
  event dates from ``Extraction.events``, each boosted;
* IDF comes from *running* document frequencies: every article seen so far, the current one
  included. A fixed background would need a corpus we do not ship, and a HashingVectorizer
  would still need the running frequencies for IDF; keeping exact counts per story makes the
  state a sum over stories, so it survives a round trip through the store unchanged and
  half-then-rest gives the same stories as all at once;
* candidates come from an inverted index (term -> stories whose centroid holds it), queried
  with the article's most distinctive terms, never from all stories;
* duplicates and rewrites (dedup links) join the story of their original directly.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import ConfigError
from .records import Article, Extraction, Link, Story

FEATURES_VERSION = 1
HEADLINE_POOL = 64  # titles considered for a story's headline
_WORD = re.compile(r"[a-z][a-z'\-]+")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_CAP_PHRASE = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:of|the|al|al-|de|bin|van|von|la)?\s*[A-Z][\w'’\-]*)*")
_SENT_START = re.compile(r"(?:^|[.!?:;]\s+|\n|[\"“(]\s*)$")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_STOP = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself",
    "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
    "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
    "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
    "will", "with", "would", "you", "your", "yours", "said", "says", "say", "told", "according", "new",
    "one", "two", "three", "year", "years", "day", "days", "time", "week", "weeks", "month", "months",
    "people", "like", "get", "got", "make", "made", "many", "much", "may", "might", "must", "per", "since",
    "still", "take", "us", "via", "we'd", "within", "without", "yet", "reuters", "ap",
    "afp", "cnn", "bbc", "news", "photo", "image", "video", "read", "follow", "share", "comment",
    "comments", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tomorrow",
})
_NOT_NAMES = _STOP | frozenset({
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "president", "minister", "however", "meanwhile",
})


@dataclass(frozen=True, kw_only=True)
class ClusterOptions:
    """``threshold``: the score an article needs to join a story. ``grace_days``: gap between
    an article and a story's dates that costs nothing; each further day costs ``day_penalty``
    (at most ``max_penalty``), scaled down as the names of article and story agree (no penalty
    once their cosine reaches ``name_agreement``: a long-running story keeps its names, a new
    event of the same kind brings new ones). ``window_days``: stories farther away are not candidates.
    ``query_terms``: distinctive article terms used to find candidates; ``centroid_terms``:
    terms a story keeps in its centroid."""

    threshold: float = 0.16
    grace_days: float = 3.0
    day_penalty: float = 0.01
    max_penalty: float = 0.3
    name_agreement: float = 3.0
    window_days: float = 730.0
    title_weight: int = 3
    entity_weight: float = 0.8
    number_weight: float = 1.2
    min_paragraph_words: int = 8
    max_body_words: int = 600
    query_terms: int = 25
    centroid_terms: int = 400
    follow_links: tuple[str, ...] = ("duplicate", "rewrite")

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ConfigError(f"threshold must be in (0, 1), got {self.threshold}")
        for name in ("grace_days", "day_penalty", "max_penalty", "window_days", "name_agreement"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must be >= 0, got {getattr(self, name)}")
        if self.title_weight < 0 or self.entity_weight <= 0 or self.number_weight <= 0:
            raise ConfigError("title_weight must be >= 0 and entity/number weights > 0")
        if self.min_paragraph_words < 1 or self.max_body_words < 1:
            raise ConfigError("min_paragraph_words and max_body_words must be >= 1")
        if self.query_terms < 1 or self.centroid_terms < self.query_terms:
            raise ConfigError("need 1 <= query_terms <= centroid_terms")


# -- article features ---------------------------------------------------------------------


def _stem(word: str) -> str:
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [s for w in _WORD.findall(text.lower().replace("’", "'")) if w not in _STOP
            and len(s := _stem(w)) > 2 and s not in _STOP]


def _names(text: str) -> list[str]:
    """Capitalised phrases that are not just a capitalised sentence start."""
    out = []
    for m in _CAP_PHRASE.finditer(text):
        words = m.group().split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        if not words:
            continue
        if len(words) == 1 and (words[0].lower() in _NOT_NAMES or len(words[0]) < 3
                                or _SENT_START.search(text[max(0, m.start() - 3): m.start()])):
            continue
        out.append(" ".join(words).lower().replace("’", "'"))
    return out


def _body(article: Article, options: ClusterOptions) -> str:
    """The prose paragraphs (chrome lines are short), up to ``max_body_words`` words."""
    kept, n = [], 0
    title = (article.title or "").strip().lower()
    for p in article.paragraphs:
        words = p.split()
        if len(words) < options.min_paragraph_words or p.strip().lower() == title:
            continue
        kept.append(p)
        n += len(words)
        if n >= options.max_body_words:
            break
    return "\n".join(kept)


def article_terms(article: Article, extraction: Extraction | None, options: ClusterOptions) -> dict[str, float]:
    """Weighted term frequencies (sublinear) of one article: words, ``e:`` names, ``n:`` numbers."""
    title = article.title or ""
    body = _body(article, options)
    counts: Counter[str] = Counter(_words(body))
    for w in _words(title):
        counts[w] += options.title_weight
    names = _names(title + ".\n" + body)
    if extraction is not None:  # canonical names join the cheap ones (aliases then share a term)
        seen = set(names)
        names += [c for e in extraction.entities if (c := e.canonical.lower()) and c not in seen]
    for name in names:
        counts["e:" + name] += 1
    for m in _NUMBER.finditer(title + "\n" + body):
        value = m.group().replace(",", "")
        if value not in ("0", "1"):
            counts["n:" + value] += 1
    if extraction is not None:
        for event in extraction.events:
            if event.precision in ("day", "datetime"):
                counts["d:" + event.date[:10]] += 1
    out: dict[str, float] = {}
    for term in sorted(counts):
        weight = 1.0 + math.log(counts[term])
        if term.startswith(("e:", "d:")):
            weight *= options.entity_weight
        elif term.startswith("n:"):
            weight *= options.number_weight
        out[term] = weight
    return out


def _is_name(term: str) -> bool:
    return term.startswith(("e:", "d:"))


def _day(value: str | None) -> int | None:
    if not value:
        return None
    m = _DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).toordinal()
    except ValueError:
        return None


def story_id(founding_article_id: str) -> str:
    return "s" + hashlib.sha256(founding_article_id.encode("utf-8")).hexdigest()[:12]


def _order_key(article: Article) -> tuple[int, str, str]:
    value = article.published.value
    return (0, value, article.id) if value else (1, "", article.id)


# -- story state ------------------------------------------------------------------------------


@dataclass
class _StoryState:
    id: str
    articles: list[tuple[str, str, str | None]]  # (id, title, published)
    tf: dict[str, float]  # centroid: summed term weights (truncated to centroid_terms)
    df: dict[str, int]  # articles of this story containing each term (never truncated)
    norm: float = 0.0
    name_norm: float = 0.0  # norm of the name (``e:``/``d:``) part of the centroid
    first_day: int | None = None
    last_day: int | None = None
    headline: str = ""
    members: set[str] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        return {"version": FEATURES_VERSION, "articles": [list(a) for a in self.articles],
                "tf": self.tf, "df": self.df, "norm": self.norm, "name_norm": self.name_norm,
                "headline": self.headline}

    @classmethod
    def from_json(cls, story: Story, data: Mapping[str, Any]) -> _StoryState:
        if data.get("version") != FEATURES_VERSION:
            raise ConfigError(f"story {story.id}: features version {data.get('version')} is not {FEATURES_VERSION}")
        state = cls(id=story.id, articles=[(a[0], a[1], a[2]) for a in data["articles"]],
                    tf={k: float(v) for k, v in data["tf"].items()}, df={k: int(v) for k, v in data["df"].items()},
                    norm=float(data["norm"]), name_norm=float(data["name_norm"]), headline=data["headline"])
        state.members = {a[0] for a in state.articles}
        days = [d for a in state.articles if (d := _day(a[2])) is not None]
        state.first_day, state.last_day = (min(days), max(days)) if days else (None, None)
        return state

    def story(self) -> Story:
        dates = sorted(p for _, _, p in self.articles if p)
        return Story(id=self.id, article_ids=tuple(a for a, _, _ in self.articles), headline=self.headline,
                     first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None)


class StoryIndex:
    """Story centroids, running document frequencies and an inverted index over centroid terms."""

    def __init__(self, options: ClusterOptions = ClusterOptions()) -> None:
        self.options = options
        self._stories: dict[str, _StoryState] = {}
        self._story_of: dict[str, str] = {}
        self._df: Counter[str] = Counter()
        self._n = 0
        self._postings: dict[str, set[str]] = {}

    def __len__(self) -> int:
        return len(self._stories)

    @classmethod
    def from_stored(cls, stored: Iterable[tuple[Story, Any]], options: ClusterOptions = ClusterOptions()
                    ) -> StoryIndex:
        """Rebuild from ``(Story, features)`` pairs as :meth:`Store.story_features` yields them."""
        index = cls(options)
        for story, features in stored:
            if features is None:
                raise ConfigError(f"story {story.id} has no stored features")
            state = _StoryState.from_json(story, features)
            index._stories[state.id] = state
            for article_id in state.members:
                index._story_of[article_id] = state.id
            index._df.update(state.df)
            index._n += len(state.articles)
            index._post(state, ())
        return index

    def features(self, story_id: str) -> Any:
        """JSON-able features the store keeps per story."""
        return self._stories[story_id].to_json()

    def story(self, story_id: str) -> Story:
        return self._stories[story_id].story()

    def stories(self) -> list[Story]:
        return [self._stories[k].story() for k in sorted(self._stories)]

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    # -- internals --------------------------------------------------------------------------

    def _idf(self, term: str) -> float:
        return math.log((self._n + 1) / (self._df.get(term, 0) + 1)) + 1.0

    def _post(self, state: _StoryState, old_terms: Iterable[str]) -> None:
        for term in old_terms:
            if term not in state.tf and (posting := self._postings.get(term)) is not None:
                posting.discard(state.id)
        for term in state.tf:
            self._postings.setdefault(term, set()).add(state.id)

    def _score(self, vec2: dict[str, float], norms: tuple[float, float], day: int | None,
               state: _StoryState) -> float:
        """Cosine to the centroid minus the time penalty, which shrinks as the names agree.

        ``vec2``: article term weights times IDF twice (once for the article, once for the
        centroid); ``norms``: the article's norm and its names' norm."""
        norm, name_norm = norms
        if state.norm == 0.0 or norm == 0.0:
            return 0.0
        tf = state.tf
        dot = name_dot = 0.0
        for t, w in vec2.items():
            if t in tf:
                dot += w * tf[t]
                if t[1] == ":" and t[0] in "ed":
                    name_dot += w * tf[t]
        score = dot / (norm * state.norm)
        if day is not None and state.first_day is not None and state.last_day is not None:
            gap = max(0, state.first_day - day, day - state.last_day)
            penalty = min(self.options.max_penalty, self.options.day_penalty * max(0.0, gap - self.options.grace_days))
            names = name_dot / (name_norm * state.name_norm) if name_norm and state.name_norm else 0.0
            score -= penalty * max(0.0, 1.0 - names / self.options.name_agreement)
        return score

    def _candidates(self, vec: dict[str, float], day: int | None) -> list[str]:
        top = sorted(vec, key=lambda t: (-vec[t], t))[: self.options.query_terms]
        found: set[str] = set()
        for term in top:
            found |= self._postings.get(term, set())
        out = []
        for sid in sorted(found):
            s = self._stories[sid]
            if (day is not None and s.first_day is not None and s.last_day is not None
                    and max(s.first_day - day, day - s.last_day) > self.options.window_days):
                continue
            out.append(sid)
        return out

    def _join(self, state: _StoryState, article: Article, terms: dict[str, float]) -> None:
        old = list(state.tf)
        state.articles.append((article.id, article.title or "", article.published.value))
        state.members.add(article.id)
        self._story_of[article.id] = state.id
        for t, w in terms.items():
            state.tf[t] = state.tf.get(t, 0.0) + w
            state.df[t] = state.df.get(t, 0) + 1
        if len(state.tf) > self.options.centroid_terms:
            keep = sorted(state.tf, key=lambda t: (-state.tf[t] * self._idf(t), t))[: self.options.centroid_terms]
            state.tf = {t: state.tf[t] for t in sorted(keep)}
        state.norm = math.sqrt(sum((w * self._idf(t)) ** 2 for t, w in state.tf.items()))
        state.name_norm = math.sqrt(sum((w * self._idf(t)) ** 2 for t, w in state.tf.items() if _is_name(t)))
        day = _day(article.published.value)
        if day is not None:
            state.first_day = day if state.first_day is None else min(state.first_day, day)
            state.last_day = day if state.last_day is None else max(state.last_day, day)
        state.headline = self._headline(state)
        self._post(state, old)

    def _headline(self, state: _StoryState) -> str:
        """The title closest to the centroid among the first ``HEADLINE_POOL`` (ties: earliest)."""
        best, best_score = "", -1.0
        for _, title, _ in state.articles[:HEADLINE_POOL]:  # bounded: the earliest reports
            words = _words(title)
            if not words:
                continue
            score = sum(state.tf.get(w, 0.0) * self._idf(w) for w in set(words)) / math.sqrt(len(set(words)))
            if score > best_score + 1e-12:
                best, best_score = title, score
        return best or next((t for _, t, _ in state.articles if t), "")


def cluster(articles: Sequence[Article], extractions: Mapping[str, Extraction], links: Sequence[Link],
            index: StoryIndex) -> list[Story]:
    """Assign ``articles`` to stories in ``index`` (joining or opening them, in publication
    order) and return the stories created or changed, sorted by id."""
    opts = index.options
    original: dict[str, str] = {}
    for link in sorted(links, key=lambda lk: (lk.article_id, lk.kind, lk.of_article_id)):
        if link.kind in opts.follow_links:
            original.setdefault(link.article_id, link.of_article_id)
    changed: set[str] = set()
    for article in sorted(articles, key=_order_key):
        if article.id in index._story_of:
            continue
        terms = article_terms(article, extractions.get(article.id), opts)
        index._n += 1
        index._df.update(terms.keys())
        target: str | None = None
        linked = original.get(article.id)
        if linked is not None:
            target = index._story_of.get(linked)
        vec = {t: w * index._idf(t) for t, w in terms.items()}
        norms = (math.sqrt(sum(w * w for w in vec.values())),
                 math.sqrt(sum(w * w for t, w in vec.items() if _is_name(t))))
        day = _day(article.published.value)
        if target is None:
            best, best_score = None, opts.threshold
            vec2 = {t: w * index._idf(t) for t, w in vec.items()}
            for sid in index._candidates(vec, day):
                score = index._score(vec2, norms, day, index._stories[sid])
                if score >= best_score and (best is None or score > best_score or sid < best):
                    best, best_score = sid, score
            target = best
        if target is None:
            sid = story_id(article.id)
            index._stories[sid] = _StoryState(id=sid, articles=[], tf={}, df={})
            target = sid
        index._join(index._stories[target], article, terms)
        changed.add(target)
    return [index._stories[sid].story() for sid in sorted(changed)]


__all__ = ["ClusterOptions", "StoryIndex", "article_terms", "cluster", "story_id"]
