"""Core layers: Dense, Embedding, Identity, Masking, Lambda (keras/src/layers/core)."""

from __future__ import annotations

import warnings

from .. import naming, tree
from ..errors import LayerError, describe_layer, format_shape
from ..explanation import Count, Dims, Number, Subject, line
from . import args as A
from . import quantization as Q
from .base import InputLayer, InputSpec, KerasTensor, Layer

__all__ = ["Dense", "Embedding", "Identity", "Masking", "Lambda", "InputLayer"]


def quantization_mode(layer):
    return layer.dtype_policy.quantization


class LoRAMixin:
    """``lora_rank``: Keras adds ``lora_kernel_a``/``lora_kernel_b`` and freezes the base kernel."""

    def _enable_lora(self, base, a_shape, b_shape):
        self.add_weight(name=f"lora_{base.name}_a" if base.name != "kernel" else "lora_kernel_a",
                        shape=a_shape, dtype="float32", initializer="he_uniform")
        self.add_weight(name=f"lora_{base.name}_b" if base.name != "kernel" else "lora_kernel_b",
                        shape=b_shape, dtype="float32", initializer="zeros")
        base.trainable = False
        self.lora_enabled = True

    def enable_lora(self, rank, lora_alpha=None, a_initializer="he_uniform",
                    b_initializer="zeros"):
        """``layer.enable_lora(rank)`` on a built layer, as Keras: adds ``lora_*_a``
        ``(rows, rank)`` and ``lora_*_b`` ``(rank, columns)`` (float32, trainable) and
        freezes the base kernel/embeddings."""
        constraint = getattr(self, "kernel_constraint", None) or getattr(
            self, "embeddings_constraint", None)
        if constraint:
            raise LayerError(f"Layer {describe_layer(self)}: LoRA is incompatible with kernel "
                             "(embeddings) constraints; remove the constraint to enable LoRA.",
                             self)
        if not self.built:
            raise LayerError(f"Layer {describe_layer(self)}: cannot enable LoRA on a layer that "
                             "isn't yet built; call the layer (or build the model) first.", self)
        if self.lora_enabled:
            raise LayerError(f"Layer {describe_layer(self)}: LoRA is already enabled. This can "
                             "only be done once per layer.", self)
        own = self._trainable_variables + self._non_trainable_variables
        base = next(w for w in own if w.name in ("kernel", "embeddings"))
        self._enable_lora(base, tuple(base.shape[:-1]) + (rank,), (rank, base.shape[-1]))
        self.lora_rank = rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else rank

    def _explain_lora(self):
        if not getattr(self, "lora_enabled", False):
            return []
        a, b = [w for w in self.weights if w.name.startswith("lora_")][:2]
        return [line("LoRA rank ", Number(self.lora_rank), f": {a.name} ", Dims(a.shape),
                     f" + {b.name} ", Dims(b.shape), " = ", Number(a.size + b.size),
                     " trainable; the base weights are frozen (non-trainable)")]


