"""MultiHeadAttention (keras/src/layers/attention/multi_head_attention.py)."""

from __future__ import annotations

from ... import shapes
from ...errors import LayerError, ShapeError, describe_layer, format_shape
from .. import args as A
from ..einsum import config_with_policy_name
from .heads import HeadsAttention, positive_arg

__all__ = ["MultiHeadAttention"]


def _partial(rank, known_last):
    """Keras's ``_get_output_shape``: ``None`` for the leading axes, then the known sizes."""
    return [None] * (rank - len(known_last)) + list(known_last)


class MultiHeadAttention(HeadsAttention):
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
        self._num_heads = positive_arg(num_heads, "num_heads", owner)
        self._key_dim = positive_arg(key_dim, "key_dim", owner)
        positive_arg(value_dim, "value_dim", owner, allow_none=True)
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

    def _scores_shape(self, query, value, key):
        # Keras 3.15 reports (batch, heads, Tq, Tq) whatever the key/value length.
        length = query.shape[1] if len(query.shape) > 1 else None
        return (query.shape[0], self._num_heads, length, length)

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
        config = config_with_policy_name(config)
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
