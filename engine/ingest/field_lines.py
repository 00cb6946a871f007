"""A unit field's list continued on the lines under it, joined back into the field's line.

A plan typed one paragraph a line may set a long unit list the way a typist fills a form: the names that do not
fit go on the next line, indented to stand under the first name (blind20 佳木斯市, blind21 清远市, blind22 通辽市,
blind23 汉中市):

    　　配合单位：市科学技术局、市财政局、各旗县市区人民政府、
    　　　　　　　通辽市家畜繁育指导站
    　　责任单位：市农业农村局（牵头）
    　　　　　　　市科技局
    　　　　　　　清城区人民政府

Read a line each, the names below are a paragraph of their own and lost to the field. A line is joined to the unit
field above it when

- the line above holds a unit field (the labels of rulesets/data/roles.yaml, 牵头单位：/配合单位：/责任单位：…) whose value
  runs to the line's end (no sentence stop after it, no bracket it closes: "（责任单位：X）" is a clause, done);
- the line is nothing but unit names (each piece between 、，, and spaces reads as a body's name: 局, 人民政府, 各镇
  …, rulesets/data/units.yaml), no sentence, no numbered item, heading or field of its own;
- and the field ends on 、 or ， (the list goes on), or the line stands indented deeper than the field's line (under
  its first name), or the field's label stands alone on its line (配合单位： / A / B, one name a line); with no blank
  line between.

The joined line's original text is the field's line, a full-width space and the names (the indent dropped); the
normalised text has 、 between the field's last name and the first one below where the field did not end on a
separator, at the column of that space. Names the line below sets apart by blanks only ("　　　　各县（区）人民政府
鹤壁经济技术开发区管委会", blind51 鹤壁市) are cut as a field's value is (engine/ingest/unit_spaces.py `separate_names`).
"""

from __future__ import annotations

import re

from engine.ingest import unit_spaces, wrap
from engine.roles import field_label_colon

_SEPARATORS = "、，,"
_STOPS = re.compile("[。；;！!？?：:]")
_OPENERS, _CLOSERS = "(（[［【", ")）]］】"
_INDENT = re.compile(r"^[ \t\u3000]*")
MAX_NAMES = 120  # characters: a longer line is prose, not the rest of a list


def _indent(orig: str) -> int:
    return sum(2 if ch == "\u3000" else 1 for ch in _INDENT.match(orig.expandtabs(2)).group())


def _open_value(text: str) -> bool:
    """`text` ends inside a unit field's value: the last field label's value has no stop and closes no bracket."""
    fields = list(field_label_colon().finditer(text))
    if not fields:
        return False
    value = text[fields[-1].end() :]
    if re.search("[。；;！!？?]", value):
        return False
    from engine.extract.sentences import open_before  # imported here: ingest runs before extract is needed

    depth = open_before(value, _OPENERS, _CLOSERS)
    # a closer with nothing open before it closes a bracket opened before the field: the value is closed
    return depth[-1] == 0 and not any(ch in _CLOSERS and not depth[k] for k, ch in enumerate(value))


def _pieces(text: str) -> list[str]:
    """`text` cut at 、，, and spaces outside brackets."""
    from engine.extract.sentences import split_outside  # imported here: ingest runs before extract is needed

    pieces = split_outside(text, _SEPARATORS + " \t\u3000", _OPENERS, _CLOSERS)
    return [p.strip().removesuffix("等") for p in pieces if p.strip()]


def _names_only(text: str) -> bool:
    from engine.extract import reads_as_unit  # imported here: ingest runs before extract is needed

    body = text.strip().rstrip(_SEPARATORS)
    if not body or len(body) > MAX_NAMES or _STOPS.search(body) or wrap.starts_item(body):
        return False
    pieces = _pieces(body)
    return bool(pieces) and all(reads_as_unit(p) for p in pieces)


Entry = tuple[int, object, str, str, list[int]]  # (line number, raw line, piece text, normalised text, columns)


def join_continuations(entries: list[Entry]) -> list[Entry]:
    """`entries` (build's normalised lines) with each unit field's continuation lines joined into it."""
    if not any(field_label_colon().search(e[3]) for e in entries):
        return entries
    out: list[Entry] = []
    last_line = -1  # the line number of the last raw line in out[-1]
    first = ""  # the first line of out[-1] as printed, when it is a plain line
    for entry in entries:
        no, orig, piece, text, cols = entry
        if out and first and no == last_line + 1 and type(orig) is str and piece == orig \
                and goes_on(out[-1][3], first, text, orig):  # fmt: skip
            text, cols = unit_spaces.separate_names(orig, text, cols)  # "　　　各县（区）人民政府 X管委会": a list too
            pno, porig, _, ptext, pcols = out[-1]
            porig = str(porig)
            lead = len(_INDENT.match(orig).group())
            sep = "" if ptext[-1] in _SEPARATORS + "：:" else "、"
            gap = "\u3000" if sep else ""
            offset = len(porig) + len(gap) - lead
            joined = porig + gap + orig[lead:]
            new_cols = pcols + ([len(porig) + 1] if sep else []) + [c + offset for c in cols]
            out[-1] = (pno, joined, joined, ptext + sep + text, new_cols)
            last_line = no
            continue
        out.append(entry)
        last_line = no
        first = orig if type(orig) is str and piece == orig else ""
    return out


def goes_on(field: str, field_orig: str, text: str, orig: str) -> bool:
    """Does the unit field `field` (the text so far: the field's line and the lines joined to it; `field_orig` its
    first line as printed) go on in the next line `text` (`orig` as printed)? See the module."""
    if not field or not _open_value(field) or "\t" in orig or "|" in text or "  " in orig.strip():
        return False  # a table's row (cells apart by tabs, bars, space runs) is no name list
    if field[-1] in _SEPARATORS + "：:":
        body = text.strip()
        return bool(body) and len(body) <= MAX_NAMES and not _STOPS.search(body) and not wrap.starts_item(body)
    # under a bare label (配合单位： / A / B) each line of names is the list's; elsewhere they stand under its first name
    under = field_orig.rstrip().endswith(("：", ":")) or _indent(orig) > _indent(field_orig)
    return under and _names_only(text)
