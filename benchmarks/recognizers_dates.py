"""Date resolution against Microsoft Recognizers-Text's English DateTime specs.

Run: ``python benchmarks/recognizers_dates.py``. Reads ``../shared/data/recognizers-specs-en/DateTime/``
at run time; writes ``benchmarks/results/recognizers_dates.json``.

What is scored (the filter, stated once):

* ``DateParser.json`` cases whose gold is one ``date`` (a single day). The gold compared is the
  spec's ``PastResolution``: a news report looks back, and crosswire resolves toward the past;
  but when the sentence itself speaks of the future ("I'll go back on Friday", ``_SENTENCE_FUTURE``)
  it is the spec's ``FutureResolution``, as a reader (and crosswire) takes it.
  A case passes when a mention from :func:`date_mentions` (reference = the case's
  ``ReferenceDateTime``, 2016-11-07 when absent) overlaps the gold text and has the gold date.
* ``DatePeriodParser.json`` cases whose gold is a whole year, month or ISO week (Timex ``YYYY``,
  ``YYYY-MM``, ``YYYY-Www``): a pass is the same year / month, or a week-precision mention whose
  Monday is the gold week's start.

"news" rows keep only the expressions a news report writes about the past: written-out dates
with a month name or a four-digit-year numeric date, weekdays ("on Friday", "last Sunday"),
today / yesterday / the day before yesterday, "N days/years ago", month-year, years, and
"last/this/past week/month/year" with early/late. Left out of "news" (still counted in "all"):
future and planning expressions (tomorrow, next ..., from now, later, "this Friday" meaning
the coming one), bare days of the month ("on 15", "the 27th"), ordinal weekdays ("the first
Friday of July"), spelled-out day numbers ("May twenty-first"), numeric dates without a
four-digit year ("4/22", "21/04/16"), and chat phrasing ("my day", "the day", "last day").
"""

from __future__ import annotations

import json
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SPECS = SHARED / "data" / "recognizers-specs-en" / "DateTime"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "src"))

from crosswire.extract.time import DateMention, date_mentions  # noqa: E402

DEFAULT_REFERENCE = "2016-11-07"

_FUTURE = re.compile(r"\b(?:tomorrow|tmrw|next|from now|later|after|coming|upcoming|this\s+\w+day|"
                     r"this week \w+day|in \d+ weeks|in (?:\w+ )?business days)\b", re.I)
_EXCLUDED = re.compile(
    r"^(?:on\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?$|"  # a bare day of the month
    r"\b(?:first|second|third|fourth|fifth|last)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"  # ordinal weekday
    r"\b(?:twenty|thirty|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"fifteen|one|two thousand|nineteen)\b(?!\s+(?:days?|weeks?|months?|years?)\s+ago)|"  # spelled-out numbers
    r"^\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.,]\d{2}$|[A-Za-z]\d|[A-Za-z]{3}[-/]\d|"  # no 4-digit year
    r"\b(?:my day|the day|this day|last day|past day|the last day)\b|\d+ \w+,? (?:and )?\d+ \w+ ago|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day the\b|\b(?:from|before) yesterday\b|"
    r"\b(?:first|second|third|fourth) (?:week|quarter)\b|\bQ\d|H\d|\bweekend\b|\brest\b",
    re.I,
)
_NEWS_PERIOD = re.compile(
    r"^(?:(?:early|late|mid)\s+)?(?:last|this|past|previous)\s+(?:week|month|year)$|"
    r"^(?:[A-Za-z]+\.?,?\s+)?(?:19|20)\d\d$|^(?:in\s+)?(?:19|20)\d\d$",
    re.I,
)


def _load(name: str) -> list[dict]:
    return json.loads((SPECS / name).read_text(encoding="utf-8-sig"))


def _overlaps(m: DateMention, start: int, length: int) -> bool:
    return m.span[0] < start + length and start < m.span[1]


def _reference(case: dict) -> str:
    return (case.get("Context") or {}).get("ReferenceDateTime", DEFAULT_REFERENCE)[:10]


