"""Tests read the shared seeds and benchmark data from ../shared (beside the clone). Without it, the tests that
need it skip, so a developer can work on the rest; under CI (``CI`` set) a missing ../shared fails the run at
once instead, so no test is skipped there for want of data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEEDED = ("seeds/gold.json", "data/news-clusters-5w1h", "data/basil", "data/five-w-one-h-gold",
          "data/article-extraction")


def pytest_sessionstart(session: pytest.Session) -> None:
    if not os.environ.get("CI"):
        return
    missing = [name for name in NEEDED if not (SHARED / name).exists()]
    if missing:
        raise pytest.UsageError(f"CI run without the shared data the tests read: {', '.join(missing)} "
                                f"missing under {SHARED}")
