"""Paths made from unknown values are unknown values, while paramscope keeps a script going.

A script names its files after a folder it downloads: ``fdir = os.path.dirname(get_file(...))``,
then ``os.path.join(fdir, "words.txt")``.  Without the download, ``fdir`` is unknown, and
making a path from it only passes it along (nothing is read yet): while :class:`passing_paths`
is active, ``os.path``'s functions that only compute a string (``join``, ``dirname``,
``basename``, ``split``, ``splitext``, ``normpath``, ``abspath``, ``expanduser``,
``expandvars``) give an unknown value for an unknown path (``os.path.join(fdir,
'words.txt')``) instead of stopping the statement.  So code that only keeps the path runs:
``TextImageGenerator(monogram_file=os.path.join(fdir, ...), minibatch_size=32)``, a class of
the script whose constructor stores it, gives a real object, whose methods and attributes
that follow from the code and known values work (``img_gen.get_output_size()``), while
whatever reads the path (``open``, ``os.path.exists``, a method that loads the file) still
needs the data and is skipped.
"""

from __future__ import annotations

import os

from . import unknown as unknowns

#: ``os.path`` functions that compute a path from paths, without the file system.
STRING_FUNCTIONS = ("join", "dirname", "basename", "normpath", "abspath", "expanduser",
                    "expandvars")
#: Those that give a pair of paths.
PAIR_FUNCTIONS = ("split", "splitext")


def _passing(name, original, pair):
    def function(*args):
        found = unknowns.find_unknown(args, depth=0)
        if found is None:
            return original(*args)
        text = f"os.path.{name}({', '.join(unknowns.describe(a) for a in args)})"
        if pair:
            return (unknowns.derived(found, f"{text}[0]"), unknowns.derived(found, f"{text}[1]"))
        return unknowns.derived(found, text)
    function.__name__ = original.__name__
    function.__qualname__ = original.__qualname__
    function.__doc__ = original.__doc__
    function.__wrapped__ = original
    return function


class passing_paths:
    """Context manager: ``os.path``'s string functions pass unknown paths along inside."""

    def __enter__(self):
        self._restore = []
        for names, pair in ((STRING_FUNCTIONS, False), (PAIR_FUNCTIONS, True)):
            for name in names:
                original = getattr(os.path, name)
                self._restore.append((name, original))
                setattr(os.path, name, _passing(name, original, pair))
        return self

    def __exit__(self, *exc):
        for name, original in reversed(self._restore):
            setattr(os.path, name, original)
        return False
