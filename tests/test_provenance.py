"""Provenance over every story of the shared corpora (issue 5): every fact report, claim, summary sentence and
timeline entry points at text that is really in the article it cites."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crosswire.brief import similarity
from crosswire.pipeline import run
from crosswire.render import export_document
from crosswire.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = [SHARED / "data" / "news-clusters-5w1h", SHARED / "data" / "basil", SHARED / "seeds"]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    for folder in CORPORA:
        if not folder.exists():
            pytest.fail(f"{folder} is missing: these tests read the shared corpora from ../shared/")
    db = tmp_path_factory.mktemp("provenance") / "all.db"
    paths = [str(p) for p in sorted((SHARED / "data" / "news-clusters-5w1h").glob("*.json"))]
    paths += [str(p) for p in sorted((SHARED / "data" / "basil").rglob("*.json"))]
    paths += [str(p) for p in sorted((SHARED / "seeds").glob("0*.txt"))]
    summary = run(paths, db=str(db))
    assert not summary.failed, summary.failed[:3]
    with Store(str(db), readonly=True) as store:
        return export_document(store)


def test_the_corpora_make_many_stories(export: dict[str, Any]) -> None:
    assert len(export["articles"]) == 383 + 300 + 5  # news-clusters, BASIL, seeds: none lost
    assert len(export["stories"]) > 150
    assert sum(len(s["facts"]) for s in export["stories"]) > 300


def test_every_claim_and_fact_report_quotes_its_article(export: dict[str, Any]) -> None:
    text = {a["id"]: a["text"] for a in export["articles"]}
    checked = 0
    for article in export["articles"]:
        for claim in article["claims"]:
            start, end = claim["span"]
            assert text[article["id"]][start:end] == claim["text"], claim
            assert claim["sentence"] in text[article["id"]]
    for story in export["stories"]:
        for fact in story["facts"]:
            for rep in fact["reports"]:
                start, end = rep["span"]
                assert rep["article"] in story["article_ids"], (story["id"], rep)
                assert text[rep["article"]][start:end] == rep["text"], (story["id"], fact["key"], rep)
                checked += 1
    assert checked > 1000


def test_every_summary_sentence_is_stated_by_each_article_it_cites(export: dict[str, Any]) -> None:
    text = {a["id"]: a["text"] for a in export["articles"]}
    for story in export["stories"]:
        for sentence in story["summary"]:
            assert sentence["citations"], sentence
            quoted = False
            for c in sentence["citations"]:
                start, end = c["span"]
                cited = text[c["article"]][start:end]
                assert c["article"] in story["article_ids"]
                assert 0 <= start < end <= len(text[c["article"]])
                quoted = quoted or sentence["text"] in cited
                # another article is cited only when it says the same thing in its own words
                assert sentence["text"] in cited or similarity(sentence["text"], cited) >= 0.3, (sentence, cited)
            assert quoted, sentence


def test_every_timeline_entry_quotes_a_cited_article(export: dict[str, Any]) -> None:
    text = {a["id"]: a["text"] for a in export["articles"]}
    for story in export["stories"]:
        for entry in story["timeline"]:
            pieces = [p.strip() for p in entry["text"].split("…") if p.strip()]
            cited = [text[c["article"]][c["span"][0]:c["span"][1]] for c in entry["citations"]]
            assert all(any(p in span for span in cited) for p in pieces), (story["id"], entry)


def test_a_bracket_in_a_line_is_not_a_host() -> None:
    from crosswire.clean.metadata import normalise_host

    assert normalise_host("[W] World news") is None  # urllib reads "[W" as a malformed IPv6 host
    assert normalise_host("https://www.BBC.com/news") == "bbc.com"
