"""Brief: sources, merged timeline, cited non-redundant summary, entities."""

from __future__ import annotations

import pytest

from crosswire.brief import BriefOptions, brief, content_words, numbers, similarity, sources_of
from crosswire.errors import ConfigError
from crosswire.reconcile import reconcile
from crosswire.records import Article, Link, Published, Story
from test_reconcile import SEEDS, load_articles, seed_extractions, seed_story


@pytest.fixture(scope="module")
def seed_brief():
    if not SEEDS.exists():
        pytest.skip("shared seeds missing")
    arts = load_articles()
    ex = seed_extractions(arts)
    story = seed_story(arts)
    sources = sources_of(story, arts, [])
    facts = reconcile(story, list(ex.values()), sources)
    return arts, brief(story, facts, arts, ex, sources)


def test_seed_timeline(seed_brief):
    _, b = seed_brief
    dates = [e.date for e in b.timeline]
    assert dates == sorted(dates)
    start = [e for e in b.timeline if e.date == "2024-11-27" and {"001", "002", "003", "004"} <= set(e.article_ids)]
    assert len(start) == 1, [(e.date, e.text, e.article_ids) for e in b.timeline]
    assert any(e.date == "2024-11-29" and "004" in e.article_ids for e in b.timeline)
    ceasefire = [e for e in b.timeline if e.date.startswith("2020")]
    assert len(ceasefire) == 1 and ceasefire[0].date == "2020-03"
    assert {"000", "002", "003"} <= set(ceasefire[0].article_ids)


def test_seed_summary_cites_sources_and_repeats_nothing(seed_brief):
    _, b = seed_brief
    assert 5 <= len(b.summary) <= 10
    cited = {a for s in b.summary for a in s.article_ids}
    assert len(cited) >= 4
    for i, s in enumerate(b.summary):
        for t in b.summary[i + 1:]:
            assert similarity(s.text, t.text) < BriefOptions().redundancy
            assert not (numbers(s.text) and numbers(s.text) == numbers(t.text))
    # the distance to Aleppo is said once, not once per outlet
    assert sum(1 for s in b.summary if "Aleppo" in s.text and ("kilomet" in s.text or "miles" in s.text)) <= 1


def test_seed_every_span_is_real_text(seed_brief):
    arts, b = seed_brief
    for s in b.summary:
        first = s.citations[0]
        assert arts[first.article_id].text[first.span[0]:first.span[1]] == s.text
        for c in s.citations:
            assert 0 <= c.span[0] < c.span[1] <= len(arts[c.article_id].text)
    for e in b.timeline:
        for c in e.citations:
            assert arts[c.article_id].text[c.span[0]:c.span[1]].strip()
    for f in b.facts:
        for r in f.reports:
            assert r.text.split(" ... ")[0] in arts[r.article_id].text[r.span[0]:r.span[1]]


def test_seed_entities_and_headline(seed_brief):
    _, b = seed_brief
    hts = [e for e in b.entities if e[1] == "Hayat Tahrir al-Sham"]
    assert hts and "HTS" in hts[0][2]
    assert b.headline


def _art(aid: str, outlet: str | None, original: str | None = None, text: str = "Text.") -> Article:
    return Article(id=aid, document_id=aid, origin=aid, paragraphs=(text,), outlet=outlet, title=f"t {aid}",
                   published=Published(value="2025-01-01", precision="day"), original_source=original)


def test_sources_of_copies_and_credited_originals():
    arts = {"a": _art("a", "BBC News"), "b": _art("b", "Daily Mirror Site", original="www.bbc.com"),
            "c": _art("c", "Wire"), "d": _art("d", "Other"), "e": _art("e", "Solo", original="reuters.com")}
    story = Story(id="s", article_ids=("a", "b", "c", "d", "e"), headline="x")
    links = [Link(article_id="d", of_article_id="c", kind="duplicate", score=1.0),
             Link(article_id="c", of_article_id="zzz", kind="rewrite", score=0.9)]
    src = {s.article_id: s for s in sources_of(story, arts, links)}
    assert src["a"].independent and src["c"].independent
    assert not src["b"].independent and src["b"].original_source == "www.bbc.com"
    assert src["d"].duplicate_of == "c" and not src["d"].independent
    assert src["c"].rewrite_of is None  # the original is not in the story
    assert src["e"].independent  # credited to an outlet that is not in the story


