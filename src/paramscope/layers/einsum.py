"""EinsumDense and ReversibleEmbedding (keras/src/layers/core/einsum_dense.py,
reversible_embedding.py).

Keras keeps both in ``layers/core``; paramscope gives them their own family
module.  Weight names, shapes, creation order, dtypes and trainable flags
follow Keras 3.15, including LoRA (``lora_kernel_a/b``, the base kernel
frozen) and the quantized dtype policies (``int8_from_float32``,
``int4_from_float32``, ``float8_from_float32``).
"""

from __future__ import annotations

from .. import shapes
from ..explanation import Dims, Number, Subject, formula, line, text
from ..errors import LayerError, ShapeError, describe_layer, format_shape
from . import args as A
from .base import InputSpec, KerasTensor, Layer
from . import quantization as Q
from .core import Embedding

__all__ = ["EinsumDense", "ReversibleEmbedding"]


def quantized_policy_name(dtype):
    """A ``QuantizedDTypePolicy`` config (``{"mode": "int8", "source_name": "float32"}``, as
    Keras 3 writes it in model files) as its policy name ``"int8_from_float32"``."""
    if isinstance(dtype, dict):
        config = dtype.get("config")
        if isinstance(config, dict) and "mode" in config and "source_name" in config:
            return f"{config['mode']}_from_{config['source_name']}"
    return dtype


def config_with_policy_name(config):
    config = dict(config)
    if "dtype" in config:
        config["dtype"] = quantized_policy_name(config["dtype"])
    return config


def _quantized(layer, mode, with_sizes):
    """``int8 quantized: kernel 64x32 (int8) = 2,048 + ... = 2,112``."""
    parts = [Subject(layer.name), f"{mode} quantized: "]
    for i, w in enumerate(layer.weights):
        parts += [" + " if i else "", f"{w.name} ", Dims(w.shape), f" ({w.dtype})"]
        if with_sizes:
            parts += [" = ", Number(w.size)]
    return line(*parts, " = ", Number(sum(w.size for w in layer.weights)))


