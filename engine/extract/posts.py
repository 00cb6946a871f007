"""An official's post written in a list of units (rulesets/data/posts.yaml): the unit a name stands for.

"市民政局局长（牵头）、团市委书记、市妇联主席" names each body by its head: the units are 市民政局, 团市委, 市妇联.
"省政府分管副秘书长" and "副县长" name a person (a deputy, the official in charge of the task), no unit. Every other
name is left as written. One reader for every list of units (parse_units), so a clause, a field and a table cell
read a post alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from engine.extract.data import load_lists
from engine.memo import memo
from engine.roles import role_mark

_FALLBACK = {"heads": ["局长", "主任", "书记", "主席"], "governments": ["省", "市", "县", "区"], "deputies": ["分管", "副"],
             "members": ["常委", "委员"]}  # fmt: skip


def _alt(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(dict.fromkeys(words), key=len, reverse=True))) or "(?!)"


@memo(1, copy="shared")  # one compiled pattern from the one file
def _post_re() -> re.Pattern[str]:
    """The post ending a name: (deputy words)(the post), one of `heads`, `members` or a government's head (a
    division, a bracket of divisions allowed, 长)."""
    words = load_lists("posts.yaml", _FALLBACK)
    government = rf"(?:{_alt(words['governments'])})(?:[(（][^()（）]{{1,12}}[)）])?长"
    # searched, not matched from the start: the leftmost post that ends the name, its deputy words with it (a scan of
    # the name's length, whatever its length)
    return re.compile(
        rf"(?P<deputy>(?:{_alt(words['deputies'])})*)"
        rf"(?:(?P<member>{_alt(words['members'])})|(?P<head>{_alt(words['heads'])}|{government}))$"
    )


def unit_of(name: str, is_unit: Callable[[str], bool]) -> str | None:
    """The unit `name` stands for: without the post of its head after it (市民政局局长 → 市民政局, 各县（市、区）政府县
    （市、区）长 → 各县（市、区）政府; a role mark after the post stays: 市民政局局长（牵头） → 市民政局（牵头）), where what
    stands before the post reads as a body's name (`is_unit`); None where `name` names a person: a deputy or the
    official in charge (省政府分管副秘书长, 市民政局副局长, 分管领导), a member (县委常委), a post alone (局长); else
    `name` as written."""
    mark = role_mark().search(name)
    base, tail = (name[: mark.start()], name[mark.start() :]) if mark and mark.start() else (name, "")
    base = base.rstrip()
    m = _post_re().search(base)
    if m is None:
        return name
    unit = base[: m.start()].rstrip()
    if m.group("deputy") or m.group("member") or not unit:
        return None
    return unit + tail if is_unit(unit) else name
