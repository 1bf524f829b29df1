"""Multiply-accumulates (MACs) per layer, under the convention of issue 11.

Per sample (the batch dimension excluded); a layer called several times sums its calls; a
nested model is the sum of its own rows times its calls; bias is never counted; FLOPs = 2 x MACs.
``prod(kernel)`` is the product of the shape of the layer's own variable of that name; spatial
dims honour ``data_format``.  The rules (tests/golden/costs/README.md has the full table):

- Conv1D/2D/3D, DepthwiseConv1D/2D: prod(output spatial) x prod(kernel); SeparableConv1D/2D:
  prod(output spatial) x (prod(depthwise_kernel) + prod(pointwise_kernel));
  Conv*Transpose: prod(INPUT spatial) x prod(kernel).
- Dense: prod(output without batch and last dim) x prod(kernel); EinsumDense: the product of the
  sizes of all distinct letters of its equation, the batch counted as 1.
- MultiHeadAttention / GroupedQueryAttention: the projections (EinsumDense rule) + heads x
  prod(query positions) x prod(key positions) x (key_dim + value_dim).
- RNN layers: timesteps x (prod(kernel) + prod(recurrent_kernel)) summed over cells;
  ConvLSTM: also x prod(output spatial); Bidirectional: both directions; TimeDistributed:
  timesteps x the inner layer's MACs for one step.
- Attention, AdditiveAttention: 2 x Tq x Tv x dim.  SpectralNormalization: the inner layer's.
  ReversibleEmbedding: a ``reverse=True`` call counts like Dense, a lookup 0.
- Every other layer and every ``keras.ops`` row: 0.  A rule that needs an unknown dimension
  gives ``None`` (shown as ``?``), and so does a model total with such a row.

A rule is registered for layer classes with :func:`rule`; :func:`rule_for` walks the class's
MRO, so a subclass of Dense (a custom layer) counts as Dense.

>>> from paramscope.keras import Sequential, layers
>>> model = Sequential([layers.Input((22, 22, 3)), layers.Conv2D(2, 3)])
>>> costs = model_costs(model)
>>> costs.macs, costs.rows[0].explain
(21600, 'conv2d: 20 x 20 positions x (3 x 3 x 3 x 2) kernel = 21,600 MACs')
"""

from __future__ import annotations

import math

from .. import tree
from ..layers import InputLayer, KerasTensor, Layer, get_layer_class

# ---------------------------------------------------------------------------
# Small arithmetic on values that may be unknown (None)
# ---------------------------------------------------------------------------


def prod(dims):
    """The product of ``dims``; None if any is None."""
    dims = tuple(dims)
    if None in dims:
        return None
    return math.prod(dims)


def mul(*factors):
    return None if any(f is None for f in factors) else math.prod(factors)


def add(*terms):
    return None if any(t is None for t in terms) else sum(terms)


def dims_text(dims) -> str:
    """``3 x 3 x 3 x 2``; ``?`` for an unknown dim; ``1`` for no dims."""
    return " x ".join("?" if d is None else str(d) for d in dims) or "1"


def number_text(value) -> str:
    return "?" if value is None else f"{value:,}"


class Cost:
    """A figure (int, or None when unknown) and the arithmetic that gives it."""

    __slots__ = ("value", "text")

    def __init__(self, value, text):
        self.value = value
        self.text = text

    def __repr__(self):
        return f"Cost({self.value!r}, {self.text!r})"


# ---------------------------------------------------------------------------
# One call of a layer, as shapes
# ---------------------------------------------------------------------------


def _shape_of(x):
    return tuple(x.shape) if isinstance(x, KerasTensor) else x


class Call:
    """One call of a layer: the shapes of its tensor arguments and of its outputs."""

    __slots__ = ("args", "kwargs", "outputs")

    def __init__(self, args, kwargs, outputs):
        self.args = args
        self.kwargs = kwargs
        self.outputs = outputs

    @classmethod
    def from_node(cls, node):
        return cls(tree.map_structure(_shape_of, tuple(node.call_args)),
                   tree.map_structure(_shape_of, dict(node.call_kwargs)),
                   [tuple(t.shape) for t in node.outputs if isinstance(t, KerasTensor)])

    def arg(self, index, name, default=None):
        if len(self.args) > index:
            return self.args[index]
        return self.kwargs.get(name, default)

    def first_input(self):
        """The first tensor of the first argument (the sequence of an RNN call, say)."""
        first = self.args[0] if self.args else next(iter(self.kwargs.values()))
        while isinstance(first, (list, tuple)) and first and not tree.is_shape(first):
            first = first[0]
        return tuple(first)


