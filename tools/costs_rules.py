"""The MAC and activation-memory convention of issue 11, computed inside real Keras.

A helper of tools/make_costs.py (a developer tool run in the Keras 3 virtualenv; never imported by
paramscope or its tests).  Every figure is computed from Keras's OWN objects: the shapes of a
layer's variables and the KerasTensors of each call (``layer._inbound_nodes``) of the model's graph.

The convention (per sample: the batch dimension is excluded everywhere)
-----------------------------------------------------------------------
Rows are the layers as ``keras/src/utils/summary_utils.py`` lists them: ``model.layers`` for a
Sequential (or a subclassed model), ``model._operations`` for a Functional (InputLayer and
``keras.ops`` operation rows included).  A layer's figure sums its calls that belong to the
model's graph (the nodes of ``model._nodes_by_depth``; a Sequential's are those of its
``_functional``).  ``prod(kernel)`` is the product of the dimensions of the layer's own variable
of that name.  "Spatial dims" honour ``data_format`` (channels_last: ``shape[1:-1]``,
channels_first: ``shape[2:]``).

* Conv1D/2D/3D (any groups, dilation, strides, padding, data format): prod(output spatial dims) x
  prod(kernel).  With ``groups`` the kernel is (k..., in/groups, filters), so prod(kernel) already
  has the division: no extra rule.  DepthwiseConv1D/2D: the same (kernel (k..., in, multiplier)).
  SeparableConv1D/2D: prod(output spatial) x (prod(depthwise_kernel) + prod(pointwise_kernel)).
  Conv1D/2D/3DTranspose: prod(INPUT spatial dims) x prod(kernel).
* Dense: prod(output shape without batch and last dim) x prod(kernel).
* EinsumDense: the product of the sizes of all distinct index letters of its equation; a
  letter's size comes from the kernel when the kernel has it, else from the input.  The input's
  first dimension is the batch and counts 1, whatever letter names it.  DECISION for ``...``: the
  dimensions an ellipsis stands for in the input are multiplied in like letters (the first of
  them, when the ellipsis starts the input, is the batch and counts 1), so ``'...b,bc->...c'`` on
  (None, 5, 7, 16) gives 5 x 7 x 16 x c, exactly what Dense gives for the same input.
* MultiHeadAttention: its projections by the EinsumDense rule -- query (input: query), key
  (input: key, or value when no key is passed), value (input: value), the gate projection when
  ``use_gate`` (input: query), attention_output (input: query.shape[:-1] + (num_heads, value_dim))
  -- plus num_heads x prod(query positions) x prod(key positions) x (key_dim + value_dim).
  DECISION for ``attention_axes``: query positions are ALL query dims between the batch and the
  feature dim (the attention axes and the axes the attention is batched over); key positions are
  the key's dims on the attention axes only (the other axes are shared with the query).  This is
  the exact multiply count of the two attention einsums.  ``sliding_window``, masks, causal masks,
  ``flash_attention`` and dropout change nothing (the dense product is counted).
* GroupQueryAttention: the same with num_heads = num_query_heads, key_dim = value_dim =
  head_dim (key/value heads are repeated to the query heads before the products).
* SimpleRNN/LSTM/GRU and RNN(cell): timesteps x (prod(kernel) + prod(recurrent_kernel)) of the
  cell; StackedRNNCells (also RNN([cell, cell])): the sum over its cells (recursively); a custom
  cell contributes its ``kernel`` and ``recurrent_kernel`` variables (0 for one it lacks).
  Timesteps: dim 1 of the first input (the sequence).  GRU's reset_after bias (2, 3u) is a bias.
* ConvLSTM1D/2D/3D: timesteps x prod(output spatial dims) x (prod(kernel) + prod(recurrent_kernel)).
  DECISION for ``strides``/``padding``: the output spatial dims (those of the first output, the
  time axis removed) are the positions of both convolutions: the input convolution is strided to
  them and the recurrent one runs on the state, which has them.
* Bidirectional: the forward plus the backward layer, each by its own rule on the wrapper's input
  (its output shape from ``compute_output_shape``).  DECISION for ``merge_mode``: the merge
  (concat, sum, mul, ave, None) adds 0.
* TimeDistributed: timesteps x the inner layer's MACs for one step (the input and output without
  dim 1).  A nested model inside it: its own figure.
* Attention and AdditiveAttention: 2 x Tq x Tv x dim (dim = the query's last dim).
* SpectralNormalization: its inner layer's MACs on the wrapper's call (the power iteration is not
  counted).  LoRA (``lora_rank``): the base kernel's shape (the ``kernel`` variable; the adapters
  add none).  Quantized layers: the logical kernel shape (int4 packs two values per byte: Dense's
  is (in, units), EinsumDense's is ``original_kernel_shape``).  Bias is never counted.
* DECISION for ReversibleEmbedding: a forward call is a lookup (0); a ``reverse=True`` call is a
  projection onto the vocabulary and counts like Dense: prod(output without batch and last dim) x
  prod(embeddings).
* A nested model (a Model among the rows): the sum of its own rows (recursively), computed on its
  own graph (the shapes its own summary shows), times the number of times it is called in the
  outer graph.  DECISION: a nested model whose own graph has an unknown dim is unknown even when
  the outer call has a concrete shape.
* Every other layer and every ``keras.ops`` operation row: 0 (embeddings are lookups; pooling,
  normalisation, activations, merges, reshapes and ops are not counted).  Such a row is 0 even
  when its shape is unknown; a row with a rule above is ``None`` (unknown) when a dimension it
  needs is ``None`` or when it has no call in the graph (an unbuilt Sequential).
* The model's MACs: the sum of its rows; ``None`` if any row is ``None``.  FLOPs = 2 x MACs.

Activation bytes (per sample): for each call of the row's layer in the graph, for each output
KerasTensor, prod(shape[1:]) x the byte size of its dtype; ``None`` if a dim is None, the dtype has
no size (string) or the layer has no call.  DECISION: a layer called several times sums its calls.
Byte sizes: Keras's ``dtype_utils.DTYPE_TO_SIZE`` bits / 8, except bool = 1 byte (a bool tensor
takes one byte in every backend; Keras's table gives 1 bit for weights), float8 types = 1.
The model's activation bytes: the sum over ``model.layers`` other than InputLayer (``keras.ops``
operation rows, marked ``"operation": true``, excluded, a nested model counting its own outputs only -- its inner layers are
recorded in its own rows); ``None`` if any is ``None``.  Input bytes: the model inputs, likewise.
"""

