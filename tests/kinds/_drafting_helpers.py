"""Hand-built plans for the drafting-kind unit tests: no parse/align stage involved."""

from __future__ import annotations

from pathlib import Path

import yaml

from engine.models import Alignment, AlignmentPair, Measure, Paragraph, Plan, Responsibility, Section
from engine.rules.kinds.base import CheckContext

DATA = {
    p.stem: yaml.safe_load(p.read_text("utf-8"))
    for p in (Path(__file__).parents[2] / "rulesets" / "data").glob("*.yaml")
}


def measure(ref: str, text: str, *, line: int = 0, path: list[str] | None = None, resp: Responsibility | None = None,
            style: str = "arabic_dot", ordinal: int | None = None, paragraphs: list[int] | None = None) -> Measure:  # fmt: skip
    return Measure(
        label=ref, ref=ref, style=style, ordinal=ordinal if ordinal is not None else (int(ref) if ref.isdigit() else 1),
        depth=len(path or []), path=path or [], title=text.split("。")[0], text=text, line=line,
        responsibility=resp, paragraphs=paragraphs or [],
    )  # fmt: skip


def plan(measures: list[Measure], *, jurisdiction: str = "城中区", level: str = "county", parent_j: str | None = "柳州市",
         sections: list[Section] | None = None, lines: list[str] | None = None, title: str = "", preamble: str = "") -> Plan:  # fmt: skip
    paras = [Paragraph(index=i, line=i + 1, text=t, orig=t) for i, t in enumerate(lines or [])]
    return Plan(
        source="draft.txt", title=title, jurisdiction=jurisdiction, parent_jurisdiction=parent_j, level=level,  # type: ignore[arg-type]
        measures=measures, sections=sections or [], paragraphs=paras, preamble=preamble,
    )  # fmt: skip


def ctx(
    draft: Plan, parent: Plan | None = None, pairs: list[tuple[str, list[str]]] | None = None
) -> CheckContext:
    al = Alignment(
        alignment=[AlignmentPair(parent_item=p, local_items=loc, relation="same") for p, loc in pairs or []]
    )
    return CheckContext(
        draft=draft, parent=parent, alignment=al if pairs else None, obligations={}, data=DATA
    )


def run(kind_module, c: CheckContext, **options):
    kind = kind_module.KIND()
    return list(kind.run(c, kind.Options(**options)))
