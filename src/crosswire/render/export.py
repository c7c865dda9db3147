"""The JSON export: crosswire's public contract (``"schema": "crosswire/1"``, see docs/export.md).

Field names here are kept exactly; additions are fine, a rename needs a schema bump.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .. import records as r
from ..serde import to_dict
from ..store import Store

SCHEMA = "crosswire/1"


def _span(span: tuple[int, int]) -> list[int]:
    return [int(span[0]), int(span[1])]


def claim_json(claim: r.Claim) -> dict[str, Any]:
    out = to_dict(claim)
    out["span"] = _span(claim.span)
    return out


def article_json(article: r.Article, *, extraction: r.Extraction | None = None,
                 links: list[r.Link] | None = None, story_id: str | None = None) -> dict[str, Any]:
    links = links or []
    dup = next((lk.of_article_id for lk in links if lk.kind == "duplicate"), None)
    rew = next((lk.of_article_id for lk in links if lk.kind == "rewrite"), None)
    shares = [{"article": lk.of_article_id, "score": lk.score, "evidence": lk.evidence}
              for lk in links if lk.kind not in ("duplicate", "rewrite")]
    return {
        "id": article.id,
        "document_id": article.document_id,
        "origin": article.origin,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "byline": article.byline,
        "section": article.section,
        "published": article.published.value,
        "published_precision": article.published.precision,
        "published_evidence": article.published.evidence,
        "language": article.language,
        "original_source": article.original_source,
        "duplicate_of": dup,
        "rewrite_of": rew,
        "related": shares,
        "story_id": story_id,
        "text": article.text,
        "removed": [{"text": x.text, "reason": x.reason, "line": x.line} for x in article.removed],
        "claims": [claim_json(c) for c in extraction.claims] if extraction else [],
        "entities": [
            {**to_dict(e), "span": _span(e.span)} for e in extraction.entities
        ] if extraction else [],
        "events": [to_dict(e) for e in extraction.events] if extraction else [],
    }


def fact_json(fact: r.Fact) -> dict[str, Any]:
    return {
        "key": fact.key,
        "measure": fact.measure,
        "subject": fact.subject,
        "unit": fact.unit,
        "place": fact.place,
        "status": fact.status,
        "explanation": fact.explanation,
        "best": fact.best,
        "low": fact.low,
        "high": fact.high,
        "independent_sources": fact.independent_sources,
        "outliers": list(fact.outliers),
        "current": fact.current,
        "parts": list(fact.parts),
        "part_of": fact.part_of,
        "scope": fact.scope,
        "reports": [
            {
                "claim_id": rep.claim_id,
                "article": rep.article_id,
                "text": rep.text,
                "span": _span(rep.span),
                "low": rep.low,
                "high": rep.high,
                "approx": rep.approx,
                "as_of": rep.as_of,
                "attributed_to": rep.attributed_to,
                "subject": rep.subject,
                "unit": rep.unit,
                "original_unit": rep.original_unit,
                "original_value": rep.original_value,
            }
            for rep in fact.reports
        ],
    }


def _cited(text: str, citations: tuple[r.Citation, ...]) -> dict[str, Any]:
    return {
        "text": text,
        "articles": list(dict.fromkeys(c.article_id for c in citations)),
        "citations": [{"article": c.article_id, "span": _span(c.span)} for c in citations],
    }


def story_json(story: r.Story, brief: r.Brief | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": story.id,
        "headline": brief.headline if brief else story.headline,
        "first_seen": story.first_seen,
        "last_seen": story.last_seen,
        "article_ids": list(story.article_ids),
        "articles": list(story.article_ids),
    }
    if brief is None:
        out.update(facts=[], timeline=[], summary=[], sources=[], entities=[], event=None)
        return out
    out["facts"] = [fact_json(f) for f in brief.facts]
    out["timeline"] = [
        {"date": t.date, "precision": t.precision, **_cited(t.text, t.citations)} for t in brief.timeline
    ]
    out["summary"] = [_cited(s.text, s.citations) for s in brief.summary]
    out["sources"] = [to_dict(s) for s in brief.sources]
    out["independent_sources"] = sum(1 for s in brief.sources if s.independent)
    out["conflicts"] = sum(1 for f in brief.facts if f.status == "conflict")
    out["entities"] = [{"kind": k, "name": n, "aliases": list(a)} for k, n, a in brief.entities]
    out["event"] = event_json(brief.event) if brief.event else None
    return out


def event_json(event: r.EventRecord) -> dict[str, Any]:
    return to_dict(event)


def export_document(store: Store, story_id: str | None = None) -> dict[str, Any]:
    """The whole export (or one story's) as a JSON-able dict."""
    stories = store.stories()
    if story_id is not None:
        stories = [s for s in stories if s.id == story_id]
    story_of = {a: s.id for s in store.stories() for a in s.article_ids}
    article_ids = store.article_ids() if story_id is None else [a for s in stories for a in s.article_ids]
    links_by: dict[str, list[r.Link]] = {}
    for lk in store.links(article_ids):
        links_by.setdefault(lk.article_id, []).append(lk)
    articles = []
    for article in store.articles(article_ids):
        articles.append(article_json(article, extraction=store.extraction(article.id),
                                     links=links_by.get(article.id, []), story_id=story_of.get(article.id)))
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "generated_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "stories": [story_json(s, store.brief(s.id)) for s in stories],
        "articles": articles,
    }
    if story_id is None:
        doc["failed"] = [to_dict(f) for f in store.failures()]
    return doc
