"""Capitalised chunks: the candidate names of a text, before :mod:`.entities` types them.

Runs of capitalised words (joined by "al-", "of", "for", "de"...) are cut into chunks at sentence ends,
closing quotes, possessives and adjectival affixes ("Iran-backed", "pro-Assad"); :func:`stripped_chunks`
removes sentence-initial common words, titles (kept as the chunk's ``title``) and generic words.
:func:`lower_case_words` lists the words a text also writes in lower case: a capitalised word that is
one of them ("Police") is a common word, not a name (:class:`LowerWords` answers the same, word by word).

Speed: a chunk never spans two runs of capitals, so each run is chunked (and stripped) once, by a
memoised pure function of its string (:func:`run_chunks`, :func:`strip_words`): names recur in every article.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..records import PARAGRAPH_SEPARATOR
from . import gazetteer

__all__ = ["CONNECTORS", "ORG_WORDS", "PARTICLE", "Chunk", "LowerWords", "RawChunk", "all_caps", "cap_runs",
           "headline_paragraphs", "lower_case_words", "run_chunks", "runs", "strip_words", "stripped_chunks", "wordset"]


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(words.split())


_TITLES = wordset(
    """dr mr mrs ms miss president vice prime minister lt lieutenant col colonel gen general brig brigadier maj
    major capt captain sgt sergeant cpl corporal pvt cmdr commander adm admiral sen senator rep gov governor
    mayor king queen prince princess sheikh sheik pope rev reverend father imam ayatollah judge justice
    chancellor secretary ambassador envoy chief deputy crown emir prof professor inspector detective sheriff
    marshal field foreign defence defense interior state officer premier speaker chairman leader lady"""
)
ORG_WORDS = wordset(
    """army forces force observatory ministry agency brigade brigades party council corps group nations news
    defence defense front movement committee commission organization organisation union court police guard
    guards department office university institute bank company corporation inc ltd association federation
    coalition alliance network service services authority administration crescent cross watch command
    battalion regiment division militia legion fund foundation programme program congress parliament senate
    assembly government cabinet times post press telegraph journal tribune herald broadcasting television
    radio media airlines airways railways hospital school college church mosque club international
    institution bureau directorate unit units commission"""
)
_GENERIC = wordset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december i we you he she they it the a an this that these those
    his her their its our my your there here but and or if when while after before as at in on by for
    from to of with without since despite according however meanwhile moreover additionally also other
    some many several most all both each every no not what which who whom whose where why how yes
    breaking update updated live video photo photos watch read more follow share comments staff reporter
    desk team editor correspondent agencies media god now loading"""
)
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.&-]*")
_ADJECTIVAL_SUFFIX = re.compile(
    r"-(?:linked|backed|based|led|affiliated|made|held|controlled|allied|aligned|born|run|funded|supported|"
    r"style|inspired|owned|sponsored|dominated|occupied|brokered|related|bound|wide)$",
    re.I,
)
_ADJECTIVAL_PREFIX = re.compile(r"^(?:pro|anti|non|ex|post|pre|mid|trans|pan)-(?=[A-Z])")
PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|an|bin|ibn|abu|bint|ul|ud)-[A-Z]")
CONNECTORS = frozenset({"of", "for", "de", "del", "da", "du", "di", "la", "le", "van", "von", "der", "den", "bin",
                        "ibn", "al", "el", "and"})
# an article that begins a name ("El Paso", "La Paz", "Le Havre", "Al Hoceima"), written with its capital
_NAME_ARTICLES = frozenset({"El", "La", "Le", "Al", "Los", "Las", "Les"})
_STATE_WORDS = ("Republic", "Kingdom")  # "of the" joins after them: "Republic of the Congo"
_KEEP_DOT = re.compile(
    r"^(?:[A-Z]\.)+$|^(?:Dr|Mr|Mrs|Ms|Lt|Col|Gen|Brig|Maj|Capt|Sgt|Sen|Rep|Gov|Rev|Prof|St|Jr|Sr)\.$"
)
_PARTY_WORDS = frozenset({"republican", "democrat", "democratic", "conservative", "labour", "tory", "liberal",
                          "socialist", "communist", "independent", "veteran", "former", "late"})
