"""Dates in news text: absolute, partial and relative expressions, resolved against the publication date.

:func:`date_mentions` finds every date expression with regular expressions and resolves it
with plain calendar arithmetic (no model, no per-call parser), so it costs well under a
millisecond per article. Resolution follows news usage: an expression without a year, a bare
weekday or "last week" points to the most recent such date *on or before* the reference
(the article's publication date); "next ...", "tomorrow" and a day in a clause about the future
("will resume on Friday") point forward. Relative expressions with no reference are skipped.

:func:`dated_events` turns the mentions into timeline candidates by attaching them to the
event words of their sentence (:mod:`crosswire.extract.relative`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from ..records import Article, DatedEvent
from .cues import fold, word_alternation
from .relative import describe_event
from .vocab import INCIDENT_NOUNS

__all__ = ["DateMention", "date_mentions", "dated_events", "events_in", "parse_reference"]


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text: ``date`` is ISO, partial by ``precision``
    (``datetime``, ``day``, ``week`` (the Monday of the week), ``month``, ``year``)."""

    span: tuple[int, int]
    date: str
    precision: str
    expression: str


# the full month names and their numbers
MONTH_NUMBERS: dict[str, int] = {name: i for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
_MONTH_FORMS: dict[str, int] = {}
for _name, _i in MONTH_NUMBERS.items():
    _MONTH_FORMS[_name] = _i
    _MONTH_FORMS[_name[:3]] = _i
_MONTH_FORMS["sept"] = 9


def _month_alternation() -> str:
    """The month forms as a prefix tree. Of the forms that match at a place (each a prefix of the next), the
    tree tries the longest first, as would the forms listed longest first: the same match, found sooner."""
    forms: list[str] = []
    for form in _MONTH_FORMS:
        forms.append(form.capitalize())
        forms.append(form.upper() if len(form) == 3 else form.capitalize())
        if form not in ("march", "mar", "may"):  # verbs / modal when lowercase
            forms.append(form)
    return word_alternation(sorted(set(forms)))


_WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                 "sat": 5, "sun": 6}

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "several": 3, "a couple of": 2, "a few": 3, "few": 3}

M = rf"(?P<mon>{_month_alternation()})\.?"
WD = r"(?P<wd>[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
WD_OPT = (
    r"(?:(?:[Mm]on|[Tt]ue|[Tt]ues|[Ww]ed|[Tt]hu|[Tt]hurs?|[Ff]ri|[Ss]at|[Ss]un)(?:day|nesday|rsday|urday|sday)?"
    r"\.?,?\s+)?"
)
DAY = r"(?<![\d.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d,]\d)"
YEAR_SEP = r"(?:,?\s*|\s+of\s+)"
YEAR4 = r"(?P<year>1\d{3}|20\d\d)(?![\d,]\d)"
PART = r"(?:\s+(?P<part>morning|afternoon|evening|night|overnight))?"
NUM = (
    r"(?P<num>\d{1,2}|a couple of|a few|a|an|few|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several)"
)

_TIME_BEFORE = re.compile(r"(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)\s*(?P<ap>[AaPp]\.?[Mm]\.?)?\s*,?\s*(?:on\s+)?$")
_TIME_AFTER = re.compile(r"^\s*,?\s*(?:at\s+)?(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)\s*(?P<ap>[AaPp]\.?[Mm]\.?)?")

_COUNT_NOUN = (r"(?!\s+(?:people|persons|residents|civilians|soldiers|troops|fighters|families|"
               r"homes|houses|km|kilometres|kilometers|miles|metres|meters|dollars|euros|pounds|tons|"
               r"tonnes|votes|members|cases|deaths|dead|killed|injured|wounded)\b)")

# A year that names an incident after "a": "a 2006 blast", "a 2015 bombing" ("a 2000-strong crowd" is no date)
YEAR_ADJECTIVE = rf"(?:1[89]|20)\d\d\s+(?:[a-z-]+\s+)?{INCIDENT_NOUNS}\b"

