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
(styles and lines of styled segments), :mod:`.text` (text, wrapping, justifying) and
:mod:`.table` (column widths and box-drawn tables); the console's part (rich/console.py:
``Console.print`` of a line, the width ``Console()`` detects) is here.
"""

from .cells import cell_len
from .segment import adjust_line_length, emit, get_line_length
from .table import Column, render_table
from .text import make_text, wrap

__all__ = ["Column", "render_table", "render_line", "console_width", "cell_len"]


def render_line(text, console_width: int = 80, color: bool = False) -> str:
    """``console.print(text)``: wrapped at the console width, words longer than it folded."""
    if console_width < 1:
        return ""
    lines = []
    for line in wrap(make_text(text), console_width, "default", "fold"):
        segments = line.segments()
        if get_line_length(segments) > console_width:
            segments = adjust_line_length(segments, console_width, pad=False)
        lines.append(segments)
    return emit(lines, color)


def console_width(environ=None, terminal_size=None, *, is_terminal: bool = False,
                  windows=None, legacy_windows: bool = False, jupyter: bool = False,
                  fds=None) -> int:
    """The width a ``rich.console.Console()`` without ``width=`` uses.

    ``environ`` defaults to ``os.environ``; ``terminal_size(fd)`` (default
    ``os.get_terminal_size``) is tried on stdin, stdout, stderr (stdout, stderr on
    Windows) until one answers.  ``COLUMNS`` (if all digits) wins, except that a
    terminal (``is_terminal``) whose ``TERM`` is dumb/unknown is 80 wide unless
    ``LINES`` is set too; 0 or no answer means 80.  Legacy Windows consoles lose a
    column; Jupyter uses ``JUPYTER_COLUMNS`` or 115.
    """
    import os
    import sys

    if environ is None:
        environ = os.environ
    if terminal_size is None:
        terminal_size = os.get_terminal_size
    if windows is None:
        windows = sys.platform == "win32"
    if fds is None:
        fds = []
        for stream, default in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
            try:
                fds.append(stream.fileno())
            except Exception:
                fds.append(default)
        if windows:
            fds = fds[1:]
    legacy = 1 if legacy_windows and not jupyter else 0
    width = height = None
    if jupyter:
        columns, lines = environ.get("JUPYTER_COLUMNS"), environ.get("JUPYTER_LINES")
        width = int(columns) if columns is not None and columns.isdigit() else 115
        height = int(lines) if lines is not None and lines.isdigit() else 100
    columns = environ.get("COLUMNS")
    if width is None and columns is not None and columns.isdigit():
        width = int(columns) - legacy
    lines = environ.get("LINES")
    if height is None and lines is not None and lines.isdigit():
        height = int(lines)
    if width is not None and height is not None:
        return width - legacy
    if is_terminal and environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return 80
    detected = None
    for fd in fds:
        try:
            detected, _ = terminal_size(fd)
        except (AttributeError, ValueError, OSError):
            pass
        else:
            break
    if columns is not None and columns.isdigit():
        detected = int(columns)
    detected = detected or 80
    return detected - legacy if width is None else width
