"""The numbered tree: paragraphs -> nodes -> sections and measures.

Depth comes from the order in which the document first uses each numbering style, so a style
nests the same way everywhere (一、 > (一) > 1. > (1) in one plan, (一) > 1. in another).
Which style holds the measures is decided by counting, not by position: the style with the most
nodes that carry task text (tie: the deeper style). Shallower nodes are sections, deeper nodes
under a measure are its sub-measures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from engine.models import Measure, Paragraph, Section
from engine.parse.numbering import Marker

# Titles of general requirements: a measure of the measure style with such a title is `general`.
GENERAL_TITLES = (
    "指导思想",
    "基本原则",
    "主要原则",
    "工作原则",
    "总体目标",
    "工作目标",
    "主要目标",
    "发展目标",
    "总体要求",
    "目标任务",
    "总体思路",
    "基本要求",
    "指导原则",
    "适用范围",
    "编制依据",
    "主要任务和目标",
)
_GENERAL_GLUE = re.compile(r"[和与及、,，\s]")
_TITLE_END = re.compile(r"[。；;]")


@dataclass
class Node:
    marker: Marker
    para: int  # index of the heading paragraph
    body: list[int] = field(default_factory=list)  # unnumbered paragraphs that follow it
    rank: int = 0
    parent: int | None = None
    title: str = ""
    rest: str = ""  # heading text after the label
    inline_body: str = ""  # heading text after the title
    kind: str = "section"  # section | measure
    parent_measure: int | None = None


def split_title(rest: str) -> tuple[str, str]:
    """(title, the text after it): the title runs up to the first 。 or ；."""
    m = _TITLE_END.search(rest)
    if not m:
        return rest.strip(), ""
    return rest[: m.start()].strip(), rest[m.end() :].strip()


def is_general(title: str) -> bool:
    """指导思想, 总体目标, 指导思想和总体目标 … (only such words, joined by 和/与/、)."""
    t = title.strip()
    if not t or not t.startswith(GENERAL_TITLES):
        return False
    for w in sorted(GENERAL_TITLES, key=len, reverse=True):
        t = t.replace(w, "")
    return not _GENERAL_GLUE.sub("", t)


def build_nodes(paras: list[Paragraph], markers: list[Marker | None], first: int) -> list[Node]:
    nodes: list[Node] = []
    for k in range(first, len(paras)):
        mk = markers[k]
        if mk is not None:
            node = Node(mk, k)
            node.rest = paras[k].text[mk.end :].strip()
            node.title, node.inline_body = split_title(node.rest)
            nodes.append(node)
        elif nodes:
            nodes[-1].body.append(k)
    # depth = order of first use; parent = nearest earlier node of a smaller depth
    order: dict[str, int] = {}
    for n in nodes:
        n.rank = order.setdefault(n.marker.style, len(order))
    stack: list[int] = []
    for i, n in enumerate(nodes):
        while stack and nodes[stack[-1]].rank >= n.rank:
            stack.pop()
        n.parent = stack[-1] if stack else None
        stack.append(i)
    return nodes


def carries_tasks(n: Node, has_children: bool) -> bool:
    """Task text: a sentence (。/；) on the heading line, or paragraphs below it.

    Paragraphs below a node that has numbered children are an intro to them (二、… 深入推进…;
    (一)… 工作目标:…), not tasks of its own.
    """
    if n.inline_body or n.rest != n.title:  # a sentence on the heading line: "深化审批改革。"
        return True
    return bool(n.body) and not has_children


def measure_style(nodes: list[Node]) -> str:
    """The style with the most nodes carrying task text; tie (or none with text) -> the deeper one."""
    rank = {n.marker.style: n.rank for n in nodes}
    parents = {n.parent for n in nodes}
    with_text = Counter(n.marker.style for i, n in enumerate(nodes) if carries_tasks(n, i in parents))
    total = Counter(n.marker.style for n in nodes)
    return max(rank, key=lambda s: (with_text[s], total[s] if not with_text else 0, rank[s]))


def classify(nodes: list[Node]) -> str:
    style = measure_style(nodes)
    ms_rank = next(n.rank for n in nodes if n.marker.style == style)
    for n in nodes:
        if n.rank < ms_rank:
            n.kind = "section"
            continue
        n.kind = "measure"
        if n.rank > ms_rank:
            p = n.parent
            while p is not None and nodes[p].kind != "measure":
                p = nodes[p].parent
            n.parent_measure = p
    return style


def ancestors(nodes: list[Node], i: int) -> list[int]:
    out = []
    p = nodes[i].parent
    while p is not None:
        out.append(p)
        p = nodes[p].parent
    return out[::-1]


def make_sections(nodes: list[Node], paras: list[Paragraph]) -> list[Section]:
    out = []
    for i, n in enumerate(nodes):
        if n.kind != "section":
            continue
        anc = [a for a in ancestors(nodes, i) if nodes[a].kind == "section"]
        text = "\n".join([t for t in [n.inline_body] if t] + [paras[k].text for k in n.body])
        p = paras[n.para]
        out.append(
            Section(
                label=n.marker.label,
                style=n.marker.style,
                ordinal=n.marker.ordinal,
                depth=n.rank,
                title=n.title,
                text=text,
                path=[nodes[a].marker.label for a in anc],
                line=p.line,
                column=p.column(n.marker.start),
            )
        )
    return out


@dataclass
class Segment:
    """Where a piece of Measure.text comes from: text offset -> paragraph and offset in it."""

    start: int
    para: int
    para_offset: int


def make_measures(nodes: list[Node], paras: list[Paragraph]) -> list[tuple[int, Measure, list[Segment]]]:
    """Measures in document order (a sub-measure follows its parent), with their text map."""
    out: list[tuple[int, Measure, list[Segment]]] = []
    for i, n in enumerate(nodes):
        if n.kind != "measure":
            continue
        anc = [a for a in ancestors(nodes, i) if nodes[a].kind == "section"]
        head = paras[n.para]
        pieces = [n.rest]
        rest_off = n.marker.end + (len(head.text) - n.marker.end - len(head.text[n.marker.end :].lstrip()))
        segs = [Segment(0, n.para, rest_off)]
        pos = len(n.rest)
        for k in n.body:
            pos += 1  # the "\n" joining paragraphs
            segs.append(Segment(pos, k, 0))
            pieces.append(paras[k].text)
            pos += len(paras[k].text)
        all_paras = [n.para, *n.body]
        m = Measure(
            label=n.marker.label,
            style=n.marker.style,
            ordinal=n.marker.ordinal,
            depth=n.rank,
            path=[nodes[a].marker.label for a in anc],
            section_titles=[nodes[a].title for a in anc],
            title=n.title,
            text="\n".join(pieces),
            line=head.line,
            column=head.column(n.marker.start),
            end_line=paras[all_paras[-1]].line,
            paragraphs=[paras[k].index for k in all_paras],
            general=is_general(n.title),
        )
        out.append((i, m, segs))
    return out


def assign_refs(nodes: list[Node], items: list[tuple[int, Measure]]) -> None:
    """ref = label where unique; else parent-measure ref + label (26(1)); else section labels + label.

    `items`: (node index, measure) in document order. Linear in the number of measures times the
    section depth, so a huge document whose numbering restarts in every chapter stays fast.
    """
    by_node = dict(items)
    counts = Counter(m.label for _, m in items)
    top = [m for i, m in items if counts[m.label] > 1 and nodes[i].parent_measure is None]
    tails: dict[int, Counter[tuple[str, tuple[str, ...]]]] = {}

    def tail_count(d: int, m: Measure) -> int:
        if d not in tails:
            tails[d] = Counter((x.label, tuple(x.path[-d:])) for x in top)
        return tails[d][(m.label, tuple(m.path[-d:]))]

    used: Counter[str] = Counter()
    for i, m in items:
        node = nodes[i]
        if node.parent_measure is not None:
            pm = by_node[node.parent_measure]
            m.parent_measure = pm.ref or pm.label
        if counts[m.label] == 1:
            ref = m.label
        elif m.parent_measure is not None:
            ref = m.parent_measure + m.label
        else:
            ref = m.label
            for d in range(1, len(m.path) + 1):
                ref = "".join(m.path[-d:]) + m.label
                if tail_count(d, m) <= 1:
                    break
        used[ref] += 1
        m.ref = ref if used[ref] == 1 else f"{ref}#{used[ref]}"
