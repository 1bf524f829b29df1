"""Attention layers: MultiHeadAttention, GroupedQueryAttention, Attention,
AdditiveAttention (keras/src/layers/attention).

MultiHeadAttention and GroupedQueryAttention own EinsumDense sublayers named
``query``, ``key``, (``gate``), ``value`` and ``attention_output``, built the
way Keras 3.15 builds them (plus a Softmax and a Dropout, which take auto
names such as ``softmax`` and ``dropout`` exactly when Keras creates them, so
later layers are numbered as in Keras).  Their output shapes follow Keras's
``compute_output_spec`` literally, including its attention-score shape
``(batch, num_heads, Tq, Tq)`` for MultiHeadAttention.
"""

from __future__ import annotations

import numbers

from .. import shapes
from ..explanation import Count, Dims, Number, Subject, formula, line
from ..errors import LayerError, ShapeError, describe_layer, format_shape
from . import args as A
from .activations import Softmax
from .base import KerasTensor, Layer
from .state import SeedGenerator
from .einsum import EinsumDense, _config_with_policy_name
from .regularization import Dropout

__all__ = ["MultiHeadAttention", "GroupedQueryAttention", "GroupQueryAttention", "Attention",
           "AdditiveAttention"]

_MHA_OPTIONS = ("query_mask", "value_mask", "key_mask", "attention_mask",
                "return_attention_scores", "training", "use_causal_mask")


def _shape(t):
    return tuple(t.shape) if isinstance(t, KerasTensor) else t


def _positive(value, name, owner, allow_none=False):
    if value is None and allow_none:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise LayerError(
        f"{owner}: received an invalid value for argument `{name}`, expected a positive integer"
        f"{' or None' if allow_none else ''}. Received: {name}={value!r}")


def _rate(value, name, owner):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise LayerError(f"{owner}: `{name}` must be a number between 0 and 1. Received: "
                         f"{name}={value!r}")
    return value


class _HeadsAttention(Layer):
    """What MultiHeadAttention and GroupedQueryAttention share."""
    call_mask_args = ("query_mask", "value_mask", "key_mask")
    supports_masking = True

    call_args = ("query", "value", "key")

    def _common_init(self, dropout, use_bias, sliding_window, flash_attention,
                     kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer,
                     activity_regularizer, kernel_constraint, bias_constraint, use_gate, seed):
        owner = describe_layer(self)
        self._dropout = _rate(dropout, "dropout", owner)
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
            got = ", ".join(f"{k} {format_shape(_shape(v))}" for k, v in bound.items()) or "nothing"
            raise LayerError(
                f"Layer {describe_layer(self)} needs both `query` and `value` tensors (and "
                f"optionally `key`), but it received {got}: missing "
                f"{' and '.join(f'`{m}`' for m in missing)}. Call it as layer(query, value) "
                "(layer(x, x) for self-attention) in a Functional model; it cannot be used in a "
                "Sequential model, whose layers take a single input.", self)
        unknown = [k for k in options if k not in _MHA_OPTIONS]
        if unknown:
            raise LayerError(
                f"Layer {describe_layer(self)} got unexpected call argument(s) "
                f"{', '.join(unknown)}; it takes query, value, key, "
                f"{', '.join(_MHA_OPTIONS)}.", self)
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