# ---------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------

_RULES: dict = {}


def rule(*class_names):
    """Register ``fn(layer, call) -> Cost`` for the named built-in layer classes (resolved to
    the classes: dispatch is by class, through the MRO)."""
    def register(fn):
        for name in class_names:
            _RULES[get_layer_class(name)] = fn
        return fn
    return register


def rule_for(layer):
    """The rule of the nearest class of ``layer`` that has one, or None (a 0-MAC layer)."""
    for cls in type(layer).__mro__:
        fn = _RULES.get(cls)
        if fn is not None:
            return fn
    return None


def own_weight_shape(layer, name):
    """The shape of the layer's own variable called ``name`` (not a sublayer's), or None."""
    for w in layer._trainable_variables + layer._non_trainable_variables:
        if w.name == name:
            return tuple(w.shape)
    return None


def kernel_shape(layer, name="kernel"):
    """The logical kernel shape (an int4 kernel is stored packed two values per byte)."""
    if name == "kernel" and _quantization(layer) == "int4":
        if hasattr(layer, "original_kernel_shape"):
            return tuple(layer.original_kernel_shape)
        if hasattr(layer, "units"):
            return (own_weight_shape(layer, "kernel")[0], layer.units)
    shape = own_weight_shape(layer, name)
    if shape is None:
        raise ValueError(f"{layer.name} ({type(layer).__name__}) has no variable {name!r}")
    return shape


def _quantization(layer):
    policy = getattr(layer, "dtype_policy", None)
    return getattr(policy, "quantization", None)


def spatial_dims(shape, data_format, rank):
    if data_format == "channels_first":
        return tuple(shape[2:2 + rank])
    return tuple(shape[1:1 + rank])


# ---------------------------------------------------------------------------
# The rules, one per family
# ---------------------------------------------------------------------------


@rule("Conv1D", "Conv2D", "Conv3D", "DepthwiseConv1D", "DepthwiseConv2D")
def conv_macs(layer, call):
    positions = spatial_dims(call.outputs[0], layer.data_format, layer.rank)
    kernel = kernel_shape(layer)
    return Cost(mul(prod(positions), prod(kernel)),
                f"{dims_text(positions)} positions x ({dims_text(kernel)}) kernel")


@rule("SeparableConv1D", "SeparableConv2D")
def separable_conv_macs(layer, call):
    positions = spatial_dims(call.outputs[0], layer.data_format, layer.rank)
    depthwise, pointwise = (kernel_shape(layer, "depthwise_kernel"),
                            kernel_shape(layer, "pointwise_kernel"))
    return Cost(mul(prod(positions), prod(depthwise) + prod(pointwise)),
                f"{dims_text(positions)} positions x ({dims_text(depthwise)} + "
                f"{dims_text(pointwise)}) kernels")


@rule("Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose")
def conv_transpose_macs(layer, call):
    positions = spatial_dims(call.first_input(), layer.data_format, layer.rank)
    kernel = kernel_shape(layer)
    return Cost(mul(prod(positions), prod(kernel)),
                f"{dims_text(positions)} input positions x ({dims_text(kernel)}) kernel")


def _positions_times(positions, kernel_value, kernel_text):
    if not positions:
        return Cost(kernel_value, kernel_text)
    return Cost(mul(prod(positions), kernel_value),
                f"{dims_text(positions)} positions x ({kernel_text})")


@rule("Dense")
def dense_macs(layer, call):
    kernel = kernel_shape(layer)
    return _positions_times(call.outputs[0][1:-1], prod(kernel), f"{dims_text(kernel)} kernel")


