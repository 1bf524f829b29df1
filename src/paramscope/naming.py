"""Keras 3 auto-naming: ``dense``, ``dense_1``, ... per process."""

from __future__ import annotations

import re
from collections import defaultdict

_uids: defaultdict[str, int] = defaultdict(int)


_snake_cache: dict = {}


def to_snake_case(name: str) -> str:
    cached = _snake_cache.get(name)
    if cached is None:
        cached = _snake_cache[name] = _to_snake_case(name)
    return cached


def _to_snake_case(name: str) -> str:
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def uniquify(name: str) -> str:
    unique = f"{name}_{_uids[name]}" if name in _uids else name
    _uids[name] += 1
    return unique


def auto_name(class_name: str) -> str:
    return uniquify(to_snake_case(class_name))


def get_uid(prefix: str = "") -> int:
    _uids[prefix] += 1
    return _uids[prefix]


def clear_session() -> None:
    """Restart the name counters, as ``keras.backend.clear_session()`` does."""
    _uids.clear()
