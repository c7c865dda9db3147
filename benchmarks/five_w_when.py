"""When did the main event happen? Against the 5W1H gold "when" of 96 news articles.

Run: ``python benchmarks/five_w_when.py``. Reads ``../shared/data/five-w-one-h-gold/*.json`` at run
time; writes ``benchmarks/results/five_w_when.json``.

Gold: the first ``fiveWoneH.when.annotated[]`` item that has a ``parsed`` date (articles without
one are counted as skipped). Reference: ``date_publish``.

Strategies compared (all from :func:`dated_events` / :func:`date_mentions` over title + text):

* ``published``: the publication date itself (the baseline every news engine starts from).
* ``lead-event``: the first day-precision dated event in the lead (title + first 4 sentences),
  else the first day-precision date mention in the lead, else the publication date.
* ``any-event``: the first day-precision dated event anywhere, else the publication date.
* ``lead-recent``: as ``lead-event`` but only dates in the week up to the publication date count
  (breaking news reports what just happened; older dates in the lead are background), else the
  publication date.
* ``record``: the event record's date (:func:`crosswire.event.event_record` over the article's
  entities and dated events, without claims or facts): each dated event scored on where it sits,
  what it is attached to (the event's words, a report verb, a relative clause, a follow-up), else
  the publication date. ``benchmarks/five_w_event.py`` measures the same through the pipeline.

Scores: exact day match, and within one day (a report's "late Tuesday" vs a next-day
timestamp, time zones).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "five-w-one-h-gold"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "src"))

from crosswire.event import event_record  # noqa: E402
from crosswire.extract.entities import entities  # noqa: E402
from crosswire.extract.sentences import sentences  # noqa: E402
from crosswire.extract.time import date_mentions, dated_events  # noqa: E402
from crosswire.records import Article, Extraction, Published, Story  # noqa: E402

LEAD_SENTENCES = 4
RECENT_DAYS = 7


def _day(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def predict(article: Article, spans: list[tuple[int, int]]) -> dict[str, str | None]:
    published = article.published.value
    events = [e for e in dated_events(article, spans) if e.precision in ("day", "datetime")]
    lead_end = spans[min(LEAD_SENTENCES, len(spans)) - 1][1] if spans else 0
    lead_events = [e for e in events if e.span[0] < lead_end]
    lead_mentions = [
        m for m in date_mentions(article.text[:lead_end], published) if m.precision in ("day", "datetime")
    ]
    if lead_events:
        lead = lead_events[0].date
    elif lead_mentions:
        lead = lead_mentions[0].date
    else:
        lead = published
    ref = _day(published or "")

    def is_recent(iso: str) -> bool:
        d = _day(iso)
        return bool(ref and d and 0 <= (ref - d).days <= RECENT_DAYS)

    recent = [e.date for e in lead_events if is_recent(e.date)] + [
        m.date for m in lead_mentions if is_recent(m.date)]
    extraction = Extraction(article.id, (), entities(article, spans), dated_events(article, spans))
    record = event_record(Story(id=article.id, article_ids=(article.id,), headline=article.title or ""), [],
                          {article.id: article}, {article.id: extraction}, [])
    return {
        "published": published,
        "lead-event": lead,
        "any-event": events[0].date if events else published,
        "lead-recent": recent[0] if recent else published,
        "record": record.date,
    }


def main() -> None:
    files = sorted(GOLD.glob("*.json"))
    if not files:
        raise SystemExit(f"missing {GOLD}")
    rows = []
    skipped = 0
    t0 = time.perf_counter()
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        gold = next((a["parsed"] for a in doc["fiveWoneH"]["when"].get("annotated", []) if a.get("parsed")), None)
        if not gold or not _day(doc.get("date_publish") or ""):
            skipped += 1
            continue
        paragraphs = tuple(p.strip() for p in [doc.get("title") or "", *(doc.get("text") or "").split("\n")]
                           if p.strip())
        article = Article(id=path.stem, document_id=path.stem, origin=str(path), paragraphs=paragraphs,
                          title=doc.get("title"),
                          published=Published(doc["date_publish"][:10], "day", "metadata:date_publish"))
        guesses = predict(article, sentences(article.text))
        rows.append({"id": path.stem, "gold": gold[:10], "published": doc["date_publish"][:10], **guesses})
    elapsed = time.perf_counter() - t0
    strategies = ("published", "lead-event", "any-event", "lead-recent", "record")
    table = []
    for s in strategies:
        exact = within = 0
        for r in rows:
            g, p = _day(r["gold"]), _day(r[s] or "")
            if g and p:
                exact += g == p
                within += abs((g - p).days) <= 1
        n = len(rows)
        table.append({"strategy": s, "articles": n, "exact": exact, "exact_rate": round(exact / n, 3),
                      "within_1_day": within, "within_1_day_rate": round(within / n, 3)})
    print(f"{'strategy':<13} {'articles':>8} {'exact':>6} {'rate':>6} {'±1 day':>7} {'rate':>6}")
    for t in table:
        print(f"{t['strategy']:<13} {t['articles']:>8} {t['exact']:>6} {t['exact_rate']:>6.1%} "
              f"{t['within_1_day']:>7} {t['within_1_day_rate']:>6.1%}")
    print(f"\nskipped (no parsed gold or no publication date): {skipped}; "
          f"{len(rows)} articles in {elapsed * 1000:.0f} ms ({len(rows) / elapsed:.0f} articles/s)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "five_w_when.json").write_text(json.dumps({"table": table, "skipped": skipped, "rows": rows},
                                                         indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
