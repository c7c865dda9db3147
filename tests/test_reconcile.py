"""Reconcile: grouping claims into facts and judging them (seeds and other kinds of events)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crosswire.errors import ConfigError
from crosswire.reconcile import ReconcileOptions, interval, reconcile
from crosswire.records import Article, Claim, DatedEvent, Entity, Extraction, Published, Source, Story

# --- hand-built Extractions of the five seed articles, modelled on shared/seeds/gold.json -----------------
# The article text is read from shared/seeds at run time; every claim and event is located in it by a
# short phrase, so every span points at text really in the article. test_brief.py imports these.

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
PUBLISHED = {"000": "2024-11-27", "001": "2024-11-28", "002": "2024-11-28", "003": "2024-11-28", "004": "2024-11-29"}
SOHR = "Syrian Observatory for Human Rights"


def load_articles() -> dict[str, Article]:
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        aid = path.name[:3]
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        out[aid] = Article(id=aid, document_id=aid, origin=str(path), paragraphs=tuple(dict.fromkeys(lines)),
                           title=lines[0][:120], outlet=f"outlet-{aid}",
                           published=Published(value=PUBLISHED[aid], precision="day", evidence="user"))
    return out


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in re.finditer(r"[.!?]\s+|\n", text[:pos])]
    s = starts[-1] if starts else 0
    m = re.search(r"[.!?](\s|$)|\n", text[pos:])
    e = pos + m.start() + 1 if m else len(text)
    return s, e


class Maker:
    """Builds claims and events of one article by locating phrases in its text."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.claims: list[Claim] = []
        self.events: list[DatedEvent] = []
        self.entities: list[Entity] = []

    def claim(self, phrase: str, measure: str, subject: str, low: float | None, high: float | None,
              **kw: object) -> str:
        pos = self.text.find(phrase)
        assert pos >= 0, phrase
        s, e = sentence_at(self.text, pos)
        cid = f"{self.article.id}-c{len(self.claims)}"
        kw.setdefault("as_of", self.article.published.value)
        self.claims.append(Claim(id=cid, article_id=self.article.id, span=(pos, pos + len(phrase)),
                                 sentence=self.text[s:e], text=phrase, measure=measure, subject=subject,
                                 low=low, high=high, **kw))  # type: ignore[arg-type]
        return cid

    def event(self, phrase: str, date: str, precision: str, description: str) -> None:
        pos = self.text.find(phrase)
        assert pos >= 0, phrase
        s, e = sentence_at(self.text, pos)
        self.events.append(DatedEvent(article_id=self.article.id, span=(pos, pos + len(phrase)), sentence_span=(s, e),
                                      sentence=self.text[s:e], date=date, precision=precision, expression=phrase,
                                      description=description))

    def entity(self, name: str, kind: str, canonical: str) -> None:
        pos = self.text.find(name)
        assert pos >= 0, name
        self.entities.append(Entity(article_id=self.article.id, kind=kind, name=name, canonical=canonical,
                                    span=(pos, pos + len(name))))

    def extraction(self) -> Extraction:
        return Extraction(article_id=self.article.id, claims=tuple(self.claims), entities=tuple(self.entities),
                          events=tuple(self.events))


def seed_extractions(articles: dict[str, Article]) -> dict[str, Extraction]:
    m = {aid: Maker(a) for aid, a in articles.items()}
    a = m["000"]
    a.claim("At least 89 people", "killed", "people", 89, None, attributed_to=SOHR, as_of="2024-11-27")
    a.claim("scores of deaths", "killed", "people", 40, None, vague=True)
    a.claim("approximately six miles", "distance", "rebels", 9.656, 9.656, approx=True, unit="km",
            original_unit="mile", original_value=6, place="Aleppo")
    a.event("2020 by Turkey and Russia", "2020", "year", "cease-fire brokered by Turkey and Russia")
    a.event("By Wednesday", "2024-11-27", "day", "rebels overtake Base 46")
    a.entity("Base 46", "place", "Base 46")
    b = m["001"]
    b.claim("130 combatants and civilians", "killed", "combatants and civilians", 130, 130, attributed_to=SOHR)
    b.claim("at least 13 villages", "captured", "rebels", 13, None, unit="village")
    b.claim("roughly two million people displaced", "displaced", "people", 2_000_000, 2_000_000, approx=True,
            place="Idlib")
    b.claim("only 6 kilometers from Aleppo", "distance", "rebels", 6, 6, unit="km", original_unit="km",
            original_value=6, attributed_to="Charles Lister", place="Aleppo")
    b.event("launched late Wednesday", "2024-11-27", "day", "offensive launched by Hayat Tahrir")
    b.event("began in 2011", "2011", "year", "civil war began")
    b.entity("Hayat Tahrir", "organization", "Hayat Tahrir al-Sham")
    c = m["002"]
    comb = c.claim("over 180 combatant fatalities", "killed", "combatants", 181, None, attributed_to=SOHR)
    c.claim("at least 19 civilian lives", "killed", "civilians", 19, None, attributed_to=SOHR)
    assert comb
    c.claim("more than half a million individuals", "killed", "people", 500_001, None)
    c.claim("over four million displaced people", "displaced", "people", 4_000_001, None, place="Idlib")
    c.claim("within 10 kilometers of Aleppo", "distance", "rebels", 10, 10, unit="km", original_unit="km",
            original_value=10, attributed_to="HTS", place="Aleppo")
    c.claim("nearly 7,000 families", "displaced", "families", None, 7000, approx=True, unit="family")
    c.claim("numerous towns and villages", "captured", "rebels", None, None, vague=True, unit="village")
    c.event("ceasefire established in 2020", "2020", "year", "ceasefire established by Turkey and Russia")
    c.event("ignited in 2011", "2011", "year", "civil war ignited")
    c.event("since the onset of their attack on Wednesday", "2024-11-27", "day", "offensive launched by HTS")
    c.entity("Hayat Tahrir al-Sham", "organization", "Hayat Tahrir al-Sham")
    c.entity("HTS", "organization", "Hayat Tahrir al-Sham")
    d = m["003"]
    d.claim("at least 10 areas", "captured", "rebels", 10, None, unit="area")
    d.claim("nearly 10 kilometres (6 miles)", "distance", "rebels", None, 10, approx=True, unit="km",
            original_unit="km", original_value=10, place="Aleppo")
    d.claim("hundreds of families", "displaced", "families", 200, 999, vague=True, unit="family", place="Idlib")
    d.event("launched a large-scale military operation on Wednesday", "2024-11-27", "day",
            "rebels launched a large-scale military operation")
    d.event("since March 2020", "2020-03", "month", "Russia and Turkey brokered a ceasefire")
    e = m["004"]
    tot = e.claim("over 250 combatants killed", "killed", "combatants", 251, None, attributed_to=SOHR)
    e.claim("at least 140 rebels", "killed", "rebels", 140, None, attributed_to=SOHR, parent=tot)
    e.claim("87 government soldiers", "killed", "soldiers", 87, 87, attributed_to=SOHR, parent=tot)
    e.claim("23 attacks on Idlib city", "attacks", "government", 23, 23, unit="attack", place="Idlib")
    e.event("breached the major city of Aleppo on Friday", "2024-11-29", "day",
            "rebels breached Aleppo and captured more than half of the city")
    e.event("which began Wednesday", "2024-11-27", "day", "rebel offensive began")
    e.entity("Hayat Tahrir al-Sham", "organization", "Hayat Tahrir al-Sham")
    return {aid: mk.extraction() for aid, mk in m.items()}


def seed_story(articles: dict[str, Article]) -> Story:
    return Story(id="seed", article_ids=tuple(sorted(articles)), headline="", first_seen="2024-11-27",
                 last_seen="2024-11-29")


# --- seeds -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_facts():
    if not SEEDS.exists():
        pytest.skip("shared seeds missing")
    arts = load_articles()
    ex = seed_extractions(arts)
    story = seed_story(arts)
    sources = [Source(article_id=a, outlet=arts[a].outlet, title=arts[a].title, published=arts[a].published.value)
               for a in story.article_ids]
    return arts, reconcile(story, list(ex.values()), sources)


def _fact_with(facts, text):
    hits = [f for f in facts if any(r.text == text for r in f.reports)]
    assert len(hits) == 1, (text, [f.key for f in hits])
    return hits[0]


def test_seed_overall_toll_is_one_update(seed_facts):
    _, facts = seed_facts
    toll = _fact_with(facts, "At least 89 people")
    assert toll.status == "update"
    arts = {r.article_id for r in toll.reports}
    assert {"000", "001", "002", "004"} <= arts
    assert toll.current and toll.current.startswith("004")
    assert toll.best == 251
    assert "89" in toll.explanation and "251" in toll.explanation and "000" in toll.explanation
    # the 002 total is the sum of its combatant and civilian parts, which are linked as parts
    assert any(r.article_id == "002" and r.low == 200 for r in toll.reports)
    civ = _fact_with(facts, "at least 19 civilian lives")
    assert civ.part_of == toll.key and civ.key in toll.parts and civ.status == "single-source"
    # one monitor quoted by every outlet counts once
    assert toll.independent_sources == 1


def test_seed_background_toll_is_separate(seed_facts):
    _, facts = seed_facts
    war = _fact_with(facts, "more than half a million individuals")
    toll = _fact_with(facts, "At least 89 people")
    assert war.key != toll.key and war.status == "single-source"


def test_seed_distance_conflict_names_outlier_and_unit_slip(seed_facts):
    _, facts = seed_facts
    dist = _fact_with(facts, "only 6 kilometers from Aleppo")
    assert dist.status == "conflict"
    assert dist.outliers == ("001",)
    assert {r.article_id for r in dist.reports} == {"000", "001", "002", "003"}
    assert "miles" in dist.explanation and "kilometres" in dist.explanation
    assert dist.best is not None and 9 <= dist.best <= 10.5


def test_seed_idlib_population_conflict_and_families_separate(seed_facts):
    _, facts = seed_facts
    pop = _fact_with(facts, "roughly two million people displaced")
    assert pop.status == "conflict"
    assert {r.article_id for r in pop.reports} == {"001", "002"}
    fam = _fact_with(facts, "nearly 7,000 families")
    assert fam.key != pop.key
    assert fam.status == "agree" and "hundreds of families" in fam.explanation


def test_seed_places_captured_agree(seed_facts):
    _, facts = seed_facts
    cap = _fact_with(facts, "at least 13 villages")
    assert cap.status == "agree"
    assert {r.article_id for r in cap.reports} >= {"001", "003"}
    assert "lower bounds" in cap.explanation


def test_seed_report_spans_point_into_articles(seed_facts):
    arts, facts = seed_facts
    for f in facts:
        for r in f.reports:
            for part in r.text.split(" ... "):
                assert part in arts[r.article_id].text[r.span[0]:r.span[1]]


# --- other kinds of events, hand-written reports in the style of wire copy --------------------------------

def _article(aid: str, text: str, published: str) -> Article:
    return Article(id=aid, document_id=aid, origin=aid, paragraphs=(text,), outlet=f"outlet {aid}",
                   published=Published(value=published, precision="day"))


