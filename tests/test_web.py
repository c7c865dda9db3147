"""The web UI over a store filled here with records: pages, JSON API, charts and the security rules.

``build_store`` and ``running_server`` are also used by tests/test_web_browser.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from crosswire import records as r
from crosswire.errors import StoreError
from crosswire.render import export_document
from crosswire.store import Store
from crosswire.web import charts as web_charts
from crosswire.web import create_app, serve, views

PAYLOAD_SCRIPT = "<script>window.__pwned = 1; document.title = 'pwned'; alert('pwned')</script>"
PAYLOAD_IMG = "<img src=x onerror=\"window.__pwned = 2; alert('img')\">"
PAYLOAD_LINK = "<a href=\"javascript:window.__pwned = 3\">click me</a>"
HOSTILE_TITLE = "Toll rises <script>window.__pwned = 4</script>"
HOSTILE_OUTLET = "Evil $x$ </svg><script>window.__pwned=5</script> & Co"


def _doc(name: str, raw: bytes, media_type: str = "text/plain") -> r.Document:
    return r.Document(id=hashlib.sha256(raw).hexdigest(), origin=name, media_type=media_type, raw=raw,
                      received_at="2024-11-30T00:00:00+00:00")


def _article(key: str, doc: r.Document, paragraphs: list[str], **kw: object) -> r.Article:
    return r.Article(id=key, document_id=doc.id, origin=doc.origin, paragraphs=tuple(paragraphs), **kw)  # type: ignore[arg-type]


def _claim(article: r.Article, phrase: str, n: int, *, measure: str, subject: str, low: float | None,
           high: float | None, unit: str = "person", as_of: str | None = None, **kw: object) -> r.Claim:
    start = article.text.index(phrase)
    span = (start, start + len(phrase))
    sent_start = article.text.rfind("\n", 0, start) + 1
    sent_end = article.text.find("\n", start)
    sentence = article.text[sent_start: sent_end if sent_end >= 0 else len(article.text)]
    return r.Claim(id=f"{article.id}:c{n}", article_id=article.id, span=span, sentence=sentence, text=phrase,
                   measure=measure, subject=subject, low=low, high=high, unit=unit, as_of=as_of, **kw)  # type: ignore[arg-type]


def _report(c: r.Claim) -> r.Report:
    return r.Report(claim_id=c.id, article_id=c.article_id, text=c.text, span=c.span, low=c.low, high=c.high,
                    approx=c.approx, as_of=c.as_of, attributed_to=c.attributed_to, subject=c.subject, unit=c.unit,
                    original_unit=c.original_unit, original_value=c.original_value)


def build_store(path: Path) -> dict[str, object]:
    """A store with two stories; story ``s1`` has four sources (one of them hostile), a conflict fact with
    an outlier, an update fact reported at three dates, a timeline and a cited summary."""
    docs = {
        "a1": _doc("harbor.txt", b"Harbor Times\nAt least 12 people were killed ...\n"),
        "a2": _doc("river.html", b"<html><body><script>alert('raw')</script>River Post</body></html>", "text/html"),
        "a3": _doc("coast.txt", b"Coast Daily raw bytes \x00\xff"),
        "a4": _doc("evil.html", f"<html>{PAYLOAD_SCRIPT}{PAYLOAD_IMG}</html>".encode(), "text/html"),
        "b1": _doc("quake.txt", b"Quake report"),
    }
    a1 = _article("a1", docs["a1"], [
        "Rebels advanced on the city of Norhaven on Wednesday.",
        "At least 12 people were killed in the fighting, according to the monitor.",
        "The fighters came within 10 kilometres of the city centre.",
    ], title="Rebels advance on Norhaven", outlet="Harbor Times", url="https://harbor.example/news/1",
        published=r.Published("2024-11-27", "day", "metadata:date"),
        removed=(r.RemovedLine("Subscribe to our newsletter", "chrome", 1),
                 r.RemovedLine("Home | World | Sport", "menu", 2)))
    a2 = _article("a2", docs["a2"], [
        "The death toll in the Norhaven offensive rose to 20 on Thursday.",
        "An analyst said the rebels were only 6 km from Norhaven.",
        "Aid groups reported a shortage of bandages.",
    ], title="Norhaven toll rises", outlet="River Post", url="http://river.example/a2",
        published=r.Published("2024-11-28", "day", "text:Thursday"))
    a3 = _article("a3", docs["a3"], [
        "Fighting around Norhaven has killed 31 people, the monitor said on Friday.",
        "Rebel units stood about six miles from the centre.",
    ], title="Norhaven: 31 dead", outlet="Coast Daily", url="https://coast.example/a3",
        published=r.Published("2024-11-29", "day", "metadata:date"))
    a4 = _article("a4", docs["a4"], [
        f"Breaking {PAYLOAD_SCRIPT} news.",
        f"Photo {PAYLOAD_IMG} caption.",
        f"Read more {PAYLOAD_LINK} here. At least 35 people died in Norhaven by Friday.",
    ], title=HOSTILE_TITLE, outlet=HOSTILE_OUTLET, url="javascript:window.__pwned=6",
        byline="<b onmouseover=alert(1)>Staff</b>", published=r.Published("2024-11-29", "day", "metadata:date"),
        removed=(r.RemovedLine("<script>window.__pwned=7</script>", "chrome", 1),))
    b1 = _article("b1", docs["b1"], ["A magnitude 6 earthquake struck Velmora; 3 people were injured."],
                  title="Quake in Velmora", outlet="Harbor Times", url="https://harbor.example/q",
                  published=r.Published("2024-12-02", "day", "metadata:date"))
    articles = [a1, a2, a3, a4, b1]

    c1 = _claim(a1, "At least 12 people were killed", 1, measure="killed", subject="people", low=12, high=None,
                as_of="2024-11-27", attributed_to="the monitor")
    d1 = _claim(a1, "within 10 kilometres of the city centre", 2, measure="distance", subject="rebels", low=10,
                high=10, unit="km", as_of="2024-11-27")
    c2 = _claim(a2, "rose to 20", 1, measure="killed", subject="people", low=20, high=20, as_of="2024-11-28")
    d2 = _claim(a2, "only 6 km from Norhaven", 2, measure="distance", subject="rebels", low=6, high=6, unit="km",
                as_of="2024-11-28", attributed_to="an analyst")
    c3 = _claim(a3, "killed 31 people", 1, measure="killed", subject="people", low=31, high=31, as_of="2024-11-29")
    d3 = _claim(a3, "about six miles from the centre", 2, measure="distance", subject="rebels", low=9.66,
                high=9.66, unit="km", approx=True, original_unit="mile", original_value=6, as_of="2024-11-29")
    c4 = _claim(a4, "At least 35 people died", 1, measure="killed", subject="people", low=35, high=None,
                as_of="2024-11-29", attributed_to="<i>monitor</i>")
    e1 = _claim(b1, "3 people were injured", 1, measure="injured", subject="people", low=3, high=3,
                as_of="2024-12-02")
    extractions = [r.Extraction("a1", (c1, d1)), r.Extraction("a2", (c2, d2)), r.Extraction("a3", (c3, d3)),
                   r.Extraction("a4", (c4,)), r.Extraction("b1", (e1,))]

    story = r.Story(id="s1", article_ids=("a1", "a2", "a3", "a4"), headline="Rebel offensive on Norhaven",
                    first_seen="2024-11-27", last_seen="2024-11-29")
    story2 = r.Story(id="s2", article_ids=("b1",), headline="Earthquake in Velmora", first_seen="2024-12-02",
                     last_seen="2024-12-02")
    toll = r.Fact(key="killed|people|Norhaven", measure="killed", subject="people", unit="person", status="update",
                  explanation="A running toll that rises from 12 to 35 as days pass: later reports update earlier.",
                  reports=tuple(_report(c) for c in (c1, c2, c3, c4)), best=35, low=35, high=None,
                  independent_sources=3, current=c4.id, place="Norhaven")
    distance = r.Fact(key="distance|rebels|Norhaven", measure="distance", subject="rebels", unit="km",
                      status="conflict",
                      explanation="Three sources put the rebels about 10 km away; River Post says 6 km "
                                  "(miles read as kilometres?).",
                      reports=tuple(_report(c) for c in (d1, d2, d3)), best=10, low=9.66, high=10,
                      independent_sources=2, outliers=("a2",), place="Norhaven")
    earlier = r.Fact(key="killed:people:person:background", measure="killed", subject="people", unit="person",
                     status="single-source", scope="background",
                     explanation="background (dated '2016', before this story); only a1 reports it: 300",
                     reports=(_report(c1),), best=300, low=300, high=300, independent_sources=1)
    brief = r.Brief(
        story=story, headline="Rebel offensive on Norhaven", facts=(toll, distance, earlier),
        timeline=(r.TimelineEntry("2024-11-27", "day", "Rebels advance on Norhaven.", (r.Citation("a1", (0, 53)),)),
                  r.TimelineEntry("2024-11-29", "day", "Toll reaches 31.", (r.Citation("a3", (0, 73)),))),
        summary=(r.SummarySentence("Rebels advanced on Norhaven, killing at least 12 people.",
                                   (r.Citation("a1", c1.span), r.Citation("a2", c2.span))),
                 r.SummarySentence("Sources disagree on how close they came.", (r.Citation("a2", d2.span),))),
        sources=(r.Source("a1", "Harbor Times", a1.title, "2024-11-27"),
                 r.Source("a2", "River Post", a2.title, "2024-11-28"),
                 r.Source("a3", "Coast Daily", a3.title, "2024-11-29", rewrite_of="a1", independent=False),
                 r.Source("a4", HOSTILE_OUTLET, HOSTILE_TITLE, "2024-11-29")),
        entities=(("place", "Norhaven", ("Norhaven city",)),),
    )
    brief2 = r.Brief(story=story2, headline="Earthquake in Velmora", facts=(), timeline=(), summary=(),
                     sources=(r.Source("b1", "Harbor Times", b1.title, "2024-12-02"),))
    with Store(path) as store, store.transaction():
        for doc in docs.values():
            store.add_document(doc)
        for art in articles:
            store.put_article(art)
        for ex in extractions:
            store.put_extraction(ex)
        store.put_link(r.Link("a3", "a1", "rewrite", 0.71, "shared 5-gram shingles"))
        store.put_story(story)
        store.put_story(story2)
        store.put_brief(brief)
        store.put_brief(brief2)
    return {"story": story, "brief": brief, "articles": {a.id: a for a in articles}, "docs": docs,
            "claims": {c.id: c for c in (c1, c2, c3, c4, d1, d2, d3, e1)}}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    path = tmp_path_factory.mktemp("web") / "store.db"
    return path, build_store(path)


@pytest.fixture(scope="module")
def client(built: tuple[Path, dict[str, object]]) -> Iterator[TestClient]:
    with TestClient(create_app(built[0])) as c:
        yield c


class _Links(HTMLParser):
    """Collects every tag and attribute of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Links()
    p.feed(html)
    return p.tags


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(db: Path) -> Iterator[str]:
    """The real app under uvicorn in a thread on a free localhost port; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def raw_request(base: str, request: bytes) -> tuple[int, bytes]:
    """Send bytes as-is (no client-side URL normalisation); return the status and the whole reply."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(request)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    reply = b"".join(chunks)
    return int(reply.split(b" ", 2)[1]), reply


