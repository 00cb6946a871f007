"""reference_period_ended: a document cited as the basis whose own period ended before the draft's.

《某某三年行动方案（2023—2025年）》 or 《某省“十四五”教育发展规划》 cited as the basis (根据, 贯彻落实 …) of a
plan for 2026—2027, or of one dated 2026: the cited period is over. Whether a new edition has been issued
the tool cannot know, so it says only what the text proves (the cited period, when it ended, the draft's
period or date) and asks the clerk to check: cite the new edition, or say why the ended one still applies.
Citations rulesets/data/references.yaml names a successor for are reference_outdated's, reported there
(engine.rules.references reads the data and the citations for both).

The draft's own reference point: its period, from its title (2026—2027年, “十五五”), else its date
(engine.parse.dating: date line, title year, --date). With neither, nothing is judged. Read: the 印发
notice's sentences above the plan, the preamble, the measures and the closing; the draft's own title
(现将《本方案》印发给你们, 关于印发《…》的通知) is never a citation of another document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from pydantic import Field

from engine.models import Plan
from engine.parse.dating import title_period
from engine.parse.frontmatter import title_core
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.references import References, cited_as_current, load_references, replaced


class Options(KindOptions):
    file: str | None = Field(None, description="a reference list to use instead of rulesets/data/references.yaml")
    notice: bool = Field(True, description="also read the 印发 notice's sentences above the plan")


def _refs(options: Options) -> References:
    return load_references(Path(options.file)) if options.file else load_references()


def _years(first: int, last: int, lang: str) -> str:
    return f"{first}—{last}年" if lang == "zh" else f"{first}–{last}"


def _notice(plan: Plan) -> str:
    """The front matter's sentences above the plan (the 印发 notice): paragraphs before the first measure
    that are neither the preamble nor the title."""
    first = min((i for m in plan.measures for i in m.paragraphs), default=len(plan.paragraphs))
    return "\n".join(
        p.text for p in plan.paragraphs[:first] if p.text.strip() and p.text not in plan.preamble and p.text != plan.title
    )


def _own(plan: Plan) -> set[str]:
    """The draft's own titles, as a citation of it reads (without 《》)."""
    titles = {plan.title, title_core(plan.title), *plan.documents}
    return {"".join(t.split()) for t in titles if t}


class ReferencePeriodEnded(CheckKind):
    name = "reference_period_ended"
    description = (
        "方案以实施期已满的文件为依据：2026 年的方案仍写“贯彻落实《某某三年行动方案（2023—2025年）》”或“根据《某省"
        "“十四五”某某规划》”。所引文件的实施期（标题中的年份或“十四五”等期次）在本方案实施期开始前（或方案日期前）已经"
        "结束；是否已有新一期文件，工具无从知道，只提示核实：有则改引，仍须依据旧文件的说明理由。rulesets/data/"
        "references.yaml 写明了承继文件的（如《法治政府建设实施纲要（2015—2020年）》），由 reference_outdated 报告。"
        "方案的实施期取自标题（2026—2027年、“十五五”），否则取方案日期；都没有时不判断。方案自己的标题不算引用。"
    )
    description_en = (
        "The draft's basis is a document whose period has ended: a 2026 plan still written to carry out "
        "《某某三年行动方案（2023—2025年）》 or 《某省“十四五”某某规划》. The cited period (years in its title, or a "
        "plan number such as 十四五) ended before the draft's own period begins (or before its date); whether a "
        "new edition exists the tool cannot know, so it asks the clerk to check: cite the new edition, or say why "
        "the ended one still applies. Documents rulesets/data/references.yaml names a successor for are reported "
        "by reference_outdated. The draft's period comes from its title (2026—2027年, 十五五), else its date; "
        "with neither nothing is judged. The draft's own title is no citation."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "所引{reference}的实施期（{period}）已于{until}结束，早于{against}",
        "en": "the cited {reference} covers {period}, which ended on {until}, before {against}",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "核实是否已有新一期文件：有则改引新一期，仍须依据该文件的，说明理由",
        "en": "check whether a newer edition exists and cite it, or say why the ended one still applies",
    }
    needs_date = True

    def dated_without_date(self, plan: Plan) -> bool:
        return title_period(plan.title, load_references().numbered_periods) is not None

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        refs = _refs(options)
        lang = "en" if ctx.lang == "en" else "zh"
        own_period = title_period(ctx.draft.title, refs.numbered_periods)
        date = dt.date.fromisoformat(ctx.draft_date) if ctx.draft_date else None
        if own_period is None and date is None:
            return
        ended = [r for r in refs.references if r.kind == "period" and not r.successor]
        named = [r for r in refs.references if r.successor or r.kind == "congress"]
        own = _own(ctx.draft)
        texts: list[tuple[str | None, str]] = [(None, _notice(ctx.draft))] if options.notice else []
        texts += [(None, ctx.draft.preamble)]
        texts += [(m.ref, m.text) for m in ctx.measures()]
        texts.append((None, ctx.draft.closing))
        seen: set[tuple[str | None, str]] = set()
        for item, text in texts:
            # what reference_outdated reports at the draft's date (a named successor) is not asked again
            taken = [
                (a, b)
                for r in named
                if date is not None and not (r.hints and not any(h in text for h in r.hints))
                for _, _, a, b in replaced(r, refs, text, date)
            ]
            for ref in ended:
                if ref.hints and not any(h in text for h in ref.hints):
                    continue
                for quote, until, start, end in cited_as_current(ref, refs, text):
                    if "".join(quote.strip("《》").split()) in own or (item, quote) in seen:
                        continue
                    if any(a < end and start < b for a, b in taken):
                        continue
                    if own_period is not None and until.year < own_period[0]:
                        against = (
                            f"本方案实施期（{_years(*own_period, lang)}）开始"
                            if lang == "zh"
                            else f"the start of the draft's own period ({_years(*own_period, lang)})"
                        )
                    elif date is not None and until < date:
                        against = f"方案日期（{date.isoformat()}）" if lang == "zh" else f"the draft's date ({date.isoformat()})"
                    else:
                        continue  # still running at the draft's period and date
                    seen.add((item, quote))
                    taken.append((start, end))
                    cited = title_period(quote[1:-1] if quote.startswith("《") else quote, refs.numbered_periods)
                    period = _years(*cited, lang) if cited else str(until.year)
                    yield Hit(
                        local_item=item,
                        quote=quote,
                        fields={"reference": quote, "period": period, "until": until.isoformat(), "against": against},
                        suggestion=self.suggest(lang, {}),
                        key=f"{ref.id}:{quote}",
                    )


KIND = ReferencePeriodEnded