# Lower-case words of the running text: a word that also occurs in lower case is a common word, not a
# name ("Police"). Hashtags, handles and web addresses ("#croydon", "@bbc", "tfl.gov.uk") do not count.
# (Possessive quantifiers: giving characters back could never make either part match, so none are tried.)
_LOWER_WORD = re.compile(r"(?<![\w'’#@/.-])[a-z][a-z'’-]*+(?![\w'’-]*+[./@]\w)")
_KINSHIP = re.compile(r"^[A-Z][a-z]+-(?:of|in)-[a-z]+$")
_CAP_WORD = r"(?:[A-Z]|[a-z]+-[A-Z])[\w'’.&-]*"
# Runs of capitalised words (with connectors between them): the only stretches the chunker reads.
_OF_THE = "|".join(rf"(?<={w}[ \u00a0])of[ \u00a0]the" for w in _STATE_WORDS)  # (before "of", so tried first)
_CAP_RUN_REST = rf"(?:[ \u00a0](?:(?:{_OF_THE}|{'|'.join(sorted(CONNECTORS - {'and'}))})[ \u00a0])*{_CAP_WORD})*"
_CAP_RUN = re.compile(rf"(?<![\w'’.&-]){_CAP_WORD}{_CAP_RUN_REST}")
# The same runs, found faster (see :func:`cap_runs`): the runs that start with a capital, with the lookbehind
# after it, so that ``re`` skips to the next capital instead of trying every position; and the places where a
# run can start with a lower-case prefix ("al-Assad", "pro-Assad"): a hyphen between a lower-case letter and a
# capital.
_CAPITAL_RUN = re.compile(rf"[A-Z](?<![\w'’.&-][A-Z])[\w'’.&-]*{_CAP_RUN_REST}")
_PREFIX_HYPHEN = re.compile(r"-(?<=[a-z]-)[A-Z]")  # (the hyphen first: re looks for it)


@dataclass(slots=True)
class Chunk:
    """A candidate name: its words and span in the text, and what the chunker and the classifier learn."""

    start: int
    end: int
    words: list[str]
    title: str | None = None
    adjectival: bool = False  # "Iran-backed", "pro-Assad": evidence, not a place of the event
    prefixed: bool = False  # "pro-Assad"
    headline: bool = False
    kind: str | None = None
    strong: bool = False
    evidence: str = ""
    role: str | None = None
    suffix: str = ""  # a trailing place word kept in the name ("airport")
    region: bool = False
    country: bool = False
    offsets: list[int] = field(default_factory=list)  # start of each word in the text

    @property
    def name(self) -> str:
        return " ".join(self.words) + (f" {self.suffix}" if self.suffix else "")


def _is_cap(token: str) -> bool:
    return token[0].isupper() or bool(PARTICLE.match(token))


# Words of four characters or more (a shorter word is a whole match of [A-Za-z][\w'’-]* too short to count).
_LONG_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")
_CAPITAL = re.compile("[A-Z]").match  # a long word's first letter is a capital (it is an ASCII letter)


