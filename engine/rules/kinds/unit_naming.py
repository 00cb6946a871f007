"""unit_naming: one unit under two names in one draft (县发改局 here, 县发展和改革局 there)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.extract.unitnames import Mention, mentions, registry_from
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(KindOptions):
    include_text: bool = Field(
        True, description="also count names written in the measure text, not only in responsibility clauses"
    )


def _group(m: Mention) -> tuple[str, str, str] | None:
    """Mentions of one of the draft's own bodies: (place, body id, tier of the name).

    Only the draft's own units: how it writes another level's body (市发改委, 中办) is quoting."""
    read = m.read
    if read.body is None or read.branch or read.rename is not None or read.relation != "self":
        return None
    return "self", read.body.id, "national" if read.level == "national" else "local"


class UnitNaming(CheckKind):
    name = "unit_naming"
    description = (
        "同一单位在一份方案里有两种写法（此处“县发改局”，彼处“县发展和改革局”；“区人社局”与“区人力资源和社会保障局”），"
        "读者会以为是两个单位，也显得粗糙。同一单位的全称、简称见 rulesets/data/unit_registry.yaml（bodies）；"
        "“县委编办”与“县编办”只是前缀不同，不算两种写法。建议统一为方案中用得最多的写法（一样多时用登记表为本级列出的"
        "名称，再用全称）。"
    )
    description_en = (
        "One unit under two names in one draft (县发改局 here, 县发展和改革局 there) reads as two units and looks "
        "careless. Full and short names of a body are in rulesets/data/unit_registry.yaml (bodies); 县委编办 and "
        "县编办 differ only in the prefix and are one name. The suggestion is the form the draft uses most (on a tie, "
        "the name the registry gives for the draft's level, then the full name)."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "“{unit}”与本方案其他地方的“{other}”是同一单位，写法不一致",
        "en": "'{unit}' is the same unit as '{other}' elsewhere in the draft, written differently",
    }
    suggestion: ClassVar[dict[str, str]] = {"zh": "统一写作“{right}”", "en": "write '{right}' throughout"}

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        lang = "en" if ctx.lang == "en" else "zh"
        reg = registry_from(ctx.data)
        groups: dict[tuple[str, str, str], list[Mention]] = {}
        for m in mentions(ctx.draft, reg):
            if m.role == "text" and not options.include_text:
                continue
            key = _group(m)
            if key is not None:
                groups.setdefault(key, []).append(m)
        for (_, body_id, tier), found in groups.items():
            counts = Counter(m.read.form for m in found)
            if len(counts) < 2:
                continue
            body = reg.bodies[body_id]
            names = [*body.national, *body.province, *body.local] if tier == "national" else [*body.local, *body.province]
            at = reg.at_level(body, ctx.draft.level) if tier != "national" else None
            if at is not None:  # the names the registry gives for the draft's level come first on a tie
                names = [*(n for n in at.names if "{" not in n), *names]
            order: dict[str, int] = {}
            for i, n in enumerate(names):
                order.setdefault(n, i)  # a name listed twice keeps its first place
            right = min(counts, key=lambda f: (-counts[f], order.get(f, len(order)), f))
            example = next(m for m in found if m.read.form == right).read.name
            reported: set[str] = set()
            for m in found:
                form = m.read.form
                if form == right or form in reported:
                    continue
                measure = ctx.measure(m.item)
                if measure is not None and not ctx.in_scope(measure):
                    continue
                reported.add(form)
                fixed = m.read.name[: len(m.read.name) - len(form)] + right
                yield Hit(
                    local_item=m.item,
                    quote=m.read.name,
                    fields={"unit": m.read.name, "other": example, "right": fixed},
                    suggestion=self.suggest(lang, {"right": fixed}),
                    key=f"{body_id}:{form}",
                )


KIND = UnitNaming
