"""Metadata lifted from lines and containers: timestamps, bylines, sections, source credits, hosts.

Each recogniser looks at the FORM of a line (a line that is nothing but a date and time, a
``By <Name>`` line, an ``In <Section>`` line next to them, a ``Source: <domain>`` credit), never
at a list of known phrases.

Stamps are read in the forms pages print them: a date with or without a time, a time zone (``GMT``,
``BdST``, ``GMT+6``, ``-04``), a label (``Published``, ``Posted on``, ``Last Updated``, ``Date:``), a
weekday, a page counter beside it (``Count : 290``); two labelled stamps on one line (``Published: ...
Updated: ...``, the published one read); a section's name before the label or the sections after a bar
(``Published in: Africa, News``); an agency run into the stamp (``AFPApril 22, 2018``); and, at the top of
a page only (the caller decides), a stamp glued to the front of a line of text (``date 2019-06-01 A gunman
...``) or a full date set before the first paragraph like a dateline (``August 10, 2018 - Dozens ...``).
Numeric dates are read month first unless the day must come first (``27/1/2018``) or dots separate
them (``05.03.2022``, the form of day-first countries). A date inside a sentence is never a stamp, and no
date line can fail a document (a month name the patterns match but the table lacks is no month).
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from urllib.parse import urlsplit

from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

from ..records import Published

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
            "fri", "friday", "sat", "saturday", "sun", "sunday"}
# Words a timestamp line may carry besides the date itself.
_STAMP_WORDS = {"updated", "update", "published", "posted", "last", "first", "modified", "on", "at", "date", "and",
                "dated", "originally",
                "time", "created", "edited", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "cest",
                "est", "edt", "cst", "cdt", "pst", "pdt", "ist", "jst", "aest", "msk", "et", "pt", "z", "hrs",
                "local", "of", "the", "st", "nd", "rd", "th"}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                     r"(Z|[+-]\d{2}(?::?\d{2})?)?)?\b")
_MDY_RE = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
_NUMERIC_RE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_TIME_RE = re.compile(r"\b(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?![\w])", re.I)
# After a clock time, a time zone: capitals ("GMT", "IST", "AMT"), a zone in mixed case that ends like one
# ("BdST"), maybe with an offset ("GMT+6", "UTC+05:30"), or a bare offset ("+0530").
_ZONE_RE = re.compile(r"\b(?:[A-Z]{2,5}|[A-Z][A-Za-z]{1,3}T)(?:[+-]\d{1,2}(?::?\d{2})?)?\b|(?<!\w)[+-]\d{2}:?\d{2}\b")
# A page's counters beside its stamp ("Count : 290", "Views: 1,204"): page furniture, not words of a sentence.
_COUNTER_RE = re.compile(r"\b(?:count|views?|hits|reads|visits|visitors|comments?|shares?)\s*:\s*\d[\d,.]*\s*$",
                         re.I)
_DIGIT_RE = re.compile(r"\d")
_HOST_RE = re.compile(r"(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})\b", re.I)


@lru_cache(maxsize=4096)  # a pure function of a string; the same few sites' hosts come back document after document
def normalise_host(value: str | None) -> str | None:
    """``https://www.BBC.com/news/x`` -> ``bbc.com``; None when there is no host."""
    if not value:
        return None
    value = value.strip()
    try:
        host = urlsplit(value if "//" in value else "//" + value).hostname or ""
    except ValueError:  # "[W..." reads as a malformed IPv6 host: not a host at all
        return None
    host = host.lower().strip(".")
    if host.startswith("www."):
        host = host[4:]
    return host if _HOST_RE.fullmatch(host) else None


# -- timestamps -------------------------------------------------------------------------------
def month_number(name: str) -> int | None:
    """The month a name the month patterns matched stands for (``Sept`` -> 9). The patterns match case-insensitively,
    which lets some letters outside ASCII stand for ASCII ones (a long s for "s"); case folding maps them back, and a
    name it cannot map is no month (None), never an error."""
    return MONTHS.get(name.casefold().rstrip("."))