def headline_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the short paragraphs written in title case (headlines): their capitals prove nothing."""
    out = []
    pos = 0
    for para in text.split(PARAGRAPH_SEPARATOR):
        if len(para) > 300:  # a headline is short
            pos += len(para) + len(PARAGRAPH_SEPARATOR)
            continue
        words = _LONG_WORD.findall(para)
        if len(words) >= 3 and len(list(filter(_CAPITAL, words))) >= 0.7 * len(words):
            out.append((pos, pos + len(para)))
        pos += len(para) + len(PARAGRAPH_SEPARATOR)
    return out


class RawChunk(NamedTuple):
    """A chunk of one run of capitalised words, placed relative to the run's start."""

    start: int
    end: int
    words: tuple[str, ...]
    offsets: tuple[int, ...]  # start of each word
    adjectival: bool
    prefixed: bool
    first: str  # the first word as :func:`stripped_chunks` looks it up in the text's lower-case words
    cut: tuple[int, int, str | None, tuple[str, ...]] | None  # strip_words(words, False), with the words it keeps


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def run_chunks(run: str) -> tuple[RawChunk, ...]:
    """The chunks of one run of capitalised words (a match of ``_CAP_RUN``), relative to its start.

    A chunk never spans two runs: the next run starts more than one space after the last token of a
    run (runs are maximal), which closes the chunk. So a text's chunks are its runs' chunks, and a run
    (a pure function of its string, memoised: "The", "Mr. Trump", "White House" recur in every article)
    is read once."""
    chunks: list[RawChunk] = []
    current: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # connectors waiting for a following capital
    flags = [False, False]  # adjectival, prefixed of the chunk the next flush makes

    def flush() -> None:
        if current and not (len(current) == 1 and current[0][2].lower() in _GENERIC):  # "The", "But", "He"
            words = tuple(t for _, _, t in current)
            first = words[0].lower()
            cut = strip_words(words, False)
            chunks.append(RawChunk(current[0][0], current[-1][1], words, tuple(start for start, _, _ in current),
                                   flags[0], flags[1], first.rstrip(".") if len(words) > 1 else first,
                                   cut and (*cut, words[cut[0] : cut[1]])))
        current.clear()
        pending.clear()

    last_end = -1
    for m in _TOKEN.finditer(run):
        tok, start, end = m.group(), m.start(), m.end()
        if tok.endswith((".", "'", "’")):
            while tok.endswith((".", "'", "’")) and not _KEEP_DOT.match(tok) and not tok.endswith(("s'", "s’")):
                tok, end = tok[:-1], end - 1  # sentence ends and closing quotes are not part of a name
            if not tok:
                continue
        if current and (start - last_end != 1 or run[last_end] not in " \u00a0"):
            flush()  # not one space away from the name so far
        last_end = end
        possessive = tok.endswith(("'s", "’s")) and len(tok) > 2
        if possessive:
            tok, end = tok[:-2], end - 2
        adjectival = False
        hyphen = "-" in tok  # both adjectival patterns start or end with one
        suffix = _ADJECTIVAL_SUFFIX.search(tok) if hyphen else None
        if suffix and len(tok) > suffix.end() - suffix.start():
            tok, end, adjectival = tok[: suffix.start()], start + suffix.start(), True
        prefix = _ADJECTIVAL_PREFIX.match(tok) if hyphen else None
        if prefix:
            tok, start, adjectival = tok[prefix.end():], start + prefix.end(), True
        if tok in ("The", "A", "An") and current:
            flush()  # "... James Long The London Fire Brigade": a new name starts
        if tok and _is_cap(tok):
            current.extend(pending)
            pending.clear()
            current.append((start, end, tok))
            if adjectival:
                flags[:] = True, bool(prefix)  # only the chunk this token closes ("He-led" makes none)
                flush()
                flags[:] = False, False
            elif possessive:
                flush()
        elif current and not possessive and ((tok.lower() in CONNECTORS and tok != "and")
                                             or (tok == "the" and len(pending) == 1 and pending[0][2] == "of"
                                                 and current[-1][2] in _STATE_WORDS)):
            pending.append((start, end, tok))  # "Republic of the Congo": "of the" joins a state's name
        else:
            flush()
    flush()
    return tuple(chunks)


def cap_runs(text: str) -> list[tuple[int, str]]:
    """``(start, run)`` for the matches of ``_CAP_RUN`` in ``text`` (``finditer``), in order.

    A match starts with a capital or with lower-case letters, a hyphen and a capital. The first kind are the
    matches of ``_CAPITAL_RUN``; the second are ``_CAP_RUN`` matched where the letters before a hyphen-capital
    start. ``finditer`` would not look inside a match for another: where one of the second kind starts inside
    another match, or one of the first kind inside one of the second ("al-Assad" in "Bashar al-Assad",
    "Assad" in "al-Assad Foo"), it ends where the first ends (the rest of a run does not depend on where it
    started), and it is left out."""
    found = [(m.start(), m[0]) for m in _CAPITAL_RUN.finditer(text)]
    hyphens = [m.start() for m in _PREFIX_HYPHEN.finditer(text)]
    if not hyphens:
        return found
    for at in hyphens:
        start = at - 1
        while start > 0 and "a" <= text[start - 1] <= "z":
            start -= 1
        m = _CAP_RUN.match(text, start)  # (its lookbehind reads the text before ``start``)
        if m is not None:
            found.append((start, m[0]))
    found.sort()
    out = []
    end = -1
    for start, run in found:
        if start >= end:
            out.append((start, run))
            end = start + len(run)
    return out


def runs(text: str) -> Iterator[tuple[int, RawChunk]]:
    """``(run start, chunk)`` for the chunks of ``text`` in order (see :func:`run_chunks`)."""
    for base, run in cap_runs(text):
        found = run_chunks(run)
        if found:
            for raw in found:
                yield base, raw


