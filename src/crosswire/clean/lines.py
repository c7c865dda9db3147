"""A line of a page's text and the features the cleaner judges it by (words, sentence end, list marker)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chrome import vocab

MARKER_RE = re.compile(r"^(?:[-*•·▪►–—]|\d{1,2}[.)])\s+")
WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['.-][A-Za-z0-9]+)*")  # the same words in ASCII text, found faster


def find_words(text: str) -> list[str]:
    """The words of ``text`` (``WORD_RE``); ASCII text, most lines, takes the ASCII form of the pattern."""
    return (_ASCII_WORD_RE if text.isascii() else WORD_RE).findall(text)


SENTENCE_END = (".", "!", "?", "”", "\"", "’", "'", ")", ":", "。", "！", "？", "」")
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
FUNCTION_WORDS = vocab(
    "a an the and or but of to in on at by for with from as is are was were be been it its this that these "
    "those we you your our us me my i he she they them their his her not no yes all any more most here there "
    "now up out off over into about")


@dataclass(slots=True)
class Line:
    """One non-empty line and the features it is judged by (counts only: a page of a million lines
    must not hold a million word lists)."""

    index: int
    number: int | None
    raw: str
    text: str
    marker: bool
    n: int  # words; in scripts written without spaces (CJK) about one word per two characters
    digits: int  # words that are numbers
    reason: str | None = None  # None = body

    @property
    def words(self) -> list[str]:
        return find_words(self.text)

    @property
    def ends_sentence(self) -> bool:
        t = self.text.rstrip()
        return t.endswith(SENTENCE_END) and not t.endswith(("...", "…"))


def make_line(index: int, number: int | None, raw: str) -> Line:
    text = MARKER_RE.sub("", raw)
    words = find_words(text)
    n = len(words)
    if not text.isascii() and CJK_RE.search(text):
        n = max(n, len(CJK_RE.findall(text)) // 2)
    return Line(index, number, raw, text, text != raw, n, sum(map(str.isdigit, words)))


def headline_like(text: str) -> bool:
    t = text.rstrip()
    if t.endswith((".", ",", ";", ":", "…", "...")) or not (t[:1].isupper() or t[:1].isdigit() or t[:1] in "\"“‘'"):
        return False  # the cheap tests first: most lines end a sentence
    if t[-1] in "\"”’'" and t.rstrip("\"”’'").endswith((".", "!", "?", ",")):
        return False  # a quoted sentence ('He said "we will rebuild."') ends a sentence too
    return 3 <= len(find_words(text)) <= 25