def _date_parts(text: str) -> tuple[tuple[int, int, int] | None, str]:
    """The (year, month, day) a string states and the string with the date cut out."""
    m = _ISO_RE.search(text)
    if m:
        return (int(m[1]), int(m[2]), int(m[3])), text[:m.start()] + " " + (
            f"{m[4]}:{m[5]}" if m[4] else "") + " " + text[m.end():]
    m = _MDY_RE.search(text)
    if m and (month := month_number(m[1])) is not None:
        return (int(m[3]), month, int(m[2])), text[:m.start()] + " " + text[m.end():]
    m = _DMY_RE.search(text)
    if m and (month := month_number(m[2])) is not None:
        return (int(m[3]), month, int(m[1])), text[:m.start()] + " " + text[m.end():]
    m = _NUMERIC_RE.search(text)
    if m:
        a, b = int(m[1]), int(m[2])
        # day first when it must be (27/1/2018), or when dots set the figures apart (05.03.2022): the form of the
        # countries that write the day first, which no month-first country uses; else month first (3/5/2022)
        month, day = (b, a) if a > 12 or "." in m[0] else (a, b)
        return (int(m[3]), month, day), text[:m.start()] + " " + text[m.end():]
    return None, text


def _whole_stamp(line: str) -> Published | None:
    """A Published when all of ``line`` is a date, maybe with a time, stamp words and a page counter."""
    ymd, rest = _date_parts(_COUNTER_RE.sub(" ", line))
    if ymd is None:
        return None
    year, month, day = ymd
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    clock = None
    t = _TIME_RE.search(rest)
    if t:
        hour, minute, second = int(t[1]), int(t[2]), int(t[3] or 0)
        ampm = (t[4] or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            clock = (hour, minute, second)
            rest = rest[:t.start()] + " " + rest[t.end():]
    if clock:  # after a time, a time zone ("11:28 AMT", "10:20 PM BdST", "GMT+6")
        rest = _ZONE_RE.sub(" ", rest)
    leftovers = [w for w in re.findall(r"[^\W\d_]+\.?|\d+", rest.lower())
                 if w.rstrip(".") not in _STAMP_WORDS and w not in _STAMP_WORDS and w.rstrip(".") not in WEEKDAYS]
    if leftovers:
        return None
    if clock:
        value = datetime(year, month, day, *clock).isoformat()
        return Published(value=value, precision="datetime", evidence=f"text:{line}")
    return Published(value=f"{year:04d}-{month:02d}-{day:02d}", precision="day", evidence=f"text:{line}")


# A stamp's label: what the date says of the page ("Published", "Last Updated", "Posted on", "Date:").
_PUBLISH_LABEL = r"(?:(?:first|originally)\s+)?(?:published|posted|created|dated?)"
_UPDATE_LABEL = r"(?:last\s+)?(?:updated|modified|edited)"
_STAMP_LABEL_RE = re.compile(rf"\b(?:{_PUBLISH_LABEL}|{_UPDATE_LABEL})\b", re.I)
_UPDATE_LABEL_RE = re.compile(rf"^\W*(?:and\s+)?{_UPDATE_LABEL}\b", re.I)
_LABEL_STEMS = ("publish", "post", "creat", "date", "updat", "modif", "edit")  # a piece of every label, lowered


def is_update_stamp(stamp: Published) -> bool:
    """Whether a stamp read from the text is labelled as an update (``Updated: ...``, ``Last modified ...``),
    which dates the page's last change, not its publication."""
    text = stamp.evidence.removeprefix("text:")
    return bool(_UPDATE_LABEL_RE.match(text)) or (
        re.search(r"\b(?:updated|modified|edited)\b", text, re.I) is not None
        and re.search(rf"\b{_PUBLISH_LABEL}\b", text, re.I) is None)


def _labelled_stamps(line: str) -> Published | None:
    """Several labelled stamps on one line (``Published: 08 Jul 2021 10:20 PM Updated: 08 Jul 2021 10:32 PM``), or
    labelled stamps after the page's section name (``india Updated: Jun 20, 2019 19:01 IST``, a word or two
    without figures or punctuation): each part from a label to the next is a whole stamp; the publication stamp
    is read (the first part not labelled as an update, else the first), with that part as its evidence."""
    lower = line.lower()
    if not any(stem in lower for stem in _LABEL_STEMS):
        return None  # no label in the line
    starts = [m.start() for m in _STAMP_LABEL_RE.finditer(line)]
    if not starts:
        return None
    head = line[:starts[0]].strip()
    if (len(starts) < 2 and not head) or len(head.split()) > 2 or re.search(r"[^\w\s'’&-]|\d", head):
        return None
    parts = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]
    stamps = [_whole_stamp(part) for part in parts]
    if any(stamp is None for stamp in stamps):
        return None
    found = [stamp for stamp in stamps if stamp is not None]
    return next((stamp for stamp in found if not is_update_stamp(stamp)), found[0])


