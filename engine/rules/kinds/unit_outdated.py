"""unit_outdated: a unit abolished or renamed (2018 机构改革 and others) before the draft's date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from engine.extract.unitnames import Mention, Registry, bare_prefix, is_history, mentions, registry_from
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(KindOptions):
    roles: list[Literal["lead", "support", "text"]] = Field(
        default_factory=lambda: ["lead", "support", "text"],
        description="where a name counts: lead/support units of a responsibility clause, or the measure text "
        "(text mentions that speak of the past — 原县工商局, 撤销…, 整合…职责 — never count)",
    )


def successor_name(mention: Mention, reg: Registry, draft_level: str) -> str:
    """The successor under the mention's own prefix: 县法制办 -> 县司法局, 自治区法制办 -> 自治区司法厅."""
    read = mention.read
    assert read.rename is not None
    body = reg.bodies[read.rename.successor]
    level = read.level if read.level != "unknown" else draft_level
    if read.rename.tier == "national":
        level = "national"

    own = bare_prefix(read.prefix)[-1:] if read.prefix else ""
    full = reg.full_name(body, level, own)
    prefix = read.prefix
    if body.kind == "party" and prefix and not prefix.endswith("委") and not full.startswith(("委", "中央", "中共")):
        prefix += "党委" if prefix.endswith(("省", "自治区")) else "委"  # 县法制… -> 县委…: a party department
    return prefix + full


class UnitOutdated(CheckKind):
    name = "unit_outdated"
    description = (
        "方案写了在方案日期之前已撤销或更名的单位（如 2018—2019 年机构改革后的“县法制办”“县工商局”“县环保局”"
        "“县卫计局”），任务就落在一个已不存在的机关身上。单位及其撤并日期、承继单位和依据见 "
        "rulesets/data/unit_registry.yaml（renames）；日期取改革允许完成的最晚日期（地方机构改革为 2019 年 3 月底），"
        "改革进行中起草的方案不报。方案日期取自落款日期或标题年份，否则取 --date；都没有时本检查跳过。"
        "回顾历史的写法（原县工商局、撤销……、整合……职责）不报。"
    )
    description_en = (
        "The draft names a unit abolished or renamed before its date (after the 2018-2019 institutional reform: "
        "县法制办, 县工商局, 县环保局, 县卫计局 …), so the task falls to a body that no longer exists. Renames, "
        "their dates, successors and sources are in rulesets/data/unit_registry.yaml (renames); a date is the "
        "latest the reform allowed (end of March 2019 for local reform), so plans drafted during the rollout are "
        "not reported. The draft's date comes from its date line or a year in its title, else --date; without "
        "one the check is skipped. Mentions of the past (原县工商局, 撤销…, 整合…职责) are not reported."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "“{unit}”已于{until}前撤并（{source}），方案日期{date}时应写作“{successor}”",
        "en": "'{unit}' was abolished or renamed by {until} ({source}); at the draft's date {date} it is '{successor}'",
    }
    suggestion: ClassVar[dict[str, str]] = {"zh": "改为“{successor}”", "en": "write '{successor}'"}
    needs_date = True

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        if ctx.draft_date is None:
            return
        date = dt.date.fromisoformat(ctx.draft_date)
        reg = registry_from(ctx.data)
        seen: set[tuple[str | None, str]] = set()
        for mention in mentions(ctx.draft, reg):
            read = mention.read
            if read.rename is None or read.rename.until >= date or mention.role not in options.roles:
                continue
            measure = ctx.measure(mention.item)
            if measure is not None and not ctx.in_scope(measure):
                continue
            if mention.role == "text" and is_history(mention):
                continue
            if (mention.item, read.name) in seen:
                continue
            seen.add((mention.item, read.name))
            successor = successor_name(mention, reg, ctx.draft.level)
            source = reg.data.sources.get(read.rename.source, read.rename.source)
            fields = {
                "unit": read.name,
                "until": read.rename.until.isoformat(),
                "source": re.split(r"[（(：:]", source, maxsplit=1)[0],
                "date": ctx.draft_date,
                "successor": successor,
            }
            yield Hit(
                local_item=mention.item,
                quote=read.name,
                fields=fields,
                suggestion=(self.suggestion["en" if ctx.lang == "en" else "zh"]).format(successor=successor),
                key=f"{read.name}",
            )


KIND = UnitOutdated
