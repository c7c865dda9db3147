"""Values of reports: the interval each is compatible with, how to write it, and the likely cause of a
disagreement (a unit slip, an order of magnitude, another scope)."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from crosswire.records import Claim, Report

from .options import ReconcileOptions

MILE_KM = 1.609344


def rep_value(low: float | None, high: float | None) -> float | None:
    """One number standing for a range: its middle, or its only bound."""
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def level(r: Report) -> float:
    """How high a report puts the count (its lower bound, else its upper bound): what rises in an update."""
    v = r.low if r.low is not None else r.high
    return v if v is not None else 0.0


def _is_round(v: float) -> bool:
    """A figure a writer may have rounded: a multiple of 5 of at most two significant digits (25, 270, 1,500), or
    a count of thousands or millions (12,000; 143 million); 275 or 1,250 are as exact as 288 (an exact 275
    against 288 is a disagreement, not rounding)."""
    if v < 10 or v != int(v) or int(v) % 5:
        return False
    written = str(int(v))
    digits = written.rstrip("0")
    return len(digits) <= 2 or len(written) - len(digits) >= 3


def interval(r: Report, opts: ReconcileOptions) -> tuple[float, float]:
    """The values a report is compatible with, widened by rounding, approximation, unit conversion and, for
    tolls, the one person (often the attacker) some outlets count and others do not."""
    low, high = r.low, r.high
    tol = opts.approx_tolerance if r.approx else 0.0
    if not r.approx and ((low is not None and _is_round(low)) or (high is not None and _is_round(high))):
        tol = opts.round_tolerance
    if r.original_unit and r.original_unit != r.unit:
        tol += opts.conversion_tolerance
    slack = 0.0
    if r.unit == "person" and max(low or 0, high or 0) >= opts.person_slack_from:
        slack = opts.person_slack
    lo = -float("inf") if low is None else low * (1 - tol) - slack
    hi = float("inf") if high is None else high * (1 + tol) + slack
    if low is None and high is not None and r.approx:  # "nearly X": just under X
        lo = high * (1 - opts.approx_tolerance)
    if high is None and low is not None and r.approx:  # "just over X"
        hi = low * (1 + opts.approx_tolerance)
    return lo, hi


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def fmt_value(low: float | None, high: float | None, approx: bool = False) -> str:
    def n(v: float) -> str:
        return f"{int(v):,}" if v == int(v) else f"{v:.3g}"

    if low is not None and high is not None:
        if low == high:
            return ("about " if approx else "") + n(low)
        return f"{n(low)}-{n(high)}"
    if low is not None:
        return f"at least {n(low)}"
    if high is not None:
        return ("nearly " if approx else "at most ") + n(high)
    return "an unstated number"


def show(r: Report) -> str:
    """A report's value as written (original unit) and, when converted, in the fact's unit."""
    if r.original_unit and r.original_unit != r.unit and r.original_value is not None:
        ov = r.original_value
        conv = fmt_value(r.low, r.high, r.approx)
        return f"{fmt_value(ov, ov, r.approx)} {r.original_unit} (= {conv} {r.unit}) ({r.article_id})"
    return f"{fmt_value(r.low, r.high, r.approx)} {r.unit} ({r.article_id})"


def _magnitude_slip(a: float, b: float, tol: float) -> bool:
    if a <= 0 or b <= 0:
        return False
    ratio = max(a, b) / min(a, b)
    return any(abs(ratio / k - 1) <= tol for k in (10, 100, 1000))


def cause(out: Report, majority: Sequence[Report], opts: ReconcileOptions) -> str:
    """The likely reason an outlier differs from the majority, when the numbers show one."""
    v = rep_value(out.low, out.high)
    others = [x for x in (rep_value(r.low, r.high) for r in majority) if x]
    if v is None or not others:
        return ""
    m = statistics.median(others)
    if out.unit == "km" and abs(v - m / MILE_KM) <= opts.approx_tolerance * m / MILE_KM:
        return (f"; likely a figure in miles labelled as kilometres: {fmt_value(v, v)} km is the others' "
                f"{fmt_value(m, m)} km expressed in miles ({m / MILE_KM:.1f} mi)")
    if out.unit == "mile" and abs(v - m * MILE_KM) <= opts.approx_tolerance * m * MILE_KM:
        return "; likely a figure in kilometres labelled as miles"
    if _magnitude_slip(v, m, opts.magnitude_tolerance):
        return "; likely a slip by an order of magnitude"
    if max(v, m) / max(min(v, m), 1e-9) >= 1.8:
        return "; possibly a different scope (another population or period)"
    return ""


_TOTAL = re.compile(r"\b(?:a\s+total\s+of|in\s+total|in\s+all|altogether|overall|all\s+told)\b", re.IGNORECASE)


def says_total(c: Claim) -> bool:
    """Whether the words around ``c``'s figure call it the whole toll ("killed a total of 158 people", "in all")."""
    if not c.sentence:
        return False
    at = c.sentence.find(c.text)
    return _TOTAL.search(c.sentence[max(0, at - 30) : at + len(c.text) + 30] if at >= 0 else c.sentence) is not None
