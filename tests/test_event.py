"""The event record (crosswire.event) and the events CSV (crosswire.render.events).

Records are built by hand, modelled on real reports: the five seed reports (their text is read at
run time from ../shared/seeds/) and ten events of ../shared/data/news-clusters-5w1h/ whose
expectations (date, place, killed range) were checked by hand against the articles.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from crosswire import records as r
from crosswire.errors import ConfigError
from crosswire.event import EVENT_TYPES, EventOptions, event_record, merge_parties, sentence_spans
from crosswire.render.events import COLUMNS, events_csv, events_csv_from_export
from crosswire.serde import to_dict

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
CLUSTERS = SHARED / "data" / "news-clusters-5w1h"


def _need(path: Path) -> Path:
    assert path.exists(), f"{path} is missing: the shared data sits beside the repository"
    return path


# -- builders -----------------------------------------------------------------------------------
def article(aid: str, paragraphs: list[str], published: str, outlet: str | None = None) -> r.Article:
    return r.Article(id=aid, document_id=aid, origin=f"{aid}.txt", paragraphs=tuple(paragraphs), title=paragraphs[0],
                     outlet=outlet, published=r.Published(published, "day", "metadata:test"))


def place(name: str, cc: str, country: str, lat: float, lon: float, precision: str = "city",
          admin1: str | None = None) -> r.Place:
    return r.Place(name=name, country=country, country_code=cc, admin1=admin1, lat=lat, lon=lon, precision=precision)


def mentions(a: r.Article, names: dict[str, tuple[str, str, r.Place | None]]) -> tuple[r.Entity, ...]:
    """Every occurrence of each name in the article text, as the entity it is (kind, canonical, place)."""
    out = []
    for name, (kind, canonical, pl) in names.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", a.text):
            out.append(r.Entity(a.id, kind, name, canonical, (m.start(), m.end()), None, pl))
    return tuple(sorted(out, key=lambda e: e.span))


def dated(a: r.Article, expression: str, iso: str, precision: str = "day") -> tuple[r.DatedEvent, ...]:
    """Every occurrence of ``expression`` as a dated event (the sentence it sits in as description)."""
    out = []
    for m in re.finditer(rf"\b{re.escape(expression)}\b", a.text):
        s0, s1 = next((s, e) for s, e in sentence_spans(a.text) if s <= m.start() < e)
        out.append(r.DatedEvent(a.id, (m.start(), m.end()), (s0, s1), a.text[s0:s1], iso, precision, expression,
                                a.text[s0:s1][:80]))
    return tuple(out)


def killed_fact(best: float, low: float | None, high: float | None, status: str = "agree",
                measure: str = "killed", subject: str = "people", n: int = 2) -> r.Fact:
    return r.Fact(key=f"{measure}|{subject}", measure=measure, subject=subject, unit="person", status=status,
                  explanation="", reports=(), best=best, low=low, high=high, independent_sources=n)


def story_of(*articles: r.Article) -> r.Story:
    return r.Story(id="s-" + "-".join(a.id for a in articles), article_ids=tuple(a.id for a in articles),
                   headline=articles[0].title or "")


def run(arts: list[r.Article], exs: list[r.Extraction], facts: list[r.Fact] = (),
        sources: list[r.Source] | None = None, options: EventOptions | None = None) -> r.EventRecord:
    story = story_of(*arts)
    return event_record(story, list(facts), {a.id: a for a in arts}, {e.article_id: e for e in exs},
                        sources or [], options or EventOptions())


# -- the seeds: one offensive, five outlets -----------------------------------------------------
SYRIA = place("Syria", "SY", "Syria", 35.0, 38.0, "country")
ALEPPO = place("Aleppo", "SY", "Syria", 36.20124, 37.16117)
IDLIB = place("Idlib", "SY", "Syria", 35.93062, 36.63393)
SEED_NAMES = {
    "Aleppo": ("place", "Aleppo", ALEPPO), "Idlib": ("place", "Idlib", IDLIB), "Syria": ("place", "Syria", SYRIA),
    "Turkey": ("place", "Turkey", place("Turkey", "TR", "Turkey", 39.0, 35.0, "country")),
    "Russia": ("place", "Russia", place("Russia", "RU", "Russia", 60.0, 100.0, "country")),
    "Damascus": ("place", "Damascus", place("Damascus", "SY", "Syria", 33.5102, 36.29128)),
    "Hayat Tahrir al-Sham": ("organization", "Hayat Tahrir al-Sham", None),
    "Hayat Tahrir": ("organization", "Hayat Tahrir", None),
    "HTS": ("organization", "HTS", None),
    "Syrian Observatory for Human Rights": ("organization", "Syrian Observatory for Human Rights", None),
    "Hezbollah": ("organization", "Hezbollah", None),
}
SEED_PUBLISHED = ("2024-11-28", "2024-11-28", "2024-11-28", "2024-11-28", "2024-11-30")


def seed_records() -> tuple[list[r.Article], list[r.Extraction]]:
    files = sorted(_need(SEEDS).glob("0*.txt"))
    assert len(files) == 5
    arts, exs = [], []
    for path, published in zip(files, SEED_PUBLISHED, strict=True):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        a = article(path.stem[:3], lines, published)
        events = dated(a, "Wednesday", "2024-11-27") + dated(a, "Friday", "2024-11-29")
        claims = tuple(
            r.Claim(id=f"{a.id}-k{i}", article_id=a.id, span=(m.start(), m.end()), sentence=m.group(), text=m.group(),
                    measure="killed", subject="people", low=None, high=None,
                    attributed_to="Syrian Observatory for Human Rights")
            for i, m in enumerate(re.finditer(r"[^.]*\b(?:killed|deaths?|fatalities)\b[^.]*", a.text)))
        arts.append(a)
        exs.append(r.Extraction(a.id, claims, mentions(a, SEED_NAMES), events))
    return arts, exs


def test_seeds_event_record() -> None:
    arts, exs = seed_records()
    total = killed_fact(251, 251, None, status="update", n=1)
    civilians = r.Fact(key="killed|civilians", measure="killed", subject="civilians", unit="person",
                       status="single-source", explanation="", reports=(), best=19, low=19, high=None,
                       independent_sources=1, part_of=total.key)
    total = r.Fact(**{**total.__dict__, "parts": (civilians.key,)})
    event = run(arts, exs, [civilians, total])
    assert (event.date, event.date_precision) == ("2024-11-27", "day")
    assert re.match(r"[45] report\(s\)", event.date_evidence)  # 004's Friday breach of Aleppo is not the start
    assert event.place is not None
    assert event.place.admin1 == "Aleppo" and event.place.country == "Syria"
    assert event.place.lat == pytest.approx(36.2, abs=0.5) and event.place.lon == pytest.approx(37.2, abs=0.5)
    assert "Aleppo" in event.place_evidence
    assert "Hayat Tahrir al-Sham" in event.actors
    assert not any(a in ("HTS", "Hayat Tahrir") for a in event.actors)  # aliases merged
    assert any("Syrian" in a and "government forces" in a for a in event.actors)
    assert "Syrian Observatory for Human Rights" not in event.actors  # the source, not a party
    assert event.type == "battle"
    assert event.killed.best is not None and event.killed.best > 250 and event.killed.low == 251
    assert event.killed.high is None
    assert event.reports == tuple(a.id for a in arts) and event.sources == 5


# -- each decision on small hand-made reports ---------------------------------------------------
CROYDON = place("Croydon", "GB", "United Kingdom", 51.38333, -0.1)
LONDON = place("London", "GB", "United Kingdom", 51.50853, -0.12574)


def test_best_supported_day_wins_and_disagreement_is_said() -> None:
    texts = [
        ("a", "Tram derails in Croydon", "A tram derailed in Croydon on Wednesday, killing seven.", "2016-11-09"),
        ("b", "Seven dead in tram crash", "Seven people died when a tram derailed on Wednesday.", "2016-11-10"),
        ("c", "Tram crash inquiry", "The tram crashed on Tuesday in Croydon, police said.", "2016-11-10"),
    ]
    arts, exs = [], []
    for aid, title, body, pub in texts:
        a = article(aid, [title, body], pub)
        day = {"Wednesday": "2016-11-09", "Tuesday": "2016-11-08"}
        events = tuple(e for w, iso in day.items() for e in dated(a, w, iso))
        arts.append(a)
        exs.append(r.Extraction(aid, (), mentions(a, {"Croydon": ("place", "Croydon", CROYDON)}), events))
    event = run(arts, exs)
    assert event.date == "2016-11-09" and event.date_precision == "day"
    assert "disagree" in event.date_evidence and "2016-11-08" in event.date_evidence
    assert event.type == "rail crash"


def test_copies_weigh_less_than_independent_reports() -> None:
    arts, exs = [], []
    days = (("x", "Monday", "2017-12-25"), ("y", "Tuesday", "2017-12-26"), ("z", "Tuesday", "2017-12-26"))
    for aid, word, iso in days:
        a = article(aid, ["Ship hits bridge", f"A cruise ship hit a bridge on {word}, injuring 25."], "2017-12-29")
        arts.append(a)
        exs.append(r.Extraction(aid, (), (), dated(a, word, iso)))
    sources = [r.Source("x", "dw", None, "2017-12-27"), r.Source("y", "ap", None, "2017-12-27"),
               r.Source("z", "ap-copy", None, "2017-12-27", duplicate_of="y", independent=False)]
    one_each = run(arts[:2], exs[:2], sources=sources[:2])
    assert one_each.date == "2017-12-25"  # a tie: the earlier day
    with_copy = run(arts, exs, sources=sources, options=EventOptions(copy_weight=0.5))
    assert with_copy.date == "2017-12-26" and with_copy.sources == 2 and len(with_copy.reports) == 3
    assert with_copy.type == "maritime accident"


def test_background_dates_and_fallback_to_publication() -> None:
    a = article("a", ["Quake anniversary", "The 2011 earthquake killed thousands; on March 11, 2011 it struck."],
                "2016-03-11")
    ex = r.Extraction("a", (), (), dated(a, "March 11, 2011", "2011-03-11"))
    event = run([a], [ex])
    assert event.date == "2016-03-11" and event.date_evidence.startswith("inferred: earliest publication")
    assert event.type == "earthquake"


def test_place_is_the_town_not_the_dateline_nor_the_capital() -> None:
    a = article("a", ["Tram crash kills seven",
                      "LONDON — At least seven people were killed when a tram derailed in Croydon, south of London, "
                      "on Wednesday. London's mayor visited the scene."], "2016-11-09")
    names = {"LONDON": ("place", "London", LONDON), "London": ("place", "London", LONDON),
             "Croydon": ("place", "Croydon", CROYDON)}
    ex = r.Extraction("a", (), mentions(a, names), ())
    event = run([a], [ex])
    assert event.place is not None and event.place.name == "Croydon"
    assert event.place.country == "United Kingdom" and event.place.admin1 == "England"
    assert event.place.precision == "city"


def test_a_neighbourhood_resolves_to_its_city() -> None:
    a = article("a", ["Car bomb kills 12 in Baghdad",
                      "A car bomb exploded in Karrada, a busy district of Baghdad, on Sunday, killing 12 people."],
                "2016-07-03")
    iraq = place("Iraq", "IQ", "Iraq", 33.0, 44.0, "country")
    names = {"Karrada": ("place", "Karrada", place("Karrada", "IQ", "Iraq", 33.3117, 44.4226, "point")),
             "Baghdad": ("place", "Baghdad", place("Baghdad", "IQ", "Iraq", 33.34058, 44.40088)),
             "Iraq": ("place", "Iraq", iraq)}
    event = run([a], [r.Extraction("a", (), mentions(a, names), dated(a, "Sunday", "2016-07-03"))])
    assert event.place is not None and event.place.name == "Baghdad" and event.place.precision == "city"
    assert "Karrada" in event.place_evidence and "Baghdad" in (event.place.admin1 or "")
    assert event.type == "bombing" and event.date == "2016-07-03"


def test_unresolved_town_is_looked_up_in_the_story_country() -> None:
    a = article("a", ["Plane crash in Costa Rica kills 12",
                      "A small plane crashed near Quepos, Costa Rica, on Sunday, killing 12 people."], "2017-12-31")
    ex = r.Extraction("a", (), mentions(a, {
        "Quepos": ("place", "Quepos", r.Place(name="Quepos")),
        "Costa Rica": ("place", "Costa Rica", place("Costa Rica", "CR", "Costa Rica", 10.0, -84.0, "country"))}), ())
    event = run([a], [ex], [killed_fact(12, 12, 12)])
    assert event.place is not None and event.place.name == "Quepos" and event.place.country == "Costa Rica"
    assert event.place.lat is not None and event.place.admin1 == "Puntarenas"
    assert event.type == "air crash" and event.killed == r.Toll(12, 12, 12)


def test_tolls_overall_fact_zero_and_unknown() -> None:
    a = article("a", ["Subway trains collide", "Two subway work trains collided, injuring one worker."], "2017-12-27")
    ex = r.Extraction("a", (), (), ())
    parts = killed_fact(3, 3, 3, subject="children")
    parts = r.Fact(**{**parts.__dict__, "part_of": "killed|people"})
    facts = [parts, r.Fact(**{**killed_fact(0, 0, 0).__dict__, "parts": (parts.key,)}),
             killed_fact(1, 1, 1, measure="injured")]
    event = run([a], [ex], facts)
    assert event.killed == r.Toll(0, 0, 0) and event.injured == r.Toll(1, 1, 1)
    unknown = run([a], [ex], [])
    assert unknown.killed == r.Toll(None, None, None)
    update = r.Fact(**{**killed_fact(84, 84, 84, status="update").__dict__, "current": "c3"})
    assert run([a], [ex], [update, killed_fact(60, 60, None, subject="civilians", n=1)]).killed.best == 84


# -- on the extract stage's own output (real date expressions, real entities) --------------------
def extracted(aid: str, paragraphs: list[str], published: str) -> tuple[r.Article, r.Extraction]:
    """An article with the extract stage's entities and dated events (no claims: those are reconcile's input)."""
    from crosswire.extract.entities import entities
    from crosswire.extract.sentences import sentences
    from crosswire.extract.time import dated_events

    a = article(aid, paragraphs, published)
    spans = sentences(a.text)
    return a, r.Extraction(aid, (), entities(a, spans), dated_events(a, spans))


def run_texts(*reports: tuple[str, list[str], str], facts: list[r.Fact] = ()) -> r.EventRecord:
    pairs = [extracted(aid, paragraphs, published) for aid, paragraphs, published in reports]
    return run([a for a, _ in pairs], [e for _, e in pairs], facts)


def test_the_report_time_is_not_the_event_day() -> None:
    event = run_texts(("a", ["Tourist ship hits bridge in Germany; 25 hurt",
                             "A tourist ship struck a highway bridge on the Rhine river and 25 people were injured, "
                             "police said Wednesday. The ship hit a pillar of the bridge near Duisburg on Tuesday "
                             "evening."], "2017-12-27"))
    assert event.date == "2017-12-26", event.date_evidence
    assert "Tuesday evening" in event.date_evidence


def test_follow_ups_and_relative_clauses_are_not_the_event_day() -> None:
    named = run_texts(("a", ["Tram crash victims named",
                             "The victims of the tram crash that killed seven people in Croydon on Wednesday were "
                             "named by police on Saturday. Their families paid tribute."], "2016-11-12"))
    assert named.date == "2016-11-09", named.date_evidence
    met = run_texts(("a", ["Obama and Trump meet",
                           "Mr Trump, who stormed to victory in the election on Wednesday, met Mr Obama for talks "
                           "on Thursday."], "2016-11-10"))
    assert met.date == "2016-11-10", met.date_evidence


def test_a_weekday_after_the_reports_date_is_the_next_day_not_last_week() -> None:
    tokyo = run_texts(("a", ["Missile over Japan",
                             "North Korea fired a ballistic missile over northern Japan early Tuesday morning, the "
                             "Japanese government said."], "2017-08-28"))  # a Monday stamp in New York
    assert tokyo.date == "2017-08-29", tokyo.date_evidence
    plan = run_texts(("a", ["Talks on Japan", "Diplomats will meet on Tuesday after the missile launch on Monday."],
                      "2017-08-28"))
    assert plan.date == "2017-08-28", plan.date_evidence


def test_a_weak_date_needs_two_reports() -> None:
    filler = ["Rescuers dug through the night.", "Relatives waited at the site.", "Officials gave no details.",
              "The search went on for days.", "Neighbours brought food."]

    def report(aid: str) -> tuple[str, list[str], str]:
        return aid, ["Boy found in well", *filler, "The boy fell into the well on Sunday."], "2016-11-09"

    alone = run_texts(report("a"))
    assert alone.date == "2016-11-09" and alone.date_evidence.startswith("inferred")
    agreed = run_texts(report("a"), report("b"))
    assert agreed.date == "2016-11-06", agreed.date_evidence


def test_plans_and_named_days_are_not_dates_of_the_event() -> None:
    from crosswire.extract.time import date_mentions

    plan = date_mentions("The talks will resume on Friday.", "2017-12-30")  # a Saturday
    assert [(m.date, m.expression) for m in plan] == [("2018-01-05", "Friday")]
    assert date_mentions("The bridge is expected to reopen on Wednesday.", "2017-12-30")[0].date == "2018-01-03"
    assert date_mentions("The bridge was closed on Wednesday.", "2017-12-30")[0].date == "2017-12-27"
    assert date_mentions("during the annual Remembrance Sunday service", "2016-11-09") == []
    assert date_mentions("a November surprise. USA TODAY reports that", "2016-11-06") == []
    assert [m.date for m in date_mentions("It was written TODAY.", "2016-11-06")] == ["2016-11-06"]


def test_an_embedded_posts_stamp_is_not_an_event() -> None:
    _, ex = extracted("a", ["Shooting near protest", "Five people were hurt in a shooting in Seattle. Police are "
                            "at the scene -- Seattle Fire Dept (@SeattleFire) November 10, 2016 The shooting "
                            "happened shortly before 7pm."], "2016-11-10")
    assert not any(e.expression.startswith("November 10") for e in ex.events)


def test_place_is_where_it_happened_not_where_the_victims_came_from() -> None:
    event = run_texts(
        ("a", ["Plane crash in Costa Rica kills 12",
               "A small plane crashed in a wooded area of Guanacaste, Costa Rica, on Sunday, killing all 12 people "
               "on board. A family of five from Scarsdale, New York, was among the dead.",
               "The Steinberg family, all of Scarsdale, were on vacation. A rabbi in Scarsdale said the community "
               "was in shock. Scarsdale is a suburb of New York City."], "2017-12-31"),
        ("b", ["Americans among dead in Costa Rica crash",
               "Ten Americans were killed when a plane crashed in Costa Rica on Sunday. The flight was bound for "
               "San Jose, about 130 miles southeast of the crash site. Families in Scarsdale and in Florida "
               "mourned."], "2018-01-01"))
    assert event.place is not None and event.place.country == "Costa Rica", event.place_evidence
    assert event.place.admin1 == "Guanacaste" and event.place.name == "Guanacaste", event.place_evidence
    assert event.date == "2017-12-31"


def test_place_of_an_earlier_event_is_background() -> None:
    event = run_texts(("a", ["Taliban attack German consulate",
                             "A suicide bomber rammed a truck packed with explosives into the German consulate in "
                             "Mazar-i-Sharif late on Thursday, killing six people.",
                             "The Taliban said the bombing was revenge for air strikes in Kunduz last week that "
                             "killed 30 civilians. Kunduz has seen heavy fighting. Residents of Kunduz protested "
                             "the air strikes in Kunduz."], "2016-11-11"))
    assert event.place is not None and event.place.admin1 == "Balkh", event.place_evidence
    assert event.date == "2016-11-10" and event.type == "bombing"


def test_a_planned_or_possible_place_is_not_the_site() -> None:
    event = run_texts(("a", ["Bomb kills ten",
                             "A bomb exploded at a market in Kandahar on Monday, killing ten people.",
                             "The president will travel to Kabul on Friday for talks on the attacks in Kabul and "
                             "Herat. Officials said militants could strike Kabul again and attacks in Kabul would "
                             "follow."], "2017-05-08"))
    assert event.place is not None and event.place.name in ("Kandahar", "Kandahār"), event.place_evidence


def test_a_town_inside_the_city_named_and_namesakes_in_the_story_country() -> None:
    croydon = run_texts(("a", ["Tram derails in south London",
                               "Seven people were killed when a tram derailed in south London on Wednesday. "
                               "The tram overturned in Croydon near a tunnel."], "2016-11-09"))
    assert croydon.place is not None and croydon.place.name == "Croydon", croydon.place_evidence
    san_jose = run_texts(("a", ["Bus crash kills nine in Costa Rica",
                                "A bus crashed in San Jose, Costa Rica, on Monday, killing nine people. "
                                "Costa Rica declared a day of mourning."], "2018-03-06"))
    assert san_jose.place is not None and san_jose.place.country == "Costa Rica", san_jose.place_evidence
    assert san_jose.place.name in ("San Jose", "San José") and san_jose.place.admin1 == "San Jose"


def test_a_town_named_like_a_person_is_the_person() -> None:
    event = run_texts(("a", ["Hamilton wins in Brazil",
                             "Lewis Hamilton won the Brazilian Grand Prix in Sao Paulo on Sunday after two crashes. "
                             "Hamilton finished ahead of Rosberg. Rosberg said Hamilton drove well."], "2016-11-13"))
    assert event.place is not None and event.place.country == "Brazil", event.place_evidence


def test_a_place_named_only_in_a_separate_title_counts() -> None:
    a, ex = extracted("a", ["Croydon tram crash: seven dead",
                            "Seven people died when a tram overturned on Wednesday. Police in London said the "
                            "driver was arrested. The tram network in Croydon was closed."], "2016-11-09")
    apart = r.Article(**{**a.__dict__, "paragraphs": a.paragraphs[1:]})  # the cleaner keeps titles apart
    from crosswire.extract.entities import entities
    from crosswire.extract.sentences import sentences
    from crosswire.extract.time import dated_events

    spans = sentences(apart.text)
    ex = r.Extraction("a", (), entities(apart, spans), dated_events(apart, spans))
    event = run([apart], [ex])
    assert event.place is not None and event.place.name == "Croydon", event.place_evidence


def place_fact(measure: str, subject: str, best: float, low: float, high: float | None, n: int,
               where: str | None, *, key_suffix: str = "") -> r.Fact:
    return r.Fact(key=f"{measure}:{subject}:person{key_suffix}", measure=measure, subject=subject, unit="person",
                  status="agree", explanation="", reports=(), best=best, low=low, high=high,
                  independent_sources=n, place=where)


def test_the_toll_is_the_events_own_total() -> None:
    a, ex = extracted("a", ["Plane crash in Costa Rica kills 12",
                            "A small plane crashed in Costa Rica on Sunday, killing 12 people, five of them from "
                            "New York City."], "2017-12-31")
    home = place_fact("killed", "people", 5, 5, 12, 5, "New York City")
    site = place_fact("killed", "people", 12, 12, 12, 2, "Costa Rica")
    americans = place_fact("killed", "americans", 10, 10, 10, 3, "Costa Rica")
    children = place_fact("killed", "children", 2, 2, 2, 4, None)
    old = r.Fact(**{**place_fact("killed", "people", 130, 130, 130, 6, "Costa Rica", key_suffix=":background")
                    .__dict__})
    event = run([a], [ex], [home, site, americans, children, old])
    assert event.killed == r.Toll(12, 12, 12)
    assert run([a], [ex], [children, americans]).killed == r.Toll(10, 10, 10)  # no total: the broader part


def with_nobody(ex: r.Extraction, sentence: str, measure: str) -> r.Extraction:
    """``ex`` with only a negated claim ("no one was killed") of ``measure``, its entities and events kept."""
    nobody = r.Claim(id="a:c2", article_id="a", span=(0, 6), sentence=sentence, text=sentence[:6], measure=measure,
                     subject="people", low=0, high=0, negated=True)
    return r.Extraction("a", (nobody,), ex.entities, ex.events)


def test_the_toll_is_zero_when_reports_say_nobody_died() -> None:
    a, ex = extracted("a", ["Ship hits bridge", "A cruise ship hit a bridge on Tuesday, injuring 25 people. No one "
                            "was killed, police said."], "2017-12-27")
    ex = with_nobody(ex, "No one was killed", "killed")
    injured = place_fact("injured", "people", 25, 25, 25, 2, None)
    event = run([a], [ex], [injured])
    assert event.killed == r.Toll(0, 0, 0) and event.injured == r.Toll(25, 25, 25)


def test_nobody_hurt_in_an_earlier_event_is_no_toll_of_this_one() -> None:
    a, ex = extracted("a", ["Tram derails", "A tram derailed on Wednesday, killing seven people. In February "
                            "2012 a tram also derailed on the line but no one was hurt."], "2016-11-09")
    ex = with_nobody(ex, "no one was hurt", "injured")
    then = r.Fact(key="injured:people:person:background", measure="injured", subject="people", unit="person",
                  status="single-source", explanation="", best=0, low=0, high=0, independent_sources=1,
                  reports=(r.Report("a:c2", "a", "no one", (0, 6), 0, 0, False, "2012-02-01", None, "people",
                                    "person"),))
    killed = place_fact("killed", "people", 7, 7, 7, 1, None)
    assert run([a], [ex], [killed, then]).injured == r.Toll(None, None, None)  # unknown, not zero
    now = dataclasses.replace(then, key="injured:people:person")  # said of this event: zero
    assert run([a], [ex], [killed, now]).injured == r.Toll(0, 0, 0)


@pytest.mark.parametrize(("title", "expected"), [
    ("Suicide bomber rams truck into consulate", "bombing"),
    ("A car laden with explosives blew up at the gate, followed by gunfire", "bombing"),
    ("Gunman opens fire at concert, mass shooting leaves 58 dead", "shooting"),
    ("Truck ploughs into crowd in terror attack", "terror attack"),
    ("Air strikes hit market, killing 20", "air/drone strike"),
    ("Artillery shelling of the town kills five", "shelling/artillery"),
    ("Roadside bomb kills three soldiers", "remote explosive"),
    ("Rebels launch offensive, fierce clashes with the army", "battle"),
    ("Bus crash on mountain road kills 14", "road crash"),
    ("Crowded bus falls into gorge in the hills, rescue helicopter sent", "road crash"),
    ("Minibus skidded off the road and rolled into a river; a plane dropped supplies", "road crash"),
    ("Truck accident on the highway leaves nine dead", "road crash"),
    ("Ferry capsized off the coast", "maritime accident"),
    ("Magnitude 6.1 earthquake strikes", "earthquake"),
    ("Flash floods kill 30", "flood"),
    ("Typhoon leaves 12 dead", "storm"),
    ("Landslide buries village", "landslide"),
    ("Wildfire destroys homes", "fire"),
    ("Riots and looting after verdict", "riot"),
    ("Thousands of protesters march in the capital", "protest"),
    ("Boy found dead in well after search", "other"),
])
def test_event_types(title: str, expected: str) -> None:
    a = article("a", [title, "More details were not given."], "2020-01-01")
    assert run([a], [r.Extraction("a")]).type == expected
    assert expected == "other" or expected in {t.name for t in EVENT_TYPES}


def test_parties_actor_target_and_alias_merging() -> None:
    a = article("a", ["Taliban attack German consulate in Mazar-i-Sharif",
                      "The Taliban attacked the German consulate with a truck bomb late on Thursday, killing six, "
                      "according to the United Nations Assistance Mission."], "2016-11-11")
    ex = r.Extraction("a", (), mentions(a, {
        "Taliban": ("organization", "Taliban", None), "German consulate": ("organization", "German consulate", None),
        "United Nations Assistance Mission": ("organization", "United Nations Assistance Mission", None)}), ())
    event = run([a], [ex])
    assert event.actors == ("Taliban",) and event.targets == ("German consulate",)
    hts = "Hayat Tahrir al-Sham"
    assert merge_parties([hts, "HTS", "Hayat Tahrir"]) == {hts: hts, "HTS": hts, "Hayat Tahrir": hts}
    assert merge_parties(["Islamic State", "IS", "ISIS"])["IS"] == "Islamic State"
    # one group written two ways by two reports: the same initials and first words
    adf = merge_parties(["Allied Democratic Forces", "Allied Democratic Front", "ADF"])
    assert set(adf.values()) == {"Allied Democratic Forces"}
    assert merge_parties(["National Guard", "National Government"])["National Guard"] == "National Guard"


def test_a_claim_of_responsibility_late_in_the_report_names_the_actor() -> None:
    a = article("a", ["Blast hits German consulate in Mazar-i-Sharif",
                      "A huge blast followed by gunfire was heard near the German consulate late on Thursday.",
                      "Two people were killed and more than 80 were taken to hospital, officials said.",
                      "The building was badly damaged and nearby shops were destroyed.",
                      "Residents said windows were shattered across the neighbourhood.",
                      "Security forces sealed off the area and helicopters circled overhead.",
                      "The Taliban has claimed responsibility for the assault."], "2016-11-11")
    ex = r.Extraction("a", (), mentions(a, {"Taliban": ("organization", "Taliban", None)}), ())
    event = run([a], [ex])
    assert event.actors == ("Taliban",) and event.type == "bombing"  # a blast someone claimed is no accident


def test_a_person_the_report_names_as_the_attacker_is_an_actor() -> None:
    event = run_texts(("a", ["Gunman kills 49 at nightclub",
                             "A gunman opened fire at a nightclub early on Sunday, killing 49 people, police said.",
                             "The gunman, Omar Mir Seddique Mateen, 29, was killed in a shootout with police.",
                             "Police Chief John Mina said the gunman, who was armed with a rifle, acted alone."],
                       "2016-06-12"))
    assert event.actors == ("Omar Mir Seddique Mateen",)
    event = run_texts(("b", ["Congressman shot at baseball practice",
                             "A gunman opened fire on a congressional baseball practice on Wednesday, wounding four.",
                             "James T. Hodgkinson, 66, the gunman, died of his wounds, officials said."], "2017-06-14"))
    assert event.actors == ("James T. Hodgkinson",)


def test_csv_groups_follow_the_taxonomy() -> None:
    from crosswire.render.events import _GROUPS

    assert {t.name: (t.group, t.sub_event) for t in EVENT_TYPES} == _GROUPS


def test_options_are_checked() -> None:
    with pytest.raises(ConfigError):
        EventOptions(lead_sentences=0)
    with pytest.raises(ConfigError):
        EventOptions(copy_weight=1.5)
    with pytest.raises(ConfigError):
        EventOptions(max_days_before=-1)
    with pytest.raises(ConfigError):
        EventOptions(min_city_share=0)


# -- the events CSV -----------------------------------------------------------------------------
def test_events_csv_rows_and_export_round_trip() -> None:
    arts, exs = seed_records()
    story = story_of(*arts)
    event = event_record(story, [killed_fact(251, 251, None, status="update")], {a.id: a for a in arts},
                         {e.article_id: e for e in exs}, [])
    buf = io.StringIO()
    events_csv([(story, event)], buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == 1
    row = rows[0]
    assert row["event_date"] == "2024-11-27" and row["year"] == "2024" and row["time_precision"] == "1"
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")
    assert row["actor1"] == "Hayat Tahrir al-Sham" and "government forces" in row["actor2"]
    assert (row["country"], row["admin1"], row["location"], row["geo_precision"]) == ("Syria", "Aleppo", "Aleppo", "1")
    assert float(row["latitude"]) == pytest.approx(36.2, abs=0.1)
    assert (row["fatalities"], row["fatalities_low"], row["fatalities_high"]) == ("251", "251", "")
    assert row["n_reports"] == "5" and row["event_id_cnty"].startswith("SYR")
    exported = [{"id": story.id, "headline": story.headline, "article_ids": list(story.article_ids),
                 "first_seen": None, "last_seen": None, "event": json.loads(json.dumps(to_dict(event))),
                 "sources": [{"outlet": "bbc.com", "independent": True}]},
                {"id": "empty", "headline": "no event", "article_ids": [], "event": None}]
    again = io.StringIO()
    assert events_csv_from_export(exported, again) == 1
    row2 = next(csv.DictReader(io.StringIO(again.getvalue())))
    assert {k: v for k, v in row2.items() if k != "source"} == {k: v for k, v in row.items() if k != "source"}
    assert row2["source"] == "bbc.com"


# -- news-clusters-5w1h: ten real events with a toll, checked by hand ---------------------------
# (EventId, the day it happened, country, acceptable place names (town, region), killed best range
# (None = no figure or zero), injured best range, acceptable types). Checked against the articles:
# e.g. the Costa Rica Nature Air crash at Punta Islita, Guanacaste on Sunday 31 Dec 2017 (12 dead,
# 10 of them US citizens); the Las Vegas concert shooting on Sunday night 1 Oct 2017 (50 to 59 dead
# as the toll rose); the Nice Bastille Day truck attack on Thursday 14 July 2016 (60 to 85); the
# Taliban truck bomb at the German consulate in Mazar-i-Sharif late Thursday 10 Nov 2016 (2 to 6);
# the Croydon tram derailment on Wednesday 9 Nov 2016 (5 to 7); the Swiss Crystal hitting an A42
# bridge pillar near Duisburg late Tuesday 26 Dec 2017 (25 to 27 hurt, nobody killed); two NYC subway
# work trains on Wednesday 27 Dec 2017 (1 hurt); Rihanna's cousin shot in Barbados on Tuesday 26 Dec
# 2017 (1 dead); the Terrigal Beach fireworks barge on 31 Dec 2017 (2 hurt); the boy who fell into a
# well in Baoding, Hebei on Sunday 6 Nov 2016 and was found dead (1).
CLUSTER_EXPECTATIONS = (
    ("35", "2017-12-31", "Costa Rica", {"Punta Islita", "Guanacaste", "Nandayure"}, (10, 12), None,
     {"air crash"}),
    ("64", "2017-10-01", "United States", {"Las Vegas", "Paradise", "Nevada"}, (50, 59), (400, 600),
     {"shooting", "terror attack"}),
    ("68", "2016-07-14", "France", {"Nice"}, (60, 85), None, {"terror attack", "road crash"}),
    ("73", "2016-11-10", "Afghanistan", {"Mazār-e Sharīf", "Mazar-i-Sharif", "Mazar-e-Sharif", "Balkh"}, (2, 6),
     None, {"bombing", "terror attack"}),
    ("74", "2016-11-09", "United Kingdom", {"Croydon", "London", "England"}, (5, 7), None, {"rail crash"}),
    ("2", "2017-12-26", "Germany", {"Duisburg", "North Rhine-Westphalia"}, None, (25, 27), {"maritime accident"}),
    ("4", "2017-12-27", "United States", {"New York City", "New York", "Manhattan"}, None, (1, 1), {"rail crash"}),
    ("12", "2017-12-26", "Barbados", {"Barbados"}, (1, 1), None, {"shooting"}),
    ("37", "2017-12-31", "Australia", {"Terrigal", "New South Wales", "Australia"}, None, (2, 2),
     {"fire", "explosion"}),
    ("77", "2016-11-06", "China", {"Baoding", "Hebei"}, (1, 1), None, {"other", "fire", "explosion"}),
)


def _cluster_files() -> dict[str, list[Path]]:
    files: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(_need(CLUSTERS).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        files[str((doc.get("newsCluster") or {}).get("EventId"))].append(path)
    return files


def _by_pipeline(paths: list[Path], tmp_path: Path) -> r.EventRecord:
    """The event record of the story holding most of ``paths`` after one pipeline run over them."""
    return _pipeline_events({"one": paths}, tmp_path)["one"]


def _pipeline_events(groups: dict[str, list[Path]], tmp_path: Path) -> dict[str, r.EventRecord]:
    """One pipeline run over every group's files; for each group, the record of the story that holds
    most of its files (by the articles' origin)."""
    from crosswire.pipeline import run as run_pipeline
    from crosswire.store import Store

    db = tmp_path / "events.db"
    run_pipeline([str(p) for paths in groups.values() for p in paths], db=str(db))
    out = {}
    with Store(str(db)) as store:
        stories = store.stories()
        origin = {a.id: Path(a.origin.split("#")[0]).name for a in store.articles()}
        for key, paths in groups.items():
            names = {p.name for p in paths}
            best = max(stories, key=lambda s: (sum(origin.get(a) in names for a in s.article_ids), s.id))
            brief = store.brief(best.id)
            assert brief is not None and brief.event is not None
            out[key] = brief.event
    return out


@pytest.fixture(scope="module")
def cluster_records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, r.EventRecord]:
    files = _cluster_files()
    groups = {e[0]: files[e[0]] for e in CLUSTER_EXPECTATIONS}
    return _pipeline_events(groups, tmp_path_factory.mktemp("clusters"))