def _run(specs, links=(), story_first="2025-03-01"):
    """specs: {aid: (text, published, [(phrase, measure, subject, low, high, kwargs, parent_phrase)])}."""
    exs = []
    for aid, (text, pub, claims) in specs.items():
        m = Maker(_article(aid, text, pub))
        ids: dict[str, str] = {}
        for phrase, measure, subject, low, high, kw, parent in claims:
            if parent:
                kw = {**kw, "parent": ids[parent]}
            ids[phrase] = m.claim(phrase, measure, subject, low, high, **kw)
        exs.append(m.extraction())
    story = Story(id="s", article_ids=tuple(specs), headline="h", first_seen=story_first)
    sources = [Source(article_id=a, outlet=f"outlet {a}", title=None, published=specs[a][1],
                      duplicate_of=dict(links).get(a)) for a in specs]
    return reconcile(story, exs, sources)


def _read(published: str, *paragraphs: str):
    """The facts of a one-article story as the pipeline makes them: the extract stage's claims of the article
    (its first paragraph the title), reconciled with the article's text at hand."""
    from crosswire.brief import sources_of
    from crosswire.extract import extract

    a = Article(id="a", document_id="a", origin="a.txt", outlet="x", title=paragraphs[0], paragraphs=paragraphs,
                published=Published(published, "day", "t"))
    story = Story(id="s", article_ids=("a",), headline=paragraphs[0], first_seen=published)
    return reconcile(story, [extract(a)], sources_of(story, {"a": a}, []), articles=[a])


def test_plane_crash_two_subjects_no_conflict():
    facts = _run({
        "a": ("A small plane crashed near the airport on Sunday and killed 10 from US, officials said.",
              "2025-03-02", [("killed 10 from US", "killed", "Americans", 10, 10, {}, None)]),
        "b": ("Ten Americans were among 12 dead when the aircraft went down, the airline said. "
              "10 Americans among 12 dead, the carrier confirmed.",
              "2025-03-02", [("12 dead", "killed", "people", 12, 12, {}, None),
                             ("10 Americans", "killed", "Americans", 10, 10, {}, "12 dead")]),
    })
    assert not [f for f in facts if f.status == "conflict"]
    americans = _fact_with(facts, "killed 10 from US")
    assert americans.status == "agree" and americans.subject == "americans"
    total = _fact_with(facts, "12 dead")
    assert total.key != americans.key and americans.part_of == total.key


def test_shooting_toll_rises_is_update():
    facts = _run({
        "a": ("At least three people were killed in a shooting at a shopping mall on Saturday, police said.",
              "2025-03-01", [("At least three people", "killed", "people", 3, None, {"as_of": "2025-03-01"}, None)]),
        "b": ("The death toll from the mall shooting rose to five people on Sunday after two victims died.",
              "2025-03-02", [("five people", "killed", "people", 5, 5, {"as_of": "2025-03-02"}, None)]),
        "c": ("Seven people have now died after the mall shooting, the hospital said on Monday.",
              "2025-03-03", [("Seven people", "killed", "people", 7, 7, {"as_of": "2025-03-03"}, None)]),
    })
    toll = _fact_with(facts, "Seven people")
    assert toll.status == "update" and toll.current.startswith("c") and toll.best == 7
    assert "rose from at least 3" in toll.explanation


def test_two_outlets_contradict():
    facts = _run({
        "a": ("Police said 20 people were killed in the blast at the market.", "2025-03-01",
              [("20 people", "killed", "people", 20, 20, {"attributed_to": "police"}, None)]),
        "b": ("Hospital officials said 45 people were killed in the blast at the market.", "2025-03-01",
              [("45 people", "killed", "people", 45, 45, {"attributed_to": "hospital officials"}, None)]),
    })
    f = _fact_with(facts, "20 people")
    assert f.status == "conflict" and "no majority" in f.explanation and f.outliers == ()


def test_order_of_magnitude_slip_and_copies_count_once():
    text = "The flood killed {} people in the valley, rescuers said."
    facts = _run({
        "a": (text.format(120), "2025-03-01", [("120 people", "killed", "people", 120, 120, {}, None)]),
        "b": (text.format(118), "2025-03-01", [("118 people", "killed", "people", 118, 118, {}, None)]),
        "c": (text.format(12), "2025-03-01", [("12 people", "killed", "people", 12, 12, {}, None)]),
        "d": (text.format(12), "2025-03-01", [("12 people", "killed", "people", 12, 12, {}, None)]),
    }, links=[("d", "c")])
    f = _fact_with(facts, "120 people")
    assert f.status == "conflict" and set(f.outliers) == {"c", "d"}
    assert "order of magnitude" in f.explanation
    assert f.independent_sources == 3


def test_approximate_values_agree_and_miles_convert():
    facts = _run({
        "a": ("Officials said about 300 homes were destroyed by the fire.", "2025-03-01",
              [("about 300 homes", "destroyed", "homes", 300, 300, {"approx": True, "unit": "home"}, None)]),
        "b": ("The fire destroyed 320 homes, the county said, about 10 km from town.", "2025-03-01",
              [("320 homes", "destroyed", "homes", 320, 320, {"unit": "home"}, None),
               ("about 10 km", "distance", "fire", 10, 10, {"approx": True, "unit": "km"}, None)]),
        "c": ("The blaze was 6 miles from town.", "2025-03-01",
              [("6 miles", "distance", "fire", 9.656, 9.656, {"unit": "km", "original_unit": "mile",
                                                              "original_value": 6}, None)]),
    })
    assert _fact_with(facts, "320 homes").status == "agree"
    assert _fact_with(facts, "6 miles").status == "agree"


def test_interval_nearly_is_just_below():
    from crosswire.records import Report
    r = Report(claim_id="x", article_id="a", text="nearly 10", span=(0, 9), low=None, high=10, approx=True,
               as_of=None, attributed_to=None, subject="people", unit="person")
    lo, hi = interval(r, ReconcileOptions())
    assert 8 <= lo < 10 and hi >= 10


def test_options_validated():
    with pytest.raises(ConfigError):
        ReconcileOptions(approx_tolerance=1.5)
    with pytest.raises(ConfigError):
        ReconcileOptions(background_ratio=0.5)


def test_empty_story():
    assert reconcile(Story(id="s", article_ids=("a",), headline=""), [Extraction(article_id="a")], []) == ()


def test_seed_end_to_end_with_extract(seed_facts):
    """The real extract stage over the seed texts, then reconcile: the gold judgements hold."""
    from crosswire.extract import extract

    arts, _ = seed_facts
    story = seed_story(arts)
    sources = [Source(article_id=a, outlet=arts[a].outlet, title=None, published=arts[a].published.value)
               for a in story.article_ids]
    facts = reconcile(story, [extract(arts[a]) for a in story.article_ids], sources)

    def fact_of(article: str, phrase: str):
        hits = [f for f in facts if any(r.article_id == article and phrase in r.text for r in f.reports)]
        assert len(hits) == 1, (article, phrase, [(f.key, [r.text for r in f.reports]) for f in facts])
        return hits[0]

    toll = fact_of("000", "89")
    assert toll.status == "update" and toll.current and any(
        r.claim_id == toll.current and r.article_id == "004" for r in toll.reports)
    assert {"000", "001", "002", "004"} <= {r.article_id for r in toll.reports}
    dist = fact_of("001", "6 kilometers")
    assert dist.status == "conflict" and dist.outliers == ("001",) and "miles" in dist.explanation
    assert fact_of("002", "four million").status == "conflict"
    assert fact_of("001", "13 villages").status == "agree"
    assert fact_of("001", "13 villages") is fact_of("003", "10 areas")
    assert fact_of("002", "half a million").key != toll.key
    allowed = (dist.key, fact_of("002", "four million").key)
    assert not [f for f in facts if f.status == "conflict" and f.key not in allowed]
    for f in facts:
        for r in f.reports:
            assert r.text.split(" ... ")[0] in arts[r.article_id].text[r.span[0]:r.span[1]]


def test_a_misread_negative_figure_is_not_weighed():
    facts = _run({
        "a": ("The tram crash - six people died, police said.", "2025-03-01",
              [("six people", "killed", "people", -6, -6, {}, None)]),
        "b": ("Six people died in the tram crash.", "2025-03-01", [("Six people", "killed", "people", 6, 6, {}, None)]),
    })
    (toll,) = [f for f in facts if f.measure == "killed"]
    assert toll.status == "single-source" and toll.best == 6


def test_distances_split_only_by_the_place_they_are_measured_from():
    facts = _run({
        "a": ("The Kallmar dam, about 15 kilometres upstream of Tessby, failed.", "2025-03-01",
              [("about 15 kilometres", "distance", "distance", 15, 15, {"approx": True, "unit": "km",
                                                                         "place": "Tessby"}, None)]),
        "b": ("The dam sits about 15 kilometres upstream of the town.", "2025-03-01",
              [("about 15 kilometres", "distance", "distance", 15, 15, {"approx": True, "unit": "km"}, None)]),
        "c": ("The Kallmar dam, some 9 kilometres upstream of the town, gave way.", "2025-03-01",
              [("some 9 kilometres", "distance", "distance", 9, 9, {"approx": True, "unit": "km",
                                                                   "place": "Kallmar"}, None)]),
    })
    (dist,) = [f for f in facts if f.measure == "distance"]  # "Kallmar" is the thing located, not the reference
    assert dist.status == "conflict" and dist.outliers == ("c",) and "miles" in dist.explanation


def test_a_toll_that_follows_a_sentence_about_another_event_is_background():
    """"... marked the anniversary of a truck attack last year. Twelve people were killed": that attack's toll.
    After a sentence about this event (even one measuring it against others), the toll is the event's."""
    def toll(paragraphs: list[str]):
        facts = _read("2017-12-31", *paragraphs)
        (fact,) = [f for f in facts if f.measure == "killed"]
        return fact

    before = toll(["Safe zone for New Year's Eve", "Police will set up a safe zone at the gate. The move comes weeks "
                   "after the country marked the anniversary of a truck attack last year on a Christmas market. "
                   "Twelve people were killed and dozens more were injured."])
    assert before.scope == "background" and "anniversary" in before.explanation
    chained = toll(["Safe zone for New Year's Eve", "Police will set up a safe zone at the gate. The move comes weeks "
                    "after the country marked the anniversary of a truck attack last year on a Christmas market. It "
                    "was carried out by an asylum seeker. Twelve people were killed and dozens more were injured."])
    assert chained.scope == "background"
    fresh = toll(["Truck hits market", "A truck ploughed into a Christmas market on Monday night. The driver fled the "
                  "scene. Twelve people were killed and dozens more were injured."])
    assert fresh.scope == "event"
    this = toll(["Gunman kills 12 at market", "A gunman opened fire at a market on Tuesday, in the deadliest attack "
                 "this year. Twelve people were killed and dozens more were injured."])
    assert this.scope == "event" and this.best == 12


