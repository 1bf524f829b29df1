"""The console (rich/console.py): ``Console.print`` of one line of text, and the width
``Console()`` detects."""

from .segment import adjust_line_length, emit, get_line_length
from .text import make_text, wrap


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