def parse_timestamp_line(line: str) -> Published | None:
    """A Published when the whole line is a date (and maybe a time), e.g. ``03:09 PM, Nov 28, 2024``,
    ``Updated 10:42 GMT, 3 March 2023``, ``Published: 2023-03-03``, ``Published : 10 July, 2021 Count : 290``,
    or two labelled stamps (``Published: ... Updated: ...``, the published one read); else None. Never raises."""
    if len(line) > 160 or not _DIGIT_RE.search(line):
        return None  # every date has a figure
    if len(line) <= 80 and (stamp := _whole_stamp(line)) is not None:
        return stamp
    return _labelled_stamps(line)


# A stamp opening a line that goes on with other text: " date 2019-06-01 A gunman opened fire ...",
# "Published: 3 March 2023 10:15 GMT Flooding kills ...", "August 10, 2018 - Dozens of children ...".
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
_LEAD_ZONE = r"(?:\s*(?-i:[A-Z][A-Za-z]{0,3}T|UTC|MSK)(?:[+-]\d{1,2}(?::?\d{2})?)?\b|\s?[+-]\d{2}(?::?\d{2})?\b)?"
_WEEKDAY_OPT = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+)?"
_LEAD_DATE = (rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T{_CLOCK}(?:Z|[+-]\d{{2}}(?::?\d{{2}})?)?)?|"
              rf"(?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
              rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\.?,?\s+\d{{4}}")
_LEAD_STAMP_RE = re.compile(
    rf"^\s*(?P<label>(?:{_PUBLISH_LABEL}|{_UPDATE_LABEL})(?:\s+(?:on|at))?\s*:?\s*)?"
    rf"(?:(?:at\s+)?{_CLOCK}{_LEAD_ZONE},?\s+(?:on\s+)?)?{_WEEKDAY_OPT}(?P<date>{_LEAD_DATE})"
    rf"(?:,?\s+(?:at\s+)?{_CLOCK}{_LEAD_ZONE})?", re.I)
_AFTER_LABELLED = re.compile(r"\s*(?:[|–—-]\s*)?(?=\S)")  # a space or a separator, then the text
# after a dateline's date: a dash and the text ("2018 - Dozens"), or the text run into the year ("2014Chinese")
_AFTER_DATELINE = re.compile(r"\s*[|–—-]\s+(?=[\"“‘'(]?[A-Z0-9])|(?<=\d)(?=[A-Z][a-z])")


def split_leading_stamp(line: str) -> tuple[Published, str] | None:
    """A stamp that opens a line of other text -> (the stamp, the text after it); else None.

    Two forms, both of a page's first lines only (the caller's to decide): a labelled date (``date 2019-06-01``,
    ``Published: 3 March 2023 10:15 GMT``, ``Posted on June 6, 2019 at 10:31 am``) glued to the text after it;
    a full date with its year set before the first paragraph like a dateline, by a dash or with no space at all
    (``August 10, 2018 - Dozens of children ...``, ``August 3, 2014Chinese officials said ...``). A date inside a
    sentence ("On August 10, 2018 the ...") opens no line, and a date without a year is no stamp."""
    if len(line) < 12 or not (line[:1].isalnum() or line[:1].isspace()):
        return None
    m = _LEAD_STAMP_RE.match(line)
    if m is None:
        return None
    rest_at = m.end()
    glue = (_AFTER_LABELLED if m["label"] else _AFTER_DATELINE).match(line, rest_at)
    if glue is None or (m["label"] and rest_at < len(line) and line[rest_at].isalnum()):
        return None
    rest = line[glue.end():].strip()
    stamp_text = line[:rest_at].strip()
    stamp = parse_timestamp_line(stamp_text)
    if stamp is None or not re.search(r"[^\W\d_]", rest) or (not m["label"] and len(rest.split()) < 3):
        return None
    return stamp, rest


# An agency's name glued to the stamp under it ("AFPApril 22, 2018", "AFPUpdated April 22, 2018").
_GLUED_AGENCY_RE = re.compile(
    r"^([A-Z]{2,6})(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Published|Posted|Updated|Last|First)"
    r"[a-z]*\b)")


def parse_agency_stamp(line: str) -> tuple[Published, str] | None:
    """An agency's name in capitals run into the stamp after it (``AFPApril 22, 2018``) -> (the stamp, the agency);
    else None. A capital that follows capitals with no space is where two page elements met."""
    if not line[:2].isupper():
        return None  # no capitals open the line (leading space: no agency was run into a stamp there)
    m = _GLUED_AGENCY_RE.match(line.strip())
    if m is None:
        return None
    stamp = parse_timestamp_line(line.strip()[m.end():])
    if stamp is None:
        return None
    return Published(value=stamp.value, precision=stamp.precision, evidence=f"text:{line.strip()}"), m[1]


