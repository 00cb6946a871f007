"""Markdown read as the text it marks up: a heading's #, a quote's >, a list bullet, ** or __ emphasis, a single *
or _ around a whole line (italic), a link's [text](address) are layout, not plan text.

A file named .md is markdown by its name; a .txt (or stdin) is read so when its lines carry markdown's own marks
(`marked_up`): policy libraries and knowledge bases export a notice and its plan as markdown and save it as plain text
("# 关于印发…的通知", "> 来源：… ｜ 文号：…", "## 二、重点任务", "### （一）…", "**责任单位**：X牵头，Y配合",
"- **加强组织领导。** …"; fixtures/blind101 柯桥区). Plain Chinese text never opens a line with "# " or wraps a label
in "**", so two such lines, beside a third marked line of any kind, decide it; a plain text that has a "- " list or a
"---" rule only is left as it is.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6} +\S")
# ** or __ around some text; a run of three or more underscores is a form's blank to fill (单位：____), no emphasis
_EMPHASIS_SPAN = re.compile(r"\*\*(?=[^*\s])[^*\n]*?\*\*|(?<!_)__(?=[^_\s])[^_\n]*?(?<!_)__(?!_)")
_OTHER = re.compile(r"^\s{0,3}(?:> ?\S|[-*+] +\S|(?:-{3,}|\*{3,}|_{3,})\s*$)")
_STRONG_MIN = 2  # heading or emphasis lines
_MARKED_MIN = 3  # marked lines of any kind

# a heading's #s (not "#1机组"'s), a quote's >, a list bullet (not a page number's "- 3 -")
_PREFIX = re.compile(r"^(?:#{1,6}|>)(?: |(?=[^#>\s\d]))|^[-*+] (?=\S)(?!\d{1,4}\s*-\s*$)")
_ITALIC_LINE = re.compile(r"^([*_])(?=[^*_\s])(.*[^*_\s])\1$")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\s]*\)")


def marked_up(text: str) -> bool:
    """`text` (a whole file) is markdown by its lines' marks (module doc)."""
    strong = marked = 0
    for line in text.splitlines():
        if _HEADING.match(line) or _EMPHASIS_SPAN.search(line):
            strong += 1
            marked += 1
        elif _OTHER.match(line):
            marked += 1
        if strong >= _STRONG_MIN and marked >= _MARKED_MIN:
            return True
    return False


def _keep(text: str, cols: list[int], keep: list[bool]) -> tuple[str, list[int]]:
    return (
        "".join(ch for ch, k in zip(text, keep, strict=True) if k),
        [c for c, k in zip(cols, keep, strict=True) if k],
    )


def strip_marks(text: str, cols: list[int]) -> tuple[str, list[int]]:
    """One normalised line without its markdown marks, its columns kept for the characters left."""
    m = _PREFIX.match(text)
    if m:
        text, cols = text[m.end() :].lstrip(), cols[m.end() :]
        cols = cols[len(cols) - len(text) :]
    if text.strip() in ("**", "__"):  # an emphasis mark left alone on its line
        return "", []
    keep = [True] * len(text)
    if "**" in text or "__" in text:
        for e in _EMPHASIS_SPAN.finditer(text):  # both marks of each span; a blank's underscores stay
            keep[e.start()] = keep[e.start() + 1] = keep[e.end() - 2] = keep[e.end() - 1] = False
    if "](" in text:
        for link in _LINK.finditer(text):  # [text](address): the text stays
            keep[link.start()] = False
            for i in range(link.end(1), link.end()):
                keep[i] = False
    if not all(keep):
        text, cols = _keep(text, cols, keep)
    italic = _ITALIC_LINE.match(text)
    if italic and "*" not in italic.group(2) and "_" not in italic.group(2):
        text, cols = text[1:-1], cols[1:-1]
    return text, cols
