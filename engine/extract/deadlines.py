"""Deadlines: when a task must be done, as ISO dates a rule can compare.

`date` is always the LAST DAY ALLOWED. Decisions (the same rule applies to parent and draft, so a
`deadline_not_later` comparison stays consistent):

- 2022年年底前 / 2022年底前 / 2022年底 / 2022年末 / 到2022年 -> 2022-12-31.
- "前" after a calendar unit INCLUDES that unit: 2025年前 -> 2025-12-31, 2023年6月前 -> 2023-06-30,
  2022年6月30日前 -> 2022-06-30.  Strictly, "前" means "before"; but plans use "2025年前实现…"
  interchangeably with "到2025年" and "2025年底前" (the Guangxi parent: "2025年前实现对各级政府
  督察全覆盖" in a 2021–2025 plan whose goal year is 到2025年), and no plan writes "2025年前" to
  mean "by 2024".  The strict reading would make a draft that copies "到2025年" look later than a
  parent's "2025年前" -- a false finding.  One rule for all units also keeps day/month/year alike.
- 到2025年 / a sentence opening "2025年，…" -> by-date 2025-12-31 (the goal year).
- 上半年 -> 06-30, 下半年 -> 12-31, 第一季度/一季度 -> 03-31 …
- 每年3月底前 -> recurring yearly, month_day --03-31; 每年第一季度 -> recurring yearly --03-31;
  每季度 / 每半年 / 每月 -> recurring quarterly / half-yearly / monthly.  A bare 每年 is a frequency
  (see targets), not a deadline.
- “十四五”期间 -> period 2021-01-01..2025-12-31 (十三五 2016–2020, 十五五 2026–2030 …);
  2021—2025年 / 2021-2025年 / 2021年至2025年 -> period.
- 任期内 / 本届政府任期内 / 届内 -> term.
- 年内 / 当年 / 今年 / 本年度: skipped -- relative to an issue date we do not know, so no
  comparable date; `term` would mislabel them.
- A bare date (2017年7月7日, 自2018年起) is not a deadline: it needs 前/底/末 or 到/截至, or a deadline's field
  label before it (完成时限：2027年3月31日, 办结时限：2027年6月: rulesets/data/roles.yaml).
- A baseline is not a deadline: 较2025年底减少10%, 比2020年末下降15%, 与2020年底相比, 在2020年底的基础上,
  以2022年底为基数 (the date a target is measured from; "到2028年底，…较2025年底减少" is due 2028 only).
- A range of days or months (2019年1月1日至12月31日, 2019年6月至9月) is a period: its END counts.
- 自本意见印发之日起30日内 / 印发后3个月内: by-date, with no date until `resolve_relative` is given the
  document's date (parse does it); without one it compares with nothing.
- Years inside 《》 titles (《…(2021—2025年)》) are not deadlines.
- A date that says which ones (2018年12月31日之前已完成转制的企业, 2020年底前注册的企业) is no deadline.
- A stage heading's date ("制定方案阶段（2019年4月底前）", "1.动员部署阶段（2021年6月底前）") is the
  deadline of everything written under it: `heading_deadlines` reads it (a short title whose dates
  stand in brackets or that names a 阶段/步骤), parse gives it to the measures below a stage section or
  stage item and align to the clauses of a stage item that state no date of their own.
"""

from __future__ import annotations

import calendar
import re

from engine.extract.numerals import to_int
from engine.extract.sentences import first_matches, mask_spans, title_spans
from engine.memo import memo
from engine.models import Deadline
from engine.roles import roles

_Y = r"(?P<y>[12]\d{3}|[〇零○一二三四五六七八九]{4})\s*年"
_M = r"(?P<mo>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]"
_BEFORE = r"(?:之前|以前|前)"
_TO = r"(?:(?:到|至|截至|截止到?|在|于)\s*)?"

