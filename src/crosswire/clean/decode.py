"""Bytes to text: UTF-8 first, else the encoding charset-normalizer detects; never a silent drop.

:func:`scrub` then makes decoded text safe for XML parsers (lxml, trafilatura) and for people: control
characters that no text uses are taken out. The Document keeps its raw bytes untouched."""

from __future__ import annotations

import re
import zlib

from charset_normalizer import from_bytes

_GZIP_MAGIC = b"\x1f\x8b"
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_BOMB_FLOOR = 1024 * 1024
_BOMB_RATIO = 100


# Control characters XML 1.0 forbids (tab, LF and CR are allowed). The ones Python's str.splitlines
# already treats as line breaks (VT, FF, FS, GS, RS) become a newline, so line numbers do not move;
# the rest are dropped. Lone surrogates (from JSON escapes such as "\\ud800") become U+FFFD, and the
# noncharacters U+FFFE / U+FFFF are dropped.
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e"
_SCRUB = {c: None for c in range(32) if chr(c) not in "\t\n\r" + _LINE_BREAKS}
_SCRUB.update({ord(c): "\n" for c in _LINE_BREAKS})
_SCRUB.update({0xFFFE: None, 0xFFFF: None})
_SCRUB.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))
_SCRUBBED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def scrub(text: str) -> str:
    """``text`` without the control characters an XML parser refuses (see ``_SCRUB``)."""
    return text.translate(_SCRUB) if _SCRUBBED.search(text) else text


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can tell."""


def _maybe_gunzip(raw: bytes) -> bytes:
    """Open a gzipped document (ingest already opens gzip files; this is for documents made elsewhere),
    refusing output past ``_BOMB_FLOOR`` that is more than ``_BOMB_RATIO`` times the input."""
    if not raw.startswith(_GZIP_MAGIC):
        return raw
    limit = max(_BOMB_FLOOR, _BOMB_RATIO * len(raw))
    parts: list[bytes] = []
    size = 0
    rest = raw
    while rest.startswith(_GZIP_MAGIC):  # one member after another, as gzip.decompress reads them
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            parts.append(member.decompress(rest, limit + 1 - size))
        except zlib.error as exc:
            raise UndecodableError(f"corrupt gzip ({exc})") from exc
        size += len(parts[-1])
        if size > limit:
            raise UndecodableError(f"decompression bomb refused (gzip expands more than {_BOMB_RATIO}:1)")
        if not member.eof:
            raise UndecodableError("truncated gzip (the compressed stream ends early)")
        rest = member.unused_data
    return b"".join(parts)


# A valid multi-byte UTF-8 sequence, and the cp1252 reading of each byte a UTF-8 decode escapes
# (bytes cp1252 leaves undefined read as Latin-1): mostly-UTF-8 text with a few stray legacy bytes
# ("It\x92s") keeps its UTF-8 and reads the strays as the web's most common legacy encoding.
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ESCAPED = re.compile("[\udc80-\udcff]")
_STRAYS = {0xDC00 + b: bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0x100)}


def utf8_with_strays(raw: bytes) -> str | None:
    """``raw`` as UTF-8 with its few invalid bytes read as cp1252, when valid multi-byte UTF-8
    sequences outnumber the invalid bytes; else None (a legacy encoding: leave it to detection)."""
    text = raw.decode("utf-8-sig", "surrogateescape")
    strays = len(_ESCAPED.findall(text))
    if strays == 0 or len(_UTF8_SEQ.findall(raw)) <= strays:
        return None
    return text.translate(_STRAYS)


def decode(raw: bytes) -> str:
    """Decode ``raw`` (gzip is opened first): UTF-8 (a BOM is dropped); UTF-8 with a few stray
    legacy bytes (:func:`utf8_with_strays`); else the encoding charset-normalizer finds. Raises
    :class:`UndecodableError` rather than dropping bytes."""
    raw = _maybe_gunzip(raw)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    mixed = utf8_with_strays(raw)
    if mixed is not None:
        return mixed
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UndecodableError("binary data (NUL bytes), not text")
    matches = list(from_bytes(raw))
    if not matches:
        raise UndecodableError("not UTF-8 and no text encoding detected")
    best = matches[0]
    # Ties in chaos and coherence among single-byte code pages are common on short texts: the web's
    # most common legacy encoding wins a tie.
    for match in matches:
        if (match.encoding in _PREFERRED and match.chaos <= best.chaos
                and match.coherence >= best.coherence - 1e-9):
            best = match
            break
    try:
        return raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:  # the detector's guess must decode every byte
        raise UndecodableError(f"not decodable as {best.encoding}") from exc
