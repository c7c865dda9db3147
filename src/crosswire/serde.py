"""Records to plain JSON-able dicts and back, generically over the dataclasses in records.

Used by the store (records are kept as JSON) and by the Dask path (records cross
processes as dicts). Tuples become lists on the way out and tuples again on the way in.

Both directions are compiled once per record class from its type hints (:func:`_decoder`,
:func:`_encoder`): one generated function per class that reads or writes each field directly,
instead of inspecting every value at run time. The generated code does exactly what the
generic rules below do (``_build`` and ``_to_dict_generic`` stay the reference, and are what a
value of an unexpected shape falls back to), so the JSON and the records are the same.
"""

from __future__ import annotations

import base64
import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from . import records

T = TypeVar("T")

# Values the generic encoder returns unchanged (it only rewrites dataclasses, tuples, lists,
# bytes and dicts).
_SCALARS = frozenset((str, int, float, bool, type(None)))


# -- records → dicts ----------------------------------------------------------------------------
def to_dict(obj: Any) -> Any:
    """A record (or tuple/list of them) as plain JSON-able data."""
    encode = _ENCODERS.get(type(obj))
    if encode is not None:
        return encode(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        encode = _encoder(type(obj))
        return encode(obj)
    return _to_dict_generic(obj)


def _to_dict_generic(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, bytes):
        return {"$bytes": base64.b64encode(obj).decode("ascii")}
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


_ENCODERS: dict[type, Callable[[Any], Any]] = {}


def _is_scalar_hint(tp: Any) -> bool:
    """A hint whose values the encoder keeps as they are (str, int, float, bool, None and unions of them)."""
    if tp in _SCALARS:
        return True
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return all(_is_scalar_hint(a) for a in typing.get_args(tp))
    return False


def _encoder(cls: type) -> Callable[[Any], Any]:
    """The generated encoder of dataclass ``cls``: a dict literal over its fields; each field value
    is checked to be of the shape its hint promises, else encoded generically."""
    hints = _hints(cls)
    env: dict[str, Any] = {"_to": to_dict, "_SCALARS": _SCALARS}
    items = []
    for n, f in enumerate(dataclasses.fields(cls)):
        tp = hints[f.name]
        value = f"o.{f.name}"
        if _is_scalar_hint(tp):
            expr = f"(v{n} if type(v{n} := {value}) in _SCALARS else _to(v{n}))"
        elif dataclasses.is_dataclass(tp):
            env[f"_e{n}"] = _lazy_encoder(tp)
            env[f"_t{n}"] = tp
            expr = f"(_e{n}(v{n}) if type(v{n} := {value}) is _t{n} else _to(v{n}))"
        elif typing.get_origin(tp) is tuple and _is_scalar_tuple(tp):
            expr = (f"([x for x in v{n}] if type(v{n} := {value}) is tuple and all(type(x) in _SCALARS for x in v{n})"
                    f" else _to(v{n}))")
        elif typing.get_origin(tp) is tuple and _tuple_of_dataclass(tp) is not None:
            item = _tuple_of_dataclass(tp)
            env[f"_e{n}"] = _lazy_encoder(item)
            env[f"_t{n}"] = item
            expr = (f"([_e{n}(x) if type(x) is _t{n} else _to(x) for x in v{n}] if type(v{n} := {value}) is tuple"
                    f" else _to(v{n}))")
        else:
            expr = f"_to({value})"
        items.append(f"{f.name!r}: {expr}")
    source = f"def encode(o):\n    return {{{', '.join(items)}}}\n"
    exec(compile(source, f"<serde encoder {cls.__name__}>", "exec"), env)  # generated from the type hints
    encode = env["encode"]
    _ENCODERS[cls] = encode
    return encode


def _lazy_encoder(cls: type) -> Callable[[Any], Any]:
    """The encoder of ``cls``, compiled on first use (records refer to each other)."""
    def encode(obj: Any) -> Any:
        return (_ENCODERS.get(cls) or _encoder(cls))(obj)
    return encode


def _is_scalar_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis:
        return _is_scalar_hint(args[0])
    return bool(args) and all(_is_scalar_hint(a) for a in args)


def _tuple_of_dataclass(tp: Any) -> type | None:
    args = typing.get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis and dataclasses.is_dataclass(args[0]):
        return args[0]  # type: ignore[return-value]
    return None


# -- dicts → records ----------------------------------------------------------------------------
@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def _build(tp: Any, value: Any) -> Any:
    """The reference rules: ``value`` as type ``tp`` (what the compiled decoders do, field by field)."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for a in args:
            if dataclasses.is_dataclass(a) and isinstance(value, dict):
                return _build(a, value)
        return _build(args[0], value) if args else value
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in value)
        return tuple(_build(a, v) for a, v in zip(args, value, strict=False))
    if tp is bytes and isinstance(value, dict):
        return base64.b64decode(value["$bytes"])
    if tp is float and isinstance(value, int):
        return float(value)
    return value


def _from_dict_generic(cls: type[T], data: dict[str, Any]) -> T:
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _build(hints[f.name], data[f.name])
    return cls(**kwargs)


_DECODERS: dict[type, Callable[[dict[str, Any]], Any]] = {}


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild record ``cls`` from :func:`to_dict` output (unknown keys are ignored)."""
    decode = _DECODERS.get(cls)
    if decode is None:
        decode = _decoder(cls)
    return decode(data)  # type: ignore[no-any-return]


def _keeps(tp: Any) -> bool:
    """True when :func:`_build` returns every value of hint ``tp`` unchanged."""
    if tp in (str, int, bool, Any):
        return True
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return bool(args) and not any(dataclasses.is_dataclass(a) for a in args) and _keeps(args[0])
    return False


def _converter(tp: Any) -> Callable[[Any], Any]:
    """A function doing what ``_build(tp, value)`` does, for a value that is not None."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        classes = [a for a in args if dataclasses.is_dataclass(a)]
        if not args:
            return lambda v: v
        first = _converter(args[0])
        if classes:
            on_dict = _converter(classes[0])
            return lambda v: on_dict(v) if isinstance(v, dict) else first(v)
        return first
    if dataclasses.is_dataclass(tp):
        return _item_decoder(tp)  # type: ignore[arg-type]
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            if _keeps(args[0]):
                return tuple
            item = _converter(args[0])
            return lambda v: tuple([None if x is None else item(x) for x in v])
        convs = [None if _keeps(a) else _converter(a) for a in args]
        width = len(args)
        if all(c is None for c in convs):  # zip(args, value) keeps the first len(args) items
            return lambda v: tuple(v[:width]) if type(v) is list else tuple(x for _, x in zip(range(width), v,
                                                                                                 strict=False))
        return lambda v: tuple(x if x is None or c is None else c(x) for c, x in zip(convs, v, strict=False))
    if tp is bytes:
        return lambda v: base64.b64decode(v["$bytes"]) if isinstance(v, dict) else v
    if tp is float:
        return lambda v: float(v) if isinstance(v, int) else v
    return lambda v: v


_COMPILING: set[type] = set()


def _plain(cls: type) -> bool:
    """A dataclass whose constructor only stores its arguments: no __post_init__, no slots, every
    field an ``__init__`` argument."""
    return (not hasattr(cls, "__post_init__") and "__slots__" not in vars(cls)
            and all(f.init for f in dataclasses.fields(cls)) and not hasattr(cls, "__setstate__"))


def _item_decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """The decoder of a record nested in another; looked up at call time if ``cls`` is still being
    compiled (a record that contains itself)."""
    if cls in _DECODERS:
        return _DECODERS[cls]
    if cls in _COMPILING:
        return lambda v: _DECODERS[cls](v)
    return _decoder(cls)


def _decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """The generated decoder of dataclass ``cls``: one call of ``cls`` with every field read from the
    dict (converted where its hint needs it); a dict missing a field goes the generic way, so its
    default applies."""
    hints = _hints(cls)
    _COMPILING.add(cls)
    env: dict[str, Any] = {"_cls": cls, "_generic": _from_dict_generic}
    args = []
    for n, f in enumerate(dataclasses.fields(cls)):
        tp = hints[f.name]
        item = _tuple_of_dataclass(tp)
        if _keeps(tp):
            args.append(f"{f.name}=d[{f.name!r}]")
        elif item is not None:  # tuple[Record, ...]: the item decoder called inline
            env[f"_c{n}"] = _item_decoder(item)
            args.append(f"{f.name}=(None if (v{n} := d[{f.name!r}]) is None"
                        f" else tuple([None if x is None else _c{n}(x) for x in v{n}]))")
        else:
            env[f"_c{n}"] = _converter(tp)
            args.append(f"{f.name}=(None if (v{n} := d[{f.name!r}]) is None else _c{n}(v{n}))")
    if _plain(cls):
        # Set the fields as pickle does for a frozen dataclass: a new instance, its __dict__ filled
        # (the same object the constructor makes; ~5x cheaper than its per-field object.__setattr__).
        env["_new"] = object.__new__
        fields = ", ".join(f"{a.split('=', 1)[0]!r}: {a.split('=', 1)[1]}" for a in args)
        make = f"o = _new(_cls)\n        o.__dict__.update({{{fields}}})\n        return o"
    else:
        make = f"return _cls({', '.join(args)})"
    source = (
        "def decode(d):\n"
        "    try:\n"
        f"        {make}\n"
        "    except KeyError:\n"
        "        return _generic(_cls, d)\n"
    )
    exec(compile(source, f"<serde decoder {cls.__name__}>", "exec"), env)  # generated from the type hints
    decode = env["decode"]
    _DECODERS[cls] = decode
    _COMPILING.discard(cls)
    return decode
