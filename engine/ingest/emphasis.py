"""What a document prints bold: a .docx run set bold (w:b) or in the 黑体 face, an .html <b>/<strong> or an element
styled bold; and what a .docx prints underlined (w:u, any line but none). The readers carry it beside the text, by
raw line (`SourceDoc` paragraphs get it as `Paragraph.bold` / `Paragraph.underline`), and never write it into the
text: the print means something only where the document says what ("各项任务的责任单位中，加粗字体标注的为牵头单位",
"有下划线的为牵头单位": rulesets/data/lead_conventions.yaml `emphasised`, engine/parse/conventions.py), and a report
quotes the text as printed, with no mark made up for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from engine.ingest import hidden

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# the face that prints bold by itself: official documents set emphasis in 黑体 (SimHei) rather than a bold weight
_BOLD_FACES = ("黑体", "simhei")
_OFF = {"0", "false", "off", "none"}

# .html: private-use markers around bold text while the page's lines are built; stripped from the page first
BOLD_ON = "\ue002"
BOLD_OFF = "\ue003"
_BOLD_TAGS = {"b", "strong"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b|font-family\s*:[^;]*(?:黑体|simhei)", re.I)


def html_bold(node: object) -> bool:
    """An element that prints its text bold: <b>, <strong>, a bold weight or the 黑体 face in its style."""
    if node.tag in _BOLD_TAGS:  # type: ignore[attr-defined]
        return True
    attrs = node.attributes or {}  # type: ignore[attr-defined]
    style = attrs.get("style") or ""
    face = (attrs.get("face") or "").lower() if node.tag == "font" else ""  # type: ignore[attr-defined]
    return bool(style and _BOLD_STYLE.search(style)) or any(f in face for f in _BOLD_FACES)


def html_bold_texts(node: object) -> list[str]:
    """The texts of the outermost bold elements inside `node` (a task-table row), in order."""
    out: list[str] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if n is not node and n.tag not in ("-text", "-comment", "_comment") and html_bold(n):  # type: ignore[attr-defined]
            text = " ".join((n.text() or "").split())  # type: ignore[attr-defined]
            if text:
                out.append(text)
            continue
        stack.extend(reversed(list(n.iter())))  # type: ignore[attr-defined]
    return out


def split_bold(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """The page's lines without the bold markers, and each line's bold runs (a bold element over a line break
    goes on bold in the next line)."""
    texts: list[str] = []
    runs: list[list[str]] = []
    on = False
    for line in lines:
        if BOLD_ON not in line and BOLD_OFF not in line and not on:
            texts.append(line)
            runs.append([])
            continue
        plain: list[str] = []
        bold: list[str] = []
        current: list[str] = []
        for piece in re.split(f"([{BOLD_ON}{BOLD_OFF}])", line):
            if piece == BOLD_ON or piece == BOLD_OFF:
                if current and "".join(current).strip():
                    bold.append(" ".join("".join(current).split()))
                current = []
                on = piece == BOLD_ON
                continue
            plain.append(piece)
            if on:
                current.append(piece)
        if current and "".join(current).strip():
            bold.append(" ".join("".join(current).split()))
        texts.append("".join(plain))
        runs.append(bold)
    return texts, runs


def docx_bold_runs(p: object, skip: set[str]) -> list[str]:
    """The runs of a .docx paragraph printed bold (set bold, or in the 黑体 face), neighbours joined; runs under
    `skip` (tracked deletions, text boxes) are no part of the paragraph."""
    return _docx_runs_where(p, skip, _docx_bold)


def docx_underline_runs(p: object, skip: set[str]) -> list[str]:
    """The runs of a .docx paragraph printed underlined (w:u of any line but none), neighbours joined, as
    `docx_bold_runs`. Only a run's own underline: a hyperlink's, which its character style gives, is none."""
    return _docx_runs_where(p, skip, _docx_underline)


def _docx_runs_where(p: object, skip: set[str], printed: Callable[[object], bool]) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for r in _runs(p, skip):
        if printed(r):
            current.append("".join(_run_text(r)))
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return [t for t in (" ".join(x.split()) for x in out) if t]


def _runs(p: object, skip: set[str]) -> Iterator[object]:
    shown = hidden.CURRENT.get()  # a run formatted hidden is not printed: neither bold nor underlined
    stack = list(reversed(list(p)))  # type: ignore[call-overload]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in skip:
            continue
        if el.tag == f"{_W}r":
            if not shown.run(el, p):
                yield el
        else:
            stack.extend(reversed(list(el)))


def _run_text(r: object) -> Iterator[str]:
    for el in r:  # type: ignore[attr-defined]
        if el.tag == f"{_W}t":
            yield el.text or ""
        elif el.tag == f"{_W}tab":
            yield "\t"


def _docx_bold(r: object) -> bool:
    rpr = r.find(f"{_W}rPr")  # type: ignore[attr-defined]
    if rpr is None:
        return False
    b = rpr.find(f"{_W}b")
    if b is not None and (b.get(f"{_W}val") or "true").lower() not in _OFF:
        return True
    fonts = rpr.find(f"{_W}rFonts")
    if fonts is not None:
        faces = " ".join(v for k, v in fonts.attrib.items() if k.startswith(_W) and not k.endswith("Theme")).lower()
        return any(f in faces for f in _BOLD_FACES)
    return False


def _docx_underline(r: object) -> bool:
    rpr = r.find(f"{_W}rPr")  # type: ignore[attr-defined]
    u = rpr.find(f"{_W}u") if rpr is not None else None
    return u is not None and (u.get(f"{_W}val") or "single").lower() not in _OFF
