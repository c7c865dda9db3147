from crosswire.dating import infer_published
from crosswire.records import Article, Published


def art(aid: str, text: str, published: str | None = None, evidence: str = "metadata:date") -> Article:
    pub = Published(published, "day", evidence) if published else Published()
    return Article(id=aid, document_id=aid, origin=aid, paragraphs=(text,), published=pub)


def test_weekday_after_the_anchor_moves_the_date() -> None:
    anchor = art("a", "The storm hit the coast on Tuesday.", "2025-03-06")  # a Thursday
    later = art("b", "The storm hit on Tuesday. Rescuers found more bodies on Saturday.")
    pub = infer_published(later, [anchor, later])
    assert pub is not None and pub.value == "2025-03-08" and pub.evidence.startswith("inferred:")


def test_weekday_before_the_anchor_keeps_the_anchor() -> None:
    anchor = art("a", "Fire broke out on Monday.", "2025-03-04")  # a Tuesday
    other = art("b", "Fire broke out late Monday, officials said.")
    assert infer_published(other, [anchor, other]).value == "2025-03-04"


def test_a_weekday_the_dated_reports_name_before_the_anchor_is_that_day() -> None:
    """A story first dated on a Friday whose reports date the floods "September 7" (a Sunday): an undated "the port
    was inundated late Sunday" speaks of that Sunday, five days back (it was dated the Sunday after, the floods
    with it). A weekday of a dated report does not reach back so: its page's date may be the event's."""
    anchor = art("a", "Two dams burst in the September 7 floods, the Red Crescent said.", "2031-09-12")  # Friday
    undated = art("b", "The historic port was inundated late Sunday when two dams burst.")
    assert infer_published(undated, [anchor, undated]).value == "2031-09-12"
    quiet = art("a", "Two dams burst in the floods, the Red Crescent said.", "2031-09-12")  # names no day
    assert infer_published(undated, [quiet, undated]).value == "2031-09-14"  # the first Sunday in reach, as before


def test_a_dated_report_s_weekday_far_back_does_not_pull_an_undated_one_back() -> None:
    """A page dated the day of the tsunami (a Saturday) that says "the spokesman said on Sunday evening" was written
    the day after; that Sunday resolved six days back is no reach for an undated "rose to 373 on Monday", which is
    the Monday after (it was dated Saturday, its counts with it, and the missing became a conflict)."""
    anchor = art("a", "A tsunami struck on Saturday (Dec 20) night. 222 are dead, the spokesman said on Sunday "
                 "evening.", "2031-12-20")  # a Saturday
    undated = art("b", "The toll from the tsunami that struck on December 20 rose to 373 on Monday.")
    assert infer_published(undated, [anchor, undated]).value == "2031-12-22"


def test_no_anchor_or_already_dated_gives_nothing() -> None:
    lone = art("b", "A bridge collapsed on Monday.")
    assert infer_published(lone, [lone]) is None
    dated = art("c", "x", "2025-01-01")
    assert infer_published(dated, [dated, art("a", "y", "2025-01-02")]) is None
    inferred_only = art("d", "z", "2025-01-05", evidence="inferred:story")
    assert infer_published(lone, [lone, inferred_only]) is None


def test_the_story_anchor_is_found_once_for_all_undated_articles() -> None:
    from datetime import date

    from crosswire.dating import story_dates

    first = art("a", "The storm hit the coast on Tuesday.", "2025-03-06")
    earlier = art("b", "Rain fell all week.", "2025-03-04")
    guessed = art("c", "z", "2025-03-01", evidence="inferred:story")  # an inferred date is no anchor
    undated = [art("u1", "The storm hit on Tuesday. More bodies were found on Saturday."),
               art("u2", "Fire broke out late Monday, officials said.")]
    story = [first, earlier, guessed, *undated]
    dates = story_dates(story)
    assert dates.anchor == (date(2025, 3, 4), "b")
    for article in undated:
        assert dates.infer(article) == infer_published(article, story) is not None
    assert dates.infer(first) is None
    assert story_dates(undated).anchor is None and story_dates(undated).infer(undated[0]) is None


