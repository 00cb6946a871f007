"""Promises about the code's shape that a refactor must not break silently."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "engine"


@cache
def _tree(path: Path) -> ast.Module:
    """The module's syntax tree, parsed once for all the tests here (they only read it)."""
    return ast.parse(path.read_text("utf-8"))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_runtime_touches_durable_rules() -> None:
    users = sorted(
        str(p.relative_to(ENGINE))
        for p in ENGINE.rglob("*.py")
        if any(n.split(".")[0] in ("durable", "durable_rules_engine") for n in _imports(p))
    )
    assert users == ["rules/runtime.py"]


def test_rulesets_are_never_loaded_with_an_unsafe_yaml_loader() -> None:
    for p in ENGINE.rglob("*.py"):
        text = p.read_text("utf-8")
        for bad in ("yaml.load(", "yaml.Loader", "yaml.UnsafeLoader", "yaml.FullLoader", "eval(", "exec("):
            if bad == "yaml.load(" and "Loader=_LineLoader" in text:
                continue  # findings.py: a SafeLoader subclass
            assert bad not in text, f"{p.relative_to(ENGINE)} uses {bad}"


# --------------------------------------------------------------------------- the rules package's rooms

RULES = ENGINE / "rules"
KINDS = RULES / "kinds"
# engine/rules modules that run rules rather than answer a kind's question (docs/ARCHITECTURE.md)
MACHINERY = {
    "__init__", "condition_compile", "condition_facts", "conditions", "docs", "durable_regex", "engine", "evaluator",
    "facts", "loader", "ruleset", "runtime", "safe_yaml", "templates", "user_regex", "yaml_lines",
}  # fmt: skip
HELPER_MAX_LINES = 400  # a shared helper module is read in one sitting, before any kind that uses it


def _helpers() -> list[Path]:
    return sorted(p for p in RULES.glob("*.py") if p.stem not in MACHINERY)


def _kind_modules() -> list[Path]:
    return sorted(p for p in KINDS.glob("*.py") if p.stem not in ("__init__", "base"))


@cache
def _reads(path: Path) -> tuple[list[ast.ImportFrom], list[ast.Import], list[tuple[str, str]]]:
    """What `_names_used` looks at in `path`, gathered in one walk of its tree: the from-imports, the
    imports, and each `name.attr` read (the walk, not the question, is what costs)."""
    froms: list[ast.ImportFrom] = []
    imports: list[ast.Import] = []
    attrs: list[tuple[str, str]] = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom):
            froms.append(node)
        elif isinstance(node, ast.Import):
            imports.append(node)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            attrs.append((node.value.id, node.attr))
    return froms, imports, attrs


def _names_used(path: Path, module: str) -> set[str]:
    """Names of `engine.rules.<module>` that `path` reads: imported from it, or read as `alias.name`
    of an alias bound to it."""
    froms, imports, attrs = _reads(path)
    full = f"engine.rules.{module}"
    aliases: set[str] = set()
    used: set[str] = set()
    for node in froms:
        if node.module == full:
            used.update(a.name for a in node.names)
        elif node.module == "engine.rules":
            aliases.update(a.asname or a.name for a in node.names if a.name == module)
    for node in imports:
        aliases.update(a.asname for a in node.names if a.name == full and a.asname)
    used.update(attr for name, attr in attrs if name in aliases)
    return used


def test_each_kind_reads_on_its_own() -> None:
    """A kind imports no other kind: what two kinds share lives in a helper module of engine/rules
    (or on the run's context), so each kind module can be read by itself."""
    for p in _kind_modules():
        others = {
            n for n in _imports(p) if n.startswith("engine.rules.kinds.") and n != "engine.rules.kinds.base"
        }
        assert not others, f"kinds/{p.name} imports {sorted(others)}"


