"""Memo: what a function gives for each key, found once, kept by whoever holds the memo.

Copies and rewrites of a report repeat its sentences word for word, so the brief and the event record
read each distinct sentence (line, phrase, name) once. A memo is an object made for one story and
dropped with it: no process-wide cache grows with the stories of a run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """``memo[key]`` is ``find(key)``, found on the first look-up and kept (a dict: a found value is
    read at a plain dict look-up's cost). ``find`` must depend on the key only."""

    __slots__ = ("_find",)

    def __init__(self, find: Callable[[K], V]) -> None:
        super().__init__()
        self._find = find

    def __missing__(self, key: K) -> V:
        value = self[key] = self._find(key)
        return value
