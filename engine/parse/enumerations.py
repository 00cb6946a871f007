"""Points numbered with ordinal words or marks (一是, 第一，, ①), one reading of their forms
(rulesets/data/inline_enumerations.yaml) for the two places they number a plan's measures:

- run together inside one paragraph, each closing with its own responsibility clause: "重点抓好五个方面工作：一是…（X牵头，
  Y配合）；二是…（Z负责）；…五是…。" (blind37 金昌市), "①…（责任单位：X）；②…", "第一，…（X负责）；第二，…" — or opening
  with it, the units first: "会议议定：一是请X牵头，Y配合，制定…；二是请Z负责，…" (a 纪要's 议定事项). The paragraph
  is cut before each point and the point given a marker of its own, labelled as printed (一是, ①, 第一) (`split`). A run
  whose points do not each end in a clause (一是…；二是… inside one measure, its clause after the last point or none)
  stays the paragraph's text.
- each opening a paragraph of its own, in a run right under a top-level heading (a form marked `paragraphs`: 一是稳定扩大
  种植面积。…（责任单位：X）, 二是… — blind15 海伦市) (`paragraph_runs`); for a form marked `paragraphs: clause` (第一，…)
  only where each point's paragraphs end in its own responsibility clause (blind60 巍山县 第一，…（X牵头，Y配合）).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine import extract
from engine.extract.data import read_data
from engine.memo import memo
from engine.models import Paragraph
from engine.parse.numbering import (
    CN_NUM_CHARS,
    Marker,
    cn_number,
    inline_markers,
    mark_for,
    marks,
    slice_paragraph,
)

if TYPE_CHECKING:
    from engine.extract.responsibility import Found

MIN_POINTS = 2
# what may follow a point's clause before the next point: the stop closing it
AFTER_CLAUSE = " \t。.；;，,"


@dataclass(frozen=True)
class _Form:
    style: str
    pattern: re.Pattern[str]
    label: str
    opening: re.Pattern[str] | None  # the label opening a paragraph (group "at"), for a form marked `paragraphs`
    clauses: bool = False  # `paragraphs: clause`: a paragraph run counts only where each point ends in its own clause
    # a form of sequence words ({word}: 首先，其次，…最后，): (the words that open a run, those that go on with it, those
    # that close it); None for a form numbered by its label ({n}, {mark})
    words: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None


@memo(1, copy="shared")  # the one file, compiled once
def _forms() -> tuple[tuple[_Form, ...], str]:
    """(the forms of rulesets/data/inline_enumerations.yaml, compiled; the boundary characters); no forms without
    the file."""
    raw = read_data("inline_enumerations.yaml")
    if not raw:
        return (), ""
    circled = "".join(ch for ch, (style, _, _) in marks().items() if style == "circled")
    subs = {
        "{n}": f"(?P<n>[{CN_NUM_CHARS}]{{1,3}})",
        "{mark}": f"(?P<mark>[{re.escape(circled)}])" if circled else "(?!)",
    }
    forms = []
    for f in raw.get("forms") or []:
        pattern = str(f.get("pattern") or "")
        words = _sequence_words(f.get("words"))
        for k, v in {**subs, "{word}": _words_group(words)}.items():
            pattern = pattern.replace(k, v)
        if pattern and f.get("style"):
            opening = re.compile(rf"\s*(?P<at>{pattern})") if f.get("paragraphs") else None
            clauses = f.get("paragraphs") == "clause"
            label = str(f.get("label") or "{n}")
            forms.append(_Form(str(f["style"]), re.compile(pattern), label, opening, clauses, words))
    return tuple(forms), str(raw.get("boundaries") or "")


def _sequence_words(raw: object) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """A form's `words` ({first: [首先], next: [其次, …], last: [最后]}) as three sets, or None (no words, or no word
    to open a run)."""
    if not isinstance(raw, dict):
        return None
    first, nxt, last = (frozenset(str(w) for w in raw.get(k) or [] if str(w)) for k in ("first", "next", "last"))
    return (first, nxt, last) if first and (nxt or last) else None


def _words_group(words: tuple[frozenset[str], ...] | None) -> str:
    """The regex group `word` of a form's sequence words, the longest first; one that never matches without words."""
    if words is None:
        return "(?!)"
    return "(?P<word>" + "|".join(re.escape(w) for w in sorted(set().union(*words), key=len, reverse=True)) + ")"


def _fits(form: _Form, m: re.Match[str], want: int) -> bool:
    """The point `m` of `form` may stand as the `want`-th point of a run: its number is `want`, or (a form of sequence
    words) its word opens a run and `want` is 1, or goes on with one and `want` is more."""
    if form.words is None:
        return _ordinal(m) == want
    first, nxt, last = form.words
    word = m.group("word")
    return word in first if want == 1 else word in nxt or word in last