def _in(value: float | None, bounds: tuple[int, int] | None) -> bool:
    if bounds is None:
        return value in (None, 0)
    return value is not None and bounds[0] <= value <= bounds[1]


@pytest.mark.parametrize("expected", CLUSTER_EXPECTATIONS, ids=[e[0] for e in CLUSTER_EXPECTATIONS])
def test_news_clusters_spot_checks(expected: tuple, cluster_records: dict[str, r.EventRecord]) -> None:
    eid, day, country, places, killed, injured, types = expected
    event = cluster_records[eid]
    assert event.date == day, event.date_evidence
    assert event.place is not None and event.place.country == country, event.place_evidence
    assert event.place.name in places or event.place.admin1 in places, event.place_evidence
    assert event.type in types
    assert _in(event.killed.best, killed), event.killed
    assert injured is None or _in(event.injured.best, injured), event.injured


def test_seeds_end_to_end(tmp_path: Path) -> None:
    """The five seed files through the real pipeline."""
    event = _by_pipeline(sorted(_need(SEEDS).glob("0*.txt")), tmp_path)
    assert event.killed.best is not None and event.killed.best > 250
    assert event.killed.low is not None and event.killed.low > 250
    assert (event.date, event.date_precision) == ("2024-11-27", "day")
    assert event.place is not None and event.place.country == "Syria" and event.place.admin1 == "Aleppo"
    assert event.place.lat is not None and event.place.lon is not None
    assert "Hayat Tahrir al-Sham" in event.actors
    assert any("Syrian" in a and "government forces" in a for a in event.actors)