def test_summary_merges_near_duplicates_as_citations():
    lead = "A strong earthquake struck the coastal province on Monday, killing at least 40 people, officials said."
    arts = {
        "a": _art("a", "A", text=lead + " Rescue teams searched collapsed buildings through the night."),
        "b": _art("b", "B", text="Officials said a strong earthquake struck the coastal province on Monday, "
                                 "killing at least 40 people. Aftershocks rattled the region for hours afterwards."),
        "c": _art("c", "C", text="Hospitals in the provincial capital were overwhelmed with injured residents. "
                                 "The government declared three days of national mourning on Tuesday."),
    }
    story = Story(id="s", article_ids=("a", "b", "c"), headline="")
    b = brief(story, (), arts, {}, sources_of(story, arts, []), BriefOptions(summary_min=2, summary_max=5))
    quake = [s for s in b.summary if "earthquake" in s.text]
    assert len(quake) == 1 and set(quake[0].article_ids) == {"a", "b"}
    for s in b.summary:
        for c in s.citations:
            assert "earthquake" not in s.text or "earthquake" in arts[c.article_id].text[c.span[0]:c.span[1]]
    assert b.headline  # falls back to the most central title


def test_a_quotation_is_not_stated_as_the_summary_s_own_words():
    """A sentence inside quotation marks whose speaker is named only in a later sentence is the speaker's
    claim: stated alone it would read as the outlet's. The sentence that names the speaker may be used."""
    text = ("“In his remarks today, the president refused to name the group behind the attack on the club. "
            "Because our leaders are weak, this was going to happen again,” the senator said on Sunday. "
            "Police said the gunman killed 49 people at the club early on Sunday morning.")
    arts = {"a": _art("a", "Club attack", text=text)}
    story = Story(id="s", article_ids=("a",), headline="")
    b = brief(story, (), arts, {}, sources_of(story, arts, []), BriefOptions(summary_min=1, summary_max=5))
    said = [s.text for s in b.summary]
    assert said and not any(t.startswith("In his remarks today") for t in said)
    assert any("the senator said" in t for t in said)


def test_content_words_drop_stopwords():
    assert content_words("The rebels were in the city") == frozenset({"rebels", "city"})


def test_options_validated():
    with pytest.raises(ConfigError):
        BriefOptions(summary_min=11, summary_max=10)
    with pytest.raises(ConfigError):
        BriefOptions(redundancy=0)


def test_seed_end_to_end_brief_with_extract():
    """The real extract stage over the seed texts, then reconcile and brief."""
    from crosswire.extract import extract

    if not SEEDS.exists():
        pytest.skip("shared seeds missing")
    arts = load_articles()
    story = seed_story(arts)
    ex = {a: extract(arts[a]) for a in story.article_ids}
    sources = sources_of(story, arts, [])
    b = brief(story, reconcile(story, list(ex.values()), sources), arts, ex, sources)
    assert 5 <= len(b.summary) <= 10 and len({a for s in b.summary for a in s.article_ids}) >= 4
    for s in b.summary:
        c = s.citations[0]
        assert arts[c.article_id].text[c.span[0]:c.span[1]] == s.text
    starts = [e for e in b.timeline if e.date == "2024-11-27" and len(e.article_ids) >= 3]
    assert len(starts) == 1
    assert any(e.date == "2024-11-29" for e in b.timeline)
    assert any(e.date.startswith("2020") and len(e.article_ids) >= 2 for e in b.timeline)


def test_a_sentence_is_on_the_timeline_once_at_the_date_of_its_main_verb() -> None:
    from crosswire import records as r
    from crosswire.extract import extract

    paras = ["Clinton and Benghazi", "Mrs. Clinton took responsibility for the Sept. 11 attack in an Oct. 15 "
             "interview. The circus announced in January that starting in May the elephants would retire."]
    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=tuple(paras), title=paras[0], outlet="x",
                  published=r.Published("2013-05-10", "day", "t"))
    ex = extract(a)
    assert len(ex.events) == 4  # every date is still extracted
    story = r.Story(id="s", article_ids=("a",), headline="h", first_seen="2013-05-10", last_seen="2013-05-10")
    b = brief(story, [], {"a": a}, {"a": ex}, [])
    assert [(t.date, t.text[:20]) for t in b.timeline] == [("2012-10-15", "Mrs. Clinton took re"),
                                                            ("2013-01", "The circus announced")]


