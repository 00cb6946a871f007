"""Responsibility clauses printed somewhere other than after their measure's task words.

Most plans close a measure with its clause: "1.规范…。（X牵头，Y配合）". Two other places are read here, each decided
from the document's own layout, never from its name:

- ABOVE the measure, a paragraph of its own: "（责任单位：州X牵头，州Y配合）" then "1.推进…。" (blind60 德宏州, a bold
  paragraph over each measure; fixtures/fix60). Read so only where the whole list says it: the first measure of a run
  of sibling measures has such a paragraph right above it, every measure but the last ends in one (the next one's),
  and the last ends in none. Then each clause paragraph is moved from the text above (the section's intro, the
  previous measure's end) to the measure below it (`clauses_above`). A list whose clauses follow their measures
  has its last measure closed by one, or its first measure with none above it: left as it is.
- Between the number and the task words: "1.（责任单位：X牵头，Y配合）规范护林员选聘…" (blind60 独龙江乡). The clause
  is the measure's already; its text is made to start with the task words and keep the clause after them, as a
  clause closes a measure everywhere else (`clause_first`).
- BEFORE the number in the measure's own paragraph, in fields set as tags: "【牵头单位】X【配合单位】Y、Z　1.扩大…"
  (blind69 青海省; also 〔牵头单位〕, [责任单位], or a whole bracket "（牵头单位：X；配合单位：Y）1.…"). The reader cuts the
  paragraph before the number (`fields_first`, called by engine.parse.prepare), so the item is seen as numbered and the
  fields as a clause paragraph right above it; the fields are then given to the measure below them however the rest of
  the list is printed (`clauses_above`: both cut from one source paragraph, `one_paragraph`).
"""

from __future__ import annotations

from engine import extract
from engine.extract.sentences import closer_of
from engine.models import Measure, Paragraph
from engine.parse.numbering import marker_at_start
from engine.parse.tree import Node, Segment

MIN_RUN = 2
FIELDS_MAX = 200  # the longest run of fields before a number looked at: a clause, not a paragraph of prose
_STOPS = " \t\u3000。.；;，,"
BRACKET_OPEN = "(（[［【〔"  # as engine/extract/responsibility.py reads a clause's brackets
_CLOSERS = ")）]］】〕"


def whole_clause(text: str) -> bool:
    """`text` is a responsibility clause and nothing else (a paragraph of its own: "（责任单位：X牵头，Y配合）")."""
    t = text.strip()
    if not t or t[0] not in BRACKET_OPEN:
        return False
    found = extract.find_responsibility(t)
    return found is not None and found.start == 0 and not t[found.end :].strip(_STOPS)


def fields_first(text: str) -> int | None:
    """Where the number starts in a paragraph that opens with its measure's responsibility fields and goes on with
    the numbered measure: "【牵头单位】X【配合单位】Y、Z　1.扩大…" → the offset of "1."; None for any other paragraph.
    The fields are a whole clause (`whole_clause`: they open with a bracket and nothing but stops stands after
    them), the first number after them opens an item (`marker_at_start`). A paragraph already opening with its
    number, or a bracketed heading naming no units (【工作目标】…), is none."""
    t = text
    if not t or t[0] not in BRACKET_OPEN or marker_at_start(t) is not None:
        return None
    found = extract.find_responsibility(t[:FIELDS_MAX])
    if found is None or found.start != 0:
        return None  # the clause reader runs on past the number into the task words: where it starts is enough
    for k in range(2, min(len(t), FIELDS_MAX)):
        if not t[k].isspace() and marker_at_start(t[k:]) is not None and whole_clause(t[:k]):
            return k
    return None


def one_paragraph(above: Paragraph, below: Paragraph) -> bool:
    """`above` and `below` are two pieces of one paragraph of the source, `above` the part before (the fields
    `fields_first` cut off before the number): same line, same original text, columns running on."""
    return (
        above.line == below.line
        and above.orig == below.orig
        and bool(above.cols)
        and bool(below.cols)
        and above.cols[-1] < below.cols[0]
    )


def fields_of_first(nodes: list[Node], paras: list[Paragraph]) -> bool:
    """Whether the plan's first item had its fields cut off before its number (`fields_first`): the paragraph above
    it, before the numbered text, is then given to it here (no item above it to hold it, as `clauses_above` moves
    them); in place."""
    if not nodes or nodes[0].para < 1:
        return False
    above = nodes[0].para - 1
    if not (one_paragraph(paras[above], paras[nodes[0].para]) and whole_clause(paras[above].text)):
        return False
    nodes[0].body.append(above)
    return True