_STAMP_BY_RE = re.compile(r"^(.{6,60}?)\s*(?:\||,|-|–|—)?\s+by\s+(.{3,60})$", re.I)
_UPDATE_TIME_RE = re.compile(r"^(?:last\s+)?(?:updated|modified|edited|posted|published)\s*:?\s*(?:at|on)?\s*"
                             r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4})?\.?$", re.I)


def parse_stamp_and_byline(line: str) -> tuple[Published, str] | None:
    """``5:45 AM PST 11/19/2019 by Jane Doe`` -> (the stamp, ``Jane Doe``)."""
    if "by" not in line.lower():
        return None
    m = _STAMP_BY_RE.match(line.strip())
    if not m:
        return None
    stamp = parse_timestamp_line(m[1])
    name = parse_byline("By " + m[2])
    if stamp is None or name is None:
        return None
    return Published(value=stamp.value, precision=stamp.precision, evidence=f"text:{line.strip()}"), name


# The sections a page files its story under, beside its stamp: "Published in: Africa, News, Sudan".
_FILED_IN_RE = re.compile(r"^(?:published|posted|filed)\s+(?:in|under)\s*:?\s*"
                          r"[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,2}(?:\s*,\s*[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,2}){0,7}$",
                          re.I)


def parse_labelled_stamp(line: str) -> Published | None:
    """A timestamp beside a short label between bars (``Wire Agency | Updated: 2024-03-05 10:12``,
    ``June 6, 2019 at 10:31 am | Published in: Africa, News``): exactly one part is a whole timestamp, the
    others are at most four words with no sentence in them, or the list of sections the page files it under."""
    if len(line) > 120 or "|" not in line:
        return None
    parts = [p.strip() for p in line.split("|")]
    if not all(parts):
        return None
    stamps = [s for s in (parse_timestamp_line(p) for p in parts) if s is not None]
    labels = [p for p in parts if parse_timestamp_line(p) is None]
    if len(stamps) != 1 or any((len(p.split()) > 4 or re.search(r"[.!?]\s", p)) and not _FILED_IN_RE.match(p)
                               for p in labels):
        return None
    return Published(value=stamps[0].value, precision=stamps[0].precision, evidence=f"text:{line.strip()}")


def is_update_time(line: str) -> bool:
    """A time-only update stamp (``Updated at 1:23 p.m.``): page metadata, though it dates nothing."""
    return bool(_UPDATE_TIME_RE.match(line.strip()))


def parse_metadata_date(value: str | None, field: str) -> Published | None:
    """An ISO-ish container date (``2024-11-28``, ``2024-11-28 15:09:00``, ``2024-11-28T15:09:00Z``)."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_RE.match(value)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        try:
            if m[4]:
                dt = datetime(year, month, day, int(m[4]), int(m[5]), int(m[6] or 0))
                zone = m[7] or ""
                if zone and zone != "Z" and ":" not in zone:
                    zone = zone[:3] + ":" + zone[3:]
                iso = dt.isoformat() + ("+00:00" if zone == "Z" else zone)
                return Published(value=iso, precision="datetime", evidence=f"metadata:{field}")
            datetime(year, month, day)
        except ValueError:
            return None
        return Published(value=f"{year:04d}-{month:02d}-{day:02d}", precision="day", evidence=f"metadata:{field}")
    stamp = parse_timestamp_line(value)
    if stamp is not None:
        return Published(value=stamp.value, precision=stamp.precision, evidence=f"metadata:{field}")
    return None


# The dates a URL's path may carry ("/2017/09/19/", "-2017-09-19-"), read by htmldate (trafilatura's own date
# finder) between these bounds: earlier is no news site's archive, later is a path number, not a date.
_URL_DATES = Extractor(extensive=False, max=datetime(2099, 12, 31), min=datetime(1995, 1, 1),
                       original=True, format="%Y-%m-%d")


# The year and the month and day as one path segment ("/n3/2021/0924/"), a form htmldate does not read.
_URL_YEAR_MONTHDAY = re.compile(r"/((?:199|20[0-9])[0-9])/([01][0-9])([0-3][0-9])/")
_URL_DAY_MONTH_YEAR = re.compile(rf"/(\d{{1,2}})-({_MONTH_RE})-((?:19|20)\d{{2}})(?=[/_-]|$)", re.I)


def parse_url_date(url: str | None) -> Published | None:
    """The day a news URL's path gives (``/2017/09/19/``, ``/2021/0924/``): the last resort for a report that
    carries no other date (sites put the first publication's day in the path)."""
    if not url:
        return None
    found = extract_url_date(url, _URL_DATES)
    if found is None and (m := _URL_YEAR_MONTHDAY.search(url)) is not None:
        try:
            found = datetime(int(m[1]), int(m[2]), int(m[3])).strftime("%Y-%m-%d")
        except ValueError:
            found = None
    if found is None and (m := _URL_DAY_MONTH_YEAR.search(url)) is not None:  # "/30-Jan-2023/"
        try:
            found = datetime(int(m[3]), MONTHS[m[2].lower()], int(m[1])).strftime("%Y-%m-%d")
        except ValueError:
            found = None
    return Published(value=found, precision="day", evidence=f"url:{url}") if found else None


# -- bylines, sections, credits ---------------------------------------------------------------
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|(?:de|van|von|der|al|el|da|di|le|la|bin|ibn)(?:-\w+)?)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
_BYLINE_RE = re.compile(
    rf"^(?:by|written by|reporting by|reported by|words by|author)\s*:?\s+({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
    r"(?:\s*(?:,|\||-|–|—|/|for|in)\s*(.{1,50}))?$", re.I)