def test_news_organisations_are_not_actors() -> None:
    from crosswire.event import is_media

    outlets = {"edition.cnn.com", "www.npr.org"}
    assert all(is_media(n, outlets) for n in ("Associated Press", "NPR", "CNN", "Sky News", "Reuters"))
    assert not any(is_media(n, outlets) for n in ("Hayat Tahrir al-Sham", "Taliban", "ISIS", "Boko Haram"))


def test_a_building_named_after_a_town_is_not_that_town_unless_the_story_names_its_country() -> None:
    """A fictional valley town's evacuees sheltered at "the Riverside sports hall": the gazetteer's Riverside is in
    California, a country the story never names, so the record has no place rather than a wrong one."""
    unanchored = run_texts(("a", ["Dam bursts above Velmora",
                                  "A dam burst above Velmora late on Monday, killing 12 people. Families spent the "
                                  "night at the Riverside sports hall."], "2025-04-15"))
    assert unanchored.place is None, unanchored.place_evidence
    anchored = run_texts(("a", ["Floods in California",
                                "Floods in southern California killed two people on Monday. Families spent the "
                                "night at the Riverside sports hall."], "2017-02-21"))
    assert anchored.place is not None and anchored.place.country == "United States", anchored.place_evidence


def test_a_state_is_placed_in_the_state_not_in_a_namesake_town() -> None:
    """"Florida" is the state (its towns' centre for coordinates), never the village of Florida, New York."""
    event = run_texts(("a", ["Hurricane hits Florida",
                             "A hurricane struck Florida on Sunday, killing four people, officials in the United "
                             "States said."], "2017-09-11"))
    assert event.place is not None and event.place.name == "Florida", event.place_evidence
    assert event.place.admin1 == "Florida" and event.place.precision == "region"
    assert event.place.lat is not None and 24 < event.place.lat < 31, event.place