# -- stories page ---------------------------------------------------------------------------------
def test_stories_page_lists_counts(client: TestClient) -> None:
    res = client.get("/")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    row = re.search(r'<tr class="story-row" id="story-s1">(.*?)</tr>', res.text, re.S)
    assert row and "Rebel offensive on Norhaven" in row.group(1)
    assert re.search(r'class="n sources">4<', row.group(1))
    assert re.search(r'class="n independent">3<', row.group(1))
    assert re.search(r'class="badge conflict">1<', row.group(1))
    assert 'href="/stories/s2"' in res.text


def test_stories_search_and_sort(client: TestClient) -> None:
    by_text = client.get("/", params={"q": "bandages"}).text  # only in an article's text
    assert 'href="/stories/s1"' in by_text and 'href="/stories/s2"' not in by_text
    by_headline = client.get("/", params={"q": "earthquake"}).text
    assert 'href="/stories/s2"' in by_headline and 'href="/stories/s1"' not in by_headline
    none = client.get("/", params={"q": "%' OR 1=1 --"})
    assert none.status_code == 200 and "No story matches" in none.text and "story-row" not in none.text
    updated = client.get("/", params={"sort": "updated"}).text
    assert updated.index("/stories/s2") < updated.index("/stories/s1")  # newest update first
    by_sources = client.get("/", params={"sort": "sources"}).text
    assert by_sources.index("/stories/s1") < by_sources.index("/stories/s2")  # 4 sources before 1
    assert client.get("/", params={"sort": "evil"}).status_code == 400
    assert client.get("/", params={"q": "x" * 500}).status_code == 400
    assert "Stories 1–2 of 2" in updated and 'rel="next"' not in updated
    beyond = client.get("/", params={"page": 2})
    assert beyond.status_code == 200 and "story-row" not in beyond.text
    assert client.get("/", params={"page": 0}).status_code == 400


