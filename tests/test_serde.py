from crosswire import records as r
from crosswire.serde import from_dict, to_dict


def test_round_trip_nested_records() -> None:
    place = r.Place("Aleppo-like", "Country", "CC", "Region", 36.2, 37.1, "city", 1)
    ent = r.Entity("a", "place", "X", "X", (1, 2), None, place)
    event = r.DatedEvent("a", (0, 1), (0, 5), "s", "2024", "year", "2024")
    ex = r.Extraction("a", claims=(), entities=(ent,), events=(event,))
    assert from_dict(r.Extraction, to_dict(ex)) == ex
    brief = r.Brief(
        story=r.Story("s", ("a",), "H"), headline="H", facts=(), sources=(),
        timeline=(r.TimelineEntry("2024-01-02", "day", "t", (r.Citation("a", (0, 3)),)),),
        summary=(r.SummarySentence("x", (r.Citation("a", (3, 4)),)),),
        entities=(("person", "P", ("P", "Q")),),
        event=r.EventRecord("2024", "year", "e", r.EventPlace("n", None, "c", 1.0, 2.0, "city"), "pe", ("x",), (),
                            "battle", r.Toll(1, 1, None), r.Toll(None, None, None), 1, ("a",)),
    )
    back = from_dict(r.Brief, to_dict(brief))
    assert back == brief
    assert back.timeline[0].article_ids == ("a",)


def test_bytes_and_ints_as_floats() -> None:
    doc = r.Document("i", "o", "text/plain", b"\x00\xff", "now", (("k", "v"),))
    assert from_dict(r.Document, to_dict(doc)) == doc
    c = from_dict(r.Claim, {"id": "c", "article_id": "a", "span": [1, 2], "sentence": "s", "text": "t",
                            "measure": "killed", "subject": "people", "low": 3, "high": None})
    assert c.low == 3.0 and isinstance(c.low, float) and c.span == (1, 2)


def test_compiled_codecs_do_what_the_generic_rules_do() -> None:
    from crosswire import serde

    claim = r.Claim("c", "a", (3, 9), "s", "t", "killed", "people", 2, None, original_value=7)  # ints in floats
    ex = r.Extraction("a", claims=(claim,), entities=(r.Entity("a", "place", "X", "X", (1, 2)),))
    data = to_dict(ex)
    assert data == serde._to_dict_generic(ex)
    back = from_dict(r.Extraction, data)
    assert back == serde._from_dict_generic(r.Extraction, data)
    assert type(back.claims[0].low) is float and back.claims[0].original_value == 7.0
    assert type(back.claims[0].original_value) is float and back.claims[0].high is None
    # a dict missing fields takes their defaults; unknown keys are ignored; a longer span is cut as zip cuts it
    partial = {"article_id": "a", "claims": [], "extra": 1}
    assert from_dict(r.Extraction, partial) == r.Extraction("a")
    ent = from_dict(r.Entity, {"article_id": "a", "kind": "k", "name": "n", "canonical": "n", "span": [1, 2, 3],
                               "role": None, "place": None})
    assert ent.span == (1, 2)
    # a value of another shape than its hint promises is encoded generically
    odd = r.Story("s", ["a", "b"], "h")  # type: ignore[arg-type]
    assert to_dict(odd) == serde._to_dict_generic(odd) == {"id": "s", "article_ids": ["a", "b"], "headline": "h",
                                                            "first_seen": None, "last_seen": None}


def test_decoded_records_are_the_records_the_constructor_makes() -> None:
    import pickle

    brief = r.Brief(story=r.Story("s", ("a",), "H"), headline="H", facts=(), timeline=(), summary=(), sources=(
        r.Source("a", None, "t", None),))
    back = from_dict(r.Brief, to_dict(brief))
    assert back == brief and hash(back.story) == hash(brief.story)
    assert vars(back.sources[0]) == vars(brief.sources[0])  # same fields, in the same order
    assert pickle.loads(pickle.dumps(back)) == brief
