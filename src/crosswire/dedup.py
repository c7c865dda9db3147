"""Find copies among articles: exact and near duplicates, rewrites, shared paragraphs.

Everything runs through an explicit :class:`DedupIndex` (state you pass in, never a
module global) and through indexes only, so the cost grows linearly with articles:

* exact copies: SHA-256 of the normalised text, in a dict;
* near duplicates: MinHash of word ``shingle_size``-grams in a datasketch ``MinHashLSH``. A
  shingle is hashed as a polynomial over its bytes (mod 2^64, vectorised with numpy over the whole
  text, then mixed by the MurmurHash3 finaliser), and datasketch's affine32 permutations are
  applied to all shingles at once: no Python call per shingle;
  ``threshold`` is a *word-level* similarity: the share of words kept in place, estimated
  from the shingle Jaccard ``J`` as ``(2J / (1 + J)) ** (1 / shingle_size)`` (every changed
  word breaks ``shingle_size`` shingles), so a copy with 10% of its words changed scores about
  0.9 while two articles about the same topic score near 0;
* rewrites: what survives rewording (numbers, capitalised names, quoted words, in their order)
  forms a "fact" set with its own MinHash LSH; a candidate is confirmed by set overlap and by
  the order of the shared facts, or with a weaker overlap when the text credits the other
  article's outlet ("(Reuters)", "according to the BBC", ``Article.original_source``);
* shared paragraphs: SHA-256 of each normalised paragraph in an inverted index.

Every signature carries its parameters (shingle size, num_perm, seed, hash, format version); an
index refuses rows made with other parameters (:class:`~crosswire.errors.ConfigError`) unless it
is given the articles to sign again (``resign``). A copy is found through its original: its own
facts and paragraphs are never compared, so they are not computed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .errors import ConfigError
from .records import Article, Link

FORMAT_VERSION = 3  # 2: polynomial shingle and fact hashes (was SHA-1 per shingle), uint32 signatures;
# 3: each word hashed from its code points, shingles, paragraphs and the exact hash from word hashes
_SCHEME = "affine32"
_HASH = "poly64"
_P = 0x100000001B3  # odd multiplier of the polynomial hash (the 64-bit FNV prime)
_P_INV = pow(_P, -1, 1 << 64)
_CHUNK = 2048  # shingles permuted at once (bounds the temporary array to num_perm x _CHUNK)
_NONE = np.zeros(0, dtype=np.uint32)
_LSH_WEIGHTS = (0.2, 0.8)  # word LSH bands favour recall: every candidate is checked on its bottom-k sketch

_WORD = re.compile(r"\w+(?:[.,']\w+)*")  # after "_" -> " ": words of letters and digits
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTE = re.compile(r"[\"“”«»]([^\"“”«»]{12,400})[\"“”«»]")
_CAP_PHRASE = re.compile(r"\b[A-Z][\w’'\-]+(?:\s+(?:of|the|de|al|al-|bin|van|von|du|la)?\s*[A-Z][\w’'\-]+)*")
_SENT_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\s*[\"“(]?$")
_CREDIT_PATTERNS = (
    re.compile(r"\((?P<who>[A-Z][A-Za-z&.\- ]{1,40}?)\)\s*[-—–]"),
    re.compile(r"^[A-Z][A-Z ,.\-]{2,60}\((?P<who>[A-Z][A-Za-z&.\- ]{1,40}?)\)", re.MULTILINE),
    re.compile(r"\b(?:according to|first reported by|as reported by|reported first by|told)\s+(?:the\s+)?"
               r"(?P<who>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3})"),
    re.compile(r"\b(?:original source|source|via)\s*:\s*(?P<who>[\w.\-]+(?:\s+[\w.\-]+){0,3})", re.IGNORECASE),
)
# Capitalised words that are not names (sentence starters, weekdays, months are kept: they date facts).
_NOT_NAMES = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "in", "on", "at", "by", "for", "from", "with", "as", "but",
    "and", "or", "if", "when", "while", "after", "before", "however", "meanwhile", "also", "according",
    "said", "says", "mr", "mrs", "ms", "dr", "so", "yet", "there", "here", "what", "who", "where",
    "why", "how",
})


@dataclass(frozen=True, kw_only=True)
class DedupOptions:
    """``threshold``: word-level similarity above which two texts are duplicates.
    ``rewrite_threshold``: Jaccard of fact sets for a rewrite; ``credited_threshold`` when the
    text credits the candidate's outlet; ``min_facts``: facts an article needs to be judged a
    rewrite; ``min_order``: share of shared facts in the same order; ``min_paragraph_words``:
    shorter paragraphs are not compared; ``common_paragraph``: a paragraph already carried by this
    many articles is boilerplate and not evidence; ``min_words``: a shorter text is compared
    exactly together with its title (a page that is all boilerplate is no copy)."""

    shingle_size: int = 5
    num_perm: int = 64
    bottom_k: int = 256
    seed: int = 1
    threshold: float = 0.85
    rewrite_threshold: float = 0.35
    credited_threshold: float = 0.15
    min_facts: int = 6
    min_order: float = 0.6
    max_facts: int = 96
    min_paragraph_words: int = 12
    min_words: int = 40
    common_paragraph: int = 3

    def __post_init__(self) -> None:
        if not 1 <= self.shingle_size <= 20:
            raise ConfigError(f"shingle_size must be in 1..20, got {self.shingle_size}")
        if not 16 <= self.num_perm <= 1024:
            raise ConfigError(f"num_perm must be in 16..1024, got {self.num_perm}")
        if not 16 <= self.bottom_k <= 4096:
            raise ConfigError(f"bottom_k must be in 16..4096, got {self.bottom_k}")
        if self.seed < 0:
            raise ConfigError(f"seed must be >= 0, got {self.seed}")
        for name in ("threshold", "rewrite_threshold", "credited_threshold", "min_order"):
            value = getattr(self, name)
            if not 0.0 < value < 1.0:
                raise ConfigError(f"{name} must be in (0, 1), got {value}")
        if self.credited_threshold > self.rewrite_threshold:
            raise ConfigError("credited_threshold must not exceed rewrite_threshold")
        if self.min_facts < 1 or self.max_facts < self.min_facts:
            raise ConfigError("need 1 <= min_facts <= max_facts")
        if self.min_paragraph_words < 1 or self.min_words < 1 or self.common_paragraph < 2:
            raise ConfigError("min_paragraph_words and min_words must be >= 1, common_paragraph >= 2")

    @property
    def params(self) -> dict[str, int | str]:
        """What a signature depends on: stored with every row."""
        return {"shingle_size": self.shingle_size, "num_perm": self.num_perm, "bottom_k": self.bottom_k,
                "seed": self.seed, "max_facts": self.max_facts, "hash": _HASH, "version": FORMAT_VERSION}

    @property
    def jaccard_threshold(self) -> float:
        """Shingle Jaccard that corresponds to ``threshold`` (see the module docstring)."""
        kept = self.threshold**self.shingle_size
        return kept / (2.0 - kept)


# -- text features -------------------------------------------------------------------------


def normalise(text: str) -> list[str]:
    """Lower-cased words of ``text`` (NFKC, punctuation and case dropped)."""
    if not text.isascii():  # ASCII is its own NFKC form
        text = unicodedata.normalize("NFKC", text).replace("’", "'")
    return _WORD.findall(text.lower().replace("_", " "))


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser (an avalanching bijection), element-wise."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


# per code point of the Basic Multilingual Plane: what ``\\w`` means but "_", and what joins two
# runs of those into one word ("3.5", "1,000", "don't"); built once, as constants
_WORD_CODE = np.fromiter((chr(c).isalnum() for c in range(0x10000)), dtype=bool, count=0x10000)
_JOIN_CODE = np.zeros(0x10000, dtype=bool)
_JOIN_CODE[[ord("."), ord(","), ord("'")]] = True


@dataclass
class _Words:
    """The words of a text, as :func:`normalise` finds them, each as a 64-bit hash, with the
    line (paragraph) each starts on."""

    hashes: np.ndarray  # uint64
    lines: np.ndarray

    def __len__(self) -> int:
        return len(self.hashes)


class _SpanHasher:
    """Hashes of spans of a sequence of integers (a text's code points, a text's word hashes),
    all at once: the polynomial sum of the span's values times powers of ``_P`` (mod 2^64) from
    prefix sums, shifted to the span's start by the inverse powers, mixed with the span's length
    by ``_fmix64``. Holds the power tables, grown to the longest sequence seen."""

    def __init__(self) -> None:
        self._pow = np.ones(1, dtype=np.uint64)
        self._inv = np.ones(1, dtype=np.uint64)

    def _grow(self, n: int) -> None:
        size = 1 << max(12, n.bit_length())
        self._pow = np.cumprod(np.full(size, _P, dtype=np.uint64), dtype=np.uint64)
        self._pow = np.concatenate(([np.uint64(1)], self._pow[:-1]))
        self._inv = np.cumprod(np.full(size, _P_INV, dtype=np.uint64), dtype=np.uint64)
        self._inv = np.concatenate(([np.uint64(1)], self._inv[:-1]))

    def __call__(self, values: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """64-bit hashes of ``values[starts[i]:ends[i]]``."""
        n = len(values)
        if n >= len(self._pow):
            self._grow(n + 1)
        prefix = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum(values * self._pow[:n], out=prefix[1:])
        spans = (prefix[ends] - prefix[starts]) * self._inv[starts]
        return _fmix64(spans ^ (ends - starts).astype(np.uint64))

    def words(self, text: str) -> _Words:
        """:func:`normalise` without a Python string per word: letters and digits are marked over
        the lower-cased code points at once, a ``.``, ``,`` or ``'`` between two of them joins
        them, and each run is a word, hashed from its code points."""
        if not text.isascii():
            text = unicodedata.normalize("NFKC", text).replace("’", "'")
        code = np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32)
        if len(code) and int(code.max()) >= 0x10000:  # beyond the table: each distinct code point asked
            word, join = np.zeros(len(code), dtype=bool), np.zeros(len(code), dtype=bool)
            small = code < 0x10000
            word[small], join[small] = _WORD_CODE[code[small]], _JOIN_CODE[code[small]]
            distinct, at = np.unique(code[~small], return_inverse=True)
            word[~small] = np.fromiter((chr(c).isalnum() for c in distinct.tolist()), dtype=bool,
                                       count=len(distinct))[at]
        else:
            word, join = _WORD_CODE[code], _JOIN_CODE[code]
        inside = np.zeros(len(code), dtype=bool)
        inside[1:-1] = join[1:-1] & word[:-2] & word[2:]
        edges = np.diff(np.concatenate(([False], word | inside, [False])).astype(np.int8))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        return _Words(self(code, starts, ends), np.searchsorted(np.flatnonzero(code == 10), starts))

    def shingles(self, words: _Words, k: int) -> np.ndarray:
        """32-bit hashes of the ``k``-word shingles (the whole text when shorter)."""
        last = max(1, len(words) - k + 1)
        starts = np.arange(last)
        return (self(words.hashes, starts, np.minimum(starts + k, len(words))) >> np.uint64(32)).astype(np.uint32)

    def lines(self, words: _Words, min_words: int) -> list[int]:
        """64-bit hashes of each line's words, for lines of at least ``min_words`` words, in text order."""
        if not len(words):
            return []
        counts = np.bincount(words.lines)
        lines = np.flatnonzero(counts >= min_words)
        first = np.searchsorted(words.lines, lines)
        return self(words.hashes, first, first + counts[lines]).tolist()

    def tokens(self, tokens: Sequence[str]) -> np.ndarray:
        """32-bit hashes of each of ``tokens`` (no token holds a newline)."""
        code = np.frombuffer("\n".join(tokens).encode("utf-32-le"), dtype=np.uint32)
        breaks = np.flatnonzero(code == 10)
        hashes = self(code, np.concatenate(([0], breaks + 1)), np.concatenate((breaks, [len(code)])))
        return (hashes >> np.uint64(32)).astype(np.uint32)


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.sha256(data).digest()[:8], "big")


