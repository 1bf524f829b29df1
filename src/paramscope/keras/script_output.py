"""Where a script's output goes while paramscope runs it.

``paramscope summary script.py --format json`` writes JSON on stdout, so what the script
prints must not reach stdout: not through ``sys.stdout``, and not at the OS level either
(``os.write(1, ...)``, ``print(file=sys.__stdout__)``, a subprocess), which would bypass
``contextlib.redirect_stdout``.  :class:`ScriptOutput` points ``sys.stdout`` at a stream
and file descriptor 1 at a file (stderr), and restores both after.
"""

from __future__ import annotations

import os
import sys


class ScriptOutput:
    """``sys.stdout`` goes to ``stream``, and file descriptor 1 to ``fd_target`` (a stream
    with a ``fileno()``; default ``stream`` itself, when it is a real file).  When there is
    no file to point descriptor 1 at (a ``StringIO`` in tests), only ``sys.stdout`` moves.
    ``sys.stdout`` and ``sys.stderr`` are restored after, whatever the script did to them."""

    def __init__(self, stream, fd_target=None):
        self.stream = stream
        self.fd_target = stream if fd_target is None else fd_target
        self.saved_fd = None
        self.saved = None

    def __enter__(self):
        self.saved = (sys.stdout, sys.stderr)
        target = _fileno(self.fd_target)
        if target is not None and target != 1:
            flush(sys.stdout, sys.__stdout__)
            try:
                self.saved_fd = os.dup(1)
                os.dup2(target, 1)
            except OSError:
                self.saved_fd = None
        sys.stdout = self.stream
        return self

    def __exit__(self, *exc):
        flush(sys.stdout, sys.__stdout__, self.stream, self.fd_target)
        sys.stdout, sys.stderr = self.saved
        if self.saved_fd is not None:
            os.dup2(self.saved_fd, 1)
            os.close(self.saved_fd)
        return False


def _fileno(stream):
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def flush(*streams):
    """Flush each stream that can be flushed (a script may have closed or replaced one)."""
    for stream in streams:
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
