"""The words of ``--explain``: every renderer (text, HTML, JSON) words a layer's explained
arithmetic (``paramscope.explanation``) here, with one number style: thousands separators
everywhere (``1,200``) and the singular where a count is one (``1 unit + 1 bias``)."""

from __future__ import annotations

from ..explanation import Count, Dims, Line, Number, Subject
from ..numtext import grouped

#: Plurals that are not the singular plus "s".
_PLURALS = {"bias": "biases", "axis": "axes", "batch": "batches", "index": "indices"}


def number(value) -> str:
    """``1,200`` (for integers of any size); anything that is not an int (a float, None) as
    Python writes it."""
    return grouped(value) if value.__class__ is int else str(value)


def plural(role: str) -> str:
    if role in _PLURALS:
        return _PLURALS[role]
    head, sep, tail = role.partition(" (")  # "dimension (output_dim)": the noun comes first
    return (_PLURALS.get(head) or head + "s") + (sep + tail if sep else "")


def count(value, role: str) -> str:
    """``1 unit``, ``32 units``, ``2 biases``."""
    return f"{number(value)} {role if value == 1 else plural(role)}"


def dims(shape, sep="x", scalar="1") -> str:
    return sep.join(number(d) for d in shape) if shape else scalar


def part(value) -> str:
    cls = value.__class__
    if cls is str:
        return value
    if cls is Count:
        return count(value.value, value.role)
    if cls is Number:
        return number(value.value)
    if cls is Dims:
        return dims(value.shape, value.sep, value.scalar)
    if cls is Subject:
        return f"{value.name}: "
    return str(value)


def words(value) -> str:
    """One explained line as text (a plain string, from a custom layer, as it is)."""
    if isinstance(value, str):
        return value
    return "".join(part(p) for p in value)


def all_words(lines) -> list:
    return [words(l) for l in lines]


def sum_line(label: str, terms, total) -> str:
    """``total: 56 + 57 + 0 + 2,402 = 2,515`` (``total: 2,515`` for one term)."""
    if len(terms) > 1:
        return f"{label}: {' + '.join(number(t) for t in terms)} = {number(total)}"
    return f"{label}: {number(total)}"


__all__ = ["Line", "number", "plural", "count", "dims", "words", "all_words", "sum_line"]
