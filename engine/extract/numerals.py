"""Chinese numerals -> numbers: the few forms plans use (两, 十二, 二十, 一百, 二〇二二).

cn2an is not a dependency and its `transform()` corrupts words (统一 -> 统1); we only ever convert
a number we have already captured, so a small converter is enough.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "O": 0,
    "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

CN_NUM_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
# the character class used in regexes that capture a number written either way
NUM_CLASS = r"[0-9." + CN_NUM_CHARS + r"]"


def cn_to_number(s: str) -> float | None:
    """`s` as a number, or None. Arabic digits pass through; 二〇二二 reads digit by digit."""
    s = s.strip()
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        pass
    if any(c not in DIGITS and c not in SMALL_UNITS and c not in BIG_UNITS for c in s):
        # mixed forms such as 3万 or 1.5亿
        head = s.rstrip("".join(BIG_UNITS))
        tail = s[len(head) :]
        if tail and len(tail) == 1 and head:
            try:
                return float(head) * BIG_UNITS[tail]
            except ValueError:
                return None
        return None
    if not any(c in SMALL_UNITS or c in BIG_UNITS for c in s):
        # 二〇二二, 三: positional digits
        n = 0
        for c in s:
            n = n * 10 + DIGITS[c]
        return float(n)
    total = 0  # sum of finished 万/亿 sections
    section = 0  # the current section below 万
    digit: int | None = None
    for c in s:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[c]
            digit = None
        else:  # 万, 亿
            section += digit or 0
            total = (total + section) * BIG_UNITS[c] if c == "亿" else total + section * BIG_UNITS[c]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def to_int(s: str) -> int | None:
    """An integer from digits or Chinese numerals, or None."""
    v = cn_to_number(s)
    if v is None or v != int(v):
        return None
    return int(v)


# --------------------------------------------------------------------------- lists of item numbers

# an item's number in a list of items (第1—3项, 第（一）至（三）项): three digits or three Chinese numerals at most
ITEM_NUMBER = r"(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})"
MAX_ITEMS = 300  # a range wider than any plan's numbering is no range of items


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


def number_list_pattern(ranges: Sequence[str], joins: Sequence[str], *, bracketed: bool = False) -> str:
    """The regex (group `nums`) of the numbers of items written as one list: one number, a range or several
    (1—3, 1至3、5, 1、第2), `ranges` between a range's bounds and `joins` between numbers listed one by one;
    `bracketed`: a number may stand in brackets ((一)至(三), （1）、（2）). What a group clause (engine/extract/
    groupclause.py) and a responsibility list (engine/parse/assignments.py) put after 第 and before 项; read
    the captured text with `list_numbers`."""
    num = rf"[(（]?\s*{ITEM_NUMBER}\s*[)）]?" if bracketed else ITEM_NUMBER
    return rf"(?P<nums>{num}(?:\s*(?:{_alt([*ranges, *joins])})\s*第?\s*{num})*)"


def list_numbers(text: str, ranges: Sequence[str], joins: Sequence[str]) -> tuple[int, ...]:
    """The numbers a `number_list_pattern` list names, in order, each once: 1—3 -> (1, 2, 3); (一)至(三) ->
    (1, 2, 3); 1至3、5 -> (1, 2, 3, 5); () when a piece is no number or no range of items."""
    out: list[int] = []
    text = re.sub(r"[(（)）\s]", "", text).replace("——", "—")
    for piece in re.split(_alt(joins), text):
        bounds = re.split(_alt(ranges), piece.lstrip("第"))
        ints = [to_int(b.lstrip("第")) for b in bounds]
        if not ints or any(i is None or i < 1 for i in ints) or len(ints) > 2:
            return ()
        lo, hi = ints[0], ints[-1]
        if lo is None or hi is None or hi < lo or hi - lo > MAX_ITEMS:
            return ()
        out += [n for n in range(lo, hi + 1) if n not in out]
    return tuple(out)
