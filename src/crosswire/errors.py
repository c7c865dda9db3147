"""One exception root with context.

Hierarchy::

    CrosswireError
    ├── InputError          a path or input that cannot be read at all (names the origin)
    ├── DocumentError       one document a stage could not handle (names document and stage)
    ├── StoreError          the store cannot be opened, is newer than this code, or is busy
    │   └── StoreBusyError  another run holds the store's write lock
    └── ConfigError         an option out of range (raised in the options' __post_init__)

The CLI turns each into a one-line message and an exit code; the pipeline turns
``DocumentError`` into a stored :class:`crosswire.records.Failed` and goes on.
"""

from __future__ import annotations


class CrosswireError(Exception):
    """Root of every error crosswire raises on purpose."""


class InputError(CrosswireError):
    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class DocumentError(CrosswireError):
    def __init__(self, origin: str, stage: str, reason: str, document_id: str | None = None) -> None:
        super().__init__(f"{origin}: {stage}: {reason}")
        self.origin = origin
        self.stage = stage
        self.reason = reason
        self.document_id = document_id


class StoreError(CrosswireError):
    pass


class StoreBusyError(StoreError):
    pass


class ConfigError(CrosswireError):
    pass
