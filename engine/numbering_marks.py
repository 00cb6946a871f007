"""The numbering marks of one character, ㈠ ⑴ ⒈ ① ❶ (rulesets/data/numbering_marks.yaml; no code to extend them).

One reading of the file for ingest and parse alike. A leaf module: ingest asks whether a line opens with a mark, where
it decides whether a line starts a paragraph (engine/ingest/wrap.py, pdf.py, footer.py), without importing
engine.parse (which imports engine.ingest); parse gives each mark the style and label its class names
(engine/parse/numbering.py `marks`).

Loaded once per process. The file ships with the package: missing, it is a clear error.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import yaml

from engine import RULESETS_DIR
from engine.errors import PlancheckError
from engine.memo import memo
from engine.outputs import note_input

PATH = RULESETS_DIR / "data" / "numbering_marks.yaml"


@memo(1, copy="shared")  # read once from the one file
def mark_classes() -> tuple[tuple[str, str, str], ...]:
    """(style, label form, marks in order) of each class of rulesets/data/numbering_marks.yaml that has a style and
    marks, in the file's order."""
    if not PATH.is_file():  # read here, not through engine.extract.data: engine.extract imports engine.parse
        raise PlancheckError("data.missing", path=str(PATH))
    note_input(PATH)
    raw = yaml.safe_load(PATH.read_text("utf-8")) or {}
    classes = ((str(c.get("style") or ""), str(c.get("label") or "{mark}"), str(c.get("chars") or ""))
               for c in raw.get("classes") or [])  # fmt: skip
    return tuple(c for c in classes if c[0] and c[2])


@memo(1, copy="shared")  # built once from the classes; read-only
def mark_styles() -> Mapping[str, str]:
    """Each mark -> the style of the first class listing it (㈠ -> "cn_paren", ⑴ -> "arabic_paren")."""
    out: dict[str, str] = {}
    for style, _label, chars in mark_classes():
        for ch in chars:
            out.setdefault(ch, style)
    return MappingProxyType(out)


def opens_with_mark(text: str) -> bool:
    """`text` opens (after spaces) with a numbering mark of one character, ㈠ ⑴ ⒈ ① ❶."""
    return text.lstrip(" \t\u3000")[:1] in mark_styles()