def _fact_tokens(text: str) -> list[str]:
    """Numbers, name phrases and quoted word pairs, in order of appearance (first occurrence)."""
    found: list[tuple[int, str]] = []
    for m in _NUMBER.finditer(text):
        digits = m.group().replace(",", "")
        if digits not in ("0", "1"):
            found.append((m.start(), "n:" + digits))
    for m in _CAP_PHRASE.finditer(text):
        words = m.group().split()
        if len(words) == 1:
            if words[0].lower() in _NOT_NAMES or _SENT_START.search(text[max(0, m.start() - 3): m.start()]):
                continue
        elif words[0].lower() in _NOT_NAMES:
            words = words[1:]
        found.append((m.start(), "e:" + " ".join(words).lower()))
    for m in _QUOTE.finditer(text):
        words = normalise(m.group(1))
        for i in range(0, max(1, len(words) - 2), 3):
            found.append((m.start(1) + i, "q:" + " ".join(words[i: i + 3])))
    found.sort()
    return list(dict.fromkeys(token for _, token in found))


def credits(article: Article) -> list[str]:
    """Outlets the article credits as its source, normalised (``bbc``, ``reuters``...)."""
    names: list[str] = []
    if article.original_source:
        names.append(article.original_source)
    head = article.text[:4000]
    for pattern in _CREDIT_PATTERNS:
        names.extend(m.group("who") for m in pattern.finditer(head))
    return list(dict.fromkeys(n for n in (outlet_key(x) for x in names) if n))


