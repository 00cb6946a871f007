"""A division of labour written as a sentence of its own: "由X负责电网配套，Y负责燃气管网建设监管，两项工程均于9月30日前
完工。" — each part names a body and the share of the work it answers for (a 纪要's 议定事项, a 复函's task). Every body
so named leads its share: all are leads, none supports (as "按职责分工负责" reads).

The first part is read by the caller (`responsibility._last_prose_sentence`: 由X负责<its share>); this module reads the
parts after it that go on in the same form, "Y负责<share>" (or "由Y负责<share>"), each naming bodies only, and says how
many it read. A part in another form ends the run (the sentence's task or its deadline: "两项工程均于…完工").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# "Y负责<share>" / "由Y负责<share>": a unit list (no stop, no 由 inside) and 负责 with the share it answers for after it
_SHARE = re.compile(r"^由?(?P<units>[^，,；;。：:由]{2,40}?)负责(?P<share>[^，,；;。]{2,40})$")


def shares_after(
    pieces: Sequence[str], parse: Callable[[str], list[str]], bodies: Callable[[list[str]], bool]
) -> tuple[list[str], int]:
    """The bodies of the "Y负责<share>" parts that follow the first of `pieces` (`parse` splits a unit list, `bodies`
    says its names are all bodies'), in order, and how many parts were read; ([], 0) when the next is no such part."""
    found: list[str] = []
    read = 0
    for piece in pieces[1:]:
        m = _SHARE.match(piece.strip())
        names = parse(m.group("units")) if m else []
        if not names or not bodies(names):
            break
        found += [n for n in names if n not in found]
        read += 1
    return found, read
