"""The bundled example corpus: a fictional event told by eight invented outlets (see README.md here).

``crosswire demo`` runs the pipeline over :func:`path`; tests use it as a small end-to-end case.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["path"]


def path() -> Path:
    """The folder holding the example reports (and nothing else, so it can be ingested whole)."""
    return Path(__file__).resolve().parent / "reports"