def test_shared_rule_helpers_are_small_rooms_with_no_dead_helper() -> None:
    """Each shared helper module of engine/rules answers one question (its docstring says which) in at
    most HELPER_MAX_LINES lines, and every public function or class in it is read outside it, directly
    or through another of its functions that is: a helper only one kind reads of a question no other
    kind asks belongs in that kind, and one nobody reads goes."""
    engine_files = sorted(ENGINE.rglob("*.py"))
    for helper in _helpers():
        text = helper.read_text("utf-8")
        tree = _tree(helper)
        name = helper.stem
        assert ast.get_docstring(tree), f"rules/{helper.name} does not say which question it answers"
        lines = len(text.splitlines())
        assert lines <= HELPER_MAX_LINES, f"rules/{helper.name} has {lines} lines: split it by question"
        defs = {
            n.name: {x.id for x in ast.walk(n) if isinstance(x, ast.Name)}
            for n in tree.body
            if isinstance(n, (ast.FunctionDef, ast.ClassDef))
        }
        reached = set().union(*(_names_used(p, name) for p in engine_files if p != helper)) & set(defs)
        todo = list(reached)
        while todo:
            for ref in defs[todo.pop()] & set(defs):
                if ref not in reached:
                    reached.add(ref)
                    todo.append(ref)
        dead = sorted(n for n in defs if not n.startswith("_") and n not in reached)
        assert not dead, f"rules/{helper.name}: nobody reads {dead}"


def test_no_module_of_the_rules_package_but_a_kind_outgrows_a_room() -> None:
    """The machinery that runs rules (the condition language, its compiler and facts, the loader, the
    runtime …) and the kinds' shared base are read like the helpers: one question each, said in a
    docstring, in at most HELPER_MAX_LINES lines. Only a kind (one check, read on its own) may be longer."""
    shared = [p for p in RULES.rglob("*.py") if p.parent != KINDS or p.stem in ("__init__", "base")]
    assert {p.stem for p in shared} >= MACHINERY | {"base", "similarity"}, "the collector is broken"
    for p in shared:
        text = p.read_text("utf-8")
        name = p.relative_to(RULES)
        assert p.stem == "__init__" or ast.get_docstring(_tree(p)), f"rules/{name} has no docstring"
        lines = len(text.splitlines())
        assert lines <= HELPER_MAX_LINES, f"rules/{name} has {lines} lines: split it by question"


def test_the_layout_test_sees_the_helpers() -> None:
    """The two tests above look at the modules the kinds really read (a renamed helper module would
    otherwise escape them)."""
    helpers = {p.stem for p in _helpers()}
    assert {"similarity", "places", "leads", "deadlines", "textunits"} <= helpers
    read: set[str] = set()
    for p in _kind_modules():
        for node in ast.walk(_tree(p)):
            if isinstance(node, ast.ImportFrom) and node.module == "engine.rules":
                read.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("engine.rules."):
                read.add(node.module.split(".")[2])
    assert read, "no kind reads engine/rules: the collector is broken"
    assert read - {"kinds"} <= helpers | MACHINERY


# Caches (issue #22): a cache of a pure function goes through engine.memo (a stated bound and copy
# policy); one that depends on a plan, an alignment, options or data lives on the run's context.

_FUNCTOOLS_CACHES = {"lru_cache", "cache"}
_CACHE_NAME = re.compile(r"(^|_)(memo|memos|cache|caches)$", re.IGNORECASE)
# module-level mappings that are written at run time and are not caches, with what they are
_STATE_NOT_CACHES = {
    "batch.py:_STATE": "a worker process's run settings, set once by the pool initialiser",
    "ingest/budgets.py:_overrides": "the size limits --budget set for this command",
    "outputs.py:_inputs": "the files this command read, so no output overwrites one",
    "rules/loader.py:_kinds": "the check kinds registered by name",
    "rules/runtime.py:_registered": "rulesets registered with durable-rules' own process-wide host",
}
_MAPPING_MAKERS = {"dict", "OrderedDict", "defaultdict", "WeakValueDictionary", "WeakKeyDictionary", "Counter"}


def _functools_caches(tree: ast.AST) -> list[int]:
    """Lines naming functools.lru_cache / functools.cache, however functools was imported."""
    aliases = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
               if a.name == "functools"}  # fmt: skip
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "functools":
            lines += [node.lineno for a in node.names if a.name in _FUNCTOOLS_CACHES]
        elif (isinstance(node, ast.Attribute) and node.attr in _FUNCTOOLS_CACHES
              and isinstance(node.value, ast.Name) and node.value.id in aliases):  # fmt: skip
            lines.append(node.lineno)
    return lines


