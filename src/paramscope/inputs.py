"""Where a MODEL or SCRIPT argument comes from: a regular file, or standard input.

A FIFO, a terminal or a device given as a path would block a reader forever
(or feed it without end), and could be opened several times by the readers
(zip, HDF5): such paths are refused before anything opens them.  Standard
input (``-``, or a path such as ``/dev/stdin`` that is the process's standard
input) is read once, with a size bound, and its format detected from its
content.
"""

from __future__ import annotations

import os
import stat
import sys

from .errors import ParamscopeError

#: Largest model read from standard input (bytes); a larger one is passed as a path.
MAX_STDIN_BYTES = 1024 * 1024 * 1024

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def is_stdin(path: str) -> bool:
    """``-``, or a path naming the very file that is this process's standard input."""
    if path == "-":
        return True
    if not path.startswith(("/dev/", "/proc/")):
        return False
    try:
        st, st0 = os.stat(path), os.fstat(0)
    except (OSError, ValueError):
        return False
    return (st.st_dev, st.st_ino) == (st0.st_dev, st0.st_ino)


def check_regular_file(path: str, what: str = "a model file or a .py script") -> None:
    """Refuse what is not a regular file (checked with ``stat``, before any ``open``)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ParamscopeError(f"{path}: no such file") from None
    except (OSError, ValueError) as e:
        raise ParamscopeError(f"{path}: cannot read the file: {getattr(e, 'strerror', None) or e}") \
            from None
    if stat.S_ISDIR(st.st_mode):
        return  # the readers say what they expect of a directory
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
        stdin = ", or a model file from standard input given as '-'" if "model" in what else ""
        raise ParamscopeError(
            f"{path}: is {kind}, not a regular file; paramscope reads {what} from a regular "
            f"file{stdin}.")


def read_stdin(limit: int = MAX_STDIN_BYTES) -> bytes:
    """Standard input's bytes, read once, at most ``limit``."""
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:
        raise ParamscopeError("-: there is no standard input to read a model from.")
    chunks, size = [], 0
    while True:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8", "surrogateescape")
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise ParamscopeError(
                f"-: standard input holds more than {limit // (1024 * 1024)} MB; pass the model "
                "file's path instead.")
    data = b"".join(chunks)
    if not data:
        raise ParamscopeError("-: standard input is empty; expected a Keras model file (.keras, "
                              ".h5 or JSON).")
    return data