_SECTION_RE = re.compile(r"^(?i:in|section|category|categories|filed under|posted in|topic|topics)\s*:?\s+"
                         r"([A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,2})$")
_CREDIT_RE = re.compile(
    r"^(?:original(?:ly)?\s+(?:source|published|posted|appeared)(?:\s+(?:at|on|in|by))?|source|sources|via|"
    r"courtesy(?:\s+of)?|credit|this (?:article|story|report) (?:was\s+)?(?:originally\s+)?"
    r"(?:appeared|published|posted)(?:\s+(?:at|on|in|by))?|"
    r"(?:this (?:article|story|report) (?:was|is)\s+)?based\s+on\s+(?:reporting|a\s+report|reports)\s+(?:by|from))"
    r"\s*[:\-–]?\s+(.{2,80})$", re.I)
_NOT_NAMES = WEEKDAYS | set(MONTHS) | {"the", "a", "an", "this", "that", "then", "now", "today", "tonight",
                                       "yesterday", "tomorrow", "late", "early", "noon", "midnight"}


def _names_ok(names: str) -> bool:
    first = re.split(r"[\s,]+", names.strip())[0].lower().rstrip(".")
    return first not in _NOT_NAMES


def parse_byline(line: str) -> str | None:
    """``By Jane Doe`` / ``By Jane Doe and John Roe, Reuters`` -> the name(s); else None."""
    if len(line) > 100 or (line.rstrip().endswith((".", "!", "?")) and not re.search(r"\b[A-Z]\.$", line)):
        return None
    m = _BYLINE_RE.match(line.strip())
    if not m or not _names_ok(m[1]):
        return None
    return m[1].strip()


def parse_name_and_outlet(line: str) -> str | None:
    """``Jane Doe, Example.com``: a name and the outlet's web address, as a byline; else None."""
    head, comma, tail = line.strip().partition(",")
    if not comma or not looks_like_name(head) or normalise_host(tail.strip()) is None or " " in tail.strip():
        return None
    return head.strip()


def looks_like_name(line: str) -> bool:
    """A short line that is only capitalised words (``Myind Staff``, ``Jane Doe``): a byline candidate."""
    words = line.split()
    if not 2 <= len(words) <= 5 or re.search(r"[\d.!?:;,]$|\d", line):
        return False
    return all(re.fullmatch(_NAME_WORD, w) for w in words) and _names_ok(line)


def parse_section(line: str) -> str | None:
    m = _SECTION_RE.match(line.strip())
    return m[1].strip() if m else None


def parse_credit(line: str) -> tuple[str, str] | None:
    """A source credit line -> (original_source, what was written); else None.
    ``original_source`` is the host (``bbc.com``) when the credit names one, else the name as written."""
    if len(line) > 120 or len(line.split()) > 12:
        return None
    m = _CREDIT_RE.match(line.strip())
    if not m:
        return None
    value = m[1].strip().rstrip(".")
    host = _HOST_RE.search(value)
    if host:
        return normalise_host(host[0]) or host[1].lower(), value
    strong = re.match(r"^(?:original|this (?:article|story|report)|based on)", line.strip(), re.I)
    if strong and len(value.split()) <= 4 and value[:1].isupper() and not value.endswith(("?", "!")):
        return value, value
    return None
