"""target_not_weaker: numeric targets, coverage and obligation words are not weakened on the way down."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from pydantic import Field

from engine.memo import memo
from engine.models import ClausePair, DiffOp, Measure, Target
from engine.quote import phrase_at
from engine.rules import deadlines as dl
from engine.rules import similarity as sim
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.targets import draft_shares, is_total, same_quantity

# (what the parent says, what makes it weaker in the draft). The strong word must be touched by the
# change (a replace or delete op of the clause diff), the weak word must be in the changed draft text.
WEAKENINGS: tuple[tuple[str, str], ...] = (
    ("全覆盖", "(?:基本|逐步|部分|大部分|初步|有序)覆盖"),
    ("全面", "基本|逐步|部分|初步|有序|稳步|适时|尽量|力争|争取|试点"),
    ("必须|务必", "原则上|尽量|尽可能|可以|鼓励|宜|一般"),
    ("严禁|禁止|不得|杜绝", "不宜|原则上不|尽量不|尽量避免|避免|减少|一般不"),
    ("一律", "原则上|一般|尽量"),
    ("确保", "力争|争取|努力|尽量"),
    ("所有|全部|一切", "部分|大部分|主要|多数"),
    ("应当", "可以|鼓励|尽量|宜|适时"),
    ("普遍", "部分|逐步|试点"),
    ("每年", "适时|不定期"),  # 每两年 is a frequency target: compared as numbers
)
# qualifiers that, inserted before a verb the parent states plainly, soften it (实现 -> 力争实现)
SOFTENERS = "原则上|逐步|力争|争取|尽量|尽可能|适时|有条件的|视情|酌情"
MANDATORY = "必须|务必|严禁|禁止|不得|一律|杜绝"
_STRONG_LEVELS = ("mandatory", "firm")
_SOFT_WORDS = re.compile(SOFTENERS + "|基本|部分|鼓励|探索|试点|可以|宜")


class Options(KindOptions):
    check_targets: bool = Field(True, description="numeric targets (不少于60学时, 两期以上, 100%, 每年一次)")
    check_missing: bool = Field(True, description="a parent target absent from the draft clause carrying it")
    check_words: bool = Field(
        True, description="coverage and obligation words weakened (全覆盖→基本覆盖, 全面→逐步, 必须→原则上)"
    )
    report_deleted_mandatory: bool = Field(
        True, description="a mandatory word (必须, 严禁, 不得, 一律) deleted outright also weakens the clause"
    )
    similar_threshold: float = Field(
        0.6,
        ge=0,
        le=1,
        description="a target elsewhere in the carrying measures stands for the parent's when its sentence is "
        "at least this similar to the parent clause",
    )


@dataclass
class _Span:
    op: DiffOp
    ps: int
    pe: int
    ls: int
    le: int


class TargetNotWeaker(CheckKind):
    name = "target_not_weaker"
    description = (
        "下级方案承接上级任务时，量化指标不得降低，要求的力度不得减弱（可以更高、更严）。本检查逐条比较承接"
        "条款：数值指标降低（不少于60学时→不少于40学时；“不超过”类指标反之，数值变大才是降低）、频次降低"
        "（每年一次→每两年一次）、指标在承接条款中消失、覆盖范围缩小（全覆盖→基本覆盖）、约束性用语减弱"
        "（全面推行→逐步推行，必须→原则上，严禁→不宜，删去“必须”“严禁”）。引用下级方案中改动的原词。"
        "指标按所衡量的对象配对：数字前后的指标名称（秸秆综合利用率、地膜回收率）须一致才比较。下级方案层级"
        "低于上级时，上级的绝对数量（建成300个、投入2亿元）是上级辖区的总量，由下级分担，不逐一比较；"
        "比率、比例（“一半”即50%）、频次、覆盖面、时长和人均、生均、每个等单位数值直接比较。"
        "连同所在分句一起删去的禁止性要求（“不得…”）是未承接的条款，由 clause_carried 报告，不在此重复。"
    )
    description_en = (
        "Carrying a parent task, the draft may raise targets and tighten wording, never the reverse. Compares "
        "each carried clause: a numeric target lowered (at least 60 hours → at least 40; for at-most targets a "
        "higher number is weaker), a frequency lowered (yearly → every two years), a target missing from the "
        "carrying clause, coverage narrowed (全覆盖→基本覆盖), obligation words softened (全面推行→逐步推行, "
        "必须→原则上, 严禁→不宜, 必须/严禁 deleted). Quotes the changed draft words. Targets pair by what they measure: the indicator's "
        "name around the figure (秸秆综合利用率 vs 地膜回收率) must agree. In a draft of a lower level than its "
        "parent, the parent's absolute counts and amounts (build 300, invest 2 billion) are totals the lower "
        "levels share and are not compared; rates and ratios (一半 = 50%), frequencies, coverage, durations "
        "and per-unit values (生均, 人均, 每个) compare directly. A prohibition (不得…) dropped with its whole "
        "sub-clause is a dropped clause, reported by clause_carried, not here."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项{what}：上级第{parent_item}项为“{parent_text}”，本方案为“{local_text}”",
        "en": "measure {local_item} {what}: parent measure {parent_item} says '{parent_text}', the draft "
        "'{local_text}'",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "恢复为“{parent_text}”或更高要求",
        "en": "restore '{parent_text}' or a stricter requirement",
    }
    needs_parent = True

    _WHAT: ClassVar[dict[str, dict[str, str]]] = {
        "weaker": {"zh": "降低了指标", "en": "lowers a target"},
        "missing": {"zh": "缺少上级指标", "en": "drops a target"},
        "word": {"zh": "减弱了要求", "en": "weakens the wording"},
    }

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        for pair, measures in ctx.carried_pairs(goals=True):
            ref = pair.parent_item or ""
            quoted: set[tuple[str, str]] = set()
            for cp in pair.clauses:
                if cp.relation == "dropped" or cp.local_text is None:
                    continue
                m = ctx.local_for(cp.local_item, measures)
                hits: list[Hit] = []
                if options.check_targets:
                    hits += self._targets(ctx, m, ref, cp, measures, options)
                if options.check_words:
                    hits += self._words(
                        ctx, m, ref, cp, options, [h.fields.get("local_text", "") for h in hits]
                    )
                for h in hits:
                    if (h.local_item or "", h.key) in quoted:
                        continue
                    quoted.add((h.local_item or "", h.key))
                    yield h
            if not pair.clauses and options.check_targets:
                yield from self._measure_level(ctx, ref, measures, options)

    # ------------------------------------------------------------------ targets

    def _targets(
        self,
        ctx: CheckContext,
        m: Measure,
        ref: str,
        cp: ClausePair,
        measures: list[Measure],
        options: Options,
    ) -> list[Hit]:
        out = []
        shares = draft_shares(ctx)
        ptext = cp.parent_text or ""
        in_turn = _in_turn(cp)
        for i, p in enumerate(cp.parent_targets):
            if shares and is_total(p, ptext):
                continue  # 建成300个 nationally: a total the draft's area shares, not a figure to match
            if in_turn:
                cands = [(cp.local_targets[i], m)]
            else:
                cands = [(t, m) for t in _paired(p, ptext, [(t, cp.local_text or "") for t in cp.local_targets])]
            if not cands:
                # the clause the aligner paired states another quantity (地膜回收率 for 秸秆综合利用率):
                # the parent's figure is where a similar sentence states the same quantity
                cands = [
                    (t, mm)
                    for mm in [*measures, *(x for x in ctx.draft.measures if x not in measures)]
                    for t in _paired(p, ptext, [(t, dl.sentence_of(mm, t)) for t in mm.targets])
                    if sim.similarity(ptext, dl.sentence_of(mm, t)) >= options.similar_threshold
                ]
            if cands:
                if not all(target_weaker(p, t) for t, _ in cands):
                    continue
                best, where = cands[0]
                out.append(
                    self._hit(ctx, where, ref, "weaker", p.text, best.text, best.text, f"target:{p.text}")
                )
            elif options.check_missing and not sim.contains(measures, p.text):
                out.append(
                    self._hit(
                        ctx,
                        m,
                        ref,
                        "missing",
                        p.text,
                        cp.local_text or "",
                        cp.local_text,
                        f"missing:{p.text}",
                    )
                )
        return out

    def _measure_level(
        self, ctx: CheckContext, ref: str, measures: list[Measure], options: Options
    ) -> Iterator[Hit]:
        pm = ctx.parent_measure(ref)
        if pm is None:
            return
        shares = draft_shares(ctx)
        for p in pm.targets:
            psent = dl.sentence_of(pm, p)
            if shares and is_total(p, psent):
                continue
            cands: list[tuple[float, Measure, Target]] = []
            for mm in measures:
                for t in mm.targets:
                    lsent = dl.sentence_of(mm, t)
                    if target_weaker(p, t) is None or not same_quantity(p, psent, t, lsent):
                        continue
                    cands.append((sim.similarity(psent, lsent), mm, t))
            cands.sort(key=lambda x: -x[0])
            if cands and cands[0][0] >= options.similar_threshold:
                _, mm, t = cands[0]
                if target_weaker(p, t):
                    yield self._hit(ctx, mm, ref, "weaker", p.text, t.text, t.text, f"target:{p.text}")
            elif options.check_missing and not sim.contains(measures, p.text):
                score, mm, s = sim.best_sentence(psent, measures, options.similar_threshold)
                if mm is not None and score >= options.similar_threshold:
                    yield self._hit(ctx, mm, ref, "missing", p.text, s, s, f"missing:{p.text}")

    # ------------------------------------------------------------------ words

    def _words(
        self, ctx: CheckContext, m: Measure, ref: str, cp: ClausePair, options: Options, taken: list[str]
    ) -> list[Hit]:
        out: list[Hit] = []
        found_all, any_spans = _weakenings(cp, options.report_deleted_mandatory)
        for ptxt, ltxt in found_all:
            if not ltxt or any(ltxt in q or q in ltxt for q in taken if q):
                continue
            out.append(self._hit(ctx, m, ref, "word", ptxt, ltxt, ltxt, f"word:{ptxt}->{ltxt}"))
            taken.append(ltxt)
        if not out and not any_spans and cp.parent_level in _STRONG_LEVELS and cp.local_level == "soft":
            ptext_, ltext_ = cp.parent_text or "", cp.local_text or ""
            soft = next(
                (
                    w
                    for w in cp.local_strength
                    if w in ltext_ and w not in ptext_ and _SOFT_WORDS.search(w)
                    and _governs_parent(ltext_, ltext_.index(w) + len(w), ptext_)
                ),
                None,
            )
            if soft:
                strong = "、".join(w for w in cp.parent_strength if w in ptext_) or ptext_
                out.append(
                    self._hit(
                        ctx, m, ref, "word", strong, soft, _phrase(ltext_, ltext_.index(soft)), f"word:{soft}"
                    )
                )
        return out

    def _hit(
        self,
        ctx: CheckContext,
        m: Measure,
        ref: str,
        what: str,
        parent_text: str,
        local_text: str,
        quote: str | None,
        key: str,
    ) -> Hit:
        lang = "en" if ctx.lang == "en" else "zh"
        fields = {"what": self._WHAT[what][lang], "local_text": local_text}
        return self.pair_hit(ctx.lang, m, ref, parent_text, quote, fields, key)


def _weakenings(cp: ClausePair, report_deleted_mandatory: bool) -> tuple[tuple[tuple[str, str], ...], bool]:
    """(parent words, draft words) of each weakening in the clause's diff, and whether the diff has
    any op at all; a pure function of the two texts (memoised) when both are known."""
    if cp.parent_text is None or cp.local_text is None:
        return _find_weakenings(clause_ops(cp), report_deleted_mandatory)
    return _weakenings_of(cp.parent_text, cp.local_text, report_deleted_mandatory)


# tuples; the clause pairs of a few large checks
@memo(16384, copy="shared")
def _weakenings_of(parent: str, local: str, report_deleted_mandatory: bool) -> tuple[tuple[tuple[str, str], ...], bool]:
    return _find_weakenings(char_ops(parent, local), report_deleted_mandatory)


def _find_weakenings(
    diff: list[DiffOp], report_deleted_mandatory: bool
) -> tuple[tuple[tuple[str, str], ...], bool]:
    out: list[tuple[str, str]] = []
    ptext, ltext, spans = _spans(diff)
    for sp in spans:
        if sp.op.op == "equal":
            continue
        pwin, pofs = _window(ptext, sp.ps, sp.pe)
        lwin, lofs = _window(ltext, sp.ls, sp.le)
        found = None
        for strong, weak in WEAKENINGS:
            sm = _touching(strong, pwin, sp.ps - pofs, sp.pe - pofs)
            wm = _touching(weak, lwin, sp.ls - lofs, sp.le - lofs)
            if sm and wm and wm.group() not in pwin:
                found = (sm.group(), _phrase(ltext, lofs + wm.start()))
                break
        if found is None and sp.op.op == "replace":
            found = _tier_raised(
                pwin, lwin, sp.ps - pofs, sp.pe - pofs, sp.ls - lofs, sp.le - lofs, (ptext, pofs), (ltext, lofs)
            )
        if found is None and sp.op.op == "insert":
            wm = _touching(SOFTENERS, lwin, sp.ls - lofs, sp.le - lofs)
            if wm and wm.group() not in pwin and _governs_parent(ltext, lofs + wm.end(), ptext):
                after = _phrase(ptext, sp.ps)
                found = (after, _phrase(ltext, lofs + wm.start()))
        if found is None and sp.op.op in ("delete", "replace") and report_deleted_mandatory:
            sm = _touching(MANDATORY, pwin, sp.ps - pofs, sp.pe - pofs)
            if sm and not re.search(MANDATORY, sp.op.local) and _rest_kept(ptext, pofs + sm.start(), sm.group(), ltext):
                # the draft's words where the word was: before it, else (at a clause's start) after it
                found = (
                    _phrase(ptext, pofs + sm.start()),
                    _phrase(ltext, sp.ls, back=True) or _phrase(ltext, sp.ls),
                )
        if found is not None:
            out.append(found)
    return tuple(out), bool(spans)


def _rest_kept(ptext: str, at: int, word: str, ltext: str) -> bool:
    """Whether the draft kept what the deleted mandatory word governed (必须公开 -> 公开): a weakened
    requirement. A prohibition dropped with its whole sub-clause (，不得办成营利性幼儿园 gone) is a
    dropped clause, clause_carried's finding, not a weaker one."""
    start = max(ptext.rfind(c, 0, at) for c in "，,；;。：:") + 1
    ends = [i for i in (ptext.find(c, at) for c in "，,；;。") if i >= 0]
    rest = ptext[start : min(ends) if ends else len(ptext)].replace(word, "", 1)
    flat = sim.compact(rest)
    return len(flat) < 2 or flat in sim.compact(ltext) or sim.coverage(flat, ltext) >= 0.8


