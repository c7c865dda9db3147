"""cluster: seeds form one story, robust to other stories around them, incremental, deterministic."""

from __future__ import annotations

import ast
import hashlib
import json
import random
from pathlib import Path

import pytest

from crosswire.cluster import ClusterOptions, StoryIndex, article_terms, cluster, story_id
from crosswire.dedup import DedupIndex, dedup
from crosswire.errors import ConfigError
from crosswire.records import Article, DatedEvent, Entity, Extraction, Published, Story

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _need_shared() -> None:
    if not SHARED.exists():
        pytest.skip("shared data missing")


def _article(key: str, title: str | None, paragraphs: list[str], published: str | None,
             outlet: str | None = None) -> Article:
    return Article(id=hashlib.sha256(key.encode()).hexdigest()[:16], document_id=key, origin=key,
                   paragraphs=tuple(p.strip() for p in paragraphs if p.strip()), title=title, outlet=outlet,
                   published=Published(value=published, precision="day" if published else "unknown"))


def seeds() -> list[Article]:
    _need_shared()
    out = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        out.append(_article("seed:" + path.name, lines[0], lines, None))
    return out


def news_clusters() -> tuple[list[Article], dict[str, int]]:
    _need_shared()
    articles, gold = [], {}
    for path in sorted((SHARED / "data" / "news-clusters-5w1h").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        nc = d["newsCluster"]
        nc = ast.literal_eval(nc) if isinstance(nc, str) else nc
        a = _article(path.name, d.get("title"), (d.get("text") or "").split("\n"), d.get("date_publish"),
                     d.get("source_domain"))
        articles.append(a)
        gold[a.id] = nc["EventId"]
    return articles, gold


def _run(articles: list[Article]) -> tuple[StoryIndex, list[Story]]:
    index = StoryIndex(ClusterOptions())
    return index, cluster(articles, {}, dedup(articles, DedupIndex()), index)


def test_seeds_form_one_story_of_five() -> None:
    arts = seeds()
    index, stories = _run(arts)
    assert len(stories) == 1
    story = stories[0]
    assert sorted(story.article_ids) == sorted(a.id for a in arts)
    founder = min(arts, key=lambda a: a.id)  # undated: publication order falls back to id order
    assert story.id == story_id(founder.id) == "s" + hashlib.sha256(founder.id.encode()).hexdigest()[:12]
    assert story.headline in {a.title for a in arts}
    assert index.features(story.id)["articles"][0][0] == founder.id


def test_seeds_mixed_into_news_clusters_form_one_story_of_exactly_five() -> None:
    arts, _ = news_clusters()
    seed_articles = seeds()
    index, _ = _run([*arts, *seed_articles])
    story_ids = {index.story_of(a.id) for a in seed_articles}
    assert len(story_ids) == 1
    (sid,) = story_ids
    assert sorted(index.story(sid).article_ids) == sorted(a.id for a in seed_articles)


def test_news_clusters_quality_floor() -> None:
    arts, gold = news_clusters()
    index, _ = _run(arts)
    by_story: dict[str, set[str]] = {}
    by_gold: dict[int, set[str]] = {}
    for a in arts:
        by_story.setdefault(index.story_of(a.id) or "", set()).add(a.id)
        by_gold.setdefault(gold[a.id], set()).add(a.id)
    p = sum(len(by_story[index.story_of(a.id) or ""] & by_gold[gold[a.id]]) / len(by_story[index.story_of(a.id) or ""])
            for a in arts) / len(arts)
    r = sum(len(by_story[index.story_of(a.id) or ""] & by_gold[gold[a.id]]) / len(by_gold[gold[a.id]])
            for a in arts) / len(arts)
    assert 2 * p * r / (p + r) > 0.88  # benchmarks/clustering.py measures the real figure


def test_same_kind_of_event_on_other_days_is_another_story() -> None:
    def shooting(key: str, day: str, city_words: list[str], outlet: str) -> Article:
        return _article(key, city_words[0], city_words[1:], day, outlet)

    a1 = shooting("a1", "2023-03-01", [
        "Gunman kills 4 at Riverside shopping mall",
        "A gunman opened fire at the Riverside Mall in Springfield on Wednesday, killing four people and "
        "wounding 11 before police shot him dead, Police Chief Maria Gonzalez said.",
        "The suspect was identified as Daniel Kessler, 34, a former security guard at the mall.",
    ], "a.example")
    a2 = shooting("a2", "2023-03-02", [
        "Springfield mall shooting: victims named",
        "Police in Springfield named the four people killed when Daniel Kessler, 34, opened fire at the "
        "Riverside Mall on Wednesday; 11 others were wounded, Chief Maria Gonzalez said.",
        "Kessler had worked as a security guard at the Riverside Mall until last year.",
    ], "b.example")
    b1 = shooting("b1", "2023-05-20", [
        "Two killed in Springfield nightclub shooting",
        "Two people were shot dead and 6 injured at the Blue Note nightclub in Springfield early on Saturday, "
        "police spokesman Tom Reyes said. A 19-year-old man, Jamal Ortiz, was arrested.",
        "Police said the shooting followed a fight outside the Blue Note club.",
    ], "c.example")
    index, stories = _run([b1, a2, a1])
    assert len(stories) == 2
    ids = {k: _article(k, None, ["x"], None).id for k in ("a1", "a2", "b1")}
    assert index.story_of(ids["a1"]) == index.story_of(ids["a2"]) != index.story_of(ids["b1"])


def test_incremental_with_persistence_equals_all_at_once() -> None:
    arts, _ = news_clusters()
    arts = sorted(arts, key=lambda a: (a.published.value is None, a.published.value or "", a.id))
    seed_articles = seeds()
    arts = arts + seed_articles  # undated: last in publication order
    half = len(arts) // 2
    # all at once, online (one article per call)
    d_all, s_all = DedupIndex(), StoryIndex()
    for a in arts:
        cluster([a], {}, dedup([a], d_all), s_all)
    # half, persist through JSON, then the rest
    d1, s1 = DedupIndex(), StoryIndex()
    for a in arts[:half]:
        cluster([a], {}, dedup([a], d1), s1)
    rows = [(aid, json.loads(json.dumps(params)), data) for aid, params, data in d1.rows([a.id for a in arts[:half]])]
    stored = [(s1.story(sid.id), json.loads(json.dumps(s1.features(sid.id)))) for sid in s1.stories()]
    d2, s2 = DedupIndex.from_rows(rows), StoryIndex.from_stored(stored)
    for a in arts[half:]:
        cluster([a], {}, dedup([a], d2), s2)
    assert s2.stories() == s_all.stories()
    assert [s2.features(s.id) for s in s2.stories()] == [s_all.features(s.id) for s in s_all.stories()]


def test_shuffled_input_gives_the_same_stories() -> None:
    arts, _ = news_clusters()
    arts = arts[:150] + seeds()
    _, first = _run(arts)
    shuffled = arts[:]
    random.Random(3).shuffle(shuffled)
    _, second = _run(shuffled)
    assert first == second


def test_options_validated_and_missing_features_refused() -> None:
    with pytest.raises(ConfigError):
        ClusterOptions(threshold=0)
    with pytest.raises(ConfigError):
        ClusterOptions(query_terms=50, centroid_terms=10)
    with pytest.raises(ConfigError):
        StoryIndex.from_stored([(Story(id="s1", article_ids=("a",), headline="h"), None)])


def test_extractions_add_canonical_names_and_event_dates() -> None:
    arts = seeds()
    extractions = {
        a.id: Extraction(
            article_id=a.id,
            entities=(Entity(article_id=a.id, kind="organization", name="HTS", canonical="Hayat Tahrir al-Sham",
                             span=(0, 3)),),
            events=(DatedEvent(article_id=a.id, span=(0, 9), sentence_span=(0, 20), sentence="x",
                               date="2024-11-27", precision="day", expression="Wednesday"),),
        )
        for a in arts
    }
    terms = article_terms(arts[0], extractions[arts[0].id], ClusterOptions())
    assert "e:hayat tahrir al-sham" in terms and "d:2024-11-27" in terms
    index = StoryIndex()
    stories = cluster(arts, extractions, dedup(arts, DedupIndex()), index)
    assert len(stories) == 1 and len(stories[0].article_ids) == 5
