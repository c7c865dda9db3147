"""The story index: story centroids, running document frequencies, an inverted index over
centroid terms, and the score that says "same event" (see the package docstring)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..errors import ConfigError
from ..records import Story
from .options import ClusterOptions
from .terms import content_words, day_ordinal, headline_names, story_id

FEATURES_VERSION = 4  # 2: title (``t:``) terms, norms with their corpus size; 3: lede people (``l:``), lead norm;
# 4: ``counted``, the articles whose terms the centroid sums (copies are not)
NORM_REFRESH = 0.1  # a story's norms are recomputed once the corpus has grown by this share
HEADLINE_POOL = 64  # titles considered for a story's headline
_DEFAULTS = ClusterOptions()


@dataclass
class _StoryState:
    id: str
    articles: list[tuple[str, str, str | None]]  # (id, title, published)
    tf: dict[str, float]  # centroid: summed term weights (truncated to centroid_terms)
    df: dict[str, int]  # articles of this story containing each term (never truncated)
    norms: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # text, names, title, lead parts
    norms_at: int = 0  # articles seen (IDF's corpus size) when the norms were computed
    counted: int = 0  # articles whose terms the centroid and counts hold (a copy counts once, as its original)
    first_day: int | None = None
    last_day: int | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    headline: str = ""
    pool_words: list[frozenset[str]] = field(default_factory=list)  # title words of the headline pool

    def to_json(self) -> dict[str, Any]:
        return {"version": FEATURES_VERSION, "articles": [list(a) for a in self.articles],
                "tf": self.tf, "df": self.df, "norms": list(self.norms), "norms_at": self.norms_at,
                "headline": self.headline, "counted": self.counted}

    @classmethod
    def from_json(cls, story: Story, data: Mapping[str, Any]) -> _StoryState:
        version = data.get("version")
        if version not in (1, 2, 3, FEATURES_VERSION):
            raise ConfigError(f"story {story.id}: features version {version} is not {FEATURES_VERSION}")
        state = cls(id=story.id, articles=[(a[0], a[1], a[2]) for a in data["articles"]],
                    tf={k: float(v) for k, v in data["tf"].items()}, df={k: int(v) for k, v in data["df"].items()},
                    headline=data["headline"])
        if version == 1:  # upgrade: the headline terms come from the titles kept with the articles
            for _, title, _ in state.articles:
                for w, n in Counter(content_words(title or "")).items():
                    state.tf["t:" + w] = state.tf.get("t:" + w, 0.0) + 1.0 + math.log(n)
                    state.df["t:" + w] = state.df.get("t:" + w, 0) + 1
        elif version >= 3:  # version 2 has no lead norm: all norms are recomputed when first needed
            n = [float(x) for x in data["norms"]]
            state.norms, state.norms_at = (n[0], n[1], n[2], n[3]), int(data["norms_at"])
        state.counted = int(data["counted"]) if version >= 4 else len(state.articles)  # before 4, copies counted
        state.see(state.articles)
        return state

    def see(self, rows: Iterable[tuple[str, str, str | None]]) -> None:
        """Extend the story's dates to those of ``rows``."""
        for _, _, published in rows:
            if not published:
                continue
            if self.first_seen is None or published < self.first_seen:
                self.first_seen = published
            if self.last_seen is None or published > self.last_seen:
                self.last_seen = published
            if (day := day_ordinal(published)) is not None:
                self.first_day = day if self.first_day is None else min(self.first_day, day)
                self.last_day = day if self.last_day is None else max(self.last_day, day)

    def story(self) -> Story:
        return Story(id=self.id, article_ids=tuple(a for a, _, _ in self.articles), headline=self.headline,
                     first_seen=self.first_seen, last_seen=self.last_seen)


