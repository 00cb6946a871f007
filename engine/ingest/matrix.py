"""A task table printed as a RESPONSIBILITY MATRIX: one column per unit, each cell that unit's role for the row.

    序号 | 重点任务            | 省能源局 | 省应急厅 | 省工信厅 | 各市人民政府 | 完成时限
    1    | 推进大型煤矿智能化… | 牵头     |          | 配合     | 配合         | 2027年12月

The unit's name stands only in its column's header cell; a row's cell under it says "牵头", "配合" (any lead,
support or duty word of rulesets/data/roles.yaml, whole) or holds a mark (★ ● ○ √ …, roles.yaml `matrix.marks`)
whose meaning the document states in a legend ("注：●为牵头单位，○为配合单位"). engine/ingest/tables.py gives such a
column the role `UNIT` and keeps its unit's name in a map of its own (`unit_columns`: its header reads as a unit's
name, engine.extract.reads_as_unit) and, row by row,
`cell_role` says what a cell under it gives that unit; a cell that says no role (text, an unexplained mark) is read
as any cell no column claims, as before. Every table reader goes through there, so .docx, .html, PDF ruled tables
and text tables read a matrix alike, whatever page orientation the table stands in.

The legend may stand anywhere in the document (above the table, in a 注 line under it, in a cell): a reader states
where its text is with `legend_from` (a function giving the texts, called only when a cell under a unit's column holds
something no role word is), and `cell_role` reads it once per document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType

from engine.ingest.normalise import to_simplified
from engine.memo import memo
from engine.roles import roles as role_words

UNIT_HEADER_MAX = 30  # characters: a unit's name in a header cell (国家矿山安全监察局山西局); longer is text
MATRIX_MIN = 2  # unit columns that make a header a task table's by themselves (with 序号 and marks below)
_SPACE = re.compile(r"[\s\u3000]+")
_LIST = re.compile(r"[、，,；;/／]")
_BRACKETED = re.compile(r"[（(〔［\[][^（）()〔〕［］\[\]]*[）)〕］\]]")
_CELL_EDGE = "。．.；;，,"


UNIT = "unit"  # the role of a column whose header is a unit's name; the unit: engine/ingest/tables.py `unit_columns`


def unit_header(text: str) -> str | None:
    """The unit a header cell names (省能源局, 国家矿山安全监察局山西局, 各市人民政府), else None. The caller has
    found no column word in it. Spaces and line breaks inside the name (a narrow column wraps it) are dropped."""
    name = _SPACE.sub("", text)
    if not 2 <= len(name) <= UNIT_HEADER_MAX or _LIST.search(_BRACKETED.sub("", name)):  # 各县（市、区）: one name
        return None
    from engine.extract import reads_as_unit  # imported here: ingest runs before extract is needed

    return name if reads_as_unit(to_simplified(name)) else None


@memo(1, copy="shared")  # built once from the roles data: a frozen mapping and a compiled pattern
def _vocabulary() -> tuple[MappingProxyType[str, str], re.Pattern[str]]:
    """(role word -> role: the whole cell words), and the legend pattern (groups mark or word, and role)."""
    r = role_words()
    stems = dict(r.stems)
    by_role = {
        "lead": [*r.lead_fields, *r.lead_verbs, *r.paired_verbs, *r.bare_lead, *stems.get("lead", ())],
        "support": [*r.support_fields, *r.support_verbs, *r.bare_support, *stems.get("support", ())],
        "duty": [*r.duty_fields, *stems.get("duty", ())],
    }
    words: dict[str, str] = {}
    for role, ws in by_role.items():
        for w in ws:
            words.setdefault(w, role)
    ordered = tuple(sorted(words.items(), key=lambda wr: -len(wr[0])))
    alt = "|".join(re.escape(w) for w, _ in ordered) or "(?!)"
    marks = "".join(re.escape(m) for m in r.matrix_marks) or "(?!)"
    verbs = "|".join(re.escape(v) for v in r.legend_words) or "(?!)"
    legend = re.compile(
        rf"(?:(?P<mark>[{marks}])|[“\"「『‘](?P<word>[^”\"」』’\s]{{1,4}})[”\"」』’])"
        rf"[ \u3000]*(?:的|者)?[ \u3000]*(?:{verbs})?[ \u3000]*(?:为|是)?[ \u3000]*(?P<role>{alt})"
        r"(?=$|[\s\u3000，,；;。.、）)”\"」』])"
    )
    return MappingProxyType(dict(ordered)), legend


def stated_marks(texts: Iterable[str]) -> dict[str, str]:
    """Mark (or quoted word) -> role, as the document's legends state them ("★为牵头单位，●为配合单位"); a mark
    stated with two roles says nothing."""
    role_of, legend = _vocabulary()
    got: dict[str, str] = {}
    clash: set[str] = set()
    for text in texts:
        if not text:
            continue
        for m in legend.finditer(to_simplified(text)):
            mark = m.group("mark") or m.group("word")
            role = role_of[m.group("role")]
            if got.setdefault(mark, role) != role:
                clash.add(mark)
    return {k: v for k, v in got.items() if k not in clash}


class _Legend:
    """The legend of one document, read from its texts the first time a cell needs it."""

    def __init__(self, texts: Callable[[], Iterable[str]]) -> None:
        self._texts = texts
        self._marks: dict[str, str] | None = None

    def marks(self) -> dict[str, str]:
        if self._marks is None:
            self._marks = stated_marks(self._texts())
        return self._marks


_LEGEND: ContextVar[_Legend | None] = ContextVar("matrix_legend", default=None)


@contextmanager
def legend_from(texts: Callable[[], Iterable[str]]) -> Iterator[None]:
    """Within the block, a matrix's marks are read by the legend in `texts()` (the whole document's text). An
    outer document's legend stays (a table pasted as text inside a .docx is read with the .docx's)."""
    if _LEGEND.get() is not None:
        yield
        return
    token = _LEGEND.set(_Legend(texts))
    try:
        yield
    finally:
        _LEGEND.reset(token)


def cell_role(text: str) -> str | None:
    """The role ("lead", "support", "duty") a matrix cell gives its column's unit, or None: a whole role word
    (牵头, 配合单位, 负责), or a mark (or word) the document's legend explains. An empty cell gives none."""
    t = _SPACE.sub("", text).strip(_CELL_EDGE)
    if not t or len(t) > 8:
        return None
    t = to_simplified(t)
    role = _vocabulary()[0].get(t)
    if role is not None:
        return role
    legend = _LEGEND.get()  # read only now: most matrices print words, and most tables hold no matrix
    return legend.marks().get(t) if legend is not None else None


def is_mark(text: str) -> bool:
    """The cell holds a role word or a mark of the data (whether or not a legend explains it)."""
    t = to_simplified(_SPACE.sub("", text).strip(_CELL_EDGE))
    return bool(t) and (t in role_words().matrix_marks or cell_role(t) is not None)
