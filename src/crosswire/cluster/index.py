"""The story index: story centroids, running document frequencies, an inverted index over
centroid terms, and the score that says "same event" (see the package docstring).

A centroid is two numpy arrays, term ids (see :mod:`.vocab`) and summed weights, in the terms'
canonical order. A query is weighted by IDF once and spread over a scratch matrix (a row per
term id, a column per part of the score: text, names, title, lead); a candidate's four dot
products are then its weights times the rows of its terms, summed in canonical order, so the
same stories score the same however the index was built. Scores are worked out for all
candidates at once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..records import Story
from .options import ClusterOptions
from .state import FEATURES_VERSION, NO_IDS, Query, Row, StoryState, state_from_json
from .terms import content_words, day_ordinal, headline_names, story_id
from .vocab import NAME, TITLE, Vocabulary

NORM_REFRESH = 0.1  # a story's norms are recomputed once the corpus has grown by this share
HEADLINE_POOL = 64  # titles considered for a story's headline
_DEFAULTS = ClusterOptions()


class StoryIndex:
    """Story centroids, running document frequencies and an inverted index over centroid terms."""

    def __init__(self, options: ClusterOptions = _DEFAULTS) -> None:
        self.options = options
        self._stories: dict[str, StoryState] = {}
        self._story_of: dict[str, str] = {}
        self._vocab = Vocabulary()
        self._n = 0
        self._postings: dict[int, set[int]] = {}  # term id -> slots of the stories whose centroid holds it
        # per story slot: the state (None once merged away), dates (NaN: none), articles, id order
        self._slots: list[StoryState | None] = []
        self._first = np.zeros(0)
        self._last = np.zeros(0)
        self._size = np.zeros(0, dtype=np.int64)
        self._order = np.zeros(0, dtype=np.int64)
        self._ordered = True  # every story id is "s" and 12 hex digits: its order is that number's
        self._removed: list[str] = []
        # per term id, a query's weight x IDF^2 in each part (text, names, title, lead), zero elsewhere
        self._scratch = np.zeros((0, 4))

    def __len__(self) -> int:
        return len(self._stories)

    def __contains__(self, story_id: object) -> bool:
        return story_id in self._stories

    @classmethod
    def from_stored(cls, stored: Iterable[tuple[Story, Any]], options: ClusterOptions = _DEFAULTS
                    ) -> StoryIndex:
        """Rebuild from ``(Story, features)`` pairs as :meth:`Store.story_features` yields them
        (features of versions 1 to 3 are upgraded; the people the articles' ledes name were not
        stored before version 3, so those centroids lead with their headline words only)."""
        index = cls(options)
        for story, features in stored:
            if features is None:
                raise ConfigError(f"story {story.id} has no stored features")
            state, tf = state_from_json(story, features)
            index._open(state)
            for article_id, _, _ in state.articles:
                index._story_of[article_id] = state.id
            index._vocab.add(state.df, state.df)
            index._n += state.counted
            ids = index._vocab.lookup(tf)
            order = index._vocab.canonical_order(ids)
            state.ids, state.vals = ids[order], np.fromiter(tf.values(), dtype=np.float64, count=len(tf))[order]
            index._post(state, NO_IDS)
        return index

    def features(self, story_id: str) -> Any:
        """JSON-able features the store keeps per story."""
        s = self._stories[story_id]
        terms = self._vocab.terms
        tf = dict(sorted(zip((terms[i] for i in s.ids.tolist()), s.vals.tolist(), strict=True)))
        return {"version": FEATURES_VERSION, "articles": [list(a) for a in s.articles], "tf": tf, "df": s.df,
                "norms": list(s.norms), "norms_at": s.norms_at, "headline": s.headline, "counted": s.counted}

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
            target: str | None = None, stated: str | None = None) -> str:
        """Place one article (its :func:`~.terms.article_terms`) and return its story's id: the
        ``target`` story (a copy joins its original's story and tells nothing new about it), else
        the best-scoring story, else a new one. The story, once grown, adopts small ones. ``stated``:
        for an undated article, the last full date its text states (see :func:`~.terms.stated_day`): it
        is compared with the stories' days as its day would be (it dates no story)."""
        if target is not None:  # a copy: counted once, as its original
            state = self._stories[target]
            self._join(state, [(article_id, title, published)])
            if not state.headline:  # else its title, the original's in other page chrome, changes nothing
                state.headline = self._headline(state)
            return target
        self._n += 1
        ids = self._vocab.add(terms)
        weights = np.fromiter(terms.values(), dtype=np.float64, count=len(terms))
        counts = dict.fromkeys(terms, 1)
        day = day_ordinal(published if published else stated)  # an undated report: as of the last day it states
        q = self._query(ids, weights, counts, title, day, day, terms=terms)
        target = self._best(q)
        if target is None:
            target = story_id(article_id)
            self._open(StoryState(id=target, articles=[]))
        state = self._stories[target]
        self._update(state, [(article_id, title, published)], 1, ids, weights, counts)
        self._adopt(state)
        return target

    def removed_count(self) -> int:
        return len(self._removed)

    def removed_since(self, count: int) -> list[str]:
        """Stories merged into others since :meth:`removed_count` gave ``count``."""
        return self._removed[count:]

    # -- state ------------------------------------------------------------------------------

    def _open(self, state: StoryState) -> None:
        """Register a story: its id, its slot in the story arrays and its dates there."""
        self._stories[state.id] = state
        state.slot = len(self._slots)
        self._slots.append(state)
        if state.slot >= len(self._size):
            grow = max(1024, len(self._size))
            self._first = np.concatenate((self._first, np.full(grow, np.nan)))
            self._last = np.concatenate((self._last, np.full(grow, np.nan)))
            self._size = np.concatenate((self._size, np.zeros(grow, dtype=np.int64)))
            self._order = np.concatenate((self._order, np.zeros(grow, dtype=np.int64)))
        key = state.id[1:]
        if len(state.id) == 13 and state.id[0] == "s" and all(c in "0123456789abcdef" for c in key):
            self._order[state.slot] = int(key, 16)
        else:
            self._ordered = False
        self._mark(state)

    def _mark(self, state: StoryState) -> None:
        slot = state.slot
        self._size[slot] = len(state.articles)
        self._first[slot] = np.nan if state.first_day is None else state.first_day
        self._last[slot] = np.nan if state.last_day is None else state.last_day

    def _close(self, state: StoryState) -> None:
        """Forget a story merged into another."""
        for i in state.ids.tolist():
            self._postings[i].discard(state.slot)
        del self._stories[state.id]
        self._slots[state.slot] = None
        self._size[state.slot] = 0
        self._removed.append(state.id)

    def _post(self, state: StoryState, old: np.ndarray) -> None:
        for i in np.setdiff1d(old, state.ids, assume_unique=True).tolist():
            if (posting := self._postings.get(i)) is not None:
                posting.discard(state.slot)
        for i in np.setdiff1d(state.ids, old, assume_unique=True).tolist():
            self._postings.setdefault(i, set()).add(state.slot)

    def _join(self, state: StoryState, rows: Sequence[Row]) -> None:
        for row in rows:
            state.articles.append(row)
            self._story_of[row[0]] = state.id
        state.see(rows)
        self._mark(state)

    def _update(self, state: StoryState, rows: Sequence[Row], counted: int, ids: np.ndarray, vals: np.ndarray,
                df: Mapping[str, int]) -> None:
        """Add articles (``rows``, of which ``counted`` are no copies) with their summed term
        weights (``ids``, ``vals``) and counts ``df``; keep the ``centroid_terms`` weighing most
        with IDF (ties: canonical order)."""
        old = state.ids
        self._join(state, rows)
        state.counted += counted
        merged_ids, at = np.unique(np.concatenate((state.ids, ids)), return_inverse=True)
        merged = np.bincount(at, weights=np.concatenate((state.vals, vals)), minlength=len(merged_ids))
        vocab = self._vocab
        if len(merged_ids) > self.options.centroid_terms:
            weight = merged * (math.log(self._n + 1) + 1.0 - vocab.log_count[merged_ids])
            keep = np.lexsort((vocab.canon[merged_ids], -weight))[: self.options.centroid_terms]
            merged_ids, merged = merged_ids[keep], merged[keep]
        order = vocab.canonical_order(merged_ids)
        state.ids, state.vals = merged_ids[order], merged[order]
        state.headline_names = None
        for t, n in df.items():
            state.df[t] = state.df.get(t, 0) + n
        state.norms, state.norms_at = self._norms(state.ids, state.vals), self._n
        state.headline = self._headline(state)
        self._post(state, old)

    def _adopt(self, state: StoryState) -> None:
        """Small stories that now pass against ``state`` as their articles would: merge them in.

        Online, an article that arrives before its story is recognisable (the first reports
        were two-line flashes, or about another side of the event) opens a story of its own;
        it gets the same test again each time a story it could belong to grows. Cosines and gap
        are symmetric, so the grown story is the query; ownership is the small story's headline
        names against the grown story."""
        size = self.options.adopt_size
        if not size or len(state.articles) <= size:
            return
        q = self._query(state.ids, state.vals, state.df, "", state.first_day, state.last_day, state.norms)
        others = [self._stories[sid] for sid in self._candidates(q, small=size) if sid != state.id]
        passed = [o for o, score in zip(others, self._score(q, others, probe=state).tolist(), strict=True)
                  if score >= self.options.threshold]
        for other in passed:
            self._close(other)
            self._update(state, other.articles, other.counted, other.ids, other.vals, other.df)

    def _headline(self, state: StoryState) -> str:
        """The title closest to the centroid among the first ``HEADLINE_POOL`` (ties: earliest)."""
        best, best_score = "", -1.0
        pool = state.articles[:HEADLINE_POOL]  # bounded: the earliest reports
        while len(state.pool_words) < len(pool):
            state.pool_words.append(frozenset(content_words(pool[len(state.pool_words)][1])))
        vocab = self._vocab
        tf = dict(zip(state.ids.tolist(), state.vals.tolist(), strict=True))
        log_n = math.log(self._n + 1) + 1.0
        for (_, title, _), words in zip(pool, state.pool_words, strict=True):
            if not words:
                continue
            score = 0.0
            for w in words:
                i = vocab.ids.get(w)
                if i is not None and i in tf:
                    score += tf[i] * (log_n - float(vocab.log_count[i]))
            score /= math.sqrt(len(words))
            if score > best_score + 1e-12:
                best, best_score = title, score
        return best or next((t for _, t, _ in state.articles if t), "")

    # -- scoring ----------------------------------------------------------------------------

    def _norms(self, ids: np.ndarray, vals: np.ndarray) -> tuple[float, float, float, float]:
        """Norms of the text (names included), name and title parts of a centroid times IDF,
        and of its lead: title words and lede people merged by key, with the key's IDF."""
        vocab = self._vocab
        log_n = math.log(self._n + 1) + 1.0
        kind = vocab.kind[ids]
        x = vals * (log_n - vocab.log_count[ids])
        x *= x
        text = float(x[kind <= NAME].sum())
        names = float(x[kind == NAME].sum())
        title = float(x[kind == TITLE].sum())
        lead = 0.0
        heads = kind >= TITLE
        if heads.any():
            keys, at = np.unique(vocab.lead[ids[heads]], return_inverse=True)
            merged = np.bincount(at, weights=vals[heads], minlength=len(keys))
            y = merged * (log_n - vocab.lead_log_count[keys])
            y = y[np.argsort(vocab.lead_canon[keys], kind="stable")]  # summed in canonical order
            lead = float((y * y).sum())
        return math.sqrt(text), math.sqrt(names), math.sqrt(title), math.sqrt(lead)

    def _story_norms(self, state: StoryState) -> tuple[float, float, float, float]:
        """The centroid's norms, recomputed once the corpus has grown by ``NORM_REFRESH`` since
        (IDF drifts as articles arrive; exact norms for every candidate would cost a pass over
        its centroid per article)."""
        if self._n > state.norms_at * (1.0 + NORM_REFRESH) or not state.norms_at:
            state.norms, state.norms_at = self._norms(state.ids, state.vals), self._n
        return state.norms

    def _query(self, ids: np.ndarray, weights: np.ndarray, counts: Mapping[str, int], title: str,
               first: int | None, last: int | None, norms: tuple[float, float, float, float] | None = None,
               terms: Mapping[str, float] | None = None) -> Query:
        """``weights`` times IDF once, for every candidate; ``norms`` (a story's, kept as
        :meth:`_story_norms` keeps them) or those of the query."""
        vocab = self._vocab
        log_n = math.log(self._n + 1) + 1.0
        idf = log_n - vocab.log_count[ids]
        rank = weights * idf
        if norms is None:
            norms = self._norms(ids, weights)
        return Query(ids=ids, weights=weights, rank=rank, norms=norms, first_day=first,
                      last_day=last, title=title, counts=counts, terms=terms)

    def _load(self, q: Query) -> np.ndarray:
        """Spread the query over the scratch matrix (grown to the vocabulary): per term id, its
        weight x IDF^2 as a text term (names included), as a name, as a title word, and, for
        both terms of a lead key the query holds, the key's. Returns the rows set."""
        vocab = self._vocab
        if len(self._scratch) < vocab.capacity:
            self._scratch = np.zeros((vocab.capacity, 4))
        scratch = self._scratch
        log_n = math.log(self._n + 1) + 1.0
        ids, kind = q.ids, vocab.kind[q.ids]
        x = q.rank * (log_n - vocab.log_count[ids])
        text = kind <= NAME
        scratch[ids[text], 0] = x[text]
        name = kind == NAME
        scratch[ids[name], 1] = x[name]
        head = kind == TITLE
        scratch[ids[head], 2] = x[head]
        heads = kind >= TITLE
        if not heads.any():
            return ids
        keys, at = np.unique(vocab.lead[ids[heads]], return_inverse=True)
        merged = np.bincount(at, weights=q.weights[heads], minlength=len(keys))
        idf = log_n - vocab.lead_log_count[keys]
        value = merged * idf * idf
        touched = [ids]
        for forms in (vocab.key_title[keys], vocab.key_lede[keys]):
            known = forms >= 0
            scratch[forms[known], 3] = value[known]
            touched.append(forms[known])
        return np.concatenate(touched)

    def _ownership(self, names: Iterable[str], counts: Mapping[str, int], state: StoryState) -> float:
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
                best = max(best, n / max(n, self._vocab.count_of(t) - counts.get(t, 0)))
        return best

    def _score(self, q: Query, states: Sequence[StoryState], probe: StoryState | None = None) -> np.ndarray:
        """Each story's score against the query: the text cosine (names included) mixed with the
        title cosine (``title_share``), within ``grace_days`` the lead cosine if higher, minus the
        time penalty, which shrinks as the names agree (their cosine over ``name_agreement``) and
        as the headline carries a name the story owns (``ownership`` times the owned share).
        Ownership, a look-up per headline name, is worked out only where it could lift a score
        to ``threshold``; below it, a score is its least. With ``probe``, the query stands for
        that story and each of ``states`` is tested as its headline would be (see :meth:`_adopt`)."""
        m = len(states)
        if not m:
            return np.zeros(0)
        touched = self._load(q)
        try:
            scratch = self._scratch  # each centroid's weights times its rows: the four parts' dot products
            sums = np.array([s.vals @ scratch.take(s.ids, axis=0) for s in states]).reshape(m, 4)
        finally:
            scratch[touched] = 0.0
        dots, name_dots, title_dots, lead_dots = sums.T
        opts = self.options
        norms = np.array([self._story_norms(s) for s in states]).reshape(m, 4)
        q_text, q_names, q_title, q_lead = q.norms
        with np.errstate(divide="ignore", invalid="ignore"):
            text = np.where((norms[:, 0] > 0) & (q_text > 0), dots / (q_text * norms[:, 0]), 0.0)
            names = np.where((norms[:, 1] > 0) & (q_names > 0), name_dots / (q_names * norms[:, 1]), 0.0)
            title = np.where((norms[:, 2] > 0) & (q_title > 0), title_dots / (q_title * norms[:, 2]), 0.0)
            lead = np.where((norms[:, 3] > 0) & (q_lead > 0), lead_dots / (q_lead * norms[:, 3]), 0.0)
        slots = np.fromiter((s.slot for s in states), dtype=np.int64, count=m)
        if q.first_day is None or q.last_day is None:
            gap = np.full(m, np.nan)
        else:
            gap = np.maximum(0.0, np.maximum(self._first[slots] - q.last_day, q.first_day - self._last[slots]))
        by_lead = (gap <= opts.grace_days) & (norms[:, 3] > 0) & (q_lead > 0)
        title = np.where(by_lead, np.maximum(title, lead), title)
        mixed = by_lead | ((norms[:, 2] > 0) & (q_title > 0))
        score = np.where(mixed, (1 - opts.title_share) * text + opts.title_share * title, text)
        penalty = np.where(np.isnan(gap), 0.0,
                           np.minimum(opts.max_penalty, opts.day_penalty * np.maximum(0.0, gap - opts.grace_days)))
        agreement = names / opts.name_agreement
        least = score - penalty * np.maximum(0.0, 1.0 - agreement)
        if not opts.ownership:
            return least
        most = score - penalty * np.maximum(0.0, 1.0 - np.maximum(agreement, opts.ownership))
        out = least.copy()
        for j in np.flatnonzero((penalty > 0) & (most >= opts.threshold)).tolist():
            state = states[j]
            if probe is not None:
                if state.headline_names is None:
                    vocab = self._vocab
                    named = dict.fromkeys(vocab.terms[i] for i in state.ids[vocab.kind[state.ids] == NAME].tolist())
                    state.headline_names = headline_names(state.articles[0][1], named)
                own = self._ownership(state.headline_names, state.df, probe)
            else:
                if q.headline_names is None:
                    q.headline_names = headline_names(q.title, q.terms or {})
                own = self._ownership(q.headline_names, q.counts, state)
            out[j] = score[j] - penalty[j] * max(0.0, 1.0 - max(agreement[j], opts.ownership * own))
        return out

    def _candidates(self, q: Query, small: int | None = None) -> list[str]:
        """Stories holding the query's ``query_terms`` most distinctive terms (ties: canonical
        order), within ``window_days``, of at most ``small`` articles when given: the
        ``max_candidates`` that hold the most of those terms' weight (ties: smallest id), so the
        cost of a query is bounded however many stories share a term."""
        top = np.lexsort((self._vocab.canon[q.ids], -q.rank))[: self.options.query_terms]
        postings = [p for i in q.ids[top].tolist() if (p := self._postings.get(i))]
        if not postings:
            return []
        weights = np.repeat(q.rank[top][[bool(self._postings.get(i)) for i in q.ids[top].tolist()]],
                            [len(p) for p in postings])
        slots = np.fromiter(chain.from_iterable(postings), dtype=np.int64, count=len(weights))
        found, at = np.unique(slots, return_inverse=True)
        held = np.bincount(at, weights=weights, minlength=len(found))  # summed in the terms' order
        keep = self._size[found] > 0
        if small is not None:
            keep &= self._size[found] <= small
        if q.first_day is not None and q.last_day is not None:
            window = self.options.window_days
            keep &= ~((self._first[found] - q.last_day > window) | (q.first_day - self._last[found] > window))
        found, held = found[keep], held[keep]
        if len(found) > self.options.max_candidates:
            if self._ordered:
                found = found[np.lexsort((self._order[found], -held))[: self.options.max_candidates]]
            else:
                ranked = sorted(zip(held.tolist(), found.tolist(), strict=True),
                                key=lambda x: (-x[0], self._slots[x[1]].id))  # type: ignore[union-attr]
                found = np.array([slot for _, slot in ranked[: self.options.max_candidates]], dtype=np.int64)
        return sorted(self._slots[slot].id for slot in found.tolist())  # type: ignore[union-attr]

    def _best(self, q: Query) -> str | None:
        """The candidate story scoring highest, at least ``threshold`` (ties: smallest id)."""
        candidates = self._candidates(q)
        scores = self._score(q, [self._stories[s] for s in candidates])
        if not len(scores) or scores.max() < self.options.threshold:
            return None
        return candidates[int(np.argmax(scores))]  # candidates are sorted: the first best is the smallest id