# Days with a fixed date that news names instead of the date ("on New Year's Eve"): (month, day).
_HOLIDAYS = {"new year's eve": (12, 31), "new year's day": (1, 1), "christmas eve": (12, 24),
             "christmas day": (12, 25), "boxing day": (12, 26), "bastille day": (7, 14), "valentine's day": (2, 14),
             "halloween": (10, 31), "st patrick's day": (3, 17), "guy fawkes night": (11, 5)}
_HOLIDAY_TRIGGERS = ("Eve", "Christmas", "Boxing", "Bastille", "Valentine", "Halloween", "Patrick", "Fawkes", "Easter",
                     "Good")
# Days that move with Easter: days after Easter Sunday
_EASTER_DAYS = {"good friday": -2, "holy saturday": -1, "easter": 0, "easter sunday": 0, "easter day": 0,
                "easter monday": 1}

# (kind, regex); kinds are resolved in _resolve. Order matters only for equal spans.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)"
                       r"(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)")),
    ("numeric", re.compile(r"(?<![\d/.,-])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?:(?P=sep)|,\s?)"
                           r"(?P<year>(?:19|20)\d\d)(?![\d/.-]\d)")),
    ("ymd", re.compile(r"(?<![\d/.,-])(?P<year>(?:19|20)\d\d)(?P<sep>[/.])(?P<m>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
                       r"(?![\d/.-]\d)")),
    ("mdy", re.compile(rf"\b{WD_OPT}{M}\s+{DAY}(?![\d:]|\s*(?:%|percent))(?:{YEAR_SEP}{YEAR4}{_COUNT_NOUN})?\b")),
    ("dmy", re.compile(rf"\b{WD_OPT}(?:the\s+)?{DAY}\.?(?:\s+of)?\s+{M}(?:{YEAR_SEP}{YEAR4}{_COUNT_NOUN})?\b")),
    ("my", re.compile(rf"\b(?:(?P<mod>early|late|mid|mid-)\s*)?{M},?\s+{YEAR}\b")),
    ("m", re.compile(rf"\b(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|till|[Dd]uring|[Tt]hrough|[Ff]rom|[Ee]arly|[Ll]ate|"
                     rf"[Mm]id|[Mm]id-|[Ll]ast|[Tt]his|[Ee]arlier in|[Ll]ater in|on)\s+(?:(?:early|late|mid)\s*-?\s*)?"
                     rf"{M}(?![\w-])(?!\s+\d)")),
    ("year", re.compile(rf"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Ff]rom|[Uu]ntil|till|through|between|and|to|before|after|"
                        rf"during|of|around|circa|[Ee]arly|[Ll]ate|[Mm]id|the|[Tt]he|summer|spring|autumn|fall|"
                        rf"winter)\s+|\bmid-|\(|\b[Aa]n?\s+(?={YEAR_ADJECTIVE}))"
                        rf"(?:(?:early|late|mid)[\s-]+)?(?<![\d,.]){YEAR}(?!s\b|\s*%|\.\d|-\d){_COUNT_NOUN}")),
    ("weekday", re.compile(rf"\b(?:(?P<mod>on|by|since|until|late|early|last|this|past|next|late on|early on)\s+)?"
                           rf"(?:(?P<mod2>late|early)\s+)?{WD}{PART}\b")),
    ("yesterday", re.compile(r"\b(?:(?P<pre>late|early|earlier)\s+)?(?P<w>the day before yesterday|yesterday|"
                             r"today|tonight|tomorrow|the day after tomorrow|last night|overnight|"
                             r"this (?:morning|afternoon|evening))\b(?:\s+(?P<part>morning|afternoon|evening|night))?",
                             re.I)),
    ("period", re.compile(r"\b(?P<mod>last|past|this|next|earlier this|later this|early this|late last|"
                          r"earlier last|early last|the previous|the past)\s+(?P<unit>week|month|year|weekend)\b",
                          re.I)),
    ("ago", re.compile(rf"\b{NUM}\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before|from now|later)\b",
                       re.I)),
    ("holiday", re.compile(r"\b(?:on\s+|during\s+|over\s+)?(?P<hol>New\s+Year['’]?s\s+(?:Eve|Day)|"
                           r"Christmas\s+(?:Eve|Day)|Boxing\s+Day|Bastille\s+Day|Valentine['’]?s\s+Day|Halloween|"
                           r"St\.?\s+Patrick['’]?s\s+Day|Guy\s+Fawkes\s+Night|Good\s+Friday|"
                           r"Easter(?:\s+(?:Sunday|Monday|Day))?)\b")),
]

