"""Read rulesets: safe YAML -> validated `Ruleset`, every error as file:line and a dotted key.

Loading never executes anything from the file: YAML is read with a `yaml.SafeLoader` subclass (so
`!!python/object` and every other non-data tag is refused), no string is evaluated, and a rule's
`check` is only ever looked up in the fixed `KIND_MODULES` table, never imported by its own name.

`extends` names other rulesets by id (`rulesets/<id>.yaml`) or by path (relative to the file that
extends them, then to the working directory). They are loaded first, depth first, each file once;
a cycle is an error. Rules are merged in load order: a rule whose id was already loaded REPLACES
the earlier rule entirely, keeping the earlier rule's position (so to switch a core rule off,
repeat it with `enabled: false`; to change its severity, repeat it with the new severity). Two
rules with the same id in one file are an error.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from engine import RULESETS_DIR
from engine.errors import PlancheckError
from engine.outputs import note_input
from engine.rules import safe_yaml
from engine.rules.kinds import KIND_MODULES
from engine.rules.kinds.base import DEFER_PROBLEMS, CheckKind
from engine.rules.ruleset import Rule, Ruleset
from engine.rules.yaml_lines import Path_, dotted, line_of, read_yaml, validation_errors

# ---------------------------------------------------------------------------- kinds

_kinds: dict[str, CheckKind] = {}


def kind(name: str) -> CheckKind | None:
    """The registered kind called `name`, or None. Only names in KIND_MODULES are ever imported."""
    if name not in KIND_MODULES:
        return None
    if name not in _kinds:
        try:
            module = importlib.import_module(f"engine.rules.kinds.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"engine.rules.kinds.{name}":
                raise
            raise PlancheckError("internal", reason=f"check kind {name} is registered but not installed") from None
        _kinds[name] = module.KIND()
    return _kinds[name]


# ---------------------------------------------------------------------------- one file


def check_ruleset(data: Any, lines: dict[Path_, int], source: str) -> tuple[Ruleset | None, list[PlancheckError]]:
    """Validate parsed YAML as a ruleset; return it (None when invalid) and every problem found."""
    if not isinstance(data, dict):
        got = "an empty file" if data is None else type(data).__name__
        return None, [
            PlancheckError(
                "ruleset.invalid", path=source, line=line_of(lines, ()), key="(top)",
                reason=f"a ruleset is a mapping with id, rules …; got {got}",
            )
        ]
    try:
        rs = Ruleset.model_validate(data)
    except ValidationError as e:
        return None, validation_errors(e, lines, source, model=Ruleset)
    errors: list[PlancheckError] = []
    seen: dict[str, int] = {}
    for i, rule in enumerate(rs.rules):
        here = ("rules", i)
        if rule.id in seen:
            errors.append(
                PlancheckError("ruleset.duplicate_rule", path=source, line=line_of(lines, (*here, "id")), rule=rule.id)
            )
        seen.setdefault(rule.id, i)
        errors.extend(check_rule(rule, lines, source, here))
    return (rs if not errors else None), errors


def check_rule(rule: Rule, lines: dict[Path_, int], source: str, here: Path_) -> list[PlancheckError]:
    """Unknown check kinds and unknown or ill-typed options, at their own lines."""
    k = kind(rule.check)
    if k is None:
        return [
            PlancheckError(
                "ruleset.unknown_check",
                path=source,
                line=line_of(lines, (*here, "check")),
                rule=rule.id,
                check=rule.check,
                known=", ".join(sorted(KIND_MODULES)),
            )
        ]
    try:
        # kinds whose options need checks a model cannot express (condition fields, regex dialects)
        # offer `problems()`; deferring them here lets each be reported at its own line
        opts = k.Options.model_validate(rule.options, context={DEFER_PROBLEMS: True})
    except ValidationError as e:
        errors = validation_errors(e, lines, source, prefix=(*here, "options"), model=k.Options)
        for err in errors:
            if err.fields["reason"].startswith("unknown key"):
                known = ", ".join(sorted(k.Options.model_fields)) or "none"
                err.fields["reason"] = f"unknown option for check '{rule.check}' (known: {known})"
                err.args = (err.render("en"),)
        return errors
    return [
        PlancheckError("ruleset.invalid", path=source, line=line_of(lines, (*here, "options", *loc)),
                       key=dotted((*here, "options", *loc)), reason=reason)
        for loc, reason in opts.problems()
    ]


def read_ruleset_file(path: Path) -> tuple[Ruleset | None, list[PlancheckError]]:
    """Read and validate one file; every problem found, in line order (for `rules validate`)."""
    source = str(path)
    if not path.is_file():
        return None, [_not_a_ruleset(path, source)]
    note_input(path)
    try:
        text = safe_yaml.read_text(path, source, "utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        return None, [PlancheckError("input.unreadable", path=source, reason=str(e))]
    except PlancheckError as e:
        return None, [e]
    try:
        data, lines = read_yaml(text, source)
    except PlancheckError as e:
        return None, [e]
    rs, errors = check_ruleset(data, lines, source)
    errors.sort(key=lambda e: int(e.fields.get("line") or 0))
    return rs, errors


def load_ruleset(path: str | Path) -> Ruleset:
    """One ruleset file, validated; raises the first problem as a PlancheckError."""
    rs, errors = read_ruleset_file(Path(path))
    if errors:
        raise errors[0]
    assert rs is not None
    return rs


# ---------------------------------------------------------------------------- extends


@dataclass
class LoadedRules:
    """Every ruleset a run uses, merged."""

    rulesets: list[tuple[Ruleset, str]] = field(default_factory=list)  # in load order, with source path
    rules: list[Rule] = field(default_factory=list)  # merged: a later rule with the same id replaces
    sources: dict[str, str] = field(default_factory=dict)  # rule id -> file that defined it last
    obligation_ruleset: Ruleset | None = None  # the ruleset with `parent`/obligations (plancheck derive)
    obligation_source: str = ""

    @property
    def ids(self) -> list[str]:
        return [rs.id for rs, _ in self.rulesets]


def resolve(ref: str, base: Path | None = None) -> Path:
    """A ruleset reference -> file: an id names rulesets/<id>.yaml; anything else is a path."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]*", ref) and not ref.endswith((".yaml", ".yml")):
        p = RULESETS_DIR / f"{ref}.yaml"
        if p.is_file():
            return p
    candidates = [Path(ref)] if Path(ref).is_absolute() else [*([base / ref] if base else []), Path(ref)]
    for p in candidates:
        if p.is_file():
            return p
    there = next((p for p in candidates if p.exists()), None)
    raise _not_a_ruleset(there, ref) if there is not None else PlancheckError("ruleset.not_found", name=ref)