class EinsumDense(Layer):
    """A dense projection written as an einsum: ``kernel`` from the equation.

    ``EinsumDense("abc,cde->abde", output_shape=(None, 4, 8), bias_axes="de")``
    on inputs ``(batch, T, 16)`` has ``kernel (16, 4, 8)`` and ``bias (4, 8)``.
    """

    def __init__(self, equation, output_shape, activation=None, bias_axes=None,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, lora_rank=None, lora_alpha=None,
                 gptq_unpacked_column_size=None, quantization_config=None, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.equation = equation
        if isinstance(output_shape, int) and not isinstance(output_shape, bool):
            self.partial_output_shape = (output_shape,)
        else:
            try:
                self.partial_output_shape = tuple(output_shape)
            except TypeError:
                raise LayerError(
                    f"{owner}: `output_shape` must be an int or a tuple (the output shape without "
                    f"the batch and elided dimensions, e.g. (None, 64)). Received: "
                    f"output_shape={output_shape!r}", self) from None
        for d in self.partial_output_shape:
            if d is not None and (isinstance(d, bool) or not isinstance(d, int) or d < 0):
                raise LayerError(
                    f"{owner}: every entry of `output_shape` must be a non-negative integer or "
                    f"None. Received: output_shape={output_shape!r}", self)
        if bias_axes is not None and not isinstance(bias_axes, str):
            raise LayerError(
                f"{owner}: `bias_axes` must be a string of output letters (e.g. 'de') or None. "
                f"Received: bias_axes={bias_axes!r}", self)
        self.bias_axes = bias_axes
        A.set_identifiers(
            self, owner, activation=activation, kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint)
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.lora_enabled = False
        self.gptq_unpacked_column_size = gptq_unpacked_column_size
        self.quantization_config = quantization_config
        self.bias = None

    @property
    def quantization_mode(self):
        return self.dtype_policy.quantization

    @classmethod
    def from_config(cls, config):
        return cls(**config_with_policy_name(config))

    def _error(self, reason, input_shape):
        error = LayerError(
            f"Layer {describe_layer(self)} (equation {self.equation!r}, output_shape="
            f"{self.partial_output_shape!r}) cannot process an input of shape "
            f"{format_shape(tuple(input_shape))}: {reason}.", self)
        error.reason = reason  # the bare fact, for a layer that owns this one
        return error

    def _analyze(self, input_shape):
        try:
            return shapes.analyze_einsum_string(self.equation, self.bias_axes, tuple(input_shape),
                                                self.partial_output_shape)
        except ShapeError as e:
            raise self._error(str(e), input_shape) from None

    def build(self, input_shape):
        kernel_shape, bias_shape, _, _, _ = self._analyze(input_shape)
        self._check_sizes("kernel", kernel_shape, input_shape)
        if bias_shape is not None:
            self._check_sizes("bias", bias_shape, input_shape)
        self.input_spec = InputSpec(ndim=len(input_shape))
        self.original_kernel_shape = tuple(kernel_shape)
        mode = self.quantization_mode
        if mode is not None:
            self._quantized_build(tuple(kernel_shape), mode)
        if Q.mode_and_block_size(self)[0] not in Q.KERNEL_MODES:
            self._kernel = self.add_weight(name="kernel", shape=tuple(kernel_shape),
                                           initializer=self.kernel_initializer)
        if bias_shape is not None:
            self.bias = self.add_weight(name="bias", shape=tuple(bias_shape),
                                        initializer=self.bias_initializer)
        else:
            self.bias = None
        self.built = True
        if self.lora_rank:
            self.enable_lora(self.lora_rank, lora_alpha=self.lora_alpha)

    def _check_sizes(self, what, shape, input_shape):
        if any(d is None for d in shape):
            raise self._error(
                f"its {what} shape would be {format_shape(tuple(shape))}, with an unknown (None) "
                f"size; every {what} axis needs a known size: give the Input a fixed size there, "
                "or set it in output_shape", input_shape)

    def _quantized_build(self, kernel_shape, mode):
        owner = describe_layer(self)
        try:
            scale_shape = shapes.einsum_int8_scale_shape(self.equation, kernel_shape)
        except ShapeError as e:
            if mode.split("/")[0] in ("int8", "int4"):
                raise LayerError(f"Layer {owner}: {e}.", self) from None
            scale_shape = None
        reduced = shapes.einsum_kernel_reduced_axes(self.equation)
        rows = columns = 1
        for i, d in enumerate(kernel_shape):
            if i in reduced:
                rows *= d
            else:
                columns *= d
        Q.build_matmul_kernel(self, rows, columns, kernel_shape, scale_shape)

    def enable_lora(self, rank, lora_alpha=None, a_initializer="he_uniform",
                    b_initializer="zeros"):
        """Keras's ``enable_lora``: ``lora_kernel_a (kernel[:-1] + (rank,))``, ``lora_kernel_b
        (rank, kernel[-1])``; the base kernel becomes non-trainable."""
        owner = describe_layer(self)
        if self.kernel_constraint:
            raise LayerError(
                f"Layer {owner}: LoRA is incompatible with kernel constraints. In order to enable "
                "LoRA on this layer, remove the `kernel_constraint` argument.", self)
        if not self.built:
            raise LayerError(f"Layer {owner}: cannot enable LoRA on a layer that isn't yet "
                             "built.", self)
        if self.lora_enabled:
            raise LayerError(f"Layer {owner}: LoRA is already enabled. This can only be done "
                             "once per layer.", self)
        rank = A.positive_int(rank, "lora_rank", owner)
        if self.quantization_mode == "int4":
            kernel_shape = tuple(self.original_kernel_shape)
        else:
            kernel_shape = tuple(self._kernel.shape)
        self.lora_kernel_a = self.add_weight(name="lora_kernel_a", shape=kernel_shape[:-1] + (rank,),
                                             initializer=a_initializer, dtype="float32")
        self.lora_kernel_b = self.add_weight(name="lora_kernel_b", shape=(rank, kernel_shape[-1]),
                                             initializer=b_initializer, dtype="float32")
        self._kernel.trainable = False
        self.lora_enabled = True
        self.lora_rank = rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else rank

    @property
    def kernel(self):
        if not self.built:
            raise AttributeError("You must build the layer before accessing `kernel`.")
        return self._kernel

    def compute_output_shape(self, input_shape):
        _, _, output_shape, _, _ = self._analyze(input_shape)
        return tuple(output_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"output_shape": self.partial_output_shape, "equation": self.equation,
                       "activation": self.activation, "bias_axes": self.bias_axes})
        if self.lora_rank:
            config["lora_rank"] = self.lora_rank
            config["lora_alpha"] = self.lora_alpha
        return config

    # -- explanation --------------------------------------------------------------

    def explain(self):
        mode = self.quantization_mode
        if mode is not None:
            return [_quantized(self, mode, with_sizes=True)]
        kernel = self._kernel
        explained = formula("kernel {} = {}", Dims(kernel.shape), kernel.size)
        if self.bias is not None:
            explained = line(explained, formula(" + bias {} = {} = {}", Dims(self.bias.shape),
                                                self.bias.size, kernel.size + self.bias.size))
        lines = [line(Subject(self.name), explained)]
        if self.lora_enabled:
            a, b = self.lora_kernel_a, self.lora_kernel_b
            lines.append(formula("LoRA rank {}: lora_kernel_a {} + lora_kernel_b {} = {} trainable; "
                                 "the kernel is frozen (non-trainable)", self.lora_rank,
                                 Dims(a.shape), Dims(b.shape), a.size + b.size))
        return lines

    def explain_output(self):
        shape = getattr(self, "_build_shapes_dict", None) or {}
        input_shape = next(iter(shape.values()), None)
        if input_shape is None:
            return []
        out = self.compute_output_shape(input_shape)
        return [text(f"{self.equation}: {format_shape(tuple(input_shape))} -> {format_shape(out)}")]