def outlet_key(name: str | None) -> str:
    """``www.bbc.co.uk`` / ``BBC News`` / ``the BBC`` -> ``bbc``."""
    if not name:
        return ""
    name = name.lower().strip()
    name = re.sub(r"^https?://", "", name).split("/")[0]
    name = re.sub(r"^(?:www\d?|m|edition|amp|the)\.|^the\s+", "", name)
    parts = [p for p in re.split(r"[.\s]+", name) if p]
    generic = {"com", "co", "uk", "org", "net", "news", "online", "www", "us", "au", "in", "tv", "inc"}
    kept = [p for p in parts if p not in generic]
    return kept[0] if kept else (parts[0] if parts else "")


def order_key(article: Article) -> tuple[int, str, str]:
    """Earliest published first; undated last; ties by id."""
    value = article.published.value
    return (0, value, article.id) if value else (1, "", article.id)


# -- the index ------------------------------------------------------------------------------


@dataclass
class _Entry:
    published: str | None
    outlet: str
    exact: int
    words: np.ndarray  # MinHash hash values (uint32) of word shingles: finds candidates
    bottom: np.ndarray  # the bottom_k least shingle hashes, sorted (uint32): judges them (empty for a copy)
    length: int  # words in the body
    root: str | None = None  # duplicate_of, once known
    # what the article says, compared only when it is no copy (empty for a copy)
    facts: np.ndarray = field(default_factory=lambda: _NONE)  # MinHash of the fact set
    fact_seq: tuple[int, ...] = ()  # 32-bit fact hashes in text order
    paragraphs: tuple[int, ...] = ()
    text: _Words | None = None  # the body's words, while the article is being judged
    described: bool = False  # facts and paragraphs computed (a sketch made in a worker carries them)


