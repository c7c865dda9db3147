"""What an article brings to clustering: weighted terms (words, title words, names, lede
people, numbers, entity names and event dates from ``Extraction``) and its day.

Names are capitalised runs inside a sentence; capitals at a sentence start or in a title-case
headline prove nothing, so there only names the article also writes inside a sentence, or words
it never writes in lower case, count. People are recognised as news writes them: the full name
once, the surname alone after.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from ..extract.time import date_mentions
from ..records import Article, Extraction
from .options import ClusterOptions


def _english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop-word list (the Glasgow IR group's), all crosswire takes from scikit-learn.
    It is read from the module's source: importing scikit-learn costs most of a second of every run's start."""
    import ast
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("sklearn")  # a top-level package: found, not imported
    for folder in (spec.submodule_search_locations or []) if spec else []:
        source = Path(folder) / "feature_extraction" / "_stop_words.py"
        try:
            tree = ast.parse(source.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            continue
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "ENGLISH_STOP_WORDS"
                                                    for t in node.targets) and isinstance(node.value, ast.Call) \
                    and node.value.args:
                try:
                    return frozenset(ast.literal_eval(node.value.args[0]))
                except ValueError:
                    break
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # the list moved: import it after all

    return frozenset(ENGLISH_STOP_WORDS)


ENGLISH_STOP_WORDS = _english_stop_words()

