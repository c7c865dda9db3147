"""Number and length recognition against the Microsoft Recognizers-Text English specs.

Filter (what a news engine must handle): Number cases whose expected results are all
``integer`` or ``decimal`` subtypes (fractions, ordinals, percentages and powers are skipped,
as are inputs with no expected result only when they contain "%"). The "news" row further
skips inputs in formats that are not news counts (``_NOT_NEWS``: dates/IP/phone numbers,
European decimal commas, Indian digit grouping, comma lists); the "all" row keeps them.
A case passes when the
values our :func:`crosswire.extract.numbers.numbers` finds equal the expected values in order.
Dimension cases: only results of subtype ``Length``; a case passes when
:func:`crosswire.extract.quantities.quantities` finds the same lengths (converted to km).

Run: python benchmarks/recognizers_numbers.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from crosswire.extract.numbers import numbers
from crosswire.extract.quantities import _to_km, quantities

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SPECS = SHARED / "data" / "recognizers-specs-en"
_LEN_UNITS = {"Kilometer": "kilometer", "Mile": "mile", "Meter": "meter", "Foot": "foot", "Yard": "yard"}


def _load(path: Path) -> list[dict]:
    return json.loads(open(path, encoding="utf-8-sig").read())


def _values(text: str) -> list[float]:
    out: list[float] = []
    for n in numbers(text):
        if n.vague:
            continue
        out.extend([n.low, n.high] if n.range else [n.low])  # type: ignore[list-item]
    return out


# Formats outside news counts: dates/IDs/phone numbers ("5/17/2018", "192.168.1.2", "+1-222"),
# European decimal commas ("5,00", "1.111,11"), Indian digit grouping ("12,34,567"), lists without spaces.
_NOT_NEWS = re.compile(r"\d/\d|\d\.\d+\.\d|\+\d|\d,\d{1,2}(?!\d)|\d,\d{2},\d{3}|\d,\d+,\d")


def number_cases(news_only: bool = True) -> tuple[int, int, list[str]]:
    passed, total, fails = 0, 0, []
    for case in _load(SPECS / "Number" / "NumberModel.json"):
        results = case.get("Results", [])
        if any(r["Resolution"].get("subtype") not in ("integer", "decimal") for r in results):
            continue
        if not results and "%" in case["Input"]:
            continue
        if news_only and _NOT_NEWS.search(case["Input"]):
            continue
        total += 1
        want = [float(r["Resolution"]["value"]) for r in results]
        got = _values(case["Input"])
        if len(got) == len(want) and all(abs(a - b) <= 1e-6 * max(1, abs(b)) for a, b in zip(got, want, strict=True)):
            passed += 1
        else:
            fails.append(f"{case['Input']!r}: want {want} got {got}")
    return passed, total, fails


def length_cases() -> tuple[int, int, list[str]]:
    passed, total, fails = 0, 0, []
    for case in _load(SPECS / "NumberWithUnit" / "DimensionModel.json"):
        results = [r for r in case.get("Results", []) if r["Resolution"].get("subtype") == "Length"]
        if not results or any(r["Resolution"].get("unit") not in _LEN_UNITS for r in results):
            continue
        total += 1
        want = [
            round(float(r["Resolution"]["value"]) * _to_km(_LEN_UNITS[r["Resolution"]["unit"]]), 3) for r in results
        ]
        got = [q.low for q in quantities(case["Input"]) if q.measure == "distance"]
        if got == want:
            passed += 1
        else:
            fails.append(f"{case['Input']!r}: want {want} got {got}")
    return passed, total, fails


def main() -> None:
    rows = [
        ("Number (integer/decimal, news)", *number_cases()),
        ("Number (integer/decimal, all)", *number_cases(news_only=False)),
        ("Dimension (length)", *length_cases()),
    ]
    print(f"{'suite':28} {'passed':>7} {'total':>6} {'rate':>7}")
    for name, p, t, _ in rows:
        print(f"{name:28} {p:>7} {t:>6} {p / max(t, 1):>7.1%}")
    for name, _, _, fails in rows[:1] + rows[2:]:
        for f in fails[:40]:
            print(f"  FAIL {name}: {f}")


if __name__ == "__main__":
    main()