# 自本意见印发之日起30日内 / 本方案印发后3个月内 / 自印发之日起一年内
RELATIVE = (
    r"(?:自|从)?(?:本(?:意见|方案|通知|办法|决定|规定|细则|计划)|文件)?(?:印发|发布|施行|实施)(?:之日|后)?(?:起)?\s*"
    r"(?P<n>[0-9]+|[一二两三四五六七八九十]+)\s*(?P<u>个工作日|个月|日|天|年|周)(?:内|之内|以内)"
)
# a quarter or half of a year, or the year's end, written with no year (a 年度工作要点's "第三季度完成", "上半年", "年底前
# 完成"): not after a year, 每, 今/明/本/当 (今年年底, 每季度 are other forms), and the year's end only as a deadline (前)
BARE_HALF = (
    r"(?<![年0-9每今明本当去前次全])(?:(?P<h>上半年|下半年|第?[一二三四1-4]季度)(?:末|底)?\s*(?:之前|以前|前)?"
    r"|(?P<end>年底|年末)\s*(?:之前|以前|前))"
)
FIVE_YEAR = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026, "十六五": 2031}

# order matters: earlier patterns claim their span first
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(
        r"(?P<y1>[12]\d{3})\s*年?\s*(?:[—–\-－~～至到]+|—+)\s*(?P<y2>[12]\d{3})\s*年"
        r"(?:期间|间|内)?")),
    ("five", re.compile(r"[“\"']?(?P<five>十[一二三四五六]五)[”\"']?\s*(?:规划)?\s*(?:期间|时期|期内|内)")),
    ("five_end", re.compile(r"[“\"']?(?P<five>十[一二三四五六]五)[”\"']?\s*(?:末|期末)")),
    ("date_range", re.compile(_Y + _M + _D + r"\s*(?:[—–\-－~～至到]+)\s*(?:(?P<y2>[12]\d{3})\s*年)?\s*"
                              r"(?P<mo2>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*"
                              r"(?P<d2>3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]")),
    ("month_range", re.compile(_Y + _M + r"\s*(?:[—–\-－~～至到]+)\s*(?:(?P<y2>[12]\d{3})\s*年)?\s*"
                               r"(?P<mo2>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:底|末|份)?")),
    ("relative", re.compile(RELATIVE)),
    ("date", re.compile(_TO + _Y + _M + _D + r"\s*(?P<b>" + _BEFORE + r"|止|为止)?")),
    ("month", re.compile(_TO + _Y + _M + r"\s*(?P<end>底|末|份)?\s*(?P<b>" + _BEFORE + r"|止|为止)?")),
    ("half", re.compile(_TO + _Y + r"\s*(?P<h>上半年|下半年|年中|第?[一二三四1-4]季度)(?:末|底)?\s*(?P<b>" + _BEFORE + r")?")),
    ("year_end", re.compile(_TO + _Y + r"\s*(?:年底|年末|底|末)\s*(?:" + _BEFORE + r"|止|为止)?")),
    ("year_before", re.compile(_TO + _Y + r"\s*" + _BEFORE)),
    ("goal", re.compile(r"(?P<to>到|至|截至|截止到?)\s*" + _Y + r"(?!\s*[0-9一二三四五六七八九十]+\s*月)")),
    ("goal_lead", re.compile(r"(?:^|(?<=[。；;，,\n:：]))\s*" + _Y + r"\s*(?=[,，])")),
    ("yearly", re.compile(r"每年\s*(?:的)?\s*" + _M + r"\s*(?:底|末)?\s*(?:" + _BEFORE + r")?")),
    ("yearly_q", re.compile(r"每年\s*(?:的)?\s*第?(?P<q>[一二三四1-4])季度")),
    ("yearly_h", re.compile(r"每年\s*(?P<h>上半年|下半年|年底|年末|年初)")),
    ("every", re.compile(r"每(?P<per>季度|个季度|半年|月|个月|周|旬)")),
    ("term", re.compile(r"(?:本届政府|本届|领导班子|各届政府)?(?:任期内|任期届满前|届内)")),
    # 第三季度完成 / 上半年 / 年底前 with no year: the year of a plan for one year (`resolve_year`), else no date
    ("half_bare", re.compile(BARE_HALF)),
]  # fmt: skip

