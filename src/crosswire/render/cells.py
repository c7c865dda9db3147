"""CSV cells that a spreadsheet will not run: article text is hostile, and a cell a spreadsheet reads as a
formula (``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``) would run when the CSV is opened."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard(value: Any) -> Any:
    """``value``, with a text that a spreadsheet would read as a formula led by an apostrophe (numbers,
    negative ones included, stay as they are)."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    try:
        float(value)
        return value
    except ValueError:
        return "'" + value


class GuardedWriter:
    """``csv.writer`` whose every cell goes through :func:`guard`."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([guard(v) for v in row])