def test_one_described_victim_does_not_make_the_toll_look_far_above_the_rest():
    facts = _run({
        "a": ("A man was killed by the blast. At least 40 people were killed in the bombing.", "2025-03-01",
              [("A man", "killed", "people", 1, 1, {}, None),
               ("At least 40 people", "killed", "people", 40, None, {}, None)]),
    })
    main = [f for f in facts if f.measure == "killed" and f.scope == "event" and f.best == 40]
    assert main, [(f.key, f.scope, f.best, f.explanation) for f in facts]


def test_an_open_figure_does_not_bridge_unlike_counts_and_scattered_distances_are_not_one_fact():
    facts = _run({
        "a": ("At least 1 person was seen. 31 people were on board. 20 people waited.", "2025-03-01",
              [("At least 1 person", "count", "people", 1, None, {}, None),
               ("31 people", "count", "people", 31, 31, {}, None), ("20 people", "count", "people", 20, 20, {}, None)]),
        "b": ("7 people were on the platform.", "2025-03-01", [("7 people", "count", "people", 7, 7, {}, None)]),
    })
    assert not [f for f in facts if f.status == "conflict"], [(f.key, f.explanation) for f in facts]
    spread = _run({
        "a": ("It flew 550 km, rose 2,700 km and landed 3,700 km away.", "2025-03-01",
              [("550 km", "distance", "distance", 550, 550, {"unit": "km"}, None),
               ("2,700 km", "distance", "distance", 2700, 2700, {"unit": "km"}, None),
               ("3,700 km", "distance", "distance", 3700, 3700, {"unit": "km"}, None)]),
        "b": ("It flew 550 km.", "2025-03-01", [("550 km", "distance", "distance", 550, 550, {"unit": "km"}, None)]),
    })
    assert not [f for f in spread if f.status == "conflict"]
    two = _run({  # two clusters from no stated place: still a conflict
        "a": ("The blast was 6 km away.", "2025-03-01", [("6 km", "distance", "distance", 6, 6, {"unit": "km"}, None)]),
        "b": ("The blast was 10 km away.", "2025-03-01",
              [("10 km", "distance", "distance", 10, 10, {"unit": "km"}, None)]),
        "c": ("The blast was 10 km away.", "2025-03-01",
              [("10 km", "distance", "distance", 10, 10, {"unit": "km"}, None)]),
    })
    assert [f.status for f in two if f.measure == "distance"] == ["conflict"]


def test_tolls_of_other_events_are_never_judged_against_each_other():
    facts = _read("2016-07-15",
                  "Truck attack kills 84 in Nice", "A truck killed 84 people in Nice on Thursday night.",
                  "Here are some of the deadliest attacks in Europe in recent years:",
                  "Paris, November 2015: 130 people were killed in attacks on a concert hall and cafes.",
                  "Brussels, March 2016: 32 people were killed in bombings at the airport and metro.")
    background = [f for f in facts if f.scope == "background" and f.measure == "killed"]
    assert len(background) >= 2 and not [f for f in facts if f.status == "conflict"], [
        (f.key, f.status, f.explanation) for f in facts]


def test_a_figure_of_other_people_is_not_the_earlier_event_s_figure_again():
    facts = _read("2017-12-31",
                  "Plane crash kills 12", "A small plane crashed on Sunday, killing 12 people, two of them children.",
                  "In September, two passengers were killed when another plane crashed into a river.")
    then = [f for f in facts if f.subject == "passengers"]
    children = [f for f in facts if f.subject == "children"]
    assert then and then[0].scope == "background", [(f.key, f.explanation) for f in facts]
    assert children and children[0].scope == "event", children[0].explanation if children else facts


def test_some_of_a_named_group_is_a_part_not_a_rival_total():
    facts = _read("2018-01-01",
                  "Plane crash kills 10 Americans", "A plane crashed on Sunday, killing 10 Americans.",
                  "Five of the dead Americans were relatives on holiday, the family said.")
    americans = [f for f in facts if f.measure == "killed" and f.subject == "americans"]
    assert {f.best for f in americans if not f.key.endswith(":part")} == {10}
    assert not [f for f in facts if f.status in ("conflict", "update")], [(f.key, f.explanation) for f in facts]


def test_a_list_of_the_latest_developments_is_no_look_back():
    facts = _read("2016-07-15",
                  "Truck attack kills 84 in Nice", "A truck killed 84 people in Nice on Thursday night.",
                  "Here are the latest developments:",
                  "About 100 people were injured, officials said.")
    (injured,) = [f for f in facts if f.measure == "injured"]
    assert injured.scope == "event", injured.explanation


def test_a_cue_after_a_comparison_belongs_to_the_figure_compared_with():
    facts = _read("2014-11-27",
                  "Protests calmer", "Police said there were six arrests Wednesday, compared to 47 the "
                  "previous night, as protests calmed in the city.")
    (six,) = [f for f in facts if f.measure == "arrested" and f.best == 6]
    assert six.scope == "event", six.explanation


def test_a_figure_of_another_investigation_is_background():
    facts = _read("2017-12-20",
                  "Sting nets 18", "Police arrested 18 men in the sting on Tuesday. Six other people were "
                  "placed under arrest on Monday as part of another investigation, police said.")
    (six,) = [f for f in facts if f.measure == "arrested" and f.best == 6]
    assert six.scope == "background" and "another investigation" in six.explanation


def test_a_toll_said_again_is_background_when_it_was_background_once():
    facts = _read("2013-01-24",
                  "Clinton testifies on Benghazi", "Secretary Clinton testified on Wednesday about the "
                  "attack in Benghazi in September 2012 that killed four Americans.",
                  "Lawmakers pressed her on the attack, which resulted in the deaths of Ambassador "
                  "Christopher Stevens and three other Americans.")
    assert [f.scope for f in facts if f.measure == "killed"] == ["background"], [
        (f.key, f.scope, f.explanation) for f in facts]


def test_a_zero_beside_a_figure_in_the_same_article_is_of_others():
    facts = _read("2018-01-01",
                  "Fireworks barge explodes", "A fireworks barge exploded off the beach on Sunday night. "
                  "Two men suffered minor injuries, police said. The organiser said no one in the crowd "
                  "was injured.")
    (main,) = [f for f in facts if f.measure == "injured" and f.scope == "event"]
    assert main.best == 2 and main.status != "conflict", main.explanation


def test_one_figure_and_others_vague_wording_is_single_source_unless_the_wording_bounds_it():
    facts = _run({
        "a": ("Two senators did not vote on the bill.", "2025-03-01",
              [("Two senators", "count", "officials", 2, 2, {}, None)]),
        "b": ("Many senators were reluctant to vote on the bill.", "2025-03-01",
              [("Many senators", "count", "officials", None, None, {"vague": True}, None)]),
    })
    f = _fact_with(facts, "Two senators")
    assert f.status == "single-source" and "vague wording" in f.explanation
    facts = _run({
        "a": ("Nearly 7,000 families fled the fighting.", "2025-03-01",
              [("Nearly 7,000 families", "displaced", "families", None, 7000, {"approx": True}, None)]),
        "b": ("Hundreds of families fled the fighting.", "2025-03-01",
              [("Hundreds of families", "displaced", "families", 200, 999, {"vague": True}, None)]),
    })
    assert _fact_with(facts, "Nearly 7,000 families").status == "agree"  # "hundreds" bounds a number


def test_a_higher_lower_bound_is_not_overtaken_by_a_later_lower_count():
    """'at least 2' then 'at least 6' then '4 dead': the 6 was not reached by the chain when it was said, so it
    is not a stale repeat; the figures disagree."""
    facts = _run({
        "a": ("The bombing killed at least two people, police said.", "2016-11-10T22:00:00",
              [("at least two people", "killed", "people", 2, None, {}, None)]),
        "b": ("The death toll rose to at least six people on Friday.", "2016-11-11T08:42:00",
              [("at least six people", "killed", "people", 6, None, {}, None)]),
        "c": ("Four people were killed in the bombing, officials said.", "2016-11-11T09:11:00",
              [("Four people", "killed", "people", 4, 4, {}, None)]),
    }, story_first="2016-11-10")
    f = _fact_with(facts, "Four people")
    assert not (f.status == "update" and f.best == 4)
    assert f.status == "conflict"


def test_a_distance_measured_from_nowhere_is_not_set_against_distances_from_a_place():
    """'drove 2 kilometers along the seafront' is how far something went; '930 kilometers from Paris' and '20
    miles from the border' say where the town is. None of them contradicts another."""
    facts = _read("2016-07-15", "Truck attack on seafront",
                  "A truck drove 2 kilometers along the seafront in Nice on Thursday night, police said.",
                  "Nice lies about 930 kilometers from Paris, on the coast near the border.")
    dist = [f for f in facts if f.measure == "distance"]
    assert len(dist) == 2 and not any(f.status == "conflict" for f in dist)
    by_text = {r.text: f for f in dist for r in f.reports}
    assert by_text["about 930 kilometers"].place == "Paris"


def test_one_person_arrested_said_twice_is_one_arrest_not_a_part_of_itself():
    facts = _read("2016-11-10", "Tram crash", "The driver of the tram has been arrested, police said.",
                  "A 42-year-old man from Beckenham has been arrested on suspicion of manslaughter.")
    (arrested,) = [f for f in facts if f.measure == "arrested"]
    assert arrested.best == 1 and ":part" not in arrested.key and len(arrested.reports) == 2


def test_a_large_bare_count_is_not_another_event_s_figure():
    """300,000 people signing a petition beside two boys at the zoo: a count of something else, not a toll far
    above the story's."""
    facts = _read("2016-05-31", "Petition after gorilla shot at zoo",
                  "A boy, 4, fell into the gorilla enclosure on Saturday and two keepers shot the animal.",
                  "Almost 300,000 people have signed a petition calling for the parents to be held responsible.",
                  "Two children watched from the railings, a witness said.")
    (petition,) = [f for f in facts if any("300,000" in r.text for r in f.reports)]
    assert petition.scope == "event"


def test_a_conflict_with_no_side_to_take_has_no_best():
    """About 100, 130 and 170 killed: each near the next, the ends far apart, no clear split. No figure is the
    best (not the median 130 as if a side had won); low and high give the spread."""
    text = "The bombing killed about {} people, officials said."
    facts = _run({k: (text.format(v), "2025-03-01", [(f"about {v} people", "killed", "people", v, v,
                                                        {"approx": True}, None)])
                  for k, v in zip("abc", (100, 130, 170), strict=True)})
    f = _fact_with(facts, "about 100 people")
    assert f.status == "conflict" and "no clear split" in f.explanation
    assert f.best is None and (f.low, f.high) == (100, 170)


