"""reference_outdated: a reference no longer current at the draft's date, from rulesets/data/references.yaml.

Party congresses cited as the current guidance after the next one opened (党的十九大精神 in 2023),
plans and 纲要 cited as the basis after the named successor replaced them, laws cited under a repealed
title. A period that merely ended, with no successor in the data, is reference_period_ended's.
Telling history (党的十九大以来, “十三五”时期) is not a finding. The data and the reading of a citation are
engine.rules.references.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field

from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.references import REFERENCES_PATH, Reference, References, load_references, replaced

__all__ = ["KIND", "REFERENCES_PATH"]


class Options(KindOptions):
    kinds: list[Literal["congress", "plan", "period", "law", "goal"]] = Field(
        default_factory=lambda: ["congress", "plan", "period", "law", "goal"],
        description="which kinds of reference are checked",
    )
    file: str | None = Field(None, description="a reference list to use instead of rulesets/data/references.yaml")


class ReferenceOutdated(CheckKind):
    name = "reference_outdated"
    description = (
        "方案把已经过时的文件当作现行依据：2022 年 10 月党的二十大召开后仍写“深入贯彻党的十九大精神”，已由写明的"
        "新一期取代的规划、纲要（如《法治政府建设实施纲要（2015—2020年）》）仍作“根据”（只知实施期已满、不知有无新一期的，"
        "见 reference_period_ended），已废止或改名的法律法规仍按旧名引用"
        "（《合同法》《信访条例》），已经实现的目标仍作为要实现的目标（2021 年 7 月后仍写“为全面建成小康社会提供保障”）。名单、日期和来源见 rulesets/data/references.yaml；回顾历史的写法"
        "（党的十九大以来、“十三五”时期）不报。方案日期取自落款日期或标题年份，否则取 --date；都没有时本检查跳过。"
    )
    description_en = (
        "The draft cites as current what is no longer: 党的十九大精神 after the 20th congress opened (October "
        "2022), a plan or 纲要 replaced by a named successor as its basis (one whose period merely ended, with no "
        "successor known, is reference_period_ended's), a law under a repealed or superseded title "
        "(《合同法》, 《信访条例》). The dated list and its sources are rulesets/data/references.yaml; telling "
        "history (党的十九大以来, “十三五”时期) is not reported. The draft's date comes from its date line or a year "
        "in its title, else --date; without one the check is skipped."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "“{reference}”在方案日期{date}时已不是现行依据（{until}后由{successor}取代）",
        "en": "'{reference}' is no longer current at the draft's date {date} (replaced by {successor} after {until})",
    }
    suggestion: ClassVar[dict[str, str]] = {"zh": "改为{successor}", "en": "cite {successor}"}
    needs_date = True

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        if ctx.draft_date is None:
            return
        date = dt.date.fromisoformat(ctx.draft_date)
        refs = load_references(Path(options.file)) if options.file else load_references()
        lang = "en" if ctx.lang == "en" else "zh"
        texts: list[tuple[str | None, str]] = [(None, ctx.draft.preamble)]
        texts += [(m.ref, m.text) for m in ctx.measures()]
        texts.append((None, ctx.draft.closing))
        seen: set[tuple[str | None, str, str]] = set()
        for item, text in texts:
            taken: list[tuple[int, int]] = []
            for ref in refs.references:
                if ref.kind not in options.kinds or (ref.hints and not any(h in text for h in ref.hints)):
                    continue
                for quote, until, start, end in replaced(ref, refs, text, date):
                    # one finding per congress per measure (十九大 and 十九届五中全会 are one slip), one per
                    # title otherwise: 《合同法》《物权法》 are two citations to correct
                    key = (item, ref.id, "" if ref.kind == "congress" else quote)
                    if key in seen or any(a < end and start < b for a, b in taken):
                        continue  # the same words already reported under another entry
                    seen.add(key)
                    taken.append((start, end))
                    successor = self._successor(ref, refs, date)
                    fields = {"reference": quote, "date": ctx.draft_date, "until": until.isoformat(),
                              "successor": successor}
                    yield Hit(
                        local_item=item,
                        quote=quote,
                        fields=fields,
                        suggestion=self.suggest(lang, {"successor": successor}),
                        key=f"{ref.id}:{quote}",
                    )

    @staticmethod
    def _successor(ref: Reference, refs: References, date: dt.date) -> str:
        if ref.kind == "congress":
            for r in refs.references:
                if r.kind == "congress" and r.since and r.since <= date and (r.until is None or date < r.until):
                    return r.label or r.id
        return ref.successor or ""


KIND = ReferenceOutdated
