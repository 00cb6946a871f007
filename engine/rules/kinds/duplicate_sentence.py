"""duplicate_sentence: the same sentence twice in a measure, or the same task in two measures.

Editing a copied text leaves a sentence written twice (often with one word changed: 事故灾害 /
事故灾难), or a task that was moved into one measure and not deleted from the other. Compared
clause by clause (split at ，；。), with rapidfuzz ratio:

- within one measure: two clauses of at least `min_len` characters with ratio ≥ `ratio` — reported
  once, on the second, quoting it;
- across measures: a clause of at least `min_len_across` characters with ratio ≥ `ratio_across`
  in two measures — reported once, on the later measure, quoting it. A sentence of short clauses
  (坚持自愿原则，防止变相强制调解。) is a unit too: each clause is below the length that makes a
  clause a task, the sentence is not; such a sentence also counts when another measure has it
  inside a longer sentence.
Not compared: the responsibility clause, text inside 《》 (quoted titles), short formulaic phrases
(below the length thresholds), clauses found in more than `max_repeats` measures (formulae such as
推动政府治理体系和治理能力现代化), and clauses the parent itself repeats across its measures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field
from rapidfuzz import fuzz

from engine.rules import drafting as d
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions

_CLAUSE = re.compile(r"[^，。；！？,;!?\n]+")
_SENTENCE = re.compile(r"[^。；！？;!?\n]+")
_CLAUSE_SEP = re.compile(r"[，,]")
_PUNCT = re.compile(r"[\s“”\"'‘’、()（），,]")


class Options(KindOptions):
    ratio: float = Field(
        90,
        ge=50,
        le=100,
        description="rapidfuzz ratio (0-100) for two clauses of one measure to be duplicates",
    )
    min_len: int = Field(12, ge=4, description="shortest clause (characters) compared within a measure")
    across: bool = Field(True, description="also report the same task in two different measures")
    ratio_across: float = Field(
        95, ge=50, le=100, description="rapidfuzz ratio for the same clause in two measures"
    )
    min_len_across: int = Field(14, ge=4, description="shortest clause (characters) compared across measures")
    max_repeats: int = Field(
        2, ge=2, description="a clause in more measures than this is a formula, not a duplicate"
    )


class DuplicateSentence(CheckKind):
    name = "duplicate_sentence"
    description = (
        "改稿时容易把同一句话留两遍（常常只差一个词），或把一项任务挪进另一条后忘了删原处。本检查逐分句比较："
        "同一措施内两个相同或几乎相同的分句，报告后一个；不同措施中写了同一项任务，报告在后一条措施上。"
        "责任分工、《》内的文件名、简短的套话和全文多处出现的固定说法（上级本身也重复的）不算重复。"
    )
    description_en = (
        "Editing leaves a sentence written twice (often with one word changed) or a task moved to another "
        "measure without deleting it. Compares clause by clause: near-identical clauses within a measure "
        "(reported on the second) and the same task in two measures (reported on the later one). The "
        "responsibility clause, quoted titles, short formulae and phrases the parent repeats are not compared."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "“{clause}”与{where}“{other}”重复",
        "en": "'{clause}' repeats {where} '{other}'",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "删去重复的表述或合并",
        "en": "delete or merge the repeated text",
    }

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        lang = "en" if ctx.lang == "en" else "zh"
        measures = list(ctx.measures())
        per: list[list[tuple[int, str, str]]] = []  # (offset, clause, key) per measure
        sents: list[list[tuple[int, str, str]]] = []  # (offset, sentence, key): sentences of 2+ clauses
        for m in measures:
            text = d.body(m)
            qmask = d.quoted_mask(text)
            per.append(_units(text, qmask, _CLAUSE))
            sents.append([u for u in _units(text, qmask, _SENTENCE) if _CLAUSE_SEP.search(u[1])])
        # within a measure
        for m, cl in zip(measures, per, strict=True):
            for j in range(len(cl)):
                if len(cl[j][2]) < options.min_len:
                    continue
                for i in range(j):
                    if len(cl[i][2]) < options.min_len:
                        continue
                    if fuzz.ratio(cl[i][2], cl[j][2]) >= options.ratio:
                        yield self._hit(m.ref, cl[j][1], cl[i][1], None, lang, f"in:{j}")
                        break
        if not options.across:
            return
        parent_repeats = self._parent_repeats(ctx, options)
        # (offset, text, key, is a sentence): a copied sentence may sit inside a longer one there
        across = [
            [(*u, False) for u in cl] + [(*u, True) for u in st] for cl, st in zip(per, sents, strict=True)
        ]
        counts: dict[str, set[int]] = {}
        for k, cl in enumerate(across):
            for _, _, key, _ in cl:
                if len(key) >= options.min_len_across:
                    counts.setdefault(key, set()).add(k)
        reported: set[tuple[int, int]] = set()
        for b in range(len(measures)):
            for _, raw_b, key_b, sent_b in across[b]:
                if len(key_b) < options.min_len_across or len(counts.get(key_b, ())) > options.max_repeats:
                    continue
                if key_b in parent_repeats:
                    continue
                for a in range(b):
                    if (a, b) in reported:
                        continue
                    other = next(
                        (raw for _, raw, key, sent in across[a] if len(key) >= options.min_len_across
                         and (fuzz.ratio(key, key_b) >= options.ratio_across or (sent and sent_b and key_b in key))),
                        None,
                    )  # fmt: skip
                    if other is not None:
                        reported.add((a, b))
                        yield self._hit(
                            measures[b].ref, raw_b, other, measures[a].ref, lang, f"across:{measures[a].ref}"
                        )
                        break

    def _hit(self, ref: str, clause: str, other: str, other_ref: str | None, lang: str, key: str) -> Hit:
        if lang == "en":
            where = f"measure {other_ref}" if other_ref else "earlier in this measure"
        else:
            where = f"第{other_ref}项" if other_ref else "本项前文"
        return Hit(
            local_item=ref,
            quote=clause,
            fields={"clause": clause, "other": other, "where": where},
            suggestion=self.suggestion[lang],
            key=key,
        )

    @staticmethod
    def _parent_repeats(ctx: CheckContext, options: Options) -> set[str]:
        """Clauses the parent itself writes in more than one measure: formulae, not slips."""
        if ctx.parent is None:
            return set()
        seen: dict[str, set[str]] = {}
        for m in ctx.parent.measures:
            qmask = d.quoted_mask(m.text)
            for _, _, key in _units(m.text, qmask, _CLAUSE) + _units(m.text, qmask, _SENTENCE):
                if len(key) >= options.min_len_across:
                    seen.setdefault(key, set()).add(m.ref)
        return {k for k, refs in seen.items() if len(refs) > 1}


def _units(text: str, qmask: bytearray, rx: re.Pattern[str]) -> list[tuple[int, str, str]]:
    """(offset, text, key) of each clause or sentence; the key drops quoted titles and punctuation."""
    out = []
    for c in rx.finditer(text):
        raw = c.group(0)
        key = _PUNCT.sub("", "".join(ch for i, ch in enumerate(raw) if not qmask[c.start() + i]))
        if key:
            out.append((c.start(), raw.strip(), key))
    return out


KIND = DuplicateSentence
