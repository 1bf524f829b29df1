"""Listing a folder that is not there says so, while paramscope keeps a script going.

Scripts find their data with ``glob.glob("data/*.png")``, ``Path("data").glob("*.png")`` or
``os.walk("data")``: for a folder that was never downloaded these give an empty list, and
the script goes on with no data at all (``max([])`` fails a few lines later, or a class
count of 0 reaches the model).  While :func:`raising` is active, they raise
``FileNotFoundError`` for a folder that does not exist, as ``os.listdir`` and ``open`` do,
so the statement is skipped as one that needs the data.  An existing (even empty) folder
is listed as usual.
"""

from __future__ import annotations

import errno
import os
import sys

_MAGIC = "*?["


def _fixed_folder(pattern):
    """The folder a glob pattern lists: its part before the first wildcard."""
    pattern = os.fspath(pattern)
    if isinstance(pattern, bytes):
        pattern = os.fsdecode(pattern)
    cut = min((pattern.find(c) for c in _MAGIC if c in pattern), default=len(pattern))
    if cut == len(pattern):
        return None  # no wildcard: a plain path, which glob gives back if it exists
    return os.path.dirname(pattern[:cut]) or "."


def _missing(folder):
    return FileNotFoundError(errno.ENOENT, "no such folder", folder)


class raising:
    """Context manager: folders that do not exist raise when listed.

    ``os.walk`` is changed at once; ``glob`` and ``pathlib`` when the script imports them
    (:meth:`module_imported`), so that paramscope itself never imports them.
    """

    def __enter__(self):
        self._restore = []
        self._modules = set()
        walk = os.walk

        def checked_walk(top, *args, **kwargs):
            if not os.path.isdir(top):
                raise _missing(os.fspath(top))
            return walk(top, *args, **kwargs)

        self._replace(os, "walk", checked_walk)
        for name in ("glob", "pathlib"):
            if name in sys.modules:
                self.module_imported(name)
        return self

    def _replace(self, owner, name, value):
        self._restore.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def module_imported(self, name):
        """The script imports ``glob`` or ``pathlib``: their listings check their folder."""
        if name in self._modules:
            return
        self._modules.add(name)
        if name == "glob":
            import glob
            for function in ("glob", "iglob"):
                self._replace(glob, function, _checked_glob(getattr(glob, function)))
        elif name == "pathlib":
            import pathlib
            for method in ("glob", "rglob"):
                self._replace(pathlib.Path, method, _checked_listing(getattr(pathlib.Path, method)))

    def __exit__(self, *exc):
        for owner, name, value in reversed(self._restore):
            setattr(owner, name, value)
        return False


def _checked_glob(original):
    def listing(pattern, *args, root_dir=None, **kwargs):
        folder = _fixed_folder(pattern)
        if folder is not None:
            where = os.path.join(root_dir, folder) if root_dir is not None else folder
            if not os.path.isdir(where):
                raise _missing(where)
        return original(pattern, *args, root_dir=root_dir, **kwargs)
    return listing


def _checked_listing(original):
    def listing(self, pattern, *args, **kwargs):
        if not self.is_dir():
            raise _missing(str(self))
        return original(self, pattern, *args, **kwargs)
    return listing