def _spans(diff: list[DiffOp]) -> tuple[str, str, list[_Span]]:
    """Both texts rebuilt from the diff, with each op's offsets in them."""
    ptext, ltext, spans = "", "", []
    for op in diff:
        ps, ls = len(ptext), len(ltext)
        ptext += op.parent if op.op != "insert" else ""
        if op.op == "equal":
            ltext += op.local or op.parent
        elif op.op != "delete":
            ltext += op.local
        spans.append(_Span(op, ps, len(ptext), ls, len(ltext)))
    return ptext, ltext, spans


def _window(text: str, start: int, end: int, pad: int = 3) -> tuple[str, int]:
    a = max(0, start - pad)
    return text[a : end + pad], a


def _touching(pattern: str, text: str, start: int, end: int) -> re.Match[str] | None:
    """A match of `pattern` in `text` that overlaps [start, end) (or sits at `start` for an empty span)."""
    for mt in re.finditer(pattern, text):
        if start == end:
            if mt.start() <= start <= mt.end() and mt.start() >= start - len(mt.group()):
                return mt
        elif mt.start() < end and mt.end() > start:
            return mt
    return None


# how far down a "X以上" reaches: 村级以上 covers more than 街道以上
_TIERS = (
    ("村级|村|社区|村(社区)", 0),
    ("乡镇|街道|乡|镇", 1),
    ("县级|县|区|县(市、区)", 2),
    ("市级|设区市|市", 3),
)
_FLOOR = re.compile(r"(村级|村|社区|乡镇|街道|乡|镇|县级|县|区|市级|设区市|市)以上")