# -- fast paths of the judgement: the same results as the plain loops they replace ------------------------
def _random_judge(rng, n: int):
    from crosswire.reconcile.judge import _Judge
    from crosswire.records import Report

    whens = ["", "2025-03-01", "2025-03-01T08:00", "2025-03-01T20:00", "2025-03-02", "2025-03-02T06:30", "2025-03"]
    sources = [None, None, "Police", "police", "Health Ministry", "officials"]
    reports = []
    for k in range(n):
        low = rng.choice([None, 1.0, 2.0, 5.0, 5.0, 7.0, 10.0, 12.0, 40.0])
        high = rng.choice([None, low, low, (low or 0.0) + 3.0]) if low is not None else rng.choice([6.0, 9.0, 50.0])
        reports.append(Report(claim_id=f"c{k}", article_id=f"a{rng.randrange(max(1, n // 2))}", text=f"t{k}",
                              span=(k, k + 1), low=low, high=high, approx=rng.random() < 0.2,
                              as_of=rng.choice(whens), attributed_to=rng.choice(sources), subject="people",
                              unit="person"))
    published = {f"a{k}": rng.choice(whens[1:]) for k in range(n)}
    return _Judge(reports, set(), {}, published, ReconcileOptions())


def _reference_rising_chain(j, reps):
    from crosswire.reconcile.values import level

    n = len(reps)
    score = [(1, 1)] * n
    prev = [None] * n
    for i in range(n):
        for j2 in range(i):
            if j.when(reps[j2]) > j.when(reps[i]) or level(reps[i]) < level(reps[j2]):
                continue
            cand = (score[j2][0] + 1, score[j2][1] + (not j.same_source(reps[j2], reps[i])))
            if cand > score[i]:
                score[i], prev[i] = cand, j2
    end = max(range(n), key=lambda i: (score[i], j.when(reps[i]), level(reps[i])))
    chain = [reps[end]]
    while prev[end] is not None:
        end = prev[end]
        chain.append(reps[end])
    return chain[::-1]


def _reference_update(j, reps):
    from crosswire.reconcile.judge import independent_count, told_update
    from crosswire.reconcile.values import level

    if len(reps) < 2:
        return None
    chain = _reference_rising_chain(j, reps)
    if len(chain) < 2 or not level(chain[-1]) > level(chain[0]):
        return None
    one_source = all(j.same_source(chain[0], r) for r in chain[1:])
    days = {j.when(r)[:10] for r in chain}
    told = told_update(chain)
    if len({j.when(r) for r in chain}) < 2 and not one_source and not told:
        return None
    clash = not told and any(j.when(a)[:10] == j.when(b)[:10] and not j.fits(a, b) and not j.same_source(a, b)
                for i, a in enumerate(chain) for b in chain[i + 1:])
    if clash and len(days) < 2:
        return None
    in_chain = {r.claim_id for r in chain}
    stale = [r for r in reps if r.claim_id not in in_chain]
    early = []
    for s in stale:
        def before(c, s=s):
            return j.when(c) <= j.when(s) or j.when(c)[:10] == j.when(s)[:10]
        if not any(before(c) and (level(s) <= level(c) or (c.high is not None and j.fits(c, s))) for c in chain):
            if any(not before(c) and (level(c) >= level(s) or j.fits(c, s)) for c in chain):
                early.append(s)  # ahead of its time, reached later
                continue
            return None
    stale = [s for s in stale if s not in early]
    if stale and independent_count(stale, j.origins) > independent_count(chain, j.origins):
        return None
    return chain, stale, early


def _reference_clusters(j, reps):
    clusters = []
    for r in reps:
        hits = [cl for cl in clusters if any(j.fits(r, o) for o in cl)]
        merged = [r] + [x for cl in hits for x in cl]
        clusters = [cl for cl in clusters if cl not in hits] + [merged]
    return clusters


def test_the_rising_chain_the_update_and_the_clusters_are_those_of_the_plain_loops():
    """The rising chain is found through a prefix-maximum tree over the levels, the stale reports are checked
    against the chain's first links only, and clusters are joined through their members' distinct intervals: on
    many random figures, the same results."""
    import random

    from crosswire.reconcile.judge import _clusters

    rng = random.Random(5)
    updates = 0
    for _ in range(600):
        j = _random_judge(rng, rng.randrange(1, 40))
        reps = j.representatives(True)
        assert j.rising_chain(reps) == _reference_rising_chain(j, reps)
        found = j.update(reps)
        assert found == _reference_update(j, reps)
        updates += found is not None
        assert _clusters(j, reps) == _reference_clusters(j, reps)
    assert updates > 50  # (the trials reach the update's every branch, not only its refusals)


def test_compatible_groups_tell_firm_from_vague_members_as_before():
    """Members equal to a vague one are vague themselves: telling them apart by identity splits the same."""
    import dataclasses

    from crosswire.reconcile.group import Item, split_compatible

    def item(cid: str, low: float | None, high: float | None, vague: bool = False) -> Item:
        c = Claim(id=cid, article_id="a", span=(0, 1), sentence="s", text="t", measure="killed", subject="people",
                  low=low, high=high, vague=vague)
        return Item(claim=c, subject="people", scope="event")

    members = [item("c1", 5, 5), item("c2", None, None), item("c3", 40, 40), item("c4", 3, None, vague=True),
               item("c5", 6, 6)]
    members += [dataclasses.replace(m) for m in members]  # equal to each, not the same objects
    groups = split_compatible(members, ReconcileOptions())
    c1, c2, c3, c4, c5, d1, d2, d3, d4, d5 = members  # the 5s, 6s and 40s apart; the vague beside the first
    assert [[id(m) for m in g] for g in groups] == [[id(m) for m in g] for g in
                                                    ([c1, d1, c2, c4, d2, d4], [c3, d3], [c5, d5])]


def test_cues_read_once_per_text_are_the_cues_found():
    from crosswire.reconcile import scope

    for text in ("the deadliest attack since 2011, surpassing last year's toll", "in the civil war since 2011",
                 "Nothing here", "Killed two years ago", ""):
        for _ in range(2):  # (the second time from the memo)
            strong, weak = scope._STRONG_CUES.search(text), scope._WEAK_CUES.search(text)
            assert scope._strong_cue(text) == (strong.group(0) if strong else None)
            assert scope._weak_cue(text) == (weak.group(0) if weak else None)
            assert scope._casualty(text) == bool(scope._CASUALTY.search(text))


def test_a_death_toll_far_down_a_story_about_freed_hostages_is_another_incident():
    """A story whose ledes count people abducted or freed, and no dead or hurt, is no casualty story: a death toll
    past the lede is another incident's. The hostages' own counts stay the event's; a story that also counts its
    dead in the lede keeps a later toll as its own."""
    filler = ("Relatives gathered outside the ministry as the list of names was read out, and officials promised "
              "that medical checks and counselling would follow for every one of them in the coming weeks. ") * 3
    lede = ("Rebels freed 14 hostages on Tuesday after months of talks, the interior ministry of Valdoria said. "
            "The 14 abducted aid workers were handed over at a border post near Corvalle. ")
    later = "On Monday, a roadside bomb killed nine people in Sarnet, far to the north."
    facts = _read("2031-04-09", "Fourteen aid workers freed by rebels", lede + filler + later)
    (nine,) = [f for f in facts if f.measure == "killed"]
    assert nine.scope == "background" and "not about casualties" in nine.explanation
    assert [f for f in facts if f.measure == "abducted" and f.scope == "event"], [(f.key, f.scope) for f in facts]
    # the same toll in a story whose lede counts its own dead is weighed as the event's
    deadly = lede + "Two guards were killed when shots were fired during the handover. "
    facts = _read("2031-04-09", "Fourteen aid workers freed by rebels", deadly + filler + later)
    assert not [f for f in facts if f.measure == "killed" and "not about casualties" in f.explanation]


def _read_many(published: str, *texts: str):
    """The facts of a story of several articles published alike, each a title and a body, as the pipeline makes
    them (the extract stage's claims reconciled with the texts at hand)."""
    return _read_dated(*((published, t) for t in texts))[0]


def _read_dated(*dated: tuple[str, str]):
    """``(facts, extractions)`` of a story of articles, each ``(published, "Title. Body")``, as the pipeline makes
    them."""
    from crosswire.brief import sources_of
    from crosswire.extract import extract

    arts = [Article(id=f"a{k}", document_id=f"a{k}", origin=f"a{k}.txt", outlet=f"outlet {k}", title=t.split(". ")[0],
                    paragraphs=(t.split(". ")[0], t), published=Published(p, "day", "t"))
            for k, (p, t) in enumerate(dated)]
    story = Story(id="s", article_ids=tuple(a.id for a in arts), headline="h", first_seen=min(p for p, _ in dated))
    exs = [extract(a) for a in arts]
    return reconcile(story, exs, sources_of(story, {a.id: a for a in arts}, []), articles=arts), exs


def test_a_toll_the_reports_say_rose_is_an_update_though_no_date_orders_them():
    """Reports of one day (or undated) cannot be ordered by their dates; when the higher figure's report says
    the count rose ("has risen to"), or the lower one is given as an earlier count, the toll is an update, and
    the explanation says the words, not the dates, order it. Without such words the figures still conflict."""
    first = "Ferry sinks off Tamsel coast. At least 23 people were killed when a ferry sank off the Tamsel coast."
    later = ("Ferry toll rises. The death toll from the ferry that sank off the Tamsel coast has risen to 41, "
             "rescuers said.")
    (toll,) = [f for f in _read_many("2031-05-02", first, later) if f.measure == "killed" and f.scope == "event"]
    assert toll.status == "update" and toll.best == 41, toll.explanation
    assert "their words do" in toll.explanation and "risen to" in toll.explanation
    plain = "Ferry sinks off Tamsel coast. At least 41 people were killed when a ferry sank off the Tamsel coast."
    (clash,) = [f for f in _read_many("2031-05-02", first.replace("At least 23", "Exactly 23"),
                                      plain.replace("At least 41", "Exactly 41"))
                if f.measure == "killed" and f.scope == "event"]
    assert clash.status == "conflict", clash.explanation


def test_a_figure_ahead_of_its_time_that_later_reports_reach_is_an_early_report():
    """One outlet has the higher count first (at least 44 on the first day) while others still say 32 on the
    second; a later report reaches 44. The toll rose: an update naming the early report, not a conflict. When
    no later report reaches the early figure, it still contradicts the others."""
    def specs(last: int):
        return {
            "a": ("Fifteen people were killed when the bus fell.", "2031-06-20",
                  [("Fifteen people", "killed", "people", 15, 15, {}, None)]),
            "b": ("At least 44 people were killed, police said.", "2031-06-20",
                  [("At least 44 people", "killed", "people", 44, None, {}, None)]),
            "e": ("Twenty-five people died, rescuers said.", "2031-06-20",
                  [("Twenty-five people", "killed", "people", 25, 25, {}, None)]),
            "c": ("The toll reached 32 dead on Friday.", "2031-06-21",
                  [("32 dead", "killed", "people", 32, 32, {}, None)]),
            "f": ("Police counted 32 dead by Friday night.", "2031-06-21",
                  [("32 dead", "killed", "people", 32, 32, {}, None)]),
            "d": (f"Officials said {last} people had died.", "2031-06-22",
                  [(f"{last} people", "killed", "people", last, last, {}, None)]),
        }
    (toll,) = [f for f in _run(specs(44), story_first="2031-06-20") if f.measure == "killed"]
    assert toll.status == "update" and toll.best == 44, toll.explanation
    assert "b (at least 44, 2031-06-20) gives a figure the others reached only later" in toll.explanation
    (toll,) = [f for f in _run(specs(33), story_first="2031-06-20") if f.measure == "killed"]
    assert toll.status == "conflict", toll.explanation