class Dense(LoRAMixin, Layer):
    """Dense: ``kernel (inputs, units)`` and ``bias (units,)``."""
    supports_masking = True

    def __init__(self, units, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 lora_rank=None, lora_alpha=None, quantization_config=None, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        self.units = A.positive_int(units, "units", owner)
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        owner = describe_layer(self)
        self.activation = A.identifier(activation, "activation", owner)
        self.use_bias = bool(use_bias)
        A.set_identifiers(
            self, owner, kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint, bias_constraint=bias_constraint)
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        self.quantization_config = quantization_config
        self.input_spec = InputSpec(min_ndim=2)

    def build(self, input_shape):
        if not tree.is_shape(input_shape):
            raise LayerError(
                f"Layer {describe_layer(self)} takes one tensor, but it received "
                f"{format_shape(input_shape)}. Call it on a single tensor (merge a list first, "
                "e.g. with layers.Concatenate()).", self)
        in_dim = input_shape[-1]
        if in_dim is None:
            raise LayerError(
                f"Layer {describe_layer(self)} received an input of shape {format_shape(input_shape)}"
                ": the last dimension is unknown (None), but Dense needs it to size its kernel "
                f"(inputs x {self.units} units). Give the Input a fixed last dimension, or "
                "Flatten/pool a tensor with known sizes first.", self)
        kernel_shape = (in_dim, self.units)
        mode = quantization_mode(self)
        if mode is not None:
            Q.build_matmul_kernel(self, in_dim, self.units, kernel_shape, (self.units,))
        if mode is None or Q.mode_and_block_size(self)[0] not in Q.KERNEL_MODES:
            self._kernel = self.add_weight(name="kernel", shape=kernel_shape,
                                           initializer=self.kernel_initializer)
        if self.use_bias:
            self.bias = self.add_weight(name="bias", shape=(self.units,),
                                        initializer=self.bias_initializer)
        self.input_spec = InputSpec(min_ndim=2, axes={-1: in_dim})
        if self.lora_rank:
            self._enable_lora(self._kernel, (in_dim, self.lora_rank), (self.lora_rank, self.units))
        self._in_dim = in_dim

    def compute_output_shape(self, input_shape):
        return tuple(input_shape[:-1]) + (self.units,)

    def explain(self):
        n_in, units = self._in_dim, self.units
        weights = n_in * units
        head = (Subject(self.name), Count(n_in, "input"), " x ", Count(units, "unit"))
        if self.use_bias:
            explained = line(*head, " + ", Count(units, "bias"), " = ", Number(weights + units))
        else:
            explained = line(*head, " (no bias) = ", Number(weights))
        return [explained] + self._explain_lora()


class Embedding(LoRAMixin, Layer):
    """Embedding: a table ``embeddings (input_dim, output_dim)``."""

    def __init__(self, input_dim, output_dim, embeddings_initializer="uniform",
                 embeddings_regularizer=None, embeddings_constraint=None, mask_zero=False,
                 weights=None, lora_rank=None, lora_alpha=None, quantization_config=None,
                 **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        self.input_dim = A.positive_int(input_dim, "input_dim", owner)
        self.output_dim = A.positive_int(output_dim, "output_dim", owner)
        input_length = kwargs.pop("input_length", None)
        keras2 = naming.keras2_active()
        if keras2 and "input_shape" not in kwargs and "batch_input_shape" not in kwargs:
            # tf.keras (--style keras2): Embedding declares its input, (input_length,) or
            # (None,), so a Sequential that starts with it is built.
            kwargs["input_shape"] = (input_length,) if input_length else (None,)
        super().__init__(**kwargs)
        if input_length is not None and not keras2:
            warnings.warn("Argument `input_length` is deprecated. Just remove it.", UserWarning,
                          stacklevel=2)
        owner = describe_layer(self)
        A.set_identifiers(
            self, owner, embeddings_initializer=embeddings_initializer,
            embeddings_regularizer=embeddings_regularizer,
            embeddings_constraint=embeddings_constraint)
        self.mask_zero = bool(mask_zero)
        self.supports_masking = self.mask_zero
        self.autocast = False
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        self.quantization_config = quantization_config
        if weights is not None:
            self.build_from_shape(None)

    def build(self, input_shape=None):
        if self.built:
            return
        shape = (self.input_dim, self.output_dim)
        if quantization_mode(self) is not None:
            Q.build_embedding_table(self, self.input_dim, self.output_dim)
        else:
            self._embeddings = self.add_weight(name="embeddings", shape=shape,
                                               initializer=self.embeddings_initializer)
        if self.lora_rank:
            self.add_weight(name="lora_embeddings_a", shape=(self.input_dim, self.lora_rank),
                            dtype="float32")
            self.add_weight(name="lora_embeddings_b", shape=(self.lora_rank, self.output_dim),
                            dtype="float32")
            self._embeddings.trainable = False
            self.lora_enabled = True

    def compute_output_shape(self, input_shape):
        return (*input_shape, self.output_dim)

    def compute_output_dtype(self, *input_dtypes):
        return self.compute_dtype

    def compute_mask(self, inputs, mask=None):
        """``mask_zero``: the mask is ``inputs != 0`` (a NotEqual operation in the graph)."""
        if not self.mask_zero:
            return None
        from .. import ops
        return ops.not_equal(inputs, 0)

    def explain(self):
        n = self.input_dim * self.output_dim
        return [line(Subject(self.name), Count(self.input_dim, "token"), " (input_dim) x ",
                     Count(self.output_dim, "dimension"), " (output_dim) = ", Number(n))
                ] + self._explain_lora()

    def explain_output(self):
        return []


class Identity(Layer):
    """Identity: returns its input unchanged."""
    supports_masking = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._build_at_init()

    def compute_output_spec(self, inputs, **kwargs):
        """Keras: the input's shape, dtype and sparseness, for every tensor of a structure."""
        return tree.map_structure(
            lambda x: KerasTensor(x.shape, dtype=x.dtype, sparse=x.sparse), inputs)


class Masking(Layer):
    """Masking: marks timesteps equal to ``mask_value``; shape unchanged."""
    supports_masking = True

    def __init__(self, mask_value=0.0, **kwargs):
        super().__init__(**kwargs)
        self.mask_value = mask_value
        self._build_at_init()

    def compute_mask(self, inputs, mask=None):
        """Keras: ``any(inputs != mask_value, axis=-1)`` (NotEqual and Any operations)."""
        from .. import ops
        return ops.any(ops.not_equal(inputs, self.mask_value), axis=-1)


class Lambda(Layer):
    """Lambda: wraps a function.

    Its output shape is the declared ``output_shape`` (a shape without the
    batch dimension, or a function of the input shape).  Without one,
    paramscope traces the function on symbolic tensors when it is a live
    Python function; a function read from a model file is never run, and the
    shape is passed through with a warning.
    """
    call_mask_args = ("mask",)

    def __init__(self, function, output_shape=None, mask=None, arguments=None, **kwargs):
        super().__init__(**kwargs)
        self.function = function
        self.arguments = arguments or {}
        self.mask = mask
        self._output_shape = output_shape
        self.passthrough_warning = None
        self.supports_masking = mask is not None  # Keras: a Lambda with a mask passes it on

    def compute_mask(self, inputs, mask=None):
        """Keras's ``Lambda.compute_mask``: the ``mask`` function's result, or the given
        mask itself.  A mask function read from a file (a serialized dict) is never run."""
        if callable(self.mask):
            return self.mask(inputs, mask)
        if isinstance(self.mask, dict):
            return None
        return self.mask

    def compute_output_shape(self, input_shape):
        output_shape = self._output_shape
        if output_shape is None:
            if callable(self.function):
                return self._trace(input_shape)
            self.passthrough_warning = (
                f"Lambda layer '{self.name}' has no output_shape and its function cannot be "
                f"run (it comes from a file); assuming it keeps the input shape "
                f"{format_shape(input_shape)}. Pass output_shape=... to the Lambda to be exact.")
            if self.passthrough_warning not in self._warnings:
                self._warnings.append(self.passthrough_warning)
            return input_shape
        if callable(output_shape):
            return output_shape(input_shape)
        if isinstance(output_shape, dict) and "class_name" in output_shape:
            # A serialized function in a model file: never executed.
            self.passthrough_warning = (
                f"Lambda layer '{self.name}' declares its output_shape as a function in the file, "
                "which paramscope does not run; assuming it keeps the input shape "
                f"{format_shape(input_shape)}.")
            if self.passthrough_warning not in self._warnings:
                self._warnings.append(self.passthrough_warning)
            return input_shape
        if isinstance(output_shape, list) and all(d is None or isinstance(d, int) for d in output_shape):
            if not A.is_lenient():  # Keras: a list is not a shape (it fails when called)
                raise LayerError(
                    f"Layer {describe_layer(self)}: output_shape must be a tuple (the shape "
                    f"without the batch dimension), e.g. output_shape={tuple(output_shape)}. "
                    f"Received the list {output_shape!r}.", self)
            output_shape = tuple(output_shape)  # as Keras's Lambda.from_config does
        batch = tree.flatten_shapes(input_shape)[0][0] if not tree.is_shape(input_shape) else (
            input_shape[0] if input_shape else None)
        return tree.map_shape_structure(lambda s: (batch,) + tuple(s), _as_shape(output_shape))

    def _trace(self, input_shape):
        """Keras's Lambda traces its function on symbolic inputs; when that fails, Keras stops
        (it does not guess a shape), and so does paramscope, saying why."""
        from ..ops import trace_function_or_reason
        shape, why = trace_function_or_reason(self.function, input_shape, self.compute_dtype,
                                              self.arguments)
        if shape is None:
            raise LayerError(
                f"Lambda layer '{self.name}': paramscope could not infer the shape of its "
                f"output, because tracing its function on inputs of shape "
                f"{format_shape(input_shape)} failed ({why}). Keras: \"We could not "
                "automatically infer the shape of the Lambda's output. Please specify the "
                "`output_shape` argument for this Lambda layer.\"", self)
        return shape


def _as_shape(value):
    if isinstance(value, list) and value and all(isinstance(v, (list, tuple)) for v in value):
        return [tuple(v) for v in value]
    return tuple(value)
