"""Boxes (专栏, 方框, 栏目) set between a plan's measures, and the lists they hold.

A plan sets a box between two measures to illustrate them: its caption line (专栏1　县域商业网络提升工程,
专栏　2025年汛前重点整治易涝积水点) and then its own list, numbered from 1 (1. 2. 3., or 1． 2． with a full-width
dot), which may be numbered in the very style of the measures around it (measures 1.–10., a box between 4. and
5. listing 1．…4．). The box's lines are no measures and no part of the measure before it, and they do not break
the measures' series: it resumes after the box with its next number.

The box holds its list until one of these ends it:
- another box's caption;
- a numbered line of a style the plan used before the box and other than the list's (（二） after the box);
- a line of the list's style whose number is not the list's next (5. after a list at 2.);
- a line whose number is both the list's next and the series' next (the list 1．…4． inside a series at 4., then
  5.): the series', when it prints its label as the series did and the list printed its labels otherwise
  (5. after 1．…4．); the list's, when it prints it as the list did and the series otherwise; else the series'
  (a measure is not given up for a box line).

A box drawn with a frame in plain text (┌──┐ │专栏1　…│ │1．…│ └──┘, or +--+ |…|) is read without its bars
(engine/ingest/tables.py); the frame says where it ends: every line in it is the box's, numbered or not.

The words are rulesets/data/layout.yaml's `box_labels`.
"""

from __future__ import annotations

import re

from engine import extract
from engine.extract.data import read_data
from engine.memo import memo
from engine.models import Paragraph
from engine.parse.numbering import Marker

_CAPTION_MAX = 60  # a caption is a title: short, no sentence in it
_SENTENCE = re.compile("[。；;！？!?]")
_STOPS = " \t\u3000。.；;，,"  # what may follow a clause that stands as a paragraph of its own


@memo(1, copy="shared")  # the one file, read once
def _caption() -> re.Pattern[str]:
    """A box's caption word at a paragraph's start, with its number if it has one (group `n`)."""
    raw = read_data("layout.yaml", required=True) or {}
    words = sorted((str(w) for w in raw.get("box_labels") or ()), key=len, reverse=True)
    if not words:
        return re.compile("(?!)")
    word = "|".join(map(re.escape, words))
    return re.compile(rf"\s*(?:{word})\s*(?:(?P<n>[0-9一二三四五六七八九十]{{1,3}})(?![0-9])|[:：])?")


def is_caption(p: Paragraph) -> bool:
    """A box's caption line: the word, then its number (专栏1　县域商业网络提升工程, also before a number of
    the title: 专栏1　2025年…), a colon, or a space the original prints (专栏　2025年汛前重点整治易涝积水点: the
    normalised text has lost it), then a short title with no sentence in it."""
    t = p.text
    m = _caption().match(t)
    if m is None or m.end() >= len(t.rstrip()) or len(t.strip()) > _CAPTION_MAX or _SENTENCE.search(t):
        return False
    if m.group("n") or t[m.end() - 1] in ":： \t\u3000":
        return True
    # the number as printed, set off by a space the normalised text has lost (专栏1　2025年…: 12025 there)
    printed = _caption().match(p.orig_span(0, len(t))) if p.orig else None
    if printed is not None and printed.group("n"):
        return True
    gap = p.orig_span(m.end() - 1, m.end() + 1) if p.orig else t[m.end() - 1 : m.end() + 1]
    return any(c in " \u3000\t" for c in gap)


@memo(1, copy="shared")
def _run_on() -> re.Pattern[str]:
    """A box's caption run on after a sentence or a clause's bracket ("…（X负责） 专栏1　Y重点项目 ①…"), its title up to
    the first label of its list (group `list`)."""
    raw = read_data("layout.yaml", required=True) or {}
    word = "|".join(map(re.escape, sorted((str(w) for w in raw.get("box_labels") or ()), key=len, reverse=True)))
    if not word:
        return re.compile("(?!)")
    return re.compile(
        rf"(?<=[。；;）)】])\s*(?:{word})\s*[0-9一二三四五六七八九十]{{1,3}}(?![0-9])[^。；;！？!?]{{1,{_CAPTION_MAX}}}?"
        r"\s*(?P<list>①|1\s*[.．](?![0-9]))"
    )


_LINE_MAX = 300  # a box's line is a project's name and a sentence or two: the next one follows within this


@memo(40, copy="shared")  # a compiled pattern per list form and number (up to 20 of each)
def _next_line(circled: bool, want: int) -> re.Pattern[str]:
    """A box's `want`th line after a sentence's end: ② … ⑳, or "2." … "20." (no decimal)."""
    label = chr(ord("①") + want - 1) if circled else rf"{want}\s*[.．](?![0-9])"
    return re.compile(rf"(?<=[。；;])\s*(?={label})")


def inline_cuts(text: str) -> list[int]:
    """Where a page that lost its line breaks holds a box run on between its measures: before the caption, and
    before each line of its list (①②③, or 1. 2. 3.), each line after a sentence's end, numbered on from 1. The
    parse then reads the box as a box (`box_lines`): no measure's text, its lines no measures."""
    cuts: list[int] = []
    for m in _run_on().finditer(text):
        cap = m.group(0)
        cuts += [m.start() + len(cap) - len(cap.lstrip()), m.start("list")]
        circled = m.group("list") == "①"
        want, at = 2, m.end("list")
        while want <= 20:
            found = _next_line(circled, want).search(text, at, at + _LINE_MAX)
            if found is None:
                break
            cuts.append(found.end())
            want, at = want + 1, found.end() + 1
    return sorted(set(cuts))