def _not_a_ruleset(path: Path, name: str) -> PlancheckError:
    """Why a path that is not a regular file cannot be a ruleset: missing, a folder, or a pipe or
    device (never opened: a named pipe with no writer would block the run)."""
    if path.is_dir():
        return PlancheckError("ruleset.is_dir", name=name)
    if path.exists():
        return PlancheckError("ruleset.not_regular", name=name)
    return PlancheckError("ruleset.not_found", name=name)


def load_rulesets(refs: list[str]) -> LoadedRules:
    """Load rulesets by id or path with everything they extend, and merge their rules."""
    loaded = LoadedRules()
    done: set[Path] = set()

    def visit(ref: str, base: Path | None, chain: list[tuple[Path, str]]) -> None:
        path = resolve(ref, base).resolve()
        if any(p == path for p, _ in chain):
            names = [name for _, name in chain[[p for p, _ in chain].index(path):]] + [ref]
            raise PlancheckError("ruleset.cycle", chain=" -> ".join(names))
        if path in done:
            return
        rs = load_ruleset(path)
        for parent_ref in rs.extends:
            visit(parent_ref, path.parent, [*chain, (path, ref)])
        done.add(path)
        source = _display(path)
        loaded.rulesets.append((rs, source))
        if rs.parent is not None or rs.obligations:
            loaded.obligation_ruleset = rs
            loaded.obligation_source = source

    for ref in refs:
        visit(ref, None, [])
    position: dict[str, int] = {}
    for rs, source in loaded.rulesets:
        for rule in rs.rules:
            if rule.id in position:
                loaded.rules[position[rule.id]] = rule
            else:
                position[rule.id] = len(loaded.rules)
                loaded.rules.append(rule)
            loaded.sources[rule.id] = source
    return loaded


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_data_model(path: Path, model: type, shape: str) -> Any:
    """A data file (unit registry, reference list …) validated against `model`, whose `problems()`
    lists what the schema alone cannot say; any fault raises PlancheckError with file, line and key.
    `shape` says what the file should be when its top level is not a mapping."""
    source = str(path)
    if not path.is_file():
        raise PlancheckError("input.not_found", path=source)
    try:
        note_input(path)
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise PlancheckError("input.unreadable", path=source, reason=str(e)) from None
    data, lines = read_yaml(text, source)
    if not isinstance(data, dict):
        raise PlancheckError("ruleset.invalid", path=source, line=line_of(lines, ()), key="(top)", reason=shape)
    try:
        obj = model.model_validate(data)
    except ValidationError as e:
        raise validation_errors(e, lines, source, model=model)[0] from None
    for loc, reason in obj.problems():
        raise PlancheckError("ruleset.invalid", path=source, line=line_of(lines, loc), key=dotted(loc), reason=reason)
    return obj
