"""Make realistic lower-level drafts from a real parent plan, with an answer key.

A drafting office writes a district or county plan by copying the parent's measures, renumbering
them under its own chapters, naming its own units, replacing the parent's self-references, and
merging, splitting, reordering, rewording or dropping some. `make_draft` does the same, seeded, and
returns the text plus the key: which draft measures carry which parent measure, and how.
Defect injection for the quality benchmark builds on this (bench/quality.py).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from engine import RULESETS_DIR
from engine.ingest import from_text, load_document
from engine.models import Measure, Plan
from engine.parse import parse_plan

# Places of the lower level: (city, district or county, level word used in self-references).
PLACES = [
    ("柳州市", "城中区", "区"), ("南宁市", "青秀区", "区"), ("桂林市", "阳朔县", "县"), ("梧州市", "藤县", "县"),
    ("玉林市", "兴业县", "县"), ("百色市", "右江区", "区"), ("河池市", "宜州区", "区"), ("钦州市", "灵山县", "县"),
]
# Units a lower level names, by topic word found in the measure; {L} is 区 or 县.
UNIT_POOL = [
    ("执法", ["{L}司法局", "{L}市场监管局", "{L}应急局"]),
    ("审批", ["{L}政务服务中心", "{L}行政审批局"]),
    ("政务服务", ["{L}政务服务中心", "{L}大数据发展局"]),
    ("规范性文件", ["{L}政府办公室", "{L}司法局"]),
    ("决策", ["{L}政府办公室", "{L}司法局"]),
    ("突发事件", ["{L}应急局", "{L}卫生健康局"]),
    ("复议", ["{L}司法局"]),
    ("调解", ["{L}司法局", "{L}信访局"]),
    ("监督", ["{L}纪委监委", "{L}审计局"]),
    ("公开", ["{L}政府办公室", "{L}政务服务中心"]),
    ("编制", ["{L}委编办"]),
    ("营商环境", ["{L}发展和改革局", "{L}商务局"]),
    ("市场", ["{L}市场监管局", "{L}发展和改革局"]),
    ("培训", ["{L}委组织部", "{L}人力资源和社会保障局"]),
    ("经费", ["{L}财政局"]),
    ("数据", ["{L}大数据发展局"]),
]
DEFAULT_UNITS = ["{L}司法局", "{L}政府办公室"]
SUPPORT = ["{L}政府各有关部门", "各乡镇人民政府", "{L}直各有关单位"]
REWORDINGS = [("加强", "强化"), ("推进", "推动"), ("不断提高", "持续提升"), ("进一步", "更加"), ("深入", "持续")]
CN_NUM = "一二三四五六七八九十"


def cn(n: int) -> str:
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + (CN_NUM[n - 11] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return CN_NUM[tens - 1] + "十" + (CN_NUM[ones - 1] if ones else "")


@dataclass
class Key:
    """The answer key of one generated draft."""

    pairs: dict[str, tuple[list[str], str]] = field(default_factory=dict)  # parent ref -> (draft refs, relation)
    place: tuple[str, str, str] = ("", "", "")
    dropped: list[str] = field(default_factory=list)


def _units(text: str, level_word: str, rng: random.Random) -> str:
    pool = next((u for word, u in UNIT_POOL if word in text), DEFAULT_UNITS)
    lead = rng.sample(pool, k=min(len(pool), rng.choice([1, 2])))
    support = rng.choice(SUPPORT)
    fmt = lambda u: u.replace("{L}", level_word)  # noqa: E731
    style = rng.random()
    if style < 0.7:
        return f"（牵头单位：{'、'.join(map(fmt, lead))}；配合单位：{fmt(support)}）"
    if style < 0.9:
        return f"（责任单位：{'、'.join(map(fmt, lead))}）"
    return f"（{'、'.join(map(fmt, lead))}牵头，{fmt(support)}配合）"


_PROPER_HEADS = yaml.safe_load((RULESETS_DIR / "data" / "levels.yaml").read_text("utf-8"))["proper_name_heads"]


def _adapt(text: str, parent: Plan, place: tuple[str, str, str]) -> str:
    """Replace the parent's self-references with the draft's, as a careful office would.

    Titles in 《》 and the parent's full official name (广西壮族自治区人民政府) name other bodies and
    documents, not the plan itself: they stay as written. Legislative tasks become assisting ones
    (协助配合…), as a county-level office must write them: it has no legislative power.
    """
    _, local, word = place
    names = sorted(filter(None, {parent.jurisdiction, parent.jurisdiction.replace("壮族自治区", "")}), key=len)[::-1]
    # Proper names that contain the place (广西北部湾经济区, 广西大学) name something else; an office
    # keeps them. The heads are the checker's own data table, so both sides agree on what a name is.
    # non-capturing: split() keeps only the outer group (the table's pattern is one "(…)" group, whose
    # alternatives may hold groups of their own: only its outer pair is replaced)
    inner = _PROPER_HEADS[1:-1] if _PROPER_HEADS.startswith("(") and _PROPER_HEADS.endswith(")") else _PROPER_HEADS
    heads = "(?:" + re.sub(r"\((?!\?)", "(?:", inner) + ")"
    keep = re.compile(
        "(《[^》]*》|"
        + "|".join(
            f"{re.escape(n)}壮族自治区|中国[(（]{re.escape(n)}[)）]|{re.escape(n)}[^，。；、“”]{{0,6}}?{heads}" for n in names
        )
        + ")"
    ) if names else None
    parts = keep.split(text) if keep else [text]
    for k in range(0, len(parts), 2):  # odd parts are the kept spans
        for own in names:
            parts[k] = parts[k].replace(own, local)
        parts[k] = (
            parts[k].replace("我省", f"我{word}").replace("全省", f"全{word}").replace("我区", f"我{word}")
            .replace("全区各级政府", f"{local}").replace("各级政府", f"{local}政府").replace("全区", f"全{word}")
        )
    text = _fullwidth("".join(parts))
    for a, b in COPIED_UPWARD:
        text = re.sub(a, b.replace("{L}", word), text)
    return "".join(
        "协助配合" + s if LEGISLATE.search(s) and not re.search("协助|配合", s) else s
        for s in re.split(r"(?<=[。；])", text)
    )


FULLWIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"})


def _fullwidth(text: str) -> str:
    """Punctuation as a drafting office types it: the parent file was scraped with half-width marks."""
    return text.translate(FULLWIDTH)


# What a careful county-level office rewrites when it copies the parent: addresses to the levels below
# a province, and other levels' plans (cf. the fixture draft: 各地各层级… -> …, 自治区、设区市、县 -> 市、区).
COPIED_UPWARD = [
    ("各地各层级", ""), ("各地各部门", "各部门"), ("各地各领域", "各领域"), ("本地本部门", "本部门"),
    ("各地党委", "{L}委"), ("市县政府", "{L}政府"), ("行政立法、", ""),
    ("自治区、设区市、县（市、区）总体应急预案", "{L}总体应急预案"),
]

LEGISLATE = re.compile(r"(推进|加强|完善)[^，,。；;]{0,60}(?<!行政)(立法|规章|地方性法规)(?!人员|联系点|需求)|立改废释")


def make_draft(parent: Plan, seed: int) -> tuple[str, Key]:
    rng = random.Random(seed)
    place = PLACES[seed % len(PLACES)]
    city, local, word = place
    key = Key(place=place)
    measures = [m for m in parent.measures if m.parent_measure is None]
    general = [m for m in measures if m.general]
    tasks = [m for m in measures if not m.general]
    # Chapters of the draft follow the parent's chapters (its first path element).
    chapters: dict[str, list[Measure]] = {}
    for m in tasks:
        chapters.setdefault(m.path[0] if m.path else "", []).append(m)
    title = _fullwidth(parent.title)
    lines = [f"{city}{local}贯彻落实《{title}》的实施方案（征求意见稿）"]
    lines.append(f"为贯彻落实《{title}》，结合{local}实际，制定本方案。")
    if general:
        lines.append("一、总体目标")
        lines.append(_adapt(general[-1].text, parent, place))
        for g in general:
            key.pairs[g.ref] = (["§一"], "general")
    lines.append("二、重点任务")
    n = 0
    titles = {s.label: s.title for s in parent.sections}
    for ci, (label, ms) in enumerate(chapters.items(), 1):
        lines.append(f"（{cn(ci)}）{_fullwidth(titles.get(label, '工作任务'))}")
        order = list(ms)
        if rng.random() < 0.3 and len(order) > 2:  # reorder within a chapter
            i = rng.randrange(len(order) - 1)
            order[i], order[i + 1] = order[i + 1], order[i]
        i = 0
        while i < len(order):
            m = order[i]
            roll = rng.random()
            if roll < 0.05:  # dropped without a reason
                key.pairs[m.ref] = ([], "dropped")
                key.dropped.append(m.ref)
                i += 1
                continue
            body = _adapt(m.text, parent, place)
            if roll < 0.13 and i + 1 < len(order):  # merged with the next parent measure
                nxt = order[i + 1]
                n += 1
                body2 = _adapt(nxt.text, parent, place)
                lines.append(f"{n}．{body}{body2.split('。', 1)[-1]}{_units(body, word, rng)}")
                key.pairs[m.ref] = ([str(n)], "merged")
                key.pairs[nxt.ref] = ([str(n)], "merged")
                i += 2
                continue
            sentences = [s for s in re.split(r"(?<=。)", body) if s]
            if roll < 0.2 and len(sentences) >= 5:  # split in two
                half = len(sentences) // 2
                n += 1
                lines.append(f"{n}．{''.join(sentences[:half])}{_units(body, word, rng)}")
                n += 1
                lines.append(f"{n}．{''.join(sentences[half:])}{_units(body, word, rng)}")  # no title twice
                key.pairs[m.ref] = ([str(n - 1), str(n)], "split")
                i += 1
                continue
            if roll < 0.45:  # reworded
                for a, b in rng.sample(REWORDINGS, k=2):
                    body = body.replace(a, b, 1)
            n += 1
            lines.append(f"{n}．{body}{_units(body, word, rng)}")
            key.pairs[m.ref] = ([str(n)], "same")
            i += 1
    return "\n".join(lines) + "\n", key


def write_drafts(parent_path: Path, out_dir: Path, count: int, seed: int = 0) -> list[Path]:
    parent = parse_plan(load_document(str(parent_path)))
    paths = []
    for i in range(count):
        text, _ = make_draft(parent, seed * 100_003 + i)
        p = out_dir / f"draft-{i:04d}.txt"
        p.write_text(text, "utf-8")
        paths.append(p)
    return paths


def synthetic_pair(parent_path: Path, n: int, seed: int) -> tuple[Plan, Plan]:
    """Plans of n measures per side for the scale benchmark: sentences sampled from a real plan."""
    rng = random.Random(seed)
    base = parse_plan(load_document(str(parent_path)))
    sentences = [s.text for m in base.measures for s in m.sentences if len(s.text) > 12]
    parent_lines, draft_lines = ["某省某某实施方案"], ["某市某区贯彻落实某某实施方案的方案"]
    per_chapter = max(10, -(-n // 40))  # at most 40 chapters: Chinese chapter numerals stay below 一百
    for i in range(n):
        if i % per_chapter == 0:
            parent_lines.append(f"{cn(i // per_chapter + 1)}、任务{i // per_chapter + 1}")
            draft_lines.append(f"({cn(i // per_chapter + 1)})任务{i // per_chapter + 1}")
        body = "".join(rng.sample(sentences, k=rng.randint(3, 7)))
        parent_lines.append(f"{i + 1}、第{i + 1}项任务。{body}")
        draft_lines.append(f"{i + 1}.第{i + 1}项任务。{body}(牵头单位:区司法局;配合单位:区政府各有关部门)")
    parent = parse_plan(from_text("\n".join(parent_lines), "synthetic-parent.txt"))
    draft = parse_plan(from_text("\n".join(draft_lines), "synthetic-draft.txt"))
    return parent, draft