def test_tolls_one_apart_agree_when_the_reports_say_the_attacker_died():
    """Eight victims and a gunman shot dead: "8 killed" and "9 killed" count him or not. Exact tolls one apart then
    agree at any size (from 20 up they always do), the victims are the best figure, and the explanation says why.
    Without a report of the attacker's death, 8 against 9 stays a conflict."""
    a = "Mall shooting in Dunmore. Eight people were killed when a gunman opened fire at a mall in Dunmore."
    b = "Dunmore mall attack. Nine people were killed at the Dunmore mall on Saturday, officials said."
    c = "Shooting at Dunmore mall. Eight people were killed in the shooting at the Dunmore mall."
    died = " Police shot and killed the gunman at the scene."
    (toll,) = [f for f in _read_many("2031-05-07", a + died, b, c) if f.measure == "killed" and f.scope == "event"
               and f.subject == "people"]
    assert toll.status == "agree" and toll.best == 8, toll.explanation
    assert "the attacker died" in toll.explanation and "killed the gunman" in toll.explanation
    (toll,) = [f for f in _read_many("2031-05-07", a, b, c) if f.measure == "killed" and f.scope == "event"
               and f.subject == "people"]
    assert toll.status == "conflict", toll.explanation


def test_a_figure_its_own_article_gives_as_an_earlier_count_is_no_rival():
    """"Initially, officials said 11 people had died" beside the article's 12: that article reports 12 now; its
    11 is no rival of the other reports' 12."""
    a = ("Office shooting in Varden. Twelve people were killed in the shooting at the Varden city offices. "
         "Initially, officials said 11 people had died.")
    b = "Varden shooting. Twelve people were killed at the Varden city offices on Friday."
    c = "Varden city offices attack. Twelve people were killed at the offices in Varden, police said."
    (toll,) = [f for f in _read_many("2031-06-01", a, b, c) if f.measure == "killed" and f.scope == "event"
               and f.subject == "people"]
    assert toll.status == "agree" and toll.best == 12, toll.explanation


@pytest.mark.parametrize(("text", "figure"), [
    ("Train derails near Lorsk. At least 40 people were killed when a train derailed near Lorsk on Sunday. It was "
     "the deadliest rail accident in the region since more than 90 people died in a collision near Brava.", 91),
    ("Mine blast in Okra. Twelve miners were killed in a blast at the Okra mine on Monday. In a similar blast at the "
     "same mine, 31 miners died.", 31),
])
def test_a_figure_its_clause_ties_to_another_event_is_background(text: str, figure: float) -> None:
    """The extract stage reads a figure's clause as another event's ("the deadliest since more than 90 died in a
    collision", "in a similar blast, 31 died": the claim's ``other_event``); the judgement keeps it out of this
    event's toll."""
    title, _ = text.split(". ", 1)
    facts = _read("2031-03-02", title, text)
    other = [f for f in facts if f.measure == "killed" and f.best == figure]
    assert other and all(f.scope == "background" and "another event" in f.explanation for f in other), \
        [(f.key, f.scope, f.best, f.explanation) for f in facts]
    assert [f for f in facts if f.measure == "killed" and f.scope == "event" and f.best != figure]


def _one_story_brief(tmp_path: Path, *, reports: list[tuple[str, str, str]] | None = None, text: str | None = None):
    """Run the pipeline over ``reports`` ((date, title, text) as JSONL records) or one plain ``text`` and return the
    brief of the one story they make."""
    import json

    import crosswire
    from crosswire.store import Store

    if reports is not None:
        path = tmp_path / "reports.jsonl"
        path.write_text("\n".join(json.dumps({"title": t, "text": x, "date_publish": d, "url": f"https://n{i}.example/r"})
                                  for i, (d, t, x) in enumerate(reports)), encoding="utf-8")
    else:
        path = tmp_path / "one.txt"
        path.write_text(text or "", encoding="utf-8")
    db = tmp_path / "run.db"
    crosswire.run([path], db)
    with Store(db, readonly=True) as store:
        (story,) = store.stories()
        return store.brief(story.id)


def test_a_toll_other_reports_state_is_no_stray_behind_a_smaller_opening_figure(tmp_path: Path) -> None:
    """An article opening on the few killed at one school, then giving the quake's toll, far above: the toll is
    not another incident's when other reports state it too (a figure only its own article gives stays aside)."""
    reports = [
        ("2031-04-08", "Quake hits Valdora province",
         "A strong earthquake struck Valdora province on Tuesday. At least 206 people were killed, the civil "
         "protection agency said. Rescuers searched collapsed buildings through the night."),
        ("2031-04-09", "Rescuers race to reach pupils in Valdora school",
         "Rescuers dug through the ruins of a school in Valdora after Tuesday's earthquake. Three adults died at the "
         "school, the education minister said. Officials said the death toll was 214 by Wednesday morning. "
         "The earthquake struck on the anniversary of a 1980 quake in which nearly 5,000 people died."),
        ("2031-04-10", "Valdora earthquake toll rises",
         "The toll from Tuesday's earthquake in Valdora province rose to 221 people killed, the civil protection "
         "agency said. Rescuers kept searching collapsed buildings."),
    ]
    brief = _one_story_brief(tmp_path, reports=reports)
    killed = [f for f in brief.facts if f.measure == "killed" and f.subject == "people" and f.scope == "event"]
    main = max(killed, key=lambda f: len({r.article_id for r in f.reports}))
    assert {r.text for r in main.reports} >= {"At least 206 people", "214", "221 people"}
    assert main.status == "update" and main.best == 221
    background = [r.text for f in brief.facts if f.scope == "background" for r in f.reports]
    assert "nearly 5,000 people" in background


def test_one_report_of_a_toll_and_its_parts_is_judged_on_the_toll(tmp_path: Path) -> None:
    """A lone report: "five were killed", then "four died at the scene and one in hospital" - the toll is five."""
    text = ("Newsroom shooting\n\nFive people were killed and several others wounded on Thursday when a man opened "
            "fire in a newspaper office in Harlow Bay, officials said.\n\nAccording to the county executive, four "
            "people died at the scene and one died after being taken to a hospital.")
    brief = _one_story_brief(tmp_path, text=text)
    (killed,) = [f for f in brief.facts if f.measure == "killed" and f.subject == "people" and f.scope == "event"]
    assert (killed.status, killed.best) == ("single-source", 5)


def test_wording_alone_stands_for_its_lower_bound(tmp_path: Path) -> None:
    """"thousands injured" is at least 2,000: no middle (5,999.5) that no report stated."""
    brief = _one_story_brief(tmp_path, text="Crackdown on protests\n\nSecurity forces killed at least 30 people and "
                             "thousands were injured in the crackdown, the rights group said on Monday.")
    (injured,) = [f for f in brief.facts if f.measure == "injured"]
    assert (injured.best, injured.low, injured.high) == (2000, 2000, 9999)
    assert brief.event is not None and brief.event.injured.best == 2000


def test_figures_after_a_sentence_about_an_earlier_shooting_are_its(tmp_path: Path) -> None:
    """"The latest shooting comes about two weeks after a gunman opened fire in another town. Police said he
    killed two people and wounded nine others": both figures are that shooting's, not this one's."""
    brief = _one_story_brief(tmp_path, text=
        "Gunman killed by police at cinema\n\nA gunman opened fire in a cinema in Harlow Bay on Wednesday before "
        "dying in a shootout with police. Three people were treated for minor injuries, officials said.\n\n"
        "The latest shooting comes about two weeks after a gunman opened fire inside a theater in Dunmore. "
        "Police said the man killed two people and wounded nine others before shooting himself.")
    background = {r.text for f in brief.facts if f.scope == "background" for r in f.reports}
    assert {"two people", "nine others"} <= background
    assert brief.event is not None and brief.event.killed.best is None and brief.event.injured.best == 3


def test_a_superlative_over_recent_years_and_a_previous_count_are_this_events(tmp_path: Path) -> None:
    """"injured in the worst train accident in recent years" measures this crash against others; "an increase from
    the previous toll of 717" is this toll's earlier count: neither is background."""
    reports = [
        ("2031-09-24", "Crush at festival kills 717",
         "At least 717 people were killed in a crush at the festival grounds near Valdora on Thursday, officials "
         "said. Nearly 200 were injured in the worst accident at the festival in recent years."),
        ("2031-09-26", "Festival crush toll rises to 769",
         "The toll from Thursday's crush near Valdora rose to 769, the health minister said, an increase from the "
         "previous toll of 717. Nearly 200 were injured in the worst accident at the festival in recent years."),
    ]
    brief = _one_story_brief(tmp_path, reports=reports)
    background = [r.text for f in brief.facts if f.scope == "background" for r in f.reports]
    assert "Nearly 200" not in background and "717" not in background
    killed = [f for f in brief.facts if f.measure == "killed" and f.scope == "event"]
    assert any(f.status == "update" and f.best == 769 for f in killed)


def test_a_toll_of_the_event_s_other_places_is_a_part_not_the_toll(tmp_path: Path) -> None:
    """"The storm also killed about 170 people elsewhere in the country": the place the story is about has its
    own toll; the other places' figure neither stands for the toll nor makes the toll look like another event's."""
    brief = _one_story_brief(tmp_path, text="Floods in Arvela\n\nThe death toll in the coastal city of Arvela "
                             "has soared to 11,300 as search efforts continue, the Red Crescent said on Thursday. "
                             "The storm also killed about 170 people elsewhere in the country.")
    killed = {f.key: f for f in brief.facts if f.measure == "killed"}
    assert {f.scope for f in killed.values()} == {"event"}
    (toll,) = [f for k, f in killed.items() if not k.endswith(":part")]
    assert toll.best == 11300
    assert [r.text for f in killed.values() if f.key.endswith(":part") for r in f.reports] == ["about 170 people"]
    assert brief.event is not None and brief.event.killed.best == 11300


@pytest.mark.parametrize("correction", [
    "Authorities revised the death toll from Monday's market blast in Varnia down to 40, saying some victims had "
    "been counted twice.",
    "The United Nations said that at least 40 people died in the Varnia market blast instead of 45 as was before "
    "reported.",
])
def test_a_toll_corrected_down_is_a_conflict_that_names_the_correction(tmp_path: Path, correction: str) -> None:
    """A later report correcting the count down is no rise and no agreement of lower bounds ("at least 45", "at
    least 40"): the figures disagree, and the fact says which report corrected which."""
    brief = _one_story_brief(tmp_path, reports=[
        ("2031-03-01", "Blast in Varnia market kills 45",
         "At least 45 people were killed in a blast at a market in Varnia on Monday, police said."),
        ("2031-03-03", "Varnia market blast toll revised", correction),
    ])
    (killed,) = [f for f in brief.facts if f.measure == "killed"]
    assert killed.status == "conflict"
    assert "revises it down to" in killed.explanation and "from at least 45" in killed.explanation


