"""A model as a :class:`~.graph.Diagram`: the one place the diagram touches the engine.

It reads what Keras's ``plot_model`` reads (``keras/src/utils/model_visualization.py``):
the layers in the summary's order (``model.layers`` for a Sequential model,
``model.operations`` for a Functional one), each layer's calls that belong to the model (the
summary's ``inbound``: Keras's "Connected to"), ``layer.input`` / ``layer.output`` for the
shapes and dtype, ``layer.activation``; the counts come from :func:`paramscope.summarize`.

As Keras draws it: one box per layer (a shared layer once, with an edge for every call,
repeated calls between the same two boxes drawn as one edge marked ×N); a Sequential model
has no box for its input; a model that is neither Sequential nor Functional is one box;
with ``expand_nested`` a nested Functional or Sequential model is a framed group, and the
edges into and out of it go to the boxes inside (the InputLayer a Functional receives an
input on, the first layer of a Sequential, the layer that makes the output used).
"""

from __future__ import annotations

from ..errors import ParamscopeError
from ..graph import Functional, Sequential
from .graph import Diagram, Row

# Class-name words -> colour category (the first match wins).
_CATEGORIES = (
    ("input", ("InputLayer",)),
    ("model", ("Functional", "Sequential", "Model")),
    ("attention", ("Attention",)),
    ("recurrent", ("LSTM", "GRU", "RNN", "Bidirectional", "TimeDistributed")),
    ("conv", ("Conv", "Convolution")),
    ("dense", ("Dense",)),
    ("embedding", ("Embedding",)),
    ("pooling", ("Pool",)),
    ("normalization", ("Normalization",)),
    ("merge", ("Add", "Concatenate", "Multiply", "Average", "Maximum", "Minimum",
               "Subtract", "Dot")),
    ("activation", ("Activation", "ReLU", "Softmax", "ELU", "PReLU", "LeakyReLU")),
    ("regularization", ("Dropout", "Noise", "Regularization", "SpatialDropout")),
    ("reshape", ("Flatten", "Reshape", "Permute", "RepeatVector", "Padding", "Cropping",
                 "UpSampling")),
    ("preprocessing", ("Rescaling", "Resizing", "Random", "Lookup", "Hashing",
                       "Vectorization", "Discretization", "CategoryEncoding", "CenterCrop")),
)


def category(class_name):
    """The colour category of a layer class."""
    for name, words in _CATEGORIES:
        if any(word in class_name for word in words):
            return name
    return "other"


def format_count(n):
    """``1234567`` -> ``'1,234,567'``."""
    return f"{n:,}"


