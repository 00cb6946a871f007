"""References and when they stopped being current (rulesets/data/references.yaml): where a text cites one
as current guidance, basis or law rather than as history, and which of those the data name a successor for.

Read by reference_outdated (a successor named: 党的十九大精神 in 2023, 《合同法》, the 2015—2020 纲要) and
reference_period_ended (a period that ended, no successor known: 《…（2023—2025年）》 in a 2026 plan).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from engine import RULESETS_DIR
from engine.memo import memo

REFERENCES_PATH = RULESETS_DIR / "data" / "references.yaml"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _regex(v: str) -> str:
    try:
        re.compile(v)
    except re.error as e:
        raise ValueError(f"bad regular expression: {e}") from None
    return v


class Reference(_Data):
    """One dated reference: the names it is cited by, and when it stopped being current."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    kind: Literal["congress", "plan", "period", "law", "goal"]
    names: list[str] = Field(min_length=1, description="regular expressions over normalised text")
    hints: list[str] = Field(
        default_factory=list,
        description="plain words one of which every name contains: a text without any is not searched (speed)",
    )
    before: str | None = Field(
        None, description="goal: text right before the name that makes it a task still ahead (为, 确保, 决胜)"
    )
    label: str | None = Field(None, description="congress: how the successor is named when it is current")
    since: dt.date | None = Field(None, description="congress: the day it opened")
    until: dt.date | None = Field(None, description="the last day it is current (period: from the title)")
    successor: str | None = Field(
        None,
        description="what to cite instead (congress: the one current at the date); a period entry without one is "
        "reported by reference_period_ended (its period ended; whether a new edition exists is not known)",
    )
    source: str

    @field_validator("names")
    @classmethod
    def _names(cls, v: list[str]) -> list[str]:
        return [_regex(x) for x in v]

    @field_validator("before")
    @classmethod
    def _before(cls, v: str | None) -> str | None:
        return None if v is None else _regex(v)


class References(_Data):
    """rulesets/data/references.yaml."""

    sources: dict[str, str] = Field(default_factory=dict)
    current_cue: str = Field(description="congress: a verb of following before the name, in its clause")
    current_object: str = Field(description="congress: what is followed, after the name in its clause")
    basis_cue: str = Field(description="plan/period: text right before the name that makes it the basis")
    history_after: str = Field(description="text right after the name that makes it history (以来, 时期)")
    repealed_words: str = Field(description="words in the clause saying a law is gone (废止)")
    numbered_periods: dict[str, tuple[int, int]] = Field(
        default_factory=dict,
        description="period: a plan named by its number instead of its years (十四五 -> first and last year); a "
        "name's group (?P<numbered>…) is looked up here",
    )
    references: list[Reference] = Field(default_factory=list)

    @field_validator("current_cue", "current_object", "basis_cue", "history_after", "repealed_words")
    @classmethod
    def _cues(cls, v: str) -> str:
        return _regex(v)

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        out: list[tuple[tuple[str | int, ...], str]] = []
        for i, r in enumerate(self.references):
            for j, name in enumerate(r.names):
                literal = re.fullmatch(r"[^\\()\[\]?*+|{}.^$]+", name)
                if r.hints and literal and not any(h in name for h in r.hints):
                    out.append((("references", i, "names", j), "contains none of the reference's hints"))
            if r.source not in self.sources:
                out.append((("references", i, "source"), f"no source with id '{r.source}' in `sources`"))
            if r.kind == "goal" and r.before is None and not r.names:
                out.append((("references", i, "before"), "a goal needs `before`"))
            if r.kind != "period" and r.until is None and r.kind != "congress":
                out.append((("references", i, "until"), "a dated reference needs `until`"))
            if r.kind == "period" and not any("(?P<end>" in n or "(?P<numbered>" in n for n in r.names):
                out.append((("references", i, "names"),
                            "a period reference needs a group (?P<end>…) for the last year or (?P<numbered>…) for "
                            "a key of numbered_periods"))
        for key, (first, last) in self.numbered_periods.items():
            if first > last:
                out.append((("numbered_periods", key), "the first year is after the last"))
        return out

    def period_end(self, m: re.Match[str]) -> int | None:
        """The last year of the period a `period` name matched: its (?P<end>…) year, or its
        (?P<numbered>…) plan's last year in `numbered_periods` (None: not listed there)."""
        groups = m.groupdict()
        if groups.get("end"):
            return int(groups["end"])
        found = self.numbered_periods.get(groups.get("numbered") or "")
        return found[1] if found else None