def _printed(p: Paragraph, mk: Marker) -> str:
    """The character that closes the label as the original text prints it (. or ． or 、)."""
    end = mk.end
    while end > mk.start and p.text[end - 1] in " \t":
        end -= 1
    return (p.orig_span(mk.start, end) if p.orig else p.text[mk.start : end]).strip()[-1:]


def box_lines(paras: list[Paragraph], markers: list[Marker | None], first: int) -> set[int]:
    """The paragraphs of every box after `first` that holds a numbered list: its caption and its lines
    (numbered or not) up to where the box ends. A caption with no numbered list after it is left alone."""
    out: set[int] = set()
    seen: dict[str, list[int]] = {}  # style -> paragraphs numbered in it so far, outside boxes
    order: list[str] = []  # the styles of the numbered lines so far, outside boxes, in order
    k = first
    while k < len(paras):
        mk = markers[k]
        if mk is not None:
            seen.setdefault(mk.style, []).append(k)
            order.append(mk.style)
            k += 1
            continue
        if not is_caption(paras[k]):
            k += 1
            continue
        end = _frame_end(paras, k)
        if end is None:
            end = _box_end(paras, markers, k, seen, _open_styles(order))
        if end is None:
            k += 1
            continue
        out.update(range(k, end))
        k = end
    return out


def _list_goes_on(markers: list[Marker | None], j: int, seen: dict[str, list[int]]) -> bool:
    """Whether line `j`, numbered both as the box's list and the series go on, is the list's: its style runs on
    in sequence from it and then gives the same number again (a box listing 1.–5. inside measures 1.–3.: its
    4. 5., then the measures' 4.), before any line of another style the plan used (the measures' parts, a
    heading) ends the box."""
    mk = markers[j]
    assert mk is not None
    want = mk.ordinal + 1
    for m in markers[j + 1 :]:
        if m is None:
            continue
        if m.style != mk.style:
            if m.style in seen:
                return False
            continue
        if m.ordinal != want:
            return m.ordinal == mk.ordinal
        want += 1
    return False


def _frame_end(paras: list[Paragraph], cap: int) -> int | None:
    """Where the box whose caption is paragraph `cap` ends when a frame holds it (the caption the frame's
    first paragraph, or standing right above it): at the frame's bottom, whatever it holds. A frame the
    caption stands further down in holds more than the box (a page set in a table of one cell): no box's."""
    frame = paras[cap].frame or (paras[cap + 1].frame if cap + 1 < len(paras) else 0)
    if not frame or (cap > 0 and paras[cap - 1].frame == frame):
        return None
    end = cap + 1
    while end < len(paras) and paras[end].frame == frame:
        end += 1
    return end


def _open_styles(order: list[str]) -> set[str]:
    """The numberings still open where the box stands: the style of the last numbered line and each that
    encloses it (measures 1.–3., measure 3.'s parts （1）（2）, then the box: （1） and 1., and the 二、 above
    them). A style is open when every numbered line since its last one is of a style first used after it
    (nested deeper); one first used before it (二、 after goals 1.–3.) closed it."""
    first_use: dict[str, int] = {}
    for i, style in enumerate(order):
        first_use.setdefault(style, i)
    out: set[str] = set()
    shallowest = len(order)  # the first use of the shallowest style met walking back
    for style in reversed(order):
        if style not in out and first_use[style] < shallowest:
            out.add(style)
        shallowest = min(shallowest, first_use[style])
    return out


def _box_end(
    paras: list[Paragraph], markers: list[Marker | None], cap: int, seen: dict[str, list[int]], open_: set[str]
) -> int | None:
    """Where the box whose caption is paragraph `cap` ends (the first paragraph after it), or None when no
    list numbered from 1 follows its caption. `open_`: the numberings open where the box stands; a list in
    one of them stands inside its series, which may resume with the list's next number."""
    j = cap + 1
    while j < len(paras) and markers[j] is None and not is_caption(paras[j]):
        j += 1
    if j >= len(paras) or markers[j] is None or markers[j].ordinal != 1:
        return None
    style = markers[j].style
    marks = {_printed(paras[j], markers[j])}
    series = seen.get(style, []) if style in open_ else []
    resumes = markers[series[-1]].ordinal + 1 if series else None
    series_marks = {_printed(paras[i], markers[i]) for i in series[-3:]}
    expected = 2
    j += 1
    tail = j  # just past the list's last numbered line
    own = j  # just past the box's last numbered line, its list's or their sub-points'
    while j < len(paras):
        mk = markers[j]
        if mk is None:
            if is_caption(paras[j]):
                return _measure_goes_on(paras, own, j)
            j += 1
            continue
        if mk.style != style:
            if mk.style in seen:
                return _measure_goes_on(paras, own, j)
            j += 1  # a style of the box's own (its lines' sub-points)
            own = j
            continue
        if mk.ordinal != expected:
            return _measure_goes_on(paras, own, j)
        if mk.ordinal == resumes and not _list_goes_on(markers, j, seen):
            mark = _printed(paras[j], mk)
            if not (mark in marks and mark not in series_marks):
                return _measure_goes_on(paras, own, j)
        marks.add(_printed(paras[j], mk))
        expected += 1
        j += 1
        tail = own = j
    return tail  # the document ends in the box: what follows its list is the plan's closing


def _measure_goes_on(paras: list[Paragraph], own: int, end: int) -> int:
    """Where a box with no frame ends, its list's last line at `own` and the next numbered line (or caption) at
    `end`: at `end`, unless a paragraph between them is a responsibility clause and nothing else ("责任单位：X、Y"):
    that closes the measure the box stands inside (a 规划's 节 with the box between its paragraphs), so the box
    ends with its list and what follows it is the measure's again."""
    for k in range(own, end):
        found = extract.find_responsibility(paras[k].text)
        if found is not None and found.start == 0 and not paras[k].text[found.end :].strip(_STOPS):
            return own
    return end
