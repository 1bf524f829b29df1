"""Attention layers: MultiHeadAttention, GroupedQueryAttention, Attention,
AdditiveAttention (keras/src/layers/attention).

MultiHeadAttention and GroupedQueryAttention own EinsumDense sublayers named
``query``, ``key``, (``gate``), ``value`` and ``attention_output``, built the
way Keras 3.15 builds them (plus a Softmax and a Dropout, which take auto
names such as ``softmax`` and ``dropout`` exactly when Keras creates them, so
later layers are numbered as in Keras).  Their output shapes follow Keras's
``compute_output_spec`` literally, including its attention-score shape
``(batch, num_heads, Tq, Tq)`` for MultiHeadAttention.

One module per layer, as keras/src/layers/attention: ``attention`` (Attention,
AdditiveAttention), ``multi_head_attention``, ``grouped_query_attention``; ``heads``
holds what the two multi-head layers share.
"""

from __future__ import annotations

from .. import family_member

__all__ = ["MultiHeadAttention", "GroupedQueryAttention", "GroupQueryAttention", "Attention",
           "AdditiveAttention"]


def __getattr__(name):
    """Each layer from its module, imported on first use (see ``layers.family_member``)."""
    return family_member(__name__, name)
