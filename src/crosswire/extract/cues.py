"""Cheap tests run before expensive patterns: most text holds nothing a pattern looks for.

A pattern is run only where a cue it cannot match without is present (a digit, a number word, a
month name...). A cue is a necessary condition, never a sufficient one, so output is the same as
running the pattern everywhere. Cues for ignore-case patterns are searched case-sensitively in
:func:`fold`'s copy of the text, which keeps every position (so spans and ``\\b`` still agree).
"""

from __future__ import annotations

import re

__all__ = ["fold", "word_alternation"]

# re.IGNORECASE matches four non-ASCII letters to ASCII ones that str.lower() leaves apart
# (and str.lower() turns U+0130 into two characters).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})
_TO_FOLD = re.compile("[\u0130\u0131\u212a\u017f]")


def fold(text: str) -> str:
    """``text`` as an ignore-case pattern sees ASCII letters: lower-case, with the same length and the same
    word and digit characters at every position. A case-sensitive search for lower-case ASCII words (with
    ``\\b``, ``\\d``) in ``fold(text)`` finds what the same search with ``re.IGNORECASE`` finds in ``text``."""
    if text.isascii() or not _TO_FOLD.search(text):
        return text.lower()
    return text.translate(_FOLD).lower()


def word_alternation(words: list[str]) -> str:
    """A regex matching exactly the literal ``words``, factored by common prefix ("t(?:en|w(?:elve|o))"):
    the same language as ``a|b|c``, but ``re`` rejects a position after one character comparison instead
    of one per word. Which word is tried first differs, so anchor both ends (``\\b``, lookarounds) when
    the end of the match matters."""
    if not words:
        return ""
    alternatives = []
    for first in sorted({w[0] for w in words}):
        rests = [w[1:] for w in words if w[0] == first]
        longer = sorted({r for r in rests if r})
        body = word_alternation(longer)
        if len(longer) > 1 or (longer and "" in rests):
            body = f"(?:{body})"
        alternatives.append(re.escape(first) + body + ("?" if "" in rests and longer else ""))
    return "|".join(alternatives)
