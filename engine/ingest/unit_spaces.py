"""Units a field lists with nothing but full-width spaces between them, read as a list.

A county's plan may set its units apart the way a typist aligns a form, "责任单位：县农业农村局　县科学技术局　各镇（街道）"
(blind18 金乡县: no 、 at all; the notice says the first-listed unit leads). Normalisation drops a space between
two ideographs (it is never meaningful there: engine/ingest/normalise.py), which ran the names into one. Here,
on a line whose text holds a unit field (牵头单位：/责任单位：/配合单位：…, the labels of rulesets/data/roles.yaml),
each full-width space the value had between two names becomes 、 in the normalised text (its column that of
the space), when every piece the spaces cut the value into reads as a body's name (局, 海关, 管理委员会, 各镇（街道）
…: rulesets/data/units.yaml). A name broken by a stray space ("县农业　农村局") has a piece that is no body's,
and stays as normalisation left it.
"""

from __future__ import annotations

import itertools
import re

from engine.roles import field_label_colon

_END = re.compile(r"[)）\]］】;；。]")


def separate(orig: str, text: str, cols: list[int]) -> tuple[str, list[int]]:
    """`text` (normalised from `orig`, `cols` its 1-based columns in `orig`) with 、 where a unit field's
    value had a full-width space between two names."""
    if "\u3000" not in orig or not text:
        return text, cols
    fields = list(field_label_colon().finditer(text))
    if not fields:
        return text, cols
    from engine.extract import reads_as_unit  # imported here: ingest runs before extract is needed

    cuts: list[int] = []
    for k, f in enumerate(fields):
        stop = fields[k + 1].start() if k + 1 < len(fields) else len(text)
        end = _END.search(text, f.end(), stop)
        end_at = end.start() if end else stop
        gaps = [
            i
            for i in range(f.end() + 1, end_at)
            if cols[i] - cols[i - 1] > 1 and "\u3000" in orig[cols[i - 1] : cols[i] - 1]
            and not orig[cols[i - 1] : cols[i] - 1].strip(" \u3000")
        ]
        if not gaps:
            continue
        bounds = [f.end(), *gaps, end_at]
        pieces = [text[a:b].strip(" 等") for a, b in itertools.pairwise(bounds)]
        if all(p and reads_as_unit(p) for p in pieces):
            cuts += gaps
    if not cuts:
        return text, cols
    out, ocols, prev = [], [], 0
    for i in cuts:
        out.append(text[prev:i])
        ocols += cols[prev:i]
        out.append("、")
        ocols.append(cols[i - 1] + 1)  # the space's column
        prev = i
    out.append(text[prev:])
    ocols += cols[prev:]
    return "".join(out), ocols
