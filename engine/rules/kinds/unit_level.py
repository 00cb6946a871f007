"""unit_level: a lead unit of another level or jurisdiction (自治区司法厅 leading a county task)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from engine.extract.responsibility import KEY_RE, is_lead_key, is_primary_key
from engine.extract.unitnames import Mention, Where, is_level_word, mentions, own_words, registry_from, stem
from engine.models import Measure
from engine.parse.level import PROVINCES
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions

_SELF_WORD = {"county": "县", "city": "市", "province": "省"}
_FULL_PROVINCE = {short: full for full, short in PROVINCES.items()}


class Options(KindOptions):
    roles: list[Literal["lead", "responsible", "support"]] = Field(
        default_factory=lambda: ["lead", "responsible"],
        description="which responsibility units are checked: lead units, units listed as responsible beside a "
        "lead (责任单位, 负责单位 …), and/or every support unit; a plan may ask an upper body to assist "
        "(配合单位), but not hand it the task",
    )
    below: bool = Field(
        True,
        description="also report a unit of a lower level named as lead or responsible (县司法局 in a province "
        "plan): a level word (县, 区) is a slip, warned; a named lower place (南宁市司法局) may be a real "
        "assignment, noted as info; towns, streets, villages and communities are never reported",
    )


def own_prefix(where: Where, party: bool) -> str:
    """How the draft writes its own units: 区 / 县 (区委 / 县委 for party departments)."""
    j = _FULL_PROVINCE.get(where.jurisdiction, where.jurisdiction)
    # the usual word of its own bodies (rulesets/data/levels.yaml own_unit_words: 县 for an 自治县, 林区 for 神农架林区)
    word = next(iter(own_words(where)), "") or _SELF_WORD.get(where.level, "") or stem(j)
    if party:
        return word + ("党委" if word in ("自治区", "省") else "委")
    return word


class UnitLevel(CheckKind):
    name = "unit_level"
    description = (
        "牵头单位或责任单位写成了别的层级或别的地方的单位（县级方案由“自治区司法厅”“市生态环境局”牵头，区级方案由"
        "“柳北区司法局”牵头，省级方案由“司法部”牵头），任务就交给了本级管不了的机关，多半是照抄上级文本留下的；"
        "上级方案把任务写给“县司法局”这样的下级单位，同样是层级错位（以层级词“县”“区”开头的报警告，写明地名的"
        "“长沙市司法局”可能确有所指，只作提示）。单位名称按前缀（国家、自治区、市、县、区、地名、X委）和名称本身"
        "（部、厅、局）判断层级，地名的层级以行政区划表为准（四会市、桂平市是县级市，与县同级），名称见 "
        "rulesets/data/unit_registry.yaml。上级单位设在本地的分支（市公安局城中分局、市生态环境局X分局）、垂直管理单位"
        "（税务、海关、人民银行、气象等）、法院检察院、镇街村社区都不报；登记表不认识的单位不报；配合单位不报"
        "（可以请上级协助），但与牵头单位并列的“责任单位”要报。建议改为本级对应单位。"
    )
    description_en = (
        "A lead or responsible unit of another level or place (自治区司法厅 or 市生态环境局 leading a county task, "
        "柳北区司法局 in 城中区's plan, 司法部 in a province plan) hands the task to a body the plan cannot direct, "
        "usually a copy of the parent's text; a higher plan naming a lower unit such as 县司法局 is a level slip too "
        "(warned when written with a level word, only noted when a place is named: 长沙市司法局 may be meant). "
        "The level comes from the name's prefix (国家, 自治区, 市, 县, 区, a place name, X委) and the name itself "
        "(部, 厅, 局), read with rulesets/data/unit_registry.yaml; a named place takes the gazetteer's level "
        "(四会市 and 桂平市 are county-level cities, siblings of a county). Branches of an upper body located here "
        "(市公安局城中分局), vertically managed bodies (tax, customs, the central bank, meteorology …), courts and "
        "procuratorates, towns, streets and villages, and units the registry does not know are not reported; "
        "support units (配合单位) are not either, as a plan may ask any body to assist, but units listed as "
        "responsible beside a lead (责任单位) are. The suggestion names the plan's own counterpart."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项的{role}“{unit}”是{where}的单位，{why}",
        "en": "measure {local_item}: {role} '{unit}' belongs to {where}, {why}",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "改为本级对应单位“{counterpart}”，或将其列为配合单位并写明“协调”",
        "en": "name the plan's own counterpart '{counterpart}', or list the unit as one to coordinate with",
    }
    _ROLE: ClassVar[dict[str, dict[str, str]]] = {"lead": {"zh": "牵头单位", "en": "lead unit"}, "support": {"zh": "配合单位", "en": "support unit"}}
    _ROLE_RESPONSIBLE: ClassVar[dict[str, str]] = {"zh": "责任单位", "en": "responsible unit"}
    _WHERE: ClassVar[dict[str, dict[str, str]]] = {
        "upper": {"zh": "上级", "en": "a higher level"},
        "other": {"zh": "其他地方", "en": "another jurisdiction"},
        "below": {"zh": "下级", "en": "a lower level"},
    }
    _WHY: ClassVar[dict[str, dict[str, str]]] = {
        "zh": {"upper": "不归本级方案部署", "other": "不归本级方案部署", "below": "本级方案的任务应由本级单位承担"},
        "en": {"upper": "which this plan cannot direct", "other": "which this plan cannot direct",
               "below": "while this plan's tasks belong to its own level's units"},
    }
    suggestion_below: ClassVar[dict[str, str]] = {
        "zh": "改为本级对应单位“{counterpart}”；确需下级落实的，写明由哪一级、哪些地方的单位负责",
        "en": "name the plan's own counterpart '{counterpart}'; where lower levels must act, say which ones",
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
            if read.relation not in ("upper", "other", "below") or read.branch:
                continue
            body = read.body
            if body is None or body.kind in ("court", "vertical"):
                continue
            measure = ctx.measure(mention.item)
            if measure is None or not ctx.in_scope(measure) or (mention.item, read.name) in seen:
                continue
            role = _role(mention, measure)
            if role not in options.roles and not (role == "responsible" and "support" in options.roles):
                continue
            severity = None
            if read.relation == "below":
                if not options.below or read.level not in ("province", "city", "county"):
                    continue  # towns, streets, villages carry out every level's plans
                if not is_level_word(read.prefix):
                    severity = "info"  # 南宁市司法局 in a province plan: a named place may be meant
            seen.add((mention.item, read.name))
            word = own_prefix(where, False)
            level = ctx.draft.level
            if level == "province" and _FULL_PROVINCE.get(where.jurisdiction, where.jurisdiction).endswith("市"):
                level = "city"  # a province-level city's departments are 局, not 厅
            full = reg.full_name(body, level, word[-1:])
            counterpart = own_prefix(where, body.kind == "party" and not full.startswith("委")) + full
            fields = {
                "local_item": measure.ref,
                "role": (self._ROLE_RESPONSIBLE if role == "responsible" else self._ROLE[role])[lang],
                "unit": read.name,
                "where": self._WHERE[read.relation][lang],
                "why": self._WHY[lang][read.relation],
                "counterpart": counterpart,
            }
            template = self.suggestion_below if read.relation == "below" else self.suggestion
            yield Hit(
                local_item=measure.ref,
                quote=read.name,
                fields=fields,
                suggestion=template[lang].format(counterpart=counterpart),
                severity=severity,  # type: ignore[arg-type]
                key=f"{mention.role}:{read.name}",
            )


def _role(mention: Mention, measure: Measure) -> str:
    """lead, support, or responsible: a support unit the clause lists under a responsible key
    (牵头单位：A；责任单位：B): B answers for the task, it does not merely assist."""
    if mention.role != "support":
        return mention.role
    r = measure.responsibility
    if r is None:
        return "support"
    at = r.text.find(mention.read.name)
    keys = [k.group(1) for k in KEY_RE.finditer(r.text, 0, at if at >= 0 else len(r.text))]
    # only beside a lead named under its own key: in (责任单位：A牵头，B配合) the field's own words make B support
    beside_lead = len(keys) > 1 and not is_primary_key(keys[-1]) and any(map(is_primary_key, keys[:-1]))
    return "responsible" if beside_lead and is_lead_key(keys[-1]) else "support"


KIND = UnitLevel
