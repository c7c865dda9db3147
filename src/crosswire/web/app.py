"""The read-only web UI and JSON API over a crosswire store.

Pages are rendered on the server with Jinja2 (autoescape on) and need no JavaScript.
Everything shown comes from scraped articles, so it is treated as hostile: escaped in
templates, URLs linked only when http(s), charts inlined as sanitised SVG. Every response
carries a strict Content-Security-Policy; only GET and HEAD exist; ids are checked against a
strict pattern before they reach the store; oversized requests are refused before routing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import records as r
from ..errors import StoreError
from ..render import SCHEMA, export_document, story_json
from ..store import Store
from . import charts, views

HERE = Path(__file__).resolve().parent
MAX_PATH = 1024
MAX_QUERY = 2048
MAX_BODY = 0  # the app is read-only: a request never needs a body
MAX_Q = 200
PAGE_SIZE = 100
ALLOWED_METHODS = ("GET", "HEAD")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
STATIC_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}\.(css|js|svg)$")
STATIC_TYPES = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
                "svg": "image/svg+xml"}
MEDIA_EXT = {"text/plain": "txt", "text/html": "html", "application/json": "json",
             "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/rss+xml": "xml",
             "application/atom+xml": "xml", "application/xml": "xml", "application/warc": "warc"}


class Guard:
    """Pure ASGI middleware: size limits and method check before routing, security headers on every reply."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        refusal = None
        path_len = len(scope.get("raw_path") or scope["path"].encode())
        if path_len > MAX_PATH or len(scope["query_string"]) > MAX_QUERY:
            refusal = (414, "URI too long", ())
        elif b"transfer-encoding" in headers or int(_int(headers.get(b"content-length", b"0"))) > MAX_BODY:
            refusal = (413, "request body not accepted", ())
        elif scope["method"] not in ALLOWED_METHODS:
            refusal = (405, "method not allowed: this server is read-only", ((b"allow", b"GET, HEAD"),))
        if refusal is None:
            await self.app(scope, receive, send_secure)
            return
        status, text, extra_headers = refusal
        body = f"{status} {text}\n".encode()
        await send_secure({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"), *extra_headers]})
        await send_secure({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def _int(value: bytes) -> int:
    try:
        return int(value)
    except ValueError:
        return 1 << 62  # an unparseable length is refused as oversized


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(num=views.num, href=views.safe_href, anchor=views.anchor)
    env.globals.update(bounds=views.bounds)
    return env


def _load_static() -> dict[str, tuple[bytes, str]]:
    files = {}
    for path in sorted((HERE / "static").iterdir()):
        if path.is_file() and STATIC_NAME.fullmatch(path.name):
            files[path.name] = (path.read_bytes(), STATIC_TYPES[path.suffix[1:]])
    return files


def _check_id(value: str) -> str:
    if not views.valid_id(value):
        raise HTTPException(status_code=404, detail="no such item")
    return value


def create_app(db: str | Path) -> Any:
    """The FastAPI app serving the store at ``db`` read-only (raises StoreError if it cannot be opened)."""
    db_path = str(db)
    with Store(db_path, readonly=True):
        pass  # fail at start-up, not on the first request
    env = _environment()
    static = _load_static()
    app = FastAPI(title="crosswire", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(Guard)

    def store() -> Iterator[Store]:
        try:
            s = Store(db_path, readonly=True)
        except StoreError as exc:
            raise HTTPException(status_code=503, detail=str(exc)) from None
        with s:
            yield s

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return page("error.html", status=exc.status_code, status_code=exc.status_code, detail=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "bad request"}, status_code=400)
        return page("error.html", status=400, status_code=400, detail="bad request")

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def stories_page(s: Store = Depends(store), q: str = Query("", max_length=MAX_Q),  # noqa: B008
                     sort: str = Query("updated", pattern="^(updated|sources)$"),
                     page_no: int = Query(1, alias="page", ge=1, le=1_000_000)) -> HTMLResponse:
        rows = story_rows(s, q.strip(), sort)
        pages = max(1, -(-len(rows) // PAGE_SIZE))
        shown = rows[(page_no - 1) * PAGE_SIZE: page_no * PAGE_SIZE]
        nav = {"prev": _page_href(q, sort, page_no - 1) if page_no > 1 else None,
               "next": _page_href(q, sort, page_no + 1) if page_no < pages else None}
        return page("stories.html", rows=shown, total=len(rows), first=(page_no - 1) * PAGE_SIZE + 1, q=q,
                    sort=sort, nav=nav, title="Stories")

    @app.api_route("/stories/{story_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def story_page(story_id: str, s: Store = Depends(store)) -> HTMLResponse:  # noqa: B008
        story = s.story(_check_id(story_id))
        if story is None:
            raise HTTPException(status_code=404, detail="no such story")
        return page("story.html", **story_context(s, story))

    @app.api_route("/articles/{article_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def article_page(article_id: str, s: Store = Depends(store),  # noqa: B008
                     hl: str = Query("", max_length=24)) -> HTMLResponse:
        article = s.article(_check_id(article_id))
        if article is None:
            raise HTTPException(status_code=404, detail="no such article")
        return page("article.html", **article_context(s, article, hl))

    @app.api_route("/documents/{document_id}/raw", methods=["GET", "HEAD"])
    def raw_document(document_id: str, s: Store = Depends(store)) -> Response:  # noqa: B008
        doc = s.document(_check_id(document_id))
        if doc is None:
            raise HTTPException(status_code=404, detail="no such document")
        ext = MEDIA_EXT.get(doc.media_type.split(";")[0].strip().lower(), "bin")
        name = f"{views.anchor(doc.id)[:64]}.{ext}"
        return Response(doc.raw, media_type="application/octet-stream", headers={
            "content-disposition": f'attachment; filename="{name}"', "cache-control": "no-store"})

    @app.api_route("/api/stories", methods=["GET", "HEAD"])
    def api_stories(s: Store = Depends(store)) -> JSONResponse:  # noqa: B008
        stories = [story_json(st, s.brief(st.id)) for st in s.stories()]
        return JSONResponse({"schema": SCHEMA, "stories": stories})

    @app.api_route("/api/stories/{story_id}", methods=["GET", "HEAD"])
    def api_story(story_id: str, s: Store = Depends(store)) -> JSONResponse:  # noqa: B008
        if s.story(_check_id(story_id)) is None:
            raise HTTPException(status_code=404, detail="no such story")
        return JSONResponse(export_document(s, story_id))

    @app.api_route("/static/{name}", methods=["GET", "HEAD"])
    def static_file(name: str) -> Response:
        if not STATIC_NAME.fullmatch(name) or name not in static:
            raise HTTPException(status_code=404, detail="no such file")
        body, media_type = static[name]
        return Response(body, media_type=media_type, headers={"cache-control": "public, max-age=3600"})

    return app


# -- page contexts -------------------------------------------------------------------------------
def story_rows(s: Store, q: str, sort: str) -> list[dict[str, Any]]:
    """One row per story for the stories page, filtered by ``q`` (headline, article title or text)."""
    matching: set[str] | None = None
    if q:
        matching = {sid for a in s.search_articles(q, limit=100_000) if (sid := s.story_of(a))}
    rows = []
    for story in s.stories():
        brief = s.brief(story.id)
        headline = brief.headline if brief else story.headline
        if matching is not None and story.id not in matching and q.casefold() not in headline.casefold():
            continue
        sources = brief.sources if brief else ()
        rows.append({
            "story": story, "headline": headline,
            "sources": len(sources) if brief else len(story.article_ids),
            "independent": sum(1 for src in sources if src.independent),
            "conflicts": sum(1 for f in brief.facts if f.status == "conflict") if brief else 0,
            "facts": len(brief.facts) if brief else 0,
        })
    rows.sort(key=lambda row: (row["story"].last_seen or "", row["story"].id), reverse=True)
    if sort == "sources":
        rows.sort(key=lambda row: row["sources"], reverse=True)  # stable: ties stay newest first
    return rows


def _page_href(q: str, sort: str, page_no: int) -> str:
    return "/?" + urlencode({k: v for k, v in (("q", q), ("sort", sort), ("page", str(page_no))) if v})


def _hl_href(article_id: str, span: tuple[int, int]) -> str:
    return f"/articles/{article_id}?hl={int(span[0])}-{int(span[1])}#hl"


def story_context(s: Store, story: r.Story) -> dict[str, Any]:
    brief = s.brief(story.id)
    if brief is None:
        articles = s.articles(story.article_ids)
        sources = tuple(r.Source(article_id=a.id, outlet=a.outlet, title=a.title,
                                 published=a.published.value) for a in articles)
        brief = r.Brief(story=story, headline=story.headline, facts=(), timeline=(), summary=(),
                        sources=sources)
        has_brief = False
    else:
        has_brief = True
    labels = views.source_labels(brief)
    published = {src.article_id: src.published for src in brief.sources}
    # Values link to the sentence that states them (the claim itself stays marked inside it).
    sentence_of: dict[str, tuple[int, int]] = {}
    for article in s.articles(story.article_ids):
        extraction = s.extraction(article.id)
        for claim in extraction.claims if extraction else ():
            sentence_of[claim.id] = views.sentence_span(article.text, claim)
    facts = []
    for fact in brief.facts:
        reports = [{
            "report": rep,
            "label": labels.get(rep.article_id, rep.article_id),
            "value": views.bounds(rep.low, rep.high, rep.approx),
            "original": (f"{views.num(rep.original_value)} {rep.original_unit}"
                         if rep.original_unit and rep.original_value is not None else ""),
            "href": _hl_href(rep.article_id, sentence_of.get(rep.claim_id, rep.span)),
            "outlier": rep.article_id in fact.outliers,
            "current": fact.current == rep.claim_id,
        } for rep in fact.reports]
        chart = None
        background = fact.scope != "event"
        if not background and charts.is_running_count(fact, labels, published):
            chart = Markup(charts.chart_svg(fact, labels, chart_id=f"chart-{views.anchor(fact.key)}",
                                            published=published))
        facts.append({"fact": fact, "anchor": "fact-" + views.anchor(fact.key), "reports": reports,
                      "chart": chart, "outlier_labels": [labels.get(a, a) for a in fact.outliers],
                      "background": background, "explanation": views.name_articles(fact.explanation, labels)})
    links = s.links(story.article_ids)
    return {
        "title": brief.headline, "story": story, "brief": brief, "has_brief": has_brief, "labels": labels,
        "facts": [f for f in facts if not f["background"]], "background": [f for f in facts if f["background"]],
        "charts": [f for f in facts if f["chart"] is not None],
        "conflicts": sum(1 for f in brief.facts if f.status == "conflict"),
        "independent": sum(1 for src in brief.sources if src.independent),
        "links": links, "hl_href": _hl_href,
    }


def article_context(s: Store, article: r.Article, hl_param: str) -> dict[str, Any]:
    text = article.text
    extraction = s.extraction(article.id)
    claims = extraction.claims if extraction else ()
    story_id = s.story_of(article.id)
    brief = s.brief(story_id) if story_id else None
    hl = views.parse_hl(hl_param, len(text))
    return {
        "title": article.title or article.id, "article": article, "story_id": story_id,
        "headline": brief.headline if brief else None,
        "segments": views.segments(text, claims, hl), "hl": hl,
        "claims": claims, "fact_of": views.fact_of_claims(brief),
        "links": s.links([article.id]), "url_href": views.safe_href(article.url),
        "document": s.document(article.document_id) is not None,
    }