import math

from keras.src import tree
from keras.src.layers import (AdditiveAttention, Attention, Bidirectional, Dense, EinsumDense,
                              InputLayer, Layer, MultiHeadAttention, RNN,
                              SpectralNormalization, StackedRNNCells, TimeDistributed)
from keras.src.layers.attention.grouped_query_attention import GroupedQueryAttention as GroupQueryAttention
from keras.src.layers.convolutional.base_conv import BaseConv
from keras.src.layers.convolutional.base_conv_transpose import BaseConvTranspose
from keras.src.layers.convolutional.base_depthwise_conv import BaseDepthwiseConv
from keras.src.layers.convolutional.base_separable_conv import BaseSeparableConv
from keras.src.layers.core.reversible_embedding import ReversibleEmbedding
from keras.src.layers.rnn.conv_lstm import ConvLSTM
from keras.src.models import Functional, Model, Sequential
from keras.src.utils import dtype_utils

BYTES_BY_DTYPE = {name: bits // 8 for name, bits in dtype_utils.DTYPE_TO_SIZE.items()}
BYTES_BY_DTYPE.update({"bool": 1, "float8_e4m3fn": 1, "float8_e5m2": 1, "complex64": 8,
                       "complex128": 16})


class Call:
    """One call of a layer: shapes of its positional / keyword tensor arguments and outputs."""

    def __init__(self, args, kwargs, outputs):
        self.args = args
        self.kwargs = kwargs
        self.outputs = outputs

    @classmethod
    def from_node(cls, node):
        shape = lambda x: tuple(x.shape) if hasattr(x, "shape") and hasattr(x, "dtype") else x
        args = tree.map_structure(shape, tuple(node.arguments.args))
        kwargs = tree.map_structure(shape, dict(node.arguments.kwargs))
        outputs = [tuple(t.shape) for t in tree.flatten(node.output_tensors)]
        return cls(args, kwargs, outputs)

    def arg(self, index, name, default=None):
        if len(self.args) > index:
            return self.args[index]
        return self.kwargs.get(name, default)

    def first_input(self):
        """The first tensor of the first argument (the sequence of an RNN call, say)."""
        first = self.args[0] if self.args else next(iter(self.kwargs.values()))
        while isinstance(first, (list, tuple)) and first and not _is_shape(first):
            first = first[0]
        return first


def _is_shape(x):
    return isinstance(x, tuple) and all(d is None or isinstance(d, int) for d in x)


def prod(dims):
    """The product of ``dims``; None if any is None."""
    if any(d is None for d in dims):
        return None
    return math.prod(int(d) for d in dims)


def _mul(*factors):
    if any(f is None for f in factors):
        return None
    return math.prod(factors)


def _add(*terms):
    if any(t is None for t in terms):
        return None
    return sum(terms)


def own_weight_shape(layer, name):
    """The shape of the layer's own variable called ``name`` (not a sublayer's), or None."""
    for v in layer._trainable_variables + layer._non_trainable_variables:
        if v.name == name:
            return tuple(v.shape)
    return None


def kernel_shape(layer, name="kernel"):
    """The logical kernel shape (int4 kernels are stored packed two values per byte)."""
    if name == "kernel" and getattr(layer, "quantization_mode", None) == "int4":
        if isinstance(layer, EinsumDense):
            return tuple(layer.original_kernel_shape)
        if isinstance(layer, Dense):
            return (own_weight_shape(layer, "kernel")[0], layer.units)
    shape = own_weight_shape(layer, name)
    if shape is None:
        raise ValueError(f"{layer.name} ({type(layer).__name__}) has no variable {name!r}")
    return shape


def spatial_dims(shape, data_format, rank):
    if data_format == "channels_first":
        return shape[2:2 + rank]
    return shape[1:1 + rank]


# ---------------------------------------------------------------------------
# The rules, one per family; each takes (layer, Call) and returns an int or None.
# ---------------------------------------------------------------------------
def conv_macs(layer, call):
    return _mul(prod(spatial_dims(call.outputs[0], layer.data_format, layer.rank)),
                prod(kernel_shape(layer)))


def separable_conv_macs(layer, call):
    per_position = prod(kernel_shape(layer, "depthwise_kernel")) + prod(
        kernel_shape(layer, "pointwise_kernel"))
    return _mul(prod(spatial_dims(call.outputs[0], layer.data_format, layer.rank)), per_position)


def conv_transpose_macs(layer, call):
    return _mul(prod(spatial_dims(call.first_input(), layer.data_format, layer.rank)),
                prod(kernel_shape(layer)))


def dense_macs(layer, call):
    return _mul(prod(call.outputs[0][1:-1]), prod(kernel_shape(layer)))


def einsum_macs(equation, input_shape, kernel):
    """The product of all distinct letters' sizes; the input's dim 0 (the batch) counts 1."""
    lhs, _ = equation.split("->")
    in_spec, kernel_spec = lhs.split(",")
    sizes = {}
    extra = []  # dims an ellipsis of the input stands for (the batch excluded)
    if "..." in in_spec:
        before, after = in_spec.split("...")
        n_ellipsis = len(input_shape) - len(before) - len(after)
        letter_dims = list(zip(before, input_shape[:len(before)]))
        letter_dims += list(zip(after, input_shape[len(before) + n_ellipsis:]))
        ellipsis_dims = list(input_shape[len(before):len(before) + n_ellipsis])
        if not before and ellipsis_dims:
            ellipsis_dims = ellipsis_dims[1:]  # the batch
        extra = ellipsis_dims
        batch_letter = before[0] if before else None
    else:
        letter_dims = list(zip(in_spec, input_shape))
        batch_letter = in_spec[0]
    for letter, dim in letter_dims:
        sizes[letter] = dim
    for letter, dim in zip(kernel_spec.replace("...", ""), kernel):
        sizes[letter] = dim
    if batch_letter is not None:
        sizes[batch_letter] = 1
    return _mul(prod(list(sizes.values())), prod(extra))


def einsum_dense_macs(layer, call):
    return einsum_macs(layer.equation, call.first_input(), kernel_shape(layer))


def _projection(dense, input_shape):
    return einsum_macs(dense.equation, input_shape, kernel_shape(dense))


def mha_macs(layer, call):
    query, value = call.arg(0, "query"), call.arg(1, "value")
    key = call.arg(2, "key") or value
    heads, key_dim, value_dim = layer.num_heads, layer.key_dim, layer.value_dim
    terms = [_projection(layer._query_dense, query), _projection(layer._key_dense, key),
             _projection(layer._value_dense, value),
             _projection(layer._output_dense, tuple(query[:-1]) + (heads, value_dim))]
    if layer._use_gate:
        terms.append(_projection(layer._gate_dense, query))
    query_positions = prod(query[1:-1])
    key_positions = prod([key[axis] for axis in layer._attention_axes])
    terms.append(_mul(heads, query_positions, key_positions, key_dim + value_dim))
    return _add(*terms)


def gqa_macs(layer, call):
    query, value = call.arg(0, "query"), call.arg(1, "value")
    key = call.arg(2, "key") or value
    heads, head_dim = layer.num_query_heads, layer.head_dim
    terms = [_projection(layer._query_dense, query), _projection(layer._key_dense, key),
             _projection(layer._value_dense, value),
             _projection(layer._output_dense, tuple(query[:-1]) + (heads, head_dim))]
    if layer.use_gate:
        terms.append(_projection(layer._gate_dense, query))
    terms.append(_mul(heads, prod(query[1:-1]), prod(key[1:-1]), 2 * head_dim))
    return _add(*terms)


def cell_step_macs(cell):
    """prod(kernel) + prod(recurrent_kernel) of one cell; StackedRNNCells sums its cells."""
    if isinstance(cell, StackedRNNCells):
        return sum(cell_step_macs(c) for c in cell.cells)
    total = 0
    for name in ("kernel", "recurrent_kernel"):
        shape = own_weight_shape(cell, name)
        if shape is not None:
            total += math.prod(shape)
    return total


def rnn_macs(layer, call):
    timesteps = call.first_input()[1]
    step = cell_step_macs(layer.cell)
    if isinstance(layer, ConvLSTM):
        out = call.outputs[0]
        if layer.return_sequences:
            out = out[:1] + out[2:]  # drop time
        step = _mul(step, prod(spatial_dims(out, layer.cell.data_format, layer.cell.rank)))
    return _mul(timesteps, step)


def _first_shape(structure):
    flat = []
    tree.map_shape_structure(lambda s: flat.append(tuple(s)), structure)
    return flat[0]


def bidirectional_macs(layer, call):
    x = call.first_input()
    total = []
    for sub in (layer.forward_layer, layer.backward_layer):
        out = _first_shape(sub.compute_output_shape(x))
        total.append(layer_call_macs(sub, Call((x,), {}, [out])))
    return _add(*total)


def time_distributed_macs(layer, call):
    x, out = call.first_input(), call.outputs[0]
    inner = Call(((x[0],) + tuple(x[2:]),), {}, [(out[0],) + tuple(out[2:])])
    return _mul(x[1], layer_call_macs(layer.layer, inner))


def attention_macs(layer, call):
    inputs = call.arg(0, "inputs")
    query, value = inputs[0], inputs[1]
    return _mul(2, query[1], value[1], query[-1])


def spectral_norm_macs(layer, call):
    return layer_call_macs(layer.layer, call)


def reversible_embedding_macs(layer, call):
    if not call.arg(1, "reverse", False):
        return 0
    return _mul(prod(call.outputs[0][1:-1]), prod(kernel_shape(layer, "embeddings")))


# Most specific first (SeparableConv, Depthwise and Transpose are not BaseConv subclasses, but
# ConvLSTM is an RNN and AdditiveAttention an Attention).
RULES = (
    (BaseSeparableConv, separable_conv_macs),
    (BaseDepthwiseConv, conv_macs),
    (BaseConvTranspose, conv_transpose_macs),
    (BaseConv, conv_macs),
    (EinsumDense, einsum_dense_macs),
    (Dense, dense_macs),
    (MultiHeadAttention, mha_macs),
    (GroupQueryAttention, gqa_macs),
    (RNN, rnn_macs),
    (Bidirectional, bidirectional_macs),
    (TimeDistributed, time_distributed_macs),
    (Attention, attention_macs),
    (SpectralNormalization, spectral_norm_macs),
    (ReversibleEmbedding, reversible_embedding_macs),
)


def rule_for(layer):
    for cls, rule in RULES:
        if isinstance(layer, cls):
            return rule
    return None


def layer_call_macs(layer, call):
    """MACs of one call of a (non-model) layer, or of a model used inside a wrapper."""
    if isinstance(layer, Model):
        return model_costs(layer)["macs"]
    rule = rule_for(layer)
    return 0 if rule is None else rule(layer, call)


# ---------------------------------------------------------------------------
# Graph walking
# ---------------------------------------------------------------------------
def graph_of(model):
    """The Functional graph whose nodes are the model's calls, or None (unbuilt / subclassed)."""
    if isinstance(model, Sequential):
        return getattr(model, "_functional", None)
    if isinstance(model, Functional):
        return model
    return None


def rows_of(model):
    """The rows summary_utils prints for ``model``."""
    if isinstance(model, Functional) and not isinstance(model, Sequential):
        return list(model._operations)
    return list(model.layers)


def graph_node_ids(graph):
    if graph is None:
        return set()
    return {id(n) for nodes in graph._nodes_by_depth.values() for n in nodes}


def tensor_bytes(tensors):
    total = 0
    for t in tensors:
        size = BYTES_BY_DTYPE.get(str(t.dtype))
        n = prod(tuple(t.shape)[1:])
        if size is None or n is None:
            return None
        total += n * size
    return total


def activation_bytes(nodes):
    if not nodes:
        return None
    return _add(*[tensor_bytes(tree.flatten(n.output_tensors)) for n in nodes])


def row_record(layer, node_ids):
    nodes = [n for n in layer._inbound_nodes if id(n) in node_ids]
    row = {"name": layer.name, "class_name": type(layer).__name__, "calls": len(nodes),
           "activation_bytes": activation_bytes(nodes)}
    if not isinstance(layer, Layer):
        row["operation"] = True  # a keras.ops call recorded in a Functional graph
    if isinstance(layer, Model):
        inner = model_costs(layer)
        row["model"] = {"layers": inner["layers"], "macs": inner["macs"]}
        row["macs"] = _mul(len(nodes), inner["macs"]) if nodes else None
        return row
    if rule_for(layer) is None:
        row["macs"] = 0
    elif not nodes:
        row["macs"] = None
    else:
        row["macs"] = _add(*[layer_call_macs(layer, Call.from_node(n)) for n in nodes])
    return row


def model_costs(model):
    """{"layers": [rows], "macs", "activation_bytes", "input_bytes"} of a model."""
    graph = graph_of(model)
    node_ids = graph_node_ids(graph)
    rows = [row_record(layer, node_ids) for layer in rows_of(model)]
    model_layer_ids = {id(layer) for layer in model.layers}
    counted = [r for r, layer in zip(rows, rows_of(model))
               if id(layer) in model_layer_ids and not isinstance(layer, InputLayer)]
    try:
        inputs = tree.flatten(model.inputs) if graph is not None else None
    except (AttributeError, ValueError):
        inputs = None
    return {
        "layers": rows,
        "macs": _add(*[r["macs"] for r in rows]),
        "activation_bytes": _add(*[r["activation_bytes"] for r in counted]) if counted else 0,
        "input_bytes": tensor_bytes(inputs) if inputs else None,
    }