def _tier(word: str) -> int | None:
    for alt, rank in _TIERS:
        if word in alt.split("|"):
            return rank
    return None


def _tier_raised(
    pwin: str, lwin: str, ps: int, pe: int, ls: int, le: int, parent: tuple[str, int], local: tuple[str, int]
) -> tuple[str, str] | None:
    """村级以上 -> 街道以上: the floor of a coverage moved up a tier, leaving the lowest tier out."""
    pm = next((m for m in _FLOOR.finditer(pwin) if m.start() < pe and m.end() > ps), None)
    lm = next((m for m in _FLOOR.finditer(lwin) if m.start() < le and m.end() > ls), None)
    if pm is None or lm is None:
        return None
    a, b = _tier(pm.group(1)), _tier(lm.group(1))
    if a is None or b is None or b <= a:
        return None
    (ptext, pofs), (ltext, lofs) = parent, local
    return _phrase(ptext, pofs + pm.start()), _phrase(ltext, lofs + lm.start())


def _phrase(text: str, start: int, size: int = 24, back: bool = False) -> str:
    """The words of `text` from `start` (or before it) up to punctuation: the whole phrase quoted,
    ending on a word boundary when long."""
    return phrase_at(text, start, size, back)


def _rate(t: Target) -> float:
    return t.value / (t.period_years or 1.0)