def test_the_party_an_attack_answers_is_not_its_actor() -> None:
    event = run_texts(("a", ["Taliban attack German consulate in Mazar-i-Sharif",
                             "A Taliban suicide bomber rammed a truck into the German consulate in Mazar-i-Sharif on "
                             "Thursday, killing six people, the Taliban said. A Nato spokesman said the explosion "
                             "damaged the building. The Taliban said the attack was in retaliation for Nato "
                             "airstrikes in Kunduz. Photo: Jane Roe (AFP)"], "2016-11-11"))
    assert "Taliban" in event.actors, event.actors
    assert not any(a in ("Nato", "NATO", "Jane Roe") for a in (*event.actors, *event.targets)), event


def test_type_words_of_another_year_or_in_another_sense_do_not_type_the_event() -> None:
    launch = run_texts(("a", ["Rocket launch delayed", "The company delayed the launch on Monday, its first since "
                              "a September 2016 explosion destroyed a rocket on the pad. Nobody was hurt."],
                        "2017-01-09"))
    assert launch.type != "explosion", launch.type
    party = run_texts(("a", ["Police patrol New Year's Eve party", "Youths were shooting fireworks at the crowd as "
                             "protesters marched to the square. Police said the protest was peaceful."], "2016-01-01"))
    assert party.type == "protest", party.type


