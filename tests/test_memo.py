"""Memo: a function's value for each key, found once."""

from crosswire.memo import Memo


def test_a_memo_finds_each_key_once_and_keeps_falsy_values() -> None:
    calls: list[str] = []

    def find(key: str) -> bool:
        calls.append(key)
        return key.startswith("a")

    memo = Memo(find)
    assert [memo[k] for k in ("ab", "b", "ab", "b", "c")] == [True, False, True, False, False]
    assert calls == ["ab", "b", "c"]  # a False found is kept like any other value
    assert dict(memo) == {"ab": True, "b": False, "c": False}
    assert memo.get("zz") is None and "zz" not in memo  # only subscription finds
