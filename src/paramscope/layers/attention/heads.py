"""What MultiHeadAttention and GroupedQueryAttention share: argument checks, the
EinsumDense projections they own, their call's arguments and their explanation."""

from __future__ import annotations

import numbers

from ...explanation import Count, Dims, Number, Subject, formula, line
from ...errors import LayerError, describe_layer, format_shape
from .. import args as A
from ..activations import Softmax
from ..base import KerasTensor, Layer
from ..einsum import EinsumDense
from ..regularization import Dropout

_MHA_OPTIONS = ("query_mask", "value_mask", "key_mask", "attention_mask",
                "return_attention_scores", "training", "use_causal_mask")


def tensor_shape(t):
    return tuple(t.shape) if isinstance(t, KerasTensor) else t


def positive_arg(value, name, owner, allow_none=False):
    if value is None and allow_none:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise LayerError(
        f"{owner}: received an invalid value for argument `{name}`, expected a positive integer"
        f"{' or None' if allow_none else ''}. Received: {name}={value!r}")


def rate_arg(value, name, owner):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise LayerError(f"{owner}: `{name}` must be a number between 0 and 1. Received: "
                         f"{name}={value!r}")
    return value


def check_call_options(layer, options, allowed, tensors):
    """A clear error for call arguments the attention layer does not take (``tensors``: how
    its tensor arguments are named in the message)."""
    unknown = [k for k in options if k not in allowed]
    if unknown:
        raise LayerError(
            f"Layer {describe_layer(layer)} got unexpected call argument(s) "
            f"{', '.join(unknown)}; it takes {tensors}, {', '.join(allowed)}.", layer)