def test_a_province_the_city_tables_lack_is_a_region() -> None:
    """"in New South Wales", "in Helmand": first-level divisions are places even without a city of that name."""
    event = run_texts(("a", ["Fireworks blast injures two at beach",
                             "A fireworks barge exploded off a beach in New South Wales on Sunday night, injuring two "
                             "people, police in Australia said."], "2018-01-01"))
    assert event.place is not None and event.place.name == "New South Wales", event.place_evidence
    assert event.place.country == "Australia" and event.place.precision == "region" and event.place.lat is not None


def test_in_a_story_that_is_no_attack_a_release_is_the_event() -> None:
    """"released", "sentenced", "charged" follow an attack; in a story of another kind they are its event."""
    event = run_texts(("b", ["White House releases emails", "WASHINGTON -- The White House on Wednesday released "
                             "the full set of emails on the talking points, in response to charges from "
                             "congressional Republicans."], "2013-05-16"))
    assert event.date == "2013-05-15", event.date_evidence


def test_the_town_a_real_story_is_about_beats_the_site_it_recalls(tmp_path: Path) -> None:
    """news-clusters event 21: Berlin sets up a New Year's Eve "safe zone" for women; the reports recall the
    2015 assaults in Cologne at length. The record's place is Berlin."""
    event = _by_pipeline(_cluster_files()["21"], tmp_path)
    assert event.place is not None and event.place.name == "Berlin", event.place_evidence


def test_a_rocket_blasting_off_or_a_feared_explosion_is_no_explosion() -> None:
    launch = run_texts(("a", ["Rocket set to blast off", "The rocket is set to blast off from Florida on Tuesday. "
                              "Damage from a launchpad explosion would delay the program, officials said."],
                        "2018-02-05"))
    assert launch.type != "explosion", launch.type


def test_a_lawyers_office_a_quoted_sign_and_capitol_hill_are_not_the_event() -> None:
    from crosswire.event.places import place_cue

    assert place_cue("said Jane Roe, an attorney with Roe & Doe in ") == "home"
    assert place_cue("A gunman opened fire at a market in ") == "site"
    _, ex = extracted("a", ["Shooting at practice", "Lawmakers on Capitol Hill held a moment of silence on Thursday. "
                            "Fans carried signs reading 'Capitol Police MVP' as a gunman was named."], "2017-06-15")
    assert [e.kind for e in ex.entities if e.name == "Capitol Hill"] == ["organization"]
    event = run_texts(("a", ["Gunman wounds congressman at baseball practice",
                             "A gunman opened fire on a baseball practice in Alexandria, Virginia, on Wednesday, "
                             "wounding four people. Fans attacked by the gunman carried signs reading 'Capitol "
                             "Police MVP' and 'Team Strong' as officers killed the gunman."], "2017-06-15"))
    assert not {"Capitol Police MVP", "Capitol Police"} & {*event.actors, *event.targets}, event


def test_a_named_day_dates_the_event() -> None:
    event = run_texts(("a", ["Migrants accused of coordinated sexual assaults", "Police are investigating dozens of "
                             "sexual assaults that occurred during New Year\u2019s Eve celebrations in Cologne. The "
                             "police chief has been criticized for his officers' slow response."], "2016-01-06"))
    assert event.date == "2015-12-31", event.date_evidence


def test_where_someone_spoke_is_no_target_and_a_static_fire_test_is_no_fire() -> None:
    event = run_texts(("a", ["Gunman kills 49 at Orlando nightclub",
                             "A gunman killed 49 people at a nightclub in Orlando on Sunday. President Obama, "
                             "speaking from the White House, called the shooting an act of terror."], "2016-06-13"))
    assert "White House" not in event.targets, event.targets
    launch = run_texts(("a", ["Rocket passes engine test", "The company completed a static fire test of the rocket "
                              "on Wednesday at Cape Canaveral, Florida, ahead of its first launch."], "2018-01-25"))
    assert launch.type != "fire", launch.type


def test_a_statement_happened_where_it_was_datelined() -> None:
    """A release, a hearing, a statement: the dateline is where it happened, not the place the story is about."""
    event = run_texts(
        ("b", ["White House releases Benghazi emails", "WASHINGTON -- The White House on Wednesday released the "
               "full set of emails on the talking points about the attack on the U.S. outpost in Benghazi, Libya."],
         "2013-05-16"),
        ("c", ["Emails show jostling over talking points", "WASHINGTON \u2014 E-mails released by the White House on "
               "Wednesday revealed a fierce internal jostling over the talking points on the attack in Benghazi."],
         "2013-05-16"))
    assert event.place is not None and event.place.name == "Washington", event.place_evidence


