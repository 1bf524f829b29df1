"""The options of a rendering, one value: :class:`RenderOptions`.

The CLI builds one from its arguments and passes it to the renderers; ``paramscope run``
makes it the scoped default of ``model.summary()`` inside the script
(:func:`paramscope.modes.summary_options`).

>>> options = RenderOptions(style="keras2", line_length=80)
>>> options.with_fields({"show_trainable": True}).show_trainable, options.show_trainable
(True, False)
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Optional, Sequence


@dataclass(frozen=True)
class RenderOptions:
    """How to render a summary (``model.summary()``'s arguments and the CLI's options)."""

    #: ``keras3``, ``keras2`` or ``keras2-classic`` (the text table's layout).
    style: str = "keras3"
    #: Total width of the table (None: the style's default).
    line_length: Optional[int] = None
    #: Column positions, as ``model.summary(positions=...)`` (fractions or columns).
    positions: Optional[Sequence[float]] = None
    #: ANSI colour (the Keras 3 table, as rich prints it on a terminal).
    color: bool = False
    #: The Trainable column.
    show_trainable: bool = False
    #: The layers of nested models.
    expand_nested: bool = False
    #: Each layer's arithmetic after the table.
    explain: bool = False
    #: ``text`` (the style's table) or ``json``.
    format: str = "text"

    def with_fields(self, fields) -> "RenderOptions":
        """These options with ``fields`` ({name: value}) changed; an unknown name is a
        TypeError, as an unknown keyword argument is."""
        return dataclasses.replace(self, **fields) if fields else self

    @classmethod
    def of(cls, options=None, fields=None) -> "RenderOptions":
        """``options`` (default: the defaults) with ``fields`` changed: what a renderer's
        keyword form (``render(summary, line_length=80)``) means."""
        return (options or cls()).with_fields(fields)