def _encode(e: _Entry) -> dict[str, Any]:
    """An entry as the JSON of a signature row (a sketch adds its parameters)."""
    return {
        "published": e.published, "outlet": e.outlet, "exact": f"{e.exact:016x}",
        "words": base64.b64encode(e.words.astype(np.uint32).tobytes()).decode("ascii"),
        "bottom": base64.b64encode(e.bottom.astype(np.uint32).tobytes()).decode("ascii"),
        "facts": base64.b64encode(e.facts.astype(np.uint32).tobytes()).decode("ascii"),
        "fact_seq": list(e.fact_seq), "paragraphs": [f"{p:016x}" for p in e.paragraphs],
        "root": e.root, "length": e.length,
    }


def _decode(raw: dict[str, Any]) -> _Entry:
    return _Entry(
        published=raw["published"], outlet=raw["outlet"], exact=int(raw["exact"], 16),
        words=np.frombuffer(base64.b64decode(raw["words"]), dtype=np.uint32).copy(),
        bottom=np.frombuffer(base64.b64decode(raw["bottom"]), dtype=np.uint32).copy(),
        facts=np.frombuffer(base64.b64decode(raw["facts"]), dtype=np.uint32).copy(),
        fact_seq=tuple(raw["fact_seq"]), paragraphs=tuple(int(p, 16) for p in raw["paragraphs"]),
        root=raw["root"], length=int(raw["length"]),
    )


