"""Box-drawn tables and lines printed exactly as rich 15 prints them, without rich.

Keras 3 renders ``model.summary()`` with ``rich.table.Table(*columns, width=...,
show_lines=True)`` and ``rich.console.Console.print``.  Importing rich costs more
than paramscope's whole start-up budget, so this package re-implements the small
part of rich involved, byte for byte:

* ``render_table(columns, rows, width, console_width, color=False)`` is what
  ``Console(highlight=False, force_terminal=False, color_system=None,
  width=console_width).print(table)`` writes (``color=False``), or the same with
  ``force_terminal=True, color_system="256"`` (``color=True``).
* ``render_line(text, console_width, color=False)`` is what ``console.print``
  writes for one line of text (wrapped, and long words folded, at the console
  width).
* ``console_width(environ, terminal_size)`` is the width a rich ``Console()``
  detects.

Both renderers return every output line terminated by ``"\\n"`` (so the result
ends with ``"\\n"``), exactly the characters ``console.print`` writes; a console
narrower than one cell prints nothing and they return ``""``.

How the widths combine (as in rich): a table ``width`` replaces the console
width when the columns are laid out.  Each column asks for its width plus 2
(padding), capped at ``width - borders``; if they ask for more, every column
gives back an equal share (``ratio_reduce``), and a table narrower than
``width`` is widened in proportion to the columns (``ratio_distribute``).  The
rendered lines are then cropped, not wrapped, at the console width.  Plain
lines are word-wrapped at the console width, words longer than it are folded.

Text is a ``str`` (printed as is: no markup, no emoji codes) or a list of
``(text, style)`` spans; a style is None or a space-separated mix of ``bold``,
``dim``, ``italic``, ``underline``, ``blink``, ``reverse``, ``strike``,
``color(N)`` (N in 0..255) and ``none``.  Only the columns' ``justify`` values
``left``, ``center``, ``right`` and ``default`` are supported, and every column
has a fixed width (as in Keras).

The algorithms (cell widths, Text.wrap / divide / truncate, Lines.justify,
Table._calculate_column_widths, ratio_reduce / ratio_distribute, Segment
cropping and padding, Style rendering, Console size detection) are ported from
rich 15.0.0, https://github.com/Textualize/rich, Copyright (c) 2020 Will
McGugan, MIT License.  The cell width table is rich's "latest" (Unicode 17.0.0);
rich's ``UNICODE_VERSION`` environment variable is not honoured.

Inside, the modules follow rich's own: :mod:`.cells` (cell widths), :mod:`.segment`
(styles and lines of styled segments), :mod:`.text` (text, wrapping, justifying),
:mod:`.table` (column widths and box-drawn tables) and :mod:`.console` (a printed line,
the detected width).
"""

from .cells import cell_len
from .console import console_width, render_line
from .table import Column, render_table

__all__ = ["Column", "render_table", "render_line", "console_width", "cell_len"]