def test_a_disputed_claim_of_responsibility_makes_no_actor() -> None:
    event = run_texts(("a", ["FBI says Las Vegas gunman had no connection to Islamic State",
                             "A gunman killed 58 people at a concert in Las Vegas on Sunday night. The Islamic State "
                             "claimed the attack, saying the gunman acted on behalf of the Islamic State, but the "
                             "group provided no evidence, and the FBI said he had no connection to any group."],
                       "2017-10-02"))
    assert not {"Islamic State", "ISIS"} & set(event.actors), event.actors
    claimed = run_texts(("a", ["Islamic State claims Kabul bombing",
                               "A suicide bomber killed 40 people at a Kabul mosque on Friday. The Islamic State "
                               "claimed the attack in a statement."], "2017-10-21"))
    assert "Islamic State" in claimed.actors, claimed.actors


def test_hostages_released_are_no_attack() -> None:
    event = run_texts(("a", ["Militants release 21 schoolgirl hostages",
                             "Militants released 21 schoolgirls held as hostages for two years on Thursday, in a "
                             "swap negotiated by the government. The hostages were handed over in the town."],
                       "2016-10-13"))
    assert event.type != "terror attack", event.type


def _record_of(paragraphs: list[str], published: str) -> r.EventRecord:
    from crosswire.extract import extract
    from crosswire.pipeline import RunOptions, brief_of

    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=tuple(paragraphs), title=paragraphs[0],
                  outlet="x", published=r.Published(published, "day", "t"))
    story = r.Story(id="s", article_ids=("a",), headline="h", first_seen=published, last_seen=published)
    b = brief_of(story, {"a": a}, {"a": extract(a)}, [], RunOptions())
    assert b.event is not None
    return b.event


def test_a_background_toll_does_not_make_the_record() -> None:
    """The sentence recalling another attack's dead (judged background) gives the record no type."""
    record = _record_of([
        "Militants free 21 abducted schoolgirls",
        "Militants freed 21 schoolgirls on Thursday in the town of Banki, officials said.",
        "The girls were taken to the state capital and met their families.",
        "The release followed talks brokered by the Red Cross and the Swiss government.",
        "Parents gathered at a church in the capital to wait for news of their daughters.",
        "The government said talks on the release of the other girls would go on.",
        "Last month, a suicide bombing killed eight people in Maiduguri, police said."], "2016-10-14")
    assert record.type == "other"


@pytest.mark.parametrize(("sentence", "not_type"), [
    ("The freed hostages were flown by helicopter to the capital on Thursday.", "air crash"),
    ("The senator faced a barrage of questions from reporters on Thursday.", "shelling/artillery"),
    ("The defence minister resigned on Thursday in protest of the decision.", "protest"),
    ("The president unveiled gun proposals on Thursday in the wake of the school shooting.", "shooting"),
])
def test_words_of_a_type_that_name_no_such_event(sentence: str, not_type: str) -> None:
    record = _record_of(["Officials meet on Thursday", sentence, "Officials will meet again next week."],
                        "2016-10-14")
    assert record.type != not_type


def test_a_vehicle_that_crashed_still_types_the_event() -> None:
    record = _record_of(["Helicopter crashes in the hills",
                         "A military helicopter crashed in the hills on Thursday, killing four crew.",
                         "Rescuers reached the wreckage by helicopter on Friday."], "2016-10-14")
    assert record.type == "air crash"


@pytest.mark.parametrize(("published", "lead", "expected"), [
    ("2016-11-10T04:35:00", "A gunman shot five people near a market shortly before 7 pm, police said.", "2016-11-09"),
    ("2016-11-10T21:35:00", "A gunman shot five people near a market shortly before 7 pm, police said.", "2016-11-10"),
    ("2016-11-10T04:35:00", "A gunman shot five people near a market at 11:30pm local time, police said.",
     "2016-11-10"),  # another clock than the publisher's
    ("2016-11-10T00:00:00", "A gunman shot five people near a market shortly before 7 pm, police said.", "2016-11-10"),
])
def test_a_clock_time_later_than_the_publication_is_the_evening_before(published, lead, expected) -> None:
    from crosswire.extract import extract
    from crosswire.pipeline import RunOptions, brief_of

    paras = ("Five people shot near market", lead, "The victims were taken to hospital.")
    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=paras, title=paras[0], outlet="x",
                  published=r.Published(published, "datetime", "t"))
    story = r.Story(id="s", article_ids=("a",), headline="h", first_seen=published, last_seen=published)
    record = brief_of(story, {"a": a}, {"a": extract(a)}, [], RunOptions()).event
    assert record is not None and record.date == expected


@pytest.mark.parametrize(("sentence", "name"), [
    ("The assailant, who authorities have identified as 66-year-old James T. Hodgkinson, was shot by police.",
     "James T. Hodgkinson"),
    ("Police identified the suspect as Cesar Sayoc, 56, of Florida.", "Cesar Sayoc"),
])
def test_an_attacker_named_as_identified_is_an_actor(sentence: str, name: str) -> None:
    record = _record_of(["Gunman opens fire at park",
                         "A gunman opened fire at a park on Wednesday morning, wounding five people, police said.",
                         sentence], "2017-06-14")
    assert record.type == "shooting" and name in record.actors


def test_the_blast_of_a_named_bomb_is_a_bombing() -> None:
    record = _record_of(["Blast in city centre kills 9",
                         "A car bomb killed at least seven people in the city centre on Thursday, police said.",
                         "The blast also wounded 20 people."], "2025-03-07")
    assert record.type == "bombing"


# -- fast paths: each must find what the plain reading finds ------------------------------------
def test_sentence_spans_search_each_line_in_place() -> None:
    from crosswire.event import reading

    def by_line(text: str) -> list[tuple[int, int]]:  # each line cut as a string of its own
        spans = []
        for line in re.finditer(r"[^\n]+", text):
            start = line.start()
            for cut in reading._SENTENCE_CUT.finditer(line.group()):
                spans.append((start, line.start() + cut.start() + 1))
                start = line.start() + cut.end()
            spans.append((start, line.end()))
        return spans

    for text in ("One. Two! “Three?” Four.\n\nFive. Six", ".\n“Seven.” Eight.\nNine.\n. Ten", "", "\n\n", "A.\nB",
                 "He said. \n“Quote.” (Aside.) 'Single.' x. Y.", "End.\u201d\nNext? \"Yes.\" ‘No.’"):
        assert reading.sentence_spans(text) == by_line(text), text


def test_lowering_keeps_what_a_case_insensitive_search_finds() -> None:
    """plain_lower's promise, over every character: lowering keeps each one's length and its word, space and
    digit class, and only FOLDS_TO_ASCII are taken for an ASCII letter other than by lowering to it."""
    import sys

    from crosswire.event.reading import FOLDS_TO_ASCII

    word, space, digit = re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d")
    letter = re.compile("[a-z]", re.IGNORECASE)
    odd = set()
    for ch in map(chr, range(sys.maxunicode + 1)):
        low = ch.lower()
        changed = len(low) != 1 or (low != ch and (
            (not ch.isascii() and low.isascii())
            or any(bool(rx.match(ch)) != bool(rx.match(low)) for rx in (word, space, digit))))
        if changed or (not ch.isascii() and letter.match(ch)):
            odd.add(ch)
    assert odd == set(FOLDS_TO_ASCII)


def test_any_type_finds_what_some_type_finds() -> None:
    from crosswire.event.reading import _ANY_TYPE_FOLDED, ANY_TYPE, TYPE_RE, names_a_type

    assert not re.search(r"\\[A-Z]", ANY_TYPE.pattern) and _ANY_TYPE_FOLDED.lower.flags & re.IGNORECASE == 0
    texts = ["A car bomb exploded", "the IED blast", "an ied", "opened fire on them", "a fire test", "ceasefire",
             "ſhooting at the ſchool", "İED found", "a \u212aNIFE ATTACK", "the air-strike", "an airstrike",
             "shooting hoops", "shootings", "PROTESTERS gathered", "the rail-crash", "derailment", "Nothing here.",
             "fires", "the fire-station", "blast-off", "blasts", "hostages freed", "riot-police", "ı", ""]
    for text in texts + [t.upper() for t in texts] + [t.title() for t in texts]:
        assert names_a_type(text) == any(rx.search(text) for rx in TYPE_RE.values()), text


