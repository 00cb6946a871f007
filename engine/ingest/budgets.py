"""Budgets: how big an input may be before plancheck refuses it as "not a plan", in one place.

Each budget is checked before the stage it protects does its expensive work (reading, unpacking,
HTML tree building, normalisation, extraction), so a hostile or mistaken input costs a bounded
amount of time and memory and ends in `PlancheckError("budget.<name>")` (exit 2). A real plan, even
a 300-page provincial 规划 (about 0.3 M characters, 1 MB of text, 2,000 measures), is far inside
every default.

Defaults can be changed per run: the environment variable `PLANCHECK_BUDGET_<NAME>` (e.g.
`PLANCHECK_BUDGET_PAGES=5000`) or the CLI's `--budget name=value` (which wins). Sizes accept a unit:
`80MB`, `512KiB`, `2GB`; counts are plain numbers. `configure()` also exports the values to the
environment so that batch worker processes use the same budgets.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, fields

from engine.errors import PlancheckError

MB = 1024 * 1024


@dataclass(frozen=True)
class Budgets:
    """The limits in force. Sizes are in bytes (of the input as given, or unpacked)."""

    input_bytes: int = 50 * MB  # the file (or stdin) as given
    part_bytes: int = 32 * MB  # one part of a .docx or .xlsx, unpacked (document.xml of a 300-page plan: ~10 MB)
    unpacked_bytes: int = 128 * MB  # all parts of a .docx or .xlsx together, unpacked
    pages: int = 3000  # pages of a PDF
    paragraphs: int = 60_000  # non-blank lines of any format (10 MB of plan text: ~21,000; a 300-page plan: ~9,000);
    # also the cells of the table grids a reader builds (ingest.tables.GridBudget: a merged cell in each row it spans)
    chars: int = 4_000_000  # characters of all lines together (a 300-page plan: ~0.3 M; 10 MB of text: ~3.5 M)
    paragraph_chars: int = 2_000_000  # characters in one line: a whole plan on one line must fit
    measures: int = 20_000  # numbered items the parser found (10 MB of plan text: ~13,500; 59,000 took 28 s CPU, 1.4 GB)
    # distinct clauses (between ，；。！？) from the first item on, labels left out: each is compared with
    # every other for repeats, a cost that grows with their square (a 300-page plan: ~20,000, at the
    # fixtures' one per ~18 characters; 60,000 of plan-like text: 35 s CPU for the whole check; 40,000 of
    # random characters: ~50-75 s)
    clauses: int = 60_000
    depth: int = 512  # nesting of HTML elements (XML in a .docx: libxml2's own limit of 256)
    # documents of <iframe srcdoc> read into an .html page, every level of nesting together (a portal page: one);
    # their text together counts against input_bytes (engine/ingest/frames.py)
    frames: int = 64
    yaml_bytes: int = 20 * MB  # a ruleset, waiver or data file (a derived 2,000-measure ruleset: ~2 MB)
    yaml_nodes: int = 2_000_000  # its nodes with every YAML alias expanded (the same ruleset: ~0.2 M)


SIZES = frozenset({"input_bytes", "part_bytes", "unpacked_bytes", "yaml_bytes"})
NAMES = tuple(f.name for f in fields(Budgets))
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": MB, "mb": MB, "mib": MB, "g": 1024 * MB,
          "gb": 1024 * MB, "gib": 1024 * MB}  # fmt: skip
_VALUE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*")

_overrides: dict[str, int] = {}


def env_name(name: str) -> str:
    return f"PLANCHECK_BUDGET_{name.upper()}"


def parse_value(name: str, text: str) -> int:
    """`80MB` -> bytes for a size budget, `5000` for a count; PlancheckError("budget.bad") otherwise."""
    m = _VALUE.fullmatch(text)
    unit = m.group(2).lower() if m else ""
    if name not in NAMES or not m or unit not in _UNITS or (unit and name not in SIZES):
        raise PlancheckError("budget.bad", name=name, value=text, known=", ".join(NAMES))
    value = int(float(m.group(1)) * _UNITS[unit])
    if value < 1:
        raise PlancheckError("budget.bad", name=name, value=text, known=", ".join(NAMES))
    return value


def current() -> Budgets:
    """Defaults, then `PLANCHECK_BUDGET_*` from the environment, then `configure()`'s values."""
    changes: dict[str, int] = {}
    for name in NAMES:
        raw = os.environ.get(env_name(name))
        if raw:
            changes[name] = parse_value(name, raw)
    changes.update(_overrides)
    return dataclasses.replace(Budgets(), **changes)


def configure(settings: list[str] | tuple[str, ...]) -> None:
    """Apply `name=value` settings (the CLI's --budget) for this process and the workers it starts."""
    for item in settings:
        name, sep, value = item.partition("=")
        name = name.strip().replace("-", "_")
        if not sep:
            raise PlancheckError("budget.bad", name=name, value=item, known=", ".join(NAMES))
        _overrides[name] = parse_value(name, value)
        os.environ[env_name(name)] = str(_overrides[name])


def show(name: str, value: int) -> str:
    if name in SIZES:
        return f"{value / MB:.1f} MB" if value >= MB else f"{value} B"
    return f"{value:,}"


def exceeded(name: str, path: str, value: int | str, limit: int) -> PlancheckError:
    """The error for a budget `name` exceeded by `value` (a str such as "> 50.0 MB" when unknown)."""
    shown = value if isinstance(value, str) else show(name, value)
    return PlancheckError(
        f"budget.{name}", path=path, value=shown, limit=show(name, limit), option=f"--budget {name}=…",
        env=env_name(name),
    )


def check(name: str, path: str, value: int) -> None:
    """Raise when `value` is over the budget `name` in force."""
    limit = getattr(current(), name)
    if value > limit:
        raise exceeded(name, path, value, limit)