class DedupIndex:
    """Signatures of every article seen, with LSH and inverted indexes over them."""

    def __init__(self, options: DedupOptions = DedupOptions()) -> None:
        self.options = options
        self._perms = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=_SCHEME).permutations
        self._hasher = _SpanHasher()
        self._words = MinHashLSH(threshold=options.jaccard_threshold, num_perm=options.num_perm,
                                 weights=_LSH_WEIGHTS)
        self._facts = MinHashLSH(threshold=options.credited_threshold, num_perm=options.num_perm)
        self._exact: dict[int, str] = {}
        self._paragraphs: dict[int, str | list[str]] = {}
        self._entries: dict[str, _Entry] = {}
        self._resigned: list[str] = []
        self._shared: Mapping[str, Sequence[bytes]] = {}  # from a band join made elsewhere (see use_band_join)
        self._bands: dict[bytes, list[str]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, dict, bytes]], options: DedupOptions = DedupOptions(),
                  resign: Callable[[str], Article | None] | None = None) -> DedupIndex:
        """Rebuild an index from stored ``(article_id, params, data)`` rows. A row made with
        other parameters (an older format, another ``num_perm``...) is signed again from its
        article, ``resign(article_id)``, keeping the stored ``duplicate_of``; without ``resign``
        (or its article) it is refused. :meth:`take_resigned` names the rows to store again."""
        index = cls(options)
        expected = options.params
        for article_id, params, data in rows:
            raw = json.loads(data.decode("utf-8"))
            if dict(params) != expected:
                article = resign(article_id) if resign is not None else None
                if article is None:
                    raise ConfigError(f"signature of {article_id} was made with {params}, index uses {expected}"
                                      + ("; give from_rows resign= (an article by id, e.g. Store.article) to sign "
                                         "it again" if resign is None else "; its article is missing"))
                entry = index._entry(article)
                entry.root = raw["root"]
                if entry.root is None:
                    index._describe(article, entry)
                index._resigned.append(article_id)
            else:
                entry = _decode(raw)
            index._add(article_id, entry)
        return index

    def rows(self, article_ids: Iterable[str]) -> list[tuple[str, dict, bytes]]:
        """``(article_id, params, data)`` for :meth:`Store.put_signature`."""
        return [(article_id, dict(self.options.params), json.dumps(_encode(self._entries[article_id]),
                                                                    sort_keys=True).encode())
                for article_id in article_ids]

    def use_band_join(self, shared: Mapping[str, Sequence[bytes]]) -> None:
        """Take the candidates of the articles named in ``shared`` from a band join made elsewhere (the
        shuffle of a distributed run): ``shared[article_id]`` are the :func:`band_keys` the article shares
        with another article of the join. Those articles are filed under those keys only, not in the LSH
        tables, which keep the articles stored before; a query reads both. The links are those of the
        plain index: the join finds every pair the tables would."""
        self._shared = shared

    def root(self, article_id: str) -> str | None:
        """The article this one is a duplicate of, if any."""
        entry = self._entries.get(article_id)
        return entry.root if entry else None

    def take_resigned(self) -> list[str]:
        """Articles whose stored rows :meth:`from_rows` signed again since the last call."""
        out, self._resigned = self._resigned, []
        return out

    # -- internals --------------------------------------------------------------------------

    def _minhash(self, hashes: np.ndarray) -> np.ndarray:
        """datasketch's affine32 MinHash (``a * h + b`` mod 2^32, the least per permutation) of
        32-bit hashes, every permutation over every hash at once (in chunks)."""
        a, b = self._perms
        out = np.full(len(a), np.iinfo(np.uint32).max, dtype=np.uint32)
        for i in range(0, len(hashes), _CHUNK):
            np.minimum(out, (np.multiply.outer(a, hashes[i: i + _CHUNK]) + b[:, None]).min(axis=1), out=out)
        return out

    def _lean(self, values: np.ndarray) -> LeanMinHash:
        return LeanMinHash(seed=self.options.seed, hashvalues=values, scheme=_SCHEME)

    def _query(self, lsh: MinHashLSH, values: np.ndarray, article_id: str, table: bytes) -> set[str]:
        """What ``lsh.query`` returns for a MinHash of ``values``, its band keys cut from one
        byte string (the keys ``MinHashLSH`` makes: each band's values, big-endian); with a band
        join, also the articles filed under ``article_id``'s shared keys of ``table``."""
        data = values.astype(np.uint32).byteswap().tobytes()
        found: set[str] = set()
        for (start, end), hashed in zip(lsh.hashranges, lsh.hashtables, strict=True):
            found.update(hashed.get(data[4 * start: 4 * end]))
        for key in self._shared.get(article_id, ()):
            if key[:1] == table:
                found.update(self._bands.get(key, ()))
        return found

    def _entry(self, article: Article) -> _Entry:
        """What tells a copy: exact hash and word-shingle MinHash (see :meth:`_describe` for the rest)."""
        title = article.title or ""
        words = self._hasher.words(title + "\n" + "\n".join(article.paragraphs))  # the title is the first line
        heads = title.count("\n") + 1
        n = int(np.searchsorted(words.lines, heads))
        body = _Words(words.hashes[n:], words.lines[n:] - heads)
        exact = _h64((body if len(body) >= self.options.min_words else words).hashes.tobytes())
        shingles = self._hasher.shingles(words, self.options.shingle_size)
        return _Entry(published=article.published.value, outlet=outlet_key(article.outlet or article.url),
                      exact=exact, words=self._minhash(shingles), bottom=_bottom(shingles, self.options.bottom_k),
                      length=len(body), text=body)

    def _describe(self, article: Article, entry: _Entry) -> None:
        """Facts and paragraphs of an article that is no copy."""
        facts = _fact_tokens(article.text)[: self.options.max_facts]
        if facts:
            hashes = self._hasher.tokens(facts)
            entry.facts, entry.fact_seq = self._minhash(hashes), tuple(hashes.tolist())
        body = entry.text if entry.text is not None else self._hasher.words("\n".join(article.paragraphs))
        entry.paragraphs = tuple(dict.fromkeys(self._hasher.lines(body, self.options.min_paragraph_words)))
        entry.described = True

    def _sketched(self, article: Article, data: bytes | None) -> _Entry:
        """The entry of ``article``: from its :func:`sketch` when one made with this index's parameters is
        given (made in a worker: no hashing here), else computed now."""
        if data is not None:
            raw = json.loads(data.decode("utf-8"))
            if raw.get("params") == self.options.params:
                entry = _decode(raw)
                entry.root, entry.described = None, bool(raw.get("described"))
                return entry
        return self._entry(article)

    def _add(self, article_id: str, entry: _Entry) -> None:
        entry.text = None
        self._entries[article_id] = entry
        self._exact.setdefault(entry.exact, article_id)
        if entry.root is not None:  # a copy is found through its original: LSH buckets stay as small as
            entry.bottom = _NONE  # the distinct texts, and its sketch is never compared; what it says is
            entry.facts, entry.fact_seq, entry.paragraphs = _NONE, (), ()  # its original's (a worker's sketch
            return  # carries both)
        if article_id in self._shared:  # filed under the keys it shares with another article of the join
            for key in self._shared[article_id]:
                self._bands.setdefault(key, []).append(article_id)
            self._file_paragraphs(article_id, entry)
            return
        self._words.insert(article_id, self._lean(entry.words), check_duplication=False)
        if len(entry.fact_seq) >= self.options.min_facts:
            self._facts.insert(article_id, self._lean(entry.facts), check_duplication=False)
        self._file_paragraphs(article_id, entry)

    def _file_paragraphs(self, article_id: str, entry: _Entry) -> None:
        for p in entry.paragraphs:
            seen = self._paragraphs.get(p)
            if seen is None:
                self._paragraphs[p] = article_id
            elif isinstance(seen, list):
                seen.append(article_id)
            else:
                self._paragraphs[p] = [seen, article_id]

    def _key(self, article_id: str) -> tuple[int, str, str]:
        published = self._entries[article_id].published
        return (0, published, article_id) if published else (1, "", article_id)

    def _root_of(self, article_id: str) -> str:
        seen = {article_id}
        while (parent := self._entries[article_id].root) is not None and parent not in seen:
            seen.add(parent)
            article_id = parent
        return article_id


