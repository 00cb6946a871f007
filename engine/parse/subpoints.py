"""Items with sub-points: one measure holding its parts, or parts that are measures of their own.

County and city plans often number an item (1. or （一）) and its parts under it ((1)(2)… or ①②③). Which of
the two is the measure is decided by where the plan attaches responsibility, not by counting:

- a group clause after the last part ("（以上第1—3项任务由X牵头，Y配合）", "（上述任务由X负责）") assigns the
  parts by its own words: the parts are the measures (engine/parse/groupleads.py gives each its units);
- the units stand after the item's last part (牵头单位/配合单位 lines of their own, or a clause closing the
  last part while no other part has one) and there are two parts or more: they answer for the whole item,
  and the parts are its text (after a lone part, the clause could be the part's own: not said). A part whose
  paragraph runs its next points together (①…；②…；③…（X牵头）, its item a heading line alone) counts each;
- a part before the last carries its own clause: each part answers for itself, the parts stay nodes (the
  measures, or an item measure's sub-measures, as `tree.classify` decides); where most groups of the same
  numbering are such, a group whose only clause closes its last part is read the same way (the plan gives
  each part its units, this one left some out);
- no part says (no clause in any, the item's own heading may have one): the plan's other items of the same
  numbering decide, by majority; where none decides, the items are the measures if they are what carries
  the units elsewhere in the plan (at least two, and half of them) and no part ever does, or if they are
  entries numbered with a word or a frame (任务一 / 工程一 / 专项行动一 / 第一项: rulesets/data/entry_numbering.yaml)
  of which at least two hold parts and no part of that numbering carries units: the word names each entry
  the task (or project, or action) its numbered points describe. Otherwise a plan naming no unit at all keeps
  its parts as nodes.

Parts are folded into the item only when they are leaves (nothing numbered under them) or hold leaves of one
numbering (1. > (1) > ①, the item's clause after the last of them all: every part, sub-parts included, goes
into the item), and never into a
safeguards or 总则/附则 section nor under a general title (三、保障措施 whose last （三） closes with a clause is
still a section; （二）基本原则's 1.坚持… are principles each, as `tree.is_principle` reads them). A
top-level item (no section above it) needs two such items in the plan, or top-level peers that carry their
own units (a flat 一、…六、 list of measures, one of which has parts).
"""

from __future__ import annotations

import re
from collections import Counter

from engine import extract  # the module, not its names: engine.extract imports engine.parse in turn
from engine.models import Paragraph
from engine.parse import enumerations
from engine.parse.numbering import ENTRY_STYLE
from engine.parse.tree import FRAMING_CHAPTERS, Node, children, is_general, safeguard_heading

_ITEM, _PARTS = "item", "parts"
_TRAILING = " \t\n。.；;"
# a labelled field line after the unit lines: 完成时限：2024年底前, 时间节点：长期坚持
_FIELD = re.compile(r"[\u4e00-\u9fff]{2,8}[:：]")
_FIELD_MAX = 60


