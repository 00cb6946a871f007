"""The rules runtime: a JSON ruleset + plain-JSON facts in, matches out, on one of two engines.

- **durable-rules** (a C Rete engine) where it imports (Python 3.10-3.12): this is the only module
  that imports it, so replacing the library changes one file;
- **the Python evaluator** (`engine.rules.evaluator`, the same semantics measured against durable)
  where it does not (Python 3.13+, where durable-rules 2.0.28 does not build).

The choice is automatic; `PLANCHECK_RULES_ENGINE=durable|python` or `using(name)` (tests) force one,
and `plancheck --version` names the engine in use. Rules over several facts (joins) run on durable
too, rewritten around two bugs in its join test (`_only_our_facts`). Both engines get the same facts (control
characters in strings as spaces) and return matches in the same order (rule order, then the facts'
indices), so a report does not depend on the engine.

The durable facade avoids every pitfall listed in ../shared/NOTES-dependencies.md (beside the
repository):

- one `Host` per process, with its timer threads switched off (`_run` is a no-op): we use no
  timers, and every action runs synchronously inside `assert_facts`, so the background dispatcher
  could only race with us;
- each distinct ruleset is registered once, under a fresh name (a name can be registered only once
  per host), from a deep copy (`set_rulesets` deletes the `run` keys of what it is given), and
  reused by later runs with the same definition. Measured here: creating and deleting a ruleset per
  run leaks ~0.6-1.5 MB per run inside the C engine even with `delete_state` and
  `delete_ruleset` (not everything a ruleset allocates is freed), while reusing a registered
  ruleset and deleting its state after each run keeps RSS flat. At most `MAX_RULESETS` stay
  registered (least recently used are deleted);
- facts are asserted (`assert_facts`), never posted (post fires only the first matching rule);
- facts may not carry `id` or `sid` (identity and state keys; joins on them never match): the
  runtime refuses them and adds its own unique key `_f`, so no two facts are ever "the same fact"
  (`MessageObservedException`);
- a catch-all rule (`$ex _f`, a no-op action) matches every fact, so `MessageNotHandledException`
  never happens. That matters twice over (measured here): a batch with one unhandled fact raises
  before ANY action runs, so other rules' matches are lost; and `delete_state` after such an
  exception crashes the process (segfault in the C engine);
- after every run: `get_state()['exception']` is checked (exceptions in actions are swallowed
  there), then `delete_state` frees the run's facts, so memory stays flat.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from engine.errors import PlancheckError
from engine.memo import memo
from engine.rules import evaluator

try:  # durable-rules 2.0.28 does not build or import on Python 3.13+: the evaluator runs instead
    import durable_rules_engine as _dre
    from durable import engine as _de

    # durable logs an exception raised inside an action (a Ctrl-C landing there, say) with its traceback
    # on stderr, then raises it to the caller (Host._handle_function), where plancheck answers it: the
    # log would only put a traceback before the one-line message
    logging.getLogger("durable").disabled = True
    DURABLE_ERROR: str | None = None
except Exception as e:  # any failure to import means "not available here"
    _dre = _de = None  # type: ignore[assignment]
    DURABLE_ERROR = f"{type(e).__name__}: {e}"

Match = dict[str, Any]
ENGINES = ("durable", "python")
ENV = "PLANCHECK_RULES_ENGINE"

_COLLECT = "plancheck.collect"
_SEEN = "plancheck.seen"
_CATCH_ALL = "plancheck_seen"
_CONTROL = re.compile(r"[\x00-\x1f]")

FACT_KEY = "_f"
_RESERVED = ("id", "sid")
_choice: ContextVar[str | None] = ContextVar("plancheck_rules_engine", default=None)


def _seen(c: Any) -> None:  # the catch-all rule's action: nothing to do
    return None


def engine_name() -> str:
    """The engine this context runs: `using(...)`, else $PLANCHECK_RULES_ENGINE, else durable if it imports."""
    name = _choice.get() or os.environ.get(ENV) or ("durable" if DURABLE_ERROR is None else "python")
    if name not in ENGINES:
        raise PlancheckError("rules.engine_unknown", name=name, known=", ".join(ENGINES))
    if name == "durable" and DURABLE_ERROR is not None:
        raise PlancheckError("rules.engine_unavailable", name=name, reason=DURABLE_ERROR)
    return name


def describe_engine() -> str:
    """For `plancheck --version`: which engine runs rules here, and why."""
    try:
        name = engine_name()
    except PlancheckError as e:
        return str(e)
    if name == "durable":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"durable-rules {version('durable-rules')}"
        except PackageNotFoundError:  # pragma: no cover - imported without package metadata
            return "durable-rules"
    why = "chosen" if DURABLE_ERROR is None else "durable-rules does not import here"
    return f"python evaluator ({why})"


@contextmanager
def using(name: str) -> Iterator[None]:
    """Run the rules of this context (thread, task) on `name` (tests compare the two engines)."""
    token = _choice.set(name)
    try:
        engine_name()  # refuse an unknown or unavailable engine now, not at the first run
        yield
    finally:
        _choice.reset(token)


def available_engines() -> tuple[str, ...]:
    return ENGINES if DURABLE_ERROR is None else ("python",)


def run(ruleset_json: dict[str, dict[str, Any]], facts: list[dict[str, Any]]) -> list[Match]:
    """Assert `facts` into a fresh ruleset made from `ruleset_json`; return one match per firing.

    `ruleset_json` maps rule names to durable rule definitions without `run` keys, e.g.
    `{"r_0": {"all": [{"m": {"$and": [...]}}]}}`; a join names several aliases,
    `{"all": [{"o": ...}, {"m": {"$and": [..., {"pid": {"o": "pid"}}]}}]}`.
    Returns `[{"rule": "r_0", "facts": {"o": {...}, "m": {...}}, "fact": <the "m" fact or None>}, ...]`
    in rule order, then by the facts' indices; each fact carries the runtime key `_f` (its index in
    `facts`) and its strings with control characters as spaces.
    """
    if not ruleset_json or not facts:
        return []
    payload = []
    for i, fact in enumerate(facts):
        bad = [k for k in _RESERVED if k in fact]
        if bad:
            raise PlancheckError("internal", reason=f"rules runtime: fact carries reserved key(s) {bad}")
        payload.append({**{k: _clean(v) for k, v in fact.items()}, FACT_KEY: i})
    if engine_name() == "python":
        try:
            found = evaluator.run(ruleset_json, payload)
        except evaluator.PatternError as e:
            raise PlancheckError("internal", reason=f"rules runtime: {e}") from None
    else:
        found = _run_durable(ruleset_json, payload)
    order = {name: i for i, name in enumerate(ruleset_json)}
    aliases = {name: [next(iter(p)) for p in rule.get("all", ())] for name, rule in ruleset_json.items()}
    found.sort(key=lambda m: (order[m["rule"]], [m["facts"][a][FACT_KEY] for a in aliases[m["rule"]]]))
    for m in found:
        m["fact"] = m["facts"].get("m")
    return found


def engine_view(v: Any) -> Any:
    """A fact value as the rule engines see it (control characters as spaces): what a condition,
    a join or a regex verdict computed beside the engine must read too."""
    return _clean(v)


def _clean(v: Any) -> Any:
    """durable's `.` does not match a control character outside a loop and its `%s` is a space only:
    control characters become spaces, for both engines alike."""
    if isinstance(v, str):
        return _CONTROL.sub(" ", v) if _CONTROL.search(v) else v
    if isinstance(v, list):
        return [_clean(x) for x in v]
    return v


def regex_error(pattern: str, engine: str | None = None) -> str | None:
    """None when the engine's regex compiler accepts `pattern` (durable's dialect), else the reason.

    The Python evaluator cannot know durable's state and transition limits: a regex it accepts may be
    refused by durable ("too many states"); every other refusal is the same on both.
    """
    return _regex_error(pattern, engine or engine_name())


# str or None; the patterns of the loaded rulesets, bounded for a server
@memo(1024, copy="shared")
def _regex_error(pattern: str, engine: str) -> str | None:
    if engine == "python":
        try:
            evaluator.python_regex(pattern)
        except evaluator.PatternError as e:
            return str(e)
        return None
    definition = {"r_0": {"all": [{"m": {"$mt": {"v": pattern}}}]}}
    try:
        with _lock:  # compiling is enough: no facts, so no state to delete
            _forget(host(), _register(host(), definition), delete_state=False)
    except PlancheckError as e:
        reason = str(e.fields.get("reason", e))
        code = reason.rsplit("error code:", 1)[-1].strip() if "error code:" in reason else ""
        return {
            "501": "syntax durable-rules cannot parse",
            "502": "too many transitions for durable-rules",
            "503": "too many states for durable-rules (shorten repeats such as {4} after a class)",
            "508": "syntax durable-rules cannot parse",
        }.get(code, reason)
    return None


# ---------------------------------------------------------------------------- durable-rules

if _de is not None:

    class _Host(_de.Host):
        """A host whose named actions resolve to our callables and which runs no timer threads."""

        def __init__(self) -> None:
            self.collected: list[Match] | None = None
            self.actions: dict[str, Callable[[Any], None]] = {_SEEN: _seen}
            super().__init__()

        def _run(self) -> None:  # no dispatcher/timer threads: see the module docstring
            return None

        def get_action(self, action_name: str) -> Callable[[Any], None]:
            try:
                return self.actions[action_name]
            except KeyError:
                raise PlancheckError("internal", reason=f"rules runtime: no action named {action_name!r}") from None

        def unregister(self, name: str, *, delete_state: bool = True) -> None:
            """Free a run's state and ruleset (durable has no public API for the latter)."""
            ruleset = self._ruleset_directory.pop(name, None)
            if ruleset is None:
                return
            try:
                if delete_state:
                    ruleset.delete_state(None)
            finally:
                if ruleset in self._ruleset_list:
                    self._ruleset_list.remove(ruleset)
                _dre.delete_ruleset(ruleset._handle)


