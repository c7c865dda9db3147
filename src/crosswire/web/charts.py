"""Server-side charts: a running count (value by as_of, one series per source) as inline SVG.

Drawn with matplotlib's SVG backend (no browser code, no network). The SVG is then made
safe to inline under a strict Content-Security-Policy (``style-src 'self'``): every
``style="..."`` attribute becomes SVG presentation attributes, the ``<style>`` element
and metadata are dropped, and element ids get a per-chart prefix so several charts on one
page never collide. Text stays text (``svg.fonttype = none``), escaped by the XML writer;
mathtext parsing is off so a ``$`` in an outlet name is just a dollar sign.
"""

from __future__ import annotations

import functools
import io
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
from matplotlib.figure import Figure

from .. import records as r

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "crosswire",
    "text.parse_math": False,
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
NOT_COUNTS = frozenset({"distance", "area", "duration", "km", "m", "mile", "km2", "hectare", "hour", "day"})
_LOCK = threading.Lock()  # matplotlib's rcParams are process-global: draw one chart at a time
_ID_SAFE = re.compile(r"[^A-Za-z0-9_-]")
_URL_REF = re.compile(r"url\(#([^)]+)\)")


@dataclass(frozen=True)
class Point:
    when: date
    value: float
    article_id: str
    label: str


def _day(iso: str | None) -> date | None:
    """An ISO date, partial allowed (``YYYY``, ``YYYY-MM``), as the first day it can mean."""
    if not iso:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def report_value(rep: r.Report) -> float | None:
    """The single number a chart plots for a report: the lower bound, else the upper."""
    return rep.low if rep.low is not None else rep.high


def running_points(fact: r.Fact, labels: dict[str, str], published: dict[str, str | None] | None = None
                   ) -> list[Point]:
    """The dated, valued reports of a fact, in time order (``labels``: article id -> source name).

    A report without ``as_of`` is dated by its article's publication date (``published``), as the
    design says a claim's as_of defaults to it."""
    points = []
    for rep in fact.reports:
        when, value = _day(rep.as_of or (published or {}).get(rep.article_id)), report_value(rep)
        if when is None or value is None:
            continue
        points.append(Point(when, float(value), rep.article_id, labels.get(rep.article_id, rep.article_id)))
    return sorted(points, key=lambda p: (p.when, p.value, p.article_id))


def is_running_count(fact: r.Fact, labels: dict[str, str] | None = None,
                     published: dict[str, str | None] | None = None) -> bool:
    """A fact worth a chart: a count (not a distance), an update or reported on two or more dates."""
    if fact.measure in NOT_COUNTS or fact.unit in NOT_COUNTS:
        return False
    points = running_points(fact, labels or {}, published)
    if len(points) < 2:
        return False
    return fact.status == "update" or len({p.when for p in points}) >= 2


def chart_svg(fact: r.Fact, labels: dict[str, str], *, chart_id: str,
              published: dict[str, str | None] | None = None) -> str:
    """The running count of ``fact`` as an inline ``<svg>`` element (a string).

    Facts are frozen records, so the drawing is cached on (fact, labels, chart id)."""
    dates = tuple(sorted((published or {}).items()))
    return _chart_svg(fact, tuple(sorted(labels.items())), chart_id, dates)


@functools.lru_cache(maxsize=256)
def _chart_svg(fact: r.Fact, label_items: tuple[tuple[str, str], ...], chart_id: str,
               dates: tuple[tuple[str, str | None], ...]) -> str:
    labels = dict(label_items)
    points = running_points(fact, labels, dict(dates))
    with _LOCK, matplotlib.rc_context(_RC):
        fig = Figure(figsize=(6.4, 2.8), dpi=72)
        ax = fig.add_subplot()
        if len(points) > 1:
            ax.plot([p.when for p in points], [p.value for p in points], color="#bbbbbb", linewidth=1,
                    linestyle="--", zorder=1, label="all reports")
        series: dict[str, list[Point]] = {}
        for p in points:
            series.setdefault(p.label, []).append(p)
        for label, pts in series.items():
            ax.plot([p.when for p in pts], [p.value for p in pts], marker="o", linewidth=1.5, label=label,
                    zorder=2)
        ax.set_ylabel(f"{fact.measure} ({fact.unit})")
        where = f" ({fact.place})" if fact.place else ""
        ax.set_title(f"{fact.measure}: {fact.subject}{where}", loc="left")
        ax.xaxis.set_major_locator(mdates.DayLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        if points:
            lo = min(p.when for p in points)
            hi = max(p.when for p in points)
            ax.set_xlim(mdates.date2num(lo) - 0.5, mdates.date2num(hi) + 0.5)
            ax.set_ylim(bottom=0, top=max(p.value for p in points) * 1.15 or 1)
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
        ax.legend(loc="upper left", fontsize=7, frameon=False)
        fig.autofmt_xdate(rotation=0, ha="center")
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return _inline(buf.getvalue(), chart_id=chart_id, title=f"{fact.measure} by date, one series per source")


def _style_to_attributes(el: ET.Element) -> None:
    style = el.attrib.pop("style", None)
    if not style:
        return
    for decl in style.split(";"):
        name, sep, value = decl.partition(":")
        name, value = name.strip(), value.strip()
        if sep and re.fullmatch(r"[a-z-]+", name) and name != "font":
            el.set(name, value)


def _inline(svg_text: str, *, chart_id: str, title: str) -> str:
    prefix = _ID_SAFE.sub("-", chart_id) + "-"
    root = ET.fromstring(svg_text)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{{{SVG_NS}}}metadata", f"{{{SVG_NS}}}style"):
                parent.remove(child)
    for el in root.iter():
        _style_to_attributes(el)
        if "id" in el.attrib:
            el.set("id", prefix + el.get("id", ""))
        href = f"{{{XLINK_NS}}}href"
        if el.get(href, "").startswith("#"):
            el.set(href, "#" + prefix + el.get(href, "")[1:])
        for attr in ("clip-path", "mask", "filter", "fill", "stroke"):
            if attr in el.attrib:
                el.set(attr, _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", el.get(attr, "")))
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")
    root.set("role", "img")
    root.set("class", "chart-svg")
    root.attrib.pop("width", None)
    root.attrib.pop("height", None)
    title_el = ET.Element(f"{{{SVG_NS}}}title")
    title_el.text = title
    root.insert(0, title_el)
    return ET.tostring(root, encoding="unicode")