def fold_parts(nodes: list[Node], paras: list[Paragraph]) -> list[Node]:
    """`nodes` with the parts of every item that answers for them folded into the item's body (their
    paragraphs, markers included, become the item's text); the tree's parent links renumbered."""
    kids = children(nodes)
    groups = {
        p: ks
        for p, ks in kids.items()
        if not any(k in kids for k in ks) and len({nodes[k].marker.style for k in ks}) == 1
    }
    # parts with sub-parts of their own (1. > (1) > ①): the item's clause after them all answers for the
    # whole; its parts are read as above, their sub-parts being the text in between
    nested = {
        p: ks
        for p, ks in kids.items()
        if p not in groups
        and len({nodes[k].marker.style for k in ks}) == 1
        and all(g not in kids for k in ks for g in kids.get(k, ()))
        and len({nodes[g].marker.style for k in ks for g in kids.get(k, ())}) == 1
    }
    if not groups and not nested:
        return nodes
    descendants = {p: sorted([*ks, *(g for k in ks for g in kids.get(k, ()))]) for p, ks in {**groups, **nested}.items()}
    key = {p: (nodes[p].marker.style, nodes[ks[0]].marker.style) for p, ks in {**groups, **nested}.items()}
    text = _texts(nodes, paras)
    # a part whose paragraph runs its next parts together (①…；②…；③…（X牵头）) counts each of them
    verdict = {p: _verdict(ks, text, parts_count=_count_parts(nodes, ks, paras)) for p, ks in groups.items()}
    verdict.update({p: _verdict(descendants[p], text, parts_count=len(ks)) for p, ks in nested.items()})
    votes: dict[tuple[str, str], Counter[str]] = {}
    for p, v in verdict.items():
        votes.setdefault(key[p], Counter())[v or ""] += 1
    # a heading line that closes with the units' clause, over parts that name none, answers for them, unless the
    # plan's parts of this numbering carry their own units elsewhere (then these left theirs out, and inherit)
    heading = {p for p, v in verdict.items() if v is None and _heading_answers(nodes[p], descendants[p], text)}
    for p in heading:
        if not votes[key[p]][_PARTS]:
            votes[key[p]][""] -= 1
            votes[key[p]][_ITEM] += 1
            verdict[p] = _ITEM
    fallback: dict[tuple[str, str], bool] = {}  # read only where no group of the numbering says
    fold: set[int] = set()
    for p in verdict:
        plan = _majority(votes[key[p]])
        v = verdict[p] or plan
        if v is None and key[p] not in fallback:
            fallback[key[p]] = _items_carry_units(nodes, kids, text, *key[p]) or _entries_hold_points(
                nodes, text, key, *key[p]
            )
        v = v or (_ITEM if fallback.get(key[p]) else None)
        if v != _ITEM or plan == _PARTS or _frames(nodes[p]):
            continue
        if (
            nodes[p].parent is None
            and votes[key[p]][_ITEM] < 2
            and not _peers_carry_units(nodes, p, text)
            and not _entries_hold_points(nodes, text, key, *key[p])
        ):
            continue
        fold.add(p)
    if not fold:
        return nodes
    fold -= {k for p in fold for k in descendants[p]}  # (1)'s ①② go with the item that takes (1)
    gone = {k for p in fold for k in descendants[p]}
    for p in fold:
        for k in descendants[p]:
            nodes[p].body += [nodes[k].para, *nodes[k].body]
    kept = [i for i in range(len(nodes)) if i not in gone]
    new_index = {old: new for new, old in enumerate(kept)}
    out = [nodes[i] for i in kept]
    for n in out:
        n.parent = None if n.parent is None else new_index[n.parent]
    return out


def _count_parts(nodes: list[Node], parts: list[int], paras: list[Paragraph]) -> int:
    """How many parts a group holds: each part, and the parts its own paragraph runs on into (①…；②…: two)."""
    return len(parts) + sum(enumerations.continued(paras[nodes[k].para].text, nodes[k].marker) for k in parts)


def _texts(nodes: list[Node], paras: list[Paragraph]) -> list[str]:
    """Each node's own text: its heading after the label, then its paragraphs (not its children's)."""
    return ["\n".join([n.rest, *(paras[k].text for k in n.body)]) for n in nodes]


def _verdict(parts: list[int], text: list[str], *, parts_count: int | None = None) -> str | None:
    """Whom the units of a group of parts answer for: the item, the parts, or not said (None).
    `parts`: the parts in document order (with their sub-parts, where they have some: `parts_count` says how
    many parts there are then)."""
    if any(extract.find_responsibility(text[k]) is not None for k in parts[:-1]):
        return _PARTS
    last = text[parts[-1]]
    if extract.trailing_group_clause(last) is not None:
        return _PARTS  # "（以上第1—3项任务由X牵头）" after the last part: it assigns the parts, each an item
    found = extract.find_responsibility(last)
    if found is None or not _only_fields(last[found.end :]) or (parts_count or len(parts)) < 2:
        return None  # no clause, one inside the last part's sentences, or a lone part's (its own or the item's)
    return _ITEM  # lines of its own after the last of several parts, or a clause closing it


