"""Walking loaded YAML data by paths of keys and indexes, for the tests that edit specs
blindly (the fuzzing tests)."""

from __future__ import annotations

from typing import Any


def paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into `value` (its own, empty, first), depth first."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*path, index))
    return found


def at(value: Any, path: tuple[Any, ...]) -> Any:
    """What `path` leads to in `value`."""
    for part in path:
        value = value[part]
    return value
