"""crosswire: turn a pile of news reports into stories you can trust.

The public surface is small and pinned by ``tests/test_exported_members.py``::

    import crosswire
    summary = crosswire.run(["reports/"], db="crosswire.db")
    with crosswire.Store("crosswire.db", readonly=True) as store:
        export = crosswire.export_document(store)

The stage modules (``ingest``, ``clean``, ``extract``, ``dedup``, ``cluster``,
``reconcile``, ``brief``) are reachable from here too; each holds an entry function of its
own name (``crosswire.extract.extract(article)``) from records (``crosswire.records``) to
records. Names load lazily so ``import crosswire`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "run": "crosswire.pipeline",
    "RunOptions": "crosswire.pipeline",
    "RunSummary": "crosswire.pipeline",
    "Store": "crosswire.store",
    "export_document": "crosswire.render",
    "CrosswireError": "crosswire.errors",
}
_STAGES = ("ingest", "clean", "extract", "dedup", "cluster", "reconcile", "brief")

__all__ = ["__version__", *sorted([*_EXPORTS, *_STAGES])]


def __getattr__(name: str) -> Any:
    if name in _STAGES:
        value = importlib.import_module(f"crosswire.{name}")
        globals()[name] = value
        return value
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'crosswire' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
