"""Length measurements against the quantulum3 test cases.

Filter: cases of /work/shared/data/quantulum3-tests/quantities.json with at least one expected
quantity in a length unit (metre, kilometre, mile, foot, yard, centimetre...); for each such
expected quantity we look for a distance found by :func:`crosswire.extract.quantities.quantities`
with the same value (converted to km with pint, 0.5% tolerance). Reports recall over expected
lengths and the share of cases fully right. Run: python benchmarks/quantulum_lengths.py
"""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.extract.quantities import _to_km, quantities

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LENGTHS = {
    "metre": "meter",
    "kilometre": "kilometer",
    "mile": "mile",
    "foot": "foot",
    "yard": "yard",
    "centimetre": "centimeter",
    "millimetre": "millimeter",
    "inch": "inch",
    "nautical mile": "nautical_mile",
}


def main() -> None:
    cases = json.loads((SHARED / "data" / "quantulum3-tests" / "quantities.json").read_text(encoding="utf-8-sig"))
    found = expected = full = n_cases = 0
    fails = []
    for case in cases:
        want = [r for r in case["res"] if r.get("unit") in LENGTHS]
        if not want:
            continue
        n_cases += 1
        got = [v for q in quantities(case["req"]) if q.measure == "distance" for v in (q.low, q.high) if v is not None]
        ok_all = True
        for r in want:
            expected += 1
            km = float(r["value"]) * _to_km(LENGTHS[r["unit"]])
            if any(abs(g - km) <= 0.005 * max(km, 1e-3) + 1e-3 for g in got):
                found += 1
            else:
                ok_all = False
                fails.append(f"{r['surface']!r} in {case['req'][:90]!r}")
        full += ok_all
    print(f"{'cases':>6} {'fully right':>12} {'lengths':>8} {'found':>6} {'recall':>7}")
    print(f"{n_cases:>6} {full:>12} {expected:>8} {found:>6} {found / max(expected, 1):>7.1%}")
    for f in fails:
        print("  MISS", f)


if __name__ == "__main__":
    main()
