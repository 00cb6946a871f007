"""Chinese numerals -> numbers: the few forms plans use (两, 十二, 二十, 一百, 二〇二二).

cn2an is not a dependency and its `transform()` corrupts words (统一 -> 统1); we only ever convert
a number we have already captured, so a small converter is enough.
"""

from __future__ import annotations

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