class ReversibleEmbedding(Embedding):
    """An Embedding that can also project back to the vocabulary (``reverse=True``).

    Tied weights (the default) reuse ``embeddings``; ``tie_weights=False`` adds
    ``reverse_embeddings (output_dim, input_dim)``.
    """

    def __init__(self, input_dim, output_dim, tie_weights=True, embeddings_initializer="uniform",
                 embeddings_regularizer=None, embeddings_constraint=None, mask_zero=False,
                 reverse_dtype=None, logit_soft_cap=None, **kwargs):
        super().__init__(input_dim=input_dim, output_dim=output_dim,
                         embeddings_initializer=embeddings_initializer,
                         embeddings_regularizer=embeddings_regularizer,
                         embeddings_constraint=embeddings_constraint, mask_zero=mask_zero, **kwargs)
        self.tie_weights = tie_weights
        self.reverse_dtype = reverse_dtype
        self.logit_soft_cap = logit_soft_cap

    def build(self, input_shape=None):
        if self.built:
            return
        owner = describe_layer(self)
        shape = (self.input_dim, self.output_dim)
        mode = Q.mode_and_block_size(self)[0]
        if mode is not None:
            Q.build_embedding_table(self, self.input_dim, self.output_dim)
            if not self.tie_weights:
                Q.build_reverse_table(self, self.input_dim, self.output_dim)
        else:
            self._embeddings = self.add_weight(name="embeddings", shape=shape,
                                               initializer=self.embeddings_initializer)
        self.built = True
        if self.lora_rank:
            if self.embeddings_constraint:
                raise LayerError(
                    f"Layer {owner}: LoRA is incompatible with embedding constraints; remove the "
                    "`embeddings_constraint` argument.", self)
            self.add_weight(name="lora_embeddings_a", shape=(self.input_dim, self.lora_rank),
                            dtype="float32", initializer="he_uniform")
            self.add_weight(name="lora_embeddings_b", shape=(self.lora_rank, self.output_dim),
                            dtype="float32", initializer="zeros")
            self._embeddings.trainable = False
            self.lora_enabled = True
        if not self.tie_weights and mode not in ("int8", "int4"):
            if self.lora_enabled:
                # Keras enables LoRA inside Embedding.build, which locks the layer's variable
                # tracker; the untied reverse_embeddings added next then fail.
                raise LayerError(
                    f"Layer {owner}: Keras 3.15 cannot build a ReversibleEmbedding with both "
                    f"lora_rank={self.lora_rank} and tie_weights=False (LoRA locks the layer "
                    "before reverse_embeddings is created: ValueError). Use tie_weights=True, "
                    "or drop lora_rank.", self)
            self.reverse_embeddings = self.add_weight(
                name="reverse_embeddings", shape=(self.output_dim, self.input_dim),
                initializer=self.embeddings_initializer)

    @classmethod
    def from_config(cls, config):
        return cls(**config_with_policy_name(config))

    def compute_mask(self, inputs, mask=None):
        """Keras disables the Embedding mask here (its call sets it only when it runs)."""
        return None

    def compute_output_shape(self, input_shape, reverse=False):
        shape = list(input_shape)
        if reverse:
            if not shape:
                raise LayerError(
                    f"Layer {describe_layer(self)}: reverse=True projects the last axis "
                    f"({self.output_dim} features) to the vocabulary; a scalar input has none.",
                    self)
            shape[-1] = self.input_dim
        else:
            shape.append(self.output_dim)
        return tuple(shape)

    def compute_output_spec(self, inputs, reverse=False, **kwargs):
        if not isinstance(inputs, KerasTensor):
            raise LayerError(
                f"Layer {describe_layer(self)} takes a single tensor. Received: {inputs!r}", self)
        shape = self.compute_output_shape(inputs.shape, reverse=reverse)
        return KerasTensor(shape, dtype=self.compute_dtype)

    def get_config(self):
        config = super().get_config()
        config.update({"input_dim": self.input_dim, "output_dim": self.output_dim,
                       "tie_weights": self.tie_weights, "reverse_dtype": self.reverse_dtype,
                       "logit_soft_cap": self.logit_soft_cap})
        return config

    def explain(self):
        lines = super().explain()
        if self.dtype_policy.quantization is None:
            if self.tie_weights:
                lines.append(text("reverse=True reuses the same embeddings, transposed (tied "
                                  "weights: no extra parameters)"))
            else:
                n = self.input_dim * self.output_dim
                total = sum(w.size for w in self.weights)
                lines.append(formula("untied reverse_embeddings {} x {} = {}; total {}",
                                     self.output_dim, self.input_dim, n, total))
        else:
            lines = [_quantized(self, self.dtype_policy.quantization, with_sizes=False)]
        if self.logit_soft_cap is not None:
            lines.append(text(f"reverse logits soft-capped at {self.logit_soft_cap} (no weights)"))
        return lines
