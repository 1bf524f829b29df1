"""``keras.losses``: accepted by name (see :mod:`paramscope.keras._placeholders`)."""

import sys as _sys

from ._placeholders import module as _module

_sys.modules[__name__] = _module("keras.losses", __doc__, __file__)