_ON_BEFORE = re.compile(r"\b(?:on|during|over|at|by|before|after|until|since)\s+$", re.I)
_ATTRIBUTIVE_AFTER = re.compile(r"\s+([a-z][a-z-]+)")
_HOLIDAY_TIMES = frozenset({"night", "evening", "morning", "afternoon", "eve", "weekend", "day", "holiday", "holidays"})
_LEADING_PREPOSITION = re.compile(  # a whole word only: the "TO" of "TODAY" is not a preposition
    r"(?:(?:in|on|by|since|until|till|during|through|from|between|and|to|before|after|of|around|circa|the)\b|\()"
    r"\s*",
    re.I,
)

# "a 2006 blast": the year pattern matches the article before a year that names an incident, the date is the year
_LEADING_ARTICLE = re.compile(r"an?\s+", re.I)

# A clause that speaks of what is to come ("will meet on Friday", "is expected to reopen on Wednesday"):
# a weekday or a day without a year in it points forward from the reference, not back.
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|(?:is|are|am)\s+(?:(?:set|due|scheduled|expected|going|slated|planning|poised)\s+to|"
    r"to\s+be)|plans?\s+to|planned\s+for|scheduled\s+for|set\s+for|slated\s+for|to\s+be\s+held|to\s+take\s+place)\b|"
    r"\w'll\b",
    re.I)
_CLAUSE_START = re.compile(r"[.;:!?\n]|,\s+(?:but|while|and|who|which|as)\b")
# A capitalised word right before a weekday makes a named day ("Remembrance Sunday", "Black Friday",
# "Super Tuesday"), not a day relative to the report; these words before a weekday do not.
_NOT_DAY_NAMES = frozenset({
    "on", "by", "since", "until", "till", "late", "early", "last", "this", "past", "next", "and", "or", "the", "of",
    "from", "to", "said", "says", "say", "told", "reported", "announced", "before", "after", "at", "in", "every",
    "each", "that", "through"})
# An embedded post's stamp: "-- Jane Doe (@jdoe) November 9, 2016", "pic.twitter.com/xyz November 9, 2016".
_CAPS_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")
_POST_STAMP = re.compile(r"(?:\(@\w+\)|@\w+|pic\.twitter\.com/\w+|https?://\S+)\s*[-—–]*\s*$")
_POST_STAMP_CUES = ("@", "pic.twitter.com/", "http")  # one is in every stamp

_ISO_REF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_reference(reference: str | None) -> date | None:
    """The day of an ISO reference (``2024-11-28``, ``2024-11-28T15:09``); None if absent or partial."""
    if not reference:
        return None
    m = _ISO_REF.match(reference.strip())
    if not m or not m.group(3):
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def _hour(h: str, ap: str | None) -> int:
    hour = int(h)
    if ap:
        pm = ap.lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    return hour


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_without_year(month: int, day: int, ref: date | None) -> date | None:
    if ref is None:
        return None
    for year in range(ref.year, ref.year - 8, -1):  # news reports look back; Feb 29 to the last leap year
        d = _safe_date(year, month, day)
        if d is not None and d <= ref + timedelta(days=2):
            return d
    return None


def _in_clause_before(text: str, start: int, rx: re.Pattern[str], reach: int) -> bool:
    """Whether ``rx`` occurs in the clause before ``start`` (at most ``reach`` characters back)."""
    window = text[max(0, start - reach):start]
    cuts = [c.end() for c in _CLAUSE_START.finditer(window)]
    return bool(rx.search(window, cuts[-1] if cuts else 0))


def _future(text: str, start: int) -> bool:
    """Whether the clause before ``start`` speaks of the future (see ``_FUTURE``)."""
    return _in_clause_before(text, start, _FUTURE, 90)


_BACKWARD_PREPS = frozenset({"since", "during", "through", "from", "earlier in"})  # "postponed since December"
_FORWARD = re.compile(r"\b(?:upcoming|coming|next|(?:supposed|due|expected|set|scheduled|slated)\s+to|postponed|"
                      r"delayed|deferred|adjourned)\b", re.I)


