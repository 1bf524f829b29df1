"""The options of a rendering, one value: :class:`RenderOptions`.

The CLI builds one from its arguments and passes it to the renderers; ``paramscope run``
makes it the scoped default of ``model.summary()`` inside the script
(:func:`paramscope.modes.summary_options`).

>>> options = RenderOptions(style="keras2", line_length=80)
>>> options.with_fields({"show_trainable": True}).show_trainable, options.show_trainable
(True, False)
"""

from __future__ import annotations

#: The fields, their defaults and what they mean (``model.summary()``'s arguments and the
#: CLI's options).
FIELDS = {
    "style": "keras3",          # keras3, keras2 or keras2-classic (the text table's layout)
    "line_length": None,        # total width of the table (None: the style's default)
    "positions": None,          # column positions, as model.summary(positions=...)
    "color": False,             # ANSI colour (the Keras 3 table, as rich prints it)
    "show_trainable": False,    # the Trainable column
    "expand_nested": False,     # the layers of nested models
    "explain": False,           # each layer's arithmetic after the table
    "format": "text",           # text (the style's table), json, markdown or csv
}


class RenderOptions:
    """How to render a summary: an immutable value with the fields of :data:`FIELDS`.

    (A plain class rather than a dataclass: ``dataclasses`` imports ``inspect``, which would
    cost every ``paramscope`` command about 10 ms of start-up.)"""

    __slots__ = tuple(FIELDS)

    def __init__(self, **fields):
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise TypeError(f"RenderOptions got unexpected field(s): {', '.join(sorted(unknown))}")
        for name, default in FIELDS.items():
            object.__setattr__(self, name, fields.get(name, default))

    def __setattr__(self, name, value):
        raise AttributeError(f"RenderOptions is immutable: use with_fields({{{name!r}: ...}})")

    def _values(self):
        return tuple(getattr(self, name) for name in FIELDS)

    def __eq__(self, other):
        return isinstance(other, RenderOptions) and self._values() == other._values()

    def __hash__(self):
        return hash(tuple(tuple(v) if isinstance(v, list) else v for v in self._values()))

    def __repr__(self):
        return "RenderOptions(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in FIELDS) + ")"

    def with_fields(self, fields) -> "RenderOptions":
        """These options with ``fields`` ({name: value}) changed; an unknown name is a
        TypeError, as an unknown keyword argument is."""
        if not fields:
            return self
        return RenderOptions(**{**{n: getattr(self, n) for n in FIELDS}, **fields})

    @classmethod
    def of(cls, options=None, fields=None) -> "RenderOptions":
        """``options`` (default: the defaults) with ``fields`` changed: what a renderer's
        keyword form (``render(summary, line_length=80)``) means."""
        return (options or cls()).with_fields(fields)
