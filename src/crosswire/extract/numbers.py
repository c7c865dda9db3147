"""Numbers in news English: digits with separators and decimals, number words, scales,
ranges and vague amounts.

:func:`numbers` finds :class:`NumberMention` spans in a text. Vague amounts map to
documented bounds (``VAGUE``): "dozens" low 24, "scores" low 40, "hundreds" 200..999,
"thousands" 2000..9999, "tens of thousands" 20000..99999, "hundreds of thousands"
200000..999999, "millions" low 2000000; "a handful" 3..9; "several" and "numerous" give a
vague mention with no bounds (callers decide whether to keep it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import fold, word_alternation
from .vocab import CHANGE_VERBS

_UNITS = {
    "zero": 0,
    "nought": 0,
    "naught": 0,
    "no": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_SCALES.update(
    {
        "b": 1_000_000_000,
        "bln": 1_000_000_000,
        "tln": 1_000_000_000_000,
        "mil": 1_000_000,
        "mm": 1_000_000,
        "g": 1_000_000_000,
        "lakh": 100_000,
        "lakhs": 100_000,
        "crore": 10_000_000,
        "crores": 10_000_000,
    }
)
_DETERMINER_ONE = re.compile(r"(?:\b(?:the|this|that|which|each|every|any|no)\s+)$", re.IGNORECASE)

# Vague amounts -> (low, high).
VAGUE: dict[str, tuple[float | None, float | None]] = {
    "dozens": (24, None),
    "scores": (40, None),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999),
    "millions": (2_000_000, None),
    "a handful": (3, 9),
    "several": (None, None),
    "numerous": (None, None),
    "many": (None, None),
}

# Number words as a prefix tree: the same language and, where one word is a prefix of another ("six",
# "sixteen", "sixty"), the same longest-first order as the words sorted by length, but cheaper to try.
_WORD_NUM = word_alternation([*(k for k in _UNITS if k not in ("a", "an", "no")), *_TENS])
_SCALE_WORDS = "hundred|thousand|million|billion|trillion|lakhs?|crores?"
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u202f\u00a0\u2009]\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?: \d{3}){2,}(?!\d|[,.]\d)|\d{1,3} 000(?!\d|[,.]\d)|\d+(?:\.\d+)?|\.\d+"  # ("42 000 people")
)
_WORDS = (
    rf"(?:{_WORD_NUM}|(?:hundred|thousand)(?=\s+(?:thousand|million|billion)))"
    rf"(?:[\s-]+(?:and[\s-]+)?(?:{_WORD_NUM}|{_SCALE_WORDS}))*"
    rf"(?:\s+point(?:[\s-]+(?:{_WORD_NUM}))+)?"
)
_NUMBER = (
    rf"(?:(?:{_DIGITS})(?:\s*(?:{_SCALE_WORDS}|bn|mn|bln|tln|mil|dozens?)\b|\s*[kK]\b|\s*(?-i:MM|M|B|G)\b|(?-i:b)\b)?"
    rf"|(?:half\s+a|a)\s+dozen"
    rf"|(?:(?:a|one)[\s-]+)?(?:half|quarter)(?:[\s-]+(?:a|of\s+a))?[\s-]+(?:{_SCALE_WORDS})"
    rf"|an?\s+(?:{_SCALE_WORDS}|dozen)(?:\s+(?:{_SCALE_WORDS}))*"
    rf"|{_WORDS}(?:\s+dozens?)?)"
)
_VAGUE = (
    r"hundreds\s+of\s+thousands|tens\s+of\s+thousands|dozens|scores|hundreds|thousands|millions"
    r"|a\s+handful|several|numerous|many"
)
# A mention starts with a digit, ".", "-" or the first letter of a number, scale or vague word (or of "minus",
# "negative"); the lookahead lets NUMBER_RE pass every other word start at once. (Ignore-case also matches
# the four non-ASCII letters listed.)
_FIRST_LETTERS = sorted({w[0] for w in [*_UNITS, *_TENS, "half", "quarter", "hundred", "thousand", *VAGUE, "minus",
                                          "negative"]})
NUMBER_RE = re.compile(
    rf"(?=[\d.\-{''.join(_FIRST_LETTERS)}\u0130\u0131\u212a\u017f])(?:"
    rf"(?<![\w./-])(?P<neg>(?:(?<![\w\s])|(?<=\s))(?:-(?=\d)|minus\s+|negative\s+))?(?P<a>{_NUMBER})(?:\s*(?P<sep>-|–|to|and|or)\s*(?P<b>{_NUMBER}))?(?![\w%/]|[.,]\d)"
    rf"|(?<![\w-])(?P<v>{_VAGUE})\b)",
    re.IGNORECASE,
)


# Every number mention holds a digit or starts with one of these words at a word boundary ("tens of
# thousands" holds "thousand"): a text without any has no mention, and NUMBER_RE need not run over it.
_CUE_WORDS = [*(k for k in _UNITS if k not in ("a", "an", "no")), *_TENS, "half", "quarter", "dozen", "hundred",
              "thousand", "million", "billion", "trillion", "lakh", "crore", "scores", "handful", "several",
              "numerous", "many"]
NUMBER_CUE = re.compile(rf"\d|\b(?:{word_alternation(_CUE_WORDS)})")  # searched in the folded text
# NUMBER_CUE as three searches, each led by what it must start with so that re skips ahead to it: a digit; a cue
# word at the start; a cue word after a character that is no word's (a cue word's "\b")
_DIGIT = re.compile(r"\d")
_CUE_WORD = re.compile(rf"(?:{word_alternation(_CUE_WORDS)})")
_CUE_WORD_AFTER = re.compile(rf"\W(?:{word_alternation(_CUE_WORDS)})")


def first_cue(folded: str) -> int | None:
    """Where ``NUMBER_CUE.search(folded)`` starts, or None when it finds nothing."""
    if _CUE_WORD.match(folded):
        return 0
    digit = _DIGIT.search(folded)
    first = digit.start() if digit else len(folded)
    word = _CUE_WORD_AFTER.search(folded, 0, first)  # a cue word before the first digit (a word holds no digit)
    if word:
        return word.start() + 1
    return digit.start() if digit else None


def scan_start(folded: str, cue: int) -> int:
    """Where a search for mentions in a text may start, given ``folded`` (:func:`.cues.fold` of the text) and the
    start of the first ``NUMBER_CUE`` in it. A mention holds a cue, and before its first cue at most a sign ("-",
    "minus ", "negative ") and then "a" or "an" with a run of spaces or hyphens ("a dozen", "a half million", "a
    handful") or a decimal point (".5"); none of which is a cue. So no mention starts before that."""
    i = cue
    if folded[i - 1 : i] == ".":
        i -= 1
    else:
        j = i
        while j and (folded[j - 1].isspace() or folded[j - 1] == "-"):
            j -= 1
        if j < i and folded[max(0, j - 2) : j] == "an":
            i = j - 2
        elif j < i and folded[j - 1 : j] == "a":
            i = j - 1
    if folded[i - 1 : i] == "-":
        return i - 1
    k = i
    while k and folded[k - 1].isspace():
        k -= 1
    if k < i and folded[max(0, k - 5) : k] == "minus":
        return k - 5
    if k < i and folded[max(0, k - 8) : k] == "negative":
        return k - 8
    return i


@dataclass(frozen=True)
class NumberMention:
    span: tuple[int, int]
    text: str
    low: float | None
    high: float | None
    vague: bool = False
    range: bool = False


def parse_number(text: str) -> float | None:
    """Value of one number phrase ("1,200", "2.5 million", "six", "half a million", "a dozen"); None when it
    is not one."""
    try:
        return _parse_number(text)
    except KeyError:  # a word that matched only through Unicode case folding
        return None


_SPACES = re.compile(r"\s+")
_DIGITS_AND_SCALE = re.compile(rf"({_DIGITS})\s*([a-z]*)")
_GROUP_SEPARATORS = re.compile(r"[, \u202f\u00a0\u2009]")
_WORD_SPLIT = re.compile(r"[\s-]+")


def _parse_number(text: str) -> float | None:
    if text.isascii() and text.isdigit():  # most figures: what the digit path below makes of them
        return float(text)
    t = _SPACES.sub(" ", text.lower().replace("–", "-").strip())
    if t in _UNITS:  # one word: what the word loop below makes of it ("a", "an", "one" count one)
        return float(_UNITS[t])
    if t in _TENS:
        return float(_TENS[t])
    if t == "half a dozen":
        return 6.0
    m = _DIGITS_AND_SCALE.fullmatch(t)
    if m:
        value = float(_GROUP_SEPARATORS.sub("", m.group(1)))
        scale = m.group(2)
        if scale in ("dozen", "dozens"):
            return value * 12
        if scale:
            if scale not in _SCALES:
                return None
            value *= _SCALES[scale]
        return value
    if " point " in f" {t} ":
        whole, _, frac_words = t.partition("point")
        w = parse_number(whole) if whole.strip() else 0.0
        digits = [_UNITS.get(x) for x in _WORD_SPLIT.split(frac_words.strip())]
        if w is None:
            return None
        if digits and all(d is not None and d < 10 for d in digits):
            return float(f"{int(w)}." + "".join(str(d) for d in digits))
        f = parse_number(frac_words)
        return None if f is None else float(f"{int(w)}.{int(f)}")
    words = [w for w in _WORD_SPLIT.split(t) if w and w not in ("and", "of")]
    if not words:
        return None
    total = 0.0
    current = 0.0
    frac = None
    for w in words:
        if w in _FRACTIONS:
            frac = _FRACTIONS[w] * (current or 1)
            current = 0
        elif w in ("a", "an", "one") and frac is None:
            current += 1
        elif w in ("a", "an"):
            continue
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in ("dozen", "dozens"):
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores"):
            base = frac if frac is not None else (current or 1)
            total += base * _SCALES[w]
            current = 0
            frac = None
        else:
            return None
    return total + current + (frac or 0)


_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# "the toll rose from 20 to 30": two figures, the earlier and the later, not a range
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# a verb changing a figure given far before "from N to M" (not "from 10 to 12 people": a range)
_SET_BEFORE = re.compile(r"\b(?:revised|raised|lowered|updated|corrected|changed|adjusted|reduced|cut|upped|increased|"
                         r"decreased|brought)\b[^;]*$", re.IGNORECASE)  # (in a sentence: "U.S." has dots)
# "revised the toll ... to 275 from 288": the figure before it is the one changed from
CHANGED_TO_FROM = re.compile(r"(?P<cue>\bto\s+\d[\d,.]*\s+from)\s+$", re.IGNORECASE)
CHANGED_FROM = re.compile(rf"\b(?:{CHANGE_VERBS}|up|down|went|gone)\s+(?:\w+\s+){{0,2}}?from\s+$", re.IGNORECASE)


def numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Number mentions in ``text[start:end]``, spans into ``text``."""
    end = len(text) if end is None else end
    folded = fold(text[start:end])
    cue = first_cue(folded)
    if cue is None:  # no number mention can be in it
        return []
    return mentions(text, start + scan_start(folded, cue), end)


def mentions(text: str, start: int, end: int) -> list[NumberMention]:
    """:func:`numbers` without its test for a cue (:func:`first_cue`), for a caller that made it."""
    out: list[NumberMention] = []
    for m in NUMBER_RE.finditer(text, start, end):
        if m.group("v"):
            key = _SPACES.sub(" ", m.group("v").casefold())
            if key not in VAGUE:  # a letter ignore-case matching folds but the table does not ("numerouſ")
                continue
            low, high = VAGUE[key]
            out.append(NumberMention(m.span(), m.group(0), low, high, vague=True))
            continue
        a = parse_number(m.group("a"))
        if a is None:
            continue
        b = parse_number(m.group("b")) if m.group("b") else None
        if m.group("neg") and b is None:
            a = -a
        if m.group("a").lower() == "one" and _DETERMINER_ONE.search(text, max(0, m.start() - 12), m.start()):
            continue
        sep = (m.group("sep") or "").lower()
        if sep == "to" and b is not None and (CHANGED_FROM.search(text, max(0, m.start() - 40), m.start()) or (
                (fr := _FROM.search(text, max(0, m.start() - 6), m.start())) is not None
                and _SET_BEFORE.search(text, max(0, fr.start() - 120), fr.start()))):
            sep = "and"  # "rose from 20 to 30", "revised the toll ... from 174 to 125": two figures, each on its own
        if b is not None and sep in ("-", "–", "to") and b > a:
            if sep != "to" and a < 1000 <= b and m.group("b").endswith(",000") and "," not in m.group("a") \
                    and b / 100 <= a * 1000 <= b:
                a *= 1000  # "5-6,000", "10-15,000": both ends in thousands
            out.append(NumberMention(m.span(), m.group(0), a, b, range=True))
        elif b is not None and b > a and (sep == "or" or (sep == "and" and _BETWEEN.search(
                text, max(0, m.start() - 9), m.start()))):
            out.append(NumberMention(m.span(), m.group(0), a, b, range=True))  # "30 or 40", "between 30 and 40"
        elif b is not None and sep in ("and", "or"):
            # two separate numbers ("140 rebels and 87"): keep only the first here
            s, e = m.span("a")
            out.append(NumberMention((s, e), m.group("a"), a, a))
            s, e = m.span("b")
            out.append(NumberMention((s, e), m.group("b"), b, b))
        else:
            s, e = m.span("a") if b is not None else m.span()
            if m.group("neg") and b is None:
                s = m.start("neg")
            out.append(NumberMention((s, e), text[s:e], a, a))
    return _restated(text, out) if len(out) > 1 else out


_IN_PARENS = re.compile(r"\s*\(\s*")


def _restated(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """A number in words restated in digits in brackets ("thirty-nine (39) people") is one mention, spanning both:
    the noun after the brackets is the words' noun."""
    out: list[NumberMention] = []
    for n in found:
        prev = out[-1] if out else None
        if prev is not None and not prev.range and not n.range and not prev.vague and prev.low == n.low and \
                text[n.span[1] : n.span[1] + 1] == ")" and not prev.text[:1].isdigit() and \
                _IN_PARENS.fullmatch(text, prev.span[1], n.span[0]):
            out[-1] = NumberMention((prev.span[0], n.span[1] + 1), text[prev.span[0] : n.span[1] + 1], prev.low,
                                    prev.high)
            continue
        out.append(n)
    return out