def _forward(text: str, start: int) -> bool:
    """Whether the clause before a month name looks ahead ("an upcoming meeting in February", "was supposed
    to leave in February", "the hearing was adjourned until ..."): the month is the next one of that name."""
    return _in_clause_before(text, start, _FORWARD, 60)


def _named_day(text: str, start: int) -> bool:
    """A weekday at ``start`` that is part of a name: "Remembrance Sunday", "Black Friday"."""
    m = re.search(r"([A-Z][\w'’-]*)[ \u00a0]+$", text[max(0, start - 30):start])
    if not m or m.group(1).lower() in _NOT_DAY_NAMES or m.group(1).lower().rstrip("s") in _MONTH_FORMS:
        return False
    before = text[max(0, start - 30):start][: m.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"“—–-"  # a capital after a sentence end is no name


def _resolve(kind: str, m: re.Match[str], ref: date | None, text: str = "") -> tuple[str, str] | None:
    g = m.groupdict()
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
        if d is None:
            return None
        if g.get("h"):
            return f"{d.isoformat()}T{g['h']}:{g['mi']}", "datetime"
        return d.isoformat(), "day"
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        day_first = g["sep"] == "." or a > 12  # 21/04/2016, 13.5.2015; else US order 02/22/2016
        month, day = (b, a) if day_first else (a, b)
        d = _safe_date(int(g["year"]), month, day)
        return (d.isoformat(), "day") if d else None
    if kind == "ymd":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
        return (d.isoformat(), "day") if d else None
    if kind in ("mdy", "dmy"):
        month = _MONTH_FORMS[g["mon"].lower().rstrip(".")]
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        if g.get("year"):
            d = _safe_date(int(g["year"]), month, day)
        elif ref is not None and _future(text, m.start()):
            d = next((x for y in (ref.year, ref.year + 1) if (x := _safe_date(y, month, day)) and x >= ref), None)
        else:
            d = _day_without_year(month, day, ref)
        return (d.isoformat(), "day") if d else None
    if kind == "my":
        return f"{int(g['year']):04d}-{_MONTH_FORMS[g['mon'].lower().rstrip('.')]:02d}", "month"
    if kind == "m":
        if ref is None:
            return None
        month = _MONTH_FORMS[g["mon"].lower().rstrip(".")]
        prep = g["prep"].lower()
        if prep == "on":
            return None
        if prep == "last":
            year = ref.year if month < ref.month else ref.year - 1
        elif prep == "this":
            year = ref.year
        elif prep in ("until", "till") or (prep not in _BACKWARD_PREPS and (_future(text, m.start())
                                                                             or _forward(text, m.start()))):
            year = ref.year if month >= ref.month else ref.year + 1  # "released on bail until May", "will ... in May"
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "year":
        return g["year"], "year"
    if kind == "holiday":
        if ref is None or (g["hol"] == "Halloween" and not _ON_BEFORE.search(text, max(0, m.start("hol") - 8),
                                                                              m.start("hol"))
                           and (after := _ATTRIBUTIVE_AFTER.match(text, m.end("hol")))
                           and after.group(1) not in _HOLIDAY_TIMES):
            # "the Halloween crowd crush", "Halloween partygoers": a season's night out, no date (it was two days
            # before); "the Christmas Day tsunami" is dated by its name
            return None
        name = re.sub(r"\s+", " ", g["hol"].replace("’", "'")).lower().replace("st. ", "st ")
        if name in _EASTER_DAYS:  # the last one on or before the report's day (the next, of a future)
            shift = timedelta(days=_EASTER_DAYS[name])
            years = (ref.year, ref.year + 1) if _future(text, m.start()) else (ref.year, ref.year - 1)
            found = [easter(y) + shift for y in years]
            d = next((x for x in found if (x >= ref if _future(text, m.start()) else x <= ref + timedelta(days=1))),
                     None)
            return (d.isoformat(), "day") if d else None
        month, day = _HOLIDAYS[name.replace("years", "year's").replace("valentines", "valentine's")
                               .replace("patricks", "patrick's")]
        if _future(text, m.start()):
            d = next((x for y in (ref.year, ref.year + 1) if (x := _safe_date(y, month, day)) and x >= ref), None)
        else:  # the last one on or before the report's day (a day after it: the report's clock is behind)
            d = next((x for y in (ref.year, ref.year - 1) if (x := _safe_date(y, month, day))
                      and x <= ref + timedelta(days=1)), None)
        return (d.isoformat(), "day") if d else None
    if kind == "weekday":
        if ref is None:
            return None
        wd = _WEEKDAYS[g["wd"].lower()]
        mod = (g.get("mod") or "").lower()
        plain = mod in ("", "on", "by", "until", "late", "early", "late on", "early on")
        if not mod and not g.get("mod2") and _named_day(text, m.start("wd")):
            return None
        if plain and _future(text, m.start()):
            return (ref + timedelta(days=(wd - ref.weekday()) % 7)).isoformat(), "day"
        if mod == "next":
            delta = (wd - ref.weekday()) % 7 or 7
            return (ref + timedelta(days=delta)).isoformat(), "day"
        delta = (ref.weekday() - wd) % 7
        if mod in ("last", "past") and delta == 0:
            delta = 7
        return (ref - timedelta(days=delta)).isoformat(), "day"
    if kind == "yesterday":
        if ref is None:
            return None
        w = g["w"].lower()
        start = m.start("w")
        if w in ("today", "tonight") and g["w"].isupper() and _CAPS_BEFORE.search(text[max(0, start - 20):start]):
            return None  # a name: "USA TODAY"
        offset = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1,
                  "the day after tomorrow": 2}
        return (ref + timedelta(days=offset.get(w, 0))).isoformat(), "day"
    if kind == "period":
        if ref is None:
            return None
        mod = g["mod"].lower()
        unit = g["unit"].lower()
        step = 1 if mod == "next" else (-1 if ("last" in mod or "previous" in mod or "past" in mod) else 0)
        if unit in ("week", "weekend"):
            return _monday(ref + timedelta(weeks=step)).isoformat(), "week"
        if unit == "month":
            y, mo = _shift_months(ref.year, ref.month, step)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{ref.year + step:04d}", "year"
    if kind == "ago":
        if ref is None:
            return None
        n = int(g["num"]) if g["num"].isdigit() else _NUMBER_WORDS[g["num"].lower()]
        sign = 1 if g["dir"].lower() in ("from now", "later") else -1
        if g["dir"].lower() in ("earlier", "before", "later"):
            return None  # relative to another event, not to the reference
        unit = g["unit"].lower()
        if unit == "day":
            return (ref + timedelta(days=sign * n)).isoformat(), "day"
        if unit == "week":
            return (ref + timedelta(weeks=sign * n)).isoformat(), "week"
        if unit == "month":
            y, mo = _shift_months(ref.year, ref.month, sign * n)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{ref.year + sign * n:04d}", "year"
    return None


