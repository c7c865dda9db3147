"""Bytes to text: UTF-8 first, else the encoding charset-normalizer detects; never a silent drop.

:func:`scrub` then makes decoded text safe for XML parsers (lxml, trafilatura) and for people: control
characters that no text uses are taken out. The Document keeps its raw bytes untouched."""

from __future__ import annotations

import gzip
import re
import zlib

from charset_normalizer import from_bytes

_GZIP_MAGIC = b"\x1f\x8b"
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


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
    if raw.startswith(_GZIP_MAGIC):
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise UndecodableError(f"truncated or corrupt gzip ({exc})") from exc
    return raw


def decode(raw: bytes) -> str:
    """Decode ``raw`` (gzip is opened first): UTF-8 (a BOM is dropped), else the encoding
    charset-normalizer finds. Raises :class:`UndecodableError` rather than dropping bytes."""
    raw = _maybe_gunzip(raw)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
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