# -- story page -----------------------------------------------------------------------------------
def test_story_page_facts_conflict_and_outlier(client: TestClient, built: tuple[Path, dict]) -> None:
    html = client.get("/stories/s1").text
    assert "<h1 class=\"headline\">Rebel offensive on Norhaven</h1>" in html
    row = re.search(r'<tr class="fact status-conflict" id="fact-distance-rebels-Norhaven"[^>]*>(.*?)</tr>', html,
                    re.S)
    assert row, "the distance fact is marked as a conflict"
    cell = row.group(1)
    assert '<span class="badge conflict">conflict</span>' in cell
    outlier = re.search(r'<li class="report outlier" data-article="(\w+)">', cell)
    assert outlier and outlier.group(1) == "a2"
    assert "miles read as kilometres" in cell  # the explanation is shown
    assert "6 mile" in cell  # the original unit next to the converted value
    d2 = built[1]["claims"]["a2:c2"]
    start = built[1]["articles"]["a2"].text.index(d2.sentence)  # the value links to its whole sentence
    assert f'href="/articles/a2?hl={start}-{start + len(d2.sentence)}#hl"' in cell
    update = re.search(r'<tr class="fact status-update"[^>]*>(.*?)</tr>', html, re.S)
    assert update and "as of 2024-11-28" in update.group(1) and "badge current" in update.group(1)
    assert "rises from 12 to 35" in update.group(1)


