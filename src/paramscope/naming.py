"""Keras 3 auto-naming: ``dense``, ``dense_1``, ... per process."""

from __future__ import annotations

from . import modes

_uids: dict = {}


_snake_cache: dict = {}


def to_snake_case(name: str) -> str:
    cached = _snake_cache.get(name)
    if cached is None:
        cached = _snake_cache[name] = _to_snake_case(name)
    return cached


_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _to_snake_case(name: str) -> str:
    """Keras's three ``re.sub`` passes, as plain scans (``re`` costs start-up time):
    drop ``\\W``; ``(.)([A-Z][a-z]+)`` -> ``\\1_\\2``; ``([a-z])([A-Z])`` -> ``\\1_\\2``; lower.

    >>> [to_snake_case(n) for n in ("Conv2D", "MaxPooling2D", "PReLU", "LSTM", "GRUCell")]
    ['conv2d', 'max_pooling2d', 'p_re_lu', 'lstm', 'gru_cell']
    """
    name = "".join(c for c in name if c == "_" or c.isalnum())
    out, i, n = [], 0, len(name)
    while i < n:  # (.)([A-Z][a-z]+), leftmost and non-overlapping like re.sub
        if i + 2 < n and name[i + 1] in _UPPER and name[i + 2] in _LOWER:
            j = i + 3
            while j < n and name[j] in _LOWER:
                j += 1
            out.append(name[i] + "_" + name[i + 1:j])
            i = j
        else:
            out.append(name[i])
            i += 1
    name = "".join(out)
    out, i, n = [], 0, len(name)
    while i < n:  # ([a-z])([A-Z])
        if i + 1 < n and name[i] in _LOWER and name[i + 1] in _UPPER:
            out.append(name[i] + "_" + name[i + 1])
            i += 2
        else:
            out.append(name[i])
            i += 1
    return "".join(out).lower()


def uniquify(name: str) -> str:
    count = _uids.get(name, 0)
    unique = f"{name}_{count}" if name in _uids else name
    _uids[name] = count + 1
    return unique


#: tf.keras (Keras 2) auto-names where they differ from Keras 3's: ``input_1``, ``model``.
_KERAS2_NAMES = {"InputLayer": "input", "Functional": "model"}


def keras2_names(enabled: bool) -> bool:
    """Use tf.keras's auto-names (``input_1``, ``input_2``, ``model``); returns the previous
    setting."""
    return modes.set_keras2_names(enabled)


def keras2_active() -> bool:
    return modes.keras2_names_active()


def auto_name(class_name: str) -> str:
    if class_name in _KERAS2_NAMES and modes.keras2_names_active():
        base = _KERAS2_NAMES[class_name]
        if base == "input":  # tf-keras: 1-based (``unique_object_name(zero_based=False)``)
            return f"{base}_{get_uid(base)}"
        return uniquify(base)
    return uniquify(to_snake_case(class_name))


def get_uid(prefix: str = "") -> int:
    _uids[prefix] = _uids.get(prefix, 0) + 1
    return _uids[prefix]


def clear_session() -> None:
    """Restart the name counters, as ``keras.backend.clear_session()`` does."""
    _uids.clear()
