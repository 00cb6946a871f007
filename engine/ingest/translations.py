"""Translations printed with the Chinese: a paragraph wholly in a minority script beside Chinese paragraphs.

An ethnic autonomous area prints its documents in two languages: its 红头 names the office first in Mongolian, Uyghur
or Tibetan script above the Chinese "……文件" line, its 落款 likewise, or the whole text stands in paragraph pairs — the
issuer, the title, each heading and item and the date first in Korean (or Mongolian, Yi, Zhuang …) and then in
Chinese, both with the same numbers. Read as the plan's text, each such paragraph was the plan's own: the Korean title
joined the Chinese one into one title, and each Korean "1. …" became a measure beside the Chinese "1.…", every item
counted twice.

Which scripts are data (rulesets/data/scripts.yaml, with their Unicode blocks and the areas that print them). A line
is in a script when, its leading number (一、 （一） 1. ①) left aside, its letters are that script's and Han characters
are at most a quarter of them (a Korean line may quote a name in Hanzi; a Chinese line quoting a Mongolian word has
more Han than that). Such a line is a translation, set aside (blank, so lines keep their numbers) and listed as
removed, when the document is Chinese — its Chinese lines at least a third as many as the translated ones, so a text
in the minority language alone is left whole. A script Chinese documents also write on their own (`paired`: Latin
letters, which 壮文 and the other 1950s schemes use, as do English, 5G and ISO 9001) is a translation only where the
document is printed in pairs: a line of it, of PAIRED_WORDS words at least, next to a Chinese line with the same
number, at least PAIRED_MARKS times, or set between two Chinese lines at least SANDWICHED times; then each run of its
lines next to a Chinese line goes (a short heading, 二、Hong'hong youqgaenj, with the rest). An English abstract after
the text, a product's name or a standard's number stays.

A task table's row is never a translation (its cells are read as cells). Linear: each line is read once, by one
pattern per script and one for Han, and a line longer than MAX_LEN (a page scraped as one line) is never one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.ingest.numbering import CN_NUMERALS
from engine.ingest.tables import TableRow
from engine.memo import memo
from engine.numbering_marks import mark_styles

RawLine = tuple[int, str]

MAX_LEN = 5000  # characters: a translated paragraph is shorter; a longer line (a page scraped as one) is no translation
HAN_SHARE = 4  # a translated line's Han characters are at most 1/HAN_SHARE of its script's letters
MIN_LETTERS = 2  # letters of the script a translated line holds at least (2026년 4월 3일: three)
# a line of a `paired` script shows a pair with words of its letters (not AED, ISO 9001, www.gov.cn): at least
PAIRED_WORDS = 3
PAIRED_MARKS = 2  # its lines next to a Chinese line with the same number: the document is printed in pairs
SANDWICHED = 3  # or its lines set between two Chinese lines
CHINESE_SHARE = 3  # the document is Chinese: its Chinese lines at least 1/CHINESE_SHARE of the translated ones
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_WORD = re.compile(r"\S+")
_CN = CN_NUMERALS
_NUMBER = re.compile(
    rf"\s*(?:第[{_CN}\d]{{1,4}}[章节条部分款项]|[（(][{_CN}\d]{{1,4}}[）)]|[{_CN}]{{1,4}}[、.．]"
    rf"|\d{{1,3}}(?:[.．、](?!\d)|\s*[)）]))\s*"
)
_FOLD = str.maketrans("（）．、", "()..")  # 1． 1、 and 1. , （一） and (一) are one number


@dataclass(frozen=True)
class _Script:
    name: str
    letters: re.Pattern[str]
    paired: bool


@dataclass(frozen=True)
class _Scripts:
    each: tuple[_Script, ...]
    any: re.Pattern[str] | None  # a letter of any of them: a line without one is read no further


@memo(1, copy="shared")  # compiled once from the data; frozen
def _data() -> _Scripts:
    from engine.extract.data import read_data  # here, not at import

    raw = read_data("scripts.yaml", required=True) or {}
    out, every = [], []
    for s in raw.get("scripts") or ():
        if not isinstance(s, dict):
            continue
        spans = []
        for r in s.get("ranges") or ():
            lo, _, hi = str(r).partition("-")
            spans.append(f"\\U{int(lo, 16):08x}-\\U{int(hi or lo, 16):08x}")
        if spans:
            letters = re.compile(f"[{''.join(spans)}]")
            out.append(_Script(str(s.get("name") or ""), letters, bool(s.get("paired"))))
            every += spans
    return _Scripts(tuple(out), re.compile(f"[{''.join(every)}]") if every else None)


def _scripts() -> tuple[_Script, ...]:
    """The scripts of rulesets/data/scripts.yaml, in the file's order."""
    return _data().each


