"""Render stored stories: the JSON export (public contract), Markdown briefs, CSV tables."""

from .export import SCHEMA, article_json, export_document, story_json
from .facts_csv import facts_csv
from .markdown import render_markdown

__all__ = ["SCHEMA", "article_json", "export_document", "facts_csv", "render_markdown", "story_json"]
