"""Term ids and running document frequencies, as numpy arrays a query can gather from.

Every term an article brings gets an id on first sight, with its kind (plain word or number,
name, title word, lede person), its lead key (the word a title term and a lede person share) and
a canonical order key: a hash of the term itself, so that a centroid sorted by it sums its
products in the same order whatever order the terms were first seen in (an index rebuilt from
the store scores exactly as the one that wrote it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import numpy as np

TEXT, NAME, TITLE, LEAD = 0, 1, 2, 3  # kinds: words and numbers, ``e:``/``d:``, ``t:``, ``l:``


def kind_of(term: str) -> int:
    if term[1:2] != ":":
        return TEXT
    return {"e": NAME, "d": NAME, "t": TITLE, "l": LEAD}.get(term[0], TEXT)


def _canonical(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


class Vocabulary:
    """Ids of terms (and of lead keys) with their kinds and document frequencies."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        self.lead_ids: dict[str, int] = {}
        self.kind = np.zeros(1024, dtype=np.int8)
        self.lead = np.full(1024, -1, dtype=np.int64)
        self.canon = np.zeros(1024, dtype=np.int64)
        self.count = np.zeros(1024, dtype=np.int64)  # articles holding the term
        self.log_count = np.zeros(1024, dtype=np.float64)  # log(count + 1): IDF is log(n + 1) + 1 minus this
        self.lead_count = np.zeros(256, dtype=np.int64)  # articles holding ``t:key`` or ``l:key``
        self.lead_log_count = np.zeros(256, dtype=np.float64)
        self.lead_canon = np.zeros(256, dtype=np.int64)
        self.key_title = np.full(256, -1, dtype=np.int64)  # per lead key: the id of ``t:key`` (-1: none yet)
        self.key_lede = np.full(256, -1, dtype=np.int64)  # and of ``l:key``

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def capacity(self) -> int:
        return len(self.kind)

    def _grow(self, size: int, lead_size: int) -> None:
        if size > len(self.kind):
            new = max(size, 2 * len(self.kind))
            self.kind = np.concatenate((self.kind, np.zeros(new - len(self.kind), dtype=np.int8)))
            self.lead = np.concatenate((self.lead, np.full(new - len(self.lead), -1, dtype=np.int64)))
            for name in ("canon", "count", "log_count"):
                old = getattr(self, name)
                setattr(self, name, np.concatenate((old, np.zeros(new - len(old), dtype=old.dtype))))
        if lead_size > len(self.lead_count):
            new = max(lead_size, 2 * len(self.lead_count))
            for name in ("lead_count", "lead_log_count", "lead_canon"):
                old = getattr(self, name)
                setattr(self, name, np.concatenate((old, np.zeros(new - len(old), dtype=old.dtype))))
            for name in ("key_title", "key_lede"):
                old = getattr(self, name)
                setattr(self, name, np.concatenate((old, np.full(new - len(old), -1, dtype=old.dtype))))

    def id(self, term: str) -> int:
        """The term's id, given on first sight."""
        i = self.ids.get(term)
        if i is None:
            i = self.ids[term] = len(self.terms)
            self.terms.append(term)
            kind = kind_of(term)
            lead = -1
            new_key = False
            if kind in (TITLE, LEAD):
                new_key = term[2:] not in self.lead_ids
                lead = self.lead_ids.setdefault(term[2:], len(self.lead_ids))
            self._grow(i + 1, lead + 1)
            self.kind[i], self.lead[i], self.canon[i] = kind, lead, _canonical(term)
            if new_key:
                self.lead_canon[lead] = _canonical(term[2:])
            if kind == TITLE:
                self.key_title[lead] = i
            elif kind == LEAD:
                self.key_lede[lead] = i
        return i

    def lookup(self, terms: Iterable[str]) -> np.ndarray:
        get = self.ids.get
        return np.fromiter((i if (i := get(t)) is not None else self.id(t) for t in terms), dtype=np.int64)

    def add(self, terms: Iterable[str], times: Mapping[str, int] | None = None) -> np.ndarray:
        """Count ``terms`` (distinct) as held by one more article each (or by ``times[term]``
        more); their ids."""
        terms = list(terms)
        ids = self.lookup(terms)
        n = 1 if times is None else np.fromiter((times[t] for t in terms), dtype=np.int64, count=len(terms))
        self.count[ids] += n
        self.log_count[ids] = np.log(self.count[ids] + 1)
        keys = self.lead[ids]
        heads = keys >= 0
        if heads.any():
            np.add.at(self.lead_count, keys[heads], n if times is None else n[heads])
            self.lead_log_count[keys[heads]] = np.log(self.lead_count[keys[heads]] + 1)
        return ids

    def count_of(self, term: str) -> int:
        i = self.ids.get(term)
        return 0 if i is None else int(self.count[i])

    def canonical_order(self, ids: np.ndarray) -> np.ndarray:
        return np.argsort(self.canon[ids], kind="stable")