def _heading_answers(item: Node, parts: list[int], text: list[str]) -> bool:
    """The item's heading line closes with its units' clause, before its parts, and no part names a unit of its
    own: "（一）科学规划公厕布局（责任单位：X牵头，Y配合）" over "1.…" "2.…". The units are the item's, so the item is
    the measure and the parts its points, as when the clause follows the last part. A heading whose clause speaks
    for the items under it (以下各项由X牵头, 本部分任务由X负责: engine/extract/textleads.py) gives them its units
    instead, and a clause with a sentence after it (an intro: "由X牵头，重点做好以下工作：") closes nothing."""
    from engine.extract.textleads import heads_items  # engine.extract imports engine.parse in turn

    if any(extract.find_responsibility(text[k]) is not None for k in parts):
        return False
    found = extract.find_responsibility(item.rest)
    return found is not None and _only_fields(item.rest[found.end :]) and not heads_items(item.rest)


def _only_fields(rest: str) -> bool:
    """Nothing after a clause but punctuation or lines of labelled fields (完成时限：…, 时间节点：…): the clause
    closes its text (a task sentence after it would make it a clause inside the text)."""
    lines = [x.strip(_TRAILING) for x in rest.split("\n")]
    return all(not x or (_FIELD.match(x) and len(x) <= _FIELD_MAX) for x in lines)


def _majority(votes: Counter[str]) -> str | None:
    if votes[_ITEM] > votes[_PARTS]:
        return _ITEM
    if votes[_PARTS] > votes[_ITEM]:
        return _PARTS
    return None


def _items_carry_units(nodes: list[Node], kids: dict[int, list[int]], text: list[str], item: str, part: str) -> bool:
    """Where no group of parts says: the plan's items of this numbering carry the units (on their own text,
    at least two of them and half) and no part of this numbering carries any."""
    if any(n.marker.style == part and extract.find_responsibility(text[i]) is not None for i, n in enumerate(nodes)):
        return False
    items = [i for i, n in enumerate(nodes) if n.marker.style == item and all(k not in kids for k in kids.get(i, ()))]
    named = sum(1 for i in items if extract.find_responsibility(text[i]) is not None)
    return named >= 2 and 2 * named >= len(items)


def _entries_hold_points(
    nodes: list[Node], text: list[str], key: dict[int, tuple[str, str]], item: str, part: str
) -> bool:
    """The items are entries numbered with a word or a frame (任务一, 工程二, 第三项: `ENTRY_STYLE`), at least two of
    them hold parts of this numbering, and no part of this numbering carries units: each entry is one named task
    whose numbered points are its text."""
    if not item.startswith(ENTRY_STYLE) or sum(k == (item, part) for k in key.values()) < 2:
        return False
    return not any(n.marker.style == part and extract.find_responsibility(text[i]) is not None for i, n in enumerate(nodes))


def _peers_carry_units(nodes: list[Node], p: int, text: list[str]) -> bool:
    """A top-level item among top-level items of its numbering that carry their units on their own text (at
    least two, and half of them): a flat list whose items are the measures (一、…六、 of a 通知), where this
    item's parts are its sub-points."""
    peers = [i for i, n in enumerate(nodes) if i != p and n.parent is None and n.marker.style == nodes[p].marker.style]
    named = sum(1 for i in peers if extract.find_responsibility(text[i]) is not None)
    return named >= 2 and 2 * named >= len(peers)


def _frames(n: Node) -> bool:
    """A safeguards section (保障措施, 工作要求 …), a 总则/附则 chapter or a general title (基本原则, 工作目标 …):
    its items are principles, goals or requirements each, not one task's parts."""
    title = re.sub(r"[\s\u3000]", "", n.title).rstrip("。.：:")
    return bool(FRAMING_CHAPTERS.match(title) or safeguard_heading().search(title)) or is_general(title)