@dataclass(frozen=True)
class _Line:
    script: _Script | None  # the script the line is a translation in, if it is one
    chinese: bool  # a Chinese line: Han characters, and no translation
    number: str  # its leading number, folded ("" when none)
    words: int


def _read(text: str) -> _Line:
    if len(text) > MAX_LEN:
        return _Line(None, True, "", 0)
    m = _NUMBER.match(text)
    if m is None and text.lstrip()[:1] in mark_styles():  # ㈠ ⑴ ⒈ ①
        at = len(text) - len(text.lstrip())
        number, body = text[at], text[at + 1 :]
    else:
        number, body = (m.group().strip(), text[m.end() :]) if m else ("", text)
    number = "".join(number.split()).translate(_FOLD)
    han = len(_HAN.findall(body))
    scripts = _data()
    if scripts.any is None or scripts.any.search(body) is None:
        return _Line(None, han >= MIN_LETTERS, number, 0)
    best, most = None, 0
    for script in scripts.each:
        n = len(script.letters.findall(body))
        if n > most:
            best, most = script, n
    if best is not None and most >= MIN_LETTERS and han * HAN_SHARE <= most:
        words = sum(bool(best.letters.search(w)) for w in _WORD.findall(body)) if best.paired else 0
        return _Line(best, False, number, words)
    return _Line(None, han >= MIN_LETTERS, number, 0)


def cut(lines: list[RawLine]) -> tuple[list[RawLine], list[str]]:
    """The lines with each translation made blank (lines keep their numbers), and the text set aside, one entry per
    line, spaces collapsed."""
    body = [k for k, (_, line) in enumerate(lines) if line.strip()]
    nothing = _Line(None, False, "", 0)  # a task table's row
    read = {k: nothing if isinstance(lines[k][1], TableRow) else _read(lines[k][1]) for k in body}
    translated = [k for k in body if read[k].script is not None]
    if not translated:
        return lines, []
    chinese = sum(r.chinese for r in read.values())
    if chinese * CHINESE_SHARE < len(translated):
        return lines, []
    at = {k: i for i, k in enumerate(body)}

    def beside(k: int) -> list[_Line]:
        i = at[k]
        return [read[body[j]] for j in (i - 1, i + 1) if 0 <= j < len(body)]

    cut_at: set[int] = set()
    for script in dict.fromkeys(read[k].script for k in translated):
        mine = [k for k in translated if read[k].script is script]
        if not script.paired:  # type: ignore[union-attr]
            cut_at.update(mine)
            continue
        sure = [k for k in mine if read[k].words >= PAIRED_WORDS]  # the evidence: lines of some length
        numbered = sum(any(n.chinese and n.number == read[k].number for n in beside(k))
                       for k in sure if read[k].number)  # fmt: skip
        sandwiched = sum(len(b) == 2 and all(n.chinese for n in b) for k in sure for b in [beside(k)])
        if numbered < PAIRED_MARKS and sandwiched < SANDWICHED:
            continue
        runs: list[list[int]] = []  # runs of the script's lines, one after the other
        for k in mine:
            if runs and at[k] == at[runs[-1][-1]] + 1:
                runs[-1].append(k)
            else:
                runs.append([k])
        for run in runs:
            i, j = at[run[0]] - 1, at[run[-1]] + 1
            if (i >= 0 and read[body[i]].chinese) or (j < len(body) and read[body[j]].chinese):
                cut_at.update(run)
    if not cut_at:
        return lines, []
    out = list(lines)
    removed = []
    for k in sorted(cut_at):
        no, line = lines[k]
        removed.append(" ".join(line.split()))
        out[k] = (no, "")
    return out, removed