def _order_agreement(a: Sequence[int], b: Sequence[int]) -> tuple[int, float]:
    """How many facts two sequences share, and the share of shared pairs in the same order."""
    pos_b = {h: i for i, h in enumerate(b)}
    shared = [pos_b[h] for h in a if h in pos_b]
    n = len(shared)
    if n < 2:
        return n, 0.0
    # Longest increasing subsequence of b-positions, in a's order: facts told in the same order.
    tails: list[int] = []
    for x in shared:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(x)
        else:
            tails[lo] = x
    return n, len(tails) / n


def _bottom(hashes: np.ndarray, k: int) -> np.ndarray:
    """The ``k`` least distinct values of ``hashes``, sorted."""
    if len(hashes) > 4 * k:  # the 4k+1 least values mostly hold k distinct ones: no full sort
        least = np.partition(hashes, 4 * k)[: 4 * k + 1]
        least.sort()
        distinct = least[np.concatenate(([True], least[1:] != least[:-1]))]
        if len(distinct) >= k:
            return distinct[:k]
    ordered = np.sort(hashes)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))][:k]


def _bottom_jaccard(a: np.ndarray, b: np.ndarray, k: int) -> float:
    """Jaccard of two sets from their bottom-k sketches (sorted least hashes): the share of the k
    least hashes of the union that both hold; exact when both sets have at most k members."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    at = np.searchsorted(b, a)
    in_b = b[np.minimum(at, len(b) - 1)] == a
    n_both = int(np.count_nonzero(in_b))
    size = min(k, len(a) + len(b) - n_both)
    if size == len(a) + len(b) - n_both:
        return n_both / size  # the whole union is known
    merged = np.concatenate((a, b))
    merged.sort()
    last = merged[np.concatenate(([True], merged[1:] != merged[:-1]))][size - 1]
    return int(np.count_nonzero(in_b & (a <= last))) / size


@lru_cache(maxsize=4)
def _signer(options: DedupOptions) -> DedupIndex:
    """An empty index: its permutations and hasher, built once per options."""
    return DedupIndex(options)


def sketch(article: Article, options: DedupOptions = DedupOptions(), *, describe: bool = True) -> bytes:
    """What :func:`dedup` computes from ``article`` alone (exact hash, MinHash, bottom-k sketch and, with
    ``describe``, the facts and paragraphs) with the parameters it was made with: the hashing part of
    deduplication, made where the article is made (a worker), so the ordered judgement against the index
    compares. ``dedup(..., sketches={id: sketch(article)})`` gives exactly the links of ``dedup(...)``.
    Without ``describe`` the judgement describes the articles that are no copy itself (less work in all
    when most articles are copies: a local run); a band join needs the facts (:func:`band_keys`)."""
    signer = _signer(options)
    entry = signer._entry(article)
    if describe:
        signer._describe(article, entry)
    data = _encode(entry)
    data["params"], data["described"] = options.params, describe
    return json.dumps(data, sort_keys=True).encode()


_WORD_TABLE, _FACT_TABLE = b"w", b"f"


def band_keys(data: bytes, options: DedupOptions = DedupOptions()) -> list[bytes]:
    """The LSH band keys of a :func:`sketch`: the table (``w`` word shingles, ``f`` facts), the band's
    number and its values, as the index files an article. Two articles that share a key are candidates;
    a distributed run finds them by grouping every article's keys (a band join, as a shuffle) and hands
    the result to :meth:`DedupIndex.use_band_join`."""
    raw = json.loads(data.decode("utf-8"))
    if not raw.get("described"):
        raise ValueError("band_keys needs a sketch made with describe=True (its facts are keys too)")
    signer = _signer(options)
    keys: list[bytes] = []
    tables = [(_WORD_TABLE, signer._words, raw["words"])]
    if len(raw["fact_seq"]) >= options.min_facts:
        tables.append((_FACT_TABLE, signer._facts, raw["facts"]))
    for table, lsh, values in tables:
        swapped = np.frombuffer(base64.b64decode(values), dtype=np.uint32).byteswap().tobytes()
        for band, (start, end) in enumerate(lsh.hashranges):
            keys.append(table + band.to_bytes(2, "big") + swapped[4 * start: 4 * end])
    return keys


def dedup(articles: Sequence[Article], index: DedupIndex, sketches: Mapping[str, bytes] | None = None) -> list[Link]:
    """Add ``articles`` to ``index`` (each checked against everything seen before) and return
    their copy links: ``duplicate``, ``rewrite`` and ``shares-paragraphs``. A link points to
    the earliest published of the two articles (ties by id). ``sketches``: :func:`sketch` of some of
    them by id, made elsewhere (one made with other parameters is ignored)."""
    links: list[Link] = []
    for article in sorted(articles, key=order_key):
        if article.id in index:
            continue
        entry = index._sketched(article, sketches.get(article.id) if sketches else None)
        found = _find(article, entry, index)
        dup = next((lk for lk in found.values() if lk.kind == "duplicate" and lk.article_id == article.id), None)
        entry.root = dup.of_article_id if dup else None
        index._add(article.id, entry)
        for link in found.values():
            if link.kind == "duplicate" and link.of_article_id == article.id:
                index._entries[link.article_id].root = article.id
        links.extend(found.values())
    return links


def _find(article: Article, entry: _Entry, index: DedupIndex) -> dict[str, Link]:
    """Links between ``article`` and what ``index`` holds, by the other article's id."""
    opts = index.options
    found: dict[str, Link] = {}

    def add(other: str, kind: str, score: float, evidence: str) -> None:
        if other == article.id or other in found:
            return
        first, second = (other, article.id) if index._key(other) <= order_key(article) else (article.id, other)
        found[other] = Link(article_id=second, of_article_id=first, kind=kind, score=round(score, 4),
                            evidence=evidence)

    def is_copy() -> bool:
        return any(lk.kind == "duplicate" and lk.article_id == article.id for lk in found.values())

    # exact and near duplicates: a copy is duplicate_of one article, the earliest it matches
    # (two roots it matches both were judged apart when the later of them came)
    exact = index._exact.get(entry.exact)
    if exact is not None:
        add(index._root_of(exact), "duplicate", 1.0, "same normalised text")
    near = index._query(index._words, entry.words, article.id, _WORD_TABLE) if entry.length >= opts.min_words else set()
    own = order_key(article)
    for other in sorted(near, key=index._key):
        root = index._root_of(other)
        if index._entries[other].length < opts.min_words or root in found:
            continue
        if index._key(root) < own and is_copy():
            continue
        j = _bottom_jaccard(entry.bottom, index._entries[other].bottom, opts.bottom_k)
        kept = 2 * j / (1 + j)
        similarity = kept ** (1.0 / opts.shingle_size) if kept > 0 else 0.0
        if similarity >= opts.threshold:
            add(root, "duplicate", similarity,
                f"near-duplicate text: word similarity {similarity:.2f} (shingle Jaccard {j:.2f})")
    # a copy relates to other articles through its original: no rewrite or shared-paragraph links
    if is_copy():
        return found
    if not entry.described:
        index._describe(article, entry)
    # rewrites
    if len(entry.fact_seq) >= opts.min_facts:
        credited: set[str] | None = None  # the outlets the text credits, read when a candidate needs them
        quotes: frozenset[int] | None = None  # its quoted words' fact hashes, read when a candidate needs them
        own = frozenset(entry.fact_seq)
        for other in sorted(index._query(index._facts, entry.facts, article.id, _FACT_TABLE), key=index._key):
            if index._root_of(other) in found or other in found:
                continue
            o = index._entries[other]
            common = len(own.intersection(o.fact_seq))  # every fact is kept: the Jaccard is exact
            j = common / (len(own) + len(o.fact_seq) - common)
            if common < opts.min_facts or j < opts.credited_threshold:
                continue
            if quotes is None:
                tokens = [t for t in _fact_tokens(article.text)[: opts.max_facts] if t.startswith("q:")]
                quotes = frozenset(index._hasher.tokens(tokens).tolist()) if tokens else frozenset()
            if quotes and quotes.isdisjoint(o.fact_seq):
                continue  # it quotes what the other never did: its own reporting, not a rewrite of it
            shared, order = _order_agreement(entry.fact_seq, o.fact_seq)
            if credited is None and o.outlet:
                credited = set(credits(article))
            by_credit = bool(o.outlet) and o.outlet in (credited or ())
            if (j >= opts.rewrite_threshold and order >= opts.min_order) or (
                    by_credit and j >= opts.credited_threshold):
                why = f"{shared} shared facts (numbers, names, quotes), Jaccard {j:.2f}, order {order:.2f}"
                if by_credit:
                    why += f"; credits {o.outlet}"
                add(other, "rewrite", j, why)
    # shared paragraphs
    counts: dict[str, int] = {}
    for p in entry.paragraphs:
        seen = index._paragraphs.get(p)
        if isinstance(seen, list) and len(seen) >= opts.common_paragraph:
            continue  # boilerplate: a paragraph many articles carry
        for other in [seen] if isinstance(seen, str) else (seen or []):
            counts[other] = counts.get(other, 0) + 1
    for other in sorted(counts, key=index._key):
        if other not in found and index._root_of(other) not in found:
            n = counts[other]
            add(other, "shares-paragraphs", n / max(1, len(entry.paragraphs)),
                f"{n} shared paragraph{'s' if n != 1 else ''}")
    return found


__all__ = ["DedupIndex", "DedupOptions", "band_keys", "credits", "dedup", "normalise", "order_key", "outlet_key",
           "sketch"]