# a pattern runs only when one of these characters occurs: most sentences have no deadline at all
NEEDS = {
    "date_range": "至到—–-－~～", "month_range": "至到—–-－~～", "relative": "印发施实",
    "range": "年", "five": "五", "five_end": "五", "date": "日号", "month": "月", "half": "半季中",
    "year_end": "底末", "year_before": "前", "goal": "到至截", "goal_lead": "年", "yearly": "每",
    "yearly_q": "每", "yearly_h": "每", "every": "每", "term": "任届", "half_bare": "半季底末",
}  # fmt: skip


def _year(s: str) -> int | None:
    y = to_int(s)
    return y if y is not None and 1900 <= y <= 2200 else None


def _last_day(y: int, mo: int) -> str:
    return f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"


def _quarter_month(q: str) -> int | None:
    n = to_int(q) if q.isdigit() else {"一": 1, "二": 2, "三": 3, "四": 4}.get(q)
    return n * 3 if n and 1 <= n <= 4 else None


def _half_month(h: str) -> int | None:
    if h in ("上半年", "年中"):
        return 6
    if h in ("下半年", "年底", "年末"):
        return 12
    if h == "年初":
        return 3
    m = re.search(r"([一二三四1-4])季度", h)
    return _quarter_month(m.group(1)) if m else None


# 2018年12月31日之前已完成转制的企业, 2020年底前注册的企业: the date says which ones, it sets no deadline
_QUALIFIES = re.compile(
    r"\s*(?:已经?[^，。；,;\n]{0,12}?|(?:注册|成立|设立|登记|出生|取得|开工|投产|入职|参加工作)[^，。；,;\n]{0,6}?)的"
)


# 较2025年底减少10% / 比2020年末下降15% / 与2020年底相比 / 在2020年底的基础上 / 以2022年底为基数: the date is the
# BASELINE a target is measured from, not when anything is due
_BASELINE_BEFORE = re.compile(r"(?:较|比|较之|相较于?|相比于?|对比|相对于|同)\s*$")
_BASELINE_AFTER = re.compile(
    r"\s*(?:的|时)?\s*(?:(?:平均)?(?:水平|基数|数据|数值|存量|总量|规模))?\s*"
    r"(?:为基数|为基期|为基准|为基年|为基线|为基础|作为基[数期准年线]|(?:的)?基础上|相比|比较|相较|水平)"
)
_DATED_KINDS = frozenset(("range", "date", "month", "half", "year_end", "year_before", "goal", "goal_lead"))


def _baseline(kind: str, m: re.Match[str]) -> bool:
    """The date a target is measured from (较2025年底减少 …), read from the words around the match."""
    if kind not in _DATED_KINDS:
        return False
    s = m.start()
    while s < m.end() and m.string[s] in " \n\t":
        s += 1
    return bool(_BASELINE_BEFORE.search(m.string, max(0, s - 4), s) or _BASELINE_AFTER.match(m.string, m.end()))


@memo(1, copy="shared")  # one pattern from the one file
def _due_label() -> re.Pattern[str]:
    """A deadline's field label ending just before a date: 完成时限：2027年3月31日, 办结时限：2027年6月 (rulesets/data/
    roles.yaml: the task table's `columns.due` and a clause's `due_part.labels`). Its bare date or month is the
    deadline, as one with 前/底 is: the label says what the date is."""
    known = roles()
    words = [*dict(known.columns)["due"], *known.due_labels]
    alt = "|".join(re.escape(str(w)) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?:{alt})[ \t\u3000]*[:：][ \t\u3000]*$") if alt else re.compile("(?!)")


def _labelled(m: re.Match[str]) -> bool:
    """The date of `m` stands right after a deadline's field label (`_due_label`)."""
    s = m.start()
    return _due_label().search(m.string, max(0, s - 12), s) is not None


