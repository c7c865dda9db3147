"""The event record's date and place against the 5W1H gold "when" and "where" of 96 news articles.

Run: ``python benchmarks/five_w_event.py``. Reads ``../shared/data/five-w-one-h-gold/*.json`` at run
time; writes ``benchmarks/results/five_w_event.json``.

How: every article runs through the real pipeline (one store per article: one article = one story, so
clustering cannot blur the comparison) and the story's event record is read back.

Gold: ``when``: the first ``fiveWoneH.when.annotated[]`` item with a ``parsed`` date; ``where``: the
texts of ``fiveWoneH.where.annotated[]`` (articles without them are skipped for that score).

Scores:

* when, exact / within one day: the record's ``date`` against the gold date; the publication date
  (``date_publish``) is the baseline.
* where, place: the record's place name (or an alternate spelling, accents folded) occurs in a gold
  ``where`` text or the other way round (a town named by the annotators).
* where, any level: the place name, its admin1 or its country occurs in a gold ``where`` text or a
  gold text names it (the right area, perhaps less specific than the annotators).

A gold ``where`` that names a building rather than a place ("at the White House") is matched by the
town it stands in (``LANDMARKS``): the record gives places, and a town called like the building
elsewhere (White House, Tennessee) is no match.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "five-w-one-h-gold"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "src"))

from crosswire import records as r  # noqa: E402


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat((iso or "")[:10])
    except ValueError:
        return None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = " ".join(text.replace("-", " ").replace(",", " ").split())
    return re.sub(r" i (?=\w)", " e ", text)  # ezafe spelled -i- or -e-: Mazar-i-Sharif, Mazar-e Sharif


def _contains(a: str, b: str) -> bool:
    a, b = _fold(a), _fold(b)
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


ALIASES = {"united states": ("us", "u.s.", "america", "usa"), "united kingdom": ("uk", "u.k.", "britain", "england")}


LANDMARKS = {"white house": ("washington", "district of columbia")}


def _gold(x: dict) -> list[str]:
    """The gold ``where`` texts, a building's town for a building (``LANDMARKS``) instead of the building."""
    out = []
    for g in x["gold_where"]:
        towns = [t for k, ts in LANDMARKS.items() if k in _fold(g) for t in ts]
        out.extend(towns or [g])
    return out


def _names(name: str | None) -> list[str]:
    if not name:
        return []
    return [name, *ALIASES.get(_fold(name), ())]


def by_pipeline(path: Path) -> r.EventRecord | None:
    from crosswire.pipeline import run
    from crosswire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "one.db")
        run([str(path)], db=db)
        with Store(db) as store:
            stories = store.stories()
            brief = store.brief(stories[0].id) if stories else None
    return brief.event if brief else None


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    files = sorted(GOLD.glob("*.json"))
    if not files:
        raise SystemExit(f"missing {GOLD}")
    rows = []
    t0 = time.perf_counter()
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        w = doc["fiveWoneH"]
        gold_when = next((a["parsed"][:10] for a in w["when"].get("annotated", []) if a.get("parsed")), None)
        gold_where = [a["text"] for a in w["where"].get("annotated", []) if a.get("text")]
        event = by_pipeline(path)
        place = event.place if event else None
        rows.append({
            "id": path.stem, "category": doc.get("category"), "gold_when": gold_when, "gold_where": gold_where,
            "published": (doc.get("date_publish") or "")[:10] or None,
            "date": event.date if event else None, "date_evidence": event.date_evidence if event else None,
            "place": place.name if place else None, "admin1": place.admin1 if place else None,
            "country": place.country if place else None, "precision": place.precision if place else None,
            "type": event.type if event else None,
        })
    elapsed = time.perf_counter() - t0
    table = score(rows)
    print(f"{len(rows)} articles through the pipeline in {elapsed:.1f} s\n")
    print(f"{'measure':<34} {'n':>4} {'hits':>5} {'rate':>7}")
    for t in table:
        print(f"{t['measure']:<34} {t['n']:>4} {t['hits']:>5} {t['rate']:>7.1%}")
    by_category = categories(rows)
    print(f"\n{'category':<22} {'n':>3} {'when record':>12} {'when published':>15} {'where any':>10}")
    for c in by_category:
        print(f"{c['category']:<22} {c['n']:>3} {c['when_exact']:>12} {c['published_exact']:>15} {c['where_any']:>10}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "five_w_event.json"
    out.write_text(json.dumps({"seconds": round(elapsed, 2), "table": table,
                                "categories": by_category, "rows": rows}, indent=1),
                   encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT)}")


def _where_any(x: dict) -> bool:
    return any(_contains(n, g) for f in ("place", "admin1", "country") for n in _names(x[f]) for g in _gold(x))


def categories(rows: list[dict]) -> list[dict]:
    """Exact-day hits of the record and of the publication date, and any-level place hits, per topic."""
    out = []
    for cat in sorted({x["category"] or "" for x in rows}):
        xs = [x for x in rows if (x["category"] or "") == cat and _day(x["gold_when"])]
        if not xs:
            continue
        out.append({
            "category": cat, "n": len(xs),
            "when_exact": sum(1 for x in xs if _day(x["date"]) == _day(x["gold_when"])),
            "published_exact": sum(1 for x in xs if _day(x["published"]) == _day(x["gold_when"])),
            "where_any": f"{sum(1 for x in xs if x['gold_where'] and _where_any(x))}/"
                         f"{sum(1 for x in xs if x['gold_where'])}",
        })
    return out


def score(rows: list[dict]) -> list[dict]:
    def rate(name: str, hits: int, n: int) -> dict:
        return {"measure": name, "n": n, "hits": hits, "rate": round(hits / n, 3) if n else 0.0}

    dated = [x for x in rows if _day(x["gold_when"])]
    table = []
    for field, label in (("date", "when: event record"), ("published", "when: publication date (baseline)")):
        exact = sum(1 for x in dated if _day(x[field]) == _day(x["gold_when"]))
        near = sum(1 for x in dated if _day(x[field]) and abs((_day(x[field]) - _day(x["gold_when"])).days) <= 1)
        table += [rate(f"{label}, exact", exact, len(dated)), rate(f"{label}, ±1 day", near, len(dated))]
    placed = [x for x in rows if x["gold_where"]]
    exact = sum(1 for x in placed if any(_contains(n, g) for n in _names(x["place"]) for g in _gold(x)))
    any_level = sum(1 for x in placed if _where_any(x))
    has_place = sum(1 for x in placed if x["place"])
    table += [rate("where: a place given", has_place, len(placed)),
              rate("where: place matches gold", exact, len(placed)),
              rate("where: place/admin1/country matches", any_level, len(placed))]
    return table


if __name__ == "__main__":
    main()