def _runs(nodes: list[Node]) -> list[list[int]]:
    """Runs of sibling nodes numbered in one style, consecutive among their parent's children."""
    children: dict[int | None, list[int]] = {}
    for i, n in enumerate(nodes):
        children.setdefault(n.parent, []).append(i)
    out: list[list[int]] = []
    for kids in children.values():
        run: list[int] = []
        for i in kids:
            if run and nodes[i].marker.style != nodes[run[-1]].marker.style:
                out.append(run)
                run = []
            run.append(i)
        out.append(run)
    return [r for r in out if len(r) >= MIN_RUN]


def clauses_above(nodes: list[Node], paras: list[Paragraph]) -> None:
    """Give each measure of a list printed with its clause ABOVE it that clause (see the module's doc); in place."""
    own = [  # fields cut off before the number of their own paragraph: that measure's, whatever the list's layout
        i
        for i in range(1, len(nodes))
        if nodes[i].para - 1 in nodes[i - 1].body  # (the first item's own fields may stand after it: fields_of_first)
        and one_paragraph(paras[nodes[i].para - 1], paras[nodes[i].para])
        and whole_clause(paras[nodes[i].para - 1].text)
    ]
    for i in own:
        nodes[i - 1].body.remove(nodes[i].para - 1)
        nodes[i].body.append(nodes[i].para - 1)
    for run in _runs(nodes):
        moves: list[tuple[int, int]] = []  # (owner node, target node): owner's last body paragraph goes to target
        for i in run:
            above = nodes[i].para - 1
            owner = i - 1
            if owner < 0 or not nodes[owner].body or nodes[owner].body[-1] != above:
                break
            if not whole_clause(paras[above].text):
                break
            moves.append((owner, i))
        else:
            last = nodes[run[-1]]
            if last.body and whole_clause(paras[last.body[-1]].text):
                continue  # the last measure closed by a clause: clauses follow their measures
            if any(_own_clause(nodes[i], paras, drop_last=i != run[-1]) for i in run):
                continue  # a measure with a clause of its own besides the one above it
            taken = [nodes[owner].body.pop() for owner, _ in moves]
            for (_, target), k in zip(moves, taken, strict=True):
                nodes[target].body.append(k)


def _own_clause(n: Node, paras: list[Paragraph], *, drop_last: bool) -> bool:
    """Whether node `n`'s own text (its last body paragraph left out: the next measure's clause) names units."""
    body = n.body[:-1] if drop_last else n.body
    return any(extract.find_responsibility(t) for t in [n.rest, *(paras[k].text for k in body)] if t)


def clause_first(m: Measure, segs: list[Segment]) -> list[Segment]:
    """A measure whose text opens with its clause, "（责任单位：X牵头，Y配合）规范…", given the text "规范…（责任单位：…）"
    (the clause moved after the task words of its paragraph) and the text map to match; else `segs` unchanged."""
    text = m.text
    head_end = text.find("\n")
    head_end = len(text) if head_end < 0 else head_end
    head = text[:head_end]
    lead_ws = len(head) - len(head.lstrip())
    close = closer_of(head, lead_ws, BRACKET_OPEN, _CLOSERS)
    if close is None:
        return segs
    clause = head[lead_ws : close + 1]
    if not whole_clause(clause):
        return segs
    tail = head[close + 1 :]
    task = tail.lstrip(_STOPS)
    if sum(1 for ch in task if "\u4e00" <= ch <= "\u9fff") < 2:
        return segs  # the clause and nothing after it on its line: it closes nothing, leave it
    skipped = len(tail) - len(task)
    new_head = task + clause
    m.text = new_head + text[head_end:]
    title = m.title.strip()
    if title.startswith(clause) and len(title[len(clause) :].lstrip(_STOPS)) >= 2:
        m.title = title[len(clause) :].lstrip(_STOPS)
    delta = len(new_head) - len(head)
    base = segs[0]
    out = [
        Segment(0, base.para, base.para_offset + close + 1 + skipped),
        Segment(len(task), base.para, base.para_offset + lead_ws),
    ]
    out += [Segment(s.start + delta, s.para, s.para_offset) for s in segs[1:]]
    return out
