"""dedup: exact / near duplicates, rewrites, shared paragraphs, persistence of the index."""

from __future__ import annotations

import ast
import json
import random
from pathlib import Path

import pytest

from crosswire.dedup import (
    DedupIndex,
    DedupOptions,
    band_keys,
    credits,
    dedup,
    normalise,
    outlet_key,
    sketch,
)
from crosswire.errors import ConfigError
from crosswire.records import Article, Published

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "data" / "news-clusters-5w1h"


def _corpus() -> list[dict]:
    if not SHARED.exists():
        pytest.skip("shared data missing")
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.json"))]
    return [d for d in docs if d.get("text") and len(d["text"].split()) > 300]


def _article(aid: str, paragraphs: list[str], published: str | None, outlet: str | None = None,
             title: str | None = None) -> Article:
    return Article(id=aid, document_id=aid, origin=aid, paragraphs=tuple(paragraphs), title=title,
                   outlet=outlet, published=Published(value=published, precision="day" if published else "unknown"))


def _from_json(aid: str, d: dict, published: str | None = None) -> Article:
    paras = [p.strip() for p in d["text"].split("\n") if p.strip()]
    return _article(aid, paras, published or d["date_publish"][:10], d["source_domain"], d["title"])


def test_syndicated_copy_with_other_chrome_is_duplicate_of_earliest() -> None:
    d = _corpus()[0]
    original = _from_json("orig", d, "2020-01-01")
    copy = _article("copy", ["Follow us on Google News", "Subscribe to our newsletter for the latest updates",
                             *original.paragraphs, "Comments", "Share this story on Facebook and Twitter"],
                    "2020-01-02", "other.example", "Syndicated: " + original.title)
    index = DedupIndex()
    links = dedup([copy, original], index)  # input order does not matter: the earliest is the original
    dup = [lk for lk in links if lk.kind == "duplicate"]
    assert [(lk.article_id, lk.of_article_id) for lk in dup] == [("copy", "orig")]
    assert index.root("copy") == "orig"