_WORD = re.compile(r"[a-z][a-z'\-]+")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_CAP_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z]\.(?=\s+[A-Z][a-z])|[A-Z][\w'’\-]*)"
_CAP_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:of|the|al|de|bin|van|von|la|du|del|da)\s+)?{_CAP_WORD})*")
_POSSESSIVE = re.compile(r"['’]s?$")
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z][\w'’\-]*")
_SENT_START = re.compile(r"(?:^|[.!?:;]\s+|\n|[\"“(‘']\s*)$")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_AFTER_THE = re.compile(r"\bthe\s+([\w'’\-]+)", re.IGNORECASE)
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


def _stem(word: str) -> str:
    if word[-1] not in "s'-" and word[0] not in "'-":
        return word
    word = word.strip("'-")
    if not word:
        return word
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    return [s for w in _WORD.findall(text.lower().replace("’", "'")) if w not in _STOP
            and len(s := _stem(w)) > 2 and s not in _STOP]


def _content_counts(text: str) -> Counter[str]:
    """:func:`content_words` counted (each distinct word stemmed once)."""
    out: Counter[str] = Counter()
    for w, n in Counter(_WORD.findall(text.lower().replace("’", "'"))).items():
        if w in _STOP:
            continue
        s = w if w[-1] not in "s'-" else _stem(w)  # a word starts with a letter: only its end can change
        if len(s) > 2 and s not in _STOP:
            out[s] += n
    return out


_LEADING = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr"})


def _name_runs(text: str, title_case: bool) -> Iterator[tuple[list[str], bool]]:
    """Capitalised runs of ``text`` as lower-cased words (acronyms such as "U.S." or "UN" upper
    case, so they never pass for common words), each with whether its first capital proves
    nothing (sentence start, or a headline written in title case: then none does)."""
    seen: dict[str, list[str]] = {}
    for m in _CAP_RUN.finditer(text):
        run = m.group()
        words = seen.get(run)
        if words is None:
            words = []
            for w in run.split():
                if w.endswith(("'s", "’s")):
                    w = w[:-2]
                elif w.endswith(("'", "’")):
                    w = w[:-1]
                bare = w.replace("’", "'").replace(".", "")
                if bare:
                    words.append(bare if len(bare) > 1 and bare.isupper() else bare.lower())
            seen[run] = words
        start = m.start()
        yield list(words), title_case or bool(_SENT_START.search(text, max(0, start - 3), start))


def _is_title_case(title: str) -> bool:
    words = [w for w in title.split() if w[:1].isalpha() and w.lower() not in _COMMON]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _names(title: str, body: str) -> tuple[list[str], list[list[str]], set[str]]:
    """Name phrases of an article (people, places, organisations, as written capitalised), with
    every capitalised run (as words) and the words the article writes in lower case.

    A capitalised run inside a sentence is a name (minus a leading "the", "Mr"...), and so is a
    run of several capitalised words at a sentence start, minus a common first word ("In
    Springfield"). A lone capitalised word at a sentence start, and any run of a headline written
    in title case, prove nothing: they contribute the names the article writes elsewhere
    inside a sentence (longest first) and words it never writes in lower case ("Zentrix was
    hacked")."""
    lower = set(_LOWER_WORD.findall(title + "\n" + body))
    sure: list[list[str]] = []
    unsure: list[list[str]] = []
    runs: list[list[str]] = []
    title_case = _is_title_case(title)
    for text, headline in ((title, True), (body, False)):
        for words, initial in _name_runs(text, title_case and headline):
            runs.append(words)
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
    return out, runs, lower


def _lead_people(title: str, body: str, names: Sequence[str], runs: Sequence[Sequence[str]], lower: set[str],
                 lead_words: int) -> list[str]:
    """People the report leads with: surnames (stemmed as words are) of the people its headline
    and first ``lead_words`` words of prose name. A person is recognised by how news writes
    people: the full name once ("Dana Whitfield"), the surname alone after ("Whitfield"), a
    surname the article never writes in lower case nor after "the" ("the White House"), after a
    given name it writes nowhere else (not "Senate Republicans", "Chicago Bears"); a middle
    initial may stand between them."""
    alone = set(names)
    lead: set[str] | None = None
    pairs: Counter[tuple[str, str]] | None = None
    seen: Counter[str] = Counter()
    after_the: set[str] = set()
    keys = set()
    for name in alone:
        words = [w for w in name.split() if len(w) > 1]  # middle initials aside
        if len(words) < 2:
            continue
        first, last = words[-2], words[-1]
        if last not in alone or len(last) < 3 or last in _COMMON or first in _COMMON or last in lower \
                or first in lower or (key := _stem(last)) in keys:
            continue
        if lead is None:
            lead = set(content_words(title + "\n" + " ".join(body.split()[:lead_words])))
        if key not in lead:
            continue
        if pairs is None:  # once per article, when it names someone in its lead
            pairs = Counter()
            for run in runs:
                low = [w.lower() for w in run]
                seen.update(low)
                for i, w in enumerate(low[:-1]):
                    pairs[w, low[i + 1]] += 1
                    if len(low[i + 1]) == 1 and i + 2 < len(low):
                        pairs[w, low[i + 2]] += 1
            after_the = {_POSSESSIVE.sub("", w).replace("’", "'").lower()
                         for w in _AFTER_THE.findall(title + "\n" + body)}
        if seen[first] == pairs[first, last] and last not in after_the:
            keys.add(key)
    return sorted(keys)


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
    counts.update(_content_counts(body))
    for w, n in _content_counts(title).items():
        counts[w] += options.title_weight * n
        counts["t:" + w] += n
    names, runs, lower = _names(title, body)
    if options.lead_words:
        for key in _lead_people(title, body, names, runs, lower, options.lead_words):
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
    scale = {"e": options.entity_weight, "d": options.entity_weight, "n": options.number_weight}
    log = math.log
    for term in sorted(counts):
        n = counts[term]
        weight = 1.0 + log(n) if n > 1 else 1.0
        if term[1:2] == ":" and term[0] in scale:
            weight *= scale[term[0]]
        out[term] = weight
    return out


def headline_names(title: str, terms: Mapping[str, float]) -> tuple[str, ...]:
    padded = " " + re.sub(r"[^\w'\- ]", " ", title.lower().replace("’", "'")) + " "
    return tuple(t for t in terms if t.startswith("e:") and f" {t[2:]} " in padded)


def stated_day(article: Article) -> str | None:
    """The last full date (day, month and year) the text of an undated article states ("released by police on
    February 7, 2014"): a report is written on or after the days it names, so a bus crash told with a 2014
    caption is no follow-up of a 2021 one. None when it states none."""
    days = [m.date[:10] for m in date_mentions(article.text, None) if m.precision in ("day", "datetime")]
    return max(days) if days else None


def day_ordinal(value: str | None) -> int | None:
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


def publication_key(article: Article) -> tuple[int, str, str]:
    value = article.published.value
    return (0, value, article.id) if value else (1, "", article.id)