def test_one_report_quoting_two_speakers_who_disagree_is_a_conflict(tmp_path: Path) -> None:
    """"The ministry said 61 were killed but the opposition put the toll at more than 100": one article, two
    sources, figures that do not fit - no single-source toll of 101."""
    brief = _one_story_brief(tmp_path, text="Crackdown in Marosia\n\nSecurity forces opened fire on protesters in "
                             "the capital on Monday. The Marosian health ministry said on Thursday that 61 people were "
                             "killed but the opposition put the toll at more than 100.")
    (killed,) = [f for f in brief.facts if f.measure == "killed"]
    assert killed.status == "conflict" and killed.best is None
    assert {r.attributed_to for r in killed.reports} == {"Marosian health ministry", "opposition"}


def test_a_follow_up_dating_its_event_days_ago_is_no_other_event(tmp_path: Path) -> None:
    """"killed during the dispersal of the sit-in three days ago": the same event, dated from the report's day."""
    brief = _one_story_brief(tmp_path, reports=[
        ("2031-06-03", "Dozens killed as forces break up Marosia sit-in",
         "Doctors said at least 108 people were killed when security forces broke up the sit-in in the capital "
         "on Monday."),
        ("2031-06-06", "Ministry says 46 killed in Marosia sit-in dispersal",
         "The Marosian health ministry announced today that no more than 46 people were killed during the "
         "dispersal of the sit-in in the capital three days ago."),
    ])
    assert all(f.scope == "event" for f in brief.facts if f.measure == "killed")
    (killed,) = [f for f in brief.facts if f.measure == "killed"]
    assert killed.status == "conflict"


def test_last_march_is_another_event_in_an_undated_report(tmp_path: Path) -> None:
    """No date to weigh it by: "Last March, a suicide bomber attacked a mosque in the city killing 64" is another
    attack's toll, whatever the report's date."""
    brief = _one_story_brief(tmp_path, text="Mosque blast in Halvar\n\nA suicide bomber blew himself up at a mosque "
                             "in Halvar during prayers, killing 93 people, officials said.\n\nLast March, a suicide "
                             "bomber attacked another mosque in the city killing 64 worshippers.")
    event = [f for f in brief.facts if f.measure == "killed" and f.scope == "event"]
    assert [f.best for f in event] == [93]
    assert any(f.best == 64 for f in brief.facts if f.scope == "background")


def test_a_named_source_putting_a_rising_count_lower_disputes_it(tmp_path: Path) -> None:
    """The doctors' count rises over days; the ministry then says "no more than 46": no stale repeat of an earlier
    figure but a disputed toll (the ministry never gave a step of the doctors' count)."""
    brief = _one_story_brief(tmp_path, reports=[
        ("2031-06-04", "Forces break up Marosia sit-in",
         "The Central Committee of Doctors said at least 40 people were killed when forces broke up the sit-in in "
         "the capital on Monday."),
        ("2031-06-05", "Sit-in toll rises to 108",
         "The Central Committee of Doctors said the toll from Monday's dispersal of the sit-in had risen to 108."),
        ("2031-06-06", "Ministry disputes sit-in toll",
         "The Marosian Ministry of Health announced today that no more than 46 people were killed during the "
         "dispersal of the sit-in on Monday, after the Central Committee of Doctors reported that the toll stands at "
         "108."),
    ])
    (killed,) = [f for f in brief.facts if f.measure == "killed" and f.scope == "event"]
    assert killed.status == "conflict"
    assert "Marosian Ministry of Health (at most 46" in killed.explanation and "disputes the rising count" in \
        killed.explanation


def test_reports_setting_two_speakers_figures_side_by_side_are_a_conflict(tmp_path: Path) -> None:
    """Report after report quotes a civil defence chief's 300 beside the health ministry's 500, then a later one
    says at least 471: no rise from 300 to 471 with 500 "reached only later", a disputed toll."""
    pair = ("A civil defence chief said 300 people were killed in the blast at the Arvela hospital, while health "
            "ministry sources put the figure at 500.")
    brief = _one_story_brief(tmp_path, reports=[
        ("2031-10-17", "Hundreds killed in blast at Arvela hospital", pair),
        ("2031-10-18", "Blame traded over Arvela hospital blast", "Blame was traded on Wednesday. " + pair),
        ("2031-10-20", "Arvela hospital blast toll", "Officials said at least 471 people were killed in the blast at "
         "the Arvela hospital on Tuesday."),
    ])
    (killed,) = [f for f in brief.facts if f.measure == "killed" and f.scope == "event"]
    assert killed.status == "conflict"


def test_groups_named_among_the_dead_do_not_make_the_toll_look_like_another_event_s(tmp_path: Path) -> None:
    """"risen to 154, including 26 foreigners ... Among those killed were five high school students": the
    foreigners and the students are parts of the 154, which is no figure far above the story's others."""
    brief = _one_story_brief(tmp_path, text="Crowd crush toll rises\n\nThe death toll from the crowd crush in the "
                             "capital of Varnia has risen to 154, including 26 foreigners, officials said Monday.\n\n"
                             "Among those killed were one middle schooler and five high school students, the "
                             "education ministry said.")
    (toll,) = [f for f in brief.facts if f.measure == "killed" and f.subject == "people"]
    assert (toll.scope, toll.best) == ("event", 154)
    assert brief.event is not None and brief.event.killed.best == 154


def test_a_toll_now_of_last_month_s_fire_and_a_toll_dated_now_beside_last_year_s_massacre_are_the_event_s(
        tmp_path: Path) -> None:
    """"The death toll from the wildfire that tore through the town late last month has reached 97" counts now;
    "31 people were killed on Friday in an attack on a village that was the scene last year of a massacre" is
    dated Friday: neither is another event's, and neither is "far above" the parts a lone report then names."""
    brief = _one_story_brief(tmp_path, text="Wildfire toll reaches 97\n\nThe death toll from the wildfire that "
                             "tore through the coastal town of Arvela late last month has reached 97, after a man "
                             "died in hospital on Sunday.\n\nThe bodies of two victims of the wildfire were "
                             "identified.")
    (toll,) = [f for f in brief.facts if f.measure == "killed" and f.best == 97]
    assert toll.scope == "event"
    (tmp_path / "b").mkdir()
    brief = _one_story_brief(tmp_path / "b", text="Attack on village\n\nAt least 31 people were killed on Friday "
                             "in an attack on a village that was the scene last year of the country's worst massacre, "
                             "officials said.")
    (toll,) = [f for f in brief.facts if f.measure == "killed"]
    assert (toll.scope, toll.best) == ("event", 31)


def test_the_record_s_toll_is_the_whole_not_a_part_placed_where_it_happened(tmp_path: Path) -> None:
    """"26 of the dead were found huddled together in a compound northeast of Athens": a part of the 74, however
    well it names the place."""
    brief = _one_story_brief(tmp_path, reports=[
        ("2031-07-24", "Wildfires near Athens kill 74",
         "At least 74 people were killed as wildfires swept through seaside towns on Monday, authorities said. "
         "Rescue workers said 26 of the dead were found huddled together in a compound northeast of Athens."),
        ("2031-07-25", "Greece mourns 74 killed in wildfires near Athens",
         "Authorities said 74 people were killed in the wildfires, up from 50 on Monday night."),
    ])
    assert brief.event is not None and brief.event.killed.best == 74


def test_a_count_now_beside_an_anniversary_and_a_past_event_s_casualties(tmp_path: Path) -> None:
    """"has risen to 429, ... on the grim anniversary of a 2004 tsunami that killed 230,000": 429 is the count now,
    the 230,000 that tsunami's; "the deadliest since the 2010 bombings, which saw 76 casualties": 76 are those
    bombings' casualties, not this attack's injured."""
    brief = _one_story_brief(tmp_path, text="Tsunami toll rises\n\nThe death toll from the tsunami in Varnia has "
                             "risen to 429, according to authorities who issued new warnings on the grim anniversary "
                             "of a 2004 earthquake and tsunami that killed 230,000 people.\n\nIt was the deadliest "
                             "disaster in Varnia since the 2010 bombings, which saw 76 casualties.")
    event = {f.best: f.scope for f in brief.facts if f.measure in ("killed", "injured")}
    assert event[429] == "event" and event[230000] == "background" and event[76] == "background"


def test_exact_tolls_apart_are_no_rounding_and_an_agreed_best_is_a_given_figure():
    """288 and 275 are exact counts (275 is a multiple of 5 but no rounded figure): the same day, they disagree.
    Figures that do agree give a best some source gave, never their mean."""
    facts = _run({
        "a": ("A passenger train crash killed 288 people, railway officials said.", "2023-06-03",
              [("288 people", "killed", "people", 288, 288, {"as_of": "2023-06-03"}, None)]),
        "b": ("A passenger train crash killed 275 people, state officials said.", "2023-06-03",
              [("275 people", "killed", "people", 275, 275, {"as_of": "2023-06-03"}, None)]),
    })
    f = _fact_with(facts, "288 people")
    assert f.status == "conflict" and f.best is None
    facts = _run({
        "a": ("About 850 soldiers took part, the army said.", "2023-06-03",
              [("850 soldiers", "count", "soldiers", 850, 850, {"approx": True}, None)]),
        "b": ("Some 1,000 soldiers took part, the ministry said.", "2023-06-03",
              [("1,000 soldiers", "count", "soldiers", 1000, 1000, {}, None)]),
    })
    f = _fact_with(facts, "850 soldiers")
    assert f.status == "agree" and f.best in (850, 1000)


