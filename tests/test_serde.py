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
