"""Where in a YAML file a value stands: safe YAML read with the 1-based line of every key and item,
dotted keys, and pydantic validation errors as `ruleset.invalid` errors with file, line and key.

Read by the ruleset loader (`engine.rules.loader`) and by every data file with a model (the unit
registry, dated references). Loading never executes anything: the loader is a `yaml.SafeLoader`
subclass guarded by `engine.rules.safe_yaml` (bounded size, depth and aliases).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from engine.errors import PlancheckError
from engine.rules import safe_yaml

Path_ = tuple[str | int, ...]


# libyaml parses the same safe data ~5x faster; the pure-Python loader when it is not built in
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@safe_yaml.guard
class LineLoader(SafeLoader):
    """SafeLoader that also records the 1-based line of every mapping key and sequence item."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: dict[Path_, int] = {}


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], source: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen and key != "<<":
                raise PlancheckError(
                    "ruleset.invalid",
                    path=source,
                    line=line,
                    key=dotted((*path, key)),
                    reason=f"key repeated (first on line {seen[key]}); YAML would silently keep the last",
                )
            seen[key] = line
            lines[(*path, key)] = line
            _walk(value_node, (*path, key), lines, source)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            _walk(item, (*path, i), lines, source)


def read_yaml(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    """Parse one YAML document safely; return the data and the line of every key/item path."""
    loader = LineLoader(text)
    try:
        node = safe_yaml.compose(loader)
        if node is None:
            return None, {}
        data = loader.construct_document(node)
    except safe_yaml.Refused as e:
        raise safe_yaml.refused_error(e, source, "ruleset.yaml") from None
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        reason = str(e.problem or e)
        if "constructor for the tag" in reason:
            reason = f"{reason}: tags such as !!python/object are refused; a ruleset is plain data"
        raise PlancheckError("ruleset.yaml", path=source, line=(mark.line + 1) if mark else 0, reason=reason) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        reason = " ".join(x for x in (e.context, e.problem) if x) or str(e)
        raise PlancheckError("ruleset.yaml", path=source, line=(mark.line + 1) if mark else 0, reason=reason) from None
    except yaml.YAMLError as e:
        raise PlancheckError("ruleset.yaml", path=source, line=0, reason=str(e)) from None
    except ValueError as e:  # a value YAML recognises but cannot build, e.g. the date 2025-02-30
        raise PlancheckError("ruleset.yaml", path=source, line=_unbuildable_line(loader, node), reason=str(e)) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {(): node.start_mark.line + 1}
    _walk(node, (), lines, source)
    return data, lines


def _unbuildable_line(loader: LineLoader, root: yaml.Node) -> int:
    """The line of the first scalar the loader cannot build (0 if none is found)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            loader.constructed_objects.clear()  # left over from the failed attempt
            loader.recursive_objects.clear()
            try:
                loader.construct_object(node, deep=True)
            except ValueError:
                return node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return 0


def dotted(path: Path_) -> str:
    """('rules', 3, 'options', 'max_days') -> 'rules[3].options.max_days'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top)"


def line_of(lines: dict[Path_, int], path: Path_) -> int:
    """The line of `path`, or of its nearest ancestor that the file spells out."""
    for n in range(len(path), -1, -1):
        if path[:n] in lines:
            return lines[path[:n]]
    return 0


_MESSAGES = {
    "extra_forbidden": "unknown key",
    "missing": "required key is missing",
}


def _reason(err: dict[str, Any], model: type[BaseModel] | None = None) -> str:
    kind = err.get("type", "")
    if kind == "extra_forbidden":
        known = ", ".join(sorted(model.model_fields)) if model is not None else ""
        return "unknown key" + (f" (known: {known})" if known else "")
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    msg = str(err.get("msg", ""))
    msg = re.sub(r"^Value error, ", "", msg)
    inp = err.get("input")
    if kind.endswith("_type") or kind in ("literal_error", "enum"):
        msg += f" (got {inp!r})"
    return msg


def validation_errors(
    e: ValidationError, lines: dict[Path_, int], source: str, prefix: Path_ = (), model: type[BaseModel] | None = None
) -> list[PlancheckError]:
    out = []
    for err in e.errors():
        # drop pydantic's own loc parts: validator names and tagged-union tags such as '<atom>'
        loc = tuple(
            p for p in err["loc"] if not (isinstance(p, str) and (p.startswith("function-") or p.startswith("<")))
        )
        path = (*prefix, *loc)
        # unknown keys of a nested model: name the model's own fields where we can tell
        owner = _model_at(model, loc[:-1]) if model is not None and err.get("type") == "extra_forbidden" else None
        out.append(
            PlancheckError(
                "ruleset.invalid",
                path=source,
                line=line_of(lines, path),
                key=dotted(path),
                reason=_reason(err, owner),
            )
        )
    return out


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The pydantic model that validates the value at `loc` under `model` (for 'known keys' hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        fields = current.model_fields
        info = fields.get(part) or next((f for f in fields.values() if f.alias == part), None)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
