"""A .docx's table of contents: navigation, not text, so left out of what is read.

Word prints a 目录 as the cached result of a TOC field: one paragraph per heading, its text then a tab and the page
number ("（一）开展户厕问题动态排查⏎1"). Read as text it is a first copy of every numbered heading before the
plan's own (fixtures/blind56's 河南 .docx gave twelve measures for six). A paragraph is the table of contents'
when
- all its text is in the result of a TOC field (w:fldChar begin … w:instrText "TOC …" … separate … end, fields
  such as PAGEREF and HYPERLINK nested inside; or a w:fldSimple whose instruction is TOC) — a field never ended
  counts for nothing;
- or it is set in a TOC style (Word's built-in "toc 1" … "toc 9", "TOC Heading": matched by the style's name, the
  same in every language's Word; its id differs);
- or it stands in a content control Word made for a TOC (w:sdt whose w:docPartGallery is "Table of Contents");
- or, right before any of those, it says only 目录 / 目次 / Contents (the TOC's own heading, spaced or not).

The paragraphs are still counted (engine/report/docx.py numbers paragraphs by the same walk), read as empty."""

from __future__ import annotations

import re
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TOC_STYLE = re.compile(r"^(?:toc [1-9]|toc heading)$", re.IGNORECASE)
_TOC_HEADING = re.compile(r"^(?:目录|目次|contents|tableofcontents)$", re.IGNORECASE)
_GALLERY = "table of contents"


def toc_paragraphs(document: Any) -> set[Any]:
    """The w:p elements of the document's body that are its table of contents (see the module's docstring)."""
    body = document.element.body
    found: set[Any] = set()
    found.update(_in_toc_fields(body))
    styles = _toc_style_ids(document)
    if styles:
        for p in body.iter(f"{_W}p"):
            style = p.find(f"{_W}pPr/{_W}pStyle")
            if style is not None and style.get(f"{_W}val") in styles:
                found.add(p)
    for sdt in body.iter(f"{_W}sdt"):
        gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
        if gallery is not None and (gallery.get(f"{_W}val") or "").strip().lower() == _GALLERY:
            found.update(sdt.iter(f"{_W}p"))
    if found:
        found.update(_headings(body, found))
    return found


def _toc_style_ids(document: Any) -> set[str]:
    ids: set[str] = set()
    styles = document.styles.element
    for style in styles.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        if name is not None and _TOC_STYLE.match((name.get(f"{_W}val") or "").strip()):
            ids.add(style.get(f"{_W}styleId") or "")
    ids.discard("")
    return ids


def _paragraph_of(el: Any) -> Any:
    while el is not None and el.tag != f"{_W}p":
        el = el.getparent()
    return el


def _in_toc_fields(body: Any) -> set[Any]:
    """Paragraphs whose every visible character is in the result of a TOC field that ends."""
    inside: dict[Any, int] = {}  # characters in an ended TOC field's result, by paragraph
    outside: dict[Any, int] = {}
    stack: list[dict[str, Any]] = []  # open complex fields: instruction, in its result yet, its own counts
    simple: set[Any] = set()  # the w:t of TOC w:fldSimple elements
    for el in body.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}t", f"{_W}fldSimple"):
        tag = el.tag
        if tag == f"{_W}fldSimple":
            if _is_toc(el.get(f"{_W}instr") or ""):
                simple.update(el.iter(f"{_W}t"))
        elif tag == f"{_W}fldChar":
            kind = el.get(f"{_W}fldCharType")
            if kind == "begin":
                stack.append({"instr": "", "result": False, "counts": {}})
            elif kind == "separate" and stack:
                stack[-1]["result"] = True
            elif kind == "end" and stack:
                frame = stack.pop()
                if _is_toc(frame["instr"]):
                    for p, n in frame["counts"].items():
                        inside[p] = inside.get(p, 0) + n
                elif stack:  # a field inside another's result: its text is the outer one's
                    counts = stack[-1]["counts"]
                    for p, n in frame["counts"].items():
                        counts[p] = counts.get(p, 0) + n
                else:
                    for p, n in frame["counts"].items():
                        outside[p] = outside.get(p, 0) + n
        elif tag == f"{_W}instrText":
            if stack and not stack[-1]["result"]:
                stack[-1]["instr"] += el.text or ""
        else:
            n = len((el.text or "").strip())
            if not n:
                continue
            p = _paragraph_of(el)
            if el in simple:
                inside[p] = inside.get(p, 0) + n
            elif stack and stack[-1]["result"]:
                counts = stack[-1]["counts"]
                counts[p] = counts.get(p, 0) + n
            else:
                outside[p] = outside.get(p, 0) + n
    for frame in stack:  # fields never ended: what they hold is text as any other
        for p, n in frame["counts"].items():
            outside[p] = outside.get(p, 0) + n
    return {p for p in inside if p is not None and not outside.get(p)}


def _is_toc(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() == "TOC"


def _headings(body: Any, toc: set[Any]) -> list[Any]:
    """The 目录 heading right before a table of contents (blank paragraphs between skipped)."""
    out: list[Any] = []
    last: Any = None  # the last paragraph with text, if it says only 目录
    for p in body.iter(f"{_W}p"):
        if p in toc:
            if last is not None:
                out.append(last)
            last = None
            continue
        text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
        squeezed = "".join(text.split())
        if not squeezed:
            continue
        last = p if _TOC_HEADING.match(squeezed) else None
    return out
