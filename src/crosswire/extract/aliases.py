"""One name per thing: :func:`merge_aliases` maps the names of a story's people and organisations that
mean one thing to one canonical name (spellings, acronyms, leading words, surnames).

The keys of a name (:func:`name_key`, its initials, its surname) are pure functions of it, memoised."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ..records import Entity
from . import gazetteer
from .chunks import CONNECTORS, PARTICLE

__all__ = ["is_known_organisation", "merge_aliases", "merge_names", "name_key"]


_SPACING = re.compile(r"[\s\-]+")


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def name_key(name: str) -> str:
    """Comparison key of a name: case, hyphens and spaces unified ("Al Qaeda" == "Al-Qaeda")."""
    return _SPACING.sub(" ", name.replace("’", "'")).casefold().strip()


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def _initials(name: str) -> str:
    letters = []
    for tok in name.split():
        if tok.lower() in CONNECTORS or tok.lower() == "the":
            continue
        tok = PARTICLE.sub(lambda m: m.group()[-1], tok)
        if tok[0].isupper():
            letters.append(tok[0])
    return "".join(letters)


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def _surname(name: str) -> str:
    last = name.split()[-1]
    return name_key(PARTICLE.sub(lambda m: m.group()[-1], last))


# Names of one organisation that no spelling, acronym or leading-word rule relates (news writes all of them).
_KNOWN = {alias: group[0] for group in (
    ("Islamic State", "ISIS", "ISIL", "Daesh", "Da'esh", "Islamic State group", "Islamic State of Iraq and Syria",
     "Islamic State of Iraq and the Levant", "Islamic State in Iraq and Syria", "Islamic State in Iraq and the Levant"),
    ("al-Qaeda", "al-Qaida", "al-Qa'ida", "Al Qaida"),
    ("Boko Haram", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"),
    ("Hezbollah", "Hizbollah", "Hizballah", "Hizbullah"),
    ("Taliban", "Afghan Taliban"),
    ("Hamas",),
    ("al-Shabaab", "al-Shabab", "Shabaab"),
    ("Houthis", "Houthi rebels", "Ansar Allah", "Ansarullah"),
    ("NATO", "North Atlantic Treaty Organization"),
    # news agencies, whose names are also towns' ("shared by Xinhua" is no earthquake's place)
    ("Xinhua", "Xinhua News Agency"), ("Reuters",), ("Interfax",), ("TASS",), ("Yonhap", "Yonhap News Agency"),
    ("Kyodo", "Kyodo News"), ("Anadolu Agency", "Anadolu"), ("Bernama",), ("Antara",), ("IRNA",),
    ("Agence France-Presse", "AFP"),
) for alias in group}

_KNOWN_KEYS = {name_key(alias): name_key(main) for alias, main in _KNOWN.items()}


def is_known_organisation(name: str) -> bool:
    """Whether ``name`` is one of the organisations of ``_KNOWN`` (any of its names, any case)."""
    return name_key(name) in _KNOWN_KEYS


def _known_key(name: str) -> str:
    """The comparison key, with a known other name of an organisation (``_KNOWN``) keyed as its main name."""
    key = name_key(name)
    return _KNOWN_KEYS.get(key, key)


def merge_aliases(entities: Iterable[Entity]) -> dict[str, str]:
    """Alias canonical -> chosen canonical for names that mean one thing (within a story).

    Merged: spellings that differ only in case, hyphens or spaces ("Al Qaeda", "Al-Qaeda"), and the
    other names of a few organisations news calls many ways (``_KNOWN``: "ISIS", "ISIL", "Daesh"); an
    acronym and the name it abbreviates ("HTS", "Hayat Tahrir al-Sham"); an organisation's
    leading words ("Hayat Tahrir"); a person's surname alone ("Assad" -> "Bashar al-Assad",
    unless two people share it). The chosen name is the longest, then the most frequent. Places are
    not merged (the gazetteer names them), and a name that is also a place's is never an alias.
    """
    return merge_names((e.kind, e.canonical) for e in entities)


def merge_names(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """:func:`merge_aliases` of entities given as their ``(kind, canonical)``."""
    counts: Counter[tuple[str, str]] = Counter(pairs)
    places = {n for k, n in counts if k == "place"}
    mapping: dict[str, str] = {}
    for kind in sorted({k for k, _ in counts} - {"place"}):
        names = {n: c for (k, n), c in counts.items() if k == kind}
        groups: dict[str, list[str]] = {}
        for n in sorted(names):
            groups.setdefault(_known_key(n) if kind == "organization" else name_key(n), []).append(n)
        rep: dict[str, str] = {}
        for group in groups.values():
            best = group[0] if len(group) == 1 else max(group, key=lambda n: (names[n], n.count("-"), n))
            for n in group:
                rep[n] = best
        reps = sorted(set(rep.values()))
        total: Counter[str] = Counter()
        for n, count in names.items():
            total[rep[n]] += count
        target: dict[str, str] = {}
        tokens = {r: name_key(r).split() for r in reps}
        surnames = {r: _surname(r) for r in reps} if kind == "person" else {}
        initials = {r: _initials(r) for r in reps} if kind != "person" else {}
        # the longer names each short one may stand for, found through indexes (a story can hold thousands of
        # names: comparing every pair would grow with their square)
        by_surname: dict[str, list[str]] = {}
        by_initials: dict[str, list[str]] = {}
        by_first: dict[str, list[str]] = {}
        for other in reps:
            if len(tokens[other]) < 2:
                continue
            if kind == "person":
                by_surname.setdefault(surnames[other], []).append(other)
            else:
                by_initials.setdefault(initials[other], []).append(other)
                by_first.setdefault(tokens[other][0], []).append(other)
        for name in reps:
            toks = tokens[name]
            found: list[str] = []
            if kind == "person" and len(toks) != 1:
                continue
            if kind != "person" and len(toks) == 1 and not name.isupper():
                continue
            if kind == "person":
                found = list(by_surname.get(toks[0], ()))
            elif len(toks) == 1:
                found = list(by_initials.get(name, ()))
            else:
                found = [o for o in by_first.get(toks[0], ()) if len(tokens[o]) > len(toks)
                         and tokens[o][: len(toks)] == toks]
            if not found:
                continue
            if kind == "person" and len({name_key(f) for f in found}) > 1:
                continue  # two people share the surname: leave it alone
            target[name] = max(found, key=lambda f: (len(f.split()), total[f], f))
        for n, r in rep.items():
            if n in places:
                continue  # a name that is also a place (Obama, Japan) is left alone
            final = r
            seen = {final}
            while final in target and target[final] not in seen:
                final = target[final]
                seen.add(final)
            if final != n:
                mapping[n] = final
    return mapping
