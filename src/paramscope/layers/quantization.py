"""Quantized variables, as Keras 3.15.1 creates them for a quantized dtype policy.

``Dense(units, dtype="int8_from_float32")`` and the like build quantized variables instead of
(or besides) the float kernel: keras/src/layers/core/dense.py, einsum_dense.py, embedding.py
and reversible_embedding.py (``_int8_build``, ``_int4_build``, ``_float8_build``).

* ``int8``: an int8 kernel of the float kernel's shape and a float ``kernel_scale``, both
  non-trainable.
* ``int4``: the kernel packed two values per int8 along its last axis (``(rows,
  ceil(columns / 2))``) and ``kernel_scale``; with a block size (``int4/128_from_float32``)
  the scale has one row per block and ``kernel_zero`` (int8) and ``g_idx`` (float32) follow.
* ``float8``: the float kernel stays; six float32 scalars and amax histories (``inputs_``,
  ``kernel_``, ``outputs_grad_`` ``scale`` / ``amax_history``) come first, all trainable.
"""

from __future__ import annotations

import math

from ..errors import LayerError, describe_layer

#: ``QuantizedFloat8DTypePolicy.default_amax_history_length``.
FLOAT8_AMAX_HISTORY_LENGTH = 1024
#: Modes whose build replaces the float kernel.
KERNEL_MODES = ("int8", "int4", "gptq", "awq")


def mode_and_block_size(layer):
    """``("int4", 128)`` for ``int4/128_from_float32``; the block size is None per channel."""
    mode = layer.dtype_policy.quantization
    if mode is None or "/" not in mode:
        return mode, None
    base, _, block = mode.partition("/")
    try:
        block_size = int(block)
    except ValueError:
        raise LayerError(
            f"Layer {describe_layer(layer)}: invalid quantization mode {mode!r}: the block size "
            "after 'int4/' must be an integer (-1 for per-channel), e.g. 'int4/128'.",
            layer) from None
    if block_size < -1 or block_size == 0:
        raise LayerError(
            f"Layer {describe_layer(layer)}: invalid block size in quantization mode {mode!r}: "
            "use -1 (per-channel) or a positive integer (sub-channel).", layer)
    return base, (None if block_size == -1 else block_size)


def unsupported(layer, mode, supported):
    return LayerError(
        f"Layer {describe_layer(layer)} ({type(layer).__name__}) cannot be quantized with mode "
        f"{mode!r} (dtype policy {layer.dtype_policy.name!r}): Keras supports "
        f"{', '.join(supported)} for it.", layer)


def add_float8_variables(layer):
    """The six float8 scaling variables (``_float8_build``), in Keras's order."""
    for prefix in ("inputs", "kernel", "outputs_grad"):
        setattr(layer, f"{prefix}_scale", layer.add_weight(
            name=f"{prefix}_scale", shape=(), initializer="ones", dtype="float32",
            trainable=True))
        setattr(layer, f"{prefix}_amax_history", layer.add_weight(
            name=f"{prefix}_amax_history", shape=(FLOAT8_AMAX_HISTORY_LENGTH,),
            initializer="zeros", dtype="float32", trainable=True))


def _add_int4_block_variables(layer, prefix, scale_shape, index_size):
    """Sub-channel int4 (a block size): the zero points and the group index."""
    setattr(layer, f"{prefix}_zero", layer.add_weight(
        name=f"{prefix}_zero", shape=scale_shape, initializer="zeros", dtype="int8",
        trainable=False))
    layer.g_idx = layer.add_weight(name="g_idx", shape=(index_size,), initializer="zeros",
                                   dtype="float32", trainable=False)


def build_matmul_kernel(layer, rows, columns, int8_kernel_shape, int8_scale_shape):
    """The quantized variables of a kernel that multiplies ``rows`` inputs into ``columns``
    outputs (Dense; EinsumDense with its kernel flattened): Keras's ``quantized_build``."""
    mode, block_size = mode_and_block_size(layer)
    if mode == "int8":
        layer._kernel = layer.add_weight(name="kernel", shape=int8_kernel_shape,
                                         initializer="zeros", dtype="int8", trainable=False)
        layer.kernel_scale = layer.add_weight(name="kernel_scale", shape=int8_scale_shape,
                                              initializer="ones", trainable=False)
    elif mode == "int4":
        layer._kernel = layer.add_weight(name="kernel", shape=(rows, (columns + 1) // 2),
                                         initializer="zeros", dtype="int8", trainable=False)
        scale_shape = ((math.ceil(rows / block_size), columns) if block_size
                       else (columns,))
        layer.kernel_scale = layer.add_weight(name="kernel_scale", shape=scale_shape,
                                              initializer="ones", trainable=False)
        if block_size:
            _add_int4_block_variables(layer, "kernel", scale_shape, rows)
    elif mode == "float8":
        add_float8_variables(layer)
    else:
        raise unsupported(layer, mode, ("int8", "int4", "float8"))


def build_embedding_table(layer, input_dim, output_dim):
    """Embedding's ``quantized_build``: int8 or int4 tables (no float8)."""
    mode, block_size = mode_and_block_size(layer)
    if mode == "int8":
        layer._embeddings = layer.add_weight(name="embeddings", shape=(input_dim, output_dim),
                                             initializer="zeros", dtype="int8", trainable=False)
        layer.embeddings_scale = layer.add_weight(name="embeddings_scale", shape=(input_dim,),
                                                  initializer="ones", trainable=False)
    elif mode == "int4":
        layer._embeddings = layer.add_weight(
            name="embeddings", shape=(input_dim, (output_dim + 1) // 2), initializer="zeros",
            dtype="int8", trainable=False)
        scale_shape = ((input_dim, math.ceil(output_dim / block_size)) if block_size
                       else (input_dim,))
        layer.embeddings_scale = layer.add_weight(name="embeddings_scale", shape=scale_shape,
                                                  initializer="ones", trainable=False)
        if block_size:
            _add_int4_block_variables(layer, "embeddings", scale_shape, output_dim)
    else:
        raise unsupported(layer, mode, ("int8", "int4"))


def build_reverse_table(layer, input_dim, output_dim):
    """ReversibleEmbedding's untied ``reverse_embeddings`` when quantized."""
    mode, block_size = mode_and_block_size(layer)
    if mode == "int8":
        layer.reverse_embeddings = layer.add_weight(
            name="reverse_embeddings", shape=(output_dim, input_dim), initializer="zeros",
            dtype="int8", trainable=False)
        layer.reverse_embeddings_scale = layer.add_weight(
            name="reverse_embeddings_scale", shape=(input_dim,), initializer="ones",
            trainable=False)
    elif mode == "int4":
        layer.reverse_embeddings = layer.add_weight(
            name="reverse_embeddings", shape=((output_dim + 1) // 2, input_dim),
            initializer="zeros", dtype="int8", trainable=False)
        scale_shape = ((math.ceil(output_dim / block_size), input_dim) if block_size
                       else (input_dim,))
        layer.reverse_embeddings_scale = layer.add_weight(
            name="reverse_embeddings_scale", shape=scale_shape, initializer="ones",
            trainable=False)
        if block_size:  # Keras gives this one the layer's variable dtype
            layer.reverse_embeddings_zero = layer.add_weight(
                name="reverse_embeddings_zero", shape=scale_shape, initializer="zeros",
                trainable=False)
