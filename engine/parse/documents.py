"""Several documents in one file: a notice that issues two or more (关于印发A和B两个规定的通知).

Each issued document follows the notice with its own title line and its own numbering from 1, so
read as one plan the second document's items run on from the first's (一、… 九、 then 一、 again).
A document starts at a title line that

- stands alone (no numbering marker; a title wrapped over two short lines is joined),
- is named by the notice (its core, without 的规定/的方案…, is inside the notice's heading and
  covering sentence, where 《A》和《B》 or A和B两个规定 name them), and
- is followed by numbered items whose first label is 1 (一、 / （一） / 1.).

Only when at least two such title lines are found is the file split: a notice that issues one
document keeps reading it as today (its title line names the plan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.models import Paragraph
from engine.parse import frontmatter
from engine.parse.numbering import Marker

# the wording a title adds to what the notice names: A的规定 is named "A" in 印发A和B两个规定的通知
_NAMED_TAIL = re.compile(r"的?(?:" + "|".join(frontmatter.TITLE_ENDINGS) + r")$")
HEADING_PARAS = 8  # the notice's heading and covering sentence lie within its first paragraphs
TITLE_LINE_MAX = 60


@dataclass(frozen=True)
class DocumentStart:
    """Where one issued document starts: its title and the index of its first paragraph."""

    title: str
    para: int


def _named_by(title: str, heading: str) -> bool:
    """Whether the notice's heading (as `_heading` gives it) names the title."""
    core = frontmatter.plain_title(title)
    short = _NAMED_TAIL.sub("", core)
    return len(short) >= 4 and (core in heading or short in heading)


def _title_at(paras: list[Paragraph], markers: list[Marker | None], k: int) -> tuple[str, int] | None:
    """The title line ending at paragraph k and its first paragraph, or None."""
    text = paras[k].text.strip()
    if markers[k] is not None or len(text) > TITLE_LINE_MAX:
        return None
    if k > 0 and paras[k - 1].line == paras[k].line:
        return None  # cut from a longer line (one-line documents): no line of its own
    if frontmatter.looks_like_title(text) and (k == 0 or not _wraps(paras, markers, k - 1)):
        return text, k
    if k > 0 and _wraps(paras, markers, k - 1):
        joined = paras[k - 1].text.strip() + text
        if frontmatter.looks_like_title(joined):
            return joined, k - 1
    return None


def _wraps(paras: list[Paragraph], markers: list[Marker | None], j: int) -> bool:
    """Paragraph j is the first half of a title wrapped over two lines."""
    t = paras[j].text.strip()
    return (
        markers[j] is None
        and 0 < len(t) <= 40
        and t[-1] not in "。；;，,:：)）"
        and not frontmatter.looks_like_title(t)
        and not frontmatter.parse_date(t)
        and not frontmatter.org_names(t)
        and not frontmatter.attachment_mark(t)  # 附件1 above the plan's title: its mark, no half of it
        and (j == 0 or paras[j - 1].line != paras[j].line)
    )


def _heading(paras: list[Paragraph], first: int) -> tuple[str, int]:
    """The notice's heading and covering sentence (the paragraphs before its signature date), and
    the index of the paragraph after them."""
    out: list[str] = []
    k = 0
    for k in range(min(first, HEADING_PARAS)):
        t = paras[k].text.strip()
        if frontmatter.parse_date(t):
            break
        out.append(t)
    return frontmatter.TITLE_NOISE.sub("", "".join(out)), k


def document_starts(paras: list[Paragraph], markers: list[Marker | None], first: int) -> list[DocumentStart]:
    """The documents a covering notice issues together, in order; [] when the file holds one."""
    heading, end = _heading(paras, first)
    if not heading or not re.search("印发|转发|颁布|发布", heading):
        return []
    starts: list[DocumentStart] = []
    seen: set[str] = set()
    for k in range(end + 1, len(paras)):
        found = _title_at(paras, markers, k)
        if found is None:
            continue
        title, at = found
        if at <= end or frontmatter.wrapper_inner(title) is not None:
            continue  # the notice's own heading, or another covering notice
        nxt = next((mk for mk in markers[k + 1 :] if mk is not None), None)
        plain = frontmatter.plain_title(title)
        if nxt is None or nxt.ordinal != 1 or not _named_by(title, heading) or plain in seen:
            continue
        if starts and at <= starts[-1].para:
            continue
        seen.add(plain)
        starts.append(DocumentStart(title, at))
    return starts if len(starts) >= 2 else []


def notice_title(paras: list[Paragraph]) -> str | None:
    """X of the covering notice's heading 关于印发X的通知 (its lines joined), or None."""
    lines: list[str] = []
    for p in paras[:HEADING_PARAS]:
        t = p.text.strip()
        if frontmatter.doc_number_in(t) or frontmatter.is_addressee(t) or frontmatter.parse_date(t):
            break
        lines.append(t)
        inner = frontmatter.wrapper_inner("".join(lines))
        if inner:
            # 印发《A》和《B》的通知: the names as the heading joins them (A和B), not the marks between them (A》和《B)
            return re.sub(r"[《》]", "", inner)
    return None
