"""The acceptance case end to end: `crosswire.run` over ../shared/seeds, judged against gold.json."""

import json
from pathlib import Path

import pytest

import crosswire
from crosswire.render import export_document

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "crosswire" / "examples" / "reports"
GOLD = json.loads((SEEDS / "gold.json").read_text()) if SEEDS.exists() else {}


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    summary = crosswire.run(sorted(str(p) for p in SEEDS.glob("*.txt")), db=db)
    assert summary.ingested == 5 and not summary.failed
    with crosswire.Store(db, readonly=True) as store:
        return export_document(store)


def by_file(export: dict) -> dict[str, dict]:
    return {Path(a["origin"]).name[:3]: a for a in export["articles"]}


def facts(export: dict) -> list[dict]:
    (story,) = export["stories"]
    return story["facts"]


def test_one_story_of_five(export: dict) -> None:
    assert len(export["stories"]) == 1
    assert len(export["stories"][0]["article_ids"]) == 5


def test_metadata_lifted(export: dict) -> None:
    arts = by_file(export)
    assert arts["003"]["published"].startswith("2024-11-28") and arts["003"]["byline"] == "Myind Staff"
    assert arts["002"]["original_source"] == "bbc.com"
    for name, art in arts.items():  # undated pages are dated from their story, and say so
        gold = next(v["published"] for k, v in GOLD["articles"].items() if k.startswith(name))
        assert gold["not_before"] <= art["published"][:10] <= gold["not_after"], name
        assert art["published_evidence"]


def test_death_toll_is_an_update_current_from_004(export: dict) -> None:
    arts = by_file(export)
    toll = [f for f in facts(export) if f["measure"] == "killed" and f["status"] == "update"]
    assert len(toll) == 1, [(f["measure"], f["subject"], f["status"]) for f in facts(export)]
    fact = toll[0]
    reporting = {r["article"] for r in fact["reports"]}
    assert {arts[n]["id"] for n in ("000", "001", "004")} <= reporting
    current = next(r for r in fact["reports"] if r["claim_id"] == fact["current"])
    assert current["article"] == arts["004"]["id"] and current["low"] == 251
    assert fact["best"] >= 251
    # one monitor quoted by every outlet, once by description only ("a UK-based monitoring organization")
    named = {r["attributed_to"] for r in fact["reports"] if r["attributed_to"]}
    assert named == {"Syrian Observatory for Human Rights"} and fact["independent_sources"] == 1
    assert not [f for f in facts(export) if f["measure"] == "killed" and f["status"] == "conflict"
                and f["subject"] in ("people", "combatants")]


def test_distance_is_a_conflict_with_001_the_outlier(export: dict) -> None:
    arts = by_file(export)
    (dist,) = [f for f in facts(export) if f["measure"] == "distance"]
    assert dist["status"] == "conflict"
    assert dist["outliers"] == [arts["001"]["id"]]
    assert "mile" in dist["explanation"] and "kilomet" in dist["explanation"]
    others = {r["article"] for r in dist["reports"]} - set(dist["outliers"])
    assert others == {arts[n]["id"] for n in ("000", "002", "003")}


def test_idlib_displaced_conflict_and_captured_agree(export: dict) -> None:
    displaced = [f for f in facts(export) if f["measure"] == "displaced" and f["unit"] == "person"]
    assert len(displaced) == 1 and displaced[0]["status"] == "conflict"
    captured = [f for f in facts(export) if f["measure"] == "captured" and f["subject"] != "share"]
    assert len(captured) == 1 and captured[0]["status"] == "agree"
    assert len({r["article"] for r in captured[0]["reports"]}) >= 2


def test_timeline_and_summary(export: dict) -> None:
    (story,) = export["stories"]
    dates = {t["date"] for t in story["timeline"]}
    assert {t["date"] for t in GOLD["timeline"]} <= dates  # every gold date, states "since 2016" among them
    summary = story["summary"]
    assert 5 <= len(summary) <= 10
    cited = {a for s in summary for a in s["articles"]}
    assert len(cited) >= 4
    texts = [s["text"] for s in summary]
    assert len(set(texts)) == len(texts)