def test_background_figures_stand_apart_and_name_their_source(client: TestClient) -> None:
    html = client.get("/stories/s1").text
    facts, background = html.split('<section id="background">')
    assert "fact-killed-people-person-background" not in facts  # not among this event's facts
    assert 'id="fact-killed-people-person-background"' in background and "<details>" in background
    assert "only Harbor Times reports it" in background  # article ids read as source names


def test_story_page_summary_timeline_sources(client: TestClient, built: tuple[Path, dict]) -> None:
    html = client.get("/stories/s1").text
    c1 = built[1]["claims"]["a1:c1"]
    summary = re.search(r'<section id="summary">(.*?)</section>', html, re.S).group(1)
    assert f'href="/articles/a1?hl={c1.span[0]}-{c1.span[1]}#hl"' in summary
    timeline = re.search(r'<section id="timeline">(.*?)</section>', html, re.S).group(1)
    assert "<time>2024-11-27</time>" in timeline and 'href="/articles/a1?hl=0-53#hl"' in timeline
    sources = re.search(r'<section id="sources">(.*?)</section>', html, re.S).group(1)
    assert sources.count('class="source-row"') == 4
    assert re.search(r'rewrite of <a href="/articles/a1">Harbor Times</a>', sources)
    assert '<span class="badge dependent">no</span>' in sources


