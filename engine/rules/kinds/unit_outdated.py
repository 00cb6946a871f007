"""unit_outdated: a unit abolished or renamed (2018 机构改革 and others) before the draft's date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from engine.extract.unitnames import (
    Mention,
    Registry,
    Where,
    bare_prefix,
    is_history,
    mentions,
    registry_from,
)
from engine.models import LEVEL_RANK
from engine.parse.level import PROVINCES
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(KindOptions):
    roles: list[Literal["lead", "support", "text"]] = Field(
        default_factory=lambda: ["lead", "support", "text"],
        description="where a name counts: lead/support units of a responsibility clause, or the measure text "
        "(text mentions that speak of the past — 原县工商局, 撤销…, 整合…职责 — never count)",
    )


def successor_names(mention: Mention, reg: Registry, where: Where) -> tuple[list[str], str | None]:
    """The successor under the mention's own prefix: 县法制办 -> 县司法局, 自治区法制办 -> 自治区司法厅;
    where the registry names the body differently at the unit's level (a county's environment body is
    the city bureau's branch; a county's culture body has two names in use), those names, usual first,
    and the source id of those level names."""
    read = mention.read
    assert read.rename is not None
    body = reg.bodies[read.rename.successor]
    level = read.level if read.level != "unknown" else where.level
    if read.rename.tier == "national":
        level = "national"

    own = bare_prefix(read.prefix)[-1:] if read.prefix else ""
    prefix = read.prefix
    if body.kind == "party" and prefix and not prefix.endswith("委") and not reg.full_name(body, level, own).startswith(
        ("委", "中央", "中共")
    ):
        prefix += "党委" if prefix.endswith(("省", "自治区")) else "委"  # 县法制… -> 县委…: a party department
    at = reg.at_level(body, level)
    if at is not None:
        place, upper = _places_of(mention, where, level)
        if upper is not None or not any("{upper}" in n for n in at.names):
            # plain substitution: the names are data, never a format string
            names = [n.replace("{place}", place).replace("{upper}", upper or "") if "{" in n else prefix + n for n in at.names]
            return names, at.source
    return [prefix + reg.full_name(body, level, own)], None


def _title(source: str) -> str:
    """A source's document title, without the details after it."""
    return re.split(r"[（(：:]", source, maxsplit=1)[0]


_FULL_PROVINCE = {short: full for full, short in PROVINCES.items()}


def _province_level(place: str) -> bool:
    return place in PROVINCES or place in PROVINCES.values()


def _places_of(mention: Mention, where: Where, level: str) -> tuple[str, str | None]:
    """({place}, {upper}) for a unit at `level`: its own place name (广宁县; ××县 when the draft does not
    say) and the city above it (肇庆市; 市 when unknown; None when the place above is a
    province-level city, whose districts keep their own bureaus)."""
    read = mention.read
    p = bare_prefix(read.prefix)
    word = p if p in ("县", "区", "市", "旗", "州", "盟", "省", "自治区") else ""
    one_up = LEVEL_RANK.get(where.level, -9) - 1 == LEVEL_RANK.get(level, 0)
    if read.relation == "self" and where.jurisdiction:
        place = where.jurisdiction
    elif p and not word:
        place = p
    elif read.relation == "upper" and one_up and where.parent:
        place = where.parent  # 县环保局 in a town's plan: the county above it
    else:
        place = "××" + (word or {"county": "县", "city": "市"}.get(level, ""))
    place = _FULL_PROVINCE.get(place, place)  # 广西 -> 广西壮族自治区: bodies are named in full
    upper: str | None = "市" if level == "county" else "省"
    if read.relation == "self" and where.parent:
        upper = None if _province_level(where.parent) else where.parent
    elif read.relation == "below" and where.jurisdiction and LEVEL_RANK.get(where.level, -9) == LEVEL_RANK.get(level, 0) - 1:
        upper = None if _province_level(where.jurisdiction) else where.jurisdiction
    return place, upper


