"""Quantified targets: 不少于60学时, 60%以上, 每两年一次, 全覆盖, 零次跑动 …

A target needs a quantity WITH a measurement context: a comparator word (不少于, 至少, 达到,
不超过 …), a 以上/以下/以内 suffix after number+unit, a % figure, a frequency (每…一次), or a
coverage/zero phrase.  So years, dates, 文号 (〔2017〕10号), ordinals (第一), slogans in “” (一网通办,
“1+1+4+3+N”) and set phrases (一站式, 一窗受理, 双随机、一公开) are not targets.

Conventions:
- percent: value in percentage points (60%以上 -> 60, ">=", unit "%"); a bare 100% -> ">=".
- coverage: a fraction. 全覆盖 -> 1.0; 基本覆盖 / 基本全覆盖 / 基本实现…覆盖 -> 0.9 (a weaker promise,
  so a draft that turns the parent's 全覆盖 into 基本覆盖 compares lower). Comparator ">=".
- frequency: value = times per period, period_years = the period in years (每两年一次 -> 1 per 2;
  每季度一次 -> period_years 0.25).  Comparator ">=" (a frequency in a plan is a floor) unless
  最多/不超过 say otherwise.
- number targets preceded by 每年/每人每年 also carry period_years (不少于60学时 per year -> 1).
- fractions are percentages: 不超过五分之一 -> 20, "<=", unit "%"; so are halves in words with a
  comparator or 以上/以下 (超过一半 -> 50, ">"; 半数以上 -> 50; 过半 -> 50, ">"), never 减少一半 (a change).
- a frequency limited by 只/仅/限 (每年只享受一次) is a cap ("<="): the benefit may be used at most so often.
- a count that qualifies a noun after 超过/高于/低于 or 以上/以下 (超过100人的企业, 500万元以上的小微企业)
  is an eligibility condition, not a target; 不少于60学时的培训 and a share (80%以上的乡镇建成…) stay targets.
- a count after a build verb (推出100项精品赛事, 打造100个品牌, 建立100个基地) is a floor; arabic numbers only.
- 在两年之内对…实行… is how long something lasts, not a limit.
- a rate or amount that defines a benefit or a computation is no target: 按60%给予补贴, 按照总用量的
  60%—70%估算, 报销比例提高到70%, 补贴标准不低于…; a goal (达到95%以上, 担保费率降至1%以下) stays one.
- 对…500万元及以下、费率不超过1%的担保业务给予补贴: who qualifies for a benefit, not a target; nor
  is a qualification (从具有3年以上企业工作经历的人员中招聘).
- negated comparators turn round: 不得低于80% -> ">=" 80; 不得超过 -> "<=".
- a comparator before what a rate is of counts: 不高于承担风险责任的0.5% -> "<=" 0.5.
- 2万亿元 is 2 in the unit 万亿元 (amounts compare only within one unit).
"""

from __future__ import annotations

import re

from engine.extract.numerals import NUM_CLASS, cn_to_number
from engine.extract.sentences import first_matches, mask_spans, quote_spans, title_spans
from engine.models import Target

