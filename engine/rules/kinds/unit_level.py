"""unit_level: a lead unit of another level or jurisdiction (自治区司法厅 leading a county task)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from engine.extract.unitnames import Where, mentions, registry_from, stem
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions

_SELF_WORD = {"county": "县", "city": "市", "province": "省"}


class Options(KindOptions):
    roles: list[Literal["lead", "support"]] = Field(
        default_factory=lambda: ["lead"],
        description="which responsibility units are checked: lead (default) and/or support; a plan may ask an "
        "upper body to assist, but not hand it the task",
    )


def own_prefix(where: Where, party: bool) -> str:
    """How the draft writes its own units: 区 / 县 (区委 / 县委 for party departments)."""
    j = where.jurisdiction
    word = ""
    for suffix in ("自治县", "自治旗", "自治区", "县", "区", "旗", "市", "州", "盟", "省", "镇", "乡"):
        if j.endswith(suffix):
            word = {"自治县": "县", "自治旗": "旗"}.get(suffix, suffix)
            break
    word = word or _SELF_WORD.get(where.level, "") or stem(j)
    if party:
        return word + ("党委" if word in ("自治区", "省") else "委")
    return word


class UnitLevel(CheckKind):
    name = "unit_level"
    description = (
        "牵头单位写成了别的层级或别的地方的单位（县级方案由“自治区司法厅”“市生态环境局”牵头，区级方案由"
        "“柳北区司法局”牵头），任务就交给了本级管不了的机关，多半是照抄上级文本留下的。单位名称按前缀（国家、"
        "自治区、市、县、区、地名、X委）和名称本身（部、厅、局）判断层级，名称见 rulesets/data/unit_registry.yaml。"
        "上级单位设在本地的分支（市公安局城中分局、市生态环境局X分局）、垂直管理单位（税务、海关、人民银行、气象等）、"
        "法院检察院、本级以下的镇街村社区都不报；登记表不认识的单位不报。建议改为本级对应单位。"
    )
    description_en = (
        "A lead unit of another level or place (自治区司法厅 or 市生态环境局 leading a county task, 柳北区司法局 "
        "in 城中区's plan) hands the task to a body the plan cannot direct, usually a copy of the parent's text. "
        "The level comes from the name's prefix (国家, 自治区, 市, 县, 区, a place name, X委) and the name itself "
        "(部, 厅, 局), read with rulesets/data/unit_registry.yaml. Branches of an upper body located here "
        "(市公安局城中分局), vertically managed bodies (tax, customs, the central bank, meteorology …), courts and "
        "procuratorates, and towns, streets and villages below the plan are not reported, nor are units the "
        "registry does not know. The suggestion names the plan's own counterpart."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项的{role}“{unit}”是{where}的单位，不归本级方案部署",
        "en": "measure {local_item}: {role} '{unit}' belongs to {where}, which this plan cannot direct",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "改为本级对应单位“{counterpart}”，或将其列为配合单位并写明“协调”",
        "en": "name the plan's own counterpart '{counterpart}', or list the unit as one to coordinate with",
    }
    _ROLE: ClassVar[dict[str, dict[str, str]]] = {"lead": {"zh": "牵头单位", "en": "lead unit"}, "support": {"zh": "配合单位", "en": "support unit"}}
    _WHERE: ClassVar[dict[str, dict[str, str]]] = {
        "upper": {"zh": "上级", "en": "a higher level"},
        "other": {"zh": "其他地方", "en": "another jurisdiction"},
    }

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        if ctx.draft.level not in ("national", "province", "city", "county", "town"):
            return
        lang = "en" if ctx.lang == "en" else "zh"
        reg = registry_from(ctx.data)
        where = Where.of(ctx.draft)
        seen: set[tuple[str | None, str]] = set()
        for mention in mentions(ctx.draft, reg):
            read = mention.read
            if mention.role not in options.roles or read.relation not in ("upper", "other") or read.branch:
                continue
            body = read.body
            if body is None or body.kind in ("court", "vertical"):
                continue
            measure = ctx.measure(mention.item)
            if measure is None or not ctx.in_scope(measure) or (mention.item, read.name) in seen:
                continue
            seen.add((mention.item, read.name))
            word = own_prefix(where, False)
            full = reg.full_name(body, ctx.draft.level, word[-1:])
            counterpart = own_prefix(where, body.kind == "party" and not full.startswith("委")) + full
            fields = {
                "local_item": measure.ref,
                "role": self._ROLE[mention.role][lang],
                "unit": read.name,
                "where": self._WHERE[read.relation][lang],
                "counterpart": counterpart,
            }
            yield Hit(
                local_item=measure.ref,
                quote=read.name,
                fields=fields,
                suggestion=self.suggestion[lang].format(counterpart=counterpart),
                key=f"{mention.role}:{read.name}",
            )


KIND = UnitLevel