def _module_caches(tree: ast.Module) -> list[str]:
    """Module-level names that act as caches: named like one (…_memo, …_cache), or a mapping made at
    module level that a function writes into (NAME[k] = …, NAME.setdefault/update/pop/clear)."""
    mappings: set[str] = set()
    found: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        for t in targets:
            if not isinstance(t, ast.Name):
                continue
            if _CACHE_NAME.search(t.id):
                found.add(t.id)
            made = value.func if isinstance(value, ast.Call) else None
            maker = made.id if isinstance(made, ast.Name) else made.attr if isinstance(made, ast.Attribute) else None
            if isinstance(value, (ast.Dict, ast.DictComp)) or maker in _MAPPING_MAKERS:
                mappings.add(t.id)
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(fn):
            if (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store)
                    and isinstance(node.value, ast.Name) and node.value.id in mappings):  # fmt: skip
                found.add(node.value.id)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in ("setdefault", "update", "pop", "clear", "popitem")
                  and isinstance(node.func.value, ast.Name) and node.func.value.id in mappings):  # fmt: skip
                found.add(node.func.value.id)
    return sorted(found)


def test_caches_go_through_engine_memo() -> None:
    offenders = []
    for p in sorted(ENGINE.rglob("*.py")):
        name = str(p.relative_to(ENGINE))
        if name == "memo.py":
            continue
        tree = _tree(p)
        offenders += [f"{name}:{line}: functools cache (use engine.memo.memo)" for line in _functools_caches(tree)]
        offenders += [f"{name}: module-level cache {n} (engine.memo.memo, or ctx.remember if it depends on a run)"
                      for n in _module_caches(tree) if f"{name}:{n}" not in _STATE_NOT_CACHES]  # fmt: skip
    assert not offenders, "\n".join(offenders)


def test_the_cache_detector_sees_each_pattern_it_forbids() -> None:
    """Each pattern removed in issue #22 is caught (the test above cannot pass by seeing nothing),
    and the allowed state still exists (a stale allowance would hide a new cache of that name)."""
    planted = {
        "import functools\n@functools.lru_cache(maxsize=8)\ndef f(x): return x\n": "functools",
        "import functools as ft\ng = ft.cache(lambda: 1)\n": "functools",
        "from functools import cache\n": "functools",
        "_left_out_memo: dict = {}\n": "_left_out_memo",
        "_LOG_TF: dict[int, float] = {}\ndef f(k):\n    _LOG_TF[k] = 1.0\n": "_LOG_TF",
        "_seen = {}\ndef f(t):\n    return _seen.setdefault(t, len(t))\n": "_seen",
        "from collections import OrderedDict\n_by_text = OrderedDict()\ndef f(t):\n    _by_text.clear()\n": "_by_text",
    }
    for source, what in planted.items():
        tree = ast.parse(source)
        caught = bool(_functools_caches(tree)) if what == "functools" else _module_caches(tree) == [what]
        assert caught, source
    assert not _module_caches(ast.parse("TABLE = {'a': 1}\ndef f(k):\n    return TABLE[k]\n"))  # read only
    for entry in _STATE_NOT_CACHES:
        path, name = entry.split(":")
        assert name in _module_caches(_tree(ENGINE / path)), f"stale allowance {entry}"


def test_no_module_reaches_into_the_responsibility_reader_s_private_names() -> None:
    """Group clauses, text leads and ingest's unit lists read unit names through responsibility's public API
    (reads_as_unit, parse_clause_content, BY_DUTY), not its private helpers."""
    offenders = []
    for p in sorted(ENGINE.rglob("*.py")):
        if p.relative_to(ENGINE).as_posix() == "extract/responsibility.py":
            continue
        for node in ast.walk(_tree(p)):
            if isinstance(node, ast.ImportFrom) and node.module == "engine.extract.responsibility":
                offenders += [f"{p.relative_to(ENGINE)}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert not offenders, "\n".join(offenders)


def test_the_chinese_numerals_of_a_label_are_spelled_once() -> None:
    """The characters of a label's Chinese numeral live in engine/ingest/numbering.py (CN_NUMERALS), imported by
    ingest's label patterns, the parser's and the numbering check's: a copy would drift from them (three copies in
    ingest did)."""
    spelled = sorted(
        str(p.relative_to(ENGINE)) for p in ENGINE.rglob("*.py") if "一二三四五六七八九十百零〇" in p.read_text("utf-8")
    )
    assert spelled == ["ingest/numbering.py"]


def test_a_hanging_label_is_read_by_the_parsers_label_reader() -> None:
    """engine/ingest/hanging.py asks engine/parse/numbering.py (label_alone) whether a cell is a label: no regex of
    its own beside it (the two accepted different sets)."""
    hanging = ENGINE / "ingest" / "hanging.py"
    assert "re" not in _imports(hanging) and "label_alone" in hanging.read_text("utf-8")
