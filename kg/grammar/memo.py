"""Memoised pure functions of names and phrases, in one registry.

Reports repeat their bodies' and programs' names, so the grammar memoises what it works out
about a name (its organ cores, its canonical form). The memos are bounded (lru), and
registered here so that a benchmark can forget them between documents: a corpus of
replicated texts would otherwise measure the memos, not the grammar.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable[..., object])

_MEMOS: list[functools._lru_cache_wrapper] = []


def memo(maxsize: int) -> Callable[[F], F]:
    """functools.lru_cache(maxsize), registered for :func:`clear_memos`."""
    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _MEMOS.append(cached)
        return cached  # type: ignore[return-value]
    return wrap


def clear_memos() -> None:
    """Forget every memoised name (tables and compiled patterns stay)."""
    for cached in _MEMOS:
        cached.cache_clear()


def memo_entries() -> int:
    """How many results the memos hold now."""
    return sum(cached.cache_info().currsize for cached in _MEMOS)