@dataclass
class _Query:
    """An article (or a small story) as it is compared with stories."""

    terms: Mapping[str, float]  # raw weights (what a story's centroid sums; IDF is applied when scoring)
    norms: tuple[float, float, float, float]  # text, names, title, lead parts (with IDF)
    first_day: int | None
    last_day: int | None
    title: str
    counts: Mapping[str, int]  # the query's own articles per term (already in the running counts)
    # weight x IDF^2 per term, so that a dot product with a centroid's raw sums is one product per term
    text: dict[str, float]  # every term but the title's and the lede's people (names included)
    names: dict[str, float]  # ``e:`` and ``d:`` terms
    heads: dict[str, float]  # title (``t:``) terms
    lead: dict[str, float]  # lead keys (title words and lede people, see ``_lead_idf``)
    rank: dict[str, float]  # weight x IDF of every term: the distinctive ones find candidates
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

    def __init__(self, options: ClusterOptions = _DEFAULTS) -> None:
        self.options = options
        self._stories: dict[str, _StoryState] = {}
        self._story_of: dict[str, str] = {}
        self._df: Counter[str] = Counter()
        self._logdf: dict[str, float] = {}  # log(df + 1) per term, kept as df changes: IDF without a log call
        self._n = 0
        self._postings: dict[str, set[str]] = {}
        self._removed: list[str] = []

    def __len__(self) -> int:
        return len(self._stories)

    @classmethod
    def from_stored(cls, stored: Iterable[tuple[Story, Any]], options: ClusterOptions = _DEFAULTS
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
            for article_id, _, _ in state.articles:
                index._story_of[article_id] = state.id
            index._count(state.df, state.df)
            index._n += state.counted
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

    def add(self, article_id: str, title: str, published: str | None, terms: Mapping[str, float],
            target: str | None = None) -> str:
        """Place one article (its :func:`~.terms.article_terms`) and return its story's id: the
        ``target`` story (a copy joins its original's story and tells nothing new about it), else
        the best-scoring story, else a new one. The story, once grown, adopts small ones."""
        if target is not None:  # a copy: counted once, as its original
            state = self._stories[target]
            self._join(state, [(article_id, title, published)])
            if not state.headline:  # else its title, the original's in other page chrome, changes nothing
                state.headline = self._headline(state)
            return target
        self._n += 1
        self._count(terms.keys())
        counts = dict.fromkeys(terms, 1)
        day = day_ordinal(published)
        target = self._best(self._query(terms, counts, title, day, day))
        if target is None:
            target = story_id(article_id)
            self._stories[target] = _StoryState(id=target, articles=[], tf={}, df={})
        state = self._stories[target]
        self._update(state, [(article_id, title, published)], 1, terms, counts)
        self._adopt(state)
        return target

    def removed_count(self) -> int:
        return len(self._removed)

    def removed_since(self, count: int) -> list[str]:
        """Stories merged into others since :meth:`removed_count` gave ``count``."""
        return self._removed[count:]

    # -- internals --------------------------------------------------------------------------

    def _count(self, terms: Iterable[str], times: Mapping[str, int] | None = None) -> None:
        """Add to the running document frequencies: once per term, or ``times[term]``."""
        df, logdf = self._df, self._logdf
        for t in terms:
            n = df[t] + (1 if times is None else times[t])
            df[t] = n
            logdf[t] = math.log(n + 1)

    def _idf(self, term: str) -> float:
        return math.log(self._n + 1) + 1.0 - self._logdf.get(term, 0.0)

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
        return log_n - math.log(df.get("t:" + key, 0) + df.get("l:" + key, 0) + 1)  # both kinds: one key

    def _norms(self, weights: Mapping[str, float]) -> tuple[float, float, float, float]:
        """Norms of the text, name and title parts of ``weights`` times IDF, and of the lead
        (title words with the people the lede names, see :meth:`_parts`)."""
        log_n = math.log(self._n + 1) + 1.0
        logdf = self._logdf
        text = names = title = 0.0
        lead: dict[str, float] = {}
        for t, w in weights.items():
            if t[1:2] == ":" and t[0] in "tl":
                lead[t[2:]] = lead.get(t[2:], 0.0) + w
                if t[0] == "l":
                    continue
            x = w * (log_n - logdf.get(t, 0.0))
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
        """``terms`` weighted by IDF once, for every candidate; ``norms`` (a story's, kept as
        :meth:`_story_norms` keeps them) or those of ``terms``."""
        log_n = math.log(self._n + 1) + 1.0
        logdf = self._logdf
        text: dict[str, float] = {}
        names: dict[str, float] = {}
        heads: dict[str, float] = {}
        rank: dict[str, float] = {}
        lead_w: dict[str, float] = {}
        n_text = n_names = n_title = 0.0
        for t, w in terms.items():
            idf = log_n - logdf.get(t, 0.0)
            x = w * idf
            rank[t] = x
            kind = t[0] if t[1:2] == ":" else ""
            if kind in ("t", "l"):
                lead_w[t[2:]] = lead_w.get(t[2:], 0.0) + w
                if kind == "l":
                    continue
            if kind == "t":
                heads[t] = x * idf
                n_title += x * x
                continue
            text[t] = x * idf
            n_text += x * x
            if kind in ("e", "d"):
                names[t] = x * idf
                n_names += x * x
        lead: dict[str, float] = {}
        n_lead = 0.0
        for k, w in lead_w.items():
            idf = self._lead_idf(k, log_n)
            lead[k] = w * idf * idf
            n_lead += (w * idf) ** 2
        if norms is None:
            norms = (math.sqrt(n_text), math.sqrt(n_names), math.sqrt(n_title), math.sqrt(n_lead))
        return _Query(terms=terms, norms=norms, first_day=first, last_day=last, title=title, counts=counts,
                      text=text, names=names, heads=heads, lead=lead, rank=rank)

    def _ownership(self, names: Iterable[str], counts: Mapping[str, int], state: _StoryState) -> float:
        """How much the story owns a name the headline carries (``names``): for each headline
        name that at least half of the story's articles mention, the share of all articles
        naming it (those of the headline's own, ``counts``, excepted) that are in the story; the
        largest. Near 1.0 when no other story has the name (a company in the story of its data
        breach); a name common to many stories (a head of state) owns little."""
        best = 0.0
        half = 0.5 * len(state.articles)
        for t in names:
            n = state.df.get(t, 0)
            if n and n >= half:
                best = max(best, n / max(n, self._df.get(t, 0) - counts.get(t, 0)))
        return best

    def _parts(self, q: _Query, state: _StoryState, probe: _StoryState | None = None) -> _Parts:
        """Cosines of the query to the story's centroid, the day gap and the score: text and
        title cosines mixed, minus the time penalty, which shrinks as the names agree and as the
        headline carries a name the story owns. Cosines and gap are symmetric: with ``probe``,
        the query stands for that story and ``state`` for a small story tested as its headline
        would be (see :meth:`_adopt`)."""
        tf = state.tf
        common = q.text.keys() & tf.keys()  # sums in any order: math.fsum is exact, so deterministic
        dot = math.fsum(q.text[t] * tf[t] for t in common)
        name_dot = math.fsum(q.names[t] * tf[t] for t in common if t in q.names)
        title_dot = math.fsum(q.heads[t] * tf[t] for t in q.heads.keys() & tf.keys())
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
            lead_dot = math.fsum(v * (tf.get("t:" + k, 0.0) + tf.get("l:" + k, 0.0)) for k, v in q.lead.items())
            title = max(title, lead_dot / (q_lead * s_lead))
            q_title, s_title = q_lead, s_lead
        score = (1 - opts.title_share) * text + opts.title_share * title if q_title and s_title else text
        if gap is not None:
            penalty = min(opts.max_penalty, opts.day_penalty * max(0.0, gap - opts.grace_days))
            if penalty > 0:
                if not opts.ownership:
                    own = 0.0
                elif probe is not None:
                    own = self._ownership(headline_names(state.articles[0][1], state.tf), state.df, probe)
                else:
                    if q.headline_names is None:
                        q.headline_names = headline_names(q.title, q.terms)
                    own = self._ownership(q.headline_names, q.counts, state)
                score -= penalty * max(0.0, 1.0 - max(names / opts.name_agreement, opts.ownership * own))
        return _Parts(text, title, names, own, gap, score)

    def _candidates(self, q: _Query, small: int | None = None) -> list[str]:
        """Stories holding the query's ``query_terms`` most distinctive terms, within
        ``window_days``, of at most ``small`` articles when given: the ``max_candidates`` that
        hold the most of those terms' weight (ties: smallest id), so the cost of a query is bounded
        however many stories share a term."""
        rank = q.rank
        top = sorted(rank, key=lambda t: (-rank[t], t))[: self.options.query_terms]
        held: dict[str, float] = {}
        for term in top:
            weight = rank[term]
            for sid in self._postings.get(term, ()):
                held[sid] = held.get(sid, 0.0) + weight
        window = self.options.window_days
        out = []
        for sid in held:
            s = self._stories[sid]
            if small is not None and len(s.articles) > small:
                continue
            if (q.first_day is not None and q.last_day is not None and s.first_day is not None
                    and s.last_day is not None and max(s.first_day - q.last_day, q.first_day - s.last_day) > window):
                continue
            out.append(sid)
        if len(out) > self.options.max_candidates:
            out = sorted(out, key=lambda sid: (-held[sid], sid))[: self.options.max_candidates]
        return sorted(out)

    def _best(self, q: _Query) -> str | None:
        """The candidate story scoring highest, at least ``threshold`` (ties: smallest id)."""
        best, best_score = None, self.options.threshold
        for sid in self._candidates(q):
            score = self._parts(q, self._stories[sid]).score
            if score >= best_score and (best is None or score > best_score or sid < best):
                best, best_score = sid, score
        return best

    def _update(self, state: _StoryState, rows: Sequence[tuple[str, str, str | None]], counted: int,
                tf: Mapping[str, float], df: Mapping[str, int]) -> None:
        """Add articles (``rows``, of which ``counted`` are no copies) with their summed term
        weights ``tf`` and counts ``df``."""
        old = list(state.tf)
        self._join(state, rows)
        state.counted += counted
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

    def _join(self, state: _StoryState, rows: Sequence[tuple[str, str, str | None]]) -> None:
        for row in rows:
            state.articles.append(row)
            self._story_of[row[0]] = state.id
        state.see(rows)

    def _adopt(self, state: _StoryState) -> None:
        """Small stories that now pass against ``state`` as their articles would: merge them in.

        Online, an article that arrives before its story is recognisable (the first reports
        were two-line flashes, or about another side of the event) opens a story of its own;
        it gets the same test again each time a story it could belong to grows."""
        size = self.options.adopt_size
        if not size or len(state.articles) <= size:
            return
        q = self._query(state.tf, state.df, "", state.first_day, state.last_day, state.norms)
        for sid in self._candidates(q, small=size):
            other = self._stories[sid]
            if sid == state.id or sid not in self._stories:
                continue
            if self._parts(q, other, probe=state).score < self.options.threshold:
                continue
            for term in other.tf:
                self._postings[term].discard(sid)
            del self._stories[sid]
            self._removed.append(sid)
            self._update(state, other.articles, other.counted, other.tf, other.df)

    def _headline(self, state: _StoryState) -> str:
        """The title closest to the centroid among the first ``HEADLINE_POOL`` (ties: earliest)."""
        best, best_score = "", -1.0
        pool = state.articles[:HEADLINE_POOL]  # bounded: the earliest reports
        while len(state.pool_words) < len(pool):
            state.pool_words.append(frozenset(content_words(pool[len(state.pool_words)][1])))
        for (_, title, _), words in zip(pool, state.pool_words, strict=True):
            if not words:
                continue
            score = sum(state.tf.get(w, 0.0) * self._idf(w) for w in words) / math.sqrt(len(words))
            if score > best_score + 1e-12:
                best, best_score = title, score
        return best or next((t for _, t, _ in state.articles if t), "")