class MultiHeadAttention(_HeadsAttention):
    """Multi-head attention: query/key/value projections to heads, then back.

    For ``MultiHeadAttention(4, 64)`` on 512 features: each of query, key and
    value has ``kernel (512, 4, 64)`` + ``bias (4, 64)``, the output
    ``kernel (4, 64, 512)`` + ``bias (512,)``.
    """

    def __init__(self, num_heads, key_dim, value_dim=None, dropout=0.0, use_bias=True,
                 output_shape=None, attention_axes=None, sliding_window=None,
                 flash_attention=None, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 use_gate=False, seed=None, **kwargs):
        owner = A.owner_of(type(self), kwargs.get("name"))
        self._num_heads = _positive(num_heads, "num_heads", owner)
        self._key_dim = _positive(key_dim, "key_dim", owner)
        _positive(value_dim, "value_dim", owner, allow_none=True)
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self._value_dim = value_dim if value_dim else key_dim
        if output_shape:
            if isinstance(output_shape, int) and not isinstance(output_shape, bool):
                output_shape = (output_shape,)
            try:
                output_shape = tuple(output_shape)
            except TypeError:
                raise LayerError(
                    f"{owner}: invalid `output_shape`: {output_shape!r}. When specified, the "
                    "`output_shape` should be of type tuple, list, or int.", self) from None
            for d in output_shape:
                if isinstance(d, bool) or not isinstance(d, int) or d <= 0:
                    raise LayerError(
                        f"{owner}: invalid `output_shape`: {output_shape!r}. It is the output's "
                        "shape after the batch and sequence axes (e.g. 64 or (8, 64)): positive "
                        "integers only.", self)
        else:
            output_shape = None
        self._output_shape = output_shape
        if isinstance(attention_axes, int) and not isinstance(attention_axes, bool):
            attention_axes = (attention_axes,)
        elif attention_axes and not isinstance(attention_axes, (list, tuple)):
            raise LayerError(
                f"{owner}: `attention_axes` must be an int, list, or tuple. Received: "
                f"attention_axes={attention_axes!r}", self)
        self._attention_axes = attention_axes
        self._common_init(dropout, use_bias, sliding_window, flash_attention, kernel_initializer,
                          bias_initializer, kernel_regularizer, bias_regularizer,
                          activity_regularizer, kernel_constraint, bias_constraint, use_gate,
                          seed)

    num_heads = property(lambda self: self._num_heads)
    key_dim = property(lambda self: self._key_dim)
    value_dim = property(lambda self: self._value_dim)
    dropout = property(lambda self: self._dropout)
    use_bias = property(lambda self: self._use_bias)
    attention_axes = property(lambda self: self._attention_axes)

    def build(self, query_shape, value_shape=None, key_shape=None):
        owner = describe_layer(self)
        self._require_value_shape(query_shape, value_shape)
        key_shape = value_shape if key_shape is None else key_shape
        self._check_value_key(owner, value_shape, key_shape)
        query_rank, value_rank, key_rank = len(query_shape), len(value_shape), len(key_shape)
        for role, rank, shape in (("query", query_rank, query_shape), ("key", key_rank, key_shape),
                                  ("value", value_rank, value_shape)):
            if rank < 2:
                raise LayerError(
                    f"Layer {owner} received a {role} of shape {format_shape(tuple(shape))}: it "
                    "needs at least a batch and a feature axis, e.g. (batch, seq, features).",
                    self)
        heads = self._num_heads
        eq, bias, rank = shapes.mha_projection_equation(query_rank - 1, 1, 2)
        self._query_dense = self._projection(eq, _partial(rank - 1, [heads, self._key_dim]), bias,
                                             "query", query_shape, "query")
        eq, bias, rank = shapes.mha_projection_equation(key_rank - 1, 1, 2)
        self._key_dense = self._projection(eq, _partial(rank - 1, [heads, self._key_dim]), bias,
                                           "key", key_shape, "key")
        if self._use_gate:
            eq, bias, rank = shapes.mha_projection_equation(query_rank - 1, 1, 2)
            self._gate_dense = self._projection(eq, _partial(rank - 1, [heads, self._value_dim]),
                                                bias, "gate", query_shape, "query",
                                                activation="sigmoid")
        eq, bias, rank = shapes.mha_projection_equation(value_rank - 1, 1, 2)
        self._value_dense = self._projection(eq, _partial(rank - 1, [heads, self._value_dim]),
                                             bias, "value", value_shape, "value")
        # _build_attention(rank): the attention axes of the projected tensors.
        try:
            self._attention_axes = shapes.mha_attention_axes(rank, self._attention_axes)
        except ShapeError as e:
            raise LayerError(
                f"Layer {owner} (attention_axes={self._attention_axes!r}) cannot attend over "
                f"a value of shape {format_shape(tuple(value_shape))}: {e}. Attention axes are "
                "axes of the input between the batch and the features.", self) from None
        scores_rank = rank - 1 + len(self._attention_axes)
        norm_axes = tuple(range(scores_rank - len(self._attention_axes), scores_rank))
        self._attention_sublayers(norm_axes)
        output_shape = self._output_shape or [query_shape[-1]]
        eq, bias, rank = shapes.mha_projection_equation(query_rank - 1, 2, len(output_shape))
        out_in = list(self._query_dense.compute_output_shape(tuple(query_shape)))
        out_in[-1] = self._value_dim
        self._output_dense = self._projection(eq, _partial(rank - 1, list(output_shape)), bias,
                                              "attention_output", tuple(out_in),
                                              "projected heads")

    def compute_output_shape(self, query_shape, value_shape, key_shape=None):
        query_shape, value_shape = tuple(query_shape), tuple(value_shape)
        key_shape = value_shape if key_shape is None else tuple(key_shape)
        self._check_value_key(describe_layer(self), value_shape, key_shape)
        if self._output_shape:
            return query_shape[:-1] + tuple(self._output_shape)
        return query_shape

    def compute_output_spec(self, query, value, key=None, query_mask=None, value_mask=None,
                            key_mask=None, attention_mask=None, return_attention_scores=False,
                            training=None, use_causal_mask=False):
        out = KerasTensor(self.compute_output_shape(query.shape, value.shape,
                                                    None if key is None else key.shape),
                          dtype=self.compute_dtype)
        if return_attention_scores:
            # Keras 3.15 reports (batch, heads, Tq, Tq) whatever the key/value length.
            length = query.shape[1] if len(query.shape) > 1 else None
            scores = KerasTensor((query.shape[0], self._num_heads, length, length),
                                 dtype=self.compute_dtype)
            return out, scores
        return out

    def get_config(self):
        config = super().get_config()
        config.update({
            "num_heads": self._num_heads, "key_dim": self._key_dim, "value_dim": self._value_dim,
            "dropout": self._dropout, "use_bias": self._use_bias, "use_gate": self._use_gate,
            "output_shape": self._output_shape, "attention_axes": self._attention_axes,
            "sliding_window": self._sliding_window, "seed": self.seed})
        return config

    @classmethod
    def from_config(cls, config):
        """tf-keras stores the shapes it was built for in the config (and builds from them in
        its ``from_config``); Keras 3 configs have a ``shapes_dict`` build_config instead."""
        config = _config_with_policy_name(config)
        query_shape = config.pop("query_shape", None)
        key_shape = config.pop("key_shape", None)
        value_shape = config.pop("value_shape", None)
        config.pop("softmax_robust_masking", None)
        layer = cls(**config)
        if query_shape is not None and value_shape is not None:
            shapes_dict = {"query_shape": tuple(query_shape), "value_shape": tuple(value_shape),
                           "key_shape": tuple(key_shape) if key_shape is not None else None}
            layer.build(**shapes_dict)
            layer._build_shapes_dict = {k: v for k, v in shapes_dict.items() if v is not None}
            layer.built = True
        return layer