class HeadsAttention(Layer):
    """What MultiHeadAttention and GroupedQueryAttention share."""
    call_mask_args = ("query_mask", "value_mask", "key_mask")
    supports_masking = True

    call_args = ("query", "value", "key")

    def _common_init(self, dropout, use_bias, sliding_window, flash_attention,
                     kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer,
                     activity_regularizer, kernel_constraint, bias_constraint, use_gate, seed):
        owner = describe_layer(self)
        self._dropout = rate_arg(dropout, "dropout", owner)
        self._use_bias = use_bias
        self._use_gate = use_gate
        if sliding_window is not None and (isinstance(sliding_window, bool) or not isinstance(
                sliding_window, int) or sliding_window <= 0):
            raise LayerError(
                f"{owner}: `sliding_window` must be `None` or a positive integer. Received: "
                f"sliding_window={sliding_window!r}", self)
        self._sliding_window = sliding_window
        self._flash_attention = flash_attention or None
        self._kernel_initializer = A.identifier(kernel_initializer, "initializer", owner)
        self._bias_initializer = A.identifier(bias_initializer, "initializer", owner)
        self._kernel_regularizer = A.identifier(kernel_regularizer, "regularizer", owner)
        self._bias_regularizer = A.identifier(bias_regularizer, "regularizer", owner)
        self._activity_regularizer = A.identifier(activity_regularizer, "regularizer", owner)
        self._kernel_constraint = A.identifier(kernel_constraint, "constraint", owner)
        self._bias_constraint = A.identifier(bias_constraint, "constraint", owner)
        self.seed = seed
        if self._flash_attention and self._dropout > 0.0:
            raise LayerError(
                f"{owner}: dropout is not supported when flash attention is enabled. Set "
                f"dropout=0.0 (received {dropout!r}) or flash_attention=None.", self)

    def _common_kwargs(self):
        return dict(kernel_initializer=self._kernel_initializer,
                    bias_initializer=self._bias_initializer,
                    kernel_regularizer=self._kernel_regularizer,
                    bias_regularizer=self._bias_regularizer,
                    activity_regularizer=self._activity_regularizer,
                    kernel_constraint=self._kernel_constraint,
                    bias_constraint=self._bias_constraint, dtype=self.dtype_policy)

    def _projection(self, equation, output_shape, bias_axes, name, input_shape, role,
                    activation=None):
        """An EinsumDense sublayer, built for ``input_shape`` (errors name this layer)."""
        dense = EinsumDense(equation, output_shape=output_shape,
                            bias_axes=bias_axes if self._use_bias else None, name=name,
                            activation=activation, **self._common_kwargs())
        try:
            dense.build(tuple(input_shape))
        except LayerError as e:
            reason = getattr(e, "reason", None) or _strip(str(e))
            raise LayerError(
                f"Layer {describe_layer(self)} cannot build its '{name}' projection (EinsumDense "
                f"{equation!r}, output_shape={tuple(output_shape)!r}) for the {role} of shape "
                f"{format_shape(tuple(input_shape))}: {reason}.", self) from None
        return dense

    def _attention_sublayers(self, softmax_axis):
        self._softmax = Softmax(axis=softmax_axis, dtype=self.dtype_policy)
        try:
            self._dropout_layer = Dropout(rate=self._dropout, dtype=self.dtype_policy,
                                          seed=self.seed)
        except LayerError:
            raise LayerError(
                f"Layer {describe_layer(self)}: invalid `dropout`={self._dropout!r}: it must be "
                "a float between 0 and 1 (the fraction of attention weights dropped while "
                "training), e.g. dropout=0.1.", self) from None

    def _bind_call(self, args, kwargs):
        bound, options = super()._bind_call(args, kwargs)
        missing = [n for n in ("query", "value") if n not in bound]
        if missing:
            got = ", ".join(f"{k} {format_shape(tensor_shape(v))}" for k, v in bound.items()) or "nothing"
            raise LayerError(
                f"Layer {describe_layer(self)} needs both `query` and `value` tensors (and "
                f"optionally `key`), but it received {got}: missing "
                f"{' and '.join(f'`{m}`' for m in missing)}. Call it as layer(query, value) "
                "(layer(x, x) for self-attention) in a Functional model; it cannot be used in a "
                "Sequential model, whose layers take a single input.", self)
        check_call_options(self, options, _MHA_OPTIONS, "query, value, key")
        for name in ("query", "value", "key"):
            value = bound.get(name)
            if name in bound and value is not None and not isinstance(value, KerasTensor):
                raise LayerError(
                    f"Layer {describe_layer(self)}: `{name}` must be a single tensor. Received: "
                    f"{value!r}", self)
        return bound, options

    def _require_value_shape(self, query_shape, value_shape):
        if value_shape is None:
            raise LayerError(
                f"Layer {describe_layer(self)}: build() needs the shapes of both `query` and "
                f"`value` (and optionally `key`), e.g. layer.build(query_shape, value_shape); it "
                f"received only query_shape={format_shape(query_shape)}. (Keras raises "
                "TypeError: missing value_shape.)", self)

    def build_from_shape(self, input_shape):
        """A build_config with a single ``input_shape`` (tf-keras files record only the
        query's shape): the layer cannot be built from it, so it stays unbuilt until it is
        called in the graph, which builds it with the query, value and key shapes."""
        if isinstance(input_shape, dict):
            self.build(**input_shape)
            self._build_shapes_dict = dict(input_shape)
            self.built = True

    @staticmethod
    def _check_value_key(owner, value_shape, key_shape):
        if tuple(value_shape[1:-1]) != tuple(key_shape[1:-1]):
            raise LayerError(
                f"Layer {owner}: all dimensions of `value` and `key`, except the last one, must "
                f"be equal. Received: value_shape={format_shape(tuple(value_shape))} and "
                f"key_shape={format_shape(tuple(key_shape))}. Keras compares them exactly "
                "(None only matches None): give key and value the same sequence length.")

    def compute_output_spec(self, query, value, key=None, query_mask=None, value_mask=None,
                            key_mask=None, attention_mask=None, return_attention_scores=False,
                            training=None, use_causal_mask=False):
        out = KerasTensor(self.compute_output_shape(query.shape, value.shape,
                                                    None if key is None else key.shape),
                          dtype=self.compute_dtype)
        if return_attention_scores:
            scores = KerasTensor(self._scores_shape(query, value, key), dtype=self.compute_dtype)
            return out, scores
        return out

    # -- explanation --------------------------------------------------------------

    def _sublayers_for_explain(self):
        subs = [("query", "_query_dense"), ("key", "_key_dense")]
        if self._use_gate:
            subs.append(("gate", "_gate_dense"))
        subs += [("value", "_value_dense"), ("output", "_output_dense")]
        return [(label, getattr(self, attr)) for label, attr in subs if hasattr(self, attr)]

    def explain(self):
        parts, total = [Subject(self.name)], 0
        for label, dense in self._sublayers_for_explain():
            size = sum(w.size for w in dense.weights)
            total += size
            parts += ["; " if len(parts) > 1 else "", f"{label} ",
                      _projection_text(dense, label == 'output'), " = ", Number(size)]
        return [line(*parts, "; total ", Number(total))]

    def explain_output(self):
        return []


def _strip(text):
    return text.rstrip(".")


def _projection_text(dense, is_output):
    """``4 heads x 64 x (512 + 1)`` (inputs projected to heads) or ``4 heads x 64 x 512 + 512``."""
    kernel = getattr(dense, "_kernel", None)
    plain = (dense.quantization_mode is None and not dense.lora_enabled and kernel is not None)
    if not plain:
        parts = []
        for w in dense.weights:
            dtype = f" ({w.dtype})" if w.dtype != "float32" else ""
            parts += [" + " if parts else "", f"{w.name} ", Dims(w.shape), dtype]
        return line(*parts)
    shape = kernel.shape
    bias = dense.bias
    if not is_output:
        dim, heads, size = shape[0], shape[1], shape[2:]
        if bias is not None:
            return formula("{} x {} x ({} + 1)", Count(heads, "head"), Dims(size), dim)
        return formula("{} x {} x {}", Count(heads, "head"), Dims(size), dim)
    heads, size, out = shape[0], shape[1], shape[2:]
    out_text = Dims(out) if len(out) == 1 else formula("({})", Dims(out))
    explained = formula("{} x {} x {}", Count(heads, "head"), size, out_text)
    if bias is not None:
        explained = line(explained, " + ", Dims(bias.shape))
    return explained
