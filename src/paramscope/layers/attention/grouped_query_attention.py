"""GroupedQueryAttention (keras/src/layers/attention/grouped_query_attention.py)."""

from __future__ import annotations

from ...errors import LayerError, describe_layer, format_shape
from ..einsum import config_with_policy_name
from .heads import HeadsAttention, positive_arg

__all__ = ["GroupedQueryAttention", "GroupQueryAttention"]


class GroupedQueryAttention(HeadsAttention):
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
        self.head_dim = positive_arg(head_dim, "head_dim", owner)
        self.num_query_heads = positive_arg(num_query_heads, "num_query_heads", owner)
        self.num_key_value_heads = positive_arg(num_key_value_heads, "num_key_value_heads", owner)
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

    def _scores_shape(self, query, value, key):
        kv_len = value.shape[1] if key is None else key.shape[1]
        return (query.shape[0], self.num_query_heads, query.shape[1], kv_len)

    @classmethod
    def from_config(cls, config):
        return cls(**config_with_policy_name(config))

    def get_config(self):
        config = super().get_config()
        config.update({
            "head_dim": self.head_dim, "num_query_heads": self.num_query_heads,
            "num_key_value_heads": self.num_key_value_heads, "use_bias": self._use_bias,
            "use_gate": self._use_gate, "sliding_window": self._sliding_window,
            "dropout": self._dropout, "seed": self.seed})
        return config


GroupQueryAttention = GroupedQueryAttention
