"""level_scope: tasks or wording beyond what the draft's level can do or address.

Copying a higher level's plan carries its powers along: a district "推进…等方面立法" (only provinces
and 设区的市 make 地方性法规/规章), "建立和完善市、区总体应急预案" (the city's plan is the city's),
"优化整合提升各级政务大厅" and "各地各领域" (a district of 街道 has no 各级政府 or 各地 below it),
"整合优化全自治区政务服务资源" (only the region can). Everything comes from levels.yaml:

- legislation: `legislation_doing` patterns (a making verb and the kind of law within one clause:
  研究制定城市管理方面的政府规章), reported where the level's `legislation` is false, unless the
  sentence assists the level that legislates (`legislation_assisting`: 协助配合, 配合, 提出立法建议,
  按上级部署 …) or the verb is an attribute (执行上级制定的规章) or the thing is 规章制度.
- subordinate levels: `subordinate_phrases` with `when`: no_localities (county/town plans: 各地,
  各层级) or no_governments (a town; a county-level plan that never mentions towns — `towns_below` —
  i.e. a district of 街道 only: 各级政府, 各级政务大厅, 各级行政复议). Decision: 各级各类（预案）,
  各级特别是基层, 全区各级互联 are not reported — 区、街道、社区 are 各级 of organisation even
  where there is one level of government.
- another level's plans/systems: a build verb, then an enumeration of levels (市、区) with a higher
  one in it, then a plan/system word (`build_verbs`, `built_things`).
- the scope of a higher level (`higher_scopes`: 全自治区).
Text inside 《》 is never reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.models import LEVEL_RANK
from engine.rules import textunits as tu
from engine.rules.beyond import scope_spans
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(KindOptions):
    legislation: bool = Field(
        True, description="report legislative tasks at a level without legislative power"
    )
    subordinates: bool = Field(True, description="report 各级/各地 addressed below a level that has none")
    other_level_plans: bool = Field(
        True, description="report building another (higher) level's plans or systems"
    )
    higher_scope: bool = Field(True, description="report acting on a higher level's whole area (全自治区)")


_WHAT = {
    "legislation": (
        "本级没有地方立法权（地方性法规、规章），不能把立法列为本级任务",
        "this level has no power to make local laws or rules",
    ),
    "subordinate": (
        "本级以下没有相应层级，照抄了上级对下级的表述",
        "nothing of that kind stands below this level; copied from the parent",
    ),
    "plan": (
        "包含上级的规划/体系，本级只能建设本级的",
        "builds a higher level's plan or system; this level can only build its own",
    ),
    "scope": (
        "是上级的职责范围，本级不能承诺",
        "is the higher level's scope; this level cannot commit to it",
    ),
}


def _reason(lv: dict, kind: str, when: str, level: str) -> tuple[str, str]:
    """(zh, en) of why a phrase is beyond the level: for 各地/各级 addressed below (`when`), what stands below the
    draft's level says it (levels.yaml `subordinate_reasons`: below a county its 乡镇 and 街道, to be named; below a
    town only 村 and 社区); else the kind's own words."""
    got = ((lv.get("subordinate_reasons") or {}).get(when) or {}).get(level) if kind == "subordinate" else None
    if got and got.get("zh") and got.get("en"):
        return str(got["zh"]), str(got["en"])
    return _WHAT[kind]


class LevelScope(CheckKind):
    name = "level_scope"
    description = (
        "方案只能部署本级有权、有条件做的事。照抄上级文本时常把上级的职权带下来：区县没有立法权却写"
        "“推进……立法”；编制上级的预案（“建立和完善市、区总体应急预案”）；对本级以下并不存在的层级提要求"
        "（只设街道的区写“各级政府”“各地各领域”）；承诺只有上级能做的事（“整合优化全自治区政务服务资源”）。"
        "本检查依据层级表（levels.yaml）报告这些措辞；“协助配合”“提出立法建议”“按上级部署”等配合性表述不报告。"
    )
    description_en = (
        "A plan can only commit its own level. Copying carries the parent's powers along: legislation at a "
        "level without legislative power, building a higher level's plans, addressing 各级/各地 below a level "
        "that has none, acting on the parent's whole area. Uses the level table (levels.yaml); assisting the "
        "level that acts (协助配合, 提出立法建议, 按上级部署) is fine."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {"zh": "“{phrase}”：{reason}", "en": "'{phrase}': {reason}"}
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "改为本级能做的表述（如“协助配合”“按上级部署”），或删去",
        "en": "rephrase as what this level can do (assist, follow the higher level's arrangements) or drop it",
    }

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        lv = ctx.table("levels")
        draft = ctx.draft
        if LEVEL_RANK.get(draft.level, -1) < 0:
            return
        enabled = {why for why, on in (("legislation", options.legislation), ("subordinate", options.subordinates),
                                       ("plan", options.other_level_plans), ("scope", options.higher_scope)) if on}
        lang = "en" if ctx.lang == "en" else "zh"
        seen: set[tuple[str | None, int]] = set()
        for unit in tu.units(ctx):
            if unit.ref is None and unit.text == draft.title:
                continue
            text = unit.text
            found = scope_spans(ctx, lv, text, enabled)
            # one hit per clause, naming the tightest phrase found in it
            found.sort(key=lambda f: (tu.clause_around(text, f[0])[0], f[1] - f[0]))
            for s, e, why in found:
                cs, ce = tu.clause_around(text, s)
                if (unit.ref, cs) in seen:
                    continue
                seen.add((unit.ref, cs))
                quote = text[cs:ce].strip()
                line, col = tu.position(ctx, unit, quote)
                kind, _, when = why.partition(":")
                zh, en = _reason(lv, kind, when, draft.level)
                yield Hit(
                    local_item=unit.ref,
                    quote=quote,
                    fields={"phrase": text[s:e], "reason": en if lang == "en" else zh},
                    suggestion=self.suggest(lang, {}),
                    key=f"{kind}:{text[s:e]}",
                    line=line,
                    column=col,
                )


KIND = LevelScope