def test_a_toll_revised_to_a_figure_from_a_higher_one_is_a_correction():
    """"revised the death toll ... to 275 from 288" the next day: no rise, a correction down, said so."""
    facts = _run({
        "a": ("The death toll jumped to 288 in the country's worst rail accident.", "2023-06-03",
              [("288", "killed", "people", 288, 288, {"as_of": "2023-06-03", "order": "latest",
                                                       "order_cue": "jumped to"}, None)]),
        "b": ("The government revised the death toll in the crash to 275 from 288.", "2023-06-04",
              [("275", "killed", "people", 275, 275, {"as_of": "2023-06-04", "order": "latest",
                                                       "order_cue": "to 275 from 288"}, None)]),
    })
    f = _fact_with(facts, "275")
    assert f.status == "conflict" and "revises it down to 275 from 288" in f.explanation
    facts = _run({
        "a": ("At least 174 people died at the stadium, officials said.", "2022-10-02",
              [("At least 174 people", "killed", "people", 174, None, {"as_of": "2022-10-02"}, None)]),
        "b": ("Authorities revised the death toll from the stampede from 174 to 125 on Monday.", "2022-10-03",
              [("125", "killed", "people", 125, 125, {"as_of": "2022-10-03", "order": "latest",
                                                       "order_cue": "from 174 to"}, None)]),
    })
    f = _fact_with(facts, "125")
    assert f.status == "conflict" and "revises it down to 125" in f.explanation and f.best == 125
    # after a rise: 233 -> 288 over two days, then "revised ... to 275 from 288", its lede's words, while another
    # mention of 275 further down carries none: the correction is the latest word, and the best
    facts = _run({
        "a": ("At least 233 people were killed, an official said.", "2023-06-03",
              [("At least 233 people", "killed", "people", 233, None, {"as_of": "2023-06-03"}, None)]),
        "b": ("The death toll jumped to 288.", "2023-06-03",
              [("288", "killed", "people", 288, 288, {"as_of": "2023-06-03", "order": "latest",
                                                       "order_cue": "jumped to"}, None)]),
        "c": ("The toll was revised to 275 from 288. Of the 275, most were identified.", "2023-06-05",
              [("275", "killed", "people", 275, 275, {"as_of": "2023-06-04", "order": "latest",
                                                       "order_cue": "to 275 from 288"}, None),
               ("the 275", "killed", "people", 275, 275, {"as_of": "2023-06-05"}, None)]),
    })
    f = _fact_with(facts, "288")
    assert f.status == "conflict" and "revises it down to 275 from 288" in f.explanation and f.best == 275


def test_a_count_of_the_missing_that_falls_with_time_is_an_update():
    """The missing are found: 180 on Tuesday, 97 a week later, 3 on the Saturday after are the count going down,
    no dispute (Texas floods; Beirut's "more than 60" then 21). Two figures of one day that disagree still
    conflict, and a killed toll that falls is still no update."""
    def missing(aid, text, pub, low, high=None):
        return (text, pub, [(text.split(" people")[0].split(" ")[-1] + " people", "missing", "people", low, high,
                             {"as_of": pub}, None)])
    facts = _run({
        "a": missing("a", "At least 180 people remained missing on Tuesday.", "2025-07-08", 180),
        "b": missing("b", "The governor said 97 people were still missing.", "2025-07-15", 97, 97),
        "c": missing("c", "Just three people remained missing, officials said.", "2025-07-19", 3, 3),
    })
    f = _fact_with(facts, "97 people")
    assert f.status == "update" and f.best == 3 and f.current.startswith("c")
    assert "falls as they are found" in f.explanation
    facts = _run({
        "a": missing("a", "Police said 20 people were missing.", "2025-07-08", 20, 20),
        "b": missing("b", "Rescuers said 45 people were missing.", "2025-07-08", 45, 45),
        "c": missing("c", "Officials said 5 people were missing.", "2025-07-09", 5, 5),
    })
    assert _fact_with(facts, "20 people").status == "conflict"


def test_a_toll_revised_far_above_the_rest_by_an_article_that_tells_its_history_is_this_toll():
    """A year on, a study puts the hurricane's toll at 2,975, a hundred times the earlier reports' 16 and 34; the
    article itself says authorities "initially only counted 64": the toll revised, not another event's."""
    facts = _run({
        "a": ("The death toll has more than doubled to 34, a spokesman said. Hours earlier it stood at 16 dead.",
              "2017-10-04", [("34", "killed", "people", 34, 34, {"as_of": "2017-10-04", "order": "latest",
                                                                  "order_cue": "doubled to"}, None),
                             ("16 dead", "killed", "people", 16, 16, {"as_of": "2017-10-04"}, None)]),
        "b": ("The study arrived at a death toll of 2,975. Initially, authorities only counted 64 deaths.",
              "2018-08-28", [("2,975", "killed", "people", 2975, 2975, {"as_of": "2018-08-28"}, None),
                             ("64 deaths", "killed", "people", 64, 64, {"as_of": "2018-08-28", "order": "earlier",
                                                                         "order_cue": "Initially"}, None)]),
    })
    f = _fact_with(facts, "2,975")
    assert f.scope == "event" and f.status == "update" and f.best == 2975, f.explanation


def test_the_whole_toll_after_an_opening_anecdote_and_a_rising_count_above_early_parts_are_this_toll():
    """A feature opens with a nursing home's six dead, then "The floods killed a total of 158 people": the total
    is the toll, not a stray far above the opening figure. A count that rose to 132 a day after reports of eight
    and 23 (with parts of four and three beside them) is the count now, not background far above the median."""
    facts = _read("2024-11-01", "Floods in Spain",
                  "Plates were still on the tables in the nursing home on Thursday. Six people died in the facility "
                  "on Tuesday, as a river burst its banks.",
                  "The floods killed a total of 158 people in Spain, in the deadliest natural disaster in the "
                  "country's recent history.")
    main = [f for f in facts if f.measure == "killed" and f.scope == "event" and f.subject == "people"]
    assert [f.best for f in main] == [158], [(f.key, f.best, f.explanation) for f in facts]
    latest = {"order": "latest", "order_cue": "rose to"}
    facts = _run({
        "a": ("The toll rose to eight, including three children. Of those killed, four died in one town. Three "
              "bodies were recovered near a river.", "2024-07-30",
              [("eight", "killed", "people", 8, 8, {"as_of": "2024-07-30", **latest}, None),
               ("four", "killed", "people", 4, 4, {"as_of": "2024-07-30"}, None),
               ("Three bodies", "killed", "people", 3, 3, {"as_of": "2024-07-30"}, None)]),
        "b": ("The toll rose to 23 in the landslides, the minister said.", "2024-07-30",
              [("23", "killed", "people", 23, 23, {"as_of": "2024-07-30", **latest}, None)]),
        "c": ("The death toll from the landslides rose to 132 as rescuers resumed the search.", "2024-07-31",
              [("132", "killed", "people", 132, 132, {"as_of": "2024-07-31", **latest}, None)]),
    })
    f = _fact_with(facts, "132")
    assert f.scope == "event" and f.status == "update" and f.best == 132, f.explanation


def test_one_article_setting_two_speakers_figures_side_by_side_in_near_sentences_is_a_conflict():
    """"The government said 147 people were killed. The Student Movement has said that 266 people were killed.":
    one article, two speakers, two sentences; no single source's figure, a conflict. Two figures of one speaker,
    or told as an earlier and a later count, are not rivals."""
    facts = _read("2024-07-29", "Protest toll disputed",
                  "The Bangladesh government said 147 people were killed in the clashes. The Student Movement "
                  "Against Discrimination has said that 266 people were killed during the protests.")
    f = [f for f in facts if f.measure == "killed" and f.scope == "event"]
    assert [x.status for x in f] == ["conflict"], [(x.key, x.status, x.explanation) for x in facts]


def test_one_victim_described_beside_a_larger_count_of_other_people_is_a_part():
    """"Six students were killed ... In Rangpur, a student died": the one student is one of the six; the record's
    toll is six, not one (the larger count names students, not "people")."""
    from crosswire.brief import sources_of
    from crosswire.event import event_record

    a = Article(id="a", document_id="a", origin="a.txt", outlet="x", title="Six students killed in protests",
                paragraphs=("Six students killed in protests",
                            "Six students were killed during protests in the country against the quota system. "
                            "In one northern town, a student died during clashes with police."),
                published=Published("2024-07-17", "day", "t"))
    from crosswire.extract import extract
    ex = extract(a)
    story = Story(id="s", article_ids=("a",), headline=a.title, first_seen="2024-07-17")
    sources = sources_of(story, {"a": a}, [])
    facts = reconcile(story, [ex], sources, articles=[a])
    record = event_record(story, facts, {"a": a}, {"a": ex}, sources)
    assert record.killed.best == 6


def test_a_time_of_day_before_the_event_is_no_other_event():
    """"the river had risen 26 feet in less than an hour just prior to dawn on Friday. Twenty-four deaths have been
    confirmed": "prior to dawn" is when, not another event; the toll after it is this event's."""
    facts = _read("2025-07-05", "Floods kill 24",
                  "Flash floods were caused by a rising river, which was said to have risen 26 feet in less than an "
                  "hour just prior to dawn on Friday. Twenty-four deaths have been confirmed, officials said.")
    f = [f for f in facts if f.measure == "killed" and f.subject == "people"]
    assert [(x.scope, x.best) for x in f] == [("event", 24)], [(x.key, x.explanation) for x in facts]


def test_a_toll_pushed_to_a_figure_by_bodies_found_is_the_toll_not_a_stray():
    """"recovered more than a dozen bodies ..., pushing the confirmed death toll to 49": 49 is the toll now, not
    a figure far above the one the article opens with; "bringing the number of dead to 12" alike."""
    facts = _read("2014-04-20", "Divers recover bodies from ferry",
                  "Divers have recovered more than a dozen bodies from inside a ferry that sank off the coast, pushing "
                  "the confirmed death toll to 49, officials said Sunday.")
    toll = next(f for f in facts if f.measure == "killed" and f.scope == "event")
    assert toll.best == 49, [(f.key, f.scope, f.best, f.why) for f in facts]
    facts = _read("2024-03-05", "Bodies found", "Three more bodies were found on Monday, bringing the number of dead "
                  "to 12.")
    assert next(f for f in facts if f.measure == "killed").best == 12


def test_a_toll_counted_since_a_recent_date_is_no_old_figure():
    """"The death toll from the floods since mid-June has risen to 1,731": counted since then, up to now; "since
    2011" is a war's count, still another period's."""
    facts = _read("2022-08-28", "Floods toll rises",
                  "The death count from the floods since mid-June has risen to 1,731 along with 12,867 injuries, the "
                  "disaster authority said.")
    toll = next(f for f in facts if f.measure == "killed")
    assert (toll.scope, toll.best) == ("event", 1731), (toll.scope, toll.why)
    assert toll.reports[0].attributed_to == "disaster authority"
    facts = _read("2022-08-28", "Clashes in the north",
                  "Since 2011, more than 500,000 people have been killed in the war, the monitor said.")
    assert next(f for f in facts if f.measure == "killed").scope == "background"


def test_some_of_the_dead_told_as_such_are_a_part_of_the_toll_not_its_rival():
    """"The death toll also included two adults", "Two patients arrived at the hospital dead": some of the dead,
    not a toll of 2 against another report's 21 (the record said 2, the lowest side of a made-up conflict)."""
    facts = _read_many("2022-05-25",
                       "Shooting at school. Eighteen children and three adults are dead after the shooting at the "
                       "school, police said",
                       "School shooting. The death toll also included two adults, authorities said",
                       "Hospital receives victims. Two patients arrived at the hospital dead, the hospital said")
    totals = [f for f in facts if f.measure == "killed" and f.subject == "people" and "part" not in f.key
              and f.scope == "event"]
    assert 21 in [f.best for f in totals] and 2 not in [f.best for f in totals], \
        [(f.key, f.status, f.best) for f in facts]
    assert not [f for f in facts if f.measure == "killed" and f.status == "conflict"]