def _deadline(kind: str, m: re.Match[str]) -> Deadline | None:
    if kind in ("date", "month", "half", "year_end", "year_before") and _QUALIFIES.match(m.string, m.end()):
        return None
    if _baseline(kind, m):
        return None
    g = m.groupdict()
    text = m.group(0).strip(" ，,；;。:：\n")
    if kind == "range":
        y1, y2 = _year(g["y1"]), _year(g["y2"])
        if not y1 or not y2 or y2 < y1 or y2 - y1 > 30:
            return None
        return Deadline(text=text, kind="period", start=f"{y1}-01-01", date=f"{y2}-12-31")
    if kind in ("five", "five_end"):
        y = FIVE_YEAR.get(g["five"])
        if not y:
            return None
        if kind == "five_end":
            return Deadline(text=text, kind="by-date", date=f"{y + 4}-12-31")
        return Deadline(text=text, kind="period", start=f"{y}-01-01", date=f"{y + 4}-12-31")
    if kind in ("date_range", "month_range"):
        y, mo, mo2 = _year(g["y"]), to_int(g["mo"]), to_int(g["mo2"])
        y2 = _year(g["y2"]) if g.get("y2") else y
        if not (y and y2 and mo and mo2 and 1 <= mo <= 12 and 1 <= mo2 <= 12):
            return None
        if kind == "month_range":
            start, end = f"{y:04d}-{mo:02d}-01", _last_day(y2, mo2)
        else:
            d, d2 = to_int(g["d"]), to_int(g["d2"])
            if not d or not d2 or d > calendar.monthrange(y, mo)[1] or d2 > calendar.monthrange(y2, mo2)[1]:
                return None
            start, end = f"{y:04d}-{mo:02d}-{d:02d}", f"{y2:04d}-{mo2:02d}-{d2:02d}"
        if end < start:
            return None
        return Deadline(text=text, kind="period", start=start, date=end)
    if kind == "relative":
        return Deadline(text=text, kind="by-date", date=None)
    if kind == "date":
        y, mo, d = _year(g["y"]), to_int(g["mo"]), to_int(g["d"])
        if not (y and mo and d) or not (g.get("b") or m.group(0).lstrip()[:1] in "到至截在于" or _labelled(m)):
            return None
        try:
            last = calendar.monthrange(y, mo)[1]
        except (ValueError, calendar.IllegalMonthError):
            return None
        if not 1 <= d <= last:
            return None
        return Deadline(text=text, kind="by-date", date=f"{y:04d}-{mo:02d}-{d:02d}")
    if kind == "month":
        y, mo = _year(g["y"]), to_int(g["mo"])
        if not (y and mo and 1 <= mo <= 12):
            return None
        if not (g.get("end") or g.get("b") or m.group(0).lstrip()[:1] in "到至截在于" or _labelled(m)):
            return None
        return Deadline(text=text, kind="by-date", date=_last_day(y, mo))
    if kind == "half":
        y, mo = _year(g["y"]), _half_month(g["h"])
        if not (y and mo):
            return None
        return Deadline(text=text, kind="by-date", date=_last_day(y, mo))
    if kind in ("year_end", "year_before", "goal", "goal_lead"):
        y = _year(g["y"])
        if not y:
            return None
        return Deadline(text=text, kind="by-date", date=f"{y}-12-31")
    if kind == "yearly":
        mo = to_int(g["mo"])
        if not mo or not 1 <= mo <= 12:
            return None
        day = calendar.monthrange(2001, mo)[1]  # a non-leap year: --02-28
        return Deadline(text=text, kind="recurring", recurrence="yearly", month_day=f"--{mo:02d}-{day:02d}")
    if kind == "yearly_q":
        mo = _quarter_month(g["q"])
        if not mo:
            return None
        day = calendar.monthrange(2001, mo)[1]
        return Deadline(text=text, kind="recurring", recurrence="yearly", month_day=f"--{mo:02d}-{day:02d}")
    if kind == "yearly_h":
        mo = _half_month(g["h"])
        if not mo:
            return None
        day = calendar.monthrange(2001, mo)[1]
        return Deadline(text=text, kind="recurring", recurrence="yearly", month_day=f"--{mo:02d}-{day:02d}")
    if kind == "every":
        per = g["per"].replace("个", "")
        rec = {
            "季度": "quarterly",
            "半年": "half-yearly",
            "月": "monthly",
            "周": "weekly",
            "旬": "ten-daily",
        }[per]
        return Deadline(text=text, kind="recurring", recurrence=rec)
    if kind == "term":
        return Deadline(text=text, kind="term")
    if kind == "half_bare":
        return Deadline(text=text, kind="by-date", date=None)
    return None