def _closes(form: _Form, m: re.Match[str]) -> bool:
    """The point `m` closes its run (最后，): no point of the run comes after it."""
    return form.words is not None and m.group("word") in form.words[2]


def _ordinal(m: re.Match[str]) -> int | None:
    if m.groupdict().get("mark"):
        return marks()[m.group("mark")][2]
    return cn_number(m.group("n")) if m.groupdict().get("n") else None


def _label(form: _Form, m: re.Match[str]) -> str:
    out = form.label
    for k in ("n", "mark", "word"):
        if m.groupdict().get(k):
            out = out.replace("{" + k + "}", m.group(k))
    return out


def _at_boundary(text: str, at: int, boundaries: str) -> bool:
    j = at - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in boundaries


def _run(form: _Form, text: str, boundaries: str) -> list[re.Match[str]]:
    """The points of `form` in `text` numbered 1, 2, 3 … in order, each at a boundary (a circled run keeps to one
    class of marks: ① ② ③, not ① ❷)."""
    run: list[re.Match[str]] = []
    for m in form.pattern.finditer(text):
        if run and _closes(form, run[-1]):
            break
        if not _at_boundary(text, m.start(), boundaries) or not _fits(form, m, len(run) + 1):
            continue
        mark = run[0].groupdict().get("mark") if run else None
        if mark is None or mark_for(mark, len(run) + 1) == m.group("mark"):
            run.append(m)
    return run


def continued(text: str, mk: Marker) -> int:
    """How many points go on inside `text` from a part numbered `mk` that opens it, in its own numbering, each the
    next number and at a boundary (①支持…；②引导…；③…: 2, the part being ①; （1）…；（2）…: 1): a paragraph that
    runs its sub-points together after its first one holds that many parts more. Circled marks keep to one class
    (①②, not ①❷); other numberings are read as `numbering.inline_markers` reads them ("第（2）项" is no point)."""
    if mk.style == "circled":
        forms, boundaries = _forms()
        form = next((f for f in forms if f.style == mk.style), None)
        found = [] if form is None else list(form.pattern.finditer(text, mk.end))
        points = [(m.start(), _ordinal(m), m.groupdict().get("mark")) for m in found]
    else:
        boundaries = _forms()[1]
        points = [(m.start, m.ordinal, None) for m in inline_markers(text) if m.style == mk.style and m.start >= mk.end]
    count = 0
    for start, n, mark in points:
        if n != mk.ordinal + count + 1 or not _at_boundary(text, start, boundaries):
            continue
        if mark and mark_for(mk.label, n) != mark:
            continue
        count += 1
    return count


def closing_clause(piece: str) -> Found | None:
    """The responsibility clause that closes `piece` (nothing but stops after it), or None."""
    found = extract.find_responsibility(piece)
    return found if found is not None and not piece[found.end :].strip(AFTER_CLAUSE) else None


def _ends_in_clause(piece: str) -> bool:
    return closing_clause(piece) is not None


def _own_clause(piece: str, label_end: int) -> bool:
    """The point `piece` (its label ending at `label_end`) has a responsibility clause of its own: closing it
    (…（X牵头，Y配合）；), or opening it with the units first, the task after them (一是请X牵头，Y配合，制定…；: a 纪要's
    议定事项 written as requests)."""
    return _ends_in_clause(piece) or extract.opening_clause(piece[label_end:]) is not None


def points(text: str) -> list[tuple[int, Marker]]:
    """(offset in `text`, the point's marker with offsets from that point) of each point of a run that numbers the
    plan's measures inside `text`, or [] (see the module's doc)."""
    forms, boundaries = _forms()
    for form in forms:
        run = _run(form, text, boundaries)
        if len(run) < MIN_POINTS:
            continue
        ends = [m.start() for m in run[1:]] + [len(text)]
        if all(_own_clause(text[m.start() : e], m.end() - m.start()) for m, e in zip(run, ends, strict=True)):
            return [
                (m.start(), Marker(form.style, _label(form, m), _ordinal(m) or n, 0, m.end() - m.start()))
                for n, m in enumerate(run, 1)
            ]
    return []


def split(paras: list[Paragraph]) -> tuple[list[Paragraph], dict[int, Marker]]:
    """`paras` with every paragraph that holds such a run cut before each point (re-indexed 0..n-1), and the
    marker of each point's paragraph by its new index. A table's row is never cut."""
    forms, _ = _forms()
    if not forms:
        return paras, {}
    out: list[Paragraph] = []
    found: dict[int, Marker] = {}
    for p in paras:
        cut = [] if p.table_row else points(p.text)
        if not cut:
            out.append(p if p.index == len(out) else p.model_copy(update={"index": len(out)}))
            continue
        head = p.text[: cut[0][0]]
        if head.strip():
            s, e = len(head) - len(head.lstrip()), len(head.rstrip())
            out.append(slice_paragraph(p, s, e, len(out)))
        bounds = [at for at, _ in cut] + [len(p.text)]
        for (at, mk), end in zip(cut, bounds[1:], strict=True):
            e = len(p.text[:end].rstrip())
            found[len(out)] = mk
            out.append(slice_paragraph(p, at, e, len(out)))
    return out, found