class UnitOutdated(CheckKind):
    name = "unit_outdated"
    description = (
        "方案写了在方案日期之前已撤销或更名的单位（如 2018—2019 年机构改革后的“县法制办”“县工商局”“县环保局”"
        "“县卫计局”），任务就落在一个已不存在的机关身上。单位及其撤并日期、承继单位和依据见 "
        "rulesets/data/unit_registry.yaml（renames）；日期取改革允许完成的最晚日期（地方机构改革为 2019 年 3 月底），"
        "改革进行中起草的方案不报。方案日期取自落款日期或标题年份，否则取 --date；都没有时本检查跳过。"
        "回顾历史的写法（原县工商局、撤销……、整合……职责）不报。同一方案既写旧名又写新名（市国土资源局和"
        "市自然资源局）的，不论方案日期都报告，建议统一为方案中已用的新名。"
    )
    description_en = (
        "The draft names a unit abolished or renamed before its date (after the 2018-2019 institutional reform: "
        "县法制办, 县工商局, 县环保局, 县卫计局 …), so the task falls to a body that no longer exists. Renames, "
        "their dates, successors and sources are in rulesets/data/unit_registry.yaml (renames); a date is the "
        "latest the reform allowed (end of March 2019 for local reform), so plans drafted during the rollout are "
        "not reported. The draft's date comes from its date line or a year in its title, else --date; without "
        "one the check is skipped. Mentions of the past (原县工商局, 撤销…, 整合…职责) are not reported. A draft "
        "naming one body by both its old and its new name (市国土资源局 and 市自然资源局) is reported whatever "
        "its date, suggesting the new name it already uses."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "“{unit}”{why}应写作“{successor}”{also}",
        "en": "'{unit}' {why} it is '{successor}'{also}",
    }
    # why the name is wrong: abolished before the draft's date, or the draft uses the new name too
    why: ClassVar[dict[str, dict[str, str]]] = {
        "outdated": {
            "zh": "已于{until}前撤并（{source}），方案日期{date}时",
            "en": "was abolished or renamed by {until} ({source}); at the draft's date {date}",
        },
        "both": {
            "zh": "与本方案中的“{successor}”是同一机构的旧名和新名，全文",
            "en": "is the old name of '{successor}', which the draft also uses; throughout",
        },
    }
    suggestion: ClassVar[dict[str, str]] = {"zh": "改为“{successor}”{also}", "en": "write '{successor}'{also}"}
    # several names in use at the unit's level: each is right, the office's own 三定 decides
    also: ClassVar[dict[str, str]] = {"zh": "（或“{others}”，以本级机构设置为准）", "en": " (or '{others}', as set up locally)"}
    needs_date = True

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        date = dt.date.fromisoformat(ctx.draft_date) if ctx.draft_date else None
        reg = registry_from(ctx.data)
        found = mentions(ctx.draft, reg)
        # bodies the draft names by their current name, by the prefix they are written with
        current = {
            (bare_prefix(m.read.prefix), m.read.body.id): m.read.name
            for m in found
            if m.read.body is not None and m.read.rename is None and m.role in options.roles
        }
        seen: set[tuple[str | None, str]] = set()
        for mention in found:
            read = mention.read
            if read.rename is None or mention.role not in options.roles:
                continue
            new_name = current.get((bare_prefix(read.prefix), read.rename.successor))
            if new_name is not None and reg.bodies[read.rename.successor].since is None:
                new_name = None  # merged into a body that stood beside it (法制办 -> 司法局): both may be named
            outdated = date is not None and read.rename.until < date
            if not outdated and new_name is None:
                continue
            measure = ctx.measure(mention.item)
            if measure is not None and not ctx.in_scope(measure):
                continue
            if mention.role == "text" and is_history(mention):
                continue
            if (mention.item, read.name) in seen:
                continue
            seen.add((mention.item, read.name))
            lang = "en" if ctx.lang == "en" else "zh"
            if not outdated and new_name is not None:
                # the old and the new name of one body in one draft: whatever its date, one is a slip
                why = self.why["both"][lang].format(successor=new_name)
                fields = {"unit": read.name, "successor": new_name, "also": "", "why": why}
                yield Hit(
                    local_item=mention.item,
                    quote=read.name,
                    fields=fields,
                    suggestion=self.suggest(lang, {"successor": new_name, "also": ""}),
                    key=f"{read.name}",
                )
                continue
            names, at_source = successor_names(mention, reg, Where.of(ctx.draft))
            successor = new_name or names[0]
            others = [n for n in names if n != successor]
            sep = "”或“" if lang == "zh" else "' or '"
            also = self.also[lang].format(others=sep.join(others)) if others and new_name is None else ""
            sources = [read.rename.source, *([at_source] if at_source and at_source != read.rename.source else [])]
            fields = {
                "unit": read.name,
                "until": read.rename.until.isoformat(),
                "source": "；".join(dict.fromkeys(_title(reg.data.sources.get(x, x)) for x in sources)),
                "date": ctx.draft_date or "",
                "successor": successor,
                "also": also,
            }
            fields["why"] = self.why["outdated"][lang].format(**fields)
            yield Hit(
                local_item=mention.item,
                quote=read.name,
                fields=fields,
                suggestion=self.suggest(lang, {"successor": successor, "also": also}),
                key=f"{read.name}",
            )

KIND = UnitOutdated