def _plain(content: Any) -> dict[str, Any]:
    data = getattr(content, "_d", content)
    return json.loads(json.dumps(data, ensure_ascii=False))


_host: Any = None
_lock = threading.Lock()
_names = itertools.count()
MAX_RULESETS = 256
_registered: dict[str, str] = {}  # sha256 of the canonical definition -> registered name


def host() -> Any:
    """The process's one durable host (only when durable imports)."""
    global _host
    if _de is None:
        raise PlancheckError("rules.engine_unavailable", name="durable", reason=DURABLE_ERROR)
    if _host is None:
        _host = _Host()
    return _host


def _run_durable(ruleset_json: dict[str, dict[str, Any]], payload: list[dict[str, Any]]) -> list[Match]:
    with _lock:
        h = host()
        name = _register(h, ruleset_json)
        collected: list[Match] = []
        h.collected = collected
        unhandled = False
        try:
            try:
                h.assert_facts(name, payload)
            except (_de.MessageNotHandledException, _de.MessageObservedException) as e:
                # cannot happen with the catch-all rule and unique `_f`; if it does, results are
                # incomplete, and delete_state would crash the process: drop the ruleset instead
                unhandled = True
                raise PlancheckError("internal", reason=f"rules runtime: {type(e).__name__}") from None
            state = h.get_state(name)
            if state.get("exception"):
                raise PlancheckError("internal", reason=f"rules runtime: an action failed: {state['exception']}")
        finally:
            h.collected = None
            if unhandled:
                _forget(h, name, delete_state=False)
            else:
                h.delete_state(name, None)
    return collected


