"""A task table printed as a RESPONSIBILITY MATRIX: one column per unit, each cell that unit's role for the row.

    序号 | 重点任务            | 省能源局 | 省应急厅 | 省工信厅 | 各市人民政府 | 完成时限
    1    | 推进大型煤矿智能化… | 牵头     |          | 配合     | 配合         | 2027年12月

The unit's name stands only in its column's header cell; a row's cell under it says "牵头", "配合" (any lead,
support or duty word of rulesets/data/roles.yaml, whole) or holds a mark (★ ● ○ √ …, the one list of marks:
rulesets/data/lead_conventions.yaml `marks`) whose meaning the document states in a legend ("注：●为牵头单位，
○为配合单位"), read by the one reader of stated marks (engine/extract/legend.py), as marks beside units' names are.
engine/ingest/tables.py gives such a column the role `UNIT` and keeps its unit's name in a map of its own
(`unit_columns`: its header reads as a unit's name, engine.extract.reads_as_unit) and, row by row, `cell_role` says
what a cell under it gives that unit; a cell that says no role (text, an unexplained mark) is read
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

from engine.ingest.normalise import to_simplified

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


class _Legend:
    """The legend of one document, read from its texts the first time a cell needs it."""

    def __init__(self, texts: Callable[[], Iterable[str]]) -> None:
        self._texts = texts
        self._marks: dict[str, str] | None = None

    def marks(self) -> dict[str, str]:
        if self._marks is None:
            from engine.extract.legend import stated_marks  # ingest runs before extract is needed

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
    from engine.extract.legend import role_of, same  # the one reader of role words and marks

    t = _SPACE.sub("", text).strip(_CELL_EDGE)
    if not t or len(t) > 8:
        return None
    t = same(to_simplified(t))
    role = role_of().get(t)
    if role is not None:
        return role
    legend = _LEGEND.get()  # read only now: most matrices print words, and most tables hold no matrix
    return legend.marks().get(t) if legend is not None else None


def is_mark(text: str) -> bool:
    """The cell holds a role word or a mark of the data (whether or not a legend explains it)."""
    from engine.extract.data import lead_conventions
    from engine.extract.legend import same

    t = same(to_simplified(_SPACE.sub("", text).strip(_CELL_EDGE)))
    return bool(t) and ((len(t) == 1 and t in lead_conventions().marks) or cell_role(t) is not None)