def stripped_chunks(text: str, sentence_starts: Container[int], lower_words: Container[str]) -> Iterator[Chunk]:
    """The chunks of ``text`` in order, with sentence-initial common words, titles (kept as the chunk's ``title``)
    and generic words removed (see :func:`strip_words`); a chunk nothing is left of is not made.

    ``sentence_starts``: the offsets where sentences (and paragraphs) start; ``lower_words``: the words ``text``
    also writes in lower case (:class:`LowerWords`). A chunk's first word is a sentence-initial common word
    ("Police said") when the chunk starts a sentence with a word of ``lower_words``; else its run's stripping,
    done once per run, is used."""
    for base, raw in runs(text):
        if base + raw.start in sentence_starts and raw.first in lower_words:
            common = strip_words(raw.words, True)
            cut = common and (*common, raw.words[common[0] : common[1]])
        else:
            cut = raw.cut
        if cut is None:
            continue
        i, j, title, words = cut
        offsets = raw.offsets
        yield Chunk(base + offsets[i], base + offsets[j - 1] + len(words[-1]), list(words), title, raw.adjectival,
                    raw.prefixed, offsets=[base + o for o in offsets[i:j]])


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def strip_words(words: tuple[str, ...], common_start: bool) -> tuple[int, int, str | None] | None:
    """``(i, j, title)``: a chunk's name is ``words[i:j]`` after sentence-initial common words, titles and generic
    words, and its title the words of a title removed; None if nothing is left. ``common_start``: see
    :func:`stripped_chunks`. (A pure function of its arguments, memoised: names recur.)"""
    i = 0
    while i < len(words):
        low = words[i].lower().rstrip(".")
        hyphenated_noun = i == 0 and _KINSHIP.match(words[i]) is not None  # "Mum-of-two Jane Doe"
        party_label = low in _PARTY_WORDS and i + 1 < len(words) and not any(
            w.lower() in ORG_WORDS or w == "Republic" for w in words[i + 1 :])  # "Republican Donald Trump"
        article = words[i] in _NAME_ARTICLES and i + 1 < len(words) and words[i + 1][:1].isupper()
        if (low in _GENERIC or (low in CONNECTORS and not article) or hyphenated_noun or party_label or (
                i == 0 and common_start and len(words) > 1 and words[1].lower() not in CONNECTORS)) and not (
                article and i == 0 and not common_start):
            i += 1
            continue
        break
    if i == 0 and common_start and len(words) == 1:
        return None
    t = i
    if (t < len(words) - 2 and _is_title(words[t + 1])
            and (gazetteer.demonym_country(words[t]) or words[t] in gazetteer.COUNTRY_ALIASES)):
        t += 1  # "Syrian President ...", "US Secretary of State ..."
    while t < len(words) - 1 and _is_title(words[t]):
        t += 1
    if t > i and t + 3 < len(words) and words[t] in ("of", "for"):
        t += 2  # "Mayor of London Sadiq Khan"
    if t == i:  # a title after an organisation's name: "Police Chief Ron Thomas", "UN Secretary General ..."
        for k in range(i + 1, len(words) - 1):
            if _is_title(words[k]) and words[k].lower() not in ("state", "general"):
                run = k
                while run < len(words) - 1 and _is_title(words[run]):
                    run += 1
                rest = [w.lower() for w in words[run:]]
                if rest and not any(w in ORG_WORDS or w in CONNECTORS for w in rest) and len(rest) <= 3:
                    t = run
                break
    if t > i and all(w.lower() in ORG_WORDS for w in words[t:]):
        t = i  # "Premier League", "General Assembly": not a title before a name
    title = " ".join(words[i:t]) if t > i else None
    i = t
    j = len(words)
    while j > i and (words[j - 1].lower() in _GENERIC or words[j - 1].lower() in CONNECTORS):
        j -= 1
    if i >= j or all(_is_title(w) for w in words[i:j]):
        return None
    return i, j, title


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def _is_title(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in _TITLES or (low.endswith("-elect") and low[:-6] in _TITLES)


def all_caps(word: str) -> bool:
    """A short all-capitals word ("BBC", "HTS")."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def lower_case_words(text: str) -> set[str]:
    """The lower-case words of ``text`` (see ``_LOWER_WORD``)."""
    return set(_LOWER_WORD.findall(text))


class LowerWords:
    """``lower_case_words(text)`` as a container, read only where asked: a text has hundreds of lower-case words
    and an article's names ask about a few dozen (memoised per word)."""

    __slots__ = ("_known", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        found = self._known.get(word)  # type: ignore[call-overload]
        if found is None:
            found = False
            if isinstance(word, str) and word:
                text = self._text
                at = text.find(word)
                while at >= 0:  # ``word`` is one iff ``_LOWER_WORD`` matches exactly it at one of its occurrences
                    m = _LOWER_WORD.match(text, at)  # (its lookbehind reads the text before ``at``)
                    if m is not None and m.end() == at + len(word):
                        found = True
                        break
                    at = text.find(word, at + 1)
            self._known[word] = found  # type: ignore[index]
        return found

    def isdisjoint(self, words: Iterable[str]) -> bool:
        return not any(w in self for w in words)