def format_macs(n):
    """Multiply-accumulates in short units: ``3_870_000_000`` -> ``'3.87 G'``."""
    for unit, size in (("T", 10 ** 12), ("G", 10 ** 9), ("M", 10 ** 6), ("K", 10 ** 3)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return str(n)


class Options:
    """What each box shows (Keras's ``plot_model`` flags, and ``show_params``)."""

    def __init__(self, show_shapes=False, show_dtype=False, show_layer_names=True,
                 show_layer_activations=False, show_trainable=False, show_params=False,
                 expand_nested=False):
        self.show_shapes = bool(show_shapes)
        self.show_dtype = bool(show_dtype)
        self.show_layer_names = bool(show_layer_names)
        self.show_layer_activations = bool(show_layer_activations)
        self.show_trainable = bool(show_trainable)
        self.show_params = bool(show_params)
        self.expand_nested = bool(expand_nested)


def model_diagram(model, options=None, summary=None):
    """The :class:`Diagram` of ``model``; ``summary`` (``paramscope.summarize(model)``) is
    computed when not given."""
    from .. import summarize
    options = options or Options()
    if not getattr(model, "built", False):
        raise ParamscopeError(
            f"Model '{getattr(model, 'name', '?')}' has not yet been built, so it has no graph "
            "to draw. Build the model first by calling `build()` or by calling the model on "
            "a batch of data (or give its first layer an input shape).")
    summary = summary if summary is not None else summarize(model, with_explain=False)
    builder = _Builder(options)
    builder.diagram.title = f"{summary.name} ({summary.class_name})"
    builder.add_model(model, summary, group=None, path="")
    return builder.diagram


def _is_graph_model(layer):
    return isinstance(layer, (Functional, Sequential))


def _producer(tensor):
    """The operation that made a symbolic tensor and which of its outputs it is (Keras's
    ``tensor._keras_history``, which Keras's own plot_model follows)."""
    operation, _, tensor_index = tensor._keras_history
    return operation, tensor_index


class _Builder:
    def __init__(self, options):
        self.options = options
        self.diagram = Diagram()
        self.node_of = {}          # id(layer) -> node id

    # -- boxes ----------------------------------------------------------------------------

    def add_model(self, model, summary, group, path):
        if isinstance(model, Sequential):
            layers = model.layers
        elif isinstance(model, Functional):
            layers = model.operations
        else:   # a subclassed model: one box, as Keras draws it
            self._add_box(model, _ModelRow(summary), group, path)
            return
        rows = summary.layers
        if len(rows) != len(layers) or any(r.name != l.name for r, l in zip(rows, layers)):
            raise ParamscopeError(  # the summary is of this model: this is a bug if it happens
                f"internal error: the summary of model '{model.name}' does not list its layers")
        for layer, row in zip(layers, rows):
            if self.options.expand_nested and _is_graph_model(layer):
                self._add_group(layer, row, group, path)
            else:
                self._add_box(layer, row, group, path)
        self._add_edges(model, layers, rows)

    def _add_group(self, model, row, parent, path):
        from .. import summarize
        group_id = f"group:{path}{model.name}"
        if id(model) in self.node_of or self.diagram.has_node(group_id):
            return
        self.node_of[id(model)] = group_id
        self.diagram.add_group(group_id, f"{model.name} ({row.class_name})", parent,
                               data={"layer": model.name, "class": row.class_name,
                                     "params": row.params})
        self.add_model(model, summarize(model, with_explain=False), group_id,
                       f"{path}{model.name}/")

    def _add_box(self, layer, row, group, path):
        if id(layer) in self.node_of:
            return
        node_id = f"{path}{row.name}"
        self.node_of[id(layer)] = node_id
        data = {"layer": row.name, "class": row.class_name, "params": row.params,
                "trainable-params": row.trainable_params}
        macs = getattr(row, "macs", None)     # present once the cost profile exists
        if isinstance(macs, int):
            data["macs"] = macs
        self.diagram.add_node(node_id, _label(layer, row, self.options, macs), group, data,
                              category(row.class_name))

    # -- edges ----------------------------------------------------------------------------

    def _add_edges(self, model, layers, rows):
        if isinstance(model, Sequential) and not self.options.expand_nested:
            for a, b in zip(layers, layers[1:]):
                self._connect(a, b)
            return
        by_name = {layer.name: layer for layer in layers}
        for layer, row in zip(layers, rows):
            for position, (source_name, _, tensor_index) in enumerate(row.inbound):
                source = by_name.get(source_name)
                if source is None:    # a Sequential model's input: not drawn
                    continue
                self._connect(*self._resolve(source, tensor_index, layer, position))

    def _resolve(self, source, tensor_index, destination, position):
        """With nested models expanded, the boxes inside them that the edge really joins."""
        if not self.options.expand_nested:
            return source, destination
        while _is_graph_model(source):
            source, tensor_index = _producer(source.outputs[tensor_index])
        while _is_graph_model(destination):
            if isinstance(destination, Functional):
                inputs = destination.inputs
                destination, _ = _producer(inputs[position % len(inputs)])
            else:
                destination = destination.layers[0]
        return source, destination

    def _connect(self, source, destination):
        src, dst = self.node_of.get(id(source)), self.node_of.get(id(destination))
        if src is None or dst is None:
            return
        if src.startswith("group:") or dst.startswith("group:"):
            return    # a model left as a frame without boxes (nothing to connect to)
        self.diagram.add_edge(src, dst)


class _ModelRow:
    """The summary of a subclassed model, read as one row."""

    def __init__(self, summary):
        self.name = summary.name
        self.class_name = summary.class_name
        self.params = summary.weight_params
        self.trainable_params = summary.trainable_params
        self.non_trainable_params = summary.non_trainable_params
        self.weights = [True] if summary.weight_params else []
        self.trainable = summary.non_trainable_params == 0
        self.is_input_layer = False


# -- labels ------------------------------------------------------------------------------

def _label(layer, row, options, macs):
    class_name = row.class_name
    rows = [Row(f"{row.name} ({class_name})" if options.show_layer_names else class_name,
                "title")]
    if options.show_layer_activations and hasattr(layer, "activation"):
        rows.append(Row(f"Activation: {_activation_name(layer.activation)}"))
    if options.show_shapes:
        if class_name != "InputLayer":
            rows.append(Row(f"Input shape: {_format_shape(_shapes(layer, 'input'))}"))
        rows.append(Row(f"Output shape: {_format_shape(_shapes(layer, 'output'))}"))
    if options.show_dtype:
        rows.append(Row(f"Output dtype: {_dtypes(layer) or '?'}"))
    if options.show_trainable and row.weights:
        rows.append(Row("Trainable", "good") if row.trainable else Row("Non-trainable", "bad"))
    if options.show_params:
        text = f"Params: {format_count(row.params)}"
        if row.non_trainable_params and row.trainable_params:
            text += f" ({format_count(row.non_trainable_params)} non-trainable)"
        elif row.non_trainable_params:
            text += " (non-trainable)"
        rows.append(Row(text))
        if isinstance(macs, int):
            rows.append(Row(f"MACs: {format_macs(macs)}"))
    return rows


def _activation_name(activation):
    """Keras's ``get_layer_activation_name``; no activation is Keras's ``linear``."""
    if activation is None:
        return "linear"
    if hasattr(activation, "name"):
        return activation.name
    if hasattr(activation, "__name__"):
        return activation.__name__
    return str(activation)


def _map(struct, fn):
    if isinstance(struct, dict):
        return {k: _map(v, fn) for k, v in struct.items()}
    if isinstance(struct, (list, tuple)) and not hasattr(struct, "shape"):
        return type(struct)(_map(v, fn) for v in struct)
    return fn(struct)


def _first_call(layer, which):
    """``layer.input`` / ``layer.output`` (the first call's tensors, one or a list), as
    Keras's plot_model reads them; an operation that is not a layer has them on its first
    call node (Keras's ``_inbound_nodes``, which Keras's own plot_model walks too)."""
    try:
        return getattr(layer, which)
    except (ValueError, AttributeError, IndexError):
        pass
    nodes = getattr(layer, "_inbound_nodes", None)
    if not nodes:
        return None
    tensors = nodes[0].input_tensors if which == "input" else nodes[0].outputs
    return tensors[0] if len(tensors) == 1 else list(tensors)


def _shapes(layer, which):
    value = _first_call(layer, which)
    try:
        return None if value is None else _map(value, lambda t: tuple(t.shape))
    except AttributeError:
        return None


def _dtypes(layer):
    value = _first_call(layer, "output")
    try:
        return None if value is None else _map(value, lambda t: t.dtype)
    except AttributeError:
        return None


def _format_shape(shape):
    """As Keras's plot_model prints it."""
    if shape is None:
        return "?"
    if isinstance(shape, dict):
        text = ", ".join(f"{k}: {v}" for k, v in shape.items())
    else:
        text = f"{shape}"
    return text.replace("}", "").replace("{", "")