def target_key(t: Target) -> tuple[str, str]:
    unit = "" if t.kind in ("frequency", "percent", "coverage") else t.unit
    return t.kind, unit


def target_weaker(parent: Target, local: Target) -> bool | None:
    """True if the draft target asks less than the parent's; None if they measure different things.

    For at-least targets (>=, >, and == on counts: 两期, 一次) less is weaker; for at-most targets
    (<=, <) more is weaker; frequencies compare as times per year (每两年一次 < 每年一次).
    """
    if target_key(parent) != target_key(local):
        return None
    if parent.kind == "frequency":
        a, b = _rate(parent), _rate(local)
    else:
        a, b = parent.value, local.value
    if parent.comparator in ("<=", "<"):
        if local.comparator in (">=", ">"):
            return None
        return b > a
    if local.comparator in ("<=", "<") and parent.comparator in (">=", ">"):
        return True  # 不少于60 -> 不超过60: the floor became a ceiling
    return b < a


_UNTIL_STOP = re.compile(r"[^，,；;。：:、]+")


def _governs_parent(local: str, at: int, parent: str) -> bool:
    """The soft word ending at `at` qualifies what the parent states (力争实现全覆盖 for 实现全覆盖), not a
    task the draft adds of its own (积极争取再担保业务合作 beside the parent's 提高业务对接效率)."""
    after = _UNTIL_STOP.match(local, at)
    words = sim.compact(after.group(0)) if after else ""
    return not words or words[:4] in sim.compact(parent)


