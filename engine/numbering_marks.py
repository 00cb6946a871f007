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
def _data() -> Mapping:
    if not PATH.is_file():  # read here, not through engine.extract.data: engine.extract imports engine.parse
        raise PlancheckError("data.missing", path=str(PATH))
    note_input(PATH)
    raw = yaml.safe_load(PATH.read_text("utf-8"))
    return MappingProxyType(raw if isinstance(raw, dict) else {})


@memo(1, copy="shared")  # built once from the one file
def mark_classes() -> tuple[tuple[str, str, str], ...]:
    """(style, label form, marks in order) of each class of rulesets/data/numbering_marks.yaml that has a style and
    marks, in the file's order."""
    classes = ((str(c.get("style") or ""), str(c.get("label") or "{mark}"), str(c.get("chars") or ""))
               for c in _data().get("classes") or [] if isinstance(c, dict))  # fmt: skip
    return tuple(c for c in classes if c[0] and c[2])


def _words(value: object) -> tuple[str, str] | None:
    """A {zh: …, en: …} entry as (zh, en), or None."""
    if not isinstance(value, dict) or not value.get("zh"):
        return None
    return str(value["zh"]), str(value.get("en") or value["zh"])


@memo(1, copy="shared")  # built once from the one file; read-only
def mark_names() -> Mapping[str, tuple[str, str]]:
    """Each mark -> what a report calls a mark of its class, (zh, en): ⒈ -> ("带点的阿拉伯数字", "a digit with a full
    stop"); a mark whose class names none is not listed."""
    out: dict[str, tuple[str, str]] = {}
    for c in _data().get("classes") or []:
        name = _words(c.get("name")) if isinstance(c, dict) else None
        if name is not None:
            for ch in str(c.get("chars") or ""):
                out.setdefault(ch, name)
    return MappingProxyType(out)


@memo(1, copy="shared")  # built once from the one file; read-only
def spelling() -> Mapping[str, Mapping[str, tuple[str, str]] | tuple[str, str]]:
    """How a report spells out a typed label (numbering_marks.yaml `spelled`): "digits", "numerals", "joiner",
    "count" -> (zh, en) templates, and "marks" -> each bracket or mark after a number -> (zh, en) its name."""
    raw = _data().get("spelled")
    raw = raw if isinstance(raw, dict) else {}
    out: dict = {k: w for k in ("digits", "numerals", "joiner", "count") if (w := _words(raw.get(k)))}
    marks = raw.get("marks") if isinstance(raw.get("marks"), dict) else {}
    out["marks"] = MappingProxyType({str(ch): w for ch, v in marks.items() if (w := _words(v))})
    return MappingProxyType(out)


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


@memo(1, copy="shared")  # built once from the one file
def letter_classes() -> tuple[tuple[str, str], ...]:
    """(style, letters in order) of each class of numbering_marks.yaml `letters` (Ⅰ. Ⅱ. …, A. B. …), in the file's
    order; a class without a style or letters is left out."""
    classes = ((str(c.get("style") or ""), str(c.get("chars") or ""))
               for c in _data().get("letters") or [] if isinstance(c, dict))  # fmt: skip
    return tuple(c for c in classes if c[0] and c[1])


@memo(1, copy="shared")  # built once from the one file
def letter_stops() -> str:
    """What may follow a letter that numbers an item (numbering_marks.yaml `letter_stops`: ". 、")."""
    return "".join(str(s) for s in _data().get("letter_stops") or [] if str(s))