def test_content_words_lowers_the_whole_text_only_when_that_lowers_exactly_its_words():
    import re
    import sys

    from crosswire import brief as b

    word = re.compile(r"[A-Za-z'\-]")
    lowers_to_ascii = [c for c in map(chr, range(128, sys.maxunicode + 1)) if word.search(c.lower())]
    assert sorted(lowers_to_ascii) == sorted(b._LOWER_TO_ASCII)

    def slow(text: str) -> frozenset[str]:
        return frozenset(w.lower().strip("'-") for w in b._WORD.findall(text) if w.lower() not in b.STOPWORDS
                         and len(w) > 2)

    for text in ("The Mayor's “Office” said -- Twelve killed in Kyiv’s EAST", "İstanbul KELVIN \u212aelvin",
                 "Ünïcode Straße ÆON well-known 'quoted' ARE", ""):
        assert content_words(text) == slow(text)


def test_page_furniture_inside_a_flat_text_is_neither_summary_nor_timeline() -> None:
    """Scrapes that keep an article as one paragraph keep captions, credits and embedded posts inside its
    sentences; the summary and the timeline take none of those sentences."""
    from crosswire import records as r
    from crosswire.extract import extract

    text = ("A ferry capsized on the river on Tuesday, killing 12 passengers, the harbour authority said. "
            "Image copyright Reuters Image caption Divers searched the river on March 4 after the ferry sank. "
            "Rescue boats are on the river after the ferry sank on March 4 pic.twitter.com/x1y2z3 — Harbour Watch "
            "(@harbourwatch) March 4, 2025 Officials said on Tuesday that the ferry was overloaded.")
    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=(text,), title="Ferry capsizes", outlet="x",
                  published=r.Published("2025-03-05", "day", "t"))
    ex = extract(a)
    assert any("Image caption" in ev.sentence for ev in ex.events)  # the dated sentence is still extracted
    story = r.Story(id="s", article_ids=("a",), headline="h", first_seen="2025-03-05", last_seen="2025-03-05")
    b = brief(story, [], {"a": a}, {"a": ex}, [], BriefOptions(summary_min=1, summary_max=5))
    assert b.summary and b.timeline
    said = [s.text for s in b.summary] + [t.text for t in b.timeline]
    assert not any("Image caption" in t or "pic.twitter" in t or "@harbourwatch" in t for t in said), said
    assert any(t.startswith("A ferry capsized") for t in said)


def _one_article_summary(text: str, title: str, summary_min: int = 1):
    arts = {"a": _art("a", title, text=text)}
    story = Story(id="s", article_ids=("a",), headline="")
    return brief(story, (), arts, {}, sources_of(story, arts, []),
                 BriefOptions(summary_min=summary_min, summary_max=5)).summary


def test_a_quoted_sentence_in_the_summary_keeps_its_opening_mark() -> None:
    text = ('"If the mayor had acted sooner, the bridge would still be standing," the council leader said on '
            "Monday. The bridge collapsed on Sunday, injuring four people, the fire service said.")
    quoted = [s for s in _one_article_summary(text, "Bridge collapses", 2) if "the council leader said" in s.text]
    assert quoted and quoted[0].text.startswith('"If the mayor')
    c = quoted[0].citations[0]
    assert text[c.span[0]:c.span[1]] == quoted[0].text  # the span is the text shown


def test_a_summary_sentence_is_stated_without_its_dateline() -> None:
    text = ("BERLIN — A cargo ship hit a road bridge over the river on Monday, injuring four crew members, police "
            "said. The bridge was closed to traffic while engineers inspected its pillars on Tuesday.")
    first = [s for s in _one_article_summary(text, "Ship hits bridge") if "cargo ship" in s.text]
    assert first and first[0].text.startswith("A cargo ship hit")
    c = first[0].citations[0]
    assert text[c.span[0]:c.span[1]] == first[0].text


def test_a_dateline_with_a_horizontal_bar_is_dropped_too() -> None:
    text = ("WASHINGTON ― In a stinging blow to the president, the Senate voted on Wednesday to override his veto, "
            "officials said. The House followed later in the day.")
    assert any(s.text.startswith("In a stinging blow") for s in _one_article_summary(text, "Senate overrides veto"))


