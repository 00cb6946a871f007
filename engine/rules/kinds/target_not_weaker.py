"""target_not_weaker: numeric targets, coverage and obligation words are not weakened on the way down.

Targets are a join rule with a name: which draft figure states which parent figure is the fuzzy
pairing of engine.rules.target_facts (facts parent_target, paired_target); "weaker" (`l.ask < p.ask`)
and "missing" (a parent target no draft target states) are joins, written out in
rulesets/obligations.yaml (options weaker, missing) or built by `expand` from this kind's options.
Weakened wording (全面→逐步, 必须 deleted) needs the clause's diff and stays code here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import Field, ValidationInfo, model_validator

from engine.memo import memo
from engine.models import ClausePair, DiffOp, Measure
from engine.quote import phrase_at
from engine.rules import similarity as sim
from engine.rules.goals import name_place
from engine.rules.joins import JoinOptions, run_join
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.templates import value_text

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
        description="without clause pairs, the draft target whose sentence is most like the parent's stands "
        "for it, and a missing target is reported, when the sentences are at least this similar (a target "
        "outside a paired clause stands for the parent's at 0.6, engine.rules.target_facts.ELSEWHERE)",
    )
    weaker: JoinOptions | None = Field(
        None, description="the targets' judgement written out as a join: a paired draft target asks less "
        "(plancheck rules show target-not-weaker); with `missing`, instead of check_targets, check_missing "
        "and similar_threshold",
    )
    missing: JoinOptions | None = Field(
        None, description="the join that reports a parent target no draft target states (with `weaker`)"
    )

    @model_validator(mode="after")
    def _alone(self, info: ValidationInfo) -> Options:
        if (self.weaker is not None or self.missing is not None) and self.model_fields_set & {
            "check_targets", "check_missing", "similar_threshold"
        }:
            raise ValueError("give either the joins (weaker, missing) or check_targets, check_missing and "
                             "similar_threshold, not both")
        return self

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        return [((name, *loc), why) for name in ("weaker", "missing")
                if (j := getattr(self, name)) is not None for loc, why in j.problems()]


def expand(options: Options) -> list[tuple[str, JoinOptions]]:
    """The joins over target facts a rule runs, each with what it finds (weaker, missing): those it
    writes out, else those built from check_targets, check_missing and similar_threshold."""
    if options.weaker is not None or options.missing is not None:
        return [(w, j) for w, j in (("weaker", options.weaker), ("missing", options.missing)) if j is not None]
    if not options.check_targets:
        return []
    # a paired target counts in the clause, elsewhere at 0.6 (fixed), by sentence at similar_threshold
    counts = {"any": [{"field": "via", "op": "ne", "value": "sentence"},
                      {"field": "score", "op": "gte", "value": options.similar_threshold}]}
    specs: list[tuple[str, dict[str, Any]]] = [("weaker", {
        # the paired target first: a finding stands where it does
        "facts": [{"as": "l", "fact": "paired_target", "where": counts},
                  {"as": "p", "fact": "parent_target", "key": {"slot": "l.slot"},
                   "where": {"field": "total", "value": False}}],
        "forbid": [{"field": "l.ask", "op": "lt", "ref": "p.ask"}],
        "quote": "l.quote", "parent_quote": "p.text",
        "fields": {"parent_text": "p.text", "local_text": "l.text"},
        "key": "target:{parent_text}",
    })]
    if options.check_missing:
        specs.append(("missing", {
            "facts": [{"as": "p", "fact": "parent_target",
                       "where": {"all": [{"field": "total", "value": False}, {"field": "stated", "value": False},
                                         counts]}},
                      {"as": "l", "fact": "paired_target", "key": {"slot": "p.slot"}, "where": counts}],
            "require": [], "each": "p",
            "quote": "p.quote", "parent_quote": "p.text",
            "fields": {"parent_text": "p.text", "local_text": "p.local_text"},
            "key": "missing:{parent_text}",
        }))
    return [(w, JoinOptions.model_validate(s)) for w, s in specs]


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
        "zh": "{local_at}{what}：上级{parent_at}为“{parent_text}”，本方案为“{local_text}”",
        "en": "{local_at} {what}: parent {parent_at} says '{parent_text}', the draft '{local_text}'",
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
        lang = "en" if ctx.lang == "en" else "zh"
        # the joins' hits, by the clause (p_clause_slot) their parent target comes from, in target order
        found: dict[str, list[Hit]] = {}
        for what, spec in expand(options):
            for hit in run_join(ctx, spec):
                hit.fields["what"] = self._WHAT[what][lang]
                name_place(ctx, hit, lang)
                hit.suggestion = self.suggest(ctx.lang, hit.fields)
                found.setdefault(hit.fields.get("p_clause_slot", ""), []).append(hit)
        for hits in found.values():
            hits.sort(key=lambda h: float(h.fields.get("p_slot") or 0))
        cslot = -1
        for pair, measures in ctx.carried_pairs(goals=True):
            ref = pair.parent_item or ""
            quoted: set[tuple[str, str]] = set()
            for cp in pair.clauses:
                if cp.relation == "dropped" or cp.local_text is None:
                    continue
                cslot += 1
                targets = found.pop(value_text(cslot), [])
                words = []
                if options.check_words:
                    m = ctx.local_for(cp.local_item, measures)
                    words = self._words(ctx, m, ref, cp, options, [h.fields.get("local_text", "") for h in targets])
                for h in words:
                    name_place(ctx, h, lang)
                for h in [*targets, *words]:  # as the clause reads: its figures, then its wording
                    if (h.local_item or "", h.key) in quoted:
                        continue
                    quoted.add((h.local_item or "", h.key))
                    yield h
            if not pair.clauses:  # compared by sentence
                rest = found.get(value_text(-1), [])
                yield from (h for h in rest if h.parent_item == ref)
                found[value_text(-1)] = [h for h in rest if h.parent_item != ref]
        for hits in found.values():
            yield from hits

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


_UNTIL_STOP = re.compile(r"[^，,；;。：:、]+")


def _governs_parent(local: str, at: int, parent: str) -> bool:
    """The soft word ending at `at` qualifies what the parent states (力争实现全覆盖 for 实现全覆盖), not a
    task the draft adds of its own (积极争取再担保业务合作 beside the parent's 提高业务对接效率)."""
    after = _UNTIL_STOP.match(local, at)
    words = sim.compact(after.group(0)) if after else ""
    return not words or words[:4] in sim.compact(parent)


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