def _in_turn(cp: ClausePair) -> bool:
    """The clause restates the parent's figures one for one, in the same order (不超过1%…不超过1.5% →
    不超过1%…不超过2%): each parent figure is compared with the draft's figure in its place, so a
    loosened second cap is not hidden by the first one that still matches."""
    ps, ls = cp.parent_targets, cp.local_targets
    if len(ps) < 2 or len(ps) != len(ls):
        return False
    ptext, ltext = cp.parent_text or "", cp.local_text or ""
    return all(target_weaker(p, t) is not None and same_quantity(p, ptext, t, ltext) for p, t in zip(ps, ls, strict=True))


def _paired(parent: Target, psent: str, cands: list[tuple[Target, str]]) -> list[Target]:
    """The draft targets that state the parent's: same kind and unit, same measured quantity."""
    return [t for t, lsent in cands if target_weaker(parent, t) is not None and same_quantity(parent, psent, t, lsent)]


_CANON = str.maketrans("，。；：！？（）、", ",.;:!?()、")


def char_ops(parent: str, local: str) -> list[DiffOp]:
    """A character diff of two clause texts, blind to full/half-width punctuation.

    The aligner's diff is not always filled (clauses it calls `same` carry none), and a kind that
    quotes changed words needs one it can rely on; both texts are canonicalised char for char, so
    offsets still slice the originals.
    """
    return [DiffOp(op=tag, parent=p, local=q) for tag, p, q in _char_ops(parent, local)]  # type: ignore[arg-type]


@memo(8192, copy="shared")  # a parent clause meets the same draft clause in several kinds and checks
def _char_ops(parent: str, local: str) -> tuple[tuple[str, str, str], ...]:
    a, b = parent.translate(_CANON), local.translate(_CANON)
    return tuple(
        (tag, parent[i1:i2], local[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    )


def clause_ops(cp: ClausePair) -> list[DiffOp]:
    """The clause's diff: recomputed from its two texts when both are known, else the aligner's."""
    if cp.parent_text is not None and cp.local_text is not None:
        return char_ops(cp.parent_text, cp.local_text)
    return list(cp.diff)


KIND = TargetNotWeaker