NUM = r"(?P<num>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)"
NUM2 = r"(?P<num2>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)"
# measure words; longest first so 个工作日 wins over 个
MEASURE_WORDS = sorted(
    [
        "学时", "课时", "小时", "个工作日", "工作日", "个月", "周", "天", "日", "年", "次", "期", "项",
        "个", "件", "人次", "人", "名", "家", "所", "批", "场", "篇", "份", "条", "万元", "亿元", "元",
        "倍", "类", "种", "轮", "户", "套", "台", "座", "处", "平方米", "公里", "亩", "分", "位", "支",
        "门", "节", "册", "部", "张", "万人", "万户", "万亿元", "万亿", "万", "亿", "%", "‰", "个百分点",
        "百分点",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
UNIT = "(?P<unit>" + "|".join(re.escape(w) for w in MEASURE_WORDS) + ")"

GE_WORDS = ("不少于", "不低于", "不小于", "至少", "最少", "达到", "达", "提高到", "提高至", "提升到",
            "提升至", "增加到", "增至", "超过", "高于", "多于", "大于", "保持在", "稳定在")  # fmt: skip
LE_WORDS = ("不超过", "不高于", "不多于", "不大于", "最多", "控制在", "压缩到", "压缩至", "压减到",
            "压减至", "缩短到", "缩短至", "降低到", "降低至", "降至", "低于", "少于", "小于")  # fmt: skip
STRICT = {"超过": ">", "高于": ">", "多于": ">", "大于": ">", "低于": "<", "少于": "<", "小于": "<"}
CMP_WORDS = sorted(GE_WORDS + LE_WORDS, key=len, reverse=True)
CMP = "(?P<cmp>" + "|".join(CMP_WORDS) + ")"
SUFFIX = r"(?P<suf>及以上|以上|及以下|以下|以内|之内|内|左右)"
GAP = r"(?P<gap>[\u4e00-\u9fff]{0,4}?)"  # a short verb between 至少 and the number: 至少接受一次

PERIOD = r"(?P<per>(?:两|二|三|四|五|十|[0-9]+)?个?(?:年度|年|季度|半年|月|周|天|日))"

# verbs that state a count to reach when followed by an arabic number and a measure word: 推出100项
# (arabic only: 两个市场, 一批企业 are phrases, not targets)
COUNT_VERBS = ("推出", "打造", "培育", "建成", "建设", "建立", "创建", "新建", "新增", "引进", "认定", "遴选", "扶持",
               "培养", "设立", "组建", "开通", "选树", "命名")  # fmt: skip

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("freq", re.compile(
        r"每(?P<every>隔)?" + PERIOD + r"(?P<mid>[^，。；,;:：\n]{0,10}?)(?P<fcmp>至少|不少于|不低于|不超过|最多)?"
        + NUM + r"\s*(?P<unit>次|期|轮|场|批)(?P<suf>以上|及以上)?")),
    ("cmp", re.compile(CMP + r"\s*" + GAP + r"\s*(?<!第)" + NUM + r"\s*" + UNIT + r"?\s*" + SUFFIX + "?")),
    ("suffix", re.compile(r"(?<![第0-9.])" + NUM + r"\s*" + UNIT + r"\s*" + SUFFIX)),
    ("count", re.compile(r"(?P<verb>" + "|".join(COUNT_VERBS) + r")\s*(?P<num>[0-9]+)\s*"
                         r"(?P<unit>个|项|家|所|批|名|处|条|支|座|人次|万人|人)(?!左右|以上|及以上|以下|以内|[0-9])")),
    ("fraction", re.compile(r"(?P<cmp>" + "|".join(CMP_WORDS) + r")?\s*(?P<den>[0-9]+|[一二三四五六七八九十百]+)分之"
                            + NUM + SUFFIX + "?")),
    ("half", re.compile(r"(?P<cmp>" + "|".join(CMP_WORDS) + r")?\s*(?P<half>一半|半数|(?<![经通超])过半(?=数))(?P<suf>以上|及以上|以下|及以下)?")),
    ("percent", re.compile(r"(?<![0-9.])" + NUM + r"\s*(?P<unit>%|‰)")),
    ("zero", re.compile(r"零(?P<unit>次)?(?:跑动|跑腿|上门|见面)")),
    ("coverage_basic", re.compile(r"基本(?:实现)?(?:[^，。；,;\n]{0,12}?)全覆盖|基本覆盖")),
    ("coverage", re.compile(r"全覆盖")),
]  # fmt: skip

# a pattern runs only when one of these characters occurs
NEEDS = {
    "freq": "每",
    "cmp": "".join(sorted({w[0] for w in CMP_WORDS})),
    "suffix": "以及之内左",
    "count": "0123456789",
    "fraction": "分",
    "half": "半",
    "percent": "%‰",
    "zero": "零",
    "coverage_basic": "基",
    "coverage": "覆",
}
_PER_YEARS = {
    "年": 1.0,
    "年度": 1.0,
    "季度": 0.25,
    "半年": 0.5,
    "月": 1 / 12,
    "周": 7 / 365,
    "天": 1 / 365,
    "日": 1 / 365,
}
_PERIOD_BEFORE = re.compile(r"每(?:人|单位|部门)?每?(年|季度|半年|月)[^，。；,;\n]{0,12}$")
_EVERY_IN_MID = re.compile(r"每" + PERIOD.replace("?P<per>", ""))
_YEARLIKE = re.compile(r"[12][0-9]{3}")
_CAP_WORDS = ("只", "仅", "限")
# 不得低于80% is a floor, 不得超过 a cap: the negation turns a strict comparator round
_NEGATIONS = ("不得", "不应", "不能", "不宜", "不可", "不准", "严禁", "禁止")
_FLIP = {"<": ">=", ">": "<=", "<=": ">", ">=": "<"}
# 按60%给予补贴, 按照总用量的60%—70%估算, 按不低于采购金额的30%预付: how a payment is computed
_BASIS = re.compile(r"按(?:照)?(?!时|期|要求|规定|计划|程序|职责|标准化|季度|年度|月)")
# the rate of a benefit (报销比例提高到70%, 补贴标准不低于…): what the eligible receive, not a goal
_BENEFIT_RATE = re.compile(r"(?:报销|补贴|补助|贴息|奖补|赔付|资助|救助|抚恤|优惠)(?:比例|标准|水平|额度|金额)?$")
# a comparator before what the rate is of: 不高于承担风险责任的0.5%
_CMP_OF = re.compile("(?P<cmp>" + "|".join(CMP_WORDS) + r")[^，。；,;:：\n的]{0,14}的$")
_CLAUSE_SEP = re.compile(r"[，。；,;:：\n]")


def _clause_before(text: str, start: int) -> str:
    """The text of the clause before offset `start` (back to the last ，。； or line break)."""
    head = text[max(0, start - 60) : start]
    cut = max((m.end() for m in _CLAUSE_SEP.finditer(head)), default=0)
    return head[cut:]


# 对…500万元及以下、费率不超过1%的担保业务给予补贴: whom a benefit is for
_FOR_WHOM = re.compile(r"的[^，。；,;\n]{0,16}?(?:给予|予以|免征|减征|减按|补贴|奖励|倾斜|优先|享受)")


# 具有3年以上企业工作经历, 具备5年以上培训业绩: a qualification of whom the plan selects
_QUALIFIED = re.compile(r"(?:具有|具备|拥有|持有)[^，。；,;\n]{0,20}$")


def _eligible_for(before: str, text: str, end: int) -> bool:
    """The number is part of 对…的X给予…: a condition of who gets a benefit."""
    if "对" not in before:
        return False
    stop = _CLAUSE_SEP.search(text, end)
    return _FOR_WHOM.search(text, end, stop.start() if stop else len(text)) is not None


def _subject(before: str) -> str:
    """What a rate is of: the clause before it without a trailing comparator (报销比例提高到 -> 报销比例)."""
    head = before.rstrip()
    for w in CMP_WORDS:
        if head.endswith(w):
            return head[: -len(w)].rstrip()
    return head


def _negated(before: str) -> bool:
    return before.rstrip().endswith(_NEGATIONS)


def _period_years(per: str) -> float | None:
    m = re.fullmatch(r"((?:两|二|三|四|五|十|[0-9]+)?)个?(年度|年|季度|半年|月|周|天|日)", per)
    if not m:
        return None
    n = cn_to_number(m.group(1)) if m.group(1) else 1.0
    base = _PER_YEARS[m.group(2)]
    return round((n or 1.0) * base, 4)


def _target(kind: str, m: re.Match[str], text: str) -> Target | None:
    g = m.groupdict()
    t = m.group(0).strip()
    if kind == "zero":
        return Target(text=t, value=0, comparator="==", unit=g.get("unit") or "次")
    if kind == "coverage":
        return Target(text=t, value=1.0, comparator=">=", kind="coverage")
    if kind == "coverage_basic":
        return Target(text=t, value=0.9, comparator=">=", kind="coverage")
    if kind == "half":
        return _half(m)
    num = g.get("num") or ""
    value = cn_to_number(num)
    if value is None:
        return None
    unit = g.get("unit") or ""
    if kind == "freq":
        per_text = g["per"]
        inner = list(_EVERY_IN_MID.finditer(g.get("mid") or ""))
        if inner:  # 每年每季度发布一次: the innermost period counts
            per_text = inner[-1].group(1)
        per = _period_years(per_text)  # 每隔5年 reads as 每5年: once every 5 years
        if per is None:
            return None
        capped = g.get("fcmp") in ("不超过", "最多") or any(w in (g.get("mid") or "") for w in _CAP_WORDS)
        cmp = "<=" if capped else ">="
        return Target(text=t, value=value, comparator=cmp, unit=unit, kind="frequency", period_years=per)
    if _YEARLIKE.fullmatch(num) and unit in ("", "年", "月"):
        return None  # a year, not a quantity
    before = _clause_before(text, m.start())
    if _BASIS.search(before):
        return None  # 按60%给予补贴: how a payment is computed, not a goal
    if kind != "count" and _eligible_for(before, text, m.end()):
        return None
    if _QUALIFIED.search(before):
        return None  # 从具有3年以上企业工作经历的人员中招聘: what the chosen must have, not a goal
    if kind == "count":
        return Target(text=t, value=value, comparator=">=", unit=unit, kind="number")
    if kind == "fraction":
        den = cn_to_number(g["den"])
        if not den or value > den:
            return None
        suf = g.get("suf") or ""
        before = re.split(r"[，。；,;\n]", text[max(0, m.start() - 16) : m.start()])[-1]
        low = (g.get("cmp") in LE_WORDS or suf in ("以下", "及以下", "以内", "之内", "内")
               or (not g.get("cmp") and any(w in before for w in LE_WORDS)))  # fmt: skip
        return Target(text=t, value=round(value / den * 100, 4), comparator="<=" if low else ">=", unit="%",
                      kind="percent")  # fmt: skip
    if (
        kind in ("cmp", "suffix")
        and unit not in ("%", "‰")
        and text[m.end() : m.end() + 1] == "的"
        and (kind == "suffix" or g.get("cmp") in STRICT)
    ):
        return None  # 超过100人的企业, 500万元以上的企业: who qualifies (不少于60学时的培训 stays a target)
    if kind == "cmp":
        cmp_word = g["cmp"]
        if _BENEFIT_RATE.search(before.rstrip()):
            return None  # 报销比例提高到70%: what a benefit pays, not a goal of the plan
        suf = g.get("suf") or ""
        if not unit and not suf and not _is_followed_by_number_context(text, m.end()):
            # 达到 without a unit: "达到国家标准" is not a number; "达到100" with nothing after is rare
            if cmp_word in ("达", "达到") or not num.isdigit():
                return None
        if g.get("gap") and not unit:
            return None  # 至少…一 without a measure word
        if cmp_word in LE_WORDS or suf in ("以下", "及以下", "以内", "之内", "内"):
            cmp = STRICT.get(cmp_word, "<=")
        else:
            cmp = STRICT.get(cmp_word, ">=")
        if _negated(before):
            cmp = _FLIP[cmp]
    elif kind == "suffix":
        suf = g["suf"]
        if unit in ("年", "个月", "月", "天", "日") and text[max(0, m.start() - 1) : m.start()] == "在":
            return None  # 在两年之内对…实行: how long a benefit lasts, not a limit to meet
        if suf == "内" and unit not in ("个工作日", "工作日", "小时"):
            return None
        if suf == "左右":
            return None
        cmp = "<=" if suf in ("以下", "及以下", "以内", "之内", "内") else ">="
    elif kind == "percent":
        cmp = ">="
        near = text[max(0, m.start() - 4) : m.start()]
        of = _CMP_OF.search(before)
        if of:  # 不高于承担风险责任的0.5%
            word = of.group("cmp")
            cmp = STRICT.get(word, "<=" if word in LE_WORDS else ">=")
            if _negated(before[: of.start()]):
                cmp = _FLIP[cmp]
        elif any(w in near for w in ("不超过", "不高于", "低于", "控制在", "以内")):
            cmp = "<="
        if _BENEFIT_RATE.search(_subject(before)):
            return None  # 报销比例提高到70% (the cmp pattern gave it up for that reason too)
    else:
        return None
    pk = "percent" if unit in ("%", "‰") else "number"
    period = None
    pm = _PERIOD_BEFORE.search(text[max(0, m.start() - 16) : m.start()])
    if pm:
        period = _period_years(pm.group(1))
    return Target(text=t, value=value, comparator=cmp, unit=unit, kind=pk, period_years=period)  # type: ignore[arg-type]


def _half(m: re.Match[str]) -> Target | None:
    """超过一半, 半数以上, 过半: 50% with its comparator; a bare 一半 (减少一半) is a change, not a target."""
    cmp_word, suf, half = m.group("cmp") or "", m.group("suf") or "", m.group("half")
    if not cmp_word and not suf and half != "过半":
        return None
    if cmp_word in LE_WORDS or suf in ("以下", "及以下"):
        cmp = STRICT.get(cmp_word, "<=")
    else:
        cmp = ">" if half == "过半" else STRICT.get(cmp_word, ">=")
    return Target(text=m.group(0).strip(), value=50.0, comparator=cmp, unit="%", kind="percent")  # type: ignore[arg-type]


def _is_followed_by_number_context(text: str, end: int) -> bool:
    return end < len(text) and text[end] in "%‰"


def find_targets(text: str) -> list[tuple[int, int, Target]]:
    """(start, end, target) for every target in `text`, in text order."""
    if not text:
        return []
    spans = title_spans(text) if "《" in text else []
    if "“" in text or "‘" in text:
        spans += quote_spans(text)
    masked = mask_spans(text, spans)
    if not re.search(NUM_CLASS + "|覆盖|零|半", masked):
        return []
    return first_matches(masked, PATTERNS, NEEDS, lambda kind, m: _target(kind, m, masked))


def extract_targets(text: str) -> list[Target]:
    """Every quantified target in `text`, in text order (conventions in the module docstring)."""
    return [t for _, _, t in find_targets(text)]
