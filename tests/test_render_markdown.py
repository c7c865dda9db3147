"""The Markdown brief: readable structure, citations by number, background apart, article text inert."""

from __future__ import annotations

import re

from crosswire.render.markdown import render_markdown


def _story() -> dict:
    rep = {"claim_id": "a:c1", "article": "aaaa", "text": "at least 12 people", "span": [0, 18], "low": 12,
           "high": None, "approx": False, "as_of": "2025-04-15", "attributed_to": "police", "subject": "people",
           "unit": "person"}
    return {
        "id": "s1", "headline": "Dam fails", "first_seen": "2025-04-15", "last_seen": "2025-04-16",
        "article_ids": ["aaaa", "bbbb"], "independent_sources": 2,
        "sources": [{"article_id": "aaaa", "outlet": "Sentinel", "title": "Dam <b>fails</b>", "published": "2025-04-15",
                     "duplicate_of": None, "rewrite_of": None, "original_source": None, "independent": True},
                    {"article_id": "bbbb", "outlet": "Courier", "title": "Toll | rises", "published": "2025-04-16",
                     "duplicate_of": "aaaa", "rewrite_of": None, "original_source": None, "independent": False}],
        "summary": [{"text": "The dam failed on Tuesday.", "articles": ["aaaa", "bbbb"]},
                    {"text": "Twelve people died.", "articles": ["bbbb"]}],
        "facts": [
            {"key": "killed:people:person", "measure": "killed", "subject": "people", "unit": "person", "place": None,
             "status": "update", "scope": "event", "best": 15, "low": 15, "high": None, "independent_sources": 2,
             "explanation": "update: rose from at least 12 (aaaa, 2025-04-15) to 15 (bbbb, 2025-04-16)",
             "reports": [rep, {**rep, "article": "bbbb", "text": "15 people", "low": 15, "high": 15}]},
            {"key": "killed:people:person:background", "measure": "killed", "subject": "people", "unit": "person",
             "place": None, "status": "single-source", "scope": "background", "best": 300, "low": 300, "high": 300,
             "independent_sources": 1, "explanation": "background (dated '1999'); only aaaa reports it",
             "reports": [{**rep, "text": "300 people", "low": 300, "high": 300}]},
        ],
        "timeline": [{"date": "2025-04-15", "text": "The dam failed on Tuesday.", "articles": ["aaaa"]}],
        "event": None,
    }


def test_each_statement_on_its_own_line() -> None:
    md = render_markdown(_story())
    lines = md.splitlines()
    assert "The dam failed on Tuesday. [1][2]" in lines and "Twelve people died. [2]" in lines
    assert '- [1] "at least 12 people": at least 12 people, as of 2025-04-15, according to police' in lines
    assert '- [2] "15 people": 15 people, as of 2025-04-15, according to police' in lines
    assert "- **2025-04-15** The dam failed on Tuesday. [1]" in lines


def test_explanations_cite_by_number_and_background_stands_apart() -> None:
    md = render_markdown(_story())
    assert "rose from at least 12 ([1], 2025-04-15) to 15 ([2], 2025-04-16)" in md
    facts, background = md.split("## Background figures")
    assert "update" in facts and "1999" not in facts
    assert "1999" in background.split("### Who said what")[0]


def test_article_text_cannot_break_the_table_or_inject_markup() -> None:
    md = render_markdown(_story())
    assert "<b>" not in md and "Dam &lt;b&gt;fails&lt;/b&gt;" in md
    assert "Toll \\| rises" in md
    story = _story()
    story["headline"] = "Storm <img src=x onerror=alert(7)> kills 4"
    story["timeline"][0]["text"] = "See [the video](javascript:alert(9)) of the storm."
    md = render_markdown(story)
    assert "<img" not in md and not re.search(r"(?<!\\)\]\(javascript:", md) and "\\[the video\\]" in md


def test_small_values_keep_their_digits() -> None:
    """A depth of 2 m is 0.002 km: never shown as "0.00"."""
    from crosswire.render.markdown import _num
    from crosswire.web.views import num

    assert (_num(0.002), num(0.002), _num(9.83), num(1234.0)) == ("0.002", "0.002", "9.83", "1,234")


def test_csv_cells_a_spreadsheet_would_run_are_inert() -> None:
    import csv
    import io

    from crosswire.render import facts_csv

    story = _story()
    story["headline"] = '=HYPERLINK("http://evil.example","click")'
    story["facts"][0]["explanation"] = "+cmd|' /C calc'!A0"
    out = io.StringIO()
    facts_csv([story], out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert all(not cell.startswith(("=", "+", "@")) for row in rows[1:] for cell in row)
    assert rows[1][1] == "'" + story["headline"]
    assert rows[1][8] == "15"  # numbers untouched