def _with_time(text: str, start: int, end: int, iso_day: str) -> tuple[int, int, str, str] | None:
    """A clock time written right before or after a day date turns it into a datetime."""
    before = _TIME_BEFORE.search(text, max(0, start - 16), start)
    if before:
        h = _hour(before.group("h"), before.group("ap"))
        return before.start(), end, f"{iso_day}T{h:02d}:{before.group('mi')}", "datetime"
    after = _TIME_AFTER.match(text[end:end + 16])
    if after:
        h = _hour(after.group("h"), after.group("ap"))
        return start, end + after.end(), f"{iso_day}T{h:02d}:{after.group('mi')}", "datetime"
    return None


_TRIGGER_BASE = [*_MONTH_FORMS, *_WEEKDAYS, *_WEEKDAY_ABBR, "yesterday", "today", "tonight", "tomorrow", "night",
                 "overnight", "morning", "afternoon", "evening", "week", "weekend", "month", "year", "ago", "from",
                 *_HOLIDAY_TRIGGERS]
_TRIGGER_WORDS = frozenset(f(w) for w in _TRIGGER_BASE for f in (str.lower, str.capitalize, str.upper))
# A whole run of ASCII letters that is a trigger word (what _triggers finds, by the two searches below).
_TRIGGER_WORD = re.compile(rf"(?<![A-Za-z])(?:{word_alternation(sorted(_TRIGGER_WORDS))})(?![A-Za-z])")
# _TRIGGER_WORD as two searches re can skip ahead in: a trigger word at the start, and one after a character that
# is no letter (taken with it: the pattern starts with a character class)
_TRIGGER_AT_START = re.compile(rf"(?:{word_alternation(sorted(_TRIGGER_WORDS))})(?![A-Za-z])")
_TRIGGER_AFTER = re.compile(rf"[^A-Za-z](?:{word_alternation(sorted(_TRIGGER_WORDS))})(?![A-Za-z])")
# A whole run of digits that matters: a year-like one of four digits, or one that goes on with "-", "/" or "."
# (2024-11-28, 28/11/2024). The first digit comes first in the pattern, so the search skips to digits.
_DATE_DIGITS = re.compile(r"\d(?<!\d\d)(?:(?<=[12])\d{3}(?!\d)|\d*(?=[-/.]))")
_REACH = 34  # the longest stretch of a date expression on either side of a trigger word