def einsum_cost(equation, input_shape, kernel):
    """The product of all distinct letters' sizes; the input's dim 0 (the batch) counts 1.
    The dims an ellipsis of the input stands for are multiplied in like letters."""
    lhs = equation.split("->")[0]
    in_spec, kernel_spec = lhs.split(",")
    input_shape = tuple(input_shape)
    sizes, extra, batch_letter = {}, [], None
    if "..." in in_spec:
        before, after = in_spec.split("...")
        n_ellipsis = len(input_shape) - len(before) - len(after)
        pairs = list(zip(before, input_shape[:len(before)]))
        pairs += list(zip(after, input_shape[len(before) + n_ellipsis:]))
        extra = list(input_shape[len(before):len(before) + n_ellipsis])
        if not before and extra:
            extra = extra[1:]  # the batch
        batch_letter = before[0] if before else None
    else:
        pairs = list(zip(in_spec, input_shape))
        batch_letter = in_spec[0] if in_spec else None
    for letter, dim in pairs:
        sizes[letter] = dim
    for letter, dim in zip(kernel_spec.replace("...", ""), kernel):
        sizes[letter] = dim
    if batch_letter is not None:
        sizes.pop(batch_letter, None)
    letters = "".join(sizes)
    factors = extra + list(sizes.values())
    names = (["..."] * len(extra)) + list(letters)
    text = f"{dims_text(factors)} ({' x '.join(names) or 'nothing'} of {equation!r}; " \
           f"the batch counts 1)"
    return Cost(mul(prod(sizes.values()), prod(extra)), text)


@rule("EinsumDense")
def einsum_dense_macs(layer, call):
    return einsum_cost(layer.equation, call.first_input(), kernel_shape(layer))


def _projection(dense, input_shape):
    return einsum_cost(dense.equation, input_shape, kernel_shape(dense))


def _attention_cost(projections, heads, query_positions, key_positions, key_dim, value_dim):
    names = [name for name, _ in projections]
    costs = [cost for _, cost in projections]
    attention = mul(heads, prod(query_positions), prod(key_positions), key_dim + value_dim)
    text = (" + ".join(f"{name} {number_text(c.value)}" for name, c in zip(names, costs))
            + f" + {heads} heads x {dims_text(query_positions)} query positions x "
              f"{dims_text(key_positions)} key positions x ({key_dim} + {value_dim})")
    return Cost(add(*[c.value for c in costs], attention), text)


def _query_value_key(call):
    query, value = call.arg(0, "query"), call.arg(1, "value")
    key = call.arg(2, "key") or value
    return tuple(query), tuple(value), tuple(key)


def _attention_projections(layer, query, value, key, heads_and_size):
    """The (role, MACs) of an attention layer's projections: query, key and value, the gate
    when the layer has one, and the output, read from ``(heads, size)`` per query position."""
    projections = [("query", _projection(layer._query_dense, query)),
                   ("key", _projection(layer._key_dense, key)),
                   ("value", _projection(layer._value_dense, value))]
    if layer._use_gate:
        projections.append(("gate", _projection(layer._gate_dense, query)))
    projections.append(("output", _projection(layer._output_dense,
                                              query[:-1] + heads_and_size)))
    return projections


@rule("MultiHeadAttention")
def mha_macs(layer, call):
    query, value, key = _query_value_key(call)
    heads, key_dim, value_dim = layer.num_heads, layer.key_dim, layer.value_dim
    projections = _attention_projections(layer, query, value, key, (heads, value_dim))
    key_positions = [key[axis] for axis in layer._attention_axes]
    return _attention_cost(projections, heads, query[1:-1], key_positions, key_dim, value_dim)


@rule("GroupedQueryAttention")
def gqa_macs(layer, call):
    query, value, key = _query_value_key(call)
    heads, head_dim = layer.num_query_heads, layer.head_dim
    projections = _attention_projections(layer, query, value, key, (heads, head_dim))
    return _attention_cost(projections, heads, query[1:-1], key[1:-1], head_dim, head_dim)


def cell_kernels(cell):
    """The shapes of the ``kernel`` and ``recurrent_kernel`` of a cell (of each cell of a
    StackedRNNCells, recursively)."""
    if hasattr(cell, "cells") and isinstance(cell.cells, (list, tuple)):
        return [shape for c in cell.cells for shape in cell_kernels(c)]
    shapes = [own_weight_shape(cell, name) for name in ("kernel", "recurrent_kernel")]
    return [s for s in shapes if s is not None]


def _cell_step(cell):
    kernels = cell_kernels(cell)
    return sum(math.prod(s) for s in kernels), " + ".join(dims_text(s) for s in kernels) or "0"


@rule("RNN")
def rnn_macs(layer, call):
    timesteps = call.first_input()[1]
    step, text = _cell_step(layer.cell)
    return Cost(mul(timesteps, step), f"{number_text(timesteps)} steps x ({text})")


