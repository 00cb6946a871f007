"""Defect injectors and negative controls for the quality benchmark, each with its answer-key entry.

A draft office's slips are edits of a clean draft: a deadline pushed a year, a responsibility clause
lost, a sentence pasted twice. Each injector makes one such edit at a measure it picks (seeded) and
says what a checker should report: the check kind, the draft measure, the parent measure where the
defect is against one, and the text it put in or took out. Negative controls make edits a checker
must NOT report (a stricter deadline, 责任单位 for 牵头单位 …).

Edits work on the original lines of the text, so they apply alike to a generated draft (one line per
measure) and to the real fixture draft (indented, clauses on their own lines). Every line remembers
the measure it belongs to; after all edits the text is parsed again and each key entry is given the
ref its measure has now (labels move when a measure is dropped or the numbering is broken).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.generate import _fullwidth
from engine.ingest import from_text
from engine.models import Plan
from engine.parse import parse_plan

# A responsibility clause in original text: a bracketed group naming who leads.
RESP = re.compile(r"[（(［\[]([^（）()［］\[\]]*?(?:牵头|责任单位|配合单位|负责单位)[^（）()［］\[\]]*)[）)］\]]")
LABEL = re.compile(r"^(\s*)(\d+)([．.、])")
DATE_DEADLINE = re.compile(r"(20\d\d)(年)(年底前|底前|6月底前|年内)")
SENT = re.compile(r"[^。；！？]*[。；！？]")
TOWNS = re.compile(r"乡镇|各镇|各乡|镇人民政府|乡人民政府|镇政府|乡政府")
ENUM = re.compile(r"(?:[\u4e00-\u9fff“”]{2,12}、){3,}[\u4e00-\u9fff“”]{2,12}")


@dataclass
class Entry:
    """One answer-key line: what was injected and what a checker should (or must not) report."""

    injector: str
    kind: str  # the check kind that should report it; for a control: the kind most at risk
    site: int | None  # index of the clean draft's measure it is in (None: nothing left in the draft)
    parent: str | None  # parent measure ref, where the defect is against the parent
    text: str  # the text put in (or taken out: prefixed with '-')
    control: bool = False
    alt_sites: tuple[int, ...] = ()  # another measure a finding may rightly name (a duplicate's twin)
    ref: str | None = None  # the draft ref of `site` after all edits
    alt_refs: tuple[str, ...] = ()
    context: str = ""  # the edited text with a few characters either side, for reading misses

    def as_dict(self) -> dict[str, object]:
        return {
            "injector": self.injector, "kind": self.kind, "ref": self.ref, "alt_refs": list(self.alt_refs),
            "parent": self.parent, "text": self.text, "control": self.control, "context": self.context,
        }


@dataclass
class Site:
    """What an injector may know about the draft: the clean plan, the parent, who carries what."""

    plan: Plan
    parent: Plan
    carrier: dict[int, str]  # clean measure index -> the parent ref it alone carries one-to-one
    local: str  # the draft's place name (城中区)
    word: str  # its level word (区 / 县)
    city: str
    parent_short: str  # 广西
    busy: dict[str, set[int]] = field(default_factory=dict)  # kind -> measures with a clean finding of it


class Doc:
    """The draft as editable original lines, each tagged with the clean measure it belongs to."""

    def __init__(self, text: str, site: Site) -> None:
        self.site = site
        self.lines = text.split("\n")
        self.owner: list[int | None] = [None] * len(self.lines)
        plan = site.plan
        for i, m in enumerate(plan.measures):
            for p in m.paragraphs:
                self.owner[plan.paragraphs[p].line - 1] = i
        self.used: set[int] = set()
        self.last_context = ""
        self.numbering: tuple[str, int] | None = None
        self.renumber = self._renumberable()

    # -------------------------------------------------------------- reading
    def _renumberable(self) -> bool:
        """Labels are 1..n in document order, so a dropped measure's followers can be renumbered."""
        tops = [m for m in self.site.plan.measures if m.parent_measure is None]
        return all(m.style.startswith("arabic") for m in tops) and [m.label for m in tops] == [
            str(k) for k in range(1, len(tops) + 1)
        ]

    def rows(self, i: int) -> list[int]:
        return [r for r, o in enumerate(self.owner) if o == i]

    def body(self, i: int) -> str:
        return "\n".join(self.lines[r] for r in self.rows(i))

    def free(self, rng: random.Random, kind: str, pred: Callable[[int], bool] = lambda i: True) -> list[int]:
        """Measures not yet edited, with no clean finding of `kind`, that satisfy `pred`; shuffled."""
        busy = self.site.busy.get(kind, set())
        out = [
            i for i, m in enumerate(self.site.plan.measures)
            if i not in self.used and i not in busy and m.parent_measure is None and not m.general
            and self.rows(i) and pred(i)
        ]
        rng.shuffle(out)
        return out

    def text_only(self, i: int) -> str:
        """The measure's text without its responsibility clause (edits avoid the clause)."""
        return RESP.sub("", self.body(i))

    # -------------------------------------------------------------- editing
    def sub(self, i: int, old: str, new: str, *, last: bool = False) -> bool:
        rows = self.rows(i)
        for r in reversed(rows) if last else rows:
            line = self.lines[r]
            k = line.rfind(old) if last else line.find(old)
            if k >= 0:
                self.lines[r] = line[:k] + new + line[k + len(old):]
                self.last_context = self.lines[r][max(0, k - 15): k + len(new) + 15]
                self.used.add(i)
                return True
        return False

    def sub_re(self, i: int, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> str | None:
        """Replace the first match of `pattern` outside the responsibility clause; return the match."""
        for r in self.rows(i):
            line = self.lines[r]
            clause = [m.span() for m in RESP.finditer(line)]
            for mt in pattern.finditer(line):
                if any(a <= mt.start() < b for a, b in clause):
                    continue
                self.lines[r] = line[: mt.start()] + repl(mt) + line[mt.end():]
                self.last_context = self.lines[r][max(0, mt.start() - 15): mt.start() + len(repl(mt)) + 15]
                self.used.add(i)
                return mt.group(0)
        return None

    def sentences(self, i: int) -> list[tuple[int, str]]:
        """(row, sentence) of the measure's task sentences: not the title, not the clause."""
        out = []
        for r in self.rows(i):
            line = RESP.sub("", self.lines[r])
            body = LABEL.sub("", line).strip()
            for s in SENT.findall(body):
                if len(s) >= 12:
                    out.append((r, s))
        return out[1:] if out and self._is_title(out[0][1], i) else out

    def _is_title(self, s: str, i: int) -> bool:
        return s.rstrip("。").strip() == self.site.plan.measures[i].title.rstrip("。").strip()

    def clause(self, i: int) -> tuple[int, re.Match[str]] | None:
        last = None
        for r in self.rows(i):
            for mt in RESP.finditer(self.lines[r]):
                last = (r, mt)
        return last

    def insert_sentence(self, i: int, sentence: str, rng: random.Random) -> bool:
        """Put a sentence after one of the measure's task sentences."""
        ss = self.sentences(i)
        if not ss:
            return False
        r, s = rng.choice(ss)
        self.lines[r] = self.lines[r].replace(s, s + sentence, 1)
        self.used.add(i)
        return True

    def drop(self, i: int) -> None:
        for r in self.rows(i):
            self.owner[r] = -1  # removed
        self.used.add(i)

    # -------------------------------------------------------------- result
    def render(self) -> tuple[str, list[int | None]]:
        lines, owner = [], []
        n = 0
        starts = {
            self.rows(i)[0]: i for i, m in enumerate(self.site.plan.measures)
            if m.parent_measure is None and self.rows(i)
        }
        for r, line in enumerate(self.lines):
            o = self.owner[r]
            if o == -1:
                continue
            if self.renumber and r in starts and LABEL.match(line):
                i = starts[r]
                n += 1
                if self.numbering == ("gap", i):
                    n += 1
                elif self.numbering == ("repeat", i):
                    n -= 1
                line = LABEL.sub(lambda mt, k=n: f"{mt.group(1)}{k}{mt.group(3)}", line, count=1)
            lines.append(line)
            owner.append(o)
        return "\n".join(lines), owner


def resolve(text: str, owner: list[int | None], entries: list[Entry], path: str) -> Plan:
    """Parse the edited text and give every entry the ref its measure has now."""
    plan = parse_plan(from_text(text, path))
    ref_of: dict[int, str] = {}
    for m in plan.measures:
        if 0 < m.line <= len(owner) and owner[m.line - 1] is not None and owner[m.line - 1] not in ref_of:
            ref_of[owner[m.line - 1]] = m.ref  # type: ignore[index]
    for e in entries:
        e.ref = ref_of.get(e.site) if e.site is not None else None
        e.alt_refs = tuple(ref_of[s] for s in e.alt_sites if s in ref_of)
    return plan


def site_owner_map(plan: Plan, owner: list[int | None]) -> dict[str, int]:
    """Draft ref -> clean measure index, for comparing findings before and after the edits."""
    out: dict[str, int] = {}
    for m in plan.measures:
        if 0 < m.line <= len(owner) and owner[m.line - 1] is not None:
            out.setdefault(m.ref, owner[m.line - 1])  # type: ignore[arg-type]
    return out


# ====================================================================== defects
Injector = Callable[[Doc, random.Random], list[Entry]]


def deadline_later(doc: Doc, rng: random.Random) -> list[Entry]:
    """A parent deadline pushed a year later (2022年年底前 -> 2023年年底前)."""
    for i in doc.free(rng, "deadline_not_later", lambda i: i in doc.site.carrier):
        parent = doc.site.carrier[i]
        ptext = _ptext(doc, parent)
        for mt in DATE_DEADLINE.finditer(doc.text_only(i)):
            if mt.group(0) in ptext:
                new = f"{int(mt.group(1)) + 1}{mt.group(2)}{mt.group(3)}"
                if doc.sub(i, mt.group(0), new):
                    return [Entry("deadline_later", "deadline_not_later", i, parent, new)]
    return []


def deadline_removed(doc: Doc, rng: random.Random) -> list[Entry]:
    """A parent deadline left out (2022年年底前，… -> …)."""
    for i in doc.free(rng, "deadline_carried", lambda i: i in doc.site.carrier):
        parent = doc.site.carrier[i]
        ptext = _ptext(doc, parent)
        for mt in re.finditer(DATE_DEADLINE.pattern + "[，,]?", doc.text_only(i)):
            if mt.group(0).rstrip("，,") in ptext and doc.sub(i, mt.group(0), ""):
                return [Entry("deadline_removed", "deadline_carried", i, parent, "-" + mt.group(0))]
    return []


TARGET_WEAKER = [
    (re.compile(r"不少于(\d+)学时"), lambda mt: f"不少于{int(mt.group(1)) * 2 // 3}学时"),
    (re.compile(r"全覆盖"), lambda mt: "基本覆盖"),
    (re.compile(r"全面(推行|实现|落实|推进|实施|完成|建立)"), lambda mt: f"逐步{mt.group(1)}"),
    (re.compile(r"每年(应当)?举办两期以上"), lambda mt: "每年举办一期"),
]


def target_weaker(doc: Doc, rng: random.Random) -> list[Entry]:
    """A parent target weakened: 60学时 -> 40学时, 全覆盖 -> 基本覆盖, 全面 -> 逐步."""
    order = list(TARGET_WEAKER)
    rng.shuffle(order)
    order.sort(key=lambda t: t[0].pattern.startswith("全面"))  # numbers and coverage first: rarer
    for pattern, repl in order:
        for i in doc.free(rng, "target_not_weaker", lambda i: i in doc.site.carrier):
            parent = doc.site.carrier[i]
            mt = next((mt for mt in pattern.finditer(doc.text_only(i)) if mt.group(0) in _ptext(doc, parent)), None)
            if mt and doc.sub(i, mt.group(0), repl(mt)):
                return [Entry("target_weaker", "target_not_weaker", i, parent, f"{mt.group(0)}→{repl(mt)}")]
    return []


def lead_removed(doc: Doc, rng: random.Random) -> list[Entry]:
    """The responsibility clause left out."""
    for i in doc.free(rng, "lead_unit_required", lambda i: doc.clause(i) is not None):
        r, mt = doc.clause(i)  # type: ignore[misc]
        doc.lines[r] = doc.lines[r][: mt.start()] + doc.lines[r][mt.end():]
        doc.used.add(i)
        return [Entry("lead_removed", "lead_unit_required", i, None, "-" + mt.group(0))]
    return []


def lead_vague(doc: Doc, rng: random.Random) -> list[Entry]:
    """The responsibility clause names no one in particular: （牵头单位：各有关部门）."""
    for i in doc.free(rng, "lead_unit_vague", lambda i: doc.clause(i) is not None):
        r, mt = doc.clause(i)  # type: ignore[misc]
        new = rng.choice(["（牵头单位：各有关部门）", f"（责任单位：{doc.site.word}直各有关单位）", "（各有关部门按职责分工负责）"])
        doc.lines[r] = doc.lines[r][: mt.start()] + new + doc.lines[r][mt.end():]
        doc.used.add(i)
        return [Entry("lead_vague", "lead_unit_vague", i, None, new)]
    return []


def measure_dropped(doc: Doc, rng: random.Random) -> list[Entry]:
    """A measure carrying one parent measure left out (the rest renumbered, as an office would)."""
    if not doc.renumber:
        return []
    for i in doc.free(rng, "parent_covered", lambda i: i in doc.site.carrier):
        doc.drop(i)
        return [Entry("measure_dropped", "parent_covered", None, doc.site.carrier[i], "-" + doc.site.plan.measures[i].title)]
    return []


def clause_dropped(doc: Doc, rng: random.Random) -> list[Entry]:
    """An obligation sentence, or an item of an enumerated list, taken out of a carried measure."""
    for i in doc.free(rng, "clause_carried", lambda i: i in doc.site.carrier):
        ptext = _ptext(doc, doc.site.carrier[i])
        ss = [(r, s) for r, s in doc.sentences(i) if s[:-1] in ptext and not DATE_DEADLINE.search(s)]
        if rng.random() < 0.5:  # a list item
            for r, s in ss:
                mt = ENUM.search(s)
                if mt:
                    items = mt.group(0).split("、")
                    k = rng.randrange(1, len(items) - 1)  # a middle item: the last one runs on into the sentence
                    if items[k] not in ptext:
                        continue
                    new = "、".join(items[:k] + items[k + 1:])
                    doc.lines[r] = doc.lines[r].replace(mt.group(0), new, 1)
                    doc.used.add(i)
                    return [Entry("list_item_dropped", "clause_carried", i, doc.site.carrier[i], "-" + items[k])]
        if len(ss) >= 3:
            r, s = rng.choice(ss[1:])
            doc.lines[r] = doc.lines[r].replace(s, "", 1)
            doc.used.add(i)
            return [Entry("clause_dropped", "clause_carried", i, doc.site.carrier[i], "-" + s)]
    return []


def self_reference(doc: Doc, rng: random.Random) -> list[Entry]:
    """The draft names itself wrongly: 我市/我省/全省 in a county plan, or the parent's place left in."""
    s = doc.site
    own = [f"我{s.word}", f"全{s.word}", s.local]
    for i in doc.free(rng, "self_reference"):
        body = doc.text_only(i)
        hits = [w for w in own if w in body and not re.search(f"{w}[场域份间]", body)]
        if not hits:
            continue
        w = rng.choice(hits)
        if w == s.local:
            new = s.parent_short
        else:
            new = rng.choice(["我市", "我省", "全省", "全市"]) if w.startswith("我") else rng.choice(["全省", "全市"])
            new = new if not w.startswith("我") else new.replace("全", "我")
        if doc.sub(i, w, new):
            return [Entry("self_reference", "self_reference", i, None, f"{w}→{new}")]
    for i in doc.free(rng, "self_reference"):  # none to replace: a pasted sentence of the city's
        sent = rng.choice(["推动我市法治政府建设走深走实。", "全省各级行政机关要加强协调配合。"])
        if doc.insert_sentence(i, sent, rng):
            return [Entry("self_reference", "self_reference", i, None, sent)]
    return []


def legislation(doc: Doc, rng: random.Random) -> list[Entry]:
    """A task only a level with legislative power can do, in a county plan."""
    if doc.site.plan.level not in ("county", "town"):
        return []
    for i in doc.free(rng, "level_scope", lambda i: "立法" not in doc.body(i)):
        topic = rng.choice(["城市管理", "生态环境保护", "历史文化保护", "营商环境", "基层治理"])
        sent = rng.choice([f"研究制定{topic}方面的政府规章。", f"适时出台{topic}地方性法规。", f"加强{topic}等领域立法。"])
        if doc.insert_sentence(i, sent, rng):
            return [Entry("legislation", "level_scope", i, None, sent)]
    return []


def all_levels(doc: Doc, rng: random.Random) -> list[Entry]:
    """各级/各地 addressed where no such level stands below the plan."""
    if doc.site.plan.level not in ("county", "town"):
        return []
    towns = bool(TOWNS.search("\n".join(doc.lines)))
    for i in doc.free(rng, "level_scope", lambda i: "各级" not in doc.body(i) and "各地" not in doc.body(i)):
        sent = "各地要结合实际抓好落实。" if towns or rng.random() < 0.5 else "各级政府要加强组织领导。"
        if doc.insert_sentence(i, sent, rng):
            return [Entry("all_levels", "level_scope", i, None, sent)]
    return []


TERM_SWAPS = [
    (re.compile(r"法治(?=政府|社会|思维|方式|轨道|精神|理念|意识|素养|保障|环境|化)"), "法制"),
    (re.compile(r"截至"), "截止"),
    (re.compile(r"(?<=行政)权力|(?<=公共)权力"), "权利"),
    (re.compile(r"部署"), "布署"),
    (re.compile(r"(?<=行政)复议"), "覆议"),
]


def term_swap(doc: Doc, rng: random.Random) -> list[Entry]:
    """A confusable term swapped: 法治->法制 (in the title first), 截至->截止, 权力->权利."""
    pats = list(TERM_SWAPS)
    rng.shuffle(pats)
    for i in doc.free(rng, "term_consistency"):
        m = doc.site.plan.measures[i]
        if TERM_SWAPS[0][0].search(m.title):  # 法治 in the measure's title: the classic slip
            if doc.sub_re(i, TERM_SWAPS[0][0], lambda mt: "法制"):
                return [Entry("term_swap", "term_consistency", i, None, "法治→法制")]
    for pattern, new in pats:
        for i in doc.free(rng, "term_consistency"):
            old = doc.sub_re(i, pattern, lambda mt, n=new: n)
            if old:
                return [Entry("term_swap", "term_consistency", i, None, f"{old}→{new}")]
    return []


def duplicate_in(doc: Doc, rng: random.Random) -> list[Entry]:
    """A sentence pasted twice in one measure, sometimes with one word changed."""
    for i in doc.free(rng, "duplicate_sentence", lambda i: len(doc.sentences(i)) >= 2):
        r, s = rng.choice([x for x in doc.sentences(i) if len(x[1]) >= 16] or doc.sentences(i))
        copy = s
        for a, b in (("加强", "强化"), ("推进", "推动"), ("完善", "健全")):
            if a in s and rng.random() < 0.5:
                copy = s.replace(a, b, 1)
                break
        doc.lines[r] = doc.lines[r].replace(s, s + copy, 1)
        doc.used.add(i)
        return [Entry("duplicate_in", "duplicate_sentence", i, None, copy)]
    return []


def duplicate_across(doc: Doc, rng: random.Random) -> list[Entry]:
    """A task sentence of one measure pasted into another."""
    frees = doc.free(rng, "duplicate_sentence", lambda i: len(doc.sentences(i)) >= 2)
    if len(frees) < 2:
        return []
    a, b = frees[0], frees[1]
    _, s = rng.choice([x for x in doc.sentences(a) if len(x[1]) >= 16] or doc.sentences(a))
    if not doc.insert_sentence(b, s, rng):
        return []
    doc.used.add(a)
    return [Entry("duplicate_across", "duplicate_sentence", b, None, s, alt_sites=(a,))]


def numbering(doc: Doc, rng: random.Random) -> list[Entry]:
    """A number skipped or repeated in the measures' labels."""
    if not doc.renumber or doc.numbering:
        return []
    frees = doc.free(rng, "numbering", lambda i: i > 0)
    if not frees:
        return []
    i = frees[0]
    how = rng.choice(["gap", "repeat"])
    doc.numbering = (how, i)
    doc.used.add(i)
    return [Entry(f"numbering_{how}", "numbering", i, None, how)]


def date_space(doc: Doc, rng: random.Random) -> list[Entry]:
    """A stray space inside a date or number: 2022 年."""
    for i in doc.free(rng, "format", lambda i: re.search(r"20\d\d年", doc.text_only(i)) is not None):
        old = doc.sub_re(i, re.compile(r"(20\d\d)(年)"), lambda mt: f"{mt.group(1)} {mt.group(2)}")
        if old:
            return [Entry("date_space", "format", i, None, old.replace("年", " 年"))]
    return []


def bracket_mixed(doc: Doc, rng: random.Random) -> list[Entry]:
    """One measure's responsibility clause in other brackets than the rest's."""
    for i in doc.free(rng, "format", lambda i: doc.clause(i) is not None and doc.clause(i)[1].group(0)[0] in "（("):
        r, mt = doc.clause(i)  # type: ignore[misc]
        new = f"［{mt.group(1)}］" if rng.random() < 0.5 else f"[{mt.group(1)}]"
        doc.lines[r] = doc.lines[r][: mt.start()] + new + doc.lines[r][mt.end():]
        doc.used.add(i)
        return [Entry("bracket_mixed", "format", i, None, new)]
    return []


def clause_detached(doc: Doc, rng: random.Random) -> list[Entry]:
    """The responsibility clause moved to a paragraph of its own, after a blank line."""
    for i in doc.free(rng, "format", lambda i: doc.clause(i) is not None):
        r, mt = doc.clause(i)  # type: ignore[misc]
        if mt.end() < len(doc.lines[r].rstrip()):
            continue
        doc.lines[r] = doc.lines[r][: mt.start()]
        indent = re.match(r"\s*", doc.lines[r]).group(0)  # type: ignore[union-attr]
        doc.lines[r + 1:r + 1] = ["", indent + mt.group(0)]
        doc.owner[r + 1:r + 1] = [i, i]
        doc.used.add(i)
        return [Entry("clause_detached", "format", i, None, mt.group(0))]
    return []


def too_many_leads(doc: Doc, rng: random.Random) -> list[Entry]:
    """core.yaml's `lead-unit-many` condition rule: more than five lead units."""
    w = doc.site.word
    # the emergency bureau under the name the draft already uses: a second name would be a second
    # defect (unit_naming), not the one injected
    emergency = "应急管理局" if any(f"{w}应急管理局" in line for line in doc.lines) else "应急局"
    units = [f"{w}{u}" for u in ("司法局", "发展和改革局", "财政局", "商务局", "市场监管局", emergency, "审计局")]
    for i in doc.free(rng, "condition", lambda i: doc.clause(i) is not None):
        r, mt = doc.clause(i)  # type: ignore[misc]
        new = f"（牵头单位：{'、'.join(units[: rng.choice([6, 7])])}）"
        doc.lines[r] = doc.lines[r][: mt.start()] + new + doc.lines[r][mt.end():]
        doc.used.add(i)
        return [Entry("too_many_leads", "condition", i, None, new)]
    return []


DEFECTS: dict[str, Injector] = {
    "deadline_later": deadline_later,
    "deadline_removed": deadline_removed,
    "target_weaker": target_weaker,
    "lead_removed": lead_removed,
    "lead_vague": lead_vague,
    "measure_dropped": measure_dropped,
    "clause_dropped": clause_dropped,
    "self_reference": self_reference,
    "legislation": legislation,
    "all_levels": all_levels,
    "term_swap": term_swap,
    "duplicate_in": duplicate_in,
    "duplicate_across": duplicate_across,
    "numbering": numbering,
    "date_space": date_space,
    "bracket_mixed": bracket_mixed,
    "clause_detached": clause_detached,
    "too_many_leads": too_many_leads,
}


# ====================================================================== negative controls
def _control(name: str, kind: str, i: int, parent: str | None, text: str) -> list[Entry]:
    return [Entry(name, kind, i, parent, text, control=True)]


def stricter_deadline(doc: Doc, rng: random.Random) -> list[Entry]:
    for i in doc.free(rng, "deadline_not_later", lambda i: i in doc.site.carrier):
        parent = doc.site.carrier[i]
        for mt in DATE_DEADLINE.finditer(doc.text_only(i)):
            if mt.group(0) in _ptext(doc, parent) and mt.group(3) == "年底前":
                new = f"{mt.group(1)}年{rng.choice([6, 9])}月底前"
                if doc.sub(i, mt.group(0), new):
                    return _control("stricter_deadline", "deadline_not_later", i, parent, new)
    return []


def stronger_target(doc: Doc, rng: random.Random) -> list[Entry]:
    swaps = [
        (re.compile(r"不少于(\d+)学时"), lambda mt: f"不少于{int(mt.group(1)) * 4 // 3}学时"),
        (re.compile(r"基本(实现|建成|完善)"), lambda mt: f"全面{mt.group(1)}"),
        (re.compile(r"每年(应当)?举办两期以上"), lambda mt: "每年应当举办三期以上"),
    ]
    for pattern, repl in swaps:
        for i in doc.free(rng, "target_not_weaker", lambda i: i in doc.site.carrier):
            parent = doc.site.carrier[i]
            mt = next((mt for mt in pattern.finditer(doc.text_only(i)) if mt.group(0) in _ptext(doc, parent)), None)
            if mt and doc.sub(i, mt.group(0), repl(mt)):
                return _control("stronger_target", "target_not_weaker", i, parent, repl(mt))
    return []


def responsible_unit(doc: Doc, rng: random.Random) -> list[Entry]:
    """责任单位 instead of 牵头单位, or the (X牵头，Y配合) form."""
    for i in doc.free(rng, "lead_unit_required", lambda i: doc.clause(i) is not None):
        r, mt = doc.clause(i)  # type: ignore[misc]
        inner = mt.group(1)
        lead = re.search(r"(?:牵头单位|责任单位)[:：]([^；;]+)", inner)
        sup = re.search(r"配合单位[:：](.+)", inner)
        if not lead:
            continue
        if rng.random() < 0.5 or not sup:
            new, name = f"（责任单位：{lead.group(1)}）", "responsible_unit"
        else:
            new, name = f"（{lead.group(1)}牵头，{sup.group(1)}配合）", "lead_support_form"
        doc.lines[r] = doc.lines[r][: mt.start()] + new + doc.lines[r][mt.end():]
        doc.used.add(i)
        return _control(name, "lead_unit_required", i, None, new)
    return []


def rewording(doc: Doc, rng: random.Random) -> list[Entry]:
    words = [("加强", "强化"), ("推进", "推动"), ("不断提高", "持续提升"), ("进一步", "更加"), ("深入", "持续"), ("健全", "完善")]
    for i in doc.free(rng, "clause_carried", lambda i: i in doc.site.carrier):
        done = [f"{a}→{b}" for a, b in words if a in doc.text_only(i) and doc.sub(i, a, b, last=True)][:3]
        if done:
            return _control("rewording", "clause_carried", i, doc.site.carrier[i], "，".join(done))
    return []


def higher_reference(doc: Doc, rng: random.Random) -> list[Entry]:
    """Legitimate references to higher levels: 依据自治区规定, 严格执行国家、自治区、市的规定."""
    s = doc.site
    sent = rng.choice([
        "依据自治区有关规定抓好落实。",
        f"严格执行国家、自治区、{s.city}关于法治政府建设的有关规定。",
        f"按照{s.city}统一部署，认真做好有关工作。",
    ])
    for i in doc.free(rng, "self_reference"):
        if doc.insert_sentence(i, sent, rng):
            return _control("higher_reference", "self_reference", i, None, sent)
    return []


def parent_title(doc: Doc, rng: random.Random) -> list[Entry]:
    sent = f"认真落实《{_fullwidth(doc.site.parent.title)}》有关要求。"
    for i in doc.free(rng, "self_reference"):
        if doc.insert_sentence(i, sent, rng):
            return _control("parent_title", "self_reference", i, None, sent)
    return []


def assist_legislation(doc: Doc, rng: random.Random) -> list[Entry]:
    for i in doc.free(rng, "level_scope", lambda i: "立法" not in doc.body(i)):
        sent = rng.choice(["协助配合上级做好相关领域立法工作。", "积极配合自治区、市开展立法调研，提出立法建议。"])
        if doc.insert_sentence(i, sent, rng):
            return _control("assist_legislation", "level_scope", i, None, sent)
    return []


def phrase_repeated(doc: Doc, rng: random.Random) -> list[Entry]:
    """A short phrase used twice in one measure, in two different sentences."""
    for i in doc.free(rng, "duplicate_sentence", lambda i: len(doc.sentences(i)) >= 3):
        ss = doc.sentences(i)
        a, b = rng.sample(range(len(ss)), 2)
        (ra, sa), (rb, sb) = ss[a], ss[b]
        if sa == sb:
            continue
        phrase = rng.choice(["坚持依法依规，", "按照职责分工，", "结合工作实际，"])
        doc.lines[ra] = doc.lines[ra].replace(sa, phrase + sa, 1)
        doc.lines[rb] = doc.lines[rb].replace(sb, phrase + sb, 1)
        doc.used.add(i)
        return _control("phrase_repeated", "duplicate_sentence", i, None, phrase)
    return []


CONTROLS: dict[str, Injector] = {
    "stricter_deadline": stricter_deadline,
    "stronger_target": stronger_target,
    "responsible_unit": responsible_unit,
    "rewording": rewording,
    "higher_reference": higher_reference,
    "parent_title": parent_title,
    "assist_legislation": assist_legislation,
    "phrase_repeated": phrase_repeated,
}


def _ptext(doc: Doc, parent_ref: str) -> str:
    m = next((m for m in doc.site.parent.measures if m.ref == parent_ref), None)
    return _orig_like(m.text) if m else ""


def _orig_like(text: str) -> str:
    """Parent text as an original line would write it (full-width commas), for substring tests."""
    return text + text.replace(",", "，").replace(";", "；").replace(":", "：").replace("(", "（").replace(")", "）")


def inject(
    text: str, site: Site, names: list[str], rng: random.Random, path: str = "<injected>"
) -> tuple[str, list[Entry], list[str], Plan, dict[str, int]]:
    """Apply the named injectors/controls in order; return the text, the key, the skipped names,
    the edited plan and its ref -> clean-measure map."""
    doc = Doc(text, site)
    entries: list[Entry] = []
    skipped: list[str] = []
    for name in names:
        fn = DEFECTS.get(name) or CONTROLS[name]
        doc.last_context = ""
        got = fn(doc, rng)
        for e in got:
            e.context = e.context or doc.last_context
        if got:
            entries += got
        else:
            skipped.append(name)
    out, owner = doc.render()
    plan = resolve(out, owner, entries, path)
    return out + ("\n" if not out.endswith("\n") else ""), entries, skipped, plan, site_owner_map(plan, owner)