def test_every_span_points_at_real_text(export: dict) -> None:
    text = {a["id"]: a["text"] for a in export["articles"]}
    (story,) = export["stories"]
    for fact in story["facts"]:
        for rep in fact["reports"]:
            start, end = rep["span"]
            assert text[rep["article"]][start:end] == rep["text"]
    for item in [*story["summary"], *story["timeline"]]:
        for c in item["citations"]:
            start, end = c["span"]
            assert 0 <= start < end <= len(text[c["article"]])
    for s in story["summary"]:
        assert any(s["text"] in text[c["article"]] for c in s["citations"])


def test_event_record(export: dict) -> None:
    event = export["stories"][0]["event"]
    assert event["date"] == "2024-11-27"
    assert event["place"]["country"] == "Syria" and "Aleppo" in (event["place"]["admin1"] or "")
    assert event["place"]["lat"] and event["place"]["lon"]
    assert "Hayat Tahrir al-Sham" in event["actors"]
    assert any("Syrian government" in a for a in event["actors"])
    assert event["killed"]["low"] >= 251


def test_a_story_that_cannot_be_briefed_is_recorded_and_the_rest_go_on(tmp_path: Path, monkeypatch) -> None:
    from crosswire import pipeline
    from crosswire.store import Store

    real = pipeline.brief_story
    calls = {"n": 0}

    def flaky(store, story, options):  # the first story to be briefed fails, as a bug in a stage would
        calls["n"] += 1
        if calls["n"] == 1:
            raise ValueError("math domain error")
        return real(store, story, options)

    monkeypatch.setattr(pipeline, "brief_story", flaky)
    files = [str(p) for p in sorted(SEEDS.glob("0*.txt"))] + [str(EXAMPLES)]
    summary = pipeline.run(files, db=str(tmp_path / "x.db"))
    (fail,) = [f for f in summary.failed if f.stage == "brief"]
    assert fail.origin.startswith("story:") and "ValueError: math domain error" in fail.reason
    assert summary.briefs == summary.stories - 1  # every other story has its brief
    with Store(str(tmp_path / "x.db")) as store:
        assert any(f.stage == "brief" for f in store.failures())
    monkeypatch.setattr(pipeline, "brief_story", real)
    again = pipeline.run(files, db=str(tmp_path / "x.db"))  # the next run briefs it
    assert again.briefs == 1 and not [f for f in again.failed if f.stage == "brief"]


def test_names_of_one_thing_are_one_entity(export: dict) -> None:
    """gold.json's groups of names of one thing: every name crosswire lists as a person or organisation is
    under one entry (names written apart in different reports are merged over the story)."""
    (story,) = export["stories"]
    entry_of: dict[str, int] = {}
    for i, e in enumerate(story["entities"]):
        if e["kind"] in ("person", "organization"):
            for name in (e["name"], *e["aliases"]):
                entry_of[name] = i
    for group in GOLD["entities"]["same_entity_groups"]:
        found = {entry_of[n] for n in group if n in entry_of}
        assert len(found) <= 1, group
    assert entry_of.get("Hayat Tahrir") == entry_of.get("HTS") == entry_of.get("Hayat Tahrir al-Sham") is not None
    assert entry_of.get("UN") == entry_of.get("United Nations") is not None


def test_every_source_gold_says_the_reports_cite_is_listed(export: dict) -> None:
    (story,) = export["stories"]
    listed = [n.lower() for e in story["entities"] if e["kind"] == "source" for n in (e["name"], *e["aliases"])]
    for gold in GOLD["sources_cited"]:
        want = gold.split(" (")[0].lower()  # "Geir Pedersen (UN special envoy)"
        assert any(want in n or n in want for n in listed), (gold, listed)