@rule("ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D")
def conv_lstm_macs(layer, call):
    timesteps = call.first_input()[1]
    step, text = _cell_step(layer.cell)
    out = call.outputs[0]
    if layer.return_sequences:
        out = out[:1] + out[2:]  # the time axis
    positions = spatial_dims(out, layer.cell.data_format, layer.cell.rank)
    return Cost(mul(timesteps, prod(positions), step),
                f"{number_text(timesteps)} steps x {dims_text(positions)} positions x ({text})")


@rule("Bidirectional")
def bidirectional_macs(layer, call):
    x = call.first_input()
    parts = []
    for sub in (layer.forward_layer, layer.backward_layer):
        out = tree.flatten_shapes(sub.compute_output_shape(x))[0]
        parts.append(layer_call_cost(sub, Call((x,), {}, [tuple(out)])))
    return Cost(add(*[p.value for p in parts]),
                f"forward ({parts[0].text}) + backward ({parts[1].text})")


@rule("TimeDistributed")
def time_distributed_macs(layer, call):
    x, out = call.first_input(), call.outputs[0]
    inner = layer_call_cost(layer.layer, Call(((x[0],) + x[2:],), {}, [(out[0],) + out[2:]]))
    return Cost(mul(x[1], inner.value), f"{number_text(x[1])} steps x ({inner.text})")


@rule("Attention", "AdditiveAttention")
def attention_macs(layer, call):
    inputs = call.arg(0, "inputs")
    query, value = tuple(inputs[0]), tuple(inputs[1])
    return Cost(mul(2, query[1], value[1], query[-1]),
                f"2 x {number_text(query[1])} query steps x {number_text(value[1])} value "
                f"steps x {number_text(query[-1])} dims (scores and weighted sum)")


@rule("SpectralNormalization")
def spectral_norm_macs(layer, call):
    return layer_call_cost(layer.layer, call)


@rule("ReversibleEmbedding")
def reversible_embedding_macs(layer, call):
    if not call.arg(1, "reverse", False):
        return Cost(0, "a lookup")
    table = kernel_shape(layer, "embeddings")
    return _positions_times(call.outputs[0][1:-1], prod(table),
                            f"{dims_text(table)} embeddings, reversed")


def layer_call_cost(layer, call):
    """The cost of one call of a layer (a model inside a wrapper counts its own total)."""
    from ..graph import Model
    if isinstance(layer, Model):
        inner = model_costs(layer)
        return Cost(inner.macs, f"{number_text(inner.macs)} of its layers")
    fn = rule_for(layer)
    return Cost(0, "0") if fn is None else fn(layer, call)


# ---------------------------------------------------------------------------
# Rows and models
# ---------------------------------------------------------------------------

#: Bytes of one element of a tensor; ``None``: no size (strings).
BYTES_BY_DTYPE = {
    "float16": 2, "float32": 4, "float64": 8, "bfloat16": 2, "int8": 1, "int16": 2,
    "int32": 4, "int64": 8, "uint8": 1, "uint16": 2, "uint32": 4, "uint64": 8, "bool": 1,
    "float8_e4m3fn": 1, "float8_e5m2": 1, "complex64": 8, "complex128": 16,
}


def tensor_bytes(tensors, cache=None):
    """Bytes of one sample of each tensor (its shape without the batch), summed; ``cache``
    maps ``id(tensor)`` to its bytes (a model's tensors are sized once)."""
    total = 0
    for t in tensors:
        n = cache.get(id(t), False) if cache is not None else False
        if n is False:
            size = BYTES_BY_DTYPE.get(str(t.dtype))
            dims = tuple(t.shape)[1:]
            n = None if size is None or None in dims else math.prod(dims) * size
            if cache is not None:
                cache[id(t)] = n
        if n is None:
            return None
        total += n
    return total


class RowCost:
    """One summary row's cost: ``macs`` and ``activation_bytes`` (per sample, summed over the
    layer's calls in the model's graph; None when unknown), ``calls``, ``explain`` (the MAC
    arithmetic, or None for a 0-MAC layer), ``operation`` (a ``keras.ops`` row), ``model``
    (a nested model's own :class:`ModelCosts`)."""

    __slots__ = ("name", "class_name", "calls", "macs", "activation_bytes", "explain",
                 "operation", "model")

    def __init__(self, name, class_name, calls, macs, activation_bytes, explain=None,
                 operation=False, model=None):
        self.name = name
        self.class_name = class_name
        self.calls = calls
        self.macs = macs
        self.activation_bytes = activation_bytes
        self.explain = explain
        self.operation = operation
        self.model = model