def find_deadlines(text: str) -> list[tuple[int, int, Deadline]]:
    """(start, end, deadline) for every deadline in `text`, in text order."""
    if not text or not any(c in text for c in "年月期季任届五印施"):
        return []
    masked = mask_spans(text, title_spans(text)) if "《" in text else text
    # the span without the leading whitespace a lookbehind ate
    return first_matches(masked, PATTERNS, NEEDS, _deadline, skip_lead=" \n\t")


def extract_deadlines(text: str) -> list[Deadline]:
    """Every deadline in `text`, in text order (see the module docstring for what each means)."""
    return [d for _, _, d in find_deadlines(text)]


# a heading that names a stage of the work: its date is when the whole stage is due
_STAGE = re.compile(r"阶段|步骤|时段")
HEADING_MAX = 40  # a longer title is a sentence of its own, whose date belongs to it alone


def _bracketed(title: str, start: int, end: int) -> bool:
    opened = max(title.rfind("(", 0, start), title.rfind("（", 0, start))
    if opened < 0 or max(title.rfind(")", 0, start), title.rfind("）", 0, start)) > opened:
        return False
    return any(c in title[end:] for c in ")）")


def heading_deadlines(title: str) -> list[Deadline]:
    """The deadlines of a stage heading, which hold for every task under it; [] for any other title.

    A stage heading is short (≤ HEADING_MAX characters) and either names a stage (…阶段, 第一步骤) or
    writes its dates in brackets after the name ("集中整治（2021年7月—9月）"); a title that is a task with
    a date ("2019年6月底前完成清理") keeps its date to itself.
    """
    t = (title or "").strip()
    if not t or len(t) > HEADING_MAX:
        return []
    found = find_deadlines(t)
    if not found:
        return []
    if _STAGE.search(t) or all(_bracketed(t, s, e) for s, e, _ in found):
        return [d for _, _, d in found]
    return []


_RELATIVE_RE = re.compile(RELATIVE)


_BARE_HALF_RE = re.compile(rf"^(?:到|至|于|在)?{BARE_HALF}")


def resolve_year(d: Deadline, year: int | None) -> Deadline:
    """A quarter, half or year's end written with no year ("第三季度完成", "年底前") dated in `year`, the one year a
    year's plan is for (2027年工作要点); any other deadline as it is. Without such a year it stays undated: a plan for
    2026—2028 that writes 第三季度 names no one quarter."""
    if d.date or not year or d.kind != "by-date":
        return d
    m = _BARE_HALF_RE.match(d.text)
    if not m:
        return d
    month = 12 if m.group("end") else _half_month(m.group("h"))
    if not month:
        return d
    return d.model_copy(update={"date": _last_day(year, month)})


def resolve_relative(d: Deadline, issued: str | None) -> Deadline:
    """A relative deadline ("自本意见印发之日起30日内") with its date, counted from `issued` (ISO); any other
    deadline as it is. A new Deadline: deadlines are frozen facts, shared through the text caches."""
    import datetime as dt

    if d.date or not issued or d.kind != "by-date":
        return d
    m = _RELATIVE_RE.search(d.text)
    n = to_int(m.group("n")) if m else None
    if not m or not n:
        return d
    try:
        start = dt.date.fromisoformat(issued)
    except ValueError:
        return d
    unit = m.group("u")
    if unit in ("日", "天", "个工作日"):  # working days: at least as many calendar days; a bound, not exact
        end = start + dt.timedelta(days=n if unit != "个工作日" else n + 2 * ((n + 4) // 5))
    elif unit == "周":
        end = start + dt.timedelta(weeks=n)
    else:
        months = n * 12 if unit == "年" else n
        y, mo = divmod(start.month - 1 + months, 12)
        year, month = start.year + y, mo + 1
        end = dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    return d.model_copy(update={"date": end.isoformat()})