def test_hints_are_in_every_match_of_their_patterns() -> None:
    """The lowered words a text must hold for a pattern to find anything in it: a text without them is not
    searched. Every alternative of each pattern, in any case."""
    from crosswire import event as ev
    from crosswire.event.reading import may_hold, plain_lower

    cues = ["gunman", "gunmen", "shooter", "shooters", "attacker", "attackers", "assailant", "assailants",
            "bomber", "bombers", "killer", "killers", "perpetrator", "perpetrators", "suspect", "suspects",
            "hijacker", "hijackers", "driver", "drivers"]
    disputed = ["no evidence to", "no connection with", "no connections of", "no link for", "no links that",
                "no ties to", "provided no evidence", "dismissed the claim", "dismissed its claim", "doubts claim",
                "doubt the claim", "questioned its claim", "disputed that claim", "denied claim", "rejected the claim"]
    claimed = ["claimed responsibility", "claims credit", "claiming responsibility", "claim credit"]
    for hint, rx, found in ((ev._PERPETRATOR_HINT, ev._PERPETRATOR_WORD, cues), (ev._DISPUTED_HINT, ev._DISPUTED,
                            disputed), (ev._RESPONSIBILITY_HINT, ev._RESPONSIBILITY, claimed)):
        for words in found:
            for text in (f"Then {words}.", f"THEN {words.upper()}!", f"x {words.title()}\n"):
                assert rx.search(text), text
                assert may_hold(hint, plain_lower(text)), text
        assert not may_hold(hint, plain_lower("Nothing of the kind.")) and not rx.search("Nothing of the kind.")
        assert may_hold(hint, plain_lower("\u017f"))  # a text with a folding character is always searched


def test_folded_patterns_find_what_the_case_insensitive_ones_find() -> None:
    """A folded pattern searched in the lowered text finds the case-insensitive pattern's matches at the same
    places; the alternations that stand for several searches (is the clause eventful, where does a party's
    sentence first name the event) find what the first of those searches finds."""
    from crosswire import event as ev
    from crosswire.event import places
    from crosswire.event.reading import (
        BACKGROUND_LINK,
        EVENT_NOUNS,
        EVENT_VERBS,
        FUTURE,
        TYPE_RE,
        Folded,
        folded,
        plain_lower,
    )

    texts = ["In RETALIATION for the raid, months after a similar one", "Since then. Previously, years after",
             "The Gunmen and a SUSPECT; drivers-ed shooters", "Officials DENIED the claim, with no ties to IS",
             "It Claimed Responsibility, then provided no evidence that it did",
             "Police said the gunman WILL face charges tomorrow.", "It could have been worse, they'll say",
             "The Attack on the base was CLAIMED: the group claimed responsibility.", "A sTaBbInG, then a fire-test",
             "Nothing happened", "ſhooting Kelvin \u212a blast İstanbul", "next-door killings", "won't", "",
             "Gunfire erupted; they SEIZED the town and the bombing raids went on.", "x-attack attacks-x (attack)"]
    for rx in (EVENT_VERBS, EVENT_NOUNS, FUTURE, places._MAYBE, BACKGROUND_LINK, ev._PERPETRATOR_WORD,
               ev._RESPONSIBILITY, ev._DISPUTED, *TYPE_RE.values()):
        low = folded(rx)
        for text in texts + [t.upper() for t in texts]:
            want = [m.span() for m in rx.finditer(text)]
            lowered = plain_lower(text)
            if lowered is not None:
                assert [m.span() for m in low.finditer(lowered)] == want, (rx.pattern[:30], text)
                for at in range(len(text)):  # searched from a place, as a clause is
                    assert bool(low.search(lowered, at)) == bool(rx.search(text, at)), (rx.pattern[:30], text, at)
            pair = Folded(rx)
            found = pair.search(text, lowered)
            assert (found.span() if found else None) == (want[0] if want else None)
            assert [m.span() for m in pair.finditer(text, lowered)] == want, (rx.pattern[:30], text)
            for at in range(len(text)):
                found = pair.search(text, lowered, at, len(text) - at // 2)
                wanted = rx.search(text, at, len(text) - at // 2)
                assert (found.span() if found else None) == (wanted.span() if wanted else None), (text, at)
    for name in (*TYPE_RE, "other"):
        type_re = TYPE_RE.get(name)
        words = places._Words(type_re)
        reader = ev._SentenceReader(type_re)
        for text in texts + [t.upper() for t in texts]:
            assert words.eventful[text] == places._eventful(text, type_re), (name, text)
            starts = [m.start() for rx in (EVENT_VERBS, type_re, ev._RESPONSIBILITY) if rx is not None
                      for m in rx.finditer(text)]
            assert reader(text)[2] == (min(starts) if starts else None), (name, text)
    for bad in (re.compile(r"\W+", re.I), re.compile(r"\x41", re.I), re.compile("a(?-i:B)", re.I), re.compile("a")):
        with pytest.raises(ValueError):
            folded(bad)


def test_a_rights_group_that_reports_the_toll_is_no_actor() -> None:
    """"New York-based group Human Rights Watch reported that 20 people were killed": the group is the source
    (even where the entity keeps only the first words of its name), the security forces the actor."""
    record = _record_of([
        "Rights group says 84 killed in protests",
        "At least 84 people have been killed by security forces in three days of protests in several cities, Human "
        "Rights Watch reported.",
        "New York-based group Human Rights Watch reported that 20 people were killed in Benghazi during protests on "
        "Thursday.",
    ], "2011-02-19")
    assert not any("Human Rights" in a for a in (*record.actors, *record.targets)), record.actors


def test_the_occasion_a_crush_is_named_by_and_a_count_s_status_day_do_not_date_it() -> None:
    """"the Halloween crowd crush" (it was two days before Halloween), "As of Sunday evening, 153 were killed" (when
    the count stood): the event is Saturday night's."""
    record = _record_of([
        "Crowd crush toll rises to 154",
        "The death toll from the Halloween crowd crush in Varnia's capital has risen to 154, officials said Monday.",
        "The crush happened Saturday night when a massive crowd of Halloween partygoers packed a narrow alley.",
        "As of Sunday evening, officials said 153 people were killed and 133 were injured."], "2033-10-31")
    assert record.date == "2033-10-29"  # (a Monday's report)


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["Dozens killed as forces break up sit-in",
      "The raid on Monday by security forces on a protest camp in the capital of Marosia was the worst violence yet.",
      "The health ministry said 61 people were killed when troops opened fire on protesters at the sit-in."],
     "attack on protesters"),
    (["Crush at Veltra shrine kills 212 pilgrims",
      "At least 212 pilgrims were killed on Thursday in a stampede at the Veltra shrine, officials said.",
      "Witnesses said many were trampled to death as two crowds met in a narrow lane."], "crowd crush"),
    (["Search goes on after apartment block collapse",
      "Part of a 12-storey apartment building collapsed in Arvela on Thursday, killing at least four people.",
      "Firefighters battled smoke and small fires in the rubble as they searched for survivors."],
     "structural collapse"),
])
def test_crackdowns_crushes_and_collapses_have_types_of_their_own(paragraphs: list[str], expected: str) -> None:
    """Not "protest" for protesters shot dead, not "terror attack" or "other" for a crush, not "fire" for a
    building that fell."""
    assert _record_of(paragraphs, "2031-06-06").type == expected


def test_a_tsunami_is_a_type_of_its_own() -> None:
    record = _record_of(["Tsunami kills 222 in Varnia",
                         "A tsunami killed at least 222 people on the coast of Varnia on Saturday, following an "
                         "underwater landslide after a volcanic eruption."], "2031-12-23")
    assert record.type == "tsunami"


def test_a_regulatory_crackdown_is_no_attack_on_protesters() -> None:
    record = _record_of(["Markets fall as regulators signal crackdown",
                         "Prices fell on Monday as the central bank signalled a crackdown on trading, analysts said."],
                        "2031-06-06")
    assert record.type != "attack on protesters"


def test_a_page_label_a_news_agency_and_a_quoted_body_are_no_actors() -> None:
    """"STORY:" before a transcript, "Russia's state news agency Tass", "the Federal Security Service, says ...":
    who reports or labels the event did not do it."""
    record = _record_of([
        "Gunmen open fire in Varnia concert hall",
        "STORY: Several gunmen burst into a concert hall in Varnia on Friday and opened fire on the crowd.",
        "The country's top security agency, the Federal Security Service, says there are dead and wounded.",
        "A report by the state news agency Tass did not say how many were killed.",
        "The Brigade of the North claimed responsibility for the attack."], "2031-03-22")
    assert "STORY" not in record.actors and "Tass" not in record.actors
    assert "Federal Security Service" not in record.actors


def test_an_agency_tag_and_two_bodies_that_report_the_toll_are_no_actors() -> None:
    """"VARNIA, Ostland (AA) –": a news agency's tag; "Ostland Human Rights Commission (OHRC) and Police Reforms
    Working Group (PRWG) said 23 people were killed by police": the two who report it did not do it."""
    record = _record_of([
        "Protest crackdown toll rises",
        "VARNIA, Ostland (AA) – Security forces fired on protesters who stormed the parliament on Tuesday.",
        "Ostland Human Rights Commission (OHRC) and Police Reforms Working Group (PRWG) said 23 people were killed "
        "by police across the country."], "2031-06-26")
    assert "AA" not in record.actors
    assert not {"Ostland Human Rights Commission", "Police Reforms Working Group"} & set(record.actors)


def test_the_day_a_toll_rose_to_a_figure_does_not_date_the_event() -> None:
    """"The death toll in the plane crash rose to 270 on Saturday ... The airliner began losing height after
    take-off on Thursday": the crash was Thursday's; Saturday is when the count stood."""
    record = _record_of([
        "Plane crash death toll hits 270",
        "The death toll in the deadly plane crash rose to 270 on Saturday, with families upset by delays in handing "
        "over the bodies.",
        "The airliner with 242 people on board began losing height seconds after take-off on Thursday and erupted "
        "in a fireball as it hit buildings below."], "2035-06-16")
    assert record.date == "2035-06-14"


