"""``keras.ops``: symbolic operations on KerasTensors (shapes only)."""

import sys as _sys

from ._placeholders import module as _module

_sys.modules[__name__] = _module("keras.ops", __doc__)