def test_story_page_chart_is_inline_safe_svg(client: TestClient) -> None:
    html = client.get("/stories/s1").text
    figures = re.findall(r'<figure class="chart" id="([^"]+)"[^>]*>(.*?)</figure>', html, re.S)
    assert [f[0] for f in figures] == ["chart-killed-people-Norhaven"]  # the update; the distance is not a count
    svg = figures[0][1][figures[0][1].index("<svg"): figures[0][1].index("</svg>") + 6]
    root = ET.fromstring(svg)  # well-formed XML: the hostile outlet name is escaped text
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Harbor Times" in texts and "River Post" in texts and "<script>" in texts and "$x$" in texts
    assert "style=" not in svg and "<style" not in svg and "<script" not in svg  # CSP style-src 'self'
    assert all(el.get("id", "chart-killed-people-Norhaven-").startswith("chart-killed-people-Norhaven-")
               for el in root.iter())


def test_chart_points_and_running_count() -> None:
    rep = r.Report("c", "a", "t", (0, 1), low=None, high=7000, approx=True, as_of="2024-11", attributed_to=None,
                   subject="families", unit="family")
    fact = r.Fact(key="k", measure="displaced", subject="families", unit="family", status="agree", explanation="",
                  reports=(rep,))
    assert [p.value for p in web_charts.running_points(fact, {})] == [7000.0]
    assert not web_charts.is_running_count(fact)
    undated = r.Report("d", "b", "t", (0, 1), low=5, high=5, approx=False, as_of=None, attributed_to=None,
                       subject="families", unit="family")
    both = r.Fact(**{**fact.__dict__, "reports": (rep, undated)})
    assert len(web_charts.running_points(both, {})) == 1
    dated = web_charts.running_points(both, {}, {"b": "2024-12-03T10:00:00"})  # as_of defaults to publication
    assert [(p.when.isoformat(), p.value) for p in dated] == [("2024-11-01", 7000.0), ("2024-12-03", 5.0)]
    assert web_charts.is_running_count(both, {}, {"b": "2024-12-03"})


