"""Preprocessing layers (keras/src/layers/preprocessing): Rescaling.

Rescaling has no weights and keeps its input shape.
"""

from __future__ import annotations

from . import args as A
from .base import Layer

__all__ = ["Rescaling"]


class Rescaling(Layer):
    """Rescaling: ``inputs * scale + offset``; no weights (scale and offset are constants)."""

    def __init__(self, scale, offset=0.0, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale
        self.offset = offset