def test_the_day_a_report_told_the_toll_does_not_date_the_event() -> None:
    """"... following the fall of the government on Monday, according to a media report on Thursday": the report's
    day is when it was told."""
    record = _record_of([
        "Hundreds killed after government falls",
        "Varnia, Aug 11: At least 232 people were killed in the incidents of violence that erupted across the "
        "country following the fall of the government led by Anna Volk on Monday, according to a media report on "
        "Thursday, taking the death toll to 560 since the protests first started in mid-July."], "2034-08-11")
    assert record.date == "2034-08-07"


def test_a_group_that_carried_out_the_blasts_and_a_man_named_as_the_bomber_are_actors() -> None:
    """"a local group called Varnia Front (VF), carried out the blasts"; "Jon Doe has been named by police as the
    suspected suicide bomber": both did it."""
    record = _record_of([
        "Blasts kill 40 at churches",
        "Authorities said suicide bombers, members of a local extremist group called Varnia Front (VF), carried out "
        "the blasts at three churches that killed 40 people on Sunday."], "2036-04-22")
    assert "Varnia Front" in record.actors, record.actors
    record = _record_of([
        "Arena bomber named",
        "Jon Doe has been named by police as the suspected suicide bomber who killed 22 people at the arena on "
        "Monday night."], "2036-05-23")
    assert "Jon Doe" in record.actors, record.actors


def test_a_date_naming_the_event_dates_it_in_a_report_written_weeks_later() -> None:
    """A report of the recovery or the inquiry says when it happened by naming the event with its date."""
    record = _record_of([
        "Divers recover last victim of Harlow bridge collapse",
        "Divers recovered the last of the six victims of the Harlow bridge collapse on Tuesday, officials said.",
        "Six road workers were on the bridge on March 26 when a cargo ship hit one of its piers.",
        "The channel reopened to ships last week."], "2024-05-07")
    assert (record.date, record.date_precision) == ("2024-03-26", "day"), record.date_evidence
    record = _record_of([
        "Crash families must wait months",
        "Families of the victims will wait months for the remains, the prosecutor said on Wednesday.",
        "The impact of the March 24 crash shattered the plane, investigators said."], "2015-04-01")
    assert record.date == "2015-03-24", record.date_evidence
    record = _record_of([
        "Quake survivors rebuild",
        "Survivors of the earthquake began rebuilding on Tuesday, officials said.",
        "Residents said the March 11, 2011 earthquake was still in their minds."], "2024-01-09")
    assert record.date != "2011-03-11", record.date_evidence  # an old event recalled by its date is no date of this


def test_a_date_said_or_seen_after_the_event_does_not_name_it() -> None:
    """"said Monday that the strike was under review", "on Monday after an Israeli strike torched a camp": the
    words after the date are no adjective of the event's noun."""
    from crosswire.event.dates import _names_event
    from crosswire.event.reading import TYPE_RE

    def ev(text: str, expression: str) -> r.DatedEvent:
        at = text.index(expression)
        return r.DatedEvent("a", (at, at + len(expression)), (0, len(text)), text, "2024-05-27", "day", expression,
                            "strike")

    type_re = TYPE_RE["air/drone strike"]
    for text in ("A legal official said Monday that the strike was under review.",
                 "Men cleared debris in the city on Monday after an Israeli strike torched a camp."):
        assert not _names_event(text, ev(text, "Monday"), type_re), text
    text = "Sunday's deadly Israeli strike on the camp was condemned."
    assert _names_event(text, ev(text, "Sunday"), type_re)


def test_an_incident_named_by_its_weekday_is_the_event_s_day() -> None:
    record = _record_of([
        "Airline sorry for removing players",
        "The airline apologised on Wednesday to three basketball players removed from a flight.",
        "Sunday's incident comes after the chief executive said the airline would review its rules."], "2017-12-27")
    assert record.date == "2017-12-24", record.date_evidence


def test_a_rocket_strike_on_a_railway_station_is_shelling_not_a_rail_crash() -> None:
    record = _record_of([
        "Dozens killed in rocket strike on station",
        "More than 30 people were killed and over 100 wounded in a rocket strike on a railway station in the east "
        "on Friday, the railway company said.",
        "Thousands of evacuees had been waiting at the station for trains out of the region.",
        "Officials said a ballistic missile hit the station."], "2022-04-08")
    assert record.type == "shelling/artillery", record.type


def test_a_town_with_its_state_and_a_title_s_earlier_event_place_the_event_right() -> None:
    """"Texas school shooting kills 10, deadliest since Parkland": Parkland is another event's place (it was the
    record's place, in Washington state); "Parkland, Florida" resolves in Florida."""
    from crosswire.extract import extract
    from crosswire.pipeline import RunOptions, brief_of

    a = r.Article(id="a", document_id="a", origin="a.html", title="Texas school shooting kills 10, deadliest since "
                  "Parkland", paragraphs=(  # (a page whose text does not repeat its title)
                      "A 17-year-old opened fire at a high school in Texas on Friday, killing 10 people, authorities "
                      "said.", "It came three months after the Parkland, Florida, attack that killed 17 people.",
                      "Police said explosive devices were found at the school and nearby."),
                  outlet="x", published=r.Published("2018-05-18", "day", "t"))
    story = r.Story(id="s", article_ids=("a",), headline="h", first_seen="2018-05-18", last_seen="2018-05-18")
    record = brief_of(story, {"a": a}, {"a": extract(a)}, [], RunOptions()).event
    assert record is not None and record.place is not None and record.place.name != "Parkland", record


def test_a_place_told_with_a_time_before_the_story_is_another_event_s() -> None:
    record = _record_of([
        "Medical jet crashes into city neighbourhood",
        "A medical jet with seven people on board crashed into a busy neighbourhood of Philadelphia on Friday, "
        "authorities said, marking another aviation disaster after a passenger plane and a military helicopter "
        "collided midair in Washington earlier this week.",
        "The crash came after 67 people were killed when the plane and the helicopter crashed in Washington two "
        "days earlier.",
        "The crash happened just after 6pm."], "2025-01-31")
    assert record.place is not None and record.place.name == "Philadelphia", record.place_evidence


def test_a_strike_on_a_train_station_is_no_rail_crash() -> None:
    """"Russian troops hit the railway station", "missile strike on train station": a station is a building; in
    reports that name it again and again, it made the Kramatorsk strike a rail crash."""
    record = run_texts(*[(f"k{i}", [title, body], "2022-04-08") for i, (title, body) in enumerate([
        ("Missile strike on Kramatorsk train station kills dozens",
         "A missile strike on the railway station in Kramatorsk killed at least 30 people on Friday, the railway "
         "company said. Thousands were waiting at the train station for trains to the west."),
        ("Death toll from Kramatorsk train station attack rises to 50",
         "The death toll from the attack on the train station in Kramatorsk rose to 50, the governor said. The "
         "railway station was crowded with evacuees; the rail company said trains would run again.")])])
    assert record.type != "rail crash", record.type


def test_a_country_s_strikes_name_its_forces_as_the_actor_and_type_an_air_strike() -> None:
    record = run_texts(("a", ["Israeli strike on tent camp kills dozens",
                              "At least 35 people were killed when Israeli air strikes hit a camp for displaced people "
                              "on Sunday, the health ministry said. The strikes set tents on fire."], "2024-05-27"))
    assert record.type == "air/drone strike" and record.actors == ("Israeli government forces",), record
    record = run_texts(("b", ["Heavy strikes hit the city", "Heavy strikes hit the city on Sunday, killing 12 people, "
                              "officials said."], "2024-05-27"))
    assert "Heavy government forces" not in record.actors  # (a capitalised word that is no demonym)


def test_protests_told_town_after_town_across_a_country_are_placed_in_the_country() -> None:
    towns = ["Tehran", "Saqqez", "Sanandaj", "Mashhad", "Isfahan", "Shiraz"]
    paragraphs = ["Protests spread across Iran as crackdown toll rises",
                  "Security forces in Iran have killed at least 50 protesters in the crackdown on protests across "
                  "Iran, a rights group said on Sunday."]
    paragraphs += [f"Protesters in Iran clashed with security forces in {t}, where police fired on demonstrators, "
                   f"witnesses in Iran said." for t in towns]
    record = _record_of(paragraphs, "2022-10-02")
    assert record.place is not None and record.place.precision == "country", record.place_evidence


def test_reports_that_each_date_their_own_news_tie_to_the_earliest_day() -> None:
    """A ferry that sank on Wednesday, then follow-ups each dated by their news (divers on Saturday, bodies on
    Monday): one vote each, and the earliest day is the event's (the Sewol record took the Monday of a follow-up)."""
    record = run_texts(
        ("a", ["Hundreds missing at sea", "Hundreds of people are missing, the coast guard said.",
               "Rescue boats and helicopters searched the waters through the night.",
               "The ferry sank off the southern coast on Wednesday morning."], "2014-04-16"),
        ("b", ["Divers enter sunken ferry", "Divers entered the sunken ferry on Saturday as the death toll from the "
               "capsized ferry rose to 33, officials said."], "2014-04-19"),
        ("c", ["Ferry toll rises", "Divers recovered more than 20 bodies on Monday from the sunken ferry, and the "
               "death toll from the capsized ferry rose to 87."], "2014-04-21"))
    assert record.date == "2014-04-16", record.date_evidence