def read_references(path: Path) -> References:
    from engine.rules.loader import read_data_model

    return read_data_model(path, References, "a reference list is a mapping with sources, references …")


# one References per file and mtime: the shipped list and an office's own
@memo(4, copy="shared")
def _load(path: str, stamp: float) -> References:
    return read_references(Path(path))


def load_references(path: Path = REFERENCES_PATH) -> References:
    return _load(str(path), path.stat().st_mtime if path.is_file() else -1.0)


_CLAUSE_END = "。；;！？!?\n"
# titles cited one after another before this one (根据《A》、《B》和《C》): the cue before the first
# governs them all
_LISTED_BEFORE = re.compile(r"(?:《[^《》]*》(?:[、]|以及|和|及|与)?)+$")


def _title_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the 《…》 title [start, end) stands inside, else [start, end) itself."""
    a, b = text.rfind("《", 0, start), text.find("》", end)
    if a < 0 or b < 0 or text.rfind("》", a, start) >= 0 or text.find("《", end, b) >= 0:
        return start, end
    return a, b + 1


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """(clause text before the match, clause text after it)."""
    a = max(text.rfind(c, 0, start) for c in _CLAUSE_END) + 1
    stops = [i for i in (text.find(c, end) for c in _CLAUSE_END) if i >= 0]
    return text[a:start], text[end : min(stops, default=len(text))]


def cited_as_current(
    ref: Reference, refs: References, text: str, after: dt.date | None = None
) -> Iterator[tuple[str, dt.date, int, int]]:
    """(quote, last day current, start, end) of each place `text` cites `ref` as current guidance, basis or
    law, not as history; only those whose last day is before `after` when given (the clause is not read
    for the others). A period's last day is the end of its last year (2016-2020年, 十三五: 2020-12-31)."""
    for pattern in ref.names:
        for m in re.finditer(pattern, text):
            until = ref.until
            if ref.kind == "period":
                year = refs.period_end(m)
                until = dt.date(year, 12, 31) if year else None
            if until is None or (after is not None and after <= until):
                continue
            start, end = m.start(), m.end()
            if ref.kind == "plan":
                start, end = _title_around(text, start, end)  # 根据《某县…第十三个五年规划纲要》: the title is cited
            before, rest = _clause(text, start, end)
            if re.match(refs.history_after, rest):
                continue
            if ref.kind == "congress":
                if not (re.search(refs.current_cue, before) and re.search(refs.current_object, rest)):
                    continue
            elif ref.kind in ("plan", "period"):
                if not re.search(refs.basis_cue, _LISTED_BEFORE.sub("", before)):
                    continue
            elif ref.kind == "goal":
                if ref.before and not re.search(ref.before, before):
                    continue
            elif before.endswith("原") or re.search(refs.repealed_words, before + rest):
                continue
            yield m.group(), until, m.start(), m.end()


def replaced(ref: Reference, refs: References, text: str, date: dt.date) -> Iterator[tuple[str, dt.date, int, int]]:
    """The citations of `ref` in `text` that were no longer current at `date` and that the data name a successor
    for (a congress: the next one); a period with no successor is none of them (nothing is known to replace it)."""
    if ref.kind != "congress" and not ref.successor:
        return
    yield from cited_as_current(ref, refs, text, after=date)