def test_a_date_after_the_last_report_is_a_plan_not_a_timeline_entry() -> None:
    from crosswire import records as r
    from crosswire.extract import extract

    paras = ["Dam bursts above town", "The dam burst late on Monday, flooding the lower town, officials said.",
             "Schools across the district will stay closed until next Monday, the council said."]
    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=tuple(paras), title=paras[0], outlet="x",
                  published=r.Published("2025-04-16", "day", "t"))
    ex = extract(a)
    assert any(ev.date > "2025-04-17" for ev in ex.events)  # the plan is still extracted, with its date
    story = r.Story(id="s", article_ids=("a",), headline="h", first_seen="2025-04-16", last_seen="2025-04-16")
    b = brief(story, [], {"a": a}, {"a": ex}, [])
    assert [t.date for t in b.timeline] == ["2025-04-14"]


def test_content_words_of_short_and_joined_words() -> None:
    """Only words of three characters or more count: the fast path finds them with its own pattern, which must
    find exactly the long words the general one does (a two-letter run yields nothing from any of its letters)."""
    from crosswire import brief as b

    def slow(text: str) -> frozenset[str]:
        return frozenset(w.lower().strip("'-") for w in b._WORD.findall(text) if w.lower() not in b.STOPWORDS
                         and len(w) > 2)

    for text in ("ab a-b x'y -ab ab- 'ab' a'' --abc ab-- It's UN-led U.S. al-Assad's o'clock", "it IS the A-",
                 "Mr. Al-- and ''' x-ray 3-year-old ex-wife The-", "ÿab ab\u00e9cd aé b-é"):
        assert content_words(text) == slow(text), text


def test_word_sets_measure_each_distinct_set_once() -> None:
    from crosswire.brief import _similarities, _WordSets

    a, b, c = frozenset({"ship", "bridge"}), frozenset({"ship", "crew", "river"}), frozenset()
    sets = [a, b, a, c, b, b, frozenset({"bridge"})]
    ws = _WordSets(sets)
    assert len(ws.distinct) == 4
    for words in (a, b, c, frozenset({"crew"}), frozenset({"bridge", "crew", "ship", "river"})):
        assert ws.similarities(words) == _similarities(words, sets)
    import random

    rng = random.Random(3)
    vocab = [f"w{k}" for k in range(30)]
    for _ in range(200):  # (the shared words are counted through the index of the sets holding each word)
        sets = [frozenset(rng.sample(vocab, rng.randrange(0, 12))) for _ in range(rng.randrange(0, 40))]
        ws = _WordSets(sets)
        for words in (frozenset(rng.sample(vocab, rng.randrange(0, 15))) for _ in range(5)):
            assert ws.similarities(words) == _similarities(words, sets)
            assert ws.distinct_similarities(words) == _similarities(words, ws.distinct)


def test_summary_of_copies_and_of_a_story_that_lists_an_article_twice() -> None:
    """Copies repeat sentences word for word (their centrality is measured once), and a story listing an
    article twice has that article's sentences apart in the peer order: each sentence's centrality still leaves
    out exactly its own article's sentences. The figures are those of the all-pairs computation."""
    lead = "A cargo ship hit the old road bridge over the river on Monday, injuring four crew members, police said."
    second = "Engineers closed the bridge to traffic while divers inspected its damaged pillars for many hours."
    third = "The shipping company said the vessel had lost power shortly before the collision near the harbour."
    arts = {
        "a": _art("a", "A", text=f"{lead} {second} {third}"),
        "b": _art("b", "B", text=f"{lead} {third}"),
        "c": _art("c", "C", text=f"{second} The mayor said the bridge would stay shut for at least three weeks."),
        "d": _art("d", "D", text=f"{third} {lead}"),
    }
    opts = BriefOptions(summary_min=1, summary_max=4, centrality_articles=3)
    got = []
    for ids in (("a", "b", "c", "d"), ("a", "b", "a", "c", "d"), ("d", "c", "b", "a")):
        story = Story(id="s", article_ids=ids, headline="")
        got.append([(s.text[:20], [(c.article_id, c.span) for c in s.citations])
                    for s in brief(story, (), arts, {}, sources_of(story, arts, []), opts).summary])
    assert got[0] == [("A cargo ship hit the", [("b", (0, 103)), ("a", (0, 103)), ("d", (99, 202))]),
                      ("Engineers closed the", [("c", (0, 97)), ("a", (104, 201))]),
                      ("The shipping company", [("d", (0, 98)), ("a", (202, 300)), ("b", (104, 202))])]
    assert got[1] == [("A cargo ship hit the", [("b", (0, 103)), ("a", (0, 103)), ("a", (0, 103)), ("d", (99, 202))]),
                      ("Engineers closed the", [("c", (0, 97)), ("a", (104, 201)), ("a", (104, 201))]),
                      ("The shipping company", [("d", (0, 98)), ("a", (202, 300)), ("b", (104, 202)),
                                                ("a", (202, 300))])]
    assert got[2] == [("The shipping company", [("d", (0, 98)), ("b", (104, 202)), ("a", (202, 300))]),
                      ("Engineers closed the", [("c", (0, 97)), ("a", (104, 201))]),
                      ("A cargo ship hit the", [("a", (0, 103)), ("d", (99, 202)), ("b", (0, 103))])]