def _partial(rank, known_last):
    """Keras's ``_get_output_shape``: ``None`` for the leading axes, then the known sizes."""
    return [None] * (rank - len(known_last)) + list(known_last)


class GroupedQueryAttention(_HeadsAttention):
    """Grouped-query attention (``keras.layers.GroupQueryAttention``).

    ``num_query_heads`` query heads share ``num_key_value_heads`` key/value
    heads: query ``kernel (dim, num_query_heads, head_dim)``, key and value
    ``kernel (dim, num_key_value_heads, head_dim)``, output
    ``kernel (num_query_heads, head_dim, dim)``.
    """

    def __init__(self, head_dim, num_query_heads, num_key_value_heads, dropout=0.0,
                 use_bias=True, sliding_window=None, flash_attention=None,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, use_gate=False, seed=None,
                 **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.head_dim = _positive(head_dim, "head_dim", owner)
        self.num_query_heads = _positive(num_query_heads, "num_query_heads", owner)
        self.num_key_value_heads = _positive(num_key_value_heads, "num_key_value_heads", owner)
        if num_query_heads % num_key_value_heads != 0:
            raise LayerError(
                f"{owner}: `num_query_heads` must be divisible by `num_key_value_heads` (each "
                f"key/value head serves a group of query heads). Received: num_query_heads="
                f"{num_query_heads}, num_key_value_heads={num_key_value_heads}.", self)
        self.num_repeats = num_query_heads // num_key_value_heads
        self._common_init(dropout, use_bias, sliding_window, flash_attention, kernel_initializer,
                          bias_initializer, kernel_regularizer, bias_regularizer,
                          activity_regularizer, kernel_constraint, bias_constraint, use_gate,
                          seed)
        self.activity_regularizer = self._activity_regularizer

    dropout = property(lambda self: self._dropout)
    use_bias = property(lambda self: self._use_bias)
    use_gate = property(lambda self: self._use_gate)

    def build(self, query_shape, value_shape=None, key_shape=None):
        self._require_value_shape(query_shape, value_shape)
        key_shape = value_shape if key_shape is None else key_shape
        self.feature_dim = query_shape[-1] if query_shape else None
        nq, nkv, hd = self.num_query_heads, self.num_key_value_heads, self.head_dim
        self._query_dense = self._projection("bqm,muh->bquh", (None, nq, hd), "uh", "query",
                                             query_shape, "query")
        self._key_dense = self._projection("bkm,mvh->bkvh", (None, nkv, hd), "vh", "key",
                                           key_shape, "key")
        if self._use_gate:
            self._gate_dense = self._projection("bqm,muh->bquh", (None, nq, hd), "uh", "gate",
                                                query_shape, "query", activation="sigmoid")
        self._value_dense = self._projection("bkm,mvh->bkvh", (None, nkv, hd), "vh", "value",
                                             value_shape, "value")
        self._attention_sublayers(-1)
        self._output_dense = self._projection("bquh,uhm->bqm", (None, self.feature_dim), "m",
                                              "attention_output", (None, None, nq, hd),
                                              "projected heads")

    def compute_output_shape(self, query_shape, value_shape, key_shape=None):
        owner = describe_layer(self)
        query_shape, value_shape = tuple(query_shape), tuple(value_shape)
        key_shape = value_shape if key_shape is None else tuple(key_shape)
        if query_shape[-1] != value_shape[-1]:
            raise LayerError(
                f"Layer {owner}: the last dimension of `query` and `value` must be equal, but "
                f"they are {query_shape[-1]} and {value_shape[-1]}. Received: query_shape="
                f"{format_shape(query_shape)}, value_shape={format_shape(value_shape)}. Project "
                "one of them (e.g. with a Dense layer) to the other's size.", self)
        self._check_value_key(owner, value_shape, key_shape)
        return query_shape

    def compute_output_spec(self, query, value, key=None, query_mask=None, value_mask=None,
                            key_mask=None, attention_mask=None, return_attention_scores=False,
                            training=None, use_causal_mask=False):
        out = KerasTensor(self.compute_output_shape(query.shape, value.shape,
                                                    None if key is None else key.shape),
                          dtype=self.compute_dtype)
        if return_attention_scores:
            kv_len = value.shape[1] if key is None else key.shape[1]
            scores = KerasTensor((query.shape[0], self.num_query_heads, query.shape[1], kv_len),
                                 dtype=self.compute_dtype)
            return out, scores
        return out

    @classmethod
    def from_config(cls, config):
        return cls(**_config_with_policy_name(config))

    def get_config(self):
        config = super().get_config()
        config.update({
            "head_dim": self.head_dim, "num_query_heads": self.num_query_heads,
            "num_key_value_heads": self.num_key_value_heads, "use_bias": self._use_bias,
            "use_gate": self._use_gate, "sliding_window": self._sliding_window,
            "dropout": self._dropout, "seed": self.seed})
        return config


GroupQueryAttention = GroupedQueryAttention

_ATTENTION_OPTIONS = ("mask", "training", "return_attention_scores", "use_causal_mask")


class Attention(Layer):
    """Dot-product (Luong) attention on ``[query, value]`` or ``[query, value, key]``.

    Weights: ``scale`` (a scalar) with ``use_scale=True``; ``concat_score_weight``
    (a scalar) with ``score_mode="concat"``.
    """
    call_mask_args = ("mask",)
    supports_masking = True

    def __init__(self, use_scale=False, score_mode="dot", dropout=0.0, seed=None, **kwargs):
        super().__init__(**kwargs)
        owner = describe_layer(self)
        self.use_scale = use_scale
        self.score_mode = score_mode
        self.dropout = _rate(dropout, "dropout", owner)
        self.seed = seed
        if self.dropout > 0:
            self.seed_generator = SeedGenerator(seed=seed)
        if score_mode not in ("dot", "concat"):
            raise LayerError(
                f"{owner}: invalid value for argument score_mode. Expected one of {{'dot', "
                f"'concat'}}. Received: score_mode={score_mode!r}", self)
        self.scale = None
        self.concat_score_weight = None

    def _validate_inputs(self, inputs, mask=None):
        owner = describe_layer(self)
        name = type(self).__name__
        if not isinstance(inputs, list):
            shown = format_shape(_shape(inputs)) if not isinstance(inputs, tuple) else (
                "a tuple " + format_shape(list(map(_shape, inputs))))
            raise LayerError(
                f"Layer {owner} must be called on a list of inputs, namely [query, value] or "
                f"[query, value, key]. Received: {shown}. Call it as {name}()([query, value])"
                " (a Python list).", self)
        if len(inputs) < 2 or len(inputs) > 3:
            raise LayerError(
                f"Layer {owner} accepts an inputs list of length 2 or 3, namely [query, value] or "
                f"[query, value, key]. Received {len(inputs)} input(s) of shapes "
                f"{format_shape(list(map(_shape, inputs)))}.", self)
        if mask is not None:
            if not isinstance(mask, list):
                raise LayerError(
                    f"Layer {owner}: the mask must be a list, namely [query_mask, value_mask]. "
                    f"Received: mask={mask!r}.", self)
            if len(mask) < 2 or len(mask) > 3:
                raise LayerError(
                    f"Layer {owner} accepts a mask list of length 2 or 3. Received a list of "
                    f"{len(mask)}.", self)

    def _bind_call(self, args, kwargs):
        bound, options = super()._bind_call(args, kwargs)
        unknown = [k for k in options if k not in _ATTENTION_OPTIONS]
        if unknown:
            raise LayerError(
                f"Layer {describe_layer(self)} got unexpected call argument(s) "
                f"{', '.join(unknown)}; it takes inputs=[query, value(, key)], "
                f"{', '.join(_ATTENTION_OPTIONS)}.", self)
        return bound, options

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        self.scale = None
        self.concat_score_weight = None
        if self.use_scale:
            self.scale = self.add_weight(name="scale", shape=(), initializer="ones")
        if self.score_mode == "concat":
            self.concat_score_weight = self.add_weight(name="concat_score_weight", shape=(),
                                                       initializer="ones")

    def compute_output_shape(self, input_shape):
        query_shape, value_shape = input_shape[0], input_shape[1]
        return (*query_shape[:-1], value_shape[-1])

    def compute_output_spec(self, inputs, mask=None, return_attention_scores=False, training=None,
                            use_causal_mask=False):
        self._validate_inputs(inputs, mask)
        query, value = inputs[0], inputs[1]
        key = inputs[2] if len(inputs) > 2 else value
        for role, t in (("query", query), ("value", value), ("key", key)):
            if not isinstance(t, KerasTensor):
                raise LayerError(f"Layer {describe_layer(self)}: the {role} must be a tensor. "
                                 f"Received: {t!r}", self)
        self._check_features(query.shape, value.shape, key.shape)
        out = KerasTensor(self.compute_output_shape([query.shape, value.shape, key.shape]),
                          dtype=self.compute_dtype)
        if return_attention_scores:
            scores = KerasTensor((*query.shape[:-1], key.shape[-2] if len(key.shape) > 1
                                  else None), dtype=self.compute_dtype)
            return out, scores
        return out

    def _check_features(self, query_shape, value_shape, key_shape):
        """Keras builds these symbolically; the layer then fails when it runs.  Warn."""
        problems = []
        q, k = query_shape[-1] if query_shape else None, key_shape[-1] if key_shape else None
        if q is not None and k is not None and q != k:
            how = {"dot": "the dot product query . key", "concat": "query + key (concat scores)",
                   "additive": "query + key (additive scores)"}[self._mode()]
            problems.append(f"{how} needs equal feature sizes, but the query has {q} and the "
                            f"key{' (= value)' if key_shape is value_shape else ''} has {k}")
        if len(key_shape) > 1 and len(value_shape) > 1:
            tk, tv = key_shape[-2], value_shape[-2]
            if tk is not None and tv is not None and tk != tv:
                problems.append(f"key and value need the same number of steps (key {tk}, "
                                f"value {tv})")
        for text in problems:
            message = (f"Layer {describe_layer(self)}: {text}. Keras builds the model and reports "
                       f"the shapes, but the layer fails when it runs (query "
                       f"{format_shape(tuple(query_shape))}, value {format_shape(tuple(value_shape))}"
                       f", key {format_shape(tuple(key_shape))}).")
            if message not in self._warnings:
                self._warnings.append(message)

    def _mode(self):
        return self.score_mode

    def compute_mask(self, inputs, mask=None):
        """Keras: the query's mask (through ``ops.convert_to_tensor``), or None."""
        self._validate_inputs(inputs, mask)
        if mask is None or mask[0] is None:
            return None
        from .. import ops
        return ops.convert_to_tensor(mask[0])

    def get_config(self):
        config = super().get_config()
        config.update({"use_scale": self.use_scale, "score_mode": self.score_mode,
                       "dropout": self.dropout, "seed": self.seed})
        return config

    def explain(self):
        parts = []
        if self.scale is not None:
            parts.append("scale (1 scalar)")
        if self.concat_score_weight is not None:
            parts.append("concat_score_weight (1 scalar)")
        if not parts:
            return [line(Subject(self.name), "no weights = ", Number(0),
                         f" ({self.score_mode} scores, use_scale=False)")]
        return [line(Subject(self.name), " + ".join(parts), " = ", Number(len(parts)))]


class AdditiveAttention(Attention):
    """Additive (Bahdanau) attention; ``scale`` has one entry per query feature."""

    def __init__(self, use_scale=True, dropout=0.0, **kwargs):
        super().__init__(use_scale=use_scale, dropout=dropout, **kwargs)

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        self.scale = None
        self.concat_score_weight = None
        if self.use_scale:
            dim = input_shape[0][-1] if input_shape[0] else None
            if dim is None:
                raise LayerError(
                    f"Layer {describe_layer(self)} received a query of shape "
                    f"{format_shape(tuple(input_shape[0]))}: its last dimension is unknown (None),"
                    " but `scale` has one entry per query feature. Give the query a fixed "
                    "feature size, or use use_scale=False.", self)
            self.scale = self.add_weight(name="scale", shape=(dim,),
                                         initializer="glorot_uniform")

    def _mode(self):
        return "additive"

    def get_config(self):
        config = super().get_config()
        del config["score_mode"]
        return config

    def explain(self):
        if self.scale is None:
            return [line(Subject(self.name), "no weights = ", Number(0),
                         " (additive scores, use_scale=False)")]
        n = self.scale.shape[0]
        return [line(Subject(self.name), "scale, one per query feature = ", Number(n))]
