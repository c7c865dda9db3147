"""The Markdown brief: one story, as a reader would want it on paper."""

from __future__ import annotations

import re
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
    if abs(value) < 1:  # "0.002" (a depth of 2 m in km), never "0.00"
        return f"{value:.2g}"
    return f"{value:,.2f}"


def _bounds(rep: dict[str, Any]) -> str:
    low, high = rep.get("low"), rep.get("high")
    unit = rep.get("unit") or ""
    if unit == "person":
        unit = "" if low == high == 1 else "people"
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
    """Keep article text from breaking the Markdown table or injecting markup: no raw HTML, and no link or
    image syntax (``[x](javascript:...)``, ``![x](...)``) survives."""
    s = str(text).replace("\n", " ").replace("|", "\\|")
    s = s.replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("[", "\\[").replace("]", "\\]")


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


def _what(fact: dict[str, Any]) -> str:
    """What a fact counts, in words: "killed · people", "distance · from Aleppo (km)"."""
    subject = fact.get("subject") or ""
    unit = fact.get("unit") or ""
    text = f"{fact.get('measure')} · {subject}"
    if fact.get("place"):
        text += f" · {fact['place']}"
    if unit and unit not in ("person", subject) and not subject.startswith(unit):
        text += f" ({unit})"
    return _cell(text)


_ENV.filters["cell"] = _cell


def render_markdown(story: dict[str, Any]) -> str:
    """Render one story of the JSON export (``story_json``) as a Markdown brief: the event, the summary,
    the facts about this event, the figures given as background, who said what, the timeline, the sources."""
    label = {a: f"{i}" for i, a in enumerate(story.get("article_ids", []), 1)}
    env = _ENV.overlay()
    env.filters["cites"] = lambda ids: "".join(f"[{label.get(a, a)}]" for a in ids)
    ids = re.compile("|".join(re.escape(a) for a in label)) if label else None
    # an explanation names articles by id: the brief names them by their citation number
    env.filters["cited"] = lambda text: ids.sub(lambda m: f"[{label[m.group(0)]}]", text) if ids else text
    facts = story.get("facts") or []
    sections = [("Facts", [f for f in facts if f.get("scope", "event") == "event"]),
                ("Background figures (other events or periods, not this event's)",
                 [f for f in facts if f.get("scope", "event") != "event"])]
    template = env.get_template("brief.md.j2")
    text = template.render(story=story, num=_num, bounds=_bounds, place=_place, toll=_toll, what=_what,
                           fact_sections=[(t, fs) for t, fs in sections if fs])
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text
