"""The one memo utility: a bounded, thread-safe cache keyed by text (or other hashable values).

Every new cache of a pure function of its arguments goes through `memo`, which states two things
at the definition site instead of leaving them to each module's own dict:

- **bound**: at most `maxsize` entries; the least recently used one is dropped (a batch meets new
  text with every draft, so an unbounded cache would grow with the batch);
- **copy policy**: what a caller receives.
  - `"shared"`: the cached object itself. Only for values nobody mutates: str, int, tuples of
    those, frozen models, frozensets, bytes.
  - `"copy"`: `copy.copy` of the cached value on every hit and miss (a list or dict of immutable
    items).
  - `"deep"`: `copy.deepcopy` (mutable objects inside mutable containers).

Without a `key` function the values sit in a `functools.lru_cache` (compiled code: the hottest
memos are asked millions of times in a large check); with one, in a `Memo`. This module is the only
place in engine/ that may name `functools.lru_cache` or `functools.cache` (tests/test_architecture.py).

Memos that depend on a plan, an alignment, a run's options or data do not belong here: they live on
the run's context (`CheckContext.remember`) and die with it. A `memo` depends only on its arguments
(or on what `key` names).
"""

from __future__ import annotations

import copy as _copy
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Literal, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

CopyPolicy = Literal["shared", "copy", "deep"]

_COPIERS: dict[str, Callable[[Any], Any]] = {
    "shared": lambda v: v,
    "copy": _copy.copy,
    "deep": _copy.deepcopy,
}

_ALL: list[Memo] = []


class Memo:
    """A bounded LRU map with a copy policy; `memo` wraps a function with one."""

    def __init__(self, maxsize: int, copy: CopyPolicy, name: str) -> None:
        if maxsize < 1:
            raise ValueError("memo: maxsize must be at least 1")
        if copy not in _COPIERS:
            raise ValueError(f"memo: copy policy must be one of {sorted(_COPIERS)}")
        self.maxsize = maxsize
        self.policy = copy
        self.name = name
        self._copy = _COPIERS[copy]
        self._shared = copy == "shared"
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        return self.call(key, compute, (), {})

    def call(self, key: Hashable, fn: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
        """The value under `key`, else `fn(*args, **kwargs)` kept under it (no closure per call:
        the hottest memos are asked millions of times in a large check)."""
        with self._lock:
            try:
                value = self._data[key]
            except KeyError:
                pass
            else:
                self._data.move_to_end(key)
                self.hits += 1
                return value if self._shared else self._copy(value)
        # computed outside the lock: a slow computation never blocks other keys; two threads may
        # compute the same key once each, which is harmless for a pure function
        value = fn(*args, **kwargs)
        with self._lock:
            self.misses += 1
            self._data[key] = value
            self._data.move_to_end(key)
            if len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value if self._shared else self._copy(value)

    def peek(self, key: Hashable) -> Any:
        """The cached value (copied by the policy) or None, without computing or counting a miss."""
        with self._lock:
            if key not in self._data:
                return None
            self._data.move_to_end(key)
            return self._copy(self._data[key])

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


class _LruMemo:
    """`Memo`'s face (bound, policy, counts, clear) on a `functools.lru_cache`: where no `key`
    function is named, `memo` keeps its values there, in compiled code, with the same bound, order
    and thread safety (the hottest memos are asked millions of times in a large check, where a
    Python-level lookup would cost seconds)."""

    def __init__(self, lru: Any, maxsize: int, copy: CopyPolicy, name: str) -> None:
        if maxsize < 1:
            raise ValueError("memo: maxsize must be at least 1")
        self.maxsize = maxsize
        self.policy = copy
        self.name = name
        self._lru = lru

    @property
    def hits(self) -> int:
        return self._lru.cache_info().hits

    @property
    def misses(self) -> int:
        return self._lru.cache_info().misses

    def clear(self) -> None:
        self._lru.cache_clear()

    def __len__(self) -> int:
        return self._lru.cache_info().currsize


def memo(
    maxsize: int, *, copy: CopyPolicy, key: Callable[..., Hashable] | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a pure function of hashable positional arguments, at most `maxsize` results.

    `key` (called with the same arguments) names what the result depends on, when an argument is
    only the means to compute it (a Plan whose texts are already in the key).
    """

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        name = f"{fn.__module__}.{fn.__qualname__}"
        if copy not in _COPIERS:
            raise ValueError(f"memo: copy policy must be one of {sorted(_COPIERS)}")
        if key is None:
            lru = functools.lru_cache(maxsize=maxsize)(fn)
            view = _LruMemo(lru, maxsize, copy, name)
            _ALL.append(view)
            if copy == "shared":
                lru.memo = view  # type: ignore[attr-defined]
                return lru  # type: ignore[no-any-return]
            copier = _COPIERS[copy]

            @functools.wraps(fn)
            def copied(*args: P.args, **kwargs: P.kwargs) -> R:
                return copier(lru(*args, **kwargs))  # type: ignore[no-any-return]

            copied.memo = view  # type: ignore[attr-defined]
            return copied

        store = Memo(maxsize, copy, name)
        _ALL.append(store)

        @functools.wraps(fn)
        def cached(*args: P.args, **kwargs: P.kwargs) -> R:
            return store.call(key(*args, **kwargs), fn, args, kwargs)

        cached.memo = store  # type: ignore[attr-defined]
        return cached

    return wrap


def all_memos() -> list[Memo | _LruMemo]:
    """Every memo made by `memo` in this process (for tests and benchmarks)."""
    return list(_ALL)


def clear_all() -> None:
    for store in _ALL:
        store.clear()
