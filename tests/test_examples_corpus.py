"""The bundled example corpus: every file ingests, in the formats and counts its README promises."""

from __future__ import annotations

import json
from collections import Counter

from crosswire import examples
from crosswire.ingest import ingest
from crosswire.records import Document, Failed


def _items() -> list[Document | Failed]:
    return list(ingest([str(examples.path())]))


def test_path_is_the_reports_folder() -> None:
    folder = examples.path()
    assert folder.is_dir()
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 8 and all(n.startswith("2025-04-1") for n in names)
    assert (folder.parent / "README.md").is_file()


def test_every_file_ingests_without_failure() -> None:
    items = _items()
    assert [i for i in items if isinstance(i, Failed)] == []
    assert len(items) == 10
    assert Counter(d.media_type for d in items) == {"text/plain": 5, "text/html": 1,
                                                    "application/x-newsplease+json": 2,
                                                    "application/x-feed-entry+json": 2}
    assert len({d.id for d in items}) == 10


def test_text_documents_are_utf8_news_pages_of_the_promised_length() -> None:
    for doc in _items():
        if doc.media_type == "text/plain":
            text = doc.raw.decode("utf-8")
        elif doc.media_type == "application/x-newsplease+json":
            text = json.loads(doc.raw)["maintext"]
        elif doc.media_type == "application/x-feed-entry+json":
            text = json.loads(doc.raw)["content"]
        else:
            text = doc.raw.decode("utf-8")
        words = len(text.split())
        assert 100 <= words <= 700, (doc.origin, words)


def test_corpus_carries_what_the_demo_needs() -> None:
    items = {d.origin.rsplit("/", 1)[-1]: d for d in _items()}
    courier = items["2025-04-15_valley-courier_selbra-flood.txt"].raw.decode()
    headline = "Dam bursts above Selbra: 12 dead as floodwater tears through lower town"
    assert courier.count(headline + "\n") == 2
    radio = items["2025-04-16_radio-oster_death-toll-rises.txt"].raw.decode()
    lines = [line for line in radio.splitlines() if len(line) > 80]
    assert len(lines) - len(set(lines)) == 1  # one paragraph repeated verbatim
    assert "9 kilometres" in radio and "(9 miles)" not in radio
    wire = items["2025-04-15_meridian-wire_dam-failure.txt"].raw.decode()
    sentinel = items["2025-04-15_daily-sentinel_dam-failure.txt"].raw.decode()
    body = [line for line in wire.splitlines() if len(line) > 120]
    assert len(body) >= 7 and all(line in sentinel for line in body)  # the syndicated copy
    assert "Original Source: Meridian Wire" in sentinel
    farm = items["2025-04-16_topstory-daily_dam-collapse.txt"].raw.decode()
    assert "based on reporting by Meridian Wire" in farm and not any(line in farm for line in body)
    feed = items["2025-04-17_continental-broadcast_feed.xml#entry-1"]
    assert "More than 40" in json.loads(feed.raw)["content"]
    assert feed.hint("date_publish") == "2025-04-17T11:20:00Z"
    jsonl = items["2025-04-17_globalreport_newsplease.jsonl#L2"]
    assert jsonl.hint("source_domain") == "globalreport.example"
    assert "41 bodies" in json.loads(jsonl.raw)["maintext"]
    html = items["2025-04-16_northern-herald_selbra-toll.html"].raw.decode()
    assert 'property="article:published_time"' in html and "on 14 April" in html and "4,500" in html
    assert "1,200" in radio


def test_the_demo_finds_what_the_corpus_readme_promises(tmp_path) -> None:
    """examples/README.md, "What a correct run finds", end to end over the bundled corpus."""
    import crosswire

    crosswire.run([str(examples.path())], db=str(tmp_path / "demo.db"))
    with crosswire.Store(str(tmp_path / "demo.db"), readonly=True) as store:
        export = crosswire.export_document(store)
    origin = {a["id"]: a["origin"].rsplit("/", 1)[-1] for a in export["articles"]}
    assert sorted(len(s["article_ids"]) for s in export["stories"]) == [2, 8]
    dam = next(s for s in export["stories"] if len(s["article_ids"]) == 8)
    coach = next(s for s in export["stories"] if len(s["article_ids"]) == 2)
    src = {origin[s["article_id"]]: s for s in dam["sources"]}
    meridian = next(a for a, o in origin.items() if o.startswith("2025-04-15_meridian"))
    assert src["2025-04-15_daily-sentinel_dam-failure.txt"]["duplicate_of"] == meridian
    assert not src["2025-04-16_topstory-daily_dam-collapse.txt"]["independent"]  # a rewrite crediting Meridian
    assert all(s["independent"] for o, s in src.items() if "sentinel" not in o and "topstory" not in o)
    facts = {f["key"]: f for f in dam["facts"]}
    killed, injured = facts["killed:people:person"], facts["injured:people:person"]
    assert killed["status"] == "update" and killed["best"] >= 41 and "27" in killed["explanation"]
    assert injured["status"] == "update" and injured["best"] >= 61
    assert killed["independent_sources"] <= dam["independent_sources"]
    radio = next(a for a, o in origin.items() if o.startswith("2025-04-16_radio-oster"))
    distance = next(f for f in dam["facts"] if f["measure"] == "distance" and f["status"] == "conflict")
    assert distance["outliers"] == [radio] and 14 <= distance["best"] <= 16
    evacuated = next(f for f in dam["facts"] if f["measure"] == "evacuated" and f["subject"] == "people")
    assert evacuated["status"] == "conflict" and evacuated["outliers"] == [radio]
    assert dam["event"]["date"] == "2025-04-14" and dam["event"]["killed"]["best"] >= 41
    coach_facts = {f["key"]: f for f in coach["facts"]}
    assert coach["independent_sources"] == 2
    for key, best in (("killed:people:person", 6), ("injured:people:person", 14)):
        assert (coach_facts[key]["status"], coach_facts[key]["best"]) == ("agree", best)
    kept = "\n".join(a["text"] for a in export["articles"])
    for chrome in ("Comments (", "Comments are closed", "© Radio Oster", "Copyright 2025 TopStory", "Most read",
                   "1. Dam bursts above Selbra", "10 Things You Didn't Know"):
        assert chrome not in kept, chrome