def _triggers(text: str) -> list[tuple[int, int]]:
    """Spans of the trigger words and of the numbers that matter, in text order."""
    first = _TRIGGER_AT_START.match(text)
    spans = [first.span()] if first else []
    # the matches of _TRIGGER_WORD: after a trigger word (its last character a letter), the next starts later
    spans.extend((m.start() + 1, m.end()) for m in _TRIGGER_AFTER.finditer(text, first.end() if first else 0))
    spans.extend(m.span() for m in _DATE_DIGITS.finditer(text))
    spans.sort()
    return spans


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around words a date expression must contain (a month, a weekday,
    a digit, "yesterday", "week"...; the trigger over-matches, never under-matches): the
    patterns run only there, which keeps extraction cheap."""
    out: list[tuple[int, int]] = []
    for s, e in _triggers(text):
        start, end = max(0, s - _REACH), min(len(text), e + _REACH)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# Strings every match of a pattern holds, one of each tuple (lower-case: looked for in the folded text, so
# ignore-case patterns are covered too). A window without them is not searched with that pattern.
_MONTH_CUES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_CUES = ("18", "19", "20")
_PATTERN_CUES: dict[str, tuple[tuple[str, ...], ...]] = {
    "iso": (("19", "20"), ("-",)),
    "numeric": (("19", "20"), ("-", "/", ".")),
    "ymd": (("19", "20"), ("/", ".")),
    "mdy": (_MONTH_CUES,),
    "dmy": (_MONTH_CUES,),
    "my": (_MONTH_CUES, _YEAR_CUES),
    "m": (_MONTH_CUES,),
    "year": (_YEAR_CUES,),
    "weekday": (tuple(_WEEKDAYS),),
    "yesterday": (("yesterday", "today", "tomorrow", "night", "morning", "afternoon", "evening"),),
    "period": (("week", "month", "year"), ("last", "past", "this", "next", "previous")),
    "ago": (("day", "week", "month", "year"), ("ago", "earlier", "before", "from now", "later")),
    "holiday": (tuple(w.lower() for w in _HOLIDAY_TRIGGERS),),
}
# resolved only against a reference
_RELATIVE_KINDS = frozenset({"m", "weekday", "yesterday", "period", "ago", "holiday"})
# One bit per (kind, tuple of cues): a cue sets the bits of the tuples it is in; a window holding cues whose
# bits cover every bit of a kind is searched with that kind's pattern.
_KIND_BITS: dict[str, int] = {}
_CUE_BITS: dict[str, int] = {}
for _bit, (_kind, _group) in enumerate((k, g) for k, groups in _PATTERN_CUES.items() for g in groups):
    _KIND_BITS[_kind] = _KIND_BITS.get(_kind, 0) | 1 << _bit
    for _cue in _group:
        _CUE_BITS[_cue] = _CUE_BITS.get(_cue, 0) | 1 << _bit
_CUE_BIT_ITEMS = tuple(_CUE_BITS.items())


def _searched(text: str, windows: list[tuple[int, int]], relative: bool) -> dict[str, list[tuple[int, int]]]:
    """The windows each pattern kind runs over: those holding the pattern's cues."""
    folded = fold(text)
    out: dict[str, list[tuple[int, int]]] = {
        kind: [] for kind, _ in _PATTERNS if relative or kind not in _RELATIVE_KINDS
    }
    kinds = [(_KIND_BITS[kind], searched) for kind, searched in out.items()]
    cues = _CUE_BIT_ITEMS
    for w0, w1 in windows:
        chunk = folded[w0:w1]
        bits = 0
        for cue, cue_bits in cues:
            if cue in chunk:
                bits |= cue_bits
        for need, searched in kinds:
            if bits & need == need:
                searched.append((w0, w1))
    return out


