"""Text Word hides: formatted hidden, it is not printed, so it is no text of the plan.

An office leaves a draft's words in a .docx as hidden text (字体 → 隐藏: a unit struck from a clause, a note to the
drafter) where it should have deleted them; Word neither shows nor prints them, nor does the PDF made from the file,
and a reader that took them in read a unit the plan does not name. A run is hidden where its properties say
`w:vanish` (or `w:specVanish`, hidden even where hidden text is shown), set on the run (`w:rPr`), on its character
style (`w:rStyle`), on its paragraph's style (`w:pStyle`, else the document's default paragraph style), each style
with those it is based on, or in the document's defaults (`w:docDefaults`); the nearest that says on or off wins (a
run's own `w:vanish w:val="0"` prints what its style hides). `w:webHidden` hides only in Web Layout: printed, read.

Struck-through text (`w:strike` or `w:dstrike`, through the same cascade) is read the same way: in a 送审稿 or 修改稿
an office shows its revisions as formatting (删除处以删除线标示, 新增处加下划线), the deleted words left in the text,
struck; printed struck, they are words the draft deletes, not words of the plan (a unit struck from a 配合 list is no
unit of the measure). Word has no other use for strikethrough in a 公文. `Hidden.struck` says whether any run was left
out so (the draft is then reported as read with its revisions accepted, as for tracked changes).

A paragraph mark formatted hidden (`w:pPr/w:rPr`; Word's style separator is one, `w:specVanish`) joins the paragraph
to the next on the page: the reader runs its text on into the next paragraph (engine/ingest/readers.py), as a deleted
mark's. The counts of Word's automatic numbering are left as they stand (engine/ingest/numbering.py).

`Hidden(styles)` is built once per document from word/styles.xml and stands in `CURRENT` while it is read
(engine/ingest/readers.py) or written into (`reading`): `shown_runs` gives a python-docx paragraph's runs that print,
for the comments and fixes placed in the .docx (engine/report/docx.py, engine/fix/docx.py), so an edit's columns are
those of the text read and no edit is placed in text that is not printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = ("0", "false", "off")
_TAGS = (f"{_W}specVanish", f"{_W}vanish")  # specVanish first: hidden whatever vanish says
_STRIKES = (f"{_W}strike", f"{_W}dstrike")  # single or double: struck either way


def _said(rpr: Any) -> bool | None:
    """What the run properties `rpr` say of hiding: True, False (shown, said so), None (nothing said)."""
    if rpr is None:
        return None
    for tag in _TAGS:
        el = rpr.find(tag)
        if el is not None:
            on = (el.get(f"{_W}val") or "1").lower() not in _OFF
            if on or tag == f"{_W}vanish":
                return on
    return None


def _struck_said(rpr: Any) -> bool | None:
    """What the run properties `rpr` say of striking through: True (struck or double-struck), False (said off), None."""
    if rpr is None:
        return None
    said: bool | None = None
    for tag in _STRIKES:
        el = rpr.find(tag)
        if el is not None:
            if (el.get(f"{_W}val") or "1").lower() not in _OFF:
                return True
            said = False
    return said


class _Cascade:
    """What the styles of one document say of one run property (`said`: hiding, striking through), each style through
    those it is based on, and its defaults (the module's docstring)."""

    def __init__(self, styles: Any | None, said: Callable[[Any], bool | None]) -> None:
        own: dict[str, bool | None] = {}  # style id -> what its own rPr says
        based: dict[str, str] = {}
        self.said = said
        self.default_paragraph = ""
        self.default: bool | None = None
        if styles is not None:
            defaults = styles.find(f"{_W}docDefaults")
            rpr = defaults.find(f"{_W}rPrDefault/{_W}rPr") if defaults is not None else None
            self.default = said(rpr)
            for s in styles.iter(f"{_W}style"):
                sid = s.get(f"{_W}styleId") or ""
                own[sid] = said(s.find(f"{_W}rPr"))
                parent = s.find(f"{_W}basedOn")
                if parent is not None and parent.get(f"{_W}val"):
                    based[sid] = parent.get(f"{_W}val")
                if s.get(f"{_W}type") == "paragraph" and (s.get(f"{_W}default") or "").lower() in ("1", "true", "on"):
                    self.default_paragraph = sid
        self.styles: dict[str, bool | None] = {}  # style id -> what it says, through the styles it is based on
        for sid in own:
            seen: set[str] = set()
            at: str | None = sid
            found: bool | None = None
            while at is not None and at not in seen and found is None:
                seen.add(at)
                found = own.get(at)
                at = based.get(at)
            self.styles[sid] = found
        self.any = any(v for v in self.styles.values()) or bool(self.default)

    def _style(self, props: Any, tag: str) -> bool | None:
        el = props.find(f"{_W}{tag}") if props is not None else None
        return self.styles.get(el.get(f"{_W}val") or "") if el is not None else None

    def _paragraph(self, p: Any) -> bool | None:
        ppr = p.find(f"{_W}pPr") if p is not None else None
        el = ppr.find(f"{_W}pStyle") if ppr is not None else None
        sid = (el.get(f"{_W}val") or "") if el is not None else self.default_paragraph
        return self.styles.get(sid)

    def on(self, rpr: Any, paragraph: Callable[[], Any]) -> bool:
        """What sets the property for a run or a paragraph mark with the properties `rpr`, nearest first: `rpr` itself,
        its character style, the paragraph's style (`paragraph`, asked only when it comes to that), the defaults."""
        said = self.said(rpr)
        if said is None and self.any:
            said = self._style(rpr, "rStyle")
            if said is None:
                said = self._paragraph(paragraph())
            if said is None:
                said = self.default
        return bool(said)


class Hidden:
    """Which runs of one document are no text of it: formatted hidden, or struck through (the module's docstring)."""

    def __init__(self, styles: Any | None) -> None:
        self._hidden = _Cascade(styles, _said)
        self._struck = _Cascade(styles, _struck_said)
        self.struck = False  # a struck run was met (and left out)

    def run(self, r: Any, p: Any | None = None) -> bool:
        """The run `r` (a w:r) is hidden or struck through; `p`: its paragraph (found when not given)."""
        rpr = r.find(f"{_W}rPr")

        def paragraph() -> Any:
            return p if p is not None else _paragraph_of(r)

        if self._hidden.on(rpr, paragraph):
            return True
        if self._struck.on(rpr, paragraph):
            self.struck = True
            return True
        return False

    def mark(self, p: Any) -> bool:
        """The paragraph mark of `p` is hidden: the paragraph runs on into the next on the page."""
        ppr = p.find(f"{_W}pPr")
        return self._hidden.on(ppr.find(f"{_W}rPr") if ppr is not None else None, lambda: p)


def _paragraph_of(r: Any) -> Any | None:
    return next((a for a in r.iterancestors(f"{_W}p")), None)


NONE = Hidden(None)  # no document being read: only what the runs say
# the `Hidden` of the .docx being read or written into (read_docx, `reading`); engine/ingest/emphasis.py reads it too
CURRENT: ContextVar[Hidden] = ContextVar("docx_hidden", default=NONE)


def of_document(document: Any) -> Hidden:
    """The `Hidden` of a python-docx Document, from its styles part."""
    try:
        styles = document.styles.element
    except (NotImplementedError, KeyError, AttributeError):
        styles = None
    return Hidden(styles)


@contextmanager
def reading(document: Any) -> Iterator[Hidden]:
    """`CURRENT` is `document`'s while the block runs (a report or a fix written into the .docx)."""
    token = CURRENT.set(of_document(document))
    try:
        yield CURRENT.get()
    finally:
        CURRENT.reset(token)


def shown_runs(paragraph: Any) -> list[Any]:
    """The python-docx runs of `paragraph` that are read, its hidden and struck runs left out (by the document `reading`
    names)."""
    hidden = CURRENT.get()
    return [r for r in paragraph.runs if not hidden.run(r._r, paragraph._p)]
