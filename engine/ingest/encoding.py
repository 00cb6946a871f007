"""Bytes -> str for text files and HTML, without guessing silently.

Order: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32, GB18030); then UTF-8 strict; then GB18030
strict (GB2312 and GBK are subsets, and government files declared gb2312 often hold GBK-only
characters) or Big5-HKSCS strict, whichever reads as plainer Chinese (Big5 bytes nearly always
decode as GBK too, into kana and private-use mojibake). Bytes that fit neither are rejected as `input.undecodable` rather than decoded with
`errors="replace"` into garbage.

Tolerance (documented decision): a file that is otherwise clean may carry a few damaged bytes —
typically a UTF-8 file cut in the middle of a character, or a GB file with a stray byte. If at most
`MAX_BAD` characters (and at most 1 in 1000) fail to decode, the file is accepted with U+FFFD in
place of the bad bytes (normalisation then deletes them from `text`; `orig` keeps them) and the
encoding says so, e.g. ``utf-8 (1 bad byte replaced)``. UTF-8 with damage is tried before GB18030
strict, because GB18030 decodes most UTF-8 byte sequences without error into mojibake.
"""

from __future__ import annotations

import codecs
import re

from engine.errors import PlancheckError

MAX_BAD = 16
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x84\x31\x95\x33", "gb18030"),
]
_GB_ALIASES = {
    "gb2312",
    "gbk",
    "gb_2312",
    "gb_2312-80",
    "x-gbk",
    "cp936",
    "ms936",
    "euc-cn",
    "gb18030",
    "936",
}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I)
# C0/C1 controls other than whitespace, ^Z and ESC; private use; lone surrogates (from utf-16)
_NON_TEXT = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f\x7f-\x84\x86-\x9f\ue000-\uf8ff\ud800-\udfff]")


def _bad_label(codec: str, bad: int) -> str:
    return f"{codec} ({bad} bad byte{'s' if bad != 1 else ''} replaced)"


def _few(bad: int, total: int) -> bool:
    return 0 < bad <= MAX_BAD and bad * 1000 <= max(total, 1000)


_TEXTLIKE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: the byte order under which nearly every character is text."""
    if len(data) % 2:
        return None
    head = data[:8192]
    for codec in ("utf-16-le", "utf-16-be"):
        sample = head.decode(codec, errors="replace")  # the head may end inside a surrogate pair
        if sample and _TEXTLIKE.subn("", sample)[1] >= 0.95 * len(sample):
            return codec
    return None


def looks_binary(text: str) -> bool:
    """Mostly non-text: more than 1% control or private-use characters (checked on the first 200k)."""
    sample = text[:200_000]
    return bool(sample) and _NON_TEXT.subn("", sample)[1] * 100 > len(sample)


def decode_text(data: bytes, path: str, declared: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file (or HTML, with its declared charset); returns (text, encoding)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise PlancheckError("input.undecodable", path=path) from None
            return _check(text.lstrip("\ufeff"), path), codec
    if declared:
        codec = _codec_for(declared)
        if codec:
            try:
                text = data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                text = None
            if text is not None and not looks_binary(text):
                return text, codec
            # pages often lie about their charset (utf-16 declared on a UTF-8 page decodes into
            # "binary" nonsense): fall through to detection
    if b"\x00" in data:
        codec16 = _utf16_without_bom(data)
        if codec16:
            try:
                return _check(data.decode(codec16), path), codec16
            except UnicodeDecodeError:
                pass
        raise PlancheckError("input.binary", path=path)
    try:
        return _check(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if _few(bad, len(data)) and multibyte >= 20 * bad:
        return _check(text, path), _bad_label("utf-8", bad)
    strict = _strict_cjk(data)
    if strict is not None:
        return _check(strict[0], path), strict[1]
    text = data.decode("gb18030", errors="replace")
    bad = text.count("\ufffd")
    if _few(bad, len(text)):
        return _check(text, path), _bad_label("gb18030", bad)
    raise PlancheckError("input.undecodable", path=path)


# what a Chinese document is made of: CJK ideographs, ASCII, Latin-1, general and CJK punctuation,
# full-width forms; kana, hangul, private use and box drawing are what one double-byte code read
# as the other looks like (Big5 read as GBK gives 現叭そ秨, PUA and kana)
_PLAIN = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _odd(text: str) -> int:
    """How many characters (of the first 200k) are not what a Chinese document is made of."""
    return len(_PLAIN.sub("", text[:200_000]))


def _strict_cjk(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5 (traditional characters, as Taiwan, Hong Kong and older sites save them), each
    decoded strictly; where both decode, the one whose text is more plainly Chinese wins (GB18030 on
    a tie: most mainland files are GB). Big5 is not tried when GB18030 already reads as plain Chinese.
    None when neither decodes."""
    try:
        gb: str | None = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    gb_odd = _odd(gb) if gb is not None else 0
    if gb is not None and gb_odd == 0:
        return gb, "gb18030"
    try:
        big5 = data.decode("big5hkscs")
    except UnicodeDecodeError:
        return (gb, "gb18030") if gb is not None else None
    if gb is not None and gb_odd <= _odd(big5):
        return gb, "gb18030"
    return big5, "big5hkscs"


def _check(text: str, path: str) -> str:
    if looks_binary(text):
        raise PlancheckError("input.binary", path=path)
    return text


def _codec_for(name: str) -> str | None:
    """A Python codec for a declared charset; gb2312/gbk are read as gb18030 (their superset)."""
    key = name.strip().lower()
    if key in _GB_ALIASES:
        return "gb18030"
    if key in ("big5", "big5-hkscs", "cp950", "x-x-big5"):
        return "big5hkscs"
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    # rot13, base64, zlib … are codecs but not text encodings: a page declaring one is lying
    return info.name if getattr(info, "_is_text_encoding", True) else None


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None
