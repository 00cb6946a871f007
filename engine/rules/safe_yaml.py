"""Bounded safe YAML: the one way rulesets, waivers and data tables are read.

`yaml.SafeLoader` already refuses code (`!!python/object`); it does not bound work. Anchors and
aliases let a few hundred bytes stand for billions of nodes (each alias is a reference, so the file
composes in linear time, but constructing it, and every walk over the result, expands it), a
recursive alias makes a cycle that loops any walk, and an impossible date (2025-02-30) makes the
timestamp constructor raise ValueError. Here the composed node graph is measured before anything is
constructed: its size counted as if every alias were expanded (each distinct node once, so the
measurement itself is linear), its depth, and its cycles, each against a budget
(`engine.ingest.budgets`: yaml_bytes, yaml_nodes); and a date that does not exist is a YAML error
with its line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from engine.errors import PlancheckError
from engine.ingest import budgets
from engine.outputs import note_input

MAX_DEPTH = 100  # nesting of mappings and sequences: rulesets need about 8; walks over them recurse


class Refused(Exception):
    """The document is too big, too deep or cyclic: `reason` and the 1-based `line` where seen."""

    def __init__(self, reason: str, line: int, budget: str | None = None, value: str = "") -> None:
        super().__init__(reason)
        self.reason, self.line, self.budget, self.value = reason, line, budget, value


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> dt.date | dt.datetime:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError as e:
        raise yaml.constructor.ConstructorError(
            None, None, f"not a real date: {node.value} ({e})", node.start_mark
        ) from None


def guard(loader_class: type) -> type:
    """`loader_class` with dates that do not exist refused as YAML errors (for subclasses to share)."""
    loader_class.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    return loader_class


def read_text(path: Path, source: str, encoding: str = "utf-8") -> str:
    """The file's text, refused by its size before it is read."""
    budgets.check("yaml_bytes", source, path.stat().st_size)
    note_input(path)
    return path.read_text(encoding)


def compose(loader: Any) -> yaml.Node | None:
    """The single document's node graph from a constructed loader, measured (raises `Refused`)."""
    node = loader.get_single_node()
    if node is not None:
        measure(node)
    return node


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [x for pair in node.value for x in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def measure(root: yaml.Node) -> None:
    """Refuse a graph whose expansion exceeds the node budget, nests deeper than MAX_DEPTH, or cycles."""
    limit = budgets.current().yaml_nodes
    size: dict[int, int] = {}  # expanded size of each finished node
    deep: dict[int, int] = {}  # its depth below itself
    open_: set[int] = set()  # nodes whose children are still being measured: an edge back is a cycle
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        kids = _children(node)
        if finished:
            open_.discard(key)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            deep[key] = 1 + max((deep[id(k)] for k in kids), default=0)
            if size[key] > limit:
                raise Refused("expands to too many nodes", node.start_mark.line + 1, "yaml_nodes", f"> {limit:,}")
            if deep[key] > MAX_DEPTH:
                raise Refused(f"nested more than {MAX_DEPTH} levels deep", node.start_mark.line + 1)
            continue
        if key in size:
            continue
        open_.add(key)
        stack.append((node, True))
        for k in kids:
            if id(k) in open_:
                raise Refused("an alias refers to a node that contains it (a cycle)", k.start_mark.line + 1)
            if id(k) not in size:
                stack.append((k, False))


def refused_error(e: Refused, source: str, code: str, **fields: object) -> PlancheckError:
    """The PlancheckError for a refused document: the budget's own message, else `code` with a line."""
    if e.budget:
        return budgets.exceeded(e.budget, f"{source}:{e.line}", e.value, getattr(budgets.current(), e.budget))
    return PlancheckError(code, path=source, line=e.line, reason=e.reason, **fields)
