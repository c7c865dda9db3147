"""crosswire: turn a pile of news reports into stories you can trust.

The public surface is small and pinned by ``tests/test_exported_members.py``::

    import crosswire
    summary = crosswire.run(["reports/"], db="crosswire.db")
    with crosswire.Store("crosswire.db", readonly=True) as store:
        export = crosswire.export_document(store)

The stage functions (``ingest``, ``clean``, ``extract``, ``dedup``, ``cluster``,
``reconcile``, ``brief``) are importable from here too; each is a function from records
(``crosswire.records``) to records. Names load lazily so ``import crosswire`` stays cheap.
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
    "ingest": "crosswire.ingest",
    "clean": "crosswire.clean",
    "extract": "crosswire.extract",
    "dedup": "crosswire.dedup",
    "cluster": "crosswire.cluster",
    "reconcile": "crosswire.reconcile",
    "brief": "crosswire.brief",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'crosswire' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