def test_exact_copy_and_ten_percent_changed_copy_are_caught() -> None:
    d = _corpus()[1]
    original = _from_json("orig", d, "2020-01-01")
    rng = random.Random(7)
    changed = []
    for p in original.paragraphs:
        words = p.split()
        for i in range(len(words)):
            if rng.random() < 0.10:
                words[i] = rng.choice(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"])
        changed.append(" ".join(words))
    mutated = _article("mutated", changed, "2020-01-03", "b.example", original.title)
    exact = _article("exact", list(original.paragraphs), "2020-01-02", "c.example", original.title)
    index = DedupIndex()
    links = {lk.article_id: lk for lk in dedup([original, exact, mutated], index)}
    assert links["exact"].kind == "duplicate" and links["exact"].of_article_id == "orig"
    assert links["exact"].score == 1.0
    assert links["mutated"].kind == "duplicate" and links["mutated"].of_article_id == "orig"


def test_unrelated_article_on_same_topic_is_not_linked() -> None:
    corpus = _corpus()
    # two different reports of the same event (same gold event id, different outlets)
    by_event: dict[str, list[dict]] = {}
    for d in corpus:
        nc = d["newsCluster"]
        nc = ast.literal_eval(nc) if isinstance(nc, str) else nc
        by_event.setdefault(str(nc["EventId"]), []).append(d)
    pair = next(v for _, v in sorted(by_event.items()) if len({x["source_domain"] for x in v}) >= 2)
    a = _from_json("a", pair[0], "2020-01-01")
    b = _from_json("b", next(x for x in pair if x["source_domain"] != pair[0]["source_domain"]), "2020-01-01")
    links = dedup([a, b], DedupIndex())
    assert [lk for lk in links if lk.kind in ("duplicate", "rewrite")] == []


def _rewrite_pair() -> tuple[Article, Article]:
    original = _article("bbc1", [
        "Rebels seized the town of Maarat Hamza on Thursday after three days of fighting, the Syrian "
        "Observatory for Human Rights said, adding that 87 soldiers and 140 fighters had been killed.",
        "\"We will not stop until we reach Aleppo,\" said Abu Mohammed al-Jolani in a video message.",
        "Charles Lister of the Middle East Institute said the advance was the largest since 2020.",
        "About 14,000 people have fled towards Idlib and the Turkish border, the United Nations said.",
    ], "2024-11-28", "www.bbc.com", "Rebels seize Maarat Hamza")
    rewrite = _article("copy1", [
        "(BBC) - After 3 days of clashes, opposition fighters captured Maarat Hamza on Thursday. According to "
        "the Syrian Observatory for Human Rights, 140 fighters and 87 soldiers lost their lives.",
        "In a video, Abu Mohammed al-Jolani declared: \"We will not stop until we reach Aleppo.\"",
        "The push is the biggest since 2020, according to Charles Lister from the Middle East Institute.",
        "The United Nations reports that about 14,000 residents escaped towards Idlib and the Turkish border.",
    ], "2024-11-29", "rewrites.example", "Opposition captures Maarat Hamza")
    return original, rewrite


def test_rewrite_with_same_facts_and_credit_gets_rewrite_of() -> None:
    original, rewrite = _rewrite_pair()
    unrelated = _article("other", [
        "Flooding in Valencia killed 12 people on Tuesday, regional officials said, as rivers burst their banks.",
        "Carlos Mazon, head of the regional government, said 300 people had been rescued by the army.",
    ], "2024-11-29", "news.example", "Floods in Valencia")
    links = dedup([original, rewrite, unrelated], DedupIndex())
    rewrites = [lk for lk in links if lk.kind == "rewrite"]
    assert [(lk.article_id, lk.of_article_id) for lk in rewrites] == [("copy1", "bbc1")]
    assert "credits bbc" in rewrites[0].evidence
    assert not any(lk.article_id == "other" or lk.of_article_id == "other" for lk in links)


def test_shared_paragraphs_are_counted() -> None:
    d1, d2 = _corpus()[2], _corpus()[3]
    a = _from_json("a", d1, "2020-01-01")
    shared = list(a.paragraphs[:3])
    b = _article("b", [*[p for p in d2["text"].split("\n") if p.strip()], *shared], "2020-01-02", "x.example")
    links = dedup([a, b], DedupIndex())
    assert len(links) == 1
    assert links[0].kind == "shares-paragraphs" and links[0].of_article_id == "a"
    n = sum(1 for p in shared if len(p.split()) >= DedupOptions().min_paragraph_words)
    assert links[0].evidence.startswith(f"{n} shared paragraph")


def test_rows_round_trip_and_refuse_mismatched_params() -> None:
    corpus = _corpus()[:6]
    articles = [_from_json(f"a{i}", d, f"2020-01-0{i + 1}") for i, d in enumerate(corpus)]
    copy = _article("copy", list(articles[0].paragraphs), "2020-02-01", "z.example", articles[0].title)
    whole = DedupIndex()
    expected = dedup([*articles, copy], whole)
    half = DedupIndex()
    dedup(articles, half)
    restored = DedupIndex.from_rows(half.rows([a.id for a in articles]))
    assert dedup([copy], restored) == [lk for lk in expected if lk.article_id == "copy"]
    params, data = half.rows(["a0"])[0][1:]
    assert params == {"shingle_size": 5, "num_perm": 64, "bottom_k": 256, "seed": 1, "max_facts": 96,
                      "hash": "poly64", "version": 3}
    with pytest.raises(ConfigError):
        DedupIndex.from_rows([("a0", {**params, "seed": 2}, data)])
    with pytest.raises(ConfigError):
        DedupIndex.from_rows([("a0", params, data)], DedupOptions(num_perm=128))


def test_sketches_made_elsewhere_give_the_same_links_and_rows() -> None:
    """Workers hash (sketch); the ordered judgement only compares: same links, same stored rows, and a
    copy's row keeps none of what it says (its original's facts and paragraphs stand for it)."""
    corpus = _corpus()[:8]
    articles = [_from_json(f"a{i}", d, f"2020-01-0{i + 1}") for i, d in enumerate(corpus)]
    copy = _article("copy", list(articles[0].paragraphs), "2020-02-01", "z.example", articles[0].title)
    shares = _article("shares", [*[p for p in corpus[5]["text"].split("\n") if p.strip()][:4],
                                 *articles[2].paragraphs[:3]], "2020-02-02", "y.example", "Another")
    batch = [*articles, copy, shares]
    plain, sketched = DedupIndex(), DedupIndex()
    expected = dedup(batch, plain)
    assert {lk.kind for lk in expected} >= {"duplicate", "shares-paragraphs"}
    made = {a.id: sketch(a) for a in batch}
    assert dedup(batch, sketched, sketches=made) == expected
    ids = [a.id for a in batch]
    assert sketched.rows(ids) == plain.rows(ids)
    hashed_only = DedupIndex()  # facts and paragraphs left to the judgement, for the originals only
    assert dedup(batch, hashed_only, sketches={a.id: sketch(a, describe=False) for a in batch}) == expected
    assert hashed_only.rows(ids) == plain.rows(ids)
    with pytest.raises(ValueError, match="describe=True"):
        band_keys(sketch(batch[0], describe=False))
    assert json.loads(dict((a, d) for a, _, d in sketched.rows(ids))["copy"])["fact_seq"] == []
    other = DedupOptions(num_perm=128)  # a sketch made with other parameters is not used
    assert dedup(batch, DedupIndex(other), sketches=made) == dedup(batch, DedupIndex(other))


def _band_join(keyed: dict[str, list[bytes]]) -> dict[str, list[bytes]]:
    """What the shuffle of a distributed run computes: each article's keys shared with another article."""
    by_key: dict[bytes, list[str]] = {}
    for article_id, keys in keyed.items():
        for key in keys:
            by_key.setdefault(key, []).append(article_id)
    shared: dict[str, list[bytes]] = {}
    for key, ids in by_key.items():
        if len(ids) > 1:
            for article_id in ids:
                shared.setdefault(article_id, []).append(key)
    return shared


def test_a_band_join_made_elsewhere_finds_the_same_links() -> None:
    corpus = _corpus()[:8]
    articles = [_from_json(f"a{i}", d, f"2020-01-0{i + 1}") for i, d in enumerate(corpus)]
    copy = _article("copy", list(articles[0].paragraphs), "2020-02-01", "z.example", articles[0].title)
    shares = _article("shares", [*[p for p in corpus[5]["text"].split("\n") if p.strip()][:4],
                                 *articles[2].paragraphs[:3]], "2020-02-02", "y.example", "Another")
    batch = [*articles, copy, shares, *_rewrite_pair()]
    plain = DedupIndex()
    expected = dedup(batch, plain)
    assert {lk.kind for lk in expected} == {"duplicate", "shares-paragraphs", "rewrite"}
    made = {a.id: sketch(a) for a in batch}
    joined = DedupIndex()
    joined.use_band_join(_band_join({a: band_keys(d) for a, d in made.items()}))
    assert dedup(batch, joined, sketches=made) == expected
    assert joined.rows(made) == plain.rows(made)
    # half stored by an earlier run (in the LSH tables), the rest joined among themselves
    first, rest = batch[:4], batch[4:]
    earlier = DedupIndex()
    dedup(first, earlier)
    restored = DedupIndex.from_rows(earlier.rows([a.id for a in first]))
    restored.use_band_join(_band_join({a.id: band_keys(made[a.id]) for a in rest}))
    rest_ids = {a.id for a in rest}
    assert dedup(rest, restored, sketches=made) == [lk for lk in expected if lk.article_id in rest_ids]


def test_rows_of_other_parameters_are_signed_again_from_their_articles() -> None:
    corpus = _corpus()[:6]
    articles = [_from_json(f"a{i}", d, f"2020-01-0{i + 1}") for i, d in enumerate(corpus)]
    copy = _article("copy", list(articles[0].paragraphs), "2020-02-01", "z.example", articles[0].title)
    old_options = DedupOptions(num_perm=128, bottom_k=128)
    old = DedupIndex(old_options)
    dedup([*articles, copy], old)
    rows = [(a, {**p, "version": 1}, d) for a, p, d in old.rows([a.id for a in articles])]  # an older format
    by_id = {a.id: a for a in articles}
    with pytest.raises(ConfigError):
        DedupIndex.from_rows(rows)
    restored = DedupIndex.from_rows(rows, resign=by_id.get)
    assert sorted(restored.take_resigned()) == sorted(by_id) and restored.take_resigned() == []
    expected = dedup([*articles, copy], DedupIndex())
    assert dedup([copy], restored) == [lk for lk in expected if lk.article_id == "copy"]
    with pytest.raises(ConfigError):  # a row whose article is gone cannot be signed again
        DedupIndex.from_rows(rows, resign=lambda article_id: None)


def test_options_are_validated_and_credits_parsed() -> None:
    with pytest.raises(ConfigError):
        DedupOptions(threshold=1.5)
    with pytest.raises(ConfigError):
        DedupOptions(num_perm=4)
    a = _article("x", ["KYIV (Reuters) - Shelling killed four people, according to the BBC and officials."], None)
    assert credits(a) == ["reuters", "bbc"]
    assert outlet_key("https://www.bbc.co.uk/news/x") == "bbc" == outlet_key("BBC News")


def test_copy_matching_two_originals_is_duplicate_of_the_earliest_only() -> None:
    d = _corpus()[4]
    words = " ".join(p.strip() for p in d["text"].split("\n") if p.strip()).split()
    rng = random.Random(11)

    def changed(share: float, salt: str) -> list[str]:
        return [f"{salt}{i}" if rng.random() < share else w for i, w in enumerate(words)]

    # 11% of words changed in each: a copy of the original keeps ~89% of its words, the two ~79% of each other's
    first = _article("first", [" ".join(changed(0.11, "x"))], "2020-01-01", "a.example", d["title"])
    second = _article("second", [" ".join(changed(0.11, "y"))], "2020-01-02", "b.example", d["title"])
    copy = _article("copy", [" ".join(words)], "2020-01-03", "c.example", d["title"])
    index = DedupIndex()
    assert [lk for lk in dedup([first, second], index) if lk.kind == "duplicate"] == []  # judged apart
    links = dedup([copy], index)  # near both; related to "second" only through "first"
    assert [(lk.article_id, lk.kind, lk.of_article_id) for lk in links] == [("copy", "duplicate", "first")]
    assert index.root("copy") == "first"


def test_words_are_hashed_as_normalise_finds_them() -> None:
    """Shingles are built from words found over the code points at once: the same words as normalise()."""
    index = DedupIndex()
    hasher = index._hasher
    texts = [
        "", "One", "3.5 and 1,000 don't a..b x.y. 'quoted' ...end_of_it snake_case",
        "“Curly” quotes — dashes – and ellipses… café naïve İstanbul STRASSE ﬁne 😀x",
        "Line one.\n\nLine two, with U.S. forces; and 12,5 km.\n",
        *[d["text"] for d in _corpus()[:5]],
    ]
    for text in texts:
        words = hasher.words(text)
        assert len(words) == len(normalise(text))
        expected = hasher.tokens(normalise(text)) if normalise(text) else []
        assert [h >> 32 for h in words.hashes.tolist()] == list(expected), text[:40]
    # a copy in other page chrome and punctuation is the same text: one exact hash
    a = _article("a", ["Rebels seized the town, officials said.", "Talks resume on Monday."], "2020-01-01")
    b = _article("b", ["Rebels  seized the town -- officials said!", "“Talks resume on Monday”"], "2020-01-02")
    assert index._entry(a).exact == index._entry(b).exact
