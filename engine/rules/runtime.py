"""The one module that touches durable-rules: JSON ruleset + plain-JSON facts in, matches out.

Everything durable-specific lives here, so replacing the library changes one file. The facade
avoids every pitfall listed in ../shared/NOTES-dependencies.md (beside the repository):

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
import threading
from collections.abc import Callable
from typing import Any

import durable_rules_engine as _dre
from durable import engine as _de

from engine.errors import PlancheckError

Match = dict[str, Any]

_COLLECT = "plancheck.collect"
_SEEN = "plancheck.seen"
_CATCH_ALL = "plancheck_seen"


def _seen(c: Any) -> None:  # the catch-all rule's action: nothing to do
    return None

FACT_KEY = "_f"
_RESERVED = ("id", "sid")


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


_host: _Host | None = None
_lock = threading.Lock()
_names = itertools.count()
MAX_RULESETS = 256
_registered: dict[str, str] = {}  # sha256 of the canonical definition -> registered name


def host() -> _Host:
    global _host
    if _host is None:
        _host = _Host()
    return _host


def run(ruleset_json: dict[str, dict[str, Any]], facts: list[dict[str, Any]]) -> list[Match]:
    """Assert `facts` into a fresh ruleset made from `ruleset_json`; return one match per firing.

    `ruleset_json` maps rule names to durable rule definitions without `run` keys, e.g.
    `{"r_0": {"all": [{"m": {"$and": [...]}}]}}`; the positive pattern must be called `m`.
    Returns `[{"rule": "r_0", "fact": {...}}, ...]` in firing order; `fact` carries the runtime key
    `_f` (the index of the fact in `facts`).
    """
    if not ruleset_json or not facts:
        return []
    payload = []
    for i, fact in enumerate(facts):
        bad = [k for k in _RESERVED if k in fact]
        if bad:
            raise PlancheckError("internal", reason=f"rules runtime: fact carries reserved key(s) {bad}")
        payload.append({**fact, FACT_KEY: i})
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


def _register(h: _Host, ruleset_json: dict[str, dict[str, Any]]) -> str:
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
        _forget(h, _registered.pop(oldest), delete_state=True)
    return name


def _only_our_facts(rule: dict[str, Any]) -> None:
    """AND every pattern with `_f exists`, so no pattern can match durable's own state fact.

    Measured: a pattern such as `{"$nex": {"d": 1}}` matches the state fact; the action updates
    the state, which re-asserts it, which fires the action again: an endless loop.
    """
    for op in ("all", "any"):
        for pattern in rule.get(op, ()):
            for alias, expr in list(pattern.items()):
                pattern[alias] = {"$and": [{"$ex": {FACT_KEY: 1}}, expr]}


def _forget(h: _Host, name: str, *, delete_state: bool) -> None:
    for key, value in list(_registered.items()):
        if value == name:
            del _registered[key]
    h.unregister(name, delete_state=delete_state)


def _collector(rule_name: str) -> Callable[[Any], None]:
    def collect(c: Any) -> None:  # durable calls actions with exactly one argument
        h = host()
        fact = _plain(c.m)
        # durable keeps its state ({'sid': …, '$s': 1}) as a fact too: a negative test such as
        # $nex can match it. Only our own facts count.
        if h.collected is not None and FACT_KEY in fact:
            h.collected.append({"rule": rule_name, "fact": fact})

    return collect


def stored_rulesets() -> int:
    """How many rulesets the host holds (tests: it must not grow across runs)."""
    return len(host()._ruleset_directory)