def test_a_report_with_no_date_but_its_url_is_dated_by_the_url(tmp_path) -> None:
    """Scraped records often keep only the URL: the day in its path (/2017/09/19/) dates the report, after any
    date the record or its text gives; a URL without one leaves it undated."""
    import json

    from crosswire.clean import clean
    from crosswire.ingest import ingest

    body = "Flood waters rose overnight in the valley.\n\nAt least 12 people died, the regional governor said."
    records = [
        {"url": "https://news.example.org/world/2017/09/19/valley-flood/", "title": "Valley flood", "text": body},
        {"url": "https://news.example.org/world/2017/09/19/valley-flood-2/", "title": "Valley flood",
         "date_publish": "2017-09-21 08:00:00", "text": body + " Rescuers kept searching."},
        {"url": "https://news.example.org/world/valley-flood-12345", "title": "Valley flood",
         "text": body + " Roads were closed."},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    dated, given, plain = (clean(d).published for d in ingest([str(path)]))
    assert (dated.value, dated.precision) == ("2017-09-19", "day")
    assert dated.evidence == "url:https://news.example.org/world/2017/09/19/valley-flood/"
    assert given.value.startswith("2017-09-21") and given.evidence.startswith("metadata:")
    assert plain.value is None


def test_a_url_with_year_then_month_and_day_as_one_segment_dates_the_report() -> None:
    from crosswire.clean.metadata import parse_url_date

    assert parse_url_date("http://news.example.cn/n3/2021/0924/c90000-9900180.html").value == "2021-09-24"
    assert parse_url_date("https://news.example.org/2021/1399/x") is None  # no such month
    assert parse_url_date("https://news.example.org/story/12345") is None
    # day, month name and year as one segment: "/30-Jan-2023/"
    assert parse_url_date("https://news.example.pk/30-Jan-2023/blast-at-mosque").value == "2023-01-30"
    assert parse_url_date("https://news.example.pk/31-Feb-2023/x") is None


def test_a_day_named_without_its_year_moves_the_inferred_date_up_to_it() -> None:
    """"SURFSIDE (Florida), June 29 (Agency) -" in a story first dated June 26: the report is of June 29."""
    anchor = art("a", "The building collapsed on Thursday.", "2021-06-26")
    later = art("b", "HARLOW (Valdora), June 29 (Meridian Wire) - The death toll rose to nine on Monday.")
    assert infer_published(later, [anchor, later]).value == "2021-06-29"
    far = art("c", "HARLOW, August 29 - A memorial is planned.")  # beyond the days the search covers
    assert infer_published(far, [anchor, far]).value == "2021-06-26"


def test_an_undated_report_whose_toll_stands_above_every_dated_one_is_dated_after_them() -> None:
    """Reports of 34 (Jan 27) and 84 (Jan 29) dead, and an undated "A month on from the collapse, 171 people have
    been confirmed dead": the undated one was written after both, not on the story's first day (where its 171
    broke the rising count into a conflict)."""
    from crosswire.extract import extract
    from crosswire.pipeline import RunOptions, dated_articles

    articles = [art("a", "A dam burst at a mine on Friday, killing at least 34 people.", "2031-01-27"),
                art("b", "The death toll after the collapse of the dam rose to 84, officials said.", "2031-01-29"),
                art("c", "A month on from the collapse, 171 people have been confirmed dead.", None)]
    extractions = {a.id: extract(a) for a in articles}
    ((dated, _),) = dated_articles(articles, RunOptions(), extractions)
    assert dated.published.value == "2031-01-29" and "latest" in dated.published.evidence
    ((first, _),) = dated_articles(articles, RunOptions())  # without the figures: the story's first day
    assert first.published.value == "2031-01-27"


def test_a_deadline_ahead_does_not_move_the_inferred_date_up_to_it() -> None:
    """"... before all its troops leave by the deadline of August 31": a day ahead of the report, not its date."""
    anchor = art("a", "A suicide bomb exploded outside the airport on Thursday, killing 13 people.", "2031-08-28")
    later = art("b", "Evacuation flights began again on Friday. More attacks are expected before all troops leave by "
                     "the deadline of September 2. Thursday's bombing killed at least 90 people.")
    pub = infer_published(later, [anchor, later])
    assert pub is not None and pub.value == "2031-08-29"


def test_an_undated_report_s_higher_toll_says_nothing_of_its_date_once_the_count_was_revised_down() -> None:
    """Dated reports of 79 (June) and a settled 71 (November): an undated "at least 80 killed" is no later than
    them all (it was dated November, and its 80 overtook the settled 71)."""
    from crosswire.extract import extract
    from crosswire.pipeline import RunOptions, dated_articles

    articles = [art("a", "Seventy-nine people are dead or presumed dead after the tower fire, police said.",
                    "2031-06-19"),
                art("b", "The tower fire killed a total of 71 people, police said after identifying all.",
                    "2031-11-17"),
                art("c", "Dozens were injured and at least 80 killed in the tower fire.", None)]
    extractions = {a.id: extract(a) for a in articles}
    ((dated, _),) = dated_articles(articles, RunOptions(), extractions)
    assert dated.published.value != "2031-11-17" and "latest" not in dated.published.evidence, dated.published


def test_an_undated_report_of_an_event_n_days_ago_is_dated_n_days_on() -> None:
    """"the three countries hit 10 days ago by the storm", in a story first dated March 15: written about March 25,
    not on the story's first day (where its toll of 750 stood beside the first reports' dozens)."""
    first = art("a", "The cyclone made landfall near the port on Thursday night, killing dozens.", "2019-03-15")
    later = art("b", "The death toll has risen above 750 in the three countries hit 10 days ago by the storm.")
    got = infer_published(later, [first, later])
    assert got is not None and got.value == "2019-03-25" and "10 days ago" in got.evidence, got
    weekday = art("c", "The toll rose to 200 on Sunday, officials said.")  # no "ago": the relative days decide
    assert infer_published(weekday, [first, weekday]).value == "2019-03-17"