class ModelCosts:
    """A model's rows (as its summary lists them) and totals: ``macs`` (None if a row is
    unknown), ``activation_bytes`` (per sample: the sum over ``model.layers`` other than
    InputLayer), ``input_bytes`` (per sample)."""

    __slots__ = ("rows", "macs", "activation_bytes", "input_bytes", "peak_bytes")

    def __init__(self, rows, macs, activation_bytes, input_bytes, peak_bytes):
        self.rows = rows
        self.macs = macs
        self.activation_bytes = activation_bytes
        self.input_bytes = input_bytes
        self.peak_bytes = peak_bytes


def _graph_node_ids(model):
    return {id(n) for nodes in getattr(model, "_nodes_by_depth", {}).values() for n in nodes}


def rows_of(model):
    """The rows the summary lists: ``_operations`` of a Functional, else ``layers``."""
    from ..graph import Functional, Sequential
    if isinstance(model, Functional) and not isinstance(model, Sequential):
        return list(model._operations)
    return list(model.layers)


def _call_text(layer, texts, macs):
    if len(texts) == 1:
        body = texts[0]
    else:
        body = f"{len(texts)} calls: " + " + ".join(f"({t})" for t in texts)
    return f"{layer.name}: {body} = {number_text(macs)} MACs"


def row_cost(layer, node_ids, sizes=None) -> RowCost:
    from ..graph import Model
    nodes = [n for n in layer._inbound_nodes if id(n) in node_ids]
    class_name = getattr(layer, "class_name", None) or type(layer).__name__
    outputs = add(*[tensor_bytes([t for t in n.outputs if isinstance(t, KerasTensor)], sizes)
                    for n in nodes]) if nodes else None
    row = RowCost(layer.name, class_name, len(nodes), 0, outputs,
                  operation=not isinstance(layer, Layer))
    if isinstance(layer, Model):
        inner = model_costs(layer)
        row.model = inner
        row.macs = mul(len(nodes), inner.macs) if nodes else None
        row.explain = (f"{layer.name}: {len(nodes)} call{'s' if len(nodes) != 1 else ''} x "
                       f"{number_text(inner.macs)} (the sum of its layers) = "
                       f"{number_text(row.macs)} MACs")
        return row
    fn = rule_for(layer)
    if fn is None:
        return row
    if not nodes:
        row.macs = None
        row.explain = f"{layer.name}: not called in this model = ? MACs"
        return row
    costs = [fn(layer, Call.from_node(n)) for n in nodes]
    row.macs = add(*[c.value for c in costs])
    row.explain = _call_text(layer, [c.text for c in costs], row.macs)
    return row


def _peak_bytes(model, node_ids, sizes):
    """The largest inputs + outputs of any one call (per sample), for the inference estimate."""
    peak = 0
    for layer in model.layers:
        for node in layer._inbound_nodes:
            if id(node) not in node_ids:
                continue
            tensors = [t for t in list(node.input_tensors) + list(node.outputs)
                       if isinstance(t, KerasTensor)]
            size = tensor_bytes(tensors, sizes)
            if size is None:
                return None
            peak = max(peak, size)
    return peak


def model_costs(model) -> ModelCosts:
    """The costs of every row of ``model`` and its totals."""
    node_ids = _graph_node_ids(model)
    layers = rows_of(model)
    sizes = {}
    rows = [row_cost(layer, node_ids, sizes) for layer in layers]
    model_layer_ids = {id(layer) for layer in model.layers}
    counted = [r.activation_bytes for r, layer in zip(rows, layers)
               if id(layer) in model_layer_ids and not isinstance(layer, InputLayer)]
    try:
        inputs = tree.flatten(model.inputs) if node_ids else None
    except (AttributeError, ValueError):
        inputs = None
    inputs = [t for t in inputs or () if isinstance(t, KerasTensor)]
    return ModelCosts(rows=rows, macs=add(*[r.macs for r in rows]),
                      activation_bytes=add(*counted) if counted else 0,
                      input_bytes=tensor_bytes(inputs) if inputs else None,
                      peak_bytes=_peak_bytes(model, node_ids, sizes) if node_ids else None)
