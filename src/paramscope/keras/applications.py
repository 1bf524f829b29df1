"""``keras.applications``."""

import sys as _sys

from ._placeholders import module as _module

_sys.modules[__name__] = _module("keras.applications", __doc__, __file__)