def test_a_toll_told_down_from_an_earlier_one_past_its_verb_is_a_correction():
    """"97 people had perished in Lahaina, down from a previous official toll of 115": the latest word corrects the
    count down, though another report (undated, so dated late) gave 111: best 97, not 111."""
    facts = _read_many("2023-09-16",
                       "Fire toll. Officials said 111 people were killed in the fire, the governor said",
                       "Fire toll revised. The governor said 97 people had perished in Harbour Town, down from a "
                       "previous official toll of 115")
    toll = next(f for f in facts if f.measure == "killed" and f.scope == "event" and f.subject == "people")
    assert toll.best == 97 and "revises it down" in toll.explanation, toll.explanation


def test_a_total_told_months_later_settles_the_toll_and_a_month_s_estimate_is_an_earlier_count():
    """Five months on: "The tower fire killed a total of 71 people, police said after identifying all those
    believed to have died" and "In June, police estimated that about 80 people had died": 71 is the count now,
    not a stale repeat under the June estimate or June's 79."""
    texts = [("2017-06-19", "Toll rises. Seventy-nine people are dead or missing and presumed dead after the tower "
              "fire, police said on Monday"),
             ("2017-11-17", "Final toll. The tower fire killed a total of 71 people, police said on Thursday after "
              "identifying all those believed to have died. In June, police estimated that about 80 people had died "
              "in the fire")]
    facts, exs = _read_dated(*texts)
    june = next(c for c in exs[1].claims if c.text.startswith("about 80"))
    assert (june.order, june.order_cue) == ("earlier", "In June")
    toll = next(f for f in facts if f.measure == "killed" and f.scope == "event" and "part" not in f.key)
    assert toll.best == 71 and "revises it down to 71" in toll.explanation, toll.explanation


def test_one_wounded_told_by_the_wound_is_someone_s_story_not_the_injured_count():
    """"One was injured in the leg and is being treated in hospital" (a mother quoting her daughter) beside "55
    injured": one person's story, a part, not an injured count of 1 (the record's injured said 1)."""
    facts = _read_many("2014-04-16",
                       "Ferry sinks. At least four people were confirmed dead and 55 injured, the coast guard said",
                       "Ferry sinks off coast. Fourteen people have been confirmed as injured, officials said. A "
                       "mother said her daughter told her: One was injured in the leg and is being treated in hospital")
    totals = [f for f in facts if f.measure == "injured" and "part" not in f.key]
    assert all(1 not in (f.best, f.low) for f in totals), [(f.key, f.status, f.best, f.low) for f in facts]


def test_bodies_recovered_are_the_dead_found_so_far_not_a_rising_toll():
    """"27 bodies have been pulled from the river" the day after a crash that killed all 67 on board: the dead
    found so far, a part; not a toll rising from 27 to 67."""
    facts = _read_many("2025-01-30",
                       "Bodies pulled from river. As of Thursday morning, 27 bodies have been pulled from the river, "
                       "officials said",
                       "No survivors. The crash on Wednesday night killed all 67 people on board, officials said")
    toll = next(f for f in facts if f.measure == "killed" and f.scope == "event" and "part" not in f.key)
    assert (toll.best, toll.status) == (67, "single-source"), [(f.key, f.status, f.best) for f in facts]
    assert any("part" in f.key and f.best == 27 for f in facts)


def test_a_dateline_is_no_place_of_the_toll_and_a_rights_group_says_it():
    """"PARIS: More than 75 people have died in Iran's crackdown ..., a rights group said": the AFP dateline is
    where the report was filed (the figure was set aside as about Paris); the rights group is its speaker."""
    facts = _read_many("2022-10-03",
                       "Crackdown toll. PARIS: More than 75 people have died in the crackdown on protests in Iran, "
                       "a rights group said",
                       "Iran protests. More than 50 people have died in the crackdown on protests in Iran, IHR said")
    toll = next(f for f in facts if f.measure == "killed" and f.scope == "event")
    assert len(toll.reports) == 2 and {r.attributed_to for r in toll.reports} == {"rights group", "IHR"}, \
        [(f.key, f.scope, f.why) for f in facts]


def test_a_toll_reaching_a_figure_on_a_day_is_this_week_s_though_its_sentence_recalls_an_old_event():
    """"... the first quake to claim more than 100 lives since the 2016 quake, which led to 276 deaths, with the
    death toll reaching 128 on Sunday": 128 is the count of this Sunday, not of 2016."""
    facts = _read("2024-01-08", "Quake toll rises",
                  "The Jan. 1 Harlow Peninsula Earthquake has become the first earthquake in the nation to claim more "
                  "than 100 lives since the 2016 Kessel Earthquake, which led to 276 deaths, with the death toll "
                  "reaching 128 on Sunday, according to the Cabinet Office.")
    toll = next(f for f in facts if f.measure == "killed" and f.best == 128)
    assert toll.scope == "event", (toll.scope, toll.why)


def test_people_with_injuries_after_people_missing_are_injured():
    from crosswire.extract.quantities import quantities

    got = [(q.measure, q.low) for q in quantities("In the prefecture, 25 people are missing, and there are 323 people "
                                                  "with minor and serious injuries.")]
    assert ("missing", 25) in got and ("injured", 323) in got, got


def test_a_correction_after_a_rise_is_set_against_what_it_corrects_not_the_early_counts():
    """6, 30, 79 over three days, then "revised down to 71 from 79": the dispute is 71 against 79, and the
    explanation tells the rise before it; the early counts are no side of it (was "a slip by an order of
    magnitude", low 6)."""
    texts = [("2017-06-14", "Fire kills six. At least six people were killed in the tower fire, police said"),
             ("2017-06-15", "Toll rises. Thirty people were killed in the tower fire, police said"),
             ("2017-06-19", "Toll rises again. Seventy-nine people were killed in the tower fire, police said"),
             ("2017-06-28", "Toll revised. Police revised the death toll of the tower fire down to 71 from 79")]
    facts, _ = _read_dated(*texts)
    toll = next(f for f in facts if f.measure == "killed" and f.scope == "event" and "part" not in f.key)
    assert (toll.status, toll.best, toll.low) == ("conflict", 71, 71), (toll.status, toll.best, toll.low)
    assert "before it the count rose" in toll.explanation and "order of magnitude" not in toll.explanation


def test_a_named_source_denying_any_death_after_deaths_were_reported_disputes_the_toll():
    """Witnesses count eight dead on the night; the next day the governor says "we have not recorded any fatality";
    a panel later confirms 11: the toll is disputed (was an update 8 -> 11 with the denial a stale repeat)."""
    texts = [("2020-10-20", "Shooting at protest. Eight people were killed when soldiers fired on protesters at the "
              "toll gate, witnesses said"),
             ("2020-10-21", "Governor speaks. We have not recorded any fatality, Governor Jide Sanwo said on "
              "Wednesday"),
             ("2021-11-16", "Panel report. The panel said at least 11 people were killed at the toll gate")]
    facts, _ = _read_dated(*texts)
    toll = next(f for f in facts if f.measure == "killed" and f.scope == "event" and f.subject == "people")
    assert toll.status == "conflict" and toll.low == 0 and "Jide Sanwo" in toll.explanation, toll.explanation



def test_a_dateline_with_its_agency_is_no_place_of_the_toll():
    facts = _read_many("2015-04-26",
                       "Quake kills hundreds. An earthquake killed at least 876 people in Nepal on Saturday, officials "
                       "in Kathmandu said. Rescuers in Kathmandu searched the rubble in Nepal",
                       "Toll rises. NEW DELHI (Reuters) - The death toll from the earthquake in Nepal rose to nearly "
                       "1,500 on Sunday")
    toll = next(f for f in facts if f.measure == "killed" and any(r.high == 1500 for r in f.reports))
    assert toll.scope == "event", toll.explanation
    from crosswire.extract import _DATELINE_AFTER  # the dateline's forms: "NEW DELHI (Reuters) - ", "PARIS: "

    for after in (" (Reuters) - The death toll", ": More than 75 people", ", Nepal (AP) — Rescuers"):
        assert _DATELINE_AFTER.match(after), after
    assert not _DATELINE_AFTER.match(" and nearby villages, 12 people died")


def test_a_correction_naming_the_figure_it_replaces_wins_whatever_the_dates_say():
    """"revised to around 1,200 from a previous government estimate of 1,400" in a report dated (by inference) on
    the attack's day replaces a later-dated "more than 1,400": best 1,200, a correction."""
    facts, _ = _read_dated(
        ("2023-10-07", "Attack. At least 250 people were killed in the attack, officials said"),
        ("2023-10-15", "Toll. More than 1,400 people were killed in the attack, the prime minister's office said"),
        ("2023-10-07", "Toll revised. The foreign ministry said the death toll from the attack had been revised to "
         "around 1,200 from a previous government estimate of 1,400"))
    toll = next(f for f in facts if f.measure == "killed" and f.scope == "event" and any(
        r.low == 1200 for r in f.reports))
    assert toll.best == 1200 and "revises it down to" in toll.explanation, toll.explanation


def test_a_toll_told_of_one_place_of_the_event_is_a_part_beside_the_whole():
    """"In the Nasr City district, 288 people were killed", "the capital, where at least 181 people died", "223
    people had been confirmed dead in the Gorkha district" beside the whole event's 638: each place's count, a part,
    not a rival total (the Rabaa record said 288)."""
    facts = _read_many("2013-08-15",
                       "Crackdown toll. At least 638 people were killed across the country on Wednesday, the health "
                       "ministry said",
                       "District toll. In the Nasr City district, 288 people were killed, officials said",
                       "Capital. Residents fled the capital, where at least 181 people died, witnesses said",
                       "Gorkha. An official said 223 people had been confirmed dead in the Gorkha district")
    totals = [f for f in facts if f.measure == "killed" and f.scope == "event" and "part" not in f.key]
    assert [f.best for f in totals] == [638], [(f.key, f.status, f.best) for f in facts]


def test_a_count_including_the_shooter_is_no_rise_of_the_victims_toll():
    """Six killed on Monday, then "seven people, including the shooter, died": the victims' toll stays 6 (was an
    update 6 -> 7, the Nashville record said 7)."""
    facts, _ = _read_dated(
        ("2023-03-27", "School shooting. Six people, three children and three adults, were killed in the school "
         "shooting, police said"),
        ("2023-03-28", "Shooting. Seven people, including the shooter, died in the school shooting, police said"))
    toll = next(f for f in facts if f.measure == "killed" and f.subject == "people" and f.scope == "event"
                and "part" not in f.key)
    assert toll.best == 6 and toll.status != "update", (toll.status, toll.best, toll.explanation)


def test_one_person_named_by_what_they_are_is_someone_s_story_not_the_injured_count():
    """"One Briton confirmed injured" above "more than 200 injured": one person's story (it anchored the article's
    toll and set the 200 aside as far above it)."""
    facts = _read_many("2016-03-22", "Blasts. One Briton confirmed injured. More than 200 people were injured in the "
                       "blasts at the airport, officials said")
    totals = [f for f in facts if f.measure == "injured" and f.scope == "event" and "part" not in f.key]
    assert [f.best for f in totals] == [201], [(f.key, f.scope, f.best) for f in facts]