def opens_with_point(text: str) -> bool:
    """`text` opens with the label of a point of any form (一是, 第一，, 首先，, ①): a paragraph numbered in words."""
    return any(f.pattern.match(text.lstrip()) for f in _forms()[0])


def paragraph_runs(texts: list[str], markers: list[Marker | None]) -> list[Marker | None]:
    """`markers` (one per paragraph) with the runs of paragraphs opening with a point of a form marked `paragraphs`
    (一是, 二是, …) marked as items. A section whose tasks are such paragraphs, "一是稳定扩大种植面积。…（责任单位：X）",
    "二是…" (blind15 海伦市): the words are the numbering. Only at a paragraph's start, in a run numbered 1, 2, … of at
    least two paragraphs with no other numbered paragraph among them, right under a top-level heading (二、工作措施)
    and holding all that section has: they are its items. 一是/二是 inside an item's text (（一）…。一是…；二是…) or on
    paragraphs under an item (1.…, then 一是…, 二是…: its sub-points) stay that item's text."""
    forms, _ = _forms()
    for form in forms:
        if form.opening is not None:
            markers = _paragraph_run(form, form.opening, texts, markers)
    return markers


def _each_ends_in_clause(points: list[int], stops: list[int], texts: list[str]) -> bool:
    """Whether the paragraphs of each point (from its own up to the next point's or the next of `stops`: a heading, the
    run's end) close with a responsibility clause of their own."""
    bounds = sorted({*points, *stops})
    return all(
        _ends_in_clause("\n".join(t.strip() for t in texts[a:b] if t.strip()))
        for a, b in itertools.pairwise(bounds)
        if a in points
    )


def _paragraph_run(form: _Form, opening: re.Pattern[str], texts: list[str],
                   markers: list[Marker | None]) -> list[Marker | None]:  # fmt: skip
    top = next((mk.style for mk in markers if mk is not None), None)
    out = list(markers)
    k = 0
    while k < len(texts):
        m = opening.match(texts[k])
        if markers[k] is not None or m is None or not _fits(form, m, 1):
            k += 1
            continue
        h = next((i for i in range(k - 1, -1, -1) if markers[i] is not None), None)
        above = markers[h] if h is not None else None
        group = _group_heading(markers, h, k, top)  # the run stands under a group heading: it may go on across the next
        run, heads, j, want = [(k, m, _ordinal(m) or 1)], [], k + 1, 2
        while j < len(texts):
            if markers[j] is not None:
                nxt = opening.match(texts[j + 1]) if j + 1 < len(texts) and markers[j + 1] is None else None
                # a group heading the numbering goes on across (一是 二是 （二） 三是): a run that starts again under
                # each heading (（一） 一是 二是 （二） 一是) is its heading's parts (blind52 赣江新区), not the measures
                if group is None or markers[j].style != group or nxt is None or _closes(form, run[-1][1]):
                    break
                if not _fits(form, nxt, want):
                    break
                heads.append(j)
            elif (mj := opening.match(texts[j])) is not None and not _closes(form, run[-1][1]) and _fits(form, mj, want):
                run.append((j, mj, _ordinal(mj) or want))
                want += 1
            j += 1
        below = markers[j] if j < len(texts) else None
        if below is not None and below.style != top:
            run = run[:1]  # the run holds not all its section has (an item of its own numbering after it)
        elif heads:  # across group headings: each point its own clause, no group heading one (blind91 铜仁市)
            ok = _each_ends_in_clause([i for i, _, _ in run], [*heads, j], texts)
            run = run if ok and not any(extract.find_responsibility(texts[i]) for i in [h, *heads]) else run[:1]
        elif above is None or above.style != top or (form.clauses and not _each_ends_in_clause([k for k, _, _ in run], [j], texts)):
            run = run[:1]
        if len(run) >= 2:
            for i, mi, n in run:
                out[i] = Marker(form.style, _label(form, mi), n, mi.start("at"), mi.end())
        k = j
    return out


def _group_heading(markers: list[Marker | None], h: int | None, k: int, top: str | None) -> str | None:
    """The style of the heading at `h` where a run of points starting at paragraph `k` may go on across the headings
    of its style: the heading stands right above the run's first point, and under a top-level heading (二、重点任务
    （一）夯实原料基础 一是…); else None."""
    if h is None or h != k - 1 or (mk := markers[h]) is None or mk.style == top:
        return None
    parent = next((m for m in reversed(markers[:h]) if m is not None), None)
    return mk.style if parent is not None and parent.style == top else None
