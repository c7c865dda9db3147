"""Sentence splitting with character spans, shared by every extract module.

:func:`sentences` returns ``(start, end)`` spans into the text, trimmed of surrounding
whitespace. A sentence ends at ``.``, ``!`` or ``?`` (plus closing quotes/brackets)
followed by whitespace and an upper-case letter, digit or opening quote (or, in a page that lost
the space, a closing quote right before a capitalised word), and always at a paragraph break (a
blank line or a newline). A period does not end a sentence after a known abbreviation ("Lt.",
"Col.", "Dr.", "Brig.", "Gen.", "Mr.", "St.", "Jan."...), after a single-letter initial
("J. Smith", "U.S."), or inside a number ("3.5").
"""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence (lower-case, without the dot).
_ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "lt", "col", "gen", "brig", "maj", "capt",
        "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt",
        "insp", "det", "atty", "messrs", "mme", "mlle", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "no", "nos", "vol", "vols", "fig", "figs", "approx", "est", "inc", "ltd",
        "corp", "co", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "etc", "vs", "al", "cf", "ca",
        # US states as news agencies abbreviate them after a town ("Ferguson, Mo.")
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
        "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "va",
        "wash", "wis", "wyo",
    ]
)

# Candidate sentence ends: terminal punctuation, optional closers, then whitespace; or, where a scraped page lost
# the space, a closing quote right before a capitalised word ("... the figure was 12.”Later, ...").
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|[.!?]+[”’]+(?=[A-Z][a-z])")
_NEXT = re.compile(r"\s+([\"'“‘(\[]?)(\S)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LINE_BREAK = re.compile(r"\n")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    last = word.rsplit(".", 1)[-1] if word.count(".") else word
    if "." in word:  # U.S., a.m., e.g.
        return True
    if len(last) == 1 and last.isupper():  # an initial: "J. Smith"
        return True
    return last.lower() in _ABBREVIATIONS


def _split_block(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    pos = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        if stop < end and not text[stop].isspace():  # a closing quote glued to the next sentence
            _emit(text, pos, stop, out)
            pos = stop
            continue
        nxt = _NEXT.match(text, stop, end)
        if not nxt:
            continue
        ch = nxt.group(2)
        if not (ch.isupper() or ch.isdigit() or nxt.group(1)):
            continue
        punct = text[m.start() : m.end()].rstrip("\"'”’)]")
        if punct == "." and _is_abbreviation(text, m.start()):
            # "Lt. Col. Smith" never splits; "in the U.S. The ..." is ambiguous; keep together.
            continue
        _emit(text, pos, stop, out)
        pos = stop
    _emit(text, pos, end, out)


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text``, in order, whitespace-trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        _split_block(text, pos, m.start(), out)
        pos = m.end()
    _split_block(text, pos, len(text), out)
    return out


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span in ``spans`` containing ``offset`` (binary search), or None."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if offset < s:
            hi = mid
        elif offset >= e:
            lo = mid + 1
        else:
            return spans[mid]
    return None
