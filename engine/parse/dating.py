"""The draft's date for the dated checks (unit_outdated, reference_outdated): never guessed.

From the document's own date line (front matter; a line of year and month only, 2023年5月, counts
as the first of that month), else a single year in its title (2023年工作要点 ->
2023-01-01: the earliest day the plan can speak from, so a check never runs ahead of the text), else
the date the user gave (`--date`). A period in the title (2021-2025年) is no date: a plan for
2021-2025 may be written in 2020 or in 2023.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Literal

from engine.models import Plan
from engine.parse.level import strip_quotes
from engine.parse.numbering import cn_number

DateSource = Literal["date_line", "title", "option", "none"]

# a year that is not one end of a range: 2023年 but not 2021-2025年, 2016—2020年, 2021至2025年
_TITLE_YEAR = re.compile(r"(?<![\d\-—–~～至到])((?:19|20)\d{2})\s*年(?!\s*[\-—–~～至到]|\d)")
_RANGE_END = re.compile(r"(?:19|20)\d{2}\s*年?\s*[\-—–~～至到]\s*$")


def title_year(title: str) -> int | None:
    """The one year a title names for itself (2023年法治政府建设工作要点), else None."""
    years = set()
    title = strip_quotes(title)  # a year inside 《…》 is another document's
    for m in _TITLE_YEAR.finditer(title):
        if _RANGE_END.search(title[: m.start()]):
            continue
        years.add(int(m.group(1)))
    return years.pop() if len(years) == 1 else None


_TITLE_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*[\-—–~～至到]\s*((?:19|20)\d{2})\s*年?")


def title_period(title: str, numbered: Mapping[str, tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """The one period a title names for itself, first and last year: 2026—2027年 in 某县…行动方案（2026—2027年）,
    or a plan's number listed in `numbered` (十五五 -> 2026, 2030), else None. Not a date (see above): what a
    draft's own period tells is when it applies, for checks comparing it with a cited document's period."""
    title = strip_quotes(title)  # a period inside 《…》 is another document's
    found = {(int(m.group(1)), int(m.group(2))) for m in _TITLE_RANGE.finditer(title)}
    found |= {tuple(years) for name, years in (numbered or {}).items() if name in title}  # type: ignore[misc]
    found = {(a, b) for a, b in found if a <= b}
    return found.pop() if len(found) == 1 else None


_MONTH_LINE = re.compile(r"^\s*(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*$")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def month_line(text: str) -> str | None:
    """2023年5月 / 二〇二三年五月 alone on a line -> 2023-05-01 (the earliest day it can mean)."""
    m = _MONTH_LINE.match(text)
    if not m:
        return None
    y = m["y"]
    year = int(y) if y.isdigit() else int("".join(str(_CN_DIGIT[c]) for c in y))
    mo = m["m"]
    if not mo.isdigit():
        mo = str(cn_number(mo) or 0)
    month = int(mo)
    return f"{year:04d}-{month:02d}-01" if 1 <= month <= 12 else None


def draft_date(plan: Plan, given: str | dt.date | None = None) -> tuple[str | None, DateSource]:
    """(ISO date, where it came from) for `plan`; (None, "none") when neither the text nor the user says."""
    if plan.date:
        return plan.date, "date_line"
    # a signature dated by month only, above the measures or below them
    first = min((i for m in plan.measures for i in m.paragraphs), default=len(plan.paragraphs))
    last = max((i for m in plan.measures for i in m.paragraphs), default=-1)
    for p in [*plan.paragraphs[:first][:20], *plan.paragraphs[last + 1 :][-20:]]:
        found = month_line(p.text)
        if found:
            return found, "date_line"
    year = title_year(plan.title or "")
    if year is not None:
        return f"{year:04d}-01-01", "title"
    if given:
        return (given.isoformat() if isinstance(given, dt.date) else str(given)), "option"
    return None, "none"