_SENTENCE_FUTURE = re.compile(r"\b(?:will|shall|going\s+to)\b|\w'll\b", re.I)


def _news_date(text: str) -> bool:
    return not _FUTURE.search(text) and not _EXCLUDED.search(text)


def run_dates() -> list[dict]:
    rows = []
    for case in _load("DateParser.json"):
        results = case.get("Results") or []
        if len(results) != 1 or results[0].get("Type") != "date":
            continue
        gold = results[0]
        side = "FutureResolution" if _SENTENCE_FUTURE.search(case["Input"]) else "PastResolution"
        past = (gold.get("Value") or {}).get(side, {}).get("date")
        if not past or past.startswith("0001"):
            continue
        found = date_mentions(case["Input"], _reference(case))
        hit = [m for m in found if _overlaps(m, gold["Start"], gold["Length"])]
        ok = any(m.date[:10] == past and m.precision in ("day", "datetime") for m in hit)
        rows.append({"input": case["Input"], "text": gold["Text"], "gold": past, "found": [m.date for m in hit],
                     "ok": ok, "news": _news_date(gold["Text"])})
    return rows


def run_periods() -> list[dict]:
    rows = []
    for case in _load("DatePeriodParser.json"):
        results = case.get("Results") or []
        if len(results) != 1:
            continue
        gold = results[0]
        timex = (gold.get("Value") or {}).get("Timex", "")
        past = (gold.get("Value") or {}).get("PastResolution") or {}
        if not re.fullmatch(r"\d{4}(?:-\d{2}|-W\d{2})?", timex) or "startDate" not in past:
            continue
        found = date_mentions(case["Input"], _reference(case))
        hit = [m for m in found if _overlaps(m, gold["Start"], gold["Length"])]
        if "-W" in timex:
            monday = date.fromisocalendar(int(timex[:4]), int(timex[6:]), 1).isoformat()
            ok = any(m.precision == "week" and m.date == monday for m in hit)
        else:
            ok = any(m.date == timex for m in hit)
        news = bool(_NEWS_PERIOD.match(gold["Text"].strip())) and not _FUTURE.search(gold["Text"])
        rows.append({"input": case["Input"], "text": gold["Text"], "gold": timex, "found": [m.date for m in hit],
                     "ok": ok, "news": news})
    return rows


def _rate(rows: list[dict]) -> tuple[int, int, float]:
    n = len(rows)
    k = sum(r["ok"] for r in rows)
    return k, n, (k / n if n else 0.0)


def main() -> None:
    if not SPECS.is_dir():
        raise SystemExit(f"missing {SPECS}")
    t0 = time.perf_counter()
    dates = run_dates()
    periods = run_periods()
    elapsed = time.perf_counter() - t0
    table = []
    for label, rows in (("date (single day)", dates), ("daterange (year/month/week)", periods),
                        ("both", dates + periods)):
        for scope in ("news", "all"):
            sel = [r for r in rows if r["news"]] if scope == "news" else rows
            k, n, rate = _rate(sel)
            table.append({"set": label, "scope": scope, "passed": k, "cases": n, "rate": round(rate, 3)})
    print(f"{'set':<30} {'scope':<6} {'passed':>6} {'cases':>6} {'rate':>6}")
    for row in table:
        print(f"{row['set']:<30} {row['scope']:<6} {row['passed']:>6} {row['cases']:>6} {row['rate']:>6.1%}")
    misses = [r for r in dates + periods if r["news"] and not r["ok"]]
    print(f"\nnews-scope misses ({len(misses)}):")
    for r in misses:
        print(f"  {r['text']!r}: gold {r['gold']}, found {r['found']}")
    print(f"\n{len(dates) + len(periods)} cases in {elapsed * 1000:.0f} ms; reference default {DEFAULT_REFERENCE}; "
          f"run on {date.today().isoformat()}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "recognizers_dates.json").write_text(
        json.dumps({"table": table, "misses": misses, "dates": dates, "periods": periods}, indent=1),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