def _register(h: Any, ruleset_json: dict[str, dict[str, Any]]) -> str:
    """The registered name for this definition, registering it on first use."""
    key = hashlib.sha256(json.dumps(ruleset_json, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    name = _registered.pop(key, None)
    if name is not None:
        _registered[key] = name  # most recently used last
        return name
    if _CATCH_ALL in ruleset_json:
        raise PlancheckError("internal", reason=f"rules runtime: rule name {_CATCH_ALL} is reserved")
    definition = copy.deepcopy(ruleset_json)
    for rule_name, rule in definition.items():
        _only_our_facts(rule)
        rule["run"] = f"{_COLLECT}:{rule_name}"
        h.actions.setdefault(rule["run"], _collector(rule_name))
    definition[_CATCH_ALL] = {"all": [{"m": {"$ex": {FACT_KEY: 1}}}], "run": _SEEN}
    name = f"plancheck_{next(_names)}"
    try:
        h.set_rulesets({name: definition})
    except _dre.error as e:
        raise PlancheckError("internal", reason=f"rules runtime: durable refused a ruleset: {e}") from e
    _registered[key] = name
    while len(_registered) > MAX_RULESETS:
        oldest = next(iter(_registered))
        _forget(h, _registered.pop(oldest), delete_state=False)  # its state went after its run
    return name


def _only_our_facts(rule: dict[str, Any]) -> None:
    """Rewrite every pattern for durable: `_f exists` first, then the references, then the rest.

    `_f exists` ANDed to every pattern means no pattern can match durable's own state fact.
    Measured: a pattern such as `{"$nex": {"d": 1}}` matches the state fact; the action updates
    the state, which re-asserts it, which fires the action again: an endless loop.

    References come before every nested group because of a bug in durable's join test
    (`reduceExpressionSequence` in events.c): the tests that refer to another fact form one
    sequence in which each `$and`/`$or` leaves an (often empty) group; after a nested group the
    enclosing `$and` stops at that group's end, so every reference written after an `$or` was
    silently ignored (measured: `{"$and": [{"$or": [...]}, {"$gt": {"due": {"p": "due"}}}]}` fired
    for an earlier due date). With nested `$and`s flattened and the references first, the sequence
    has no group before a reference, and durable tests every one of them.

    A group always follows the references (`_AFTER_REFS`, true of every fact of ours) because of a
    second bug there: when a test fails, durable skips to the group's end starting one expression
    too far, so a failing LAST reference skipped past the end into whatever memory followed, until
    a byte happened to read as "end": that was the segfault in assert_facts seen once some rulesets
    had been registered (the heap no longer fresh). With the group after them, the skip lands on
    that group's end, inside the sequence.
    """
    for op in ("all", "any"):
        for pattern in rule.get(op, ()):
            for alias, expr in list(pattern.items()):
                pattern[alias] = {"$and": _refs_first([{"$ex": {FACT_KEY: 1}}, expr])}


def _refs_first(parts: list[Any]) -> list[Any]:
    """`parts` (ANDed) with nested `$and`s flattened, in the order durable needs: references, the
    always-true group (when there is a reference), other tests, then the `$or` groups."""
    flat = list(_flat_and(parts))
    refs = [p for p in flat if evaluator.refers(p)]
    groups = [p for p in flat if "$or" in p and p not in refs]
    rest = [p for p in flat if p not in refs and p not in groups]
    return refs + ([_AFTER_REFS] if refs else []) + rest + groups


def _flat_and(parts: list[Any]) -> Iterator[Any]:
    for part in parts:
        if set(part) == {"$and"}:
            yield from _flat_and(part["$and"])
        elif set(part) == {"$or"} and evaluator.refers(part):
            # durable drops the other branches of such an $or (the evaluator refuses it too)
            raise PlancheckError("internal", reason="rules runtime: a reference to another fact inside $or")
        else:
            yield part


_AFTER_REFS = {"$or": [{"$ex": {FACT_KEY: 1}}]}  # a group with no reference, true of every fact of ours


def _forget(h: Any, name: str, *, delete_state: bool) -> None:
    for key, value in list(_registered.items()):
        if value == name:
            del _registered[key]
    h.unregister(name, delete_state=delete_state)


def _collector(rule_name: str) -> Callable[[Any], None]:
    def collect(c: Any) -> None:  # durable calls actions with exactly one argument
        h = host()
        facts = {alias: _plain(f) for alias, f in (c._m or {}).items()}
        # durable keeps its state ({'sid': …, '$s': 1}) as a fact too: a negative test such as
        # $nex can match it. Only our own facts count.
        if h.collected is not None and facts and all(FACT_KEY in f for f in facts.values()):
            h.collected.append({"rule": rule_name, "facts": facts})

    return collect


def stored_rulesets() -> int:
    """How many rulesets the host holds (tests: it must not grow across runs)."""
    return len(host()._ruleset_directory)