# a day and month that open a name: "the 17 February Brigade", "April 6 Youth Movement", "6th of October Bridge"
_NAMED_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Brigades?|Movement|Revolution|Coalition|Party|Front|"
                          r"Martyrs|Square|Street|Bridge|Avenue|Road|Stadium|University|Hospital|Group|Battalion|"
                          r"Alliance|Youth)\b")


def date_mentions(text: str, reference: str | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``reference`` (ISO; None = skip relative ones).

    Overlapping matches keep the longest; results are in text order.
    """
    ref = parse_reference(reference)
    found: list[tuple[int, int, str, str]] = []
    searched = _searched(text, _windows(text), ref is not None)
    for kind, pattern in _PATTERNS:
        for m in (m for w0, w1 in searched.get(kind, ()) for m in pattern.finditer(text, w0, w1)):
            resolved = _resolve(kind, m, ref, text)
            if resolved is None:
                continue
            start, end = m.span()
            if kind in ("mdy", "dmy") and _NAMED_AFTER.match(text, end):
                continue  # "the 17 February Brigade", "April 6 Youth Movement": a name, not a date
            iso, precision = resolved
            lead = _LEADING_PREPOSITION.match(text, start, end) or (
                _LEADING_ARTICLE.match(text, start, end) if kind == "year" else None)
            if lead:
                start = lead.end()
            if kind in ("mdy", "dmy", "numeric", "ymd") and precision == "day":
                timed = _with_time(text, start, end, iso)
                if timed:
                    start, end, iso, precision = timed
            found.append((start, end, iso, precision))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    mentions: list[DateMention] = []
    last_end = -1
    for start, end, iso, precision in found:
        if start < last_end:
            continue
        mentions.append(DateMention((start, end), iso, precision, text[start:end]))
        last_end = end
    return mentions


def events_in(
    article_id: str,
    text: str,
    sentences: list[tuple[int, int]],
    reference: str | None,
    mentions: list[DateMention] | None = None,
) -> tuple[DatedEvent, ...]:
    """Timeline candidates of ``text`` split into ``sentences`` (see :func:`dated_events`).

    ``mentions`` are ``date_mentions(text, reference)`` when the caller already has them (the
    stage needs them for claims too: pass them to avoid a second scan)."""
    out: list[DatedEvent] = []
    si = 0
    for mention in date_mentions(text, reference) if mentions is None else mentions:
        while si < len(sentences) and sentences[si][1] <= mention.span[0]:
            si += 1
        if si >= len(sentences) or sentences[si][0] > mention.span[0]:
            continue
        stamp_window = text[max(0, mention.span[0] - 60) : mention.span[0]]
        if any(cue in stamp_window for cue in _POST_STAMP_CUES) and _POST_STAMP.search(stamp_window):
            continue  # when an embedded post was posted, not when something happened
        s0, s1 = sentences[si]
        sentence = text[s0:s1]
        description = describe_event(sentence, (mention.span[0] - s0, mention.span[1] - s0))
        if description is None:
            continue
        out.append(
            DatedEvent(
                article_id=article_id,
                span=mention.span,
                sentence_span=(s0, s1),
                sentence=sentence,
                date=mention.date,
                precision=mention.precision,
                expression=mention.expression,
                description=description,
            )
        )
    return tuple(out)


def dated_events(article: Article, sentences: list[tuple[int, int]]) -> tuple[DatedEvent, ...]:
    """Sentences where a date attaches to an event verb or noun: timeline candidates.

    Relative dates resolve against ``article.published.value``; ``sentences`` are spans in
    ``article.text`` in order.
    """
    return events_in(article.id, article.text, sentences, article.published.value)
