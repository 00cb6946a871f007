"""Regular expressions a ruleset author writes (`pattern` rules, `condition` `matches`): linear time.

Python's `re` backtracks: `(a+)+$` against a long run of "a" never finishes, and durable-rules'
own matcher stalls on such patterns over long text too. So a user's regex is written in Python
syntax, checked by `re`, and then run by RE2 (google-re2), whose matching time is linear in the
text, for every pattern. What RE2 cannot do (lookarounds, back references, possessive or atomic
groups, verbose mode) is refused when the ruleset loads, with its file and line.

Python's Unicode classes keep their meaning: \\w, \\d, \\s (and \\W, \\D, \\S outside brackets) are
rewritten to the Unicode properties Python uses (RE2's own are ASCII-only), \\Z to RE2's \\z and
\\uXXXX to \\x{XXXX}. \\b and \\B are refused: word boundaries mean nothing over Chinese text.
"""

from __future__ import annotations

import re
from typing import Any

import re2

from engine.memo import memo

# Python's meaning of each shorthand class for str patterns, as RE2 Unicode properties
_WORD = r"\p{L}\p{N}_"
_SPACE = r"\s\x{0b}\x{1c}-\x{1f}\x{85}\p{Z}"
_OUTSIDE = {"w": f"[{_WORD}]", "W": f"[^{_WORD}]", "d": r"\p{Nd}", "D": r"\P{Nd}", "s": f"[{_SPACE}]",
            "S": f"[^{_SPACE}]", "Z": r"\z"}  # fmt: skip
_INSIDE = {"w": _WORD, "d": r"\p{Nd}", "D": r"\P{Nd}", "s": _SPACE}


class UserRegexError(ValueError):
    """A pattern refused at load time; the message says why."""


def _translate(pattern: str) -> str:
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt in "bB":
                raise UserRegexError(r"\b and \B are not supported (there are no word boundaries in Chinese text)")
            table = _INSIDE if in_class else _OUTSIDE
            if nxt in table:
                out.append(table[nxt])
            elif in_class and nxt in "WS":
                raise UserRegexError(rf"\{nxt} inside [...] is not supported: write the class out, e.g. [^…]")
            elif nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", pattern[i + 2 : i + 6]):
                out.append(r"\x{" + pattern[i + 2 : i + 6] + "}")
                i += 6
                continue
            elif nxt == "U" and re.fullmatch(r"[0-9a-fA-F]{8}", pattern[i + 2 : i + 10]):
                out.append(r"\x{" + pattern[i + 2 : i + 10] + "}")
                i += 10
                continue
            else:
                out.append(ch + nxt)
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            # a ] first in the class (after an optional ^) is a literal
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append(r"\]")
                i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


@memo(512, copy="shared")  # compiled RE2 objects are immutable
def compile_regex(pattern: str) -> Any:
    """The RE2 program for a Python-syntax pattern; UserRegexError (a ValueError) when refused."""
    try:
        re.compile(pattern)
    except re.error as e:
        raise UserRegexError(f"bad regular expression: {e}") from None
    translated = _translate(pattern)
    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile(translated, options)
    except re2.error as e:
        reason = e.args[0] if e.args else str(e)
        reason = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        raise UserRegexError(
            f"not supported by the linear-time regex engine (RE2): {reason}; lookarounds, back references and "
            "verbose mode are not available"
        ) from None


def search(pattern: str, text: str) -> Any:
    """The first match of `pattern` in `text` (None if none), in time linear in the text."""
    return compile_regex(pattern).search(text)
