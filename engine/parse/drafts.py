"""A plan published while still a draft: its stage mark, and the papers about the draft published with it.

The stage mark (rulesets/data/drafts.yaml `stages`, after an optional `stage_qualifiers`) is printed in brackets after
the title or on a line under it — …实施方案（征求意见稿）, …方案（2026—2028年）（第二次征求意见稿）, …方案（征求意见稿修改稿）
— or run on without brackets (…方案征求意见稿). It says the plan is a draft (Plan.is_draft); it is no part of the plan's own
title, so titles are compared without it (`without_stage`). The title the parser reports keeps it as printed.

The papers (drafts.yaml `papers`: 修改对照表, 征求意见采纳情况表, 意见反馈表, 修改说明 …) follow the draft and are about it:
their rows quote the measures again or name the units that commented. The plan ends at such a heading
(engine/parse/__init__.py `_explanation_start`), as at an 起草说明's.
"""

from __future__ import annotations

import re

from engine.extract.data import read_data
from engine.memo import memo


@memo(1, copy="shared")  # the one file, read once
def _data() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    raw = read_data("drafts.yaml", required=True) or {}

    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted((str(w) for w in raw.get(key) or ()), key=len, reverse=True))

    return words("stages"), words("stage_qualifiers"), words("papers"), words("paper_columns")


def stage_words() -> tuple[str, ...]:
    """The words naming a draft's stage (征求意见稿, 送审稿, 修改稿 …), longest first."""
    return _data()[0]


@memo(1, copy="shared")
def _stage() -> re.Pattern[str]:
    """One stage mark's words: qualifiers, then one stage word or several run together (征求意见稿修改稿)."""
    stages, qualifiers, *_ = _data()
    stage = "|".join(map(re.escape, stages)) or "(?!)"
    qualifier = "|".join(f"(?:{q})" for q in qualifiers)
    lead = f"(?:{qualifier})*" if qualifier else ""
    return re.compile(rf"{lead}(?:{stage})(?:[·、]?(?:{stage}))*")


@memo(1, copy="shared")
def _bracketed() -> re.Pattern[str]:
    """A stage mark in brackets, with the spaces before it."""
    return re.compile(rf"\s*[(（【\[〔](?:{_stage().pattern})[)）】\]〕]")


@memo(1, copy="shared")
def _tail() -> re.Pattern[str]:
    """The trailing parentheticals of a title, or a stage mark run on at its end without brackets."""
    return re.compile(rf"(?:\s*[(（【\[〔][^()（）【】\[\]〔〕]{{1,24}}[)）】\]〕]|\s*(?:{_stage().pattern}))+\s*$")


@memo(1, copy="shared")
def _run_on() -> re.Pattern[str]:
    """A stage mark run on at a text's end without brackets (…方案征求意见稿)."""
    return re.compile(rf"(?:{_stage().pattern})\s*$")


def stage_mark(title: str) -> str | None:
    """The stage mark at the end of `title` (among its trailing parentheticals: …方案（2026—2028年）（送审稿）; or run on:
    …方案征求意见稿), without its brackets; None for a title that carries none."""
    tail = _tail().search(title)
    if tail is None:
        return None
    m = _stage().search(tail.group())
    return m.group() if m else None


def without_stage(title: str) -> str:
    """`title` without the stage marks among its trailing parentheticals (…方案（2026—2028年）（征求意见稿）→ …方案（2026—2028
    年）) or run on at its end; the other parentheticals stay (a period, 试行 are the title's own)."""
    tail = _tail().search(title)
    if tail is None:
        return title
    kept = _bracketed().sub("", tail.group())
    kept = _run_on().sub("", kept)
    return (title[: tail.start()] + kept).rstrip()


def names_stage(text: str) -> bool:
    """`text` names a draft's stage anywhere (a short front line: （征求意见稿）, 送审稿)."""
    return _stage().search(text) is not None


_PAPER_OPEN = re.compile(r"^(?:附\s*[件表]?\s*[0-9一二三四五六七八九十]{0,3}\s*[:：、.．]?\s*)?(?:关于)?(?:《[^《》]{2,80}》)?\s*的?")
_PAPER_CLOSE = re.compile(r"\s*[:：]?$")


def paper_head(text: str) -> bool:
    """`text` is the heading of a paper about the draft (drafts.yaml `papers`: 修改对照表, 附件2 征求意见采纳情况表,
    《X》修改说明 …), the whole paragraph."""
    core = _PAPER_CLOSE.sub("", _PAPER_OPEN.sub("", text.strip(), count=1))
    return core in _data()[2]


@memo(1, copy="shared")
def _paper_run() -> re.Pattern[str]:
    """A paper's heading standing on its own inside a page that lost its line breaks: after a stop or a space, an 附件N
    before it taken along, and before a space, the end, or its table's first column head (drafts.yaml `paper_columns`:
    … 强化考核督导。 意见反馈表 姓名 工作单位 …, the spaces lost in normalising: …进展。意见反馈表姓名工作单位…)."""
    papers = "|".join(map(re.escape, _data()[2])) or "(?!)"
    columns = "|".join(map(re.escape, _data()[3])) or "(?!)"
    return re.compile(
        rf"(?<=[\s。；;：:])(?:附\s*[件表]\s*[0-9一二三四五六七八九十]{{0,3}}\s*[:：、]?\s*)?(?:{papers})"
        rf"(?=\s|$|(?:{columns}))"
    )


def paper_cuts(text: str, after: int) -> list[int]:
    """Where a paper's heading about the draft (意见反馈表, 修改对照表 …) begins and ends in a run-on page, past `after`
    (the second item): cut out, it is the paragraph the plan ends at (`paper_head`), and the form's columns after it
    (姓名 工作单位 联系电话 …) no measure's text."""
    return [k for m in _paper_run().finditer(text, after) for k in (m.start(), m.end())]


@memo(1, copy="shared")
def _anywhere() -> re.Pattern[str]:
    return re.compile(rf"[(（【\[〔]?(?:{_stage().pattern})[)）】\]〕]?")


def stage_only(text: str) -> bool:
    """`text` is wholly a stage mark, bracketed or bare (（征求意见稿）, 送审稿, 【第二次征求意见稿】): a line of its own
    above or under a title, never part of it."""
    return _anywhere().fullmatch(text.strip()) is not None


def unmarked(text: str) -> str:
    """`text` with every stage mark in it taken out, bracketed or not (《X（征求意见稿）》 → 《X》): for finding a draft's
    title cited in another text."""
    return _anywhere().sub("", text)
