"""Throughput of the whole extract stage (claims, attribution, entities, dated events) on 2-5 KB articles.

Articles are built from the seed reports (non-empty lines as paragraphs), each tiled to ~2-5 KB
with its own paragraphs. Run: python benchmarks/extract_speed.py
"""

from __future__ import annotations

import time
from pathlib import Path

from crosswire.extract import ExtractOptions, extract
from crosswire.records import Article, Published

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def articles() -> list[Article]:
    out = []
    for f in sorted((SHARED / "seeds").glob("*.txt")):
        lines = [ln.strip() for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
        for target in (2000, 3500, 5000):
            paras: list[str] = []
            while sum(len(p) + 2 for p in paras) < target:
                paras.append(lines[len(paras) % len(lines)])
            out.append(
                Article(
                    id=f"{f.stem}-{target}",
                    document_id=f.stem,
                    origin=str(f),
                    paragraphs=tuple(paras),
                    title=lines[0],
                    published=Published("2024-11-28", "day"),
                )
            )
    return out


def main() -> None:
    arts = articles()
    kb = sum(len(a.text) for a in arts) / len(arts) / 1000
    print(f"{'configuration':34} {'articles':>9} {'avg KB':>7} {'seconds':>8} {'articles/s':>11} {'claims':>7}")
    configs = [
        ("whole stage", ExtractOptions()),
        ("without entities", ExtractOptions(entities=False)),
        ("claims only (no entities/events)", ExtractOptions(entities=False, events=False)),
    ]
    for name, opts in configs:
        for a in arts:  # warm caches (gazetteer, pint)
            extract(a, opts)
        rounds = 20
        n_claims = 0
        t0 = time.perf_counter()
        for _ in range(rounds):
            for a in arts:
                n_claims += len(extract(a, opts).claims)
        dt = time.perf_counter() - t0
        n = rounds * len(arts)
        print(f"{name:34} {n:>9} {kb:>7.1f} {dt:>8.2f} {n / dt:>11.0f} {n_claims:>7}")


if __name__ == "__main__":
    main()
