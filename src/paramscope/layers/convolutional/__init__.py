"""Convolution layers (keras/src/layers/convolutional).

Conv1D/2D/3D, their transposes, DepthwiseConv1D/2D and SeparableConv1D/2D.
Each kind has an N-D base class, as Keras does, that takes Keras's signature;
a class sets its ``rank``.  The constructor checks the arguments the way Keras
does, ``build`` checks the input (channels known, divisible by ``groups``,
output not empty) and creates the weights with Keras's names, shapes and order.

One module per kind, as keras/src/layers/convolutional: ``conv`` (Conv1D/2D/3D),
``conv_transpose``, ``depthwise_conv``, ``separable_conv``; ``common`` holds the
window checks and explanations they (and ConvLSTM's cell) share.
"""

from __future__ import annotations

from .. import family_member

__all__ = [
    "Conv1D", "Conv2D", "Conv3D",
    "Convolution1D", "Convolution2D", "Convolution3D",
    "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
    "Convolution1DTranspose", "Convolution2DTranspose", "Convolution3DTranspose",
    "DepthwiseConv1D", "DepthwiseConv2D",
    "SeparableConv1D", "SeparableConv2D",
    "SeparableConvolution1D", "SeparableConvolution2D",
]


def __getattr__(name):
    """Each layer from its module, imported on first use (see ``layers.family_member``)."""
    return family_member(__name__, name)
