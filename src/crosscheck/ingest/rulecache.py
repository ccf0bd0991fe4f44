"""Cache values compiled from rule files until the rule files change (``set_user_dirs`` reloads them)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from crosscheck.rules import load_yaml

T = TypeVar("T")


def rules_cached(*names: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Memoise a no-argument builder while ``load_yaml(name)`` returns the same objects."""

    def wrap(build: Callable[[], T]) -> Callable[[], T]:
        state: dict[str, Any] = {}

        @functools.wraps(build)
        def cached() -> T:
            data = tuple(load_yaml(name) for name in names)
            if "value" not in state or any(a is not b for a, b in zip(state["data"], data, strict=True)):
                state["value"], state["data"] = build(), data
            return state["value"]

        return cached

    return wrap
