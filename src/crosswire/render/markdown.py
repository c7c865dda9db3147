"""The Markdown brief: one story, as a reader would want it on paper."""

from __future__ import annotations

from typing import Any

import jinja2

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("crosswire.render", "templates"),
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def _num(value: float | None) -> str:
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def _bounds(rep: dict[str, Any]) -> str:
    low, high = rep.get("low"), rep.get("high")
    unit = rep.get("unit") or ""
    if low is not None and high is not None and low == high:
        text = ("about " if rep.get("approx") else "") + _num(low)
    elif low is not None and high is not None:
        text = f"{_num(low)}–{_num(high)}"
    elif low is not None:
        text = f"at least {_num(low)}"
    elif high is not None:
        text = f"at most {_num(high)}"
    else:
        text = "unspecified"
    return f"{text} {unit}".strip()


def _cell(text: Any) -> str:
    """Keep article text from breaking the Markdown table or injecting markup."""
    s = str(text).replace("\n", " ").replace("|", "\\|")
    return s.replace("<", "&lt;").replace(">", "&gt;")


def _place(place: dict[str, Any] | None) -> str:
    if not place:
        return "?"
    parts = [place.get("name"), place.get("admin1"), place.get("country")]
    text = ", ".join(dict.fromkeys(p for p in parts if p))
    if place.get("lat") is not None and place.get("lon") is not None:
        text += f" ({place['lat']:.3f}, {place['lon']:.3f})"
    return _cell(text)


def _toll(toll: dict[str, Any] | None) -> str:
    if not toll:
        return "?"
    return " / ".join(_num(toll.get(k)) for k in ("best", "low", "high"))


_ENV.filters["cell"] = _cell


def render_markdown(story: dict[str, Any]) -> str:
    """Render one story of the JSON export (``story_json``) as a Markdown brief."""
    label = {a: f"{i}" for i, a in enumerate(story.get("article_ids", []), 1)}
    template = _ENV.get_template("brief.md.j2")
    text = template.render(story=story, label=label, num=_num, bounds=_bounds, place=_place, toll=_toll)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text