# -- article page ---------------------------------------------------------------------------------
def test_article_page_marks_every_claim(client: TestClient, built: tuple[Path, dict]) -> None:
    html = client.get("/articles/a1").text
    a1 = built[1]["articles"]["a1"]
    for cid in ("a1:c1", "a1:c2"):
        claim = built[1]["claims"][cid]
        anchor = views.anchor(cid)
        assert re.search(rf'<mark class="claim" id="claim-{anchor}"[^>]*><a href="/stories/s1#fact-[\w-]+">'
                         rf'{re.escape(claim.text)}</a></mark>', html)
    text = re.search(r'<article class="text" id="text">(.*?)</article>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", text) == a1.text  # the text is whole and exact, offsets kept
    removed = re.search(r'<details class="removed">(.*?)</details>', html, re.S).group(1)
    assert "Subscribe to our newsletter" in removed and ">menu<" in removed
    assert 'href="/documents/' + built[1]["docs"]["a1"].id + '/raw"' in html
    assert 'href="https://harbor.example/news/1"' in html


def test_article_highlight_span(client: TestClient, built: tuple[Path, dict]) -> None:
    d2 = built[1]["claims"]["a2:c2"]
    html = client.get(f"/articles/a2?hl={d2.span[0]}-{d2.span[1]}").text
    hl = re.search(r'<span class="hl" id="hl">(.*?)</span>', html, re.S)
    assert hl and re.sub(r"<[^>]+>", "", hl.group(1)) == d2.text
    assert client.get("/articles/a2?hl=9-2").status_code == 200  # empty span: no highlight, no error
    assert 'id="hl"' not in client.get("/articles/a2?hl=abc").text
    assert 'id="hl"' not in client.get("/articles/a2?hl=99999-100000").text


def test_sentence_span() -> None:
    text = "One. Two killed here. Two killed here."
    claim = r.Claim("x", "a", (26, 32), "Two killed here.", "killed", "killed", "p", 2, 2)
    assert views.sentence_span(text, claim) == (22, 38)
    lost = r.Claim("y", "a", (5, 8), "not in the text", "Two", "killed", "p", 2, 2)
    assert views.sentence_span(text, lost) == (5, 8)


def test_segments_overlap_and_clamp() -> None:
    text = "abcdefghij"
    c = [r.Claim("x", "a", (2, 6), "", "", "killed", "p", 1, 1), r.Claim("y", "a", (4, 8), "", "", "killed", "p", 1, 1)]
    segs = views.segments(text, tuple(c), (5, 9))
    assert "".join(s.text for s in segs) == text
    assert [s.starts_claims for s in segs if s.starts_claims] == [("x",), ("y",)]
    assert sum(s.starts_highlight for s in segs) == 1 and sum(s.ends_highlight for s in segs) == 1
    assert views.parse_hl("5-50", 10) == (5, 10) and views.parse_hl("1-2-3", 10) is None


def test_raw_document_is_a_download(client: TestClient, built: tuple[Path, dict]) -> None:
    doc = built[1]["docs"]["a2"]
    res = client.get(f"/documents/{doc.id}/raw")
    assert res.status_code == 200 and res.content == doc.raw
    assert res.headers["content-type"] == "application/octet-stream"
    assert res.headers["content-disposition"] == f'attachment; filename="{doc.id}.html"'
    assert res.headers["x-content-type-options"] == "nosniff"
    assert client.get("/documents/" + "0" * 64 + "/raw").status_code == 404


# -- JSON API -------------------------------------------------------------------------------------
def test_api_mirrors_the_export(client: TestClient, built: tuple[Path, dict]) -> None:
    listing = client.get("/api/stories").json()
    assert listing["schema"] == "crosswire/1"
    assert [s["id"] for s in listing["stories"]] == ["s1", "s2"]
    s1 = next(s for s in listing["stories"] if s["id"] == "s1")
    assert s1["conflicts"] == 1 and s1["independent_sources"] == 3
    one = client.get("/api/stories/s1").json()
    with Store(built[0], readonly=True) as store:
        expected = export_document(store, "s1")
    one.pop("generated_at"), expected.pop("generated_at")
    assert one == expected
    missing = client.get("/api/stories/nope")
    assert missing.status_code == 404 and missing.json() == {"error": "no such story"}


# -- safety ---------------------------------------------------------------------------------------
PAGES = ["/", "/stories/s1", "/stories/s2", "/articles/a1", "/articles/a2", "/articles/a3", "/articles/a4",
         "/articles/b1", "/?q=norhaven"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_inert_and_headed(client: TestClient, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 200
    csp = res.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert res.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in res.text.lower()
    for tag, attrs in parse(res.text):
        assert tag not in ("script", "img", "iframe", "object", "embed"), tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        href = attrs.get("href") or ""
        assert href.startswith(("/", "#", "http://", "https://")) or not href, href


def test_hostile_article_is_escaped(client: TestClient) -> None:
    html = client.get("/articles/a4").text
    assert "&lt;script&gt;window.__pwned = 1;" in html
    assert "&lt;img src=x onerror=" in html
    assert "&lt;a href=&#34;javascript:window.__pwned = 3&#34;&gt;" in html
    assert '<span class="url unsafe">javascript:window.__pwned=6</span>' in html  # shown, never linked
    assert 'href="javascript' not in html.lower()
    story = client.get("/stories/s1").text
    assert "Evil $x$ &lt;/svg&gt;&lt;script&gt;" in story


@pytest.mark.parametrize("path", [
    "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fetc%2fpasswd", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/....//....//etc/passwd", "/static/..%5c..%5cetc%5cpasswd", "/static/%252e%252e%252fetc%252fpasswd",
    "/static/style.css%00.txt", "/static/.style.css", "/static/app.py", "/static/../app.py",
])
def test_static_traversal_is_impossible(client: TestClient, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 404 and "root:" not in res.text


def test_static_css_is_served(client: TestClient) -> None:
    res = client.get("/static/style.css")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/css")
    assert "mark.claim" in res.text


@pytest.mark.parametrize("path", ["/stories/x'%20OR%201=1--", "/articles/%2e%2e", "/articles/a1;drop",
                                  "/stories/" + "a" * 200, "/documents/..%2f..%2fetc%2fpasswd/raw",
                                  "/api/stories/s1%20or%201", "/articles/<script>", "/nope"])
def test_bad_ids_are_404(client: TestClient, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 404 and "<script>" not in res.text


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_only_get_and_head(client: TestClient, method: str) -> None:
    for path in ("/", "/stories/s1", "/api/stories", "/nope"):
        res = client.request(method, path)
        assert res.status_code == 405, (method, path)
        assert res.headers["allow"] == "GET, HEAD"
        assert res.headers["x-content-type-options"] == "nosniff"


def test_head_works(client: TestClient) -> None:
    res = client.head("/stories/s1")
    assert res.status_code == 200 and res.content == b""


def test_oversized_requests_are_refused(client: TestClient) -> None:
    assert client.get("/", params={"q": "x" * 5000}).status_code == 414
    assert client.get("/stories/" + "a" * 2000).status_code == 414
    assert client.request("GET", "/", content=b"x" * 10).status_code == 413
    assert client.post("/", content=b"x" * 1_000_000).status_code == 413


def test_missing_store_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(tmp_path / "missing.db")


def test_serve_binds_localhost_by_default() -> None:
    import inspect

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_real_server_refuses_traversal_methods_and_size(built: tuple[Path, dict]) -> None:
    with running_server(built[0]) as base:
        for target in (b"/static/../../etc/passwd", b"/static/%2e%2e/%2e%2e/etc/passwd",
                       b"/static/..%2f..%2fetc%2fpasswd", b"/../../etc/passwd", b"/articles/../../etc/passwd"):
            status, reply = raw_request(base, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert status in (400, 404) and b"root:" not in reply, target
        status, reply = raw_request(base, b"POST /stories/s1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                                          b"Connection: close\r\n\r\n")
        assert status == 405 and b"allow: get, head" in reply.lower()
        status, _ = raw_request(base, b"GET /?q=" + b"x" * 6000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert status == 414
        status, _ = raw_request(base, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n"
                                      b"Connection: close\r\n\r\n")
        assert status == 413
        status, reply = raw_request(base, b"GET /articles/a4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert status == 200 and b"content-security-policy: default-src 'self'" in reply.lower()
        assert b"<script" not in reply.split(b"\r\n\r\n", 1)[1].lower()


def test_story_without_brief_still_shows_its_sources(tmp_path: Path) -> None:
    doc = _doc("x.txt", b"raw")
    art = _article("x1", doc, ["Floods hit Armet."], title="Floods", outlet="Daily")
    with Store(tmp_path / "s.db") as store, store.transaction():
        store.add_document(doc)
        store.put_article(art)
        store.put_story(r.Story(id="s9", article_ids=("x1",), headline="Floods in Armet"))
    with TestClient(create_app(tmp_path / "s.db")) as c:
        html = c.get("/stories/s9").text
        assert "This story has no brief yet" in html and html.count('class="source-row"') == 1
        assert c.get("/articles/x1").status_code == 200
        assert c.get("/api/stories/s9").json()["stories"][0]["facts"] == []
        assert 'class="n sources">1<' in c.get("/").text
