"""Hypothesis over the cleaner and the claim extractor: no exception escapes, a document is cleaned or failed."""

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire import records as r
from crosswire.extract import extract
from crosswire.pipeline import RunOptions, process_document

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NASTY = st.sampled_from(["\u200b", "\u200e", "\u202e", "\u2066", "\ufeff", "\x00", "<", ">", "&", "\r\n", "é", "中",
                         "killed", "at least", "12", "1,200", "people", "on Monday", "miles", "km", "(6 miles)",
                         "according to", "said", ".", " ", "\n\n", "<script>alert(1)</script>", "<div>", "</p>"])
TEXTY = st.lists(st.one_of(NASTY, st.text(max_size=20)), max_size=80).map("".join)


def doc(raw: bytes, media_type: str) -> r.Document:
    return r.Document(hashlib.sha256(raw).hexdigest(), "fuzz", media_type, raw, "2024-01-01T00:00:00+00:00",
                      (("date_publish", "2024-01-02"),))


def check(raw: bytes, media_type: str) -> None:
    article, extraction, failed = process_document(doc(raw, media_type), RunOptions(), None)
    if failed is None:
        assert article is not None and extraction is not None
        for claim in extraction.claims:
            assert article.text[claim.span[0]:claim.span[1]] == claim.text
    else:
        assert failed.reason and "internal error" not in failed.reason, failed.reason


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["text/plain", "text/html", "application/x-newsplease+json",
                                                  "application/x-feed-entry+json"]))
def test_arbitrary_bytes_through_clean_and_extract(raw: bytes, media_type: str) -> None:
    check(raw, media_type)


@FUZZ
@given(TEXTY)
def test_adversarial_text(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"), "text/plain")


@FUZZ
@given(st.integers(1, 3000), TEXTY)
def test_deeply_nested_and_unclosed_html(depth: int, text: str) -> None:
    check(("<div><span>" * depth + text + "</div>" * (depth // 2)).encode("utf-8", "surrogatepass"), "text/html")


@FUZZ
@given(TEXTY)
def test_extract_on_arbitrary_article_text(text: str) -> None:
    article = r.Article(id="a", document_id="d", origin="o", paragraphs=(text,),
                        published=r.Published("2024-11-28", "day", "metadata:x"))
    ex = extract(article)
    for claim in ex.claims:
        assert article.text[claim.span[0]:claim.span[1]] == claim.text


def test_one_megabyte_line() -> None:
    check(("word " * 210_000).encode(), "text/plain")
    check(("At least 12 people were killed. " * 33_000).encode(), "text/plain")
