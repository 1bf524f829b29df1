"""The arithmetic a layer explains, as data: its numbers with their roles, and the plain text
that joins them. ``report.explain_words`` words it, the same way for every renderer.

A line is a :class:`Line`, a tuple of parts: a :class:`Subject` (``dense:``), a
:class:`Count` (a number and the role it plays: ``Count(1200, "input")``), a
:class:`Number` (a bare number: a total, a factor), a :class:`Dims` (a shape multiplied out:
``3x3``) or plain text between them.  A layer builds its lines with :func:`line`::

    line(Subject("dense"), Count(1200, "input"), " x ", Count(2, "unit"), " + ",
         Count(2, "bias"), " = ", Number(2402))
"""

from __future__ import annotations

from collections import namedtuple


class Subject(namedtuple("Subject", "name")):
    """The layer (or weight) a line is about: worded ``name: ``."""
    __slots__ = ()


class Count(namedtuple("Count", "value role")):
    """A number of things: ``value`` and its ``role`` (the singular noun, ``"unit"``)."""
    __slots__ = ()


class Number(namedtuple("Number", "value")):
    """A bare number (a total, a factor, a size)."""
    __slots__ = ()


class Dims(namedtuple("Dims", "shape sep scalar", defaults=("x", "1"))):
    """A shape multiplied out, its sizes joined by ``sep`` (``3x3``, ``4 x 8``); ``scalar``
    stands for the empty shape."""
    __slots__ = ()


class Line(tuple):
    """One explained line: a tuple of parts (see the module's docstring)."""

    @property
    def subject(self):
        return self[0].name if self and isinstance(self[0], Subject) else None

    def without_subject(self) -> "Line":
        """The line without its leading ``name: `` (a wrapper tells its inner layer's line
        under its own name)."""
        return Line(self[1:]) if self.subject is not None else self

    def numbers(self) -> list:
        """The numbers of the line with their roles: ``[(1200, "input"), ...]`` (for tests and
        the renderers that show figures rather than prose)."""
        out = []
        for part in self:
            if isinstance(part, Count):
                out.append((part.value, part.role))
            elif isinstance(part, Number):
                out.append((part.value, None))
        return out


def line(*parts) -> Line:
    """One line from its parts; nested lines and tuples of parts are spliced in."""
    flat = []
    for part in parts:
        if isinstance(part, Line) or (type(part) is tuple):
            flat.extend(part)
        elif part is not None and part != "":
            flat.append(part)
    return Line(flat)


def text(value) -> Line:
    """A line of plain text only (or a line already built)."""
    return value if isinstance(value, Line) else Line((value,))


def weight_sizes(layer, weights=None) -> Line:
    """``kernel 3x3x3x2 + bias 2 = 56``: each weight's shape multiplied out (the default
    explanation of a layer that has no tutorial form of its own)."""
    weights = layer.weights if weights is None else weights
    if not weights:
        return line(Subject(layer.name), "no weights = ", Number(0))
    parts = [Subject(layer.name)]
    for i, w in enumerate(weights):
        parts += [" + " if i else "", f"{w.name} ", Dims(w.shape, "x", "1 (scalar)")]
    return line(*parts, " = ", Number(sum(w.size for w in weights)))


def formula(template: str, *values) -> Line:
    """A line from a template whose ``{}`` take ``values`` in order: an int becomes a
    :class:`Number`, a str stays text, a part (Count, Dims, Subject, Line) stays itself.

    >>> formula("({} - {}) / {} + 1 = {}", 20, 3, 1, 18)[:2]
    ('(', Number(value=20))
    """
    pieces = template.split("{}")
    if len(pieces) != len(values) + 1:
        raise ValueError(f"formula {template!r} takes {len(pieces) - 1} values, got {len(values)}")
    parts = [pieces[0]]
    for value, piece in zip(values, pieces[1:]):
        if value.__class__ is int:
            value = Number(value)
        elif value is None or value.__class__ is float:
            value = str(value)
        parts += [value, piece]
    return line(*parts)
