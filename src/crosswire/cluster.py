"""Group articles into stories (one real-world event each), online and incremental.

Each article, taken in publication order (ties by id), joins the best-scoring story or opens a
new one. The score says "same event", not "same topic":

* text: cosine between the article's TF-IDF vector and the story's centroid. Terms are content
  words of the title (counted ``title_weight`` times) and of the body paragraphs long enough to
  be prose (chrome lines are short), plus what tells events of one kind apart: names, numbers
  and, from ``Extraction``, canonical entity names and event dates, each boosted. Names are
  capitalised runs inside a sentence; capitals at a sentence start or in a title-case headline
  prove nothing, so there only names the article also writes inside a sentence, or words it
  never writes in lower case, count;
* headline: cosine of the title words to the story's titles, mixed in with ``title_share``. A
  headline says which event a report is about; two reports of one day on one topic ("Leader loses
  primary", "Rival enters race to succeed him") share their text, not their headline. Within
  ``grace_days``, the people a report leads with (named in its headline or first lines) count
  with its headline words: two reports of the same days whose headlines share no word but
  which lead with the same rare person ("Senator shot at charity run", "Gunfire spurs calls for
  security") are about one event;
* time: days between the article and the story's dates cost a penalty, which shrinks as the
  names agree and as the headline carries a name the story owns (one that few articles outside
  the story have). Two shootings in one city on different days bring different names and are
  two stories; the aftermath of a data breach weeks later still names the company;
* a story that grows re-tests the single-article stories near it (``adopt_size``): an article
  that came before its story was recognisable joins it then.

IDF comes from *running* document frequencies (every article seen so far, the current one
included): the state is a sum over stories, so it survives a round trip through the store and
half-then-rest gives the same stories as all at once. Candidates come from an inverted index
(term -> stories whose centroid holds it) queried with the article's most distinctive terms,
never from all stories. Duplicates and rewrites (dedup links) join their original's story.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .errors import ConfigError
from .records import Article, Extraction, Link, Story

FEATURES_VERSION = 3  # 2: title (``t:``) terms, norms with their corpus size; 3: lede people (``l:``), lead norm
NORM_REFRESH = 0.1  # a story's norms are recomputed once the corpus has grown by this share
HEADLINE_POOL = 64  # titles considered for a story's headline
_WORD = re.compile(r"[a-z][a-z'\-]+")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_CAP_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z]\.(?=\s+[A-Z][a-z])|[A-Z][\w'’\-]*)"
_CAP_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:of|the|al|de|bin|van|von|la|du|del|da)\s+)?{_CAP_WORD})*")
_POSSESSIVE = re.compile(r"['’]s?$")
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z][\w'’\-]*")
_SENT_START = re.compile(r"(?:^|[.!?:;]\s+|\n|[\"“(‘']\s*)$")
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
_COMMON = _NOT_NAMES | ENGLISH_STOP_WORDS


@dataclass(frozen=True, kw_only=True)
class ClusterOptions:
    """``threshold``: the score an article needs to join a story. ``title_share``: weight of the
    headline cosine in the score (the rest is the text cosine). ``grace_days``: gap between an
    article and a story's dates that costs nothing; each further day costs ``day_penalty`` (at
    most ``max_penalty``). The penalty shrinks as the names of article and story agree (by their
    cosine over ``name_agreement``) and as the article's headline carries a name the story owns
    (``ownership`` times the owned share, see :meth:`StoryIndex._ownership`): a long-running story
    keeps its names, a new event of the same kind brings new ones. ``window_days``: stories
    farther away are not candidates. ``adopt_size``: a story of at most this many articles is
    tested again, as its articles would be, against a story that grows, and joins it when it
    passes (0 disables). ``lead_words``: words of prose, after the headline, whose people count
    as what the report leads with (0 disables; see :func:`_lead_people`). ``query_terms``:
    distinctive terms used to find candidates; ``centroid_terms``: terms a story keeps in its
    centroid."""

    threshold: float = 0.18
    title_share: float = 0.4
    grace_days: float = 3.0
    day_penalty: float = 0.01
    max_penalty: float = 0.3
    name_agreement: float = 3.0
    ownership: float = 0.75
    window_days: float = 730.0
    adopt_size: int = 1
    title_weight: int = 3
    entity_weight: float = 0.8
    number_weight: float = 1.2
    min_paragraph_words: int = 8
    max_body_words: int = 600
    query_terms: int = 25
    centroid_terms: int = 400
    lead_words: int = 80
    follow_links: tuple[str, ...] = ("duplicate", "rewrite")

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ConfigError(f"threshold must be in (0, 1), got {self.threshold}")
        for name in ("title_share", "ownership"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"{name} must be in [0, 1], got {getattr(self, name)}")
        for name in ("grace_days", "day_penalty", "max_penalty", "window_days", "name_agreement", "adopt_size"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must be >= 0, got {getattr(self, name)}")
        if self.name_agreement == 0:
            raise ConfigError("name_agreement must be > 0")
        if self.title_weight < 0 or self.entity_weight <= 0 or self.number_weight <= 0:
            raise ConfigError("title_weight must be >= 0 and entity/number weights > 0")
        if self.lead_words < 0:
            raise ConfigError(f"lead_words must be >= 0, got {self.lead_words}")
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


_LEADING = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr"})


def _name_runs(text: str, title_case: bool) -> Iterator[tuple[list[str], bool]]:
    """Capitalised runs of ``text`` as lower-cased words (acronyms such as "U.S." or "UN" upper
    case, so they never pass for common words), each with whether its first capital proves
    nothing (sentence start, or a headline written in title case: then none does)."""
    for m in _CAP_RUN.finditer(text):
        words = []
        for w in m.group().split():
            w = _POSSESSIVE.sub("", w).replace("’", "'")
            bare = w.replace(".", "")
            words.append(bare if len(bare) > 1 and bare.isupper() else bare.lower())
        initial = title_case or bool(_SENT_START.search(text[max(0, m.start() - 3): m.start()]))
        yield [w for w in words if w], initial


def _is_title_case(title: str) -> bool:
    words = [w for w in title.split() if w[:1].isalpha() and w.lower() not in _COMMON]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _names(title: str, body: str) -> list[str]:
    """Name phrases of an article (people, places, organisations, as written capitalised).

    A capitalised run inside a sentence is a name (minus a leading "the", "Mr"...), and so is a
    run of several capitalised words at a sentence start, minus a common first word ("In
    Springfield"). A lone capitalised word at a sentence start, and any run of a headline written
    in title case, prove nothing: they contribute the names the article writes elsewhere
    inside a sentence (longest first) and words it never writes in lower case ("Zentrix was
    hacked")."""
    lower = set(_LOWER_WORD.findall(title + "\n" + body))
    sure: list[list[str]] = []
    unsure: list[list[str]] = []
    title_case = _is_title_case(title)
    for text, headline in ((title, True), (body, False)):
        for words, initial in _name_runs(text, title_case and headline):
            if initial and not (len(words) > 1 and not (title_case and headline)):
                unsure.append(words)
                continue
            while words and (words[0] in _LEADING or (initial and words[0] in _COMMON)):
                words = words[1:]
            while words and words[-1] in _COMMON:
                words = words[:-1]
            if words and not (len(words) == 1 and words[0] in _COMMON):
                sure.append(words)
    known = {" ".join(w) for w in sure}
    out = [" ".join(w).lower() for w in sure]
    for words in unsure:
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                if (phrase := " ".join(words[i:j])) in known:
                    out.append(phrase.lower())
                    i = j
                    break
            else:
                w = words[i]
                if w.isupper() or (len(w) >= 3 and w not in _COMMON and w not in lower):
                    out.append(w.lower())
                i += 1
    return out


def _lead_people(title: str, body: str, names: Sequence[str], lead_words: int) -> list[str]:
    """People the report leads with: surnames (stemmed as words are) of the people its headline
    and first ``lead_words`` words of prose name. A person is recognised by how news writes
    people: the full name once ("Dana Whitfield"), the surname alone after ("Whitfield"), a
    surname the article never writes in lower case, after a given name it writes nowhere else."""
    alone = set(names)
    lead = set(_words(title + "\n" + " ".join(body.split()[:lead_words])))
    text = title + "\n" + body
    lower: set[str] | None = None
    keys = set()
    for name in alone:
        words = [w for w in name.split() if len(w) > 1]  # middle initials aside
        if len(words) < 2:
            continue
        first, last = words[-2], words[-1]
        if (key := _stem(last)) in keys or key not in lead or last not in alone or len(last) < 3:
            continue
        if last in _COMMON or first in _COMMON:
            continue
        if lower is None:
            lower = set(_LOWER_WORD.findall(text))
        if last not in lower and _given_name(text, first, last):
            keys.add(key)
    return sorted(keys)


def _given_name(text: str, first: str, last: str) -> bool:
    """Whether ``first`` is written only before ``last`` (an initial between them allowed), a
    given name, not a word of its own ("Senate Republicans", "Chicago Bears"), and ``last``
    never after "the" ("the White House")."""
    alone = len(re.findall(rf"(?<![\w'’\-]){re.escape(first)}(?![\w'’\-])", text, re.IGNORECASE))
    paired = len(re.findall(rf"(?<![\w'’\-]){re.escape(first)}\s+(?:[A-Z]\.\s+)?{re.escape(last)}(?![\w\-])",
                            text, re.IGNORECASE))
    if alone != paired:
        return False
    return not re.search(rf"\b(?:the|The)\s+{re.escape(last)}(?![\w\-])", text, re.IGNORECASE)


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
    counts: Counter[str] = Counter()
    body_words = _words(body)
    for w in body_words:
        counts[w] += 1
    title_words = _words(title)
    for w in title_words:
        counts[w] += options.title_weight
        counts["t:" + w] += 1
    names = _names(title, body)
    if options.lead_words:
        for key in _lead_people(title, body, names, options.lead_words):
            if "t:" + key not in counts:
                counts["l:" + key] = 1
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


def _headline_names(title: str, terms: Mapping[str, float]) -> tuple[str, ...]:
    padded = " " + re.sub(r"[^\w'\- ]", " ", title.lower().replace("’", "'")) + " "
    return tuple(t for t in terms if t.startswith("e:") and f" {t[2:]} " in padded)


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
    norms: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # text, names, title, lead parts
    norms_at: int = 0  # articles seen (IDF's corpus size) when the norms were computed
    first_day: int | None = None
    last_day: int | None = None
    headline: str = ""
    members: set[str] = field(default_factory=set)
    pool_words: list[frozenset[str]] = field(default_factory=list)  # title words of the headline pool

    def to_json(self) -> dict[str, Any]:
        return {"version": FEATURES_VERSION, "articles": [list(a) for a in self.articles],
                "tf": self.tf, "df": self.df, "norms": list(self.norms), "norms_at": self.norms_at,
                "headline": self.headline}

    @classmethod
    def from_json(cls, story: Story, data: Mapping[str, Any]) -> _StoryState:
        version = data.get("version")
        if version not in (1, 2, FEATURES_VERSION):
            raise ConfigError(f"story {story.id}: features version {version} is not {FEATURES_VERSION}")
        state = cls(id=story.id, articles=[(a[0], a[1], a[2]) for a in data["articles"]],
                    tf={k: float(v) for k, v in data["tf"].items()}, df={k: int(v) for k, v in data["df"].items()},
                    headline=data["headline"])
        if version == 1:  # upgrade: the headline terms come from the titles kept with the articles
            for _, title, _ in state.articles:
                for w, n in Counter(_words(title or "")).items():
                    state.tf["t:" + w] = state.tf.get("t:" + w, 0.0) + 1.0 + math.log(n)
                    state.df["t:" + w] = state.df.get("t:" + w, 0) + 1
        elif version == FEATURES_VERSION:  # version 2 has no lead norm: all norms are recomputed when first needed
            n = [float(x) for x in data["norms"]]
            state.norms, state.norms_at = (n[0], n[1], n[2], n[3]), int(data["norms_at"])
        state.members = {a[0] for a in state.articles}
        days = [d for a in state.articles if (d := _day(a[2])) is not None]
        state.first_day, state.last_day = (min(days), max(days)) if days else (None, None)
        return state

    def story(self) -> Story:
        dates = sorted(p for _, _, p in self.articles if p)
        return Story(id=self.id, article_ids=tuple(a for a, _, _ in self.articles), headline=self.headline,
                     first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None)


@dataclass
class _Query:
    """An article (or a small story) as it is compared with stories."""

    terms: Mapping[str, float]  # raw weights (what a story's centroid sums; IDF is applied when scoring)
    norms: tuple[float, float, float, float]  # text, names, title, lead parts (with IDF)
    first_day: int | None
    last_day: int | None
    title: str
    counts: Mapping[str, int]  # the query's own articles per term (already in the running counts)
    headline_names: tuple[str, ...] | None = None  # ``e:`` terms the headline carries (when first needed)


class _Parts(NamedTuple):
    text: float  # cosine of everything but the title terms
    title: float  # cosine of the title terms
    names: float  # cosine of the names (``e:``/``d:``)
    ownership: float
    gap: int | None  # days between the article and the story's dates
    score: float


class StoryIndex:
    """Story centroids, running document frequencies and an inverted index over centroid terms."""

    def __init__(self, options: ClusterOptions = ClusterOptions()) -> None:
        self.options = options
        self._stories: dict[str, _StoryState] = {}
        self._story_of: dict[str, str] = {}
        self._df: Counter[str] = Counter()
        self._n = 0
        self._postings: dict[str, set[str]] = {}
        self._removed: list[str] = []

    def __len__(self) -> int:
        return len(self._stories)

    @classmethod
    def from_stored(cls, stored: Iterable[tuple[Story, Any]], options: ClusterOptions = ClusterOptions()
                    ) -> StoryIndex:
        """Rebuild from ``(Story, features)`` pairs as :meth:`Store.story_features` yields them
        (features of versions 1 and 2 are upgraded; the people their articles' ledes name are not
        stored with them, so their centroids lead with their headline words only)."""
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

    def take_removed(self) -> list[str]:
        """Ids of the stories merged into others (see ``adopt_size``) since the last call: the
        store deletes them (their articles are listed by the stories that took them)."""
        out, self._removed = self._removed, []
        return out

    # -- internals --------------------------------------------------------------------------

    def _idf(self, term: str) -> float:
        return math.log((self._n + 1) / (self._df.get(term, 0) + 1)) + 1.0

    def _post(self, state: _StoryState, old_terms: Iterable[str]) -> None:
        old = set(old_terms)
        for term in old:
            if term not in state.tf and (posting := self._postings.get(term)) is not None:
                posting.discard(state.id)
        for term in state.tf:
            if term not in old:
                self._postings.setdefault(term, set()).add(state.id)

    def _lead_idf(self, key: str, log_n: float) -> float:
        df = self._df
        return log_n - math.log(df.get("t:" + key, 0) + df.get("l:" + key, 0) + 1)

    def _norms(self, weights: Mapping[str, float]) -> tuple[float, float, float, float]:
        """Norms of the text, name and title parts of ``weights`` times IDF, and of the lead
        (title words with the people the lede names, see :meth:`_parts`)."""
        log_n = math.log(self._n + 1) + 1.0
        df = self._df
        text = names = title = 0.0
        lead: dict[str, float] = {}
        for t, w in weights.items():
            if t[1:2] == ":" and t[0] in "tl":
                lead[t[2:]] = lead.get(t[2:], 0.0) + w
                if t[0] == "l":
                    continue
            x = w * (log_n - math.log(df.get(t, 0) + 1))
            x *= x
            if t[1:2] == ":":
                if t[0] == "t":
                    title += x
                    continue
                if t[0] in "ed":
                    names += x
            text += x
        lead_sq = sum((w * self._lead_idf(k, log_n)) ** 2 for k, w in lead.items())
        return math.sqrt(text), math.sqrt(names), math.sqrt(title), math.sqrt(lead_sq)

    def _story_norms(self, state: _StoryState) -> tuple[float, float, float, float]:
        """The centroid's norms, recomputed once the corpus has grown by ``NORM_REFRESH`` since
        (IDF drifts as articles arrive; exact norms for every candidate would cost a pass over
        its centroid per article)."""
        if self._n > state.norms_at * (1.0 + NORM_REFRESH) or not state.norms_at:
            state.norms, state.norms_at = self._norms(state.tf), self._n
        return state.norms

    def _query(self, terms: Mapping[str, float], counts: Mapping[str, int], title: str, first: int | None,
               last: int | None, norms: tuple[float, float, float, float] | None = None) -> _Query:
        return _Query(terms=terms, norms=norms or self._norms(terms), first_day=first, last_day=last, title=title,
                      counts=counts)

    def _ownership(self, q: _Query, state: _StoryState) -> float:
        """How much the story owns a name the headline carries: for each headline name that at
        least half of the story's articles mention, the share of all articles naming it (the
        query's own excepted) that are in the story; the largest. Near 1.0 when no other story
        has the name (a company in the story of its data breach); a name common to many
        stories (a head of state) owns little."""
        if q.headline_names is None:
            q.headline_names = _headline_names(q.title, q.terms)
        best = 0.0
        half = 0.5 * len(state.articles)
        for t in q.headline_names:
            n = state.df.get(t, 0)
            if n and n >= half:
                best = max(best, n / max(n, self._df.get(t, 0) - q.counts.get(t, 0)))
        return best

    def _parts(self, q: _Query, state: _StoryState) -> _Parts:
        """Cosines of the query to the story's centroid, the day gap and the score: text and
        title cosines mixed, minus the time penalty, which shrinks as the names agree and as the
        headline carries a name the story owns."""
        tf, df = state.tf, self._df
        log_n = math.log(self._n + 1) + 1.0
        dot = name_dot = title_dot = 0.0
        lead: dict[str, float] = {}
        for t, w in q.terms.items():
            if t[1:2] == ":" and t[0] in "tl":
                lead[t[2:]] = lead.get(t[2:], 0.0) + w
                if t[0] == "l":
                    continue
            c = tf.get(t)
            if c is None:
                continue
            idf = log_n - math.log(df.get(t, 0) + 1)
            c *= w * idf * idf
            if t[1:2] == ":" and t[0] == "t":
                title_dot += c
            else:
                dot += c
                if t[1:2] == ":" and t[0] in "ed":
                    name_dot += c
        s_text, s_names, s_title, s_lead = self._story_norms(state)
        q_text, q_names, q_title, q_lead = q.norms
        text = dot / (q_text * s_text) if q_text and s_text else 0.0
        title = title_dot / (q_title * s_title) if q_title and s_title else 0.0
        names = name_dot / (q_names * s_names) if q_names and s_names else 0.0
        opts = self.options
        gap, own = None, 0.0
        if None not in (q.first_day, q.last_day, state.first_day, state.last_day):
            gap = max(0, state.first_day - q.last_day, q.first_day - state.last_day)  # type: ignore[operator]
        if gap is not None and gap <= opts.grace_days and q_lead and s_lead:
            lead_dot = 0.0
            for k, w in lead.items():
                c = tf.get("t:" + k, 0.0) + tf.get("l:" + k, 0.0)
                if c:
                    lead_dot += w * c * self._lead_idf(k, log_n) ** 2
            title = max(title, lead_dot / (q_lead * s_lead))
            q_title, s_title = q_lead, s_lead
        score = (1 - opts.title_share) * text + opts.title_share * title if q_title and s_title else text
        if gap is not None:
            penalty = min(opts.max_penalty, opts.day_penalty * max(0.0, gap - opts.grace_days))
            if penalty > 0:
                own = self._ownership(q, state) if opts.ownership else 0.0
                score -= penalty * max(0.0, 1.0 - max(names / opts.name_agreement, opts.ownership * own))
        return _Parts(text, title, names, own, gap, score)

    def _candidates(self, q: _Query) -> list[str]:
        log_n = math.log(self._n + 1) + 1.0
        df = self._df
        vec = {t: w * (log_n - math.log(df.get(t, 0) + 1)) for t, w in q.terms.items()}
        top = sorted(vec, key=lambda t: (-vec[t], t))[: self.options.query_terms]
        found: set[str] = set()
        for term in top:
            found |= self._postings.get(term, set())
        out = []
        window = self.options.window_days
        for sid in sorted(found):
            s = self._stories[sid]
            if (q.first_day is not None and q.last_day is not None and s.first_day is not None
                    and s.last_day is not None and max(s.first_day - q.last_day, q.first_day - s.last_day) > window):
                continue
            out.append(sid)
        return out

    def _best(self, q: _Query) -> str | None:
        """The candidate story scoring highest, at least ``threshold`` (ties: smallest id)."""
        best, best_score = None, self.options.threshold
        for sid in self._candidates(q):
            score = self._parts(q, self._stories[sid]).score
            if score >= best_score and (best is None or score > best_score or sid < best):
                best, best_score = sid, score
        return best

    def _update(self, state: _StoryState, rows: Sequence[tuple[str, str, str | None]], tf: Mapping[str, float],
                df: Mapping[str, int]) -> None:
        """Add articles (``rows``) with their summed term weights ``tf`` and counts ``df``."""
        old = list(state.tf)
        for row in rows:
            state.articles.append(row)
            state.members.add(row[0])
            self._story_of[row[0]] = state.id
            if (day := _day(row[2])) is not None:
                state.first_day = day if state.first_day is None else min(state.first_day, day)
                state.last_day = day if state.last_day is None else max(state.last_day, day)
        for t, w in tf.items():
            state.tf[t] = state.tf.get(t, 0.0) + w
        for t, n in df.items():
            state.df[t] = state.df.get(t, 0) + n
        if len(state.tf) > self.options.centroid_terms:
            keep = sorted(state.tf, key=lambda t: (-state.tf[t] * self._idf(t), t))[: self.options.centroid_terms]
            state.tf = {t: state.tf[t] for t in sorted(keep)}
        state.norms, state.norms_at = self._norms(state.tf), self._n
        state.headline = self._headline(state)
        self._post(state, old)

    def _adopt(self, state: _StoryState) -> None:
        """Small stories that now pass against ``state`` as their articles would: merge them in.

        Online, an article that arrives before its story is recognisable (the first reports
        were two-line flashes, or about another side of the event) opens a story of its own;
        it gets the same test again each time a story it could belong to grows."""
        size = self.options.adopt_size
        if not size or len(state.articles) <= size:
            return
        q = self._query(state.tf, state.df, "", state.first_day, state.last_day, state.norms)
        for sid in self._candidates(q):
            other = self._stories[sid]
            if sid == state.id or len(other.articles) > size:
                continue
            oq = self._query(other.tf, other.df, other.articles[0][1], other.first_day, other.last_day,
                             self._story_norms(other))
            if self._parts(oq, state).score < self.options.threshold:
                continue
            for term in other.tf:
                self._postings[term].discard(sid)
            del self._stories[sid]
            self._removed.append(sid)
            self._update(state, other.articles, other.tf, other.df)

    def _headline(self, state: _StoryState) -> str:
        """The title closest to the centroid among the first ``HEADLINE_POOL`` (ties: earliest)."""
        best, best_score = "", -1.0
        pool = state.articles[:HEADLINE_POOL]  # bounded: the earliest reports
        while len(state.pool_words) < len(pool):
            state.pool_words.append(frozenset(_words(pool[len(state.pool_words)][1])))
        for (_, title, _), words in zip(pool, state.pool_words, strict=True):
            if not words:
                continue
            score = sum(state.tf.get(w, 0.0) * self._idf(w) for w in words) / math.sqrt(len(words))
            if score > best_score + 1e-12:
                best, best_score = title, score
        return best or next((t for _, t, _ in state.articles if t), "")


def cluster(articles: Sequence[Article], extractions: Mapping[str, Extraction], links: Sequence[Link],
            index: StoryIndex) -> list[Story]:
    """Assign ``articles`` to stories in ``index`` (joining or opening them, in publication
    order) and return the stories created or changed, sorted by id. Stories merged into
    others on the way are left out; :meth:`StoryIndex.take_removed` names them."""
    opts = index.options
    original: dict[str, str] = {}
    for link in sorted(links, key=lambda lk: (lk.article_id, lk.kind, lk.of_article_id)):
        if link.kind in opts.follow_links:
            original.setdefault(link.article_id, link.of_article_id)
    changed: set[str] = set()
    removed_before = len(index._removed)
    for article in sorted(articles, key=_order_key):
        if article.id in index._story_of:
            continue
        terms = article_terms(article, extractions.get(article.id), opts)
        index._n += 1
        index._df.update(terms.keys())
        target = index._story_of.get(original[article.id]) if article.id in original else None
        copy = target is not None  # a copy joins its original's story and tells nothing new about it
        counts = dict.fromkeys(terms, 1)
        if target is None:
            day = _day(article.published.value)
            target = index._best(index._query(terms, counts, article.title or "", day, day))
        if target is None:
            target = story_id(article.id)
            index._stories[target] = _StoryState(id=target, articles=[], tf={}, df={})
        state = index._stories[target]
        index._update(state, [(article.id, article.title or "", article.published.value)], terms, counts)
        if not copy:
            index._adopt(state)
        changed.add(target)
    changed -= set(index._removed[removed_before:])
    return [index._stories[sid].story() for sid in sorted(changed)]


__all__ = ["ClusterOptions", "StoryIndex", "article_terms", "cluster", "story_id"]