def test_timeline_groups_a_coarser_date_with_the_first_group_it_prefixes() -> None:
    """An event joins the first group, in order, whose first date its own date begins (a month joins a day of
    that month), and that says the same: found through an index of the groups' date prefixes."""
    from crosswire.brief import _timeline
    from crosswire.records import DatedEvent, Extraction

    def ev(aid: str, at: int, day: str, precision: str, sentence: str) -> DatedEvent:
        return DatedEvent(article_id=aid, span=(at, at + 5), sentence_span=(at, at + len(sentence)),
                          sentence=sentence, date=day, precision=precision, expression="x")

    burst = "The dam burst above the lower town"
    fire = "A fire broke out at the depot"
    events = {"a": (ev("a", 0, "2025-04-14", "day", burst), ev("a", 100, "2025-04-15", "day", fire)),
              "b": (ev("b", 0, "2025-04", "month", burst), ev("b", 100, "2025-04", "month", fire),
                    ev("b", 200, "2025", "year", "Officials inspected the dam"),
                    ev("b", 300, "2024-04-14", "day", burst))}
    exs = {aid: Extraction(article_id=aid, events=evs) for aid, evs in events.items()}
    entries = _timeline(exs, ["a", "b"], BriefOptions())
    assert [(e.date, e.text, [c.article_id for c in e.citations]) for e in entries] == [
        ("2024-04-14", burst, ["b"]), ("2025", "Officials inspected the dam", ["b"]),
        ("2025-04-14", burst, ["a", "b"]), ("2025-04-15", fire, ["a", "b"])]


def test_sentences_found_line_by_line_are_those_of_the_whole_text() -> None:
    """The splitter never reads across a line break: a text's sentences are its lines' (each line split once,
    as copies repeat paragraphs), from each line's start."""
    from crosswire.brief import _line_spans, _spans
    from crosswire.memo import Memo

    texts = ["Dr.\nSmith said. The U.S.\nThe end.", "“Quoted.” He said.\n\n\"Another\" one. Sen. Smith left",
             "\n\nA. B. C.\n", "", "No end", "Jan. 5 was cold. It rained.\r\nThen 2.5 inches fell! Wow?\n“\n' A.",
             "St. Louis\nMo. Police said. Lt. Col. Smith\n\n\nagreed."]
    lines = Memo(_line_spans)
    for text in texts + texts:  # (the second time from lines already split)
        assert _spans(text, lines) == _spans(text), text


def test_report_positions_within_a_span_in_their_order() -> None:
    from crosswire.brief import _Positions

    positions = [40, 3, 17, 3, 99, 17, 0, 55]
    at = _Positions(positions)
    for start in range(-1, 101, 3):
        for end in range(start, 102, 7):
            assert at.within(start, end) == [n for n, p in enumerate(positions) if start <= p < end]


def test_reports_with_no_title_are_headlined_by_their_opening_sentence(tmp_path) -> None:
    import json

    import crosswire
    from crosswire.store import Store

    lede = ("Five people were killed on Thursday when a man opened fire in a newspaper office in Harlow Bay, "
            "officials said, in the deadliest attack on a newsroom in the state's history.")
    path = tmp_path / "untitled.jsonl"
    path.write_text(json.dumps({"text": lede + " Police arrested the suspect at the scene.",
                                "date_publish": "2030-06-28"}), encoding="utf-8")
    db = tmp_path / "u.db"
    crosswire.run([path], db)
    with Store(db, readonly=True) as store:
        (story,) = store.stories()
        headline = store.brief(story.id).headline
    assert headline.startswith("Five people were killed on Thursday") and headline.endswith("\u2026")
    assert len(headline) <= 121 and "Police arrested" not in headline
