"""Dates: absolute, partial and relative expressions; dated events (timeline candidates)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.extract.sentences import sentences
from crosswire.extract.time import DateMention, date_mentions, dated_events, parse_reference
from crosswire.records import Article, Published

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


def article(text: str, published: str | None, article_id: str = "a") -> Article:
    paragraphs = tuple(p.strip() for p in text.splitlines() if p.strip())
    return Article(id=article_id, document_id=article_id, origin="test", paragraphs=paragraphs,
                   published=Published(published, "day" if published else "unknown", "user"))


def one(text: str, reference: str | None = "2024-11-28") -> DateMention:
    found = date_mentions(text, reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "date", "precision", "expression"),
    [
        ("It happened on Nov 28, 2024 in the city.", "2024-11-28", "day", "Nov 28, 2024"),
        ("It happened on 28 November 2024.", "2024-11-28", "day", "28 November 2024"),
        ("It happened on 2024-11-28.", "2024-11-28", "day", "2024-11-28"),
        ("Posted 03:09 PM, Nov 28, 2024", "2024-11-28T15:09", "datetime", "03:09 PM, Nov 28, 2024"),
        ("the first since March 2020, when", "2020-03", "month", "March 2020"),
        ("the war that began in 2011 ended", "2011", "year", "2011"),
        ("distanced itself since 2016, although", "2016", "year", "2016"),
        ("Sept. 11, 2001 attacks", "2001-09-11", "day", "Sept. 11, 2001"),
        ("on Wednesday, November 27, 2024", "2024-11-27", "day", "Wednesday, November 27, 2024"),
    ],
)
def test_absolute_and_partial_dates(text: str, date: str, precision: str, expression: str) -> None:
    m = one(text)
    assert (m.date, m.precision, m.expression) == (date, precision, expression)
    assert text[m.span[0] : m.span[1]] == expression


@pytest.mark.parametrize(
    ("text", "reference", "date", "precision"),
    [
        ("The offensive began on Wednesday.", "2024-11-28", "2024-11-27", "day"),  # published Thursday
        ("launched late Wednesday by the group", "2024-11-28", "2024-11-27", "day"),
        ("rebels breached the city on Friday", "2024-11-29", "2024-11-29", "day"),  # the same day
        ("clashes on Thursday afternoon", "2024-11-29", "2024-11-28", "day"),
        ("a crash yesterday", "2024-11-28", "2024-11-27", "day"),
        ("gunfire last night", "2024-11-28", "2024-11-27", "day"),
        ("protests last week", "2024-11-28", "2024-11-18", "week"),
        ("talks earlier this month", "2024-11-28", "2024-11", "month"),
        ("a strike two days ago", "2024-11-28", "2024-11-26", "day"),
        ("an earthquake on March 3 killed", "2024-11-28", "2024-03-03", "day"),
        ("an earthquake on December 3 killed", "2024-11-28", "2023-12-03", "day"),  # news looks back
        ("floods in March", "2024-11-28", "2024-03", "month"),
        ("last year", "2024-11-28", "2023", "year"),
    ],
)
def test_relative_dates_resolve_against_publication(text: str, reference: str, date: str, precision: str) -> None:
    m = one(text, reference)
    assert (m.date, m.precision) == (date, precision)


def test_relative_dates_without_reference_are_skipped() -> None:
    text = "On Wednesday rebels advanced; yesterday they attacked; the war began in 2011."
    found = date_mentions(text, None)
    assert [(m.date, m.precision) for m in found] == [("2011", "year")]


@pytest.mark.parametrize(
    "text",
    ["At least 2,020 people fled.", "the base of the 46th Regiment", "some 2020 people were displaced",
     "a 1999.5 km range", "about 2011 troops", "in the 1990s"],
)
def test_counts_are_not_years(text: str) -> None:
    assert date_mentions(text, "2024-11-28") == []


def test_a_count_after_a_date_is_not_its_year() -> None:
    m = one("On March 3, 1500 people marched.", "2024-11-28")
    assert (m.expression, m.date) == ("March 3", "2024-03-03")


def test_parse_reference() -> None:
    assert str(parse_reference("2024-11-28T15:09:00")) == "2024-11-28"
    assert parse_reference("2024-11") is None
    assert parse_reference(None) is None


GENERAL = {
    "A gunman opened fire at a nightclub in Denver late Tuesday, killing three people, police said.": (
        "2024-06-05", "2024-06-04", "opened"),
    "Two people died when a bus crashed on a mountain road yesterday, officials said.": (
        "2024-06-05", "2024-06-04", "crashed"),
    "The earthquake struck on March 3 and destroyed hundreds of homes.": ("2024-06-05", "2024-03-03", "earthquake"),
    "Thousands of students protested last week against the new law.": ("2024-06-05", "2024-05-27", "protested"),
    "A ceasefire brokered in 2020 by Turkey and Russia collapsed.": (
        "2024-06-05", "2020", "ceasefire brokered by Turkey and Russia"),
}


@pytest.mark.parametrize("text", sorted(GENERAL))
def test_dated_events_on_other_events(text: str) -> None:
    published, date, words = GENERAL[text]
    a = article(text, published)
    events = dated_events(a, sentences(a.text))
    assert len(events) == 1, events
    event = events[0]
    assert event.date == date
    assert words in event.description
    assert a.text[event.span[0] : event.span[1]] == event.expression
    assert a.text[event.sentence_span[0] : event.sentence_span[1]] == event.sentence


def test_date_without_event_is_not_a_timeline_candidate() -> None:
    a = article("The report was updated on Wednesday with new photos.", "2024-11-28")
    assert dated_events(a, sentences(a.text)) == ()


def seed_articles() -> list[Article]:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds missing")
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        published = gold["articles"][path.name]["published"]["not_before"]
        out.append(article(path.read_text(encoding="utf-8"), published, path.name[:3]))
    return out


def test_seed_timeline_candidates() -> None:
    found: dict[str, set[tuple[str, str]]] = {}
    for a in seed_articles():
        for e in dated_events(a, sentences(a.text)):
            found.setdefault(a.id, set()).add((e.date, e.description))
            print(a.id, e.date, e.precision, repr(e.expression), "|", e.description)

    def has(article_id: str, date: str, *words: str) -> bool:
        return any(d == date and all(w in desc for w in words) for d, desc in found.get(article_id, ()))

    # the offensive's start, Wednesday 2024-11-27, from "late Wednesday" / "began Wednesday" / "on Wednesday"
    assert has("001", "2024-11-27", "offensive", "launched")
    assert has("003", "2024-11-27", "launched")
    assert has("004", "2024-11-27", "offensive", "began")
    # the breach of Aleppo "on Friday" in a report published Friday 2024-11-29
    assert has("004", "2024-11-29", "breached")
    # the cease-fire: March 2020 in 003, the year 2020 in 000 and 002
    assert has("003", "2020-03", "ceasefire")
    assert has("000", "2020", "cease-fire", "Turkey and Russia")
    assert has("002", "2020", "ceasefire", "Turkey and Russia")
    # the civil war's start
    assert has("001", "2011", "war", "began")
    assert has("002", "2011", "war")


def test_named_days_with_a_fixed_date() -> None:
    from crosswire.extract.time import date_mentions

    def dates(text: str, ref: str) -> list[tuple[str, str]]:
        return [(m.expression, m.date) for m in date_mentions(text, ref)]

    assert dates("Women were assaulted during the celebrations on New Year's Eve.", "2016-01-05") == [
        ("New Year's Eve", "2015-12-31")]
    assert dates("The truck attack on Bastille Day killed 86.", "2016-07-16") == [("Bastille Day", "2016-07-14")]
    assert dates("Crowds will gather on New Year\u2019s Eve.", "2016-12-20") == [("New Year\u2019s Eve", "2016-12-31")]


def test_a_day_and_month_that_open_a_name_are_no_date() -> None:
    named = "Guards of the 17 February Brigade protected the consulate, and the April 6 Youth Movement marched."
    assert date_mentions(named, "2013-05-15") == []
    assert [m.expression for m in date_mentions("On 17 February rebels attacked.", "2013-05-15")] == ["17 February"]


def test_clock_time_words_do_not_put_the_event_out_of_reach_of_its_day() -> None:
    from crosswire.extract.relative import describe_event

    s = "A huge blast followed by gunfire was reportedly heard at around 11pm local time on Thursday evening."
    at = s.index("Thursday")
    assert describe_event(s, (at, at + len("Thursday"))) == "gunfire"


def test_a_month_after_a_capitalised_preposition_is_a_date() -> None:
    found = date_mentions("In September, two passengers were killed when a plane crashed.", "2017-12-31")
    assert [(m.expression, m.date, m.precision) for m in found] == [("September", "2017-09", "month")]
    assert date_mentions("May the rebels win.", "2017-12-31") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("He was released on bail until May.", "2017-05"),
    ("The minister was supposed to leave in February.", "2017-02"),
    ("He will attend an upcoming summit in February.", "2017-02"),
    ("The talks will resume in March.", "2017-03"),
    ("The storm hit the coast in September.", "2016-09"),  # a month without a look ahead is the last one
    ("By March, 500 people had died.", "2016-03"),
    ("The hearing has been postponed since December.", "2015-12"),  # "since" looks back whatever the verb
    ("A rally set for Wednesday was postponed.", "2016-11-16"),  # the report is of Saturday 12 November
])
def test_a_month_or_day_in_a_clause_that_looks_ahead_is_the_next_one(text: str, expected: str) -> None:
    assert [m.date for m in date_mentions(text, "2016-11-12")] == [expected]


@pytest.mark.parametrize("sentence", [
    "The province has been under rebel control since 2019, after the army withdrew.",
    "The group claims to have distanced itself from the network since 2016.",
    "The port has been under blockade since 2015.",
])
def test_a_state_since_a_year_is_a_dated_event(sentence: str) -> None:
    from crosswire.extract.relative import describe_event

    at = sentence.index("since ") + len("since ")
    assert describe_event(sentence, (at, at + 4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday, "yesterday" and "last week" are searched for only where their own words are
        ("It happened on Monday.", [((15, 21), "2024-11-25", "day")]),
        ("It happened on MONDAY.", []),
        ("It rained monday night.", [((10, 22), "2024-11-25", "day")]),
        ("Shots rang out last night.", [((15, 25), "2024-11-27", "day")]),
        ("Talks broke down overnight.", [((17, 26), "2024-11-28", "day")]),
        ("Police said this morning that", [((12, 24), "2024-11-28", "day")]),
        ("the day before yesterday, rebels attacked", [((4, 24), "2024-11-26", "day")]),
        ("Today, TODAY", [((0, 5), "2024-11-28", "day"), ((7, 12), "2024-11-28", "day")]),
        ("the previous week", [((4, 17), "2024-11-18", "week")]),
        ("earlier this month the army", [((0, 18), "2024-11", "month")]),
        ("Early last year", [((0, 15), "2023", "year")]),
        ("It ends two days from now.", [((8, 25), "2024-11-30", "day")]),
        ("It ends two days FROM NOW.", [((8, 25), "2024-11-30", "day")]),
        ("It ends two days from  now.", []),
        ("It began three weeks ago.", [((9, 24), "2024-11-07", "week")]),
        # the longest month form that fits is taken
        ("on Sept. 11, 2001", [((3, 17), "2001-09-11", "day")]),
        ("on SEP 5 the", [((3, 8), "2024-09-05", "day")]),
        ("On Sept 5, 2016 they", [((3, 15), "2016-09-05", "day")]),
        ("September 2016", [((0, 14), "2016-09", "month")]),
        ("on 5 March2020", [((3, 14), "2020-03-05", "day")]),
        ("in mid-May", [((3, 10), "2024-05", "month")]),
        ("in MAY", [((3, 6), "2024-05", "month")]),
        ("in may", []),
        ("Mar 3", [((0, 5), "2024-03-03", "day")]),
    ],
)
def test_each_kind_of_date_is_found_where_its_words_are(text: str, expected: list) -> None:
    assert [(m.span, m.date, m.precision) for m in date_mentions(text, "2024-11-28")] == expected


def test_the_nearer_event_word_describes_a_date_and_the_earlier_of_two_as_near() -> None:
    from crosswire.extract.relative import describe_event

    assert describe_event("The army attacked and rebels fled on Monday.", (35, 44)) == "fled"
    assert describe_event("Rebels shelled the town on Friday and the army struck back.", (27, 33)) == "struck back"
    assert describe_event("Troops attacked on Friday and then fled.", (19, 25)) == "attacked and then fled"  # two away


def test_a_date_ending_the_when_clause_of_a_toll_is_the_event_s() -> None:
    from crosswire.extract.relative import describe_event

    s = "At least 14 people were killed when a minibus plunged into a ravine near Valdora on Tuesday, police said."
    at = s.index("Tuesday")
    assert describe_event(s, (at, at + 7)) == "plunged into a ravine near Valdora"  # a verb of how it happened
    s = "Nine fishermen died when their trawler went down off the cape of Morrow on Sunday, the coastguard said."
    at = s.index("Sunday")
    assert describe_event(s, (at, at + 6)) == "died when their trawler went down off"  # the verb before "when"
    s = "The mayor said when the council met on Sunday the budget was discussed at length by all."
    at = s.index("Sunday")
    assert describe_event(s, (at, at + 6)) == "met the budget was discussed"  # (the nearer verb still first)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The weather was fine on Friday.", None),  # no event word in the clause: nothing to describe
        ("Rebels re-attacked on Friday.", None),  # a word inside another is not that word
        ("Rebels ATTACKED on Friday.", "ATTACKED"),  # in any case
        ("The Attack came on Friday.", "Attack"),
        ("Talks; on Friday the army attacked.", "attacked"),
        ("On Friday (the army attacked) it rained.", None),  # an event word in another clause
    ],
)
def test_a_date_is_described_only_by_an_event_word_of_its_clause(sentence: str, expected: str | None) -> None:
    from crosswire.extract.relative import describe_event

    start = sentence.index("Friday")
    assert describe_event(sentence, (start, start + 6)) == expected


@pytest.mark.parametrize(
    "text",
    ["May", "May-June", "In May, on Monday", "xMay", "Mayday", "é May", "from now", "2016 and May 5", "",
     "MAY MONDAY monday Monday mOnday", "(Sunday)", "Sundays", "in 2024-11-28 or 28/11/2024, 12345, 1999."],
)
def test_trigger_words_found_by_the_quicker_searches(text: str) -> None:
    from crosswire.extract.time import _DATE_DIGITS, _TRIGGER_WORD, _triggers

    spans = [m.span() for m in _TRIGGER_WORD.finditer(text)] + [m.span() for m in _DATE_DIGITS.finditer(text)]
    assert _triggers(text) == sorted(spans)


@pytest.mark.parametrize(("sentence", "year"), [
    ("It was the worst since a 1998 ferry sinking off the coast.", "1998"),
    ("Eleven died in a 2012 collision near the border.", "2012"),
])
def test_a_year_that_names_an_incident_after_a_is_a_date(sentence: str, year: str) -> None:
    assert [(m.date, m.expression) for m in date_mentions(sentence, None)] == [(year, year)]


def test_a_year_after_a_that_names_no_incident_is_no_date() -> None:
    assert date_mentions("A 2000-strong crowd marched; a 1999 report said so.", None) == []


def _claim_times(sentence: str, published: str | None = "2022-03-14") -> list[tuple[str, str | None, str | None, bool]]:
    from crosswire.extract import extract

    a = Article(id="a", document_id="a", origin="a", paragraphs=(sentence,), published=Published(published, "day"))
    return [(c.text, c.order, c.order_cue, c.other_event is not None) for c in extract(a).claims]


@pytest.mark.parametrize(("sentence", "expected"), [
    # the report marks a figure as an earlier count
    ("Initially, the ministry said 14 people had died.", [("14 people", "earlier", "Initially", False)]),
    ("Earlier, the governor had put the death toll at 21, while warning it could rise.",
     [("21", "earlier", "Earlier", False)]),
    ("Police had earlier reported 8 dead.", [("8 dead", "earlier", "had earlier reported", False)]),
    ("An initial toll of 12 dead was later revised.", [("12 dead", "earlier", "initial toll of", False)]),
    # the count after a change, and the one it changed from
    ("The Collector said 275 people died, and not 288 people.",
     [("275 people", None, None, False), ("288 people", "earlier", ", and not", False)]),
    ("The death toll has climbed to 61, up from 40 on Sunday.",
     [("61", "latest", "climbed to", False), ("40", "earlier", "up from", False)]),
    ("The toll stands at 61 dead, up from 40 dead on Sunday.",
     [("61 dead", "latest", "up from", False), ("40 dead", "earlier", "up from", False)]),
    ("The toll rose from 31 to 45 overnight.", [("31", "earlier", "rose from", False),
                                                ("45", "latest", "rose from 31 to", False)]),
    ("Officials say the toll has risen to 70 dead and 140 injured.",
     [("70 dead", "latest", "risen to", False), ("140 injured", "latest", "risen to", False)]),
    # a count still running
    ("As of early Tuesday, 37 people had died.", [("37 people", "running", "As of early Tuesday", False)]),
    ("Sixty bodies recovered so far, rescuers said.", [("Sixty bodies", "running", "so far", False)]),
    ("Officials fear the toll could climb after 23 people died.", [("23 people", "running", "toll could climb",
                                                                     False)]),
    ("Five people drowned and the river could rise again.", [("Five people", None, None, False)]),
    # nothing said of its time
    ("Previously unknown gunmen killed 11 people.", [("11 people", None, None, False)]),
    ("Earlier this year, 30 people died in a fire.", [("30 people", None, None, False)]),
    # another, earlier event
    ("It is the worst mine disaster since more than 90 died in a 2006 blast.",
     [("more than 90 died", None, None, True)]),
    # a later stage of the course of events is not by its words another event
    ("Two days after the fire broke out, 40 people were dead.", [("40 people", None, None, False)]),
    # a clause joined after the one "since" opens is this event's again
    ("It was the worst attack since the war began and 40 people died.", [("40 people", None, None, False)]),
    ("In a similar attack in the north, 9 soldiers died.", [("9 soldiers", None, None, True)]),
    # another incident of the kind, a span of time away: "a more powerful one", "a deadlier crash"
    ("It came just weeks after a more powerful one killed 61 people.", [("61 people", None, None, True)]),
    ("The crash came two years after a deadlier crash killed 30 people.", [("30 people", None, None, True)]),
    ("Two days after a suicide bombing killed 40 people in Kabul, mourners gathered.",
     [("40 people", None, None, False)]),
    ("The blast killed 9 soldiers.", [("9 soldiers", None, None, False)]),
    # a length has no history
    ("The river rose to 9 metres.", []),
])
def test_what_the_report_says_of_a_figures_time(sentence: str, expected: list) -> None:
    got = [x for x in _claim_times(sentence) if x[0] != "9 metres"]
    assert got == expected


def test_other_event_cue_gives_the_words() -> None:
    from crosswire.extract import extract

    s = "It is the worst mine disaster since more than 90 died in a 2006 blast, officials said."
    a = Article(id="a", document_id="a", origin="a", paragraphs=(s,))
    (c,) = extract(a).claims
    assert c.other_event == "since more than 90 died in a 2006 blast"


def test_the_time_cues_are_exported_and_stored(tmp_path) -> None:
    import hashlib

    from crosswire.extract import extract
    from crosswire.records import Document
    from crosswire.render.export import claim_json
    from crosswire.store import Store

    s = "The toll has risen to 57 dead, up from 48 dead, in the worst fire since 30 died in a 2004 blaze."
    doc = Document(hashlib.sha256(s.encode()).hexdigest(), "a.txt", "text/plain", s.encode(), "2024-01-01T00:00:00")
    article = Article(id="a", document_id=doc.id, origin="a.txt", paragraphs=(s,))
    ex = extract(article)
    assert [(c.order, c.other_event is not None) for c in ex.claims] == [("latest", False), ("earlier", False),
                                                                         (None, True)]
    assert {"order", "order_cue", "other_event"} <= set(claim_json(ex.claims[0]))
    with Store(tmp_path / "s.db") as store, store.transaction():
        store.add_document(doc)
        store.put_article(article)
        store.put_extraction(ex)
    with Store(tmp_path / "s.db", readonly=True) as store:
        assert store.extraction("a") == ex


def test_halloween_named_as_an_occasion_is_no_date() -> None:
    assert date_mentions("The death toll from the Halloween crowd crush has risen to 154.", "2031-10-31") == []
    assert date_mentions("A crowd of Halloween partygoers packed the alley.", "2031-10-31") == []
    assert [m.date for m in date_mentions("They partied on Halloween.", "2031-10-31")] == ["2031-10-31"]
    assert [m.date for m in date_mentions("the Christmas Day tsunami", "2031-12-28")] == ["2031-12-25"]


def test_a_clock_written_with_a_colon_does_not_cut_the_clause_of_its_day() -> None:
    """"The fire broke out in the building at around 9:45 pm on Thursday": the colon of the clock was read as a
    clause break, so the day had no event word and the fire no date."""
    from crosswire.extract.relative import describe_event

    s = "The fire broke out in the building at around 9:45 pm on Thursday."
    at = s.index("Thursday")
    assert describe_event(s, (at, at + len("Thursday"))) == "fire broke"


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("The death toll from the Easter Sunday suicide bombing attacks rose to 359.", "2019-04-24", "2019-04-21"),
    ("Gunmen attacked the church on Easter Monday.", "2024-04-03", "2024-04-01"),
    ("He was arrested on Good Friday.", "2019-04-24", "2019-04-19"),
    ("The truce will hold until Easter.", "2019-04-24", "2020-04-12"),  # a day ahead: the next one
])
def test_days_named_for_easter_are_dated_for_their_year(text: str, reference: str, expected: str) -> None:
    assert [m.date for m in date_mentions(text, reference)] == [expected]


def test_a_holiday_naming_the_event_does_not_date_its_counts() -> None:
    """"The death toll from the Easter Sunday suicide bombing attacks ... rose to 359, police said on Wednesday":
    the day naming the event, used as its adjective, is no time of the count (it was dated Easter Sunday, so a
    rising toll's figures all fell on the event's day)."""
    from crosswire.extract import extract

    a = article("The death toll from the Easter Sunday suicide bombing attacks on churches rose to 359, police said "
                "on Wednesday.", "2019-04-25")
    (claim,) = [c for c in extract(a).claims if c.measure == "killed"]
    assert claim.as_of == "2019-04-24"
